//! `/unsubscribe/{token}` (SPEC §3, RFC 8058): GET shows one button; a POST — that button, or a
//! mail client's one-click `List-Unsubscribe=One-Click` — revokes contact permission.

use super::{link_problem, retired_page, ChooseLanguage, LanguageSwitcher};
use crate::core::locale::localized;
use crate::core::locale::{self, Localized};
use crate::error::AppError;
use crate::text::l10n::Tr;
use crate::ui::enhance::CandidateMain;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// The field the page's own button sends besides the RFC 8058 one, so the answer can be a page.
pub const FROM_PAGE: &str = "from";

/// What the page needs and no more: an unsubscribe-only link must not show the candidate's
/// choices or requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnsubscribeView {
    Active {
        organization: String,
        contact_allowed: bool,
        /// The link also opens the preferences page (older emails carry such links).
        full_link: bool,
    },
    Retired {
        organization: String,
    },
}

#[server(endpoint = "unsubscribe/load")]
pub async fn load_unsubscribe(token: String) -> Result<Localized<UnsubscribeView>, AppError> {
    use super::{model::LinkPage, service};
    use crate::core::server_side;
    let state = server_side::state()?;
    let page = async {
        let link = service::verify_stop_link(&state.config, &token)?;
        let page = service::load_page(
            &state.pool,
            &state.config,
            &state.rules,
            link.candidate,
            None,
            chrono::Utc::now(),
        )
        .await?;
        Ok(match page {
            LinkPage::Active(view) => (
                Some((view.locale, view.accent.clone())),
                UnsubscribeView::Active {
                    organization: view.organization.name,
                    contact_allowed: view.contact_allowed,
                    full_link: link.purpose == crate::core::links::PREFERENCES,
                },
            ),
            LinkPage::Retired { organization } => (None, UnsubscribeView::Retired { organization }),
        })
    }
    .await;
    let frame = match &page {
        Ok((Some(frame), _)) => frame.clone(),
        _ => locale::for_candidate(&state.pool, None).await,
    };
    Ok(Localized::new(frame, page.map(|(_, view)| view)))
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let page = Resource::new(move || token.get(), load_unsubscribe);
    let language = ServerAction::<ChooseLanguage>::new();
    let done = move || query.read().get("done").is_some();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                page.get()
                    .map(|result| {
                        let (tr, accent, result) = localized(result);
                        let title = tr.t("unsubscribe-title");
                        let body = match result {
                            Ok(UnsubscribeView::Active { organization, contact_allowed, full_link }) => {
                                let token = token.get_untracked();
                                let stopped = done() || !contact_allowed;
                                view! {
                                    <LanguageSwitcher tr token=token.clone() page="unsubscribe" action=language />
                                    <h1>{title.clone()}</h1>
                                    <Unsubscribe tr token organization stopped full_link />
                                }
                                    .into_any()
                            }
                            Ok(UnsubscribeView::Retired { organization }) => {
                                retired_page(tr, &title, &organization)
                            }
                            Err(error) => link_problem(tr, &title, error),
                        };
                        view! {
                            <Title text=title />
                            <CandidateMain tr accent>{body}</CandidateMain>
                        }
                    })
            }}
        </Suspense>
    }
}

/// The one button, or what it did; and where the other choices are.
#[component]
fn Unsubscribe(
    tr: Tr,
    token: String,
    organization: String,
    stopped: bool,
    full_link: bool,
) -> impl IntoView {
    let preferences = format!("/preferences/{token}");
    view! {
        {if stopped {
            view! {
                <div id="notice" class="notice success" role="status">
                    <p>{tr.t("unsubscribed")}</p>
                </div>
            }
                .into_any()
        } else {
            view! {
                <p class="lead">{tr.t_with("unsubscribe-text", &[("organization", organization.as_str().into())])}</p>
                <form method="post" action=format!("/unsubscribe/{token}")>
                    <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                    <input type="hidden" name=FROM_PAGE value="page" />
                    <button type="submit" class="button">{tr.t("unsubscribe-button")}</button>
                </form>
            }
                .into_any()
        }}
        {if full_link {
            view! { <p><a href=preferences>{tr.t("more-choices")}</a></p> }.into_any()
        } else {
            view! { <p class="muted">{tr.t("more-choices-elsewhere")}</p> }.into_any()
        }}
    }
}

#[cfg(feature = "ssr")]
pub use handler::unsubscribe;

#[cfg(feature = "ssr")]
mod handler {
    use super::FROM_PAGE;
    use crate::core::server_side::path_safe;
    use crate::core::state::AppState;
    use crate::error::AppError;
    use crate::preferences::service;
    use crate::text;
    use axum::{
        extract::{Path, State},
        http::{header, StatusCode},
        response::{IntoResponse, Redirect, Response},
    };

    /// POST `/unsubscribe/{token}`. A mail client (RFC 8058) gets a short 200 answer and no
    /// redirect; the page's own button is sent back to the page.
    pub async fn unsubscribe(
        State(state): State<AppState>,
        Path(token): Path<String>,
        body: axum::body::Bytes,
    ) -> Response {
        // Any POST here unsubscribes, whatever its encoding (RFC 8058 allows urlencoded and
        // multipart); only the page's button adds `from=page`.
        let from_page = String::from_utf8_lossy(&body)
            .split('&')
            .any(|pair| pair == format!("{FROM_PAGE}=page"));
        let result = async {
            let link = service::verify_stop_link(&state.config, &token)?;
            crate::core::consent::change_consent(
                &state.pool,
                &state.config,
                link.candidate,
                crate::domain::Purpose::Contact,
                false,
                crate::core::consent::Decider::Candidate(
                    crate::core::consent::ConsentSource::EmailOneClick,
                ),
                chrono::Utc::now(),
            )
            .await
        }
        .await;
        let page = format!("/unsubscribe/{}", path_safe(&token));
        match (result, from_page) {
            (Ok(_), true) => Redirect::to(&format!("{page}?done=1")).into_response(),
            (Ok(_), false) => plain(StatusCode::OK, text::UNSUBSCRIBED),
            // The page shows the bad-link or deleted-data notice itself.
            (Err(AppError::LinkInvalid | AppError::LinkRetired), true) => {
                Redirect::to(&page).into_response()
            }
            (Err(e @ (AppError::LinkInvalid | AppError::LinkRetired)), false) => {
                plain(StatusCode::BAD_REQUEST, &text::error_message(&e))
            }
            (Err(e), _) => plain(StatusCode::SERVICE_UNAVAILABLE, &text::error_message(&e)),
        }
    }

    fn plain(status: StatusCode, message: &str) -> Response {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            message.to_owned(),
        )
            .into_response()
    }
}
