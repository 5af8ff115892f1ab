//! `/fresh-link`: the page to ask for a new personal link (SPEC §3). The form is the UI kit's,
//! shared with every candidate page's bad-link notice.

use crate::text;
use crate::ui::bad_link::FreshLinkForm;
use crate::ui::page::use_hydrated;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/fresh-link`: where the form lands without JavaScript, and a page to bookmark.
#[component]
pub fn FreshLinkPage() -> impl IntoView {
    let hydrated = use_hydrated();
    view! {
        <Title text=text::FRESH_LINK_TITLE />
        <main id="main" class="page narrow" data-hydrated=move || hydrated.get().to_string()>
            <h1>{text::FRESH_LINK_TITLE}</h1>
            <FreshLinkForm />
        </main>
    }
}
