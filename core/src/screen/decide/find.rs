//! Where the lists and feeds have a number, and whose names a caller's
//! name is compared with.

use crate::feed::{Category, Feed};
use crate::list::{ContactList, Match, Usage};
use crate::model::{Channel, ContactDirection};
use crate::normalize::{Normalized, Region};
use crate::timestamp::Timestamp;
use std::sync::Arc;

/// A list and the contact of it a number matched.
pub(crate) type Hit<'l> = (&'l ContactList, Usage);

/// The newest list of each issuer (highest version, then latest issued):
/// whose names a caller's name is compared with.
pub(super) fn newest_per_issuer(lists: &[Arc<ContactList>]) -> Vec<&ContactList> {
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

/// A contact whose number, on `channel`, can only be a fake caller.
pub(super) fn warns(usage: Usage, channel: Channel) -> bool {
    usage.direction == ContactDirection::InboundOnly || !usage.channels.contains(channel)
}

/// The most alarming report across feeds (fraud over spam), a current
/// feed's before an expired one's.
pub(super) fn find_report<'l>(
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
) -> Option<Hit<'l>> {
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
