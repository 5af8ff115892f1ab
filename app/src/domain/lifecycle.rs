//! An opportunity's lifecycle (SPEC §10): the stages it moves through, archiving with a reason,
//! unarchiving and hiring, and who may do each. These are the facts the retention and
//! do-not-contact rules read, so every change goes through [`decide`].

use super::preferences::{Field, FieldError, Problem};
use super::{text_enum, Role, UserId, Viewer};
use serde::{Deserialize, Serialize};

/// The pipeline's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    New,
    Screen,
    Interview,
    Offer,
}
text_enum!(Stage {
    New => "new",
    Screen => "screen",
    Interview => "interview",
    Offer => "offer",
});

/// Why an opportunity was archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArchiveReason {
    Rejected,
    Withdrew,
    PositionFilled,
    Unresponsive,
}
text_enum!(ArchiveReason {
    Rejected => "rejected",
    Withdrew => "withdrew",
    PositionFilled => "position_filled",
    Unresponsive => "unresponsive",
});

/// One step a recruiter takes on an opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    MoveTo(Stage),
    Archive(ArchiveReason),
    Unarchive,
    Hire,
}

impl Step {
    /// The step as the profile's forms post it: `action` is `stage`, `archive`, `unarchive` or
    /// `hire`; `value` the stage or the reason where one is needed.
    pub fn parse(action: &str, value: &str) -> Result<Step, FieldError> {
        let invalid = |field| FieldError {
            field,
            problem: Problem::Invalid,
        };
        let required = |field| FieldError {
            field,
            problem: Problem::Required,
        };
        let value = value.trim();
        match action {
            "stage" if value.is_empty() => Err(required(Field::Stage)),
            "stage" => value
                .parse()
                .map(Step::MoveTo)
                .map_err(|_| invalid(Field::Stage)),
            "archive" if value.is_empty() => Err(required(Field::ArchiveReason)),
            "archive" => value
                .parse()
                .map(Step::Archive)
                .map_err(|_| invalid(Field::ArchiveReason)),
            "unarchive" => Ok(Step::Unarchive),
            "hire" => Ok(Step::Hire),
            _ => Err(invalid(Field::Step)),
        }
    }

    /// The `events.kind` the step is recorded as.
    pub fn event_kind(self) -> &'static str {
        match self {
            Step::MoveTo(_) => "stage_changed",
            Step::Archive(_) => "archived",
            Step::Unarchive => "unarchived",
            Step::Hire => "hired",
        }
    }
}

/// Where an opportunity stands when a step is asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityState {
    pub owner: Option<UserId>,
    /// The viewer is among its assignees.
    pub assigned: bool,
    /// As stored: one of [`Stage`]'s spellings, or an older free-text stage.
    pub stage: String,
    pub archived: bool,
    pub hired: bool,
}

/// Why a step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A Limited Team Member acts only on opportunities they own.
    NotYours,
    /// An archived opportunity is unarchived before it moves, is hired or archived again.
    Archived,
    /// Only an archived opportunity can be unarchived.
    NotArchived,
    /// A hire is final for the pipeline: it neither moves nor is archived.
    Hired,
    /// The opportunity is already at that stage (a second click of the same form).
    Unchanged,
}

/// Whether `viewer` may act on the opportunity at all: a Limited Team Member on the ones they
/// own or are assigned to only.
pub fn may_act_on(viewer: &Viewer, state: &OpportunityState) -> bool {
    may_act_on_owned_by(viewer, state.owner, state.assigned)
}

/// [`may_act_on`] for an opportunity owned by `owner`, the viewer `assigned` to it or not.
pub fn may_act_on_owned_by(viewer: &Viewer, owner: Option<UserId>, assigned: bool) -> bool {
    viewer.role != Role::LimitedTeamMember || owner == Some(viewer.id) || assigned
}

/// Who assigns colleagues to an opportunity: everyone but Limited Team Members.
pub fn assigns_colleagues(role: Role) -> bool {
    role != Role::LimitedTeamMember
}

/// Whether `viewer` may take `step` on an opportunity in `state`.
pub fn decide(viewer: &Viewer, state: &OpportunityState, step: Step) -> Result<(), Refusal> {
    if !may_act_on(viewer, state) {
        return Err(Refusal::NotYours);
    }
    match step {
        Step::Unarchive if !state.archived => Err(Refusal::NotArchived),
        Step::Unarchive => Ok(()),
        _ if state.hired => Err(Refusal::Hired),
        _ if state.archived => Err(Refusal::Archived),
        Step::MoveTo(stage) if state.stage == stage.as_str() => Err(Refusal::Unchanged),
        _ => Ok(()),
    }
}

/// An interview's feedback as the form posts it: a rating from 1 (strong no) to 4 (strong yes)
/// and text.
pub fn parse_feedback(rating: &str, body: &str) -> Result<(i16, String), FieldError> {
    let rating = match rating.trim() {
        "" => {
            return Err(FieldError {
                field: Field::Rating,
                problem: Problem::Required,
            })
        }
        r => r
            .parse::<i16>()
            .ok()
            .filter(|r| (1..=4).contains(r))
            .ok_or(FieldError {
                field: Field::Rating,
                problem: Problem::Invalid,
            })?,
    };
    let body = body.trim();
    if !super::preferences::is_plain_text(body) {
        return Err(FieldError {
            field: Field::Feedback,
            problem: Problem::Invalid,
        });
    }
    if body.chars().count() > Field::Feedback.max_chars() {
        return Err(FieldError {
            field: Field::Feedback,
            problem: Problem::TooLong,
        });
    }
    Ok((rating, body.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Permission;
    use uuid::Uuid;

    fn viewer(role: Role) -> Viewer {
        Viewer {
            id: UserId(Uuid::from_u128(1)),
            name: "Robin".into(),
            role,
            permissions: Vec::<Permission>::new(),
            via_key: None,
        }
    }

    fn active(owner: Option<UserId>) -> OpportunityState {
        OpportunityState {
            owner,
            assigned: false,
            stage: "screen".into(),
            archived: false,
            hired: false,
        }
    }

    #[test]
    fn forms_parse_into_steps_and_name_the_bad_field() {
        assert_eq!(
            Step::parse("stage", "interview"),
            Ok(Step::MoveTo(Stage::Interview))
        );
        assert_eq!(
            Step::parse("archive", "withdrew"),
            Ok(Step::Archive(ArchiveReason::Withdrew))
        );
        assert_eq!(Step::parse("hire", "ignored"), Ok(Step::Hire));
        assert_eq!(Step::parse("stage", "").unwrap_err().field, Field::Stage);
        assert_eq!(
            Step::parse("archive", "bored").unwrap_err(),
            FieldError {
                field: Field::ArchiveReason,
                problem: Problem::Invalid
            }
        );
        assert_eq!(
            Step::parse("archive", " ").unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(Step::parse("delete", "").unwrap_err().field, Field::Step);
    }

    #[test]
    fn each_step_is_allowed_only_from_where_it_makes_sense() {
        let admin = viewer(Role::Admin);
        let archived = OpportunityState {
            archived: true,
            ..active(None)
        };
        let hired = OpportunityState {
            hired: true,
            ..active(None)
        };
        let interview = Step::MoveTo(Stage::Interview);
        let archive = Step::Archive(ArchiveReason::Rejected);
        assert_eq!(decide(&admin, &active(None), interview), Ok(()));
        assert_eq!(decide(&admin, &active(None), archive), Ok(()));
        assert_eq!(decide(&admin, &active(None), Step::Hire), Ok(()));
        assert_eq!(
            decide(&admin, &active(None), Step::MoveTo(Stage::Screen)),
            Err(Refusal::Unchanged)
        );
        assert_eq!(
            decide(&admin, &active(None), Step::Unarchive),
            Err(Refusal::NotArchived)
        );
        for step in [interview, archive, Step::Hire] {
            assert_eq!(decide(&admin, &archived, step), Err(Refusal::Archived));
            assert_eq!(decide(&admin, &hired, step), Err(Refusal::Hired));
        }
        assert_eq!(decide(&admin, &archived, Step::Unarchive), Ok(()));
    }

    #[test]
    fn a_limited_team_member_acts_only_on_their_own_opportunities() {
        let limited = viewer(Role::LimitedTeamMember);
        let theirs = active(Some(limited.id));
        let someone_elses = active(Some(UserId(Uuid::from_u128(2))));
        assert_eq!(decide(&limited, &theirs, Step::Hire), Ok(()));
        assert_eq!(
            decide(&limited, &someone_elses, Step::Hire),
            Err(Refusal::NotYours)
        );
        assert_eq!(
            decide(&limited, &active(None), Step::Hire),
            Err(Refusal::NotYours)
        );
        assert_eq!(
            decide(&viewer(Role::TeamMember), &someone_elses, Step::Hire),
            Ok(())
        );
        let assigned = OpportunityState {
            assigned: true,
            ..someone_elses
        };
        assert_eq!(decide(&limited, &assigned, Step::Hire), Ok(()));
        assert!(!assigns_colleagues(Role::LimitedTeamMember));
        assert!(assigns_colleagues(Role::TeamMember));
    }

    #[test]
    fn feedback_needs_a_rating_from_one_to_four() {
        assert_eq!(parse_feedback("4", " Sharp "), Ok((4, "Sharp".to_owned())));
        assert_eq!(parse_feedback("1", ""), Ok((1, String::new())));
        for bad in ["0", "5", "four", "-1"] {
            assert_eq!(
                parse_feedback(bad, "x").unwrap_err(),
                FieldError {
                    field: Field::Rating,
                    problem: Problem::Invalid
                },
                "{bad}"
            );
        }
        assert_eq!(
            parse_feedback("", "x").unwrap_err().problem,
            Problem::Required
        );
        let long = "x".repeat(Field::Feedback.max_chars() + 1);
        assert_eq!(
            parse_feedback("3", &long).unwrap_err().problem,
            Problem::TooLong
        );
    }
}
