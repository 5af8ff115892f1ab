//! The endpoints a Super Admin manages in Settings: register one (its secret shown once), turn
//! it off and on, rotate its secret (the old one keeps signing for a day), send it a test event,
//! remove it, and see its last deliveries.

use super::signature::secret_text;
use super::{DeliveryView, EndpointView, RevealedSecret};
use crate::core::audit::{self, Actor};
use crate::core::reveal::{seal, REVEAL_MINUTES};
use crate::domain::webhooks::{manages_webhooks, NewEndpoint, ROTATION_OVERLAP, TEST_EVENT};
use crate::domain::Viewer;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Keeps the pads of webhook secrets apart from those of other sealed secrets.
const REVEAL_PURPOSE: &[u8] = b"webhook secret reveal";

/// Deliveries the settings page shows per endpoint.
pub const RECENT_DELIVERIES: i64 = 10;

fn may_manage(viewer: &Viewer) -> Result<(), AppError> {
    if manages_webhooks(viewer.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn new_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    secret
}

fn hint(secret: &[u8]) -> String {
    secret_text(secret).chars().take(10).collect()
}

/// Keeps `secret` sealed for one showing to the session holding `session_token`.
async fn keep_for_reveal(
    tx: &mut PgConnection,
    session_token: &str,
    endpoint: Uuid,
    secret: &[u8],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let session_hash =
        crate::core::session::store::id_hash(session_token).ok_or(AppError::SignInRequired)?;
    sqlx::query!(
        "INSERT INTO webhook_secret_reveals (endpoint_id, session_hash, sealed, expires_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (endpoint_id) DO UPDATE
            SET session_hash = EXCLUDED.session_hash, sealed = EXCLUDED.sealed,
                expires_at = EXCLUDED.expires_at",
        endpoint,
        session_hash,
        seal(session_token, REVEAL_PURPOSE, endpoint, secret),
        now + Duration::minutes(REVEAL_MINUTES)
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Registers an endpoint; its secret waits, sealed, for one showing to the session that asked.
pub async fn create(
    pool: &PgPool,
    viewer: &Viewer,
    session_token: &str,
    new: &NewEndpoint,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    may_manage(viewer)?;
    let secret = new_secret();
    let mut tx = pool.begin().await?;
    let id = insert(&mut tx, viewer, new, &secret, now).await?;
    keep_for_reveal(&mut tx, session_token, id, &secret, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Registers an endpoint with a secret the caller shows (a test, a terminal command).
pub async fn create_shown(
    pool: &PgPool,
    viewer: &Viewer,
    new: &NewEndpoint,
    now: DateTime<Utc>,
) -> Result<(Uuid, String), AppError> {
    may_manage(viewer)?;
    let secret = new_secret();
    let mut tx = pool.begin().await?;
    let id = insert(&mut tx, viewer, new, &secret, now).await?;
    tx.commit().await?;
    Ok((id, secret_text(&secret)))
}

async fn insert(
    tx: &mut PgConnection,
    viewer: &Viewer,
    new: &NewEndpoint,
    secret: &[u8; 32],
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let events: Vec<String> = new.events.iter().map(|e| e.as_str().to_owned()).collect();
    let id = sqlx::query_scalar!(
        "INSERT INTO webhook_endpoints (url, events, secret, hint, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        new.url,
        &events,
        &secret[..],
        hint(secret),
        viewer.id.into_uuid(),
        now
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        tx,
        Actor::of(viewer),
        "webhook.created",
        None,
        None,
        json!({ "endpoint": id, "events": events }),
    )
    .await?;
    Ok(id)
}

/// The secret this session made and has not seen yet, once: showing it deletes it.
pub async fn reveal(
    pool: &PgPool,
    viewer: &Viewer,
    session_token: &str,
    now: DateTime<Utc>,
) -> Result<Option<RevealedSecret>, AppError> {
    may_manage(viewer)?;
    let Some(session_hash) = crate::core::session::store::id_hash(session_token) else {
        return Ok(None);
    };
    sqlx::query!(
        "DELETE FROM webhook_secret_reveals WHERE expires_at <= $1",
        now
    )
    .execute(pool)
    .await?;
    let Some(row) = sqlx::query!(
        "DELETE FROM webhook_secret_reveals r USING webhook_endpoints e
          WHERE r.endpoint_id = e.id AND r.session_hash = $1
          RETURNING r.endpoint_id, r.sealed, e.url",
        session_hash
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let secret = seal(session_token, REVEAL_PURPOSE, row.endpoint_id, &row.sealed);
    Ok(Some(RevealedSecret {
        endpoint: row.endpoint_id,
        url: row.url,
        secret: secret_text(&secret),
    }))
}

/// Every endpoint, oldest first, with its last deliveries.
pub async fn list(pool: &PgPool, viewer: &Viewer) -> Result<Vec<EndpointView>, AppError> {
    may_manage(viewer)?;
    let endpoints = sqlx::query!(
        "SELECT id, url, events, hint, enabled, disabled_reason, failing_since, previous_until
           FROM webhook_endpoints ORDER BY created_at, id"
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<Uuid> = endpoints.iter().map(|e| e.id).collect();
    let deliveries = sqlx::query!(
        r#"SELECT d.endpoint_id AS "endpoint_id!", d.event_id AS "event_id!", d.type AS "type!",
                  d.status AS "status!", d.attempts AS "attempts!", d.last_status, d.last_error,
                  d.created_at AS "created_at!", d.next_attempt_at AS "next_attempt_at!"
             FROM unnest($1::uuid[]) AS e(id)
             CROSS JOIN LATERAL (
                 SELECT d.endpoint_id, d.event_id, ev.type, d.status, d.attempts, d.last_status,
                        d.last_error, d.created_at, d.next_attempt_at
                   FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
                  WHERE d.endpoint_id = e.id
                  ORDER BY d.created_at DESC, d.id DESC
                  LIMIT $2) d"#,
        &ids,
        RECENT_DELIVERIES
    )
    .fetch_all(pool)
    .await?;
    Ok(endpoints
        .into_iter()
        .map(|e| EndpointView {
            recent: deliveries
                .iter()
                .filter(|d| d.endpoint_id == e.id)
                .map(|d| DeliveryView {
                    event_id: d.event_id,
                    event: d.r#type.clone(),
                    status: d.status.clone(),
                    attempts: d.attempts,
                    receiver_status: d.last_status,
                    error: d.last_error.clone(),
                    created_at: d.created_at,
                    next_attempt_at: (d.status == "pending").then_some(d.next_attempt_at),
                })
                .collect(),
            id: e.id,
            url: e.url,
            events: e.events.iter().filter_map(|t| t.parse().ok()).collect(),
            hint: e.hint,
            enabled: e.enabled,
            disabled_for_failing: e.disabled_reason.is_some(),
            failing_since: e.failing_since,
            old_secret_until: e.previous_until,
        })
        .collect())
}

/// Turns an endpoint on or off. Off, its deliveries wait; on again, they go, and its failure
/// clock starts over.
pub async fn set_enabled(
    pool: &PgPool,
    viewer: &Viewer,
    id: Uuid,
    enabled: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    may_manage(viewer)?;
    let mut tx = pool.begin().await?;
    let changed = sqlx::query!(
        "UPDATE webhook_endpoints
            SET enabled = $2, disabled_reason = NULL, failing_since = NULL, updated_at = $3
          WHERE id = $1 AND enabled <> $2",
        id,
        enabled,
        now
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return exists(&mut tx, id).await;
    }
    if enabled {
        // Deliveries that waited while it was off go now, not at their old retry times.
        sqlx::query!(
            "UPDATE webhook_deliveries SET next_attempt_at = $2
              WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at > $2",
            id,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    let action = if enabled {
        "webhook.enabled"
    } else {
        "webhook.disabled"
    };
    audit::record(
        &mut tx,
        Actor::of(viewer),
        action,
        None,
        None,
        json!({ "endpoint": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn exists(tx: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    sqlx::query_scalar!(
        r#"SELECT 1 AS "one!" FROM webhook_endpoints WHERE id = $1"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|_| ())
    .ok_or(AppError::NotFound)
}

/// A new secret signs from now on; the old one signs too for [`ROTATION_OVERLAP`], so the
/// receiver can switch without losing an event. The new one waits for one showing.
pub async fn rotate(
    pool: &PgPool,
    viewer: &Viewer,
    session_token: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    may_manage(viewer)?;
    let mut tx = pool.begin().await?;
    let secret = rotate_in(&mut tx, viewer, id, now).await?;
    keep_for_reveal(&mut tx, session_token, id, &secret, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Rotates with a secret the caller shows (tests, a terminal command).
pub async fn rotate_shown(
    pool: &PgPool,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    may_manage(viewer)?;
    let mut tx = pool.begin().await?;
    let secret = rotate_in(&mut tx, viewer, id, now).await?;
    tx.commit().await?;
    Ok(secret_text(&secret))
}

async fn rotate_in(
    tx: &mut PgConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<[u8; 32], AppError> {
    let secret = new_secret();
    let rotated = sqlx::query!(
        "UPDATE webhook_endpoints
            SET previous_secret = secret, previous_until = $3, secret = $2, hint = $4,
                updated_at = $5
          WHERE id = $1",
        id,
        &secret[..],
        now + ROTATION_OVERLAP,
        hint(&secret),
        now
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if rotated == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        tx,
        Actor::of(viewer),
        "webhook.secret_rotated",
        None,
        None,
        json!({ "endpoint": id }),
    )
    .await?;
    Ok(secret)
}

/// Queues a `webhook.test` event to this endpoint alone, whatever it subscribes to.
pub async fn send_test(
    pool: &PgPool,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    may_manage(viewer)?;
    let mut tx = pool.begin().await?;
    let enabled = sqlx::query_scalar!("SELECT enabled FROM webhook_endpoints WHERE id = $1", id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    if !enabled {
        return Err(AppError::EndpointDisabled);
    }
    let event = Uuid::new_v4();
    let payload =
        super::events::payload(TEST_EVENT, now, super::object(json!({ "endpoint_id": id })));
    sqlx::query!(
        "WITH event AS (
             INSERT INTO webhook_events (id, type, payload, created_at) VALUES ($1, $2, $3, $4)
             RETURNING id)
         INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at, created_at)
         SELECT event.id, $5, $4, $4 FROM event",
        event,
        TEST_EVENT,
        payload,
        now,
        id
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "webhook.tested",
        None,
        None,
        json!({ "endpoint": id, "event": event }),
    )
    .await?;
    tx.commit().await?;
    Ok(event)
}

/// Removes the endpoint and its deliveries.
pub async fn delete(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<(), AppError> {
    may_manage(viewer)?;
    let mut tx = pool.begin().await?;
    let deleted = sqlx::query!("DELETE FROM webhook_endpoints WHERE id = $1", id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "webhook.deleted",
        None,
        None,
        json!({ "endpoint": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
