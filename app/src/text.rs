//! Every sentence a candidate reads, in one place so that other languages can drop in: the
//! preferences and unsubscribe pages, the bad-link page, and the candidate-facing email lines.
//! English only for now; a second language becomes a second module behind the same functions.

use crate::domain::{
    preferences::{period_in_words, Field, Problem},
    Purpose, RequestKind, RequestStatus,
};
use crate::error::AppError;
use crate::preferences::model::{ConsentState, Notice};

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

pub fn field_label(field: Field) -> &'static str {
    match field {
        Field::Note => "What should be corrected?",
        Field::Name => "Correct name",
        Field::Email => "Correct email address",
        Field::Phone => "Correct phone number",
        Field::Location => "Correct location",
        Field::Links => "Correct links (one per line)",
        Field::Confirm => "Confirmation",
        Field::Password => PASSWORD_LABEL,
        Field::Country => "GDPR country",
        Field::Evidence => "Note of the candidate's written word",
        Field::Subject => "Subject",
        Field::Body => "Message",
        Field::SendAt => "Send at",
        Field::Campaign => "Campaign",
        Field::Reason => "Reason (the candidate is sent it)",
        Field::Months => "Extend by",
        Field::Acknowledge => "I understand that anonymizing can't be undone",
        Field::Organization => "Organization name",
        Field::ReplyTo => "Reply-to address for candidate emails",
        Field::PrivacyPolicy => "Privacy policy link",
        Field::DataProtectionContact => "Data protection contact",
        Field::Mode => "Compliance mode",
        Field::Scope => "Who GDPR protects",
        Field::ProcessingBasis => "Lawful basis for processing",
        Field::RetentionBasis => "Lawful basis for retention",
        Field::RetentionDays => "Retention period (days)",
        Field::ConsentValidityDays => "Consent validity (days; blank: consent does not expire)",
        Field::AnswerWindowDays => "Days a candidate has to answer a consent request",
        Field::GraceDays => "Grace period before automatic anonymization (days)",
        Field::TemplateName => "Template name",
        Field::Posting => "Sourced for (optional)",
        Field::ProcessingConsent => "Consent to the processing of your data",
        Field::Answer => MOTIVATION_QUESTION,
        Field::Resume => "Résumé (optional)",
        Field::RequestKind => FILTER_KIND,
        Field::RequestState => FILTER_STATE,
        Field::Owner => FILTER_OWNER,
        Field::ReceivedFrom => FILTER_FROM,
        Field::ReceivedTo => FILTER_TO,
    }
}

fn field_problem(field: Field, problem: Problem) -> String {
    let name = match field {
        Field::Note => "your note",
        Field::Name => "the name",
        Field::Email => "the email address",
        Field::Phone => "the phone number",
        Field::Location => "the location",
        Field::Links => "the links",
        Field::Confirm => "the confirmation",
        Field::Password => "the password",
        Field::Country => "the country",
        Field::Evidence => "the note",
        Field::Subject => "the subject",
        Field::Body => "the message",
        Field::SendAt => "the time",
        Field::Campaign => "the campaign",
        Field::Reason => "the reason",
        Field::Months => "the extension",
        Field::Acknowledge => "the acknowledgement",
        Field::Organization => "the organization name",
        Field::ReplyTo => "the reply-to address",
        Field::PrivacyPolicy => "the privacy policy link",
        Field::DataProtectionContact => "the data protection contact",
        Field::Mode => "the compliance mode",
        Field::Scope => "the GDPR scope",
        Field::ProcessingBasis => "the lawful basis for processing",
        Field::RetentionBasis => "the lawful basis for retention",
        Field::RetentionDays => "the retention period",
        Field::ConsentValidityDays => "the consent validity",
        Field::AnswerWindowDays => "the answer window",
        Field::GraceDays => "the grace period",
        Field::TemplateName => "the template name",
        Field::Posting => "the posting",
        Field::ProcessingConsent => "the consent",
        Field::Answer => "your answer",
        Field::Resume => "the résumé",
        Field::RequestKind => "the kind",
        Field::RequestState => "the state",
        Field::Owner => "the owner",
        Field::ReceivedFrom => "the first day",
        Field::ReceivedTo => "the last day",
    };
    match (field, problem) {
        (Field::Note, Problem::Required) => {
            "Please describe what should be corrected, or fill in at least one corrected value."
                .into()
        }
        (Field::Confirm, _) => "Please confirm that you want your data removed.".into(),
        (Field::ProcessingConsent, _) => {
            "To apply, please tick the box to agree that we process your data for your application."
                .into()
        }
        (Field::Resume, Problem::TooLong) => format!(
            "Your résumé is larger than {} MB. Please upload a smaller file; a PDF is usually smallest.",
            crate::domain::application::MAX_RESUME_BYTES / (1024 * 1024)
        ),
        (Field::Resume, _) => {
            "Please upload your résumé as a PDF, Word, OpenDocument, RTF or plain-text file.".into()
        }
        (Field::Posting, _) => "That job is closed or no longer exists.".into(),
        (Field::ReceivedFrom | Field::ReceivedTo, _) => {
            "Please pick the dates as day, month and year, the first no later than the last.".into()
        }
        (Field::Acknowledge, _) => {
            "Tick the box to confirm you understand that anonymizing can't be undone. Nothing was changed.".into()
        }
        (Field::Password, Problem::Required) => "Please enter your password.".into(),
        (Field::Country, _) => {
            "Please enter a two-letter country code such as DE, FR or US.".into()
        }
        (Field::Subject | Field::Body, Problem::Invalid) => format!(
            "Please check {name}: it has a mistake or a placeholder Candor can't fill in. Use {{{{ consent_link }}}}, {{{{ candidate_first_name }}}} or {{{{ organization }}}}."
        ),
        (Field::SendAt, Problem::Required) => "Please pick the date and time to send at.".into(),
        (Field::SendAt, _) => format!(
            "Please pick a time in the future, at most {} days ahead.",
            crate::domain::outreach::MAX_DELAY_DAYS
        ),
        (Field::Campaign, _) => "Please choose a campaign.".into(),
        (Field::Reason, Problem::Required) => {
            "Please give the reason: the candidate is told why.".into()
        }
        (Field::Months, _) => "A request can be extended by one or two months.".into(),
        (Field::Evidence, Problem::Required) => {
            "Please note the candidate's written word: what they sent, when, and how.".into()
        }
        (Field::Email, Problem::Required) => "Please enter your email address.".into(),
        (Field::Email, Problem::Invalid) => {
            "Please enter the email address like name@example.com.".into()
        }
        (Field::Phone, Problem::Invalid) => {
            "Please enter the phone number with digits only (spaces, +, - and brackets are fine)."
                .into()
        }
        (Field::Links | Field::PrivacyPolicy, Problem::Invalid) => {
            "Please enter each link as a full web address starting with https://.".into()
        }
        (Field::ReplyTo, Problem::Invalid) => {
            "Please enter the reply-to address like privacy@example.com.".into()
        }
        (Field::Organization, Problem::Required) => "Please enter the organization's name.".into(),
        (Field::RetentionDays | Field::ConsentValidityDays, Problem::Invalid) => {
            format!("Please enter {name} as a whole number of days from 1 to 36500.")
        }
        (Field::AnswerWindowDays, Problem::Invalid) => {
            format!("Please enter {name} as a whole number of days from 1 to 365.")
        }
        (Field::GraceDays, Problem::Invalid) => {
            format!("Please enter {name} as a whole number of days from 0 to 365.")
        }
        (_, Problem::Required) => format!("Please fill in {name}."),
        (_, Problem::TooLong) => format!(
            "Please shorten {name}: at most {} characters.",
            field.max_chars()
        ),
        (_, _) => format!("Please check {name}."),
    }
}

/// The one user-facing message for each error.
pub fn error_message(error: &AppError) -> String {
    match error {
        AppError::Invalid(e) => field_problem(e.field, e.problem),
        AppError::LinkInvalid => LINK_INVALID_TEXT.into(),
        AppError::LinkRetired => "Your personal data has been deleted.".into(),
        AppError::RateLimited => RATE_LIMITED.into(),
        AppError::SignInFailed => "That email and password don't match an account. Check both and try again.".into(),
        AppError::SignInPaused => "Too many sign-in attempts failed. For your security, please wait 15 minutes before trying again.".into(),
        AppError::SignInRequired => "Please sign in to continue.".into(),
        AppError::Forbidden => "Your role doesn't allow this. Ask an Admin if you need it.".into(),
        AppError::NotFound => "There is nothing here. It may have been removed, or the address is incomplete.".into(),
        AppError::Anonymized => "This candidate was anonymized: nothing about them can be changed, and they can't be contacted.".into(),
        AppError::ConfirmFirst => "Read the warning about contacting this candidate, then tick the box to confirm and send again. Nothing was sent.".into(),
        AppError::AlreadyEnrolled => "This candidate is already in that campaign, with emails still to come.".into(),
        AppError::NoEmailAddress => "This candidate has no email address to write to.".into(),
        AppError::RequestClosed => "This request is already closed: nothing was changed.".into(),
        AppError::AlreadyExtended => "This request has already been extended once; the law allows no second extension.".into(),
        AppError::ExtensionTooLate => "An extension must be sent before the original due date, and that date has passed.".into(),
        AppError::LegalHold => "This candidate is on legal hold, so they can't be anonymized. An Admin can lift the hold once it is no longer needed.".into(),
        AppError::AlreadyOnHold => "This candidate is already on legal hold.".into(),
        AppError::NoHold => "This candidate is not on legal hold (it may just have been lifted).".into(),
        AppError::AnonymizeToResolve => "An erasure request is resolved by anonymizing the candidate, or refused with a reason.".into(),
        AppError::BadForm => "This form could not be read, so nothing was changed. Please reload the page and send it again.".into(),
        AppError::UploadQuota => "We can't take more files today from where you are applying. Nothing was sent: apply without a résumé, or try again tomorrow.".into(),
        AppError::Unavailable => {
            "Something went wrong on our side and nothing was changed. Please try again in a few minutes."
                .into()
        }
    }
}

pub const UPLOAD_NOT_MULTIPART: &str =
    "This form must be sent from its page. Please go back to the job posting and apply there.";

/// The page for a request body over its limit: on the application form, the résumé is too large.
pub fn too_large(upload: bool) -> (&'static str, String) {
    if upload {
        (
            "Résumé too large",
            format!(
                "{} Nothing was sent: go back, choose a smaller file and apply again.",
                field_problem(Field::Resume, Problem::TooLong)
            ),
        )
    } else {
        (
            "Too much text",
            "That form held more text than we accept, so nothing was saved. Please go back and shorten it.".into(),
        )
    }
}

pub const RATE_LIMITED: &str =
    "You sent many requests in a short time. Please wait a minute, then try again.";

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
        Notice::Failed(error) => error_message(error),
    }
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

// The recruiter workspace.

pub const SIGN_IN_TITLE: &str = "Sign in";
pub const SIGN_IN_BUTTON: &str = "Sign in";
pub const SIGN_IN_HELP: &str =
    "Forgot your password, or have no account yet? Ask an Admin of your team.";
pub const SIGN_IN_TO_CONTINUE: &str = "Please sign in to continue.";
pub const SIGNED_OUT: &str = "You are signed out.";
pub const EMAIL_LABEL: &str = "Email";
pub const PASSWORD_LABEL: &str = "Password";
pub const SIGN_OUT_BUTTON: &str = "Sign out";
pub const CROSS_SITE_REFUSED: &str = "This form was sent from another website, so Candor refused it to protect your account. Please open Candor directly and try again.";
pub const MAIN_NAVIGATION: &str = "Main";
pub const CANDIDATES_TITLE: &str = "Candidates";
pub const CANDIDATES_CAPTION: &str = "Candidates, most recent activity first";
pub const SEARCH_LABEL: &str = "Search by name or email";
pub const SEARCH_PLACEHOLDER: &str = "e.g. Ada or ada@example.com";
pub const SEARCH_BUTTON: &str = "Search";
pub const NO_CANDIDATES: &str = "There are no candidates yet.";
pub const NO_OWN_CANDIDATES: &str = "None of your opportunities has a candidate yet. As a Limited Team Member you see the candidates of opportunities you own.";
pub const NO_MATCHES: &str = "No candidate matches this search. Check the spelling, or search for part of the name or email.";
pub const NAME_COLUMN: &str = "Name";
pub const EMAIL_COLUMN: &str = "Email";
pub const ACTIVITY_COLUMN: &str = "Last activity";
pub const REQUESTS_COLUMN: &str = "Open requests";
pub const PAGES_LABEL: &str = "Pages";
pub const PREVIOUS_PAGE: &str = "← Previous";
pub const NEXT_PAGE: &str = "Next →";
pub const ANONYMIZED_CANDIDATE: &str = "Anonymized candidate";
pub const FORBIDDEN_TITLE: &str = "Not allowed";
pub const NOT_FOUND_TITLE: &str = "Not found";
pub const PROBLEM_TITLE: &str = "Something went wrong";
pub const BACK_TO_CANDIDATES: &str = "Back to the candidates";

pub fn page_number(page: u32) -> String {
    format!("Page {page}")
}

pub fn open_requests(count: i64) -> String {
    if count == 1 {
        "1 open request".into()
    } else {
        format!("{count} open requests")
    }
}

// The candidate profile.

pub const DO_NOT_CONTACT: &str = "Do not contact.";
pub const DO_NOT_CONTACT_EXPLAINED: &str = "The latest decision for this person's email address is against being contacted about future jobs. Don't reach out unless they ask you to.";
pub const OPPORTUNITIES_HEADING: &str = "Opportunities";
pub const NO_OPPORTUNITIES: &str = "No opportunities.";
pub const ATTACHMENTS_HEADING: &str = "Attachments";
pub const NOTES_HEADING: &str = "Notes";
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

pub fn archived(at: chrono::DateTime<chrono::Utc>, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("Archived on {} ({reason})", date(at)),
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
        ("stage_changed", Some(stage)) => format!("Moved to {stage}"),
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
pub const COUNTRY_HELP: &str = "Two letters, such as DE or US. EU marks the countries GDPR covers. Leave empty to use the candidate's own country.";
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

pub fn profile_notice(notice: &crate::ui::profile_action::ProfileNotice) -> String {
    use crate::ui::profile_action::ProfileNotice;
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
    match unread {
        0 => "Notifications, none unread".into(),
        1 => "Notifications, 1 unread".into(),
        n => format!("Notifications, {n} unread"),
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

/// Where the "send at" time is read: the browser's zone once JavaScript has told us, else UTC.
pub fn send_time_zone(offset_minutes: Option<i32>) -> String {
    match offset_minutes {
        Some(minutes) => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let minutes = minutes.unsigned_abs();
            format!(
                "In your time zone (UTC{sign}{:02}:{:02}).",
                minutes / 60,
                minutes % 60
            )
        }
        None => "In UTC.".into(),
    }
}

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

// Compliance settings (SPEC §5).
pub const SETTINGS_TITLE: &str = "Compliance settings";
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

// Adding a candidate by hand (SPEC §5).
pub const ADD_CANDIDATE_TITLE: &str = "Add a candidate";
pub const ADD_CANDIDATE_LINK: &str = "Add a candidate";
pub const ADD_CANDIDATE_INTRO: &str =
    "Someone you found yourself (sourced). You become the owner of their opportunity.";
pub const NEW_COUNTRY_HELP: &str =
    "Two letters, such as DE, FR or US; leave empty if you don't know. It decides whether GDPR protects them.";
pub const NO_POSTING: &str = "No particular posting";
pub const NOTICE_EXPLAINED: &str =
    "When GDPR protects them, Candor emails them at once to say their details were added, \
     with their personal link to manage consent and ask about their data.";
pub const ADD_CANDIDATE_BUTTON: &str = "Add candidate";

pub fn new_candidate_label(field: Field) -> &'static str {
    match field {
        Field::Name => "Name",
        Field::Email => "Email address",
        Field::Phone => "Phone number (optional)",
        Field::Country => "Country (optional)",
        other => field_label(other),
    }
}

pub fn data_notice(
    queued_at: chrono::DateTime<chrono::Utc>,
    sent_at: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    match sent_at {
        Some(sent) => format!("Data-collection notice sent on {}.", date(sent)),
        None => format!(
            "Data-collection notice queued on {}, not delivered yet.",
            date(queued_at)
        ),
    }
}

// Retention sweep runs (SPEC §5).
pub const SWEEPS_TITLE: &str = "Retention sweeps";
pub const SWEEPS_INTRO: &str =
    "Every day Candor anonymizes the candidates whose grace period after a \
     deletion mark has passed, unless a legal hold keeps them. Each run is listed here with its \
     counts; no names are kept.";
pub const NO_SWEEPS: &str = "The sweep has not run yet.";
pub const SWEEPS_CAPTION: &str = "Latest retention sweep runs, newest first";
pub const SWEEP_STARTED: &str = "Started";
pub const SWEEP_KIND: &str = "Run";
pub const SWEEP_MARKED: &str = "Marked for deletion";
pub const SWEEP_OUTCOME: &str = "Outcome";

pub fn sweep_duration(took: chrono::Duration) -> String {
    let ms = took.num_milliseconds().max(0);
    if ms < 1000 {
        format!("took {ms} ms")
    } else {
        format!("took {:.1} s", ms as f64 / 1000.0)
    }
}

pub fn sweep_kind(scheduled: bool, dry_run: bool) -> &'static str {
    match (scheduled, dry_run) {
        (true, _) => "Daily schedule",
        (false, false) => "Run by an operator",
        (false, true) => "Dry run by an operator (nothing changed)",
    }
}

pub fn sweep_marked(examined: i64, marked: i64) -> String {
    format!("{marked} of {examined} candidates")
}

pub fn sweep_outcome(run: &crate::sweep::SweepRun) -> String {
    let mut parts = vec![format!("{} due", run.due)];
    if run.dry_run {
        parts.push("none anonymized (dry run)".to_owned());
    } else {
        parts.push(format!("{} anonymized", run.anonymized));
    }
    if run.waiting > 0 {
        parts.push(format!("{} within the grace period", run.waiting));
    }
    if run.held > 0 {
        parts.push(format!("{} kept by a legal hold", run.held));
    }
    if run.skipped > 0 {
        parts.push(format!("{} no longer due", run.skipped));
    }
    if run.retry_later > 0 {
        parts.push(format!("{} left for the next run", run.retry_later));
    }
    parts.join(", ")
}

// The public job postings and their application form.
pub const JOBS_TITLE: &str = "Open jobs";
pub const NO_JOBS: &str = "There are no open jobs right now. Please check again later.";
pub const ALL_JOBS: &str = "See all open jobs";
pub const JOB_CLOSED_TITLE: &str = "This job is closed";
pub const JOB_CLOSED: &str =
    "This job is no longer taking applications, or the address is incomplete.";
pub const APPLY_HEADING: &str = "Apply for this job";
pub const APPLY_BUTTON: &str = "Send application";
pub const SENDING: &str = "Sending…";
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

pub const ADMIN_DIGEST_SETTING: &str =
    "Email Admins a daily digest of open, due-soon and overdue data requests";

/// An alert's headline, first sentence and footer.
pub fn request_alert(
    alert: crate::domain::alerts::Alert,
    due_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> (&'static str, String, &'static str) {
    use crate::domain::{alerts::Alert, dates::DueState};
    let owner_footer =
        "You receive this because you own one of this candidate's opportunities in Candor.";
    match (alert, DueState::of(due_at, now)) {
        (Alert::DueSoon, DueState::DueSoon { days_left }) => (
            "Due soon",
            format!("This data request is due in {}. Please resolve it, extend it or refuse it before then.", days(days_left)),
            owner_footer,
        ),
        (Alert::Escalation, state) => (
            "Overdue, escalated",
            format!(
                "This data request is {} past its due date and still open. Its owners were told; please make sure it is answered.",
                days(overdue_days(state))
            ),
            "You receive this because you are an Admin in Candor.",
        ),
        (_, state) => (
            "Overdue",
            format!(
                "This data request is now overdue (by {}). The law asks for an answer without delay.",
                days(overdue_days(state).max(1))
            ),
            owner_footer,
        ),
    }
}

fn overdue_days(state: crate::domain::dates::DueState) -> i64 {
    match state {
        crate::domain::dates::DueState::Overdue { days_over } => days_over,
        _ => 0,
    }
}

// The compliance dashboard.
pub const DASHBOARD_TITLE: &str = "Compliance dashboard";
pub const DASHBOARD_INTRO: &str = "Every data request, open and closed, nearest due first. Overdue requests are marked in red, those due within 7 days in amber.";
pub const DASHBOARD_CAPTION: &str = "Data requests";
pub const FILTERS_LABEL: &str = "Filter the requests";
pub const FILTER_KIND: &str = "Kind";
pub const FILTER_STATE: &str = "State";
pub const FILTER_OWNER: &str = "Owner";
pub const FILTER_FROM: &str = "Received from";
pub const FILTER_TO: &str = "Received until";
pub const ANY: &str = "Any";
pub const APPLY_FILTERS: &str = "Show requests";
pub const CLEAR_FILTERS: &str = "Clear filters";
pub const COUNTS_LABEL: &str = "Counts";
pub const COUNT_TOTAL: &str = "Requests";
pub const EXPORT_CSV: &str = "Download these requests (CSV)";
pub const NO_REQUESTS_MATCH: &str = "No request matches these filters.";
pub const NO_OWNER: &str = "No owner";
pub const CHART_TITLE: &str = "Requests per week";
pub const CHART_RECEIVED: &str = "Received";
pub const CHART_ANSWERED: &str = "Answered";
pub const CHART_MEDIAN: &str = "Numbers under each week: median days to answer.";
pub const CHART_TABLE: &str = "The figures as a table";
pub const CHART_WEEK: &str = "Week of";
pub const CHART_MEDIAN_COLUMN: &str = "Median days to answer";
pub const COLUMN_KIND: &str = "Request";
pub const COLUMN_CANDIDATE: &str = "Candidate";
pub const COLUMN_OWNER: &str = "Owner";
pub const COLUMN_RECEIVED: &str = "Received";
pub const COLUMN_DUE: &str = "Due";
pub const COLUMN_STATE: &str = "State";
pub const COLUMN_RESOLVED: &str = "Closed";
pub const CSV_COLUMNS: [&str; 9] = [
    "Request id",
    "Kind",
    "Candidate",
    "Owner",
    "Received",
    "Due",
    "State",
    "Closed",
    "Closed by",
];

pub fn state_filter(state: crate::domain::dashboard::StateFilter) -> &'static str {
    use crate::domain::dashboard::StateFilter::*;
    match state {
        Open => "Open",
        Overdue => "Overdue",
        DueSoon => "Due within 7 days",
        Resolved => "Resolved",
        Refused => "Refused",
        Withdrawn => "Withdrawn",
    }
}

/// A request's state in words, with how late or how close an open one is.
pub fn request_state(
    status: crate::domain::RequestStatus,
    due: Option<crate::domain::dates::DueState>,
) -> String {
    use crate::domain::{dates::DueState, RequestStatus};
    match (status, due) {
        (RequestStatus::Open, Some(DueState::Overdue { days_over })) => {
            format!("Overdue by {}", days(days_over.max(1)))
        }
        (RequestStatus::Open, Some(DueState::DueSoon { days_left })) => {
            format!("Open, due in {}", days(days_left))
        }
        (RequestStatus::Open, _) => "Open".into(),
        (RequestStatus::Resolved, _) => "Resolved".into(),
        (RequestStatus::Refused, _) => "Refused".into(),
        (RequestStatus::Withdrawn, _) => "Withdrawn".into(),
    }
}

/// "1 day", "12 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

pub fn candidate_label(label: &crate::dashboard::CandidateLabel) -> String {
    use crate::dashboard::CandidateLabel::*;
    match label {
        Named(name) => name.clone(),
        Anonymized => "Anonymized candidate".into(),
        NotYours => "Candidate on another team member's opportunity".into(),
    }
}

pub fn resolved_by(at: chrono::DateTime<chrono::Utc>, by: &str) -> String {
    format!("{} by {by}", date(at))
}

pub fn median_days_short(days: f64) -> String {
    format!("{days:.0} d")
}

pub fn median_days_long(days: f64) -> String {
    if days.fract() == 0.0 {
        format!("{days:.0}")
    } else {
        format!("{days:.1}")
    }
}

// Audit trails.
pub const TRAIL_TITLE: &str = "Audit trail";
pub const AUDIT_TRAIL_LINK: &str = "Audit trail: everything recorded for this candidate";
pub const TRAIL_EMPTY: &str = "Nothing has been recorded yet.";
pub const BACK_TO_DASHBOARD: &str = "Back to the compliance dashboard";
pub const OPEN_PROFILE: &str = "Open the profile";
pub const CANDIDATE_TRAIL_LINK: &str = "Everything recorded for this candidate";
pub const FORMER_TEAM_MEMBER: &str = "A former team member";

pub fn request_trail_heading(kind: crate::domain::RequestKind, candidate: &str) -> String {
    format!("{} request — {candidate}", request_kind_for_team(kind))
}

pub fn candidate_trail_heading(candidate: &str) -> String {
    format!("Audit trail — {candidate}")
}

pub fn trail_actor(actor: &crate::dashboard::trail::Actor) -> String {
    use crate::dashboard::trail::Actor;
    match actor {
        Actor::TeamMember(name) => name.clone(),
        Actor::Candidate => "The candidate".into(),
        Actor::System => "Candor (automatic)".into(),
    }
}

pub fn consent_entry(purpose: &str, decision: &str, source: &str) -> String {
    let purpose = purpose
        .parse::<Purpose>()
        .map(purpose_title)
        .unwrap_or("Consent");
    let source = match source {
        "preferences_page" => "on the data-preferences page",
        "job_post" => "on the application form",
        "email_one_click" => "with the unsubscribe link",
        "recruiter_manual" => "in writing, recorded by the team",
        "import" => "in an import",
        _ => "by Candor",
    };
    format!("{purpose}: {decision} {source}")
}

/// An audit row in words. Details hold ids and field names only, never personal data.
pub fn audit_action(action: &str, details: &serde_json::Value) -> String {
    let detail = |key: &str| details.get(key).and_then(|v| v.as_str()).unwrap_or("");
    match action {
        "data_request.received" => format!("Request received ({})", detail("kind")),
        "data_request.data_sent" => "Personal data sent to the candidate".into(),
        "data_request.correction_applied" => "Correction applied".into(),
        "data_request.extended" => "Due date extended; the candidate was told why".into(),
        "data_request.refused" => "Request refused; the candidate was told why".into(),
        "data_request.resolved" => "Request marked as resolved".into(),
        "candidate.anonymized" => "Candidate anonymized: personal data removed".into(),
        "candidate.added" => "Candidate added by hand".into(),
        "candidate.applied" => "Applied through a job posting".into(),
        "candidate.gdpr_country_changed" => "GDPR country changed".into(),
        "consent.recorded" => format!(
            "Consent recorded ({} {})",
            detail("purpose"),
            detail("decision")
        ),
        "email.queued" => "Email sent to the candidate".into(),
        "nurture.enrolled" => "Enrolled in a nurture campaign".into(),
        "outreach.cancelled" => "Scheduled emails cancelled".into(),
        "link.resent" => "A fresh personal link was sent".into(),
        "legal_hold.placed" => "Legal hold placed".into(),
        "legal_hold.lifted" => "Legal hold lifted".into(),
        other => other.replace(['.', '_'], " "),
    }
}

/// A request kind as the team reads it (and owner alerts name it); candidates read
/// [`request_kind`].
pub fn request_kind_for_team(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "Copy of data",
        RequestKind::Rectification => "Correction",
        RequestKind::Erasure => "Erasure",
        RequestKind::Restriction => "Restriction",
        RequestKind::Objection => "Objection",
    }
}

/// A team role as the workspace names it.
pub fn role(role: crate::domain::Role) -> &'static str {
    use crate::domain::Role;
    match role {
        Role::SuperAdmin => "Super Admin",
        Role::Admin => "Admin",
        Role::TeamMember => "Team Member",
        Role::LimitedTeamMember => "Limited Team Member",
    }
}

/// The question every application form asks besides the contact details.
pub const MOTIVATION_QUESTION: &str = "Why are you interested in this role?";

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

    #[test]
    fn the_send_time_zone_is_named_with_its_sign() {
        assert_eq!(send_time_zone(None), "In UTC.");
        assert_eq!(send_time_zone(Some(60)), "In your time zone (UTC+01:00).");
        assert_eq!(send_time_zone(Some(-570)), "In your time zone (UTC-09:30).");
    }
}
