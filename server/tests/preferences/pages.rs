//! The candidate pages over HTTP: bad links, the anonymized notice, no-JavaScript form posts,
//! one-click unsubscribe, and the limits on what a client may send.

use crate::common::{test_env, world::World, TestApp};
use app::core::fresh_link::SendFreshLink;
use app::domain::CandidateId;
use app::preferences::{RequestAccess, RequestErasure, RequestRectification};
use axum::{body::Body, http::Request};
use base64::Engine as _;
use chrono::{Duration, Utc};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::json;
use sqlx::PgPool;

/// The test key ring's secret (see `test_env`).
const SECRET: [u8; 32] = [42; 32];

fn access(token: &str, key: &str) -> RequestAccess {
    RequestAccess {
        token: token.into(),
        key: key.into(),
    }
}

fn fresh_link(email: &str) -> SendFreshLink {
    SendFreshLink {
        email: email.into(),
    }
}

fn sign(header: Header, claims: serde_json::Value, secret: &[u8]) -> String {
    encode(&header, &claims, &EncodingKey::from_secret(secret)).unwrap()
}

fn claims(candidate: CandidateId, purpose: &str, exp: i64) -> serde_json::Value {
    json!({ "sub": candidate, "purpose": purpose, "iat": Utc::now().timestamp(), "exp": exp })
}

fn header(kid: &str) -> Header {
    Header {
        kid: Some(kid.into()),
        ..Header::new(Algorithm::HS256)
    }
}

fn b64(text: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

#[sqlx::test(migrations = "../migrations")]
async fn every_kind_of_bad_link_gets_the_friendly_page_with_a_fresh_link_form(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let good = world.link(&anna);
    let later = (Utc::now() + Duration::days(30)).timestamp();
    let parts: Vec<&str> = good.split('.').collect();

    let bad_links = [
        (
            "tampered",
            format!(
                "{}.{}.{}",
                parts[0],
                b64(&claims(CandidateId(uuid::Uuid::new_v4()), "preferences", later).to_string()),
                parts[2]
            ),
        ),
        (
            "alg none",
            format!(
                "{}.{}.",
                b64(r#"{"alg":"none","typ":"JWT","kid":"test"}"#),
                parts[1]
            ),
        ),
        (
            "expired",
            sign(
                header("test"),
                claims(
                    anna.id,
                    "preferences",
                    (Utc::now() - Duration::days(1)).timestamp(),
                ),
                &SECRET,
            ),
        ),
        (
            "unknown kid",
            sign(
                header("retired"),
                claims(anna.id, "preferences", later),
                &SECRET,
            ),
        ),
        (
            "wrong key",
            sign(
                header("test"),
                claims(anna.id, "preferences", later),
                &[7; 32],
            ),
        ),
        (
            "wrong purpose",
            sign(
                header("test"),
                claims(anna.id, "unsubscribe-all", later),
                &SECRET,
            ),
        ),
        (
            "unknown candidate",
            sign(
                header("test"),
                claims(CandidateId(uuid::Uuid::new_v4()), "preferences", later),
                &SECRET,
            ),
        ),
        ("truncated", good[..good.len() - 12].to_owned()),
        ("garbage", "%%%not-base64%%%".to_owned()),
    ];
    for (what, token) in bad_links {
        for page in ["preferences", "unsubscribe"] {
            let response = app.get(&format!("/{page}/{token}")).await;
            assert_eq!(response.status, 400, "{what} on {page}");
            assert!(
                response.body.contains("This link isn&#x27;t valid")
                    || response.body.contains("This link isn't valid"),
                "{what}: {}",
                response.body
            );
            assert!(response.body.contains("Email me a fresh link"), "{what}");
            assert!(!response.body.contains("Your consent"), "{what}");
            assert_eq!(response.header("referrer-policy"), "no-referrer", "{what}");
        }
    }

    let response = app.get(&format!("/preferences/{good}")).await;
    assert_eq!(response.status, 200);
    assert!(response.body.contains("Send me a copy of my data"));
    assert_eq!(response.header("referrer-policy"), "no-referrer");
    assert_eq!(response.header("cache-control"), "no-store");
    let csp = response.header("content-security-policy");
    assert!(
        csp.contains("default-src 'self'") && csp.contains("'nonce-"),
        "{csp}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_anonymized_candidates_link_shows_only_the_deletion_notice(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    world
        .settings("organization_name = 'Northwind Talent'")
        .await;
    let anna = world.candidate("anna@example.com").await;
    let link = world.link(&anna);
    world.anonymize(&anna).await;

    let response = app.get(&format!("/preferences/{link}")).await;
    assert_eq!(response.status, 410);
    assert!(response.body.contains(
        "This link is no longer active. Northwind Talent has deleted your personal data."
    ));
    assert!(
        !response.body.contains("<form"),
        "nothing to do on the page"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn without_javascript_a_form_post_returns_to_the_page_with_its_outcome(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let link = world.link(&anna);
    let key = uuid::Uuid::new_v4().to_string();

    let response = app.submit(access(&link, &key), &[]).await;
    assert_eq!(response.status, 302, "{}", response.body);
    assert_eq!(
        response.header("location"),
        format!("/preferences/{link}?notice=received.access#notice")
    );
    assert_eq!(world.requests(&anna).await.len(), 1);

    let page = app
        .get(&format!("/preferences/{link}?notice=received.access"))
        .await;
    assert!(page
        .body
        .contains("We received your request for a copy of your personal data."));
    assert!(page.body.contains("In progress"), "the request is listed");

    // A mistake comes back as a message on the page, not an error page; nothing is recorded.
    let too_long = "x".repeat(5001);
    let correction = RequestRectification {
        token: link.clone(),
        key: key.clone(),
        note: Some(too_long),
        name: None,
        email: None,
        phone: None,
        location: None,
        links: None,
    };
    let response = app.submit(correction, &[]).await;
    assert_eq!(response.status, 302);
    assert_eq!(
        response.header("location"),
        format!("/preferences/{link}?notice=invalid.note.too_long#notice")
    );
    let unconfirmed = RequestErasure {
        token: link.clone(),
        key: key.clone(),
        confirm: None,
    };
    let response = app.submit(unconfirmed, &[]).await;
    assert_eq!(
        response.header("location"),
        format!("/preferences/{link}?notice=invalid.confirm.required#notice")
    );
    assert_eq!(world.requests(&anna).await.len(), 1);

    // A forged token in a form is sent to the bad-link page; odd characters never reach a header.
    let response = app.submit(access("x\r\nSet-Cookie: a=b", &key), &[]).await;
    assert_eq!(response.status, 302);
    assert_eq!(
        response.header("location"),
        "/preferences/invalid?notice=link#notice"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn one_click_and_the_page_button_both_unsubscribe(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let ben = world.candidate("ben@example.com").await;
    world.schedule_outreach(&anna).await;

    let page = app
        .get(&format!("/unsubscribe/{}", world.link(&anna)))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Stop contacting me"));
    assert_eq!(
        world.count("consent_events").await,
        0,
        "GET changes nothing"
    );

    // RFC 8058: a mail client posts the one field and gets a plain answer, no redirect.
    let request = Request::post(format!("/unsubscribe/{}", world.link(&anna)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status, 200);
    assert_eq!(
        world.consent_events(&anna).await,
        [(
            "contact".into(),
            "revoked".into(),
            "email_one_click".into(),
            Some("v1".into())
        )]
    );
    assert_eq!(world.touchpoints(&anna).await, ["cancelled", "cancelled"]);

    let response = app
        .post_form(
            &format!("/unsubscribe/{}", world.link(&ben)),
            &[("List-Unsubscribe", "One-Click"), ("from", "page")],
        )
        .await;
    assert_eq!(response.status, 303);
    assert!(response.header("location").ends_with("?done=1"));
    assert_eq!(world.consent_events(&ben).await.len(), 1);
    assert!(
        world.inbox(&ben.email).await.is_empty(),
        "no email to someone who just unsubscribed"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn posts_beyond_the_per_client_limit_get_a_friendly_429(pool: PgPool) {
    let mut env = test_env(&crate::common::database_url_of(&pool));
    env.insert("CANDOR_POST_LIMIT_PER_MINUTE", "2".into());
    let config = app::core::config::Config::from_lookup(|name| env.get(name).cloned()).unwrap();
    let app = TestApp::with_config(pool, config);
    let statuses = [
        app.submit(fresh_link("a@example.com"), &[]).await.status,
        app.submit(fresh_link("a@example.com"), &[]).await.status,
    ];
    assert_eq!(statuses, [302, 302]);
    let limited = app.submit(fresh_link("a@example.com"), &[]).await;
    assert_eq!(limited.status, 429);
    assert!(limited.body.contains("Please wait a minute"));
    assert!(!limited.header("retry-after").is_empty());
    assert_eq!(
        app.get("/healthz").await.status,
        200,
        "reading is not limited"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_oversized_body_is_refused_before_it_is_read(pool: PgPool) {
    let app = TestApp::new(pool);
    let huge = "x".repeat(app_max_body() + 1);
    let response = app
        .post_form("/api/preferences/rectification", &[("note", &huge)])
        .await;
    assert_eq!(response.status, 413);
}

fn app_max_body() -> usize {
    candor_server::http::MAX_BODY_BYTES
}

#[sqlx::test(migrations = "../migrations")]
async fn the_fresh_link_form_answers_the_same_for_known_and_unknown_addresses(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    world.candidate("anna@example.com").await;
    let known = app.submit(fresh_link("anna@example.com"), &[]).await;
    let unknown = app.submit(fresh_link("nobody@example.com"), &[]).await;
    assert_eq!((known.status.as_u16(), unknown.status.as_u16()), (302, 302));
    assert_eq!(known.header("location"), "/fresh-link?notice=sent#notice");
    assert_eq!(known.header("location"), unknown.header("location"));
    // The work happens after the answer, so the email arrives a moment later.
    crate::common::eventually("the fresh link is queued", || async {
        world.count("email_outbox").await == 1
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        world.count("email_outbox").await,
        1,
        "the unknown address got none"
    );

    let page = app.get("/fresh-link?notice=sent").await;
    assert!(page
        .body
        .contains("If this address is known to us, a new link is on its way."));
}

#[sqlx::test(migrations = "../migrations")]
async fn with_javascript_a_mistake_is_a_4xx_answer_the_page_can_show(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let link = world.link(&anna);
    // As the server-function client sends it: urlencoded, asking for data rather than a page.
    let post = |path: &'static str, body: String| {
        Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let response = app
        .send(post(
            "/api/preferences/rectification",
            format!("token={link}&key=k&links=ftp%3A%2F%2Fx"),
        ))
        .await;
    assert_eq!(response.status, 422);
    assert!(response.body.contains("Invalid"), "{}", response.body);
    let response = app
        .send(post("/api/preferences/access", "token=forged&key=k".into()))
        .await;
    assert_eq!(response.status, 400);
    assert_eq!(world.count("data_requests").await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_list_unsubscribe_link_stops_contact_and_does_nothing_else(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    world
        .request(&anna, app::preferences::service::NewRequest::Access)
        .await;
    let header = world.inbox(&anna.email).await[0].headers["List-Unsubscribe"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = header
        .trim_matches(|c| c == '<' || c == '>')
        .trim_start_matches("http://candor.test")
        .to_owned();
    let token = path.trim_start_matches("/unsubscribe/").to_owned();
    assert_ne!(token, world.link(&anna), "not the preferences link");

    // It opens neither the preferences page nor any of its actions.
    let page = app.get(&format!("/preferences/{token}")).await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("This link isn"));
    let requested = app
        .submit(access(&token, &uuid::Uuid::new_v4().to_string()), &[])
        .await;
    assert!(
        requested.header("location").contains("notice=link"),
        "{}",
        requested.header("location")
    );
    assert_eq!(world.count("data_requests").await, 1, "no new request");
    // Its page shows the one button and none of the candidate's choices or requests.
    let unsubscribe = app.get(&path).await;
    assert_eq!(unsubscribe.status, 200);
    assert!(unsubscribe.body.contains("Stop contacting me"));
    assert!(!unsubscribe.body.contains("See all your data choices"));
    assert!(!unsubscribe.body.contains("Copy of my data"));

    // And it stops contact.
    let request = Request::post(&path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap();
    assert_eq!(app.send(request).await.status, 200);
    let events = world.consent_events(&anna).await;
    assert_eq!(
        events.last().map(|e| (e.0.as_str(), e.1.as_str())),
        Some(("contact", "revoked"))
    );

    // Links in emails sent before this change (full preferences links) still unsubscribe.
    let old = app
        .get(&format!("/unsubscribe/{}", world.link(&anna)))
        .await;
    assert_eq!(old.status, 200);
    assert!(old.body.contains("See all your data choices"));
}

/// Random bodies to every public form, through the real router: each answer is a page or a
/// refusal, never a 500, and nothing panics. `CANDOR_FUZZ_CASES` sets how many per form
/// (`scripts/fuzz.sh` sends 100,000 to each of the eight).
#[sqlx::test(migrations = "../migrations")]
async fn public_forms_answer_any_input_without_a_server_error(pool: PgPool) {
    use proptest::strategy::{Strategy, ValueTree};
    const FORMS: usize = 8;
    let per_form: usize = std::env::var("CANDOR_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    let mut config = crate::common::config_for(&pool);
    config.post_limit_per_minute = 100_000;
    let app = TestApp::with_config(pool.clone(), config);
    let world = World::new(pool);
    let anna = world.candidate("anna@example.com").await;
    let link = world.link(&anna);
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let text = proptest::prop_oneof![
        proptest::arbitrary::any::<String>(),
        "[ -~]{0,120}",
        "(token|key|email|password|note|links|purpose|allow|confirm|name)=[ -~]{0,40}(&[a-z]{1,8}=[ -~]{0,40}){0,4}",
    ];
    let mut sample = || text.new_tree(&mut runner).unwrap().current();
    for n in 0..per_form * FORMS {
        let body = sample();
        let (path, body) = match n % FORMS {
            0 => ("/api/preferences/consent".to_owned(), body),
            1 => (
                "/api/preferences/access".to_owned(),
                format!("token={link}&{body}"),
            ),
            2 => (
                "/api/preferences/rectification".to_owned(),
                format!("token={link}&key=k&{body}"),
            ),
            3 => ("/api/links/fresh".to_owned(), body),
            4 => ("/api/auth/sign-in".to_owned(), body),
            5 => (
                format!(
                    "/unsubscribe/{}",
                    url::form_urlencoded::byte_serialize(body.as_bytes()).collect::<String>()
                ),
                body,
            ),
            6 => ("/api/preferences/erasure".to_owned(), body),
            _ => ("/api/jobs/apply".to_owned(), body),
        };
        let accept = if n % 2 == 0 {
            "text/html"
        } else {
            "application/json"
        };
        let content_type = if n % 16 == 7 {
            "multipart/form-data; boundary=x"
        } else {
            "application/x-www-form-urlencoded"
        };
        let request = Request::post(&path)
            .header("content-type", content_type)
            .header("accept", accept)
            .body(Body::from(body.clone()))
            .unwrap();
        let response = app.send(request).await;
        assert!(
            response.status.as_u16() < 500,
            "{path} answered {} to {body:?}",
            response.status
        );
    }
}

/// A candidate with a long history sees their open requests and the ten most recent closed
/// ones, then earlier ones ten at a time: the page costs the same after a thousand requests.
#[sqlx::test(migrations = "../migrations")]
async fn a_long_request_history_comes_ten_closed_requests_at_a_time_under_the_open_ones(
    pool: PgPool,
) {
    let app = TestApp::new(pool.clone());
    let world = World::new(pool.clone());
    let anna = world.candidate("anna@example.com").await;
    sqlx::query(
        "INSERT INTO data_requests (candidate_id, kind, received_at, due_at, status, resolved_at,
                                    resolution, idempotency_key)
         SELECT $1, 'access', now() - make_interval(days => 100 + i), now() - make_interval(days => 70 + i),
                'resolved', now() - make_interval(days => 90 + i), 'data_sent', 'history-' || i
           FROM generate_series(1, 25) AS i",
    )
    .bind(anna.id.into_uuid())
    .execute(&pool)
    .await
    .unwrap();
    world
        .request(&anna, app::preferences::service::NewRequest::Erasure)
        .await;

    let token = world.link(&anna);
    let mut seen = Vec::new();
    let mut path = format!("/preferences/{token}");
    for expected_closed in [10, 10, 5] {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert_eq!(page.header("cache-control"), "no-store");
        let markup = page.markup();
        assert_eq!(
            markup.matches("<td>Removal</td>").count(),
            1,
            "the open request on every page"
        );
        let closed = markup.matches("<td>Copy of my data</td>").count();
        assert_eq!(closed, expected_closed, "{path}");
        seen.push(closed);
        match page.body.split("href=\"").find(|h| h.contains("?earlier=")) {
            Some(href) => {
                path = href[..href.find('"').unwrap()].replace("&amp;", "&");
                path.truncate(path.find('#').unwrap_or(path.len()));
            }
            None => {
                assert_eq!(expected_closed, 5, "the last page has no earlier link");
                assert!(page.body.contains("Most recent requests"));
            }
        }
    }
    assert_eq!(seen.iter().sum::<usize>(), 25, "every closed request, once");
}
