//! The integration API's writes (SPEC §11): the ATS pushes candidates and their opportunities
//! (one, or a batch), upserted by its own ids, replays safely with Idempotency-Key, appends the
//! consent decisions it collected, and mints the candidate's links for its own emails. Every
//! write is audited with the key and the colleague it acted for.

use crate::anonymize::{dump, holding};
use crate::api::{call, json, new_key, scopes};
use crate::common::{world::World, TestApp, TestResponse};
use app::domain::Role;
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::PgPool;
use uuid::Uuid;

pub(crate) const PASSWORD: &str = "correct horse battery staple";

/// The team's ATS, holding one key.
pub(crate) struct Ats<'a> {
    app: &'a TestApp,
    key: String,
}

impl Ats<'_> {
    pub(crate) async fn post(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.post_raw(path, body.to_string(), headers).await
    }

    pub(crate) async fn post_raw(
        &self,
        path: &str,
        body: String,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let bearer = format!("Bearer {}", self.key);
        let request = headers
            .iter()
            .fold(
                axum::http::Request::post(path)
                    .header("authorization", &bearer)
                    .header("content-type", "application/json"),
                |r, (n, v)| r.header(*n, *v),
            )
            .body(axum::body::Body::from(body))
            .unwrap();
        self.app.send(request).await
    }

    pub(crate) async fn push(&self, candidate: &Value) -> TestResponse {
        self.post("/api/v1/candidates", candidate, &[]).await
    }

    pub(crate) async fn get(&self, path: &str) -> TestResponse {
        call(self.app, path, Some(&self.key)).await
    }

    pub(crate) async fn candidate(&self, id: &str) -> Value {
        let read = self.get(&format!("/api/v1/candidates/{id}")).await;
        assert_eq!(read.status, StatusCode::OK, "{}", read.body);
        json(&read)
    }
}

pub(crate) struct Scene {
    pub(crate) world: World,
    pub(crate) app: TestApp,
    /// The Super Admin who made the keys.
    pub(crate) sasha: crate::common::world::User,
}

pub(crate) async fn scene(pool: PgPool) -> Scene {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    sqlx::query("INSERT INTO postings (title, external_id) VALUES ('Data engineer', 'job-7')")
        .execute(&pool)
        .await
        .unwrap();
    Scene { world, app, sasha }
}

impl Scene {
    pub(crate) async fn ats(&self, read: bool, write: bool, anonymize: bool) -> Ats<'_> {
        let admin = self.app.session(&self.sasha.email, PASSWORD).await;
        let key = new_key(&admin, scopes("ATS", read, write, anonymize)).await;
        Ats {
            app: &self.app,
            key,
        }
    }
}

fn ada() -> Value {
    json!({
        "external_id": "gh-42",
        "name": "Ada Lovelace",
        "emails": ["ada@example.com"],
        "phones": ["+44 20 7946 0000"],
        "location": "London",
        "country": "GB",
        "locale": "en-GB",
        "opportunities": [{
            "external_id": "app-1",
            "posting_external_id": "job-7",
            "owner_email": "sasha.super@team.example",
            "stage": "screen"
        }]
    })
}

/// An audit row: action, actor kind, key, colleague, details.
type AuditRow = (String, String, Option<Uuid>, Option<Uuid>, Value);

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_pushed_candidate_is_created_then_updated_by_its_external_id(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let owner: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(scene.sasha.id.into_uuid())
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut first = ada();
    first["opportunities"][0]["owner_email"] = json!(owner);

    let created = ats.push(&first).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let created = json(&created);
    assert_eq!(created["created"], true);
    assert_eq!(created["external_id"], "gh-42");
    assert_eq!(created["opportunities"][0]["created"], true);
    let id = created["id"].as_str().unwrap().to_owned();
    let opportunity = created["opportunities"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Ids and flags only: nothing personal in the answer.
    assert!(!created.to_string().contains("Ada"));

    // The ATS moves the candidacy on, archives it, and knows a second address.
    let mut second = first.clone();
    second["name"] = json!("Ada King");
    second["emails"] = json!(["ADA@example.com", "ada.king@example.com"]);
    second["location"] = Value::Null;
    second["opportunities"][0]["stage"] = json!("interview");
    second["opportunities"][0]["state"] = json!("archived");
    second["opportunities"][0]["archive_reason"] = json!("withdrew");
    let updated = ats.push(&second).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let updated = json(&updated);
    assert_eq!(
        (updated["id"].as_str(), &updated["created"]),
        (Some(id.as_str()), &json!(false))
    );
    assert_eq!(
        updated["opportunities"][0]["id"].as_str(),
        Some(opportunity.as_str())
    );
    assert_eq!(updated["opportunities"][0]["created"], false);

    let read = ats.candidate(&id).await;
    assert_eq!(read["name"], "Ada King");
    assert_eq!(
        read["emails"],
        json!(["ada@example.com", "ada.king@example.com"])
    );
    assert_eq!(read["location"], "London", "left out, kept");
    assert_eq!(
        (read["country"].as_str(), read["locale"].as_str()),
        (Some("GB"), Some("en-GB"))
    );
    let o = &read["opportunities"][0];
    assert_eq!(
        (
            o["stage"].as_str(),
            o["state"].as_str(),
            o["archive_reason"].as_str()
        ),
        (Some("interview"), Some("archived"), Some("withdrew"))
    );
    assert_eq!(o["owner_email"].as_str(), Some(owner.as_str()));
    assert_eq!(count(&pool, "candidates").await, 1);

    // The profile's timeline: made, moved and archived through the lifecycle's own steps.
    let events: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM events WHERE opportunity_id = $1 ORDER BY at, kind")
            .bind(Uuid::parse_str(&opportunity).unwrap())
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(events, ["created", "archived", "stage_changed"]);
    let origin: String = sqlx::query_scalar("SELECT origin FROM opportunities")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(origin, "imported");

    // Audited with the key and the colleague it acted for (the key's creator): ids only.
    let audit: Vec<AuditRow> = sqlx::query_as(
        "SELECT action, actor_kind, actor_api_key_id, actor_user_id, details FROM audit_log
          WHERE candidate_id = $1 ORDER BY at, action",
    )
    .bind(Uuid::parse_str(&id).unwrap())
    .fetch_all(&pool)
    .await
    .unwrap();
    let key_id: Uuid = sqlx::query_scalar("SELECT id FROM api_keys")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(audit.iter().any(|(a, ..)| a == "candidate.added"));
    assert!(audit.iter().any(|(a, ..)| a == "candidate.updated"));
    for (action, kind, key, user, details) in &audit {
        assert_eq!(
            (kind.as_str(), *key, *user),
            ("api_key", Some(key_id), Some(scene.sasha.id.into_uuid())),
            "{action}"
        );
        assert!(
            !details.to_string().to_lowercase().contains("ada"),
            "{details}"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_bad_field_is_named_by_its_path_and_nothing_is_kept(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(false, true, false).await;
    let with = |path: &[&str], value: Value| {
        let mut body = ada();
        let mut at = &mut body;
        for step in &path[..path.len() - 1] {
            at = match step.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*step],
            };
        }
        at[path[path.len() - 1]] = value;
        body
    };
    for (body, field) in [
        (with(&["name"], json!(" ")), "/name"),
        (
            with(&["emails"], json!(["ada@example.com", "not an address"])),
            "/emails/1",
        ),
        (with(&["country"], json!("Britain")), "/country"),
        (with(&["locale"], json!("english")), "/locale"),
        (
            with(&["opportunities", "0", "stage"], json!("phone screen")),
            "/opportunities/0/stage",
        ),
        (
            with(
                &["opportunities", "0", "posting_external_id"],
                json!("job-unknown"),
            ),
            "/opportunities/0/posting_external_id",
        ),
        (
            with(
                &["opportunities", "0", "owner_email"],
                json!("nobody@example.com"),
            ),
            "/opportunities/0/owner_email",
        ),
    ] {
        let refused = ats.push(&body).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            refused.body
        );
        assert_eq!(refused.header("content-type"), "application/problem+json");
        let problem = json(&refused);
        assert_eq!(problem["type"], "urn:candor:problem:invalid");
        assert_eq!(problem["field"], field);
    }
    for broken in [
        "{",
        "\"Ada\"",
        r#"{"name": 5}"#,
        r#"{"emails": "ada@example.com"}"#,
    ] {
        let refused = ats
            .post_raw("/api/v1/candidates", broken.to_owned(), &[])
            .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{broken}");
        assert_eq!(json(&refused)["type"], "urn:candor:problem:malformed");
    }
    // An unknown posting is found only after the candidate row is written: rolled back with it.
    assert_eq!(count(&pool, "candidates").await, 0);
    assert_eq!(count(&pool, "opportunities").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn each_write_needs_its_scope_and_an_active_colleague(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let reader = scene.ats(true, false, false).await;
    let refused = reader.push(&ada()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(json(&refused)["type"], "urn:candor:problem:forbidden");

    let writer = scene.ats(false, true, false).await;
    let id = json(&writer.push(&ada()).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        reader.get(&format!("/api/v1/candidates/{id}")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        writer.get(&format!("/api/v1/candidates/{id}")).await.status,
        StatusCode::OK,
        "writing includes reading"
    );
    // A link lets its holder act as the candidate: minting one needs `write`.
    assert_eq!(
        reader
            .get(&format!("/api/v1/candidates/{id}/links"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // On-Behalf-Of names the colleague: unknown, disabled or malformed is refused, and a
    // Limited Team Member reaches only the candidates of their own opportunities.
    let limited = scene
        .world
        .member("Lee Limited", Role::LimitedTeamMember, PASSWORD)
        .await;
    let gone = scene.world.member("Gus Gone", Role::Admin, PASSWORD).await;
    scene.world.disable(&gone).await;
    for (who, status) in [
        ("nobody@example.com", StatusCode::FORBIDDEN),
        (gone.email.as_str(), StatusCode::FORBIDDEN),
        ("not an address", StatusCode::UNPROCESSABLE_ENTITY),
        (limited.email.as_str(), StatusCode::NOT_FOUND),
    ] {
        let answer = writer
            .post("/api/v1/candidates", &ada(), &[("on-behalf-of", who)])
            .await;
        assert_eq!(answer.status, status, "{who}: {}", answer.body);
    }
    // The key's creator disabled: a write without On-Behalf-Of has nobody to act for.
    scene.world.disable(&scene.sasha).await;
    assert_eq!(writer.push(&ada()).await.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_replay_with_the_same_idempotency_key_returns_the_first_answer(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let mut anonymous = ada();
    anonymous.as_object_mut().unwrap().remove("external_id");
    anonymous["opportunities"][0]
        .as_object_mut()
        .unwrap()
        .remove("external_id");
    let key = [("idempotency-key", "push-ada-1")];

    let first = ats.post("/api/v1/candidates", &anonymous, &key).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert_eq!(first.header("idempotent-replayed"), "false");
    let again = ats.post("/api/v1/candidates", &anonymous, &key).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(json(&again), json(&first));
    assert_eq!(
        count(&pool, "candidates").await,
        1,
        "the replay made nothing"
    );

    // The same key for another call is a conflict, and changes nothing.
    let mut other = anonymous.clone();
    other["name"] = json!("Someone Else");
    let reused = ats.post("/api/v1/candidates", &other, &key).await;
    assert_eq!(reused.status, StatusCode::CONFLICT);
    assert_eq!(
        json(&reused)["type"],
        "urn:candor:problem:idempotency_key_reused"
    );
    assert_eq!(count(&pool, "candidates").await, 1);

    // A refusal is an answer too: replayed, not run again.
    let mut bad = anonymous.clone();
    bad["name"] = json!("");
    let refused = ats
        .post("/api/v1/candidates", &bad, &[("idempotency-key", "bad-1")])
        .await;
    let replayed = ats
        .post("/api/v1/candidates", &bad, &[("idempotency-key", "bad-1")])
        .await;
    assert_eq!(
        (refused.status, replayed.status),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::UNPROCESSABLE_ENTITY
        )
    );
    assert_eq!(replayed.header("content-type"), "application/problem+json");
    assert_eq!(json(&replayed), json(&refused));

    // Without a key (and without an external id) a second push is a second candidate.
    ats.push(&anonymous).await;
    assert_eq!(count(&pool, "candidates").await, 2);

    // A key that is not a valid header value shape is refused before anything runs.
    let long = "k".repeat(256);
    let refused = ats
        .post(
            "/api/v1/candidates",
            &anonymous,
            &[("idempotency-key", &long)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&refused)["field"], "Idempotency-Key");

    // Kept as a keyed hash and an answer of ids: nothing personal.
    let kept: String = sqlx::query_scalar(
        "SELECT string_agg(t::text, ' ') FROM (SELECT * FROM api_idempotency) t",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(!kept.contains("Ada") && !kept.contains("ada@"), "{kept}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_batch_keeps_each_good_item_and_says_why_each_bad_one_failed(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let person = |n: usize| {
        json!({
            "external_id": format!("gh-{n}"),
            "name": format!("Person {n}"),
            "emails": [format!("person{n}@example.com")],
            "opportunities": [{ "external_id": format!("app-{n}"), "posting_external_id": "job-7" }]
        })
    };
    let mut bad = person(2);
    bad["opportunities"][0]["posting_external_id"] = json!("job-unknown");
    let batch = json!({ "candidates": [person(1), bad, person(3), person(1)] });
    let answer = ats.post("/api/v1/candidates/batch", &batch, &[]).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let results = json(&answer)["results"].clone();
    let statuses: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["created", "failed", "created", "updated"]);
    assert_eq!(results[1]["index"], 1);
    assert_eq!(
        results[1]["problem"]["field"],
        "/opportunities/0/posting_external_id"
    );
    assert_eq!(results[1]["problem"]["status"], 422);
    assert_eq!(results[3]["result"]["id"], results[0]["result"]["id"]);
    // The failed item kept nothing; the others are whole.
    assert_eq!(count(&pool, "candidates").await, 2);
    assert_eq!(count(&pool, "opportunities").await, 2);

    for size in [0, 1001] {
        let many = json!({ "candidates": vec![person(9); size] });
        let refused = ats.post("/api/v1/candidates/batch", &many, &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{size}");
        assert_eq!(json(&refused)["field"], "candidates");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_lifecycle_rules_hold_for_pushed_opportunities(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let mut hired = ada();
    hired["opportunities"][0]["state"] = json!("hired");
    assert_eq!(ats.push(&hired).await.status, StatusCode::CREATED);
    // A hire is final, as on the profile.
    let mut archived = ada();
    archived["opportunities"][0]["state"] = json!("archived");
    archived["opportunities"][0]["archive_reason"] = json!("rejected");
    let refused = ats.push(&archived).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert_eq!(
        json(&refused)["type"],
        "urn:candor:problem:opportunity-hired"
    );

    // Another candidate's opportunity id is refused: the ATS's records disagree.
    let mut thief = ada();
    thief["external_id"] = json!("gh-43");
    thief["emails"] = json!(["grace@example.com"]);
    let refused = ats.push(&thief).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&refused)["field"], "/opportunities/0/external_id");

    // An anonymized record stays anonymized.
    let id: Uuid = sqlx::query_scalar("SELECT id FROM candidates WHERE external_id = 'gh-42'")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE candidates SET name = '', anonymized_at = now(), anonymization_mode = 'gdpr' WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let refused = ats.push(&ada()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(json(&refused)["type"], "urn:candor:problem:anonymized");
    assert_eq!(
        ats.get(&format!("/api/v1/candidates/{id}/links"))
            .await
            .status,
        StatusCode::CONFLICT
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_ats_mints_the_candidates_links_for_its_own_emails(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let id = json(&ats.push(&ada()).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let links = ats.get(&format!("/api/v1/candidates/{id}/links")).await;
    assert_eq!(links.status, StatusCode::OK, "{}", links.body);
    let links = json(&links);
    let base = scene
        .app
        .config
        .public_url
        .as_str()
        .trim_end_matches('/')
        .to_owned();
    let page = links["preferences_url"].as_str().unwrap();
    let stop = links["unsubscribe_url"].as_str().unwrap();
    assert!(page.starts_with(&format!("{base}/preferences/")), "{page}");
    assert!(stop.starts_with(&format!("{base}/unsubscribe/")), "{stop}");
    // The link opens the candidate's own page.
    let opened = scene.app.get(&page[base.len()..]).await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(
        opened.body.contains("<form"),
        "the page offers the candidate's choices"
    );
    let token = page.rsplit('/').next().unwrap();
    let named = scene.app.config.link_keys.verify(token).unwrap();
    assert_eq!(
        named.into_uuid().to_string(),
        id,
        "the link names this candidate"
    );
    let unknown = ats
        .get(&format!("/api/v1/candidates/{}/links", Uuid::new_v4()))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let malformed = ats.get("/api/v1/candidates/not-an-id/links").await;
    assert_eq!(malformed.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn consent_the_ats_collected_is_appended_and_the_latest_word_wins(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let id = json(&ats.push(&ada()).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/candidates/{id}/consent-decisions");
    let status = || async {
        json(
            &ats.get("/api/v1/contact-status?email=ada%40example.com")
                .await,
        )["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(status().await, "allowed");

    let revoked = json!({
        "purpose": "contact", "decision": "revoked", "at": "2026-03-01T10:00:00Z",
        "basis": "legitimate_interest", "text_version": "ats-notice-3"
    });
    let answer = ats.post(&path, &revoked, &[]).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(status().await, "do_not_contact");
    let (source, basis, version, at): (String, String, String, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as("SELECT source, basis, text_version, at FROM consent_events")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (source.as_str(), basis.as_str(), version.as_str()),
        ("import", "legitimate_interest", "ats-notice-3")
    );
    assert_eq!(at.to_rfc3339(), "2026-03-01T10:00:00+00:00");

    // An older "given" arriving late stays in the history without overriding the revocation.
    let older = json!({
        "purpose": "contact", "decision": "restored", "at": "2026-01-01T10:00:00Z",
        "basis": "legitimate_interest", "text_version": "ats-notice-2"
    });
    assert_eq!(
        ats.post(&path, &older, &[]).await.status,
        StatusCode::CREATED
    );
    assert_eq!(status().await, "do_not_contact");
    assert_eq!(count(&pool, "consent_events").await, 2);

    let mut future = revoked.clone();
    future["at"] = json!("2999-01-01T00:00:00Z");
    let refused = ats.post(&path, &future, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&refused)["field"], "/at");
    let elsewhere = format!("/api/v1/candidates/{}/consent-decisions", Uuid::new_v4());
    assert_eq!(
        ats.post(&elsewhere, &revoked, &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn nothing_pushed_through_the_api_remains_after_anonymization(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let canary = json!({
        "external_id": "gh-900",
        "name": "Zebulonfirst Zebulonlast",
        "emails": ["zebulonmail@example.com", "zebulonalt@example.com"],
        "phones": ["+44 7911 987654"],
        "location": "Zebulontown",
        "country": "FR",
        "locale": "fr",
        "opportunities": [{ "external_id": "app-900", "posting_external_id": "job-7", "stage": "offer" }]
    });
    let key = [("idempotency-key", "canary-push")];
    let pushed = ats.post("/api/v1/candidates", &canary, &key).await;
    assert_eq!(pushed.status, StatusCode::CREATED, "{}", pushed.body);
    let id = Uuid::parse_str(json(&pushed)["id"].as_str().unwrap()).unwrap();
    let consent = json!({
        "purpose": "retention", "decision": "given", "at": "2026-02-01T00:00:00Z",
        "basis": "consent", "text_version": "v9"
    });
    ats.post(
        &format!("/api/v1/candidates/{id}/consent-decisions"),
        &consent,
        &[],
    )
    .await;

    let before = dump(&pool).await;
    for marker in ["zebulonfirst", "zebulonmail", "zebulontown", "7911987654"] {
        assert!(!holding(&before, marker).is_empty(), "{marker} was stored");
    }
    let eraser = scene.ats(false, false, true).await;
    let anonymized = eraser
        .post(
            &format!("/api/v1/candidates/{id}/anonymize"),
            &json!({ "reason": "deleted_in_ats" }),
            &[],
        )
        .await;
    assert_eq!(anonymized.status, StatusCode::OK, "{}", anonymized.body);
    let after = dump(&pool).await;
    for marker in ["zebulon", "7911987654"] {
        assert_eq!(holding(&after, marker), Vec::<&str>::new(), "{marker}");
    }
    let read = ats.candidate(&id.to_string()).await;
    assert_eq!(
        (read["anonymized"].as_bool(), read["locale"].as_str()),
        (Some(true), None)
    );
    assert_eq!(
        read["external_id"], "gh-900",
        "the ATS's key stays, to match the record"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_ats_anonymizes_with_the_profiles_checks_and_a_reason(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let writer = scene.ats(true, true, false).await;
    let eraser = scene.ats(false, false, true).await;
    let id = json(&writer.push(&ada()).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/candidates/{id}/anonymize");
    let reason = |r: &str| json!({ "reason": r });

    assert_eq!(
        writer
            .post(&path, &reason("retention_ended"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // The colleague needs the Anonymize Candidates permission too, as on the profile.
    let member = scene
        .world
        .member("Tom Member", Role::TeamMember, PASSWORD)
        .await;
    let refused = eraser
        .post(
            &path,
            &reason("retention_ended"),
            &[("on-behalf-of", member.email.as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    // No erasure request open: a reason is required, and it must be a true one.
    for (body, problem) in [
        (json!({}), "urn:candor:problem:invalid"),
        (reason("erasure_request"), "urn:candor:problem:invalid"),
        (reason("because"), "urn:candor:problem:invalid"),
    ] {
        let refused = eraser.post(&path, &body, &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let refused = json(&refused);
        assert_eq!(
            (refused["type"].as_str(), refused["field"].as_str()),
            (Some(problem), Some("/reason"))
        );
    }
    // A legal hold stops it.
    let uuid = Uuid::parse_str(&id).unwrap();
    sqlx::query(
        "INSERT INTO legal_holds (candidate_id, reason, placed_by) VALUES ($1, 'Litigation', $2)",
    )
    .bind(uuid)
    .bind(scene.sasha.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    let held = eraser.post(&path, &reason("retention_ended"), &[]).await;
    assert_eq!(held.status, StatusCode::CONFLICT);
    assert_eq!(json(&held)["type"], "urn:candor:problem:legal-hold");
    sqlx::query("UPDATE legal_holds SET lifted_at = now(), lifted_by = placed_by")
        .execute(&pool)
        .await
        .unwrap();

    let done = eraser.post(&path, &reason("retention_ended"), &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let done = json(&done);
    assert_eq!(done["mode"], "gdpr");
    assert!(done["fields_removed"]
        .as_array()
        .unwrap()
        .contains(&json!("emails")));
    let again = eraser.post(&path, &reason("retention_ended"), &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let reasons: Vec<Value> = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'candidate.anonymize_reason' AND actor_kind = 'api_key'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(reasons, [json!({ "reason": "retention_ended" })]);

    // An open erasure request is reason enough, and anonymizing resolves it.
    let grace = scene.world.candidate("grace@example.com").await;
    scene
        .world
        .request(&grace, app::preferences::service::NewRequest::Erasure)
        .await;
    let path = format!("/api/v1/candidates/{}/anonymize", grace.id.into_uuid());
    let done = eraser.post_raw(&path, String::new(), &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let state: String =
        sqlx::query_scalar("SELECT status FROM data_requests WHERE candidate_id = $1")
            .bind(grace.id.into_uuid())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(state, "resolved");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_note_from_the_ats_is_the_colleagues_on_the_profile(pool: PgPool) {
    let scene = scene(pool.clone()).await;
    let ats = scene.ats(true, true, false).await;
    let id = json(&ats.push(&ada()).await)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/candidates/{id}/notes");
    let added = ats
        .post(&path, &json!({ "body": "Strong on SQL." }), &[])
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let (body, author): (String, Option<Uuid>) =
        sqlx::query_as("SELECT body, author_id FROM notes")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (body.as_str(), author),
        ("Strong on SQL.", Some(scene.sasha.id.into_uuid()))
    );
    let blank = ats.post(&path, &json!({ "body": "  " }), &[]).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&blank)["field"], "/body");
    let nobody = format!("/api/v1/candidates/{}/notes", Uuid::new_v4());
    assert_eq!(
        ats.post(&nobody, &json!({ "body": "Hi" }), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
