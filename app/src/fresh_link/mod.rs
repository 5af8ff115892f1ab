//! `/fresh-link`: the page to ask for a new personal link (SPEC §3). The form is the UI kit's,
//! shared with every candidate page's bad-link notice.

use crate::core::locale::{self, Localized};
use crate::error::AppError;
use crate::ui::bad_link::FreshLinkForm;
use crate::ui::enhance::CandidateMain;
use leptos::prelude::*;
use leptos_meta::Title;

/// Whoever opens the page is not known yet: the browser's language, or the organization's.
#[server(endpoint = "fresh-link/load")]
pub async fn load_fresh_link() -> Result<Localized<()>, AppError> {
    let state = crate::core::server_side::state()?;
    Ok(Localized::new(
        locale::for_candidate(&state.pool, None).await,
        Ok(()),
    ))
}

/// `/fresh-link`: where the form lands without JavaScript, and a page to bookmark.
#[component]
pub fn FreshLinkPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_fresh_link());
    view! {
        <Suspense fallback=|| ()>
            {move || page.get().map(|result| {
                let (tr, accent, _) = locale::localized(result);
                view! {
                    <Title text=tr.t("fresh-link-title") />
                    <CandidateMain tr accent>
                        <h1>{tr.t("fresh-link-title")}</h1>
                        <FreshLinkForm tr />
                    </CandidateMain>
                }
            })}
        </Suspense>
    }
}
