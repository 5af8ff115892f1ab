//! Extending and refusing a candidate's data request from the profile: the rules of Art. 12,
//! what is recorded, what the candidate is sent, and who may do it.

use crate::common::{
    world::{Candidate, World},
    Session, TestApp,
};
use app::profile::requests::{ExtendRequest, RefuseRequest};
use app::{domain::Role, preferences::service::NewRequest};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";

/// The candidate's only request's id.
async fn request_of(world: &World, candidate: &Candidate) -> Uuid {
    sqlx::query_scalar("SELECT id FROM data_requests WHERE candidate_id = $1")
        .bind(candidate.id.into_uuid())
        .fetch_one(&world.pool)
        .await
        .unwrap()
}

/// (status, extended_until set, extension_reason, refusal_reason, resolved_by set)
async fn state_of(
    world: &World,
    request: Uuid,
) -> (String, bool, Option<String>, Option<String>, bool) {
    sqlx::query_as(
        "SELECT status, extended_until IS NOT NULL, extension_reason, refusal_reason, resolved_by IS NOT NULL
           FROM data_requests WHERE id = $1",
    )
    .bind(request)
    .fetch_one(&world.pool)
    .await
    .unwrap()
}

async fn extend(
    recruiter: &Session<'_>,
    candidate: &Candidate,
    request: Uuid,
    months: &str,
    reason: &str,
) -> StatusCode {
    recruiter
        .invoke(ExtendRequest {
            candidate: candidate.id.to_string(),
            request: request.to_string(),
            months: months.into(),
            reason: reason.into(),
        })
        .await
        .status
}

async fn refuse(
    recruiter: &Session<'_>,
    candidate: &Candidate,
    request: Uuid,
    reason: &str,
) -> StatusCode {
    recruiter
        .invoke(RefuseRequest {
            candidate: candidate.id.to_string(),
            request: request.to_string(),
            reason: reason.into(),
        })
        .await
        .status
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_request_is_extended_once_with_a_reason_the_candidate_is_sent(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    let riley = app.session(&riley.email, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.request_received(&ada, NewRequest::Access, 10).await;
    let request = request_of(&world, &ada).await;

    // No reason, or a length the law doesn't allow: refused, nothing changed.
    assert_eq!(
        extend(&riley, &ada, request, "1", "   ").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        extend(&riley, &ada, request, "3", "Many files").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert!(!state_of(&world, request).await.1);

    let reason = "Your data is spread over 40 archived files.";
    assert_eq!(
        extend(&riley, &ada, request, "2", reason).await,
        StatusCode::OK
    );
    let (status, extended, saved_reason, _, _) = state_of(&world, request).await;
    assert_eq!((status.as_str(), extended), ("open", true));
    assert_eq!(saved_reason.as_deref(), Some(reason));

    let notices: Vec<_> = world
        .inbox(&ada.email)
        .await
        .into_iter()
        .filter(|e| e.kind == "extension_notice")
        .collect();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].body_text.contains(reason));
    assert!(notices[0]
        .body_text
        .contains("a copy of your personal data"));
    assert!(notices[0].subject.contains("new date"));

    // The banner now counts from the new date; a second extension is refused.
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(profile.contains("extended to"));
    assert_eq!(
        extend(&riley, &ada, request, "1", "Again").await,
        StatusCode::CONFLICT
    );

    // The audit row has the decision, not the reason.
    let audit = world.audit(&ada).await;
    let (_, _, details) = audit
        .iter()
        .find(|(_, action, _)| action == "data_request.extended")
        .unwrap();
    assert_eq!(details["months"], 2);
    assert!(!details.to_string().contains("archived files"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn an_extension_must_come_within_the_first_month(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    let riley = app.session(&riley.email, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.request_received(&ada, NewRequest::Access, 40).await;
    let request = request_of(&world, &ada).await;
    assert_eq!(
        extend(&riley, &ada, request, "1", "Late").await,
        StatusCode::CONFLICT
    );
    assert!(!state_of(&world, request).await.1);
    // The banner offers no extension any more; refusing still is possible.
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(!profile.contains("Extend and tell the candidate"));
    assert!(profile.contains("Refuse and tell the candidate"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn a_refusal_closes_the_request_and_tells_the_candidate_why(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    // Refusing an erasure takes the permission erasing takes.
    world.grant(&riley, "anonymize_candidates").await;
    let riley = app.session(&riley.email, PASSWORD).await;
    let ada = world.candidate("ada@example.com").await;
    world.request_received(&ada, NewRequest::Erasure, 3).await;
    let request = request_of(&world, &ada).await;

    assert_eq!(
        refuse(&riley, &ada, request, "").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(state_of(&world, request).await.0, "open");

    let reason = "We must keep your records during the ongoing legal claim.";
    assert_eq!(refuse(&riley, &ada, request, reason).await, StatusCode::OK);
    let (status, _, _, refusal, resolved_by) = state_of(&world, request).await;
    assert_eq!(status, "refused");
    assert_eq!(refusal.as_deref(), Some(reason));
    assert!(resolved_by);

    let notices: Vec<_> = world
        .inbox(&ada.email)
        .await
        .into_iter()
        .filter(|e| e.kind == "refusal_notice")
        .collect();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].body_text.contains(reason));
    assert!(notices[0].body_text.contains("supervisory authority"));

    // The banner is gone, and a closed request can't be refused or extended again.
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(!profile.contains("Erasure request."));
    assert_eq!(
        refuse(&riley, &ada, request, reason).await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        extend(&riley, &ada, request, "1", reason).await,
        StatusCode::CONFLICT
    );

    // Without JavaScript, the form comes back to the profile with the outcome.
    let bob = world.candidate("bob@example.com").await;
    world.request_received(&bob, NewRequest::Access, 1).await;
    let answer = riley
        .submit(RefuseRequest {
            candidate: bob.id.to_string(),
            request: request_of(&world, &bob).await.to_string(),
            reason: "Manifestly unfounded".into(),
        })
        .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    let back = answer.header("location").to_owned();
    assert!(back.starts_with(&format!("/candidates/{}?notice=refused", bob.id)));
    assert!(riley
        .get(&back)
        .await
        .body
        .contains("The request is refused"));
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn only_those_who_see_the_candidate_may_extend_or_refuse(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let owner = world
        .member("Lee Owner", Role::LimitedTeamMember, PASSWORD)
        .await;
    let stranger = world
        .member("Sam Stranger", Role::LimitedTeamMember, PASSWORD)
        .await;
    let ada = world.candidate("ada@example.com").await;
    world.opportunity(&ada, Some(&owner), 3, None).await;
    world.request_received(&ada, NewRequest::Access, 2).await;
    let request = request_of(&world, &ada).await;

    // Someone else's candidate's request answers as an unknown one would.
    let stranger = app.session(&stranger.email, PASSWORD).await;
    assert_eq!(
        extend(&stranger, &ada, request, "1", "Busy").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        refuse(&stranger, &ada, request, "No").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        state_of(&world, request).await,
        ("open".into(), false, None, None, false)
    );
    assert!(world
        .inbox(&ada.email)
        .await
        .iter()
        .all(|e| e.kind != "refusal_notice"));

    let owner = app.session(&owner.email, PASSWORD).await;
    assert_eq!(
        extend(&owner, &ada, request, "1", "Busy").await,
        StatusCode::OK
    );
    assert_eq!(
        extend(&owner, &ada, Uuid::new_v4(), "1", "Busy").await,
        StatusCode::NOT_FOUND
    );
    // Without a session: sign in first.
    let anonymous = app
        .invoke(
            RefuseRequest {
                candidate: ada.id.to_string(),
                request: request.to_string(),
                reason: "x".into(),
            },
            &[],
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "candor_server::db::MIGRATOR")]
async fn refusing_an_erasure_takes_the_permission_to_anonymize(pool: PgPool) {
    let world = World::new(pool.clone());
    let app = TestApp::new(pool);
    let riley = world.member("Riley", Role::TeamMember, PASSWORD).await;
    let trusted = world
        .member("Tess Trusted", Role::TeamMember, PASSWORD)
        .await;
    world.grant(&trusted, "anonymize_candidates").await;
    let ada = world.candidate("ada@example.com").await;
    world.request_received(&ada, NewRequest::Erasure, 3).await;
    let request = request_of(&world, &ada).await;
    let reason = "We must keep your records during the ongoing legal claim.";

    // Keeping what the candidate asked to remove weighs as much as removing it.
    let riley = app.session(&riley.email, PASSWORD).await;
    assert_eq!(
        refuse(&riley, &ada, request, reason).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        state_of(&world, request).await,
        ("open".into(), false, None, None, false),
        "a refused call changes nothing"
    );
    assert!(world
        .inbox(&ada.email)
        .await
        .iter()
        .all(|e| e.kind != "refusal_notice"));
    assert!(!world
        .audit_actions()
        .await
        .contains(&"data_request.refused".to_owned()));
    let profile = riley.get(&format!("/candidates/{}", ada.id)).await.body;
    assert!(profile.contains("Erasure request."));
    assert!(
        !profile.contains("Refuse and tell the candidate"),
        "the banner offers no refusal to someone who may not"
    );
    // Extending an erasure stays open to whoever may see the candidate.
    assert_eq!(
        extend(&riley, &ada, request, "1", "Many systems to search").await,
        StatusCode::OK
    );

    let trusted = app.session(&trusted.email, PASSWORD).await;
    assert!(trusted
        .get(&format!("/candidates/{}", ada.id))
        .await
        .body
        .contains("Refuse and tell the candidate"));
    assert_eq!(
        refuse(&trusted, &ada, request, reason).await,
        StatusCode::OK
    );
    assert_eq!(state_of(&world, request).await.0, "refused");
}
