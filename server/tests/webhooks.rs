//! Webhooks (SPEC §11): every event reaches the endpoints that want it, signed per the Standard
//! Webhooks scheme (checked by the scheme's own reference library), through an outbox that loses
//! nothing in a receiver's outage, delivers each event once with two workers, refuses private
//! destinations, and turns off an endpoint failing for days. A real HTTP receiver on loopback.

use crate::common::world::{kinds, Candidate, World};
use crate::common::{config_with, TestApp};
use app::core::webhooks::{delivery::Deliverer, endpoints};
use app::domain::webhooks::{EventType, NewEndpoint};
use app::domain::{Purpose, RequestKind, Role, Viewer};
use app::preferences::service::NewRequest;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Duration, Utc};
use leptos::server_fn::ServerFn;
use serde_json::Value;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    headers: HeaderMap,
    body: String,
    answered: u16,
}

impl Received {
    fn id(&self) -> &str {
        self.headers["webhook-id"].to_str().unwrap()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

/// A real HTTP server on loopback that records every request and answers with `status`.
#[derive(Clone)]
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
}

impl Receiver {
    async fn start() -> Self {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let (g, s) = (got.clone(), status.clone());
        let app = axum::Router::new()
            .route(
                "/hook",
                axum::routing::post(move |headers: HeaderMap, body: String| {
                    let (got, status) = (g.clone(), s.clone());
                    async move {
                        let answered = status.load(Ordering::SeqCst);
                        got.lock().unwrap().push(Received {
                            headers,
                            body,
                            answered,
                        });
                        StatusCode::from_u16(answered).unwrap()
                    }
                }),
            )
            .route(
                "/moved",
                axum::routing::post(|| async {
                    (StatusCode::TEMPORARY_REDIRECT, [("location", "/hook")])
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver {
            url: format!("http://{addr}/hook"),
            got,
            status,
        }
    }

    fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// The events it accepted (answered 2xx), by type.
    fn accepted(&self) -> Vec<Received> {
        self.got()
            .into_iter()
            .filter(|r| (200..300).contains(&r.answered))
            .collect()
    }

    fn types(&self) -> Vec<String> {
        self.accepted()
            .iter()
            .map(|r| r.json()["type"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// An organization whose webhooks may go to plain http on loopback (development settings).
struct Scene {
    world: World,
    admin: Viewer,
    receiver: Receiver,
}

impl Scene {
    async fn new(pool: PgPool) -> Self {
        let config = config_with(
            &pool,
            &[
                ("CANDOR_WEBHOOKS_ALLOW_HTTP", "1"),
                ("CANDOR_WEBHOOKS_ALLOW_PRIVATE", "1"),
            ],
        );
        let world = World::with_config(pool, config);
        let sasha = world
            .member("Sasha Super", Role::SuperAdmin, PASSWORD)
            .await;
        Scene {
            admin: sasha.as_viewer(Role::SuperAdmin),
            world,
            receiver: Receiver::start().await,
        }
    }

    /// An endpoint at the receiver for `events`; its secret as given to the receiver.
    async fn endpoint(&self, url: &str, events: &[EventType]) -> (Uuid, String) {
        endpoints::create_shown(
            &self.world.pool,
            &self.admin,
            &NewEndpoint {
                url: url.to_owned(),
                events: events.to_vec(),
            },
            Utc::now(),
        )
        .await
        .unwrap()
    }

    fn deliverer(&self) -> Deliverer {
        Deliverer::new(self.world.pool.clone(), Arc::new(self.world.config.clone())).unwrap()
    }

    async fn deliver(&self, at: DateTime<Utc>) -> app::core::webhooks::delivery::Pass {
        self.deliverer().drain(at).await.unwrap()
    }

    async fn open_request(&self, candidate: &Candidate, kind: RequestKind) -> Uuid {
        sqlx::query_scalar(
            "SELECT id FROM data_requests WHERE candidate_id = $1 AND kind = $2 AND status = 'open'",
        )
        .bind(candidate.id.into_uuid())
        .bind(kind.as_str())
        .fetch_one(&self.world.pool)
        .await
        .expect("an open request")
    }

    async fn delivery_rows(&self) -> Vec<(String, i32, Option<i32>, Option<String>)> {
        sqlx::query_as(
            "SELECT status, attempts, last_status, last_error FROM webhook_deliveries ORDER BY created_at",
        )
        .fetch_all(&self.world.pool)
        .await
        .unwrap()
    }
}

/// The Standard Webhooks reference library's verdict on a delivery.
fn verifies(secret: &str, received: &Received) -> bool {
    let mut headers = HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        headers.insert(
            name,
            received.headers[name].to_str().unwrap().parse().unwrap(),
        );
    }
    standardwebhooks::Webhook::new(secret)
        .unwrap()
        .verify(received.body.as_bytes(), &headers)
        .is_ok()
}

#[sqlx::test(migrations = "../migrations")]
async fn every_request_and_consent_event_arrives_signed_with_ids_only(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    let (_, secret) = scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    let ada = scene.world.candidate("ada@example.com").await;
    sqlx::query("UPDATE candidates SET external_id = 'gh-4711' WHERE id = $1")
        .bind(ada.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
    let config = &scene.world.config;
    let admin = &scene.admin;

    scene.world.decide(&ada, Purpose::Retention, true).await;
    scene.world.request(&ada, NewRequest::Access).await;
    let access = scene.open_request(&ada, RequestKind::Access).await;
    app::core::requests::decisions::extend(
        &pool,
        config,
        admin,
        access,
        1,
        "Many archives",
        Utc::now(),
    )
    .await
    .unwrap();
    app::core::requests::decisions::resolve(&pool, admin, access, Utc::now())
        .await
        .unwrap();
    scene.world.request(&ada, NewRequest::Access).await;
    let second = scene.open_request(&ada, RequestKind::Access).await;
    app::core::requests::decisions::refuse(
        &pool,
        config,
        admin,
        second,
        "Asked twice this month",
        Utc::now(),
    )
    .await
    .unwrap();
    scene.world.request(&ada, NewRequest::Access).await;
    let third = scene.open_request(&ada, RequestKind::Access).await;
    app::preferences::service::withdraw_request(&pool, ada.id, &third.to_string(), Utc::now())
        .await
        .unwrap();
    scene.world.decide(&ada, Purpose::Contact, false).await;

    let pass = scene.deliver(Utc::now()).await;
    assert_eq!(pass.failed, 0);
    let types = scene.receiver.types();
    assert_eq!(types.len(), 10, "{types:?}");
    let mut counted: HashMap<&str, usize> = HashMap::new();
    for t in &types {
        *counted.entry(t.as_str()).or_default() += 1;
    }
    assert_eq!(counted["data_request.created"], 3);
    assert_eq!(counted["consent.changed"], 2);
    for event in [
        "data_request.extended",
        "data_request.resolved",
        "data_request.refused",
        "data_request.withdrawn",
        "contact.revoked",
    ] {
        assert_eq!(counted.get(event), Some(&1), "{event}: {types:?}");
    }

    for received in scene.receiver.accepted() {
        assert!(
            verifies(&secret, &received),
            "signature of {}",
            received.body
        );
        let event = received.json();
        assert_eq!(event["data"]["candidate_id"], ada.id.to_string());
        assert_eq!(event["data"]["candidate_external_id"], "gh-4711");
        assert_eq!(received.id(), received.headers["webhook-id"]);
        // Ids, kinds, states and times: no name, no address, no reason anyone wrote.
        for personal in [ada.name.as_str(), "ada@example.com", "archives", "twice"] {
            assert!(
                !received.body.contains(personal),
                "{personal} in {}",
                received.body
            );
        }
    }
    let extended = scene
        .receiver
        .accepted()
        .into_iter()
        .find(|r| r.json()["type"] == "data_request.extended")
        .unwrap()
        .json();
    assert_eq!(extended["data"]["request_id"], access.to_string());
    assert_eq!(extended["data"]["kind"], "access");
    assert_eq!(extended["data"]["state"], "open");
    let refused = scene
        .receiver
        .accepted()
        .into_iter()
        .find(|r| r.json()["type"] == "data_request.refused")
        .unwrap()
        .json();
    assert_eq!(refused["data"]["state"], "refused");

    // A second pass has nothing left to send.
    assert_eq!(scene.deliver(Utc::now()).await.claimed, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_endpoint_hears_only_what_it_subscribed_to_and_nothing_while_off(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    let (endpoint, _) = scene
        .endpoint(&scene.receiver.url, &[EventType::ContactRevoked])
        .await;
    let ada = scene.world.candidate("ada@example.com").await;
    scene.world.decide(&ada, Purpose::Retention, true).await;
    scene.world.decide(&ada, Purpose::Contact, false).await;
    scene.deliver(Utc::now()).await;
    assert_eq!(scene.receiver.types(), ["contact.revoked"]);

    endpoints::set_enabled(&pool, &scene.admin, endpoint, false, Utc::now())
        .await
        .unwrap();
    scene.world.decide(&ada, Purpose::Contact, true).await;
    scene.world.decide(&ada, Purpose::Contact, false).await;
    scene.deliver(Utc::now()).await;
    assert_eq!(
        scene.receiver.got().len(),
        1,
        "nothing is written for an endpoint that is off"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn overdue_marked_and_anonymized_candidates_are_announced_once(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    scene
        .world
        .settings(
            "compliance_mode = 'gdpr', gdpr_scope = 'all', retention_days = 365,
             anonymization_grace_days = 90",
        )
        .await;
    let ada = scene.world.candidate("ada@example.com").await;
    scene.world.request(&ada, NewRequest::Access).await;
    let overdue_at = Utc::now() + Duration::days(40);
    app::alerts::run(&pool, &scene.world.config, overdue_at)
        .await
        .unwrap();
    app::alerts::run(&pool, &scene.world.config, overdue_at + Duration::hours(1))
        .await
        .unwrap();

    // Archived 400 days ago: marked, still in the grace period. Archived 600 days ago: due.
    let waiting = scene.world.candidate("bo@example.com").await;
    let due = scene.world.candidate("cy@example.com").await;
    for (candidate, days) in [(&waiting, 400), (&due, 600)] {
        sqlx::query(
            "UPDATE candidates SET created_at = now() - interval '1000 days' WHERE id = $1;",
        )
        .bind(candidate.id.into_uuid())
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO opportunities (candidate_id, origin, created_at, archived_at)
             VALUES ($1, 'applied', now() - interval '900 days', now() - make_interval(days => $2))",
        )
        .bind(candidate.id.into_uuid())
        .bind(days)
        .execute(&pool)
        .await
        .unwrap();
    }
    use app::sweep::service::{sweep, Trigger};
    sweep(&pool, &scene.world.config, Trigger::Command, Utc::now())
        .await
        .unwrap();
    sweep(&pool, &scene.world.config, Trigger::Command, Utc::now())
        .await
        .unwrap();

    scene.deliver(overdue_at + Duration::hours(2)).await;
    let events: Vec<Value> = scene
        .receiver
        .accepted()
        .iter()
        .map(Received::json)
        .collect();
    let of = |t: &str| {
        events
            .iter()
            .filter(|e| e["type"] == t)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("data_request.overdue").len(),
        1,
        "overdue once, however often checked"
    );
    let marked = of("candidate.marked_for_deletion");
    let mut marked_ids: Vec<&str> = marked
        .iter()
        .map(|e| e["data"]["candidate_id"].as_str().unwrap())
        .collect();
    marked_ids.sort();
    let mut expected = vec![waiting.id.to_string(), due.id.to_string()];
    expected.sort();
    assert_eq!(
        marked_ids, expected,
        "each marked candidate once over two runs"
    );
    assert!(marked.iter().all(|e| e["data"]["anonymize_on"].is_string()));
    let anonymized = of("candidate.anonymized");
    assert_eq!(anonymized.len(), 1);
    assert_eq!(anonymized[0]["data"]["candidate_id"], due.id.to_string());
    for e in &events {
        assert!(!e.to_string().contains("example.com"), "{e}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_receiver_outage_loses_nothing_and_each_event_is_accepted_once(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    let (_, secret) = scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    let ada = scene.world.candidate("ada@example.com").await;
    scene.receiver.answer(503);
    for _ in 0..3 {
        scene.world.decide(&ada, Purpose::Retention, true).await;
        scene.world.decide(&ada, Purpose::Retention, false).await;
    }
    let now = Utc::now();
    let outage = scene.deliver(now).await;
    assert_eq!(
        (outage.claimed, outage.retried, outage.delivered),
        (6, 6, 0)
    );
    assert!(scene
        .delivery_rows()
        .await
        .iter()
        .all(|(status, attempts, answer, error)| status == "pending"
            && *attempts == 1
            && *answer == Some(503)
            && error.as_deref() == Some("the receiver answered HTTP 503")));
    // Still down at the first retry; back before the second.
    scene.deliver(now + Duration::seconds(6)).await;
    scene.receiver.answer(204);
    assert_eq!(
        scene.deliver(now + Duration::seconds(30)).await.claimed,
        0,
        "waits its turn"
    );
    let recovered = scene.deliver(now + Duration::minutes(2)).await;
    assert_eq!(recovered.delivered, 6);

    let accepted = scene.receiver.accepted();
    let mut ids: Vec<&str> = accepted.iter().map(Received::id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        (accepted.len(), ids.len()),
        (6, 6),
        "each event accepted once"
    );
    assert_eq!(
        scene.receiver.got().len(),
        18,
        "two failed attempts each, then success"
    );
    assert!(accepted.iter().all(|r| verifies(&secret, r)));
    // A retry is the same event: its id is the one the failed attempts carried.
    let first_ids: std::collections::HashSet<String> = scene.receiver.got()[..6]
        .iter()
        .map(|r| r.id().to_owned())
        .collect();
    assert!(ids.iter().all(|id| first_ids.contains(*id)));
}

#[sqlx::test(migrations = "../migrations")]
async fn two_workers_deliver_each_event_once(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    for n in 0..20 {
        let candidate = scene.world.candidate(&format!("p{n}@example.com")).await;
        scene
            .world
            .decide(&candidate, Purpose::Retention, true)
            .await;
        scene
            .world
            .decide(&candidate, Purpose::Contact, false)
            .await;
    }
    let (one, two) = (scene.deliverer(), scene.deliverer());
    let now = Utc::now();
    let (a, b) = tokio::join!(one.drain(now), two.drain(now));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.delivered + b.delivered, 60);
    let got = scene.receiver.got();
    let ids: std::collections::HashSet<&str> = got.iter().map(Received::id).collect();
    assert_eq!((got.len(), ids.len()), (60, 60), "no event sent twice");
}

#[sqlx::test(migrations = "../migrations")]
async fn private_destinations_and_redirects_are_refused(pool: PgPool) {
    // The production rules: https only, public addresses only.
    let world = World::new(pool.clone());
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let admin = sasha.as_viewer(Role::SuperAdmin);
    let strict = world.config.webhooks.destinations;
    use app::core::webhooks::delivery::url_allowed;
    for url in [
        "http://hooks.example.com/",
        "https://127.0.0.1/hook",
        "https://10.0.0.8/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://user:pass@hooks.example.com/",
        "ftp://hooks.example.com/",
        "not a url",
    ] {
        assert!(!url_allowed(strict, url), "{url} allowed");
    }
    assert!(url_allowed(strict, "https://hooks.example.com/candor"));

    // A name that resolves to loopback is refused at delivery, before anything is sent.
    let receiver = Receiver::start().await;
    let port = receiver
        .url
        .split(':')
        .nth(2)
        .unwrap()
        .split('/')
        .next()
        .unwrap();
    let (_, _) = endpoints::create_shown(
        &pool,
        &admin,
        &NewEndpoint {
            url: format!("https://localhost:{port}/hook"),
            events: vec![EventType::ConsentChanged],
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let ada = world.candidate("ada@example.com").await;
    world.decide(&ada, Purpose::Retention, true).await;
    let deliverer = Deliverer::new(pool.clone(), Arc::new(world.config.clone())).unwrap();
    let pass = deliverer.drain(Utc::now()).await.unwrap();
    assert_eq!(pass.retried, 1);
    let error: Option<String> = sqlx::query_scalar("SELECT last_error FROM webhook_deliveries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        error.as_deref(),
        Some("refused: the receiver's address is not on the public internet")
    );
    assert!(receiver.got().is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_redirect_is_not_followed(pool: PgPool) {
    // In development (http and private allowed), a redirect is still not followed.
    let scene = Scene::new(pool.clone()).await;
    let ada = scene.world.candidate("ada@example.com").await;
    scene
        .endpoint(
            &scene.receiver.url.replace("/hook", "/moved"),
            &[EventType::ContactRevoked],
        )
        .await;
    scene.world.decide(&ada, Purpose::Contact, false).await;
    let pass = scene.deliver(Utc::now()).await;
    assert_eq!(pass.retried, 1);
    assert!(
        scene.receiver.got().is_empty(),
        "the redirect was not followed"
    );
    let redirected: Option<i32> = sqlx::query_scalar(
        "SELECT d.last_status FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE e.type = 'contact.revoked'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(redirected, Some(307));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_endpoint_failing_for_days_is_turned_off_and_the_admins_told(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    let (endpoint, _) = scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    let ada = scene.world.candidate("ada@example.com").await;
    scene.receiver.answer(500);
    scene.world.decide(&ada, Purpose::Retention, true).await;
    let start = Utc::now();
    // Every retry, for a week: the first event is failed after about three days.
    let mut at = start;
    let mut failed = 0;
    let mut disabled = 0;
    while at < start + Duration::days(7) {
        let pass = scene.deliver(at).await;
        failed += pass.failed;
        disabled += pass.endpoints_disabled;
        if at == start + Duration::days(4) {
            // A new event meanwhile keeps the endpoint failing past five days.
            scene.world.decide(&ada, Purpose::Retention, false).await;
        }
        at += Duration::hours(1);
    }
    assert_eq!(
        failed, 1,
        "the first event failed for good after about three days"
    );
    assert_eq!(disabled, 1);
    let rows = scene.delivery_rows().await;
    assert_eq!(rows[0].0, "failed");
    assert_eq!(rows[0].1, app::domain::webhooks::MAX_ATTEMPTS as i32);
    assert_eq!(
        rows[1].0, "pending",
        "the later event waits for the endpoint to be on"
    );
    let (enabled, reason): (bool, Option<String>) =
        sqlx::query_as("SELECT enabled, disabled_reason FROM webhook_endpoints WHERE id = $1")
            .bind(endpoint)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((enabled, reason.as_deref()), (false, Some("failing")));
    let admin_mail = scene.world.inbox("sasha.super@team.example").await;
    let sent = kinds(&admin_mail);
    assert!(sent.contains(&"webhook_failing"), "{sent:?}");
    assert!(sent.contains(&"webhook_disabled"), "{sent:?}");
    assert!(scene
        .world
        .audit_actions()
        .await
        .contains(&"webhook.disabled".to_owned()));

    // Fixed and turned on again: what waited goes at once.
    scene.receiver.answer(200);
    endpoints::set_enabled(&pool, &scene.admin, endpoint, true, at)
        .await
        .unwrap();
    assert_eq!(scene.deliver(at).await.delivered, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn after_a_rotation_both_secrets_verify_until_the_overlap_ends(pool: PgPool) {
    let scene = Scene::new(pool.clone()).await;
    let (endpoint, old) = scene.endpoint(&scene.receiver.url, EventType::ALL).await;
    let new = endpoints::rotate_shown(&pool, &scene.admin, endpoint, Utc::now())
        .await
        .unwrap();
    assert_ne!(old, new);
    let ada = scene.world.candidate("ada@example.com").await;
    scene.world.decide(&ada, Purpose::Retention, true).await;
    scene.deliver(Utc::now()).await;
    let during = &scene.receiver.accepted()[0];
    assert!(verifies(&new, during) && verifies(&old, during));

    // A day later the old secret no longer signs. (The reference library checks the
    // timestamp against its clock, so this delivery is signed at the real time.)
    sqlx::query("UPDATE webhook_endpoints SET previous_until = now() - interval '1 second'")
        .execute(&pool)
        .await
        .unwrap();
    scene.world.decide(&ada, Purpose::Retention, false).await;
    scene.deliver(Utc::now()).await;
    let after = &scene.receiver.accepted()[1];
    assert!(verifies(&new, after));
    assert!(!verifies(&old, after));
    assert!(!verifies("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", after));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_super_admin_manages_endpoints_in_settings_without_javascript(pool: PgPool) {
    let config = config_with(&pool, &[("CANDOR_WEBHOOKS_ALLOW_HTTP", "1")]);
    let world = World::with_config(pool.clone(), config.clone());
    let app = TestApp::with_config(pool.clone(), config);
    let sasha = world
        .member("Sasha Super", Role::SuperAdmin, PASSWORD)
        .await;
    let robin = world.member("Robin Admin", Role::Admin, PASSWORD).await;
    let admin = app.session(&sasha.email, PASSWORD).await;

    let page = admin.get("/settings/webhooks").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"name="hook[webhook_url]""#));
    assert!(page
        .body
        .contains(r#"name="hook[events][consent.changed]""#));

    let path = app::webhooks::CreateWebhook::PATH;
    let refused = admin
        .post_form(
            path,
            &[
                ("hook[webhook_url]", "https://192.168.1.10/hook"),
                ("hook[events][consent.changed]", "on"),
            ],
        )
        .await;
    assert_eq!(
        refused.header("location"),
        "/settings/webhooks?notice=invalid.webhook_url.invalid#notice"
    );
    let told = admin
        .get("/settings/webhooks?notice=invalid.webhook_url.invalid")
        .await
        .body;
    assert!(told.contains("private, loopback and link-local networks are refused"));
    assert_eq!(world.count("webhook_endpoints").await, 0);

    let created = admin
        .post_form(
            path,
            &[
                ("hook[webhook_url]", "https://hooks.example.com/candor"),
                ("hook[events][consent.changed]", "on"),
                ("hook[events][data_request.created]", "on"),
            ],
        )
        .await;
    assert_eq!(
        created.header("location"),
        "/settings/webhooks?notice=webhook-created#notice"
    );
    let shown = admin
        .get("/settings/webhooks?notice=webhook-created")
        .await
        .body;
    let start = shown.find("value=\"whsec_").expect("the secret is shown") + "value=\"".len();
    let secret: String = shown[start..].chars().take_while(|c| *c != '"').collect();
    assert!(secret.len() > 40);
    let again = admin.get("/settings/webhooks").await.body;
    assert!(!again.contains(&secret), "shown once");
    assert!(again.contains("https://hooks.example.com/candor"));
    assert!(again.contains(&secret[..10]));

    let (id, events): (Uuid, Vec<String>) =
        sqlx::query_as("SELECT id, events FROM webhook_endpoints")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(events, ["data_request.created", "consent.changed"]);
    let tested = admin
        .post_form(
            app::webhooks::TestWebhook::PATH,
            &[("endpoint", &id.to_string())],
        )
        .await;
    assert_eq!(
        tested.header("location"),
        "/settings/webhooks?notice=webhook-tested#notice"
    );
    let test_events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM webhook_events WHERE type = 'webhook.test'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(test_events, 1);
    let off = admin
        .post_form(
            app::webhooks::SwitchWebhook::PATH,
            &[("endpoint", &id.to_string()), ("on", "off")],
        )
        .await;
    assert_eq!(
        off.header("location"),
        "/settings/webhooks?notice=webhook-off#notice"
    );
    let test_when_off = admin
        .post_form(
            app::webhooks::TestWebhook::PATH,
            &[("endpoint", &id.to_string())],
        )
        .await;
    assert_eq!(
        test_when_off.header("location"),
        "/settings/webhooks?notice=endpoint-disabled#notice"
    );

    // Admins who are not Super Admins don't see or change endpoints.
    let other = app.session(&robin.email, PASSWORD).await;
    assert_eq!(
        other.get("/settings/webhooks").await.status,
        StatusCode::FORBIDDEN
    );
    let removed = other
        .post_form(
            app::webhooks::RemoveWebhook::PATH,
            &[("endpoint", &id.to_string())],
        )
        .await;
    assert!(removed
        .header("location")
        .ends_with("notice=forbidden#notice"));
    assert_eq!(world.count("webhook_endpoints").await, 1);

    // The audit log holds ids and event names only.
    let audit: Vec<Value> = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action LIKE 'webhook.%' ORDER BY at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(audit.len(), 3);
    assert!(audit
        .iter()
        .all(|d| !d.to_string().contains("hooks.example.com")));
}
