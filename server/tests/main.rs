//! Every integration test, in one binary: one link instead of one per feature, and one copy of
//! the dependencies on disk. A module per feature, named after it.

mod common;

mod anonymization;
mod applying;
mod candidate_list;
mod candidate_pages;
mod cli;
mod contacting;
mod dashboard;
mod due_alerts;
mod faults;
mod http;
mod notifications;
mod outbox;
mod preferences;
mod profile;
mod request_actions;
mod request_resolution;
mod retention_sweep;
mod schema;
mod settings;
mod sign_in;
mod sourcing;
