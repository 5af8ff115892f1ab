//! The retention sweep (SPEC §5): `candor sweep [--dry-run]`, the daily run inside `candor serve`,
//! and the run summaries admins read.

#[cfg(feature = "ssr")]
pub mod service;
