//! A candidate's profile (SPEC §7): opportunities, contact details, what they sent, what the team
//! wrote, a timeline, and the consent sidebar with the do-not-contact banner.

pub mod anonymize;
#[cfg(feature = "ssr")]
pub mod edit;
pub mod legal_hold;
pub mod lifecycle;
pub mod outreach;
#[cfg(feature = "ssr")]
pub mod query;
pub mod requests;

use crate::domain::consent_panel::{ConsentPanel, PanelVariant, PanelWarning};
use crate::domain::legal_hold::HoldView;
use crate::domain::preferences::Field;
use crate::domain::{ConsentDecision, ConsentStatus, DueState, Purpose, RequestKind};
use crate::error::AppError;
use crate::profile::anonymize::{AnonymizeBanner, AnonymizeCandidate, AnonymizeOffer};
use crate::profile::legal_hold::{LegalHoldCard, LiftHold, PlaceHold};
use crate::profile::lifecycle::{
    AddFeedback, AddNote, Assignees, NoteForm, OpportunityActions, SetAssignee, TakeStep,
};
use crate::profile::outreach::{ContactCard, Enroll, Outreach, SendEmail};
use crate::profile::requests::{
    ApplyCorrection, ExtendRequest, LogRequest, LogRequestCard, RefuseRequest, RequestTools,
    ResolveActions, ResolveRequest, ResolveTools, SendPersonalData,
};
use crate::text;
use crate::ui::actions::{follow_action, reset_after_success};
#[cfg(feature = "ssr")]
use crate::ui::profile_action::candidate_action;
use crate::ui::profile_action::ProfileNotice;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: Uuid,
    /// "Anonymized candidate" once anonymized.
    pub name: String,
    pub anonymized: bool,
    pub headline: Option<String>,
    /// `None` once anonymized: nothing personal is shown, whatever the database kept.
    pub contact: Option<ContactDetails>,
    pub opportunities: Vec<OpportunityView>,
    pub attachments: Vec<AttachmentView>,
    /// The latest notes (all of them with `?history=all`).
    pub notes: Vec<TeamText>,
    /// Older notes exist beyond those shown.
    pub more_notes: bool,
    /// The latest entries, newest first (all of them with `?history=all`).
    pub timeline: Vec<TimelineEntry>,
    pub more_history: bool,
    pub panel: ConsentPanel,
    /// The viewer may use the pen icons (`manage_profiles`, candidate not anonymized).
    pub can_edit: bool,
    pub outreach: Outreach,
    /// One banner per open data request, the nearest due date first.
    pub requests: Vec<RequestBanner>,
    /// The erasure action banner, while an erasure request is open.
    pub anonymize: Option<AnonymizeOffer>,
    pub hold: Option<HoldView>,
    /// The viewer may place and lift legal holds (Admins, candidate not anonymized).
    pub may_manage_hold: bool,
    /// The data-collection notice (SPEC §5), if one was queued for them.
    pub data_notice: Option<DataNotice>,
    /// The viewer may read the compliance dashboard and audit trails.
    pub may_audit: bool,
    /// The colleagues the viewer may assign to an opportunity; empty when they may not assign.
    pub colleagues: Vec<crate::core::postings::MemberChoice>,
    /// This rendering's key for the log-a-request form: a double submit logs one request.
    pub log_key: Uuid,
    /// Today on the server (`YYYY-MM-DD`), the latest day a logged request was received.
    pub today: String,
}

/// When the data-collection notice was queued, and when it went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataNotice {
    pub queued_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// An open data request, as its banner at the top of the profile shows it (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestBanner {
    pub id: Uuid,
    pub kind: RequestKind,
    pub received_at: DateTime<Utc>,
    /// The due date in force: the extended one once extended.
    pub due_at: DateTime<Utc>,
    pub extended: bool,
    pub due: DueState,
    /// It may still be extended: not yet extended, and the first month not over.
    pub extendable: bool,
    /// This viewer may refuse it (an erasure needs the permission to anonymize).
    pub refusable: bool,
    pub tools: RequestTools,
}

#[server(endpoint = "candidates/gdpr-country")]
pub async fn change_gdpr_country(
    candidate: String,
    country: String,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        edit::change_gdpr_country(&state.pool, &viewer, id, &country).await?;
        Ok(ProfileNotice::CountryChanged)
    })
    .await
}

#[server(endpoint = "candidates/consent")]
pub async fn record_consent(
    candidate: String,
    purpose: String,
    allow: String,
    note: String,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        let purpose: Purpose = purpose.parse().map_err(|_| AppError::NotFound)?;
        let decision = edit::WrittenDecision {
            candidate: id,
            purpose,
            allow: allow == "yes",
            note: &note,
        };
        edit::record_consent(&state.pool, &state.config, &viewer, decision, Utc::now()).await?;
        Ok(ProfileNotice::ConsentRecorded)
    })
    .await
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub skype: Option<String>,
    pub links: Vec<String>,
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpportunityView {
    pub id: Uuid,
    pub posting: Option<String>,
    pub stage: String,
    pub owner: Option<String>,
    pub origin: String,
    pub created_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
    pub archive_reason: Option<String>,
    pub hired: bool,
    /// The viewer may move it, archive or hire it and write feedback on it.
    pub may_act: bool,
    /// Colleagues assigned to it besides its owner (id, name).
    pub assignees: Vec<(Uuid, String)>,
    /// The candidate's answers (question, answer); empty once anonymized.
    pub responses: Vec<(String, String)>,
    /// Cover letters and other text the candidate sent; empty once anonymized.
    pub comments: Vec<String>,
    pub feedback: Vec<Feedback>,
    /// Shown as one line (an archived one beyond the newest few); whole with `?history=all`.
    pub folded: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub author: Option<String>,
    pub rating: i16,
    /// `None` when anonymization hid it (localized mode keeps the text but may not show it).
    pub body: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub at: DateTime<Utc>,
}

/// A note by the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamText {
    pub author: Option<String>,
    pub body: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TimelineEntry {
    Event {
        at: DateTime<Utc>,
        kind: String,
        stage: Option<String>,
        actor: Option<String>,
        posting: Option<String>,
    },
    Consent {
        at: DateTime<Utc>,
        purpose: Purpose,
        decision: ConsentDecision,
        source: String,
        recorded_by: Option<String>,
    },
}

impl TimelineEntry {
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineEntry::Event { at, .. } | TimelineEntry::Consent { at, .. } => *at,
        }
    }
}

#[server(endpoint = "candidates/profile")]
pub async fn load_profile(
    id: String,
    #[server(default)] history: Option<String>,
) -> Result<Profile, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let id = id.parse::<Uuid>().map_err(|_| AppError::NotFound)?;
            let whole = history.as_deref() == Some(WHOLE_HISTORY);
            query::profile(&state.pool, &state.config, &viewer, id, whole, Utc::now()).await
        }
        .await,
    )
}

/// `?history=all`: every note and timeline entry instead of the latest.
const WHOLE_HISTORY: &str = "all";

fn profile_notice(result: Result<ProfileNotice, AppError>) -> ProfileNotice {
    result.unwrap_or_else(ProfileNotice::Failed)
}

#[derive(Clone, Copy)]
struct Edits {
    country: ServerAction<ChangeGdprCountry>,
    consent: ServerAction<RecordConsent>,
    email: ServerAction<SendEmail>,
    enroll: ServerAction<Enroll>,
    extend: ServerAction<ExtendRequest>,
    refuse: ServerAction<RefuseRequest>,
    anonymize: ServerAction<AnonymizeCandidate>,
    place_hold: ServerAction<PlaceHold>,
    lift_hold: ServerAction<LiftHold>,
    send_data: ServerAction<SendPersonalData>,
    resolve: ServerAction<ResolveRequest>,
    apply: ServerAction<ApplyCorrection>,
    step: ServerAction<TakeStep>,
    feedback: ServerAction<AddFeedback>,
    note: ServerAction<AddNote>,
    assign: ServerAction<SetAssignee>,
    log: ServerAction<LogRequest>,
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let edits = Edits {
        country: ServerAction::new(),
        consent: ServerAction::new(),
        email: ServerAction::new(),
        enroll: ServerAction::new(),
        extend: ServerAction::new(),
        refuse: ServerAction::new(),
        anonymize: ServerAction::new(),
        place_hold: ServerAction::new(),
        lift_hold: ServerAction::new(),
        send_data: ServerAction::new(),
        resolve: ServerAction::new(),
        apply: ServerAction::new(),
        step: ServerAction::new(),
        feedback: ServerAction::new(),
        note: ServerAction::new(),
        assign: ServerAction::new(),
        log: ServerAction::new(),
    };
    // Show the latest outcome (or the redirect's ?notice=); reload after each success.
    let latest = RwSignal::new(None::<ProfileNotice>);
    let successes = RwSignal::new(0u32);
    follow_action(edits.country, latest, successes, profile_notice);
    follow_action(edits.consent, latest, successes, profile_notice);
    follow_action(edits.email, latest, successes, profile_notice);
    follow_action(edits.enroll, latest, successes, profile_notice);
    follow_action(edits.extend, latest, successes, profile_notice);
    follow_action(edits.refuse, latest, successes, profile_notice);
    follow_action(edits.anonymize, latest, successes, profile_notice);
    follow_action(edits.place_hold, latest, successes, profile_notice);
    follow_action(edits.lift_hold, latest, successes, profile_notice);
    follow_action(edits.send_data, latest, successes, profile_notice);
    follow_action(edits.resolve, latest, successes, profile_notice);
    follow_action(edits.apply, latest, successes, profile_notice);
    follow_action(edits.step, latest, successes, profile_notice);
    follow_action(edits.feedback, latest, successes, profile_notice);
    follow_action(edits.note, latest, successes, profile_notice);
    follow_action(edits.assign, latest, successes, profile_notice);
    follow_action(edits.log, latest, successes, profile_notice);
    let chosen_template = Memo::new(move |_| {
        query
            .read()
            .get("template")
            .and_then(|t| t.parse::<Uuid>().ok())
    });
    let notice = Signal::derive(move || {
        latest.get().or_else(|| {
            query
                .read()
                .get("notice")
                .and_then(|c| ProfileNotice::from_code(&c))
        })
    });
    let history = Memo::new(move |_| query.read().get("history"));
    let profile = Resource::new(
        // A template chosen for the compose form comes as `?template=`; the page is drawn again.
        move || {
            (
                id.get(),
                history.get(),
                successes.get(),
                chosen_template.get(),
            )
        },
        |(id, history, _, _)| load_profile(id, history),
    );
    view! {
        <WorkspaceFrame>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    profile
                        .get()
                        .map(|result| match result {
                            Ok(profile) => view! { <ProfileView profile notice edits chosen_template=chosen_template.get_untracked() /> }.into_any(),
                            Err(AppError::SignInRequired) => ().into_any(),
                            Err(error) => view! { <Title text=text::PROBLEM_TITLE /><Problem error /> }.into_any(),
                        })
                }}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn ProfileView(
    profile: Profile,
    notice: Signal<Option<ProfileNotice>>,
    edits: Edits,
    chosen_template: Option<Uuid>,
) -> impl IntoView {
    let Profile {
        id,
        can_edit,
        name,
        anonymized,
        headline,
        contact,
        opportunities,
        attachments,
        notes,
        more_notes,
        mut timeline,
        more_history,
        panel,
        outreach,
        requests,
        anonymize,
        hold,
        may_manage_hold,
        data_notice,
        may_audit,
        colleagues,
        log_key,
        today,
    } = profile;
    timeline.sort_by_key(|e| std::cmp::Reverse(e.at()));
    let do_not_contact = panel.do_not_contact;
    let deletion = panel.deletion.filter(|_| !anonymized);
    let held = hold.is_some();
    view! {
        <Title text=name.clone() />
        <p class="breadcrumb"><a href="/candidates">{text::BACK_TO_CANDIDATES}</a></p>
        {move || notice.get().map(|n| {
            let failed = matches!(n, ProfileNotice::Failed(_));
            view! {
                <div id="notice" class=if failed { "notice failure" } else { "notice success" } role=if failed { "alert" } else { "status" }>
                    <p>{text::profile_notice(&n)}</p>
                </div>
            }
        })}
        <RequestBanners requests candidate=id edits can_act=!anonymized anonymize hold=hold.clone() />
        {do_not_contact.then(|| view! {
            <div class="banner danger" role="note">
                <strong>{text::DO_NOT_CONTACT}</strong>
                " "
                {text::DO_NOT_CONTACT_EXPLAINED}
            </div>
        })}
        {deletion.map(|notice| view! {
            <div class="banner warning" role="note" id="deletion-banner">
                <strong>{text::MARKED_FOR_DELETION}</strong>
                " "
                {text::deletion_notice(&notice, held)}
            </div>
        })}
        <div class="profile">
            <div class="profile-main">
                <h1 class:anonymized=anonymized>{name}</h1>
                {headline.map(|h| view! { <p class="lead">{h}</p> })}
                <ContactSection contact />
                <section aria-labelledby="opportunities-heading" class="section">
                    <h2 id="opportunities-heading">{text::OPPORTUNITIES_HEADING}</h2>
                    {if opportunities.is_empty() {
                        view! { <p class="muted">{text::NO_OPPORTUNITIES}</p> }.into_any()
                    } else {
                        let (folded, whole): (Vec<_>, Vec<_>) =
                            opportunities.into_iter().partition(|o| o.folded);
                        view! {
                            {whole
                                .into_iter()
                                .map(|o| view! { <Opportunity opportunity=o candidate=id edits colleagues=colleagues.clone() /> })
                                .collect_view()}
                            {(!folded.is_empty()).then(|| view! {
                                <h3>{text::EARLIER_OPPORTUNITIES}</h3>
                                <ul class="plain">
                                    {folded.into_iter().map(|o| view! {
                                        <li>
                                            {o.posting.unwrap_or_else(|| text::GENERAL_OPPORTUNITY.to_owned())}
                                            <span class="muted">{format!(
                                                " · {} · {}",
                                                text::stage_name(&o.stage),
                                                o.archived_at.map(|at| text::archived(at, o.archive_reason.as_deref())).unwrap_or_default(),
                                            )}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                                <p><a href=format!("/candidates/{id}?history={WHOLE_HISTORY}#opportunities-heading")>{text::ALL_OPPORTUNITIES}</a></p>
                            })}
                        }
                            .into_any()
                    }}
                </section>
                <section aria-labelledby="attachments-heading" class="section">
                    <h2 id="attachments-heading">{text::ATTACHMENTS_HEADING}</h2>
                    {if attachments.is_empty() {
                        view! { <p class="muted">{text::NONE_YET}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain">
                                {attachments
                                    .into_iter()
                                    .map(|a| view! {
                                        <li>
                                            {a.file_name}
                                            <span class="muted">{format!(" · {} · {} · {}", a.media_type, text::file_size(a.size_bytes), text::date(a.at))}</span>
                                        </li>
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </section>
                <section aria-labelledby="notes-heading" class="section">
                    <h2 id="notes-heading">{text::NOTES_HEADING}</h2>
                    {(!anonymized).then(|| view! { <NoteForm candidate=id action=edits.note /> })}
                    {if notes.is_empty() {
                        view! { <p class="muted">{text::NONE_YET}</p> }.into_any()
                    } else {
                        notes.into_iter().map(|n| view! { <Note note=n /> }).collect_view().into_any()
                    }}
                    {more_notes.then(|| view! {
                        <p><a href=format!("/candidates/{id}?history={WHOLE_HISTORY}#notes-heading")>{text::ALL_NOTES}</a></p>
                    })}
                </section>
                <section aria-labelledby="timeline-heading" class="section">
                    <h2 id="timeline-heading">{text::TIMELINE_HEADING}</h2>
                    <ol class="timeline">
                        {timeline.into_iter().map(|e| view! { <TimelineItem entry=e /> }).collect_view()}
                    </ol>
                    {more_history.then(|| view! {
                        <p><a href=format!("/candidates/{id}?history={WHOLE_HISTORY}#timeline-heading")>{text::WHOLE_TIMELINE}</a></p>
                    })}
                </section>
            </div>
            <aside class="profile-side" aria-labelledby="consent-heading">
                <ConsentSidebar panel candidate=id can_edit edits data_notice />
                <LegalHoldCard hold may_manage=may_manage_hold candidate=id place=edits.place_hold lift=edits.lift_hold />
                {(!anonymized).then(|| view! { <LogRequestCard candidate=id key=log_key today=today.clone() action=edits.log /> })}
                <ContactCard outreach candidate=id chosen=chosen_template email=edits.email enrolment=edits.enroll />
                {may_audit.then(|| view! {
                    <p class="audit-link"><a href=format!("/compliance/candidates/{id}")>{text::AUDIT_TRAIL_LINK}</a></p>
                })}
            </aside>
        </div>
    }
}

/// One banner per open request: kind, received, due and how much time is left, amber within a
/// week and red once overdue (the words say so too). Below the first erasure request, the
/// action banner that anonymizes the candidate.
#[component]
fn RequestBanners(
    requests: Vec<RequestBanner>,
    candidate: Uuid,
    edits: Edits,
    can_act: bool,
    anonymize: Option<AnonymizeOffer>,
    hold: Option<HoldView>,
) -> impl IntoView {
    let first_erasure = requests
        .iter()
        .find(|r| r.kind == RequestKind::Erasure)
        .map(|r| r.id);
    let mut anonymize = anonymize;
    (!requests.is_empty()).then(|| {
        view! {
            <section class="request-banners" aria-label=text::OPEN_REQUESTS>
                {requests
                    .into_iter()
                    .map(|r| {
                        let tone = match r.due {
                            DueState::OnTrack { .. } => "banner request",
                            DueState::DueSoon { .. } => "banner request due-soon",
                            DueState::Overdue { .. } => "banner request overdue",
                        };
                        view! {
                            <div class=tone role="note" data-request=r.id.to_string()>
                                <p>
                                    <strong>{text::request_banner_title(r.kind)}</strong>
                                    " "
                                    <span>{text::request_banner_dates(r.received_at, r.due_at, r.extended)}</span>
                                    " "
                                    <strong class="due">{text::due_state(r.due)}</strong>
                                </p>
                                {can_act.then(|| view! {
                                    <div class="request-actions">
                                        <ResolveTools tools=r.tools candidate request=r.id actions=ResolveActions {
                                            send_data: edits.send_data,
                                            resolve: edits.resolve,
                                            apply: edits.apply,
                                            email: edits.email,
                                        } />
                                        {r.extendable.then(|| view! { <ExtendPen candidate request=r.id action=edits.extend /> })}
                                        {r.refusable.then(|| view! { <RefusePen candidate request=r.id action=edits.refuse /> })}
                                    </div>
                                })}
                            </div>
                            {(Some(r.id) == first_erasure)
                                .then(|| anonymize.take())
                                .flatten()
                                .map(|offer| view! { <AnonymizeBanner offer hold=hold.clone() candidate action=edits.anonymize /> })}
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

/// Extends a request once, by one or two months, with the reason the candidate is sent.
#[component]
fn ExtendPen(candidate: Uuid, request: Uuid, action: ServerAction<ExtendRequest>) -> impl IntoView {
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    let months_id = format!("extend-{request}-months");
    let reason_id = format!("extend-{request}-reason");
    view! {
        <details class="pen" node_ref=pen>
            <summary>{text::EXTEND_REQUEST}</summary>
            <ActionForm action node_ref=form>
                <input type="hidden" name="candidate" value=candidate.to_string() />
                <input type="hidden" name="request" value=request.to_string() />
                <div class="field">
                    <label for=months_id.clone()>{text::field_label(Field::Months)}</label>
                    <select id=months_id name="months">
                        <option value="1">{text::ONE_MONTH}</option>
                        <option value="2">{text::TWO_MONTHS}</option>
                    </select>
                </div>
                <div class="field">
                    <label for=reason_id.clone()>{text::EXTENSION_REASON}</label>
                    <textarea id=reason_id name="reason" rows="3" required
                        maxlength=Field::Reason.max_chars().to_string()></textarea>
                </div>
                <button type="submit" class="button small">{text::EXTEND_BUTTON}</button>
            </ActionForm>
        </details>
    }
}

/// Refuses a request, with the reason the candidate is sent.
#[component]
fn RefusePen(candidate: Uuid, request: Uuid, action: ServerAction<RefuseRequest>) -> impl IntoView {
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    let reason_id = format!("refuse-{request}-reason");
    let help_id = format!("refuse-{request}-help");
    view! {
        <details class="pen" node_ref=pen>
            <summary>{text::REFUSE_REQUEST}</summary>
            <ActionForm action node_ref=form>
                <input type="hidden" name="candidate" value=candidate.to_string() />
                <input type="hidden" name="request" value=request.to_string() />
                <div class="field">
                    <label for=reason_id.clone()>{text::REFUSAL_REASON}</label>
                    <textarea id=reason_id name="reason" rows="3" required aria-describedby=help_id.clone()
                        maxlength=Field::Reason.max_chars().to_string()></textarea>
                    <p id=help_id class="muted">{text::REFUSE_EXPLAINED}</p>
                </div>
                <button type="submit" class="button small danger">{text::REFUSE_BUTTON}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn ContactSection(contact: Option<ContactDetails>) -> impl IntoView {
    let Some(contact) = contact else {
        return view! { <p class="notice">{text::ANONYMIZED_NOTICE}</p> }.into_any();
    };
    let line = |label: &'static str, values: Vec<String>| {
        (!values.is_empty()).then(|| {
            view! {
                <dt>{label}</dt>
                <dd>{values.join(", ")}</dd>
            }
        })
    };
    view! {
        <section aria-labelledby="contact-heading" class="section">
            <h2 id="contact-heading">{text::CONTACT_DETAILS_HEADING}</h2>
            <dl class="details">
                {line(text::EMAIL_LABEL, contact.emails)}
                {line(text::PHONE_LABEL, contact.phones)}
                {line(text::SKYPE_LABEL, contact.skype.into_iter().collect())}
                {line(text::LINKS_LABEL, contact.links)}
                {line(text::LOCATION_LABEL, contact.location.into_iter().collect())}
            </dl>
        </section>
    }
    .into_any()
}

#[component]
fn Opportunity(
    opportunity: OpportunityView,
    candidate: Uuid,
    edits: Edits,
    colleagues: Vec<crate::core::postings::MemberChoice>,
) -> impl IntoView {
    let o = opportunity;
    let assignees = view! {
        <Assignees candidate opportunity=o.id assignees=o.assignees.clone() colleagues action=edits.assign />
    };
    let actions = o.may_act.then(|| {
        view! {
            <OpportunityActions candidate opportunity=o.id stage=o.stage.clone() archived=o.archived_at.is_some()
                hired=o.hired step=edits.step feedback=edits.feedback />
        }
    });
    let state = if o.hired {
        text::HIRED.to_owned()
    } else if let Some(at) = o.archived_at {
        text::archived(at, o.archive_reason.as_deref())
    } else {
        text::ACTIVE.to_owned()
    };
    view! {
        <article class="card opportunity">
            <h3>{o.posting.unwrap_or_else(|| text::GENERAL_OPPORTUNITY.to_owned())}</h3>
            <p class="muted">
                {format!("{} · {} · {}", text::stage_name(&o.stage), state, text::opportunity_origin(&o.origin, o.created_at))}
            </p>
            <p class="muted">{text::owner(o.owner.as_deref())}</p>
            {assignees}
            {actions}
            {(!o.responses.is_empty()).then(|| view! {
                <h4>{text::APPLICATION_ANSWERS}</h4>
                <dl class="details">
                    {o.responses.into_iter().map(|(q, a)| view! { <dt>{q}</dt><dd>{a}</dd> }).collect_view()}
                </dl>
            })}
            {(!o.comments.is_empty()).then(|| view! {
                <h4>{text::APPLICATION_COMMENTS}</h4>
                {o.comments.into_iter().map(|c| view! { <blockquote>{c}</blockquote> }).collect_view()}
            })}
            {(!o.feedback.is_empty()).then(|| view! {
                <h4>{text::FEEDBACK_HEADING}</h4>
                <ul class="plain">
                    {o.feedback.into_iter().map(|f| view! {
                        <li>
                            <strong>{text::rating(f.rating)}</strong>
                            <span class="muted">{format!(" · {} · {}", f.author.unwrap_or_else(|| text::FORMER_MEMBER.to_owned()), text::date(f.at))}</span>
                            {f.body.filter(|b| !b.is_empty()).map(|b| view! { <p>{b}</p> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}

#[component]
fn Note(note: TeamText) -> impl IntoView {
    view! {
        <article class="note">
            <p class="muted">
                {format!("{} · {}", note.author.unwrap_or_else(|| text::FORMER_MEMBER.to_owned()), text::date(note.at))}
            </p>
            <p>{note.body.unwrap_or_else(|| text::HIDDEN_AFTER_ANONYMIZATION.to_owned())}</p>
        </article>
    }
}

#[component]
fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    let (at, what) = match entry {
        TimelineEntry::Event {
            at,
            kind,
            stage,
            actor,
            posting,
        } => (
            at,
            text::timeline_event(
                &kind,
                stage.as_deref(),
                actor.as_deref(),
                posting.as_deref(),
            ),
        ),
        TimelineEntry::Consent {
            at,
            purpose,
            decision,
            source,
            recorded_by,
        } => (
            at,
            text::timeline_consent(purpose, decision, &source, recorded_by.as_deref()),
        ),
    };
    view! {
        <li>
            <time datetime=at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)>{text::date(at)}</time>
            " — "
            {what}
        </li>
    }
}

#[component]
fn ConsentSidebar(
    panel: ConsentPanel,
    candidate: Uuid,
    can_edit: bool,
    edits: Edits,
    data_notice: Option<DataNotice>,
) -> impl IntoView {
    let country_pen = (can_edit && panel.country_editable).then(|| {
        let current = panel.gdpr_country.map(|c| c.as_str().to_owned()).unwrap_or_default();
        let (pen, form) = (NodeRef::new(), NodeRef::new());
        reset_after_success(edits.country, pen, form);
        view! {
            <details class="pen" node_ref=pen>
                <summary>{text::CHANGE_COUNTRY}</summary>
                <ActionForm action=edits.country node_ref=form>
                    <input type="hidden" name="candidate" value=candidate.to_string() />
                    <div class="field">
                        <label for="gdpr-country">{text::field_label(crate::domain::preferences::Field::Country)}</label>
                        <select id="gdpr-country" name="country" aria-describedby="gdpr-country-help">
                            <option value="" selected=current.is_empty()>{text::OWN_COUNTRY}</option>
                            {crate::domain::CountryCode::all()
                                .into_iter()
                                .map(|(code, name)| {
                                    let selected = code.as_str() == current;
                                    view! { <option value=code.as_str().to_owned() selected=selected>{text::country_choice(name, code)}</option> }
                                })
                                .collect_view()}
                        </select>
                        <p id="gdpr-country-help" class="muted">{text::COUNTRY_HELP}</p>
                    </div>
                    <button type="submit" class="button small">{text::SAVE_COUNTRY}</button>
                </ActionForm>
            </details>
        }
    });
    let heading = match &panel.variant {
        PanelVariant::Off => text::CONSENT_OFF,
        PanelVariant::NotProtected => text::GDPR_NOT_PROTECTED,
        PanelVariant::Gdpr => text::GDPR_PROTECTED,
        PanelVariant::Localized { .. } => text::LOCALIZED,
    };
    let country = match (&panel.variant, panel.gdpr_country) {
        (PanelVariant::Off, _) => None,
        (PanelVariant::Localized { policy: Some(p) }, _) => Some(text::country_with_retention(
            p.country.as_str(),
            &text::retention_in_words(p.retention_days),
        )),
        (PanelVariant::Localized { policy: None }, _) => Some(text::NO_COUNTRY_POLICY.to_owned()),
        (_, country) => Some(text::gdpr_country(
            country.as_ref().map(|c| (c.as_str(), c.is_eea())),
        )),
    };
    let warning = panel.warning.map(|w| match w {
        PanelWarning::RetentionPassed { since } => text::retention_passed(since),
        PanelWarning::ConsentRefused => text::CONSENT_REFUSED_WARNING.to_owned(),
    });
    let retention = text::retention_in_words(panel.retention_days);
    view! {
        <section class="card consent-panel">
            <h2 id="consent-heading">
                {text::CONSENT_SIDEBAR_HEADING}
                {warning.is_some().then(|| view! { <span class="warning-icon" role="img" aria-label=text::WARNING_LABEL>"⚠"</span> })}
            </h2>
            <p class="panel-variant">{heading}</p>
            {country.map(|c| view! { <p>{c}</p> })}
            {country_pen}
            {data_notice.map(|n| view! { <p class="data-notice">{text::data_notice(n.queued_at, n.sent_at)}</p> })}
            {warning.map(|w| view! { <p class="notice warning">{w}</p> })}
            <ul class="plain consent-rows">
                {panel
                    .rows
                    .into_iter()
                    .map(|row| {
                        let (label, tone) = status_words(row.purpose, &row.status);
                        let pen = can_edit.then(|| view! { <ConsentPen candidate purpose=row.purpose action=edits.consent /> });
                        view! {
                            <li>
                                <span class="purpose">{text::purpose_title(row.purpose)}</span>
                                <span class=format!("badge {tone}")>{label}</span>
                                {pen}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="muted">{text::retention_period(&retention)}</p>
        </section>
    }
}

/// The status words and badge tone for one sidebar row.
fn status_words(purpose: Purpose, status: &ConsentStatus) -> (String, &'static str) {
    match (purpose, status) {
        (Purpose::Contact, ConsentStatus::NotProvidedOrRevoked { since }) => {
            (text::contact_revoked(*since), "danger")
        }
        (Purpose::Contact, _) => (text::CONTACT_ACTIVE.to_owned(), "ok"),
        (_, ConsentStatus::Given { expires_at, .. }) => (text::consent_given(*expires_at), "ok"),
        (_, ConsentStatus::NotProvidedOrRevoked { since }) => {
            (text::consent_refused(*since), "danger")
        }
        (_, ConsentStatus::Expired { since }) => (text::consent_expired(*since), "danger"),
        (_, ConsentStatus::NotYetAsked) => (text::CONSENT_NOT_YET.to_owned(), ""),
    }
}

/// Records a decision the candidate sent in writing (source `recruiter_manual`).
#[component]
fn ConsentPen(
    candidate: Uuid,
    purpose: Purpose,
    action: ServerAction<RecordConsent>,
) -> impl IntoView {
    let base = format!("consent-{}", purpose.as_str());
    let note_id = format!("{base}-note");
    let yes_id = format!("{base}-yes");
    let no_id = format!("{base}-no");
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    view! {
        <details class="pen" node_ref=pen>
            <summary>{text::record_consent_change(purpose)}</summary>
            <ActionForm action node_ref=form>
                <input type="hidden" name="candidate" value=candidate.to_string() />
                <input type="hidden" name="purpose" value=purpose.as_str() />
                <fieldset>
                    <legend>{text::CANDIDATE_DECIDED}</legend>
                    <div>
                        <input type="radio" id=yes_id.clone() name="allow" value="yes" required />
                        <label for=yes_id>{text::decision_label(purpose, true)}</label>
                    </div>
                    <div>
                        <input type="radio" id=no_id.clone() name="allow" value="no" />
                        <label for=no_id>{text::decision_label(purpose, false)}</label>
                    </div>
                </fieldset>
                <div class="field">
                    <label for=note_id.clone()>{text::field_label(crate::domain::preferences::Field::Evidence)}</label>
                    <textarea id=note_id name="note" rows="3" required maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button small">{text::RECORD_DECISION}</button>
            </ActionForm>
        </details>
    }
}
