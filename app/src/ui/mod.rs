//! The UI kit: components and hooks every feature's pages share. It depends on the domain, the
//! shared core and the text, never on a feature.

pub mod actions;
#[cfg(feature = "ssr")]
pub mod bad_link;
pub mod enhance;
pub mod form;
#[cfg(feature = "ssr")]
pub mod organization;
pub mod page;
pub mod profile_action;
pub mod workspace;
