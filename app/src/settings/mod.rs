//! The compliance settings page (SPEC §5): a Super Admin chooses the compliance mode, who GDPR
//! protects, the lawful bases, the periods and the organization's details. Every change is
//! checked by the domain, audited by name, and read by every request from then on. Others are
//! refused, on the page and on the server.

#[cfg(feature = "ssr")]
mod store;

use crate::domain::anonymization::PersonalField;
use crate::domain::lawful_basis::Combination;
use crate::domain::preferences::Field;
use crate::domain::settings::{ComplianceSettings, PolicyForm, PolicySetting, SettingsForm};
use crate::domain::{ComplianceMode, GdprScope, LawfulBasis};
use crate::error::AppError;
use crate::text;
use crate::ui::actions::follow_action;
use crate::ui::form::{FormField, TimeZoneSelect};
use crate::ui::workspace::{Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The outcome of a settings form, shown above the forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SettingsNotice {
    Saved,
    PolicySaved,
    PolicyRemoved,
    TemplateSaved,
    Failed(AppError),
}

impl SettingsNotice {
    pub fn code(&self) -> String {
        match self {
            SettingsNotice::Saved => "saved".into(),
            SettingsNotice::PolicySaved => "policy-saved".into(),
            SettingsNotice::PolicyRemoved => "policy-removed".into(),
            SettingsNotice::TemplateSaved => "template-saved".into(),
            SettingsNotice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "saved" => Some(SettingsNotice::Saved),
            "policy-saved" => Some(SettingsNotice::PolicySaved),
            "policy-removed" => Some(SettingsNotice::PolicyRemoved),
            "template-saved" => Some(SettingsNotice::TemplateSaved),
            other => AppError::from_code(other).map(SettingsNotice::Failed),
        }
    }
}

/// Everything the settings page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsPageData {
    pub settings: ComplianceSettings,
    pub policies: Vec<PolicySetting>,
    pub templates: Vec<TemplateView>,
}

/// An editable email template, and what a candidate would read (None: it can't be filled in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    pub key: String,
    pub name: String,
    pub subject: String,
    pub body: String,
    pub preview_subject: Option<String>,
    pub preview_text: Option<String>,
    /// Why it can't be filled in (a template stored before today's checks, or broken since).
    pub problem: Option<String>,
    /// Its version in each other language candidates can have (empty where there is none:
    /// those candidates get the default one above).
    pub versions: Vec<TemplateVersionView>,
}

/// A template's version in one language, with its preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateVersionView {
    pub locale: crate::domain::locale::Locale,
    pub subject: String,
    pub body: String,
    pub preview_subject: Option<String>,
    pub preview_text: Option<String>,
    pub problem: Option<String>,
}

/// A template as posted; an empty key adds a new one. With a `locale`, it is that language's
/// version of the template `key` (an empty subject and body remove it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    pub key: String,
    pub name: String,
    pub subject: String,
    pub body: String,
    pub locale: String,
}

#[server(endpoint = "settings/current")]
pub async fn current_settings() -> Result<SettingsPageData, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let settings = store::current(&state.pool, &viewer).await?;
            Ok(SettingsPageData {
                policies: store::policies(&state.pool, &viewer).await?,
                templates: store::templates(
                    &state.pool,
                    &state.config,
                    &settings.organization_name,
                    settings.default_locale,
                )
                .await?,
                settings,
            })
        }
        .await,
    )
}

#[server(endpoint = "settings/policy")]
pub async fn save_policy(policy: PolicyForm) -> Result<SettingsNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        store::super_admin_only(&viewer)?;
        let policy = PolicySetting::parse(&policy).map_err(AppError::Invalid)?;
        store::save_policy(&state.pool, &viewer, &policy).await?;
        Ok(SettingsNotice::PolicySaved)
    }
    .await;
    answer_settings_form(result)
}

#[server(endpoint = "settings/template")]
pub async fn save_template(template: TemplateForm) -> Result<SettingsNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        store::save_template(&state.pool, &viewer, &template).await?;
        Ok(SettingsNotice::TemplateSaved)
    }
    .await;
    answer_settings_form(result)
}

#[server(endpoint = "settings/remove-policy")]
pub async fn remove_policy(country: String) -> Result<SettingsNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let country =
            crate::domain::CountryCode::parse(&country).map_err(|_| AppError::NotFound)?;
        store::remove_policy(&state.pool, &viewer, country).await?;
        Ok(SettingsNotice::PolicyRemoved)
    }
    .await;
    answer_settings_form(result)
}

/// A redirect back to the settings page without JavaScript, the outcome with.
#[cfg(feature = "ssr")]
fn answer_settings_form(
    result: Result<SettingsNotice, AppError>,
) -> Result<SettingsNotice, AppError> {
    let notice = result.clone().unwrap_or_else(SettingsNotice::Failed);
    crate::core::server_side::answer_form(
        "/settings".into(),
        notice.code(),
        result,
        SettingsNotice::Failed,
    )
}

#[server(endpoint = "settings/save")]
pub async fn save_settings(form: SettingsForm) -> Result<SettingsNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        store::super_admin_only(&viewer)?;
        let settings = ComplianceSettings::parse(&form)?;
        store::save(&state.pool, &viewer, &settings).await?;
        Ok(SettingsNotice::Saved)
    }
    .await;
    let notice = result.clone().unwrap_or_else(SettingsNotice::Failed);
    crate::core::server_side::answer_form(
        "/settings".into(),
        notice.code(),
        result,
        SettingsNotice::Failed,
    )
}

fn settings_notice(result: Result<SettingsNotice, AppError>) -> SettingsNotice {
    result.unwrap_or_else(SettingsNotice::Failed)
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveSettings>::new();
    let policy = ServerAction::<SavePolicy>::new();
    let remove = ServerAction::<RemovePolicy>::new();
    let template = ServerAction::<SaveTemplate>::new();
    let latest = RwSignal::new(None::<SettingsNotice>);
    let successes = RwSignal::new(0u32);
    follow_action(save, latest, successes, settings_notice);
    follow_action(policy, latest, successes, settings_notice);
    follow_action(remove, latest, successes, settings_notice);
    follow_action(template, latest, successes, settings_notice);
    let query = use_query_map();
    let notice = Signal::derive(move || {
        latest.get().or_else(|| {
            query
                .read()
                .get("notice")
                .and_then(|c| SettingsNotice::from_code(&c))
        })
    });
    let current = Resource::new(move || successes.get(), |_| current_settings());
    view! {
        <Title text=text::SETTINGS_TITLE />
        <WorkspaceFrame>
            <h1>{text::SETTINGS_TITLE}</h1>
            <p><a href="/settings/api-keys">{text::API_KEYS_LINK}</a></p>
            <p><a href="/settings/webhooks">{text::WEBHOOKS_LINK}</a></p>
            <p><a href="/settings/import">{text::IMPORT_LINK}</a></p>
            {move || notice.get().map(|n| {
                let failed = matches!(n, SettingsNotice::Failed(_));
                view! {
                    <div id="notice" class=if failed { "notice failure" } else { "notice success" }
                        role=if failed { "alert" } else { "status" }>
                        <p>{match n {
                            SettingsNotice::Saved => text::SETTINGS_SAVED.to_owned(),
                            SettingsNotice::PolicySaved => text::POLICY_SAVED.to_owned(),
                            SettingsNotice::PolicyRemoved => text::POLICY_REMOVED.to_owned(),
                            SettingsNotice::TemplateSaved => text::TEMPLATE_SAVED.to_owned(),
                            SettingsNotice::Failed(error) => text::error_message(&error),
                        }}</p>
                    </div>
                }
            })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    current.get().map(|result| match result {
                        Ok(data) => view! {
                            <SettingsEditor form=data.settings.to_form() save />
                            <CountryPolicies policies=data.policies save=policy remove />
                            <Templates templates=data.templates save=template />
                        }.into_any(),
                        Err(AppError::SignInRequired) => ().into_any(),
                        Err(AppError::Forbidden) => view! {
                            <p class="notice failure" role="alert">{text::SETTINGS_SUPER_ADMIN_ONLY}</p>
                        }.into_any(),
                        Err(error) => view! { <Problem error /> }.into_any(),
                    })
                }}
            </Transition>
        </WorkspaceFrame>
    }
}

/// A group of radio buttons, one per choice, with the stored one checked.
#[component]
fn SettingChoice(
    field: Field,
    chosen: String,
    choices: Vec<(&'static str, String)>,
) -> impl IntoView {
    let name = format!("form[{}]", field.as_str());
    view! {
        <fieldset class="choices">
            <legend>{text::field_label(field)}</legend>
            {choices
                .into_iter()
                .map(|(value, label)| {
                    let id = format!("setting-{}-{value}", field.as_str());
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name.clone() value=value checked=chosen == value />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn SettingsEditor(form: SettingsForm, save: ServerAction<SaveSettings>) -> impl IntoView {
    let modes = ComplianceMode::ALL
        .iter()
        .map(|m| (m.as_str(), text::compliance_mode(*m).to_owned()))
        .collect();
    let scopes = GdprScope::ALL
        .iter()
        .map(|s| (s.as_str(), text::gdpr_scope(*s).to_owned()))
        .collect();
    let bases = || {
        LawfulBasis::ALL
            .iter()
            .map(|b| (b.as_str(), text::lawful_basis(*b).to_owned()))
            .collect::<Vec<_>>()
    };
    let current = Combination {
        processing: form
            .processing_basis
            .parse()
            .unwrap_or(LawfulBasis::LegitimateInterestOrContract),
        retention: form
            .retention_basis
            .parse()
            .unwrap_or(LawfulBasis::LegitimateInterestOrContract),
    };
    view! {
        <ActionForm action=save attr:class="settings-form">
            <section class="card" aria-labelledby="compliance-heading">
                <h2 id="compliance-heading">{text::SETTINGS_COMPLIANCE}</h2>
                <SettingChoice field=Field::Mode chosen=form.compliance_mode.clone() choices=modes />
                <SettingChoice field=Field::Scope chosen=form.gdpr_scope.clone() choices=scopes />
                <SettingChoice field=Field::ProcessingBasis chosen=form.processing_basis.clone() choices=bases() />
                <SettingChoice field=Field::RetentionBasis chosen=form.retention_basis.clone() choices=bases() />
                <h3>{text::COMBINATIONS_HEADING}</h3>
                <ol class="combinations">
                    {combinations()
                        .into_iter()
                        .map(|c| {
                            let is_current = c == current;
                            view! {
                                <li class:current=is_current>
                                    <strong>{text::combination_title(c)}</strong>
                                    {is_current.then(|| view! { " " <span class="badge">{text::CURRENT_COMBINATION}</span> })}
                                    " " {text::combination_explained(c)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section class="card" aria-labelledby="periods-heading">
                <h2 id="periods-heading">{text::SETTINGS_PERIODS}</h2>
                <FormField field=Field::RetentionDays scope="setting" labels=text::field_label group="form" value=form.retention_days.clone() kind="number" required=true />
                <FormField field=Field::ConsentValidityDays scope="setting" labels=text::field_label group="form" value=form.consent_validity_days.clone() kind="number" />
                <FormField field=Field::AnswerWindowDays scope="setting" labels=text::field_label group="form" value=form.consent_answer_window_days.clone() kind="number" required=true />
                <FormField field=Field::GraceDays scope="setting" labels=text::field_label group="form" value=form.anonymization_grace_days.clone() kind="number" required=true />
            </section>
            <section class="card" aria-labelledby="organization-heading">
                <h2 id="organization-heading">{text::SETTINGS_ORGANIZATION}</h2>
                <FormField field=Field::Organization scope="setting" labels=text::field_label group="form" value=form.organization_name.clone() required=true />
                <FormField field=Field::ReplyTo scope="setting" labels=text::field_label group="form" value=form.reply_to.clone() kind="email" />
                <FormField field=Field::PrivacyPolicy scope="setting" labels=text::field_label group="form" value=form.privacy_policy_url.clone() kind="url" />
                <FormField field=Field::DataProtectionContact scope="setting" labels=text::field_label group="form" value=form.data_protection_contact.clone() />
                <div class="field">
                    <label for="setting-time-zone">{text::field_label(Field::TimeZone)}</label>
                    <TimeZoneSelect id="setting-time-zone" name="form[time_zone]" selected=form.time_zone.clone()
                        describedby="setting-time-zone-help" />
                    <p id="setting-time-zone-help" class="muted">{text::TIME_ZONE_SETTING_HELP}</p>
                </div>
                <div class="field">
                    <label for="setting-default-locale">{text::field_label(Field::DefaultLocale)}</label>
                    <select id="setting-default-locale" name="form[default_locale]" aria-describedby="setting-default-locale-help">
                        {crate::domain::locale::Locale::ALL.iter().map(|l| view! {
                            <option value=l.as_str() selected=form.default_locale == l.as_str()>{l.endonym()}</option>
                        }).collect_view()}
                    </select>
                    <p id="setting-default-locale-help" class="muted">{text::DEFAULT_LOCALE_SETTING_HELP}</p>
                </div>
                <div class="field">
                    <label for="setting-accent">{text::field_label(Field::Accent)}</label>
                    <input id="setting-accent" name="form[accent_colour]" value=form.accent_colour.clone()
                        placeholder="#1d4ed8" maxlength=Field::Accent.max_chars().to_string()
                        autocomplete="off" aria-describedby="setting-accent-help" />
                    <p id="setting-accent-help" class="muted">{text::ACCENT_SETTING_HELP}</p>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="setting-owner-alert-names" name="form[owner_alert_includes_name]"
                        value="true" checked=form.owner_alert_includes_name />
                    <label for="setting-owner-alert-names">{text::OWNER_ALERT_NAMES}</label>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="setting-admin-digest" name="form[admin_digest]"
                        value="true" checked=form.admin_digest />
                    <label for="setting-admin-digest">{text::ADMIN_DIGEST_SETTING}</label>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="setting-application-confirmation" name="form[application_confirmation]"
                        value="true" checked=form.application_confirmation />
                    <label for="setting-application-confirmation">{text::APPLICATION_CONFIRMATION_SETTING}</label>
                </div>
            </section>
            <button type="submit" class="button">{text::SAVE_SETTINGS}</button>
        </ActionForm>
    }
}

fn combinations() -> [Combination; 4] {
    use LawfulBasis::*;
    [
        (LegitimateInterestOrContract, LegitimateInterestOrContract),
        (LegitimateInterestOrContract, ExplicitConsent),
        (ExplicitConsent, LegitimateInterestOrContract),
        (ExplicitConsent, ExplicitConsent),
    ]
    .map(|(processing, retention)| Combination {
        processing,
        retention,
    })
}

/// Localized mode's per-country policies: one form per country, and one to add a country.
#[component]
fn CountryPolicies(
    policies: Vec<PolicySetting>,
    save: ServerAction<SavePolicy>,
    remove: ServerAction<RemovePolicy>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="policies-heading">
            <h2 id="policies-heading">{text::POLICIES_HEADING}</h2>
            <p class="muted">{text::POLICIES_INTRO}</p>
            {policies
                .into_iter()
                .map(|p| {
                    let country = p.country.as_str().to_owned();
                    view! {
                        <div class="policy">
                            <h3>{text::policy_heading(&country, p.enabled)}</h3>
                            <PolicyEditor policy=Some(p) save />
                            <ActionForm action=remove attr:class="inline">
                                <input type="hidden" name="country" value=country />
                                <button type="submit" class="button secondary small">{text::REMOVE_POLICY}</button>
                            </ActionForm>
                        </div>
                    }
                })
                .collect_view()}
            <details class="pen">
                <summary>{text::ADD_POLICY}</summary>
                <PolicyEditor policy=None save />
            </details>
        </section>
    }
}

#[component]
fn PolicyEditor(policy: Option<PolicySetting>, save: ServerAction<SavePolicy>) -> impl IntoView {
    let key = policy
        .as_ref()
        .map_or("new".to_owned(), |p| p.country.as_str().to_lowercase());
    let id = move |what: &str| format!("policy-{key}-{what}");
    let removed = policy
        .as_ref()
        .map(|p| p.removed.clone())
        .unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="policy-form">
            // One shape for both (a fixed country is read-only), so the form renders the same
            // on the server and in the browser.
            <div class="field">
                <label for=id("country")>{text::POLICY_COUNTRY}</label>
                <input id=id("country") name="policy[country]" required maxlength="2" size="3"
                    autocomplete="off" readonly=policy.is_some() aria-describedby=id("country-help")
                    value=policy.as_ref().map(|p| p.country.as_str().to_owned()).unwrap_or_default() />
                <p id=id("country-help") class="muted">{text::POLICY_COUNTRY_HELP}</p>
            </div>
            <div class="field">
                <label for=id("days")>{text::field_label(Field::RetentionDays)}</label>
                <input id=id("days") type="number" name="policy[retention_days]" required inputmode="numeric"
                    value=policy.as_ref().map(|p| p.retention_days.to_string()).unwrap_or_default() />
            </div>
            <fieldset class="choices">
                <legend>{text::POLICY_REMOVES}</legend>
                {PersonalField::ALL
                    .iter()
                    .map(|field| {
                        let checkbox = id(field.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=checkbox.clone() name=format!("policy[removed][{}]", field.as_str())
                                    value="on" checked=removed.contains(field) />
                                <label for=checkbox>{text::removable_field(*field)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field checkbox">
                <input type="checkbox" id=id("enabled") name="policy[enabled]" value="true"
                    checked=policy.as_ref().is_none_or(|p| p.enabled) />
                <label for=id("enabled")>{text::POLICY_ENABLED}</label>
            </div>
            <button type="submit" class="button small">{text::SAVE_POLICY}</button>
        </ActionForm>
    }
}

/// The editable email templates, each with its preview as saved, and a form to add one.
#[component]
fn Templates(templates: Vec<TemplateView>, save: ServerAction<SaveTemplate>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="templates-heading">
            <h2 id="templates-heading">{text::TEMPLATES_HEADING}</h2>
            <p class="muted">{text::TEMPLATES_INTRO}</p>
            {templates
                .into_iter()
                .map(|t| {
                    let preview = preview_of(t.preview_subject.clone(), t.preview_text.clone(), t.problem.clone());
                    let versions = t.versions.clone();
                    let key = t.key.clone();
                    let name = t.name.clone();
                    view! {
                        <div class="template">
                            <h3>{t.name.clone()}</h3>
                            <TemplateEditor template=Some(t) save />
                            {preview}
                            {versions.into_iter().map(|v| {
                                let preview = preview_of(v.preview_subject.clone(), v.preview_text.clone(), v.problem.clone());
                                let exists = !v.subject.is_empty();
                                view! {
                                    <details class="pen template-version">
                                        <summary>{text::template_version(&name, v.locale.endonym(), exists)}</summary>
                                        <TemplateVersionEditor key=key.clone() version=v save />
                                        {exists.then_some(preview)}
                                    </details>
                                }
                            }).collect_view()}
                        </div>
                    }
                })
                .collect_view()}
            <details class="pen">
                <summary>{text::ADD_TEMPLATE}</summary>
                <TemplateEditor template=None save />
            </details>
        </section>
    }
}

/// What a candidate reads, or why the template can't be filled in.
fn preview_of(subject: Option<String>, body: Option<String>, problem: Option<String>) -> AnyView {
    match (subject, body) {
        (Some(subject), Some(body)) => view! {
            <figure class="preview">
                <figcaption>{text::TEMPLATE_PREVIEW}</figcaption>
                <p><strong>{subject}</strong></p>
                <pre class="email-text">{body}</pre>
            </figure>
        }
        .into_any(),
        _ => view! {
            <div class="notice warning" role="alert">
                <p>{text::TEMPLATE_PREVIEW_BROKEN}</p>
                {problem.map(|p| view! { <p>{p}</p> })}
            </div>
        }
        .into_any(),
    }
}

/// A template's version in one language: its subject and body (the name is the template's).
#[component]
fn TemplateVersionEditor(
    key: String,
    version: TemplateVersionView,
    save: ServerAction<SaveTemplate>,
) -> impl IntoView {
    let locale = version.locale.as_str();
    let slug = key.clone();
    let id = move |what: &str| format!("template-{slug}-{locale}-{what}");
    view! {
        <ActionForm action=save attr:class="template-form" attr:lang=locale>
            <input type="hidden" name="template[key]" value=key />
            <input type="hidden" name="template[locale]" value=locale />
            <div class="field">
                <label for=id("subject")>{text::field_label(Field::Subject)}</label>
                <input id=id("subject") name="template[subject]" value=version.subject
                    maxlength=Field::Subject.max_chars().to_string() />
            </div>
            <div class="field">
                <label for=id("body")>{text::field_label(Field::Body)}</label>
                <textarea id=id("body") name="template[body]" rows="8"
                    maxlength=Field::Body.max_chars().to_string()>{version.body}</textarea>
            </div>
            <p class="muted">{text::TEMPLATE_VERSION_HELP}</p>
            <button type="submit" class="button small">{text::SAVE_TEMPLATE}</button>
        </ActionForm>
    }
}

#[component]
fn TemplateEditor(
    template: Option<TemplateView>,
    save: ServerAction<SaveTemplate>,
) -> impl IntoView {
    let key = template.as_ref().map(|t| t.key.clone()).unwrap_or_default();
    let slug = if key.is_empty() {
        "new".to_owned()
    } else {
        key.clone()
    };
    let id = move |what: &str| format!("template-{slug}-{what}");
    let (name, subject, body) = template
        .map(|t| (t.name, t.subject, t.body))
        .unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="template-form">
            <input type="hidden" name="template[key]" value=key />
            <div class="field">
                <label for=id("name")>{text::field_label(Field::TemplateName)}</label>
                <input id=id("name") name="template[name]" value=name required
                    maxlength=Field::TemplateName.max_chars().to_string() />
            </div>
            <div class="field">
                <label for=id("subject")>{text::field_label(Field::Subject)}</label>
                <input id=id("subject") name="template[subject]" value=subject required
                    maxlength=Field::Subject.max_chars().to_string() />
            </div>
            <div class="field">
                <label for=id("body")>{text::field_label(Field::Body)}</label>
                <textarea id=id("body") name="template[body]" rows="8" required
                    maxlength=Field::Body.max_chars().to_string()>{body}</textarea>
            </div>
            <button type="submit" class="button small">{text::SAVE_TEMPLATE}</button>
        </ActionForm>
    }
}
