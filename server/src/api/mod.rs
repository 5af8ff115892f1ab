//! The integration API (SPEC §11): JSON under `/api/v1/`, beside the Leptos server functions
//! (which stay internal). A thin layer over the same core services the pages call: it
//! authenticates the key, checks its scope and rate, parses with the domain, and maps the one
//! error enum to RFC 9457 problem details. The OpenAPI 3.1 document is generated from these
//! handlers by utoipa (derive macros beside the code they describe, no runtime reflection).

mod contact;
mod extract;
mod idempotency;
mod opportunities;
mod postings;
mod problem;
mod records;
mod requests;

pub use problem::{BodyRefusals, KeyRefusals, Problem, ProblemBody};

use app::core::state::AppState;
use app::domain::paging::Position;
use app::error::AppError;
use axum::{
    extract::DefaultBodyLimit,
    http::header,
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use contact::*;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use opportunities::*;
use postings::*;
use records::*;
use requests::*;
use serde::Deserialize;
use std::{num::NonZeroU32, sync::Arc};
use utoipa::{
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
    IntoParams, Modify, OpenApi,
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
    paths(
        contact_status, list_postings, list_requests, push_candidate, push_batch, read_candidate,
        candidate_links, import_consent, anonymize_candidate, add_note, read_request, log_request,
        resolve_request, extend_request, refuse_request, push_posting,
        push_opportunity, add_feedback
    ),
    components(schemas(
        ContactStatusBody, ContactStatus, StopReasonCode, ProblemBody, PostingBody, PostingPage,
        RequestBody, RequestPage, app::domain::records::CandidateInput,
        app::domain::records::OpportunityInput, app::domain::records::ConsentDecisionInput,
        CandidateResultBody, OpportunityResultBody, BatchInput, BatchItemBody, BatchBody,
        CandidateBody, OpportunityBody, LinksBody, ConsentRecordedBody, AnonymizeInput,
        AnonymizedBody, NoteInput, NoteAddedBody, LogRequestInput, ExtendInput, RefuseInput,
        app::domain::records::PostingInput, FeedbackInput, FeedbackAddedBody
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

/// The readable reference, served by Candor itself (no script, nothing from a CDN): the
/// OpenAPI document rendered as HTML, with every value escaped.
async fn reference() -> Response {
    let mut env = minijinja::Environment::new();
    let rendered = env
        .add_template("reference.html", include_str!("reference.html"))
        .and_then(|()| env.get_template("reference.html"))
        .and_then(|template| {
            template.render(minijinja::value::Value::from(minijinja::value::Serde(
                openapi(),
            )))
        });
    match rendered {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(error) => {
            tracing::error!(%error, "the API reference did not render");
            Problem::of(AppError::Unavailable).into_response()
        }
    }
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
    let idempotent =
        || axum::middleware::from_fn_with_state(state.clone(), idempotency::replay_or_run);
    Router::new()
        .route("/openapi.json", get(|| async { Json(openapi()) }))
        .route("/reference", get(reference))
        .route("/contact-status", get(contact_status))
        .route(
            "/postings",
            get(list_postings).post(push_posting).layer(idempotent()),
        )
        .route("/requests", get(list_requests))
        .route("/requests/{id}", get(read_request))
        .route(
            "/requests/{id}/resolve",
            post(resolve_request).layer(idempotent()),
        )
        .route(
            "/requests/{id}/extend",
            post(extend_request).layer(idempotent()),
        )
        .route(
            "/requests/{id}/refuse",
            post(refuse_request).layer(idempotent()),
        )
        .route(
            "/candidates/{id}/requests",
            post(log_request).layer(idempotent()),
        )
        .route("/candidates", post(push_candidate).layer(idempotent()))
        .route("/candidates/batch", post(push_batch).layer(idempotent()))
        .route("/candidates/{id}", get(read_candidate))
        .route("/candidates/{id}/links", get(candidate_links))
        .route(
            "/candidates/{id}/consent-decisions",
            post(import_consent).layer(idempotent()),
        )
        .route(
            "/candidates/{id}/anonymize",
            post(anonymize_candidate).layer(idempotent()),
        )
        .route("/candidates/{id}/notes", post(add_note).layer(idempotent()))
        .route(
            "/candidates/{id}/opportunities",
            post(push_opportunity).layer(idempotent()),
        )
        .route(
            "/candidates/{id}/opportunities/{opportunity_id}/feedback",
            post(add_feedback).layer(idempotent()),
        )
        .fallback(|| async { Problem::of(AppError::NotFound) })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

use app::core::security::API_BODY_BYTES as MAX_BODY_BYTES;

/// A body over the API's size limit, as a problem (the HTTP layer's own limit answers so too).
pub(crate) fn too_large() -> Response {
    Problem::too_large().into_response()
}

/// `Idempotency-Key`: a replay of a POST with the same key and body returns the first answer.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // Read by the idempotency layer; here it describes the header.
pub struct IdempotencyHeader {
    /// Up to 255 visible ASCII characters, unique per intended call; kept for 24 hours. The same
    /// key with a different body is a 409.
    #[param(rename = "Idempotency-Key")]
    idempotency_key: Option<String>,
}

/// `On-Behalf-Of`: the colleague a write acts for.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // Read by `acting_for`; here it describes the header.
pub struct OnBehalfOfHeader {
    /// The email address of an active colleague: their role and permissions bound the call and
    /// the audit log names them with the key. Left out, the key's creator.
    #[param(rename = "On-Behalf-Of")]
    on_behalf_of: Option<String>,
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

/// A page position: the last item's change time and id, opaque to callers (base64 of the
/// workspace's keyset position, so the two can change their text apart).
fn encode_cursor(at: chrono::DateTime<chrono::Utc>, id: Uuid) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Position::new(at, id).to_string())
}

fn decode_cursor(cursor: &str) -> Option<(chrono::DateTime<chrono::Utc>, Uuid)> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    let position: Position = String::from_utf8(bytes).ok()?.parse().ok()?;
    Some((position.at, position.id))
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

/// A query parameter that was given, and not empty.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}
