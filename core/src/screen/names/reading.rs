//! The one reading of a display name: what a person sees, in every form a
//! rule compares.
//!
//! A name is folded (`fold.rs`: display order, look-alikes of any script
//! and case, invisible characters gone, words split at every non-letter,
//! one-letter runs joined) in up to three spellings:
//! 1. as written;
//! 2. with multi-letter look-alikes read as the letter they imitate
//!    ("rn" → "m", "cl" → "d", "III" → "Ш", "bI" → "ы", "|-|" → "Н");
//! 3. with its Latin letters transliterated to Cyrillic, accepting the
//!    schemes people use (GOST 7.79, ICAO 9303, BGN/PCGN and the informal
//!    ones: "sch"/"shch", "ts"/"c"/"cz", "zh"/"j", "kh"/"h"/"x",
//!    "y"/"j"/"i", "ya"/"ja"/"ia"): "Sluzhba bezopasnosti" reads as
//!    "Служба безопасности", "Primer Bank" as "Пример Банк".
//!
//! A rule claims when any spelling claims. Spellings 2 and 3 exist only
//! when the name has something to re-read.

use super::class::{decomposed, Class};
use super::fold::{
    capped, common_invisible, display_order, fold, fold_with, latin_reading, letter_drawn, Folded,
    UNKNOWN_LETTER,
};

/// Format and other invisible characters inside a word (zero-width
/// characters, soft hyphens, variation selectors, tags).
fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E01EF}'
    )
}

/// A name's spellings, folded; the first is the name as written.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub spellings: Vec<Folded>,
    /// The spellings from this index on are transliterations of Latin
    /// letters: there a short Latin word is no Cyrillic abbreviation
    /// ("Con" is no "ЦОН", "Nabu" no "НАБУ").
    pub transliterated_from: usize,
    /// The name is a person's, written with initials ("Доржиев Ц.Б.",
    /// "Ц. Б. Доржиев"): its one word, folded. Initials are a person's,
    /// not an abbreviation ("Ц.Б." is no "ЦБ"), unless the word itself is
    /// a word of the lexicon ("Ц.Б. России"): `authority.rs` decides.
    pub surname_with_initials: Option<Folded>,
}

impl Reading {
    pub fn is_empty(&self) -> bool {
        self.spellings.iter().all(Folded::is_empty)
    }
}

/// Reads a display name.
pub fn read(name: &str) -> Reading {
    // Re-spelt in the order the screen shows it (bidi overrides applied).
    // Re-spelt within a budget of characters (invisible ones dropped
    // first): the fold reads 256 visible ones at most, and re-spelling a
    // longer text costs without changing what is read.
    let shown: String = display_order(capped(name))
        .into_iter()
        .filter(|&c| !common_invisible(c) && !c.is_mark())
        .take(MAX_RESPELT_CHARS)
        .collect();
    // Each re-reading applies to the name and to every re-reading before
    // it: "Examp|e Ьank" needs both '|' as 'l' and 'Ь' as 'b'.
    let mut all: Vec<String> = vec![shown.clone()];
    for (respell, worth) in RESPELLINGS {
        if !all.iter().any(|t| worth(t)) {
            continue;
        }
        // Only as many as there is room for: the rest would be dropped.
        let room = MAX_SPELLINGS.saturating_sub(all.len());
        let more: Vec<String> = all.iter().filter_map(|t| respell(t)).take(room).collect();
        all.extend(more);
    }
    let texts: Vec<String> = all.split_off(1);
    let as_written = groups_unknown(&shown);
    let respelt: Vec<String> = if has_latin(&shown) || texts.iter().any(|t| has_latin(t)) {
        std::iter::once(&*as_written)
            .chain(texts.iter().map(String::as_str))
            .flat_map(transliterated)
            .take(MAX_SPELLINGS)
            .collect()
    } else {
        Vec::new()
    };
    let mut spellings = Vec::with_capacity(2 + 2 * texts.len() + respelt.len());
    // As written, a group of symbols that imitates a letter ("|-|") is one
    // letter the reader cannot make out, not a gap between two words
    // ("Ми|-|ск" is no "Ми ск").
    push_spellings(&mut spellings, &as_written);
    // So in every re-spelling that leaves such a group ("Examp|e" read,
    // "БАН|-||\\|КОВА" kept: no "БАН К").
    for text in texts.iter().take(MAX_SPELLINGS) {
        push_spellings(&mut spellings, &groups_unknown(text));
    }
    // Latin letters inside Cyrillic words as sounds ("ФSБ"), in the name
    // as written and re-spelt ("беzопас|-|оsти"): abbreviations are read
    // there, the words are Cyrillic.
    let mut sounded: Vec<String> = Vec::new();
    for text in std::iter::once(&*as_written).chain(texts.iter().map(String::as_str)) {
        for sounds in mixed_as_sounds(text) {
            if sounded.len() < MAX_SOUNDED && !sounded.contains(&sounds) {
                sounded.push(sounds);
            }
        }
    }
    for text in &sounded {
        push_spellings(&mut spellings, text);
    }
    // Transliterated letters keep no case worth reading: a capital made
    // from "CbIH" is no word break.
    let transliterated_from = spellings.len();
    for text in respelt.iter().take(MAX_SPELLINGS) {
        spellings.push(fold_with(text, false));
    }
    Reading {
        spellings,
        transliterated_from,
        surname_with_initials: surname_with_initials(&shown).map(fold),
    }
}

/// A word written as a surname: a capital, small letters (or all
/// capitals), and one of the endings surnames of the region have
/// (Russian, Ukrainian, Kazakh, Georgian, Armenian, and their Latin
/// spellings).
fn surname(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ов",
        "ев",
        "ёв",
        "ова",
        "ева",
        "ёва",
        "ин",
        "ина",
        "ын",
        "ына",
        "ых",
        "их",
        "ко",
        "ский",
        "ская",
        "цкий",
        "цкая",
        "енко",
        "ук",
        "юк",
        "ич",
        "ян",
        "янц",
        "швили",
        "дзе",
        "ұлы",
        "қызы",
        "улы",
        "кызы",
        "ov",
        "ev",
        "ova",
        "eva",
        "ina",
        "sky",
        "skiy",
        "skaya",
        "enko",
        "yan",
    ];
    // In title case or in capitals ("ДОРЖИЕВ Ц.Б.").
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(|c| c.is_upper());
    let rest: Vec<char> = chars.collect();
    let cased = rest.iter().all(|c| c.is_lower()) || rest.iter().all(|c| c.is_upper());
    let small = word.to_lowercase();
    capital && rest.len() >= 2 && cased && ENDINGS.iter().any(|e| small.ends_with(e))
}

/// The surname of a name that is a surname and two initials, a capital
/// and a dot each, before or after it: "Доржиев Ц.Б.", "Ц. Б. Доржиев",
/// "Доржиев Ц.Б". (Three initials are no person's name in the region:
/// "Иванов Ф.С.Б." stays an abbreviation; nor is a word without a
/// surname's ending: "Москва Ц.Б." is the Bank of Russia's office.)
fn surname_with_initials(shown: &str) -> Option<&str> {
    if !shown.contains('.') {
        return None;
    }
    // Decorations around the words ("★ Доржиев Ц.Б. 🌸") are no words.
    let tokens: Vec<&str> = shown
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alpha() && c != '.'))
        .filter(|t| t.chars().any(|c| c.is_alpha()))
        .collect();
    let initials = |tokens: &[&str]| {
        let chars: Vec<char> = tokens.iter().flat_map(|t| t.chars()).collect();
        // The last dot may be missing ("Иванов И.И").
        matches!(chars[..], [a, '.', b] | [a, '.', b, '.'] if a.is_upper() && b.is_upper())
    };
    let word = |t: &str| t.trim_end_matches('.').split('-').all(surname);
    let (first, rest) = tokens.split_first()?;
    let (last, before) = tokens.split_last()?;
    if tokens.len() > 3 {
        None
    } else if word(first) && initials(rest) {
        Some(first.trim_end_matches('.'))
    } else if word(last) && initials(before) {
        Some(last.trim_end_matches('.'))
    } else {
        None
    }
}

/// A word that mixes Cyrillic and Latin letters reads its Latin letters
/// as sounds: "ФSБ", "МVД", "ПоLиция", "Sбер", "Тинkoff", "Prokuraтура"
/// are what a reader of either alphabet reads. Two readings, as the eye
/// may take a Latin letter that looks like a Cyrillic one for either:
/// 1. only the letters that look like no Cyrillic one are sounds
///    ("ПrOKyρaтYrа": the "r"s);
/// 2. every Latin letter is a sound ("Kасpi", "Интерpol"), but one that
///    stands alone among Cyrillic letters and looks like one of them
///    ("CБ" stays "СБ", not "ЦБ"; "Интерpол" is "Интеррол").
///
/// Letters spelled out one by one are joined first ("С Б U"); a
/// multi-letter look-alike ("bI") is no sound; a sound letter takes the
/// case of a small letter before it ("ПоLиция" is no "По|Лиция"). (The
/// transliterated spellings read a word mostly in Latin whole, its
/// Cyrillic letters as Latin look-alikes: "Prokuraтура" there is
/// "Prokuramypa".)
fn mixed_as_sounds(text: &str) -> Vec<String> {
    let cyrillic = |c: char| ('\u{400}'..='\u{52F}').contains(&c) && c.is_alpha();
    // Most names are in one script: nothing to read. (Styled Latin
    // letters, "𝐒", are seen below, made plain.)
    let latin_drawn = |c: char| reads_as_latin(c) || matches!(c, 'Ѕ' | 'ѕ' | 'ԁ' | 'Ј' | 'ј');
    if !(text.chars().any(cyrillic) && text.chars().any(latin_drawn)) {
        return Vec::new();
    }
    // Letters made plain ("Ｓ", "𝐒"), marks gone, spelled-out ones joined.
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        // Cyrillic letters drawn as Latin ones that look like no Cyrillic
        // letter ("Ѕбер": the Macedonian "Ѕ" is an "S").
        let c = match c {
            'Ѕ' => 'S',
            'ѕ' => 's',
            'ԁ' => 'd',
            'Ј' => 'J',
            'ј' => 'j',
            c => c,
        };
        if c.is_ascii() || !c.is_alnum() {
            plain.push(c);
        } else {
            let parts = decomposed(c);
            let mut letters = parts.iter().copied().filter(|d| !d.is_mark()).peekable();
            match (letters.next(), letters.peek()) {
                (Some(d), None) if d.is_ascii_alphanumeric() => plain.push(d),
                _ => plain.push(c),
            }
        }
    }
    let plain = join_spelled_out(&plain);
    let mut chars: Vec<char> = plain.chars().collect();
    // The Latin letters of mixed words, whether each looks like a
    // Cyrillic letter, and whether it stands alone among Cyrillic ones.
    const LOOK_CYRILLIC: &str = "AaBCcEeHKMOoPpTXxYy";
    let mut latin = vec![false; chars.len()];
    let mut look_alike = vec![false; chars.len()];
    let mut alone = vec![false; chars.len()];
    // Parts of multi-letter look-alikes made of strokes ("bI", "III"):
    // read by their own spelling. ("rn", "cl", "vv" are letters too.)
    let mut in_group = vec![false; chars.len()];
    for (k, (at, c)) in plain.char_indices().enumerate() {
        if may_start_group(c) {
            let group = group_at_start(&plain[at..]);
            if let Some((len, _)) = group.filter(|(_, to)| !matches!(*to, "m" | "d" | "w" | "W")) {
                let parts = plain[at..at + len].chars().count();
                in_group[k..k + parts].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    let in_word = |c: char| c.is_alnum() || apostrophe(c);
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && in_word(chars[i]) {
            i += 1;
        }
        let word = start..i;
        let has_latin = chars[word.clone()].iter().any(char::is_ascii_alphabetic);
        if has_latin && chars[word.clone()].iter().any(|&c| cyrillic(c)) {
            for k in word.clone() {
                latin[k] = chars[k].is_ascii_alphabetic() && !in_group[k];
                alone[k] = !(k > start && chars[k - 1].is_ascii_alphabetic()
                    || k + 1 < i && chars[k + 1].is_ascii_alphabetic());
                look_alike[k] = LOOK_CYRILLIC.contains(chars[k]);
                if latin[k] && k > start && chars[k - 1].is_lower() {
                    chars[k] = chars[k].to_ascii_lowercase();
                }
            }
        }
        i = i.max(start + 1);
    }
    let mut out: Vec<String> = Vec::new();
    // 1. the letters that look like no Cyrillic one; 2. all but those
    // that do and stand alone.
    for in_runs in [false, true] {
        let sound = |k: usize| latin[k] && !(look_alike[k] && (alone[k] || !in_runs));
        if !(0..chars.len()).any(sound) {
            continue;
        }
        let mut text = String::with_capacity(plain.len() * 2);
        let mut i = 0;
        while i < chars.len() {
            let read = if sound(i) {
                Read::AsSound
            } else {
                Read::AsWritten
            };
            i += transliterate_at(&chars, i, read, Latin::J_IS_Y, &mut text);
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// Whether a text may have Latin letters, styled or not: only then is it
/// transliterated.
fn has_latin(text: &str) -> bool {
    text.chars().any(reads_as_latin)
}

/// A Latin letter in any dress (accented, fullwidth, circled, styled), or
/// a Greek or phonetic letter that passes for one. Cyrillic letters and
/// emoji (flags included) are none, at a glance.
fn reads_as_latin(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        0x370..=0x3FF | 0x1D00..=0x1FFF => true,
        0x400..=0x52F | 0x1F300..=0x1FAFF => false,
        _ => decomposed(c).iter().any(|d| d.is_ascii_alphabetic()),
    }
}

/// The re-spellings, each with a quick look whether it can change a text
/// at all, so that most names skip the work.
type Respell = (fn(&str) -> Option<String>, fn(&str) -> bool);

const RESPELLINGS: [Respell; 5] = [
    (multi_letter, |t| {
        t.chars().any(|c| may_start_group(c) || c as u32 >= 0xFF00)
    }),
    // The groups that draw a Latin letter unlike their Cyrillic one
    // ("Ba|\\|k": N, "B/\\NK": A), in a Latin word.
    (multi_letter_latin, |t| t.contains(['\\', '＼'])),
    (symbols_as_letters, |t| {
        t.contains(['@', '|', '$', '＠', '｜', '＄'])
    }),
    (drawn_letters, |t| t.chars().any(drawn_letter)),
    (soft_sign_as_b, |t| t.contains(['ь', 'Ь'])),
];

/// Characters of a name that are re-spelt (after invisible ones are gone).
const MAX_RESPELT_CHARS: usize = 1024;

/// Texts re-spelt per name, at most: bounded work whatever the name.
const MAX_SPELLINGS: usize = 12;

/// Texts with the Latin letters of mixed words as sounds, at most.
const MAX_SOUNDED: usize = 8;

/// A text folded, and folded without the word breaks case and script make
/// when they differ: a name in random case ("ОтдЕЛ мОшенНиЧеСтва",
/// "ЬANKSUррORT") reads as if case said nothing.
fn push_spellings(spellings: &mut Vec<Folded>, text: &str) {
    let folded = fold(text);
    let split = folded.case_split || folded.words() > 1 && text.chars().any(|c| c.is_upper());
    // Where case made no break at all, the fold without case breaks is
    // this one: nothing to compare.
    let case_broke = folded.case_split || folded.case_parts_spelled;
    spellings.push(folded);
    if split && case_broke {
        let plain = fold_with(text, false);
        if plain.words() != spellings.last().map_or(0, Folded::words) {
            spellings.push(plain);
        }
    }
}

/// Symbols that separate words ("sber@support.ru", "@handle"), but beside
/// letters may be the letter they look like ("B@nk", "Examp|e", "$ber",
/// "©бербанк", "€uropol"; emoji only between letters: "P⭕lice"): the
/// spelling with those letters.
const SYMBOL_LETTERS: &[(char, char)] = &[('@', 'a'), ('|', 'l'), ('$', 's')];

/// Symbols and emoji drawn for a letter: a spelling of their own, as a
/// name may hold both ("М⭕н⭕банк@mail.ru": the "⭕" are letters, the "@"
/// is not).
const DRAWN_LETTERS: &[(char, char)] = &[
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
];

/// Whether `c` is one of `DRAWN_LETTERS`.
fn drawn_letter(c: char) -> bool {
    matches!(
        c,
        '©' | '¢' | '€' | '💲' | '⭕' | '🔴' | '○' | '◯' | '●' | '⚪' | '⚫' | '🔵'
    )
}

/// Symbols of `SYMBOL_LETTERS` that are letters only between two letters.
fn between_letters_only(symbol: char) -> bool {
    matches!(
        symbol,
        '@' | '⭕' | '🔴' | '○' | '◯' | '●' | '⚪' | '⚫' | '🔵'
    )
}

/// Symbols of `SYMBOL_LETTERS` that are letters only before one: after a
/// word they are a mark ("Каспи©").
fn before_letters_only(symbol: char) -> bool {
    matches!(symbol, '©' | '¢' | '€')
}

fn symbols_as_letters(text: &str) -> Option<String> {
    symbols_read(text, SYMBOL_LETTERS)
}

fn drawn_letters(text: &str) -> Option<String> {
    symbols_read(text, DRAWN_LETTERS)
}

fn symbols_read(text: &str, symbols: &[(char, char)]) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let quiet = |c: char| c.is_mark() || ignorable(c) || common_invisible(c);
    // A letter, a digit (it may be a letter: "Examp|3 Bank") or another
    // symbol drawn for a letter ("Р⭕©сии").
    let letter_like = |c: char| c.is_alpha() || c.is_ascii_digit() || c == '∩' || drawn_letter(c);
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
                let beside = if between_letters_only(*symbol) {
                    letter_before(i) && letter_after(i)
                } else if before_letters_only(*symbol) {
                    letter_after(i)
                } else {
                    letter_before(i) || letter_after(i)
                };
                beside && !in_group(i)
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
fn soft_sign_as_b(text: &str) -> Option<String> {
    if !text.contains(['ь', 'Ь']) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let cyrillic = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_alpha() && ('\u{400}'..='\u{52F}').contains(c))
    };
    let lower = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_lower());
    // In a word with Latin letters ("ЕЬАnκ") it is a "b" too.
    let latin_in_word = |i: usize| {
        let word = |c: &&char| c.is_alnum();
        chars[..i]
            .iter()
            .rev()
            .take_while(word)
            .any(char::is_ascii_alphabetic)
            || chars[i + 1..]
                .iter()
                .take_while(word)
                .any(char::is_ascii_alphabetic)
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
        let alnum = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_alnum());
        let after_cyrillic = chars[..i]
            .iter()
            .rev()
            .find(|c| c.is_alpha())
            .is_some_and(|c| ('\u{400}'..='\u{52F}').contains(c));
        if chars[i] == 'ь' && !alnum(before) && !alnum(after) && after_cyrillic {
            return false;
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

/// The text with every multi-letter group made of symbols ("|-|", ">|<")
/// as one unknown letter.
fn groups_unknown(text: &str) -> std::borrow::Cow<'_, str> {
    static SYMBOL_GROUPS: std::sync::OnceLock<Vec<(&str, &str)>> = std::sync::OnceLock::new();
    let symbol_groups = SYMBOL_GROUPS.get_or_init(|| {
        MULTI_LETTER
            .iter()
            .filter(|(from, _)| from.chars().any(|c| !c.is_alnum()))
            .copied()
            .collect()
    });
    // Only a group's own first character starts it: the symbol groups
    // read no look-alike classes (`part_matches`).
    let found = |rest: &str| {
        rest.chars()
            .next()
            .filter(|&c| SYMBOL_GROUP_STARTS.contains(&c))
            .and_then(|_| first_group(rest, symbol_groups.iter().copied()))
            .map(|(len, _)| len)
    };
    let Some(first) = text
        .char_indices()
        .find(|&(i, c)| SYMBOL_GROUP_STARTS.contains(&c) && found(&text[i..]).is_some())
        .map(|(i, _)| i)
    else {
        return text.into();
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        match found(rest) {
            Some(len) => {
                out.push(UNKNOWN_LETTER);
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out.into()
}

/// The first characters of the groups made of symbols (`MULTI_LETTER`).
const SYMBOL_GROUP_STARTS: [char; 7] = ['|', 'I', '>', '}', '/', '(', '['];

/// Groups a fraudster also spells out with the rest of the name, one
/// separator between their parts ("| - |", "|+-+|", "b I"): those with a
/// symbol or a capital I. ("c l" is two letters, not "d".)
fn spells_out(group: &str) -> bool {
    group.chars().any(|c| !c.is_alnum() || c == 'I')
}

/// Whether a group can start with `c`: most characters of most names
/// cannot, and are passed at once.
fn may_start_group(c: char) -> bool {
    // The first parts of the groups, and what stands for them.
    matches!(
        c,
        '|' | 'I'
            | '>'
            | '}'
            | '/'
            | '('
            | '['
            | 'J'
            | 'L'
            | 'Ь'
            | 'Ъ'
            | 'b'
            | 'ь'
            | 'r'
            | 'c'
            | 'с'
            | 'v'
            | 'V'
            | '@'
            | '$'
            | 'l'
            | 'і'
            | 'І'
            | '1'
            | 'ı'
            | 'Ӏ'
    )
}

/// Whether `c` stands for a group's `part`: in "bI" and "III", an 'I' is
/// any upright stroke but '|', which makes groups of its own ("b1", "ЬІ",
/// "IlI"), a 'b' any soft-sign shape ("Ьı"). In "IO" the 'I' is an 'I'
/// ("і0" is "і" and a zero).
fn part_matches(c: char, part: char, group: &str) -> bool {
    let classes = matches!(group, "bI" | "III" | "JI");
    c == part
        || classes
            && match part {
                'I' => {
                    matches!(c, 'I' | 'l' | 'і' | 'І' | 'ı' | 'Ӏ' | '丨')
                        || c == '1' && matches!(group, "bI" | "JI")
                }
                'b' => matches!(c, 'b' | 'Ь' | 'ь'),
                _ => false,
            }
}

/// The length in bytes of `group` at the start of `text`: its parts one
/// after the other, or (`spaced`), for a group a fraudster spells out
/// (`spells_out`), with one separator (a space or punctuation, not a part
/// of the group) between them.
fn parts_len(text: &str, group: &str, spaced: bool) -> Option<usize> {
    let mut len = 0;
    let mut rest = text;
    for (k, part) in group.chars().enumerate() {
        if k > 0 && spaced {
            let sep = rest.chars().next()?;
            // A stroke is a part of some group, never the space between
            // two parts ("//|\\/|" is no spaced "/\\").
            let stroke = matches!(
                sep,
                '|' | '/' | '\\' | '(' | ')' | '[' | ']' | '<' | '>' | '{' | '}'
            );
            if sep.is_alnum() || group.contains(sep) || stroke {
                return None;
            }
            len += sep.len_utf8();
            rest = &rest[sep.len_utf8()..];
        }
        let c = rest.chars().next()?;
        if !part_matches(c, part, group) {
            return None;
        }
        len += c.len_utf8();
        rest = &rest[c.len_utf8()..];
    }
    Some(len)
}

/// Letter groups that imitate one letter, and the letter a reader sees.
const MULTI_LETTER: &[(&str, &str)] = &[
    ("|\\/|", "М"),
    ("/\\/\\", "М"),
    ("|\\|", "И"),
    ("|/|", "И"),
    ("|||", "Ш"),
    ("|3", "В"),
    ("/\\", "Л"),
    ("JI", "Л"),
    ("()", "О"),
    ("[]", "О"),
    ("LLI", "Ш"),
    ("|-|", "Н"),
    ("I-I", "Н"),
    (">|<", "Ж"),
    ("}|{", "Ж"),
    ("III", "Ш"),
    ("lll", "ш"),
    ("Ill", "Ш"),
    ("ЬI", "Ы"),
    ("ЬІ", "Ы"),
    ("Ьl", "Ы"),
    ("ЪI", "Ы"),
    ("bI", "ы"),
    ("bl", "ы"),
    ("bı", "ы"),
    ("b1", "ы"),
    ("ьı", "ы"),
    ("bі", "ы"),
    ("ьі", "ы"),
    ("IO", "Ю"),
    ("I0", "Ю"),
    ("|0", "Ю"),
    ("rn", "m"),
    ("cl", "d"),
    ("сl", "d"),
    ("vv", "w"),
    ("VV", "W"),
];

/// The name with multi-letter look-alikes replaced, if it has any. A
/// capital-looking group after a small letter reads small ("Лео|-|ид" is
/// "Леонид", not "ЛеоНид", which would part the word).
fn multi_letter(name: &str) -> Option<String> {
    groups_read(name, false)
}

/// The same, the groups read as the Latin letters they draw: "|\\|" as N,
/// "/\\" as A, and "IO" as the letters it is ("PREVE|\\|TIO|\\|"). (The
/// other groups' Cyrillic letters look like Latin ones already: Н, М, В.)
fn multi_letter_latin(name: &str) -> Option<String> {
    groups_read(name, true)
}

fn groups_read(name: &str, latin: bool) -> Option<String> {
    // Fullwidth and styled forms as plain ones ("｜－｜"), invisible
    // characters and marks inside a group gone ("|\u{200C}-|").
    let plain: std::borrow::Cow<str> = if name.chars().all(|c| group_form(c) == Some(c)) {
        name.into()
    } else {
        name.chars()
            .filter_map(group_form)
            .collect::<String>()
            .into()
    };
    let name = &*plain;
    if !name
        .char_indices()
        .any(|(i, c)| may_start_group(c) && group_at_start(&name[i..]).is_some())
    {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        // A group spelled out with the rest ("| - |" in "Т И | - | Ь",
        // "|+-+|", "b I").
        let group = group_at_start(rest);
        match group {
            Some((len, to)) => {
                if latin && to == "Ю" {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
                let to = match to {
                    "И" if latin => "N",
                    "Л" if latin && rest.starts_with('/') => "A",
                    to => to,
                };
                // Small after a small letter (digits skipped): "и0|-||-|bIй"
                // is "и0нный"; at a word's start as written ("|-|БУ").
                let before_small = out
                    .chars()
                    .rev()
                    .find(|c| !c.is_ascii_digit())
                    .is_some_and(|c| c.is_lower());
                if before_small {
                    out.push_str(&to.to_lowercase());
                } else {
                    out.push_str(to);
                }
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Some(out)
}

/// A character as multi-letter groups read it: marks and invisible
/// characters gone (`None`), fullwidth and styled forms of ASCII as ASCII
/// ("｜－｜", "𝐛𝐈"), other letters as they are ('ϲ' is no 'ς'), "™" no
/// "TM". From a table for the first blocks.
fn group_form(c: char) -> Option<char> {
    const TABLE_END: u32 = 0x530;
    fn form(c: char) -> Option<char> {
        if c.is_mark() || ignorable(c) {
            return None;
        }
        if c.is_ascii() {
            return Some(c);
        }
        let parts = decomposed(c);
        let mut parts = parts.iter().copied().filter(|&d| !d.is_mark());
        Some(match (parts.next(), parts.next()) {
            (Some(d), None) if d.is_ascii() => d,
            _ => c,
        })
    }
    static TABLE: std::sync::OnceLock<Vec<Option<char>>> = std::sync::OnceLock::new();
    if c as u32 >= TABLE_END {
        return form(c);
    }
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).and_then(form))
            .collect()
    });
    table[c as usize]
}

/// The first multi-letter group at the start of `text`: its length in
/// bytes and the letter it reads as. Only the groups whose first part the
/// first character can be are tried.
fn group_at_start(text: &str) -> Option<(usize, &'static str)> {
    let c = text.chars().next()?;
    first_group(
        text,
        groups_from(c).iter().map(|&g| MULTI_LETTER[usize::from(g)]),
    )
}

/// The first of `groups` at the start of `text`, written tight before any
/// spelled out: "|-| |-|" is two "Н", not a spaced "|||".
fn first_group(
    text: &str,
    groups: impl Iterator<Item = (&'static str, &'static str)> + Clone,
) -> Option<(usize, &'static str)> {
    let tight = groups
        .clone()
        .find_map(|(from, to)| parts_len(text, from, false).map(|len| (len, to)));
    tight.or_else(|| {
        groups
            .filter(|(from, _)| spells_out(from))
            .find_map(|(from, to)| parts_len(text, from, true).map(|len| (len, to)))
    })
}

/// The groups of `MULTI_LETTER` whose first part `c` can be, in order.
fn groups_from(c: char) -> &'static [u8] {
    static BY_FIRST: std::sync::OnceLock<Vec<(char, Vec<u8>)>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first: Vec<(char, Vec<u8>)> = Vec::new();
        // Every character that is some group's first part: the parts
        // themselves and what `part_matches` lets stand for them.
        let candidates = MULTI_LETTER
            .iter()
            .flat_map(|(from, _)| from.chars())
            .chain("IlіІıӀ1bЬь".chars());
        for c in candidates {
            if by_first.iter().any(|(k, _)| *k == c) {
                continue;
            }
            let groups: Vec<u8> = (0..MULTI_LETTER.len() as u8)
                .filter(|&g| {
                    let from = MULTI_LETTER[usize::from(g)].0;
                    from.chars()
                        .next()
                        .is_some_and(|p| part_matches(c, p, from))
                })
                .collect();
            by_first.push((c, groups));
        }
        by_first
    });
    by_first
        .iter()
        .find(|(k, _)| *k == c)
        .map_or(&[], |(_, groups)| groups.as_slice())
}

/// How a lone "j" is read: "й" in GOST, "ж" in the informal scheme
/// ("Slujba").
/// Case is read as a word break ("komitet|Sledstvenny") unless the name
/// is in random case ("sLuzHba"), when it says nothing: both are tried.
/// "ts" is "ц" ("Tsentrobank"), or "тс" where two words are glued
/// ("komitetsledstvennyi"): both are tried.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Latin {
    j: &'static str,
    case_breaks: bool,
    ts_apart: bool,
}

impl Latin {
    const J_IS_Y: Latin = Latin {
        j: "й",
        case_breaks: true,
        ts_apart: false,
    };
    const J_IS_ZH: Latin = Latin {
        j: "ж",
        ..Latin::J_IS_Y
    };
    const ANY_CASE: Latin = Latin {
        case_breaks: false,
        ..Latin::J_IS_Y
    };
    const TS_APART: Latin = Latin {
        ts_apart: true,
        ..Latin::J_IS_Y
    };
}

/// The name's Latin letters in Cyrillic, in each reading of "j" the name
/// needs (none when it has no Latin letters).
fn transliterated(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The letters are made plain once for the three schemes.
    let Some(letters) = LatinLetters::of(name) else {
        return out;
    };
    // A scheme that can read no letter of the name differently from the
    // first gives the same text: skipped. "j" is read differently only
    // where there is one; case only where a small letter has a capital
    // within a group's length after it.
    let chars = &letters.chars;
    let has_j = chars.iter().any(|c| c.eq_ignore_ascii_case(&'j'));
    // (`group_at`: a group of two letters or more spelled out from a small
    // letter, with a capital among its other letters.)
    let case_may_break = (0..chars.len()).any(|i| {
        chars[i].is_ascii_lowercase()
            && groups_starting(chars[i]).iter().any(|&g| {
                let group = LATIN_TO_CYRILLIC[usize::from(g)].0;
                let rest = &chars[i + 1..chars.len().min(i + group.len())];
                rest.len() + 1 == group.len()
                    && rest.iter().any(char::is_ascii_uppercase)
                    && group[1..]
                        .chars()
                        .zip(rest)
                        .all(|(l, c)| c.to_ascii_lowercase() == l)
            })
    });
    let has_ts = chars
        .windows(2)
        .any(|w| w[0].eq_ignore_ascii_case(&'t') && w[1].eq_ignore_ascii_case(&'s'));
    for (latin, differs) in [
        (Latin::J_IS_Y, true),
        (Latin::J_IS_ZH, has_j),
        (Latin::ANY_CASE, case_may_break),
        (Latin::TS_APART, has_ts),
    ] {
        if !differs {
            continue;
        }
        let t = letters.read_as(latin);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Digits a Latin word shows for letters ("Kiberpolit5iia", "ro5sii").
fn latin_letter_of_digit(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'b',
        '8' => 'b',
        _ => return None,
    })
}

/// The Latin letter a letter of another script looks like, if any.
fn latin_look(c: char) -> Option<char> {
    use unicode_security::confusable_detection::skeleton;
    let mut buf = [0; 4];
    let mut proto = skeleton(c.encode_utf8(&mut buf));
    match (proto.next(), proto.next()) {
        (Some(p), None) if p.is_ascii_alphabetic() => Some(p),
        _ => match c {
            'Ь' | 'ь' => Some('b'),
            'ı' => Some('i'),
            c => latin_reading(c),
        },
    }
}

/// A word that mixes Latin letters with look-alikes of other scripts
/// ("Nαсional'niуЬаnk"): every letter whose look-alike is a Latin letter
/// becomes that letter, so the word transliterates whole.
fn latinized(word: &str, out: &mut String) {
    // Only a word that is mostly Latin: "АФАНАСЬЕВАaGMAIL" is Cyrillic.
    // Or one whose every letter looks like a Latin one ("Ьаnκ").
    let letters = word.chars().filter(|c| c.is_alpha()).count();
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let all_look_latin = || {
        word.chars()
            .filter(|c| c.is_alpha())
            .all(|c| c.is_ascii() || latin_look(c).is_some())
    };
    // (Not a word of two letters: "CБ" is an abbreviation in Cyrillic.)
    if latin == 0 || latin * 2 <= letters && !(letters >= 3 && all_look_latin()) {
        out.push_str(word);
        return;
    }
    out.extend(word.chars().map(|c| {
        if let Some(letter) = latin_letter_of_digit(c) {
            return letter;
        }
        if c.is_ascii() || !c.is_alpha() {
            return c;
        }
        latin_look(c).unwrap_or(c)
    }));
}

/// Latin letter groups and the Cyrillic letters they spell, longest first.
const LATIN_TO_CYRILLIC: &[(&str, &str)] = &[
    ("shch", "щ"),
    ("dzh", "дж"),
    ("dj", "дж"),
    ("sch", "щ"),
    ("shh", "щ"),
    ("tch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("tz", "ц"),
    ("cz", "ц"),
    ("ck", "к"),
    ("ph", "ф"),
    ("ya", "я"),
    ("ja", "я"),
    ("ia", "я"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("iu", "ю"),
    ("ye", "е"),
    ("je", "е"),
    ("yo", "е"),
    ("jo", "е"),
    ("a", "а"),
    ("b", "б"),
    ("c", "ц"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "х"),
    ("y", "ы"),
    ("z", "з"),
];

/// The groups of `LATIN_TO_CYRILLIC` that start with the letter `c` (in
/// either case), longest first: a letter is compared with its own groups
/// only.
fn groups_starting(c: char) -> &'static [u8] {
    static BY_LETTER: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    let by_letter = BY_LETTER.get_or_init(|| {
        (b'a'..=b'z')
            .map(|letter| {
                (0..LATIN_TO_CYRILLIC.len() as u8)
                    .filter(|&g| LATIN_TO_CYRILLIC[g as usize].0.as_bytes()[0] == letter)
                    .collect()
            })
            .collect()
    });
    let lower = c.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        &by_letter[(lower as u8 - b'a') as usize]
    } else {
        &[]
    }
}

/// "N a c z i o n a l n y j  b a n k", "M e n e d zh e r": letters
/// spelled out one by one (a transliteration's groups, "zh", "ch", "ya",
/// count as one) are one word to the reader; a gap unlike the usual one
/// ("  ", "_" among single spaces) parts words. Joined, the groups are
/// seen whole.
fn join_spelled_out(name: &str) -> String {
    let tokens = letter_tokens(name);
    // Letter tokens at even or odd positions, separators between them.
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < tokens.len() {
        let end = spelled_run_end(&tokens, i);
        if end == i {
            out.push_str(tokens[i].1);
        } else {
            join_run(&tokens[i..=end], &mut out);
        }
        i = end + 1;
    }
    out
}

/// The name as tokens: runs of letters (true), and runs of everything else.
fn letter_tokens(name: &str) -> Vec<(bool, &str)> {
    let is_letter = |c: char| c.is_alpha() || apostrophe(c) || latin_letter_of_digit(c).is_some();
    let mut tokens: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    // The kind of the token under way (of the character at `start`).
    let mut kind = false;
    for (i, c) in name.char_indices() {
        let letter = is_letter(c);
        if i == start {
            kind = letter;
        } else if letter != kind {
            tokens.push((kind, &name[start..i]));
            start = i;
            kind = letter;
        }
    }
    if start < name.len() {
        tokens.push((kind, &name[start..]));
    }
    tokens
}

/// A letter token that is one spelled-out letter: one letter, or a Latin
/// group that stands for one ("Sh", "Zh").
fn spelled(token: &str) -> bool {
    let t = token.trim_end_matches(apostrophe);
    let n = t.chars().count();
    n == 1
        || n <= 4
            && t.chars().next().is_some_and(|c| {
                groups_starting(c).iter().any(|&g| {
                    let l = LATIN_TO_CYRILLIC[usize::from(g)].0;
                    l.len() > 1 && t.eq_ignore_ascii_case(l)
                })
            })
}

/// Where a run of spelled letters that starts at `tokens[i]` ends
/// (spelled token, separator, spelled token, …); `i` when none starts there.
fn spelled_run_end(tokens: &[(bool, &str)], i: usize) -> usize {
    let (letters, text) = tokens[i];
    if !(letters && spelled(text)) {
        return i;
    }
    let mut end = i;
    while end + 2 < tokens.len()
        && !tokens[end + 1].0
        && tokens[end + 2].0
        && spelled(tokens[end + 2].1)
    {
        end += 2;
    }
    end
}

/// A run of spelled letters, joined: the usual gap between them goes, a
/// gap unlike it stays (a break between two spelled words).
fn join_run(run: &[(bool, &str)], out: &mut String) {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &(_, gap) in run.iter().skip(1).step_by(2) {
        *counts.entry(gap).or_default() += 1;
    }
    let usual = counts
        .into_iter()
        .max_by_key(|&(gap, n)| (n, std::cmp::Reverse(gap)))
        .map_or(" ", |(gap, _)| gap);
    for &(is_letters, t) in run {
        if is_letters || t != usual {
            out.push_str(t);
        }
    }
}

/// For each character: whether its word (letters, digits and apostrophes)
/// is written mostly in Latin letters.
fn latin_word_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].is_alnum() || apostrophe(chars[i])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_alnum() || apostrophe(chars[i])) {
            i += 1;
        }
        let letters = chars[start..i].iter().filter(|c| c.is_alpha()).count();
        let latin = chars[start..i]
            .iter()
            .filter(|c| c.is_ascii_alphabetic())
            .count();
        if latin * 2 > letters {
            mask[start..i].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

/// Apostrophes inside a transliterated word (BGN/PCGN's soft sign,
/// GOST's "y'"): dropped.
fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2019}' | '\u{02B9}' | '\u{02BC}')
}

/// The name with its Latin letters spelled in Cyrillic, if it has any.
/// Case is kept on a group's first letter, so word breaks by case
/// ("SluzhbaBezopasnosti") survive.
#[cfg(test)]
fn transliterated_as(name: &str, latin: Latin) -> Option<String> {
    LatinLetters::of(name).map(|letters| letters.read_as(latin))
}

/// A name's letters made plain (`latin_letters`) and which of them stand
/// in Latin words: what every transliteration scheme reads.
struct LatinLetters {
    chars: Vec<char>,
    latin_word: Vec<bool>,
}

impl LatinLetters {
    /// `None` when the name has no Latin letter to read.
    fn of(name: &str) -> Option<LatinLetters> {
        if !name
            .chars()
            .filter(|c| c.is_alnum())
            .any(|c| decomposed(c).iter().any(char::is_ascii_alphabetic))
        {
            return None;
        }
        let chars = latin_letters(name);
        // Only words written in Latin letters are transliterated: a Latin
        // letter in a Cyrillic word is a look-alike ("CБ" is "СБ", not
        // "ЦБ"), which the spelling as written reads.
        let latin_word = latin_word_mask(&chars);
        Some(LatinLetters { chars, latin_word })
    }

    fn read_as(&self, latin: Latin) -> String {
        let mut out = String::with_capacity(self.chars.len() * 2);
        let mut i = 0;
        while i < self.chars.len() {
            let read = if self.latin_word[i] {
                Read::InLatinWord
            } else {
                Read::AsWritten
            };
            i += transliterate_at(&self.chars, i, read, latin, &mut out);
        }
        out
    }
}

/// The name's letters as plain ones, ready to be read as sounds:
/// fullwidth and styled letters plain, accents and invisible characters
/// gone (so that groups such as "zh", "sch" are seen whole), spelled-out
/// letters joined, mostly-Latin words latinized. A symbol stays a symbol
/// ("℠" is no "SM").
fn latin_letters(name: &str) -> Vec<char> {
    // A letter or digit decomposed (its parts pushed), anything else as it is.
    fn push_decomposed(c: char, mut out: impl FnMut(char)) {
        if c.is_ascii() {
            out(c);
        } else if let Some(letter) = letter_drawn(c).filter(char::is_ascii) {
            // "⒡" is an "f", not "(f)".
            out(letter);
        } else if c.is_alnum() {
            decomposed(c).iter().for_each(|&d| out(d));
        } else {
            out(c);
        }
    }
    let mut plain = String::with_capacity(name.len());
    for c in name.chars() {
        if !c.is_mark() && !ignorable(c) && !common_invisible(c) {
            push_decomposed(c, |d| {
                if !d.is_mark() {
                    plain.push(d);
                }
            });
        }
    }
    let joined = join_spelled_out(&plain);
    let mut latin_words = String::with_capacity(joined.len());
    for word in joined.split_inclusive(|c: char| !c.is_alnum() && !apostrophe(c)) {
        latinized(word, &mut latin_words);
    }
    let mut out = Vec::with_capacity(latin_words.len());
    for c in latin_words.chars() {
        push_decomposed(c, |d| {
            if !d.is_mark() && !ignorable(d) {
                out.push(d);
            }
        });
    }
    out
}

/// How `transliterate_at` reads a letter.
#[derive(Clone, Copy)]
enum Read {
    /// As written.
    AsWritten,
    /// In a Latin word: as a sound, unless it is a lone letter (an
    /// initial or a look-alike, `lone_letter`).
    InLatinWord,
    /// As a sound (a Latin letter inside a Cyrillic word).
    AsSound,
}

/// Writes the reading of the letters at `chars[i..]` to `out`; returns how
/// many it read (a group such as "shch" is one sound).
fn transliterate_at(chars: &[char], i: usize, read: Read, latin: Latin, out: &mut String) -> usize {
    let c = chars[i];
    // An apostrophe inside a Latin word is a soft sign, read as nothing.
    if apostrophe(c)
        && i > 0
        && chars[i - 1].is_ascii_alphabetic()
        && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
    {
        return 1;
    }
    let kept = match read {
        Read::AsWritten => true,
        Read::InLatinWord => lone_letter(chars, i),
        Read::AsSound => false,
    };
    if !c.is_ascii_alphabetic() || kept {
        out.push(c);
        return 1;
    }
    if let Some(sound) = j_or_y(chars, i, latin) {
        out.push_str(sound);
        return 1;
    }
    let Some(g) = group_at(chars, i, latin) else {
        out.push(c);
        return 1;
    };
    let (group, cyrillic) = LATIN_TO_CYRILLIC[g];
    if c.is_ascii_uppercase() {
        out.push_str(&capitals()[g]);
    } else {
        out.push_str(cyrillic);
    }
    group.len()
}

/// The Cyrillic of each group of `LATIN_TO_CYRILLIC` in capitals.
fn capitals() -> &'static [String] {
    static CAPITALS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CAPITALS.get_or_init(|| {
        LATIN_TO_CYRILLIC
            .iter()
            .map(|(_, cyrillic)| cyrillic.chars().flat_map(char::to_uppercase).collect())
            .collect()
    })
}

/// A lone letter is an initial or a look-alike ("C.Б."), not a sound: it
/// stays as written. Unless it is one of several Latin initials ("S. B. U.").
fn lone_letter(chars: &[char], i: usize) -> bool {
    let letter_at = |j: usize| chars.get(j).is_some_and(|n| n.is_alpha() || apostrophe(*n));
    let lone = !(letter_at(i + 1) || i > 0 && letter_at(i - 1));
    if !lone {
        return false;
    }
    let next_letter = chars[i + 1..].iter().find(|n| n.is_alpha());
    let previous_letter = chars[..i].iter().rev().find(|n| n.is_alpha());
    let latin_initials = next_letter
        .or(previous_letter)
        .is_some_and(char::is_ascii_alphabetic);
    !latin_initials
}

/// "j" before a consonant or at the end is "й" (or "ж", as `latin` reads
/// it); "y" after a vowel is "й" ("Rayffayzen", "Natsionalnyy").
fn j_or_y(chars: &[char], i: usize, latin: Latin) -> Option<&'static str> {
    let c = chars[i];
    let vowel_next = chars
        .get(i + 1)
        .is_some_and(|n| matches!(n.to_ascii_lowercase(), 'a' | 'u' | 'e' | 'o'));
    if c.eq_ignore_ascii_case(&'j') && !vowel_next {
        return Some(match (c.is_ascii_uppercase(), latin.j == "ж") {
            (true, true) => "Ж",
            (true, false) => "Й",
            (false, _) => latin.j,
        });
    }
    let after_vowel = i > 0
        && matches!(
            chars[i - 1].to_ascii_lowercase(),
            'a' | 'e' | 'i' | 'o' | 'u' | 'y'
        );
    (c.eq_ignore_ascii_case(&'y') && after_vowel && !vowel_next)
        .then_some(if c.is_ascii_uppercase() { "Й" } else { "й" })
}

/// The longest Latin group at `chars[i..]` (its place in
/// `LATIN_TO_CYRILLIC`). A group never spans a word break by case
/// ("komitet|Sled").
fn group_at(chars: &[char], i: usize, latin: Latin) -> Option<usize> {
    let c = chars[i];
    groups_starting(c)
        .iter()
        .map(|&g| usize::from(g))
        .find(|&g| {
            let group = LATIN_TO_CYRILLIC[g].0;
            let case_break = latin.case_breaks
                && c.is_ascii_lowercase()
                && chars[i + 1..i + group.len().min(chars.len() - i)]
                    .iter()
                    .any(char::is_ascii_uppercase);
            group.len() <= chars.len() - i
                && !case_break
                && !(latin.ts_apart && group == "ts")
                && group
                    .chars()
                    .zip(&chars[i..])
                    .all(|(l, c)| c.to_ascii_lowercase() == l)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_spellings_read_as_cyrillic() {
        for (latin, cyrillic) in [
            ("sluzhba bezopasnosti", "служба безопасности"),
            ("menedjer", "менеджер"),
            ("Tsentrobank", "Центробанк"),
            ("politsiya", "полиция"),
            ("Shchukin", "Щукин"),
            ("Schukin", "Щукин"),
        ] {
            assert_eq!(
                transliterated_as(latin, Latin::J_IS_Y)
                    .unwrap()
                    .to_lowercase(),
                cyrillic.to_lowercase()
            );
        }
        assert!(transliterated("Мама").is_empty());
        assert_eq!(
            transliterated_as("Slujba", Latin::J_IS_ZH).as_deref(),
            Some("Служба")
        );
        assert_eq!(
            transliterated_as("N a c z i o n a l n y j  b a n k", Latin::J_IS_Y).as_deref(),
            Some("Националный  банк")
        );
    }

    #[test]
    fn symbol_groups_start_where_groups_unknown_looks() {
        let mut firsts: Vec<char> = MULTI_LETTER
            .iter()
            .filter(|(from, _)| from.chars().any(|c| !c.is_alnum()))
            .filter_map(|(from, _)| from.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut starts = SYMBOL_GROUP_STARTS.to_vec();
        starts.sort_unstable();
        assert_eq!(firsts, starts);
        // Every group's first character is one `may_start_group` passes.
        for (from, _) in MULTI_LETTER {
            let first = from.chars().next().unwrap();
            assert!(may_start_group(first), "{from}");
        }
        assert!(!["|-|", "I-I", ">|<", "}|{", "|0"]
            .iter()
            .any(|g| matches!(*g, "bI" | "III")));
    }

    #[test]
    fn multi_letter_look_alikes_read_as_one() {
        assert_eq!(multi_letter("Sberbank").as_deref(), None);
        assert_eq!(
            multi_letter("МВД Poccии IIIтаб").as_deref(),
            Some("МВД Poccии Штаб")
        );
    }
}
