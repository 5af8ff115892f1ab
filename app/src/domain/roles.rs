//! Who may do what (SPEC §1).

use super::{text_enum, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    SuperAdmin,
    Admin,
    TeamMember,
    /// Sees only candidates of opportunities they own or are assigned to.
    LimitedTeamMember,
}
text_enum!(Role {
    SuperAdmin => "super_admin",
    Admin => "admin",
    TeamMember => "team_member",
    LimitedTeamMember => "limited_team_member",
});

/// Permissions granted on top of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    AnonymizeCandidates,
    ViewComplianceDashboard,
    ManageProfiles,
}
text_enum!(Permission {
    AnonymizeCandidates => "anonymize_candidates",
    ViewComplianceDashboard => "view_compliance_dashboard",
    ManageProfiles => "manage_profiles",
});

impl Role {
    /// Super Admins and Admins hold every permission; others only those granted to them.
    pub fn has(self, permission: Permission, granted: &[Permission]) -> bool {
        matches!(self, Role::SuperAdmin | Role::Admin) || granted.contains(&permission)
    }

    /// Super Admins and Admins place and lift legal holds.
    pub fn manages_legal_holds(self) -> bool {
        matches!(self, Role::SuperAdmin | Role::Admin)
    }

    /// Only Super Admins edit compliance settings.
    pub fn edits_compliance_settings(self) -> bool {
        self == Role::SuperAdmin
    }
}

/// The signed-in team member a request acts for, as every recruiter server function sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub permissions: Vec<Permission>,
    /// The integration API key acting for this colleague (`On-Behalf-Of`), when the call came
    /// through the API: the audit log names both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_key: Option<uuid::Uuid>,
}

impl Viewer {
    pub fn may(&self, permission: Permission) -> bool {
        self.role.has(permission, &self.permissions)
    }

    /// The owner whose opportunities bound what this viewer sees: Limited Team Members see only
    /// candidates of opportunities they own; everyone else sees every candidate.
    pub fn candidate_scope(&self) -> Option<UserId> {
        (self.role == Role::LimitedTeamMember).then_some(self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_hold_every_permission_others_only_granted_ones() {
        for permission in Permission::ALL {
            assert!(Role::SuperAdmin.has(*permission, &[]));
            assert!(Role::Admin.has(*permission, &[]));
            assert!(!Role::TeamMember.has(*permission, &[]));
            assert!(!Role::LimitedTeamMember.has(*permission, &[]));
            assert!(Role::TeamMember.has(*permission, &[*permission]));
        }
        assert!(!Role::TeamMember.has(
            Permission::AnonymizeCandidates,
            &[Permission::ManageProfiles]
        ));
    }

    #[test]
    fn only_limited_team_members_are_bound_to_their_own_candidates() {
        let viewer = |role| Viewer {
            id: UserId(uuid::Uuid::from_u128(7)),
            name: "Robin".into(),
            role,
            permissions: vec![Permission::ManageProfiles],
            via_key: None,
        };
        for role in Role::ALL {
            let scope = viewer(*role).candidate_scope();
            assert_eq!(scope.is_some(), *role == Role::LimitedTeamMember, "{role}");
        }
        assert!(viewer(Role::LimitedTeamMember).may(Permission::ManageProfiles));
        assert!(!viewer(Role::LimitedTeamMember).may(Permission::AnonymizeCandidates));
    }

    #[test]
    fn only_super_admins_edit_compliance_settings() {
        let editors: Vec<_> = Role::ALL
            .iter()
            .filter(|r| r.edits_compliance_settings())
            .collect();
        assert_eq!(editors, [&Role::SuperAdmin]);
    }

    #[test]
    fn only_admins_manage_legal_holds() {
        let managers: Vec<_> = Role::ALL
            .iter()
            .filter(|r| r.manages_legal_holds())
            .collect();
        assert_eq!(managers, [&Role::SuperAdmin, &Role::Admin]);
    }
}
