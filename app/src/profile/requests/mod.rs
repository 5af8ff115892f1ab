//! Acting on a candidate's data requests from their profile (SPEC §7): extending a request once
//! or refusing it (both with a reason the candidate is sent); sending an access request's copy of
//! the data; applying a rectification's corrections; marking a request resolved.

#[cfg(feature = "ssr")]
pub mod resolve;

use crate::domain::access::{CorrectionField, CorrectionRow};
#[cfg(feature = "ssr")]
use crate::domain::preferences::{Field, FieldError, Problem};
use crate::error::AppError;
use crate::profile::outreach::SendEmail;
use crate::text;
use crate::ui::actions::reset_after_success;
#[cfg(feature = "ssr")]
use crate::ui::profile_action::profile_action;
use crate::ui::profile_action::ProfileNotice;
#[cfg(feature = "ssr")]
use chrono::Utc;
use chrono::{DateTime, Utc as UtcZone};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The tools a request's banner offers to resolve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestTools {
    /// Extend and refuse only (erasure has its own action banner).
    None,
    Access {
        draft: AccessDraft,
        /// When a copy of the data was last sent for this request.
        sent_at: Option<DateTime<UtcZone>>,
    },
    Rectification(RectificationView),
}

/// The editable "Send personal data" email, filled from all the candidate's opportunities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessDraft {
    /// Makes a double submit of this draft queue one email.
    pub key: String,
    pub subject: String,
    pub body: String,
    /// (code, label) of each part the export may hold.
    pub parts: Vec<(String, String)>,
}

/// What a rectification request asks: the candidate's note and each correction beside the value
/// on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationView {
    pub note: Option<String>,
    pub rows: Vec<CorrectionRow>,
    /// The fields this viewer may apply (contact details need `manage_profiles`).
    pub may_apply: Vec<CorrectionField>,
    /// The corrected email address was sent a confirmation link the candidate has not followed.
    pub email_awaiting_confirmation: bool,
    /// The draft key of the suggested email to the candidate.
    pub email_key: String,
}

#[server(endpoint = "requests/send-data")]
pub async fn send_personal_data(
    candidate: String,
    request: String,
    draft: String,
    subject: String,
    body: String,
    include: Option<BTreeMap<String, String>>,
) -> Result<ProfileNotice, AppError> {
    profile_action(&candidate, |state, viewer| async move {
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        let parts = include
            .unwrap_or_default()
            .keys()
            .filter_map(|code| crate::domain::access::Part::from_code(code))
            .collect();
        resolve::send_data(
            &state.pool,
            &state.config,
            &viewer,
            resolve::DataCopy {
                request,
                draft: &draft,
                subject: &subject,
                body: &body,
                parts,
            },
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::DataSent)
    })
    .await
}

#[server(endpoint = "requests/resolve")]
pub async fn resolve_request(
    candidate: String,
    request: String,
) -> Result<ProfileNotice, AppError> {
    profile_action(&candidate, |state, viewer| async move {
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        crate::core::requests::decisions::resolve(&state.pool, &viewer, request, Utc::now())
            .await?;
        Ok(ProfileNotice::Resolved)
    })
    .await
}

#[server(endpoint = "requests/apply-correction")]
pub async fn apply_correction(
    candidate: String,
    request: String,
    field: String,
) -> Result<ProfileNotice, AppError> {
    profile_action(&candidate, |state, viewer| async move {
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        let field: CorrectionField = field.parse().map_err(|_| AppError::NotFound)?;
        resolve::apply_correction(
            &state.pool,
            &state.config,
            &viewer,
            request,
            field,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::CorrectionApplied)
    })
    .await
}

#[server(endpoint = "requests/extend")]
pub async fn extend_request(
    candidate: String,
    request: String,
    months: String,
    reason: String,
) -> Result<ProfileNotice, AppError> {
    profile_action(&candidate, |state, viewer| async move {
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        let months = months.parse().map_err(|_| {
            AppError::Invalid(FieldError {
                field: Field::Months,
                problem: Problem::Invalid,
            })
        })?;
        crate::core::requests::decisions::extend(
            &state.pool,
            &state.config,
            &viewer,
            request,
            months,
            &reason,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::Extended)
    })
    .await
}

#[server(endpoint = "requests/refuse")]
pub async fn refuse_request(
    candidate: String,
    request: String,
    reason: String,
) -> Result<ProfileNotice, AppError> {
    profile_action(&candidate, |state, viewer| async move {
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        crate::core::requests::decisions::refuse(
            &state.pool,
            &state.config,
            &viewer,
            request,
            &reason,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::Refused)
    })
    .await
}

/// The server actions the resolve tools post to.
#[derive(Clone, Copy)]
pub struct ResolveActions {
    pub send_data: ServerAction<SendPersonalData>,
    pub resolve: ServerAction<ResolveRequest>,
    pub apply: ServerAction<ApplyCorrection>,
    pub email: ServerAction<SendEmail>,
}

/// The banner's resolve tools for an access or rectification request, and "Mark as resolved".
#[component]
pub fn ResolveTools(
    tools: RequestTools,
    candidate: Uuid,
    request: Uuid,
    actions: ResolveActions,
) -> impl IntoView {
    let tools = match tools {
        RequestTools::None => return ().into_any(),
        RequestTools::Access { draft, sent_at } => view! {
            {sent_at.map(|at| view! { <p class="sent">{text::data_sent_on(at)}</p> })}
            <SendDataPen draft candidate request action=actions.send_data />
        }
        .into_any(),
        RequestTools::Rectification(view) => view! {
            <CorrectionsPen view candidate request apply=actions.apply email=actions.email />
        }
        .into_any(),
    };
    view! {
        {tools}
        <ActionForm action=actions.resolve attr:class="inline">
            <input type="hidden" name="candidate" value=candidate.to_string() />
            <input type="hidden" name="request" value=request.to_string() />
            <button type="submit" class="button small">{text::MARK_RESOLVED}</button>
        </ActionForm>
    }
    .into_any()
}

/// "Send personal data": the editable email and the parts its JSON export holds.
#[component]
fn SendDataPen(
    draft: AccessDraft,
    candidate: Uuid,
    request: Uuid,
    action: ServerAction<SendPersonalData>,
) -> impl IntoView {
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    let id = move |what: &str| format!("send-{request}-{what}");
    view! {
        <details class="pen" node_ref=pen>
            <summary>{text::SEND_PERSONAL_DATA}</summary>
            <ActionForm action node_ref=form>
                <input type="hidden" name="candidate" value=candidate.to_string() />
                <input type="hidden" name="request" value=request.to_string() />
                <input type="hidden" name="draft" value=draft.key />
                <div class="field">
                    <label for=id("subject")>{text::field_label(crate::domain::preferences::Field::Subject)}</label>
                    <input id=id("subject") name="subject" required value=draft.subject
                        maxlength=crate::domain::preferences::Field::Subject.max_chars().to_string() />
                </div>
                <div class="field">
                    <label for=id("body")>{text::field_label(crate::domain::preferences::Field::Body)}</label>
                    <textarea id=id("body") name="body" rows="14" required aria-describedby=id("help")
                        maxlength=crate::domain::preferences::Field::Body.max_chars().to_string()>{draft.body}</textarea>
                    <p id=id("help") class="muted">{text::SEND_DATA_HELP}</p>
                </div>
                <fieldset>
                    <legend>{text::EXPORT_PARTS}</legend>
                    {draft.parts.into_iter().map(|(code, label)| {
                        let box_id = format!("send-{request}-{code}");
                        view! {
                            <div class="confirm">
                                <input type="checkbox" id=box_id.clone() name=format!("include[{code}]") value="yes" checked />
                                <label for=box_id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button small">{text::SEND_DATA_BUTTON}</button>
            </ActionForm>
        </details>
    }
}

/// "View note": the candidate's words and each correction beside the value on file, applied with
/// one click; then a short email to tell them.
#[component]
fn CorrectionsPen(
    view: RectificationView,
    candidate: Uuid,
    request: Uuid,
    apply: ServerAction<ApplyCorrection>,
    email: ServerAction<SendEmail>,
) -> impl IntoView {
    let applied: Vec<CorrectionField> = view
        .rows
        .iter()
        .filter(|r| r.applied)
        .map(|r| r.field)
        .collect();
    let suggestion = (!applied.is_empty()).then(|| text::correction_email(&applied));
    view! {
        <details class="pen">
            <summary>{text::VIEW_NOTE}</summary>
            <blockquote>{view.note.unwrap_or_else(|| text::NO_NOTE.to_owned())}</blockquote>
            {(!view.rows.is_empty()).then(|| view! {
                <table class="list corrections">
                    <thead><tr>
                        <th scope="col">{text::CORRECTION_FIELD}</th>
                        <th scope="col">{text::ON_FILE}</th>
                        <th scope="col">{text::ASKED_FOR}</th>
                        <th scope="col"><span class="visually-hidden">{text::CORRECTION_ACTION}</span></th>
                    </tr></thead>
                    <tbody>
                        {view.rows.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">{text::correction_field(row.field)}</th>
                                <td>{row.current.unwrap_or_else(|| text::NOTHING_ON_FILE.to_owned())}</td>
                                <td>{row.requested}</td>
                                <td>{if row.applied {
                                    view! { <span class="badge">{text::APPLIED}</span> }.into_any()
                                } else if row.field == CorrectionField::Email && view.email_awaiting_confirmation {
                                    view! { <span class="badge">{text::AWAITING_CONFIRMATION}</span> }.into_any()
                                } else if !view.may_apply.contains(&row.field) {
                                    view! { <span class="muted">{text::NEEDS_MANAGE_PROFILES}</span> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=apply>
                                            <input type="hidden" name="candidate" value=candidate.to_string() />
                                            <input type="hidden" name="request" value=request.to_string() />
                                            <input type="hidden" name="field" value=row.field.as_str() />
                                            <button type="submit" class="button small" aria-label=text::apply_label(row.field)>{text::apply_button(row.field)}</button>
                                        </ActionForm>
                                    }.into_any()
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {suggestion.map(|(subject, body)| {
                let body_id = format!("tell-{request}-body");
                view! {
                    <h3>{text::SUGGESTED_EMAIL}</h3>
                    <ActionForm action=email>
                        <input type="hidden" name="candidate" value=candidate.to_string() />
                        <input type="hidden" name="draft" value=view.email_key.clone() />
                        <input type="hidden" name="template" value="" />
                        <input type="hidden" name="subject" value=subject />
                        <input type="hidden" name="when" value="now" />
                        <div class="field">
                            <label for=body_id.clone()>{text::field_label(crate::domain::preferences::Field::Body)}</label>
                            <textarea id=body_id name="body" rows="7" required>{body}</textarea>
                        </div>
                        <button type="submit" class="button small">{text::SEND_SUGGESTED}</button>
                    </ActionForm>
                }
            })}
        </details>
    }
}

/// Logs a request the candidate made another way; `key` is this rendering's form key, so a
/// double submit logs one request.
#[server(endpoint = "requests/log")]
pub async fn log_request(
    candidate: String,
    key: String,
    request: crate::domain::requests::LoggedRequestForm,
) -> Result<ProfileNotice, AppError> {
    use crate::domain::preferences::Notice;
    crate::ui::profile_action::candidate_action(&candidate, |state, viewer, id| async move {
        let notice = crate::core::requests::decisions::log(
            &state.pool,
            &state.config,
            &viewer,
            id,
            &request,
            &key,
            Utc::now(),
        )
        .await?;
        Ok(match notice {
            Notice::RequestAlreadyOpen(_) => ProfileNotice::RequestAlreadyOpen,
            _ => ProfileNotice::RequestLogged,
        })
    })
    .await
}

/// The sidebar card where a request received another way is logged.
#[component]
pub fn LogRequestCard(
    candidate: Uuid,
    key: Uuid,
    /// Today as the server counts it (`YYYY-MM-DD`): the latest day a request can be received
    /// on. From the page's data: the browser's clock is not the server's (and WASM has none).
    today: String,
    action: ServerAction<LogRequest>,
) -> impl IntoView {
    use crate::domain::preferences::Field;
    use crate::domain::requests::Channel;
    use crate::domain::RequestKind;
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(action, pen, form);
    view! {
        <section class="card" aria-labelledby="log-request-heading">
            <h2 id="log-request-heading">{text::LOG_REQUEST_HEADING}</h2>
            <details class="pen" node_ref=pen>
                <summary>{text::LOG_REQUEST}</summary>
                <ActionForm action node_ref=form>
                    <input type="hidden" name="candidate" value=candidate.to_string() />
                    <input type="hidden" name="key" value=key.to_string() />
                    <p class="muted" id="log-request-help">{text::LOG_REQUEST_HELP}</p>
                    <div class="field">
                        <label for="log-kind">{text::LOG_KIND_LABEL}</label>
                        <select id="log-kind" name="request[kind]" required>
                            <option value="">{text::CHOOSE}</option>
                            {[RequestKind::Access, RequestKind::Rectification, RequestKind::Erasure].into_iter().map(|k| view! {
                                <option value=k.as_str()>{text::request_kind_for_team(k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="log-received-on">{text::field_label(Field::ReceivedOn)}</label>
                        <input id="log-received-on" type="date" name="request[received_on]" required max=today.clone() value=today />
                    </div>
                    <div class="field">
                        <label for="log-channel">{text::field_label(Field::Channel)}</label>
                        <select id="log-channel" name="request[channel]" required>
                            <option value="">{text::CHOOSE}</option>
                            {Channel::LOGGED.into_iter().map(|c| view! {
                                <option value=c.as_str()>{text::channel_words(c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="log-note">{text::LOG_NOTE_LABEL}</label>
                        <textarea id="log-note" name="request[note]" rows="3"
                            maxlength=Field::Note.max_chars().to_string()></textarea>
                    </div>
                    <button type="submit" class="button small">{text::LOG_REQUEST_BUTTON}</button>
                </ActionForm>
            </details>
        </section>
    }
    // Type-erased: the profile page is a deep view, and SSR renders it on one stack.
    .into_any()
}
