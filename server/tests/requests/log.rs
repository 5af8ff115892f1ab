//! A request received by email, phone, letter or in person, logged from the profile (SPEC §10):
//! its clock runs from the day received, and it is treated like any other.

use crate::common::{world::World, TestApp};
use app::domain::{requests::LoggedRequestForm, Role};
use app::profile::requests::LogRequest;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

fn log(candidate: Uuid, key: Uuid, kind: &str, days_ago: i64, channel: &str) -> LogRequest {
    LogRequest {
        candidate: candidate.to_string(),
        key: key.to_string(),
        request: LoggedRequestForm {
            kind: kind.into(),
            received_on: (Utc::now() - Duration::days(days_ago))
                .date_naive()
                .format("%Y-%m-%d")
                .to_string(),
            channel: channel.into(),
            note: "Asked on the phone to be forgotten".into(),
        },
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_request_received_by_phone_is_logged_with_its_clock_from_that_day(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let olga = world.member("Olga", Role::TeamMember, PASSWORD).await;
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    sqlx::query("UPDATE candidates SET created_at = now() - interval '30 days'")
        .execute(&world.pool)
        .await
        .unwrap();
    world.opportunity(&ada, Some(&olga), 30, None).await;
    world.schedule_outreach(&ada).await;
    let browser = app.session(&riley.email, PASSWORD).await;
    let id = ada.id.into_uuid();
    let profile = format!("/candidates/{id}");
    assert!(browser
        .get(&profile)
        .await
        .body
        .contains("Log a request received another way"));

    // Without JavaScript: back to the profile, with the request's banner.
    let key = Uuid::new_v4();
    let logged = browser.submit(log(id, key, "erasure", 3, "phone")).await;
    assert_eq!(logged.status, StatusCode::FOUND);
    assert_eq!(
        logged.header("location"),
        format!("{profile}?notice=request-logged#notice")
    );
    let (channel, logged_by, received_at, due_at, details): (
        String,
        Option<Uuid>,
        chrono::DateTime<Utc>,
        chrono::DateTime<Utc>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT channel, logged_by, received_at, due_at, details FROM data_requests",
    )
    .fetch_one(&world.pool)
    .await
    .unwrap();
    let three_days_ago = (Utc::now() - Duration::days(3)).date_naive();
    assert_eq!(
        (channel.as_str(), logged_by),
        ("phone", Some(riley.id.into_uuid()))
    );
    assert_eq!(
        received_at,
        three_days_ago.and_time(chrono::NaiveTime::MIN).and_utc()
    );
    assert_eq!(
        due_at,
        app::domain::due_date(received_at),
        "the clock runs from the day received"
    );
    assert_eq!(
        details.as_deref(),
        Some("Asked on the phone to be forgotten")
    );
    let page = browser.get(&profile).await.body;
    assert!(page.contains("banner request"), "the banner shows it");

    // Treated like any other: the owner told, the candidate confirmed, contact stopped with the
    // team's note, outreach cancelled, the audit naming who logged it and how.
    assert_eq!(world.notifications(&olga).await.len(), 1);
    assert!(world
        .outbox()
        .await
        .iter()
        .any(|e| e.kind == "owner_alert" && e.recipient == olga.email));
    assert!(world
        .inbox("ada@example.com")
        .await
        .iter()
        .any(|e| e.kind == "candidate_confirmation"));
    let (source, recorded_by, note): (String, Option<Uuid>, Option<String>) = sqlx::query_as(
        "SELECT source, recorded_by, note FROM consent_events WHERE purpose = 'contact'",
    )
    .fetch_one(&world.pool)
    .await
    .unwrap();
    assert_eq!(
        (source.as_str(), recorded_by),
        ("recruiter_manual", Some(riley.id.into_uuid()))
    );
    assert_eq!(
        note.as_deref(),
        Some("Request for removal of their data received by phone, logged by the team")
    );
    assert!(world
        .touchpoints(&ada)
        .await
        .iter()
        .all(|s| s == "cancelled"));
    let (actor, details): (Option<Uuid>, serde_json::Value) = sqlx::query_as(
        "SELECT actor_user_id, details FROM audit_log WHERE action = 'data_request.received'",
    )
    .fetch_one(&world.pool)
    .await
    .unwrap();
    assert_eq!(actor, Some(riley.id.into_uuid()));
    assert_eq!(
        details,
        serde_json::json!({ "kind": "erasure", "channel": "phone" })
    );

    // The same form twice is one request; another while it is open logs nothing.
    assert_eq!(
        browser
            .invoke(log(id, key, "erasure", 3, "phone"))
            .await
            .status,
        StatusCode::OK
    );
    let again = browser
        .submit(log(id, Uuid::new_v4(), "erasure", 1, "letter"))
        .await;
    assert!(again
        .header("location")
        .ends_with("notice=request-already-open#notice"));
    assert_eq!(world.requests(&ada).await.len(), 1);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_logged_request_needs_a_believable_day_and_a_candidate_in_reach(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    let lee = world.member("Lee", Role::LimitedTeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    let id = ada.id.into_uuid();
    let browser = app.session(&riley.email, PASSWORD).await;

    for (form, code) in [
        (
            log(id, Uuid::new_v4(), "access", -1, "email"),
            "invalid.received_on.invalid",
        ),
        (
            log(id, Uuid::new_v4(), "access", 2, "email"),
            "invalid.received_on.invalid",
        ),
        (
            log(id, Uuid::new_v4(), "objection", 0, "email"),
            "invalid.kind.invalid",
        ),
        (
            log(id, Uuid::new_v4(), "access", 0, "preferences_page"),
            "invalid.channel.invalid",
        ),
    ] {
        let refused = browser.submit(form).await;
        assert!(
            refused
                .header("location")
                .ends_with(&format!("notice={code}#notice")),
            "{code}: {}",
            refused.header("location")
        );
    }
    let shown = browser
        .get(&format!(
            "/candidates/{id}?notice=invalid.received_on.invalid"
        ))
        .await
        .body;
    assert!(shown.contains("not before the candidate was on file"));
    assert!(world.requests(&ada).await.is_empty(), "nothing logged");

    // Out of reach answers as unknown; without a session, sign in; anonymized, nothing.
    let limited = app.session(&lee.email, PASSWORD).await;
    assert_eq!(
        limited
            .invoke(log(id, Uuid::new_v4(), "access", 0, "email"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.invoke(log(id, Uuid::new_v4(), "access", 0, "email"), &[])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    world.anonymize(&ada).await;
    assert_eq!(
        browser
            .invoke(log(id, Uuid::new_v4(), "access", 0, "email"))
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert!(world.requests(&ada).await.is_empty());
}
