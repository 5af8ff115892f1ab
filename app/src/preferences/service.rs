//! The preferences page's queries and actions. Each action is one transaction holding all of its
//! effects (SPEC §4): the consent event, the audit row, cancelled outreach, the request, the
//! owners' notifications and the emails in the outbox.

use super::model::{ConsentState, LinkPage, Notice, Organization, PreferencesView, RequestRow};
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::consent::lock_candidate;
use crate::core::db;
use crate::core::links;
use crate::core::locale::StoredLocales;
use crate::core::settings::{RulesCache, Settings};
use crate::domain::{
    contact::{contact_by_email, ContactDecision},
    paging::Position,
    preferences::{
        contact_allowed, page_layout, pick_country_policy, PageFacts, CLOSED_REQUESTS_SHOWN,
    },
    settings::{gdpr_applies, GdprFacts},
    CandidateId, ConsentEvent, ConsentStatus, CountryCode, Purpose, RequestId, RequestKind,
    RequestStatus,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{types::Json, PgPool};

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
    config: &Config,
    rules: &RulesCache,
    candidate: CandidateId,
    earlier: Option<Position>,
    now: DateTime<Utc>,
) -> Result<LinkPage, AppError> {
    // One query: this is the page every candidate email links to, so its plan is kept rather
    // than made again for each view. The settings and country policies come from memory unless
    // the revision shows they changed.
    let mut tx = db::with_plans_kept(pool).await?;
    let Some(row) = sqlx::query!(
        r#"SELECT s.revision, s.default_locale, s.accent_colour, c.page_locale, c.locale,
                  c.location_country, c.gdpr_country_override,
                  c.anonymized_at IS NOT NULL AS "anonymized!",
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id) AS "emails!",
                  ARRAY(SELECT p.location_country
                          FROM opportunities o LEFT JOIN postings p ON p.id = o.posting_id
                         WHERE o.candidate_id = c.id
                         ORDER BY o.created_at DESC) AS "posting_countries!: Vec<Option<String>>",
                  (SELECT coalesce(json_agg(json_build_array(purpose, decision, at) ORDER BY at), '[]')
                     FROM candidate_deciding_consent(c.id)) AS "events!: Json<Vec<(String, String, DateTime<Utc>)>>",
                  (SELECT coalesce(json_agg(json_build_object(
                              'id', r.id, 'kind', r.kind, 'received_at', r.received_at,
                              'due_at', coalesce(r.extended_until, r.due_at), 'status', r.status)
                              ORDER BY r.received_at DESC, r.id DESC), '[]')
                     FROM ((SELECT * FROM data_requests r
                             WHERE r.candidate_id = c.id AND r.status = 'open')
                           UNION ALL
                           (SELECT * FROM data_requests r
                             WHERE r.candidate_id = c.id AND r.status <> 'open'
                               AND ($2::timestamptz IS NULL OR (r.received_at, r.id) < ($2, $3::uuid))
                             ORDER BY r.received_at DESC, r.id DESC
                             LIMIT $4)) AS r) AS "requests!: Json<Vec<RawRequest>>"
             FROM settings s CROSS JOIN candidates c
            WHERE c.id = $1"#,
        candidate.into_uuid(),
        earlier.map(|p| p.at),
        earlier.map(|p| p.id),
        CLOSED_REQUESTS_SHOWN + 1,
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Err(AppError::LinkInvalid);
    };
    tx.commit().await?;
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
    // A stop kept from an anonymized record of the same person holds here too, as the team sees
    // it on the profile, until the person says they may be contacted again.
    let stopped_by_email = {
        let mut decisions = ContactDecision::from_events(&events);
        let kept = crate::core::compliance::anonymized_decisions(
            &mut *pool.acquire().await?,
            config,
            &row.emails,
        )
        .await?;
        !kept.is_empty() && {
            decisions.extend(kept);
            contact_by_email(&decisions).is_do_not_contact()
        }
    };
    let requests: Vec<RequestRow> = row
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
    let (requests, more_closed) = fold_closed(requests);

    Ok(LinkPage::Active(Box::new(PreferencesView {
        retention_days: layout
            .country_policy
            .map_or(settings.retention_days, |p| p.retention_days),
        organization: organization(settings),
        layout,
        consents,
        contact_allowed: contact_allowed(&status(Purpose::Contact)) && !stopped_by_email,
        requests,
        more_closed,
        showing_earlier: earlier.is_some(),
        form_key: uuid::Uuid::new_v4().to_string(),
        accent: row
            .accent_colour
            .as_deref()
            .and_then(|c| crate::domain::branding::Accent::parse(c).ok()),
        locale: StoredLocales {
            picked: row.page_locale,
            stored: row.locale,
            default: Some(row.default_locale),
        }
        .choose(),
    })))
}

/// The open requests and [`CLOSED_REQUESTS_SHOWN`] closed ones out of the query's rows (which
/// hold one closed request more, to tell whether earlier ones exist), and where the earlier
/// ones start.
fn fold_closed(mut requests: Vec<RequestRow>) -> (Vec<RequestRow>, Option<Position>) {
    let closed = |r: &RequestRow| r.status != RequestStatus::Open;
    if requests.iter().filter(|r| closed(r)).count() as i64 <= CLOSED_REQUESTS_SHOWN {
        return (requests, None);
    }
    if let Some(extra) = requests.iter().rposition(closed) {
        requests.remove(extra);
    }
    let last = requests.iter().rev().find(|r| closed(r));
    let more = last.map(|r| Position::new(r.received_at, r.id.into_uuid()));
    (requests, more)
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
    Organization::from(&settings.compliance)
}

pub use crate::core::requests::NewRequest;

/// Records a request the candidate made on their page. The same `form_key` twice makes one
/// request.
pub async fn submit_request(
    pool: &PgPool,
    config: &Config,
    candidate: CandidateId,
    request: NewRequest,
    form_key: &str,
    now: DateTime<Utc>,
) -> Result<Notice, AppError> {
    let form_key = uuid::Uuid::parse_str(form_key.trim()).map_err(|_| {
        tracing::warn!("request form without a valid idempotency key");
        AppError::BadForm
    })?;
    // On the heap: the request transaction is a large future.
    Box::pin(crate::core::requests::receive(
        pool,
        config,
        candidate,
        request,
        crate::core::requests::Intake::from_page(form_key, now),
        now,
    ))
    .await
}

/// Withdraws the candidate's open request `request`: it closes as `withdrawn`, the banner on the
/// profile goes, and the people who heard of it are told in the app. A second click finds it
/// withdrawn already and answers the same; a request already answered stays as it was.
pub async fn withdraw_request(
    pool: &PgPool,
    candidate: CandidateId,
    request: &str,
    now: DateTime<Utc>,
) -> Result<Notice, AppError> {
    let request = uuid::Uuid::parse_str(request.trim()).map_err(|_| AppError::BadForm)?;
    let mut tx = pool.begin().await?;
    lock_candidate(&mut tx, candidate).await?;
    let row = sqlx::query!(
        "SELECT kind, status FROM data_requests WHERE id = $1 AND candidate_id = $2 FOR UPDATE",
        request,
        candidate.into_uuid()
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let kind: RequestKind = row.kind.parse().map_err(|_| AppError::Unavailable)?;
    match row.status.as_str() {
        "open" => {}
        "withdrawn" => return Ok(Notice::Withdrawn(kind)),
        _ => return Err(AppError::RequestClosed),
    }
    sqlx::query!(
        "UPDATE data_requests SET status = 'withdrawn', resolution = 'withdrawn', resolved_at = $2
          WHERE id = $1",
        request,
        now
    )
    .execute(&mut *tx)
    .await?;
    // Pending due-date alerts would only ask the team to answer what no longer needs an answer.
    sqlx::query!(
        "UPDATE notifications SET read_at = $2
          WHERE data_request_id = $1 AND read_at IS NULL AND kind <> 'data_request'",
        request,
        now
    )
    .execute(&mut *tx)
    .await?;
    let told: Vec<uuid::Uuid> = crate::core::notify::owners_to_tell(&mut tx, candidate)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    sqlx::query!(
        "INSERT INTO notifications (user_id, kind, data_request_id, candidate_id, created_at)
         SELECT unnest($1::uuid[]), 'request_withdrawn', $2, $3, $4",
        &told,
        request,
        candidate.into_uuid(),
        now
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::Candidate,
        "data_request.withdrawn",
        Some(candidate),
        Some(RequestId(request)),
        json!({ "kind": kind.as_str() }),
    )
    .await?;
    crate::core::webhooks::emit_request(
        &mut tx,
        crate::domain::webhooks::EventType::DataRequestWithdrawn,
        RequestId(request),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Notice::Withdrawn(kind))
}
