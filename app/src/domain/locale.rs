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
}
super::text_enum!(Locale { En => "en", De => "de", Fr => "fr", Es => "es", It => "it", Nl => "nl" });

impl Locale {
    /// The language a BCP 47 tag names, by its primary subtag: `de-AT` reads as German.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
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
        }
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
/// translation for (a stored `pt`) passes the choice on to the next.
pub fn choose(facts: &LocaleFacts<'_>, default: Locale) -> Locale {
    facts
        .picked
        .into_iter()
        .chain(facts.stored)
        .chain(facts.accepted.iter().copied())
        .find_map(Locale::from_tag)
        .unwrap_or(default)
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
        assert_eq!(choose(&facts, Locale::Nl), Locale::It);
    }

    #[test]
    fn the_stored_language_wins_over_the_browser() {
        let facts = LocaleFacts {
            picked: None,
            stored: Some("es"),
            accepted: vec!["fr-FR", "en"],
        };
        assert_eq!(choose(&facts, Locale::En), Locale::Es);
    }

    #[test]
    fn the_browser_language_applies_when_nothing_is_stored_and_unknown_ones_are_skipped() {
        let facts = LocaleFacts {
            picked: None,
            stored: Some("pt"),
            accepted: vec!["pl", "nl-BE", "de"],
        };
        assert_eq!(choose(&facts, Locale::En), Locale::Nl);
    }

    #[test]
    fn the_organization_default_applies_last() {
        let facts = LocaleFacts {
            picked: None,
            stored: None,
            accepted: vec!["ja", "*"],
        };
        assert_eq!(choose(&facts, Locale::Fr), Locale::Fr);
        assert_eq!(choose(&LocaleFacts::default(), Locale::De), Locale::De);
    }
}
