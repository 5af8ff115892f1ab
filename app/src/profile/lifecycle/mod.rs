//! The candidate lifecycle on the profile (SPEC §10): an opportunity's stage, archiving with a
//! reason, unarchiving and hiring, and the team's notes and interview feedback. Each form works
//! without JavaScript (a post and a redirect back); the services are the core's
//! (`core::lifecycle`), so the integration API takes the same steps.

use crate::domain::lifecycle::{ArchiveReason, Stage};
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::actions::reset_after_success;
#[cfg(feature = "ssr")]
use crate::ui::profile_action::candidate_action;
use crate::ui::profile_action::ProfileNotice;
use leptos::prelude::*;
use uuid::Uuid;

/// One step on an opportunity: `step` is `stage`, `archive`, `unarchive` or `hire`; `value` the
/// stage or the archive reason.
#[server(endpoint = "candidates/opportunity-step")]
pub async fn take_step(
    candidate: String,
    opportunity: String,
    step: String,
    value: Option<String>,
) -> Result<ProfileNotice, AppError> {
    use crate::core::lifecycle::{self, Outcome};
    use crate::domain::lifecycle::Step;
    candidate_action(&candidate, |state, viewer, id| async move {
        let opportunity = opportunity
            .parse::<Uuid>()
            .map_err(|_| Field::Opportunity.error(crate::domain::preferences::Problem::Invalid))?;
        let step = Step::parse(&step, value.as_deref().unwrap_or_default())?;
        let outcome = lifecycle::take_step(
            &state.pool,
            &viewer,
            id,
            opportunity,
            step,
            chrono::Utc::now(),
        )
        .await?;
        Ok(match (step, outcome) {
            (_, Outcome::AlreadySo) | (Step::MoveTo(_), _) => ProfileNotice::Moved,
            (Step::Archive(_), _) => ProfileNotice::Archived,
            (Step::Unarchive, _) => ProfileNotice::Unarchived,
            (Step::Hire, _) => ProfileNotice::Hired,
        })
    })
    .await
}

#[server(endpoint = "candidates/note")]
pub async fn add_note(candidate: String, body: String) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        crate::core::lifecycle::add_note(&state.pool, &viewer, id, &body, chrono::Utc::now())
            .await?;
        Ok(ProfileNotice::NoteAdded)
    })
    .await
}

#[server(endpoint = "candidates/feedback")]
pub async fn add_feedback(
    candidate: String,
    opportunity: String,
    rating: String,
    body: String,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        let opportunity = opportunity
            .parse::<Uuid>()
            .map_err(|_| Field::Opportunity.error(crate::domain::preferences::Problem::Invalid))?;
        crate::core::lifecycle::add_feedback(
            &state.pool,
            &viewer,
            id,
            opportunity,
            &rating,
            &body,
            chrono::Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::FeedbackAdded)
    })
    .await
}

/// Assigns a colleague to an opportunity (`assign` = `yes`), or takes them off it.
#[server(endpoint = "candidates/assignee")]
pub async fn set_assignee(
    candidate: String,
    opportunity: String,
    member: String,
    assign: Option<String>,
) -> Result<ProfileNotice, AppError> {
    let assign = assign.as_deref() == Some("yes");
    candidate_action(&candidate, |state, viewer, id| async move {
        let invalid = |field: Field| field.error(crate::domain::preferences::Problem::Invalid);
        let opportunity = opportunity
            .parse::<Uuid>()
            .map_err(|_| invalid(Field::Opportunity))?;
        let member = member.parse::<Uuid>().map_err(|_| invalid(Field::Member))?;
        crate::core::lifecycle::set_assignee(
            &state.pool,
            &viewer,
            id,
            opportunity,
            member,
            assign,
            chrono::Utc::now(),
        )
        .await?;
        Ok(if assign {
            ProfileNotice::Assigned
        } else {
            ProfileNotice::Unassigned
        })
    })
    .await
}

/// Who is assigned to an opportunity, and for those who may assign, the forms that change it.
#[component]
pub fn Assignees(
    candidate: Uuid,
    opportunity: Uuid,
    assignees: Vec<(Uuid, String)>,
    colleagues: Vec<crate::core::postings::MemberChoice>,
    action: ServerAction<SetAssignee>,
) -> impl IntoView {
    let may_assign = !colleagues.is_empty();
    let hidden = move || {
        view! {
            <input type="hidden" name="candidate" value=candidate.to_string() />
            <input type="hidden" name="opportunity" value=opportunity.to_string() />
        }
    };
    let unassigned: Vec<_> = colleagues
        .into_iter()
        .filter(|c| !assignees.iter().any(|(id, _)| *id == c.id))
        .collect();
    let select_id = format!("assign-{opportunity}");
    view! {
        <div class="assignees">
            <p class="muted">{text::assigned_line(assignees.len())}</p>
            {(!assignees.is_empty()).then(|| view! {
                <ul class="plain inline-list">
                    {assignees.into_iter().map(|(id, name)| view! {
                        <li>
                            {name.clone()}
                            {may_assign.then(|| view! {
                                <ActionForm action attr:class="inline-form">
                                    {hidden()}
                                    <input type="hidden" name="member" value=id.to_string() />
                                    <button type="submit" class="button secondary small"
                                        aria-label=text::unassign_label(&name)>{text::UNASSIGN_BUTTON}</button>
                                </ActionForm>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(may_assign && !unassigned.is_empty()).then(|| view! {
                <ActionForm action attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="assign" value="yes" />
                    <label for=select_id.clone()>{text::ASSIGN_LABEL}</label>
                    <select id=select_id name="member" required>
                        <option value="">{text::CHOOSE}</option>
                        {unassigned.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.name}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button small">{text::ASSIGN_BUTTON}</button>
                </ActionForm>
            })}
        </div>
    }
    .into_any()
}

/// The lifecycle forms of one opportunity card.
#[component]
pub fn OpportunityActions(
    candidate: Uuid,
    opportunity: Uuid,
    stage: String,
    archived: bool,
    hired: bool,
    step: ServerAction<TakeStep>,
    feedback: ServerAction<AddFeedback>,
) -> impl IntoView {
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(feedback, pen, form);
    let hidden = move || {
        view! {
            <input type="hidden" name="candidate" value=candidate.to_string() />
            <input type="hidden" name="opportunity" value=opportunity.to_string() />
        }
    };
    let ids = move |what: &str| format!("{what}-{opportunity}");
    let pipeline = if hired {
        ().into_any()
    } else if archived {
        view! {
            <ActionForm action=step attr:class="inline-form">
                {hidden()}
                <input type="hidden" name="step" value="unarchive" />
                <button type="submit" class="button small">{text::UNARCHIVE_BUTTON}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <div class="lifecycle">
                <ActionForm action=step attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="step" value="stage" />
                    <label for=ids("stage")>{text::STAGE_LABEL}</label>
                    <select id=ids("stage") name="value">
                        {Stage::ALL.iter().map(|s| {
                            let code = s.as_str();
                            view! { <option value=code selected=code == stage>{text::stage_name(code)}</option> }
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button small">{text::MOVE_BUTTON}</button>
                </ActionForm>
                <ActionForm action=step attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="step" value="archive" />
                    <label for=ids("archive")>{text::ARCHIVE_LABEL}</label>
                    <select id=ids("archive") name="value" required>
                        <option value="">{text::CHOOSE}</option>
                        {ArchiveReason::ALL.iter().map(|r| view! {
                            <option value=r.as_str()>{text::archive_choice(*r)}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button small">{text::ARCHIVE_BUTTON}</button>
                </ActionForm>
                <ActionForm action=step attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="step" value="hire" />
                    <button type="submit" class="button small">{text::HIRE_BUTTON}</button>
                </ActionForm>
            </div>
        }
        .into_any()
    };
    view! {
        {pipeline}
        <details class="pen" node_ref=pen>
            <summary>{text::ADD_FEEDBACK}</summary>
            <ActionForm action=feedback node_ref=form>
                {hidden()}
                <div class="field">
                    <label for=ids("rating")>{text::RATING_LABEL}</label>
                    <select id=ids("rating") name="rating" required>
                        <option value="">{text::CHOOSE}</option>
                        {(1..=4i16).rev().map(|r| view! { <option value=r.to_string()>{text::rating(r)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=ids("feedback")>{text::FEEDBACK_LABEL}</label>
                    <textarea id=ids("feedback") name="body" rows="4"
                        maxlength=Field::Feedback.max_chars().to_string()></textarea>
                </div>
                <button type="submit" class="button small">{text::SAVE_FEEDBACK}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// The form that adds a note to the candidate.
#[component]
pub fn NoteForm(candidate: Uuid, action: ServerAction<AddNote>) -> impl IntoView {
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    view! {
        <details class="pen" node_ref=pen>
            <summary>{text::ADD_NOTE}</summary>
            <ActionForm action node_ref=form>
                <input type="hidden" name="candidate" value=candidate.to_string() />
                <div class="field">
                    <label for="note-body">{text::NOTE_LABEL}</label>
                    <textarea id="note-body" name="body" rows="4" required
                        maxlength=Field::TeamNote.max_chars().to_string()></textarea>
                </div>
                <button type="submit" class="button small">{text::SAVE_NOTE}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
