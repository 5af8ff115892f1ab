//! Everything that can go wrong, as codes: the one error type that crosses every boundary (server
//! functions, pages, jobs). It carries no internals; the words people read are in `crate::text`,
//! and the conversions from I/O errors live in `crate::error`.

use super::preferences::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// A form field is missing, too long or malformed.
    #[error("invalid input: {0}")]
    Invalid(FieldError),
    /// The candidate link is forged, expired, for another purpose, or names nobody.
    #[error("the link is not valid")]
    LinkInvalid,
    /// The link's candidate has been anonymized.
    #[error("the candidate's data has been deleted")]
    LinkRetired,
    #[error("too many requests")]
    RateLimited,
    /// The email and password don't match an active account (the same answer whichever is wrong).
    #[error("sign-in failed")]
    SignInFailed,
    /// Too many failed sign-ins for this account or from this client; wait and try again.
    #[error("sign-in paused")]
    SignInPaused,
    /// No live session: the recruiter must sign in (again).
    #[error("not signed in")]
    SignInRequired,
    /// Signed in, but the role or permissions don't allow this.
    #[error("not allowed")]
    Forbidden,
    /// The candidate, request or page doesn't exist (or isn't visible to this viewer).
    #[error("not found")]
    NotFound,
    /// The candidate was anonymized: nothing about them can be changed, and nobody contacts them.
    #[error("candidate anonymized")]
    Anonymized,
    /// Contacting this candidate needs the sender to confirm the warnings first.
    #[error("confirmation needed")]
    ConfirmFirst,
    /// The candidate is already in this nurture campaign with touchpoints still to come.
    #[error("already enrolled")]
    AlreadyEnrolled,
    /// The candidate has no email address to write to.
    #[error("no email address")]
    NoEmailAddress,
    /// The request was already resolved, refused or withdrawn.
    #[error("request closed")]
    RequestClosed,
    /// A request is extended at most once.
    #[error("already extended")]
    AlreadyExtended,
    /// An extension must be sent within the first month.
    #[error("extension too late")]
    ExtensionTooLate,
    /// A legal hold blocks anonymizing this candidate until an Admin lifts it.
    #[error("on legal hold")]
    LegalHold,
    /// The candidate is already on legal hold.
    #[error("already on hold")]
    AlreadyOnHold,
    /// There is no hold to lift (already lifted).
    #[error("no hold")]
    NoHold,
    /// An erasure request is resolved by anonymizing the candidate (or refused), not marked.
    #[error("anonymize to resolve")]
    AnonymizeToResolve,
    /// The opportunity is archived: unarchive it before moving, hiring or archiving it again.
    #[error("opportunity archived")]
    OpportunityArchived,
    /// Only an archived opportunity can be unarchived.
    #[error("opportunity not archived")]
    OpportunityActive,
    /// A hired opportunity neither moves nor is archived.
    #[error("opportunity hired")]
    OpportunityHired,
    /// The form's fields could not be read (a tampered, truncated or outdated form).
    #[error("form not understood")]
    BadForm,
    /// Today's allowance of uploaded bytes (for this client, or for everyone) is used up.
    #[error("upload quota reached")]
    UploadQuota,
    /// The organization's last active Super Admin can't be disabled or given another role.
    #[error("last super admin")]
    LastSuperAdmin,
    /// Nobody changes their own role or disables their own account.
    #[error("own account")]
    OwnAccount,
    /// Another account already has this email address.
    #[error("email in use")]
    EmailInUse,
    /// A test event asked of a webhook endpoint that is turned off.
    #[error("endpoint disabled")]
    EndpointDisabled,
    /// The import is not where that step can be taken (applied twice, or not yet checked).
    #[error("import not ready")]
    ImportNotReady,
    /// An accent colour whose contrast with white (in hundredths: 231 is 2.31:1) is below WCAG
    /// AA's 4.5:1.
    #[error("accent colour contrast too low")]
    LowContrast { hundredths: u16 },
    /// Something on our side failed (database, network); nothing was changed.
    #[error("temporarily unavailable")]
    Unavailable,
}

impl AppError {
    /// The HTTP status a server function answers with: the caller's mistakes are 4xx, only our
    /// own failures 5xx.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) | AppError::LowContrast { .. } => 422,
            AppError::LinkInvalid | AppError::BadForm => 400,
            AppError::LinkRetired => 410,
            AppError::RateLimited | AppError::SignInPaused | AppError::UploadQuota => 429,
            AppError::SignInFailed | AppError::SignInRequired => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Anonymized
            | AppError::ConfirmFirst
            | AppError::AlreadyEnrolled
            | AppError::RequestClosed
            | AppError::AlreadyExtended
            | AppError::ExtensionTooLate
            | AppError::LegalHold
            | AppError::AlreadyOnHold
            | AppError::NoHold
            | AppError::AnonymizeToResolve
            | AppError::OpportunityArchived
            | AppError::OpportunityActive
            | AppError::OpportunityHired
            | AppError::LastSuperAdmin
            | AppError::OwnAccount
            | AppError::EmailInUse
            | AppError::EndpointDisabled
            | AppError::ImportNotReady => 409,
            AppError::NoEmailAddress => 422,
            AppError::Unavailable => 503,
        }
    }
}

impl AppError {
    /// A short code for URLs: a page posted without JavaScript is redirected back with the
    /// outcome as `?notice=` or `?error=`, and shows the message for the code.
    pub fn code(&self) -> String {
        match self {
            AppError::Invalid(e) => format!("invalid.{}.{}", e.field, e.problem),
            AppError::LinkInvalid => "link".into(),
            AppError::LinkRetired => "retired".into(),
            AppError::RateLimited => "busy".into(),
            AppError::SignInFailed => "sign-in-failed".into(),
            AppError::SignInPaused => "sign-in-paused".into(),
            AppError::SignInRequired => "sign-in-required".into(),
            AppError::Forbidden => "forbidden".into(),
            AppError::NotFound => "not-found".into(),
            AppError::Anonymized => "anonymized".into(),
            AppError::ConfirmFirst => "confirm-first".into(),
            AppError::AlreadyEnrolled => "already-enrolled".into(),
            AppError::NoEmailAddress => "no-address".into(),
            AppError::RequestClosed => "request-closed".into(),
            AppError::AlreadyExtended => "already-extended".into(),
            AppError::ExtensionTooLate => "extension-too-late".into(),
            AppError::LegalHold => "legal-hold".into(),
            AppError::AlreadyOnHold => "already-on-hold".into(),
            AppError::NoHold => "no-hold".into(),
            AppError::AnonymizeToResolve => "anonymize-to-resolve".into(),
            AppError::UploadQuota => "upload-quota".into(),
            AppError::LowContrast { hundredths } => format!("low-contrast.{hundredths}"),
            AppError::OpportunityArchived => "opportunity-archived".into(),
            AppError::OpportunityActive => "opportunity-active".into(),
            AppError::OpportunityHired => "opportunity-hired".into(),
            AppError::BadForm => "bad-form".into(),
            AppError::LastSuperAdmin => "last-super-admin".into(),
            AppError::OwnAccount => "own-account".into(),
            AppError::EndpointDisabled => "endpoint-disabled".into(),
            AppError::ImportNotReady => "import-not-ready".into(),
            AppError::EmailInUse => "email-in-use".into(),
            AppError::Unavailable => "unavailable".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<AppError> {
        let parts: Vec<&str> = code.split('.').collect();
        Some(match parts.as_slice() {
            ["invalid", f, p] => AppError::Invalid(FieldError {
                field: f.parse().ok()?,
                problem: p.parse().ok()?,
            }),
            ["link"] => AppError::LinkInvalid,
            ["retired"] => AppError::LinkRetired,
            ["busy"] => AppError::RateLimited,
            ["sign-in-failed"] => AppError::SignInFailed,
            ["sign-in-paused"] => AppError::SignInPaused,
            ["sign-in-required"] => AppError::SignInRequired,
            ["forbidden"] => AppError::Forbidden,
            ["not-found"] => AppError::NotFound,
            ["anonymized"] => AppError::Anonymized,
            ["confirm-first"] => AppError::ConfirmFirst,
            ["already-enrolled"] => AppError::AlreadyEnrolled,
            ["no-address"] => AppError::NoEmailAddress,
            ["request-closed"] => AppError::RequestClosed,
            ["already-extended"] => AppError::AlreadyExtended,
            ["extension-too-late"] => AppError::ExtensionTooLate,
            ["legal-hold"] => AppError::LegalHold,
            ["already-on-hold"] => AppError::AlreadyOnHold,
            ["no-hold"] => AppError::NoHold,
            ["anonymize-to-resolve"] => AppError::AnonymizeToResolve,
            ["upload-quota"] => AppError::UploadQuota,
            ["low-contrast", n] => AppError::LowContrast {
                hundredths: n.parse().ok()?,
            },
            ["opportunity-archived"] => AppError::OpportunityArchived,
            ["opportunity-active"] => AppError::OpportunityActive,
            ["opportunity-hired"] => AppError::OpportunityHired,
            ["bad-form"] => AppError::BadForm,
            ["last-super-admin"] => AppError::LastSuperAdmin,
            ["own-account"] => AppError::OwnAccount,
            ["endpoint-disabled"] => AppError::EndpointDisabled,
            ["import-not-ready"] => AppError::ImportNotReady,
            ["email-in-use"] => AppError::EmailInUse,
            ["unavailable"] => AppError::Unavailable,
            _ => return None,
        })
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::Invalid(error)
    }
}
