//! Recruiter sessions (SPEC §2, §7): a random 256-bit id in an HttpOnly cookie. The database keeps
//! only its SHA-256, so a copy of the database can't be replayed as anyone's session.

use crate::domain::{Permission, Role, SessionPolicy, UserId, Viewer};
use axum::http::{header, HeaderMap};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::{PgExecutor, PgPool};

pub const COOKIE: &str = "candor_session";
/// Over https the cookie carries the `__Host-` prefix: browsers then accept it only from this
/// exact host, with `Secure` and `Path=/`, so a sibling subdomain cannot plant a session.
pub const HOST_COOKIE: &str = "__Host-candor_session";

/// The session cookie's name: prefixed over https (plain http can't use the prefix).
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        HOST_COOKIE
    } else {
        COOKIE
    }
}

/// A session just created: the token goes into the cookie and is never stored.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// The stored form of a token; `None` when the text can't be one of ours.
pub fn id_hash(token: &str) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    (bytes.len() == 32).then(|| Sha256::digest(&bytes).to_vec())
}

/// A fresh random 256-bit token as the browser or an email holds it, and its stored hash.
pub fn new_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    (
        URL_SAFE_NO_PAD.encode(bytes),
        Sha256::digest(bytes).to_vec(),
    )
}

pub async fn create(
    db: impl PgExecutor<'_>,
    user: UserId,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
) -> Result<NewSession, sqlx::Error> {
    let (token, hash) = new_token();
    let expires_at = policy.expires_at(now);
    sqlx::query!(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $3, $4)",
        hash,
        user.into_uuid(),
        now,
        expires_at,
    )
    .execute(db)
    .await?;
    Ok(NewSession { token, expires_at })
}

/// The team member a token signs in, if the session is live and the account enabled. A session
/// found dead is deleted; a live one records that it was used (at most once a minute).
pub async fn resolve(
    pool: &PgPool,
    policy: &SessionPolicy,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Viewer>, sqlx::Error> {
    let Some(hash) = id_hash(token) else {
        return Ok(None);
    };
    let Some(row) = sqlx::query!(
        r#"SELECT u.id, u.name, u.role, u.permissions, u.disabled,
                  s.created_at, s.last_seen_at
             FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id_hash = $1"#,
        hash
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    if row.disabled || !policy.is_live(row.created_at, row.last_seen_at, now) {
        revoke_hash(pool, &hash).await?;
        return Ok(None);
    }
    if policy.needs_touch(row.last_seen_at, now) {
        sqlx::query!(
            "UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1",
            hash,
            now
        )
        .execute(pool)
        .await?;
    }
    let Ok(role) = row.role.parse::<Role>() else {
        tracing::error!(user = %row.id, "user row holds an unknown role");
        return Ok(None);
    };
    Ok(Some(Viewer {
        id: UserId(row.id),
        name: row.name,
        role,
        permissions: row
            .permissions
            .iter()
            .filter_map(|p| p.parse::<Permission>().ok())
            .collect(),
        via_key: None,
    }))
}

/// Ends the session the token names (sign-out); unknown tokens are ignored.
pub async fn revoke(db: impl PgExecutor<'_>, token: &str) -> Result<(), sqlx::Error> {
    match id_hash(token) {
        Some(hash) => revoke_hash(db, &hash).await,
        None => Ok(()),
    }
}

async fn revoke_hash(db: impl PgExecutor<'_>, hash: &[u8]) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sessions WHERE id_hash = $1", hash)
        .execute(db)
        .await?;
    Ok(())
}

/// The session token in a request's cookies, if any. Over https only the prefixed cookie counts.
pub fn token_from(headers: &HeaderMap, secure: bool) -> Option<String> {
    let name = cookie_name(secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// `Set-Cookie` for a new session: script can't read it, other sites' forms don't carry it, and
/// over https it never travels in clear.
pub fn cookie_for(session: &NewSession, secure: bool, now: DateTime<Utc>) -> String {
    let seconds = (session.expires_at - now).num_seconds().max(0);
    cookie::Cookie::build((cookie_name(secure), session.token.clone()))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(seconds))
        .build()
        .to_string()
}

/// `Set-Cookie` that removes the session cookie (sign-out).
pub fn removal_cookie(secure: bool) -> String {
    cookie::Cookie::build((cookie_name(secure), ""))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_well_formed_tokens_have_a_hash() {
        assert!(id_hash(&URL_SAFE_NO_PAD.encode([7u8; 32])).is_some());
        assert!(id_hash(&URL_SAFE_NO_PAD.encode([7u8; 16])).is_none());
        assert!(id_hash("not base64 !").is_none());
        assert!(id_hash("").is_none());
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; candor_session=abc"),
        );
        assert_eq!(token_from(&headers, false).as_deref(), Some("abc"));
        assert_eq!(
            token_from(&headers, true),
            None,
            "over https an unprefixed cookie (planted by a sibling host) is ignored"
        );
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("__Host-candor_session=def"),
        );
        assert_eq!(token_from(&headers, true).as_deref(), Some("def"));
        headers.clear();
        headers.append(header::COOKIE, HeaderValue::from_static("a=1"));
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("candor_session=xyz"),
        );
        assert_eq!(token_from(&headers, false).as_deref(), Some("xyz"));
        headers.clear();
        assert_eq!(token_from(&headers, false), None);
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_over_https() {
        let now = Utc::now();
        let session = NewSession {
            token: "tok".into(),
            expires_at: now + chrono::Duration::hours(12),
        };
        let plain = cookie_for(&session, false, now);
        for part in [
            "candor_session=tok",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(plain.contains(part), "{part} missing from {plain}");
        }
        assert!(!plain.contains("Secure"));
        let secure = cookie_for(&session, true, now);
        assert!(secure.starts_with("__Host-candor_session=tok"), "{secure}");
        assert!(
            secure.contains("Secure") && secure.contains("Path=/"),
            "{secure}"
        );
        assert!(!secure.contains("Domain"), "{secure}");
        let gone = removal_cookie(true);
        assert!(
            gone.contains("Max-Age=0") && gone.contains("__Host-candor_session=;"),
            "{gone}"
        );
        assert!(removal_cookie(false).starts_with("candor_session=;"));
    }
}
