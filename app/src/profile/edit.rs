//! The profile's pen icons (SPEC §5, §7): change the GDPR country, and record a consent decision
//! the candidate sent outside Candor. Both need `manage_profiles`, both are audited.

use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::consent::{self, Decider};
use crate::domain::{
    preferences::{Field, FieldError, Problem},
    CandidateId, CountryCode, Permission, Purpose, Viewer,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// The candidate `viewer` may edit: they hold `manage_profiles`, see the candidate, and the
/// candidate is not anonymized.
async fn editable(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<CandidateId, AppError> {
    if !viewer.may(Permission::ManageProfiles) {
        return Err(AppError::Forbidden);
    }
    match crate::core::candidates::reachable(pool, viewer, id).await? {
        candidate if candidate.anonymized => Err(AppError::Anonymized),
        candidate => Ok(candidate.id),
    }
}

/// Sets (or, with a blank `country`, clears) the GDPR country that overrides the candidate's
/// own. Only where the scope depends on the country (`eu_only`, `eu_and_unknown`).
pub async fn change_gdpr_country(
    pool: &PgPool,
    viewer: &Viewer,
    id: Uuid,
    country: &str,
) -> Result<(), AppError> {
    let candidate = editable(pool, viewer, id).await?;
    let settings = crate::core::settings::load(pool).await?;
    if settings.mode != crate::domain::ComplianceMode::Gdpr || !settings.scope.country_is_editable()
    {
        return Err(AppError::Forbidden);
    }
    let country = match country.trim() {
        "" => None,
        // Only an assigned country: the picker offers no other.
        text => Some(
            CountryCode::parse(text)
                .ok()
                .filter(|c| c.name().is_some())
                .ok_or(AppError::Invalid(FieldError {
                    field: Field::Country,
                    problem: Problem::Invalid,
                }))?,
        ),
    };
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "UPDATE candidates SET gdpr_country_override = $2 WHERE id = $1",
        candidate.into_uuid(),
        country.map(|c| c.as_str().to_owned()),
    )
    .execute(&mut *tx)
    .await?;
    // The country itself stays out of the audit log: it says where a person lives.
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "candidate.gdpr_country_changed",
        Some(candidate),
        None,
        json!({ "cleared": country.is_none() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A decision the candidate sent in writing, as a recruiter records it.
pub struct WrittenDecision<'a> {
    pub candidate: Uuid,
    pub purpose: Purpose,
    pub allow: bool,
    /// The recruiter's note of the evidence: what was sent, when, how.
    pub note: &'a str,
}

/// Records a decision the candidate sent in writing, with the recruiter's note of it.
pub async fn record_consent(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    decision: WrittenDecision<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let WrittenDecision {
        candidate: id,
        purpose,
        allow,
        note,
    } = decision;
    let candidate = editable(pool, viewer, id).await?;
    // The written evidence a recruiter-recorded decision needs (SPEC §2).
    let note = Field::Evidence.required_text(note)?;
    consent::change_consent(
        pool,
        config,
        candidate,
        purpose,
        allow,
        Decider::Recruiter {
            by: Actor::of(viewer),
            note,
        },
        now,
    )
    .await?;
    Ok(())
}
