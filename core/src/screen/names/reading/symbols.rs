//! Symbols, emoji and soft signs a name draws for a letter ("B@nk",
//! "P⭕lice", "Ьank"): the spellings with those letters.

use super::super::class::Class;
use super::super::fold::{bytes_where, chars_of, common_invisible, letter_drawn};
use super::ignorable;
use super::latin::latin_look;

/// Symbols that separate words ("sber@support.ru", "@handle"), but beside
/// letters may be the letter they look like ("B@nk", "Examp|e", "$ber",
/// "©бербанк", "€uropol"; emoji only between letters: "P⭕lice"): the
/// spelling with those letters.
pub(super) const SYMBOL_LETTERS: &[(char, char)] = &[('@', 'a'), ('|', 'l'), ('$', 's')];

/// Symbols and emoji drawn for a letter: a spelling of their own, as a
/// name may hold both ("М⭕н⭕банк@mail.ru": the "⭕" are letters, the "@"
/// is not).
pub(super) const DRAWN_LETTERS: &[(char, char)] = &[
    ('©', 'c'),
    ('¢', 'c'),
    ('€', 'e'),
    ('💲', 's'),
    ('⭕', 'o'),
    ('🔴', 'o'),
    ('○', 'o'),
    ('◯', 'o'),
    ('●', 'o'),
    ('⚪', 'o'),
    ('⚫', 'o'),
    ('🔵', 'o'),
    ('🟢', 'o'),
    ('🟠', 'o'),
    ('🟡', 'o'),
    ('🟣', 'o'),
    ('🟤', 'o'),
    ('🔘', 'o'),
    ('◎', 'o'),
    ('◉', 'o'),
];

/// Whether `c` is one of `DRAWN_LETTERS`.
pub(super) fn drawn_letter(c: char) -> bool {
    matches!(c, '©' | '¢' | '€' | '💲') || circle(c)
}

/// The first bytes, in UTF-8, of `DRAWN_LETTERS` (a test makes sure).
const DRAWN_LEAD_BYTES: [u8; 3] = [0xC2, 0xE2, 0xF0];

/// Whether a text has one of `DRAWN_LETTERS`: looked at only where a
/// character starts with one of their first bytes, so a text of letters
/// of any script is passed without decoding it.
fn has_drawn_letter(text: &str) -> bool {
    // (A first byte of UTF-8 is never inside a character: each one found
    // starts a character.)
    // (Blocks of bytes without such a first byte passed at once.)
    const LEAD: [u8; 3] = DRAWN_LEAD_BYTES;
    let lead = |b: u8| (b == LEAD[0]) | (b == LEAD[1]) | (b == LEAD[2]);
    bytes_where(text.as_bytes(), lead).any(|i| text[i..].chars().next().is_some_and(drawn_letter))
}

/// A circle drawn for an "o" (`DRAWN_LETTERS`).
fn circle(c: char) -> bool {
    matches!(
        c,
        '⭕' | '🔴'
            | '○'
            | '◯'
            | '●'
            | '⚪'
            | '⚫'
            | '🔵'
            | '🟢'
            | '🟠'
            | '🟡'
            | '🟣'
            | '🟤'
            | '🔘'
            | '◎'
            | '◉'
    )
}

/// Symbols of `SYMBOL_LETTERS` that are letters only between two letters.
pub(super) fn between_letters_only(symbol: char) -> bool {
    symbol == '@' || circle(symbol)
}

/// Symbols of `SYMBOL_LETTERS` that are letters only before one: after a
/// word they are a mark ("Каспи©").
pub(super) fn before_letters_only(symbol: char) -> bool {
    matches!(symbol, '©' | '¢' | '€')
}

/// As written, a symbol drawn for a letter inside a word ("Поли○ция",
/// "Олек©ій", "Сбе🔴р") is no word break: the word reads without it (a
/// decoration), and the drawn spelling reads it as the letter it draws.
pub(super) fn drawn_dropped(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_drawn_letter(text) {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let quiet = |c: char| c.is_mark() || ignorable(c) || common_invisible(c);
    let letter_beside = |k: usize, step: isize| {
        let mut j = k;
        loop {
            match j
                .checked_add_signed(step)
                .and_then(|n| chars.get(n).map(|&c| (n, c)))
            {
                Some((n, c)) if quiet(c) || drawn_letter(c) => j = n,
                Some((_, c)) => break c.is_alpha(),
                None => break false,
            }
        }
    };
    (0..chars.len())
        .filter(|&k| !(drawn_letter(chars[k]) && letter_beside(k, -1) && letter_beside(k, 1)))
        .map(|k| chars[k])
        .collect::<String>()
        .into()
}

pub(super) fn symbols_as_letters(text: &str) -> Option<String> {
    symbols_read(text, SYMBOL_LETTERS)
}

pub(super) fn drawn_letters(text: &str) -> Option<String> {
    symbols_read(text, DRAWN_LETTERS)
}

/// Characters between letters spelled out one by one, at most.
const MAX_SEPARATOR: usize = 3;

pub(super) fn symbols_read(text: &str, symbols: &[(char, char)]) -> Option<String> {
    let chars: Vec<char> = chars_of(text);
    let quiet = |c: char| c.is_mark() || ignorable(c) || common_invisible(c);
    // A letter, a digit (it may be a letter: "Examp|3 Bank"), a symbol
    // the fold reads as a letter ("Tin⒦⭕ff", "∩") or another symbol drawn
    // for a letter ("Р⭕©сии").
    let letter_like = |c: char| {
        c.is_alpha() || c.is_ascii_digit() || letter_drawn(c).is_some() || drawn_letter(c)
    };
    // One space is skipped too: a fraudster spaces the stroke out ("examp
    // | e"). Not for a symbol drawn for a letter: "ФСБ© утечка" is a mark.
    let spaced = |i: usize| !DRAWN_LETTERS.iter().any(|(symbol, _)| *symbol == chars[i]);
    let letter_before = |i: usize| {
        let mut before = chars[..i].iter().rev().filter(|c| !quiet(**c)).peekable();
        if spaced(i) {
            before.next_if(|c| **c == ' ');
        }
        before.next().is_some_and(|c| letter_like(*c))
    };
    let letter_after = |i: usize| {
        let mut after = chars[i + 1..].iter().filter(|c| !quiet(**c)).peekable();
        if spaced(i) {
            after.next_if(|c| **c == ' ');
        }
        after.next().is_some_and(|c| letter_like(*c))
    };
    // Or, for a symbol drawn for a letter, among letters spelled out one
    // by one: a separator, then a letter alone ("Ф.©.Б.", "Ф ©  Б"): the
    // reader spells it with them.
    let spelled_beside = |i: usize, step: isize| {
        let mut side = std::iter::successors(Some(i), |&j| j.checked_add_signed(step))
            .skip(1)
            .map_while(|j| chars.get(j).copied())
            .filter(|&c| !quiet(c));
        // (A separator of up to three characters: ".", ". ", " · ".)
        let mut separators = 0;
        let letter = loop {
            match side.next() {
                Some(c) if !letter_like(c) && separators < MAX_SEPARATOR => separators += 1,
                next => break next,
            }
        };
        separators > 0 && letter.is_some_and(letter_like) && !side.next().is_some_and(letter_like)
    };
    // Beside a group symbol ('-', '|', '<', '>') it is part of a
    // multi-letter group ("|-|"), read by its own spelling.
    let in_group = |i: usize| {
        let group_symbol = |c: Option<&char>| {
            c.is_some_and(|c| matches!(c, '-' | '|' | '<' | '>' | '{' | '}' | '\\' | '/'))
        };
        group_symbol(i.checked_sub(1).and_then(|j| chars.get(j))) || group_symbol(chars.get(i + 1))
    };
    let letter_of = |i: usize| {
        symbols
            .iter()
            .find(|(symbol, _)| *symbol == chars[i])
            .filter(|(symbol, _)| {
                // '@' between letters only ("B@nk", not "@handle"); '|' and
                // '$' beside a letter ("Examp |e", "$ber").
                let spelled_before = spelled_beside(i, -1);
                let spelled_after = spelled_beside(i, 1);
                let spelled = spelled_before || spelled_after;
                let beside = if between_letters_only(*symbol) {
                    letter_before(i) && letter_after(i) || spelled
                } else if before_letters_only(*symbol) {
                    letter_after(i) || spelled_after
                } else {
                    letter_before(i) || letter_after(i) || spelled
                };
                // (Among letters spelled out, a group symbol beside it is
                // their separator: "Ф|©|Б|".)
                beside && (!in_group(i) || !spaced(i) && spelled)
            })
            .map(|(_, letter)| *letter)
    };
    if !(0..chars.len()).any(|i| letter_of(i).is_some()) {
        return None;
    }
    Some(
        (0..chars.len())
            .map(|i| letter_of(i).unwrap_or(chars[i]))
            .collect(),
    )
}

/// A "Ь" or "ь" that does not stand between two Cyrillic letters is a
/// look-alike of "b" ("Ьank", "GazpromЬank", "F.S.Ь."): the spelling with
/// "b" for it. Between Cyrillic letters it is a soft sign, which every
/// spelling drops.
pub(super) fn soft_sign_as_b(text: &str) -> Option<String> {
    // (Each soft sign is read where it stands, the text around it looked
    // at from there: no vector of the text's characters, and a text with
    // no soft sign is passed at once.)
    // (A text without an ASCII letter has no word with a Latin letter:
    // looked at once, the first time a soft sign asks, not at each.)
    let latin = std::cell::OnceCell::new();
    let ascii_letters = || {
        *latin.get_or_init(|| {
            text.as_bytes().iter().fold(false, |seen, &b| {
                seen | ((b | 0x20).wrapping_sub(b'a') < 26)
            })
        })
    };
    let reads_b = |at: usize| soft_sign_reads_b(text, at, &ascii_letters);
    let first = soft_signs(text).find(|&at| reads_b(at))?;
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in soft_signs(text).filter(|&at| at >= first) {
        if at == first || reads_b(at) {
            out.push_str(&text[copied..at]);
            out.push(if text[at..].starts_with('ь') {
                'b'
            } else {
                'B'
            });
            copied = at + SOFT_SIGN_BYTES;
        }
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The length in UTF-8 of "ь" and "Ь".
const SOFT_SIGN_BYTES: usize = 2;

/// Where the soft signs of a text start, in bytes: "Ь" is 0xD0 0xAC in
/// UTF-8, "ь" 0xD1 0x8C, and a first byte is never inside a character, so
/// the text is looked at without decoding it.
fn soft_signs(text: &str) -> impl Iterator<Item = usize> + '_ {
    // (Found by their second bytes, rarer in Cyrillic text than the first.)
    // (Blocks of bytes without such a second byte passed at once.)
    let bytes = text.as_bytes();
    bytes_where(bytes, |b| (b == 0x8C) | (b == 0xAC))
        .filter(|&at| at > 0)
        .map(|at| at - 1)
        .filter(move |&at| matches!(bytes[at..at + 2], [0xD0, 0xAC] | [0xD1, 0x8C]))
}

/// Whether the soft sign at byte `at` reads as a "b" (`soft_sign_as_b`);
/// `ascii_letters`: whether the text has an ASCII letter at all.
fn soft_sign_reads_b(text: &str, at: usize, ascii_letters: &dyn Fn() -> bool) -> bool {
    let (before, after) = (&text[..at], &text[at + SOFT_SIGN_BYTES..]);
    let small = text[at..].starts_with('ь');
    let (prev, next) = (before.chars().next_back(), after.chars().next());
    let cyrillic =
        |c: Option<char>| c.is_some_and(|c| c.is_alpha() && ('\u{400}'..='\u{52F}').contains(&c));
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_alnum());
    let lower = |c: Option<char>| c.is_some_and(|c| c.is_lower());
    let upper = |c: Option<char>| c.is_some_and(|c| c.is_upper());
    // The letters of its word before it (nearest first) and after it.
    let word_before = || before.chars().rev().take_while(|c| c.is_alnum());
    let word_after = || after.chars().take_while(|c| c.is_alnum());
    // In a word with Latin letters ("ЕЬАnκ") it is a "b" too: letters
    // that look like no Cyrillic one ("n"; an "a" in "Центрaльный" is a
    // look-alike, the word is still Cyrillic).
    // ("I", "i": the Ukrainian and Kazakh "І", "і".)
    const LOOK_CYRILLIC: &str = "AaBCcEeHIiKMOoPpTXxYy";
    let latin = |c: char| c.is_ascii_alphabetic() && !LOOK_CYRILLIC.as_bytes().contains(&(c as u8));
    let latin_in_word = || ascii_letters() && (word_before().any(latin) || word_after().any(latin));
    // In a word whose every other letter looks like a Latin one ("ЕЬаΝк"),
    // it is a "b" too: two letters or more, all of them.
    let looks_latin_word = || {
        let mut letters = 0;
        let all = word_before()
            .chain(word_after())
            .filter(|c| c.is_alpha())
            .all(|c| {
                letters += 1;
                c.is_ascii() || latin_look(c).is_some()
            });
        all && letters >= 2
    };
    // A small soft sign standing alone after Cyrillic letters is one
    // of them spelled out ("П е р м ь"), not a "b" ("ь a N K").
    let after_cyrillic = || {
        before
            .chars()
            .rev()
            .find(|c| c.is_alpha())
            .is_some_and(|c| ('\u{400}'..='\u{52F}').contains(&c))
    };
    if small && !alnum(prev) && !alnum(next) && after_cyrillic() {
        return false;
    }
    // A small one ending a small word of four letters or more is a
    // soft sign ("Ьезопасность"), unless the word is Latin; ending a
    // shorter one, or a capital one ending a word of capitals, it is
    // the last letter of an abbreviation drawn as "Ь" ("псь", "ВТЬ",
    // "УФСЬ", "ПоддержкаВТЬ"; "ГОСТЬ" as written still reads).
    let letters_before = || {
        before
            .chars()
            .rev()
            .take_while(|c| c.is_alnum() && c.is_lower())
            .count()
    };
    let word_end = cyrillic(prev) && !alnum(next);
    if word_end && small && letters_before() >= 3 && !latin_in_word() {
        return false;
    }
    // A capital one that ends a word of capitals where a new word
    // starts ("ВТЬОнлайн"): an abbreviation's "Б" too.
    if !small && upper(prev) && upper(next) && lower(after.chars().nth(1)) {
        return true;
    }
    // A capital soft sign inside a small word ("ExamplеЬаnк") is a "B".
    let capital_inside = !small && lower(prev) && lower(next);
    !(cyrillic(prev) && cyrillic(next))
        || capital_inside
        || latin_in_word()
        || !small && looks_latin_word()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Xorshift;

    /// The soft signs read over a vector of the text's characters, as they
    /// were: what `soft_sign_as_b` must still say.
    fn soft_sign_as_b_by_chars(text: &str) -> Option<String> {
        if !text.contains(['ь', 'Ь']) {
            return None;
        }
        let chars: Vec<char> = chars_of(text);
        let cyrillic = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alpha() && ('\u{400}'..='\u{52F}').contains(c))
        };
        let lower = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_lower());
        // In a word with Latin letters ("ЕЬАnκ") it is a "b" too: letters
        // that look like no Cyrillic one ("n"; an "a" in "Центрaльный" is a
        // look-alike, the word is still Cyrillic).
        // ("I", "i": the Ukrainian and Kazakh "І", "і".)
        const LOOK_CYRILLIC: &str = "AaBCcEeHIiKMOoPpTXxYy";
        let latin =
            |c: &char| c.is_ascii_alphabetic() && !LOOK_CYRILLIC.as_bytes().contains(&(*c as u8));
        let latin_in_word = |i: usize| {
            let word = |c: &&char| c.is_alnum();
            chars[..i].iter().rev().take_while(word).any(latin)
                || chars[i + 1..].iter().take_while(word).any(latin)
        };
        // In a word whose every other letter looks like a Latin one ("ЕЬаΝк"),
        // it is a "b" too.
        let looks_latin_word = |i: usize| {
            let word = |c: &&char| c.is_alnum();
            let letters: Vec<char> = chars[..i]
                .iter()
                .rev()
                .take_while(word)
                .chain(chars[i + 1..].iter().take_while(word))
                .copied()
                .filter(|c| c.is_alpha())
                .collect();
            letters.len() >= 2
                && letters
                    .iter()
                    .all(|&c| c.is_ascii() || latin_look(c).is_some())
        };
        let as_b = |i: usize| {
            let (before, after) = (i.checked_sub(1), Some(i + 1));
            // A small soft sign standing alone after Cyrillic letters is one
            // of them spelled out ("П е р м ь"), not a "b" ("ь a N K").
            let alnum =
                |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_alnum());
            let after_cyrillic = chars[..i]
                .iter()
                .rev()
                .find(|c| c.is_alpha())
                .is_some_and(|c| ('\u{400}'..='\u{52F}').contains(c));
            if chars[i] == 'ь' && !alnum(before) && !alnum(after) && after_cyrillic {
                return false;
            }
            // A small one ending a small word of four letters or more is a
            // soft sign ("Ьезопасность"), unless the word is Latin; ending a
            // shorter one, or a capital one ending a word of capitals, it is
            // the last letter of an abbreviation drawn as "Ь" ("псь", "ВТЬ",
            // "УФСЬ", "ПоддержкаВТЬ"; "ГОСТЬ" as written still reads).
            let letters_before = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alnum() && c.is_lower())
                .count();
            let word_end = cyrillic(before) && !alnum(after);
            let soft_end = chars[i] == 'ь' && letters_before >= 3;
            if word_end && soft_end && !latin_in_word(i) {
                return false;
            }
            // A capital one that ends a word of capitals where a new word
            // starts ("ВТЬОнлайн"): an abbreviation's "Б" too.
            let upper = |j: usize| chars.get(j).is_some_and(|c| c.is_upper());
            if chars[i] == 'Ь' && upper(i.wrapping_sub(1)) && upper(i + 1) && lower(Some(i + 2)) {
                return true;
            }
            // A capital soft sign inside a small word ("ExamplеЬаnк") is a "B".
            let capital_inside = chars[i] == 'Ь' && lower(before) && lower(after);
            !(cyrillic(before) && cyrillic(after))
                || capital_inside
                || latin_in_word(i)
                || chars[i] == 'Ь' && looks_latin_word(i)
        };
        if !(0..chars.len()).any(|i| matches!(chars[i], 'ь' | 'Ь') && as_b(i)) {
            return None;
        }
        let mut changed = false;
        let out: String = (0..chars.len())
            .map(|i| match chars[i] {
                'ь' if as_b(i) => {
                    changed = true;
                    'b'
                }
                'Ь' if as_b(i) => {
                    changed = true;
                    'B'
                }
                c => c,
            })
            .collect();
        changed.then_some(out)
    }

    #[test]
    fn soft_signs_read_in_place_as_over_characters() {
        for text in [
            "Ьank",
            "GazpromЬank",
            "F.S.Ь.",
            "Подмосковье",
            "П е р м ь",
            "ь a N K",
            "Ьезопасность",
            "псь ВТЬ УФСЬ ПоддержкаВТЬ ГОСТЬ",
            "ВТЬОнлайн",
            "ExamplеЬаnк",
            "ЕЬАnκ Центрaльный ЕЬаΝк",
            "Ь@nk|-|0 Sluzhba bEZ0pasn0sti I|-|Ь III bI",
            "ьЬ",
            "",
        ] {
            assert_eq!(
                soft_sign_as_b(text),
                soft_sign_as_b_by_chars(text),
                "{text}"
            );
        }
        let alphabet: Vec<char> = "ьЬьЬaAnNеЕкКΝ1 .-".chars().collect();
        let mut random = Xorshift::new(0x2026_1207);
        for _ in 0..50_000 {
            let text = random.text(&alphabet, 12);
            assert_eq!(
                soft_sign_as_b(&text),
                soft_sign_as_b_by_chars(&text),
                "{text}"
            );
        }
    }

    #[test]
    fn the_quick_checks_name_the_tables_symbols() {
        for &(symbol, letter) in DRAWN_LETTERS {
            assert!(drawn_letter(symbol), "{symbol}");
            assert_eq!(circle(symbol), letter == 'o', "{symbol}");
        }
        for c in ['a', '@', '$', '|', '§', '°'] {
            assert!(!drawn_letter(c), "{c}");
        }
        // Every character `drawn_letter` passes starts with one of the
        // bytes `has_drawn_letter` looks for, and is one of the table's.
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| drawn_letter(c))
        {
            let mut utf8 = [0; 4];
            let first = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(DRAWN_LEAD_BYTES.contains(&first), "{c}");
            assert!(DRAWN_LETTERS.iter().any(|(symbol, _)| *symbol == c), "{c}");
            assert!(has_drawn_letter(&format!("Ан{c}na")), "{c}");
        }
        assert!(!has_drawn_letter("Анна Сергеевна 🌸 § - ° ¤ x"));
    }
}
