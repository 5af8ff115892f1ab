//! What the candidate profile's actions answer: one notice per outcome, round-tripped through a
//! short code in the URL so that a form posted without JavaScript shows it too.

use super::error::AppError;
use serde::{Deserialize, Serialize};

/// Notes the profile shows before "Show all notes": a profile costs the same after years of
/// notes, consent changes and requests; the whole history is one click away.
pub const NOTES_SHOWN: i64 = 20;
/// Timeline entries (stage moves, consent decisions) shown before "Show the whole timeline".
pub const TIMELINE_SHOWN: i64 = 50;

/// Archived opportunities shown as whole cards (with their forms); older ones are one line
/// each, in full with `?history=all`. A candidate with fifty past applications reads as one with
/// a few, and the page costs about as much.
pub const ARCHIVED_SHOWN_IN_FULL: usize = 5;

/// Which opportunities are folded to one line, given whether each (newest first) is archived
/// without a hire: the archived ones beyond the newest [`ARCHIVED_SHOWN_IN_FULL`], unless the
/// whole history is asked for. Active and hired ones are always whole.
pub fn folded_opportunities(archived: &[bool], whole_history: bool) -> Vec<bool> {
    let mut seen = 0;
    archived
        .iter()
        .map(|&archived| {
            if !archived || whole_history {
                return false;
            }
            seen += 1;
            seen > ARCHIVED_SHOWN_IN_FULL
        })
        .collect()
}

/// The most unread notifications the bell counts (it shows "99+" beyond): the header is on every
/// page, so its cost stays the same for a colleague who never reads theirs.
pub const BELL_COUNTS_UP_TO: i64 = 99;

/// The outcome of a pen-icon form, shown above the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileNotice {
    CountryChanged,
    ConsentRecorded,
    EmailQueued,
    EmailScheduled,
    Enrolled,
    Extended,
    Refused,
    Anonymized,
    HoldPlaced,
    HoldLifted,
    DataSent,
    Resolved,
    CorrectionApplied,
    /// A sourced candidate was added (and maybe sent the data-collection notice).
    Added,
    AddedWithNotice,
    /// Lifecycle steps on an opportunity, and what the team wrote.
    Moved,
    Archived,
    Unarchived,
    Hired,
    NoteAdded,
    FeedbackAdded,
    Assigned,
    Unassigned,
    /// A request received another way is logged (or the same form came twice).
    RequestLogged,
    /// A request of that kind is open already: nothing new was logged.
    RequestAlreadyOpen,
    Failed(AppError),
}

impl ProfileNotice {
    pub fn code(&self) -> String {
        match self {
            ProfileNotice::CountryChanged => "country-changed".into(),
            ProfileNotice::ConsentRecorded => "consent-recorded".into(),
            ProfileNotice::EmailQueued => "email-queued".into(),
            ProfileNotice::EmailScheduled => "email-scheduled".into(),
            ProfileNotice::Enrolled => "enrolled".into(),
            ProfileNotice::Extended => "extended".into(),
            ProfileNotice::Refused => "refused".into(),
            ProfileNotice::Anonymized => "anonymized-now".into(),
            ProfileNotice::HoldPlaced => "hold-placed".into(),
            ProfileNotice::HoldLifted => "hold-lifted".into(),
            ProfileNotice::DataSent => "data-sent".into(),
            ProfileNotice::Resolved => "resolved".into(),
            ProfileNotice::CorrectionApplied => "correction-applied".into(),
            ProfileNotice::Added => "added".into(),
            ProfileNotice::AddedWithNotice => "added-notice".into(),
            ProfileNotice::Moved => "moved".into(),
            ProfileNotice::Archived => "archived".into(),
            ProfileNotice::Unarchived => "unarchived".into(),
            ProfileNotice::Hired => "hired".into(),
            ProfileNotice::NoteAdded => "note-added".into(),
            ProfileNotice::FeedbackAdded => "feedback-added".into(),
            ProfileNotice::Assigned => "assigned".into(),
            ProfileNotice::Unassigned => "unassigned".into(),
            ProfileNotice::RequestLogged => "request-logged".into(),
            ProfileNotice::RequestAlreadyOpen => "request-already-open".into(),
            ProfileNotice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "country-changed" => Some(ProfileNotice::CountryChanged),
            "consent-recorded" => Some(ProfileNotice::ConsentRecorded),
            "email-queued" => Some(ProfileNotice::EmailQueued),
            "email-scheduled" => Some(ProfileNotice::EmailScheduled),
            "enrolled" => Some(ProfileNotice::Enrolled),
            "extended" => Some(ProfileNotice::Extended),
            "refused" => Some(ProfileNotice::Refused),
            "anonymized-now" => Some(ProfileNotice::Anonymized),
            "hold-placed" => Some(ProfileNotice::HoldPlaced),
            "hold-lifted" => Some(ProfileNotice::HoldLifted),
            "data-sent" => Some(ProfileNotice::DataSent),
            "resolved" => Some(ProfileNotice::Resolved),
            "correction-applied" => Some(ProfileNotice::CorrectionApplied),
            "added" => Some(ProfileNotice::Added),
            "added-notice" => Some(ProfileNotice::AddedWithNotice),
            "moved" => Some(ProfileNotice::Moved),
            "archived" => Some(ProfileNotice::Archived),
            "unarchived" => Some(ProfileNotice::Unarchived),
            "hired" => Some(ProfileNotice::Hired),
            "note-added" => Some(ProfileNotice::NoteAdded),
            "feedback-added" => Some(ProfileNotice::FeedbackAdded),
            "assigned" => Some(ProfileNotice::Assigned),
            "unassigned" => Some(ProfileNotice::Unassigned),
            "request-logged" => Some(ProfileNotice::RequestLogged),
            "request-already-open" => Some(ProfileNotice::RequestAlreadyOpen),
            other => AppError::from_code(other).map(ProfileNotice::Failed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archived_opportunities_beyond_the_newest_few_are_folded() {
        let mut archived = vec![false, true, true, false];
        archived.extend([true; 10]);
        let folded = folded_opportunities(&archived, false);
        assert_eq!(
            folded.iter().filter(|f| **f).count(),
            12 - ARCHIVED_SHOWN_IN_FULL
        );
        assert!(!folded[0] && !folded[3], "active ones stay whole");
        assert!(!folded[1] && !folded[2], "the newest archived stay whole");
        assert!(folded[13]);
        assert!(folded_opportunities(&archived, true).iter().all(|f| !f));
    }
}
