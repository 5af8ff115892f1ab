//! What the ATS pushes and asks of candidates: upsert one or a batch by its own ids, read one
//! back, append the consent decisions it collected, and mint the candidate's links for its own
//! emails. Parsing is `domain::records`, writing `core::records`.

use super::extract::{Acting, Anonymize, IdPath, JsonBody, OptionalJsonBody, Read, Scoped, Write};
use super::{Problem, ProblemBody};
use app::core::records::{upsert_candidate, Refused, Upserted, UpsertedOpportunity};
use app::core::state::AppState;
use app::domain::records::{
    CandidateInput, CandidateRecord, ConsentDecisionInput, ImportedDecision,
};
use app::domain::CandidateId;
use app::error::AppError;
use axum::{extract::State, http::StatusCode, Json};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The most candidates one batch call carries.
pub const MAX_BATCH: usize = 1000;

/// How many of a batch's items are written at once (each holds a pooled connection).
const BATCH_CONCURRENCY: usize = 4;

impl From<Refused> for Problem {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Field(error) => Problem::field(&error.path, error.error),
            Refused::Call(error) => Problem::of(error),
        }
    }
}

/// What a push did: ids and whether each record was new. Nothing personal, so a replayed
/// answer can be kept.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CandidateResult)]
pub struct CandidateResultBody {
    id: Uuid,
    external_id: Option<String>,
    /// True when this call created the candidate; false when it updated the one with the
    /// external id.
    created: bool,
    opportunities: Vec<OpportunityResultBody>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OpportunityResult)]
pub struct OpportunityResultBody {
    id: Uuid,
    external_id: Option<String>,
    created: bool,
}

impl From<UpsertedOpportunity> for OpportunityResultBody {
    fn from(done: UpsertedOpportunity) -> Self {
        Self {
            id: done.id,
            external_id: done.external_id,
            created: done.created,
        }
    }
}

impl From<Upserted> for CandidateResultBody {
    fn from(done: Upserted) -> Self {
        Self {
            id: done.id,
            external_id: done.external_id,
            created: done.created,
            opportunities: done
                .opportunities
                .into_iter()
                .map(OpportunityResultBody::from)
                .collect(),
        }
    }
}

/// One candidate pushed in its own transaction: all of it, or none of it.
async fn push_one(
    state: &AppState,
    viewer: &app::domain::Viewer,
    input: &CandidateInput,
) -> Result<Upserted, Problem> {
    let record = CandidateRecord::parse(input, chrono::Utc::now())
        .map_err(|e| Problem::field(&e.path, e.error))?;
    let mut tx = state.pool.begin().await.map_err(AppError::from)?;
    // On the heap: the upsert, with the lifecycle steps inside it, is a large future.
    let done = Box::pin(upsert_candidate(
        &mut tx,
        viewer,
        &record,
        chrono::Utc::now(),
    ))
    .await?;
    tx.commit().await.map_err(AppError::from)?;
    Ok(done)
}

/// Creates a candidate, or updates the one with the same `external_id`: name replaced; location,
/// country and locale replaced when given; emails and phones added; opportunities upserted by
/// their own `external_id`, their stage and state changed through the same lifecycle rules as
/// the profile. No email is sent: the ATS puts the candidate's link in its own emails.
#[utoipa::path(
    post,
    path = "/api/v1/candidates",
    request_body = CandidateInput,
    params(super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Created", body = CandidateResultBody),
        (status = 200, description = "Updated the candidate with this external id", body = CandidateResultBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "The candidate with this external id is not visible to the colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Anonymized, a hired opportunity asked to change, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn push_candidate(
    State(state): State<AppState>,
    acting: Acting<Write>,
    JsonBody(input): JsonBody<CandidateInput>,
) -> Result<(StatusCode, Json<CandidateResultBody>), Problem> {
    let done = Box::pin(push_one(&state, &acting.viewer, &input)).await?;
    let status = if done.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(done.into())))
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = CandidateBatch)]
pub struct BatchInput {
    /// Up to 1,000 candidates, each with their opportunities.
    candidates: Vec<CandidateInput>,
}

/// One item's outcome, in the order sent.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = BatchItemResult)]
pub struct BatchItemBody {
    index: usize,
    /// `created`, `updated` or `failed`.
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<CandidateResultBody>,
    /// Why the item failed, as the single call would have answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<ProblemBody>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = BatchResult)]
pub struct BatchBody {
    results: Vec<BatchItemBody>,
}

/// Pushes up to 1,000 candidates, each in its own transaction as `POST /candidates` would:
/// one item's failure keeps nothing of that item and takes nothing from the others.
#[utoipa::path(
    post,
    path = "/api/v1/candidates/batch",
    request_body = BatchInput,
    params(super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "One result per item, in order", body = BatchBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "An idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "No items, or more than 1,000", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn push_batch(
    State(state): State<AppState>,
    acting: Acting<Write>,
    JsonBody(batch): JsonBody<BatchInput>,
) -> Result<Json<BatchBody>, Problem> {
    if batch.candidates.is_empty() || batch.candidates.len() > MAX_BATCH {
        return Err(Problem::bad_parameter("candidates").with_detail(format!(
            "Send between 1 and {MAX_BATCH} candidates in `candidates`."
        )));
    }
    let viewer = std::sync::Arc::new(acting.viewer);
    // A few items at a time, each still its own transaction: their commits overlap instead of
    // queueing, and the answer keeps the order sent. Items that name the same person or
    // candidacy go one after the other, so the first sent is the one that creates it.
    let concurrency = if names_a_record_twice(&batch.candidates) {
        1
    } else {
        BATCH_CONCURRENCY
    };
    let results = futures::stream::iter(batch.candidates.into_iter().enumerate())
        .map(|(index, input)| {
            let (state, viewer) = (state.clone(), viewer.clone());
            async move {
                match Box::pin(push_one(&state, &viewer, &input)).await {
                    Ok(done) => BatchItemBody {
                        index,
                        status: if done.created { "created" } else { "updated" }.to_owned(),
                        result: Some(done.into()),
                        problem: None,
                    },
                    Err(problem) => BatchItemBody {
                        index,
                        status: "failed".to_owned(),
                        result: None,
                        problem: Some(problem.into_body()),
                    },
                }
            }
        })
        .buffered(concurrency)
        .collect::<Vec<_>>()
        .await;
    Ok(Json(BatchBody { results }))
}

/// Whether two items share an external id (of the candidate or a candidacy) or an email
/// address, as a batch re-sending a changed record does.
fn names_a_record_twice(items: &[CandidateInput]) -> bool {
    let mut seen = std::collections::HashSet::new();
    items.iter().any(|item| {
        let keys = item
            .external_id
            .iter()
            .map(|id| format!("candidate:{}", id.trim()))
            .chain(
                item.emails
                    .iter()
                    .map(|e| format!("email:{}", e.trim().to_lowercase())),
            )
            .chain(
                item.opportunities
                    .iter()
                    .filter_map(|o| o.external_id.as_ref())
                    .map(|id| format!("opportunity:{}", id.trim())),
            )
            .collect::<std::collections::HashSet<_>>();
        keys.into_iter().any(|key| !seen.insert(key))
    })
}

/// A candidate as Candor holds them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Candidate)]
pub struct CandidateBody {
    id: Uuid,
    external_id: Option<String>,
    /// Empty once anonymized.
    name: String,
    emails: Vec<String>,
    phones: Vec<String>,
    location: Option<String>,
    country: Option<String>,
    locale: Option<String>,
    anonymized: bool,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
    opportunities: Vec<OpportunityBody>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Opportunity)]
pub struct OpportunityBody {
    id: Uuid,
    external_id: Option<String>,
    posting_id: Option<Uuid>,
    owner_email: Option<String>,
    stage: String,
    /// `active`, `archived` or `hired`.
    state: String,
    archive_reason: Option<String>,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
}

/// One candidate with their opportunities.
#[utoipa::path(
    get,
    path = "/api/v1/candidates/{id}",
    params(("id" = Uuid, Path, description = "Candor's id for the candidate")),
    responses(
        (status = 200, description = "The candidate", body = CandidateBody),
        (status = 403, description = "The key lacks `read`", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn read_candidate(
    State(state): State<AppState>,
    _: Scoped<Read>,
    IdPath(id): IdPath,
) -> Result<Json<CandidateBody>, Problem> {
    let found = app::core::records::read_candidate(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(CandidateBody {
        id: found.id,
        external_id: found.external_id,
        name: found.name,
        emails: found.emails,
        phones: found.phones,
        location: found.location,
        country: found.country,
        locale: found.locale,
        anonymized: found.anonymized,
        created_at: found.created_at,
        updated_at: found.updated_at,
        opportunities: found
            .opportunities
            .into_iter()
            .map(|o| OpportunityBody {
                id: o.id,
                external_id: o.external_id,
                posting_id: o.posting_id,
                owner_email: o.owner_email,
                stage: o.stage,
                state: o.state,
                archive_reason: o.archive_reason,
                created_at: o.created_at,
                updated_at: o.updated_at,
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CandidateLinks)]
pub struct LinksBody {
    /// The candidate's own data-preferences page. Anyone holding it acts as the candidate there.
    preferences_url: String,
    /// One-click stop of contact (RFC 8058), for a `List-Unsubscribe` header.
    unsubscribe_url: String,
    expires_at: chrono::DateTime<chrono::Utc>,
}

/// Signs the candidate's links for the ATS's own emails. Each call signs fresh ones and stores
/// nothing; since a link lets its holder act as the candidate, it needs the `write` scope.
#[utoipa::path(
    get,
    path = "/api/v1/candidates/{id}/links",
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "The links", body = LinksBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate, or not the colleague's", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The candidate is anonymized", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "On-Behalf-Of is not an email address", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn candidate_links(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
) -> Result<Json<LinksBody>, Problem> {
    let found = app::core::candidates::reachable(&state.pool, &acting.viewer, id).await?;
    if found.anonymized {
        return Err(AppError::Anonymized.into());
    }
    let candidate = CandidateId(id);
    let now = chrono::Utc::now();
    let ttl = state.config.link_ttl;
    let token = state.config.link_keys.sign(candidate, now, ttl);
    Ok(Json(LinksBody {
        preferences_url: app::core::links::preferences_url(&state.config.public_url, &token),
        unsubscribe_url: app::core::links::unsubscribe_url(&state.config, candidate, now, ttl),
        expires_at: now + ttl,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ConsentRecorded)]
pub struct ConsentRecordedBody {
    candidate_id: Uuid,
    purpose: String,
    decision: String,
}

/// Appends a consent decision the ATS collected (source `import`), with the time, basis and
/// notice version it gives. The latest decision for a purpose wins, as everywhere in Candor; a
/// late-arriving older one stays in the history without overriding a newer one.
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/consent-decisions",
    request_body = ConsentDecisionInput,
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Recorded", body = ConsentRecordedBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The candidate is anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn import_consent(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
    JsonBody(input): JsonBody<ConsentDecisionInput>,
) -> Result<(StatusCode, Json<ConsentRecordedBody>), Problem> {
    let decision = ImportedDecision::parse(&input, chrono::Utc::now())
        .map_err(|e| Problem::field(&e.path, e.error))?;
    let mut tx = state.pool.begin().await.map_err(AppError::from)?;
    app::core::records::import_consent(&mut tx, &acting.viewer, id, &decision).await?;
    tx.commit().await.map_err(AppError::from)?;
    Ok((
        StatusCode::CREATED,
        Json(ConsentRecordedBody {
            candidate_id: id,
            purpose: decision.purpose.as_str().to_owned(),
            decision: decision.decision.as_str().to_owned(),
        }),
    ))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = AnonymizeInput)]
#[serde(default)]
pub struct AnonymizeInput {
    /// Why: `candidate_asked_elsewhere`, `retention_ended`, `deleted_in_ats`, or
    /// `erasure_request` (the default when the candidate has an open erasure request, and
    /// refused when they have none).
    reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Anonymized)]
pub struct AnonymizedBody {
    candidate_id: Uuid,
    /// `gdpr` (everything removed) or `localized` (what the countries' policies select).
    mode: String,
    fields_removed: Vec<String>,
}

/// Anonymizes the candidate with the same engine and checks as the profile: the key needs the
/// `anonymize` scope and the colleague the Anonymize Candidates permission; a legal hold
/// refuses it; it rests on an open erasure request or a stated reason. It can't be undone.
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/anonymize",
    request_body = AnonymizeInput,
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "Anonymized", body = AnonymizedBody),
        (status = 403, description = "The key lacks `anonymize`, or the colleague may not anonymize", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Already anonymized, on legal hold, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or not one of the reasons", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn anonymize_candidate(
    State(state): State<AppState>,
    acting: Acting<Anonymize>,
    IdPath(id): IdPath,
    OptionalJsonBody(input): OptionalJsonBody<AnonymizeInput>,
) -> Result<Json<AnonymizedBody>, Problem> {
    let reason = match input.reason.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(text.parse().map_err(|_| {
            Problem::field(
                "/reason",
                app::domain::preferences::FieldError {
                    field: app::domain::preferences::Field::Reason,
                    problem: app::domain::preferences::Problem::Invalid,
                },
            )
        })?),
    };
    let removal = Box::pin(app::core::records::anonymize(
        &state.pool,
        &state.config,
        &acting.viewer,
        id,
        reason,
        chrono::Utc::now(),
    ))
    .await
    .map_err(|e| match e {
        AppError::Invalid(error) => Problem::field("/reason", error),
        other => Problem::of(other),
    })?;
    Ok(Json(AnonymizedBody {
        candidate_id: id,
        mode: removal.mode.as_str().to_owned(),
        fields_removed: removal
            .fields
            .iter()
            .map(|f| f.as_str().to_owned())
            .collect(),
    }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = NoteInput)]
#[serde(default)]
pub struct NoteInput {
    /// The note's text, as the team wrote it in the ATS.
    body: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = NoteAdded)]
pub struct NoteAddedBody {
    candidate_id: Uuid,
}

/// Adds a note to the candidate's profile, written by the colleague the call acts for.
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/notes",
    request_body = NoteInput,
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Added", body = NoteAddedBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The candidate is anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "No text, or too long", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn add_note(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
    JsonBody(input): JsonBody<NoteInput>,
) -> Result<(StatusCode, Json<NoteAddedBody>), Problem> {
    app::core::lifecycle::add_note(
        &state.pool,
        &acting.viewer,
        id,
        &input.body,
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| match e {
        AppError::Invalid(error) => Problem::field("/body", error),
        other => Problem::of(other),
    })?;
    Ok((
        StatusCode::CREATED,
        Json(NoteAddedBody { candidate_id: id }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(external_id: &str, email: &str) -> CandidateInput {
        CandidateInput {
            external_id: Some(external_id.into()),
            name: "A. Person".into(),
            emails: vec![email.into()],
            ..CandidateInput::default()
        }
    }

    #[test]
    fn a_batch_naming_a_record_twice_is_noticed() {
        let distinct = [person("1", "a@example.com"), person("2", "b@example.com")];
        assert!(!names_a_record_twice(&distinct));
        let same_id = [person("1", "a@example.com"), person("1", "c@example.com")];
        assert!(names_a_record_twice(&same_id));
        let same_address = [person("1", "a@example.com"), person("2", " A@example.com")];
        assert!(names_a_record_twice(&same_address));
    }
}
