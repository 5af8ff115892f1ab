//! Recruiter sign-in and sign-out (SPEC §7), and the check every recruiter server function starts
//! with: [`viewer`] (who is asking) and [`Viewer::require`]-style helpers.

#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod sign_in;

use crate::domain::Viewer;
use crate::error::AppError;
use crate::shell::use_hydrated;
use crate::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[cfg(feature = "ssr")]
pub use guard::{require, signed_in, viewer};

#[cfg(feature = "ssr")]
mod guard {
    use super::session;
    use crate::domain::{Permission, Viewer};
    use crate::error::AppError;
    use crate::server_side::state;
    use crate::state::AppState;
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
    let query = crate::urls::query(&[("next", next)]);
    format!("/signin?{query}")
}

#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::server_side::{plain_form_post, state};
    let destination = safe_destination(next.as_deref());
    let result: Result<(), AppError> = async {
        let state = state()?;
        let parts = use_context::<axum::http::request::Parts>().ok_or(AppError::Unavailable)?;
        // The client as the HTTP layer identified it (through trusted proxies only).
        let client = parts
            .extensions
            .get::<crate::security::ClientIp>()
            .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |c| c.0);
        let now = chrono::Utc::now();
        let (_, new_session) = sign_in::sign_in(
            &state.pool,
            &state.config,
            sign_in::Attempt {
                email: &email,
                password: &password,
                client,
            },
            now,
        )
        .await?;
        set_cookie(&session::cookie_for(
            &new_session,
            state.config.is_https(),
            now,
        ));
        Ok(())
    }
    .await;
    match result {
        Ok(()) => {
            leptos_axum::redirect(&destination);
            Ok(())
        }
        Err(error) if plain_form_post() => {
            let query = crate::urls::query(&[("next", &destination), ("error", &error.code())]);
            leptos_axum::redirect(&format!("/signin?{query}"));
            Ok(())
        }
        Err(error) => crate::server_side::answer(Err(error)),
    }
}

/// The signed-in team member, for the workspace header.
#[server(endpoint = "auth/me")]
pub async fn current_viewer() -> Result<Viewer, AppError> {
    crate::server_side::answer(viewer().await)
}

#[server(endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server_side::state;
    let state = state()?;
    let token = use_context::<axum::http::request::Parts>()
        .and_then(|parts| session::token_from(&parts.headers, state.config.is_https()));
    if let (Ok(viewer), Some(token)) = (viewer().await, token) {
        sign_in::sign_out(&state.pool, viewer.id, &token).await?;
    }
    set_cookie(&session::removal_cookie(state.config.is_https()));
    leptos_axum::redirect("/signin?signed-out=1");
    Ok(())
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(value),
    ) {
        response.append_header(axum::http::header::SET_COOKIE, value);
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let hydrated = use_hydrated();
    let action = ServerAction::<SignIn>::new();
    let next = move || safe_destination(query.read().get("next").as_deref());
    // A failure reported by this page's own request (JavaScript), else by the redirect's URL.
    let error = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error),
        Some(Ok(())) => None,
        None => query
            .read()
            .get("error")
            .and_then(|code| AppError::from_code(&code)),
    });
    let signed_out = move || query.read().get("signed-out").is_some();
    let expired = move || {
        query.read().get("error").is_none()
            && query.read().get("next").is_some()
            && action.value().get().is_none()
    };

    view! {
        <Title text=text::SIGN_IN_TITLE />
        <header class="site-header">
            <a class="brand" href="/">"Candor"</a>
        </header>
        <main id="main" class="page narrow" data-hydrated=move || hydrated.get().to_string()>
            <h1>{text::SIGN_IN_TITLE}</h1>
            {move || signed_out().then(|| view! { <p class="notice success" role="status">{text::SIGNED_OUT}</p> })}
            {move || expired().then(|| view! { <p class="notice" role="status">{text::SIGN_IN_TO_CONTINUE}</p> })}
            {move || error.get().map(|e| view! {
                <p class="notice failure" role="alert" id="sign-in-error">{text::error_message(&e)}</p>
            })}
            <ActionForm action attr:class="card" attr:aria-describedby="sign-in-help">
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="email">{text::EMAIL_LABEL}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        maxlength="254"
                        aria-invalid=move || error.get().is_some().to_string()
                    />
                </div>
                <div class="field">
                    <label for="password">{text::PASSWORD_LABEL}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength="1000"
                        aria-invalid=move || error.get().is_some().to_string()
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="button" disabled=move || action.pending().get()>
                        {text::SIGN_IN_BUTTON}
                    </button>
                </div>
                <p id="sign-in-help" class="muted">{text::SIGN_IN_HELP}</p>
            </ActionForm>
        </main>
    }
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
