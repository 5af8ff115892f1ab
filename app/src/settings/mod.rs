//! The organization's settings row (SPEC §2, §5). Editing arrives with the settings page; here
//! they are read, typed through the domain enums.

use crate::domain::{lawful_basis::Combination, settings::GdprScope, ComplianceMode, LawfulBasis};
use crate::error::AppError;
use sqlx::PgExecutor;

#[derive(Debug, Clone)]
pub struct Settings {
    pub organization_name: String,
    pub privacy_policy_url: Option<String>,
    pub data_protection_contact: Option<String>,
    pub mode: ComplianceMode,
    pub scope: GdprScope,
    pub combination: Combination,
    pub retention_days: i32,
    pub consent_validity_days: Option<i32>,
    /// Explicit consent asked for and not answered within this many days counts as denied.
    pub consent_answer_window_days: i32,
    /// Days between a deletion mark and the sweep's anonymization.
    pub anonymization_grace_days: i32,
    pub owner_alert_includes_name: bool,
    pub consent_text_version: String,
}

impl Settings {
    pub fn consent_validity(&self) -> Option<chrono::Duration> {
        self.consent_validity_days
            .map(|d| chrono::Duration::days(d.into()))
    }
}

/// The settings row as Postgres's `to_jsonb(settings)` spells it, so that any query can carry
/// the settings along (the preferences page loads everything in one round trip).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SettingsRow {
    organization_name: String,
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
        Ok(Settings {
            organization_name: row.organization_name,
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
