//! What the preferences page shows and what its actions answer; shared by server and browser.

pub use crate::domain::settings::Organization;
use crate::domain::{
    preferences::PageLayout, ConsentStatus, Purpose, RequestId, RequestKind, RequestStatus,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a candidate link opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkPage {
    Active(Box<PreferencesView>),
    /// The candidate was anonymized: only the notice remains (SPEC §3).
    Retired {
        organization: String,
    },
}

/// A consent purpose's state as the page words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    Given,
    NotProvidedOrRevoked,
    NotYetAsked,
}

impl From<&ConsentStatus> for ConsentState {
    fn from(status: &ConsentStatus) -> Self {
        match status {
            ConsentStatus::Given { .. } => ConsentState::Given,
            // An expired consent counts as not given (SPEC §5).
            ConsentStatus::NotProvidedOrRevoked { .. } | ConsentStatus::Expired { .. } => {
                ConsentState::NotProvidedOrRevoked
            }
            ConsentStatus::NotYetAsked => ConsentState::NotYetAsked,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: RequestId,
    pub kind: RequestKind,
    pub received_at: DateTime<Utc>,
    /// The due date in force (the extended one, if extended).
    pub due_at: DateTime<Utc>,
    pub status: RequestStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreferencesView {
    pub organization: Organization,
    pub layout: PageLayout,
    /// One entry per purpose in `layout.consent_purposes`.
    pub consents: Vec<(Purpose, ConsentState)>,
    pub contact_allowed: bool,
    /// How long data is kept after the candidacy ends (the country policy's, in localized mode).
    pub retention_days: i32,
    /// Newest first.
    pub requests: Vec<RequestRow>,
    /// A fresh idempotency key for this rendering's request forms: submitting the same form twice
    /// (a double click, a replayed post) carries the same key and makes one request.
    pub form_key: String,
}

/// The answer to an action, shown at the top of the page. Round-trips through a short code in the
/// URL so that a page reached by a no-JavaScript form post shows it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A purpose (consent or contact) is now allowed or not.
    Changed {
        purpose: Purpose,
        allowed: bool,
    },
    /// The click asked for what was already the case.
    Unchanged,
    RequestReceived(RequestKind),
    /// A request of this kind is already open: nothing new was recorded or sent.
    RequestAlreadyOpen(RequestKind),
    Failed(AppError),
}

#[cfg(feature = "ssr")]
impl From<crate::core::consent::Change> for Notice {
    fn from(change: crate::core::consent::Change) -> Self {
        use crate::core::consent::Change;
        match change {
            Change::Made { purpose, allowed } => Notice::Changed { purpose, allowed },
            Change::Unchanged => Notice::Unchanged,
        }
    }
}

impl Notice {
    pub fn code(&self) -> String {
        match self {
            Notice::Changed { purpose, allowed } => {
                format!("{}.{purpose}", if *allowed { "allowed" } else { "stopped" })
            }
            Notice::Unchanged => "unchanged".into(),
            Notice::RequestReceived(kind) => format!("received.{kind}"),
            Notice::RequestAlreadyOpen(kind) => format!("open.{kind}"),
            Notice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Notice> {
        let parts: Vec<&str> = code.split('.').collect();
        Some(match parts.as_slice() {
            ["allowed", p] => Notice::Changed {
                purpose: p.parse().ok()?,
                allowed: true,
            },
            ["stopped", p] => Notice::Changed {
                purpose: p.parse().ok()?,
                allowed: false,
            },
            ["unchanged"] => Notice::Unchanged,
            ["received", k] => Notice::RequestReceived(k.parse().ok()?),
            ["open", k] => Notice::RequestAlreadyOpen(k.parse().ok()?),
            _ => Notice::Failed(AppError::from_code(code)?),
        })
    }

    pub fn is_failure(&self) -> bool {
        matches!(self, Notice::Failed(_))
    }
}

impl From<Result<Notice, AppError>> for Notice {
    fn from(result: Result<Notice, AppError>) -> Self {
        result.unwrap_or_else(Notice::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::preferences::{Field, FieldError, Problem};

    #[test]
    fn every_notice_survives_the_url() {
        let mut notices = vec![
            Notice::Unchanged,
            Notice::Failed(AppError::LinkInvalid),
            Notice::Failed(AppError::LinkRetired),
            Notice::Failed(AppError::RateLimited),
            Notice::Failed(AppError::Unavailable),
            Notice::Failed(AppError::Invalid(FieldError {
                field: Field::Note,
                problem: Problem::TooLong,
            })),
        ];
        for purpose in Purpose::ALL {
            for allowed in [true, false] {
                notices.push(Notice::Changed {
                    purpose: *purpose,
                    allowed,
                });
            }
        }
        notices.extend(RequestKind::ALL.iter().map(|k| Notice::RequestReceived(*k)));
        notices.extend(
            RequestKind::ALL
                .iter()
                .map(|k| Notice::RequestAlreadyOpen(*k)),
        );
        for notice in notices {
            assert_eq!(
                Notice::from_code(&notice.code()),
                Some(notice),
                "{notice:?}"
            );
        }
        for junk in [
            "",
            "received.nothing",
            "invalid.note",
            "allowed",
            "link.extra",
        ] {
            assert_eq!(Notice::from_code(junk), None, "{junk}");
        }
    }
}
