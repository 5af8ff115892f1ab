//! The rules of Candor, in one place and free of I/O.
//!
//! Server functions, jobs and the CLI call these functions; they never re-decide what a rule says.
//! Everything here compiles for both the server and the browser and is unit-tested beside its code.

pub mod access;
pub mod alerts;
pub mod anonymization;
pub mod api_keys;
pub mod application;
pub mod branding;
pub mod consent;
pub mod consent_panel;
pub mod contact;
pub mod country;
pub mod dashboard;
pub mod dates;
pub mod delivery;
pub mod email;
pub mod email_kind;
pub mod error;
pub mod ids;
pub mod import;
pub mod lawful_basis;
pub mod legal_hold;
pub mod lifecycle;
pub mod locale;
pub mod outreach;
pub mod paging;
pub mod postings;
pub mod preferences;
pub mod profile;
pub mod records;
pub mod requests;
pub mod roles;
pub mod search;
pub mod settings;
pub mod sign_in;
pub mod sourcing;
pub mod sweep;
pub mod team;
pub mod webhooks;

pub use consent::{ConsentDecision, ConsentEvent, ConsentStatus, Purpose};
pub use contact::{ContactDecision, ContactPermission};
pub use country::CountryCode;
pub use dates::{due_date, extended_due_date, DueState, ExtensionError};
pub use delivery::{touchpoint_fate, AfterFailure, RetryPolicy, TouchpointFate};
pub use email::EmailAddress;
pub use email_kind::EmailKind;
pub use ids::{CandidateId, RequestId, UserId};
pub use lawful_basis::{Combination, DeletionMark, LawfulBasis, MarkReason};
pub use requests::{RequestKind, RequestStatus};
pub use roles::{Permission, Role, Viewer};
pub use settings::{ComplianceMode, GdprScope};
pub use sign_in::{SessionPolicy, SignInGate, ThrottlePolicy};

/// Implements `as_str`, `FromStr` and `Display` for a field-less enum stored as text in Postgres.
///
/// The database keeps these as `text` with a CHECK constraint listing the same strings, so the
/// spelling lives here once and the migration mirrors it.
macro_rules! text_enum {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::domain::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($ty::$variant),)+
                    _ => Err($crate::domain::UnknownValue { kind: stringify!($ty), value: s.to_owned() }),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

/// A stored or submitted value that is not one of an enum's spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {kind}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}
