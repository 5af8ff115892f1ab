//! Due-date alerts (SPEC §7): which reminders an open request is owed, to whom, and the key that
//! makes each one go once however often the job runs and however many servers run it.

use super::dates::DueState;
use super::{EmailKind, RequestId, UserId};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Overdue this many days, a request is escalated to the Admins.
pub const ESCALATE_AFTER_DAYS: i64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Alert {
    /// Seven days or fewer left: the owners are reminded.
    DueSoon,
    /// Past its due date: the owners are told.
    Overdue,
    /// Still open `ESCALATE_AFTER_DAYS` after its due date: the Admins are told.
    Escalation,
}

impl Alert {
    /// The alerts an open request with this due date is owed at `now`.
    pub fn owed(due_at: DateTime<Utc>, now: DateTime<Utc>) -> Vec<Alert> {
        match DueState::of(due_at, now) {
            DueState::OnTrack { .. } => vec![],
            DueState::DueSoon { .. } => vec![Alert::DueSoon],
            DueState::Overdue { days_over } if days_over >= ESCALATE_AFTER_DAYS => {
                vec![Alert::Overdue, Alert::Escalation]
            }
            DueState::Overdue { .. } => vec![Alert::Overdue],
        }
    }

    /// When an open request with this due date is next owed an alert it isn't owed at `now`:
    /// the check looks at a request then, not every hour (None: it has had them all).
    pub fn next_owed(due_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        [
            due_at - Duration::days(DueState::DUE_SOON_DAYS),
            // Overdue is strictly after the due time.
            due_at + Duration::seconds(1),
            due_at + Duration::days(ESCALATE_AFTER_DAYS),
        ]
        .into_iter()
        .find(|at| *at > now)
    }

    /// Admins rather than the request's owners.
    pub fn to_admins(self) -> bool {
        self == Alert::Escalation
    }

    pub fn email_kind(self) -> EmailKind {
        match self {
            Alert::DueSoon => EmailKind::DueSoonAlert,
            Alert::Overdue => EmailKind::OverdueAlert,
            Alert::Escalation => EmailKind::OverdueEscalation,
        }
    }

    /// The in-app notification's kind.
    pub fn notification_kind(self) -> &'static str {
        match self {
            Alert::DueSoon => "request_due_soon",
            Alert::Overdue => "request_overdue",
            Alert::Escalation => "request_escalated",
        }
    }

    /// One alert per request, due date and person: an extended request is owed a fresh
    /// reminder before its new date.
    pub fn dedupe_key(self, request: RequestId, due_at: DateTime<Utc>, to: UserId) -> String {
        format!(
            "{}:{request}:{}:{to}",
            self.email_kind().as_str(),
            due_at.date_naive()
        )
    }
}

/// What the Admins' daily digest counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Digest {
    pub open: u32,
    pub due_soon: u32,
    pub overdue: u32,
}

impl Digest {
    pub fn of(due_dates: &[DateTime<Utc>], now: DateTime<Utc>) -> Self {
        let mut digest = Digest::default();
        for due_at in due_dates {
            digest.open += 1;
            match DueState::of(*due_at, now) {
                DueState::DueSoon { .. } => digest.due_soon += 1,
                DueState::Overdue { .. } => digest.overdue += 1,
                DueState::OnTrack { .. } => {}
            }
        }
        digest
    }

    /// One digest per Admin per day.
    pub fn dedupe_key(day: NaiveDate, to: UserId) -> String {
        format!("{}:{day}:{to}", EmailKind::AdminDigest.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Between a check and the next time it names, the alerts owed don't change; at that time
    /// a new one is owed; and after the last, nothing more is ever owed.
    #[test]
    fn a_request_is_next_looked_at_exactly_when_a_new_alert_is_owed() {
        let due = Utc.with_ymd_and_hms(2026, 6, 15, 9, 30, 0).unwrap();
        let mut now = due - Duration::days(30);
        let mut checks = 0;
        while let Some(next) = Alert::next_owed(due, now) {
            assert!(next > now);
            let owed = Alert::owed(due, now);
            let mut t = now;
            while t < next {
                assert_eq!(Alert::owed(due, t), owed, "{t} before {next}");
                t += Duration::minutes(7);
            }
            assert_eq!(Alert::owed(due, next - Duration::seconds(1)), owed);
            let later = Alert::owed(due, next);
            assert!(
                later.iter().any(|a| !owed.contains(a)),
                "a new alert at {next}"
            );
            now = next;
            checks += 1;
        }
        assert_eq!(checks, 3, "due soon, overdue, escalated");
        for days in [0, 1, 30, 400] {
            assert_eq!(
                Alert::owed(due, now + Duration::days(days)),
                [Alert::Overdue, Alert::Escalation]
            );
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
    }

    #[test]
    fn reminders_follow_the_due_date() {
        let owed = |days: i64| Alert::owed(now() + Duration::days(days), now());
        assert_eq!(owed(30), vec![]);
        assert_eq!(owed(8), vec![]);
        assert_eq!(owed(7), vec![Alert::DueSoon]);
        assert_eq!(owed(1), vec![Alert::DueSoon]);
        assert_eq!(
            Alert::owed(now() - Duration::hours(2), now()),
            vec![Alert::Overdue]
        );
        assert_eq!(owed(-2), vec![Alert::Overdue]);
        assert_eq!(owed(-3), vec![Alert::Overdue, Alert::Escalation]);
        assert_eq!(owed(-40), vec![Alert::Overdue, Alert::Escalation]);
    }

    #[test]
    fn each_alert_has_its_own_key_per_due_date_and_person() {
        let request = RequestId(uuid::Uuid::from_u128(1));
        let (ann, bob) = (
            UserId(uuid::Uuid::from_u128(2)),
            UserId(uuid::Uuid::from_u128(3)),
        );
        let due = now();
        let key = Alert::DueSoon.dedupe_key(request, due, ann);
        assert_eq!(
            key,
            Alert::DueSoon.dedupe_key(request, due + Duration::hours(1), ann)
        );
        assert_ne!(key, Alert::DueSoon.dedupe_key(request, due, bob));
        assert_ne!(key, Alert::Overdue.dedupe_key(request, due, ann));
        assert_ne!(
            key,
            Alert::DueSoon.dedupe_key(request, due + Duration::days(30), ann),
            "an extension earns a fresh reminder"
        );
        assert!(Alert::Escalation.to_admins() && !Alert::Overdue.to_admins());
    }

    #[test]
    fn the_digest_counts_open_due_soon_and_overdue() {
        let dates = [
            now() + Duration::days(20),
            now() + Duration::days(3),
            now() - Duration::days(1),
            now() - Duration::days(9),
        ];
        assert_eq!(
            Digest::of(&dates, now()),
            Digest {
                open: 4,
                due_soon: 1,
                overdue: 2
            }
        );
    }
}
