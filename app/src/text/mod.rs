//! Every sentence Candor shows or sends, in one place, split by the surface that shows it.
//! The candidate's pages speak the candidate's language through `l10n` (Fluent messages in
//! `app/locales/`); the workspace's English sentences are the functions and constants here.
//! Depends on the domain only (a layering test keeps it so).

mod alerts;
mod api_keys;
mod candidate;
mod compliance;
mod forms;
mod import;
#[cfg(feature = "ssr")]
pub mod l10n;
mod postings;
mod profile;
mod settings;
mod team;
mod webhooks;
mod workspace;

pub use alerts::*;
pub use api_keys::*;
pub use candidate::*;
pub use compliance::*;
pub use forms::*;
pub use import::*;
pub use postings::*;
pub use profile::*;
pub use settings::*;
pub use team::*;
pub use webhooks::*;
pub use workspace::*;

/// "1 day", "3 days": shared by the surfaces that count days.
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}
