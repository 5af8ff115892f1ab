//! The frame around every recruiter page: the header with navigation and the signed-in team
//! member, and the hand-off to sign-in when there is no live session.

use crate::core::session::{sign_in_path, SignOut};
use crate::domain::{Permission, Viewer};
use crate::error::AppError;
use crate::text;
use crate::ui::page::{set_status, use_hydrated};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::{components::Redirect, hooks::use_location};

/// What the header shows: who is signed in and how many notifications they haven't read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HeaderData {
    pub viewer: Viewer,
    pub unread: i64,
}

#[server(endpoint = "workspace/header")]
pub async fn workspace_header() -> Result<HeaderData, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let unread = crate::core::notify::unread(&state.pool, &viewer).await?;
            Ok(HeaderData { viewer, unread })
        }
        .await,
    )
}

/// Renders `children` for a signed-in team member; sends anyone else to sign in and back here.
/// A page that changes what the header shows (marking notifications read) passes `refresh`,
/// and the header is loaded again whenever it changes.
#[component]
pub fn WorkspaceFrame(
    children: ChildrenFn,
    #[prop(optional, into)] refresh: Option<Signal<usize>>,
) -> impl IntoView {
    let header = Resource::new(
        move || refresh.map(|changes| changes.get()),
        |_| workspace_header(),
    );
    let location = use_location();
    let hydrated = use_hydrated();
    let children = StoredValue::new(children);
    view! {
        <Transition fallback=|| view! { <p class="page">"Loading…"</p> }>
            {move || {
                header
                    .get()
                    .map(|result| match result {
                        Ok(header) => {
                            view! {
                                <WorkspaceHeader header />
                                <main
                                    id="main"
                                    class="page workspace"
                                    data-hydrated=move || hydrated.get().to_string()
                                >
                                    {children.read_value()()}
                                </main>
                            }
                                .into_any()
                        }
                        Err(AppError::SignInRequired) => {
                            let search = location.search.get_untracked();
                            let here = if search.is_empty() {
                                location.pathname.get_untracked()
                            } else {
                                format!("{}?{search}", location.pathname.get_untracked())
                            };
                            view! { <Redirect path=sign_in_path(&here) /> }.into_any()
                        }
                        Err(error) => view! { <main id="main" class="page narrow"><Problem error /></main> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn WorkspaceHeader(header: HeaderData) -> impl IntoView {
    let HeaderData { viewer, unread } = header;
    let compliance = viewer.may(Permission::ViewComplianceDashboard);
    let settings = viewer.role.edits_compliance_settings();
    view! {
        <header class="site-header workspace-header">
            <a class="brand" href="/candidates">"Candor"</a>
            <nav aria-label=text::MAIN_NAVIGATION>
                <a href="/candidates">{text::CANDIDATES_TITLE}</a>
                {crate::domain::postings::manages_postings(viewer.role)
                    .then(|| view! { <a href="/postings">{text::POSTINGS_TITLE}</a> })}
                {crate::domain::team::manages_team(viewer.role)
                    .then(|| view! { <a href="/users">{text::USERS_TITLE}</a> })}
                // The compliance pages as one group with short visible names; each link's
                // accessible name is the page's full title, which holds the visible words.
                {(compliance || settings).then(|| view! {
                    <span class="nav-group" role="group" aria-label=text::NAV_COMPLIANCE>
                        {compliance.then(|| view! {
                            <a href="/compliance" aria-label=text::DASHBOARD_TITLE>{text::NAV_DASHBOARD}</a>
                            <a href="/compliance/sweeps" aria-label=text::SWEEPS_TITLE>{text::NAV_SWEEPS}</a>
                        })}
                        {settings.then(|| view! { <a href="/settings" aria-label=text::SETTINGS_TITLE>{text::NAV_SETTINGS}</a> })}
                    </span>
                })}
            </nav>
            <a class="bell" href="/notifications" aria-label=text::bell_label(unread)>
                // Drawn, not a font glyph: it shows the same on every machine.
                <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {(unread > 0).then(|| view! { <span class="count" aria-hidden="true">{text::bell_count(unread)}</span> })}
            </a>
            <div class="who">
                <a class="identity" href="/account">
                    <span class="visually-hidden">{text::ACCOUNT_TITLE}": "</span>
                    <span>{viewer.name}</span>
                    <span class="muted">{crate::text::role(viewer.role)}</span>
                </a>
                // A plain form even with JavaScript on: signing out ends every view of the session,
                // so the browser loads the sign-in page afresh.
                <form method="post" action=SignOut::url() class="inline">
                    <button type="submit" class="button secondary small">{text::SIGN_OUT_BUTTON}</button>
                </form>
            </div>
        </header>
    }
}

/// What a workspace page shows when its data can't be shown: refused, missing or failed.
#[component]
pub fn Problem(error: AppError) -> impl IntoView {
    set_status(error.status());
    let title = match error {
        AppError::Forbidden => text::FORBIDDEN_TITLE,
        AppError::NotFound => text::NOT_FOUND_TITLE,
        _ => text::PROBLEM_TITLE,
    };
    view! {
        <h1>{title}</h1>
        <p class="notice failure" role="alert">{text::error_message(&error)}</p>
        <p><a href="/candidates">{text::BACK_TO_CANDIDATES}</a></p>
    }
}

/// The outcome of a workspace form by its code (`?notice=` without JavaScript, the action's
/// answer with it): an error's message as an alert, or the page's own words for a success.
#[component]
pub fn OutcomeNotice(code: String, success: fn(&str) -> &'static str) -> impl IntoView {
    let failed = AppError::from_code(&code);
    let message = match &failed {
        Some(error) => text::error_message(error),
        None => success(&code).to_owned(),
    };
    view! {
        <div id="notice" class=if failed.is_some() { "notice failure" } else { "notice success" }
            role=if failed.is_some() { "alert" } else { "status" }>
            <p>{message}</p>
        </div>
    }
}

/// A new secret (an API key, a webhook signing secret) on the one page view that shows it.
#[component]
pub fn RevealedSecret(
    heading: String,
    help: &'static str,
    label: &'static str,
    id: &'static str,
    value: String,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card revealed-key" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p>{help}</p>
            <label for=id class="visually-hidden">{label}</label>
            <input id=id class="key" readonly value=value size="60" />
        </section>
    }
}

/// The top of a settings subpage: the way back, its title and purpose, and the outcome of the
/// last action (`notice`: a success code for `success`, or an error's code).
#[component]
pub fn SettingsHeading(
    title: &'static str,
    intro: &'static str,
    notice: Signal<Option<String>>,
    success: fn(&str) -> &'static str,
) -> impl IntoView {
    view! {
        <p class="breadcrumb"><a href="/settings">{text::BACK_TO_SETTINGS}</a></p>
        <h1>{title}</h1>
        <p class="lead">{intro}</p>
        {move || notice.get().map(|code| view! { <OutcomeNotice code success /> })}
    }
}
