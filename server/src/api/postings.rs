//! Postings: listed in stable pages, and upserted by the ATS's own id through the posting
//! form's service (`core::records::upsert_posting`).

use super::extract::{Acting, JsonBody, Read, Scoped, Write};
use super::{page_parameters, split_page, PageQuery, Problem, ProblemBody};
use app::core::postings::PostingChange;
use app::core::state::AppState;
use app::domain::records::{PostingInput, PostingRecord};
use app::error::AppError;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    Json,
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Posting)]
pub struct PostingBody {
    id: Uuid,
    /// The ATS's id for it, when it was pushed with one.
    external_id: Option<String>,
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
        data: rows.into_iter().map(PostingBody::from).collect(),
        next,
    }))
}

impl From<PostingChange> for PostingBody {
    fn from(p: PostingChange) -> Self {
        PostingBody {
            id: p.id,
            external_id: p.external_id,
            title: p.title,
            description: p.description,
            country: p.country,
            owner_email: p.owner_email,
            questions: p.questions,
            state: if p.published { "published" } else { "closed" }.to_owned(),
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// Creates a posting, or updates the one with the same `external_id`: title, description,
/// country, questions and state replaced; the owner replaced when given. The same checks and
/// permission as the posting form: the colleague must manage postings.
#[utoipa::path(
    post,
    path = "/api/v1/postings",
    request_body = PostingInput,
    params(super::IdempotencyHeader, super::OnBehalfOfHeader),
    responses(
        (status = 201, description = "Created", body = PostingBody),
        (status = 200, description = "Updated the posting with this external id", body = PostingBody),
        (status = 403, description = "The key lacks `write`, or the colleague may not manage postings", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "An idempotency conflict", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
        super::KeyRefusals,
        super::BodyRefusals,
    )
)]
pub(super) async fn push_posting(
    State(state): State<AppState>,
    acting: Acting<Write>,
    JsonBody(input): JsonBody<PostingInput>,
) -> Result<(StatusCode, Json<PostingBody>), Problem> {
    let record = PostingRecord::parse(&input).map_err(|e| Problem::field(&e.path, e.error))?;
    let mut tx = state.pool.begin().await.map_err(AppError::from)?;
    let (id, created) = Box::pin(app::core::records::upsert_posting(
        &mut tx,
        &acting.viewer,
        &record,
    ))
    .await?;
    tx.commit().await.map_err(AppError::from)?;
    let saved = app::core::postings::changed_one(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(saved.into())))
}
