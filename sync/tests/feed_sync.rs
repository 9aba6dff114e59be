//! Feed sync end to end against a real HTTPS server on 127.0.0.1: the
//! manifest first (conditional), then the full blob or a delta, verified by
//! hash before anything is written or put in force — and every way a
//! hostile server can try to get around that.

mod support;

use callguard_core::feed::{diff, Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use callguard_sync::{FeedVia, SyncConfig, SyncStatus, Syncer};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{make_pki, serve, Pki, Reply, Server};

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const ISSUER: &str = "example-bank";
const FRAUD: u64 = 79_161_000_017;

fn key(kid: &str) -> SigningKey {
    SigningKey::generate(Alg::EdDsa, kid).unwrap().0
}

fn trust_json(k: &SigningKey) -> Vec<u8> {
    Trust::to_json(ISSUER, 1, &[k.public_jwk()])
        .to_string()
        .into_bytes()
}

/// 20 000 numbers; `version` moves 1 % of them.
fn numbers(version: u64) -> Vec<u64> {
    let mut v: Vec<u64> = (0..20_000u64)
        .map(|i| 79_161_000_000 + i * 17)
        .filter(|n| version == 1 || n % 100 != 3)
        .collect();
    if version > 1 {
        v.extend((0..200u64).map(|i| 79_262_000_000 + i * 31 + version));
    }
    v.sort_unstable();
    v
}

fn blob(version: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for n in numbers(version) {
        b.push(n, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn entry(name: &str, bytes: &[u8], extra: &str) -> String {
    format!(
        r#"{{"name":"{name}","sha256":"{}","length":{}{extra}}}"#,
        hex(&sha256(bytes)),
        bytes.len()
    )
}

fn manifest(k: &SigningKey, version: u64, blobs: &[String]) -> Vec<u8> {
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"{ISSUER}","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{}]}}"#,
        blobs.join(",")
    );
    sign_general_typed(payload.as_bytes(), &[k], FEED_TYP)
        .unwrap()
        .into_bytes()
}

/// A static host: files by path, strong ETags, `If-None-Match` → 304.
#[derive(Clone, Default)]
struct Host {
    files: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    log: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Host {
    fn put(&self, name: &str, bytes: &[u8]) {
        self.files
            .lock()
            .unwrap()
            .insert(format!("/{name}"), bytes.to_vec());
    }

    fn requests(&self) -> Vec<(String, u16)> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }

    fn start(&self, pki: &Pki) -> Server {
        let host = self.clone();
        serve(Some(pki), move |_, head| {
            let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
            let inm = head.lines().find_map(|l| {
                let (n, v) = l.split_once(':')?;
                n.eq_ignore_ascii_case("if-none-match")
                    .then(|| v.trim().to_string())
            });
            let body = host.files.lock().unwrap().get(&path).cloned();
            let reply = match body {
                None => (404, Vec::new(), Vec::new()),
                Some(body) => {
                    let etag = format!("\"{}\"", hex(&sha256(&body)[..8]));
                    if inm.as_deref() == Some(etag.as_str()) {
                        (304, vec![("ETag".to_string(), etag)], Vec::new())
                    } else {
                        (200, vec![("ETag".to_string(), etag)], body)
                    }
                }
            };
            host.log.lock().unwrap().push((path, reply.0));
            Reply::Full {
                status: reply.0,
                headers: reply.1,
                body: reply.2,
            }
        })
    }
}

fn syncer(pki: &Pki) -> Syncer {
    Syncer::new(SyncConfig {
        extra_ca_pem: vec![pki.ca_pem.clone()],
        first_retry: Duration::from_millis(50),
        max_attempts: 1,
        total_timeout: Duration::from_secs(20),
        ..SyncConfig::default()
    })
    .unwrap()
}

fn guard(dir: &Path, k: &SigningKey) -> Guard {
    let guard = Guard::open(Some(dir), 1 << 20);
    guard.add_trust(&trust_json(k)).unwrap();
    guard
}

fn reported(guard: &Guard, number: u64) -> Option<Category> {
    let feeds = guard.feeds();
    let held = feeds.get(ISSUER)?;
    held.feed().unwrap().blob.lookup(number)
}

fn version_in_force(guard: &Guard) -> Option<u64> {
    guard.feeds().get(ISSUER).map(|h| h.version())
}

/// v1 published with its full blob; v2 with its full blob and the delta 1 → 2.
fn publish_v1_v2(host: &Host, k: &SigningKey) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let (b1, b2) = (blob(1), blob(2));
    let d12 = diff(&b1, &b2).unwrap();
    host.put("feed-1.cgfeed", &b1);
    host.put("feed-2.cgfeed", &b2);
    host.put("feed-1-2.cgdelta", &d12);
    host.put(
        "manifest.jws",
        &manifest(k, 1, &[entry("feed-1.cgfeed", &b1, r#","kind":"full""#)]),
    );
    (b1, b2, d12)
}

fn publish_v2(host: &Host, k: &SigningKey, b2: &[u8], d12: &[u8]) {
    host.put(
        "manifest.jws",
        &manifest(
            k,
            2,
            &[
                entry("feed-2.cgfeed", b2, r#","kind":"full""#),
                entry(
                    "feed-1-2.cgdelta",
                    d12,
                    r#","kind":"delta","from_version":1"#,
                ),
            ],
        ),
    );
}

#[test]
fn full_then_delta_then_not_modified_and_a_restart_maps_it() {
    let pki = make_pki();
    let (host, k) = (Host::default(), key("k1"));
    let (_, b2, d12) = publish_v1_v2(&host, &k);
    let server = host.start(&pki);
    let url = format!("{}/manifest.jws", server.base);
    let dir = tempfile::tempdir().unwrap();
    let g = guard(dir.path(), &k);
    let s = syncer(&pki);

    let first = s.sync_feed(&g, &url, NOW).unwrap();
    assert_eq!(
        (first.status, first.via, first.version),
        (SyncStatus::Updated, Some(FeedVia::Full), 1)
    );
    assert_eq!(reported(&g, FRAUD), Some(Category::Fraud));
    assert_eq!(
        host.requests(),
        vec![
            ("/manifest.jws".into(), 200),
            ("/feed-1.cgfeed".into(), 200)
        ]
    );

    publish_v2(&host, &k, &b2, &d12);
    let second = s.sync_feed(&g, &url, NOW).unwrap();
    assert_eq!(
        (second.status, second.via, second.version),
        (SyncStatus::Updated, Some(FeedVia::Delta), 2)
    );
    assert_eq!(
        host.requests(),
        vec![
            ("/manifest.jws".into(), 200),
            ("/feed-1-2.cgdelta".into(), 200)
        ]
    );
    // A 1 % change costs a few percent of the full blob.
    assert!(
        d12.len() * 20 < b2.len(),
        "delta {} of {}",
        d12.len(),
        b2.len()
    );
    assert_eq!(reported(&g, 79_161_000_000 + 3 * 17), Some(Category::Fraud));
    let removed = numbers(1).into_iter().find(|n| n % 100 == 3).unwrap();
    assert_eq!(reported(&g, removed), None);
    assert_eq!(g.feeds().get(ISSUER).unwrap().sha256(), sha256(&b2));

    let third = s.sync_feed(&g, &url, NOW).unwrap();
    assert_eq!(
        (third.status, third.via, third.version),
        (SyncStatus::NotModified, None, 2)
    );
    assert_eq!(host.requests(), vec![("/manifest.jws".into(), 304)]);

    // Another process (or the next app start) maps what was stored.
    let again = guard(dir.path(), &k);
    let held = again.feeds().get(ISSUER).cloned().unwrap();
    assert!(held.is_mapped());
    assert_eq!((held.version(), held.sha256()), (2, sha256(&b2)));
    assert_eq!(reported(&again, removed), None);
}

/// v1 and v2 published, v1 synced into a Guard with a state directory.
struct Scene {
    host: Host,
    k: SigningKey,
    b1: Vec<u8>,
    b2: Vec<u8>,
    d12: Vec<u8>,
    url: String,
    dir: tempfile::TempDir,
    g: Guard,
    s: Syncer,
    _server: Server,
}

fn v1_in_force() -> Scene {
    let pki = make_pki();
    let (host, k) = (Host::default(), key("k1"));
    let (b1, b2, d12) = publish_v1_v2(&host, &k);
    let server = host.start(&pki);
    let url = format!("{}/manifest.jws", server.base);
    let dir = tempfile::tempdir().unwrap();
    let g = guard(dir.path(), &k);
    let s = syncer(&pki);
    s.sync_feed(&g, &url, NOW).unwrap();
    Scene {
        host,
        k,
        b1,
        b2,
        d12,
        url,
        dir,
        g,
        s,
        _server: server,
    }
}

#[test]
fn a_delta_that_does_not_reach_the_named_hash_falls_back_to_the_full_blob() {
    let Scene {
        host,
        k,
        b1,
        b2,
        url,
        dir: _dir, // kept alive: the Guard stores into it
        g,
        s,
        _server,
        ..
    } = v1_in_force();
    host.requests();
    // A delta, correctly signed into the manifest, from v1 to a blob that
    // is not v2's (one number more): its result cannot hash to v2's blob.
    let mut wrong = numbers(2);
    wrong.push(79_999_999_999);
    let mut b = FeedBuilder::new(64).unwrap();
    for n in wrong {
        b.push(n, Category::Fraud).unwrap();
    }
    let wrong_delta = diff(&b1, &b.finish().unwrap()).unwrap();
    host.put("feed-1-2.cgdelta", &wrong_delta);
    publish_v2(&host, &k, &b2, &wrong_delta);
    let out = s.sync_feed(&g, &url, NOW).unwrap();
    assert_eq!((out.via, out.version), (Some(FeedVia::Full), 2));
    assert_eq!(
        host.requests(),
        vec![
            ("/manifest.jws".into(), 200),
            ("/feed-1-2.cgdelta".into(), 200),
            ("/feed-2.cgfeed".into(), 200)
        ]
    );
    assert_eq!(g.feeds().get(ISSUER).unwrap().sha256(), sha256(&b2));
    assert_eq!(reported(&g, 79_999_999_999), None);
}

/// Runs a sync that must fail with `code`; v1 stays in force and on disk,
/// and only `expected_paths` were requested.
fn assert_refused(
    host: &Host,
    g: &Guard,
    s: &Syncer,
    url: &str,
    dir: &Path,
    code: &str,
    expected_paths: &[&str],
) {
    let stored: Vec<_> = std::fs::read_dir(dir.join("feeds").join(ISSUER))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let manifest_before =
        std::fs::read(dir.join("feeds").join(ISSUER).join("manifest.jws")).unwrap();
    host.requests();
    let err = s.sync_feed(g, url, NOW).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    let paths: Vec<String> = host.requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, expected_paths);
    assert_eq!(version_in_force(g), Some(1));
    assert_eq!(reported(g, FRAUD), Some(Category::Fraud));
    let mut after: Vec<_> = std::fs::read_dir(dir.join("feeds").join(ISSUER))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let mut before = stored;
    before.sort();
    after.sort();
    assert_eq!(before, after, "no file added or removed");
    assert_eq!(
        std::fs::read(dir.join("feeds").join(ISSUER).join("manifest.jws")).unwrap(),
        manifest_before
    );
}

#[test]
fn hostile_servers_change_nothing() {
    let Scene {
        host,
        k,
        b1,
        b2,
        d12,
        url,
        dir,
        g,
        s,
        _server,
    } = v1_in_force();

    // A blob whose hash does not match the manifest (one byte flipped).
    let mut tampered = b2.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    host.put("feed-x.cgfeed", &tampered);
    let mut m = String::from_utf8(manifest(
        &k,
        2,
        &[entry("feed-x.cgfeed", &b2, r#","kind":"full""#)],
    ))
    .unwrap();
    host.put("manifest.jws", m.as_bytes());
    assert_refused(
        &host,
        &g,
        &s,
        &url,
        dir.path(),
        "hash_mismatch",
        &["/manifest.jws", "/feed-x.cgfeed"],
    );

    // A server that sends more than the manifest names: cut off while
    // streaming, and `length_mismatch` as for fewer bytes (one rule,
    // local or synced: feed-format.md §6).
    let mut longer = b2.clone();
    longer.extend_from_slice(&[0; 4096]);
    host.put("feed-x.cgfeed", &longer);
    assert_refused(
        &host,
        &g,
        &s,
        &url,
        dir.path(),
        "length_mismatch",
        &["/manifest.jws", "/feed-x.cgfeed"],
    );

    // A manifest naming a 10 GB blob: refused before any blob is requested.
    m = String::from_utf8(manifest(
        &k,
        2,
        &[format!(
            r#"{{"name":"huge.cgfeed","kind":"full","sha256":"{}","length":10000000000}}"#,
            hex(&sha256(b"x"))
        )],
    ))
    .unwrap();
    host.put("manifest.jws", m.as_bytes());
    assert_refused(
        &host,
        &g,
        &s,
        &url,
        dir.path(),
        "too_large",
        &["/manifest.jws"],
    );

    // A feed signed by a key the trust file does not name.
    let stranger = key("k1");
    host.put(
        "manifest.jws",
        &manifest(
            &stranger,
            2,
            &[entry("feed-2.cgfeed", &b2, r#","kind":"full""#)],
        ),
    );
    assert_refused(
        &host,
        &g,
        &s,
        &url,
        dir.path(),
        "bad_signature",
        &["/manifest.jws"],
    );

    // A list (typ callguard-list+json) is not a feed, even under the same key.
    let list_typed = callguard_core::jws::sign_general_typed(
        br#"{"type":"callguard.feed-manifest"}"#,
        &[&k],
        "callguard-list+json",
    )
    .unwrap();
    host.put("manifest.jws", list_typed.as_bytes());
    let err = s.sync_feed(&g, &url, NOW).unwrap_err();
    assert_ne!(err.code(), "ok");
    assert_eq!(version_in_force(&g), Some(1));

    // Rolled back: v2 accepted, then v1's manifest served again.
    publish_v2(&host, &k, &b2, &d12);
    s.sync_feed(&g, &url, NOW).unwrap();
    host.put(
        "manifest.jws",
        &manifest(&k, 1, &[entry("feed-1.cgfeed", &b1, r#","kind":"full""#)]),
    );
    let err = s.sync_feed(&g, &url, NOW).unwrap_err();
    assert_eq!(err.code(), "rollback", "{err}");
    assert_eq!(version_in_force(&g), Some(2));
    // Also after a restart (the highest version is on disk).
    let again = guard(dir.path(), &k);
    assert_eq!(
        s.sync_feed(&again, &url, NOW).unwrap_err().code(),
        "rollback"
    );
    assert_eq!(version_in_force(&again), Some(2));
}
