//! The team pages (Users, inviting a colleague, one colleague's access), the password pages
//! (choosing a password from an emailed link, "forgot your password?") and the account page.

use crate::domain::preferences::Field;
use crate::domain::team::AccountState;
use crate::domain::{Permission, Role};

pub const USERS_TITLE: &str = "Users";
pub const INVITE_TITLE: &str = "Invite a colleague";
pub const INVITE_BUTTON: &str = "Send the invitation";
pub const INVITE_HELP: &str =
    "They get an email with a link to choose their password. The link works once, for 72 hours.";
pub const BACK_TO_USERS: &str = "Back to the users";
pub const USER_NAME: &str = "Name";
pub const USER_EMAIL: &str = "Email";
pub const USER_STATE: &str = "Status";
pub const USER_LAST_ACTIVE: &str = "Last active";
pub const NEVER: &str = "—";
pub const PERMISSIONS: &str = "Permissions";
pub const PERMISSIONS_HELP: &str =
    "Super Admins and Admins hold every permission with their role; these add to the others'.";
pub const BY_ROLE: &str = "All, by role";
pub const NO_PERMISSIONS: &str = "None";
pub const SAVE_ACCESS: &str = "Save role and permissions";
pub const DISABLE_USER: &str = "Disable account";
pub const DISABLE_HELP: &str = "They are signed out at once and can't sign in until the account is enabled again. Their candidates, notes and history stay.";
pub const ENABLE_USER: &str = "Enable account";
pub const SEND_RESET: &str = "Email a password link";
pub const SEND_INVITATION_AGAIN: &str = "Send the invitation again";
pub const PASSWORD_LINK_HELP: &str = "The link in the newest email is the only one that works.";
pub const NOT_YOURS_TO_MANAGE: &str = "Your role doesn't let you change this account.";
pub const YOUR_ACCOUNT_HERE: &str = "This is you. Change your password on";
pub const YOUR_ACCOUNT_LINK: &str = "your account page";

pub fn user_field(field: Field) -> &'static str {
    match field {
        Field::Name => USER_NAME,
        Field::Email => "Email address",
        other => super::field_label(other),
    }
}

pub fn account_state(state: AccountState) -> &'static str {
    match state {
        AccountState::Active => "Active",
        AccountState::Invited => "Invited",
        AccountState::Disabled => "Disabled",
    }
}

pub fn permission(permission: Permission) -> &'static str {
    match permission {
        Permission::AnonymizeCandidates => "Anonymize candidates",
        Permission::ViewComplianceDashboard => "View the compliance dashboard",
        Permission::ManageProfiles => "Manage candidate profiles",
    }
}

pub fn role_help(role: Role) -> &'static str {
    match role {
        Role::SuperAdmin => "Everything, including compliance settings and every account.",
        Role::Admin => "Everything but compliance settings; manages Team Members.",
        Role::TeamMember => "Sees every candidate.",
        Role::LimitedTeamMember => {
            "Sees only candidates of opportunities they own or are assigned to."
        }
    }
}

pub fn edit_user(name: &str) -> String {
    format!("{name}'s access")
}

/// The message after a team action, by its code.
pub fn user_notice(code: &str) -> &'static str {
    match code {
        "invited" => "Invitation sent. They can sign in once they have chosen their password.",
        "access-saved" => "Role and permissions saved. They apply from the next page they open.",
        "disabled" => "Account disabled: they were signed out everywhere.",
        "enabled" => "Account enabled: they can sign in again.",
        "link-sent" => "Email sent with a link to choose a password.",
        _ => "Saved.",
    }
}

// The password pages.
pub const SET_PASSWORD_TITLE: &str = "Choose your password";
pub const SET_PASSWORD_BUTTON: &str = "Save password and sign in";
pub const PASSWORD_LINK_INVALID: &str = "This link has expired or was already used. Links to choose a password work once, for a limited time. Ask for a new one below, or ask an administrator of your team.";
pub fn new_password_help() -> String {
    format!(
        "At least {} characters. A few unrelated words make a strong password that is easy to remember.",
        crate::domain::team::MIN_PASSWORD_CHARS
    )
}
pub fn set_password_intro(invitation: bool, name: &str, organization: &str) -> String {
    if invitation {
        format!("Welcome, {name}. Choose a password to join {organization} on Candor.")
    } else {
        format!("Choose a new password for your account at {organization}, {name}. Saving it signs you out everywhere else.")
    }
}
pub const FORGOT_PASSWORD_LINK: &str = "Forgot your password?";
pub const FORGOT_PASSWORD_TITLE: &str = "Forgot your password?";
pub const FORGOT_PASSWORD_INTRO: &str =
    "Enter the email address you sign in with. We'll email you a link to choose a new password.";
pub const FORGOT_PASSWORD_BUTTON: &str = "Email me a link";
pub const FORGOT_PASSWORD_SENT: &str = "If an active account has this address, an email with a link is on its way. The link works for 2 hours. Nothing arrived? Check your spam folder, or ask an administrator of your team.";
pub const BACK_TO_SIGN_IN: &str = "Back to sign in";

// The account page.
pub const ACCOUNT_TITLE: &str = "Your account";
pub const CHANGE_PASSWORD_TITLE: &str = "Change your password";
pub const CHANGE_PASSWORD_BUTTON: &str = "Change password";
pub const PASSWORD_CHANGED: &str =
    "Password changed. You were signed out everywhere else; this browser stays signed in.";
pub fn account_line(email: &str, role: Role) -> String {
    format!("You sign in as {email}, {}.", super::role(role))
}
