//! Red team (issue 15), sync: a hostile or odd server behind an app's own
//! transport (the `Transport` trait, as OkHttp/URLSession plug in). What it
//! answers must never change what is in force, and the network must never
//! cost more than the manifest names or the time the config allows.

use callguard_core::feed::{Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use callguard_sync::{HttpRequest, HttpResponse, SyncConfig, SyncError, Syncer, Transport};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const ISSUER: &str = "example-bank";
const URL: &str = "https://cdn.example/feeds/manifest.jws";

fn key() -> SigningKey {
    SigningKey::generate(Alg::EdDsa, "k1").unwrap().0
}

fn blob(n: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..n {
        b.push(79_161_000_000 + i * 17, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn manifest(k: &SigningKey, version: u64, full: &[u8]) -> Vec<u8> {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"{ISSUER}","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{{"name":"feed.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(full)),
        full.len()
    );
    sign_general_typed(p.as_bytes(), &[k], FEED_TYP)
        .unwrap()
        .into_bytes()
}

/// A status, a body, and how long the answer takes.
type Answer = (u16, Vec<u8>, Duration);

/// One scripted answer per URL.
#[derive(Default)]
struct Scripted {
    answers: Mutex<HashMap<String, Answer>>,
    seen: Mutex<Vec<HttpRequest>>,
}

impl Scripted {
    fn answer(&self, url: &str, status: u16, body: &[u8], takes: Duration) {
        self.answers
            .lock()
            .unwrap()
            .insert(url.to_string(), (status, body.to_vec(), takes));
    }

    fn seen(&self) -> Vec<HttpRequest> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

impl Transport for Scripted {
    fn get(&self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        self.seen.lock().unwrap().push(request.clone());
        let (status, body, takes) = self
            .answers
            .lock()
            .unwrap()
            .get(&request.url)
            .cloned()
            .unwrap_or((404, Vec::new(), Duration::ZERO));
        std::thread::sleep(takes);
        Ok(HttpResponse {
            status,
            headers: vec![("etag".into(), "\"t1\"".into())],
            body,
        })
    }
}

fn setup(total: Duration) -> (Arc<Scripted>, Syncer, Guard, SigningKey) {
    let k = key();
    let guard = Guard::open(None, 1 << 20);
    guard
        .add_trust(
            Trust::to_json(ISSUER, 1, &[k.public_jwk()])
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    let transport = Arc::new(Scripted::default());
    let syncer = Syncer::with_transport(
        SyncConfig {
            max_attempts: 1,
            total_timeout: total,
            ..SyncConfig::default()
        },
        transport.clone(),
    );
    (transport, syncer, guard, k)
}

/// The blob is requested with the cap the manifest names, and a 304 to a
/// request that was not conditional, or a 206 for a blob never asked in
/// ranges, changes nothing.
#[test]
fn odd_statuses_change_nothing() {
    let (t, s, g, k) = setup(Duration::from_secs(20));
    let b1 = blob(300);
    t.answer(URL, 304, b"", Duration::ZERO);
    let err = s.sync_feed(&g, URL, NOW).unwrap_err();
    assert_eq!(err.code(), "http_status", "{err}");
    assert!(g.feeds().get(ISSUER).is_none());

    t.answer(URL, 200, &manifest(&k, 1, &b1), Duration::ZERO);
    t.answer(
        "https://cdn.example/feeds/feed.cgfeed",
        206,
        &b1[..100],
        Duration::ZERO,
    );
    t.seen();
    let err = s.sync_feed(&g, URL, NOW).unwrap_err();
    assert_eq!(err.code(), "http_status", "{err}");
    assert!(g.feeds().get(ISSUER).is_none());
    let seen = t.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].max_bytes, b1.len() as u64);

    // The whole blob: in force. Then a conditional request answered with
    // a full 200 of the same manifest is simply not modified.
    t.answer(
        "https://cdn.example/feeds/feed.cgfeed",
        200,
        &b1,
        Duration::ZERO,
    );
    s.sync_feed(&g, URL, NOW).unwrap();
    assert_eq!(g.feeds().get(ISSUER).map(|h| h.version()), Some(1));
    t.seen();
    let again = s.sync_feed(&g, URL, NOW).unwrap();
    assert_eq!(again.downloaded_bytes as usize, manifest(&k, 1, &b1).len());
    let seen = t.seen();
    assert_eq!(seen.len(), 1, "the blob held is not fetched again");
    assert!(seen[0].headers.iter().any(|(n, _)| n == "If-None-Match"));
}

/// `SyncConfig::total_timeout` is "the whole request", and the list sync
/// gives every retry only what is left of that one budget. A feed sync
/// makes two or three requests (manifest, delta, full blob) and gives
/// each a fresh budget: a server that answers each just before its
/// time-out holds the phone for three times as long as configured.
#[test]
fn one_feed_sync_stays_within_one_time_budget() {
    let total = Duration::from_millis(600);
    let slow = Duration::from_millis(450);
    let (t, s, g, k) = setup(total);
    let b1 = blob(300);
    t.answer(URL, 200, &manifest(&k, 1, &b1), slow);
    t.answer(
        "https://cdn.example/feeds/feed.cgfeed",
        200,
        &b1,
        Duration::ZERO,
    );
    let _ = s.sync_feed(&g, URL, NOW);
    let seen = t.seen();
    // The manifest took at least `slow`; whatever the blob request is
    // given must come out of what is left (or it is not made at all).
    if let Some(blob_request) = seen.get(1) {
        assert!(
            blob_request.timeout <= total - slow,
            "the blob request was given {:?} after the manifest used {:?} of {:?}",
            blob_request.timeout,
            slow,
            total
        );
    }
}
