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
//! - [`numbers`]: the name is, or contains, a phone number.
//! - [`reading`]: the one reading of a name every rule works on.

pub mod alias;
pub mod authority;
mod char_memo;
mod class;
mod drawn_punctuation;
mod fold;
mod gate;
mod index;
mod lexicon;
pub mod numbers;
mod pairs;
pub mod reading;
pub(crate) mod words;

pub use alias::{Alias, AliasProblem};
pub use authority::{claims_authority, explain, Phrase};
pub use fold::{
    fold, fold_with, look_of_char, same_look, Folded, Look, MAX_FOLDED_CHARS, MAX_NAME_BYTES,
};
pub use numbers::{number_in_name, numbers_in_name, read_numbers, NameNumber};
pub use reading::{read, Reading};

/// True when the name, in any of its spellings, matches any of the aliases.
pub fn claims(name: &Reading, aliases: &[Alias]) -> bool {
    name.spellings
        .iter()
        .any(|s| !s.is_empty() && aliases.iter().any(|a| a.matches(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_alias(name: &str, alias: &str) -> bool {
        claims(&read(name), &[Alias::compile(alias).unwrap()])
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
}
