//! The dashboard's one query, and the CSV export of the filtered list.

use super::{CandidateLabel, Dashboard, DashboardRow, Owner};
use crate::core::state::AppState;
use crate::domain::dashboard::{sort_by_urgency, spreadsheet_safe, weekly, Counts, Filter};
use crate::domain::{Permission, RequestKind, RequestStatus, Viewer};
use crate::error::AppError;
use crate::text;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// Weeks the chart covers.
pub const CHART_WEEKS: u32 = 12;

/// Every request the filter keeps, nearest due first, with counts and the weekly chart. Names
/// are shown only where the viewer may see the candidate; anonymized ones stay anonymous.
pub async fn dashboard(
    pool: &PgPool,
    viewer: &Viewer,
    filter: &Filter,
    now: DateTime<Utc>,
) -> Result<Dashboard, AppError> {
    let scope = viewer.candidate_scope().map(|owner| owner.into_uuid());
    // Requests are few next to candidates (a handful a month per thousand), so the filter runs
    // in the domain over every request rather than being re-decided in SQL.
    let records = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, r.received_at,
                  coalesce(r.extended_until, r.due_at) AS "due_at!",
                  r.resolved_at, c.id AS candidate_id, c.name AS candidate_name,
                  c.anonymized_at IS NOT NULL AS "anonymized!",
                  owner.id AS "owner_id?", owner.name AS "owner_name?",
                  resolver.name AS "resolved_by?",
                  candidate_visible_to(c.id, $1::uuid) AS "visible!"
             FROM data_requests r
             JOIN candidates c ON c.id = r.candidate_id
             LEFT JOIN LATERAL (
                 SELECT u.id, u.name FROM opportunities o JOIN users u ON u.id = o.owner_id
                  WHERE o.candidate_id = c.id
                  ORDER BY o.archived_at IS NULL DESC, o.created_at DESC LIMIT 1
             ) owner ON true
             LEFT JOIN users resolver ON resolver.id = r.resolved_by"#,
        scope
    )
    .fetch_all(pool)
    .await?;
    let mut all = Vec::with_capacity(records.len());
    for r in records {
        let (Ok(kind), Ok(status)) = (
            r.kind.parse::<RequestKind>(),
            r.status.parse::<RequestStatus>(),
        ) else {
            tracing::error!(request = %r.id, "data request with an unknown kind or status");
            continue;
        };
        let candidate = if r.anonymized {
            CandidateLabel::Anonymized
        } else if !r.visible {
            CandidateLabel::NotYours
        } else {
            CandidateLabel::Named(r.candidate_name)
        };
        all.push(DashboardRow {
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
        });
    }
    let mut rows: Vec<DashboardRow> = all
        .into_iter()
        .filter(|row| filter.keeps(&row.facts(), now))
        .collect();
    sort_by_urgency(&mut rows, DashboardRow::facts);
    let facts: Vec<_> = rows.iter().map(DashboardRow::facts).collect();
    let weeks = weekly(&facts, CHART_WEEKS, now);
    let counts = Counts::of(&facts, now);
    let owners = sqlx::query_as!(
        Owner,
        "SELECT id, name FROM users WHERE NOT disabled ORDER BY name, id"
    )
    .fetch_all(pool)
    .await?;
    Ok(Dashboard {
        rows,
        counts,
        weeks,
        owners,
        now,
    })
}

/// GET `/compliance/requests.csv?…`: the filtered list as CSV, with what the page shows.
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
        let dashboard = dashboard(&state.pool, &viewer, &filter, now).await?;
        csv_of(&dashboard).map_err(|error| {
            tracing::error!(%error, "CSV export failed");
            AppError::Unavailable
        })
    }
    .await;
    match result {
        Ok(body) => (
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
            body,
        )
            .into_response(),
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

fn csv_of(dashboard: &Dashboard) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(text::CSV_COLUMNS)?;
    for row in &dashboard.rows {
        let due_state = row.facts().due_state(dashboard.now);
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
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
