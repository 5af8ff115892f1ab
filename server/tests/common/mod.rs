//! Shared helpers: a real router over a real (per-test) Postgres database, driven in-process.
#![allow(dead_code)] // each test binary uses its own subset

use app::{config::Config, state::AppState};
use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode},
    Router,
};
use base64::Engine as _;
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::{collections::HashMap, sync::Arc};
use tower::ServiceExt as _;

pub mod smtp;
pub mod world;

/// The environment a test server runs with, as `candor` would read it.
pub fn test_env(database_url: &str) -> HashMap<&'static str, String> {
    let secret = base64::engine::general_purpose::STANDARD.encode([42u8; 32]);
    HashMap::from([
        ("DATABASE_URL", database_url.to_owned()),
        ("CANDOR_PUBLIC_URL", "http://candor.test".to_owned()),
        ("CANDOR_LINK_KEYS", format!("test:{secret}")),
        ("CANDOR_HMAC_KEY", secret),
        (
            "CANDOR_MAIL_DIR",
            std::env::temp_dir()
                .join("candor-test-mail")
                .display()
                .to_string(),
        ),
    ])
}

/// The URL of the per-test database behind `pool`, for subprocesses.
pub fn database_url_of(pool: &PgPool) -> String {
    let base = std::env::var("DATABASE_URL").expect("tests run with DATABASE_URL set");
    let mut url = url::Url::parse(&base).expect("DATABASE_URL is a URL");
    let name = pool
        .connect_options()
        .get_database()
        .unwrap_or("postgres")
        .to_owned();
    url.set_path(&name);
    url.to_string()
}

pub fn config_for(pool: &PgPool) -> Config {
    let env = test_env(&database_url_of(pool));
    Config::from_lookup(|name| env.get(name).cloned()).expect("test configuration is valid")
}

pub struct TestApp {
    pub router: Router,
    pub pool: PgPool,
    pub config: Arc<Config>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    pub fn new(pool: PgPool) -> Self {
        Self::with_config(pool.clone(), config_for(&pool))
    }

    pub fn with_config(pool: PgPool, config: Config) -> Self {
        let config = Arc::new(config);
        let leptos_options = LeptosOptions::builder()
            .output_name("candor")
            .site_root("target/site")
            .build();
        let state = AppState {
            leptos_options,
            pool: pool.clone(),
            config: config.clone(),
        };
        Self {
            router: candor_server::http::router(state),
            pool,
            config,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .body(Body::empty())
            .expect("valid request");
        self.send(request).await
    }

    /// A form post as a browser without JavaScript sends it.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len())
            .header("accept", "text/html,application/xhtml+xml")
            .body(Body::from(body))
            .expect("valid request");
        self.send(request).await
    }

    /// Sends one request; a request that gets no answer within a minute fails the test rather
    /// than stalling the whole run.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let target = format!("{} {}", request.method(), request.uri().path());
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(60),
            self.router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("no answer within 60 s to {target}"))
        .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}
