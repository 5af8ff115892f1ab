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

/// How a request reached the organization: the candidate's page, or another way a recruiter
/// logs it by (SPEC §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    PreferencesPage,
    Email,
    Phone,
    Letter,
    InPerson,
}
text_enum!(Channel {
    PreferencesPage => "preferences_page",
    Email => "email",
    Phone => "phone",
    Letter => "letter",
    InPerson => "in_person",
});

impl Channel {
    /// The ways a recruiter logs a request by.
    pub const LOGGED: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Letter,
        Channel::InPerson,
    ];
}

/// A request received another way, as the recruiter's form posts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoggedRequestForm {
    pub kind: String,
    /// The day it was received, `YYYY-MM-DD`.
    pub received_on: String,
    pub channel: String,
    pub note: String,
}

/// A valid logged request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub kind: RequestKind,
    pub received_on: chrono::NaiveDate,
    pub channel: Channel,
    pub note: Option<String>,
}

impl LoggedRequest {
    /// The statutory clock runs from the day received: not in the future, and not before the
    /// candidate was on file. Restriction and objection are not offered yet.
    pub fn parse(
        form: &LoggedRequestForm,
        today: chrono::NaiveDate,
        on_file_since: chrono::NaiveDate,
    ) -> Result<Self, FieldError> {
        use super::preferences::Problem;
        let kind = match form.kind.trim().parse::<RequestKind>() {
            Ok(
                kind @ (RequestKind::Access | RequestKind::Rectification | RequestKind::Erasure),
            ) => kind,
            _ if form.kind.trim().is_empty() => {
                return Err(Field::RequestKind.error(Problem::Required))
            }
            _ => return Err(Field::RequestKind.error(Problem::Invalid)),
        };
        let received_on = match form.received_on.trim() {
            "" => return Err(Field::ReceivedOn.error(Problem::Required)),
            day => chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()
                .filter(|d| *d <= today && *d >= on_file_since)
                .ok_or(Field::ReceivedOn.error(Problem::Invalid))?,
        };
        let channel = form
            .channel
            .trim()
            .parse::<Channel>()
            .ok()
            .filter(|c| Channel::LOGGED.contains(c))
            .ok_or(Field::Channel.error(Problem::Invalid))?;
        let note = Field::Note.optional(Some(&form.note))?;
        Ok(Self {
            kind,
            received_on,
            channel,
            note,
        })
    }
}

#[cfg(test)]
mod logged_tests {
    use super::*;
    use crate::domain::preferences::Problem;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn form(kind: &str, on: &str, channel: &str) -> LoggedRequestForm {
        LoggedRequestForm {
            kind: kind.into(),
            received_on: on.into(),
            channel: channel.into(),
            note: " Called on Monday ".into(),
        }
    }

    #[test]
    fn a_logged_request_runs_from_the_day_received_within_the_candidacy() {
        let parsed = LoggedRequest::parse(&form("erasure", "2026-11-20", "phone"), day(25), day(1));
        assert_eq!(
            parsed,
            Ok(LoggedRequest {
                kind: RequestKind::Erasure,
                received_on: day(20),
                channel: Channel::Phone,
                note: Some("Called on Monday".into()),
            })
        );
        let err = |f: LoggedRequestForm| LoggedRequest::parse(&f, day(25), day(10)).unwrap_err();
        assert_eq!(
            err(form("access", "2026-11-26", "email")),
            Field::ReceivedOn.error(Problem::Invalid),
            "the future"
        );
        assert_eq!(
            err(form("access", "2026-11-09", "email")),
            Field::ReceivedOn.error(Problem::Invalid),
            "before them"
        );
        assert_eq!(
            err(form("access", "20 Nov", "email")),
            Field::ReceivedOn.error(Problem::Invalid)
        );
        assert_eq!(
            err(form("access", "", "email")),
            Field::ReceivedOn.error(Problem::Required)
        );
        assert_eq!(
            err(form("objection", "2026-11-20", "email")),
            Field::RequestKind.error(Problem::Invalid)
        );
        assert_eq!(
            err(form("", "2026-11-20", "email")),
            Field::RequestKind.error(Problem::Required)
        );
        assert_eq!(
            err(form("access", "2026-11-20", "preferences_page")),
            Field::Channel.error(Problem::Invalid)
        );
        assert_eq!(
            err(form("access", "2026-11-20", "fax")),
            Field::Channel.error(Problem::Invalid)
        );
        assert!(
            LoggedRequest::parse(&form("access", "2026-11-25", "letter"), day(25), day(25)).is_ok()
        );
    }
}
