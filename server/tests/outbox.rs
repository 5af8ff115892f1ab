//! Email delivery through the outbox, against a real SMTP server on loopback (SPEC §8).

use crate::common::{
    smtp::{Answer, SmtpSink},
    world::{Candidate, World},
    TestApp,
};
use app::{
    core::config::MailTransport,
    core::mail::editable::{self, SaveError, TemplateError},
    core::outbox::Worker,
    domain::Purpose,
    preferences::service::NewRequest,
};
use chrono::{Duration, Utc};
use sqlx::PgPool;
use std::{collections::HashSet, sync::Arc};
use uuid::Uuid;

/// (status, attempts, last_error) of every outbox row, oldest first.
async fn rows(pool: &PgPool) -> Vec<(String, i32, Option<String>)> {
    sqlx::query_as("SELECT status, attempts, last_error FROM email_outbox ORDER BY created_at, id")
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn message_ids(pool: &PgPool) -> HashSet<String> {
    sqlx::query_scalar("SELECT message_id FROM email_outbox")
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

/// `n` candidates (person0@…, person1@…), each with a confirmation email due now.
async fn confirmations_due(world: &World, n: usize) {
    for i in 0..n {
        let person = world.candidate(&format!("person{i}@mail.example")).await;
        world
            .queue_email(&person, "candidate_confirmation", 0)
            .await;
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn candidate_emails_arrive_with_both_parts_and_one_click_unsubscribe(pool: PgPool) {
    let world = World::new(pool.clone());
    let owner = world.user("Riley Owner", "team_member").await;
    let anna = world.candidate("anna@mail.example").await;
    world.opportunity(&anna, Some(&owner), 10, None).await;
    world.request(&anna, NewRequest::Access).await;
    let sink = SmtpSink::start().await;

    let pass = world
        .postman(&sink.url(), 5)
        .drain(Utc::now())
        .await
        .unwrap();

    assert_eq!(pass.sent, 2);
    let received = sink.received();
    assert_eq!(received.len(), 2);
    let to_anna = received
        .iter()
        .find(|m| m.recipients == ["anna@mail.example"])
        .expect("the candidate's confirmation arrived");
    let queued = &world.inbox("anna@mail.example").await[0];
    assert_eq!(to_anna.subject(), queued.subject);
    assert_eq!(to_anna.from(), "candor@localhost.localdomain");
    assert!(to_anna.text().contains("http://candor.test/preferences/"));
    assert!(to_anna.html().contains("Open my data preferences"));
    let unsubscribe = to_anna.header("List-Unsubscribe").unwrap();
    assert!(
        unsubscribe.starts_with("<http://candor.test/unsubscribe/") && unsubscribe.ends_with('>'),
        "{unsubscribe}"
    );
    assert_eq!(
        to_anna.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );

    let to_owner = received
        .iter()
        .find(|m| m.recipients == [owner.email.clone()])
        .expect("the owner's alert arrived");
    assert!(to_owner.text().contains("http://candor.test/candidates/"));
    assert!(to_owner.html().contains("Open the candidate's profile"));
    assert_eq!(to_owner.header("List-Unsubscribe"), None);

    // Each message carries the Message-ID fixed on its row, and every row is now sent.
    let sent_ids: HashSet<String> = received.iter().map(|m| m.message_id()).collect();
    assert_eq!(sent_ids, message_ids(&pool).await);
    assert!(rows(&pool)
        .await
        .iter()
        .all(|(s, a, e)| s == "sent" && *a == 1 && e.is_none()));

    let again = world
        .postman(&sink.url(), 5)
        .drain(Utc::now())
        .await
        .unwrap();
    assert_eq!(again.claimed, 0);
    assert_eq!(sink.received().len(), 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn while_smtp_is_down_emails_wait_then_each_arrives_once(pool: PgPool) {
    let world = World::new(pool.clone());
    confirmations_due(&world, 3).await;
    let port = SmtpSink::free_port();
    let postman = world.postman(&format!("smtp://127.0.0.1:{port}"), 5);
    let now = Utc::now();

    let pass = postman.run_once(now).await.unwrap();
    assert_eq!((pass.claimed, pass.retried, pass.sent), (3, 3, 0));
    for (status, attempts, error) in rows(&pool).await {
        assert_eq!((status.as_str(), attempts), ("pending", 1));
        let error = error.expect("the failure is kept");
        assert_eq!(error, "could not reach the mail server");
    }
    // Not due again yet: the backoff holds them.
    assert_eq!(postman.run_once(now).await.unwrap().claimed, 0);

    let sink = SmtpSink::start_on(port).await;
    let later = now + Duration::hours(1);
    assert_eq!(postman.drain(later).await.unwrap().sent, 3);
    assert_eq!(
        postman
            .drain(later + Duration::hours(1))
            .await
            .unwrap()
            .claimed,
        0
    );

    let received = sink.received();
    assert_eq!(received.len(), 3);
    let ids: HashSet<String> = received.iter().map(|m| m.message_id()).collect();
    assert_eq!(ids, message_ids(&pool).await, "each email exactly once");
    assert!(rows(&pool)
        .await
        .iter()
        .all(|(s, a, _)| s == "sent" && *a == 2));
}

#[sqlx::test(migrations = "../migrations")]
async fn two_workers_on_one_outbox_send_each_email_once(pool: PgPool) {
    let world = World::new(pool.clone());
    confirmations_due(&world, 60).await;
    let sink = SmtpSink::start().await;
    let (first, second) = (world.postman(&sink.url(), 5), world.postman(&sink.url(), 5));
    let now = Utc::now();

    let (a, b) = tokio::join!(first.drain(now), second.drain(now));

    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sent + b.sent, 60);
    let received = sink.received();
    assert_eq!(received.len(), 60);
    let ids: HashSet<String> = received.iter().map(|m| m.message_id()).collect();
    assert_eq!(ids.len(), 60, "no email sent twice");
    assert_eq!(ids, message_ids(&pool).await);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_delayed_email_waits_for_its_time(pool: PgPool) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@mail.example").await;
    world.queue_email(&anna, "recruiter_message", 2).await;
    let sink = SmtpSink::start().await;
    let postman = world.postman(&sink.url(), 5);

    assert_eq!(postman.drain(Utc::now()).await.unwrap().claimed, 0);
    assert_eq!(
        postman
            .drain(Utc::now() + Duration::days(1))
            .await
            .unwrap()
            .claimed,
        0
    );
    assert!(sink.received().is_empty());

    assert_eq!(
        postman
            .drain(Utc::now() + Duration::days(3))
            .await
            .unwrap()
            .sent,
        1
    );
    assert_eq!(sink.received().len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn nurture_touchpoints_send_on_time_and_cancelled_ones_never(pool: PgPool) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@mail.example").await;
    let bob = world.candidate("bob@mail.example").await;
    world.schedule_outreach(&anna).await; // nurture at +7 and +30 days, a message at +2
    world.schedule_outreach(&bob).await;
    world.decide(&anna, Purpose::Contact, false).await; // cancels Anna's outreach
    let sink = SmtpSink::start().await;
    let postman = world.postman(&sink.url(), 5);
    let to = |who: &Candidate| {
        sink.received()
            .into_iter()
            .filter(|m| m.recipients == [who.email.clone()])
            .map(|m| m.subject())
            .collect::<Vec<_>>()
    };

    postman
        .drain(Utc::now() + Duration::days(10))
        .await
        .unwrap();
    let mut bobs = to(&bob);
    bobs.sort();
    assert_eq!(
        bobs,
        ["Hello", "Subject"],
        "the +7 day touchpoint and the message"
    );
    assert_eq!(world.touchpoints(&bob).await, ["sent", "scheduled"]);

    postman
        .drain(Utc::now() + Duration::days(40))
        .await
        .unwrap();
    assert_eq!(to(&bob).len(), 3);
    assert_eq!(world.touchpoints(&bob).await, ["sent", "sent"]);
    let nurture = sink
        .received()
        .into_iter()
        .find(|m| m.subject() == "Hello")
        .unwrap();
    assert!(nurture.header("List-Unsubscribe").is_some());

    // Anna stopped contact: none of her outreach ever leaves, though her confirmation may.
    assert!(
        to(&anna).iter().all(|s| s != "Hello" && s != "Subject"),
        "{:?}",
        to(&anna)
    );
    assert_eq!(world.touchpoints(&anna).await, ["cancelled", "cancelled"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_touchpoint_falling_due_after_contact_stopped_on_another_record_is_cancelled(
    pool: PgPool,
) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@mail.example").await;
    world.schedule_outreach(&anna).await;
    // A second record with the same address stops contact: the latest decision for the
    // address wins, so Anna's already-scheduled touchpoints must not go either.
    let again = world.candidate("anna@mail.example").await;
    world.decide(&again, Purpose::Contact, false).await;
    let sink = SmtpSink::start().await;

    let pass = world
        .postman(&sink.url(), 5)
        .drain(Utc::now() + Duration::days(40))
        .await
        .unwrap();

    assert_eq!(pass.touchpoints_queued, 0);
    assert_eq!(world.touchpoints(&anna).await, ["cancelled", "cancelled"]);
    assert!(sink.received().iter().all(|m| m.subject() != "Hello"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_nurture_email_fills_in_the_admins_placeholders(pool: PgPool) {
    let world = World::new(pool.clone());
    world.settings("organization_name = 'Northwind'").await;
    let bob = world.candidate("bob@mail.example").await;
    let template = editable::save(
        &mut pool.acquire().await.unwrap(),
        "spring_checkin",
        "Spring check-in",
        "News from {{ organization }}",
        "Hello {{ candidate_first_name }},\n\nStill interested? Manage your data here: {{ consent_link }}",
        None,
    )
    .await
    .unwrap();
    world.touchpoint(&bob, template, Utc::now()).await;
    let sink = SmtpSink::start().await;

    let pass = world
        .postman(&sink.url(), 5)
        .drain(Utc::now())
        .await
        .unwrap();

    assert_eq!(world.touchpoints(&bob).await, ["sent"], "{pass:?}");
    let received = sink.received();
    assert_eq!(received.len(), 1, "{pass:?} {:?}", rows(&pool).await);
    let email = &received[0];
    assert_eq!(email.subject(), "News from Northwind");
    assert!(email.text().starts_with("Hello Bob,"), "{}", email.text());
    assert!(email
        .text()
        .contains("Manage your data here: http://candor.test/preferences/"));
    // Escaped as HTML attributes are; a mail client reads it back as the plain URL.
    assert!(email
        .html()
        .contains(r#"<a href="http:&#x2f;&#x2f;candor.test&#x2f;preferences&#x2f;"#));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_permanent_rejection_ends_as_failed_after_the_allowed_attempts(pool: PgPool) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@mail.example").await;
    world.queue_email(&anna, "candidate_confirmation", 0).await;
    let sink = SmtpSink::start().await;
    sink.answer(Answer::RejectPermanently);
    let postman = world.postman(&sink.url(), 3);

    let mut at = Utc::now();
    for _ in 0..5 {
        postman.drain(at).await.unwrap();
        at += Duration::days(1);
    }

    assert_eq!(sink.rejected(), 3, "three attempts, then no more");
    assert!(sink.received().is_empty());
    let (status, attempts, error) = rows(&pool).await.remove(0);
    assert_eq!((status.as_str(), attempts), ("failed", 3));
    let error = error.unwrap();
    assert_eq!(
        error,
        "the mail server refused the email (SMTP 550, permanent)"
    );
    assert!(!error.contains("anna"), "no address in the stored error");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_email_a_crashed_worker_left_sending_is_sent_later(pool: PgPool) {
    let world = World::new(pool.clone());
    confirmations_due(&world, 2).await;
    // One claimed 20 minutes ago by a worker that died; one claimed a moment ago by a live one.
    sqlx::query(
        "UPDATE email_outbox SET status = 'sending', attempts = 1,
                claimed_at = now() - CASE WHEN recipient LIKE 'person0%' THEN interval '20 minutes'
                                          ELSE interval '1 minute' END",
    )
    .execute(&pool)
    .await
    .unwrap();
    let sink = SmtpSink::start().await;

    let pass = world
        .postman(&sink.url(), 5)
        .drain(Utc::now())
        .await
        .unwrap();

    assert_eq!((pass.reclaimed, pass.sent), (1, 1));
    assert_eq!(sink.received()[0].recipients, ["person0@mail.example"]);
    let statuses: HashSet<String> = rows(&pool).await.into_iter().map(|r| r.0).collect();
    assert_eq!(statuses, HashSet::from(["sent".into(), "sending".into()]));
}

#[sqlx::test(migrations = "../migrations")]
async fn without_smtp_each_email_is_written_as_an_eml_file(pool: PgPool) {
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@mail.example").await;
    world.request(&anna, NewRequest::Erasure).await;
    let dir = std::env::temp_dir().join(format!("candor-eml-{}", Uuid::new_v4()));
    let mut config = world.config.clone();
    config.mail = MailTransport::Files(dir.clone());
    let worker = Worker::new(pool.clone(), Arc::new(config)).unwrap();

    let pass = worker.drain(Utc::now()).await.unwrap();

    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), pass.sent);
    assert!(pass.sent >= 1);
    let confirmation = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .find(|eml| eml.contains("To: anna@mail.example"))
        .expect("the confirmation was written");
    assert!(confirmation.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(confirmation.contains("multipart/alternative"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_template_with_an_unknown_placeholder_or_a_syntax_error_is_not_saved(pool: PgPool) {
    let world = World::new(pool.clone());
    let before = world.count("email_templates").await;
    let save = |subject: &'static str, body: &'static str| {
        let pool = pool.clone();
        async move {
            let mut db = pool.acquire().await.unwrap();
            editable::save(&mut db, "welcome", "Welcome", subject, body, None).await
        }
    };

    let unknown = save("Hi", "Dear {{ candidate_surname }}")
        .await
        .unwrap_err();
    assert!(matches!(
        unknown,
        SaveError::Invalid(TemplateError::UnknownPlaceholder { ref name, .. }) if name == "candidate_surname"
    ));
    assert!(unknown.to_string().contains("{{ candidate_surname }}"));
    let broken = save("Hi {{ organization", "Body").await.unwrap_err();
    assert!(matches!(
        broken,
        SaveError::Invalid(TemplateError::Syntax { .. })
    ));
    assert_eq!(world.count("email_templates").await, before);

    let first = save("Hi {{ candidate_first_name }}", "See {{ consent_link }}")
        .await
        .unwrap();
    let second = save("Hello {{ candidate_first_name }}", "See {{ consent_link }}")
        .await
        .unwrap();
    assert_eq!(first, second, "saving again edits the same template");
    let subject: String =
        sqlx::query_scalar("SELECT subject FROM email_templates WHERE key = 'welcome'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(subject, "Hello {{ candidate_first_name }}");
}

#[sqlx::test(migrations = "../migrations")]
async fn metrics_count_the_outbox_by_status(pool: PgPool) {
    let world = World::new(pool.clone());
    confirmations_due(&world, 3).await;
    sqlx::query("UPDATE email_outbox SET status = 'failed', attempts = 3 WHERE recipient = 'person0@mail.example'")
        .execute(&pool)
        .await
        .unwrap();
    // Off unless an operator sets a token.
    assert_eq!(TestApp::new(pool.clone()).get("/metrics").await.status, 404);
    let token = "metrics-token-for-the-test";
    let app = TestApp::with_config(
        pool.clone(),
        crate::common::config_with(&pool, &[("CANDOR_METRICS_TOKEN", token)]),
    );
    assert_eq!(app.get("/metrics").await.status, 401);
    let guessed = app
        .get_with(
            "/metrics",
            &[("authorization", "Bearer metrics-token-for-the-tes")],
        )
        .await;
    assert_eq!(guessed.status, 401);
    assert!(!guessed.body.contains("candor_outbox"));

    let metrics = app
        .get_with("/metrics", &[("authorization", &format!("Bearer {token}"))])
        .await;

    assert_eq!(metrics.status, 200);
    assert!(
        metrics
            .body
            .contains("candor_outbox_emails{status=\"pending\"} 2\n"),
        "{}",
        metrics.body
    );
    assert!(metrics
        .body
        .contains("candor_outbox_emails{status=\"failed\"} 1\n"));
    assert!(metrics
        .body
        .contains("candor_outbox_emails{status=\"sent\"} 0\n"));
    assert!(!metrics.body.contains("@mail.example"));
}
