//! Applying to a public job posting (SPEC §5): the form asks exactly the consents the lawful-basis
//! combination needs, and one transaction files the candidate, the applied opportunity, the
//! answer, the résumé and the consent decisions (source `job_post`, text version).

use crate::common::{world::World, Part, TestApp, BROWSER_ACCEPT};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

const PDF: &[u8] = b"%PDF-1.7 a short resume";

/// A posting on the public job board, and what applying to it filed.
struct JobBoard {
    app: TestApp,
    world: World,
    posting: Uuid,
    owner: Uuid,
}

impl JobBoard {
    /// A published posting in Germany (in GDPR scope), owned by a recruiter.
    async fn open(pool: PgPool) -> Self {
        let app = TestApp::new(pool.clone());
        Self::open_on(pool, app).await
    }

    /// The same board on a server configured with `extra` variables.
    async fn open_with(pool: PgPool, extra: &[(&'static str, &str)]) -> Self {
        let app = TestApp::with_config(pool.clone(), crate::common::config_with(&pool, extra));
        Self::open_on(pool, app).await
    }

    async fn open_on(pool: PgPool, app: TestApp) -> Self {
        let world = World::new(pool.clone());
        let owner = world.user("Olga Owner", "team_member").await.id.into_uuid();
        let posting = sqlx::query_scalar(
            "INSERT INTO postings (title, location_country, owner_id)
             VALUES ('Platform Engineer', 'DE', $1) RETURNING id",
        )
        .bind(owner)
        .fetch_one(&pool)
        .await
        .unwrap();
        Self {
            app,
            world,
            posting,
            owner,
        }
    }

    /// Picks the lawful bases: combination 1–4 of SPEC §5.
    async fn combination(&self, n: u8) {
        let basis = |consent: bool| {
            if consent {
                "explicit_consent"
            } else {
                "legitimate_interest_or_contract"
            }
        };
        self.world
            .settings(&format!(
                "compliance_mode = 'gdpr', processing_basis = '{}', retention_basis = '{}', consent_text_version = 'v7'",
                basis(n >= 3),
                basis(n == 2 || n == 4)
            ))
            .await;
    }

    fn path(&self) -> String {
        format!("/jobs/{}", self.posting)
    }

    async fn page(&self) -> String {
        let page = self.app.get(&self.path()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        page.body
    }

    /// Fills in the form shown on the posting's page and sends it without JavaScript.
    async fn apply(&self, applicant: &Applicant) -> crate::common::TestResponse {
        let key = form_key(&self.page().await);
        self.send(applicant, &key, BROWSER_ACCEPT).await
    }

    async fn send(
        &self,
        applicant: &Applicant,
        key: &str,
        accept: &str,
    ) -> crate::common::TestResponse {
        self.send_from(applicant, key, accept, &[]).await
    }

    /// Applies from the client a trusted proxy names.
    async fn apply_from(&self, client: &str, applicant: &Applicant) -> crate::common::TestResponse {
        let key = form_key(&self.page().await);
        self.send_from(
            applicant,
            &key,
            BROWSER_ACCEPT,
            &[("x-forwarded-for", client)],
        )
        .await
    }

    async fn send_from(
        &self,
        applicant: &Applicant,
        key: &str,
        accept: &str,
        headers: &[(&str, &str)],
    ) -> crate::common::TestResponse {
        let posting = self.posting.to_string();
        let mut parts = vec![
            Part::Text("posting", &posting),
            Part::Text("key", key),
            Part::Text("name", &applicant.name),
            Part::Text("email", &applicant.email),
            Part::Text("phone", "+49 30 1234567"),
            Part::Text("answer", "I like building reliable systems."),
            Part::Text("website", &applicant.trap),
        ];
        if applicant.processing {
            parts.push(Part::Text("processing_consent", "yes"));
        }
        if applicant.retention {
            parts.push(Part::Text("retention_consent", "yes"));
        }
        if let Some((file_name, bytes)) = &applicant.resume {
            parts.push(Part::File("resume", file_name, bytes));
        }
        self.app
            .post_multipart_with("/api/jobs/apply", &parts, accept, headers)
            .await
    }

    /// Every filed application: (name, email, origin, owner, posting, answer, résumé file).
    async fn applications(&self) -> Vec<Filed> {
        sqlx::query_as(
            "SELECT c.id, c.name, e.email, o.origin, o.owner_id, o.posting_id, r.answer, a.file_name, a.media_type, a.bytes
               FROM candidates c
               JOIN candidate_emails e ON e.candidate_id = c.id
               JOIN opportunities o ON o.candidate_id = c.id
               LEFT JOIN application_responses r ON r.opportunity_id = o.id
               LEFT JOIN attachments a ON a.opportunity_id = o.id
              ORDER BY c.created_at",
        )
        .fetch_all(&self.world.pool)
        .await
        .unwrap()
    }

    async fn consents(
        &self,
        candidate: Uuid,
    ) -> Vec<(String, String, String, String, Option<String>)> {
        sqlx::query_as(
            "SELECT purpose, decision, source, basis, text_version FROM consent_events
              WHERE candidate_id = $1 ORDER BY purpose",
        )
        .bind(candidate)
        .fetch_all(&self.world.pool)
        .await
        .unwrap()
    }
}

#[derive(Debug, sqlx::FromRow)]
#[allow(dead_code)] // read through Debug in failure messages
struct Filed {
    id: Uuid,
    name: String,
    email: String,
    origin: String,
    owner_id: Option<Uuid>,
    posting_id: Option<Uuid>,
    answer: Option<String>,
    file_name: Option<String>,
    media_type: Option<String>,
    bytes: Option<Vec<u8>>,
}

#[derive(Clone)]
struct Applicant {
    name: String,
    email: String,
    processing: bool,
    retention: bool,
    trap: String,
    resume: Option<(String, Vec<u8>)>,
}

impl Applicant {
    fn mia() -> Self {
        Self {
            name: "Mia Park".into(),
            email: "mia.park@example.com".into(),
            processing: false,
            retention: false,
            trap: String::new(),
            resume: Some(("Mia Park CV.pdf".into(), PDF.to_vec())),
        }
    }

    fn ticking(self, processing: bool, retention: bool) -> Self {
        Self {
            processing,
            retention,
            ..self
        }
    }
}

/// The key the page minted for its form.
fn form_key(page: &str) -> String {
    let marker = "name=\"key\" value=\"";
    let start = page.find(marker).expect("the form carries a key") + marker.len();
    page[start..start + 36].to_owned()
}

fn redirected_notice(response: &crate::common::TestResponse) -> &str {
    let location = response.header("location");
    location
        .split("notice=")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .unwrap_or_else(|| panic!("a redirect with a notice, got {location:?}"))
}

#[sqlx::test(migrations = "../migrations")]
async fn each_combination_shows_its_checkboxes_and_records_what_was_ticked(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    // combination, ticks (processing, retention), the consent events filed
    type Decisions = &'static [(&'static str, &'static str)];
    let cases: [(u8, (bool, bool), Decisions); 6] = [
        (1, (false, false), &[]),
        (2, (false, true), &[("retention", "given")]),
        (2, (false, false), &[("retention", "denied")]),
        (3, (true, false), &[("processing", "given")]),
        (
            4,
            (true, true),
            &[("processing", "given"), ("retention", "given")],
        ),
        (
            4,
            (true, false),
            &[("processing", "given"), ("retention", "denied")],
        ),
    ];
    for (i, (n, (processing, retention), expected)) in cases.into_iter().enumerate() {
        board.combination(n).await;
        let page = board.page().await;
        assert_eq!(
            page.contains("name=\"processing_consent\""),
            n >= 3,
            "combination {n}: processing checkbox"
        );
        assert_eq!(
            page.contains("name=\"retention_consent\""),
            n == 2 || n == 4,
            "combination {n}: retention checkbox"
        );
        assert!(
            page.contains("2 years"),
            "the retention period in words: {page}"
        );
        let applicant = Applicant {
            email: format!("applicant{i}@example.com"),
            ..Applicant::mia().ticking(processing, retention)
        };
        let response = board.apply(&applicant).await;
        assert_eq!(response.status, StatusCode::FOUND, "combination {n}");
        assert_eq!(
            response.header("location"),
            format!("{}?notice=applied#notice", board.path())
        );

        let filed = board.applications().await;
        let filed = filed
            .iter()
            .find(|f| f.email == applicant.email)
            .unwrap_or_else(|| panic!("combination {n}: filed"));
        assert_eq!(filed.name, "Mia Park");
        assert_eq!(filed.origin, "applied");
        assert_eq!(
            filed.owner_id,
            Some(board.owner),
            "owned by the posting's owner"
        );
        assert_eq!(filed.posting_id, Some(board.posting));
        assert_eq!(
            filed.answer.as_deref(),
            Some("I like building reliable systems.")
        );
        assert_eq!(filed.file_name.as_deref(), Some("Mia Park CV.pdf"));
        assert_eq!(filed.media_type.as_deref(), Some("application/pdf"));
        assert_eq!(filed.bytes.as_deref(), Some(PDF));
        let consents = board.consents(filed.id).await;
        let decided: Vec<(&str, &str)> = consents
            .iter()
            .map(|(purpose, decision, ..)| (purpose.as_str(), decision.as_str()))
            .collect();
        assert_eq!(decided, expected, "combination {n}");
        for (_, _, source, basis, version) in &consents {
            assert_eq!(
                (source.as_str(), basis.as_str(), version.as_deref()),
                ("job_post", "consent", Some("v7"))
            );
        }
    }
    // The audit trail names ids only.
    let details: Vec<serde_json::Value> =
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'candidate.applied'")
            .fetch_all(&board.world.pool)
            .await
            .unwrap();
    assert_eq!(details.len(), 6);
    for detail in details {
        let text = detail.to_string();
        assert!(!text.contains("Mia") && !text.contains("example.com") && !text.contains("CV"));
        assert_eq!(detail["posting"], board.posting.to_string());
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn processing_consent_is_required_where_asked_and_nothing_is_filed_without_it(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    board.combination(3).await;
    let page = board.page().await;
    assert!(page.contains("name=\"processing_consent\" value=\"yes\" required"));
    let refused = board.apply(&Applicant::mia()).await;
    assert_eq!(
        redirected_notice(&refused),
        "invalid.processing_consent.required"
    );
    // With JavaScript: the error itself, with a 4xx status, and the page says what to do.
    let key = form_key(&page);
    let called = board
        .send(&Applicant::mia(), &key, "application/json")
        .await;
    assert_eq!(called.status, StatusCode::UNPROCESSABLE_ENTITY);
    let shown = board
        .app
        .get(&format!(
            "{}?notice=invalid.processing_consent.required",
            board.path()
        ))
        .await;
    assert!(shown.body.contains("please tick the box"));
    assert!(board.applications().await.is_empty());
    assert_eq!(board.world.count("consent_events").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_double_or_replayed_submit_files_one_application(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    board.combination(4).await;
    let applicant = Applicant::mia().ticking(true, false);
    let key = form_key(&board.page().await);
    // Two at once (a double click without JavaScript), then a replay.
    let (first, second) = tokio::join!(
        board.send(&applicant, &key, BROWSER_ACCEPT),
        board.send(&applicant, &key, BROWSER_ACCEPT)
    );
    let replay = board.send(&applicant, &key, BROWSER_ACCEPT).await;
    for response in [&first, &second, &replay] {
        assert_eq!(redirected_notice(response), "applied");
    }
    assert_eq!(board.applications().await.len(), 1);
    assert_eq!(board.world.count("consent_events").await, 2);
    // A fresh page view is a new application (someone applying again on purpose).
    board.apply(&applicant).await;
    assert_eq!(board.applications().await.len(), 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_filled_trap_is_answered_like_an_application_and_dropped(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let bot = Applicant {
        trap: "https://cheap-pills.example".into(),
        ..Applicant::mia()
    };
    let response = board.apply(&bot).await;
    assert_eq!(redirected_notice(&response), "applied");
    assert!(board.applications().await.is_empty());
    assert_eq!(board.world.count("audit_log").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_input_is_refused_with_a_clear_message_and_nothing_filed(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let cases = [
        (
            Applicant {
                resume: Some(("setup.exe".into(), b"MZ".to_vec())),
                ..Applicant::mia()
            },
            "invalid.resume.invalid",
            "as a PDF, Word",
        ),
        (
            Applicant {
                email: "mia at example".into(),
                ..Applicant::mia()
            },
            "invalid.email.invalid",
            "like name@example.com",
        ),
        (
            Applicant {
                name: "  ".into(),
                ..Applicant::mia()
            },
            "invalid.name.required",
            "Please fill in the name",
        ),
    ];
    for (applicant, code, message) in cases {
        let response = board.apply(&applicant).await;
        assert_eq!(redirected_notice(&response), code);
        let shown = board
            .app
            .get(&format!("{}?notice={code}", board.path()))
            .await;
        assert!(shown.body.contains(message), "{code}: {message}");
    }
    assert!(board.applications().await.is_empty());

    // No résumé at all is fine: it is optional.
    let without = Applicant {
        resume: None,
        ..Applicant::mia()
    };
    assert_eq!(redirected_notice(&board.apply(&without).await), "applied");
    let filed = board.applications().await;
    assert_eq!(filed.len(), 1);
    assert_eq!(filed[0].file_name, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_closed_or_unknown_posting_gets_a_friendly_page(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let listed = board.app.get("/jobs").await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.body.contains(&board.path()) && listed.body.contains("Platform Engineer"));
    let page = board.page().await;
    sqlx::query("UPDATE postings SET state = 'closed'")
        .execute(&board.world.pool)
        .await
        .unwrap();
    for path in [board.path(), "/jobs/not-a-posting".into()] {
        let closed = board.app.get(&path).await;
        assert_eq!(closed.status, StatusCode::NOT_FOUND, "{path}");
        assert!(closed.body.contains("This job is closed"));
    }
    assert!(!board.app.get("/jobs").await.body.contains(&board.path()));
    // A form still open in a tab when the posting closed.
    let late = board
        .send(&Applicant::mia(), &form_key(&page), BROWSER_ACCEPT)
        .await;
    assert_eq!(redirected_notice(&late), "invalid.posting.invalid");
    assert!(board.applications().await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn uploads_are_size_limited_and_must_be_multipart(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let key = form_key(&board.page().await);
    // Over the 10 MB résumé limit but within the route's body limit: the form's own message.
    let big = Applicant {
        resume: Some((
            "cv.pdf".into(),
            vec![b'x'; app::domain::application::MAX_RESUME_BYTES + 1],
        )),
        ..Applicant::mia()
    };
    let response = board.send(&big, &key, BROWSER_ACCEPT).await;
    assert_eq!(redirected_notice(&response), "invalid.resume.too_long");
    // Over the route's body limit: refused before it is read, with a page that says why.
    let huge = Applicant {
        resume: Some((
            "cv.pdf".into(),
            vec![b'x'; app::core::security::body_limit(app::core::security::APPLICATION_PATH) + 1],
        )),
        ..Applicant::mia()
    };
    let response = board.send(&huge, &key, BROWSER_ACCEPT).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.body.contains("Résumé too large"));
    // Other paths keep the small limit.
    assert!(app::core::security::body_limit("/api/links/fresh") < 100 * 1024);
    // Not multipart: a friendly refusal, not a crash in the parser.
    let plain = board
        .app
        .post_form("/api/jobs/apply", &[("name", "Mia")])
        .await;
    assert_eq!(plain.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(plain.body.contains("go back to the job posting"));
    assert!(board.applications().await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn applications_share_the_public_forms_rate_limit(pool: PgPool) {
    let mut env = crate::common::test_env(&crate::common::database_url_of(&pool));
    env.insert("CANDOR_POST_LIMIT_PER_MINUTE", "1".into());
    let config = app::core::config::Config::from_lookup(|name| env.get(name).cloned()).unwrap();
    let board = JobBoard {
        app: TestApp::with_config(pool.clone(), config),
        ..JobBoard::open(pool).await
    };
    let first = board.apply(&Applicant::mia()).await;
    assert_eq!(redirected_notice(&first), "applied");
    let second = board.apply(&Applicant::mia()).await;
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(board.applications().await.len(), 1);
}

/// A zip with these stored (uncompressed) entries, as a Word or OpenDocument file is.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        writer.start_file(*name, stored).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_resume_is_judged_by_what_it_holds_not_by_its_name(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ]);
    let crowded: Vec<(String, Vec<u8>)> = (0..2_001)
        .map(|n| (format!("word/part{n}.xml"), Vec::new()))
        .collect();
    let crowded = zip_of(
        &crowded
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect::<Vec<_>>(),
    );
    // (file name, bytes, filed)
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        ("cv.docx", docx.clone(), true),
        ("cv.odt", odt.clone(), true),
        (
            "cv.pdf",
            b"MZ\x90\x00 an executable renamed".to_vec(),
            false,
        ),
        ("cv.docx", odt, false),
        ("cv.odt", docx, false),
        ("cv.docx", crowded, false),
        ("cv.txt", b"\x7fELF\x02\x01\x01".to_vec(), false),
    ];
    for (n, (file_name, bytes, filed)) in cases.into_iter().enumerate() {
        let applicant = Applicant {
            email: format!("mia{n}@example.com"),
            resume: Some((file_name.into(), bytes)),
            ..Applicant::mia()
        };
        let response = board.apply(&applicant).await;
        let expected = if filed {
            "applied"
        } else {
            "invalid.resume.invalid"
        };
        assert_eq!(redirected_notice(&response), expected, "{file_name} #{n}");
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM attachments")
        .fetch_one(&board.world.pool)
        .await
        .unwrap();
    assert_eq!(stored, 2, "only the genuine documents are kept");
}

/// A résumé of `kilobytes`: a PDF header and padding.
fn pdf_of(kilobytes: usize) -> Vec<u8> {
    let mut pdf = PDF.to_vec();
    pdf.resize(kilobytes * 1024, b' ');
    pdf
}

#[sqlx::test(migrations = "../migrations")]
async fn stored_upload_bytes_have_a_daily_allowance_per_client_and_in_all(pool: PgPool) {
    let board = JobBoard::open_with(
        pool,
        &[
            ("CANDOR_TRUSTED_PROXIES", "0.0.0.0"),
            ("CANDOR_UPLOAD_MB_PER_CLIENT", "1"),
            ("CANDOR_UPLOAD_MB_TOTAL", "2"),
            ("CANDOR_POST_LIMIT_PER_MINUTE", "10000"),
        ],
    )
    .await;
    let applicant = |n: u32| Applicant {
        email: format!("applicant{n}@example.com"),
        resume: Some(("cv.pdf".into(), pdf_of(600))),
        ..Applicant::mia()
    };
    // One client: the first 600 KB fit its 1 MB, the second would not.
    let first = board.apply_from("203.0.113.1", &applicant(1)).await;
    assert_eq!(redirected_notice(&first), "applied");
    let second = board.apply_from("203.0.113.1", &applicant(2)).await;
    assert_eq!(redirected_notice(&second), "upload-quota");
    let page = board.app.get(second.header("location")).await.body;
    assert!(page.contains("We can"), "{page}");
    // Without a résumé the same client still applies.
    let plain = Applicant {
        resume: None,
        ..applicant(3)
    };
    assert_eq!(
        redirected_notice(&board.apply_from("203.0.113.1", &plain).await),
        "applied"
    );
    // Others have their own share, until the day's total (2 MB) is used up.
    assert_eq!(
        redirected_notice(&board.apply_from("198.51.100.2", &applicant(4)).await),
        "applied"
    );
    assert_eq!(
        redirected_notice(&board.apply_from("198.51.100.3", &applicant(5)).await),
        "applied"
    );
    assert_eq!(
        redirected_notice(&board.apply_from("198.51.100.4", &applicant(6)).await),
        "upload-quota"
    );
    // A refused upload files nothing and counts nothing.
    let emails: Vec<String> = board
        .applications()
        .await
        .into_iter()
        .map(|a| a.email)
        .collect();
    assert_eq!(emails.len(), 4, "{emails:?}");
    let counted: i64 = sqlx::query_scalar("SELECT bytes FROM upload_usage WHERE subject = 'total'")
        .fetch_one(&board.world.pool)
        .await
        .unwrap();
    assert_eq!(counted, 3 * 600 * 1024);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_applicant_is_sent_their_preferences_link_unless_it_is_switched_off(pool: PgPool) {
    let board = JobBoard::open(pool).await;
    let applied = board.apply(&Applicant::mia()).await;
    assert_eq!(applied.status, StatusCode::FOUND, "{}", applied.body);
    let inbox = board.world.inbox("mia.park@example.com").await;
    assert_eq!(
        inbox.len(),
        1,
        "one email, in the application's transaction"
    );
    let email = &inbox[0];
    assert_eq!(email.kind, "candidate_confirmation");
    assert_eq!(
        email.subject,
        "We received your application to Candor demo organization"
    );
    assert!(
        email.body_text.starts_with("Hello Mia,"),
        "{}",
        email.body_text
    );
    let link = email
        .body_text
        .split_whitespace()
        .find(|word| word.contains("/preferences/"))
        .expect("the personal link");
    let path = &link[link.find("/preferences/").unwrap()..];
    let page = board.app.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your data preferences"));
    // The Super Admin edits it with the other templates; a recruiter's compose form doesn't offer it.
    let sam = board
        .world
        .member(
            "Sam Super",
            app::domain::Role::SuperAdmin,
            "correct horse battery staple",
        )
        .await;
    let admin = board
        .app
        .session(&sam.email, "correct horse battery staple")
        .await;
    assert!(admin
        .get("/settings")
        .await
        .body
        .contains("Application received"));
    let mia: Uuid = sqlx::query_scalar(
        "SELECT candidate_id FROM candidate_emails WHERE email = 'mia.park@example.com'",
    )
    .fetch_one(&board.world.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO email_templates (key, name, subject, body_text)
         VALUES ('silver', 'Silver medalist', 'Hi', 'Hello')",
    )
    .execute(&board.world.pool)
    .await
    .unwrap();
    let profile = admin.get(&format!("/candidates/{mia}")).await.body;
    assert!(
        profile.contains("Silver medalist"),
        "the compose form offers the team's templates"
    );
    assert!(!profile.contains("Application received"));

    // Switched off in the settings: the next applicant gets none.
    board
        .world
        .settings("application_confirmation = false")
        .await;
    let ben = Applicant {
        name: "Ben Okafor".into(),
        email: "ben@example.com".into(),
        ..Applicant::mia()
    };
    assert_eq!(board.apply(&ben).await.status, StatusCode::FOUND);
    assert!(board.world.inbox("ben@example.com").await.is_empty());
    assert_eq!(board.applications().await.len(), 2, "both filed");

    // Back on, with a template no longer fillable: the application stands, no email goes.
    board
        .world
        .settings("application_confirmation = true")
        .await;
    sqlx::query(
        "UPDATE email_templates SET body_text = '{{ nope(' WHERE key = 'application_confirmation'",
    )
    .execute(&board.world.pool)
    .await
    .unwrap();
    let cleo = Applicant {
        name: "Cleo Park".into(),
        email: "cleo@example.com".into(),
        ..Applicant::mia()
    };
    assert_eq!(board.apply(&cleo).await.status, StatusCode::FOUND);
    assert!(board.world.inbox("cleo@example.com").await.is_empty());
    assert_eq!(board.applications().await.len(), 3);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_board_speaks_the_applicants_language_and_the_application_remembers_it(pool: PgPool) {
    let board = JobBoard::open(pool.clone()).await;
    board.combination(4).await;
    let spanish = [("accept-language", "es-MX,es;q=0.9,en;q=0.5")];
    let list = board.app.get_with("/jobs", &spanish).await.markup();
    assert!(list.contains(r#"<html lang="es""#), "{list}");
    assert!(list.contains("<h1>Ofertas de empleo</h1>"));
    let page = board.app.get_with(&board.path(), &spanish).await.markup();
    assert!(page.contains("Presentar mi candidatura"));
    assert!(
        page.contains(r#"<label for="apply-name">Su nombre</label>"#),
        "{page}"
    );
    assert!(page.contains("(obligatorio para presentar la candidatura)"));
    assert!(page.contains(r#"<input type="hidden" name="locale" value="es""#));

    // The form says which language it was read in; the applicant keeps it.
    let posting = board.posting.to_string();
    let key = form_key(&page);
    let parts = [
        Part::Text("posting", &posting),
        Part::Text("key", &key),
        Part::Text("locale", "es"),
        Part::Text("name", "Lucía Gómez"),
        Part::Text("email", "lucia@example.com"),
        Part::Text("processing_consent", "yes"),
    ];
    let answer = board
        .app
        .post_multipart_with("/api/jobs/apply", &parts, BROWSER_ACCEPT, &spanish)
        .await;
    assert_eq!(answer.status, StatusCode::FOUND, "{}", answer.body);
    let thanks = board
        .app
        .get_with(answer.header("location"), &spanish)
        .await
        .markup();
    assert!(
        thanks.contains("Gracias: hemos recibido su candidatura."),
        "{thanks}"
    );
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT c.locale FROM candidates c JOIN candidate_emails e ON e.candidate_id = c.id
          WHERE e.email = 'lucia@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored.as_deref(), Some("es"));

    // A refusal on the form is worded in Spanish too.
    let refused = board
        .app
        .get_with(
            &format!(
                "{}?notice=invalid.processing_consent.required",
                board.path()
            ),
            &spanish,
        )
        .await
        .markup();
    assert!(
        refused.contains("Para presentar su candidatura, marque la casilla"),
        "{refused}"
    );
}
