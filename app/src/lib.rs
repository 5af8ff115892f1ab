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
pub mod email_confirm;
pub mod error;
pub mod fresh_link;
mod home;
pub mod import;
pub mod jobs;
#[cfg(test)]
mod layering;
pub mod notifications;
pub mod postings;
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

pub use shell::{shell, App};

/// Browser entry point: attaches the reactive runtime to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
