//! Call Directory export: order, uniqueness, labels, prefix expansion and
//! its cap, expired lists, several issuers, incremental changes.

use callguard_core::accept::verify_signed_list;
use callguard_core::directory::{blocking_entries, Directory, DirectoryDiff, DirectoryOptions};
use callguard_core::normalize::Region;
use callguard_core::screen::Lang;
use callguard_core::{ContactList, Timestamp, Trust};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn verified(trust: &str, list: &str) -> Arc<ContactList> {
    let trust = Trust::from_json(&std::fs::read(vectors().join(trust)).unwrap()).unwrap();
    verify_signed_list(
        &std::fs::read(vectors().join(list)).unwrap(),
        &trust,
        1 << 20,
    )
    .unwrap()
    .list()
    .clone()
}

fn example() -> Arc<ContactList> {
    verified("trust/example-bank.json", "lists/valid-eddsa-general.jws")
}

fn payload(issuer: &str, contacts: Value) -> Arc<ContactList> {
    let p = json!({"type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": issuer, "name": {"en": issuer}}, "version": 1,
        "issued_at": "2026-11-01T00:00:00Z", "expires_at": "2027-01-01T00:00:00Z", "contacts": contacts});
    Arc::new(ContactList::parse(p.to_string().as_bytes()).unwrap())
}

fn all(lists: &[Arc<ContactList>], cap: u64, lang: Lang, now: Timestamp) -> Vec<(u64, String)> {
    let options = DirectoryOptions {
        lang,
        max_prefix_expansion: cap,
    };
    Directory::new(lists, options, now)
        .map(|e| (e.number, e.label.to_string()))
        .collect()
}

#[test]
fn entries_are_strictly_ascending_with_warning_labels_and_expanded_prefixes() {
    let entries = all(&[example()], 100_000, Lang::En, NOW);
    assert!(
        entries.windows(2).all(|w| w[0].0 < w[1].0),
        "strictly ascending"
    );
    assert_eq!(
        entries.len(),
        4 + 10_000,
        "4 numbers + the 10 000 numbers of +7495111; short code skipped"
    );
    let find = |n: u64| entries.iter().find(|e| e.0 == n).map(|e| e.1.as_str());
    assert_eq!(find(78005553535), Some("⚠ Not Example Bank — hang up"));
    assert_eq!(find(74950000001), Some("Example Bank · Card department"));
    assert_eq!(find(74951110000), Some("Example Bank · Branch offices"));
    assert_eq!(find(74951119999), Some("Example Bank · Branch offices"));
    assert_eq!(find(74951120000), None);
    let ru = all(&[example()], 100_000, Lang::Ru, NOW);
    assert!(ru
        .iter()
        .any(|e| e.1 == "⚠ Это не Пример Банк — положите трубку"));
}

#[test]
fn prefixes_over_the_cap_are_skipped_and_reported() {
    let d = Directory::new(
        &[example()],
        DirectoryOptions {
            lang: Lang::En,
            max_prefix_expansion: 1000,
        },
        NOW,
    );
    let skipped = d.skipped_prefixes().to_vec();
    assert_eq!(skipped.len(), 1);
    assert_eq!(
        (skipped[0].prefix.as_str(), skipped[0].numbers),
        ("+7495111", 10_000)
    );
    assert_eq!(d.count(), 4);
}

#[test]
fn expired_lists_keep_only_their_warnings() {
    let later = Timestamp(1_830_000_000);
    let entries = all(&[example()], 100_000, Lang::En, later);
    assert_eq!(
        entries,
        vec![(78005553535, "⚠ Not Example Bank — hang up".to_string())]
    );
}

#[test]
fn several_issuers_merge_into_one_unique_ascending_stream() {
    let a = payload(
        "bank-a",
        json!([
            {"number": "+74950000005", "direction": "outbound", "label": {"en": "A desk"}},
            {"number": "+74950000001", "direction": "outbound", "label": {"en": "A desk"}},
            {"prefix": "+749500000", "direction": "both", "label": {"en": "A range"}},
        ]),
    );
    let b = payload(
        "bank-b",
        json!([
            {"number": "+74950000003", "direction": "outbound", "label": {"en": "B desk"}},
            {"number": "+74950000005", "direction": "inbound_only", "label": {"en": "B hotline"}},
        ]),
    );
    let entries = all(&[a, b], 1000, Lang::En, NOW);
    assert_eq!(
        entries.len(),
        100,
        "the range covers the exact numbers: no duplicates"
    );
    assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
    let label = |n: u64| entries.iter().find(|e| e.0 == n).unwrap().1.clone();
    assert_eq!(label(74950000001), "bank-a · A desk", "exact beats prefix");
    assert_eq!(
        label(74950000003),
        "bank-b · B desk",
        "another bank's exact number beats a prefix"
    );
    assert_eq!(
        label(74950000005),
        "⚠ Not bank-b — hang up",
        "a warning beats an equally specific official entry"
    );
    assert_eq!(label(74950000007), "bank-a · A range");
}

#[test]
fn incremental_changes_are_removals_and_additions() {
    let old = payload(
        "bank",
        json!([
            {"number": "+74950000001", "direction": "outbound", "label": {"en": "Desk"}},
            {"number": "+74950000002", "direction": "outbound", "label": {"en": "Old name"}},
            {"number": "+74950000003", "direction": "outbound", "label": {"en": "Closed"}},
        ]),
    );
    let new = payload(
        "bank",
        json!([
            {"number": "+74950000001", "direction": "outbound", "label": {"en": "Desk"}},
            {"number": "+74950000002", "direction": "outbound", "label": {"en": "New name"}},
            {"number": "+74950000004", "direction": "inbound_only", "label": {"en": "Hotline"}},
        ]),
    );
    let options = DirectoryOptions::default();
    let dir = |l: &Arc<ContactList>| Directory::new(std::slice::from_ref(l), options, NOW);
    let removals: Vec<u64> = DirectoryDiff::removals(dir(&old), dir(&new))
        .map(|e| e.number)
        .collect();
    let additions: Vec<(u64, String)> = DirectoryDiff::additions(dir(&old), dir(&new))
        .map(|e| (e.number, e.label.to_string()))
        .collect();
    assert_eq!(removals, vec![74950000002, 74950000003]);
    assert_eq!(
        additions,
        vec![
            (74950000002, "bank · New name".into()),
            (74950000004, "⚠ Not bank — hang up".into())
        ]
    );
    // Applying the diff to the old set gives the new set.
    let mut set: std::collections::BTreeMap<u64, String> =
        all(&[old], 1000, Lang::En, NOW).into_iter().collect();
    for n in removals {
        set.remove(&n);
    }
    set.extend(additions);
    assert_eq!(
        set.into_iter().collect::<Vec<_>>(),
        all(&[new], 1000, Lang::En, NOW)
    );
}

#[test]
fn chunks_cover_the_stream_exactly() {
    let mut d = Directory::new(&[example()], DirectoryOptions::default(), NOW);
    let mut seen = Vec::new();
    loop {
        let chunk = d.take_chunk(777);
        if chunk.is_empty() {
            break;
        }
        assert!(chunk.len() <= 777);
        seen.extend(chunk.into_iter().map(|e| e.number));
    }
    assert_eq!(seen.len(), 10_004);
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn blocking_entries_are_normalized_sorted_unique() {
    let ru = Region::from_iso("RU");
    let numbers = [
        "8 916 000-00-02",
        "+7 916 000 00 01",
        "89160000002",
        "Мама",
        "900",
    ]
    .map(String::from);
    assert_eq!(
        blocking_entries(&numbers, ru),
        vec![79160000001, 79160000002]
    );
}

/// The shared vector the Kotlin and Swift suites compare against.
#[test]
fn matches_the_shared_directory_vector() {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(vectors().join("directory.json")).unwrap()).unwrap();
    let lists: Vec<_> = doc["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| verified(p["trust"].as_str().unwrap(), p["list"].as_str().unwrap()))
        .collect();
    let now = Timestamp::parse_rfc3339(doc["now"].as_str().unwrap()).unwrap();
    let expected: Vec<(u64, String)> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e[0].as_u64().unwrap(), e[1].as_str().unwrap().to_string()))
        .collect();
    let got = all(
        &lists,
        doc["max_prefix_expansion"].as_u64().unwrap(),
        Lang::from_tag(doc["lang"].as_str().unwrap()),
        now,
    );
    assert_eq!(got, expected);
}

#[test]
fn a_number_the_bank_uses_only_over_whatsapp_is_a_warning_for_phone_calls() {
    let list = payload(
        "wa-bank",
        json!([
            {"number": "+74951110001", "direction": "outbound", "channels": ["whatsapp"], "label": {"en": "WhatsApp desk"}},
            {"number": "+74951110002", "direction": "outbound", "channels": ["phone", "whatsapp"], "label": {"en": "Cards"}},
        ]),
    );
    let entries = all(std::slice::from_ref(&list), 1000, Lang::En, NOW);
    assert_eq!(
        entries,
        vec![
            (74951110001, "⚠ Not wa-bank — hang up".to_string()),
            (74951110002, "wa-bank · Cards".to_string()),
        ]
    );
    // The screening of a phone call from it says the same.
    let call = callguard_core::screen::Call {
        number: "+74951110001",
        channel: callguard_core::Channel::Phone,
        display_name: None,
        attestation: callguard_core::screen::Attestation::NotVerified,
        direction: callguard_core::screen::CallDirection::Incoming,
        saved_contact: false,
    };
    let ctx = callguard_core::screen::Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: NOW,
    };
    let s = callguard_core::screen::screen(&[list], &call, &ctx);
    assert_eq!(s.verdict.name(), "spoofed");
    assert_eq!(s.reason.code(), "channel_not_used");
}
