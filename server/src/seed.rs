//! `candor seed-demo`: a demo organization with something in every state the product shows.
//!
//! Runs only on a database without users, in one transaction, so it never mixes with real data.

use app::{
    core::accounts,
    core::config::Config,
    core::lifecycle,
    domain::lifecycle::{ArchiveReason, Stage, Step},
    domain::postings::PostingDraft,
    domain::{due_date, CountryCode, EmailAddress, Role, UserId, Viewer},
};
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Postgres, Transaction};
use std::fmt::Write as _;
use uuid::Uuid;

type Tx<'a> = Transaction<'a, Postgres>;

struct DemoUser {
    name: &'static str,
    email: &'static str,
    role: Role,
}

const USERS: [DemoUser; 4] = [
    DemoUser {
        name: "Sasha Patel",
        email: "sasha@candor-demo.example",
        role: Role::SuperAdmin,
    },
    DemoUser {
        name: "Jordan Lee",
        email: "jordan@candor-demo.example",
        role: Role::Admin,
    },
    DemoUser {
        name: "Riley Chen",
        email: "riley@candor-demo.example",
        role: Role::TeamMember,
    },
    DemoUser {
        name: "Morgan Diaz",
        email: "morgan@candor-demo.example",
        role: Role::LimitedTeamMember,
    },
];

/// Templates a recruiter starts an email from, and the campaigns send: key, name, subject, text.
const TEMPLATES: [(&str, &str, &str, &str); 3] = [
    (
        "interview_invitation",
        "Interview invitation",
        "Let's talk — {{ organization }}",
        "Hi {{ candidate_first_name }},\n\nThank you for your interest in {{ organization }}. \
         We'd like to invite you to a first conversation. Which times suit you next week?\n\n\
         You can see and change how we use your data at any time: {{ consent_link }}",
    ),
    (
        "nurture_checkin",
        "Nurture check-in",
        "New roles at {{ organization }}",
        "Hi {{ candidate_first_name }},\n\nWe have opened new roles you may like.\n\n\
         Manage your data: {{ consent_link }}",
    ),
    (
        "talent_newsletter",
        "Talent newsletter",
        "What's new at {{ organization }}",
        "Hi {{ candidate_first_name }},\n\nHere is what our teams have been working on, and the roles \
         we expect to open soon.\n\nNot interested any more? Tell us here: {{ consent_link }}",
    ),
];

/// Demo nurture campaigns: name, and each step's template key and days after enrolment.
const CAMPAIGNS: [(&str, &[(&str, i32)]); 2] = [
    (
        "Future engineering roles",
        &[("nurture_checkin", 7), ("nurture_checkin", 30)],
    ),
    (
        "Silver medalists",
        &[("talent_newsletter", 14), ("nurture_checkin", 90)],
    ),
];

/// The candidate whose link the run script prints.
pub const SHOWCASE_EMAIL: &str = "anna.schmidt@example.com";

/// A consent decision: purpose, decision, source, days ago.
type Decision = (&'static str, &'static str, &'static str, i64);

/// The candidacy: posting index (None: sourced), owner index, the stage it reached, and when
/// it was archived (and why) or marked hired, in days ago. The owner takes each step through the
/// lifecycle service, at its time.
struct DemoOpportunity {
    posting: Option<usize>,
    owner: usize,
    stage: Stage,
    archived: Option<(i64, ArchiveReason)>,
    hired_days_ago: Option<i64>,
}

struct DemoCandidate {
    name: &'static str,
    email: &'static str,
    headline: &'static str,
    location: Option<(&'static str, &'static str)>,
    phone: &'static str,
    created_days_ago: i64,
    opportunities: Vec<DemoOpportunity>,
    consent: Vec<Decision>,
    /// Open requests: kind, days ago.
    requests: Vec<(&'static str, i64)>,
}

fn opp(posting: Option<usize>, owner: usize, stage: Stage) -> DemoOpportunity {
    DemoOpportunity {
        posting,
        owner,
        stage,
        archived: None,
        hired_days_ago: None,
    }
}

fn archived(posting: Option<usize>, owner: usize, days_ago: i64) -> DemoOpportunity {
    DemoOpportunity {
        posting,
        owner,
        stage: Stage::Interview,
        archived: Some((days_ago, ArchiveReason::PositionFilled)),
        hired_days_ago: None,
    }
}

/// Postings: title and country (None: no location).
const POSTINGS: [(&str, Option<&str>, usize); 5] = [
    ("Backend Engineer (Rust)", Some("DE"), 2),
    ("Product Designer", Some("FR"), 2),
    ("Account Executive", Some("US"), 3),
    ("Data Analyst", Some("GB"), 1),
    ("Open application", None, 2),
];

fn candidates() -> Vec<DemoCandidate> {
    vec![
        DemoCandidate {
            name: "Anna Schmidt",
            email: SHOWCASE_EMAIL,
            headline: "Senior backend engineer",
            location: Some(("Berlin, Germany", "DE")),
            phone: "+49 30 1234567",
            created_days_ago: 40,
            opportunities: vec![opp(Some(0), 2, Stage::Interview)],
            consent: vec![
                ("retention", "given", "job_post", 40),
                ("contact", "given", "job_post", 40),
            ],
            requests: vec![("access", 24)],
        },
        DemoCandidate {
            name: "Lucas Martin",
            email: "lucas.martin@example.com",
            headline: "UX and product designer",
            location: Some(("Lyon, France", "FR")),
            phone: "+33 4 72 00 00 00",
            created_days_ago: 90,
            opportunities: vec![archived(Some(1), 2, 30)],
            consent: vec![
                ("retention", "given", "job_post", 90),
                ("retention", "revoked", "preferences_page", 5),
            ],
            requests: vec![("rectification", 3)],
        },
        DemoCandidate {
            name: "Sofia Rossi",
            email: "sofia.rossi@example.com",
            headline: "Data analyst, SQL and Python",
            location: None,
            phone: "+39 06 000 0000",
            created_days_ago: 2,
            opportunities: vec![opp(None, 2, Stage::New)],
            consent: vec![],
            requests: vec![],
        },
        DemoCandidate {
            name: "Jan Kowalski",
            email: "jan.kowalski@example.com",
            headline: "Site reliability engineer",
            location: Some(("Warsaw, Poland", "PL")),
            phone: "+48 22 000 00 00",
            created_days_ago: 500,
            opportunities: vec![archived(Some(0), 1, 420)],
            consent: vec![("retention", "given", "job_post", 480)],
            requests: vec![],
        },
        DemoCandidate {
            name: "Emma Wilson",
            email: "emma.wilson@example.com",
            headline: "Analytics lead",
            location: Some(("Manchester, United Kingdom", "GB")),
            phone: "+44 161 000 0000",
            created_days_ago: 120,
            opportunities: vec![opp(Some(3), 1, Stage::Screen)],
            consent: vec![("contact", "revoked", "email_one_click", 45)],
            requests: vec![("erasure", 35)],
        },
        DemoCandidate {
            name: "Michael Brown",
            email: "michael.brown@example.com",
            headline: "Enterprise sales",
            location: Some(("Austin, United States", "US")),
            phone: "+1 512 555 0100",
            created_days_ago: 15,
            opportunities: vec![opp(Some(2), 3, Stage::New)],
            consent: vec![],
            requests: vec![],
        },
        DemoCandidate {
            name: "Lena Fischer",
            email: "lena.fischer@example.com",
            headline: "Rust engineer",
            location: Some(("Munich, Germany", "DE")),
            phone: "+49 89 000000",
            created_days_ago: 200,
            opportunities: vec![DemoOpportunity {
                posting: Some(0),
                owner: 2,
                stage: Stage::Offer,
                archived: None,
                hired_days_ago: Some(150),
            }],
            consent: vec![("retention", "given", "job_post", 200)],
            requests: vec![],
        },
        DemoCandidate {
            name: "Tom Baker",
            email: "tom.baker@example.com",
            headline: "Sales development representative",
            location: Some(("Dublin, Ireland", "IE")),
            phone: "+44 117 000 0000",
            created_days_ago: 1100,
            opportunities: vec![archived(Some(3), 1, 1000), archived(Some(2), 3, 900)],
            consent: vec![],
            requests: vec![],
        },
        DemoCandidate {
            name: "Claire Dubois",
            email: "claire.dubois@example.com",
            headline: "Junior designer",
            location: Some(("Paris, France", "FR")),
            phone: "+33 1 00 00 00 00",
            created_days_ago: 10,
            opportunities: vec![opp(Some(1), 2, Stage::New)],
            consent: vec![("retention", "denied", "job_post", 10)],
            requests: vec![("access", 8)],
        },
    ]
}

/// Seeds the demo and returns what to print, or None when the database already has users.
pub async fn seed_demo(pool: &PgPool, config: &Config) -> Result<Option<String>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // Serialize concurrent seeders; the check below then sees the winner's users.
    sqlx::query_scalar!(r#"SELECT 1 AS "locked!" FROM pg_advisory_xact_lock(4201)"#)
        .fetch_one(&mut *tx)
        .await?;
    let existing = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM users"#)
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(None);
    }
    let now = Utc::now();
    let days = |n: i64| now - Duration::days(n);

    sqlx::query!(
        "UPDATE settings SET organization_name = 'Northwind Talent', reply_to = 'privacy@northwind.example',
             privacy_policy_url = 'https://northwind.example/privacy',
             data_protection_contact = 'Data Protection Officer, privacy@northwind.example',
             compliance_mode = 'gdpr', gdpr_scope = 'eu_and_unknown',
             processing_basis = 'legitimate_interest_or_contract', retention_basis = 'explicit_consent',
             retention_days = 365, consent_validity_days = 365, consent_text_version = 'demo-2026-01',
             anonymization_grace_days = 180, time_zone = 'Europe/Berlin'"
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO country_policies (country, retention_days, removed_fields) VALUES
             ('DE', 180, ARRAY['name','emails','phones','skype','links','location','attachments','application_responses','application_comments']),
             ('FR', 365, ARRAY['name','emails','phones','attachments']),
             ('US', 1095, ARRAY['emails','phones'])"
    )
    .execute(&mut *tx)
    .await?;

    let mut report =
        String::from("Demo organization: Northwind Talent\n\nSign in as (email / password):\n");
    let mut user_ids = Vec::new();
    for user in &USERS {
        let password = accounts::generate_password();
        let email = EmailAddress::parse(user.email).expect("demo emails are valid");
        let id = accounts::create_user(&mut *tx, &email, user.name, user.role, &password)
            .await
            .map_err(|e| match e {
                accounts::AccountError::Database(db) => db,
                other => sqlx::Error::Protocol(other.to_string()),
            })?;
        let _ = writeln!(
            report,
            "  {:<20} {:<28} {password}",
            app::text::role(user.role),
            user.email
        );
        user_ids.push(id.into_uuid());
    }
    // Give the Team Member the dashboard permission, so every permission path has a holder.
    sqlx::query!(
        "UPDATE users SET permissions = ARRAY['view_compliance_dashboard'] WHERE id = $1",
        user_ids[2]
    )
    .execute(&mut *tx)
    .await?;

    // The postings, written as the Admin writes them in the workspace.
    let mut posting_ids = Vec::new();
    let admin = demo_member(&user_ids, 1);
    for (title, country, owner) in POSTINGS {
        let draft = PostingDraft {
            title: title.to_owned(),
            description: format!(
                "Join Northwind Talent as {title}. You work with a small, friendly team; we \
                 explain every step of the hiring process and answer within a week."
            ),
            country: country.and_then(|c| CountryCode::parse(c).ok()),
            owner: Some(UserId(user_ids[owner])),
            // The question every new posting starts with.
            questions: vec![app::text::MOTIVATION_QUESTION.to_owned()],
        };
        let id = app::core::postings::save_in(&mut tx, &admin, None, &draft)
            .await
            .map_err(refused)?;
        posting_ids.push(id);
    }

    let mut template_ids = std::collections::HashMap::new();
    for (key, name, subject, body) in TEMPLATES {
        let id = sqlx::query_scalar!(
            "INSERT INTO email_templates (key, name, subject, body_text) VALUES ($1, $2, $3, $4) RETURNING id",
            key,
            name,
            subject,
            body,
        )
        .fetch_one(&mut *tx)
        .await?;
        template_ids.insert(key, id);
    }
    let mut campaign_ids = Vec::new();
    for (name, steps) in CAMPAIGNS {
        let id = sqlx::query_scalar!(
            "INSERT INTO nurture_campaigns (name, created_by) VALUES ($1, $2) RETURNING id",
            name,
            user_ids[1]
        )
        .fetch_one(&mut *tx)
        .await?;
        for (key, days_after) in steps {
            sqlx::query!(
                "INSERT INTO nurture_steps (campaign_id, template_id, days_after) VALUES ($1, $2, $3)",
                id,
                template_ids[key],
                days_after,
            )
            .execute(&mut *tx)
            .await?;
        }
        campaign_ids.push(id);
    }
    let (campaign_id, template_id) = (campaign_ids[0], template_ids["nurture_checkin"]);

    for candidate in candidates() {
        let created = days(candidate.created_days_ago);
        let candidate_id = insert_candidate(
            &mut tx,
            &candidate,
            created,
            user_ids[2],
            &posting_ids,
            &user_ids,
        )
        .await?;
        for (purpose, decision, source, ago) in &candidate.consent {
            sqlx::query!(
                "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
                 VALUES ($1, $2, CASE WHEN $2 = 'retention' THEN 'consent' ELSE 'legitimate_interest' END, $3, $4, 'demo-2026-01', $5)",
                candidate_id,
                purpose,
                decision,
                source,
                days(*ago),
            )
            .execute(&mut *tx)
            .await?;
        }
        for (kind, ago) in &candidate.requests {
            let received = days(*ago);
            let rectification = *kind == "rectification";
            let details = rectification
                .then_some("My surname is spelled Martin-Leroy now, and I moved to Grenoble.");
            let corrections = rectification.then(|| {
                serde_json::json!({ "name": "Lucas Martin-Leroy", "location": "Grenoble, France" })
            });
            let request_id = sqlx::query_scalar!(
                "INSERT INTO data_requests (candidate_id, kind, details, corrections, received_at, due_at,
                                            idempotency_key)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                candidate_id,
                kind,
                details,
                corrections,
                received,
                due_date(received),
                format!("demo-{}", Uuid::new_v4()),
            )
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO audit_log (at, actor_kind, action, candidate_id, data_request_id, details)
                 VALUES ($1, 'candidate', 'data_request.received', $2, $3, jsonb_build_object('kind', $4::text))",
                received,
                candidate_id,
                request_id,
                kind,
            )
            .execute(&mut *tx)
            .await?;
        }
        if candidate.email == "jan.kowalski@example.com" {
            // Answered requests, so the compliance dashboard has closed rows and a history.
            for (kind, ago, took, resolution) in [
                ("access", 30, 5, "data_sent"),
                ("rectification", 12, 2, "updated"),
            ] {
                let received = days(ago);
                let resolved = received + Duration::days(took);
                let request_id = sqlx::query_scalar!(
                    "INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status,
                                                resolved_at, resolved_by, resolution, idempotency_key)
                     VALUES ($1, $2, $3, $4, 'resolved', $5, $6, $7, $8) RETURNING id",
                    candidate_id,
                    kind,
                    received,
                    due_date(received),
                    resolved,
                    user_ids[1],
                    resolution,
                    format!("demo-{}", Uuid::new_v4()),
                )
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query!(
                    "INSERT INTO audit_log (at, actor_kind, actor_user_id, action, candidate_id, data_request_id, details)
                     VALUES ($1, 'candidate', NULL, 'data_request.received', $3, $4, jsonb_build_object('kind', $5::text)),
                            ($2, 'user', $6, 'data_request.resolved', $3, $4, jsonb_build_object('resolution', $7::text))",
                    received,
                    resolved,
                    candidate_id,
                    request_id,
                    kind,
                    user_ids[1],
                    resolution,
                )
                .execute(&mut *tx)
                .await?;
            }
        }
        if candidate.email == "tom.baker@example.com" {
            // A legal hold: the retention sweep and the Anonymize button both leave him alone.
            sqlx::query!(
                "INSERT INTO legal_holds (candidate_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4)",
                candidate_id,
                "Employment tribunal claim about the 2023 sales hiring round; keep his records until it closes.",
                user_ids[1],
                days(60),
            )
            .execute(&mut *tx)
            .await?;
        }
        if candidate.email == SHOWCASE_EMAIL {
            let enrollment_id = sqlx::query_scalar!(
                "INSERT INTO nurture_enrollments (campaign_id, candidate_id, enrolled_by) VALUES ($1, $2, $3) RETURNING id",
                campaign_id,
                candidate_id,
                user_ids[1],
            )
            .fetch_one(&mut *tx)
            .await?;
            for in_days in [7, 30] {
                sqlx::query!(
                    "INSERT INTO nurture_touchpoints (enrollment_id, template_id, send_at) VALUES ($1, $2, $3)",
                    enrollment_id,
                    template_id,
                    now + Duration::days(in_days),
                )
                .execute(&mut *tx)
                .await?;
            }
            // A recruiter's message scheduled for later: the delayed send a revocation cancels.
            let send_after = now + Duration::days(2);
            sqlx::query!(
                "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, candidate_id, send_after,
                                           next_attempt_at, message_id)
                 VALUES ('recruiter_message', $1, 'Your on-site interview at Northwind',
                         'Hi Anna, looking forward to meeting you on Thursday. Riley',
                         '<p>Hi Anna, looking forward to meeting you on Thursday. Riley</p>', $2, $3, $3, $4)",
                candidate.email,
                candidate_id,
                send_after,
                app::core::mail::message_id(config),
            )
            .execute(&mut *tx)
            .await?;
        }
    }

    tx.commit().await?;
    let _ = writeln!(
        report,
        "\nCandidates: {} (one per consent state; open access, rectification and erasure requests).\n\
         Try a candidate's page: candor link {SHOWCASE_EMAIL}",
        candidates().len()
    );
    Ok(Some(report))
}

async fn insert_candidate(
    tx: &mut Tx<'_>,
    c: &DemoCandidate,
    created: DateTime<Utc>,
    note_author: Uuid,
    posting_ids: &[Uuid],
    user_ids: &[Uuid],
) -> Result<Uuid, sqlx::Error> {
    let (location_text, country) = c.location.unzip();
    let first_name = c.name.split(' ').next().unwrap_or(c.name);
    let id = sqlx::query_scalar!(
        "INSERT INTO candidates (name, headline, location_text, location_country, phones, links, created_at)
         VALUES ($1, $2, $3, $4, ARRAY[$5], ARRAY[$6], $7) RETURNING id",
        c.name,
        c.headline,
        location_text,
        country,
        c.phone,
        format!("https://www.linkedin.com/in/{}", c.name.to_lowercase().replace(' ', "-")),
        created,
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO candidate_emails (candidate_id, email, is_primary, created_at) VALUES ($1, $2, true, $3)",
        id,
        c.email,
        created,
    )
    .execute(&mut **tx)
    .await?;

    let note_writer = demo_member(user_ids, 2);
    debug_assert_eq!(note_writer.id.into_uuid(), note_author);
    for o in &c.opportunities {
        let origin = if o.posting.is_some() {
            "applied"
        } else {
            "sourced"
        };
        let opportunity_id = sqlx::query_scalar!(
            "INSERT INTO opportunities (candidate_id, posting_id, owner_id, stage, origin, created_at)
             VALUES ($1, $2, $3, 'new', $4, $5) RETURNING id",
            id,
            o.posting.map(|p| posting_ids[p]),
            user_ids[o.owner],
            origin,
            created,
        )
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query!(
            "INSERT INTO events (opportunity_id, kind, stage, actor_id, at) VALUES ($1, 'created', 'new', $2, $3)",
            opportunity_id,
            user_ids[o.owner],
            created,
        )
        .execute(&mut **tx)
        .await?;
        if o.posting.is_some() {
            sqlx::query!(
                "INSERT INTO application_responses (opportunity_id, question, answer) VALUES ($1, $2, $3)",
                opportunity_id,
                app::text::MOTIVATION_QUESTION,
                format!("I like how the team works in the open, and could start in about two months. — {first_name}"),
            )
            .execute(&mut **tx)
            .await?;
            sqlx::query!(
                "INSERT INTO application_comments (opportunity_id, body) VALUES ($1, $2)",
                opportunity_id,
                format!("Dear team,\n\nPlease find my application attached. You can reach me at {} or {}.\n\n{}", c.email, c.phone, c.name),
            )
            .execute(&mut **tx)
            .await?;
            sqlx::query!(
                "INSERT INTO attachments (candidate_id, opportunity_id, file_name, media_type, bytes)
                 VALUES ($1, $2, $3, 'text/plain', $4)",
                id,
                opportunity_id,
                format!("{}-cv.txt", first_name.to_lowercase()),
                format!("{}\n{}\n{}\n", c.name, c.headline, c.email).into_bytes(),
            )
            .execute(&mut **tx)
            .await?;
        }
        // What the team did, through the same lifecycle service the profile's forms call, each
        // at its time: the stage reached, interview feedback, then archive or hire.
        let owner = demo_member(user_ids, o.owner);
        let mut steps = Vec::new();
        if o.stage != Stage::New {
            steps.push((Step::MoveTo(o.stage), created + Duration::days(3)));
        }
        lifecycle::add_feedback_in(
            tx,
            &owner,
            id,
            opportunity_id,
            "3",
            &format!("{first_name} explained trade-offs clearly. Would like a second opinion on system design."),
            created + Duration::days(5),
        )
        .await
        .map_err(refused)?;
        if let Some((days_ago, reason)) = o.archived {
            steps.push((Step::Archive(reason), Utc::now() - Duration::days(days_ago)));
        }
        if let Some(days_ago) = o.hired_days_ago {
            steps.push((Step::Hire, Utc::now() - Duration::days(days_ago)));
        }
        for (step, at) in steps {
            lifecycle::take_step_in(tx, &owner, id, opportunity_id, step, at)
                .await
                .map_err(refused)?;
        }
    }
    lifecycle::add_note_in(
        tx,
        &note_writer,
        id,
        &format!(
            "Spoke with {} on the phone ({}); keen on remote-friendly roles.",
            c.name, c.phone
        ),
        created + Duration::days(1),
    )
    .await
    .map_err(refused)?;
    Ok(id)
}

/// A demo team member as the services see them when they act.
fn demo_member(user_ids: &[Uuid], index: usize) -> Viewer {
    Viewer {
        id: UserId(user_ids[index]),
        name: USERS[index].name.to_owned(),
        role: USERS[index].role,
        permissions: Vec::new(),
        via_key: None,
    }
}

/// A product rule refusing a demo step is a bug in the demo data; it fails the seed by its code.
fn refused(error: app::error::AppError) -> sqlx::Error {
    sqlx::Error::Protocol(format!("the demo's step was refused: {}", error.code()))
}
