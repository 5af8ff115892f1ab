//! Errors as RFC 9457 problem details: one builder, the mapping from the app's one error enum,
//! and the answers every call shares as OpenAPI response sets.

use super::MAX_BODY_BYTES;
use app::domain::preferences::FieldError;
use app::error::AppError;
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::{
    openapi::{
        content::ContentBuilder, response::ResponseBuilder, Ref, RefOr, Response as OpenApiResponse,
    },
    ToSchema,
};

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
    // Boxed: a `Result<_, Problem>` stays small on the happy path.
    body: Box<ProblemBody>,
    pub(super) retry_after: Option<u64>,
}

impl Problem {
    /// The one constructor: status, stable code, title and detail.
    fn new(status: u16, code: &str, title: &str, detail: String) -> Self {
        Problem {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            body: Box::new(ProblemBody {
                kind: format!("urn:candor:problem:{code}"),
                title: title.to_owned(),
                status,
                detail,
                field: None,
            }),
            retry_after: None,
        }
    }

    /// Names the field that failed.
    fn at(mut self, field: &str) -> Self {
        self.body.field = Some(field.to_owned());
        self
    }

    pub(super) fn with_detail(mut self, detail: String) -> Self {
        self.body.detail = detail;
        self
    }

    pub(super) fn of(error: AppError) -> Self {
        let (code, status) = match error {
            // The domain's codes, but an API's vocabulary for who is asking.
            AppError::SignInRequired | AppError::SignInFailed => ("unauthorized".to_owned(), 401),
            AppError::Invalid(_) => ("invalid".to_owned(), 422),
            other => (other.code(), other.status()),
        };
        let title = match status {
            401 => "A valid API key is required",
            403 => "The key's scopes don't allow this",
            404 => "Not found",
            422 => "A field is not valid",
            429 => "Too many calls",
            _ => "The call could not be done",
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
        let problem = Problem::new(status, &code, title, detail);
        match error {
            AppError::Invalid(e) => problem.at(e.field.as_str()),
            _ => problem,
        }
    }

    /// A query parameter or header that is not valid (the API's own, not a domain field).
    pub(super) fn bad_parameter(name: &str) -> Self {
        Problem::new(
            422,
            "invalid",
            "A field is not valid",
            format!("Check the `{name}` parameter."),
        )
        .at(name)
    }

    /// A field of the body that is not valid, at its JSON pointer.
    pub(super) fn field(path: &str, error: FieldError) -> Self {
        Problem::of(AppError::Invalid(error)).at(path)
    }

    /// A body that is not JSON of the expected shape. Serde's words say where and what; they
    /// only ever go back to the caller who sent the body.
    pub(super) fn malformed(error: &serde_json::Error) -> Self {
        Problem::new(
            400,
            "malformed",
            "The body is not JSON of the expected shape",
            format!("Check the body: {error}."),
        )
    }

    /// A conflict over the call itself (an idempotency key reused, say), with its own code.
    pub(super) fn conflict(code: &str, detail: &str) -> Self {
        Problem::new(
            409,
            code,
            "The call conflicts with an earlier one",
            detail.to_owned(),
        )
    }

    /// A body over the API's size limit.
    pub(super) fn too_large() -> Self {
        Problem::new(
            413,
            "too_large",
            "The body is too large",
            format!(
                "Send at most {} MB in one call.",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        )
        .at("body")
    }

    /// The body, for a batch's per-item result.
    pub(super) fn into_body(self) -> ProblemBody {
        *self.body
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

/// OpenAPI responses of problem details, by status and description.
fn problems(answers: &[(&str, &str)]) -> BTreeMap<String, RefOr<OpenApiResponse>> {
    answers
        .iter()
        .map(|(status, description)| {
            let content = ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build();
            let response = ResponseBuilder::new()
                .description(*description)
                .content("application/problem+json", content)
                .build();
            ((*status).to_owned(), RefOr::T(response))
        })
        .collect()
}

/// What any call can be answered before it runs: no valid key, or over the key's rate.
pub struct KeyRefusals;

impl utoipa::IntoResponses for KeyRefusals {
    fn responses() -> BTreeMap<String, RefOr<OpenApiResponse>> {
        problems(&[("401", "No valid key"), ("429", "Over the key's rate")])
    }
}

/// What any call with a body can also be answered: not JSON of the shape, or too large.
pub struct BodyRefusals;

impl utoipa::IntoResponses for BodyRefusals {
    fn responses() -> BTreeMap<String, RefOr<OpenApiResponse>> {
        problems(&[
            ("400", "Not JSON of this shape"),
            ("413", "The body is too large"),
        ])
    }
}
