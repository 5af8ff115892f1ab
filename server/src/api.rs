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
    paths(contact_status),
    components(schemas(ContactStatusBody, ContactStatus, StopReasonCode, ProblemBody)),
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
