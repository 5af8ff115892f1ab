//! Nurture touchpoints whose time has come become outbox rows (or are cancelled, when the candidate
//! can no longer be written to). Claimed with SKIP LOCKED like the outbox, so two servers never
//! turn one touchpoint into two emails.

use crate::core::{
    config::Config,
    links,
    mail::{
        self,
        editable::{first_name, EditableTemplate, Placeholders},
        OutgoingEmail,
    },
};
use crate::domain::{
    touchpoint_fate, CandidateId, ConsentEvent, ConsentStatus, EmailKind, Purpose, TouchpointFate,
};
use chrono::{DateTime, Utc};
use sqlx::{types::Json, PgPool};

/// Touchpoints handled per pass; the rest wait for the next one.
const BATCH: i64 = 100;

/// Returns (queued, cancelled, whether more may be due than one batch held).
pub(super) async fn queue_due(
    pool: &PgPool,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<(usize, usize, bool), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let due = sqlx::query!(
        r#"SELECT t.id, t.send_at, c.id AS candidate_id, c.name, c.anonymized_at IS NOT NULL AS "anonymized!",
                  coalesce(v.subject, tpl.subject) AS "subject!",
                  coalesce(v.body_text, tpl.body_text) AS "body_text!",
                  (SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                    ORDER BY e.is_primary DESC, e.created_at LIMIT 1) AS address,
                  (SELECT coalesce(jsonb_agg(jsonb_build_array(purpose, decision, at)), '[]')
                     FROM candidate_deciding_consent(c.id) WHERE purpose = 'contact')
                     AS "contact_events!: Json<Vec<(String, String, DateTime<Utc>)>>"
             FROM nurture_touchpoints t
             JOIN nurture_enrollments n ON n.id = t.enrollment_id
             JOIN candidates c ON c.id = n.candidate_id
             JOIN email_templates tpl ON tpl.id = t.template_id
             -- The candidate's language's version, if the template has one (else the default).
             LEFT JOIN email_template_versions v
                    ON v.template_id = tpl.id
                   AND v.locale = coalesce(c.page_locale, split_part(c.locale, '-', 1))
            WHERE t.status = 'scheduled' AND t.send_at <= $1
            ORDER BY t.send_at
            LIMIT $2
              FOR UPDATE OF t SKIP LOCKED"#,
        now,
        BATCH,
    )
    .fetch_all(&mut *tx)
    .await?;
    if due.is_empty() {
        return Ok((0, 0, false));
    }
    let more_waiting = due.len() as i64 == BATCH;
    let organization = sqlx::query_scalar!("SELECT organization_name FROM settings")
        .fetch_one(&mut *tx)
        .await?;

    let (mut queued, mut cancelled, mut failed) = (0, 0, 0);
    for touchpoint in due {
        let contact = ConsentStatus::of(
            &ConsentEvent::from_rows(&touchpoint.contact_events.0),
            Purpose::Contact,
            None,
            now,
        );
        let fate = touchpoint_fate(
            touchpoint.anonymized,
            touchpoint.address.is_some(),
            &contact,
        );
        let candidate = CandidateId(touchpoint.candidate_id);
        let outcome = match (fate, touchpoint.address) {
            (TouchpointFate::Send, Some(address)) => {
                let token = config.link_keys.sign(candidate, now, config.link_ttl);
                let values = Placeholders {
                    consent_link: links::preferences_url(&config.public_url, &token),
                    candidate_first_name: first_name(&touchpoint.name),
                    organization: organization.clone(),
                };
                match EditableTemplate::parse(&touchpoint.subject, &touchpoint.body_text)
                    .and_then(|t| t.render(&values))
                {
                    Ok(content) => Outcome::Send(OutgoingEmail {
                        dedupe_key: Some(format!("nurture:{}", touchpoint.id)),
                        send_after: Some(touchpoint.send_at),
                        ..OutgoingEmail::to_candidate(
                            config,
                            EmailKind::Nurture,
                            address,
                            content,
                            candidate,
                            now,
                        )
                    }),
                    // Saved before templates were checked, or broken since: this touchpoint
                    // fails, saying why in words an admin can act on; the others go on.
                    Err(error) => Outcome::Fail(error.to_string()),
                }
            }
            _ => Outcome::Cancel,
        };
        let outbox_id = match outcome {
            Outcome::Send(email) => mail::queue(&mut tx, config, email).await?,
            Outcome::Cancel => None,
            Outcome::Fail(reason) => {
                tracing::warn!(touchpoint = %touchpoint.id, "nurture template unusable; touchpoint failed");
                sqlx::query!(
                    "UPDATE nurture_touchpoints SET status = 'failed', last_error = $2 WHERE id = $1",
                    touchpoint.id,
                    reason,
                )
                .execute(&mut *tx)
                .await?;
                failed += 1;
                continue;
            }
        };
        match outbox_id {
            Some(outbox_id) => {
                sqlx::query!(
                    "UPDATE nurture_touchpoints SET status = 'sent', outbox_id = $2 WHERE id = $1",
                    touchpoint.id,
                    outbox_id,
                )
                .execute(&mut *tx)
                .await?;
                queued += 1;
            }
            None => {
                sqlx::query!(
                    "UPDATE nurture_touchpoints SET status = 'cancelled' WHERE id = $1",
                    touchpoint.id,
                )
                .execute(&mut *tx)
                .await?;
                cancelled += 1;
            }
        }
    }
    tx.commit().await?;
    if failed > 0 {
        tracing::warn!(failed, "nurture touchpoints failed on their templates");
    }
    Ok((queued, cancelled, more_waiting))
}

/// What becomes of one due touchpoint.
enum Outcome {
    Send(OutgoingEmail),
    Cancel,
    Fail(String),
}
