//! Turning an outbox row into a MIME message and handing it to SMTP (or, with no SMTP
//! configured, to an .eml file).

use crate::core::config::{Config, MailTransport};
use lettre::{
    message::{
        header::{ContentType, HeaderName, HeaderValue},
        Mailbox, MultiPart,
    },
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::{collections::BTreeMap, path::PathBuf, time::Duration};

/// How long one SMTP exchange may take before it counts as failed (and is retried later).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Headers the message builder writes itself; an outbox row can't override them.
const RESERVED_HEADERS: [&str; 8] = [
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "message-id",
    "date",
    "mime-version",
];

/// Where emails go: an SMTP relay, or a folder of .eml files for local runs.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp(_) => f.write_str("Mailer::Smtp"),
            Mailer::Files(_, dir) => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

/// A failed delivery, described without addresses or message content: this text is stored in
/// `last_error` and shown to admins.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryError(pub String);

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Self, std::io::Error> {
        match &config.mail {
            MailTransport::Smtp(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url.0)
                    .map_err(|_| std::io::Error::other("CANDOR_SMTP_URL is not a valid SMTP URL"))?
                    .timeout(Some(SEND_TIMEOUT))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            MailTransport::Files(dir) => {
                std::fs::create_dir_all(dir)?;
                Ok(Mailer::Files(AsyncFileTransport::new(dir), dir.clone()))
            }
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), DeliveryError> {
        match self {
            Mailer::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|e| DeliveryError(smtp_failure(&e))),
            Mailer::Files(files, _) => files
                .send(message)
                .await
                .map(drop)
                .map_err(|_| DeliveryError("could not write the email file".into())),
        }
    }
}

/// What went wrong, in words an admin can act on, never the server's own text (which can quote
/// the recipient's address).
fn smtp_failure(error: &lettre::transport::smtp::Error) -> String {
    match error.status() {
        Some(code) if error.is_permanent() => {
            format!("the mail server refused the email (SMTP {code}, permanent)")
        }
        Some(code) => format!("the mail server deferred the email (SMTP {code}, temporary)"),
        None if error.is_timeout() => "the mail server did not answer in time".into(),
        None if error.is_tls() => "the TLS connection to the mail server failed".into(),
        None => "could not reach the mail server".into(),
    }
}

/// The parts of an outbox row a message is made of.
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub headers: &'a BTreeMap<String, String>,
    pub message_id: &'a str,
    pub attachments: &'a [crate::core::mail::Attachment],
}

/// A multipart/alternative message (text and HTML) with the row's own Message-ID, so every retry
/// of one email carries the same id and the recipient's server can drop duplicates. With
/// attachments, the alternative part and the files go in a multipart/mixed.
pub fn build_message(from: &Mailbox, envelope: &Envelope<'_>) -> Result<Message, DeliveryError> {
    let to: Mailbox = envelope
        .recipient
        .parse()
        .map_err(|_| DeliveryError("the recipient address is not valid".into()))?;
    let message = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(envelope.subject)
        .message_id(Some(envelope.message_id.to_owned()));
    let body = MultiPart::alternative_plain_html(
        envelope.body_text.to_owned(),
        envelope.body_html.to_owned(),
    );
    let body = if envelope.attachments.is_empty() {
        body
    } else {
        let mut mixed = MultiPart::mixed().multipart(body);
        for file in envelope.attachments {
            let media_type = ContentType::parse(&file.media_type)
                .map_err(|_| DeliveryError("an attachment's media type is not valid".into()))?;
            mixed = mixed.singlepart(
                lettre::message::Attachment::new(file.file_name.clone())
                    .body(file.bytes.clone(), media_type),
            );
        }
        mixed
    };
    let mut message = message
        .multipart(body)
        .map_err(|_| DeliveryError("the email could not be assembled".into()))?;
    for (name, value) in envelope.headers {
        let lower = name.to_ascii_lowercase();
        if RESERVED_HEADERS.contains(&lower.as_str()) || lower.starts_with("content-") {
            continue;
        }
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|_| DeliveryError("an email header name is not valid".into()))?;
        message
            .headers_mut()
            .insert_raw(HeaderValue::new(name, value.clone()));
    }
    Ok(message)
}
