//! Consent: the append-only events and the status they add up to (GDPR Art. 7).

use super::text_enum;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What a consent decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Purpose {
    /// Evaluating the candidate for roles.
    Processing,
    /// Keeping the data after the candidacy ends, for future roles.
    Retention,
    /// Being contacted (emails, nurture campaigns).
    Contact,
}
text_enum!(Purpose { Processing => "processing", Retention => "retention", Contact => "contact" });

/// The lawful basis in force when a decision was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventBasis {
    Consent,
    LegitimateInterest,
    Contract,
}
text_enum!(EventBasis {
    Consent => "consent",
    LegitimateInterest => "legitimate_interest",
    Contract => "contract",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentDecision {
    Given,
    Denied,
    Revoked,
    Restored,
    Expired,
}
text_enum!(ConsentDecision {
    Given => "given",
    Denied => "denied",
    Revoked => "revoked",
    Restored => "restored",
    Expired => "expired",
});

impl ConsentDecision {
    /// Whether this decision allows the purpose.
    pub fn allows(self) -> bool {
        matches!(self, ConsentDecision::Given | ConsentDecision::Restored)
    }
}

/// Where a decision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentSource {
    PreferencesPage,
    JobPost,
    EmailOneClick,
    RecruiterManual,
    Import,
    System,
}
text_enum!(ConsentSource {
    PreferencesPage => "preferences_page",
    JobPost => "job_post",
    EmailOneClick => "email_one_click",
    RecruiterManual => "recruiter_manual",
    Import => "import",
    System => "system",
});

/// One recorded decision, as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentEvent {
    pub purpose: Purpose,
    pub decision: ConsentDecision,
    pub at: DateTime<Utc>,
}

impl ConsentEvent {
    /// Events as stored (purpose, decision, time), skipping any whose text this build doesn't
    /// know rather than failing the page that reads them.
    pub fn from_rows<'a>(
        rows: impl IntoIterator<Item = &'a (String, String, DateTime<Utc>)>,
    ) -> Vec<ConsentEvent> {
        rows.into_iter()
            .filter_map(|(purpose, decision, at)| {
                Some(ConsentEvent {
                    purpose: purpose.parse().ok()?,
                    decision: decision.parse().ok()?,
                    at: *at,
                })
            })
            .collect()
    }
}

/// The current state of one purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentStatus {
    /// Allowed until `expires_at` (None: consent does not expire).
    Given {
        since: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    },
    /// Denied or revoked by the candidate (or on their written word, by a recruiter).
    NotProvidedOrRevoked { since: DateTime<Utc> },
    /// Was given, but its validity ran out: counts as not given.
    Expired { since: DateTime<Utc> },
    /// No decision recorded.
    NotYetAsked,
}

impl ConsentStatus {
    /// The latest event for `purpose` wins; a given consent lapses `validity` after it was given.
    ///
    /// Events may arrive in any order; ties keep the later one in the slice (insertion order).
    pub fn of(
        events: &[ConsentEvent],
        purpose: Purpose,
        validity: Option<Duration>,
        now: DateTime<Utc>,
    ) -> Self {
        let latest = events.iter().filter(|e| e.purpose == purpose).fold(
            None::<&ConsentEvent>,
            |best, e| match best {
                Some(b) if b.at > e.at => Some(b),
                _ => Some(e),
            },
        );
        let Some(event) = latest else {
            return ConsentStatus::NotYetAsked;
        };
        match event.decision {
            ConsentDecision::Given | ConsentDecision::Restored => {
                let expires_at = validity.map(|v| event.at + v);
                match expires_at {
                    Some(exp) if exp <= now => ConsentStatus::Expired { since: exp },
                    _ => ConsentStatus::Given {
                        since: event.at,
                        expires_at,
                    },
                }
            }
            ConsentDecision::Denied | ConsentDecision::Revoked => {
                ConsentStatus::NotProvidedOrRevoked { since: event.at }
            }
            ConsentDecision::Expired => ConsentStatus::Expired { since: event.at },
        }
    }

    pub fn is_given(&self) -> bool {
        matches!(self, ConsentStatus::Given { .. })
    }

    /// Denied, revoked or expired: a decision against the purpose, and since when.
    pub fn refused_since(&self) -> Option<DateTime<Utc>> {
        match self {
            ConsentStatus::NotProvidedOrRevoked { since } | ConsentStatus::Expired { since } => {
                Some(*since)
            }
            _ => None,
        }
    }
}

/// How long a confirmation of the candidate's consent changes waits, so that repeated changes
/// (a toggle clicked on and off) are confirmed by one email that states the final choice.
pub const CONFIRMATION_WINDOW: Duration = Duration::minutes(10);

/// What one confirmation states: for each purpose whose latest decision is at or after `since`,
/// that decision (allowed or not), in the order purposes are shown. Ties keep the later event.
pub fn choices_since(events: &[ConsentEvent], since: DateTime<Utc>) -> Vec<(Purpose, bool)> {
    [Purpose::Processing, Purpose::Retention, Purpose::Contact]
        .into_iter()
        .filter_map(|purpose| {
            let latest = events
                .iter()
                .filter(|e| e.purpose == purpose)
                .reduce(|kept, e| if e.at >= kept.at { e } else { kept })?;
            (latest.at >= since).then(|| (purpose, latest.decision.allows()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_states_the_final_choice_of_each_purpose_changed_in_its_window() {
        let start = Utc::now();
        let at = |m: i64| start + Duration::minutes(m);
        let event = |purpose, decision, m| ConsentEvent {
            purpose,
            decision,
            at: at(m),
        };
        let events = [
            event(Purpose::Processing, ConsentDecision::Given, 0),
            event(Purpose::Retention, ConsentDecision::Given, 50),
            event(Purpose::Contact, ConsentDecision::Revoked, 52),
            event(Purpose::Retention, ConsentDecision::Revoked, 55),
            event(Purpose::Contact, ConsentDecision::Given, 56),
        ];
        assert_eq!(
            choices_since(&events, at(50)),
            [(Purpose::Retention, false), (Purpose::Contact, true)],
            "processing was decided before the window"
        );
        assert_eq!(choices_since(&events, at(56)), [(Purpose::Contact, true)]);
        assert_eq!(choices_since(&events, at(57)), []);
    }
    use chrono::TimeZone;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, 12, 0, 0).unwrap()
    }

    fn ev(purpose: Purpose, decision: ConsentDecision, d: u32) -> ConsentEvent {
        ConsentEvent {
            purpose,
            decision,
            at: day(d),
        }
    }

    #[test]
    fn latest_event_wins_and_consent_expires() {
        use ConsentDecision::*;
        use Purpose::*;
        let ten_days = Some(Duration::days(10));
        struct Case {
            purpose: Purpose,
            events: Vec<ConsentEvent>,
            validity: Option<Duration>,
            now: u32,
            expected: ConsentStatus,
        }
        let cases = [
            Case {
                purpose: Processing,
                events: vec![],
                validity: None,
                now: 5,
                expected: ConsentStatus::NotYetAsked,
            },
            Case {
                purpose: Processing,
                events: vec![ev(Retention, Given, 1)],
                validity: None,
                now: 5,
                expected: ConsentStatus::NotYetAsked, // other purpose only
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Given, 1)],
                validity: None,
                now: 30,
                expected: ConsentStatus::Given {
                    since: day(1),
                    expires_at: None,
                },
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Given, 1)],
                validity: ten_days,
                now: 5,
                expected: ConsentStatus::Given {
                    since: day(1),
                    expires_at: Some(day(11)),
                },
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Given, 1)],
                validity: ten_days,
                now: 11,
                expected: ConsentStatus::Expired { since: day(11) },
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Given, 1), ev(Processing, Revoked, 3)],
                validity: None,
                now: 5,
                expected: ConsentStatus::NotProvidedOrRevoked { since: day(3) },
            },
            Case {
                purpose: Processing,
                // Out of order: the later event still wins.
                events: vec![ev(Processing, Revoked, 3), ev(Processing, Given, 1)],
                validity: None,
                now: 5,
                expected: ConsentStatus::NotProvidedOrRevoked { since: day(3) },
            },
            Case {
                purpose: Contact,
                events: vec![ev(Contact, Revoked, 2), ev(Contact, Restored, 4)],
                validity: None,
                now: 5,
                expected: ConsentStatus::Given {
                    since: day(4),
                    expires_at: None,
                },
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Denied, 2)],
                validity: None,
                now: 5,
                expected: ConsentStatus::NotProvidedOrRevoked { since: day(2) },
            },
            Case {
                purpose: Processing,
                events: vec![ev(Processing, Given, 1), ev(Processing, Expired, 4)],
                validity: None,
                now: 5,
                expected: ConsentStatus::Expired { since: day(4) },
            },
            Case {
                purpose: Retention,
                // Renewed consent restarts the validity period.
                events: vec![ev(Retention, Given, 1), ev(Retention, Given, 9)],
                validity: ten_days,
                now: 15,
                expected: ConsentStatus::Given {
                    since: day(9),
                    expires_at: Some(day(19)),
                },
            },
        ];
        for (i, case) in cases.iter().enumerate() {
            assert_eq!(
                ConsentStatus::of(&case.events, case.purpose, case.validity, day(case.now)),
                case.expected,
                "case {i}"
            );
        }
    }

    #[test]
    fn only_given_and_restored_allow() {
        let allowing: Vec<_> = ConsentDecision::ALL.iter().filter(|d| d.allows()).collect();
        assert_eq!(
            allowing,
            [&ConsentDecision::Given, &ConsentDecision::Restored]
        );
    }
}
