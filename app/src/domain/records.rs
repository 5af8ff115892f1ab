//! Records another system pushes (SPEC §11): a candidate with their opportunities as the ATS
//! describes them, and the consent decisions it collected. What the wire may say, and what of it
//! is valid; the same rules the profile's and the sourcing form's fields follow. Upserting them is
//! `core::records`; the integration API and the CSV import both parse with this.

use super::consent::{ConsentDecision, EventBasis, Purpose};
use super::lifecycle::{ArchiveReason, Stage};
use super::preferences::{email_address, phone_number, Field, FieldError, Problem};
use super::{CountryCode, EmailAddress};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The most email addresses, phone numbers and opportunities one pushed candidate carries.
pub const MAX_EMAILS: usize = 10;
pub const MAX_PHONES: usize = 10;
pub const MAX_OPPORTUNITIES: usize = 50;

/// Where in a pushed record a field failed, as a JSON pointer (`/emails/1`,
/// `/opportunities/0/stage`), and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {error}")]
pub struct RecordError {
    pub path: String,
    pub error: FieldError,
}

impl RecordError {
    pub fn at(path: impl Into<String>, error: FieldError) -> Self {
        Self {
            path: path.into(),
            error,
        }
    }

    /// The same error, inside `prefix` (an item of a list, say).
    pub fn within(self, prefix: &str) -> Self {
        Self {
            path: format!("{prefix}{}", self.path),
            error: self.error,
        }
    }
}

/// A field's own error, at its path.
fn at(field: Field) -> impl Fn(FieldError) -> RecordError {
    move |error| RecordError::at(format!("/{}", field.as_str()), error)
}

/// The other system's own id for a record: a second push with it updates the same record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExternalId(String);

impl ExternalId {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let text = Field::ExternalId.required(raw)?;
        // Control characters would make ids that print the same but differ.
        if text.chars().any(char::is_control) {
            return Err(Field::ExternalId.error(Problem::Invalid));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A BCP 47 language tag of the common shape: a language, optionally a region (`de`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locale(String);

impl Locale {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let invalid = Field::Locale.error(Problem::Invalid);
        let text = raw.trim().replace('_', "-");
        let (language, region) = match text.split_once('-') {
            Some((language, region)) => (language, Some(region)),
            None => (text.as_str(), None),
        };
        let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
        };
        if !letters(language, 2..=3) || region.is_some_and(|r| !letters(r, 2..=2)) {
            return Err(invalid);
        }
        let mut tag = language.to_ascii_lowercase();
        if let Some(region) = region {
            tag.push('-');
            tag.push_str(&region.to_ascii_uppercase());
        }
        Ok(Self(tag))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A candidate as another system sends it. Leaving out `location`, `country` or `locale` keeps
/// what Candor has; emails and phones are added to the record's, never removed (removing an
/// address is a rectification, with its own trail).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({
    "external_id": "gh-4821",
    "name": "Ada Lovelace",
    "emails": ["ada@example.com"],
    "phones": ["+44 20 7946 0000"],
    "location": "London",
    "country": "GB",
    "locale": "en-GB",
    "opportunities": [{ "external_id": "app-77", "stage": "screen" }]
})))]
#[serde(default)]
pub struct CandidateInput {
    /// The other system's id for the person: a second push with it updates the same record.
    pub external_id: Option<String>,
    /// Full name.
    pub name: String,
    /// Email addresses, the first the primary one for a new record (at most 10).
    pub emails: Vec<String>,
    /// Phone numbers (at most 10).
    pub phones: Vec<String>,
    /// Where they live, as written (a city, a region).
    pub location: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Their language, a BCP 47 tag such as `de` or `pt-BR`.
    pub locale: Option<String>,
    /// When the other system first had them (RFC 3339, not in the future): a new record is dated
    /// from it, and an earlier date moves an existing record's back, so retention counts from it.
    pub added_at: Option<String>,
    /// Their candidacies, upserted by `external_id` (at most 50).
    pub opportunities: Vec<OpportunityInput>,
}

/// One candidacy as another system sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OpportunityInput {
    /// The other system's id for the candidacy. Without one, every push adds a new opportunity.
    pub external_id: Option<String>,
    /// The posting, by Candor's id…
    pub posting_id: Option<String>,
    /// …or by the other system's id for it…
    pub posting_external_id: Option<String>,
    /// …or by its title, when exactly one posting has it.
    pub posting_title: Option<String>,
    /// The colleague who owns it, by their email address in Candor.
    pub owner_email: Option<String>,
    /// `new`, `screen`, `interview` or `offer` (`new` for a new opportunity when left out).
    pub stage: Option<String>,
    /// `active` (the default), `archived` (with `archive_reason`) or `hired`.
    pub state: Option<String>,
    /// `rejected`, `withdrew`, `position_filled` or `unresponsive`.
    pub archive_reason: Option<String>,
    /// When they applied (RFC 3339, not in the future): a new opportunity is dated from it.
    pub applied_at: Option<String>,
    /// When it was archived (RFC 3339, not in the future), for an opportunity archived now.
    pub archived_at: Option<String>,
}

/// Which posting an opportunity is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostingRef {
    Id(uuid::Uuid),
    External(ExternalId),
    Title(String),
}

/// Where a pushed opportunity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Active,
    Archived(ArchiveReason),
    Hired,
}

/// A valid pushed candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRecord {
    pub external_id: Option<ExternalId>,
    pub name: String,
    pub emails: Vec<EmailAddress>,
    pub phones: Vec<String>,
    pub location: Option<String>,
    pub country: Option<CountryCode>,
    pub locale: Option<Locale>,
    pub added_at: Option<DateTime<Utc>>,
    pub opportunities: Vec<OpportunityRecord>,
}

/// A valid pushed opportunity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityRecord {
    pub external_id: Option<ExternalId>,
    pub posting: Option<PostingRef>,
    pub owner_email: Option<EmailAddress>,
    pub stage: Option<Stage>,
    pub standing: Standing,
    pub applied_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
}

/// Parses each item of a list, capped at `max`, with errors at `/{field}/{index}`.
fn each<T>(
    items: &[String],
    field: Field,
    max: usize,
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Result<Vec<T>, RecordError> {
    if items.len() > max {
        return Err(at(field)(field.error(Problem::TooLong)));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, raw)| parse(raw).map_err(|e| RecordError::at(format!("/{field}/{i}"), e)))
        .collect()
}

fn optional<T>(
    raw: &Option<String>,
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse(text).map(Some),
    }
}

/// A time another system recorded: RFC 3339, not after `now`.
pub fn past_time(field: Field, raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, FieldError> {
    DateTime::parse_from_rfc3339(raw.trim())
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .filter(|t| *t <= now)
        .ok_or(field.error(Problem::Invalid))
}

fn country(raw: &str) -> Result<CountryCode, FieldError> {
    CountryCode::parse(raw).map_err(|_| Field::Country.error(Problem::Invalid))
}

impl CandidateRecord {
    pub fn parse(input: &CandidateInput, now: DateTime<Utc>) -> Result<Self, RecordError> {
        let external_id =
            optional(&input.external_id, ExternalId::parse).map_err(at(Field::ExternalId))?;
        let name = Field::Name.required(&input.name).map_err(at(Field::Name))?;
        let mut emails: Vec<EmailAddress> = Vec::new();
        for email in each(&input.emails, Field::Email, MAX_EMAILS, email_address)
            .map_err(|e| rename(e, "/email", "/emails"))?
        {
            if !emails.contains(&email) {
                emails.push(email);
            }
        }
        let mut phones: Vec<String> = Vec::new();
        for phone in each(&input.phones, Field::Phone, MAX_PHONES, |raw| {
            phone_number(Some(raw))?.ok_or(Field::Phone.error(Problem::Required))
        })
        .map_err(|e| rename(e, "/phone", "/phones"))?
        {
            if !phones.contains(&phone) {
                phones.push(phone);
            }
        }
        let location = Field::Location
            .optional(input.location.as_deref())
            .map_err(at(Field::Location))?;
        let country = optional(&input.country, country).map_err(at(Field::Country))?;
        let locale = optional(&input.locale, Locale::parse).map_err(at(Field::Locale))?;
        let added_at = optional(&input.added_at, |raw| past_time(Field::AddedAt, raw, now))
            .map_err(at(Field::AddedAt))?;
        if input.opportunities.len() > MAX_OPPORTUNITIES {
            return Err(RecordError::at(
                "/opportunities",
                Field::Opportunity.error(Problem::TooLong),
            ));
        }
        let opportunities = input
            .opportunities
            .iter()
            .enumerate()
            .map(|(i, o)| {
                OpportunityRecord::parse(o, now)
                    .map_err(|e| e.within(&format!("/opportunities/{i}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            external_id,
            name,
            emails,
            phones,
            location,
            country,
            locale,
            added_at,
            opportunities,
        })
    }
}

/// A list's errors carry the list's name (`/emails/1`), not the item field's (`/email/1`).
fn rename(error: RecordError, from: &str, to: &str) -> RecordError {
    match error.path.strip_prefix(from) {
        Some(rest) => RecordError::at(format!("{to}{rest}"), error.error),
        None => error,
    }
}

impl OpportunityRecord {
    pub fn parse(input: &OpportunityInput, now: DateTime<Utc>) -> Result<Self, RecordError> {
        let external_id =
            optional(&input.external_id, ExternalId::parse).map_err(at(Field::ExternalId))?;
        let posting_error = |field: &'static str| {
            move |e: FieldError| {
                RecordError::at(format!("/{field}"), Field::Posting.error(e.problem))
            }
        };
        let by_id = optional(&input.posting_id, |raw| {
            raw.parse::<uuid::Uuid>()
                .map_err(|_| Field::Posting.error(Problem::Invalid))
        })
        .map_err(posting_error("posting_id"))?;
        let by_external = optional(&input.posting_external_id, ExternalId::parse)
            .map_err(posting_error("posting_external_id"))?;
        let by_title = Field::PostingTitle
            .optional(input.posting_title.as_deref())
            .map_err(posting_error("posting_title"))?;
        let posting = match (by_id, by_external, by_title) {
            (Some(id), None, None) => Some(PostingRef::Id(id)),
            (None, Some(external), None) => Some(PostingRef::External(external)),
            (None, None, Some(title)) => Some(PostingRef::Title(title)),
            (None, None, None) => None,
            // One way of naming the posting, so two can't disagree.
            (_, _, Some(_)) => {
                return Err(RecordError::at(
                    "/posting_title",
                    Field::Posting.error(Problem::Invalid),
                ))
            }
            (Some(_), Some(_), None) => {
                return Err(RecordError::at(
                    "/posting_external_id",
                    Field::Posting.error(Problem::Invalid),
                ))
            }
        };
        let owner_email = optional(&input.owner_email, email_address)
            .map_err(|e| RecordError::at("/owner_email", Field::Owner.error(e.problem)))?;
        let stage = optional(&input.stage, |raw| {
            raw.parse()
                .map_err(|_| Field::Stage.error(Problem::Invalid))
        })
        .map_err(at(Field::Stage))?;
        let reason = optional(&input.archive_reason, |raw| {
            raw.parse::<ArchiveReason>()
                .map_err(|_| Field::ArchiveReason.error(Problem::Invalid))
        })
        .map_err(at(Field::ArchiveReason))?;
        let state_error = |problem| RecordError::at("/state", Field::Step.error(problem));
        let standing = match (input.state.as_deref().map(str::trim), reason) {
            (None | Some("") | Some("active"), None) => Standing::Active,
            (Some("archived"), Some(reason)) => Standing::Archived(reason),
            (Some("archived"), None) => {
                return Err(RecordError::at(
                    "/archive_reason",
                    Field::ArchiveReason.error(Problem::Required),
                ))
            }
            (Some("hired"), None) => Standing::Hired,
            // A reason only goes with an archived opportunity.
            (None | Some("") | Some("active") | Some("hired"), Some(_)) => {
                return Err(RecordError::at(
                    "/archive_reason",
                    Field::ArchiveReason.error(Problem::Invalid),
                ))
            }
            _ => return Err(state_error(Problem::Invalid)),
        };
        let applied_at = optional(&input.applied_at, |raw| {
            past_time(Field::AppliedAt, raw, now)
        })
        .map_err(at(Field::AppliedAt))?;
        let archived_at = optional(&input.archived_at, |raw| {
            past_time(Field::ArchivedAt, raw, now)
        })
        .map_err(at(Field::ArchivedAt))?;
        // An archive date belongs to an archived opportunity.
        if archived_at.is_some() && !matches!(standing, Standing::Archived(_)) {
            return Err(at(Field::ArchivedAt)(
                Field::ArchivedAt.error(Problem::Invalid),
            ));
        }
        Ok(Self {
            external_id,
            posting,
            owner_email,
            stage,
            standing,
            applied_at,
            archived_at,
        })
    }
}

/// A consent decision another system collected, as it sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({
    "purpose": "retention",
    "decision": "given",
    "at": "2026-05-01T09:30:00Z",
    "basis": "consent",
    "text_version": "ats-notice-3"
})))]
#[serde(default)]
pub struct ConsentDecisionInput {
    /// `processing`, `retention` or `contact`.
    pub purpose: String,
    /// `given`, `denied`, `revoked` or `restored`.
    pub decision: String,
    /// When the candidate decided (RFC 3339), not in the future.
    pub at: String,
    /// The lawful basis the decision was collected under: `consent`, `legitimate_interest` or
    /// `contract`.
    pub basis: String,
    /// The version of the notice the candidate saw.
    pub text_version: String,
}

/// A valid imported consent decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDecision {
    pub purpose: Purpose,
    pub decision: ConsentDecision,
    pub at: DateTime<Utc>,
    pub basis: EventBasis,
    pub text_version: String,
}

impl ImportedDecision {
    pub fn parse(input: &ConsentDecisionInput, now: DateTime<Utc>) -> Result<Self, RecordError> {
        let choice = |field: Field, raw: &str| -> Result<String, RecordError> {
            field.required(raw).map_err(at(field))
        };
        let invalid = |field: Field| at(field)(field.error(Problem::Invalid));
        let purpose = choice(Field::Purpose, &input.purpose)?
            .parse()
            .map_err(|_| invalid(Field::Purpose))?;
        // `expired` is Candor's own conclusion, never a decision a person made.
        let decision = choice(Field::Decision, &input.decision)?
            .parse()
            .ok()
            .filter(|d| *d != ConsentDecision::Expired)
            .ok_or_else(|| invalid(Field::Decision))?;
        let at_text = choice(Field::DecidedAt, &input.at)?;
        let at = DateTime::parse_from_rfc3339(&at_text)
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .filter(|t| *t <= now)
            .ok_or_else(|| invalid(Field::DecidedAt))?;
        let basis = choice(Field::Basis, &input.basis)?
            .parse()
            .map_err(|_| invalid(Field::Basis))?;
        let text_version = choice(Field::TextVersion, &input.text_version)?;
        Ok(Self {
            purpose,
            decision,
            at,
            basis,
            text_version,
        })
    }
}

/// Why another system asks Candor to anonymize a candidate. Anonymizing can't be undone, so the
/// ATS says why, unless an open erasure request already does (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnonymizeReason {
    /// The candidate's open erasure request in Candor.
    ErasureRequest,
    /// The candidate asked the team to erase them, by a channel the ATS recorded.
    CandidateAskedElsewhere,
    /// The ATS's retention period for them ended.
    RetentionEnded,
    /// The record was deleted in the ATS.
    DeletedInAts,
}
super::text_enum!(AnonymizeReason {
    ErasureRequest => "erasure_request",
    CandidateAskedElsewhere => "candidate_asked_elsewhere",
    RetentionEnded => "retention_ended",
    DeletedInAts => "deleted_in_ats",
});

/// The reason an anonymization through the API rests on: the one given, or the open erasure
/// request when none is given. Naming an erasure request that isn't there is refused, as is
/// giving no reason without one.
pub fn anonymize_reason(
    given: Option<AnonymizeReason>,
    open_erasure: bool,
) -> Result<AnonymizeReason, FieldError> {
    match (given, open_erasure) {
        (None, true) => Ok(AnonymizeReason::ErasureRequest),
        (None, false) => Err(Field::Reason.error(Problem::Required)),
        (Some(AnonymizeReason::ErasureRequest), false) => {
            Err(Field::Reason.error(Problem::Invalid))
        }
        (Some(reason), _) => Ok(reason),
    }
}

/// A posting as another system sends it, upserted by its `external_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({
    "external_id": "job-7",
    "title": "Data engineer",
    "description": "Build the pipelines our analysts rely on.",
    "country": "DE",
    "owner_email": "sasha@team.example",
    "questions": ["Why do you want to join us?"],
    "state": "published"
})))]
#[serde(default)]
pub struct PostingInput {
    /// The other system's id for the posting: a second push with it updates the same posting.
    pub external_id: String,
    pub title: String,
    pub description: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// The colleague who owns it, by their email address in Candor.
    pub owner_email: Option<String>,
    /// The application form's questions, 1 to 10, each on one line.
    pub questions: Vec<String>,
    /// `published` (the default: it takes applications) or `closed`.
    pub state: Option<String>,
}

/// A valid pushed posting: the form's own draft (its owner still to be found by address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRecord {
    pub external_id: ExternalId,
    pub draft: super::postings::PostingDraft,
    pub owner_email: Option<EmailAddress>,
    pub published: bool,
}

impl PostingRecord {
    /// Checked as the posting form is, with the same rules; a question may not hold a line
    /// break, since the form keeps one question per line.
    pub fn parse(input: &PostingInput) -> Result<Self, RecordError> {
        use super::postings::{PostingDraft, PostingForm};
        let external_id = ExternalId::parse(&input.external_id).map_err(at(Field::ExternalId))?;
        if let Some(index) = input
            .questions
            .iter()
            .position(|q| q.contains(['\n', '\r']))
        {
            return Err(RecordError::at(
                format!("/questions/{index}"),
                Field::Questions.error(Problem::Invalid),
            ));
        }
        let form = PostingForm {
            title: input.title.clone(),
            description: input.description.clone(),
            country: input.country.clone().unwrap_or_default(),
            owner: String::new(),
            questions: input.questions.join("\n"),
        };
        let draft = PostingDraft::parse(&form).map_err(|e| match e.field {
            Field::PostingTitle => RecordError::at("/title", e),
            other => at(other)(e),
        })?;
        let owner_email = optional(&input.owner_email, email_address)
            .map_err(|e| RecordError::at("/owner_email", Field::Owner.error(e.problem)))?;
        let published = match input.state.as_deref().map(str::trim) {
            None | Some("") | Some("published") => true,
            Some("closed") => false,
            Some(_) => {
                return Err(RecordError::at(
                    "/state",
                    Field::Step.error(Problem::Invalid),
                ))
            }
        };
        Ok(Self {
            external_id,
            draft,
            owner_email,
            published,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn ada() -> CandidateInput {
        CandidateInput {
            external_id: Some(" gh-42 ".into()),
            name: " Ada Lovelace ".into(),
            emails: vec!["ada@example.com".into(), "ADA@example.com".into()],
            phones: vec!["+44 20 7946 0000".into()],
            location: Some("London".into()),
            country: Some("gb".into()),
            locale: Some("en_gb".into()),
            added_at: None,
            opportunities: vec![OpportunityInput {
                external_id: Some("app-1".into()),
                posting_external_id: Some("job-7".into()),
                owner_email: Some("rae@example.com".into()),
                stage: Some("interview".into()),
                ..Default::default()
            }],
        }
    }

    fn error_at(input: CandidateInput) -> (String, Problem) {
        let error = CandidateRecord::parse(&input, now()).unwrap_err();
        (error.path, error.error.problem)
    }

    #[test]
    fn a_pushed_candidate_is_trimmed_normalized_and_deduplicated() {
        let record = CandidateRecord::parse(&ada(), now()).unwrap();
        assert_eq!(record.external_id.unwrap().as_str(), "gh-42");
        assert_eq!(record.name, "Ada Lovelace");
        assert_eq!(record.emails.len(), 1, "one address, however it is cased");
        assert_eq!(record.country, CountryCode::parse("GB").ok());
        assert_eq!(record.locale.unwrap().as_str(), "en-GB");
        let opportunity = &record.opportunities[0];
        assert_eq!(
            opportunity.posting,
            Some(PostingRef::External(ExternalId::parse("job-7").unwrap()))
        );
        assert_eq!(opportunity.stage, Some(Stage::Interview));
        assert_eq!(opportunity.standing, Standing::Active);
    }

    #[test]
    fn each_bad_field_is_named_by_its_path() {
        let cases = [
            (
                CandidateInput {
                    name: " ".into(),
                    ..ada()
                },
                "/name",
                Problem::Required,
            ),
            (
                CandidateInput {
                    emails: vec!["ada@example.com".into(), "nope".into()],
                    ..ada()
                },
                "/emails/1",
                Problem::Invalid,
            ),
            (
                CandidateInput {
                    phones: vec!["call me".into()],
                    ..ada()
                },
                "/phones/0",
                Problem::Invalid,
            ),
            (
                CandidateInput {
                    emails: vec!["a@b.c".into(); 11],
                    ..ada()
                },
                "/emails",
                Problem::TooLong,
            ),
            (
                CandidateInput {
                    country: Some("Britain".into()),
                    ..ada()
                },
                "/country",
                Problem::Invalid,
            ),
            (
                CandidateInput {
                    locale: Some("english".into()),
                    ..ada()
                },
                "/locale",
                Problem::Invalid,
            ),
            (
                CandidateInput {
                    external_id: Some("x".repeat(201)),
                    ..ada()
                },
                "/external_id",
                Problem::TooLong,
            ),
            (
                CandidateInput {
                    external_id: Some("a\u{0}b".into()),
                    ..ada()
                },
                "/external_id",
                Problem::Invalid,
            ),
        ];
        for (input, path, problem) in cases {
            assert_eq!(error_at(input), (path.to_owned(), problem));
        }
    }

    #[test]
    fn an_opportunity_is_active_archived_with_a_reason_or_hired() {
        let with = |o: OpportunityInput| CandidateInput {
            opportunities: vec![o],
            ..ada()
        };
        let parse = |o: OpportunityInput| {
            CandidateRecord::parse(&with(o), now()).map(|r| r.opportunities[0].standing)
        };
        let archived = OpportunityInput {
            state: Some("archived".into()),
            archive_reason: Some("withdrew".into()),
            ..Default::default()
        };
        assert_eq!(
            parse(archived.clone()),
            Ok(Standing::Archived(ArchiveReason::Withdrew))
        );
        let hired = OpportunityInput {
            state: Some("hired".into()),
            ..Default::default()
        };
        assert_eq!(parse(hired), Ok(Standing::Hired));
        for (o, path, problem) in [
            (
                OpportunityInput {
                    archive_reason: None,
                    ..archived.clone()
                },
                "/opportunities/0/archive_reason",
                Problem::Required,
            ),
            (
                OpportunityInput {
                    state: None,
                    ..archived.clone()
                },
                "/opportunities/0/archive_reason",
                Problem::Invalid,
            ),
            (
                OpportunityInput {
                    state: Some("lost".into()),
                    ..Default::default()
                },
                "/opportunities/0/state",
                Problem::Invalid,
            ),
            (
                OpportunityInput {
                    stage: Some("phone screen".into()),
                    ..Default::default()
                },
                "/opportunities/0/stage",
                Problem::Invalid,
            ),
            (
                OpportunityInput {
                    posting_id: Some("7".into()),
                    ..Default::default()
                },
                "/opportunities/0/posting_id",
                Problem::Invalid,
            ),
            (
                OpportunityInput {
                    posting_id: Some(uuid::Uuid::nil().to_string()),
                    posting_external_id: Some("job-7".into()),
                    ..Default::default()
                },
                "/opportunities/0/posting_external_id",
                Problem::Invalid,
            ),
            (
                OpportunityInput {
                    owner_email: Some("rae".into()),
                    ..Default::default()
                },
                "/opportunities/0/owner_email",
                Problem::Invalid,
            ),
        ] {
            assert_eq!(error_at(with(o)), (path.to_owned(), problem));
        }
    }

    #[test]
    fn history_dates_are_past_times_and_an_archive_date_needs_an_archived_opportunity() {
        let archived = OpportunityInput {
            posting_title: Some(" Data engineer ".into()),
            state: Some("archived".into()),
            archive_reason: Some("rejected".into()),
            applied_at: Some("2024-01-02T00:00:00Z".into()),
            archived_at: Some("2024-03-04T00:00:00+01:00".into()),
            ..Default::default()
        };
        let record = OpportunityRecord::parse(&archived, now()).unwrap();
        assert_eq!(
            record.posting,
            Some(PostingRef::Title("Data engineer".into()))
        );
        assert_eq!(
            record.archived_at.unwrap().to_rfc3339(),
            "2024-03-03T23:00:00+00:00"
        );
        let path = |o: OpportunityInput| OpportunityRecord::parse(&o, now()).unwrap_err().path;
        assert_eq!(
            path(OpportunityInput {
                archived_at: Some("2027-01-01T00:00:00Z".into()),
                ..archived.clone()
            }),
            "/archived_at"
        );
        assert_eq!(
            path(OpportunityInput {
                state: None,
                archive_reason: None,
                ..archived.clone()
            }),
            "/archived_at"
        );
        assert_eq!(
            path(OpportunityInput {
                posting_external_id: Some("job-7".into()),
                ..archived.clone()
            }),
            "/posting_title"
        );
        let added = CandidateInput {
            added_at: Some("March".into()),
            ..ada()
        };
        assert_eq!(error_at(added).0, "/added_at");
    }

    #[test]
    fn anonymizing_rests_on_an_open_erasure_request_or_a_stated_reason() {
        use AnonymizeReason::*;
        assert_eq!(anonymize_reason(None, true), Ok(ErasureRequest));
        assert_eq!(
            anonymize_reason(Some(RetentionEnded), false),
            Ok(RetentionEnded)
        );
        assert_eq!(anonymize_reason(Some(DeletedInAts), true), Ok(DeletedInAts));
        assert_eq!(
            anonymize_reason(None, false).unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(
            anonymize_reason(Some(ErasureRequest), false)
                .unwrap_err()
                .problem,
            Problem::Invalid
        );
    }

    #[test]
    fn an_imported_decision_names_its_purpose_basis_version_and_a_past_time() {
        let now = DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let given = ConsentDecisionInput {
            purpose: "retention".into(),
            decision: "given".into(),
            at: "2026-05-01T09:30:00+02:00".into(),
            basis: "consent".into(),
            text_version: "ats-2026-01".into(),
        };
        let decision = ImportedDecision::parse(&given, now).unwrap();
        assert_eq!(
            (decision.purpose, decision.decision),
            (Purpose::Retention, ConsentDecision::Given)
        );
        assert_eq!(decision.at.to_rfc3339(), "2026-05-01T07:30:00+00:00");
        for (input, path) in [
            (
                ConsentDecisionInput {
                    purpose: "marketing".into(),
                    ..given.clone()
                },
                "/purpose",
            ),
            (
                ConsentDecisionInput {
                    decision: "expired".into(),
                    ..given.clone()
                },
                "/decision",
            ),
            (
                ConsentDecisionInput {
                    at: "2027-01-01T00:00:00Z".into(),
                    ..given.clone()
                },
                "/at",
            ),
            (
                ConsentDecisionInput {
                    at: "yesterday".into(),
                    ..given.clone()
                },
                "/at",
            ),
            (
                ConsentDecisionInput {
                    basis: "vibes".into(),
                    ..given.clone()
                },
                "/basis",
            ),
            (
                ConsentDecisionInput {
                    text_version: " ".into(),
                    ..given.clone()
                },
                "/text_version",
            ),
        ] {
            assert_eq!(ImportedDecision::parse(&input, now).unwrap_err().path, path);
        }
    }

    fn job() -> PostingInput {
        PostingInput {
            external_id: "job-7".into(),
            title: " Data engineer ".into(),
            description: "Pipelines".into(),
            country: Some("de".into()),
            owner_email: Some("sasha@team.example".into()),
            questions: vec!["Why us?".into(), "  ".into()],
            state: None,
        }
    }

    #[test]
    fn a_pushed_posting_is_checked_as_the_posting_form_is() {
        let record = PostingRecord::parse(&job()).unwrap();
        assert_eq!(record.external_id.as_str(), "job-7");
        assert_eq!(record.draft.title, "Data engineer");
        assert_eq!(record.draft.questions, vec!["Why us?".to_owned()]);
        assert_eq!(
            record.draft.country.map(|c| c.as_str().to_owned()),
            Some("DE".into())
        );
        assert!(record.published);

        let path = |input: PostingInput| PostingRecord::parse(&input).unwrap_err().path;
        assert_eq!(
            path(PostingInput {
                external_id: " ".into(),
                ..job()
            }),
            "/external_id"
        );
        assert_eq!(
            path(PostingInput {
                title: "".into(),
                ..job()
            }),
            "/title"
        );
        assert_eq!(
            path(PostingInput {
                questions: vec![],
                ..job()
            }),
            "/questions"
        );
        assert_eq!(
            path(PostingInput {
                questions: vec!["a".into(), "b\nc".into()],
                ..job()
            }),
            "/questions/1"
        );
        assert_eq!(
            path(PostingInput {
                country: Some("Germany".into()),
                ..job()
            }),
            "/country"
        );
        assert_eq!(
            path(PostingInput {
                owner_email: Some("sasha".into()),
                ..job()
            }),
            "/owner_email"
        );
        assert_eq!(
            path(PostingInput {
                state: Some("draft".into()),
                ..job()
            }),
            "/state"
        );
        let closed = PostingRecord::parse(&PostingInput {
            state: Some("closed".into()),
            ..job()
        });
        assert!(!closed.unwrap().published);
    }
}
