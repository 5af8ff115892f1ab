//! The integration API (SPEC §11): JSON under `/api/v1/`, beside the Leptos server functions
//! (which stay internal). A thin layer over the same core services the pages call: it
//! authenticates the key, checks its scope and rate, parses with the domain, and maps the one
//! error enum to RFC 9457 problem details. The OpenAPI 3.1 document is generated from these
//! handlers by utoipa (derive macros beside the code they describe, no runtime reflection).

use app::core::api_keys::ApiPrincipal;
use app::core::compliance::StopReason;
use app::core::state::AppState;
use app::domain::api_keys::{allows, Scope};
use app::domain::EmailAddress;
use app::error::AppError;
use axum::{
    extract::{FromRequestParts, Query, State},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::{Deserialize, Serialize};
use std::{num::NonZeroU32, sync::Arc};
use utoipa::{
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
    IntoParams, Modify, OpenApi, ToSchema,
};
use uuid::Uuid;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Candor integration API",
        version = "1",
        description = "Candor beside the applicant tracking system a team already runs. \
                       Authenticate with `Authorization: Bearer <key>`; errors are RFC 9457 problem details."
    ),
    paths(contact_status, list_postings, list_requests),
    components(schemas(
        ContactStatusBody, ContactStatus, StopReasonCode, ProblemBody, PostingBody, PostingPage,
        RequestBody, RequestPage
    )),
    modifiers(&BearerKeys),
    security(("api_key" = []))
)]
struct ApiDoc;

struct BearerKeys;

impl Modify for BearerKeys {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The OpenAPI document, as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// What the API's handlers share: the app's state and the per-key call limit.
#[derive(Clone)]
pub struct ApiState {
    app: AppState,
    limit: Arc<DefaultKeyedRateLimiter<Uuid>>,
}

impl axum::extract::FromRef<ApiState> for AppState {
    fn from_ref(state: &ApiState) -> AppState {
        state.app.clone()
    }
}

/// The API's routes. Each key may make `CANDOR_API_CALLS_PER_MINUTE` calls a minute, with a
/// burst of the same size.
pub fn router(app: AppState) -> Router {
    let per_minute = NonZeroU32::new(app.config.api_calls_per_minute).unwrap_or(NonZeroU32::MIN);
    let state = ApiState {
        app,
        limit: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
    };
    Router::new()
        .route("/openapi.json", get(|| async { Json(openapi()) }))
        .route("/contact-status", get(contact_status))
        .route("/postings", get(list_postings))
        .route("/requests", get(list_requests))
        .fallback(|| async { Problem::of(AppError::NotFound) })
        .with_state(state)
}

/// An RFC 9457 problem: a stable `type` per error code, the HTTP status, a sentence for people,
/// and the failing field where there is one. Never internals.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemBody {
    /// `urn:candor:problem:<code>`, stable across releases.
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    detail: String,
    /// The request field that failed validation, as a JSON pointer-like path.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
}

/// A failed call, answered as problem details.
pub struct Problem {
    status: StatusCode,
    body: ProblemBody,
    retry_after: Option<u64>,
}

impl Problem {
    fn of(error: AppError) -> Self {
        let (code, status, field) = match error {
            // The domain's codes, but an API's vocabulary for who is asking.
            AppError::SignInRequired | AppError::SignInFailed => {
                ("unauthorized".to_owned(), 401, None)
            }
            AppError::Invalid(e) => ("invalid".to_owned(), 422, Some(e.field.as_str().to_owned())),
            other => (other.code(), other.status(), None),
        };
        let title = match status {
            401 => "A valid API key is required".to_owned(),
            403 => "The key's scopes don't allow this".to_owned(),
            404 => "Not found".to_owned(),
            422 => "A field is not valid".to_owned(),
            429 => "Too many calls".to_owned(),
            _ => "The call could not be done".to_owned(),
        };
        let detail = match error {
            AppError::SignInRequired | AppError::SignInFailed => {
                "Send a live key as `Authorization: Bearer <key>`.".to_owned()
            }
            AppError::Forbidden => {
                "Create a key with the scope this call needs in Settings → API keys.".to_owned()
            }
            other => app::text::error_message(&other),
        };
        Problem {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            body: ProblemBody {
                kind: format!("urn:candor:problem:{code}"),
                title,
                status,
                detail,
                field,
            },
            retry_after: None,
        }
    }
}

impl Problem {
    /// A query parameter that is not valid (the API's own parameters, not a domain field).
    fn bad_parameter(name: &str) -> Self {
        let mut problem = Problem::of(AppError::BadForm);
        problem.status = StatusCode::UNPROCESSABLE_ENTITY;
        problem.body.kind = "urn:candor:problem:invalid".to_owned();
        problem.body.status = 422;
        problem.body.title = "A field is not valid".to_owned();
        problem.body.detail = format!("Check the `{name}` parameter.");
        problem.body.field = Some(name.to_owned());
        problem
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        Problem::of(error)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The key behind a call. Missing, malformed, unknown and revoked keys get the same 401; a
/// key over its rate gets 429 with `Retry-After`.
pub struct ApiKey(pub ApiPrincipal);

impl FromRequestParts<ApiState> for ApiKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Problem> {
        let presented = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(AppError::SignInRequired)?;
        let principal =
            app::core::api_keys::authenticate(&state.app.pool, presented, chrono::Utc::now())
                .await?
                .ok_or(AppError::SignInRequired)?;
        if let Err(not_until) = state.limit.check_key(&principal.key) {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ));
            let mut problem = Problem::of(AppError::RateLimited);
            problem.retry_after = Some(wait.as_secs().max(1));
            return Err(problem);
        }
        Ok(ApiKey(principal))
    }
}

impl ApiKey {
    fn require(&self, scope: Scope) -> Result<(), AppError> {
        if allows(&self.0.scopes, scope) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactStatusQuery {
    /// The address to check.
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
        (status = 401, description = "No valid key", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "Not an email address", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
async fn contact_status(
    State(state): State<AppState>,
    key: ApiKey,
    query: Result<Query<ContactStatusQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ContactStatusBody>, Problem> {
    key.require(Scope::Read)?;
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

/// The most items one page holds, and how many when the caller doesn't say.
const MAX_PAGE: i64 = 1000;
const DEFAULT_PAGE: i64 = 100;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Only items changed at or after this time (RFC 3339).
    updated_since: Option<String>,
    /// Where the previous page ended: its `next` link carries it.
    cursor: Option<String>,
    /// Items per page, 1 to 1000 (100 when left out).
    limit: Option<String>,
}

/// A page position: the last item's change time and id, opaque to callers.
fn encode_cursor(at: chrono::DateTime<chrono::Utc>, id: Uuid) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{}.{id}", at.timestamp_micros()))
}

fn decode_cursor(cursor: &str) -> Option<(chrono::DateTime<chrono::Utc>, Uuid)> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (micros, id) = text.split_once('.')?;
    Some((
        chrono::DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id.parse().ok()?,
    ))
}

/// The page's parameters, checked: the filter, the position and the size.
type PageParameters = (
    Option<chrono::DateTime<chrono::Utc>>,
    Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    i64,
);

fn page_parameters(query: &PageQuery) -> Result<PageParameters, Box<Problem>> {
    let since = match query.updated_since.as_deref() {
        None | Some("") => None,
        Some(text) => Some(
            chrono::DateTime::parse_from_rfc3339(text)
                .map_err(|_| Box::new(Problem::bad_parameter("updated_since")))?
                .with_timezone(&chrono::Utc),
        ),
    };
    let after = match query.cursor.as_deref() {
        None | Some("") => None,
        Some(text) => {
            Some(decode_cursor(text).ok_or_else(|| Box::new(Problem::bad_parameter("cursor")))?)
        }
    };
    let limit = match query.limit.as_deref() {
        None | Some("") => DEFAULT_PAGE,
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .ok_or_else(|| Box::new(Problem::bad_parameter("limit")))?,
    };
    Ok((since, after, limit))
}

/// One page out of `rows`, which the query fetched with one row more than `limit` to tell
/// whether a next page exists: the rows to show, and the link to the next page (at `path`, with
/// the caller's size and filters `kept`) when there is one.
fn split_page<T>(
    mut rows: Vec<T>,
    limit: i64,
    position: impl Fn(&T) -> (chrono::DateTime<chrono::Utc>, Uuid),
    path: &str,
    kept: &[(&str, &Option<String>)],
) -> (Vec<T>, Option<String>) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = rows.last().filter(|_| more).map(|last| {
        let (at, id) = position(last);
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in kept {
            if let Some(value) = present(value) {
                pairs.append_pair(name, value);
            }
        }
        pairs.append_pair("limit", &limit.to_string());
        pairs.append_pair("cursor", &encode_cursor(at, id));
        format!("{path}?{}", pairs.finish())
    });
    (rows, next)
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
        (status = 401, description = "No valid key", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
async fn list_postings(
    State(state): State<AppState>,
    key: ApiKey,
    query: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PostingPage>, Problem> {
    key.require(Scope::Read)?;
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
        (status = 401, description = "No valid key", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks the `read` scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Over the key's rate", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
async fn list_requests(
    State(state): State<AppState>,
    key: ApiKey,
    query: Result<Query<RequestQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<RequestPage>, Problem> {
    key.require(Scope::Read)?;
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

/// A query parameter that was given, and not empty.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}
