//! The one labelled form field every page's forms use: limited as the server limits it (the
//! domain's `max_chars`), named as the server function reads it.

use crate::domain::preferences::Field;
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
                maxlength=field.max_chars().to_string() />
        </div>
    }
}
