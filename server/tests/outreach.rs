//! Contacting a candidate from the profile: an email from a template, now or later, nurture
//! enrolment, the warnings that need a confirmation, and the candidates nobody may contact.

use crate::common::{
    world::{Candidate, World},
    Session, TestApp,
};
use app::profile::outreach::{Enroll, SendEmail};
use app::{domain::Purpose, preferences::service::NewRequest};
use axum::http::StatusCode;
use chrono::{Duration, NaiveTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// An email as a recruiter writes it in the compose form.
struct Message {
    subject: String,
    body: String,
    later: Option<(String, String)>,
    confirmed: bool,
    draft: String,
}

impl Message {
    fn new(subject: &str, body: &str) -> Self {
        Self {
            subject: subject.into(),
            body: body.into(),
            later: None,
            confirmed: false,
            draft: Uuid::new_v4().to_string(),
        }
    }

    /// To go at `local` (a `datetime-local` value) in the IANA time zone `zone` (empty: none
    /// sent, as a form without JavaScript whose select was left alone would not be).
    fn later(mut self, local: &str, zone: &str) -> Self {
        self.later = Some((local.into(), zone.into()));
        self
    }

    fn confirmed(mut self) -> Self {
        self.confirmed = true;
        self
    }

    /// The compose form's server-function call for `candidate`.
    fn to(&self, candidate: &Candidate) -> SendEmail {
        let (when, send_at, time_zone) = match &self.later {
            Some((at, zone)) => ("later", at.clone(), zone.clone()),
            None => ("now", String::new(), String::new()),
        };
        SendEmail {
            candidate: candidate.id.to_string(),
            draft: self.draft.clone(),
            template: Some(String::new()),
            subject: self.subject.clone(),
            body: self.body.clone(),
            when: when.into(),
            send_at: Some(send_at),
            time_zone: Some(time_zone),
            confirmed: self.confirmed.then(|| "yes".into()),
        }
    }
}

/// The recruiter sends `message` to `candidate` from the profile (JavaScript on).
async fn email(recruiter: &Session<'_>, candidate: &Candidate, message: &Message) -> StatusCode {
    recruiter.invoke(message.to(candidate)).await.status
}

/// The recruiter enrolls `candidate` in `campaign`.
async fn enroll(
    recruiter: &Session<'_>,
    candidate: &Candidate,
    campaign: Uuid,
    confirmed: bool,
) -> StatusCode {
    recruiter
        .invoke(Enroll {
            candidate: candidate.id.to_string(),
            campaign: campaign.to_string(),
            confirmed: confirmed.then(|| "yes".into()),
        })
        .await
        .status
}

/// Riley, a Team Member, signed in.
async fn recruiter<'a>(world: &World, app: &'a TestApp) -> Session<'a> {
    let riley = world
        .member("Riley", app::domain::Role::TeamMember, PASSWORD)
        .await;
    app.session(&riley.email, PASSWORD).await
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_email_goes_to_the_candidate_with_their_own_working_link(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let ada = world.candidate("ada@example.com").await;

    let message = Message::new(
        "Let's talk, {{ candidate_first_name }}",
        "Hi {{ candidate_first_name }},\n\nManage your data: {{ consent_link }}\n\n{{ organization }}",
    );
    assert_eq!(email(&riley, &ada, &message).await, StatusCode::OK);

    let inbox = world.inbox(&ada.email).await;
    assert_eq!(inbox.len(), 1);
    let sent = &inbox[0];
    assert_eq!(sent.kind, "recruiter_message");
    assert_eq!(sent.subject, "Let's talk, Ada");
    assert!(sent.body_text.starts_with("Hi Ada,"));
    assert!(sent.send_after <= Utc::now());
    assert!(sent.headers["List-Unsubscribe"]
        .as_str()
        .unwrap()
        .contains("/unsubscribe/"));
    // The link in the email opens this candidate's own preferences page.
    let link = sent
        .body_text
        .split_whitespace()
        .find(|w| w.contains("/preferences/"))
        .expect("a consent link");
    let path = &link[link.find("/preferences/").unwrap()..];
    let page = app.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your data preferences"));

    // The audit row names the email by id, never its text or address.
    let audit = world.audit(&ada).await;
    let (actor, action, details) = audit.last().unwrap();
    assert_eq!((actor.as_str(), action.as_str()), ("user", "email.queued"));
    let details = details.to_string();
    assert!(!details.contains("ada@example.com") && !details.contains("Let's talk"));
    assert!(details.contains("\"warnings_confirmed\":[]"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_later_send_waits_for_its_time_and_a_revocation_cancels_it(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let ada = world.candidate("ada@example.com").await;

    // Tomorrow 09:30 for a recruiter in Lagos (UTC+01:00 all year) is 08:30 UTC.
    let tomorrow = (Utc::now() + Duration::days(1)).date_naive();
    let local = format!("{}T09:30", tomorrow.format("%Y-%m-%d"));
    let message =
        Message::new("Interview on Thursday", "See you then.").later(&local, "Africa/Lagos");
    assert_eq!(email(&riley, &ada, &message).await, StatusCode::OK);
    let queued = &world.inbox(&ada.email).await[0];
    let expected = tomorrow
        .and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap())
        .and_utc();
    assert_eq!(queued.send_after, expected);
    assert_eq!(queued.status, "pending");

    // The profile lists it under Scheduled.
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await;
    assert!(profile.body.contains("Interview on Thursday"), "scheduled");

    // Times in the past or too far ahead are refused with nothing queued.
    for (at, zone) in [
        ("2020-01-01T09:00", "UTC"),
        ("2099-01-01T09:00", "UTC"),
        (local.as_str(), "Mars/Olympus_Mons"),
    ] {
        let refused = Message::new("Too late", "x").later(at, zone);
        assert_eq!(
            email(&riley, &ada, &refused).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(world.inbox(&ada.email).await.len(), 1);

    world.decide(&ada, Purpose::Contact, false).await;
    let statuses: Vec<String> = world
        .outbox()
        .await
        .into_iter()
        .filter(|e| e.kind == "recruiter_message")
        .map(|e| e.status)
        .collect();
    assert_eq!(statuses, ["cancelled"]);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn without_a_zone_from_the_browser_the_organizations_zone_reads_the_time(pool: PgPool) {
    let world = World::new(pool.clone());
    world.settings("time_zone = 'Asia/Tokyo'").await;
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let ada = world.candidate("ada@example.com").await;
    let in_two_days = (Utc::now() + Duration::days(2)).date_naive();
    let local = format!("{}T09:30", in_two_days.format("%Y-%m-%d"));

    // The compose form's select starts at the organization's zone.
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(profile.contains(r#"<option value="Asia/Tokyo" selected"#));

    let message = Message::new("Call on Friday", "Talk soon.").later(&local, "");
    assert_eq!(email(&riley, &ada, &message).await, StatusCode::OK);
    // 09:30 in Tokyo (UTC+09:00) is 00:30 UTC.
    let expected = in_two_days
        .and_time(NaiveTime::from_hms_opt(0, 30, 0).unwrap())
        .and_utc();
    assert_eq!(world.inbox(&ada.email).await[0].send_after, expected);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_double_submit_queues_one_email(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let ada = world.candidate("ada@example.com").await;
    let message = Message::new("Hello", "Hello {{ candidate_first_name }}");
    assert_eq!(email(&riley, &ada, &message).await, StatusCode::OK);
    assert_eq!(email(&riley, &ada, &message).await, StatusCode::OK);
    assert_eq!(world.inbox(&ada.email).await.len(), 1);
    assert_eq!(
        world
            .audit(&ada)
            .await
            .iter()
            .filter(|(_, action, _)| action == "email.queued")
            .count(),
        1
    );
    // A new draft is a new email.
    let again = Message::new("Hello", "Hello again");
    assert_eq!(email(&riley, &ada, &again).await, StatusCode::OK);
    assert_eq!(world.inbox(&ada.email).await.len(), 2);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_template_mistake_is_named_and_nothing_goes(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let ada = world.candidate("ada@example.com").await;
    for message in [
        Message::new("Hi", "Dear {{ candidate_last_name }}"),
        Message::new("Hi {{ organization", "Body"),
        Message::new("  ", "Body"),
    ] {
        assert_eq!(
            email(&riley, &ada, &message).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert!(world.outbox().await.is_empty());

    // Without JavaScript the form comes back to the profile with the reason.
    let id = ada.id.to_string();
    let message = Message::new("Hi", "Dear {{ candidate_last_name }}");
    let answer = riley.submit(message.to(&ada)).await;
    assert_eq!(answer.status, StatusCode::FOUND);
    let back = answer.header("location").to_owned();
    assert!(back.starts_with(&format!("/candidates/{id}?notice=invalid.body.invalid")));
    let page = riley.get(&back).await;
    assert!(page.body.contains("placeholder Candor can"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn warnings_need_an_explicit_confirmation_before_anything_goes(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let campaign = world.campaign("Future roles", &[7, 30]).await;

    let erasing = world.candidate("erasing@example.com").await;
    world.request(&erasing, NewRequest::Erasure).await;
    let unsubscribed = world.candidate("unsubscribed@example.com").await;
    world.decide(&unsubscribed, Purpose::Contact, false).await;

    for (candidate, warnings) in [
        (&erasing, "[\"pending_erasure\",\"do_not_contact\"]"),
        (&unsubscribed, "[\"do_not_contact\"]"),
    ] {
        // The profile names the reasons next to the forms.
        let profile = riley.get(&format!("/candidates/{}", candidate.id)).await;
        assert!(profile.body.contains("Think twice before contacting"));

        let before = world.outbox().await.len();
        let message = Message::new("News", "Hello {{ consent_link }}");
        assert_eq!(
            email(&riley, candidate, &message).await,
            StatusCode::CONFLICT
        );
        assert_eq!(
            enroll(&riley, candidate, campaign, false).await,
            StatusCode::CONFLICT
        );
        assert_eq!(world.outbox().await.len(), before, "nothing queued");
        assert!(world.touchpoint_times(candidate).await.is_empty());

        assert_eq!(
            email(&riley, candidate, &message.confirmed()).await,
            StatusCode::OK
        );
        assert_eq!(
            enroll(&riley, candidate, campaign, true).await,
            StatusCode::OK
        );
        let audit = world.audit(candidate).await;
        for action in ["email.queued", "nurture.enrolled"] {
            let (_, _, details) = audit.iter().find(|(_, a, _)| a == action).unwrap();
            assert_eq!(
                details["warnings_confirmed"].to_string(),
                warnings,
                "{action}"
            );
        }
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_anonymized_candidate_cannot_be_contacted_at_all(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let campaign = world.campaign("Future roles", &[7]).await;
    let gone = world.candidate("gone@example.com").await;
    world.anonymize(&gone).await;

    let message = Message::new("Hi", "Hello").confirmed();
    assert_eq!(email(&riley, &gone, &message).await, StatusCode::CONFLICT);
    assert_eq!(
        enroll(&riley, &gone, campaign, true).await,
        StatusCode::CONFLICT
    );
    assert!(world.outbox().await.is_empty());
    assert!(world.touchpoint_times(&gone).await.is_empty());
    let profile = riley.get(&format!("/candidates/{}", gone.id)).await;
    assert!(!profile.body.contains("Send email"));
    assert!(
        profile.body.contains("they can&#39;t be contacted")
            || profile.body.contains("they can't be contacted")
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn enrolling_schedules_the_campaigns_emails_once(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = recruiter(&world, &app).await;
    let campaign = world.campaign("Future roles", &[7, 30]).await;
    let ada = world.candidate("ada@example.com").await;

    let before = Utc::now();
    assert_eq!(enroll(&riley, &ada, campaign, false).await, StatusCode::OK);
    let times = world.touchpoint_times(&ada).await;
    assert_eq!(times.len(), 2);
    for ((at, status), days) in times.iter().zip([7, 30]) {
        assert_eq!(status, "scheduled");
        let due = before + Duration::days(days);
        assert!(
            *at >= due && *at < due + Duration::minutes(1),
            "{at} vs {due}"
        );
    }
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await;
    assert!(profile.body.contains("Future roles: 2 emails left"));

    // Enrolled twice is refused while emails are still to come.
    assert_eq!(
        enroll(&riley, &ada, campaign, false).await,
        StatusCode::CONFLICT
    );
    assert_eq!(world.touchpoint_times(&ada).await.len(), 2);

    // A revocation cancels them; once contact is allowed again, the candidate may be enrolled anew.
    world.decide(&ada, Purpose::Contact, false).await;
    world.decide(&ada, Purpose::Contact, true).await;
    assert_eq!(enroll(&riley, &ada, campaign, false).await, StatusCode::OK);
    let statuses: Vec<String> = world
        .touchpoint_times(&ada)
        .await
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(statuses.iter().filter(|s| *s == "cancelled").count(), 2);
    assert_eq!(statuses.iter().filter(|s| *s == "scheduled").count(), 2);

    // An unknown campaign is a clear mistake.
    assert_eq!(
        enroll(&riley, &ada, Uuid::new_v4(), false).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
