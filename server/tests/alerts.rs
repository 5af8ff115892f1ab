//! Due-date alerts (SPEC §7): owners are reminded of requests due within 7 days and told when one
//! becomes overdue, Admins get the escalation and (when turned on) a daily digest — each once,
//! however often the job runs and however many servers run it.

use crate::common::world::{Candidate, User, World};
use app::alerts::{run, Sent};
use app::preferences::service::NewRequest;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

/// A team whose recruiter Olga owns Ada's candidacy; Ada asked for her data `days_ago`.
struct Team {
    world: World,
    olga: User,
    admin: User,
    boss: User,
    ada: Candidate,
}

impl Team {
    async fn with_request(pool: PgPool, days_ago: i64) -> Self {
        let world = World::new(pool);
        let olga = world.user("Olga Owner", "team_member").await;
        let admin = world.user("Ann Admin", "admin").await;
        let boss = world.user("Sam Super", "super_admin").await;
        let ada = world.candidate("ada@example.com").await;
        world.opportunity(&ada, Some(&olga), 60, None).await;
        world
            .request_received(&ada, NewRequest::Access, days_ago)
            .await;
        Self {
            world,
            olga,
            admin,
            boss,
            ada,
        }
    }

    async fn run_at(&self, now: DateTime<Utc>) -> Sent {
        run(&self.world.pool, &self.world.config, now)
            .await
            .unwrap()
    }

    /// The alert emails one person was sent: (kind, subject).
    async fn alerts_to(&self, user: &User) -> Vec<(String, String)> {
        self.world
            .inbox(&user.email)
            .await
            .into_iter()
            .filter(|e| e.kind != "owner_alert")
            .map(|e| (e.kind, e.subject))
            .collect()
    }

    async fn notified(&self, user: &User) -> Vec<String> {
        self.world
            .notifications(user)
            .await
            .into_iter()
            .map(|(kind, _)| kind)
            .filter(|kind| kind != "data_request")
            .collect()
    }

    /// When Ada's request is due.
    async fn due_at(&self) -> DateTime<Utc> {
        sqlx::query_scalar("SELECT due_at FROM data_requests WHERE candidate_id = $1")
            .bind(self.ada.id.into_uuid())
            .fetch_one(&self.world.pool)
            .await
            .unwrap()
    }
}

impl Team {
    /// When the check will next look at Ada's request, and when the request last changed.
    async fn next_look(&self) -> (Option<DateTime<Utc>>, DateTime<Utc>) {
        sqlx::query_as(
            "SELECT next_alert_at, updated_at FROM data_requests WHERE candidate_id = $1",
        )
        .bind(self.ada.id.into_uuid())
        .fetch_one(&self.world.pool)
        .await
        .unwrap()
    }
}

fn kinds(alerts: &[(String, String)]) -> Vec<&str> {
    alerts.iter().map(|(kind, _)| kind.as_str()).collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_request_is_reminded_then_told_overdue_then_escalated_each_once(pool: PgPool) {
    let team = Team::with_request(pool, 2).await;
    let due = team.due_at().await;

    // On track: nothing.
    assert_eq!(team.run_at(due - Duration::days(20)).await, Sent::default());

    // Six days before: the owner is reminded, in the app and by email, once.
    let soon = due - Duration::days(6);
    let sent = team.run_at(soon).await;
    assert_eq!(
        sent,
        Sent {
            due_soon: 1,
            ..Sent::default()
        }
    );
    assert_eq!(
        team.run_at(soon + Duration::hours(1)).await,
        Sent::default()
    );
    assert_eq!(team.run_at(due - Duration::days(1)).await, Sent::default());
    let olga = team.alerts_to(&team.olga).await;
    assert_eq!(kinds(&olga), ["due_soon_alert"]);
    assert!(olga[0]
        .1
        .starts_with("Due soon: Copy of data request from A candidate"));
    assert_eq!(team.notified(&team.olga).await, ["request_due_soon"]);

    // The day it becomes overdue: the owner is told; the Admins not yet.
    let overdue = due + Duration::hours(3);
    assert_eq!(
        team.run_at(overdue).await,
        Sent {
            overdue: 1,
            ..Sent::default()
        }
    );
    assert!(team.alerts_to(&team.admin).await.is_empty());

    // Still open three days later: every Admin and Super Admin hears of it, once.
    let late = due + Duration::days(3) + Duration::hours(1);
    assert_eq!(
        team.run_at(late).await,
        Sent {
            escalations: 2,
            ..Sent::default()
        }
    );
    assert_eq!(team.run_at(late + Duration::days(1)).await, Sent::default());
    for admin in [&team.admin, &team.boss] {
        assert_eq!(kinds(&team.alerts_to(admin).await), ["overdue_escalation"]);
        assert_eq!(team.notified(admin).await, ["request_escalated"]);
    }
    assert_eq!(
        kinds(&team.alerts_to(&team.olga).await),
        ["due_soon_alert", "overdue_alert"]
    );
    // Names stay out of alerts unless the settings allow them.
    for email in team.world.outbox().await {
        assert!(!email.body_text.contains("Ada"), "{}", email.kind);
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn answered_requests_are_left_alone_and_an_extension_earns_a_fresh_reminder(pool: PgPool) {
    let team = Team::with_request(pool, 26).await;
    let due = team.due_at().await;
    let now = due - Duration::days(3);
    assert_eq!(team.run_at(now).await.due_soon, 1);
    // Extended by a month: reminded again before the new date, not before.
    sqlx::query(
        "UPDATE data_requests SET extended_until = due_at + interval '1 month',
                extension_reason = 'Complex request'",
    )
    .execute(&team.world.pool)
    .await
    .unwrap();
    assert_eq!(team.run_at(now + Duration::days(5)).await, Sent::default());
    let new_due = due + Duration::days(28);
    assert_eq!(team.run_at(new_due - Duration::days(2)).await.due_soon, 1);
    // Answered: no more alerts, however late it would have been.
    sqlx::query(
        "UPDATE data_requests SET status = 'resolved', resolution = 'data_sent', resolved_at = now()",
    )
    .execute(&team.world.pool)
    .await
    .unwrap();
    assert_eq!(
        team.run_at(new_due + Duration::days(10)).await,
        Sent::default()
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn two_servers_at_once_send_each_alert_once(pool: PgPool) {
    let team = Team::with_request(pool, 40).await;
    let now = Utc::now();
    let (a, b) = tokio::join!(team.run_at(now), team.run_at(now));
    let total = Sent {
        due_soon: a.due_soon + b.due_soon,
        overdue: a.overdue + b.overdue,
        escalations: a.escalations + b.escalations,
        digests: a.digests + b.digests,
    };
    assert_eq!(
        total,
        Sent {
            overdue: 1,
            escalations: 2,
            ..Sent::default()
        }
    );
    // And a later run finds nothing owed.
    assert_eq!(team.run_at(now).await, Sent::default());
    let alerts: Vec<_> = team
        .world
        .outbox()
        .await
        .into_iter()
        .filter(|e| e.kind.ends_with("_alert") || e.kind == "overdue_escalation")
        .filter(|e| e.kind != "owner_alert")
        .collect();
    assert_eq!(alerts.len(), 3);
    assert_eq!(team.notified(&team.olga).await, ["request_overdue"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn admins_get_a_daily_digest_when_it_is_turned_on(pool: PgPool) {
    let team = Team::with_request(pool, 40).await;
    let now = Utc::now();
    assert_eq!(team.run_at(now).await.digests, 0, "off by default");
    team.world.settings("admin_digest = true").await;
    // A second request, due in a month.
    let ben = team.world.candidate("ben@example.com").await;
    team.world
        .request_received(&ben, NewRequest::Erasure, 0)
        .await;
    assert_eq!(team.run_at(now).await.digests, 2);
    // Later the same day (the digest is one per day: 30 minutes on, but never past midnight,
    // or this test would fail when run late in the evening).
    let end_of_day = now.date_naive().and_hms_opt(23, 59, 59).unwrap().and_utc();
    let later = (now + Duration::minutes(30)).min(end_of_day);
    assert_eq!(team.run_at(later).await.digests, 0);
    let digest: Vec<_> = team
        .world
        .inbox(&team.admin.email)
        .await
        .into_iter()
        .filter(|e| e.kind == "admin_digest")
        .collect();
    assert_eq!(digest.len(), 1);
    assert_eq!(
        digest[0].subject,
        "Data requests today: 2 open, 0 due within 7 days, 1 overdue"
    );
    assert!(digest[0].body_text.contains("/compliance"));
    assert!(!digest[0].body_text.contains("Ada") && !digest[0].body_text.contains("Ben"));
    assert!(team
        .alerts_to(&team.olga)
        .await
        .iter()
        .all(|(k, _)| k != "admin_digest"));
    // The next day, the next digest.
    assert_eq!(team.run_at(now + Duration::days(1)).await.digests, 2);
}

/// The hourly check reads only the requests whose next alert has come: after a look, a request
/// waits for its due-soon date, then its due date, then its escalation, and is never read again
/// while it stays open; receiving or extending it asks for a look at once, answering it ends
/// them. The check's bookkeeping is not a change to the request.
#[sqlx::test(migrations = "../migrations")]
async fn the_check_reads_a_request_only_when_it_is_next_owed_an_alert(pool: PgPool) {
    let team = Team::with_request(pool, 2).await;
    let due = team.due_at().await;
    let (first, changed) = team.next_look().await;
    assert!(
        first.is_some_and(|at| at <= Utc::now()),
        "received: look now"
    );

    team.run_at(due - Duration::days(20)).await;
    assert_eq!(
        team.next_look().await,
        (Some(due - Duration::days(7)), changed)
    );
    team.run_at(due - Duration::days(6)).await;
    assert_eq!(team.next_look().await.0, Some(due + Duration::seconds(1)));
    let sent = team
        .run_at(due + Duration::days(3) + Duration::hours(1))
        .await;
    assert_eq!((sent.overdue, sent.escalations), (1, 2));
    assert_eq!(
        team.next_look().await,
        (None, changed),
        "it has had them all"
    );
    assert_eq!(team.run_at(due + Duration::days(30)).await, Sent::default());

    sqlx::query(
        "UPDATE data_requests SET extended_until = due_at + interval '2 months',
                extension_reason = 'Complex request'",
    )
    .execute(&team.world.pool)
    .await
    .unwrap();
    assert!(team.next_look().await.0.is_some(), "extended: look again");
    sqlx::query(
        "UPDATE data_requests SET status = 'resolved', resolution = 'data_sent', resolved_at = now()",
    )
    .execute(&team.world.pool)
    .await
    .unwrap();
    assert_eq!(team.next_look().await.0, None, "answered: no more looks");
}
