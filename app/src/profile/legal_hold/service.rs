//! Placing and lifting legal holds. Both lock the candidate row first, as anonymizing does, so a
//! hold and an anonymization arriving together are decided one after the other.

use super::HoldView;
use crate::core::audit::{self, Actor};
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
    let reachable = crate::core::candidates::reachable(&mut *tx, viewer, candidate).await?;
    if !viewer.role.manages_legal_holds() {
        return Err(AppError::Forbidden);
    }
    if reachable.anonymized {
        return Err(AppError::Anonymized);
    }
    crate::core::candidates::lock(tx, reachable.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(reachable.id)
}

/// What an Admin does to a candidate's hold.
pub enum HoldChange<'a> {
    /// Place a hold, with the reason the team sees.
    Place(&'a str),
    Lift,
}

/// Places or lifts the hold, with its audit row: one hold at a time, and a lift needs a hold.
pub async fn change(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    change: HoldChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = match change {
        HoldChange::Place(reason) => Some(written_reason(reason)?),
        HoldChange::Lift => None,
    };
    let mut tx = pool.begin().await?;
    let id = lock_for_hold(&mut tx, viewer, candidate).await?;
    let (changed, refusal, action) = match reason {
        Some(reason) => (
            sqlx::query!(
                "INSERT INTO legal_holds (candidate_id, reason, placed_by, placed_at)
                 SELECT $1, $2, $3, $4
                  WHERE NOT EXISTS (SELECT 1 FROM legal_holds WHERE candidate_id = $1 AND lifted_at IS NULL)",
                candidate,
                reason,
                viewer.id.into_uuid(),
                now,
            )
            .execute(&mut *tx)
            .await?,
            AppError::AlreadyOnHold,
            "legal_hold.placed",
        ),
        None => (
            sqlx::query!(
                "UPDATE legal_holds SET lifted_by = $2, lifted_at = $3
                  WHERE candidate_id = $1 AND lifted_at IS NULL",
                candidate,
                viewer.id.into_uuid(),
                now,
            )
            .execute(&mut *tx)
            .await?,
            AppError::NoHold,
            "legal_hold.lifted",
        ),
    };
    if changed.rows_affected() == 0 {
        return Err(refusal);
    }
    audit::record(
        &mut tx,
        Actor::of(viewer),
        action,
        Some(id),
        None,
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
