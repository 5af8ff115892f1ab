//! The candidate profile: what it shows, to whom, after anonymization, the consent sidebar's
//! variants and the do-not-contact banner matched by email.

use crate::common::{
    world::{Candidate, User, World},
    TestApp,
};
use app::{
    candidate_list::ListCandidates,
    domain::{
        consent_panel::{PanelVariant, PanelWarning},
        ConsentStatus, Purpose, Role, Viewer,
    },
    error::AppError,
    profile::{
        anonymize::AnonymizeCandidate,
        legal_hold::{LiftHold, PlaceHold},
        outreach::{Enroll, SendEmail},
        query,
        requests::{ExtendRequest, RefuseRequest},
        ChangeGdprCountry, LoadProfile, Profile, RecordConsent, TimelineEntry,
    },
};
use axum::http::StatusCode;
use chrono::Utc;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery staple";

async fn profile_of(world: &World, viewer: &Viewer, candidate: &Candidate) -> Profile {
    query::profile(
        &world.pool,
        &world.config,
        viewer,
        candidate.id.into_uuid(),
        false,
        Utc::now(),
    )
    .await
    .expect("profile loads")
}

/// An opportunity with an answer, a cover letter, feedback, a stage event, plus a note and an
/// attachment on the candidate.
async fn with_history(world: &World, candidate: &Candidate, owner: &User) {
    sqlx::query(
        "WITH p AS (INSERT INTO postings (title, location_country, owner_id) VALUES ('Data Engineer', 'DE', $2) RETURNING id),
              o AS (INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin, stage)
                    SELECT $1, id, $2, 'applied', 'phone screen' FROM p RETURNING id),
              r AS (INSERT INTO application_responses (opportunity_id, question, answer)
                    SELECT id, 'Why us?', 'The mission' FROM o),
              m AS (INSERT INTO application_comments (opportunity_id, body) SELECT id, 'Dear team, hello' FROM o),
              f AS (INSERT INTO feedback (opportunity_id, author_id, rating, body) SELECT id, $2, 4, 'Sharp and kind' FROM o),
              e AS (INSERT INTO events (opportunity_id, kind, stage, actor_id) SELECT id, 'stage_changed', 'phone screen', $2 FROM o)
         INSERT INTO notes (candidate_id, author_id, body) VALUES ($1, $2, 'Call back in spring')",
    )
    .bind(candidate.id.into_uuid())
    .bind(owner.id.into_uuid())
    .execute(&world.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO attachments (candidate_id, file_name, media_type, bytes) VALUES ($1, 'cv.pdf', 'application/pdf', '\\x255044462d')",
    )
    .bind(candidate.id.into_uuid())
    .execute(&world.pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_profile_shows_opportunities_contact_details_what_was_sent_and_a_timeline(
    pool: PgPool,
) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    with_history(&world, &ada, &robin).await;
    world.decide(&ada, Purpose::Contact, false).await;

    let profile = profile_of(&world, &robin.as_viewer(Role::TeamMember), &ada).await;
    assert_eq!(profile.name, "Ada Marker");
    let contact = profile.contact.as_ref().expect("contact details");
    assert_eq!(contact.emails, ["ada@example.com"]);
    assert_eq!(contact.phones, ["+49 30 1234567"]);
    let opportunity = &profile.opportunities[0];
    assert_eq!(opportunity.posting.as_deref(), Some("Data Engineer"));
    assert_eq!(opportunity.owner.as_deref(), Some("Robin"));
    assert_eq!(
        opportunity.responses,
        [("Why us?".to_owned(), "The mission".to_owned())]
    );
    assert_eq!(opportunity.comments, ["Dear team, hello"]);
    assert_eq!(
        opportunity.feedback[0].body.as_deref(),
        Some("Sharp and kind")
    );
    assert_eq!(profile.attachments[0].file_name, "cv.pdf");
    assert_eq!(profile.attachments[0].size_bytes, 5);
    assert_eq!(
        profile.notes[0].body.as_deref(),
        Some("Call back in spring")
    );
    assert!(profile
        .timeline
        .iter()
        .any(|e| matches!(e, TimelineEntry::Event { kind, .. } if kind == "stage_changed")));
    assert!(profile.timeline.iter().any(|e| matches!(
        e,
        TimelineEntry::Consent { purpose: Purpose::Contact, source, .. } if source == "preferences_page"
    )));

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates/{}", ada.id)).await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    for shown in [
        "Ada Marker",
        "ada@example.com",
        "Data Engineer",
        "The mission",
        "Dear team, hello",
        "Sharp and kind",
        "cv.pdf",
        "Call back in spring",
        "Moved to phone screen",
        "Contact about future jobs: revoked on their preferences page",
    ] {
        assert!(
            html.body.contains(shown),
            "{shown} missing from the profile"
        );
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn limited_team_members_open_only_profiles_of_their_own_opportunities(pool: PgPool) {
    let world = World::new(pool.clone());
    let lee = world.member("Lee", Role::LimitedTeamMember, PASSWORD).await;
    let tam = world.member("Tam", Role::TeamMember, PASSWORD).await;
    let mine = world.candidate("mine@example.com").await;
    let theirs = world.candidate("theirs@example.com").await;
    world.opportunity(&mine, Some(&lee), 3, None).await;
    world.opportunity(&theirs, Some(&tam), 3, None).await;

    let lee_viewer = lee.as_viewer(Role::LimitedTeamMember);
    assert_eq!(
        profile_of(&world, &lee_viewer, &mine).await.name,
        "Mine Marker"
    );
    let refused = query::profile(
        &pool,
        &world.config,
        &lee_viewer,
        theirs.id.into_uuid(),
        false,
        Utc::now(),
    )
    .await;
    assert_eq!(refused, Err(AppError::NotFound));
    let missing = query::profile(
        &pool,
        &world.config,
        &lee_viewer,
        uuid::Uuid::nil(),
        false,
        Utc::now(),
    )
    .await;
    assert_eq!(missing, Err(AppError::NotFound));

    let app = TestApp::new(pool);
    let browser = app.session(&lee.email, PASSWORD).await;
    // Someone else's candidate answers exactly as an unknown id does: no existence oracle.
    let foreign = browser.get(&format!("/candidates/{}", theirs.id)).await;
    let unknown = browser
        .get(&format!("/candidates/{}", uuid::Uuid::new_v4()))
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(!foreign.body.contains("Theirs Marker"));
    assert_eq!(
        browser.get("/candidates/not-a-uuid").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser
            .get(&format!("/candidates/{}", uuid::Uuid::nil()))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_anonymized_profile_shows_nothing_personal(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let gdpr = world.candidate("gone@example.com").await;
    let localized = world.candidate("hidden@example.com").await;
    for candidate in [&gdpr, &localized] {
        with_history(&world, candidate, &robin).await;
    }
    world.anonymize(&gdpr).await;
    // Localized mode may keep fields in the database; the profile must still hide them.
    sqlx::query("UPDATE candidates SET anonymized_at = now(), anonymization_mode = 'localized' WHERE id = $1")
        .bind(localized.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();

    let me = robin.as_viewer(Role::Admin);
    for candidate in [&gdpr, &localized] {
        let profile = profile_of(&world, &me, candidate).await;
        assert_eq!(profile.name, "Anonymized candidate");
        assert!(profile.anonymized);
        assert_eq!(profile.contact, None);
        assert!(profile.attachments.is_empty());
        assert!(profile.opportunities[0].responses.is_empty());
        assert!(profile.opportunities[0].comments.is_empty());
        assert_eq!(
            profile.opportunities[0].stage, "phone screen",
            "kept for analytics"
        );
    }
    // gdpr mode scrubbed the team's notes, so they stay readable; localized mode did not.
    assert!(profile_of(&world, &me, &gdpr).await.notes[0].body.is_some());
    assert_eq!(
        profile_of(&world, &me, &localized).await.notes[0].body,
        None
    );

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates/{}", localized.id)).await;
    assert!(html.body.contains("Anonymized candidate"));
    for personal in [
        "Hidden Marker",
        "hidden@example.com",
        "+49 30",
        "The mission",
        "cv.pdf",
    ] {
        assert!(
            !html.body.contains(personal),
            "{personal} shown after anonymization"
        );
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_sidebar_follows_the_settings_and_the_decisions(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&robin), 10, None).await;

    // Combination 4: both purposes by consent; nothing answered yet.
    world
        .settings("processing_basis = 'explicit_consent', retention_basis = 'explicit_consent'")
        .await;
    let panel = profile_of(&world, &me, &ada).await.panel;
    assert_eq!(panel.variant, PanelVariant::Gdpr);
    let statuses: Vec<_> = panel.rows.iter().map(|r| (r.purpose, r.status)).collect();
    assert_eq!(
        statuses,
        [
            (Purpose::Processing, ConsentStatus::NotYetAsked),
            (Purpose::Retention, ConsentStatus::NotYetAsked),
            (Purpose::Contact, ConsentStatus::NotYetAsked),
        ]
    );
    assert_eq!(panel.warning, None);

    world.decide(&ada, Purpose::Retention, false).await;
    let panel = profile_of(&world, &me, &ada).await.panel;
    assert_eq!(panel.warning, Some(PanelWarning::ConsentRefused));

    // Localized mode with a German policy of 90 days, every opportunity archived 100 days ago.
    world.settings("compliance_mode = 'localized'").await;
    sqlx::query("INSERT INTO country_policies (country, retention_days) VALUES ('DE', 90)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE opportunities SET archived_at = now() - interval '100 days'")
        .execute(&pool)
        .await
        .unwrap();
    let panel = profile_of(&world, &me, &ada).await.panel;
    assert!(
        matches!(panel.variant, PanelVariant::Localized { policy: Some(p) } if p.retention_days == 90)
    );
    assert!(matches!(
        panel.warning,
        Some(PanelWarning::RetentionPassed { .. })
    ));

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates/{}", ada.id)).await;
    assert!(html.body.contains("Country policy: DE"));
    assert!(html.body.contains("The retention period ended on"));
    assert!(html.body.contains("aria-label=\"Warning\""));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn do_not_contact_follows_the_latest_decision_for_an_email_across_records(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);

    // The reference's example: revoke on A; B is created with the same email → banner on B.
    let a = world.candidate("sam@example.com").await;
    world.decide(&a, Purpose::Contact, false).await;
    let b = world.candidate("SAM@example.com").await;
    assert!(profile_of(&world, &me, &a).await.panel.do_not_contact);
    assert!(profile_of(&world, &me, &b).await.panel.do_not_contact);

    // B grants contact: the banner goes from both.
    world.decide(&b, Purpose::Contact, true).await;
    assert!(!profile_of(&world, &me, &a).await.panel.do_not_contact);
    assert!(!profile_of(&world, &me, &b).await.panel.do_not_contact);

    // An anonymized record's decision survives only as an HMAC of the email, and still counts.
    let digest = world
        .config
        .hmac_key
        .digest(
            app::core::compliance::ANONYMIZED_CONTACT,
            "returning@example.com",
        )
        .to_vec();
    sqlx::query(
        "INSERT INTO anonymized_contacts (email_hmac, contact_status, decided_at) VALUES ($1, 'do_not_contact', now())",
    )
    .bind(digest)
    .execute(&pool)
    .await
    .unwrap();
    let returning = world.candidate("Returning@Example.com").await;
    assert!(
        profile_of(&world, &me, &returning)
            .await
            .panel
            .do_not_contact
    );

    let app = TestApp::new(pool);
    let browser = app.session(&robin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates/{}", returning.id)).await;
    assert!(html.body.contains("Do not contact."));
    let fine = browser.get(&format!("/candidates/{}", a.id)).await;
    assert!(!fine.body.contains("Do not contact."));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_stop_by_the_consent_rule_follows_the_email_and_outlives_anonymization(pool: PgPool) {
    let world = World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', retention_basis = 'explicit_consent'")
        .await;
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);

    // A's only opportunity was archived and consent never given: do not contact, by the rule
    // alone (no unsubscribe anywhere).
    let a = world.candidate("noor@example.com").await;
    world.opportunity(&a, Some(&robin), 90, Some(30)).await;
    let panel = profile_of(&world, &me, &a).await.panel;
    assert!(panel.do_not_contact);
    assert!(panel.stopped_by_consent_rule.is_some());

    // Noor applies again as a new record: the stop follows the email onto it, though this
    // record on its own (an active opportunity) would allow contact.
    let b = world.candidate("Noor@Example.com").await;
    world.opportunity(&b, Some(&robin), 1, None).await;
    let panel = profile_of(&world, &me, &b).await.panel;
    assert!(panel.do_not_contact);
    assert_eq!(panel.stopped_by_consent_rule, None);

    // Anonymizing A keeps the stop as "do not contact", not "allowed".
    app::core::anonymization::anonymize(&pool, &world.config, &me, a.id.into_uuid(), Utc::now())
        .await
        .expect("anonymized");
    let kept: Vec<String> = sqlx::query_scalar("SELECT contact_status FROM anonymized_contacts")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(kept, ["do_not_contact"]);
    assert!(profile_of(&world, &me, &b).await.panel.do_not_contact);

    // Noor's own page says so too, with the way back; saying yes lifts it for the team.
    let page = world.page(&b).await;
    assert!(!page.contact_allowed, "the page agrees with the profile");
    world.decide(&b, Purpose::Contact, true).await;
    assert!(world.page(&b).await.contact_allowed);
    assert!(!profile_of(&world, &me, &b).await.panel.do_not_contact);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_recruiters_country_decides_over_the_postings_countries(pool: PgPool) {
    let world = World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', gdpr_scope = 'eu_only', retention_basis = 'explicit_consent'")
        .await;
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let me = robin.as_viewer(Role::Admin);
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&robin), 3, None).await;
    sqlx::query(
        "WITH p AS (INSERT INTO postings (title, location_country) VALUES ('Analyst', 'FR') RETURNING id)
         UPDATE opportunities SET posting_id = (SELECT id FROM p) WHERE candidate_id = $1",
    )
    .bind(ada.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("UPDATE candidates SET location_country = 'US' WHERE id = $1")
        .bind(ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        profile_of(&world, &me, &ada).await.panel.variant,
        PanelVariant::Gdpr,
        "protected by the posting in France"
    );
    assert_eq!(
        world.page(&ada).await.layout.consent_purposes,
        [Purpose::Retention]
    );

    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;
    let set = |country: &str| ChangeGdprCountry {
        candidate: ada.id.to_string(),
        country: country.into(),
    };
    // A code no country has is refused, though it has two letters.
    let unassigned = browser.submit(set("XX")).await;
    assert!(unassigned
        .header("location")
        .ends_with("notice=invalid.country.invalid#notice"));
    browser.submit(set("US")).await;
    assert_eq!(
        profile_of(&world, &me, &ada).await.panel.variant,
        PanelVariant::NotProtected,
        "the recruiter's choice takes her out of scope, posting and all"
    );
    // The candidate's own page follows the same decision.
    assert!(
        world.page(&ada).await.layout.consent_purposes.is_empty(),
        "no consent asked outside GDPR"
    );
    let html = browser
        .get(&format!("/candidates/{}", ada.id))
        .await
        .markup();
    assert!(html.contains("Sweden (SE) — EU") && html.contains("Japan (JP)</option>"));
}

/// A server-function call as the page's JavaScript makes it: the answer's status, no redirect.
async fn manual_events(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM consent_events WHERE source = 'recruiter_manual'")
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn country_override(pool: &PgPool, candidate: &Candidate) -> Option<String> {
    sqlx::query_scalar("SELECT gdpr_country_override FROM candidates WHERE id = $1")
        .bind(candidate.id.into_uuid())
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn every_recruiter_function_checks_the_role_on_the_server(pool: PgPool) {
    let world = World::new(pool.clone());
    let owner = world
        .member("Lee Owner", Role::LimitedTeamMember, PASSWORD)
        .await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&owner), 3, None).await;
    let app = TestApp::new(pool.clone());

    // (who, list, profile, edit): edits need manage_profiles; Limited Team Members only reach
    // candidates of their own opportunities.
    let cases = [
        ("super_admin", Role::SuperAdmin, false, true, true),
        ("admin", Role::Admin, false, true, true),
        ("team_member", Role::TeamMember, false, true, false),
        ("manager", Role::TeamMember, true, true, true),
        ("owner", Role::LimitedTeamMember, true, true, true),
        ("stranger", Role::LimitedTeamMember, true, false, false),
    ];
    for (who, role, manage_profiles, sees_profile, edits) in cases {
        let member = if who == "owner" {
            owner.clone()
        } else {
            world.member(who, role, PASSWORD).await
        };
        if manage_profiles {
            sqlx::query("UPDATE users SET permissions = ARRAY['manage_profiles'] WHERE id = $1")
                .bind(member.id.into_uuid())
                .execute(&pool)
                .await
                .unwrap();
        }
        let cookie = app.sign_in(&member.email, PASSWORD).await.unwrap();
        let id = ada.id.to_string();
        // A candidate outside the viewer's reach answers as an unknown one: 404, not 403.
        let refused_or = |allowed: bool| {
            if allowed {
                StatusCode::OK
            } else if sees_profile {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::NOT_FOUND
            }
        };

        let as_them = [("cookie", cookie.as_str())];
        assert_eq!(
            app.invoke(
                ListCandidates {
                    search: String::new(),
                    after: None,
                    before: None,
                },
                &as_them
            )
            .await
            .status,
            StatusCode::OK,
            "{who}: list"
        );
        assert_eq!(
            app.invoke(
                LoadProfile {
                    id: id.clone(),
                    history: None
                },
                &as_them
            )
            .await
            .status,
            refused_or(sees_profile),
            "{who}: profile"
        );

        let events_before = manual_events(&pool).await;
        let country_before = country_override(&pool, &ada).await;
        let country = if country_before.as_deref() == Some("FR") {
            "AT"
        } else {
            "FR"
        };
        assert_eq!(
            app.invoke(
                ChangeGdprCountry {
                    candidate: id.clone(),
                    country: country.into()
                },
                &as_them
            )
            .await
            .status,
            refused_or(edits),
            "{who}: GDPR country"
        );
        let allow = if events_before % 2 == 0 { "no" } else { "yes" };
        assert_eq!(
            app.invoke(
                RecordConsent {
                    candidate: id.clone(),
                    purpose: "contact".into(),
                    allow: allow.into(),
                    note: "Email of 20 Nov".into()
                },
                &as_them
            )
            .await
            .status,
            refused_or(edits),
            "{who}: record consent"
        );

        // Contacting needs no permission beyond seeing the candidate.
        let messages_before = world.count("email_outbox").await;
        let email = SendEmail {
            candidate: id.clone(),
            draft: uuid::Uuid::new_v4().to_string(),
            template: None,
            subject: "Hello".into(),
            body: "Hello {{ candidate_first_name }}".into(),
            when: "now".into(),
            send_at: None,
            time_zone: None,
            confirmed: Some("yes".into()),
        };
        assert_eq!(
            app.invoke(email, &as_them).await.status,
            refused_or(sees_profile),
            "{who}: email"
        );
        let campaign = world.campaign(who, &[7]).await.to_string();
        let touchpoints_before = world.count("nurture_touchpoints").await;
        assert_eq!(
            app.invoke(
                Enroll {
                    candidate: id.clone(),
                    campaign,
                    confirmed: Some("yes".into())
                },
                &as_them
            )
            .await
            .status,
            refused_or(sees_profile),
            "{who}: enroll"
        );
        let contacted = i64::from(sees_profile);
        assert_eq!(
            world.count("email_outbox").await,
            messages_before + contacted,
            "{who}"
        );
        assert_eq!(
            world.count("nurture_touchpoints").await,
            touchpoints_before + contacted,
            "{who}"
        );

        // Extending and refusing requests: anyone who sees the candidate.
        world
            .request_received(&ada, app::preferences::service::NewRequest::Access, 1)
            .await;
        let request: uuid::Uuid = sqlx::query_scalar(
            "SELECT id FROM data_requests WHERE candidate_id = $1 ORDER BY created_at DESC LIMIT 1",
        )
        .bind(ada.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap();
        let request = request.to_string();
        let extended = app
            .invoke(
                ExtendRequest {
                    candidate: id.clone(),
                    request: request.clone(),
                    months: "1".into(),
                    reason: "Many files".into(),
                },
                &as_them,
            )
            .await;
        assert_eq!(extended.status, refused_or(sees_profile), "{who}: extend");
        let refused = app
            .invoke(
                RefuseRequest {
                    candidate: id.clone(),
                    request: request.clone(),
                    reason: "Many files".into(),
                },
                &as_them,
            )
            .await;
        assert_eq!(refused.status, refused_or(sees_profile), "{who}: refuse");
        let status: String =
            sqlx::query_scalar("SELECT status FROM data_requests WHERE id = $1::uuid")
                .bind(&request)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(
            status,
            if sees_profile { "refused" } else { "open" },
            "{who}"
        );

        // Legal holds: Admins only, on candidates they see.
        let holds = role.manages_legal_holds() && sees_profile;
        let lifted_before = world.count("legal_holds WHERE lifted_at IS NOT NULL").await;
        assert_eq!(
            app.invoke(
                PlaceHold {
                    candidate: id.clone(),
                    reason: "Tribunal claim".into()
                },
                &as_them
            )
            .await
            .status,
            refused_or(holds),
            "{who}: place hold"
        );
        assert_eq!(
            app.invoke(
                LiftHold {
                    candidate: id.clone()
                },
                &as_them
            )
            .await
            .status,
            refused_or(holds),
            "{who}: lift hold"
        );
        assert_eq!(
            world.count("legal_holds WHERE lifted_at IS NOT NULL").await,
            lifted_before + i64::from(holds),
            "{who}"
        );

        if edits {
            assert_eq!(
                country_override(&pool, &ada).await.as_deref(),
                Some(country),
                "{who}"
            );
            assert_eq!(manual_events(&pool).await, events_before + 1, "{who}");
        } else {
            assert_eq!(
                country_override(&pool, &ada).await,
                country_before,
                "{who}: unchanged"
            );
            assert_eq!(
                manual_events(&pool).await,
                events_before,
                "{who}: unchanged"
            );
        }
    }

    // Without a session, every function asks to sign in (whatever the arguments: one set
    // holds them all).
    for path in [
        ListCandidates::PATH,
        LoadProfile::PATH,
        ChangeGdprCountry::PATH,
        RecordConsent::PATH,
        SendEmail::PATH,
        Enroll::PATH,
        ExtendRequest::PATH,
        RefuseRequest::PATH,
        AnonymizeCandidate::PATH,
        PlaceHold::PATH,
        LiftHold::PATH,
    ] {
        let id = ada.id.to_string();
        let fields = [
            ("candidate", id.as_str()),
            ("id", id.as_str()),
            ("search", ""),
            ("page", "1"),
            ("country", "FR"),
            ("purpose", "contact"),
            ("allow", "no"),
            ("note", "n"),
            ("draft", id.as_str()),
            ("subject", "s"),
            ("body", "b"),
            ("when", "now"),
            ("campaign", id.as_str()),
            ("request", id.as_str()),
            ("months", "1"),
            ("reason", "r"),
            ("acknowledge", "yes"),
        ];
        let status = app.call(path, &fields, &[]).await.status;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_consent_change_received_in_writing_is_recorded_with_its_note_and_author(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.schedule_outreach(&ada).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;
    let id = ada.id.to_string();
    let page = format!("/candidates/{id}");

    // Without a note nothing is recorded, and the form says why.
    let decision = |note: &str| RecordConsent {
        candidate: id.clone(),
        purpose: "contact".into(),
        allow: "no".into(),
        note: note.into(),
    };
    let refused = browser.submit(decision("  ")).await;
    assert_eq!(refused.status, StatusCode::FOUND);
    assert_eq!(
        refused.header("location"),
        format!("{page}?notice=invalid.evidence.required#notice")
    );
    let shown = browser.get(refused.header("location")).await;
    assert!(shown.body.contains("note the candidate"), "{}", shown.body);
    assert_eq!(manual_events(&pool).await, 0);

    let recorded = browser.submit(decision("Asked by email on 20 Nov")).await;
    assert_eq!(
        recorded.header("location"),
        format!("{page}?notice=consent-recorded#notice")
    );
    let (recorded_by, note): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT recorded_by, note FROM consent_events WHERE source = 'recruiter_manual'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(recorded_by, robin.id.into_uuid());
    assert_eq!(note, "Asked by email on 20 Nov");
    // Revoking contact cancels what was scheduled, as when the candidate does it.
    assert!(world
        .touchpoints(&ada)
        .await
        .iter()
        .all(|s| s == "cancelled"));
    // The audit row names the team member, not the note.
    let audit = world.audit(&ada).await;
    assert!(audit.iter().any(|(actor, action, details)| actor == "user"
        && action == "consent.recorded"
        && !details.to_string().contains("Asked by email")));
    let profile = browser.get(&page).await;
    assert!(profile.body.contains("Do not contact."));
    assert!(profile
        .body
        .contains("in writing, recorded by the team (Robin)"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_gdpr_country_can_be_set_and_cleared_only_where_the_scope_depends_on_it(pool: PgPool) {
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&robin.email, PASSWORD).await;
    let id = ada.id.to_string();
    let override_to = |country: &str| ChangeGdprCountry {
        candidate: id.clone(),
        country: country.into(),
    };

    let bad = browser.submit(override_to("Germany")).await;
    assert!(bad
        .header("location")
        .ends_with("notice=invalid.country.invalid#notice"));
    assert_eq!(country_override(&pool, &ada).await, None);

    browser.submit(override_to("us")).await;
    assert_eq!(country_override(&pool, &ada).await.as_deref(), Some("US"));
    let me = robin.as_viewer(Role::Admin);
    let panel = profile_of(&world, &me, &ada).await.panel;
    assert_eq!(
        panel.variant,
        PanelVariant::NotProtected,
        "a US override takes them out of eu_only scope"
    );

    browser.submit(override_to("")).await;
    assert_eq!(country_override(&pool, &ada).await, None, "cleared");

    world.settings("gdpr_scope = 'all'").await;
    let refused = browser.submit(override_to("FR")).await;
    assert!(refused
        .header("location")
        .ends_with("notice=forbidden#notice"));
    assert_eq!(country_override(&pool, &ada).await, None);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn each_open_request_has_a_banner_with_its_due_date_and_urgency(pool: PgPool) {
    use app::domain::{DueState, RequestKind};
    use app::preferences::service::NewRequest;
    let world = World::new(pool.clone());
    let robin = world.member("Robin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.request_received(&ada, NewRequest::Access, 0).await;
    world.request_received(&ada, NewRequest::Erasure, 26).await;
    // Older data may hold several open requests of one kind; each still gets its banner.
    world
        .legacy_open_request(&ada, RequestKind::Access, 40)
        .await;
    // Resolved requests have no banner; an extended one counts from its new date.
    world
        .legacy_open_request(&ada, RequestKind::Access, 10)
        .await;
    world
        .legacy_open_request(&ada, RequestKind::Access, 20)
        .await;
    sqlx::query(
        "UPDATE data_requests SET status = 'resolved', resolved_at = now(), resolution = 'data_sent'
          WHERE candidate_id = $1 AND received_at < now() - interval '9 days' AND received_at > now() - interval '11 days'",
    )
    .bind(ada.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE data_requests SET extended_until = due_at + interval '1 month', extension_reason = 'Many files'
          WHERE candidate_id = $1 AND received_at < now() - interval '19 days' AND received_at > now() - interval '21 days'",
    )
    .bind(ada.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();

    let profile = profile_of(&world, &robin.as_viewer(Role::Admin), &ada).await;
    let banners: Vec<_> = profile
        .requests
        .iter()
        .map(|r| (r.kind, r.due, r.extended))
        .collect();
    assert_eq!(banners.len(), 4, "{banners:?}");
    assert!(
        matches!(banners[0], (RequestKind::Access, DueState::Overdue { days_over }, false) if days_over >= 8)
    );
    assert!(
        matches!(banners[1], (RequestKind::Erasure, DueState::DueSoon { days_left }, false) if (3..=6).contains(&days_left))
    );
    assert!(
        matches!(banners[2], (RequestKind::Access, DueState::OnTrack { days_left }, false) if days_left >= 28)
    );
    assert!(
        matches!(banners[3], (RequestKind::Access, DueState::OnTrack { days_left }, true) if days_left >= 38)
    );

    let browser = TestApp::new(pool);
    let session = browser.session(&robin.email, PASSWORD).await;
    let html = session.get(&format!("/candidates/{}", ada.id)).await.body;
    assert_eq!(html.matches(r#"class="banner request"#).count(), 4);
    assert_eq!(html.matches("banner request overdue").count(), 1);
    assert_eq!(html.matches("banner request due-soon").count(), 1);
    assert!(html.contains("Erasure request."));
    assert!(html.contains("Due soon:"));
    assert!(html.contains("extended to"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_candidate_past_the_retention_period_shows_as_marked_for_deletion(pool: PgPool) {
    let world = World::new(pool.clone());
    let admin = world.member("Ada Admin", Role::Admin, PASSWORD).await;
    world
        .settings("compliance_mode = 'gdpr', retention_days = 365, anonymization_grace_days = 30")
        .await;
    let kept = world.candidate("kept@example.com").await;
    world.opportunity(&kept, Some(&admin), 400, Some(300)).await;
    let due = world.candidate("due@example.com").await;
    world.opportunity(&due, Some(&admin), 500, Some(380)).await;
    let viewer = admin.as_viewer(Role::Admin);

    assert_eq!(
        profile_of(&world, &viewer, &kept).await.panel.deletion,
        None
    );
    let notice = profile_of(&world, &viewer, &due)
        .await
        .panel
        .deletion
        .expect("marked");
    assert_eq!(
        notice.reason,
        app::domain::MarkReason::RetentionPeriodPassed
    );
    assert_eq!((Utc::now() - notice.since).num_days(), 15);
    assert_eq!((notice.anonymize_on - notice.since).num_days(), 30);

    // The banner says why and when; a legal hold says it keeps the data.
    let app = TestApp::new(pool.clone());
    let session = app.session(&admin.email, PASSWORD).await;
    let path = format!("/candidates/{}", due.id);
    let page = session.get(&path).await.body;
    assert!(page.contains("Marked for deletion."));
    assert!(page.contains("the retention period has passed"));
    assert!(page.contains("due to be anonymized on"));
    let id = due.id.to_string();
    let held = session
        .invoke(PlaceHold {
            candidate: id,
            reason: "Audit".into(),
        })
        .await;
    assert_eq!(held.status, StatusCode::OK);
    let page = session.get(&path).await.body;
    assert!(page.contains("A legal hold keeps their data"));
    assert!(!page.contains("due to be anonymized on"));
}

/// Years of notes and consent changes: the profile shows the latest twenty notes and fifty
/// timeline entries, newest first, with links to the whole history, which shows everything.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_long_history_shows_its_latest_notes_and_timeline_with_a_link_to_the_rest(pool: PgPool) {
    let world = World::new(pool.clone());
    let admin = world.member("Ann Admin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    sqlx::query(
        "INSERT INTO notes (candidate_id, author_id, body, created_at)
         SELECT $1, $2, 'Note number ' || i, now() - make_interval(days => i)
           FROM generate_series(1, 30) AS i",
    )
    .bind(ada.id.into_uuid())
    .bind(admin.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, at)
         SELECT $1, (ARRAY['processing', 'retention'])[1 + i % 2], 'consent',
                CASE WHEN i % 4 < 2 THEN 'given' ELSE 'revoked' END, 'preferences_page',
                now() - make_interval(hours => i)
           FROM generate_series(1, 60) AS i",
    )
    .bind(ada.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    let me = admin.as_viewer(Role::Admin);
    let latest = profile_of(&world, &me, &ada).await;
    assert_eq!(latest.notes.len(), 20);
    assert!(latest.more_notes);
    assert_eq!(
        latest.notes[0].body.as_deref(),
        Some("Note number 1"),
        "newest first"
    );
    assert_eq!(latest.timeline.len(), 50);
    assert!(latest.more_history);
    let whole = query::profile(
        &pool,
        &world.config,
        &me,
        ada.id.into_uuid(),
        true,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(whole.notes.len(), 30);
    assert!(whole.timeline.len() >= 60, "{}", whole.timeline.len());
    assert!(!whole.more_notes && !whole.more_history);
    assert_eq!(
        whole.timeline[..50],
        latest.timeline[..],
        "the same latest fifty"
    );

    let app = TestApp::new(pool);
    let browser = app.session(&admin.email, PASSWORD).await;
    let html = browser.get(&format!("/candidates/{}", ada.id)).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains(&format!(
        "href=\"/candidates/{}?history=all#notes-heading\"",
        ada.id
    )));
    assert!(!html.body.contains("Note number 21"));
    let html = browser
        .get(&format!("/candidates/{}?history=all", ada.id))
        .await;
    assert!(html.body.contains("Note number 30"));
    assert!(!html.body.contains("Show all notes"));
}

/// Past applications beyond the newest five archived are one line each (title, stage, when and
/// why archived), without their forms; the active one and the newest archived are whole cards,
/// and the whole history shows every card.
#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn archived_opportunities_beyond_the_newest_five_are_one_line_each(pool: PgPool) {
    let world = World::new(pool.clone());
    let admin = world.member("Ann Admin", Role::Admin, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    sqlx::query(
        "INSERT INTO opportunities (candidate_id, owner_id, origin, created_at, archived_at, archive_reason)
         SELECT $1, $2, 'sourced', now() - make_interval(days => 10 * i),
                CASE WHEN i > 0 THEN now() - make_interval(days => 10 * i - 5) END,
                CASE WHEN i > 0 THEN 'not_selected' END
           FROM generate_series(0, 8) AS i",
    )
    .bind(ada.id.into_uuid())
    .bind(admin.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    let me = admin.as_viewer(Role::Admin);
    let profile = profile_of(&world, &me, &ada).await;
    let folded: Vec<bool> = profile.opportunities.iter().map(|o| o.folded).collect();
    assert_eq!(
        folded,
        [false, false, false, false, false, false, true, true, true],
        "newest first: the active one, five archived whole, three folded"
    );

    let app = TestApp::new(pool);
    let browser = app.session(&admin.email, PASSWORD).await;
    let cards = |html: &str| html.matches("<article class=\"card opportunity\"").count();
    let html = browser.get(&format!("/candidates/{}", ada.id)).await.body;
    assert_eq!(cards(&html), 6);
    assert!(html.contains("Earlier opportunities"));
    assert_eq!(html.matches("/api/candidates/assignee").count(), 6);
    assert!(html.contains(&format!(
        "href=\"/candidates/{}?history=all#opportunities-heading\"",
        ada.id
    )));
    let html = browser
        .get(&format!("/candidates/{}?history=all", ada.id))
        .await
        .body;
    assert_eq!(cards(&html), 9);
    assert!(!html.contains("Earlier opportunities"));
}
