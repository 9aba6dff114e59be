//! The rules for an incoming call, one function each, numbered as in
//! docs/screening.md ("Incoming calls"). Each answers `None` when it does
//! not apply; `mod.rs` asks them in order.

use super::decision::Decision;
use super::facts::Facts;
use super::find::{find_match, newest_per_issuer};
use crate::list::ContactList;
use crate::model::ContactDirection;
use crate::normalize::Normalized;
use crate::screen::call::{Attestation, Reason, Risk, Verdict};
use crate::screen::names;

/// Rule 1: Nothing current to check against: the number in an expired list
/// (1a), else what the name and the feeds say (rules 3, 3b, 3c), else the
/// call cannot be checked.
pub fn rule_1_no_current_list<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    if f.has_current {
        return None;
    }
    let decision = match f.stale_hit {
        Some(hit) => f.stale(hit),
        None => rule_3_name_claims_a_bank(f)
            .or_else(|| rule_3b_name_claims_an_authority(f))
            .or_else(|| f.report.map(|report| f.reported(report)))
            .unwrap_or_else(|| {
                f.decision(
                    Verdict::Unverifiable,
                    Risk::Caution,
                    Reason::NoValidList,
                    None,
                )
            }),
    };
    Some(decision)
}

/// Rule 1b: An inbound-only number of an expired list is never the bank
/// calling: no other bank's current data may hide that warning.
pub fn rule_1b_expired_inbound_only<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    f.stale_hit
        .filter(|(_, u)| u.direction == ContactDirection::InboundOnly)
        .map(|hit| f.stale(hit))
}

/// Rule 2: The number is one of the bank's, in a current list. Read from a
/// name, it may warn but never vouch: such a call goes on to rule 2b.
pub fn rule_2_the_banks_number<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let hit @ (list, usage) = f.fresh_hit?;
    // The bank's signed announcement of this very call (number, channel, now).
    let announced = match f.number {
        Normalized::E164(n) => {
            f.intents
                .matching(&list.issuer.id, n, f.call.channel, f.lists, f.now)
        }
        _ => None,
    };
    let (verdict, risk, reason) = if usage.direction == ContactDirection::InboundOnly {
        (Verdict::Spoofed, Risk::Danger, Reason::InboundOnly)
    } else if !usage.channels.contains(f.call.channel) {
        (Verdict::Spoofed, Risk::Danger, Reason::ChannelNotUsed)
    } else if f.call.attestation == Attestation::Failed {
        (Verdict::Spoofed, Risk::Danger, Reason::AttestationFailed)
    } else if announced.is_some() {
        (Verdict::Expected, Risk::Safe, Reason::Announced)
    } else if f.call.attestation == Attestation::Passed {
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
    (!(f.from_name && vouches)).then(|| Decision {
        intent: announced.filter(|_| verdict == Verdict::Expected),
        ..f.decision(verdict, risk, reason, Some(hit))
    })
}

/// Rule 2b: The number is in a list that has expired (another bank's is current).
pub fn rule_2b_expired_list<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    f.stale_hit.filter(|_| !f.from_name).map(|hit| f.stale(hit))
}

/// Rule 2c: The name shows a bank number that is not the caller's own: a
/// number the bank never calls from (or not on this channel) is a fake;
/// one it does call from, shown by another number, is an impersonator.
pub fn rule_2c_bank_number_in_the_name<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let named = f.named.as_ref()?;
    let (list, usage) = find_match(f.lists.iter().filter(|l| f.is_current(l)), named, f.home)
        .or_else(|| find_match(f.lists.iter().filter(|l| !f.is_current(l)), named, f.home))?;
    let reason = if usage.direction == ContactDirection::InboundOnly {
        Reason::InboundOnly
    } else if !usage.channels.contains(f.call.channel) {
        Reason::ChannelNotUsed
    } else {
        return Some(claims_bank(f, list));
    };
    Some(Decision {
        number: named.clone(),
        ..f.decision(Verdict::Spoofed, Risk::Danger, reason, Some((list, usage)))
    })
}

/// Rule 3: Not a bank number, but the name says it is: the aliases of the
/// newest list each issuer has, current or expired (an expired list
/// vouches for nothing, but it still knows the bank's names; a newer
/// list's aliases replace an older one's).
pub fn rule_3_name_claims_a_bank<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let readings = f.readings();
    newest_per_issuer(f.lists)
        .into_iter()
        .find(|l| {
            readings
                .iter()
                .any(|name| names::claims(name, l.alias_patterns()))
        })
        .map(|list| claims_bank(f, list))
}

/// Rule 3b: A messenger caller who claims to be a bank's security service, the
/// central bank, the police… Banks and the state never call through a
/// messenger: no list is needed to know it.
pub fn rule_3b_name_claims_an_authority<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let claims = f.call.channel.is_messenger()
        && f.readings().iter().any(|name| {
            names::claims_authority(name, f.lists.iter().flat_map(|l| l.authority_phrases()))
        });
    claims.then(|| {
        f.decision(
            Verdict::Impersonation,
            Risk::Danger,
            Reason::ClaimsAuthority,
            None,
        )
    })
}

/// Rule 3c: Not the bank's, but people reported it to an issuer. A bank number
/// read from a name fell through rule 2 (it never vouches), yet it is
/// still the bank's: never "reported" (an official number wrongly
/// reported stays the bank's, wherever it was read from).
pub fn rule_3c_reported<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let report = f.report?;
    (f.fresh_hit.is_none() && f.stale_hit.is_none()).then(|| f.reported(report))
}

/// Rule 4: Someone else. Most calls are friends: no nagging, but we don't know
/// that the caller is safe either.
pub fn rule_4_someone_else<'l>(f: &Facts<'l, '_>) -> Decision<'l> {
    f.decision(Verdict::Unknown, Risk::Neutral, Reason::NotListed, None)
}

fn claims_bank<'l>(f: &Facts<'l, '_>, list: &'l ContactList) -> Decision<'l> {
    f.about(
        list,
        Verdict::Impersonation,
        Risk::Danger,
        Reason::NameClaimsIssuer,
    )
}
