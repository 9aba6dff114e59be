//! Feed blobs and deltas: round trips against a BTreeMap oracle, hostile
//! bytes that must be refused (or at least never panic), deltas that must
//! reproduce the full blob byte for byte.

use callguard_core::feed::blob::{HEADER_LEN, MAX_NUMBER, MIN_NUMBER};
use callguard_core::feed::{apply_delta, diff, Category, Entry, FeedBlob, FeedBuilder};
use callguard_core::list::sha256;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn build(entries: &BTreeMap<u64, Category>, prefixes: &[(u64, Category)], k: u32) -> Vec<u8> {
    let mut b = FeedBuilder::new(k).unwrap();
    for (&n, &c) in entries {
        b.push(n, c).unwrap();
    }
    for &(p, c) in prefixes {
        b.push_prefix(p, c).unwrap();
    }
    b.finish().unwrap()
}

fn category() -> impl Strategy<Value = Category> {
    prop_oneof![Just(Category::Fraud), Just(Category::Spam)]
}

/// Numbers clustered in a few ranges (as real feeds are) plus strays.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        (0u64..5000).prop_map(|i| 79_161_230_000 + i),
        (0u64..5000).prop_map(|i| 74_950_000_000 + i * 7),
        MIN_NUMBER..=MAX_NUMBER,
    ]
}

fn feed() -> impl Strategy<Value = BTreeMap<u64, Category>> {
    prop::collection::btree_map(number(), category(), 0..600)
}

fn entries(blob: &FeedBlob<'_>) -> Vec<Entry> {
    blob.entries().collect::<Result<_, _>>().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn lookups_match_the_oracle(map in feed(), k in 1u32..80, probes in prop::collection::vec(number(), 0..100)) {
        let bytes = build(&map, &[], k);
        let blob = FeedBlob::open(&bytes).unwrap();
        blob.validate().unwrap();
        prop_assert_eq!(blob.len(), map.len() as u64);
        for (&n, &c) in &map {
            prop_assert_eq!(blob.lookup(n), Some(c));
        }
        for p in probes {
            prop_assert_eq!(blob.lookup(p), map.get(&p).copied());
            // Neighbours of stored numbers are the likeliest off-by-ones.
            for q in [p.saturating_sub(1), p + 1] {
                prop_assert_eq!(blob.lookup(q), map.get(&q).copied());
            }
        }
        let listed: Vec<(u64, Category)> = entries(&blob).iter().map(|e| (e.number, e.category)).collect();
        let expected: Vec<(u64, Category)> = map.into_iter().collect();
        prop_assert_eq!(listed, expected);
    }

    #[test]
    fn a_delta_reproduces_the_full_blob(old in feed(), new in feed(), k in 1u32..80) {
        let (a, b) = (build(&old, &[(7916, Category::Spam)], k), build(&new, &[(7495, Category::Fraud)], k));
        let delta = diff(&a, &b).unwrap();
        prop_assert_eq!(apply_delta(&a, &delta, &sha256(&b)).unwrap(), b);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), probe in number()) {
        poke(&bytes, probe);
    }

    #[test]
    fn corrupted_blobs_never_panic(map in feed(), k in 1u32..80, flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), probe in number()) {
        let mut bytes = build(&map, &[(7916, Category::Spam)], k);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        poke(&bytes, probe);
        // A delta over corrupted bytes either fails or hashes right.
        let clean = build(&map, &[], k);
        if let Ok(delta) = diff(&clean, &clean) {
            let _ = apply_delta(&bytes, &delta, &sha256(&clean));
        }
        let _ = apply_delta(&clean, &bytes, &sha256(&clean));
    }
}

/// Every reading entry point, on bytes that may be anything.
fn poke(bytes: &[u8], probe: u64) {
    if let Ok(blob) = FeedBlob::open(bytes) {
        let _ = blob.lookup(probe);
        let _ = blob.lookup_prefix(probe);
        let _ = blob.validate();
        // The iterator ends (no endless loop) and stops at the first error.
        let mut errors = 0;
        for e in blob.entries() {
            errors += usize::from(e.is_err());
        }
        assert!(errors <= 1);
        let _ = blob.prefixes().count();
    }
    let _ = apply_delta(bytes, bytes, &[0; 32]);
}

#[test]
fn prefixes_match_longest_first_and_exact_numbers_win() {
    let map = BTreeMap::from([(79_161_234_567, Category::Spam)]);
    let bytes = build(
        &map,
        &[
            (7916, Category::Fraud),
            (7916123, Category::Spam),
            (7495, Category::Spam),
        ],
        64,
    );
    let blob = FeedBlob::open(&bytes).unwrap();
    blob.validate().unwrap();
    assert_eq!(blob.lookup(79_161_234_567), Some(Category::Spam));
    assert_eq!(blob.lookup(79_161_239_999), Some(Category::Spam));
    assert_eq!(blob.lookup_prefix(79_161_239_999).unwrap().len, 7);
    assert_eq!(blob.lookup(79_169_999_999), Some(Category::Fraud));
    assert_eq!(blob.lookup(74_951_234_567), Some(Category::Spam));
    assert_eq!(blob.lookup(74_961_234_567), None);
    let prefixes: Vec<u64> = blob.prefixes().map(|p| p.unwrap().digits).collect();
    assert_eq!(prefixes, [7495, 7916, 7916123]);
}

#[test]
fn the_builder_refuses_bad_input() {
    let mut b = FeedBuilder::new(64).unwrap();
    b.push(79_161_234_567, Category::Fraud).unwrap();
    for bad in [79_161_234_567, 79_161_234_566, 9_999_999, MAX_NUMBER + 1] {
        assert_eq!(
            b.push(bad, Category::Fraud).unwrap_err().code(),
            "invalid_input"
        );
    }
    assert_eq!(
        b.push_prefix(791, Category::Fraud).unwrap_err().code(),
        "invalid_input"
    );
    b.push_prefix(7916, Category::Fraud).unwrap();
    b.push_prefix(7916, Category::Spam).unwrap();
    assert_eq!(b.finish().unwrap_err().code(), "invalid_input");
    assert!(FeedBuilder::new(0).is_err());
    assert!(FeedBuilder::new(4097).is_err());
}

#[test]
fn hostile_headers_are_refused_by_field() {
    let map: BTreeMap<u64, Category> = (0..300)
        .map(|i| (79_000_000_000 + i * 13, Category::Fraud))
        .collect();
    let good = build(&map, &[], 16);
    FeedBlob::open(&good).unwrap().validate().unwrap();
    let refused = |edit: &dyn Fn(&mut Vec<u8>)| {
        let mut bytes = good.clone();
        edit(&mut bytes);
        match FeedBlob::open(&bytes) {
            Ok(blob) => blob.validate().unwrap_err().code(),
            Err(e) => e.code(),
        }
    };
    assert_eq!(refused(&|b| b[0] = b'X'), "malformed_blob");
    assert_eq!(refused(&|b| b[4] = 2), "malformed_blob"); // format version
    assert_eq!(refused(&|b| b[6] = 2), "malformed_blob"); // a delta, not a full blob
    assert_eq!(
        refused(&|b| b[8..12].copy_from_slice(&0u32.to_le_bytes())),
        "malformed_blob"
    );
    assert_eq!(refused(&|b| b[13] = 1), "malformed_blob"); // reserved
    assert_eq!(refused(&|b| b[50] = 1), "malformed_blob"); // reserved
    assert_eq!(
        refused(&|b| b[16..24].copy_from_slice(&u64::MAX.to_le_bytes())),
        "malformed_blob"
    );
    assert_eq!(
        refused(&|b| b[24..32].copy_from_slice(&(1u64 << 40).to_le_bytes())),
        "malformed_blob"
    );
    assert_eq!(
        refused(&|b| b[32..40].copy_from_slice(&u64::MAX.to_le_bytes())),
        "malformed_blob"
    );
    assert_eq!(refused(&|b| b.truncate(b.len() - 1)), "malformed_blob");
    assert_eq!(refused(&|b| b.push(0)), "malformed_blob");
    assert_eq!(refused(&|b| b.truncate(10)), "malformed_blob");
    // A block offset that points elsewhere.
    assert_eq!(refused(&|b| b[HEADER_LEN + 12 + 8] ^= 1), "malformed_blob");
    // A first number out of order (block 1's below block 0's).
    assert_eq!(
        refused(&|b| b[HEADER_LEN + 12..HEADER_LEN + 20]
            .copy_from_slice(&(MIN_NUMBER << 2).to_le_bytes())),
        "malformed_blob"
    );
    // A reserved category code in a block's first entry.
    assert_eq!(refused(&|b| b[HEADER_LEN] |= 3), "malformed_blob");
}

#[test]
fn an_empty_feed_is_a_blob_too() {
    let bytes = FeedBuilder::new(64).unwrap().finish().unwrap();
    assert_eq!(bytes.len(), HEADER_LEN);
    let blob = FeedBlob::open(&bytes).unwrap();
    blob.validate().unwrap();
    assert_eq!(blob.lookup(79_161_234_567), None);
    assert_eq!(blob.entries().count(), 0);
}

#[test]
fn deltas_are_refused_for_another_base_or_a_wrong_result() {
    let old: BTreeMap<u64, Category> = (0..10_000)
        .map(|i| (79_000_000_000 + i * 11, Category::Fraud))
        .collect();
    let mut new = old.clone();
    new.retain(|n, _| n % 100 != 0); // about 1 %
    new.insert(79_000_000_001, Category::Spam);
    let kept = *new.keys().nth(5).unwrap();
    new.insert(kept, Category::Spam); // re-categorized
    let (a, b) = (build(&old, &[], 64), build(&new, &[], 64));
    let delta = diff(&a, &b).unwrap();
    assert!(delta.len() < b.len() / 10, "{} of {}", delta.len(), b.len());
    assert_eq!(apply_delta(&a, &delta, &sha256(&b)).unwrap(), b);
    // Against another base.
    assert_eq!(
        apply_delta(&b, &delta, &sha256(&b)).unwrap_err().code(),
        "delta_base_mismatch"
    );
    // Producing another blob than the manifest names.
    let mut wrong = sha256(&b);
    wrong[0] ^= 1;
    assert_eq!(
        apply_delta(&a, &delta, &wrong).unwrap_err().code(),
        "delta_mismatch"
    );
    // A full blob is not a delta.
    assert_eq!(
        apply_delta(&a, &b, &sha256(&b)).unwrap_err().code(),
        "malformed_blob"
    );
}

#[test]
fn a_delta_removing_a_number_the_base_lacks_is_refused() {
    // Hand-made: same base hash, but "removed" names a number not in the base.
    let old: BTreeMap<u64, Category> = (0..10)
        .map(|i| (79_000_000_000 + i * 2, Category::Fraud))
        .collect();
    let mut new = old.clone();
    new.remove(&79_000_000_004);
    let (a, b) = (build(&old, &[], 4), build(&new, &[], 4));
    let mut delta = diff(&a, &b).unwrap();
    // The removed section is the last varints: 79_000_000_004 as one varint.
    let last = delta.len() - 1;
    delta[last] ^= 0x01; // 79_000_000_004 ± 1: not in the base
    assert_eq!(
        apply_delta(&a, &delta, &sha256(&b)).unwrap_err().code(),
        "delta_mismatch"
    );
}
