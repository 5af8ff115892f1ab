//! The compliance views: sweep runs, the dashboard and the audit trails.

use super::*;
use crate::domain::{Purpose, RequestKind};

// Retention sweep runs (SPEC §5).
pub const SWEEPS_TITLE: &str = "Retention sweeps";
pub const SWEEPS_INTRO: &str =
    "Every day Candor anonymizes the candidates whose grace period after a \
     deletion mark has passed, unless a legal hold keeps them. Each run is listed here with its \
     counts; no names are kept.";
pub const NO_SWEEPS: &str = "The sweep has not run yet.";
pub const SWEEPS_CAPTION: &str = "Latest retention sweep runs, newest first";
pub const SWEEP_STARTED: &str = "Started";
pub const SWEEP_KIND: &str = "Run";
pub const SWEEP_MARKED: &str = "Marked for deletion";
pub const SWEEP_OUTCOME: &str = "Outcome";

pub fn sweep_duration(took: chrono::Duration) -> String {
    let ms = took.num_milliseconds().max(0);
    if ms < 1000 {
        format!("took {ms} ms")
    } else {
        format!("took {:.1} s", ms as f64 / 1000.0)
    }
}

pub fn sweep_kind(scheduled: bool, dry_run: bool) -> &'static str {
    match (scheduled, dry_run) {
        (true, _) => "Daily schedule",
        (false, false) => "Run by an operator",
        (false, true) => "Dry run by an operator (nothing changed)",
    }
}

pub fn sweep_marked(examined: i64, marked: i64) -> String {
    format!("{marked} of {examined} candidates")
}

pub fn sweep_outcome(run: &crate::domain::sweep::SweepRun) -> String {
    let mut parts = vec![format!("{} due", run.due)];
    if run.dry_run {
        parts.push("none anonymized (dry run)".to_owned());
    } else {
        parts.push(format!("{} anonymized", run.anonymized));
    }
    if run.waiting > 0 {
        parts.push(format!("{} within the grace period", run.waiting));
    }
    if run.held > 0 {
        parts.push(format!("{} kept by a legal hold", run.held));
    }
    if run.skipped > 0 {
        parts.push(format!("{} no longer due", run.skipped));
    }
    if run.retry_later > 0 {
        parts.push(format!("{} left for the next run", run.retry_later));
    }
    parts.join(", ")
}

// The compliance dashboard.
pub const DASHBOARD_TITLE: &str = "Compliance dashboard";
pub const DASHBOARD_INTRO: &str = "Every data request, open and closed, nearest due first. Overdue requests are marked in red, those due within 7 days in amber.";
pub const DASHBOARD_CAPTION: &str = "Data requests";
pub const FILTERS_LABEL: &str = "Filter the requests";
pub const FILTER_KIND: &str = "Kind";
pub const FILTER_STATE: &str = "State";
pub const FILTER_OWNER: &str = "Owner";
pub const FILTER_FROM: &str = "Received from";
pub const FILTER_TO: &str = "Received until";
pub const ANY: &str = "Any";
pub const APPLY_FILTERS: &str = "Show requests";
pub const CLEAR_FILTERS: &str = "Clear filters";
pub const COUNTS_LABEL: &str = "Counts";
pub const COUNT_TOTAL: &str = "Requests";
pub const EXPORT_CSV: &str = "Download these requests (CSV)";
pub const NO_REQUESTS_MATCH: &str = "No request matches these filters.";
pub const DASHBOARD_PAGES_LABEL: &str = "More requests";
pub const DASHBOARD_FIRST_PAGE: &str = "← First page";
pub const DASHBOARD_NEXT_PAGE: &str = "Next requests →";
pub const NO_OWNER: &str = "No owner";
pub const CHART_TITLE: &str = "Requests per week";
pub const CHART_RECEIVED: &str = "Received";
pub const CHART_ANSWERED: &str = "Answered";
pub const CHART_MEDIAN: &str = "Numbers under each week: median days to answer.";
pub const CHART_TABLE: &str = "The figures as a table";
pub const CHART_WEEK: &str = "Week of";
pub const CHART_MEDIAN_COLUMN: &str = "Median days to answer";
pub const COLUMN_KIND: &str = "Request";
pub const COLUMN_CANDIDATE: &str = "Candidate";
pub const COLUMN_OWNER: &str = "Owner";
pub const COLUMN_RECEIVED: &str = "Received";
pub const COLUMN_DUE: &str = "Due";
pub const COLUMN_STATE: &str = "State";
pub const COLUMN_RESOLVED: &str = "Closed";
pub const CSV_COLUMNS: [&str; 9] = [
    "Request id",
    "Kind",
    "Candidate",
    "Owner",
    "Received",
    "Due",
    "State",
    "Closed",
    "Closed by",
];

pub fn state_filter(state: crate::domain::dashboard::StateFilter) -> &'static str {
    use crate::domain::dashboard::StateFilter::*;
    match state {
        Open => "Open",
        Overdue => "Overdue",
        DueSoon => "Due within 7 days",
        Resolved => "Resolved",
        Refused => "Refused",
        Withdrawn => "Withdrawn",
    }
}

/// A request's state in words, with how late or how close an open one is.
pub fn request_state(
    status: crate::domain::RequestStatus,
    due: Option<crate::domain::dates::DueState>,
) -> String {
    use crate::domain::{dates::DueState, RequestStatus};
    match (status, due) {
        (RequestStatus::Open, Some(DueState::Overdue { days_over })) => {
            format!("Overdue by {}", days(days_over.max(1)))
        }
        (RequestStatus::Open, Some(DueState::DueSoon { days_left })) => {
            format!("Open, due in {}", days(days_left))
        }
        (RequestStatus::Open, _) => "Open".into(),
        (RequestStatus::Resolved, _) => "Resolved".into(),
        (RequestStatus::Refused, _) => "Refused".into(),
        (RequestStatus::Withdrawn, _) => "Withdrawn".into(),
    }
}

pub fn candidate_label(label: &crate::domain::dashboard::CandidateLabel) -> String {
    use crate::domain::dashboard::CandidateLabel::*;
    match label {
        Named(name) => name.clone(),
        Anonymized => "Anonymized candidate".into(),
        NotYours => "Candidate on another team member's opportunity".into(),
    }
}

pub fn resolved_by(at: chrono::DateTime<chrono::Utc>, by: &str) -> String {
    format!("{} by {by}", date(at))
}

pub fn median_days_short(days: f64) -> String {
    format!("{days:.0} d")
}

pub fn median_days_long(days: f64) -> String {
    if days.fract() == 0.0 {
        format!("{days:.0}")
    } else {
        format!("{days:.1}")
    }
}

// Audit trails.
pub const TRAIL_TITLE: &str = "Audit trail";
pub const AUDIT_TRAIL_LINK: &str = "Audit trail: everything recorded for this candidate";
pub const TRAIL_EMPTY: &str = "Nothing has been recorded yet.";
pub const BACK_TO_DASHBOARD: &str = "Back to the compliance dashboard";
pub const OPEN_PROFILE: &str = "Open the profile";
pub const CANDIDATE_TRAIL_LINK: &str = "Everything recorded for this candidate";
pub const FORMER_TEAM_MEMBER: &str = "A former team member";

pub fn request_trail_heading(kind: crate::domain::RequestKind, candidate: &str) -> String {
    format!("{} request — {candidate}", request_kind_for_team(kind))
}

pub fn candidate_trail_heading(candidate: &str) -> String {
    format!("Audit trail — {candidate}")
}

pub fn trail_actor(actor: &crate::domain::dashboard::TrailActor) -> String {
    use crate::domain::dashboard::TrailActor as Actor;
    match actor {
        Actor::TeamMember(name) => name.clone(),
        Actor::Candidate => "The candidate".into(),
        Actor::System => "Candor (automatic)".into(),
    }
}

pub fn consent_entry(purpose: &str, decision: &str, source: &str) -> String {
    let purpose = purpose
        .parse::<Purpose>()
        .map(purpose_title)
        .unwrap_or("Consent");
    let source = match source {
        "preferences_page" => "on the data-preferences page",
        "job_post" => "on the application form",
        "email_one_click" => "with the unsubscribe link",
        "recruiter_manual" => "in writing, recorded by the team",
        "import" => "in an import",
        _ => "by Candor",
    };
    format!("{purpose}: {decision} {source}")
}

/// An audit row in words. Details hold ids and field names only, never personal data.
pub fn audit_action(action: &str, details: &serde_json::Value) -> String {
    let detail = |key: &str| details.get(key).and_then(|v| v.as_str()).unwrap_or("");
    match action {
        "data_request.received" => format!("Request received ({})", detail("kind")),
        "data_request.data_sent" => "Personal data sent to the candidate".into(),
        "data_request.correction_applied" => "Correction applied".into(),
        "data_request.extended" => "Due date extended; the candidate was told why".into(),
        "data_request.refused" => "Request refused; the candidate was told why".into(),
        "data_request.resolved" => "Request marked as resolved".into(),
        "candidate.anonymized" => "Candidate anonymized: personal data removed".into(),
        "candidate.added" => "Candidate added by hand".into(),
        "candidate.applied" => "Applied through a job posting".into(),
        "candidate.gdpr_country_changed" => "GDPR country changed".into(),
        "consent.recorded" => format!(
            "Consent recorded ({} {})",
            detail("purpose"),
            detail("decision")
        ),
        "email.queued" => "Email sent to the candidate".into(),
        "nurture.enrolled" => "Enrolled in a nurture campaign".into(),
        "outreach.cancelled" => "Scheduled emails cancelled".into(),
        "link.resent" => "A fresh personal link was sent".into(),
        "legal_hold.placed" => "Legal hold placed".into(),
        "legal_hold.lifted" => "Legal hold lifted".into(),
        other => other.replace(['.', '_'], " "),
    }
}

/// A request kind as the team reads it (and owner alerts name it); candidates read
/// [`request_kind`].
pub fn request_kind_for_team(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => "Copy of data",
        RequestKind::Rectification => "Correction",
        RequestKind::Erasure => "Erasure",
        RequestKind::Restriction => "Restriction",
        RequestKind::Objection => "Objection",
    }
}

/// A team role as the workspace names it.
pub fn role(role: crate::domain::Role) -> &'static str {
    use crate::domain::Role;
    match role {
        Role::SuperAdmin => "Super Admin",
        Role::Admin => "Admin",
        Role::TeamMember => "Team Member",
        Role::LimitedTeamMember => "Limited Team Member",
    }
}

/// The question every application form asks besides the contact details.
pub const MOTIVATION_QUESTION: &str = "Why are you interested in this role?";
