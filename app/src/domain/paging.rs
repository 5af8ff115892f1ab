//! Keyset pages: where a list ordered by a time and an id stopped, so the next page starts there
//! with an index seek instead of counting past every row before it (OFFSET grows with the list).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// A row's place in a list ordered by `(at, id)`. Times are kept to the microsecond, as Postgres
/// stores them, so a position taken from a row compares equal to that row in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub at: DateTime<Utc>,
    pub id: Uuid,
}

impl Position {
    pub fn new(at: DateTime<Utc>, id: Uuid) -> Self {
        let at = DateTime::from_timestamp_micros(at.timestamp_micros()).unwrap_or(at);
        Self { at, id }
    }
}

/// `<microseconds since 1970>.<id>`: URL-safe as it stands.
impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.at.timestamp_micros(), self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a page position")]
pub struct BadPosition;

impl FromStr for Position {
    type Err = BadPosition;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (micros, id) = text.split_once('.').ok_or(BadPosition)?;
        let micros: i64 = micros.parse().map_err(|_| BadPosition)?;
        let at = DateTime::from_timestamp_micros(micros).ok_or(BadPosition)?;
        Ok(Self::new(at, id.parse().map_err(|_| BadPosition)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_reads_back_as_written_to_the_microsecond() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T10:20:30.123456789Z")
            .unwrap()
            .with_timezone(&Utc);
        let id = Uuid::from_u128(42);
        let position = Position::new(at, id);
        assert_eq!(position.at.timestamp_subsec_nanos(), 123_456_000);
        let text = position.to_string();
        assert_eq!(text, format!("{}.{id}", at.timestamp_micros()));
        assert_eq!(text.parse::<Position>(), Ok(position));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "12",
            "x.00000000-0000-0000-0000-000000000000",
            "12.nope",
            "99999999999999999999.00000000-0000-0000-0000-000000000000",
        ] {
            assert_eq!(text.parse::<Position>(), Err(BadPosition), "{text}");
        }
    }
}
