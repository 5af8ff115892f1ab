//! The `candor` binary as an operator runs it, against a real per-test database.

use crate::common::{config_for, database_url_of, test_env};
use app::{
    core::links::KeyRing,
    domain::{CandidateId, ConsentEvent, ConsentStatus, Purpose},
};
use sqlx::PgPool;
use std::process::{Command, Output};

/// Runs `candor ARGS` with the test environment, plus `overrides` (None removes a variable).
pub(crate) fn candor(pool_url: &str, args: &[&str], overrides: &[(&str, Option<&str>)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_candor"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn");
    for (name, value) in test_env(pool_url) {
        cmd.env(name, value);
    }
    for (name, value) in overrides {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    cmd.output().expect("the candor binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_configuration_error_names_its_variable_and_hides_secrets(pool: PgPool) {
    let url = database_url_of(&pool);
    let cases: &[(&str, Option<&str>)] = &[
        ("CANDOR_PUBLIC_URL", Some("careers.northwind")),
        ("CANDOR_LINK_KEYS", None),
        ("CANDOR_HMAC_KEY", Some("dG9vLXNob3J0")),
        ("DATABASE_URL", Some("mysql://root@localhost/candor")),
        ("CANDOR_SMTP_URL", Some("https://mail.example.com")),
    ];
    for (variable, value) in cases {
        let output = candor(&url, &["serve"], &[(variable, *value)]);
        assert!(
            !output.status.success(),
            "{variable}: should refuse to start"
        );
        let err = stderr(&output);
        assert!(err.contains(variable), "{variable} not named in: {err}");
        if let Some(v) = value {
            assert!(
                !err.contains(v),
                "the bad value of {variable} was echoed: {err}"
            );
        }
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn seed_demo_fills_an_empty_database_once(pool: PgPool) {
    let url = database_url_of(&pool);
    let first = candor(&url, &["seed-demo"], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let printed = stdout(&first);
    for role in ["Super Admin", "Admin", "Team Member", "Limited Team Member"] {
        assert!(
            printed.contains(role),
            "{role} credentials not printed:\n{printed}"
        );
    }

    let second = candor(&url, &["seed-demo"], &[]);
    assert!(second.status.success());
    assert!(stdout(&second).contains("already has users"));
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(users, 4, "the second run added nothing");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_demo_covers_every_state_the_product_shows(pool: PgPool) {
    let config = config_for(&pool);
    candor_server::seed::seed_demo(&pool, &config)
        .await
        .unwrap()
        .expect("empty database is seeded");

    let roles: Vec<String> = sqlx::query_scalar("SELECT DISTINCT role FROM users ORDER BY role")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        roles,
        ["admin", "limited_team_member", "super_admin", "team_member"]
    );

    let countries: Vec<Option<String>> =
        sqlx::query_scalar("SELECT DISTINCT location_country FROM postings ORDER BY 1")
            .fetch_all(&pool)
            .await
            .unwrap();
    for c in [Some("DE"), Some("FR"), Some("GB"), Some("US"), None] {
        assert!(
            countries.contains(&c.map(str::to_owned)),
            "no posting in {c:?}"
        );
    }

    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT kind FROM data_requests WHERE status = 'open' ORDER BY kind",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(kinds, ["access", "erasure", "rectification"]);
    let answered: i64 =
        sqlx::query_scalar("SELECT count(*) FROM data_requests WHERE status = 'resolved'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        answered > 0,
        "the dashboard's history needs answered requests"
    );

    let (active, archived, hired): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL AND NOT hired), count(*) FILTER (WHERE hired) FROM opportunities",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        active > 0 && archived > 0 && hired > 0,
        "{active} active, {archived} archived, {hired} hired"
    );

    for (what, sql) in [
        ("answers", "SELECT count(*) FROM application_responses"),
        ("cover letters", "SELECT count(*) FROM application_comments"),
        ("notes", "SELECT count(*) FROM notes"),
        ("feedback", "SELECT count(*) FROM feedback"),
        ("scheduled touchpoints", "SELECT count(*) FROM nurture_touchpoints WHERE status = 'scheduled' AND send_at > now()"),
        ("a delayed email", "SELECT count(*) FROM email_outbox WHERE status = 'pending' AND send_after > now()"),
    ] {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
        assert!(n > 0, "no {what}");
    }

    // Every consent state of SPEC §4 appears for the retention purpose, judged by the domain rule.
    let validity: Option<i32> = sqlx::query_scalar("SELECT consent_validity_days FROM settings")
        .fetch_one(&pool)
        .await
        .unwrap();
    let validity = validity.map(|d| chrono::Duration::days(d.into()));
    let candidates: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT id FROM candidates")
        .fetch_all(&pool)
        .await
        .unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for id in candidates {
        let rows: Vec<(String, String, chrono::DateTime<chrono::Utc>)> = sqlx::query_as(
            "SELECT purpose, decision, at FROM consent_events WHERE candidate_id = $1",
        )
        .bind(id)
        .fetch_all(&pool)
        .await
        .unwrap();
        let events: Vec<ConsentEvent> = rows
            .iter()
            .map(|(p, d, at)| ConsentEvent {
                purpose: p.parse().unwrap(),
                decision: d.parse().unwrap(),
                at: *at,
            })
            .collect();
        let status = ConsentStatus::of(&events, Purpose::Retention, validity, chrono::Utc::now());
        seen.insert(
            format!("{status:?}")
                .split([' ', '{'])
                .next()
                .unwrap()
                .to_owned(),
        );
        if ConsentStatus::of(&events, Purpose::Contact, validity, chrono::Utc::now())
            .refused_since()
            .is_some()
        {
            seen.insert("ContactRevoked".into());
        }
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        [
            "ContactRevoked",
            "Expired",
            "Given",
            "NotProvidedOrRevoked",
            "NotYetAsked"
        ]
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn link_prints_a_signed_preferences_url_for_a_known_email(pool: PgPool) {
    let config = config_for(&pool);
    candor_server::seed::seed_demo(&pool, &config)
        .await
        .unwrap();
    let url = database_url_of(&pool);

    let output = candor(&url, &["link", "Anna.Schmidt@Example.com"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    let token = printed
        .trim()
        .strip_prefix("http://candor.test/preferences/")
        .unwrap_or_else(|| panic!("unexpected output {printed}"));

    let expected: uuid::Uuid = sqlx::query_scalar(
        "SELECT candidate_id FROM candidate_emails WHERE email = 'anna.schmidt@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let keys: &KeyRing = &config.link_keys;
    assert_eq!(keys.verify(token), Ok(CandidateId(expected)));

    let unknown = candor(&url, &["link", "nobody@example.com"], &[]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no active candidate"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn create_user_stores_an_argon2id_hash_and_refuses_duplicates(pool: PgPool) {
    let url = database_url_of(&pool);
    let args = [
        "create-user",
        "--email",
        "Lead@Example.com",
        "--name",
        "Lead Person",
        "--role",
        "super_admin",
    ];
    let created = candor(&url, &args, &[]);
    assert!(created.status.success(), "{}", stderr(&created));
    let printed = stdout(&created);
    let password = printed.rsplit(": ").next().unwrap().trim();
    assert_eq!(password.len(), 20);

    let (role, hash): (String, String) = sqlx::query_as("SELECT role, password_hash FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(role, "super_admin");
    assert!(hash.starts_with("$argon2id$"));
    assert!(!hash.contains(password));

    let duplicate = candor(
        &url,
        &[
            "create-user",
            "--email",
            "lead@example.com",
            "--name",
            "Other",
        ],
        &[],
    );
    assert!(!duplicate.status.success());
    assert!(stderr(&duplicate).contains("already exists"));

    let bad_role = candor(
        &url,
        &[
            "create-user",
            "--email",
            "x@example.com",
            "--name",
            "X",
            "--role",
            "boss",
        ],
        &[],
    );
    assert!(stderr(&bad_role).contains("--role"));
}

/// A plain HTTP/1.0 GET over loopback; returns the status code, or None if nothing answers.
fn http_status(addr: &str, path: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split_whitespace().nth(1)?.parse().ok()
}

/// Kills the server if the test fails before stopping it, so no process outlives the test.
struct KillOnDrop(Option<std::process::Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[sqlx::test(migrations = false)]
async fn serve_migrates_at_start_and_shuts_down_gracefully(pool: PgPool) {
    let url = database_url_of(&pool);
    let addr = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().to_string()
    };
    let child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("serve")
        .envs(test_env(&url))
        .env("LEPTOS_SITE_ADDR", &addr)
        .env("RUST_LOG", "info")
        .env("CANDOR_SLOW_CLIENT_SECONDS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("candor serve starts");
    let mut server = KillOnDrop(Some(child));
    let pid = server.0.as_ref().map(|c| c.id()).unwrap();

    let ready = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        http_status(&addr, "/readyz") == Some(200)
    });
    assert!(ready, "candor serve did not become ready on {addr}");

    // A client trickling its headers a byte at a time is cut off, and others are served meanwhile.
    {
        use std::io::{Read, Write};
        let mut slow = std::net::TcpStream::connect(&addr).unwrap();
        slow.set_read_timeout(Some(std::time::Duration::from_millis(200)))
            .unwrap();
        let started = std::time::Instant::now();
        let mut cut = false;
        for byte in b"GET /healthz HTTP/1.1\r\nHost: candor\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if slow.write_all(&[*byte]).is_err() {
                cut = true;
                break;
            }
            let mut buf = [0u8; 256];
            // Still open: the read times out. Closed: 0 bytes, a reset, or a last 408 answer.
            match slow.read(&mut buf) {
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
                _ => {
                    cut = true;
                    break;
                }
            }
            assert_eq!(http_status(&addr, "/healthz"), Some(200), "others are served");
        }
        assert!(cut, "a trickling client is cut off");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "cut after about the configured second, not left open"
        );
    }
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        applied as usize,
        candor_server::db::MIGRATOR
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .count()
    );

    let terminated = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(terminated.success());
    let output = server.0.take().unwrap().wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}:\n{logs}", output.status);
    assert!(logs.contains("Candor stopped"), "{logs}");
    assert_eq!(
        http_status(&addr, "/healthz"),
        None,
        "still listening after SIGTERM"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_sweep_command_dry_runs_then_anonymizes(pool: PgPool) {
    let world = crate::common::world::World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', gdpr_scope = 'all', retention_days = 365, anonymization_grace_days = 30")
        .await;
    let due = world.candidate("gone@example.com").await;
    world.opportunity(&due, None, 900, Some(500)).await;
    let kept = world.candidate("kept@example.com").await;
    world.opportunity(&kept, None, 100, None).await;
    let url = database_url_of(&pool);

    let dry = candor(&url, &["sweep", "--dry-run"], &[]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let out = stdout(&dry);
    assert!(out.contains("Dry run: examined 2 candidates."), "{out}");
    assert!(out.contains("the retention period has passed"), "{out}");
    assert!(out.contains("Due for anonymization: 1"), "{out}");
    assert!(out.contains(&due.id.to_string()), "{out}");
    assert!(!out.contains(&kept.id.to_string()), "{out}");
    assert!(!out.contains("gone@example.com") && !out.contains("Gone Marker"));

    let run = candor(&url, &["sweep"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = stdout(&run);
    assert!(out.contains("Anonymized: 1"), "{out}");
    assert!(
        !out.contains(&due.id.to_string()),
        "a real run lists no ids: {out}"
    );
    let anonymized: Vec<bool> = sqlx::query_scalar(
        "SELECT anonymized_at IS NOT NULL FROM candidates WHERE id = ANY($1) ORDER BY name",
    )
    .bind(vec![due.id.into_uuid(), kept.id.into_uuid()])
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(anonymized.len(), 2);
    assert_eq!(anonymized.iter().filter(|a| **a).count(), 1);
    let again = stdout(&candor(&url, &["sweep"], &[]));
    assert!(again.contains("Anonymized: 0"), "{again}");
}
