//! The recruiter workspace's frame: signing in, the candidate list, adding a candidate by hand.

use super::*;
use crate::domain::preferences::Field;

// The recruiter workspace.

pub const SIGN_IN_TITLE: &str = "Sign in";
pub const SIGN_IN_BUTTON: &str = "Sign in";
pub const SIGN_IN_HELP: &str = "No account yet? Ask an Admin of your team to invite you.";
pub const SIGN_IN_TO_CONTINUE: &str = "Please sign in to continue.";
pub const SIGNED_OUT: &str = "You are signed out.";
pub const EMAIL_LABEL: &str = "Email";
pub const PASSWORD_LABEL: &str = "Password";
pub const SIGN_OUT_BUTTON: &str = "Sign out";
pub const CROSS_SITE_REFUSED: &str = "This form was sent from another website, so Candor refused it to protect your account. Please open Candor directly and try again.";
pub const MAIN_NAVIGATION: &str = "Main";
pub const NAV_COMPLIANCE: &str = "Compliance";
pub const NAV_DASHBOARD: &str = "Dashboard";
pub const NAV_SWEEPS: &str = "Sweeps";
pub const NAV_SETTINGS: &str = "Settings";
pub const CANDIDATES_TITLE: &str = "Candidates";
pub const CANDIDATES_CAPTION: &str = "Candidates, most recent activity first";
pub const SEARCH_LABEL: &str = "Search by name or email";
pub const SEARCH_PLACEHOLDER: &str = "e.g. Ada or ada@example.com";
pub const SEARCH_BUTTON: &str = "Search";
pub const NO_CANDIDATES: &str = "There are no candidates yet.";
pub const NO_OWN_CANDIDATES: &str = "None of your opportunities has a candidate yet. As a Limited Team Member you see the candidates of opportunities you own.";
pub const NO_MATCHES: &str = "No candidate matches this search. Check the spelling, or search for part of the name or email.";
pub const NAME_COLUMN: &str = "Name";
pub const EMAIL_COLUMN: &str = "Email";
pub const ACTIVITY_COLUMN: &str = "Last activity";
pub const REQUESTS_COLUMN: &str = "Open requests";
pub const PAGES_LABEL: &str = "Pages";
pub const PREVIOUS_PAGE: &str = "← Newer";
pub const NEXT_PAGE: &str = "Older →";
pub const NEWEST_PAGE: &str = "Most recent";
pub const ANONYMIZED_CANDIDATE: &str = "Anonymized candidate";
pub const FORBIDDEN_TITLE: &str = "Not allowed";
pub const NOT_FOUND_TITLE: &str = "Not found";
pub const PROBLEM_TITLE: &str = "Something went wrong";
pub const BACK_TO_CANDIDATES: &str = "Back to the candidates";

pub fn short_search_note(window: i64) -> String {
    format!(
        "A search of fewer than three letters or digits in a row looks through the {} most recently active candidates only. Type more of the name or email to search them all.",
        thousands(window)
    )
}

fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn open_requests(count: i64) -> String {
    if count == 1 {
        "1 open request".into()
    } else {
        format!("{count} open requests")
    }
}

// Adding a candidate by hand (SPEC §5).
pub const ADD_CANDIDATE_TITLE: &str = "Add a candidate";
pub const ADD_CANDIDATE_LINK: &str = "Add a candidate";
pub const ADD_CANDIDATE_INTRO: &str =
    "Someone you found yourself (sourced). You become the owner of their opportunity.";
pub const NEW_COUNTRY_HELP: &str =
    "Two letters, such as DE, FR or US; leave empty if you don't know. It decides whether GDPR protects them.";
pub const NO_POSTING: &str = "No particular posting";
pub const NOTICE_EXPLAINED: &str =
    "When GDPR protects them, Candor emails them at once to say their details were added, \
     with their personal link to manage consent and ask about their data.";
pub const ADD_CANDIDATE_BUTTON: &str = "Add candidate";

pub fn new_candidate_label(field: Field) -> &'static str {
    match field {
        Field::Name => "Name",
        Field::Email => "Email address",
        Field::Phone => "Phone number (optional)",
        Field::Country => "Country (optional)",
        other => field_label(other),
    }
}

pub fn data_notice(
    queued_at: chrono::DateTime<chrono::Utc>,
    sent_at: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    match sent_at {
        Some(sent) => format!("Data-collection notice sent on {}.", date(sent)),
        None => format!(
            "Data-collection notice queued on {}, not delivered yet.",
            date(queued_at)
        ),
    }
}
