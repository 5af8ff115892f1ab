//! The dashboard's one query, and the CSV export of the filtered list.

use super::{CandidateLabel, Dashboard, DashboardRow, Owner};
use crate::core::state::AppState;
use crate::domain::dashboard::{
    chart_start, due_soon_until, spreadsheet_safe, weekly, CountGroup, Counts, Filter,
    FilterBounds, ListPosition, RequestFacts,
};
use crate::domain::paging::Position;
use crate::domain::{Permission, RequestKind, RequestStatus, Viewer};
use crate::error::AppError;
use crate::text;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use futures::StreamExt as _;
use sqlx::PgPool;
use uuid::Uuid;

/// Weeks the chart covers.
pub const CHART_WEEKS: u32 = 12;

/// Requests per page.
pub const PAGE_SIZE: i64 = 50;

/// A request row as the list queries return it.
struct Listed {
    id: Uuid,
    kind: String,
    status: String,
    received_at: DateTime<Utc>,
    due_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    candidate_id: Uuid,
    candidate_name: String,
    anonymized: bool,
    owner_id: Option<Uuid>,
    owner_name: Option<String>,
    resolved_by: Option<String>,
    visible: bool,
}

/// A query over the requests the filter keeps: `$head` up to its WHERE's first condition, then
/// the filter's bounds as $1–$8 (written once here; `FilterBounds::keeps` is the rule they
/// mirror), then `$tail`, with the query's own parameters from $9.
macro_rules! filtered {
    ($query:ident($($record:ident,)?) [$($head:tt)+], [$($tail:tt)+], $bounds:expr $(, $extra:expr)* $(,)?) => {
        sqlx::$query!(
            $($record,)?
            $($head)+
                + r#"
                  AND ($1::text IS NULL OR r.kind = $1)
                  AND ($2::text IS NULL OR r.status = $2)
                  AND ($3::timestamptz IS NULL OR coalesce(r.extended_until, r.due_at) < $3)
                  AND ($4::timestamptz IS NULL OR coalesce(r.extended_until, r.due_at) >= $4)
                  AND ($5::timestamptz IS NULL OR coalesce(r.extended_until, r.due_at) <= $5)
                  AND ($6::timestamptz IS NULL OR r.received_at >= $6)
                  AND ($7::timestamptz IS NULL OR r.received_at < $7)
                  AND ($8::uuid IS NULL OR r.owner_id = $8)"#
                + $($tail)+,
            $bounds.kind.map(|k| k.as_str()),
            $bounds.status.map(|s| s.as_str()),
            $bounds.due_before,
            $bounds.due_from,
            $bounds.due_until,
            $bounds.received_from,
            $bounds.received_before,
            $bounds.owner.map(|o| o.into_uuid())
            $(, $extra)*
        )
    };
}

/// One segment of the list: the open requests nearest due first, or the closed ones latest closed
/// first, each on its own index, from a position ($10, $11), read from `$requests` (the table, or
/// a narrower set of its rows). Names are looked up for the page's rows only, and shown only where
/// the viewer ($9) may see the candidate.
macro_rules! segment {
    ($requests:literal, $status:literal, $beyond:literal, $order:literal, $bounds:expr, $scope:expr, $position:expr, $rows:expr) => {
        filtered!(
            query_as(Listed,)[r#"SELECT r.id, r.kind, r.status, r.received_at,
                      coalesce(r.extended_until, r.due_at) AS "due_at!",
                      r.resolved_at, c.id AS candidate_id, c.name AS candidate_name,
                      c.anonymized_at IS NOT NULL AS "anonymized!",
                      owner.id AS "owner_id?", owner.name AS "owner_name?",
                      resolver.name AS "resolved_by?",
                      candidate_visible_to(c.id, $9::uuid) AS "visible!"
                 FROM "#
                + $requests
                + r#" r
                 JOIN candidates c ON c.id = r.candidate_id
                 LEFT JOIN users owner ON owner.id = r.owner_id
                 LEFT JOIN users resolver ON resolver.id = r.resolved_by
                WHERE "#
                + $status],
            [r#"
                  AND ($10::timestamptz IS NULL OR "#
                + $beyond
                + r#")
                ORDER BY "#
                + $order
                + r#"
                LIMIT $12"#],
            $bounds,
            $scope,
            $position.map(|p: Position| p.at),
            $position.map(|p: Position| p.id),
            $rows,
        )
    };
}

/// Up to `rows` requests the filter keeps, in the dashboard's order, after `after`; and where the
/// next page starts, when there is one.
pub async fn requests(
    pool: &PgPool,
    viewer: &Viewer,
    bounds: &FilterBounds,
    after: Option<ListPosition>,
    rows: i64,
) -> Result<(Vec<DashboardRow>, Option<ListPosition>), AppError> {
    let scope = viewer.candidate_scope().map(|owner| owner.into_uuid());
    let wants_open = bounds.status.is_none_or(|s| s == RequestStatus::Open);
    let wants_closed = bounds.status.is_none_or(|s| s != RequestStatus::Open);
    let mut listed = Vec::new();
    if wants_open && !matches!(after, Some(ListPosition::Closed(_))) {
        let from = match after {
            Some(ListPosition::Open(p)) => Some(p),
            _ => None,
        };
        listed = segment!(
            "data_requests",
            "r.status = 'open'",
            "(coalesce(r.extended_until, r.due_at), r.id) > ($10, $11::uuid)",
            "coalesce(r.extended_until, r.due_at), r.id",
            bounds,
            scope,
            from,
            rows + 1
        )
        .fetch_all(pool)
        .await?;
    }
    let open_shown = listed.len() as i64;
    if wants_closed && open_shown <= rows {
        let from = match after {
            Some(ListPosition::Closed(p)) => Some(p),
            _ => None,
        };
        let wanted = rows + 1 - open_shown;
        macro_rules! closed_from {
            ($requests:literal) => {
                segment!(
                    $requests,
                    "r.status <> 'open'",
                    "(r.resolved_at, r.id) < ($10, $11::uuid)",
                    "r.resolved_at DESC, r.id DESC",
                    bounds,
                    scope,
                    from,
                    wanted
                )
                .fetch_all(pool)
                .await?
            };
        }
        let closed = if bounds.closed_by_receipt() {
            // The range's closed requests by their day of receipt, then sorted: OFFSET 0 keeps
            // the planner from folding them back into the walk latest closed first, which it
            // would pick for the LIMIT without knowing the range lies deep in that walk.
            closed_from!(
                "(SELECT * FROM data_requests
                   WHERE status <> 'open' AND received_at >= $6 AND received_at < $7 OFFSET 0)"
            )
        } else {
            closed_from!("data_requests")
        };
        listed.extend(closed);
    }
    let more = listed.len() as i64 > rows;
    listed.truncate(rows as usize);
    let mut shown = Vec::with_capacity(listed.len());
    for r in listed {
        if let Some(row) = dashboard_row(r) {
            shown.push(row);
        }
    }
    let next = more.then(|| shown.last().map(position_of)).flatten();
    Ok((shown, next))
}

fn position_of(row: &DashboardRow) -> ListPosition {
    match row.closed_at {
        Some(at) if row.status != RequestStatus::Open => {
            ListPosition::Closed(Position::new(at, row.id))
        }
        _ => ListPosition::Open(Position::new(row.due_at, row.id)),
    }
}

fn dashboard_row(r: Listed) -> Option<DashboardRow> {
    let (Ok(kind), Ok(status)) = (
        r.kind.parse::<RequestKind>(),
        r.status.parse::<RequestStatus>(),
    ) else {
        tracing::error!(request = %r.id, "data request with an unknown kind or status");
        return None;
    };
    let candidate = if r.anonymized {
        CandidateLabel::Anonymized
    } else if !r.visible {
        CandidateLabel::NotYours
    } else {
        CandidateLabel::Named(r.candidate_name)
    };
    Some(DashboardRow {
        id: r.id,
        kind,
        status,
        received_at: r.received_at,
        due_at: r.due_at,
        closed_at: r.resolved_at,
        candidate_id: r.candidate_id,
        candidate,
        owner: r
            .owner_id
            .zip(r.owner_name)
            .map(|(id, name)| Owner { id, name }),
        resolved_by: r.resolved_by,
    })
}

/// One page of the requests the filter keeps, with the counts of all of them and the weekly
/// chart. Costs what the page shows, the groups counted and the chart's weeks hold, not the
/// number of requests ever made.
pub async fn dashboard(
    pool: &PgPool,
    viewer: &Viewer,
    filter: &Filter,
    after: Option<ListPosition>,
    now: DateTime<Utc>,
) -> Result<Dashboard, AppError> {
    let bounds = filter.bounds(now);
    let (rows, next) = requests(pool, viewer, &bounds, after, PAGE_SIZE).await?;
    let counts = counts(pool, &bounds, now).await?;
    let weeks = weekly(&chart_facts(pool, &bounds, now).await?, CHART_WEEKS, now);
    let owners = sqlx::query_as!(
        Owner,
        "SELECT id, name FROM users WHERE NOT disabled ORDER BY name, id"
    )
    .fetch_all(pool)
    .await?;
    Ok(Dashboard {
        rows,
        next,
        paged: after.is_some(),
        counts,
        weeks,
        owners,
        now,
    })
}

/// The counts of every request the filter keeps: the open ones counted from their index (their
/// due state depends on the time), the closed ones added up from the tallies (0041) and the
/// changes not yet folded into them.
async fn counts(
    pool: &PgPool,
    bounds: &FilterBounds,
    now: DateTime<Utc>,
) -> Result<Counts, AppError> {
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let mut groups = Vec::new();
    if bounds.status.is_none_or(|s| s == RequestStatus::Open) {
        let open = filtered!(
            query()[r#"SELECT r.kind, count(*) AS "requests!",
                      count(*) FILTER (WHERE coalesce(r.extended_until, r.due_at) < $9) AS "overdue!",
                      count(*) FILTER (WHERE coalesce(r.extended_until, r.due_at) >= $9
                                         AND coalesce(r.extended_until, r.due_at) <= $10) AS "due_soon!"
                 FROM data_requests r
                WHERE r.status = 'open'"#],
            [" GROUP BY r.kind"],
            bounds,
            now,
            due_soon_until(now),
        )
        .fetch_all(pool)
        .await?;
        groups.extend(open.into_iter().filter_map(|g| {
            Some(CountGroup {
                kind: g.kind.parse().ok()?,
                status: RequestStatus::Open,
                requests: count(g.requests),
                overdue: count(g.overdue),
                due_soon: count(g.due_soon),
            })
        }));
    }
    if bounds.status != Some(RequestStatus::Open) {
        let spans = bounds.received_spans;
        let (months_wanted, months_from, months_before) = match spans.months {
            Some((from, before)) => (true, from, before),
            None => (false, None, None),
        };
        let [head, tail] = spans.days;
        let closed = sqlx::query!(
            r#"SELECT kind AS "kind!", status AS "status!", sum(requests)::bigint AS "requests!"
                 FROM (SELECT grain, starts, kind, status, owner_id, requests
                         FROM data_request_tallies
                       UNION ALL
                       SELECT grain, starts, kind, status, owner_id, change
                         FROM data_request_tally_changes) t
                WHERE ($1::text IS NULL OR kind = $1)
                  AND ($2::text IS NULL OR status = $2)
                  AND ($3::uuid IS NULL OR owner_id = $3)
                  AND ((grain = 'month' AND $4
                        AND ($5::date IS NULL OR starts >= $5)
                        AND ($6::date IS NULL OR starts < $6))
                    OR (grain = 'day' AND ((starts >= $7 AND starts < $8)
                                        OR (starts >= $9 AND starts < $10))))
                GROUP BY kind, status"#,
            bounds.kind.map(|k| k.as_str()),
            bounds.status.map(|s| s.as_str()),
            bounds.owner.map(|o| o.into_uuid()),
            months_wanted,
            months_from,
            months_before,
            head.map(|(from, _)| from),
            head.map(|(_, before)| before),
            tail.map(|(from, _)| from),
            tail.map(|(_, before)| before),
        )
        .fetch_all(pool)
        .await?;
        groups.extend(
            closed
                .into_iter()
                .filter(|g| g.requests > 0)
                .filter_map(|g| {
                    Some(CountGroup {
                        kind: g.kind.parse().ok()?,
                        status: g.status.parse().ok()?,
                        requests: count(g.requests),
                        overdue: 0,
                        due_soon: 0,
                    })
                }),
        );
    }
    Ok(Counts::from_groups(groups))
}

/// How often `candor serve` folds the appended tally changes into the tallies.
pub const FOLD_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Folds the closed-request tally changes into the tallies (one fold at a time; a fold that
/// finds another running does nothing). Returns the changes folded.
pub async fn fold_tallies(pool: &PgPool) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar!(r#"SELECT fold_request_tallies() AS "folded!""#)
            .fetch_one(pool)
            .await?,
    )
}

/// Folds the tallies every [`FOLD_EVERY`] until shutdown: what keeps the dashboard's counts
/// adding up a bounded number of rows.
pub async fn keep_tallies(pool: PgPool, shutdown: tokio::sync::watch::Receiver<bool>) {
    crate::core::background::every(FOLD_EVERY, shutdown, || async {
        if let Err(error) = fold_tallies(&pool).await {
            tracing::warn!(%error, "folding the dashboard tallies failed; the next fold retries");
        }
    })
    .await;
}

/// The facts of the requests the filter keeps that were received or answered in the chart's
/// weeks, read through the received and closed indexes.
async fn chart_facts(
    pool: &PgPool,
    bounds: &FilterBounds,
    now: DateTime<Utc>,
) -> Result<Vec<RequestFacts>, AppError> {
    let rows = filtered!(
        query()[r#"SELECT r.kind, r.status, r.received_at,
                  coalesce(r.extended_until, r.due_at) AS "due_at!", r.resolved_at
             FROM data_requests r
            WHERE (r.received_at >= $9 OR (r.status <> 'open' AND r.resolved_at >= $9))"#],
        [""],
        bounds,
        chart_start(CHART_WEEKS, now),
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(RequestFacts {
                kind: r.kind.parse().ok()?,
                status: r.status.parse().ok()?,
                received_at: r.received_at,
                due_at: r.due_at,
                closed_at: r.resolved_at,
                owner: bounds.owner,
            })
        })
        .collect())
}

/// Rows the export reads per query: what it holds in memory at once, however long the list.
const EXPORT_CHUNK: i64 = 1_000;

/// GET `/compliance/requests.csv?…`: every request the filter keeps, as CSV, with what the page
/// shows. Streamed a chunk at a time in the page's order (keyset), so memory stays flat however
/// many requests there are.
pub async fn export_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(form): Query<crate::domain::dashboard::FilterForm>,
) -> Response {
    let now = Utc::now();
    let result = async {
        let token = crate::core::session::store::token_from(&headers, state.config.is_https())
            .ok_or(AppError::SignInRequired)?;
        let viewer =
            crate::core::session::store::resolve(&state.pool, &state.config.session, &token, now)
                .await?
                .ok_or(AppError::SignInRequired)?;
        if !viewer.may(Permission::ViewComplianceDashboard) {
            return Err(AppError::Forbidden);
        }
        let filter = Filter::parse(&form).map_err(AppError::Invalid)?;
        // The first chunk before answering: a database outage is a clear 503, not a cut file.
        let first = requests(
            &state.pool,
            &viewer,
            &filter.bounds(now),
            None,
            EXPORT_CHUNK,
        )
        .await?;
        Ok((viewer, filter, first))
    }
    .await;
    match result {
        Ok((viewer, filter, first)) => {
            let bounds = filter.bounds(now);
            let header_line = csv_lines(&[], now, true);
            let chunks = futures::stream::unfold(Some(first), move |chunk| {
                let pool = state.pool.clone();
                let viewer = viewer.clone();
                async move {
                    let (rows, next) = chunk?;
                    let lines = csv_lines(&rows, now, false);
                    let following = match next {
                        None => None,
                        Some(after) => {
                            match requests(&pool, &viewer, &bounds, Some(after), EXPORT_CHUNK).await
                            {
                                Ok(chunk) => Some(chunk),
                                Err(error) => {
                                    // Ending the body with an error makes the download fail
                                    // visibly instead of looking complete.
                                    tracing::error!(%error, "CSV export stopped");
                                    return Some((
                                        Err(std::io::Error::other("export stopped")),
                                        None,
                                    ));
                                }
                            }
                        }
                    };
                    Some((Ok(lines), following))
                }
            });
            let body = futures::stream::once(async move { Ok::<_, std::io::Error>(header_line) })
                .chain(chunks);
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"data-requests-{}.csv\"",
                            now.format("%Y-%m-%d")
                        ),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                axum::body::Body::from_stream(body),
            )
                .into_response()
        }
        Err(AppError::SignInRequired) => {
            Redirect::to(&crate::core::session::sign_in_path("/compliance")).into_response()
        }
        Err(error) => (
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST),
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            text::error_message(&error),
        )
            .into_response(),
    }
}

/// CSV lines for `rows` (with the column names first when `header`).
fn csv_lines(rows: &[DashboardRow], now: DateTime<Utc>, header: bool) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<(), csv::Error> {
        if header {
            out.write_record(text::CSV_COLUMNS)?;
        }
        for row in rows {
            let due_state = row.facts().due_state(now);
            out.write_record([
                row.id.to_string(),
                crate::text::request_kind_for_team(row.kind).to_owned(),
                spreadsheet_safe(&text::candidate_label(&row.candidate)),
                spreadsheet_safe(row.owner.as_ref().map_or("", |o| o.name.as_str())),
                row.received_at.format("%Y-%m-%d").to_string(),
                row.due_at.format("%Y-%m-%d").to_string(),
                text::request_state(row.status, due_state),
                row.closed_at
                    .map(|at| at.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                spreadsheet_safe(row.resolved_by.as_deref().unwrap_or_default()),
            ])?;
        }
        Ok(())
    };
    // Writing into memory fails only on a bug; the line is left out and said in the log.
    if let Err(error) = write() {
        tracing::error!(%error, "CSV line not written");
    }
    out.into_inner().unwrap_or_default()
}
