//! Anonymizing a candidate from their profile (SPEC §6, §7): the erasure request's action banner
//! with its confirm dialog, and the server function behind it. The engine is
//! `core::anonymization`, which the retention sweep runs too.

use crate::domain::anonymization::AnonymizationPreview;
use crate::domain::legal_hold::HoldView;
#[cfg(feature = "ssr")]
use crate::domain::preferences::{Field, FieldError, Problem};
use crate::error::AppError;
use crate::text;
#[cfg(feature = "ssr")]
use crate::ui::profile_action::candidate_action;
use crate::ui::profile_action::ProfileNotice;
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The erasure action banner's content, for a profile with an open erasure request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnonymizeOffer {
    /// The viewer lacks `anonymize_candidates`: the banner says who can, with no button.
    NeedsPermission,
    Offer(AnonymizationPreview),
}

#[server(endpoint = "candidates/anonymize")]
pub async fn anonymize_candidate(
    candidate: String,
    acknowledge: Option<String>,
) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        if acknowledge.as_deref() != Some("yes") {
            return Err(AppError::Invalid(FieldError {
                field: Field::Acknowledge,
                problem: Problem::Required,
            }));
        }
        crate::core::anonymization::anonymize(&state.pool, &state.config, &viewer, id, Utc::now())
            .await?;
        Ok(ProfileNotice::Anonymized)
    })
    .await
}

/// The action banner under an erasure request: what anonymizing removes and keeps for this
/// candidate, and the confirmed button — or why it can't be pressed.
#[component]
pub fn AnonymizeBanner(
    offer: AnonymizeOffer,
    hold: Option<HoldView>,
    candidate: Uuid,
    action: ServerAction<AnonymizeCandidate>,
) -> impl IntoView {
    let preview = match offer {
        AnonymizeOffer::NeedsPermission => {
            return view! {
                <div class="banner action" role="note" id="anonymize-banner">
                    <p><strong>{text::ANONYMIZE_HEADING}</strong> " " {text::ANONYMIZE_NEEDS_PERMISSION}</p>
                </div>
            }
            .into_any()
        }
        AnonymizeOffer::Offer(preview) => preview,
    };
    let removed: Vec<String> = preview
        .removed
        .iter()
        .map(|r| text::removed_line(*r, &preview))
        .collect();
    let kept: Vec<String> = preview.kept.iter().map(|k| text::kept_line(*k)).collect();
    view! {
        <div class="banner action" role="note" id="anonymize-banner">
            <p><strong>{text::ANONYMIZE_HEADING}</strong> " " {text::anonymize_explained(preview.mode)}</p>
            <details class="pen">
                <summary>{text::ANONYMIZE_OPEN}</summary>
                <div class="anonymize-summary">
                    <div>
                        <h3>{text::WILL_BE_REMOVED}</h3>
                        {if removed.is_empty() {
                            view! { <p>{text::NOTHING_REMOVED_FROM_DATABASE}</p> }.into_any()
                        } else {
                            view! { <ul>{removed.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </div>
                    <div>
                        <h3>{text::WILL_BE_KEPT}</h3>
                        <ul>{kept.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                </div>
                {match hold {
                    Some(hold) => view! {
                        <p class="notice failure" role="alert">{text::blocked_by_hold(&hold)}</p>
                    }.into_any(),
                    None => view! {
                        <ActionForm action>
                            <input type="hidden" name="candidate" value=candidate.to_string() />
                            <div class="confirm">
                                <input type="checkbox" id="anonymize-acknowledge" name="acknowledge" value="yes" required />
                                <label for="anonymize-acknowledge">{text::field_label(crate::domain::preferences::Field::Acknowledge)}</label>
                            </div>
                            <button type="submit" class="button small danger">{text::ANONYMIZE_BUTTON}</button>
                        </ActionForm>
                    }.into_any(),
                }}
            </details>
        </div>
    }
    .into_any()
}
