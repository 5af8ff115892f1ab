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

#[cfg(test)]
mod tests {
    use super::*;

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
