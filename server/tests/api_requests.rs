//! The ATS follows and answers the data requests Candor receives (SPEC §11): it reads one, logs
//! one the candidate made by email or phone, and resolves, extends or refuses one, with the same
//! rules, permissions, emails and audit as the profile's banners.

use crate::api::json;
use crate::api_records::{scene, Ats, PASSWORD};
use crate::common::world::kinds;
use app::domain::Role;
use app::preferences::service::NewRequest;
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::PgPool;
use uuid::Uuid;

impl Ats<'_> {
    async fn log(&self, candidate: impl std::fmt::Display, request: &Value) -> (StatusCode, Value) {
        let answer = self
            .post(
                &format!("/api/v1/candidates/{candidate}/requests"),
                request,
                &[],
            )
            .await;
        (answer.status, json(&answer))
    }

    async fn decide(&self, request: &str, decision: &str, body: &Value) -> (StatusCode, Value) {
        self.decide_as(request, decision, body, &[]).await
    }

    async fn decide_as(
        &self,
        request: &str,
        decision: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let answer = self
            .post(
                &format!("/api/v1/requests/{request}/{decision}"),
                body,
                headers,
            )
            .await;
        (answer.status, json(&answer))
    }

    async fn request(&self, id: &str) -> Value {
        let read = self.get(&format!("/api/v1/requests/{id}")).await;
        assert_eq!(read.status, StatusCode::OK, "{}", read.body);
        json(&read)
    }
}

/// A candidate on file for the last 40 days (a request can't predate them).
async fn on_file(pool: &PgPool, candidate: &crate::common::world::Candidate) {
    sqlx::query("UPDATE candidates SET created_at = now() - interval '40 days' WHERE id = $1")
        .bind(candidate.id.into_uuid())
        .execute(pool)
        .await
        .unwrap();
}

fn days_ago(days: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(days))
        .date_naive()
        .to_string()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_request_received_by_email_is_logged_with_its_clock_from_that_day(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let ada = scene.world.candidate("ada@example.com").await;
    on_file(&pool, &ada).await;
    scene
        .world
        .opportunity(&ada, Some(&scene.sasha), 40, None)
        .await;

    let (status, logged) = ats
        .log(
            ada.id,
            &json!({ "kind": "erasure", "received_on": days_ago(3), "channel": "email",
                     "note": "Asked in a reply to our newsletter" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{logged}");
    assert_eq!(logged["kind"], "erasure");
    assert_eq!(logged["state"], "open");
    assert_eq!(logged["channel"], "email");
    let received: chrono::DateTime<chrono::Utc> =
        logged["received_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(received.date_naive().to_string(), days_ago(3));
    let due: chrono::DateTime<chrono::Utc> = logged["due_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        due,
        app::domain::due_date(received),
        "the clock runs from the day received"
    );
    // As when logged on the profile: the candidate is told, the owner alerted, the key audited.
    assert!(kinds(&scene.world.inbox("ada@example.com").await).contains(&"candidate_confirmation"));
    assert!(!scene.world.notifications(&scene.sasha).await.is_empty());
    let (actor, key): (String, Option<Uuid>) = sqlx::query_as(
        "SELECT actor_kind, actor_api_key_id FROM audit_log WHERE action = 'data_request.received'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(actor, "api_key");
    assert!(key.is_some());
    // Nothing the candidate or the team wrote comes back through the API.
    assert!(!logged.to_string().contains("newsletter"));

    // A second erasure while this one is open is that one, and records nothing more.
    let (again, same) = ats
        .log(
            ada.id,
            &json!({ "kind": "erasure", "received_on": days_ago(0), "channel": "phone" }),
        )
        .await;
    assert_eq!(again, StatusCode::OK);
    assert_eq!(same["id"], logged["id"]);
    assert_eq!(scene.world.requests(&ada).await.len(), 1);
    assert_eq!(ats.request(logged["id"].as_str().unwrap()).await, logged);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_logged_request_names_its_bad_field_and_keeps_nothing(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let reader = scene.ats(true, false, false).await;
    let ada = scene.world.candidate("ada@example.com").await;
    on_file(&pool, &ada).await;
    let good = json!({ "kind": "access", "received_on": days_ago(1), "channel": "letter" });

    for (field, value, path) in [
        ("kind", json!("complaint"), "/kind"),
        ("kind", json!(""), "/kind"),
        ("received_on", json!("tomorrow"), "/received_on"),
        ("received_on", json!(days_ago(-2)), "/received_on"),
        ("received_on", json!(days_ago(41)), "/received_on"),
        ("channel", json!("pigeon"), "/channel"),
    ] {
        let mut bad = good.clone();
        bad[field] = value;
        let (status, problem) = ats.log(ada.id, &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {problem}");
        assert_eq!(problem["field"], path, "{bad}");
    }
    let (status, problem) = ats.log(ada.id, &json!({ "kind": 7 })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(reader.log(ada.id, &good).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        ats.log(Uuid::new_v4(), &good).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(scene.world.requests(&ada).await.is_empty());
    assert!(scene.world.outbox().await.is_empty());

    let (status, _) = ats.log(ada.id, &good).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        reader.get("/api/v1/requests/not-a-uuid").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        reader
            .get(&format!("/api/v1/requests/{}", Uuid::new_v4()))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_ats_answers_requests_with_the_profiles_rules(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let world = &scene.world;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&scene.sasha), 40, None).await;
    world.request_received(&ada, NewRequest::Access, 2).await;
    world.request_received(&ada, NewRequest::Erasure, 2).await;
    let id_of = |kind: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>("SELECT id FROM data_requests WHERE kind = $1")
                .bind(kind)
                .fetch_one(&pool)
                .await
                .unwrap()
                .to_string()
        }
    };
    let access = id_of("access").await;
    let erasure = id_of("erasure").await;

    // Extending: once, by one or two months, with a reason the candidate reads.
    let (status, problem) = ats
        .decide(
            &access,
            "extend",
            &json!({ "months": 3, "reason": "Records in three systems" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "/months");
    let (status, problem) = ats
        .decide(&access, "extend", &json!({ "months": 2, "reason": "  " }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "/reason");
    let before = ats.request(&access).await;
    let (status, extended) = ats
        .decide(
            &access,
            "extend",
            &json!({ "months": 2, "reason": "Records in three systems" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{extended}");
    assert_eq!(extended["extended"], true);
    assert!(extended["due_at"].as_str() > before["due_at"].as_str());
    let notice = world
        .inbox("ada@example.com")
        .await
        .into_iter()
        .find(|e| e.kind == "extension_notice")
        .expect("the candidate is told of the extension");
    assert!(notice.body_text.contains("Records in three systems"));
    let (status, problem) = ats
        .decide(&access, "extend", &json!({ "months": 1, "reason": "More" }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["type"], "urn:candor:problem:already-extended");

    // Resolving: the team sent the copy from the ATS. Once.
    let (status, resolved) = ats.decide(&access, "resolve", &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{resolved}");
    assert_eq!(resolved["state"], "resolved");
    assert!(resolved["resolved_at"].is_string());
    let (status, problem) = ats.decide(&access, "resolve", &json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["type"], "urn:candor:problem:request-closed");

    // An erasure is resolved by anonymizing, not by marking it.
    let (status, problem) = ats.decide(&erasure, "resolve", &json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["type"], "urn:candor:problem:anonymize-to-resolve");

    // Refusing an erasure needs the colleague's Anonymize Candidates permission.
    let tom = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let (status, _) = ats
        .decide_as(
            &erasure,
            "refuse",
            &json!({ "reason": "Kept for a pending legal claim" }),
            &[("on-behalf-of", &tom.email)],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for reason in [json!({}), json!({ "reason": "\u{0}\u{b}" })] {
        // No reason, or one that is not text (a NUL can't even be stored).
        let (status, problem) = ats.decide(&erasure, "refuse", &reason).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reason}");
        assert_eq!(problem["field"], "/reason");
    }
    let (status, refused) = ats
        .decide(
            &erasure,
            "refuse",
            &json!({ "reason": "Kept for a pending legal claim" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{refused}");
    assert_eq!(refused["state"], "refused");
    assert!(kinds(&world.inbox("ada@example.com").await).contains(&"refusal_notice"));
    let refusal: Option<Uuid> = sqlx::query_scalar(
        "SELECT actor_api_key_id FROM audit_log WHERE action = 'data_request.refused'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(refusal.is_some(), "audited with the key");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_limited_colleague_answers_only_their_own_candidates_requests(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let world = &scene.world;
    let lee = world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let ada = world.candidate("ada@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    world.opportunity(&ada, Some(&lee), 10, None).await;
    world.opportunity(&ben, Some(&scene.sasha), 10, None).await;
    world.request_received(&ada, NewRequest::Access, 1).await;
    world.request_received(&ben, NewRequest::Access, 1).await;
    let request_of = |candidate: Uuid| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>("SELECT id FROM data_requests WHERE candidate_id = $1")
                .bind(candidate)
                .fetch_one(&pool)
                .await
                .unwrap()
                .to_string()
        }
    };
    let as_lee = [("on-behalf-of", lee.email.as_str())];
    let (status, _) = ats
        .decide_as(
            &request_of(ben.id.into_uuid()).await,
            "resolve",
            &json!({}),
            &as_lee,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another's candidate is not there for Lee"
    );
    let (status, resolved) = ats
        .decide_as(
            &request_of(ada.id.into_uuid()).await,
            "resolve",
            &json!({}),
            &as_lee,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{resolved}");
    let by: Option<Uuid> =
        sqlx::query_scalar("SELECT resolved_by FROM data_requests WHERE candidate_id = $1")
            .bind(ada.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(by, Some(lee.id.into_uuid()));
}
