//! Keys for the integration API (SPEC §11): what a key may do, who creates them, and what the
//! creation form must hold. A key is shown once, kept as a hash, and revoked at once.

use super::preferences::{Field, FieldError, Problem};
use super::{text_enum, Role};
use serde::{Deserialize, Serialize};

/// What a key allows: reading, writing (and logging requests), anonymizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    Read,
    Write,
    Anonymize,
}
text_enum!(Scope {
    Read => "read",
    Write => "write",
    Anonymize => "anonymize",
});

/// The prefix every key starts with, so a leaked one is recognizable (and scannable) as ours.
pub const KEY_PREFIX: &str = "candor_";

/// Only Super Admins create and revoke keys: a key acts for the whole organization.
pub fn manages_api_keys(role: Role) -> bool {
    role == Role::SuperAdmin
}

/// The form as posted: a name, and a checkbox per scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiKeyForm {
    /// Posted as `key_name`, the field's name in every form and error code.
    #[serde(rename = "key_name")]
    pub name: String,
    pub read: Option<String>,
    pub write: Option<String>,
    pub anonymize: Option<String>,
}

/// A valid key to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    pub name: String,
    pub scopes: Vec<Scope>,
}

impl NewApiKey {
    pub fn parse(form: &ApiKeyForm) -> Result<Self, FieldError> {
        let name = Field::KeyName.required_text(&form.name)?;
        let ticked = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.is_empty());
        let scopes: Vec<Scope> = [
            (Scope::Read, &form.read),
            (Scope::Write, &form.write),
            (Scope::Anonymize, &form.anonymize),
        ]
        .into_iter()
        .filter(|(_, value)| ticked(value))
        .map(|(scope, _)| scope)
        .collect();
        if scopes.is_empty() {
            return Err(Field::Scopes.error(Problem::Required));
        }
        Ok(NewApiKey { name, scopes })
    }
}

/// Whether a key holding `held` may do what needs `needed`. Writing includes reading; anonymizing
/// is its own grant, never implied.
pub fn allows(held: &[Scope], needed: Scope) -> bool {
    held.contains(&needed) || (needed == Scope::Read && held.contains(&Scope::Write))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_needs_a_name_and_a_scope() {
        let form = ApiKeyForm {
            name: "  Greenhouse sync ".into(),
            read: Some("on".into()),
            write: None,
            anonymize: Some("on".into()),
        };
        assert_eq!(
            NewApiKey::parse(&form).unwrap(),
            NewApiKey {
                name: "Greenhouse sync".into(),
                scopes: vec![Scope::Read, Scope::Anonymize]
            }
        );
        let unnamed = ApiKeyForm {
            name: " ".into(),
            ..form.clone()
        };
        assert_eq!(
            NewApiKey::parse(&unnamed),
            Err(Field::KeyName.error(Problem::Required))
        );
        let nothing = ApiKeyForm {
            read: None,
            anonymize: None,
            ..form
        };
        assert_eq!(
            NewApiKey::parse(&nothing),
            Err(Field::Scopes.error(Problem::Required))
        );
    }

    #[test]
    fn writing_includes_reading_and_anonymizing_is_never_implied() {
        assert!(allows(&[Scope::Write], Scope::Read));
        assert!(!allows(&[Scope::Read], Scope::Write));
        assert!(!allows(&[Scope::Read, Scope::Write], Scope::Anonymize));
        assert!(allows(&[Scope::Anonymize], Scope::Anonymize));
    }

    #[test]
    fn only_super_admins_manage_keys() {
        let managers: Vec<_> = Role::ALL.iter().filter(|r| manages_api_keys(**r)).collect();
        assert_eq!(managers, [&Role::SuperAdmin]);
    }
}
