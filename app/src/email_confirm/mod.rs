//! `/confirm-email/{token}`: the candidate confirms a corrected email address. Until then Candor
//! keeps writing to the address it had; afterwards the confirmed one replaces it as the primary.
//! GET only shows the button (mail scanners fetch links); the POST confirms.

use crate::core::locale::{self, Localized};
use crate::error::AppError;
use crate::ui::enhance::CandidateMain;
use crate::ui::page::set_status;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// What the page shows for a confirmation link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confirmation {
    Waiting { email: String, organization: String },
    Done { email: String, organization: String },
}

#[server(endpoint = "confirm-email/load")]
pub async fn load_confirmation(token: String) -> Result<Localized<Confirmation>, AppError> {
    let state = crate::core::server_side::state()?;
    let candidate = service::candidate_of(&state.config, &token);
    let page = service::load(&state.pool, &state.config, &token).await;
    Ok(Localized::new(
        locale::for_candidate(&state.pool, candidate).await,
        page,
    ))
}

#[server(endpoint = "confirm-email/confirm")]
pub async fn confirm_email(token: String) -> Result<Confirmation, AppError> {
    use crate::core::server_side::{answer_form, path_safe, state};
    let result = async {
        let state = state()?;
        service::confirm(&state.pool, &state.config, &token, chrono::Utc::now()).await
    }
    .await;
    let code = match &result {
        Ok(_) => "confirmed".to_owned(),
        Err(error) => error.code(),
    };
    answer_form(
        format!("/confirm-email/{}", path_safe(&token)),
        code,
        result,
        |_| Confirmation::Done {
            email: String::new(),
            organization: String::new(),
        },
    )
}

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let action = ServerAction::<ConfirmEmail>::new();
    let page = Resource::new(
        move || (token.get(), action.version().get()),
        |(token, _)| load_confirmation(token),
    );
    // A failed confirm (JavaScript on: the action's answer; off: the code in the URL).
    let failure = move || match action.value().get() {
        Some(Err(error)) => Some(error),
        _ => query
            .read()
            .get("notice")
            .and_then(|code| AppError::from_code(&code)),
    };
    view! {
        <Suspense fallback=|| ()>
            {move || page.get().map(|result| {
                let (tr, accent, result) = locale::localized(result);
                let body = match result {
                    Ok(Confirmation::Waiting { email, organization }) => {
                        let args = [("organization", organization.as_str().into()), ("email", email.as_str().into())];
                        view! {
                            <p class="lead">{tr.t_with("confirm-email-text", &args)}</p>
                            <ActionForm action>
                                <input type="hidden" name="token" value=token.get_untracked() />
                                <button type="submit" class="button">{tr.t("confirm-email-button")}</button>
                            </ActionForm>
                        }.into_any()
                    }
                    Ok(Confirmation::Done { email, organization }) => {
                        let args = [("organization", organization.as_str().into()), ("email", email.as_str().into())];
                        view! {
                            <div id="notice" class="notice success" role="status">
                                <p>{tr.t_with("email-confirmed", &args)}</p>
                            </div>
                        }.into_any()
                    }
                    Err(AppError::LinkInvalid | AppError::LinkRetired) => {
                        set_status(400);
                        view! { <p class="notice">{tr.t("confirm-link-invalid")}</p> }.into_any()
                    }
                    Err(error) => {
                        set_status(error.status());
                        view! { <p class="notice failure" role="alert">{tr.error(&error)}</p> }.into_any()
                    }
                };
                view! {
                    <Title text=tr.t("confirm-email-title") />
                    <CandidateMain tr accent>
                        <h1>{tr.t("confirm-email-title")}</h1>
                        {failure().map(|error| view! {
                            <div id="notice" class="notice failure" role="alert"><p>{tr.error(&error)}</p></div>
                        })}
                        {body}
                    </CandidateMain>
                }
            })}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::Confirmation;
    use crate::core::audit::{self, Actor};
    use crate::core::config::Config;
    use crate::core::links;
    use crate::domain::{CandidateId, RequestId};
    use crate::error::AppError;
    use chrono::{DateTime, Utc};
    use serde_json::json;
    use sqlx::PgPool;
    use uuid::Uuid;

    /// The candidate a genuine confirmation link names, for the page's language.
    pub fn candidate_of(config: &Config, token: &str) -> Option<CandidateId> {
        verify(config, token).ok().map(|(candidate, _)| candidate)
    }

    /// The candidate and the confirmation a link names, if it is a genuine confirmation link.
    fn verify(config: &Config, token: &str) -> Result<(CandidateId, Uuid), AppError> {
        let link = config
            .link_keys
            .verify_for(token, &[links::CONFIRM_EMAIL])
            .map_err(|reason| {
                tracing::info!(%reason, "email confirmation link refused");
                AppError::LinkInvalid
            })?;
        Ok((link.candidate, link.reference.ok_or(AppError::LinkInvalid)?))
    }

    pub async fn load(
        pool: &PgPool,
        config: &Config,
        token: &str,
    ) -> Result<Confirmation, AppError> {
        let (candidate, id) = verify(config, token)?;
        let row = sqlx::query!(
            r#"SELECT k.email, k.confirmed_at IS NOT NULL AS "confirmed!", s.organization_name
                 FROM email_confirmations k
                 JOIN candidates c ON c.id = k.candidate_id AND c.anonymized_at IS NULL
                 CROSS JOIN settings s
                WHERE k.id = $1 AND k.candidate_id = $2"#,
            id,
            candidate.into_uuid()
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::LinkInvalid)?;
        Ok(if row.confirmed {
            Confirmation::Done {
                email: row.email,
                organization: row.organization_name,
            }
        } else {
            Confirmation::Waiting {
                email: row.email,
                organization: row.organization_name,
            }
        })
    }

    /// Confirms the address: it replaces the primary one on file, in one transaction with the
    /// audit row. Confirming twice is confirming once.
    pub async fn confirm(
        pool: &PgPool,
        config: &Config,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Confirmation, AppError> {
        let (candidate, id) = verify(config, token)?;
        let mut tx = pool.begin().await?;
        let locked = crate::core::candidates::lock(&mut tx, candidate)
            .await?
            .ok_or(AppError::LinkInvalid)?;
        if locked.anonymized {
            return Err(AppError::LinkInvalid);
        }
        let row = sqlx::query!(
            r#"SELECT k.email, k.data_request_id, k.confirmed_at IS NOT NULL AS "confirmed!",
                      s.organization_name
                 FROM email_confirmations k CROSS JOIN settings s
                WHERE k.id = $1 AND k.candidate_id = $2
                  FOR UPDATE OF k"#,
            id,
            candidate.into_uuid()
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::LinkInvalid)?;
        if !row.confirmed {
            crate::core::candidates::replace_primary_email(&mut tx, candidate, &row.email).await?;
            sqlx::query!(
                "UPDATE email_confirmations SET confirmed_at = $2 WHERE id = $1",
                id,
                now
            )
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Actor::Candidate,
                "candidate.email_confirmed",
                Some(candidate),
                row.data_request_id.map(RequestId),
                json!({}),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Confirmation::Done {
            email: row.email,
            organization: row.organization_name,
        })
    }
}
