//! The compliance settings page.

// Compliance settings (SPEC §5).
pub const SETTINGS_TITLE: &str = "Compliance settings";
pub const APPLICATION_CONFIRMATION_SETTING: &str = "Email every applicant a confirmation with their personal link to their data choices (the “Application received” template)";
pub const SETTINGS_SAVED: &str = "Settings saved. They apply from now on.";
pub const SETTINGS_SUPER_ADMIN_ONLY: &str =
    "Only Super Admins can see and change the compliance settings. Ask one if something needs to change.";
pub const SETTINGS_COMPLIANCE: &str = "Compliance rules";
pub const SETTINGS_PERIODS: &str = "Periods";
pub const SETTINGS_ORGANIZATION: &str = "Organization";
pub const COMBINATIONS_HEADING: &str = "What each combination of lawful bases means";
pub const CURRENT_COMBINATION: &str = "current";
pub const OWNER_ALERT_NAMES: &str =
    "Name the candidate in the email alerts sent to opportunity owners";
pub const SAVE_SETTINGS: &str = "Save settings";

pub fn compliance_mode(mode: crate::domain::ComplianceMode) -> &'static str {
    use crate::domain::ComplianceMode::*;
    match mode {
        Off => "Off: no consent questions, and nobody is marked for deletion",
        Gdpr => "GDPR: consent and retention rules for the candidates GDPR protects",
        Localized => {
            "Localized: country policies set the retention period and what anonymization removes"
        }
    }
}

pub fn gdpr_scope(scope: crate::domain::GdprScope) -> &'static str {
    use crate::domain::GdprScope::*;
    match scope {
        EuOnly => "Candidates in the EEA, or who applied to a posting there",
        EuAndUnknown => "Those, and candidates whose country is unknown",
        All => "Every candidate",
    }
}

pub fn lawful_basis(basis: crate::domain::LawfulBasis) -> &'static str {
    match basis {
        crate::domain::LawfulBasis::LegitimateInterestOrContract => {
            "Legitimate interest or contract"
        }
        crate::domain::LawfulBasis::ExplicitConsent => "Explicit consent",
    }
}

pub fn combination_title(combination: crate::domain::Combination) -> String {
    format!(
        "{}. Processing: {}; retention: {}.",
        combination.number(),
        lawful_basis(combination.processing).to_lowercase(),
        lawful_basis(combination.retention).to_lowercase()
    )
}

pub fn combination_explained(combination: crate::domain::Combination) -> &'static str {
    match combination.number() {
        1 => "Candidates are asked nothing and get the data-collection notice; they are marked for deletion once archived on every opportunity and the retention period has passed.",
        2 => "Candidates are asked to consent to keeping their data; a refusal marks them for deletion at once, otherwise the retention period decides as in 1.",
        3 => "Candidates must consent to processing to apply; a refusal marks them at once, and a refused retention consent marks them once archived on every opportunity.",
        _ => "Candidates are asked for both consents; refused processing marks them at once, refused retention once archived on every opportunity, otherwise as in 1.",
    }
}

pub const POLICY_SAVED: &str = "Country policy saved. It applies from now on.";
pub const POLICY_REMOVED: &str = "Country policy removed.";
pub const POLICIES_HEADING: &str = "Country policies (localized mode)";
pub const POLICIES_INTRO: &str =
    "In localized mode, the policy of the country a candidate applied to (or, failing that, \
     their own country) sets how long their data is kept and what anonymization removes from the \
     database; everything personal is hidden either way.";
pub const REMOVE_POLICY: &str = "Remove this policy";
pub const ADD_POLICY: &str = "Add a country policy";
pub const POLICY_COUNTRY: &str = "Country code";
pub const POLICY_COUNTRY_HELP: &str = "Two letters, such as DE, FR or US.";
pub const POLICY_REMOVES: &str = "Removed from the database on anonymization";
pub const POLICY_ENABLED: &str = "In force";
pub const SAVE_POLICY: &str = "Save policy";

pub fn policy_heading(country: &str, enabled: bool) -> String {
    if enabled {
        country.to_owned()
    } else {
        format!("{country} (not in force)")
    }
}

pub fn removable_field(field: crate::domain::anonymization::PersonalField) -> &'static str {
    use crate::domain::anonymization::PersonalField::*;
    match field {
        Name => "Name and headline",
        Emails => "Email addresses",
        Phones => "Phone numbers",
        Skype => "Skype name",
        Links => "Links",
        Location => "Location",
        Attachments => "Attachments, such as résumés",
        ApplicationResponses => "Application answers",
        ApplicationComments => "Cover letters and comments",
    }
}

pub const TEMPLATE_SAVED: &str = "Template saved. New emails use it from now on.";
pub const TEMPLATES_HEADING: &str = "Email templates";
pub const TEMPLATES_INTRO: &str =
    "The team starts emails and nurture campaigns from these. Write plain text; \
     {{ candidate_first_name }}, {{ organization }} and {{ consent_link }} are filled in for each \
     candidate, and the HTML version is made from the text.";
pub const TEMPLATE_PREVIEW: &str = "Preview, as saved (for a candidate named Anna)";
pub const TEMPLATE_PREVIEW_BROKEN: &str =
    "This template can't be filled in; save a corrected version.";
pub const ADD_TEMPLATE: &str = "Add a template";
pub const SAVE_TEMPLATE: &str = "Save template";

pub const TIME_ZONE_SETTING_HELP: &str = "Where the team works. A scheduled email is sent at the time asked in this zone when the sender's browser doesn't give its own.";

pub const DEFAULT_LOCALE_SETTING_HELP: &str = "Candidate pages and emails speak the language a candidate picked, or gave when applying, or their browser's; this one when none of those is known.";

/// A template's version in another language, as its disclosure names it.
pub fn template_version(template: &str, language: &str, exists: bool) -> String {
    if exists {
        format!("{template}: {language} version")
    } else {
        format!("{template}: add a {language} version")
    }
}

pub const TEMPLATE_VERSION_HELP: &str = "Candidates who read this language get this version; the others get the one above. Empty the subject and the message to remove it.";

pub const ACCENT_SETTING_HELP: &str = "Six hexadecimal digits, such as #1d4ed8, for the buttons and links of candidate pages and the buttons of their emails. It must be dark enough for white text on it and for links on white (WCAG AA, 4.5:1). Empty: Candor's own blue.";
