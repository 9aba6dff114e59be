//! The real sync client against a real HTTPS server on 127.0.0.1 that
//! misbehaves on purpose. After every failure: the outcome code, and the
//! previously accepted list is still the one in force and on disk.

mod support;

use callguard_core::Timestamp;
use callguard_state::Guard;
use callguard_sync::{SyncConfig, SyncError, SyncStatus, Syncer};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{make_pki, ok, serve, status, Pki, Reply};

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(rel),
    )
    .unwrap()
}

fn config(pki: &Pki) -> SyncConfig {
    SyncConfig {
        extra_ca_pem: vec![pki.ca_pem.clone()],
        first_retry: Duration::from_millis(100),
        total_timeout: Duration::from_secs(10),
        ..SyncConfig::default()
    }
}

/// A Guard with a state directory holding version 12 of Example Bank's list.
fn guard_with_v12(dir: &Path) -> Guard {
    let guard = Guard::open(Some(dir), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    guard
}

fn stored(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("lists/example-bank.list")).unwrap()
}

/// Runs a failing sync and checks that nothing changed.
fn assert_rejected(
    pki: &Pki,
    cfg: SyncConfig,
    reply: impl Fn(usize, &str) -> Reply + Send + Sync + 'static,
    code: &str,
) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let before = stored(dir.path());
    let server = serve(Some(pki), reply);
    let syncer = Syncer::new(cfg).unwrap();
    let err = syncer
        .sync(&guard, &format!("{}/list.jws", server.base), NOW)
        .unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(
        guard.snapshot()[0].version,
        12,
        "the previous list is still in force"
    );
    assert_eq!(
        stored(dir.path()),
        before,
        "the previous list is still on disk"
    );
    server.hits.load(std::sync::atomic::Ordering::SeqCst)
}

#[test]
fn downloads_then_answers_304_to_the_matching_etag() {
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let body = vector("lists/valid-v13.jws");
    let server = serve(Some(&pki), move |_, head| {
        if head.to_ascii_lowercase().contains("if-none-match: \"v13\"") {
            status(304, &[("ETag", "\"v13\"")])
        } else {
            ok(&body, &[("ETag", "\"v13\"")])
        }
    });
    let syncer = Syncer::new(config(&pki)).unwrap();
    let url = format!("{}/list.jws", server.base);
    let first = syncer.sync(&guard, &url, NOW).unwrap();
    assert_eq!(first.status, SyncStatus::Updated);
    assert_eq!(first.list.version, 13);
    let second = syncer.sync(&guard, &url, NOW).unwrap();
    assert_eq!(second.status, SyncStatus::NotModified);
    assert!(server
        .last_request
        .lock()
        .unwrap()
        .to_ascii_lowercase()
        .contains("if-none-match"));
    // A phone restarting with the same state directory still sends the validator.
    let restarted = Guard::open(Some(dir.path()), 1 << 20);
    restarted
        .add_trust(&vector("trust/example-bank.json"))
        .unwrap();
    assert_eq!(
        Syncer::new(config(&pki))
            .unwrap()
            .sync(&restarted, &url, NOW)
            .unwrap()
            .status,
        SyncStatus::NotModified
    );
}

#[test]
fn gzip_bodies_are_accepted() {
    use std::io::Write;
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&vector("lists/valid-v13.jws")).unwrap();
    let body = gz.finish().unwrap();
    let server = serve(Some(&pki), move |_, head| {
        assert!(head.to_ascii_lowercase().contains("accept-encoding: gzip"));
        ok(&body, &[("Content-Encoding", "gzip")])
    });
    let outcome = Syncer::new(config(&pki))
        .unwrap()
        .sync(&guard, &format!("{}/l", server.base), NOW)
        .unwrap();
    assert_eq!(outcome.list.version, 13);
}

#[test]
fn retries_after_a_500() {
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let body = vector("lists/valid-v13.jws");
    let server = serve(Some(&pki), move |hit, _| {
        if hit == 1 {
            status(500, &[])
        } else {
            ok(&body, &[])
        }
    });
    let outcome = Syncer::new(config(&pki))
        .unwrap()
        .sync(&guard, &format!("{}/l", server.base), NOW)
        .unwrap();
    assert_eq!(outcome.status, SyncStatus::Updated);
    assert_eq!(server.hits.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[test]
fn honours_retry_after_on_429() {
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let body = vector("lists/valid-v13.jws");
    let server = serve(Some(&pki), move |hit, _| {
        if hit == 1 {
            status(429, &[("Retry-After", "1")])
        } else {
            ok(&body, &[])
        }
    });
    let started = Instant::now();
    let outcome = Syncer::new(config(&pki))
        .unwrap()
        .sync(&guard, &format!("{}/l", server.base), NOW)
        .unwrap();
    assert_eq!(outcome.list.version, 13);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was not honoured"
    );
}

#[test]
fn a_retry_after_beyond_the_cap_gives_up_at_once() {
    let pki = make_pki();
    let hits = assert_rejected(
        &pki,
        config(&pki),
        |_, _| status(503, &[("Retry-After", "3600")]),
        "http_status",
    );
    assert_eq!(hits, 1);
}

#[test]
fn no_retry_on_404() {
    let pki = make_pki();
    assert_eq!(
        assert_rejected(&pki, config(&pki), |_, _| status(404, &[]), "http_status"),
        1
    );
}

#[test]
fn gives_up_after_bounded_retries() {
    let pki = make_pki();
    assert_eq!(
        assert_rejected(&pki, config(&pki), |_, _| status(502, &[]), "http_status"),
        3
    );
}

#[test]
fn tampered_body() {
    let pki = make_pki();
    let body = vector("lists/tampered-payload.jws");
    assert_rejected(
        &pki,
        config(&pki),
        move |_, _| ok(&body, &[]),
        "bad_signature",
    );
}

#[test]
fn body_signed_by_an_unknown_key() {
    let pki = make_pki();
    let body = vector("lists/unknown-kid.jws");
    assert_rejected(
        &pki,
        config(&pki),
        move |_, _| ok(&body, &[]),
        "unknown_key",
    );
}

#[test]
fn older_version_is_a_rollback() {
    let pki = make_pki();
    let body = vector("lists/rollback.jws");
    assert_rejected(&pki, config(&pki), move |_, _| ok(&body, &[]), "rollback");
}

#[test]
fn expired_list() {
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let server = serve(Some(&pki), |_, _| ok(&vector("lists/valid-v13.jws"), &[]));
    let later = Timestamp(1_830_000_000); // 2027-12
    let err = Syncer::new(config(&pki))
        .unwrap()
        .sync(&guard, &format!("{}/l", server.base), later)
        .unwrap_err();
    assert!(matches!(err, SyncError::List(_)));
    assert_eq!(err.code(), "expired");
    assert_eq!(guard.snapshot()[0].version, 12);
}

#[test]
fn content_length_larger_than_the_body() {
    let pki = make_pki();
    let body = vector("lists/valid-v13.jws");
    let cfg = SyncConfig {
        max_attempts: 1,
        ..config(&pki)
    };
    assert_rejected(
        &pki,
        cfg,
        move |_, _| Reply::Truncated {
            declared: body.len() + 500,
            body: body.clone(),
        },
        "network",
    );
}

#[test]
fn endless_body_stops_at_the_cap() {
    let pki = make_pki();
    let cfg = SyncConfig {
        max_bytes: 256 * 1024,
        ..config(&pki)
    };
    let started = Instant::now();
    assert_rejected(&pki, cfg, |_, _| Reply::Endless, "too_large");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_server_dripping_one_byte_a_second_times_out() {
    let pki = make_pki();
    let cfg = SyncConfig {
        total_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(5),
        max_attempts: 2,
        ..config(&pki)
    };
    let started = Instant::now();
    assert_rejected(&pki, cfg, |_, _| Reply::Drip, "timeout");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "wall time {:?}",
        started.elapsed()
    );
}

#[test]
fn redirect_to_http_is_refused() {
    let pki = make_pki();
    let plain = serve(None, |_, _| ok(&vector("lists/valid-v13.jws"), &[]));
    let target = format!("{}/list.jws", plain.base.replace("127.0.0.1", "localhost"));
    // An https→http downgrade is refused before the plain server is ever asked.
    let hits = assert_rejected(
        &pki,
        config(&pki),
        move |_, _| status(302, &[("Location", &target)]),
        "insecure_redirect",
    );
    assert_eq!(hits, 1);
    assert_eq!(plain.hits.load(std::sync::atomic::Ordering::SeqCst), 0);
}

#[test]
fn certificate_from_another_ca() {
    let pki = make_pki();
    let stranger = make_pki();
    let cfg = SyncConfig {
        max_attempts: 1,
        ..config(&stranger)
    };
    assert_rejected(&pki, cfg, |_, _| ok(b"never read", &[]), "tls_untrusted");
}

#[test]
fn plain_http_needs_explicit_permission() {
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let server = serve(None, |_, _| ok(&vector("lists/valid-v13.jws"), &[]));
    let url = format!("{}/l", server.base);
    let strict = Syncer::new(SyncConfig::default()).unwrap();
    assert_eq!(
        strict.sync(&guard, &url, NOW).unwrap_err().code(),
        "insecure_url"
    );
    assert_eq!(server.hits.load(std::sync::atomic::Ordering::SeqCst), 0);
    let allowed = Syncer::new(SyncConfig {
        allow_http_localhost: true,
        ..SyncConfig::default()
    })
    .unwrap();
    assert_eq!(allowed.sync(&guard, &url, NOW).unwrap().list.version, 13);
}

#[test]
fn failures_push_next_sync_back_and_success_resets_it() {
    let pki = make_pki();
    let dir = tempfile::tempdir().unwrap();
    let guard = guard_with_v12(dir.path());
    let syncer = Syncer::new(SyncConfig {
        max_attempts: 1,
        ..config(&pki)
    })
    .unwrap();
    let bad = serve(Some(&pki), |_, _| status(404, &[]));
    assert!(syncer
        .sync(&guard, &format!("{}/l", bad.base), NOW)
        .is_err());
    assert_eq!(syncer.next_sync_at(&guard, NOW).0, NOW.0 + 15 * 60);
    assert!(syncer
        .sync(&guard, &format!("{}/l", bad.base), NOW)
        .is_err());
    assert_eq!(
        syncer.next_sync_at(&guard, NOW).0,
        NOW.0 + 30 * 60,
        "backoff doubles"
    );
    let good = serve(Some(&pki), |_, _| ok(&vector("lists/valid-v13.jws"), &[]));
    syncer
        .sync(&guard, &format!("{}/l", good.base), NOW)
        .unwrap();
    assert_eq!(syncer.next_sync_at(&guard, NOW).0, NOW.0 + 6 * 3600);
    // Persisted: a fresh syncer over the same state directory agrees.
    let fresh = Syncer::new(config(&pki)).unwrap();
    assert_eq!(fresh.next_sync_at(&guard, NOW).0, NOW.0 + 6 * 3600);
}
