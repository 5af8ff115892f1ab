//! The one error type that crosses the server-function boundary.
//!
//! It carries codes, never internals: a database error is logged on the server and reaches the
//! browser as `Unavailable`. The words people read are in [`crate::text`].

use crate::domain::preferences::FieldError;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
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
    /// Something on our side failed (database, network); nothing was changed.
    #[error("temporarily unavailable")]
    Unavailable,
}

impl AppError {
    /// The HTTP status a server function answers with: the caller's mistakes are 4xx, only our
    /// own failures 5xx.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::LinkInvalid => 400,
            AppError::LinkRetired => 410,
            AppError::RateLimited => 429,
            AppError::Unavailable => 503,
        }
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::Invalid(error)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // Malformed arguments come from a tampered or outdated form; the rest are transport
        // failures. Neither is the person's mistake to fix beyond trying again.
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function failed outside its body");
        #[cfg(not(feature = "ssr"))]
        let _ = value;
        AppError::Unavailable
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        // sqlx messages name constraints and columns, never row values.
        tracing::error!(error = %error, "database error");
        AppError::Unavailable
    }
}
