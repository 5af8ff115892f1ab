//! Webhook deliveries per second through the outbox, against a bare loop of the same HTTP client
//! posting the same signed bodies to the same receiver, at the same concurrency, in the same run
//! (issue 24). Run by `scripts/bench.sh webhooks`, or directly:
//!   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p server --bench webhooks [-- deliveries rounds]
//!
//! The outbox side also pays for what makes it safe: claiming with SKIP LOCKED, signing each
//! attempt, recording each answer and the endpoint's health. Prints one line per round and a
//! final `RESULT` line for the script.

#[path = "../tests/common/mod.rs"]
mod common;

use app::core::config::Config;
use app::core::webhooks::{delivery, signature};
use axum::http::StatusCode;
use chrono::Utc;
use futures::{stream, StreamExt};
use sqlx::PgPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

const BODY: &str = r#"{"type":"consent.changed","timestamp":"2026-12-02T09:30:00.000Z","data":{"candidate_id":"0b8f5c2e-8d1e-4a7e-9c55-3f1e2d4c5b6a","candidate_external_id":"gh-4711","purpose":"contact","decision":"revoked","source":"preferences_page","at":"2026-12-02T09:30:00.000Z"}}"#;

/// How long the `/slow` receiver takes to answer.
const RECEIVER_WORK: std::time::Duration = std::time::Duration::from_millis(20);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let deliveries: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(5000);
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run(deliveries, rounds));
}

/// A receiver on loopback that counts what it accepts.
async fn receiver() -> (String, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let (counted, counted_slowly) = (count.clone(), count.clone());
    let app = axum::Router::new()
        .route(
            "/hook",
            axum::routing::post(move |_body: String| {
                let counted = counted.clone();
                async move {
                    counted.fetch_add(1, Ordering::Relaxed);
                    StatusCode::NO_CONTENT
                }
            }),
        )
        // A receiver that does its own work before answering, as a real one does.
        .route(
            "/slow",
            axum::routing::post(move |_body: String| {
                let counted = counted_slowly.clone();
                async move {
                    tokio::time::sleep(RECEIVER_WORK).await;
                    counted.fetch_add(1, Ordering::Relaxed);
                    StatusCode::NO_CONTENT
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), count)
}

async fn run(deliveries: usize, rounds: usize) {
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let pool = common::fresh_database(&base, "candor_bench_webhooks").await;
    let (url, received) = receiver().await;
    let config = config(&base);
    let slow_url = url.replace("/hook", "/slow");
    let (instant_endpoint, slow_endpoint) = (
        endpoint(&pool, &url).await,
        endpoint(&pool, &slow_url).await,
    );
    // The slow receiver's rounds are shorter: its rate is bounded by concurrency / its work.
    let slow_deliveries = (deliveries / 3).max(100);

    let (mut bare, mut outbox, mut bare_slow, mut outbox_slow) = (vec![], vec![], vec![], vec![]);
    for round in 1..=rounds {
        bare.push(bare_loop(&config, &url, deliveries).await);
        outbox.push(through_outbox(&pool, &config, instant_endpoint, deliveries).await);
        bare_slow.push(bare_loop(&config, &slow_url, slow_deliveries).await);
        outbox_slow.push(through_outbox(&pool, &config, slow_endpoint, slow_deliveries).await);
        println!(
            "round {round}: instant receiver: bare {:.0}/s, outbox {:.0}/s; 20 ms receiver: bare {:.0}/s, outbox {:.0}/s",
            bare[round - 1],
            outbox[round - 1],
            bare_slow[round - 1],
            outbox_slow[round - 1]
        );
    }
    assert_eq!(
        received.load(Ordering::Relaxed),
        (deliveries + slow_deliveries) * rounds * 2,
        "every delivery arrived"
    );
    let (bare, outbox) = (median(bare), median(outbox));
    let (bare_slow, outbox_slow) = (median(bare_slow), median(outbox_slow));
    println!(
        "RESULT deliveries={deliveries} slow_deliveries={slow_deliveries} rounds={rounds} bare={bare:.0} outbox={outbox:.0} ratio={:.2} bare_slow={bare_slow:.0} outbox_slow={outbox_slow:.0} ratio_slow={:.2} concurrency={}",
        outbox / bare,
        outbox_slow / bare_slow,
        config.webhooks.concurrency
    );
}

/// The baseline: the deliverer's own client, the same headers, the same concurrency.
async fn bare_loop(config: &Config, url: &str, deliveries: usize) -> f64 {
    let client = delivery::client(config.webhooks.destinations).unwrap();
    let secret = [7u8; 32];
    let requests: Vec<(String, String)> = (0..deliveries)
        .map(|_| {
            let id = uuid::Uuid::new_v4().to_string();
            let timestamp = Utc::now().timestamp();
            let signed = signature::header(&[&secret], &id, timestamp, BODY.as_bytes());
            (id, signed)
        })
        .collect();
    let timestamp = Utc::now().timestamp().to_string();
    let started = Instant::now();
    let sent: usize = stream::iter(requests)
        .map(|(id, signed)| {
            let request = client
                .post(url)
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", &timestamp)
                .header("webhook-signature", signed)
                .body(BODY);
            async move { usize::from(request.send().await.unwrap().status().is_success()) }
        })
        .buffer_unordered(config.webhooks.concurrency)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .sum();
    assert_eq!(sent, deliveries);
    deliveries as f64 / started.elapsed().as_secs_f64()
}

/// The outbox: events and deliveries written first (not timed), then a deliverer drains them.
async fn through_outbox(
    pool: &PgPool,
    config: &Config,
    endpoint: uuid::Uuid,
    deliveries: usize,
) -> f64 {
    sqlx::query(
        "WITH event AS (
             INSERT INTO webhook_events (type, payload)
             SELECT 'consent.changed', $2::jsonb FROM generate_series(1, $1)
             RETURNING id)
         INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
         SELECT id, $3, now() - interval '1 second' FROM event",
    )
    .bind(deliveries as i32)
    .bind(BODY)
    .bind(endpoint)
    .execute(pool)
    .await
    .unwrap();
    let deliverer = delivery::Deliverer::new(pool.clone(), Arc::new(config.clone())).unwrap();
    let started = Instant::now();
    let pass = deliverer.drain(Utc::now()).await.unwrap();
    let rate = deliveries as f64 / started.elapsed().as_secs_f64();
    assert_eq!(
        pass.delivered, deliveries,
        "the outbox delivered every event"
    );
    rate
}

async fn endpoint(pool: &PgPool, url: &str) -> uuid::Uuid {
    sqlx::query_scalar(
        "INSERT INTO webhook_endpoints (url, events, secret, hint)
         VALUES ($1, ARRAY['consent.changed'], decode(repeat('07', 32), 'hex'), 'whsec_Bwc')
         RETURNING id",
    )
    .bind(url)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// The tests' configuration, with webhooks allowed to a plain-http receiver on loopback.
fn config(database_url: &str) -> Config {
    let mut env = common::test_env(database_url);
    env.insert("CANDOR_WEBHOOKS_ALLOW_HTTP", "1".into());
    env.insert("CANDOR_WEBHOOKS_ALLOW_PRIVATE", "1".into());
    Config::from_lookup(|name| env.get(name).cloned()).unwrap()
}
