//! The compliance dashboard (SPEC §7): every open and closed data request, filtered, counted and
//! charted, nearest due first, with a CSV export of what is shown. Super Admins, Admins and
//! holders of `view_compliance_dashboard` only. Filters are a plain GET form, so the page works
//! the same without JavaScript.

#[cfg(feature = "ssr")]
pub mod service;
pub mod trail;

pub use crate::domain::dashboard::CandidateLabel;
use crate::domain::dashboard::{Counts, FilterForm, RequestFacts, StateFilter, Week};
use crate::domain::dates::DueState;
use crate::domain::{RequestKind, RequestStatus, UserId};
use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardRow {
    pub id: Uuid,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    /// The due date in force (the extended one, if extended).
    pub due_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub candidate_id: Uuid,
    pub candidate: CandidateLabel,
    /// The owner of the candidate's current opportunity (else the latest).
    pub owner: Option<Owner>,
    pub resolved_by: Option<String>,
}

impl DashboardRow {
    pub fn facts(&self) -> RequestFacts {
        RequestFacts {
            kind: self.kind,
            status: self.status,
            received_at: self.received_at,
            due_at: self.due_at,
            closed_at: self.closed_at,
            owner: self.owner.as_ref().map(|o| UserId(o.id)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// One page, nearest due first, then latest closed.
    pub rows: Vec<DashboardRow>,
    /// Where the next page starts, when there is one.
    pub next: Option<crate::domain::dashboard::ListPosition>,
    /// This is a later page (`?after=`).
    pub paged: bool,
    pub counts: Counts,
    pub weeks: Vec<Week>,
    /// Everyone a request can belong to, for the owner filter.
    pub owners: Vec<Owner>,
    pub now: DateTime<Utc>,
}

#[server(endpoint = "compliance/requests")]
pub async fn load_dashboard(
    #[server(default)] filter: FilterForm,
    #[server(default)] after: Option<String>,
) -> Result<Dashboard, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            if !viewer.may(crate::domain::Permission::ViewComplianceDashboard) {
                return Err(AppError::Forbidden);
            }
            let filter =
                crate::domain::dashboard::Filter::parse(&filter).map_err(AppError::Invalid)?;
            // A position that doesn't read (an edited link) starts from the first page.
            let after = after.and_then(|p| p.parse().ok());
            service::dashboard(&state.pool, &viewer, &filter, after, chrono::Utc::now()).await
        }
        .await,
    )
}

fn filter_from_query() -> Memo<FilterForm> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        let get = |name: &str| query.get(name).unwrap_or_default();
        FilterForm {
            kind: get("kind"),
            state: get("state"),
            owner: get("owner"),
            from: get("from"),
            to: get("to"),
        }
    })
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let filter = filter_from_query();
    let query = use_query_map();
    let after = Memo::new(move |_| query.read().get("after"));
    let dashboard = Resource::new(
        move || (filter.get(), after.get()),
        |(filter, after)| load_dashboard(filter, after),
    );
    view! {
        <Title text=text::DASHBOARD_TITLE />
        <WorkspaceFrame>
            <h1>{text::DASHBOARD_TITLE}</h1>
            <p class="muted">{text::DASHBOARD_INTRO}</p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || dashboard.get().map(|result| match result {
                    Ok(dashboard) => view! { <DashboardView dashboard filter=filter.get_untracked() /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(AppError::Invalid(e)) => view! {
                        <FilterBar filter=filter.get_untracked() owners=Vec::new() />
                        <Problem error=AppError::Invalid(e) />
                    }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard, filter: FilterForm) -> impl IntoView {
    let csv = format!("/compliance/requests.csv{}", query_string(&filter));
    let filter_for_pager = filter.clone();
    let now = dashboard.now;
    view! {
        <FilterBar filter owners=dashboard.owners.clone() />
        <CountsView counts=dashboard.counts.clone() />
        <WeeklyChart weeks=dashboard.weeks.clone() />
        <p><a class="button secondary" href=csv download>{text::EXPORT_CSV}</a></p>
        {if dashboard.rows.is_empty() {
            view! { <p class="notice" role="status">{text::NO_REQUESTS_MATCH}</p> }.into_any()
        } else {
            view! { <RequestTable rows=dashboard.rows now /> }.into_any()
        }}
        <Pager filter=filter_for_pager next=dashboard.next paged=dashboard.paged />
    }
}

/// "Next" after the page's last request, and back to the first page, keeping the filter.
#[component]
fn Pager(
    filter: FilterForm,
    next: Option<crate::domain::dashboard::ListPosition>,
    paged: bool,
) -> impl IntoView {
    let base = query_string(&filter);
    let first = paged.then(|| format!("/compliance{base}"));
    let next = next.map(|p| {
        let joiner = if base.is_empty() { '?' } else { '&' };
        format!("/compliance{base}{joiner}after={p}")
    });
    (first.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=text::DASHBOARD_PAGES_LABEL>
                {first.map(|href| view! { <a href=href>{text::DASHBOARD_FIRST_PAGE}</a> })}
                {next.map(|href| view! { <a href=href rel="next">{text::DASHBOARD_NEXT_PAGE}</a> })}
            </nav>
        }
    })
}

fn query_string(filter: &FilterForm) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("kind", &filter.kind),
        ("state", &filter.state),
        ("owner", &filter.owner),
        ("from", &filter.from),
        ("to", &filter.to),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(name, value)| (name, value.as_str()))
    .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", crate::core::urls::query(&pairs))
    }
}

#[component]
fn FilterBar(filter: FilterForm, owners: Vec<Owner>) -> impl IntoView {
    let kinds = [
        RequestKind::Access,
        RequestKind::Rectification,
        RequestKind::Erasure,
    ];
    view! {
        <form class="card filters" method="get" action="/compliance" aria-label=text::FILTERS_LABEL>
            <div class="field">
                <label for="filter-kind">{text::FILTER_KIND}</label>
                <select id="filter-kind" name="kind">
                    <option value="">{text::ANY}</option>
                    {kinds.into_iter().map(|kind| view! {
                        <option value=kind.as_str() selected=filter.kind == kind.as_str()>{crate::text::request_kind_for_team(kind)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-state">{text::FILTER_STATE}</label>
                <select id="filter-state" name="state">
                    <option value="">{text::ANY}</option>
                    {StateFilter::ALL.iter().copied().map(|state| view! {
                        <option value=state.as_str() selected=filter.state == state.as_str()>{text::state_filter(state)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-owner">{text::FILTER_OWNER}</label>
                <select id="filter-owner" name="owner">
                    <option value="">{text::ANY}</option>
                    {owners.into_iter().map(|owner| {
                        let id = owner.id.to_string();
                        let selected = filter.owner == id;
                        view! { <option value=id selected=selected>{owner.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-from">{text::FILTER_FROM}</label>
                <input id="filter-from" type="date" name="from" value=filter.from.clone() />
            </div>
            <div class="field">
                <label for="filter-to">{text::FILTER_TO}</label>
                <input id="filter-to" type="date" name="to" value=filter.to.clone() />
            </div>
            <div class="actions">
                <button type="submit" class="button">{text::APPLY_FILTERS}</button>
                <a href="/compliance">{text::CLEAR_FILTERS}</a>
            </div>
        </form>
    }
}

#[component]
fn CountsView(counts: Counts) -> impl IntoView {
    let state = |s: StateFilter| counts.by_state.get(&s).copied().unwrap_or(0);
    let kind = |k: RequestKind| counts.by_kind.get(&k).copied().unwrap_or(0);
    view! {
        <section class="counts" aria-label=text::COUNTS_LABEL>
            <dl class="tiles">
                <div><dt>{text::COUNT_TOTAL}</dt><dd>{counts.total}</dd></div>
                {StateFilter::ALL.iter().copied().map(|s| view! {
                    <div class=format!("tile-{}", s.as_str())><dt>{text::state_filter(s)}</dt><dd>{state(s)}</dd></div>
                }).collect_view()}
            </dl>
            <dl class="tiles kinds">
                {[RequestKind::Access, RequestKind::Rectification, RequestKind::Erasure].into_iter().map(|k| view! {
                    <div><dt>{crate::text::request_kind_for_team(k)}</dt><dd>{kind(k)}</dd></div>
                }).collect_view()}
            </dl>
        </section>
    }
}

/// Requests received and answered per week (bars) and the median days to answer (numbers under
/// each week): server-rendered SVG, with the same figures in a table for screen readers.
#[component]
fn WeeklyChart(weeks: Vec<Week>) -> impl IntoView {
    const WIDTH: f64 = 720.0;
    const PLOT_TOP: f64 = 16.0;
    const PLOT_BOTTOM: f64 = 160.0;
    let most = weeks
        .iter()
        .map(|w| w.received.max(w.answered))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = WIDTH / weeks.len().max(1) as f64;
    let bar = (slot - 12.0) / 2.0;
    let height = |n: u32| (PLOT_BOTTOM - PLOT_TOP) * n as f64 / most;
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let x = i as f64 * slot + 6.0;
            let (received, answered) = (height(week.received), height(week.answered));
            view! {
                <g>
                    <rect class="received" x=format!("{x:.1}") y=format!("{:.1}", PLOT_BOTTOM - received)
                        width=format!("{bar:.1}") height=format!("{received:.1}") />
                    <rect class="answered" x=format!("{:.1}", x + bar) y=format!("{:.1}", PLOT_BOTTOM - answered)
                        width=format!("{bar:.1}") height=format!("{answered:.1}") />
                    <text x=format!("{:.1}", x + bar) y="178" text-anchor="middle">{week.starts.format("%-d %b").to_string()}</text>
                    <text class="median" x=format!("{:.1}", x + bar) y="196" text-anchor="middle">
                        {week.median_days.map(text::median_days_short).unwrap_or_default()}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <section class="card chart" aria-labelledby="chart-title">
            <h2 id="chart-title">{text::CHART_TITLE}</h2>
            <p class="legend">
                <span class="key received"></span>{text::CHART_RECEIVED}
                <span class="key answered"></span>{text::CHART_ANSWERED}
                <span class="muted">{text::CHART_MEDIAN}</span>
            </p>
            <svg viewBox="0 0 720 204" role="img" aria-labelledby="chart-title" class="weekly" preserveAspectRatio="xMidYMid meet">
                <line x1="0" y1=PLOT_BOTTOM.to_string() x2=WIDTH.to_string() y2=PLOT_BOTTOM.to_string() class="axis" />
                {bars}
            </svg>
            <details>
                <summary>{text::CHART_TABLE}</summary>
                <table class="list small">
                    <thead><tr>
                        <th scope="col">{text::CHART_WEEK}</th>
                        <th scope="col">{text::CHART_RECEIVED}</th>
                        <th scope="col">{text::CHART_ANSWERED}</th>
                        <th scope="col">{text::CHART_MEDIAN_COLUMN}</th>
                    </tr></thead>
                    <tbody>
                        {weeks.into_iter().map(|w| view! {
                            <tr>
                                <td>{w.starts.format("%-d %B %Y").to_string()}</td>
                                <td>{w.received}</td>
                                <td>{w.answered}</td>
                                <td>{w.median_days.map(text::median_days_long).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

#[component]
fn RequestTable(rows: Vec<DashboardRow>, now: DateTime<Utc>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="list requests">
                <caption class="visually-hidden">{text::DASHBOARD_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::COLUMN_KIND}</th>
                        <th scope="col">{text::COLUMN_CANDIDATE}</th>
                        <th scope="col">{text::COLUMN_OWNER}</th>
                        <th scope="col">{text::COLUMN_RECEIVED}</th>
                        <th scope="col">{text::COLUMN_DUE}</th>
                        <th scope="col">{text::COLUMN_STATE}</th>
                        <th scope="col">{text::COLUMN_RESOLVED}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let due_state = row.facts().due_state(now);
                        let class = match due_state {
                            Some(DueState::Overdue { .. }) => "overdue",
                            Some(DueState::DueSoon { .. }) => "due-soon",
                            _ => "",
                        };
                        let candidate = match &row.candidate {
                            CandidateLabel::Named(name) => view! {
                                <a href=format!("/candidates/{}", row.candidate_id)>{name.clone()}</a>
                            }.into_any(),
                            other => view! { <span class="muted">{text::candidate_label(other)}</span> }.into_any(),
                        };
                        let resolved = row.closed_at.map(|at| match &row.resolved_by {
                            Some(by) => text::resolved_by(at, by),
                            None => text::date(at),
                        });
                        view! {
                            <tr class=class>
                                <td>{if row.candidate == CandidateLabel::NotYours {
                                    // Their trail is not this viewer's to read.
                                    crate::text::request_kind_for_team(row.kind).into_any()
                                } else {
                                    view! { <a href=format!("/compliance/requests/{}", row.id)>{crate::text::request_kind_for_team(row.kind)}</a> }.into_any()
                                }}</td>
                                <td>{candidate}</td>
                                <td>{row.owner.map(|o| o.name).unwrap_or_else(|| text::NO_OWNER.into())}</td>
                                <td>{text::date(row.received_at)}</td>
                                <td>{text::date(row.due_at)}</td>
                                <td>{text::request_state(row.status, due_state)}</td>
                                <td>{resolved.unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
