//! Receiving a data request (SPEC §4, §10), whichever way it came: made by the candidate on their
//! page, or received by email, phone, letter or in person and logged by a recruiter. One
//! transaction: the request (its clock running from the day received), an audit row of ids and
//! codes, contact stopped where the kind stops it, the owners alerted and the candidate's
//! confirmation queued.

pub mod decisions;

use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::consent::{
    cancel_outreach, deciding_consent, lock_candidate, record_consent, Decider,
};
use crate::core::notify::{alert_owners, confirm_to_candidate};
use crate::core::settings;
use crate::core::webhooks;
use crate::domain::preferences::{consent_change, Notice, Rectification};
use crate::domain::requests::Channel;
use crate::domain::webhooks::EventType;
use crate::domain::{
    consent::ConsentSource, due_date, CandidateId, ConsentStatus, Purpose, RequestId, RequestKind,
    UserId,
};
use crate::error::AppError;
use crate::text;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgPool;

/// A request as the candidate made it.
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

/// How a request came in.
#[derive(Debug, Clone)]
pub struct Intake {
    /// Makes a repeat of the same form one request.
    idempotency: String,
    received_at: DateTime<Utc>,
    channel: Channel,
    /// The recruiter who logged it; `None` when the candidate made it themselves.
    logged_by: Option<Actor>,
    /// The recruiter's note of what was asked (a rectification carries its own).
    note: Option<String>,
}

impl Intake {
    /// Made on the candidate's page, with the page's form key.
    pub fn from_page(form_key: uuid::Uuid, now: DateTime<Utc>) -> Self {
        Self {
            idempotency: form_key.to_string(),
            received_at: now,
            channel: Channel::PreferencesPage,
            logged_by: None,
            note: None,
        }
    }

    /// Logged by `by`, received `received_at` by `channel`, with the recruiter's `note`;
    /// `form_key` is the profile form's.
    pub fn logged(
        by: Actor,
        channel: Channel,
        received_at: DateTime<Utc>,
        note: Option<String>,
        form_key: uuid::Uuid,
    ) -> Self {
        Self {
            idempotency: format!("logged:{form_key}"),
            received_at,
            channel,
            logged_by: Some(by),
            note,
        }
    }
}

/// Records the request with all its effects. One request of a kind is open at a time: asking
/// again while one is open answers with that one, and records, alerts and emails nothing.
pub async fn receive(
    pool: &PgPool,
    config: &Config,
    candidate: CandidateId,
    request: NewRequest,
    intake: Intake,
    now: DateTime<Utc>,
) -> Result<Notice, AppError> {
    let kind = request.kind();
    let mut tx = pool.begin().await?;
    lock_candidate(&mut tx, candidate).await?;
    let settings = settings::load(&mut *tx).await?;

    let (details, corrections) = match &request {
        NewRequest::Rectification(r) => (
            r.note.clone(),
            Some(serde_json::to_value(&r.corrections).map_err(|_| AppError::Unavailable)?),
        ),
        _ => (intake.note.clone(), None),
    };
    // The row lock above makes this check and the insert one step.
    let idempotency_key = format!("{candidate}:{kind}:{}", intake.idempotency);
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
    let due_at = due_date(intake.received_at);
    let inserted =
        sqlx::query_scalar!(
        "INSERT INTO data_requests (candidate_id, kind, details, corrections, received_at, due_at,
                                    idempotency_key, channel, logged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id",
        candidate.into_uuid(),
        kind.as_str(),
        details,
        corrections,
        intake.received_at,
        due_at,
        idempotency_key,
        intake.channel.as_str(),
        intake.logged_by.and_then(Actor::user).map(UserId::into_uuid),
    )
        .fetch_optional(&mut *tx)
        .await?;
    let Some(request_id) = inserted.map(RequestId) else {
        // Already received: a double click or a replayed form. Same answer, nothing new.
        return Ok(Notice::RequestReceived(kind));
    };
    let (actor, decider) = match intake.logged_by {
        None => (
            Actor::Candidate,
            Decider::Candidate(ConsentSource::PreferencesPage),
        ),
        Some(by) => (
            by,
            Decider::Recruiter {
                by,
                note: text::logged_request_evidence(kind, intake.channel),
            },
        ),
    };
    audit::record(
        &mut tx,
        actor,
        "data_request.received",
        Some(candidate),
        Some(request_id),
        // A logged request says how it came in; the candidate's own came through their page.
        match intake.logged_by {
            None => json!({ "kind": kind.as_str() }),
            Some(_) => json!({ "kind": kind.as_str(), "channel": intake.channel.as_str() }),
        },
    )
    .await?;
    webhooks::emit_request(&mut tx, EventType::DataRequestCreated, request_id, now).await?;

    if kind.stops_contact() {
        let events = deciding_consent(&mut tx, candidate).await?;
        let contact = ConsentStatus::of(&events, Purpose::Contact, None, now);
        if let Some(decision) = consent_change(Purpose::Contact, &contact, false) {
            record_consent(
                &mut tx,
                &settings,
                candidate,
                Purpose::Contact,
                decision,
                &decider,
                now,
            )
            .await?;
        }
        cancel_outreach(&mut tx, candidate).await?;
    }

    alert_owners(
        &mut tx,
        config,
        &settings,
        candidate,
        request_id,
        kind,
        intake.received_at,
        due_at,
    )
    .await?;
    confirm_to_candidate(
        &mut tx, config, &settings, candidate, request_id, kind, due_at, now,
    )
    .await?;
    tx.commit().await?;
    Ok(Notice::RequestReceived(kind))
}

/// A data request as the integration API lists it: ids, kinds, states and times, never what the
/// candidate wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestChange {
    pub id: uuid::Uuid,
    pub candidate_id: uuid::Uuid,
    pub kind: String,
    pub status: String,
    pub channel: String,
    pub received_at: DateTime<Utc>,
    /// The due date in force (the extended one, once extended).
    pub due_at: DateTime<Utc>,
    pub extended: bool,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// Which requests a page holds: filters, then the keyset position and size.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    pub kind: Option<crate::domain::RequestKind>,
    pub status: Option<crate::domain::RequestStatus>,
    pub due_before: Option<DateTime<Utc>>,
    pub updated_since: Option<DateTime<Utc>>,
}

/// Up to `limit` requests matching `filter`, after the keyset position `after`, oldest change
/// first: stable pages while requests arrive and are answered.
pub async fn changed(
    pool: &PgPool,
    filter: &RequestFilter,
    after: Option<(DateTime<Utc>, uuid::Uuid)>,
    limit: i64,
) -> Result<Vec<RequestChange>, AppError> {
    let (after_at, after_id) = after.unzip();
    Ok(sqlx::query_as!(
        RequestChange,
        r#"SELECT id, candidate_id, kind, status, channel, received_at,
                  coalesce(extended_until, due_at) AS "due_at!", extended_until IS NOT NULL AS "extended!",
                  resolved_at, resolution, updated_at
             FROM data_requests
            WHERE ($1::text IS NULL OR kind = $1)
              AND ($2::text IS NULL OR status = $2)
              AND ($3::timestamptz IS NULL OR coalesce(extended_until, due_at) < $3)
              AND ($4::timestamptz IS NULL OR updated_at >= $4)
              AND ($5::timestamptz IS NULL OR (updated_at, id) > ($5, $6::uuid))
            ORDER BY updated_at, id
            LIMIT $7"#,
        filter.kind.map(|k| k.as_str()),
        filter.status.map(|s| s.as_str()),
        filter.due_before,
        filter.updated_since,
        after_at,
        after_id,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// One data request, as [`changed`] lists it.
pub async fn one(pool: &PgPool, id: uuid::Uuid) -> Result<Option<RequestChange>, AppError> {
    Ok(sqlx::query_as!(
        RequestChange,
        r#"SELECT id, candidate_id, kind, status, channel, received_at,
                  coalesce(extended_until, due_at) AS "due_at!", extended_until IS NOT NULL AS "extended!",
                  resolved_at, resolution, updated_at
             FROM data_requests WHERE id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?)
}

/// The candidate's open request of `kind`, if any (one is open at a time).
pub async fn open_of_kind(
    pool: &PgPool,
    candidate: CandidateId,
    kind: RequestKind,
) -> Result<Option<RequestChange>, AppError> {
    Ok(sqlx::query_as!(
        RequestChange,
        r#"SELECT id, candidate_id, kind, status, channel, received_at,
                  coalesce(extended_until, due_at) AS "due_at!", extended_until IS NOT NULL AS "extended!",
                  resolved_at, resolution, updated_at
             FROM data_requests
            WHERE candidate_id = $1 AND kind = $2 AND status = 'open'
            ORDER BY received_at LIMIT 1"#,
        candidate.into_uuid(),
        kind.as_str()
    )
    .fetch_optional(pool)
    .await?)
}
