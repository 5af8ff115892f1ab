//! The built site's files by their content-hashed names. `scripts/build-site.sh` names every
//! bundle, the stylesheet and the icon after a hash of its bytes and lists them in
//! `assets.json` at the site's root, so a browser may keep each for a year and a new build is
//! never served from a stale cache. Read once, when the app state is made; without the list (a
//! bare `cargo test`) the names are the plain ones.

use std::collections::HashMap;
use std::sync::Arc;

/// The list's file, at the site's root (outside `/pkg`, so it is never served).
pub const MANIFEST: &str = "assets.json";

#[derive(Debug, Clone, Default)]
pub struct Assets {
    names: Arc<HashMap<String, String>>,
}

impl Assets {
    pub fn load(site_root: &str) -> Self {
        let path = std::path::Path::new(site_root).join(MANIFEST);
        let names = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|error| {
                tracing::error!(%error, path = %path.display(), "unreadable asset list");
                HashMap::new()
            }),
            Err(_) => HashMap::new(),
        };
        Self {
            names: Arc::new(names),
        }
    }

    /// Whether the build listed `name`; without a list (a bare `cargo test`, `cargo leptos
    /// watch`) nothing is listed.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }

    /// The URL of the built file `name` (`candor.css`, `candidate.wasm`).
    pub fn url(&self, name: &str) -> String {
        let file = self.names.get(name).map_or(name, String::as_str);
        format!("/pkg/{file}")
    }
}
