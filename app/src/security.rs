//! HTTP security policy shared by every response (SPEC §9).

/// The Content-Security-Policy: our own origin only.
///
/// Leptos hydrates through one small inline module script; a fresh nonce per page lets exactly that
/// script run. `'wasm-unsafe-eval'` is what `WebAssembly.instantiate` needs; it does not allow
/// JavaScript `eval`. Responses that are not pages get the same policy without a nonce.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let script_nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{script_nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Path prefixes whose next segment is a candidate's signed token.
///
/// Those pages send `Referrer-Policy: no-referrer`, and logs show the token as `[redacted]`.
pub const TOKEN_PATH_PREFIXES: [&str; 2] = ["/preferences/", "/unsubscribe/"];

/// The path with any candidate token replaced by `[redacted]`, for logs and traces.
pub fn redact_path(path: &str) -> String {
    for prefix in TOKEN_PATH_PREFIXES {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}[redacted]{tail}");
        }
    }
    path.to_owned()
}

/// Whether a path carries a candidate token.
pub fn carries_token(path: &str) -> bool {
    TOKEN_PATH_PREFIXES.iter().any(|p| path.starts_with(p))
}

/// Paths of the forms anyone may post without signing in; they share a per-client rate limit.
const PUBLIC_FORM_PREFIXES: [&str; 5] = [
    "/api/preferences/",
    "/api/links/",
    "/unsubscribe/",
    "/api/auth/sign-in",
    "/api/jobs/",
];

pub fn is_public_form(path: &str) -> bool {
    PUBLIC_FORM_PREFIXES.iter().any(|p| path.starts_with(p))
}

/// Largest request body accepted on most paths: the forms are a few kilobytes at most.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The application form, the one upload: a résumé plus the form's text.
pub const APPLICATION_PATH: &str = "/api/jobs/apply";

/// Whether `path` takes a multipart upload.
pub fn expects_upload(path: &str) -> bool {
    path == APPLICATION_PATH
}

/// The body size allowed on `path`.
pub fn body_limit(path: &str) -> usize {
    if expects_upload(path) {
        crate::domain::application::MAX_RESUME_BYTES + MAX_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// Whether a state-changing request may go ahead (SPEC §7: Origin checked on every one).
///
/// Browsers name the page's origin on every POST; it must be ours. Where they send `null`
/// instead, `Sec-Fetch-Site` must say same-origin. A request with neither (a mail provider's
/// one-click unsubscribe, a command-line client) carries no cookie a foreign page could ride on.
/// One-click unsubscribe is exempt: RFC 8058 posts come from mail providers, and the signed
/// token in its path is its authorization.
#[derive(Debug, Clone)]
pub struct OriginCheck {
    scheme: String,
    host: String,
    port: Option<u16>,
}

impl OriginCheck {
    pub fn new(public_url: &url::Url) -> Self {
        Self {
            scheme: public_url.scheme().to_owned(),
            host: public_url
                .host_str()
                .unwrap_or_default()
                .to_ascii_lowercase(),
            port: public_url.port_or_known_default(),
        }
    }

    pub fn allows(
        &self,
        method: &axum::http::Method,
        path: &str,
        origin: Option<&str>,
        fetch_site: Option<&str>,
    ) -> bool {
        if method.is_safe() || path.starts_with("/unsubscribe/") {
            return true;
        }
        match (origin, fetch_site) {
            (Some(origin), _) if origin != "null" => self.is_ours(origin),
            // A page with `Referrer-Policy: no-referrer` (the candidate pages) makes the browser
            // send `Origin: null`; Sec-Fetch-Site still says where the form was.
            (_, Some(site)) => matches!(site, "same-origin" | "none"),
            (Some(_), None) => false,
            (None, None) => true,
        }
    }

    fn is_ours(&self, origin: &str) -> bool {
        let Ok(url) = url::Url::parse(origin) else {
            return false; // includes the opaque "null" origin
        };
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let same_host = host == self.host || (is_loopback(&host) && is_loopback(&self.host));
        url.scheme() == self.scheme && same_host && url.port_or_known_default() == self.port
    }
}

/// `localhost` and `127.0.0.1` are one machine: a developer may open either.
fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_changing_requests_must_come_from_our_origin() {
        use axum::http::Method;
        let check = OriginCheck::new(&url::Url::parse("https://candor.example.com").unwrap());
        let post = Method::POST;
        // (method, path, Origin, Sec-Fetch-Site, allowed)
        type Case<'a> = (&'a Method, &'a str, Option<&'a str>, Option<&'a str>, bool);
        let cases: &[Case] = &[
            (
                &post,
                "/api/auth/sign-in",
                Some("https://candor.example.com"),
                None,
                true,
            ),
            (
                &post,
                "/api/auth/sign-in",
                Some("https://CANDOR.example.com:443"),
                None,
                true,
            ),
            (
                &post,
                "/api/auth/sign-in",
                Some("https://evil.example"),
                None,
                false,
            ),
            (
                &post,
                "/api/auth/sign-in",
                Some("http://candor.example.com"),
                None,
                false,
            ),
            (
                &post,
                "/api/auth/sign-in",
                Some("https://candor.example.com:8443"),
                None,
                false,
            ),
            (&post, "/api/auth/sign-in", Some("null"), None, false),
            (
                &post,
                "/api/preferences/consent",
                Some("null"),
                Some("same-origin"),
                true,
            ),
            (
                &post,
                "/api/preferences/consent",
                Some("null"),
                Some("cross-site"),
                false,
            ),
            (&post, "/api/auth/sign-in", None, Some("same-site"), false),
            (&post, "/api/auth/sign-in", None, None, true),
            (&post, "/api/auth/sign-in", None, Some("same-origin"), true),
            (&post, "/api/auth/sign-in", None, Some("cross-site"), false),
            (
                &Method::GET,
                "/candidates",
                Some("https://evil.example"),
                None,
                true,
            ),
            (
                &Method::DELETE,
                "/api/x",
                Some("https://evil.example"),
                None,
                false,
            ),
            (
                &post,
                "/unsubscribe/tok",
                Some("https://mail.example"),
                None,
                true,
            ),
        ];
        for (method, path, origin, site, allowed) in cases {
            assert_eq!(
                check.allows(method, path, *origin, *site),
                *allowed,
                "{method} {path} from {origin:?} ({site:?})"
            );
        }
    }

    #[test]
    fn loopback_names_are_one_origin_in_development() {
        let check = OriginCheck::new(&url::Url::parse("http://127.0.0.1:3000").unwrap());
        let post = axum::http::Method::POST;
        assert!(check.allows(&post, "/api/x", Some("http://localhost:3000"), None));
        assert!(!check.allows(&post, "/api/x", Some("http://localhost:3001"), None));
    }

    #[test]
    fn public_forms_are_the_ones_without_sign_in() {
        assert!(is_public_form("/api/preferences/consent"));
        assert!(is_public_form("/api/links/fresh"));
        assert!(is_public_form("/unsubscribe/abc"));
        assert!(is_public_form("/api/auth/sign-in"));
        assert!(!is_public_form("/api/auth/sign-out"));
        assert!(!is_public_form("/api/candidates/list"));
    }

    #[test]
    fn token_paths_are_redacted() {
        let cases = [
            ("/preferences/eyJhbGciOi.abc.def", "/preferences/[redacted]"),
            (
                "/preferences/eyJ.x.y/requests",
                "/preferences/[redacted]/requests",
            ),
            ("/unsubscribe/eyJ.x.y", "/unsubscribe/[redacted]"),
            ("/", "/"),
            ("/pkg/candor.wasm", "/pkg/candor.wasm"),
            ("/preferencesX/abc", "/preferencesX/abc"),
        ];
        for (path, expected) in cases {
            assert_eq!(redact_path(path), expected);
            assert_eq!(
                carries_token(path),
                expected.contains("[redacted]"),
                "{path}"
            );
        }
    }

    #[test]
    fn policy_carries_the_nonce_only_when_given() {
        let with = content_security_policy(Some("abc123"));
        assert!(with.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(with.contains("frame-ancestors 'none'"));
        let without = content_security_policy(None);
        assert!(!without.contains("nonce"));
        assert!(without.contains("default-src 'self'"));
    }
}
