//! The organization's settings row (SPEC §2, §5): read, typed through the domain enums, and
//! saved by a Super Admin from the settings page.

use crate::domain::{
    anonymization::PersonalField,
    lawful_basis::Combination,
    settings::{ComplianceSettings, PolicySetting},
    CountryCode, LawfulBasis,
};
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

/// The settings as the page shows them (Super Admins only).
pub async fn current(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
) -> Result<ComplianceSettings, AppError> {
    super_admin_only(viewer)?;
    editable(pool).await
}

async fn editable(db: impl PgExecutor<'_>) -> Result<ComplianceSettings, AppError> {
    Ok(load(db).await?.compliance)
}

/// Stores new settings, which every request reads from then on; the audit row names the settings
/// that changed (names only). Saving what is already stored changes and records nothing.
pub async fn save(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
    new: &ComplianceSettings,
) -> Result<(), AppError> {
    super_admin_only(viewer)?;
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT id FROM settings FOR UPDATE")
        .fetch_one(&mut *tx)
        .await?;
    let before = editable(&mut *tx).await?;
    let changed = new.changed_from(&before);
    if changed.is_empty() {
        return Ok(());
    }
    sqlx::query!(
        "UPDATE settings
            SET organization_name = $1, reply_to = $2, privacy_policy_url = $3,
                data_protection_contact = $4, compliance_mode = $5, gdpr_scope = $6,
                processing_basis = $7, retention_basis = $8, retention_days = $9,
                consent_validity_days = $10, consent_answer_window_days = $11,
                anonymization_grace_days = $12, owner_alert_includes_name = $13,
                admin_digest = $14",
        new.organization_name,
        new.reply_to,
        new.privacy_policy_url,
        new.data_protection_contact,
        new.mode.as_str(),
        new.scope.as_str(),
        new.combination.processing.as_str(),
        new.combination.retention.as_str(),
        new.retention_days,
        new.consent_validity_days,
        new.consent_answer_window_days,
        new.anonymization_grace_days,
        new.owner_alert_includes_name,
        new.admin_digest,
    )
    .execute(&mut *tx)
    .await?;
    audited(
        &mut tx,
        viewer,
        "settings.changed",
        serde_json::json!({ "changed": changed }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every country policy, enabled or not, by country.
pub async fn policies(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
) -> Result<Vec<PolicySetting>, AppError> {
    super_admin_only(viewer)?;
    Ok(sqlx::query!(
        "SELECT country, retention_days, enabled, removed_fields FROM country_policies ORDER BY country"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|p| {
        Some(PolicySetting {
            country: CountryCode::parse(&p.country).ok()?,
            retention_days: p.retention_days,
            enabled: p.enabled,
            removed: PersonalField::ALL
                .iter()
                .copied()
                .filter(|f| p.removed_fields.iter().any(|r| r == f.as_str()))
                .collect(),
        })
    })
    .collect())
}

/// Adds a country's policy or replaces it, audited by country.
pub async fn save_policy(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
    policy: &PolicySetting,
) -> Result<(), AppError> {
    super_admin_only(viewer)?;
    let removed: Vec<String> = policy
        .removed
        .iter()
        .map(|f| f.as_str().to_owned())
        .collect();
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO country_policies (country, retention_days, enabled, removed_fields)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (country) DO UPDATE
            SET retention_days = EXCLUDED.retention_days, enabled = EXCLUDED.enabled,
                removed_fields = EXCLUDED.removed_fields",
        policy.country.as_str(),
        policy.retention_days,
        policy.enabled,
        &removed,
    )
    .execute(&mut *tx)
    .await?;
    audited(
        &mut tx,
        viewer,
        "settings.country_policy_saved",
        serde_json::json!({ "country": policy.country.as_str() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a country's policy; an unknown country is `NotFound`.
pub async fn remove_policy(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
    country: CountryCode,
) -> Result<(), AppError> {
    super_admin_only(viewer)?;
    let mut tx = pool.begin().await?;
    let removed = sqlx::query!(
        "DELETE FROM country_policies WHERE country = $1",
        country.as_str()
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    audited(
        &mut tx,
        viewer,
        "settings.country_policy_removed",
        serde_json::json!({ "country": country.as_str() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every editable email template, with a preview of what a candidate reads (sample values).
pub async fn templates(
    pool: &sqlx::PgPool,
    config: &crate::config::Config,
    organization: &str,
) -> Result<Vec<super::TemplateView>, AppError> {
    use crate::mail::editable::{EditableTemplate, Placeholders};
    let sample = Placeholders {
        consent_link: crate::links::preferences_url(&config.public_url, "example-link"),
        candidate_first_name: "Anna".into(),
        organization: organization.to_owned(),
    };
    Ok(
        sqlx::query!(
            "SELECT key, name, subject, body_text FROM email_templates ORDER BY name, key"
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|t| {
            let rendered = EditableTemplate::parse(&t.subject, &t.body_text)
                .and_then(|template| template.render(&sample));
            let problem = rendered.as_ref().err().map(ToString::to_string);
            let preview = rendered.ok();
            super::TemplateView {
                key: t.key,
                name: t.name,
                subject: t.subject,
                body: t.body_text,
                preview_subject: preview.as_ref().map(|p| p.subject.clone()),
                preview_text: preview.map(|p| p.text),
                problem,
            }
        })
        .collect(),
    )
}

/// Saves a template after the sandbox's checks; a new one gets a fresh key. Audited by id.
pub async fn save_template(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
    form: &super::TemplateForm,
) -> Result<(), AppError> {
    use crate::mail::editable::{save, SaveError};
    super_admin_only(viewer)?;
    // The template and its audit row land together, or neither does.
    let mut tx = pool.begin().await?;
    let key = match form.key.trim() {
        "" => format!("custom_{}", uuid::Uuid::new_v4().simple()),
        key => {
            let known =
                sqlx::query_scalar!("SELECT count(*) FROM email_templates WHERE key = $1", key)
                    .fetch_one(&mut *tx)
                    .await?;
            if known != Some(1) {
                return Err(AppError::NotFound);
            }
            key.to_owned()
        }
    };
    let id = save(
        &mut tx,
        &key,
        &form.name,
        &form.subject,
        &form.body,
        Some(viewer.id),
    )
    .await
    .map_err(|e| match e {
        SaveError::Invalid(e) => crate::outreach::service::draft_error(e),
        SaveError::NoName => AppError::Invalid(crate::domain::preferences::FieldError {
            field: crate::domain::preferences::Field::TemplateName,
            problem: crate::domain::preferences::Problem::Required,
        }),
        SaveError::Db(e) => e.into(),
    })?;
    audited(
        &mut tx,
        viewer,
        "settings.template_saved",
        serde_json::json!({ "template": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
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

/// Only Super Admins see and change the settings (SPEC §5).
pub(super) fn super_admin_only(viewer: &crate::domain::Viewer) -> Result<(), AppError> {
    if viewer.role.edits_compliance_settings() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The audit row of a settings change: who, which action, and ids or names only.
async fn audited(
    db: &mut sqlx::PgConnection,
    viewer: &crate::domain::Viewer,
    action: &str,
    details: serde_json::Value,
) -> Result<(), AppError> {
    crate::audit::record(
        db,
        crate::audit::Actor::User(viewer.id),
        action,
        None,
        None,
        details,
    )
    .await?;
    Ok(())
}
