//! The import page and command: the report of a check, and why a file or a line is refused.

use crate::domain::import::{Column, FileProblem, LineProblem, SkipReason, Status};
use crate::domain::preferences::Field;

pub const IMPORT_TITLE: &str = "Import";
pub const IMPORT_LINK: &str =
    "Import: bring candidates and their consent history in from a CSV file";
pub const IMPORT_INTRO: &str = "Upload a CSV file of candidates, with their opportunities and the consent decisions your previous system collected. Candor checks the whole file first and tells you what it would create, update and skip; nothing changes until you apply it. Importing the same file again changes nothing: a line matches a candidate by their external id, else by email address.";
pub const IMPORT_TEMPLATE_HELP: &str = "Columns Candor reads (in any order, other columns are left out): name (or first_name and last_name), emails, external_id, phones, location, country, locale, added_at; for an opportunity opportunity_external_id, posting_external_id or posting_title, owner_email, stage, state, archive_reason, archived_at, hired, applied_at; for a consent decision consent_purpose, consent_decision, consent_at, consent_basis, consent_text_version. Greenhouse's and Lever's export column names are recognized. Dates as 2024-03-01 or 2024-03-01T09:30:00Z; the file as UTF-8 CSV with commas.";
pub const UPLOAD_IMPORT: &str = "Check the file";
pub const APPLY_IMPORT: &str = "Apply the import";
pub const RESUME_IMPORT: &str = "Resume";
pub const RECENT_IMPORTS: &str = "Recent imports";
pub const NO_IMPORTS: &str = "No imports yet.";
pub const REFRESH: &str = "Refresh";
pub const IMPORT_PROBLEMS: &str = "Why the file was refused";
pub const IMPORT_SKIPPED: &str = "Skipped lines";
pub const IMPORT_STALLED: &str =
    "This import stopped making progress (its server may have restarted).";
pub const BACK_TO_IMPORTS: &str = "All imports";

pub fn import_status(status: Status) -> &'static str {
    match status {
        Status::Uploaded => "Uploaded, waiting to be checked",
        Status::Checking => "Checking",
        Status::Checked => "Checked: ready to apply",
        Status::Refused => "Refused: nothing was changed",
        Status::Applying => "Applying",
        Status::Applied => "Applied",
    }
}

pub fn import_heading(file_name: &str) -> String {
    format!("Import of {file_name}")
}

/// The counts of a check (what applying would do) or of an apply (what it did).
pub fn import_counts(applied: bool, create: u64, update: u64, unchanged: u64, skip: u64) -> String {
    let lines = |n: u64| {
        if n == 1 {
            "1 line".to_owned()
        } else {
            format!("{n} lines")
        }
    };
    if applied {
        format!(
            "Created {create}, updated {update}, unchanged {unchanged}, skipped {}.",
            lines(skip)
        )
    } else {
        format!(
            "Applying would create {create}, update {update}, leave {unchanged} unchanged and skip {}.",
            lines(skip)
        )
    }
}

pub fn import_progress(percent: u8) -> String {
    format!("{percent} % done")
}

pub fn skip_reason(reason: SkipReason) -> &'static str {
    match reason {
        SkipReason::Anonymized => "The candidate was anonymized; an import never brings a record back.",
        SkipReason::Erased => "A candidate with this address was erased; they are not imported again.",
        SkipReason::UnknownPosting => "No single posting has that external id or title. Create the posting first, or leave the opportunity out.",
        SkipReason::UnknownOwner => "No colleague has the owner's email address.",
        SkipReason::OtherCandidatesOpportunity => "The opportunity's external id belongs to another candidate.",
        SkipReason::OtherRecordsAddress => "An email address on this line is on a candidate with another external id.",
        SkipReason::Hired => "The opportunity was hired in Candor and stays hired.",
        SkipReason::Refused => "Candor's rules refuse this line as it is.",
    }
}

pub fn line_label(line: u64) -> String {
    format!("Line {line}")
}

/// One reason a file is refused, with its line.
pub fn file_problem(problem: &LineProblem) -> String {
    let what = match &problem.problem {
        FileProblem::Empty => "The file has no candidate lines.".to_owned(),
        FileProblem::Encoding { utf16: true } => "The file is UTF-16 (Excel's \"Unicode text\"). Save it as \"CSV UTF-8\" and upload it again.".to_owned(),
        FileProblem::Encoding { utf16: false } => "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.".to_owned(),
        FileProblem::LineTooLong => format!(
            "The line is longer than {} KB: this is not a candidate export.",
            crate::domain::import::MAX_LINE_BYTES / 1024
        ),
        FileProblem::Malformed => "The line is not well-formed CSV (a quote opened and never closed, say).".to_owned(),
        FileProblem::CellCount { expected, found } => {
            format!("The line has {found} cells where the header has {expected}.")
        }
        FileProblem::MissingColumn { needs } => format!("The file has no column for {needs}."),
        FileProblem::DuplicateColumn { column } => {
            format!("Two columns give {column}; keep one of them.")
        }
        FileProblem::Formula { column } => format!(
            "The {column} cell starts like a spreadsheet formula (=, +, -, @). Candor doesn't import formulas: remove the leading character."
        ),
        FileProblem::Cell {
            column,
            field,
            problem,
        } => format!("{column}: {}", cell_problem(*field, *problem)),
        FileProblem::TooManyRows => format!(
            "The file has more than {} lines; split it into smaller files.",
            crate::domain::import::MAX_ROWS
        ),
    };
    match problem.line {
        Some(line) => format!("{}: {what}", line_label(line)),
        None => what,
    }
}

fn cell_problem(field: Field, problem: crate::domain::preferences::Problem) -> String {
    match field {
        Field::Stage => {
            "use new, screen, interview or offer (or a stage name with one of those words).".into()
        }
        Field::Step => "use active, archived, rejected or hired.".into(),
        _ => super::field_problem(field, problem),
    }
}

/// The template's header line, for the README and the page.
pub fn template_header() -> String {
    Column::ALL
        .iter()
        .map(|c| c.template_name())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn import_notice(code: &str) -> &'static str {
    match code {
        "import-uploaded" => {
            "File uploaded: Candor is checking it. Nothing changes until you apply it."
        }
        "import-applying" => "Applying the import.",
        "import-resumed" => "The import goes on.",
        _ => "Saved.",
    }
}

pub fn more_skipped(n: u64) -> String {
    if n == 1 {
        "… and 1 more skipped line.".to_owned()
    } else {
        format!("… and {n} more skipped lines.")
    }
}

#[cfg(test)]
mod tests {
    /// The README documents the template; this keeps it the template Candor reads.
    #[test]
    fn the_readme_shows_the_template_candor_reads() {
        let readme = include_str!("../../../README.md");
        assert!(
            readme.lines().any(|line| line == super::template_header()),
            "README.md lacks the line {}",
            super::template_header()
        );
    }
}
