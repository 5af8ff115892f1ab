//! `/settings/api-keys`: the Super Admin's keys for the integration API. A new key is shown once,
//! on the next view of this page in the browser that created it (the same with or without
//! JavaScript), then only its first characters; revoking stops it at once.

use crate::core::api_keys::{ApiKeyView, RevealedKey};
use crate::domain::api_keys::{ApiKeyForm, Scope};
use crate::domain::preferences::Field;
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::workspace::{Problem, RevealedSecret, SettingsHeading, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeysPage {
    pub keys: Vec<ApiKeyView>,
    /// The key this browser just created, shown this once.
    pub revealed: Option<RevealedKey>,
}

#[server(endpoint = "api-keys/load")]
pub async fn load_api_keys() -> Result<ApiKeysPage, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let token = crate::core::session::session_token(&state)?;
            let revealed =
                crate::core::api_keys::reveal(&state.pool, &viewer, &token, chrono::Utc::now())
                    .await?;
            let keys = crate::core::api_keys::list(&state.pool, &viewer).await?;
            Ok(ApiKeysPage { keys, revealed })
        }
        .await,
    )
}

#[server(endpoint = "api-keys/create")]
pub async fn create_api_key(key: ApiKeyForm) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let new = crate::domain::api_keys::NewApiKey::parse(&key)?;
        let token = crate::core::session::session_token(&state)?;
        crate::core::api_keys::create(&state.pool, &viewer, &token, &new, chrono::Utc::now()).await
    }
    .await;
    let result = result.map(|_| "key-created".to_owned());
    crate::core::server_side::answer_notice("/settings/api-keys".into(), result)
}

#[server(endpoint = "api-keys/revoke")]
pub async fn revoke_api_key(key: String) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let id = key.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound)?;
        crate::core::api_keys::revoke(&state.pool, &viewer, id, chrono::Utc::now()).await
    }
    .await;
    let result = result.map(|()| "key-revoked".to_owned());
    crate::core::server_side::answer_notice("/settings/api-keys".into(), result)
}

#[component]
pub fn ApiKeysSettingsPage() -> impl IntoView {
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let page = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| load_api_keys(),
    );
    let query = use_query_map();
    let notice = Signal::derive(move || {
        let latest = if create.version().get() >= revoke.version().get() {
            create.value().get()
        } else {
            revoke.value().get()
        };
        match latest {
            Some(Ok(code)) => Some(code),
            Some(Err(error)) => Some(error.code()),
            None => query.read().get("notice"),
        }
    });
    view! {
        <Title text=text::API_KEYS_TITLE />
        <WorkspaceFrame>
            <SettingsHeading title=text::API_KEYS_TITLE intro=text::API_KEYS_INTRO notice success=text::api_key_notice />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || page.get().map(|result| match result {
                    Ok(page) => view! {
                        {page.revealed.map(|r| view! {
                            <RevealedSecret heading=text::revealed_key_heading(&r.name) help=text::REVEALED_KEY_HELP
                                label=text::API_KEY_LABEL id="revealed-key" value=r.key />
                        })}
                        <KeyTable keys=page.keys revoke />
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
            <ActionForm action=create attr:class="card">
                <h2>{text::NEW_API_KEY}</h2>
                <FormField field=Field::KeyName scope="api-key" labels=text::field_label group="key" required=true autocomplete="off" />
                <fieldset class="field">
                    <legend>{text::field_label(Field::Scopes)}</legend>
                    {Scope::ALL.iter().map(|scope| {
                        let id = format!("scope-{}", scope.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=format!("key[{}]", scope.as_str()) value="on"
                                    checked=*scope == Scope::Read aria-describedby=format!("{id}-help") />
                                <label for=id.clone()>{text::scope_label(*scope)}</label>
                                <p id=format!("{id}-help") class="muted">{text::scope_help(*scope)}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button">{text::CREATE_API_KEY}</button>
            </ActionForm>
        </WorkspaceFrame>
    }
}

#[component]
fn KeyTable(keys: Vec<ApiKeyView>, revoke: ServerAction<RevokeApiKey>) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p class="muted">{text::NO_API_KEYS}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="requests">
                <caption class="visually-hidden">{text::API_KEYS_TITLE}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::field_label(Field::KeyName)}</th>
                        <th scope="col">{text::API_KEY_LABEL}</th>
                        <th scope="col">{text::API_KEY_SCOPES}</th>
                        <th scope="col">{text::API_KEY_LAST_USED}</th>
                        <th scope="col"><span class="visually-hidden">{text::POSTING_ACTIONS}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {keys.into_iter().map(|k| {
                        let scopes = k.scopes.iter().map(|s| text::scope_label(*s)).collect::<Vec<_>>().join(", ");
                        let used = k.last_used.map_or_else(|| text::NEVER.to_owned(), crate::text::date_time);
                        view! {
                            <tr>
                                <td>{k.name.clone()}</td>
                                <td><code>{format!("{}…", k.hint)}</code></td>
                                <td>{scopes}</td>
                                <td>{used}</td>
                                <td>
                                    {if k.revoked {
                                        view! { <span class="muted">{text::API_KEY_REVOKED}</span> }.into_any()
                                    } else {
                                        view! {
                                            <ActionForm action=revoke attr:class="inline-form">
                                                <input type="hidden" name="key" value=k.id.to_string() />
                                                <button type="submit" class="button danger small">{text::revoke_key(&k.name)}</button>
                                            </ActionForm>
                                        }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
