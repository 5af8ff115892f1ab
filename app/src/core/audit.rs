//! The audit log: who did what to which candidate or request. Ids and codes only, never personal
//! data or free text (SPEC §2); `details` holds kinds, counts and decisions.

use crate::domain::{CandidateId, RequestId, UserId, Viewer};
use sqlx::PgConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Candidate,
    User(UserId),
    /// An integration API key, acting for a colleague (`On-Behalf-Of`, or the key's creator).
    ApiKey {
        key: uuid::Uuid,
        user: UserId,
    },
    System,
}

impl Actor {
    /// The colleague behind a page's or the API's call.
    pub fn of(viewer: &Viewer) -> Self {
        match viewer.via_key {
            None => Actor::User(viewer.id),
            Some(key) => Actor::ApiKey {
                key,
                user: viewer.id,
            },
        }
    }

    /// The colleague who acted, if one did.
    pub fn user(self) -> Option<UserId> {
        match self {
            Actor::User(user) | Actor::ApiKey { user, .. } => Some(user),
            Actor::Candidate | Actor::System => None,
        }
    }
}

pub async fn record(
    db: &mut PgConnection,
    actor: Actor,
    action: &str,
    candidate: Option<CandidateId>,
    request: Option<RequestId>,
    details: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let (kind, key) = match actor {
        Actor::Candidate => ("candidate", None),
        Actor::User(_) => ("user", None),
        Actor::ApiKey { key, .. } => ("api_key", Some(key)),
        Actor::System => ("system", None),
    };
    sqlx::query!(
        "INSERT INTO audit_log (actor_kind, actor_user_id, actor_api_key_id, action, candidate_id,
                                data_request_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        kind,
        actor.user().map(UserId::into_uuid),
        key,
        action,
        candidate.map(CandidateId::into_uuid),
        request.map(RequestId::into_uuid),
        details,
    )
    .execute(db)
    .await?;
    Ok(())
}
