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
use crate::ui::form::TimeZoneSelect;
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
    /// The organization's time zone: where "send later" reads its time without JavaScript.
    pub time_zone: String,
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
    time_zone: Option<String>,
    confirmed: Option<String>,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        let now = Utc::now();
        let send_later = when == "later";
        let organization_zone = crate::core::settings::load(&state.pool)
            .await?
            .compliance
            .time_zone;
        let send_at = crate::domain::outreach::send_time(
            send_later,
            send_at.as_deref().unwrap_or_default(),
            time_zone.as_deref().unwrap_or_default(),
            crate::domain::outreach::parse_zone(&organization_zone).unwrap_or(chrono_tz::Tz::UTC),
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
        time_zone,
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
                    <SendTime organization_zone=time_zone />
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
                                <select id="enroll-campaign" name="campaign">
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

/// Now, or a later time in a time zone by IANA name. The select starts at the organization's
/// zone (all a page without JavaScript has); the browser then picks its own, so a send
/// scheduled across a daylight-saving change leaves at the wall-clock time asked.
#[component]
fn SendTime(organization_zone: String) -> impl IntoView {
    let zone = RwSignal::new(organization_zone);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(own) = browser_time_zone() {
            // A machine on plain UTC may name it "Etc/UTC"; the select offers it as "UTC".
            let own = match own.as_str() {
                "Etc/UTC" | "Etc/GMT" | "GMT" | "Etc/Universal" | "UCT" => "UTC".to_owned(),
                _ => own,
            };
            if crate::domain::outreach::time_zones().any(|z| z == own) {
                zone.set(own);
            }
        }
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
                <input type="datetime-local" id="send-at" name="send_at" />
            </div>
            <div class="field">
                <label for="send-zone">{text::field_label(Field::TimeZone)}</label>
                <TimeZoneSelect id="send-zone" name="time_zone" selected=zone describedby="send-zone-help" />
                <p id="send-zone-help" class="muted">{text::SEND_TIME_ZONE_HELP}</p>
            </div>
        </fieldset>
    }
}

/// The browser's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
#[cfg(feature = "hydrate")]
fn browser_time_zone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
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
