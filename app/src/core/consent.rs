//! Consent decisions (SPEC §2): recorded with their evidence, whoever makes them (the candidate on
//! their page or through an email, a recruiter with a note, the application form), and the
//! outreach a refusal cancels. One transaction holds every effect.

use super::notify;
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::settings::{self, Settings};
use crate::core::webhooks;
use crate::domain::webhooks::EventType;
use crate::domain::{
    preferences::consent_change, CandidateId, ConsentEvent, ConsentStatus, EmailKind, Purpose,
    UserId,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};

/// Where a consent decision came from (the subset a candidate can use).
pub use crate::domain::consent::ConsentSource;

/// Who records a consent decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decider {
    /// The candidate, on their page or through an email link.
    Candidate(ConsentSource),
    /// A team member recording the candidate's word received outside Candor, with a note of the
    /// written evidence (SPEC §2: source `recruiter_manual`).
    Recruiter { by: Actor, note: String },
    /// A decision another system collected and sends through the integration API (source
    /// `import`), with the basis and notice version it was given under.
    Imported {
        by: Actor,
        basis: crate::domain::consent::EventBasis,
        text_version: String,
    },
}

impl Decider {
    pub fn source(&self) -> ConsentSource {
        match self {
            Decider::Candidate(source) => *source,
            Decider::Recruiter { .. } => ConsentSource::RecruiterManual,
            Decider::Imported { .. } => ConsentSource::Import,
        }
    }
}

/// What a click changed: the purpose is now allowed or not, or it already was as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Made { purpose: Purpose, allowed: bool },
    Unchanged,
}

/// The candidate's consent events that decide their state: the first and latest per purpose, and
/// for contact the latest of every record that shares one of their email addresses, since the
/// latest decision for an address wins (SPEC §5). The rule is the SQL function
/// `candidate_deciding_consent`, which the page query uses too; its cost doesn't grow with the
/// candidate's history.
pub async fn deciding_consent(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<Vec<ConsentEvent>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT purpose AS "purpose!", decision AS "decision!", at AS "at!"
             FROM candidate_deciding_consent($1)
            ORDER BY at"#,
        candidate.into_uuid()
    )
    .fetch_all(db)
    .await?;
    let rows: Vec<_> = rows
        .into_iter()
        .map(|r| (r.purpose, r.decision, r.at))
        .collect();
    Ok(ConsentEvent::from_rows(&rows))
}

/// Locks the candidate's row for the action, so two clicks at once are applied one after the
/// other. Fails for an unknown or anonymized candidate.
pub async fn lock_candidate(db: &mut PgConnection, candidate: CandidateId) -> Result<(), AppError> {
    match crate::core::candidates::lock(db, candidate).await? {
        None => Err(AppError::LinkInvalid),
        Some(locked) if locked.anonymized => Err(AppError::LinkRetired),
        Some(_) => Ok(()),
    }
}

/// Gives or revokes consent for a purpose, or stops or re-allows contact.
pub async fn change_consent(
    pool: &PgPool,
    config: &Config,
    candidate: CandidateId,
    purpose: Purpose,
    allow: bool,
    decider: Decider,
    now: DateTime<Utc>,
) -> Result<Change, AppError> {
    let mut tx = pool.begin().await?;
    lock_candidate(&mut tx, candidate).await?;
    let settings = settings::load(&mut *tx).await?;
    let events = deciding_consent(&mut tx, candidate).await?;
    let current = ConsentStatus::of(&events, purpose, settings.consent_validity(), now);
    let Some(decision) = consent_change(purpose, &current, allow) else {
        return Ok(Change::Unchanged);
    };
    record_consent(
        &mut tx, &settings, candidate, purpose, decision, &decider, now,
    )
    .await?;
    if !decision.allows() {
        cancel_outreach(&mut tx, candidate).await?;
    }
    if decider == Decider::Candidate(ConsentSource::PreferencesPage) {
        let mut decided = events;
        decided.push(ConsentEvent {
            purpose,
            decision,
            at: now,
        });
        notify::confirm_consent(&mut tx, config, &settings, candidate, &decided, now).await?;
    }
    tx.commit().await?;
    Ok(Change::Made {
        purpose,
        allowed: allow,
    })
}

pub async fn record_consent(
    tx: &mut PgConnection,
    settings: &Settings,
    candidate: CandidateId,
    purpose: Purpose,
    decision: crate::domain::ConsentDecision,
    decider: &Decider,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let source = decider.source();
    let (actor, note, basis, text_version) = match decider {
        Decider::Candidate(_) => (
            Actor::Candidate,
            None,
            settings.combination.basis_for(purpose),
            settings.consent_text_version.as_str(),
        ),
        Decider::Recruiter { by, note } => (
            *by,
            Some(note.as_str()),
            settings.combination.basis_for(purpose),
            settings.consent_text_version.as_str(),
        ),
        Decider::Imported {
            by,
            basis,
            text_version,
        } => (*by, None, *basis, text_version.as_str()),
    };
    let recorded_by = actor.user().map(UserId::into_uuid);
    sqlx::query!(
        "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version,
                                     recorded_by, note, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        candidate.into_uuid(),
        purpose.as_str(),
        basis.as_str(),
        decision.as_str(),
        source.as_str(),
        text_version,
        recorded_by,
        note,
        now,
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx,
        actor,
        "consent.recorded",
        Some(candidate),
        None,
        json!({ "purpose": purpose.as_str(), "decision": decision.as_str(), "source": source.as_str() }),
    )
    .await?;
    let data = json!({
        "purpose": purpose.as_str(),
        "decision": decision.as_str(),
        "source": source.as_str(),
        "at": now,
    });
    webhooks::emit(
        tx,
        EventType::ConsentChanged,
        candidate,
        webhooks::object(data.clone()),
        None,
        now,
    )
    .await?;
    if purpose == Purpose::Contact && !decision.allows() {
        webhooks::emit(
            tx,
            EventType::ContactRevoked,
            candidate,
            webhooks::object(data),
            None,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Cancels the candidate's scheduled nurture touchpoints and outreach emails still waiting in the
/// outbox. Answers to the candidate and legal notices are left alone.
pub async fn cancel_outreach(
    tx: &mut PgConnection,
    candidate: CandidateId,
) -> Result<(), AppError> {
    let counts = sqlx::query!(
        r#"WITH touchpoints AS (
               UPDATE nurture_touchpoints t SET status = 'cancelled'
                 FROM nurture_enrollments e
                WHERE t.enrollment_id = e.id AND e.candidate_id = $1 AND t.status = 'scheduled'
               RETURNING t.id),
           emails AS (
               UPDATE email_outbox SET status = 'cancelled'
                WHERE candidate_id = $1 AND status = 'pending' AND kind = ANY($2)
               RETURNING id)
           SELECT (SELECT count(*) FROM touchpoints) AS "touchpoints!",
                  (SELECT count(*) FROM emails) AS "emails!""#,
        candidate.into_uuid(),
        &EmailKind::outreach_kinds(),
    )
    .fetch_one(&mut *tx)
    .await?;
    if counts.touchpoints + counts.emails > 0 {
        audit::record(
            tx,
            Actor::System,
            "outreach.cancelled",
            Some(candidate),
            None,
            json!({ "touchpoints": counts.touchpoints, "emails": counts.emails }),
        )
        .await?;
    }
    Ok(())
}
