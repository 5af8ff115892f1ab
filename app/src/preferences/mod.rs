//! The candidate's data-preferences page (SPEC §3, §4): `/preferences/{token}`.
//!
//! Every action is a real form posted to a server function. With JavaScript the form is sent in
//! the background and the page updates in place; without it the server answers with a redirect
//! back to the page, carrying the outcome as `?notice=` (the token page sends no Referer, so
//! Leptos's Referer-based fallback can't be used).

pub mod model;
pub mod service;
pub mod unsubscribe;

use crate::core::locale::{self, localized, Localized};
use crate::core::{consent, server_side};
use crate::domain::{
    locale::Locale,
    preferences::{Field, PageLayout},
    Purpose, RequestKind, RequestStatus,
};
use crate::error::AppError;
use crate::text::l10n::Tr;
use crate::ui::actions::follow_action;
use crate::ui::bad_link::BadLink;
use crate::ui::enhance::CandidateMain;
use crate::ui::organization::OrganizationContacts;
use crate::ui::page::set_status;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::{ConsentState, LinkPage, Notice, PreferencesView, RequestRow};

/// `earlier`: where the page's closed requests start (its "Earlier requests" link); a position
/// that doesn't read shows the most recent ones.
#[server(endpoint = "preferences/load")]
pub async fn load_preferences(
    token: String,
    earlier: Option<String>,
) -> Result<Localized<LinkPage>, AppError> {
    let state = server_side::state()?;
    let page = match service::verify_link(&state.config, &token) {
        Ok(candidate) => {
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
        Err(error) => Err(error),
    };
    let frame = match &page {
        Ok(LinkPage::Active(view)) => (view.locale, view.accent.clone()),
        _ => locale::for_candidate(&state.pool, None).await,
    };
    Ok(Localized::new(frame, page))
}

/// The language switcher: remembers the candidate's pick and shows the page in it. `page` is
/// the page it was on (`preferences` or `unsubscribe`); an unsubscribe-only link may use it too.
#[server(endpoint = "preferences/language")]
pub async fn choose_language(
    token: String,
    language: String,
    page: Option<String>,
) -> Result<Notice, AppError> {
    let result = async {
        let state = server_side::state()?;
        let link = service::verify_stop_link(&state.config, &token)?;
        let locale = Locale::from_tag(&language).ok_or(AppError::BadForm)?;
        locale::pick(&state.pool, link.candidate, locale).await?;
        Ok(Notice::LanguageChanged)
    }
    .await;
    let notice = Notice::from(result);
    let back = match page.as_deref() {
        Some("unsubscribe") => "unsubscribe",
        _ => "preferences",
    };
    server_side::answer_form(
        format!("/{back}/{}", server_side::path_safe(&token)),
        notice.code(),
        result,
        Notice::Failed,
    )
}

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
    let language = ServerAction::<ChooseLanguage>::new();

    // The latest outcome of an action sent with JavaScript; the URL's `?notice=` otherwise.
    let latest = RwSignal::new(None::<Notice>);
    // Reloads the page data after a successful action; a failure keeps what was typed.
    let changes = RwSignal::new(0u32);
    follow_action(consent, latest, changes, Notice::from);
    follow_action(access, latest, changes, Notice::from);
    follow_action(rectification, latest, changes, Notice::from);
    follow_action(erasure, latest, changes, Notice::from);
    follow_action(withdraw, latest, changes, Notice::from);
    follow_action(language, latest, changes, Notice::from);

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
        language,
    };
    view! {
        <Transition fallback=|| ()>
            {move || {
                page.get()
                    .map(|result| {
                        let (tr, accent, result) = localized(result);
                        let title = tr.t("prefs-title");
                        let body = match active_or_problem(tr, result, &title) {
                            Ok(view) => {
                                view! {
                                    <Preferences
                                        tr
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
                        };
                        view! {
                            <Title text=title />
                            <CandidateMain tr accent>{body}</CandidateMain>
                        }
                    })
            }}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    consent: ServerAction<ChangeConsent>,
    access: ServerAction<RequestAccess>,
    rectification: ServerAction<RequestRectification>,
    erasure: ServerAction<RequestErasure>,
    withdraw: ServerAction<WithdrawRequest>,
    language: ServerAction<ChooseLanguage>,
}

/// The active candidate's page data, or what a link page shows instead, with its status: the
/// deletion notice (410), the bad-link page (400) or an outage message (503).
pub(crate) fn active_or_problem(
    tr: Tr,
    result: Result<LinkPage, AppError>,
    title: &str,
) -> Result<PreferencesView, AnyView> {
    match result {
        Ok(LinkPage::Active(view)) => Ok(*view),
        Ok(LinkPage::Retired { organization }) => Err(retired_page(tr, title, &organization)),
        Err(error) => Err(link_problem(tr, title, error)),
    }
}

/// The deletion notice an anonymized candidate's link shows (410).
pub(crate) fn retired_page(tr: Tr, title: &str, organization: &str) -> AnyView {
    set_status(410);
    view! {
        <h1>{title.to_owned()}</h1>
        <p class="notice">{tr.t_with("link-retired", &[("organization", organization.into())])}</p>
    }
    .into_any()
}

/// The bad-link page (400) or an outage message (503).
pub(crate) fn link_problem(tr: Tr, title: &str, error: AppError) -> AnyView {
    match error {
        AppError::LinkInvalid | AppError::LinkRetired => {
            set_status(400);
            view! { <BadLink tr /> }.into_any()
        }
        error => {
            set_status(error.status());
            view! {
                <h1>{title.to_owned()}</h1>
                <p class="notice failure" role="alert">{tr.error(&error)}</p>
            }
            .into_any()
        }
    }
}

/// The language switcher: a plain form (a select and a button), so it works without JavaScript.
#[component]
pub(crate) fn LanguageSwitcher(
    tr: Tr,
    token: String,
    page: &'static str,
    action: ServerAction<ChooseLanguage>,
) -> impl IntoView {
    let current = tr.locale();
    view! {
        <ActionForm action attr:class="language-switcher">
            <input type="hidden" name="token" value=token />
            <input type="hidden" name="page" value=page />
            <label for="language">{tr.t("language-label")}</label>
            <select id="language" name="language">
                {Locale::ALL
                    .iter()
                    .map(|&l| view! {
                        <option value=l.as_str() lang=l.as_str() selected=l == current>{l.endonym()}</option>
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button secondary small">{tr.t("language-submit")}</button>
        </ActionForm>
    }
}

#[component]
fn NoticeBanner(tr: Tr, notice: Signal<Option<Notice>>, view: PreferencesView) -> impl IntoView {
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
                    .map(|r| {
                        tr.t_with(
                            "due-by",
                            &[
                                ("organization", organization.as_str().into()),
                                ("date", tr.date(r.due_at).as_str().into()),
                            ],
                        )
                    }),
                _ => None,
            };
            view! {
                <div
                    id="notice"
                    class=if failed { "notice failure" } else { "notice success" }
                    role=if failed { "alert" } else { "status" }
                    tabindex="-1"
                >
                    <p>{tr.notice(&n)}</p>
                    {due.map(|d| view! { <p>{d}</p> })}
                </div>
            }
        })
    }
}

#[component]
fn Preferences(
    tr: Tr,
    view: PreferencesView,
    token: String,
    notice: Signal<Option<Notice>>,
    confirming_erasure: Signal<bool>,
    actions: Actions,
) -> impl IntoView {
    let organization = view.organization.name.clone();
    let org = || {
        (
            "organization",
            crate::text::l10n::Arg::from(organization.as_str()),
        )
    };
    let retention = tr.period(view.retention_days);
    let layout: PageLayout = view.layout.clone();
    let erasure_open = view
        .requests
        .iter()
        .any(|r| r.kind == RequestKind::Erasure && r.status == RequestStatus::Open);
    let policy = layout.country_policy.map(|p| {
        tr.t_with(
            "prefs-country-policy",
            &[
                ("country", p.country.as_str().into()),
                ("period", tr.period(p.retention_days).as_str().into()),
            ],
        )
    });
    let consents = view.consents.clone();
    let has_consents = !consents.is_empty();
    let intro = tr.t_with("prefs-intro", &[org()]);
    let legitimate_interest = layout
        .legitimate_interest
        .then(|| tr.t_with("prefs-legitimate-interest", &[org()]));
    let consent_items = consents
        .into_iter()
        .map(|(purpose, state)| {
            let explanation = tr.t_with(
                "purpose-explanation",
                &[
                    ("purpose", purpose.as_str().into()),
                    org(),
                    ("period", retention.as_str().into()),
                ],
            );
            view! { <ConsentItem tr purpose state explanation token=token.clone() action=actions.consent /> }
        })
        .collect_view();
    view! {
        <LanguageSwitcher tr token=token.clone() page="preferences" action=actions.language />
        <h1>{tr.t("prefs-title")}</h1>
        <NoticeBanner tr notice view=view.clone() />
        <p class="lead">{intro}</p>
        {legitimate_interest.map(|text| view! { <p>{text}</p> })}
        {policy.map(|p| view! { <p class="policy">{p}</p> })}

        {has_consents.then(|| {
            view! {
                <section class="card section" aria-labelledby="consent-heading">
                    <h2 id="consent-heading">{tr.t("consent-heading")}</h2>
                    {consent_items}
                </section>
            }
        })}

        <section class="card section" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{tr.t("contact-heading")}</h2>
            <ContactChoice tr allowed=view.contact_allowed token=token.clone() action=actions.consent />
        </section>

        <section class="section" aria-labelledby="requests-heading">
            <h2 id="requests-heading">{tr.t("requests-heading")}</h2>
            <AccessForm tr token=token.clone() key=view.form_key.clone() action=actions.access />
            <RectificationForm tr token=token.clone() key=view.form_key.clone() action=actions.rectification />
            <ErasureSection
                tr
                token=token.clone()
                key=view.form_key.clone()
                open=erasure_open
                confirming=confirming_erasure
                action=actions.erasure
            />
        </section>

        <RequestList
            tr
            requests=view.requests.clone()
            more_closed=view.more_closed
            showing_earlier=view.showing_earlier
            token=token.clone()
            withdraw=actions.withdraw
        />

        <footer class="page-notes">
            <p class="muted">{tr.t("prefs-personal-link")}</p>
            <OrganizationContacts tr organization=view.organization.clone() />
        </footer>
    }
}

#[component]
fn ConsentItem(
    tr: Tr,
    purpose: Purpose,
    state: ConsentState,
    explanation: String,
    token: String,
    action: ServerAction<ChangeConsent>,
) -> impl IntoView {
    let given = state == ConsentState::Given;
    let id = format!("consent-{purpose}");
    let button = tr.t_with(
        if given {
            "consent-revoke"
        } else {
            "consent-give"
        },
        &[("purpose", purpose.as_str().into())],
    );
    view! {
        <div class="consent-item">
            <h3 id=id>{tr.purpose_title(purpose)}</h3>
            <p>{explanation}</p>
            <p class="state">
                <span class=if given { "badge ok" } else { "badge" }>{tr.consent_state(state)}</span>
            </p>
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="purpose" value=purpose.as_str() />
                <input type="hidden" name="allow" value=if given { "no" } else { "yes" } />
                <button type="submit" class=if given { "button secondary" } else { "button" }>
                    {button}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
fn ContactChoice(
    tr: Tr,
    allowed: bool,
    token: String,
    action: ServerAction<ChangeConsent>,
) -> impl IntoView {
    view! {
        <p>{tr.t(if allowed { "contact-allowed" } else { "contact-stopped" })}</p>
        <ActionForm action>
            <input type="hidden" name="token" value=token />
            <input type="hidden" name="purpose" value=Purpose::Contact.as_str() />
            <input type="hidden" name="allow" value=if allowed { "no" } else { "yes" } />
            <button type="submit" class=if allowed { "button secondary" } else { "button" }>
                {tr.t(if allowed { "contact-stop" } else { "contact-allow" })}
            </button>
        </ActionForm>
    }
}

/// One of the three request cards.
#[component]
fn RequestCard(id: &'static str, title: String, children: Children) -> impl IntoView {
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
fn AccessForm(
    tr: Tr,
    token: String,
    key: String,
    action: ServerAction<RequestAccess>,
) -> impl IntoView {
    view! {
        <RequestCard id="access" title=tr.t("access-title")>
            <p>{tr.t("access-text")}</p>
            <ActionForm action>
                <RequestIdentity token key />
                <button type="submit" class="button">{tr.t("access-title")}</button>
            </ActionForm>
        </RequestCard>
    }
}

/// A labelled correction field, limited as the server limits it.
#[component]
fn CorrectionField(
    tr: Tr,
    field: Field,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] rows: Option<u8>,
) -> impl IntoView {
    let id = format!("rect-{}", field.as_str());
    let max = field.max_chars().to_string();
    let input = match rows {
        Some(rows) => view! { <textarea id=id.clone() name=field.as_str() rows=rows maxlength=max></textarea> }.into_any(),
        None => view! {
            <input id=id.clone() type=kind name=field.as_str() autocomplete="off" maxlength=max />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{tr.t(label)}</label>
            {input}
        </div>
    }
}

#[component]
fn RectificationForm(
    tr: Tr,
    token: String,
    key: String,
    action: ServerAction<RequestRectification>,
) -> impl IntoView {
    view! {
        <RequestCard id="rectification" title=tr.t("rectification-title")>
            <p>{tr.t("rectification-text")}</p>
            <ActionForm action>
                <RequestIdentity token key />
                <CorrectionField tr field=Field::Note label="field-note" rows=4 />
                <CorrectionField tr field=Field::Name label="field-name" />
                <CorrectionField tr field=Field::Email label="field-email" kind="email" />
                <CorrectionField tr field=Field::Phone label="field-phone" kind="tel" />
                <CorrectionField tr field=Field::Location label="field-location" />
                <CorrectionField tr field=Field::Links label="field-links" rows=2 />
                <button type="submit" class="button">{tr.t("submit-request")}</button>
            </ActionForm>
        </RequestCard>
    }
}

#[component]
fn ErasureSection(
    tr: Tr,
    token: String,
    key: String,
    open: bool,
    confirming: Signal<bool>,
    action: ServerAction<RequestErasure>,
) -> impl IntoView {
    let page = format!("/preferences/{token}");
    let consequences = [
        "erasure-deleted",
        "erasure-applications-end",
        "erasure-no-contact",
        "erasure-record-kept",
    ]
    .iter()
    .map(|id| view! { <li>{tr.t(id)}</li> })
    .collect_view();
    let body = move || {
        if open {
            let received = tr.t_with(
                "request-received",
                &[("kind", RequestKind::Erasure.as_str().into())],
            );
            view! { <p class="state"><span class="badge">{received}</span></p> }.into_any()
        } else if confirming.get() {
            let (token, key) = (token.clone(), key.clone());
            let cancel = format!("{page}#erasure");
            view! {
                <ActionForm action>
                    <RequestIdentity token key />
                    <input type="hidden" name="confirm" value="yes" />
                    <p><strong>{tr.t("erasure-confirm-question")}</strong></p>
                    <div class="actions">
                        <button type="submit" class="button danger">{tr.t("erasure-confirm")}</button>
                        <a class="button secondary" href=cancel>{tr.t("cancel")}</a>
                    </div>
                </ActionForm>
            }
            .into_any()
        } else {
            let start = format!("{page}?step={CONFIRM_ERASURE}#erasure");
            view! {
                <a class="button danger" href=start>
                    {tr.t("erasure-continue")}
                </a>
            }
            .into_any()
        }
    };
    view! {
        <RequestCard id="erasure" title=tr.t("erasure-title")>
            <ul>{consequences}</ul>
            {body}
        </RequestCard>
    }
}

#[component]
fn RequestList(
    tr: Tr,
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
            <nav class="pager" aria-label=tr.t("request-pages-label")>
                {recent.map(|href| view! { <a href=href>{tr.t("recent-requests")}</a> })}
                {earlier.map(|href| view! { <a href=href rel="next">{tr.t("earlier-requests")}</a> })}
            </nav>
        }
    });
    view! {
        <section class="section" aria-labelledby="history-heading">
            <h2 id="history-heading">{tr.t("history-heading")}</h2>
            {if requests.is_empty() {
                view! { <p>{tr.t("no-requests")}</p> }.into_any()
            } else {
                view! {
                    // Focusable so keyboard users can scroll it on a narrow screen.
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading">
                        <table class="requests">
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("column-request")}</th>
                                    <th scope="col">{tr.t("column-received")}</th>
                                    <th scope="col">{tr.t("column-due")}</th>
                                    <th scope="col">{tr.t("column-state")}</th>
                                    <th scope="col">{tr.t("column-action")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {requests
                                    .into_iter()
                                    .map(|r| {
                                        let open = r.status == crate::domain::RequestStatus::Open;
                                        let token = token.clone();
                                        let label = tr.t_with("withdraw-label", &[("kind", r.kind.as_str().into())]);
                                        view! {
                                            <tr>
                                                <td>{tr.request_kind(r.kind)}</td>
                                                <td>{tr.date(r.received_at)}</td>
                                                <td>{tr.date(r.due_at)}</td>
                                                <td>{tr.request_status(r.status)}</td>
                                                <td>
                                                    {open.then(|| view! {
                                                        <ActionForm action=withdraw attr:class="inline-form">
                                                            <input type="hidden" name="token" value=token />
                                                            <input type="hidden" name="request" value=r.id.to_string() />
                                                            <button type="submit" class="button secondary small"
                                                                aria-label=label>{tr.t("withdraw-button")}</button>
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
