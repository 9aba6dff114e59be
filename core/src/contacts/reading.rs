//! How a saved contact's name is read: does it present itself as the bank
//! (the bank's alias, alone or with words of a bank's service), or is it a
//! person's label that mentions the bank ("Мама Сбер работа", "Лена ВТБ")?
//!
//! Read as the customer reads it, with the messenger names' reading
//! (`screen::names::fold`): look-alike letters of any script and case meet,
//! invisible characters and combining marks (a stress mark: "Ба́нк") vanish,
//! emoji and punctuation are separators, "ПримерБанк" is two words. Then
//! word by word, each word one of:
//! - the bank's: a word of one of its aliases, inflected ("Банка"), or a
//!   legal form ("АО", "ПАО");
//! - a word of the bank's security ("безопасности", "СБ", "мошенничество",
//!   "fraud", "security"…), inflected or inside a compound;
//! - a word of another service or product ("служба", "поддержка", "отдел",
//!   "ипотека", "support"…), inflected;
//! - neutral: a joiner ("of", "по"), a number, "онлайн", "номер", a
//!   person's job ("менеджер", "специалист", "officer");
//! - anything else: a person's word ("Мама", "Лена", "работа").
//!
//! A name that matches the bank's alias presents itself as the bank when
//! it says the bank's security (whatever else it adds: "Служба
//! безопасности Пример Банка Алексей"), or when it has no person's word
//! ("Пример Банк", "АО «Пример Банк»", "Пример Банк поддержка"). A name
//! that mentions the bank among a person's words, and not its security, is
//! a person's label ("Пример Банк отдел кадров Ольга").

use crate::list::ContactList;
use crate::screen::names::words::{words, ENDINGS};
use crate::screen::names::{fold, same_look, Folded, Look};

/// Words of the bank's **security** (the service the scam impersonates), as
/// stems. One of them keeps a claim whatever else the name adds
/// ("Служба безопасности Пример Банка Алексей"), and one of five letters or
/// more is found inside a longer word too ("кибербезопасность",
/// "Службабезопасности", "antifraud").
const SECURITY_STEMS: &[&str] = &[
    // ru
    "безопасн",
    "безоп",
    "сб",
    "сэб",
    "дэб",
    "антифрод",
    "мошенн",
    "противодейств",
    "финмониторинг",
    "финмон",
    "кибер",
    "защит",
    "блокиров",
    "резервн",
    "секьюрити",
    "верификац",
    // uk, kk
    "безпек",
    "шахрай",
    "қауіпсіздік",
    // en
    "security",
    "secure",
    "sb",
    "fraud",
    "scam",
    "antiscam",
    "cyber",
    "protection",
    "verification",
];

/// Words of the bank's other services and products (a unit, not a
/// person's job), as stems: with the bank's name alone they present it
/// ("Пример Банк поддержка", "Пример Банк ипотека"); beside a person's word
/// they are that person's workplace ("Пример Банк отдел кадров Ольга").
const SERVICE_STEMS: &[&str] = &[
    // ru
    "служб",
    "поддержк",
    "техподдержк",
    "отдел",
    "департамент",
    "управлени",
    "горяч",
    "лини",
    "колл",
    "центр",
    "финансов",
    "мониторинг",
    "борьб",
    "официальн",
    "дежурн",
    "помощ",
    "сервис",
    "служебн",
    "офис",
    "аппарат",
    "центральн",
    "головн",
    "проверк",
    "контрол",
    "комплаенс",
    "охран",
    "карт",
    "кредит",
    "ипотек",
    "вклад",
    // uk
    "підтримк",
    "відділ",
    "гаряч",
    "лінія",
    // kk
    "қызмет",
    "қолдау",
    "бөлім",
    // en
    "service",
    "support",
    "prevention",
    "department",
    "dept",
    "hotline",
    "help",
    "desk",
    "helpdesk",
    "line",
    "care",
    "team",
    "center",
    "centre",
    "call",
    "official",
    "operations",
    "monitoring",
    "anti",
    "compliance",
    "risk",
    "kyc",
    "aml",
    "safety",
    "office",
    "card",
    "credit",
    "mortgage",
    "loan",
    "investigation",
];

/// Words that neither claim nor label: joiners, a possessive's "s", words
/// every bank's contact may carry, and a person's job at the bank, which
/// with the bank alone is the bank ("Пример Банк менеджер") but with a
/// person's name is that person ("Example Bank - Anna manager mortgage").
const NEUTRAL: &[&str] = &[
    "of",
    "the",
    "and",
    "s",
    "и",
    "та",
    "і",
    "мен",
    "de",
    "по",
    "для",
    "с",
    "в",
    "на",
    "онлайн",
    "online",
    "номер",
    "number",
    "контакт",
    "contact",
    "звонк",
    "банк",
    "bank",
    "банкі",
    "банку",
    "оператор",
    "специалист",
    "менеджер",
    "сотрудник",
    "консультант",
    "клиент",
    "клієнт",
    "счет",
    "личн",
    "персональн",
    "куратор",
    "customer",
    "officer",
    "manager",
    "specialist",
    "agent",
    "advisor",
    "adviser",
    "account",
];

/// Legal forms: a company's, so the bank's own words.
const LEGAL_FORMS: &[&str] = &[
    "ао", "пао", "оао", "зао", "ооо", "ак", "тоо", "ат", "пат", "jsc", "pjsc", "ojsc", "llc",
    "ltd", "plc", "inc", "ag", "nbfi",
];

/// At most this many words of a name are read (bounded work).
const MAX_WORDS: usize = 64;

/// One word of a name as the customer reads it.
type ReadWord = Vec<Look>;

/// The name's words: `fold`'s letters and digits, split where it starts a word.
fn read_words(text: &str) -> Vec<ReadWord> {
    let folded = fold(text);
    let mut words: Vec<ReadWord> = Vec::new();
    for (look, starts) in folded.looks.iter().zip(&folded.word_start) {
        if *starts || words.is_empty() {
            if words.len() == MAX_WORDS {
                break;
            }
            words.push(Vec::new());
        }
        if let Some(word) = words.last_mut() {
            word.push(*look);
        }
    }
    words
}

fn looks(text: &str) -> Vec<Look> {
    fold(text).looks
}

/// The stems and endings, folded once.
struct Vocabulary {
    security: Vec<Vec<Look>>,
    service: Vec<Vec<Look>>,
    neutral: Vec<Vec<Look>>,
    legal: Vec<Vec<Look>>,
    endings: Vec<Vec<Look>>,
    digits: Vec<Look>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
    VOCABULARY.get_or_init(|| Vocabulary {
        security: SECURITY_STEMS.iter().map(|s| looks(s)).collect(),
        service: SERVICE_STEMS.iter().map(|s| looks(s)).collect(),
        neutral: NEUTRAL.iter().map(|s| looks(s)).collect(),
        legal: LEGAL_FORMS.iter().map(|s| looks(s)).collect(),
        endings: ENDINGS
            .iter()
            .chain(&["s", "es", "ов", "ев"])
            .map(|s| looks(s))
            .collect(),
        digits: ('0'..='9')
            .filter_map(|d| looks(&d.to_string()).pop())
            .collect(),
    })
}

/// `word` is `stem` or its inflected form: the stem, then nothing, an
/// inflectional ending, or (after a stem of five letters or more) up to
/// four more letters ("безопасн|ости", "отдел|ение"; "колл" is not
/// "коллега"). Endings are compared as they look, like every letter, so
/// "банкет" is "банк|ем" (т looks like м): a known over-reading.
fn word_is(word: &[Look], stem: &[Look]) -> bool {
    if stem.is_empty() || word.len() < stem.len() || !same_look(&word[..stem.len()], stem) {
        return false;
    }
    let rest = &word[stem.len()..];
    rest.is_empty()
        || vocabulary().endings.iter().any(|e| same_look(rest, e))
        || (stem.len() >= 5 && rest.len() <= 4)
}

fn is_number(word: &[Look]) -> bool {
    let digits = &vocabulary().digits;
    word.iter()
        .all(|l| digits.iter().any(|d| same_look(&[*l], &[*d])))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    Bank,
    Security,
    Service,
    Neutral,
    Person,
}

/// The bank's words: every word of its aliases and names, as stems.
fn bank_words(list: &ContactList) -> Vec<Vec<Look>> {
    list.issuer
        .aliases
        .iter()
        .map(String::as_str)
        .chain(list.issuer.name.pairs().map(|(_, t)| t))
        .flat_map(words)
        .map(|w| w.chars.to_vec())
        .filter(|w| !w.is_empty())
        .collect()
}

fn sense(word: &[Look], bank: &[Vec<Look>]) -> Sense {
    let v = vocabulary();
    let whole = |list: &[Vec<Look>]| list.iter().any(|w| same_look(word, w));
    // A service word is one even when an alias has it ("ExampleBank
    // Security"): a person's name added to it keeps the claim.
    if v.security
        .iter()
        .any(|s| word_is(word, s) || contains(word, s))
    {
        Sense::Security
    } else if v.service.iter().any(|s| word_is(word, s)) {
        Sense::Service
    } else if bank.iter().any(|b| word_is(word, b)) || whole(&v.legal) {
        Sense::Bank
    } else if is_number(word) || whole(&v.neutral) || v.neutral.iter().any(|n| word_is(word, n)) {
        Sense::Neutral
    } else {
        Sense::Person
    }
}

/// A stem of five letters or more anywhere in a longer word, with any
/// ending: a compound ("кибербезопасность", "antifraud") or a long
/// inflection ("мошенн|ичеством").
fn contains(word: &[Look], stem: &[Look]) -> bool {
    stem.len() >= 5
        && word.len() > stem.len()
        && (0..=word.len() - stem.len()).any(|at| same_look(&word[at..at + stem.len()], stem))
}

/// Whether `name` presents itself as the bank of `list`: the list's alias
/// matches it, and it says the bank's security, or it has no person's word.
pub fn presents_as_bank(name: &str, list: &ContactList) -> bool {
    let whole: Folded = fold(name);
    if whole.is_empty() || !list.alias_patterns().iter().any(|a| a.matches(&whole)) {
        return false;
    }
    let bank = bank_words(list);
    let senses: Vec<Sense> = read_words(name).iter().map(|w| sense(w, &bank)).collect();
    senses.contains(&Sense::Security) || !senses.contains(&Sense::Person)
}

/// A bank's security claimed without naming the bank: the words the
/// fraudster asks the victim to save. A security word with a word that says
/// "bank" ("Служба безопасности банка", "Банковская служба безопасности"),
/// whatever else is added, or a name of nothing but service and neutral
/// words with a security word among them ("Служба безопасности", "Security
/// Service"). "Банк России", "Мой банк", "Банк крови донорский центр" and
/// "Служба безопасности ТЦ" claim nothing; an authority ("Полиция", "ЦБ")
/// is out of scope.
pub fn claims_a_bank_service(name: &str) -> bool {
    let bank: Vec<Vec<Look>> = ["банк", "bank", "банкі", "банку", "банковск", "banking"]
        .iter()
        .map(|w| looks(w))
        .collect();
    let words = read_words(name);
    let says_bank = words.iter().any(|w| bank.iter().any(|b| word_is(w, b)));
    let senses: Vec<Sense> = words
        .iter()
        .filter(|w| !bank.iter().any(|b| word_is(w, b)))
        .map(|w| sense(w, &[]))
        .collect();
    senses.contains(&Sense::Security) && (says_bank || !senses.contains(&Sense::Person))
}

/// Whether `name` already carries the warning: it is the hint (in any of
/// the list's languages or the SDK's own), as the customer renamed it.
pub fn already_warns(name: &str, list: &ContactList, hint: &str) -> bool {
    let name = looks(name);
    if name.is_empty() {
        return false;
    }
    let same = |text: &str| same_look(&looks(text), &name);
    same(hint) || super::copy::all_hints(list).iter().any(|h| same(h))
}

/// Whether an alias of a loaded list matches anywhere in `name`.
pub fn mentions_a_bank(name: &str, lists: &[std::sync::Arc<ContactList>]) -> bool {
    let whole = fold(name);
    !whole.is_empty()
        && lists
            .iter()
            .any(|l| l.alias_patterns().iter().any(|a| a.matches(&whole)))
}
