//! Kinds and states of data-protection requests.

use super::preferences::{Field, FieldError};
use super::roles::Permission;
use super::text_enum;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RequestKind {
    /// Art. 15: a copy of the candidate's data.
    Access,
    /// Art. 16: a correction.
    Rectification,
    /// Art. 17: removal.
    Erasure,
    /// Art. 18 (not yet offered on the page).
    Restriction,
    /// Art. 21 (not yet offered on the page).
    Objection,
}
text_enum!(RequestKind {
    Access => "access",
    Rectification => "rectification",
    Erasure => "erasure",
    Restriction => "restriction",
    Objection => "objection",
});

impl RequestKind {
    /// Erasure stops all contact at once, like a revocation (SPEC §4).
    pub fn stops_contact(self) -> bool {
        matches!(self, RequestKind::Erasure)
    }

    /// The permission refusing this kind of request needs beyond seeing the candidate: refusing
    /// an erasure keeps data the candidate asked to remove, as weighty as removing it.
    pub fn permission_to_refuse(self) -> Option<Permission> {
        match self {
            RequestKind::Erasure => Some(Permission::AnonymizeCandidates),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    Open,
    Resolved,
    Refused,
    Withdrawn,
}
text_enum!(RequestStatus {
    Open => "open",
    Resolved => "resolved",
    Refused => "refused",
    Withdrawn => "withdrawn",
});

/// The reason a recruiter gives for extending or refusing a request: required, because the
/// candidate is sent it (Art. 12(3) and 12(4)).
pub fn written_reason(raw: &str) -> Result<String, FieldError> {
    Field::Reason.required_text(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::preferences::Problem;

    #[test]
    fn spellings_round_trip_and_unknown_is_rejected() {
        for kind in RequestKind::ALL {
            assert_eq!(kind.as_str().parse::<RequestKind>().unwrap(), *kind);
        }
        for status in RequestStatus::ALL {
            assert_eq!(status.as_str().parse::<RequestStatus>().unwrap(), *status);
        }
        let err = "delete".parse::<RequestKind>().unwrap_err();
        assert_eq!(err.to_string(), "\"delete\" is not a valid RequestKind");
    }

    #[test]
    fn only_erasure_stops_contact() {
        let stopping: Vec<_> = RequestKind::ALL
            .iter()
            .filter(|k| k.stops_contact())
            .collect();
        assert_eq!(stopping, [&RequestKind::Erasure]);
    }

    #[test]
    fn refusing_an_erasure_takes_the_permission_erasing_takes() {
        assert_eq!(
            RequestKind::Erasure.permission_to_refuse(),
            Some(Permission::AnonymizeCandidates)
        );
        for kind in [RequestKind::Access, RequestKind::Rectification] {
            assert_eq!(kind.permission_to_refuse(), None, "{kind}");
        }
    }

    #[test]
    fn a_reason_is_required_trimmed_and_bounded() {
        assert_eq!(written_reason("  Many files.  ").unwrap(), "Many files.");
        assert_eq!(
            written_reason(" \n ").unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(
            written_reason(&"x".repeat(2001)).unwrap_err().problem,
            Problem::TooLong
        );
    }
}
