//! Legal holds (SPEC §2, §6): an Admin places a hold with a reason while a claim or an
//! investigation needs a candidate's records; a held candidate can't be anonymized, by hand or by
//! the retention sweep, until an Admin lifts it.

#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::actions::reset_after_success;
#[cfg(feature = "ssr")]
use crate::ui::profile_action::candidate_action;
use crate::ui::profile_action::ProfileNotice;
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::legal_hold::HoldView;

#[server(endpoint = "candidates/hold")]
pub async fn place_hold(candidate: String, reason: String) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        service::change(
            &state.pool,
            &viewer,
            id,
            service::HoldChange::Place(&reason),
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::HoldPlaced)
    })
    .await
}

#[server(endpoint = "candidates/lift-hold")]
pub async fn lift_hold(candidate: String) -> Result<ProfileNotice, AppError> {
    candidate_action(&candidate, |state, viewer, id| async move {
        service::change(
            &state.pool,
            &viewer,
            id,
            service::HoldChange::Lift,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::HoldLifted)
    })
    .await
}

/// The sidebar's legal-hold card: the hold in force for everyone to see, and for Admins the forms
/// that place and lift it.
#[component]
pub fn LegalHoldCard(
    hold: Option<HoldView>,
    may_manage: bool,
    candidate: Uuid,
    place: ServerAction<PlaceHold>,
    lift: ServerAction<LiftHold>,
) -> impl IntoView {
    if hold.is_none() && !may_manage {
        return ().into_any();
    }
    let (pen, form) = (NodeRef::new(), NodeRef::new());
    reset_after_success(place, pen, form);
    view! {
        <section class="card hold-card" aria-labelledby="hold-heading">
            <h2 id="hold-heading">{text::LEGAL_HOLD_HEADING}</h2>
            {match hold {
                Some(hold) => view! {
                    <p class="hold"><strong>{text::ON_HOLD}</strong> " " {text::hold_placed(&hold)}</p>
                    <blockquote>{hold.reason}</blockquote>
                    {may_manage.then(|| view! {
                        <ActionForm action=lift>
                            <input type="hidden" name="candidate" value=candidate.to_string() />
                            <button type="submit" class="button small">{text::LIFT_HOLD}</button>
                        </ActionForm>
                    })}
                }.into_any(),
                None => view! {
                    <p class="muted">{text::NO_HOLD}</p>
                    <details class="pen" node_ref=pen>
                        <summary>{text::PLACE_HOLD}</summary>
                        <ActionForm action=place node_ref=form>
                            <input type="hidden" name="candidate" value=candidate.to_string() />
                            <div class="field">
                                <label for="hold-reason">{text::HOLD_REASON}</label>
                                <textarea id="hold-reason" name="reason" rows="3" required aria-describedby="hold-help"
                                    maxlength=Field::Reason.max_chars().to_string()></textarea>
                                <p id="hold-help" class="muted">{text::HOLD_EXPLAINED}</p>
                            </div>
                            <button type="submit" class="button small">{text::PLACE_HOLD_BUTTON}</button>
                        </ActionForm>
                    </details>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}
