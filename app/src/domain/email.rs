//! Email addresses, validated once when parsed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid email address.
///
/// It is kept in one canonical form: a bare `local@domain.tld`, lower-cased, with no display name
/// (`Ada <ada@x.org>`), no domain literal (`x@[10.0.0.1]`), no quoted local part and no trailing
/// dot. Matching between candidates (do-not-contact, fresh-link requests, uniqueness) compares
/// these forms, so none of those spellings can sidestep it. Providers differ on local-part case,
/// but treating `Ann@x.org` and `ann@x.org` as one person is what recruiters and candidates expect.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("Please enter an email address.")]
    Empty,
    #[error("That doesn't look like an email address (something like name@example.com).")]
    Invalid,
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        // email_address implements RFC 5322 addr-spec; we accept only the bare form, with a
        // dotted domain (a recruiting product never mails `root@localhost`).
        let options = email_address::Options::default()
            .without_display_text()
            .without_domain_literal()
            .with_required_tld();
        let parsed = email_address::EmailAddress::parse_with_options(trimmed, options)
            .map_err(|_| EmailError::Invalid)?;
        let odd = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>');
        if parsed.as_str() != trimmed
            || trimmed.len() > 254
            || trimmed.chars().any(odd)
            || parsed.domain().ends_with('.')
            || parsed.domain().starts_with('.')
        {
            return Err(EmailError::Invalid);
        }
        Ok(Self(trimmed.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to match one person's addresses across records (the canonical form).
    pub fn normalized(&self) -> String {
        self.0.clone()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalizes_addresses() {
        let cases: &[(&str, Result<&str, EmailError>)] = &[
            ("ann@example.com", Ok("ann@example.com")),
            ("  Ann.Lee@Example.COM ", Ok("ann.lee@example.com")),
            ("a+tag@sub.example.org", Ok("a+tag@sub.example.org")),
            ("", Err(EmailError::Empty)),
            ("   ", Err(EmailError::Empty)),
            ("ann", Err(EmailError::Invalid)),
            ("ann@", Err(EmailError::Invalid)),
            ("@example.com", Err(EmailError::Invalid)),
            ("ann@localhost", Err(EmailError::Invalid)),
            ("ann@@example.com", Err(EmailError::Invalid)),
            ("ann example@example.com", Err(EmailError::Invalid)),
            // One canonical form: no display names, domain literals, quotes or trailing dots.
            ("Ada <ada@x.org>", Err(EmailError::Invalid)),
            ("<ada@x.org>", Err(EmailError::Invalid)),
            ("x@[10.0.0.1]", Err(EmailError::Invalid)),
            ("\"ada lovelace\"@x.org", Err(EmailError::Invalid)),
            ("ada@x.org.", Err(EmailError::Invalid)),
            ("ada@x..org", Err(EmailError::Invalid)),
            ("ada@x.org\n", Ok("ada@x.org")),
            ("ada\n@x.org", Err(EmailError::Invalid)),
        ];
        for (input, expected) in cases {
            let got = EmailAddress::parse(input).map(|e| e.normalized());
            assert_eq!(
                got.as_deref().map_err(Clone::clone),
                expected.clone(),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn stores_the_one_canonical_form() {
        assert_eq!(
            EmailAddress::parse(" Ann@Example.com").unwrap().as_str(),
            "ann@example.com"
        );
        assert_eq!(
            EmailAddress::parse("ANN@example.com"),
            EmailAddress::parse("ann@EXAMPLE.com")
        );
    }
}
