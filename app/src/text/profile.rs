//! The candidate profile: its panels, banners, actions, notifications and outreach.

use super::*;
use crate::domain::{Purpose, RequestKind};

// The candidate profile.

pub const DO_NOT_CONTACT: &str = "Do not contact.";
pub const DO_NOT_CONTACT_EXPLAINED: &str = "The latest decision for this person's email address is against being contacted about future jobs. Don't reach out unless they ask you to.";
pub const OPPORTUNITIES_HEADING: &str = "Opportunities";
pub const NO_OPPORTUNITIES: &str = "No opportunities.";
pub const ATTACHMENTS_HEADING: &str = "Attachments";
pub const NOTES_HEADING: &str = "Notes";
pub const ALL_NOTES: &str = "Show all notes";
pub const EARLIER_OPPORTUNITIES: &str = "Earlier opportunities";
pub const ALL_OPPORTUNITIES: &str = "Show every opportunity in full";
pub const WHOLE_TIMELINE: &str = "Show the whole timeline";
pub const TIMELINE_HEADING: &str = "Timeline";
pub const NONE_YET: &str = "None yet.";
pub const ANONYMIZED_NOTICE: &str =
    "This candidate was anonymized: their personal data is no longer shown.";
pub const CONTACT_DETAILS_HEADING: &str = "Contact details";
pub const PHONE_LABEL: &str = "Phone";
pub const SKYPE_LABEL: &str = "Skype";
pub const LINKS_LABEL: &str = "Links";
pub const LOCATION_LABEL: &str = "Location";
pub const HIRED: &str = "Hired";
pub const ACTIVE: &str = "Active";
pub const GENERAL_OPPORTUNITY: &str = "General opportunity (no posting)";
pub const APPLICATION_ANSWERS: &str = "Application answers";
pub const APPLICATION_COMMENTS: &str = "Cover letter and comments";
pub const FEEDBACK_HEADING: &str = "Interview feedback";
pub const FORMER_MEMBER: &str = "Former team member";
pub const HIDDEN_AFTER_ANONYMIZATION: &str = "Hidden: the candidate was anonymized.";
pub const CONSENT_SIDEBAR_HEADING: &str = "Consent";
pub const WARNING_LABEL: &str = "Warning";
pub const CONSENT_OFF: &str = "Compliance handling is off.";
pub const GDPR_PROTECTED: &str = "Protected by GDPR";
pub const GDPR_NOT_PROTECTED: &str = "Not protected by GDPR";
pub const LOCALIZED: &str = "Local data-protection policy";
pub const NO_COUNTRY_POLICY: &str = "No country policy covers this candidate.";
pub const CONSENT_REFUSED_WARNING: &str =
    "A consent this candidate's data relies on was revoked, refused or has expired.";
pub const CONTACT_ACTIVE: &str = "Contact allowed";
pub const CONSENT_NOT_YET: &str = "Not yet had a chance to respond";

pub fn file_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} bytes"),
        b if b < 1024 * 1024 => format!("{} KB", (b + 1023) / 1024),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// A stage as the team reads it; an older free-text stage as it was written.
pub fn stage_name(stage: &str) -> String {
    use crate::domain::lifecycle::Stage;
    match stage.parse::<Stage>() {
        Ok(Stage::New) => "New".into(),
        Ok(Stage::Screen) => "Screen".into(),
        Ok(Stage::Interview) => "Interview".into(),
        Ok(Stage::Offer) => "Offer".into(),
        Err(_) => stage.to_owned(),
    }
}

/// Why an opportunity was archived; an older free-text reason as it was written.
pub fn archive_reason(reason: &str) -> String {
    use crate::domain::lifecycle::ArchiveReason;
    match reason.parse::<ArchiveReason>() {
        Ok(ArchiveReason::Rejected) => "rejected".into(),
        Ok(ArchiveReason::Withdrew) => "withdrew".into(),
        Ok(ArchiveReason::PositionFilled) => "position filled".into(),
        Ok(ArchiveReason::Unresponsive) => "unresponsive".into(),
        Err(_) => reason.to_owned(),
    }
}

pub const STAGE_LABEL: &str = "Move to stage";
pub const MOVE_BUTTON: &str = "Move";
pub const ARCHIVE_LABEL: &str = "Archive because the candidate";
pub const ARCHIVE_BUTTON: &str = "Archive";
pub const UNARCHIVE_BUTTON: &str = "Unarchive";
pub const HIRE_BUTTON: &str = "Mark hired";
pub const ADD_NOTE: &str = "Add a note";
pub const NOTE_LABEL: &str = "Note (the team sees it; the candidate can ask for a copy)";
pub const SAVE_NOTE: &str = "Save note";
pub const ADD_FEEDBACK: &str = "Add interview feedback";
pub const RATING_LABEL: &str = "Rating";
pub const FEEDBACK_LABEL: &str = "Feedback";
pub const SAVE_FEEDBACK: &str = "Save feedback";
pub const CHOOSE: &str = "Choose…";
pub const ASSIGN_LABEL: &str = "Assign a colleague";
pub const LOG_REQUEST_HEADING: &str = "Data requests";
pub const LOG_REQUEST: &str = "Log a request received another way";
pub const LOG_REQUEST_HELP: &str =
    "By email, phone, letter or in person. The one-month clock runs from the day it was received.";
pub const LOG_REQUEST_BUTTON: &str = "Log request";
pub const LOG_KIND_LABEL: &str = "The candidate asked for";
pub const LOG_NOTE_LABEL: &str =
    "Note of what they asked (optional; for a correction, what to correct)";
pub const ASSIGN_BUTTON: &str = "Assign";
pub const UNASSIGN_BUTTON: &str = "Remove";

pub fn unassign_label(name: &str) -> String {
    format!("Remove {name} from this opportunity")
}

pub fn assigned_line(count: usize) -> String {
    if count == 0 {
        "No colleague is assigned besides the owner.".into()
    } else {
        "Assigned besides the owner:".into()
    }
}

/// The archive reasons as the form offers them ("Archive because the candidate …").
pub fn archive_choice(reason: crate::domain::lifecycle::ArchiveReason) -> &'static str {
    use crate::domain::lifecycle::ArchiveReason::*;
    match reason {
        Rejected => "was not selected",
        Withdrew => "withdrew",
        PositionFilled => "lost out: the position was filled",
        Unresponsive => "stopped responding",
    }
}

pub fn archived(at: chrono::DateTime<chrono::Utc>, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("Archived on {} ({})", date(at), archive_reason(reason)),
        None => format!("Archived on {}", date(at)),
    }
}

pub fn opportunity_origin(origin: &str, created_at: chrono::DateTime<chrono::Utc>) -> String {
    let how = match origin {
        "applied" => "Applied",
        "sourced" => "Sourced",
        "referred" => "Referred",
        _ => "Added by hand",
    };
    format!("{how} on {}", date(created_at))
}

pub fn owner(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("Owner: {name}"),
        None => "No owner".into(),
    }
}

pub fn rating(rating: i16) -> &'static str {
    match rating {
        1 => "Strong no",
        2 => "No",
        3 => "Yes",
        _ => "Strong yes",
    }
}

pub fn timeline_event(
    kind: &str,
    stage: Option<&str>,
    actor: Option<&str>,
    posting: Option<&str>,
) -> String {
    let what = match (kind, stage) {
        ("created", _) => "Opportunity created".to_owned(),
        ("stage_changed", Some(stage)) => format!("Moved to {}", stage_name(stage)),
        ("interview_scheduled", _) => "Interview scheduled".to_owned(),
        ("archived", _) => "Archived".to_owned(),
        ("unarchived", _) => "Unarchived".to_owned(),
        ("hired", _) => "Hired".to_owned(),
        (other, _) => other.replace('_', " "),
    };
    let mut line = what;
    if let Some(posting) = posting {
        line.push_str(&format!(" · {posting}"));
    }
    if let Some(actor) = actor {
        line.push_str(&format!(" · by {actor}"));
    }
    line
}

pub fn timeline_consent(
    purpose: Purpose,
    decision: crate::domain::ConsentDecision,
    source: &str,
    recorded_by: Option<&str>,
) -> String {
    use crate::domain::ConsentDecision::*;
    let decided = match decision {
        Given => "given",
        Denied => "denied",
        Revoked => "revoked",
        Restored => "given again",
        Expired => "expired",
    };
    let via = match source {
        "preferences_page" => "on their preferences page",
        "job_post" => "when applying",
        "email_one_click" => "with the unsubscribe link in an email",
        "recruiter_manual" => "in writing, recorded by the team",
        "import" => "in an import",
        _ => "automatically",
    };
    let mut line = format!("{}: {decided} {via}", purpose_title(purpose));
    if let Some(name) = recorded_by {
        line.push_str(&format!(" ({name})"));
    }
    line
}

pub fn country_with_retention(country: &str, retention: &str) -> String {
    format!("Country policy: {country} · data kept for {retention} after the last application ends")
}

pub fn gdpr_country(country: Option<(&str, bool)>) -> String {
    match country {
        Some((code, true)) => format!("GDPR country: {code} (EU)"),
        Some((code, false)) => format!("GDPR country: {code}"),
        None => "GDPR country: unknown".into(),
    }
}

pub fn retention_passed(since: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "The retention period ended on {}: every opportunity is archived.",
        date(since)
    )
}

pub fn retention_period(retention: &str) -> String {
    format!("Retention period: {retention}.")
}

pub fn contact_revoked(since: chrono::DateTime<chrono::Utc>) -> String {
    format!("Contact revoked on {}", date(since))
}

pub fn consent_given(expires_at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    match expires_at {
        Some(at) => format!("Consent given, until {}", date(at)),
        None => "Consent given".into(),
    }
}

pub fn consent_refused(since: chrono::DateTime<chrono::Utc>) -> String {
    format!("Not provided or revoked ({})", date(since))
}

pub fn consent_expired(since: chrono::DateTime<chrono::Utc>) -> String {
    format!("Expired on {}", date(since))
}
pub const CHANGE_COUNTRY: &str = "✎ Change the GDPR country";
pub const COUNTRY_HELP: &str = "EU marks the countries GDPR covers. The country chosen here decides for the candidate and all their opportunities, whatever the postings' countries.";
pub const OWN_COUNTRY: &str = "The candidate's own country";

/// A country in the GDPR country picker: "Sweden (SE) — EU".
pub fn country_choice(name: &str, code: crate::domain::CountryCode) -> String {
    if code.is_eea() {
        format!("{name} ({code}) — EU")
    } else {
        format!("{name} ({code})")
    }
}
pub const SAVE_COUNTRY: &str = "Save country";
pub const CANDIDATE_DECIDED: &str = "The candidate told us in writing:";
pub const RECORD_DECISION: &str = "Record decision";

pub fn record_consent_change(purpose: Purpose) -> String {
    format!(
        "✎ Record a change received in writing ({})",
        purpose_title(purpose).to_lowercase()
    )
}

pub fn decision_label(purpose: Purpose, allow: bool) -> &'static str {
    match (purpose, allow) {
        (Purpose::Contact, true) => "We may contact them again",
        (Purpose::Contact, false) => "Stop contacting them",
        (_, true) => "They give their consent",
        (_, false) => "They refuse or revoke their consent",
    }
}

pub fn profile_notice(notice: &crate::domain::profile::ProfileNotice) -> String {
    use crate::domain::profile::ProfileNotice;
    match notice {
        ProfileNotice::EmailQueued => "The email is on its way.".into(),
        ProfileNotice::EmailScheduled => {
            "The email is scheduled. It is listed under Scheduled until it goes.".into()
        }
        ProfileNotice::Extended => {
            "The request is extended, and the candidate is sent the reason and the new date.".into()
        }
        ProfileNotice::Refused => {
            "The request is refused, and the candidate is sent the reason.".into()
        }
        ProfileNotice::Enrolled => {
            "The candidate is enrolled. The campaign's emails are listed under Scheduled.".into()
        }
        ProfileNotice::Anonymized => {
            "The candidate is anonymized. Their open requests are resolved, and their link now says their data was deleted.".into()
        }
        ProfileNotice::HoldPlaced => {
            "The legal hold is placed. Nobody can anonymize this candidate until it is lifted.".into()
        }
        ProfileNotice::HoldLifted => "The legal hold is lifted.".into(),
        ProfileNotice::DataSent => {
            "The copy of their data is on its way, with the JSON file. Mark the request resolved when you are done.".into()
        }
        ProfileNotice::Resolved => "The request is marked resolved.".into(),
        ProfileNotice::CorrectionApplied => {
            "The correction is applied to the profile and recorded in the audit log.".into()
        }
        ProfileNotice::CountryChanged => "The GDPR country is saved.".into(),
        ProfileNotice::ConsentRecorded => "The decision is recorded, with your note.".into(),
        ProfileNotice::Added => "The candidate is added, with you as the owner.".into(),
        ProfileNotice::Moved => "The opportunity moved to its new stage.".into(),
        ProfileNotice::Archived => "The opportunity is archived.".into(),
        ProfileNotice::Unarchived => "The opportunity is active again.".into(),
        ProfileNotice::Hired => "Marked hired. Congratulations to the team!".into(),
        ProfileNotice::NoteAdded => "Your note is saved.".into(),
        ProfileNotice::FeedbackAdded => "Your feedback is saved.".into(),
        ProfileNotice::Assigned => "The colleague is assigned: they now see this candidate.".into(),
        ProfileNotice::Unassigned => "The colleague is no longer assigned.".into(),
        ProfileNotice::RequestLogged => "The request is logged: its clock runs from the day it was received, and the owners and the candidate are told.".into(),
        ProfileNotice::RequestAlreadyOpen => "A request of that kind is already open: nothing new was logged. Answer the open one.".into(),
        ProfileNotice::AddedWithNotice => {
            "The candidate is added, with you as the owner. GDPR protects them, so the data-collection notice with their personal link is on its way.".into()
        }
        ProfileNotice::Failed(error) => error_message(error),
    }
}

// Notifications.

pub const NOTIFICATIONS_TITLE: &str = "Notifications";
pub const NO_NOTIFICATIONS: &str =
    "No notifications yet. You'll see here when a candidate of yours makes a request.";
pub const MARK_ALL_READ: &str = "Mark all as read";
pub const MARK_READ: &str = "Mark as read";
pub const UNREAD: &str = "New";

pub fn bell_label(unread: i64) -> String {
    use crate::domain::profile::BELL_COUNTS_UP_TO;
    match unread {
        0 => "Notifications, none unread".into(),
        1 => "Notifications, 1 unread".into(),
        n if n > BELL_COUNTS_UP_TO => {
            format!("Notifications, more than {BELL_COUNTS_UP_TO} unread")
        }
        n => format!("Notifications, {n} unread"),
    }
}

/// The number on the bell.
pub fn bell_count(unread: i64) -> String {
    use crate::domain::profile::BELL_COUNTS_UP_TO;
    if unread > BELL_COUNTS_UP_TO {
        format!("{BELL_COUNTS_UP_TO}+")
    } else {
        unread.to_string()
    }
}

pub fn notification(
    kind: &str,
    candidate: &str,
    request: Option<RequestKind>,
    due_at: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    let what = match request {
        Some(RequestKind::Access) => "a copy of their data",
        Some(RequestKind::Rectification) => "a correction",
        Some(RequestKind::Erasure) => "removal of their data",
        _ => "something about their data",
    };
    let due = due_at
        .map(|d| format!(", due {}", date(d)))
        .unwrap_or_default();
    match kind {
        "data_request" => format!("{candidate} asked for {what}{due}"),
        "request_due_soon" => format!("{candidate}'s request for {what} is due soon{due}"),
        "request_overdue" => format!("{candidate}'s request for {what} is overdue{due}"),
        "request_withdrawn" => format!("{candidate} withdrew their request for {what}"),
        "request_escalated" => {
            format!("{candidate}'s request for {what} is overdue and escalated to the Admins{due}")
        }
        _ => format!("{candidate}'s request for {what} needs attention{due}"),
    }
}

// Contacting a candidate from the profile.
pub const CONTACT_CARD_HEADING: &str = "Contact";
pub const EMAIL_CANDIDATE: &str = "Email the candidate";
pub const START_FROM_TEMPLATE: &str = "Start from a template";
pub const BLANK_MESSAGE: &str = "Blank message";
pub const USE_TEMPLATE: &str = "Use template";
pub const PLACEHOLDERS_HELP: &str = "{{ consent_link }} becomes the candidate's personal data-preferences link, {{ candidate_first_name }} their first name and {{ organization }} your organization's name.";
pub const SEND_EMAIL: &str = "Send email";
pub const WHEN_TO_SEND: &str = "When";
pub const SEND_NOW: &str = "Now";
pub const SEND_LATER: &str = "Later, at the time below";
pub const ADD_TO_CAMPAIGN: &str = "Add to a nurture campaign";
pub const NO_CAMPAIGNS: &str = "There are no nurture campaigns yet.";
pub const ENROLL: &str = "Enroll";
pub const SCHEDULED_HEADING: &str = "Scheduled";
pub const CONTACT_WARNING_HEADING: &str = "Think twice before contacting this candidate:";
pub const CONFIRM_CONTACT: &str = "I have read this and still want to contact them.";

/// Where the "send at" time is read.
pub const SEND_TIME_ZONE_HELP: &str = "The time is sent at in this zone, daylight saving included. It starts at your browser's zone, or your organization's.";

pub fn contact_warning(warning: crate::domain::consent_panel::ContactWarning) -> &'static str {
    use crate::domain::consent_panel::ContactWarning;
    match warning {
        ContactWarning::PendingErasure => "They asked for their data to be erased, and the request is still open.",
        ContactWarning::PendingRevocation => "They revoked or refused a consent their data rests on, so their data is due for deletion.",
        ContactWarning::DoNotContact => "The latest decision for their email address is against being contacted about future jobs.",
        ContactWarning::LegitimateInterestExpired => "The retention period has run out: the legitimate interest in keeping and contacting them has expired.",
    }
}

/// A date and time, for emails scheduled to go later: "24 November 2026, 08:30 UTC".
pub fn date_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%-d %B %Y, %H:%M UTC").to_string()
}

pub fn scheduled_email(subject: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    format!("“{subject}” — {}", date_time(at))
}

pub fn enrollment(
    campaign: &str,
    next: Option<chrono::DateTime<chrono::Utc>>,
    remaining: i64,
) -> String {
    match next {
        Some(at) if remaining == 1 => format!("{campaign}: one email left, on {}", date(at)),
        Some(at) => format!(
            "{campaign}: {remaining} emails left, the next on {}",
            date(at)
        ),
        None => format!("{campaign}: nothing left to send"),
    }
}

/// A campaign in the enrol menu: "Future engineering roles (emails after 7 and 30 days)".
pub fn campaign_choice(name: &str, days_after: &[i32]) -> String {
    let days: Vec<String> = days_after.iter().map(i32::to_string).collect();
    let list = match days.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => return name.to_owned(),
    };
    let noun = if days_after.len() == 1 {
        "email"
    } else {
        "emails"
    };
    format!("{name} ({noun} after {list} days)")
}

// Request banners on the profile.
pub const OPEN_REQUESTS: &str = "Open data requests";
pub const EXTEND_REQUEST: &str = "Extend";
pub const EXTENSION_REASON: &str = "Why more time is needed (the candidate is sent it)";
pub const REFUSAL_REASON: &str = "Why the request is refused (the candidate is sent it)";
pub const REFUSE_REQUEST: &str = "Refuse";
pub const ONE_MONTH: &str = "One more month";
pub const TWO_MONTHS: &str = "Two more months";
pub const EXTEND_BUTTON: &str = "Extend and tell the candidate";
pub const REFUSE_BUTTON: &str = "Refuse and tell the candidate";
pub const REFUSE_EXPLAINED: &str =
    "The candidate is sent your reason and told they may complain to a supervisory authority.";

pub fn request_banner_title(kind: RequestKind) -> String {
    format!("{} request.", request_kind_for_team(kind))
}

pub fn request_banner_dates(
    received: chrono::DateTime<chrono::Utc>,
    due: chrono::DateTime<chrono::Utc>,
    extended: bool,
) -> String {
    let due_word = if extended { "extended to" } else { "due" };
    format!("Received {}, {due_word} {}.", date(received), date(due))
}

pub fn due_state(state: crate::domain::DueState) -> String {
    use crate::domain::DueState;
    match state {
        DueState::OnTrack { days_left } => format!("{} left.", days(days_left)),
        DueState::DueSoon { days_left } => format!("Due soon: {} left.", days(days_left)),
        DueState::Overdue { days_over: 0 } => "Overdue since today.".into(),
        DueState::Overdue { days_over } => format!("Overdue by {}.", days(days_over)),
    }
}

// Anonymizing (the erasure action banner and its confirm dialog).
pub const ANONYMIZE_HEADING: &str = "Anonymize.";
pub const ANONYMIZE_NEEDS_PERMISSION: &str =
    "Resolving this request means anonymizing the candidate, which needs the \"anonymize candidates\" permission. Ask an Admin.";
pub const ANONYMIZE_OPEN: &str = "Anonymize…";
pub const WILL_BE_REMOVED: &str = "Will be removed";
pub const WILL_BE_KEPT: &str = "Will be kept";
pub const NOTHING_REMOVED_FROM_DATABASE: &str =
    "Nothing is removed from the database: no country policy covers this candidate. Everything personal is hidden from everyone.";
pub const ANONYMIZE_BUTTON: &str = "Anonymize candidate";

pub fn anonymize_explained(mode: crate::domain::anonymization::AnonymizationMode) -> &'static str {
    use crate::domain::anonymization::AnonymizationMode;
    match mode {
        AnonymizationMode::Gdpr => "Anonymizing removes this candidate's personal data for good (GDPR mode) and resolves every open request. It can't be undone.",
        AnonymizationMode::Localized => "Anonymizing hides everything personal and removes what the country policy selects (localized mode), and resolves every open request. It can't be undone.",
    }
}

fn personal_field(field: crate::domain::anonymization::PersonalField, count: i64) -> String {
    use crate::domain::anonymization::PersonalField::*;
    let label = removable_field(field);
    match field {
        Name | Skype | Location => label.into(),
        _ => format!("{label} ({count})"),
    }
}

pub fn removed_line(
    item: crate::domain::anonymization::Removed,
    preview: &crate::domain::anonymization::AnonymizationPreview,
) -> String {
    use crate::domain::anonymization::Removed;
    match item {
        Removed::Field(field) => personal_field(field, preview.count(field)),
        Removed::RequestDetails => "What they wrote in their data requests".into(),
        Removed::ConsentNotes => "The notes recorded with their consent decisions".into(),
        Removed::EmailContents => "The address, subject and text of every email to or about them".into(),
        Removed::ValuesInTeamText => "Their name, email addresses, phone numbers, Skype name and links inside notes and feedback, replaced by “[removed]”".into(),
    }
}

pub fn kept_line(item: crate::domain::anonymization::Kept) -> String {
    use crate::domain::anonymization::Kept;
    match item {
        Kept::HiddenField(field) => format!(
            "{} — kept in the database as the country policy allows, shown to nobody",
            personal_field(field, 0).trim_end_matches(" (0)")
        ),
        Kept::Candidacies => "Stages, dates, source, postings, ratings and events, for reporting".into(),
        Kept::TeamText => "Notes and feedback, with their personal values replaced".into(),
        Kept::TeamTextHidden => "Notes and feedback, kept but shown to nobody".into(),
        Kept::RequestsAndAudit => "Their data requests and the audit trail, as dates and ids".into(),
        Kept::ContactDecision => "Each email address as a one-way keyed hash with their contact decision, so a “do not contact” still holds if they come back".into(),
    }
}

pub fn blocked_by_hold(hold: &crate::domain::legal_hold::HoldView) -> String {
    format!(
        "This candidate is on legal hold ({}), so they can't be anonymized. An Admin must lift the hold first.",
        hold_placed(hold)
    )
}

// Legal holds.
pub const LEGAL_HOLD_HEADING: &str = "Legal hold";
pub const ON_HOLD: &str = "On hold.";
pub const NO_HOLD: &str = "No legal hold.";
pub const PLACE_HOLD: &str = "Place a legal hold";
pub const PLACE_HOLD_BUTTON: &str = "Place hold";
pub const LIFT_HOLD: &str = "Lift the hold";
pub const HOLD_REASON: &str = "Reason (seen by the team only)";
pub const HOLD_EXPLAINED: &str =
    "While the hold is in place, nobody can anonymize this candidate, and the retention sweep skips them.";

pub fn hold_placed(hold: &crate::domain::legal_hold::HoldView) -> String {
    format!(
        "placed {} by {}",
        date(hold.placed_at),
        hold.placed_by.as_deref().unwrap_or(FORMER_MEMBER)
    )
}

// Resolving access and rectification requests.
pub const MARK_RESOLVED: &str = "Mark as resolved";
pub const SEND_PERSONAL_DATA: &str = "Send personal data";
pub const SEND_DATA_HELP: &str =
    "Filled from all their opportunities. Edit it, or delete what should not go; it is sent to their primary address.";
pub const EXPORT_PARTS: &str = "The machine-readable copy (personal-data.json) holds";
pub const SEND_DATA_BUTTON: &str = "Send to the candidate";
pub const VIEW_NOTE: &str = "View note";
pub const NO_NOTE: &str = "The candidate wrote no note; their corrected values are below.";
pub const CORRECTION_FIELD: &str = "Field";
pub const ON_FILE: &str = "On file";
pub const ASKED_FOR: &str = "Asked for";
pub const CORRECTION_ACTION: &str = "Action";
pub const NOTHING_ON_FILE: &str = "(nothing)";
pub const APPLIED: &str = "Applied";
pub const APPLY: &str = "Apply";
/// A corrected email address sent its confirmation link, not yet followed.
pub const AWAITING_CONFIRMATION: &str = "Confirmation link sent; waiting for the candidate";
/// Beside a contact-detail correction the viewer may not apply.
pub const NEEDS_MANAGE_PROFILES: &str =
    "Contact details are changed by someone with the permission to manage profiles.";
pub const SUGGESTED_EMAIL: &str = "Suggested email to the candidate";
pub const SEND_SUGGESTED: &str = "Send this email";

pub fn data_sent_on(at: chrono::DateTime<chrono::Utc>) -> String {
    format!("A copy of their data was sent on {}.", date(at))
}

pub fn correction_field(field: crate::domain::access::CorrectionField) -> &'static str {
    use crate::domain::access::CorrectionField::*;
    match field {
        Name => "Name",
        Email => "Email address",
        Phone => "Phone number",
        Location => "Location",
        Links => "Links",
    }
}

pub fn apply_label(field: crate::domain::access::CorrectionField) -> String {
    if field == crate::domain::access::CorrectionField::Email {
        return "Send the corrected email address a confirmation link".into();
    }
    format!(
        "Apply the corrected {}",
        correction_field(field).to_lowercase()
    )
}

/// The apply button's own words: an email correction first needs the candidate's confirmation.
pub fn apply_button(field: crate::domain::access::CorrectionField) -> &'static str {
    if field == crate::domain::access::CorrectionField::Email {
        "Send confirmation link"
    } else {
        APPLY
    }
}

/// The short email that tells a candidate their corrections were made; placeholders are filled
/// in when it is sent.
pub fn correction_email(applied: &[crate::domain::access::CorrectionField]) -> (String, String) {
    let fields: Vec<String> = applied
        .iter()
        .map(|f| correction_field(*f).to_lowercase())
        .collect();
    (
        "Your details are corrected".into(),
        format!(
            "Hello {{{{ candidate_first_name }}}},\n\nAs you asked, we corrected the details we hold about you: {}.\n\nYou can see your data and your requests at any time: {{{{ consent_link }}}}\n\nKind regards,\n{{{{ organization }}}}",
            fields.join(", ")
        ),
    )
}

pub fn access_part(
    part: crate::domain::access::Part,
    data: &crate::domain::access::PersonalData,
) -> String {
    use crate::domain::access::Part;
    let posting = |i: usize| {
        data.opportunities
            .get(i)
            .and_then(|o| o.posting.clone())
            .unwrap_or_else(|| GENERAL_OPPORTUNITY.to_owned())
    };
    match part {
        Part::Contact => "Contact details".into(),
        Part::Answers(i) => format!("Application answers — {}", posting(i)),
        Part::Comments(i) => format!("Cover letter and comments — {}", posting(i)),
    }
}

/// The "Send personal data" draft: a subject and a readable copy of every part.
pub fn access_package(
    data: &crate::domain::access::PersonalData,
    organization: &str,
) -> (String, String) {
    use crate::domain::access::Part;
    let mut body = format!(
        "Hello {},\n\nYou asked for a copy of the personal data {organization} holds about you. Here it is, from all your applications.",
        data.name.split_whitespace().next().unwrap_or("there")
    );
    let line = |label: &str, values: &[String]| {
        (!values.is_empty()).then(|| format!("\n{label}: {}", values.join(", ")))
    };
    for part in data.parts() {
        body.push_str(&format!("\n\n{}", access_part(part, data)));
        match part {
            Part::Contact => {
                for (label, values) in [
                    ("Name", vec![data.name.clone()]),
                    ("Email addresses", data.emails.clone()),
                    ("Phone numbers", data.phones.clone()),
                    ("Skype", data.skype.iter().cloned().collect()),
                    ("Links", data.links.clone()),
                    ("Location", data.location.iter().cloned().collect()),
                ] {
                    body.extend(line(label, &values));
                }
            }
            Part::Answers(i) => {
                for (question, answer) in &data.opportunities[i].responses {
                    body.push_str(&format!("\n{question}\n{answer}"));
                }
            }
            Part::Comments(i) => {
                for comment in &data.opportunities[i].comments {
                    body.push_str(&format!("\n{comment}"));
                }
            }
        }
    }
    body.push_str(&format!(
        "\n\nThe same data is attached as a machine-readable file (personal-data.json).\n\nKind regards,\n{organization}"
    ));
    (format!("Your personal data held by {organization}"), body)
}

// Deletion marks (SPEC §5).
pub const MARKED_FOR_DELETION: &str = "Marked for deletion.";

pub fn mark_reason(reason: crate::domain::MarkReason) -> &'static str {
    use crate::domain::MarkReason::*;
    match reason {
        ProcessingConsentDenied => "they refused consent to the processing of their data",
        RetentionConsentDenied => "they refused consent to keeping their data",
        ConsentExpired => "their consent expired",
        ConsentNotAnswered => "they did not answer the request for consent in time",
        ArchivedWithoutRetentionConsent => {
            "their applications are all archived and they did not consent to keeping their data"
        }
        RetentionPeriodPassed => {
            "the retention period has passed since their last application was archived"
        }
    }
}

pub fn deletion_notice(
    notice: &crate::domain::consent_panel::DeletionNotice,
    held: bool,
) -> String {
    let outcome = if held {
        "A legal hold keeps their data until an Admin lifts it.".to_owned()
    } else {
        format!(
            "Their data is due to be anonymized on {}, after the grace period.",
            date(notice.anonymize_on)
        )
    };
    format!(
        "Since {}: {}. {outcome}",
        date(notice.since),
        mark_reason(notice.reason)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_steps_read_as_a_list() {
        assert_eq!(
            campaign_choice("Future roles", &[7, 30]),
            "Future roles (emails after 7 and 30 days)"
        );
        assert_eq!(
            campaign_choice("Silver", &[1, 14, 90]),
            "Silver (emails after 1, 14 and 90 days)"
        );
        assert_eq!(campaign_choice("Once", &[3]), "Once (email after 3 days)");
    }

    #[test]
    fn due_states_read_in_days() {
        use crate::domain::DueState;
        assert_eq!(
            due_state(DueState::OnTrack { days_left: 12 }),
            "12 days left."
        );
        assert_eq!(
            due_state(DueState::DueSoon { days_left: 1 }),
            "Due soon: 1 day left."
        );
        assert_eq!(
            due_state(DueState::Overdue { days_over: 0 }),
            "Overdue since today."
        );
        assert_eq!(
            due_state(DueState::Overdue { days_over: 3 }),
            "Overdue by 3 days."
        );
    }
}
