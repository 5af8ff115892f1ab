//! May the team contact this address? The answer an ATS asks before every email it sends.

use super::extract::{Read, Scoped};
use super::{Problem, ProblemBody};
use app::core::compliance::StopReason;
use app::core::state::AppState;
use app::domain::EmailAddress;
use app::error::AppError;
use axum::{
    extract::{Query, State},
    Json,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactStatusQuery {
    /// The address to check.
    #[param(example = "ada@example.com")]
    email: String,
}

/// `allowed`, or `do_not_contact` with why.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    Allowed,
    DoNotContact,
}

/// Why contact is stopped.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StopReasonCode {
    ContactRevoked,
    ConsentRule,
    AnonymizedRecord,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactStatusBody {
    status: ContactStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<StopReasonCode>,
}

/// May the team contact this address? Consults every live record with it and the decisions kept
/// from anonymized ones. An address Candor has never seen is `allowed`, answered exactly as a
/// known address with no stop.
#[utoipa::path(
    get,
    path = "/api/v1/contact-status",
    params(ContactStatusQuery),
    responses(
        (status = 200, description = "The contact status", body = ContactStatusBody),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "Not an email address", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn contact_status(
    State(state): State<AppState>,
    _: Scoped<Read>,
    query: Result<Query<ContactStatusQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ContactStatusBody>, Problem> {
    let invalid = || {
        AppError::Invalid(app::domain::preferences::FieldError {
            field: app::domain::preferences::Field::Email,
            problem: app::domain::preferences::Problem::Invalid,
        })
    };
    let Query(query) = query.map_err(|_| invalid())?;
    let email = EmailAddress::parse(query.email.trim()).map_err(|_| invalid())?;
    let mut db = state.pool.acquire().await.map_err(AppError::from)?;
    let stop =
        app::core::compliance::contact_status(&mut db, &state.config, &email, chrono::Utc::now())
            .await?;
    Ok(Json(match stop {
        None => ContactStatusBody {
            status: ContactStatus::Allowed,
            reason: None,
        },
        Some(reason) => ContactStatusBody {
            status: ContactStatus::DoNotContact,
            reason: Some(match reason {
                StopReason::ContactRevoked => StopReasonCode::ContactRevoked,
                StopReason::ConsentRule => StopReasonCode::ConsentRule,
                StopReason::AnonymizedRecord => StopReasonCode::AnonymizedRecord,
            }),
        },
    }))
}
