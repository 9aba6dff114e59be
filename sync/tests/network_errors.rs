//! Each way a connection can fail has its own code, found against real
//! servers on 127.0.0.1 (and a `.invalid` name, which RFC 6761 says no
//! resolver may answer). After every failure the previous list is still
//! in force.

mod support;

use callguard_core::Timestamp;
use callguard_state::Guard;
use callguard_sync::{SyncConfig, SyncError, Syncer};
use std::path::PathBuf;
use std::time::Duration;
use support::{make_pki, make_pki_for, ok, refused_port, serve, serve_raw, Pki, Raw};

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(rel),
    )
    .unwrap()
}

/// One attempt, a short time budget: every case here ends well within it.
fn config(ca: Option<&Pki>) -> SyncConfig {
    SyncConfig {
        extra_ca_pem: ca.map(|p| vec![p.ca_pem.clone()]).unwrap_or_default(),
        max_attempts: 1,
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        ..SyncConfig::default()
    }
}

/// Syncs `url` into a Guard holding v12; returns the error, checks v12 stayed.
fn fail(cfg: SyncConfig, url: &str) -> SyncError {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    let err = Syncer::new(cfg)
        .unwrap()
        .sync(&guard, url, NOW)
        .unwrap_err();
    assert_eq!(guard.snapshot()[0].version, 12, "{err}");
    err
}

#[test]
fn nothing_listening_is_connection_refused() {
    let url = format!("https://127.0.0.1:{}/list.jws", refused_port());
    let err = fail(config(None), &url);
    assert_eq!(err.code(), "connection_refused", "{err}");
}

#[test]
fn a_certificate_from_an_unknown_ca_is_untrusted_with_the_hint() {
    let pki = make_pki();
    let server = serve(Some(&pki), |_, _| ok(b"never read", &[]));
    let url = format!("{}/list.jws", server.base);
    // No extra CA at all: the chain ends at an unknown issuer.
    let err = fail(config(None), &url);
    assert_eq!(err.code(), "tls_untrusted", "{err}");
    assert!(err.to_string().contains("--ca-cert"), "{err}");
    assert!(err.to_string().contains("caCertsPem"), "{err}");
    // Another CA configured: the chain does not verify against it.
    let stranger = make_pki();
    let err = fail(config(Some(&stranger)), &url);
    assert_eq!(err.code(), "tls_untrusted", "{err}");
    assert_eq!(server.hits.load(std::sync::atomic::Ordering::SeqCst), 0);
}

#[test]
fn a_certificate_for_another_name_is_wrong_host() {
    let pki = make_pki_for(&["other.invalid"]);
    let server = serve(Some(&pki), |_, _| ok(b"never read", &[]));
    let err = fail(config(Some(&pki)), &format!("{}/list.jws", server.base));
    assert_eq!(err.code(), "tls_wrong_host", "{err}");
    assert!(!err.to_string().contains("--ca-cert"), "{err}");
}

#[test]
fn a_server_that_does_not_speak_tls_is_a_protocol_error() {
    let server = serve_raw(Raw::Garbage);
    let err = fail(config(None), &format!("{}/list.jws", server.base));
    assert_eq!(err.code(), "tls_protocol", "{err}");
}

/// A plain-HTTP server behind an https URL (the most common mistake)
/// reads the TLS hello and hangs up: still the handshake's fault.
#[test]
fn a_server_that_hangs_up_on_the_handshake_is_a_protocol_error() {
    let server = serve_raw(Raw::HangUp);
    let err = fail(config(None), &format!("{}/list.jws", server.base));
    assert_eq!(err.code(), "tls_protocol", "{err} / {err:?}");
}

#[test]
fn a_server_that_never_answers_the_handshake_times_out() {
    let server = serve_raw(Raw::Silent);
    // reqwest's read time-out also runs while connecting: keep it longer.
    let cfg = SyncConfig {
        connect_timeout: Duration::from_secs(1),
        read_timeout: Duration::from_secs(4),
        ..config(None)
    };
    let err = fail(cfg, &format!("{}/list.jws", server.base));
    assert_eq!(err.code(), "timeout", "{err}");
    assert!(err.to_string().contains("connect"), "{err}");
}

#[test]
fn a_name_that_does_not_resolve_is_dns() {
    // RFC 6761: resolvers answer `.invalid` names with NXDOMAIN, offline too.
    let err = fail(config(None), "https://callguard-test.invalid/list.jws");
    assert_eq!(err.code(), "dns", "{err}");
}

#[test]
fn plain_http_is_an_insecure_url_that_says_how_to_allow_it() {
    let server = serve(None, |_, _| ok(b"never read", &[]));
    let err = fail(config(None), &format!("{}/list.jws", server.base));
    assert_eq!(err.code(), "insecure_url", "{err}");
    let text = err.to_string();
    assert!(text.contains("--allow-http-localhost"), "{text}");
    assert!(text.contains("127.0.0.1"), "{text}");
    assert!(!text.contains("redirect"), "{text}");
    assert_eq!(server.hits.load(std::sync::atomic::Ordering::SeqCst), 0);
}
