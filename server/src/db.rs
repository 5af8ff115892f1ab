//! The Postgres pool and migrations.

use app::core::config::DatabaseUrl;
use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    PgPool,
};
use std::str::FromStr;
use std::time::Duration;

/// Every migration in `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot reach the database named by DATABASE_URL ({0})")]
    Connect(#[source] sqlx::Error),
    #[error("database migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub async fn connect(url: &DatabaseUrl) -> Result<PgPool, DbError> {
    // Every statement is planned for its parameters. Queries with optional filters
    // (`$1 IS NULL OR …`) would otherwise, after five runs, switch to one generic plan that must
    // suit every combination, and lose their indexes; planning costs a fraction of a millisecond.
    let options = PgConnectOptions::from_str(&url.0)
        .map_err(DbError::Connect)?
        .options([("plan_cache_mode", "force_custom_plan")]);
    PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(DbError::Connect)
}

pub async fn migrate(pool: &PgPool) -> Result<(), DbError> {
    MIGRATOR.run(pool).await?;
    Ok(())
}
