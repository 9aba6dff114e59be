//! The feed store: a manifest and its full blob stored together, checked
//! before anything is written, rollbacks refused even after the manifest
//! file is put back, the last good feed surviving every refusal.

use callguard_core::feed::{Category, FeedBlob, FeedBuilder, DEFAULT_MAX_BLOB_BYTES, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::FeedStore;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn setup() -> (SigningKey, Trust) {
    let key = SigningKey::generate(Alg::EdDsa, "k1").unwrap().0;
    let trust = Trust::to_json("example-bank", 1, &[key.public_jwk()]).to_string();
    (key, Trust::from_json(trust.as_bytes()).unwrap())
}

fn blob(n: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..n {
        b.push(79_000_000_000 + i * 7, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(key: &SigningKey, version: u64, blob: &[u8]) -> Vec<u8> {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    sign_general_typed(p.as_bytes(), &[key], FEED_TYP)
        .unwrap()
        .into_bytes()
}

#[test]
fn install_then_load() {
    let dir = tempfile::tempdir().unwrap();
    let (key, trust) = setup();
    let store = FeedStore::open(dir.path(), DEFAULT_MAX_BLOB_BYTES).unwrap();
    assert!(store.load(&trust).unwrap().is_none());
    let b = blob(1000);
    let stored = store
        .install(&trust, &manifest(&key, 1, &b), &b, NOW)
        .unwrap();
    assert_eq!(std::fs::read(&stored.blob_path).unwrap(), b);
    let loaded = store.load(&trust).unwrap().unwrap();
    assert_eq!(loaded.feed.manifest().version, 1);
    let bytes = std::fs::read(&loaded.blob_path).unwrap();
    assert_eq!(
        FeedBlob::open(&bytes).unwrap().lookup(79_000_000_007),
        Some(Category::Fraud)
    );
    assert!(store.load_previous(&trust).unwrap().is_none());
    // A later version replaces it; the old one is kept as the previous.
    let b2 = blob(2000);
    let stored2 = store
        .install(&trust, &manifest(&key, 2, &b2), &b2, NOW)
        .unwrap();
    assert_eq!(
        store.load(&trust).unwrap().unwrap().blob_path,
        stored2.blob_path
    );
    let previous = store.load_previous(&trust).unwrap().unwrap();
    assert_eq!(previous.feed.manifest().version, 1);
    assert_eq!(previous.blob_path, stored.blob_path);
    assert_eq!(std::fs::read(&previous.blob_path).unwrap(), b);
    // One version back, no more: version 1's blob goes with version 3.
    let b3 = blob(3000);
    let stored3 = store
        .install(&trust, &manifest(&key, 3, &b3), &b3, NOW)
        .unwrap();
    assert!(!stored.blob_path.exists());
    assert!(stored2.blob_path.exists());
    let previous = store.load_previous(&trust).unwrap().unwrap();
    assert_eq!(previous.feed.manifest().version, 2);
    // Installing the version in force again keeps the previous as it was.
    store
        .install(&trust, &manifest(&key, 3, &b3), &b3, NOW)
        .unwrap();
    assert_eq!(
        store
            .load_previous(&trust)
            .unwrap()
            .unwrap()
            .feed
            .manifest()
            .version,
        2
    );
    assert!(stored3.blob_path.exists() && stored2.blob_path.exists());
}

#[test]
fn a_previous_feed_is_verified_like_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let (key, trust) = setup();
    let store = FeedStore::open(dir.path(), DEFAULT_MAX_BLOB_BYTES).unwrap();
    let (b1, b2) = (blob(10), blob(20));
    let v1 = manifest(&key, 1, &b1);
    let stored1 = store.install(&trust, &v1, &b1, NOW).unwrap();
    store
        .install(&trust, &manifest(&key, 2, &b2), &b2, NOW)
        .unwrap();
    let feed_dir = dir.path().join("feeds/example-bank");
    // A previous manifest signed by someone else.
    let intruder = SigningKey::generate(Alg::EdDsa, "k1").unwrap().0;
    std::fs::write(feed_dir.join("previous.jws"), manifest(&intruder, 1, &b1)).unwrap();
    assert_eq!(
        store.load_previous(&trust).unwrap_err().code(),
        "bad_signature"
    );
    // One that is not older than the current one.
    std::fs::write(feed_dir.join("previous.jws"), manifest(&key, 2, &b2)).unwrap();
    assert_eq!(store.load_previous(&trust).unwrap_err().code(), "corrupt");
    // Its blob missing or truncated.
    std::fs::write(feed_dir.join("previous.jws"), &v1).unwrap();
    assert!(store.load_previous(&trust).unwrap().is_some());
    std::fs::write(&stored1.blob_path, &b1[..b1.len() - 1]).unwrap();
    assert_eq!(store.load_previous(&trust).unwrap_err().code(), "corrupt");
    std::fs::remove_file(&stored1.blob_path).unwrap();
    assert_eq!(store.load_previous(&trust).unwrap_err().code(), "corrupt");
    // The current feed is unaffected.
    assert_eq!(
        store.load(&trust).unwrap().unwrap().feed.manifest().version,
        2
    );
}

#[test]
fn refusals_write_nothing_and_keep_the_last_good_feed() {
    let dir = tempfile::tempdir().unwrap();
    let (key, trust) = setup();
    let store = FeedStore::open(dir.path(), DEFAULT_MAX_BLOB_BYTES).unwrap();
    let good = blob(100);
    let v1 = manifest(&key, 1, &good);
    store.install(&trust, &v1, &good, NOW).unwrap();
    let b2 = blob(200);
    let v2 = manifest(&key, 2, &b2);
    let mut evil = b2.clone();
    let last = evil.len() - 1;
    evil[last] ^= 4;
    assert_eq!(
        store.install(&trust, &v2, &evil, NOW).unwrap_err().code(),
        "hash_mismatch"
    );
    assert_eq!(
        store.load(&trust).unwrap().unwrap().feed.manifest().version,
        1
    );
    let intruder = SigningKey::generate(Alg::EdDsa, "k1").unwrap().0;
    assert_eq!(
        store
            .install(&trust, &manifest(&intruder, 2, &b2), &b2, NOW)
            .unwrap_err()
            .code(),
        "bad_signature"
    );
    let small = FeedStore::open(dir.path(), 100).unwrap();
    assert_eq!(
        small.install(&trust, &v2, &b2, NOW).unwrap_err().code(),
        "too_large"
    );
    assert_eq!(
        store.load(&trust).unwrap().unwrap().feed.manifest().version,
        1
    );
    assert_eq!(
        store
            .install(&trust, &v2, &b2, Timestamp(NOW.0 + 30 * 86_400))
            .unwrap_err()
            .code(),
        "expired"
    );
}

#[test]
fn rollbacks_are_refused_even_with_the_manifest_file_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let (key, trust) = setup();
    let store = FeedStore::open(dir.path(), DEFAULT_MAX_BLOB_BYTES).unwrap();
    let (b1, b2) = (blob(10), blob(20));
    let (v1, v2) = (manifest(&key, 1, &b1), manifest(&key, 2, &b2));
    store.install(&trust, &v2, &b2, NOW).unwrap();
    assert_eq!(
        store.install(&trust, &v1, &b1, NOW).unwrap_err().code(),
        "rollback"
    );
    // Someone puts version 1's manifest and blob back by hand.
    let feed_dir = dir.path().join("feeds/example-bank");
    std::fs::write(feed_dir.join("manifest.jws"), &v1).unwrap();
    std::fs::write(feed_dir.join(format!("{}.cgfeed", hex(&sha256(&b1)))), &b1).unwrap();
    assert_eq!(store.load(&trust).unwrap_err().code(), "rollback");
}

#[test]
fn a_missing_or_truncated_blob_is_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let (key, trust) = setup();
    let store = FeedStore::open(dir.path(), DEFAULT_MAX_BLOB_BYTES).unwrap();
    let b = blob(50);
    let stored = store
        .install(&trust, &manifest(&key, 1, &b), &b, NOW)
        .unwrap();
    std::fs::write(&stored.blob_path, &b[..b.len() - 1]).unwrap();
    assert_eq!(store.load(&trust).unwrap_err().code(), "corrupt");
    std::fs::remove_file(&stored.blob_path).unwrap();
    assert_eq!(store.load(&trust).unwrap_err().code(), "corrupt");
}
