//! A fresh personal link for whoever asks with a known address (SPEC §3): the form's server
//! function, which every candidate page's bad-link notice and `/fresh-link` post to, and the
//! email it queues.

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    crate::core::audit::{self, Actor},
    crate::core::config::Config,
    crate::core::links,
    crate::core::mail::{self, OutgoingEmail},
    crate::core::settings,
    crate::domain::{EmailAddress, EmailKind},
    chrono::{DateTime, Utc},
    serde_json::json,
    sqlx::PgPool,
};

/// Queues a new personal link for a known address. The answer is the same whatever the address.
#[server(endpoint = "links/fresh")]
pub async fn send_fresh_link(email: String) -> Result<(), AppError> {
    use crate::core::server_side;
    use crate::domain::{
        preferences::{Field, FieldError, Problem},
        EmailAddress,
    };
    let result = async {
        let address = EmailAddress::parse(&email).map_err(|_| {
            AppError::Invalid(FieldError {
                field: Field::Email,
                problem: Problem::Invalid,
            })
        })?;
        let state = server_side::state()?;
        // Answer first, work afterwards: a known address must not take longer to answer than an
        // unknown one. Failures are logged (never the address) and the person can ask again.
        tokio::spawn(async move {
            let sent =
                queue_fresh_link(&state.pool, &state.config, &address, chrono::Utc::now()).await;
            if let Err(error) = sent {
                tracing::warn!(code = %error.code(), "a fresh link could not be queued");
            }
        });
        Ok(())
    }
    .await;
    let code = match &result {
        Ok(()) => "sent",
        Err(AppError::Invalid(_)) => "bad-email",
        Err(_) => "unavailable",
    };
    server_side::answer_form("/fresh-link".into(), code.into(), result, |_| ())
}

#[cfg(feature = "ssr")]
/// Emails a new personal link to the newest live candidate with this address, at most once an
/// hour. Unknown addresses get no email; the caller answers the same either way.
pub async fn queue_fresh_link(
    pool: &PgPool,
    config: &Config,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let Some(candidate) = crate::core::candidates::find_by_email(&mut *tx, email)
        .await?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let Some(address) = crate::core::notify::candidate_address(&mut tx, candidate).await? else {
        return Ok(());
    };
    let settings = settings::load(&mut *tx).await?;
    let token = config.link_keys.sign(candidate, now, config.link_ttl);
    let locale = crate::core::locale::for_emails(&mut tx, candidate).await?;
    let content = mail::render_in(
        locale,
        settings.accent.as_ref(),
        "fresh_link",
        json!({
            "organization": settings.organization_name,
            "preferences_url": links::preferences_url(&config.public_url, &token),
        }),
    )
    .map_err(AppError::template)?;
    let queued = mail::queue(
        &mut tx,
        config,
        OutgoingEmail {
            dedupe_key: Some(format!(
                "fresh_link:{candidate}:{}",
                now.format("%Y-%m-%dT%H")
            )),
            ..OutgoingEmail::to_candidate(
                config,
                EmailKind::FreshLink,
                address,
                content,
                candidate,
                now,
            )
        },
    )
    .await?
    .is_some();
    if queued {
        audit::record(
            &mut tx,
            Actor::Candidate,
            "link.resent",
            Some(candidate),
            None,
            json!({}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
