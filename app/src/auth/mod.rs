//! Recruiter sign-in (SPEC §7): the page, and the check of a password with its throttle. Sessions,
//! the guard every recruiter server function starts with and signing out are in
//! `core::session`.

pub mod password;
#[cfg(feature = "ssr")]
pub mod sign_in;

use crate::core::session::safe_destination;
#[cfg(feature = "ssr")]
use crate::core::session::{set_cookie, store as session};
use crate::error::AppError;
use crate::text;
use crate::ui::page::use_hydrated;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::core::server_side::{plain_form_post, state};
    let destination = safe_destination(next.as_deref());
    let result: Result<(), AppError> = async {
        let state = state()?;
        let parts = use_context::<axum::http::request::Parts>().ok_or(AppError::Unavailable)?;
        // The client as the HTTP layer identified it (through trusted proxies only).
        let client = parts
            .extensions
            .get::<crate::core::security::ClientIp>()
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
            let query =
                crate::core::urls::query(&[("next", &destination), ("error", &error.code())]);
            leptos_axum::redirect(&format!("/signin?{query}"));
            Ok(())
        }
        Err(error) => crate::core::server_side::answer(Err(error)),
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
            <p><a href="/forgot-password">{text::FORGOT_PASSWORD_LINK}</a></p>
        </main>
    }
}
