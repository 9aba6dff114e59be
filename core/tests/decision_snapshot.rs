//! The decision table's behaviour, pinned: the decision (verdict, risk,
//! reason, issuer, number — not the words) for every call of the shared
//! vectors, the name corpora and a seeded random mix of numbers, names,
//! channels, directions, attestations, clocks, lists, an announced call and
//! feeds, serialized and compared with `core/tests/snapshots/decisions.txt`.
//!
//! A restructuring of `core/src/screen/decide/` must leave it identical;
//! a deliberate change of behaviour rewrites it
//! (`CALLGUARD_SNAPSHOT=write cargo test -p callguard-core --test decision_snapshot`)
//! and the diff of that file is part of the review. `name_disguises.rs`
//! pins the generated disguises' decisions the same way.

mod support;

use callguard_core::feed::{Category, Feed, FeedBuilder};
use callguard_core::intent::{accept_intent, IntentBook};
use callguard_core::normalize::Region;
use callguard_core::screen::{screen_with_feeds, Attestation, Call, CallDirection, Context, Lang};
use callguard_core::{Channel, ContactList, Timestamp};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use support::Rng;

const SEED: u64 = 0xDEC1_5104_2026;
const RANDOM_CALLS: usize = 60_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap()
}

fn attestation(name: &str) -> Attestation {
    match name {
        "passed" => Attestation::Passed,
        "failed" => Attestation::Failed,
        _ => Attestation::NotVerified,
    }
}

/// A feed over `numbers` (every third fraud, the rest spam), current or
/// expired at the test's clocks.
fn feed_blob(numbers: &[u64]) -> Vec<u8> {
    let mut entries: Vec<(u64, Category)> = numbers
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, [Category::Fraud, Category::Spam, Category::Spam][i % 3]))
        .collect();
    entries.sort();
    entries.dedup_by_key(|e| e.0);
    let mut b = FeedBuilder::new(64).unwrap();
    for (n, c) in entries {
        b.push(n, c).unwrap();
    }
    b.finish().unwrap()
}

/// Every decision, one line each, in a fixed order.
fn decisions() -> Vec<String> {
    let calls: Value = serde_json::from_slice(&read("tests/vectors/calls.json")).unwrap();
    let mut lines = Vec::new();

    // The lists: both banks current, the intents list, and an expired one.
    let both = vec![
        support::vector_list("lists/valid-eddsa-general.jws", "trust/example-bank.json"),
        support::vector_list("lists/other-bank-valid.jws", "trust/other-bank.json"),
    ];
    let intents_list = support::vector_list("lists/intents-v20.jws", "trust/example-bank.json");
    let expired = support::vector_list("lists/expired.jws", "trust/example-bank.json");
    let list_sets: Vec<Vec<Arc<ContactList>>> = vec![
        both.clone(),
        vec![intents_list.clone(), both[1].clone()],
        vec![expired.clone(), both[1].clone()],
        vec![expired.clone()],
        Vec::new(),
    ];
    let intents_doc: Value = serde_json::from_slice(&read("tests/vectors/intents.json")).unwrap();
    let intent_now = Timestamp::parse_rfc3339(intents_doc["now"].as_str().unwrap()).unwrap();
    let mut book = IntentBook::new();
    let announced = accept_intent(
        &read("tests/vectors/intents/announced.jwt"),
        std::slice::from_ref(&intents_list),
        intents_doc["audience"].as_str().unwrap(),
        intent_now,
    )
    .unwrap();
    book.add(announced, intent_now).unwrap();

    // Pools: the vectors' numbers and names, the corpora's names.
    let mut numbers: Vec<String> = vec![String::new()];
    let mut names: Vec<String> = Vec::new();
    for case in calls["cases"].as_array().unwrap() {
        numbers.push(case["call"]["number"].as_str().unwrap().to_string());
        names.extend(case["call"]["display_name"].as_str().map(str::to_string));
    }
    numbers.push(intents_doc["call_from"].as_str().unwrap().to_string());
    let benign = String::from_utf8(read("tests/names/benign.txt")).unwrap();
    names.extend(benign.lines().step_by(13).map(str::to_string));
    let fraud = String::from_utf8(read("tests/names/fraud.tsv")).unwrap();
    names.extend(
        fraud
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string),
    );
    numbers.sort();
    numbers.dedup();
    names.sort();
    names.dedup();

    // Feeds over some of the pool's numbers: one current, one expired.
    let e164: Vec<u64> = numbers
        .iter()
        .filter_map(|n| {
            let digits: String = n.chars().filter(char::is_ascii_digit).collect();
            (n.starts_with('+') && digits.len() == 11)
                .then(|| digits.parse().ok())
                .flatten()
        })
        .collect();
    let fresh_blob = feed_blob(&e164[..e164.len() / 2]);
    let stale_blob = feed_blob(&e164[e164.len() / 3..]);
    let fresh_manifest = support::feed_manifest(
        "feed-one",
        &fresh_blob,
        "2026-01-01T00:00:00Z",
        "2027-06-01T00:00:00Z",
    );
    let stale_manifest = support::feed_manifest(
        "feed-two",
        &stale_blob,
        "2026-01-01T00:00:00Z",
        "2026-06-01T00:00:00Z",
    );
    let feeds = vec![
        Feed::new(&fresh_manifest, &fresh_blob).unwrap(),
        Feed::new(&stale_manifest, &stale_blob).unwrap(),
    ];

    // 1. The shared vectors, as they are written.
    let home = Region::from_iso(calls["home_region"].as_str().unwrap()).unwrap();
    for case in calls["cases"].as_array().unwrap() {
        let c = &case["call"];
        let call = Call {
            number: c["number"].as_str().unwrap(),
            channel: Channel::from_name(c["channel"].as_str().unwrap()).unwrap(),
            display_name: c["display_name"].as_str(),
            attestation: attestation(c["attestation"].as_str().unwrap()),
            direction: match c["direction"].as_str().unwrap() {
                "outgoing" => CallDirection::Outgoing,
                _ => CallDirection::Incoming,
            },
            saved_contact: c["saved_contact"].as_bool().unwrap_or(false),
        };
        let ctx = Context {
            home: Some(home),
            lang: Lang::En,
            now: Timestamp::parse_rfc3339(case["now"].as_str().unwrap()).unwrap(),
        };
        let got = screen_with_feeds(&both, &IntentBook::new(), &[], &call, &ctx);
        lines.push(format!(
            "vector {}: {}",
            case["name"],
            support::decision_line(&got)
        ));
    }

    // 2. Every corpus name, alone, on a messenger and by phone.
    for name in &names {
        for channel in [Channel::Whatsapp, Channel::Phone] {
            let got = support::screen_name_only(name, channel);
            lines.push(support::decision_line(&got));
        }
    }

    // 3. A seeded random mix of everything a decision depends on.
    // Before any list expires, between the expiries (one bank's list
    // expired, the other's current: rules 2b, 2c, 3c), after all.
    let clocks = [
        "2026-12-01T00:00:00Z",
        intents_doc["now"].as_str().unwrap(),
        "2027-01-15T00:00:00Z",
        "2030-01-01T00:00:00Z",
    ]
    .map(|t| Timestamp::parse_rfc3339(t).unwrap());
    let channels = [
        Channel::Phone,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Telegram,
        Channel::Viber,
        Channel::Signal,
        Channel::Other,
    ];
    let mut rng = Rng(SEED);
    for _ in 0..RANDOM_CALLS {
        let mut number = rng.pick(&numbers).clone();
        if rng.chance(20) && !number.is_empty() {
            // A near miss: one digit changed, or the prefix dropped.
            let at = rng.below(number.len());
            if number.is_char_boundary(at) && number.is_char_boundary(at + 1) {
                number.replace_range(at..at + 1, &(rng.below(10)).to_string());
            }
        }
        let name = rng.chance(60).then(|| rng.pick(&names).clone());
        let name = if rng.chance(10) {
            Some(rng.pick(&numbers).clone())
        } else {
            name
        };
        let call = Call {
            number: &number,
            channel: *rng.pick(&channels),
            display_name: name.as_deref(),
            attestation: *rng.pick(&[
                Attestation::NotVerified,
                Attestation::Passed,
                Attestation::Failed,
            ]),
            direction: if rng.chance(20) {
                CallDirection::Outgoing
            } else {
                CallDirection::Incoming
            },
            saved_contact: rng.chance(15),
        };
        let ctx = Context {
            home: if rng.chance(90) { Some(home) } else { None },
            lang: Lang::En,
            now: *rng.pick(&clocks),
        };
        let lists = rng.pick(&list_sets);
        let book = if rng.chance(50) {
            &book
        } else {
            &IntentBook::new()
        };
        let feeds: &[Feed<'_>] = match rng.below(3) {
            0 => &[],
            1 => &feeds[..1],
            _ => &feeds,
        };
        let got = screen_with_feeds(lists, book, feeds, &call, &ctx);
        lines.push(support::decision_line(&got));
    }
    lines
}

#[test]
fn every_decision_is_what_it_was() {
    let lines = decisions();
    let verdicts: std::collections::BTreeSet<&str> = lines
        .iter()
        .filter_map(|l| l.rsplit(": ").next()?.split(' ').next())
        .collect();
    // The mix reaches every verdict, or it proves little.
    assert!(verdicts.len() >= 8, "verdicts reached: {verdicts:?}");
    support::same_as_snapshot("decisions", &lines);
}
