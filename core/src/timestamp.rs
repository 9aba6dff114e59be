//! RFC 3339 timestamps as Unix seconds: the only notion of time in the core.
//! The core never reads a clock; callers pass `now` in.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Seconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Parses RFC 3339 (`2026-11-28T09:00:00Z`, offsets allowed, fractions dropped).
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        OffsetDateTime::parse(text, &Rfc3339)
            .ok()
            .map(|t| Timestamp(t.unix_timestamp()))
    }

    /// Formats as RFC 3339 in UTC, e.g. `2026-11-28T09:00:00Z`.
    pub fn to_rfc3339(self) -> String {
        OffsetDateTime::from_unix_timestamp(self.0)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_else(|| self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_utc() {
        let t = Timestamp::parse_rfc3339("2026-11-28T09:00:00Z").unwrap();
        assert_eq!(t.0, 1_795_856_400);
        assert_eq!(t.to_rfc3339(), "2026-11-28T09:00:00Z");
    }

    #[test]
    fn honours_offsets() {
        let a = Timestamp::parse_rfc3339("2026-11-28T12:00:00+03:00").unwrap();
        let b = Timestamp::parse_rfc3339("2026-11-28T09:00:00Z").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn rejects_non_rfc3339() {
        for bad in ["", "2026-11-28", "yesterday", "2026-13-01T00:00:00Z"] {
            assert!(Timestamp::parse_rfc3339(bad).is_none(), "{bad}");
        }
    }
}
