//! Feeds in the Call Directory: merged ascending and unique with the
//! lists' entries, the bank's own entries winning, fraud over spam,
//! blocking without official numbers, incremental changes between versions.

use callguard_core::accept::verify_signed_list;
use callguard_core::directory::{Directory, DirectoryDiff, DirectoryEntry, DirectoryOptions};
use callguard_core::feed::directory::{blocking_numbers, reported_label, WithFeeds};
use callguard_core::feed::{Category, Feed, FeedBuilder, FeedManifest};
use callguard_core::list::{hex, sha256};
use callguard_core::screen::Lang;
use callguard_core::{ContactList, Timestamp, Trust};
use std::path::PathBuf;
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const BANK_LINE: u64 = 74_950_000_001;

fn example() -> Arc<ContactList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let trust =
        Trust::from_json(&std::fs::read(dir.join("trust/example-bank.json")).unwrap()).unwrap();
    let jws = std::fs::read(dir.join("lists/valid-eddsa-general.jws")).unwrap();
    verify_signed_list(&jws, &trust, 1 << 20)
        .unwrap()
        .list()
        .clone()
}

fn blob(entries: &[(u64, Category)]) -> Vec<u8> {
    let mut sorted = entries.to_vec();
    sorted.sort();
    let mut b = FeedBuilder::new(4).unwrap();
    for (n, c) in sorted {
        b.push(n, c).unwrap();
    }
    b.push_prefix(7903, Category::Fraud).unwrap(); // never expanded
    b.finish().unwrap()
}

fn manifest(blob: &[u8]) -> FeedManifest {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":1,"issued_at":"2026-11-01T00:00:00Z","expires_at":"2026-11-08T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(p.as_bytes()).unwrap()
}

fn directory() -> Directory {
    Directory::new(&[example()], DirectoryOptions::default(), NOW)
}

fn numbers(entries: &[DirectoryEntry]) -> Vec<u64> {
    entries.iter().map(|e| e.number).collect()
}

#[test]
fn feed_entries_merge_ascending_and_the_bank_wins() {
    let lists_only: Vec<DirectoryEntry> = directory().collect();
    let bank_label = lists_only
        .iter()
        .find(|e| e.number == BANK_LINE)
        .unwrap()
        .label
        .clone();
    let reported = [
        (BANK_LINE, Category::Fraud),
        (79_161_234_567, Category::Fraud),
        (10_000_001, Category::Spam),
        (999_999_999_999_999, Category::Spam),
    ];
    let bytes = blob(&reported);
    // The feed has expired (2026-11-08): it still labels.
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let merged: Vec<DirectoryEntry> = WithFeeds::new(directory(), &feeds, Lang::En).collect();
    let ns = numbers(&merged);
    assert!(ns.windows(2).all(|w| w[0] < w[1]), "strictly ascending");
    assert_eq!(merged.len(), lists_only.len() + 3);
    let label = |n: u64| {
        merged
            .iter()
            .find(|e| e.number == n)
            .unwrap()
            .label
            .to_string()
    };
    assert_eq!(label(BANK_LINE), bank_label.to_string());
    assert_eq!(label(79_161_234_567), "⚠ Reported: fraud");
    assert_eq!(label(10_000_001), "⚠ Reported: spam");
    assert_eq!(label(999_999_999_999_999), "⚠ Reported: spam");
    // The lists' own entries are all still there, unchanged.
    for e in &lists_only {
        assert_eq!(label(e.number), e.label.to_string());
    }
    let ru: Vec<DirectoryEntry> = WithFeeds::new(directory(), &feeds, Lang::Ru).collect();
    assert!(ru
        .iter()
        .any(|e| &*e.label == reported_label(Category::Fraud, Lang::Ru)));
}

#[test]
fn fraud_in_one_feed_outweighs_spam_in_another_and_blocking_skips_the_bank() {
    let (a, b) = (
        blob(&[
            (79_161_234_567, Category::Spam),
            (79_000_000_001, Category::Spam),
            (BANK_LINE, Category::Fraud),
        ]),
        blob(&[
            (79_161_234_567, Category::Fraud),
            (79_000_000_002, Category::Fraud),
        ]),
    );
    let (ma, mb) = (manifest(&a), manifest(&b));
    let feeds = [Feed::new(&ma, &a).unwrap(), Feed::new(&mb, &b).unwrap()];
    let merged: Vec<DirectoryEntry> =
        WithFeeds::new(std::iter::empty(), &feeds, Lang::En).collect();
    assert_eq!(
        numbers(&merged),
        [BANK_LINE, 79_000_000_001, 79_000_000_002, 79_161_234_567]
    );
    assert_eq!(&*merged[3].label, "⚠ Reported: fraud");
    let blocked: Vec<u64> = blocking_numbers(directory(), &feeds).collect();
    assert_eq!(blocked, [79_000_000_002, 79_161_234_567]);
}

#[test]
fn incremental_changes_between_feed_versions() {
    let v1 = blob(&[
        (79_000_000_001, Category::Fraud),
        (79_000_000_002, Category::Spam),
        (79_000_000_003, Category::Fraud),
    ]);
    let v2 = blob(&[
        (79_000_000_002, Category::Fraud),
        (79_000_000_003, Category::Fraud),
        (79_000_000_004, Category::Spam),
    ]);
    let (m1, m2) = (manifest(&v1), manifest(&v2));
    let (f1, f2) = (
        [Feed::new(&m1, &v1).unwrap()],
        [Feed::new(&m2, &v2).unwrap()],
    );
    let old = || WithFeeds::new(directory(), &f1, Lang::En);
    let new = || WithFeeds::new(directory(), &f2, Lang::En);
    let removals: Vec<u64> = DirectoryDiff::removals(old(), new())
        .map(|e| e.number)
        .collect();
    let additions: Vec<(u64, String)> = DirectoryDiff::additions(old(), new())
        .map(|e| (e.number, e.label.to_string()))
        .collect();
    assert_eq!(removals, [79_000_000_001, 79_000_000_002]);
    assert_eq!(
        additions,
        [
            (79_000_000_002, "⚠ Reported: fraud".to_string()),
            (79_000_000_004, "⚠ Reported: spam".to_string())
        ]
    );
}
