//! The candidate lifecycle on the profile (SPEC §10): stages, archiving, unarchiving, hiring, notes
//! and interview feedback, taken through the profile's forms, and the compliance rules reacting to
//! them: the retention clock starts at the last archive, a hire exempts from the sweep.

use crate::common::{
    world::{Candidate, User, World},
    Session, TestApp,
};
use app::domain::{sweep::Verdict, MarkReason, Role};
use app::profile::lifecycle::{AddFeedback, AddNote, TakeStep};
use app::profile::{query, Profile};
use app::sweep::service as sweep;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// A candidate's one opportunity, owned by `owner`: its id.
async fn applied(world: &World, candidate: &Candidate, owner: Option<&User>) -> Uuid {
    world.opportunity(candidate, owner, 10, None).await;
    latest_opportunity(world, candidate).await
}

async fn latest_opportunity(world: &World, candidate: &Candidate) -> Uuid {
    sqlx::query_scalar(
        "SELECT id FROM opportunities WHERE candidate_id = $1 ORDER BY created_at LIMIT 1",
    )
    .bind(candidate.id.into_uuid())
    .fetch_one(&world.pool)
    .await
    .unwrap()
}

fn step(candidate: &Candidate, opportunity: Uuid, step: &str, value: &str) -> TakeStep {
    TakeStep {
        candidate: candidate.id.to_string(),
        opportunity: opportunity.to_string(),
        step: step.into(),
        value: Some(value.into()),
    }
}

/// (stage, archived at, archive reason, hired)
async fn state(
    world: &World,
    opportunity: Uuid,
) -> (String, Option<DateTime<Utc>>, Option<String>, bool) {
    sqlx::query_as(
        "SELECT stage, archived_at, archive_reason, hired FROM opportunities WHERE id = $1",
    )
    .bind(opportunity)
    .fetch_one(&world.pool)
    .await
    .unwrap()
}

async fn events(world: &World, opportunity: Uuid) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT kind, stage FROM events WHERE opportunity_id = $1 ORDER BY at, id")
        .bind(opportunity)
        .fetch_all(&world.pool)
        .await
        .unwrap()
}

async fn profile_at(
    world: &World,
    viewer: &User,
    candidate: &Candidate,
    now: DateTime<Utc>,
) -> Profile {
    query::profile(
        &world.pool,
        &world.config,
        &viewer.as_viewer(Role::Admin),
        candidate.id.into_uuid(),
        false,
        now,
    )
    .await
    .unwrap()
}

async fn verdict_at(world: &World, candidate: &Candidate, now: DateTime<Utc>) -> Verdict {
    let mut found = None;
    sweep::decide_all(&world.pool, now, |id, verdict| {
        if id == candidate.id {
            found = Some(verdict);
        }
    })
    .await
    .unwrap();
    found.expect("the sweep decides every live candidate")
}

async fn recruiter<'a>(
    world: &World,
    app: &'a TestApp,
    name: &str,
    role: Role,
) -> (User, Session<'a>) {
    let user = world.member(name, role, PASSWORD).await;
    let session = app.session(&user.email, PASSWORD).await;
    (user, session)
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_recruiter_moves_archives_unarchives_and_hires_from_the_profile(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (riley, browser) = recruiter(&world, &app, "Riley", Role::TeamMember).await;
    let ada = world.candidate("ada@example.com").await;
    let job = applied(&world, &ada, Some(&riley)).await;
    let page = format!("/candidates/{}", ada.id);

    // The card offers the steps, labelled, with the stages in order.
    let shown = browser.get(&page).await.body;
    for text in [
        "Move to stage",
        "Archive because the candidate",
        "Mark hired",
        "Add interview feedback",
    ] {
        assert!(shown.contains(text), "the card shows {text:?}");
    }

    let moved = browser.invoke(step(&ada, job, "stage", "interview")).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(state(&world, job).await.0, "interview");
    // The same click again changes nothing and records nothing twice.
    let again = browser.invoke(step(&ada, job, "stage", "interview")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        events(&world, job).await,
        [("stage_changed".into(), Some("interview".into()))]
    );
    let shown = browser.get(&page).await.body;
    assert!(shown.contains("Interview ·"), "the card names the stage");
    assert!(
        shown.contains("Moved to Interview · by Riley"),
        "the timeline has the move"
    );

    // Archiving needs a reason; without JavaScript the form comes back with the message.
    let no_reason = browser.submit(step(&ada, job, "archive", "")).await;
    assert_eq!(no_reason.status, StatusCode::FOUND);
    assert_eq!(
        no_reason.header("location"),
        format!("{page}?notice=invalid.archive_reason.required#notice")
    );
    assert!(browser
        .get(no_reason.header("location"))
        .await
        .body
        .contains("Please choose why the opportunity is archived."));
    let odd = browser.invoke(step(&ada, job, "archive", "bored")).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(state(&world, job).await.1, None, "nothing archived");

    let archived = browser.submit(step(&ada, job, "archive", "withdrew")).await;
    assert_eq!(
        archived.header("location"),
        format!("{page}?notice=archived#notice")
    );
    let (stage, at, reason, hired) = state(&world, job).await;
    assert_eq!(
        (stage.as_str(), reason.as_deref(), hired),
        ("interview", Some("withdrew"), false)
    );
    assert!(at.is_some());
    assert!(browser.get(&page).await.body.contains("(withdrew)"));

    // An archived opportunity neither moves nor is hired until it is unarchived.
    for (what, value) in [("stage", "offer"), ("hire", ""), ("archive", "rejected")] {
        let refused = browser.invoke(step(&ada, job, what, value)).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{what}");
    }
    let unarchived = browser.invoke(step(&ada, job, "unarchive", "")).await;
    assert_eq!(unarchived.status, StatusCode::OK);
    assert_eq!(state(&world, job).await.1, None);
    let twice = browser.submit(step(&ada, job, "unarchive", "")).await;
    assert!(twice
        .header("location")
        .ends_with("notice=opportunity-active#notice"));

    let hired = browser.invoke(step(&ada, job, "hire", "")).await;
    assert_eq!(hired.status, StatusCode::OK);
    assert!(state(&world, job).await.3);
    let refused = browser.submit(step(&ada, job, "archive", "rejected")).await;
    let location = refused.header("location").to_owned();
    assert!(
        location.ends_with("notice=opportunity-hired#notice"),
        "{location}"
    );
    assert!(browser
        .get(&location)
        .await
        .body
        .contains("was hired for this opportunity"));
    assert_eq!(
        events(&world, job)
            .await
            .into_iter()
            .map(|(kind, _)| kind)
            .collect::<Vec<_>>(),
        ["stage_changed", "archived", "unarchived", "hired"]
    );

    // A tampered form names nothing and changes nothing.
    let bad = browser.invoke(step(&ada, job, "delete", "")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let elsewhere = browser
        .invoke(TakeStep {
            opportunity: "not-an-id".into(),
            ..step(&ada, job, "stage", "new")
        })
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn who_may_take_a_step_follows_the_role_and_the_record(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (lee, limited) = recruiter(&world, &app, "Lee", Role::LimitedTeamMember).await;
    let sam = world.member("Sam", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    let theirs = applied(&world, &ada, Some(&lee)).await;
    world.opportunity(&ada, Some(&sam), 5, None).await;
    let sams: Uuid = sqlx::query_scalar("SELECT id FROM opportunities WHERE owner_id = $1")
        .bind(sam.id.into_uuid())
        .fetch_one(&world.pool)
        .await
        .unwrap();

    // A Limited Team Member moves their own opportunity, not a colleague's on the same candidate.
    let own = limited.invoke(step(&ada, theirs, "stage", "screen")).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    let other = limited.invoke(step(&ada, sams, "stage", "screen")).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let feedback = limited
        .invoke(AddFeedback {
            candidate: ada.id.to_string(),
            opportunity: sams.to_string(),
            rating: "3".into(),
            body: "Fine".into(),
        })
        .await;
    assert_eq!(feedback.status, StatusCode::FORBIDDEN);
    assert_eq!(state(&world, sams).await.0, "new lead", "unchanged");
    // The page offers the forms on their card only.
    let shown = limited.get(&format!("/candidates/{}", ada.id)).await.body;
    assert_eq!(shown.matches("Move to stage").count(), 1);

    // A candidate they can't see answers as an unknown one, and so does another's opportunity id.
    let ben = world.candidate("ben@example.com").await;
    let bens = applied(&world, &ben, Some(&sam)).await;
    let hidden = limited.invoke(step(&ben, bens, "stage", "screen")).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let (_, admin) = recruiter(&world, &app, "Ari", Role::Admin).await;
    let mismatched = admin.invoke(step(&ada, bens, "stage", "screen")).await;
    assert_eq!(mismatched.status, StatusCode::NOT_FOUND);

    // Without a session: sign in first. An anonymized candidate is not worked on.
    let anonymous = app.invoke(step(&ada, theirs, "stage", "offer"), &[]).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    world.anonymize(&ben).await;
    let gone = admin.invoke(step(&ben, bens, "stage", "offer")).await;
    assert_eq!(gone.status, StatusCode::CONFLICT);
    let note = admin
        .invoke(AddNote {
            candidate: ben.id.to_string(),
            body: "Hello".into(),
        })
        .await;
    assert_eq!(note.status, StatusCode::CONFLICT);
    assert_eq!(state(&world, bens).await.0, "new lead");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn archiving_the_last_active_opportunity_starts_the_retention_clock(pool: PgPool) {
    let world = World::new(pool.clone());
    world.settings("retention_days = 30").await;
    let app = TestApp::new(pool);
    let (riley, browser) = recruiter(&world, &app, "Riley", Role::Admin).await;
    let ada = world.candidate("ada@example.com").await;
    let first = applied(&world, &ada, Some(&riley)).await;
    world.opportunity(&ada, Some(&riley), 3, None).await;
    let second: Uuid =
        sqlx::query_scalar("SELECT id FROM opportunities WHERE candidate_id = $1 AND id <> $2")
            .bind(ada.id.into_uuid())
            .bind(first)
            .fetch_one(&world.pool)
            .await
            .unwrap();
    let later = Utc::now() + Duration::days(40);

    // One of two archived: the candidacy goes on, nothing runs out.
    browser
        .invoke(step(&ada, first, "archive", "rejected"))
        .await;
    assert_eq!(verdict_at(&world, &ada, later).await, Verdict::Keep);
    assert_eq!(
        profile_at(&world, &riley, &ada, later).await.panel.deletion,
        None
    );

    // The last one archived: 30 days on, the sweep marks them and the sidebar says so, both
    // counting from that archive.
    let archived = browser
        .invoke(step(&ada, second, "archive", "position_filled"))
        .await;
    assert_eq!(archived.status, StatusCode::OK);
    let archived_at = state(&world, second).await.1.expect("archived");
    let runs_out = archived_at + Duration::days(30);
    assert_eq!(
        verdict_at(&world, &ada, runs_out - Duration::hours(1)).await,
        Verdict::Keep
    );
    let notice = profile_at(&world, &riley, &ada, later)
        .await
        .panel
        .deletion
        .expect("the sidebar marks them");
    assert_eq!(notice.reason, MarkReason::RetentionPeriodPassed);
    assert_eq!(notice.since, runs_out);
    match verdict_at(&world, &ada, later).await {
        Verdict::Waiting(swept) | Verdict::Anonymize(swept) => assert_eq!(swept, notice),
        other => panic!("the sweep agrees with the sidebar, got {other:?}"),
    }

    // Unarchived, the clock stops again.
    browser.invoke(step(&ada, second, "unarchive", "")).await;
    assert_eq!(verdict_at(&world, &ada, later).await, Verdict::Keep);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_hire_exempts_the_candidate_from_the_sweep(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (riley, browser) = recruiter(&world, &app, "Riley", Role::TeamMember).await;
    let ada = world.candidate("ada@example.com").await;
    // An old candidacy, archived past the retention period, and a new one.
    world.opportunity(&ada, Some(&riley), 1000, Some(900)).await;
    world.opportunity(&ada, Some(&riley), 1, None).await;
    let new: Uuid = sqlx::query_scalar(
        "SELECT id FROM opportunities WHERE candidate_id = $1 AND archived_at IS NULL",
    )
    .bind(ada.id.into_uuid())
    .fetch_one(&world.pool)
    .await
    .unwrap();
    let years_later = Utc::now() + Duration::days(3000);
    browser.invoke(step(&ada, new, "archive", "rejected")).await;
    assert!(matches!(
        verdict_at(&world, &ada, years_later).await,
        Verdict::Waiting(_) | Verdict::Anonymize(_)
    ));

    browser.invoke(step(&ada, new, "unarchive", "")).await;
    let hired = browser.invoke(step(&ada, new, "hire", "")).await;
    assert_eq!(hired.status, StatusCode::OK, "{}", hired.body);
    assert_eq!(verdict_at(&world, &ada, years_later).await, Verdict::Keep);
    assert_eq!(
        profile_at(&world, &riley, &ada, years_later)
            .await
            .panel
            .deletion,
        None
    );
    assert!(browser
        .get(&format!("/candidates/{}", ada.id))
        .await
        .body
        .contains("Hired"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn notes_and_feedback_are_written_on_the_profile_and_checked(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (_, browser) = recruiter(&world, &app, "Riley", Role::TeamMember).await;
    let ada = world.candidate("ada@example.com").await;
    let job = applied(&world, &ada, None).await;
    let page = format!("/candidates/{}", ada.id);
    let note = |body: &str| AddNote {
        candidate: ada.id.to_string(),
        body: body.into(),
    };
    let feedback = |rating: &str, body: &str| AddFeedback {
        candidate: ada.id.to_string(),
        opportunity: job.to_string(),
        rating: rating.into(),
        body: body.into(),
    };

    let empty = browser.submit(note("   ")).await;
    assert_eq!(
        empty.header("location"),
        format!("{page}?notice=invalid.team_note.required#notice")
    );
    let long = browser.invoke(note(&"x".repeat(10_001))).await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    for rating in ["", "0", "5", "great"] {
        let refused = browser.invoke(feedback(rating, "Sharp")).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{rating:?}"
        );
    }
    assert_eq!(
        world.count("notes").await + world.count("feedback").await,
        0
    );

    let saved = browser.submit(note("Call back in spring")).await;
    assert_eq!(
        saved.header("location"),
        format!("{page}?notice=note-added#notice")
    );
    let rated = browser.invoke(feedback("4", "Sharp and kind")).await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.body);
    let shown = browser.get(&page).await.body;
    for text in [
        "Call back in spring",
        "Sharp and kind",
        "Strong yes",
        "Riley",
    ] {
        assert!(shown.contains(text), "the profile shows {text:?}");
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_limited_team_member_sees_and_works_on_what_they_are_assigned_to(pool: PgPool) {
    use app::profile::lifecycle::SetAssignee;
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (lee, limited) = recruiter(&world, &app, "Lee", Role::LimitedTeamMember).await;
    let (_, admin) = recruiter(&world, &app, "Ari", Role::Admin).await;
    let sam = world.member("Sam", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    let job = applied(&world, &ada, Some(&sam)).await;
    let profile = format!("/candidates/{}", ada.id);
    let assign = |member: Uuid, yes: bool| SetAssignee {
        candidate: ada.id.to_string(),
        opportunity: job.to_string(),
        member: member.to_string(),
        assign: yes.then(|| "yes".into()),
    };

    // Before: Ada is out of Lee's reach, as an unknown candidate is.
    assert_eq!(limited.get(&profile).await.status, StatusCode::NOT_FOUND);
    assert!(!limited.get("/candidates").await.body.contains("Ada Marker"));

    // An Admin assigns Lee from the card (without JavaScript: back to the profile).
    let shown = admin.get(&profile).await.body;
    assert!(shown.contains("Assign a colleague") && shown.contains("No colleague is assigned"));
    let assigned = admin.submit(assign(lee.id.into_uuid(), true)).await;
    assert_eq!(
        assigned.header("location"),
        format!("{profile}?notice=assigned#notice")
    );
    let shown = admin.get(&profile).await.body;
    assert!(shown.contains(r#"aria-label="Remove Lee from this opportunity""#));
    // Assigning again changes nothing.
    assert_eq!(
        admin.invoke(assign(lee.id.into_uuid(), true)).await.status,
        StatusCode::OK
    );
    assert_eq!(world.count("opportunity_assignees").await, 1);

    // Now Lee sees Ada, in the list and on her profile, and works on the opportunity; but a
    // Limited Team Member assigns nobody.
    assert_eq!(limited.get(&profile).await.status, StatusCode::OK);
    assert!(limited.get("/candidates").await.body.contains("Ada Marker"));
    let moved = limited.invoke(step(&ada, job, "stage", "screen")).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert!(!limited
        .get(&profile)
        .await
        .body
        .contains("Assign a colleague"));
    let refused = limited.invoke(assign(sam.id.into_uuid(), true)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // A disabled account or a made-up id is not assigned.
    let gone = world.member("Gone", Role::TeamMember, PASSWORD).await;
    world.disable(&gone).await;
    let disabled = admin.invoke(assign(gone.id.into_uuid(), true)).await;
    assert_eq!(disabled.status, StatusCode::UNPROCESSABLE_ENTITY);
    let made_up = admin
        .invoke(SetAssignee {
            member: "someone".into(),
            ..assign(lee.id.into_uuid(), true)
        })
        .await;
    assert_eq!(made_up.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Taken off again, Lee loses sight of Ada.
    let removed = admin.invoke(assign(lee.id.into_uuid(), false)).await;
    assert_eq!(removed.status, StatusCode::OK);
    assert_eq!(limited.get(&profile).await.status, StatusCode::NOT_FOUND);
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'opportunity.%' ORDER BY at, id",
    )
    .fetch_all(&world.pool)
    .await
    .unwrap();
    assert_eq!(audited, ["opportunity.assigned", "opportunity.unassigned"]);
}
