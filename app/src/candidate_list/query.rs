//! The list's queries: one keyset page in either direction, on the activity index.

use super::{CandidatePage, CandidateRow, PageStart, PAGE_SIZE};
use crate::domain::paging::Position;
use crate::domain::search::{SearchTerm, SHORT_TERM_WINDOW};
use crate::domain::Viewer;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

struct Listed {
    id: Uuid,
    name: Option<String>,
    headline: Option<String>,
    email: Option<String>,
    last_activity_at: DateTime<Utc>,
    open_requests: i64,
}

/// One page in one direction: `$beyond` compares a row's place with the position (`<` walks to
/// older rows, `>` to newer ones) and `$order` walks the activity index that way. Every other
/// condition is written once. Parameters: the search pattern, the short term's window, the
/// Limited Team Member, the position, the row count.
///
/// The page's places are found first, on the activity index alone (`page`): without a search
/// that is an index-only scan, so a Limited Team Member's list, which skips past every candidate
/// they may not see, reads index entries rather than a row of the table for each. Only the page's
/// rows are then read whole.
///
/// Anonymized candidates are listed (their requests still need proof) but never matched by a
/// search (their `search_text` is NULL) and never shown with personal data, whatever a localized
/// policy kept.
macro_rules! listed {
    ($beyond:literal, $order:literal, $pattern:expr, $window:expr, $member:expr, $position:expr, $rows:expr) => {
        sqlx::query_as!(
            Listed,
            r#"SELECT c.id,
                      CASE WHEN c.anonymized_at IS NULL THEN c.name END AS name,
                      CASE WHEN c.anonymized_at IS NULL THEN c.headline END AS headline,
                      CASE WHEN c.anonymized_at IS NULL THEN
                          (SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                            ORDER BY e.is_primary DESC, e.created_at LIMIT 1)
                      END AS email,
                      c.last_activity_at,
                      (SELECT count(*) FROM data_requests r
                        WHERE r.candidate_id = c.id AND r.status = 'open') AS "open_requests!"
                 FROM (SELECT p.id, p.last_activity_at FROM candidates p
                        WHERE ($1::text IS NULL OR p.search_text ILIKE $1)
                          AND ($2::timestamptz IS NULL OR (p.last_activity_at, p.id) >= ($2, $7::uuid))
                          AND ($3::uuid IS NULL
                               OR p.id IN (SELECT m.candidate_id FROM member_candidates($3) m))
                          AND ($4::timestamptz IS NULL OR (p.last_activity_at, p.id) "#
                + $beyond
                + r#" ($4, $5::uuid))
                        ORDER BY p.last_activity_at "#
                + $order
                + ", p.id "
                + $order
                + r#" LIMIT $6) page
                 JOIN candidates c ON c.id = page.id
                ORDER BY page.last_activity_at "#
                + $order
                + ", page.id "
                + $order,
            $pattern,
            $window.map(|w: Position| w.at),
            $member,
            $position.map(|p: Position| p.at),
            $position.map(|p: Position| p.id),
            $rows,
            $window.map(|w: Position| w.id),
        )
    };
}

pub async fn page(
    pool: &PgPool,
    viewer: &Viewer,
    search: &str,
    start: PageStart,
) -> Result<CandidatePage, AppError> {
    let term = SearchTerm::parse(search);
    let pattern = term.as_ref().map(|t| t.like_pattern().to_owned());
    let windowed = term.as_ref().is_some_and(|t| !t.reaches_everyone());
    let window = if windowed {
        window_start(pool).await?
    } else {
        None
    };
    let member = viewer.candidate_scope().map(|u| u.into_uuid());
    let shown = |rows: Vec<Listed>, newer: bool, older: bool| {
        let rows: Vec<CandidateRow> = rows.into_iter().map(CandidateRow::from).collect();
        CandidatePage {
            newer: newer
                .then(|| rows.first().map(CandidateRow::position))
                .flatten(),
            older: older
                .then(|| rows.last().map(CandidateRow::position))
                .flatten(),
            rows,
            scoped: member.is_some(),
            windowed,
        }
    };
    let older_rows = |after: Option<Position>| {
        let pattern = pattern.clone();
        async move {
            let mut rows = listed!("<", "DESC", pattern, window, member, after, PAGE_SIZE + 1)
                .fetch_all(pool)
                .await?;
            let more = rows.len() as i64 > PAGE_SIZE;
            rows.truncate(PAGE_SIZE as usize);
            Ok::<_, AppError>((rows, more))
        }
    };
    match start {
        PageStart::Newest => {
            let (rows, more) = older_rows(None).await?;
            Ok(shown(rows, false, more))
        }
        PageStart::After(position) => {
            let (rows, more) = older_rows(Some(position)).await?;
            Ok(shown(rows, true, more))
        }
        PageStart::Before(position) => {
            let mut rows = listed!(
                ">",
                "ASC",
                pattern,
                window,
                member,
                Some(position),
                PAGE_SIZE + 1
            )
            .fetch_all(pool)
            .await?;
            if rows.len() as i64 <= PAGE_SIZE {
                // Back at the top: the newest page, full, rather than a short page above it.
                let (rows, more) = older_rows(None).await?;
                return Ok(shown(rows, false, more));
            }
            rows.truncate(PAGE_SIZE as usize);
            rows.reverse();
            Ok(shown(rows, true, true))
        }
    }
}

/// Where a short term's search ends: the [`SHORT_TERM_WINDOW`]-th most recent candidate's place,
/// read off the index (a place, not a time: many candidates may share one time). `None` when
/// there are fewer candidates than that.
async fn window_start(pool: &PgPool) -> Result<Option<Position>, AppError> {
    Ok(sqlx::query!(
        "SELECT last_activity_at, id FROM candidates
          ORDER BY last_activity_at DESC, id DESC OFFSET $1 LIMIT 1",
        SHORT_TERM_WINDOW - 1,
    )
    .fetch_optional(pool)
    .await?
    .map(|r| Position::new(r.last_activity_at, r.id)))
}

impl From<Listed> for CandidateRow {
    fn from(row: Listed) -> Self {
        Self {
            id: row.id,
            name: row.name,
            email: row.email,
            headline: row.headline,
            last_activity: row.last_activity_at,
            open_requests: row.open_requests,
        }
    }
}
