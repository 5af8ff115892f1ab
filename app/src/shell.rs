//! The HTML document, the router, and the page-level fallbacks.

/// Names each page for the router: in the server and the whole-workspace bundle (plain
/// `hydrate`, for development) every page is itself; in one area's bundle (`Area`, built with
/// `split` and that area's feature) the other areas' pages are `Elsewhere`, which asks the
/// server for them.
macro_rules! pages_of_area {
    ($area:literal: $($page:path as $name:ident),+ $(,)?) => {
        $(
            #[cfg(any(not(feature = "split"), feature = $area))]
            use $page as $name;
            #[cfg(all(feature = "split", not(feature = $area)))]
            use Elsewhere as $name;
        )+
    };
}

pages_of_area!("area-recruiting":
    crate::home::HomePage as HomePage,
    crate::auth::SignInPage as SignInPage,
    crate::auth::password::ForgotPasswordPage as ForgotPasswordPage,
    crate::auth::password::SetPasswordPage as SetPasswordPage,
    crate::account::AccountPage as AccountPage,
    crate::candidate_list::CandidateListPage as CandidateListPage,
    crate::notifications::NotificationsPage as NotificationsPage,
    crate::postings::PostingEditPage as PostingEditPage,
    crate::postings::PostingsPage as PostingsPage,
    crate::sourcing::AddCandidatePage as AddCandidatePage,
);
pages_of_area!("area-profile":
    crate::profile::ProfilePage as ProfilePage,
);
pages_of_area!("area-compliance":
    crate::dashboard::trail::CandidateTrailPage as CandidateTrailPage,
    crate::dashboard::trail::RequestTrailPage as RequestTrailPage,
    crate::dashboard::DashboardPage as DashboardPage,
    crate::sweep::SweepRunsPage as SweepRunsPage,
);
pages_of_area!("area-admin":
    crate::api_keys::ApiKeysSettingsPage as ApiKeysSettingsPage,
    crate::import::ImportPage as ImportPage,
    crate::import::ImportSettingsPage as ImportSettingsPage,
    crate::settings::SettingsPage as SettingsPage,
    crate::users::InvitePage as InvitePage,
    crate::users::MemberEditPage as MemberEditPage,
    crate::users::UsersPage as UsersPage,
    crate::webhooks::WebhooksSettingsPage as WebhooksSettingsPage,
);
#[cfg(feature = "ssr")]
use crate::email_confirm::ConfirmEmailPage;
#[cfg(feature = "ssr")]
use crate::fresh_link::FreshLinkPage;
#[cfg(feature = "ssr")]
use crate::jobs::{JobPostingPage, JobsPage};
#[cfg(feature = "ssr")]
use crate::preferences::{unsubscribe::UnsubscribePage, PreferencesPage};
use crate::ui::page::set_status;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// Which bundle a page ships: candidates' phones load only what their pages need; the team's
/// workspace loads its area's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Candidate,
    Workspace(Area),
}

impl Surface {
    /// The bundle's name: `{name}.js` and `{name}.wasm` before content hashing.
    pub fn bundle(self) -> &'static str {
        match self {
            Surface::Candidate => "candidate",
            Surface::Workspace(area) => area.bundle(),
        }
    }
}

/// A part of the workspace with a bundle of its own, so that a page's first load ships its
/// part's code and not the whole workspace's (each part's is about the size of the framework
/// beneath it). A link into another part is a page load, which brings that part's bundle; each
/// is kept by the browser for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The candidate list, adding a candidate, postings, notifications, the account, and the
    /// pages before sign-in.
    Recruiting,
    /// One candidate's profile, where requests are resolved: the largest page.
    Profile,
    /// The compliance dashboard, the audit trails and the retention sweeps.
    Compliance,
    /// Settings, integrations, import and the team.
    Admin,
}

impl Area {
    /// Every area, for the build and its checks.
    pub const ALL: [Area; 4] = [
        Area::Recruiting,
        Area::Profile,
        Area::Compliance,
        Area::Admin,
    ];

    /// The bundle's name, and the Cargo feature (`area-{name}`) that builds it.
    pub fn bundle(self) -> &'static str {
        match self {
            Area::Recruiting => "recruiting",
            Area::Profile => "profile",
            Area::Compliance => "compliance",
            Area::Admin => "admin",
        }
    }

    /// The area a page's path belongs to; the router's table (`App`) keeps to it.
    pub fn of_path(path: &str) -> Area {
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if under("/compliance") {
            Area::Compliance
        } else if under("/settings") || under("/users") {
            Area::Admin
        } else if path
            .strip_prefix("/candidates/")
            .is_some_and(|id| !id.is_empty() && id != "new" && !id.contains('/'))
        {
            Area::Profile
        } else {
            Area::Recruiting
        }
    }
}

/// The document around every workspace page (and the home, sign-in and 404 pages).
#[cfg(feature = "ssr")]
pub fn shell() -> impl IntoView {
    let path = use_context::<axum::http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default();
    document(Surface::Workspace(Area::of_path(&path)), view! { <App /> })
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
    let bundle = match surface {
        // `cargo leptos watch` builds the whole workspace as one bundle, under its output name.
        Surface::Workspace(_) if !assets.has(&format!("{}.js", surface.bundle())) => "candor",
        _ => surface.bundle(),
    };
    let js = assets.url(&format!("{bundle}.js"));
    let wasm = assets.url(&format!("{bundle}.wasm"));
    let css = assets.url("candor.css");
    let icon = assets.url("favicon.svg");
    let start = match surface {
        Surface::Workspace(_) => format!(
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
    // A candidate page names its own language once it knows it (`<Html lang>`, leptos_meta).
    let lang = matches!(surface, Surface::Workspace(_)).then_some("en");
    view! {
        <!DOCTYPE html>
        <html lang=lang>
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

/// The candidate's pages: their link's pages, the job board and the application form. Server
/// HTML only: none of it is in a bundle.
#[cfg(feature = "ssr")]
#[component]
pub fn CandidateApp() -> impl IntoView {
    // As `Frame`, but the skip link is the page's, in the candidate's language (`CandidateMain`).
    provide_meta_context();
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Candor".to_owned() } else { format!("{page} · Candor") } />
            <Router>
                <Routes fallback=CandidateNotFound>
                    // Async: the page's status (400 for a bad link, 410 for deleted data) is known
                    // only once its data has loaded, and must be set before the first byte.
                    <Route path=path!("/preferences/:token") view=PreferencesPage ssr=SsrMode::Async />
                    <Route path=path!("/unsubscribe/:token") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/fresh-link") view=FreshLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/confirm-email/:token") view=ConfirmEmailPage ssr=SsrMode::Async />
                    <Route path=path!("/jobs") view=JobsPage ssr=SsrMode::Async />
                    <Route path=path!("/jobs/:posting") view=JobPostingPage ssr=SsrMode::Async />
                </Routes>
            </Router>

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

/// Stands in, in one area's bundle, for a page of the other area, reached by a navigation the
/// router made itself (a redirect, say; links across are never the router's, see
/// `cross_areas_by_full_load`): it asks the server for the page, which comes with its own area's
/// bundle. Never acts while hydrating (the server picks the bundle by the path), so a page can't
/// reload itself in a loop.
#[allow(dead_code)] // in the server and the whole-workspace bundle every page is real
#[component]
fn Elsewhere() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let hydrating = leptos::reactive::owner::Owner::current_shared_context()
            .is_some_and(|context| context.during_hydration());
        let location = leptos_router::hooks::use_location();
        let target = format!(
            "{}{}{}",
            location.pathname.get_untracked(),
            Some(location.search.get_untracked())
                .filter(|search| !search.is_empty())
                .map(|search| format!("?{search}"))
                .unwrap_or_default(),
            location.hash.get_untracked()
        );
        if !hydrating {
            // After the router has finished its navigation (it puts the address in the location
            // bar once the page rendered), so the server's page takes that history entry's place.
            set_timeout(
                move || {
                    let Some(location) = web_sys::window().map(|window| window.location()) else {
                        return;
                    };
                    let shown = format!(
                        "{}{}{}",
                        location.pathname().unwrap_or_default(),
                        location.search().unwrap_or_default(),
                        location.hash().unwrap_or_default()
                    );
                    let _ = if shown == target {
                        location.reload()
                    } else {
                        location.assign(&target)
                    };
                },
                std::time::Duration::ZERO,
            );
        }
    }
    view! {
        <main id="main" class="page narrow" aria-busy="true">
            <p>"Loading…"</p>
        </main>
    }
}

/// In an area's bundle: a click on a link into the other area is left to the browser, a plain
/// page load, instead of the router (which would only find `Elsewhere` there). Listens in the
/// capture phase, so it decides before the router's own listener, which leaves alone a click
/// whose default was prevented.
#[cfg(feature = "split")]
pub fn cross_areas_by_full_load() {
    use wasm_bindgen::{closure::Closure, JsCast};
    #[cfg(feature = "area-profile")]
    const HERE: Area = Area::Profile;
    #[cfg(feature = "area-compliance")]
    const HERE: Area = Area::Compliance;
    #[cfg(feature = "area-admin")]
    const HERE: Area = Area::Admin;
    #[cfg(not(any(
        feature = "area-profile",
        feature = "area-compliance",
        feature = "area-admin"
    )))]
    const HERE: Area = Area::Recruiting;

    let Some(window) = web_sys::window() else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|event: web_sys::MouseEvent| {
        // What the router itself leaves to the browser: other buttons, modified clicks.
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
        else {
            return;
        };
        if link.has_attribute("download")
            || link
                .get_attribute("target")
                .is_some_and(|target| !target.is_empty())
        {
            return;
        }
        let Some(location) = web_sys::window().map(|window| window.location()) else {
            return;
        };
        let (Some(href), Ok(base)) = (link.get_attribute("href"), location.href()) else {
            return;
        };
        let Ok(url) = web_sys::Url::new_with_base(&href, &base) else {
            return;
        };
        if location.origin().is_ok_and(|origin| origin == url.origin())
            && Area::of_path(&url.pathname()) != HERE
        {
            event.prevent_default();
            let _ = location.assign(&url.href());
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // For the page's lifetime, as the router's own listener.
    on_click.forget();
}

/// A candidate surface's 404, in English like the job board (it knows no candidate to ask).
#[cfg(feature = "ssr")]
#[component]
fn CandidateNotFound() -> impl IntoView {
    view! {
        <leptos_meta::Html {..} lang="en" />
        <NotFound />
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

#[cfg(test)]
mod tests {
    use super::Area;

    #[test]
    fn each_page_path_belongs_to_the_area_whose_bundle_holds_its_page() {
        for (path, area) in [
            ("", Area::Recruiting),
            ("/", Area::Recruiting),
            ("/signin", Area::Recruiting),
            ("/candidates", Area::Recruiting),
            ("/candidates/new", Area::Recruiting),
            ("/postings/new", Area::Recruiting),
            ("/account", Area::Recruiting),
            ("/candidates/4f1c", Area::Profile),
            ("/compliance", Area::Compliance),
            ("/compliance/requests/4f1c", Area::Compliance),
            ("/compliance/sweeps", Area::Compliance),
            ("/settings", Area::Admin),
            ("/settings/import/7", Area::Admin),
            ("/users", Area::Admin),
            ("/users/invite", Area::Admin),
            // Paths that only begin like an area's are not in it.
            ("/settingsx", Area::Recruiting),
            ("/user", Area::Recruiting),
            ("/candidates/", Area::Recruiting),
            ("/candidates/4f1c/notes", Area::Recruiting),
            ("/candidates/compliance", Area::Profile),
        ] {
            assert_eq!(Area::of_path(path), area, "{path:?}");
        }
    }

    #[test]
    fn each_area_names_a_bundle_of_its_own() {
        let mut names: Vec<_> = Area::ALL.iter().map(|area| area.bundle()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Area::ALL.len());
        assert!(!names.contains(&"candidate"));
        // The build makes each one (a new area that it didn't would load a missing file).
        let build = include_str!("../../scripts/build-site.sh");
        let list = build
            .lines()
            .find_map(|line| line.strip_prefix("for bundle in ")?.strip_suffix("; do"))
            .expect("the build's list of bundles");
        for name in names {
            assert!(
                list.split_whitespace().any(|listed| listed == name),
                "{name} in {list}"
            );
        }
    }
}
