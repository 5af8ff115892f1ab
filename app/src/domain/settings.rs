//! Compliance settings and who they protect (SPEC §5).

use super::{text_enum, CountryCode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplianceMode {
    Off,
    Gdpr,
    Localized,
}
text_enum!(ComplianceMode { Off => "off", Gdpr => "gdpr", Localized => "localized" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GdprScope {
    /// The candidate's country, or the country of any of their postings, is in the EEA.
    EuOnly,
    /// As `EuOnly`, and also candidates whose country is unknown.
    EuAndUnknown,
    /// Everyone.
    All,
}
text_enum!(GdprScope { EuOnly => "eu_only", EuAndUnknown => "eu_and_unknown", All => "all" });

impl GdprScope {
    /// Recruiters may change a candidate's GDPR country by hand only where the country decides.
    pub fn country_is_editable(self) -> bool {
        matches!(self, GdprScope::EuOnly | GdprScope::EuAndUnknown)
    }
}

/// The facts about one candidate that decide whether GDPR protects them.
#[derive(Debug, Clone, Default)]
pub struct GdprFacts {
    /// From the candidate's location.
    pub country: Option<CountryCode>,
    /// Set by a recruiter; replaces `country` when present.
    pub country_override: Option<CountryCode>,
    /// Countries of the postings the candidate applied to (`None` = posting without a country).
    pub posting_countries: Vec<Option<CountryCode>>,
}

/// Whether GDPR handling (consent, notices, retention marking) applies to a candidate.
pub fn gdpr_applies(mode: ComplianceMode, scope: GdprScope, facts: &GdprFacts) -> bool {
    if mode != ComplianceMode::Gdpr {
        return false;
    }
    let country = facts.country_override.or(facts.country);
    let eea_country = country.is_some_and(|c| c.is_eea());
    let eea_posting = facts
        .posting_countries
        .iter()
        .flatten()
        .any(CountryCode::is_eea);
    match scope {
        GdprScope::All => true,
        GdprScope::EuOnly => eea_country || eea_posting,
        GdprScope::EuAndUnknown => eea_country || eea_posting || country.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Option<CountryCode> {
        Some(CountryCode::parse(code).unwrap())
    }

    #[test]
    fn gdpr_applicability_by_scope() {
        use GdprScope::*;
        // scope, candidate country, recruiter's override, posting countries, applies
        #[rustfmt::skip]
        let cases = [
            (EuOnly, c("DE"), None, vec![], true),
            (EuOnly, c("US"), None, vec![], false),
            (EuOnly, c("US"), None, vec![c("FR")], true),
            (EuOnly, c("US"), None, vec![None, c("GB")], false),
            (EuOnly, None, None, vec![], false),
            (EuOnly, c("US"), c("NO"), vec![], true),
            (EuOnly, c("DE"), c("US"), vec![], false),
            (EuAndUnknown, None, None, vec![], true),
            (EuAndUnknown, c("GB"), None, vec![], false),
            (EuAndUnknown, None, c("US"), vec![], false),
            (All, c("US"), None, vec![], true),
            (All, None, None, vec![], true),
        ];
        for (i, (scope, country, country_override, posting_countries, applies)) in
            cases.into_iter().enumerate()
        {
            let facts = GdprFacts {
                country,
                country_override,
                posting_countries,
            };
            assert_eq!(
                gdpr_applies(ComplianceMode::Gdpr, scope, &facts),
                applies,
                "case {i}"
            );
        }
    }

    #[test]
    fn gdpr_never_applies_outside_gdpr_mode() {
        let facts = GdprFacts {
            country: c("DE"),
            ..Default::default()
        };
        for mode in [ComplianceMode::Off, ComplianceMode::Localized] {
            assert!(!gdpr_applies(mode, GdprScope::All, &facts));
        }
    }

    #[test]
    fn country_editable_only_where_country_decides() {
        assert!(GdprScope::EuOnly.country_is_editable());
        assert!(GdprScope::EuAndUnknown.country_is_editable());
        assert!(!GdprScope::All.country_is_editable());
    }

    #[test]
    fn enum_spellings_round_trip() {
        for mode in ComplianceMode::ALL {
            assert_eq!(mode.as_str().parse::<ComplianceMode>().unwrap(), *mode);
        }
        for scope in GdprScope::ALL {
            assert_eq!(scope.as_str().parse::<GdprScope>().unwrap(), *scope);
        }
        assert!("eu".parse::<GdprScope>().is_err());
    }
}
