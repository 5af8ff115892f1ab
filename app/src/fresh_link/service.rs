//! Sending a fresh personal link to whoever asks with a known address (SPEC §3).

use crate::audit::{self, Actor};
use crate::config::Config;
use crate::core::settings;
use crate::domain::{EmailAddress, EmailKind};
use crate::error::AppError;
use crate::links;
use crate::mail::{self, OutgoingEmail};
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgPool;

/// Emails a new personal link to the newest live candidate with this address, at most once an
/// hour. Unknown addresses get no email; the caller answers the same either way.
pub async fn send_fresh_link(
    pool: &PgPool,
    config: &Config,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let Some(candidate) = crate::candidates::find_by_email(&mut *tx, email)
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
    let content = mail::render(
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
            kind: EmailKind::FreshLink,
            recipient: address,
            content,
            candidate_id: Some(candidate),
            data_request_id: None,
            dedupe_key: Some(format!(
                "fresh_link:{candidate}:{}",
                now.format("%Y-%m-%dT%H")
            )),
            unsubscribe_url: Some(links::unsubscribe_url(
                config,
                candidate,
                now,
                config.link_ttl,
            )),
            send_after: None,
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
