//! The integration API at an organization's scale (issue 23), each side against its floor in the
//! same run. Run by `scripts/bench.sh api`, which prepares the database and the key first;
//! directly: DATABASE_URL=… CANDOR_BENCH_KEY=… cargo bench -p server --bench api [-- N lookups]
//!
//! 1. Pushing: N candidates with one opportunity each through `POST /api/v1/candidates/batch`
//!    (1,000 a call, two calls at a time, as a sync job would send them), against a `COPY` of
//!    the same rows (candidates, their emails, their opportunities) into the same tables.
//! 2. Asking: `GET /api/v1/contact-status` for addresses known and unknown among a million,
//!    against the bare indexed query that finds an address's records, one after the other.
//!
//! Calls go through the whole router (key, rate limit, idempotency layer, handler, core) in
//! process: what the socket adds is the same for any server and not Candor's to measure.

use app::core::{config::Config, state::AppState};
use axum::body::Body;
use axum::http::Request;
use futures::StreamExt;
use leptos::config::LeptosOptions;
use serde_json::json;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;
use uuid::Uuid;

const BATCH: usize = 1000;
const CALLS_AT_ONCE: usize = 2;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
    let candidates: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let lookups: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run(candidates, lookups));
}

async fn run(candidates: usize, lookups: usize) {
    let config = Config::from_env().expect("the bench's configuration");
    // The pool `candor serve` makes, with its size.
    let pool = candor_server::db::connect(&config.database_url)
        .await
        .expect("the bench database");
    let key = std::env::var("CANDOR_BENCH_KEY").expect("CANDOR_BENCH_KEY: a write key");
    let options = LeptosOptions::builder()
        .output_name("candor")
        .site_root("target/site")
        .build();
    let router =
        candor_server::http::router(AppState::new(options, pool.clone(), Arc::new(config)));
    sqlx::query("INSERT INTO postings (title, external_id) VALUES ('Bench role', 'bench-job') ON CONFLICT DO NOTHING")
        .execute(&pool)
        .await
        .unwrap();
    let known: i64 = sqlx::query_scalar("SELECT count(*) FROM candidates")
        .fetch_one(&pool)
        .await
        .unwrap();
    println!("{known} candidates on file; pushing {candidates}, then {lookups} lookups");

    // Ids of this run only, so that a run can follow another on the same database.
    let run = &Uuid::new_v4().simple().to_string()[..8];
    let copy = copy_rows(&pool, run, candidates).await;
    println!("COPY: {candidates} in {:.2} s", copy.as_secs_f64());
    let api = push_batches(&router, &key, run, candidates).await;
    println!("API:  {candidates} in {:.2} s", api.as_secs_f64());
    let pushed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM candidates WHERE external_id LIKE $1")
            .bind(format!("{run}-api-%"))
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        pushed as usize, candidates,
        "every pushed candidate was written"
    );
    let copy_rate = candidates as f64 / copy.as_secs_f64();
    let api_rate = candidates as f64 / api.as_secs_f64();

    let (status, floor) = lookups_against_floor(&router, &pool, &key, lookups).await;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM candidates")
        .fetch_one(&pool)
        .await
        .unwrap();
    println!(
        "RESULT candidates={candidates} copy_rate={copy_rate:.0} api_rate={api_rate:.0} push_ratio={:.3} \
         on_file={total} lookups={lookups} status_p50={:.2} status_p99={:.2} floor_p50={:.2} floor_p99={:.2} lookup_ratio={:.2}",
        api_rate / copy_rate,
        millis(percentile(&status, 50)),
        millis(percentile(&status, 99)),
        millis(percentile(&floor, 50)),
        millis(percentile(&floor, 99)),
        millis(percentile(&status, 99)) / millis(percentile(&floor, 99)),
    );
}

/// The rows a push of candidate `n` writes, as COPY text: the candidate, their address, their
/// opportunity on the bench posting.
async fn copy_rows(pool: &PgPool, run: &str, candidates: usize) -> Duration {
    let posting: Uuid =
        sqlx::query_scalar("SELECT id FROM postings WHERE external_id = 'bench-job'")
            .fetch_one(pool)
            .await
            .unwrap();
    let (mut people, mut emails, mut opportunities) = (String::new(), String::new(), String::new());
    for n in 0..candidates {
        let id = Uuid::new_v4();
        people.push_str(&format!(
            "{id}\tCopied Candidate {n}\t{run}-copy-{n}\tLondon\tGB\ten-GB\n"
        ));
        emails.push_str(&format!("{id}\tcopied{n}.{run}@bench.example\ttrue\n"));
        opportunities.push_str(&format!(
            "{id}\t{posting}\tscreen\timported\t{run}-copy-app-{n}\n"
        ));
    }
    let start = Instant::now();
    let mut tx = pool.begin().await.unwrap();
    for (statement, rows) in [
        ("COPY candidates (id, name, external_id, location_text, location_country, locale) FROM STDIN", &people),
        ("COPY candidate_emails (candidate_id, email, is_primary) FROM STDIN", &emails),
        ("COPY opportunities (candidate_id, posting_id, stage, origin, external_id) FROM STDIN", &opportunities),
    ] {
        let mut copy = tx.copy_in_raw(statement).await.unwrap();
        copy.send(rows.as_bytes()).await.unwrap();
        copy.finish().await.unwrap();
    }
    tx.commit().await.unwrap();
    start.elapsed()
}

async fn push_batches(router: &axum::Router, key: &str, run: &str, candidates: usize) -> Duration {
    let bodies: Vec<String> = (0..candidates)
        .collect::<Vec<_>>()
        .chunks(BATCH)
        .map(|chunk| {
            let items: Vec<_> = chunk
                .iter()
                .map(|n| {
                    json!({
                        "external_id": format!("{run}-api-{n}"),
                        "name": format!("Pushed Candidate {n}"),
                        "emails": [format!("pushed{n}.{run}@bench.example")],
                        "location": "London", "country": "GB", "locale": "en-GB",
                        "opportunities": [{ "external_id": format!("{run}-api-app-{n}"),
                                            "posting_external_id": "bench-job", "stage": "screen" }]
                    })
                })
                .collect();
            json!({ "candidates": items }).to_string()
        })
        .collect();
    let start = Instant::now();
    futures::stream::iter(bodies)
        .map(|body| {
            let request = Request::post("/api/v1/candidates/batch")
                .header("authorization", format!("Bearer {key}"))
                .header("content-type", "application/json")
                .body(Body::from(body))
                .unwrap();
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await.unwrap();
                assert!(response.status().is_success(), "{}", response.status());
                let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap();
                let answer: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                let failed = answer["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["status"] == "failed")
                    .count();
                assert_eq!(failed, 0, "{answer}");
            }
        })
        .buffer_unordered(CALLS_AT_ONCE)
        .collect::<Vec<_>>()
        .await;
    start.elapsed()
}

/// Each lookup twice, API then floor, for addresses drawn evenly from those on file and from
/// ones never seen (half each).
async fn lookups_against_floor(
    router: &axum::Router,
    pool: &PgPool,
    key: &str,
    lookups: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    let on_file: Vec<String> =
        sqlx::query_scalar("SELECT email FROM candidate_emails TABLESAMPLE SYSTEM (1) LIMIT $1")
            .bind((lookups / 2) as i64)
            .fetch_all(pool)
            .await
            .unwrap();
    let mut addresses: Vec<String> = on_file;
    addresses.extend((0..lookups / 2).map(|n| format!("never{n}@elsewhere.example")));
    // A round of each first, to warm the caches for both sides alike.
    for address in addresses.iter().take(50) {
        contact_status(router, key, address).await;
        floor(pool, address).await;
    }
    let (mut status, mut bare) = (Vec::new(), Vec::new());
    for address in &addresses {
        status.push(contact_status(router, key, address).await);
        bare.push(floor(pool, address).await);
    }
    (status, bare)
}

async fn contact_status(router: &axum::Router, key: &str, address: &str) -> Duration {
    let path = format!(
        "/api/v1/contact-status?email={}",
        url::form_urlencoded::byte_serialize(address.as_bytes()).collect::<String>()
    );
    let request = Request::get(path)
        .header("authorization", format!("Bearer {key}"))
        .body(Body::empty())
        .unwrap();
    let start = Instant::now();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let took = start.elapsed();
    assert!(status.is_success(), "{status}");
    took
}

/// What any answer needs at least: the records with the address, by the index.
async fn floor(pool: &PgPool, address: &str) -> Duration {
    let start = Instant::now();
    let _: Vec<Uuid> =
        sqlx::query_scalar("SELECT candidate_id FROM candidate_emails WHERE lower(email) = $1")
            .bind(address)
            .fetch_all(pool)
            .await
            .unwrap();
    start.elapsed()
}

fn percentile(times: &[Duration], p: usize) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[((sorted.len() * p) / 100).min(sorted.len() - 1)]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
