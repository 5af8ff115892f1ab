//! Due-date alerts to opportunity owners and admins.

use super::*;

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
