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

/// Path prefixes whose next segment is a token: a candidate's signed link, or a colleague's
/// one-time password link.
///
/// Those pages send `Referrer-Policy: no-referrer`, and logs show the token as `[redacted]`.
pub const TOKEN_PATH_PREFIXES: [&str; 4] = [
    "/preferences/",
    "/unsubscribe/",
    "/confirm-email/",
    "/set-password/",
];

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

/// Whether a response may be kept by browsers and caches: the static bundle and the public
/// files only. Everything else (pages, server-function answers) may carry personal data and is
/// sent with `Cache-Control: no-store`.
pub fn cacheable(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

/// The client a request comes from, as every limit and log sees it, set once per request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub std::net::IpAddr);

/// The client behind `peer`. Only a peer inside `trusted` may name someone else, through
/// `Forwarded` (RFC 7239) or else `X-Forwarded-For`; the chain is read from the right, skipping
/// trusted proxies, so a client cannot pick its own identity by writing the header itself.
pub fn client_ip(
    peer: std::net::IpAddr,
    forwarded: Option<&str>,
    forwarded_for: Option<&str>,
    trusted: &[ipnet::IpNet],
) -> std::net::IpAddr {
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = match (forwarded, forwarded_for) {
        (Some(f), _) => f
            .split(',')
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (name, value) = pair.trim().split_once('=')?;
                    name.trim()
                        .eq_ignore_ascii_case("for")
                        .then_some(value.trim())
                })
            })
            .collect(),
        (None, Some(xff)) => xff.split(',').map(str::trim).collect(),
        (None, None) => Vec::new(),
    };
    let mut client = peer;
    for hop in hops.iter().rev() {
        match parse_hop(hop) {
            Some(ip) if is_trusted(&ip) => client = ip,
            Some(ip) => return ip,
            // "unknown", an obfuscated name or garbage: nothing further left can be believed.
            None => return client,
        }
    }
    client
}

/// One address of a forwarding chain: `192.0.2.1`, `192.0.2.1:4711`, `"[2001:db8::1]:4711"`,
/// `2001:db8::1`.
fn parse_hop(hop: &str) -> Option<std::net::IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(socket.ip());
    }
    hop.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(ip, _)| ip.parse().ok())
}

/// The key a per-client limit counts under: an IPv4 address, or an IPv6 client's /64 (one
/// subscriber usually holds a whole /64, and could otherwise take a fresh address per try).
pub fn limit_key(ip: std::net::IpAddr) -> std::net::IpAddr {
    match ip {
        std::net::IpAddr::V4(_) => ip,
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => std::net::IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                std::net::IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Paths of the forms anyone may post without signing in; they share a per-client rate limit.
const PUBLIC_FORM_PREFIXES: [&str; 9] = [
    "/api/preferences/",
    "/api/links/",
    "/unsubscribe/",
    "/api/unsubscribe/",
    "/api/confirm-email/",
    "/api/auth/sign-in",
    "/api/auth/forgot-password",
    "/api/auth/set-password",
    "/api/jobs/",
];

pub fn is_public_form(path: &str) -> bool {
    PUBLIC_FORM_PREFIXES.iter().any(|p| path.starts_with(p))
}

/// Largest request body accepted on most paths: the forms are a few kilobytes at most.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The application form, the one upload: a résumé plus the form's text.
pub const APPLICATION_PATH: &str = "/api/jobs/apply";
/// Where the Settings page uploads an import's CSV file.
pub const IMPORT_PATH: &str = "/api/import/upload";

/// Whether `path` takes a multipart upload.
pub fn expects_upload(path: &str) -> bool {
    path == APPLICATION_PATH || path == IMPORT_PATH
}

/// The largest body an integration API call may send: a batch of 1,000 candidates fits with
/// room to spare.
pub const API_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The body size allowed on `path`.
pub fn body_limit(path: &str) -> usize {
    if path.starts_with("/api/v1/") {
        API_BODY_BYTES
    } else if path == IMPORT_PATH {
        crate::domain::import::MAX_UPLOAD_BYTES + MAX_BODY_BYTES
    } else if expects_upload(path) {
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
    fn forwarding_headers_count_only_from_trusted_proxies() {
        use std::net::IpAddr;
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        // (peer, Forwarded, X-Forwarded-For, client)
        let cases: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            ("203.0.113.9", None, Some("198.51.100.1"), "203.0.113.9"),
            ("203.0.113.9", Some("for=198.51.100.1"), None, "203.0.113.9"),
            ("10.0.0.2", None, Some("198.51.100.1"), "198.51.100.1"),
            // A client writing its own header gets only its real address (the proxy appends it).
            (
                "10.0.0.2",
                None,
                Some("1.1.1.1, 198.51.100.1"),
                "198.51.100.1",
            ),
            (
                "10.0.0.2",
                None,
                Some("198.51.100.1, 10.0.0.7"),
                "198.51.100.1",
            ),
            (
                "10.0.0.2",
                Some(r#"for="[2001:db8:cafe::17]:4711";proto=https"#),
                None,
                "2001:db8:cafe::17",
            ),
            (
                "10.0.0.2",
                Some("for=192.0.2.60;proto=http, for=10.1.1.1"),
                Some("6.6.6.6"),
                "192.0.2.60",
            ),
            ("10.0.0.2", None, Some("198.51.100.1:5555"), "198.51.100.1"),
            ("10.0.0.2", None, Some("unknown"), "10.0.0.2"),
            ("10.0.0.2", None, Some("garbage, 10.0.0.9"), "10.0.0.9"),
            ("10.0.0.2", None, None, "10.0.0.2"),
        ];
        for (peer, forwarded, xff, client) in cases {
            assert_eq!(
                client_ip(ip(peer), *forwarded, *xff, &trusted),
                ip(client),
                "{peer} {forwarded:?} {xff:?}"
            );
        }
        assert_eq!(
            client_ip(ip("10.0.0.2"), None, Some("198.51.100.1"), &[]),
            ip("10.0.0.2"),
            "no proxy trusted by default"
        );
    }

    #[test]
    fn ipv6_clients_are_limited_per_64() {
        use std::net::IpAddr;
        let key = |s: &str| limit_key(s.parse::<IpAddr>().unwrap()).to_string();
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::");
        assert_eq!(key("2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("198.51.100.7"), "198.51.100.7");
        assert_eq!(key("::ffff:198.51.100.7"), "198.51.100.7");
    }

    #[test]
    fn only_the_static_bundle_may_be_cached() {
        assert!(cacheable("/pkg/candor.wasm"));
        assert!(cacheable("/favicon.svg"));
        for path in [
            "/candidates/1",
            "/api/candidates/list",
            "/",
            "/jobs",
            "/preferences/x",
        ] {
            assert!(!cacheable(path), "{path}");
        }
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
            ("/confirm-email/eyJ.x.y", "/confirm-email/[redacted]"),
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
