//! Contacting a candidate from their profile (SPEC §7): an email composed from a template, sent now
//! or later, and enrolment in a nurture campaign. Warnings (pending erasure or revocation,
//! do-not-contact, expired legitimate interest) must be confirmed first; an anonymized candidate
//! can't be contacted at all. The rules are `domain::outreach` and `domain::consent_panel`.

#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::consent_panel::{ContactCheck, ContactWarning};
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::actions::reset_after_success;
#[cfg(feature = "ssr")]
use crate::ui::profile_action::candidate_action;
use crate::ui::profile_action::ProfileNotice;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What the profile offers for contacting the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outreach {
    pub check: ContactCheck,
    pub templates: Vec<TemplateChoice>,
    pub campaigns: Vec<CampaignChoice>,
    /// Emails waiting for their time (delayed sends and nurture touchpoints already queued).
    pub scheduled: Vec<ScheduledEmail>,
    pub enrollments: Vec<EnrollmentView>,
    /// Sent with the compose form, so a double or replayed submit queues one email.
    pub draft_key: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateChoice {
    pub id: Uuid,
    pub name: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignChoice {
    pub id: Uuid,
    pub name: String,
    /// Each email's days after enrolment.
    pub days_after: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduledEmail {
    pub subject: String,
    pub send_after: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentView {
    pub campaign: String,
    /// The next touchpoint still to go, if any.
    pub next: Option<DateTime<Utc>>,
    pub remaining: i64,
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "candidates/email")]
pub async fn send_email(
    candidate: String,
    draft: String,
    template: Option<String>,
    subject: String,
    body: String,
    when: String,
    send_at: Option<String>,
    utc_offset: Option<String>,
    confirmed: Option<String>,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        let now = Utc::now();
        let send_later = when == "later";
        let send_at = crate::domain::outreach::send_time(
            send_later,
            send_at.as_deref().unwrap_or_default(),
            utc_offset.as_deref().unwrap_or_default(),
            now,
        )?;
        let draft = service::Draft {
            candidate: id,
            key: draft.parse().ok(),
            template: template.and_then(|t| t.parse().ok()),
            subject: &subject,
            body: &body,
            send_at,
            confirmed: confirmed.is_some(),
        };
        service::send_email(&state.pool, &state.config, &viewer, draft, now).await?;
        Ok(if send_later {
            ProfileNotice::EmailScheduled
        } else {
            ProfileNotice::EmailQueued
        })
    })
    .await
}

#[server(endpoint = "candidates/enroll")]
pub async fn enroll(
    candidate: String,
    campaign: String,
    confirmed: Option<String>,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        let campaign = campaign.parse().map_err(|_| {
            AppError::Invalid(crate::domain::preferences::FieldError {
                field: Field::Campaign,
                problem: crate::domain::preferences::Problem::Required,
            })
        })?;
        service::enroll(
            &state.pool,
            &state.config,
            &viewer,
            id,
            campaign,
            confirmed.is_some(),
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::Enrolled)
    })
    .await
}

/// The profile card for contacting the candidate: what is scheduled, the compose form and the
/// campaign form, each behind the warnings to confirm.
#[component]
pub fn ContactCard(
    outreach: Outreach,
    candidate: Uuid,
    /// The template chosen with `?template=` (the compose form starts from it).
    chosen: Option<Uuid>,
    email: ServerAction<SendEmail>,
    enrolment: ServerAction<Enroll>,
) -> impl IntoView {
    let Outreach {
        check,
        templates,
        campaigns,
        scheduled,
        enrollments,
        draft_key,
    } = outreach;
    let warnings = match &check {
        ContactCheck::Refused => {
            return view! {
                <section class="card contact-card" aria-labelledby="outreach-heading">
                    <h2 id="outreach-heading">{text::CONTACT_CARD_HEADING}</h2>
                    <p class="muted">{text::error_message(&AppError::Anonymized)}</p>
                </section>
            }
            .into_any();
        }
        ContactCheck::Clear => Vec::new(),
        ContactCheck::ConfirmFirst(warnings) => warnings.clone(),
    };
    let template = chosen.and_then(|id| templates.iter().find(|t| t.id == id).cloned());
    let (template_id, subject, body) = match &template {
        Some(t) => (t.id.to_string(), t.subject.clone(), t.body.clone()),
        None => Default::default(),
    };
    let compose_warnings = warnings.clone();
    let (compose_pen, compose_form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(email, compose_pen, compose_form);
    let (enroll_pen, enroll_form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(enrolment, enroll_pen, enroll_form);
    view! {
        <section class="card contact-card" aria-labelledby="outreach-heading">
            <h2 id="outreach-heading">{text::CONTACT_CARD_HEADING}</h2>
            <Scheduled scheduled enrollments />
            <details class="pen" id="compose" open=template.is_some() node_ref=compose_pen>
                <summary>{text::EMAIL_CANDIDATE}</summary>
                <TemplatePicker candidate templates chosen />
                <ActionForm action=email node_ref=compose_form>
                    <input type="hidden" name="candidate" value=candidate.to_string() />
                    <input type="hidden" name="draft" value=draft_key.to_string() />
                    <input type="hidden" name="template" value=template_id />
                    <div class="field">
                        <label for="compose-subject">{text::field_label(Field::Subject)}</label>
                        <input id="compose-subject" name="subject" required
                            maxlength=Field::Subject.max_chars().to_string()
                            value=subject />
                    </div>
                    <div class="field">
                        <label for="compose-body">{text::field_label(Field::Body)}</label>
                        <textarea id="compose-body" name="body" rows="8" required
                            maxlength=Field::Body.max_chars().to_string() aria-describedby="compose-body-help">
                            {body}
                        </textarea>
                        <p id="compose-body-help" class="muted">{text::PLACEHOLDERS_HELP}</p>
                    </div>
                    <SendTime />
                    <Warnings warnings=compose_warnings id="compose" />
                    <button type="submit" class="button small">{text::SEND_EMAIL}</button>
                </ActionForm>
            </details>
            <details class="pen" id="enroll" node_ref=enroll_pen>
                <summary>{text::ADD_TO_CAMPAIGN}</summary>
                {if campaigns.is_empty() {
                    view! { <p class="muted">{text::NO_CAMPAIGNS}</p> }.into_any()
                } else {
                    view! {
                        <ActionForm action=enrolment node_ref=enroll_form>
                            <input type="hidden" name="candidate" value=candidate.to_string() />
                            <div class="field">
                                <label for="enroll-campaign">{text::field_label(Field::Campaign)}</label>
                                <select id="enroll-campaign" name="campaign" required>
                                    {campaigns
                                        .into_iter()
                                        .map(|c| view! {
                                            <option value=c.id.to_string()>{text::campaign_choice(&c.name, &c.days_after)}</option>
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <Warnings warnings id="enroll" />
                            <button type="submit" class="button small">{text::ENROLL}</button>
                        </ActionForm>
                    }
                        .into_any()
                }}
            </details>
        </section>
    }
    .into_any()
}

/// Chooses the template the compose form starts from: a plain GET form, so it works without
/// JavaScript; the page comes back with the template's subject and text filled in.
#[component]
fn TemplatePicker(
    candidate: Uuid,
    templates: Vec<TemplateChoice>,
    chosen: Option<Uuid>,
) -> impl IntoView {
    (!templates.is_empty()).then(|| {
        view! {
            <form method="get" action=format!("/candidates/{candidate}#compose") class="template-picker">
                <div class="field">
                    <label for="compose-template">{text::START_FROM_TEMPLATE}</label>
                    <select id="compose-template" name="template">
                        <option value="">{text::BLANK_MESSAGE}</option>
                        {templates
                            .into_iter()
                            .map(|t| view! { <option value=t.id.to_string() selected=chosen == Some(t.id)>{t.name}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button small secondary">{text::USE_TEMPLATE}</button>
            </form>
        }
    })
}

/// Now, or a later time in the sender's own time zone. The browser fills in its offset from UTC;
/// without JavaScript the time is read as UTC, and the help text says so.
#[component]
fn SendTime() -> impl IntoView {
    let offset = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        offset.set(Some(-(js_sys::Date::new_0().get_timezone_offset() as i32)));
    });
    view! {
        <fieldset class="send-time">
            <legend>{text::WHEN_TO_SEND}</legend>
            <div>
                <input type="radio" id="send-now" name="when" value="now" checked />
                <label for="send-now">{text::SEND_NOW}</label>
            </div>
            <div>
                <input type="radio" id="send-later" name="when" value="later" />
                <label for="send-later">{text::SEND_LATER}</label>
            </div>
            <div class="field">
                <label for="send-at">{text::field_label(Field::SendAt)}</label>
                <input type="datetime-local" id="send-at" name="send_at" aria-describedby="send-at-help" />
                <input type="hidden" name="utc_offset" prop:value=move || offset.get().map(|m| m.to_string()).unwrap_or_default() />
                <p id="send-at-help" class="muted">{move || text::send_time_zone(offset.get())}</p>
            </div>
        </fieldset>
    }
}

/// The reasons to think twice, and the box that confirms them; nothing when there are none.
#[component]
fn Warnings(warnings: Vec<ContactWarning>, id: &'static str) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let box_id = format!("{id}-confirmed");
        view! {
            <div class="notice warning contact-warning" role="note">
                <p><strong>{text::CONTACT_WARNING_HEADING}</strong></p>
                <ul>
                    {warnings.into_iter().map(|w| view! { <li>{text::contact_warning(w)}</li> }).collect_view()}
                </ul>
                <div class="confirm">
                    <input type="checkbox" id=box_id.clone() name="confirmed" value="yes" required />
                    <label for=box_id>{text::CONFIRM_CONTACT}</label>
                </div>
            </div>
        }
    })
}

#[component]
fn Scheduled(scheduled: Vec<ScheduledEmail>, enrollments: Vec<EnrollmentView>) -> impl IntoView {
    (!scheduled.is_empty() || !enrollments.is_empty()).then(|| {
        view! {
            <h3>{text::SCHEDULED_HEADING}</h3>
            <ul class="plain scheduled">
                {scheduled
                    .into_iter()
                    .map(|s| view! { <li>{text::scheduled_email(&s.subject, s.send_after)}</li> })
                    .collect_view()}
                {enrollments
                    .into_iter()
                    .map(|e| view! { <li>{text::enrollment(&e.campaign, e.next, e.remaining)}</li> })
                    .collect_view()}
            </ul>
        }
    })
}
