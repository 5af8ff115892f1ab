//! Integration API keys (SPEC §11): created by a Super Admin, shown once, stored as a SHA-256,
//! revoked at once. The settings page and the API's authentication both call these.

use crate::domain::api_keys::Scope;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A key as the settings page lists it: never its text, only its first characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyView {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub hint: String,
    pub created_on: chrono::NaiveDate,
    pub last_used: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked: bool,
}

/// A new key, on the one page view that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedKey {
    pub id: Uuid,
    pub name: String,
    pub key: String,
}

/// Who an API call acts as: the key, and what it may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiPrincipal {
    pub key: Uuid,
    pub scopes: Vec<Scope>,
}

#[cfg(feature = "ssr")]
pub use store::*;

#[cfg(feature = "ssr")]
mod store {
    use super::{ApiKeyView, ApiPrincipal, RevealedKey};
    use crate::core::audit::{self, Actor};
    use crate::domain::api_keys::{manages_api_keys, NewApiKey, Scope, KEY_PREFIX};
    use crate::domain::Viewer;
    use crate::error::AppError;
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
    use chrono::{DateTime, Duration, Utc};
    use rand::RngCore;
    use serde_json::json;
    use sha2::{Digest, Sha256};
    use sqlx::PgPool;
    use uuid::Uuid;

    use crate::core::reveal::{seal, REVEAL_MINUTES};

    /// Keeps the pads of API keys apart from those of other sealed secrets.
    const REVEAL_PURPOSE: &[u8] = b"api key reveal";

    fn may_manage(viewer: &Viewer) -> Result<(), AppError> {
        if manages_api_keys(viewer.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The stored form of a key's text.
    fn key_hash(key: &str) -> Vec<u8> {
        Sha256::digest(key.as_bytes()).to_vec()
    }

    /// Creates the key and keeps it, sealed, for one showing to the session that asked.
    pub async fn create(
        pool: &PgPool,
        viewer: &Viewer,
        session_token: &str,
        new: &NewApiKey,
        now: DateTime<Utc>,
    ) -> Result<Uuid, AppError> {
        may_manage(viewer)?;
        let session_hash =
            crate::core::session::store::id_hash(session_token).ok_or(AppError::SignInRequired)?;
        let mut tx = pool.begin().await?;
        let (id, secret) = insert_key(&mut tx, viewer, new, now).await?;
        sqlx::query!(
            "INSERT INTO api_key_reveals (key_id, session_hash, sealed, expires_at)
             VALUES ($1, $2, $3, $4)",
            id,
            session_hash,
            seal(session_token, REVEAL_PURPOSE, id, &secret),
            now + Duration::minutes(REVEAL_MINUTES)
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A key made by an operator at the terminal (`candor create-api-key`) for the Super Admin
    /// `viewer`: its text is returned to be printed once, and kept nowhere.
    pub async fn create_shown(
        pool: &PgPool,
        viewer: &Viewer,
        new: &NewApiKey,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        may_manage(viewer)?;
        let mut tx = pool.begin().await?;
        let (_, secret) = insert_key(&mut tx, viewer, new, now).await?;
        tx.commit().await?;
        Ok(key_text(&secret))
    }

    fn key_text(secret: &[u8; 32]) -> String {
        format!("{KEY_PREFIX}{}", URL_SAFE_NO_PAD.encode(secret))
    }

    /// Stores a new key (its hash and hint) with its audit row; the secret is the caller's to
    /// show once.
    async fn insert_key(
        tx: &mut sqlx::PgConnection,
        viewer: &Viewer,
        new: &NewApiKey,
        now: DateTime<Utc>,
    ) -> Result<(Uuid, [u8; 32]), AppError> {
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let key = key_text(&secret);
        let hint: String = key.chars().take(KEY_PREFIX.len() + 4).collect();
        let scopes: Vec<String> = new.scopes.iter().map(|s| s.as_str().to_owned()).collect();
        let id = sqlx::query_scalar!(
            "INSERT INTO api_keys (name, scopes, key_hash, hint, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            new.name,
            &scopes,
            key_hash(&key),
            hint,
            viewer.id.into_uuid(),
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        audit::record(
            &mut *tx,
            Actor::of(viewer),
            "api_key.created",
            None,
            None,
            json!({ "key": id, "scopes": scopes }),
        )
        .await?;
        Ok((id, secret))
    }

    /// The key this session created and has not seen yet, once: showing it deletes it.
    pub async fn reveal(
        pool: &PgPool,
        viewer: &Viewer,
        session_token: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<RevealedKey>, AppError> {
        may_manage(viewer)?;
        let Some(session_hash) = crate::core::session::store::id_hash(session_token) else {
            return Ok(None);
        };
        sqlx::query!("DELETE FROM api_key_reveals WHERE expires_at <= $1", now)
            .execute(pool)
            .await?;
        let Some(row) = sqlx::query!(
            "DELETE FROM api_key_reveals r USING api_keys k
              WHERE r.key_id = k.id AND r.session_hash = $1
              RETURNING r.key_id, r.sealed, k.name",
            session_hash
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let secret = seal(session_token, REVEAL_PURPOSE, row.key_id, &row.sealed);
        Ok(Some(RevealedKey {
            id: row.key_id,
            name: row.name,
            key: format!("{KEY_PREFIX}{}", URL_SAFE_NO_PAD.encode(secret)),
        }))
    }

    /// Every key, live ones first, newest first.
    pub async fn list(pool: &PgPool, viewer: &Viewer) -> Result<Vec<ApiKeyView>, AppError> {
        may_manage(viewer)?;
        let rows = sqlx::query!(
            r#"SELECT id, name, scopes, hint, created_at, last_used_at,
                      revoked_at IS NOT NULL AS "revoked!"
                 FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC, id"#
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ApiKeyView {
                id: r.id,
                name: r.name,
                scopes: r.scopes.iter().filter_map(|s| s.parse().ok()).collect(),
                hint: r.hint,
                created_on: r.created_at.date_naive(),
                last_used: r.last_used_at,
                revoked: r.revoked,
            })
            .collect())
    }

    /// Revokes the key: its next call is refused. Revoking twice changes nothing.
    pub async fn revoke(
        pool: &PgPool,
        viewer: &Viewer,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        may_manage(viewer)?;
        let mut tx = pool.begin().await?;
        let revoked = sqlx::query!(
            "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
            id,
            now
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if revoked == 0 {
            let exists =
                sqlx::query_scalar!(r#"SELECT 1 AS "one!" FROM api_keys WHERE id = $1"#, id)
                    .fetch_optional(&mut *tx)
                    .await?;
            return exists.map(|_| ()).ok_or(AppError::NotFound);
        }
        sqlx::query!("DELETE FROM api_key_reveals WHERE key_id = $1", id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Actor::of(viewer),
            "api_key.revoked",
            None,
            None,
            json!({ "key": id }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The colleague a write through `key` acts for: the one named by `on_behalf_of` (the
    /// `On-Behalf-Of` header, an email address), or else the Super Admin who created the key.
    /// They must be an active account; their role and permissions bound what the call may do,
    /// as on the pages, and the audit log names both the key and them.
    pub async fn acting_for(
        pool: &PgPool,
        key: &ApiPrincipal,
        on_behalf_of: Option<&crate::domain::EmailAddress>,
    ) -> Result<Viewer, AppError> {
        let row = sqlx::query!(
            "SELECT u.id, u.name, u.role, u.permissions
               FROM users u
              WHERE NOT u.disabled AND u.password_hash IS NOT NULL
                AND CASE WHEN $2::text IS NULL
                         THEN u.id = (SELECT created_by FROM api_keys WHERE id = $1)
                         ELSE lower(u.email) = lower($2) END",
            key.key,
            on_behalf_of.map(|e| e.as_str().to_owned()),
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::Forbidden)?;
        Ok(Viewer {
            id: crate::domain::UserId(row.id),
            name: row.name,
            role: row.role.parse().map_err(|_| AppError::Forbidden)?,
            permissions: row
                .permissions
                .iter()
                .filter_map(|p| p.parse().ok())
                .collect(),
            via_key: Some(key.key),
        })
    }

    /// The live key `presented` names, if any; its last use is noted (at most once a minute).
    /// Unknown, malformed and revoked keys are all `None`: the caller answers them alike.
    pub async fn authenticate(
        pool: &PgPool,
        presented: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ApiPrincipal>, AppError> {
        if !presented.starts_with(KEY_PREFIX) || presented.len() > 100 {
            return Ok(None);
        }
        let Some(row) = sqlx::query!(
            "SELECT id, scopes, last_used_at FROM api_keys
              WHERE key_hash = $1 AND revoked_at IS NULL",
            key_hash(presented)
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        if row
            .last_used_at
            .is_none_or(|at| now - at > Duration::minutes(1))
        {
            sqlx::query!(
                "UPDATE api_keys SET last_used_at = $2 WHERE id = $1",
                row.id,
                now
            )
            .execute(pool)
            .await?;
        }
        Ok(Some(ApiPrincipal {
            key: row.id,
            scopes: row
                .scopes
                .iter()
                .filter_map(|s| s.parse::<Scope>().ok())
                .collect(),
        }))
    }
}
