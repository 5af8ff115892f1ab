//! The compliance dashboard and the audit trails (SPEC §7): what they list, filter, count and
//! export, who may read them, and the proof of an erasure that outlives the candidate's data.

use crate::common::world::{Candidate, User, World};
use crate::common::TestApp;
use app::dashboard::LoadDashboard;
use app::domain::dashboard::{Filter, FilterForm};
use app::domain::Role;
use app::preferences::service::NewRequest;
use app::profile::anonymize::AnonymizeCandidate;
use axum::http::StatusCode;
use chrono::Utc;
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery staple";

/// A team with requests in every state: Ada's access request is overdue, Ben's erasure is due
/// within a week, Cleo's correction is on track, Dan's access request was answered.
struct Desk {
    world: World,
    app: TestApp,
    admin: User,
    olga: User,
    piet: User,
    ada: Candidate,
    dan: Candidate,
}

impl Desk {
    async fn open(pool: PgPool) -> Self {
        let world = World::new(pool.clone());
        let admin = world.member("Ann Admin", Role::Admin, PASSWORD).await;
        let olga = world.member("Olga Owner", Role::TeamMember, PASSWORD).await;
        let piet = world
            .member("Piet Peer", Role::LimitedTeamMember, PASSWORD)
            .await;
        let ada = world.candidate("ada@example.com").await;
        let ben = world.candidate("ben@example.com").await;
        let cleo = world.candidate("cleo@example.com").await;
        let dan = world.candidate("dan@example.com").await;
        world.opportunity(&ada, Some(&olga), 60, None).await;
        world.opportunity(&ben, Some(&piet), 60, None).await;
        world.opportunity(&cleo, Some(&olga), 60, None).await;
        world.opportunity(&dan, Some(&olga), 60, None).await;
        world.request_received(&ada, NewRequest::Access, 40).await;
        world.request_received(&ben, NewRequest::Erasure, 26).await;
        world
            .request_received(
                &cleo,
                NewRequest::Rectification(app::domain::preferences::Rectification {
                    note: Some("My surname is misspelled.".into()),
                    corrections: Default::default(),
                }),
                2,
            )
            .await;
        world.request_received(&dan, NewRequest::Access, 20).await;
        sqlx::query(
            "UPDATE data_requests SET status = 'resolved', resolution = 'data_sent',
                    resolved_at = received_at + interval '6 days', resolved_by = $1
              WHERE candidate_id = $2",
        )
        .bind(olga.id.into_uuid())
        .bind(dan.id.into_uuid())
        .execute(&world.pool)
        .await
        .unwrap();
        Self {
            app: TestApp::new(pool),
            world,
            admin,
            olga,
            piet,
            ada,
            dan,
        }
    }

    async fn dashboard(
        &self,
        viewer: &User,
        role: Role,
        form: FilterForm,
    ) -> app::dashboard::Dashboard {
        app::dashboard::service::dashboard(
            &self.world.pool,
            &viewer.as_viewer(role),
            &Filter::parse(&form).unwrap(),
            None,
            Utc::now(),
        )
        .await
        .unwrap()
    }
}

fn names(dashboard: &app::dashboard::Dashboard) -> Vec<String> {
    dashboard
        .rows
        .iter()
        .map(|r| app::text::candidate_label(&r.candidate))
        .collect()
}

fn by_state(state: &str) -> FilterForm {
    FilterForm {
        state: state.into(),
        ..Default::default()
    }
}

/// The dashboard's server function with no filter.
fn everything() -> LoadDashboard {
    LoadDashboard {
        filter: FilterForm::default(),
        after: None,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn requests_are_listed_nearest_due_first_filtered_and_counted(pool: PgPool) {
    let desk = Desk::open(pool).await;
    let all = desk
        .dashboard(&desk.admin, Role::Admin, FilterForm::default())
        .await;
    assert_eq!(
        names(&all),
        ["Ada Marker", "Ben Marker", "Cleo Marker", "Dan Marker"]
    );
    assert_eq!(all.counts.total, 4);
    let state = |s| all.counts.by_state.get(&s).copied().unwrap_or(0);
    use app::domain::dashboard::StateFilter::*;
    assert_eq!(
        (state(Open), state(Overdue), state(DueSoon), state(Resolved)),
        (3, 1, 1, 1)
    );
    let dan = &all.rows[3];
    assert_eq!(dan.resolved_by.as_deref(), Some("Olga Owner"));
    assert_eq!(
        dan.owner.as_ref().map(|o| o.name.as_str()),
        Some("Olga Owner")
    );
    // Received this week and in the weeks before; Dan's answered after 6 days.
    let weeks = &all.weeks;
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks.iter().map(|w| w.received).sum::<u32>(), 4);
    let answered: Vec<_> = weeks.iter().filter(|w| w.answered > 0).collect();
    assert_eq!(answered.len(), 1);
    assert_eq!(answered[0].median_days, Some(6.0));

    let overdue = desk
        .dashboard(&desk.admin, Role::Admin, by_state("overdue"))
        .await;
    assert_eq!(names(&overdue), ["Ada Marker"]);
    let due_soon = desk
        .dashboard(&desk.admin, Role::Admin, by_state("due_soon"))
        .await;
    assert_eq!(names(&due_soon), ["Ben Marker"]);
    let access = desk
        .dashboard(
            &desk.admin,
            Role::Admin,
            FilterForm {
                kind: "access".into(),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(names(&access), ["Ada Marker", "Dan Marker"]);
    assert_eq!(access.counts.total, 2);
    let olgas = desk
        .dashboard(
            &desk.admin,
            Role::Admin,
            FilterForm {
                owner: desk.olga.id.to_string(),
                state: "open".into(),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(names(&olgas), ["Ada Marker", "Cleo Marker"]);
    let today = Utc::now().date_naive();
    let recent = desk
        .dashboard(
            &desk.admin,
            Role::Admin,
            FilterForm {
                from: (today - chrono::Duration::days(21)).to_string(),
                to: today.to_string(),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(names(&recent), ["Cleo Marker", "Dan Marker"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn names_follow_what_the_viewer_may_see_and_anonymized_stay_anonymous(pool: PgPool) {
    let desk = Desk::open(pool).await;
    desk.world.anonymize(&desk.ada).await;
    let admin_view = desk
        .dashboard(&desk.admin, Role::Admin, FilterForm::default())
        .await;
    assert_eq!(names(&admin_view)[0], "Anonymized candidate");
    // A Limited Team Member holding the permission sees names on their own candidates only.
    let piet_view = desk
        .dashboard(&desk.piet, Role::LimitedTeamMember, FilterForm::default())
        .await;
    assert_eq!(
        names(&piet_view),
        [
            "Anonymized candidate",
            "Ben Marker",
            "Candidate on another team member's opportunity",
            "Candidate on another team member's opportunity"
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn only_admins_and_permission_holders_may_read_the_dashboard_and_export(pool: PgPool) {
    let desk = Desk::open(pool).await;
    let (admin, olga) = (
        desk.app.session(&desk.admin.email, PASSWORD).await,
        desk.app.session(&desk.olga.email, PASSWORD).await,
    );
    assert_eq!(
        olga.invoke(everything()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        olga.get("/compliance/requests.csv").await.status,
        StatusCode::FORBIDDEN
    );
    let page = olga.get("/compliance").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("Your role doesn't allow this"));
    assert!(!page.body.contains("Ada Marker"));

    let signed_out = desk.app.get("/compliance/requests.csv").await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert!(signed_out.header("location").starts_with("/signin"));

    let page = admin.get("/compliance?state=overdue").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ada Marker") && !page.body.contains("Cleo Marker"));
    assert!(
        page.body.contains("<svg"),
        "the chart is drawn on the server"
    );
    assert!(page.body.contains("class=\"overdue\""));
    // The profile links to the candidate's audit trail for those who may read it.
    let trail = format!("/compliance/candidates/{}", desk.ada.id);
    let profile = format!("/candidates/{}", desk.ada.id);
    assert!(admin.get(&profile).await.body.contains(&trail));
    assert!(!olga.get(&profile).await.body.contains(&trail));
    let bad = admin.get("/compliance?from=yesterday").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    sqlx::query("UPDATE users SET permissions = ARRAY['view_compliance_dashboard'] WHERE id = $1")
        .bind(desk.olga.id.into_uuid())
        .execute(&desk.world.pool)
        .await
        .unwrap();
    assert_eq!(olga.invoke(everything()).await.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_csv_export_holds_the_filtered_list_and_no_formulas(pool: PgPool) {
    let desk = Desk::open(pool).await;
    sqlx::query("UPDATE candidates SET name = '=HYPERLINK(\"http://evil.example\")' WHERE id = $1")
        .bind(desk.dan.id.into_uuid())
        .execute(&desk.world.pool)
        .await
        .unwrap();
    desk.world.anonymize(&desk.ada).await;
    let admin = desk.app.session(&desk.admin.email, PASSWORD).await;
    let csv = admin.get("/compliance/requests.csv?kind=access").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").starts_with("attachment"));
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, app::text::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "access requests only");
    assert_eq!(&rows[0][1], "Copy of data");
    assert_eq!(&rows[0][2], "Anonymized candidate");
    assert!(rows[0][6].starts_with("Overdue by"));
    assert_eq!(&rows[1][2], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(&rows[1][6], "Resolved");
    assert_eq!(&rows[1][8], "Olga Owner");
    assert!(!csv.body.contains("ada@example.com"));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_erasure_stays_proven_after_the_candidate_is_anonymized(pool: PgPool) {
    let desk = Desk::open(pool.clone()).await;
    sqlx::query("UPDATE users SET permissions = ARRAY['anonymize_candidates'] WHERE id = $1")
        .bind(desk.admin.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    let zoe = desk.world.candidate("zoe@example.com").await;
    desk.world
        .opportunity(&zoe, Some(&desk.olga), 30, None)
        .await;
    desk.world
        .request_received(&zoe, NewRequest::Erasure, 3)
        .await;
    let admin = desk.app.session(&desk.admin.email, PASSWORD).await;
    let anonymized = admin
        .invoke(AnonymizeCandidate {
            candidate: zoe.id.to_string(),
            acknowledge: Some("yes".into()),
        })
        .await;
    assert_eq!(anonymized.status, StatusCode::OK, "{}", anonymized.body);

    let request: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM data_requests WHERE candidate_id = $1")
            .bind(zoe.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    let trail = app::dashboard::trail::service::request_trail(
        &pool,
        &desk.admin.as_viewer(Role::Admin),
        request,
    )
    .await
    .unwrap();
    assert_eq!(trail.candidate, app::dashboard::CandidateLabel::Anonymized);
    let summary = trail.request.unwrap();
    assert_eq!(summary.status, app::domain::RequestStatus::Resolved);
    assert_eq!(summary.closed_by.as_deref(), Some("Ann Admin"));
    let said: Vec<String> = trail
        .entries
        .iter()
        .map(|e| format!("{} · {}", app::text::trail_actor(&e.actor), e.what))
        .collect();
    assert_eq!(
        said.first().map(String::as_str),
        Some("The candidate · Request received (erasure)")
    );
    assert!(
        said.iter().any(|s| s.starts_with("Ann Admin · ")),
        "{said:?}"
    );

    // The pages show it, and nothing of Zoe.
    for path in [
        format!("/compliance/requests/{request}"),
        format!("/compliance/candidates/{}", zoe.id),
    ] {
        let page = admin.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("Anonymized candidate"), "{path}");
        assert!(page.body.contains("Ann Admin"), "{path}");
        assert!(
            !page.body.contains("Zoe") && !page.body.contains("zoe@"),
            "{path}"
        );
    }
    let dashboard = desk
        .dashboard(&desk.admin, Role::Admin, by_state("resolved"))
        .await;
    let row = dashboard
        .rows
        .iter()
        .find(|r| r.id == request)
        .expect("the erasure is listed");
    assert_eq!(row.candidate, app::dashboard::CandidateLabel::Anonymized);
    assert_eq!(row.resolved_by.as_deref(), Some("Ann Admin"));
}

/// A busy desk: 130 requests over a year in every state, on candidates owned by Olga or Tam
/// (and some by nobody), for the tests that page, count and export at more than one page.
async fn busy_desk(world: &World) -> (User, User, User) {
    let admin = world.member("Ann Admin", Role::Admin, PASSWORD).await;
    let olga = world.member("Olga Owner", Role::TeamMember, PASSWORD).await;
    let tam = world.member("Tam Team", Role::TeamMember, PASSWORD).await;
    sqlx::query(
        "WITH people AS (
             INSERT INTO candidates (name)
             SELECT 'Busy ' || i FROM generate_series(1, 130) AS i RETURNING id, name),
         numbered AS (SELECT id, substr(name, 6)::int AS i FROM people),
         owned AS (
             INSERT INTO opportunities (candidate_id, owner_id, origin)
             SELECT id, CASE i % 3 WHEN 0 THEN $1 WHEN 1 THEN $2 END, 'sourced' FROM numbered)
         INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at,
                                    resolution, refusal_reason, idempotency_key)
         SELECT id, (ARRAY['access', 'rectification', 'erasure'])[1 + i % 3],
                now() - make_interval(days => i * 3), now() - make_interval(days => i * 3) + interval '30 days',
                s.status,
                CASE WHEN s.status <> 'open' THEN now() - make_interval(days => i * 3 - 5, hours => i) END,
                CASE s.status WHEN 'open' THEN NULL WHEN 'refused' THEN 'refused'
                              WHEN 'withdrawn' THEN 'withdrawn' ELSE 'data_sent' END,
                CASE WHEN s.status = 'refused' THEN 'Unfounded' END,
                'busy-request-' || i
           FROM numbered
           CROSS JOIN LATERAL (SELECT CASE WHEN i <= 12 THEN 'open' WHEN i % 7 = 0 THEN 'refused'
                                           WHEN i % 11 = 0 THEN 'withdrawn' ELSE 'resolved' END
                                      AS status) s",
    )
    .bind(olga.id.into_uuid())
    .bind(tam.id.into_uuid())
    .execute(&world.pool)
    .await
    .unwrap();
    (admin, olga, tam)
}

async fn every_page(
    world: &World,
    viewer: &app::domain::Viewer,
    form: &FilterForm,
) -> (
    Vec<app::dashboard::Dashboard>,
    Vec<app::dashboard::DashboardRow>,
) {
    let filter = Filter::parse(form).unwrap();
    let now = Utc::now();
    let mut pages =
        vec![
            app::dashboard::service::dashboard(&world.pool, viewer, &filter, None, now)
                .await
                .unwrap(),
        ];
    while let Some(next) = pages.last().unwrap().next {
        pages.push(
            app::dashboard::service::dashboard(&world.pool, viewer, &filter, Some(next), now)
                .await
                .unwrap(),
        );
    }
    let rows = pages.iter().flat_map(|p| p.rows.clone()).collect();
    (pages, rows)
}

/// Pages of fifty follow one another in the dashboard's order, under every filter, and the counts
/// on each page are those of every request the filter keeps, as the domain counts them.
#[sqlx::test(migrations = "../migrations")]
async fn the_list_comes_fifty_at_a_time_and_the_counts_cover_every_request(pool: PgPool) {
    use app::domain::dashboard::sort_by_urgency;
    let world = World::new(pool.clone());
    let (admin, olga, _) = busy_desk(&world).await;
    let me = admin.as_viewer(Role::Admin);
    let everyone = FilterForm::default();
    let (pages, all) = every_page(&world, &me, &everyone).await;
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages.iter().map(|p| p.rows.len()).collect::<Vec<_>>(),
        [50, 50, 30]
    );
    let mut expected = all.clone();
    sort_by_urgency(&mut expected, app::dashboard::DashboardRow::facts);
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        expected.iter().map(|r| r.id).collect::<Vec<_>>(),
        "open nearest due first, then latest closed, across the pages"
    );
    let mut ids: Vec<_> = all.iter().map(|r| r.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 130, "no one twice, no one missing");

    let now = Utc::now();
    let forms = [
        everyone.clone(),
        FilterForm {
            state: "overdue".into(),
            ..Default::default()
        },
        FilterForm {
            state: "due_soon".into(),
            ..Default::default()
        },
        FilterForm {
            state: "resolved".into(),
            kind: "access".into(),
            ..Default::default()
        },
        FilterForm {
            owner: olga.id.to_string(),
            ..Default::default()
        },
        FilterForm {
            from: (now - chrono::Duration::days(100)).date_naive().to_string(),
            to: (now - chrono::Duration::days(20)).date_naive().to_string(),
            ..Default::default()
        },
    ];
    counts_agree(&world, &me, &forms).await;

    // Over HTTP: the next link keeps the filter, and an edited position starts from the top.
    let app = TestApp::new(pool);
    let browser = app.session(&admin.email, PASSWORD).await;
    let html = browser.get("/compliance?state=resolved").await;
    assert_eq!(html.status, StatusCode::OK);
    let next = html
        .body
        .split("href=\"")
        .find(|h| h.contains("after="))
        .map(|h| &h[..h.find('"').unwrap()]);
    assert!(
        next.is_some_and(|n| n.starts_with("/compliance?state=resolved&amp;after=c")),
        "{next:?}"
    );
    let html = browser.get("/compliance?after=nonsense").await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains("rel=\"next\""));
}

/// The owner of a request is the owner of the candidate's current opportunity, kept on the
/// candidate as opportunities change.
#[sqlx::test(migrations = "../migrations")]
async fn a_request_follows_its_candidates_current_owner(pool: PgPool) {
    let desk = Desk::open(pool.clone()).await;
    assert_eq!(
        olgas(&desk).await,
        ["Ada Marker", "Cleo Marker", "Dan Marker"]
    );
    // Ada's opportunity is archived and a new one, Piet's, is active: Piet owns her request now.
    sqlx::query("UPDATE opportunities SET archived_at = now() WHERE candidate_id = $1")
        .bind(desk.ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    desk.world
        .opportunity(&desk.ada, Some(&desk.piet), 1, None)
        .await;
    assert_eq!(olgas(&desk).await, ["Cleo Marker", "Dan Marker"]);
    let all = desk
        .dashboard(&desk.admin, Role::Admin, FilterForm::default())
        .await;
    assert_eq!(
        all.rows[0].owner.as_ref().map(|o| o.name.as_str()),
        Some("Piet Peer")
    );
    // Piet's opportunity goes away: back to Olga's, the latest with an owner.
    sqlx::query("DELETE FROM opportunities WHERE owner_id = $1 AND candidate_id = $2")
        .bind(desk.piet.id.into_uuid())
        .bind(desk.ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        olgas(&desk).await,
        ["Ada Marker", "Cleo Marker", "Dan Marker"]
    );
}

/// The export holds every request the filter keeps, more than one chunk's worth, in the page's
/// order, streamed.
#[sqlx::test(migrations = "../migrations")]
async fn the_csv_export_streams_every_request_in_order(pool: PgPool) {
    let world = World::new(pool.clone());
    let (admin, _, _) = busy_desk(&world).await;
    // More than the export's chunk of 1,000.
    sqlx::query(
        "INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at,
                                    resolution, idempotency_key)
         SELECT (SELECT id FROM candidates ORDER BY name LIMIT 1), 'access',
                now() - make_interval(days => 400, mins => i), now() - make_interval(days => 370, mins => i),
                'resolved', now() - make_interval(days => 390, mins => i), 'data_sent', 'bulk-request-' || i
           FROM generate_series(1, 1500) AS i",
    )
    .execute(&pool)
    .await
    .unwrap();
    let (_, all) = every_page(
        &world,
        &admin.as_viewer(Role::Admin),
        &FilterForm::default(),
    )
    .await;
    assert_eq!(all.len(), 1630);
    let app = TestApp::new(pool);
    let browser = app.session(&admin.email, PASSWORD).await;
    let csv = browser.get("/compliance/requests.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert_eq!(
        ids,
        all.iter().map(|r| r.id.to_string()).collect::<Vec<_>>()
    );
}

/// Under each filter, the list holds what the domain's filter keeps of every request, and the
/// counts are the domain's counts of those.
async fn counts_agree(world: &World, me: &app::domain::Viewer, forms: &[FilterForm]) {
    use app::domain::dashboard::Counts;
    let (_, all) = every_page(world, me, &FilterForm::default()).await;
    let now = Utc::now();
    for form in forms {
        let filter = Filter::parse(form).unwrap();
        let kept: Vec<_> = all
            .iter()
            .map(|r| r.facts())
            .filter(|f| filter.keeps(f, now))
            .collect();
        let (pages, rows) = every_page(world, me, form).await;
        assert_eq!(rows.len(), kept.len(), "{form:?}");
        assert!(!kept.is_empty(), "{form:?} keeps something");
        assert_eq!(pages[0].counts, Counts::of(&kept, now), "{form:?}");
    }
}

/// The closed requests are counted from tallies kept by the database: they follow requests as
/// they close, reopen, move owner or go, before and after the changes are folded in, for date
/// ranges that cover whole months and parts of them.
#[sqlx::test(migrations = "../migrations")]
async fn the_counts_follow_every_change_before_and_after_the_tallies_fold(pool: PgPool) {
    let world = World::new(pool.clone());
    let (admin, olga, tam) = busy_desk(&world).await;
    let me = admin.as_viewer(Role::Admin);
    let day = |days_ago: i64| (Utc::now() - chrono::Duration::days(days_ago)).date_naive();
    let month_start = |d: chrono::NaiveDate| chrono::Datelike::with_day(&d, 1).unwrap();
    let forms = [
        FilterForm::default(),
        by_state("resolved"),
        by_state("withdrawn"),
        FilterForm {
            owner: olga.id.to_string(),
            ..Default::default()
        },
        FilterForm {
            owner: tam.id.to_string(),
            state: "refused".into(),
            ..Default::default()
        },
        FilterForm {
            from: day(200).to_string(),
            to: day(45).to_string(),
            ..Default::default()
        },
        FilterForm {
            // Whole months only.
            from: month_start(day(300)).to_string(),
            to: (month_start(day(60)) - chrono::Duration::days(1)).to_string(),
            kind: "access".into(),
            ..Default::default()
        },
        FilterForm {
            from: day(70).to_string(),
            to: day(64).to_string(),
            ..Default::default()
        },
    ];
    app::dashboard::service::fold_tallies(&pool).await.unwrap();
    counts_agree(&world, &me, &forms).await;

    // Olga's closed requests that nothing below changes but their owner.
    let olgas_closed: Vec<(uuid::Uuid, chrono::DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, updated_at FROM data_requests
          WHERE owner_id = $1 AND status <> 'open' AND idempotency_key NOT LIKE 'busy-request-_5'
            AND idempotency_key NOT IN ('busy-request-49', 'busy-request-50')",
    )
    .bind(olga.id.into_uuid())
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!olgas_closed.is_empty());
    // Open ones close, closed ones change status, one reopens, Olga's candidates go to Tam,
    // and a request goes.
    sqlx::query(
        "UPDATE data_requests SET status = 'resolved', resolution = 'data_sent',
                resolved_at = now(), resolved_by = $1
          WHERE status = 'open' AND received_at > now() - interval '12 days'",
    )
    .bind(admin.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE data_requests SET status = 'withdrawn', resolution = 'withdrawn'
          WHERE status = 'resolved' AND idempotency_key LIKE 'busy-request-_5'",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE data_requests SET status = 'open', resolution = NULL, resolved_at = NULL,
                refusal_reason = NULL
          WHERE idempotency_key = 'busy-request-49'",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("DELETE FROM data_requests WHERE idempotency_key = 'busy-request-50'")
        .execute(&pool)
        .await
        .unwrap();
    let moved = sqlx::query("UPDATE opportunities SET owner_id = $2 WHERE owner_id = $1")
        .bind(olga.id.into_uuid())
        .bind(tam.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap()
        .rows_affected();
    assert!(moved > 0);
    let forms_after = {
        let mut forms = forms.to_vec();
        // Olga owns nothing now; Tam owns hers too.
        forms[3].owner = tam.id.to_string();
        forms
    };
    counts_agree(&world, &me, &forms_after).await;
    let folded = app::dashboard::service::fold_tallies(&pool).await.unwrap();
    assert!(folded > 0, "the changes were appended, then folded");
    let unfolded: i64 = sqlx::query_scalar("SELECT count(*) FROM data_request_tally_changes")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(unfolded, 0);
    counts_agree(&world, &me, &forms_after).await;

    // They are Tam's now, and a new owner is not a change to the request (the API's change
    // feed follows updated_at).
    for (id, updated_at) in olgas_closed {
        let (owner, now_updated): (Option<uuid::Uuid>, chrono::DateTime<Utc>) =
            sqlx::query_as("SELECT owner_id, updated_at FROM data_requests WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(owner, Some(tam.id.into_uuid()));
        assert_eq!(now_updated, updated_at);
    }
}

async fn olgas(desk: &Desk) -> Vec<String> {
    let form = FilterForm {
        owner: desk.olga.id.to_string(),
        ..Default::default()
    };
    names(&desk.dashboard(&desk.admin, Role::Admin, form).await)
}
