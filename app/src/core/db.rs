//! How statements are planned.
//!
//! The pool plans every statement for its parameters (`plan_cache_mode = force_custom_plan`,
//! server/src/db.rs): queries with optional filters (`$1 IS NULL OR …`) would otherwise settle on
//! one generic plan that must suit every combination, and lose their indexes. A query of fixed
//! shape on a hot page pays for that: the preferences page's query took 1–2 ms to plan and 0.2 ms
//! to run. Such a query runs in a transaction that lets Postgres keep a generic plan once it has
//! seen, over five runs, that the plan costs no more than planning for the parameters.

use sqlx::{PgPool, Postgres, Transaction};

/// A transaction whose statements may reuse a generic plan (`SET LOCAL`: the pooled connection
/// goes back to planning each statement when it ends).
pub async fn with_plans_kept(pool: &PgPool) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SET LOCAL plan_cache_mode = auto")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}
