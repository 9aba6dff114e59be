//! Does a display name claim to be one particular bank?
//!
//! An alias ("Пример Банк") matches a name when its words appear in the
//! name in any order (up to `MAX_PERMUTED_WORDS` words), each inflected or
//! not, glued together or separated by at most `MAX_ENDING` letters:
//! "Пример Банка", "Банк «Пример»", "ПримерБанк", "Служба безопасности
//! Примера Банка". The first word may start anywhere ("СберБанк" contains
//! "Сбер"); a generic word ("Банк") may be followed only by an ending, so
//! "Альфия Банкетная" is not "Альфа-Банк".

use super::fold::Folded;
use super::words::{word_at, words, Word, MAX_ENDING};

/// Aliases up to this many words match in any order (4! = 24 orders).
const MAX_PERMUTED_WORDS: usize = 4;

/// An alias must keep at least this many letters and digits after folding,
/// or be one word of at least `MIN_ABBREVIATION_CHARS`, matched whole.
pub const MIN_ALIAS_CHARS: usize = 4;
pub const MIN_ABBREVIATION_CHARS: usize = 2;

#[derive(Debug, Clone)]
pub struct Alias {
    /// The orders in which the words may appear.
    orders: Vec<Vec<Word>>,
}

/// Why an alias cannot be used: it would flag every caller, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasProblem {
    TooShort,
    OnlyGenericWords,
}

impl AliasProblem {
    pub fn describe(self) -> &'static str {
        match self {
            AliasProblem::TooShort => {
                "folds to fewer than 2 visible letters or digits, or to fewer than 4 in several words (invisible or blank characters do not count)"
            }
            AliasProblem::OnlyGenericWords => {
                "has only generic words (\"Bank\", \"Банк\", \"Security\"…): it would match every bank"
            }
        }
    }
}

impl Alias {
    pub fn compile(alias: &str) -> Result<Alias, AliasProblem> {
        let mut words = words(alias);
        let chars: usize = words.iter().map(|w| w.chars.len()).sum();
        if chars < MIN_ALIAS_CHARS {
            // "ВТБ": an abbreviation matches only as a whole word.
            match words.as_mut_slice() {
                [word] if chars >= MIN_ABBREVIATION_CHARS => word.exact = true,
                _ => return Err(AliasProblem::TooShort),
            }
        }
        if words.iter().all(|w| w.generic) {
            return Err(AliasProblem::OnlyGenericWords);
        }
        let orders = if words.len() <= MAX_PERMUTED_WORDS {
            permutations(&words)
        } else {
            vec![words]
        };
        Ok(Alias { orders })
    }

    pub fn matches(&self, name: &Folded) -> bool {
        self.orders
            .iter()
            .any(|order| (0..name.len()).any(|at| follows(name, at, order, false)))
            || self.scattered(name)
    }

    /// Every word of the alias starts a word of the name, wherever it
    /// stands: added words between them change nothing ("Example горячая
    /// Bank линия").
    fn scattered(&self, name: &Folded) -> bool {
        let words = &self.orders[0];
        words.len() > 1
            && words.iter().all(|w| {
                (0..name.len())
                    .any(|at| name.word_start[at] && word_at(name, at, w, true).is_some())
            })
    }
}

/// The words of `order`, the first at `at`, each next one after at most
/// `MAX_ENDING` letters. A generic last word glued to the bank's own word
/// ("примерабанкадоставка") may run on: in one word the reader sees the
/// bank's name first; apart, "Example Bankside" stays a riverside café.
fn follows(name: &Folded, at: usize, order: &[Word], glued: bool) -> bool {
    let Some((word, rest)) = order.split_first() else {
        return true;
    };
    let Some(end) = word_at(name, at, word, rest.is_empty() && !glued) else {
        return false;
    };
    rest.is_empty()
        || (0..=MAX_ENDING).any(|gap| {
            let next = end + gap;
            let glued =
                !word.generic && next < name.len() && !(end..=next).any(|i| name.word_start[i]);
            follows(name, next, rest, glued)
        })
}

fn permutations(words: &[Word]) -> Vec<Vec<Word>> {
    if words.len() <= 1 {
        return vec![words.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..words.len() {
        let mut rest = words.to_vec();
        let first = rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first.clone());
            if !out.contains(&tail) {
                out.push(tail);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fold::fold;
    use super::*;

    fn claims(name: &str, alias: &str) -> bool {
        Alias::compile(alias).unwrap().matches(&fold(name))
    }

    #[test]
    fn word_order_inflection_and_gluing() {
        for name in [
            "Пример Банк",
            "Пример Банка",
            "Примера Банка",
            "Банк Пример",
            "Банк «Пример»",
            "ПримерБанк",
            "Примербанк",
            "Служба безопасности Пример Банка",
        ] {
            assert!(claims(name, "Пример Банк"), "{name}");
        }
    }

    #[test]
    fn generic_words_take_only_endings() {
        assert!(!claims("Альфия Банкетная", "Альфа-Банк"));
        assert!(claims("Альфа-Банка", "Альфа-Банк"));
        assert!(!claims("Example Bankside Café", "Example Bank"));
        assert!(claims("СберБанк онлайн", "Сбер"));
    }

    #[test]
    fn useless_aliases_are_refused() {
        assert_eq!(
            Alias::compile("Bank").unwrap_err(),
            AliasProblem::OnlyGenericWords
        );
        assert_eq!(
            Alias::compile("Банк Security").unwrap_err(),
            AliasProblem::OnlyGenericWords
        );
        assert_eq!(
            Alias::compile("\u{3164}\u{3164}").unwrap_err(),
            AliasProblem::TooShort
        );
        assert_eq!(Alias::compile("A B").unwrap_err(), AliasProblem::TooShort);
        assert!(Alias::compile("Сбер").is_ok());
    }

    #[test]
    fn abbreviations_match_whole_words_only() {
        assert!(claims("ВТБ онлайн", "ВТБ"));
        assert!(claims("Служба безопасности ВТБ", "ВТБ"));
        assert!(!claims("Втбабушка", "ВТБ"));
    }
}
