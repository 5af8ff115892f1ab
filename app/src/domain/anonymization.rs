//! Anonymization (SPEC §6): what stays visible of a candidate once anonymized. The engine that
//! removes the data arrives with the Anonymize action; the reading rules live here already.

use super::text_enum;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnonymizationMode {
    /// Every personal value removed from the database; known values inside the team's notes and
    /// feedback replaced by `[removed]`.
    Gdpr,
    /// The UI shows nothing personal; the database drops only what the country policy selects.
    Localized,
}
text_enum!(AnonymizationMode { Gdpr => "gdpr", Localized => "localized" });

/// Whether the candidate's own data (contact details, answers, attachments…) may be shown.
pub fn personal_data_visible(anonymized: Option<AnonymizationMode>) -> bool {
    anonymized.is_none()
}

/// Whether the team's notes and feedback may be shown. In `gdpr` mode they were scrubbed of the
/// person's values and stay useful; in `localized` mode they were not, so they stay hidden.
pub fn team_text_visible(anonymized: Option<AnonymizationMode>) -> bool {
    !matches!(anonymized, Some(AnonymizationMode::Localized))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymized_candidates_show_nothing_personal_and_only_scrubbed_team_text() {
        let cases = [
            (None, true, true),
            (Some(AnonymizationMode::Gdpr), false, true),
            (Some(AnonymizationMode::Localized), false, false),
        ];
        for (mode, personal, team) in cases {
            assert_eq!(personal_data_visible(mode), personal, "{mode:?}");
            assert_eq!(team_text_visible(mode), team, "{mode:?}");
        }
    }
}
