//! What a page ships: each surface's own bundle under content-hashed names, sent precompressed
//! as the browser accepts and kept by it for a year; an old build's name is a 404, not a stale
//! file. A made-up site stands in for `scripts/build-site.sh`'s (the browser tests load the real
//! one and hold it to its byte budget).

use crate::common::{config_for, TestApp};
use axum::http::StatusCode;
use sqlx::PgPool;
use std::path::PathBuf;

/// A built site whose every file says which of its forms was sent.
struct Site(PathBuf);

impl Site {
    fn new() -> Self {
        let root = std::env::temp_dir().join(format!("candor-site-{}", uuid::Uuid::new_v4()));
        let pkg = root.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        let files = [
            ("recruiting.js", "recruiting.AAAA.js"),
            ("recruiting.wasm", "recruiting.BBBB.wasm"),
            ("admin.js", "admin.GGGG.js"),
            ("admin.wasm", "admin.HHHH.wasm"),
            ("compliance.js", "compliance.IIII.js"),
            ("compliance.wasm", "compliance.JJJJ.wasm"),
            ("candidate.js", "candidate.CCCC.js"),
            ("candidate.wasm", "candidate.DDDD.wasm"),
            ("candor.css", "candor.EEEE.css"),
            ("favicon.svg", "favicon.FFFF.svg"),
        ];
        for (_, hashed) in files {
            std::fs::write(pkg.join(hashed), format!("plain {hashed}")).unwrap();
            std::fs::write(pkg.join(format!("{hashed}.br")), format!("brotli {hashed}")).unwrap();
            std::fs::write(pkg.join(format!("{hashed}.gz")), format!("gzip {hashed}")).unwrap();
        }
        let list: serde_json::Map<String, serde_json::Value> = files
            .iter()
            .map(|(name, hashed)| ((*name).to_owned(), (*hashed).into()))
            .collect();
        std::fs::write(
            root.join("assets.json"),
            serde_json::to_string(&list).unwrap(),
        )
        .unwrap();
        Self(root)
    }

    fn app(&self, pool: PgPool) -> TestApp {
        TestApp::with_site(pool.clone(), config_for(&pool), self.0.to_str().unwrap())
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn bundles_are_sent_precompressed_as_asked_and_kept_for_a_year(pool: PgPool) {
    let site = Site::new();
    let app = site.app(pool);
    for (accept, sent, encoding) in [
        ("br, gzip", "brotli", "br"),
        ("gzip, deflate", "gzip", "gzip"),
        ("identity", "plain", ""),
    ] {
        let response = app
            .get_with("/pkg/candidate.DDDD.wasm", &[("accept-encoding", accept)])
            .await;
        assert_eq!(response.status, StatusCode::OK, "{accept}");
        assert_eq!(response.body, format!("{sent} candidate.DDDD.wasm"));
        assert_eq!(response.header("content-encoding"), encoding, "{accept}");
        assert_eq!(response.header("content-type"), "application/wasm");
        assert_eq!(
            response.header("cache-control"),
            "public, max-age=31536000, immutable"
        );
        assert!(response.header("vary").contains("accept-encoding"));
    }

    // An old build's name, or a file never built: a 404 nobody keeps.
    let stale = app
        .get_with("/pkg/candidate.0000.wasm", &[("accept-encoding", "br")])
        .await;
    assert_eq!(stale.status, StatusCode::NOT_FOUND);
    assert_ne!(
        stale.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        app.get("/assets.json").await.status,
        StatusCode::NOT_FOUND,
        "the list is read, never served"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn candidate_pages_load_the_candidate_bundle_and_each_workspace_area_its_own(pool: PgPool) {
    let site = Site::new();
    let app = site.app(pool);
    let candidate = app.get("/fresh-link").await;
    assert_eq!(candidate.status, StatusCode::OK);
    for wanted in [
        r#"href="/pkg/candidate.CCCC.js""#,
        r#"href="/pkg/candidate.DDDD.wasm""#,
        r#"href="/pkg/candor.EEEE.css""#,
        r#"href="/pkg/favicon.FFFF.svg""#,
    ] {
        assert!(
            candidate.body.contains(wanted),
            "{wanted} in {}",
            candidate.body
        );
    }
    assert!(!candidate.body.contains("recruiting.AAAA.js"));
    assert!(!candidate.body.contains("recruiting.BBBB.wasm"));

    let workspace = app.get("/signin").await;
    assert!(workspace.body.contains(r#"href="/pkg/recruiting.AAAA.js""#));
    assert!(workspace
        .body
        .contains(r#"href="/pkg/recruiting.BBBB.wasm""#));
    assert!(!workspace.body.contains("candidate.CCCC.js"));
    assert!(!workspace.body.contains("admin.GGGG.js"));
    // Another area's pages (here their 404s, as nobody is signed in) load that area's bundle,
    // and a path that only begins like one of them does not.
    for (path, js, wasm) in [
        ("/settings/no-such-page", "admin.GGGG.js", "admin.HHHH.wasm"),
        (
            "/compliance/no-such-page",
            "compliance.IIII.js",
            "compliance.JJJJ.wasm",
        ),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            page.body.contains(&format!(r#"href="/pkg/{js}""#)),
            "{path}"
        );
        assert!(
            page.body.contains(&format!(r#"href="/pkg/{wasm}""#)),
            "{path}"
        );
        assert!(!page.body.contains("recruiting.AAAA.js"), "{path}");
    }
    let lookalike = app.get("/settingsx").await;
    assert!(lookalike.body.contains(r#"href="/pkg/recruiting.AAAA.js""#));
    // Pages themselves stay uncached.
    assert_eq!(candidate.header("cache-control"), "no-store");
    // Only the island hydrates: no page data rides along, and the renderer's own scripts sit
    // inside the body, where HTML allows them.
    assert!(
        candidate.body.ends_with("</body></html>"),
        "{}",
        candidate.body
    );
    assert!(!candidate.body.contains("__RESOLVED_RESOURCES=[{"));
    assert!(candidate.body.contains("<leptos-island"));
}
