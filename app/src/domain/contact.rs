//! Do not contact (SPEC §5): whether the team may reach out to a person about future jobs.

use super::{Combination, ConsentStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One recorded decision about contacting an email address, from any record that holds it: an
/// active or archived candidate's contact events, or an anonymized candidate's `anonymized_contacts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactDecision {
    pub allows: bool,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactPermission {
    /// No decision against contact is in force.
    Allowed,
    /// The person asked not to be contacted (or their consent ran out).
    DoNotContact,
}

impl ContactPermission {
    pub fn is_do_not_contact(self) -> bool {
        self == ContactPermission::DoNotContact
    }
}

/// The most recent decision across every record with the person's email wins.
///
/// Revoke on candidate A, then create B with the same email → B is do-not-contact too; a later
/// grant on B lifts it for both.
pub fn contact_by_email(decisions: &[ContactDecision]) -> ContactPermission {
    match decisions.iter().max_by_key(|d| d.at) {
        Some(d) if !d.allows => ContactPermission::DoNotContact,
        _ => ContactPermission::Allowed,
    }
}

/// Whether one candidate is do-not-contact.
///
/// * Contact permission revoked (matched by email, see [`contact_by_email`]) always stops contact:
///   an unsubscribe is honoured whatever the lawful basis.
/// * Under a consent basis, a candidate archived on every opportunity whose consent expired, was
///   revoked or was never given may not be contacted either.
///
/// `archived_since` is when the last opportunity was archived, when every one is.
pub fn do_not_contact(
    combination: Combination,
    by_email: ContactPermission,
    archived_since: Option<DateTime<Utc>>,
    consent: &ConsentStatus,
) -> ContactPermission {
    if by_email.is_do_not_contact()
        || consent_basis_stop(combination, archived_since, consent).is_some()
    {
        return ContactPermission::DoNotContact;
    }
    ContactPermission::Allowed
}

/// Since when a record is do-not-contact by the consent rule alone (every opportunity archived,
/// consent not given): the later of the last archive and the consent's end. Like an
/// unsubscribe, this decision follows the person's email to their other records and outlives
/// anonymization (reference 001: "in both cases"); a later contact grant lifts it there.
pub fn consent_basis_stop(
    combination: Combination,
    archived_since: Option<DateTime<Utc>>,
    consent: &ConsentStatus,
) -> Option<DateTime<Utc>> {
    let archived = archived_since?;
    if !combination.uses_consent() || consent.is_given() {
        return None;
    }
    Some(
        consent
            .refused_since()
            .map_or(archived, |r| r.max(archived)),
    )
}

impl ContactDecision {
    /// The contact decisions among a person's consent events.
    pub fn from_events(events: &[super::ConsentEvent]) -> Vec<Self> {
        events
            .iter()
            .filter(|e| e.purpose == super::Purpose::Contact)
            .map(|e| ContactDecision {
                allows: e.decision.allows(),
                at: e.at,
            })
            .collect()
    }

    /// The consent-rule stop of another record with the same email, as a decision against
    /// contact at the time it took effect.
    pub fn stopped_at(at: DateTime<Utc>) -> Self {
        ContactDecision { allows: false, at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LawfulBasis::*;
    use chrono::{Duration, TimeZone};

    fn t(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap() + Duration::hours(n)
    }

    fn d(allows: bool, n: i64) -> ContactDecision {
        ContactDecision { allows, at: t(n) }
    }

    #[test]
    fn latest_decision_for_an_email_wins() {
        use ContactPermission::*;
        let cases: &[(&str, Vec<ContactDecision>, ContactPermission)] = &[
            ("no decisions", vec![], Allowed),
            ("revoked on A", vec![d(false, 1)], DoNotContact),
            (
                "revoked on A, B created later (no decision yet)",
                vec![d(false, 1)],
                DoNotContact,
            ),
            (
                "revoked on A, granted on B later",
                vec![d(false, 1), d(true, 2)],
                Allowed,
            ),
            (
                "granted, then revoked from an anonymized record",
                vec![d(true, 1), d(false, 3)],
                DoNotContact,
            ),
            (
                "order in the slice does not matter",
                vec![d(true, 5), d(false, 3)],
                Allowed,
            ),
        ];
        for (name, decisions, expected) in cases {
            assert_eq!(contact_by_email(decisions), *expected, "{name}");
        }
    }

    #[test]
    fn do_not_contact_by_basis() {
        use ContactPermission::*;
        let li = Combination {
            processing: LegitimateInterestOrContract,
            retention: LegitimateInterestOrContract,
        };
        let consent = Combination {
            processing: ExplicitConsent,
            retention: ExplicitConsent,
        };
        let given = ConsentStatus::Given {
            since: t(0),
            expires_at: None,
        };
        let revoked = ConsentStatus::NotProvidedOrRevoked { since: t(0) };
        let expired = ConsentStatus::Expired { since: t(0) };
        let never = ConsentStatus::NotYetAsked;
        #[rustfmt::skip]
        let cases = [
            ("LI, contact allowed", li, Allowed, true, never, Allowed),
            ("LI, contact revoked", li, DoNotContact, false, given, DoNotContact),
            ("consent, active opportunity, never given", consent, Allowed, false, never, Allowed),
            ("consent, all archived, given", consent, Allowed, true, given, Allowed),
            ("consent, all archived, revoked", consent, Allowed, true, revoked, DoNotContact),
            ("consent, all archived, expired", consent, Allowed, true, expired, DoNotContact),
            ("consent, all archived, never given", consent, Allowed, true, never, DoNotContact),
            ("consent, unsubscribed while active", consent, DoNotContact, false, given, DoNotContact),
        ];
        for (name, combo, by_email, archived, status, expected) in cases {
            let archived_since = archived.then(|| t(5));
            assert_eq!(
                do_not_contact(combo, by_email, archived_since, &status),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn a_consent_rule_stop_dates_from_the_later_of_archive_and_refusal() {
        let consent = Combination {
            processing: ExplicitConsent,
            retention: ExplicitConsent,
        };
        let revoked_late = ConsentStatus::NotProvidedOrRevoked { since: t(9) };
        let revoked_early = ConsentStatus::NotProvidedOrRevoked { since: t(1) };
        let given = ConsentStatus::Given {
            since: t(0),
            expires_at: None,
        };
        assert_eq!(
            consent_basis_stop(consent, Some(t(5)), &revoked_late),
            Some(t(9))
        );
        assert_eq!(
            consent_basis_stop(consent, Some(t(5)), &revoked_early),
            Some(t(5))
        );
        assert_eq!(
            consent_basis_stop(consent, Some(t(5)), &ConsentStatus::NotYetAsked),
            Some(t(5))
        );
        assert_eq!(consent_basis_stop(consent, Some(t(5)), &given), None);
        assert_eq!(consent_basis_stop(consent, None, &revoked_late), None);
        let li = Combination {
            processing: LegitimateInterestOrContract,
            retention: LegitimateInterestOrContract,
        };
        assert_eq!(consent_basis_stop(li, Some(t(5)), &revoked_late), None);
        // Matched onto another record, it is the newest decision unless contact was granted later.
        let matched = [ContactDecision::stopped_at(t(5)), d(true, 3)];
        assert_eq!(contact_by_email(&matched), ContactPermission::DoNotContact);
        let lifted = [ContactDecision::stopped_at(t(5)), d(true, 7)];
        assert_eq!(contact_by_email(&lifted), ContactPermission::Allowed);
    }
}
