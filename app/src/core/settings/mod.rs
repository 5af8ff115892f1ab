//! The organization's settings row (SPEC §2, §5), typed through the domain enums, and the rules
//! every page is built from (kept in memory between requests). The settings page saves them.

mod rules;

pub use rules::{Rules, RulesCache};

use crate::domain::{lawful_basis::Combination, settings::ComplianceSettings, LawfulBasis};
use crate::error::AppError;
use sqlx::PgExecutor;

/// The settings row: what a Super Admin edits, and the version of the consent text in force.
#[derive(Debug, Clone)]
pub struct Settings {
    pub compliance: ComplianceSettings,
    pub consent_text_version: String,
}

// Everything reads the compliance settings through the row: `settings.mode`, `settings.scope`.
impl std::ops::Deref for Settings {
    type Target = ComplianceSettings;

    fn deref(&self) -> &ComplianceSettings {
        &self.compliance
    }
}

/// The settings row as Postgres's `to_jsonb(settings)` spells it, so that any query can carry
/// the settings along (the preferences page loads everything in one round trip).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SettingsRow {
    organization_name: String,
    reply_to: Option<String>,
    privacy_policy_url: Option<String>,
    data_protection_contact: Option<String>,
    compliance_mode: String,
    gdpr_scope: String,
    processing_basis: String,
    retention_basis: String,
    retention_days: i32,
    consent_validity_days: Option<i32>,
    consent_answer_window_days: i32,
    anonymization_grace_days: i32,
    owner_alert_includes_name: bool,
    admin_digest: bool,
    application_confirmation: bool,
    time_zone: String,
    default_locale: String,
    accent_colour: Option<String>,
    consent_text_version: String,
}

impl TryFrom<SettingsRow> for Settings {
    type Error = AppError;

    fn try_from(row: SettingsRow) -> Result<Self, AppError> {
        // The CHECK constraints hold the same spellings as the domain enums.
        let parse_failed = |e: crate::domain::UnknownValue| {
            tracing::error!(error = %e, "settings row holds an unknown value");
            AppError::Unavailable
        };
        let compliance = ComplianceSettings {
            organization_name: row.organization_name,
            reply_to: row.reply_to,
            privacy_policy_url: row.privacy_policy_url,
            data_protection_contact: row.data_protection_contact,
            mode: row.compliance_mode.parse().map_err(parse_failed)?,
            scope: row.gdpr_scope.parse().map_err(parse_failed)?,
            combination: Combination {
                processing: row
                    .processing_basis
                    .parse::<LawfulBasis>()
                    .map_err(parse_failed)?,
                retention: row
                    .retention_basis
                    .parse::<LawfulBasis>()
                    .map_err(parse_failed)?,
            },
            retention_days: row.retention_days,
            consent_validity_days: row.consent_validity_days,
            consent_answer_window_days: row.consent_answer_window_days,
            anonymization_grace_days: row.anonymization_grace_days,
            owner_alert_includes_name: row.owner_alert_includes_name,
            admin_digest: row.admin_digest,
            application_confirmation: row.application_confirmation,
            time_zone: row.time_zone,
            default_locale: row.default_locale.parse().map_err(parse_failed)?,
            // The CHECK constraint holds the format; a stored colour stays usable even if the
            // contrast rule tightens.
            accent: row
                .accent_colour
                .as_deref()
                .and_then(|c| crate::domain::branding::Accent::parse(c).ok()),
        };
        Ok(Settings {
            compliance,
            consent_text_version: row.consent_text_version,
        })
    }
}

pub async fn load(db: impl PgExecutor<'_>) -> Result<Settings, AppError> {
    let row = sqlx::query_scalar!(
        r#"SELECT to_jsonb(s) AS "row!: sqlx::types::Json<SettingsRow>" FROM settings s"#
    )
    .fetch_one(db)
    .await?;
    row.0.try_into()
}

/// The enabled country policies (localized mode).
pub async fn country_policies(
    db: impl sqlx::PgExecutor<'_>,
) -> Result<Vec<crate::domain::preferences::CountryPolicy>, AppError> {
    Ok(sqlx::query!(
        "SELECT country, retention_days FROM country_policies WHERE enabled ORDER BY country"
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .filter_map(|p| {
        Some(crate::domain::preferences::CountryPolicy {
            country: crate::domain::CountryCode::parse(&p.country).ok()?,
            retention_days: p.retention_days,
        })
    })
    .collect())
}
