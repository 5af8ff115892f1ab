//! The integration API's foundation (SPEC §11): keys made in Settings → API keys (shown once,
//! stored as a hash, revoked at once), the Bearer authentication that answers every bad key
//! alike, scopes, the per-key rate, RFC 9457 problems, the OpenAPI document, and contact status
//! by email.

use crate::common::{world::World, Session, TestApp, TestResponse};
use app::api_keys::{CreateApiKey, RevokeApiKey};
use app::domain::api_keys::ApiKeyForm;
use app::domain::{Purpose, Role};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

pub(crate) fn scopes(name: &str, read: bool, write: bool, anonymize: bool) -> CreateApiKey {
    let on = |yes: bool| yes.then(|| "on".to_owned());
    CreateApiKey {
        key: ApiKeyForm {
            name: name.into(),
            read: on(read),
            write: on(write),
            anonymize: on(anonymize),
        },
    }
}

/// Creates a key as a browser without JavaScript and reads it off the page it lands on.
pub(crate) async fn new_key(admin: &Session<'_>, form: CreateApiKey) -> String {
    let created = admin.submit(form).await;
    assert_eq!(
        created.header("location"),
        "/settings/api-keys?notice=key-created#notice"
    );
    let page = admin
        .get("/settings/api-keys?notice=key-created")
        .await
        .body;
    key_in(&page).expect("the new key is shown")
}

fn key_in(page: &str) -> Option<String> {
    let start = page.find("value=\"candor_")? + "value=\"".len();
    let key: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    Some(key)
}

pub(crate) async fn call(app: &TestApp, path: &str, key: Option<&str>) -> TestResponse {
    let bearer = key.map(|k| format!("Bearer {k}"));
    let mut headers = vec![("accept", "application/json")];
    if let Some(b) = &bearer {
        headers.push(("authorization", b.as_str()));
    }
    let request = headers
        .iter()
        .fold(axum::http::Request::get(path), |r, (n, v)| r.header(*n, *v))
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(request).await
}

pub(crate) fn json(response: &TestResponse) -> serde_json::Value {
    serde_json::from_str(&response.body).unwrap_or_else(|_| panic!("JSON: {}", response.body))
}

#[sqlx::test(migrations = "../migrations")]
async fn a_key_is_shown_once_kept_as_a_hash_and_revoked_at_once(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let admin = app.session(&sasha.email, PASSWORD).await;
    let elsewhere = app.session(&sasha.email, PASSWORD).await;

    let key = new_key(&admin, scopes("Greenhouse sync", true, false, false)).await;
    assert!(key.starts_with("candor_") && key.len() > 40, "{key}");
    // Shown once, and only to the browser that made it.
    assert_eq!(key_in(&admin.get("/settings/api-keys").await.body), None);
    assert_eq!(
        key_in(&elsewhere.get("/settings/api-keys").await.body),
        None
    );
    let listed = admin.get("/settings/api-keys").await.body;
    assert!(listed.contains("Greenhouse sync") && listed.contains(&format!("{}…", &key[..11])));

    // The database holds its hash, never its text; the audit row holds ids and scopes.
    let dump: String =
        sqlx::query_scalar("SELECT string_agg(t::text, ' ') FROM (SELECT * FROM api_keys) t")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(!dump.contains(&key[7..]), "no key text stored");
    let audit: Vec<serde_json::Value> =
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'api_key.created'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["scopes"], serde_json::json!(["read"]));

    let ok = call(
        &app,
        "/api/v1/contact-status?email=x%40example.com",
        Some(&key),
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let last_used: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT last_used_at FROM api_keys")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(last_used.is_some());

    let id: Uuid = sqlx::query_scalar("SELECT id FROM api_keys")
        .fetch_one(&pool)
        .await
        .unwrap();
    let revoked = admin
        .invoke(RevokeApiKey {
            key: id.to_string(),
        })
        .await;
    assert_eq!(revoked.status, StatusCode::OK);
    // Revoked, unknown, malformed and missing keys: one and the same 401.
    let answers = [
        call(
            &app,
            "/api/v1/contact-status?email=x%40example.com",
            Some(&key),
        )
        .await,
        call(
            &app,
            "/api/v1/contact-status?email=x%40example.com",
            Some("candor_unknown"),
        )
        .await,
        call(
            &app,
            "/api/v1/contact-status?email=x%40example.com",
            Some("garbage"),
        )
        .await,
        call(&app, "/api/v1/contact-status?email=x%40example.com", None).await,
    ];
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.header("content-type"), "application/problem+json");
        assert_eq!(answer.header("www-authenticate"), "Bearer");
        assert_eq!(answer.body, answers[0].body);
    }
    assert_eq!(json(&answers[0])["type"], "urn:candor:problem:unauthorized");
}

#[sqlx::test(migrations = "../migrations")]
async fn only_super_admins_make_keys_and_a_key_needs_its_scope(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let robin = world.member("Robin Admin", Role::Admin, PASSWORD).await;
    let admin = app.session(&robin.email, PASSWORD).await;
    assert_eq!(
        admin.get("/settings/api-keys").await.status,
        StatusCode::FORBIDDEN
    );
    let refused = admin.invoke(scopes("Mine", true, false, false)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(world.count("api_keys").await, 0);

    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let owner = app.session(&sasha.email, PASSWORD).await;
    let unnamed = owner.invoke(scopes(" ", true, false, false)).await;
    assert_eq!(unnamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_scope = owner.invoke(scopes("Nothing", false, false, false)).await;
    assert_eq!(no_scope.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A key that may only anonymize may not read; writing includes reading.
    // The page's own form, as a browser posts it (field names from the rendered HTML).
    let page = owner.get("/settings/api-keys").await.body;
    for name in [
        r#"name="key[key_name]""#,
        r#"name="key[read]""#,
        r#"name="key[anonymize]""#,
    ] {
        assert!(page.contains(name), "{name}");
    }
    let posted = owner
        .post_form(
            CreateApiKey::PATH,
            &[("key[key_name]", "From the form"), ("key[write]", "on")],
        )
        .await;
    assert_eq!(
        posted.header("location"),
        "/settings/api-keys?notice=key-created#notice"
    );
    assert!(owner
        .get("/settings/api-keys")
        .await
        .body
        .contains("From the form"));

    let anonymizer = new_key(&owner, scopes("Eraser", false, false, true)).await;
    let writer = new_key(&owner, scopes("Pusher", false, true, false)).await;
    let path = "/api/v1/contact-status?email=x%40example.com";
    let forbidden = call(&app, path, Some(&anonymizer)).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(json(&forbidden)["type"], "urn:candor:problem:forbidden");
    assert_eq!(call(&app, path, Some(&writer)).await.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn contact_status_consults_every_record_and_hides_whether_an_address_is_known(pool: PgPool) {
    let world = World::new(pool.clone());
    world
        .settings("compliance_mode = 'gdpr', retention_basis = 'explicit_consent'")
        .await;
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let owner = app.session(&sasha.email, PASSWORD).await;
    let key = new_key(&owner, scopes("ATS", true, false, false)).await;
    let status = |email: &str| format!("/api/v1/contact-status?email={}", urlencode(email));

    let active = world.candidate("ada@example.com").await;
    world.opportunity(&active, Some(&sasha), 3, None).await;
    let unsubscribed = world.candidate("ben@example.com").await;
    world.decide(&unsubscribed, Purpose::Contact, false).await;
    let archived = world.candidate("cleo@example.com").await;
    world
        .opportunity(&archived, Some(&sasha), 90, Some(30))
        .await;
    let gone = world.candidate("dana@example.com").await;
    world.decide(&gone, Purpose::Contact, false).await;
    app::core::anonymization::anonymize(
        &pool,
        &world.config,
        &sasha.as_viewer(Role::SuperAdmin),
        gone.id.into_uuid(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();

    let known = call(&app, &status("ADA@example.com"), Some(&key)).await;
    let unknown = call(&app, &status("nobody@example.com"), Some(&key)).await;
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!(
        known.body, unknown.body,
        "a known, allowed address reads as an unknown one"
    );
    assert_eq!(json(&unknown), serde_json::json!({ "status": "allowed" }));

    for (email, reason) in [
        ("ben@example.com", "contact_revoked"),
        ("cleo@example.com", "consent_rule"),
        ("dana@example.com", "anonymized_record"),
    ] {
        let answer = call(&app, &status(email), Some(&key)).await;
        assert_eq!(
            json(&answer),
            serde_json::json!({ "status": "do_not_contact", "reason": reason }),
            "{email}"
        );
    }

    let bad = call(&app, &status("not an address"), Some(&key)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.header("content-type"), "application/problem+json");
    let problem = json(&bad);
    assert_eq!(problem["type"], "urn:candor:problem:invalid");
    assert_eq!(problem["field"], "email");
    let missing = call(&app, "/api/v1/contact-status", Some(&key)).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nowhere = call(&app, "/api/v1/no-such-thing", Some(&key)).await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(nowhere.header("content-type"), "application/problem+json");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_key_over_its_rate_is_told_when_to_come_back(pool: PgPool) {
    let world = World::new(pool.clone());
    let config = crate::common::config_with(&pool, &[("CANDOR_API_CALLS_PER_MINUTE", "5")]);
    let app = TestApp::with_config(pool.clone(), config);
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let owner = app.session(&sasha.email, PASSWORD).await;
    let busy = new_key(&owner, scopes("Busy", true, false, false)).await;
    let calm = new_key(&owner, scopes("Calm", true, false, false)).await;
    let path = "/api/v1/contact-status?email=x%40example.com";
    for _ in 0..5 {
        assert_eq!(call(&app, path, Some(&busy)).await.status, StatusCode::OK);
    }
    let limited = call(&app, path, Some(&busy)).await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the sixth call in a minute"
    );
    assert!(limited.header("retry-after").parse::<u64>().unwrap() >= 1);
    assert_eq!(json(&limited)["type"], "urn:candor:problem:busy");
    // Another key is not held back by the first.
    assert_eq!(call(&app, path, Some(&calm)).await.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_openapi_document_describes_the_api(pool: PgPool) {
    let app = TestApp::new(pool);
    let served = call(&app, "/api/v1/openapi.json", None).await;
    assert_eq!(served.status, StatusCode::OK);
    let document = json(&served);
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(document["paths"]["/api/v1/contact-status"]["get"].is_object());
    assert_eq!(
        document["components"]["securitySchemes"]["api_key"]["scheme"],
        "bearer"
    );
    assert_eq!(
        serde_json::to_value(candor_server::api::openapi()).unwrap(),
        document
    );
    // Every operation documents the refusals any call can meet; every body, those of a body.
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let answers = operation["responses"].as_object().unwrap();
            for status in ["401", "429"] {
                assert!(answers.contains_key(status), "{method} {path}: {status}");
                assert_eq!(
                    answers[status]["content"]["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/Problem"
                );
            }
            if operation.get("requestBody").is_some() {
                for status in ["400", "413"] {
                    assert!(answers.contains_key(status), "{method} {path}: {status}");
                }
            }
        }
    }
    // The 17 paths the router serves beside the document and its reference; postings both ways.
    assert_eq!(operations, 18, "every route is documented");

    // The readable reference: every operation and schema of the same document, as plain HTML
    // served by Candor, with nothing to load from elsewhere.
    let reference = call(&app, "/api/v1/reference", None).await;
    assert_eq!(reference.status, StatusCode::OK);
    assert!(reference.header("content-type").starts_with("text/html"));
    // (The escaper writes `/` as `&#x2f;`, which browsers show as `/`.)
    let page = &reference.body.replace("&#x2f;", "/");
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let heading = format!("<code>{} {path}</code></h2>", method.to_uppercase());
            assert!(page.contains(&heading), "{heading}");
        }
    }
    for schema in document["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
    {
        assert!(
            page.contains(&format!("id=\"schema-{schema}\"")),
            "{schema}"
        );
    }
    assert!(page.contains("<html lang=\"en\">"));
    assert!(
        !page.contains("<script") && !page.contains("https://"),
        "nothing from elsewhere"
    );
    // Values are escaped: the document's `<key>` is text, not a tag.
    assert!(page.contains("Bearer &lt;key&gt;"));
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn postings_come_in_stable_pages_while_postings_are_added(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let owner = app.session(&sasha.email, PASSWORD).await;
    let key = new_key(&owner, scopes("ATS", true, false, false)).await;
    let me = sasha.as_viewer(Role::SuperAdmin);
    let post = |title: &str| app::domain::postings::PostingDraft {
        title: title.into(),
        description: String::new(),
        country: None,
        owner: Some(sasha.id),
        questions: vec!["Why?".into()],
    };
    for n in 1..=5 {
        app::core::postings::save(&pool, &me, None, &post(&format!("Role {n}")))
            .await
            .unwrap();
    }

    let mut seen = Vec::new();
    let mut next = Some("/api/v1/postings?limit=2".to_owned());
    let mut pages = 0;
    while let Some(path) = next {
        let page = call(&app, &path, Some(&key)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let body = json(&page);
        for item in body["data"].as_array().unwrap() {
            seen.push(item["title"].as_str().unwrap().to_owned());
            assert_eq!(item["owner_email"], sasha.email.as_str());
            assert_eq!(item["state"], "published");
        }
        if pages == 0 {
            // Added while the reader is between pages: met at the end, nothing skipped or twice.
            app::core::postings::save(&pool, &me, None, &post("Role 6"))
                .await
                .unwrap();
        }
        pages += 1;
        next = body["next"].as_str().map(str::to_owned);
    }
    assert_eq!(
        seen,
        ["Role 1", "Role 2", "Role 3", "Role 4", "Role 5", "Role 6"]
    );
    assert_eq!(pages, 3);

    // Only what changed since a time.
    let cut: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT updated_at FROM postings WHERE title = 'Role 6'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let since = urlencode(&cut.to_rfc3339());
    let recent = json(
        &call(
            &app,
            &format!("/api/v1/postings?updated_since={since}"),
            Some(&key),
        )
        .await,
    );
    assert_eq!(recent["data"].as_array().unwrap().len(), 1);
    assert_eq!(recent["next"], serde_json::Value::Null);

    for (query, field) in [
        ("cursor=not-a-cursor", "cursor"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("updated_since=yesterday", "updated_since"),
    ] {
        let bad = call(&app, &format!("/api/v1/postings?{query}"), Some(&key)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(bad.header("content-type"), "application/problem+json");
        assert_eq!(json(&bad)["field"], field, "{query}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn data_requests_are_listed_by_kind_state_and_due_date_with_ids_only(pool: PgPool) {
    use app::preferences::service::NewRequest;
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let owner = app.session(&sasha.email, PASSWORD).await;
    let key = new_key(&owner, scopes("ATS", true, false, false)).await;
    let ada = world.candidate("ada@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    world.request_received(&ada, NewRequest::Access, 25).await;
    world.request_received(&ben, NewRequest::Erasure, 2).await;
    sqlx::query("UPDATE data_requests SET status = 'withdrawn', resolution = 'withdrawn', resolved_at = now() WHERE kind = 'erasure'")
        .execute(&pool)
        .await
        .unwrap();

    let all = json(&call(&app, "/api/v1/requests?limit=1", Some(&key)).await);
    assert_eq!(all["data"].as_array().unwrap().len(), 1);
    let first = &all["data"][0];
    assert_eq!(first["kind"], "access");
    assert_eq!(first["candidate_id"], ada.id.to_string());
    assert_eq!(first["channel"], "preferences_page");
    // Ids, kinds, states and times only: nothing the candidate wrote or is called.
    assert!(!all.to_string().contains("ada@") && !all.to_string().contains("Ada"));
    let next = all["next"].as_str().expect("a second page");
    let second = json(&call(&app, next, Some(&key)).await);
    assert_eq!(second["data"][0]["state"], "withdrawn");
    assert_eq!(second["next"], serde_json::Value::Null);

    let open = json(&call(&app, "/api/v1/requests?state=open", Some(&key)).await);
    assert_eq!(open["data"].as_array().unwrap().len(), 1);
    let erasures = json(&call(&app, "/api/v1/requests?kind=erasure", Some(&key)).await);
    assert_eq!(erasures["data"][0]["candidate_id"], ben.id.to_string());
    // Ada's access request is due 30 days after it arrived 25 days ago: within a week.
    let in_a_week = urlencode(&(chrono::Utc::now() + chrono::Duration::days(7)).to_rfc3339());
    let due = json(
        &call(
            &app,
            &format!("/api/v1/requests?state=open&due_before={in_a_week}"),
            Some(&key),
        )
        .await,
    );
    assert_eq!(due["data"].as_array().unwrap().len(), 1);
    let tomorrow = urlencode(&(chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339());
    let none = json(
        &call(
            &app,
            &format!("/api/v1/requests?due_before={tomorrow}&state=open"),
            Some(&key),
        )
        .await,
    );
    assert_eq!(none["data"].as_array().unwrap().len(), 0);

    for (query, field) in [
        ("kind=complaint", "kind"),
        ("state=pending", "state"),
        ("due_before=soon", "due_before"),
    ] {
        let bad = call(&app, &format!("/api/v1/requests?{query}"), Some(&key)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(json(&bad)["field"], field);
    }
}
