//! The Call Directory through the FFI with a feed in force (installed into
//! the inner Guard: the FFI's own install_feed is another change): chunked
//! readers in every feed mode, the blocking reader, feed versions, and
//! diffs between feed versions that turn the old directory into the new.

use super::*;
use crate::directory::DirectoryEntry;
use callguard_core::feed::{Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::Trust;
use std::collections::BTreeMap;
use std::path::PathBuf;

const NOW: i64 = 1_796_083_200; // 2026-12-01
const BANK_LINE: i64 = 74_950_000_001;

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/vectors")
            .join(rel),
    )
    .unwrap()
}

struct Setup {
    guard: Arc<CallGuard>,
    key: SigningKey,
    _dir: Option<tempfile::TempDir>,
}

fn setup(with_state: bool) -> Setup {
    let dir = with_state.then(|| tempfile::tempdir().unwrap());
    let guard = CallGuard::new(GuardConfig {
        home_region: "RU".into(),
        language: "en".into(),
        state_dir: dir
            .as_ref()
            .map(|d| d.path().to_string_lossy().into_owned()),
        max_list_bytes: None,
        intent_audience: None,
    });
    guard
        .add_trust(String::from_utf8(vector("trust/example-bank.json")).unwrap())
        .unwrap();
    guard
        .load_list_at(vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    let key = SigningKey::generate(Alg::EdDsa, "f1").unwrap().0;
    guard
        .add_trust(Trust::to_json("fraud-feed", 1, &[key.public_jwk()]).to_string())
        .unwrap();
    Setup {
        guard,
        key,
        _dir: dir,
    }
}

impl Setup {
    fn install(&self, version: u64, entries: &[(i64, Category)]) {
        let mut sorted = entries.to_vec();
        sorted.sort();
        let mut b = FeedBuilder::new(4).unwrap();
        for (n, c) in sorted {
            b.push(n as u64, c).unwrap();
        }
        let blob = b.finish().unwrap();
        let payload = format!(
            r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"fraud-feed","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
            hex(&sha256(&blob)),
            blob.len()
        );
        let jws = sign_general_typed(payload.as_bytes(), &[&self.key], FEED_TYP).unwrap();
        self.guard
            .guard
            .install_feed(jws.as_bytes(), blob, Timestamp(NOW))
            .unwrap();
    }

    fn full(&self, feeds: Option<FeedDirectoryMode>, chunk: u32) -> Vec<DirectoryEntry> {
        drain(&self.guard.directory_at(options(feeds, chunk), NOW))
    }
}

fn options(feeds: Option<FeedDirectoryMode>, chunk_size: u32) -> DirectoryOptions {
    DirectoryOptions {
        language: None,
        max_prefix_expansion: 1000,
        chunk_size,
        feeds,
    }
}

fn drain(reader: &DirectoryReader) -> Vec<DirectoryEntry> {
    let mut out = Vec::new();
    loop {
        let chunk = reader.next_chunk();
        if chunk.is_empty() {
            return out;
        }
        out.extend(chunk);
    }
}

fn ascending(entries: &[DirectoryEntry]) -> bool {
    entries.windows(2).all(|w| w[0].number < w[1].number)
}

const V1: &[(i64, Category)] = &[
    (BANK_LINE, Category::Fraud),
    (79_000_000_001, Category::Fraud),
    (79_000_000_002, Category::Spam),
    (79_000_000_003, Category::Fraud),
    (79_000_000_005, Category::Spam),
];
const V2: &[(i64, Category)] = &[
    (BANK_LINE, Category::Fraud),
    (79_000_000_002, Category::Fraud),
    (79_000_000_003, Category::Fraud),
    (79_000_000_004, Category::Spam),
    (79_000_000_005, Category::Spam),
];

#[test]
fn feed_numbers_are_labelled_blocked_or_left_out_in_chunks() {
    let s = setup(false);
    let lists = s.full(Some(FeedDirectoryMode::Off), 3);
    s.install(1, V1);
    assert_eq!(s.full(Some(FeedDirectoryMode::Off), 3), lists);
    let labelled = s.full(None, 3);
    assert!(ascending(&labelled));
    assert_eq!(labelled, s.full(Some(FeedDirectoryMode::Label), 1000));
    assert_eq!(
        labelled.len(),
        lists.len() + 4,
        "the bank's line keeps its entry"
    );
    let label = |entries: &[DirectoryEntry], n: i64| {
        entries
            .iter()
            .find(|e| e.number == n)
            .map(|e| e.label.clone())
    };
    assert_eq!(label(&labelled, BANK_LINE), label(&lists, BANK_LINE));
    assert_eq!(
        label(&labelled, 79_000_000_001).unwrap(),
        "⚠ Reported: fraud"
    );
    assert_eq!(
        label(&labelled, 79_000_000_002).unwrap(),
        "⚠ Reported: spam"
    );
    let ru = drain(&s.guard.directory_at(
        DirectoryOptions {
            language: Some("ru".into()),
            ..options(None, 3)
        },
        NOW,
    ));
    assert_eq!(label(&ru, 79_000_000_001).unwrap(), "⚠ Жалобы: мошенники");

    // Block: fraud leaves the labels for the blocking sequence, which
    // merges the customer's own numbers and never holds the bank's line.
    let block = Some(FeedDirectoryMode::Block);
    let labels = s.full(block, 2);
    assert_eq!(labels.len(), lists.len() + 2);
    assert_eq!(label(&labels, 79_000_000_001), None);
    let blocking = |feeds, numbers: &[&str]| {
        let reader = s.guard.blocking_directory_at(
            options(feeds, 1),
            numbers.iter().map(|n| n.to_string()).collect(),
            NOW,
        );
        let mut out = Vec::new();
        loop {
            let chunk = reader.next_chunk();
            if chunk.is_empty() {
                return out;
            }
            out.extend(chunk);
        }
    };
    assert_eq!(
        blocking(
            block,
            &["+7 900 000-00-03", "8 800 555 35 35", "not a number"]
        ),
        [78_005_553_535, 79_000_000_001, 79_000_000_003]
    );
    assert_eq!(blocking(None, &["+79000000003"]), [79_000_000_003]);
    assert!(blocking(Some(FeedDirectoryMode::Off), &[]).is_empty());
}

#[test]
fn feed_versions_are_recorded_per_mode() {
    let s = setup(false);
    s.install(3, V1);
    let label = s.guard.directory_versions();
    assert_eq!(label.get("example-bank"), Some(&12));
    assert_eq!(label.get("feed:fraud-feed"), Some(&3));
    assert_eq!(
        s.guard
            .directory_versions_for(FeedDirectoryMode::Block)
            .get("feed-block:fraud-feed"),
        Some(&3)
    );
    assert_eq!(
        s.guard.directory_versions_for(FeedDirectoryMode::Off).len(),
        1
    );
    // Nothing changed: an empty diff.
    let same = s
        .guard
        .directory_changes_at(label.clone(), options(None, 2), NOW)
        .unwrap();
    assert!(drain(&same.removals()).is_empty() && drain(&same.additions()).is_empty());
    // Recorded in another mode, without the feed, or with a feed unknown
    // to the guard: a full reload.
    let block = Some(FeedDirectoryMode::Block);
    assert!(s
        .guard
        .directory_changes_at(label.clone(), options(block, 2), NOW)
        .is_none());
    let mut without = label.clone();
    without.remove("feed:fraud-feed");
    assert!(s
        .guard
        .directory_changes_at(without, options(None, 2), NOW)
        .is_none());
    let mut other = label.clone();
    other.insert("feed:other-feed".into(), 1);
    assert!(s
        .guard
        .directory_changes_at(other, options(None, 2), NOW)
        .is_none());
}

fn held(entries: Vec<DirectoryEntry>) -> BTreeMap<i64, String> {
    entries.into_iter().map(|e| (e.number, e.label)).collect()
}

#[test]
fn a_diff_between_feed_versions_turns_the_old_directory_into_the_new() {
    let s = setup(true);
    s.install(1, V1);
    let modes = [None, Some(FeedDirectoryMode::Block)];
    let before: Vec<_> = modes.iter().map(|&m| s.full(m, 1000)).collect();
    let applied: Vec<_> = modes
        .iter()
        .map(|m| {
            s.guard
                .directory_versions_for(m.unwrap_or(FeedDirectoryMode::Label))
        })
        .collect();
    s.install(2, V2);
    for (i, &mode) in modes.iter().enumerate() {
        let changes = s
            .guard
            .directory_changes_at(applied[i].clone(), options(mode, 1), NOW)
            .expect("version 1 is the previous feed");
        let removals = drain(&changes.removals());
        let additions = drain(&changes.additions());
        assert!(ascending(&removals) && ascending(&additions));
        assert!(removals.iter().all(|e| e.label.is_empty()));
        let mut holds = held(before[i].clone());
        for r in &removals {
            assert!(holds.remove(&r.number).is_some());
        }
        for a in additions {
            assert!(holds.insert(a.number, a.label).is_none());
        }
        assert_eq!(holds, held(s.full(mode, 1000)), "{mode:?}");
    }
    // Label: spam → fraud is a removal and an addition.
    let changes = s
        .guard
        .directory_changes_at(applied[0].clone(), options(None, 10), NOW)
        .unwrap();
    let removed: Vec<i64> = drain(&changes.removals())
        .iter()
        .map(|e| e.number)
        .collect();
    assert_eq!(removed, [79_000_000_001, 79_000_000_002]);
    // Two versions back is not known: a full reload.
    s.install(3, V1);
    assert!(s
        .guard
        .directory_changes_at(applied[0].clone(), options(None, 10), NOW)
        .is_none());
    let mut at_two = applied[0].clone();
    at_two.insert("feed:fraud-feed".into(), 2);
    assert!(s
        .guard
        .directory_changes_at(at_two, options(None, 10), NOW)
        .is_some());
}

#[test]
fn without_a_state_directory_only_the_feed_in_force_diffs() {
    let s = setup(false);
    s.install(1, V1);
    let applied = s.guard.directory_versions();
    s.install(2, V2);
    assert!(s
        .guard
        .directory_changes_at(applied, options(None, 10), NOW)
        .is_none());
}
