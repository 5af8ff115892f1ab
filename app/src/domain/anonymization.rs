//! Anonymization (SPEC §6): what anonymizing one candidate removes and keeps, in each mode, and
//! what stays visible afterwards. The engine (`crate::profile::anonymize::service`) only carries this out.

use super::{text_enum, ComplianceMode, CountryCode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnonymizationMode {
    /// Every personal value removed from the database; known values inside the team's notes and
    /// feedback replaced by `[removed]`.
    Gdpr,
    /// The UI shows nothing personal; the database drops only what the country policy selects.
    Localized,
}
text_enum!(AnonymizationMode { Gdpr => "gdpr", Localized => "localized" });

impl AnonymizationMode {
    /// The mode the organization's settings call for. With compliance handling off an erasure
    /// still erases: the most protective mode, not the least.
    pub fn for_compliance(mode: ComplianceMode) -> Self {
        match mode {
            ComplianceMode::Localized => AnonymizationMode::Localized,
            ComplianceMode::Off | ComplianceMode::Gdpr => AnonymizationMode::Gdpr,
        }
    }
}

/// The kinds of personal data a candidate record holds. The spellings are those of
/// `country_policies.removed_fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PersonalField {
    /// The name and the headline.
    Name,
    Emails,
    Phones,
    Skype,
    Links,
    /// Location text and country.
    Location,
    Attachments,
    ApplicationResponses,
    ApplicationComments,
}
text_enum!(PersonalField {
    Name => "name",
    Emails => "emails",
    Phones => "phones",
    Skype => "skype",
    Links => "links",
    Location => "location",
    Attachments => "attachments",
    ApplicationResponses => "application_responses",
    ApplicationComments => "application_comments",
});

/// What anonymizing one candidate removes from the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub mode: AnonymizationMode,
    /// The fields removed, in `PersonalField::ALL` order.
    pub fields: Vec<PersonalField>,
}

impl Removal {
    /// `gdpr` removes every field. `localized` removes the union of what the policies of the
    /// candidate's posting countries select (each country's rule must hold); a candidate no
    /// policy covers keeps their data in the database, hidden in the UI.
    pub fn new(mode: AnonymizationMode, selected_by_policies: &[&[PersonalField]]) -> Self {
        let fields = match mode {
            AnonymizationMode::Gdpr => PersonalField::ALL.to_vec(),
            AnonymizationMode::Localized => PersonalField::ALL
                .iter()
                .copied()
                .filter(|f| selected_by_policies.iter().any(|p| p.contains(f)))
                .collect(),
        };
        Removal { mode, fields }
    }

    pub fn removes(&self, field: PersonalField) -> bool {
        self.fields.contains(&field)
    }

    /// The fields that stay in the database (hidden in the UI all the same).
    pub fn kept_fields(&self) -> Vec<PersonalField> {
        PersonalField::ALL
            .iter()
            .copied()
            .filter(|f| !self.removes(*f))
            .collect()
    }

    /// Whether the places that copy the candidate's words wholesale go too: request details and
    /// corrections, the notes on consent events, and the recipient, subject and text of their
    /// emails. They may hold any field, so they go as soon as anything is removed.
    pub fn removes_copies(&self) -> bool {
        !self.fields.is_empty()
    }

    /// The fields whose known values are replaced by `[removed]` inside text the team wrote
    /// (notes, feedback, reasons) — those a person can be recognised by in running text.
    pub fn scrubbed_in_team_text(&self) -> Vec<PersonalField> {
        use PersonalField::*;
        [Name, Emails, Phones, Skype, Links]
            .into_iter()
            .filter(|f| self.removes(*f))
            .collect()
    }

    /// What the confirm dialog says is removed, in order.
    pub fn removed_summary(&self) -> Vec<Removed> {
        let mut items: Vec<Removed> = self.fields.iter().copied().map(Removed::Field).collect();
        if self.removes_copies() {
            items.extend([
                Removed::RequestDetails,
                Removed::ConsentNotes,
                Removed::EmailContents,
            ]);
        }
        if !self.scrubbed_in_team_text().is_empty() {
            items.push(Removed::ValuesInTeamText);
        }
        items
    }

    /// What the confirm dialog says is kept, in order.
    pub fn kept_summary(&self) -> Vec<Kept> {
        let mut items: Vec<Kept> = self
            .kept_fields()
            .into_iter()
            .map(Kept::HiddenField)
            .collect();
        items.extend([
            Kept::Candidacies,
            if self.scrubbed_in_team_text().is_empty() {
                Kept::TeamTextHidden
            } else {
                Kept::TeamText
            },
            Kept::RequestsAndAudit,
            Kept::ContactDecision,
        ]);
        items
    }
}

/// The removal lists in force for a candidate in localized mode: the policy of every posting
/// country that has one; when none has, the policy of the candidate's own country.
pub fn policies_in_force<'a>(
    posting_countries: &[Option<CountryCode>],
    candidate_country: Option<CountryCode>,
    policies: &'a [(CountryCode, Vec<PersonalField>)],
) -> Vec<&'a [PersonalField]> {
    let policy_of = |country: &CountryCode| {
        policies
            .iter()
            .find(|(c, _)| c == country)
            .map(|(_, fields)| fields.as_slice())
    };
    let mut countries: Vec<CountryCode> = posting_countries.iter().flatten().copied().collect();
    countries.sort();
    countries.dedup();
    let by_posting: Vec<&[PersonalField]> = countries.iter().filter_map(policy_of).collect();
    if by_posting.is_empty() {
        candidate_country.iter().filter_map(policy_of).collect()
    } else {
        by_posting
    }
}

/// One line of "will be removed" in the confirm dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Removed {
    Field(PersonalField),
    RequestDetails,
    ConsentNotes,
    EmailContents,
    ValuesInTeamText,
}

/// One line of "will be kept" in the confirm dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kept {
    /// Left in the database by the country policy, never shown again.
    HiddenField(PersonalField),
    /// Stage, dates, source, posting, ratings and events, for reporting.
    Candidacies,
    /// Notes and feedback, with the person's values replaced.
    TeamText,
    /// Notes and feedback, kept but hidden (nothing was replaced inside them).
    TeamTextHidden,
    /// The data requests and audit trail, which hold ids and dates only.
    RequestsAndAudit,
    /// Each email address as a keyed hash with its contact decision.
    ContactDecision,
}

/// Why a candidate can't be anonymized now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NoPermission,
    AlreadyAnonymized,
    /// A legal hold blocks anonymization until an Admin lifts it.
    LegalHold,
}

/// Whether anonymizing may go ahead: the permission first (a refusal must not reveal anything
/// else), then the candidate's own state.
pub fn may_anonymize(has_permission: bool, anonymized: bool, on_hold: bool) -> Result<(), Refusal> {
    if !has_permission {
        Err(Refusal::NoPermission)
    } else if anonymized {
        Err(Refusal::AlreadyAnonymized)
    } else if on_hold {
        Err(Refusal::LegalHold)
    } else {
        Ok(())
    }
}

/// What replaces a person's value inside retained text.
pub const REMOVED: &str = "[removed]";

/// The values a person can be recognised by in running text, taken from their record before
/// anonymizing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownValues {
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub skype: Option<String>,
    pub links: Vec<String>,
}

/// A pattern matching these digits with any spacing or punctuation between them.
fn spaced(digits: &[char]) -> String {
    digits
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(r"[\s\-./()]*")
}

/// Replaces a person's known values inside text the team wrote.
pub struct Scrubber {
    pattern: Option<regex::Regex>,
}

impl Scrubber {
    /// Matches, for the given fields: the full name and each part of it of two letters or more
    /// (whole words, any case); each email, Skype name and link (any case); each phone number of
    /// six digits or more however its digits are spaced or punctuated, and its last eight digits.
    pub fn new(known: &KnownValues, fields: &[PersonalField]) -> Self {
        let mut alternatives: Vec<(usize, String)> = Vec::new();
        let literal = |value: &str, whole_word: bool| {
            let value = value.trim();
            (value.chars().count() >= 2).then(|| {
                let escaped = regex::escape(value);
                let pattern = if whole_word {
                    format!(r"\b{escaped}\b")
                } else {
                    escaped
                };
                (value.len(), pattern)
            })
        };
        for field in fields {
            match field {
                PersonalField::Name => {
                    alternatives.extend(literal(&known.name, true));
                    for part in known.name.split_whitespace() {
                        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                        alternatives.extend(literal(part, true));
                    }
                }
                PersonalField::Emails => {
                    alternatives.extend(known.emails.iter().filter_map(|e| literal(e, false)))
                }
                PersonalField::Skype => {
                    alternatives.extend(known.skype.iter().filter_map(|s| literal(s, false)))
                }
                PersonalField::Links => {
                    alternatives.extend(known.links.iter().filter_map(|l| literal(l, false)))
                }
                PersonalField::Phones => {
                    for phone in &known.phones {
                        let digits: Vec<char> =
                            phone.chars().filter(|c| c.is_ascii_digit()).collect();
                        if digits.len() >= 6 {
                            alternatives.push((digits.len(), format!(r"\+?{}", spaced(&digits))));
                        }
                        // The same number written nationally ("020 …" for "+44 20 …") shares
                        // its last eight digits.
                        if digits.len() > 8 {
                            alternatives.push((8, spaced(&digits[digits.len() - 8..])));
                        }
                    }
                }
                _ => {}
            }
        }
        // Longest first, so "Ada Lovelace" goes as one before "Ada" is tried.
        alternatives.sort_by_key(|a| std::cmp::Reverse(a.0));
        alternatives.dedup_by(|a, b| a.1 == b.1);
        let pattern = (!alternatives.is_empty()).then(|| {
            let joined = alternatives
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>()
                .join("|");
            regex::RegexBuilder::new(&joined)
                .case_insensitive(true)
                .build()
                .expect("escaped literals always make a valid pattern")
        });
        Scrubber { pattern }
    }

    /// The text with every known value replaced, or `None` when nothing in it matched.
    pub fn scrub(&self, text: &str) -> Option<String> {
        let pattern = self.pattern.as_ref()?;
        pattern
            .is_match(text)
            .then(|| pattern.replace_all(text, REMOVED).into_owned())
    }
}

/// Whether the candidate's own data (contact details, answers, attachments…) may be shown.
pub fn personal_data_visible(anonymized: Option<AnonymizationMode>) -> bool {
    anonymized.is_none()
}

/// Whether the team's notes and feedback may be shown. In `gdpr` mode they were scrubbed of the
/// person's values and stay useful; in `localized` mode values the policy kept may remain in
/// them, so they stay hidden.
pub fn team_text_visible(anonymized: Option<AnonymizationMode>) -> bool {
    !matches!(anonymized, Some(AnonymizationMode::Localized))
}

/// How many values of one kind the candidate has on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldCount {
    pub field: PersonalField,
    pub count: i64,
}

/// What anonymizing this candidate now would remove and keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnonymizationPreview {
    pub mode: AnonymizationMode,
    pub removed: Vec<Removed>,
    pub kept: Vec<Kept>,
    pub counts: Vec<FieldCount>,
}

impl AnonymizationPreview {
    pub fn count(&self, field: PersonalField) -> i64 {
        self.counts
            .iter()
            .find(|c| c.field == field)
            .map_or(0, |c| c.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PersonalField::*;

    #[test]
    fn anonymized_candidates_show_nothing_personal_and_only_scrubbed_team_text() {
        let cases = [
            (None, true, true),
            (Some(AnonymizationMode::Gdpr), false, true),
            (Some(AnonymizationMode::Localized), false, false),
        ];
        for (mode, personal, team) in cases {
            assert_eq!(personal_data_visible(mode), personal, "{mode:?}");
            assert_eq!(team_text_visible(mode), team, "{mode:?}");
        }
    }

    #[test]
    fn compliance_off_still_erases_everything() {
        assert_eq!(
            AnonymizationMode::for_compliance(ComplianceMode::Off),
            AnonymizationMode::Gdpr
        );
        assert_eq!(
            AnonymizationMode::for_compliance(ComplianceMode::Localized),
            AnonymizationMode::Localized
        );
    }

    #[test]
    fn gdpr_removes_every_field_and_every_copy() {
        let removal = Removal::new(AnonymizationMode::Gdpr, &[]);
        assert_eq!(removal.fields, PersonalField::ALL);
        assert!(removal.kept_fields().is_empty());
        assert!(removal.removes_copies());
        assert_eq!(
            removal.scrubbed_in_team_text(),
            [Name, Emails, Phones, Skype, Links]
        );
        assert!(removal.kept_summary().contains(&Kept::TeamText));
        assert!(removal.removed_summary().contains(&Removed::EmailContents));
    }

    #[test]
    fn localized_removes_the_union_of_the_posting_countries_policies() {
        let removal = Removal::new(
            AnonymizationMode::Localized,
            &[&[Phones, Name], &[Attachments]],
        );
        assert_eq!(removal.fields, [Name, Phones, Attachments]);
        assert_eq!(
            removal.kept_fields(),
            [
                Emails,
                Skype,
                Links,
                Location,
                ApplicationResponses,
                ApplicationComments
            ]
        );
        assert_eq!(removal.scrubbed_in_team_text(), [Name, Phones]);
        assert!(removal.kept_summary().contains(&Kept::HiddenField(Emails)));
    }

    #[test]
    fn every_posting_country_policy_holds_else_the_candidates_own_country() {
        let code = |c: &str| CountryCode::parse(c).unwrap();
        let policies = vec![
            (code("DE"), vec![Name, Emails]),
            (code("FR"), vec![Phones]),
            (code("US"), vec![Links]),
        ];
        let found = |postings: &[Option<&str>], own: Option<&str>| {
            let postings: Vec<_> = postings.iter().map(|p| p.map(code)).collect();
            policies_in_force(&postings, own.map(code), &policies)
                .into_iter()
                .map(<[PersonalField]>::to_vec)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(&[Some("FR"), None, Some("DE"), Some("FR")], Some("US")),
            [vec![Name, Emails], vec![Phones]]
        );
        assert_eq!(found(&[Some("GB"), None], Some("US")), [vec![Links]]);
        assert!(found(&[Some("GB")], Some("GB")).is_empty());
        assert!(found(&[], None).is_empty());
    }

    #[test]
    fn localized_without_a_policy_removes_nothing_and_keeps_team_text_hidden() {
        let removal = Removal::new(AnonymizationMode::Localized, &[]);
        assert!(removal.fields.is_empty());
        assert!(!removal.removes_copies());
        assert!(removal.removed_summary().is_empty());
        assert!(removal.kept_summary().contains(&Kept::TeamTextHidden));
    }

    #[test]
    fn anonymizing_needs_the_permission_a_live_candidate_and_no_hold() {
        assert_eq!(may_anonymize(true, false, false), Ok(()));
        assert_eq!(may_anonymize(false, true, true), Err(Refusal::NoPermission));
        assert_eq!(
            may_anonymize(true, true, true),
            Err(Refusal::AlreadyAnonymized)
        );
        assert_eq!(may_anonymize(true, false, true), Err(Refusal::LegalHold));
    }

    fn ada() -> KnownValues {
        KnownValues {
            name: "Ada Lovelace".into(),
            emails: vec!["Ada.L@example.com".into()],
            phones: vec!["+44 20 7946 0958".into()],
            skype: Some("ada.l".into()),
            links: vec!["https://github.com/ada".into()],
        }
    }

    #[test]
    fn scrubs_names_emails_phones_skype_and_links_wherever_they_appear() {
        let all = Scrubber::new(&ada(), &[Name, Emails, Phones, Skype, Links]);
        let cases = [
            (
                "Spoke with Ada Lovelace today.",
                "Spoke with [removed] today.",
            ),
            (
                "ada was great; LOVELACE too",
                "[removed] was great; [removed] too",
            ),
            ("Mail ada.l@EXAMPLE.com", "Mail [removed]"),
            (
                "Call 020-7946-0958 or +44 (20) 7946 0958",
                "Call 020-[removed] or [removed]",
            ),
            (
                "skype: ADA.L, see https://github.com/ada",
                "skype: [removed], see [removed]",
            ),
            // Whole words only: a name inside another word is left alone.
            ("Adaptable and Canada-based", "Adaptable and Canada-based"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                all.scrub(text).unwrap_or_else(|| text.to_owned()),
                expected,
                "{text}"
            );
        }
        assert_eq!(all.scrub("Nothing personal here"), None);
    }

    #[test]
    fn scrubs_only_the_fields_it_is_given() {
        let phones = Scrubber::new(&ada(), &[Phones]);
        assert_eq!(
            phones.scrub("Ada: 02079460958").as_deref(),
            Some("Ada: 020[removed]")
        );
        assert_eq!(Scrubber::new(&ada(), &[]).scrub("Ada Lovelace"), None);
        let short = KnownValues {
            name: "J Doe".into(),
            phones: vec!["112".into()],
            ..KnownValues::default()
        };
        // One-letter initials and short numbers would clobber ordinary text; they are skipped.
        assert_eq!(
            Scrubber::new(&short, &[Name, Phones])
                .scrub("J called 112; Doe J.")
                .as_deref(),
            Some("J called 112; [removed] J.")
        );
    }
}
