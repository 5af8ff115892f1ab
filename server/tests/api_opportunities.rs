//! One candidacy at a time through the API (SPEC §11): an opportunity upserted on a candidate
//! Candor has, and interview feedback on it, with the profile's lifecycle rules and reach.

use crate::api::json;
use crate::api_records::{scene, PASSWORD};
use app::domain::Role;
use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_opportunity_is_upserted_on_a_candidate_and_takes_feedback(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let ada = scene.world.candidate("ada@example.com").await;
    let path = format!("/api/v1/candidates/{}/opportunities", ada.id);

    let created = ats
        .post(
            &path,
            &json!({ "external_id": "app-9", "posting_external_id": "job-7", "stage": "screen" }),
            &[],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let opportunity = json(&created)["id"].as_str().unwrap().to_owned();

    let moved = ats
        .post(
            &path,
            &json!({ "external_id": "app-9", "stage": "interview" }),
            &[],
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(json(&moved)["id"], opportunity.as_str());
    let read = ats.candidate(&ada.id.to_string()).await;
    assert_eq!(read["opportunities"].as_array().unwrap().len(), 1);
    assert_eq!(read["opportunities"][0]["stage"], "interview");
    // The stage move is the lifecycle's, with its timeline event.
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM events WHERE opportunity_id = $1::uuid ORDER BY at, kind",
    )
    .bind(&opportunity)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(events.len() >= 2, "{events:?}");

    let feedback = format!("{path}/{opportunity}/feedback");
    let added = ats
        .post(
            &feedback,
            &json!({ "rating": 3, "body": "Clear about trade-offs" }),
            &[],
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let kept: (i16, String) =
        sqlx::query_as("SELECT rating, body FROM feedback WHERE opportunity_id = $1::uuid")
            .bind(&opportunity)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(kept, (3, "Clear about trade-offs".to_owned()));
    for (body, field) in [
        (json!({ "rating": 5 }), "/rating"),
        (json!({ "rating": 2, "body": "x".repeat(20_001) }), "/body"),
        (json!({ "rating": 2, "body": "nul\u{0}" }), "/body"),
    ] {
        let refused = ats.post(&feedback, &body, &[]).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        assert_eq!(json(&refused)["field"], field);
    }
    let elsewhere = format!("{path}/{}/feedback", uuid::Uuid::new_v4());
    assert_eq!(
        ats.post(&elsewhere, &json!({ "rating": 3 }), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_opportunity_push_keeps_the_profiles_reach_and_rules(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let world = &scene.world;
    let ada = world.candidate("ada@example.com").await;
    let lee = world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let path = format!("/api/v1/candidates/{}/opportunities", ada.id);

    // Lee owns none of Ada's opportunities: Ada is not there for Lee.
    let refused = ats
        .post(
            &path,
            &json!({ "stage": "new" }),
            &[("on-behalf-of", &lee.email)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let hired = ats
        .post(
            &path,
            &json!({ "external_id": "app-1", "state": "hired" }),
            &[],
        )
        .await;
    assert_eq!(hired.status, StatusCode::CREATED, "{}", hired.body);
    let refused = ats
        .post(
            &path,
            &json!({ "external_id": "app-1", "state": "archived", "archive_reason": "rejected" }),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(
        json(&refused)["type"],
        "urn:candor:problem:opportunity-hired"
    );
    let refused = ats.post(&path, &json!({ "stage": "lunch" }), &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&refused)["field"], "/stage");
    let unknown = format!("/api/v1/candidates/{}/opportunities", uuid::Uuid::new_v4());
    assert_eq!(
        ats.post(&unknown, &json!({}), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let opportunities: i64 =
        sqlx::query_scalar("SELECT count(*) FROM opportunities WHERE candidate_id = $1")
            .bind(ada.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(opportunities, 1);
}
