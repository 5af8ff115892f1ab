//! What happens to an email after a failed delivery attempt (SPEC §8): retried later with
//! exponential backoff and jitter, or given up as `failed` after the configured number of attempts.

use chrono::{DateTime, Duration, Utc};

/// How often, and how patiently, the outbox retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; the last failure marks the email `failed`.
    pub max_attempts: u32,
    /// Wait after the first failure, doubled after each further one.
    pub first_delay: Duration,
    /// The longest wait between two attempts.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// Twelve attempts over about a day (waits of 1, 2, 4 … 256 minutes, then 6 hours), so a
    /// relay outage of several hours still loses nothing.
    fn default() -> Self {
        Self {
            max_attempts: 12,
            first_delay: Duration::minutes(1),
            max_delay: Duration::hours(6),
        }
    }
}

/// The outcome of a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again at this time.
    RetryAt(DateTime<Utc>),
    /// Stop: the email is `failed`, kept with its last error for admins.
    GiveUp,
}

impl RetryPolicy {
    /// Decides what follows failed attempt number `attempt` (1 for the first).
    ///
    /// `jitter` is a random number in `[0, 1)`: the wait is between half and all of the
    /// exponential delay ("equal jitter"), so many emails failing together — an SMTP outage —
    /// don't all come back in the same second.
    pub fn after_failure(&self, attempt: u32, jitter: f64, now: DateTime<Utc>) -> AfterFailure {
        if attempt >= self.max_attempts {
            return AfterFailure::GiveUp;
        }
        let doublings = attempt.saturating_sub(1).min(30);
        let full = self
            .first_delay
            .checked_mul(1 << doublings)
            .map_or(self.max_delay, |d| d.min(self.max_delay));
        let jitter = jitter.clamp(0.0, 1.0);
        let millis = full.num_milliseconds() as f64 * (0.5 + jitter / 2.0);
        AfterFailure::RetryAt(now + Duration::milliseconds(millis as i64))
    }
}

/// What becomes of a nurture touchpoint whose time has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TouchpointFate {
    /// Write it to the outbox.
    Send,
    /// Never send it: the candidate was anonymized, has no address, or stopped contact.
    Cancel,
}

/// Decided again when the touchpoint falls due, because the candidate may have stopped contact
/// (on this record or another with the same address) since it was scheduled.
pub fn touchpoint_fate(
    anonymized: bool,
    has_address: bool,
    contact: &super::ConsentStatus,
) -> TouchpointFate {
    if anonymized || !has_address || !super::preferences::contact_allowed(contact) {
        TouchpointFate::Cancel
    } else {
        TouchpointFate::Send
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ConsentStatus;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 5,
            first_delay: Duration::seconds(10),
            max_delay: Duration::seconds(60),
        }
    }

    fn wait(attempt: u32, jitter: f64) -> Duration {
        let now = DateTime::UNIX_EPOCH;
        match policy().after_failure(attempt, jitter, now) {
            AfterFailure::RetryAt(at) => at - now,
            AfterFailure::GiveUp => panic!("attempt {attempt} gave up"),
        }
    }

    #[test]
    fn waits_double_after_each_failure_up_to_the_cap() {
        assert_eq!(wait(1, 1.0), Duration::seconds(10));
        assert_eq!(wait(2, 1.0), Duration::seconds(20));
        assert_eq!(wait(3, 1.0), Duration::seconds(40));
        assert_eq!(wait(4, 1.0), Duration::seconds(60));
    }

    #[test]
    fn jitter_spreads_a_wait_between_half_and_all_of_it() {
        assert_eq!(wait(2, 0.0), Duration::seconds(10));
        assert_eq!(wait(2, 0.5), Duration::seconds(15));
        let spread: std::collections::HashSet<_> =
            [0.1, 0.4, 0.9].iter().map(|j| wait(3, *j)).collect();
        assert_eq!(spread.len(), 3);
    }

    #[test]
    fn the_last_allowed_attempt_gives_up() {
        assert_eq!(
            policy().after_failure(5, 0.3, Utc::now()),
            AfterFailure::GiveUp
        );
        assert_eq!(
            policy().after_failure(9, 0.3, Utc::now()),
            AfterFailure::GiveUp
        );
    }

    #[test]
    fn a_single_attempt_policy_never_retries() {
        let once = RetryPolicy {
            max_attempts: 1,
            ..policy()
        };
        assert_eq!(once.after_failure(1, 0.0, Utc::now()), AfterFailure::GiveUp);
    }

    #[test]
    fn huge_attempt_numbers_stay_at_the_cap() {
        let long = RetryPolicy {
            max_attempts: 1000,
            ..policy()
        };
        let now = Utc::now();
        assert_eq!(
            long.after_failure(500, 1.0, now),
            AfterFailure::RetryAt(now + Duration::seconds(60))
        );
    }

    #[test]
    fn a_touchpoint_goes_only_to_a_reachable_candidate_who_allows_contact() {
        let at = Utc::now();
        let allowed = ConsentStatus::NotYetAsked;
        let stopped = ConsentStatus::NotProvidedOrRevoked { since: at };
        assert_eq!(touchpoint_fate(false, true, &allowed), TouchpointFate::Send);
        assert_eq!(
            touchpoint_fate(
                false,
                true,
                &ConsentStatus::Given {
                    since: at,
                    expires_at: None
                }
            ),
            TouchpointFate::Send
        );
        assert_eq!(
            touchpoint_fate(false, true, &stopped),
            TouchpointFate::Cancel
        );
        assert_eq!(
            touchpoint_fate(true, true, &allowed),
            TouchpointFate::Cancel
        );
        assert_eq!(
            touchpoint_fate(false, false, &allowed),
            TouchpointFate::Cancel
        );
    }
}
