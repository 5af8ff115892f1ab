//! Shared helpers: a real router over a real (per-test) Postgres database, driven in-process.
#![allow(dead_code)] // each test binary uses its own subset

use app::{core::config::Config, core::state::AppState};
use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode},
    Router,
};
use base64::Engine as _;
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;
use std::{collections::HashMap, sync::Arc};
use tower::ServiceExt as _;

pub mod cluster;
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

/// The test configuration with some variables set as well, as an operator would.
pub fn config_with(pool: &PgPool, extra: &[(&'static str, &str)]) -> Config {
    let mut env = test_env(&database_url_of(pool));
    for (name, value) in extra {
        env.insert(name, (*value).to_owned());
    }
    Config::from_lookup(|name| env.get(name).cloned()).expect("test configuration is valid")
}

pub fn config_for(pool: &PgPool) -> Config {
    config_for_url(&database_url_of(pool))
}

/// The test configuration for a database of the test's own (a throwaway cluster).
pub fn config_for_url(database_url: &str) -> Config {
    let env = test_env(database_url);
    Config::from_lookup(|name| env.get(name).cloned()).expect("test configuration is valid")
}

/// Waits (up to ten seconds) until `check` holds, for work a server does after it answers.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting: {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// What a browser accepts when it loads a page or posts a form.
pub const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml";

/// One part of a multipart form: a text field, or a file (field name, file name, bytes).
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a [u8]),
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
    /// The body without the empty `<!>` comments tachys puts between adjacent text nodes and
    /// after lists of views (every view is type-erased): the markup as a test reads it.
    pub fn markup(&self) -> String {
        self.body.replace("<!>", "")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The session cookie this response sets, as `name=value` for a `cookie` header.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("candor_session=") && !v.starts_with("candor_session=;"))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned)
    }
}

impl TestApp {
    pub fn new(pool: PgPool) -> Self {
        Self::with_config(pool.clone(), config_for(&pool))
    }

    pub fn with_config(pool: PgPool, config: Config) -> Self {
        Self::with_site(pool, config, "target/site")
    }

    /// The app serving the built site at `site_root`.
    pub fn with_site(pool: PgPool, config: Config, site_root: &str) -> Self {
        let config = Arc::new(config);
        let leptos_options = LeptosOptions::builder()
            .output_name("candor")
            .site_root(site_root)
            .build();
        let state = AppState::new(leptos_options, pool.clone(), config.clone());
        Self {
            router: candor_server::http::router(state),
            pool,
            config,
        }
    }

    /// A page load as a browser makes it.
    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    /// A form post as a browser without JavaScript sends it.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.post_form_with(path, fields, &[]).await
    }

    /// A form post with extra headers (`cookie`, `origin`, …).
    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.post(path, fields, BROWSER_ACCEPT, headers).await
    }

    /// A server-function call as the page's JavaScript makes it (no redirect, data or an error
    /// status back).
    pub async fn call(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.post(path, fields, "application/json", headers).await
    }

    /// A server function called as the page's JavaScript calls it: its own path, its arguments
    /// by name, encoded as the generated client encodes them. A renamed endpoint or argument is
    /// a compile error here, not a 404 at run time.
    pub async fn invoke<F>(&self, call: F, headers: &[(&str, &str)]) -> TestResponse
    where
        F: ServerFn + serde::Serialize,
    {
        self.post_body(F::PATH, encode(&call), "application/json", headers)
            .await
    }

    /// The same call as a browser without JavaScript submits its form (a redirect comes back).
    pub async fn submit<F>(&self, call: F, headers: &[(&str, &str)]) -> TestResponse
    where
        F: ServerFn + serde::Serialize,
    {
        self.post_body(F::PATH, encode(&call), BROWSER_ACCEPT, headers)
            .await
    }

    async fn post(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        accept: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.post_body(path, body, accept, headers).await
    }

    async fn post_body(
        &self,
        path: &str,
        body: String,
        accept: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len())
            .header("accept", accept);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("valid request"))
            .await
    }

    /// A multipart form post (a file upload) as a browser without JavaScript sends it, or as the
    /// page's JavaScript does when `accept` is `application/json`.
    pub async fn post_multipart(
        &self,
        path: &str,
        parts: &[Part<'_>],
        accept: &str,
    ) -> TestResponse {
        self.post_multipart_with(path, parts, accept, &[]).await
    }

    /// A multipart post with extra request headers (e.g. the client a proxy names).
    pub async fn post_multipart_with(
        &self,
        path: &str,
        parts: &[Part<'_>],
        accept: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        const BOUNDARY: &str = "----candor-test-boundary";
        let mut body = Vec::new();
        for part in parts {
            body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match part {
                Part::Text(name, value) => {
                    body.extend_from_slice(
                        format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    body.extend_from_slice(value.as_bytes());
                }
                Part::File(name, file_name, bytes) => {
                    body.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                             Content-Type: application/octet-stream\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    body.extend_from_slice(bytes);
                }
            }
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let mut request = Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("content-length", body.len())
            .header("accept", accept);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("valid request"))
            .await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(path).header("accept", BROWSER_ACCEPT);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("valid request"))
            .await
    }

    /// A browser signed in as the team member with this email and password.
    pub async fn session(&self, email: &str, password: &str) -> Session<'_> {
        let cookie = self
            .sign_in(email, password)
            .await
            .unwrap_or_else(|| panic!("{email} can sign in"));
        Session { app: self, cookie }
    }

    /// The name of the team member a session cookie signs in, if it is live.
    pub async fn whoami(&self, cookie: &str) -> Option<String> {
        let response = self
            .invoke(app::core::session::CurrentViewer {}, &[("cookie", cookie)])
            .await;
        if response.status != StatusCode::OK {
            return None;
        }
        let viewer: serde_json::Value = serde_json::from_str(&response.body).ok()?;
        viewer["name"].as_str().map(str::to_owned)
    }

    /// Signs in through the form as a browser without JavaScript would; the session cookie
    /// (`name=value`) on success.
    pub async fn sign_in(&self, email: &str, password: &str) -> Option<String> {
        let response = self.submit(sign_in(email, password), &[]).await;
        response.session_cookie()
    }

    /// Signs in from the client `client`, as named by a proxy in `X-Forwarded-For` (the app must
    /// trust 0.0.0.0, the in-process peer, for that: `CANDOR_TRUSTED_PROXIES=0.0.0.0`).
    pub async fn sign_in_from(&self, client: &str, email: &str, password: &str) -> TestResponse {
        self.submit(sign_in(email, password), &[("x-forwarded-for", client)])
            .await
    }

    /// Sends one request; an answer whose head, or next piece of streamed body, takes more than a
    /// minute fails the test by name (saying which, with the body's tail) rather than stalling
    /// the whole run.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let target = format!("{} {}", request.method(), request.uri().path());
        let limit = std::time::Duration::from_secs(60);
        let response = tokio::time::timeout(limit, self.router.clone().oneshot(request))
            .await
            .unwrap_or_else(|_| panic!("no response head within {limit:?} to {target}"))
            .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let mut body = response.into_body();
        let mut bytes = Vec::new();
        loop {
            match tokio::time::timeout(limit, body.frame()).await {
                Ok(Some(frame)) => {
                    if let Ok(data) = frame.expect("body reads").into_data() {
                        bytes.extend_from_slice(&data);
                    }
                }
                Ok(None) => break,
                Err(_) => panic!(
                    "the body of {target} ({status}) stalled after {} bytes: …{}",
                    bytes.len(),
                    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(600)..])
                ),
            }
        }
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// A signed-in browser: every request carries its session cookie.
pub struct Session<'a> {
    app: &'a TestApp,
    pub cookie: String,
}

impl Session<'_> {
    pub async fn get(&self, path: &str) -> TestResponse {
        self.app.get_with(path, &[("cookie", &self.cookie)]).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.app
            .post_form_with(path, fields, &[("cookie", &self.cookie)])
            .await
    }

    /// A multipart form post (a file upload) with this session, as a browser sends it.
    pub async fn post_multipart(&self, path: &str, parts: &[Part<'_>]) -> TestResponse {
        self.app
            .post_multipart_with(path, parts, BROWSER_ACCEPT, &[("cookie", &self.cookie)])
            .await
    }

    /// A server-function call as the page's JavaScript makes it.
    pub async fn call(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.app
            .call(path, fields, &[("cookie", &self.cookie)])
            .await
    }

    /// [`TestApp::invoke`] with this session.
    pub async fn invoke<F>(&self, call: F) -> TestResponse
    where
        F: ServerFn + serde::Serialize,
    {
        self.app.invoke(call, &[("cookie", &self.cookie)]).await
    }

    /// [`TestApp::submit`] with this session.
    pub async fn submit<F>(&self, call: F) -> TestResponse
    where
        F: ServerFn + serde::Serialize,
    {
        self.app.submit(call, &[("cookie", &self.cookie)]).await
    }
}

fn sign_in(email: &str, password: &str) -> app::auth::SignIn {
    app::auth::SignIn {
        email: email.into(),
        password: password.into(),
        next: None,
    }
}

/// A server function's arguments as its generated client form-encodes them.
fn encode<F: serde::Serialize>(call: &F) -> String {
    serde_qs::to_string(call).expect("server-function arguments encode")
}

/// A new database `name` beside `base`'s, migrated (the benchmarks').
pub async fn fresh_database(base: &str, name: &str) -> PgPool {
    use sqlx::Connection as _;
    let mut admin = sqlx::PgConnection::connect(base).await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let mut url = url::Url::parse(base).unwrap();
    url.set_path(name);
    let pool = PgPool::connect(url.as_str()).await.unwrap();
    candor_server::db::migrate(&pool).await.unwrap();
    pool
}
