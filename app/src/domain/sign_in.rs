//! Recruiter sign-in rules (SPEC §7): how long a session lives, and when failed attempts lock
//! sign-in for an account or a client.

use chrono::{DateTime, Duration, Utc};

/// How long a signed-in session lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Ends after this long without a request.
    pub idle: Duration,
    /// Ends this long after sign-in, however busy.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    /// A working day at most, and two hours away from the desk: the workspace shows personal
    /// data, so a forgotten tab should not stay signed in overnight.
    fn default() -> Self {
        Self {
            idle: Duration::hours(2),
            absolute: Duration::hours(12),
        }
    }
}

/// Writing `last_seen_at` on every request would turn every page view into a write; once a
/// minute is precise enough for an idle limit counted in hours.
const TOUCH_EVERY: Duration = Duration::minutes(1);

impl SessionPolicy {
    pub fn expires_at(&self, created_at: DateTime<Utc>) -> DateTime<Utc> {
        created_at + self.absolute
    }

    pub fn is_live(
        &self,
        created_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < self.expires_at(created_at) && now < last_seen_at + self.idle
    }

    /// Whether a request at `now` should record that the session was used.
    pub fn needs_touch(&self, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen_at >= TOUCH_EVERY
    }
}

/// How many failed sign-ins are allowed before the door closes for a while.
///
/// Closing is per (account, client) and per client, never per account alone: someone who knows
/// an Admin's address must not be able to keep that Admin out. Failures for an account from
/// anywhere only slow each further try down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures are counted over this sliding window.
    pub window: Duration,
    /// Failures for one email address (known or not) from one client within the window.
    pub per_account_client: usize,
    /// Failures from one client address within the window, across accounts.
    pub per_client: usize,
    /// Failures for one email address, from any client, after which every try waits first.
    pub slow_account_after: usize,
    /// The longest such wait.
    pub max_slowdown: std::time::Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            window: Duration::minutes(15),
            per_account_client: 5,
            per_client: 20,
            slow_account_after: 5,
            max_slowdown: std::time::Duration::from_secs(2),
        }
    }
}

/// Each failure past `slow_account_after` adds this much to the wait, up to `max_slowdown`.
const SLOWDOWN_STEP: std::time::Duration = std::time::Duration::from_millis(200);

/// Whether a sign-in may be tried now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInGate {
    Open,
    /// Too many recent failures; tries are refused, even with the right password, until then.
    ClosedUntil(DateTime<Utc>),
}

impl ThrottlePolicy {
    /// Decides from the recent failures (any order) of this account from this client, and of the
    /// client across accounts.
    pub fn gate(
        &self,
        pair_failures: &[DateTime<Utc>],
        client_failures: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> SignInGate {
        let reopens = [
            self.reopens_at(pair_failures, self.per_account_client, now),
            self.reopens_at(client_failures, self.per_client, now),
        ]
        .into_iter()
        .flatten()
        .max();
        match reopens {
            Some(at) => SignInGate::ClosedUntil(at),
            None => SignInGate::Open,
        }
    }

    /// How long a try waits before its password is checked, from the account's recent failures
    /// from every client: nothing at first, then a little more per failure, capped.
    pub fn slowdown(
        &self,
        account_failures: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> std::time::Duration {
        let recent = self.recent(account_failures, now).len();
        if recent < self.slow_account_after.max(1) {
            return std::time::Duration::ZERO;
        }
        let steps = (recent - self.slow_account_after.max(1) + 1) as u32;
        SLOWDOWN_STEP.saturating_mul(steps).min(self.max_slowdown)
    }

    /// Failures inside the window. One stamped a moment after `now` (a try sent at the same
    /// time that took the lock first) counts too.
    fn recent(&self, failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        failures
            .iter()
            .copied()
            .filter(|at| *at > now - self.window)
            .collect()
    }

    /// With `limit` or more failures in the window, the door reopens when the `limit`-th most
    /// recent one leaves it.
    fn reopens_at(
        &self,
        failures: &[DateTime<Utc>],
        limit: usize,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let mut recent = self.recent(failures, now);
        if limit == 0 || recent.len() < limit {
            return None;
        }
        recent.sort_unstable_by(|a, b| b.cmp(a));
        Some(recent[limit - 1] + self.window)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn a_session_ends_when_idle_or_old() {
        let policy = SessionPolicy {
            idle: Duration::minutes(120),
            absolute: Duration::minutes(720),
        };
        let cases = [
            ("just signed in", 0, 0, true),
            ("used a minute ago", 600, 601, true),
            ("idle for exactly the limit", 0, 120, false),
            ("idle for longer", 100, 300, false),
            ("busy, but past the absolute limit", 719, 720, false),
            ("busy, just before the absolute limit", 718, 719, true),
        ];
        for (case, last_seen, now, live) in cases {
            assert_eq!(policy.is_live(t(0), t(last_seen), t(now)), live, "{case}");
        }
        assert_eq!(policy.expires_at(t(0)), t(720));
    }

    #[test]
    fn last_seen_is_written_at_most_once_a_minute() {
        let policy = SessionPolicy::default();
        assert!(!policy.needs_touch(t(0), t(0)));
        assert!(!policy.needs_touch(t(0), t(0) + Duration::seconds(59)));
        assert!(policy.needs_touch(t(0), t(1)));
    }

    #[test]
    fn one_client_closes_for_an_account_after_five_failures_until_the_fifth_latest_leaves_the_window(
    ) {
        let policy = ThrottlePolicy::default();
        let four = [t(0), t(1), t(2), t(3)];
        assert_eq!(policy.gate(&four, &[], t(4)), SignInGate::Open);
        let five = [t(3), t(0), t(2), t(1), t(4)];
        assert_eq!(
            policy.gate(&five, &[], t(5)),
            SignInGate::ClosedUntil(t(15))
        );
        // Once the oldest leaves the window, four remain: open again.
        assert_eq!(policy.gate(&five, &[], t(15)), SignInGate::Open);
        // Old failures don't count at all.
        let old = [t(-100), t(-90), t(-80), t(-70), t(-60), t(-50)];
        assert_eq!(policy.gate(&old, &[], t(0)), SignInGate::Open);
    }

    #[test]
    fn one_client_failing_across_many_accounts_is_closed_too() {
        let policy = ThrottlePolicy::default();
        let client: Vec<_> = (0..20).map(|m| t(m / 2)).collect();
        assert_eq!(
            policy.gate(&[], &client[..19], t(10)),
            SignInGate::Open,
            "19 failures are allowed"
        );
        assert_eq!(
            policy.gate(&[], &client, t(10)),
            SignInGate::ClosedUntil(t(15))
        );
    }

    #[test]
    fn failures_for_an_account_from_anywhere_slow_it_down_but_never_close_it() {
        let policy = ThrottlePolicy::default();
        let failures = |n: i64| -> Vec<_> { (0..n).map(|m| t(m % 10)).collect() };
        let zero = std::time::Duration::ZERO;
        assert_eq!(policy.slowdown(&failures(4), t(10)), zero);
        assert_eq!(
            policy.slowdown(&failures(5), t(10)),
            std::time::Duration::from_millis(200)
        );
        assert_eq!(
            policy.slowdown(&failures(7), t(10)),
            std::time::Duration::from_millis(600)
        );
        assert_eq!(
            policy.slowdown(&failures(500), t(10)),
            policy.max_slowdown,
            "capped"
        );
        assert_eq!(policy.slowdown(&failures(500), t(40)), zero, "all old");
        // However many failures the account has, a client that has not failed may try.
        assert_eq!(policy.gate(&[], &[], t(10)), SignInGate::Open);
    }

    #[test]
    fn the_later_reopening_wins_when_both_are_closed() {
        let policy = ThrottlePolicy {
            per_account_client: 1,
            per_client: 1,
            ..ThrottlePolicy::default()
        };
        assert_eq!(
            policy.gate(&[t(2)], &[t(5)], t(6)),
            SignInGate::ClosedUntil(t(20))
        );
    }
}
