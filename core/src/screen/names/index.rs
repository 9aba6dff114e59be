//! An index of phrases by the look of their first two letters, so that a
//! name is compared only with the phrases that can start where it is read.
//!
//! Each letter's `Look` carries a signature, a bit for each of its
//! readings in the alphabet of the lexicon (`fold.rs`), and a key, the
//! same with both cases of a letter on one bit. Two letters can meet only
//! when their keys share a bit, and their signatures too. A phrase is
//! filed under every pair (key bit of its first letter, key bit of its
//! second letter), or under the key bit of its first letter alone when its
//! first word has one letter; a place in a name looks up the pairs of its
//! own two letters. A candidate is offered only from the lowest bits it
//! shares with the place, so once, and only when the first `SEEN` letters
//! of its first word may meet the place's. A hit is a candidate, checked
//! in full by the caller: the index only skips phrases that cannot match.

use super::fold::{Folded, Look};
use super::gate::{bits, Gate, BITS};

/// Letters of a first word compared before a candidate is offered: a
/// phrase is filed by two, most candidates part at the third or fourth.
const SEEN: usize = 4;

/// A candidate: its phrase, the order of its words, the keys of the first
/// three letters of its first word (what it is filed and gated by) and the
/// signatures of its first `SEEN` letters (0 past the word's end).
#[derive(Clone, Copy)]
struct Entry {
    phrase: u32,
    order: u16,
    first: u128,
    second: u128,
    third: u128,
    letters: [u128; SEEN],
}

/// Candidates filed by the bits of their first two letters, as one flat
/// table. Buckets `0..BITS * BITS` are pairs (`b0 * BITS + b1`), the last
/// `BITS` are first letters alone; only those that hold something are
/// kept, in that order: the `c`-th of them (`compact`) holds
/// `filed[starts[c]..starts[c + 1]]`.
pub(super) struct Index {
    entries: Vec<Entry>,
    starts: Vec<u32>,
    filed: Vec<u32>,
    /// Per bit of a first letter: how many pair buckets that hold
    /// something come before its own; and how many there are in all
    /// (before the first letters alone).
    pair_base: Vec<u32>,
    alone_base: u32,
    /// Where a first word of the index may start (its `seconds` and
    /// `alone` say which buckets hold something).
    gate: Gate,
}

const ALONE: usize = BITS * BITS;
const BUCKETS: usize = ALONE + BITS;

/// The buckets an entry is filed in.
fn buckets_of(e: &Entry) -> impl Iterator<Item = usize> + '_ {
    bits(e.first).flat_map(move |b0| {
        let pairs = bits(e.second).map(move |b1| b0 * BITS + b1);
        let alone = (e.second == 0).then_some(ALONE + b0);
        pairs.chain(alone)
    })
}

impl Index {
    /// An index of `(phrase, order, the letters of its first word)`.
    pub(super) fn build<'a>(starts: impl IntoIterator<Item = (usize, usize, &'a [Look])>) -> Index {
        let entries: Vec<Entry> = starts
            .into_iter()
            .filter_map(|(p, o, first)| {
                Some(Entry {
                    phrase: p as u32,
                    order: o as u16,
                    first: first.first()?.key(),
                    second: first.get(1).map_or(0, |l| l.key()),
                    third: first.get(2).map_or(0, |l| l.key()),
                    letters: std::array::from_fn(|k| first.get(k).map_or(0, |l| l.signature())),
                })
            })
            .collect();
        let mut counts = vec![0u32; BUCKETS + 1];
        for e in &entries {
            for k in buckets_of(e) {
                counts[k + 1] += 1;
            }
        }
        for k in 0..BUCKETS {
            counts[k + 1] += counts[k];
        }
        let mut next = counts.clone();
        let mut filed = vec![0u32; counts[BUCKETS] as usize];
        for (i, e) in entries.iter().enumerate() {
            for k in buckets_of(e) {
                filed[next[k] as usize] = i as u32;
                next[k] += 1;
            }
        }
        let gate = Gate::of(entries.iter().map(|e| [e.first, e.second, e.third]));
        let mut pair_base = Vec::with_capacity(BITS);
        let mut held = 0;
        for pairs in &gate.seconds {
            pair_base.push(held);
            held += pairs.count_ones();
        }
        let starts: Vec<u32> = (0..BUCKETS)
            .filter(|&k| counts[k + 1] > counts[k])
            .map(|k| counts[k])
            .chain(std::iter::once(counts[BUCKETS]))
            .collect();
        Index {
            entries,
            starts,
            pair_base,
            alone_base: held,
            filed,
            gate,
        }
    }

    /// Where a bucket that holds something is kept.
    fn compact(&self, k: usize) -> usize {
        let rank = |bits: u128, below: usize| (bits & ((1u128 << below) - 1)).count_ones() as usize;
        match k.checked_sub(ALONE) {
            Some(b0) => self.alone_base as usize + rank(self.gate.alone, b0),
            None => self.pair_base[k / BITS] as usize + rank(self.gate.seconds[k / BITS], k % BITS),
        }
    }

    /// The entries of a bucket that holds something.
    fn bucket(&self, k: usize) -> impl Iterator<Item = &Entry> + '_ {
        let c = self.compact(k);
        let range = self.starts[c] as usize..self.starts[c + 1] as usize;
        self.filed[range].iter().map(|&i| &self.entries[i as usize])
    }

    /// Where a first word of the index may start.
    pub(super) fn gate(&self) -> &Gate {
        &self.gate
    }

    /// Calls `check(phrase, order)` for every candidate that may start at
    /// `at`, until it returns true.
    pub(super) fn any_at(
        &self,
        name: &Folded,
        at: usize,
        mut check: impl FnMut(usize, usize) -> bool,
    ) -> bool {
        if !self.gate.passes(name, at) {
            return false;
        }
        let first = name.looks[at].key();
        let second = name.looks.get(at + 1).map_or(0, |l| l.key());
        let place: [u128; SEEN] =
            std::array::from_fn(|k| name.looks.get(at + k).map_or(0, |l| l.signature()));
        // Every letter of the first word seen may meet the name's. (The
        // bucket already holds the first two letters' keys: the third and
        // fourth part most candidates, so they are compared first.)
        let fits = |e: &Entry| {
            [2, 3, 0, 1]
                .into_iter()
                .all(|k| e.letters[k] == 0 || e.letters[k] & place[k] != 0)
        };
        let lowest = |a: u128, b: u128| (a & b).trailing_zeros() as usize;
        // (Only the first letter's bits some phrase starts with.)
        for b0 in bits(first & self.gate.firsts) {
            let pairs = bits(second & self.gate.seconds[b0]).map(|b1| (Some(b1), b0 * BITS + b1));
            let alone = (self.gate.alone & 1 << b0 != 0).then_some((None, ALONE + b0));
            for (b1, k) in pairs.chain(alone) {
                for e in self.bucket(k) {
                    // Offered once: from the bucket of the lowest shared bits.
                    let once = || {
                        lowest(first, e.first) == b0
                            && b1.is_none_or(|b1| lowest(second, e.second) == b1)
                    };
                    if fits(e) && once() && check(e.phrase as usize, e.order as usize) {
                        return true;
                    }
                }
            }
        }
        false
    }
}
