//! The integration API keys page.

use crate::domain::api_keys::Scope;

pub const API_KEYS_TITLE: &str = "API keys";
pub const API_KEYS_INTRO: &str = "Keys let the applicant tracking system your team already runs talk to Candor's integration API. A key acts for the whole organization: give each system its own, with only what it needs.";
pub const NEW_API_KEY: &str = "New key";
pub const CREATE_API_KEY: &str = "Create key";
pub const NO_API_KEYS: &str = "There are no keys yet.";
pub const API_KEY_LABEL: &str = "Key";
pub const API_KEY_SCOPES: &str = "May";
pub const API_KEY_LAST_USED: &str = "Last used";
pub const API_KEY_REVOKED: &str = "Revoked";
pub const REVEALED_KEY_HELP: &str = "Copy it now and store it where your other system keeps secrets: this is the only time Candor shows it. Lost, it can't be recovered; revoke it and create another.";
pub const API_KEYS_LINK: &str = "API keys for your other systems";

pub fn revealed_key_heading(name: &str) -> String {
    format!("Your new key “{name}”")
}

pub fn revoke_key(name: &str) -> String {
    format!("Revoke “{name}”")
}

pub fn scope_label(scope: Scope) -> &'static str {
    match scope {
        Scope::Read => "Read",
        Scope::Write => "Write",
        Scope::Anonymize => "Anonymize",
    }
}

pub fn scope_help(scope: Scope) -> &'static str {
    match scope {
        Scope::Read => "Read postings, candidates, contact status and data requests.",
        Scope::Write => "Push candidates, opportunities, notes and consent decisions, and answer data requests. Includes reading.",
        Scope::Anonymize => "Anonymize candidates. It can't be undone: grant it only to a system that must.",
    }
}

pub fn api_key_notice(code: &str) -> &'static str {
    match code {
        "key-created" => "Key created.",
        "key-revoked" => "Key revoked: calls with it are refused from now on.",
        _ => "Saved.",
    }
}
pub const BACK_TO_SETTINGS: &str = "Back to the compliance settings";
