//! Legal holds (SPEC §6): a candidate under one is kept from anonymization, by hand or by sweep.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The hold in force on a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldView {
    pub reason: String,
    /// `None` when the Admin who placed it has since left.
    pub placed_by: Option<String>,
    pub placed_at: DateTime<Utc>,
}
