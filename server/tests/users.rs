//! Running the team from the Users page (SPEC §10): inviting a colleague, who chooses a password
//! through a one-time link; changing roles and permissions within what the actor's role manages;
//! disabling (sessions end at once) and enabling; password links and "forgot your password?";
//! changing one's own password; and the organization never losing its last Super Admin.

use crate::common::{eventually, world::World, Session, TestApp};
use app::account::ChangePassword;
use app::auth::password::{ForgotPassword, SetPassword};
use app::domain::team::{AccessForm, InvitationForm};
use app::domain::Role;
use app::users::{InviteMember, SaveAccess, SendPasswordLink, SetAccountState};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "correct horse battery staple";
const CHOSEN: &str = "plum tree in april";

struct Team {
    app: TestApp,
    world: World,
}

impl Team {
    fn new(pool: PgPool) -> Self {
        Team {
            app: TestApp::new(pool.clone()),
            world: World::new(pool),
        }
    }

    /// A signed-in browser of a new colleague with `role`.
    async fn signed_in(&self, name: &str, role: Role) -> (Session<'_>, Uuid) {
        let user = self.world.member(name, role, PASSWORD).await;
        (
            self.app.session(&user.email, PASSWORD).await,
            user.id.into_uuid(),
        )
    }

    async fn id_of(&self, email: &str) -> Option<Uuid> {
        sqlx::query_scalar("SELECT id FROM users WHERE lower(email) = lower($1)")
            .bind(email)
            .fetch_optional(&self.world.pool)
            .await
            .unwrap()
    }

    async fn account(&self, id: Uuid) -> (String, Vec<String>, bool) {
        sqlx::query_as("SELECT role, permissions, disabled FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&self.world.pool)
            .await
            .unwrap()
    }

    /// The one-time link in the newest email to `address` of `kind`.
    async fn link_in_email(&self, address: &str, kind: &str) -> String {
        let emails = self.world.inbox(address).await;
        let email = emails
            .iter()
            .rev()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("a {kind} email to {address}"));
        let start = email.body_text.find("/set-password/").expect("a link");
        let token: String = email.body_text[start + "/set-password/".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(
            email.body_html.contains(&token),
            "the HTML part has the link"
        );
        token
    }

    async fn set_password(&self, token: &str, password: &str) -> crate::common::TestResponse {
        self.app
            .submit(
                SetPassword {
                    token: token.into(),
                    new_password: password.into(),
                    repeat_password: password.into(),
                },
                &[],
            )
            .await
    }

    async fn audit_of(&self, action: &str) -> Vec<serde_json::Value> {
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = $1 ORDER BY at")
            .bind(action)
            .fetch_all(&self.world.pool)
            .await
            .unwrap()
    }
}

fn invitation(name: &str, email: &str, role: Role, permissions: &[&str]) -> InviteMember {
    InviteMember {
        invitation: InvitationForm {
            name: name.into(),
            email: email.into(),
            access: access(role, permissions),
        },
    }
}

fn access(role: Role, permissions: &[&str]) -> AccessForm {
    let tick = |p: &str| permissions.contains(&p).then(|| "on".to_owned());
    AccessForm {
        role: role.as_str().into(),
        anonymize_candidates: tick("anonymize_candidates"),
        view_compliance_dashboard: tick("view_compliance_dashboard"),
        manage_profiles: tick("manage_profiles"),
    }
}

fn disable(user: Uuid) -> SetAccountState {
    SetAccountState {
        user: user.to_string(),
        enable: None,
    }
}

fn enable(user: Uuid) -> SetAccountState {
    SetAccountState {
        user: user.to_string(),
        enable: Some("yes".into()),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_invited_colleague_chooses_a_password_once_and_is_signed_in(pool: PgPool) {
    let team = Team::new(pool);
    let (admin, admin_id) = team.signed_in("Robin Admin", Role::SuperAdmin).await;

    let invited = admin
        .submit(invitation(
            "Sam Lee",
            "sam@team.example",
            Role::TeamMember,
            &["manage_profiles"],
        ))
        .await;
    assert_eq!(invited.header("location"), "/users?notice=invited#notice");
    let sam = team.id_of("sam@team.example").await.expect("an account");
    assert_eq!(
        team.account(sam).await,
        ("team_member".into(), vec!["manage_profiles".into()], false)
    );
    let listed = admin.get("/users").await;
    assert!(listed.body.contains("Sam Lee") && listed.body.contains("Invited"));

    // Until the link is followed there is no password, so nothing signs in as Sam.
    assert!(team
        .app
        .sign_in("sam@team.example", "no account has this email")
        .await
        .is_none());

    let token = team
        .link_in_email("sam@team.example", "team_invitation")
        .await;
    let email = &team.world.inbox("sam@team.example").await[0];
    assert!(email.body_text.contains("Robin Admin invited you"));
    assert!(email.body_text.contains("72 hours"));

    // Opening the link changes nothing (mail scanners open links); it shows the form.
    let page = team.app.get(&format!("/set-password/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Welcome, Sam Lee"));
    assert_eq!(page.header("referrer-policy"), "no-referrer");

    // A password too short is refused with the rule, and the link still works.
    let short = team.set_password(&token, "plum tree").await;
    assert!(short
        .header("location")
        .contains("notice=invalid.new_password.too_short"));
    let mismatch = team
        .app
        .submit(
            SetPassword {
                token: token.clone(),
                new_password: CHOSEN.into(),
                repeat_password: "plum tree in may".into(),
            },
            &[],
        )
        .await;
    assert!(mismatch
        .header("location")
        .contains("notice=invalid.repeat_password.invalid"));

    let chosen = team.set_password(&token, CHOSEN).await;
    assert_eq!(chosen.header("location"), "/candidates");
    let cookie = chosen.session_cookie().expect("signed in");
    assert_eq!(team.app.whoami(&cookie).await.as_deref(), Some("Sam Lee"));
    assert!(team.app.sign_in("sam@team.example", CHOSEN).await.is_some());

    // The link works once.
    let again = team.set_password(&token, "another good password").await;
    assert!(again.header("location").contains("notice=link"));
    let spent = team.app.get(&format!("/set-password/{token}")).await;
    assert_eq!(spent.status, StatusCode::BAD_REQUEST);
    assert!(spent.body.contains("expired or was already used"));
    assert!(team.app.sign_in("sam@team.example", CHOSEN).await.is_some());

    // Audit rows name ids and codes, never the address or the name.
    let invited = team.audit_of("user.invited").await;
    assert_eq!(invited.len(), 1);
    assert_eq!(invited[0]["user"], sam.to_string());
    assert_eq!(invited[0]["role"], "team_member");
    let rows: Vec<String> = sqlx::query_scalar("SELECT details::text FROM audit_log")
        .fetch_all(&team.world.pool)
        .await
        .unwrap();
    assert!(rows.iter().all(|r| !r.contains('@') && !r.contains("Sam")));
    let actor: Option<Uuid> =
        sqlx::query_scalar("SELECT actor_user_id FROM audit_log WHERE action = 'user.invited'")
            .fetch_one(&team.world.pool)
            .await
            .unwrap();
    assert_eq!(actor, Some(admin_id));
    assert_eq!(team.audit_of("user.password_set").await.len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_invitation_works_for_72_hours_and_only_the_newest_counts(pool: PgPool) {
    let team = Team::new(pool);
    let (admin, _) = team.signed_in("Robin Admin", Role::Admin).await;
    admin
        .invoke(invitation(
            "Sam Lee",
            "sam@team.example",
            Role::TeamMember,
            &[],
        ))
        .await;
    let sam = team.id_of("sam@team.example").await.unwrap();
    let first = team
        .link_in_email("sam@team.example", "team_invitation")
        .await;
    let now = chrono::Utc::now();
    let at = |hours| now + chrono::Duration::hours(hours);
    assert!(
        app::core::team::password_link(&team.world.pool, &first, at(71))
            .await
            .is_ok()
    );
    assert_eq!(
        app::core::team::password_link(&team.world.pool, &first, at(73)).await,
        Err(app::error::AppError::LinkInvalid)
    );

    // Sent again: the first link stops working, the new one works.
    let resent = admin
        .invoke(SendPasswordLink {
            user: sam.to_string(),
        })
        .await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    let second = team
        .link_in_email("sam@team.example", "team_invitation")
        .await;
    assert_ne!(first, second);
    assert!(team
        .set_password(&first, CHOSEN)
        .await
        .header("location")
        .contains("notice=link"));
    assert_eq!(
        team.set_password(&second, CHOSEN).await.header("location"),
        "/candidates"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn admins_manage_team_members_and_only_super_admins_manage_admins(pool: PgPool) {
    let team = Team::new(pool);
    let (_, super_admin) = team.signed_in("Sasha Super", Role::SuperAdmin).await;
    let (admin, admin_id) = team.signed_in("Robin Admin", Role::Admin).await;
    let (member, member_id) = team.signed_in("Kim Member", Role::TeamMember).await;
    let (_, other_admin) = team.signed_in("Alex Admin", Role::Admin).await;

    // An Admin may not invite an Admin, nor change an Admin or a Super Admin.
    let refused = admin
        .invoke(invitation("Pat Lee", "pat@team.example", Role::Admin, &[]))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(team.id_of("pat@team.example").await.is_none());
    for target in [super_admin, other_admin] {
        let refused = admin.invoke(disable(target)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(!team.account(target).await.2);
    }
    let promote = admin
        .invoke(SaveAccess {
            user: member_id.to_string(),
            access: access(Role::Admin, &[]),
        })
        .await;
    assert_eq!(promote.status, StatusCode::FORBIDDEN);

    // An Admin may change a Team Member's role and permissions; the change is audited.
    let saved = admin
        .submit(SaveAccess {
            user: member_id.to_string(),
            access: access(
                Role::LimitedTeamMember,
                &["anonymize_candidates", "view_compliance_dashboard"],
            ),
        })
        .await;
    assert_eq!(
        saved.header("location"),
        format!("/users/{member_id}?notice=access-saved#notice")
    );
    assert_eq!(
        team.account(member_id).await,
        (
            "limited_team_member".into(),
            vec![
                "anonymize_candidates".into(),
                "view_compliance_dashboard".into()
            ],
            false
        )
    );
    let changed = team.audit_of("user.access_changed").await;
    assert_eq!(changed[0]["user"], member_id.to_string());
    assert_eq!(changed[0]["role"], "limited_team_member");
    // The new role holds from the member's next request: the dashboard permission works now.
    assert_eq!(member.get("/compliance").await.status, StatusCode::OK);

    // A Team Member (or a Limited one) has no Users page and changes nobody.
    assert_eq!(member.get("/users").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        member.invoke(disable(admin_id)).await.status,
        StatusCode::FORBIDDEN
    );
    // An Admin's Users page lists everyone but offers to change only whom they manage.
    let page = admin.get("/users").await.body;
    assert!(page.contains(&format!("/users/{member_id}")));
    assert!(!page.contains(&format!("/users/{super_admin}")));
    let theirs = admin.get(&format!("/users/{super_admin}")).await.body;
    assert!(theirs.contains("doesn't let you change this account"));
}

#[sqlx::test(migrations = "../migrations")]
async fn disabling_ends_every_session_at_once_and_enabling_lets_them_back(pool: PgPool) {
    let team = Team::new(pool);
    let (admin, _) = team.signed_in("Robin Admin", Role::Admin).await;
    let kim = team
        .world
        .member("Kim Member", Role::TeamMember, PASSWORD)
        .await;
    let laptop = team.app.sign_in(&kim.email, PASSWORD).await.unwrap();
    let phone = team.app.sign_in(&kim.email, PASSWORD).await.unwrap();
    assert!(team.app.whoami(&laptop).await.is_some());

    let disabled = admin.submit(disable(kim.id.into_uuid())).await;
    assert!(disabled.header("location").contains("notice=disabled"));
    for cookie in [&laptop, &phone] {
        assert_eq!(team.app.whoami(cookie).await, None);
    }
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE user_id = $1")
        .bind(kim.id.into_uuid())
        .fetch_one(&team.world.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
    assert!(team.app.sign_in(&kim.email, PASSWORD).await.is_none());
    assert!(admin.get("/users").await.body.contains("Disabled"));
    // A disabled account gets no password link either.
    let link = admin
        .invoke(SendPasswordLink {
            user: kim.id.to_string(),
        })
        .await;
    assert_eq!(link.status, StatusCode::FORBIDDEN);
    assert!(team.world.inbox(&kim.email).await.is_empty());

    admin.invoke(enable(kim.id.into_uuid())).await;
    assert!(team.app.sign_in(&kim.email, PASSWORD).await.is_some());
    assert_eq!(team.audit_of("user.disabled").await.len(), 1);
    assert_eq!(team.audit_of("user.enabled").await.len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_organization_keeps_an_active_super_admin(pool: PgPool) {
    let team = Team::new(pool);
    let (sasha, sasha_id) = team.signed_in("Sasha Super", Role::SuperAdmin).await;
    let (riley, riley_id) = team.signed_in("Riley Super", Role::SuperAdmin).await;

    // Nobody demotes or disables themselves.
    let own = sasha.invoke(disable(sasha_id)).await;
    assert_eq!(own.status, StatusCode::CONFLICT);
    assert!(own.body.contains("OwnAccount"), "{}", own.body);

    // Both open Riley's page at once: Sasha demotes Riley, and Riley (whose page still says
    // Super Admin) tries to demote Sasha. The second must fail: Sasha is now the last one.
    let demote = |user: Uuid| SaveAccess {
        user: user.to_string(),
        access: access(Role::Admin, &[]),
    };
    let stale_riley = app::domain::Viewer {
        id: app::domain::UserId(riley_id),
        name: "Riley Super".into(),
        role: Role::SuperAdmin,
        permissions: vec![],
        via_key: None,
    };
    assert_eq!(sasha.invoke(demote(riley_id)).await.status, StatusCode::OK);
    let second = app::core::team::change(
        &team.world.pool,
        &team.world.config,
        &stale_riley,
        sasha_id,
        app::domain::team::Change::Disable,
        chrono::Utc::now(),
    )
    .await;
    assert_eq!(second, Err(app::error::AppError::LastSuperAdmin));
    assert_eq!(team.account(sasha_id).await.0, "super_admin");
    assert!(!team.account(sasha_id).await.2);
    // Riley's live session now acts as an Admin, who manages no Super Admin.
    assert_eq!(
        riley.invoke(demote(sasha_id)).await.status,
        StatusCode::FORBIDDEN
    );
    let message = app::text::error_message(&app::error::AppError::LastSuperAdmin);
    assert!(message.contains("last active Super Admin"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_forgotten_password_is_reset_by_email_and_the_answer_never_tells_who_has_an_account(
    pool: PgPool,
) {
    let team = Team::new(pool);
    let kim = team
        .world
        .member("Kim Member", Role::TeamMember, PASSWORD)
        .await;
    let elsewhere = team.app.sign_in(&kim.email, PASSWORD).await.unwrap();
    let ask = |email: &str| ForgotPassword {
        email: email.into(),
    };

    let known = team.app.submit(ask(&kim.email), &[]).await;
    let unknown = team.app.submit(ask("nobody@team.example"), &[]).await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.header("location"), unknown.header("location"));
    assert_eq!(
        known.header("location"),
        "/forgot-password?notice=sent#notice"
    );
    let bad = team.app.invoke(ask("not an address"), &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    let world = &team.world;
    eventually("the reset email is queued", || async {
        !world.inbox(&kim.email).await.is_empty()
    })
    .await;
    // A second ask within minutes sends nothing more (nobody floods a colleague's inbox).
    team.app.submit(ask(&kim.email), &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(world.inbox(&kim.email).await.len(), 1);
    assert_eq!(
        world.count("email_outbox").await,
        1,
        "nothing for the unknown address"
    );

    let token = team.link_in_email(&kim.email, "password_reset").await;
    let page = team.app.get(&format!("/set-password/{token}")).await;
    assert!(page.body.contains("Choose a new password"));
    let reset = team.set_password(&token, CHOSEN).await;
    assert_eq!(reset.header("location"), "/candidates");
    // The reset signed out the other browser, and the old password is gone.
    assert_eq!(team.app.whoami(&elsewhere).await, None);
    assert!(team.app.sign_in(&kim.email, PASSWORD).await.is_none());
    assert!(team.app.sign_in(&kim.email, CHOSEN).await.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_your_own_password_needs_the_current_one_and_signs_out_elsewhere(pool: PgPool) {
    let team = Team::new(pool);
    let (kim, _) = team.signed_in("Kim Member", Role::TeamMember).await;
    let elsewhere = team
        .app
        .sign_in("kim.member@team.example", PASSWORD)
        .await
        .unwrap();
    let change = |current: &str, new: &str| ChangePassword {
        current_password: current.into(),
        new_password: new.into(),
        repeat_password: new.into(),
    };

    let wrong = kim.invoke(change("not my password", CHOSEN)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = app::text::error_message(&app::error::AppError::Invalid(
        app::domain::preferences::FieldError {
            field: app::domain::preferences::Field::CurrentPassword,
            problem: app::domain::preferences::Problem::Invalid,
        },
    ));
    assert!(message.contains("not your current password"));
    assert!(
        team.app.whoami(&elsewhere).await.is_some(),
        "nothing changed"
    );

    let changed = kim.submit(change(PASSWORD, CHOSEN)).await;
    assert_eq!(
        changed.header("location"),
        "/account?notice=password-changed#notice"
    );
    assert!(
        team.app.whoami(&kim.cookie).await.is_some(),
        "this browser stays"
    );
    assert_eq!(team.app.whoami(&elsewhere).await, None);
    assert!(team
        .app
        .sign_in("kim.member@team.example", CHOSEN)
        .await
        .is_some());
    assert_eq!(team.audit_of("user.password_changed").await.len(), 1);
    assert!(kim
        .get("/account")
        .await
        .body
        .contains("kim.member@team.example"));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_invitation_with_a_taken_or_bad_address_is_refused_clearly(pool: PgPool) {
    let team = Team::new(pool);
    let (admin, _) = team.signed_in("Robin Admin", Role::SuperAdmin).await;
    team.world
        .member("Kim Member", Role::TeamMember, PASSWORD)
        .await;

    let taken = admin
        .invoke(invitation(
            "Kim Again",
            "KIM.member@team.example",
            Role::TeamMember,
            &[],
        ))
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    let bad = admin
        .submit(invitation("Pat", "pat@", Role::TeamMember, &[]))
        .await;
    assert!(bad
        .header("location")
        .starts_with("/users/invite?notice=invalid.email.invalid"));
    let page = admin
        .get("/users/invite?notice=invalid.email.invalid")
        .await
        .body;
    assert!(page.contains("role=\"alert\""));
    assert_eq!(team.world.count("users").await, 2);
    assert!(team.world.outbox().await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn guessing_the_current_password_from_a_signed_in_browser_is_paused(pool: PgPool) {
    let team = Team::new(pool);
    let (kim, _) = team.signed_in("Kim Member", Role::TeamMember).await;
    let change = |current: &str| ChangePassword {
        current_password: current.into(),
        new_password: CHOSEN.into(),
        repeat_password: CHOSEN.into(),
    };
    for guess in 0..5 {
        let wrong = kim.invoke(change(&format!("guess number {guess}"))).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Even the right password waits now, and nothing changed.
    let paused = kim.invoke(change(PASSWORD)).await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(team
        .app
        .sign_in("kim.member@team.example", PASSWORD)
        .await
        .is_some());
}
