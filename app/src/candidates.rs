//! Candidate look-ups shared by several features.

use crate::domain::{CandidateId, EmailAddress};
use sqlx::PgExecutor;

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
