//! What the preferences page shows and what its actions answer; shared by server and browser.

pub use crate::domain::preferences::{ConsentState, Notice};
pub use crate::domain::settings::Organization;
use crate::domain::{
    locale::Locale, paging::Position, preferences::PageLayout, Purpose, RequestId, RequestKind,
    RequestStatus,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a candidate link opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkPage {
    Active(Box<PreferencesView>),
    /// The candidate was anonymized: only the notice remains (SPEC §3).
    Retired {
        organization: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: RequestId,
    pub kind: RequestKind,
    pub received_at: DateTime<Utc>,
    /// The due date in force (the extended one, if extended).
    pub due_at: DateTime<Utc>,
    pub status: RequestStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreferencesView {
    pub organization: Organization,
    pub layout: PageLayout,
    /// One entry per purpose in `layout.consent_purposes`.
    pub consents: Vec<(Purpose, ConsentState)>,
    pub contact_allowed: bool,
    /// How long data is kept after the candidacy ends (the country policy's, in localized mode).
    pub retention_days: i32,
    /// Newest first: every open request and the most recent closed ones.
    pub requests: Vec<RequestRow>,
    /// Where the earlier closed requests start, when there are more than the page shows.
    pub more_closed: Option<Position>,
    /// The page shows earlier closed requests (`?earlier=`), not the most recent.
    pub showing_earlier: bool,
    /// A fresh idempotency key for this rendering's request forms: submitting the same form twice
    /// (a double click, a replayed post) carries the same key and makes one request.
    pub form_key: String,
    /// The language the page speaks (`domain::locale::choose`).
    pub locale: Locale,
    /// The organization's accent colour (None: Candor's own).
    pub accent: Option<crate::domain::branding::Accent>,
}

#[cfg(feature = "ssr")]
impl From<crate::core::consent::Change> for Notice {
    fn from(change: crate::core::consent::Change) -> Self {
        use crate::core::consent::Change;
        match change {
            Change::Made { purpose, allowed } => Notice::Changed { purpose, allowed },
            Change::Unchanged => Notice::Unchanged,
        }
    }
}
