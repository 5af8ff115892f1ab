//! A CSV import (SPEC §11): which column means what (Candor's template, and the names
//! Greenhouse's and Lever's exports use), what one line says as a pushed record, and why a file
//! or a line is refused. Reading the bytes is `core::import`; the records are `domain::records`'s,
//! so an imported line obeys exactly the rules of an API push.
//!
//! A line is one candidate, with at most one opportunity and one consent decision; a person with
//! several opportunities or decisions takes several lines, matched to one record by their
//! external id, else their email address.

use super::preferences::{Field, FieldError, Problem};
use super::records::{CandidateInput, ConsentDecisionInput, OpportunityInput};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest physical line read: a candidate's line is a few hundred bytes, so anything near
/// this is not a candidate export.
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// The largest file the Settings page takes (the command line reads any size).
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;
/// The most lines one file may hold.
pub const MAX_ROWS: u64 = 1_000_000;
/// The most problems a refused file lists: enough to fix a pattern, not a flood.
pub const MAX_PROBLEMS: usize = 50;
/// How long a checked import waits to be applied before its parsed lines are deleted.
pub const CHECKED_KEPT_HOURS: i64 = 24;

/// Who may import: a Super Admin, as for the integration's other settings (an import creates
/// and changes records across the whole organization).
pub fn may_import(role: super::Role) -> bool {
    role == super::Role::SuperAdmin
}

/// What a column of the file gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    ExternalId,
    Name,
    FirstName,
    LastName,
    Emails,
    Phones,
    Location,
    Country,
    Locale,
    AddedAt,
    OpportunityExternalId,
    PostingExternalId,
    PostingTitle,
    OwnerEmail,
    Stage,
    State,
    ArchiveReason,
    ArchivedAt,
    Hired,
    AppliedAt,
    ConsentPurpose,
    ConsentDecision,
    ConsentAt,
    ConsentBasis,
    ConsentTextVersion,
}

impl Column {
    pub const ALL: [Column; 25] = [
        Column::ExternalId,
        Column::Name,
        Column::FirstName,
        Column::LastName,
        Column::Emails,
        Column::Phones,
        Column::Location,
        Column::Country,
        Column::Locale,
        Column::AddedAt,
        Column::OpportunityExternalId,
        Column::PostingExternalId,
        Column::PostingTitle,
        Column::OwnerEmail,
        Column::Stage,
        Column::State,
        Column::ArchiveReason,
        Column::ArchivedAt,
        Column::Hired,
        Column::AppliedAt,
        Column::ConsentPurpose,
        Column::ConsentDecision,
        Column::ConsentAt,
        Column::ConsentBasis,
        Column::ConsentTextVersion,
    ];

    /// The column's name in Candor's template.
    pub fn template_name(self) -> &'static str {
        match self {
            Column::ExternalId => "external_id",
            Column::Name => "name",
            Column::FirstName => "first_name",
            Column::LastName => "last_name",
            Column::Emails => "emails",
            Column::Phones => "phones",
            Column::Location => "location",
            Column::Country => "country",
            Column::Locale => "locale",
            Column::AddedAt => "added_at",
            Column::OpportunityExternalId => "opportunity_external_id",
            Column::PostingExternalId => "posting_external_id",
            Column::PostingTitle => "posting_title",
            Column::OwnerEmail => "owner_email",
            Column::Stage => "stage",
            Column::State => "state",
            Column::ArchiveReason => "archive_reason",
            Column::ArchivedAt => "archived_at",
            Column::Hired => "hired",
            Column::AppliedAt => "applied_at",
            Column::ConsentPurpose => "consent_purpose",
            Column::ConsentDecision => "consent_decision",
            Column::ConsentAt => "consent_at",
            Column::ConsentBasis => "consent_basis",
            Column::ConsentTextVersion => "consent_text_version",
        }
    }

    /// Several columns may give addresses and numbers (Greenhouse's personal, work and other
    /// email); every other field comes from one column.
    fn repeats(self) -> bool {
        matches!(self, Column::Emails | Column::Phones)
    }

    /// The other names this column goes by, compared without case, spaces or punctuation:
    /// Lever's migration template and export (`Full-Name`, `Date-Added`, `Archive-Reason`),
    /// Greenhouse's candidate export and bulk-import sheet (`Candidate ID`, `First Name`,
    /// `Application ID`, `Rejection Reason`).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::ExternalId => &[
                "candidate id",
                "contact id",
                "contact",
                "candidate external id",
            ],
            Column::Name => &["full name", "candidate name", "candidate"],
            Column::FirstName => &["first name", "given name"],
            Column::LastName => &["last name", "family name", "surname"],
            Column::Emails => &[
                "email",
                "email address",
                "emails",
                "personal email",
                "work email",
                "other email",
                "candidate email",
            ],
            Column::Phones => &[
                "phone",
                "phone number",
                "phones",
                "mobile",
                "mobile phone",
                "home phone",
                "work phone",
                "other phone",
            ],
            Column::Location => &["location", "address", "candidate location", "city"],
            Column::Country => &["country", "country code"],
            Column::Locale => &["locale", "language"],
            Column::AddedAt => &[
                "date added",
                "created",
                "created at",
                "date created",
                "added",
            ],
            Column::OpportunityExternalId => &["application id", "opportunity id"],
            Column::PostingExternalId => &["posting id", "job id", "requisition id"],
            Column::PostingTitle => &["posting", "job", "job name", "job title", "posting title"],
            Column::OwnerEmail => &["owner email", "recruiter email"],
            Column::Stage => &["stage", "current stage", "job stage", "application stage"],
            Column::State => &["status", "application status", "state"],
            Column::ArchiveReason => &["archive reason", "rejection reason", "rejected reason"],
            Column::ArchivedAt => &[
                "archive date",
                "archived at",
                "archived",
                "rejected on",
                "rejected at",
                "rejection date",
                "rejected date",
            ],
            Column::Hired => &["hired", "hired date", "hired on", "hired at"],
            Column::AppliedAt => &[
                "applied on",
                "applied at",
                "applied date",
                "application date",
                "date applied",
            ],
            Column::ConsentPurpose => &[],
            Column::ConsentDecision => &[],
            Column::ConsentAt => &[],
            Column::ConsentBasis => &[],
            Column::ConsentTextVersion => &[],
        }
    }

    /// The column a header names, if Candor reads it.
    pub fn named(header: &str) -> Option<Column> {
        let key = squash(header);
        Column::ALL.into_iter().find(|column| {
            squash(column.template_name()) == key
                || column.aliases().iter().any(|alias| squash(alias) == key)
        })
    }
}

/// Lower-case letters and digits only: `Full-Name`, `full_name` and `Full Name` are one name.
fn squash(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Why a file, or one of its lines, can't be imported. Nothing here quotes a cell: the report
/// and the log name lines and columns, never the personal data in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FileProblem {
    /// The file is empty, or has a header and no lines.
    Empty,
    /// Not UTF-8 (UTF-16 when `utf16`: Excel's "Unicode text").
    Encoding { utf16: bool },
    /// A physical line longer than [`MAX_LINE_BYTES`].
    LineTooLong,
    /// Not well-formed CSV (an unclosed quote, say).
    Malformed,
    /// A line with another number of cells than the header.
    CellCount { expected: usize, found: usize },
    /// No column gives this (`name`, or `first_name` with `last_name`; an email or an
    /// external id to match the record by).
    MissingColumn { needs: String },
    /// Two columns give the same field.
    DuplicateColumn { column: String },
    /// A cell that a spreadsheet would run as a formula.
    Formula { column: String },
    /// A cell whose value is not valid.
    Cell {
        column: String,
        field: Field,
        problem: Problem,
    },
    /// More than [`MAX_ROWS`] lines.
    TooManyRows,
}

/// A problem and the line it is on (1 is the header; `None`: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    pub line: Option<u64>,
    pub problem: FileProblem,
}

/// How a file's columns map to fields: one entry per column, `None` for a column Candor
/// doesn't read (kept out, never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    columns: Vec<Option<Column>>,
}

impl Layout {
    /// Reads the header. Unknown columns are left out; a field given twice, or a file that
    /// can't name or match a candidate, is refused.
    pub fn of(headers: &[&str]) -> Result<Self, FileProblem> {
        let columns: Vec<Option<Column>> = headers.iter().map(|h| Column::named(h)).collect();
        for (i, column) in columns.iter().enumerate() {
            if let Some(column) = column.filter(|c| !c.repeats()) {
                if columns[..i].contains(&Some(column)) {
                    return Err(FileProblem::DuplicateColumn {
                        column: column.template_name().into(),
                    });
                }
            }
        }
        let has = |c: Column| columns.contains(&Some(c));
        if !(has(Column::Name) || has(Column::FirstName) || has(Column::LastName)) {
            return Err(FileProblem::MissingColumn {
                needs: "name (or first_name and last_name)".into(),
            });
        }
        if !has(Column::ExternalId) && !has(Column::Emails) {
            return Err(FileProblem::MissingColumn {
                needs: "emails or external_id".into(),
            });
        }
        let consent = [
            Column::ConsentPurpose,
            Column::ConsentDecision,
            Column::ConsentAt,
        ];
        if consent.iter().any(|c| has(*c)) {
            if let Some(missing) = consent.iter().find(|c| !has(**c)) {
                return Err(FileProblem::MissingColumn {
                    needs: missing.template_name().into(),
                });
            }
        }
        Ok(Self { columns })
    }

    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The columns Candor reads, by their template names (for the report).
    pub fn recognized(&self) -> Vec<&'static str> {
        self.columns
            .iter()
            .flatten()
            .map(|c| c.template_name())
            .collect()
    }
}

/// One line as records: the candidate (with at most one opportunity) and at most one consent
/// decision. This is what a checked import keeps until it is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub candidate: CandidateInput,
    pub consent: Option<ConsentDecisionInput>,
}

/// Whether a spreadsheet would take the cell for a formula (CSV injection): it starts with
/// `=`, `@`, a tab or a carriage return, or with `+` or `-` followed by anything but a number
/// (so `+44 20 7946 0000` and `-3` are data, `+SUM(A1)` and `-cmd|…` are not).
pub fn looks_like_formula(cell: &str) -> bool {
    let Some(first) = cell.chars().next() else {
        return false;
    };
    match first {
        '=' | '@' | '\t' | '\r' => true,
        '+' | '-' => !cell[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/')),
        _ => false,
    }
}

/// A date or time as exports write them, as RFC 3339: `2024-03-01`, `2024-03-01 09:30[:00]`,
/// `2024-03-01T09:30:00[Z|+01:00]`. A time without a zone is UTC; day-first and month-first
/// forms (`03/01/2024`) are refused, as they can't be told apart.
pub fn date_or_time(raw: &str) -> Option<DateTime<Utc>> {
    let text = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Stages as exports name them, to Candor's four: the word that says where the candidate is.
fn stage_code(raw: &str) -> Option<&'static str> {
    let text = raw.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    Some(if has(&["offer"]) {
        "offer"
    } else if has(&[
        "interview",
        "on-site",
        "onsite",
        "face to face",
        "assessment",
    ]) {
        "interview"
    } else if has(&["screen"]) {
        "screen"
    } else if has(&[
        "new",
        "applied",
        "application review",
        "lead",
        "reached out",
        "contacted",
    ]) {
        "new"
    } else {
        return None;
    })
}

/// Where an imported opportunity stands, from its status, reason, dates and hired flag.
/// Lever records a hire as the archive reason "Hired"; Greenhouse's status says `Rejected`.
fn standing(
    state: Option<&str>,
    reason: Option<&str>,
    archived: bool,
    hired: bool,
) -> Result<(Option<&'static str>, Option<&'static str>), Problem> {
    let state = state.map(|s| s.trim().to_lowercase());
    let reason = reason.map(|r| r.trim().to_lowercase());
    let reason_is_hire = reason.as_deref() == Some("hired");
    if hired || reason_is_hire || state.as_deref() == Some("hired") {
        return Ok((Some("hired"), None));
    }
    let archived =
        archived || reason.is_some() || matches!(state.as_deref(), Some("archived" | "rejected"));
    match state.as_deref() {
        None | Some("" | "active" | "archived" | "rejected") => {}
        Some(_) => return Err(Problem::Invalid),
    }
    if !archived {
        return Ok((None, None));
    }
    let code = match reason.as_deref() {
        Some(r) if r.contains("withdr") => "withdrew",
        Some(r) if r.contains("filled") || r.contains("position closed") => "position_filled",
        Some(r) if r.contains("unresponsive") || r.contains("no response") => "unresponsive",
        // Every other reason an ATS lists (underqualified, timing, culture…) is the team's
        // decision not to go on: a rejection.
        Some(_) => "rejected",
        None if state.as_deref() == Some("rejected") => "rejected",
        None => return Err(Problem::Required),
    };
    Ok((Some("archived"), Some(code)))
}

/// Whether a "hired" cell says yes: a yes word, or a date (Greenhouse's hired date).
fn says_hired(raw: &str) -> Result<bool, Problem> {
    match raw.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "n" => Ok(false),
        "yes" | "true" | "1" | "y" | "hired" => Ok(true),
        other => date_or_time(other).map(|_| true).ok_or(Problem::Invalid),
    }
}

/// Splits a cell that may list several values (`a@x.com; b@y.com`).
fn list(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl Layout {
    /// One line's cells as records, checked as an API push of them would be. Formulas and
    /// dates are refused here, with the column named.
    pub fn row(&self, cells: &[&str], now: DateTime<Utc>) -> Result<ImportRow, FileProblem> {
        if cells.len() != self.columns.len() {
            return Err(FileProblem::CellCount {
                expected: self.columns.len(),
                found: cells.len(),
            });
        }
        let mut row = ImportRow::default();
        let mut opportunity = OpportunityInput::default();
        let mut consent = ConsentDecisionInput::default();
        let (mut first, mut last) = (String::new(), String::new());
        let (mut state, mut reason, mut hired) = (None, None, false);
        let mut archived_at = None;
        for (column, raw) in self.columns.iter().zip(cells) {
            let Some(column) = *column else { continue };
            let cell = raw.trim();
            if cell.is_empty() {
                continue;
            }
            if looks_like_formula(cell) {
                return Err(FileProblem::Formula {
                    column: column.template_name().into(),
                });
            }
            let bad = |field: Field, problem: Problem| FileProblem::Cell {
                column: column.template_name().into(),
                field,
                problem,
            };
            let time = |field: Field| -> Result<String, FileProblem> {
                date_or_time(cell)
                    .filter(|t| *t <= now)
                    .map(|t| t.to_rfc3339())
                    .ok_or_else(|| bad(field, Problem::Invalid))
            };
            let text = || Some(cell.to_owned());
            let candidate = &mut row.candidate;
            match column {
                Column::ExternalId => candidate.external_id = text(),
                Column::Name => candidate.name = cell.to_owned(),
                Column::FirstName => first = cell.to_owned(),
                Column::LastName => last = cell.to_owned(),
                Column::Emails => candidate.emails.extend(list(cell)),
                Column::Phones => candidate.phones.extend(list(cell)),
                Column::Location => candidate.location = text(),
                Column::Country => candidate.country = text(),
                Column::Locale => candidate.locale = text(),
                Column::AddedAt => candidate.added_at = Some(time(Field::AddedAt)?),
                Column::OpportunityExternalId => opportunity.external_id = text(),
                Column::PostingExternalId => opportunity.posting_external_id = text(),
                Column::PostingTitle => opportunity.posting_title = text(),
                Column::OwnerEmail => opportunity.owner_email = text(),
                Column::Stage => {
                    let code =
                        stage_code(cell).ok_or_else(|| bad(Field::Stage, Problem::Invalid))?;
                    opportunity.stage = Some(code.to_owned());
                }
                Column::State => state = Some(cell),
                Column::ArchiveReason => reason = Some(cell),
                Column::ArchivedAt => archived_at = Some(time(Field::ArchivedAt)?),
                Column::Hired => {
                    hired = says_hired(cell).map_err(|p| bad(Field::Hired, p))?;
                }
                Column::AppliedAt => opportunity.applied_at = Some(time(Field::AppliedAt)?),
                Column::ConsentPurpose => consent.purpose = cell.to_owned(),
                Column::ConsentDecision => consent.decision = cell.to_owned(),
                Column::ConsentAt => consent.at = time(Field::DecidedAt)?,
                Column::ConsentBasis => consent.basis = cell.to_owned(),
                Column::ConsentTextVersion => consent.text_version = cell.to_owned(),
            }
        }
        if row.candidate.name.is_empty() {
            row.candidate.name = format!("{first} {last}").trim().to_owned();
        }
        let (standing, reason) =
            standing(state, reason, archived_at.is_some(), hired).map_err(|problem| {
                FileProblem::Cell {
                    column: if problem == Problem::Required {
                        Column::ArchiveReason
                    } else {
                        Column::State
                    }
                    .template_name()
                    .into(),
                    field: if problem == Problem::Required {
                        Field::ArchiveReason
                    } else {
                        Field::Step
                    },
                    problem,
                }
            })?;
        opportunity.state = standing.map(str::to_owned);
        opportunity.archive_reason = reason.map(str::to_owned);
        // A hire's or an active opportunity's archive date says nothing Candor keeps.
        opportunity.archived_at = archived_at.filter(|_| standing == Some("archived"));
        // Lever dates a line (one opportunity) by when it was added: the person and the
        // candidacy date from whichever of the two dates the line gives.
        if row.candidate.added_at.is_none() {
            row.candidate.added_at = opportunity.applied_at.clone();
        }
        if opportunity.applied_at.is_none() && opportunity != OpportunityInput::default() {
            opportunity.applied_at = row.candidate.added_at.clone();
        }
        if opportunity != OpportunityInput::default() {
            row.candidate.opportunities.push(opportunity);
        }
        if consent != ConsentDecisionInput::default() {
            if consent.basis.is_empty() {
                consent.basis = "consent".into();
            }
            row.consent = Some(consent);
        }
        self.check(&row, now)?;
        Ok(row)
    }

    /// The records' own rules, with a failing field named by the column it came from.
    fn check(&self, row: &ImportRow, now: DateTime<Utc>) -> Result<(), FileProblem> {
        let column_of = |path: &str| -> &'static str {
            let leaf = path.rsplit('/').find(|p| p.parse::<usize>().is_err());
            let in_opportunity = path.starts_with("/opportunities");
            match (in_opportunity, leaf.unwrap_or_default()) {
                (true, "external_id") => Column::OpportunityExternalId,
                (true, "posting_title") => Column::PostingTitle,
                (true, "posting_external_id" | "posting_id") => Column::PostingExternalId,
                (true, "owner_email") => Column::OwnerEmail,
                (true, "stage") => Column::Stage,
                (true, "state") => Column::State,
                (true, "archive_reason") => Column::ArchiveReason,
                (true, "archived_at") => Column::ArchivedAt,
                (true, "applied_at") => Column::AppliedAt,
                (_, "external_id") => Column::ExternalId,
                (_, "emails") => Column::Emails,
                (_, "phones") => Column::Phones,
                (_, "location") => Column::Location,
                (_, "country") => Column::Country,
                (_, "locale") => Column::Locale,
                (_, "added_at") => Column::AddedAt,
                _ => Column::Name,
            }
            .template_name()
        };
        let cell = |path: &str, error: FieldError| FileProblem::Cell {
            column: column_of(path).into(),
            field: error.field,
            problem: error.problem,
        };
        if row.candidate.external_id.is_none() && row.candidate.emails.is_empty() {
            return Err(FileProblem::Cell {
                column: Column::Emails.template_name().into(),
                field: Field::Email,
                problem: Problem::Required,
            });
        }
        super::records::CandidateRecord::parse(&row.candidate, now)
            .map_err(|e| cell(&e.path, e.error))?;
        if let Some(consent) = &row.consent {
            super::records::ImportedDecision::parse(consent, now).map_err(|e| {
                let column = match e.error.field {
                    Field::Purpose => Column::ConsentPurpose,
                    Field::Decision => Column::ConsentDecision,
                    Field::DecidedAt => Column::ConsentAt,
                    Field::Basis => Column::ConsentBasis,
                    _ => Column::ConsentTextVersion,
                };
                FileProblem::Cell {
                    column: column.template_name().into(),
                    field: e.error.field,
                    problem: e.error.problem,
                }
            })?;
        }
        Ok(())
    }
}

/// What applying one line does, as the check found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Create,
    Update,
    Unchanged,
    Skip,
}
super::text_enum!(Verdict {
    Create => "create",
    Update => "update",
    Unchanged => "unchanged",
    Skip => "skip",
});

/// Why a valid line is left out: it names something Candor can't join it to, or a record it
/// must not touch. The rest of the file goes ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SkipReason {
    /// The record was anonymized: an import never brings it back.
    Anonymized,
    /// A record with this address was anonymized (only its keyed hash remains): the person
    /// was erased, so they are not imported again.
    Erased,
    /// No single posting has that external id or title.
    UnknownPosting,
    /// No colleague has the owner's email address.
    UnknownOwner,
    /// The opportunity's external id is another candidate's.
    OtherCandidatesOpportunity,
    /// The address is on a record with another external id.
    OtherRecordsAddress,
    /// The opportunity was hired in Candor and stays so.
    Hired,
    /// Something else about the line that Candor's rules refuse (its code is kept).
    Refused,
}
super::text_enum!(SkipReason {
    Anonymized => "anonymized",
    Erased => "erased",
    UnknownPosting => "unknown_posting",
    UnknownOwner => "unknown_owner",
    OtherCandidatesOpportunity => "other_candidates_opportunity",
    OtherRecordsAddress => "other_records_address",
    Hired => "hired",
    Refused => "refused",
});

/// Counts of what a check found, or an apply did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub create: u64,
    pub update: u64,
    pub unchanged: u64,
    pub skip: u64,
}

impl Counts {
    /// The counts as the database keeps them (never negative).
    pub fn stored(create: i32, update: i32, unchanged: i32, skip: i32) -> Self {
        let count = |n: i32| u64::try_from(n).unwrap_or(0);
        Self {
            create: count(create),
            update: count(update),
            unchanged: count(unchanged),
            skip: count(skip),
        }
    }

    pub fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Create => self.create += 1,
            Verdict::Update => self.update += 1,
            Verdict::Unchanged => self.unchanged += 1,
            Verdict::Skip => self.skip += 1,
        }
    }

    pub fn rows(&self) -> u64 {
        self.create + self.update + self.unchanged + self.skip
    }
}

/// Where an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Uploaded,
    Checking,
    Checked,
    Refused,
    Applying,
    Applied,
}
super::text_enum!(Status {
    Uploaded => "uploaded",
    Checking => "checking",
    Checked => "checked",
    Refused => "refused",
    Applying => "applying",
    Applied => "applied",
});

impl Status {
    /// Whether a phase is under way (the page keeps showing progress).
    pub fn running(self) -> bool {
        matches!(self, Status::Uploaded | Status::Checking | Status::Applying)
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

    #[test]
    fn lever_and_greenhouse_headers_map_to_the_template() {
        let lever = Layout::of(&[
            "Full-Name",
            "Email",
            "Phone",
            "Location",
            "Date-Added",
            "Stage",
            "Archive-Reason",
            "Archive-Date",
            "Sources",
            "Origin",
        ])
        .unwrap();
        assert_eq!(
            lever.recognized(),
            vec![
                "name",
                "emails",
                "phones",
                "location",
                "added_at",
                "stage",
                "archive_reason",
                "archived_at"
            ]
        );
        let greenhouse = Layout::of(&[
            "Candidate ID",
            "First Name",
            "Last Name",
            "Personal Email",
            "Work Email",
            "Application ID",
            "Job",
            "Current Stage",
            "Status",
            "Rejection Reason",
            "Rejected On",
            "Applied On",
        ])
        .unwrap();
        assert_eq!(
            greenhouse.recognized(),
            vec![
                "external_id",
                "first_name",
                "last_name",
                "emails",
                "emails",
                "opportunity_external_id",
                "posting_title",
                "stage",
                "state",
                "archive_reason",
                "archived_at",
                "applied_at"
            ]
        );
    }

    #[test]
    fn a_file_that_cant_name_or_match_a_candidate_is_refused() {
        assert_eq!(
            Layout::of(&["email", "phone"]),
            Err(FileProblem::MissingColumn {
                needs: "name (or first_name and last_name)".into()
            })
        );
        assert_eq!(
            Layout::of(&["name", "phone"]),
            Err(FileProblem::MissingColumn {
                needs: "emails or external_id".into()
            })
        );
        assert_eq!(
            Layout::of(&["name", "Full Name", "email"]),
            Err(FileProblem::DuplicateColumn {
                column: "name".into()
            })
        );
        assert_eq!(
            Layout::of(&["name", "email", "consent_purpose", "consent_decision"]),
            Err(FileProblem::MissingColumn {
                needs: "consent_at".into()
            })
        );
    }

    #[test]
    fn a_lever_line_becomes_a_candidate_with_an_archived_opportunity() {
        let layout = Layout::of(&[
            "Full-Name",
            "Email",
            "Date-Added",
            "Stage",
            "Archive-Reason",
            "Archive-Date",
        ])
        .unwrap();
        let row = layout
            .row(
                &[
                    "Ada Lovelace",
                    "ada@example.com; ada@work.example",
                    "2021-02-03 10:00:00",
                    "Phone Screen",
                    "Underqualified",
                    "2021-03-04",
                ],
                now(),
            )
            .unwrap();
        assert_eq!(row.candidate.emails.len(), 2);
        assert_eq!(
            row.candidate.added_at.as_deref(),
            Some("2021-02-03T10:00:00+00:00")
        );
        let opportunity = &row.candidate.opportunities[0];
        assert_eq!(opportunity.stage.as_deref(), Some("screen"));
        assert_eq!(opportunity.state.as_deref(), Some("archived"));
        assert_eq!(opportunity.archive_reason.as_deref(), Some("rejected"));
        assert_eq!(
            opportunity.archived_at.as_deref(),
            Some("2021-03-04T00:00:00+00:00")
        );
        let hired = layout
            .row(
                &["Ada", "ada@example.com", "", "Offer", "Hired", "2021-03-04"],
                now(),
            )
            .unwrap();
        assert_eq!(
            hired.candidate.opportunities[0].state.as_deref(),
            Some("hired")
        );
        assert_eq!(hired.candidate.opportunities[0].archived_at, None);
    }

    #[test]
    fn greenhouse_status_and_first_and_last_names() {
        let layout =
            Layout::of(&["Candidate ID", "First Name", "Last Name", "Status", "Job"]).unwrap();
        let row = layout
            .row(&["gh-1", "Grace", "Hopper", "Rejected", "Engineer"], now())
            .unwrap();
        assert_eq!(row.candidate.name, "Grace Hopper");
        let opportunity = &row.candidate.opportunities[0];
        assert_eq!(
            (
                opportunity.state.as_deref(),
                opportunity.archive_reason.as_deref()
            ),
            (Some("archived"), Some("rejected"))
        );
        assert_eq!(opportunity.posting_title.as_deref(), Some("Engineer"));
    }

    #[test]
    fn each_bad_cell_is_named_by_its_column() {
        let layout = Layout::of(&[
            "name",
            "emails",
            "archived_at",
            "stage",
            "consent_purpose",
            "consent_decision",
            "consent_at",
            "consent_text_version",
        ])
        .unwrap();
        let cells = ["Ada", "ada@example.com", "", "", "", "", "", ""];
        let with = |i: usize, value: &str| {
            let mut line = cells;
            line[i] = value;
            layout.row(&line, now()).unwrap_err()
        };
        let column = |problem: FileProblem| match problem {
            FileProblem::Cell { column, .. } | FileProblem::Formula { column } => column,
            other => panic!("{other:?}"),
        };
        assert_eq!(column(with(2, "03/04/2021")), "archived_at");
        assert_eq!(column(with(2, "2030-01-01")), "archived_at");
        assert_eq!(column(with(1, "not an address")), "emails");
        assert_eq!(column(with(0, "=HYPERLINK(\"x\")")), "name");
        assert_eq!(column(with(3, "Hiring manager review")), "stage");
        let mut consent = cells;
        consent[4..].copy_from_slice(&["marketing", "given", "2024-01-01", "v1"]);
        assert_eq!(
            column(layout.row(&consent, now()).unwrap_err()),
            "consent_purpose"
        );
        consent[4] = "retention";
        let row = layout.row(&consent, now()).unwrap();
        assert_eq!(row.consent.unwrap().basis, "consent");
        assert_eq!(
            layout.row(&["Ada"], now()),
            Err(FileProblem::CellCount {
                expected: 8,
                found: 1
            })
        );
    }

    #[test]
    fn formulas_are_told_from_phone_numbers() {
        for formula in ["=1+1", "@SUM(A1)", "+SUM(A1)", "-cmd|' /C calc'!A0", "\tx"] {
            assert!(looks_like_formula(formula), "{formula}");
        }
        for data in [
            "+44 20 7946 0000",
            "-3",
            "Ada",
            "",
            "a=b",
            "+1 (555) 010-9999",
        ] {
            assert!(!looks_like_formula(data), "{data}");
        }
    }

    #[test]
    fn dates_are_iso_only() {
        assert!(date_or_time("2024-02-29").is_some());
        assert!(date_or_time("2024-02-29T08:00:00+02:00").is_some());
        assert!(date_or_time("2024-02-29 08:00").is_some());
        for bad in ["02/29/2024", "29.02.2024", "2024-02-30", "yesterday"] {
            assert_eq!(date_or_time(bad), None, "{bad}");
        }
    }
}
