//! An index of phrases by the look of their first two letters, so that a
//! name is compared only with the phrases that can start where it is read.
//!
//! Each letter's `Look` carries a 64-bit signature of its readings; two
//! letters can meet only when their signatures share a bit. A phrase is
//! filed under every pair (bit of its first letter, bit of its second
//! letter, or "none" for a one-letter first word); a place in a name looks
//! up the pairs of its own two letters. A hit is a candidate, checked in
//! full by the caller: the index only skips phrases that cannot match.
//!
//! Letters have several readings, so a phrase sits in several buckets a
//! place looks up ("сл" and "служба" share every bit): a candidate is
//! offered only from the bucket of the lowest bits it shares with the
//! place, once.

use super::fold::{Folded, Look};

const NO_SECOND: usize = 64;
const BUCKETS: usize = 64 * 65;

/// A candidate: its phrase, the order of its words, and the signatures of
/// its first two letters (0 for a one-letter first word).
#[derive(Clone, Copy)]
struct Entry {
    phrase: u32,
    order: u16,
    first: u64,
    second: u64,
}

/// Candidates per bucket.
pub(super) struct Index {
    buckets: Vec<Vec<Entry>>,
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
            let entry = Entry {
                phrase: p as u32,
                order: o as u16,
                first: letter.signature(),
                second: first.get(1).map_or(0, |l| l.signature()),
            };
            for b0 in bits(entry.first) {
                match first.get(1) {
                    Some(_) => {
                        for b1 in bits(entry.second) {
                            buckets[b0 * 65 + b1].push(entry);
                        }
                    }
                    None => buckets[b0 * 65 + NO_SECOND].push(entry),
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
        let lowest = |a: u64, b: u64| (a & b).trailing_zeros() as usize;
        for b0 in bits(first) {
            let with_second = bits(second).map(|b1| (b1, b0 * 65 + b1));
            let alone = std::iter::once((NO_SECOND, b0 * 65 + NO_SECOND));
            for (b1, bucket) in with_second.chain(alone) {
                for e in &self.buckets[bucket] {
                    // Offered once: from the bucket of the lowest shared bits.
                    let once = lowest(first, e.first) == b0
                        && (b1 == NO_SECOND || lowest(second, e.second) == b1);
                    if once && check(e.phrase as usize, e.order as usize) {
                        return true;
                    }
                }
            }
        }
        false
    }
}
