//! Contacting a candidate (SPEC §7): whether a recruiter's email or nurture enrolment may go ahead,
//! when a delayed send goes out, when a campaign's touchpoints fall, and how long the consent link
//! inside such an email stays valid.

use super::consent_panel::{ContactCheck, ContactWarning};
use super::preferences::{Field, FieldError, Problem};
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};

/// Longest subject and text of an email a person writes (a recruiter's message, an editable
/// template), in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 20_000;

/// A delayed send may be scheduled up to this far ahead; further is a mistake or a campaign.
pub const MAX_DELAY_DAYS: i64 = 90;

/// The widest offset any time zone has from UTC, in minutes (UTC−12 to UTC+14).
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// Why contacting is not allowed as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRefusal {
    /// There is nobody left to contact.
    Anonymized,
    /// A warning stands and the sender has not confirmed reading it.
    NotConfirmed(Vec<ContactWarning>),
}

/// Decides whether contact may go ahead: always when nothing stands in the way, after an explicit
/// confirmation when warnings do, never for an anonymized candidate. Returns the warnings the
/// sender acknowledged, for the audit trail.
pub fn may_contact(
    check: &ContactCheck,
    confirmed: bool,
) -> Result<Vec<ContactWarning>, ContactRefusal> {
    match check {
        ContactCheck::Clear => Ok(Vec::new()),
        ContactCheck::ConfirmFirst(warnings) if confirmed => Ok(warnings.clone()),
        ContactCheck::ConfirmFirst(warnings) => Err(ContactRefusal::NotConfirmed(warnings.clone())),
        ContactCheck::Refused => Err(ContactRefusal::Anonymized),
    }
}

/// When a recruiter's email goes: `None` at once, or the chosen local time.
///
/// `later` is the form's `datetime-local` value (`2026-11-24T09:30`), read in the sender's time
/// zone given as minutes east of UTC (the browser fills it in; without JavaScript it is UTC). The
/// time must lie in the future and at most [`MAX_DELAY_DAYS`] ahead.
pub fn send_time(
    send_later: bool,
    later: &str,
    utc_offset_minutes: &str,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, FieldError> {
    if !send_later {
        return Ok(None);
    }
    let invalid = FieldError {
        field: Field::SendAt,
        problem: Problem::Invalid,
    };
    let later = later.trim();
    if later.is_empty() {
        return Err(FieldError {
            field: Field::SendAt,
            problem: Problem::Required,
        });
    }
    // Browsers send minutes, and seconds only when the user typed them.
    let local = NaiveDateTime::parse_from_str(later, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(later, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| invalid)?;
    let minutes = match utc_offset_minutes.trim() {
        "" => 0,
        text => text.parse::<i32>().map_err(|_| invalid)?,
    };
    if minutes.abs() > MAX_OFFSET_MINUTES {
        return Err(invalid);
    }
    let zone = FixedOffset::east_opt(minutes * 60).ok_or(invalid)?;
    let at = zone
        .from_local_datetime(&local)
        .single()
        .ok_or(invalid)?
        .with_timezone(&Utc);
    if at <= now || at > now + Duration::days(MAX_DELAY_DAYS) {
        return Err(invalid);
    }
    Ok(Some(at))
}

/// The send times of a campaign's touchpoints: each step's days after enrolment.
pub fn touchpoint_times(enrolled_at: DateTime<Utc>, days_after: &[i32]) -> Vec<DateTime<Utc>> {
    days_after
        .iter()
        .map(|days| enrolled_at + Duration::days(i64::from(*days)))
        .collect()
}

/// How long the consent link inside an email is signed for: its usual lifetime counted from when
/// the email goes out, so a link in a delayed send is not half spent on arrival.
pub fn link_lifetime(
    usual: Duration,
    now: DateTime<Utc>,
    send_after: Option<DateTime<Utc>>,
) -> Duration {
    usual + send_after.map_or(Duration::zero(), |at| (at - now).max(Duration::zero()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContactWarning::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn field_problem(result: Result<Option<DateTime<Utc>>, FieldError>) -> Problem {
        let error = result.unwrap_err();
        assert_eq!(error.field, Field::SendAt);
        error.problem
    }

    #[test]
    fn warnings_need_a_confirmation_and_anonymized_candidates_none_at_all() {
        assert_eq!(may_contact(&ContactCheck::Clear, false), Ok(vec![]));
        let warned = ContactCheck::ConfirmFirst(vec![DoNotContact, PendingErasure]);
        assert_eq!(
            may_contact(&warned, false),
            Err(ContactRefusal::NotConfirmed(vec![
                DoNotContact,
                PendingErasure
            ]))
        );
        assert_eq!(
            may_contact(&warned, true),
            Ok(vec![DoNotContact, PendingErasure])
        );
        assert_eq!(
            may_contact(&ContactCheck::Refused, true),
            Err(ContactRefusal::Anonymized)
        );
    }

    #[test]
    fn sending_now_ignores_the_time_fields() {
        assert_eq!(send_time(false, "garbage", "x", now()), Ok(None));
    }

    #[test]
    fn a_later_time_is_read_in_the_senders_zone() {
        // 09:30 in UTC+01:00 is 08:30 UTC the next day.
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "60", now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 8, 30, 0).unwrap()))
        );
        // Without JavaScript there is no offset: UTC.
        assert_eq!(
            send_time(true, "2026-11-24T09:30:15", "", now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 15).unwrap()))
        );
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "-300", now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 14, 30, 0).unwrap()))
        );
    }

    #[test]
    fn a_later_time_must_be_given_in_the_future_and_within_the_limit() {
        assert_eq!(
            field_problem(send_time(true, " ", "0", now())),
            Problem::Required
        );
        for (later, offset) in [
            ("2026-11-23T10:00", "0"),     // now is not later
            ("2026-11-22T12:00", "0"),     // yesterday
            ("2027-02-22T10:01", "0"),     // past 90 days
            ("tomorrow", "0"),             // not a time
            ("2026-11-24T09:30", "900"),   // no such zone
            ("2026-11-24T09:30", "sixty"), // not a number
        ] {
            assert_eq!(
                field_problem(send_time(true, later, offset, now())),
                Problem::Invalid,
                "{later} {offset}"
            );
        }
        assert!(send_time(true, "2027-02-21T10:00", "0", now()).is_ok());
    }

    #[test]
    fn touchpoints_fall_their_days_after_enrolment() {
        assert_eq!(
            touchpoint_times(now(), &[0, 7, 30]),
            [now(), now() + Duration::days(7), now() + Duration::days(30)]
        );
    }

    #[test]
    fn a_delayed_emails_link_lives_its_full_period_after_delivery() {
        let usual = Duration::days(30);
        assert_eq!(link_lifetime(usual, now(), None), usual);
        assert_eq!(
            link_lifetime(usual, now(), Some(now() + Duration::days(5))),
            Duration::days(35)
        );
        assert_eq!(
            link_lifetime(usual, now(), Some(now() - Duration::days(1))),
            usual
        );
    }
}
