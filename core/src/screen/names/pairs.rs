//! Which letters follow which in a name: a phrase one of whose letter
//! pairs the name never shows is nowhere in it, glued or not, and the
//! rules that try a phrase at every place of a name skip it at once.
//!
//! Letters meet only when their keys share a bit (`fold.rs`: a key is a
//! signature with both cases of a reading on one bit), so the pairs are
//! kept by key bits: a phrase's pair (a, b) may be in the name only when
//! some key bit of `a` is followed, somewhere in the name, by a letter
//! whose key shares a bit with `b`. Word breaks are not kept: glued
//! phrases cross them.

use super::fold::{Folded, Look};
use super::gate::{bits, BITS};

/// The letter pairs of a name: per key bit of a letter, the key bits of
/// the letters right after it.
pub(super) struct Pairs {
    after: [u128; BITS],
    /// The key bits of all its letters.
    letters: u128,
}

impl Pairs {
    pub(super) fn of(name: &Folded) -> Pairs {
        let mut pairs = Pairs {
            after: [0; BITS],
            letters: name.looks.iter().fold(0, |all, l| all | l.key()),
        };
        for pair in name.looks.windows(2) {
            let next = pair[1].key();
            for b in bits(pair[0].key()) {
                pairs.after[b] |= next;
            }
        }
        pairs
    }

    /// The key bits of the letters that follow, somewhere in the name, a
    /// letter sharing a key bit with `first`. (A key's halves are walked
    /// apart: bit tricks on 64 bits cost less than on 128, and this is
    /// asked for every pair of every phrase set.)
    fn after(&self, first: u128) -> u128 {
        let mut all = 0;
        for (half, base) in [(first as u64, 0), ((first >> 64) as u64, 64)] {
            let mut rest = half;
            while rest != 0 {
                all |= self.after[base + rest.trailing_zeros() as usize];
                rest &= rest - 1;
            }
        }
        all
    }

    /// Whether every pair of `needed` may be in the name.
    pub(super) fn may_hold(&self, needed: &[(u128, u128)]) -> bool {
        needed
            .iter()
            .all(|&(first, second)| self.after(first) & second != 0)
    }
}

/// The letter pairs of a set of phrases, for asking whether a name may
/// hold any of them. The phrases are grouped by their last pair (the
/// last letters of a stem part names more than the first: fewer names
/// show them), and those by its first letter: most names miss most of
/// these pairs, and the letters after a first letter are gathered once
/// for all its pairs.
pub(super) struct Needs {
    /// Some phrase has no pair (its words are of one letter): a name may
    /// always hold it.
    always: bool,
    /// Per first letter of a last pair: the bits of all its second
    /// letters (a name that shows none after it is passed at once), and
    /// per second letter, the other pairs of each phrase that ends so.
    leads: Vec<(u128, u128, Vec<Lead>)>,
}

/// The second letter of a last pair, and the other pairs of each phrase
/// that ends with that pair.
type Lead = (u128, Vec<Rest>);

/// The pairs of a phrase but its last, and the key bits of those of their
/// letters that have one bit: a name that lacks one of these letters
/// holds no such pair, and the phrase is passed after one AND.
struct Rest {
    letters: u128,
    pairs: Vec<(u128, u128)>,
}

impl Rest {
    fn of(pairs: &[(u128, u128)]) -> Rest {
        let one_bit = |key: u128| key & key.wrapping_sub(1) == 0;
        let letters = pairs
            .iter()
            .flat_map(|&(first, second)| [first, second])
            .filter(|&key| one_bit(key))
            .fold(0, |all, key| all | key);
        Rest {
            letters,
            pairs: pairs.to_vec(),
        }
    }

    fn may_be_in(&self, name: &Pairs) -> bool {
        self.letters & !name.letters == 0 && name.may_hold(&self.pairs)
    }
}

impl Needs {
    /// The needs of phrases given by their pairs (`pairs_of`).
    pub(super) fn of(phrases: impl IntoIterator<Item = Vec<(u128, u128)>>) -> Needs {
        let mut needs = Needs {
            always: false,
            leads: Vec::new(),
        };
        for phrase in phrases {
            let Some((&(first, second), rest)) = phrase.split_last() else {
                needs.always = true;
                continue;
            };
            let i = match needs.leads.iter().position(|(f, _, _)| *f == first) {
                Some(i) => i,
                None => {
                    needs.leads.push((first, 0, Vec::new()));
                    needs.leads.len() - 1
                }
            };
            let (_, any_second, seconds) = &mut needs.leads[i];
            *any_second |= second;
            match seconds.iter_mut().find(|(s, _)| *s == second) {
                Some((_, group)) => group.push(Rest::of(rest)),
                None => seconds.push((second, vec![Rest::of(rest)])),
            }
        }
        needs
    }

    /// Whether the name may hold some phrase of the set.
    pub(super) fn any_held(&self, name: &Pairs) -> bool {
        self.always
            || self.leads.iter().any(|(first, any_second, seconds)| {
                let after = name.after(*first);
                after & any_second != 0
                    && seconds.iter().any(|(second, group)| {
                        after & second != 0 && group.iter().any(|rest| rest.may_be_in(name))
                    })
            })
    }
}

/// The pairs of letters inside each of `words` (no pair across words: an
/// ending may stand between them), each once.
pub(super) fn pairs_of<'a>(words: impl IntoIterator<Item = &'a [Look]>) -> Vec<(u128, u128)> {
    let mut out: Vec<(u128, u128)> = Vec::new();
    for word in words {
        for pair in word.windows(2) {
            let keys = (pair[0].key(), pair[1].key());
            if !out.contains(&keys) {
                out.push(keys);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fold::fold;
    use super::*;

    fn holds(phrase: &[&str], name: &str) -> bool {
        let words: Vec<Vec<Look>> = phrase.iter().map(|w| fold(w).looks).collect();
        Pairs::of(&fold(name)).may_hold(&pairs_of(words.iter().map(Vec::as_slice)))
    }

    #[test]
    fn a_name_holding_the_words_holds_their_pairs() {
        assert!(holds(&["служба", "безопасности"], "СЛУЖБА безопасности"));
        assert!(holds(&["служба", "безопасности"], "службабезопасности"));
        // In any order, across word breaks, in look-alikes and digits.
        assert!(holds(&["служба", "безопасности"], "Без0пасн0сти Cлyжбa"));
        assert!(holds(&["bank"], "BaNk"));
        // A one-letter word has no pair: nothing to miss.
        assert!(holds(&["ц"], "Анна"));
    }

    #[test]
    fn a_name_missing_a_pair_holds_no_phrase() {
        assert!(!holds(&["поддержка"], "Анна Сергеевна, подъезд 2"));
        assert!(!holds(&["служба", "безопасности"], "служба доставки"));
        assert!(!holds(&["bank"], "Banana Kiwi"));
    }
}
