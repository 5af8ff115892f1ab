//! Queuing a recruiter's email and enrolling a candidate in a campaign, each in one transaction
//! that locks the candidate first: a revocation or erasure request landing at the same moment is
//! applied either before (and then warned about here) or after (and then cancels what we queued).

use super::{CampaignChoice, EnrollmentView, Outreach, ScheduledEmail, TemplateChoice};
use crate::core::audit::{self, Actor};
use crate::core::compliance::consent_panel_of;
use crate::core::config::Config;
use crate::core::links;
use crate::core::mail::{
    self,
    editable::{first_name, EditableTemplate, Placeholders},
    OutgoingEmail,
};
use crate::domain::{
    consent_panel::{contact_check, ContactCheck, ContactWarning},
    outreach::{link_lifetime, may_contact, touchpoint_times, ContactRefusal},
    preferences::{Field, FieldError, Problem},
    CandidateId, EmailKind, Viewer,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// What the profile shows and offers for contacting the candidate; nothing once anonymized.
pub async fn outreach(
    db: &mut PgConnection,
    candidate: Uuid,
    check: ContactCheck,
    now: DateTime<Utc>,
) -> Result<Outreach, AppError> {
    if check == ContactCheck::Refused {
        return Ok(Outreach {
            check,
            templates: Vec::new(),
            campaigns: Vec::new(),
            scheduled: Vec::new(),
            enrollments: Vec::new(),
            draft_key: Uuid::nil(),
            time_zone: String::new(),
        });
    }
    let time_zone = sqlx::query_scalar!("SELECT time_zone FROM settings")
        .fetch_one(&mut *db)
        .await?;
    let templates = sqlx::query_as!(
        TemplateChoice,
        r#"SELECT id, name, subject, body_text AS body FROM email_templates
            WHERE key <> $1 ORDER BY name"#,
        crate::core::notify::APPLICATION_CONFIRMATION
    )
    .fetch_all(&mut *db)
    .await?;
    let campaigns = sqlx::query_as!(
        CampaignChoice,
        r#"SELECT c.id, c.name, array_agg(s.days_after ORDER BY s.days_after) AS "days_after!"
             FROM nurture_campaigns c JOIN nurture_steps s ON s.campaign_id = c.id
            GROUP BY c.id ORDER BY c.name"#
    )
    .fetch_all(&mut *db)
    .await?;
    let scheduled = sqlx::query_as!(
        ScheduledEmail,
        "SELECT subject, send_after FROM email_outbox
          WHERE candidate_id = $1 AND status = 'pending' AND kind = ANY($2) AND send_after > $3
          ORDER BY send_after",
        candidate,
        &EmailKind::outreach_kinds(),
        now,
    )
    .fetch_all(&mut *db)
    .await?;
    let enrollments = sqlx::query_as!(
        EnrollmentView,
        r#"SELECT c.name AS campaign,
                  min(t.send_at) FILTER (WHERE t.status = 'scheduled') AS next,
                  count(t.id) FILTER (WHERE t.status = 'scheduled') AS "remaining!"
             FROM nurture_enrollments e
             JOIN nurture_campaigns c ON c.id = e.campaign_id
             LEFT JOIN nurture_touchpoints t ON t.enrollment_id = e.id
            WHERE e.candidate_id = $1
            GROUP BY e.id, c.name
            ORDER BY min(t.send_at) FILTER (WHERE t.status = 'scheduled') NULLS LAST, c.name"#,
        candidate,
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(Outreach {
        check,
        templates,
        campaigns,
        scheduled,
        enrollments,
        draft_key: Uuid::new_v4(),
        time_zone,
    })
}

/// Whether the candidate may be contacted now, and what to confirm first.
async fn current_check(
    db: &mut PgConnection,
    config: &Config,
    candidate: Uuid,
    now: DateTime<Utc>,
) -> Result<ContactCheck, AppError> {
    let facts = sqlx::query!(
        r#"SELECT c.anonymized_at IS NOT NULL AS "anonymized!",
                  EXISTS (SELECT 1 FROM data_requests r
                           WHERE r.candidate_id = c.id AND r.kind = 'erasure' AND r.status = 'open')
                      AS "open_erasure!"
             FROM candidates c WHERE c.id = $1"#,
        candidate
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let panel = consent_panel_of(db, config, candidate, now).await?;
    Ok(contact_check(&panel, facts.anonymized, facts.open_erasure))
}

/// Locks the candidate for the action and applies the contact rule: the warnings the sender
/// confirmed, or why contact is refused.
async fn cleared_for_contact(
    tx: &mut PgConnection,
    config: &Config,
    candidate: Uuid,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ContactWarning>, AppError> {
    crate::core::candidates::lock(tx, CandidateId(candidate))
        .await?
        .ok_or(AppError::NotFound)?;
    let check = current_check(tx, config, candidate, now).await?;
    may_contact(&check, confirmed).map_err(|refusal| match refusal {
        ContactRefusal::Anonymized => AppError::Anonymized,
        ContactRefusal::NotConfirmed(_) => AppError::ConfirmFirst,
    })
}

/// The address emails to the candidate go to: their primary one, else the oldest.
async fn address_of(db: &mut PgConnection, candidate: Uuid) -> Result<String, AppError> {
    sqlx::query_scalar!(
        "SELECT email FROM candidate_emails WHERE candidate_id = $1
          ORDER BY is_primary DESC, created_at LIMIT 1",
        candidate
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NoEmailAddress)
}

fn warning_codes(warnings: &[ContactWarning]) -> Vec<&'static str> {
    warnings.iter().map(|w| w.as_str()).collect()
}

/// A recruiter's email as submitted.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub candidate: Uuid,
    /// The form's one-time key: a second submit of the same draft queues nothing more.
    pub key: Option<Uuid>,
    /// The template it started from, for the audit trail.
    pub template: Option<Uuid>,
    pub subject: &'a str,
    pub body: &'a str,
    /// `None`: at once.
    pub send_at: Option<DateTime<Utc>>,
    pub confirmed: bool,
}

/// Queues the email to the candidate (`recruiter_message`), now or at `send_at`, with the
/// placeholders filled in and the one-click unsubscribe headers. Returns the outbox id, `None`
/// when this draft was queued before.
pub async fn send_email(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    draft: Draft<'_>,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>, AppError> {
    let reachable = crate::core::candidates::reachable(pool, viewer, draft.candidate).await?;
    if reachable.anonymized {
        return Err(AppError::Anonymized);
    }
    let template = EditableTemplate::parse(draft.subject, draft.body).map_err(AppError::from)?;
    let mut tx = pool.begin().await?;
    let confirmed =
        cleared_for_contact(&mut tx, config, draft.candidate, draft.confirmed, now).await?;
    let recipient = address_of(&mut tx, draft.candidate).await?;
    let candidate = CandidateId(draft.candidate);
    let names = sqlx::query!(
        "SELECT c.name, s.organization_name FROM candidates c, settings s WHERE c.id = $1",
        draft.candidate
    )
    .fetch_one(&mut *tx)
    .await?;
    let lifetime = link_lifetime(config.link_ttl, now, draft.send_at);
    let token = config.link_keys.sign(candidate, now, lifetime);
    let content = template
        .render(&Placeholders {
            consent_link: links::preferences_url(&config.public_url, &token),
            candidate_first_name: first_name(&names.name),
            organization: names.organization_name,
        })
        .map_err(AppError::from)?;
    let queued = mail::queue(
        &mut tx,
        config,
        OutgoingEmail {
            kind: EmailKind::RecruiterMessage,
            recipient,
            content,
            candidate_id: Some(candidate),
            data_request_id: None,
            dedupe_key: draft.key.map(|key| format!("recruiter_message:{key}")),
            unsubscribe_url: Some(links::unsubscribe_url(config, candidate, now, lifetime)),
            send_after: draft.send_at,
        },
    )
    .await?;
    if let Some(outbox_id) = queued {
        audit::record(
            &mut tx,
            Actor::of(viewer),
            "email.queued",
            Some(candidate),
            None,
            json!({
                "kind": EmailKind::RecruiterMessage.as_str(),
                "outbox_id": outbox_id,
                "template_id": draft.template,
                "send_after": draft.send_at,
                "warnings_confirmed": warning_codes(&confirmed),
            }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(queued)
}

/// Enrolls the candidate in `campaign`: one scheduled touchpoint per step, counted from now.
/// A candidate whose earlier enrolment has nothing left to send (finished, or cancelled by a
/// revocation) may be enrolled again.
pub async fn enroll(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    candidate: Uuid,
    campaign: Uuid,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reachable = crate::core::candidates::reachable(pool, viewer, candidate).await?;
    if reachable.anonymized {
        return Err(AppError::Anonymized);
    }
    let mut tx = pool.begin().await?;
    let acknowledged = cleared_for_contact(&mut tx, config, candidate, confirmed, now).await?;
    address_of(&mut tx, candidate).await?;
    let steps = sqlx::query!(
        "SELECT days_after, template_id FROM nurture_steps WHERE campaign_id = $1 ORDER BY days_after",
        campaign
    )
    .fetch_all(&mut *tx)
    .await?;
    if steps.is_empty() {
        return Err(AppError::Invalid(FieldError {
            field: Field::Campaign,
            problem: Problem::Invalid,
        }));
    }
    let still_to_come = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM nurture_touchpoints t
                            JOIN nurture_enrollments e ON e.id = t.enrollment_id
                           WHERE e.campaign_id = $1 AND e.candidate_id = $2 AND t.status = 'scheduled')
               AS "exists!""#,
        campaign,
        candidate
    )
    .fetch_one(&mut *tx)
    .await?;
    if still_to_come {
        return Err(AppError::AlreadyEnrolled);
    }
    let enrollment = sqlx::query_scalar!(
        "INSERT INTO nurture_enrollments (campaign_id, candidate_id, enrolled_by) VALUES ($1, $2, $3)
         ON CONFLICT (campaign_id, candidate_id) DO UPDATE SET enrolled_by = excluded.enrolled_by
         RETURNING id",
        campaign,
        candidate,
        viewer.id.into_uuid(),
    )
    .fetch_one(&mut *tx)
    .await?;
    let days: Vec<i32> = steps.iter().map(|s| s.days_after).collect();
    let templates: Vec<Uuid> = steps.iter().map(|s| s.template_id).collect();
    sqlx::query!(
        "INSERT INTO nurture_touchpoints (enrollment_id, template_id, send_at)
         SELECT $1, template_id, send_at FROM unnest($2::uuid[], $3::timestamptz[]) AS s(template_id, send_at)",
        enrollment,
        &templates,
        &touchpoint_times(now, &days),
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "nurture.enrolled",
        Some(CandidateId(candidate)),
        None,
        json!({
            "campaign_id": campaign,
            "touchpoints": steps.len(),
            "warnings_confirmed": warning_codes(&acknowledged),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
