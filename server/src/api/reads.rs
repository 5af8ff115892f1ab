//! What the API reads: contact status by address, postings, data requests.

use super::extract::{Read, Scoped};
use super::{page_parameters, present, split_page, PageQuery, Problem, ProblemBody};
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
use uuid::Uuid;

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

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Posting)]
pub struct PostingBody {
    id: Uuid,
    title: String,
    description: String,
    /// ISO 3166-1 alpha-2, when the posting has a country.
    country: Option<String>,
    owner_email: Option<String>,
    questions: Vec<String>,
    /// `published` takes applications; `closed` refuses them.
    state: String,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostingPage {
    data: Vec<PostingBody>,
    /// The next page, or null on the last one.
    next: Option<String>,
}

/// Postings, oldest change first, in pages that stay stable while postings are added or edited.
#[utoipa::path(
    get,
    path = "/api/v1/postings",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of postings", body = PostingPage),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
    )
)]
pub(super) async fn list_postings(
    State(state): State<AppState>,
    _: Scoped<Read>,
    query: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PostingPage>, Problem> {
    let Query(query) = query.map_err(|_| Problem::bad_parameter("query"))?;
    let (since, after, limit) = page_parameters(&query).map_err(|p| *p)?;
    // One more than asked says whether a next page exists.
    let rows = app::core::postings::changed(&state.pool, since, after, limit + 1).await?;
    let (rows, next) = split_page(
        rows,
        limit,
        |p| (p.updated_at, p.id),
        "/api/v1/postings",
        &[("updated_since", &query.updated_since)],
    );
    Ok(Json(PostingPage {
        data: rows
            .into_iter()
            .map(|p| PostingBody {
                id: p.id,
                title: p.title,
                description: p.description,
                country: p.country,
                owner_email: p.owner_email,
                questions: p.questions,
                state: if p.published { "published" } else { "closed" }.to_owned(),
                created_at: p.created_at,
                updated_at: p.updated_at,
            })
            .collect(),
        next,
    }))
}

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
        data: rows
            .into_iter()
            .map(|r| RequestBody {
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
            })
            .collect(),
        next,
    }))
}
