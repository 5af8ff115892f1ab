//! The public job postings and their application form.

use super::*;
use crate::domain::preferences::Field;

// The public job postings and their application form.
pub const JOBS_TITLE: &str = "Open jobs";
pub const NO_JOBS: &str = "There are no open jobs right now. Please check again later.";
pub const ALL_JOBS: &str = "See all open jobs";
pub const JOB_CLOSED_TITLE: &str = "This job is closed";
pub const JOB_CLOSED: &str =
    "This job is no longer taking applications, or the address is incomplete.";
pub const APPLY_HEADING: &str = "Apply for this job";
pub const APPLY_BUTTON: &str = "Send application";
pub const RESUME_HELP: &str = "PDF, Word, OpenDocument, RTF or plain text, up to 10 MB.";
pub const TRAP_LABEL: &str = "Leave this field empty";
pub const YOUR_DATA_HEADING: &str = "Your data";
pub const CHOICES_LATER: &str =
    "At any time, through the personal link in our emails, you can change your choices and ask for a copy of your data, a correction or its removal.";

pub fn job_by(organization: &str, country: Option<&str>) -> String {
    match country {
        Some(country) => format!("{organization} · {country}"),
        None => organization.to_owned(),
    }
}

pub fn application_label(field: Field) -> &'static str {
    match field {
        Field::Name => "Your name",
        Field::Email => "Your email address",
        Field::Phone => "Your phone number (optional)",
        other => field_label(other),
    }
}

pub fn processing_checkbox(organization: &str) -> String {
    format!("I agree that {organization} processes my data to consider me for this job (required to apply).")
}

pub fn retention_checkbox(organization: &str, retention: &str) -> String {
    format!("Keep my data for {retention} after this application ends, so {organization} can tell me about other jobs (optional).")
}

/// What applicants are told where processing needs no consent.
pub fn processing_notice(organization: &str) -> String {
    format!("{organization} uses what you send here to consider you for this job.")
}

/// What applicants are told where keeping their data needs no consent.
pub fn kept_for(organization: &str, retention: &str) -> String {
    format!("{organization} keeps your data for {retention} after your application ends, then deletes it.")
}

pub fn applied(organization: &str) -> String {
    format!("Thank you — your application was received. {organization} will be in touch by email.")
}
