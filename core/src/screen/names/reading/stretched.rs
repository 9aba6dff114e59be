//! Letters stretched: "Сбееееербанк", "Служба безопаааасности",
//! "Полиииция", "Sluuuzhba". A reader reads the word through the repeated
//! letter; no word of the lexicon has a letter three times running.
//!
//! Read twice:
//! - on each folded spelling (`stretches_read`), so a stretch in any
//!   dress is one: look-alikes of both scripts ("Сбeеe", "ВʙВВ", "Ба4аа"),
//!   symbols and groups read as letters ("Го⭕осуслуги", "Н|-|Н"), boxed
//!   and spelled-out letters, Latin letters read as sounds ("Россsсии");
//! - on the texts before they are transliterated (`stretched_texts`): a
//!   stretch inside a Latin group must go before the group is read
//!   ("Sluzzzhba" is "Sluzhba", "Служба").
//!
//! A stretch may be of a double letter ("Россссия", "Тинькоффф"), so each
//! is read as one letter and as two. Left as written: a word made of
//! nothing but one letter repeated ("ООО", the company form; "Ммм",
//! "www"), a word of digits ("5553535"), and a web address's "www"
//! starting a word ("wwwKaaaspi").

use super::super::fold::{one_look, Folded, Look};
use super::groups::{group_at_start, may_start_group};

/// A run of letters: where it starts, how many.
type Run = (usize, usize);

/// Letters in a row that make a stretch: two are a spelling ("Анна",
/// "Россия", "касса").
const STRETCH: usize = 3;

/// Stretches of a spelling read each way on their own, at most: past it,
/// all of them once and all of them twice.
const EACH_WAY: usize = 3;

/// The spelling with its stretches read through, each way; empty when it
/// has none.
pub(super) fn stretches_read(spelling: &Folded) -> Vec<Folded> {
    let looks = &spelling.looks;
    if !may_stretch(spelling) {
        return Vec::new();
    }
    let word_around = |at: usize| {
        let start = (0..=at)
            .rev()
            .find(|&s| spelling.word_start[s])
            .unwrap_or(0);
        (start, at + 1 + spelling.rest_of_word(at + 1))
    };
    let runs = Runs {
        len: looks.len(),
        look: |i: usize| Some(looks[i]),
        continues: |i: usize| !spelling.word_start[i],
        word_around,
        digits: |start: usize, end: usize| looks[start..end].iter().all(|l| l.reads_as_digit()),
        www: |i: usize| web_letters().contains(&looks[i]),
    };
    let stretches = runs.find();
    ways(stretches.len(), EACH_WAY)
        .into_iter()
        .map(|keep| {
            let mut out = Folded {
                looks: Vec::with_capacity(looks.len()),
                word_start: Vec::with_capacity(looks.len()),
                soft_after: Vec::with_capacity(looks.len()),
                ..spelling.clone()
            };
            for (from, to) in kept(looks.len(), &stretches, &keep) {
                out.looks.extend_from_slice(&looks[from..to]);
                out.word_start
                    .extend_from_slice(&spelling.word_start[from..to]);
                out.soft_after
                    .extend_from_slice(&spelling.soft_after[from..to]);
            }
            out
        })
        .collect()
}

/// Whether three letters in a row inside a word share a reading two by
/// two: a stretch's letters meet the one before and the first (`Runs::
/// find`), and letters that meet share a bit of their signatures. Most
/// spellings have no such three: passed after a look at the signatures,
/// without looking for runs.
fn may_stretch(spelling: &Folded) -> bool {
    let (looks, starts) = (&spelling.looks, &spelling.word_start);
    (2..looks.len()).any(|i| {
        let [a, b, c] = [i - 2, i - 1, i].map(|k| looks[k].signature());
        !starts[i - 1] && !starts[i] && a & b != 0 && b & c != 0 && a & c != 0
    })
}

/// The text with its stretches read through, all once and all twice (it
/// takes the text's place among those transliterated, where room is
/// short); empty when it has none (most texts: one pass).
pub(super) fn stretched_texts(text: &str) -> Vec<String> {
    // (A stretch of one letter as typed, "Sluuuzhba"; other
    // stretches are read on the spellings. Most texts have no letter
    // three times in a row.)
    let same = |a: char, b: char| a.eq_ignore_ascii_case(&b);
    // (One pass, counting the run of one letter as typed under way: three
    // alike end it. Letters alike are letters alike: whether the run's
    // first is a letter is whether its last is.)
    let mut run = 0;
    let mut before = '\0';
    let mut has_three = |c: char| {
        run = if run > 0 && same(before, c) {
            run + 1
        } else {
            1
        };
        before = c;
        run >= STRETCH && c.is_alphabetic()
    };
    // (A text in ASCII, most Latin ones, by its bytes.)
    let stretched = if text.is_ascii() {
        text.bytes().any(|b| has_three(char::from(b)))
    } else {
        text.chars().any(has_three)
    };
    if !stretched {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    // (Three strokes that draw a letter are that letter, not a stretch:
    // "моIIIенничество" is read by `groups.rs`; "Pollllice" is a
    // stretch.)
    let starts_group = |i: usize| {
        may_start_group(chars[i]) && {
            let rest: String = chars[i..].iter().take(8).collect();
            group_at_start(&rest).is_some()
        }
    };
    let word_around = |at: usize| {
        let start = (0..at)
            .rev()
            .find(|&i| !chars[i].is_alphanumeric())
            .map_or(0, |i| i + 1);
        let end = (at..chars.len())
            .find(|&i| !chars[i].is_alphanumeric())
            .unwrap_or(chars.len());
        (start, end)
    };
    let runs = Runs {
        len: chars.len(),
        // (A character of no letter's look ends a stretch.)
        look: |i: usize| {
            chars[i]
                .is_alphanumeric()
                .then(|| one_look(chars[i]))
                .flatten()
        },
        // (Of one letter as typed: look-alikes mixed are read on the
        // spellings.)
        continues: |i: usize| same(chars[i], chars[i - 1]),
        word_around,
        digits: |start: usize, end: usize| chars[start..end].iter().all(|c| c.is_numeric()),
        www: |i: usize| matches!(chars[i], 'w' | 'W' | 'в' | 'В'),
    };
    let mut stretches = runs.find();
    stretches.retain(|&(at, run)| !(run == STRETCH && starts_group(at)));
    // (A "www" alone is no stretch: the text stays as it is.)
    if stretches.is_empty() {
        return Vec::new();
    }
    ways(stretches.len(), 0)
        .into_iter()
        .map(|keep| {
            kept(chars.len(), &stretches, &keep)
                .flat_map(|(from, to)| chars[from..to].iter())
                .collect()
        })
        .collect()
}

/// What finding stretches asks of a spelling or a text, by place.
struct Runs<L, C, W, D, P> {
    len: usize,
    /// The letter's look, if it is one.
    look: L,
    /// Whether the word goes on at a place.
    continues: C,
    /// The word a place is in: (start, end).
    word_around: W,
    /// Whether the letters from start to end are all digits.
    digits: D,
    /// Whether the letter is a "w" of "www".
    www: P,
}

impl<L, C, W, D, P> Runs<L, C, W, D, P>
where
    L: Fn(usize) -> Option<Look>,
    C: Fn(usize) -> bool,
    W: Fn(usize) -> (usize, usize),
    D: Fn(usize, usize) -> bool,
    P: Fn(usize) -> bool,
{
    /// The stretches, each inside a word with other letters, not of
    /// digits, nor a web address's "www".
    fn find(&self) -> Vec<Run> {
        let mut stretches = Vec::new();
        let mut at = 0;
        while at + STRETCH <= self.len {
            let Some(first) = (self.look)(at) else {
                at += 1;
                continue;
            };
            // (A letter of the stretch meets the one before it and the
            // first: "ВʙВВ", "Ба4аа", "еεеe" are stretches the eye reads
            // as one. Strokes meet each other: "Polllice" is a stretch of
            // four, read as "li" when twice.)
            let mut before = first;
            let mut run = 1;
            while at + run < self.len && (self.continues)(at + run) {
                match (self.look)(at + run) {
                    Some(look) if look.meets(before) && look.meets(first) => before = look,
                    _ => break,
                }
                run += 1;
            }
            if run < STRETCH {
                // (Look-alikes meet more than one letter: "e3ззз" is "e"
                // and a stretch from "3" on, not "e3" and "ззз".)
                at += 1;
                continue;
            }
            let (start, end) = (self.word_around)(at);
            if run < end - start && !(self.digits)(start, end) {
                let www = at == start && run == STRETCH && (at..at + run).all(|i| (self.www)(i));
                if !www {
                    stretches.push((at, run));
                }
            }
            at += run;
        }
        stretches
    }
}

/// Each reading of `n` stretches: as how many letters each is read.
/// (Per stretch, 1 or 2: each way for the first `each_way`, all alike
/// past them.)
fn ways(n: usize, each_way: usize) -> Vec<Vec<usize>> {
    match n {
        0 => Vec::new(),
        n if n <= each_way => (0..1usize << n)
            .map(|bits| (0..n).map(|k| 1 + (bits >> k & 1)).collect())
            .collect(),
        n => vec![vec![1; n], vec![2; n]],
    }
}

/// The places kept when run `k` is read as `keep[k]` letters: the run's
/// first (it may start the word in a capital) and its last (the one the
/// word goes on from).
fn kept<'a>(
    len: usize,
    runs: &'a [Run],
    keep: &'a [usize],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut copied = 0;
    runs.iter()
        .zip(keep)
        .flat_map(move |(&(start, run), &keep)| {
            let pieces = [(copied, start + 1), (start + run + 1 - keep, start + run)];
            copied = start + run;
            pieces
        })
        .chain(std::iter::once_with(move || {
            (runs.last().map_or(0, |r| r.0 + r.1), len)
        }))
}

/// The letters of "www", Latin and as transliterated ("ввв").
fn web_letters() -> &'static [Look; 2] {
    static LETTERS: std::sync::OnceLock<[Look; 2]> = std::sync::OnceLock::new();
    LETTERS.get_or_init(|| ["w", "в"].map(|l| super::super::fold::fold(l).looks[0]))
}

#[cfg(test)]
mod tests {
    use super::super::super::fold::{fold, same_look};
    use super::*;

    fn reads_as(stretched: &str, word: &str) -> bool {
        let want = fold(word);
        stretches_read(&fold(stretched))
            .iter()
            .any(|r| same_look(&r.looks, &want.looks) && r.word_start == want.word_start)
    }

    #[test]
    fn a_latin_stretch_is_read_before_a_transliteration() {
        for (stretched, word) in [
            ("Sluzzzhba", "Sluzhba"),
            ("Sberrrbank", "Sberbank"),
            ("wwwKaaaspiiikz", "wwwKaspikz"),
        ] {
            assert!(
                stretched_texts(stretched).iter().any(|t| t == word),
                "{stretched}"
            );
        }
        // (Letters twice, and look-alikes mixed, are read on the
        // spellings.)
        assert!(stretched_texts("Anna Сбеeеeрбанк").is_empty());
    }

    #[test]
    fn a_letter_stretched_inside_a_word_is_read_once_and_twice() {
        for (stretched, word) in [
            ("Сбееееербанк", "Сбербанк"),
            ("Служба безопаааасности", "Служба безопасности"),
            ("ПОЛИИИИЦИЯ", "ПОЛИЦИЯ"),
            ("Sberrrbank", "Sberbank"),
            ("Sluzzzhba", "Sluzhba"),
            ("Россссия", "Россия"),
            ("Тинькоффф", "Тинькофф"),
            ("Бааанк Россссии", "Банк России"),
            ("Служжжба безооопааасности", "Служба безопасности"),
            ("wwwKaaaspiiikz", "wwwKaspikz"),
            ("Polllice", "Police"),
            ("Ба4аанк", "Банк"),
        ] {
            assert!(reads_as(stretched, word), "{stretched}");
        }
    }

    #[test]
    fn spellings_words_of_one_letter_and_numbers_stay() {
        for text in [
            "Анна Россия касса",
            "ООО Ромашка",
            "Ммм",
            "www.example.com",
            "8 800 5553535",
        ] {
            assert!(stretches_read(&fold(text)).is_empty(), "{text}");
            assert!(stretched_texts(text).is_empty(), "{text}");
        }
    }
}
