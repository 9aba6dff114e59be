//! The Guard's feeds in force: installed only verified, restored at start
//! only if the stored blob still has its manifest's hash, dropped when the
//! issuer's trust changes under them, picked up from another process.

use callguard_core::feed::{diff, Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use std::path::Path;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const NUMBER: u64 = 79_000_000_007;

fn key() -> SigningKey {
    SigningKey::generate(Alg::EdDsa, "k1").unwrap().0
}

fn trust(key: &SigningKey) -> Vec<u8> {
    Trust::to_json("example-bank", 1, &[key.public_jwk()])
        .to_string()
        .into_bytes()
}

fn blob(n: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..n {
        b.push(79_000_000_000 + i * 7, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(key: &SigningKey, version: u64, full: &[u8], delta: Option<&[u8]>) -> Vec<u8> {
    let mut blobs = format!(
        r#"{{"name":"f","kind":"full","sha256":"{}","length":{}}}"#,
        hex(&sha256(full)),
        full.len()
    );
    if let Some(d) = delta {
        blobs.push_str(&format!(
            r#",{{"name":"d","kind":"delta","from_version":{},"sha256":"{}","length":{}}}"#,
            version - 1,
            hex(&sha256(d)),
            d.len()
        ));
    }
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{blobs}]}}"#
    );
    sign_general_typed(p.as_bytes(), &[key], FEED_TYP)
        .unwrap()
        .into_bytes()
}

fn lookup(guard: &Guard, number: u64) -> Option<Category> {
    let set = guard.feeds();
    let feeds = set.feeds();
    feeds.first().and_then(|f| f.blob.lookup(number))
}

fn version(guard: &Guard) -> Option<u64> {
    guard.feeds().get("example-bank").map(|h| h.version())
}

fn guard(dir: Option<&Path>, key: &SigningKey) -> Guard {
    let g = Guard::open(dir, 1 << 20);
    g.add_trust(&trust(key)).unwrap();
    g
}

#[test]
fn without_a_state_directory_feeds_live_in_memory() {
    let k = key();
    let g = guard(None, &k);
    let (b1, b2) = (blob(1000), blob(1200));
    let d = diff(&b1, &b2).unwrap();
    let held = g
        .install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap();
    assert!(!held.is_mapped());
    assert_eq!(lookup(&g, NUMBER), Some(Category::Fraud));
    // A delta whose result is not the named blob changes nothing.
    let wrong = diff(&b1, &blob(1100)).unwrap();
    let err = g
        .install_feed_delta(&manifest(&k, 2, &b2, Some(&wrong)), &d, NOW)
        .unwrap_err();
    assert!(err.is_delta_fallback(), "{err}");
    assert_eq!(version(&g), Some(1));
    g.install_feed_delta(&manifest(&k, 2, &b2, Some(&d)), &d, NOW)
        .unwrap();
    assert_eq!(version(&g), Some(2));
    assert_eq!(g.feeds().get("example-bank").unwrap().sha256(), sha256(&b2));
    // Rolled back, in memory too.
    let err = g
        .install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap_err();
    assert!(err.to_string().contains("rollback"), "{err}");
    // A new trust without the signing key: the feed leaves force.
    g.add_trust(&trust(&key())).unwrap();
    assert_eq!(version(&g), None);
    assert_eq!(lookup(&g, NUMBER), None);
}

#[test]
fn a_stored_blob_changed_on_disk_is_not_believed_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let b1 = blob(5000);
    {
        let g = guard(Some(dir.path()), &k);
        let held = g
            .install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
            .unwrap();
        assert!(held.is_mapped());
    }
    // An untouched store comes back, mapped.
    let g = guard(Some(dir.path()), &k);
    assert_eq!(
        (version(&g), lookup(&g, NUMBER)),
        (Some(1), Some(Category::Fraud))
    );
    drop(g);
    // Same length, other bytes (a number dropped from the fraud list):
    // written by someone else into the app's files while it was not running.
    let path = dir
        .path()
        .join("feeds/example-bank")
        .join(format!("{}.cgfeed", hex(&sha256(&b1))));
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x10;
    std::fs::write(&path, &bytes).unwrap();
    let g = guard(Some(dir.path()), &k);
    assert_eq!(
        version(&g),
        None,
        "a blob that is not the manifest's is not used"
    );
}

#[test]
fn reload_picks_up_what_another_process_stored() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let app = guard(Some(dir.path()), &k);
    let extension = guard(Some(dir.path()), &k);
    // Both started (their start-up checks of the stored feed, none yet,
    // are over) before the app installs one.
    let _ = (app.feeds(), extension.feeds());
    let b1 = blob(1000);
    app.install_feed(&manifest(&k, 1, &b1, None), b1, NOW)
        .unwrap();
    assert_eq!(version(&extension), None);
    extension.reload().unwrap();
    assert_eq!(version(&extension), Some(1));
    assert_eq!(lookup(&extension, NUMBER), Some(Category::Fraud));
    // A stale process cannot install an older version behind the other's back.
    let b0 = blob(900);
    let stale = guard(Some(dir.path()), &k);
    let err = stale
        .install_feed(&manifest(&k, 1, &b0, None), b0, NOW)
        .unwrap_err();
    assert!(err.to_string().contains("conflicting_version"), "{err}");
}

#[test]
fn a_re_signed_manifest_for_the_blob_held_is_renewed_without_the_blob() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let g = guard(Some(dir.path()), &k);
    let b1 = blob(1000);
    g.install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap();
    // Version 2 names the same blob (a later expiry, say).
    let held = g.renew_feed(&manifest(&k, 2, &b1, None), NOW).unwrap();
    assert_eq!((held.version(), held.sha256()), (2, sha256(&b1)));
    assert_eq!(lookup(&g, NUMBER), Some(Category::Fraud));
    // One naming another blob needs that blob.
    let b3 = blob(1001);
    let err = g.renew_feed(&manifest(&k, 3, &b3, None), NOW).unwrap_err();
    assert!(err.to_string().contains("download it"), "{err}");
    assert_eq!(version(&g), Some(2));
    // And a restart finds version 2 with the same blob.
    let again = guard(Some(dir.path()), &k);
    assert_eq!(version(&again), Some(2));
}

#[test]
fn a_renewal_checks_the_stored_blob_again() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let g = guard(Some(dir.path()), &k);
    let b1 = blob(3000);
    g.install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap();
    // The stored file changed on disk (same length) behind the app's back.
    let path = dir
        .path()
        .join("feeds/example-bank")
        .join(format!("{}.cgfeed", hex(&sha256(&b1))));
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.len() - 3;
    bytes[at] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
    let err = g.renew_feed(&manifest(&k, 2, &b1, None), NOW).unwrap_err();
    assert!(err.to_string().contains("download it"), "{err}");
    assert_eq!(version(&g), Some(1));
}

/// A cold start: `add_trust` puts the stored list in force and hashes the
/// stored feed again on a thread of its own. Until that check ends the
/// feed is not in force, so a feed whose blob was changed on disk is never
/// visible, not even for a moment; an intact one comes into force, and
/// `feeds()` waits for it.
#[test]
fn at_a_cold_start_the_stored_feed_is_checked_before_it_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let b1 = blob(200_000);
    guard(Some(dir.path()), &k)
        .install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap();

    // Intact: in force once checked; `feeds()` waits for the check.
    let g = guard(Some(dir.path()), &k);
    let (so_far, complete) = g.feeds_so_far();
    assert!(complete || so_far.get("example-bank").is_none());
    assert_eq!(lookup(&g, NUMBER), Some(Category::Fraud));
    assert!(
        g.feeds_so_far().1,
        "feeds() returned before the check ended"
    );
    drop(g);

    // Changed on disk (same length): never in force, whenever one looks.
    let path = dir
        .path()
        .join("feeds/example-bank")
        .join(format!("{}.cgfeed", hex(&sha256(&b1))));
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let g = guard(Some(dir.path()), &k);
    loop {
        let (so_far, complete) = g.feeds_so_far();
        assert!(
            so_far.get("example-bank").is_none(),
            "an unchecked blob was in force"
        );
        if complete {
            break;
        }
        std::thread::yield_now();
    }
    assert_eq!(version(&g), None);
}

/// `renew_feed` takes a re-signed manifest for the blob held; a manifest
/// naming another blob is `blob_not_held` (download it), and nothing
/// changes.
#[test]
fn a_manifest_for_another_blob_is_no_renewal() {
    let k = key();
    let g = guard(None, &k);
    let (b1, b2) = (blob(1000), blob(1200));
    g.install_feed(&manifest(&k, 1, &b1, None), b1.clone(), NOW)
        .unwrap();
    let err = g.renew_feed(&manifest(&k, 2, &b2, None), NOW).unwrap_err();
    match err {
        callguard_state::GuardError::Feed(e) => assert_eq!(e.code(), "blob_not_held"),
        other => panic!("{other}"),
    }
    assert_eq!(version(&g), Some(1));
}
