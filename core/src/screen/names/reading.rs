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

use super::fold::{capped, display_order, fold, fold_with, Folded, UNKNOWN_LETTER};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

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
}

impl Reading {
    pub fn is_empty(&self) -> bool {
        self.spellings.iter().all(Folded::is_empty)
    }
}

/// Reads a display name.
pub fn read(name: &str) -> Reading {
    // Re-spelt in the order the screen shows it (bidi overrides applied).
    let shown: String = display_order(capped(name)).into_iter().collect();
    let mut texts: Vec<String> = Vec::new();
    texts.extend(multi_letter(&shown));
    let looked: Vec<String> = std::iter::once(&shown).chain(&texts).cloned().collect();
    for text in &looked {
        texts.extend(at_sign_as_a(text));
        texts.extend(soft_sign_as_b(text));
    }
    let respelt: Vec<String> = std::iter::once(&shown)
        .chain(&texts)
        .flat_map(|t| transliterated(t))
        .collect();
    let mut spellings = Vec::with_capacity(2 + 2 * texts.len() + respelt.len());
    // As written, a group of symbols that imitates a letter ("|-|") is one
    // letter the reader cannot make out, not a gap between two words
    // ("Ми|-|ск" is no "Ми ск").
    push_spellings(&mut spellings, &groups_unknown(&shown));
    for text in texts.iter().take(MAX_SPELLINGS) {
        push_spellings(&mut spellings, text);
    }
    // Transliterated letters keep no case worth reading: a capital made
    // from "CbIH" is no word break.
    for text in respelt.iter().take(MAX_SPELLINGS) {
        spellings.push(fold_with(text, false));
    }
    Reading { spellings }
}

/// Texts re-spelt per name, at most: bounded work whatever the name.
const MAX_SPELLINGS: usize = 12;

/// A text folded, and folded without the word breaks case and script make
/// when they differ: a name in random case ("ОтдЕЛ мОшенНиЧеСтва",
/// "ЬANKSUррORT") reads as if case said nothing.
fn push_spellings(spellings: &mut Vec<Folded>, text: &str) {
    let folded = fold(text);
    let plain = fold_with(text, false);
    let differs = plain.words() != folded.words();
    spellings.push(folded);
    if differs {
        spellings.push(plain);
    }
}

/// '@' separates words ("sber@support.ru", "@handle"), but between two
/// letters it may be an 'a' ("B@nk"): the spelling with 'a' for it.
fn at_sign_as_a(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let between = |i: usize| {
        chars[i] == '@'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
    };
    if !(0..chars.len()).any(between) {
        return None;
    }
    Some(
        (0..chars.len())
            .map(|i| if between(i) { 'a' } else { chars[i] })
            .collect(),
    )
}

/// A "Ь" or "ь" starting a word or beside a small Latin letter is a
/// look-alike of "b" ("Ьank", "GazpromЬank"): the spelling with "b" for
/// it. Elsewhere it is a soft sign, which every spelling drops.
fn soft_sign_as_b(text: &str) -> Option<String> {
    if !text.contains(['ь', 'Ь']) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let latin_small = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_ascii_lowercase())
    };
    let letter = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_alphabetic())
    };
    let as_b = |i: usize| {
        let before = i.checked_sub(1);
        let starts_word = !letter(before) && letter(Some(i + 1));
        starts_word || latin_small(before) || latin_small(Some(i + 1))
    };
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
fn groups_unknown(text: &str) -> String {
    let mut out = text.to_string();
    for (from, _) in MULTI_LETTER {
        if from.chars().any(|c| !c.is_alphanumeric()) && out.contains(from) {
            out = out.replace(from, &UNKNOWN_LETTER.to_string());
        }
    }
    out
}

/// "|-|" spelled out: "| - |".
fn spaced(group: &str) -> String {
    group
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letter groups that imitate one letter, and the letter a reader sees.
const MULTI_LETTER: &[(&str, &str)] = &[
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
    ("vv", "w"),
    ("VV", "W"),
];

/// The name with multi-letter look-alikes replaced, if it has any. A
/// capital-looking group after a small letter reads small ("Лео|-|ид" is
/// "Леонид", not "ЛеоНид", which would part the word).
fn multi_letter(name: &str) -> Option<String> {
    // Fullwidth and styled forms as plain ones ("｜－｜"), invisible
    // characters and marks inside a group gone ("|\u{200C}-|").
    let plain: String = name
        .chars()
        .filter(|&c| !is_combining_mark(c) && !ignorable(c))
        .flat_map(|c| {
            // Letters as they are ('ϲ' is no 'ς'), symbols plain.
            let parts: Vec<char> = if c.is_alphabetic() {
                vec![c]
            } else {
                std::iter::once(c).nfkd().collect()
            };
            parts
        })
        .collect();
    let name = plain.as_str();
    if !MULTI_LETTER.iter().any(|(from, _)| {
        name.contains(from)
            || name.contains(&spaced(from)) && from.chars().any(|c| !c.is_alphanumeric())
    }) {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        // A group spelled out with the rest ("| - |" in "Т И | - | Ь").
        let group = MULTI_LETTER.iter().find_map(|(from, to)| {
            let spaced = spaced(from);
            if rest.starts_with(from) {
                Some((from.len(), to))
            } else if from.chars().any(|c| !c.is_alphanumeric()) && rest.starts_with(&spaced) {
                Some((spaced.len(), to))
            } else {
                None
            }
        });
        match group {
            Some((len, to)) => {
                // Small beside a small letter (digits and other groups
                // skipped): "и0|-||-|bIй" is "и0нныйй".
                let before_small = out
                    .chars()
                    .rev()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_lowercase);
                let after_small = rest[len..]
                    .chars()
                    .find(|c| {
                        c.is_alphabetic() && !MULTI_LETTER.iter().any(|(f, _)| f.starts_with(*c))
                    })
                    .is_some_and(char::is_lowercase);
                if before_small || after_small {
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

/// How a lone "j" is read: "й" in GOST, "ж" in the informal scheme
/// ("Slujba").
#[derive(Clone, Copy, PartialEq, Eq)]
struct Latin {
    j: &'static str,
}

impl Latin {
    const J_IS_Y: Latin = Latin { j: "й" };
    const J_IS_ZH: Latin = Latin { j: "ж" };
}

/// The name's Latin letters in Cyrillic, in each reading of "j" the name
/// needs (none when it has no Latin letters).
fn transliterated(name: &str) -> Vec<String> {
    let Some(first) = transliterated_as(name, Latin::J_IS_Y) else {
        return Vec::new();
    };
    let mut out = vec![first];
    if let Some(zh) = transliterated_as(name, Latin::J_IS_ZH).filter(|t| *t != out[0]) {
        out.push(zh);
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

/// A word that mixes Latin letters with look-alikes of other scripts
/// ("Nαсional'niуЬаnk"): every letter whose look-alike is a Latin letter
/// becomes that letter, so the word transliterates whole.
fn latinized(word: &str) -> String {
    use unicode_security::confusable_detection::skeleton;
    // Only a word that is mostly Latin: "АФАНАСЬЕВАaGMAIL" is Cyrillic.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if latin == 0 || latin * 2 < letters {
        return word.to_string();
    }
    word.chars()
        .map(|c| {
            if let Some(letter) = latin_letter_of_digit(c) {
                return letter;
            }
            if c.is_ascii() || !c.is_alphabetic() {
                return c;
            }
            let mut buf = [0; 4];
            let mut proto = skeleton(c.encode_utf8(&mut buf));
            match (proto.next(), proto.next()) {
                (Some(p), None) if p.is_ascii_alphabetic() => p,
                _ => match c {
                    'Ь' | 'ь' => 'b',
                    c => c,
                },
            }
        })
        .collect()
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

/// "N a c z i o n a l n y j  b a n k": single letters with one space
/// between them are one word to the reader (two spaces part words), so
/// the groups ("cz") are seen whole.
fn join_spelled_out(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let letter = |j: usize| {
        chars.get(j).is_some_and(|c| {
            c.is_alphabetic() || apostrophe(*c) || latin_letter_of_digit(*c).is_some()
        })
    };
    (0..chars.len())
        .filter(|&i| {
            // One separator of any kind ("P•o•d•d•e•r•z•h•k•a").
            let separator = !chars[i].is_alphanumeric() && !apostrophe(chars[i]);
            let lone_space = separator && i > 0 && letter(i - 1) && letter(i + 1);
            let single_before = i < 2 || !letter(i - 2);
            let single_after = !letter(i + 2);
            !(lone_space && single_before && single_after)
        })
        .map(|i| chars[i])
        .collect()
}

/// Apostrophes inside a transliterated word (BGN/PCGN's soft sign,
/// GOST's "y'"): dropped.
fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2019}' | '\u{02B9}' | '\u{02BC}')
}

/// The name with its Latin letters spelled in Cyrillic, if it has any.
/// Case is kept on a group's first letter, so word breaks by case
/// ("SluzhbaBezopasnosti") survive.
fn transliterated_as(name: &str, latin: Latin) -> Option<String> {
    if !name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| std::iter::once(c).nfkd())
        .any(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    // Fullwidth and styled letters as plain ones, accents and invisible
    // characters gone, so that the groups ("zh", "sch") are seen whole.
    let plain: String = name
        .chars()
        .flat_map(|c| {
            let parts: Vec<char> = if c.is_alphanumeric() {
                std::iter::once(c).nfkd().collect()
            } else {
                vec![c]
            };
            parts
        })
        .collect();
    let joined = join_spelled_out(&plain);
    let latin_words: String = joined
        .split_inclusive(|c: char| !c.is_alphanumeric() && !apostrophe(c))
        .map(latinized)
        .collect();
    let chars: Vec<char> = latin_words
        .chars()
        .flat_map(|c| {
            // A symbol stays a symbol ("℠" is no "SM").
            let parts: Vec<char> = if c.is_alphanumeric() {
                std::iter::once(c).nfkd().collect()
            } else {
                vec![c]
            };
            parts
        })
        .filter(|&c| !is_combining_mark(c) && !ignorable(c))
        .collect();
    let mut out = String::with_capacity(name.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if apostrophe(c)
            && i > 0
            && chars[i - 1].is_ascii_alphabetic()
            && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
        {
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        // A lone letter is an initial or a look-alike ("C.Б."), not a
        // sound: it stays as written.
        let letter_at = |j: usize| {
            chars
                .get(j)
                .is_some_and(|n| n.is_alphabetic() || apostrophe(*n))
        };
        let lone = !(i > 0 && letter_at(i - 1)) && !letter_at(i + 1);
        // Unless it is one of several Latin initials ("S. B. U.").
        let next_letter = chars[i + 1..].iter().find(|n| n.is_alphabetic());
        let previous_letter = chars[..i].iter().rev().find(|n| n.is_alphabetic());
        let latin_initials = next_letter
            .or(previous_letter)
            .is_some_and(char::is_ascii_alphabetic);
        if lone && !latin_initials {
            out.push(c);
            i += 1;
            continue;
        }
        if c.eq_ignore_ascii_case(&'j')
            && !chars
                .get(i + 1)
                .is_some_and(|n| matches!(n.to_ascii_lowercase(), 'a' | 'u' | 'e' | 'o'))
        {
            out.push_str(if c.is_ascii_uppercase() {
                if latin.j == "ж" {
                    "Ж"
                } else {
                    "Й"
                }
            } else {
                latin.j
            });
            i += 1;
            continue;
        }
        // "y" after a vowel is "й" ("Rayffayzen", "Natsionalnyy").
        let after_vowel = i > 0
            && matches!(
                chars[i - 1].to_ascii_lowercase(),
                'a' | 'e' | 'i' | 'o' | 'u' | 'y'
            );
        if c.eq_ignore_ascii_case(&'y')
            && after_vowel
            && !chars
                .get(i + 1)
                .is_some_and(|n| matches!(n.to_ascii_lowercase(), 'a' | 'u' | 'e' | 'o'))
        {
            out.push(if c.is_ascii_uppercase() { 'Й' } else { 'й' });
            i += 1;
            continue;
        }
        let (len, cyrillic) = LATIN_TO_CYRILLIC
            .iter()
            .find(|(latin, _)| {
                latin.len() <= chars.len() - i
                    && latin
                        .chars()
                        .zip(&chars[i..])
                        .all(|(l, c)| c.to_ascii_lowercase() == l)
            })
            .map(|(latin, cyr)| (latin.len(), *cyr))
            .expect("every ASCII letter has a spelling");
        if c.is_ascii_uppercase() {
            out.extend(cyrillic.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(cyrillic);
        }
        i += len;
    }
    Some(out)
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
    fn multi_letter_look_alikes_read_as_one() {
        assert_eq!(multi_letter("Sberbank").as_deref(), None);
        assert_eq!(
            multi_letter("МВД Poccии IIIтаб").as_deref(),
            Some("МВД Poccии Штаб")
        );
    }
}
