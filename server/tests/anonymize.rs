//! Anonymizing a candidate (SPEC §6): the canary tests that dump the whole database, in `gdpr` and
//! `localized` mode; who may anonymize; legal holds; and the erasure action banner.

use crate::common::{
    world::{Candidate, User, World},
    Session, TestApp,
};
use app::profile::anonymize::AnonymizeCandidate;
use app::profile::legal_hold::{LiftHold, PlaceHold};
use app::{
    domain::{
        access::Part,
        preferences::{Corrections, Rectification},
        Role,
    },
    preferences::{model::LinkPage, service::NewRequest},
    profile::legal_hold::service::HoldChange,
};
use axum::http::StatusCode;
use chrono::Utc;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// A candidate whose every personal value carries a marker made from `tag`, copied into every
/// place the product could copy it: notes, feedback, reasons, requests, consent notes, emails.
struct Canary {
    candidate: Candidate,
    tag: &'static str,
}

impl Canary {
    fn first(&self) -> String {
        capitalized(&format!("{}first", self.tag))
    }

    fn last(&self) -> String {
        capitalized(&format!("{}last", self.tag))
    }

    /// The phone number as stored; its digits are the marker.
    fn phone(&self) -> String {
        format!("+44{}", self.phone_digits())
    }

    fn phone_digits(&self) -> &'static str {
        match self.tag {
            "alfa" => "7911223344",
            _ => "7955667788",
        }
    }

    fn marker(&self, what: &str) -> String {
        format!("{}{what}", self.tag)
    }

    /// Every marker, by the field it stands for.
    fn markers(&self) -> Vec<(&'static str, String)> {
        let m = |what| self.marker(what);
        vec![
            ("name", m("first")),
            ("name", m("last")),
            ("name", m("headline")),
            ("name", m("corrected")),
            ("emails", m("mail")),
            ("emails", m("alt")),
            ("emails", m("new")),
            ("phones", self.phone_digits().to_owned()),
            ("skype", m("skype")),
            ("links", m("link")),
            ("location", m("city")),
            ("attachments", m("cv")),
            ("attachments", m("resume")),
            ("application_responses", m("answer")),
            ("application_comments", m("cover")),
            ("request_details", m("details")),
        ]
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

async fn sql(pool: &PgPool, statement: &str, id: Uuid) {
    sqlx::query(statement).bind(id).execute(pool).await.unwrap();
}

/// Seeds a canary candidate with an opportunity on a posting in `country`, owned by `owner`.
async fn seed(world: &World, tag: &'static str, owner: &User, country: &str) -> Canary {
    let pool = &world.pool;
    let mut canary = Canary {
        candidate: world.candidate(&format!("{tag}mail@example.com")).await,
        tag,
    };
    let id = canary.candidate.id.into_uuid();
    let (first, last, phone) = (canary.first(), canary.last(), canary.phone());
    let email = canary.candidate.email.clone();
    canary.candidate.name = format!("{first} {last}");
    sqlx::query(
        "UPDATE candidates SET name = $2, headline = $3, location_text = $4, phones = ARRAY[$5],
                skype = $6, links = ARRAY[$7]
          WHERE id = $1",
    )
    .bind(id)
    .bind(&canary.candidate.name)
    .bind(canary.marker("headline"))
    .bind(canary.marker("city"))
    .bind(&phone)
    .bind(canary.marker("skype"))
    .bind(format!("https://example.com/{}", canary.marker("link")))
    .execute(pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, $2)")
        .bind(id)
        .bind(format!("{}@example.org", canary.marker("alt")))
        .execute(pool)
        .await
        .unwrap();
    let opportunity: Uuid = sqlx::query_scalar(
        "WITH posting AS (INSERT INTO postings (title, location_country, owner_id)
                          VALUES ('Engineer', $2, $3) RETURNING id)
         INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin, stage)
         SELECT $1, id, $3, 'applied', 'phone screen' FROM posting RETURNING id",
    )
    .bind(id)
    .bind(country)
    .bind(owner.id.into_uuid())
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "WITH answers AS (INSERT INTO application_responses (opportunity_id, question, answer)
                          VALUES ($1, 'Why us?', $2)),
              comments AS (INSERT INTO application_comments (opportunity_id, body) VALUES ($1, $3)),
              files AS (INSERT INTO attachments (candidate_id, opportunity_id, file_name, media_type, bytes)
                        VALUES ($4, $1, $5, 'application/pdf', convert_to($6, 'UTF8')))
         INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, recorded_by, note)
         VALUES ($4, 'contact', 'legitimate_interest', 'given', 'recruiter_manual', $7, $8)",
    )
    .bind(opportunity)
    .bind(canary.marker("answer"))
    .bind(canary.marker("cover"))
    .bind(id)
    .bind(format!("{}.pdf", canary.marker("cv")))
    .bind(format!("%PDF {}", canary.marker("resume")))
    .bind(owner.id.into_uuid())
    .bind(format!("Email from {email} on 3 May"))
    .execute(pool)
    .await
    .unwrap();

    // The team's note and interview feedback, written as the profile's forms write them.
    let team = owner.as_viewer(Role::TeamMember);
    let note = format!(
        "Spoke to {first} {last} ({email}); call 0{} or {phone}. {first}'s notice period is short.",
        &canary.phone_digits()[..4]
            .chars()
            .chain(" ".chars())
            .chain(canary.phone_digits()[4..].chars())
            .collect::<String>()
    );
    app::core::lifecycle::add_note(pool, &team, id, &note, Utc::now())
        .await
        .unwrap();
    let feedback = format!(
        "{first} was sharp; Skype {}, portfolio https://example.com/{}",
        canary.marker("skype"),
        canary.marker("link")
    );
    app::core::lifecycle::add_feedback(pool, &team, id, opportunity, "3", &feedback, Utc::now())
        .await
        .unwrap();

    // The candidate's own requests, made on their page: a rectification with corrected values
    // (extended with a reason naming them) and an erasure. They alert the owner, by name.
    world.settings("owner_alert_includes_name = true").await;
    world
        .request_received(
            &canary.candidate,
            NewRequest::Rectification(Rectification {
                note: Some(format!("My name is wrong: {}", canary.marker("details"))),
                corrections: Corrections {
                    name: Some(capitalized(&canary.marker("corrected"))),
                    email: Some(format!("{}@example.net", canary.marker("new"))),
                    ..Corrections::default()
                },
            }),
            3,
        )
        .await;
    world
        .request_received(&canary.candidate, NewRequest::Erasure, 1)
        .await;
    let rectification: Uuid = sqlx::query_scalar(
        "SELECT id FROM data_requests WHERE candidate_id = $1 AND kind = 'rectification'",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap();
    let admin = owner.as_viewer(Role::Admin);
    app::core::requests::decisions::extend(
        pool,
        &world.config,
        &admin,
        rectification,
        1,
        &format!("Waiting for {first}'s documents"),
        Utc::now(),
    )
    .await
    .unwrap();
    // A copy of their data sent for an access request, with its JSON export attached.
    world
        .request_received(&canary.candidate, NewRequest::Access, 2)
        .await;
    let access: Uuid = sqlx::query_scalar(
        "SELECT id FROM data_requests WHERE candidate_id = $1 AND kind = 'access'",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap();
    app::profile::requests::resolve::send_data(
        pool,
        &world.config,
        &admin,
        app::profile::requests::resolve::DataCopy {
            request: access,
            draft: &Uuid::new_v4().to_string(),
            subject: "Your data",
            body: &format!("Hello {first}, here is your data."),
            parts: vec![Part::Contact, Part::Answers(0), Part::Comments(0)],
        },
        Utc::now(),
    )
    .await
    .unwrap();
    // A hold placed and lifted in the past, its reason naming them.
    let reason = format!("Claim by {first} {last}");
    for change in [HoldChange::Place(&reason), HoldChange::Lift] {
        app::profile::legal_hold::service::change(pool, &admin, id, change, Utc::now())
            .await
            .unwrap();
    }
    // An email still waiting, and one whose delivery failed with the address in the error.
    world
        .queue_email(&canary.candidate, "recruiter_message", 2)
        .await;
    sql(
        pool,
        "UPDATE email_outbox SET last_error = '550 unknown user ' || recipient
          WHERE candidate_id = $1 AND kind = 'candidate_confirmation'",
        id,
    )
    .await;
    canary
}

/// Every row of every table as text, lower-cased, with spaces and dashes taken out so a phone
/// number matches however it was written.
pub(crate) async fn dump(pool: &PgPool) -> Vec<String> {
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")
            .fetch_all(pool)
            .await
            .unwrap();
    assert!(tables.len() > 20, "found the schema's tables: {tables:?}");
    let mut rows = Vec::new();
    for table in tables {
        let texts: Vec<String> = sqlx::query_scalar(&format!("SELECT t::text FROM \"{table}\" t"))
            .fetch_all(pool)
            .await
            .unwrap();
        rows.extend(texts.into_iter().map(|row| {
            format!("{table}: {row}")
                .to_lowercase()
                .replace([' ', '-'], "")
        }));
    }
    rows
}

/// The rows holding `marker`, as text or as the hex of a bytea column.
pub(crate) fn holding<'a>(dump: &'a [String], marker: &str) -> Vec<&'a str> {
    let marker = marker.to_lowercase();
    let hex: String = marker.bytes().map(|b| format!("{b:02x}")).collect();
    dump.iter()
        .filter(|row| row.contains(&marker) || row.contains(&hex))
        .map(String::as_str)
        .collect()
}

struct Scene {
    world: World,
    app: TestApp,
    admin: User,
}

async fn scene(pool: PgPool) -> Scene {
    let world = World::new(pool.clone());
    let admin = world.member("Ada Admin", Role::Admin, PASSWORD).await;
    Scene {
        world,
        app: TestApp::new(pool),
        admin,
    }
}

async fn anonymize(session: &Session<'_>, candidate: &Candidate) -> StatusCode {
    session
        .invoke(AnonymizeCandidate {
            candidate: candidate.id.to_string(),
            acknowledge: Some("yes".into()),
        })
        .await
        .status
}

async fn hold(session: &Session<'_>, candidate: &Candidate, reason: &str) -> StatusCode {
    session
        .invoke(PlaceHold {
            candidate: candidate.id.to_string(),
            reason: reason.into(),
        })
        .await
        .status
}

async fn lift(session: &Session<'_>, candidate: &Candidate) -> StatusCode {
    session
        .invoke(LiftHold {
            candidate: candidate.id.to_string(),
        })
        .await
        .status
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn gdpr_mode_leaves_no_marker_anywhere_and_touches_nobody_else(pool: PgPool) {
    let Scene { world, app, admin } = scene(pool.clone()).await;
    world.settings("compliance_mode = 'gdpr'").await;
    let alfa = seed(&world, "alfa", &admin, "DE").await;
    let bravo = seed(&world, "bravo", &admin, "FR").await;

    let before = dump(&pool).await;
    for canary in [&alfa, &bravo] {
        for (field, marker) in canary.markers() {
            assert!(
                !holding(&before, &marker).is_empty(),
                "seeded {field} marker {marker}"
            );
        }
    }
    let copies = holding(&before, &alfa.marker("first")).len();
    assert!(
        copies >= 6,
        "the name is copied into notes, feedback, reasons and emails: {copies}"
    );

    let consent_history = world.consent_events(&alfa.candidate).await;
    let session = app.session(&admin.email, PASSWORD).await;
    assert_eq!(anonymize(&session, &alfa.candidate).await, StatusCode::OK);

    let after = dump(&pool).await;
    for (field, marker) in alfa.markers() {
        assert_eq!(
            holding(&after, &marker),
            Vec::<&str>::new(),
            "{field} marker {marker} survived"
        );
    }
    for (field, marker) in bravo.markers() {
        assert_eq!(
            holding(&after, &marker).len(),
            holding(&before, &marker).len(),
            "bystander's {field} marker {marker}"
        );
    }

    // What is kept: the candidacy, the team's text with the values replaced, the history.
    let id = alfa.candidate.id.into_uuid();
    let (mode, notes, feedback, rating): (String, String, String, i16) = sqlx::query_as(
        "SELECT c.anonymization_mode, n.body, f.body, f.rating
           FROM candidates c JOIN notes n ON n.candidate_id = c.id
           JOIN opportunities o ON o.candidate_id = c.id JOIN feedback f ON f.opportunity_id = o.id
          WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(mode, "gdpr");
    assert_eq!(
        notes,
        "Spoke to [removed] ([removed]); call 079[removed] or [removed]. [removed]'s notice period is short."
    );
    assert_eq!(
        feedback,
        "[removed] was sharp; Skype [removed], portfolio [removed]"
    );
    assert_eq!(rating, 3);
    let stage: String =
        sqlx::query_scalar("SELECT stage FROM opportunities WHERE candidate_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(stage, "phone screen");

    // Every open request resolved as anonymized, by the admin; the history and audit remain.
    let requests: Vec<(String, String, Option<String>, bool)> = sqlx::query_as(
        "SELECT kind, status, resolution, resolved_by IS NOT NULL FROM data_requests
          WHERE candidate_id = $1 ORDER BY received_at",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let resolved = |kind: &str| {
        (
            kind.to_owned(),
            "resolved".to_owned(),
            Some("anonymized".to_owned()),
            true,
        )
    };
    assert_eq!(
        requests,
        [
            resolved("rectification"),
            resolved("access"),
            resolved("erasure")
        ]
    );
    let actions: Vec<String> = world
        .audit(&alfa.candidate)
        .await
        .into_iter()
        .map(|(_, action, _)| action)
        .collect();
    assert!(
        actions.contains(&"candidate.anonymized".to_owned()),
        "{actions:?}"
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "data_request.resolved")
            .count(),
        3
    );
    assert_eq!(world.consent_events(&alfa.candidate).await, consent_history);

    // Nothing more goes out; the addresses are kept only as keyed hashes with their decision.
    let waiting: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM email_outbox WHERE candidate_id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(waiting, 0);
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT contact_status FROM anonymized_contacts ORDER BY contact_status",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(kept, ["allowed", "allowed"]);

    // The candidate's link now says their data was deleted.
    assert!(matches!(
        app::preferences::service::load_page(
            &pool,
            &world.config,
            &Default::default(),
            alfa.candidate.id,
            None,
            Utc::now()
        )
        .await
        .unwrap(),
        LinkPage::Retired { .. }
    ));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn localized_mode_removes_exactly_what_the_country_policy_selects(pool: PgPool) {
    let Scene { world, app, admin } = scene(pool.clone()).await;
    world.settings("compliance_mode = 'localized'").await;
    sqlx::query(
        "INSERT INTO country_policies (country, retention_days, removed_fields)
         VALUES ('DE', 365, '{name,emails,phones}'), ('FR', 365, '{attachments}')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let alfa = seed(&world, "alfa", &admin, "DE").await;
    let bravo = seed(&world, "bravo", &admin, "FR").await;
    let before = dump(&pool).await;

    let session = app.session(&admin.email, PASSWORD).await;
    assert_eq!(anonymize(&session, &alfa.candidate).await, StatusCode::OK);

    let after = dump(&pool).await;
    let selected = ["name", "emails", "phones", "request_details"];
    for (field, marker) in alfa.markers() {
        let left = holding(&after, &marker);
        if selected.contains(&field) {
            assert_eq!(left, Vec::<&str>::new(), "{field} marker {marker} survived");
        } else {
            assert!(
                !left.is_empty(),
                "{field} marker {marker} was kept by the policy"
            );
        }
    }
    for (field, marker) in bravo.markers() {
        assert_eq!(
            holding(&after, &marker).len(),
            holding(&before, &marker).len(),
            "bystander's {field} marker {marker}"
        );
    }
    let mode: String =
        sqlx::query_scalar("SELECT anonymization_mode FROM candidates WHERE id = $1")
            .bind(alfa.candidate.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(mode, "localized");

    // What the policy kept in the database, the profile shows to nobody.
    let page = session
        .get(&format!("/candidates/{}", alfa.candidate.id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Anonymized candidate"));
    for kept in ["skype", "link", "city", "answer", "cover", "cv"] {
        assert!(
            !page.body.to_lowercase().contains(&alfa.marker(kept)),
            "{kept} shown on the anonymized profile"
        );
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn only_holders_of_the_permission_anonymize_and_a_legal_hold_blocks_them(pool: PgPool) {
    let Scene { world, app, admin } = scene(pool.clone()).await;
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let trusted = world
        .member("Tess Trusted", Role::TeamMember, PASSWORD)
        .await;
    let stranger = world
        .member("Lou Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    for member in [&trusted, &stranger] {
        sql(
            &pool,
            "UPDATE users SET permissions = ARRAY['anonymize_candidates'] WHERE id = $1",
            member.id.into_uuid(),
        )
        .await;
    }
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&recruiter), 10, None).await;
    world.request_received(&ada, NewRequest::Erasure, 2).await;
    let (admin_s, recruiter_s, trusted_s, stranger_s) = (
        app.session(&admin.email, PASSWORD).await,
        app.session(&recruiter.email, PASSWORD).await,
        app.session(&trusted.email, PASSWORD).await,
        app.session(&stranger.email, PASSWORD).await,
    );
    let id = ada.id.to_string();
    let anonymized = || async {
        sqlx::query_scalar::<_, bool>(
            "SELECT anonymized_at IS NOT NULL FROM candidates WHERE id = $1",
        )
        .bind(ada.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap()
    };

    // Without the permission: refused; outside a Limited Team Member's own candidates: as if
    // there were no such candidate.
    assert_eq!(anonymize(&recruiter_s, &ada).await, StatusCode::FORBIDDEN);
    assert_eq!(anonymize(&stranger_s, &ada).await, StatusCode::NOT_FOUND);
    // The acknowledgement is required.
    let unacknowledged = trusted_s
        .invoke(AnonymizeCandidate {
            candidate: id.clone(),
            acknowledge: None,
        })
        .await;
    assert_eq!(unacknowledged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!anonymized().await);

    // Only Admins place and lift holds; a reason is required; one hold at a time.
    assert_eq!(
        hold(&recruiter_s, &ada, "Tribunal claim").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        hold(&admin_s, &ada, "  ").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(hold(&admin_s, &ada, "Tribunal claim").await, StatusCode::OK);
    assert_eq!(
        hold(&admin_s, &ada, "Tribunal claim").await,
        StatusCode::CONFLICT
    );

    // A held candidate can't be anonymized; the dialog says why and offers no button.
    assert_eq!(anonymize(&trusted_s, &ada).await, StatusCode::CONFLICT);
    assert!(!anonymized().await);
    let profile = trusted_s.get(&format!("/candidates/{id}")).await.body;
    assert!(profile.contains("is on legal hold"), "{profile}");
    assert!(profile.contains("Tribunal claim"));
    assert!(!profile.contains("Anonymize candidate"));

    assert_eq!(lift(&recruiter_s, &ada).await, StatusCode::FORBIDDEN);
    assert_eq!(lift(&admin_s, &ada).await, StatusCode::OK);
    assert_eq!(lift(&admin_s, &ada).await, StatusCode::CONFLICT);

    // Now a permitted Team Member anonymizes; twice is refused kindly.
    assert_eq!(anonymize(&trusted_s, &ada).await, StatusCode::OK);
    assert!(anonymized().await);
    assert_eq!(anonymize(&trusted_s, &ada).await, StatusCode::CONFLICT);
    assert_eq!(hold(&admin_s, &ada, "Too late").await, StatusCode::CONFLICT);
    let actions = world.audit_actions().await;
    for action in [
        "legal_hold.placed",
        "legal_hold.lifted",
        "candidate.anonymized",
        "data_request.resolved",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_erasure_banner_shows_what_goes_and_anonymizes_without_javascript(pool: PgPool) {
    let Scene { world, app, admin } = scene(pool.clone()).await;
    let recruiter = world.member("Tom Team", Role::TeamMember, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&recruiter), 10, None).await;
    let path = format!("/candidates/{}", ada.id);

    let admin_s = app.session(&admin.email, PASSWORD).await;
    let recruiter_s = app.session(&recruiter.email, PASSWORD).await;
    // No erasure request: no action banner.
    assert!(!admin_s.get(&path).await.body.contains("anonymize-banner"));

    world.request_received(&ada, NewRequest::Erasure, 2).await;
    let page = admin_s.get(&path).await.body;
    for line in [
        "Will be removed",
        "Email addresses (1)",
        "Phone numbers (1)",
        "Will be kept",
        "Notes and feedback, with their personal values replaced",
        "Anonymize candidate",
    ] {
        assert!(page.contains(line), "{line}");
    }
    let page = recruiter_s.get(&path).await.body;
    assert!(page.contains("anonymize-banner"));
    assert!(
        page.contains("anonymize candidates"),
        "says which permission it needs"
    );
    assert!(!page.contains("Anonymize candidate"));

    // The form posted without JavaScript comes back to the profile with the outcome.
    let response = admin_s
        .submit(AnonymizeCandidate {
            candidate: ada.id.to_string(),
            acknowledge: Some("yes".into()),
        })
        .await;
    assert_eq!(response.status, StatusCode::FOUND);
    let back = response.header("location").to_owned();
    assert_eq!(back, format!("{path}?notice=anonymized-now#notice"));
    let page = admin_s.get(&back).await.body;
    assert!(page.contains("The candidate is anonymized"));
    assert!(page.contains("Anonymized candidate"));
    assert!(!page.contains("ada@example.com"));
    assert!(
        !page.contains("anonymize-banner"),
        "no request is open any more"
    );

    // Their opportunity's owner was told of the request; the bell now names nobody.
    let bell = recruiter_s.get("/notifications").await.body;
    assert!(bell.contains("Anonymized candidate"), "{bell}");
    assert!(!bell.contains(&ada.name));

    let link = app.get(&format!("/preferences/{}", world.link(&ada))).await;
    assert_eq!(link.status, 410);
    assert!(link.body.contains("has deleted your personal data"));
}
