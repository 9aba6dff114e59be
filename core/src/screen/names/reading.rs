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

use super::fold::{fold, Folded};

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
    let mut spellings = vec![fold(name)];
    let multi = multi_letter(name);
    if let Some(m) = &multi {
        spellings.push(fold(m));
    }
    if let Some(t) = transliterated(multi.as_deref().unwrap_or(name)) {
        spellings.push(fold(&t));
    }
    Reading { spellings }
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
    ("bі", "ы"),
    ("ьі", "ы"),
    ("IO", "Ю"),
    ("I0", "Ю"),
    ("|0", "Ю"),
    ("rn", "m"),
    ("cl", "d"),
    ("vv", "w"),
    ("VV", "W"),
    // '@' separates words ("sber@support.ru"), but between letters it may
    // be an 'a' ("B@nk").
    ("@", "a"),
];

/// The name with multi-letter look-alikes replaced, if it has any.
fn multi_letter(name: &str) -> Option<String> {
    if !MULTI_LETTER.iter().any(|(from, _)| name.contains(from)) {
        return None;
    }
    let mut out = name.to_string();
    for (from, to) in MULTI_LETTER {
        out = out.replace(from, to);
    }
    Some(out)
}

/// Latin letter groups and the Cyrillic letters they spell, longest first.
const LATIN_TO_CYRILLIC: &[(&str, &str)] = &[
    ("shch", "щ"),
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

/// Apostrophes inside a transliterated word (BGN/PCGN's soft sign,
/// GOST's "y'"): dropped.
fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2019}' | '\u{02B9}' | '\u{02BC}')
}

/// The name with its Latin letters spelled in Cyrillic, if it has any.
/// Case is kept on a group's first letter, so word breaks by case
/// ("SluzhbaBezopasnosti") survive.
fn transliterated(name: &str) -> Option<String> {
    if !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
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
            ("Tsentrobank", "Центробанк"),
            ("politsiya", "полиция"),
            ("Shchukin", "Щукин"),
            ("Schukin", "Щукин"),
        ] {
            assert_eq!(
                transliterated(latin).unwrap().to_lowercase(),
                cyrillic.to_lowercase()
            );
        }
        assert_eq!(transliterated("Мама"), None);
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
