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

/// A posting as the workspace lists and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingDetails {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub country: Option<String>,
    pub owner: Option<Uuid>,
    pub owner_name: Option<String>,
    pub questions: Vec<String>,
    pub published: bool,
    pub applications: i64,
}

/// A team member a posting can be given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberChoice {
    pub id: Uuid,
    pub name: String,
}

/// A posting as the integration API lists it, with when it last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingChange {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub title: String,
    pub description: String,
    pub country: Option<String>,
    pub owner_email: Option<String>,
    pub questions: Vec<String>,
    pub published: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "ssr")]
mod store {
    use super::{MemberChoice, PostingDetails};
    use crate::core::audit::{self, Actor};
    use crate::domain::postings::{manages_postings, PostingDraft};
    use crate::domain::preferences::{Field, Problem};
    use crate::domain::Viewer;
    use crate::error::AppError;
    use serde_json::json;
    use sqlx::PgPool;
    use uuid::Uuid;

    fn may_manage(viewer: &Viewer) -> Result<(), AppError> {
        if manages_postings(viewer.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Every posting, published first, then by title.
    pub async fn all(pool: &PgPool, viewer: &Viewer) -> Result<Vec<PostingDetails>, AppError> {
        may_manage(viewer)?;
        details(pool, None).await
    }

    pub async fn one(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<PostingDetails, AppError> {
        may_manage(viewer)?;
        details(pool, Some(id))
            .await?
            .pop()
            .ok_or(AppError::NotFound)
    }

    /// The postings as the workspace shows them: posting `id`, or all.
    async fn details(pool: &PgPool, id: Option<Uuid>) -> Result<Vec<PostingDetails>, AppError> {
        Ok(sqlx::query_as!(
            PostingDetails,
            r#"SELECT p.id, p.title, p.description, p.location_country AS country,
                      p.owner_id AS owner, u.name AS "owner_name?", p.questions,
                      p.state = 'published' AS "published!",
                      (SELECT count(*) FROM opportunities o WHERE o.posting_id = p.id) AS "applications!"
                 FROM postings p LEFT JOIN users u ON u.id = p.owner_id
                WHERE $1::uuid IS NULL OR p.id = $1
                ORDER BY p.state = 'published' DESC, lower(p.title), p.id"#,
            id
        )
        .fetch_all(pool)
        .await?)
    }

    /// Up to `limit` postings changed since `since`, after the keyset position `after`, oldest
    /// change first: pages stay stable while postings are added or edited (an edited posting
    /// moves to the end, where the reader meets it again).
    pub async fn changed(
        pool: &PgPool,
        since: Option<chrono::DateTime<chrono::Utc>>,
        after: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
        limit: i64,
    ) -> Result<Vec<super::PostingChange>, AppError> {
        let (after_at, after_id) = after.unzip();
        Ok(sqlx::query_as!(
            super::PostingChange,
            r#"SELECT p.id, p.external_id, p.title, p.description, p.location_country AS country,
                      u.email AS "owner_email?", p.questions, p.state = 'published' AS "published!",
                      p.created_at, p.updated_at
                 FROM postings p LEFT JOIN users u ON u.id = p.owner_id
                WHERE ($1::timestamptz IS NULL OR p.updated_at >= $1)
                  AND ($2::timestamptz IS NULL OR (p.updated_at, p.id) > ($2, $3::uuid))
                ORDER BY p.updated_at, p.id
                LIMIT $4"#,
            since,
            after_at,
            after_id,
            limit
        )
        .fetch_all(pool)
        .await?)
    }

    /// One posting, as [`changed`] lists it.
    pub async fn changed_one(
        pool: &PgPool,
        id: Uuid,
    ) -> Result<Option<super::PostingChange>, AppError> {
        Ok(sqlx::query_as!(
            super::PostingChange,
            r#"SELECT p.id, p.external_id, p.title, p.description, p.location_country AS country,
                      u.email AS "owner_email?", p.questions, p.state = 'published' AS "published!",
                      p.created_at, p.updated_at
                 FROM postings p LEFT JOIN users u ON u.id = p.owner_id
                WHERE p.id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await?)
    }

    /// The active team members a posting may be given to.
    pub async fn active_members(
        db: impl sqlx::PgExecutor<'_>,
    ) -> Result<Vec<MemberChoice>, AppError> {
        Ok(sqlx::query_as!(
            MemberChoice,
            "SELECT id, name FROM users WHERE NOT disabled ORDER BY lower(name), id"
        )
        .fetch_all(db)
        .await?)
    }

    /// Creates the posting (`id` none) or replaces what the form holds of an existing one.
    pub async fn save(
        pool: &PgPool,
        viewer: &Viewer,
        id: Option<Uuid>,
        draft: &PostingDraft,
    ) -> Result<Uuid, AppError> {
        let mut tx = pool.begin().await?;
        let saved = save_in(&mut tx, viewer, id, draft).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// [`save`] inside the caller's transaction (the demo seed writes its postings so).
    pub async fn save_in(
        tx: &mut sqlx::PgConnection,
        viewer: &Viewer,
        id: Option<Uuid>,
        draft: &PostingDraft,
    ) -> Result<Uuid, AppError> {
        may_manage(viewer)?;
        if let Some(owner) = draft.owner {
            let active = sqlx::query_scalar!(
                r#"SELECT NOT disabled AS "active!" FROM users WHERE id = $1"#,
                owner.into_uuid()
            )
            .fetch_optional(&mut *tx)
            .await?;
            if active != Some(true) {
                return Err(Field::Owner.error(Problem::Invalid).into());
            }
        }
        let country = draft.country.map(|c| c.as_str().to_owned());
        let owner = draft.owner.map(|o| o.into_uuid());
        let (saved, action) = match id {
            None => (
                sqlx::query_scalar!(
                    "INSERT INTO postings (title, description, location_country, owner_id, questions)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    draft.title,
                    draft.description,
                    country,
                    owner,
                    &draft.questions
                )
                .fetch_one(&mut *tx)
                .await?,
                "posting.created",
            ),
            Some(id) => (
                sqlx::query_scalar!(
                    "UPDATE postings SET title = $2, description = $3, location_country = $4,
                            owner_id = $5, questions = $6
                      WHERE id = $1 RETURNING id",
                    id,
                    draft.title,
                    draft.description,
                    country,
                    owner,
                    &draft.questions
                )
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?,
                "posting.updated",
            ),
        };
        audit::record(
            &mut *tx,
            Actor::of(viewer),
            action,
            None,
            None,
            json!({ "posting": saved, "questions": draft.questions.len() }),
        )
        .await?;
        Ok(saved)
    }

    /// Publishes (reopens) or closes a posting. Doing what is already so changes nothing.
    pub async fn set_published(
        pool: &PgPool,
        viewer: &Viewer,
        id: Uuid,
        published: bool,
    ) -> Result<(), AppError> {
        let mut tx = pool.begin().await?;
        set_published_in(&mut tx, viewer, id, published).await?;
        tx.commit().await?;
        Ok(())
    }

    /// [`set_published`] inside the caller's transaction.
    pub async fn set_published_in(
        tx: &mut sqlx::PgConnection,
        viewer: &Viewer,
        id: Uuid,
        published: bool,
    ) -> Result<(), AppError> {
        may_manage(viewer)?;
        let state = if published { "published" } else { "closed" };
        let current =
            sqlx::query_scalar!("SELECT state FROM postings WHERE id = $1 FOR UPDATE", id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
        if current == state {
            return Ok(());
        }
        sqlx::query!("UPDATE postings SET state = $2 WHERE id = $1", id, state)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut *tx,
            Actor::of(viewer),
            if published {
                "posting.reopened"
            } else {
                "posting.closed"
            },
            None,
            None,
            json!({ "posting": id }),
        )
        .await?;
        Ok(())
    }
}
#[cfg(feature = "ssr")]
pub use store::{
    active_members, all, changed, changed_one, one, save, save_in, set_published, set_published_in,
};
