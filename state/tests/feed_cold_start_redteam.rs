//! Red team of the cold-start feed check (issue 21): a trust rotated while
//! the stored feed is still being checked, every feed operation at once
//! across restarts, and a state directory whose `lock` was replaced by a
//! FIFO. Each was found by attacking the change; each failed before its fix.
use callguard_core::feed::{Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

const NOW: Timestamp = Timestamp(1_796_083_200);

fn key(kid: &str) -> SigningKey {
    SigningKey::generate(Alg::EdDsa, kid).unwrap().0
}
fn trust(keys: &[&SigningKey]) -> Vec<u8> {
    let jwks: Vec<_> = keys.iter().map(|k| k.public_jwk()).collect();
    Trust::to_json("example-bank", 1, &jwks)
        .to_string()
        .into_bytes()
}
fn blob(n: u64, seed: u64) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..n {
        b.push(79_000_000_000 + seed + i * 7, Category::Fraud)
            .unwrap();
    }
    b.finish().unwrap()
}
fn manifest(key: &SigningKey, version: u64, full: &[u8], expires: &str) -> Vec<u8> {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"{expires}","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(full)),
        full.len()
    );
    sign_general_typed(p.as_bytes(), &[key], FEED_TYP)
        .unwrap()
        .into_bytes()
}

/// The issuer's trust is replaced right after a cold start (k1 dropped,
/// e.g. compromised). The stored feed, signed by k1 only, must not be in
/// force under the new trust. Two background checks race for `installing`;
/// when the new trust's check runs first, the old trust's check puts the
/// k1-signed feed back in force.
#[test]
fn a_trust_replaced_during_the_cold_start_check_keeps_the_old_feed_out() {
    let dir = tempfile::tempdir().unwrap();
    let (k1, k2) = (key("k1"), key("k2"));
    let b = blob(50_000, 0);
    {
        let g = Guard::open(Some(dir.path()), 1 << 20);
        g.add_trust(&trust(&[&k1])).unwrap();
        g.install_feed(
            &manifest(&k1, 1, &b, "2026-12-07T00:00:00Z"),
            b.clone(),
            NOW,
        )
        .unwrap();
    }
    for round in 0..300 {
        let g = Guard::open(Some(dir.path()), 1 << 20);
        g.add_trust(&trust(&[&k1])).unwrap();
        g.add_trust(&trust(&[&k2])).unwrap(); // k1 revoked
        let in_force = g.feeds().get("example-bank").is_some();
        assert!(
            !in_force,
            "round {round}: a feed signed only by a revoked key is in force"
        );
    }
}

/// Everything at once, across restarts: no hang (watchdog), and the feed
/// in force is always one that was offered and checked.
#[test]
fn concurrent_feed_operations_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let k = Arc::new(key("k1"));
    let blobs: Arc<Vec<Vec<u8>>> = Arc::new((0..4).map(|s| blob(20_000, s)).collect());
    {
        let g = Guard::open(Some(dir.path()), 1 << 20);
        g.add_trust(&trust(&[&k])).unwrap();
        g.install_feed(
            &manifest(&k, 1, &blobs[0], "2026-12-07T00:00:00Z"),
            blobs[0].clone(),
            NOW,
        )
        .unwrap();
    }
    let (done_tx, done_rx) = mpsc::channel();
    let root = dir.path().to_path_buf();
    std::thread::spawn(move || {
        for restart in 0..20u64 {
            let g = Arc::new(Guard::open(Some(&root), 1 << 20));
            let t = trust(&[&k]);
            let mut hs = Vec::new();
            for w in 0..6u64 {
                let (g, k, blobs, t) = (g.clone(), k.clone(), blobs.clone(), t.clone());
                hs.push(std::thread::spawn(move || {
                    for i in 0..10u64 {
                        let v = 2 + restart * 100 + i * 6 + w;
                        let b = &blobs[(v % 4) as usize];
                        match w {
                            0 => {
                                g.add_trust(&t).unwrap();
                            }
                            1 => {
                                let _ = g.reload();
                            }
                            2 => {
                                let _ = g.install_feed(
                                    &manifest(&k, v, b, "2026-12-07T00:00:00Z"),
                                    b.clone(),
                                    NOW,
                                );
                            }
                            3 => {
                                if let Some(h) = g.feeds().get("example-bank").cloned() {
                                    let m = manifest(
                                        &k,
                                        h.version() + 1,
                                        h.bytes(),
                                        "2026-12-08T00:00:00Z",
                                    );
                                    let _ = g.renew_feed(&m, NOW);
                                }
                            }
                            4 => {
                                let _ = g.check_feed_manifest(
                                    &manifest(&k, v, b, "2026-12-07T00:00:00Z"),
                                    NOW,
                                );
                            }
                            _ => {
                                let (so_far, _) = g.feeds_so_far();
                                let all = g.feeds();
                                for h in so_far.iter().chain(all.iter()) {
                                    assert!(blobs.iter().any(|b| b.as_slice() == h.bytes()));
                                    assert_eq!(sha256(h.bytes()), h.sha256());
                                }
                            }
                        }
                    }
                }));
            }
            for h in hs {
                h.join().unwrap();
            }
        }
        done_tx.send(()).unwrap();
    });
    done_rx
        .recv_timeout(Duration::from_secs(240))
        .expect("hung: concurrent feed operations did not finish");
}

/// Someone who can write the state directory replaces `lock` with a FIFO.
/// Readers open with O_NONBLOCK (bounded.rs) for exactly this reason, but
/// the writer lock opens it O_WRONLY without it: open(2) blocks until a
/// reader appears, i.e. forever, while the install holds `installing`;
/// then `add_trust` (holding `loading`) and `reload` block behind it.
#[cfg(unix)]
#[test]
fn a_fifo_lock_file_never_blocks_an_install() {
    let dir = tempfile::tempdir().unwrap();
    let k = key("k1");
    let (b1, b2) = (blob(1000, 0), blob(1000, 1));
    let g = Arc::new(Guard::open(Some(dir.path()), 1 << 20));
    g.add_trust(&trust(&[&k])).unwrap();
    g.install_feed(&manifest(&k, 1, &b1, "2026-12-07T00:00:00Z"), b1, NOW)
        .unwrap();
    let lock = dir.path().join("lock");
    std::fs::remove_file(&lock).unwrap();
    assert!(std::process::Command::new("mkfifo")
        .arg(&lock)
        .status()
        .unwrap()
        .success());

    let (tx, rx) = mpsc::channel();
    let g2 = g.clone();
    let m2 = manifest(&k, 2, &b2, "2026-12-07T00:00:00Z");
    std::thread::spawn(move || {
        let _ = tx.send(g2.install_feed(&m2, b2, NOW).is_ok());
    });
    let installed = rx.recv_timeout(Duration::from_secs(5));
    // Ok or refused, but an answer: a hung install wedges add_trust/reload too.
    let (tx, rx) = mpsc::channel();
    let (g3, t) = (g.clone(), trust(&[&k]));
    std::thread::spawn(move || {
        let _ = tx.send(g3.add_trust(&t).is_ok());
    });
    let trusted = rx.recv_timeout(Duration::from_secs(5));
    assert!(installed.is_ok(), "install_feed hung on a FIFO lock file");
    assert!(trusted.is_ok(), "add_trust hung behind it");
}
