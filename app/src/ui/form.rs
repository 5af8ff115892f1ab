//! The one labelled form field every page's forms use: limited as the server limits it (the
//! domain's `max_chars`), named as the server function reads it.

use crate::domain::preferences::Field;
use crate::text;
use leptos::prelude::*;

/// A labelled `<input>` for `field`. Its id is `{scope}-{field}`, unique on the page; its name
/// is the field's, or `{group}[{field}]` where the server function takes a struct.
#[component]
pub fn FormField(
    field: Field,
    scope: &'static str,
    /// The page's wording for its fields (`text::field_label` and its kin).
    labels: fn(Field) -> &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] group: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{scope}-{}", field.as_str());
    let name = match group {
        Some(group) => format!("{group}[{}]", field.as_str()),
        None => field.as_str().to_owned(),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{labels(field)}</label>
            <input id=id type=kind name=name value=value required=required autocomplete=autocomplete
                inputmode=(kind == "number").then_some("numeric")
                maxlength=takes_maxlength(kind).then(|| field.max_chars().to_string()) />
        </div>
    }
}

/// Whether an input of this type takes `maxlength` (a date or a number is bounded otherwise).
fn takes_maxlength(kind: &str) -> bool {
    matches!(
        kind,
        "text" | "search" | "url" | "tel" | "email" | "password"
    )
}

/// The new password, typed twice, with what makes a good one.
#[component]
pub fn NewPasswordFields() -> impl IntoView {
    view! {
        <div class="field">
            <label for="new-password">{text::field_label(Field::NewPassword)}</label>
            // No `minlength`: the server's message says what a good password is, with or
            // without JavaScript, where a browser's own would say only "too short".
            <input id="new-password" name="new_password" type="password" autocomplete="new-password" required
                maxlength=Field::NewPassword.max_chars().to_string() aria-describedby="new-password-help" />
            <p id="new-password-help" class="muted">{text::new_password_help()}</p>
        </div>
        <div class="field">
            <label for="repeat-password">{text::field_label(Field::RepeatPassword)}</label>
            <input id="repeat-password" name="repeat_password" type="password" autocomplete="new-password" required
                maxlength=Field::RepeatPassword.max_chars().to_string() />
        </div>
    }
}

/// A select of every time zone by IANA name, `selected` chosen (the organization's, or the
/// sender's once the browser says it).
#[component]
pub fn TimeZoneSelect(
    id: &'static str,
    name: &'static str,
    #[prop(into)] selected: Signal<String>,
    #[prop(optional)] describedby: Option<&'static str>,
) -> impl IntoView {
    // The first render marks the chosen option (that is all a page without JavaScript has); a
    // later choice, such as the browser's own zone, sets the select's value.
    let initial = selected.get_untracked();
    view! {
        <select id=id name=name aria-describedby=describedby prop:value=move || selected.get()>
            {crate::domain::outreach::time_zones()
                .map(|zone| view! {
                    <option value=zone selected=zone == initial>{zone.replace('_', " ")}</option>
                })
                .collect_view()}
        </select>
    }
}
