//! The audit trail of one request or one candidate (SPEC §7): who did what and when, from
//! `audit_log` and `consent_events`. Both hold ids only; names are looked up as the page is read,
//! so an anonymized candidate stays anonymous and the proof of their erasure stays whole.

use super::CandidateLabel;
pub use crate::domain::dashboard::TrailActor as Actor;
use crate::domain::{RequestKind, RequestStatus};
use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub what: String,
}

/// The request a trail is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    pub candidate_id: Uuid,
    pub candidate: CandidateLabel,
    /// Set on a request's trail.
    pub request: Option<RequestSummary>,
    /// Oldest first.
    pub entries: Vec<Entry>,
}

#[server(endpoint = "compliance/trail")]
pub async fn load_trail(
    request: Option<String>,
    candidate: Option<String>,
) -> Result<Trail, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            if !viewer.may(crate::domain::Permission::ViewComplianceDashboard) {
                return Err(AppError::Forbidden);
            }
            let id = |raw: Option<String>| raw.and_then(|r| r.parse::<Uuid>().ok());
            match (id(request), id(candidate)) {
                (Some(request), _) => service::request_trail(&state.pool, &viewer, request).await,
                (None, Some(candidate)) => {
                    service::candidate_trail(&state.pool, &viewer, candidate).await
                }
                _ => Err(AppError::NotFound),
            }
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{Actor, Entry, RequestSummary, Trail};
    use crate::dashboard::CandidateLabel;
    use crate::domain::Viewer;
    use crate::error::AppError;
    use crate::text;
    use sqlx::PgPool;
    use uuid::Uuid;

    pub async fn request_trail(
        pool: &PgPool,
        viewer: &Viewer,
        id: Uuid,
    ) -> Result<Trail, AppError> {
        let r = sqlx::query!(
            r#"SELECT r.candidate_id, r.kind, r.status, r.received_at,
                      coalesce(r.extended_until, r.due_at) AS "due_at!", r.resolved_at,
                      u.name AS "closed_by?"
                 FROM data_requests r LEFT JOIN users u ON u.id = r.resolved_by
                WHERE r.id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
        let request = RequestSummary {
            kind: r.kind.parse().map_err(|_| AppError::Unavailable)?,
            status: r.status.parse().map_err(|_| AppError::Unavailable)?,
            received_at: r.received_at,
            due_at: r.due_at,
            closed_at: r.resolved_at,
            closed_by: r.closed_by,
        };
        let entries = audit_entries(pool, None, Some(id)).await?;
        Ok(Trail {
            candidate_id: r.candidate_id,
            candidate: label(pool, viewer, r.candidate_id).await?,
            request: Some(request),
            entries,
        })
    }

    pub async fn candidate_trail(
        pool: &PgPool,
        viewer: &Viewer,
        id: Uuid,
    ) -> Result<Trail, AppError> {
        let candidate = label(pool, viewer, id).await?;
        let mut entries = audit_entries(pool, Some(id), None).await?;
        let consents = sqlx::query!(
            r#"SELECT e.at, e.purpose, e.decision, e.source, u.name AS "recorded_by?"
                 FROM consent_events e LEFT JOIN users u ON u.id = e.recorded_by
                WHERE e.candidate_id = $1"#,
            id
        )
        .fetch_all(pool)
        .await?;
        entries.extend(consents.into_iter().map(|c| Entry {
            at: c.at,
            actor: match (c.recorded_by, c.source.as_str()) {
                (Some(name), _) => Actor::TeamMember(name),
                (None, "system") => Actor::System,
                (None, _) => Actor::Candidate,
            },
            what: text::consent_entry(&c.purpose, &c.decision, &c.source),
        }));
        entries.sort_by_key(|e| e.at);
        Ok(Trail {
            candidate_id: id,
            candidate,
            request: None,
            entries,
        })
    }

    /// The candidate as this viewer may see them; `NotFound` for an unknown id, and for a Limited
    /// Team Member's look at someone else's candidate (the same answer, so no id is confirmed).
    async fn label(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<CandidateLabel, AppError> {
        let scope = viewer.candidate_scope().map(|owner| owner.into_uuid());
        let c = sqlx::query!(
            r#"SELECT name, anonymized_at IS NOT NULL AS "anonymized!",
                      candidate_visible_to(c.id, $2::uuid) AS "visible!"
                 FROM candidates c WHERE id = $1"#,
            id,
            scope
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
        if !c.visible {
            return Err(AppError::NotFound);
        }
        Ok(if c.anonymized {
            CandidateLabel::Anonymized
        } else {
            CandidateLabel::Named(c.name)
        })
    }

    /// The audit rows of a candidate or of a request. Consent changes come from `consent_events`
    /// on a candidate's trail, so their audit rows are left out there.
    async fn audit_entries(
        pool: &PgPool,
        candidate: Option<Uuid>,
        request: Option<Uuid>,
    ) -> Result<Vec<Entry>, AppError> {
        let rows = sqlx::query!(
            r#"SELECT a.at, a.actor_kind, u.name AS "actor_name?", a.action, a.details
                 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
                WHERE ($1::uuid IS NOT NULL AND a.candidate_id = $1 AND a.action <> 'consent.recorded')
                   OR ($2::uuid IS NOT NULL AND a.data_request_id = $2)
                ORDER BY a.at, a.id"#,
            candidate,
            request
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|a| Entry {
                at: a.at,
                actor: match (a.actor_kind.as_str(), a.actor_name) {
                    ("user", Some(name)) => Actor::TeamMember(name),
                    ("user", None) => Actor::TeamMember(text::FORMER_TEAM_MEMBER.into()),
                    ("candidate", _) => Actor::Candidate,
                    _ => Actor::System,
                },
                what: text::audit_action(&a.action, &a.details),
            })
            .collect())
    }
}

/// `/compliance/requests/{id}`.
#[component]
pub fn RequestTrailPage() -> impl IntoView {
    let params = use_params_map();
    let trail = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        |id| load_trail(Some(id), None),
    );
    view! { <TrailFrame trail /> }
}

/// `/compliance/candidates/{id}`.
#[component]
pub fn CandidateTrailPage() -> impl IntoView {
    let params = use_params_map();
    let trail = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        |id| load_trail(None, Some(id)),
    );
    view! { <TrailFrame trail /> }
}

#[component]
fn TrailFrame(trail: Resource<Result<Trail, AppError>>) -> impl IntoView {
    view! {
        <Title text=text::TRAIL_TITLE />
        <WorkspaceFrame>
            <p><a href="/compliance">{text::BACK_TO_DASHBOARD}</a></p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || trail.get().map(|result| match result {
                    Ok(trail) => view! { <TrailView trail /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn TrailView(trail: Trail) -> impl IntoView {
    let candidate = text::candidate_label(&trail.candidate);
    let heading = match &trail.request {
        Some(request) => text::request_trail_heading(request.kind, &candidate),
        None => text::candidate_trail_heading(&candidate),
    };
    let candidate_link = matches!(trail.candidate, CandidateLabel::Named(_)).then(|| {
        view! { <a href=format!("/candidates/{}", trail.candidate_id)>{text::OPEN_PROFILE}</a> }
    });
    let other_trail = trail.request.is_some().then(|| {
        view! { <a href=format!("/compliance/candidates/{}", trail.candidate_id)>{text::CANDIDATE_TRAIL_LINK}</a> }
    });
    view! {
        <h1>{heading}</h1>
        {trail.request.map(|r| view! {
            <dl class="facts">
                <div><dt>{text::COLUMN_RECEIVED}</dt><dd>{text::date(r.received_at)}</dd></div>
                <div><dt>{text::COLUMN_DUE}</dt><dd>{text::date(r.due_at)}</dd></div>
                <div><dt>{text::COLUMN_STATE}</dt><dd>{text::request_state(r.status, None)}</dd></div>
                {r.closed_at.map(|at| view! {
                    <div><dt>{text::COLUMN_RESOLVED}</dt><dd>{match &r.closed_by {
                        Some(by) => text::resolved_by(at, by),
                        None => text::date(at),
                    }}</dd></div>
                })}
            </dl>
        })}
        <p class="links">{candidate_link}" "{other_trail}</p>
        {if trail.entries.is_empty() {
            view! { <p class="notice" role="status">{text::TRAIL_EMPTY}</p> }.into_any()
        } else {
            view! {
                <ol class="trail">
                    {trail.entries.into_iter().map(|e| view! {
                        <li>
                            <time datetime=e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)>{text::date_time(e.at)}</time>
                            " · "<strong>{text::trail_actor(&e.actor)}</strong>
                            " · "{e.what}
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}
