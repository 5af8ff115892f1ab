//! The transaction that adds a sourced candidate, and the notice it may queue.

use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::links;
use crate::core::mail::{self, editable::first_name, OutgoingEmail};
use crate::domain::preferences::{Field, FieldError, Problem};
use crate::domain::sourcing::{notice_due, Sourced};
use crate::domain::{CandidateId, CountryCode, EmailKind, Viewer};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// What `add` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    pub id: Uuid,
    /// The data-collection notice was queued (GDPR protects them).
    pub notice_queued: bool,
}

/// Adds the candidate, their email and a sourced opportunity owned by the recruiter, and queues
/// the data-collection notice when GDPR protects them — all or nothing.
pub async fn add(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    sourced: &Sourced,
    now: DateTime<Utc>,
) -> Result<Added, AppError> {
    let mut tx = pool.begin().await?;
    let settings = crate::core::settings::load(&mut *tx).await?;
    let posting_country = match sourced.posting {
        None => None,
        Some(posting) => {
            let country = sqlx::query_scalar!(
                "SELECT location_country FROM postings WHERE id = $1 AND state = 'published'",
                posting
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::Invalid(FieldError {
                field: Field::Posting,
                problem: Problem::Invalid,
            }))?;
            Some(country.as_deref().and_then(|c| CountryCode::parse(c).ok()))
        }
    };
    let id = crate::core::candidates::insert(
        &mut tx,
        &crate::core::candidates::NewCandidate {
            name: &sourced.name,
            email: &sourced.email,
            phone: sourced.phone.as_deref(),
            country: sourced.country,
            // The team adds them: what they read is the organization's until they pick.
            locale: None,
        },
        now,
    )
    .await?;
    sqlx::query!(
        "INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin, created_at)
         VALUES ($1, $2, $3, 'sourced', $4)",
        id,
        sourced.posting,
        viewer.id.into_uuid(),
        now,
    )
    .execute(&mut *tx)
    .await?;

    let candidate = CandidateId(id);
    let notice_queued = notice_due(
        settings.mode,
        settings.scope,
        sourced.country,
        posting_country,
    );
    if notice_queued {
        let token = config.link_keys.sign(candidate, now, config.link_ttl);
        let tr =
            crate::text::l10n::Tr::new(crate::core::locale::for_emails(&mut tx, candidate).await?);
        let content = mail::render_in(
            tr.locale(),
            settings.accent.as_ref(),
            "gdpr_notice",
            serde_json::json!({
                "first_name": first_name(&sourced.name),
                "organization": settings.organization_name,
                "retention": tr.period(settings.retention_days),
                "preferences_url": links::preferences_url(&config.public_url, &token),
                "privacy_policy_url": settings.privacy_policy_url,
                "contact": settings.data_protection_contact,
            }),
        )
        .map_err(|error| {
            tracing::error!(%error, "the data-collection notice did not render");
            AppError::Unavailable
        })?;
        mail::queue(
            &mut tx,
            config,
            OutgoingEmail {
                dedupe_key: Some(format!("gdpr_notice:{id}")),
                ..OutgoingEmail::to_candidate(
                    config,
                    EmailKind::GdprNotice,
                    sourced.email.as_str().to_owned(),
                    content,
                    candidate,
                    now,
                )
            },
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "candidate.added",
        Some(candidate),
        None,
        serde_json::json!({ "origin": "sourced", "notice_queued": notice_queued }),
    )
    .await?;
    tx.commit().await?;
    Ok(Added { id, notice_queued })
}
