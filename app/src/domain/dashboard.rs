//! The compliance dashboard's rules (SPEC §7): which requests a filter keeps, how they are
//! ordered and counted, and the weekly series of requests received and answered with the median
//! days to answer. Pure: the page and the CSV export both call these.

use super::dates::DueState;
use super::paging::Position;
use super::preferences::{Field, FieldError, Problem};
use super::{RequestKind, RequestStatus, UserId};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One request as the dashboard judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestFacts {
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    /// The due date in force (the extended one, if extended).
    pub due_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub owner: Option<UserId>,
}

impl RequestFacts {
    /// How urgent it is; `None` once closed.
    pub fn due_state(&self, now: DateTime<Utc>) -> Option<DueState> {
        (self.status == RequestStatus::Open).then(|| DueState::of(self.due_at, now))
    }

    /// Answered: resolved or refused (a withdrawn request needed no answer).
    fn answered(&self) -> Option<DateTime<Utc>> {
        matches!(
            self.status,
            RequestStatus::Resolved | RequestStatus::Refused
        )
        .then_some(self.closed_at)
        .flatten()
    }
}

/// The states a viewer can filter on: the stored ones, and the two urgent slices of "open".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StateFilter {
    Open,
    Overdue,
    DueSoon,
    Resolved,
    Refused,
    Withdrawn,
}
super::text_enum!(StateFilter {
    Open => "open",
    Overdue => "overdue",
    DueSoon => "due_soon",
    Resolved => "resolved",
    Refused => "refused",
    Withdrawn => "withdrawn",
});

impl StateFilter {
    fn keeps(self, request: &RequestFacts, now: DateTime<Utc>) -> bool {
        match self {
            StateFilter::Open => request.status == RequestStatus::Open,
            StateFilter::Overdue => {
                matches!(request.due_state(now), Some(DueState::Overdue { .. }))
            }
            StateFilter::DueSoon => {
                matches!(request.due_state(now), Some(DueState::DueSoon { .. }))
            }
            StateFilter::Resolved => request.status == RequestStatus::Resolved,
            StateFilter::Refused => request.status == RequestStatus::Refused,
            StateFilter::Withdrawn => request.status == RequestStatus::Withdrawn,
        }
    }
}

/// The filter form as it arrives in the URL (empty: any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterForm {
    pub kind: String,
    pub state: String,
    pub owner: String,
    /// Received on or after this day (YYYY-MM-DD).
    pub from: String,
    /// Received on or before this day.
    pub to: String,
}

/// A checked filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<RequestKind>,
    pub state: Option<StateFilter>,
    pub owner: Option<UserId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Filter {
    pub fn parse(form: &FilterForm) -> Result<Self, FieldError> {
        fn choice<T: std::str::FromStr>(raw: &str, field: Field) -> Result<Option<T>, FieldError> {
            match raw.trim() {
                "" => Ok(None),
                value => value
                    .parse()
                    .map(Some)
                    .map_err(|_| field.error(Problem::Invalid)),
            }
        }
        let filter = Self {
            kind: choice(&form.kind, Field::RequestKind)?,
            state: choice(&form.state, Field::RequestState)?,
            owner: choice(&form.owner, Field::Owner)?,
            from: choice(&form.from, Field::ReceivedFrom)?,
            to: choice(&form.to, Field::ReceivedTo)?,
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if from > to {
                return Err(Field::ReceivedTo.error(Problem::Invalid));
            }
        }
        Ok(filter)
    }

    pub fn keeps(&self, request: &RequestFacts, now: DateTime<Utc>) -> bool {
        let received = request.received_at.date_naive();
        self.kind.is_none_or(|kind| request.kind == kind)
            && self.state.is_none_or(|state| state.keeps(request, now))
            && self.owner.is_none_or(|owner| request.owner == Some(owner))
            && self.from.is_none_or(|from| received >= from)
            && self.to.is_none_or(|to| received <= to)
    }
}

/// A [`Filter`] as ranges a query can use on its indexes; [`FilterBounds::keeps`] is the
/// predicate the dashboard's SQL mirrors, and a test holds it equal to [`Filter::keeps`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterBounds {
    pub kind: Option<RequestKind>,
    pub status: Option<RequestStatus>,
    /// Open requests due before this (overdue).
    pub due_before: Option<DateTime<Utc>>,
    /// Open requests due at or after this (with `due_until`: due soon).
    pub due_from: Option<DateTime<Utc>>,
    pub due_until: Option<DateTime<Utc>>,
    /// Received at or after (the `from` day's start, UTC).
    pub received_from: Option<DateTime<Utc>>,
    /// Received before (the day after `to`, UTC).
    pub received_before: Option<DateTime<Utc>>,
    pub owner: Option<UserId>,
    /// The same days of receipt as the tallies of closed requests hold them.
    pub received_spans: TallySpans,
}

/// Days of receipt as the tallies of closed requests cover them: the whole months in the range
/// from the monthly tallies, and the days at either end that don't fill a month from the daily
/// ones, so a count adds up at most a month's tally rows per kept month and two months' worth
/// of daily ones, however many requests were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TallySpans {
    /// Whole months `[from, before)` (firsts of months; `None` unbounded), when any.
    pub months: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Up to two ranges of single days, `[from, before)`.
    pub days: [Option<(NaiveDate, NaiveDate)>; 2],
}

impl TallySpans {
    /// The days from `from` to `to`, both included (each end unbounded when `None`).
    pub fn of(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        let month_start = |day: NaiveDate| day.with_day(1).unwrap_or(day);
        let before = to.and_then(|day| day.succ_opt());
        let months_from = from.map(|day| {
            if day.day() == 1 {
                day
            } else {
                month_start(day) + chrono::Months::new(1)
            }
        });
        let months_before = before.map(month_start);
        match (from, before, months_from, months_before) {
            (Some(from), Some(before), Some(m_from), Some(m_before)) if m_from >= m_before => {
                Self {
                    months: None,
                    days: [(from < before).then_some((from, before)), None],
                }
            }
            _ => Self {
                months: Some((months_from, months_before)),
                days: [
                    from.zip(months_from).filter(|(f, m)| f < m),
                    months_before.zip(before).filter(|(m, b)| m < b),
                ],
            },
        }
    }

    /// How many tally rows (a month's and a day's) would count a request received on `day`:
    /// 1 inside the range, 0 outside, never 2.
    pub fn tallies_counting(&self, day: NaiveDate) -> usize {
        let in_months = self.months.is_some_and(|(from, before)| {
            let month = day.with_day(1).unwrap_or(day);
            from.is_none_or(|f| month >= f) && before.is_none_or(|b| month < b)
        });
        let in_days = self
            .days
            .iter()
            .flatten()
            .filter(|(from, before)| day >= *from && day < *before)
            .count();
        usize::from(in_months) + in_days
    }
}

impl Filter {
    pub fn bounds(&self, now: DateTime<Utc>) -> FilterBounds {
        let day_start = |day: NaiveDate| day.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        let (status, due_before, due_from, due_until) = match self.state {
            None => (None, None, None, None),
            Some(StateFilter::Open) => (Some(RequestStatus::Open), None, None, None),
            Some(StateFilter::Overdue) => (Some(RequestStatus::Open), Some(now), None, None),
            Some(StateFilter::DueSoon) => (
                Some(RequestStatus::Open),
                None,
                Some(now),
                Some(due_soon_until(now)),
            ),
            Some(StateFilter::Resolved) => (Some(RequestStatus::Resolved), None, None, None),
            Some(StateFilter::Refused) => (Some(RequestStatus::Refused), None, None, None),
            Some(StateFilter::Withdrawn) => (Some(RequestStatus::Withdrawn), None, None, None),
        };
        FilterBounds {
            kind: self.kind,
            status,
            due_before,
            due_from,
            due_until,
            received_from: self.from.and_then(day_start),
            received_before: self.to.and_then(|d| d.succ_opt()).and_then(day_start),
            owner: self.owner,
            received_spans: TallySpans::of(self.from, self.to),
        }
    }
}

/// The last due time that counts as due soon: DueState::of calls an open request due soon while
/// it is not past due and at most DUE_SOON_DAYS whole days (rounded up) remain, which is
/// `due_at - now <= DUE_SOON_DAYS days`.
pub fn due_soon_until(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(DueState::DUE_SOON_DAYS)
}

/// Where a dashboard page starts: after an open request (they come first, nearest due first) or
/// after a closed one (latest closed first). Written `o<position>` or `c<position>` in links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListPosition {
    /// After the open request due at `at`.
    Open(Position),
    /// After the request closed at `at`.
    Closed(Position),
}

impl std::fmt::Display for ListPosition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListPosition::Open(p) => write!(f, "o{p}"),
            ListPosition::Closed(p) => write!(f, "c{p}"),
        }
    }
}

impl std::str::FromStr for ListPosition {
    type Err = super::paging::BadPosition;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.split_at_checked(1) {
            Some(("o", rest)) => Ok(ListPosition::Open(rest.parse()?)),
            Some(("c", rest)) => Ok(ListPosition::Closed(rest.parse()?)),
            _ => Err(super::paging::BadPosition),
        }
    }
}

impl FilterBounds {
    /// The widest range of receipt whose closed requests are read by day of receipt and sorted,
    /// rather than walked latest closed first (a quarter's volume, however long the history).
    pub const RECEIPT_FIRST_DAYS: i64 = 92;

    /// Whether the closed requests are best found by their day of receipt: the range is closed
    /// and narrow. Walking latest closed first reaches a month received a year ago only after
    /// every request closed since; reading that month and sorting it costs the month's volume.
    pub fn closed_by_receipt(&self) -> bool {
        match (self.received_from, self.received_before) {
            (Some(from), Some(before)) => before - from <= Duration::days(Self::RECEIPT_FIRST_DAYS),
            _ => false,
        }
    }

    pub fn keeps(&self, r: &RequestFacts) -> bool {
        self.kind.is_none_or(|k| r.kind == k)
            && self.status.is_none_or(|s| r.status == s)
            && self.due_before.is_none_or(|t| r.due_at < t)
            && self.due_from.is_none_or(|t| r.due_at >= t)
            && self.due_until.is_none_or(|t| r.due_at <= t)
            && self.received_from.is_none_or(|t| r.received_at >= t)
            && self.received_before.is_none_or(|t| r.received_at < t)
            && self.owner.is_none_or(|o| r.owner == Some(o))
    }
}

/// One group of a count query: requests of one kind and stored status, and how many of the open
/// ones are overdue and due soon (by the same bounds as the filter's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountGroup {
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub requests: u32,
    pub overdue: u32,
    pub due_soon: u32,
}

impl Counts {
    /// The counts from grouped totals, equal to [`Counts::of`] over the same requests.
    pub fn from_groups(groups: impl IntoIterator<Item = CountGroup>) -> Self {
        let mut counts = Counts::default();
        for g in groups {
            counts.total += g.requests;
            *counts.by_kind.entry(g.kind).or_default() += g.requests;
            let stored = match g.status {
                RequestStatus::Open => StateFilter::Open,
                RequestStatus::Resolved => StateFilter::Resolved,
                RequestStatus::Refused => StateFilter::Refused,
                RequestStatus::Withdrawn => StateFilter::Withdrawn,
            };
            *counts.by_state.entry(stored).or_default() += g.requests;
            for (state, n) in [
                (StateFilter::Overdue, g.overdue),
                (StateFilter::DueSoon, g.due_soon),
            ] {
                if n > 0 {
                    *counts.by_state.entry(state).or_default() += n;
                }
            }
        }
        counts
    }
}

/// Nearest due first: open requests by the date they are due, then closed ones, latest closed
/// first.
pub fn sort_by_urgency<T>(rows: &mut [T], facts: impl Fn(&T) -> RequestFacts) {
    rows.sort_by_key(|row| {
        let r = facts(row);
        match r.status {
            RequestStatus::Open => (0, r.due_at.timestamp()),
            _ => (1, -r.closed_at.unwrap_or(r.received_at).timestamp()),
        }
    });
}

/// How many requests of each kind and in each state (a request that is overdue counts as open and
/// as overdue).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub total: u32,
    pub by_kind: BTreeMap<RequestKind, u32>,
    pub by_state: BTreeMap<StateFilter, u32>,
}

impl Counts {
    pub fn of<'a>(
        requests: impl IntoIterator<Item = &'a RequestFacts>,
        now: DateTime<Utc>,
    ) -> Self {
        let mut counts = Counts::default();
        for request in requests {
            counts.total += 1;
            *counts.by_kind.entry(request.kind).or_default() += 1;
            for &state in StateFilter::ALL {
                if state.keeps(request, now) {
                    *counts.by_state.entry(state).or_default() += 1;
                }
            }
        }
        counts
    }
}

/// One week of the chart (weeks start on Monday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Week {
    pub starts: NaiveDate,
    pub received: u32,
    pub answered: u32,
    /// Median whole days from receipt to answer, over the requests answered that week.
    pub median_days: Option<f64>,
}

/// When the chart's first week starts (Monday, 00:00 UTC): only requests received or answered
/// since then can count in it.
pub fn chart_start(weeks: u32, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now.date_naive();
    let this_week = today - Duration::days(today.weekday().num_days_from_monday().into());
    let first = this_week - Duration::weeks(i64::from(weeks.saturating_sub(1)));
    first.and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc())
}

/// The last `weeks` weeks up to the one holding `now`, oldest first.
pub fn weekly(requests: &[RequestFacts], weeks: u32, now: DateTime<Utc>) -> Vec<Week> {
    let today = now.date_naive();
    let this_week = today - Duration::days(today.weekday().num_days_from_monday().into());
    let week_of = |at: DateTime<Utc>| {
        let day = at.date_naive();
        day - Duration::days(day.weekday().num_days_from_monday().into())
    };
    (0..weeks)
        .rev()
        .map(|back| {
            let starts = this_week - Duration::weeks(back.into());
            let received = requests
                .iter()
                .filter(|r| week_of(r.received_at) == starts)
                .count();
            let mut days: Vec<i64> = requests
                .iter()
                .filter_map(|r| {
                    r.answered()
                        .filter(|at| week_of(*at) == starts)
                        .map(|at| (at - r.received_at).num_days())
                })
                .collect();
            Week {
                starts,
                received: received as u32,
                answered: days.len() as u32,
                median_days: median(&mut days),
            }
        })
        .collect()
}

fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    } else {
        values[mid] as f64
    })
}

/// A value for a CSV cell that a spreadsheet will show as text, never run as a formula.
pub fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Who a row names: the candidate, unless anonymized or outside what the viewer may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateLabel {
    Named(String),
    Anonymized,
    /// A Limited Team Member sees names only on their own opportunities.
    NotYours,
}

/// Who acted, as an audit trail names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrailActor {
    TeamMember(String),
    Candidate,
    System,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn only_a_narrow_closed_range_of_receipt_is_read_by_receipt() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        let day = |days_ago: i64| Some((now - Duration::days(days_ago)).date_naive());
        let by_receipt = |from, to| {
            Filter {
                from,
                to,
                ..Filter::default()
            }
            .bounds(now)
            .closed_by_receipt()
        };
        assert!(by_receipt(day(400), day(370)), "one month, a year ago");
        assert!(by_receipt(day(5), day(5)), "one day");
        // 92 days from the first day's start to the last day's end.
        assert!(by_receipt(day(191), day(100)));
        assert!(!by_receipt(day(192), day(100)));
        assert!(
            !by_receipt(day(400), None),
            "open-ended: latest closed first finds them"
        );
        assert!(!by_receipt(None, day(370)));
        assert!(!by_receipt(None, None));
    }

    #[test]
    fn tally_spans_count_every_day_in_the_range_exactly_once() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let start = day(2025, 11, 20);
        let days: Vec<NaiveDate> = (0..120).map(|n| start + Duration::days(n)).collect();
        let ends: Vec<Option<NaiveDate>> = std::iter::once(None)
            .chain([0, 1, 10, 11, 12, 40, 41, 42, 43, 71, 72, 73, 100].map(|n| Some(days[n])))
            .collect();
        for from in &ends {
            for to in &ends {
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        continue;
                    }
                }
                let spans = TallySpans::of(*from, *to);
                for &d in &days {
                    let inside = from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
                    assert_eq!(
                        spans.tallies_counting(d),
                        usize::from(inside),
                        "{from:?}..={to:?} on {d}: {spans:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tally_spans_use_whole_months_where_they_can() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let spans = TallySpans::of(Some(day(2026, 1, 15)), Some(day(2026, 4, 3)));
        assert_eq!(
            spans.months,
            Some((Some(day(2026, 2, 1)), Some(day(2026, 4, 1))))
        );
        assert_eq!(
            spans.days,
            [
                Some((day(2026, 1, 15), day(2026, 2, 1))),
                Some((day(2026, 4, 1), day(2026, 4, 4)))
            ]
        );
        let one_month = TallySpans::of(Some(day(2026, 3, 1)), Some(day(2026, 3, 31)));
        assert_eq!(
            one_month.months,
            Some((Some(day(2026, 3, 1)), Some(day(2026, 4, 1))))
        );
        assert_eq!(one_month.days, [None, None]);
        assert_eq!(TallySpans::of(None, None).months, Some((None, None)));
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
    }

    fn request(kind: RequestKind, received: DateTime<Utc>) -> RequestFacts {
        RequestFacts {
            kind,
            status: RequestStatus::Open,
            received_at: received,
            due_at: super::super::dates::due_date(received),
            closed_at: None,
            owner: None,
        }
    }

    fn closed(
        kind: RequestKind,
        status: RequestStatus,
        received: DateTime<Utc>,
        days: i64,
    ) -> RequestFacts {
        RequestFacts {
            status,
            closed_at: Some(received + Duration::days(days)),
            ..request(kind, received)
        }
    }

    // Monday 23 November 2026.
    fn now() -> DateTime<Utc> {
        at(2026, 11, 23)
    }

    #[test]
    fn filters_keep_what_they_name() {
        use RequestKind::*;
        let owner = UserId(uuid::Uuid::from_u128(7));
        let overdue = request(Access, at(2026, 10, 1));
        let due_soon = RequestFacts {
            owner: Some(owner),
            ..request(Erasure, at(2026, 10, 28))
        };
        let on_track = request(Rectification, at(2026, 11, 20));
        let resolved = closed(Access, RequestStatus::Resolved, at(2026, 9, 1), 10);
        let all = [&overdue, &due_soon, &on_track, &resolved];
        let kept = |form: FilterForm| -> Vec<usize> {
            let filter = Filter::parse(&form).unwrap();
            all.iter()
                .enumerate()
                .filter(|(_, r)| filter.keeps(r, now()))
                .map(|(i, _)| i)
                .collect()
        };
        let form = |kind: &str, state: &str| FilterForm {
            kind: kind.into(),
            state: state.into(),
            ..Default::default()
        };
        assert_eq!(kept(FilterForm::default()), vec![0, 1, 2, 3]);
        assert_eq!(kept(form("access", "")), vec![0, 3]);
        assert_eq!(kept(form("", "open")), vec![0, 1, 2]);
        assert_eq!(kept(form("", "overdue")), vec![0]);
        assert_eq!(kept(form("", "due_soon")), vec![1]);
        assert_eq!(kept(form("", "resolved")), vec![3]);
        assert_eq!(kept(form("access", "open")), vec![0]);
        assert_eq!(
            kept(FilterForm {
                owner: owner.to_string(),
                ..Default::default()
            }),
            vec![1]
        );
        assert_eq!(
            kept(FilterForm {
                from: "2026-10-01".into(),
                to: "2026-10-28".into(),
                ..Default::default()
            }),
            vec![0, 1],
            "both ends of the range are inclusive"
        );
    }

    #[test]
    fn a_bad_filter_is_named() {
        let bad = |form: FilterForm| Filter::parse(&form).unwrap_err().field;
        assert_eq!(
            bad(FilterForm {
                kind: "gossip".into(),
                ..Default::default()
            }),
            Field::RequestKind
        );
        assert_eq!(
            bad(FilterForm {
                from: "1 May".into(),
                ..Default::default()
            }),
            Field::ReceivedFrom
        );
        assert_eq!(
            bad(FilterForm {
                from: "2026-05-02".into(),
                to: "2026-05-01".into(),
                ..Default::default()
            }),
            Field::ReceivedTo
        );
    }

    #[test]
    fn open_requests_come_first_nearest_due_then_the_latest_closed() {
        use RequestKind::*;
        let mut rows = vec![
            closed(Access, RequestStatus::Resolved, at(2026, 9, 1), 3),
            request(Access, at(2026, 11, 20)),
            closed(Access, RequestStatus::Refused, at(2026, 10, 1), 3),
            request(Erasure, at(2026, 10, 1)),
        ];
        sort_by_urgency(&mut rows, |r| *r);
        let received: Vec<_> = rows.iter().map(|r| r.received_at).collect();
        assert_eq!(
            received,
            vec![
                at(2026, 10, 1),
                at(2026, 11, 20),
                at(2026, 10, 1),
                at(2026, 9, 1)
            ]
        );
        assert_eq!(rows[2].status, RequestStatus::Refused);
    }

    #[test]
    fn counts_by_kind_and_state() {
        use RequestKind::*;
        let rows = [
            request(Access, at(2026, 10, 1)),
            request(Access, at(2026, 11, 20)),
            closed(Erasure, RequestStatus::Resolved, at(2026, 9, 1), 3),
        ];
        let counts = Counts::of(&rows, now());
        assert_eq!(counts.total, 3);
        assert_eq!(counts.by_kind[&Access], 2);
        assert_eq!(counts.by_kind[&Erasure], 1);
        assert_eq!(counts.by_state[&StateFilter::Open], 2);
        assert_eq!(counts.by_state[&StateFilter::Overdue], 1);
        assert_eq!(counts.by_state.get(&StateFilter::DueSoon), None);
        assert_eq!(counts.by_state[&StateFilter::Resolved], 1);
    }

    #[test]
    fn weeks_count_received_and_answered_with_the_median_days() {
        use RequestKind::*;
        let rows = [
            // Received this week (Mon 23 Nov).
            request(Access, at(2026, 11, 24)),
            // Received the week before, answered this week after 5 and 9 days, and 2 days.
            closed(Access, RequestStatus::Resolved, at(2026, 11, 18), 5),
            closed(Erasure, RequestStatus::Refused, at(2026, 11, 16), 9),
            closed(Access, RequestStatus::Resolved, at(2026, 11, 21), 2),
            // Withdrawn: received, never answered.
            closed(Access, RequestStatus::Withdrawn, at(2026, 11, 17), 1),
        ];
        let weeks = weekly(&rows, 3, at(2026, 11, 26));
        assert_eq!(
            weeks.iter().map(|w| w.starts).collect::<Vec<_>>(),
            vec![
                NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            ]
        );
        assert_eq!(
            weeks
                .iter()
                .map(|w| (w.received, w.answered, w.median_days))
                .collect::<Vec<_>>(),
            vec![(0, 0, None), (4, 0, None), (1, 3, Some(5.0))]
        );
        let two = [
            closed(Access, RequestStatus::Resolved, at(2026, 11, 16), 8),
            closed(Access, RequestStatus::Resolved, at(2026, 11, 20), 3),
        ];
        assert_eq!(weekly(&two, 1, now())[0].median_days, Some(5.5));
    }

    /// Every filter against requests received, due and closed around its edges: the ranges the
    /// query uses keep exactly what the filter keeps.
    #[test]
    fn the_query_bounds_keep_what_the_filter_keeps() {
        use RequestKind::*;
        let owner = UserId(uuid::Uuid::from_u128(7));
        let mut requests = Vec::new();
        for hours in (-24 * 40..24 * 10).step_by(7) {
            for kind in [Access, Erasure] {
                let received = now() + Duration::hours(hours) - Duration::days(30);
                let mut open = request(kind, received);
                open.due_at = now() + Duration::hours(hours);
                open.owner = (hours % 2 == 0).then_some(owner);
                requests.push(open);
                for status in [
                    RequestStatus::Resolved,
                    RequestStatus::Refused,
                    RequestStatus::Withdrawn,
                ] {
                    requests.push(closed(kind, status, received, 3));
                }
            }
        }
        let states = [
            "",
            "open",
            "overdue",
            "due_soon",
            "resolved",
            "refused",
            "withdrawn",
        ];
        let days = ["", "2026-10-01", "2026-10-24", "2026-11-23"];
        for state in states {
            for from in days {
                for to in days {
                    for kind in ["", "access"] {
                        for who in [String::new(), owner.to_string()] {
                            let form = FilterForm {
                                kind: kind.into(),
                                state: state.into(),
                                owner: who.clone(),
                                from: from.into(),
                                to: to.into(),
                            };
                            let Ok(filter) = Filter::parse(&form) else {
                                continue;
                            };
                            let bounds = filter.bounds(now());
                            for r in &requests {
                                assert_eq!(
                                    bounds.keeps(r),
                                    filter.keeps(r, now()),
                                    "{form:?} {r:?}"
                                );
                            }
                            // And the grouped counts equal the counts of the kept requests.
                            let kept: Vec<_> =
                                requests.iter().filter(|r| bounds.keeps(r)).collect();
                            let soon = Filter {
                                state: Some(StateFilter::DueSoon),
                                ..Default::default()
                            }
                            .bounds(now());
                            let late = Filter {
                                state: Some(StateFilter::Overdue),
                                ..Default::default()
                            }
                            .bounds(now());
                            let mut groups = std::collections::BTreeMap::new();
                            for r in &kept {
                                let g =
                                    groups
                                        .entry((r.kind, r.status as u8))
                                        .or_insert(CountGroup {
                                            kind: r.kind,
                                            status: r.status,
                                            requests: 0,
                                            overdue: 0,
                                            due_soon: 0,
                                        });
                                g.requests += 1;
                                g.overdue += u32::from(late.keeps(r));
                                g.due_soon += u32::from(soon.keeps(r));
                            }
                            assert_eq!(
                                Counts::from_groups(groups.into_values()),
                                Counts::of(kept, now())
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_chart_starts_on_the_monday_of_its_first_week_and_nothing_before_counts() {
        let start = chart_start(12, now());
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 9, 7, 0, 0, 0).unwrap());
        let early = request(RequestKind::Access, start - Duration::seconds(1));
        let first = request(RequestKind::Access, start);
        let weeks = weekly(&[early, first], 12, now());
        assert_eq!(weeks[0].starts, start.date_naive());
        assert_eq!(weeks.iter().map(|w| w.received).sum::<u32>(), 1);
    }

    #[test]
    fn a_list_position_reads_back_and_nothing_else_does() {
        let p = Position::new(now(), uuid::Uuid::from_u128(3));
        for position in [ListPosition::Open(p), ListPosition::Closed(p)] {
            assert_eq!(position.to_string().parse::<ListPosition>(), Ok(position));
        }
        for bad in ["", "o", "x1.00000000-0000-0000-0000-000000000003", "é"] {
            assert!(bad.parse::<ListPosition>().is_err(), "{bad}");
        }
    }

    #[test]
    fn csv_cells_never_become_formulas() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+49 30"), "'+49 30");
        assert_eq!(spreadsheet_safe("Anna Schmidt"), "Anna Schmidt");
    }
}
