//! The ATS pushes its postings (SPEC §11), upserted by its own id through the posting form's
//! own service: the same checks, permission and audit, and the same stable pages to read back.

use crate::api::json;
use crate::api_records::{scene, PASSWORD};
use app::domain::Role;
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::PgPool;

fn backend_job() -> Value {
    json!({
        "external_id": "job-9",
        "title": "Backend engineer",
        "description": "Rust, Postgres, and people who care.",
        "country": "de",
        "owner_email": "sasha.super@team.example",
        "questions": ["Why do you want to join us?", "When could you start?"]
    })
}

#[sqlx::test(migrations = "../migrations")]
async fn a_pushed_posting_is_created_then_updated_by_its_external_id(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;

    let created = ats.post("/api/v1/postings", &backend_job(), &[]).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let posting = json(&created);
    assert_eq!(posting["external_id"], "job-9");
    assert_eq!(posting["country"], "DE");
    assert_eq!(posting["state"], "published");
    assert_eq!(posting["owner_email"], "sasha.super@team.example");
    assert_eq!(posting["questions"].as_array().unwrap().len(), 2);

    // Pushed again: the same posting, its text replaced, closed; the owner kept when left out.
    let mut edited = backend_job();
    edited["title"] = json!("Senior backend engineer");
    edited["state"] = json!("closed");
    edited.as_object_mut().unwrap().remove("owner_email");
    let updated = ats.post("/api/v1/postings", &edited, &[]).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let after = json(&updated);
    assert_eq!(after["id"], posting["id"]);
    assert_eq!(after["title"], "Senior backend engineer");
    assert_eq!(after["state"], "closed");
    assert_eq!(after["owner_email"], "sasha.super@team.example");

    // Listed as the posting form would show it, and a closed posting takes no applications.
    let page = json(&ats.get("/api/v1/postings?limit=1000").await);
    let listed: Vec<&Value> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["external_id"] == "job-9")
        .collect();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["state"], "closed");
    let open: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM postings WHERE external_id = 'job-9' AND state = 'published'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(open, 0);

    // Audited as the form's saves are, with the key.
    let actions: Vec<(String, Option<uuid::Uuid>)> = sqlx::query_as(
        "SELECT action, actor_api_key_id FROM audit_log WHERE action LIKE 'posting.%' ORDER BY at, action",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        ["posting.created", "posting.closed", "posting.updated"]
    );
    assert!(actions.iter().all(|(_, key)| key.is_some()));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_pushed_posting_is_refused_with_its_field_and_its_permission(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM postings")
        .fetch_one(&pool)
        .await
        .unwrap();

    for (field, value, path) in [
        ("external_id", json!(""), "/external_id"),
        ("title", json!("  "), "/title"),
        ("description", json!("Rust\u{0}"), "/description"),
        ("country", json!("Germany"), "/country"),
        ("owner_email", json!("nobody@team.example"), "/owner_email"),
        ("questions", json!([]), "/questions"),
        ("questions", json!(["One", "Two\nlines"]), "/questions/1"),
        ("state", json!("draft"), "/state"),
    ] {
        let mut bad = backend_job();
        bad[field] = value;
        let refused = ats.post("/api/v1/postings", &bad, &[]).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            refused.body
        );
        assert_eq!(json(&refused)["field"], path, "{bad}");
    }
    let lee = scene
        .world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let refused = ats
        .post(
            "/api/v1/postings",
            &backend_job(),
            &[("on-behalf-of", &lee.email)],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "a Limited Team Member manages no postings"
    );
    let reader = scene.ats(true, false, false).await;
    let refused = reader.post("/api/v1/postings", &backend_job(), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM postings")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(after, before, "nothing refused was kept");
}
