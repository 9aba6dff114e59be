//! The words of the contact audit, English and Russian as the rest of the
//! SDK's copy (core/src/screen/copy.rs; issue 24 moves both into message
//! catalogues). Short, concrete, what to do next; never the number.

use crate::list::{ContactList, Usage};
use crate::screen::Lang;

fn bank(list: &ContactList, lang: Lang) -> &str {
    list.issuer.name.get(match lang {
        Lang::En => "en",
        Lang::Ru => "ru",
    })
}

fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ru => "ru",
    }
}

/// The name to offer for a saved inbound-only number: the list's
/// `contact_name_hint` in `lang`, else the SDK's own.
pub fn name_hint(list: &ContactList, usage: &Usage, lang: Lang) -> String {
    if let Some(hint) = list.name_hint(usage) {
        return hint.get(tag(lang)).to_string();
    }
    default_hint(list, lang)
}

fn default_hint(list: &ContactList, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} hotline — never calls you", bank(list, lang)),
        Lang::Ru => format!("{}: только входящие, вам не звонит", bank(list, lang)),
    }
}

/// Every name that already carries the warning for `list`: its hints in
/// every language, and the SDK's own in each of its languages.
pub fn all_hints(list: &ContactList) -> Vec<String> {
    let mut out: Vec<String> = list
        .name_hints()
        .iter()
        .flat_map(|h| h.pairs().map(|(_, t)| t.to_string()))
        .collect();
    out.extend([Lang::En, Lang::Ru].map(|l| default_hint(list, l)));
    out
}

pub fn inbound_only(list: &ContactList, usage: &Usage, lang: Lang, hint: &str) -> (String, String) {
    let label = list.label(usage).get(tag(lang));
    let bank = bank(list, lang);
    match lang {
        Lang::En => (
            format!("{bank} never calls from this saved number"),
            format!(
                "You saved {bank}'s {label}. The bank only takes calls on it: a call that shows this contact's name is fake. Rename it to “{hint}” so the name itself warns you."
            ),
        ),
        Lang::Ru => (
            format!("{bank} никогда не звонит с этого номера"),
            format!(
                "Вы сохранили номер «{label}» банка {bank}. Банк только принимает на него звонки: звонок с именем этого контакта — обман. Переименуйте его в «{hint}», чтобы имя само предупреждало вас."
            ),
        ),
    }
}

pub fn claims_bank(list: &ContactList, lang: Lang) -> (String, String) {
    let bank = bank(list, lang);
    match lang {
        Lang::En => (
            format!("Not {bank}'s number"),
            format!(
                "This contact is named as {bank} or its service, but its number is not one of the bank's. Scammers ask people to save their number this way. Delete or rename it, and call {bank} only on the number on your card."
            ),
        ),
        Lang::Ru => (
            format!("Это не номер банка {bank}"),
            format!(
                "Контакт назван как {bank} или его служба, но номер не принадлежит банку. Так мошенники просят сохранить их номер. Удалите или переименуйте контакт и звоните в {bank} только по номеру с карты."
            ),
        ),
    }
}
