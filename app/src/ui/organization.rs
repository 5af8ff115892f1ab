//! The organization's details every candidate page ends with.

use crate::domain::settings::Organization;
use crate::text;
use leptos::prelude::*;

/// The organization's privacy policy and data-protection contact, where the settings name them.
#[component]
pub fn OrganizationContacts(organization: Organization) -> impl IntoView {
    view! {
        {organization.privacy_policy_url.map(|url| view! {
            <p><a href=url rel="noopener noreferrer">{text::privacy_policy()}</a></p>
        })}
        {organization.data_protection_contact.map(|c| view! {
            <p>{text::data_protection_contact(&c)}</p>
        })}
    }
}
