//! Delivering the webhook outbox: claim due deliveries with `FOR UPDATE SKIP LOCKED` (so several
//! servers each send a delivery once), POST the signed event, and record the answer; retry with
//! the domain's backoff for about three days, then fail the delivery and tell the admins. An
//! endpoint failing for days is turned off, and the admins told.
//!
//! Outbound safety: the HTTP client resolves names itself and connects only to addresses the
//! operator's [`Destinations`] allow (checked on every delivery), follows no redirects and uses no
//! proxy, so a webhook URL cannot be turned against Candor's own network.

use super::signature;
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::mail::{self, OutgoingEmail};
use crate::core::notify;
use crate::domain::webhooks::{
    after_failure, is_success, should_disable, Destinations, DELIVERY_TIMEOUT,
};
use crate::domain::{AfterFailure, EmailKind};
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use futures::{stream, StreamExt};
use rand::Rng;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::watch;
use uuid::Uuid;

/// A delivery still `sending` this long after its claim belongs to a worker that died. Far
/// longer than a batch takes (every send is bounded by [`DELIVERY_TIMEOUT`]).
pub const STALE_AFTER: Duration = Duration::minutes(5);

/// How long an idle worker waits before looking again.
pub const POLL_INTERVAL: std::time::Duration = std::time::Duration::from_millis(500);

/// Deliveries claimed at once per unit of concurrency: enough that the claim and the one
/// statement recording a batch's successes cost little per delivery, few enough that a batch of
/// timeouts (each bounded by [`DELIVERY_TIMEOUT`]) ends well within [`STALE_AFTER`].
const BATCH_PER_SENDER: usize = 16;

/// Why a destination was refused before anything was sent.
#[derive(Debug, thiserror::Error)]
#[error("refused: the receiver's address is not on the public internet")]
pub struct Refused;

/// Resolves a receiver's name once and hands the client only the addresses it may connect to.
#[derive(Debug, Clone, Copy)]
struct CheckedResolver(Destinations);

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let destinations = self.0;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = found
                .filter(|addr| destinations.address_allowed(addr.ip()))
                .collect();
            if allowed.is_empty() {
                return Err(Box::new(Refused) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Whether `url` is one deliveries may go to, as far as can be told without resolving it: a
/// scheme allowed, a host, no credentials, and, when the host is an address, an allowed one.
pub fn url_allowed(destinations: Destinations, url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else {
        return false;
    };
    if !destinations.scheme_allowed(url.scheme())
        || !url.username().is_empty()
        || url.password().is_some()
        || url.fragment().is_some()
    {
        return false;
    }
    match url.host() {
        None => false,
        Some(url::Host::Domain(name)) => !name.is_empty(),
        Some(url::Host::Ipv4(ip)) => destinations.address_allowed(ip.into()),
        Some(url::Host::Ipv6(ip)) => destinations.address_allowed(ip.into()),
    }
}

/// The client every delivery uses: checked resolution, no redirects, no proxy, a 10 s bound.
pub fn client(destinations: Destinations) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .dns_resolver(Arc::new(CheckedResolver(destinations)))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(DELIVERY_TIMEOUT)
        .connect_timeout(DELIVERY_TIMEOUT)
        .user_agent(concat!("Candor-Webhooks/", env!("CARGO_PKG_VERSION")))
        .https_only(!destinations.allow_http)
        .build()
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub claimed: usize,
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
    pub reclaimed: u64,
    pub endpoints_disabled: usize,
}

impl Pass {
    fn add(&mut self, other: Pass) {
        self.claimed += other.claimed;
        self.delivered += other.delivered;
        self.retried += other.retried;
        self.failed += other.failed;
        self.reclaimed += other.reclaimed;
        self.endpoints_disabled += other.endpoints_disabled;
    }
}

#[derive(Debug)]
struct Claimed {
    id: Uuid,
    attempts: i32,
    event_id: Uuid,
    body: String,
    endpoint_id: Uuid,
    url: String,
    secret: Vec<u8>,
    previous_secret: Option<Vec<u8>>,
}

/// The result of one attempt: the receiver's status if it answered, else what went wrong.
struct Attempt {
    status: Option<u16>,
    error: Option<String>,
}

/// Delivers the webhook outbox. Cheap to clone; clones share the HTTP connection pool.
#[derive(Debug, Clone)]
pub struct Deliverer {
    pool: PgPool,
    config: Arc<Config>,
    client: reqwest::Client,
}

impl Deliverer {
    pub fn new(pool: PgPool, config: Arc<Config>) -> Result<Self, reqwest::Error> {
        let client = client(config.webhooks.destinations)?;
        Ok(Self {
            pool,
            config,
            client,
        })
    }

    fn batch_size(&self) -> usize {
        self.config.webhooks.concurrency.max(1) * BATCH_PER_SENDER
    }

    /// Sends a claimed batch, `concurrency` at a time.
    async fn send_all(&self, batch: Vec<Claimed>, now: DateTime<Utc>) -> Vec<(Claimed, Attempt)> {
        stream::iter(batch)
            .map(|delivery| async move {
                let attempt = self.send(&delivery, now).await;
                (delivery, attempt)
            })
            .buffer_unordered(self.config.webhooks.concurrency.max(1))
            .collect()
            .await
    }

    /// Records what a batch's attempts came to.
    async fn record_all(
        &self,
        attempts: Vec<(Claimed, Attempt)>,
        now: DateTime<Utc>,
    ) -> Result<Pass, AppError> {
        let (delivered, failed): (Vec<_>, Vec<_>) = attempts
            .into_iter()
            .partition(|(_, attempt)| attempt.error.is_none());
        let mut pass = Pass {
            delivered: self.record_delivered(&delivered, now).await?,
            ..Pass::default()
        };
        for (delivery, attempt) in failed {
            pass.add(self.record_failure(&delivery, attempt, now).await?);
        }
        Ok(pass)
    }

    /// Hands back stale claims, then claims, sends and records until nothing is due at
    /// `clock()`. While a batch is in flight the next is claimed and the last recorded, so the
    /// receiver is kept busy rather than waiting on Postgres between batches.
    /// Stops claiming once `go_on()` turns false, finishing what it holds.
    async fn pipeline(
        &self,
        clock: impl Fn() -> DateTime<Utc>,
        go_on: impl Fn() -> bool,
    ) -> Result<Pass, AppError> {
        let mut total = Pass {
            reclaimed: self.reclaim_stale(clock()).await?,
            ..Pass::default()
        };
        let mut batch = self.claim(clock()).await?;
        let mut in_hand: Vec<(Claimed, Attempt)> = Vec::new();
        let mut sent_at = clock();
        while !batch.is_empty() {
            let now = clock();
            let claim_more = go_on();
            total.claimed += batch.len();
            let (attempts, next, recorded) = tokio::join!(
                self.send_all(batch, now),
                async {
                    if claim_more {
                        self.claim(now).await
                    } else {
                        Ok(Vec::new())
                    }
                },
                self.record_all(std::mem::take(&mut in_hand), sent_at),
            );
            total.add(recorded?);
            in_hand = attempts;
            sent_at = now;
            batch = match next {
                Ok(next) => next,
                Err(error) => {
                    // What was sent is still recorded; the rest waits for the next pass.
                    total.add(self.record_all(in_hand, sent_at).await?);
                    return Err(error.into());
                }
            };
        }
        total.add(self.record_all(in_hand, sent_at).await?);
        Ok(total)
    }

    /// Records a batch's successes in one transaction of two statements, however many.
    async fn record_delivered(
        &self,
        delivered: &[(Claimed, Attempt)],
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        if delivered.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Uuid> = delivered.iter().map(|(d, _)| d.id).collect();
        let statuses: Vec<i32> = delivered
            .iter()
            .map(|(_, a)| a.status.map_or(0, i32::from))
            .collect();
        let mut endpoints: Vec<Uuid> = delivered.iter().map(|(d, _)| d.endpoint_id).collect();
        endpoints.sort();
        endpoints.dedup();
        let mut tx = self.pool.begin().await?;
        sqlx::query!(
            "UPDATE webhook_deliveries d
                SET status = 'delivered', delivered_at = $3, last_attempt_at = $3,
                    last_status = done.status, last_error = NULL
               FROM unnest($1::uuid[], $2::int[]) AS done(id, status)
              WHERE d.id = done.id AND d.status = 'sending'",
            &ids,
            &statuses,
            now,
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE webhook_endpoints SET failing_since = NULL, last_success_at = $2
              WHERE id = ANY($1)",
            &endpoints,
            now
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(delivered.len())
    }

    /// Delivers everything due at `now` (tests, benchmarks).
    pub async fn drain(&self, now: DateTime<Utc>) -> Result<Pass, AppError> {
        self.pipeline(|| now, || true).await
    }

    /// Runs until `shutdown` turns true, finishing the batch in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!("webhook deliverer started");
        while !*shutdown.borrow() {
            let stopping = shutdown.clone();
            match self.pipeline(Utc::now, || !*stopping.borrow()).await {
                Ok(pass) if pass.claimed > 0 || pass.reclaimed > 0 => tracing::info!(
                    delivered = pass.delivered,
                    retried = pass.retried,
                    failed = pass.failed,
                    disabled = pass.endpoints_disabled,
                    "webhook pass"
                ),
                Ok(_) => {}
                // Postgres is away: nothing is lost, the deliveries wait for the next pass.
                Err(error) => tracing::warn!(%error, "webhook pass failed; retrying shortly"),
            }
            tokio::select! {
                _ = tokio::time::sleep(POLL_INTERVAL) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("webhook deliverer stopped");
    }

    async fn reclaim_stale(&self, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query!(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1
              WHERE status = 'sending' AND claimed_at < $2",
            now,
            now - STALE_AFTER,
        )
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// Claims due deliveries of enabled endpoints, oldest due first; SKIP LOCKED leaves the rest
    /// to other workers. A disabled endpoint's deliveries wait until it is enabled again.
    async fn claim(&self, now: DateTime<Utc>) -> Result<Vec<Claimed>, sqlx::Error> {
        sqlx::query_as!(
            Claimed,
            r#"WITH due AS (
                   SELECT d.id FROM webhook_deliveries d
                     JOIN webhook_endpoints e ON e.id = d.endpoint_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND e.enabled
                    ORDER BY d.next_attempt_at
                    LIMIT $2
                      FOR UPDATE OF d SKIP LOCKED)
               UPDATE webhook_deliveries d
                  SET status = 'sending', claimed_at = $1, attempts = d.attempts + 1
                 FROM due, webhook_events ev, webhook_endpoints e
                WHERE d.id = due.id AND ev.id = d.event_id AND e.id = d.endpoint_id
            RETURNING d.id, d.attempts, ev.id AS event_id, ev.payload::text AS "body!",
                      e.id AS endpoint_id, e.url,
                      e.secret, CASE WHEN e.previous_until > $1 THEN e.previous_secret END
                          AS previous_secret"#,
            now,
            self.batch_size() as i64,
        )
        .fetch_all(&self.pool)
        .await
    }

    async fn send(&self, delivery: &Claimed, now: DateTime<Utc>) -> Attempt {
        if !url_allowed(self.config.webhooks.destinations, &delivery.url) {
            return Attempt {
                status: None,
                error: Some(Refused.to_string()),
            };
        }
        let id = delivery.event_id.to_string();
        let timestamp = now.timestamp();
        let mut secrets: Vec<&[u8]> = vec![&delivery.secret];
        if let Some(previous) = &delivery.previous_secret {
            secrets.push(previous);
        }
        let signature = signature::header(&secrets, &id, timestamp, delivery.body.as_bytes());
        let result = self
            .client
            .post(&delivery.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(delivery.body.clone())
            .send()
            .await;
        match result {
            Ok(response) => {
                let status = response.status().as_u16();
                Attempt {
                    status: Some(status),
                    error: (!is_success(status))
                        .then(|| format!("the receiver answered HTTP {status}")),
                }
            }
            Err(error) => Attempt {
                status: None,
                error: Some(describe(&error)),
            },
        }
    }

    /// Records one failed attempt: the delivery retried later or failed for good, and the
    /// endpoint's health, in one transaction with any email to the admins it calls for.
    async fn record_failure(
        &self,
        delivery: &Claimed,
        attempt: Attempt,
        now: DateTime<Utc>,
    ) -> Result<Pass, AppError> {
        let mut pass = Pass::default();
        let status = attempt.status.map(i32::from);
        let error = attempt.error.unwrap_or_default();
        let mut tx = self.pool.begin().await?;
        tracing::warn!(
            delivery = %delivery.id,
            endpoint = %delivery.endpoint_id,
            attempt = delivery.attempts,
            %error,
            "webhook delivery failed"
        );
        let jitter = rand::thread_rng().gen::<f64>();
        let attempt_number = u32::try_from(delivery.attempts).unwrap_or(u32::MAX);
        match after_failure(attempt_number, jitter, now) {
            AfterFailure::RetryAt(at) => {
                sqlx::query!(
                    "UPDATE webhook_deliveries
                        SET status = 'pending', next_attempt_at = $2, last_attempt_at = $3,
                            last_status = $4, last_error = $5
                      WHERE id = $1 AND status = 'sending'",
                    delivery.id,
                    at,
                    now,
                    status,
                    error,
                )
                .execute(&mut *tx)
                .await?;
                pass.retried = 1;
            }
            AfterFailure::GiveUp => {
                sqlx::query!(
                    "UPDATE webhook_deliveries
                        SET status = 'failed', last_attempt_at = $2, last_status = $3,
                            last_error = $4
                      WHERE id = $1 AND status = 'sending'",
                    delivery.id,
                    now,
                    status,
                    error,
                )
                .execute(&mut *tx)
                .await?;
                tell_admins(
                    &mut tx,
                    &self.config,
                    EmailKind::WebhookFailing,
                    delivery,
                    now,
                )
                .await?;
                pass.failed = 1;
            }
        }
        let failing_since = sqlx::query_scalar!(
            r#"UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2)
                WHERE id = $1 RETURNING failing_since AS "since!""#,
            delivery.endpoint_id,
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        if should_disable(Some(failing_since), now) {
            let disabled = sqlx::query!(
                "UPDATE webhook_endpoints
                    SET enabled = false, disabled_reason = 'failing', updated_at = $2
                  WHERE id = $1 AND enabled",
                delivery.endpoint_id,
                now
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if disabled > 0 {
                audit::record(
                    &mut tx,
                    Actor::System,
                    "webhook.disabled",
                    None,
                    None,
                    json!({ "endpoint": delivery.endpoint_id, "reason": "failing" }),
                )
                .await?;
                tell_admins(
                    &mut tx,
                    &self.config,
                    EmailKind::WebhookDisabled,
                    delivery,
                    now,
                )
                .await?;
                pass.endpoints_disabled = 1;
            }
        }
        tx.commit().await?;
        Ok(pass)
    }
}

/// What went wrong, in our words: never the receiver's body, never the secret.
fn describe(error: &reqwest::Error) -> String {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if cause.is::<Refused>() {
            return Refused.to_string();
        }
        source = cause.source();
    }
    if error.is_timeout() {
        format!(
            "the receiver did not answer within {} s",
            DELIVERY_TIMEOUT.as_secs()
        )
    } else if error.is_connect() {
        "could not connect to the receiver".to_owned()
    } else if error.is_redirect() {
        "the receiver redirected; redirects are not followed".to_owned()
    } else {
        "the request to the receiver failed".to_owned()
    }
}

/// An email to each Admin and Super Admin: a delivery failed for good (at most once a day per
/// endpoint), or the endpoint was turned off.
async fn tell_admins(
    tx: &mut PgConnection,
    config: &Config,
    kind: EmailKind,
    delivery: &Claimed,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let settings = crate::core::settings::load(&mut *tx).await?;
    let host = url::Url::parse(&delivery.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    let settings_url = format!(
        "{}/settings/webhooks",
        config.public_url.as_str().trim_end_matches('/')
    );
    let day = now.date_naive();
    for admin in notify::admins(tx).await? {
        let content = mail::render(
            kind.as_str(),
            json!({
                "name": admin.name,
                "organization": settings.organization_name,
                "host": host,
                "days": crate::domain::webhooks::DISABLE_AFTER.num_days(),
                "settings_url": settings_url,
            }),
        )
        .map_err(AppError::template)?;
        let dedupe_key = match kind {
            EmailKind::WebhookFailing => {
                format!(
                    "webhook_failing:{}:{day}:{}",
                    delivery.endpoint_id, admin.id
                )
            }
            _ => format!(
                "webhook_disabled:{}:{}:{}",
                delivery.endpoint_id,
                now.timestamp(),
                admin.id
            ),
        };
        mail::queue(
            tx,
            config,
            OutgoingEmail {
                kind,
                recipient: admin.email,
                content,
                candidate_id: None,
                data_request_id: None,
                dedupe_key: Some(dedupe_key),
                unsubscribe_url: None,
                send_after: None,
            },
        )
        .await?;
    }
    Ok(())
}
