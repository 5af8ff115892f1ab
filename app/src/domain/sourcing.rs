//! A candidate added by hand (sourced, SPEC §5): what the recruiter must give, and whether the
//! data-collection notice goes to them.

use super::{
    preferences::{email_address, phone_number, Field, FieldError, Problem},
    settings::{gdpr_applies, GdprFacts},
    ComplianceMode, CountryCode, EmailAddress, GdprScope,
};
use serde::{Deserialize, Serialize};

/// The "Add a candidate" form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourcedForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    /// The posting they are sourced for, if any (its id).
    pub posting: String,
}

/// A valid sourced candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced {
    pub name: String,
    pub email: EmailAddress,
    pub phone: Option<String>,
    pub country: Option<CountryCode>,
    pub posting: Option<uuid::Uuid>,
}

impl Sourced {
    pub fn parse(form: &SourcedForm) -> Result<Self, FieldError> {
        let name = Field::Name.required(&form.name)?;
        let email = email_address(&form.email)?;
        let phone = phone_number(Some(&form.phone))?;
        let country = match form.country.trim() {
            "" => None,
            code => {
                Some(CountryCode::parse(code).map_err(|_| Field::Country.error(Problem::Invalid))?)
            }
        };
        let posting = match form.posting.trim() {
            "" => None,
            id => Some(
                id.parse()
                    .map_err(|_| Field::Posting.error(Problem::Invalid))?,
            ),
        };
        Ok(Self {
            name,
            email,
            phone,
            country,
            posting,
        })
    }
}

/// Whether the data-collection notice (with the consent link) goes to a sourced candidate: when
/// GDPR protects them, judged by their country and the posting's.
pub fn notice_due(
    mode: ComplianceMode,
    scope: GdprScope,
    country: Option<CountryCode>,
    posting_country: Option<Option<CountryCode>>,
) -> bool {
    gdpr_applies(
        mode,
        scope,
        &GdprFacts {
            country,
            country_override: None,
            posting_countries: posting_country.into_iter().collect(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Option<CountryCode> {
        CountryCode::parse(code).ok()
    }

    #[test]
    fn a_sourced_candidate_needs_a_name_and_a_valid_email() {
        let form = SourcedForm {
            name: " Mia Park ".into(),
            email: "mia@example.com".into(),
            phone: "".into(),
            country: "fr".into(),
            posting: "".into(),
        };
        let sourced = Sourced::parse(&form).unwrap();
        assert_eq!(sourced.name, "Mia Park");
        assert_eq!(sourced.country, c("FR"));
        assert_eq!((sourced.phone, sourced.posting), (None, None));
        for (edit, field, problem) in [
            (
                SourcedForm {
                    name: " ".into(),
                    ..form.clone()
                },
                Field::Name,
                Problem::Required,
            ),
            (
                SourcedForm {
                    email: "mia".into(),
                    ..form.clone()
                },
                Field::Email,
                Problem::Invalid,
            ),
            (
                SourcedForm {
                    country: "France".into(),
                    ..form.clone()
                },
                Field::Country,
                Problem::Invalid,
            ),
        ] {
            assert_eq!(Sourced::parse(&edit), Err(FieldError { field, problem }));
        }
    }

    #[test]
    fn the_notice_goes_where_gdpr_protects_them() {
        use ComplianceMode::*;
        use GdprScope::*;
        assert!(notice_due(Gdpr, EuOnly, c("DE"), None));
        assert!(!notice_due(Gdpr, EuOnly, c("US"), None));
        assert!(notice_due(Gdpr, EuOnly, c("US"), Some(c("IE"))));
        assert!(!notice_due(Gdpr, EuOnly, None, Some(None)));
        assert!(notice_due(Gdpr, EuAndUnknown, None, None));
        assert!(notice_due(Gdpr, All, c("US"), None));
        assert!(!notice_due(Off, All, c("DE"), None));
        assert!(!notice_due(Localized, All, c("DE"), None));
    }
}
