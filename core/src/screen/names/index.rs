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

use super::fold::Folded;
use super::gate::{bits, Gate, BITS};
use super::words::Word;

/// Letters of a first word compared before a candidate is offered: a
/// phrase is filed by two, most candidates part at the third or fourth.
const SEEN: usize = 4;

/// A candidate: its phrase, the order of its words, the length of its
/// first word when that is a whole word (0 for a stem), the keys of the
/// first three letters of its first word (what it is filed and gated by)
/// and the signatures of its first `SEEN` letters (0 past the word's end).
#[derive(Clone, Copy)]
struct Entry {
    phrase: u32,
    order: u16,
    whole: u16,
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
    /// Per bit of a first letter: where its pair buckets that hold
    /// something are counted from (`Rank`); and where the first letters
    /// alone are.
    pair_ranks: Vec<Rank>,
    alone_rank: Rank,
    /// Where a first word of the index may start (its `seconds` and
    /// `alone` say which buckets hold something).
    gate: Gate,
}

/// The place among the buckets that hold something of the bucket of a
/// bit of `held`, the bits of a row of buckets that hold something: how
/// many come before the row, and before its upper half. (A bit's place
/// counts the bits below it in its half: one count of 64 bits, which the
/// baseline x86-64 does in software.)
#[derive(Clone, Copy)]
struct Rank {
    held: u128,
    before: [u32; 2],
}

impl Rank {
    /// The rank of a row of buckets `held` that starts after `before`
    /// buckets.
    fn of(held: u128, before: u32) -> Rank {
        Rank {
            held,
            before: [before, before + (held as u64).count_ones()],
        }
    }

    /// How many buckets that hold something come before bit `b` of the row.
    fn at(&self, b: usize) -> usize {
        let half = (self.held >> (b & 64)) as u64;
        let below = half & ((1u64 << (b % 64)) - 1);
        self.before[b / 64] as usize + below.count_ones() as usize
    }
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
    /// An index of `(phrase, order, its first word)`.
    pub(super) fn build<'a>(starts: impl IntoIterator<Item = (usize, usize, &'a Word)>) -> Index {
        let entries: Vec<Entry> = starts
            .into_iter()
            .filter_map(|(p, o, word)| {
                let first = &*word.chars;
                Some(Entry {
                    phrase: p as u32,
                    order: o as u16,
                    whole: if word.exact { first.len() as u16 } else { 0 },
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
        let gate = Gate::of(
            entries
                .iter()
                .map(|e| ([e.first, e.second, e.third], e.whole != 0)),
        );
        let mut pair_ranks = Vec::with_capacity(BITS);
        let mut held = 0;
        for &pairs in &gate.seconds {
            pair_ranks.push(Rank::of(pairs, held));
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
            pair_ranks,
            alone_rank: Rank::of(gate.alone, held),
            filed,
            gate,
        }
    }

    /// Where a bucket that holds something is kept.
    fn compact(&self, k: usize) -> usize {
        match k.checked_sub(ALONE) {
            Some(b0) => self.alone_rank.at(b0),
            None => self.pair_ranks[k / BITS].at(k % BITS),
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
        check: impl FnMut(usize, usize) -> bool,
    ) -> bool {
        self.gate.passes(name, at) && self.offer::<false>(name, at, check)
    }

    /// As `any_at`, for a check that matches the first word at the start
    /// of a word of the name (`lexicon::starts_word`): a whole first word
    /// only where a word of the name ends after it, as that check asks
    /// ("с" of "с мошенн* борьб*" is not offered at "Сергеевна").
    #[inline]
    pub(super) fn any_at_start(
        &self,
        name: &Folded,
        at: usize,
        check: impl FnMut(usize, usize) -> bool,
    ) -> bool {
        self.gate.passes_at_start(name, at) && self.offer::<true>(name, at, check)
    }

    /// Calls `check` for the candidates at `at` (past the gate): with
    /// `AT_START`, only those whose first word, when whole, ends where a
    /// word of the name does.
    fn offer<const AT_START: bool>(
        &self,
        name: &Folded,
        at: usize,
        mut check: impl FnMut(usize, usize) -> bool,
    ) -> bool {
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
                    let ends =
                        || !AT_START || e.whole == 0 || name.ends_word(at + e.whole as usize);
                    if fits(e) && ends() && once() && check(e.phrase as usize, e.order as usize) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold::fold;
    use super::super::lexicon::{lexicon, word_starts, Phrase};
    use super::Index;

    /// The phrases of `phrases` and orders that match at `at`, a word start.
    fn matching(phrases: &[Phrase], name: &super::Folded, at: usize) -> Vec<(usize, usize)> {
        let orders =
            |(p, phrase): (usize, &Phrase)| (0..phrase.orders().len()).map(move |o| (p, o));
        phrases
            .iter()
            .enumerate()
            .flat_map(orders)
            .filter(|&(p, o)| phrases[p].at_start(name, at, o, &[]).is_some())
            .collect()
    }

    /// At a word start, `any_at_start` offers every phrase and order that
    /// matches there: the whole first words it passes (one letter before
    /// more of the word) would have matched nowhere.
    #[test]
    fn a_word_start_offers_every_phrase_matching_there() {
        let lx = lexicon();
        let sets: [(&[Phrase], &Index); 2] = [
            (&lx.authority, &lx.authority_index),
            (&lx.brands, &lx.brand_index),
        ];
        for (phrases, index) in sets {
            for phrase in phrases {
                let text = phrase.text.replace(['*', '~'], "");
                let words: Vec<&str> = text.split_whitespace().collect();
                // Each word first ("с мошенн борьб"), and the words in
                // longer words, glued, and beside one-letter words.
                let turns = (0..words.len()).map(|i| [&words[i..], &words[..i]].concat().join(" "));
                let more = [
                    format!("Мама {text}ами 2024"),
                    format!("{}ой", words.join("")),
                    format!("{text} с т e з"),
                ];
                for name in turns.chain(more) {
                    let name = fold(&name);
                    for at in word_starts(&name) {
                        let mut offered = Vec::new();
                        index.any_at_start(&name, at, |p, o| {
                            offered.push((p, o));
                            false
                        });
                        for hit in matching(phrases, &name, at) {
                            assert!(offered.contains(&hit), "{} at {at}", name.sketch());
                        }
                    }
                }
            }
        }
    }
}
