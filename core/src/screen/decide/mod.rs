//! THE decision table: where every verdict is decided. `INCOMING` and
//! `OUTGOING` list the rules in the order they apply, numbered as
//! docs/screening.md numbers them; the first that applies wins.
//!
//! - [`facts`]: what the rules look at, gathered once per call
//! - [`incoming`], [`outgoing`]: the rules, one function each
//! - [`find`]: where the lists and feeds have a number

mod decision;
mod facts;
pub(crate) mod find;
mod incoming;
mod outgoing;

pub use decision::Decision;

use super::call::{Call, CallDirection, Verdict};
use crate::feed::Feed;
use crate::intent::IntentBook;
use crate::list::ContactList;
use crate::normalize::Region;
use crate::timestamp::Timestamp;
use facts::Facts;
use std::sync::Arc;

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

/// A rule of the table: a decision, or `None` when it does not apply.
type Rule = for<'l, 'f, 'c> fn(&'f Facts<'l, 'c>) -> Option<Decision<'l>>;

/// Incoming calls (docs/screening.md, "Incoming calls"): the first rule
/// that applies wins; rule 4 answers the rest.
const INCOMING: [Rule; 8] = [
    incoming::rule_1_no_current_list,
    incoming::rule_1b_expired_inbound_only,
    incoming::rule_2_the_banks_number,
    incoming::rule_2b_expired_list,
    incoming::rule_2c_bank_number_in_the_name,
    incoming::rule_3_name_claims_a_bank,
    incoming::rule_3b_name_claims_an_authority,
    incoming::rule_3c_reported,
];

/// Outgoing calls (docs/screening.md, "Outgoing calls"): the first rule
/// that applies wins; rule O5 answers the rest.
const OUTGOING: [Rule; 4] = [
    outgoing::rule_o1_the_banks_number,
    outgoing::rule_o2_expired_list,
    outgoing::rule_o3_reported,
    outgoing::rule_o4_no_current_list,
];

/// The verdict on one call: the facts gathered once, then the rules asked
/// in order.
pub fn decide_with_feeds<'l>(
    lists: &'l [Arc<ContactList>],
    intents: &'l IntentBook,
    feeds: &[Feed<'l>],
    call: &Call<'_>,
    home: Option<Region>,
    now: Timestamp,
) -> Decision<'l> {
    let facts = Facts::gather(lists, intents, feeds, call, home, now);
    match call.direction {
        CallDirection::Incoming => INCOMING
            .iter()
            .find_map(|rule| rule(&facts))
            .unwrap_or_else(|| incoming::rule_4_someone_else(&facts)),
        CallDirection::Outgoing => OUTGOING
            .iter()
            .find_map(|rule| rule(&facts))
            .unwrap_or_else(|| outgoing::rule_o5_someone_else(&facts)),
    }
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
