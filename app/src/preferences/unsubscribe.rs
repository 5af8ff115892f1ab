//! `/unsubscribe/{token}` (SPEC §3, RFC 8058): GET shows one button; a POST — that button, or a
//! mail client's one-click `List-Unsubscribe=One-Click` — revokes contact permission.

use super::{link_problem, retired_page};
use crate::error::AppError;
use crate::text;
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
pub async fn load_unsubscribe(token: String) -> Result<UnsubscribeView, AppError> {
    use super::{model::LinkPage, service};
    use crate::core::server_side;
    let state = server_side::state()?;
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
        LinkPage::Active(view) => UnsubscribeView::Active {
            organization: view.organization.name,
            contact_allowed: view.contact_allowed,
            full_link: link.purpose == crate::core::links::PREFERENCES,
        },
        LinkPage::Retired { organization } => UnsubscribeView::Retired { organization },
    })
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let page = Resource::new(move || token.get(), load_unsubscribe);
    let done = move || query.read().get("done").is_some();
    view! {
        <Title text=text::UNSUBSCRIBE_TITLE />
        <crate::ui::enhance::CandidateMain>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    page.get()
                        .map(|result| match result {
                            Ok(UnsubscribeView::Active { organization, contact_allowed, full_link }) => {
                                let token = token.get_untracked();
                                let preferences = format!("/preferences/{token}");
                                let stopped = done() || !contact_allowed;
                                view! {
                                    <h1>{text::UNSUBSCRIBE_TITLE}</h1>
                                    {if stopped {
                                        view! {
                                            <div id="notice" class="notice success" role="status">
                                                <p>{text::UNSUBSCRIBED}</p>
                                            </div>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <p class="lead">{text::unsubscribe_text(&organization)}</p>
                                            <form method="post" action=format!("/unsubscribe/{token}")>
                                                <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                                                <input type="hidden" name=FROM_PAGE value="page" />
                                                <button type="submit" class="button">{text::UNSUBSCRIBE_BUTTON}</button>
                                            </form>
                                        }
                                            .into_any()
                                    }}
                                    {if full_link {
                                        view! { <p><a href=preferences>{text::MORE_CHOICES}</a></p> }.into_any()
                                    } else {
                                        view! { <p class="muted">{text::MORE_CHOICES_ELSEWHERE}</p> }.into_any()
                                    }}
                                }
                                    .into_any()
                            }
                            Ok(UnsubscribeView::Retired { organization }) => {
                                retired_page(text::UNSUBSCRIBE_TITLE, &organization)
                            }
                            Err(error) => link_problem(text::UNSUBSCRIBE_TITLE, error),
                        })
                }}
            </Suspense>
        </crate::ui::enhance::CandidateMain>
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
