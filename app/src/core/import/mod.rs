//! CSV imports (SPEC §11): a file is checked in full — every line parsed by `domain::import`
//! and tried against the database in a transaction that is rolled back — before anything is
//! written; the check's report says what applying would create, update, leave unchanged and
//! skip (with line numbers and reasons). Applying then upserts each line through
//! `core::records`, the integration API's own service, in batches that commit with their
//! progress, so a stopped server's apply resumes where it was and a second import of the same
//! file changes nothing.
//!
//! Both the Settings page and `candor import` use this; the page's upload is kept in Postgres
//! until checked, so any server can check it, and every phase reads the file as a stream.

#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::import::{Counts, LineProblem, SkipReason, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An import as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: Uuid,
    pub file_name: String,
    pub status: Status,
    pub file_bytes: u64,
    pub bytes_done: u64,
    pub rows_done: u64,
    pub rows_total: Option<u64>,
    pub counts: Counts,
    /// Why the file was refused (at most `MAX_PROBLEMS`).
    pub problems: Vec<LineProblem>,
    /// The first skipped lines, with why.
    pub skipped: Vec<SkippedLine>,
    pub created_at: DateTime<Utc>,
    pub applied_at: Option<DateTime<Utc>>,
    /// A phase whose server stopped answering: it can be resumed.
    pub stalled: bool,
}

impl ImportView {
    /// How far the running phase is, in per cent: bytes read while checking, lines while
    /// applying.
    pub fn percent(&self) -> u8 {
        let (done, total) = match self.status {
            Status::Applying => (self.rows_done, self.rows_total.unwrap_or(0)),
            Status::Uploaded | Status::Checking => (self.bytes_done, self.file_bytes),
            _ => return 100,
        };
        if total == 0 {
            return 0;
        }
        (done.saturating_mul(100) / total).min(100) as u8
    }
}

/// A line left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: SkipReason,
}

/// The last imports, for the page's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: Uuid,
    pub file_name: String,
    pub status: Status,
    pub counts: Counts,
    pub created_at: DateTime<Utc>,
}
