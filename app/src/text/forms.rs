//! Field labels, what is wrong with a field, and the one message per error: every surface.

use super::*;
use crate::domain::error::AppError;
use crate::domain::preferences::{Field, Problem};

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
        Field::Step => "Action",
        Field::Stage => "Stage",
        Field::ArchiveReason => "Reason",
        Field::TeamNote => "Note",
        Field::Rating => "Rating",
        Field::Feedback => "Feedback",
        Field::Opportunity => "Opportunity",
        Field::PostingTitle => "Title",
        Field::Description => "Description (shown on the job page)",
        Field::Questions => "Application questions, one per line",
        Field::Member => "Colleague",
        Field::ReceivedOn => "Received on",
        Field::Channel => "How it was received",
        Field::Role => "Role",
        Field::NewPassword => "New password",
        Field::RepeatPassword => "New password, again",
        Field::CurrentPassword => "Current password",
        Field::TimeZone => "Time zone",
        Field::DefaultLocale => "Candidates' language when theirs is unknown",
        Field::Accent => "Accent colour of candidate pages and emails (optional)",
        Field::KeyName => "Name",
        Field::Scopes => "What the key may do",
        Field::WebhookUrl => "Receiver URL",
        Field::WebhookEvents => "Events to send",
        Field::ExternalId => "External id",
        Field::Locale => "Language",
        Field::Purpose => "Purpose",
        Field::Decision => "Decision",
        Field::Basis => "Lawful basis",
        Field::TextVersion => "Notice version",
        Field::DecidedAt => "Decided at",
        Field::AddedAt => "Added",
        Field::AppliedAt => "Applied",
        Field::ArchivedAt => "Archived",
        Field::Hired => "Hired",
        Field::ImportFile => "CSV file",
    }
}

pub fn field_problem(field: Field, problem: Problem) -> String {
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
        Field::Step => "the action",
        Field::Stage => "the stage",
        Field::ArchiveReason => "the reason",
        Field::TeamNote => "the note",
        Field::Rating => "the rating",
        Field::Feedback => "the feedback",
        Field::Opportunity => "the opportunity",
        Field::PostingTitle => "the title",
        Field::Description => "the description",
        Field::Questions => "the questions",
        Field::Member => "the colleague",
        Field::ReceivedOn => "the day received",
        Field::Channel => "how it was received",
        Field::Role => "the role",
        Field::NewPassword => "the new password",
        Field::RepeatPassword => "the new password again",
        Field::CurrentPassword => "your current password",
        Field::TimeZone => "the time zone",
        Field::DefaultLocale => "the candidates' language",
        Field::Accent => "the accent colour",
        Field::KeyName => "the key's name",
        Field::Scopes => "what the key may do",
        Field::WebhookUrl => "the receiver's URL",
        Field::WebhookEvents => "the events to send",
        Field::ExternalId => "the external id",
        Field::Locale => "the language",
        Field::Purpose => "the purpose",
        Field::Decision => "the decision",
        Field::Basis => "the lawful basis",
        Field::TextVersion => "the notice version",
        Field::DecidedAt => "the time of the decision",
        Field::AddedAt => "the date they were added",
        Field::AppliedAt => "the date they applied",
        Field::ArchivedAt => "the date it was archived",
        Field::Hired => "whether they were hired",
        Field::ImportFile => "the CSV file",
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
        (Field::NewPassword, Problem::TooShort) => format!(
            "Please choose a longer password: at least {} characters. A few unrelated words make a good one.",
            crate::domain::team::MIN_PASSWORD_CHARS
        ),
        (Field::RepeatPassword, _) => {
            "The two passwords are not the same. Please type the new password twice.".into()
        }
        (Field::CurrentPassword, _) => {
            "That is not your current password. Nothing was changed.".into()
        }
        (Field::Role, _) => "Please choose a role from the list.".into(),
        (Field::TimeZone, _) => "Please choose the time zone from the list.".into(),
        (Field::DefaultLocale, _) => "Please choose the language from the list.".into(),
        (Field::Accent, _) => {
            "Please give the accent colour as six hexadecimal digits, such as #1d4ed8.".into()
        }
        (Field::Scopes, _) => "Please tick at least one thing the key may do.".into(),
        (Field::WebhookUrl, Problem::Invalid) => "Please give the receiver as an https:// address on the public internet. Addresses on private, loopback and link-local networks are refused, so a webhook can't reach inside your network.".into(),
        (Field::WebhookEvents, _) => "Please tick at least one event to send.".into(),
        (Field::Locale, _) => {
            "Please give the language as a code such as de, fr or pt-BR.".into()
        }
        (Field::DecidedAt, _) => {
            "Please give the time as RFC 3339 (2026-05-01T09:30:00Z), not in the future.".into()
        }
        (Field::AddedAt | Field::AppliedAt | Field::ArchivedAt, _) => format!(
            "Please give {name} as a date (2026-05-01) or a time (2026-05-01T09:30:00Z), not in the future."
        ),
        (Field::SendAt, Problem::Skipped) => "That time doesn't exist in the chosen time zone: the clocks skip it when daylight saving starts. Please pick another time.".into(),
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
        (Field::Questions, Problem::Required) => {
            "Please write at least one question for applicants, one per line.".into()
        }
        (Field::Questions, _) => format!(
            "Please keep to at most {} questions of at most {} characters each, one per line.",
            crate::domain::postings::MAX_QUESTIONS,
            crate::domain::postings::MAX_QUESTION_CHARS
        ),
        (Field::Owner, Problem::Invalid) => "Please choose the owner from the list.".into(),
        (Field::ReceivedOn, Problem::Invalid) => {
            "Please give the day the request was received: not in the future, and not before the candidate was on file.".into()
        }
        (Field::Channel, _) => "Please choose how the request was received.".into(),
        (Field::RequestKind, _) => "Please choose what the candidate asked for.".into(),
        (Field::Member, _) => "Please choose an active colleague from the list.".into(),
        (Field::Stage, _) => "Please choose one of the stages.".into(),
        (Field::ArchiveReason, _) => "Please choose why the opportunity is archived.".into(),
        (Field::Rating, _) => "Please choose a rating from 1 (strong no) to 4 (strong yes).".into(),
        (Field::Step | Field::Opportunity, _) => {
            "This form is out of date. Please reload the page and try again; nothing was changed."
                .into()
        }
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
        AppError::OpportunityArchived => "This opportunity is archived. Unarchive it first; nothing was changed.".into(),
        AppError::OpportunityActive => "This opportunity is not archived (it may just have been unarchived): nothing was changed.".into(),
        AppError::OpportunityHired => "This candidate was hired for this opportunity, so it no longer moves or is archived.".into(),
        AppError::BadForm => "This form could not be read, so nothing was changed. Please reload the page and send it again.".into(),
        AppError::LastSuperAdmin => "This is the organization's last active Super Admin: make someone else Super Admin first. Nothing was changed.".into(),
        AppError::EndpointDisabled => "This endpoint is turned off. Turn it on to send it a test event.".into(),
        AppError::ImportNotReady => "That import can't take this step now: it is still being checked, was refused, or was already applied. Nothing was changed.".into(),
        AppError::OwnAccount => "You can't change your own role or disable your own account. Ask another administrator. Nothing was changed.".into(),
        AppError::EmailInUse => "A colleague already has an account with this email address. Nothing was sent.".into(),
        AppError::LowContrast { hundredths } => format!(
            "That accent colour is too light: white text on it, and it as text on white, contrast {}.{:02}:1, and WCAG AA asks for at least 4.5:1. Please choose a darker shade; nothing was saved.",
            hundredths / 100,
            hundredths % 100
        ),
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
