//! RFC 3339 timestamps as Unix seconds: the only notion of time in the core.
//! The core never reads a clock; callers pass `now` in.
//!
//! One strict profile of RFC 3339 §5.6, the same in every language a
//! publisher may use (docs/list-format.md, "Timestamps"):
//! `YYYY-MM-DDTHH:MM:SS[.F]Z` or `…[.F]±HH:MM`, with an upper-case `T` and
//! `Z`, 1 to 9 fraction digits (dropped), no leap second. RFC 3339 also
//! allows `t`, `z` and a space; a general-purpose parser accepting them is
//! how two verifiers come to disagree about one signed list, so they are
//! refused here. Written by hand: a calendar is a few lines, a date crate
//! is a dependency shipped inside phones.

/// Seconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Parses the profile above (`2026-11-28T09:00:00Z`,
    /// `2026-11-28T12:00:00.5+03:00`); `None` for anything else.
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        let (hour, minute, second) = (
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        );
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Second 60 (a leap second) is refused: Unix time has no place for it.
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let mut rest = &b[19..];
        if let Some(fraction) = rest.strip_prefix(b".") {
            let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=9).contains(&n) {
                return None;
            }
            rest = &fraction[n..];
        }
        let offset = match rest {
            b"Z" => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i64;
                if *sign == b'+' {
                    minutes
                } else {
                    -minutes
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year as i64, month, day);
        let local = days * 86_400 + (hour * 3600 + minute * 60 + second) as i64;
        Some(Timestamp(local - offset * 60))
    }

    /// Formats as RFC 3339 in UTC, e.g. `2026-11-28T09:00:00Z` (the profile
    /// `parse_rfc3339` reads). Outside years 0000-9999: the plain number.
    pub fn to_rfc3339(self) -> String {
        let (days, secs) = (self.0.div_euclid(86_400), self.0.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        if !(0..=9999).contains(&year) {
            return self.0.to_string();
        }
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

/// ASCII digits only (`u32::from_str` would also take a `+`).
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of `days_from_civil`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_utc() {
        let t = Timestamp::parse_rfc3339("2026-11-28T09:00:00Z").unwrap();
        assert_eq!(t.0, 1_795_856_400);
        assert_eq!(t.to_rfc3339(), "2026-11-28T09:00:00Z");
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
        assert_eq!(
            Timestamp::parse_rfc3339("2024-02-29T23:59:59Z").unwrap().0,
            1_709_251_199
        );
    }

    #[test]
    fn honours_offsets_and_drops_fractions() {
        let b = Timestamp::parse_rfc3339("2026-11-28T09:00:00Z").unwrap();
        for same in [
            "2026-11-28T12:00:00+03:00",
            "2026-11-28T04:30:00-04:30",
            "2026-11-28T09:00:00-00:00",
            "2026-11-28T09:00:00.999999999Z",
            "2026-11-28T12:00:00.5+03:00",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(same), Some(b), "{same}");
        }
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        let mut t = Timestamp::parse_rfc3339("1900-01-01T00:00:00Z").unwrap().0;
        let end = Timestamp::parse_rfc3339("2300-01-01T00:00:00Z").unwrap().0;
        while t < end {
            let text = Timestamp(t).to_rfc3339();
            assert_eq!(
                Timestamp::parse_rfc3339(&text),
                Some(Timestamp(t)),
                "{text}"
            );
            t += 86_400 + 3_601;
        }
    }

    #[test]
    fn refuses_everything_outside_the_profile() {
        for bad in [
            "",
            "2026-11-28",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-11-28t09:00:00Z",
            "2026-11-28T09:00:00z",
            "2026-11-28 09:00:00Z",
            "2026-11-28T09:00:60Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T09:00:00",
            "2026-11-28T09:00:00.Z",
            "2026-11-28T09:00:00.1234567890Z",
            "2026-11-28T09:00:00+0300",
            "2026-11-28T09:00:00+03",
            "2026-11-28T09:00:00+24:00",
            "2026-11-28T09:00:00Z ",
            " 2026-11-28T09:00:00Z",
            "+2026-11-28T09:00:00Z",
            "2026-1-28T09:00:00Z0",
            "2026-11-28T09:00:00.5 Z",
            "２０２６-11-28T09:00:00Z",
        ] {
            assert!(Timestamp::parse_rfc3339(bad).is_none(), "{bad}");
        }
    }
}
