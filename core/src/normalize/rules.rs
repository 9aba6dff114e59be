//! libphonenumber's per-region primitives, evaluated on generated tables.

use super::digits::Digits;
use super::regions::{CALLING_CODES, DFA_ACCEPT, DFA_NEXT, REGIONS};
use super::table::{Prefix, Region};

/// `fullmatch(general_desc.national_number_pattern, s)`.
pub(super) fn is_viable(r: &Region, s: &[u8]) -> bool {
    let mut st = r.dfa as usize;
    for &d in s {
        if st == 0 {
            return false;
        }
        st = DFA_NEXT[st][d as usize] as usize;
    }
    DFA_ACCEPT[st / 64] >> (st % 64) & 1 == 1
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum LengthCheck {
    Possible,
    PossibleLocalOnly,
    TooShort,
    TooLong,
    InvalidLength,
}

/// Port of `_test_number_length` for the general description.
pub(super) fn test_length(r: &Region, len: usize) -> LengthCheck {
    let (Some(&min), Some(&max)) = (r.lengths.first(), r.lengths.last()) else {
        return LengthCheck::InvalidLength;
    };
    let (min, max) = (min as usize, max as usize);
    if r.local_lengths.iter().any(|&l| l as usize == len) {
        LengthCheck::PossibleLocalOnly
    } else if len == min {
        LengthCheck::Possible
    } else if len < min {
        LengthCheck::TooShort
    } else if len > max {
        LengthCheck::TooLong
    } else if r.lengths.iter().any(|&l| l as usize == len) {
        LengthCheck::Possible
    } else {
        LengthCheck::InvalidLength
    }
}

/// `re.match` of a prefix regex: the first path (in the engine's preference
/// order) that fits wins, exactly like the backtracking engine.
fn first_match(paths: &'static [Prefix], s: &[u8]) -> Option<&'static Prefix> {
    paths.iter().find(|p| {
        p.masks.len() <= s.len()
            && (!p.at_end || p.masks.len() == s.len())
            && p.masks.iter().zip(s).all(|(&m, &d)| m >> d & 1 == 1)
    })
}

/// `_parse_prefix_as_idd`: the rest after an international prefix, unless
/// a 0 follows (country codes never start with 0, so it was not an IDD).
pub(super) fn strip_idd<'a>(r: &Region, s: &'a [u8]) -> Option<&'a [u8]> {
    let rest = &s[first_match(r.idd, s)?.masks.len()..];
    (rest.first() != Some(&0)).then_some(rest)
}

/// `_maybe_strip_national_prefix_carrier_code`: strips (or rewrites, for
/// transform rules) the trunk prefix unless that turns a number matching the
/// region's general pattern into one that does not.
pub(super) fn strip_national_prefix(r: &Region, s: &[u8]) -> Digits {
    let unchanged = Digits::from_slice(s);
    let Some(p) = (!s.is_empty()).then(|| first_match(r.npfp, s)).flatten() else {
        return unchanged;
    };
    let mut out = Digits::new();
    for b in p.lit.bytes() {
        out.push(b - b'0');
    }
    out.extend(&s[p.keep_start as usize..p.keep_end as usize]);
    out.extend(&s[p.masks.len()..]);
    if is_viable(r, s) && !is_viable(r, out.as_slice()) {
        unchanged
    } else {
        out
    }
}

/// Entry of CALLING_CODES for a code, if assigned.
fn calling_code(cc: u16) -> Option<&'static (u16, u16, &'static [u8])> {
    CALLING_CODES
        .binary_search_by_key(&cc, |e| e.0)
        .ok()
        .map(|i| &CALLING_CODES[i])
}

/// `_extract_country_code`: codes are prefix-free, so the first hit is it.
/// Returns (code, main region, rest of the number).
pub(super) fn extract_country_code(s: &[u8]) -> Option<(u16, &'static Region, &[u8])> {
    if s.first() == Some(&0) {
        return None;
    }
    let mut cc: u16 = 0;
    for (i, &d) in s.iter().take(3).enumerate() {
        cc = cc * 10 + d as u16;
        if let Some(e) = calling_code(cc) {
            return Some((cc, &REGIONS[e.1 as usize], &s[i + 1..]));
        }
    }
    None
}

/// Union of possible national lengths over all regions sharing `cc`.
pub(super) fn national_lengths(cc: u16) -> Option<&'static [u8]> {
    calling_code(cc).map(|e| e.2)
}

/// Main region of a calling code (libphonenumber's region_code_for_country_code).
pub(super) fn main_region(cc: u16) -> Option<&'static Region> {
    calling_code(cc).map(|e| &REGIONS[e.1 as usize])
}

/// National lengths `L` of `r` for which some number of length `L`
/// starting with `nsn_prefix` fits the region's general pattern: a walk of
/// the pattern automaton, then a breadth-first reach of accepting states.
pub(super) fn lengths_under_prefix(r: &Region, nsn_prefix: &[u8]) -> Vec<u8> {
    let mut state = r.dfa as usize;
    for &d in nsn_prefix {
        if state == 0 {
            return Vec::new();
        }
        state = DFA_NEXT[state][d as usize] as usize;
    }
    let accepting = |st: usize| DFA_ACCEPT[st / 64] >> (st % 64) & 1 == 1;
    let max = r.lengths.last().copied().unwrap_or(0) as usize;
    let mut frontier = vec![false; DFA_NEXT.len()];
    frontier[state] = true;
    let mut out = Vec::new();
    for len in nsn_prefix.len()..=max {
        if r.lengths.contains(&(len as u8))
            && frontier
                .iter()
                .enumerate()
                .any(|(st, &on)| on && st != 0 && accepting(st))
        {
            out.push(len as u8);
        }
        let mut next = vec![false; DFA_NEXT.len()];
        for (st, _) in frontier
            .iter()
            .enumerate()
            .filter(|(st, on)| **on && *st != 0)
        {
            for d in 0..10 {
                next[DFA_NEXT[st][d] as usize] = true;
            }
        }
        frontier = next;
    }
    out
}

/// Geographic regions sharing a calling code (+1: US, CA, …).
pub(super) fn regions_with_code(cc: u16) -> impl Iterator<Item = &'static Region> {
    REGIONS[..super::regions::GEO_COUNT]
        .iter()
        .filter(move |r| r.cc == cc)
}
