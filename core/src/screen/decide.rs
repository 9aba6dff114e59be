//! THE decision table: where every verdict is decided. Read top to bottom;
//! the first rule that applies wins (docs/screening.md mirrors it).

use super::call::{Attestation, Call, CallDirection, Reason, Risk, Verdict};
use super::names;
use crate::feed::{Category, Feed};
use crate::intent::{CallIntent, IntentBook};
use crate::list::{ContactList, Match, Usage};
use crate::model::ContactDirection;
use crate::normalize::{normalize, normalize_international, Normalized, Region};
use crate::timestamp::Timestamp;
use std::sync::Arc;

/// A verdict before it is worded.
#[derive(Debug, Clone)]
pub struct Decision<'l> {
    pub verdict: Verdict,
    pub risk: Risk,
    pub reason: Reason,
    /// The list (and contact) the verdict is about, if any.
    pub list: Option<&'l ContactList>,
    pub usage: Option<Usage>,
    pub number: Normalized,
    /// The bank's signed announcement of this call, when one matched.
    pub intent: Option<&'l CallIntent>,
    /// The issuer whose feed reported the number (verdict `reported`).
    pub feed_issuer: Option<&'l str>,
}

/// `decide_with_feeds` without feeds.
pub fn decide<'l>(
    lists: &'l [Arc<ContactList>],
    intents: &'l IntentBook,
    call: &Call<'_>,
    home: Option<Region>,
    now: Timestamp,
) -> Decision<'l> {
    decide_with_feeds(lists, intents, &[], call, home, now)
}

pub fn decide_with_feeds<'l>(
    lists: &'l [Arc<ContactList>],
    intents: &'l IntentBook,
    feeds: &[Feed<'l>],
    call: &Call<'_>,
    home: Option<Region>,
    now: Timestamp,
) -> Decision<'l> {
    let read = |text: &str| match home {
        Some(home) => normalize(text, home),
        None => normalize_international(text),
    };
    let typed = read(call.number);
    // A caller can put a name where the number belongs: read it as a name.
    let number_as_name = (typed == Normalized::Invalid
        && call.number.chars().any(char::is_alphabetic))
    .then_some(call.number);
    // A contact the customer saved under this number shows the customer's
    // own label ("Мама Сбер работа"): it raises no name claim, unless the
    // contact audit flags that very contact (a saved "security service", a
    // saved inbound-only line). The number rules below always apply.
    let customers_label = call.saved_contact
        && call.display_name.is_some_and(|name| {
            crate::contacts::saved_name_is_the_customers(name, call.number, lists, home)
        });
    let names: Vec<&str> = call
        .display_name
        .filter(|_| !customers_label)
        .into_iter()
        .chain(number_as_name)
        .filter(|n| !n.trim().is_empty())
        .collect();
    // Numbers written in the name ("8 800 555-35-35" as a WhatsApp name),
    // those of a list first (any list: the more alarming wins below). A
    // short number or ten digits without a prefix ("900", "800 555-35-35")
    // count only when a list has them.
    let listed = |n: &Normalized| find_match(lists.iter(), n, home);
    let mut named_all: Vec<Normalized> = Vec::new();
    for candidate in names.iter().flat_map(|n| names::read_numbers(n)) {
        let n = read(&candidate.text);
        let believed = !candidate.listed_only || listed(&n).is_some();
        if n != Normalized::Invalid && believed && !named_all.contains(&n) {
            named_all.push(n);
        }
    }
    let named = named_all
        .iter()
        .find(|n| listed(n).is_some_and(|(_, u)| warns(u, call.channel)))
        .or_else(|| named_all.iter().find(|n| listed(n).is_some()))
        .or_else(|| named_all.first())
        .cloned();
    // Without a number of its own, the call is the number its name shows —
    // for warnings only: the caller wrote that name, so it never vouches.
    let from_name = typed == Normalized::Invalid && named.is_some();
    let (number, named) = match (typed, named) {
        (Normalized::Invalid, Some(named)) => (named, None),
        (typed, named) => {
            let named = named.filter(|n| *n != typed);
            (typed, named)
        }
    };

    let current = |l: &&Arc<ContactList>| now <= l.expires_at;
    let has_current = lists.iter().any(|l| current(&l));
    let decision = |verdict, risk, reason, hit: Option<(&'l ContactList, Usage)>| Decision {
        verdict,
        risk,
        reason,
        list: hit.map(|(l, _)| l),
        usage: hit.map(|(_, u)| u),
        number: number.clone(),
        intent: None,
        feed_issuer: None,
    };
    // Reported in a feed, current or expired (stale data may warn). Only
    // ever a warning, and only after the bank's own numbers and names.
    let report = find_report(feeds, &number, now);
    let reported = |(category, issuer): (Category, &'l str)| {
        let (risk, reason) = match category {
            Category::Fraud => (Risk::Danger, Reason::ReportedFraud),
            Category::Spam => (Risk::Caution, Reason::ReportedSpam),
        };
        Decision {
            feed_issuer: Some(issuer),
            ..decision(Verdict::Reported, risk, reason, None)
        }
    };
    let about = |list: &'l ContactList, d: Decision<'l>| Decision {
        list: Some(list),
        ..d
    };

    // Matches in current lists, and in expired ones: stale data may warn
    // (an inbound-only number is still never the bank calling), never vouch.
    let fresh_hit = find_match(lists.iter().filter(current), &number, home);
    let stale_hit = find_match(lists.iter().filter(|l| !current(l)), &number, home);
    let stale = |(list, usage): (&'l ContactList, Usage)| {
        if usage.direction == ContactDirection::InboundOnly
            && call.direction == CallDirection::Incoming
        {
            decision(
                Verdict::Spoofed,
                Risk::Danger,
                Reason::InboundOnly,
                Some((list, usage)),
            )
        } else {
            about(
                list,
                decision(
                    Verdict::Unverifiable,
                    Risk::Caution,
                    Reason::NoValidList,
                    None,
                ),
            )
        }
    };

    if call.direction == CallDirection::Outgoing {
        // "You are about to call a number reported as fraud" — unless it
        // is the bank's own (an official number wrongly reported).
        if let (None, None, Some(report)) = (fresh_hit, stale_hit, report) {
            return reported(report);
        }
        // Calling an inbound-only number is exactly what it is for.
        return match (fresh_hit, stale_hit, has_current) {
            (Some(hit), _, _) => decision(Verdict::Official, Risk::Safe, Reason::Listed, Some(hit)),
            (None, Some(hit), _) => stale(hit),
            (None, None, false) => decision(
                Verdict::Unverifiable,
                Risk::Caution,
                Reason::NoValidList,
                None,
            ),
            (None, None, true) => {
                decision(Verdict::Unknown, Risk::Caution, Reason::NotListed, None)
            }
        };
    }

    let folded: Vec<names::Reading> = names.iter().map(|n| names::read(n)).collect();
    // Banks and the state never call through a messenger: no list needed to know it.
    let claims_authority = || {
        call.channel.is_messenger()
            && folded.iter().any(|name| {
                names::claims_authority(name, lists.iter().flat_map(|l| l.authority_phrases()))
            })
    };
    let authority = || {
        decision(
            Verdict::Impersonation,
            Risk::Danger,
            Reason::ClaimsAuthority,
            None,
        )
    };

    // The bank a name claims: the aliases of the newest list each issuer
    // has, current or expired. An expired list vouches for nothing, but it
    // still knows the bank's names; a newer list's aliases replace an
    // older one's.
    let claimed_bank = || {
        newest_per_issuer(lists).into_iter().find(|l| {
            folded
                .iter()
                .any(|name| names::claims(name, l.alias_patterns()))
        })
    };
    let claims_bank = |list: &'l ContactList| {
        about(
            list,
            decision(
                Verdict::Impersonation,
                Risk::Danger,
                Reason::NameClaimsIssuer,
                None,
            ),
        )
    };

    // 1. Nothing current to check against.
    if !has_current {
        return match stale_hit {
            Some(hit) => stale(hit),
            None => match claimed_bank() {
                Some(list) => claims_bank(list),
                None if claims_authority() => authority(),
                None => match report {
                    Some(report) => reported(report),
                    None => decision(
                        Verdict::Unverifiable,
                        Risk::Caution,
                        Reason::NoValidList,
                        None,
                    ),
                },
            },
        };
    }

    // 1b. An inbound-only number of an expired list is never the bank
    // calling: no other bank's current data may hide that warning.
    if let Some(hit) = stale_hit.filter(|(_, u)| u.direction == ContactDirection::InboundOnly) {
        return stale(hit);
    }

    // 2. The number is one of the bank's.
    if let Some(hit @ (list, usage)) = fresh_hit {
        // The bank's signed announcement of this very call (number, channel, now).
        let announced = match number {
            Normalized::E164(n) => intents.matching(&list.issuer.id, n, call.channel, lists, now),
            _ => None,
        };
        let (verdict, risk, reason) = if usage.direction == ContactDirection::InboundOnly {
            (Verdict::Spoofed, Risk::Danger, Reason::InboundOnly)
        } else if !usage.channels.contains(call.channel) {
            (Verdict::Spoofed, Risk::Danger, Reason::ChannelNotUsed)
        } else if call.attestation == Attestation::Failed {
            (Verdict::Spoofed, Risk::Danger, Reason::AttestationFailed)
        } else if announced.is_some() {
            (Verdict::Expected, Risk::Safe, Reason::Announced)
        } else if call.attestation == Attestation::Passed {
            (Verdict::Verified, Risk::Safe, Reason::Attested)
        } else if list.announces_calls {
            (Verdict::Official, Risk::Caution, Reason::Unannounced)
        } else {
            (Verdict::Official, Risk::Caution, Reason::ListedOutbound)
        };
        let vouches = matches!(
            verdict,
            Verdict::Official | Verdict::Verified | Verdict::Expected
        );
        if !(from_name && vouches) {
            return Decision {
                intent: announced.filter(|_| verdict == Verdict::Expected),
                ..decision(verdict, risk, reason, Some(hit))
            };
        }
    }
    // 2b. The number is in a list that has expired (another bank's is current).
    if let Some(hit) = stale_hit.filter(|_| !from_name) {
        return stale(hit);
    }

    // 2c. The name shows a bank number that is not the caller's own.
    if let Some(named) = named {
        let named_hit = find_match(lists.iter().filter(current), &named, home)
            .or_else(|| find_match(lists.iter().filter(|l| !current(l)), &named, home));
        if let Some((list, usage)) = named_hit {
            let reason = if usage.direction == ContactDirection::InboundOnly {
                Some(Reason::InboundOnly)
            } else if !usage.channels.contains(call.channel) {
                Some(Reason::ChannelNotUsed)
            } else {
                None
            };
            return match reason {
                Some(reason) => Decision {
                    number: named,
                    ..decision(Verdict::Spoofed, Risk::Danger, reason, Some((list, usage)))
                },
                None => about(
                    list,
                    decision(
                        Verdict::Impersonation,
                        Risk::Danger,
                        Reason::NameClaimsIssuer,
                        None,
                    ),
                ),
            };
        }
    }

    // 3. Not a bank number, but the name says it is (the bank's names
    // from its newest list, even expired).
    if let Some(list) = claimed_bank() {
        return claims_bank(list);
    }

    // 3b. A messenger caller who claims to be a bank's security service,
    // the central bank, the police…
    if claims_authority() {
        return authority();
    }

    // 3c. Not the bank's, but people reported it to an issuer. A bank
    // number read from a name fell through rule 2 (it never vouches), yet
    // it is still the bank's: never "reported" (an official number wrongly
    // reported stays the bank's, wherever it was read from).
    if let Some(report) = report.filter(|_| fresh_hit.is_none() && stale_hit.is_none()) {
        return reported(report);
    }

    // 4. Someone else. Most calls are friends: no nagging, but we don't
    // know that the caller is safe either.
    decision(Verdict::Unknown, Risk::Neutral, Reason::NotListed, None)
}

/// The newest list of each issuer (highest version, then latest issued):
/// whose names a caller's name is compared with.
fn newest_per_issuer(lists: &[Arc<ContactList>]) -> Vec<&ContactList> {
    let mut newest: Vec<&ContactList> = Vec::new();
    for list in lists {
        match newest.iter_mut().find(|l| l.issuer.id == list.issuer.id) {
            Some(kept) => {
                if (list.version, list.issued_at) > (kept.version, kept.issued_at) {
                    *kept = list;
                }
            }
            None => newest.push(list),
        }
    }
    newest
}

/// Whether feeds of reported numbers could change `verdict`, a decision
/// made without them. A feed only ever answers what every list left open
/// (rules 1 and 3c, and the outgoing check): a call a list or a name rule
/// decided (`official`, `verified`, `expected`, `spoofed`,
/// `impersonation`, an expired list's warning) is decided the same with
/// any feed. Lets a phone answer such a call before a stored feed has
/// been checked after a cold start; `core/tests/feeds_can_change.rs`
/// holds it against the decision table.
pub fn feeds_can_change(verdict: Verdict) -> bool {
    match verdict {
        Verdict::Unknown | Verdict::Unverifiable | Verdict::Reported => true,
        Verdict::Official
        | Verdict::Verified
        | Verdict::Expected
        | Verdict::Spoofed
        | Verdict::Impersonation => false,
    }
}

/// A contact whose number, on `channel`, can only be a fake caller.
fn warns(usage: Usage, channel: crate::model::Channel) -> bool {
    usage.direction == ContactDirection::InboundOnly || !usage.channels.contains(channel)
}

/// The most alarming report across feeds (fraud over spam), a current
/// feed's before an expired one's.
fn find_report<'l>(
    feeds: &[Feed<'l>],
    number: &Normalized,
    now: Timestamp,
) -> Option<(Category, &'l str)> {
    let Normalized::E164(n) = number else {
        return None;
    };
    let mut best: Option<((bool, bool), Category, &'l str)> = None;
    for feed in feeds {
        if let Some(category) = feed.blob.lookup(*n) {
            let rank = (category == Category::Fraud, feed.is_current(now));
            if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
                best = Some((rank, category, feed.manifest.issuer.as_str()));
            }
        }
    }
    best.map(|(_, category, issuer)| (category, issuer))
}

/// The most specific match across lists: an exact number beats a prefix,
/// a longer prefix beats a shorter one; between issuers the more alarming
/// contact (inbound-only) wins, so one bank's data cannot mask another's warning.
pub(crate) fn find_match<'l>(
    lists: impl Iterator<Item = &'l Arc<ContactList>>,
    number: &Normalized,
    home: Option<Region>,
) -> Option<(&'l ContactList, Usage)> {
    let mut best: Option<((u8, u8), &'l ContactList, Usage)> = None;
    for list in lists {
        let found = match number {
            Normalized::E164(n) => list.match_number(*n).map(|m| match m {
                Match::Number(e) => (16, e.usage),
                Match::Prefix(p) => (p.len, p.usage),
            }),
            Normalized::ShortCode(code) => home
                .and_then(|home| list.match_short_code(home.iso(), code))
                .map(|s| (16, s.usage)),
            Normalized::Invalid => None,
        };
        if let Some((specificity, usage)) = found {
            let alarm = u8::from(usage.direction == ContactDirection::InboundOnly);
            let rank = (specificity, alarm);
            if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
                best = Some((rank, list.as_ref(), usage));
            }
        }
    }
    best.map(|(_, list, usage)| (list, usage))
}
