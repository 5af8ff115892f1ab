//! The action envelope of the candidate profile's forms (pen icons, banners, cards): the notice
//! each one answers with, and the server-function frame they share.

use crate::error::AppError;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use uuid::Uuid;

/// The outcome of a pen-icon form, shown above the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileNotice {
    CountryChanged,
    ConsentRecorded,
    EmailQueued,
    EmailScheduled,
    Enrolled,
    Extended,
    Refused,
    Anonymized,
    HoldPlaced,
    HoldLifted,
    DataSent,
    Resolved,
    CorrectionApplied,
    /// A sourced candidate was added (and maybe sent the data-collection notice).
    Added,
    AddedWithNotice,
    Failed(AppError),
}

impl ProfileNotice {
    pub fn code(&self) -> String {
        match self {
            ProfileNotice::CountryChanged => "country-changed".into(),
            ProfileNotice::ConsentRecorded => "consent-recorded".into(),
            ProfileNotice::EmailQueued => "email-queued".into(),
            ProfileNotice::EmailScheduled => "email-scheduled".into(),
            ProfileNotice::Enrolled => "enrolled".into(),
            ProfileNotice::Extended => "extended".into(),
            ProfileNotice::Refused => "refused".into(),
            ProfileNotice::Anonymized => "anonymized-now".into(),
            ProfileNotice::HoldPlaced => "hold-placed".into(),
            ProfileNotice::HoldLifted => "hold-lifted".into(),
            ProfileNotice::DataSent => "data-sent".into(),
            ProfileNotice::Resolved => "resolved".into(),
            ProfileNotice::CorrectionApplied => "correction-applied".into(),
            ProfileNotice::Added => "added".into(),
            ProfileNotice::AddedWithNotice => "added-notice".into(),
            ProfileNotice::Failed(error) => error.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "country-changed" => Some(ProfileNotice::CountryChanged),
            "consent-recorded" => Some(ProfileNotice::ConsentRecorded),
            "email-queued" => Some(ProfileNotice::EmailQueued),
            "email-scheduled" => Some(ProfileNotice::EmailScheduled),
            "enrolled" => Some(ProfileNotice::Enrolled),
            "extended" => Some(ProfileNotice::Extended),
            "refused" => Some(ProfileNotice::Refused),
            "anonymized-now" => Some(ProfileNotice::Anonymized),
            "hold-placed" => Some(ProfileNotice::HoldPlaced),
            "hold-lifted" => Some(ProfileNotice::HoldLifted),
            "data-sent" => Some(ProfileNotice::DataSent),
            "resolved" => Some(ProfileNotice::Resolved),
            "correction-applied" => Some(ProfileNotice::CorrectionApplied),
            "added" => Some(ProfileNotice::Added),
            "added-notice" => Some(ProfileNotice::AddedWithNotice),
            other => AppError::from_code(other).map(ProfileNotice::Failed),
        }
    }
}

/// Answers a profile form: a redirect back to the profile without JavaScript, the outcome with.
#[cfg(feature = "ssr")]
fn answer_profile_form(
    candidate: &str,
    result: Result<ProfileNotice, AppError>,
) -> Result<ProfileNotice, AppError> {
    let notice = result.unwrap_or_else(ProfileNotice::Failed);
    let page = match candidate.parse::<Uuid>() {
        Ok(id) => format!("/candidates/{id}"),
        Err(_) => "/candidates".to_owned(),
    };
    crate::server_side::answer_form(page, notice.code(), result, ProfileNotice::Failed)
}

/// The frame every profile action's server function shares: who is asking, then the action,
/// answered as [`answer_profile_form`] does. `candidate` is the profile to return to.
#[cfg(feature = "ssr")]
pub async fn profile_action<F, Fut>(candidate: &str, action: F) -> Result<ProfileNotice, AppError>
where
    F: FnOnce(crate::state::AppState, crate::domain::Viewer) -> Fut,
    Fut: std::future::Future<Output = Result<ProfileNotice, AppError>>,
{
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        action(state, viewer).await
    }
    .await;
    answer_profile_form(candidate, result)
}

/// [`profile_action`] on the candidate itself: an id that isn't one is `NotFound`.
#[cfg(feature = "ssr")]
pub async fn candidate_action<F, Fut>(candidate: &str, action: F) -> Result<ProfileNotice, AppError>
where
    F: FnOnce(crate::state::AppState, crate::domain::Viewer, Uuid) -> Fut,
    Fut: std::future::Future<Output = Result<ProfileNotice, AppError>>,
{
    let id = candidate.parse::<Uuid>();
    profile_action(candidate, |state, viewer| async move {
        let id = id.map_err(|_| AppError::NotFound)?;
        action(state, viewer, id).await
    })
    .await
}
