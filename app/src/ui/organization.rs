//! The organization's details every candidate page ends with.

use crate::domain::settings::Organization;
use crate::text::l10n::Tr;
use leptos::prelude::*;

/// The organization's privacy policy and data-protection contact, where the settings name them.
#[component]
pub fn OrganizationContacts(tr: Tr, organization: Organization) -> impl IntoView {
    view! {
        {organization.privacy_policy_url.map(|url| view! {
            <p><a href=url rel="noopener noreferrer">{tr.t("privacy-policy")}</a></p>
        })}
        {organization.data_protection_contact.map(|c| view! {
            <p>{tr.t_with("data-protection-contact", &[("contact", c.as_str().into())])}</p>
        })}
    }
}
