//! Records another system pushes (SPEC §11): a candidate with their opportunities, upserted by
//! that system's ids, and the consent decisions it collected. The integration API calls this
//! (one transaction per candidate, so a batch is a loop of them), and so will the CSV import.
//! Lifecycle changes on an existing opportunity go through `core::lifecycle`, so its rules and
//! timeline events are the profile's.

use crate::core::audit::{self, Actor};
use crate::core::candidates::{lock, reachable};
use crate::core::consent::{lock_candidate, record_consent, Decider};
use crate::core::lifecycle::take_step_in;
use crate::domain::lifecycle::{Stage, Step};
use crate::domain::preferences::{Field, Problem};
use crate::domain::records::{
    CandidateRecord, ExternalId, ImportedDecision, OpportunityRecord, PostingRecord, PostingRef,
    RecordError, Standing,
};
use crate::domain::{CandidateId, Viewer};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// Why a push was refused: a field of the record (at its path), or the call as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Field(RecordError),
    Call(AppError),
}

impl<E: Into<AppError>> From<E> for Refused {
    fn from(error: E) -> Self {
        Refused::Call(error.into())
    }
}

/// How a record finds the one Candor has. The API matches by external id alone (a record
/// without one is new); an import matches by external id, else by email address, and an
/// opportunity without an external id by its posting, so importing a file twice is a no-op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    ExternalId,
    ExternalIdOrEmail,
}

/// What a push did to the candidate and each of their opportunities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upserted {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub created: bool,
    /// Whether anything was written: a new record, or a field, an address, a number, an
    /// opportunity or a step that Candor didn't have.
    pub changed: bool,
    pub opportunities: Vec<UpsertedOpportunity>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpsertedOpportunity {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub created: bool,
    pub changed: bool,
}

/// Creates the candidate, or updates the one with the record's external id, in the caller's
/// transaction. An anonymized record stays anonymized: pushing it again is `Anonymized`.
pub async fn upsert_candidate(
    tx: &mut PgConnection,
    viewer: &Viewer,
    record: &CandidateRecord,
    now: DateTime<Utc>,
) -> Result<Upserted, Refused> {
    upsert_candidate_matching(tx, viewer, record, Matching::ExternalId, now).await
}

/// [`upsert_candidate`], finding the record as `matching` says. Audit rows are written only
/// when something changed, so a repeated push or import leaves no trace but its own.
pub async fn upsert_candidate_matching(
    tx: &mut PgConnection,
    viewer: &Viewer,
    record: &CandidateRecord,
    matching: Matching,
    now: DateTime<Utc>,
) -> Result<Upserted, Refused> {
    let (id, created) = match matching {
        Matching::ExternalIdOrEmail => match find_by_email(&mut *tx, viewer, record).await? {
            Some(id) => (id, false),
            None => claim_candidate(&mut *tx, viewer, record, now).await?,
        },
        Matching::ExternalId => claim_candidate(&mut *tx, viewer, record, now).await?,
    };
    let candidate = CandidateId(id);
    let mut changed = created;
    if !created {
        let updated = sqlx::query!(
            "UPDATE candidates
                SET name = $2,
                    location_text = coalesce($3, location_text),
                    location_country = coalesce($4, location_country),
                    locale = coalesce($5, locale),
                    created_at = least(created_at, coalesce($6::timestamptz, created_at)),
                    external_id = coalesce(external_id, $7)
              WHERE id = $1
                AND (name, location_text, location_country, locale, created_at, external_id)
                    IS DISTINCT FROM
                    ($2, coalesce($3, location_text), coalesce($4, location_country),
                     coalesce($5, locale), least(created_at, coalesce($6::timestamptz, created_at)),
                     coalesce(external_id, $7))",
            id,
            record.name,
            record.location,
            record.country.map(|c| c.as_str().to_owned()),
            record.locale.as_ref().map(|l| l.as_str().to_owned()),
            record.added_at,
            record.external_id.as_ref().map(ExternalId::as_str),
        )
        .execute(&mut *tx)
        .await?;
        changed |= updated.rows_affected() > 0;
    }
    changed |= add_contact_details(&mut *tx, id, record).await?;
    let mut opportunities = Vec::with_capacity(record.opportunities.len());
    for (index, opportunity) in record.opportunities.iter().enumerate() {
        let done = Box::pin(upsert_opportunity(
            &mut *tx,
            viewer,
            candidate,
            opportunity,
            matching,
            now,
        ))
        .await
        .map_err(|refused| match refused {
            Refused::Field(e) => Refused::Field(e.within(&format!("/opportunities/{index}"))),
            call => call,
        })?;
        changed |= done.changed;
        opportunities.push(done);
    }
    if changed {
        audit::record(
            &mut *tx,
            Actor::of(viewer),
            if created {
                "candidate.added"
            } else {
                "candidate.updated"
            },
            Some(candidate),
            None,
            serde_json::json!({
                "origin": match matching {
                    Matching::ExternalId => "integration",
                    Matching::ExternalIdOrEmail => "import",
                },
                "opportunities_added": opportunities.iter().filter(|o| o.created).count(),
                "opportunities_updated": opportunities.iter().filter(|o| o.changed && !o.created).count(),
            }),
        )
        .await?;
    }
    Ok(Upserted {
        id,
        external_id: record.external_id.as_ref().map(|e| e.as_str().to_owned()),
        created,
        changed,
        opportunities,
    })
}

/// For an import: the live record with the record's external id, else the one with one of its
/// addresses, locked. An address on a record with another external id is two people's records
/// disagreeing, and nothing is moved.
async fn find_by_email(
    tx: &mut PgConnection,
    viewer: &Viewer,
    record: &CandidateRecord,
) -> Result<Option<Uuid>, Refused> {
    if let Some(external) = &record.external_id {
        let known = sqlx::query_scalar!(
            "SELECT id FROM candidates WHERE external_id = $1",
            external.as_str()
        )
        .fetch_optional(&mut *tx)
        .await?;
        if known.is_some() {
            // The external id decides; `claim_candidate` locks and checks it.
            return Ok(None);
        }
    }
    let emails: Vec<String> = record.emails.iter().map(|e| e.normalized()).collect();
    let Some(found) = sqlx::query!(
        r#"SELECT c.id, c.external_id FROM candidates c
            WHERE c.anonymized_at IS NULL
              AND EXISTS (SELECT 1 FROM candidate_emails e
                           WHERE e.candidate_id = c.id AND lower(e.email) = ANY($1))
            ORDER BY c.created_at, c.id LIMIT 1"#,
        &emails
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let theirs = found.external_id.as_deref();
    let ours = record.external_id.as_ref().map(ExternalId::as_str);
    if theirs.is_some() && ours.is_some() && theirs != ours {
        return Err(field("/emails", Field::Email, Problem::Invalid));
    }
    let reached = reachable(&mut *tx, viewer, found.id).await?;
    let locked = lock(&mut *tx, reached.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if locked.anonymized {
        return Err(AppError::Anonymized.into());
    }
    Ok(Some(found.id))
}

/// The record to write: a new one, or the live one with the external id, locked. Two pushes of
/// one new external id at once make one record: the second waits on the unique index, then
/// updates what the first inserted.
async fn claim_candidate(
    tx: &mut PgConnection,
    viewer: &Viewer,
    record: &CandidateRecord,
    now: DateTime<Utc>,
) -> Result<(Uuid, bool), Refused> {
    let inserted = sqlx::query_scalar!(
        "INSERT INTO candidates (name, external_id, location_text, location_country, locale, created_at)
         VALUES ($1, $2, $3, $4, $5, coalesce($7::timestamptz, $6))
         ON CONFLICT (external_id) DO NOTHING
         RETURNING id",
        record.name,
        record.external_id.as_ref().map(ExternalId::as_str),
        record.location,
        record.country.map(|c| c.as_str().to_owned()),
        record.locale.as_ref().map(|l| l.as_str().to_owned()),
        now,
        record.added_at,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = inserted {
        return Ok((id, true));
    }
    let external = record
        .external_id
        .as_ref()
        .expect("only an external id conflicts");
    let id = sqlx::query_scalar!(
        "SELECT id FROM candidates WHERE external_id = $1",
        external.as_str()
    )
    .fetch_one(&mut *tx)
    .await?;
    let found = reachable(&mut *tx, viewer, id).await?;
    let locked = lock(&mut *tx, found.id).await?.ok_or(AppError::NotFound)?;
    if locked.anonymized {
        return Err(AppError::Anonymized.into());
    }
    Ok((id, false))
}

/// Adds the record's addresses and numbers the candidate doesn't have yet; the first address
/// becomes the primary one when the candidate has none. Whether any was added.
async fn add_contact_details(
    tx: &mut PgConnection,
    id: Uuid,
    record: &CandidateRecord,
) -> Result<bool, sqlx::Error> {
    let emails: Vec<String> = record
        .emails
        .iter()
        .map(|e| e.as_str().to_owned())
        .collect();
    let emails_added = sqlx::query!(
        "INSERT INTO candidate_emails (candidate_id, email, is_primary)
         SELECT $1, e.email,
                e.n = 1 AND NOT EXISTS (SELECT 1 FROM candidate_emails p
                                         WHERE p.candidate_id = $1 AND p.is_primary)
           FROM unnest($2::text[]) WITH ORDINALITY AS e (email, n)
         ON CONFLICT (candidate_id, lower(email)) DO NOTHING",
        id,
        &emails,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let phones_added = sqlx::query!(
        "UPDATE candidates
            SET phones = phones || ARRAY(SELECT p FROM unnest($2::text[]) WITH ORDINALITY AS n (p, i)
                                          WHERE p <> ALL (phones) ORDER BY i)
          WHERE id = $1 AND NOT ($2::text[] <@ phones)",
        id,
        &record.phones,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(emails_added + phones_added > 0)
}

/// Creates the opportunity, or brings the candidate's one with its external id to the record's
/// stage and standing through the lifecycle's steps.
async fn upsert_opportunity(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: CandidateId,
    record: &OpportunityRecord,
    matching: Matching,
    now: DateTime<Utc>,
) -> Result<UpsertedOpportunity, Refused> {
    let posting = match &record.posting {
        None => None,
        Some(PostingRef::Id(id)) => Some(
            sqlx::query_scalar!("SELECT id FROM postings WHERE id = $1", id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| field("/posting_id", Field::Posting, Problem::Invalid))?,
        ),
        Some(PostingRef::External(external)) => Some(
            sqlx::query_scalar!(
                "SELECT id FROM postings WHERE external_id = $1",
                external.as_str()
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| field("/posting_external_id", Field::Posting, Problem::Invalid))?,
        ),
        Some(PostingRef::Title(title)) => {
            // Exactly one posting with the title, whatever its case: two would be a guess.
            let ids = sqlx::query_scalar!(
                "SELECT id FROM postings WHERE lower(title) = lower($1) LIMIT 2",
                title
            )
            .fetch_all(&mut *tx)
            .await?;
            match ids[..] {
                [id] => Some(id),
                _ => return Err(field("/posting_title", Field::Posting, Problem::Invalid)),
            }
        }
    };
    let owner = match &record.owner_email {
        None => None,
        Some(email) => Some(
            sqlx::query_scalar!(
                "SELECT id FROM users WHERE lower(email) = lower($1)",
                email.as_str()
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| field("/owner_email", Field::Owner, Problem::Invalid))?,
        ),
    };
    let external = record.external_id.as_ref().map(ExternalId::as_str);
    let existing = match (external, matching) {
        (Some(external), _) => sqlx::query!(
            "SELECT id, candidate_id FROM opportunities WHERE external_id = $1 FOR UPDATE",
            external
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| (row.id, row.candidate_id)),
        (None, Matching::ExternalId) => None,
        // The candidate's first opportunity for the same posting (or for none).
        (None, Matching::ExternalIdOrEmail) => sqlx::query_scalar!(
            "SELECT id FROM opportunities
              WHERE candidate_id = $1 AND posting_id IS NOT DISTINCT FROM $2
              ORDER BY created_at, id LIMIT 1 FOR UPDATE",
            candidate.into_uuid(),
            posting
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|id| (id, candidate.into_uuid())),
    };
    let mut changed = false;
    let (id, created) = match existing {
        // Another candidate's id: the other system's records disagree, and nothing is moved.
        Some((_, other)) if other != candidate.into_uuid() => {
            return Err(field("/external_id", Field::ExternalId, Problem::Invalid))
        }
        Some((id, _)) => {
            if let Some(owner) = owner {
                let moved = sqlx::query!(
                    "UPDATE opportunities SET owner_id = $2 WHERE id = $1 AND owner_id IS DISTINCT FROM $2",
                    id,
                    owner
                )
                .execute(&mut *tx)
                .await?;
                changed |= moved.rows_affected() > 0;
            }
            (id, false)
        }
        None => {
            let stage = record.stage.unwrap_or(Stage::New);
            let created_at = record.applied_at.unwrap_or(now);
            let id = sqlx::query_scalar!(
                "INSERT INTO opportunities (candidate_id, posting_id, owner_id, stage, origin, external_id, created_at)
                 VALUES ($1, $2, $3, $4, 'imported', $5, $6) RETURNING id",
                candidate.into_uuid(),
                posting,
                owner,
                stage.as_str(),
                external,
                created_at,
            )
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO events (opportunity_id, kind, stage, actor_id, at) VALUES ($1, 'created', $2, $3, $4)",
                id,
                stage.as_str(),
                viewer.id.into_uuid(),
                created_at
            )
            .execute(&mut *tx)
            .await?;
            (id, true)
        }
    };
    for step in steps_towards(&mut *tx, id, record).await? {
        // An archive the other system dated happened then: the retention rules read that date.
        let at = match step {
            Step::Archive(_) => record.archived_at.unwrap_or(now),
            _ => now,
        };
        let outcome = Box::pin(take_step_in(
            &mut *tx,
            viewer,
            candidate.into_uuid(),
            id,
            step,
            at,
        ))
        .await?;
        changed |= outcome == crate::core::lifecycle::Outcome::Done;
    }
    Ok(UpsertedOpportunity {
        id,
        external_id: external.map(str::to_owned),
        created,
        changed: changed || created,
    })
}

/// The lifecycle steps that bring the stored opportunity to the record: a stage move, then the
/// standing (unarchiving first where a hire or a new stage needs it). A hired opportunity stays
/// hired: asking otherwise is the lifecycle's `OpportunityHired`.
async fn steps_towards(
    tx: &mut PgConnection,
    id: Uuid,
    record: &OpportunityRecord,
) -> Result<Vec<Step>, Refused> {
    let row = sqlx::query!(
        r#"SELECT stage, archived_at IS NOT NULL AS "archived!", hired FROM opportunities WHERE id = $1"#,
        id
    )
    .fetch_one(&mut *tx)
    .await?;
    if row.hired && !matches!(record.standing, Standing::Hired) {
        return Err(AppError::OpportunityHired.into());
    }
    let mut steps = Vec::new();
    let stage_differs = record.stage.is_some_and(|s| s.as_str() != row.stage);
    let wants_active = !matches!(record.standing, Standing::Archived(_));
    if row.archived && (wants_active || stage_differs) {
        steps.push(Step::Unarchive);
    }
    if let Some(stage) = record.stage.filter(|_| stage_differs) {
        steps.push(Step::MoveTo(stage));
    }
    match record.standing {
        Standing::Active => {}
        Standing::Hired if row.hired => {}
        Standing::Hired => steps.push(Step::Hire),
        Standing::Archived(reason) if !row.archived || stage_differs => {
            steps.push(Step::Archive(reason))
        }
        Standing::Archived(_) => {}
    }
    Ok(steps)
}

fn field(path: &str, field: Field, problem: Problem) -> Refused {
    Refused::Field(RecordError::at(path, field.error(problem)))
}

/// Creates the posting, or updates the one with the record's external id, in the caller's
/// transaction, through the posting form's own service (so its permission, checks and audit
/// are the form's). Returns the posting's id and whether it is new.
pub async fn upsert_posting(
    tx: &mut PgConnection,
    viewer: &Viewer,
    record: &PostingRecord,
) -> Result<(Uuid, bool), Refused> {
    // One push per external id at a time: two first pushes at once make one posting.
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(hashtextextended('posting:' || $1, 0))",
        record.external_id.as_str()
    )
    .execute(&mut *tx)
    .await?;
    let existing = sqlx::query_scalar!(
        "SELECT id FROM postings WHERE external_id = $1",
        record.external_id.as_str()
    )
    .fetch_optional(&mut *tx)
    .await?;
    let mut draft = record.draft.clone();
    if let Some(email) = &record.owner_email {
        let owner = sqlx::query_scalar!(
            "SELECT id FROM users WHERE lower(email) = lower($1) AND NOT disabled",
            email.as_str()
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| field("/owner_email", Field::Owner, Problem::Invalid))?;
        draft.owner = Some(crate::domain::UserId(owner));
    } else if let Some(id) = existing {
        // Left out: the owner stays who it is.
        draft.owner = sqlx::query_scalar!("SELECT owner_id FROM postings WHERE id = $1", id)
            .fetch_one(&mut *tx)
            .await?
            .map(crate::domain::UserId);
    }
    let id = crate::core::postings::save_in(&mut *tx, viewer, existing, &draft).await?;
    if existing.is_none() {
        sqlx::query!(
            "UPDATE postings SET external_id = $2 WHERE id = $1",
            id,
            record.external_id.as_str()
        )
        .execute(&mut *tx)
        .await?;
    }
    crate::core::postings::set_published_in(&mut *tx, viewer, id, record.published).await?;
    Ok((id, existing.is_none()))
}

/// Upserts one opportunity on a candidate Candor has (see [`upsert_candidate`] for what an
/// upsert changes), in the caller's transaction.
pub async fn upsert_opportunity_of(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
    record: &OpportunityRecord,
    now: DateTime<Utc>,
) -> Result<UpsertedOpportunity, Refused> {
    let found = reachable(&mut *tx, viewer, candidate).await?;
    let locked = lock(&mut *tx, found.id).await?.ok_or(AppError::NotFound)?;
    if locked.anonymized {
        return Err(AppError::Anonymized.into());
    }
    let done = Box::pin(upsert_opportunity(
        &mut *tx,
        viewer,
        found.id,
        record,
        Matching::ExternalId,
        now,
    ))
    .await?;
    audit::record(
        &mut *tx,
        Actor::of(viewer),
        "candidate.updated",
        Some(found.id),
        None,
        serde_json::json!({
            "origin": "integration",
            "opportunities_added": usize::from(done.created),
            "opportunities_updated": usize::from(!done.created),
        }),
    )
    .await?;
    Ok(done)
}

/// Appends a consent decision another system collected (source `import`), with the time,
/// basis and notice version it gives, as an event like any other. A refusal that is now the
/// latest word cancels pending outreach, as one made in Candor does. The same decision at the
/// same time, imported before, is not recorded twice: whether it was recorded now.
pub async fn import_consent(
    tx: &mut PgConnection,
    viewer: &Viewer,
    candidate: Uuid,
    decision: &ImportedDecision,
) -> Result<bool, AppError> {
    let found = reachable(&mut *tx, viewer, candidate).await?;
    lock_candidate(&mut *tx, found.id)
        .await
        .map_err(|e| match e {
            AppError::LinkRetired => AppError::Anonymized,
            AppError::LinkInvalid => AppError::NotFound,
            other => other,
        })?;
    let known = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM consent_events
                           WHERE candidate_id = $1 AND purpose = $2 AND at = $3
                             AND decision = $4 AND source = 'import') AS "known!""#,
        found.id.into_uuid(),
        decision.purpose.as_str(),
        decision.at,
        decision.decision.as_str()
    )
    .fetch_one(&mut *tx)
    .await?;
    if known {
        return Ok(false);
    }
    let settings = crate::core::settings::load(&mut *tx).await?;
    record_consent(
        &mut *tx,
        &settings,
        found.id,
        decision.purpose,
        decision.decision,
        &Decider::Imported {
            by: Actor::of(viewer),
            basis: decision.basis,
            text_version: decision.text_version.clone(),
        },
        decision.at,
    )
    .await?;
    // An old refusal arriving late changes nothing that a later decision settled.
    let latest = sqlx::query_scalar!(
        r#"SELECT max(at) AS "at!" FROM candidate_deciding_consent($1) WHERE purpose = $2"#,
        found.id.into_uuid(),
        decision.purpose.as_str()
    )
    .fetch_one(&mut *tx)
    .await?;
    if !decision.decision.allows() && latest <= decision.at {
        crate::core::consent::cancel_outreach(&mut *tx, found.id).await?;
    }
    Ok(true)
}

/// A candidate as the integration API shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateView {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub location: Option<String>,
    pub country: Option<String>,
    pub locale: Option<String>,
    pub anonymized: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub opportunities: Vec<OpportunityView>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityView {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub posting_id: Option<Uuid>,
    pub owner_email: Option<String>,
    pub stage: String,
    /// `active`, `archived` or `hired`.
    pub state: String,
    pub archive_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The candidate `id` with their addresses and opportunities, if there is one.
pub async fn read_candidate(
    pool: &sqlx::PgPool,
    id: Uuid,
) -> Result<Option<CandidateView>, AppError> {
    let Some(row) = sqlx::query!(
        r#"SELECT c.id, c.external_id, c.name, c.phones, c.location_text, c.location_country,
                  c.locale, c.anonymized_at IS NOT NULL AS "anonymized!", c.created_at, c.updated_at,
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                         ORDER BY e.is_primary DESC, e.created_at, e.id) AS "emails!"
             FROM candidates c WHERE c.id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let opportunities = sqlx::query!(
        r#"SELECT o.id, o.external_id, o.posting_id, u.email AS "owner_email?", o.stage,
                  o.archived_at IS NOT NULL AS "archived!", o.hired, o.archive_reason,
                  o.created_at, o.updated_at
             FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
            WHERE o.candidate_id = $1
            ORDER BY o.created_at, o.id"#,
        id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|o| OpportunityView {
        id: o.id,
        external_id: o.external_id,
        posting_id: o.posting_id,
        owner_email: o.owner_email,
        stage: o.stage,
        state: if o.hired {
            "hired"
        } else if o.archived {
            "archived"
        } else {
            "active"
        }
        .to_owned(),
        archive_reason: o.archive_reason,
        created_at: o.created_at,
        updated_at: o.updated_at,
    })
    .collect();
    Ok(Some(CandidateView {
        id: row.id,
        external_id: row.external_id,
        name: row.name,
        emails: row.emails,
        phones: row.phones,
        location: row.location_text,
        country: row.location_country,
        locale: row.locale,
        anonymized: row.anonymized,
        created_at: row.created_at,
        updated_at: row.updated_at,
        opportunities,
    }))
}

/// Anonymizes the candidate for another system, with the profile's engine and checks (the
/// colleague's permission, a legal hold), resting on `reason` or the open erasure request (see
/// `domain::records::anonymize_reason`). The audit row records the reason's code.
pub async fn anonymize(
    pool: &sqlx::PgPool,
    config: &crate::core::config::Config,
    viewer: &Viewer,
    candidate: Uuid,
    reason: Option<crate::domain::records::AnonymizeReason>,
    now: DateTime<Utc>,
) -> Result<crate::domain::anonymization::Removal, AppError> {
    let mut tx = pool.begin().await?;
    let found = reachable(&mut *tx, viewer, candidate).await?;
    lock(&mut tx, found.id).await?.ok_or(AppError::NotFound)?;
    let open_erasure = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM data_requests
                           WHERE candidate_id = $1 AND kind = 'erasure' AND status = 'open') AS "open!""#,
        candidate
    )
    .fetch_one(&mut *tx)
    .await?;
    let reason = crate::domain::records::anonymize_reason(reason, open_erasure)?;
    let removal = Box::pin(crate::core::anonymization::anonymize_locked(
        &mut tx,
        config,
        Actor::of(viewer),
        viewer.may(crate::domain::Permission::AnonymizeCandidates),
        found.id,
        now,
    ))
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "candidate.anonymize_reason",
        Some(found.id),
        None,
        serde_json::json!({ "reason": reason.as_str() }),
    )
    .await?;
    tx.commit().await?;
    Ok(removal)
}
