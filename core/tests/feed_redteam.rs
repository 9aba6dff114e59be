//! Red team (issue 15), core: what a phone decides to download must never
//! cost more than the full blob it is after.

use callguard_core::feed::{Category, FeedBuilder, FeedManifest, Plan};
use callguard_core::list::{hex, sha256};

fn blob(numbers: impl Iterator<Item = u64>) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for n in numbers {
        b.push(n, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(full: &[u8], delta_len: u64) -> FeedManifest {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":42,"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[
          {{"name":"feed-42.cgfeed","kind":"full","sha256":"{}","length":{}}},
          {{"name":"feed-41-42.cgdelta","kind":"delta","from_version":41,"sha256":"{}","length":{delta_len}}}]}}"#,
        hex(&sha256(full)),
        full.len(),
        hex(&sha256(b"delta")),
    );
    FeedManifest::parse(p.as_bytes()).unwrap()
}

/// `callguard feed build --previous` writes a delta even when it is larger
/// than the new full blob (small or mostly-changed feeds: 110 bytes for an
/// 89-byte blob in docs/feed-format.md §8's own example), and the phone
/// took it: more bytes than the full blob, and on any refusal the full
/// blob as well. A delta is only worth it when it is smaller.
#[test]
fn a_delta_no_smaller_than_the_full_blob_is_not_planned() {
    let full = blob((0..100).map(|i| 79_000_000_000 + i * 11));
    let len = full.len() as u64;
    let held = Some((41, [0u8; 32]));
    assert_eq!(
        manifest(&full, len / 20).plan(held),
        Some(Plan::Delta { index: 1, full: 0 })
    );
    assert_eq!(
        manifest(&full, len).plan(held),
        Some(Plan::Full { index: 0 })
    );
    assert_eq!(
        manifest(&full, len + 21).plan(held),
        Some(Plan::Full { index: 0 })
    );
}
