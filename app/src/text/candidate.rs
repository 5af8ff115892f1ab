//! The candidate's requests and consent as the team's (English) pages word them, and the plain
//! answers of the one-click unsubscribe and of a request that arrived too slowly. The
//! candidate's own pages and emails speak the candidate's language through `l10n`.

use crate::domain::{preferences::period_in_words, Purpose, RequestKind, RequestStatus};

/// A date as pages and emails print it: "23 November 2026".
pub fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%-d %B %Y").to_string()
}

pub fn purpose_title(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Processing => "Considering you for jobs",
        Purpose::Retention => "Keeping your data for future jobs",
        Purpose::Contact => "Contact about future jobs",
    }
}

pub fn retention_in_words(days: i32) -> String {
    period_in_words(days)
}

pub fn request_kind(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "Copy of my data",
        RequestKind::Rectification => "Correction",
        RequestKind::Erasure => "Removal",
        RequestKind::Restriction => "Restriction",
        RequestKind::Objection => "Objection",
    }
}

pub fn request_status(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Open => "In progress",
        RequestStatus::Resolved => "Done",
        RequestStatus::Refused => "Refused",
        RequestStatus::Withdrawn => "Withdrawn",
    }
}

/// What the candidate did, as the confirmation (page and email) says it.
pub fn request_received(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "We received your request for a copy of your personal data.",
        RequestKind::Rectification => "We received your request to correct your personal data.",
        RequestKind::Erasure => {
            "We received your request to remove your personal data. You won't be contacted about future jobs."
        }
        RequestKind::Restriction => "We received your request to restrict the use of your data.",
        RequestKind::Objection => "We received your objection to the use of your data.",
    }
}

/// The owner alert's description of a request.
pub fn request_sentence(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "a copy of their personal data",
        RequestKind::Rectification => "a correction of their personal data",
        RequestKind::Erasure => "the removal of their personal data",
        RequestKind::Restriction => "a restriction of the use of their data",
        RequestKind::Objection => "an end to the use of their data (objection)",
    }
}

/// The note on the contact decision an erasure request logged by the team records.
pub fn logged_request_evidence(
    kind: RequestKind,
    channel: crate::domain::requests::Channel,
) -> String {
    format!(
        "Request for {} received {}, logged by the team",
        request_sentence_for_team(kind),
        channel_words(channel)
    )
}

/// How a request came in, as a phrase: "by phone", "in person".
pub fn channel_words(channel: crate::domain::requests::Channel) -> &'static str {
    use crate::domain::requests::Channel::*;
    match channel {
        PreferencesPage => "on their page",
        Email => "by email",
        Phone => "by phone",
        Letter => "by letter",
        InPerson => "in person",
    }
}

fn request_sentence_for_team(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "a copy of their data",
        RequestKind::Rectification => "a correction",
        RequestKind::Erasure => "removal of their data",
        RequestKind::Restriction => "a restriction",
        RequestKind::Objection => "an objection",
    }
}

pub const LINK_INVALID_TEXT: &str =
    "The link may have expired, been replaced by a newer one, or been copied only in part. Your data and choices are unchanged.";

pub const UNSUBSCRIBED: &str = "Done: you won't be contacted about future jobs.";
/// A request that arrived too slowly and was cut.
pub const REQUEST_TOO_SLOW: &str =
    "Your request took too long to arrive, so nothing was saved. Please check your connection and send it again.";
