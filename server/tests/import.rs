//! CSV import (SPEC §11): a file is checked whole before anything changes, applied through the
//! integration API's own upserts, and a second import of it changes nothing; bad files change
//! nothing and say where they are wrong; imported history feeds the retention rules.

use crate::common::world::World;
use crate::common::{Part, TestApp};
use app::core::import::service::{self as import};
use app::core::import::ImportView;
use app::domain::import::{FileProblem, SkipReason, Status};
use app::domain::{Role, Viewer};
use chrono::Utc;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;
use std::io::Cursor;

const PASSWORD: &str = "correct horse battery staple";

const TEMPLATE: &str = "\
external_id,name,emails,phones,country,added_at,posting_title,stage,state,archive_reason,archived_at,consent_purpose,consent_decision,consent_at,consent_text_version
c-1,Ada Lovelace,ada@example.com,+44 20 7946 0000,GB,2024-01-10,Data engineer,interview,,,,retention,given,2024-01-10T09:00:00Z,notice-3
c-1,Ada Lovelace,ada@example.com,,GB,,,,,,,processing,given,2024-01-10T09:00:00Z,notice-3
c-2,Grace Hopper,grace@example.com,,US,2023-05-01,Data engineer,screen,archived,withdrew,2023-06-01,,,,
,Alan Turing,alan@example.com; turing@example.com,,GB,,,,,,,contact,revoked,2024-02-02,notice-3
";

struct Importer {
    world: World,
    viewer: Viewer,
}

impl Importer {
    async fn new(pool: PgPool) -> Self {
        let world = World::new(pool);
        let sasha = world.user("Sasha Super", "super_admin").await;
        let viewer = sasha.as_viewer(Role::SuperAdmin);
        Self { world, viewer }
    }

    async fn posting(&self, title: &str) {
        sqlx::query(
            "INSERT INTO postings (title, description, questions, state)
             VALUES ($1, 'About the job', ARRAY['Why us?'], 'published')",
        )
        .bind(title)
        .execute(&self.world.pool)
        .await
        .unwrap();
    }

    async fn check(&self, file: &[u8]) -> ImportView {
        let pool = &self.world.pool;
        let now = Utc::now();
        let id = import::create(pool, &self.viewer, "file.csv", file.len() as u64, now)
            .await
            .unwrap();
        let reader = Cursor::new(file.to_vec());
        import::check(
            pool,
            &self.world.config,
            &self.viewer,
            id,
            reader,
            now,
            |_| (),
        )
        .await
        .unwrap()
    }

    async fn apply(&self, checked: &ImportView) -> ImportView {
        import::apply(
            &self.world.pool,
            &self.world.config,
            &self.viewer,
            checked.id,
            Utc::now(),
            |_| (),
        )
        .await
        .unwrap()
    }

    async fn import(&self, file: &[u8]) -> ImportView {
        let checked = self.check(file).await;
        assert_eq!(checked.status, Status::Checked, "{:?}", checked.problems);
        self.apply(&checked).await
    }

    /// Everything an import could have written, counted.
    async fn footprint(&self) -> Vec<i64> {
        let mut counts = Vec::new();
        for table in [
            "candidates",
            "candidate_emails",
            "opportunities",
            "events",
            "consent_events",
        ] {
            counts.push(self.world.count(table).await);
        }
        let audit: i64 =
            sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'candidate.%'")
                .fetch_one(&self.world.pool)
                .await
                .unwrap();
        counts.push(audit);
        counts
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_file_is_checked_first_then_applied_and_a_second_import_changes_nothing(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    importer.posting("Data engineer").await;

    let checked = importer.check(TEMPLATE.as_bytes()).await;
    assert_eq!(checked.status, Status::Checked);
    assert_eq!(checked.rows_total, Some(4));
    assert_eq!(
        (
            checked.counts.create,
            checked.counts.update,
            checked.counts.skip
        ),
        (3, 1, 0),
        "Ada's second line adds a decision to the record her first line creates"
    );
    assert_eq!(
        importer.world.count("candidates").await,
        0,
        "a check changes nothing"
    );

    let applied = importer.apply(&checked).await;
    assert_eq!(applied.status, Status::Applied);
    assert_eq!((applied.counts.create, applied.counts.update), (3, 1));
    let ada: (String, Option<String>, chrono::DateTime<Utc>) = sqlx::query_as(
        "SELECT name, location_country, created_at FROM candidates WHERE external_id = 'c-1'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(ada.0, "Ada Lovelace");
    assert_eq!(ada.1.as_deref(), Some("GB"));
    assert_eq!(
        ada.2.to_rfc3339(),
        "2024-01-10T00:00:00+00:00",
        "dated from the file"
    );
    let grace: (String, Option<chrono::DateTime<Utc>>, Option<String>, bool) = sqlx::query_as(
        "SELECT o.stage, o.archived_at, o.archive_reason, o.posting_id IS NOT NULL
           FROM opportunities o JOIN candidates c ON c.id = o.candidate_id
          WHERE c.external_id = 'c-2'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(grace.0, "screen");
    assert_eq!(
        grace.1.map(|t| t.to_rfc3339()).as_deref(),
        Some("2023-06-01T00:00:00+00:00"),
        "archived when the file says"
    );
    assert_eq!(grace.2.as_deref(), Some("withdrew"));
    assert!(grace.3, "the posting found by its title");
    let decisions: Vec<(String, String, String)> =
        sqlx::query_as("SELECT purpose, decision, source FROM consent_events ORDER BY purpose")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        decisions,
        [
            ("contact".into(), "revoked".into(), "import".into()),
            ("processing".into(), "given".into(), "import".into()),
            ("retention".into(), "given".into(), "import".into()),
        ]
    );
    let staged: i64 =
        sqlx::query_scalar("SELECT count(*) FROM import_rows WHERE record IS NOT NULL")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(staged, 0, "the parsed lines go once applied");

    // The same file again: Alan has no external id and is found by his address.
    let before = importer.footprint().await;
    let again = importer.import(TEMPLATE.as_bytes()).await;
    assert_eq!(
        (
            again.counts.create,
            again.counts.update,
            again.counts.unchanged
        ),
        (0, 0, 4)
    );
    assert_eq!(
        importer.footprint().await,
        before,
        "nothing written the second time"
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn greenhouse_and_lever_exports_are_read_by_their_own_column_names(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    importer.posting("Backend engineer").await;
    let greenhouse = "\
Candidate ID,First Name,Last Name,Personal Email,Work Email,Application ID,Job,Current Stage,Status,Rejection Reason,Rejected On,Applied On
4821,Grace,Hopper,grace@example.com,g.hopper@work.example,app-1,Backend engineer,Phone Interview,Rejected,Not a fit,2022-03-01,2022-01-15
4822,Katherine,Johnson,kj@example.com,,app-2,Nonexistent job,Offer,Active,,,2022-02-01
";
    let done = importer.import(greenhouse.as_bytes()).await;
    assert_eq!((done.counts.create, done.counts.skip), (1, 1));
    assert_eq!(done.skipped.len(), 1);
    assert_eq!(done.skipped[0].line, 3);
    assert_eq!(done.skipped[0].reason, SkipReason::UnknownPosting);
    let (stage, reason, emails): (String, Option<String>, i64) = sqlx::query_as(
        "SELECT o.stage, o.archive_reason,
                (SELECT count(*) FROM candidate_emails e WHERE e.candidate_id = c.id)
           FROM candidates c JOIN opportunities o ON o.candidate_id = c.id
          WHERE c.external_id = '4821' AND o.external_id = 'app-1'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (stage.as_str(), reason.as_deref(), emails),
        ("interview", Some("rejected"), 2)
    );

    let lever = "\
Full-Name,Email,Phone,Location,Date-Added,Stage,Archive-Reason,Archive-Date,Sources,Origin
Ada Lovelace,ada@example.com,+44 20 7946 0000,London,2021-02-03 10:00:00,New applicant,Hired,2021-05-01,LinkedIn,sourced
";
    let done = importer.import(lever.as_bytes()).await;
    assert_eq!(done.counts.create, 1);
    let (hired, archived, created): (bool, bool, chrono::DateTime<Utc>) = sqlx::query_as(
        "SELECT o.hired, o.archived_at IS NOT NULL, o.created_at
           FROM candidates c JOIN candidate_emails e ON e.candidate_id = c.id
           JOIN opportunities o ON o.candidate_id = c.id
          WHERE e.email = 'ada@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(hired && !archived, "Lever's archive reason Hired is a hire");
    assert_eq!(created.to_rfc3339(), "2021-02-03T10:00:00+00:00");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_bad_file_changes_nothing_and_says_where_it_is_wrong(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    let mut good_lines = String::from("name,emails,archived_at,state,archive_reason\n");
    for i in 2..=6 {
        good_lines.push_str(&format!(
            "Person {i},p{i}@example.com,2024-01-01,archived,rejected\n"
        ));
    }
    let mut bad_date = good_lines.clone();
    bad_date.push_str("Person 7,p7@example.com,01/02/2024,archived,rejected\n");
    let mut formula = good_lines.clone();
    formula.push_str("\"=HYPERLINK(\"\"http://evil.example\"\")\",p7@example.com,,,\n");
    let mut long_line = good_lines.clone().into_bytes();
    long_line.extend_from_slice(b"Person 7,");
    long_line.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
    long_line.extend_from_slice(b"@example.com,,,\n");
    let mut latin1 = good_lines.clone().into_bytes();
    latin1.extend_from_slice(b"Ren\xe9e Dupont,renee@example.com,,,\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("name,emails\n".encode_utf16().flat_map(u16::to_le_bytes));

    let cases: Vec<(&str, Vec<u8>, Option<u64>, FileProblem)> = vec![
        (
            "a bad date on line 7",
            bad_date.into_bytes(),
            Some(7),
            FileProblem::Cell {
                column: "archived_at".into(),
                field: app::domain::preferences::Field::ArchivedAt,
                problem: app::domain::preferences::Problem::Invalid,
            },
        ),
        (
            "a formula",
            formula.into_bytes(),
            Some(7),
            FileProblem::Formula {
                column: "name".into(),
            },
        ),
        ("a 10 MB line", long_line, Some(7), FileProblem::LineTooLong),
        (
            "Latin-1",
            latin1,
            Some(7),
            FileProblem::Encoding { utf16: false },
        ),
        ("UTF-16", utf16, None, FileProblem::Encoding { utf16: true }),
        (
            "no email or external id column",
            b"name,phone\nAda,+44 1\n".to_vec(),
            Some(1),
            FileProblem::MissingColumn {
                needs: "emails or external_id".into(),
            },
        ),
        ("an empty file", Vec::new(), None, FileProblem::Empty),
    ];
    for (case, file, line, problem) in cases {
        let refused = importer.check(&file).await;
        assert_eq!(refused.status, Status::Refused, "{case}");
        assert_eq!(refused.problems.len(), 1, "{case}: {:?}", refused.problems);
        assert_eq!(refused.problems[0].line, line, "{case}");
        assert_eq!(refused.problems[0].problem, problem, "{case}");
        let message = app::text::file_problem(&refused.problems[0]);
        assert!(
            !message.contains("evil.example"),
            "a cell is never quoted: {message}"
        );
        let applying = import::apply(
            &pool,
            &importer.world.config,
            &importer.viewer,
            refused.id,
            Utc::now(),
            |_| (),
        )
        .await;
        assert_eq!(
            applying.unwrap_err(),
            app::error::AppError::ImportNotReady,
            "{case}"
        );
        assert_eq!(importer.world.count("candidates").await, 0, "{case}");
        let kept: i64 = sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM import_rows) + (SELECT count(*) FROM import_chunks)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(kept, 0, "{case}: nothing of the file is kept");
    }
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn imported_history_past_retention_is_listed_by_the_sweeps_dry_run(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    let file = "\
external_id,name,emails,added_at,state,archive_reason,archived_at
old-1,Old Applicant,old@example.com,2018-01-01,archived,rejected,2018-03-01
new-1,Recent Applicant,new@example.com,2026-01-01,,,
";
    importer.import(file.as_bytes()).await;
    let id = |external: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, uuid::Uuid>("SELECT id FROM candidates WHERE external_id = $1")
                .bind(external)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let (old, new) = (id("old-1").await, id("new-1").await);
    let report =
        app::sweep::service::dry_run(&pool, app::sweep::service::Trigger::Command, Utc::now())
            .await
            .unwrap();
    let due: Vec<uuid::Uuid> = report
        .tally
        .first_due
        .iter()
        .map(|c| c.into_uuid())
        .collect();
    assert!(
        due.contains(&old),
        "archived in 2018: retention long passed"
    );
    assert!(!due.contains(&new));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_file_of_many_batches_streams_and_repeats_across_batches_are_updates(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    let people = import::BATCH + 250;
    let mut file = String::from(
        "name,emails,consent_purpose,consent_decision,consent_at,consent_text_version\n",
    );
    for i in 0..people {
        file.push_str(&format!(
            "Person {i},p{i}@example.com,retention,given,2024-01-01,v1\n"
        ));
    }
    // The first people again, in a later batch, with a second decision each.
    for i in 0..100 {
        file.push_str(&format!(
            "Person {i},p{i}@example.com,processing,given,2024-01-01,v1\n"
        ));
    }
    let checked = importer.check(file.as_bytes()).await;
    assert_eq!(
        (checked.counts.create, checked.counts.update),
        (people as u64, 100)
    );
    assert_eq!(checked.bytes_done, file.len() as u64);
    let applied = importer.apply(&checked).await;
    assert_eq!(
        (applied.counts.create, applied.counts.update),
        (people as u64, 100)
    );
    assert_eq!(importer.world.count("candidates").await, people as i64);
    assert_eq!(
        importer.world.count("consent_events").await,
        people as i64 + 100
    );
    let again = importer.check(file.as_bytes()).await;
    assert_eq!(again.counts.unchanged, (people + 100) as u64);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_erased_or_anonymized_person_is_never_imported_again(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    let file = "external_id,name,emails\nx-1,Erin Erased,erin@example.com\n";
    importer.import(file.as_bytes()).await;
    // Erin's own record, anonymized by the profile's engine (her address kept as a keyed hash).
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM candidates WHERE external_id = 'x-1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    app::core::records::anonymize(
        &pool,
        &importer.world.config,
        &importer.viewer,
        id,
        Some(app::domain::records::AnonymizeReason::DeletedInAts),
        Utc::now(),
    )
    .await
    .unwrap();
    // Her address is known only by its keyed hash: erased, with or without the external id.
    let again = importer.import(file.as_bytes()).await;
    assert_eq!(again.counts.skip, 1);
    assert_eq!(again.skipped[0].reason, SkipReason::Erased);
    let by_email = importer
        .import(b"name,emails\nErin Erased,erin@example.com\n")
        .await;
    assert_eq!(by_email.skipped[0].reason, SkipReason::Erased);
    // Her external id with a new address: the anonymized record, which stays so.
    let by_id = importer
        .import(b"external_id,name,emails\nx-1,Erin Erased,erin@new.example\n")
        .await;
    assert_eq!(by_id.skipped[0].reason, SkipReason::Anonymized);
    let live: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidates WHERE anonymized_at IS NULL AND name = 'Erin Erased'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(live, 0);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_settings_page_uploads_checks_and_applies_a_file_without_javascript(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let robin = world.member("Robin Admin", Role::Admin, PASSWORD).await;
    let admin = app.session(&sasha.email, PASSWORD).await;

    let page = admin.get("/settings/import").await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    assert!(page.body.contains(r#"enctype="multipart/form-data""#));
    let file = "name,emails\nAda Lovelace,ada@example.com\nGrace Hopper,grace@example.com\n";
    let uploaded = admin
        .post_multipart(
            app::import::UploadImport::PATH,
            &[Part::File("file", "team.csv", file.as_bytes())],
        )
        .await;
    let location = uploaded.header("location").to_owned();
    assert!(
        location.starts_with("/settings/import/") && location.contains("notice=import-uploaded"),
        "{location}"
    );
    let id = location["/settings/import/".len()..]
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let status = |wanted: &'static str| {
        let (pool, id) = (pool.clone(), id.clone());
        async move {
            for _ in 0..200 {
                let status: String =
                    sqlx::query_scalar("SELECT status FROM imports WHERE id = $1::uuid")
                        .bind(&id)
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                if status == wanted {
                    return;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            panic!("the import never reached {wanted}");
        }
    };
    status("checked").await;
    let report = admin.get(&format!("/settings/import/{id}")).await.body;
    assert!(report.contains("Applying would create 2"), "{report}");
    assert!(report.contains("team.csv"));
    assert_eq!(world.count("candidates").await, 0);

    let robins = app.session(&robin.email, PASSWORD).await;
    let refused = robins
        .post_form(app::import::ApplyImport::PATH, &[("import", &id)])
        .await;
    assert!(refused.header("location").contains("notice=forbidden"));

    let applying = admin
        .post_form(app::import::ApplyImport::PATH, &[("import", &id)])
        .await;
    assert!(applying
        .header("location")
        .contains("notice=import-applying"));
    status("applied").await;
    assert_eq!(world.count("candidates").await, 2);
    let twice = admin
        .post_form(app::import::ApplyImport::PATH, &[("import", &id)])
        .await;
    assert!(twice.header("location").contains("notice=import-not-ready"));
    let done = admin.get(&format!("/settings/import/{id}")).await.body;
    assert!(done.contains("Created 2"), "{done}");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_import_command_reports_a_dry_run_then_applies(pool: PgPool) {
    let world = World::new(pool.clone());
    world.user("Sasha Super", "super_admin").await;
    let dir = std::env::temp_dir().join(format!("candor-import-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("people.csv");
    std::fs::write(&path, "name,emails\nAda Lovelace,ada@example.com\n").unwrap();
    let url = crate::common::database_url_of(&pool);
    let file = path.to_str().unwrap();
    let dry = crate::cli::candor(&url, &["import", file, "--dry-run"], &[]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(out.contains("Applying would create 1"), "{out}");
    assert_eq!(world.count("candidates").await, 0);
    let applied = crate::cli::candor(&url, &["import", file], &[]);
    assert!(applied.status.success());
    assert!(String::from_utf8_lossy(&applied.stdout).contains("Created 1"));
    assert_eq!(world.count("candidates").await, 1);
    std::fs::write(&path, "name\nAda\n").unwrap();
    let refused = crate::cli::candor(&url, &["import", file], &[]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stdout).contains("no column for emails or external_id")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_stalled_apply_resumes_after_its_last_committed_line_and_a_live_one_is_left_alone(
    pool: PgPool,
) {
    let importer = Importer::new(pool.clone()).await;
    importer.posting("Data engineer").await;
    let checked = importer.check(TEMPLATE.as_bytes()).await;
    // A server that stopped mid-apply: lines through 2 (Ada's retention decision) committed,
    // its heartbeat a while ago.
    sqlx::query(
        "UPDATE imports SET status = 'applying', applied_through = 2, rows_done = 1, to_create = 1,
                heartbeat_at = now() - interval '10 minutes'
          WHERE id = $1",
    )
    .bind(checked.id)
    .execute(&pool)
    .await
    .unwrap();
    let shown = import::view(&pool, &importer.viewer, checked.id)
        .await
        .unwrap();
    assert!(
        shown.stalled,
        "a phase with no sign of life is shown stalled"
    );

    import::resume(
        &pool,
        std::sync::Arc::new(importer.world.config.clone()),
        &importer.viewer,
        checked.id,
    )
    .await
    .unwrap();
    let mut done = shown;
    for _ in 0..200 {
        done = import::view(&pool, &importer.viewer, checked.id)
            .await
            .unwrap();
        if done.status == Status::Applied {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(done.status, Status::Applied);
    assert_eq!(done.rows_done, 4, "counted on from where it stopped");
    // Line 2 counted as done, so its decision is not applied again; line 3 still made Ada.
    let ada_decisions: Vec<String> = sqlx::query_scalar(
        "SELECT e.purpose FROM consent_events e JOIN candidates c ON c.id = e.candidate_id
          WHERE c.external_id = 'c-1' ORDER BY e.purpose",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(ada_decisions, ["processing"]);
    assert_eq!(importer.world.count("candidates").await, 3);

    // A phase that is alive is not taken a second time, by a resume or an apply.
    let live = importer.check(TEMPLATE.as_bytes()).await;
    sqlx::query("UPDATE imports SET status = 'applying', heartbeat_at = now() WHERE id = $1")
        .bind(live.id)
        .execute(&pool)
        .await
        .unwrap();
    let resumed = import::resume(
        &pool,
        std::sync::Arc::new(importer.world.config.clone()),
        &importer.viewer,
        live.id,
    );
    assert!(matches!(
        resumed.await,
        Err(app::error::AppError::ImportNotReady)
    ));
    let applied = import::apply(
        &pool,
        &importer.world.config,
        &importer.viewer,
        live.id,
        Utc::now(),
        |_| (),
    );
    assert!(matches!(
        applied.await,
        Err(app::error::AppError::ImportNotReady)
    ));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn parsed_lines_nobody_applied_are_deleted_after_a_day_and_reports_stay(pool: PgPool) {
    let importer = Importer::new(pool.clone()).await;
    let forgotten = importer.check(TEMPLATE.as_bytes()).await;
    let applied = importer
        .import(b"name,emails\nAda Lovelace,ada@example.com\n")
        .await;
    let refused = importer.check(b"name\nAda\n").await;
    assert_eq!(refused.status, Status::Refused);
    let staged = |id: uuid::Uuid| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM import_rows WHERE import_id = $1 AND record IS NOT NULL",
            )
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(staged(forgotten.id).await, 4);

    // A day later, nobody has applied it.
    import::purge_stale(&pool, Utc::now() + chrono::Duration::hours(25))
        .await
        .unwrap();
    assert_eq!(staged(forgotten.id).await, 0);
    assert!(matches!(
        import::view(&pool, &importer.viewer, forgotten.id).await,
        Err(app::error::AppError::NotFound)
    ));
    for kept in [applied.id, refused.id] {
        let report = import::view(&pool, &importer.viewer, kept).await.unwrap();
        assert!(matches!(report.status, Status::Applied | Status::Refused));
    }
}
