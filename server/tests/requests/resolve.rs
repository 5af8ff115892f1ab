//! Resolving a candidate's access and rectification requests from their banners: the copy of
//! their data with its JSON export, delivered over SMTP; corrections applied one field at a time;
//! "Mark as resolved"; and erasure, which only anonymizing resolves.

use crate::common::{
    smtp::SmtpSink,
    world::{Candidate, User, World},
    Session, TestApp,
};
use app::email_confirm::ConfirmEmail;
use app::profile::requests::{ApplyCorrection, ResolveRequest, SendPersonalData};
use app::{
    domain::{
        preferences::{Corrections, Rectification},
        Role,
    },
    preferences::service::NewRequest,
};
use axum::http::StatusCode;
use chrono::Utc;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// Ada, with an application that has an answer and a cover letter, and an open request.
async fn ada_asks(world: &World, owner: &User, request: NewRequest) -> (Candidate, Uuid) {
    let ada = world.candidate("ada@example.com").await;
    sqlx::query(
        "WITH posting AS (INSERT INTO postings (title) VALUES ('Engine designer') RETURNING id),
              opportunity AS (INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin)
                              SELECT $1, id, $2, 'applied' FROM posting RETURNING id),
              answer AS (INSERT INTO application_responses (opportunity_id, question, answer)
                         SELECT id, 'Why us?', 'Analytical engines' FROM opportunity)
         INSERT INTO application_comments (opportunity_id, body) SELECT id, 'My cover letter' FROM opportunity",
    )
    .bind(ada.id.into_uuid())
    .bind(owner.id.into_uuid())
    .execute(&world.pool)
    .await
    .unwrap();
    world.request_received(&ada, request, 2).await;
    let id = sqlx::query_scalar("SELECT id FROM data_requests WHERE candidate_id = $1")
        .bind(ada.id.into_uuid())
        .fetch_one(&world.pool)
        .await
        .unwrap();
    (ada, id)
}

fn assert_shows(page: &str, texts: &[&str]) {
    for text in texts {
        assert!(page.contains(text), "the page shows {text:?}");
    }
}

async fn request_state(world: &World, request: Uuid) -> (String, Option<String>) {
    sqlx::query_as("SELECT status, resolution FROM data_requests WHERE id = $1")
        .bind(request)
        .fetch_one(&world.pool)
        .await
        .unwrap()
}

/// The value of a hidden or text input named `name` in the page's first form that has one.
fn input_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} input"));
    let tag_start = page[..at].rfind('<').unwrap();
    let tag = &page[tag_start..tag_start + page[tag_start..].find('>').unwrap()];
    let value = tag.split("value=\"").nth(1).expect("a value");
    value[..value.find('"').unwrap()].to_owned()
}

/// "Apply" beside one corrected field of a rectification request.
async fn apply_correction(
    recruiter: &Session<'_>,
    candidate: &Candidate,
    request: Uuid,
    field: &str,
) -> StatusCode {
    let (candidate, request) = (candidate.id.to_string(), request.to_string());
    recruiter
        .invoke(ApplyCorrection {
            candidate,
            request,
            field: field.into(),
        })
        .await
        .status
}

async fn resolve(recruiter: &Session<'_>, candidate: &Candidate, request: Uuid) -> StatusCode {
    let (candidate, request) = (candidate.id.to_string(), request.to_string());
    recruiter
        .invoke(ResolveRequest { candidate, request })
        .await
        .status
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_access_request_gets_the_edited_copy_with_its_json_export_then_is_resolved(
    pool: PgPool,
) {
    let world = World::new(pool.clone());
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let (ada, request) = ada_asks(&world, &recruiter, NewRequest::Access).await;
    let app = TestApp::new(pool.clone());
    let session = app.session(&recruiter.email, PASSWORD).await;
    let profile = format!("/candidates/{}", ada.id);

    // The draft is filled from all their opportunities.
    let page = session.get(&profile).await.body;
    assert_shows(
        &page,
        &[
            "Send personal data",
            "Phone numbers: +49 30 1234567",
            "Why us?",
            "Analytical engines",
            "My cover letter",
            "Application answers — Engine designer",
        ],
    );
    let draft = input_value(&page, "draft");

    // The recruiter trims the text and leaves the answers out of the export.
    let send = || SendPersonalData {
        candidate: ada.id.to_string(),
        request: request.to_string(),
        draft: draft.clone(),
        subject: "Your data".into(),
        body: "Hello Ada,\n\nName: Ada Marker\nPhone: +49 30 1234567\n\nKind regards".into(),
        include: Some(
            [("contact", "yes"), ("comments-0", "yes")]
                .map(|(part, yes)| (part.to_owned(), yes.to_owned()))
                .into(),
        ),
    };
    assert_eq!(session.invoke(send()).await.status, StatusCode::OK);
    // The same draft submitted again (a double click) queues nothing more.
    assert_eq!(session.invoke(send()).await.status, StatusCode::OK);
    let packages: Vec<_> = world
        .inbox("ada@example.com")
        .await
        .into_iter()
        .filter(|e| e.kind == "access_package")
        .collect();
    assert_eq!(packages.len(), 1);
    assert_eq!(packages[0].data_request_id, Some(request));
    assert_eq!(request_state(&world, request).await, ("open".into(), None));
    assert!(session
        .get(&profile)
        .await
        .body
        .contains("A copy of their data was sent on"));

    // Delivered over SMTP with the export attached.
    let sink = SmtpSink::start().await;
    world
        .postman(&sink.url(), 5)
        .drain(Utc::now())
        .await
        .unwrap();
    let mail = sink
        .received()
        .into_iter()
        .find(|m| m.subject() == "Your data")
        .expect("the copy arrived");
    assert_eq!(mail.recipients, ["ada@example.com"]);
    assert!(mail.text().contains("Phone: +49 30 1234567"));
    let export: serde_json::Value =
        serde_json::from_slice(&mail.attachment("personal-data.json").expect("attached")).unwrap();
    assert_eq!(export["format"], "candor.personal-data.v1");
    assert_eq!(export["candidate"]["emails"][0], "ada@example.com");
    assert_eq!(
        export["opportunities"][0]["application_comments"][0],
        "My cover letter"
    );
    assert!(
        export["opportunities"][0]
            .get("application_responses")
            .is_none(),
        "left out: {export}"
    );

    // Then "Mark as resolved": the banner goes; a second click is told it's closed.
    assert_eq!(resolve(&session, &ada, request).await, StatusCode::OK);
    assert_eq!(
        request_state(&world, request).await,
        ("resolved".into(), Some("data_sent".into()))
    );
    assert!(!session
        .get(&profile)
        .await
        .body
        .contains("Send personal data"));
    assert_eq!(resolve(&session, &ada, request).await, StatusCode::CONFLICT);
    let actions: Vec<String> = world
        .audit(&ada)
        .await
        .into_iter()
        .map(|(_, a, _)| a)
        .collect();
    assert!(actions.contains(&"data_request.data_sent".to_owned()));
    assert!(actions.contains(&"data_request.resolved".to_owned()));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_rectification_is_applied_field_by_field_then_resolved(pool: PgPool) {
    let world = World::new(pool.clone());
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    // Contact details are a profile manager's to change.
    world.grant(&recruiter, "manage_profiles").await;
    let corrections = Corrections {
        name: Some("Ada Lovelace".into()),
        email: Some("ada.lovelace@example.com".into()),
        phone: Some("+44 20 7946 0958".into()),
        links: vec!["https://ada.dev".into()],
        ..Corrections::default()
    };
    let (ada, request) = ada_asks(
        &world,
        &recruiter,
        NewRequest::Rectification(Rectification {
            note: Some("I married; my name and address changed.".into()),
            corrections,
        }),
    )
    .await;
    let app = TestApp::new(pool.clone());
    let session = app.session(&recruiter.email, PASSWORD).await;
    let profile = format!("/candidates/{}", ada.id);

    let page = session.get(&profile).await.body;
    assert_shows(
        &page,
        &[
            "View note",
            "I married; my name and address changed.",
            "Ada Marker",
            "Ada Lovelace",
            "Send the corrected email address a confirmation link",
        ],
    );

    let apply = |field: &'static str| apply_correction(&session, &ada, request, field);
    assert_eq!(apply("name").await, StatusCode::OK);
    assert_eq!(apply("email").await, StatusCode::OK);
    assert_eq!(
        apply("email").await,
        StatusCode::OK,
        "applying twice changes nothing"
    );
    // The corrected address is not trusted on the candidate's word: it gets a confirmation link
    // (once), and everything still goes to the address on file until it is followed.
    let sent = world.inbox("ada.lovelace@example.com").await;
    assert_eq!(crate::common::world::kinds(&sent), ["email_confirmation"]);
    assert_eq!(
        sent[0].headers,
        serde_json::json!({}),
        "no unsubscribe link for an unconfirmed address"
    );
    let link = sent[0]
        .body_text
        .lines()
        .find(|l| l.starts_with("http://candor.test/confirm-email/"))
        .expect("a confirmation link")
        .trim_start_matches("http://candor.test")
        .to_owned();
    let primary = || async {
        sqlx::query_scalar::<_, String>(
            "SELECT email FROM candidate_emails WHERE candidate_id = $1 AND is_primary",
        )
        .bind(ada.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    assert_eq!(primary().await, ada.email, "unchanged until confirmed");
    let page = session.get(&profile).await.body;
    assert!(page.contains("Confirmation link sent; waiting for the candidate"));

    // A forged or altered link confirms nothing.
    let forged = app.get(&format!("{link}x")).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    assert!(forged.body.contains("confirmation link isn"));
    // GET only asks (mail scanners fetch links); the button confirms.
    let asked = app.get(&link).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("ada.lovelace@example.com"));
    assert!(asked.body.contains("Yes, this is my address"));
    assert_eq!(primary().await, ada.email);
    let token = link.trim_start_matches("/confirm-email/").to_owned();
    let confirmed = app
        .submit(
            ConfirmEmail {
                token: token.clone(),
            },
            &[],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::FOUND);
    assert!(confirmed.header("location").contains("notice=confirmed"));
    assert!(app
        .get(confirmed.header("location"))
        .await
        .body
        .contains("will write to you at ada.lovelace@example.com from now on"));
    app.submit(ConfirmEmail { token }, &[]).await;
    assert_eq!(
        apply("location").await,
        StatusCode::NOT_FOUND,
        "not asked for"
    );
    let (name, emails, phones): (String, Vec<String>, Vec<String>) = sqlx::query_as(
        "SELECT c.name, ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id AND e.is_primary),
                c.phones
           FROM candidates c WHERE c.id = $1",
    )
    .bind(ada.id.into_uuid())
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(name, "Ada Lovelace");
    assert_eq!(emails, ["ada.lovelace@example.com"]);
    assert_eq!(phones, ["+49 30 1234567"], "not applied yet");
    let applied: Vec<serde_json::Value> = world
        .audit(&ada)
        .await
        .into_iter()
        .filter(|(_, action, _)| action == "data_request.correction_applied")
        .map(|(_, _, details)| details)
        .collect();
    assert_eq!(applied, [serde_json::json!({ "field": "name" })]);
    let actions: Vec<String> = world
        .audit(&ada)
        .await
        .into_iter()
        .map(|(_, action, _)| action)
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "data_request.email_confirmation_sent")
            .count(),
        1
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "candidate.email_confirmed")
            .count(),
        1,
        "confirming twice is confirming once"
    );

    // The page shows what is applied and suggests telling the candidate.
    let page = session.get(&profile).await.body;
    assert!(page.contains("Suggested email to the candidate"));
    assert!(page.contains("we corrected the details we hold about you: name, email address"));

    assert_eq!(resolve(&session, &ada, request).await, StatusCode::OK);
    assert_eq!(
        request_state(&world, request).await,
        ("resolved".into(), Some("updated".into()))
    );
    assert_eq!(
        apply("phone").await,
        StatusCode::CONFLICT,
        "the request is closed"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_erasure_request_is_resolved_only_by_anonymizing(pool: PgPool) {
    let world = World::new(pool.clone());
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let (ada, request) = ada_asks(&world, &recruiter, NewRequest::Erasure).await;
    let app = TestApp::new(pool.clone());
    let session = app.session(&recruiter.email, PASSWORD).await;
    assert_eq!(resolve(&session, &ada, request).await, StatusCode::CONFLICT);
    assert_eq!(request_state(&world, request).await, ("open".into(), None));

    // A Limited Team Member who owns none of Ada's opportunities can't resolve anything.
    let stranger = world
        .member("Lou Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let (bob, access) = {
        let bob = world.candidate("bob@example.com").await;
        world.opportunity(&bob, Some(&recruiter), 3, None).await;
        world.request_received(&bob, NewRequest::Access, 1).await;
        let id: Uuid = sqlx::query_scalar("SELECT id FROM data_requests WHERE candidate_id = $1")
            .bind(bob.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
        (bob, id)
    };
    let stranger = app.session(&stranger.email, PASSWORD).await;
    assert_eq!(
        resolve(&stranger, &bob, access).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(request_state(&world, access).await, ("open".into(), None));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn contact_corrections_need_a_profile_manager(pool: PgPool) {
    let world = World::new(pool.clone());
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let (ada, request) = ada_asks(
        &world,
        &recruiter,
        NewRequest::Rectification(Rectification {
            note: None,
            corrections: Corrections {
                name: Some("Ada Lovelace".into()),
                email: Some("ada.lovelace@example.com".into()),
                phone: Some("+44 20 7946 0958".into()),
                ..Corrections::default()
            },
        }),
    )
    .await;
    let app = TestApp::new(pool.clone());
    let session = app.session(&recruiter.email, PASSWORD).await;
    let apply = |field: &'static str| apply_correction(&session, &ada, request, field);
    let page = session.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(page.contains(
        "Contact details are changed by someone with the permission to manage profiles."
    ));

    assert_eq!(apply("email").await, StatusCode::FORBIDDEN);
    assert_eq!(apply("phone").await, StatusCode::FORBIDDEN);
    // Nothing changed: no unconfirmed address, no email to it, the phone as it was, no audit.
    assert_eq!(world.count("email_confirmations").await, 0);
    assert!(world.inbox("ada.lovelace@example.com").await.is_empty());
    let phones: Vec<String> = sqlx::query_scalar("SELECT phones FROM candidates WHERE id = $1")
        .bind(ada.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(phones, ["+49 30 1234567"]);
    assert!(world
        .audit_actions()
        .await
        .iter()
        .all(|a| !a.starts_with("data_request.correction") && !a.contains("confirmation")));

    // The name is no contact detail: any team member who sees the candidate applies it.
    assert_eq!(apply("name").await, StatusCode::OK);
}
