//! The public home page: what Candor is, and where each kind of visitor goes.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let hydrated = crate::ui::page::use_hydrated();

    view! {
        <Title text="" />
        <header class="site-header">
            <span class="brand" aria-label="Candor">"Candor"</span>
        </header>
        <main id="main" class="page" data-hydrated=move || hydrated.get().to_string()>
            <section class="hero" aria-labelledby="hero-title">
                <h1 id="hero-title">"Your data, your say — in every hiring process."</h1>
                <p class="lead">
                    "Candor lets job candidates decide how a recruiting team may use their personal data, "
                    "and ask for a copy, a correction or its removal. The team sees every request on the "
                    "candidate's profile, answers it on time, and can prove it did."
                </p>
            </section>
            <section class="audiences" aria-label="Who Candor is for">
                <article class="card">
                    <h2>"Candidates"</h2>
                    <p>
                        "Every email from a team that uses Candor carries your personal data-preferences "
                        "link. Open it to give or withdraw consent, stop being contacted about future jobs, "
                        "or ask for your data. No account or password needed."
                    </p>
                    <p class="muted">"The link is personal: don't forward it."</p>
                    <p><a href="/jobs">"See the open jobs"</a></p>
                </article>
                <article class="card">
                    <h2>"Recruiting teams"</h2>
                    <p>
                        "Opportunity owners are told at once, by email and in the app, when a candidate "
                        "asks for something. Each open request shows as a banner on the candidate's "
                        "profile with its due date, and is resolved right there."
                    </p>
                </article>
                <article class="card">
                    <h2>"Compliance"</h2>
                    <p>
                        "Admins choose GDPR or per-country policies, the lawful basis for processing and "
                        "retention, and how long data is kept. Requests are answered within one calendar "
                        "month, and every step lands in an audit log that holds no personal data."
                    </p>
                </article>
            </section>
        </main>
        <footer class="site-footer">
            <p>"Candor — consent and data requests for recruiting."</p>
        </footer>
    }
}
