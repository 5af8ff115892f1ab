//! The candidate pages' one island. Those pages are server HTML whose every action is a plain
//! form post answered with a redirect back to the page; that works without JavaScript. With
//! it, this island sends the post in the background, exactly as the browser would, and puts the
//! page the server answers with in place of the current one: no reload, the notice focused, the
//! same outcome as without JavaScript because it is the same request. So the candidates' bundle
//! holds this and the island runtime, and none of the pages' code (`scripts/build-site.sh`).

use leptos::prelude::*;

/// Put once in a candidate page's `<main id="main">`; it says so by `data-hydrated="true"` on
/// that element.
#[island]
pub fn Enhance() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    browser::start();
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::sync::atomic::{AtomicBool, Ordering};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        Document, DomParser, FormData, HtmlElement, HtmlFormElement, RequestInit, Response,
        SubmitEvent, SupportedType, UrlSearchParams,
    };

    static LISTENING: AtomicBool = AtomicBool::new(false);

    pub fn start() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        mark_hydrated(&document);
        // One listener for the page's life: a page put in place brings a new island, not a
        // second listener.
        if LISTENING.swap(true, Ordering::SeqCst) {
            return;
        }
        let on_submit = Closure::<dyn FnMut(SubmitEvent)>::new(on_submit);
        let _ =
            document.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }

    fn mark_hydrated(document: &Document) {
        if let Some(main) = document.get_element_by_id("main") {
            let _ = main.set_attribute("data-hydrated", "true");
        }
    }

    fn on_submit(event: SubmitEvent) {
        if event.default_prevented() {
            return;
        }
        let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        // A search or filter (GET) is a navigation the browser does well.
        if !form.method().eq_ignore_ascii_case("post") {
            return;
        }
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        // The button pressed says which action it was, as it would in a plain post.
        if let Some(button) = event
            .submitter()
            .and_then(|s| s.dyn_into::<web_sys::HtmlButtonElement>().ok())
        {
            if !button.name().is_empty() {
                let _ = data.append_with_str(&button.name(), &button.value());
            }
        }
        event.prevent_default();
        busy(&form, true);
        let multipart = form.enctype().eq_ignore_ascii_case("multipart/form-data");
        wasm_bindgen_futures::spawn_local(async move {
            match send(&form, data, multipart).await {
                // A refused form stays on the page, as typed, for another try.
                Ok(()) => busy(&form, false),
                // Whatever went wrong, the browser's own post still works.
                Err(_) => {
                    busy(&form, false);
                    let _ = form.submit();
                }
            }
        });
    }

    /// Greys out the form's buttons while its post is on the way, so it is sent once.
    fn busy(form: &HtmlFormElement, on: bool) {
        let Ok(buttons) = form.query_selector_all("button") else {
            return;
        };
        for i in 0..buttons.length() {
            if let Some(button) = buttons
                .get(i)
                .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
            {
                button.set_disabled(on);
            }
        }
        let _ = if on {
            form.set_attribute("aria-busy", "true")
        } else {
            form.remove_attribute("aria-busy")
        };
    }

    async fn send(form: &HtmlFormElement, data: FormData, multipart: bool) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let init = RequestInit::new();
        init.set_method("POST");
        if multipart {
            init.set_body(&data);
        } else {
            let fields = UrlSearchParams::new_with_str_sequence_sequence(&data)?;
            init.set_body(&fields);
        }
        let headers = web_sys::Headers::new()?;
        // The server answers a browser's post (Accept: text/html) with a redirect to the page.
        headers.set("accept", "text/html")?;
        init.set_headers(&headers);
        let response: Response =
            JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init))
                .await?
                .dyn_into()?;
        let is_page = response
            .headers()
            .get("content-type")?
            .is_some_and(|t| t.starts_with("text/html"));
        if !is_page {
            return Err(JsValue::NULL);
        }
        let html = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        put_in_place(&window, &response.url(), &html)
    }

    /// Shows the server's answer: the new page's main content in place of the old, its title,
    /// its address (so a reload shows the same); another page is simply opened. A refusal (the
    /// answer's notice is an alert) changes only the notice, so nothing typed is lost.
    fn put_in_place(window: &web_sys::Window, url: &str, html: &str) -> Result<(), JsValue> {
        let document = window.document().ok_or(JsValue::NULL)?;
        let here = window.location().pathname()?;
        let there = web_sys::Url::new(url)?;
        let answer = DomParser::new()?.parse_from_string(html, SupportedType::TextHtml)?;
        let (Some(main), Some(new_main)) = (
            document.get_element_by_id("main"),
            answer.get_element_by_id("main"),
        ) else {
            return window.location().assign(url);
        };
        // Another page, or this one in another language (the switcher): the whole document
        // changes, so it is opened as the browser would.
        let lang = |d: &Document| d.document_element().and_then(|e| e.get_attribute("lang"));
        if there.pathname() != here || lang(&answer) != lang(&document) {
            return window.location().assign(url);
        }
        let notice = answer.get_element_by_id("notice");
        let refused = notice
            .as_ref()
            .is_some_and(|n| n.get_attribute("role").as_deref() == Some("alert"));
        match notice {
            Some(notice) if refused => {
                if let Some(old) = document.get_element_by_id("notice") {
                    old.remove();
                }
                place_like(&main, &new_main, &notice)?;
            }
            _ => {
                main.set_inner_html(&new_main.inner_html());
                document.set_title(&answer.title());
                window
                    .history()?
                    .replace_state_with_url(&JsValue::NULL, "", Some(url))?;
            }
        }
        mark_hydrated(&document);
        // The outcome is what the candidate needs next; a screen reader hears it.
        if let Some(notice) = document
            .get_element_by_id("notice")
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        {
            let _ = notice.set_attribute("tabindex", "-1");
            notice.focus()?;
        }
        Ok(())
    }

    /// Puts `node` (from `new_root`'s tree) at the same place in `root`'s, which is the same
    /// page up to it.
    fn place_like(
        root: &web_sys::Element,
        new_root: &web_sys::Element,
        node: &web_sys::Element,
    ) -> Result<(), JsValue> {
        // The path of child positions from the new root down to the node.
        let mut path = Vec::new();
        let mut at: web_sys::Node = node.clone().into();
        while !at.is_same_node(Some(new_root)) {
            let parent = at.parent_node().ok_or(JsValue::NULL)?;
            let children = parent.child_nodes();
            let index = (0..children.length())
                .find(|i| children.get(*i).is_some_and(|c| c.is_same_node(Some(&at))))
                .ok_or(JsValue::NULL)?;
            path.push(index);
            at = parent;
        }
        let mut parent: web_sys::Node = root.clone().into();
        while path.len() > 1 {
            let index = path.pop().ok_or(JsValue::NULL)?;
            parent = parent.child_nodes().get(index).ok_or(JsValue::NULL)?;
        }
        let before = path.pop().and_then(|i| parent.child_nodes().get(i));
        let adopted = root
            .owner_document()
            .ok_or(JsValue::NULL)?
            .import_node_with_deep(node, true)?;
        parent.insert_before(&adopted, before.as_ref())?;
        Ok(())
    }
}

/// A candidate page's body in the candidate's language: the document's `lang`, the skip link and
/// the `<main>`, server HTML enhanced by the island when JavaScript runs.
#[cfg(feature = "ssr")]
#[component]
pub fn CandidateMain(
    tr: crate::text::l10n::Tr,
    /// The organization's accent colour, as a stylesheet of its own (the policy allows no
    /// inline style).
    accent: Option<crate::domain::branding::Accent>,
    children: Children,
) -> impl IntoView {
    view! {
        <leptos_meta::Html {..} lang=tr.locale().as_str() />
        {accent.map(|a| view! { <leptos_meta::Stylesheet href=crate::core::urls::accent_stylesheet(&a) /> })}
        <a class="skip-link" href="#main">{tr.t("skip-link")}</a>
        <main id="main" class="page narrow" data-hydrated="false">
            <Enhance />
            {children()}
        </main>
    }
}
