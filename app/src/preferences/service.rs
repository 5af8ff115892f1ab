//! The preferences page's queries and actions. Each action is one transaction holding all of its
//! effects (SPEC §4): the consent event, the audit row, cancelled outreach, the request, the
//! owners' notifications and the emails in the outbox.

use super::model::{ConsentState, LinkPage, Notice, Organization, PreferencesView, RequestRow};
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::domain::{
    due_date,
    preferences::{
        alert_recipients, consent_change, contact_allowed, page_layout, pick_country_policy,
        AlertRecipients, OwnedOpportunity, PageFacts, Rectification,
    },
    settings::{gdpr_applies, GdprFacts},
    CandidateId, ConsentEvent, ConsentStatus, CountryCode, EmailAddress, EmailKind, Purpose,
    RequestId, RequestKind, UserId,
};
use crate::error::AppError;
use crate::links;
use crate::mail::{self, OutgoingEmail};
use crate::settings::{self, RulesCache, Settings};
use crate::text;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{types::Json, PgConnection, PgPool};

/// Where a consent decision came from (the subset a candidate can use).
pub use crate::domain::consent::ConsentSource;

/// Who records a consent decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decider {
    /// The candidate, on their page or through an email link.
    Candidate(ConsentSource),
    /// A team member recording the candidate's word received outside Candor, with a note of the
    /// written evidence (SPEC §2: source `recruiter_manual`).
    Recruiter { user: UserId, note: String },
}

impl Decider {
    fn source(&self) -> ConsentSource {
        match self {
            Decider::Candidate(source) => *source,
            Decider::Recruiter { .. } => ConsentSource::RecruiterManual,
        }
    }
}

/// The candidate a link names, if the link is genuine.
pub fn verify_link(config: &Config, token: &str) -> Result<CandidateId, AppError> {
    config.link_keys.verify(token).map_err(|reason| {
        // The reason helps operators; the token itself never reaches a log.
        tracing::info!(%reason, "candidate link refused");
        AppError::LinkInvalid
    })
}

/// A link that may stop contact: an unsubscribe-only link, or a full preferences link (emails
/// sent before unsubscribe-only links existed carry those).
pub fn verify_stop_link(config: &Config, token: &str) -> Result<links::Verified, AppError> {
    config
        .link_keys
        .verify_for(token, &[links::UNSUBSCRIBE, links::PREFERENCES])
        .map_err(|reason| {
            tracing::info!(%reason, "unsubscribe link refused");
            AppError::LinkInvalid
        })
}

/// Everything the page shows, or the notice for an anonymized candidate.
pub async fn load_page(
    pool: &PgPool,
    rules: &RulesCache,
    candidate: CandidateId,
    now: DateTime<Utc>,
) -> Result<LinkPage, AppError> {
    // One round trip: this is the page every candidate email links to. The settings and country
    // policies come from memory unless the revision shows they changed.
    let Some(row) = sqlx::query!(
        r#"SELECT s.revision,
                  c.location_country, c.gdpr_country_override,
                  c.anonymized_at IS NOT NULL AS "anonymized!",
                  ARRAY(SELECT p.location_country
                          FROM opportunities o LEFT JOIN postings p ON p.id = o.posting_id
                         WHERE o.candidate_id = c.id
                         ORDER BY o.created_at DESC) AS "posting_countries!: Vec<Option<String>>",
                  (SELECT coalesce(json_agg(json_build_array(purpose, decision, at) ORDER BY at), '[]')
                     FROM candidate_consent_events(c.id)) AS "events!: Json<Vec<(String, String, DateTime<Utc>)>>",
                  (SELECT coalesce(json_agg(json_build_object(
                              'id', r.id, 'kind', r.kind, 'received_at', r.received_at,
                              'due_at', coalesce(r.extended_until, r.due_at), 'status', r.status)
                              ORDER BY r.received_at DESC), '[]')
                     FROM data_requests r WHERE r.candidate_id = c.id) AS "requests!: Json<Vec<RawRequest>>"
             FROM settings s CROSS JOIN candidates c
            WHERE c.id = $1"#,
        candidate.into_uuid()
    )
    .fetch_optional(pool)
    .await?
    else {
        return Err(AppError::LinkInvalid);
    };
    let rules = rules.at(pool, row.revision).await?;
    let settings = &rules.settings;
    if row.anonymized {
        return Ok(LinkPage::Retired {
            organization: settings.compliance.organization_name.clone(),
        });
    }

    let country = |c: &str| CountryCode::parse(c).ok();
    let posting_countries: Vec<Option<CountryCode>> = row
        .posting_countries
        .iter()
        .map(|c| c.as_deref().and_then(country))
        .collect();
    let facts = GdprFacts {
        country: row.location_country.as_deref().and_then(country),
        country_override: row.gdpr_country_override.as_deref().and_then(country),
        posting_countries: posting_countries.clone(),
    };
    let country_policy = pick_country_policy(
        &posting_countries,
        facts.country_override.or(facts.country),
        &rules.policies,
    );
    let layout = page_layout(&PageFacts {
        mode: settings.mode,
        combination: settings.combination,
        gdpr_applies: gdpr_applies(settings.mode, settings.scope, &facts),
        country_policy,
    });

    let events = ConsentEvent::from_rows(&row.events.0);
    let status = |purpose| ConsentStatus::of(&events, purpose, settings.consent_validity(), now);
    let consents = layout
        .consent_purposes
        .iter()
        .map(|p| (*p, ConsentState::from(&status(*p))))
        .collect();
    let requests = row
        .requests
        .0
        .into_iter()
        .filter_map(|r| {
            Some(RequestRow {
                id: RequestId(r.id),
                kind: r.kind.parse().ok()?,
                received_at: r.received_at,
                due_at: r.due_at,
                status: r.status.parse().ok()?,
            })
        })
        .collect();

    Ok(LinkPage::Active(Box::new(PreferencesView {
        retention_days: layout
            .country_policy
            .map_or(settings.retention_days, |p| p.retention_days),
        organization: organization(settings),
        layout,
        consents,
        contact_allowed: contact_allowed(&status(Purpose::Contact)),
        requests,
        form_key: uuid::Uuid::new_v4().to_string(),
    })))
}

/// A request as the page query returns it.
#[derive(Debug, serde::Deserialize)]
struct RawRequest {
    id: uuid::Uuid,
    kind: String,
    received_at: DateTime<Utc>,
    due_at: DateTime<Utc>,
    status: String,
}

fn organization(settings: &Settings) -> Organization {
    Organization {
        name: settings.organization_name.clone(),
        privacy_policy_url: settings.privacy_policy_url.clone(),
        data_protection_contact: settings.data_protection_contact.clone(),
    }
}

/// The candidate's consent events; for contact, also those of every other record that shares one
/// of their email addresses, since the latest decision for an address wins (SPEC §5). The rule
/// is the SQL function `candidate_consent_events`, which the page query uses too.
async fn consent_events(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<Vec<ConsentEvent>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT purpose AS "purpose!", decision AS "decision!", at AS "at!"
             FROM candidate_consent_events($1)
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
async fn lock_candidate(db: &mut PgConnection, candidate: CandidateId) -> Result<(), AppError> {
    let anonymized = sqlx::query_scalar!(
        "SELECT anonymized_at IS NOT NULL AS \"anonymized!\" FROM candidates WHERE id = $1 FOR UPDATE",
        candidate.into_uuid()
    )
    .fetch_optional(db)
    .await?;
    match anonymized {
        None => Err(AppError::LinkInvalid),
        Some(true) => Err(AppError::LinkRetired),
        Some(false) => Ok(()),
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
) -> Result<Notice, AppError> {
    let mut tx = pool.begin().await?;
    lock_candidate(&mut tx, candidate).await?;
    let settings = settings::load(&mut *tx).await?;
    let events = consent_events(&mut tx, candidate).await?;
    let current = ConsentStatus::of(&events, purpose, settings.consent_validity(), now);
    let Some(decision) = consent_change(purpose, &current, allow) else {
        return Ok(Notice::Unchanged);
    };
    record_consent(
        &mut tx, &settings, candidate, purpose, decision, &decider, now,
    )
    .await?;
    if !decision.allows() {
        cancel_outreach(&mut tx, candidate).await?;
    }
    if decider == Decider::Candidate(ConsentSource::PreferencesPage) {
        let what = text::consent_changed(purpose, allow);
        confirm_to_candidate(
            &mut tx,
            config,
            &settings,
            candidate,
            None,
            text::choice_recorded_headline(&settings.organization_name),
            what,
            None,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Notice::Changed {
        purpose,
        allowed: allow,
    })
}

pub(crate) async fn record_consent(
    tx: &mut PgConnection,
    settings: &Settings,
    candidate: CandidateId,
    purpose: Purpose,
    decision: crate::domain::ConsentDecision,
    decider: &Decider,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let basis = match purpose {
        Purpose::Contact => "legitimate_interest",
        Purpose::Processing | Purpose::Retention => "consent",
    };
    let source = decider.source();
    let (actor, recorded_by, note) = match decider {
        Decider::Candidate(_) => (Actor::Candidate, None, None),
        Decider::Recruiter { user, note } => (
            Actor::User(*user),
            Some(user.into_uuid()),
            Some(note.as_str()),
        ),
    };
    sqlx::query!(
        "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version,
                                     recorded_by, note, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        candidate.into_uuid(),
        purpose.as_str(),
        basis,
        decision.as_str(),
        source.as_str(),
        settings.consent_text_version,
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
    Ok(())
}

/// Cancels the candidate's scheduled nurture touchpoints and outreach emails still waiting in the
/// outbox. Answers to the candidate and legal notices are left alone.
async fn cancel_outreach(tx: &mut PgConnection, candidate: CandidateId) -> Result<(), AppError> {
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

/// A request as the candidate submitted it.
#[derive(Debug, Clone)]
pub enum NewRequest {
    Access,
    Rectification(Rectification),
    Erasure,
}

impl NewRequest {
    pub fn kind(&self) -> RequestKind {
        match self {
            NewRequest::Access => RequestKind::Access,
            NewRequest::Rectification(_) => RequestKind::Rectification,
            NewRequest::Erasure => RequestKind::Erasure,
        }
    }
}

/// Records a data request with all its effects. The same `form_key` twice makes one request.
pub async fn submit_request(
    pool: &PgPool,
    config: &Config,
    candidate: CandidateId,
    request: NewRequest,
    form_key: &str,
    now: DateTime<Utc>,
) -> Result<Notice, AppError> {
    let kind = request.kind();
    let form_key = uuid::Uuid::parse_str(form_key.trim()).map_err(|_| {
        tracing::warn!("request form without a valid idempotency key");
        AppError::BadForm
    })?;
    let mut tx = pool.begin().await?;
    lock_candidate(&mut tx, candidate).await?;
    let settings = settings::load(&mut *tx).await?;

    let (details, corrections) = match &request {
        NewRequest::Rectification(r) => (
            r.note.clone(),
            Some(serde_json::to_value(&r.corrections).map_err(|_| AppError::Unavailable)?),
        ),
        _ => (None, None),
    };
    // One open request per kind (the row lock above makes this check and the insert one step):
    // a repeat while one is open shows that one, and alerts and emails nobody again.
    let idempotency_key = format!("{candidate}:{kind}:{form_key}");
    let open_key = sqlx::query_scalar!(
        "SELECT idempotency_key FROM data_requests
          WHERE candidate_id = $1 AND kind = $2 AND status = 'open'
          ORDER BY received_at LIMIT 1",
        candidate.into_uuid(),
        kind.as_str(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(open_key) = open_key {
        return Ok(if open_key == idempotency_key {
            Notice::RequestReceived(kind)
        } else {
            Notice::RequestAlreadyOpen(kind)
        });
    }
    let due_at = due_date(now);
    let inserted = sqlx::query_scalar!(
        "INSERT INTO data_requests (candidate_id, kind, details, corrections, received_at, due_at, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id",
        candidate.into_uuid(),
        kind.as_str(),
        details,
        corrections,
        now,
        due_at,
        idempotency_key,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(request_id) = inserted.map(RequestId) else {
        // Already received: a double click or a replayed form. Same answer, nothing new.
        return Ok(Notice::RequestReceived(kind));
    };
    audit::record(
        &mut tx,
        Actor::Candidate,
        "data_request.received",
        Some(candidate),
        Some(request_id),
        json!({ "kind": kind.as_str() }),
    )
    .await?;

    if kind.stops_contact() {
        let events = consent_events(&mut tx, candidate).await?;
        let contact = ConsentStatus::of(&events, Purpose::Contact, None, now);
        if let Some(decision) = consent_change(Purpose::Contact, &contact, false) {
            record_consent(
                &mut tx,
                &settings,
                candidate,
                Purpose::Contact,
                decision,
                &Decider::Candidate(ConsentSource::PreferencesPage),
                now,
            )
            .await?;
        }
        cancel_outreach(&mut tx, candidate).await?;
    }

    alert_owners(
        &mut tx, config, &settings, candidate, request_id, kind, now, due_at,
    )
    .await?;
    confirm_to_candidate(
        &mut tx,
        config,
        &settings,
        candidate,
        Some(request_id),
        text::confirmation_headline(&settings.organization_name),
        text::request_received(kind).to_owned(),
        Some(due_at),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Notice::RequestReceived(kind))
}

/// A team member an alert goes to.
pub(crate) struct Recipient {
    pub id: uuid::Uuid,
    pub email: String,
    pub name: String,
}

/// Who must hear of a candidate's request (SPEC §4): the owners of their active opportunities,
/// else the owner of the most recent one, else every Admin and Super Admin.
pub(crate) async fn owners_to_tell(
    tx: &mut PgConnection,
    candidate: CandidateId,
) -> Result<Vec<Recipient>, AppError> {
    let opportunities: Vec<OwnedOpportunity> = sqlx::query!(
        r#"SELECT o.owner_id AS "owner_id?", u.disabled AS "disabled?",
                  o.archived_at IS NOT NULL AS "archived!", o.created_at
             FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
            WHERE o.candidate_id = $1"#,
        candidate.into_uuid()
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|o| OwnedOpportunity {
        owner: o.owner_id.filter(|_| o.disabled == Some(false)).map(UserId),
        archived: o.archived,
        created_at: o.created_at,
    })
    .collect();

    match alert_recipients(&opportunities) {
        AlertRecipients::Owners(ids) => {
            let ids: Vec<uuid::Uuid> = ids.into_iter().map(UserId::into_uuid).collect();
            Ok(sqlx::query_as!(
                Recipient,
                "SELECT id, email, name FROM users WHERE id = ANY($1) ORDER BY array_position($1, id)",
                &ids
            )
            .fetch_all(&mut *tx)
            .await?)
        }
        AlertRecipients::Admins => admins(tx).await,
    }
}

/// Every active Admin and Super Admin.
pub(crate) async fn admins(tx: &mut PgConnection) -> Result<Vec<Recipient>, AppError> {
    Ok(sqlx::query_as!(
        Recipient,
        "SELECT id, email, name FROM users
          WHERE role IN ('super_admin', 'admin') AND NOT disabled ORDER BY created_at"
    )
    .fetch_all(&mut *tx)
    .await?)
}

/// How an alert names the candidate: by name only where the settings allow it.
pub(crate) async fn candidate_label(
    tx: &mut PgConnection,
    settings: &Settings,
    candidate: CandidateId,
) -> Result<String, AppError> {
    if settings.owner_alert_includes_name {
        Ok(sqlx::query_scalar!(
            "SELECT name FROM candidates WHERE id = $1",
            candidate.into_uuid()
        )
        .fetch_one(&mut *tx)
        .await?)
    } else {
        Ok("A candidate".to_owned())
    }
}

/// An in-app notification and an `owner_alert` email for each person who must hear of the
/// request (SPEC §4).
#[allow(clippy::too_many_arguments)]
async fn alert_owners(
    tx: &mut PgConnection,
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    request: RequestId,
    kind: RequestKind,
    now: DateTime<Utc>,
    due_at: DateTime<Utc>,
) -> Result<(), AppError> {
    let recipients = owners_to_tell(tx, candidate).await?;
    if recipients.is_empty() {
        tracing::warn!(request = %request, "no owner or admin to tell about a data request");
        return Ok(());
    }

    let user_ids: Vec<uuid::Uuid> = recipients.iter().map(|r| r.id).collect();
    sqlx::query!(
        "INSERT INTO notifications (user_id, kind, data_request_id, candidate_id)
         SELECT unnest($1::uuid[]), 'data_request', $2, $3",
        &user_ids,
        request.into_uuid(),
        candidate.into_uuid(),
    )
    .execute(&mut *tx)
    .await?;

    let candidate_label = candidate_label(tx, settings, candidate).await?;
    let profile_url = format!(
        "{}/candidates/{candidate}",
        config.public_url.as_str().trim_end_matches('/')
    );
    for recipient in recipients {
        let content = mail::render(
            "owner_alert",
            json!({
                "owner_name": recipient.name,
                "candidate": candidate_label,
                "organization": settings.organization_name,
                "kind_label": kind.label(),
                "kind_sentence": text::request_sentence(kind),
                "received": text::date(now),
                "due": text::date(due_at),
                "profile_url": profile_url,
            }),
        )
        .map_err(template_failed)?;
        mail::queue(
            tx,
            config,
            OutgoingEmail {
                kind: EmailKind::OwnerAlert,
                recipient: recipient.email,
                content,
                candidate_id: Some(candidate),
                data_request_id: Some(request),
                dedupe_key: Some(format!("owner_alert:{request}:{}", recipient.id)),
                unsubscribe_url: None,
                send_after: None,
            },
        )
        .await?;
    }
    Ok(())
}

pub(crate) fn template_failed(error: minijinja::Error) -> AppError {
    tracing::error!(error = %error, "email template failed to render");
    AppError::Unavailable
}

/// The address Candor writes to: the primary one, else the oldest.
async fn candidate_address(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT email FROM candidate_emails WHERE candidate_id = $1
          ORDER BY is_primary DESC, created_at LIMIT 1",
        candidate.into_uuid()
    )
    .fetch_optional(db)
    .await?)
}

/// Queues the candidate's confirmation email, with a fresh personal link.
#[allow(clippy::too_many_arguments)]
async fn confirm_to_candidate(
    tx: &mut PgConnection,
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    request: Option<RequestId>,
    headline: String,
    what: String,
    due: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(address) = candidate_address(tx, candidate).await? else {
        return Ok(());
    };
    let token = config.link_keys.sign(candidate, now, config.link_ttl);
    let content = mail::render(
        "candidate_confirmation",
        json!({
            "headline": headline,
            "what": what,
            "due": due.map(text::date),
            "organization": settings.organization_name,
            "preferences_url": links::preferences_url(&config.public_url, &token),
            "contact": settings.data_protection_contact,
        }),
    )
    .map_err(template_failed)?;
    mail::queue(
        tx,
        config,
        OutgoingEmail {
            kind: EmailKind::CandidateConfirmation,
            recipient: address,
            content,
            candidate_id: Some(candidate),
            data_request_id: request,
            dedupe_key: request.map(|r| format!("candidate_confirmation:{r}")),
            unsubscribe_url: Some(links::unsubscribe_url(
                config,
                candidate,
                now,
                config.link_ttl,
            )),
            send_after: None,
        },
    )
    .await?;
    Ok(())
}

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
    let Some(address) = candidate_address(&mut tx, candidate).await? else {
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
    .map_err(template_failed)?;
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
