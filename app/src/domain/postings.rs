//! Postings as the team writes them (SPEC §10): what a posting form may hold, and who may write
//! one. A published posting takes applications; a closed one refuses them with a clear page.

use super::preferences::{Field, FieldError, Problem};
use super::{CountryCode, Role, UserId};
use serde::{Deserialize, Serialize};

/// The most questions one application form asks.
pub const MAX_QUESTIONS: usize = 10;

/// The posting form as posted: text, as typed. The questions come one per line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostingForm {
    pub title: String,
    pub description: String,
    /// A two-letter country code, or empty.
    pub country: String,
    /// The owner's user id, or empty for none.
    pub owner: String,
    pub questions: String,
}

/// A valid posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingDraft {
    pub title: String,
    pub description: String,
    pub country: Option<CountryCode>,
    pub owner: Option<UserId>,
    pub questions: Vec<String>,
}

impl PostingDraft {
    pub fn parse(form: &PostingForm) -> Result<Self, FieldError> {
        let title = Field::PostingTitle.required_text(&form.title)?;
        let description = Field::Description
            .optional(Some(&form.description))?
            .unwrap_or_default();
        let country = match form.country.trim() {
            "" => None,
            code => Some(
                CountryCode::parse(&code.to_uppercase())
                    .map_err(|_| Field::Country.error(Problem::Invalid))?,
            ),
        };
        let owner = match form.owner.trim() {
            "" => None,
            id => Some(UserId(
                id.parse()
                    .map_err(|_| Field::Owner.error(Problem::Invalid))?,
            )),
        };
        let questions: Vec<String> = form
            .questions
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned)
            .collect();
        if questions.is_empty() {
            return Err(Field::Questions.error(Problem::Required));
        }
        if questions.len() > MAX_QUESTIONS
            || questions
                .iter()
                .any(|q| q.chars().count() > MAX_QUESTION_CHARS)
        {
            return Err(Field::Questions.error(Problem::TooLong));
        }
        Ok(Self {
            title,
            description,
            country,
            owner,
            questions,
        })
    }
}

/// The longest one question may be.
pub const MAX_QUESTION_CHARS: usize = 500;

/// Who writes, closes and reopens postings: everyone but Limited Team Members, who work only on
/// the candidates of their own opportunities.
pub fn manages_postings(role: Role) -> bool {
    role != Role::LimitedTeamMember
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PostingForm {
        PostingForm {
            title: " Data Engineer ".into(),
            description: "Pipelines in Rust.".into(),
            country: "de".into(),
            owner: String::new(),
            questions: "Why us?\n\n  What would you build first?  \n".into(),
        }
    }

    #[test]
    fn a_filled_form_becomes_a_posting_with_one_question_per_line() {
        let draft = PostingDraft::parse(&form()).unwrap();
        assert_eq!(draft.title, "Data Engineer");
        assert_eq!(
            draft.country.map(|c| c.as_str().to_owned()),
            Some("DE".into())
        );
        assert_eq!(draft.owner, None);
        assert_eq!(draft.questions, ["Why us?", "What would you build first?"]);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = |change: fn(&mut PostingForm)| {
            let mut f = form();
            change(&mut f);
            PostingDraft::parse(&f).unwrap_err()
        };
        assert_eq!(
            bad(|f| f.title = "  ".into()),
            Field::PostingTitle.error(Problem::Required)
        );
        assert_eq!(
            bad(|f| f.country = "Germany".into()),
            Field::Country.error(Problem::Invalid)
        );
        assert_eq!(
            bad(|f| f.owner = "someone".into()),
            Field::Owner.error(Problem::Invalid)
        );
        assert_eq!(
            bad(|f| f.questions = " \n ".into()),
            Field::Questions.error(Problem::Required)
        );
        assert_eq!(
            bad(|f| f.questions = "Q?\n".repeat(MAX_QUESTIONS + 1)),
            Field::Questions.error(Problem::TooLong)
        );
        assert_eq!(
            bad(|f| f.questions = "x".repeat(MAX_QUESTION_CHARS + 1)),
            Field::Questions.error(Problem::TooLong)
        );
        assert_eq!(
            bad(|f| f.description = "x".repeat(Field::Description.max_chars() + 1)),
            Field::Description.error(Problem::TooLong)
        );
    }

    #[test]
    fn limited_team_members_do_not_manage_postings() {
        assert!(manages_postings(Role::TeamMember));
        assert!(manages_postings(Role::SuperAdmin));
        assert!(!manages_postings(Role::LimitedTeamMember));
    }
}
