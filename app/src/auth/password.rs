//! Choosing a password from an emailed one-time link (`/set-password/{token}`: an invitation or
//! a reset), and asking for a reset link (`/forgot-password`). GET only shows the form (mail
//! scanners fetch links); the POST spends the link and signs in.

use crate::core::team::{LinkPurpose, PasswordLink};
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::form::NewPasswordFields;
use crate::ui::page::{set_status, use_hydrated};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[server(endpoint = "auth/password-link")]
pub async fn load_password_link(token: String) -> Result<PasswordLink, AppError> {
    let state = crate::core::server_side::state()?;
    crate::core::server_side::answer(
        crate::core::team::password_link(&state.pool, &token, chrono::Utc::now()).await,
    )
}

/// Sets the password the link was sent for and signs in.
#[server(endpoint = "auth/set-password")]
pub async fn set_password(
    token: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use crate::core::server_side::{answer_form, path_safe, state};
    use crate::core::session::{set_cookie, store};
    let result = async {
        let state = state()?;
        let password = crate::domain::team::NewPassword::parse(&new_password, &repeat_password)?;
        let now = chrono::Utc::now();
        let (_, session) =
            crate::core::team::set_password(&state.pool, &state.config, &token, &password, now)
                .await?;
        set_cookie(&store::cookie_for(&session, state.config.is_https(), now));
        Ok(())
    }
    .await;
    if result.is_ok() {
        leptos_axum::redirect("/candidates");
        return Ok(());
    }
    let page = format!("/set-password/{}", path_safe(&token));
    let code = result
        .as_ref()
        .err()
        .map(AppError::code)
        .unwrap_or_default();
    answer_form(page, code, result, |_| ())
}

/// Emails a reset link to an active account with the address. The answer is the same whatever
/// the address, and comes before the work, so its timing tells nothing either.
#[server(endpoint = "auth/forgot-password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::core::server_side::{answer_form, state};
    use crate::domain::{preferences::Problem, EmailAddress};
    let result: Result<(), AppError> = async {
        let problem = if email.trim().is_empty() {
            Problem::Required
        } else {
            Problem::Invalid
        };
        let address = EmailAddress::parse(email.trim())
            .map_err(|_| AppError::from(Field::Email.error(problem)))?;
        let state = state()?;
        tokio::spawn(async move {
            let sent = crate::core::team::request_reset(
                &state.pool,
                &state.config,
                &address,
                chrono::Utc::now(),
            )
            .await;
            if let Err(error) = sent {
                tracing::warn!(code = %error.code(), "a password reset could not be queued");
            }
        });
        Ok(())
    }
    .await;
    let code = match &result {
        Ok(()) => "sent".to_owned(),
        Err(error) => error.code(),
    };
    answer_form("/forgot-password".into(), code, result, |_| ())
}

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let hydrated = use_hydrated();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let link = Resource::new(move || token.get(), load_password_link);
    let action = ServerAction::<SetPassword>::new();
    let failure = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error),
        _ => query
            .read()
            .get("notice")
            .and_then(|code| AppError::from_code(&code)),
    });
    view! {
        <Title text=text::SET_PASSWORD_TITLE />
        <header class="site-header">
            <a class="brand" href="/">"Candor"</a>
        </header>
        <main id="main" class="page narrow" data-hydrated=move || hydrated.get().to_string()>
            <h1>{text::SET_PASSWORD_TITLE}</h1>
            {move || failure.get().map(|error| view! {
                <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div>
            })}
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || link.get().map(|result| match result {
                    Ok(link) => view! {
                        <p class="lead">{text::set_password_intro(link.purpose == LinkPurpose::Invitation, &link.name, &link.organization)}</p>
                        <ActionForm action attr:class="card">
                            <input type="hidden" name="token" value=token.get_untracked() />
                            // For password managers: the account the new password belongs to.
                            <input type="email" name="username" value=link.email autocomplete="username" hidden readonly />
                            <NewPasswordFields />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{text::SET_PASSWORD_BUTTON}</button>
                        </ActionForm>
                    }.into_any(),
                    Err(AppError::LinkInvalid) => {
                        set_status(400);
                        view! {
                            <p class="notice">{text::PASSWORD_LINK_INVALID}</p>
                            <p><a href="/forgot-password">{text::FORGOT_PASSWORD_LINK}</a></p>
                        }.into_any()
                    }
                    Err(error) => {
                        set_status(error.status());
                        view! { <p class="notice failure" role="alert">{text::error_message(&error)}</p> }.into_any()
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let hydrated = use_hydrated();
    let action = ServerAction::<ForgotPassword>::new();
    let outcome = Signal::derive(move || match action.value().get() {
        Some(Ok(())) => Some(Ok(())),
        Some(Err(error)) => Some(Err(error)),
        None => query.read().get("notice").map(|code| match code.as_str() {
            "sent" => Ok(()),
            code => Err(AppError::from_code(code).unwrap_or(AppError::Unavailable)),
        }),
    });
    view! {
        <Title text=text::FORGOT_PASSWORD_TITLE />
        <header class="site-header">
            <a class="brand" href="/">"Candor"</a>
        </header>
        <main id="main" class="page narrow" data-hydrated=move || hydrated.get().to_string()>
            <h1>{text::FORGOT_PASSWORD_TITLE}</h1>
            {move || outcome.get().map(|outcome| match outcome {
                Ok(()) => view! { <div id="notice" class="notice success" role="status"><p>{text::FORGOT_PASSWORD_SENT}</p></div> }.into_any(),
                Err(error) => view! { <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div> }.into_any(),
            })}
            <ActionForm action attr:class="card">
                <p class="muted">{text::FORGOT_PASSWORD_INTRO}</p>
                <div class="field">
                    <label for="forgot-email">{text::EMAIL_LABEL}</label>
                    <input id="forgot-email" name="email" type="email" autocomplete="username" required
                        maxlength=Field::Email.max_chars().to_string() />
                </div>
                <button type="submit" class="button" disabled=move || action.pending().get()>{text::FORGOT_PASSWORD_BUTTON}</button>
            </ActionForm>
            <p><a href="/signin">{text::BACK_TO_SIGN_IN}</a></p>
        </main>
    }
}
