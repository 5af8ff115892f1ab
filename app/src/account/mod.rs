//! `/account`: the signed-in team member's own account: who they sign in as, and changing their
//! password (the current one required). Changing it signs out every other session.

use crate::domain::preferences::Field;
use crate::domain::Role;
use crate::error::AppError;
use crate::text;
use crate::ui::form::NewPasswordFields;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    pub role: Role,
}

#[server(endpoint = "account/load")]
pub async fn load_account() -> Result<AccountView, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let email = sqlx::query_scalar!(
                "SELECT email FROM users WHERE id = $1",
                viewer.id.into_uuid()
            )
            .fetch_one(&state.pool)
            .await?;
            Ok(AccountView {
                email,
                role: viewer.role,
            })
        }
        .await,
    )
}

#[server(endpoint = "account/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use crate::core::session::store;
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let password = crate::domain::team::NewPassword::parse(&new_password, &repeat_password)?;
        let token = use_context::<axum::http::request::Parts>()
            .and_then(|parts| store::token_from(&parts.headers, state.config.is_https()))
            .ok_or(AppError::SignInRequired)?;
        crate::core::team::change_own_password(
            &state.pool,
            &state.config,
            &viewer,
            &token,
            &current_password,
            &password,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    let code = match &result {
        Ok(()) => "password-changed".to_owned(),
        Err(error) => error.code(),
    };
    crate::core::server_side::answer_form("/account".into(), code, result, |_| ())
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| load_account());
    let action = ServerAction::<ChangePassword>::new();
    let query = use_query_map();
    let outcome = Signal::derive(move || match action.value().get() {
        Some(Ok(())) => Some(Ok(())),
        Some(Err(error)) => Some(Err(error)),
        None => query.read().get("notice").map(|code| match code.as_str() {
            "password-changed" => Ok(()),
            code => Err(AppError::from_code(code).unwrap_or(AppError::Unavailable)),
        }),
    });
    view! {
        <Title text=text::ACCOUNT_TITLE />
        <WorkspaceFrame>
            <h1>{text::ACCOUNT_TITLE}</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || account.get().map(|result| match result {
                    Ok(account) => view! {
                        <p>{text::account_line(&account.email, account.role)}</p>
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
            {move || outcome.get().map(|outcome| match outcome {
                Ok(()) => view! { <div id="notice" class="notice success" role="status"><p>{text::PASSWORD_CHANGED}</p></div> }.into_any(),
                Err(error) => view! { <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div> }.into_any(),
            })}
            <ActionForm action attr:class="card">
                <h2>{text::CHANGE_PASSWORD_TITLE}</h2>
                <div class="field">
                    <label for="current-password">{text::field_label(Field::CurrentPassword)}</label>
                    <input id="current-password" name="current_password" type="password" autocomplete="current-password"
                        required maxlength=Field::CurrentPassword.max_chars().to_string() />
                </div>
                <NewPasswordFields />
                <button type="submit" class="button" disabled=move || action.pending().get()>{text::CHANGE_PASSWORD_BUTTON}</button>
            </ActionForm>
        </WorkspaceFrame>
    }
}
