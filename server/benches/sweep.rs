//! The retention sweep's dry run against one equivalent SQL scan over the same tables, in the same
//! run (issue 8). Run by `scripts/bench.sh sweep`, which generates the data first
//! (`scripts/generate-candidates.sql`); directly:
//!   DATABASE_URL=postgres://…/candor_bench_sweep cargo bench -p server --bench sweep [-- rounds]
//!
//! Both sides read `candidate_retention_facts`, the view the sweep decides from. The SQL scan
//! consumes every column inside Postgres and returns one row — what reading the facts costs with
//! no decision made and nothing shipped. The dry run streams every row to Candor, decides each
//! candidate with the domain rule and records its summary. Rounds alternate; medians are reported
//! with a final `RESULT` line for the script.

use app::sweep::service::{self as sweep, Trigger};
use chrono::Utc;
use sqlx::PgPool;
use std::time::{Duration, Instant};

/// Forces Postgres to build every column the sweep reads (unused view columns would be pruned).
const SQL_SCAN: &str = "SELECT count(*), sum(cardinality(posting_countries)),
        sum(cardinality(archived)), sum(cardinality(hired)), sum(cardinality(purposes)),
        sum(cardinality(decisions)), sum(cardinality(ats)), count(notice_sent_at),
        count(*) FILTER (WHERE on_hold), count(location_country), count(gdpr_country_override),
        max(created_at)
   FROM candidate_retention_facts";

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(run(rounds));
}

async fn run(rounds: usize) {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL names the generated database");
    let pool = PgPool::connect(&url).await.expect("the bench database");
    let candidates: i64 = sqlx::query_scalar("SELECT count(*) FROM candidates")
        .fetch_one(&pool)
        .await
        .unwrap();
    let opportunities: i64 = sqlx::query_scalar("SELECT count(*) FROM opportunities")
        .fetch_one(&pool)
        .await
        .unwrap();
    println!("{candidates} candidates, {opportunities} opportunities, {rounds} rounds");

    // One of each first, to warm the caches for both sides alike.
    sql_scan(&pool).await;
    sweep::dry_run(&pool, Trigger::Command, Utc::now())
        .await
        .unwrap();

    let (mut sql, mut dry) = (Vec::new(), Vec::new());
    let mut tally = None;
    for round in 1..=rounds {
        let took = sql_scan(&pool).await;
        println!("round {round}: SQL scan {:.2} s", took.as_secs_f64());
        sql.push(took);
        let start = Instant::now();
        let report = sweep::dry_run(&pool, Trigger::Command, Utc::now())
            .await
            .unwrap();
        let took = start.elapsed();
        println!("round {round}: dry run  {:.2} s", took.as_secs_f64());
        dry.push(took);
        tally = Some(report.tally);
    }
    let tally = tally.expect("at least one round");
    let (sql, dry) = (median(sql), median(dry));
    println!(
        "RESULT candidates={candidates} opportunities={opportunities} sql={:.2} dry={:.2} ratio={:.2} examined={} marked={} due={} held={} waiting={}",
        sql.as_secs_f64(),
        dry.as_secs_f64(),
        dry.as_secs_f64() / sql.as_secs_f64(),
        tally.examined,
        tally.marked.values().sum::<u64>(),
        tally.due,
        tally.held,
        tally.waiting,
    );
}

async fn sql_scan(pool: &PgPool) -> Duration {
    let start = Instant::now();
    sqlx::query(SQL_SCAN).fetch_one(pool).await.unwrap();
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}
