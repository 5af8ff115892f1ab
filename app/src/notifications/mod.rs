//! In-app notifications (SPEC §2, §7): the bell's count and the list. Rows hold ids only; names
//! are read at display time, so an anonymized candidate reads "Anonymized candidate".

use crate::domain::RequestKind;
use crate::error::AppError;
use crate::text;
use crate::ui::workspace::{Problem, WorkspaceFrame};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How many of the latest notifications the list shows.
pub const SHOWN: i64 = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: Uuid,
    pub kind: String,
    pub candidate: Option<Uuid>,
    /// The candidate's name now, or "Anonymized candidate".
    pub candidate_name: String,
    pub request_kind: Option<RequestKind>,
    pub due_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

#[server(endpoint = "notifications/list")]
pub async fn load_notifications() -> Result<Vec<Notification>, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            query::list(&state.pool, &viewer).await
        }
        .await,
    )
}

/// Marks one notification (or, without an id, all of them) as read for the signed-in member.
#[server(endpoint = "notifications/read")]
pub async fn mark_read(id: Option<String>) -> Result<(), AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let id = match id.as_deref().filter(|i| !i.is_empty()) {
            Some(text) => Some(text.parse::<Uuid>().map_err(|_| AppError::NotFound)?),
            None => None,
        };
        query::mark_read(&state.pool, &viewer, id).await
    }
    .await;
    let code = match &result {
        Ok(()) => "read".to_owned(),
        Err(error) => error.code(),
    };
    crate::core::server_side::answer_form("/notifications".into(), code, result, |_| ())
}

#[cfg(feature = "ssr")]
pub mod query {
    use super::{Notification, SHOWN};
    use crate::domain::Viewer;
    use crate::error::AppError;
    use crate::text;
    use sqlx::PgPool;
    use uuid::Uuid;

    pub async fn list(pool: &PgPool, viewer: &Viewer) -> Result<Vec<Notification>, AppError> {
        let rows = sqlx::query!(
            r#"SELECT n.id, n.kind, n.candidate_id, n.created_at, n.read_at IS NOT NULL AS "read!",
                      c.name AS "name?", c.anonymized_at IS NOT NULL AS "anonymized?",
                      r.kind AS "request_kind?", coalesce(r.extended_until, r.due_at) AS "due_at?"
                 FROM notifications n
                 LEFT JOIN candidates c ON c.id = n.candidate_id
                 LEFT JOIN data_requests r ON r.id = n.data_request_id
                WHERE n.user_id = $1
                ORDER BY n.created_at DESC
                LIMIT $2"#,
            viewer.id.into_uuid(),
            SHOWN,
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Notification {
                id: r.id,
                kind: r.kind,
                candidate: r.candidate_id,
                candidate_name: match (r.anonymized, r.name) {
                    (Some(false), Some(name)) => name,
                    _ => text::ANONYMIZED_CANDIDATE.to_owned(),
                },
                request_kind: r.request_kind.and_then(|k| k.parse().ok()),
                due_at: r.due_at,
                created_at: r.created_at,
                read: r.read,
            })
            .collect())
    }

    /// Only the member's own notifications change; someone else's id changes nothing.
    pub async fn mark_read(
        pool: &PgPool,
        viewer: &Viewer,
        id: Option<Uuid>,
    ) -> Result<(), AppError> {
        sqlx::query!(
            "UPDATE notifications SET read_at = now()
              WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2)",
            viewer.id.into_uuid(),
            id,
        )
        .execute(pool)
        .await?;
        Ok(())
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| load_notifications());
    view! {
        <Title text=text::NOTIFICATIONS_TITLE />
        <WorkspaceFrame refresh=Signal::derive(move || mark.version().get())>
            <h1>{text::NOTIFICATIONS_TITLE}</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || {
                    list.get()
                        .map(|result| match result {
                            Ok(rows) if rows.is_empty() => {
                                view! { <p class="notice" role="status">{text::NO_NOTIFICATIONS}</p> }.into_any()
                            }
                            Ok(rows) => view! { <NotificationList rows mark /> }.into_any(),
                            Err(AppError::SignInRequired) => ().into_any(),
                            Err(error) => view! { <Problem error /> }.into_any(),
                        })
                }}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn NotificationList(rows: Vec<Notification>, mark: ServerAction<MarkRead>) -> impl IntoView {
    let any_unread = rows.iter().any(|n| !n.read);
    view! {
        {any_unread.then(|| view! {
            <ActionForm action=mark attr:class="actions">
                <button type="submit" class="button secondary small">{text::MARK_ALL_READ}</button>
            </ActionForm>
        })}
        <ul class="plain notifications">
            {rows
                .into_iter()
                .map(|n| {
                    let sentence = text::notification(&n.kind, &n.candidate_name, n.request_kind, n.due_at);
                    let link = n.candidate.map(|c| format!("/candidates/{c}"));
                    view! {
                        <li class:unread=!n.read>
                            {if n.read { None } else { Some(view! { <span class="badge">{text::UNREAD}</span> " " }) }}
                            {match link {
                                Some(href) => view! { <a href=href>{sentence}</a> }.into_any(),
                                None => view! { <span>{sentence}</span> }.into_any(),
                            }}
                            <span class="muted">{format!(" · {}", text::date(n.created_at))}</span>
                            {(!n.read).then(|| view! {
                                <ActionForm action=mark attr:class="inline">
                                    <input type="hidden" name="id" value=n.id.to_string() />
                                    <button type="submit" class="button secondary small">{text::MARK_READ}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
