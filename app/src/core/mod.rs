//! What features share: the services pages, server functions, the API and background jobs all
//! call, so that no feature reaches into another. Server-only where it does I/O.

#[cfg(feature = "ssr")]
pub mod anonymization;
#[cfg(feature = "ssr")]
pub mod compliance;
#[cfg(feature = "ssr")]
pub mod consent;
pub mod fresh_link;
#[cfg(feature = "ssr")]
pub mod notify;
pub mod postings;
pub mod session;
#[cfg(feature = "ssr")]
pub mod settings;
