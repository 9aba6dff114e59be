//! The words of the contact audit, from the SDK's catalogue
//! (core/src/copy/ftl, `contacts-*`). Short, concrete, what to do next;
//! never the number.

use crate::copy::{sdk, Arg, Lang};
use crate::list::{ContactList, Usage};

fn bank(list: &ContactList, lang: Lang) -> &str {
    list.issuer.name.get(lang.code())
}

/// The name to offer for a saved inbound-only number: the list's
/// `contact_name_hint` in `lang`, else the SDK's own.
pub fn name_hint(list: &ContactList, usage: &Usage, lang: Lang) -> String {
    if let Some(hint) = list.name_hint(usage) {
        return hint.get(lang.code()).to_string();
    }
    default_hint(list, lang)
}

fn default_hint(list: &ContactList, lang: Lang) -> String {
    sdk().text(
        lang,
        "contacts-hint",
        &[("bank", Arg::Text(bank(list, lang)))],
    )
}

/// Every name that already carries the warning for `list`: its hints in
/// every language, and the SDK's own in each of its languages.
pub fn all_hints(list: &ContactList) -> Vec<String> {
    let mut out: Vec<String> = list
        .name_hints()
        .iter()
        .flat_map(|h| h.pairs().map(|(_, t)| t.to_string()))
        .collect();
    out.extend(Lang::ALL.map(|l| default_hint(list, l)));
    out
}

pub fn inbound_only(list: &ContactList, usage: &Usage, lang: Lang, hint: &str) -> (String, String) {
    let label = list.label(usage).get(lang.code());
    let args = [
        ("bank", Arg::Text(bank(list, lang))),
        ("label", Arg::Text(label)),
        ("hint", Arg::Text(hint)),
    ];
    sdk().titled(lang, "contacts-inbound-only", &args)
}

pub fn claims_bank(list: &ContactList, lang: Lang) -> (String, String) {
    let args = [("bank", Arg::Text(bank(list, lang)))];
    sdk().titled(lang, "contacts-claims-bank", &args)
}
