//! The built site's files (`scripts/build-site.sh`): the bundles, stylesheet and icon under
//! `/pkg`, each named after a hash of its bytes and sent precompressed (brotli or gzip, as the
//! browser accepts). A changed file gets a new name, so browsers may keep each for a year; an
//! unknown name, such as an old build's, is a 404.

use axum::{
    body::Body,
    http::{header, HeaderValue},
    middleware,
    response::Response,
    Router,
};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// What `/pkg/*` serves.
pub fn bundle_files(site_root: &str) -> Router {
    let files = ServeDir::new(Path::new(site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(middleware::map_response(kept_for_a_year))
}

/// `/favicon.svg` under its plain name, for clients that ask for it without reading the page.
pub fn favicon(site_root: &str) -> ServeFile {
    ServeFile::new(Path::new(site_root).join("favicon.svg")).precompressed_gzip()
}

async fn kept_for_a_year(mut response: Response) -> Response {
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        // Every answer depends on Accept-Encoding, the uncompressed one too, or a shared cache
        // could hand it to a client that asked for brotli.
        if !headers.contains_key(header::VARY) {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    response
}

/// The largest page moved whole (a candidate page is a few tens of KB).
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// Leptos's async renderer appends its hydration bookkeeping (`<script>__RESOLVED_RESOURCES=…`)
/// after `</html>`, which HTML doesn't allow. A candidate page is rendered whole before it is
/// sent, so the scripts are moved to the end of its `<body>`, where they run as before (before
/// the deferred module that starts the island).
pub async fn scripts_inside_body(response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        // A page this large, or one whose rendering broke off, is not one we can send.
        tracing::error!("a candidate page could not be read whole");
        parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    let Some(moved) = with_trailer_inside_body(&String::from_utf8_lossy(&bytes)) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(moved))
}

/// The page with what follows its `</body>` (the bookkeeping scripts, and the empty `<!>` markers
/// type-erased views leave around `</html>`) moved to the end of the body; `None` when nothing
/// follows but `</html>`, or the page doesn't end as a document does.
fn with_trailer_inside_body(page: &str) -> Option<String> {
    const BODY_END: &str = "</body>";
    const HTML_END: &str = "</html>";
    let at = page.rfind(BODY_END)?;
    let trailer = &page[at + BODY_END.len()..];
    let html_end = trailer.find(HTML_END)?;
    let moved = format!(
        "{}{}",
        &trailer[..html_end],
        &trailer[html_end + HTML_END.len()..]
    );
    if moved.is_empty() {
        return None;
    }
    Some(format!("{}{moved}{BODY_END}{HTML_END}", &page[..at]))
}

#[cfg(test)]
mod tests {
    use super::with_trailer_inside_body;

    #[test]
    fn what_follows_the_body_is_moved_inside_it() {
        let page = "<html><body><main>Hi</main><!></body><!><!></html><!><script>__RESOLVED_RESOURCES=[];</script>";
        assert_eq!(
            with_trailer_inside_body(page).as_deref(),
            Some("<html><body><main>Hi</main><!><!><!><!><script>__RESOLVED_RESOURCES=[];</script></body></html>")
        );
    }

    #[test]
    fn a_page_that_ends_as_a_document_does_is_left_alone() {
        assert_eq!(
            with_trailer_inside_body("<html><body>Hi</body></html>"),
            None
        );
        // No `</html>` after the body: not a whole page, so not ours to rearrange.
        assert_eq!(
            with_trailer_inside_body("<html><body>Hi</body><script></script>"),
            None
        );
        assert_eq!(with_trailer_inside_body("<p>a fragment</p>"), None);
    }
}
