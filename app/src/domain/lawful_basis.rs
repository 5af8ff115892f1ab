//! The four lawful-basis combinations (SPEC §5): what a candidate is asked, and when their data is
//! marked for deletion.

use super::{consent::EventBasis, text_enum, ConsentStatus, Purpose};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The lawful basis chosen for one purpose (processing or retention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LawfulBasis {
    LegitimateInterestOrContract,
    ExplicitConsent,
}
text_enum!(LawfulBasis {
    LegitimateInterestOrContract => "legitimate_interest_or_contract",
    ExplicitConsent => "explicit_consent",
});

/// One of the four combinations of processing and retention bases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Combination {
    pub processing: LawfulBasis,
    pub retention: LawfulBasis,
}

/// Which consents a candidate is asked for (job-post checkboxes, the GDPR email).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentQuestions {
    /// Processing consent is asked and is required to apply.
    pub processing_required: bool,
    /// Retention consent is asked; the candidate may leave it unticked.
    pub retention_optional: bool,
}

impl Combination {
    /// The lawful basis in force for a decision about `purpose`, as each consent event records
    /// it (SPEC §2): consent where the settings ask for explicit consent, legitimate interest
    /// otherwise. Contact rests on the retention basis: keeping someone to contact later is
    /// retention.
    pub fn basis_for(self, purpose: Purpose) -> EventBasis {
        let basis = match purpose {
            Purpose::Processing => self.processing,
            Purpose::Retention | Purpose::Contact => self.retention,
        };
        match basis {
            LawfulBasis::ExplicitConsent => EventBasis::Consent,
            LawfulBasis::LegitimateInterestOrContract => EventBasis::LegitimateInterest,
        }
    }

    /// The number Greenhouse and SPEC §5 give the combination (1–4).
    pub fn number(self) -> u8 {
        use LawfulBasis::*;
        match (self.processing, self.retention) {
            (LegitimateInterestOrContract, LegitimateInterestOrContract) => 1,
            (LegitimateInterestOrContract, ExplicitConsent) => 2,
            (ExplicitConsent, LegitimateInterestOrContract) => 3,
            (ExplicitConsent, ExplicitConsent) => 4,
        }
    }

    pub fn questions(self) -> ConsentQuestions {
        ConsentQuestions {
            processing_required: self.processing == LawfulBasis::ExplicitConsent,
            retention_optional: self.retention == LawfulBasis::ExplicitConsent,
        }
    }

    /// Whether any purpose rests on consent (then do-not-contact follows consent, §5).
    pub fn uses_consent(self) -> bool {
        self.processing == LawfulBasis::ExplicitConsent
            || self.retention == LawfulBasis::ExplicitConsent
    }
}

/// One of the candidate's opportunities, as far as retention cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpportunityFacts {
    pub archived_at: Option<DateTime<Utc>>,
    pub hired: bool,
}

/// Everything the marking rule needs to know about one candidate.
#[derive(Debug, Clone)]
pub struct RetentionFacts {
    pub created_at: DateTime<Utc>,
    pub opportunities: Vec<OpportunityFacts>,
    pub processing: ConsentStatus,
    pub retention: ConsentStatus,
    /// When consent was first asked for (application, or the GDPR email); None if never.
    pub consent_asked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub combination: Combination,
    pub retention_period: Duration,
    /// Explicit consent asked for and not answered within this window counts as denied.
    pub answer_window: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkReason {
    ProcessingConsentDenied,
    RetentionConsentDenied,
    ConsentExpired,
    ConsentNotAnswered,
    /// Archived on every opportunity with retention consent denied: no retention period applies.
    ArchivedWithoutRetentionConsent,
    RetentionPeriodPassed,
}
text_enum!(MarkReason {
    ProcessingConsentDenied => "processing_consent_denied",
    RetentionConsentDenied => "retention_consent_denied",
    ConsentExpired => "consent_expired",
    ConsentNotAnswered => "consent_not_answered",
    ArchivedWithoutRetentionConsent => "archived_without_retention_consent",
    RetentionPeriodPassed => "retention_period_passed",
});

/// A decision that the candidate's data is due for deletion, since `since`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeletionMark {
    pub reason: MarkReason,
    pub since: DateTime<Utc>,
}

/// Whether (and why) a candidate is marked for deletion at `now`. Hired candidates never are.
///
/// The rule per combination (SPEC §5):
/// 1. archived on all opportunities and the retention period has passed since the last archive;
/// 2. retention consent denied (or expired, or not answered in time) → at once; else as 1;
/// 3. processing consent denied → at once; retention consent denied → once archived everywhere;
///    else as 1;
/// 4. as 3.
pub fn deletion_mark(
    policy: &RetentionPolicy,
    facts: &RetentionFacts,
    now: DateTime<Utc>,
) -> Option<DeletionMark> {
    if facts.opportunities.iter().any(|o| o.hired) {
        return None;
    }
    let processing_explicit = policy.combination.processing == LawfulBasis::ExplicitConsent;
    let retention_explicit = policy.combination.retention == LawfulBasis::ExplicitConsent;
    let mark = |reason, since: DateTime<Utc>| {
        Some(DeletionMark {
            reason,
            since: since.min(now),
        })
    };

    if processing_explicit {
        if let Some((refusal, since)) = refusal(&facts.processing, facts, policy, now) {
            return mark(refusal.reason(MarkReason::ProcessingConsentDenied), since);
        }
    }

    let archived_everywhere = last_archive(facts);
    let retention_refusal = if retention_explicit {
        refusal(&facts.retention, facts, policy, now)
    } else {
        // Not asked under combination 3, but a recorded refusal still counts.
        facts
            .retention
            .refused_since()
            .map(|since| (Refusal::Denied, since))
    };
    if let Some((refusal, since)) = retention_refusal {
        if processing_explicit {
            // Combinations 3 and 4: kept while the candidacy is active, gone once it ends.
            let archived = archived_everywhere?;
            return mark(
                MarkReason::ArchivedWithoutRetentionConsent,
                archived.max(since),
            );
        }
        if retention_explicit {
            // Combination 2: retention rests on consent alone.
            return mark(refusal.reason(MarkReason::RetentionConsentDenied), since);
        }
    }

    let due = archived_everywhere? + policy.retention_period;
    (due <= now).then_some(DeletionMark {
        reason: MarkReason::RetentionPeriodPassed,
        since: due,
    })
}

/// The time of the last archive when every opportunity is archived; the creation time for a
/// candidate with none; None while any opportunity is active.
fn last_archive(facts: &RetentionFacts) -> Option<DateTime<Utc>> {
    if facts.opportunities.is_empty() {
        return Some(facts.created_at);
    }
    facts
        .opportunities
        .iter()
        .map(|o| o.archived_at)
        .collect::<Option<Vec<_>>>()
        .and_then(|times| times.into_iter().max())
}

/// Why a consent counts as refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Denied,
    Expired,
    NotAnswered,
}

impl Refusal {
    fn reason(self, denied: MarkReason) -> MarkReason {
        match self {
            Refusal::Denied => denied,
            Refusal::Expired => MarkReason::ConsentExpired,
            Refusal::NotAnswered => MarkReason::ConsentNotAnswered,
        }
    }
}

/// A consent that counts as refused: denied, revoked, expired, or asked and not answered in time.
fn refusal(
    status: &ConsentStatus,
    facts: &RetentionFacts,
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Option<(Refusal, DateTime<Utc>)> {
    match status {
        ConsentStatus::NotProvidedOrRevoked { since } => Some((Refusal::Denied, *since)),
        ConsentStatus::Expired { since } => Some((Refusal::Expired, *since)),
        ConsentStatus::NotYetAsked => {
            let deadline = facts.consent_asked_at? + policy.answer_window;
            (deadline <= now).then_some((Refusal::NotAnswered, deadline))
        }
        ConsentStatus::Given { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_records_the_basis_the_settings_put_in_force() {
        use EventBasis::{Consent, LegitimateInterest};
        use LawfulBasis::{ExplicitConsent as C, LegitimateInterestOrContract as L};
        // (processing, retention) → basis for processing, retention, contact.
        let cases = [
            (
                (L, L),
                [LegitimateInterest, LegitimateInterest, LegitimateInterest],
            ),
            ((L, C), [LegitimateInterest, Consent, Consent]),
            ((C, L), [Consent, LegitimateInterest, LegitimateInterest]),
            ((C, C), [Consent, Consent, Consent]),
        ];
        for ((processing, retention), expected) in cases {
            let combination = Combination {
                processing,
                retention,
            };
            let got = [Purpose::Processing, Purpose::Retention, Purpose::Contact]
                .map(|purpose| combination.basis_for(purpose));
            assert_eq!(got, expected, "{combination:?}");
        }
    }
    use chrono::TimeZone;
    use LawfulBasis::*;

    fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + Duration::days(n)
    }

    fn combo(n: u8) -> Combination {
        let (processing, retention) = match n {
            1 => (LegitimateInterestOrContract, LegitimateInterestOrContract),
            2 => (LegitimateInterestOrContract, ExplicitConsent),
            3 => (ExplicitConsent, LegitimateInterestOrContract),
            _ => (ExplicitConsent, ExplicitConsent),
        };
        Combination {
            processing,
            retention,
        }
    }

    fn policy(n: u8) -> RetentionPolicy {
        RetentionPolicy {
            combination: combo(n),
            retention_period: Duration::days(100),
            answer_window: Duration::days(30),
        }
    }

    const GIVEN: ConsentStatus = ConsentStatus::Given {
        since: day_const(),
        expires_at: None,
    };
    const fn day_const() -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH
    }

    fn denied(d: i64) -> ConsentStatus {
        ConsentStatus::NotProvidedOrRevoked { since: day(d) }
    }

    fn active() -> OpportunityFacts {
        OpportunityFacts {
            archived_at: None,
            hired: false,
        }
    }

    fn archived(d: i64) -> OpportunityFacts {
        OpportunityFacts {
            archived_at: Some(day(d)),
            hired: false,
        }
    }

    fn facts(
        opps: Vec<OpportunityFacts>,
        processing: ConsentStatus,
        retention: ConsentStatus,
    ) -> RetentionFacts {
        RetentionFacts {
            created_at: day(0),
            opportunities: opps,
            processing,
            retention,
            consent_asked_at: Some(day(0)),
        }
    }

    #[test]
    fn combination_numbers_and_questions() {
        let cases = [
            (1, false, false),
            (2, false, true),
            (3, true, false),
            (4, true, true),
        ];
        for (n, processing_required, retention_optional) in cases {
            let c = combo(n);
            assert_eq!(c.number(), n);
            assert_eq!(
                c.questions(),
                ConsentQuestions {
                    processing_required,
                    retention_optional
                },
                "combination {n}"
            );
            assert_eq!(c.uses_consent(), n != 1);
        }
    }

    #[test]
    fn deletion_marking_table() {
        use MarkReason::*;
        let none = ConsentStatus::NotYetAsked;
        let mark = |reason, d| {
            Some(DeletionMark {
                reason,
                since: day(d),
            })
        };
        #[rustfmt::skip]
        let cases: Vec<(&str, u8, RetentionFacts, i64, Option<DeletionMark>)> = vec![
            // Combination 1: only the retention period after the last archive counts.
            ("1 active", 1, facts(vec![active()], none, none), 500, None),
            ("1 one still active", 1, facts(vec![archived(10), active()], none, none), 500, None),
            ("1 archived, period running", 1, facts(vec![archived(10)], none, none), 109, None),
            ("1 archived, period passed", 1, facts(vec![archived(10), archived(20)], none, none), 120, mark(RetentionPeriodPassed, 120)),
            ("1 hired never", 1, facts(vec![archived(10), OpportunityFacts { archived_at: Some(day(11)), hired: true }], none, none), 900, None),
            ("1 no opportunities", 1, facts(vec![], none, none), 100, mark(RetentionPeriodPassed, 100)),
            // Combination 2: retention consent decides.
            ("2 retention denied, active", 2, facts(vec![active()], none, denied(5)), 6, mark(RetentionConsentDenied, 5)),
            ("2 retention given, archived", 2, facts(vec![archived(10)], none, GIVEN), 50, None),
            ("2 retention given, period passed", 2, facts(vec![archived(10)], none, GIVEN), 110, mark(RetentionPeriodPassed, 110)),
            ("2 not answered in window", 2, facts(vec![active()], none, none), 29, None),
            ("2 not answered past window", 2, facts(vec![active()], none, none), 31, mark(ConsentNotAnswered, 30)),
            ("2 expired", 2, facts(vec![active()], none, ConsentStatus::Expired { since: day(40) }), 41, mark(ConsentExpired, 40)),
            // Combination 3: processing consent required; retention consent shortens retention.
            ("3 processing denied", 3, facts(vec![active()], denied(3), none), 4, mark(ProcessingConsentDenied, 3)),
            ("3 processing given, retention given", 3, facts(vec![archived(10)], GIVEN, GIVEN), 50, None),
            ("3 retention given, period passed", 3, facts(vec![archived(10)], GIVEN, GIVEN), 110, mark(RetentionPeriodPassed, 110)),
            ("3 retention denied, active", 3, facts(vec![active()], GIVEN, denied(3)), 50, None),
            ("3 retention denied, archived", 3, facts(vec![archived(10)], GIVEN, denied(3)), 11, mark(ArchivedWithoutRetentionConsent, 10)),
            ("3 retention not asked", 3, facts(vec![archived(10)], GIVEN, none), 50, None),
            // Combination 4: both.
            ("4 processing denied", 4, facts(vec![active()], denied(2), GIVEN), 3, mark(ProcessingConsentDenied, 2)),
            ("4 processing not answered", 4, facts(vec![active()], none, none), 40, mark(ConsentNotAnswered, 30)),
            ("4 retention denied, active", 4, facts(vec![active()], GIVEN, denied(2)), 40, None),
            ("4 retention not answered, archived", 4, facts(vec![archived(10)], GIVEN, none), 40, mark(ArchivedWithoutRetentionConsent, 30)),
            ("4 retention denied, archived", 4, facts(vec![archived(10)], GIVEN, denied(20)), 30, mark(ArchivedWithoutRetentionConsent, 20)),
            ("4 both given, period passed", 4, facts(vec![archived(10)], GIVEN, GIVEN), 111, mark(RetentionPeriodPassed, 110)),
            ("4 hired, processing denied", 4, facts(vec![OpportunityFacts { archived_at: None, hired: true }], denied(2), GIVEN), 300, None),
        ];
        for (name, n, f, now, expected) in cases {
            assert_eq!(deletion_mark(&policy(n), &f, day(now)), expected, "{name}");
        }
    }
}
