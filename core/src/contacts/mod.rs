//! The address book the fraudster relies on (docs/screening.md, "Saved
//! contacts"). Pure logic: the platform hands over each contact's name and
//! numbers; nothing is stored, sent or changed here.
//!
//! Two findings, each per number:
//! - `saved_inbound_only`: a saved number the bank's list marks inbound
//!   only. The bank never calls from it, so a call that shows this contact's
//!   name is fake (iOS shows a contact's name, never a Call Directory
//!   label): rename it so the name itself warns.
//! - `claims_bank_not_listed`: a contact whose name presents itself as the
//!   bank or one of its services — the bank's alias, alone or with role
//!   words — saved with numbers that are not on that bank's list: the
//!   "save my number as the security service" pattern. A person's label
//!   that mentions where someone works ("Мама Сбер работа") is not a claim,
//!   and authorities are out of scope (their numbers are not a bank's).
//!
//! A contact renamed to its hint (or any name that no longer presents
//! itself as the bank) is not found again.

mod copy;
mod reading;

use crate::copy::Lang;
use crate::list::ContactList;
use crate::model::ContactDirection;
use crate::normalize::{normalize, normalize_international, Normalized, Region};
use crate::screen::decide::find::find_match;
use std::sync::Arc;

pub use reading::presents_as_bank;

/// One address-book entry as the platform reads it.
#[derive(Debug, Clone)]
pub struct Contact<'a> {
    pub name: &'a str,
    pub numbers: Vec<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    SavedInboundOnly,
    ClaimsBankNotListed,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::SavedInboundOnly => "saved_inbound_only",
            FindingKind::ClaimsBankNotListed => "claims_bank_not_listed",
        }
    }
}

/// What the customer is shown for one contact and number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The contact's position in what was handed over.
    pub index: usize,
    /// The number as saved (the platform finds it again by this).
    pub number: String,
    pub kind: FindingKind,
    /// The bank the finding is about.
    pub issuer: String,
    /// `saved_inbound_only`: the name to offer for the contact (the list's
    /// `contact_name_hint`, else the SDK's own).
    pub suggested_name: Option<String>,
    pub title: String,
    pub message: String,
}

/// The most contacts an address-book file may hold for `callguard contacts`
/// (a tester's file; the CLI refuses a larger one). `audit` itself reads
/// every contact it is given, none left unchecked: its work is linear,
/// about 7 µs a contact of 5 numbers (docs/screening.md).
pub const MAX_CONTACTS: usize = 50_000;
/// The most numbers one contact of such a file may have.
pub const MAX_NUMBERS_PER_CONTACT: usize = 16;

/// The findings for `contacts` against the lists in force (current or
/// expired: an expired list still knows which numbers the bank never calls
/// from, and its names), in order of contact and number.
pub fn audit(
    contacts: &[Contact<'_>],
    lists: &[Arc<ContactList>],
    home: Option<Region>,
    lang: Lang,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, contact) in contacts.iter().enumerate() {
        let numbers: Vec<(&str, Normalized)> = contact
            .numbers
            .iter()
            .map(|n| (*n, read_number(n, home)))
            .filter(|(_, n)| *n != Normalized::Invalid)
            .collect();
        let saved = Saved {
            index,
            name: contact.name,
            numbers: &numbers,
        };
        saved_inbound_only(&saved, lists, home, lang, &mut findings);
        claims_bank_not_listed(&saved, lists, home, lang, &mut findings);
    }
    findings
}

/// One contact as the audit reads it: its numbers normalized as screening does.
struct Saved<'a> {
    index: usize,
    name: &'a str,
    numbers: &'a [(&'a str, Normalized)],
}

fn read_number(text: &str, home: Option<Region>) -> Normalized {
    match home {
        Some(home) => normalize(text, home),
        None => normalize_international(text),
    }
}

/// Finding 1: saved numbers the bank never calls from, unless the name
/// already warns.
fn saved_inbound_only(
    contact: &Saved<'_>,
    lists: &[Arc<ContactList>],
    home: Option<Region>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) {
    for (saved, number) in contact.numbers {
        let Some((list, usage)) = find_match(lists.iter(), number, home) else {
            continue;
        };
        if usage.direction != ContactDirection::InboundOnly {
            continue;
        }
        let hint = copy::name_hint(list, &usage, lang);
        if reading::already_warns(contact.name, list, &hint) {
            continue;
        }
        let (title, message) = copy::inbound_only(list, &usage, lang, &hint);
        findings.push(Finding {
            index: contact.index,
            number: saved.to_string(),
            kind: FindingKind::SavedInboundOnly,
            issuer: list.issuer.id.clone(),
            suggested_name: Some(hint),
            title,
            message,
        });
    }
}

/// Finding 2: a name that presents itself as a bank (`presents_as`), one
/// finding for each of its numbers that is not that bank's: a contact that
/// holds the bank's real line and the fraudster's is still the fraudster's.
/// A bank's service claimed without naming a bank counts as a claim on
/// every bank whose list is loaded; a name that mentions a loaded bank is
/// about that bank, and whether it presents itself as it is that bank's
/// reading alone.
fn claims_bank_not_listed(
    contact: &Saved<'_>,
    lists: &[Arc<ContactList>],
    home: Option<Region>,
    lang: Lang,
    findings: &mut Vec<Finding>,
) {
    let generic = !reading::mentions_a_bank(contact.name, lists)
        && reading::claims_a_bank_service(contact.name);
    for list in lists
        .iter()
        .filter(|l| generic || presents_as(contact.name, l, home))
    {
        for (saved, number) in contact.numbers {
            if find_match(std::iter::once(list), number, home).is_some() {
                continue;
            }
            let (title, message) = copy::claims_bank(list, lang);
            findings.push(Finding {
                index: contact.index,
                number: saved.to_string(),
                kind: FindingKind::ClaimsBankNotListed,
                issuer: list.issuer.id.clone(),
                suggested_name: None,
                title,
                message,
            });
        }
    }
}

/// The name presents itself as the bank of `list`: by its words
/// (`reading::presents_as_bank`), or by one of the bank's numbers written
/// as the name ("8 800 555-35-35": on a call, the screen shows the name).
fn presents_as(name: &str, list: &Arc<ContactList>, home: Option<Region>) -> bool {
    presents_as_bank(name, list)
        || crate::screen::names::numbers_in_name(name).iter().any(|n| {
            let number = read_number(n, home);
            number != Normalized::Invalid
                && find_match(std::iter::once(list), &number, home).is_some()
        })
}

/// Whether a caller whose number is saved under `name` may be believed not
/// to be making a claim with that name (`Call::saved_contact`): true unless
/// the audit would flag that contact.
pub fn saved_name_is_the_customers(
    name: &str,
    number: &str,
    lists: &[Arc<ContactList>],
    home: Option<Region>,
) -> bool {
    let known = read_number(number, home) != Normalized::Invalid;
    if !known {
        // The platform knows the caller is a saved contact but not the
        // number (a messenger's contact URI): the name alone decides — one
        // that presents itself as a bank or a bank's service is the
        // fraudster's, whoever saved it.
        let claims = reading::claims_a_bank_service(name)
            || lists.iter().any(|l| presents_as(name, l, home));
        return !claims;
    }
    let contact = Contact {
        name,
        numbers: vec![number],
    };
    audit(&[contact], lists, home, Lang::En).is_empty()
}
