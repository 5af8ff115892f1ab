//! The HTTP surface in-process: probes, headers, pages and log redaction.

use crate::common::TestApp;
use axum::http::StatusCode;
use sqlx::{postgres::PgPoolOptions, PgPool};
use std::{
    io::Write,
    sync::{Arc, Mutex},
    time::Duration,
};

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn healthz_answers_while_the_process_is_up(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.body, "ok");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn readyz_reports_a_reachable_database(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/readyz").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response.body.contains(r#""database":"ok""#),
        "{}",
        response.body
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn readyz_is_unavailable_when_the_database_is_down(pool: PgPool) {
    let mut app = TestApp::new(pool);
    // Nothing listens on port 1: the same app, pointed at a database that is down.
    let down = PgPoolOptions::new()
        .acquire_timeout(Duration::from_millis(500))
        .connect_lazy("postgres://candor@127.0.0.1:1/candor")
        .unwrap();
    let options = leptos::config::LeptosOptions::builder()
        .output_name("candor")
        .build();
    app.router = candor_server::http::router(app::core::state::AppState::new(
        options,
        down,
        app.config.clone(),
    ));
    let response = app.get("/readyz").await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.body.contains("unreachable"));
    // Liveness does not depend on the database.
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_home_page_renders_with_a_nonce_matching_its_policy(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response.body.contains("Your data, your say"),
        "home page text missing"
    );
    assert!(response.body.contains(r#"<html lang="en""#));

    let csp = response.header("content-security-policy");
    let nonce = csp
        .split_whitespace()
        .find_map(|part| part.strip_prefix("'nonce-")?.strip_suffix('\''))
        .unwrap_or_else(|| panic!("no nonce in {csp}"));
    assert!(nonce.len() >= 16);
    assert!(
        response.body.contains(&format!(r#"nonce="{nonce}""#)),
        "scripts must carry the policy's nonce"
    );
    assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));

    // A second page view gets a fresh nonce.
    let again = app.get("/").await;
    assert_ne!(again.header("content-security-policy"), csp);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn every_response_carries_the_security_headers(pool: PgPool) {
    let app = TestApp::new(pool);
    for path in [
        "/",
        "/healthz",
        "/readyz",
        "/no-such-page",
        "/preferences/abc.def.ghi",
    ] {
        let response = app.get(path).await;
        let csp = response.header("content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            response.header("x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(response.header("x-frame-options"), "DENY", "{path}");
        assert!(
            !response.header("x-request-id").is_empty(),
            "{path}: request id"
        );
        let expected_referrer = if path.starts_with("/preferences/") {
            "no-referrer"
        } else {
            "same-origin"
        };
        assert_eq!(
            response.header("referrer-policy"),
            expected_referrer,
            "{path}"
        );
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn unknown_pages_get_a_friendly_404(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/definitely/not/here").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert!(response.body.contains("Page not found"));
    assert!(response.body.contains(r#"href="/""#));
}

/// A log sink shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn request_logs_redact_candidate_tokens(pool: PgPool) {
    let app = TestApp::new(pool);
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWNhbmRpZGF0ZQ.c2lnbmF0dXJl";
    app.get(&format!("/preferences/{token}")).await;
    app.get(&format!("/unsubscribe/{token}?utm=x")).await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("/preferences/[redacted]"),
        "request span missing:\n{logs}"
    );
    assert!(
        logs.contains("/unsubscribe/[redacted]"),
        "request span missing:\n{logs}"
    );
    assert!(!logs.contains(token), "token leaked into logs:\n{logs}");
    assert!(logs.contains("request_id="), "request id missing:\n{logs}");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn responses_with_personal_data_are_never_stored_by_caches(pool: PgPool) {
    let app = TestApp::new(pool);
    for path in [
        "/",
        "/candidates",
        "/signin",
        "/jobs",
        "/preferences/abc.def.ghi",
        "/no-such-page",
    ] {
        assert_eq!(
            app.get(path).await.header("cache-control"),
            "no-store",
            "{path}"
        );
    }
    let call = app.invoke(app::core::session::CurrentViewer {}, &[]).await;
    assert_eq!(
        call.header("cache-control"),
        "no-store",
        "server-function answers"
    );
    assert_eq!(
        app.get("/favicon.svg").await.header("cache-control"),
        "",
        "static files may be cached"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn confirmation_links_are_redacted_and_sent_without_referrer(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/confirm-email/abc.def.ghi").await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(response.header("referrer-policy"), "no-referrer");
    assert_eq!(
        app::core::security::redact_path("/confirm-email/abc.def.ghi"),
        "/confirm-email/[redacted]"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_body_that_trickles_in_is_cut_with_a_friendly_408(pool: PgPool) {
    use axum::body::Body;
    use futures::StreamExt as _;
    let app = TestApp::with_config(
        pool.clone(),
        crate::common::config_with(&pool, &[("CANDOR_SLOW_CLIENT_SECONDS", "1")]),
    );
    // One byte every 300 ms: well-formed, but far slower than any real browser.
    let trickle =
        futures::stream::iter(b"email=ada%40example.com".to_vec()).then(|byte| async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![byte]))
        });
    let request = axum::http::Request::post("/api/links/fresh")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(Body::from_stream(trickle))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status, StatusCode::REQUEST_TIMEOUT);
    assert!(response.body.contains("took too long to arrive"));
    // A body sent at once is fine.
    let quick = app
        .submit(
            app::core::fresh_link::SendFreshLink {
                email: "ada@example.com".into(),
            },
            &[],
        )
        .await;
    assert_eq!(quick.status, StatusCode::FOUND);
}
