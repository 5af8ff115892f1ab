//! A candidate withdraws an open request from their page (SPEC §10): it closes as withdrawn, its
//! banner leaves the profile, and its owner is told in the app.

use crate::common::{world::World, TestApp};
use app::preferences::WithdrawRequest;
use app::{domain::Role, preferences::service::NewRequest};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_candidate_withdraws_an_open_request_and_the_owner_is_told(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let olga = world.member("Olga", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&olga), 10, None).await;
    world.request_received(&ada, NewRequest::Access, 2).await;
    let request: Uuid = sqlx::query_scalar("SELECT id FROM data_requests")
        .fetch_one(&world.pool)
        .await
        .unwrap();
    let link = world.link(&ada);
    let page = format!("/preferences/{link}");
    let withdraw = |token: &str, request: String| WithdrawRequest {
        token: token.into(),
        request,
    };

    // The open request offers the button, named for screen readers.
    let shown = app.get(&page).await.body;
    assert!(
        shown.contains(r#"aria-label="Withdraw your request for a copy of your personal data""#)
    );
    let owner = app.session(&olga.email, PASSWORD).await;
    let profile = format!("/candidates/{}", ada.id);
    assert!(owner.get(&profile).await.body.contains("banner request"));

    // Without JavaScript: a form post, then the page with its notice.
    let withdrawn = app.submit(withdraw(&link, request.to_string()), &[]).await;
    assert_eq!(withdrawn.status, StatusCode::FOUND);
    assert_eq!(
        withdrawn.header("location"),
        format!("{page}?notice=withdrawn.access#notice")
    );
    let shown = app.get(withdrawn.header("location")).await.body;
    assert!(shown.contains("You withdrew your request for a copy of your personal data"));
    assert!(shown.contains("Withdrawn"), "the list shows its state");
    assert!(
        !shown.contains("aria-label=\"Withdraw your request"),
        "nothing left to withdraw"
    );
    assert_eq!(world.requests(&ada).await[0].1, "withdrawn");
    let (resolution, resolved): (String, bool) =
        sqlx::query_as("SELECT resolution, resolved_at IS NOT NULL FROM data_requests")
            .fetch_one(&world.pool)
            .await
            .unwrap();
    assert_eq!((resolution.as_str(), resolved), ("withdrawn", true));

    // The owner hears of it; the banner is gone; the audit holds ids and the kind only.
    let told: Vec<String> = world
        .notifications(&olga)
        .await
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    assert_eq!(told, ["data_request", "request_withdrawn"]);
    let bell = owner.get("/notifications").await.body;
    assert!(
        bell.contains("withdrew their request for a copy of their data"),
        "{bell}"
    );
    assert!(!owner.get(&profile).await.body.contains("banner request"));
    let details: serde_json::Value =
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'data_request.withdrawn'")
            .fetch_one(&world.pool)
            .await
            .unwrap();
    assert_eq!(details, serde_json::json!({ "kind": "access" }));

    // Again (a double click): the same answer, nothing told twice.
    let again = app.invoke(withdraw(&link, request.to_string()), &[]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(world.notifications(&olga).await.len(), 2);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn only_ones_own_open_request_can_be_withdrawn(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let ada = world.candidate("ada@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    world.request_received(&ben, NewRequest::Erasure, 1).await;
    let bens: Uuid = sqlx::query_scalar("SELECT id FROM data_requests")
        .fetch_one(&world.pool)
        .await
        .unwrap();
    let attempt = |token: String, request: String| WithdrawRequest { token, request };

    // Another candidate's request answers as an unknown one; a forged link is a bad link.
    let foreign = app
        .invoke(attempt(world.link(&ada), bens.to_string()), &[])
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let forged = app
        .invoke(attempt("forged".into(), bens.to_string()), &[])
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    let garbled = app
        .invoke(attempt(world.link(&ben), "not-an-id".into()), &[])
        .await;
    assert_eq!(garbled.status, StatusCode::BAD_REQUEST);
    assert_eq!(world.requests(&ben).await[0].1, "open");

    // An answered request stays answered.
    sqlx::query(
        "UPDATE data_requests SET status = 'refused', resolution = 'refused', resolved_at = now(),
                refusal_reason = 'Manifestly unfounded'",
    )
    .execute(&world.pool)
    .await
    .unwrap();
    let closed = app
        .submit(attempt(world.link(&ben), bens.to_string()), &[])
        .await;
    assert!(closed
        .header("location")
        .ends_with("notice=request-closed#notice"));
    assert_eq!(world.requests(&ben).await[0].1, "refused");
}
