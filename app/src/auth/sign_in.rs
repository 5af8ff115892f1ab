//! Checking a recruiter's email and password, with throttling (SPEC §7).
//!
//! Unknown emails and wrong passwords get the same answer after the same work: an unknown email is
//! checked against a dummy hash, and failures are counted per email whether or not an account has
//! it, so neither the words nor the timing nor the throttle tell which emails have accounts.
//! Tries are refused per (email, client) and per client, and only slowed per email, so nobody can
//! lock a colleague out by failing on their address (`domain::ThrottlePolicy`).

use crate::core::accounts::{hash_password, verify_password as verify};
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::session::store::{self as session, NewSession};
use crate::domain::{
    preferences::{Field, FieldError, Problem},
    EmailAddress, SignInGate, UserId,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use std::{net::IpAddr, sync::LazyLock};

/// Verified against when no account has the email, so the answer takes as long as a real check.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_password("no account has this email").expect("argon2 hashes a constant password")
});

pub struct Attempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub client: IpAddr,
}

/// Signs in, or says why not. Success starts a session and clears the account's failures.
pub async fn sign_in(
    pool: &PgPool,
    config: &Config,
    attempt: Attempt<'_>,
    now: DateTime<Utc>,
) -> Result<(UserId, NewSession), AppError> {
    let email = parse_email(attempt.email)?;
    if attempt.password.is_empty() {
        return Err(field(Field::Password, Problem::Required));
    }
    if attempt.password.chars().count() > Field::Password.max_chars() {
        return Err(AppError::SignInFailed);
    }
    let normalized = email.normalized();
    let client = crate::core::security::limit_key(attempt.client).to_string();
    let account_subject = config
        .hmac_key
        .digest("sign-in account", &normalized)
        .to_vec();
    let client_subject = config.hmac_key.digest("sign-in client", &client).to_vec();
    let pair_subject = config
        .hmac_key
        .digest("sign-in account client", &format!("{normalized}\n{client}"))
        .to_vec();
    let policy = config.sign_in_throttle;

    // Count this try as a failure before checking anything, under a lock per client: of any
    // number of tries sent at once, only as many as the limit allows get to the password check.
    let mut tx = pool.begin().await?;
    let client_lock = i64::from_be_bytes(client_subject[..8].try_into().expect("32-byte digest"));
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", client_lock)
        .execute(&mut *tx)
        .await?;
    let recent = sqlx::query!(
        "SELECT subject, at FROM sign_in_failures WHERE subject = ANY($1) AND at > $2",
        &[
            account_subject.clone(),
            client_subject.clone(),
            pair_subject.clone()
        ][..],
        now - policy.window,
    )
    .fetch_all(&mut *tx)
    .await?;
    let times_of = |subject: &[u8]| -> Vec<DateTime<Utc>> {
        recent
            .iter()
            .filter(|r| r.subject == subject)
            .map(|r| r.at)
            .collect()
    };
    if let SignInGate::ClosedUntil(_) =
        policy.gate(&times_of(&pair_subject), &times_of(&client_subject), now)
    {
        return Err(AppError::SignInPaused);
    }
    let slowdown = policy.slowdown(&times_of(&account_subject), now);
    let this_try = sqlx::query_scalar!(
        "INSERT INTO sign_in_failures (subject, at) SELECT unnest($1::bytea[]), $2 RETURNING id",
        &[
            account_subject.clone(),
            client_subject.clone(),
            pair_subject.clone()
        ][..],
        now
    )
    .fetch_all(&mut *tx)
    .await?;
    // Failures older than any window are of no further use.
    sqlx::query!(
        "DELETE FROM sign_in_failures WHERE at < $1",
        now - chrono::Duration::days(1)
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;

    // An account many clients fail on is slowed for everyone, its owner included, but never shut.
    if !slowdown.is_zero() {
        tokio::time::sleep(slowdown).await;
    }

    let account = sqlx::query!(
        "SELECT id, password_hash, disabled FROM users WHERE lower(email) = $1",
        normalized
    )
    .fetch_optional(pool)
    .await?;
    let stored_hash = account
        .as_ref()
        .and_then(|a| a.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.clone());
    let password = attempt.password.to_owned();
    let password_matches = tokio::task::spawn_blocking(move || verify(&password, &stored_hash))
        .await
        .map_err(|_| AppError::Unavailable)?;

    match account {
        // An invited account has no password yet: the dummy hash stood in, and must not match.
        Some(account)
            if password_matches && account.password_hash.is_some() && !account.disabled =>
        {
            let user = UserId(account.id);
            let mut tx = pool.begin().await?;
            let session = session::create(&mut *tx, user, &config.session, now).await?;
            // This try was no failure, and this client's earlier ones for the account are
            // forgiven; failures from other clients still slow the account.
            sqlx::query!(
                "DELETE FROM sign_in_failures WHERE id = ANY($1) OR subject = $2",
                &this_try[..],
                &pair_subject
            )
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Actor::User(user),
                "user.signed_in",
                None,
                None,
                serde_json::json!({}),
            )
            .await?;
            tx.commit().await?;
            Ok((user, session))
        }
        _ => Err(AppError::SignInFailed),
    }
}

fn parse_email(raw: &str) -> Result<EmailAddress, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(field(Field::Email, Problem::Required));
    }
    if raw.chars().count() > Field::Email.max_chars() {
        return Err(field(Field::Email, Problem::TooLong));
    }
    EmailAddress::parse(raw).map_err(|_| field(Field::Email, Problem::Invalid))
}

fn field(field: Field, problem: Problem) -> AppError {
    AppError::Invalid(FieldError { field, problem })
}
