//! A real SMTP server on loopback for the delivery tests: the `mailin` crate speaks the protocol,
//! tokio carries the bytes, and every message accepted is kept, raw, for the test to read.

use mail_parser::{MessageParser, MimeHeaders};
use mailin::{response, Action, Handler, Response, SessionBuilder};
use std::{
    net::{IpAddr, SocketAddr},
    sync::{Arc, Mutex},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

/// What the server answers at the end of each message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    /// A permanent rejection (550) of the recipient, whose text quotes the address as real
    /// servers do.
    RejectPermanently,
}

#[derive(Clone, Default)]
struct Shared {
    inbox: Arc<Mutex<Vec<Received>>>,
    answer: Arc<Mutex<Option<Answer>>>,
    rejected: Arc<Mutex<usize>>,
}

/// One message as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub recipients: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        MessageParser::default()
            .parse(&self.raw)
            .expect("a parseable message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn message_id(&self) -> String {
        format!("<{}>", self.parsed().message_id().unwrap_or_default())
    }

    pub fn from(&self) -> String {
        self.parsed()
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned()
    }

    /// The bytes of the attached file with this name, if there is one.
    pub fn attachment(&self, name: &str) -> Option<Vec<u8>> {
        let parsed = self.parsed();
        let found = parsed
            .attachments()
            .find(|a| a.attachment_name() == Some(name))
            .map(|a| a.contents().to_vec());
        found
    }

    /// A header's raw text, unfolded and trimmed; None when absent.
    pub fn header(&self, name: &str) -> Option<String> {
        let parsed = self.parsed();
        let raw = parsed.header_raw(name.to_owned())?;
        Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A running server. It lives until the test process ends.
pub struct SmtpSink {
    pub addr: SocketAddr,
    shared: Shared,
}

impl SmtpSink {
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// On a given port: a test reserves one, fails to reach it, then starts the server there.
    pub async fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind the SMTP sink");
        let addr = listener.local_addr().unwrap();
        let shared = Shared::default();
        *shared.answer.lock().unwrap() = Some(Answer::Accept);
        let accept = shared.clone();
        tokio::spawn(async move {
            while let Ok((socket, peer)) = listener.accept().await {
                tokio::spawn(session(socket, peer.ip(), accept.clone()));
            }
        });
        Self { addr, shared }
    }

    /// A loopback port nothing listens on (yet).
    pub fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    pub fn answer(&self, answer: Answer) {
        *self.shared.answer.lock().unwrap() = Some(answer);
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.inbox.lock().unwrap().clone()
    }

    pub fn rejected(&self) -> usize {
        *self.shared.rejected.lock().unwrap()
    }
}

/// One SMTP conversation.
async fn session(socket: tokio::net::TcpStream, peer: IpAddr, shared: Shared) {
    // lettre writes a message and its final "." in two writes without TCP_NODELAY, so Nagle holds
    // the "." until this side ACKs, which Linux delays by 40 ms. Acknowledging at once keeps
    // the sink from adding those 40 ms to every message.
    let _ = socket.set_nodelay(true);
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    let handler = Collector {
        shared,
        recipients: Vec::new(),
        data: Vec::new(),
    };
    let mut session = SessionBuilder::new("sink.test").build(peer, handler);
    let greeting = session.greeting().buffer().unwrap();
    if write.write_all(&greeting).await.is_err() {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        let _ = lines.get_ref().as_ref().set_quickack(true);
        match lines.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let reply = session.process(&line);
        match reply.action {
            Action::NoReply => {}
            Action::Close => {
                let _ = write.write_all(&reply.buffer().unwrap()).await;
                return;
            }
            Action::Reply | Action::UpgradeTls => {
                if write.write_all(&reply.buffer().unwrap()).await.is_err() {
                    return;
                }
            }
        }
    }
}

struct Collector {
    shared: Shared,
    recipients: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Collector {
    // Rejected at RCPT, where real servers refuse unknown mailboxes (mailin also can't recover
    // from an error answered at the end of DATA).
    fn rcpt(&mut self, to: &str) -> Response {
        let answer = self.shared.answer.lock().unwrap().unwrap_or(Answer::Accept);
        match answer {
            Answer::Accept => response::OK,
            Answer::RejectPermanently => {
                *self.shared.rejected.lock().unwrap() += 1;
                Response::custom(550, format!("5.1.1 <{to}>: Recipient address rejected"))
            }
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.recipients = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.shared.inbox.lock().unwrap().push(Received {
            recipients: std::mem::take(&mut self.recipients),
            raw: std::mem::take(&mut self.data),
        });
        response::OK
    }
}
