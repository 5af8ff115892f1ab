//! The public job postings and their application form (SPEC §5: consent captured when
//! applying). The form asks exactly the consents the lawful-basis combination needs, and takes
//! a résumé, so it is a multipart post; it works the same with JavaScript off.

#[cfg(feature = "ssr")]
pub mod service;

use crate::core::locale::{self, localized, Localized};
use crate::core::postings::PostingChoice;
use crate::domain::settings::Organization;
use crate::error::AppError;
use crate::text::l10n::{Arg, Tr};
use crate::ui::enhance::CandidateMain;
use crate::ui::page::set_status;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// Whoever reads the job board is not known yet: the browser's language, or the organization's.
#[server(endpoint = "jobs/open")]
pub async fn open_jobs() -> Result<Localized<Vec<PostingChoice>>, AppError> {
    let state = crate::core::server_side::state()?;
    Ok(Localized::new(
        locale::for_candidate(&state.pool, None).await,
        crate::core::postings::open_postings(&state.pool).await,
    ))
}

#[server(endpoint = "jobs/posting")]
pub async fn job_posting(posting: String) -> Result<Localized<JobPage>, AppError> {
    let state = crate::core::server_side::state()?;
    let page = match posting.parse() {
        Ok(id) => service::posting(&state.pool, id).await,
        Err(_) => Err(AppError::NotFound),
    };
    Ok(Localized::new(
        locale::for_candidate(&state.pool, None).await,
        page,
    ))
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
        <Transition fallback=|| ()>
            {move || jobs.get().map(|result| {
                let (tr, accent, result) = localized(result);
                let body = match result {
                    Ok(jobs) if jobs.is_empty() => view! { <p>{tr.t("jobs-none")}</p> }.into_any(),
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
                        view! { <p class="notice failure" role="alert">{tr.error(&error)}</p> }.into_any()
                    }
                };
                view! {
                    <Title text=tr.t("jobs-title") />
                    <CandidateMain tr accent>
                        <h1>{tr.t("jobs-title")}</h1>
                        {body}
                    </CandidateMain>
                }
            })}
        </Transition>
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
        <Transition fallback=|| ()>
            {move || posting.get().map(|result| {
                let (tr, accent, result) = localized(result);
                let body = match result {
                    Ok(job) => view! { <JobApplication tr job outcome /> }.into_any(),
                    Err(error) => {
                        set_status(error.status());
                        view! {
                            <Title text=tr.t("job-closed-title") />
                            <h1>{tr.t("job-closed-title")}</h1>
                            <p class="notice failure" role="alert">{
                                if error == AppError::NotFound { tr.t("job-closed") } else { tr.error(&error) }
                            }</p>
                            <p><a href="/jobs">{tr.t("jobs-all")}</a></p>
                        }.into_any()
                    }
                };
                view! { <CandidateMain tr accent>{body}</CandidateMain> }
            })}
        </Transition>
    }
}

/// Where the posting is, after who posts it: "Northwind · DE".
fn job_by(organization: &str, country: Option<&str>) -> String {
    match country {
        Some(country) => format!("{organization} · {country}"),
        None => organization.to_owned(),
    }
}

#[component]
fn JobApplication(
    tr: Tr,
    job: JobPage,
    outcome: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let organization = job.organization.name.clone();
    let title = job.posting.title.clone();
    let applied = move || matches!(outcome.get(), Some(Ok(())));
    let heading = title.clone();
    let form_job = job.clone();
    view! {
        <Title text=title.clone() />
        <h1>{heading}</h1>
        <p class="lead">{job_by(&organization, job.posting.country.as_deref())}</p>
        {(!job.description.is_empty()).then(|| view! {
            <div class="description">
                {job.description.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        })}
        {move || outcome.get().map(|outcome| match outcome {
            Ok(()) => view! {
                <div id="notice" class="notice success" role="status">
                    <p>{tr.t_with("applied", &[("organization", organization.as_str().into())])}</p>
                    <p><a href="/jobs">{tr.t("jobs-all")}</a></p>
                </div>
            }.into_any(),
            Err(error) => view! {
                <div id="notice" class="notice failure" role="alert"><p>{tr.error(&error)}</p></div>
            }.into_any(),
        })}
        <Show when=move || !applied()>
            <ApplicationForm tr job=form_job.clone() />
        </Show>
        <footer class="page-notes">
            <crate::ui::organization::OrganizationContacts tr organization=job.organization.clone() />
        </footer>
    }
}

/// A labelled input of the application form, limited as the server limits it.
#[component]
fn ApplyField(
    tr: Tr,
    field: crate::domain::preferences::Field,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = format!("apply-{}", field.as_str());
    view! {
        <div class="field">
            <label for=id.clone()>{tr.t(label)}</label>
            <input id=id type=kind name=field.as_str() required=required autocomplete=autocomplete
                maxlength=field.max_chars().to_string() />
        </div>
    }
}

#[component]
fn ApplicationForm(tr: Tr, job: JobPage) -> impl IntoView {
    use crate::domain::application::RESUME_FORMATS;
    use crate::domain::preferences::Field;
    use crate::domain::Purpose;
    let organization = job.organization.name.clone();
    let retention = tr.period(job.retention_days);
    let args = || -> [(&str, Arg<'_>); 2] {
        [
            ("organization", organization.as_str().into()),
            ("period", retention.as_str().into()),
        ]
    };
    let explanation = |purpose: Purpose| {
        let [organization, period] = args();
        tr.t_with(
            "purpose-explanation",
            &[("purpose", purpose.as_str().into()), organization, period],
        )
    };
    let questions = job.questions.clone();
    let accept = RESUME_FORMATS
        .iter()
        .map(|(ext, _)| format!(".{ext}"))
        .collect::<Vec<_>>()
        .join(",");
    view! {
        <form class="card application" method="post" action=SubmitApplication::url()
            enctype="multipart/form-data">
            <h2>{tr.t("apply-heading")}</h2>
            <input type="hidden" name="posting" value=job.posting.id.to_string() />
            <input type="hidden" name="key" value=job.key.to_string() />
            // The language the applicant read the form in becomes theirs (`candidates.locale`).
            <input type="hidden" name="locale" value=tr.locale().as_str() />
            <ApplyField tr field=Field::Name label="apply-name" kind="text" autocomplete="name" required=true />
            <ApplyField tr field=Field::Email label="apply-email" kind="email" autocomplete="email" required=true />
            <ApplyField tr field=Field::Phone label="apply-phone" kind="tel" autocomplete="tel" />
            <div class="field">
                <label for="apply-resume">{tr.t("apply-resume")}</label>
                <input id="apply-resume" type="file" name="resume" accept=accept aria-describedby="apply-resume-help" />
                <p id="apply-resume-help" class="muted">
                    {tr.t_with("apply-resume-help", &[("megabytes", crate::text::l10n::RESUME_MEGABYTES.into())])}
                </p>
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
                <label for="apply-website">{tr.t("apply-trap")}</label>
                <input id="apply-website" type="text" name="website" tabindex="-1" autocomplete="off" />
            </div>
            <fieldset class="your-data">
                <legend>{tr.t("apply-your-data")}</legend>
                {if job.processing_required {
                    view! {
                        <div class="confirm">
                            <input type="checkbox" id="apply-processing" name="processing_consent" value="yes" required
                                aria-describedby="apply-processing-help" />
                            <label for="apply-processing">{tr.t_with("apply-processing-consent", &args()[..1])}</label>
                        </div>
                        <p id="apply-processing-help" class="muted">{explanation(Purpose::Processing)}</p>
                    }.into_any()
                } else {
                    view! { <p>{tr.t_with("apply-processing-notice", &args()[..1])}</p> }.into_any()
                }}
                {if job.retention_optional {
                    view! {
                        <div class="confirm">
                            <input type="checkbox" id="apply-retention" name="retention_consent" value="yes"
                                aria-describedby="apply-retention-help" />
                            <label for="apply-retention">{tr.t_with("apply-retention-consent", &args())}</label>
                        </div>
                        <p id="apply-retention-help" class="muted">{explanation(Purpose::Retention)}</p>
                    }.into_any()
                } else {
                    view! { <p>{tr.t_with("apply-kept-for", &args())}</p> }.into_any()
                }}
                <p class="muted">{tr.t("apply-choices-later")}</p>
            </fieldset>
            <button type="submit" class="button">{tr.t("apply-button")}</button>
        </form>
    }
}
