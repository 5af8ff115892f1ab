//! Postings written in the workspace (SPEC §10): created, edited, closed and reopened by the team;
//! the job board lists the published ones, their pages show the description and ask the posting's
//! questions, and a closed one refuses applications.

use crate::common::{world::World, Part, Session, TestApp, BROWSER_ACCEPT};
use app::domain::{postings::PostingForm, Role};
use app::postings::{SavePosting, SetPostingState};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

fn filled(owner: Option<Uuid>) -> PostingForm {
    PostingForm {
        title: "Data Engineer".into(),
        description: "You build our pipelines.\n\nRemote within the EU.".into(),
        country: "de".into(),
        owner: owner.map(|o| o.to_string()).unwrap_or_default(),
        questions: "Why are you interested in this role?\nWhat would you build first?".into(),
    }
}

fn create(form: PostingForm) -> SavePosting {
    SavePosting {
        id: String::new(),
        posting: form,
    }
}

fn close(posting: Uuid) -> SetPostingState {
    SetPostingState {
        posting: posting.to_string(),
        publish: None,
    }
}

fn reopen(posting: Uuid) -> SetPostingState {
    SetPostingState {
        posting: posting.to_string(),
        publish: Some("yes".into()),
    }
}

/// (title, description, country, owner, questions, state)
type Stored = (
    String,
    String,
    Option<String>,
    Option<Uuid>,
    Vec<String>,
    String,
);

async fn postings(world: &World) -> Vec<(Uuid, Stored)> {
    let ids: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM postings ORDER BY created_at")
        .fetch_all(&world.pool)
        .await
        .unwrap();
    let mut found = Vec::new();
    for id in ids {
        let row: Stored = sqlx::query_as(
            "SELECT title, description, location_country, owner_id, questions, state
               FROM postings WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&world.pool)
        .await
        .unwrap();
        found.push((id, row));
    }
    found
}

async fn apply(
    app: &TestApp,
    posting: Uuid,
    answers: &[(&'static str, &str)],
) -> crate::common::TestResponse {
    let page = app.get(&format!("/jobs/{posting}")).await.body;
    let key = page
        .split(r#"name="key" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let posting = posting.to_string();
    let mut parts = vec![
        Part::Text("posting", &posting),
        Part::Text("key", &key),
        Part::Text("name", "Mia Park"),
        Part::Text("email", "mia@example.com"),
    ];
    parts.extend(answers.iter().map(|(name, value)| Part::Text(name, value)));
    app.post_multipart_with("/api/jobs/apply", &parts, BROWSER_ACCEPT, &[])
        .await
}

async fn signed_in<'a>(
    world: &World,
    app: &'a TestApp,
    name: &str,
    role: Role,
) -> (Uuid, Session<'a>) {
    let user = world.member(name, role, PASSWORD).await;
    (
        user.id.into_uuid(),
        app.session(&user.email, PASSWORD).await,
    )
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_team_member_creates_edits_closes_and_reopens_a_posting(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (tam, browser) = signed_in(&world, &app, "Tam", Role::TeamMember).await;

    let form = browser.get("/postings/new").await;
    assert_eq!(form.status, StatusCode::OK);
    for label in [
        "Title",
        "Description (shown on the job page)",
        "Application questions, one per line",
    ] {
        assert!(form.body.contains(label), "the form has {label:?}");
    }

    // Without JavaScript: a form post, then the postings page with its notice.
    let created = browser.submit(create(filled(Some(tam)))).await;
    assert_eq!(created.status, StatusCode::FOUND);
    assert_eq!(
        created.header("location"),
        "/postings?notice=posting-saved#notice"
    );
    let stored = postings(&world).await;
    assert_eq!(stored.len(), 1);
    let (id, row) = stored[0].clone();
    assert_eq!(
        row,
        (
            "Data Engineer".into(),
            "You build our pipelines.\n\nRemote within the EU.".into(),
            Some("DE".into()),
            Some(tam),
            vec![
                "Why are you interested in this role?".into(),
                "What would you build first?".into()
            ],
            "published".into()
        )
    );
    let list = browser.get(created.header("location")).await.body;
    assert!(list.contains("The posting is saved."));
    assert!(
        list.contains("Data Engineer (DE)") && list.contains("Published") && list.contains("Tam")
    );

    // The public board lists it; its page has the description and asks both questions.
    assert!(app.get("/jobs").await.body.contains("Data Engineer"));
    let job = app.get(&format!("/jobs/{id}")).await.body;
    for text in [
        "Remote within the EU.",
        "What would you build first?",
        r#"name="answer_1""#,
    ] {
        assert!(job.contains(text), "the job page has {text:?}");
    }
    let filed = apply(
        &app,
        id,
        &[
            ("answer", "Your mission"),
            ("answer_1", "A lineage graph"),
            ("answer_7", "dropped"),
        ],
    )
    .await;
    assert_eq!(filed.status, StatusCode::FOUND, "{}", filed.body);
    let answers: Vec<(String, String)> =
        sqlx::query_as("SELECT question, answer FROM application_responses ORDER BY question")
            .fetch_all(&world.pool)
            .await
            .unwrap();
    assert_eq!(
        answers,
        [
            (
                "What would you build first?".into(),
                "A lineage graph".into()
            ),
            (
                "Why are you interested in this role?".into(),
                "Your mission".into()
            ),
        ]
    );

    // Edited with JavaScript: in place, the new title and one question.
    let edited = browser
        .invoke(SavePosting {
            id: id.to_string(),
            posting: PostingForm {
                title: "Senior Data Engineer".into(),
                owner: String::new(),
                questions: "Why us?".into(),
                ..filled(None)
            },
        })
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    let row = &postings(&world).await[0].1;
    assert_eq!(
        (row.0.as_str(), row.3, row.4.len()),
        ("Senior Data Engineer", None, 1)
    );
    assert!(browser
        .get(&format!("/postings/{id}"))
        .await
        .body
        .contains(r#"value="Senior Data Engineer""#));

    // Closed: the board drops it and its page refuses applications; reopened, it takes them.
    let closed = browser.submit(close(id)).await;
    assert_eq!(
        closed.header("location"),
        "/postings?notice=posting-closed#notice"
    );
    assert_eq!(postings(&world).await[0].1 .5, "closed");
    assert!(!app.get("/jobs").await.body.contains("Senior Data Engineer"));
    assert!(app
        .get(&format!("/jobs/{id}"))
        .await
        .body
        .contains("This job is closed"));
    let refused = apply(&app, id, &[]).await;
    assert!(
        refused
            .header("location")
            .contains("notice=invalid.posting.invalid"),
        "{}",
        refused.header("location")
    );
    assert_eq!(world.count("candidates").await, 1, "nothing filed");
    // Closing twice is closing once.
    assert_eq!(browser.invoke(close(id)).await.status, StatusCode::OK);
    assert_eq!(browser.invoke(reopen(id)).await.status, StatusCode::OK);
    assert_eq!(postings(&world).await[0].1 .5, "published");

    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'posting.%' ORDER BY at, id",
    )
    .fetch_all(&world.pool)
    .await
    .unwrap();
    assert_eq!(
        audited,
        [
            "posting.created",
            "posting.updated",
            "posting.closed",
            "posting.reopened"
        ]
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_bad_posting_is_named_and_nothing_is_saved(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (_, browser) = signed_in(&world, &app, "Ari", Role::Admin).await;
    let disabled = world.member("Gone", Role::TeamMember, PASSWORD).await;
    world.disable(&disabled).await;
    type Spoil = fn(&mut PostingForm);
    let cases: [(Spoil, &str); 5] = [
        (|f| f.title = "  ".into(), "invalid.title.required"),
        (|f| f.country = "Germany".into(), "invalid.country.invalid"),
        (
            |f| f.questions = "\n \n".into(),
            "invalid.questions.required",
        ),
        (|f| f.owner = "nobody".into(), "invalid.owner.invalid"),
        (
            |f| f.owner = Uuid::nil().to_string(),
            "invalid.owner.invalid",
        ),
    ];
    for (spoil, code) in cases {
        let mut form = filled(None);
        spoil(&mut form);
        let refused = browser.invoke(create(form.clone())).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        let plain = browser.submit(create(form)).await;
        assert_eq!(
            plain.header("location"),
            format!("/postings/new?notice={code}#notice")
        );
    }
    let to_disabled = browser
        .invoke(create(filled(Some(disabled.id.into_uuid()))))
        .await;
    assert_eq!(to_disabled.status, StatusCode::UNPROCESSABLE_ENTITY);
    let shown = browser
        .get("/postings/new?notice=invalid.questions.required")
        .await
        .body;
    assert!(shown.contains("at least one question"), "{shown}");
    assert!(postings(&world).await.is_empty());
    // An unknown posting is not found, whether edited, closed or opened.
    let unknown = Uuid::new_v4();
    let edit = browser
        .invoke(SavePosting {
            id: unknown.to_string(),
            posting: filled(None),
        })
        .await;
    assert_eq!(edit.status, StatusCode::NOT_FOUND);
    assert_eq!(
        browser.invoke(close(unknown)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser.get(&format!("/postings/{unknown}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(postings(&world).await.is_empty());
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn limited_team_members_do_not_manage_postings(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let (_, admin) = signed_in(&world, &app, "Ari", Role::Admin).await;
    admin.invoke(create(filled(None))).await;
    let id = postings(&world).await[0].0;
    let (_, limited) = signed_in(&world, &app, "Lee", Role::LimitedTeamMember).await;

    assert_eq!(limited.get("/postings").await.status, StatusCode::FORBIDDEN);
    assert!(!limited
        .get("/candidates")
        .await
        .body
        .contains(r#"href="/postings""#));
    assert!(admin
        .get("/candidates")
        .await
        .body
        .contains(r#"href="/postings""#));
    assert_eq!(
        limited.invoke(create(filled(None))).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        limited.invoke(close(id)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.invoke(close(id), &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    let stored = postings(&world).await;
    assert_eq!((stored.len(), stored[0].1 .5.as_str()), (1, "published"));
}
