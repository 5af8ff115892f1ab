//! The bell and the notifications list: an owner hears of a request, reads the candidate's name
//! as it is now, and marks notifications read — only their own.

use crate::common::{world::World, TestApp};
use app::domain::{
    preferences::{Rectification, RectificationForm},
    Role,
};
use app::notifications::{LoadNotifications, MarkRead};
use app::preferences::service::NewRequest;
use axum::http::StatusCode;
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery staple";

async fn unread(pool: &PgPool, user: &crate::common::world::User) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user.id.into_uuid())
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_owner_sees_the_request_in_the_bell_and_the_list_and_marks_it_read(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::TeamMember, PASSWORD).await;
    let other = world.member("Other", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&robin), 3, None).await;
    world.request(&ada, NewRequest::Access).await;
    world
        .request(
            &ada,
            NewRequest::Rectification(
                Rectification::parse(&RectificationForm {
                    note: Some("My name is spelled Ada"),
                    ..RectificationForm::default()
                })
                .unwrap(),
            ),
        )
        .await;

    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;
    let list = browser.get("/notifications").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains("aria-label=\"Notifications, 2 unread\""),
        "the bell counts"
    );
    assert!(list
        .body
        .contains("Ada Marker asked for a copy of their data, due"));
    assert!(list.body.contains("Ada Marker asked for a correction"));
    assert!(list.body.contains(&format!("/candidates/{}", ada.id)));

    // Someone else's id changes nothing; the owner's own does.
    let first: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM notifications WHERE user_id = $1 ORDER BY created_at LIMIT 1",
    )
    .bind(robin.id.into_uuid())
    .fetch_one(&pool)
    .await
    .unwrap();
    let stranger = app.session(&other.email, PASSWORD).await;
    stranger
        .submit(MarkRead {
            id: Some(first.to_string()),
        })
        .await;
    assert_eq!(unread(&pool, &robin).await, 2);

    let marked = browser
        .submit(MarkRead {
            id: Some(first.to_string()),
        })
        .await;
    assert_eq!(marked.status, StatusCode::FOUND);
    assert_eq!(
        marked.header("location"),
        "/notifications?notice=read#notice"
    );
    assert_eq!(unread(&pool, &robin).await, 1);
    browser.submit(MarkRead { id: None }).await;
    assert_eq!(unread(&pool, &robin).await, 0);
    let after = browser.get("/notifications").await;
    assert!(after
        .body
        .contains("aria-label=\"Notifications, none unread\""));
    assert!(!after.body.contains("Mark all as read"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_anonymized_candidate_reads_as_such_in_notifications(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&robin), 3, None).await;
    world.request(&ada, NewRequest::Erasure).await;
    // Localized anonymization may leave the name in the row; the list must not show it.
    sqlx::query("UPDATE candidates SET anonymized_at = now(), anonymization_mode = 'localized' WHERE id = $1")
        .bind(ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let list = browser.get("/notifications").await;
    assert!(list
        .body
        .contains("Anonymized candidate asked for removal of their data"));
    assert!(!list.body.contains("Ada Marker"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn notifications_need_a_session(pool: PgPool) {
    let app = TestApp::new(pool);
    let page = app.get("/notifications").await;
    assert_eq!(page.status, StatusCode::FOUND);
    assert_eq!(page.header("location"), "/signin?next=%2Fnotifications");
    let call = app.invoke(LoadNotifications {}, &[]).await;
    assert_eq!(call.status, StatusCode::UNAUTHORIZED);
    let read = app.invoke(MarkRead { id: None }, &[]).await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
}

/// The bell is on every page: it counts up to 99 and then says "99+", so a colleague with a
/// year of unread notifications costs the header no more than one with a hundred.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_bell_counts_up_to_99_and_then_says_more(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&robin), 3, None).await;
    world.request(&ada, NewRequest::Access).await;
    let add = |n: i32| {
        sqlx::query(
            "INSERT INTO notifications (user_id, kind, candidate_id, data_request_id)
             SELECT user_id, kind, candidate_id, data_request_id
               FROM notifications, generate_series(1, $2)
              WHERE user_id = $1 LIMIT $2",
        )
        .bind(robin.id.into_uuid())
        .bind(n)
        .execute(&pool)
    };
    add(98).await.unwrap();
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;
    let page = browser.get("/notifications").await.markup();
    assert!(page.contains("aria-label=\"Notifications, 99 unread\""));
    assert!(page.contains(">99</span>"));
    add(1).await.unwrap();
    let page = browser.get("/notifications").await.markup();
    assert!(
        page.contains("aria-label=\"Notifications, more than 99 unread\""),
        "100 unread"
    );
    assert!(page.contains(">99+</span>"));
    assert_eq!(unread(&pool, &robin).await, 100);
}
