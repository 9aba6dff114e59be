//! Shapes of the generated data in `regions.rs`.
//!
//! libphonenumber describes prefixes with regexes; the generator turns each
//! one into the ordered list of fixed-length paths the regex engine would try,
//! so matching here is a plain loop with the same leftmost-first result.

/// One path through an `international_prefix` or `national_prefix_for_parsing`
/// regex.  Applying it to a number yields `lit + number[keep] + number[masks.len()..]`.
pub(super) struct Prefix {
    /// Allowed digits per position (bit d = digit d).
    pub masks: &'static [u16],
    /// The regex had a `$` here: the path must consume the whole number.
    pub at_end: bool,
    /// Literal digits from a `national_prefix_transform_rule` (e.g. "268" in `268\1`).
    pub lit: &'static str,
    /// Captured span `keep_start..keep_end` copied after `lit` (empty = plain strip).
    pub keep_start: u8,
    pub keep_end: u8,
}

/// Compact constructor so the generated file stays readable.
#[allow(non_snake_case)]
pub(super) const fn P(
    masks: &'static [u16],
    at_end: bool,
    lit: &'static str,
    keep_start: u8,
    keep_end: u8,
) -> Prefix {
    Prefix {
        masks,
        at_end,
        lit,
        keep_start,
        keep_end,
    }
}

/// Parsing facts of one libphonenumber region (or non-geographic entity, iso "001").
pub(super) struct Region {
    pub iso: &'static str,
    pub cc: u16,
    /// International (IDD) prefix paths in match order; empty = none.
    pub idd: &'static [Prefix],
    /// National (trunk) prefix paths in match order; empty = none.
    pub npfp: &'static [Prefix],
    /// general_desc possible lengths of the national significant number, ascending.
    pub lengths: &'static [u8],
    /// Lengths only diallable locally (libphonenumber refuses to strip down to these).
    pub local_lengths: &'static [u8],
    /// Start state of the general_desc pattern in the shared DFA.
    pub dfa: u16,
}
