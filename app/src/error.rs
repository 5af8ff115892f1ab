//! The one error type that crosses the server-function boundary.
//!
//! It carries codes, never internals: a database error is logged on the server and reaches the
//! browser as `Unavailable`. The words people read are in [`crate::text`].

pub use crate::domain::error::AppError;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // Malformed arguments come from a tampered, truncated or outdated form: the caller's
        // doing, so a 400, never a 500. The rest are transport failures on our side.
        let error = match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadForm,
            _ => AppError::Unavailable,
        };
        #[cfg(feature = "ssr")]
        {
            tracing::warn!(code = %error.code(), "server function failed outside its body");
            crate::ui::page::set_status(error.status());
        }
        error
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        // Text Postgres can't hold (a NUL, a broken encoding) that no check caught is the
        // caller's, not an outage.
        if let Some(db) = error.as_database_error() {
            if db.code().as_deref() == Some("22021") {
                return AppError::BadForm;
            }
        }
        // sqlx messages name constraints and columns, never row values.
        tracing::error!(error = %error, "database error");
        AppError::Unavailable
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// A built-in email template failed to render: our fault, logged, and nothing is done.
    pub fn template(error: minijinja::Error) -> Self {
        tracing::error!(error = %error, "email template failed to render");
        AppError::Unavailable
    }
}

/// An editable template (a message, a saved template) the writer must fix, named by its field.
#[cfg(feature = "ssr")]
impl From<crate::core::mail::editable::TemplateError> for AppError {
    fn from(error: crate::core::mail::editable::TemplateError) -> Self {
        use crate::core::mail::editable::{Part, TemplateError};
        use crate::domain::preferences::{Field, FieldError, Problem};
        let (part, problem) = match error {
            TemplateError::Empty { part } => (part, Problem::Required),
            TemplateError::TooLong { part, .. } | TemplateError::TooMuchOutput { part, .. } => {
                (part, Problem::TooLong)
            }
            TemplateError::Syntax { part, .. }
            | TemplateError::UnknownPlaceholder { part, .. }
            | TemplateError::Unsupported { part, .. }
            | TemplateError::Render { part, .. } => (part, Problem::Invalid),
        };
        let field = match part {
            Part::Subject => Field::Subject,
            Part::Body => Field::Body,
        };
        AppError::Invalid(FieldError { field, problem })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::preferences::{Field, FieldError, Problem};

    #[test]
    fn every_error_survives_its_url_code() {
        let errors = [
            AppError::Invalid(FieldError {
                field: Field::Email,
                problem: Problem::Invalid,
            }),
            AppError::LinkInvalid,
            AppError::LinkRetired,
            AppError::RateLimited,
            AppError::SignInFailed,
            AppError::SignInPaused,
            AppError::SignInRequired,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Anonymized,
            AppError::ConfirmFirst,
            AppError::AlreadyEnrolled,
            AppError::NoEmailAddress,
            AppError::RequestClosed,
            AppError::AlreadyExtended,
            AppError::ExtensionTooLate,
            AppError::LegalHold,
            AppError::AlreadyOnHold,
            AppError::NoHold,
            AppError::AnonymizeToResolve,
            AppError::UploadQuota,
            AppError::BadForm,
            AppError::Unavailable,
            AppError::Invalid(FieldError {
                field: Field::SendAt,
                problem: Problem::Required,
            }),
        ];
        for error in errors {
            assert_eq!(AppError::from_code(&error.code()), Some(error), "{error:?}");
            assert!((400..600).contains(&error.status()));
        }
        assert_eq!(AppError::from_code("invalid.nonsense.required"), None);
        assert_eq!(AppError::from_code("<script>"), None);
    }
}
