//! The retention sweep (SPEC §5): `candor sweep [--dry-run]`, the daily run inside `candor serve`
//! (`service`), and the page where admins read each run's summary — counts only, no one's data.

#[cfg(feature = "ssr")]
pub mod service;

pub use crate::domain::sweep::SweepRun;
use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;

/// How many of the latest runs the page lists.
pub const SHOWN: i64 = 30;

/// Super Admins, Admins and holders of `view_compliance_dashboard` (others are refused).
#[server(endpoint = "compliance/sweeps")]
pub async fn load_sweep_runs() -> Result<Vec<SweepRun>, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            if !viewer.may(crate::domain::Permission::ViewComplianceDashboard) {
                return Err(AppError::Forbidden);
            }
            service::recent_runs(&state.pool, SHOWN).await
        }
        .await,
    )
}

#[component]
pub fn SweepRunsPage() -> impl IntoView {
    let runs = Resource::new(|| (), |_| load_sweep_runs());
    view! {
        <Title text=text::SWEEPS_TITLE />
        <WorkspaceFrame>
            <h1>{text::SWEEPS_TITLE}</h1>
            <p class="muted">{text::SWEEPS_INTRO}</p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    runs.get()
                        .map(|result| match result {
                            Ok(rows) if rows.is_empty() => {
                                view! { <p class="notice" role="status">{text::NO_SWEEPS}</p> }.into_any()
                            }
                            Ok(rows) => view! { <SweepTable rows /> }.into_any(),
                            Err(AppError::SignInRequired) => ().into_any(),
                            Err(error) => view! { <Problem error /> }.into_any(),
                        })
                }}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn SweepTable(rows: Vec<SweepRun>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="list sweeps">
                <caption class="visually-hidden">{text::SWEEPS_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::SWEEP_STARTED}</th>
                        <th scope="col">{text::SWEEP_KIND}</th>
                        <th scope="col">{text::SWEEP_MARKED}</th>
                        <th scope="col">{text::SWEEP_OUTCOME}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|run| {
                            let marked = run.marked.iter().map(|(_, n)| n).sum::<i64>();
                            view! {
                                <tr>
                                    <td>
                                        {text::date_time(run.started_at)}
                                        <br />
                                        <span class="muted">{text::sweep_duration(run.finished_at - run.started_at)}</span>
                                    </td>
                                    <td>{text::sweep_kind(run.scheduled, run.dry_run)}</td>
                                    <td>
                                        {text::sweep_marked(run.examined, marked)}
                                        <ul class="plain small">
                                            {run
                                                .marked
                                                .iter()
                                                .map(|(reason, n)| view! { <li>{format!("{n}: {}", text::mark_reason(*reason))}</li> })
                                                .collect_view()}
                                        </ul>
                                    </td>
                                    <td>{text::sweep_outcome(&run)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
