//! Telling people: the owners (or else the Admins) who must hear of a candidate's request, by
//! email and in the app; the candidate's confirmation of what they did; and the unread count of
//! a team member's notifications.

use crate::core::config::Config;
use crate::core::links;
use crate::core::locale;
use crate::core::mail::{self, OutgoingEmail};
use crate::core::settings::Settings;
use crate::domain::consent::{choices_since, ConsentEvent, CONFIRMATION_WINDOW};
use crate::domain::{
    preferences::{alert_recipients, AlertRecipients, OwnedOpportunity},
    CandidateId, EmailKind, RequestId, RequestKind, UserId, Viewer,
};
use crate::error::AppError;
use crate::text;
use crate::text::l10n::{Arg, Tr};
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};

/// A team member an alert goes to.
pub struct Recipient {
    pub id: uuid::Uuid,
    pub email: String,
    pub name: String,
}

/// Who must hear of a candidate's request (SPEC §4): the owners of their active opportunities,
/// else the owner of the most recent one, else every Admin and Super Admin.
pub async fn owners_to_tell(
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
pub async fn admins(tx: &mut PgConnection) -> Result<Vec<Recipient>, AppError> {
    Ok(sqlx::query_as!(
        Recipient,
        "SELECT id, email, name FROM users
          WHERE role IN ('super_admin', 'admin') AND NOT disabled ORDER BY created_at"
    )
    .fetch_all(&mut *tx)
    .await?)
}

/// How an alert names the candidate: by name only where the settings allow it.
pub async fn candidate_label(
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
pub async fn alert_owners(
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
                "kind_label": crate::text::request_kind_for_team(kind),
                "kind_sentence": text::request_sentence(kind),
                "received": text::date(now),
                "due": text::date(due_at),
                "profile_url": profile_url,
            }),
        )
        .map_err(AppError::template)?;
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

/// The address Candor writes to: the primary one, else the oldest.
pub async fn candidate_address(
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
pub async fn confirm_to_candidate(
    tx: &mut PgConnection,
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    request: RequestId,
    kind: RequestKind,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(address) = candidate_address(tx, candidate).await? else {
        return Ok(());
    };
    let tr = Tr::new(locale::for_emails(tx, candidate).await?);
    let organization = || {
        (
            "organization",
            Arg::from(settings.organization_name.as_str()),
        )
    };
    let headline = tr.t_with("confirmation-request-subject", &[organization()]);
    let what = tr.t_with("request-received", &[("kind", kind.as_str().into())]);
    let content = confirmation(
        config,
        settings,
        candidate,
        tr,
        headline,
        what,
        Some(due),
        now,
    )?;
    let request = Some(request);
    mail::queue(
        tx,
        config,
        OutgoingEmail {
            data_request_id: request,
            dedupe_key: request.map(|r| format!("candidate_confirmation:{r}")),
            ..confirmation_email(config, address, content, candidate, now)
        },
    )
    .await?;
    Ok(())
}

fn confirmation_email(
    config: &Config,
    address: String,
    content: mail::Rendered,
    candidate: CandidateId,
    now: DateTime<Utc>,
) -> OutgoingEmail {
    OutgoingEmail::to_candidate(
        config,
        EmailKind::CandidateConfirmation,
        address,
        content,
        candidate,
        now,
    )
}

#[allow(clippy::too_many_arguments)]
fn confirmation(
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    tr: Tr,
    headline: String,
    what: String,
    due: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<mail::Rendered, AppError> {
    let token = config.link_keys.sign(candidate, now, config.link_ttl);
    mail::render_in(
        tr.locale(),
        settings.accent.as_ref(),
        "candidate_confirmation",
        json!({
            "headline": headline,
            "what": what,
            "due": due.map(|d| tr.date(d)),
            "organization": settings.organization_name,
            "preferences_url": links::preferences_url(&config.public_url, &token),
            "contact": settings.data_protection_contact,
        }),
    )
    .map_err(AppError::template)
}

/// The key prefix of consent confirmations (each is `consent_confirmation:<candidate>:<id>`).
const CONSENT_CONFIRMATION: &str = "consent_confirmation:";

/// Confirms the candidate's consent changes, `decided` being their deciding events with the one
/// just made: one email [`CONFIRMATION_WINDOW`] after the first change of a burst, rewritten by
/// each change until it goes so that it states the final choice of every purpose changed.
///
/// [`CONFIRMATION_WINDOW`]: crate::domain::consent::CONFIRMATION_WINDOW
pub async fn confirm_consent(
    tx: &mut PgConnection,
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    decided: &[ConsentEvent],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(address) = candidate_address(tx, candidate).await? else {
        return Ok(());
    };
    // The pending one, if any: not yet claimed by the outbox (claiming takes the row lock, so
    // a confirmation being sent is never rewritten; the change then starts a new one).
    let pending = sqlx::query!(
        "SELECT id, send_after FROM email_outbox
          WHERE candidate_id = $1 AND status = 'pending' AND kind = 'candidate_confirmation'
            AND dedupe_key LIKE 'consent_confirmation:%' AND send_after > $2
          ORDER BY send_after DESC LIMIT 1
          FOR UPDATE",
        candidate.into_uuid(),
        now
    )
    .fetch_optional(&mut *tx)
    .await?;
    let since = pending
        .as_ref()
        .map_or(now, |p| p.send_after - CONFIRMATION_WINDOW);
    let tr = Tr::new(locale::for_emails(tx, candidate).await?);
    let what = choices_since(decided, since)
        .into_iter()
        .map(|(purpose, allowed)| {
            tr.t_with(
                if allowed {
                    "consent-given"
                } else {
                    "consent-revoked"
                },
                &[("purpose", purpose.as_str().into())],
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let headline = tr.t_with(
        "confirmation-choice-subject",
        &[("organization", settings.organization_name.as_str().into())],
    );
    let content = confirmation(config, settings, candidate, tr, headline, what, None, now)?;
    match pending {
        Some(pending) => {
            sqlx::query!(
                "UPDATE email_outbox SET recipient = $2, subject = $3, body_text = $4, body_html = $5
                  WHERE id = $1",
                pending.id,
                address,
                content.subject,
                content.text,
                content.html,
            )
            .execute(&mut *tx)
            .await?;
        }
        None => {
            mail::queue(
                tx,
                config,
                OutgoingEmail {
                    dedupe_key: Some(format!(
                        "{CONSENT_CONFIRMATION}{candidate}:{}",
                        uuid::Uuid::new_v4()
                    )),
                    send_after: Some(now + CONFIRMATION_WINDOW),
                    ..confirmation_email(config, address, content, candidate, now)
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// How many of `viewer`'s notifications are unread (the header's bell), counted up to one more
/// than [`BELL_COUNTS_UP_TO`].
///
/// [`BELL_COUNTS_UP_TO`]: crate::domain::profile::BELL_COUNTS_UP_TO
pub async fn unread(pool: &PgPool, viewer: &Viewer) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!"
             FROM (SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NULL LIMIT $2) u"#,
        viewer.id.into_uuid(),
        crate::domain::profile::BELL_COUNTS_UP_TO + 1
    )
    .fetch_one(pool)
    .await?)
}

/// The key of the editable template every applicant is sent.
pub const APPLICATION_CONFIRMATION: &str = "application_confirmation";

/// The applicant's confirmation with their preferences link (SPEC §10), queued in the
/// application's own transaction. The template is the Super Admin's to edit; one that can no
/// longer be filled in is logged and skipped, and the application stands.
pub async fn confirm_application(
    tx: &mut PgConnection,
    config: &Config,
    settings: &Settings,
    candidate: CandidateId,
    name: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::core::mail::editable::{first_name, EditableTemplate, Placeholders};
    let locale = locale::for_emails(tx, candidate).await?;
    let Some((subject, body)) =
        crate::core::mail::editable::in_language(tx, APPLICATION_CONFIRMATION, locale).await?
    else {
        tracing::warn!("the application confirmation template is missing; none sent");
        return Ok(());
    };
    let token = config.link_keys.sign(candidate, now, config.link_ttl);
    let values = Placeholders {
        consent_link: links::preferences_url(&config.public_url, &token),
        candidate_first_name: first_name(name),
        organization: settings.organization_name.clone(),
    };
    let content = match EditableTemplate::parse(&subject, &body).and_then(|t| t.render(&values)) {
        Ok(content) => content,
        Err(error) => {
            tracing::warn!(%error, "the application confirmation template can't be filled in; none sent");
            return Ok(());
        }
    };
    mail::queue(
        tx,
        config,
        OutgoingEmail {
            dedupe_key: Some(format!("application_confirmation:{candidate}")),
            ..OutgoingEmail::to_candidate(
                config,
                EmailKind::CandidateConfirmation,
                address.to_owned(),
                content,
                candidate,
                now,
            )
        },
    )
    .await?;
    Ok(())
}
