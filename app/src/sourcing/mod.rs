//! Adding a candidate by hand (sourced, SPEC §5): the recruiter's form, and the data-collection
//! notice with the candidate's consent link when GDPR protects them.

#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::preferences::Field;
use crate::domain::sourcing::SourcedForm;
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::core::postings::PostingChoice;

#[server(endpoint = "candidates/postings")]
pub async fn open_postings() -> Result<Vec<PostingChoice>, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, _viewer) = crate::core::session::signed_in().await?;
            crate::core::postings::open_postings(&state.pool).await
        }
        .await,
    )
}

/// Adds the candidate; answers with the address of their new profile.
#[server(endpoint = "candidates/add")]
pub async fn add_candidate(candidate: SourcedForm) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let sourced =
            crate::domain::sourcing::Sourced::parse(&candidate).map_err(AppError::Invalid)?;
        service::add(
            &state.pool,
            &state.config,
            &viewer,
            &sourced,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    let (page, code) = match &result {
        Ok(added) => (
            format!("/candidates/{}", added.id),
            if added.notice_queued {
                "added-notice"
            } else {
                "added"
            }
            .to_owned(),
        ),
        Err(error) => ("/candidates/new".to_owned(), error.code()),
    };
    let result = result.map(|added| format!("/candidates/{}?notice={code}", added.id));
    crate::core::server_side::answer_form(page, code, result, |_| String::new())
}

#[component]
pub fn AddCandidatePage() -> impl IntoView {
    let add = ServerAction::<AddCandidate>::new();
    let postings = Resource::new(|| (), |_| open_postings());
    let query = use_query_map();
    let navigate = use_navigate();
    // With JavaScript, a success opens the new profile; a refusal stays, with what was typed.
    Effect::new(move |_| {
        if let Some(Ok(profile)) = add.value().get() {
            navigate(&profile, Default::default());
        }
    });
    let problem = Signal::derive(move || match add.value().get() {
        Some(Err(error)) => Some(error),
        _ => query
            .read()
            .get("notice")
            .and_then(|code| AppError::from_code(&code)),
    });
    view! {
        <Title text=text::ADD_CANDIDATE_TITLE />
        <WorkspaceFrame>
            <h1>{text::ADD_CANDIDATE_TITLE}</h1>
            <p class="muted">{text::ADD_CANDIDATE_INTRO}</p>
            {move || problem.get().map(|error| view! {
                <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div>
            })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || postings.get().map(|result| match result {
                    Ok(postings) => view! { <SourcedFormView postings add /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn SourcedFormView(postings: Vec<PostingChoice>, add: ServerAction<AddCandidate>) -> impl IntoView {
    view! {
        <ActionForm action=add attr:class="card add-candidate">
            <FormField field=Field::Name scope="new" labels=text::new_candidate_label group="candidate" kind="text" autocomplete="off" required=true />
            <FormField field=Field::Email scope="new" labels=text::new_candidate_label group="candidate" kind="email" autocomplete="off" required=true />
            <FormField field=Field::Phone scope="new" labels=text::new_candidate_label group="candidate" kind="tel" autocomplete="off" />
            <div class="field">
                <label for="new-country">{text::new_candidate_label(Field::Country)}</label>
                <input id="new-country" name="candidate[country]" maxlength="2" size="3" autocomplete="off"
                    aria-describedby="new-country-help" />
                <p id="new-country-help" class="muted">{text::NEW_COUNTRY_HELP}</p>
            </div>
            <div class="field">
                <label for="new-posting">{text::field_label(Field::Posting)}</label>
                <select id="new-posting" name="candidate[posting]">
                    <option value="">{text::NO_POSTING}</option>
                    {postings
                        .into_iter()
                        .map(|p| {
                            let label = match &p.country {
                                Some(country) => format!("{} ({country})", p.title),
                                None => p.title.clone(),
                            };
                            view! { <option value=p.id.to_string()>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="muted">{text::NOTICE_EXPLAINED}</p>
            <button type="submit" class="button">{text::ADD_CANDIDATE_BUTTON}</button>
        </ActionForm>
    }
}
