//! Emails delivered per second through the outbox, against a bare lettre send loop to the same
//! SMTP sink in the same run (issue 5). Run by `scripts/bench.sh mail`, or directly:
//!   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p server --bench outbox [-- emails rounds]
//!
//! Both sides send the same messages (built by the same code) to one in-process SMTP server over
//! loopback. The outbox side also pays for what makes it safe: claiming rows with SKIP LOCKED,
//! marking them sent, the Message-ID and header handling. Prints one line per measurement and a
//! final `RESULT` line for the script.

#[path = "../tests/common/mod.rs"]
mod common;

use common::smtp;

use app::{
    core::config::{Config, MailTransport, SmtpUrl},
    core::outbox::{transport, Worker},
};
use chrono::Utc;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sqlx::PgPool;
use std::{collections::BTreeMap, sync::Arc, time::Instant};

const SUBJECT: &str = "We received your request";
const TEXT: &str = include_str!("../../app/src/core/mail/templates/candidate_confirmation.txt");
const HTML: &str = include_str!("../../app/src/core/mail/templates/candidate_confirmation.html");

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let emails: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run(emails, rounds));
}

async fn run(emails: usize, rounds: usize) {
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let pool = common::fresh_database(&base, "candor_bench_mail").await;
    let sink = smtp::SmtpSink::start().await;
    let config = config(&base, &sink);

    let headers: BTreeMap<String, String> = BTreeMap::from([
        (
            "List-Unsubscribe".into(),
            "<http://127.0.0.1:3000/unsubscribe/x>".into(),
        ),
        (
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        ),
    ]);

    let (mut bare, mut outbox, mut outbox_one) = (Vec::new(), Vec::new(), Vec::new());
    for round in 1..=rounds {
        bare.push(bare_loop(&config, &sink, emails, &headers).await);
        outbox.push(through_outbox(&pool, &config, emails, None).await);
        outbox_one.push(through_outbox(&pool, &config, emails, Some(1)).await);
        println!(
            "round {round}: bare {:.0}/s, outbox {:.0}/s, outbox with one sender {:.0}/s",
            bare[round - 1],
            outbox[round - 1],
            outbox_one[round - 1]
        );
    }
    let (bare, outbox, outbox_one) = (median(bare), median(outbox), median(outbox_one));
    assert_eq!(
        sink.received().len(),
        emails * rounds * 3,
        "every email arrived"
    );
    println!(
        "RESULT emails={emails} rounds={rounds} bare={bare:.0} outbox={outbox:.0} outbox_one={outbox_one:.0} ratio={:.2} ratio_one={:.2} concurrency={}",
        outbox / bare,
        outbox_one / bare,
        config.outbox.concurrency
    );
}

/// The baseline: one pooled lettre transport, one message after another.
async fn bare_loop(
    config: &Config,
    sink: &smtp::SmtpSink,
    emails: usize,
    headers: &BTreeMap<String, String>,
) -> f64 {
    let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(&sink.url())
        .unwrap()
        .build();
    let ids: Vec<String> = (0..emails)
        .map(|_| app::core::mail::message_id(config))
        .collect();
    let started = Instant::now();
    for (i, id) in ids.iter().enumerate() {
        let recipient = format!("person{i}@mail.example");
        let message = transport::build_message(
            &config.mail_from,
            &transport::Envelope {
                attachments: &[],
                recipient: &recipient,
                subject: SUBJECT,
                body_text: TEXT,
                body_html: HTML,
                headers,
                message_id: id,
            },
        )
        .unwrap();
        smtp.send(message).await.unwrap();
    }
    emails as f64 / started.elapsed().as_secs_f64()
}

/// The outbox: rows queued first (not timed), then a worker drains them.
async fn through_outbox(
    pool: &PgPool,
    config: &Config,
    emails: usize,
    concurrency: Option<usize>,
) -> f64 {
    sqlx::query(
        "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, headers, message_id)
         SELECT 'candidate_confirmation', 'person' || n || '@mail.example', $2, $3, $4,
                jsonb_build_object('List-Unsubscribe', '<http://127.0.0.1:3000/unsubscribe/x>',
                                   'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
                '<' || gen_random_uuid() || '@bench.example>'
           FROM generate_series(1, $1) AS n",
    )
    .bind(emails as i32)
    .bind(SUBJECT)
    .bind(TEXT)
    .bind(HTML)
    .execute(pool)
    .await
    .unwrap();
    let mut config = config.clone();
    if let Some(n) = concurrency {
        config.outbox.concurrency = n;
    }
    let worker = Worker::new(pool.clone(), Arc::new(config)).unwrap();
    let started = Instant::now();
    let pass = worker.drain(Utc::now()).await.unwrap();
    let rate = emails as f64 / started.elapsed().as_secs_f64();
    assert_eq!(pass.sent, emails, "the outbox sent every email");
    rate
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// The tests' configuration, sending to `sink`.
fn config(database_url: &str, sink: &smtp::SmtpSink) -> Config {
    let env = common::test_env(database_url);
    let mut config = Config::from_lookup(|name| env.get(name).cloned()).unwrap();
    config.mail = MailTransport::Smtp(SmtpUrl(sink.url()));
    config
}
