//! Acting on a candidate's data requests from their profile (SPEC §7). So far: extending a
//! request once, and refusing one; both need a reason, which the candidate is sent.

#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
use crate::domain::preferences::{Field, FieldError, Problem};
use crate::error::AppError;
use crate::profile::ProfileNotice;
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

#[server(endpoint = "requests/extend")]
pub async fn extend_request(
    candidate: String,
    request: String,
    months: String,
    reason: String,
) -> Result<ProfileNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::auth::signed_in().await?;
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        let months = months.parse().map_err(|_| {
            AppError::Invalid(FieldError {
                field: Field::Months,
                problem: Problem::Invalid,
            })
        })?;
        service::extend(
            &state.pool,
            &state.config,
            &viewer,
            request,
            months,
            &reason,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::Extended)
    }
    .await;
    crate::profile::answer_profile_form(&candidate, result)
}

#[server(endpoint = "requests/refuse")]
pub async fn refuse_request(
    candidate: String,
    request: String,
    reason: String,
) -> Result<ProfileNotice, AppError> {
    let result = async {
        let (state, viewer) = crate::auth::signed_in().await?;
        let request = request.parse().map_err(|_| AppError::NotFound)?;
        service::refuse(
            &state.pool,
            &state.config,
            &viewer,
            request,
            &reason,
            Utc::now(),
        )
        .await?;
        Ok(ProfileNotice::Refused)
    }
    .await;
    crate::profile::answer_profile_form(&candidate, result)
}
