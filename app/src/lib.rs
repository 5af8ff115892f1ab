//! Candor's web application: pages, server functions and the domain rules they share.
//!
//! Compiled twice: with `ssr` into the server binary, with `hydrate` into the browser's WASM.
//! Anything that talks to the database, mail or secrets is behind `ssr`.

#![recursion_limit = "256"]

pub mod account;
pub mod api_keys;
pub mod auth;
pub mod candidate_list;
pub mod core;
pub mod dashboard;
pub mod domain;
// Candidate pages are server HTML (only `ui::enhance` hydrates): not in any bundle.
#[cfg(feature = "ssr")]
pub mod email_confirm;
pub mod error;
#[cfg(feature = "ssr")]
pub mod fresh_link;
mod home;
pub mod import;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(test)]
mod layering;
pub mod notifications;
pub mod postings;
#[cfg(feature = "ssr")]
pub mod preferences;
pub mod profile;
pub mod settings;
mod shell;
pub mod sourcing;
pub mod sweep;
pub mod text;
pub mod ui;
pub mod users;
pub mod webhooks;

#[cfg(feature = "ssr")]
pub mod alerts;
#[cfg(all(test, feature = "ssr"))]
mod properties;

#[cfg(feature = "ssr")]
pub use shell::CandidateApp;
#[cfg(feature = "ssr")]
pub use shell::{candidate_shell, shell};
pub use shell::{App, Area, Surface};

/// Browser entry point. The workspace's bundle attaches the reactive runtime to the whole
/// server-rendered page; the candidates' holds only the islands (`ui::enhance`), which the
/// page's loader hydrates one by one after this (`shell::document`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "candidate-bundle")]
    leptos::mount::hydrate_islands();
    #[cfg(feature = "split")]
    shell::cross_areas_by_full_load();
    #[cfg(not(feature = "candidate-bundle"))]
    leptos::mount::hydrate_body(App);
}
