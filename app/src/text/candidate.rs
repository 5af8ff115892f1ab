//! The candidate's surface: the preferences and unsubscribe pages, the bad-link and fresh-link
//! pages, the email-confirmation page and the candidate-facing email lines.

use super::*;
use crate::domain::preferences::{ConsentState, Notice};
use crate::domain::{preferences::period_in_words, Purpose, RequestKind, RequestStatus};

/// A date as pages and emails print it: "23 November 2026".
pub fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%-d %B %Y").to_string()
}

pub const PAGE_TITLE: &str = "Your data preferences";
pub const CONSENT_HEADING: &str = "Your consent";
pub const CONTACT_HEADING: &str = "Contact about future jobs";
pub const REQUESTS_HEADING: &str = "Ask about your data";
pub const HISTORY_HEADING: &str = "Your requests";
pub const NO_REQUESTS: &str = "You haven't made any requests yet.";
pub const EARLIER_REQUESTS: &str = "Earlier requests →";
pub const RECENT_REQUESTS: &str = "← Most recent requests";
pub const REQUEST_PAGES_LABEL: &str = "More of your requests";
pub const PERSONAL_LINK: &str =
    "This page is reached through your personal link. Please don't forward it: anyone with the link can change your choices.";

pub fn intro(organization: &str) -> String {
    format!(
        "{organization} uses Candor to handle the personal data you shared when applying or being considered for a job. Here you decide how it may be used, and you can ask for a copy, a correction or its removal."
    )
}

pub fn legitimate_interest(organization: &str) -> String {
    format!(
        "{organization} processes your data for its recruiting on the basis of its legitimate interest: to consider you for the role you applied to and similar ones. You may object at any time by stopping contact below or asking for removal."
    )
}

pub fn purpose_title(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Processing => "Considering you for jobs",
        Purpose::Retention => "Keeping your data for future jobs",
        Purpose::Contact => "Contact about future jobs",
    }
}

pub fn purpose_explanation(purpose: Purpose, organization: &str, retention: &str) -> String {
    match purpose {
        Purpose::Processing => format!(
            "{organization} uses your application, résumé and interview notes to consider you for the roles you applied to."
        ),
        Purpose::Retention => format!(
            "After your application ends, {organization} keeps your data for {retention} to contact you about other roles that may fit. Without this consent it is deleted once your application ends."
        ),
        Purpose::Contact => format!(
            "{organization} may email you about future jobs that may suit you."
        ),
    }
}

pub fn consent_state(state: ConsentState) -> &'static str {
    match state {
        ConsentState::Given => "Consent given",
        ConsentState::NotProvidedOrRevoked => "Consent not provided or revoked",
        ConsentState::NotYetAsked => "Not yet asked",
    }
}

pub fn give_consent(purpose: Purpose) -> String {
    format!("Give consent: {}", purpose_title(purpose).to_lowercase())
}

pub fn revoke_consent(purpose: Purpose) -> String {
    format!("Revoke consent: {}", purpose_title(purpose).to_lowercase())
}

pub const CONTACT_ALLOWED: &str = "You may currently be contacted about future jobs.";
pub const CONTACT_STOPPED: &str = "You asked not to be contacted about future jobs.";
pub const STOP_CONTACT: &str = "Stop contacting me about future jobs";
pub const ALLOW_CONTACT: &str = "You may contact me again";

pub fn country_policy(country: &str, retention_days: i32) -> String {
    format!(
        "The data-protection policy for {country} applies to you: your data is kept for {} after your application ends.",
        period_in_words(retention_days)
    )
}

pub fn retention_in_words(days: i32) -> String {
    period_in_words(days)
}

pub const ACCESS_TITLE: &str = "Send me a copy of my data";
pub const ACCESS_TEXT: &str =
    "You'll receive the personal data held about you by email, with a machine-readable file.";
pub const RECTIFICATION_TITLE: &str = "Update my information";
pub const RECTIFICATION_TEXT: &str =
    "Tell us what is wrong. Fill in only the values you want corrected.";
pub const ERASURE_TITLE: &str = "Remove my personal data";
pub const ERASURE_CONSEQUENCES: [&str; 4] = [
    "Your name, contact details, résumé, application answers and messages will be deleted.",
    "Any application you have in progress will end: you won't be considered for those roles.",
    "You won't be contacted about future jobs; this takes effect as soon as you ask.",
    "A record that you asked, and when it was done, is kept without your personal data, as the law requires.",
];
pub const ERASURE_CONTINUE: &str = "Continue to removal";
pub const ERASURE_CONFIRM_QUESTION: &str =
    "Are you sure? Removal cannot be undone once your data is deleted.";
pub const ERASURE_CONFIRM: &str = "Yes, remove my personal data";
pub const CANCEL: &str = "Cancel";
pub const SUBMIT_REQUEST: &str = "Send request";

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

/// A repeat of a request still being handled: the first one stands.
pub fn request_already_open(kind: RequestKind) -> String {
    format!(
        "You already asked for {}, and we are working on it (see {HISTORY_HEADING} below). Nothing new was sent.",
        request_sentence_to_candidate(kind)
    )
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

/// What a candidate asked for, as the emails to them say it.
pub fn request_sentence_to_candidate(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "a copy of your personal data",
        RequestKind::Rectification => "a correction of your personal data",
        RequestKind::Erasure => "the removal of your personal data",
        RequestKind::Restriction => "a restriction of the use of your data",
        RequestKind::Objection => "an end to the use of your data (objection)",
    }
}

pub fn consent_changed(purpose: Purpose, allowed: bool) -> String {
    match (purpose, allowed) {
        (Purpose::Contact, true) => "You may be contacted about future jobs again.".into(),
        (Purpose::Contact, false) => {
            "You won't be contacted about future jobs. Emails already scheduled have been cancelled."
                .into()
        }
        (p, true) => format!(
            "Thank you: you gave your consent to {}.",
            purpose_title(p).to_lowercase()
        ),
        (p, false) => format!(
            "You revoked your consent to {}.",
            purpose_title(p).to_lowercase()
        ),
    }
}

pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::Changed { purpose, allowed } => consent_changed(*purpose, *allowed),
        Notice::Unchanged => "Nothing needed to change: your choice was already recorded.".into(),
        Notice::RequestReceived(kind) => request_received(*kind).into(),
        Notice::RequestAlreadyOpen(kind) => request_already_open(*kind),
        Notice::Withdrawn(kind) => format!(
            "You withdrew your request for {}: we won't act on it. You can ask again at any time.",
            request_sentence_to_candidate(*kind)
        ),
        Notice::LanguageChanged => "This page is now in English.".into(),
        Notice::Failed(error) => error_message(error),
    }
}

pub const WITHDRAW_BUTTON: &str = "Withdraw";

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
pub const ACTION_COLUMN: &str = "Action";

/// The withdraw button's full name, for screen readers.
pub fn withdraw_label(kind: RequestKind) -> String {
    format!(
        "Withdraw your request for {}",
        request_sentence_to_candidate(kind)
    )
}

pub fn due_by(organization: &str, due: &str) -> String {
    format!("{organization} will answer by {due}.")
}

pub fn retired(organization: &str) -> String {
    format!("This link is no longer active. {organization} has deleted your personal data.")
}

pub const LINK_INVALID_TITLE: &str = "This link isn't valid";
pub const LINK_INVALID_TEXT: &str =
    "The link may have expired, been replaced by a newer one, or been copied only in part. Your data and choices are unchanged.";
pub const FRESH_LINK_TITLE: &str = "Send me a fresh link";
pub const FRESH_LINK_TEXT: &str =
    "Enter the email address you used with the recruiting team. If it is known, we'll email a new personal link to it.";
pub const FRESH_LINK_LABEL: &str = "Your email address";
pub const FRESH_LINK_SUBMIT: &str = "Email me a fresh link";
pub const FRESH_LINK_SENT: &str =
    "Thank you. If this address is known to us, a new link is on its way. It can take a few minutes; check your spam folder too.";
pub const FRESH_LINK_BAD_EMAIL: &str = "Please enter an email address like name@example.com.";

pub const UNSUBSCRIBE_TITLE: &str = "Stop emails about future jobs";
pub fn unsubscribe_text(organization: &str) -> String {
    format!(
        "Press the button and {organization} won't contact you about future jobs. Replies about your own applications and requests still reach you."
    )
}
pub const UNSUBSCRIBE_BUTTON: &str = "Stop contacting me";
pub const UNSUBSCRIBED: &str = "Done: you won't be contacted about future jobs.";
pub const MORE_CHOICES: &str = "See all your data choices";
/// A request that arrived too slowly and was cut.
pub const REQUEST_TOO_SLOW: &str =
    "Your request took too long to arrive, so nothing was saved. Please check your connection and send it again.";
pub const CONFIRM_EMAIL_TITLE: &str = "Confirm your email address";
pub const CONFIRM_EMAIL_BUTTON: &str = "Yes, this is my address";
pub const CONFIRM_LINK_INVALID: &str =
    "This confirmation link isn't valid any more. The address we had for you is unchanged; ask us again if it still needs correcting.";

pub fn confirm_email_text(email: &str, organization: &str) -> String {
    format!(
        "You asked {organization} to write to you at {email} from now on. Please confirm that this address is yours."
    )
}

pub fn email_confirmed(email: &str, organization: &str) -> String {
    format!("Thank you: {organization} will write to you at {email} from now on.")
}

/// On the unsubscribe page reached by an unsubscribe-only link.
pub const MORE_CHOICES_ELSEWHERE: &str =
    "Your other data choices are on your personal page, linked from any email we send you.";

/// Subject line of the candidate's confirmation email.
pub fn confirmation_headline(organization: &str) -> String {
    format!("{organization}: we received your request")
}

pub fn choice_recorded_headline(organization: &str) -> String {
    format!("{organization}: your choice is recorded")
}

pub fn privacy_policy() -> &'static str {
    "Privacy policy"
}

pub fn data_protection_contact(contact: &str) -> String {
    format!("Questions about your data: {contact}")
}
