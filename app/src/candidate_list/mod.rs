//! The candidate list (SPEC §7): search by name or email, most recent activity first, in keyset
//! pages (a page starts after the last row of the one before, so its cost does not grow with how
//! far down it is). Limited Team Members see only candidates of opportunities they own.

#[cfg(feature = "ssr")]
pub mod query;

use crate::domain::paging::Position;
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

impl CandidateRow {
    pub fn position(&self) -> Position {
        Position::new(self.last_activity, self.id)
    }
}

/// Where a page starts: the most recent candidates, or next to a row of the page before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStart {
    Newest,
    /// Rows older than this one.
    After(Position),
    /// Rows newer than this one (the way back up).
    Before(Position),
}

impl PageStart {
    /// From the URL's `after` or `before`; a position that doesn't read (an edited or truncated
    /// link) starts from the top rather than failing.
    pub fn from_query(after: Option<&str>, before: Option<&str>) -> Self {
        let parse = |text: Option<&str>| text.and_then(|t| t.parse::<Position>().ok());
        match (parse(after), parse(before)) {
            (Some(position), _) => Self::After(position),
            (None, Some(position)) => Self::Before(position),
            (None, None) => Self::Newest,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidatePage {
    pub rows: Vec<CandidateRow>,
    /// The first row, when newer rows exist above this page.
    pub newer: Option<Position>,
    /// The last row, when older rows follow.
    pub older: Option<Position>,
    /// The viewer sees only candidates of their own opportunities.
    pub scoped: bool,
    /// The term was too short for the index: only the most recently active were searched.
    pub windowed: bool,
}

#[server(endpoint = "candidates/list")]
pub async fn list_candidates(
    search: String,
    after: Option<String>,
    before: Option<String>,
) -> Result<CandidatePage, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let start = PageStart::from_query(after.as_deref(), before.as_deref());
            query::page(&state.pool, &viewer, &search, start).await
        }
        .await,
    )
}

/// The list's resource is made here, outside the frame: the frame draws its children again
/// when the server walks them for pending loads, and a resource made inside would be loaded
/// again (the list's query ran twice per view).
#[component]
pub fn CandidateListPage() -> impl IntoView {
    let query = use_query_map();
    let search = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let start = Memo::new(move |_| {
        let query = query.read();
        (query.get("after"), query.get("before"))
    });
    let rows = Resource::new(
        move || (search.get(), start.get()),
        |(search, (after, before))| list_candidates(search, after, before),
    );
    view! {
        <Title text=text::CANDIDATES_TITLE />
        <WorkspaceFrame>
            <CandidateList search rows />
        </WorkspaceFrame>
    }
}

#[component]
fn CandidateList(
    search: Memo<String>,
    rows: Resource<Result<CandidatePage, AppError>>,
) -> impl IntoView {
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
                maxlength=crate::domain::search::MAX_SEARCH_CHARS.to_string()
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
        let note = listing
            .windowed
            .then(|| text::short_search_note(crate::domain::search::SHORT_TERM_WINDOW));
        return view! {
            <p class="notice" role="status">{message}</p>
            {note.map(|note| view! { <p class="muted">{note}</p> })}
        }
        .into_any();
    }
    let search = search.trim().to_owned();
    let link = move |pair: Option<(&str, Position)>| {
        let position = pair.map(|(_, p)| p.to_string());
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !search.is_empty() {
            pairs.push(("q", &search));
        }
        if let (Some((name, _)), Some(position)) = (pair, &position) {
            pairs.push((name, position));
        }
        if pairs.is_empty() {
            "/candidates".to_owned()
        } else {
            format!("/candidates?{}", crate::core::urls::query(&pairs))
        }
    };
    let newest = listing.newer.map(|_| link(None));
    let previous = listing.newer.map(|p| link(Some(("before", p))));
    let next = listing.older.map(|p| link(Some(("after", p))));
    let note = listing
        .windowed
        .then(|| text::short_search_note(crate::domain::search::SHORT_TERM_WINDOW));
    view! {
        {note.map(|note| view! { <p class="muted">{note}</p> })}
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
            {newest.map(|href| view! { <a href=href>{text::NEWEST_PAGE}</a> })}
            {previous.map(|href| view! { <a href=href rel="prev">{text::PREVIOUS_PAGE}</a> })}
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
