//! One candidacy at a time: the ATS upserts an opportunity on a candidate Candor has (by its
//! own id, through the same lifecycle rules as a full push) and adds interview feedback to one.

use super::extract::{Acting, IdPath, IdsPath, JsonBody, Write};
use super::records::OpportunityResultBody;
use super::{Problem, ProblemBody};
use app::core::state::AppState;
use app::domain::preferences::Field;
use app::domain::records::{OpportunityInput, OpportunityRecord};
use app::error::AppError;
use axum::{extract::State, http::StatusCode, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Adds an opportunity to the candidate, or updates the one with the same `external_id`: its
/// stage and state change through the same lifecycle rules as the profile (a hire is final; an
/// archived opportunity is unarchived before it moves).
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/opportunities",
    request_body = OpportunityInput,
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Created", body = OpportunityResultBody),
        (status = 200, description = "Updated the opportunity with this external id", body = OpportunityResultBody),
        (status = 403, description = "The key lacks `write`, or the colleague may not act on this opportunity", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate, or not the colleague's", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Anonymized, a hired opportunity asked to change, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid (an external id of another candidate's opportunity, say)", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn push_opportunity(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(candidate): IdPath,
    JsonBody(input): JsonBody<OpportunityInput>,
) -> Result<(StatusCode, Json<OpportunityResultBody>), Problem> {
    let now = chrono::Utc::now();
    let record =
        OpportunityRecord::parse(&input, now).map_err(|e| Problem::field(&e.path, e.error))?;
    let mut tx = state.pool.begin().await.map_err(AppError::from)?;
    let done = Box::pin(app::core::records::upsert_opportunity_of(
        &mut tx,
        &acting.viewer,
        candidate,
        &record,
        now,
    ))
    .await?;
    tx.commit().await.map_err(AppError::from)?;
    let status = if done.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(done.into())))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = FeedbackInput)]
#[serde(default)]
pub struct FeedbackInput {
    /// 1 (strong no) to 4 (strong yes), as on the profile.
    #[schema(example = 3)]
    rating: u8,
    /// The interviewer's words (optional).
    body: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FeedbackAdded)]
pub struct FeedbackAddedBody {
    opportunity_id: Uuid,
}

/// Adds interview feedback to one of the candidate's opportunities, written by the colleague the
/// call acts for. A Limited Team Member writes it on their own opportunities only.
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/opportunities/{opportunity_id}/feedback",
    request_body = FeedbackInput,
    params(
        ("id" = Uuid, Path, description = "Candor's id for the candidate"),
        ("opportunity_id" = Uuid, Path, description = "Candor's id for the opportunity"),
        super::IdempotencyHeader, super::OnBehalfOfHeader
    ),
    responses(
        (status = 201, description = "Added", body = FeedbackAddedBody),
        (status = 403, description = "The key lacks `write`, or the colleague may not act on this opportunity", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate or opportunity", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The candidate is anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A rating not 1 to 4, or the text too long", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn add_feedback(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdsPath(candidate, opportunity): IdsPath,
    JsonBody(input): JsonBody<FeedbackInput>,
) -> Result<(StatusCode, Json<FeedbackAddedBody>), Problem> {
    app::core::lifecycle::add_feedback(
        &state.pool,
        &acting.viewer,
        candidate,
        opportunity,
        &input.rating.to_string(),
        &input.body,
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| match e {
        AppError::Invalid(error) if error.field == Field::Rating => {
            Problem::field("/rating", error)
        }
        AppError::Invalid(error) => Problem::field("/body", error),
        other => Problem::of(other),
    })?;
    Ok((
        StatusCode::CREATED,
        Json(FeedbackAddedBody {
            opportunity_id: opportunity,
        }),
    ))
}
