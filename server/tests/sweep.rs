//! The retention sweep (SPEC §5): who is marked for deletion under each lawful-basis combination,
//! when they are anonymized, and that runs repeated or run side by side do each thing once.

use crate::common::world::{Candidate, World};
use app::domain::{sweep::Verdict, CandidateId, MarkReason};
use app::sweep::service::{self as sweep, SweepError, Trigger};
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;
use std::collections::HashMap;
use MarkReason::*;

/// Days, in the scenarios below. The grace period is long enough that a recent mark is still
/// waiting while an older one is due.
const RETENTION: i64 = 365;
const VALIDITY: i64 = 730;
const ANSWER_WINDOW: i64 = 30;
const GRACE: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Consent {
    /// Both consents given 100 days ago.
    Given,
    /// Both refused 100 days ago.
    Denied,
    /// Asked by the GDPR email 100 days ago, never answered.
    NeverAnswered,
    /// Both given 800 days ago: lapsed 70 days ago.
    Expired,
    /// Processing given, retention refused, 100 days ago.
    RetentionDenied,
}
const CONSENTS: [Consent; 5] = [
    Consent::Given,
    Consent::Denied,
    Consent::NeverAnswered,
    Consent::Expired,
    Consent::RetentionDenied,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidacy {
    Active,
    /// Archived 100 days ago.
    ArchivedWithinRetention,
    /// Archived 500 days ago: the retention period ran out 135 days ago.
    ArchivedPastRetention,
    /// Hired (and archived 500 days ago: hired wins).
    Hired,
}
const CANDIDACIES: [Candidacy; 4] = [
    Candidacy::Active,
    Candidacy::ArchivedWithinRetention,
    Candidacy::ArchivedPastRetention,
    Candidacy::Hired,
];

/// A mark expected by SPEC §5's table: the reason and how many days ago it began.
type Mark = Option<(MarkReason, i64)>;

/// The combination table of SPEC §5, written out case by case.
fn expected(combination: u8, consent: Consent, candidacy: Candidacy) -> Mark {
    use Candidacy::*;
    use Consent::*;
    if candidacy == Hired {
        return None;
    }
    let as_in_1 = match candidacy {
        ArchivedPastRetention => Some((RetentionPeriodPassed, 500 - RETENTION)),
        _ => None,
    };
    match (combination, consent) {
        (1, _) => as_in_1,
        (2, Given) => as_in_1,
        // Processing rests on legitimate interest; only retention consent is asked.
        (2, Denied | RetentionDenied) => Some((RetentionConsentDenied, 100)),
        (2, NeverAnswered) => Some((ConsentNotAnswered, 100 - ANSWER_WINDOW)),
        (2, Expired) => Some((ConsentExpired, 800 - VALIDITY)),
        (3 | 4, Given) => as_in_1,
        (3 | 4, Denied) => Some((ProcessingConsentDenied, 100)),
        (3 | 4, NeverAnswered) => Some((ConsentNotAnswered, 100 - ANSWER_WINDOW)),
        (3 | 4, Expired) => Some((ConsentExpired, 800 - VALIDITY)),
        // Kept while the candidacy is active; marked once archived everywhere.
        (3 | 4, RetentionDenied) => match candidacy {
            Active => None,
            _ => Some((ArchivedWithoutRetentionConsent, 100)),
        },
        _ => unreachable!("combinations are 1 to 4"),
    }
}

fn ago(days: i64) -> DateTime<Utc> {
    Utc::now() - Duration::days(days)
}

/// The organization, under one of the four combinations.
async fn organization(pool: &PgPool, combination: u8) -> World {
    let world = World::new(pool.clone());
    let basis = |consent: bool| {
        if consent {
            "explicit_consent"
        } else {
            "legitimate_interest_or_contract"
        }
    };
    world
        .settings(&format!(
            "compliance_mode = 'gdpr', gdpr_scope = 'all', retention_days = {RETENTION},
             consent_validity_days = {VALIDITY}, consent_answer_window_days = {ANSWER_WINDOW},
             anonymization_grace_days = {GRACE},
             processing_basis = '{}', retention_basis = '{}'",
            basis(combination >= 3),
            basis(matches!(combination, 2 | 4)),
        ))
        .await;
    world
}

/// A candidate added 1000 days ago, with their consent story and their candidacy.
async fn candidate(world: &World, n: usize, consent: Consent, candidacy: Candidacy) -> Candidate {
    let candidate = world.candidate(&format!("person{n}@example.com")).await;
    let id = candidate.id.into_uuid();
    sqlx::query("UPDATE candidates SET created_at = $2 WHERE id = $1")
        .bind(id)
        .bind(ago(1000))
        .execute(&world.pool)
        .await
        .unwrap();
    let decisions: &[(&str, &str, i64)] = match consent {
        Consent::Given => &[("processing", "given", 100), ("retention", "given", 100)],
        Consent::Denied => &[("processing", "denied", 100), ("retention", "denied", 100)],
        Consent::NeverAnswered => &[],
        Consent::Expired => &[("processing", "given", 800), ("retention", "given", 800)],
        Consent::RetentionDenied => &[("processing", "given", 100), ("retention", "denied", 100)],
    };
    for (purpose, decision, days) in decisions {
        sqlx::query(
            "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, text_version, at)
             VALUES ($1, $2, 'consent', $3, 'job_post', 'v1', $4)",
        )
        .bind(id)
        .bind(purpose)
        .bind(decision)
        .bind(ago(*days))
        .execute(&world.pool)
        .await
        .unwrap();
    }
    if consent == Consent::NeverAnswered {
        world.queue_email(&candidate, "gdpr_notice", -100).await;
        sqlx::query(
            "UPDATE email_outbox SET created_at = $2, status = 'sent', sent_at = $2 WHERE candidate_id = $1",
        )
        .bind(id)
        .bind(ago(100))
        .execute(&world.pool)
        .await
        .unwrap();
    }
    let (archived, hired) = match candidacy {
        Candidacy::Active => (None, false),
        Candidacy::ArchivedWithinRetention => (Some(100), false),
        Candidacy::ArchivedPastRetention => (Some(500), false),
        Candidacy::Hired => (Some(500), true),
    };
    sqlx::query(
        "INSERT INTO opportunities (candidate_id, origin, created_at, archived_at, hired)
         VALUES ($1, 'applied', $2, $3, $4)",
    )
    .bind(id)
    .bind(ago(900))
    .bind(archived.map(ago))
    .bind(hired)
    .execute(&world.pool)
    .await
    .unwrap();
    candidate
}

async fn verdicts(world: &World) -> HashMap<CandidateId, Verdict> {
    let mut verdicts = HashMap::new();
    sweep::decide_all(&world.pool, Utc::now(), |id, verdict| {
        verdicts.insert(id, verdict);
    })
    .await
    .unwrap();
    verdicts
}

async fn is_anonymized(world: &World, candidate: &Candidate) -> bool {
    sqlx::query_scalar("SELECT anonymized_at IS NOT NULL FROM candidates WHERE id = $1")
        .bind(candidate.id.into_uuid())
        .fetch_one(&world.pool)
        .await
        .unwrap()
}

/// Every consent story × every candidacy under one combination: marked or not, why, since when,
/// waiting or anonymized by the sweep — and a second sweep changes nothing.
async fn the_table_holds_for(pool: PgPool, combination: u8) {
    let world = organization(&pool, combination).await;
    let mut cases = Vec::new();
    for consent in CONSENTS {
        for candidacy in CANDIDACIES {
            let c = candidate(&world, cases.len(), consent, candidacy).await;
            cases.push((
                consent,
                candidacy,
                c,
                expected(combination, consent, candidacy),
            ));
        }
    }

    let decided = verdicts(&world).await;
    for (consent, candidacy, c, mark) in &cases {
        let case = format!("combination {combination}, {consent:?}, {candidacy:?}");
        let verdict = decided[&c.id];
        match (mark, verdict) {
            (None, Verdict::Keep) => {}
            (Some((reason, days)), Verdict::Waiting(n) | Verdict::Anonymize(n)) => {
                assert_eq!(n.reason, *reason, "{case}");
                assert_eq!((Utc::now() - n.since).num_days(), *days, "{case}: since");
                assert_eq!(n.anonymize_on - n.since, Duration::days(GRACE), "{case}");
                assert_eq!(
                    matches!(verdict, Verdict::Anonymize(_)),
                    *days >= GRACE,
                    "{case}: due only after the grace period"
                );
            }
            _ => panic!("{case}: expected {mark:?}, got {verdict:?}"),
        }
    }

    let first = sweep::sweep(&pool, &world.config, Trigger::Command, Utc::now())
        .await
        .unwrap();
    let due: Vec<_> = cases
        .iter()
        .filter(|(.., mark)| mark.is_some_and(|(_, days)| days >= GRACE))
        .collect();
    assert_eq!(first.outcome.anonymized, due.len() as u64);
    for (consent, candidacy, c, mark) in &cases {
        let should = mark.is_some_and(|(_, days)| days >= GRACE);
        assert_eq!(
            is_anonymized(&world, c).await,
            should,
            "combination {combination}, {consent:?}, {candidacy:?}"
        );
    }

    let audit_before = world.count("audit_log").await;
    let second = sweep::sweep(&pool, &world.config, Trigger::Command, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        second.outcome.anonymized, 0,
        "the second run has nothing to do"
    );
    assert_eq!(second.tally.due, 0);
    assert_eq!(world.count("audit_log").await, audit_before);
    assert_eq!(
        second.tally.examined,
        (cases.len() - due.len()) as u64,
        "anonymized candidates are not examined again"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn combination_1_marks_only_past_retention(pool: PgPool) {
    the_table_holds_for(pool, 1).await;
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn combination_2_marks_a_refused_retention_consent_at_once(pool: PgPool) {
    the_table_holds_for(pool, 2).await;
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn combination_3_marks_refused_processing_at_once_and_refused_retention_once_archived(
    pool: PgPool,
) {
    the_table_holds_for(pool, 3).await;
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn combination_4_asks_both_and_marks_like_3(pool: PgPool) {
    the_table_holds_for(pool, 4).await;
}

/// Several candidates long past retention.
async fn due_candidates(world: &World, n: usize) -> Vec<Candidate> {
    let mut due = Vec::new();
    for i in 0..n {
        due.push(candidate(world, i, Consent::Given, Candidacy::ArchivedPastRetention).await);
    }
    due
}

async fn anonymized_audits(world: &World) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'candidate.anonymized'")
        .fetch_one(&world.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn two_sweeps_at_once_anonymize_each_candidate_once(pool: PgPool) {
    let world = organization(&pool, 1).await;
    let due = due_candidates(&world, 12).await;
    let now = Utc::now();

    let (a, b) = tokio::join!(
        sweep::sweep(&pool, &world.config, Trigger::Schedule, now),
        sweep::sweep(&pool, &world.config, Trigger::Command, now),
    );
    let anonymized: u64 = [&a, &b]
        .iter()
        .filter_map(|r| match r {
            Ok(report) => Some(report.outcome.anonymized),
            Err(SweepError::AlreadyRunning) => None,
            Err(e) => panic!("sweep failed: {e}"),
        })
        .sum();
    assert_eq!(anonymized, due.len() as u64);
    assert_eq!(anonymized_audits(&world).await, due.len() as i64);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn without_the_lock_each_candidate_is_still_anonymized_once(pool: PgPool) {
    // Two servers that both got past the lock (say, one's connection dropped mid-run) still don't
    // anonymize anyone twice: each candidate is decided again under its row lock.
    let world = organization(&pool, 1).await;
    let due = due_candidates(&world, 12).await;
    let ids: Vec<CandidateId> = due.iter().map(|c| c.id).collect();
    let mut reversed = ids.clone();
    reversed.reverse();
    let now = Utc::now();

    let (a, b) = tokio::join!(
        sweep::anonymize_due(&pool, &world.config, &ids, now),
        sweep::anonymize_due(&pool, &world.config, &reversed, now),
    );
    assert_eq!(a.anonymized + b.anonymized, due.len() as u64);
    assert_eq!(
        a.skipped + a.retry_later + b.skipped + b.retry_later,
        due.len() as u64
    );
    assert_eq!(anonymized_audits(&world).await, due.len() as i64);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_legal_hold_or_a_change_of_heart_since_the_scan_stops_the_sweep(pool: PgPool) {
    let world = organization(&pool, 4).await;
    let admin = world.user("Ada Admin", "admin").await;
    let held = candidate(&world, 1, Consent::Denied, Candidacy::Active).await;
    let changed_mind = candidate(&world, 2, Consent::Denied, Candidacy::Active).await;
    sqlx::query(
        "INSERT INTO legal_holds (candidate_id, reason, placed_by) VALUES ($1, 'Litigation', $2)",
    )
    .bind(held.id.into_uuid())
    .bind(admin.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();

    let (tally, due) = sweep::scan(&pool, Utc::now()).await.unwrap();
    assert_eq!(tally.held, 1);
    assert_eq!(due, vec![changed_mind.id]);

    // Between the scan and the anonymization, the candidate gives consent again.
    world
        .decide(&changed_mind, app::domain::Purpose::Processing, true)
        .await;
    let outcome = sweep::anonymize_due(&pool, &world.config, &due, Utc::now()).await;
    assert_eq!((outcome.anonymized, outcome.skipped), (0, 1));
    assert!(!is_anonymized(&world, &changed_mind).await);
    assert!(!is_anonymized(&world, &held).await);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_dry_run_changes_nothing_and_every_run_leaves_a_summary_without_personal_data(
    pool: PgPool,
) {
    let world = organization(&pool, 2).await;
    let due = due_candidates(&world, 3).await;
    let waiting = candidate(&world, 10, Consent::Expired, Candidacy::Active).await;

    let dry = sweep::dry_run(&pool, Trigger::Command, Utc::now())
        .await
        .unwrap();
    assert_eq!((dry.tally.due, dry.tally.waiting), (3, 1));
    assert_eq!(dry.tally.marked_by(RetentionPeriodPassed), 3);
    assert_eq!(dry.tally.marked_by(ConsentExpired), 1);
    let mut listed = dry.tally.first_due.clone();
    listed.sort();
    let mut expected: Vec<_> = due.iter().map(|c| c.id).collect();
    expected.sort();
    assert_eq!(listed, expected);
    for c in due.iter().chain([&waiting]) {
        assert!(!is_anonymized(&world, c).await);
    }
    let printout = dry.to_string();
    assert!(printout.contains("Due for anonymization: 3"), "{printout}");
    assert!(printout.contains(&due[0].id.to_string()));
    assert!(printout.contains("Nothing was changed."));

    let run = sweep::sweep(&pool, &world.config, Trigger::Command, Utc::now())
        .await
        .unwrap();
    assert_eq!(run.outcome.anonymized, 3);

    let summaries: Vec<(bool, i64, i64, serde_json::Value)> = sqlx::query_as(
        "SELECT dry_run, due, anonymized, marked FROM sweep_runs ORDER BY started_at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(summaries.len(), 2);
    assert_eq!(
        (summaries[0].0, summaries[0].1, summaries[0].2),
        (true, 3, 0)
    );
    assert_eq!(
        (summaries[1].0, summaries[1].1, summaries[1].2),
        (false, 3, 3)
    );
    assert_eq!(summaries[1].3["retention_period_passed"], 3);
    let stored: String =
        sqlx::query_scalar("SELECT string_agg(to_jsonb(r)::text, ' ') FROM sweep_runs r")
            .fetch_one(&pool)
            .await
            .unwrap();
    for c in due.iter().chain([&waiting]) {
        assert!(!stored.contains(&c.id.to_string()), "no ids in summaries");
        assert!(!stored.contains(&c.email));
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_daily_schedule_runs_once_a_day_across_servers(pool: PgPool) {
    let world = organization(&pool, 1).await;
    due_candidates(&world, 2).await;
    let now = Utc::now();

    let (a, b) = tokio::join!(
        sweep::run_if_scheduled(&pool, &world.config, now),
        sweep::run_if_scheduled(&pool, &world.config, now),
    );
    let ran: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(ran.len(), 1, "one of the two servers sweeps");
    assert_eq!(ran[0].outcome.anonymized, 2);

    let later_today = now + Duration::hours(5);
    assert!(sweep::run_if_scheduled(&pool, &world.config, later_today)
        .await
        .unwrap()
        .is_none());
    let tomorrow = now + Duration::hours(24);
    assert!(sweep::run_if_scheduled(&pool, &world.config, tomorrow)
        .await
        .unwrap()
        .is_some());
    let scheduled: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sweep_runs WHERE trigger = 'schedule'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(scheduled, 2);
}

const PASSWORD: &str = "correct horse battery staple";

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn admins_read_the_run_summaries_and_team_members_are_refused(pool: PgPool) {
    use app::domain::Role;
    use axum::http::StatusCode;
    let world = organization(&pool, 1).await;
    let due = due_candidates(&world, 2).await;
    let admin = world.member("Ada Admin", Role::Admin, PASSWORD).await;
    let member = world.member("Tam Member", Role::TeamMember, PASSWORD).await;
    sweep::dry_run(&pool, Trigger::Command, Utc::now())
        .await
        .unwrap();
    sweep::sweep(&pool, &world.config, Trigger::Schedule, Utc::now())
        .await
        .unwrap();

    let app = crate::common::TestApp::new(pool.clone());
    let admin = app.session(&admin.email, PASSWORD).await;
    let page = admin.get("/compliance/sweeps").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.body;
    assert!(html.contains("Retention sweeps"));
    assert!(
        html.contains("Daily schedule"),
        "the scheduled run is listed"
    );
    assert!(html.contains("Dry run by an operator (nothing changed)"));
    assert!(html.contains("2 due, 2 anonymized"), "{html}");
    assert!(html.contains("2: the retention period has passed"));
    assert!(
        html.contains(r#"href="/compliance/sweeps""#),
        "admins get the link"
    );
    for c in &due {
        assert!(!html.contains(&c.id.to_string()));
        assert!(!html.contains(&c.name));
    }

    let member = app.session(&member.email, PASSWORD).await;
    let refused = member.get("/compliance/sweeps").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains("2 anonymized"));
    let list = member.get("/candidates").await.body;
    assert!(
        !list.contains(r#"href="/compliance/sweeps""#),
        "no link for them"
    );
    let api = member.invoke(app::sweep::LoadSweepRuns {}).await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);

    let nobody = app.get("/compliance/sweeps").await;
    assert!(nobody.status.is_redirection() || nobody.body.contains("Sign in"));
}
