//! Web addresses written without their dots ("sberbankru", "wwwСБУрф"):
//! a reader skips a missing dot as they skip a dot, and reads the bank's
//! or the agency's name in front of the domain. Read on the folded
//! spelling, so a domain in any dress is one ("ｒｕ", "C0M", "𝐤𝐳", "pф",
//! "w w w Ф С Б r u").

use super::super::fold::{fold, same_look, Folded, Look};
use std::sync::OnceLock;

/// Top-level domains a name ends a word with: as written ("рф" also as
/// people type it in Latin letters) and as transliterated ("Sovkombankru"
/// is read "Совкомбанкру").
const DOMAINS: &[&str] = &[
    "ru", "рф", "rf", "kz", "ua", "by", "uz", "su", "com", "net", "org", "gov", "рус",
    "укр", // as written
    "ру", "кз", "уа", "уз", "су", "ком", "цом", "нет", "орг", // transliterated
];

/// What a web address starts with, as written and as transliterated.
const PREFIXES: &[&str] = &["https", "http", "www", "хттпс", "хттп", "ввв"];

/// Letters a word keeps beside a web prefix parted from it, at least
/// ("wwwТ-Банк": the "Т" of the brand), and beside a domain: two, so that
/// an abbreviation keeps its letters ("СБУcom" is no "С|БУ|com"). "Guru"
/// is read as "Gu ru" too, and claims nothing.
const KEPT_BY_PREFIX: usize = 1;
const KEPT_BY_DOMAIN: usize = 2;

/// Affixes folded, and the signatures of their two letters at the edge a
/// word is read from (the first two of a prefix, the last two of a
/// domain): a word whose own two edge letters share no bit with them
/// holds none of them, and is passed after two ANDs.
struct Affixes {
    looks: Vec<Vec<Look>>,
    edge: [u128; 2],
    /// Per affix, the signatures of its own two edge letters: an affix
    /// whose edge letters the word's do not meet is passed without
    /// comparing it.
    edges: Vec<[u128; 2]>,
    /// Per edge letter, per bit of a signature: the affixes (a bit each,
    /// in their order) whose edge letter has it.
    by_bit: [[u32; 128]; 2],
}

impl Affixes {
    fn of(words: &[&str], at_start: bool) -> Affixes {
        let looks: Vec<Vec<Look>> = words.iter().map(|w| fold(w).looks).collect();
        let edges: Vec<[u128; 2]> = looks
            .iter()
            .map(|affix| [0, 1].map(|k| edge_letter(affix, at_start, k).map_or(0, Look::signature)))
            .collect();
        let edge = edges
            .iter()
            .fold([0; 2], |all, own| [all[0] | own[0], all[1] | own[1]]);
        assert!(edges.len() <= 32, "an affix a bit of a u32");
        let mut by_bit = [[0u32; 128]; 2];
        for (a, own) in edges.iter().enumerate() {
            for (k, by_bit) in by_bit.iter_mut().enumerate() {
                for (bit, affixes) in by_bit.iter_mut().enumerate() {
                    if own[k] >> bit & 1 != 0 {
                        *affixes |= 1 << a;
                    }
                }
            }
        }
        Affixes {
            looks,
            edge,
            edges,
            by_bit,
        }
    }
}

/// The `k`-th letter of `word` from the edge it is read from.
fn edge_letter(word: &[Look], at_start: bool, k: usize) -> Option<Look> {
    let i = if at_start {
        k
    } else {
        word.len().checked_sub(k + 1)?
    };
    word.get(i).copied()
}

impl Affixes {
    /// Whether a word's two edge letters (their signatures, from the
    /// edge) meet those of some affix: else it holds none. (The affixes
    /// each edge letter meets, gathered from its bits that some affix's
    /// has, a few: the union of all the affixes' meets most words.)
    fn meet(&self, word_edge: [u128; 2]) -> bool {
        let met_at = |k: usize| {
            let mut bits = word_edge[k] & self.edge[k];
            let mut met = 0u32;
            while bits != 0 {
                met |= self.by_bit[k][bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
            met
        };
        let union = word_edge[0] & self.edge[0] != 0 && word_edge[1] & self.edge[1] != 0;
        union && met_at(0) & met_at(1) != 0
    }
}

fn domains() -> &'static Affixes {
    static DOMAIN_LOOKS: OnceLock<Affixes> = OnceLock::new();
    DOMAIN_LOOKS.get_or_init(|| Affixes::of(DOMAINS, false))
}

fn prefixes() -> &'static Affixes {
    static PREFIX_LOOKS: OnceLock<Affixes> = OnceLock::new();
    PREFIX_LOOKS.get_or_init(|| Affixes::of(PREFIXES, true))
}

/// The spelling with every domain that ends a word, and every web prefix
/// that starts one, a word of its own ("ЦБkz" → "ЦБ|kz", "wwwСБУcom" →
/// "www|СБУ|com"); `None` when there is none.
pub(super) fn domains_apart(spelling: &Folded) -> Option<Folded> {
    let looks = &spelling.looks;
    if !may_hold_affix(spelling) {
        return None;
    }
    // (Copied only when a word is parted: most spellings have no domain.)
    let mut starts: Option<Vec<bool>> = None;
    let mut part_at =
        |at: usize| starts.get_or_insert_with(|| spelling.word_start.clone())[at] = true;
    let mut start = 0;
    while start < looks.len() {
        let end = start + 1 + spelling.rest_of_word(start + 1);
        let word = &looks[start..end];
        let prefix = affix_len(word, prefixes(), true, KEPT_BY_PREFIX);
        if prefix > 0 {
            part_at(start + prefix);
        }
        // Domains one after the other, each a word ("КНБkzcom").
        let mut rest = end;
        loop {
            let domain = affix_len(
                &looks[start + prefix..rest],
                domains(),
                false,
                KEPT_BY_DOMAIN,
            );
            if domain == 0 {
                break;
            }
            rest -= domain;
            part_at(rest);
        }
        start = end;
    }
    starts
        .filter(|starts| *starts != spelling.word_start)
        .map(|starts| Folded {
            word_start: starts,
            ..spelling.clone()
        })
}

/// Whether a word of the spelling may start with a web prefix or end
/// with a domain: its two edge letters meet those of some affix
/// (`affix_len` compares only such an affix, and parts nothing where
/// there is none; a word of one letter has no second edge letter).
/// Only the word breaks are looked for, then each word's four edge
/// letters asked: most spellings have no word that may hold one.
fn may_hold_affix(spelling: &Folded) -> bool {
    let (looks, starts) = (&spelling.looks, &spelling.word_start);
    let (prefixes, domains) = (prefixes(), domains());
    let sig = |i: usize| looks[i].signature();
    // (A word starts at the first letter and at every break after it.)
    let mut start = 0;
    for end in (1..looks.len()).filter(|&i| starts[i]).chain([looks.len()]) {
        if end - start >= 2
            && (prefixes.meet([sig(start), sig(start + 1)])
                || domains.meet([sig(end - 1), sig(end - 2)]))
        {
            return true;
        }
        start = end;
    }
    false
}

/// Whether `letters` are a top-level domain ("kz" in "эс-бэ-уkz": a run
/// of letter names ends there, `letter_names.rs`).
pub(super) fn is_domain(letters: &[Look]) -> bool {
    domains().looks.iter().any(|d| same_look(d, letters))
}

/// The length of the first of `affixes` that starts (or ends) `word`
/// (the longest first: "https" is no "http" and an "s"), when it leaves
/// `kept` letters of it; 0 otherwise.
fn affix_len(word: &[Look], affixes: &Affixes, at_start: bool, kept: usize) -> usize {
    // (Every affix has two letters or more.)
    let edge_of = |k: usize| edge_letter(word, at_start, k).map_or(0, Look::signature);
    let word_edge = [edge_of(0), edge_of(1)];
    let may_hold = |edge: &[u128; 2]| word_edge[0] & edge[0] != 0 && word_edge[1] & edge[1] != 0;
    if !may_hold(&affixes.edge) {
        return 0;
    }
    let found = affixes
        .looks
        .iter()
        .zip(&affixes.edges)
        .find_map(|(affix, edge)| {
            let len = affix.len();
            (may_hold(edge) && word.len() >= len && {
                let part = if at_start {
                    &word[..len]
                } else {
                    &word[word.len() - len..]
                };
                same_look(part, affix)
            })
            .then_some(affix)
        });
    found
        .map(Vec::len)
        .filter(|&len| word.len() >= len + kept)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Option<usize> {
        domains_apart(&fold(text)).map(|f| f.words())
    }

    #[test]
    fn every_affix_has_the_two_edge_letters_it_is_filtered_by() {
        for affixes in [domains(), prefixes()] {
            assert!(affixes.looks.iter().all(|a| a.len() >= 2));
        }
    }

    #[test]
    fn affixes_met_by_bits_are_those_met_one_by_one() {
        let text = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 \
                    абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ \
                    ｒｕ 𝐤𝐳 ʙʜᴎΓΦπɸʍĸ";
        let signatures: Vec<u128> = fold(text).looks.iter().map(|l| l.signature()).collect();
        for affixes in [domains(), prefixes()] {
            for &a in &signatures {
                for &b in &signatures {
                    let one_by_one = affixes
                        .edges
                        .iter()
                        .any(|edge| a & edge[0] != 0 && b & edge[1] != 0);
                    assert_eq!(affixes.meet([a, b]), one_by_one);
                }
            }
        }
    }

    #[test]
    fn domains_and_prefixes_part_from_the_name() {
        for (text, n) in [
            ("sberbankru", 2),
            ("ЦБkz", 2),
            ("wwwсбуcom", 3),
            ("https://Центробанкарф", 3),
            ("Мама kaspikz 🌸", 3),
            ("приватбанкｒｕ", 2),
            ("СБУC0M", 2),
            ("wwwТ-Банк", 3),
            ("КНБkzcom", 3),
        ] {
            assert_eq!(words(text), Some(n), "{text}");
        }
        for text in ["ru", "Анна", "www", "https://", "com.ru", "Мама 🇷🇺", "Сru"] {
            assert_eq!(words(text), None, "{text}");
        }
    }
}
