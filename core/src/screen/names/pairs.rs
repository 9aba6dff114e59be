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

use super::fold::{fold, Folded, Look};
use super::gate::{bits, BITS};

/// The letter pairs of a name: per key bit of a letter, the key bits of
/// the letters right after it.
pub(super) struct Pairs {
    after: [u128; BITS],
    /// The key bits of all its letters.
    letters: u128,
    /// The key bits of the letters some letter follows: those whose
    /// `after` holds something.
    firsts: u128,
}

impl Pairs {
    pub(super) fn of(name: &Folded) -> Pairs {
        let mut pairs = Pairs {
            after: [0; BITS],
            letters: name.looks.iter().fold(0, |all, l| all | l.key()),
            firsts: 0,
        };
        for pair in name.looks.windows(2) {
            let next = pair[1].key();
            pairs.firsts |= pair[0].key();
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

/// Letters of Russian and English text, the most frequent first: a pair
/// of rarer letters is shown by fewer names. (Others are rarer still.)
const BY_FREQUENCY: &str = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъetaoinshrdlcumwfgypbvkjxqz";

/// How frequent the letters of a key are: the place in `BY_FREQUENCY` of
/// its most frequent reading.
fn frequency_rank(key: u128) -> usize {
    static RANKS: std::sync::OnceLock<[usize; BITS]> = std::sync::OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        let mut ranks = [BY_FREQUENCY.chars().count(); BITS];
        for (i, c) in BY_FREQUENCY.chars().enumerate() {
            for look in fold(&c.to_string()).looks {
                for b in bits(look.key()) {
                    ranks[b] = ranks[b].min(i);
                }
            }
        }
        ranks
    });
    bits(key).map(|b| ranks[b]).min().unwrap_or(ranks.len())
}

/// The pair of a phrase a name is first asked about: the one of the
/// rarest letters (on the benign names of `tests/names`, the phrases
/// whose lead a name shows are a quarter of those whose last pair it
/// shows). Any pair of a phrase may lead: the others are asked after.
fn lead_of(pairs: &[(u128, u128)]) -> Option<usize> {
    (0..pairs.len()).max_by_key(|&i| {
        let (first, second) = pairs[i];
        frequency_rank(first) + frequency_rank(second)
    })
}

/// The letter pairs of some sets of phrases, for asking whether a name
/// may hold a phrase of each set. Each phrase is led by its pair of the
/// rarest letters (`lead_of`), and filed by each key bit of that pair's
/// first letter: a name is asked only about the bits that some letter of
/// it is followed from, each with one AND against the second letters of
/// all leads filed there, and most names miss most of these pairs. All
/// sets are asked in one walk, and a set known to be held is not asked
/// again. (Kept flat, as ranges of vectors: the walk follows no pointer
/// per lead or phrase.)
pub(super) struct Needs {
    /// The sets with a phrase of no pair (its words are of one letter):
    /// a name may always hold them.
    always: Held,
    /// All the sets.
    all: Held,
    /// The key bits of the first letters of the leads.
    firsts: u128,
    /// Per key bit of a lead's first letter: the bits of the second
    /// letters of the leads filed there, and those leads in `leads`
    /// (apart: most rows a name shows are passed on the first).
    row_seconds: Vec<u128>,
    row_leads: Vec<Span>,
    /// A lead's second letter, its set (as the set's bit: no shift per
    /// lead), and the phrases of the set it leads in `rests`.
    leads: Vec<(u128, Held, Span)>,
    rests: Vec<Rest>,
    /// The pairs of the phrases but their leads.
    pairs: Vec<(u128, u128)>,
}

/// The sets of `Needs` a name may hold a phrase of: a bit per set.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Held(u32);

impl Held {
    /// Whether the name may hold some phrase of set `set`.
    pub(super) fn has(self, set: usize) -> bool {
        self.0 & 1 << set != 0
    }
}

/// Where some entries are in a vector of `Needs`.
#[derive(Clone, Copy, Default)]
struct Span {
    from: u32,
    to: u32,
}

impl Span {
    /// The span from `from` to the end of `entries`.
    fn to_end<T>(from: usize, entries: &[T]) -> Span {
        Span {
            from: from as u32,
            to: entries.len() as u32,
        }
    }

    fn of<'a, T>(&self, entries: &'a [T]) -> &'a [T] {
        &entries[self.from as usize..self.to as usize]
    }
}

/// A phrase but its lead: the key bits of those of its letters that have
/// one bit (a name that lacks one of these letters holds no such pair,
/// and the phrase is passed after one AND), and its other pairs.
struct Rest {
    letters: u128,
    pairs: Span,
}

impl Needs {
    /// The needs of sets of phrases, each phrase given by its pairs
    /// (`pairs_of`); a set is asked for by its place in `sets`.
    pub(super) fn of(sets: &[&[Vec<(u128, u128)>]]) -> Needs {
        assert!(sets.len() <= 32, "more sets than bits of `Held`");
        // Per key bit of a lead's first letter: per second letter and set,
        // the other pairs of each phrase led so.
        type Leads = Vec<((u128, usize), Vec<Vec<(u128, u128)>>)>;
        let mut rows: Vec<Leads> = (0..BITS).map(|_| Vec::new()).collect();
        let mut needs = Needs {
            always: Held(0),
            all: Held((1 << sets.len()) - 1),
            firsts: 0,
            row_seconds: Vec::with_capacity(BITS),
            row_leads: Vec::with_capacity(BITS),
            leads: Vec::new(),
            rests: Vec::new(),
            pairs: Vec::new(),
        };
        for (set, phrases) in sets.iter().enumerate() {
            for phrase in phrases.iter() {
                let Some(lead) = lead_of(phrase) else {
                    needs.always.0 |= 1 << set;
                    continue;
                };
                let (first, second) = phrase[lead];
                let mut rest = phrase.clone();
                rest.remove(lead);
                needs.firsts |= first;
                for b0 in bits(first) {
                    let leads = &mut rows[b0];
                    match leads.iter_mut().find(|(l, _)| *l == (second, set)) {
                        Some((_, group)) => group.push(rest.clone()),
                        None => leads.push(((second, set), vec![rest.clone()])),
                    }
                }
            }
        }
        let one_bit = |key: u128| key & key.wrapping_sub(1) == 0;
        for leads in rows {
            let first_lead = needs.leads.len();
            let mut any_second = 0;
            for ((second, set), group) in leads {
                any_second |= second;
                let first_rest = needs.rests.len();
                for rest in group {
                    let letters = rest
                        .iter()
                        .flat_map(|&(first, second)| [first, second])
                        .filter(|&key| one_bit(key))
                        .fold(0, |all, key| all | key);
                    let from = needs.pairs.len();
                    needs.pairs.extend(rest);
                    let pairs = Span::to_end(from, &needs.pairs);
                    needs.rests.push(Rest { letters, pairs });
                }
                let rests = Span::to_end(first_rest, &needs.rests);
                needs.leads.push((second, Held(1 << set), rests));
            }
            let leads = Span::to_end(first_lead, &needs.leads);
            needs.row_seconds.push(any_second);
            needs.row_leads.push(leads);
        }
        needs
    }

    /// The sets the name may hold some phrase of. (A lead (a, b) is shown
    /// when some bit of `a` is followed by `b`: each of its bits files
    /// it, and only the bits the name follows from are asked.)
    pub(super) fn held(&self, name: &Pairs) -> Held {
        let mut held = self.always;
        for b0 in bits(self.firsts & name.firsts) {
            let after = name.after[b0];
            if after & self.row_seconds[b0] == 0 {
                continue;
            }
            for &(second, set, rests) in self.row_leads[b0].of(&self.leads) {
                if held.0 & set.0 == 0
                    && after & second != 0
                    && rests
                        .of(&self.rests)
                        .iter()
                        .any(|rest| self.may_be_in(rest, name))
                {
                    held.0 |= set.0;
                }
            }
            if held == self.all {
                break;
            }
        }
        held
    }

    fn may_be_in(&self, rest: &Rest, name: &Pairs) -> bool {
        rest.letters & !name.letters == 0 && name.may_hold(rest.pairs.of(&self.pairs))
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
