//! An index of phrases by the look of their first two letters, so that a
//! name is compared only with the phrases that can start where it is read.
//!
//! Each letter's `Look` carries a 64-bit signature of its readings; two
//! letters can meet only when their signatures share a bit. A phrase is
//! filed under every pair (bit of its first letter, bit of its second
//! letter, or "none" for a one-letter first word); a place in a name looks
//! up the pairs of its own two letters. A hit is a candidate, checked in
//! full by the caller: the index only skips phrases that cannot match.

use super::fold::{Folded, Look};

const NO_SECOND: usize = 64;
const BUCKETS: usize = 64 * 65;

/// (phrase, order of its words) pairs per bucket.
pub(super) struct Index {
    buckets: Vec<Vec<(u32, u16)>>,
}

/// The set bits of a signature, lowest first.
fn bits(mut signature: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (signature != 0).then(|| {
            let b = signature.trailing_zeros() as usize;
            signature &= signature - 1;
            b
        })
    })
}

impl Index {
    /// An index of `(phrase, order, the letters of its first word)`.
    pub(super) fn build<'a>(starts: impl IntoIterator<Item = (usize, usize, &'a [Look])>) -> Index {
        let mut buckets = vec![Vec::new(); BUCKETS];
        for (p, o, first) in starts {
            let Some(letter) = first.first() else {
                continue;
            };
            for b0 in bits(letter.signature()) {
                match first.get(1) {
                    Some(second) => {
                        for b1 in bits(second.signature()) {
                            buckets[b0 * 65 + b1].push((p as u32, o as u16));
                        }
                    }
                    None => buckets[b0 * 65 + NO_SECOND].push((p as u32, o as u16)),
                }
            }
        }
        Index { buckets }
    }

    /// Calls `check(phrase, order)` for every candidate that may start at
    /// `at`, until it returns true.
    pub(super) fn any_at(
        &self,
        name: &Folded,
        at: usize,
        mut check: impl FnMut(usize, usize) -> bool,
    ) -> bool {
        let first = name.looks[at].signature();
        let second = name.looks.get(at + 1).map_or(0, |l| l.signature());
        for b0 in bits(first) {
            let with_second = bits(second).map(|b1| b0 * 65 + b1);
            for bucket in with_second.chain(std::iter::once(b0 * 65 + NO_SECOND)) {
                for &(p, o) in &self.buckets[bucket] {
                    if check(p as usize, o as usize) {
                        return true;
                    }
                }
            }
        }
        false
    }
}
