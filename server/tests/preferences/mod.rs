//! The full effect of each candidate action (SPEC §4), against a fresh database per test.

mod languages;
mod pages;

use crate::common::world::{kinds, received, World};
use app::{
    domain::{
        preferences::{Corrections, Rectification},
        EmailAddress, Purpose, RequestKind,
    },
    error::AppError,
    preferences::{
        model::{ConsentState, LinkPage, Notice},
        service::{self, NewRequest},
    },
};
use chrono::{Months, Utc};
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_access_request_is_recorded_owners_are_told_and_the_candidate_confirmed(pool: PgPool) {
    let world = World::new(pool);
    let riley = world.user("Riley Owner", "team_member").await;
    let sam = world.user("Sam Former", "team_member").await;
    let anna = world.candidate("anna@example.com").await;
    world.opportunity(&anna, Some(&riley), 10, None).await;
    world.opportunity(&anna, Some(&sam), 400, Some(300)).await;

    let before = Utc::now();
    assert_eq!(
        world.request(&anna, NewRequest::Access).await,
        received(RequestKind::Access)
    );

    let page = world.page(&anna).await;
    let [request] = page.requests.as_slice() else {
        panic!("one request expected: {:?}", page.requests)
    };
    assert_eq!(request.kind, RequestKind::Access);
    assert!(request.received_at >= before);
    assert_eq!(
        request.due_at,
        request
            .received_at
            .checked_add_months(Months::new(1))
            .unwrap()
    );

    // Only the owner of the active opportunity hears of it.
    assert_eq!(
        world.notifications(&riley).await,
        [("data_request".into(), anna.id.into_uuid())]
    );
    assert!(world.notifications(&sam).await.is_empty());
    let alert = &world.inbox(&riley.email).await[0];
    assert_eq!(alert.kind, "owner_alert");
    assert!(alert
        .subject
        .starts_with("Copy of data request from A candidate — due "));
    assert!(alert
        .body_text
        .contains(&format!("http://candor.test/candidates/{}", anna.id)));
    assert!(
        !alert.body_text.contains(&anna.name),
        "names stay out unless the setting allows"
    );
    assert_eq!(
        alert.headers,
        serde_json::json!({}),
        "owner alerts carry no unsubscribe headers"
    );
    assert!(world.inbox(&sam.email).await.is_empty());

    let confirmation = &world.inbox(&anna.email).await[0];
    assert_eq!(confirmation.kind, "candidate_confirmation");
    assert!(confirmation
        .body_text
        .contains("We received your request for a copy of your personal data."));
    assert!(confirmation
        .body_text
        .contains("http://candor.test/preferences/"));
    assert!(confirmation.body_html.contains("Open my data preferences"));
    let unsubscribe = confirmation.headers["List-Unsubscribe"].as_str().unwrap();
    assert!(
        unsubscribe.starts_with("<http://candor.test/unsubscribe/ey"),
        "{unsubscribe}"
    );
    assert_eq!(
        confirmation.headers["List-Unsubscribe-Post"],
        "List-Unsubscribe=One-Click"
    );

    // The audit row names the kind and nothing personal.
    let audit = world.audit(&anna).await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, "candidate");
    assert_eq!(audit[0].1, "data_request.received");
    assert_eq!(audit[0].2, serde_json::json!({ "kind": "access" }));
}

/// One request, one confirmation to the candidate, one alert and one notification to the owner.
async fn assert_one_round_of_effects(
    world: &World,
    candidate: &crate::common::world::Candidate,
    owner: &crate::common::world::User,
) {
    assert_eq!(world.requests(candidate).await.len(), 1);
    assert_eq!(
        kinds(&world.inbox(&candidate.email).await),
        ["candidate_confirmation"]
    );
    assert_eq!(kinds(&world.inbox(&owner.email).await), ["owner_alert"]);
    assert_eq!(world.notifications(owner).await.len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_double_or_replayed_submit_makes_one_request(pool: PgPool) {
    let world = World::new(pool);
    let riley = world.user("Riley Owner", "team_member").await;
    let anna = world.candidate("anna@example.com").await;
    world.opportunity(&anna, Some(&riley), 10, None).await;

    let key = uuid::Uuid::new_v4().to_string();
    // Two at once (a double click) and one later (the back button and resend).
    let (a, b) = tokio::join!(
        world.request_with_key(&anna, NewRequest::Access, &key),
        world.request_with_key(&anna, NewRequest::Access, &key),
    );
    let c = world
        .request_with_key(&anna, NewRequest::Access, &key)
        .await;
    for notice in [a, b, c] {
        assert_eq!(notice, received(RequestKind::Access));
    }
    assert_one_round_of_effects(&world, &anna, &riley).await;

    // A new form (a new key) is a new request once the first one is answered.
    sqlx::query("UPDATE data_requests SET status = 'resolved', resolved_at = now(), resolution = 'data_sent'")
        .execute(&world.pool)
        .await
        .unwrap();
    assert_eq!(
        world.request(&anna, NewRequest::Access).await,
        received(RequestKind::Access)
    );
    assert_eq!(world.requests(&anna).await.len(), 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn fifty_submits_from_one_link_make_one_open_request_and_one_round_of_emails(pool: PgPool) {
    let world = World::new(pool);
    let riley = world.user("Riley Owner", "team_member").await;
    let anna = world.candidate("anna@example.com").await;
    world.opportunity(&anna, Some(&riley), 10, None).await;

    assert_eq!(
        world.request(&anna, NewRequest::Access).await,
        received(RequestKind::Access)
    );
    // Each repeat comes from a fresh page view (a fresh form key), as a script would send it.
    for _ in 0..49 {
        assert_eq!(
            world.request(&anna, NewRequest::Access).await,
            Notice::RequestAlreadyOpen(RequestKind::Access)
        );
    }
    assert_one_round_of_effects(&world, &anna, &riley).await;
    assert_eq!(
        world.audit(&anna).await.len(),
        1,
        "a repeat is not even audited"
    );

    // Another kind is its own request; so at most one alert per kind is outstanding at a time.
    world.request(&anna, NewRequest::Erasure).await;
    world.request(&anna, NewRequest::Erasure).await;
    assert_eq!(world.requests(&anna).await.len(), 2);
    assert_eq!(
        kinds(&world.inbox(&riley.email).await),
        ["owner_alert", "owner_alert"]
    );

    // The page says so, and points at the open request with its due date.
    let page = world.page(&anna).await;
    let open = page
        .requests
        .iter()
        .find(|r| r.kind == RequestKind::Access)
        .unwrap();
    assert_eq!(open.status, app::domain::RequestStatus::Open);
    let said = app::text::l10n::Tr::new(app::domain::locale::Locale::En)
        .notice(&Notice::RequestAlreadyOpen(RequestKind::Access));
    assert!(
        said.contains("already asked for a copy of your personal data"),
        "{said}"
    );
    assert!(said.contains("Nothing new was sent"), "{said}");
}

#[sqlx::test(migrations = "../migrations")]
async fn erasure_stops_contact_and_cancels_outreach_but_not_answers(pool: PgPool) {
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    world.schedule_outreach(&anna).await;
    world.queue_email(&anna, "extension_notice", 0).await;

    world.request(&anna, NewRequest::Erasure).await;

    assert_eq!(world.touchpoints(&anna).await, ["cancelled", "cancelled"]);
    let outbox = world.outbox().await;
    let status_of = |kind: &str| {
        outbox
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.status.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(status_of("recruiter_message"), ["cancelled"]);
    assert_eq!(status_of("extension_notice"), ["pending"]);
    assert_eq!(status_of("candidate_confirmation"), ["pending"]);
    assert_eq!(
        world.consent_events(&anna).await,
        [(
            "contact".into(),
            "revoked".into(),
            "preferences_page".into(),
            Some("v1".into())
        )]
    );
    assert!(!world.page(&anna).await.contact_allowed);
    let actions: Vec<String> = world.audit(&anna).await.into_iter().map(|a| a.1).collect();
    assert!(
        actions.contains(&"outreach.cancelled".to_owned()),
        "{actions:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_consent_event_records_the_lawful_basis_in_force(pool: PgPool) {
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    // Legitimate interest for both (the default): stopping contact rests on it.
    world.decide(&anna, Purpose::Contact, false).await;
    world.settings("retention_basis = 'explicit_consent'").await;
    world.decide(&anna, Purpose::Retention, true).await;
    world.decide(&anna, Purpose::Contact, true).await;
    let bases: Vec<(String, String)> = sqlx::query_as(
        "SELECT purpose, basis FROM consent_events WHERE candidate_id = $1 ORDER BY at, id",
    )
    .bind(anna.id.into_uuid())
    .fetch_all(&world.pool)
    .await
    .unwrap();
    let bases: Vec<(&str, &str)> = bases
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        bases,
        [
            ("contact", "legitimate_interest"),
            ("retention", "consent"),
            ("contact", "consent")
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn consent_is_given_and_revoked_with_the_text_version_and_revoking_cancels_outreach(
    pool: PgPool,
) {
    let world = World::new(pool);
    world
        .settings("retention_basis = 'explicit_consent', consent_text_version = 'consent-2026-11'")
        .await;
    let anna = world.candidate("anna@example.com").await;
    world.schedule_outreach(&anna).await;

    let page = world.page(&anna).await;
    assert_eq!(
        page.consents,
        [(Purpose::Retention, ConsentState::NotYetAsked)]
    );

    let given = world.decide(&anna, Purpose::Retention, true).await;
    assert_eq!(
        given,
        Notice::Changed {
            purpose: Purpose::Retention,
            allowed: true
        }
    );
    assert_eq!(
        world.decide(&anna, Purpose::Retention, true).await,
        Notice::Unchanged
    );
    assert_eq!(world.touchpoints(&anna).await, ["scheduled", "scheduled"]);
    assert_eq!(
        world.page(&anna).await.consents,
        [(Purpose::Retention, ConsentState::Given)]
    );

    world.decide(&anna, Purpose::Retention, false).await;
    assert_eq!(
        world.page(&anna).await.consents,
        [(Purpose::Retention, ConsentState::NotProvidedOrRevoked)]
    );
    let version = Some("consent-2026-11".to_owned());
    assert_eq!(
        world.consent_events(&anna).await,
        [
            (
                "retention".into(),
                "given".into(),
                "preferences_page".into(),
                version.clone()
            ),
            (
                "retention".into(),
                "revoked".into(),
                "preferences_page".into(),
                version
            ),
        ]
    );
    assert_eq!(world.touchpoints(&anna).await, ["cancelled", "cancelled"]);
    // The changes are confirmed by one email with the final choice; the unchanged click adds
    // nothing.
    let inbox = world.inbox(&anna.email).await;
    assert_eq!(kinds(&inbox), ["candidate_confirmation"]);
    assert!(inbox[0].body_text.contains("You revoked your consent"));
    let audit = world.audit(&anna).await;
    assert!(audit.iter().any(|(_, action, details)| action == "consent.recorded"
        && details == &serde_json::json!({"purpose": "retention", "decision": "revoked", "source": "preferences_page"})));
}

#[sqlx::test(migrations = "../migrations")]
async fn stopping_and_restoring_contact_follows_the_latest_decision_for_the_address(pool: PgPool) {
    let world = World::new(pool);
    let old = world.candidate("anna@example.com").await;
    let anna = world.candidate("anna@example.com").await;
    world.schedule_outreach(&anna).await;

    world.decide(&old, Purpose::Contact, false).await;
    assert!(
        !world.page(&anna).await.contact_allowed,
        "the same address stopped contact"
    );

    world.decide(&anna, Purpose::Contact, true).await;
    assert!(world.page(&anna).await.contact_allowed);
    assert!(
        world.page(&old).await.contact_allowed,
        "the latest decision wins for both"
    );
    assert_eq!(
        world.consent_events(&anna).await,
        [(
            "contact".into(),
            "restored".into(),
            "preferences_page".into(),
            Some("v1".into())
        )]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn without_an_active_opportunity_the_latest_owner_is_told_and_without_owners_the_admins(
    pool: PgPool,
) {
    let world = World::new(pool);
    let admin = world.user("Ada Admin", "admin").await;
    let chief = world.user("Cy Chief", "super_admin").await;
    let gone = world.user("Gil Gone", "super_admin").await;
    world.disable(&gone).await;
    let member = world.user("Mo Member", "team_member").await;
    let older = world.user("Ola Older", "team_member").await;
    let newer = world.user("Nia Newer", "team_member").await;

    let archived = world.candidate("archived@example.com").await;
    world
        .opportunity(&archived, Some(&older), 300, Some(200))
        .await;
    world
        .opportunity(&archived, Some(&newer), 100, Some(50))
        .await;
    world.request(&archived, NewRequest::Access).await;
    assert_eq!(kinds(&world.inbox(&newer.email).await), ["owner_alert"]);
    assert!(world.inbox(&older.email).await.is_empty());

    let unowned = world.candidate("unowned@example.com").await;
    world.opportunity(&unowned, None, 10, None).await;
    world.request(&unowned, NewRequest::Access).await;
    for user in [&admin, &chief] {
        assert_eq!(world.notifications(user).await.len(), 1, "{}", user.email);
        assert_eq!(kinds(&world.inbox(&user.email).await), ["owner_alert"]);
    }
    for user in [&gone, &member] {
        assert!(world.notifications(user).await.is_empty(), "{}", user.email);
        assert!(world.inbox(&user.email).await.is_empty());
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn owner_alerts_name_the_candidate_only_when_the_setting_allows(pool: PgPool) {
    let world = World::new(pool);
    world.settings("owner_alert_includes_name = true").await;
    let riley = world.user("Riley Owner", "team_member").await;
    let anna = world.candidate("anna@example.com").await;
    world.opportunity(&anna, Some(&riley), 10, None).await;
    world.request(&anna, NewRequest::Erasure).await;
    let alert = &world.inbox(&riley.email).await[0];
    assert!(
        alert
            .subject
            .starts_with("Erasure request from Anna Marker"),
        "{}",
        alert.subject
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rectification_keeps_the_note_and_the_corrected_values(pool: PgPool) {
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let request = Rectification {
        note: Some("My surname changed".into()),
        corrections: Corrections {
            name: Some("Anna Schmitt".into()),
            links: vec!["https://example.org/anna".into()],
            ..Default::default()
        },
    };
    world
        .request(&anna, NewRequest::Rectification(request))
        .await;
    let [(kind, status, details, corrections)] = world.requests(&anna).await.try_into().unwrap();
    assert_eq!((kind.as_str(), status.as_str()), ("rectification", "open"));
    assert_eq!(details.as_deref(), Some("My surname changed"));
    assert_eq!(
        corrections,
        Some(serde_json::json!({"name": "Anna Schmitt", "links": ["https://example.org/anna"]}))
    );
    // The audit row holds the kind only, never the note or the values.
    let audit = serde_json::to_string(&world.audit(&anna).await).unwrap();
    assert!(
        !audit.contains("Schmitt") && !audit.contains("surname"),
        "{audit}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_anonymized_candidates_link_shows_only_the_notice_and_changes_nothing(pool: PgPool) {
    let world = World::new(pool);
    world
        .settings("organization_name = 'Northwind Talent'")
        .await;
    let anna = world.candidate("anna@example.com").await;
    world.anonymize(&anna).await;

    assert_eq!(
        service::load_page(
            &world.pool,
            &world.config,
            &Default::default(),
            anna.id,
            None,
            Utc::now()
        )
        .await
        .unwrap(),
        LinkPage::Retired {
            organization: "Northwind Talent".into()
        }
    );
    let key = uuid::Uuid::new_v4().to_string();
    let err = service::submit_request(
        &world.pool,
        &world.config,
        anna.id,
        NewRequest::Access,
        &key,
        Utc::now(),
    )
    .await
    .unwrap_err();
    assert_eq!(err, AppError::LinkRetired);
    assert_eq!(world.count("data_requests").await, 0);
    assert_eq!(world.count("email_outbox").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_fresh_link_goes_only_to_a_known_address_and_once_an_hour(pool: PgPool) {
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let send = |address: &str| {
        let email = EmailAddress::parse(address).unwrap();
        let (pool, config) = (world.pool.clone(), world.config.clone());
        async move { app::core::fresh_link::queue_fresh_link(&pool, &config, &email, Utc::now()).await }
    };
    send("nobody@example.com").await.unwrap();
    assert_eq!(world.count("email_outbox").await, 0);

    send("ANNA@example.com").await.unwrap();
    send("anna@example.com").await.unwrap();
    let outbox = world.outbox().await;
    assert_eq!(kinds(&outbox), ["fresh_link"]);
    assert!(outbox[0]
        .body_text
        .contains("http://candor.test/preferences/ey"));
    assert_eq!(
        outbox[0].recipient, anna.email,
        "sent to the address on file"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn localized_mode_shows_the_country_policy_instead_of_consent(pool: PgPool) {
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    // Read once under the default settings, so the rules are held in memory from here on.
    assert_eq!(world.page(&anna).await.layout.country_policy, None);

    world
        .settings("compliance_mode = 'localized', processing_basis = 'explicit_consent'")
        .await;
    sqlx::query(
        "INSERT INTO country_policies (country, retention_days) VALUES ('DE', 180), ('FR', 365)",
    )
    .execute(&world.pool)
    .await
    .unwrap();
    let page = world.page(&anna).await;
    assert!(page.consents.is_empty());
    assert_eq!(
        page.layout.country_policy.map(|p| p.country.to_string()),
        Some("DE".into())
    );
    assert_eq!(page.retention_days, 180);

    // A policy changed by another server shows on the next page, as does a policy switched off.
    sqlx::query("UPDATE country_policies SET retention_days = 90 WHERE country = 'DE'")
        .execute(&world.pool)
        .await
        .unwrap();
    assert_eq!(world.page(&anna).await.retention_days, 90);
    sqlx::query("UPDATE country_policies SET enabled = false WHERE country = 'DE'")
        .execute(&world.pool)
        .await
        .unwrap();
    assert_eq!(world.page(&anna).await.layout.country_policy, None);
}

/// The rules read a candidate's first and latest answer per purpose (and the latest contact
/// decision of anyone sharing an address) through candidate_deciding_consent; it must pick the
/// same events the whole history (candidate_consent_events) holds, whatever the history.
#[sqlx::test(migrations = "../migrations")]
async fn the_deciding_consent_events_agree_with_the_whole_history(pool: PgPool) {
    let world = World::new(pool.clone());
    let ada = world.candidate("ada@example.com").await;
    let twin = world.candidate("ben@example.com").await;
    world.candidate("quiet@example.com").await;
    sqlx::query(
        "INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, 'ADA@example.com')",
    )
    .bind(twin.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    // A long, changing history on every purpose, and a later contact stop on the shared address.
    sqlx::query(
        "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, at)
         SELECT $1, (ARRAY['processing', 'retention', 'contact'])[1 + i % 3], 'consent',
                CASE WHEN i % 2 = 0 THEN 'given' ELSE 'revoked' END, 'preferences_page',
                now() - make_interval(mins => 1000 - i)
           FROM generate_series(1, 500) AS i",
    )
    .bind(ada.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    world.decide(&twin, Purpose::Contact, false).await;

    let disagreements: Vec<(String, String)> = sqlx::query_as(
        "WITH whole AS (SELECT c.id, h.* FROM candidates c, candidate_consent_events(c.id) h),
              chosen AS (SELECT c.id, d.* FROM candidates c, candidate_deciding_consent(c.id) d),
              expected AS (
                (SELECT DISTINCT ON (id, purpose) id, purpose, decision, at FROM whole
                  ORDER BY id, purpose, at DESC)
                UNION
                (SELECT DISTINCT ON (id, purpose) id, purpose, decision, at FROM whole
                  WHERE purpose <> 'contact' ORDER BY id, purpose, at))
         (SELECT 'missing', id::text || ' ' || purpose FROM (SELECT * FROM expected EXCEPT SELECT * FROM chosen) m)
         UNION ALL
         (SELECT 'extra', id::text || ' ' || purpose FROM (SELECT * FROM chosen EXCEPT SELECT * FROM expected) x)",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(disagreements, []);
    let chosen: i64 = sqlx::query_scalar("SELECT count(*) FROM candidate_deciding_consent($1)")
        .bind(ada.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        chosen, 5,
        "first and latest of two purposes, the latest contact decision"
    );

    // And the page reads the state from them: Ada's contact is stopped through her twin's record.
    let page = world.page(&ada).await;
    assert!(!page.contact_allowed, "{page:?}");
}

/// Changes within ten minutes of the first are confirmed by one email, sent when the ten minutes
/// are up and stating the final choice of each purpose changed; a change after that, or once
/// the email has gone, starts another.
#[sqlx::test(migrations = "../migrations")]
async fn repeated_consent_changes_are_confirmed_once_with_the_final_choice(pool: PgPool) {
    let world = World::new(pool);
    world.settings("retention_basis = 'explicit_consent'").await;
    let anna = world.candidate("anna@example.com").await;
    let start = Utc::now();
    let minutes = |m: i64| start + chrono::Duration::minutes(m);
    world
        .decide_at(&anna, Purpose::Retention, true, minutes(0))
        .await;
    world
        .decide_at(&anna, Purpose::Contact, false, minutes(3))
        .await;
    world
        .decide_at(&anna, Purpose::Retention, false, minutes(6))
        .await;
    world
        .decide_at(&anna, Purpose::Retention, true, minutes(9))
        .await;
    let inbox = world.inbox(&anna.email).await;
    assert_eq!(kinds(&inbox), ["candidate_confirmation"]);
    let burst = &inbox[0];
    assert!(
        (burst.send_after - minutes(10)).num_milliseconds().abs() <= 1,
        "sent when the window closes: {}",
        burst.send_after
    );
    assert!(burst
        .body_text
        .contains("Thank you: you gave your consent to keeping your data"));
    assert!(burst
        .body_text
        .contains("You won't be contacted about future jobs."));
    assert!(
        !burst.body_text.contains("You revoked"),
        "only the final choice: {}",
        burst.body_text
    );
    assert!(burst.body_text.contains("http://candor.test/preferences/"));

    // After the window: a new email with only what changed since.
    world
        .decide_at(&anna, Purpose::Contact, true, minutes(11))
        .await;
    let inbox = world.inbox(&anna.email).await;
    assert_eq!(inbox.len(), 2);
    assert_eq!(
        inbox[0].body_text, burst.body_text,
        "the first is as it was"
    );
    assert!(inbox[1]
        .body_text
        .contains("You may be contacted about future jobs again."));
    assert!(!inbox[1].body_text.contains("keeping your data"));

    // The outbox claims the second early (a retry); a change then starts a third.
    sqlx::query(
        "UPDATE email_outbox SET status = 'sending', claimed_at = now()
          WHERE recipient = $1 AND send_after > $2",
    )
    .bind(&anna.email)
    .bind(minutes(15))
    .execute(&world.pool)
    .await
    .unwrap();
    world
        .decide_at(&anna, Purpose::Retention, false, minutes(12))
        .await;
    let inbox = world.inbox(&anna.email).await;
    assert_eq!(inbox.len(), 3);
    assert!(inbox[2].body_text.contains("You revoked your consent"));
    assert!(!inbox[2].body_text.contains("contacted"));
}
