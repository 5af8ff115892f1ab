//! Helpers every server function shares: the app state, and answering plain form posts
//! (JavaScript off) with a redirect instead of data.
use crate::core::state::AppState;
use crate::error::AppError;
use leptos::prelude::use_context;

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server-function context");
        AppError::Unavailable
    })
}

/// A form posted by the browser itself (no JavaScript): it wants a page back, not data.
pub fn plain_form_post() -> bool {
    use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// A token is base64url text and dots; anything else is not one of ours and must not reach a
/// Location header.
pub fn path_safe(token: &str) -> &str {
    let ok = !token.is_empty()
        && token.len() <= 2048
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    if ok {
        token
    } else {
        "invalid"
    }
}

/// Sends a no-JavaScript form post back to `page` with the outcome in the URL; answers a
/// JavaScript call with the outcome itself.
pub fn answer_form<T>(
    page: String,
    notice_code: String,
    result: Result<T, AppError>,
    failed: impl FnOnce(AppError) -> T,
) -> Result<T, AppError> {
    if !plain_form_post() {
        return answer(result);
    }
    let separator = if page.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!("{page}{separator}notice={notice_code}#notice"));
    // The browser follows the redirect; an error body would only be discarded.
    Ok(result.unwrap_or_else(failed))
}

/// Answers an action whose outcome is a notice: its code when it worked, the error's when not.
pub fn answer_notice(page: String, result: Result<String, AppError>) -> Result<String, AppError> {
    let code = match &result {
        Ok(code) => code.clone(),
        Err(error) => error.code(),
    };
    answer_form(page, code, result, |e| e.code())
}

/// Answers a server-function call with `result`, its HTTP status matching the error: the
/// caller's mistakes are 4xx, never a 500.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        crate::ui::page::set_status(error.status());
    }
    result
}
