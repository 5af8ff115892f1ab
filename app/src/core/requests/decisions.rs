//! Deciding a data request (SPEC §7): marking it resolved, extending it (Art. 12(3)), refusing it
//! (Art. 12(4)), and logging one received another way. Each in one transaction that locks the
//! request, records the decision on it and in the audit log (ids and codes; the reason stays on
//! the request row), and queues the email that tells the candidate. The profile's banners and the
//! integration API both call these.

use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::links;
use crate::core::mail::{self, editable::first_name, OutgoingEmail};
use crate::core::settings;
use crate::core::webhooks;
use crate::domain::access::manual_resolution;
use crate::domain::webhooks::EventType;
use crate::domain::{
    extended_due_date, requests::written_reason, CandidateId, EmailKind, ExtensionError, RequestId,
    RequestKind, Viewer,
};
use crate::error::AppError;
use crate::text::l10n::Tr;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// An open request, locked for the action, that `viewer` may act on.
pub struct OpenRequest {
    pub id: RequestId,
    pub candidate: CandidateId,
    pub kind: RequestKind,
    pub received_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub extended: bool,
}

pub async fn lock_open_request(
    tx: &mut PgConnection,
    viewer: &Viewer,
    request: Uuid,
) -> Result<OpenRequest, AppError> {
    let candidate = sqlx::query_scalar!(
        "SELECT candidate_id FROM data_requests WHERE id = $1",
        request
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let candidate = crate::core::candidates::reachable(&mut *tx, viewer, candidate).await?;
    if candidate.anonymized {
        return Err(AppError::Anonymized);
    }
    // The candidate first, then the request: the order anonymizing takes them in.
    crate::core::candidates::lock(tx, candidate.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = sqlx::query!(
        r#"SELECT kind, status, received_at, due_at, extended_until IS NOT NULL AS "extended!"
             FROM data_requests WHERE id = $1 FOR UPDATE"#,
        request
    )
    .fetch_one(&mut *tx)
    .await?;
    if row.status != "open" {
        return Err(AppError::RequestClosed);
    }
    Ok(OpenRequest {
        id: RequestId(request),
        candidate: candidate.id,
        kind: row.kind.parse().map_err(|_| AppError::NotFound)?,
        received_at: row.received_at,
        due_at: row.due_at,
        extended: row.extended,
    })
}

/// Extends the request once by `months` (1 or 2) with a reason, before the original due date.
pub async fn extend(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    request: Uuid,
    months: u32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = written_reason(reason)?;
    let mut tx = pool.begin().await?;
    let open = lock_open_request(&mut tx, viewer, request).await?;
    let new_due =
        extended_due_date(open.received_at, months, open.extended, now).map_err(|e| match e {
            ExtensionError::AlreadyExtended => AppError::AlreadyExtended,
            ExtensionError::TooLate => AppError::ExtensionTooLate,
            ExtensionError::InvalidLength => {
                AppError::Invalid(crate::domain::preferences::FieldError {
                    field: crate::domain::preferences::Field::Months,
                    problem: crate::domain::preferences::Problem::Invalid,
                })
            }
        })?;
    sqlx::query!(
        "UPDATE data_requests SET extended_until = $2, extension_reason = $3 WHERE id = $1",
        request,
        new_due,
        reason,
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "data_request.extended",
        Some(open.candidate),
        Some(open.id),
        json!({ "kind": open.kind.as_str(), "months": months }),
    )
    .await?;
    webhooks::emit_request(&mut tx, EventType::DataRequestExtended, open.id, now).await?;
    tell_candidate(
        &mut tx,
        config,
        &open,
        EmailKind::ExtensionNotice,
        |tr: Tr| json!({ "old_due": tr.date(open.due_at), "new_due": tr.date(new_due), "reason": reason }),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Refuses the request with a reason; it closes as `refused`.
pub async fn refuse(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    request: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = written_reason(reason)?;
    let mut tx = pool.begin().await?;
    let open = lock_open_request(&mut tx, viewer, request).await?;
    if let Some(permission) = open.kind.permission_to_refuse() {
        if !viewer.may(permission) {
            return Err(AppError::Forbidden);
        }
    }
    close(&mut tx, viewer, &open, Closing::Refused(&reason), now).await?;
    tell_candidate(
        &mut tx,
        config,
        &open,
        EmailKind::RefusalNotice,
        |_: Tr| json!({ "reason": reason }),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Marks an access or rectification request resolved. An erasure request is resolved only by
/// anonymizing the candidate.
pub async fn resolve(
    pool: &PgPool,
    viewer: &Viewer,
    request: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let open = lock_open_request(&mut tx, viewer, request).await?;
    let resolution = manual_resolution(open.kind).ok_or(AppError::AnonymizeToResolve)?;
    close(&mut tx, viewer, &open, Closing::Resolved(resolution), now).await?;
    tx.commit().await?;
    Ok(())
}

/// How a request closes: resolved (with its resolution code), or refused with a reason.
pub enum Closing<'a> {
    Resolved(&'static str),
    Refused(&'a str),
}

/// Closes a locked open request and records who closed it and how.
pub async fn close(
    tx: &mut PgConnection,
    viewer: &Viewer,
    open: &OpenRequest,
    closing: Closing<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (status, resolution, reason, action, event) = match closing {
        Closing::Resolved(resolution) => (
            "resolved",
            resolution,
            None,
            "data_request.resolved",
            EventType::DataRequestResolved,
        ),
        Closing::Refused(reason) => (
            "refused",
            "refused",
            Some(reason),
            "data_request.refused",
            EventType::DataRequestRefused,
        ),
    };
    sqlx::query!(
        "UPDATE data_requests
            SET status = $2, resolution = $3, refusal_reason = $4, resolved_at = $5, resolved_by = $6
          WHERE id = $1",
        open.id.into_uuid(),
        status,
        resolution,
        reason,
        now,
        viewer.id.into_uuid(),
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx,
        Actor::of(viewer),
        action,
        Some(open.candidate),
        Some(open.id),
        json!({ "kind": open.kind.as_str(), "resolution": resolution }),
    )
    .await?;
    webhooks::emit_request(tx, event, open.id, now).await?;
    Ok(())
}

/// Queues the extension or refusal notice to the candidate, once per request, with a fresh link
/// to their page. A candidate without an email address can't be told; the decision still stands.
async fn tell_candidate(
    tx: &mut PgConnection,
    config: &Config,
    open: &OpenRequest,
    kind: EmailKind,
    specific: impl FnOnce(Tr) -> serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(person) = sqlx::query!(
        "SELECT c.name, e.email FROM candidates c
           JOIN candidate_emails e ON e.candidate_id = c.id
          WHERE c.id = $1 ORDER BY e.is_primary DESC, e.created_at LIMIT 1",
        open.candidate.into_uuid()
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(());
    };
    let settings = settings::load(&mut *tx).await?;
    let tr = Tr::new(crate::core::locale::for_emails(tx, open.candidate).await?);
    let token = config.link_keys.sign(open.candidate, now, config.link_ttl);
    let mut context = json!({
        "first_name": first_name(&person.name),
        "organization": settings.organization_name,
        "kind": open.kind.as_str(),
        "received": tr.date(open.received_at),
        "preferences_url": links::preferences_url(&config.public_url, &token),
        "contact": settings.data_protection_contact,
    });
    if let (Some(all), Some(extra)) = (context.as_object_mut(), specific(tr).as_object()) {
        all.extend(extra.clone());
    }
    let content = mail::render_in(
        tr.locale(),
        settings.accent.as_ref(),
        kind.as_str(),
        &context,
    )
    .map_err(AppError::template)?;
    mail::queue(
        tx,
        config,
        OutgoingEmail {
            kind,
            recipient: person.email,
            content,
            candidate_id: Some(open.candidate),
            data_request_id: Some(open.id),
            dedupe_key: Some(format!("{}:{}", kind.as_str(), open.id)),
            unsubscribe_url: None,
            send_after: None,
        },
    )
    .await?;
    Ok(())
}

/// Logs a request the candidate made by email, phone, letter or in person: its clock runs from
/// the day received, and everything else happens as for one made on their page.
pub async fn log(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    candidate: uuid::Uuid,
    form: &crate::domain::requests::LoggedRequestForm,
    form_key: &str,
    now: DateTime<Utc>,
) -> Result<crate::domain::preferences::Notice, AppError> {
    use crate::core::requests::{receive, Intake, NewRequest};
    use crate::domain::preferences::{Corrections, Rectification};
    use crate::domain::requests::LoggedRequest;
    let form_key = uuid::Uuid::parse_str(form_key.trim()).map_err(|_| AppError::BadForm)?;
    let found = crate::core::candidates::reachable(pool, viewer, candidate).await?;
    if found.anonymized {
        return Err(AppError::Anonymized);
    }
    let on_file_since = sqlx::query_scalar!(
        "SELECT created_at FROM candidates WHERE id = $1",
        found.id.into_uuid()
    )
    .fetch_one(pool)
    .await?;
    let logged = LoggedRequest::parse(form, now.date_naive(), on_file_since.date_naive())?;
    // Received today: now. Earlier: the start of that day, which is what the clock counts from.
    let received_at = if logged.received_on == now.date_naive() {
        now
    } else {
        logged
            .received_on
            .and_time(chrono::NaiveTime::MIN)
            .and_utc()
    };
    let request = match logged.kind {
        crate::domain::RequestKind::Rectification => NewRequest::Rectification(Rectification {
            note: logged.note.clone(),
            corrections: Corrections::default(),
        }),
        crate::domain::RequestKind::Erasure => NewRequest::Erasure,
        _ => NewRequest::Access,
    };
    // On the heap: the request transaction is a large future.
    Box::pin(receive(
        pool,
        config,
        found.id,
        request,
        Intake::logged(
            Actor::of(viewer),
            logged.channel,
            received_at,
            logged.note,
            form_key,
        ),
        now,
    ))
    .await
}
