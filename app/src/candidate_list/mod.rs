//! The candidate list (SPEC §7): search by name or email, most recent activity first, in pages.
//! Limited Team Members see only candidates of opportunities they own.

#[cfg(feature = "ssr")]
pub mod query;

use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const PAGE_SIZE: i64 = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateRow {
    pub id: Uuid,
    /// `None` once anonymized: the list then reads "Anonymized candidate".
    pub name: Option<String>,
    pub email: Option<String>,
    pub headline: Option<String>,
    pub last_activity: DateTime<Utc>,
    pub open_requests: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidatePage {
    pub rows: Vec<CandidateRow>,
    /// 1-based.
    pub page: u32,
    pub has_more: bool,
    /// The viewer sees only candidates of their own opportunities.
    pub scoped: bool,
}

#[server(endpoint = "candidates/list")]
pub async fn list_candidates(search: String, page: u32) -> Result<CandidatePage, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            query::page(&state.pool, &viewer, &search, page.max(1)).await
        }
        .await,
    )
}

#[component]
pub fn CandidateListPage() -> impl IntoView {
    view! {
        <Title text=text::CANDIDATES_TITLE />
        <WorkspaceFrame>
            <CandidateList />
        </WorkspaceFrame>
    }
}

#[component]
fn CandidateList() -> impl IntoView {
    let query = use_query_map();
    let search = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    });
    let rows = Resource::new(
        move || (search.get(), page.get()),
        |(search, page)| list_candidates(search, page),
    );
    view! {
        <h1>{text::CANDIDATES_TITLE}</h1>
        <p class="actions"><a class="button secondary small" href="/candidates/new">{text::ADD_CANDIDATE_LINK}</a></p>
        // A plain GET form: search works the same with JavaScript off, and the URL can be shared.
        <form method="get" action="/candidates" class="search" role="search">
            <label for="candidate-search">{text::SEARCH_LABEL}</label>
            <input
                id="candidate-search"
                name="q"
                type="search"
                maxlength="200"
                // The attribute, not the property: hydration must not overwrite what someone typed
                // while the bundle loaded (issue 21's flaky search test was exactly that).
                value=move || search.get()
                placeholder=text::SEARCH_PLACEHOLDER
            />
            <button type="submit" class="button">{text::SEARCH_BUTTON}</button>
        </form>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                rows.get()
                    .map(|result| match result {
                        Ok(listing) => view! { <Listing listing search=search.get_untracked() /> }.into_any(),
                        // The frame sends people without a session to sign in.
                        Err(AppError::SignInRequired) => ().into_any(),
                        Err(error) => view! { <Problem error /> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn Listing(listing: CandidatePage, search: String) -> impl IntoView {
    if listing.rows.is_empty() {
        let message = match (search.trim().is_empty(), listing.scoped) {
            (false, _) => text::NO_MATCHES,
            (true, true) => text::NO_OWN_CANDIDATES,
            (true, false) => text::NO_CANDIDATES,
        };
        return view! { <p class="notice" role="status">{message}</p> }.into_any();
    }
    let page_link = move |page: u32| {
        let page = page.to_string();
        let search = search.trim();
        if search.is_empty() {
            format!(
                "/candidates?{}",
                crate::core::urls::query(&[("page", &page)])
            )
        } else {
            format!(
                "/candidates?{}",
                crate::core::urls::query(&[("q", search), ("page", &page)])
            )
        }
    };
    let previous = (listing.page > 1).then(|| page_link(listing.page - 1));
    let next = listing.has_more.then(|| page_link(listing.page + 1));
    view! {
        <div class="table-wrap">
            <table class="list candidates">
                <caption class="visually-hidden">{text::CANDIDATES_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::NAME_COLUMN}</th>
                        <th scope="col">{text::EMAIL_COLUMN}</th>
                        <th scope="col">{text::ACTIVITY_COLUMN}</th>
                        <th scope="col">{text::REQUESTS_COLUMN}</th>
                    </tr>
                </thead>
                <tbody>
                    {listing
                        .rows
                        .into_iter()
                        .map(|row| view! { <Row row /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=text::PAGES_LABEL>
            {previous.map(|href| view! { <a href=href rel="prev">{text::PREVIOUS_PAGE}</a> })}
            <span>{text::page_number(listing.page)}</span>
            {next.map(|href| view! { <a href=href rel="next">{text::NEXT_PAGE}</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn Row(row: CandidateRow) -> impl IntoView {
    let anonymized = row.name.is_none();
    let name = row
        .name
        .unwrap_or_else(|| text::ANONYMIZED_CANDIDATE.to_owned());
    view! {
        <tr>
            <td>
                // A full page load: the profile renders on the server in one round trip.
                // Client-side navigation from here sometimes stalled in Chromium (see the notes
                // of issue 6); until that is understood, the plain link is the reliable path.
                <a href=format!("/candidates/{}", row.id) rel="external" class:anonymized=anonymized>{name}</a>
                {row.headline.map(|h| view! { <div class="muted">{h}</div> })}
            </td>
            <td>{row.email.unwrap_or_default()}</td>
            <td>{text::date(row.last_activity)}</td>
            <td>
                {(row.open_requests > 0)
                    .then(|| view! { <span class="badge">{text::open_requests(row.open_requests)}</span> })}
            </td>
        </tr>
    }
}
