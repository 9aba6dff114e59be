//! Caller-string → E.164 normalizer, compatible with Google's libphonenumber
//! `parse()` + `format_number(E164)` on well-formed numbers, without regexes,
//! allocation (on the E.164 path) or external crates.
//!
//! Pipeline: `scan` (chars → digits, '+' flag) → `parse` (libphonenumber's
//! decisions on generated tables from `regions`) → policy here (length
//! checks, short codes, 15-digit cap, round-trip stability).

mod digits;
mod extension;
mod parse;
#[rustfmt::skip] // generated: one line per region keeps diffs reviewable
mod regions;
mod rules;
mod scan;
mod table;
#[rustfmt::skip] // generated
mod unicode_digits;

pub(crate) use extension::extension_marker_len;
use regions::{GEO_COUNT, REGIONS};

/// Home region of the phone, e.g. `Region::from_iso("RU")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    index: u16,
}

impl Region {
    /// ISO 3166-1 alpha-2 code (case-insensitive) of a region libphonenumber knows.
    pub fn from_iso(iso: &str) -> Option<Region> {
        let b = iso.as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let up = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
        REGIONS[..GEO_COUNT]
            .binary_search_by(|r| r.iso.as_bytes().cmp(&up[..]))
            .ok()
            .map(|i| Region { index: i as u16 })
    }

    pub fn iso(&self) -> &'static str {
        self.data().iso
    }

    pub fn country_code(&self) -> u16 {
        self.data().cc
    }

    fn data(&self) -> &'static table::Region {
        &REGIONS[self.index as usize]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Normalized {
    /// E.164 digits as an integer (no '+'): +74955005550 -> 74955005550.
    /// Country codes never start with 0, so integer order = digit-string order
    /// within a length (what iOS Call Directory needs).
    E164(u64),
    /// A short code (3-6 digits) valid only within the region, as typed (ASCII digits).
    ShortCode(String),
    Invalid,
}

/// E.164 allows at most 15 digits, country code included.
const MAX_E164_DIGITS: usize = 15;

/// Normalizes a caller string as dialled/displayed on a phone in `home`.
///
/// Never panics; any input length or Unicode is fine.
pub fn normalize(raw: &str, home: Region) -> Normalized {
    let Some(scanned) = scan::scan(raw) else {
        return Normalized::Invalid;
    };
    let digits = scanned.digits.as_slice();
    // libphonenumber accepts two bare digits; no caller ID is that short.
    if digits.len() < 3 {
        return Normalized::Invalid;
    }
    let home_data = home.data();
    if let Some(n) = to_e164(digits, scanned.plus, home_data) {
        // libphonenumber's parse is not idempotent for a few odd inputs (a
        // second trunk prefix, ...). Only emit numbers whose "+" form parses
        // back to themselves, so stored and incoming numbers always agree.
        if reparse_e164(n) == Some(n) {
            return Normalized::E164(n);
        }
    }
    // Service numbers ("900", "112") dialled without any international hint.
    let local = !scanned.plus && rules::strip_idd(home_data, digits).is_none();
    if local && (3..=6).contains(&digits.len()) {
        return Normalized::ShortCode(digits.iter().map(|&d| (b'0' + d) as char).collect());
    }
    Normalized::Invalid
}

/// For a phone whose home region is unknown (Android can report an empty
/// country): only numbers written with `+` are understood.
pub fn normalize_international(raw: &str) -> Normalized {
    match scan::scan(raw) {
        Some(scanned) if scanned.plus => normalize(raw, Region { index: 0 }),
        _ => Normalized::Invalid,
    }
}

/// Parses and applies the output policy (libphonenumber itself accepts any
/// 2-17 digit national number): the national number must have a possible
/// length - for the home region when dialled nationally (so US "555-1234"
/// is rejected, not guessed), for any region sharing the code otherwise -
/// and the total must fit E.164.
fn to_e164(digits: &[u8], plus: bool, home: &'static table::Region) -> Option<u64> {
    let p = parse::parse(digits, plus, home)?;
    let nsn = p.nsn.as_slice();
    let lengths = if p.explicit_cc {
        rules::national_lengths(p.cc)?
    } else {
        p.meta.lengths
    };
    if !lengths.iter().any(|&l| l as usize == nsn.len()) {
        return None;
    }
    let cc_len = if p.cc >= 100 {
        3
    } else if p.cc >= 10 {
        2
    } else {
        1
    };
    if cc_len + nsn.len() > MAX_E164_DIGITS {
        return None;
    }
    Some(nsn.iter().fold(p.cc as u64, |acc, &d| acc * 10 + d as u64))
}

/// What `normalize("+<n>")` would yield (the home region is irrelevant after '+').
fn reparse_e164(n: u64) -> Option<u64> {
    let mut buf = [0u8; 20];
    let mut len = 0;
    let mut m = n;
    while m > 0 {
        buf[len] = (m % 10) as u8;
        m /= 10;
        len += 1;
    }
    buf[..len].reverse();
    to_e164(&buf[..len], true, &REGIONS[0])
}

/// Formats `E164(n)` as "+7495...".
pub fn format_e164(n: u64) -> String {
    format!("+{n}")
}

/// Possible national significant number lengths for the country calling code
/// that starts `e164_digits` (digits only, no '+'), e.g. "749511122" → [10, 14].
/// Union over all regions sharing the code (+1, +7, +44, ...).
pub fn national_lengths_for(e164_digits: &str) -> Option<&'static [u8]> {
    let b = e164_digits.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut cc: u16 = 0;
    for &c in b.iter().take(3) {
        cc = cc * 10 + (c - b'0') as u16;
        if cc == 0 {
            return None;
        }
        if let Some(l) = rules::national_lengths(cc) {
            return Some(l);
        }
    }
    None
}

/// For a `prefix` contact (E.164 digits without '+', country code
/// included): the total E.164 lengths of real numbers under it, from the
/// patterns of every region sharing the country code. `+749511122` → [11]:
/// its 100 numbers are 74951112200…74951112299.
pub fn e164_lengths_under_prefix(prefix_digits: &[u8]) -> Vec<u8> {
    let Some((cc, _, nsn)) = rules::extract_country_code(prefix_digits) else {
        return Vec::new();
    };
    let cc_len = prefix_digits.len() - nsn.len();
    let mut lengths: Vec<u8> = rules::regions_with_code(cc)
        .flat_map(|r| rules::lengths_under_prefix(r, nsn))
        .map(|l| l + cc_len as u8)
        .filter(|&total| total as usize <= MAX_E164_DIGITS && total as usize >= prefix_digits.len())
        .collect();
    lengths.sort_unstable();
    lengths.dedup();
    lengths
}

#[cfg(test)]
mod tests;
