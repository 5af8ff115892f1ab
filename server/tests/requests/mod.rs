//! A candidate's data requests, handled from their profile.

mod extend_and_refuse;
mod log;
mod resolve;
mod withdraw;
