//! How a saved contact's name is read: does it present itself as the bank
//! (the bank's alias, alone or with role words), or is it a person's label
//! that mentions the bank ("Мама Сбер работа", "Лена ВТБ")?
//!
//! Read as messenger names are read (`screen::names`: look-alike letters,
//! case, inflection, spacing and punctuation fold away), then word by word:
//! every word must be the bank's (a word of one of its aliases, or an alias
//! glued into one word), a role word ("служба", "безопасности", "support",
//! "fraud department"…), or a number. One other word ("Мама", "Лена",
//! "работа", "never calls you") and it is a person's label, not a claim.

use crate::list::ContactList;
use crate::screen::names::{fold, same_look, Alias, Folded};

/// Words that say "a service of the bank", in the four languages the name
/// rules read (stems: inflected forms match by their start).
const ROLE_STEMS: &[&str] = &[
    // ru
    "служб",
    "безопасност",
    "поддержк",
    "отдел",
    "горяч",
    "лини",
    "колл",
    "центр",
    "оператор",
    "специалист",
    "менеджер",
    "сотрудник",
    "финансов",
    "мониторинг",
    "антифрод",
    "клиент",
    "контакт",
    "официальн",
    "банк",
    "онлайн",
    "защит",
    "дежурн",
    "номер",
    "звонк",
    "помощ",
    "сервис",
    "департамент",
    "управлени",
    "мошенничеств",
    "служебн",
    "сб",
    // uk
    "безпек",
    "підтримк",
    "відділ",
    "гаряч",
    "лінія",
    "служба",
    "клієнт",
    // kk
    "қызмет",
    "қауіпсіздік",
    "қолдау",
    "бөлім",
    "банкі",
    // en
    "security",
    "service",
    "support",
    "fraud",
    "department",
    "dept",
    "hotline",
    "help",
    "desk",
    "helpdesk",
    "line",
    "customer",
    "care",
    "team",
    "center",
    "centre",
    "call",
    "official",
    "officer",
    "bank",
    "online",
    "contact",
    "operations",
    "monitoring",
    "anti",
    "team",
];

/// Short words that join others ("of", "и", "&"): neither claim nor label.
const JOINERS: &[&str] = &["of", "the", "and", "и", "та", "і", "мен", "de", "по", "для"];

/// The name's words as a person reads them: split at everything that is
/// not a letter or a digit (emoji, punctuation, dashes, quotes, spaces).
fn display_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .take(64)
        .collect()
}

fn looks(text: &str) -> Folded {
    fold(&text.to_lowercase())
}

/// `word` starts like `stem` (both folded): "Безопасности" is "безопасност…".
fn starts_like(word: &Folded, stem: &Folded) -> bool {
    !stem.is_empty() && word.len() >= stem.len() && word.has_at(0, &stem.looks)
}

/// Whether the whole of `name` is the bank of `list` presenting itself:
/// the list's alias matches the name, and every word of it is the bank's, a
/// role word, a joiner or a number.
pub fn presents_as_bank(name: &str, list: &ContactList) -> bool {
    let patterns = list.alias_patterns();
    let whole = looks(name);
    if whole.is_empty() || !patterns.iter().any(|a| a.matches(&whole)) {
        return false;
    }
    let alias_words: Vec<Folded> = list
        .issuer
        .aliases
        .iter()
        .map(String::as_str)
        .chain(list.issuer.name.pairs().map(|(_, t)| t))
        .flat_map(display_words)
        .map(|w| looks(&w))
        .filter(|w| !w.is_empty())
        .collect();
    let roles: Vec<Folded> = ROLE_STEMS.iter().map(|s| looks(s)).collect();
    display_words(name).iter().all(|word| {
        if word.chars().all(|c| c.is_ascii_digit())
            || JOINERS.contains(&word.to_lowercase().as_str())
        {
            return true;
        }
        let w = looks(word);
        w.is_empty()
            || alias_words
                .iter()
                .any(|a| starts_like(&w, a) && w.len() <= a.len() + 3)
            || roles.iter().any(|r| starts_like(&w, r))
            || glued_alias(&w, patterns)
    })
}

/// "ПримерБанк" as one word: an alias matches the word by itself.
fn glued_alias(word: &Folded, patterns: &[Alias]) -> bool {
    patterns.iter().any(|a| a.matches(word))
}

/// Whether `name` already carries the warning: it is the hint (in any of
/// the list's languages or the SDK's own), as the customer renamed it.
pub fn already_warns(name: &str, list: &ContactList, hint: &str) -> bool {
    let name = looks(name);
    if name.is_empty() {
        return false;
    }
    let same = |text: &str| {
        let other = looks(text);
        other.len() == name.len() && same_look(&other.looks, &name.looks)
    };
    same(hint) || super::copy::all_hints(list).iter().any(|h| same(h))
}

/// "Служба безопасности Банка": a bank's service claimed without naming
/// the bank (the words the fraudster asks the victim to save), read as
/// messenger names are (`claims_authority`) and with a word that says
/// "bank". A person's label with those words is not one ("Мама Пример
/// Банк работа" claims no authority); an authority alone ("Полиция") is out
/// of scope.
pub fn claims_a_bank_service(name: &str, lists: &[std::sync::Arc<ContactList>]) -> bool {
    let folded = fold(name);
    let bank_words: Vec<Folded> = ["банк", "bank", "банкі", "банку"]
        .iter()
        .map(|w| looks(w))
        .collect();
    let says_bank = display_words(name)
        .iter()
        .any(|w| bank_words.iter().any(|b| starts_like(&looks(w), b)));
    says_bank
        && crate::screen::names::claims_authority(
            &folded,
            lists.iter().flat_map(|l| l.authority_phrases()),
        )
}

/// Whether an alias of a loaded list matches anywhere in `name`.
pub fn mentions_a_bank(name: &str, lists: &[std::sync::Arc<ContactList>]) -> bool {
    let whole = looks(name);
    !whole.is_empty()
        && lists
            .iter()
            .any(|l| l.alias_patterns().iter().any(|a| a.matches(&whole)))
}
