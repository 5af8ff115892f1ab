//! Adding a candidate by hand (SPEC §5): the candidate, their opportunity, and — when GDPR
//! protects them — the data-collection notice with their personal link, delivered over SMTP.

use crate::common::{smtp::SmtpSink, world::World, TestApp};
use app::domain::{sourcing::SourcedForm, Role};
use app::sourcing::AddCandidate;
use axum::http::StatusCode;
use chrono::Utc;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

async fn added(
    pool: &PgPool,
    email: &str,
) -> Option<(Uuid, String, Option<String>, String, Option<Uuid>)> {
    sqlx::query_as(
        "SELECT c.id, c.name, c.location_country, o.origin, o.owner_id
           FROM candidates c
           JOIN candidate_emails e ON e.candidate_id = c.id
           JOIN opportunities o ON o.candidate_id = c.id
          WHERE e.email = $1",
    )
    .bind(email)
    .fetch_optional(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_candidate_gdpr_protects_is_sent_the_notice_with_their_link(pool: PgPool) {
    let world = World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', gdpr_scope = 'eu_only'")
        .await;
    let robin = world
        .member("Robin Recruiter", Role::TeamMember, PASSWORD)
        .await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;

    let form = browser.get("/candidates/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Add a candidate"));
    assert!(form.body.contains(r#"name="candidate[email]""#));

    let answer = browser
        .submit(AddCandidate {
            candidate: SourcedForm {
                name: "Mia Park".into(),
                email: "mia@example.com".into(),
                phone: "+49 30 555 0101".into(),
                country: "de".into(),
                posting: String::new(),
            },
        })
        .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    let (id, name, country, origin, owner) = added(&pool, "mia@example.com").await.expect("added");
    assert_eq!(
        answer.header("location"),
        format!("/candidates/{id}?notice=added-notice#notice")
    );
    assert_eq!(
        (name.as_str(), country.as_deref(), origin.as_str(), owner),
        (
            "Mia Park",
            Some("DE"),
            "sourced",
            Some(robin.id.into_uuid())
        )
    );
    let profile = browser.get(answer.header("location")).await.body;
    assert!(profile.contains("the data-collection notice with their personal link is on its way"));
    assert!(profile.contains("Data-collection notice queued on"));

    // Delivered over SMTP: the notice carries a link that opens their page.
    let sink = SmtpSink::start().await;
    world
        .postman(&sink.url(), 3)
        .drain(Utc::now())
        .await
        .unwrap();
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let email = &received[0];
    assert_eq!(
        email.subject(),
        "How Candor demo organization uses your personal data"
    );
    let text = email.text();
    assert!(text.contains("Hello Mia,"));
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/preferences/"))
        .expect("the personal link");
    let path = &link[link.find("/preferences/").unwrap()..];
    let page = app.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your data preferences"));
    assert!(email.header("List-Unsubscribe").is_some());
    let profile = browser.get(&format!("/candidates/{id}")).await.body;
    assert!(
        profile.contains("Data-collection notice sent on"),
        "{profile}"
    );

    let audit: Vec<(String, serde_json::Value)> =
        sqlx::query_as("SELECT action, details FROM audit_log WHERE candidate_id = $1")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, "candidate.added");
    assert_eq!(audit[0].1["notice_queued"], true);
    assert!(
        !audit[0].1.to_string().contains("mia"),
        "ids only in the audit log"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn outside_gdpr_no_notice_goes_but_a_posting_in_the_eea_brings_one(pool: PgPool) {
    let world = World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', gdpr_scope = 'eu_only'")
        .await;
    let robin = world
        .member("Robin Recruiter", Role::TeamMember, PASSWORD)
        .await;
    let dublin: Uuid = sqlx::query_scalar(
        "INSERT INTO postings (title, location_country) VALUES ('Engineer, Dublin', 'IE') RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;

    let us = browser
        .invoke(AddCandidate {
            candidate: SourcedForm {
                name: "Sam Lee".into(),
                email: "sam@example.com".into(),
                country: "US".into(),
                ..Default::default()
            },
        })
        .await;
    assert_eq!(us.status, StatusCode::OK, "{}", us.body);
    assert!(us.body.contains("notice=added"), "{}", us.body);
    assert!(!us.body.contains("added-notice"));

    let posting = dublin.to_string();
    let for_dublin = browser
        .invoke(AddCandidate {
            candidate: SourcedForm {
                name: "Kai Ito".into(),
                email: "kai@example.com".into(),
                country: "US".into(),
                posting: posting.clone(),
                ..Default::default()
            },
        })
        .await;
    assert!(
        for_dublin.body.contains("added-notice"),
        "{}",
        for_dublin.body
    );
    let page = browser.get("/candidates/new").await.body;
    assert!(page.contains("Engineer, Dublin (IE)"));

    let notices: Vec<String> =
        sqlx::query_scalar("SELECT recipient FROM email_outbox WHERE kind = 'gdpr_notice'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(notices, vec!["kai@example.com".to_owned()]);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_mistake_is_named_and_nothing_is_added(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world
        .member("Robin Recruiter", Role::TeamMember, PASSWORD)
        .await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;

    let refused = browser
        .submit(AddCandidate {
            candidate: SourcedForm {
                name: "Mia Park".into(),
                email: "mia at example".into(),
                ..Default::default()
            },
        })
        .await;
    assert_eq!(
        refused.header("location"),
        "/candidates/new?notice=invalid.email.invalid#notice"
    );
    let shown = browser.get(refused.header("location")).await.body;
    assert!(shown.contains("like name@example.com"), "{shown}");
    let unknown_posting = browser
        .invoke(AddCandidate {
            candidate: SourcedForm {
                name: "Mia Park".into(),
                email: "mia@example.com".into(),
                posting: Uuid::nil().to_string(),
                ..Default::default()
            },
        })
        .await;
    assert_eq!(unknown_posting.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(world.count("candidates").await, 0);
    assert_eq!(world.count("email_outbox").await, 0);

    let nobody = app
        .invoke(
            AddCandidate {
                candidate: SourcedForm {
                    name: "X".into(),
                    email: "x@example.com".into(),
                    ..Default::default()
                },
            },
            &[],
        )
        .await;
    assert_eq!(nobody.status, StatusCode::UNAUTHORIZED);
    assert_eq!(world.count("candidates").await, 0);
}
