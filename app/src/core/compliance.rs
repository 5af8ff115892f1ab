//! A candidate's compliance facts, read in one place: the consent sidebar the profile shows and
//! every action (contact, enroll, anonymize, the sweep) is checked against, and the contact
//! decisions kept from anonymized records.

use crate::core::config::Config;
use crate::core::settings::country_policies;
use crate::domain::consent_panel::{compliance_facts, Record};
use crate::domain::{
    consent_panel::{consent_panel, ConsentPanel, PanelFacts},
    contact::{contact_by_email, ContactDecision},
    lawful_basis::OpportunityFacts,
    settings::GdprFacts,
    ConsentEvent, ConsentStatus, CountryCode, EmailAddress, Purpose,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// The digest under which an anonymized candidate's email is kept (SPEC §6).
pub const ANONYMIZED_CONTACT: &str = "anonymized contact";

/// The consent sidebar of one candidate, decided by the domain from the settings, the candidate's
/// own decisions and every decision recorded for their email addresses (SPEC §5). Inside a
/// transaction that locked the candidate, it is the state an action is checked against.
pub async fn consent_panel_of(
    db: &mut PgConnection,
    config: &Config,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ConsentPanel, AppError> {
    // The person's other live records: where one of them is do-not-contact by the consent rule,
    // that decision follows the email here, as an unsubscribe does. A person has a handful of
    // records at most; the limit bounds a pathological address shared by many.
    let others = sqlx::query_scalar!(
        r#"SELECT DISTINCT other.candidate_id AS "id!"
             FROM candidate_emails mine
             JOIN candidate_emails other ON lower(other.email) = lower(mine.email)
             JOIN candidates c ON c.id = other.candidate_id AND c.anonymized_at IS NULL
            WHERE mine.candidate_id = $1 AND other.candidate_id <> $1
            ORDER BY 1 LIMIT 20"#,
        id
    )
    .fetch_all(&mut *db)
    .await?;
    let mut matched = Vec::new();
    for other in others {
        let theirs = own_panel(&mut *db, config, other, now, &[]).await?;
        if let Some(at) = theirs.stopped_by_consent_rule {
            matched.push(ContactDecision::stopped_at(at));
        }
    }
    own_panel(db, config, id, now, &matched).await
}

/// The panel from one record's own facts, with `matched` decisions from the person's other
/// records added to those kept for their email.
async fn own_panel(
    db: &mut PgConnection,
    config: &Config,
    id: Uuid,
    now: DateTime<Utc>,
    matched: &[ContactDecision],
) -> Result<ConsentPanel, AppError> {
    let c = sqlx::query!(
        r#"SELECT c.location_country, c.gdpr_country_override, c.created_at,
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id) AS "emails!",
                  (SELECT min(m.created_at) FROM email_outbox m
                    WHERE m.candidate_id = c.id AND m.kind = 'gdpr_notice') AS notice_sent_at
             FROM candidates c WHERE c.id = $1"#,
        id,
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let opportunities = sqlx::query!(
        r#"SELECT p.location_country AS "posting_country?", o.archived_at, o.hired
             FROM opportunities o LEFT JOIN postings p ON p.id = o.posting_id
            WHERE o.candidate_id = $1
            ORDER BY o.created_at DESC"#,
        id
    )
    .fetch_all(&mut *db)
    .await?;
    let settings = crate::core::settings::load(&mut *db).await?;
    let policies = country_policies(&mut *db).await?;
    let event_rows: Vec<(String, String, DateTime<Utc>)> = sqlx::query!(
        r#"SELECT purpose AS "purpose!", decision AS "decision!", at AS "at!"
             FROM candidate_deciding_consent($1)"#,
        id
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|e| (e.purpose, e.decision, e.at))
    .collect();
    let events = ConsentEvent::from_rows(&event_rows);
    let mut decisions = ContactDecision::from_events(&events);
    decisions.extend(anonymized_decisions(&mut *db, config, &c.emails).await?);
    decisions.extend_from_slice(matched);

    let country = |code: &Option<String>| code.as_deref().and_then(|c| CountryCode::parse(c).ok());
    let posting_countries: Vec<Option<CountryCode>> = opportunities
        .iter()
        .map(|o| country(&o.posting_country))
        .collect();
    let gdpr = GdprFacts {
        country: country(&c.location_country),
        country_override: country(&c.gdpr_country_override),
        posting_countries,
    };
    let compliance = compliance_facts(
        &settings,
        &policies,
        Record {
            gdpr,
            events: &events,
            opportunities: opportunities
                .iter()
                .map(|o| OpportunityFacts {
                    archived_at: o.archived_at,
                    hired: o.hired,
                })
                .collect(),
            created_at: c.created_at,
            notice_sent_at: c.notice_sent_at,
        },
        now,
    );
    Ok(consent_panel(
        &PanelFacts {
            compliance,
            contact: ConsentStatus::of(&events, Purpose::Contact, settings.consent_validity(), now),
            contact_by_email: contact_by_email(&decisions),
        },
        now,
    ))
}

/// The keyed hashes under which these addresses are kept once anonymized (never a plain hash).
pub fn contact_digests(config: &Config, emails: &[String]) -> Vec<Vec<u8>> {
    emails
        .iter()
        .filter_map(|e| EmailAddress::parse(e).ok())
        .map(|e| {
            config
                .hmac_key
                .digest(ANONYMIZED_CONTACT, &e.normalized())
                .to_vec()
        })
        .collect()
}

/// The contact decisions kept for these addresses from anonymized records (SPEC §5).
pub async fn anonymized_decisions(
    db: &mut PgConnection,
    config: &Config,
    emails: &[String],
) -> Result<Vec<ContactDecision>, AppError> {
    let digests = contact_digests(config, emails);
    Ok(sqlx::query!(
        "SELECT contact_status, decided_at FROM anonymized_contacts WHERE email_hmac = ANY($1)",
        &digests[..]
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|a| ContactDecision {
        allows: a.contact_status == "allowed",
        at: a.decided_at,
    })
    .collect())
}

/// Why an address may not be contacted, as the integration API says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// The person withdrew contact permission (an unsubscribe, or a recorded decision).
    ContactRevoked,
    /// The consent rule: every opportunity archived and consent not given.
    ConsentRule,
    /// Kept from a record since anonymized (only its keyed hash remains).
    AnonymizedRecord,
}

/// Whether the team may contact `email` (SPEC §5), consulting every live record with the
/// address and the decisions kept from anonymized ones. An address Candor has never seen is
/// allowed, with nothing in the answer that tells it from a known one.
pub async fn contact_status(
    db: &mut PgConnection,
    config: &Config,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<Option<StopReason>, AppError> {
    let records = sqlx::query_scalar!(
        r#"SELECT DISTINCT e.candidate_id AS "id!"
             FROM candidate_emails e
             JOIN candidates c ON c.id = e.candidate_id AND c.anonymized_at IS NULL
            WHERE lower(e.email) = $1
            ORDER BY 1 LIMIT 20"#,
        email.normalized()
    )
    .fetch_all(&mut *db)
    .await?;
    for id in &records {
        let panel = consent_panel_of(&mut *db, config, *id, now).await?;
        if panel.do_not_contact {
            return Ok(Some(if panel.stopped_by_consent_rule.is_some() {
                StopReason::ConsentRule
            } else {
                StopReason::ContactRevoked
            }));
        }
    }
    if records.is_empty() {
        let kept = anonymized_decisions(&mut *db, config, &[email.as_str().to_owned()]).await?;
        if contact_by_email(&kept).is_do_not_contact() {
            return Ok(Some(StopReason::AnonymizedRecord));
        }
    }
    Ok(None)
}
