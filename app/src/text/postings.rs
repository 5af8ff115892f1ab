//! The postings pages of the workspace.

pub const POSTINGS_TITLE: &str = "Postings";
pub const NEW_POSTING: &str = "New posting";
pub const NO_POSTINGS: &str = "There are no postings yet. Create the first with “New posting”.";
pub const BACK_TO_POSTINGS: &str = "Back to the postings";
pub const POSTING_STATE: &str = "State";
pub const POSTING_OWNER: &str = "Owner";
pub const POSTING_CANDIDATES: &str = "Candidates";
pub const POSTING_ACTIONS: &str = "Actions";
pub const PUBLISHED: &str = "Published";
pub const CLOSED: &str = "Closed";
pub const POSTING_COUNTRY: &str = "Country of the job (optional)";
pub const POSTING_COUNTRY_HELP: &str =
    "Two letters, such as DE or FR. It decides where GDPR protects applicants in EU-only scope.";
pub const QUESTIONS_HELP: &str =
    "Applicants see each line as a question with its own answer box (at most 10). Answers are optional.";
pub const SAVE_POSTING: &str = "Save posting";

pub fn edit_posting(title: &str) -> String {
    format!("Edit “{title}”")
}

pub fn close_posting(title: &str) -> String {
    format!("Close “{title}”")
}

pub fn reopen_posting(title: &str) -> String {
    format!("Reopen “{title}”")
}

pub fn posting_state_line(state: &str) -> String {
    format!("This posting is {}.", state.to_lowercase())
}

/// The postings page's notice for a code the page was sent back with.
pub fn posting_notice(code: &str) -> &'static str {
    match code {
        "posting-saved" => "The posting is saved.",
        "posting-closed" => "The posting is closed: its page now tells applicants it is closed.",
        "posting-reopened" => "The posting is published again and takes applications.",
        _ => "Done.",
    }
}
