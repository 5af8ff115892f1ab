//! Searching candidates by any part of a name or an address (SPEC §7).
//!
//! The trigram index answers a term that holds three letters or digits in a row; anything shorter
//! ("al", "a.b") would have to read every candidate, so such a term looks through the most
//! recently active candidates only, and the page says so.

/// Longest search text taken; the form says so with `maxlength`.
pub const MAX_SEARCH_CHARS: usize = 200;

/// How many of the most recently active candidates a short term looks through.
pub const SHORT_TERM_WINDOW: i64 = 5_000;

/// Letters or digits in a row that make a term reach every candidate.
const INDEXED_RUN: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm {
    pattern: String,
    reaches_everyone: bool,
}

impl SearchTerm {
    /// `None` for a blank search. Control characters are dropped (no name or address holds one,
    /// and the indexed text separates addresses with a newline), the rest is matched literally.
    pub fn parse(text: &str) -> Option<Self> {
        let text: String = text
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .chars()
            .take(MAX_SEARCH_CHARS)
            .collect();
        if text.is_empty() {
            return None;
        }
        let mut pattern = String::with_capacity(text.len() + 2);
        pattern.push('%');
        for c in text.chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        Some(Self {
            pattern,
            reaches_everyone: longest_alphanumeric_run(&text) >= INDEXED_RUN,
        })
    }

    /// `%text%` for ILIKE, with `%`, `_` and `\` in the text escaped.
    pub fn like_pattern(&self) -> &str {
        &self.pattern
    }

    /// False when the term is too short for the index: it then looks through the
    /// [`SHORT_TERM_WINDOW`] most recently active candidates.
    pub fn reaches_everyone(&self) -> bool {
        self.reaches_everyone
    }
}

fn longest_alphanumeric_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c.is_alphanumeric() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str) -> Option<String> {
        SearchTerm::parse(text).map(|t| t.like_pattern().to_owned())
    }

    #[test]
    fn search_text_is_matched_literally_anywhere() {
        assert_eq!(pattern("  "), None);
        assert_eq!(pattern("ada").as_deref(), Some("%ada%"));
        assert_eq!(pattern("50%_off\\").as_deref(), Some("%50\\%\\_off\\\\%"));
        assert_eq!(
            pattern(&"x".repeat(500)).unwrap().len(),
            MAX_SEARCH_CHARS + 2
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(pattern("ada\nmarker\t").as_deref(), Some("%adamarker%"));
        assert_eq!(pattern("\n\u{7}"), None);
    }

    #[test]
    fn only_three_letters_or_digits_in_a_row_reach_everyone() {
        let reach = |t: &str| SearchTerm::parse(t).unwrap().reaches_everyone();
        assert!(reach("ada"));
        assert!(reach("zoë"));
        assert!(reach("a.b@exa"));
        assert!(reach("123"));
        assert!(!reach("al"));
        assert!(!reach("a.b@ex"));
        assert!(!reach("%_%"));
    }
}
