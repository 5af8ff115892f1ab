//! The compliance settings page (SPEC §5): only Super Admins see and change it; every change is
//! validated, audited by name, and in force for the very next request.

use crate::common::{world::World, TestApp};
use app::domain::{
    settings::{PolicyForm, SettingsForm},
    Role,
};
use app::profile::outreach::SendEmail;
use app::settings::{
    CurrentSettings, RemovePolicy, SavePolicy, SaveSettings, SaveTemplate, TemplateForm,
};
use axum::http::StatusCode;
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery staple";

/// The form as a careful admin fills it in.
fn filled() -> SettingsForm {
    SettingsForm {
        organization_name: "Northwind Talent".into(),
        reply_to: "privacy@northwind.example".into(),
        privacy_policy_url: "https://northwind.example/privacy".into(),
        data_protection_contact: "dpo@northwind.example".into(),
        compliance_mode: "gdpr".into(),
        gdpr_scope: "all".into(),
        processing_basis: "explicit_consent".into(),
        retention_basis: "explicit_consent".into(),
        retention_days: "400".into(),
        consent_validity_days: String::new(),
        consent_answer_window_days: "21".into(),
        anonymization_grace_days: "10".into(),
        owner_alert_includes_name: true,
        admin_digest: false,
        application_confirmation: true,
        time_zone: "Europe/Lisbon".into(),
        default_locale: "fr".into(),
        accent_colour: String::new(),
    }
}

/// One field of a filled-in form turned bad.
type Spoil = fn(&mut SettingsForm);

fn save(form: SettingsForm) -> SaveSettings {
    SaveSettings { form }
}

fn policy(country: &str, retention_days: &str, enabled: bool, removed: &[&str]) -> SavePolicy {
    SavePolicy {
        policy: PolicyForm {
            country: country.into(),
            retention_days: retention_days.into(),
            enabled,
            removed: removed
                .iter()
                .map(|f| (f.to_string(), "on".into()))
                .collect(),
        },
    }
}

fn template(key: &str, name: &str, subject: &str, body: &str) -> SaveTemplate {
    SaveTemplate {
        template: TemplateForm {
            key: key.into(),
            name: name.into(),
            subject: subject.into(),
            body: body.into(),
            locale: String::new(),
        },
    }
}

/// The version in `locale` of the template `key`.
fn version(key: &str, locale: &str, subject: &str, body: &str) -> SaveTemplate {
    SaveTemplate {
        template: TemplateForm {
            key: key.into(),
            locale: locale.into(),
            subject: subject.into(),
            body: body.into(),
            ..Default::default()
        },
    }
}

fn remove(country: &str) -> RemovePolicy {
    RemovePolicy {
        country: country.into(),
    }
}

async fn stored(pool: &PgPool) -> (String, String, i32, Option<i32>, bool) {
    sqlx::query_as(
        "SELECT organization_name, processing_basis, retention_days, consent_validity_days,
                owner_alert_includes_name FROM settings",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn setting_audits(pool: &PgPool) -> Vec<serde_json::Value> {
    sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'settings.changed' ORDER BY at",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_super_admin_changes_the_settings_and_they_apply_at_once(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let candidate = world.candidate("anna@example.com").await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;
    // Shown once before the change, so the server holds the old settings in memory.
    let preferences = format!("/preferences/{}", world.link(&candidate));
    assert!(app
        .get(&preferences)
        .await
        .body
        .contains("Candor demo organization"));

    let page = browser.get("/settings").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Compliance settings"));
    assert!(page.body.contains(r#"value="Candor demo organization""#));
    for n in 1..=4 {
        assert!(
            page.body.contains(&format!("<strong>{n}. Processing:")),
            "combination {n} explained"
        );
    }

    // Without JavaScript: a form post, answered by the page with its notice.
    let saved = browser.submit(save(filled())).await;
    assert_eq!(saved.status, StatusCode::FOUND);
    assert_eq!(saved.header("location"), "/settings?notice=saved#notice");
    assert_eq!(
        stored(&pool).await,
        (
            "Northwind Talent".into(),
            "explicit_consent".into(),
            400,
            None,
            true
        )
    );
    let shown = browser.get(saved.header("location")).await.body;
    assert!(shown.contains("Settings saved."));
    assert!(shown.contains(r#"value="Northwind Talent""#));
    let zone: String = sqlx::query_scalar("SELECT time_zone FROM settings")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(zone, "Europe/Lisbon");
    assert!(shown.contains(r#"<option value="Europe/Lisbon" selected"#));

    // The candidate's own page uses the new name straight away.
    assert!(app
        .get(&preferences)
        .await
        .body
        .contains("Northwind Talent"));

    let audits = setting_audits(&pool).await;
    assert_eq!(audits.len(), 1);
    let changed = audits[0]["changed"].as_array().unwrap();
    assert!(changed.contains(&"organization_name".into()));
    assert!(changed.contains(&"retention_days".into()));
    assert!(
        !audits[0].to_string().contains("Northwind"),
        "names of settings, not their values"
    );

    // Saving the same again records nothing; unticking the box is a change.
    browser.submit(save(filled())).await;
    assert_eq!(setting_audits(&pool).await.len(), 1);
    let unticked = SettingsForm {
        owner_alert_includes_name: false,
        ..filled()
    };
    let answer = browser.invoke(save(unticked)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(!stored(&pool).await.4);
    assert_eq!(
        setting_audits(&pool).await[1]["changed"],
        serde_json::json!(["owner_alert_includes_name"])
    );
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_bad_value_is_named_and_nothing_changes(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;
    let before = stored(&pool).await;

    let cases: [(&str, Spoil, &str); 5] = [
        (
            "retention_days",
            |f| f.retention_days = "0".into(),
            "invalid.retention_days.invalid",
        ),
        (
            "compliance_mode",
            |f| f.compliance_mode = "strict".into(),
            "invalid.compliance_mode.invalid",
        ),
        (
            "privacy_policy_url",
            |f| f.privacy_policy_url = "javascript:alert(1)".into(),
            "invalid.privacy_policy_url.invalid",
        ),
        (
            "organization_name",
            |f| f.organization_name = " ".into(),
            "invalid.organization_name.required",
        ),
        (
            "time_zone",
            |f| f.time_zone = "Mars/Olympus_Mons".into(),
            "invalid.time_zone.invalid",
        ),
    ];
    for (field, spoil, code) in cases {
        let mut form = filled();
        spoil(&mut form);
        let refused = browser.invoke(save(form.clone())).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let plain = browser.submit(save(form)).await;
        assert_eq!(
            plain.header("location"),
            format!("/settings?notice={code}#notice")
        );
    }
    let shown = browser
        .get("/settings?notice=invalid.retention_days.invalid")
        .await
        .body;
    assert!(
        shown.contains("whole number of days from 1 to 36500"),
        "{shown}"
    );
    assert_eq!(stored(&pool).await, before);
    assert!(setting_audits(&pool).await.is_empty());
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn everyone_but_super_admins_is_refused(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let before = stored(&pool).await;
    for (name, role) in [
        ("Ada Admin", Role::Admin),
        ("Tam Member", Role::TeamMember),
        ("Lee Limited", Role::LimitedTeamMember),
    ] {
        let user = world.member(name, role, PASSWORD).await;
        let browser = app.session(&user.email, PASSWORD).await;
        let page = browser.get("/settings").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{name}");
        assert!(page.body.contains("Only Super Admins"), "{name}");
        assert!(!page.body.contains("form[retention_days]"), "{name}");
        assert!(!browser
            .get("/candidates")
            .await
            .body
            .contains(r#"href="/settings""#));
        let refused = browser.invoke(save(filled())).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{name}");
        let current = browser.invoke(CurrentSettings {}).await;
        assert_eq!(current.status, StatusCode::FORBIDDEN, "{name}");
    }
    let anonymous = app.invoke(save(filled()), &[]).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(stored(&pool).await, before);
    assert!(setting_audits(&pool).await.is_empty());
}

/// Whether the first checkbox named `name` on the page is ticked.
fn ticked(page: &str, name: &str) -> bool {
    let at = page
        .find(&format!(r#"name="{name}""#))
        .unwrap_or_else(|| panic!("no {name} on the page"));
    let start = page[..at].rfind('<').unwrap();
    let end = at + page[at..].find('>').unwrap();
    page[start..end].contains("checked")
}

async fn policies(pool: &PgPool) -> Vec<(String, i32, bool, Vec<String>)> {
    sqlx::query_as(
        "SELECT country, retention_days, enabled, removed_fields FROM country_policies ORDER BY country",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_super_admin_adds_edits_and_removes_country_policies(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let ada = world.member("Ada Admin", Role::Admin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;

    let added = browser
        .submit(policy("de", "180", true, &["name", "phones"]))
        .await;
    assert_eq!(
        added.header("location"),
        "/settings?notice=policy-saved#notice"
    );
    assert_eq!(
        policies(&pool).await,
        vec![("DE".into(), 180, true, vec!["name".into(), "phones".into()])]
    );
    let page = browser.get("/settings").await.markup();
    assert!(ticked(&page, "policy[removed][phones]"));
    assert!(!ticked(&page, "policy[removed][emails]"));
    assert!(page.contains("<h3>DE</h3>"), "{page}");

    // Saving again replaces it: unticked fields are no longer removed, and it can be paused.
    let edited = browser.invoke(policy("DE", "90", false, &["emails"])).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(
        policies(&pool).await,
        vec![("DE".into(), 90, false, vec!["emails".into()])]
    );
    assert!(browser
        .get("/settings")
        .await
        .body
        .contains("DE (not in force)"));

    let bad = browser.invoke(policy("Germany", "90", false, &[])).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    let admin = app.session(&ada.email, PASSWORD).await;
    let refused = admin.invoke(remove("DE")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(policies(&pool).await.len(), 1);

    let removed = browser.submit(remove("DE")).await;
    assert_eq!(
        removed.header("location"),
        "/settings?notice=policy-removed#notice"
    );
    assert!(policies(&pool).await.is_empty());
    let again = browser.invoke(remove("DE")).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    let audited: Vec<(String, serde_json::Value)> = sqlx::query_as(
        "SELECT action, details FROM audit_log WHERE action LIKE 'settings.%' ORDER BY at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let actions: Vec<&str> = audited.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "settings.country_policy_saved",
            "settings.country_policy_saved",
            "settings.country_policy_removed"
        ]
    );
    assert_eq!(audited[2].1["country"], "DE");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn templates_are_edited_checked_and_previewed(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;

    let added = browser
        .submit(template(
            "",
            "Silver medalist",
            "Still thinking of you, {{ candidate_first_name }}",
            "Hello {{ candidate_first_name }},\n\n{{ organization }} has a new role.\nYour data: {{ consent_link }}",
        ))
        .await;
    assert_eq!(
        added.header("location"),
        "/settings?notice=template-saved#notice"
    );
    let key: String =
        sqlx::query_scalar("SELECT key FROM email_templates WHERE name = 'Silver medalist'")
            .fetch_one(&pool)
            .await
            .unwrap();

    let page = browser.get("/settings").await.markup();
    assert!(
        page.contains("Still thinking of you, Anna"),
        "the preview fills in the sample"
    );
    assert!(page.contains("Candor demo organization has a new role."));
    assert!(page.contains("/preferences/example-link"));

    // A placeholder Candor can't fill in is refused, and the stored template stays.
    let refused = browser
        .invoke(template(
            &key,
            "Silver medalist",
            "Hi {{ candidate_last_name }}",
            "Text",
        ))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains(r#""field":"Subject""#),
        "{}",
        refused.body
    );
    let edited = browser
        .invoke(template(
            &key,
            "Silver medalists",
            "A role for you",
            "Hello {{ candidate_first_name }}",
        ))
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT name, subject FROM email_templates WHERE key = $1")
            .bind(&key)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        vec![("Silver medalists".into(), "A role for you".into())]
    );

    // An unknown key is not a way to add templates under names of one's choosing.
    let unknown = browser.invoke(template("made_up", "X", "X", "X")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let ada = world.member("Ada Admin", Role::Admin, PASSWORD).await;
    let admin = app.session(&ada.email, PASSWORD).await;
    let forbidden = admin.invoke(template(&key, "Mine", "Mine", "Mine")).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'settings.template_saved'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);
}

/// Forty lines that each double the text: stored unchecked, every email using it would fail.
fn doubling_body() -> String {
    let mut body = String::from("{% set a = organization %}\n");
    for _ in 0..40 {
        body.push_str("{% set a = a ~ a %}\n");
    }
    body + "{{ a }}"
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_template_that_cannot_render_is_never_stored(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;
    let before = world.count("email_templates").await;

    let body = doubling_body();
    let refused = browser.invoke(template("", "Doubling", "Hi", &body)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains(r#""field":"Body""#),
        "{}",
        refused.body
    );
    assert_eq!(
        world.count("email_templates").await,
        before,
        "nothing stored"
    );
    // Sent as a message it is refused the same way, and nothing is queued.
    let ada = world.candidate("ada@mail.example").await;
    let id = ada.id.to_string();
    let sent = browser
        .invoke(SendEmail {
            candidate: id,
            draft: uuid::Uuid::new_v4().to_string(),
            template: Some(String::new()),
            subject: "Hi".into(),
            body,
            when: "now".into(),
            send_at: None,
            time_zone: None,
            confirmed: None,
        })
        .await;
    assert_eq!(
        sent.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        sent.body
    );
    assert_eq!(world.count("email_outbox").await, 0);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_stored_template_that_cannot_render_fails_only_its_own_touchpoint(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    // Written past the checks, as a template saved before them would be.
    let broken: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO email_templates (key, name, subject, body_text) VALUES ('old', 'Old doubling', 'Hi', $1) RETURNING id",
    )
    .bind(doubling_body())
    .fetch_one(&pool)
    .await
    .unwrap();
    let good: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO email_templates (key, name, subject, body_text) VALUES ('fine', 'Fine', 'Hi', 'Hello {{ candidate_first_name }}') RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();

    // The settings page names the problem beside the template.
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;
    let page = browser.get("/settings").await.markup();
    assert!(page.contains("can&#x27;t be filled in") || page.contains("can't be filled in"));
    assert!(
        page.contains("Templates may use only"),
        "the reason is shown"
    );

    // The worker fails that touchpoint with a readable reason and sends the other.
    let ada = world.candidate("ada@mail.example").await;
    let bob = world.candidate("bob@mail.example").await;
    world.touchpoint(&ada, broken, chrono::Utc::now()).await;
    world.touchpoint(&bob, good, chrono::Utc::now()).await;
    let sink = crate::common::smtp::SmtpSink::start().await;
    world
        .postman(&sink.url(), 5)
        .drain(chrono::Utc::now())
        .await
        .unwrap();
    let states: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT t.status, t.last_error FROM nurture_touchpoints t
           JOIN nurture_enrollments e ON e.id = t.enrollment_id
           JOIN candidates c ON c.id = e.candidate_id ORDER BY c.name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(states[0].0, "failed");
    assert!(states[0]
        .1
        .as_deref()
        .unwrap_or("")
        .contains("Templates may use only"));
    assert_eq!(states[1], ("sent".into(), None));
    assert_eq!(sink.received().len(), 1);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_template_has_a_version_per_language_and_each_candidate_gets_theirs(pool: PgPool) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;
    let key = "application_confirmation";

    let saved = browser
        .invoke(version(
            key,
            "de",
            "Danke, {{ candidate_first_name }}",
            "Guten Tag {{ candidate_first_name }},\n\nIhre Daten: {{ consent_link }}",
        ))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let page = browser.get("/settings").await.markup();
    assert!(
        page.contains(r#"lang="de""#),
        "the version's form says its language"
    );
    assert!(page.contains("Danke, Anna"), "the version's preview");

    // Checked like any template; a broken one changes nothing.
    let refused = browser
        .invoke(version(key, "de", "Hallo {{ nachname }}", "x"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let forged = browser.invoke(version(key, "en-XA", "x", "x")).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST, "{}", forged.body);

    // A German candidate gets the German version; one without a language the default one.
    let anke = world.candidate("anke@example.com").await;
    let bob = world.candidate("bob@example.com").await;
    sqlx::query("UPDATE candidates SET locale = 'de-AT' WHERE id = $1")
        .bind(anke.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    let confirm = |who: app::domain::CandidateId, name: &'static str, address: &'static str| {
        let pool = pool.clone();
        let config = world.config.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let settings = app::core::settings::load(&mut *tx).await.unwrap();
            app::core::notify::confirm_application(
                &mut tx,
                &config,
                &settings,
                who,
                name,
                address,
                chrono::Utc::now(),
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
    };
    confirm(anke.id, "Anke Berg", "anke@example.com").await;
    confirm(bob.id, "Bob Stone", "bob@example.com").await;
    assert_eq!(
        world.inbox("anke@example.com").await[0].subject,
        "Danke, Anke"
    );
    assert!(!world.inbox("bob@example.com").await[0]
        .subject
        .starts_with("Danke"));

    // An empty version is removed: German candidates get the default one again.
    let removed = browser.invoke(version(key, "de", "", "")).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM email_template_versions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
    let audited: Vec<serde_json::Value> = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'settings.template_saved' ORDER BY at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert!(audited.iter().all(|d| d["locale"] == "de"), "{audited:?}");
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_accent_colour_too_light_is_refused_with_its_ratio_and_a_fine_one_dresses_candidate_pages(
    pool: PgPool,
) {
    let world = World::new(pool.clone());
    let sam = world.member("Sam Super", Role::SuperAdmin, PASSWORD).await;
    let app = TestApp::new(pool.clone());
    let browser = app.session(&sam.email, PASSWORD).await;

    let yellow = browser
        .invoke(save(SettingsForm {
            accent_colour: "#FFCC00".into(),
            ..filled()
        }))
        .await;
    assert_eq!(
        yellow.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        yellow.body
    );
    // Without JavaScript the page says why, with the measured ratio.
    let answer = browser
        .submit(save(SettingsForm {
            accent_colour: "#ffcc00".into(),
            ..filled()
        }))
        .await;
    let page = browser.get(answer.header("location")).await.markup();
    assert!(page.contains("contrast 1.51:1"), "{page}");
    assert!(page.contains("at least 4.5:1"));
    let stored: Option<String> = sqlx::query_scalar("SELECT accent_colour FROM settings")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, None, "nothing was saved");

    let green = browser
        .invoke(save(SettingsForm {
            accent_colour: "#0B5E3A".into(),
            ..filled()
        }))
        .await;
    assert_eq!(green.status, StatusCode::OK, "{}", green.body);
    let anna = world.candidate("anna@example.com").await;
    let candidate_page = app
        .get(&format!("/preferences/{}", world.link(&anna)))
        .await
        .markup();
    assert!(
        candidate_page.contains(r#"href="/branding/accent-0b5e3a.css""#),
        "{candidate_page}"
    );
    let css = app.get("/branding/accent-0b5e3a.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.body.contains("--brand: #0b5e3a"));
    // The file name is checked as a saved colour is: nothing else can be served from it.
    for bad in [
        "accent-ffcc00.css",
        "accent-0b5e3a;}body{x.css",
        "accent-.css",
        "logo.png",
    ] {
        assert_eq!(
            app.get(&format!("/branding/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
}
