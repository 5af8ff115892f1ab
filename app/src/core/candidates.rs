//! Candidate look-ups shared by several features.

use crate::domain::{CandidateId, EmailAddress, Viewer};
use crate::error::AppError;
use sqlx::{PgConnection, PgExecutor};
use std::collections::HashMap;
use uuid::Uuid;

/// A candidate record as far as one viewer may reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reachable {
    pub id: CandidateId,
    pub anonymized: bool,
}

/// The candidate `id`, if `viewer` may see it. `NotFound` both when there is none and when a
/// Limited Team Member owns none of its opportunities: the answer must not tell them which ids
/// exist.
pub async fn reachable(
    db: impl PgExecutor<'_>,
    viewer: &Viewer,
    id: uuid::Uuid,
) -> Result<Reachable, AppError> {
    let Some(row) = sqlx::query!(
        r#"SELECT anonymized_at IS NOT NULL AS "anonymized!",
                  candidate_visible_to(c.id, $2::uuid) AS "visible!"
             FROM candidates c WHERE c.id = $1"#,
        id,
        viewer.candidate_scope().map(|u| u.into_uuid()),
    )
    .fetch_optional(db)
    .await?
    else {
        return Err(AppError::NotFound);
    };
    if !row.visible {
        return Err(AppError::NotFound);
    }
    Ok(Reachable {
        id: CandidateId(id),
        anonymized: row.anonymized,
    })
}

/// A candidate's row, locked until the transaction ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    pub anonymized: bool,
}

/// The one lock every action on a candidate takes, before any of their other rows (requests,
/// addresses, outreach): two actions at once on one candidate are applied one after the other,
/// and always in the same order, so they never deadlock. `None` when there is no such candidate;
/// what that means (a bad link, a 404) is the caller's to say.
pub async fn lock(db: &mut PgConnection, id: CandidateId) -> Result<Option<Locked>, AppError> {
    let anonymized = sqlx::query_scalar!(
        r#"SELECT anonymized_at IS NOT NULL AS "anonymized!" FROM candidates WHERE id = $1 FOR UPDATE"#,
        id.into_uuid()
    )
    .fetch_optional(db)
    .await?;
    Ok(anonymized.map(|anonymized| Locked { anonymized }))
}

/// Makes `email` the candidate's primary address, in place of the primary one on file (which was
/// wrong: that is what a correction says). Only for an address the candidate has confirmed.
pub async fn replace_primary_email(
    db: &mut PgConnection,
    candidate: CandidateId,
    email: &str,
) -> Result<(), sqlx::Error> {
    let id = candidate.into_uuid();
    sqlx::query!(
        "DELETE FROM candidate_emails
          WHERE candidate_id = $1 AND is_primary AND lower(email) <> lower($2)",
        id,
        email
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "INSERT INTO candidate_emails (candidate_id, email, is_primary)
         SELECT $1, $2, NOT EXISTS (SELECT 1 FROM candidate_emails WHERE candidate_id = $1 AND is_primary)
         ON CONFLICT (candidate_id, lower(email)) DO NOTHING",
        id,
        email
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE candidate_emails SET is_primary = true
          WHERE candidate_id = $1 AND lower(email) = lower($2)
            AND NOT EXISTS (SELECT 1 FROM candidate_emails WHERE candidate_id = $1 AND is_primary)",
        id,
        email
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The candidate records that hold this email (case-insensitive), newest first, anonymized ones
/// excluded: an anonymized record has no emails left, so this only ever finds live people.
pub async fn find_by_email(
    db: impl PgExecutor<'_>,
    email: &EmailAddress,
) -> Result<Vec<CandidateId>, sqlx::Error> {
    let ids = sqlx::query_scalar!(
        r#"SELECT c.id
             FROM candidates c
             JOIN candidate_emails e ON e.candidate_id = c.id
            WHERE lower(e.email) = $1 AND c.anonymized_at IS NULL
            ORDER BY c.created_at DESC"#,
        email.normalized(),
    )
    .fetch_all(db)
    .await?;
    Ok(ids.into_iter().map(CandidateId).collect())
}

/// What a candidate sent with their applications, by opportunity, oldest first.
#[derive(Debug, Default)]
pub struct Sent {
    /// (question, answer)
    pub responses: HashMap<Uuid, Vec<(String, String)>>,
    /// Cover letters and other free text.
    pub comments: HashMap<Uuid, Vec<String>>,
}

pub async fn what_they_sent(db: &mut PgConnection, candidate: Uuid) -> Result<Sent, sqlx::Error> {
    let mut sent = Sent::default();
    for r in sqlx::query!(
        "SELECT r.opportunity_id, r.question, r.answer
           FROM application_responses r JOIN opportunities o ON o.id = r.opportunity_id
          WHERE o.candidate_id = $1 ORDER BY r.created_at, r.id",
        candidate
    )
    .fetch_all(&mut *db)
    .await?
    {
        sent.responses
            .entry(r.opportunity_id)
            .or_default()
            .push((r.question, r.answer));
    }
    for m in sqlx::query!(
        "SELECT m.opportunity_id, m.body
           FROM application_comments m JOIN opportunities o ON o.id = m.opportunity_id
          WHERE o.candidate_id = $1 ORDER BY m.created_at, m.id",
        candidate
    )
    .fetch_all(&mut *db)
    .await?
    {
        sent.comments
            .entry(m.opportunity_id)
            .or_default()
            .push(m.body);
    }
    Ok(sent)
}

/// A new candidate and their primary email address (added by hand or applying).
pub struct NewCandidate<'a> {
    pub name: &'a str,
    pub email: &'a EmailAddress,
    pub phone: Option<&'a str>,
    pub country: Option<crate::domain::CountryCode>,
    /// The language they gave (the application form's), if any.
    pub locale: Option<crate::domain::locale::Locale>,
}

/// Inserts the candidate and their email in the caller's transaction.
pub async fn insert(
    db: &mut PgConnection,
    candidate: &NewCandidate<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Uuid, sqlx::Error> {
    let id = sqlx::query_scalar!(
        "INSERT INTO candidates (name, location_country, phones, locale, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        candidate.name,
        candidate.country.map(|c| c.as_str().to_owned()),
        &candidate
            .phone
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        candidate.locale.map(|l| l.as_str()),
        now,
    )
    .fetch_one(&mut *db)
    .await?;
    sqlx::query!(
        "INSERT INTO candidate_emails (candidate_id, email, is_primary) VALUES ($1, $2, true)",
        id,
        candidate.email.as_str(),
    )
    .execute(&mut *db)
    .await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::PgPool;

    async fn candidate_with_email(pool: &PgPool, email: &str, days_ago: i32) -> CandidateId {
        let id: uuid::Uuid = sqlx::query_scalar(
            "INSERT INTO candidates (name, created_at) VALUES ('Someone', now() - make_interval(days => $1)) RETURNING id",
        )
        .bind(days_ago)
        .fetch_one(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, $2)")
            .bind(id)
            .bind(email)
            .execute(pool)
            .await
            .unwrap();
        CandidateId(id)
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn finds_live_records_by_email_case_insensitively_newest_first(pool: PgPool) {
        let older = candidate_with_email(&pool, "Ada@Example.com", 30).await;
        let newer = candidate_with_email(&pool, "ada@example.com", 1).await;
        let gone = candidate_with_email(&pool, "ada@example.com", 5).await;
        candidate_with_email(&pool, "bob@example.com", 1).await;
        sqlx::query("UPDATE candidates SET anonymized_at = now(), anonymization_mode = 'gdpr' WHERE id = $1")
            .bind(gone.0)
            .execute(&pool)
            .await
            .unwrap();

        let email = EmailAddress::parse("ADA@example.COM").unwrap();
        assert_eq!(find_by_email(&pool, &email).await.unwrap(), [newer, older]);
        let nobody = EmailAddress::parse("nobody@example.com").unwrap();
        assert!(find_by_email(&pool, &nobody).await.unwrap().is_empty());
    }
}
