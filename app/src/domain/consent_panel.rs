//! What the consent sidebar of a candidate's profile says (SPEC §4, §5, §7): which variant, which
//! purposes with which status, whether the GDPR country may be edited, and when the warning icon
//! shows.

use super::{
    contact::{consent_basis_stop, do_not_contact, ContactPermission},
    lawful_basis::{
        deletion_mark, Combination, MarkReason, OpportunityFacts, RetentionFacts, RetentionPolicy,
    },
    preferences::{pick_country_policy, CountryPolicy},
    settings::{gdpr_applies, ComplianceSettings, GdprFacts},
    ComplianceMode, ConsentEvent, ConsentStatus, CountryCode, GdprScope, LawfulBasis, Purpose,
};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What the law asks of one candidate's data: the settings that apply to them and the facts they
/// are judged on. The profile's sidebar and the retention sweep decide from the same facts.
#[derive(Debug, Clone)]
pub struct ComplianceFacts {
    pub mode: ComplianceMode,
    pub scope: GdprScope,
    pub combination: Combination,
    pub gdpr: GdprFacts,
    /// Localized mode: the policy that applies to this candidate (see `pick_country_policy`).
    pub country_policy: Option<CountryPolicy>,
    pub retention_days: i32,
    pub processing: ConsentStatus,
    pub retention: ConsentStatus,
    pub opportunities: Vec<OpportunityFacts>,
    pub created_at: DateTime<Utc>,
    /// When explicit consent was first asked for (an application, or the GDPR email).
    pub consent_asked_at: Option<DateTime<Utc>>,
    pub answer_window_days: i32,
    pub grace_days: i32,
}

/// Everything the sidebar is decided from.
#[derive(Debug, Clone)]
pub struct PanelFacts {
    pub compliance: ComplianceFacts,
    /// Contact permission, matched by email across records (see `contact_by_email`).
    pub contact: ConsentStatus,
    pub contact_by_email: ContactPermission,
}

/// The candidate is marked for deletion (SPEC §5): why, since when, and when the retention sweep
/// anonymizes them (unless a legal hold stops it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletionNotice {
    pub reason: MarkReason,
    pub since: DateTime<Utc>,
    pub anonymize_on: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PanelVariant {
    /// Compliance mode is off: nothing to show but contact permission.
    Off,
    /// GDPR mode, but this candidate is outside its scope.
    NotProtected,
    /// GDPR protects the candidate.
    Gdpr,
    /// Localized mode, with the policy that applies (none: no policy covers the candidate).
    Localized { policy: Option<CountryPolicy> },
}

/// One line of the sidebar: a purpose and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRow {
    pub purpose: Purpose,
    pub basis: LawfulBasis,
    pub status: ConsentStatus,
}

/// Why the warning icon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PanelWarning {
    /// Archived on every opportunity, and the newest archive is older than the retention period.
    RetentionPassed { since: DateTime<Utc> },
    /// A consent the data rests on was revoked, denied or has expired.
    ConsentRefused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentPanel {
    pub variant: PanelVariant,
    /// The country GDPR is decided by (a recruiter's override first).
    pub gdpr_country: Option<CountryCode>,
    /// The pen icon next to the GDPR country.
    pub country_editable: bool,
    pub rows: Vec<PanelRow>,
    pub retention_days: i32,
    pub warning: Option<PanelWarning>,
    pub do_not_contact: bool,
    /// Since when this record is do-not-contact by the consent rule of its own facts (not by an
    /// unsubscribe), to be matched onto the person's other records and kept on anonymization.
    pub stopped_by_consent_rule: Option<DateTime<Utc>>,
    /// Marked for deletion: only where GDPR or a country policy governs retention.
    pub deletion: Option<DeletionNotice>,
}

pub fn consent_panel(panel_facts: &PanelFacts, now: DateTime<Utc>) -> ConsentPanel {
    let facts = &panel_facts.compliance;
    let protected = gdpr_applies(facts.mode, facts.scope, &facts.gdpr);
    let variant = variant(facts);
    let combination = facts.combination;
    let mut rows = Vec::new();
    if variant == PanelVariant::Gdpr {
        for (purpose, basis, status) in [
            (
                Purpose::Processing,
                combination.processing,
                facts.processing,
            ),
            (Purpose::Retention, combination.retention, facts.retention),
        ] {
            if basis == LawfulBasis::ExplicitConsent {
                rows.push(PanelRow {
                    purpose,
                    basis,
                    status,
                });
            }
        }
    }
    // Contact permission always shows: an unsubscribe is honoured in every mode.
    rows.push(PanelRow {
        purpose: Purpose::Contact,
        basis: LawfulBasis::LegitimateInterestOrContract,
        status: panel_facts.contact,
    });

    let retention_days = match variant {
        PanelVariant::Localized { policy: Some(p) } => p.retention_days,
        _ => facts.retention_days,
    };
    let consent_refused = rows
        .iter()
        .any(|r| r.basis == LawfulBasis::ExplicitConsent && r.status.refused_since().is_some());
    let warning = match variant {
        PanelVariant::Off => None,
        _ => retention_passed(&facts.opportunities, retention_days, now)
            .map(|since| PanelWarning::RetentionPassed { since })
            .or(consent_refused.then_some(PanelWarning::ConsentRefused)),
    };
    // When the last opportunity was archived, if every one is.
    let archived_since = if facts.opportunities.is_empty() {
        None
    } else {
        facts
            .opportunities
            .iter()
            .map(|o| o.archived_at)
            .collect::<Option<Vec<_>>>()
            .and_then(|all| all.into_iter().max())
    };
    let consent = if combination.retention == LawfulBasis::ExplicitConsent {
        &facts.retention
    } else {
        &facts.processing
    };
    let contact_combination = if protected || facts.mode == ComplianceMode::Localized {
        combination
    } else {
        // Outside GDPR no purpose rests on consent: only an unsubscribe stops contact.
        Combination {
            processing: LawfulBasis::LegitimateInterestOrContract,
            retention: LawfulBasis::LegitimateInterestOrContract,
        }
    };
    let do_not_contact = do_not_contact(
        contact_combination,
        panel_facts.contact_by_email,
        archived_since,
        consent,
    )
    .is_do_not_contact();
    let stopped_by_consent_rule = consent_basis_stop(contact_combination, archived_since, consent);

    let deletion = deletion_notice(facts, now);

    ConsentPanel {
        deletion,
        country_editable: matches!(variant, PanelVariant::Gdpr | PanelVariant::NotProtected)
            && facts.scope.country_is_editable(),
        gdpr_country: facts.gdpr.country_override.or(facts.gdpr.country),
        variant,
        rows,
        retention_days,
        warning,
        do_not_contact,
        stopped_by_consent_rule,
    }
}

/// Which sidebar variant applies to the candidate.
fn variant(facts: &ComplianceFacts) -> PanelVariant {
    match facts.mode {
        ComplianceMode::Off => PanelVariant::Off,
        ComplianceMode::Gdpr if gdpr_applies(facts.mode, facts.scope, &facts.gdpr) => {
            PanelVariant::Gdpr
        }
        ComplianceMode::Gdpr => PanelVariant::NotProtected,
        ComplianceMode::Localized => PanelVariant::Localized {
            policy: facts.country_policy,
        },
    }
}

/// Whether the candidate is marked for deletion (SPEC §5) and when the sweep anonymizes them:
/// only where GDPR or a country policy governs retention.
pub fn deletion_notice(facts: &ComplianceFacts, now: DateTime<Utc>) -> Option<DeletionNotice> {
    let retention_days = match facts.mode {
        ComplianceMode::Localized => facts.country_policy?.retention_days,
        _ => facts.retention_days,
    };
    match variant(facts) {
        // Outside GDPR and country policies nothing is marked; a country policy brings its
        // retention period but no consent questions.
        PanelVariant::Gdpr => Some(facts.combination),
        PanelVariant::Localized { policy: Some(_) } => Some(Combination {
            processing: LawfulBasis::LegitimateInterestOrContract,
            retention: LawfulBasis::LegitimateInterestOrContract,
        }),
        _ => None,
    }
    .and_then(|combination| {
        deletion_mark(
            &RetentionPolicy {
                combination,
                retention_period: Duration::days(retention_days.into()),
                answer_window: Duration::days(facts.answer_window_days.into()),
            },
            &RetentionFacts {
                created_at: facts.created_at,
                opportunities: facts.opportunities.clone(),
                processing: facts.processing,
                retention: facts.retention,
                consent_asked_at: facts.consent_asked_at,
            },
            now,
        )
    })
    .map(|mark| DeletionNotice {
        reason: mark.reason,
        since: mark.since,
        anonymize_on: mark.since + Duration::days(facts.grace_days.into()),
    })
}

/// Why contacting a candidate (an email, a nurture enrolment) needs a second thought (SPEC §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactWarning {
    /// The candidate asked for erasure and the request is still open.
    PendingErasure,
    /// A consent the data rests on was revoked, refused or expired; deletion is pending.
    PendingRevocation,
    /// The latest decision for their email is against contact.
    DoNotContact,
    /// Kept on legitimate interest, and the retention period has run out.
    LegitimateInterestExpired,
}
super::text_enum!(ContactWarning {
    PendingErasure => "pending_erasure",
    PendingRevocation => "pending_revocation",
    DoNotContact => "do_not_contact",
    LegitimateInterestExpired => "legitimate_interest_expired",
});

/// Whether the team may contact a candidate, and what to confirm first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactCheck {
    /// Nothing stands in the way.
    Clear,
    /// Allowed only after the sender confirms having read these.
    ConfirmFirst(Vec<ContactWarning>),
    /// Anonymized: there is nobody left to contact.
    Refused,
}

pub fn contact_check(panel: &ConsentPanel, anonymized: bool, open_erasure: bool) -> ContactCheck {
    if anonymized {
        return ContactCheck::Refused;
    }
    let retention_by_consent = panel
        .rows
        .iter()
        .any(|r| r.purpose == Purpose::Retention && r.basis == LawfulBasis::ExplicitConsent);
    let mut warnings = Vec::new();
    if open_erasure {
        warnings.push(ContactWarning::PendingErasure);
    }
    if panel.warning == Some(PanelWarning::ConsentRefused) {
        warnings.push(ContactWarning::PendingRevocation);
    }
    if panel.do_not_contact {
        warnings.push(ContactWarning::DoNotContact);
    }
    if matches!(panel.warning, Some(PanelWarning::RetentionPassed { .. })) && !retention_by_consent
    {
        warnings.push(ContactWarning::LegitimateInterestExpired);
    }
    if warnings.is_empty() {
        ContactCheck::Clear
    } else {
        ContactCheck::ConfirmFirst(warnings)
    }
}

/// When the retention period ran out: every opportunity archived (none hired), and the newest
/// archive older than the period.
fn retention_passed(
    opportunities: &[OpportunityFacts],
    retention_days: i32,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if opportunities.is_empty() || opportunities.iter().any(|o| o.hired) {
        return None;
    }
    let newest_archive = opportunities
        .iter()
        .map(|o| o.archived_at)
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .max()?;
    let ends = newest_archive + Duration::days(i64::from(retention_days));
    (ends <= now).then_some(ends)
}

/// One candidate's own records, as far as the deletion rule cares.
pub struct Record<'a> {
    pub gdpr: GdprFacts,
    /// Their processing and retention decisions (contact decisions are ignored here).
    pub events: &'a [ConsentEvent],
    pub opportunities: Vec<OpportunityFacts>,
    pub created_at: DateTime<Utc>,
    /// When the GDPR email (the data-collection notice with their link) first went, if it did.
    pub notice_sent_at: Option<DateTime<Utc>>,
}

/// When the candidate was asked for consent: when they first answered (processing or retention),
/// or when the GDPR email went, whichever came first. The answer window runs from here.
pub fn consent_asked_at(
    events: &[ConsentEvent],
    notice_sent_at: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let first_answer = events
        .iter()
        .filter(|e| e.purpose != Purpose::Contact)
        .map(|e| e.at)
        .min();
    first_answer.into_iter().chain(notice_sent_at).min()
}

/// The facts the deletion rule reads, from the settings and one candidate's records. Shared with
/// the profile so that the banner and the sweep can't disagree.
pub fn compliance_facts(
    settings: &ComplianceSettings,
    policies: &[CountryPolicy],
    record: Record<'_>,
    now: DateTime<Utc>,
) -> ComplianceFacts {
    let status =
        |purpose| ConsentStatus::of(record.events, purpose, settings.consent_validity(), now);
    ComplianceFacts {
        mode: settings.mode,
        scope: settings.scope,
        combination: settings.combination,
        country_policy: pick_country_policy(
            &record.gdpr.posting_countries,
            record.gdpr.country_override.or(record.gdpr.country),
            policies,
        ),
        gdpr: record.gdpr,
        retention_days: settings.retention_days,
        processing: status(Purpose::Processing),
        retention: status(Purpose::Retention),
        opportunities: record.opportunities,
        created_at: record.created_at,
        consent_asked_at: consent_asked_at(record.events, record.notice_sent_at),
        answer_window_days: settings.consent_answer_window_days,
        grace_days: settings.anonymization_grace_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use LawfulBasis::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    #[test]
    fn consent_was_asked_at_the_first_answer_or_the_gdpr_email_whichever_came_first() {
        use crate::domain::ConsentDecision::{Given, Revoked};
        let event = |purpose, decision, days| ConsentEvent {
            purpose,
            decision,
            at: days_ago(days),
        };
        let answers = [
            event(Purpose::Contact, Revoked, 40),
            event(Purpose::Retention, Given, 30),
            event(Purpose::Processing, Given, 20),
        ];
        // A contact decision is no answer to a consent question.
        assert_eq!(consent_asked_at(&answers, None), Some(days_ago(30)));
        assert_eq!(
            consent_asked_at(&answers, Some(days_ago(35))),
            Some(days_ago(35))
        );
        assert_eq!(
            consent_asked_at(&answers, Some(days_ago(10))),
            Some(days_ago(30))
        );
        assert_eq!(
            consent_asked_at(&answers[..1], Some(days_ago(10))),
            Some(days_ago(10))
        );
        assert_eq!(consent_asked_at(&answers[..1], None), None);
    }

    fn days_ago(n: i64) -> DateTime<Utc> {
        now() - Duration::days(n)
    }

    fn de() -> Option<CountryCode> {
        CountryCode::parse("DE").ok()
    }

    fn facts(mode: ComplianceMode, processing: LawfulBasis, retention: LawfulBasis) -> PanelFacts {
        PanelFacts {
            compliance: ComplianceFacts {
                mode,
                scope: GdprScope::EuOnly,
                combination: Combination {
                    processing,
                    retention,
                },
                gdpr: GdprFacts {
                    country: de(),
                    ..GdprFacts::default()
                },
                country_policy: None,
                retention_days: 365,
                processing: ConsentStatus::NotYetAsked,
                retention: ConsentStatus::NotYetAsked,
                opportunities: vec![OpportunityFacts {
                    archived_at: None,
                    hired: false,
                }],
                created_at: days_ago(400),
                consent_asked_at: None,
                answer_window_days: 30,
                grace_days: 14,
            },
            contact: ConsentStatus::NotYetAsked,
            contact_by_email: ContactPermission::Allowed,
        }
    }

    #[test]
    fn a_candidate_past_retention_is_marked_where_gdpr_or_a_policy_governs() {
        let archived = |facts: &mut PanelFacts, days: i64| {
            facts.compliance.opportunities = vec![OpportunityFacts {
                archived_at: Some(days_ago(days)),
                hired: false,
            }];
        };
        let mut gdpr = facts(
            ComplianceMode::Gdpr,
            LegitimateInterestOrContract,
            LegitimateInterestOrContract,
        );
        archived(&mut gdpr, 400);
        let notice = consent_panel(&gdpr, now()).deletion.expect("marked");
        assert_eq!(notice.reason, MarkReason::RetentionPeriodPassed);
        assert_eq!(notice.since, days_ago(35));
        assert_eq!(notice.anonymize_on, days_ago(21));

        archived(&mut gdpr, 300);
        assert_eq!(
            consent_panel(&gdpr, now()).deletion,
            None,
            "within retention"
        );

        // Outside GDPR's scope, or with compliance off, nobody is marked.
        let mut outside = gdpr.clone();
        archived(&mut outside, 400);
        outside.compliance.gdpr.country = CountryCode::parse("US").ok();
        assert_eq!(consent_panel(&outside, now()).deletion, None);
        outside.compliance.mode = ComplianceMode::Off;
        assert_eq!(consent_panel(&outside, now()).deletion, None);

        // Localized: the country policy's retention period decides.
        let mut localized = gdpr.clone();
        archived(&mut localized, 100);
        localized.compliance.mode = ComplianceMode::Localized;
        localized.compliance.country_policy = Some(CountryPolicy {
            country: CountryCode::parse("DE").unwrap(),
            retention_days: 90,
        });
        assert_eq!(
            consent_panel(&localized, now()).deletion.map(|d| d.since),
            Some(days_ago(10))
        );
        localized.compliance.country_policy = None;
        assert_eq!(consent_panel(&localized, now()).deletion, None);
    }

    #[test]
    fn consent_asked_and_never_answered_marks_once_the_window_passes() {
        let mut f = facts(
            ComplianceMode::Gdpr,
            LegitimateInterestOrContract,
            ExplicitConsent,
        );
        f.compliance.consent_asked_at = Some(days_ago(20));
        assert_eq!(consent_panel(&f, now()).deletion, None);
        f.compliance.consent_asked_at = Some(days_ago(45));
        let notice = consent_panel(&f, now()).deletion.expect("marked");
        assert_eq!(notice.reason, MarkReason::ConsentNotAnswered);
        assert_eq!(notice.since, days_ago(15));
    }

    fn purposes(panel: &ConsentPanel) -> Vec<Purpose> {
        panel.rows.iter().map(|r| r.purpose).collect()
    }

    #[test]
    fn each_combination_shows_the_purposes_that_rest_on_consent_and_contact() {
        use Purpose::*;
        let cases = [
            (
                LegitimateInterestOrContract,
                LegitimateInterestOrContract,
                vec![Contact],
            ),
            (
                LegitimateInterestOrContract,
                ExplicitConsent,
                vec![Retention, Contact],
            ),
            (
                ExplicitConsent,
                LegitimateInterestOrContract,
                vec![Processing, Contact],
            ),
            (
                ExplicitConsent,
                ExplicitConsent,
                vec![Processing, Retention, Contact],
            ),
        ];
        for (processing, retention, expected) in cases {
            let panel = consent_panel(&facts(ComplianceMode::Gdpr, processing, retention), now());
            assert_eq!(panel.variant, PanelVariant::Gdpr);
            assert_eq!(purposes(&panel), expected, "{processing:?}/{retention:?}");
        }
    }

    #[test]
    fn outside_the_scope_or_with_compliance_off_only_contact_shows() {
        let mut outside = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        outside.compliance.gdpr.country = CountryCode::parse("US").ok();
        let panel = consent_panel(&outside, now());
        assert_eq!(panel.variant, PanelVariant::NotProtected);
        assert_eq!(purposes(&panel), [Purpose::Contact]);
        assert!(
            panel.country_editable,
            "moving them into scope is the point of the pen"
        );

        let off = consent_panel(
            &facts(ComplianceMode::Off, ExplicitConsent, ExplicitConsent),
            now(),
        );
        assert_eq!(off.variant, PanelVariant::Off);
        assert!(!off.country_editable);
        assert_eq!(off.warning, None);
    }

    #[test]
    fn the_country_pen_shows_only_where_the_scope_depends_on_the_country() {
        for (scope, editable) in [
            (GdprScope::EuOnly, true),
            (GdprScope::EuAndUnknown, true),
            (GdprScope::All, false),
        ] {
            let mut f = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
            f.compliance.scope = scope;
            assert_eq!(
                consent_panel(&f, now()).country_editable,
                editable,
                "{scope:?}"
            );
        }
        let mut overridden = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        overridden.compliance.gdpr.country_override = CountryCode::parse("FR").ok();
        assert_eq!(
            consent_panel(&overridden, now()).gdpr_country,
            CountryCode::parse("FR").ok()
        );
    }

    #[test]
    fn the_warning_shows_when_retention_ran_out_or_consent_was_refused() {
        let archived = |days: i64| OpportunityFacts {
            archived_at: Some(days_ago(days)),
            hired: false,
        };
        let mut f = facts(
            ComplianceMode::Localized,
            LegitimateInterestOrContract,
            LegitimateInterestOrContract,
        );
        f.compliance.country_policy = Some(CountryPolicy {
            country: de().unwrap(),
            retention_days: 180,
        });

        f.compliance.opportunities = vec![archived(400), archived(200)];
        let panel = consent_panel(&f, now());
        assert_eq!(
            panel.retention_days, 180,
            "the country's period, not the default"
        );
        assert_eq!(
            panel.warning,
            Some(PanelWarning::RetentionPassed {
                since: days_ago(20)
            })
        );

        f.compliance.opportunities = vec![archived(400), archived(100)];
        assert_eq!(
            consent_panel(&f, now()).warning,
            None,
            "newest archive within the period"
        );

        f.compliance.opportunities = vec![
            archived(400),
            OpportunityFacts {
                archived_at: None,
                hired: false,
            },
        ];
        assert_eq!(consent_panel(&f, now()).warning, None, "one still active");

        f.compliance.opportunities = vec![OpportunityFacts {
            archived_at: Some(days_ago(900)),
            hired: true,
        }];
        assert_eq!(
            consent_panel(&f, now()).warning,
            None,
            "hired people are kept"
        );

        let mut revoked = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        revoked.compliance.retention = ConsentStatus::NotProvidedOrRevoked { since: days_ago(1) };
        assert_eq!(
            consent_panel(&revoked, now()).warning,
            Some(PanelWarning::ConsentRefused)
        );
        let mut expired = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        expired.compliance.processing = ConsentStatus::Expired { since: days_ago(1) };
        assert_eq!(
            consent_panel(&expired, now()).warning,
            Some(PanelWarning::ConsentRefused)
        );
    }

    #[test]
    fn contacting_needs_confirmation_for_each_reason_and_is_refused_once_anonymized() {
        use ContactWarning::*;
        let clear = consent_panel(
            &facts(
                ComplianceMode::Gdpr,
                LegitimateInterestOrContract,
                LegitimateInterestOrContract,
            ),
            now(),
        );
        assert_eq!(contact_check(&clear, false, false), ContactCheck::Clear);
        assert_eq!(contact_check(&clear, true, false), ContactCheck::Refused);
        assert_eq!(
            contact_check(&clear, false, true),
            ContactCheck::ConfirmFirst(vec![PendingErasure])
        );

        let mut unsubscribed = facts(
            ComplianceMode::Gdpr,
            LegitimateInterestOrContract,
            LegitimateInterestOrContract,
        );
        unsubscribed.contact_by_email = ContactPermission::DoNotContact;
        unsubscribed.compliance.opportunities = vec![OpportunityFacts {
            archived_at: Some(days_ago(800)),
            hired: false,
        }];
        assert_eq!(
            contact_check(&consent_panel(&unsubscribed, now()), false, false),
            ContactCheck::ConfirmFirst(vec![DoNotContact, LegitimateInterestExpired])
        );

        let mut revoked = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        revoked.compliance.processing = ConsentStatus::NotProvidedOrRevoked { since: days_ago(2) };
        assert_eq!(
            contact_check(&consent_panel(&revoked, now()), false, false),
            ContactCheck::ConfirmFirst(vec![PendingRevocation])
        );

        // Under retention consent, an old archive is a consent question, not an expired interest.
        let mut kept_by_consent = facts(
            ComplianceMode::Gdpr,
            LegitimateInterestOrContract,
            ExplicitConsent,
        );
        kept_by_consent.compliance.retention = ConsentStatus::Given {
            since: days_ago(900),
            expires_at: None,
        };
        kept_by_consent.compliance.opportunities = vec![OpportunityFacts {
            archived_at: Some(days_ago(800)),
            hired: false,
        }];
        assert_eq!(
            contact_check(&consent_panel(&kept_by_consent, now()), false, false),
            ContactCheck::Clear
        );
    }

    #[test]
    fn do_not_contact_follows_the_email_and_under_consent_the_archive() {
        let mut unsubscribed = facts(
            ComplianceMode::Gdpr,
            LegitimateInterestOrContract,
            LegitimateInterestOrContract,
        );
        unsubscribed.contact_by_email = ContactPermission::DoNotContact;
        assert!(consent_panel(&unsubscribed, now()).do_not_contact);

        let mut archived_without_consent =
            facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        archived_without_consent.compliance.opportunities = vec![OpportunityFacts {
            archived_at: Some(days_ago(3)),
            hired: false,
        }];
        assert!(consent_panel(&archived_without_consent, now()).do_not_contact);
        archived_without_consent.compliance.retention = ConsentStatus::Given {
            since: days_ago(10),
            expires_at: None,
        };
        assert!(!consent_panel(&archived_without_consent, now()).do_not_contact);

        let active = facts(ComplianceMode::Gdpr, ExplicitConsent, ExplicitConsent);
        assert!(!consent_panel(&active, now()).do_not_contact);
    }
}
