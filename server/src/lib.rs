//! The `candor` server: configuration, HTTP routing, subcommands and demo data.
//!
//! Kept thin: the pages, server functions and rules live in the `app` crate.

pub mod api;
pub mod assets;
pub mod cli;
pub mod client_limit;
pub mod db;
pub mod http;
pub mod seed;
pub mod telemetry;
