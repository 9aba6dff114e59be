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
}

impl Pairs {
    pub(super) fn of(name: &Folded) -> Pairs {
        let mut after = [0; BITS];
        for pair in name.looks.windows(2) {
            let next = pair[1].key();
            for b in bits(pair[0].key()) {
                after[b] |= next;
            }
        }
        Pairs { after }
    }

    /// Whether every pair of `needed` may be in the name.
    pub(super) fn may_hold(&self, needed: &[(u128, u128)]) -> bool {
        needed
            .iter()
            .all(|&(first, second)| bits(first).any(|b| self.after[b] & second != 0))
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
