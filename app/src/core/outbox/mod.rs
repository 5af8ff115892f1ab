//! Delivering the outbox (SPEC §8): a worker claims due rows with `FOR UPDATE SKIP LOCKED`, sends
//! them, marks them sent, and retries failures with backoff until they are marked `failed`.
//!
//! Every decision about *when* is in [`crate::domain::delivery`]; this module does the I/O. Several
//! servers can run workers on one database: a row is claimed by one of them at a time, and a row a
//! crashed worker left in `sending` is handed back after [`STALE_AFTER`].

mod nurture;
pub mod transport;

use crate::core::{
    config::{Config, OutboxConfig},
    mail::Attachment,
};
use crate::domain::AfterFailure;
use chrono::{DateTime, Duration, Utc};
use futures::{stream, StreamExt};
use rand::Rng;
use sqlx::{types::Json, PgPool};
use std::{collections::BTreeMap, sync::Arc};
use tokio::sync::watch;
use tracing::Instrument;
pub use transport::{DeliveryError, Mailer};
use uuid::Uuid;

/// A row still `sending` this long after it was claimed belongs to a worker that died.
/// Far longer than a batch can take (batch size × [`transport::SEND_TIMEOUT`] / concurrency).
pub const STALE_AFTER: Duration = Duration::minutes(10);

/// How long an idle worker waits before looking again.
pub const POLL_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);

/// Rows claimed at once per unit of concurrency. With [`transport::SEND_TIMEOUT`] this bounds a
/// batch well under [`STALE_AFTER`] even when every send times out.
const BATCH_PER_SENDER: usize = 16;

/// Housekeeping (stale claims, due touchpoints) runs at most this often while emails stream, so
/// a busy outbox spends its round trips on sending.
const HOUSEKEEPING_EVERY: Duration = Duration::seconds(1);

/// What one pass of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub reclaimed: u64,
    /// Nurture touchpoints written to the outbox, and cancelled, in this pass.
    pub touchpoints_queued: usize,
    pub touchpoints_cancelled: usize,
}

/// One outbox row, claimed for delivery.
#[derive(Debug)]
struct Claimed {
    id: Uuid,
    kind: String,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: String,
    headers: Json<BTreeMap<String, String>>,
    message_id: String,
    attempts: i32,
    has_attachments: bool,
}

/// The outcome of sending one claimed row.
enum Outcome {
    Sent(Uuid),
    Failed {
        id: Uuid,
        attempt: i32,
        error: DeliveryError,
    },
}

/// Delivers the outbox. Cheap to clone; clones share the SMTP connection pool.
#[derive(Debug, Clone)]
pub struct Worker {
    pool: PgPool,
    config: Arc<Config>,
    mailer: Mailer,
    outbox: OutboxConfig,
    housekeeping: Arc<std::sync::Mutex<Housekeeping>>,
}

/// When housekeeping last ran (in the worker's clock) and whether it left touchpoints waiting.
#[derive(Debug, Default)]
struct Housekeeping {
    last: Option<DateTime<Utc>>,
    more_waiting: bool,
}

impl Worker {
    pub fn new(pool: PgPool, config: Arc<Config>) -> Result<Self, std::io::Error> {
        let mailer = Mailer::from_config(&config)?;
        Ok(Self {
            pool,
            outbox: config.outbox,
            config,
            mailer,
            housekeeping: Arc::default(),
        })
    }

    /// One pass at time `now`: hand back stale claims, turn due touchpoints into emails, then claim
    /// and send one batch.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<Pass, sqlx::Error> {
        let mut pass = Pass::default();
        if self.housekeeping_due(now) {
            pass.reclaimed = self.reclaim_stale(now).await?;
            let (queued, cancelled, more_waiting) =
                nurture::queue_due(&self.pool, &self.config, now).await?;
            pass.touchpoints_queued = queued;
            pass.touchpoints_cancelled = cancelled;
            *self.housekeeping.lock().expect("not poisoned") = Housekeeping {
                last: Some(now),
                more_waiting,
            };
        }

        let batch = self.claim(now).await?;
        pass.claimed = batch.len();
        let outcomes: Vec<Outcome> = stream::iter(batch)
            .map(|email| self.deliver(email))
            .buffer_unordered(self.outbox.concurrency.max(1))
            .collect()
            .await;

        let mut sent = Vec::new();
        for outcome in outcomes {
            match outcome {
                Outcome::Sent(id) => sent.push(id),
                Outcome::Failed { id, attempt, error } => {
                    let jitter = rand::thread_rng().gen::<f64>();
                    let attempt = u32::try_from(attempt).unwrap_or(u32::MAX);
                    match self.outbox.retry.after_failure(attempt, jitter, now) {
                        AfterFailure::RetryAt(at) => {
                            self.schedule_retry(id, at, &error).await?;
                            pass.retried += 1;
                        }
                        AfterFailure::GiveUp => {
                            self.give_up(id, &error).await?;
                            pass.failed += 1;
                        }
                    }
                }
            }
        }
        pass.sent = sent.len();
        self.mark_sent(&sent, now).await?;
        Ok(pass)
    }

    /// Passes until nothing due is left (tests, benchmarks, a drain before shutdown).
    pub async fn drain(&self, now: DateTime<Utc>) -> Result<Pass, sqlx::Error> {
        let mut total = Pass::default();
        loop {
            let pass = self.run_once(now).await?;
            total.claimed += pass.claimed;
            total.sent += pass.sent;
            total.retried += pass.retried;
            total.failed += pass.failed;
            total.reclaimed += pass.reclaimed;
            total.touchpoints_queued += pass.touchpoints_queued;
            total.touchpoints_cancelled += pass.touchpoints_cancelled;
            if pass.claimed == 0 && pass.touchpoints_queued == 0 {
                return Ok(total);
            }
        }
    }

    /// Runs until `shutdown` turns true, finishing the batch in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(mailer = ?self.mailer, "outbox worker started");
        while !*shutdown.borrow() {
            let idle = match self.run_once(Utc::now()).await {
                Ok(pass) => {
                    if pass.claimed > 0 || pass.reclaimed > 0 {
                        tracing::info!(
                            sent = pass.sent,
                            retried = pass.retried,
                            failed = pass.failed,
                            reclaimed = pass.reclaimed,
                            "outbox pass"
                        );
                    }
                    pass.claimed < self.batch_size()
                }
                Err(error) => {
                    // Postgres is away: nothing is lost, the rows wait for the next pass.
                    tracing::warn!(%error, "outbox pass failed; retrying shortly");
                    true
                }
            };
            if idle {
                tokio::select! {
                    _ = tokio::time::sleep(POLL_INTERVAL) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        tracing::info!("outbox worker stopped");
    }

    fn housekeeping_due(&self, now: DateTime<Utc>) -> bool {
        let state = self.housekeeping.lock().expect("not poisoned");
        state.more_waiting
            || state
                .last
                .is_none_or(|last| now - last >= HOUSEKEEPING_EVERY || now < last)
    }

    fn batch_size(&self) -> usize {
        self.outbox.concurrency.max(1) * BATCH_PER_SENDER
    }

    async fn deliver(&self, email: Claimed) -> Outcome {
        // Ids and kinds only: addresses and content stay out of the logs.
        let span = tracing::info_span!(
            "deliver",
            email_id = %email.id,
            kind = %email.kind,
            attempt = email.attempts
        );
        async {
            let attachments = if email.has_attachments {
                match self.attachments(email.id).await {
                    Ok(files) => files,
                    Err(error) => {
                        tracing::warn!(%error, "could not read the attachments");
                        return Outcome::Failed {
                            id: email.id,
                            attempt: email.attempts,
                            error: DeliveryError("could not read the attachments".into()),
                        };
                    }
                }
            } else {
                Vec::new()
            };
            let envelope = transport::Envelope {
                recipient: &email.recipient,
                subject: &email.subject,
                body_text: &email.body_text,
                body_html: &email.body_html,
                headers: &email.headers.0,
                message_id: &email.message_id,
                attachments: &attachments,
            };
            let result = match transport::build_message(&self.config.mail_from, &envelope) {
                Ok(message) => self.mailer.send(message).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => {
                    tracing::debug!("delivered");
                    Outcome::Sent(email.id)
                }
                Err(error) => {
                    tracing::warn!(%error, "delivery failed");
                    Outcome::Failed {
                        id: email.id,
                        attempt: email.attempts,
                        error,
                    }
                }
            }
        }
        .instrument(span)
        .await
    }

    async fn attachments(&self, outbox_id: Uuid) -> Result<Vec<Attachment>, sqlx::Error> {
        sqlx::query_as!(
            Attachment,
            "SELECT file_name, media_type, bytes FROM email_attachments
              WHERE outbox_id = $1 ORDER BY created_at, id",
            outbox_id
        )
        .fetch_all(&self.pool)
        .await
    }

    async fn reclaim_stale(&self, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query!(
            "UPDATE email_outbox SET status = 'pending', next_attempt_at = $1
              WHERE status = 'sending' AND claimed_at < $2",
            now,
            now - STALE_AFTER,
        )
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// Claims due rows, oldest due first. SKIP LOCKED lets other workers take the rest.
    async fn claim(&self, now: DateTime<Utc>) -> Result<Vec<Claimed>, sqlx::Error> {
        sqlx::query_as!(
            Claimed,
            r#"WITH due AS (
                   SELECT id FROM email_outbox
                    WHERE status = 'pending' AND greatest(send_after, next_attempt_at) <= $1
                    ORDER BY greatest(send_after, next_attempt_at)
                    LIMIT $2
                      FOR UPDATE SKIP LOCKED)
               UPDATE email_outbox o
                  SET status = 'sending', claimed_at = $1, attempts = o.attempts + 1
                 FROM due WHERE o.id = due.id
            RETURNING o.id, o.kind, o.recipient, o.subject, o.body_text, o.body_html,
                      o.headers AS "headers: Json<BTreeMap<String, String>>",
                      o.message_id, o.attempts,
                      EXISTS (SELECT 1 FROM email_attachments a WHERE a.outbox_id = o.id)
                          AS "has_attachments!""#,
            now,
            self.batch_size() as i64,
        )
        .fetch_all(&self.pool)
        .await
    }

    async fn mark_sent(&self, ids: &[Uuid], now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        if ids.is_empty() {
            return Ok(());
        }
        sqlx::query!(
            "UPDATE email_outbox SET status = 'sent', sent_at = $2, last_error = NULL
              WHERE id = ANY($1) AND status = 'sending'",
            ids,
            now,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn schedule_retry(
        &self,
        id: Uuid,
        at: DateTime<Utc>,
        error: &DeliveryError,
    ) -> Result<(), sqlx::Error> {
        sqlx::query!(
            "UPDATE email_outbox SET status = 'pending', next_attempt_at = $2, last_error = $3
              WHERE id = $1 AND status = 'sending'",
            id,
            at,
            error.0,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn give_up(&self, id: Uuid, error: &DeliveryError) -> Result<(), sqlx::Error> {
        sqlx::query!(
            "UPDATE email_outbox SET status = 'failed', last_error = $2
              WHERE id = $1 AND status = 'sending'",
            id,
            error.0,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

/// Emails by status, for `/metrics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub pending: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub cancelled: i64,
    /// Seconds the oldest due, unsent email has waited: the number to alert on.
    pub oldest_due_seconds: i64,
}

pub async fn counts(pool: &PgPool, now: DateTime<Utc>) -> Result<Counts, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE status = 'pending') AS "pending!",
                  count(*) FILTER (WHERE status = 'sending') AS "sending!",
                  count(*) FILTER (WHERE status = 'sent') AS "sent!",
                  count(*) FILTER (WHERE status = 'failed') AS "failed!",
                  count(*) FILTER (WHERE status = 'cancelled') AS "cancelled!",
                  coalesce(extract(epoch FROM $1 - min(send_after) FILTER (
                      WHERE status IN ('pending', 'sending') AND send_after <= $1))::bigint, 0)
                      AS "oldest_due_seconds!"
             FROM email_outbox"#,
        now,
    )
    .fetch_one(pool)
    .await?;
    Ok(Counts {
        pending: row.pending,
        sending: row.sending,
        sent: row.sent,
        failed: row.failed,
        cancelled: row.cancelled,
        oldest_due_seconds: row.oldest_due_seconds,
    })
}
