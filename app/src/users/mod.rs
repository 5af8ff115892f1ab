//! The Users pages (SPEC §10): everyone on the team with their role, permissions and status;
//! inviting a colleague by email; and one colleague's page, where their role and permissions are
//! changed, the account disabled or enabled, and a password link emailed. Super Admins manage
//! everyone, Admins Team Members and Limited Team Members (`domain::team`). Every form works
//! without JavaScript.

use crate::core::team::Member;
use crate::domain::preferences::Field;
use crate::domain::team::{AccessForm, AccountState, InvitationForm};
use crate::domain::{Permission, Role};
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::workspace::{OutcomeNotice, Problem, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// The Users page: the team, and the roles the viewer may give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub members: Vec<Member>,
    pub assignable: Vec<Role>,
    pub viewer: uuid::Uuid,
}

/// One colleague's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPage {
    pub member: Member,
    pub assignable: Vec<Role>,
    pub is_viewer: bool,
}

#[server(endpoint = "users/list")]
pub async fn load_team() -> Result<Team, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let members = crate::core::team::members(&state.pool, &viewer).await?;
            Ok(Team {
                members,
                assignable: crate::domain::team::assignable_roles(viewer.role),
                viewer: viewer.id.into_uuid(),
            })
        }
        .await,
    )
}

#[server(endpoint = "users/member")]
pub async fn load_member(id: String) -> Result<MemberPage, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let id = id.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
            let member = crate::core::team::member(&state.pool, &viewer, id).await?;
            Ok(MemberPage {
                is_viewer: member.id == viewer.id.into_uuid(),
                member,
                assignable: crate::domain::team::assignable_roles(viewer.role),
            })
        }
        .await,
    )
}

/// Invites a colleague; answers with the page to go to.
#[server(endpoint = "users/invite")]
pub async fn invite_member(invitation: InvitationForm) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let parsed = crate::domain::team::Invitation::parse(&invitation)?;
        crate::core::team::invite(
            &state.pool,
            &state.config,
            &viewer,
            &parsed,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    let (page, code) = match &result {
        Ok(_) => ("/users".to_owned(), "invited".to_owned()),
        Err(error) => ("/users/invite".to_owned(), error.code()),
    };
    let result = result.map(|_| "/users?notice=invited".to_owned());
    crate::core::server_side::answer_form(page, code, result, |_| String::new())
}

/// Saves a colleague's role and permissions.
#[server(endpoint = "users/access")]
pub async fn save_access(user: String, access: AccessForm) -> Result<String, AppError> {
    let result = async {
        let parsed = crate::domain::team::Access::parse(&access)?;
        change(&user, crate::domain::team::Change::Access(parsed)).await
    }
    .await;
    answer(&user, "access-saved", result)
}

/// Disables the account (`enable` empty) or enables it again (`enable` = `yes`).
#[server(endpoint = "users/state")]
pub async fn set_account_state(user: String, enable: Option<String>) -> Result<String, AppError> {
    use crate::domain::team::Change;
    let enable = enable.as_deref() == Some("yes");
    let result = change(
        &user,
        if enable {
            Change::Enable
        } else {
            Change::Disable
        },
    )
    .await;
    answer(&user, if enable { "enabled" } else { "disabled" }, result)
}

/// Emails the colleague a link to choose a password (an invitation again, or a reset).
#[server(endpoint = "users/password-link")]
pub async fn send_password_link(user: String) -> Result<String, AppError> {
    let result = change(&user, crate::domain::team::Change::PasswordLink).await;
    answer(&user, "link-sent", result)
}

#[cfg(feature = "ssr")]
async fn change(user: &str, change: crate::domain::team::Change) -> Result<(), AppError> {
    let (state, viewer) = crate::core::session::signed_in().await?;
    let id = user.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
    crate::core::team::change(
        &state.pool,
        &state.config,
        &viewer,
        id,
        change,
        chrono::Utc::now(),
    )
    .await
}

/// Answers a change on a colleague's page with the notice to show there.
#[cfg(feature = "ssr")]
fn answer(user: &str, done: &str, result: Result<(), AppError>) -> Result<String, AppError> {
    let page = match user.parse::<uuid::Uuid>() {
        Ok(id) => format!("/users/{id}"),
        Err(_) => "/users".to_owned(),
    };
    crate::core::server_side::answer_notice(page, result.map(|()| done.to_owned()))
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| load_team());
    let query = use_query_map();
    view! {
        <Title text=text::USERS_TITLE />
        <WorkspaceFrame>
            <h1>{text::USERS_TITLE}</h1>
            {move || query.read().get("notice").map(|code| view! { <OutcomeNotice code success=text::user_notice /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || team.get().map(|result| match result {
                    Ok(team) => view! {
                        {(!team.assignable.is_empty()).then(|| view! {
                            <p><a class="button small" href="/users/invite">{text::INVITE_TITLE}</a></p>
                        })}
                        <MemberTable members=team.members viewer=team.viewer />
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn MemberTable(members: Vec<Member>, viewer: uuid::Uuid) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="requests">
                <caption class="visually-hidden">{text::USERS_TITLE}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::USER_NAME}</th>
                        <th scope="col">{text::USER_EMAIL}</th>
                        <th scope="col">{text::field_label(Field::Role)}</th>
                        <th scope="col">{text::PERMISSIONS}</th>
                        <th scope="col">{text::USER_STATE}</th>
                        <th scope="col">{text::USER_LAST_ACTIVE}</th>
                    </tr>
                </thead>
                <tbody>
                    {members.into_iter().map(|m| {
                        let name = if m.manageable || m.id == viewer {
                            view! { <a href=format!("/users/{}", m.id)>{m.name}</a> }.into_any()
                        } else {
                            view! { <span>{m.name}</span> }.into_any()
                        };
                        view! {
                            <tr>
                                <td>{name}</td>
                                <td>{m.email}</td>
                                <td>{text::role(m.role)}</td>
                                <td>{permissions_line(m.role, &m.permissions)}</td>
                                <td>{text::account_state(m.state)}</td>
                                <td>{m.last_active.map_or_else(|| text::NEVER.to_owned(), |d| d.format("%-d %b %Y").to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn permissions_line(role: Role, permissions: &[Permission]) -> String {
    if matches!(role, Role::SuperAdmin | Role::Admin) {
        text::BY_ROLE.to_owned()
    } else if permissions.is_empty() {
        text::NO_PERMISSIONS.to_owned()
    } else {
        permissions
            .iter()
            .map(|p| text::permission(*p))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The role select and the permission boxes, posted as `{group}[role]` and `{group}[<permission>]`.
#[component]
fn AccessFields(group: &'static str, roles: Vec<Role>, current: AccessForm) -> impl IntoView {
    let ticked = |p: Permission| match p {
        Permission::AnonymizeCandidates => current.anonymize_candidates.is_some(),
        Permission::ViewComplianceDashboard => current.view_compliance_dashboard.is_some(),
        Permission::ManageProfiles => current.manage_profiles.is_some(),
    };
    let boxes: Vec<(Permission, bool)> = Permission::ALL.iter().map(|p| (*p, ticked(*p))).collect();
    let role = current.role.clone();
    view! {
        <fieldset class="field">
            <legend>{text::field_label(Field::Role)}</legend>
            {roles.into_iter().map(|r| {
                let id = format!("{group}-role-{}", r.as_str());
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name=format!("{group}[role]") value=r.as_str()
                            checked=role == r.as_str() required=true aria-describedby=format!("{id}-help") />
                        <label for=id.clone()>{text::role(r)}</label>
                        <p id=format!("{id}-help") class="muted">{text::role_help(r)}</p>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="field">
            <legend>{text::PERMISSIONS}</legend>
            <p class="muted">{text::PERMISSIONS_HELP}</p>
            {boxes.into_iter().map(|(p, on)| {
                let id = format!("{group}-{}", p.as_str());
                view! {
                    <div class="choice">
                        <input type="checkbox" id=id.clone() name=format!("{group}[{}]", p.as_str()) value="on" checked=on />
                        <label for=id>{text::permission(p)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn InvitePage() -> impl IntoView {
    let team = Resource::new(|| (), |_| load_team());
    let invite = ServerAction::<InviteMember>::new();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(page)) = invite.value().get() {
            navigate(&page, Default::default());
        }
    });
    let problem = Signal::derive(move || match invite.value().get() {
        Some(Err(error)) => Some(error.code()),
        _ => query.read().get("notice"),
    });
    view! {
        <Title text=text::INVITE_TITLE />
        <WorkspaceFrame>
            <p class="breadcrumb"><a href="/users">{text::BACK_TO_USERS}</a></p>
            <h1>{text::INVITE_TITLE}</h1>
            {move || problem.get().map(|code| view! { <OutcomeNotice code success=text::user_notice /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || team.get().map(|result| match result {
                    Ok(team) if team.assignable.is_empty() => view! { <Problem error=AppError::Forbidden /> }.into_any(),
                    Ok(team) => view! {
                        <ActionForm action=invite attr:class="card" attr:aria-describedby="invite-help">
                            <p id="invite-help" class="muted">{text::INVITE_HELP}</p>
                            <FormField field=Field::Name scope="invite" labels=text::user_field group="invitation" required=true autocomplete="off" />
                            <FormField field=Field::Email scope="invite" labels=text::user_field group="invitation" kind="email" required=true autocomplete="off" />
                            <AccessFields group="invitation[access]" roles=team.assignable
                                current=AccessForm { role: Role::TeamMember.as_str().into(), ..Default::default() } />
                            <button type="submit" class="button">{text::INVITE_BUTTON}</button>
                        </ActionForm>
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
pub fn MemberEditPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let access = ServerAction::<SaveAccess>::new();
    let state = ServerAction::<SetAccountState>::new();
    let link = ServerAction::<SendPasswordLink>::new();
    let page = Resource::new(
        move || {
            (
                id.get(),
                access.version().get(),
                state.version().get(),
                link.version().get(),
            )
        },
        |(id, ..)| load_member(id),
    );
    // The newest answer of any of the three forms, else the code a no-JavaScript post came back with.
    let notice = Signal::derive(move || {
        let answers = [
            access.value().get(),
            state.value().get(),
            link.value().get(),
        ];
        let latest = [
            access.version().get(),
            state.version().get(),
            link.version().get(),
        ]
        .into_iter()
        .zip(answers)
        .filter(|(version, _)| *version > 0)
        .max_by_key(|(version, _)| *version)
        .and_then(|(_, answer)| answer);
        match latest {
            Some(Ok(code)) => Some(code),
            Some(Err(error)) => Some(error.code()),
            None => query.read().get("notice"),
        }
    });
    view! {
        <WorkspaceFrame>
            <p class="breadcrumb"><a href="/users">{text::BACK_TO_USERS}</a></p>
            {move || notice.get().map(|code| view! { <OutcomeNotice code success=text::user_notice /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || page.get().map(|result| match result {
                    Ok(page) => view! { <MemberView page access state link /> }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Title text=text::PROBLEM_TITLE /><Problem error /> }.into_any(),
                })}
            </Transition>
        </WorkspaceFrame>
    }
}

#[component]
fn MemberView(
    page: MemberPage,
    access: ServerAction<SaveAccess>,
    state: ServerAction<SetAccountState>,
    link: ServerAction<SendPasswordLink>,
) -> impl IntoView {
    let MemberPage {
        member,
        assignable,
        is_viewer,
    } = page;
    let heading = text::edit_user(&member.name);
    let id = member.id.to_string();
    let current = crate::domain::team::Access {
        role: member.role,
        permissions: member.permissions.clone(),
    }
    .form();
    let line = format!(
        "{} · {} · {}",
        member.email,
        text::role(member.role),
        text::account_state(member.state)
    );
    let body = if is_viewer {
        view! {
            <p>{text::YOUR_ACCOUNT_HERE}" "<a href="/account">{text::YOUR_ACCOUNT_LINK}</a>"."</p>
        }
        .into_any()
    } else if !member.manageable {
        view! { <p class="muted">{text::NOT_YOURS_TO_MANAGE}</p> }.into_any()
    } else {
        let disabled = member.state == AccountState::Disabled;
        let invited = member.state == AccountState::Invited;
        let (id_a, id_b, id_c) = (id.clone(), id.clone(), id);
        view! {
            <ActionForm action=access attr:class="card">
                <h2>{text::SAVE_ACCESS}</h2>
                <input type="hidden" name="user" value=id_a />
                <AccessFields group="access" roles=assignable current />
                <button type="submit" class="button">{text::SAVE_ACCESS}</button>
            </ActionForm>
            {(!disabled).then(|| view! {
                <ActionForm action=link attr:class="card">
                    <input type="hidden" name="user" value=id_b.clone() />
                    <p class="muted">{text::PASSWORD_LINK_HELP}</p>
                    <button type="submit" class="button secondary">
                        {if invited { text::SEND_INVITATION_AGAIN } else { text::SEND_RESET }}
                    </button>
                </ActionForm>
            })}
            <ActionForm action=state attr:class="card">
                <input type="hidden" name="user" value=id_c />
                {if disabled {
                    view! {
                        <input type="hidden" name="enable" value="yes" />
                        <button type="submit" class="button">{text::ENABLE_USER}</button>
                    }.into_any()
                } else {
                    view! {
                        <p class="muted" id="disable-help">{text::DISABLE_HELP}</p>
                        <button type="submit" class="button danger" aria-describedby="disable-help">{text::DISABLE_USER}</button>
                    }.into_any()
                }}
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <p class="muted">{line}</p>
        {body}
    }
}
