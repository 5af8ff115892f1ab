//! `/unsubscribe/{token}` (SPEC §3, RFC 8058): GET shows one button; a POST — that button, or a
//! mail client's one-click `List-Unsubscribe=One-Click` — revokes contact permission.

use super::{active_or_problem, load_preferences};
use crate::shell::use_hydrated;
use crate::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The field the page's own button sends besides the RFC 8058 one, so the answer can be a page.
pub const FROM_PAGE: &str = "from";

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let hydrated = use_hydrated();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let page = Resource::new(move || token.get(), load_preferences);
    let done = move || query.read().get("done").is_some();
    view! {
        <Title text=text::UNSUBSCRIBE_TITLE />
        <main id="main" class="page narrow" data-hydrated=move || hydrated.get().to_string()>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    page.get()
                        .map(|result| match active_or_problem(result, text::UNSUBSCRIBE_TITLE) {
                            Ok(view) => {
                                let token = token.get_untracked();
                                let preferences = format!("/preferences/{token}");
                                let stopped = done() || !view.contact_allowed;
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
                                            <p class="lead">{text::unsubscribe_text(&view.organization.name)}</p>
                                            <form method="post" action=format!("/unsubscribe/{token}")>
                                                <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                                                <input type="hidden" name=FROM_PAGE value="page" />
                                                <button type="submit" class="button">{text::UNSUBSCRIBE_BUTTON}</button>
                                            </form>
                                        }
                                            .into_any()
                                    }}
                                    <p><a href=preferences>{text::MORE_CHOICES}</a></p>
                                }
                                    .into_any()
                            }
                            Err(problem) => problem,
                        })
                }}
            </Suspense>
        </main>
    }
}

#[cfg(feature = "ssr")]
pub use handler::unsubscribe;

#[cfg(feature = "ssr")]
mod handler {
    use super::FROM_PAGE;
    use crate::error::AppError;
    use crate::preferences::{server_side::path_safe, service};
    use crate::state::AppState;
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
            let candidate = service::verify_link(&state.config, &token)?;
            service::change_consent(
                &state.pool,
                &state.config,
                candidate,
                crate::domain::Purpose::Contact,
                false,
                service::Decider::Candidate(service::ConsentSource::EmailOneClick),
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
