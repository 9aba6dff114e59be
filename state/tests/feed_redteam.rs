//! Red team (issue 15): someone who can write the app's state directory
//! between runs. Whatever the Guard hands out — the feed in force, or the
//! previous one the Call Directory is diffed against — must be the bytes
//! its signed manifest names.

use callguard_core::feed::{Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use std::path::Path;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const ISSUER: &str = "example-bank";

fn key() -> SigningKey {
    SigningKey::generate(Alg::EdDsa, "k1").unwrap().0
}

fn trust(key: &SigningKey) -> Vec<u8> {
    Trust::to_json(ISSUER, 1, &[key.public_jwk()])
        .to_string()
        .into_bytes()
}

fn blob(first: u64, n: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..n {
        b.push(first + i * 7, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(key: &SigningKey, version: u64, full: &[u8]) -> Vec<u8> {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"{ISSUER}","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(full)),
        full.len()
    );
    sign_general_typed(p.as_bytes(), &[key], FEED_TYP)
        .unwrap()
        .into_bytes()
}

fn guard(dir: &Path, key: &SigningKey) -> Guard {
    let g = Guard::open(Some(dir), 1 << 20);
    g.add_trust(&trust(key)).unwrap();
    g
}

fn blob_path(dir: &Path, bytes: &[u8]) -> std::path::PathBuf {
    dir.join("feeds")
        .join(ISSUER)
        .join(format!("{}.cgfeed", hex(&sha256(bytes))))
}

/// The previous feed is what an iOS app diffs the Call Directory against
/// (old → new: which entries to remove). Its blob was only length-checked:
/// same-length bytes written in its place were handed out as version 1,
/// so the diff removes numbers that were never added and keeps ones that
/// were (a reported number that stays blocked, or one never labelled).
#[test]
fn a_previous_blob_changed_on_disk_is_not_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let (b1, b2) = (blob(79_000_000_000, 5000), blob(79_000_000_000, 6000));
    {
        let g = guard(dir.path(), &k);
        g.install_feed(&manifest(&k, 1, &b1), b1.clone(), NOW)
            .unwrap();
        g.install_feed(&manifest(&k, 2, &b2), b2.clone(), NOW)
            .unwrap();
        let previous = g.previous_feed(ISSUER).unwrap();
        assert!(previous.version() == 1 && previous.bytes() == &b1[..]);
    }
    // Same length, other entries: another blob's data section.
    let path = blob_path(dir.path(), &b1);
    let mut bytes = std::fs::read(&path).unwrap();
    let other = blob(79_500_000_000, 5000);
    assert_eq!(other.len(), bytes.len());
    bytes.copy_from_slice(&other);
    std::fs::write(&path, &bytes).unwrap();

    let g = guard(dir.path(), &k);
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), Some(2));
    if let Some(previous) = g.previous_feed(ISSUER) {
        assert!(
            previous.bytes() == &b1[..],
            "the previous feed handed out is not the blob its manifest names"
        );
    }
}

/// Files that are not regular files where the store expects its own:
/// nothing hangs (a FIFO without a writer), nothing unverified comes into
/// force, and a sync can still replace them.
#[cfg(unix)]
#[test]
fn fifos_and_symlinks_in_the_feed_directory() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let b1 = blob(79_000_000_000, 500);
    {
        let g = guard(dir.path(), &k);
        g.install_feed(&manifest(&k, 1, &b1), b1.clone(), NOW)
            .unwrap();
    }
    let feed_dir = dir.path().join("feeds").join(ISSUER);
    let mkfifo = |p: &Path| {
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    };
    // The blob replaced by a FIFO: not in force, no hang.
    let path = blob_path(dir.path(), &b1);
    std::fs::remove_file(&path).unwrap();
    mkfifo(&path);
    let g = guard(dir.path(), &k);
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), None);
    // A sync of version 2 still goes through.
    let b2 = blob(79_000_000_000, 600);
    g.install_feed(&manifest(&k, 2, &b2), b2.clone(), NOW)
        .unwrap();
    assert_eq!(g.previous_feed(ISSUER).map(|h| h.version()), None);
    drop(g);
    // highest.json a FIFO: refused as corrupt, no hang.
    let highest = feed_dir.join("highest.json");
    std::fs::remove_file(&highest).unwrap();
    mkfifo(&highest);
    let g = guard(dir.path(), &k);
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), None);
    drop(g);
    std::fs::remove_file(&highest).unwrap();
    // The blob a symlink to a file of other bytes: not believed.
    let path2 = blob_path(dir.path(), &b2);
    let elsewhere = dir.path().join("elsewhere.cgfeed");
    let mut other = b2.clone();
    let at = other.len() - 3;
    other[at] ^= 0x04;
    std::fs::write(&elsewhere, &other).unwrap();
    std::fs::remove_file(&path2).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path2).unwrap();
    let g = guard(dir.path(), &k);
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), None);
}

/// highest.json lost (a damaged or cleared file) while version 2 is in
/// force: an older manifest handed to `install_feed` must still be a
/// rollback — the Guard knows version 2 is in force.
#[test]
fn an_older_feed_is_refused_while_a_newer_one_is_in_force_even_without_highest_json() {
    let dir = tempfile::tempdir().unwrap();
    let k = key();
    let (b1, b2) = (blob(79_000_000_000, 500), blob(79_000_000_000, 600));
    let g = guard(dir.path(), &k);
    g.install_feed(&manifest(&k, 1, &b1), b1.clone(), NOW)
        .unwrap();
    g.install_feed(&manifest(&k, 2, &b2), b2.clone(), NOW)
        .unwrap();
    std::fs::remove_file(dir.path().join("feeds").join(ISSUER).join("highest.json")).unwrap();
    let err = g
        .install_feed(&manifest(&k, 1, &b1), b1.clone(), NOW)
        .unwrap_err();
    assert!(err.to_string().contains("rollback"), "{err}");
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), Some(2));
}
