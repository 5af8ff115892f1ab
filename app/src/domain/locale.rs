//! The languages candidates can read Candor in, and which one a candidate gets.

use serde::{Deserialize, Serialize};

/// A language every candidate-facing surface is complete in (a test holds each to the English
/// source, message by message).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Locale {
    /// The source language, and the last resort.
    #[default]
    En,
    De,
    Fr,
    Es,
    It,
    Nl,
    /// `en-XA`: English with every sentence 40 % longer and its letters accented, to show what
    /// a longer language does to a layout. Never stored, never offered; a server option.
    Pseudo,
}

impl Locale {
    /// The languages candidates can have (the pseudo-locale is not one).
    pub const ALL: &'static [Locale] = &[
        Locale::En,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::It,
        Locale::Nl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Nl => "nl",
            Locale::Pseudo => PSEUDO_TAG,
        }
    }

    /// The language a BCP 47 tag names, by its primary subtag: `de-AT` reads as German; `en-XA`
    /// is the pseudo-locale.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if tag.eq_ignore_ascii_case(PSEUDO_TAG) {
            return Some(Locale::Pseudo);
        }
        let primary = tag.split(['-', '_']).next()?;
        primary.to_ascii_lowercase().parse().ok()
    }

    /// The language's own name, as a language switcher lists it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::It => "Italiano",
            Locale::Nl => "Nederlands",
            Locale::Pseudo => "Ƥšéûðö",
        }
    }
}

/// The pseudo-locale's tag (Android's and Windows' convention for accented English).
pub const PSEUDO_TAG: &str = "en-XA";

/// Only the six real languages read from storage and forms.
impl std::str::FromStr for Locale {
    type Err = super::UnknownValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::ALL
            .iter()
            .copied()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| super::UnknownValue {
                kind: "Locale",
                value: s.to_owned(),
            })
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What decides a candidate's language, strongest first (the rule is `choose`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleFacts<'a> {
    /// Picked on the candidate's page with the language switcher.
    pub picked: Option<&'a str>,
    /// Stored on the candidate: from the application form, the API or an import.
    pub stored: Option<&'a str>,
    /// The browser's languages, most preferred first (`Accept-Language`, sorted by weight).
    pub accepted: Vec<&'a str>,
}

/// The language a candidate reads: the one they picked, else their stored one, else the first of
/// the browser's languages Candor has, else the organization's default. A value Candor has no
/// translation for (a stored `pt`) passes the choice on to the next. Only a browser may ask for
/// the pseudo-locale, and only where `pseudo` allows it.
pub fn choose(facts: &LocaleFacts<'_>, default: Locale, pseudo: bool) -> Locale {
    let stored = facts
        .picked
        .into_iter()
        .chain(facts.stored)
        .filter_map(Locale::from_tag)
        .filter(|l| *l != Locale::Pseudo);
    let browser = facts
        .accepted
        .iter()
        .filter_map(|tag| Locale::from_tag(tag))
        .filter(|l| pseudo || *l != Locale::Pseudo);
    stored.chain(browser).next().unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_by_their_primary_language() {
        assert_eq!(Locale::from_tag("de-AT"), Some(Locale::De));
        assert_eq!(Locale::from_tag("FR_ca"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("nl"), Some(Locale::Nl));
        assert_eq!(Locale::from_tag("pt-BR"), None);
        assert_eq!(Locale::from_tag("*"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn the_picked_language_wins_over_everything() {
        let facts = LocaleFacts {
            picked: Some("it"),
            stored: Some("de"),
            accepted: vec!["fr"],
        };
        assert_eq!(choose(&facts, Locale::Nl, false), Locale::It);
    }

    #[test]
    fn the_stored_language_wins_over_the_browser() {
        let facts = LocaleFacts {
            picked: None,
            stored: Some("es"),
            accepted: vec!["fr-FR", "en"],
        };
        assert_eq!(choose(&facts, Locale::En, false), Locale::Es);
    }

    #[test]
    fn the_browser_language_applies_when_nothing_is_stored_and_unknown_ones_are_skipped() {
        let facts = LocaleFacts {
            picked: None,
            stored: Some("pt"),
            accepted: vec!["pl", "nl-BE", "de"],
        };
        assert_eq!(choose(&facts, Locale::En, false), Locale::Nl);
    }

    #[test]
    fn the_pseudo_locale_is_only_for_a_browser_and_only_where_allowed() {
        let asking = LocaleFacts {
            picked: None,
            stored: None,
            accepted: vec!["en-XA", "de"],
        };
        assert_eq!(choose(&asking, Locale::En, true), Locale::Pseudo);
        assert_eq!(choose(&asking, Locale::En, false), Locale::De);
        let stored = LocaleFacts {
            picked: Some("en-XA"),
            stored: None,
            accepted: vec![],
        };
        assert_eq!(choose(&stored, Locale::Fr, true), Locale::Fr);
        assert!("en-XA".parse::<Locale>().is_err());
        assert!(!Locale::ALL.contains(&Locale::Pseudo));
    }

    #[test]
    fn the_organization_default_applies_last() {
        let facts = LocaleFacts {
            picked: None,
            stored: None,
            accepted: vec!["ja", "*"],
        };
        assert_eq!(choose(&facts, Locale::Fr, false), Locale::Fr);
        assert_eq!(
            choose(&LocaleFacts::default(), Locale::De, false),
            Locale::De
        );
    }
}
