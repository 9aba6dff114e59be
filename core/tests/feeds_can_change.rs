//! `screen::decide::feeds_can_change` against the decision table: a phone
//! answers a call before a stored feed has been checked (a cold start)
//! only when the verdict made without feeds is one no feed can change. So
//! for every call composed here — the bank's numbers and ranges, reported
//! ones, ordinary ones, written as numbers or inside names, on every
//! channel, both directions, with the list current and expired — a
//! decision that `feeds_can_change` calls final must come out the same
//! with a feed that reports *every* number of the pool, the bank's own
//! included.

mod support;

use callguard_core::feed::{Category, Feed, FeedBuilder, FeedManifest};
use callguard_core::intent::IntentBook;
use callguard_core::list::{hex, sha256};
use callguard_core::normalize::Region;
use callguard_core::screen::decide::{decide_with_feeds, feeds_can_change, Decision};
use callguard_core::screen::{Attestation, Call, CallDirection};
use callguard_core::{Channel, ContactList, Timestamp};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::sync::Arc;

fn bank() -> Arc<ContactList> {
    support::vector_list("lists/valid-eddsa-general.jws", "trust/example-bank.json")
}

/// The bank's outbound line, inbound-only hotline, a number of its listed
/// range, a fraudster's, a friend's.
const POOL: [u64; 5] = [
    74_950_000_001,
    78_005_553_535,
    74_951_110_042,
    79_161_234_567,
    79_035_550_101,
];

/// Reports every number of the pool: fraud for some, spam for others.
fn feed_blob() -> Vec<u8> {
    let mut numbers = POOL.to_vec();
    numbers.sort_unstable();
    let mut b = FeedBuilder::new(64).unwrap();
    for (i, n) in numbers.into_iter().enumerate() {
        let category = if i % 2 == 0 {
            Category::Fraud
        } else {
            Category::Spam
        };
        b.push(n, category).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(blob: &[u8]) -> FeedManifest {
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":1,"issued_at":"2026-11-01T00:00:00Z","expires_at":"2027-06-01T00:00:00Z","blobs":[{{"name":"f.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(payload.as_bytes()).unwrap()
}

/// How the caller shows a number: as a number (several formats) or in a name.
fn written(n: u64, style: usize) -> String {
    let d = n.to_string();
    match style % 4 {
        0 => format!("+{d}"),
        1 => format!("8 ({}) {}-{}-{}", &d[1..4], &d[4..7], &d[7..9], &d[9..]),
        2 => format!("{}{}", "8", &d[1..]),
        _ => format!("+7 {} {} {}", &d[1..4], &d[4..7], &d[7..]),
    }
}

const NAMES: [&str; 6] = [
    "Служба безопасности Пример Банка",
    "Пример Банк",
    "Мама",
    "Example Bank",
    "Служба безопасности Банка",
    "Курьер",
];

#[derive(Debug, Clone)]
struct Case {
    number: Option<(usize, usize)>,
    name: Option<(usize, Option<(usize, usize)>)>,
    channel: usize,
    attestation: usize,
    outgoing: bool,
    expired: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::option::of((0..POOL.len(), 0..4usize)),
        proptest::option::of((
            0..NAMES.len(),
            proptest::option::of((0..POOL.len(), 0..4usize)),
        )),
        0..4usize,
        0..3usize,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(number, name, channel, attestation, outgoing, expired)| Case {
                number,
                name,
                channel,
                attestation,
                outgoing,
                expired,
            },
        )
}

fn key(d: &Decision<'_>) -> (String, String, String) {
    (
        d.verdict.name().into(),
        format!("{:?}", d.risk),
        format!("{:?}", d.reason),
    )
}

/// (decisions called final, decisions left to the feed)
fn check(c: &Case, lists: &[Arc<ContactList>], feeds: &[Feed<'_>]) -> (bool, bool) {
    let number = c
        .number
        .map(|(i, s)| written(POOL[i], s))
        .unwrap_or_default();
    let name = c.name.map(|(i, n)| match n {
        Some((p, s)) => format!("{} {}", NAMES[i], written(POOL[p], s)),
        None => NAMES[i].to_string(),
    });
    let call = Call {
        number: &number,
        channel: [
            Channel::Phone,
            Channel::Whatsapp,
            Channel::Telegram,
            Channel::Viber,
        ][c.channel],
        display_name: name.as_deref(),
        attestation: [
            Attestation::Passed,
            Attestation::Failed,
            Attestation::NotVerified,
        ][c.attestation],
        direction: if c.outgoing {
            CallDirection::Outgoing
        } else {
            CallDirection::Incoming
        },
        saved_contact: false,
    };
    // The example list is current on 2026-12-01 and expired on 2027-01-15.
    let now = Timestamp::parse_rfc3339(if c.expired {
        "2027-01-15T00:00:00Z"
    } else {
        "2026-12-01T00:00:00Z"
    })
    .unwrap();
    let intents = IntentBook::new();
    let home = Some(Region::from_iso("RU").unwrap());
    let without = decide_with_feeds(lists, &intents, &[], &call, home, now);
    let with = decide_with_feeds(lists, &intents, feeds, &call, home, now);
    if feeds_can_change(without.verdict) {
        (false, key(&without) != key(&with))
    } else {
        assert_eq!(
            key(&without),
            key(&with),
            "called final without feeds, changed by a feed: {c:?}"
        );
        (true, false)
    }
}

#[test]
fn a_decision_called_final_is_the_same_with_any_feed() {
    let lists = [bank()];
    let blob = feed_blob();
    let m = manifest(&blob);
    let feeds = [Feed::new(&m, &blob).unwrap()];
    let mut final_count = 0;
    let mut changed_by_feed = 0;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 4_000,
        ..ProptestConfig::default()
    });
    let strategy = case();
    for _ in 0..4_000 {
        let c = strategy.new_tree(&mut runner).unwrap().current();
        let (is_final, changed) = check(&c, &lists, &feeds);
        final_count += is_final as usize;
        changed_by_feed += changed as usize;
    }
    // Not vacuous: both kinds of decision occur, and feeds did change some.
    assert!(final_count > 500, "only {final_count} final decisions");
    assert!(
        changed_by_feed > 100,
        "a feed changed only {changed_by_feed}"
    );
}
