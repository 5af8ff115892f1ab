//! The team as Super Admins and Admins run it (SPEC §1, §7): inviting colleagues, changing their
//! role and permissions, disabling and enabling them, and the one-time links that set a password
//! (an invitation, or a reset). The rules are the domain's (`domain::team`); the team page, the
//! password pages and, later, the integration API call these.

use crate::domain::team::AccountState;
use crate::domain::{Permission, Role};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A colleague as the team page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub permissions: Vec<Permission>,
    pub state: AccountState,
    /// The day they last used Candor, while a session of theirs is kept.
    pub last_active: Option<chrono::NaiveDate>,
    /// Whether the viewer may change this account.
    pub manageable: bool,
}

/// Why a password link was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    Invitation,
    Reset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::Reset => "reset",
        }
    }
}

/// What the password page shows for a live link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordLink {
    pub purpose: LinkPurpose,
    pub name: String,
    pub email: String,
    pub organization: String,
}

#[cfg(feature = "ssr")]
pub use store::*;

#[cfg(feature = "ssr")]
mod store {
    use super::{LinkPurpose, Member, PasswordLink};
    use crate::core::accounts::{hash_password, verify_password};
    use crate::core::audit::{self, Actor};
    use crate::core::config::Config;
    use crate::core::mail::{self, OutgoingEmail};
    use crate::core::session::store::{self as session, NewSession};
    use crate::domain::preferences::{Field, Problem};
    use crate::domain::team::{
        manages, manages_team, may_change, Access, Account, AccountState, Change, Invitation,
        NewPassword, INVITATION_HOURS, RESET_HOURS,
    };
    use crate::domain::{EmailAddress, EmailKind, Permission, Role, SignInGate, UserId, Viewer};
    use crate::error::AppError;
    use chrono::{DateTime, Duration, Utc};
    use serde_json::json;
    use sqlx::{PgConnection, PgPool};
    use uuid::Uuid;

    fn may_open(viewer: &Viewer) -> Result<(), AppError> {
        if manages_team(viewer.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    fn role_of(text: &str) -> Result<Role, AppError> {
        text.parse().map_err(|_| {
            tracing::error!("a user row holds an unknown role");
            AppError::Unavailable
        })
    }

    /// Everyone on the team, active first, then by name.
    pub async fn members(pool: &PgPool, viewer: &Viewer) -> Result<Vec<Member>, AppError> {
        may_open(viewer)?;
        listed(pool, viewer, None).await
    }

    pub async fn member(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<Member, AppError> {
        may_open(viewer)?;
        listed(pool, viewer, Some(id))
            .await?
            .pop()
            .ok_or(AppError::NotFound)
    }

    async fn listed(
        pool: &PgPool,
        viewer: &Viewer,
        id: Option<Uuid>,
    ) -> Result<Vec<Member>, AppError> {
        let rows = sqlx::query!(
            r#"SELECT u.id, u.name, u.email, u.role, u.permissions, u.disabled,
                      u.password_hash IS NOT NULL AS "has_password!",
                      (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS last_seen
                 FROM users u
                WHERE $1::uuid IS NULL OR u.id = $1
                ORDER BY u.disabled, lower(u.name), u.id"#,
            id
        )
        .fetch_all(pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                let role = role_of(&row.role)?;
                Ok(Member {
                    id: row.id,
                    name: row.name,
                    email: row.email,
                    role,
                    permissions: row
                        .permissions
                        .iter()
                        .filter_map(|p| p.parse::<Permission>().ok())
                        .collect(),
                    state: AccountState::of(row.disabled, row.has_password),
                    last_active: row.last_seen.map(|at| at.date_naive()),
                    manageable: manages(viewer.role, role),
                })
            })
            .collect()
    }

    /// Creates the colleague's account without a password and emails them a one-time link
    /// (valid 72 hours) to choose one, in one transaction with the audit row.
    pub async fn invite(
        pool: &PgPool,
        config: &Config,
        viewer: &Viewer,
        invitation: &Invitation,
        now: DateTime<Utc>,
    ) -> Result<UserId, AppError> {
        may_open(viewer)?;
        if !manages(viewer.role, invitation.access.role) {
            return Err(AppError::Forbidden);
        }
        let permissions: Vec<String> = invitation
            .access
            .permissions
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        let mut tx = pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO users (email, name, role, permissions, invited_by)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            invitation.email.as_str(),
            invitation.name,
            invitation.access.role.as_str(),
            &permissions,
            viewer.id.into_uuid(),
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("users_email_unique") => {
                AppError::EmailInUse
            }
            _ => AppError::from(e),
        })?;
        let user = UserId(id);
        send_link(
            &mut tx,
            config,
            user,
            LinkPurpose::Invitation,
            Some(viewer),
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            Actor::of(viewer),
            "user.invited",
            None,
            None,
            json!({ "user": id, "role": invitation.access.role.as_str(), "permissions": permissions }),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Makes `change` to the account `target`, if the rules allow it. The Super Admin rows are
    /// locked first, so two administrators demoting the last two Super Admins at once can't
    /// both succeed.
    pub async fn change(
        pool: &PgPool,
        config: &Config,
        viewer: &Viewer,
        target: Uuid,
        change: Change,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        may_open(viewer)?;
        let mut tx = pool.begin().await?;
        let super_admins = sqlx::query!(
            "SELECT id, disabled FROM users WHERE role = 'super_admin' ORDER BY id FOR UPDATE"
        )
        .fetch_all(&mut *tx)
        .await?;
        let row = sqlx::query!(
            "SELECT role, disabled FROM users WHERE id = $1 FOR UPDATE",
            target
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let account = Account {
            id: UserId(target),
            role: role_of(&row.role)?,
            disabled: row.disabled,
        };
        let others = super_admins
            .iter()
            .filter(|a| a.id != target && !a.disabled)
            .count() as i64;
        may_change(viewer, &account, &change, others)?;
        let details = match &change {
            Change::Access(Access { role, permissions }) => {
                let permissions: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
                sqlx::query!(
                    "UPDATE users SET role = $2, permissions = $3 WHERE id = $1",
                    target,
                    role.as_str(),
                    &permissions
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                )
                .execute(&mut *tx)
                .await?;
                (
                    "user.access_changed",
                    json!({ "user": target, "role": role.as_str(), "permissions": permissions }),
                )
            }
            Change::Disable => {
                sqlx::query!("UPDATE users SET disabled = true WHERE id = $1", target)
                    .execute(&mut *tx)
                    .await?;
                // Every session ends now, and no link sent earlier can bring the account back.
                sqlx::query!("DELETE FROM sessions WHERE user_id = $1", target)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query!(
                    "DELETE FROM password_links WHERE user_id = $1 AND used_at IS NULL",
                    target
                )
                .execute(&mut *tx)
                .await?;
                ("user.disabled", json!({ "user": target }))
            }
            Change::Enable => {
                sqlx::query!("UPDATE users SET disabled = false WHERE id = $1", target)
                    .execute(&mut *tx)
                    .await?;
                ("user.enabled", json!({ "user": target }))
            }
            Change::PasswordLink => {
                if account.disabled {
                    return Err(AppError::Forbidden);
                }
                let has_password = sqlx::query_scalar!(
                    r#"SELECT password_hash IS NOT NULL AS "set!" FROM users WHERE id = $1"#,
                    target
                )
                .fetch_one(&mut *tx)
                .await?;
                let purpose = if has_password {
                    LinkPurpose::Reset
                } else {
                    LinkPurpose::Invitation
                };
                send_link(&mut tx, config, account.id, purpose, Some(viewer), now).await?;
                (
                    "user.password_link_sent",
                    json!({ "user": target, "purpose": purpose.as_str() }),
                )
            }
        };
        audit::record(&mut tx, Actor::of(viewer), details.0, None, None, details.1).await?;
        tx.commit().await?;
        Ok(())
    }

    /// "Forgot your password?": emails a reset link to an active account with this address, at
    /// most once in ten minutes. Unknown, invited and disabled addresses get nothing, and the
    /// caller answers the same whatever happened here.
    pub async fn request_reset(
        pool: &PgPool,
        config: &Config,
        email: &EmailAddress,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut tx = pool.begin().await?;
        let Some(user) = sqlx::query_scalar!(
            "SELECT id FROM users
              WHERE lower(email) = $1 AND NOT disabled AND password_hash IS NOT NULL
              FOR UPDATE",
            email.normalized()
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(());
        };
        let recent = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM password_links
                               WHERE user_id = $1 AND purpose = 'reset' AND created_at > $2) AS "recent!""#,
            user,
            now - Duration::minutes(10)
        )
        .fetch_one(&mut *tx)
        .await?;
        if recent {
            return Ok(());
        }
        send_link(&mut tx, config, UserId(user), LinkPurpose::Reset, None, now).await?;
        audit::record(
            &mut tx,
            Actor::System,
            "user.password_reset_requested",
            None,
            None,
            json!({ "user": user }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Queues the email with a fresh one-time link; any earlier unused link of the account stops
    /// working, so only the newest email counts.
    async fn send_link(
        tx: &mut PgConnection,
        config: &Config,
        user: UserId,
        purpose: LinkPurpose,
        sender: Option<&Viewer>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        sqlx::query!(
            "DELETE FROM password_links WHERE user_id = $1 AND used_at IS NULL",
            user.into_uuid()
        )
        .execute(&mut *tx)
        .await?;
        let hours = match purpose {
            LinkPurpose::Invitation => INVITATION_HOURS,
            LinkPurpose::Reset => RESET_HOURS,
        };
        let (token, hash) = session::new_token();
        sqlx::query!(
            "INSERT INTO password_links (id_hash, user_id, purpose, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
            hash,
            user.into_uuid(),
            purpose.as_str(),
            now,
            now + Duration::hours(hours)
        )
        .execute(&mut *tx)
        .await?;
        let to = sqlx::query!(
            "SELECT u.email, u.name, s.organization_name FROM users u CROSS JOIN settings s WHERE u.id = $1",
            user.into_uuid()
        )
        .fetch_one(&mut *tx)
        .await?;
        let url = config
            .public_url
            .join(&format!("set-password/{token}"))
            .map_err(|_| AppError::Unavailable)?;
        let (template, kind) = match purpose {
            LinkPurpose::Invitation => ("team_invitation", EmailKind::TeamInvitation),
            LinkPurpose::Reset => ("password_reset", EmailKind::PasswordReset),
        };
        let content = mail::render(
            template,
            json!({
                "name": to.name,
                "organization": to.organization_name,
                "inviter": sender.map_or(to.organization_name.as_str(), |s| s.name.as_str()),
                "url": url.as_str(),
                "hours": hours,
            }),
        )
        .map_err(AppError::template)?;
        mail::queue(
            tx,
            config,
            OutgoingEmail {
                kind,
                recipient: to.email,
                content,
                candidate_id: None,
                data_request_id: None,
                dedupe_key: None,
                unsubscribe_url: None,
                send_after: None,
            },
        )
        .await?;
        Ok(())
    }

    /// The account a live, unused link names.
    pub async fn password_link(
        pool: &PgPool,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<PasswordLink, AppError> {
        let hash = session::id_hash(token).ok_or(AppError::LinkInvalid)?;
        let row = sqlx::query!(
            r#"SELECT l.purpose, u.name, u.email, s.organization_name
                 FROM password_links l JOIN users u ON u.id = l.user_id CROSS JOIN settings s
                WHERE l.id_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND NOT u.disabled"#,
            hash,
            now
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::LinkInvalid)?;
        Ok(PasswordLink {
            purpose: if row.purpose == "invitation" {
                LinkPurpose::Invitation
            } else {
                LinkPurpose::Reset
            },
            name: row.name,
            email: row.email,
            organization: row.organization_name,
        })
    }

    /// Sets the password a link was sent for, once: the link is spent, every other session of
    /// the account ends, and a new one starts for whoever followed the link.
    pub async fn set_password(
        pool: &PgPool,
        config: &Config,
        token: &str,
        password: &NewPassword,
        now: DateTime<Utc>,
    ) -> Result<(UserId, NewSession), AppError> {
        let hash = session::id_hash(token).ok_or(AppError::LinkInvalid)?;
        let new_hash = hashed(password).await?;
        let mut tx = pool.begin().await?;
        let link = sqlx::query!(
            r#"SELECT l.user_id, l.purpose FROM password_links l JOIN users u ON u.id = l.user_id
                WHERE l.id_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND NOT u.disabled
                  FOR UPDATE OF l, u"#,
            hash,
            now
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::LinkInvalid)?;
        sqlx::query!(
            "UPDATE password_links SET used_at = $2 WHERE id_hash = $1",
            hash,
            now
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE users SET password_hash = $2 WHERE id = $1",
            link.user_id,
            new_hash
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!("DELETE FROM sessions WHERE user_id = $1", link.user_id)
            .execute(&mut *tx)
            .await?;
        let user = UserId(link.user_id);
        let new_session = session::create(&mut *tx, user, &config.session, now).await?;
        audit::record(
            &mut tx,
            Actor::User(user),
            "user.password_set",
            None,
            None,
            json!({ "purpose": link.purpose }),
        )
        .await?;
        tx.commit().await?;
        Ok((user, new_session))
    }

    /// Changes the viewer's own password, given the current one. Their other sessions end; the
    /// one asking (`keep`) stays signed in. Wrong guesses are limited as sign-in tries are, so a
    /// browser left signed in can't be used to find the password out.
    pub async fn change_own_password(
        pool: &PgPool,
        config: &Config,
        viewer: &Viewer,
        keep: &str,
        current: &str,
        password: &NewPassword,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if current.is_empty() {
            return Err(Field::CurrentPassword.error(Problem::Required).into());
        }
        if current.chars().count() > Field::CurrentPassword.max_chars() {
            return Err(Field::CurrentPassword.error(Problem::Invalid).into());
        }
        let policy = config.sign_in_throttle;
        let subject = config
            .hmac_key
            .digest("password change", &viewer.id.to_string())
            .to_vec();
        // Count this try before checking it, under a lock per account, as sign-in does.
        let mut tx = pool.begin().await?;
        let lock = i64::from_be_bytes(subject[..8].try_into().expect("32-byte digest"));
        sqlx::query!("SELECT pg_advisory_xact_lock($1)", lock)
            .execute(&mut *tx)
            .await?;
        let failures = sqlx::query_scalar!(
            "SELECT at FROM sign_in_failures WHERE subject = $1 AND at > $2",
            subject,
            now - policy.window
        )
        .fetch_all(&mut *tx)
        .await?;
        if let SignInGate::ClosedUntil(_) = policy.gate(&failures, &[], now) {
            return Err(AppError::SignInPaused);
        }
        let this_try = sqlx::query_scalar!(
            "INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2) RETURNING id",
            subject,
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;

        let stored = sqlx::query_scalar!(
            "SELECT password_hash FROM users WHERE id = $1",
            viewer.id.into_uuid()
        )
        .fetch_one(pool)
        .await?
        .ok_or(AppError::Forbidden)?;
        let current = current.to_owned();
        let matches = tokio::task::spawn_blocking(move || verify_password(&current, &stored))
            .await
            .map_err(|_| AppError::Unavailable)?;
        if !matches {
            return Err(Field::CurrentPassword.error(Problem::Invalid).into());
        }
        let new_hash = hashed(password).await?;
        let kept = session::id_hash(keep).ok_or(AppError::SignInRequired)?;
        let mut tx = pool.begin().await?;
        sqlx::query!("DELETE FROM sign_in_failures WHERE id = $1", this_try)
            .execute(&mut *tx)
            .await?;
        sqlx::query!(
            "UPDATE users SET password_hash = $2 WHERE id = $1",
            viewer.id.into_uuid(),
            new_hash
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2",
            viewer.id.into_uuid(),
            kept
        )
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Actor::of(viewer),
            "user.password_changed",
            None,
            None,
            json!({}),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn hashed(password: &NewPassword) -> Result<String, AppError> {
        let password = password.expose().to_owned();
        tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|_| AppError::Unavailable)?
            .map_err(|_| AppError::Unavailable)
    }
}
