//! Candor's own parts failing under it: the database going away under load and coming back.

use crate::common::{cluster::Cluster, config_for_url, test_env, world::World};
use app::preferences::model::Notice;
use sqlx::PgPool;
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One HTTP/1.0 exchange over loopback: status and body, or None when nothing answered.
fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    body: &str,
    accept: &str,
) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: {addr}\r\nAccept: {accept}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_owned());
    Some((status, body))
}

fn status_of(addr: &str, path: &str) -> Option<u16> {
    exchange(addr, "GET", path, "", "text/html").map(|(status, _)| status)
}

/// `candor serve`, killed if the test ends before it does.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(database_url: &str) -> Self {
        let addr = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap().to_string()
        };
        let child = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("serve")
            .envs(test_env(database_url))
            .env("LEPTOS_SITE_ADDR", &addr)
            .env("RUST_LOG", "error")
            // The load below comes from one address; the flood limit is not what is tested here.
            .env("CANDOR_POST_LIMIT_PER_MINUTE", "100000")
            .env("CANDOR_OUTBOX_WORKER", "off")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("candor serve starts");
        let server = Self { child, addr };
        let ready = (0..200).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            status_of(&server.addr, "/readyz") == Some(200)
        });
        assert!(ready, "candor serve did not become ready");
        server
    }

    fn still_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one candidate's client saw: every answer, and the decisions acknowledged with 2xx.
#[derive(Default)]
struct Seen {
    statuses: Vec<u16>,
    acknowledged: Vec<bool>,
}

/// A candidate clicking give / revoke on their page, over and over, until told to stop.
fn keep_deciding(addr: String, token: String, stop: Arc<AtomicBool>, seen: Arc<Mutex<Seen>>) {
    let mut allow = true;
    while !stop.load(Ordering::Relaxed) {
        let body = format!(
            "token={token}&purpose=retention&allow={}",
            if allow { "yes" } else { "no" }
        );
        let answer = exchange(
            &addr,
            "POST",
            "/api/preferences/consent",
            &body,
            "application/json",
        );
        let mut seen = seen.lock().unwrap();
        match answer {
            Some((status, body)) => {
                seen.statuses.push(status);
                if (200..300).contains(&status) {
                    let notice: Notice = serde_json::from_str(&body)
                        .unwrap_or_else(|e| panic!("a notice, not {body:?}: {e}"));
                    if let Notice::Changed { allowed, .. } = notice {
                        assert_eq!(allowed, allow);
                        seen.acknowledged.push(allowed);
                    }
                    allow = !allow;
                }
            }
            // Recorded as 0: a dropped connection is a failure the assertions below catch.
            None => seen.statuses.push(0),
        }
    }
}

async fn eventually_within(what: &str, limit: Duration, check: impl Fn() -> bool) -> Duration {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < limit, "not within {limit:?}: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_restart_under_load_loses_nothing_acknowledged_and_needs_no_restart() {
    let cluster = Cluster::start();
    let mut server = Server::start(&cluster.url());
    let world = World::with_config(
        PgPool::connect(&cluster.url()).await.unwrap(),
        config_for_url(&cluster.url()),
    );
    world.settings("retention_basis = 'explicit_consent'").await;
    let mut candidates = Vec::new();
    for n in 0..6 {
        candidates.push(world.candidate(&format!("load{n}@example.com")).await);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = candidates
        .iter()
        .map(|candidate| {
            let seen = Arc::new(Mutex::new(Seen::default()));
            let thread = std::thread::spawn({
                let (addr, token, stop, seen) = (
                    server.addr.clone(),
                    world.link(candidate),
                    stop.clone(),
                    seen.clone(),
                );
                move || keep_deciding(addr, token, stop, seen)
            });
            (candidate, seen, thread)
        })
        .collect();
    let acknowledged_so_far = || -> usize {
        clients
            .iter()
            .map(|(_, seen, _)| seen.lock().unwrap().acknowledged.len())
            .sum()
    };
    eventually_within(
        "decisions recorded under load",
        Duration::from_secs(30),
        || acknowledged_so_far() >= 30,
    )
    .await;

    // The database goes away mid-flight.
    cluster.down();
    let addr = server.addr.clone();
    eventually_within(
        "readiness reports the outage",
        Duration::from_secs(10),
        || status_of(&addr, "/readyz") == Some(503),
    )
    .await;
    let page = exchange(
        &addr,
        "GET",
        &format!("/preferences/{}", world.link(&candidates[0])),
        "",
        "text/html",
    )
    .expect("the page answers while the database is down");
    assert_eq!(page.0, 503, "{}", page.1);
    assert!(
        page.1.contains("Please try again in a few minutes"),
        "a friendly page: {}",
        page.1
    );
    assert_eq!(
        status_of(&addr, "/healthz"),
        Some(200),
        "the process stays alive"
    );
    let before_return = acknowledged_so_far();
    tokio::time::sleep(Duration::from_secs(2)).await;

    // It comes back; Candor serves again by itself.
    cluster.up();
    let recovered = eventually_within("serving again", Duration::from_secs(20), || {
        status_of(&addr, "/readyz") == Some(200)
    })
    .await;
    eventually_within("decisions recorded again", Duration::from_secs(20), || {
        acknowledged_so_far() >= before_return + 12
    })
    .await;
    let page = status_of(
        &addr,
        &format!("/preferences/{}", world.link(&candidates[0])),
    );
    assert_eq!(page, Some(200));
    assert!(server.still_running(), "served without a restart");
    stop.store(true, Ordering::Relaxed);

    for (candidate, seen, thread) in clients {
        thread.join().expect("a client thread ends cleanly");
        let seen = std::mem::take(&mut *seen.lock().unwrap());
        let unexpected: Vec<_> = seen
            .statuses
            .iter()
            .filter(|s| !(200..300).contains(*s) && **s != 503)
            .collect();
        assert!(
            unexpected.is_empty(),
            "every answer is a success or a friendly 503: {unexpected:?}"
        );
        assert!(seen.statuses.contains(&503), "this client saw the outage");
        // Every acknowledged decision is an event in the database (an answer lost mid-outage may
        // have committed too, so the database may hold more, never fewer).
        let events = world.consent_events(candidate).await;
        for (allowed, word) in [(true, "given"), (false, "revoked")] {
            let acknowledged = seen.acknowledged.iter().filter(|a| **a == allowed).count();
            let stored = events.iter().filter(|e| e.1 == word).count();
            assert!(
                stored >= acknowledged,
                "{word}: {acknowledged} acknowledged, {stored} stored"
            );
        }
    }
    println!("serving again {recovered:?} after the database returned");
    world.pool.close().await;
    drop(server);
}

/// Text Postgres can't hold that no check caught (a NUL) is the caller's mistake, answered as a
/// form not understood, never as an outage.
#[sqlx::test(migrations = "../migrations")]
async fn text_the_database_cannot_hold_is_a_bad_form_not_an_outage(pool: PgPool) {
    let refused = sqlx::query("SELECT $1::text")
        .bind("nul\u{0}")
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(
        app::error::AppError::from(refused),
        app::error::AppError::BadForm
    );
    let outage = sqlx::query("SELECT * FROM no_such_table")
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(
        app::error::AppError::from(outage),
        app::error::AppError::Unavailable
    );
}
