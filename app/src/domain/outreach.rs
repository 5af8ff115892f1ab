//! Contacting a candidate (SPEC §7): whether a recruiter's email or nurture enrolment may go ahead,
//! when a delayed send goes out, when a campaign's touchpoints fall, and how long the consent link
//! inside such an email stays valid.

use super::consent_panel::{ContactCheck, ContactWarning};
use super::preferences::{Field, FieldError, Problem};
use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Longest subject and text of an email a person writes (a recruiter's message, an editable
/// template), in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 20_000;

/// A delayed send may be scheduled up to this far ahead; further is a mistake or a campaign.
pub const MAX_DELAY_DAYS: i64 = 90;

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
/// `later` is the form's `datetime-local` value (`2026-11-24T09:30`), read as wall-clock time in
/// the IANA time zone `zone` (the browser picks its own; without JavaScript the form's select
/// starts at the organization's zone, `fallback`, which an empty `zone` also means). The zone's
/// rules for that date apply, so a send scheduled across a daylight-saving change leaves at the
/// time asked; a time the clocks skip is refused, and one they pass twice is the first. The time
/// must lie in the future and at most [`MAX_DELAY_DAYS`] ahead.
pub fn send_time(
    send_later: bool,
    later: &str,
    zone: &str,
    fallback: Tz,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, FieldError> {
    if !send_later {
        return Ok(None);
    }
    let invalid = Field::SendAt.error(Problem::Invalid);
    let later = later.trim();
    if later.is_empty() {
        return Err(Field::SendAt.error(Problem::Required));
    }
    // Browsers send minutes, and seconds only when the user typed them.
    let local = NaiveDateTime::parse_from_str(later, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(later, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| invalid)?;
    let zone = match zone.trim() {
        "" => fallback,
        name => parse_zone(name)?,
    };
    let at = match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => return Err(Field::SendAt.error(Problem::Skipped)),
    };
    if at <= now || at > now + Duration::days(MAX_DELAY_DAYS) {
        return Err(invalid);
    }
    Ok(Some(at))
}

/// An IANA time zone name (`Europe/Berlin`), as the browser or the select gives it.
pub fn parse_zone(name: &str) -> Result<Tz, FieldError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| Field::TimeZone.error(Problem::Invalid))
}

/// Every time zone a form offers, by IANA name; the deprecated aliases are left out.
pub fn time_zones() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/") && !is_alias(name))
        .chain(["UTC"])
}

/// Names kept by the tz database only for compatibility (`US/Eastern`, `Canada/Atlantic`).
fn is_alias(name: &str) -> bool {
    const LEGACY: [&str; 9] = [
        "US/",
        "Canada/",
        "Mexico/",
        "Brazil/",
        "Chile/",
        "SystemV/",
        "America/Argentina/ComodRivadavia",
        "Antarctica/South_Pole",
        "Australia/ACT",
    ];
    LEGACY.iter().any(|prefix| name.starts_with(prefix))
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

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    #[test]
    fn sending_now_ignores_the_time_fields() {
        assert_eq!(send_time(false, "garbage", "x", Tz::UTC, now()), Ok(None));
    }

    #[test]
    fn a_later_time_is_read_in_the_senders_zone() {
        // 09:30 in Berlin in November (UTC+01:00) is 08:30 UTC.
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "Europe/Berlin", Tz::UTC, now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 8, 30, 0).unwrap()))
        );
        // No zone sent: the organization's.
        assert_eq!(
            send_time(true, "2026-11-24T09:30:15", "", Tz::UTC, now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 15).unwrap()))
        );
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "", BERLIN, now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 8, 30, 0).unwrap()))
        );
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "America/New_York", BERLIN, now()),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 24, 14, 30, 0).unwrap()))
        );
    }

    #[test]
    fn across_a_daylight_saving_change_the_wall_clock_time_holds() {
        // Scheduled in winter (Berlin is UTC+01:00 today) for a day after the clocks go forward
        // on 28 March 2027: 09:00 there is 07:00 UTC, not today's offset's 08:00.
        let winter = Utc.with_ymd_and_hms(2027, 1, 10, 12, 0, 0).unwrap();
        assert_eq!(
            send_time(true, "2027-03-30T09:00", "Europe/Berlin", Tz::UTC, winter),
            Ok(Some(Utc.with_ymd_and_hms(2027, 3, 30, 7, 0, 0).unwrap()))
        );
        // 02:30 on that night does not exist in Berlin: refused, with its own reason.
        assert_eq!(
            send_time(true, "2027-03-28T02:30", "Europe/Berlin", Tz::UTC, winter),
            Err(Field::SendAt.error(Problem::Skipped))
        );
        // 02:30 on 31 October 2027 happens twice: the first one.
        let autumn = Utc.with_ymd_and_hms(2027, 10, 1, 12, 0, 0).unwrap();
        assert_eq!(
            send_time(true, "2027-10-31T02:30", "Europe/Berlin", Tz::UTC, autumn),
            Ok(Some(Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap()))
        );
    }

    #[test]
    fn a_later_time_must_be_given_in_the_future_and_within_the_limit() {
        assert_eq!(
            field_problem(send_time(true, " ", "UTC", Tz::UTC, now())),
            Problem::Required
        );
        for later in [
            "2026-11-23T10:00", // now is not later
            "2026-11-22T12:00", // yesterday
            "2027-02-22T10:01", // past 90 days
            "tomorrow",         // not a time
        ] {
            assert_eq!(
                field_problem(send_time(true, later, "UTC", Tz::UTC, now())),
                Problem::Invalid,
                "{later}"
            );
        }
        assert_eq!(
            send_time(true, "2026-11-24T09:30", "Mars/Olympus", Tz::UTC, now()),
            Err(Field::TimeZone.error(Problem::Invalid))
        );
        assert!(send_time(true, "2027-02-21T10:00", "UTC", Tz::UTC, now()).is_ok());
    }

    #[test]
    fn forms_offer_the_canonical_zones_and_utc() {
        let zones: Vec<&str> = time_zones().collect();
        for name in ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"] {
            assert!(zones.contains(&name), "{name}");
        }
        for alias in ["US/Eastern", "Etc/GMT+5", "EST"] {
            assert!(!zones.contains(&alias), "{alias}");
        }
        assert!(zones.iter().all(|z| parse_zone(z).is_ok()));
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
