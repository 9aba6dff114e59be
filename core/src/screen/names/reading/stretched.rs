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
//! is read as one letter and as two. A letter drawn out across separators
//! ("Сбе-е-е-ер", "Вади.и.им") is written whole before anything is read
//! (`drawn_out_joined`), and a digit held inside a word is a letter
//! (`fold.rs`): both are stretches then. Left as written: a word made of
//! nothing but one letter repeated ("ООО", the company form; "Ммм",
//! "www"), a word of digits ("5553535"), and a web address's "www"
//! starting a word ("wwwKaaaspi").

use super::super::class::Class;
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
    let has_three = |c: char| {
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
        ascii_three_alike(text.as_bytes())
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
    // (Each place's word, found in one pass each way: asked at every
    // stretch, a look back and forth would be quadratic in a long word of
    // many, "аааbаааb…".)
    let mut word_start = vec![0; chars.len()];
    for i in 1..chars.len() {
        word_start[i] = if chars[i - 1].is_alphanumeric() {
            word_start[i - 1]
        } else {
            i
        };
    }
    let mut word_end = vec![chars.len(); chars.len()];
    for i in (0..chars.len().saturating_sub(1)).rev() {
        word_end[i] = if chars[i + 1].is_alphanumeric() {
            word_end[i + 1]
        } else {
            i + 1
        };
    }
    let word_around = |at: usize| {
        let end = if chars[at].is_alphanumeric() {
            word_end[at]
        } else {
            at
        };
        (word_start[at], end)
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

/// The text with a letter drawn out across separators written whole: a
/// letter, then itself after one separator twice or more ("Вади.и.им",
/// "Sbe-e-erbank", "podderz~z~zhka"), the separators taken out: the
/// pieces of a drawn-out letter are no letters spelled out, nor a web
/// address's labels ("Вади.и.им" is no "И.И.М", "Тин.н.н.нькофф" no
/// address). Once after a separator is no stretch ("Инна Ааронова"), nor
/// letters spelled out one by one ("Б А А А Н К").
/// None when there is none (most texts: one pass, no copy).
pub(super) fn drawn_out_joined(text: &str) -> Option<String> {
    // (Alike as typed, in either case, or as look-alikes: "бан~н~ʜ~нк".)
    let alike = |a: char, b: char| {
        a.is_alpha() && (a == b || a.to_lowercase().eq(b.to_lowercase()) || looks_alike(a, b))
    };
    // (No space: "Банк-к-к клиентский" is a bank and a word.)
    let apart = |c: char| !c.is_alnum() && !c.is_whitespace();
    if !drawn_out_somewhere(text, alike, apart) {
        return None;
    }
    let mut chars: Vec<char> = text.chars().collect();
    let mut dropped = vec![false; chars.len()];
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j + 2 < chars.len() && apart(chars[j + 1]) && alike(chars[i], chars[j + 2]) {
            j += 2;
        }
        if j - i >= 4 {
            changed |= read_drawn_out(&mut chars, &mut dropped, i, j);
        }
        i = j.max(i + 1);
    }
    changed.then(|| {
        chars
            .iter()
            .zip(&dropped)
            .filter(|(_, &d)| !d)
            .map(|(c, _)| c)
            .collect()
    })
}

/// One letter drawn out from `first` to `last` (letters at every second
/// place, separators between), read by where it stands: inside a word, a
/// stretch, its first letter written again as typed ("Сбе-е-ербанк",
/// "Vadi-I-Im" is "Vadiiim", "Ultty-у-уq" "Ultttyyyq"); at a word's end an echo, at its start a stutter, the
/// word as it is ("МВД-Д-Д", "М-М-МВД" are "МВД"); letters spelled out one
/// by one stay as they are ("Б А А А Н К"). Whether it changed the text.
fn read_drawn_out(chars: &mut [char], dropped: &mut [bool], first: usize, last: usize) -> bool {
    // (A letter of a word may be a symbol: "М⭕н-н-н⭕банк".)
    let in_word = |c: &char| !c.is_whitespace() && !c.is_ascii_punctuation();
    let before = first > 0 && in_word(&chars[first - 1]);
    let after = chars.get(last + 1).is_some_and(in_word);
    match (before, after) {
        (true, true) => {
            for k in (first + 1..last).step_by(2) {
                dropped[k] = true;
                chars[k + 1] = chars[first];
            }
        }
        (true, false) => dropped[first + 1..=last].fill(true),
        (false, true) => dropped[first..last].fill(true),
        (false, false) => return false,
    }
    true
}

/// Whether some letter stands between two separators with one alike on
/// each side ("x.x.x"). One pass over the bytes: a byte that may start a
/// separator (any but a letter's or digit's first byte in ASCII, and the
/// first bytes of the blocks with punctuation, marks and symbols) is
/// looked at closer only when the one before was such a byte, a
/// character away: in most names, never.
fn drawn_out_somewhere(
    text: &str,
    alike: impl Fn(char, char) -> bool,
    apart: impl Fn(char) -> bool,
) -> bool {
    let bytes = text.as_bytes();
    let char_at = |i: usize| text[i..].chars().next();
    let width = |lead: u8| match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut before: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        // (An ASCII byte the table passes is a separator; another may
        // start a letter, "ʜ", or a space.)
        if !MAY_START_SEPARATOR[usize::from(b)] || !b.is_ascii() && !char_at(i).is_some_and(&apart)
        {
            continue;
        }
        if let Some(j) = before {
            let between = j + width(bytes[j]);
            let one_char = between < i && between + width(bytes[between]) == i;
            let found = one_char
                && text[..j].chars().next_back().is_some_and(|x| {
                    let (y, z) = (char_at(between), char_at(i + width(b)));
                    matches!((y, z), (Some(y), Some(z)) if alike(x, y) && alike(y, z))
                });
            if found {
                return true;
            }
        }
        before = Some(i);
    }
    false
}

/// Per byte, whether it may start a separator: in ASCII any but a letter,
/// a digit or a space; else the first byte of any character but the Cyrillic
/// letters U+0400–U+047F (0xD0, 0xD1: the bytes of a Cyrillic name).
/// Continuation bytes (0x80–0xBF) start nothing.
const MAY_START_SEPARATOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = match byte {
            0..=0x7F => !byte.is_ascii_alphanumeric() && !byte.is_ascii_whitespace(),
            0x80..=0xBF | 0xD0 | 0xD1 => false,
            _ => true,
        };
        b += 1;
    }
    table
};

/// Whether two letters share a look ("н" and "ʜ", "e" and "е").
fn looks_alike(a: char, b: char) -> bool {
    matches!((one_look(a), one_look(b)), (Some(a), Some(b)) if a.meets(b))
}

/// Whether an ASCII text has `STRETCH` characters in a row alike as
/// typed, the last a letter: where the run `stretched_texts` counts
/// reaches `STRETCH`. (Each byte with the two after it, three slices side
/// by side; every three looked at, none skipped: the look is vectorized.)
fn ascii_three_alike(bytes: &[u8]) -> bool {
    if bytes.len() < STRETCH {
        return false;
    }
    let n = bytes.len() - (STRETCH - 1);
    let (first, second, third) = (&bytes[..n], &bytes[1..][..n], &bytes[2..][..n]);
    (0..n).fold(false, |seen, i| {
        let [a, b, c] = [first[i], second[i], third[i]].map(|t| t.to_ascii_lowercase());
        seen | (a == b) & (b == c) & third[i].is_ascii_alphabetic()
    })
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
            // A digit held inside a word (`fold.rs`, `digit_run`).
            ("П000лиция", "Полиция"),
            ("Центр0000банк", "Центробанк"),
        ] {
            assert!(reads_as(stretched, word), "{stretched}");
        }
    }

    #[test]
    fn a_letter_drawn_out_across_separators_is_written_whole() {
        for (drawn, whole) in [
            // Inside a word: a stretch, in its first letter's case.
            ("Вади.и.им", "Вадииим"),
            ("Сбе-е-е-ербанк", "Сбеееербанк"),
            ("podderz~Z~zhka", "podderzzzhka"),
            ("Тин.н.н.нькофф", "Тиннннькофф"),
            ("Центробан.н.ʜ.нка", "Центробаннннка"),
            ("Vadi-I-Im", "Vadiiim"),
            // An echo at a word's end, a stutter at its start.
            ("МВД-Д-Д РФ", "МВД РФ"),
            ("Ура-а-а", "Ура"),
            ("М-М-МВД", "МВД"),
            ("Ц·ц·цБ России", "цБ России"),
        ] {
            assert_eq!(drawn_out_joined(drawn).as_deref(), Some(whole), "{drawn}");
        }
        // Once after a separator, or two separators, or digits: as it is.
        for text in [
            "Инна Ааронова",
            "В. В. Петров",
            "8-8-8",
            "Анна-а",
            "a.b.c",
            "Б А А А Н К",
            "Банк к к клиентский отдел",
        ] {
            assert_eq!(drawn_out_joined(text), None, "{text}");
        }
    }

    /// `drawn_out_somewhere` as its doc says it, one character at a time.
    fn drawn_out_by_chars(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let alike = |a: char, b: char| {
            a.is_alpha() && (a == b || a.to_lowercase().eq(b.to_lowercase()) || looks_alike(a, b))
        };
        let apart = |c: char| !c.is_alnum() && !c.is_whitespace();
        chars
            .windows(5)
            .any(|w| apart(w[1]) && apart(w[3]) && alike(w[0], w[2]) && alike(w[2], w[4]))
    }

    #[test]
    fn the_byte_look_for_a_drawn_out_letter_misses_none() {
        // Every character that is no letter, digit or space starts with a
        // byte the look stops at.
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_alnum() && !c.is_whitespace())
        {
            let mut utf8 = [0; 4];
            let first = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(MAY_START_SEPARATOR[usize::from(first)], "{c:?}");
        }
        let alphabet: Vec<char> = "еЕeЕнʜHnаa ‐-.~·«\u{301}\u{336}🌸1ъь".chars().collect();
        let mut random = crate::testing::Xorshift::new(0x2026_12D4);
        for _ in 0..50_000 {
            let text = random.text(&alphabet, 12);
            let by_bytes = drawn_out_joined(&text).is_some() || {
                // (Found, but spelled out: nothing joined.)
                let alike = |a: char, b: char| {
                    a.is_alpha()
                        && (a == b || a.to_lowercase().eq(b.to_lowercase()) || looks_alike(a, b))
                };
                drawn_out_somewhere(&text, alike, |c: char| !c.is_alnum() && !c.is_whitespace())
            };
            assert_eq!(by_bytes, drawn_out_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn three_alike_in_ascii_bytes_are_a_run_of_three() {
        // The run of one letter as typed, counted character by character
        // as `stretched_texts` counts it in a text that is not ASCII.
        let by_run = |text: &str| {
            let mut run = 0;
            let mut before = '\0';
            text.chars().any(|c| {
                run = if run > 0 && before.eq_ignore_ascii_case(&c) {
                    run + 1
                } else {
                    1
                };
                before = c;
                run >= STRETCH && c.is_alphabetic()
            })
        };
        let alphabet: Vec<char> = "aAbB1 .-'".chars().collect();
        let mut random = crate::testing::Xorshift::new(0x2026_1207);
        for _ in 0..50_000 {
            let text = random.text(&alphabet, 8);
            assert_eq!(
                ascii_three_alike(text.as_bytes()),
                by_run(&text),
                "{text:?}"
            );
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
