//! The compliance settings page (SPEC §5): a Super Admin chooses the compliance mode, who GDPR
//! protects, the lawful bases, the periods and the organization's details. Every change is
//! checked by the domain, audited by name, and read by every request from then on. Others are
//! refused, on the page and on the server.

#[cfg(feature = "ssr")]
mod store;
#[cfg(feature = "ssr")]
pub use store::{load, Settings, SettingsRow};

use crate::actions::follow_action;
use crate::domain::lawful_basis::Combination;
use crate::domain::preferences::Field;
use crate::domain::settings::{ComplianceSettings, SettingsForm};
use crate::domain::{ComplianceMode, GdprScope, LawfulBasis};
use crate::error::AppError;
use crate::text;
use crate::workspace::{Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The outcome of saving, shown above the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SettingsNotice {
    Saved,
    Failed(AppError),
}

impl SettingsNotice {
    pub fn code(&self) -> String {
        match self {
            SettingsNotice::Saved => "saved".into(),
            SettingsNotice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "saved" => Some(SettingsNotice::Saved),
            other => AppError::from_code(other).map(SettingsNotice::Failed),
        }
    }
}

#[server(endpoint = "settings/current")]
pub async fn current_settings() -> Result<ComplianceSettings, AppError> {
    crate::server_side::answer(
        async {
            let (state, viewer) = crate::auth::signed_in().await?;
            store::current(&state.pool, &viewer).await
        }
        .await,
    )
}

#[server(endpoint = "settings/save")]
pub async fn save_settings(form: SettingsForm) -> Result<SettingsNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::auth::signed_in().await?;
        if !viewer.role.edits_compliance_settings() {
            return Err(AppError::Forbidden);
        }
        let settings = ComplianceSettings::parse(&form).map_err(AppError::Invalid)?;
        store::save(&state.pool, &viewer, &settings).await?;
        Ok(SettingsNotice::Saved)
    }
    .await;
    let notice = result.clone().unwrap_or_else(SettingsNotice::Failed);
    crate::server_side::answer_form(
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
    let latest = RwSignal::new(None::<SettingsNotice>);
    let successes = RwSignal::new(0u32);
    follow_action(save, latest, successes, settings_notice);
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
            {move || notice.get().map(|n| {
                let failed = matches!(n, SettingsNotice::Failed(_));
                view! {
                    <div id="notice" class=if failed { "notice failure" } else { "notice success" }
                        role=if failed { "alert" } else { "status" }>
                        <p>{match n {
                            SettingsNotice::Saved => text::SETTINGS_SAVED.to_owned(),
                            SettingsNotice::Failed(error) => text::error_message(&error),
                        }}</p>
                    </div>
                }
            })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    current.get().map(|result| match result {
                        Ok(settings) => view! { <SettingsEditor form=settings.to_form() save /> }.into_any(),
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

/// One text or number field of the form, labelled, limited like the server limits it.
#[component]
fn SettingInput(
    field: Field,
    value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let name = format!("form[{}]", field.as_str());
    let id = format!("setting-{}", field.as_str());
    view! {
        <div class="field">
            <label for=id.clone()>{text::field_label(field)}</label>
            <input id=id type=kind name=name value=value required=required
                inputmode=if kind == "number" { "numeric" } else { "text" }
                maxlength=field.max_chars().to_string() />
        </div>
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
                <SettingInput field=Field::RetentionDays value=form.retention_days.clone() kind="number" required=true />
                <SettingInput field=Field::ConsentValidityDays value=form.consent_validity_days.clone() kind="number" />
                <SettingInput field=Field::AnswerWindowDays value=form.consent_answer_window_days.clone() kind="number" required=true />
                <SettingInput field=Field::GraceDays value=form.anonymization_grace_days.clone() kind="number" required=true />
            </section>
            <section class="card" aria-labelledby="organization-heading">
                <h2 id="organization-heading">{text::SETTINGS_ORGANIZATION}</h2>
                <SettingInput field=Field::Organization value=form.organization_name.clone() required=true />
                <SettingInput field=Field::ReplyTo value=form.reply_to.clone() kind="email" />
                <SettingInput field=Field::PrivacyPolicy value=form.privacy_policy_url.clone() kind="url" />
                <SettingInput field=Field::DataProtectionContact value=form.data_protection_contact.clone() />
                <div class="field checkbox">
                    <input type="checkbox" id="setting-owner-alert-names" name="form[owner_alert_includes_name]"
                        value="true" checked=form.owner_alert_includes_name />
                    <label for="setting-owner-alert-names">{text::OWNER_ALERT_NAMES}</label>
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
