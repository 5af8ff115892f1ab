//! Every integration test, in one binary: one link instead of one per feature, and one copy of
//! the dependencies on disk. A module per feature, named after it.

mod common;

mod alerts;
mod anonymize;
mod api;
mod api_opportunities;
mod api_postings;
mod api_records;
mod api_requests;
mod auth;
mod bundles;
mod candidate_list;
mod cli;
mod dashboard;
mod faults;
mod http;
mod import;
mod jobs;
mod lifecycle;
mod notifications;
mod outbox;
mod outreach;
mod postings;
mod preferences;
mod profile;
mod requests;
mod schema;
mod settings;
mod sourcing;
mod sweep;
mod users;
mod webhooks;
