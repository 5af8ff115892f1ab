//! Countries (ISO 3166-1 alpha-2) and which of them GDPR covers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code, upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a two-letter country code (ISO 3166-1, like DE or US)")]
pub struct CountryError(pub String);

/// The European Economic Area: EU-27 plus Iceland, Liechtenstein and Norway.
pub const EEA: [&str; 30] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", // EU-27
    "IS", "LI", "NO",
];

impl CountryCode {
    pub fn parse(input: &str) -> Result<Self, CountryError> {
        let trimmed = input.trim();
        match trimmed.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(CountryError(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        // Always two ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's English short name, for an assigned ISO 3166-1 code.
    pub fn name(&self) -> Option<&'static str> {
        isocountry::CountryCode::for_alpha2(self.as_str())
            .ok()
            .map(|c| c.name())
    }

    /// Every assigned country, by name: what a country picker offers.
    pub fn all() -> Vec<(CountryCode, &'static str)> {
        let mut all: Vec<(CountryCode, &'static str)> = isocountry::CountryCode::iter()
            .filter_map(|c| Some((CountryCode::parse(c.alpha2()).ok()?, c.name())))
            .collect();
        all.sort_by(|a, b| a.1.cmp(b.1));
        all
    }

    /// Whether GDPR protects people in this country (shown as "EU" in country pickers).
    pub fn is_eea(&self) -> bool {
        EEA.contains(&self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = CountryError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> Self {
        value.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assigned_country_is_offered_by_name_and_the_eea_is_thirty_of_them() {
        let all = CountryCode::all();
        assert!(all.len() >= 249, "{}", all.len());
        assert!(all.windows(2).all(|w| w[0].1 <= w[1].1), "sorted by name");
        assert_eq!(all.iter().filter(|(c, _)| c.is_eea()).count(), 30);
        assert_eq!(CountryCode::parse("se").unwrap().name(), Some("Sweden"));
        assert_eq!(CountryCode::parse("XX").unwrap().name(), None);
    }

    #[test]
    fn parses_two_letter_codes_only() {
        assert_eq!(CountryCode::parse("de").unwrap().as_str(), "DE");
        assert_eq!(CountryCode::parse(" Fr ").unwrap().as_str(), "FR");
        for bad in ["", "D", "DEU", "D1", "ü1"] {
            assert!(
                CountryCode::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn knows_the_eea() {
        let cases = [
            ("DE", true),
            ("FR", true),
            ("IE", true),
            ("NO", true),
            ("IS", true),
            ("LI", true),
            ("GB", false),
            ("CH", false),
            ("US", false),
        ];
        for (code, eea) in cases {
            assert_eq!(CountryCode::parse(code).unwrap().is_eea(), eea, "{code}");
        }
        assert_eq!(EEA.len(), 30);
    }
}
