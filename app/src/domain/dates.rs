//! Due dates of data requests (GDPR Art. 12(3)).

use chrono::{DateTime, Months, Utc};

/// A request must be answered within one calendar month of receipt.
///
/// Month ends clamp: received on 31 January, due on 28 (or 29) February.
pub fn due_date(received_at: DateTime<Utc>) -> DateTime<Utc> {
    add_months(received_at, 1)
}

/// The longest extension Art. 12(3) allows, in months beyond the first.
pub const MAX_EXTENSION_MONTHS: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    #[error("A request can be extended by one or two months.")]
    InvalidLength,
    #[error("This request has already been extended once.")]
    AlreadyExtended,
    #[error("The extension must be sent before the original due date.")]
    TooLate,
}

/// The new due date when a request is extended by `months` (1 or 2).
///
/// Counted from receipt, not from the clamped first due date, so 31 January + 3 months is 30 April.
/// The candidate must be told within the first month, and a request is extended at most once.
pub fn extended_due_date(
    received_at: DateTime<Utc>,
    months: u32,
    already_extended: bool,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ExtensionError> {
    if already_extended {
        return Err(ExtensionError::AlreadyExtended);
    }
    if !(1..=MAX_EXTENSION_MONTHS).contains(&months) {
        return Err(ExtensionError::InvalidLength);
    }
    if now > due_date(received_at) {
        return Err(ExtensionError::TooLate);
    }
    Ok(add_months(received_at, 1 + months))
}

fn add_months(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    // Only fails beyond year 262143; a request can't be received there.
    at.checked_add_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// How urgent an open request is, for banners and the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DueState {
    /// More than seven days left.
    OnTrack { days_left: i64 },
    /// Seven days or fewer left (amber).
    DueSoon { days_left: i64 },
    /// Past the due date (red).
    Overdue { days_over: i64 },
}

impl DueState {
    pub const DUE_SOON_DAYS: i64 = 7;

    pub fn of(due_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        if now > due_at {
            return DueState::Overdue {
                days_over: (now - due_at).num_days(),
            };
        }
        // Whole days left, rounding a part day up: due tomorrow morning is "1 day left".
        let secs = (due_at - now).num_seconds();
        let days_left = (secs + 86_399) / 86_400;
        if days_left <= Self::DUE_SOON_DAYS {
            DueState::DueSoon { days_left }
        } else {
            DueState::OnTrack { days_left }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
    }

    #[test]
    fn due_one_calendar_month_after_receipt() {
        let cases = [
            (at(2026, 1, 15), at(2026, 2, 15)),
            (at(2026, 1, 31), at(2026, 2, 28)),
            (at(2028, 1, 31), at(2028, 2, 29)), // leap year
            (at(2026, 3, 31), at(2026, 4, 30)),
            (at(2026, 5, 31), at(2026, 6, 30)),
            (at(2026, 12, 31), at(2027, 1, 31)),
            (at(2026, 2, 28), at(2026, 3, 28)),
        ];
        for (received, due) in cases {
            assert_eq!(due_date(received), due, "received {received}");
        }
    }

    #[test]
    fn extension_rules() {
        let received = at(2026, 1, 31);
        let in_time = at(2026, 2, 10);
        type Case = (
            u32,
            bool,
            DateTime<Utc>,
            Result<DateTime<Utc>, ExtensionError>,
        );
        let cases: &[Case] = &[
            (1, false, in_time, Ok(at(2026, 3, 31))),
            (2, false, in_time, Ok(at(2026, 4, 30))),
            (0, false, in_time, Err(ExtensionError::InvalidLength)),
            (3, false, in_time, Err(ExtensionError::InvalidLength)),
            (1, true, in_time, Err(ExtensionError::AlreadyExtended)),
            (1, false, at(2026, 3, 1), Err(ExtensionError::TooLate)),
        ];
        for (months, extended, now, expected) in cases {
            assert_eq!(
                &extended_due_date(received, *months, *extended, *now),
                expected,
                "{months} months, extended {extended}, now {now}"
            );
        }
    }

    #[test]
    fn due_state_thresholds() {
        let due = at(2026, 6, 30);
        let cases = [
            (at(2026, 6, 1), DueState::OnTrack { days_left: 29 }),
            (at(2026, 6, 22), DueState::OnTrack { days_left: 8 }),
            (at(2026, 6, 23), DueState::DueSoon { days_left: 7 }),
            (
                due - chrono::Duration::hours(2),
                DueState::DueSoon { days_left: 1 },
            ),
            (due, DueState::DueSoon { days_left: 0 }),
            (
                due + chrono::Duration::hours(1),
                DueState::Overdue { days_over: 0 },
            ),
            (at(2026, 7, 3), DueState::Overdue { days_over: 3 }),
        ];
        for (now, expected) in cases {
            assert_eq!(DueState::of(due, now), expected, "now {now}");
        }
    }
}
