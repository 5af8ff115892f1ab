//! The audit log: who did what to which candidate or request. Ids and codes only, never personal
//! data or free text (SPEC §2); `details` holds kinds, counts and decisions.

use crate::domain::{CandidateId, RequestId, UserId};
use sqlx::PgConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Candidate,
    User(UserId),
    System,
}

pub async fn record(
    db: &mut PgConnection,
    actor: Actor,
    action: &str,
    candidate: Option<CandidateId>,
    request: Option<RequestId>,
    details: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let (kind, user) = match actor {
        Actor::Candidate => ("candidate", None),
        Actor::User(id) => ("user", Some(id.into_uuid())),
        Actor::System => ("system", None),
    };
    sqlx::query!(
        "INSERT INTO audit_log (actor_kind, actor_user_id, action, candidate_id, data_request_id, details)
         VALUES ($1, $2, $3, $4, $5, $6)",
        kind,
        user,
        action,
        candidate.map(CandidateId::into_uuid),
        request.map(RequestId::into_uuid),
        details,
    )
    .execute(db)
    .await?;
    Ok(())
}
