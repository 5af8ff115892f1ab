//! The data requests Candor received, for the ATS to follow and to answer: list and read them,
//! log one the candidate made another way, and resolve, extend or refuse one, with the same
//! services, rules and permissions as the profile's banners (`core::requests`).

use super::extract::{Acting, IdPath, JsonBody, Read, Scoped, Write};
use super::{page_parameters, present, split_page, PageQuery, Problem, ProblemBody};
use app::core::requests::{decisions, RequestChange};
use app::core::state::AppState;
use app::domain::preferences::{Field, Notice};
use app::domain::requests::LoggedRequestForm;
use app::domain::CandidateId;
use app::error::AppError;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    Json,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// `access`, `rectification`, `erasure`, `restriction` or `objection`.
    kind: Option<String>,
    /// `open`, `resolved`, `refused` or `withdrawn`.
    state: Option<String>,
    /// Only requests due (as extended) before this time (RFC 3339).
    due_before: Option<String>,
    /// Only requests changed at or after this time (RFC 3339).
    updated_since: Option<String>,
    /// Where the previous page ended: its `next` link carries it.
    cursor: Option<String>,
    /// Items per page, 1 to 1000 (100 when left out).
    limit: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = DataRequest)]
pub struct RequestBody {
    id: Uuid,
    candidate_id: Uuid,
    kind: String,
    state: String,
    /// How it reached the organization: `preferences_page`, `email`, `phone`, `letter`, `in_person`.
    channel: String,
    received_at: chrono::DateTime<chrono::Utc>,
    /// The due date in force: the extended one once extended.
    due_at: chrono::DateTime<chrono::Utc>,
    extended: bool,
    resolved_at: Option<chrono::DateTime<chrono::Utc>>,
    resolution: Option<String>,
    updated_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestPage {
    data: Vec<RequestBody>,
    /// The next page, or null on the last one.
    next: Option<String>,
}

/// The data requests Candor received, oldest change first, filtered by kind, state and due date,
/// in pages that stay stable while requests arrive and are answered. Ids, kinds, states and times
/// only: what the candidate wrote stays in Candor.
#[utoipa::path(
    get,
    path = "/api/v1/requests",
    params(RequestQuery),
    responses(
        (status = 200, description = "A page of data requests", body = RequestPage),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn list_requests(
    State(state): State<AppState>,
    _: Scoped<Read>,
    query: Result<Query<RequestQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<RequestPage>, Problem> {
    let Query(query) = query.map_err(|_| Problem::bad_parameter("query"))?;
    let page = PageQuery {
        updated_since: query.updated_since.clone(),
        cursor: query.cursor.clone(),
        limit: query.limit.clone(),
    };
    let (updated_since, after, limit) = page_parameters(&page).map_err(|p| *p)?;
    let kind = match present(&query.kind) {
        None => None,
        Some(text) => Some(text.parse().map_err(|_| Problem::bad_parameter("kind"))?),
    };
    let status = match present(&query.state) {
        None => None,
        Some(text) => Some(text.parse().map_err(|_| Problem::bad_parameter("state"))?),
    };
    let due_before = match present(&query.due_before) {
        None => None,
        Some(text) => Some(
            chrono::DateTime::parse_from_rfc3339(text)
                .map_err(|_| Problem::bad_parameter("due_before"))?
                .with_timezone(&chrono::Utc),
        ),
    };
    let filter = app::core::requests::RequestFilter {
        kind,
        status,
        due_before,
        updated_since,
    };
    let rows = app::core::requests::changed(&state.pool, &filter, after, limit + 1).await?;
    let (rows, next) = split_page(
        rows,
        limit,
        |r| (r.updated_at, r.id),
        "/api/v1/requests",
        &[
            ("updated_since", &query.updated_since),
            ("kind", &query.kind),
            ("state", &query.state),
            ("due_before", &query.due_before),
        ],
    );
    Ok(Json(RequestPage {
        data: rows.into_iter().map(RequestBody::from).collect(),
        next,
    }))
}

impl From<RequestChange> for RequestBody {
    fn from(r: RequestChange) -> Self {
        RequestBody {
            id: r.id,
            candidate_id: r.candidate_id,
            kind: r.kind,
            state: r.status,
            channel: r.channel,
            received_at: r.received_at,
            due_at: r.due_at,
            extended: r.extended,
            resolved_at: r.resolved_at,
            resolution: r.resolution,
            updated_at: r.updated_at,
        }
    }
}

/// A body field that failed the domain's checks, at its JSON pointer.
fn in_body(error: AppError) -> Problem {
    match error {
        AppError::Invalid(e) => {
            let path = match e.field {
                Field::RequestKind => "/kind",
                Field::ReceivedOn => "/received_on",
                Field::Channel => "/channel",
                Field::Note => "/note",
                Field::Months => "/months",
                _ => "/reason",
            };
            Problem::field(path, e)
        }
        other => Problem::of(other),
    }
}

/// The request as it stands after a decision.
async fn as_it_stands(state: &AppState, id: Uuid) -> Result<Json<RequestBody>, Problem> {
    let found = app::core::requests::one(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(found.into()))
}

/// One data request.
#[utoipa::path(
    get,
    path = "/api/v1/requests/{id}",
    params(("id" = Uuid, Path, description = "Candor's id for the request")),
    responses(
        (status = 200, description = "The request", body = RequestBody),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn read_request(
    State(state): State<AppState>,
    _: Scoped<Read>,
    IdPath(id): IdPath,
) -> Result<Json<RequestBody>, Problem> {
    as_it_stands(&state, id).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = LoggedRequestInput)]
#[serde(default)]
pub struct LogRequestInput {
    /// `access`, `rectification` or `erasure`.
    #[schema(example = "erasure")]
    kind: String,
    /// The day it reached the organization (`YYYY-MM-DD`): the statutory clock runs from it. Not
    /// in the future, and not before the candidate was on file.
    #[schema(example = "2026-11-30")]
    received_on: String,
    /// `email`, `phone`, `letter` or `in_person`.
    #[schema(example = "email")]
    channel: String,
    /// What was asked, in the team's words (for a rectification: what to correct).
    note: String,
}

/// Logs a request the candidate made by email, phone, letter or in person: its clock runs from
/// the day received, contact stops where the kind stops it, the owners are alerted and the
/// candidate gets the confirmation, as when it is logged on the profile. One request of a kind
/// is open at a time: logging one while another is open answers with the open one (200).
#[utoipa::path(
    post,
    path = "/api/v1/candidates/{id}/requests",
    request_body = LogRequestInput,
    params(("id" = Uuid, Path, description = "Candor's id for the candidate"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Logged", body = RequestBody),
        (status = 200, description = "A request of this kind was already open: that one", body = RequestBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such candidate", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The candidate is anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn log_request(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
    JsonBody(input): JsonBody<LogRequestInput>,
) -> Result<(StatusCode, Json<RequestBody>), Problem> {
    let form = LoggedRequestForm {
        kind: input.kind,
        received_on: input.received_on,
        channel: input.channel,
        note: input.note,
    };
    // Replays of the call are the Idempotency-Key's to answer; each call is a new intake.
    let intake_key = Uuid::new_v4().to_string();
    let notice = Box::pin(decisions::log(
        &state.pool,
        &state.config,
        &acting.viewer,
        id,
        &form,
        &intake_key,
        chrono::Utc::now(),
    ))
    .await
    .map_err(in_body)?;
    let kind = match notice {
        Notice::RequestReceived(kind) | Notice::RequestAlreadyOpen(kind) => kind,
        _ => return Err(AppError::Unavailable.into()),
    };
    let open = app::core::requests::open_of_kind(&state.pool, CandidateId(id), kind)
        .await?
        .ok_or(AppError::RequestClosed)?;
    let status = match notice {
        Notice::RequestAlreadyOpen(_) => StatusCode::OK,
        _ => StatusCode::CREATED,
    };
    Ok((status, Json(open.into())))
}

/// Marks an access or rectification request resolved: the team answered it in the ATS (sent the
/// copy, made the correction). An erasure request is resolved by anonymizing the candidate
/// (`POST /candidates/{id}/anonymize`), which closes it.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/resolve",
    params(("id" = Uuid, Path, description = "Candor's id for the request"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "Resolved", body = RequestBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or its candidate is not the colleague's", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Closed already, an erasure (anonymize to resolve), the candidate anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "On-Behalf-Of or Idempotency-Key is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn resolve_request(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
) -> Result<Json<RequestBody>, Problem> {
    decisions::resolve(&state.pool, &acting.viewer, id, chrono::Utc::now()).await?;
    as_it_stands(&state, id).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = ExtensionInput)]
#[serde(default)]
pub struct ExtendInput {
    /// 1 or 2 further months (Art. 12(3)).
    #[schema(example = 2)]
    months: u32,
    /// Why, as the candidate will read it in the extension notice.
    #[schema(example = "We hold records in several systems and need time to gather them.")]
    reason: String,
}

/// Extends the request once, by one or two months, within its first month, with a reason the
/// candidate is emailed (Art. 12(3)).
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/extend",
    request_body = ExtendInput,
    params(("id" = Uuid, Path, description = "Candor's id for the request"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "Extended", body = RequestBody),
        (status = 403, description = "The key lacks `write`, or On-Behalf-Of names no active colleague", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or its candidate is not the colleague's", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Closed, extended already, past its first month, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "Months not 1 or 2, or no reason", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn extend_request(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
    JsonBody(input): JsonBody<ExtendInput>,
) -> Result<Json<RequestBody>, Problem> {
    Box::pin(decisions::extend(
        &state.pool,
        &state.config,
        &acting.viewer,
        id,
        input.months,
        &input.reason,
        chrono::Utc::now(),
    ))
    .await
    .map_err(in_body)?;
    as_it_stands(&state, id).await
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = RefusalInput)]
#[serde(default)]
pub struct RefuseInput {
    /// Why (Art. 12(4)), as the candidate will read it with their right to complain.
    #[schema(example = "We no longer hold any data about you beyond this request.")]
    reason: String,
}

/// Refuses the request with a reason the candidate is emailed (Art. 12(4)). Refusing an erasure
/// needs the colleague's permission to, as on the profile.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/refuse",
    request_body = RefuseInput,
    params(("id" = Uuid, Path, description = "Candor's id for the request"), super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 200, description = "Refused", body = RequestBody),
        (status = 403, description = "The key lacks `write`, or the colleague may not refuse this kind", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or its candidate is not the colleague's", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Closed already, the candidate anonymized, or an idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or too long", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn refuse_request(
    State(state): State<AppState>,
    acting: Acting<Write>,
    IdPath(id): IdPath,
    JsonBody(input): JsonBody<RefuseInput>,
) -> Result<Json<RequestBody>, Problem> {
    Box::pin(decisions::refuse(
        &state.pool,
        &state.config,
        &acting.viewer,
        id,
        &input.reason,
        chrono::Utc::now(),
    ))
    .await
    .map_err(in_body)?;
    as_it_stands(&state, id).await
}
