//! `/fresh-link`: the page to ask for a new personal link (SPEC §3). The form is the UI kit's,
//! shared with every candidate page's bad-link notice.

use crate::text;
use crate::ui::bad_link::FreshLinkForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/fresh-link`: where the form lands without JavaScript, and a page to bookmark.
#[component]
pub fn FreshLinkPage() -> impl IntoView {
    view! {
        <Title text=text::FRESH_LINK_TITLE />
        <crate::ui::enhance::CandidateMain>
            <h1>{text::FRESH_LINK_TITLE}</h1>
            <FreshLinkForm />
        </crate::ui::enhance::CandidateMain>
    }
}
