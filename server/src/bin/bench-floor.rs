//! The floor for `scripts/bench.sh`: the least any `GET /preferences/{token}` must do — verify the
//! same JWT with the same key ring and run the same primary-key query — and a static body.
//! The real page's requests per second are reported as a ratio of this one's.

use app::{core::config::Config, domain::CandidateId};
use axum::{
    extract::{Path, State},
    http::StatusCode,
    routing::get,
    Router,
};
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone)]
struct Floor {
    pool: PgPool,
    config: Arc<Config>,
}

async fn preferences(
    State(floor): State<Floor>,
    Path(token): Path<String>,
) -> (StatusCode, &'static str) {
    let Ok(candidate) = floor.config.link_keys.verify(&token) else {
        return (StatusCode::BAD_REQUEST, "bad link");
    };
    let found =
        sqlx::query_scalar::<_, bool>("SELECT anonymized_at IS NULL FROM candidates WHERE id = $1")
            .bind(CandidateId::into_uuid(candidate))
            .fetch_optional(&floor.pool)
            .await;
    match found {
        Ok(Some(_)) => (
            StatusCode::OK,
            "<!DOCTYPE html><title>floor</title><p>ok</p>",
        ),
        Ok(None) => (StatusCode::NOT_FOUND, "unknown"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database"),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    // The same pool settings as `candor serve`.
    let pool = candor_server::db::connect(&config.database_url).await?;
    let addr = config.site_addr;
    let app = Router::new()
        .route("/preferences/{token}", get(preferences))
        .with_state(Floor {
            pool,
            config: Arc::new(config),
        });
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!("bench floor listening on {addr}");
    axum::serve(listener, app).await?;
    Ok(())
}
