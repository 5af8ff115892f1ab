//! The public job postings and their application form (SPEC §5: consent captured when
//! applying). The form asks exactly the consents the lawful-basis combination needs, and takes
//! a résumé, so it is a multipart post; it works the same with JavaScript off.

#[cfg(feature = "ssr")]
pub mod service;

use crate::core::postings::PostingChoice;
use crate::domain::settings::Organization;
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::page::set_status;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The job board and application form are still English only (issue 27 translates them next).
const JOB_BOARD_WORDS: crate::text::l10n::Tr =
    crate::text::l10n::Tr::new(crate::domain::locale::Locale::En);

/// A posting's page: the posting, who asks, and which consents its form asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobPage {
    pub posting: PostingChoice,
    pub organization: Organization,
    pub processing_required: bool,
    pub retention_optional: bool,
    pub retention_days: i32,
    /// What the team wrote about the job, and the questions its form asks, in order.
    pub description: String,
    pub questions: Vec<String>,
    /// Sent back with the form, so a double submit files one application.
    pub key: Uuid,
}

#[server(endpoint = "jobs/open")]
pub async fn open_jobs() -> Result<Vec<PostingChoice>, AppError> {
    crate::core::server_side::answer(
        async {
            let state = crate::core::server_side::state()?;
            crate::core::postings::open_postings(&state.pool).await
        }
        .await,
    )
}

#[server(endpoint = "jobs/posting")]
pub async fn job_posting(posting: String) -> Result<JobPage, AppError> {
    crate::core::server_side::answer(
        async {
            let id = posting.parse().map_err(|_| AppError::NotFound)?;
            let state = crate::core::server_side::state()?;
            service::posting(&state.pool, id).await
        }
        .await,
    )
}

/// Files an application. Answers the same whether it was new, a repeat or dropped as spam.
#[server(endpoint = "jobs/apply", input = MultipartFormData)]
pub async fn submit_application(data: MultipartData) -> Result<(), AppError> {
    let (submission, read) = match data.into_inner() {
        Some(multipart) => service::read(multipart).await,
        None => (Default::default(), Err(AppError::Unavailable)),
    };
    let result: Result<(), AppError> = async {
        read?;
        let state = crate::core::server_side::state()?;
        let client = use_context::<axum::http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::core::security::ClientIp>()
                    .copied()
            })
            .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |c| c.0);
        service::apply(
            &state.pool,
            &state.config,
            &submission,
            client,
            chrono::Utc::now(),
        )
        .await?;
        Ok(())
    }
    .await;
    let page = submission
        .posting
        .map_or("/jobs".to_owned(), |id| format!("/jobs/{id}"));
    let code = match &result {
        Ok(()) => APPLIED.to_owned(),
        Err(error) => error.code(),
    };
    crate::core::server_side::answer_form(page, code, result, |_| ())
}

/// The `?notice=` code of a filed application.
const APPLIED: &str = "applied";

/// `/jobs`: every open posting.
#[component]
pub fn JobsPage() -> impl IntoView {
    let jobs = Resource::new(|| (), |_| open_jobs());
    view! {
        <Title text=text::JOBS_TITLE />
        <crate::ui::enhance::CandidateMain tr=JOB_BOARD_WORDS>
            <h1>{text::JOBS_TITLE}</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || jobs.get().map(|result| match result {
                    Ok(jobs) if jobs.is_empty() => view! { <p>{text::NO_JOBS}</p> }.into_any(),
                    Ok(jobs) => view! {
                        <ul class="job-list">
                            {jobs.into_iter().map(|job| view! {
                                <li><a href=format!("/jobs/{}", job.id)>{job.title}</a>
                                    {job.country.map(|c| view! { <span class="muted">" · "{c}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => {
                        set_status(error.status());
                        view! { <p class="notice failure" role="alert">{text::error_message(&error)}</p> }.into_any()
                    }
                })}
            </Transition>
        </crate::ui::enhance::CandidateMain>
    }
}

/// `/jobs/{posting}`: the posting and its application form.
#[component]
pub fn JobPostingPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let posting = Resource::new(
        move || params.read().get("posting").unwrap_or_default(),
        job_posting,
    );
    // The page is server HTML (with JavaScript the candidate pages' island sends the form):
    // the outcome comes back as the redirect's `?notice=`.
    let outcome = Signal::derive(move || {
        query.read().get("notice").and_then(|code| {
            if code == APPLIED {
                Some(Ok(()))
            } else {
                AppError::from_code(&code).map(Err)
            }
        })
    });
    view! {
        <crate::ui::enhance::CandidateMain tr=JOB_BOARD_WORDS>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || posting.get().map(|result| match result {
                    Ok(job) => view! { <JobApplication job outcome /> }.into_any(),
                    Err(error) => {
                        set_status(error.status());
                        view! {
                            <Title text=text::JOB_CLOSED_TITLE />
                            <h1>{text::JOB_CLOSED_TITLE}</h1>
                            <p class="notice failure" role="alert">{
                                if error == AppError::NotFound { text::JOB_CLOSED.to_owned() } else { text::error_message(&error) }
                            }</p>
                            <p><a href="/jobs">{text::ALL_JOBS}</a></p>
                        }.into_any()
                    }
                })}
            </Transition>
        </crate::ui::enhance::CandidateMain>
    }
}

#[component]
fn JobApplication(job: JobPage, outcome: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    let organization = job.organization.name.clone();
    let title = job.posting.title.clone();
    let applied = move || matches!(outcome.get(), Some(Ok(())));
    let heading = title.clone();
    let form_job = job.clone();
    view! {
        <Title text=title.clone() />
        <h1>{heading}</h1>
        <p class="lead">{text::job_by(&organization, job.posting.country.as_deref())}</p>
        {(!job.description.is_empty()).then(|| view! {
            <div class="description">
                {job.description.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        })}
        {move || outcome.get().map(|outcome| match outcome {
            Ok(()) => view! {
                <div id="notice" class="notice success" role="status">
                    <p>{text::applied(&organization)}</p>
                    <p><a href="/jobs">{text::ALL_JOBS}</a></p>
                </div>
            }.into_any(),
            Err(error) => view! {
                <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div>
            }.into_any(),
        })}
        <Show when=move || !applied()>
            <ApplicationForm job=form_job.clone() />
        </Show>
        <footer class="page-notes">
            <crate::ui::organization::OrganizationContacts tr=JOB_BOARD_WORDS organization=job.organization.clone() />
        </footer>
    }
}

#[component]
fn ApplicationForm(job: JobPage) -> impl IntoView {
    use crate::domain::application::RESUME_FORMATS;
    use crate::domain::preferences::Field;
    use crate::domain::Purpose;
    let organization = job.organization.name.clone();
    let retention = text::retention_in_words(job.retention_days);
    let questions = job.questions.clone();
    let accept = RESUME_FORMATS
        .iter()
        .map(|(ext, _)| format!(".{ext}"))
        .collect::<Vec<_>>()
        .join(",");
    view! {
        <form class="card application" method="post" action=SubmitApplication::url()
            enctype="multipart/form-data">
            <h2>{text::APPLY_HEADING}</h2>
            <input type="hidden" name="posting" value=job.posting.id.to_string() />
            <input type="hidden" name="key" value=job.key.to_string() />
            <FormField field=Field::Name scope="apply" labels=text::application_label kind="text" autocomplete="name" required=true />
            <FormField field=Field::Email scope="apply" labels=text::application_label kind="email" autocomplete="email" required=true />
            <FormField field=Field::Phone scope="apply" labels=text::application_label kind="tel" autocomplete="tel" />
            <div class="field">
                <label for="apply-resume">{text::field_label(Field::Resume)}</label>
                <input id="apply-resume" type="file" name="resume" accept=accept aria-describedby="apply-resume-help" />
                <p id="apply-resume-help" class="muted">{text::RESUME_HELP}</p>
            </div>
            {questions.into_iter().enumerate().map(|(at, question)| {
                // The first is `answer`, as it always was; the others `answer_1`, `answer_2`, …
                let (id, name) = if at == 0 {
                    ("apply-answer".to_owned(), "answer".to_owned())
                } else {
                    (format!("apply-answer-{at}"), format!("answer_{at}"))
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{question}</label>
                        <textarea id=id name=name rows="4" maxlength=Field::Answer.max_chars().to_string()></textarea>
                    </div>
                }
            }).collect_view()}
            // Out of sight and out of the tab order: only a bot fills it in.
            <div class="trap" aria-hidden="true">
                <label for="apply-website">{text::TRAP_LABEL}</label>
                <input id="apply-website" type="text" name="website" tabindex="-1" autocomplete="off" />
            </div>
            <fieldset class="your-data">
                <legend>{text::YOUR_DATA_HEADING}</legend>
                {if job.processing_required {
                    view! {
                        <div class="confirm">
                            <input type="checkbox" id="apply-processing" name="processing_consent" value="yes" required
                                aria-describedby="apply-processing-help" />
                            <label for="apply-processing">{text::processing_checkbox(&organization)}</label>
                        </div>
                        <p id="apply-processing-help" class="muted">
                            {text::purpose_explanation(Purpose::Processing, &organization, &retention)}
                        </p>
                    }.into_any()
                } else {
                    view! { <p>{text::processing_notice(&organization)}</p> }.into_any()
                }}
                {if job.retention_optional {
                    view! {
                        <div class="confirm">
                            <input type="checkbox" id="apply-retention" name="retention_consent" value="yes"
                                aria-describedby="apply-retention-help" />
                            <label for="apply-retention">{text::retention_checkbox(&organization, &retention)}</label>
                        </div>
                        <p id="apply-retention-help" class="muted">
                            {text::purpose_explanation(Purpose::Retention, &organization, &retention)}
                        </p>
                    }.into_any()
                } else {
                    view! { <p>{text::kept_for(&organization, &retention)}</p> }.into_any()
                }}
                <p class="muted">{text::CHOICES_LATER}</p>
            </fieldset>
            <button type="submit" class="button">{text::APPLY_BUTTON}</button>
        </form>
    }
}
