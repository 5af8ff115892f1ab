//! Due-date alerts (SPEC §7): reminders to the owners of requests due within 7 days and of
//! requests that became overdue, escalation to the Admins of requests still overdue, and the
//! optional daily digest for Admins. Every alert is an outbox email plus an in-app
//! notification, sent once: its dedupe key makes a second run, or a second server, a no-op.

use crate::core::config::Config;
use crate::core::mail::{self, OutgoingEmail};
use crate::core::notify::{admins, candidate_label, owners_to_tell, Recipient};
use crate::core::settings;
use crate::domain::alerts::{Alert, Digest};
use crate::domain::{CandidateId, EmailKind, RequestId, RequestKind, UserId};
use crate::error::AppError;
use crate::text;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use std::time::Duration;

/// How often `candor serve` looks for alerts owed; each goes once whatever the interval.
pub const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Two servers checking at once: one does the work, the other skips this round.
const ALERTS_LOCK: i64 = 0x_63_61_6e_64_61_6c_72_74; // "candalrt"

/// What a run queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub due_soon: u32,
    pub overdue: u32,
    pub escalations: u32,
    pub digests: u32,
}

/// Queues every alert owed at `now` that has not gone yet, in one transaction.
pub async fn run(pool: &PgPool, config: &Config, now: DateTime<Utc>) -> Result<Sent, AppError> {
    let mut tx = pool.begin().await?;
    let locked = sqlx::query_scalar!(
        r#"SELECT pg_try_advisory_xact_lock($1) AS "locked!""#,
        ALERTS_LOCK
    )
    .fetch_one(&mut *tx)
    .await?;
    if !locked {
        return Ok(Sent::default());
    }
    let settings = settings::load(&mut *tx).await?;
    // Only the requests whose next alert has come (data_requests.next_alert_at): the check's
    // cost follows the alerts owed, not the open requests.
    let looked_at = sqlx::query!(
        r#"SELECT id, candidate_id, kind, received_at,
                  coalesce(extended_until, due_at) AS "due_at!"
             FROM data_requests WHERE next_alert_at <= $1 AND status = 'open'
            ORDER BY next_alert_at, id"#,
        now
    )
    .fetch_all(&mut *tx)
    .await?;
    let admins = admins(&mut tx).await?;
    let mut sent = Sent::default();
    for request in &looked_at {
        // Unless its due date moved meanwhile (then the change asked for a look already).
        sqlx::query!(
            "UPDATE data_requests SET next_alert_at = $2
              WHERE id = $1 AND coalesce(extended_until, due_at) = $3",
            request.id,
            Alert::next_owed(request.due_at, now),
            request.due_at
        )
        .execute(&mut *tx)
        .await?;
        let owed = Alert::owed(request.due_at, now);
        if owed.is_empty() {
            continue;
        }
        let Ok(kind) = request.kind.parse::<RequestKind>() else {
            tracing::error!(request = %request.id, "data request of an unknown kind");
            continue;
        };
        let candidate = CandidateId(request.candidate_id);
        let facts = AlertFacts {
            request: RequestId(request.id),
            candidate,
            kind,
            received_at: request.received_at,
            due_at: request.due_at,
            label: candidate_label(&mut tx, &settings, candidate).await?,
        };
        let owners = owners_to_tell(&mut tx, candidate).await?;
        if owed.contains(&Alert::Overdue) {
            // Once per due date: the event's key makes the hourly check's repeats nothing.
            crate::core::webhooks::emit_request(
                &mut tx,
                crate::domain::webhooks::EventType::DataRequestOverdue,
                facts.request,
                now,
            )
            .await?;
        }
        for alert in owed {
            let recipients = if alert.to_admins() { &admins } else { &owners };
            for recipient in recipients {
                if queue_alert(&mut tx, config, &settings, alert, &facts, recipient, now).await? {
                    match alert {
                        Alert::DueSoon => sent.due_soon += 1,
                        Alert::Overdue => sent.overdue += 1,
                        Alert::Escalation => sent.escalations += 1,
                    }
                }
            }
        }
    }
    if settings.admin_digest {
        // The digest counts every open request, once a day: read them only while an Admin
        // hasn't had today's.
        let keys: Vec<String> = admins
            .iter()
            .map(|admin| Digest::dedupe_key(now.date_naive(), UserId(admin.id)))
            .collect();
        let had_it = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!" FROM email_outbox WHERE dedupe_key = ANY($1)"#,
            &keys
        )
        .fetch_one(&mut *tx)
        .await?;
        if had_it < keys.len() as i64 {
            let due_dates = sqlx::query_scalar!(
                r#"SELECT coalesce(extended_until, due_at) AS "due_at!"
                     FROM data_requests WHERE status = 'open'"#
            )
            .fetch_all(&mut *tx)
            .await?;
            let digest = Digest::of(&due_dates, now);
            for admin in &admins {
                if queue_digest(&mut tx, config, &settings, digest, admin, now).await? {
                    sent.digests += 1;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(sent)
}

struct AlertFacts {
    request: RequestId,
    candidate: CandidateId,
    kind: RequestKind,
    received_at: DateTime<Utc>,
    due_at: DateTime<Utc>,
    /// The candidate as alerts name them (by name only where the settings allow it).
    label: String,
}

/// Queues one alert with its notification; false when it had already gone.
async fn queue_alert(
    tx: &mut PgConnection,
    config: &Config,
    settings: &settings::Settings,
    alert: Alert,
    facts: &AlertFacts,
    to: &Recipient,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let (headline, lead, footer) = text::request_alert(alert, facts.due_at, now);
    let content = mail::render(
        "request_alert",
        json!({
            "name": to.name,
            "headline": headline,
            "lead": lead,
            "footer": footer,
            "candidate": facts.label,
            "organization": settings.organization_name,
            "kind_label": crate::text::request_kind_for_team(facts.kind),
            "kind_sentence": text::request_sentence(facts.kind),
            "received": text::date(facts.received_at),
            "due": text::date(facts.due_at),
            "profile_url": public(config, &format!("/candidates/{}", facts.candidate)),
        }),
    )
    .map_err(AppError::template)?;
    let queued = mail::queue(
        tx,
        config,
        OutgoingEmail {
            kind: alert.email_kind(),
            recipient: to.email.clone(),
            content,
            candidate_id: Some(facts.candidate),
            data_request_id: Some(facts.request),
            dedupe_key: Some(alert.dedupe_key(facts.request, facts.due_at, UserId(to.id))),
            unsubscribe_url: None,
            send_after: None,
        },
    )
    .await?;
    if queued.is_none() {
        return Ok(false);
    }
    sqlx::query!(
        "INSERT INTO notifications (user_id, kind, data_request_id, candidate_id, created_at)
         VALUES ($1, $2, $3, $4, $5)",
        to.id,
        alert.notification_kind(),
        facts.request.into_uuid(),
        facts.candidate.into_uuid(),
        now,
    )
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

async fn queue_digest(
    tx: &mut PgConnection,
    config: &Config,
    settings: &settings::Settings,
    digest: Digest,
    to: &Recipient,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let content = mail::render(
        "admin_digest",
        json!({
            "name": to.name,
            "organization": settings.organization_name,
            "day": text::date(now),
            "open": digest.open,
            "due_soon": digest.due_soon,
            "overdue": digest.overdue,
            "dashboard_url": public(config, "/compliance"),
        }),
    )
    .map_err(AppError::template)?;
    let queued = mail::queue(
        tx,
        config,
        OutgoingEmail {
            kind: EmailKind::AdminDigest,
            recipient: to.email.clone(),
            content,
            candidate_id: None,
            data_request_id: None,
            dedupe_key: Some(Digest::dedupe_key(now.date_naive(), UserId(to.id))),
            unsubscribe_url: None,
            send_after: None,
        },
    )
    .await?;
    Ok(queued.is_some())
}

fn public(config: &Config, path: &str) -> String {
    format!("{}{path}", config.public_url.as_str().trim_end_matches('/'))
}

/// The check inside `candor serve`: at start and hourly, until shutdown.
pub async fn schedule(
    pool: PgPool,
    config: std::sync::Arc<Config>,
    shutdown: tokio::sync::watch::Receiver<bool>,
) {
    crate::core::background::every(CHECK_EVERY, shutdown, || async {
        match run(&pool, &config, Utc::now()).await {
            Ok(sent) if sent != Sent::default() => tracing::info!(
                due_soon = sent.due_soon,
                overdue = sent.overdue,
                escalations = sent.escalations,
                digests = sent.digests,
                "due-date alerts queued"
            ),
            Ok(_) => {}
            // Postgres away: the next check tries again, and nothing was half-sent.
            Err(error) => tracing::warn!(%error, "due-date alerts failed; next check retries"),
        }
    })
    .await;
}
