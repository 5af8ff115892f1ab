//! The action envelope of the candidate profile's forms (pen icons, banners, cards): the notice
//! each one answers with, and the server-function frame they share.

pub use crate::domain::profile::ProfileNotice;
#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use uuid::Uuid;

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
    crate::core::server_side::answer_form(page, notice.code(), result, ProfileNotice::Failed)
}

/// The frame every profile action's server function shares: who is asking, then the action,
/// answered as [`answer_profile_form`] does. `candidate` is the profile to return to.
#[cfg(feature = "ssr")]
pub async fn profile_action<F, Fut>(candidate: &str, action: F) -> Result<ProfileNotice, AppError>
where
    F: FnOnce(crate::core::state::AppState, crate::domain::Viewer) -> Fut,
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
    F: FnOnce(crate::core::state::AppState, crate::domain::Viewer, Uuid) -> Fut,
    Fut: std::future::Future<Output = Result<ProfileNotice, AppError>>,
{
    let id = candidate.parse::<Uuid>();
    profile_action(candidate, |state, viewer| async move {
        let id = id.map_err(|_| AppError::NotFound)?;
        action(state, viewer, id).await
    })
    .await
}
