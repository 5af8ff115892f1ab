//! The recruiter's candidate list: sign-in required, search, paging, order, anonymized rows and
//! what Limited Team Members may see.

use crate::common::{world::World, TestApp};
use app::{
    candidate_list::{query, CandidatePage, PageStart, PAGE_SIZE},
    domain::{
        lifecycle::{Stage, Step},
        search::SHORT_TERM_WINDOW,
        Role, Viewer,
    },
    preferences::service::NewRequest,
};
use axum::http::StatusCode;
use chrono::Utc;
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

/// Makes `candidate`'s latest activity `days_ago` (their record last changed then too: the
/// activity never goes back before the record's own change).
async fn active(world: &World, email: &str, days_ago: i32) {
    sqlx::query(
        "UPDATE candidates SET updated_at = now() - make_interval(days => $2),
                               last_activity_at = now() - make_interval(days => $2)
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

    let page = query::page(
        &pool,
        &robin.as_viewer(Role::TeamMember),
        "",
        PageStart::Newest,
    )
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
        async move {
            names(
                &query::page(&pool, &me, text, PageStart::Newest)
                    .await
                    .unwrap(),
            )
        }
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
    let first = query::page(&pool, &me, "", PageStart::Newest)
        .await
        .unwrap();
    assert_eq!(first.rows.len(), PAGE_SIZE as usize);
    assert_eq!(first.newer, None, "nothing above the first page");
    let older = first.older.expect("a second page");
    let second = query::page(&pool, &me, "", PageStart::After(older))
        .await
        .unwrap();
    assert_eq!(second.rows.len(), 5);
    assert_eq!(second.older, None);
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
    let back = query::page(&pool, &me, "", PageStart::Before(second.newer.unwrap()))
        .await
        .unwrap();
    assert_eq!(back, first, "back up to the first page, whole");

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates?after={older}")).await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(html.body.contains(&second.rows[0].id.to_string()));
    assert!(!html.body.contains(&first.rows[0].id.to_string()));
    assert!(html.body.contains("href=\"/candidates\">Most recent"));
    let before = second.rows[0].position();
    assert!(html.body.contains(&format!(
        "href=\"/candidates?before={before}\" rel=\"prev\""
    )));
    assert!(!html.body.contains("rel=\"next\""));
    let html = browser.get("/candidates?after=not-a-place").await;
    assert_eq!(
        html.status,
        StatusCode::OK,
        "a mangled link starts at the top"
    );
    assert!(html.body.contains(&first.rows[0].id.to_string()));
    assert!(html.body.contains("rel=\"next\""));
}

/// Candidates with the same activity time, in pages of 25: the id breaks the tie, so every one
/// is shown once, in one order, page after page and back.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn candidates_active_at_the_same_moment_keep_one_order_across_pages(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    sqlx::query(
        "INSERT INTO candidates (name, updated_at, last_activity_at)
         SELECT 'Twin ' || i, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
           FROM generate_series(1, 60) AS i",
    )
    .execute(&pool)
    .await
    .unwrap();
    let me = robin.as_viewer(Role::Admin);
    let pages = walk_down(&pool, &me, "twin").await;
    assert_eq!(
        pages.iter().map(|p| p.rows.len()).collect::<Vec<_>>(),
        [25, 25, 10]
    );
    let ids: Vec<_> = pages
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| r.id))
        .collect();
    let mut expected: Vec<_> = sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM candidates")
        .fetch_all(&pool)
        .await
        .unwrap();
    expected.sort();
    expected.reverse();
    assert_eq!(
        ids, expected,
        "ties in descending id order, no one twice or missing"
    );
    let up = query::page(
        &pool,
        &me,
        "twin",
        PageStart::Before(pages[2].newer.unwrap()),
    )
    .await
    .unwrap();
    assert_eq!(up, pages[1]);
}

/// Every page from the top, following the older links.
async fn walk_down(pool: &PgPool, me: &Viewer, search: &str) -> Vec<CandidatePage> {
    let mut pages = vec![query::page(pool, me, search, PageStart::Newest)
        .await
        .unwrap()];
    while let Some(older) = pages.last().unwrap().older {
        pages.push(
            query::page(pool, me, search, PageStart::After(older))
                .await
                .unwrap(),
        );
    }
    pages
}

/// Someone is reading page one while candidates arrive: the next page continues where theirs
/// ended (with OFFSET, the newcomers pushed rows from page one onto page two, shown twice).
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_next_page_continues_where_the_last_ended_while_candidates_arrive(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    for n in 0..40 {
        world.candidate(&format!("early{n:02}@example.com")).await;
        active(&world, &format!("early{n:02}@example.com"), 40 - n).await;
    }
    let me = robin.as_viewer(Role::Admin);
    let first = query::page(&pool, &me, "", PageStart::Newest)
        .await
        .unwrap();
    for n in 0..10 {
        world.candidate(&format!("late{n:02}@example.com")).await;
    }
    let second = query::page(&pool, &me, "", PageStart::After(first.older.unwrap()))
        .await
        .unwrap();
    assert_eq!(
        names(&second),
        (0..15)
            .rev()
            .map(|n| format!("Early{n:02} Marker"))
            .collect::<Vec<_>>(),
        "the fifteen that were below page one, none of page one again"
    );
    let above = query::page(&pool, &me, "", PageStart::Before(second.newer.unwrap()))
        .await
        .unwrap();
    assert_eq!(
        above.rows, first.rows,
        "the way back up shows the rows just above"
    );
    assert!(above.newer.is_some(), "and says the newcomers are above it");
    let top = query::page(&pool, &me, "", PageStart::Newest)
        .await
        .unwrap();
    assert!(names(&top)[..10].iter().all(|n| n.starts_with("Late")));
}

/// The order follows what recruiters and candidates do, kept on the candidate as it happens.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_stage_move_a_new_opportunity_or_a_request_brings_a_candidate_to_the_top(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);
    let ada = world.candidate("ada@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    let cleo = world.candidate("cleo@example.com").await;
    for (who, days) in [("ada", 30), ("ben", 20), ("cleo", 10)] {
        active(&world, &format!("{who}@example.com"), days).await;
    }
    let order = || async {
        names(
            &query::page(&pool, &me, "", PageStart::Newest)
                .await
                .unwrap(),
        )
    };
    assert_eq!(order().await, ["Cleo Marker", "Ben Marker", "Ada Marker"]);
    let ada_changed_at: chrono::DateTime<Utc> =
        sqlx::query_scalar("SELECT updated_at FROM candidates WHERE id = $1")
            .bind(ada.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();

    world.opportunity(&ada, Some(&robin), 40, None).await;
    assert_eq!(order().await[0], "Ada Marker", "a new opportunity");
    let ada_now_changed_at: chrono::DateTime<Utc> =
        sqlx::query_scalar("SELECT updated_at FROM candidates WHERE id = $1")
            .bind(ada.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        ada_now_changed_at, ada_changed_at,
        "the candidate's own record (the API's updated_at) did not change"
    );

    world.opportunity(&ben, Some(&robin), 40, None).await;
    let ben_opportunity: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM opportunities WHERE candidate_id = $1")
            .bind(ben.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    active(&world, "ben@example.com", 5).await;
    assert_eq!(order().await[1], "Ben Marker");
    app::core::lifecycle::take_step(
        &pool,
        &me,
        ben.id.into_uuid(),
        ben_opportunity,
        Step::MoveTo(Stage::Interview),
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(order().await[0], "Ben Marker", "a stage move");

    world.request(&cleo, NewRequest::Access).await;
    assert_eq!(
        order().await,
        ["Cleo Marker", "Ben Marker", "Ada Marker"],
        "a request"
    );
    let listed = query::page(&pool, &me, "", PageStart::Newest)
        .await
        .unwrap();
    assert_eq!(listed.rows[0].open_requests, 1);
}

/// What a search finds follows the addresses as they change, and never an anonymized candidate.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn search_follows_added_and_removed_addresses_and_forgets_the_anonymized(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);
    let ada = world.candidate("ada@example.com").await;
    let search = |text: &'static str| {
        let pool = pool.clone();
        let me = me.clone();
        async move {
            names(
                &query::page(&pool, &me, text, PageStart::Newest)
                    .await
                    .unwrap(),
            )
        }
    };
    assert!(search("lovelace").await.is_empty());
    sqlx::query("INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, 'countess@lovelace.example')")
        .bind(ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(search("lovelace").await, ["Ada Marker"]);
    sqlx::query("DELETE FROM candidate_emails WHERE email = 'countess@lovelace.example'")
        .execute(&pool)
        .await
        .unwrap();
    assert!(
        search("lovelace").await.is_empty(),
        "a removed address no longer finds her"
    );
    assert_eq!(search("ada@").await, ["Ada Marker"]);
    world.anonymize(&ada).await;
    assert!(search("ada").await.is_empty());
    let kept: Option<String> =
        sqlx::query_scalar("SELECT search_text FROM candidates WHERE id = $1")
            .bind(ada.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(kept, None, "nothing personal left in the search column");
}

/// A term too short for the index looks only through the most recently active candidates, and
/// the page says so; a longer one finds anyone.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_search_of_two_characters_looks_through_the_most_recent_and_says_so(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);
    let old = world.candidate("qz.old@example.com").await;
    active(&world, "qz.old@example.com", 400).await;
    let recent = world.candidate("qz.recent@example.com").await;
    let short = query::page(&pool, &me, "qz", PageStart::Newest)
        .await
        .unwrap();
    assert!(short.windowed);
    assert_eq!(
        short.rows.len(),
        2,
        "fewer candidates than the window: all of them"
    );
    sqlx::query(
        "INSERT INTO candidates (name, updated_at, last_activity_at)
         SELECT 'Filler ' || i, now() - interval '100 days', now() - interval '100 days'
           FROM generate_series(1, $1) AS i",
    )
    .bind(SHORT_TERM_WINDOW)
    .execute(&pool)
    .await
    .unwrap();
    let short = query::page(&pool, &me, "qz", PageStart::Newest)
        .await
        .unwrap();
    assert!(short.windowed);
    assert_eq!(
        short.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [recent.id.into_uuid()],
        "the old one is beyond the window"
    );
    // The window is a number of candidates, not a time: one more candidate at the fillers' very
    // time is found only if it is among the 5,000 by (time, id).
    let tied: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO candidates (name, updated_at, last_activity_at)
         SELECT 'Qz Tied', last_activity_at, last_activity_at FROM candidates
          WHERE name = 'Filler 1' RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let inside: bool = sqlx::query_scalar(
        "SELECT $1 IN (SELECT id FROM candidates ORDER BY last_activity_at DESC, id DESC LIMIT $2)",
    )
    .bind(tied)
    .bind(SHORT_TERM_WINDOW)
    .fetch_one(&pool)
    .await
    .unwrap();
    let short = query::page(&pool, &me, "qz", PageStart::Newest)
        .await
        .unwrap();
    assert_eq!(short.rows.iter().any(|r| r.id == tied), inside);
    assert_eq!(short.rows.len(), 1 + usize::from(inside));
    let full = query::page(&pool, &me, "qz.old", PageStart::Newest)
        .await
        .unwrap();
    assert!(!full.windowed);
    assert_eq!(
        full.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [old.id.into_uuid()]
    );

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get("/candidates?q=qz").await;
    assert!(html
        .body
        .contains("looks through the 5,000 most recently active candidates only"));
    let html = browser.get("/candidates?q=qz.old").await;
    assert!(!html.body.contains("most recently active"));
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

    let limited = query::page(
        &pool,
        &lee.as_viewer(Role::LimitedTeamMember),
        "",
        PageStart::Newest,
    )
    .await
    .unwrap();
    assert_eq!(names(&limited), ["Mine Marker"]);
    let limited_search = query::page(
        &pool,
        &lee.as_viewer(Role::LimitedTeamMember),
        "theirs",
        PageStart::Newest,
    )
    .await
    .unwrap();
    assert!(limited_search.rows.is_empty());
    let full = query::page(
        &pool,
        &tam.as_viewer(Role::TeamMember),
        "",
        PageStart::Newest,
    )
    .await
    .unwrap();
    assert_eq!(full.rows.len(), 3);

    let app = TestApp::new(pool);
    let browser = app.session(&lee.email, PASSWORD).await;
    let html = browser.get("/candidates").await;
    assert!(html.body.contains("Mine Marker"));
    assert!(!html.body.contains("Theirs Marker"));
}

/// The list starts from a Limited Team Member's own opportunities (member_candidates); the
/// profile asks about one candidate (candidate_visible_to). The two must always agree.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_list_and_the_profile_agree_on_what_a_limited_member_sees(pool: PgPool) {
    let world = World::new(pool.clone());
    let lee = world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let tam = world.member("Tam", Role::TeamMember, PASSWORD).await;
    let owned = world.candidate("owned@example.com").await;
    let assigned = world.candidate("assigned@example.com").await;
    let other = world.candidate("other@example.com").await;
    world.candidate("unattached@example.com").await;
    world.opportunity(&owned, Some(&lee), 5, Some(1)).await;
    world.opportunity(&assigned, Some(&tam), 5, None).await;
    world.opportunity(&other, Some(&tam), 5, None).await;
    world.opportunity(&other, None, 5, None).await;
    sqlx::query(
        "INSERT INTO opportunity_assignees (opportunity_id, user_id)
         SELECT id, $2 FROM opportunities WHERE candidate_id = $1",
    )
    .bind(assigned.id.into_uuid())
    .bind(lee.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    let disagreements: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidates c, users u
          WHERE candidate_visible_to(c.id, u.id)
                IS DISTINCT FROM (c.id IN (SELECT candidate_id FROM member_candidates(u.id)))",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(disagreements, 0);
    let listed = query::page(
        &pool,
        &lee.as_viewer(Role::LimitedTeamMember),
        "",
        PageStart::Newest,
    )
    .await
    .unwrap();
    let mut seen = names(&listed);
    seen.sort();
    assert_eq!(
        seen,
        ["Assigned Marker", "Owned Marker"],
        "owned (even archived) and assigned"
    );
}
