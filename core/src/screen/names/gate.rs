//! Whether any phrase of a set may start at a place of a name, from the
//! keys of its first three letters (`Look::key`): most places of a name
//! start none, and are passed after a few bit tests.
//!
//! A gate is built from the first letters of the phrases (`Index`), and
//! gates join: one gate for every index of the lexicon passes, once per
//! place, the places where some rule may find something.

use super::fold::Folded;

/// Bits of a key.
pub(super) const BITS: usize = 128;

/// Bits of the hashed set of first three letters.
const TRIPLE_BITS: usize = 1 << 16;

/// The first letters of a set of phrases (each the keys of the first
/// three letters of its first word, 0 past its end).
#[derive(Clone)]
pub(super) struct Gate {
    /// The bits of every first letter.
    pub(super) firsts: u128,
    /// The bits of first letters of one-letter first words.
    pub(super) alone: u128,
    /// The same of those that are stems, not whole words: at a word
    /// start, a whole word of one letter is only where the name's word
    /// ends after one letter (`passes_at_start`).
    alone_stems: u128,
    /// Per bit of a first letter: the bits of second letters after it.
    pub(super) seconds: Vec<u128>,
    /// Which (first, second) start a first word of two letters, and which
    /// (first, second, third) start a longer one (hashed).
    short_pairs: Vec<u64>,
    triples: Vec<u64>,
}

/// The set bits of a key or a signature, lowest first. (Its halves are
/// walked apart: bit tricks on 64 bits cost less than on 128, and this
/// walks every letter of every name.)
pub(super) fn bits(signature: u128) -> impl Iterator<Item = usize> {
    let (mut low, mut high) = (signature as u64, (signature >> 64) as u64);
    std::iter::from_fn(move || {
        if low != 0 {
            let b = low.trailing_zeros() as usize;
            low &= low - 1;
            Some(b)
        } else if high != 0 {
            let b = high.trailing_zeros() as usize;
            high &= high - 1;
            Some(64 + b)
        } else {
            None
        }
    })
}

/// Whether `f` holds for some set bit of a key, lowest first: as
/// `bits(key).any(f)`, the halves walked in two plain loops (no iterator
/// state to keep between bits: the gates ask this of every place).
pub(super) fn any_bit(key: u128, mut f: impl FnMut(usize) -> bool) -> bool {
    let mut low = key as u64;
    while low != 0 {
        if f(low.trailing_zeros() as usize) {
            return true;
        }
        low &= low - 1;
    }
    let mut high = (key >> 64) as u64;
    while high != 0 {
        if f(64 + high.trailing_zeros() as usize) {
            return true;
        }
        high &= high - 1;
    }
    false
}

fn triple(b0: usize, b1: usize, b2: usize) -> usize {
    let h = ((b0 * BITS + b1) * BITS + b2) as u64;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

impl Gate {
    /// The gate of first words given by the keys of their first three
    /// letters, and whether each is a whole word.
    pub(super) fn of(firsts: impl IntoIterator<Item = ([u128; 3], bool)>) -> Gate {
        let mut gate = Gate {
            firsts: 0,
            alone: 0,
            alone_stems: 0,
            seconds: vec![0; BITS],
            short_pairs: vec![0; BITS * BITS / 64],
            triples: vec![0; TRIPLE_BITS / 64],
        };
        for ([first, second, third], whole) in firsts {
            gate.firsts |= first;
            if second == 0 {
                gate.alone |= first;
                if !whole {
                    gate.alone_stems |= first;
                }
            }
            for b0 in bits(first) {
                gate.seconds[b0] |= second;
                for b1 in bits(second) {
                    if third == 0 {
                        set(&mut gate.short_pairs, b0 * BITS + b1);
                    }
                    for b2 in bits(third) {
                        set(&mut gate.triples, triple(b0, b1, b2));
                    }
                }
            }
        }
        gate
    }

    /// A gate that passes wherever any of `gates` does.
    pub(super) fn union<'a>(gates: impl IntoIterator<Item = &'a Gate>) -> Gate {
        let mut all = Gate::of([]);
        for gate in gates {
            all.firsts |= gate.firsts;
            all.alone |= gate.alone;
            all.alone_stems |= gate.alone_stems;
            let or = |a: &mut [u128], b: &[u128]| a.iter_mut().zip(b).for_each(|(a, b)| *a |= b);
            or(&mut all.seconds, &gate.seconds);
            let or = |a: &mut [u64], b: &[u64]| a.iter_mut().zip(b).for_each(|(a, b)| *a |= b);
            or(&mut all.short_pairs, &gate.short_pairs);
            or(&mut all.triples, &gate.triples);
        }
        all
    }

    /// Whether a first word of the set may start at `at`.
    pub(super) fn passes(&self, name: &Folded, at: usize) -> bool {
        self.passes_with(name, at, self.alone)
    }

    /// Whether a first word of the set may start at `at`, the start of a
    /// word, as a word-start match reads it (`lexicon::starts_word`): a
    /// whole first word of one letter ("с" of "с мошенн* борьб*") only
    /// where the name's word ends after one letter, so "Сергеевна" is no
    /// place for it and is passed on its first three letters.
    #[inline]
    pub(super) fn passes_at_start(&self, name: &Folded, at: usize) -> bool {
        let alone = if name.ends_word(at + 1) {
            self.alone
        } else {
            self.alone_stems
        };
        self.passes_with(name, at, alone)
    }

    /// As `passes`, with the first letters of one-letter first words that
    /// may start there.
    #[inline]
    fn passes_with(&self, name: &Folded, at: usize, alone: u128) -> bool {
        let first = name.looks[at].key();
        if first & self.firsts == 0 {
            return false;
        }
        if first & alone != 0 {
            return true;
        }
        let second = name.looks.get(at + 1).map_or(0, |l| l.key());
        let third = name.looks.get(at + 2).map_or(0, |l| l.key());
        // (Only the first letter's bits the set has start something.)
        any_bit(first & self.firsts, |b0| {
            any_bit(second & self.seconds[b0], |b1| {
                has(&self.short_pairs, b0 * BITS + b1)
                    || any_bit(third, |b2| has(&self.triples, triple(b0, b1, b2)))
            })
        })
    }
}
