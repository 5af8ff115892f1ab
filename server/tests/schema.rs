//! The schema keeps the data honest: migrations, constraints and the append-only history.

use sqlx::PgPool;
use uuid::Uuid;

const TABLES: [&str; 45] = [
    "users",
    "sessions",
    "settings",
    "country_policies",
    "postings",
    "candidates",
    "candidate_emails",
    "opportunities",
    "opportunity_assignees",
    "application_responses",
    "application_comments",
    "attachments",
    "notes",
    "feedback",
    "events",
    "consent_events",
    "data_requests",
    "notifications",
    "legal_holds",
    "anonymized_contacts",
    "audit_log",
    "email_templates",
    "email_template_versions",
    "email_outbox",
    "nurture_campaigns",
    "nurture_touchpoints",
    "sign_in_failures",
    "nurture_steps",
    "email_attachments",
    "sweep_runs",
    "email_confirmations",
    "password_links",
    "api_keys",
    "api_key_reveals",
    "webhook_endpoints",
    "webhook_secret_reveals",
    "webhook_events",
    "webhook_deliveries",
    "api_idempotency",
    "upload_usage",
    "imports",
    "import_chunks",
    "import_rows",
    "data_request_tallies",
    "data_request_tally_changes",
];

/// Views count with the tables: a down migration must drop them too.
const VIEWS: [&str; 1] = ["candidate_retention_facts"];

async fn table_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = false)]
async fn migrations_apply_from_zero_revert_and_apply_again(pool: PgPool) {
    let migrator = &candor_server::db::MIGRATOR;
    assert_eq!(table_count(&pool).await, 0);
    migrator.run(&pool).await.unwrap();
    for table in TABLES.iter().chain(&["nurture_enrollments"]).chain(&VIEWS) {
        let exists: bool = sqlx::query_scalar("SELECT to_regclass($1) IS NOT NULL")
            .bind(format!("public.{table}"))
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(exists, "table {table} missing");
    }
    let settings_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM settings")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        settings_rows, 1,
        "the organization's settings row exists from the start"
    );

    migrator.undo(&pool, 0).await.unwrap();
    assert_eq!(
        table_count(&pool).await,
        0,
        "every down migration removes what its up made"
    );
    migrator.run(&pool).await.unwrap();
    assert_eq!(
        table_count(&pool).await,
        (TABLES.len() + 1 + VIEWS.len()) as i64
    );
}

/// Inserts a user, a candidate with one email, and returns their ids.
async fn basics(pool: &PgPool) -> (Uuid, Uuid) {
    let user: Uuid = sqlx::query_scalar(
        "INSERT INTO users (email, name, role, password_hash) VALUES ('owner@example.com', 'Owner', 'admin', '$argon2id$v=19$x') RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let candidate: Uuid =
        sqlx::query_scalar("INSERT INTO candidates (name) VALUES ('Ada Example') RETURNING id")
            .fetch_one(pool)
            .await
            .unwrap();
    sqlx::query("INSERT INTO candidate_emails (candidate_id, email, is_primary) VALUES ($1, 'ada@example.com', true)")
        .bind(candidate)
        .execute(pool)
        .await
        .unwrap();
    (user, candidate)
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn constraints_reject_dishonest_rows(pool: PgPool) {
    let (user, candidate) = basics(&pool).await;
    let request: Uuid = sqlx::query_scalar(
        "INSERT INTO data_requests (candidate_id, kind, due_at, idempotency_key) VALUES ($1, 'access', now() + interval '1 month', 'key-00000001') RETURNING id",
    )
    .bind(candidate)
    .fetch_one(&pool)
    .await
    .unwrap();

    let c = candidate;
    let bad: Vec<(&str, String)> = vec![
        ("unknown role", "INSERT INTO users (email, name, role, password_hash) VALUES ('x@example.com', 'X', 'owner', '$argon2id$x')".into()),
        ("email differing only in case", "INSERT INTO users (email, name, role, password_hash) VALUES ('OWNER@Example.com', 'X', 'admin', '$argon2id$x')".into()),
        ("password not argon2id", "INSERT INTO users (email, name, role, password_hash) VALUES ('y@example.com', 'Y', 'admin', 'plain')".into()),
        ("unknown permission", "INSERT INTO users (email, name, role, password_hash, permissions) VALUES ('z@example.com', 'Z', 'admin', '$argon2id$x', '{delete_everything}')".into()),
        ("second settings row", "INSERT INTO settings (id) VALUES (false)".into()),
        ("unknown compliance mode", "UPDATE settings SET compliance_mode = 'lenient'".into()),
        ("lower-case country", "INSERT INTO postings (title, location_country) VALUES ('T', 'de')".into()),
        ("same email twice on one candidate", format!("INSERT INTO candidate_emails (candidate_id, email) VALUES ('{c}', 'ADA@example.com')")),
        ("two primary emails", format!("INSERT INTO candidate_emails (candidate_id, email, is_primary) VALUES ('{c}', 'other@example.com', true)")),
        ("opportunity of no candidate", format!("INSERT INTO opportunities (candidate_id, origin) VALUES ('{}', 'applied')", Uuid::nil())),
        ("unknown origin", format!("INSERT INTO opportunities (candidate_id, origin) VALUES ('{c}', 'headhunted')")),
        ("unknown consent decision", format!("INSERT INTO consent_events (candidate_id, purpose, basis, decision, source) VALUES ('{c}', 'contact', 'consent', 'maybe', 'import')")),
        ("manual consent without a note", format!("INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, recorded_by) VALUES ('{c}', 'contact', 'consent', 'given', 'recruiter_manual', '{user}')")),
        ("unknown request kind", format!("INSERT INTO data_requests (candidate_id, kind, due_at, idempotency_key) VALUES ('{c}', 'deletion', now() + interval '1 month', 'key-00000002')")),
        ("replayed idempotency key", format!("INSERT INTO data_requests (candidate_id, kind, due_at, idempotency_key) VALUES ('{c}', 'access', now() + interval '1 month', 'key-00000001')")),
        ("due before received", format!("INSERT INTO data_requests (candidate_id, kind, due_at, idempotency_key) VALUES ('{c}', 'access', now() - interval '1 day', 'key-00000003')")),
        ("resolved without a time", format!("UPDATE data_requests SET status = 'resolved', resolution = 'data_sent' WHERE id = '{request}'")),
        ("refused without a reason", format!("UPDATE data_requests SET status = 'refused', resolution = 'refused', resolved_at = now() WHERE id = '{request}'")),
        ("extended without a reason", format!("UPDATE data_requests SET extended_until = due_at + interval '1 month' WHERE id = '{request}'")),
        ("two active legal holds", format!("INSERT INTO legal_holds (candidate_id, reason, placed_by) VALUES ('{c}', 'Litigation', '{user}'), ('{c}', 'Audit', '{user}')")),
        ("audit row naming a user actor without the user", "INSERT INTO audit_log (actor_kind, action) VALUES ('user', 'candidate.viewed')".into()),
        ("audit details that are not an object", "INSERT INTO audit_log (actor_kind, action, details) VALUES ('system', 'sweep.ran', '\"Ada\"')".into()),
        ("unknown outbox status", "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, message_id, status) VALUES ('owner_alert', 'a@example.com', 's', 't', 'h', '<1@x>', 'lost')".into()),
        ("sent without a time", "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, message_id, status) VALUES ('owner_alert', 'a@example.com', 's', 't', 'h', '<2@x>', 'sent')".into()),
        ("HMAC of the wrong length", "INSERT INTO anonymized_contacts (email_hmac, contact_status, decided_at) VALUES ('\\x00', 'allowed', now())".into()),
    ];
    for (what, sql) in bad {
        let result = sqlx::query(&sql).execute(&pool).await;
        assert!(result.is_err(), "{what} was accepted");
    }

    // The same address on another candidate record is allowed (a returning person).
    let other: Uuid =
        sqlx::query_scalar("INSERT INTO candidates (name) VALUES ('Ada Again') RETURNING id")
            .fetch_one(&pool)
            .await
            .unwrap();
    sqlx::query(
        "INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, 'Ada@Example.com')",
    )
    .bind(other)
    .execute(&pool)
    .await
    .expect("two records may share an address");
}

/// A transaction in which the anonymization path's exception to the append-only rule is on.
async fn anonymizing(pool: &PgPool) -> sqlx::Transaction<'static, sqlx::Postgres> {
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("SET LOCAL candor.anonymizing = 'on'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn consent_events_and_audit_log_are_append_only(pool: PgPool) {
    let (user, candidate) = basics(&pool).await;
    sqlx::query(
        "INSERT INTO consent_events (candidate_id, purpose, basis, decision, source, recorded_by, note)
         VALUES ($1, 'contact', 'consent', 'revoked', 'recruiter_manual', $2, 'Ada asked by phone on 3 May')",
    )
    .bind(candidate)
    .bind(user)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO audit_log (actor_kind, action, candidate_id) VALUES ('candidate', 'consent.revoked', $1)")
        .bind(candidate)
        .execute(&pool)
        .await
        .unwrap();

    let forbidden = [
        "UPDATE consent_events SET decision = 'given'",
        "DELETE FROM consent_events",
        "TRUNCATE consent_events",
        "UPDATE audit_log SET action = 'consent.given'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ];
    for sql in forbidden {
        let err = sqlx::query(sql).execute(&pool).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }

    // Anonymization may replace a consent event's note, and nothing else.
    let mut tx = anonymizing(&pool).await;
    let changed_decision =
        sqlx::query("UPDATE consent_events SET decision = 'given', note = '[removed]'")
            .execute(&mut *tx)
            .await;
    assert!(
        changed_decision.is_err(),
        "anonymization must not rewrite a decision"
    );
    tx.rollback().await.unwrap();

    let mut tx = anonymizing(&pool).await;
    let rewritten = sqlx::query("UPDATE consent_events SET note = 'rewritten'")
        .execute(&mut *tx)
        .await;
    assert!(
        rewritten.is_err(),
        "a note may only be replaced by [removed]"
    );
    tx.rollback().await.unwrap();

    let mut tx = anonymizing(&pool).await;
    let deleted = sqlx::query("DELETE FROM audit_log").execute(&mut *tx).await;
    assert!(deleted.is_err(), "audit rows are never deleted");
    tx.rollback().await.unwrap();

    let mut tx = anonymizing(&pool).await;
    sqlx::query("UPDATE consent_events SET note = '[removed]'")
        .execute(&mut *tx)
        .await
        .expect("anonymization replaces the note");
    tx.commit().await.unwrap();
    let note: Option<String> = sqlx::query_scalar("SELECT note FROM consent_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(note.as_deref(), Some("[removed]"));
    // The setting was local to that transaction: the guard is back.
    assert!(sqlx::query("UPDATE consent_events SET note = '[removed]'")
        .execute(&pool)
        .await
        .is_err());
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn the_queries_we_rely_on_use_their_indexes(pool: PgPool) {
    // Planner choices need statistics; with few rows, forbid sequential scans to see index usability.
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("SET enable_seqscan = off")
        .execute(&mut *conn)
        .await
        .unwrap();
    // On empty tables two indexes can tie for a query; a few hundred requests (half open, on 200
    // candidates with no owner) and their statistics let the planner choose as it would at size.
    sqlx::query(
        "WITH people AS (INSERT INTO candidates (name)
                         SELECT 'Planner ' || i FROM generate_series(1, 200) AS i RETURNING id)
         INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at,
                                    resolution, idempotency_key)
         SELECT id, 'access', now() - interval '40 days', now() - interval '10 days',
                CASE WHEN g % 2 = 0 THEN 'open' ELSE 'resolved' END,
                CASE WHEN g % 2 = 1 THEN now() END, CASE WHEN g % 2 = 1 THEN 'data_sent' END,
                'planner-' || id || '-' || g
           FROM people CROSS JOIN generate_series(1, 4) AS g",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    // As after the alert check's first look: each waits for its next alert date.
    sqlx::query(
        "UPDATE data_requests SET next_alert_at = now() + interval '5 days' WHERE status = 'open'",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    sqlx::query("ANALYZE candidates, data_requests")
        .execute(&mut *conn)
        .await
        .unwrap();
    let cases = [
        ("open requests by due date", "SELECT id FROM data_requests WHERE status = 'open' ORDER BY coalesce(extended_until, due_at) LIMIT 50", "data_requests_open_by_due"),
        ("candidate by email", "SELECT candidate_id FROM candidate_emails WHERE lower(email) = 'ada@example.com'", "candidate_emails_by_email"),
        ("claimable outbox rows", "SELECT id FROM email_outbox WHERE status = 'pending' AND greatest(send_after, next_attempt_at) <= now() ORDER BY greatest(send_after, next_attempt_at) LIMIT 10 FOR UPDATE SKIP LOCKED", "email_outbox_claimable"),
        ("a candidate list page", "SELECT id FROM candidates WHERE (last_activity_at, id) < (now(), '00000000-0000-0000-0000-000000000001') ORDER BY last_activity_at DESC, id DESC LIMIT 26", "candidates_by_activity"),
        ("a candidate search", "SELECT id FROM candidates WHERE search_text ILIKE '%lovelace%'", "candidates_search"),
        ("a candidate's open requests", "SELECT count(*) FROM data_requests WHERE candidate_id = '00000000-0000-0000-0000-000000000001' AND status = 'open'", "data_requests_open_by_candidate"),
        ("the dashboard's closed requests", "SELECT id FROM data_requests WHERE status <> 'open' ORDER BY resolved_at DESC, id DESC LIMIT 51", "data_requests_closed"),
        ("closed requests received in a month a year ago", "SELECT id FROM data_requests WHERE status <> 'open' AND received_at >= now() - interval '400 days' AND received_at < now() - interval '370 days'", "data_requests_closed_by_receipt"),
        ("a candidate's latest closed requests", "SELECT id FROM data_requests WHERE candidate_id = '00000000-0000-0000-0000-000000000001' AND status <> 'open' ORDER BY received_at DESC, id DESC LIMIT 11", "data_requests_closed_by_candidate"),
        ("a colleague's open requests", "SELECT id FROM data_requests WHERE status = 'open' AND owner_id = '00000000-0000-0000-0000-000000000001' ORDER BY coalesce(extended_until, due_at), id LIMIT 51", "data_requests_open_by_owner"),
        ("a colleague's closed requests", "SELECT id FROM data_requests WHERE status <> 'open' AND owner_id = '00000000-0000-0000-0000-000000000001' ORDER BY resolved_at DESC, id DESC LIMIT 51", "data_requests_closed_by_owner"),
        ("requests owed an alert", "SELECT id FROM data_requests WHERE next_alert_at <= now() AND status = 'open' ORDER BY next_alert_at, id", "data_requests_by_next_alert"),
        ("a colleague's candidates", "SELECT id FROM candidates WHERE current_owner_id = '00000000-0000-0000-0000-000000000001'", "candidates_by_owner"),
        ("a Limited Team Member's candidates", "SELECT candidate_id FROM member_candidates('00000000-0000-0000-0000-000000000001')", "opportunities_by_owner_with_candidate"),
        ("a candidate's latest consent decisions", "SELECT id FROM consent_events WHERE candidate_id = '00000000-0000-0000-0000-000000000001' ORDER BY at DESC LIMIT 51", "consent_events_by_time"),
        ("due touchpoints", "SELECT id FROM nurture_touchpoints WHERE status = 'scheduled' AND send_at <= now()", "nurture_touchpoints_due"),
    ];
    for (what, sql, index) in cases {
        let plan: Vec<String> = sqlx::query_scalar(&format!("EXPLAIN {sql}"))
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains(index), "{what} does not use {index}:\n{plan}");
    }
}

#[sqlx::test(migrations = false)]
async fn stored_addresses_are_brought_to_their_canonical_form(pool: PgPool) {
    let migrator = &candor_server::db::MIGRATOR;
    migrator.run(&pool).await.unwrap();
    // Back to before the normalizing migration, then rows as older versions could store them.
    let normalizing = migrator
        .iter()
        .find(|m| m.description.contains("canonical emails"))
        .expect("the migration exists")
        .version;
    migrator.undo(&pool, normalizing - 1).await.unwrap();
    let (_, candidate) = basics(&pool).await;
    sqlx::query("UPDATE candidate_emails SET email = 'Ada@Example.COM' WHERE candidate_id = $1")
        .bind(candidate)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO candidate_emails (candidate_id, email) VALUES ($1, '<Ada.L@Example.com>'), ($1, '<ADA@example.com>'), ($1, 'Bo@X.org')",
    )
    .bind(candidate)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("UPDATE users SET email = 'Owner@Example.com'")
        .execute(&pool)
        .await
        .unwrap();

    migrator.run(&pool).await.unwrap();
    let mut emails: Vec<(String, bool)> =
        sqlx::query_as("SELECT email, is_primary FROM candidate_emails WHERE candidate_id = $1")
            .bind(candidate)
            .fetch_all(&pool)
            .await
            .unwrap();
    emails.sort();
    assert_eq!(
        emails,
        [
            ("ada.l@example.com".to_owned(), false),
            ("ada@example.com".to_owned(), true),
            ("bo@x.org".to_owned(), false)
        ]
    );
    let user: String = sqlx::query_scalar("SELECT email FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(user, "owner@example.com");
}
