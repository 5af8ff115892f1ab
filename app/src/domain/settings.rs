//! Compliance settings and who they protect (SPEC §5).

use super::{
    anonymization::PersonalField,
    lawful_basis::Combination,
    preferences::{Field, FieldError, Problem},
    text_enum, CountryCode, EmailAddress,
};
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
    // A recruiter's choice of country decides for the candidate and their opportunities alike
    // (reference 001): it can take a candidate out of scope whose posting is in the EEA.
    if let Some(chosen) = facts.country_override {
        return scope == GdprScope::All || chosen.is_eea();
    }
    let country = facts.country;
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

/// The compliance settings as a Super Admin posts them (SPEC §5): text, as typed. A field left
/// out (an unticked checkbox) is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub organization_name: String,
    pub reply_to: String,
    pub privacy_policy_url: String,
    pub data_protection_contact: String,
    pub compliance_mode: String,
    pub gdpr_scope: String,
    pub processing_basis: String,
    pub retention_basis: String,
    pub retention_days: String,
    pub consent_validity_days: String,
    pub consent_answer_window_days: String,
    pub anonymization_grace_days: String,
    pub owner_alert_includes_name: bool,
    pub admin_digest: bool,
    /// Applicants are emailed a confirmation with their preferences link.
    pub application_confirmation: bool,
    /// The organization's IANA time zone.
    pub time_zone: String,
    /// The language of candidate pages and emails when nothing says the candidate's (`en`…).
    #[serde(default)]
    pub default_locale: String,
    /// `#rrggbb`, or empty for Candor's own blue.
    #[serde(default)]
    pub accent_colour: String,
}

/// Who the organization is, as candidate pages name it: its privacy policy and data-protection
/// contact where the settings give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    pub privacy_policy_url: Option<String>,
    pub data_protection_contact: Option<String>,
}

impl From<&ComplianceSettings> for Organization {
    fn from(settings: &ComplianceSettings) -> Self {
        Organization {
            name: settings.organization_name.clone(),
            privacy_policy_url: settings.privacy_policy_url.clone(),
            data_protection_contact: settings.data_protection_contact.clone(),
        }
    }
}

/// Valid compliance settings, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceSettings {
    pub organization_name: String,
    pub reply_to: Option<String>,
    pub privacy_policy_url: Option<String>,
    pub data_protection_contact: Option<String>,
    pub mode: ComplianceMode,
    pub scope: GdprScope,
    pub combination: Combination,
    pub retention_days: i32,
    /// None: consent does not expire.
    pub consent_validity_days: Option<i32>,
    pub consent_answer_window_days: i32,
    pub anonymization_grace_days: i32,
    pub owner_alert_includes_name: bool,
    /// Admins get a daily digest of open, due-soon and overdue requests.
    pub admin_digest: bool,
    /// Every applicant is emailed a confirmation with their preferences link (Lever gives the
    /// consent link "as part of the application process").
    pub application_confirmation: bool,
    /// The organization's time zone (a valid IANA name): where a scheduled email's time is read
    /// when the sender's browser doesn't say its own.
    pub time_zone: String,
    /// The language of candidate pages and emails when nothing says the candidate's.
    pub default_locale: super::locale::Locale,
    /// Buttons and links on candidate pages and in their emails (None: Candor's own).
    pub accent: Option<super::branding::Accent>,
}

impl ComplianceSettings {
    /// How long a given consent lasts (None: it does not expire).
    pub fn consent_validity(&self) -> Option<chrono::Duration> {
        self.consent_validity_days
            .map(|d| chrono::Duration::days(d.into()))
    }

    /// Every field checked, the first problem named.
    pub fn parse(form: &SettingsForm) -> Result<Self, super::error::AppError> {
        let organization_name = Field::Organization
            .optional(Some(&form.organization_name))?
            .ok_or(Field::Organization.error(Problem::Required))?;
        let reply_to = Field::ReplyTo
            .optional(Some(&form.reply_to))?
            .map(|e| {
                EmailAddress::parse(&e)
                    .map(String::from)
                    .map_err(|_| Field::ReplyTo.error(Problem::Invalid))
            })
            .transpose()?;
        let privacy_policy_url = Field::PrivacyPolicy
            .optional(Some(&form.privacy_policy_url))?
            .map(|u| {
                let host = u
                    .strip_prefix("https://")
                    .or_else(|| u.strip_prefix("http://"))
                    .and_then(|rest| rest.split('/').next())
                    .unwrap_or_default();
                if !host.is_empty() && !u.contains(char::is_whitespace) {
                    Ok(u)
                } else {
                    Err(Field::PrivacyPolicy.error(Problem::Invalid))
                }
            })
            .transpose()?;
        let data_protection_contact =
            Field::DataProtectionContact.optional(Some(&form.data_protection_contact))?;
        let choice = |field: Field, raw: &str| {
            Field::optional(field, Some(raw))?.ok_or(field.error(Problem::Required))
        };
        fn parsed<T: std::str::FromStr>(field: Field, raw: String) -> Result<T, FieldError> {
            raw.parse().map_err(|_| field.error(Problem::Invalid))
        }
        let mode = parsed(Field::Mode, choice(Field::Mode, &form.compliance_mode)?)?;
        let scope = parsed(Field::Scope, choice(Field::Scope, &form.gdpr_scope)?)?;
        let combination = Combination {
            processing: parsed(
                Field::ProcessingBasis,
                choice(Field::ProcessingBasis, &form.processing_basis)?,
            )?,
            retention: parsed(
                Field::RetentionBasis,
                choice(Field::RetentionBasis, &form.retention_basis)?,
            )?,
        };
        let days = |field: Field, raw: &str, range: std::ops::RangeInclusive<i32>| {
            let text = choice(field, raw)?;
            text.parse::<i32>()
                .ok()
                .filter(|d| range.contains(d))
                .ok_or(field.error(Problem::Invalid))
        };
        let retention_days = days(Field::RetentionDays, &form.retention_days, 1..=36500)?;
        let consent_validity_days = if form.consent_validity_days.trim().is_empty() {
            None
        } else {
            Some(days(
                Field::ConsentValidityDays,
                &form.consent_validity_days,
                1..=36500,
            )?)
        };
        let consent_answer_window_days = days(
            Field::AnswerWindowDays,
            &form.consent_answer_window_days,
            1..=365,
        )?;
        let anonymization_grace_days =
            days(Field::GraceDays, &form.anonymization_grace_days, 0..=365)?;
        let time_zone = match form.time_zone.trim() {
            "" => "UTC".to_owned(),
            name => super::outreach::parse_zone(name)?.name().to_owned(),
        };
        let default_locale = match form.default_locale.trim() {
            "" => super::locale::Locale::En,
            tag => tag
                .parse::<super::locale::Locale>()
                .map_err(|_| Field::DefaultLocale.error(Problem::Invalid))?,
        };
        let accent = match form.accent_colour.trim() {
            "" => None,
            colour => Some(super::branding::Accent::parse(colour).map_err(
                |problem| match problem {
                    super::branding::AccentProblem::Malformed => {
                        super::error::AppError::Invalid(Field::Accent.error(Problem::Invalid))
                    }
                    super::branding::AccentProblem::LowContrast(ratio) => {
                        super::error::AppError::LowContrast {
                            hundredths: super::branding::ratio_in_hundredths(ratio),
                        }
                    }
                },
            )?),
        };
        Ok(Self {
            accent,
            default_locale,
            organization_name,
            reply_to,
            privacy_policy_url,
            data_protection_contact,
            mode,
            scope,
            combination,
            retention_days,
            consent_validity_days,
            consent_answer_window_days,
            anonymization_grace_days,
            owner_alert_includes_name: form.owner_alert_includes_name,
            admin_digest: form.admin_digest,
            application_confirmation: form.application_confirmation,
            time_zone,
        })
    }

    /// The form that shows these settings.
    pub fn to_form(&self) -> SettingsForm {
        SettingsForm {
            organization_name: self.organization_name.clone(),
            reply_to: self.reply_to.clone().unwrap_or_default(),
            privacy_policy_url: self.privacy_policy_url.clone().unwrap_or_default(),
            data_protection_contact: self.data_protection_contact.clone().unwrap_or_default(),
            compliance_mode: self.mode.as_str().into(),
            gdpr_scope: self.scope.as_str().into(),
            processing_basis: self.combination.processing.as_str().into(),
            retention_basis: self.combination.retention.as_str().into(),
            retention_days: self.retention_days.to_string(),
            consent_validity_days: self
                .consent_validity_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            consent_answer_window_days: self.consent_answer_window_days.to_string(),
            anonymization_grace_days: self.anonymization_grace_days.to_string(),
            owner_alert_includes_name: self.owner_alert_includes_name,
            admin_digest: self.admin_digest,
            application_confirmation: self.application_confirmation,
            time_zone: self.time_zone.clone(),
            default_locale: self.default_locale.as_str().into(),
            accent_colour: self
                .accent
                .as_ref()
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
        }
    }

    /// The names of the settings that differ from `before` (for the audit log: names, not values).
    pub fn changed_from(&self, before: &ComplianceSettings) -> Vec<&'static str> {
        let (a, b) = (self.to_form(), before.to_form());
        [
            (
                Field::Organization,
                a.organization_name != b.organization_name,
            ),
            (Field::ReplyTo, a.reply_to != b.reply_to),
            (
                Field::PrivacyPolicy,
                a.privacy_policy_url != b.privacy_policy_url,
            ),
            (
                Field::DataProtectionContact,
                a.data_protection_contact != b.data_protection_contact,
            ),
            (Field::Mode, a.compliance_mode != b.compliance_mode),
            (Field::Scope, a.gdpr_scope != b.gdpr_scope),
            (
                Field::ProcessingBasis,
                a.processing_basis != b.processing_basis,
            ),
            (
                Field::RetentionBasis,
                a.retention_basis != b.retention_basis,
            ),
            (Field::RetentionDays, a.retention_days != b.retention_days),
            (
                Field::ConsentValidityDays,
                a.consent_validity_days != b.consent_validity_days,
            ),
            (
                Field::AnswerWindowDays,
                a.consent_answer_window_days != b.consent_answer_window_days,
            ),
            (
                Field::GraceDays,
                a.anonymization_grace_days != b.anonymization_grace_days,
            ),
            (Field::TimeZone, a.time_zone != b.time_zone),
            (Field::DefaultLocale, a.default_locale != b.default_locale),
            (Field::Accent, a.accent_colour != b.accent_colour),
        ]
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(field, _)| field.as_str())
        .chain(
            (a.owner_alert_includes_name != b.owner_alert_includes_name)
                .then_some("owner_alert_includes_name"),
        )
        .chain((a.admin_digest != b.admin_digest).then_some("admin_digest"))
        .chain(
            (a.application_confirmation != b.application_confirmation)
                .then_some("application_confirmation"),
        )
        .collect()
    }
}

/// A localized-mode country policy as posted: one form per country. A removed field is present
/// in `removed` under its spelling (a ticked checkbox).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyForm {
    pub country: String,
    pub retention_days: String,
    pub enabled: bool,
    pub removed: std::collections::BTreeMap<String, String>,
}

/// A valid country policy (SPEC §5): its retention period and what anonymization removes there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySetting {
    pub country: CountryCode,
    pub retention_days: i32,
    pub enabled: bool,
    /// In `PersonalField::ALL` order.
    pub removed: Vec<PersonalField>,
}

impl PolicySetting {
    pub fn parse(form: &PolicyForm) -> Result<Self, FieldError> {
        let country = CountryCode::parse(form.country.trim())
            .map_err(|_| Field::Country.error(Problem::Invalid))?;
        let retention_days = form
            .retention_days
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|d| (1..=36500).contains(d))
            .ok_or(Field::RetentionDays.error(Problem::Invalid))?;
        let removed = PersonalField::ALL
            .iter()
            .copied()
            .filter(|f| form.removed.contains_key(f.as_str()))
            .collect();
        Ok(Self {
            country,
            retention_days,
            enabled: form.enabled,
            removed,
        })
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
            // The recruiter's choice decides over the postings too, both ways.
            (EuOnly, c("DE"), c("US"), vec![c("FR")], false),
            (EuAndUnknown, None, c("CH"), vec![c("AT")], false),
            (EuOnly, c("US"), c("SE"), vec![c("US")], true),
            (All, c("US"), c("US"), vec![], true),
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
    fn an_accent_colour_too_light_for_white_text_is_refused_with_its_ratio() {
        let mut f = form();
        f.accent_colour = "#ffcc00".into();
        assert_eq!(
            ComplianceSettings::parse(&f),
            Err(crate::domain::error::AppError::LowContrast { hundredths: 151 })
        );
        f.accent_colour = "#1D4ED8".into();
        let accent = ComplianceSettings::parse(&f).unwrap().accent.unwrap();
        assert_eq!(accent.as_str(), "#1d4ed8");
        f.accent_colour = String::new();
        assert_eq!(ComplianceSettings::parse(&f).unwrap().accent, None);
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

    fn form() -> SettingsForm {
        SettingsForm {
            organization_name: " Northwind Talent ".into(),
            reply_to: "privacy@northwind.example".into(),
            privacy_policy_url: "https://northwind.example/privacy".into(),
            data_protection_contact: "dpo@northwind.example".into(),
            compliance_mode: "gdpr".into(),
            gdpr_scope: "eu_only".into(),
            processing_basis: "explicit_consent".into(),
            retention_basis: "legitimate_interest_or_contract".into(),
            retention_days: "365".into(),
            consent_validity_days: "".into(),
            consent_answer_window_days: "30".into(),
            anonymization_grace_days: "0".into(),
            owner_alert_includes_name: true,
            admin_digest: false,
            application_confirmation: true,
            time_zone: "Europe/Berlin".into(),
            default_locale: "de".into(),
            accent_colour: "#1D4ED8".into(),
        }
    }

    #[test]
    fn a_valid_form_parses_and_shows_again_as_it_was_stored() {
        let settings = ComplianceSettings::parse(&form()).unwrap();
        assert_eq!(settings.organization_name, "Northwind Talent");
        assert_eq!(settings.combination.number(), 3);
        assert_eq!(settings.consent_validity_days, None);
        assert_eq!(settings.anonymization_grace_days, 0);
        assert_eq!(
            ComplianceSettings::parse(&settings.to_form()).unwrap(),
            settings
        );
    }

    #[test]
    fn each_bad_value_names_its_field() {
        type Edit = fn(&mut SettingsForm);
        let cases: [(Edit, Field, Problem); 12] = [
            (
                |f| f.organization_name = "  ".into(),
                Field::Organization,
                Problem::Required,
            ),
            (
                |f| f.reply_to = "not an address".into(),
                Field::ReplyTo,
                Problem::Invalid,
            ),
            (
                |f| f.privacy_policy_url = "javascript:alert(1)".into(),
                Field::PrivacyPolicy,
                Problem::Invalid,
            ),
            (
                |f| f.privacy_policy_url = "northwind.example".into(),
                Field::PrivacyPolicy,
                Problem::Invalid,
            ),
            (
                |f| f.compliance_mode = "strict".into(),
                Field::Mode,
                Problem::Invalid,
            ),
            (
                |f| f.gdpr_scope = "".into(),
                Field::Scope,
                Problem::Required,
            ),
            (
                |f| f.processing_basis = "consent".into(),
                Field::ProcessingBasis,
                Problem::Invalid,
            ),
            (
                |f| f.retention_days = "0".into(),
                Field::RetentionDays,
                Problem::Invalid,
            ),
            (
                |f| f.retention_days = "two years".into(),
                Field::RetentionDays,
                Problem::Invalid,
            ),
            (
                |f| f.consent_validity_days = "36501".into(),
                Field::ConsentValidityDays,
                Problem::Invalid,
            ),
            (
                |f| f.consent_answer_window_days = "366".into(),
                Field::AnswerWindowDays,
                Problem::Invalid,
            ),
            (
                |f| f.anonymization_grace_days = "-1".into(),
                Field::GraceDays,
                Problem::Invalid,
            ),
        ];
        for (edit, field, problem) in cases {
            let mut f = form();
            edit(&mut f);
            assert_eq!(
                ComplianceSettings::parse(&f),
                Err(crate::domain::error::AppError::Invalid(FieldError {
                    field,
                    problem
                })),
                "{field:?}"
            );
        }
    }

    #[test]
    fn the_audit_names_only_what_changed() {
        let before = ComplianceSettings::parse(&form()).unwrap();
        let mut f = form();
        f.retention_days = "400".into();
        f.owner_alert_includes_name = false;
        let after = ComplianceSettings::parse(&f).unwrap();
        assert_eq!(
            after.changed_from(&before),
            vec!["retention_days", "owner_alert_includes_name"]
        );
        assert!(before.changed_from(&before).is_empty());
    }

    #[test]
    fn a_country_policy_parses_its_country_period_and_ticked_fields() {
        let mut form = PolicyForm {
            country: " de ".into(),
            retention_days: "180".into(),
            enabled: true,
            removed: [("phones", "on"), ("name", "on"), ("everything", "on")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        };
        let policy = PolicySetting::parse(&form).unwrap();
        assert_eq!(policy.country.as_str(), "DE");
        assert_eq!(policy.retention_days, 180);
        assert_eq!(
            policy.removed,
            vec![PersonalField::Name, PersonalField::Phones]
        );
        form.country = "Germany".into();
        assert_eq!(
            PolicySetting::parse(&form).unwrap_err().field,
            Field::Country
        );
        form.country = "DE".into();
        form.retention_days = "0".into();
        assert_eq!(
            PolicySetting::parse(&form).unwrap_err().field,
            Field::RetentionDays
        );
    }
}
