//! The anonymization engine (SPEC §6): one transaction that locks the candidate, checks the
//! permission and any legal hold, removes what the domain's [`Removal`] says, keeps each email as
//! a keyed hash with its contact decision, resolves every open request as `anonymized` and writes
//! the audit rows. The Anonymize button and the retention sweep both come through here.

use crate::core::audit::{self, Actor};
use crate::core::compliance::{anonymized_decisions, contact_digests};
use crate::core::config::Config;
use crate::core::webhooks;
use crate::domain::anonymization::{
    may_anonymize, policies_in_force, AnonymizationMode, AnonymizationPreview, FieldCount,
    KnownValues, PersonalField, Refusal, Removal, Scrubber, REMOVED,
};
use crate::domain::contact::{contact_by_email, ContactDecision};
use crate::domain::webhooks::EventType;
use crate::domain::{CandidateId, CountryCode, Permission, RequestId, Viewer};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Anonymizes a candidate for a signed-in team member.
pub async fn anonymize(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    candidate: Uuid,
    now: DateTime<Utc>,
) -> Result<Removal, AppError> {
    let mut tx = pool.begin().await?;
    let reachable = crate::core::candidates::reachable(&mut *tx, viewer, candidate).await?;
    let removal = anonymize_locked(
        &mut tx,
        config,
        Actor::of(viewer),
        viewer.may(Permission::AnonymizeCandidates),
        reachable.id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(removal)
}

/// The engine, inside the caller's transaction. `permitted` is the actor's right to anonymize
/// (the sweep acts for the organization and passes `true`).
pub async fn anonymize_locked(
    tx: &mut PgConnection,
    config: &Config,
    actor: Actor,
    permitted: bool,
    candidate: CandidateId,
    now: DateTime<Utc>,
) -> Result<Removal, AppError> {
    let id = candidate.into_uuid();
    crate::core::candidates::lock(tx, candidate)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = sqlx::query!(
        r#"SELECT name, phones, skype, links, anonymized_at IS NOT NULL AS "anonymized!",
                  EXISTS (SELECT 1 FROM legal_holds h WHERE h.candidate_id = c.id AND h.lifted_at IS NULL)
                      AS "on_hold!",
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id) AS "emails!"
             FROM candidates c WHERE c.id = $1"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    may_anonymize(permitted, person.anonymized, person.on_hold).map_err(|r| match r {
        Refusal::NoPermission => AppError::Forbidden,
        Refusal::AlreadyAnonymized => AppError::Anonymized,
        Refusal::LegalHold => AppError::LegalHold,
    })?;
    let removal = removal_for(&mut *tx, candidate).await?;
    let known = KnownValues {
        name: person.name,
        emails: person.emails.clone(),
        phones: person.phones,
        skype: person.skype,
        links: person.links,
    };

    keep_contact_decisions(&mut *tx, config, candidate, &person.emails, now).await?;
    scrub_team_text(
        &mut *tx,
        candidate,
        &Scrubber::new(&known, &removal.scrubbed_in_team_text()),
    )
    .await?;
    remove_fields(&mut *tx, candidate, &removal, now).await?;
    stop_emails(&mut *tx, candidate, &removal).await?;

    let resolved_by = actor.user().map(|user| user.into_uuid());
    let resolved = sqlx::query!(
        "UPDATE data_requests
            SET status = 'resolved', resolution = 'anonymized', resolved_at = $2, resolved_by = $3
          WHERE candidate_id = $1 AND status = 'open'
      RETURNING id, kind",
        id,
        now,
        resolved_by,
    )
    .fetch_all(&mut *tx)
    .await?;
    for request in &resolved {
        audit::record(
            &mut *tx,
            actor,
            "data_request.resolved",
            Some(candidate),
            Some(RequestId(request.id)),
            json!({ "kind": request.kind, "resolution": "anonymized" }),
        )
        .await?;
        webhooks::emit_request(
            &mut *tx,
            EventType::DataRequestResolved,
            RequestId(request.id),
            now,
        )
        .await?;
    }
    audit::record(
        &mut *tx,
        actor,
        "candidate.anonymized",
        Some(candidate),
        None,
        json!({
            "mode": removal.mode.as_str(),
            "removed": removal.fields.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
            "requests_resolved": resolved.len(),
        }),
    )
    .await?;
    webhooks::emit(
        &mut *tx,
        EventType::CandidateAnonymized,
        candidate,
        webhooks::object(json!({ "mode": removal.mode.as_str(), "anonymized_at": now })),
        None,
        now,
    )
    .await?;
    Ok(removal)
}

/// What anonymizing this candidate would remove under the current settings.
async fn removal_for(db: &mut PgConnection, candidate: CandidateId) -> Result<Removal, AppError> {
    let settings = crate::core::settings::load(&mut *db).await?;
    let mode = AnonymizationMode::for_compliance(settings.mode);
    if mode == AnonymizationMode::Gdpr {
        return Ok(Removal::new(mode, &[]));
    }
    let countries = sqlx::query!(
        r#"SELECT coalesce(c.gdpr_country_override, c.location_country) AS own,
                  ARRAY(SELECT p.location_country FROM opportunities o
                          JOIN postings p ON p.id = o.posting_id
                         WHERE o.candidate_id = c.id) AS "postings!: Vec<Option<String>>"
             FROM candidates c WHERE c.id = $1"#,
        candidate.into_uuid()
    )
    .fetch_one(&mut *db)
    .await?;
    let policies: Vec<(CountryCode, Vec<PersonalField>)> =
        sqlx::query!("SELECT country, removed_fields FROM country_policies WHERE enabled")
            .fetch_all(&mut *db)
            .await?
            .into_iter()
            .filter_map(|p| {
                let fields = p
                    .removed_fields
                    .iter()
                    .filter_map(|f| f.parse().ok())
                    .collect();
                Some((CountryCode::parse(&p.country).ok()?, fields))
            })
            .collect();
    let code = |c: &Option<String>| c.as_deref().and_then(|c| CountryCode::parse(c).ok());
    let postings: Vec<Option<CountryCode>> = countries.postings.iter().map(code).collect();
    let in_force = policies_in_force(&postings, code(&countries.own), &policies);
    Ok(Removal::new(mode, &in_force))
}

/// Each address survives only as an HMAC with the contact decision in force for it, so a
/// returning person's "do not contact" resurfaces (SPEC §5), whether it came from an
/// unsubscribe or from the consent rule.
async fn keep_contact_decisions(
    db: &mut PgConnection,
    config: &Config,
    candidate: CandidateId,
    emails: &[String],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut decisions: Vec<ContactDecision> = sqlx::query!(
        r#"SELECT decision AS "decision!", at AS "at!"
             FROM candidate_deciding_consent($1) WHERE purpose = 'contact'"#,
        candidate.into_uuid()
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .filter_map(|e| {
        Some(ContactDecision {
            allows: e
                .decision
                .parse::<crate::domain::ConsentDecision>()
                .ok()?
                .allows(),
            at: e.at,
        })
    })
    .collect();
    decisions.extend(anonymized_decisions(&mut *db, config, emails).await?);
    // A stop by the consent rule is kept as firmly as an unsubscribe (reference 001: "in both
    // cases"), dated when it took effect.
    let panel =
        crate::core::compliance::consent_panel_of(&mut *db, config, candidate.into_uuid(), now)
            .await?;
    decisions.extend(
        panel
            .stopped_by_consent_rule
            .map(ContactDecision::stopped_at),
    );
    let status = if contact_by_email(&decisions).is_do_not_contact() {
        "do_not_contact"
    } else {
        "allowed"
    };
    let decided_at = decisions.iter().map(|d| d.at).max().unwrap_or(now);
    let digests = contact_digests(config, emails);
    sqlx::query!(
        "INSERT INTO anonymized_contacts (email_hmac, contact_status, decided_at, anonymized_at)
         SELECT DISTINCT digest, $2::text, $3::timestamptz, $4::timestamptz
           FROM unnest($1::bytea[]) AS digest",
        &digests[..],
        status,
        decided_at,
        now,
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Replaces the person's known values inside everything the team wrote about them: notes,
/// feedback, archive reasons, the reasons given on their requests and legal holds.
async fn scrub_team_text(
    db: &mut PgConnection,
    candidate: CandidateId,
    scrubber: &Scrubber,
) -> Result<(), AppError> {
    let texts = sqlx::query!(
        r#"SELECT 'note' AS "place!", id AS "id!", body AS "text!" FROM notes WHERE candidate_id = $1
           UNION ALL
           SELECT 'feedback', f.id, f.body FROM feedback f
             JOIN opportunities o ON o.id = f.opportunity_id WHERE o.candidate_id = $1
           UNION ALL
           SELECT 'archive_reason', id, archive_reason FROM opportunities
            WHERE candidate_id = $1 AND archive_reason IS NOT NULL
           UNION ALL
           SELECT 'extension_reason', id, extension_reason FROM data_requests
            WHERE candidate_id = $1 AND extension_reason IS NOT NULL
           UNION ALL
           SELECT 'refusal_reason', id, refusal_reason FROM data_requests
            WHERE candidate_id = $1 AND refusal_reason IS NOT NULL
           UNION ALL
           SELECT 'hold_reason', id, reason FROM legal_holds WHERE candidate_id = $1"#,
        candidate.into_uuid()
    )
    .fetch_all(&mut *db)
    .await?;
    let (mut places, mut ids, mut scrubbed) = (Vec::new(), Vec::new(), Vec::new());
    for row in texts {
        if let Some(text) = scrubber.scrub(&row.text) {
            places.push(row.place);
            ids.push(row.id);
            scrubbed.push(text);
        }
    }
    if ids.is_empty() {
        return Ok(());
    }
    sqlx::query!(
        r#"WITH changed AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(place, id, text)),
                notes_done AS (UPDATE notes n SET body = c.text FROM changed c
                                WHERE c.place = 'note' AND n.id = c.id),
                feedback_done AS (UPDATE feedback f SET body = c.text FROM changed c
                                   WHERE c.place = 'feedback' AND f.id = c.id),
                archive_done AS (UPDATE opportunities o SET archive_reason = c.text FROM changed c
                                  WHERE c.place = 'archive_reason' AND o.id = c.id),
                hold_done AS (UPDATE legal_holds h SET reason = c.text FROM changed c
                               WHERE c.place = 'hold_reason' AND h.id = c.id)
           -- One statement may change a row once: both reasons of a request change together.
           UPDATE data_requests r
              SET extension_reason = coalesce((SELECT c.text FROM changed c
                                                WHERE c.place = 'extension_reason' AND c.id = r.id),
                                              r.extension_reason),
                  refusal_reason = coalesce((SELECT c.text FROM changed c
                                              WHERE c.place = 'refusal_reason' AND c.id = r.id),
                                            r.refusal_reason)
            WHERE r.id IN (SELECT c.id FROM changed c
                            WHERE c.place IN ('extension_reason', 'refusal_reason'))"#,
        &places[..],
        &ids[..],
        &scrubbed[..],
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Removes the fields the removal names, and marks the record anonymized.
async fn remove_fields(
    db: &mut PgConnection,
    candidate: CandidateId,
    removal: &Removal,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use PersonalField::*;
    let id = candidate.into_uuid();
    sqlx::query!(
        "UPDATE candidates
            SET name = CASE WHEN $2 THEN '' ELSE name END,
                headline = CASE WHEN $2 THEN NULL ELSE headline END,
                phones = CASE WHEN $3 THEN '{}' ELSE phones END,
                skype = CASE WHEN $4 THEN NULL ELSE skype END,
                links = CASE WHEN $5 THEN '{}' ELSE links END,
                location_text = CASE WHEN $6 THEN NULL ELSE location_text END,
                location_country = CASE WHEN $6 THEN NULL ELSE location_country END,
                gdpr_country_override = CASE WHEN $6 THEN NULL ELSE gdpr_country_override END,
                locale = CASE WHEN $6 THEN NULL ELSE locale END,
                page_locale = CASE WHEN $6 THEN NULL ELSE page_locale END,
                anonymized_at = $7, anonymization_mode = $8
          WHERE id = $1",
        id,
        removal.removes(Name),
        removal.removes(Phones),
        removal.removes(Skype),
        removal.removes(Links),
        removal.removes(Location),
        now,
        removal.mode.as_str(),
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "WITH emails AS (DELETE FROM candidate_emails WHERE candidate_id = $1 AND $2),
              -- Addresses never confirmed were never the candidate's to keep.
              unconfirmed AS (DELETE FROM email_confirmations WHERE candidate_id = $1),
              files AS (DELETE FROM attachments WHERE candidate_id = $1 AND $3),
              answers AS (DELETE FROM application_responses
                           WHERE $4 AND opportunity_id IN (SELECT id FROM opportunities WHERE candidate_id = $1))
         DELETE FROM application_comments
          WHERE $5 AND opportunity_id IN (SELECT id FROM opportunities WHERE candidate_id = $1)",
        id,
        removal.removes(Emails),
        removal.removes(Attachments),
        removal.removes(ApplicationResponses),
        removal.removes(ApplicationComments),
    )
    .execute(&mut *db)
    .await?;
    if removal.removes_copies() {
        // The consent history stays; only its free-text notes go (the one change the
        // append-only guard allows, and only inside this setting).
        sqlx::query_scalar!("SELECT set_config('candor.anonymizing', 'on', true)")
            .fetch_one(&mut *db)
            .await?;
        sqlx::query!(
            "WITH requests AS (UPDATE data_requests SET details = NULL, corrections = NULL
                                WHERE candidate_id = $1 AND (details IS NOT NULL OR corrections IS NOT NULL))
             UPDATE consent_events SET note = $2
              WHERE candidate_id = $1 AND note IS NOT NULL AND note <> $2",
            id,
            REMOVED,
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// Nothing more is sent to an anonymized person; what was sent keeps its date and kind but loses
/// its recipient, words and attached files when the removal takes copies.
async fn stop_emails(
    db: &mut PgConnection,
    candidate: CandidateId,
    removal: &Removal,
) -> Result<(), AppError> {
    let id = candidate.into_uuid();
    sqlx::query!(
        "WITH touchpoints AS (
             UPDATE nurture_touchpoints t SET status = 'cancelled'
               FROM nurture_enrollments e
              WHERE t.enrollment_id = e.id AND e.candidate_id = $1 AND t.status = 'scheduled')
         UPDATE email_outbox SET status = 'cancelled'
          WHERE status = 'pending'
            AND (candidate_id = $1
                 OR data_request_id IN (SELECT r.id FROM data_requests r WHERE r.candidate_id = $1))",
        id
    )
    .execute(&mut *db)
    .await?;
    if removal.removes_copies() {
        sqlx::query!(
            "DELETE FROM email_attachments
              WHERE outbox_id IN (SELECT o.id FROM email_outbox o
                                   WHERE o.candidate_id = $1
                                      OR o.data_request_id IN (SELECT r.id FROM data_requests r
                                                                WHERE r.candidate_id = $1))",
            id
        )
        .execute(&mut *db)
        .await?;
        sqlx::query!(
            "UPDATE email_outbox
                SET recipient = $2, subject = $2, body_text = '', body_html = '', headers = '{}',
                    last_error = NULL
              WHERE candidate_id = $1
                 OR data_request_id IN (SELECT r.id FROM data_requests r WHERE r.candidate_id = $1)",
            id,
            REMOVED,
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// What the confirm dialog shows for this candidate: what goes and what stays, with counts, and
/// any legal hold that blocks it.
pub async fn preview(
    db: &mut PgConnection,
    candidate: CandidateId,
) -> Result<AnonymizationPreview, AppError> {
    let removal = removal_for(&mut *db, candidate).await?;
    let c = sqlx::query!(
        r#"SELECT (btrim(c.name) <> '')::int AS "name!",
                  (SELECT count(*) FROM candidate_emails e WHERE e.candidate_id = c.id) AS "emails!",
                  cardinality(c.phones) AS "phones!",
                  (c.skype IS NOT NULL)::int AS "skype!",
                  cardinality(c.links) AS "links!",
                  (c.location_text IS NOT NULL OR c.location_country IS NOT NULL)::int AS "location!",
                  (SELECT count(*) FROM attachments a WHERE a.candidate_id = c.id) AS "attachments!",
                  (SELECT count(*) FROM application_responses r JOIN opportunities o ON o.id = r.opportunity_id
                    WHERE o.candidate_id = c.id) AS "responses!",
                  (SELECT count(*) FROM application_comments m JOIN opportunities o ON o.id = m.opportunity_id
                    WHERE o.candidate_id = c.id) AS "comments!"
             FROM candidates c WHERE c.id = $1"#,
        candidate.into_uuid()
    )
    .fetch_one(&mut *db)
    .await?;
    let count = |field| -> i64 {
        use PersonalField::*;
        match field {
            Name => c.name.into(),
            Emails => c.emails,
            Phones => c.phones.into(),
            Skype => c.skype.into(),
            Links => c.links.into(),
            Location => c.location.into(),
            Attachments => c.attachments,
            ApplicationResponses => c.responses,
            ApplicationComments => c.comments,
        }
    };
    let counts = PersonalField::ALL
        .iter()
        .map(|f| FieldCount {
            field: *f,
            count: count(*f),
        })
        .collect();
    Ok(AnonymizationPreview {
        removed: removal.removed_summary(),
        kept: removal.kept_summary(),
        counts,
        mode: removal.mode,
    })
}
