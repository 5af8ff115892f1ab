//! Resolving access and rectification requests from their banners (SPEC §7): sending the
//! candidate a copy of their data with its machine-readable export, applying the corrections they
//! asked for one field at a time, and marking a request resolved. Each in one transaction that
//! locks the candidate and the request, and writes an audit row of ids and codes.

use super::{AccessDraft, RectificationView};
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::links;
use crate::core::mail::{self, editable, Attachment, OutgoingEmail};
use crate::core::requests::decisions::{lock_open_request, OpenRequest};
use crate::core::settings;
use crate::domain::access::{
    correction_rows, CorrectionField, CurrentValues, OpportunityData, Part, PersonalData,
};
use crate::domain::preferences::Corrections;
use crate::domain::{CandidateId, EmailKind, RequestKind, Viewer};
use crate::error::AppError;
use crate::text;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use std::collections::HashMap;
use uuid::Uuid;

/// Everything personal held about the candidate, from all their opportunities, oldest first.
pub async fn personal_data(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<PersonalData, AppError> {
    let id = candidate.into_uuid();
    let c = sqlx::query!(
        r#"SELECT c.name, c.phones, c.skype, c.links, c.location_text,
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                         ORDER BY e.is_primary DESC, e.created_at) AS "emails!"
             FROM candidates c WHERE c.id = $1"#,
        id
    )
    .fetch_one(&mut *db)
    .await?;
    let opportunities = sqlx::query!(
        r#"SELECT o.id, p.title AS "posting?", o.created_at
             FROM opportunities o LEFT JOIN postings p ON p.id = o.posting_id
            WHERE o.candidate_id = $1 ORDER BY o.created_at, o.id"#,
        id
    )
    .fetch_all(&mut *db)
    .await?;
    let mut sent = crate::core::candidates::what_they_sent(&mut *db, id).await?;
    Ok(PersonalData {
        name: c.name,
        emails: c.emails,
        phones: c.phones,
        skype: c.skype,
        links: c.links,
        location: c.location_text,
        opportunities: opportunities
            .into_iter()
            .map(|o| OpportunityData {
                posting: o.posting,
                since: o.created_at,
                responses: sent.responses.remove(&o.id).unwrap_or_default(),
                comments: sent.comments.remove(&o.id).unwrap_or_default(),
            })
            .collect(),
    })
}

/// The "Send personal data" draft for the access banners, and when a copy was last sent for
/// each open access request.
pub async fn access_draft(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<AccessDraft, AppError> {
    let data = personal_data(&mut *db, candidate).await?;
    let settings = settings::load(&mut *db).await?;
    let (subject, body) = text::access_package(&data, &settings.organization_name);
    Ok(AccessDraft {
        key: Uuid::new_v4().to_string(),
        subject,
        body,
        parts: data
            .parts()
            .into_iter()
            .map(|p| (p.code(), text::access_part(p, &data)))
            .collect(),
    })
}

/// When a copy of the data went (or was queued) for each of these requests.
pub async fn data_sent(
    db: &mut PgConnection,
    requests: &[Uuid],
) -> Result<HashMap<Uuid, DateTime<Utc>>, AppError> {
    Ok(sqlx::query!(
        r#"SELECT data_request_id AS "request!", max(created_at) AS "at!"
             FROM email_outbox
            WHERE kind = 'access_package' AND status <> 'cancelled' AND data_request_id = ANY($1)
            GROUP BY data_request_id"#,
        requests
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.request, r.at))
    .collect())
}

/// The rectification request's note and its corrections beside the values on file.
pub async fn rectification_view(
    db: &mut PgConnection,
    viewer: &Viewer,
    candidate: CandidateId,
    request: Uuid,
) -> Result<RectificationView, AppError> {
    let row = sqlx::query!(
        r#"SELECT r.details, r.corrections AS "corrections: sqlx::types::Json<Corrections>",
                  c.name, c.phones[1] AS "phone?", c.location_text, c.links,
                  (SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                    ORDER BY e.is_primary DESC, e.created_at LIMIT 1) AS "email?",
                  EXISTS (SELECT 1 FROM email_confirmations k
                           WHERE k.candidate_id = c.id AND k.confirmed_at IS NULL
                             AND lower(k.email) = lower(r.corrections->>'email')) AS "awaiting!"
             FROM data_requests r JOIN candidates c ON c.id = r.candidate_id
            WHERE r.id = $1 AND c.id = $2"#,
        request,
        candidate.into_uuid()
    )
    .fetch_one(db)
    .await?;
    let current = CurrentValues {
        name: row.name,
        email: row.email,
        phone: row.phone,
        location: row.location_text,
        links: row.links,
    };
    let asked = row.corrections.map(|c| c.0).unwrap_or_default();
    Ok(RectificationView {
        note: row.details,
        rows: correction_rows(&asked, &current),
        may_apply: CorrectionField::ALL
            .iter()
            .copied()
            .filter(|f| f.permission_to_apply().is_none_or(|p| viewer.may(p)))
            .collect(),
        email_awaiting_confirmation: row.awaiting,
        email_key: Uuid::new_v4().to_string(),
    })
}

/// What the recruiter sends in answer to an access request.
pub struct DataCopy<'a> {
    pub request: Uuid,
    /// The draft's key: a second submit of the same draft queues nothing more.
    pub draft: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// The parts the machine-readable export holds.
    pub parts: Vec<Part>,
}

/// Queues the copy to the candidate's primary address, with the export of the chosen parts as
/// `personal-data.json`. The request stays open until it is marked resolved.
pub async fn send_data(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    copy: DataCopy<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let draft: Uuid = copy.draft.parse().map_err(|_| AppError::NotFound)?;
    let mut tx = pool.begin().await?;
    let open = lock_open_request(&mut tx, viewer, copy.request).await?;
    if open.kind != RequestKind::Access {
        return Err(AppError::NotFound);
    }
    let settings = settings::load(&mut *tx).await?;
    let content = editable::written(copy.subject, copy.body, &settings.organization_name)
        .map_err(AppError::from)?;
    let data = personal_data(&mut tx, open.candidate).await?;
    let recipient = data
        .emails
        .first()
        .cloned()
        .ok_or(AppError::NoEmailAddress)?;
    let Some(outbox) = mail::queue(
        &mut tx,
        config,
        OutgoingEmail {
            kind: EmailKind::AccessPackage,
            recipient,
            content,
            candidate_id: Some(open.candidate),
            data_request_id: Some(open.id),
            dedupe_key: Some(format!("access_package:{draft}")),
            unsubscribe_url: None,
            send_after: None,
        },
    )
    .await?
    else {
        // This draft went already (a double submit): nothing more to do.
        return Ok(());
    };
    let parts: Vec<Part> = data
        .parts()
        .into_iter()
        .filter(|p| copy.parts.contains(p))
        .collect();
    let export = data.export(&parts, &settings.organization_name, now);
    mail::attach(
        &mut tx,
        outbox,
        &Attachment {
            file_name: "personal-data.json".into(),
            media_type: "application/json".into(),
            bytes: serde_json::to_vec_pretty(&export).expect("JSON values serialize"),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "data_request.data_sent",
        Some(open.candidate),
        Some(open.id),
        json!({ "kind": open.kind.as_str(), "parts": parts.iter().map(|p| p.code()).collect::<Vec<_>>() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Applies one corrected value the candidate asked for to their record. A corrected email
/// address is not taken on the candidate's word: it is sent a confirmation link, and replaces
/// the address on file only once the candidate follows it.
pub async fn apply_correction(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    request: Uuid,
    field: CorrectionField,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if let Some(permission) = field.permission_to_apply() {
        if !viewer.may(permission) {
            return Err(AppError::Forbidden);
        }
    }
    let mut tx = pool.begin().await?;
    let open = lock_open_request(&mut tx, viewer, request).await?;
    if open.kind != RequestKind::Rectification {
        return Err(AppError::NotFound);
    }
    let view = rectification_view(&mut tx, viewer, open.candidate, request).await?;
    let row = view
        .rows
        .into_iter()
        .find(|r| r.field == field)
        .ok_or(AppError::NotFound)?;
    if row.applied || (field == CorrectionField::Email && view.email_awaiting_confirmation) {
        return Ok(());
    }
    if field == CorrectionField::Email {
        ask_to_confirm(&mut tx, config, viewer, &open, &row.requested, now).await?;
    } else {
        write_correction(&mut tx, &open, field, &row.requested).await?;
        audit::record(
            &mut tx,
            Actor::of(viewer),
            "data_request.correction_applied",
            Some(open.candidate),
            Some(open.id),
            json!({ "field": field.as_str() }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records the corrected address as unconfirmed and sends it the link that confirms it.
async fn ask_to_confirm(
    tx: &mut PgConnection,
    config: &Config,
    viewer: &Viewer,
    open: &OpenRequest,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let confirmation = sqlx::query_scalar!(
        "INSERT INTO email_confirmations (candidate_id, data_request_id, email, requested_by, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (candidate_id, lower(email)) WHERE confirmed_at IS NULL
         DO UPDATE SET created_at = excluded.created_at
         RETURNING id",
        open.candidate.into_uuid(),
        open.id.into_uuid(),
        email,
        viewer.id.into_uuid(),
        now,
    )
    .fetch_one(&mut *tx)
    .await?;
    let settings = settings::load(&mut *tx).await?;
    let organization = settings.organization_name.clone();
    let locale = crate::core::locale::for_emails(tx, open.candidate).await?;
    let content = mail::render_in(
        locale,
        settings.accent.as_ref(),
        "email_confirmation",
        json!({
            "organization": organization,
            "confirm_url": links::confirm_email_url(config, open.candidate, confirmation, now),
        }),
    )
    .map_err(AppError::template)?;
    mail::queue(
        tx,
        config,
        OutgoingEmail {
            kind: EmailKind::EmailConfirmation,
            recipient: email.to_owned(),
            content,
            candidate_id: Some(open.candidate),
            data_request_id: Some(open.id),
            dedupe_key: Some(format!(
                "email_confirmation:{confirmation}:{}",
                now.timestamp()
            )),
            // The address is not yet the candidate's: it gets no way to act on their record.
            unsubscribe_url: None,
            send_after: None,
        },
    )
    .await?;
    audit::record(
        tx,
        Actor::of(viewer),
        "data_request.email_confirmation_sent",
        Some(open.candidate),
        Some(open.id),
        json!({ "field": CorrectionField::Email.as_str() }),
    )
    .await?;
    Ok(())
}

async fn write_correction(
    tx: &mut PgConnection,
    open: &OpenRequest,
    field: CorrectionField,
    value: &str,
) -> Result<(), AppError> {
    let id = open.candidate.into_uuid();
    match field {
        CorrectionField::Name => {
            sqlx::query!("UPDATE candidates SET name = $2 WHERE id = $1", id, value)
                .execute(&mut *tx)
                .await?;
        }
        CorrectionField::Phone => {
            sqlx::query!(
                "UPDATE candidates SET phones = ARRAY[$2] || coalesce(phones[2:], '{}') WHERE id = $1",
                id,
                value
            )
            .execute(&mut *tx)
            .await?;
        }
        CorrectionField::Location => {
            sqlx::query!(
                "UPDATE candidates SET location_text = $2 WHERE id = $1",
                id,
                value
            )
            .execute(&mut *tx)
            .await?;
        }
        CorrectionField::Links => {
            let links: Vec<String> = value.lines().map(str::to_owned).collect();
            sqlx::query!(
                "UPDATE candidates SET links = $2 WHERE id = $1",
                id,
                &links[..]
            )
            .execute(&mut *tx)
            .await?;
        }
        CorrectionField::Email => {
            // Never written from here: `apply_correction` sends it to `ask_to_confirm`, and the
            // confirmation page writes it once the candidate confirms.
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}
