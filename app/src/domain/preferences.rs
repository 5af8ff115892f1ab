//! The rules behind the candidate's data-preferences page (SPEC §4): which sections it shows, what
//! a give/revoke click records, who is told about a request, and what a request form may contain.

use super::{lawful_basis::Combination, text_enum};
use super::{
    ComplianceMode, ConsentDecision, ConsentStatus, CountryCode, EmailAddress, LawfulBasis,
    Purpose, RequestKind, UserId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The retention rule of one country (localized mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryPolicy {
    pub country: CountryCode,
    pub retention_days: i32,
}

/// What decides the page's sections.
#[derive(Debug, Clone)]
pub struct PageFacts {
    pub mode: ComplianceMode,
    pub combination: Combination,
    /// Whether GDPR protects this candidate (see `settings::gdpr_applies`).
    pub gdpr_applies: bool,
    /// Localized mode: the policy that applies to this candidate, if any.
    pub country_policy: Option<CountryPolicy>,
}

/// The sections of the page besides the requests, which every candidate has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLayout {
    /// Purposes the candidate decides on by explicit consent, in display order.
    pub consent_purposes: Vec<Purpose>,
    /// The organization processes the data on legitimate interest: say so.
    pub legitimate_interest: bool,
    /// Localized mode: the country policy that applies.
    pub country_policy: Option<CountryPolicy>,
}

pub fn page_layout(facts: &PageFacts) -> PageLayout {
    let gdpr = facts.mode == ComplianceMode::Gdpr && facts.gdpr_applies;
    let by_consent = |basis: LawfulBasis| gdpr && basis == LawfulBasis::ExplicitConsent;
    let consent_purposes = [
        (Purpose::Processing, facts.combination.processing),
        (Purpose::Retention, facts.combination.retention),
    ]
    .into_iter()
    .filter(|(_, basis)| by_consent(*basis))
    .map(|(purpose, _)| purpose)
    .collect();
    PageLayout {
        consent_purposes,
        legitimate_interest: gdpr
            && facts.combination.processing == LawfulBasis::LegitimateInterestOrContract,
        country_policy: match facts.mode {
            ComplianceMode::Localized => facts.country_policy,
            _ => None,
        },
    }
}

/// The localized policy for a candidate: the newest opportunity's posting country that has an
/// enabled policy, else the candidate's own country.
pub fn pick_country_policy(
    posting_countries_newest_first: &[Option<CountryCode>],
    candidate_country: Option<CountryCode>,
    policies: &[CountryPolicy],
) -> Option<CountryPolicy> {
    let policy_of = |country: CountryCode| policies.iter().find(|p| p.country == country).copied();
    posting_countries_newest_first
        .iter()
        .flatten()
        .chain(candidate_country.iter())
        .find_map(|c| policy_of(*c))
}

/// A retention period in the unit people would say it in: 730 days are 2 years, 540 days 18
/// months, 45 days 45 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Years(i32),
    Months(i32),
    Days(i32),
}

impl Period {
    pub fn of_days(days: i32) -> Period {
        if days > 0 && days % 365 == 0 {
            Period::Years(days / 365)
        } else if days >= 60 && days % 30 == 0 {
            Period::Months(days / 30)
        } else {
            Period::Days(days)
        }
    }
}

/// A retention period as people say it in English: "2 years", "18 months", "45 days".
pub fn period_in_words(days: i32) -> String {
    let plural = |n: i32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    match Period::of_days(days) {
        Period::Years(n) => plural(n, "year"),
        Period::Months(n) => plural(n, "month"),
        Period::Days(n) => plural(n, "day"),
    }
}

/// What a give (`allow`) or revoke click records, given the purpose's current status; `None` when
/// the status already says so (a double click records nothing new).
pub fn consent_change(
    purpose: Purpose,
    current: &ConsentStatus,
    allow: bool,
) -> Option<ConsentDecision> {
    use ConsentDecision::*;
    match (allow, current) {
        (true, ConsentStatus::Given { .. }) => None,
        (true, ConsentStatus::NotYetAsked) => Some(Given),
        // Contact permission is the default; turning it back on restores it.
        (true, _) if purpose == Purpose::Contact => Some(Restored),
        (true, _) => Some(Given),
        (false, ConsentStatus::NotProvidedOrRevoked { .. }) => None,
        // Contact is allowed until stopped: stopping it always revokes.
        (false, ConsentStatus::NotYetAsked) if purpose != Purpose::Contact => Some(Denied),
        (false, _) => Some(Revoked),
    }
}

/// Closed requests the page lists before "Earlier requests": the page costs the same for a
/// candidate with a thousand closed requests as for one with two (open ones are always shown).
pub const CLOSED_REQUESTS_SHOWN: i64 = 10;

/// Whether the candidate's contact permission stands, from their own contact events: contact is
/// allowed until they revoke it.
pub fn contact_allowed(contact: &ConsentStatus) -> bool {
    !matches!(contact, ConsentStatus::NotProvidedOrRevoked { .. })
}

/// One of the candidate's opportunities, as far as alerts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnedOpportunity {
    /// None when unowned or the owner's account is disabled.
    pub owner: Option<UserId>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
}

/// Who is told about a new request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertRecipients {
    Owners(Vec<UserId>),
    /// Nobody owns the candidate: every Admin and Super Admin.
    Admins,
}

/// The owners of the active opportunities; if none, the owner of the most recent one; if that
/// has no owner either, the admins (SPEC §4).
pub fn alert_recipients(opportunities: &[OwnedOpportunity]) -> AlertRecipients {
    let mut owners: Vec<UserId> = Vec::new();
    for owner in opportunities
        .iter()
        .filter(|o| !o.archived)
        .filter_map(|o| o.owner)
    {
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    if owners.is_empty() {
        let most_recent = opportunities.iter().max_by_key(|o| o.created_at);
        owners.extend(most_recent.and_then(|o| o.owner));
    }
    if owners.is_empty() {
        AlertRecipients::Admins
    } else {
        AlertRecipients::Owners(owners)
    }
}

/// A form field of the candidate's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Note,
    Name,
    Email,
    Phone,
    Location,
    Links,
    Confirm,
    /// A recruiter's password on the sign-in form.
    Password,
    /// A country code (the GDPR country a recruiter sets).
    Country,
    /// A recruiter's note of the written evidence for a consent change.
    Evidence,
    /// A recruiter's email to a candidate: its subject, its text, and when it goes.
    Subject,
    Body,
    SendAt,
    /// The nurture campaign a candidate is enrolled in.
    Campaign,
    /// Why a request is extended or refused (the candidate is told).
    Reason,
    /// By how many months a request is extended.
    Months,
    /// A recruiter's acknowledgement that anonymizing can't be undone.
    Acknowledge,
    /// The compliance settings a Super Admin edits (SPEC §5).
    Organization,
    ReplyTo,
    PrivacyPolicy,
    DataProtectionContact,
    Mode,
    Scope,
    ProcessingBasis,
    RetentionBasis,
    RetentionDays,
    ConsentValidityDays,
    AnswerWindowDays,
    GraceDays,
    /// The name of an email template (the team picks templates by it).
    TemplateName,
    /// The posting a sourced candidate is added for.
    Posting,
    /// The job-post checkbox that consents to processing (required where asked).
    ProcessingConsent,
    /// An applicant's answer to the posting's question.
    Answer,
    /// An applicant's résumé file.
    Resume,
    /// The compliance dashboard's filters.
    RequestKind,
    RequestState,
    Owner,
    ReceivedFrom,
    ReceivedTo,
    /// An opportunity's lifecycle: what to do, the stage, the archive reason.
    Step,
    Stage,
    ArchiveReason,
    /// A note the team writes on a candidate.
    TeamNote,
    /// Interview feedback: its rating and text.
    Rating,
    Feedback,
    /// The opportunity an action is about.
    Opportunity,
    /// A posting as the team writes it.
    PostingTitle,
    Description,
    Questions,
    /// A colleague assigned to an opportunity.
    Member,
    /// A request logged by a recruiter: the day it was received and how.
    ReceivedOn,
    Channel,
    /// Team administration: a colleague's role, and passwords being set or changed.
    Role,
    NewPassword,
    RepeatPassword,
    CurrentPassword,
    /// An IANA time zone: a scheduled send's, or the organization's.
    TimeZone,
    DefaultLocale,
    Accent,
    /// An integration API key: its name and what it may do.
    KeyName,
    Scopes,
    /// A webhook endpoint: where deliveries go, and which events it wants.
    WebhookUrl,
    WebhookEvents,
    /// A record pushed by another system: that system's id for it, and the person's language.
    ExternalId,
    Locale,
    /// A consent decision another system collected: what for, what, on which basis, under which
    /// notice version, and when.
    Purpose,
    Decision,
    Basis,
    TextVersion,
    DecidedAt,
    /// A record's history as another system dates it: when the person was added, when they
    /// applied, when the opportunity was archived, whether they were hired.
    AddedAt,
    AppliedAt,
    ArchivedAt,
    Hired,
    /// The CSV file of an import.
    ImportFile,
}
text_enum!(Field {
    Note => "note",
    Name => "name",
    Email => "email",
    Phone => "phone",
    Location => "location",
    Links => "links",
    Confirm => "confirm",
    Password => "password",
    Country => "country",
    Evidence => "evidence",
    Subject => "subject",
    Body => "body",
    SendAt => "send_at",
    Campaign => "campaign",
    Reason => "reason",
    Months => "months",
    Acknowledge => "acknowledge",
    Organization => "organization_name",
    ReplyTo => "reply_to",
    PrivacyPolicy => "privacy_policy_url",
    DataProtectionContact => "data_protection_contact",
    Mode => "compliance_mode",
    Scope => "gdpr_scope",
    ProcessingBasis => "processing_basis",
    RetentionBasis => "retention_basis",
    RetentionDays => "retention_days",
    ConsentValidityDays => "consent_validity_days",
    AnswerWindowDays => "consent_answer_window_days",
    GraceDays => "anonymization_grace_days",
    TemplateName => "template_name",
    Posting => "posting",
    ProcessingConsent => "processing_consent",
    Answer => "answer",
    Resume => "resume",
    RequestKind => "kind",
    RequestState => "state",
    Owner => "owner",
    ReceivedFrom => "from",
    ReceivedTo => "to",
    Step => "step",
    Stage => "stage",
    ArchiveReason => "archive_reason",
    TeamNote => "team_note",
    Rating => "rating",
    Feedback => "feedback",
    Opportunity => "opportunity",
    PostingTitle => "title",
    Description => "description",
    Questions => "questions",
    Member => "member",
    ReceivedOn => "received_on",
    Channel => "channel",
    Role => "role",
    NewPassword => "new_password",
    RepeatPassword => "repeat_password",
    CurrentPassword => "current_password",
    TimeZone => "time_zone",
    DefaultLocale => "default_locale",
    Accent => "accent_colour",
    KeyName => "key_name",
    Scopes => "scopes",
    WebhookUrl => "webhook_url",
    WebhookEvents => "events",
    ExternalId => "external_id",
    Locale => "locale",
    Purpose => "purpose",
    Decision => "decision",
    Basis => "basis",
    TextVersion => "text_version",
    DecidedAt => "at",
    AddedAt => "added_at",
    AppliedAt => "applied_at",
    ArchivedAt => "archived_at",
    Hired => "hired",
    ImportFile => "file",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong,
    TooShort,
    Invalid,
    /// A local time the clocks skip (the hour lost to daylight saving).
    Skipped,
}
text_enum!(Problem {
    Required => "required",
    TooLong => "too_long",
    TooShort => "too_short",
    Invalid => "invalid",
    Skipped => "skipped",
});

/// Why a form was refused: which field, and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl Field {
    /// Text this field requires: trimmed, not empty, within its length.
    pub fn required_text(self, raw: &str) -> Result<String, FieldError> {
        let text = raw.trim();
        let problem = if text.is_empty() {
            Problem::Required
        } else if !is_plain_text(text) {
            Problem::Invalid
        } else if text.chars().count() > self.max_chars() {
            Problem::TooLong
        } else {
            return Ok(text.to_owned());
        };
        Err(FieldError {
            field: self,
            problem,
        })
    }

    /// The most characters the field accepts (the form says so too, with `maxlength`).
    pub fn max_chars(self) -> usize {
        match self {
            Field::Note => 5000,
            Field::Name | Field::Location => 200,
            Field::Email => 254,
            Field::Phone => 40,
            Field::Links => 2000,
            Field::Confirm => 10,
            Field::Password => 1000,
            Field::Country => 2,
            Field::Evidence => 2000,
            Field::Subject => crate::domain::outreach::MAX_SUBJECT_CHARS,
            Field::Body => crate::domain::outreach::MAX_BODY_CHARS,
            Field::SendAt => 30,
            Field::Campaign => 36,
            Field::Reason => 2000,
            Field::Months => 1,
            Field::Acknowledge => 10,
            Field::Organization => 200,
            Field::ReplyTo => 254,
            Field::PrivacyPolicy => 2000,
            Field::DataProtectionContact => 500,
            Field::Mode | Field::Scope | Field::ProcessingBasis | Field::RetentionBasis => 40,
            Field::RetentionDays
            | Field::ConsentValidityDays
            | Field::AnswerWindowDays
            | Field::GraceDays => 12,
            Field::TemplateName => 200,
            Field::Posting => 36,
            Field::ProcessingConsent => 10,
            Field::Answer => 5000,
            // The file name; the file's size has its own limit.
            Field::Resume => 200,
            Field::RequestKind | Field::RequestState => 20,
            Field::Owner => 36,
            Field::ReceivedFrom | Field::ReceivedTo => 10,
            Field::Step | Field::Stage | Field::ArchiveReason => 40,
            Field::TeamNote | Field::Feedback => 10_000,
            Field::Rating => 1,
            Field::Opportunity => 36,
            Field::PostingTitle => 200,
            Field::Description => 20_000,
            // Every question, one per line.
            Field::Questions => 5_500,
            Field::Member => 36,
            Field::ReceivedOn => 10,
            Field::Channel => 20,
            Field::Role => 40,
            Field::NewPassword | Field::RepeatPassword | Field::CurrentPassword => 1000,
            Field::TimeZone => 64,
            Field::DefaultLocale => 8,
            Field::Accent => 7,
            Field::KeyName => 200,
            Field::Scopes => 40,
            Field::WebhookUrl => 2000,
            Field::WebhookEvents => 40,
            Field::ExternalId => 200,
            Field::Locale => 6,
            Field::Purpose | Field::Decision | Field::Basis => 40,
            Field::TextVersion => 100,
            Field::DecidedAt | Field::AddedAt | Field::AppliedAt | Field::ArchivedAt => 40,
            Field::Hired => 40,
            Field::ImportFile => 260,
        }
    }

    pub(crate) fn error(self, problem: Problem) -> FieldError {
        FieldError {
            field: self,
            problem,
        }
    }

    /// Trimmed text, `None` when blank, refused when too long.
    pub(crate) fn optional(self, raw: Option<&str>) -> Result<Option<String>, FieldError> {
        let text = raw.map(str::trim).unwrap_or_default();
        if !is_plain_text(text) {
            return Err(self.error(Problem::Invalid));
        }
        if text.chars().count() > self.max_chars() {
            return Err(self.error(Problem::TooLong));
        }
        Ok((!text.is_empty()).then(|| text.to_owned()))
    }

    /// A required text field within its limit.
    pub(crate) fn required(self, raw: &str) -> Result<String, FieldError> {
        self.optional(Some(raw))?
            .ok_or(self.error(Problem::Required))
    }
}

/// Text people write: no control characters but line breaks and tabs. A NUL could not even be
/// stored, and the others only ever arrive from a tool or a hostile caller.
pub fn is_plain_text(text: &str) -> bool {
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
}

/// A required email address, well formed.
pub(crate) fn email_address(raw: &str) -> Result<EmailAddress, FieldError> {
    EmailAddress::parse(&Field::Email.required(raw)?)
        .map_err(|_| Field::Email.error(Problem::Invalid))
}

/// An optional phone number: digits, with the usual separators.
pub(crate) fn phone_number(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let phone = Field::Phone.optional(raw)?;
    let plausible = |p: &str| {
        p.chars().filter(char::is_ascii_digit).count() >= 4
            && p.chars()
                .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
    };
    match phone {
        Some(p) if !plausible(&p) => Err(Field::Phone.error(Problem::Invalid)),
        phone => Ok(phone),
    }
}

/// The corrected values a candidate may offer with a rectification request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub links: Vec<String>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        *self == Corrections::default()
    }
}

/// The rectification form as posted.
#[derive(Debug, Clone, Default)]
pub struct RectificationForm<'a> {
    pub note: Option<&'a str>,
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub location: Option<&'a str>,
    pub links: Option<&'a str>,
}

/// A valid rectification request: what the candidate says is wrong, and what it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rectification {
    pub note: Option<String>,
    pub corrections: Corrections,
}

impl Rectification {
    /// Needs a note or at least one corrected value; every field within its limit.
    pub fn parse(form: &RectificationForm<'_>) -> Result<Self, FieldError> {
        let note = Field::Note.optional(form.note)?;
        let email = Field::Email
            .optional(form.email)?
            .map(|e| {
                EmailAddress::parse(&e)
                    .map(String::from)
                    .map_err(|_| Field::Email.error(Problem::Invalid))
            })
            .transpose()?;
        let phone = phone_number(form.phone)?;
        let links: Vec<String> = Field::Links
            .optional(form.links)?
            .map(|text| text.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        let is_web_address =
            |l: &str| (l.starts_with("https://") || l.starts_with("http://")) && l.len() > 10;
        if !links.iter().all(|l| is_web_address(l)) {
            return Err(Field::Links.error(Problem::Invalid));
        }
        let corrections = Corrections {
            name: Field::Name.optional(form.name)?,
            email,
            phone,
            location: Field::Location.optional(form.location)?,
            links,
        };
        if note.is_none() && corrections.is_empty() {
            return Err(Field::Note.error(Problem::Required));
        }
        Ok(Self { note, corrections })
    }
}

/// A consent purpose's state as the page words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    Given,
    NotProvidedOrRevoked,
    NotYetAsked,
}

impl From<&ConsentStatus> for ConsentState {
    fn from(status: &ConsentStatus) -> Self {
        match status {
            ConsentStatus::Given { .. } => ConsentState::Given,
            // An expired consent counts as not given (SPEC §5).
            ConsentStatus::NotProvidedOrRevoked { .. } | ConsentStatus::Expired { .. } => {
                ConsentState::NotProvidedOrRevoked
            }
            ConsentStatus::NotYetAsked => ConsentState::NotYetAsked,
        }
    }
}

/// The answer to an action, shown at the top of the page. Round-trips through a short code in the
/// URL so that a page reached by a no-JavaScript form post shows it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A purpose (consent or contact) is now allowed or not.
    Changed {
        purpose: Purpose,
        allowed: bool,
    },
    /// The click asked for what was already the case.
    Unchanged,
    RequestReceived(RequestKind),
    /// A request of this kind is already open: nothing new was recorded or sent.
    RequestAlreadyOpen(RequestKind),
    /// The candidate withdrew their open request of this kind.
    Withdrawn(RequestKind),
    /// The page now speaks the language the candidate picked.
    LanguageChanged,
    Failed(super::error::AppError),
}

impl Notice {
    pub fn code(&self) -> String {
        match self {
            Notice::Changed { purpose, allowed } => {
                format!("{}.{purpose}", if *allowed { "allowed" } else { "stopped" })
            }
            Notice::Unchanged => "unchanged".into(),
            Notice::RequestReceived(kind) => format!("received.{kind}"),
            Notice::RequestAlreadyOpen(kind) => format!("open.{kind}"),
            Notice::Withdrawn(kind) => format!("withdrawn.{kind}"),
            Notice::LanguageChanged => "language".into(),
            Notice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Notice> {
        let parts: Vec<&str> = code.split('.').collect();
        Some(match parts.as_slice() {
            ["allowed", p] => Notice::Changed {
                purpose: p.parse().ok()?,
                allowed: true,
            },
            ["stopped", p] => Notice::Changed {
                purpose: p.parse().ok()?,
                allowed: false,
            },
            ["unchanged"] => Notice::Unchanged,
            ["received", k] => Notice::RequestReceived(k.parse().ok()?),
            ["open", k] => Notice::RequestAlreadyOpen(k.parse().ok()?),
            ["withdrawn", k] => Notice::Withdrawn(k.parse().ok()?),
            ["language"] => Notice::LanguageChanged,
            _ => Notice::Failed(super::error::AppError::from_code(code)?),
        })
    }

    pub fn is_failure(&self) -> bool {
        matches!(self, Notice::Failed(_))
    }
}

impl From<Result<Notice, super::error::AppError>> for Notice {
    fn from(result: Result<Notice, super::error::AppError>) -> Self {
        result.unwrap_or_else(Notice::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_control_characters_is_refused_but_line_breaks_are_kept() {
        assert_eq!(
            Field::Reason
                .required_text("Kept\r\n\tfor a claim")
                .unwrap(),
            "Kept\r\n\tfor a claim"
        );
        for hostile in ["a\0b", "\u{0}\u{b}", "bell\u{7}", "esc\u{1b}[31m"] {
            assert_eq!(
                Field::Reason.required_text(hostile).unwrap_err().problem,
                Problem::Invalid,
                "{hostile:?}"
            );
            assert_eq!(
                Field::Note.optional(Some(hostile)).unwrap_err().problem,
                Problem::Invalid
            );
        }
    }
    use crate::domain::LawfulBasis::*;
    use chrono::{Duration, TimeZone};

    fn c(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap()
    }

    fn combination(processing: LawfulBasis, retention: LawfulBasis) -> Combination {
        Combination {
            processing,
            retention,
        }
    }

    #[test]
    fn sections_follow_mode_scope_and_combination() {
        use ComplianceMode::*;
        use Purpose::*;
        let policy = CountryPolicy {
            country: c("FR"),
            retention_days: 365,
        };
        // mode, processing, retention, gdpr applies → consent purposes, legitimate interest, policy
        #[rustfmt::skip]
        let cases = [
            (Gdpr, LegitimateInterestOrContract, LegitimateInterestOrContract, true, vec![], true, None),
            (Gdpr, LegitimateInterestOrContract, ExplicitConsent, true, vec![Retention], true, None),
            (Gdpr, ExplicitConsent, LegitimateInterestOrContract, true, vec![Processing], false, None),
            (Gdpr, ExplicitConsent, ExplicitConsent, true, vec![Processing, Retention], false, None),
            (Gdpr, ExplicitConsent, ExplicitConsent, false, vec![], false, None),
            (Off, ExplicitConsent, ExplicitConsent, true, vec![], false, None),
            (Localized, ExplicitConsent, ExplicitConsent, true, vec![], false, Some(policy)),
        ];
        for (i, (mode, processing, retention, applies, purposes, li, shown_policy)) in
            cases.into_iter().enumerate()
        {
            let layout = page_layout(&PageFacts {
                mode,
                combination: combination(processing, retention),
                gdpr_applies: applies,
                country_policy: Some(policy),
            });
            assert_eq!(layout.consent_purposes, purposes, "case {i}");
            assert_eq!(layout.legitimate_interest, li, "case {i}");
            assert_eq!(layout.country_policy, shown_policy, "case {i}");
        }
    }

    #[test]
    fn newest_posting_country_with_a_policy_decides() {
        let fr = CountryPolicy {
            country: c("FR"),
            retention_days: 365,
        };
        let de = CountryPolicy {
            country: c("DE"),
            retention_days: 180,
        };
        let policies = [fr, de];
        let cases = [
            (vec![Some(c("DE")), Some(c("FR"))], None, Some(de)),
            (vec![Some(c("US")), Some(c("FR"))], None, Some(fr)),
            (vec![None], Some(c("DE")), Some(de)),
            (vec![Some(c("US"))], Some(c("GB")), None),
            (vec![], None, None),
        ];
        for (postings, own, expected) in cases {
            assert_eq!(
                pick_country_policy(&postings, own, &policies),
                expected,
                "{postings:?} {own:?}"
            );
        }
    }

    #[test]
    fn periods_read_naturally() {
        let cases = [
            (730, "2 years"),
            (365, "1 year"),
            (540, "18 months"),
            (90, "3 months"),
            (30, "30 days"),
            (1, "1 day"),
            (400, "400 days"),
        ];
        for (days, words) in cases {
            assert_eq!(period_in_words(days), words);
        }
    }

    #[test]
    fn a_click_records_a_change_only_when_the_status_differs() {
        use ConsentDecision::*;
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap();
        let given = ConsentStatus::Given {
            since: at,
            expires_at: None,
        };
        let refused = ConsentStatus::NotProvidedOrRevoked { since: at };
        let expired = ConsentStatus::Expired { since: at };
        let never = ConsentStatus::NotYetAsked;
        #[rustfmt::skip]
        let cases = [
            (Purpose::Retention, given, true, None),
            (Purpose::Retention, never, true, Some(Given)),
            (Purpose::Retention, refused, true, Some(Given)),
            (Purpose::Retention, expired, true, Some(Given)),
            (Purpose::Contact, refused, true, Some(Restored)),
            (Purpose::Contact, never, true, Some(Given)),
            (Purpose::Retention, given, false, Some(Revoked)),
            (Purpose::Retention, expired, false, Some(Revoked)),
            (Purpose::Retention, never, false, Some(Denied)),
            (Purpose::Retention, refused, false, None),
            (Purpose::Contact, never, false, Some(Revoked)),
        ];
        for (purpose, current, allow, expected) in cases {
            assert_eq!(
                consent_change(purpose, &current, allow),
                expected,
                "{purpose} {current:?} allow={allow}"
            );
        }
        assert!(contact_allowed(&never));
        assert!(!contact_allowed(&refused));
    }

    #[test]
    fn owners_of_active_opportunities_are_told_else_the_latest_owner_else_admins() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let (a, b) = (
            UserId(uuid::Uuid::from_u128(1)),
            UserId(uuid::Uuid::from_u128(2)),
        );
        let opp = |owner: Option<UserId>, archived: bool, day: i64| OwnedOpportunity {
            owner,
            archived,
            created_at: t0 + Duration::days(day),
        };
        let cases = [
            (
                vec![
                    opp(Some(a), false, 1),
                    opp(Some(b), false, 2),
                    opp(Some(a), false, 3),
                ],
                AlertRecipients::Owners(vec![a, b]),
            ),
            (
                vec![opp(Some(a), true, 5), opp(Some(b), false, 1)],
                AlertRecipients::Owners(vec![b]),
            ),
            (
                vec![opp(Some(a), true, 1), opp(Some(b), true, 2)],
                AlertRecipients::Owners(vec![b]),
            ),
            (
                vec![opp(Some(a), true, 1), opp(None, true, 2)],
                AlertRecipients::Admins,
            ),
            (vec![opp(None, false, 1)], AlertRecipients::Admins),
            (vec![], AlertRecipients::Admins),
        ];
        for (i, (opportunities, expected)) in cases.into_iter().enumerate() {
            assert_eq!(alert_recipients(&opportunities), expected, "case {i}");
        }
    }

    #[test]
    fn rectification_needs_something_and_keeps_within_limits() {
        let long = "x".repeat(5001);
        let ok = |form: RectificationForm| Rectification::parse(&form).unwrap();
        let err = |form: RectificationForm| Rectification::parse(&form).unwrap_err();

        let parsed = ok(RectificationForm {
            note: Some("  My surname is misspelled "),
            name: Some("Anna Schmitt"),
            email: Some(" Anna@Example.org "),
            links: Some("https://example.org/anna\n https://github.com/anna"),
            ..Default::default()
        });
        assert_eq!(parsed.note.as_deref(), Some("My surname is misspelled"));
        assert_eq!(parsed.corrections.name.as_deref(), Some("Anna Schmitt"));
        assert_eq!(
            parsed.corrections.email.as_deref(),
            Some("anna@example.org"),
            "in its canonical form"
        );
        assert_eq!(parsed.corrections.links.len(), 2);
        assert_eq!(
            ok(RectificationForm {
                phone: Some("+49 30 1234-567"),
                ..Default::default()
            })
            .corrections
            .phone
            .as_deref(),
            Some("+49 30 1234-567")
        );

        let field_error = |field, problem| FieldError { field, problem };
        let cases = [
            (
                RectificationForm::default(),
                field_error(Field::Note, Problem::Required),
            ),
            (
                RectificationForm {
                    note: Some("   "),
                    ..Default::default()
                },
                field_error(Field::Note, Problem::Required),
            ),
            (
                RectificationForm {
                    note: Some(&long),
                    ..Default::default()
                },
                field_error(Field::Note, Problem::TooLong),
            ),
            (
                RectificationForm {
                    email: Some("not an address"),
                    ..Default::default()
                },
                field_error(Field::Email, Problem::Invalid),
            ),
            (
                RectificationForm {
                    phone: Some("call me"),
                    ..Default::default()
                },
                field_error(Field::Phone, Problem::Invalid),
            ),
            (
                RectificationForm {
                    links: Some("javascript:alert(1)"),
                    ..Default::default()
                },
                field_error(Field::Links, Problem::Invalid),
            ),
        ];
        for (form, expected) in cases {
            assert_eq!(err(form.clone()), expected, "{form:?}");
        }
    }

    #[test]
    fn every_notice_survives_the_url() {
        let mut notices = vec![
            Notice::Unchanged,
            Notice::Failed(crate::domain::error::AppError::LinkInvalid),
            Notice::Failed(crate::domain::error::AppError::LinkRetired),
            Notice::Failed(crate::domain::error::AppError::RateLimited),
            Notice::Failed(crate::domain::error::AppError::Unavailable),
            Notice::Failed(crate::domain::error::AppError::Invalid(FieldError {
                field: Field::Note,
                problem: Problem::TooLong,
            })),
        ];
        for purpose in Purpose::ALL {
            for allowed in [true, false] {
                notices.push(Notice::Changed {
                    purpose: *purpose,
                    allowed,
                });
            }
        }
        notices.extend(RequestKind::ALL.iter().map(|k| Notice::RequestReceived(*k)));
        notices.extend(
            RequestKind::ALL
                .iter()
                .map(|k| Notice::RequestAlreadyOpen(*k)),
        );
        notices.extend(RequestKind::ALL.iter().map(|k| Notice::Withdrawn(*k)));
        for notice in notices {
            assert_eq!(
                Notice::from_code(&notice.code()),
                Some(notice),
                "{notice:?}"
            );
        }
        for junk in [
            "",
            "received.nothing",
            "invalid.note",
            "allowed",
            "link.extra",
        ] {
            assert_eq!(Notice::from_code(junk), None, "{junk}");
        }
    }
}
