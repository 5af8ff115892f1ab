//! Who is asking: recruiter sessions (the cookie and the store), the check every recruiter server
//! function starts with ([`viewer`], [`require`], [`signed_in`]), and signing out. The sign-in page
//! and its throttle are the `auth` feature.

#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::Viewer;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub use guard::{require, session_token, signed_in, viewer};

#[cfg(feature = "ssr")]
mod guard {
    use super::store as session;
    use crate::core::server_side::state;
    use crate::core::state::AppState;
    use crate::domain::{Permission, Viewer};
    use crate::error::AppError;
    use leptos::prelude::use_context;

    /// The signed-in team member behind this request, or `SignInRequired`.
    pub async fn viewer() -> Result<Viewer, AppError> {
        Ok(signed_in().await?.1)
    }

    /// The app state and the signed-in team member. The state is taken before the first await:
    /// when a browser leaves a page mid-stream, its server functions lose their context at the
    /// next await, and should finish quietly rather than fail looking for it.
    pub async fn signed_in() -> Result<(AppState, Viewer), AppError> {
        let state = state()?;
        let token = use_context::<axum::http::request::Parts>()
            .and_then(|parts| session::token_from(&parts.headers, state.config.is_https()))
            .ok_or(AppError::SignInRequired)?;
        let viewer = session::resolve(
            &state.pool,
            &state.config.session,
            &token,
            chrono::Utc::now(),
        )
        .await?
        .ok_or(AppError::SignInRequired)?;
        Ok((state, viewer))
    }

    /// This request's session token: what seals and opens a new secret for its one showing
    /// (`core::reveal`).
    pub fn session_token(state: &AppState) -> Result<String, AppError> {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| session::token_from(&parts.headers, state.config.is_https()))
            .ok_or(AppError::SignInRequired)
    }

    /// The signed-in team member, if they hold `permission`; `Forbidden` otherwise.
    pub async fn require(permission: Permission) -> Result<Viewer, AppError> {
        let viewer = viewer().await?;
        if viewer.may(permission) {
            Ok(viewer)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Where to go after signing in: a path on this site, never another site (`//evil.example`).
pub fn safe_destination(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 2000 =>
        {
            path.to_owned()
        }
        _ => "/candidates".to_owned(),
    }
}

/// The sign-in page's address that returns to `next` afterwards.
pub fn sign_in_path(next: &str) -> String {
    let query = crate::core::urls::query(&[("next", next)]);
    format!("/signin?{query}")
}

/// The signed-in team member, for the workspace header.
#[server(endpoint = "auth/me")]
pub async fn current_viewer() -> Result<Viewer, AppError> {
    crate::core::server_side::answer(viewer().await)
}

#[server(endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::core::server_side::state;
    let state = state()?;
    let token = use_context::<axum::http::request::Parts>()
        .and_then(|parts| store::token_from(&parts.headers, state.config.is_https()));
    if let (Ok(viewer), Some(token)) = (viewer().await, token) {
        end(&state.pool, viewer.id, &token).await?;
    }
    set_cookie(&store::removal_cookie(state.config.is_https()));
    leptos_axum::redirect("/signin?signed-out=1");
    Ok(())
}

/// Adds a `Set-Cookie` header to the response being rendered.
#[cfg(feature = "ssr")]
pub fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(value),
    ) {
        response.append_header(axum::http::header::SET_COOKIE, value);
    }
}

/// Ends a session and records it.
#[cfg(feature = "ssr")]
async fn end(
    pool: &sqlx::PgPool,
    user: crate::domain::UserId,
    token: &str,
) -> Result<(), AppError> {
    use crate::core::audit::{self, Actor};
    let mut tx = pool.begin().await?;
    store::revoke(&mut *tx, token).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        "user.signed_out",
        None,
        None,
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_destinations() {
        let cases = [
            (None, "/candidates"),
            (Some("/candidates/42?tab=notes"), "/candidates/42?tab=notes"),
            (Some("//evil.example/x"), "/candidates"),
            (Some("https://evil.example"), "/candidates"),
            (Some("/\\evil.example"), "/candidates"),
            (Some("/a\r\nSet-Cookie: x"), "/candidates"),
            (Some(""), "/candidates"),
        ];
        for (next, expected) in cases {
            assert_eq!(safe_destination(next), expected, "{next:?}");
        }
    }

    #[test]
    fn the_sign_in_path_carries_the_destination_encoded() {
        assert_eq!(
            sign_in_path("/candidates?q=ada lovelace&page=2"),
            "/signin?next=%2Fcandidates%3Fq%3Dada%20lovelace%26page%3D2"
        );
    }
}
