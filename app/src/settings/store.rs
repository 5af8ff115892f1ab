//! The settings page's side of the settings row (SPEC §5): what a Super Admin reads and saves.
//! Reading the rules for everyone else is `core::settings`.

use crate::core::settings::load;
use crate::domain::{
    anonymization::PersonalField,
    settings::{ComplianceSettings, PolicySetting},
    CountryCode,
};
use crate::error::AppError;
use sqlx::PgExecutor;

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
                admin_digest = $14, application_confirmation = $15, time_zone = $16,
                default_locale = $17, accent_colour = $18",
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
        new.application_confirmation,
        new.time_zone,
        new.default_locale.as_str(),
        new.accent.as_ref().map(|a| a.as_str()),
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

/// A template's versions by language: (subject, body).
type Versions = sqlx::types::Json<std::collections::BTreeMap<String, (String, String)>>;

/// Every editable email template, with a preview of what a candidate reads (sample values), and
/// its version in each language other than the organization's default.
pub async fn templates(
    pool: &sqlx::PgPool,
    config: &crate::core::config::Config,
    organization: &str,
    default: crate::domain::locale::Locale,
) -> Result<Vec<super::TemplateView>, AppError> {
    use crate::core::mail::editable::{EditableTemplate, Placeholders};
    use crate::domain::locale::Locale;
    let sample = Placeholders {
        consent_link: crate::core::links::preferences_url(&config.public_url, "example-link"),
        candidate_first_name: "Anna".into(),
        organization: organization.to_owned(),
    };
    // (subject, text) or why it can't be filled in.
    let preview = |subject: &str, body: &str| {
        let rendered =
            EditableTemplate::parse(subject, body).and_then(|template| template.render(&sample));
        let problem = rendered.as_ref().err().map(ToString::to_string);
        (rendered.ok().map(|p| (p.subject, p.text)), problem)
    };
    let rows = sqlx::query!(
        r#"SELECT t.key, t.name, t.subject, t.body_text,
                  coalesce(jsonb_object_agg(v.locale, jsonb_build_array(v.subject, v.body_text))
                           FILTER (WHERE v.locale IS NOT NULL), '{}') AS "versions!: Versions"
             FROM email_templates t
             LEFT JOIN email_template_versions v ON v.template_id = t.id
            GROUP BY t.id
            ORDER BY t.name, t.key"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|t| {
            let (rendered, problem) = preview(&t.subject, &t.body_text);
            let versions = Locale::ALL
                .iter()
                .filter(|l| **l != default)
                .map(|&locale| {
                    let (subject, body) = t
                        .versions
                        .0
                        .get(locale.as_str())
                        .cloned()
                        .unwrap_or_default();
                    let (rendered, problem) = if subject.is_empty() {
                        (None, None)
                    } else {
                        preview(&subject, &body)
                    };
                    super::TemplateVersionView {
                        locale,
                        subject,
                        body,
                        preview_subject: rendered.as_ref().map(|p| p.0.clone()),
                        preview_text: rendered.map(|p| p.1),
                        problem,
                    }
                })
                .collect();
            super::TemplateView {
                key: t.key,
                name: t.name,
                subject: t.subject,
                body: t.body_text,
                preview_subject: rendered.as_ref().map(|p| p.0.clone()),
                preview_text: rendered.map(|p| p.1),
                problem,
                versions,
            }
        })
        .collect())
}

/// Saves a template after the sandbox's checks; a new one gets a fresh key. Audited by id.
pub async fn save_template(
    pool: &sqlx::PgPool,
    viewer: &crate::domain::Viewer,
    form: &super::TemplateForm,
) -> Result<(), AppError> {
    use crate::core::mail::editable::{save, SaveError};
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
    let saved = match form.locale.trim() {
        "" => save(
            &mut tx,
            &key,
            &form.name,
            &form.subject,
            &form.body,
            Some(viewer.id),
        )
        .await
        .map(Some),
        locale => {
            let locale = locale
                .parse::<crate::domain::locale::Locale>()
                .map_err(|_| AppError::BadForm)?;
            crate::core::mail::editable::save_version(
                &mut tx,
                &key,
                locale,
                &form.subject,
                &form.body,
                Some(viewer.id),
            )
            .await
        }
    };
    let id = saved.map_err(|e| match e {
        SaveError::Invalid(e) => AppError::from(e),
        SaveError::NoName => AppError::Invalid(crate::domain::preferences::FieldError {
            field: crate::domain::preferences::Field::TemplateName,
            problem: crate::domain::preferences::Problem::Required,
        }),
        SaveError::Db(e) => e.into(),
    })?;
    // A version removed that wasn't there changed nothing.
    let Some(id) = id else {
        return Ok(());
    };
    let locale = (!form.locale.trim().is_empty()).then(|| form.locale.trim());
    audited(
        &mut tx,
        viewer,
        "settings.template_saved",
        serde_json::json!({ "template": id, "locale": locale }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
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
    crate::core::audit::record(
        db,
        crate::core::audit::Actor::of(viewer),
        action,
        None,
        None,
        details,
    )
    .await?;
    Ok(())
}
