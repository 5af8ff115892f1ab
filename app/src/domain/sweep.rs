//! The retention sweep (SPEC §5): what it does with each candidate, what its run summary counts,
//! and when the daily schedule runs it.

use super::{consent_panel::DeletionNotice, CandidateId, MarkReason};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the sweep does with one candidate at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not marked for deletion.
    Keep,
    /// Marked, but the grace period has not run out.
    Waiting(DeletionNotice),
    /// Marked and past the grace period, but a legal hold stops anonymization.
    Held(DeletionNotice),
    /// Marked and past the grace period: anonymize now.
    Anonymize(DeletionNotice),
}

pub fn verdict(notice: Option<DeletionNotice>, on_hold: bool, now: DateTime<Utc>) -> Verdict {
    match notice {
        None => Verdict::Keep,
        Some(n) if n.anonymize_on > now => Verdict::Waiting(n),
        Some(n) if on_hold => Verdict::Held(n),
        Some(n) => Verdict::Anonymize(n),
    }
}

/// How many candidate ids a dry run lists.
pub const SAMPLE_SIZE: usize = 20;

/// The counts of one pass over the candidates: no names, no addresses, only numbers and reasons
/// (the ids of the first candidates due are kept for the dry run's printout, never stored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Candidates looked at (everyone not yet anonymized).
    pub examined: u64,
    /// Marked for deletion, by reason (waiting, held and due alike).
    pub marked: BTreeMap<String, u64>,
    /// Marked but still within the grace period.
    pub waiting: u64,
    /// Due, but on legal hold.
    pub held: u64,
    /// Due for anonymization now.
    pub due: u64,
    #[serde(skip)]
    pub first_due: Vec<CandidateId>,
}

impl Tally {
    pub fn count(&mut self, candidate: CandidateId, verdict: Verdict) {
        self.examined += 1;
        let notice = match verdict {
            Verdict::Keep => return,
            Verdict::Waiting(n) => {
                self.waiting += 1;
                n
            }
            Verdict::Held(n) => {
                self.held += 1;
                n
            }
            Verdict::Anonymize(n) => {
                self.due += 1;
                if self.first_due.len() < SAMPLE_SIZE {
                    self.first_due.push(candidate);
                }
                n
            }
        };
        *self
            .marked
            .entry(notice.reason.as_str().to_owned())
            .or_default() += 1;
    }

    pub fn marked_by(&self, reason: MarkReason) -> u64 {
        self.marked.get(reason.as_str()).copied().unwrap_or(0)
    }
}

/// What became of the candidates that were due, in a run that anonymizes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub anonymized: u64,
    /// No longer due when locked (consent given, hired, a hold placed meanwhile), or already
    /// anonymized by someone else.
    pub skipped: u64,
    /// Busy (locked by another transaction) or failed; the next run tries again.
    pub retry_later: u64,
}

/// The daily schedule: a run is due when no scheduled run started within the last day. Servers
/// check this under one lock, so with several servers it still runs once a day.
pub fn scheduled_run_due(last_started: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_started.is_none_or(|last| now - last >= SCHEDULE_INTERVAL)
}

/// A scheduled run a few minutes early still counts as today's, so the hourly check doesn't
/// drift later each day.
pub const SCHEDULE_INTERVAL: Duration = Duration::hours(23);

/// One run's summary, as stored in `sweep_runs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepRun {
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub scheduled: bool,
    pub dry_run: bool,
    pub examined: i64,
    /// Marked for deletion, by reason, in the domain's order.
    pub marked: Vec<(MarkReason, i64)>,
    pub waiting: i64,
    pub held: i64,
    pub due: i64,
    pub anonymized: i64,
    pub skipped: i64,
    pub retry_later: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use uuid::Uuid;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 3, 0, 0).unwrap()
    }

    fn notice(reason: MarkReason, anonymize_on: u32) -> DeletionNotice {
        DeletionNotice {
            reason,
            since: at(1),
            anonymize_on: at(anonymize_on),
        }
    }

    #[test]
    fn only_a_marked_candidate_past_the_grace_period_and_not_held_is_anonymized() {
        let n = notice(MarkReason::RetentionPeriodPassed, 15);
        assert_eq!(verdict(None, false, at(20)), Verdict::Keep);
        assert_eq!(verdict(None, true, at(20)), Verdict::Keep);
        assert_eq!(verdict(Some(n), false, at(14)), Verdict::Waiting(n));
        assert_eq!(verdict(Some(n), true, at(14)), Verdict::Waiting(n));
        assert_eq!(verdict(Some(n), true, at(15)), Verdict::Held(n));
        assert_eq!(verdict(Some(n), false, at(15)), Verdict::Anonymize(n));
    }

    #[test]
    fn the_tally_counts_by_reason_and_lists_only_the_first_due() {
        let mut tally = Tally::default();
        let due = notice(MarkReason::ConsentExpired, 2);
        for _ in 0..SAMPLE_SIZE + 5 {
            tally.count(CandidateId(Uuid::from_u128(7)), Verdict::Anonymize(due));
        }
        let id = CandidateId(Uuid::from_u128(7));
        tally.count(id, Verdict::Keep);
        tally.count(
            id,
            Verdict::Held(notice(MarkReason::ProcessingConsentDenied, 2)),
        );
        tally.count(
            id,
            Verdict::Waiting(notice(MarkReason::ProcessingConsentDenied, 30)),
        );
        assert_eq!(tally.examined, SAMPLE_SIZE as u64 + 8);
        assert_eq!(tally.due, SAMPLE_SIZE as u64 + 5);
        assert_eq!(tally.first_due.len(), SAMPLE_SIZE);
        assert_eq!((tally.held, tally.waiting), (1, 1));
        assert_eq!(
            tally.marked_by(MarkReason::ConsentExpired),
            SAMPLE_SIZE as u64 + 5
        );
        assert_eq!(tally.marked_by(MarkReason::ProcessingConsentDenied), 2);
        assert_eq!(tally.marked_by(MarkReason::RetentionPeriodPassed), 0);
    }

    #[test]
    fn the_schedule_runs_once_a_day() {
        assert!(scheduled_run_due(None, at(2)));
        let last = at(2);
        assert!(!scheduled_run_due(Some(last), last + Duration::hours(1)));
        assert!(!scheduled_run_due(Some(last), last + Duration::hours(22)));
        assert!(scheduled_run_due(Some(last), last + Duration::hours(23)));
        assert!(scheduled_run_due(Some(last), at(9)));
    }
}
