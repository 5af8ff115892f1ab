//! The HTTP surface: health probes, the Leptos app, static files, and the layers every response
//! passes through (request ids, redacted traces, security headers).

use crate::client_limit::{ClientLimit, DEFAULT_MAX_CLIENTS};
use app::{core::security, core::state::AppState, App, CandidateApp};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use security::{ClientIp, OriginCheck};
use serde_json::json;
use std::{net::IpAddr, sync::Arc, time::Duration};
use tower::ServiceBuilder;
use tower_http::{
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

const READINESS_TIMEOUT: Duration = Duration::from_secs(2);

pub use security::MAX_BODY_BYTES;

/// The app's routes, listed once per process: the workspace's, and the candidate pages'.
/// Listing runs the app with resource loading suppressed by a process-wide flag, and a resource
/// first polled meanwhile by another render waits forever (leptos#4773): a second router built
/// while one serves (every test builds its own) must not list them again.
fn route_lists() -> (
    Vec<leptos_axum::AxumRouteListing>,
    Vec<leptos_axum::AxumRouteListing>,
) {
    static ROUTES: std::sync::OnceLock<(
        Vec<leptos_axum::AxumRouteListing>,
        Vec<leptos_axum::AxumRouteListing>,
    )> = std::sync::OnceLock::new();
    ROUTES
        .get_or_init(|| (generate_route_list(App), generate_route_list(CandidateApp)))
        .clone()
}

pub fn router(state: AppState) -> Router {
    let (workspace_routes, candidate_routes) = route_lists();
    let context_state = state.clone();
    let candidate_state = state.clone();
    let fallback_state = state.clone();
    let site_root = state.leptos_options.site_root.to_string();
    let https = state.config.public_url.scheme() == "https";
    // Public form posts (candidate pages, unsubscribe, fresh links, sign-in) draw from one bucket
    // per client IP that refills at the configured rate, with a burst of the same size. The
    // signed-in workspace is exempt: a whole team may share one office address.
    let post_limit = Arc::new(ClientLimit::per_minute(
        state.config.post_limit_per_minute,
        DEFAULT_MAX_CLIENTS,
    ));
    let origin_check = Arc::new(OriginCheck::new(&state.config.public_url));
    let trusted_proxies = Arc::new(state.config.trusted_proxies.clone());
    let slow_client = state.config.slow_client;

    Router::new()
        // The integration API, beside (not among) the Leptos server functions under /api.
        .nest_service("/api/v1", crate::api::router(state.clone()))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/branding/{file}", get(accent_stylesheet))
        .route(
            "/compliance/requests.csv",
            get(app::dashboard::service::export_csv),
        )
        .route(
            "/unsubscribe/{token}",
            post(app::preferences::unsubscribe::unsubscribe),
        )
        .leptos_routes_with_context(
            &state,
            workspace_routes,
            move || provide_context(context_state.clone()),
            app::shell,
        )
        // The candidate pages, rendered whole before the first byte (their status depends on
        // their data); the server functions are registered once, above.
        .merge(
            Router::new()
                .leptos_routes_with_handler(
                    candidate_routes,
                    leptos_axum::render_app_async_with_context(
                        move || provide_context(candidate_state.clone()),
                        app::candidate_shell,
                    ),
                )
                .layer(middleware::map_response(crate::assets::scripts_inside_body)),
        )
        .nest_service("/pkg", crate::assets::bundle_files(&site_root))
        .route_service("/favicon.svg", crate::assets::favicon(&site_root))
        // Any other path: the 404 page (a static file is only ever served from /pkg).
        .fallback(leptos_axum::render_app_to_stream_with_context(
            move || provide_context(fallback_state.clone()),
            app::shell,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn_with_state(https, security_headers))
                .layer(middleware::from_fn_with_state(
                    origin_check,
                    same_origin_posts,
                ))
                .layer(middleware::from_fn_with_state(
                    trusted_proxies,
                    identify_client,
                ))
                .layer(middleware::from_fn_with_state(
                    post_limit,
                    limit_public_posts,
                ))
                .layer(middleware::from_fn_with_state(
                    slow_client,
                    cut_slow_requests,
                ))
                // Last: it changes the body the layers above would see.
                .layer(middleware::from_fn(limit_bodies)),
        )
        .with_state(state)
}

/// Decides once who the client is (the peer, or whom a trusted proxy names) and records it for
/// the limits and the sign-in throttle. Without connection info (in-process tests) the peer is
/// taken to be 0.0.0.0.
async fn identify_client(
    State(trusted): State<Arc<Vec<ipnet::IpNet>>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip());
    let client = {
        let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
        security::client_ip(
            peer,
            header("forwarded"),
            header("x-forwarded-for"),
            &trusted,
        )
    };
    request.extensions_mut().insert(ClientIp(client));
    next.run(request).await
}

async fn limit_public_posts(
    State(limit): State<Arc<ClientLimit>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST || !security::is_public_form(request.uri().path()) {
        return next.run(request).await;
    }
    let client = request
        .extensions()
        .get::<ClientIp>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0);
    match limit.check(security::limit_key(client)) {
        Ok(()) => next.run(request).await,
        Err(wait) => too_many_requests(wait.as_secs()),
    }
}

/// Refuses state-changing requests that a browser says come from another site (SPEC §7).
async fn same_origin_posts(
    State(check): State<Arc<OriginCheck>>,
    request: Request,
    next: Next,
) -> Response {
    let allowed = {
        let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
        check.allows(
            request.method(),
            request.uri().path(),
            header("origin"),
            header("sec-fetch-site"),
        )
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!("refused a cross-site request");
        plain_page(
            StatusCode::FORBIDDEN,
            "Request refused",
            app::text::CROSS_SITE_REFUSED,
        )
    }
}

/// Caps every request body (a few kilobytes for forms; room for a résumé on the application
/// form), and refuses an upload that is not multipart before the multipart parser sees it.
async fn limit_bodies(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = security::body_limit(path);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        if path.starts_with("/api/v1/") {
            return crate::api::too_large();
        }
        let (title, text) = app::text::too_large(security::expects_upload(path));
        return plain_page(StatusCode::PAYLOAD_TOO_LARGE, title, &text);
    }
    if request.method() == Method::POST && security::expects_upload(path) {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data") && v.contains("boundary="));
        if !multipart {
            return plain_page(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Form not understood",
                app::text::UPLOAD_NOT_MULTIPART,
            );
        }
    }
    next.run(request.map(|body| Body::new(http_body_util::Limited::new(body, limit))))
        .await
}

/// Ends a request that takes too long to arrive (a body trickling in a byte at a time) with a
/// 408, so a few slow connections cannot hold the server. The upload gets four times as long.
/// Streamed pages are unaffected: the deadline covers the request until the answer starts.
async fn cut_slow_requests(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let deadline = if security::expects_upload(request.uri().path()) {
        limit * 4
    } else {
        limit
    };
    match tokio::time::timeout(deadline, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::info!("request cut: it arrived too slowly");
            plain_page(
                StatusCode::REQUEST_TIMEOUT,
                "Please try again",
                app::text::REQUEST_TOO_SLOW,
            )
        }
    }
}

/// A friendly page, not a bare status, for people who post too fast.
fn too_many_requests(retry_after: u64) -> Response {
    let mut response = plain_page(
        StatusCode::TOO_MANY_REQUESTS,
        "Please wait a moment",
        app::text::RATE_LIMITED,
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
    response
}

/// A small page for answers given before the app renders (refusals, limits).
fn plain_page(status: StatusCode, title: &str, text: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Candor</title><link rel=\"stylesheet\" href=\"/pkg/candor.css\"></head>\
         <body><main id=\"main\" class=\"page narrow\"><h1>{title}</h1><p>{text}</p></main></body></html>"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// `/branding/accent-{rrggbb}.css`: the organization's accent colour for candidate pages. The
/// colour is the file's name, checked as a saved one is (so it can hold nothing but a colour),
/// and the answer never changes: browsers keep it for a year.
async fn accent_stylesheet(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let accent = file
        .strip_prefix("accent-")
        .and_then(|f| f.strip_suffix(".css"))
        .filter(|hex| !hex.starts_with('#'))
        .and_then(|hex| app::domain::branding::Accent::parse(hex).ok());
    match accent {
        Some(accent) => (
            [
                (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            format!(":root {{ --brand: {}; }}\n", accent.as_str()),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The process can serve: the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    let ping = sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&state.pool);
    match tokio::time::timeout(READINESS_TIMEOUT, ping).await {
        Ok(Ok(_)) => Json(json!({ "status": "ready", "database": "ok" })).into_response(),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: database unreachable");
            not_ready()
        }
        Err(_) => {
            tracing::warn!("readiness: database ping timed out");
            not_ready()
        }
    }
}

/// Prometheus text: the outbox by status and the age of its oldest due email. Counts only, no
/// personal data; answered only with `Authorization: Bearer $CANDOR_METRICS_TOKEN`.
async fn metrics(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    match &state.config.metrics_token {
        // Off unless an operator gave it a token: it tells outsiders how busy the team is.
        None => return StatusCode::NOT_FOUND.into_response(),
        Some(token) if !token.accepts(authorization) => {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
            )
                .into_response()
        }
        Some(_) => {}
    }
    match app::core::outbox::counts(&state.pool, chrono::Utc::now()).await {
        Ok(c) => {
            let mut body = String::from(
                "# HELP candor_outbox_emails Emails in the outbox by status.\n\
                 # TYPE candor_outbox_emails gauge\n",
            );
            for (status, n) in [
                ("pending", c.pending),
                ("sending", c.sending),
                ("sent", c.sent),
                ("failed", c.failed),
                ("cancelled", c.cancelled),
            ] {
                body.push_str(&format!(
                    "candor_outbox_emails{{status=\"{status}\"}} {n}\n"
                ));
            }
            body.push_str(&format!(
                "# HELP candor_outbox_oldest_due_seconds How long the oldest due, unsent email has waited.\n\
                 # TYPE candor_outbox_oldest_due_seconds gauge\n\
                 candor_outbox_oldest_due_seconds {}\n",
                c.oldest_due_seconds
            ));
            ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
        }
        Err(err) => {
            tracing::warn!(error = %err, "metrics: database unreachable");
            not_ready()
        }
    }
}

fn not_ready() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "status": "unavailable", "database": "unreachable" })),
    )
        .into_response()
}

/// One span per request: method, redacted path and request id. No query string, no headers: they
/// can carry tokens or addresses.
fn request_span(request: &Request<Body>) -> tracing::Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %security::redact_path(request.uri().path()),
        request_id = %request_id,
    )
}

/// Security headers of SPEC §9 on every response. A page that set its own policy (with a nonce
/// for the hydration script) keeps it.
async fn security_headers(State(https): State<bool>, request: Request, next: Next) -> Response {
    let carries_token = security::carries_token(request.uri().path());
    let cacheable = security::cacheable(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set_default = |name: HeaderName, value: &str| {
        if !headers.contains_key(&name) {
            if let Ok(value) = HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
    };
    set_default(
        header::CONTENT_SECURITY_POLICY,
        &security::content_security_policy(None),
    );
    set_default(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_default(header::X_FRAME_OPTIONS, "DENY");
    set_default(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set_default(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if https {
        set_default(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    // Token pages must never leak their URL; elsewhere same-origin keeps Leptos's no-JS form
    // redirects (which follow the Referer) working.
    let referrer = if carries_token {
        "no-referrer"
    } else {
        "same-origin"
    };
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static(referrer));
    // Pages and server-function answers carry personal data: no browser or proxy may keep them.
    if !cacheable {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets open requests finish. Unlike
/// `axum::serve`, a client must send its request headers within `header_timeout`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use tower::Service as _;

    let mut make_service = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Pages stream in several writes; with Nagle's algorithm a small write waits for the
        // client's delayed ACK (about 40 ms on Linux), which showed as a 45 ms p95 on pages
        // whose median was 5 ms.
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY not set");
        }
        let Ok(service) = make_service.call(peer).await;
        let service = hyper_util::service::TowerToHyperService::new(service);
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up or times out is no error of ours.
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
