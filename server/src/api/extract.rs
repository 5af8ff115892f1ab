//! What every handler takes from the call, checked once: the key (authenticated, within its
//! rate), the scope the call needs, the colleague a write acts for, the path's id and the JSON
//! body. Each refusal is a [`Problem`], so handlers start at their own work.

use super::{ApiState, Problem};
use app::core::api_keys::ApiPrincipal;
use app::domain::api_keys::{allows, Scope};
use app::domain::{EmailAddress, Viewer};
use app::error::AppError;
use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Path, Request},
    http::{header, request::Parts, HeaderMap},
};
use serde::de::DeserializeOwned;
use std::marker::PhantomData;
use uuid::Uuid;

/// Authenticates the call's key and counts it against the key's rate. Missing, malformed,
/// unknown and revoked keys get the same 401; a key over its rate gets 429 with `Retry-After`.
/// Done once per call: the idempotency layer, when it runs first, leaves the principal in the
/// request's extensions for the handler.
pub(super) async fn admit(state: &ApiState, headers: &HeaderMap) -> Result<ApiPrincipal, Problem> {
    let presented = headers
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
    Ok(principal)
}

/// The key behind a call.
pub struct ApiKey(pub ApiPrincipal);

impl FromRequestParts<ApiState> for ApiKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Problem> {
        if let Some(admitted) = parts.extensions.get::<ApiPrincipal>() {
            return Ok(ApiKey(admitted.clone()));
        }
        admit(state, &parts.headers).await.map(ApiKey)
    }
}

/// A scope a call needs, as a type.
pub trait Needs: Send + Sync {
    const SCOPE: Scope;
}

pub struct Read;
pub struct Write;
pub struct Anonymize;

impl Needs for Read {
    const SCOPE: Scope = Scope::Read;
}
impl Needs for Write {
    const SCOPE: Scope = Scope::Write;
}
impl Needs for Anonymize {
    const SCOPE: Scope = Scope::Anonymize;
}

/// A call by a key that holds the scope `N`.
pub struct Scoped<N>(PhantomData<N>);

impl<N: Needs> FromRequestParts<ApiState> for Scoped<N> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Problem> {
        let ApiKey(principal) = ApiKey::from_request_parts(parts, state).await?;
        if !allows(&principal.scopes, N::SCOPE) {
            return Err(AppError::Forbidden.into());
        }
        Ok(Scoped(PhantomData))
    }
}

/// A write by a key that holds the scope `N`, acting for the colleague it names: their role
/// and permissions bound the call, exactly as on the pages (see [`super::OnBehalfOfHeader`]).
pub struct Acting<N> {
    pub viewer: Viewer,
    _scope: PhantomData<N>,
}

impl<N: Needs> FromRequestParts<ApiState> for Acting<N> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Problem> {
        let ApiKey(principal) = ApiKey::from_request_parts(parts, state).await?;
        if !allows(&principal.scopes, N::SCOPE) {
            return Err(AppError::Forbidden.into());
        }
        let named = match parts.headers.get("on-behalf-of") {
            None => None,
            Some(value) => Some(
                value
                    .to_str()
                    .ok()
                    .and_then(|v| EmailAddress::parse(v.trim()).ok())
                    .ok_or_else(|| Problem::bad_parameter("On-Behalf-Of"))?,
            ),
        };
        let viewer = app::core::api_keys::acting_for(&state.app.pool, &principal, named.as_ref())
            .await
            .map_err(|e| match e {
                AppError::Forbidden => Problem::of(e).with_detail(
                    "On-Behalf-Of must name an active colleague (left out, the key's creator must be one)."
                        .to_owned(),
                ),
                other => Problem::of(other),
            })?;
        Ok(Acting {
            viewer,
            _scope: PhantomData,
        })
    }
}

/// The id in the path; one that is not a UUID names nothing, so it is a 404.
pub struct IdPath(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Path::<Uuid>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| IdPath(id))
            .map_err(|_| AppError::NotFound.into())
    }
}

/// Two ids in the path (a candidate's, then one of theirs); either not a UUID is a 404.
pub struct IdsPath(pub Uuid, pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdsPath {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Path::<(Uuid, Uuid)>::from_request_parts(parts, state)
            .await
            .map(|Path((first, second))| IdsPath(first, second))
            .map_err(|_| AppError::NotFound.into())
    }
}

/// The body, parsed as `T`. Whatever the `Content-Type` says: integrators' tools vary, and the
/// shape is what matters.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| Problem::too_large())?;
        serde_json::from_slice(&body)
            .map(JsonBody)
            .map_err(|e| Problem::malformed(&e))
    }
}

/// A body that may be left out altogether (then `T::default()`), or JSON of `T`.
pub struct OptionalJsonBody<T>(pub T);

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJsonBody<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| Problem::too_large())?;
        if body.is_empty() {
            return Ok(OptionalJsonBody(T::default()));
        }
        serde_json::from_slice(&body)
            .map(OptionalJsonBody)
            .map_err(|e| Problem::malformed(&e))
    }
}
