//! The settings and the country policies, kept in memory between requests. Every change to
//! either bumps the settings row's `revision` (migration 0011), so a query that returns that one
//! number tells whether this copy is current: a change saved on any server is seen by the next
//! request on every server, and the busiest page need not carry the whole row each time.

use super::{self as store, Settings, SettingsRow};
use crate::domain::preferences::CountryPolicy;
use crate::error::AppError;
use sqlx::{types::Json, PgPool};
use std::sync::{Arc, PoisonError, RwLock};

/// The rules every page is built from, as of one revision.
#[derive(Debug)]
pub struct Rules {
    pub revision: i64,
    pub settings: Settings,
    /// The enabled country policies (localized mode), by country.
    pub policies: Vec<CountryPolicy>,
}

/// This process's copy of the newest [`Rules`] it has read.
#[derive(Debug, Default)]
pub struct RulesCache(RwLock<Option<Arc<Rules>>>);

impl RulesCache {
    /// The rules as of `revision` (as a query just returned it), read again only when this copy
    /// is older.
    pub async fn at(&self, pool: &PgPool, revision: i64) -> Result<Arc<Rules>, AppError> {
        let held = self
            .0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(rules) = held.filter(|rules| rules.revision >= revision) {
            return Ok(rules);
        }
        let rules = Arc::new(read(pool).await?);
        let mut slot = self.0.write().unwrap_or_else(PoisonError::into_inner);
        // Another request may have stored a newer copy meanwhile.
        if slot
            .as_ref()
            .is_none_or(|held| held.revision < rules.revision)
        {
            *slot = Some(rules.clone());
        }
        Ok(rules)
    }
}

async fn read(pool: &PgPool) -> Result<Rules, AppError> {
    let row = sqlx::query!(
        r#"SELECT revision, to_jsonb(s) AS "settings!: Json<SettingsRow>" FROM settings s"#
    )
    .fetch_one(pool)
    .await?;
    // Read after the revision, the policies are at least as new as it; a change in between
    // shows as a newer revision on the next page, which reads them again.
    let policies = store::country_policies(pool).await?;
    Ok(Rules {
        revision: row.revision,
        settings: Settings::try_from(row.settings.0)?,
        policies,
    })
}
