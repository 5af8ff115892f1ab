//! The recruiter's candidate list: sign-in required, search, paging, order, anonymized rows and
//! what Limited Team Members may see.

use crate::common::{world::World, TestApp};
use app::{
    candidate_list::{query, CandidatePage, PAGE_SIZE},
    domain::Role,
};
use axum::http::StatusCode;
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery staple";

fn names(page: &CandidatePage) -> Vec<String> {
    page.rows
        .iter()
        .map(|r| {
            r.name
                .clone()
                .unwrap_or_else(|| "Anonymized candidate".into())
        })
        .collect()
}

/// Makes `candidate`'s latest activity `days_ago`. The trigger that stamps `updated_at` is off
/// for this (per-test) database, or it would stamp the present.
async fn active(world: &World, email: &str, days_ago: i32) {
    sqlx::query("ALTER TABLE candidates DISABLE TRIGGER candidates_updated_at")
        .execute(&world.pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE candidates SET updated_at = now() - make_interval(days => $2)
          WHERE id = (SELECT candidate_id FROM candidate_emails WHERE email = $1)",
    )
    .bind(email)
    .bind(days_ago)
    .execute(&world.pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn without_a_session_the_list_sends_you_to_sign_in_and_back(pool: PgPool) {
    let app = TestApp::new(pool);
    let response = app.get("/candidates?q=ada").await;
    assert_eq!(response.status, StatusCode::FOUND);
    assert_eq!(
        response.header("location"),
        "/signin?next=%2Fcandidates%3Fq%3Dada"
    );
    assert!(!response.body.contains("Candidates</h1>"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_list_shows_recent_activity_first_and_anonymized_candidates_without_data(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.candidate("ben@example.com").await;
    let gone = world.candidate("cleo@example.com").await;
    active(&world, "ada@example.com", 3).await;
    active(&world, "ben@example.com", 1).await;
    world.anonymize(&gone).await;
    active(&world, "cleo@example.com", 2).await;

    let page = query::page(&pool, &robin.as_viewer(Role::TeamMember), "", 1)
        .await
        .unwrap();
    assert_eq!(
        names(&page),
        ["Ben Marker", "Anonymized candidate", "Ada Marker"]
    );
    assert_eq!(page.rows[1].email, None, "no email for an anonymized row");

    // The same through the page, signed in.
    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get("/candidates").await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    let ben_at = html.body.find("Ben Marker").expect("Ben listed");
    let ada_at = html.body.find("Ada Marker").expect("Ada listed");
    assert!(ben_at < ada_at, "most recent first");
    assert!(html.body.contains("Anonymized candidate"));
    assert!(html.body.contains(&format!("/candidates/{}", ada.id)));
    assert!(
        html.body.contains("Robin"),
        "the header names who is signed in"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn search_matches_part_of_a_name_or_any_email_and_takes_wildcards_literally(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    world.candidate("ada@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    sqlx::query(
        "INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, 'b.private@mail.example')",
    )
    .bind(ben.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    let gone = world.candidate("adam@example.com").await;
    // A localized policy may keep the name in the database; the search must not find it.
    sqlx::query("UPDATE candidates SET anonymized_at = now(), anonymization_mode = 'localized' WHERE id = $1")
        .bind(gone.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();

    let me = robin.as_viewer(Role::Admin);
    let search = |text: &'static str| {
        let pool = pool.clone();
        let me = me.clone();
        async move { names(&query::page(&pool, &me, text, 1).await.unwrap()) }
    };
    assert_eq!(search("ADA").await, ["Ada Marker"]);
    assert_eq!(search("private@MAIL").await, ["Ben Marker"]);
    assert_eq!(search("  marker ").await.len(), 2);
    assert!(
        search("%").await.is_empty(),
        "% is a character, not a wildcard"
    );
    assert!(search("a_a").await.is_empty(), "_ too");
    assert!(search("nobody").await.is_empty());

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get("/candidates?q=nobody").await;
    assert!(html.body.contains("No candidate matches this search"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_list_comes_in_pages_of_twenty_five(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::TeamMember, PASSWORD).await;
    for n in 0..(PAGE_SIZE + 5) {
        world.candidate(&format!("person{n:02}@example.com")).await;
    }
    let me = robin.as_viewer(Role::TeamMember);
    let first = query::page(&pool, &me, "", 1).await.unwrap();
    let second = query::page(&pool, &me, "", 2).await.unwrap();
    assert_eq!(first.rows.len(), PAGE_SIZE as usize);
    assert!(first.has_more);
    assert_eq!(second.rows.len(), 5);
    assert!(!second.has_more);
    let mut all: Vec<_> = first
        .rows
        .iter()
        .chain(&second.rows)
        .map(|r| r.id)
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        PAGE_SIZE as usize + 5,
        "no one twice, no one missing"
    );

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get("/candidates?page=2").await;
    assert!(html.body.contains("Page 2"));
    assert!(html.body.contains("href=\"/candidates?page=1\""));
    assert!(!html.body.contains("rel=\"next\""));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn limited_team_members_see_only_candidates_of_their_own_opportunities(pool: PgPool) {
    let world = World::new(pool.clone());
    let lee = world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let tam = world.member("Tam", Role::TeamMember, PASSWORD).await;
    let mine = world.candidate("mine@example.com").await;
    let theirs = world.candidate("theirs@example.com").await;
    world.candidate("nobodys@example.com").await;
    world.opportunity(&mine, Some(&lee), 5, None).await;
    world.opportunity(&theirs, Some(&tam), 5, None).await;

    let limited = query::page(&pool, &lee.as_viewer(Role::LimitedTeamMember), "", 1)
        .await
        .unwrap();
    assert_eq!(names(&limited), ["Mine Marker"]);
    let limited_search = query::page(&pool, &lee.as_viewer(Role::LimitedTeamMember), "theirs", 1)
        .await
        .unwrap();
    assert!(limited_search.rows.is_empty());
    let full = query::page(&pool, &tam.as_viewer(Role::TeamMember), "", 1)
        .await
        .unwrap();
    assert_eq!(full.rows.len(), 3);

    let app = TestApp::new(pool);
    let browser = app.session(&lee.email, PASSWORD).await;
    let html = browser.get("/candidates").await;
    assert!(html.body.contains("Mine Marker"));
    assert!(!html.body.contains("Theirs Marker"));
}
