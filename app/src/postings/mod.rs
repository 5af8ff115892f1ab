//! Postings in the workspace (SPEC §10): the list of every posting with its state and the number
//! of candidates on it, and the form that creates or edits one (title, description, country,
//! owner, application questions). Closing a posting makes its job page refuse applications;
//! reopening publishes it again. Everyone but Limited Team Members; every form works without
//! JavaScript.

use crate::core::postings::{MemberChoice, PostingDetails};
use crate::domain::postings::PostingForm;
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::workspace::{OutcomeNotice, Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use uuid::Uuid;

/// What the form page needs: the posting (none for a new one) and who may own it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingEditorData {
    pub posting: Option<PostingDetails>,
    pub owners: Vec<MemberChoice>,
}

#[server(endpoint = "postings/list")]
pub async fn list_postings() -> Result<Vec<PostingDetails>, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            crate::core::postings::all(&state.pool, &viewer).await
        }
        .await,
    )
}

/// The editor for posting `id`, or for a new posting when `id` is `new`.
#[server(endpoint = "postings/editor")]
pub async fn posting_editor(id: String) -> Result<PostingEditorData, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let posting = match id.as_str() {
                "new" => {
                    if !crate::domain::postings::manages_postings(viewer.role) {
                        return Err(AppError::Forbidden);
                    }
                    None
                }
                id => {
                    let id = id.parse::<Uuid>().map_err(|_| AppError::NotFound)?;
                    Some(crate::core::postings::one(&state.pool, &viewer, id).await?)
                }
            };
            let owners = crate::core::postings::active_members(&state.pool).await?;
            Ok(PostingEditorData { posting, owners })
        }
        .await,
    )
}

/// Creates the posting (`id` empty) or saves the edit; answers with the postings page to go to.
#[server(endpoint = "postings/save")]
pub async fn save_posting(id: String, posting: PostingForm) -> Result<String, AppError> {
    let existing = id.parse::<Uuid>().ok();
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let draft = crate::domain::postings::PostingDraft::parse(&posting)?;
        crate::core::postings::save(&state.pool, &viewer, existing, &draft).await
    }
    .await;
    let form_page = match existing {
        Some(id) => format!("/postings/{id}"),
        None => "/postings/new".to_owned(),
    };
    let (page, code) = match &result {
        Ok(_) => ("/postings".to_owned(), "posting-saved".to_owned()),
        Err(error) => (form_page, error.code()),
    };
    let result = result.map(|_| "/postings?notice=posting-saved".to_owned());
    crate::core::server_side::answer_form(page, code, result, |_| String::new())
}

/// Closes (`publish` empty) or reopens (`publish` = `yes`) a posting; answers with the notice.
#[server(endpoint = "postings/state")]
pub async fn set_posting_state(
    posting: String,
    publish: Option<String>,
) -> Result<String, AppError> {
    let publish = publish.as_deref() == Some("yes");
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let id = posting.parse::<Uuid>().map_err(|_| AppError::NotFound)?;
        crate::core::postings::set_published(&state.pool, &viewer, id, publish).await
    }
    .await;
    let result = result.map(|()| {
        if publish {
            "posting-reopened".to_owned()
        } else {
            "posting-closed".to_owned()
        }
    });
    crate::core::server_side::answer_notice("/postings".to_owned(), result)
}

#[component]
pub fn PostingsPage() -> impl IntoView {
    let change = ServerAction::<SetPostingState>::new();
    let postings = Resource::new(move || change.version().get(), |_| list_postings());
    let query = use_query_map();
    let notice = Signal::derive(move || match change.value().get() {
        Some(Ok(code)) => Some(code),
        Some(Err(error)) => Some(error.code()),
        None => query.read().get("notice"),
    });
    view! {
        <Title text=text::POSTINGS_TITLE />
        <WorkspaceFrame>
            <h1>{text::POSTINGS_TITLE}</h1>
            <p><a class="button small" href="/postings/new">{text::NEW_POSTING}</a></p>
            {move || notice.get().map(|code| view! { <OutcomeNotice code success=text::posting_notice /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || postings.get().map(|result| match result {
                    Ok(postings) if postings.is_empty() => view! { <p class="muted">{text::NO_POSTINGS}</p> }.into_any(),
                    Ok(postings) => view! { <PostingTable postings change /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn PostingTable(
    postings: Vec<PostingDetails>,
    change: ServerAction<SetPostingState>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="requests">
                <caption class="visually-hidden">{text::POSTINGS_TITLE}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::field_label(Field::PostingTitle)}</th>
                        <th scope="col">{text::POSTING_STATE}</th>
                        <th scope="col">{text::POSTING_OWNER}</th>
                        <th scope="col">{text::POSTING_CANDIDATES}</th>
                        <th scope="col"><span class="visually-hidden">{text::POSTING_ACTIONS}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {postings.into_iter().map(|p| {
                        let title = match &p.country {
                            Some(country) => format!("{} ({country})", p.title),
                            None => p.title.clone(),
                        };
                        view! {
                            <tr>
                                <td><a href=format!("/postings/{}", p.id)>{title}</a></td>
                                <td>{if p.published { text::PUBLISHED } else { text::CLOSED }}</td>
                                <td>{p.owner_name.unwrap_or_else(|| text::NO_OWNER.to_owned())}</td>
                                <td>{p.applications}</td>
                                <td>
                                    <ActionForm action=change attr:class="inline-form">
                                        <input type="hidden" name="posting" value=p.id.to_string() />
                                        {if p.published {
                                            view! { <button type="submit" class="button secondary small">{text::close_posting(&p.title)}</button> }.into_any()
                                        } else {
                                            view! {
                                                <input type="hidden" name="publish" value="yes" />
                                                <button type="submit" class="button small">{text::reopen_posting(&p.title)}</button>
                                            }.into_any()
                                        }}
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PostingEditPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_else(|| "new".into()));
    let editor = Resource::new(move || id.get(), posting_editor);
    let save = ServerAction::<SavePosting>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(page)) = save.value().get() {
            navigate(&page, Default::default());
        }
    });
    let problem = Signal::derive(move || match save.value().get() {
        Some(Err(error)) => Some(error),
        _ => query
            .read()
            .get("notice")
            .and_then(|c| AppError::from_code(&c)),
    });
    view! {
        <WorkspaceFrame>
            <p class="breadcrumb"><a href="/postings">{text::BACK_TO_POSTINGS}</a></p>
            {move || problem.get().map(|error| view! {
                <div id="notice" class="notice failure" role="alert"><p>{text::error_message(&error)}</p></div>
            })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || editor.get().map(|result| match result {
                    Ok(editor) => view! { <PostingFormView editor save /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Title text=text::PROBLEM_TITLE /><Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn PostingFormView(editor: PostingEditorData, save: ServerAction<SavePosting>) -> impl IntoView {
    let PostingEditorData { posting, owners } = editor;
    let heading = match &posting {
        Some(p) => text::edit_posting(&p.title),
        None => text::NEW_POSTING.to_owned(),
    };
    let id = posting
        .as_ref()
        .map(|p| p.id.to_string())
        .unwrap_or_default();
    let value = |f: fn(&PostingDetails) -> String| posting.as_ref().map(f).unwrap_or_default();
    let title = value(|p| p.title.clone());
    let description = value(|p| p.description.clone());
    let country = value(|p| p.country.clone().unwrap_or_default());
    let questions = posting
        .as_ref()
        .map(|p| p.questions.join("\n"))
        .unwrap_or_else(|| text::MOTIVATION_QUESTION.to_owned());
    let owner = posting.as_ref().and_then(|p| p.owner);
    let state = posting.as_ref().map(|p| {
        if p.published {
            text::PUBLISHED
        } else {
            text::CLOSED
        }
    });
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        {state.map(|s| view! { <p class="muted">{text::posting_state_line(s)}</p> })}
        <ActionForm action=save attr:class="card posting-form">
            <input type="hidden" name="id" value=id />
            <FormField field=Field::PostingTitle scope="posting" labels=text::field_label group="posting" value=title required=true autocomplete="off" />
            <div class="field">
                <label for="posting-description">{text::field_label(Field::Description)}</label>
                <textarea id="posting-description" name="posting[description]" rows="8"
                    maxlength=Field::Description.max_chars().to_string()>{description}</textarea>
            </div>
            <div class="field">
                <label for="posting-country">{text::POSTING_COUNTRY}</label>
                <input id="posting-country" name="posting[country]" value=country maxlength="2" size="3"
                    autocomplete="off" aria-describedby="posting-country-help" />
                <p id="posting-country-help" class="muted">{text::POSTING_COUNTRY_HELP}</p>
            </div>
            <div class="field">
                <label for="posting-owner">{text::field_label(Field::Owner)}</label>
                <select id="posting-owner" name="posting[owner]">
                    <option value="">{text::NO_OWNER}</option>
                    {owners.into_iter().map(|o| view! {
                        <option value=o.id.to_string() selected=Some(o.id) == owner>{o.name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="posting-questions">{text::field_label(Field::Questions)}</label>
                <textarea id="posting-questions" name="posting[questions]" rows="4" required
                    aria-describedby="posting-questions-help"
                    maxlength=Field::Questions.max_chars().to_string()>{questions}</textarea>
                <p id="posting-questions-help" class="muted">{text::QUESTIONS_HELP}</p>
            </div>
            <button type="submit" class="button">{text::SAVE_POSTING}</button>
        </ActionForm>
    }
}
