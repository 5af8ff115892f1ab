//! Writing emails: rendering the built-in templates and queuing the result in `email_outbox`,
//! inside the caller's transaction (SPEC §8). Delivery is the outbox worker's job.

use crate::core::config::Config;
use crate::domain::{CandidateId, EmailKind, RequestId};
use minijinja::Environment;
use serde::Serialize;
use sqlx::PgConnection;
use std::sync::LazyLock;

pub mod editable;

/// Includes built-in templates by file name.
macro_rules! built_in {
    ($($file:literal),+ $(,)?) => {
        [$(($file, include_str!(concat!("templates/", $file)))),+]
    };
}

/// Built-in templates, compiled into the binary: `{name}.subject`, `{name}.txt`, `{name}.html`.
/// HTML templates are auto-escaped; text ones are not.
static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_function("t", translate);
    let sources = built_in![
        "base.html",
        "editable.html",
        "owner_alert.subject",
        "owner_alert.txt",
        "owner_alert.html",
        "candidate_confirmation.subject",
        "candidate_confirmation.txt",
        "candidate_confirmation.html",
        "fresh_link.subject",
        "fresh_link.txt",
        "fresh_link.html",
        "gdpr_notice.subject",
        "gdpr_notice.txt",
        "gdpr_notice.html",
        "extension_notice.subject",
        "extension_notice.txt",
        "extension_notice.html",
        "refusal_notice.subject",
        "refusal_notice.txt",
        "refusal_notice.html",
        "request_alert.subject",
        "request_alert.txt",
        "request_alert.html",
        "admin_digest.subject",
        "admin_digest.txt",
        "admin_digest.html",
        "email_confirmation.subject",
        "email_confirmation.txt",
        "email_confirmation.html",
        "team_invitation.subject",
        "team_invitation.txt",
        "team_invitation.html",
        "password_reset.subject",
        "password_reset.txt",
        "password_reset.html",
        "webhook_failing.subject",
        "webhook_failing.txt",
        "webhook_failing.html",
        "webhook_disabled.subject",
        "webhook_disabled.txt",
        "webhook_disabled.html",
    ];
    for (name, source) in sources {
        env.add_template(name, source)
            .expect("built-in email templates are valid");
    }
    env
});

/// `{{ t(locale, "message-id", name=value, …) }}`: a candidate email's sentence in the
/// candidate's language (`text::l10n`). Numbers stay numbers, so plurals follow the locale.
fn translate(
    locale: String,
    id: String,
    kwargs: minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    use crate::text::l10n::{Arg, Tr};
    let locale = crate::domain::locale::Locale::from_tag(&locale).unwrap_or_default();
    let mut values: Vec<(String, Result<i64, String>)> = Vec::new();
    for name in kwargs.args() {
        let value: minijinja::Value = kwargs.get(name)?;
        let value = match value.kind() {
            minijinja::value::ValueKind::Number => {
                i64::try_from(value.clone()).map_err(|_| value.to_string())
            }
            _ => Err(value.to_string()),
        };
        values.push((name.to_owned(), value));
    }
    kwargs.assert_all_used()?;
    let args: Vec<(&str, Arg<'_>)> = values
        .iter()
        .map(|(name, value)| {
            let arg = match value {
                Ok(n) => Arg::Number(*n),
                Err(text) => Arg::Text(text),
            };
            (name.as_str(), arg)
        })
        .collect();
    Ok(Tr::new(locale).t_with(&id, &args))
}

/// Candor's own blue on candidate emails' buttons, where the organization set no accent.
pub const DEFAULT_ACCENT: &str = "#1f4fd1";

/// Renders a candidate's email, `name`, in `locale` (its templates say `t(locale, …)`), its
/// buttons in the organization's `accent`.
pub fn render_in(
    locale: crate::domain::locale::Locale,
    accent: Option<&crate::domain::branding::Accent>,
    name: &str,
    context: impl Serialize,
) -> Result<Rendered, minijinja::Error> {
    let accent = accent.map_or(DEFAULT_ACCENT, |a| a.as_str());
    let context = minijinja::context! {
        locale => locale.as_str(),
        accent => accent,
        ..minijinja::Value::from(minijinja::value::Serde(context))
    };
    render(name, context)
}

/// A rendered email: one subject, a text part and an HTML part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders the built-in template `name` with `context`.
///
/// The templates and their variables are ours, so a failure is a programming error caught by the
/// tests; it still surfaces as an error, never a panic in a request.
pub fn render(name: &str, context: impl Serialize) -> Result<Rendered, minijinja::Error> {
    let context = minijinja::Value::from(minijinja::value::Serde(context));
    let part = |suffix: &str| render_file(&format!("{name}.{suffix}"), &context);
    // A subject is one header line, whatever the data held.
    let subject = editable::one_line(&part("subject")?);
    Ok(Rendered {
        subject,
        text: part("txt")?,
        html: part("html")?,
    })
}

/// Renders one built-in template file, e.g. `editable.html`.
fn render_file(file: &str, context: &minijinja::Value) -> Result<String, minijinja::Error> {
    TEMPLATES.get_template(file)?.render(context)
}

/// One row for the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub kind: EmailKind,
    pub recipient: String,
    pub content: Rendered,
    pub candidate_id: Option<CandidateId>,
    pub data_request_id: Option<RequestId>,
    /// Emails that must go once only carry a key; a second row with it is dropped.
    pub dedupe_key: Option<String>,
    /// `{public_url}/unsubscribe/{token}` for emails to candidates (RFC 8058 headers).
    pub unsubscribe_url: Option<String>,
    /// Not before this time (a delayed send, or a touchpoint's own time); None: at once.
    pub send_after: Option<chrono::DateTime<chrono::Utc>>,
}

impl OutgoingEmail {
    /// An email to a candidate: about them, with the one-click unsubscribe headers (a stop-only
    /// link valid as long as `config`'s candidate links). Set the dedupe key, request or send
    /// time on the result where the email has them.
    pub fn to_candidate(
        config: &Config,
        kind: EmailKind,
        recipient: String,
        content: Rendered,
        candidate: CandidateId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        OutgoingEmail {
            kind,
            recipient,
            content,
            candidate_id: Some(candidate),
            data_request_id: None,
            dedupe_key: None,
            unsubscribe_url: Some(crate::core::links::unsubscribe_url(
                config,
                candidate,
                now,
                config.link_ttl,
            )),
            send_after: None,
        }
    }
}

/// Queues the email in the caller's transaction. Returns its outbox id, or None when its dedupe
/// key was taken.
pub async fn queue(
    db: &mut PgConnection,
    config: &Config,
    email: OutgoingEmail,
) -> Result<Option<uuid::Uuid>, sqlx::Error> {
    let headers = match &email.unsubscribe_url {
        Some(url) => serde_json::json!({
            "List-Unsubscribe": format!("<{url}>"),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }),
        None => serde_json::json!({}),
    };
    sqlx::query_scalar!(
        "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, headers,
                                   candidate_id, data_request_id, dedupe_key, message_id, send_after,
                                   next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, now()), coalesce($11, now()))
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id",
        email.kind.as_str(),
        email.recipient,
        email.content.subject,
        email.content.text,
        email.content.html,
        headers,
        email.candidate_id.map(CandidateId::into_uuid),
        email.data_request_id.map(RequestId::into_uuid),
        email.dedupe_key,
        message_id(config),
        email.send_after,
    )
    .fetch_optional(db)
    .await
}

/// A file sent with a queued email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// Attaches a file to a queued email, in the caller's transaction.
pub async fn attach(
    db: &mut PgConnection,
    outbox_id: uuid::Uuid,
    attachment: &Attachment,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO email_attachments (outbox_id, file_name, media_type, bytes) VALUES ($1, $2, $3, $4)",
        outbox_id,
        attachment.file_name,
        attachment.media_type,
        attachment.bytes,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// A globally unique Message-ID in the sender's domain, fixed when the row is written so every
/// retry of the same email carries the same id.
pub fn message_id(config: &Config) -> String {
    format!(
        "<{}@{}>",
        uuid::Uuid::new_v4(),
        config.mail_from.email.domain()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::locale::Locale;
    use serde_json::json;

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let rendered = render(
            "owner_alert",
            json!({
                "owner_name": "Riley",
                "candidate": "<b>Anna</b> & co",
                "organization": "Northwind",
                "kind_label": "Erasure",
                "kind_sentence": "removal of their personal data",
                "received": "1 May 2026",
                "due": "1 June 2026",
                "profile_url": "https://candor.example/candidates/1",
            }),
        )
        .unwrap();
        assert_eq!(
            rendered.subject,
            "Erasure request from <b>Anna</b> & co — due 1 June 2026"
        );
        assert!(rendered.text.contains("<b>Anna</b> & co asked Northwind"));
        assert!(rendered
            .html
            .contains("&lt;b&gt;Anna&lt;&#x2f;b&gt; &amp; co"));
        assert!(!rendered.html.contains("<b>Anna"));
    }

    #[test]
    fn a_missing_variable_is_an_error_not_a_blank() {
        let err = render_in(
            Locale::En,
            None,
            "fresh_link",
            json!({ "organization": "Northwind" }),
        );
        assert!(err.is_err());
    }

    #[test]
    fn subjects_are_one_line() {
        let rendered = render_in(
            Locale::En,
            None,
            "candidate_confirmation",
            json!({
                "headline": "We received\r\nBcc: x@example.com",
                "what": "w",
                "due": null,
                "organization": "o",
                "preferences_url": "u",
                "contact": null,
            }),
        )
        .unwrap();
        assert_eq!(rendered.subject, "We received Bcc: x@example.com");
    }

    #[test]
    fn the_gdpr_notice_carries_the_consent_link_and_what_the_candidate_can_do() {
        let rendered = render_in(
            Locale::En,
            None,
            "gdpr_notice",
            json!({
                "first_name": "Anna",
                "organization": "Northwind",
                "retention": "2 years",
                "preferences_url": "https://candor.example/preferences/t",
                "privacy_policy_url": "https://northwind.example/privacy",
                "contact": "privacy@northwind.example",
            }),
        )
        .unwrap();
        assert_eq!(rendered.subject, "How Northwind uses your personal data");
        for part in [&rendered.text, &rendered.html] {
            assert!(part.contains("Hello Anna,"));
            assert!(part.contains("2 years"));
            assert!(part.contains("privacy@northwind.example"));
        }
        assert!(rendered
            .text
            .contains("https://candor.example/preferences/t"));
        assert!(rendered
            .html
            .contains("https:&#x2f;&#x2f;candor.example&#x2f;preferences&#x2f;t"));
    }

    #[test]
    fn extension_and_refusal_notices_give_the_reason_and_the_dates() {
        let context = json!({
            "first_name": "Anna",
            "organization": "Northwind",
            "kind": "access",
            "received": "3 May 2026",
            "old_due": "3 June 2026",
            "new_due": "3 August 2026",
            "reason": "Your data is spread over 40 files.",
            "preferences_url": "https://candor.example/preferences/t",
            "contact": null,
        });
        let extension = render_in(Locale::En, None, "extension_notice", &context).unwrap();
        assert!(extension.subject.ends_with("new date 3 August 2026"));
        assert!(extension
            .text
            .contains("answer by 3 August 2026 instead of 3 June 2026"));
        assert!(extension
            .html
            .contains("Your data is spread over 40 files."));
        let refusal = render_in(Locale::En, None, "refusal_notice", &context).unwrap();
        assert_eq!(refusal.subject, "About your request to Northwind");
        assert!(refusal.text.contains("Your data is spread over 40 files."));
        assert!(refusal.text.contains("supervisory authority"));
        assert!(!refusal.text.contains("Questions about your data"));
    }

    /// Every candidate email with every variable it uses.
    fn candidate_emails() -> Vec<(&'static str, serde_json::Value)> {
        let common = json!({
            "first_name": "Anna",
            "organization": "Northwind",
            "preferences_url": "https://candor.example/preferences/t",
            "confirm_url": "https://candor.example/confirm-email/t",
            "contact": "privacy@northwind.example",
            "privacy_policy_url": "https://northwind.example/privacy",
            "retention": "2",
            "headline": "h",
            "what": "w",
            "due": "d",
            "kind": "erasure",
            "received": "r",
            "old_due": "o",
            "new_due": "n",
            "reason": "Your data is spread over 40 files.",
        });
        [
            "candidate_confirmation",
            "fresh_link",
            "gdpr_notice",
            "extension_notice",
            "refusal_notice",
            "email_confirmation",
        ]
        .into_iter()
        .map(|name| (name, common.clone()))
        .collect()
    }

    #[test]
    fn every_candidate_email_renders_in_every_locale_in_its_own_words() {
        for (name, context) in candidate_emails() {
            let english = render_in(Locale::En, None, name, &context).unwrap();
            for &locale in Locale::ALL {
                let rendered = render_in(locale, None, name, &context)
                    .unwrap_or_else(|e| panic!("{name} in {locale}: {e:#}"));
                assert!(
                    rendered.html.contains(&format!("<html lang=\"{locale}\">")),
                    "{name} in {locale}"
                );
                if locale != Locale::En {
                    // No sentence of the text part stays English (the data passed in aside).
                    for line in english.text.lines().filter(|l| l.split(' ').count() > 3) {
                        assert!(
                            !rendered.text.contains(line) || line.contains("40 files"),
                            "{name} in {locale} keeps {line:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn candidate_emails_wear_the_organizations_accent() {
        let accent = crate::domain::branding::Accent::parse("#0b5e3a").unwrap();
        for (name, context) in candidate_emails() {
            let plain = render_in(Locale::En, None, name, &context).unwrap();
            let branded = render_in(Locale::En, Some(&accent), name, &context).unwrap();
            assert!(plain.html.contains(DEFAULT_ACCENT), "{name}");
            assert!(branded.html.contains("background:#0b5e3a"), "{name}");
            assert!(!branded.html.contains(DEFAULT_ACCENT), "{name}");
            assert_eq!(
                plain.text, branded.text,
                "{name}: the text part is unchanged"
            );
        }
    }

    #[test]
    fn a_german_refusal_names_the_supervisory_authority() {
        let (_, context) = candidate_emails()
            .into_iter()
            .find(|(n, _)| *n == "refusal_notice")
            .unwrap();
        let refusal = render_in(Locale::De, None, "refusal_notice", &context).unwrap();
        assert_eq!(refusal.subject, "Zu Ihrer Anfrage an Northwind");
        assert!(refusal.text.starts_with("Guten Tag Anna,"));
        assert!(refusal
            .text
            .contains("um die Löschung Ihrer personenbezogenen Daten gebeten"));
        assert!(refusal.text.contains("Datenschutz-Aufsichtsbehörde"));
        assert!(refusal
            .text
            .contains("Fragen zu Ihren Daten: privacy@northwind.example"));
    }
}
