//! Letters stretched: "Сбееееербанк", "Служба безопаааасности",
//! "Полиииция". A reader reads the word through the repeated letter, as
//! one letter; no word of the lexicon has a letter three times running.
//! Read on the folded spelling, so a stretch in any dress is one
//! ("Сбe\u{0435}е" with Latin and Cyrillic e's alike).
//!
//! A word made of nothing but one letter repeated ("ООО", the company
//! form; "Ммм", "www") is left as written: there is no word to read
//! through it. (Numbers are read from the text, `numbers.rs`: a spelling
//! where "5553535" reads "53535" changes no number.)

use super::super::fold::{fold, Folded, Look};
use std::sync::OnceLock;

/// A run of letters: where it starts, how many.
type Run = (usize, usize);

/// Letters in a row that make a stretch: two are a spelling ("Анна",
/// "Россия", "касса").
const STRETCH: usize = 3;

/// Stretches read each way on their own, at most: past it, all of them
/// once and all of them twice.
const EACH_WAY: usize = 2;

/// The spelling with its stretched letters read through: each once
/// ("Сбееееербанк"), and, since a stretch may be of a double letter
/// ("Россссия", "Тинькоффф"), twice — each way for the first two
/// stretches, all alike past them. A web address's "www" starting a word
/// is no stretch ("wwwKaaaspi"), except in one more reading where every
/// run is read once ("ВВВТБ"). Empty when it has none.
pub(super) fn stretches_read(spelling: &Folded) -> Vec<Folded> {
    let (stretches, prefixes) = stretches_in(spelling);
    // (Per stretch, 1 or 2 letters: each way for the first two.)
    let ways: Vec<Vec<usize>> = match stretches.len() {
        n if n <= EACH_WAY => (0..1usize << n)
            .map(|bits| (0..n).map(|k| 1 + (bits >> k & 1)).collect())
            .collect(),
        n => vec![vec![1; n], vec![2; n]],
    };
    let mut out: Vec<Folded> = Vec::new();
    if !stretches.is_empty() {
        out.extend(
            ways.iter()
                .map(|keep| read_through(spelling, &stretches, keep)),
        );
    }
    if !prefixes.is_empty() {
        let mut every: Vec<(usize, usize)> = stretches.iter().chain(&prefixes).copied().collect();
        every.sort_unstable();
        out.push(read_through(spelling, &every, &vec![1; every.len()]));
    }
    out
}

/// The stretches: (start, length), each inside a word that has other
/// letters too; and apart, the runs that are a web address's "www".
fn stretches_in(spelling: &Folded) -> (Vec<Run>, Vec<Run>) {
    let looks = &spelling.looks;
    let (mut stretches, mut prefixes) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at + STRETCH <= looks.len() {
        // (A letter of the stretch meets the one before it and the
        // first: "ВʙВВ", "Ба4аа", "еεеe" are stretches the eye reads as
        // one. Strokes meet each other: "Polllice" is a stretch of four,
        // read as "li" when twice.)
        let run = 1
            + (at + 1..looks.len())
                .take_while(|&j| {
                    !spelling.word_start[j]
                        && looks[j].meets(looks[j - 1])
                        && looks[j].meets(looks[at])
                })
                .count();
        let (start, end) = word_around(spelling, at);
        if run >= STRETCH && run < end - start {
            let prefix = at == start && run == STRETCH && web_letters().contains(&looks[at]);
            if prefix {
                &mut prefixes
            } else {
                &mut stretches
            }
            .push((at, run));
            at += run;
        } else {
            // (Look-alikes meet more than one letter: "e3ззз" is "e" and
            // a stretch from "3" on, not "e3" and "ззз".)
            at += 1;
        }
    }
    (stretches, prefixes)
}

/// The letters of "www", Latin and as transliterated ("ввв").
fn web_letters() -> &'static [Look; 2] {
    static LETTERS: OnceLock<[Look; 2]> = OnceLock::new();
    LETTERS.get_or_init(|| ["w", "в"].map(|l| fold(l).looks[0]))
}

/// The spelling with stretch `k` read as `keep[k]` letters.
fn read_through(spelling: &Folded, stretches: &[(usize, usize)], keep: &[usize]) -> Folded {
    let looks = &spelling.looks;
    let mut out = Folded {
        looks: Vec::with_capacity(looks.len()),
        word_start: Vec::with_capacity(looks.len()),
        soft_after: Vec::with_capacity(looks.len()),
        ..spelling.clone()
    };
    let mut copy = |from: usize, to: usize| {
        out.looks.extend_from_slice(&looks[from..to]);
        out.word_start
            .extend_from_slice(&spelling.word_start[from..to]);
        out.soft_after
            .extend_from_slice(&spelling.soft_after[from..to]);
    };
    let mut copied = 0;
    for (&(start, run), &keep) in stretches.iter().zip(keep) {
        // (The letters kept are the stretch's last: the first may start
        // the word, the last carries what followed it.)
        copy(copied, start + 1);
        copy(start + run - (keep - 1), start + run);
        copied = start + run;
    }
    copy(copied, looks.len());
    out
}

/// The word `at` is in: (start, end).
fn word_around(spelling: &Folded, at: usize) -> (usize, usize) {
    let start = (0..=at)
        .rev()
        .find(|&s| spelling.word_start[s])
        .unwrap_or(0);
    (start, at + 1 + spelling.rest_of_word(at + 1))
}

#[cfg(test)]
mod tests {
    use super::super::super::fold::{fold, same_look};
    use super::*;

    fn read(text: &str) -> Vec<Folded> {
        stretches_read(&fold(text))
    }

    fn reads_as(stretched: &str, word: &str) -> bool {
        let want = fold(word);
        read(stretched)
            .iter()
            .any(|r| same_look(&r.looks, &want.looks) && r.word_start == want.word_start)
    }

    #[test]
    fn a_letter_stretched_inside_a_word_is_read_once() {
        for (stretched, word) in [
            ("Сбееееербанк", "Сбербанк"),
            ("Служба безопаааасности", "Служба безопасности"),
            ("ПОЛИИИИЦИЯ", "полиция"),
            ("Sberrrbank", "Sberbank"),
            ("Россссия", "Россия"),
            ("Тинькоффф", "Тинькофф"),
            ("Бааанк Россссии", "Банк России"),
            ("Служжжба безооопааасности", "Служба безопасности"),
            ("wwwKaaaspiiikz", "wwwKaspikz"),
            ("ВВВТБ", "ВТБ"),
        ] {
            assert!(reads_as(stretched, word), "{stretched}");
        }
    }

    #[test]
    fn spellings_and_words_of_one_letter_stay() {
        for text in [
            "Анна Россия касса",
            "ООО Ромашка",
            "Ммм",
            "www.example.com",
            "8 800 555",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }
}
