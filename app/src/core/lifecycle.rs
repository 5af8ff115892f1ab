//! The candidate lifecycle as the team drives it (SPEC §10): moving an opportunity through the
//! stages, archiving, unarchiving and hiring it, and writing notes and interview feedback. The
//! profile's forms call these, and so will the integration API: the rules are the domain's
//! (`domain::lifecycle`), and the retention and do-not-contact rules read what these write.

use crate::core::candidates::{lock, reachable};
use crate::domain::lifecycle::{decide, parse_feedback, OpportunityState, Refusal, Step};
use crate::domain::preferences::Field;
use crate::domain::{CandidateId, UserId, Viewer};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// What an action did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Already so (a second click of the same form): nothing recorded twice.
    AlreadySo,
}

/// A live candidate the viewer may reach, locked for the action.
async fn locked_candidate(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
) -> Result<CandidateId, AppError> {
    let found = reachable(&mut *tx, viewer, candidate).await?;
    let locked = lock(tx, found.id).await?.ok_or(AppError::NotFound)?;
    if locked.anonymized {
        return Err(AppError::Anonymized);
    }
    Ok(found.id)
}

/// One of the candidate's opportunities, locked; `NotFound` for another candidate's.
async fn opportunity(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: CandidateId,
    opportunity: Uuid,
) -> Result<OpportunityState, AppError> {
    let row = sqlx::query!(
        r#"SELECT owner_id, stage, archived_at IS NOT NULL AS "archived!", hired,
                  EXISTS (SELECT 1 FROM opportunity_assignees a
                           WHERE a.opportunity_id = o.id AND a.user_id = $3) AS "assigned!"
             FROM opportunities o WHERE id = $1 AND candidate_id = $2 FOR UPDATE"#,
        opportunity,
        candidate.into_uuid(),
        viewer.id.into_uuid()
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(OpportunityState {
        owner: row.owner_id.map(UserId),
        assigned: row.assigned,
        stage: row.stage,
        archived: row.archived,
        hired: row.hired,
    })
}

/// Takes `step` on one of the candidate's opportunities, with its event for the timeline.
pub async fn take_step(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    opportunity_id: Uuid,
    step: Step,
    now: DateTime<Utc>,
) -> Result<Outcome, AppError> {
    let mut tx = pool.begin().await?;
    let outcome = take_step_in(&mut tx, viewer, candidate, opportunity_id, step, now).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// [`take_step`] inside the caller's transaction (the demo seed backdates its steps).
pub async fn take_step_in(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
    opportunity_id: Uuid,
    step: Step,
    now: DateTime<Utc>,
) -> Result<Outcome, AppError> {
    let candidate = locked_candidate(&mut *tx, viewer, candidate).await?;
    let state = opportunity(&mut *tx, viewer, candidate, opportunity_id).await?;
    match decide(viewer, &state, step) {
        Ok(()) => {}
        Err(Refusal::Unchanged) => return Ok(Outcome::AlreadySo),
        Err(Refusal::NotYours) => return Err(AppError::Forbidden),
        Err(Refusal::Archived) => return Err(AppError::OpportunityArchived),
        Err(Refusal::NotArchived) => return Err(AppError::OpportunityActive),
        Err(Refusal::Hired) => return Err(AppError::OpportunityHired),
    }
    let (stage, archived_at, reason, hired) = match step {
        Step::MoveTo(stage) => (stage.as_str().to_owned(), None, None, false),
        Step::Archive(reason) => (state.stage, Some(now), Some(reason.as_str()), false),
        Step::Unarchive => (state.stage, None, None, false),
        Step::Hire => (state.stage, None, None, true),
    };
    sqlx::query!(
        "UPDATE opportunities SET stage = $2, archived_at = $3, archive_reason = $4, hired = $5
          WHERE id = $1",
        opportunity_id,
        stage,
        archived_at,
        reason,
        hired
    )
    .execute(&mut *tx)
    .await?;
    let event_stage = matches!(step, Step::MoveTo(_)).then_some(stage);
    sqlx::query!(
        "INSERT INTO events (opportunity_id, kind, stage, actor_id, at) VALUES ($1, $2, $3, $4, $5)",
        opportunity_id,
        step.event_kind(),
        event_stage,
        viewer.id.into_uuid(),
        now
    )
    .execute(&mut *tx)
    .await?;
    Ok(Outcome::Done)
}

/// A note on the candidate by the viewer.
pub async fn add_note(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    add_note_in(&mut tx, viewer, candidate, body, now).await?;
    tx.commit().await?;
    Ok(())
}

/// [`add_note`] inside the caller's transaction.
pub async fn add_note_in(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let body = Field::TeamNote.required_text(body)?;
    let candidate = locked_candidate(&mut *tx, viewer, candidate).await?;
    sqlx::query!(
        "INSERT INTO notes (candidate_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
        candidate.into_uuid(),
        viewer.id.into_uuid(),
        body,
        now
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Interview feedback on one of the candidate's opportunities. A Limited Team Member writes it
/// on their own opportunities only, as they move them.
pub async fn add_feedback(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    opportunity_id: Uuid,
    rating: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    add_feedback_in(
        &mut tx,
        viewer,
        candidate,
        opportunity_id,
        rating,
        body,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// [`add_feedback`] inside the caller's transaction.
pub async fn add_feedback_in(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
    opportunity_id: Uuid,
    rating: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (rating, body) = parse_feedback(rating, body)?;
    let candidate = locked_candidate(&mut *tx, viewer, candidate).await?;
    let state = opportunity(&mut *tx, viewer, candidate, opportunity_id).await?;
    if !crate::domain::lifecycle::may_act_on(viewer, &state) {
        return Err(AppError::Forbidden);
    }
    sqlx::query!(
        "INSERT INTO feedback (opportunity_id, author_id, rating, body, created_at)
         VALUES ($1, $2, $3, $4, $5)",
        opportunity_id,
        viewer.id.into_uuid(),
        rating,
        body,
        now
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Assigns `member` to one of the candidate's opportunities (`assign`), or takes them off it.
/// Assigning who is assigned already, or removing who isn't, changes nothing.
pub async fn set_assignee(
    pool: &PgPool,
    viewer: &Viewer,
    candidate: Uuid,
    opportunity_id: Uuid,
    member: Uuid,
    assign: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if !crate::domain::lifecycle::assigns_colleagues(viewer.role) {
        return Err(AppError::Forbidden);
    }
    let mut tx = pool.begin().await?;
    let candidate = locked_candidate(&mut tx, viewer, candidate).await?;
    opportunity(&mut tx, viewer, candidate, opportunity_id).await?;
    let changed = if assign {
        let active = sqlx::query_scalar!(
            r#"SELECT NOT disabled AS "active!" FROM users WHERE id = $1"#,
            member
        )
        .fetch_optional(&mut *tx)
        .await?;
        if active != Some(true) {
            return Err(Field::Member
                .error(crate::domain::preferences::Problem::Invalid)
                .into());
        }
        let changed = sqlx::query!(
            "INSERT INTO opportunity_assignees (opportunity_id, user_id, assigned_by, assigned_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            opportunity_id,
            member,
            viewer.id.into_uuid(),
            now
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        changed
    } else {
        sqlx::query!(
            "DELETE FROM opportunity_assignees WHERE opportunity_id = $1 AND user_id = $2",
            opportunity_id,
            member
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
    };
    if changed == 0 {
        return Ok(());
    }
    crate::core::audit::record(
        &mut tx,
        crate::core::audit::Actor::of(viewer),
        if assign {
            "opportunity.assigned"
        } else {
            "opportunity.unassigned"
        },
        Some(candidate),
        None,
        serde_json::json!({ "opportunity": opportunity_id, "member": member }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
