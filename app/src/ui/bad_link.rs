//! What every invalid candidate link shows, and the "send me a fresh link" form on it (and on
//! `/fresh-link`), which answers the same for known and unknown addresses.

use crate::core::fresh_link::SendFreshLink;
use crate::error::AppError;
use crate::text::l10n::Tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the form says after a post, from the action (JavaScript) or the URL (without).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Sent,
    BadEmail,
    Unavailable,
}

impl Outcome {
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "sent" => Some(Outcome::Sent),
            "bad-email" => Some(Outcome::BadEmail),
            "unavailable" => Some(Outcome::Unavailable),
            _ => None,
        }
    }

    fn message(self, tr: Tr) -> String {
        match self {
            Outcome::Sent => tr.t("fresh-link-sent"),
            Outcome::BadEmail => tr.t("fresh-link-bad-email"),
            Outcome::Unavailable => tr.error(&AppError::Unavailable),
        }
    }
}

/// The form, on the bad-link page and on `/fresh-link`.
#[component]
pub fn FreshLinkForm(tr: Tr) -> impl IntoView {
    let action = ServerAction::<SendFreshLink>::new();
    let query = use_query_map();
    let outcome = Signal::derive(move || match action.value().get() {
        Some(Ok(())) => Some(Outcome::Sent),
        Some(Err(AppError::Invalid(_))) => Some(Outcome::BadEmail),
        Some(Err(_)) => Some(Outcome::Unavailable),
        None => query
            .read()
            .get("notice")
            .and_then(|c| Outcome::from_code(&c)),
    });
    view! {
        <section class="card section" aria-labelledby="fresh-link-heading">
            <h2 id="fresh-link-heading">{tr.t("fresh-link-title")}</h2>
            {move || {
                outcome.get().map(|o| {
                    let failed = o != Outcome::Sent;
                    view! {
                        <div
                            id="notice"
                            class=if failed { "notice failure" } else { "notice success" }
                            role=if failed { "alert" } else { "status" }
                        >
                            <p>{o.message(tr)}</p>
                        </div>
                    }
                })
            }}
            <p>{tr.t("fresh-link-text")}</p>
            <ActionForm action>
                <div class="field">
                    <label for="fresh-link-email">{tr.t("fresh-link-label")}</label>
                    <input
                        id="fresh-link-email"
                        name="email"
                        type="email"
                        required
                        maxlength="254"
                        autocomplete="email"
                    />
                </div>
                <button type="submit" class="button">{tr.t("fresh-link-submit")}</button>
            </ActionForm>
        </section>
    }
}

/// What every invalid candidate link shows (the caller sets the 4xx status).
#[component]
pub fn BadLink(tr: Tr) -> impl IntoView {
    view! {
        <Title text=tr.t("link-invalid-title") />
        <h1>{tr.t("link-invalid-title")}</h1>
        <p class="lead">{tr.t("link-invalid-text")}</p>
        <FreshLinkForm tr />
    }
}
