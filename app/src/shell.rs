//! The HTML document, the router, and the page-level fallbacks.

use crate::account::AccountPage;
use crate::api_keys::ApiKeysSettingsPage;
use crate::auth::password::{ForgotPasswordPage, SetPasswordPage};
use crate::auth::SignInPage;
use crate::candidate_list::CandidateListPage;
use crate::dashboard::{
    trail::{CandidateTrailPage, RequestTrailPage},
    DashboardPage,
};
use crate::email_confirm::ConfirmEmailPage;
use crate::fresh_link::FreshLinkPage;
use crate::home::HomePage;
use crate::import::{ImportPage, ImportSettingsPage};
use crate::jobs::{JobPostingPage, JobsPage};
use crate::notifications::NotificationsPage;
use crate::postings::{PostingEditPage, PostingsPage};
use crate::preferences::{unsubscribe::UnsubscribePage, PreferencesPage};
use crate::profile::ProfilePage;
use crate::settings::SettingsPage;
use crate::sourcing::AddCandidatePage;
use crate::sweep::SweepRunsPage;
use crate::ui::page::set_status;
use crate::users::{InvitePage, MemberEditPage, UsersPage};
use crate::webhooks::WebhooksSettingsPage;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// Which bundle a page ships: candidates' phones load only what their pages need; the team's
/// workspace loads the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Candidate,
    Workspace,
}

impl Surface {
    /// The bundle's name: `{name}.js` and `{name}.wasm` before content hashing.
    pub fn bundle(self) -> &'static str {
        match self {
            Surface::Candidate => "candidate",
            Surface::Workspace => "candor",
        }
    }
}

/// The document around every workspace page (and the home, sign-in and 404 pages).
#[cfg(feature = "ssr")]
pub fn shell() -> impl IntoView {
    document(Surface::Workspace, view! { <App /> })
}

/// The document around every candidate page. Only its islands hydrate, so nothing else's data
/// is sent along for hydration (Leptos does the same in its islands mode).
#[cfg(feature = "ssr")]
pub fn candidate_shell() -> impl IntoView {
    if let Some(context) = leptos::reactive::owner::Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    document(Surface::Candidate, view! { <CandidateApp /> })
}

/// Only the body hydrates, so the head is the server's alone: the stylesheet and the surface's
/// bundle by their hashed names, loaded by one inline module script carrying the CSP nonce.
#[cfg(feature = "ssr")]
fn document(surface: Surface, app: impl IntoView) -> impl IntoView {
    csp::provide_nonce_and_policy();
    let assets = use_context::<crate::core::state::AppState>()
        .map(|state| state.assets)
        .unwrap_or_default();
    let js = assets.url(&format!("{}.js", surface.bundle()));
    let wasm = assets.url(&format!("{}.wasm", surface.bundle()));
    let css = assets.url("candor.css");
    let icon = assets.url("favicon.svg");
    let start = match surface {
        Surface::Workspace => format!(
            "import init, {{ hydrate }} from {js:?}; init({{ module_or_path: {wasm:?} }}).then(() => hydrate());"
        ),
        // Islands: each `<leptos-island>` names the bundle's function that hydrates it.
        Surface::Candidate => format!(
            "import init, * as bundle from {js:?}; init({{ module_or_path: {wasm:?} }}).then(() => {{ \
             bundle.hydrate(); for (const island of document.querySelectorAll('leptos-island')) \
             bundle[island.dataset.component]?.(island); }});"
        ),
    };
    let nonce = leptos::nonce::use_nonce();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href=icon type="image/svg+xml" />
                <link rel="stylesheet" href=css />
                <link rel="modulepreload" href=js.clone() />
                // The bundle's loader fetches it in CORS mode; the preload must match to be used.
                <link rel="preload" href=wasm.clone() r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
                <script type="module" nonce=nonce>{start}</script>
                <MetaTags />
            </head>
            <body>
                {app}
            </body>
        </html>
    }
}

/// What every page has around its route: the stylesheet, the title's suffix, the skip link.
#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Candor".to_owned() } else { format!("{page} · Candor") } />
        <a class="skip-link" href="#main">"Skip to content"</a>
        {children()}
    }
}

/// The candidate's pages: their link's pages, the job board and the application form.
#[component]
pub fn CandidateApp() -> impl IntoView {
    view! {
        <Frame>
            <Router>
                <Routes fallback=NotFound>
                    // Async: the page's status (400 for a bad link, 410 for deleted data) is known
                    // only once its data has loaded, and must be set before the first byte.
                    <Route path=path!("/preferences/:token") view=PreferencesPage ssr=SsrMode::Async />
                    <Route path=path!("/unsubscribe/:token") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/fresh-link") view=FreshLinkPage />
                    <Route path=path!("/confirm-email/:token") view=ConfirmEmailPage ssr=SsrMode::Async />
                    <Route path=path!("/jobs") view=JobsPage ssr=SsrMode::Async />
                    <Route path=path!("/jobs/:posting") view=JobPostingPage ssr=SsrMode::Async />
                </Routes>
            </Router>
        </Frame>
    }
}

/// The team's pages, and the public ones that lead to them.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Router>
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("/signin") view=SignInPage />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage />
                    <Route path=path!("/set-password/:token") view=SetPasswordPage ssr=SsrMode::Async />
                    // Async: a missing session answers with a redirect, set before the first byte.
                    <Route path=path!("/candidates") view=CandidateListPage ssr=SsrMode::Async />
                    <Route path=path!("/candidates/new") view=AddCandidatePage ssr=SsrMode::Async />
                    <Route path=path!("/candidates/:id") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/postings") view=PostingsPage ssr=SsrMode::Async />
                    <Route path=path!("/postings/new") view=PostingEditPage ssr=SsrMode::Async />
                    <Route path=path!("/postings/:id") view=PostingEditPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/compliance") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/compliance/requests/:id") view=RequestTrailPage ssr=SsrMode::Async />
                    <Route path=path!("/compliance/candidates/:id") view=CandidateTrailPage ssr=SsrMode::Async />
                    <Route path=path!("/compliance/sweeps") view=SweepRunsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/api-keys") view=ApiKeysSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/webhooks") view=WebhooksSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/import") view=ImportSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/import/:id") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/users/invite") view=InvitePage ssr=SsrMode::Async />
                    <Route path=path!("/users/:id") view=MemberEditPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                </Routes>
            </Router>
        </Frame>
    }
}

/// Shown for any path no route claims; answered with HTTP 404.
#[component]
fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Page not found" />
        <main id="main" class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. If you followed a link from an email, check that it was copied whole."</p>
            <p><a href="/">"Go to the Candor home page"</a></p>
        </main>
    }
}

/// Sets a fresh nonce for Leptos's inline hydration script and the matching policy header.
#[cfg(feature = "ssr")]
mod csp {
    use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    use leptos::{nonce::use_nonce, prelude::use_context};

    pub fn provide_nonce_and_policy() {
        leptos::nonce::provide_nonce();
        let (Some(nonce), Some(response)) =
            (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        else {
            return;
        };
        let policy = crate::core::security::content_security_policy(Some(&nonce));
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response.insert_header(CONTENT_SECURITY_POLICY, value);
        }
    }
}
