//! Display names: does a caller's name claim to be a bank, an authority,
//! or carry a number?
//!
//! The caller writes the name, so every rule works on what the customer
//! *sees* (`fold`): look-alike letters of any script in either case, digits
//! for letters, invisible and bidi characters, combining marks, spacing and
//! punctuation all fold away.
//!
//! - [`alias`]: the name claims one particular bank ("Пример Банка").
//! - [`authority`]: the name claims a financial or state authority role
//!   ("Служба безопасности", "ЦБ РФ").
//! - [`number_in_name`]: the name is, or contains, a phone number.

pub mod alias;
pub mod authority;
mod fold;
mod words;

pub use alias::{Alias, AliasProblem};
pub use authority::{claims_authority, Phrase};
pub use fold::{fold, look_of_char, Folded, Look, MAX_FOLDED_CHARS};

/// True when the folded name matches any of the aliases.
pub fn claims(name: &Folded, aliases: &[Alias]) -> bool {
    !name.is_empty() && aliases.iter().any(|a| a.matches(name))
}

/// Digits a run needs before it is worth reading as a phone number.
const MIN_NUMBER_DIGITS: usize = 7;

/// The first part of a display name that reads as a phone number ("Пример
/// Банк 8 800 555-35-35 доб. 2" → "8 800 555-35-35 доб. 2"), for the
/// normalizer to judge. A run is digits with what people write between
/// them (spaces, dashes, dots, brackets, a leading `+`, invisible marks)
/// and an extension after it.
pub fn number_in_name(name: &str) -> Option<&str> {
    let mut start = None;
    let mut digits = 0;
    let mut last_digit_end = 0;
    for (i, c) in name.char_indices() {
        let digit = c.is_numeric();
        let joiner = matches!(
            c,
            '+' | '(' | ')' | '-' | '.' | '/' | '\u{2010}'..='\u{2015}' | '\u{2212}'
        ) || c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if digit {
            start.get_or_insert(i);
            digits += 1;
            last_digit_end = i + c.len_utf8();
        } else if joiner && (start.is_some() || c == '+' || c == '(') {
            start.get_or_insert(i);
        } else {
            if digits >= MIN_NUMBER_DIGITS {
                break;
            }
            start = None;
            digits = 0;
        }
    }
    let start = start?;
    (digits >= MIN_NUMBER_DIGITS).then(|| extend_with_extension(name, start, last_digit_end))
}

/// `run` plus an extension written after it (", 2", " доб. 1", " ext 2",
/// "#2"), so the normalizer sees what libphonenumber would.
fn extend_with_extension(name: &str, start: usize, end: usize) -> &str {
    let rest = &name[end..];
    let marker_end = crate::normalize::extension_marker_len(rest);
    match marker_end {
        Some(len) => &name[start..end + len],
        None => &name[start..end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_alias(name: &str, alias: &str) -> bool {
        claims(&fold(name), &[Alias::compile(alias).unwrap()])
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
    fn sees_through_look_alikes_in_both_cases() {
        assert!(claims_alias("Cбер", "Сбер"));
        assert!(claims_alias("Ｅｘａｍｐｌｅ Ｂａｎｋ", "Example Bank"));
        assert!(claims_alias("Пpимep Бaнк", "Пример Банк"));
        assert!(claims_alias("ПРИМЕР БАHK", "Пример Банк"));
        assert!(claims_alias("Example Вank", "Example Bank"));
        assert!(claims_alias("ΕΧΑΜΡLΕ ΒΑΝΚ", "Example Bank"));
        assert!(claims_alias("Пр1мер Банк", "Пример Банк"));
        assert!(claims_alias("5ber", "Sber"));
    }

    #[test]
    fn friends_are_not_banks() {
        assert!(!claims_alias("Мама", "Пример Банк"));
        assert!(!claims_alias("Example Bakery", "Example Bank"));
        assert!(!claims_alias("", "Example Bank"));
    }

    #[test]
    fn numbers_are_found_in_names() {
        assert_eq!(number_in_name("8 800 555-35-35"), Some("8 800 555-35-35"));
        assert_eq!(
            number_in_name("Пример Банк +7 (800) 555-35-35"),
            Some("+7 (800) 555-35-35")
        );
        assert_eq!(
            number_in_name("Банк 8 800 555 35 35 доб. 2 звоните"),
            Some("8 800 555 35 35 доб. 2")
        );
        assert_eq!(number_in_name("Оля 2005"), None);
        assert_eq!(number_in_name("Мама"), None);
        assert_eq!(number_in_name("Квартира 12, 3 этаж"), None);
    }
}
