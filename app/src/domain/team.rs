//! Team administration (SPEC §1, §7): who manages whom, what an invitation and an access change
//! hold, what a new password must be, and the rule that an organization always keeps an active
//! Super Admin.

use super::error::AppError;
use super::preferences::{Field, FieldError, Problem};
use super::{EmailAddress, Permission, Role, UserId};
use serde::{Deserialize, Serialize};

/// How long an invitation or a password-reset link works.
pub const INVITATION_HOURS: i64 = 72;
pub const RESET_HOURS: i64 = 2;

/// The fewest characters a new password has. Length is what makes a password hard to guess
/// (NIST SP 800-63B): no composition rules, and anything up to the field's maximum is accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Super Admins and Admins open the team page.
pub fn manages_team(role: Role) -> bool {
    matches!(role, Role::SuperAdmin | Role::Admin)
}

/// Whether a team member with `actor`'s role may change an account with `target`'s role (or give
/// an account that role): Super Admins manage everyone, Admins manage Team Members and Limited
/// Team Members.
pub fn manages(actor: Role, target: Role) -> bool {
    match actor {
        Role::SuperAdmin => true,
        Role::Admin => matches!(target, Role::TeamMember | Role::LimitedTeamMember),
        Role::TeamMember | Role::LimitedTeamMember => false,
    }
}

/// The roles `actor` may give.
pub fn assignable_roles(actor: Role) -> Vec<Role> {
    Role::ALL
        .iter()
        .copied()
        .filter(|r| manages(actor, *r))
        .collect()
}

/// A role and the permissions granted on top of it, as the form posts them: the role's code and
/// one checkbox per permission (present when ticked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessForm {
    pub role: String,
    pub anonymize_candidates: Option<String>,
    pub view_compliance_dashboard: Option<String>,
    pub manage_profiles: Option<String>,
}

/// A valid role with its permissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    pub role: Role,
    /// Empty for Super Admins and Admins: their role holds every permission already.
    pub permissions: Vec<Permission>,
}

impl Access {
    pub fn parse(form: &AccessForm) -> Result<Self, FieldError> {
        let role: Role = form
            .role
            .trim()
            .parse()
            .map_err(|_| Field::Role.error(Problem::Required))?;
        let ticked = [
            (Permission::AnonymizeCandidates, &form.anonymize_candidates),
            (
                Permission::ViewComplianceDashboard,
                &form.view_compliance_dashboard,
            ),
            (Permission::ManageProfiles, &form.manage_profiles),
        ];
        let permissions = if matches!(role, Role::SuperAdmin | Role::Admin) {
            Vec::new()
        } else {
            ticked
                .into_iter()
                .filter(|(_, value)| value.as_deref().is_some_and(|v| !v.is_empty()))
                .map(|(permission, _)| permission)
                .collect()
        };
        Ok(Access { role, permissions })
    }

    /// The form that posts this access, for pre-filling the edit page.
    pub fn form(&self) -> AccessForm {
        let tick = |p: Permission| self.permissions.contains(&p).then(|| "on".to_owned());
        AccessForm {
            role: self.role.as_str().to_owned(),
            anonymize_candidates: tick(Permission::AnonymizeCandidates),
            view_compliance_dashboard: tick(Permission::ViewComplianceDashboard),
            manage_profiles: tick(Permission::ManageProfiles),
        }
    }
}

/// The invitation form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    pub name: String,
    pub email: String,
    pub access: AccessForm,
}

/// A valid invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub name: String,
    pub email: EmailAddress,
    pub access: Access,
}

impl Invitation {
    pub fn parse(form: &InvitationForm) -> Result<Self, FieldError> {
        let name = Field::Name.required_text(&form.name)?;
        let email = match form.email.trim() {
            "" => return Err(Field::Email.error(Problem::Required)),
            raw => EmailAddress::parse(raw).map_err(|_| Field::Email.error(Problem::Invalid))?,
        };
        let access = Access::parse(&form.access)?;
        Ok(Invitation {
            name,
            email,
            access,
        })
    }
}

/// A password someone chose, long enough and not too long.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    /// The password and its repetition, as the form posts them.
    pub fn parse(password: &str, repeated: &str) -> Result<Self, FieldError> {
        let length = password.chars().count();
        if password.is_empty() {
            return Err(Field::NewPassword.error(Problem::Required));
        }
        if length > Field::Password.max_chars() {
            return Err(Field::NewPassword.error(Problem::TooLong));
        }
        if length < MIN_PASSWORD_CHARS || password.trim().is_empty() {
            return Err(Field::NewPassword.error(Problem::TooShort));
        }
        if password != repeated {
            return Err(Field::RepeatPassword.error(Problem::Invalid));
        }
        Ok(NewPassword(password.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Never printed: a password in a log is a password leaked.
impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([hidden])")
    }
}

/// An account as the rules about changing it see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Account {
    pub id: UserId,
    pub role: Role,
    pub disabled: bool,
}

/// A change to someone's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Access(Access),
    Disable,
    Enable,
    /// Send them a link that sets a (new) password.
    PasswordLink,
}

/// Whether `actor` may make `change` to `target`, given how many *other* active Super Admins
/// there are. Nobody changes their own role or disables themselves (another administrator
/// must), and the last active Super Admin is neither disabled nor demoted.
pub fn may_change(
    actor: &super::Viewer,
    target: &Account,
    change: &Change,
    other_active_super_admins: i64,
) -> Result<(), AppError> {
    if !manages(actor.role, target.role) {
        return Err(AppError::Forbidden);
    }
    let own = actor.id == target.id;
    let removes_super_admin = target.role == Role::SuperAdmin
        && !target.disabled
        && match change {
            Change::Access(access) => access.role != Role::SuperAdmin,
            Change::Disable => true,
            Change::Enable | Change::PasswordLink => false,
        };
    match change {
        Change::Access(access) if !manages(actor.role, access.role) => Err(AppError::Forbidden),
        Change::Access(_) | Change::Disable if own => Err(AppError::OwnAccount),
        _ if removes_super_admin && other_active_super_admins == 0 => Err(AppError::LastSuperAdmin),
        _ => Ok(()),
    }
}

/// The state an account is in, as the team page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountState {
    Active,
    /// Invited and not yet chosen a password.
    Invited,
    Disabled,
}

impl AccountState {
    pub fn of(disabled: bool, has_password: bool) -> Self {
        match (disabled, has_password) {
            (true, _) => AccountState::Disabled,
            (false, false) => AccountState::Invited,
            (false, true) => AccountState::Active,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Viewer;

    fn viewer(role: Role, id: u128) -> Viewer {
        Viewer {
            id: UserId(uuid::Uuid::from_u128(id)),
            name: "Robin".into(),
            role,
            permissions: vec![],
            via_key: None,
        }
    }

    fn account(role: Role, id: u128) -> Account {
        Account {
            id: UserId(uuid::Uuid::from_u128(id)),
            role,
            disabled: false,
        }
    }

    fn access(role: Role) -> Change {
        Change::Access(Access {
            role,
            permissions: vec![],
        })
    }

    #[test]
    fn super_admins_manage_everyone_admins_only_team_members() {
        for target in Role::ALL {
            assert!(manages(Role::SuperAdmin, *target));
            assert_eq!(
                manages(Role::Admin, *target),
                matches!(target, Role::TeamMember | Role::LimitedTeamMember),
                "{target}"
            );
            assert!(!manages(Role::TeamMember, *target));
            assert!(!manages(Role::LimitedTeamMember, *target));
        }
        assert_eq!(
            assignable_roles(Role::Admin),
            [Role::TeamMember, Role::LimitedTeamMember]
        );
        assert!(assignable_roles(Role::TeamMember).is_empty());
    }

    #[test]
    fn an_admin_may_not_promote_anyone_to_admin() {
        let admin = viewer(Role::Admin, 1);
        let member = account(Role::TeamMember, 2);
        assert_eq!(
            may_change(&admin, &member, &access(Role::Admin), 1),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            may_change(&admin, &member, &access(Role::LimitedTeamMember), 1),
            Ok(())
        );
        let other_admin = account(Role::Admin, 3);
        assert_eq!(
            may_change(&admin, &other_admin, &Change::Disable, 1),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn the_last_active_super_admin_is_neither_disabled_nor_demoted() {
        let actor = viewer(Role::SuperAdmin, 1);
        let last = account(Role::SuperAdmin, 2);
        for change in [Change::Disable, access(Role::Admin)] {
            assert_eq!(
                may_change(&actor, &last, &change, 0),
                Err(AppError::LastSuperAdmin)
            );
            assert_eq!(may_change(&actor, &last, &change, 1), Ok(()));
        }
        assert_eq!(
            may_change(&actor, &last, &access(Role::SuperAdmin), 0),
            Ok(())
        );
        assert_eq!(may_change(&actor, &last, &Change::PasswordLink, 0), Ok(()));
        // A disabled Super Admin is not the one keeping the organization run.
        let disabled = Account {
            disabled: true,
            ..last
        };
        assert_eq!(
            may_change(&actor, &disabled, &access(Role::Admin), 0),
            Ok(())
        );
    }

    #[test]
    fn nobody_demotes_or_disables_themselves() {
        let me = viewer(Role::SuperAdmin, 1);
        let mine = account(Role::SuperAdmin, 1);
        assert_eq!(
            may_change(&me, &mine, &Change::Disable, 3),
            Err(AppError::OwnAccount)
        );
        assert_eq!(
            may_change(&me, &mine, &access(Role::TeamMember), 3),
            Err(AppError::OwnAccount)
        );
        assert_eq!(may_change(&me, &mine, &Change::PasswordLink, 0), Ok(()));
    }

    #[test]
    fn admins_hold_their_permissions_by_role_others_by_ticked_boxes() {
        let form = AccessForm {
            role: "team_member".into(),
            anonymize_candidates: Some("on".into()),
            view_compliance_dashboard: None,
            manage_profiles: Some("on".into()),
        };
        let parsed = Access::parse(&form).unwrap();
        assert_eq!(
            parsed.permissions,
            [Permission::AnonymizeCandidates, Permission::ManageProfiles]
        );
        assert_eq!(Access::parse(&parsed.form()).unwrap(), parsed);
        let admin = Access::parse(&AccessForm {
            role: "admin".into(),
            ..form
        })
        .unwrap();
        assert!(admin.permissions.is_empty());
        assert_eq!(
            Access::parse(&AccessForm {
                role: "owner".into(),
                ..Default::default()
            }),
            Err(Field::Role.error(Problem::Required))
        );
    }

    #[test]
    fn an_invitation_needs_a_name_an_address_and_a_role() {
        let form = InvitationForm {
            name: "  Sam Lee ".into(),
            email: "sam@team.example".into(),
            access: AccessForm {
                role: "limited_team_member".into(),
                ..Default::default()
            },
        };
        let invitation = Invitation::parse(&form).unwrap();
        assert_eq!(invitation.name, "Sam Lee");
        assert_eq!(invitation.access.role, Role::LimitedTeamMember);
        let without = |f: fn(&mut InvitationForm)| {
            let mut form = form.clone();
            f(&mut form);
            Invitation::parse(&form).unwrap_err()
        };
        assert_eq!(
            without(|f| f.name.clear()),
            Field::Name.error(Problem::Required)
        );
        assert_eq!(
            without(|f| f.email = "sam".into()),
            Field::Email.error(Problem::Invalid)
        );
        assert_eq!(
            without(|f| f.access.role.clear()),
            Field::Role.error(Problem::Required)
        );
    }

    #[test]
    fn a_new_password_is_long_enough_and_typed_the_same_twice() {
        let good = "plum tree in april";
        assert_eq!(NewPassword::parse(good, good).unwrap().expose(), good);
        assert_eq!(
            NewPassword::parse("", ""),
            Err(Field::NewPassword.error(Problem::Required))
        );
        assert_eq!(
            NewPassword::parse("short one", "short one"),
            Err(Field::NewPassword.error(Problem::TooShort))
        );
        assert_eq!(
            NewPassword::parse("            ", "            "),
            Err(Field::NewPassword.error(Problem::TooShort))
        );
        assert_eq!(
            NewPassword::parse(good, "plum tree in april!"),
            Err(Field::RepeatPassword.error(Problem::Invalid))
        );
        let long = "x".repeat(Field::Password.max_chars() + 1);
        assert_eq!(
            NewPassword::parse(&long, &long),
            Err(Field::NewPassword.error(Problem::TooLong))
        );
        assert!(!format!("{:?}", NewPassword::parse(good, good).unwrap()).contains("plum"));
    }

    #[test]
    fn an_account_is_invited_until_it_has_a_password() {
        assert_eq!(AccountState::of(false, false), AccountState::Invited);
        assert_eq!(AccountState::of(false, true), AccountState::Active);
        assert_eq!(AccountState::of(true, false), AccountState::Disabled);
    }
}
