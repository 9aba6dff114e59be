//! What the decision table looks at: the call's number (or the one its
//! name shows), where the lists and feeds have it, and the caller's names,
//! gathered once before any rule is asked.

use super::decision::Decision;
use super::find::{find_match, find_report, warns, Hit};
use crate::feed::{Category, Feed};
use crate::intent::IntentBook;
use crate::list::{ContactList, Usage};
use crate::model::ContactDirection;
use crate::normalize::{normalize, normalize_international, Normalized, Region};
use crate::screen::call::{Call, CallDirection, Reason, Risk, Verdict};
use crate::screen::names;
use crate::timestamp::Timestamp;
use std::cell::OnceCell;
use std::sync::Arc;

pub(super) struct Facts<'l, 'c> {
    pub lists: &'l [Arc<ContactList>],
    pub intents: &'l IntentBook,
    pub call: &'c Call<'c>,
    pub home: Option<Region>,
    pub now: Timestamp,
    /// The number the call is about: its own, or without one (for
    /// warnings only) the number its name shows.
    pub number: Normalized,
    /// A number the name shows that is not the call's own.
    pub named: Option<Normalized>,
    /// `number` was read from the name: it may warn, never vouch.
    pub from_name: bool,
    /// Some list in force is current.
    pub has_current: bool,
    /// `number` in the current lists, and in the expired ones.
    pub fresh_hit: Option<Hit<'l>>,
    pub stale_hit: Option<Hit<'l>>,
    /// The most alarming report of `number` in any feed.
    pub report: Option<(Category, &'l str)>,
    /// The names the caller shows (display name, a name in the number field).
    names: Vec<&'c str>,
    /// Their readings, made only when a name rule asks.
    readings: OnceCell<Vec<names::Reading>>,
}

impl<'l, 'c> Facts<'l, 'c> {
    pub fn gather(
        lists: &'l [Arc<ContactList>],
        intents: &'l IntentBook,
        feeds: &[Feed<'l>],
        call: &'c Call<'c>,
        home: Option<Region>,
        now: Timestamp,
    ) -> Facts<'l, 'c> {
        let typed = read_number(call.number, home);
        let names = shown_names(call, typed == Normalized::Invalid, lists, home);
        let named = number_in_names(&names, call, lists, home);
        // Without a number of its own, the call is the number its name shows.
        let from_name = typed == Normalized::Invalid && named.is_some();
        let (number, named) = match (typed, named) {
            (Normalized::Invalid, Some(named)) => (named, None),
            (typed, named) => {
                let named = named.filter(|n| *n != typed);
                (typed, named)
            }
        };
        let current = |l: &&Arc<ContactList>| now <= l.expires_at;
        Facts {
            lists,
            intents,
            call,
            home,
            now,
            has_current: lists.iter().any(|l| current(&l)),
            fresh_hit: find_match(lists.iter().filter(current), &number, home),
            stale_hit: find_match(lists.iter().filter(|l| !current(l)), &number, home),
            report: find_report(feeds, &number, now),
            number,
            named,
            from_name,
            names,
            readings: OnceCell::new(),
        }
    }

    pub fn incoming(&self) -> bool {
        self.call.direction == CallDirection::Incoming
    }

    pub fn is_current(&self, list: &ContactList) -> bool {
        self.now <= list.expires_at
    }

    /// The caller's names as a person reads them.
    pub fn readings(&self) -> &[names::Reading] {
        self.readings
            .get_or_init(|| self.names.iter().map(|n| names::read(n)).collect())
    }

    /// A decision about the call's number.
    pub fn decision(
        &self,
        verdict: Verdict,
        risk: Risk,
        reason: Reason,
        hit: Option<Hit<'l>>,
    ) -> Decision<'l> {
        Decision {
            verdict,
            risk,
            reason,
            list: hit.map(|(l, _)| l),
            usage: hit.map(|(_, u)| u),
            number: self.number.clone(),
            intent: None,
            feed_issuer: None,
        }
    }

    /// A decision that names the list it is about, but no contact of it.
    pub fn about(
        &self,
        list: &'l ContactList,
        verdict: Verdict,
        risk: Risk,
        reason: Reason,
    ) -> Decision<'l> {
        Decision {
            list: Some(list),
            ..self.decision(verdict, risk, reason, None)
        }
    }

    /// The number in an expired list: stale data may warn (an inbound-only
    /// number is still never the bank calling), never vouch.
    pub fn stale(&self, (list, usage): Hit<'l>) -> Decision<'l> {
        if usage.direction == ContactDirection::InboundOnly && self.incoming() {
            self.decision(
                Verdict::Spoofed,
                Risk::Danger,
                Reason::InboundOnly,
                Some((list, usage)),
            )
        } else {
            self.about(
                list,
                Verdict::Unverifiable,
                Risk::Caution,
                Reason::NoValidList,
            )
        }
    }

    /// The number as a feed reported it.
    pub fn reported(&self, (category, issuer): (Category, &'l str)) -> Decision<'l> {
        let (risk, reason) = match category {
            Category::Fraud => (Risk::Danger, Reason::ReportedFraud),
            Category::Spam => (Risk::Caution, Reason::ReportedSpam),
        };
        Decision {
            feed_issuer: Some(issuer),
            ..self.decision(Verdict::Reported, risk, reason, None)
        }
    }
}

fn read_number(text: &str, home: Option<Region>) -> Normalized {
    match home {
        Some(home) => normalize(text, home),
        None => normalize_international(text),
    }
}

/// The names a caller shows. A caller can put a name where the number
/// belongs: read it as a name. A contact the customer saved under this
/// number shows the customer's own label ("Мама Сбер работа"): it raises
/// no name claim, unless the contact audit flags that very contact (a
/// saved "security service", a saved inbound-only line).
fn shown_names<'c>(
    call: &'c Call<'c>,
    no_number: bool,
    lists: &[Arc<ContactList>],
    home: Option<Region>,
) -> Vec<&'c str> {
    let number_as_name =
        (no_number && call.number.chars().any(char::is_alphabetic)).then_some(call.number);
    let customers_label = call.saved_contact
        && call.display_name.is_some_and(|name| {
            crate::contacts::saved_name_is_the_customers(name, call.number, lists, home)
        });
    call.display_name
        .filter(|_| !customers_label)
        .into_iter()
        .chain(number_as_name)
        .filter(|n| !n.trim().is_empty())
        .collect()
}

/// The number a name shows ("8 800 555-35-35" as a WhatsApp name): one a
/// list says warns on this channel first, then any listed one (any list:
/// the more alarming wins), then the first. A short number or ten digits
/// without a prefix ("900", "800 555-35-35") count only when a list has them.
fn number_in_names(
    names: &[&str],
    call: &Call<'_>,
    lists: &[Arc<ContactList>],
    home: Option<Region>,
) -> Option<Normalized> {
    let listed = |n: &Normalized| find_match(lists.iter(), n, home);
    let mut all: Vec<Normalized> = Vec::new();
    for candidate in names.iter().flat_map(|n| names::read_numbers(n)) {
        let n = read_number(&candidate.text, home);
        let believed = !candidate.listed_only || listed(&n).is_some();
        if n != Normalized::Invalid && believed && !all.contains(&n) {
            all.push(n);
        }
    }
    let warning = |u: &Usage| warns(*u, call.channel);
    all.iter()
        .find(|n| listed(n).is_some_and(|(_, u)| warning(&u)))
        .or_else(|| all.iter().find(|n| listed(n).is_some()))
        .or_else(|| all.first())
        .cloned()
}
