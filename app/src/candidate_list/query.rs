//! The list's one query.

use super::{CandidatePage, CandidateRow, PAGE_SIZE};
use crate::domain::Viewer;
use crate::error::AppError;
use sqlx::PgPool;

/// Longest search text taken; the form says so with `maxlength`.
const MAX_SEARCH_CHARS: usize = 200;

pub async fn page(
    pool: &PgPool,
    viewer: &Viewer,
    search: &str,
    page: u32,
) -> Result<CandidatePage, AppError> {
    let pattern = like_pattern(search);
    let offset = i64::from(page.saturating_sub(1)) * PAGE_SIZE;
    // Anonymized candidates are listed (their requests still need proof) but never matched by a
    // search and never shown with personal data, whatever a localized policy kept.
    let rows = sqlx::query!(
        r#"SELECT c.id,
                  CASE WHEN c.anonymized_at IS NULL THEN c.name END AS name,
                  CASE WHEN c.anonymized_at IS NULL THEN c.headline END AS headline,
                  CASE WHEN c.anonymized_at IS NULL THEN
                      (SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                        ORDER BY e.is_primary DESC, e.created_at LIMIT 1)
                  END AS email,
                  greatest(c.updated_at,
                           (SELECT max(o.updated_at) FROM opportunities o WHERE o.candidate_id = c.id),
                           (SELECT max(r.received_at) FROM data_requests r WHERE r.candidate_id = c.id)
                  ) AS "last_activity!",
                  (SELECT count(*) FROM data_requests r
                    WHERE r.candidate_id = c.id AND r.status = 'open') AS "open_requests!"
             FROM candidates c
            WHERE ($1::text IS NULL
                   OR (c.anonymized_at IS NULL
                       AND (c.name ILIKE $1
                            OR EXISTS (SELECT 1 FROM candidate_emails e
                                        WHERE e.candidate_id = c.id AND e.email ILIKE $1))))
              AND candidate_visible_to(c.id, $2::uuid)
            ORDER BY 5 DESC, c.id
            LIMIT $3 OFFSET $4"#,
        pattern,
        viewer.candidate_scope().map(|u| u.into_uuid()),
        PAGE_SIZE + 1,
        offset,
    )
    .fetch_all(pool)
    .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    Ok(CandidatePage {
        rows: rows
            .into_iter()
            .take(PAGE_SIZE as usize)
            .map(|r| CandidateRow {
                id: r.id,
                name: r.name,
                email: r.email,
                headline: r.headline,
                last_activity: r.last_activity,
                open_requests: r.open_requests,
            })
            .collect(),
        page,
        has_more,
        scoped: viewer.candidate_scope().is_some(),
    })
}

/// `%text%` for ILIKE with the wildcards in the text taken literally; `None` for a blank search.
fn like_pattern(search: &str) -> Option<String> {
    let search: String = search.trim().chars().take(MAX_SEARCH_CHARS).collect();
    if search.is_empty() {
        return None;
    }
    let mut pattern = String::with_capacity(search.len() + 2);
    pattern.push('%');
    for c in search.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    Some(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_matched_literally_anywhere() {
        assert_eq!(like_pattern("  "), None);
        assert_eq!(like_pattern("ada").as_deref(), Some("%ada%"));
        assert_eq!(
            like_pattern("50%_off\\").as_deref(),
            Some("%50\\%\\_off\\\\%")
        );
        let long = "x".repeat(500);
        assert_eq!(like_pattern(&long).unwrap().len(), MAX_SEARCH_CHARS + 2);
    }
}
