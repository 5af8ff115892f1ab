//! What every request handler and server function can reach.

use crate::core::config::Config;
use crate::core::settings::RulesCache;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub config: Arc<Config>,
    /// The settings and country policies as last read (see [`RulesCache`]).
    pub rules: Arc<RulesCache>,
    /// The built files' hashed names.
    pub assets: crate::core::assets::Assets,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: PgPool, config: Arc<Config>) -> Self {
        Self {
            assets: crate::core::assets::Assets::load(&leptos_options.site_root),
            leptos_options,
            pool,
            config,
            rules: Arc::default(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
