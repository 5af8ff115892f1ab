//! Recruiter accounts: creation and password hashing (argon2id).

use crate::domain::{EmailAddress, Role, UserId};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString},
    Argon2, PasswordVerifier,
};
use rand::{distributions::Alphanumeric, Rng};
use sqlx::PgExecutor;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("a user with that email already exists")]
    EmailTaken,
    #[error("the name must not be empty")]
    EmptyName,
    #[error("could not hash the password")]
    Hash,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// An argon2id hash in PHC format, with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| AccountError::Hash)
}

/// Whether `password` matches the stored argon2 hash. CPU-heavy: call it off the async threads.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random password for accounts made from the command line, shown once to the operator.
pub fn generate_password() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect()
}

pub async fn create_user(
    db: impl PgExecutor<'_>,
    email: &EmailAddress,
    name: &str,
    role: Role,
    password: &str,
) -> Result<UserId, AccountError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AccountError::EmptyName);
    }
    let hash = hash_password(password)?;
    sqlx::query_scalar!(
        "INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
        email.as_str(),
        name,
        role.as_str(),
        hash,
    )
    .fetch_one(db)
    .await
    .map(UserId)
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.constraint() == Some("users_email_unique") => {
            AccountError::EmailTaken
        }
        _ => AccountError::Database(e),
    })
}

/// The active, signed-up colleague with this address, as a server function would see them
/// (for the operator's commands that act for someone).
pub async fn viewer_by_email(
    pool: &sqlx::PgPool,
    email: &EmailAddress,
) -> Result<Option<crate::domain::Viewer>, sqlx::Error> {
    let Some(row) = sqlx::query!(
        "SELECT id, name, role, permissions FROM users
          WHERE lower(email) = lower($1) AND NOT disabled AND password_hash IS NOT NULL",
        email.as_str()
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let Ok(role) = row.role.parse() else {
        return Ok(None);
    };
    Ok(Some(crate::domain::Viewer {
        id: crate::domain::UserId(row.id),
        name: row.name,
        role,
        permissions: row
            .permissions
            .iter()
            .filter_map(|p| p.parse().ok())
            .collect(),
        via_key: None,
    }))
}
