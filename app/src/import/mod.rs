//! `/settings/import`: the Super Admin uploads a CSV file; Candor checks it in the background and
//! `/settings/import/{id}` shows the check's progress, then its report (what applying would
//! create, update, leave and skip, each skip with its line), and the button that applies it.
//! Every form is a plain post, so the page works with JavaScript off (a Refresh link shows
//! progress); with it on, the progress updates in place every second.

use crate::core::import::{ImportSummary, ImportView};
use crate::domain::import::Status;
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, SettingsHeading, WorkspaceFrame};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[cfg(feature = "ssr")]
const PAGE: &str = "/settings/import";

#[server(endpoint = "import/list")]
pub async fn list_imports() -> Result<Vec<ImportSummary>, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            crate::core::import::service::recent(&state.pool, &viewer).await
        }
        .await,
    )
}

#[server(endpoint = "import/load")]
pub async fn load_import(import: String) -> Result<ImportView, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            crate::core::import::service::view(&state.pool, &viewer, import_id(&import)?).await
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn import_id(text: &str) -> Result<uuid::Uuid, AppError> {
    text.trim().parse().map_err(|_| AppError::NotFound)
}

/// Takes the upload, keeps it in pieces, and starts its check; answers with the import's page.
#[server(endpoint = "import/upload", input = MultipartFormData)]
pub async fn upload_import(data: MultipartData) -> Result<String, AppError> {
    let result: Result<uuid::Uuid, AppError> = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let mut multipart = data.into_inner().ok_or(AppError::BadForm)?;
        let too_large = AppError::Invalid(
            Field::ImportFile.error(crate::domain::preferences::Problem::TooLong),
        );
        let unreadable = |_| AppError::BadForm;
        while let Some(mut part) = multipart.next_field().await.map_err(unreadable)? {
            if part.name() != Some("file") {
                continue;
            }
            let name = part.file_name().unwrap_or_default().to_owned();
            let now = chrono::Utc::now();
            let id =
                crate::core::import::service::create(&state.pool, &viewer, &name, 0, now).await?;
            let stored = async {
                use crate::core::import::service::{store_chunk, CHUNK_BYTES};
                let (mut buffer, mut seq, mut total) = (Vec::with_capacity(CHUNK_BYTES), 0, 0);
                while let Some(bytes) = part.chunk().await.map_err(|_| too_large)? {
                    total += bytes.len();
                    if total > crate::domain::import::MAX_UPLOAD_BYTES {
                        return Err(too_large);
                    }
                    buffer.extend_from_slice(&bytes);
                    while buffer.len() >= CHUNK_BYTES {
                        let rest = buffer.split_off(CHUNK_BYTES);
                        store_chunk(&state.pool, id, seq, &buffer).await?;
                        (buffer, seq) = (rest, seq + 1);
                    }
                }
                if !buffer.is_empty() {
                    store_chunk(&state.pool, id, seq, &buffer).await?;
                }
                Ok(())
            }
            .await;
            if let Err(error) = stored {
                crate::core::import::service::discard(&state.pool, id).await?;
                return Err(error);
            }
            crate::core::import::service::spawn_check(
                state.pool.clone(),
                state.config.clone(),
                viewer,
                id,
            );
            return Ok(id);
        }
        Err(AppError::Invalid(
            Field::ImportFile.error(crate::domain::preferences::Problem::Required),
        ))
    }
    .await;
    match result {
        Ok(id) => {
            let page = format!("{PAGE}/{id}");
            crate::core::server_side::answer_form(
                page.clone(),
                "import-uploaded".into(),
                Ok(page),
                |e| e.code(),
            )
        }
        Err(error) => crate::core::server_side::answer_notice(PAGE.into(), Err(error)),
    }
}

#[server(endpoint = "import/apply")]
pub async fn apply_import(import: String) -> Result<String, AppError> {
    let page = format!("{PAGE}/{}", import.trim());
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let id = import_id(&import)?;
        let shown = crate::core::import::service::view(&state.pool, &viewer, id).await?;
        if shown.status != Status::Checked {
            return Err(AppError::ImportNotReady);
        }
        crate::core::import::service::spawn_apply(
            state.pool.clone(),
            state.config.clone(),
            viewer,
            id,
        );
        Ok(())
    }
    .await;
    crate::core::server_side::answer_notice(page, result.map(|()| "import-applying".into()))
}

#[server(endpoint = "import/resume")]
pub async fn resume_import(import: String) -> Result<String, AppError> {
    let page = format!("{PAGE}/{}", import.trim());
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        crate::core::import::service::resume(
            &state.pool,
            state.config.clone(),
            &viewer,
            import_id(&import)?,
        )
        .await
    }
    .await;
    crate::core::server_side::answer_notice(page, result.map(|()| "import-resumed".into()))
}

fn notice_of() -> Signal<Option<String>> {
    let query = use_query_map();
    Signal::derive(move || query.read().get("notice"))
}

#[component]
pub fn ImportSettingsPage() -> impl IntoView {
    let imports = Resource::new(|| (), |_| list_imports());
    let notice = notice_of();
    view! {
        <Title text=text::IMPORT_TITLE />
        <WorkspaceFrame>
            <SettingsHeading title=text::IMPORT_TITLE intro=text::IMPORT_INTRO notice success=text::import_notice />
            <form class="card" method="post" action=UploadImport::url() enctype="multipart/form-data">
                <div class="field">
                    <label for="import-file">{text::field_label(Field::ImportFile)}</label>
                    <input id="import-file" type="file" name="file" accept=".csv,text/csv" required=true aria-describedby="import-file-help" />
                    <p id="import-file-help" class="muted">{text::IMPORT_TEMPLATE_HELP}</p>
                </div>
                <button type="submit" class="button">{text::UPLOAD_IMPORT}</button>
            </form>
            <h2>{text::RECENT_IMPORTS}</h2>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || imports.get().map(|result| match result {
                    Ok(list) if list.is_empty() => view! { <p class="muted">{text::NO_IMPORTS}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|i| view! {
                                <li>
                                    <a href=format!("/settings/import/{}", i.id)>{i.file_name}</a>
                                    " — " {text::import_status(i.status)} " — " {text::date_time(i.created_at)}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tick = RwSignal::new(0u64);
    let running = RwSignal::new(false);
    let import = Resource::new(move || (id(), tick.get()), |(id, _)| load_import(id));
    // In the browser: ask again every second while a phase runs.
    Effect::new(move |_| {
        let interval = set_interval_with_handle(
            move || {
                if running.get_untracked() {
                    tick.update(|t| *t += 1);
                }
            },
            std::time::Duration::from_secs(1),
        );
        // Leaving the page stops the asking.
        if let Ok(interval) = interval {
            on_cleanup(move || interval.clear());
        }
    });
    let notice = notice_of();
    view! {
        <Title text=text::IMPORT_TITLE />
        <WorkspaceFrame>
            <p class="breadcrumb"><a href="/settings/import">{text::BACK_TO_IMPORTS}</a></p>
            {move || notice.get().map(|code| view! { <crate::ui::workspace::OutcomeNotice code success=text::import_notice /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || import.get().map(|result| match result {
                    Ok(view) => {
                        running.set(view.status.running() && !view.stalled);
                        view! { <Report view /> }.into_any()
                    }
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn Report(view: ImportView) -> impl IntoView {
    let id = view.id.to_string();
    let resume_id = id.clone();
    let here = format!("/settings/import/{}", view.id);
    let percent = view.percent();
    let c = view.counts;
    let counts = (view.status != Status::Refused && !view.status.running()).then(|| {
        text::import_counts(
            view.status == Status::Applied,
            c.create,
            c.update,
            c.unchanged,
            c.skip,
        )
    });
    let more_skips = c.skip.saturating_sub(view.skipped.len() as u64);
    view! {
        <h1>{text::import_heading(&view.file_name)}</h1>
        <p class="lead" role="status" aria-live="polite">{text::import_status(view.status)}</p>
        {view.status.running().then(|| view! {
            <div class="progress">
                <progress max="100" value=percent.to_string() aria-label=text::import_status(view.status)>{text::import_progress(percent)}</progress>
                <span>{text::import_progress(percent)}</span>
            </div>
            <p><a href=here.clone()>{text::REFRESH}</a></p>
        })}
        {view.stalled.then(|| view! {
            <p>{text::IMPORT_STALLED}</p>
            {(view.status != Status::Uploaded).then(|| view! {
                <form method="post" action=ResumeImport::url() class="inline-form">
                    <input type="hidden" name="import" value=resume_id.clone() />
                    <button type="submit" class="button secondary">{text::RESUME_IMPORT}</button>
                </form>
            })}
        })}
        {counts.map(|line| view! { <p>{line}</p> })}
        {(view.status == Status::Checked).then(|| view! {
            <form method="post" action=ApplyImport::url() class="inline-form">
                <input type="hidden" name="import" value=id.clone() />
                <button type="submit" class="button">{text::APPLY_IMPORT}</button>
            </form>
        })}
        {(!view.problems.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="import-problems">
                <h2 id="import-problems">{text::IMPORT_PROBLEMS}</h2>
                <ul>{view.problems.iter().map(|p| view! { <li>{text::file_problem(p)}</li> }).collect_view()}</ul>
            </section>
        })}
        {(!view.skipped.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="import-skipped">
                <h2 id="import-skipped">{text::IMPORT_SKIPPED}</h2>
                <ul>{view.skipped.iter().map(|s| view! {
                    <li>{text::line_label(s.line)}": "{text::skip_reason(s.reason)}</li>
                }).collect_view()}</ul>
                {(more_skips > 0).then(|| view! { <p class="muted">{text::more_skipped(more_skips)}</p> })}
            </section>
        })}
    }
}
