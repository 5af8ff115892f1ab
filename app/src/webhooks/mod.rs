//! `/settings/webhooks`: the Super Admin's webhook endpoints. A new (or rotated) secret is shown
//! once, on the next view of this page in the browser that made it, the same with or without
//! JavaScript; each endpoint lists its last deliveries with their attempts and the receiver's
//! answer, and can be turned off and on, tested, rotated or removed.

use crate::core::webhooks::{DeliveryView, EndpointView};
use crate::domain::preferences::Field;
use crate::domain::webhooks::{EventType, WebhookForm};
use crate::error::AppError;
use crate::text;
use crate::ui::form::FormField;
use crate::ui::workspace::{Problem, RevealedSecret, SettingsHeading, WorkspaceFrame};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
const PAGE: &str = "/settings/webhooks";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksPage {
    pub endpoints: Vec<EndpointView>,
    /// The secret this browser just made, shown this once.
    pub revealed: Option<crate::core::webhooks::RevealedSecret>,
}

#[server(endpoint = "webhooks/load")]
pub async fn load_webhooks() -> Result<WebhooksPage, AppError> {
    crate::core::server_side::answer(
        async {
            let (state, viewer) = crate::core::session::signed_in().await?;
            let token = crate::core::session::session_token(&state)?;
            let revealed = crate::core::webhooks::endpoints::reveal(
                &state.pool,
                &viewer,
                &token,
                chrono::Utc::now(),
            )
            .await?;
            let endpoints = crate::core::webhooks::endpoints::list(&state.pool, &viewer).await?;
            Ok(WebhooksPage {
                endpoints,
                revealed,
            })
        }
        .await,
    )
}

/// Answers an action's form: back to the page with `success` as its notice, or the error's.
#[cfg(feature = "ssr")]
fn answer(success: &str, result: Result<(), AppError>) -> Result<String, AppError> {
    crate::core::server_side::answer_notice(PAGE.into(), result.map(|()| success.to_owned()))
}

#[cfg(feature = "ssr")]
fn endpoint_id(text: &str) -> Result<uuid::Uuid, AppError> {
    text.trim().parse().map_err(|_| AppError::NotFound)
}

#[server(endpoint = "webhooks/create")]
pub async fn create_webhook(hook: WebhookForm) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let destinations = state.config.webhooks.destinations;
        let new = crate::domain::webhooks::NewEndpoint::parse(&hook, |url| {
            crate::core::webhooks::delivery::url_allowed(destinations, url)
        })?;
        let token = crate::core::session::session_token(&state)?;
        crate::core::webhooks::endpoints::create(
            &state.pool,
            &viewer,
            &token,
            &new,
            chrono::Utc::now(),
        )
        .await
        .map(|_| ())
    }
    .await;
    answer("webhook-created", result)
}

#[server(endpoint = "webhooks/switch")]
pub async fn switch_webhook(endpoint: String, on: String) -> Result<String, AppError> {
    let enabled = on == "on";
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        crate::core::webhooks::endpoints::set_enabled(
            &state.pool,
            &viewer,
            endpoint_id(&endpoint)?,
            enabled,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    answer(if enabled { "webhook-on" } else { "webhook-off" }, result)
}

#[server(endpoint = "webhooks/rotate")]
pub async fn rotate_webhook_secret(endpoint: String) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        let token = crate::core::session::session_token(&state)?;
        crate::core::webhooks::endpoints::rotate(
            &state.pool,
            &viewer,
            &token,
            endpoint_id(&endpoint)?,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    answer("webhook-rotated", result)
}

#[server(endpoint = "webhooks/test")]
pub async fn test_webhook(endpoint: String) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        crate::core::webhooks::endpoints::send_test(
            &state.pool,
            &viewer,
            endpoint_id(&endpoint)?,
            chrono::Utc::now(),
        )
        .await
        .map(|_| ())
    }
    .await;
    answer("webhook-tested", result)
}

#[server(endpoint = "webhooks/remove")]
pub async fn remove_webhook(endpoint: String) -> Result<String, AppError> {
    let result = async {
        let (state, viewer) = crate::core::session::signed_in().await?;
        crate::core::webhooks::endpoints::delete(&state.pool, &viewer, endpoint_id(&endpoint)?)
            .await
    }
    .await;
    answer("webhook-removed", result)
}

/// The page's actions, one per kind of form.
#[derive(Clone, Copy)]
struct Actions {
    switch: ServerAction<SwitchWebhook>,
    rotate: ServerAction<RotateWebhookSecret>,
    test: ServerAction<TestWebhook>,
    remove: ServerAction<RemoveWebhook>,
}

/// Keeps `latest` on `action`'s newest answer.
fn follow<A>(action: ServerAction<A>, latest: RwSignal<Option<Result<String, AppError>>>)
where
    A: leptos::server_fn::ServerFn<Output = String, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    Effect::new(move |_| {
        if let Some(answer) = action.value().get() {
            latest.set(Some(answer));
        }
    });
}

#[component]
pub fn WebhooksSettingsPage() -> impl IntoView {
    let create = ServerAction::<CreateWebhook>::new();
    let actions = Actions {
        switch: ServerAction::new(),
        rotate: ServerAction::new(),
        test: ServerAction::new(),
        remove: ServerAction::new(),
    };
    let versions = move || {
        (
            create.version().get(),
            actions.switch.version().get(),
            actions.rotate.version().get(),
            actions.test.version().get(),
            actions.remove.version().get(),
        )
    };
    let page = Resource::new(versions, |_| load_webhooks());
    let query = use_query_map();
    // The newest answer of any action.
    let latest = RwSignal::new(None::<Result<String, AppError>>);
    follow(create, latest);
    follow(actions.switch, latest);
    follow(actions.rotate, latest);
    follow(actions.test, latest);
    follow(actions.remove, latest);
    let notice = Signal::derive(move || match latest.get() {
        Some(Ok(code)) => Some(code),
        Some(Err(error)) => Some(error.code()),
        None => query.read().get("notice"),
    });
    view! {
        <Title text=text::WEBHOOKS_TITLE />
        <WorkspaceFrame>
            <SettingsHeading title=text::WEBHOOKS_TITLE intro=text::WEBHOOKS_INTRO notice success=text::webhook_notice />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || page.get().map(|result| match result {
                    Ok(page) => view! {
                        {page.revealed.map(|r| view! {
                            <RevealedSecret heading=text::revealed_secret_heading(&r.url) help=text::REVEALED_SECRET_HELP
                                label=text::WEBHOOK_SECRET_LABEL id="revealed-secret" value=r.secret />
                        })}
                        <Endpoints endpoints=page.endpoints actions />
                    }.into_any(),
                    Err(AppError::SignInRequired) => ().into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                })}
            </Transition>
            <ActionForm action=create attr:class="card">
                <h2>{text::NEW_WEBHOOK}</h2>
                <FormField field=Field::WebhookUrl scope="webhook" labels=text::field_label group="hook" required=true autocomplete="off" kind="url" />
                <fieldset class="field">
                    <legend>{text::field_label(Field::WebhookEvents)}</legend>
                    {EventType::ALL.iter().map(|event| {
                        let id = format!("event-{}", event.as_str().replace('.', "-"));
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name=format!("hook[events][{}]", event.as_str()) value="on" checked=true />
                                <label for=id>{text::event_label(*event)}" "<code>{event.as_str()}</code></label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button">{text::CREATE_WEBHOOK}</button>
            </ActionForm>
        </WorkspaceFrame>
    }
}

#[component]
fn Endpoints(endpoints: Vec<EndpointView>, actions: Actions) -> impl IntoView {
    if endpoints.is_empty() {
        return view! { <p class="muted">{text::NO_WEBHOOKS}</p> }.into_any();
    }
    endpoints
        .into_iter()
        .map(|endpoint| view! { <Endpoint endpoint actions /> })
        .collect_view()
        .into_any()
}

#[component]
fn Endpoint(endpoint: EndpointView, actions: Actions) -> impl IntoView {
    let heading_id = format!("endpoint-{}", endpoint.id);
    let id = endpoint.id;
    let state = match (endpoint.enabled, endpoint.disabled_for_failing) {
        (true, _) => text::WEBHOOK_ON,
        (false, true) => text::WEBHOOK_OFF_FAILING,
        (false, false) => text::WEBHOOK_OFF,
    };
    let events = endpoint
        .events
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{text::endpoint_heading(&endpoint.url)}</h2>
            <dl class="facts">
                <dt>{text::WEBHOOK_STATE}</dt><dd>{state}</dd>
                <dt>{text::WEBHOOK_EVENTS}</dt><dd><code>{events}</code></dd>
                <dt>{text::WEBHOOK_SECRET_LABEL}</dt><dd><code>{format!("{}…", endpoint.hint)}</code></dd>
            </dl>
            {endpoint.failing_since.map(|at| view! { <p class="muted">{text::failing_since(&text::date_time(at))}</p> })}
            {endpoint.old_secret_until.filter(|until| *until > chrono::Utc::now()).map(|at| view! {
                <p class="muted">{text::old_secret_until(&text::date_time(at))}</p>
            })}
            <div class="actions">
                <ActionForm action=actions.switch attr:class="inline-form">
                    <input type="hidden" name="endpoint" value=id.to_string() />
                    <input type="hidden" name="on" value=if endpoint.enabled { "off" } else { "on" } />
                    <button type="submit" class="button secondary small">
                        {if endpoint.enabled { text::TURN_OFF } else { text::TURN_ON }}
                    </button>
                </ActionForm>
                <ActionForm action=actions.test attr:class="inline-form">
                    <input type="hidden" name="endpoint" value=id.to_string() />
                    <button type="submit" class="button secondary small">{text::SEND_TEST}</button>
                </ActionForm>
                <ActionForm action=actions.rotate attr:class="inline-form">
                    <input type="hidden" name="endpoint" value=id.to_string() />
                    <button type="submit" class="button secondary small">{text::ROTATE_SECRET}</button>
                </ActionForm>
                <ActionForm action=actions.remove attr:class="inline-form">
                    <input type="hidden" name="endpoint" value=id.to_string() />
                    <button type="submit" class="button danger small">{text::REMOVE_WEBHOOK}</button>
                </ActionForm>
            </div>
            <h3>{text::RECENT_DELIVERIES}</h3>
            <Deliveries deliveries=endpoint.recent />
        </section>
    }
}

#[component]
fn Deliveries(deliveries: Vec<DeliveryView>) -> impl IntoView {
    if deliveries.is_empty() {
        return view! { <p class="muted">{text::NO_DELIVERIES}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="requests">
                <caption class="visually-hidden">{text::RECENT_DELIVERIES}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::DELIVERY_EVENT}</th>
                        <th scope="col">{text::DELIVERY_QUEUED}</th>
                        <th scope="col">{text::DELIVERY_STATUS}</th>
                        <th scope="col">{text::DELIVERY_ATTEMPTS}</th>
                        <th scope="col">{text::DELIVERY_ANSWER}</th>
                    </tr>
                </thead>
                <tbody>
                    {deliveries.into_iter().map(|d| {
                        let answer = match (d.receiver_status, d.error) {
                            (Some(status), _) => format!("HTTP {status}"),
                            (None, Some(error)) => error,
                            (None, None) => "—".to_owned(),
                        };
                        view! {
                            <tr>
                                <td><code>{d.event}</code></td>
                                <td>{text::date_time(d.created_at)}</td>
                                <td>{text::delivery_status(&d.status)}</td>
                                <td>{d.attempts}</td>
                                <td>{answer}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
