//! Email addresses, validated once when parsed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid email address.
///
/// Matching between candidates (do-not-contact, fresh-link requests, uniqueness) uses
/// [`EmailAddress::normalized`]: the whole address lower-cased. Providers differ on local-part case,
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
        // email_address implements RFC 5322 addr-spec; we additionally require a dotted domain,
        // since a recruiting product never mails `root@localhost`.
        let parsed: email_address::EmailAddress =
            trimmed.parse().map_err(|_| EmailError::Invalid)?;
        if !parsed.domain().contains('.') || trimmed.len() > 254 {
            return Err(EmailError::Invalid);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to match one person's addresses across records.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
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
    fn keeps_the_address_as_written_for_display() {
        assert_eq!(
            EmailAddress::parse(" Ann@Example.com").unwrap().as_str(),
            "Ann@Example.com"
        );
    }
}
