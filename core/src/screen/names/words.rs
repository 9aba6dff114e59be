//! Words of an alias or a phrase, ready to look for in a folded name.
//!
//! A word is stored folded (see `fold`). Russian, Ukrainian and Kazakh
//! words change their endings ("Банк" → "Банка", "безопасность" →
//! "безопасности"), so a Cyrillic word of five letters or more loses its
//! inflectional ending first and then matches any ending of up to
//! `MAX_ENDING` letters.

use super::class::Class;
use super::fold::{fold, same_look, Folded, Look};

/// Letters an inflected form may add after a stem ("Банк|ами").
pub const MAX_ENDING: usize = 3;

/// Endings stripped from Cyrillic words, longest first.
pub(crate) const ENDINGS: &[&str] = &[
    "ами", "ями", "ого", "его", "ому", "ему", "ими", "ыми", "ой", "ей", "ий", "ый", "ая", "яя",
    "ое", "ее", "ие", "ые", "ия", "ью", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ых", "их",
    "а", "я", "ы", "и", "і", "у", "ю", "е", "о", "ь",
];

/// Words that say nothing about *which* bank: never an alias on their own,
/// and after one of them only an ending may follow ("Банка", not "Банкет").
const GENERIC: &[&str] = &[
    "bank",
    "банк",
    "banking",
    "security",
    "безопасность",
    "безпека",
    "служба",
    "service",
    "services",
    "support",
    "поддержка",
    "official",
    "официальный",
    "online",
    "онлайн",
    "app",
    "mobile",
    "center",
    "centre",
    "центр",
    "department",
    "отдел",
    "call",
    "group",
    "группа",
    "credit",
    "кредит",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Shared between the orders a phrase is tried in (`lexicon.rs`):
    /// a clone of a word costs no copy of its letters.
    pub chars: std::sync::Arc<[Look]>,
    /// A generic word (see `GENERIC`).
    pub generic: bool,
    /// Matches only the whole word (abbreviations: "ФСБ", "ЦБ").
    pub exact: bool,
    /// The same word in another language ("Bank" for "Банк"): a name mixes
    /// them freely ("Пример Bank").
    pub synonyms: Vec<Vec<Look>>,
}

/// Generic words that mean the same across the region's languages.
const SYNONYMS: &[&[&str]] = &[&["bank", "банк"]];

fn synonyms_of(chars: &[Look]) -> Vec<Vec<Look>> {
    SYNONYMS
        .iter()
        .map(|group| group.iter().map(|w| fold(w).looks).collect::<Vec<_>>())
        .find(|group| group.iter().any(|w| same_look(w, chars)))
        .unwrap_or_default()
}

/// Splits text into words (on anything that is not a letter or digit) and
/// folds each stem. Words that fold to nothing are left out.
pub fn words(text: &str) -> Vec<Word> {
    text.split(|c: char| !c.is_alnum() && !is_invisible_joiner(c))
        .filter_map(|raw| {
            let stem = stem(raw);
            let chars = fold(&stem).looks;
            (!chars.is_empty()).then(|| Word {
                generic: is_generic(&chars),
                synonyms: synonyms_of(&chars),
                chars: chars.into(),
                exact: false,
            })
        })
        .collect()
}

/// Characters that may sit inside a word without splitting it.
fn is_invisible_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || unicode_mark(c)
}

fn unicode_mark(c: char) -> bool {
    // Combining marks are folded away later; they must not split a word here.
    matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The stem of a word: lower case, and for a Cyrillic word of 5+ letters,
/// without its inflectional ending.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alpha()).count();
    let cyrillic = lower.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    if !cyrillic || letters < 5 {
        return lower;
    }
    for ending in ENDINGS {
        if let Some(stem) = lower.strip_suffix(ending) {
            if stem.chars().count() >= 4 {
                return stem.to_string();
            }
        }
    }
    lower
}

fn is_generic(chars: &[Look]) -> bool {
    static GENERIC_FOLDED: std::sync::OnceLock<Vec<Vec<Look>>> = std::sync::OnceLock::new();
    GENERIC_FOLDED
        .get_or_init(|| GENERIC.iter().map(|w| fold(&stem(w)).looks).collect())
        .iter()
        .any(|g| same_look(g, chars))
}

/// Does `word` start at `at` in `name`? Returns where it ends. A generic
/// word that ends the match may be followed only by an ending (`last`).
pub fn word_at(name: &Folded, at: usize, word: &Word, last: bool) -> Option<usize> {
    let spelled = std::iter::once(&*word.chars)
        .chain(word.synonyms.iter().map(Vec::as_slice))
        .find(|w| name.has_at(at, w))?;
    let end = at + spelled.len();
    let rest = name.rest_of_word(end);
    let fits = if word.exact {
        rest == 0
    } else if word.generic && last {
        ends_with_ending(name, end)
    } else {
        true
    };
    fits.then_some(end)
}

/// Endings that keep a generic word the same word: Russian, Ukrainian and
/// Kazakh inflections (`ENDINGS` and the bank word's Kazakh and
/// adjective forms) and English plurals. "Банка", "банку", "банкі",
/// "банктің", "Banks"; never "Банкет" or "Bankside".
const MORE_ENDINGS: &[&str] = &[
    "у", "і", "ті", "ке", "те", "тің", "тен", "пен", "інің", "s", "es", "ом", "ам", "ах",
];

/// The rest of the word from `end` is nothing or an ending (`MAX_ENDING`
/// letters at most).
pub fn ends_with_ending(name: &Folded, end: usize) -> bool {
    let rest = name.rest_of_word(end);
    rest == 0 || ending_at(name, end, rest)
}

/// Endings of one length, folded, each with its first letter's signature.
type Endings = Vec<(u128, Vec<Look>)>;

/// The `len` letters at `at` are an ending (`MAX_ENDING` letters at most).
pub fn ending_at(name: &Folded, at: usize, len: usize) -> bool {
    // The endings by length: `len` letters are compared only with those
    // (and, by their first letter's signature, only with those that may
    // start so).
    static BY_LEN: std::sync::OnceLock<Vec<Endings>> = std::sync::OnceLock::new();
    if len == 0 || len > MAX_ENDING || at + len > name.len() {
        return false;
    }
    let by_len = BY_LEN.get_or_init(|| {
        let mut by_len = vec![Vec::new(); MAX_ENDING + 1];
        // Not "ем"/"ям": an italic "т" reads as "м", and "Банкет" would
        // read as "Банкем".
        for e in ENDINGS
            .iter()
            .chain(MORE_ENDINGS)
            .filter(|e| !matches!(**e, "ем" | "ям"))
        {
            // (One longer than `MAX_ENDING` is never asked for: "інің".)
            let looks = fold(e).looks;
            let len = looks.len();
            if (1..=MAX_ENDING).contains(&len) {
                by_len[len].push((looks[0].signature(), looks));
            }
        }
        by_len
    });
    let first = name.looks[at].signature();
    by_len[len]
        .iter()
        .any(|(starts, e)| first & starts != 0 && name.has_at(at, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_words_lose_their_endings() {
        assert_eq!(stem("Безопасности"), "безопасност");
        assert_eq!(stem("Банка"), "банк");
        assert_eq!(stem("Банк"), "банк"); // four letters: kept whole
        assert_eq!(stem("Альфа"), "альф");
        assert_eq!(stem("Example"), "example");
    }

    #[test]
    fn generic_words_are_known_in_both_scripts() {
        assert!(words("BANK")[0].generic);
        assert!(words("Бaнк")[0].generic); // Latin a
        assert!(!words("Пример")[0].generic);
    }
}
