//! Postings as other features see them: the published ones a candidate can be sourced for or
//! apply to.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {crate::error::AppError, sqlx::PgPool};

/// A posting a candidate can be sourced for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingChoice {
    pub id: Uuid,
    pub title: String,
    pub country: Option<String>,
}

#[cfg(feature = "ssr")]
pub async fn open_postings(pool: &PgPool) -> Result<Vec<PostingChoice>, AppError> {
    Ok(sqlx::query_as!(
        PostingChoice,
        r#"SELECT id, title, location_country AS country FROM postings
            WHERE state = 'published' ORDER BY title"#
    )
    .fetch_all(pool)
    .await?)
}
