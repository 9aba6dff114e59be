//! The rules for a call the customer is about to make ("check a number
//! before you call"), numbered as in docs/screening.md ("Outgoing calls").
//! Calling an inbound-only number is exactly what it is for.

use super::decision::Decision;
use super::facts::Facts;
use crate::screen::call::{Reason, Risk, Verdict};

/// Rule O1: The number is in a current list, whatever its direction.
pub fn rule_o1_the_banks_number<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    let hit = f.fresh_hit?;
    Some(f.decision(Verdict::Official, Risk::Safe, Reason::Listed, Some(hit)))
}

/// Rule O2: It is only in an expired list: cannot be checked.
pub fn rule_o2_expired_list<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    f.stale_hit.map(|hit| f.stale(hit))
}

/// Rule O3: "You are about to call a number reported as fraud": a feed has it
/// (never the bank's own: an official number wrongly reported, O1 and O2).
pub fn rule_o3_reported<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    f.report.map(|report| f.reported(report))
}

/// Rule O4: No current list at all.
pub fn rule_o4_no_current_list<'l>(f: &Facts<'l, '_>) -> Option<Decision<'l>> {
    (!f.has_current).then(|| {
        f.decision(
            Verdict::Unverifiable,
            Risk::Caution,
            Reason::NoValidList,
            None,
        )
    })
}

/// Rule O5: Otherwise: not a bank number, and dialling it deserves a second look.
pub fn rule_o5_someone_else<'l>(f: &Facts<'l, '_>) -> Decision<'l> {
    f.decision(Verdict::Unknown, Risk::Caution, Reason::NotListed, None)
}
