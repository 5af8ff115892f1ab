//! Placing and lifting legal holds. Both lock the candidate row first, as anonymizing does, so a
//! hold and an anonymization arriving together are decided one after the other.

use super::HoldView;
use crate::audit::{self, Actor};
use crate::domain::{requests::written_reason, CandidateId, Viewer};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgExecutor, PgPool};
use uuid::Uuid;

/// The hold in force on a candidate, if any.
pub async fn current(
    db: impl PgExecutor<'_>,
    candidate: Uuid,
) -> Result<Option<HoldView>, AppError> {
    Ok(sqlx::query!(
        r#"SELECT h.reason, u.name AS "placed_by?", h.placed_at
             FROM legal_holds h LEFT JOIN users u ON u.id = h.placed_by
            WHERE h.candidate_id = $1 AND h.lifted_at IS NULL"#,
        candidate
    )
    .fetch_optional(db)
    .await?
    .map(|h| HoldView {
        reason: h.reason,
        placed_by: h.placed_by,
        placed_at: h.placed_at,
    }))
}

/// Locks a live candidate this Admin may hold or release.
async fn lock_for_hold(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
) -> Result<CandidateId, AppError> {
    let reachable = crate::candidates::reachable(&mut *tx, viewer, candidate).await?;
    if !viewer.role.manages_legal_holds() {
        return Err(AppError::Forbidden);
    }
    if reachable.anonymized {
        return Err(AppError::Anonymized);
    }
    sqlx::query!(
        "SELECT id FROM candidates WHERE id = $1 FOR UPDATE",
        candidate
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(reachable.id)
}

pub async fn place(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = written_reason(reason)?;
    let mut tx = pool.begin().await?;
    let id = lock_for_hold(&mut tx, viewer, candidate).await?;
    let placed = sqlx::query!(
        "INSERT INTO legal_holds (candidate_id, reason, placed_by, placed_at)
         SELECT $1, $2, $3, $4
          WHERE NOT EXISTS (SELECT 1 FROM legal_holds WHERE candidate_id = $1 AND lifted_at IS NULL)",
        candidate,
        reason,
        viewer.id.into_uuid(),
        now,
    )
    .execute(&mut *tx)
    .await?;
    if placed.rows_affected() == 0 {
        return Err(AppError::AlreadyOnHold);
    }
    audit::record(
        &mut tx,
        Actor::User(viewer.id),
        "legal_hold.placed",
        Some(id),
        None,
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn lift(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let id = lock_for_hold(&mut tx, viewer, candidate).await?;
    let lifted = sqlx::query!(
        "UPDATE legal_holds SET lifted_by = $2, lifted_at = $3
          WHERE candidate_id = $1 AND lifted_at IS NULL",
        candidate,
        viewer.id.into_uuid(),
        now,
    )
    .execute(&mut *tx)
    .await?;
    if lifted.rows_affected() == 0 {
        return Err(AppError::NoHold);
    }
    audit::record(
        &mut tx,
        Actor::User(viewer.id),
        "legal_hold.lifted",
        Some(id),
        None,
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
