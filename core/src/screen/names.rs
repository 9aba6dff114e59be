//! Does a caller's display name claim to be a bank?
//!
//! Scammers write "Служба безопасности Пример Банка", "ПРИМЕР-БАНК 🔒",
//! or "Пример Банк" with Latin look-alikes. Both the alias and the name
//! are folded the same way, then the alias is searched inside the name:
//! NFKC → lower case → confusable skeleton (Unicode TS #39) → lower case
//! again → keep only letters and digits (drops spaces, punctuation, emoji).

use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// An alias must keep at least this many letters after folding, so short
/// words ("Bank") cannot flag every caller.
pub const MIN_ALIAS_LETTERS: usize = 4;

/// Display names longer than this are cut before folding: bounded work per call.
const MAX_NAME_CHARS: usize = 256;

/// The comparable form of a name or alias.
pub fn fold(text: &str) -> String {
    fold_fast(text).unwrap_or_else(|| fold_slow(text))
}

/// The definition: whole-string NFKC, lower case, skeleton, lower case, alphanumerics.
fn fold_slow(text: &str) -> String {
    let lowered: String = text
        .chars()
        .take(MAX_NAME_CHARS)
        .nfkc()
        .flat_map(char::to_lowercase)
        .collect();
    skeleton(&lowered)
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Names in Latin and Cyrillic (nearly all the callers a Russian bank's
/// customers see) fold character by character from a table built once:
/// in these blocks no character combines with its neighbours under NFKC or
/// NFD, so the folded string is the concatenation of folded characters
/// (a property test checks it). Anything else (combining marks, other
/// scripts, emoji) takes the slow path.
const FAST_RANGES: [(u32, u32); 2] = [(0x20, 0x7e), (0x400, 0x4ff)];

fn fold_fast(text: &str) -> Option<String> {
    static TABLE: std::sync::OnceLock<Vec<Box<str>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FAST_RANGES
            .iter()
            .flat_map(|&(lo, hi)| lo..=hi)
            .map(|cp| {
                char::from_u32(cp).map_or_else(Box::default, |c| {
                    fold_slow(c.encode_utf8(&mut [0; 4])).into()
                })
            })
            .collect()
    });
    let mut out = String::with_capacity(text.len());
    for c in text.chars().take(MAX_NAME_CHARS) {
        let (cp, mut base, mut index) = (c as u32, 0usize, None);
        for &(lo, hi) in &FAST_RANGES {
            if (lo..=hi).contains(&cp) {
                index = Some(base + (cp - lo) as usize);
                break;
            }
            base += (hi - lo + 1) as usize;
        }
        out.push_str(&table[index?]);
    }
    Some(out)
}

/// A folded alias worth matching on, or `None` when it is too short.
/// Letters are counted before the skeleton step, which maps some of
/// them to digits ("б" → "6").
pub fn folded_alias(alias: &str) -> Option<String> {
    let letters = alias.nfkc().filter(|c| c.is_alphabetic()).count();
    (letters >= MIN_ALIAS_LETTERS).then(|| fold(alias))
}

/// True when `folded_name` contains any of the folded aliases.
pub fn claims(folded_name: &str, folded_aliases: &[String]) -> bool {
    !folded_name.is_empty()
        && folded_aliases
            .iter()
            .any(|a| folded_name.contains(a.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_alias(name: &str, alias: &str) -> bool {
        claims(&fold(name), &[folded_alias(alias).unwrap()])
    }

    #[test]
    fn finds_the_alias_inside_a_longer_name() {
        assert!(claims_alias(
            "Служба безопасности Пример Банка",
            "Пример Банк"
        ));
        assert!(claims_alias(
            "ExampleBank Security Dept.",
            "ExampleBank Security"
        ));
    }

    #[test]
    fn ignores_case_spaces_punctuation_and_emoji() {
        assert!(claims_alias("🔒 EXAMPLE-bank", "Example Bank"));
        assert!(claims_alias("П р и м е р  Б а н к", "Пример Банк"));
        assert!(claims_alias("Пример_Банк!!!", "Пример Банк"));
    }

    #[test]
    fn sees_through_latin_look_alikes_and_compatibility_forms() {
        // Latin C, fullwidth letters, Latin "e/p/a" inside Cyrillic words.
        assert!(claims_alias("Cбер", "Сбер"));
        assert!(claims_alias("Ｅｘａｍｐｌｅ Ｂａｎｋ", "Example Bank"));
        assert!(claims_alias("Пpимep Бaнк", "Пример Банк"));
    }

    #[test]
    fn friends_are_not_banks() {
        assert!(!claims_alias("Мама", "Пример Банк"));
        assert!(!claims_alias("Example Bakery", "Example Bank"));
        assert!(!claims_alias("", "Example Bank"));
    }

    #[test]
    fn the_fast_path_folds_exactly_like_the_definition() {
        for name in [
            "Служба безопасности Пример Банка",
            "Пpимep Бaнк",
            "EXAMPLE-bank 24/7",
            "Ёлка йогурт ЪЫЬ",
            "m0nkey l1on",
        ] {
            assert_eq!(
                fold_fast(name).as_deref(),
                Some(fold_slow(name).as_str()),
                "{name}"
            );
        }
        assert!(
            fold_fast("Ｅｘａｍｐｌｅ").is_none(),
            "fullwidth takes the slow path"
        );
        assert!(fold_fast("🔒 Bank").is_none());
    }

    #[test]
    fn short_aliases_are_refused() {
        assert!(folded_alias("Bnk").is_none());
        assert!(folded_alias("🔒 - !").is_none());
        assert!(folded_alias("Сбер").is_some());
    }
}
