//! The candidate's data-preferences page (SPEC §3, §4): `/preferences/{token}`.
//!
//! Every action is a real form posted to a server function. With JavaScript the form is sent in
//! the background and the page updates in place; without it the server answers with a redirect
//! back to the page, carrying the outcome as `?notice=` (the token page sends no Referer, so
//! Leptos's Referer-based fallback can't be used).

pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
pub mod unsubscribe;

use crate::domain::{
    preferences::{Field, PageLayout},
    Purpose, RequestKind, RequestStatus,
};
use crate::error::AppError;
use crate::text;
use crate::ui::actions::follow_action;
use crate::ui::bad_link::BadLink;
use crate::ui::form::FormField;
use crate::ui::organization::OrganizationContacts;
use crate::ui::page::set_status;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::{ConsentState, LinkPage, Notice, PreferencesView, RequestRow};

#[cfg(feature = "ssr")]
#[cfg(feature = "ssr")]
use crate::core::consent;
#[cfg(feature = "ssr")]
use crate::core::server_side;

/// `earlier`: where the page's closed requests start (its "Earlier requests" link); a position
/// that doesn't read shows the most recent ones.
#[server(endpoint = "preferences/load")]
pub async fn load_preferences(
    token: String,
    earlier: Option<String>,
) -> Result<LinkPage, AppError> {
    let state = server_side::state()?;
    let candidate = service::verify_link(&state.config, &token)?;
    service::load_page(
        &state.pool,
        &state.config,
        &state.rules,
        candidate,
        earlier.and_then(|p| p.parse().ok()),
        chrono::Utc::now(),
    )
    .await
}

#[cfg(feature = "ssr")]
fn answer_preferences_form(
    token: &str,
    result: Result<Notice, AppError>,
) -> Result<Notice, AppError> {
    let notice = Notice::from(result);
    server_side::answer_form(
        format!("/preferences/{}", server_side::path_safe(token)),
        notice.code(),
        result,
        Notice::Failed,
    )
}

/// Gives or revokes consent for a purpose, or stops or re-allows contact (`allow` = yes/no).
#[server(endpoint = "preferences/consent")]
pub async fn change_consent(
    token: String,
    purpose: String,
    allow: String,
) -> Result<Notice, AppError> {
    let result = async {
        let state = server_side::state()?;
        let candidate = service::verify_link(&state.config, &token)?;
        let purpose: Purpose = purpose.parse().map_err(|_| AppError::BadForm)?;
        consent::change_consent(
            &state.pool,
            &state.config,
            candidate,
            purpose,
            allow == "yes",
            consent::Decider::Candidate(consent::ConsentSource::PreferencesPage),
            chrono::Utc::now(),
        )
        .await
        .map(Notice::from)
    }
    .await;
    answer_preferences_form(&token, result)
}

#[server(endpoint = "preferences/access")]
pub async fn request_access(token: String, key: String) -> Result<Notice, AppError> {
    let result = submit(&token, &key, service::NewRequest::Access).await;
    answer_preferences_form(&token, result)
}

pub use rectification::*;
mod rectification {
    //! Its own module only so that one lint allowance covers what `#[server]` generates from a
    //! function with one argument per form field.
    #![allow(clippy::too_many_arguments)]
    use super::*;

    #[server(endpoint = "preferences/rectification")]
    pub async fn request_rectification(
        token: String,
        key: String,
        note: Option<String>,
        name: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        location: Option<String>,
        links: Option<String>,
    ) -> Result<Notice, AppError> {
        use crate::domain::preferences::{Rectification, RectificationForm};
        let parsed = Rectification::parse(&RectificationForm {
            note: note.as_deref(),
            name: name.as_deref(),
            email: email.as_deref(),
            phone: phone.as_deref(),
            location: location.as_deref(),
            links: links.as_deref(),
        });
        let result = match parsed {
            Ok(r) => submit(&token, &key, service::NewRequest::Rectification(r)).await,
            Err(e) => Err(e.into()),
        };
        answer_preferences_form(&token, result)
    }
}

/// Asks for erasure; `confirm` must be "yes" (the confirmation step's button).
#[server(endpoint = "preferences/erasure")]
pub async fn request_erasure(
    token: String,
    key: String,
    confirm: Option<String>,
) -> Result<Notice, AppError> {
    use crate::domain::preferences::{FieldError, Problem};
    let result = if confirm.as_deref() == Some("yes") {
        submit(&token, &key, service::NewRequest::Erasure).await
    } else {
        Err(AppError::Invalid(FieldError {
            field: Field::Confirm,
            problem: Problem::Required,
        }))
    };
    answer_preferences_form(&token, result)
}

/// Withdraws one of the candidate's open requests.
#[server(endpoint = "preferences/withdraw")]
pub async fn withdraw_request(token: String, request: String) -> Result<Notice, AppError> {
    let result = async {
        let state = server_side::state()?;
        let candidate = service::verify_link(&state.config, &token)?;
        service::withdraw_request(&state.pool, candidate, &request, chrono::Utc::now()).await
    }
    .await;
    answer_preferences_form(&token, result)
}

#[cfg(feature = "ssr")]
async fn submit(token: &str, key: &str, request: service::NewRequest) -> Result<Notice, AppError> {
    let state = server_side::state()?;
    let candidate = service::verify_link(&state.config, token)?;
    service::submit_request(
        &state.pool,
        &state.config,
        candidate,
        request,
        key,
        chrono::Utc::now(),
    )
    .await
}

/// The `?step=` that shows the erasure confirmation.
const CONFIRM_ERASURE: &str = "confirm-erasure";

#[component]
pub fn PreferencesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());

    let consent = ServerAction::<ChangeConsent>::new();
    let access = ServerAction::<RequestAccess>::new();
    let rectification = ServerAction::<RequestRectification>::new();
    let erasure = ServerAction::<RequestErasure>::new();
    let withdraw = ServerAction::<WithdrawRequest>::new();

    // The latest outcome of an action sent with JavaScript; the URL's `?notice=` otherwise.
    let latest = RwSignal::new(None::<Notice>);
    // Reloads the page data after a successful action; a failure keeps what was typed.
    let changes = RwSignal::new(0u32);
    follow_action(consent, latest, changes, Notice::from);
    follow_action(access, latest, changes, Notice::from);
    follow_action(rectification, latest, changes, Notice::from);
    follow_action(erasure, latest, changes, Notice::from);
    follow_action(withdraw, latest, changes, Notice::from);

    let earlier = Memo::new(move |_| query.read().get("earlier"));
    let page = Resource::new(
        move || (token.get(), earlier.get(), changes.get()),
        |(token, earlier, _)| load_preferences(token, earlier),
    );
    let notice = Signal::derive(move || {
        latest.get().or_else(|| {
            query
                .read()
                .get("notice")
                .and_then(|c| Notice::from_code(&c))
        })
    });
    let confirming_erasure =
        Signal::derive(move || query.read().get("step").as_deref() == Some(CONFIRM_ERASURE));

    let actions = Actions {
        consent,
        access,
        rectification,
        erasure,
        withdraw,
    };
    view! {
        <Title text=text::PAGE_TITLE />
        <crate::ui::enhance::CandidateMain>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    page.get()
                        .map(|result| match active_or_problem(result, text::PAGE_TITLE) {
                            Ok(view) => {
                                view! {
                                    <Preferences
                                        view
                                        token=token.get_untracked()
                                        notice
                                        confirming_erasure
                                        actions
                                    />
                                }
                                    .into_any()
                            }
                            Err(problem) => problem,
                        })
                }}
            </Transition>
        </crate::ui::enhance::CandidateMain>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    consent: ServerAction<ChangeConsent>,
    access: ServerAction<RequestAccess>,
    rectification: ServerAction<RequestRectification>,
    erasure: ServerAction<RequestErasure>,
    withdraw: ServerAction<WithdrawRequest>,
}

/// The active candidate's page data, or what a link page shows instead, with its status: the
/// deletion notice (410), the bad-link page (400) or an outage message (503).
pub(crate) fn active_or_problem(
    result: Result<LinkPage, AppError>,
    title: &'static str,
) -> Result<PreferencesView, AnyView> {
    match result {
        Ok(LinkPage::Active(view)) => Ok(*view),
        Ok(LinkPage::Retired { organization }) => Err(retired_page(title, &organization)),
        Err(error) => Err(link_problem(title, error)),
    }
}

/// The deletion notice an anonymized candidate's link shows (410).
pub(crate) fn retired_page(title: &'static str, organization: &str) -> AnyView {
    set_status(410);
    view! {
        <h1>{title}</h1>
        <p class="notice">{text::retired(organization)}</p>
    }
    .into_any()
}

/// The bad-link page (400) or an outage message (503).
pub(crate) fn link_problem(title: &'static str, error: AppError) -> AnyView {
    match error {
        AppError::LinkInvalid | AppError::LinkRetired => {
            set_status(400);
            view! { <BadLink /> }.into_any()
        }
        error => {
            set_status(error.status());
            view! {
                <h1>{title}</h1>
                <p class="notice failure" role="alert">{text::error_message(&error)}</p>
            }
            .into_any()
        }
    }
}

#[component]
fn NoticeBanner(notice: Signal<Option<Notice>>, view: PreferencesView) -> impl IntoView {
    let organization = view.organization.name.clone();
    let requests = view.requests.clone();
    move || {
        notice.get().map(|n| {
            let failed = n.is_failure();
            // A received (or already open) request also says when it will be answered.
            let due = match n {
                Notice::RequestReceived(kind) | Notice::RequestAlreadyOpen(kind) => requests
                    .iter()
                    .find(|r| r.kind == kind && r.status == RequestStatus::Open)
                    .map(|r| text::due_by(&organization, &text::date(r.due_at))),
                _ => None,
            };
            view! {
                <div
                    id="notice"
                    class=if failed { "notice failure" } else { "notice success" }
                    role=if failed { "alert" } else { "status" }
                    tabindex="-1"
                >
                    <p>{text::notice(&n)}</p>
                    {due.map(|d| view! { <p>{d}</p> })}
                </div>
            }
        })
    }
}

#[component]
fn Preferences(
    view: PreferencesView,
    token: String,
    notice: Signal<Option<Notice>>,
    confirming_erasure: Signal<bool>,
    actions: Actions,
) -> impl IntoView {
    let organization = view.organization.name.clone();
    let retention = text::retention_in_words(view.retention_days);
    let layout: PageLayout = view.layout.clone();
    let erasure_open = view
        .requests
        .iter()
        .any(|r| r.kind == RequestKind::Erasure && r.status == RequestStatus::Open);
    let policy = layout
        .country_policy
        .map(|p| text::country_policy(p.country.as_str(), p.retention_days));
    let consents = view.consents.clone();
    let has_consents = !consents.is_empty();
    view! {
        <h1>{text::PAGE_TITLE}</h1>
        <NoticeBanner notice view=view.clone() />
        <p class="lead">{text::intro(&organization)}</p>
        {layout.legitimate_interest.then(|| view! { <p>{text::legitimate_interest(&organization)}</p> })}
        {policy.map(|p| view! { <p class="policy">{p}</p> })}

        {has_consents.then(|| {
            view! {
                <section class="card section" aria-labelledby="consent-heading">
                    <h2 id="consent-heading">{text::CONSENT_HEADING}</h2>
                    {consents
                        .into_iter()
                        .map(|(purpose, state)| {
                            view! {
                                <ConsentItem
                                    purpose
                                    state
                                    explanation=text::purpose_explanation(purpose, &organization, &retention)
                                    token=token.clone()
                                    action=actions.consent
                                />
                            }
                        })
                        .collect_view()}
                </section>
            }
        })}

        <section class="card section" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{text::CONTACT_HEADING}</h2>
            <ContactChoice allowed=view.contact_allowed token=token.clone() action=actions.consent />
        </section>

        <section class="section" aria-labelledby="requests-heading">
            <h2 id="requests-heading">{text::REQUESTS_HEADING}</h2>
            <AccessForm token=token.clone() key=view.form_key.clone() action=actions.access />
            <RectificationForm token=token.clone() key=view.form_key.clone() action=actions.rectification />
            <ErasureSection
                token=token.clone()
                key=view.form_key.clone()
                open=erasure_open
                confirming=confirming_erasure
                action=actions.erasure
            />
        </section>

        <RequestList
            requests=view.requests.clone()
            more_closed=view.more_closed
            showing_earlier=view.showing_earlier
            token=token.clone()
            withdraw=actions.withdraw
        />

        <footer class="page-notes">
            <p class="muted">{text::PERSONAL_LINK}</p>
            <OrganizationContacts organization=view.organization.clone() />
        </footer>
    }
}

#[component]
fn ConsentItem(
    purpose: Purpose,
    state: ConsentState,
    explanation: String,
    token: String,
    action: ServerAction<ChangeConsent>,
) -> impl IntoView {
    let given = state == ConsentState::Given;
    let id = format!("consent-{purpose}");
    view! {
        <div class="consent-item">
            <h3 id=id>{text::purpose_title(purpose)}</h3>
            <p>{explanation}</p>
            <p class="state">
                <span class=if given { "badge ok" } else { "badge" }>{text::consent_state(state)}</span>
            </p>
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="purpose" value=purpose.as_str() />
                <input type="hidden" name="allow" value=if given { "no" } else { "yes" } />
                <button type="submit" class=if given { "button secondary" } else { "button" }>
                    {if given { text::revoke_consent(purpose) } else { text::give_consent(purpose) }}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
fn ContactChoice(
    allowed: bool,
    token: String,
    action: ServerAction<ChangeConsent>,
) -> impl IntoView {
    view! {
        <p>{if allowed { text::CONTACT_ALLOWED } else { text::CONTACT_STOPPED }}</p>
        <ActionForm action>
            <input type="hidden" name="token" value=token />
            <input type="hidden" name="purpose" value=Purpose::Contact.as_str() />
            <input type="hidden" name="allow" value=if allowed { "no" } else { "yes" } />
            <button type="submit" class=if allowed { "button secondary" } else { "button" }>
                {if allowed { text::STOP_CONTACT } else { text::ALLOW_CONTACT }}
            </button>
        </ActionForm>
    }
}

/// One of the three request cards.
#[component]
fn RequestCard(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="card request" id=id>
            <h3>{title}</h3>
            {children()}
        </div>
    }
}

/// What every request form carries: the link, and this rendering's idempotency key.
#[component]
fn RequestIdentity(token: String, key: String) -> impl IntoView {
    view! {
        <input type="hidden" name="token" value=token />
        <input type="hidden" name="key" value=key />
    }
}

#[component]
fn AccessForm(token: String, key: String, action: ServerAction<RequestAccess>) -> impl IntoView {
    view! {
        <RequestCard id="access" title=text::ACCESS_TITLE>
            <p>{text::ACCESS_TEXT}</p>
            <ActionForm action>
                <RequestIdentity token key />
                <button type="submit" class="button">{text::ACCESS_TITLE}</button>
            </ActionForm>
        </RequestCard>
    }
}

#[component]
fn RectificationForm(
    token: String,
    key: String,
    action: ServerAction<RequestRectification>,
) -> impl IntoView {
    view! {
        <RequestCard id="rectification" title=text::RECTIFICATION_TITLE>
            <p>{text::RECTIFICATION_TEXT}</p>
            <ActionForm action>
                <RequestIdentity token key />
                <div class="field">
                    <label for="rect-note">{text::field_label(Field::Note)}</label>
                    <textarea id="rect-note" name="note" rows="4" maxlength=Field::Note.max_chars()></textarea>
                </div>
                <FormField field=Field::Name scope="rect" labels=text::field_label autocomplete="off" />
                <FormField field=Field::Email scope="rect" labels=text::field_label kind="email" autocomplete="off" />
                <FormField field=Field::Phone scope="rect" labels=text::field_label kind="tel" autocomplete="off" />
                <FormField field=Field::Location scope="rect" labels=text::field_label autocomplete="off" />
                <div class="field">
                    <label for="rect-links">{text::field_label(Field::Links)}</label>
                    <textarea id="rect-links" name="links" rows="2" maxlength=Field::Links.max_chars()></textarea>
                </div>
                <button type="submit" class="button">{text::SUBMIT_REQUEST}</button>
            </ActionForm>
        </RequestCard>
    }
}

#[component]
fn ErasureSection(
    token: String,
    key: String,
    open: bool,
    confirming: Signal<bool>,
    action: ServerAction<RequestErasure>,
) -> impl IntoView {
    let page = format!("/preferences/{token}");
    let consequences = text::ERASURE_CONSEQUENCES
        .iter()
        .map(|c| view! { <li>{*c}</li> })
        .collect_view();
    let body = move || {
        if open {
            view! { <p class="state"><span class="badge">{text::request_received(RequestKind::Erasure)}</span></p> }
                .into_any()
        } else if confirming.get() {
            let (token, key) = (token.clone(), key.clone());
            let cancel = format!("{page}#erasure");
            view! {
                <ActionForm action>
                    <RequestIdentity token key />
                    <input type="hidden" name="confirm" value="yes" />
                    <p><strong>{text::ERASURE_CONFIRM_QUESTION}</strong></p>
                    <div class="actions">
                        <button type="submit" class="button danger">{text::ERASURE_CONFIRM}</button>
                        <a class="button secondary" href=cancel>{text::CANCEL}</a>
                    </div>
                </ActionForm>
            }
            .into_any()
        } else {
            let start = format!("{page}?step={CONFIRM_ERASURE}#erasure");
            view! {
                <a class="button danger" href=start>
                    {text::ERASURE_CONTINUE}
                </a>
            }
            .into_any()
        }
    };
    view! {
        <RequestCard id="erasure" title=text::ERASURE_TITLE>
            <ul>{consequences}</ul>
            {body}
        </RequestCard>
    }
}

#[component]
fn RequestList(
    requests: Vec<RequestRow>,
    more_closed: Option<crate::domain::paging::Position>,
    showing_earlier: bool,
    token: String,
    withdraw: ServerAction<WithdrawRequest>,
) -> impl IntoView {
    let page = format!("/preferences/{token}");
    let earlier = more_closed.map(|p| format!("{page}?earlier={p}#history-heading"));
    let recent = showing_earlier.then(|| format!("{page}#history-heading"));
    let pager = (earlier.is_some() || recent.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=text::REQUEST_PAGES_LABEL>
                {recent.map(|href| view! { <a href=href>{text::RECENT_REQUESTS}</a> })}
                {earlier.map(|href| view! { <a href=href rel="next">{text::EARLIER_REQUESTS}</a> })}
            </nav>
        }
    });
    view! {
        <section class="section" aria-labelledby="history-heading">
            <h2 id="history-heading">{text::HISTORY_HEADING}</h2>
            {if requests.is_empty() {
                view! { <p>{text::NO_REQUESTS}</p> }.into_any()
            } else {
                view! {
                    // Focusable so keyboard users can scroll it on a narrow screen.
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading">
                        <table class="requests">
                            <thead>
                                <tr>
                                    <th scope="col">"Request"</th>
                                    <th scope="col">"Received"</th>
                                    <th scope="col">"Due"</th>
                                    <th scope="col">"State"</th>
                                    <th scope="col">{text::ACTION_COLUMN}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {requests
                                    .into_iter()
                                    .map(|r| {
                                        let open = r.status == crate::domain::RequestStatus::Open;
                                        let token = token.clone();
                                        view! {
                                            <tr>
                                                <td>{text::request_kind(r.kind)}</td>
                                                <td>{text::date(r.received_at)}</td>
                                                <td>{text::date(r.due_at)}</td>
                                                <td>{text::request_status(r.status)}</td>
                                                <td>
                                                    {open.then(|| view! {
                                                        <ActionForm action=withdraw attr:class="inline-form">
                                                            <input type="hidden" name="token" value=token />
                                                            <input type="hidden" name="request" value=r.id.to_string() />
                                                            <button type="submit" class="button secondary small"
                                                                aria-label=text::withdraw_label(r.kind)>{text::WITHDRAW_BUTTON}</button>
                                                        </ActionForm>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            {pager}
        </section>
    }
}
