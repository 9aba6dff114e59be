//! The tester's loop through real processes: keygen → trust → sign →
//! `callguard serve` (HTTPS, certificate made here) → `callguard sync` →
//! `callguard screen --state`.

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use support::{start_serve, write_test_pki};

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn payload(version: u64) -> String {
    serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "test-bank", "name": {"en": "Test Bank"}, "aliases": ["Test Bank"]},
        "version": version, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "contacts": [
            {"number": "+74951234567", "direction": "outbound", "label": {"en": "Desk"}},
            {"number": "+78001234567", "direction": "inbound_only", "label": {"en": "Hotline"}}
        ]
    })
    .to_string()
}

#[test]
fn publish_serve_sync_screen_over_https() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let public = d.join("public");
    std::fs::create_dir(&public).unwrap();
    assert!(callguard(&[
        "keygen",
        "--alg",
        "ES256",
        "--kid",
        "k1",
        "--out",
        s(&d.join("k1.jwk"))
    ])
    .status
    .success());
    let trust = callguard(&["trust", "--issuer", "test-bank", s(&d.join("k1.jwk"))]);
    std::fs::write(d.join("trust.json"), &trust.stdout).unwrap();
    std::fs::write(d.join("list.json"), payload(1)).unwrap();
    let sign = |out: &Path| {
        callguard(&[
            "sign",
            "--key",
            s(&d.join("k1.jwk")),
            "--in",
            s(&d.join("list.json")),
            "--out",
            s(out),
        ])
    };
    assert!(sign(&public.join("list.jws")).status.success());

    // A CA and a server certificate for 127.0.0.1, made here.
    write_test_pki(d);
    let (_server, addr) = start_serve(&public, Some(d));
    let url = format!("https://{addr}/list.jws");
    let state = d.join("state");
    let sync = || {
        let out = callguard(&[
            "sync",
            "--url",
            &url,
            "--trust",
            s(&d.join("trust.json")),
            "--state",
            s(&state),
            "--ca-cert",
            s(&d.join("ca.pem")),
            "--json",
        ]);
        let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (out.status.code(), json)
    };
    let (code, json) = sync();
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["status"], "updated");
    assert_eq!(json["version"], 1);
    assert_eq!(json["error"], Value::Null);
    // The server's ETag makes the second sync a 304.
    let (code, json) = sync();
    assert_eq!(
        (code, json["status"].as_str()),
        (Some(0), Some("not_modified"))
    );

    // A new version is picked up; a forged one is rejected and v2 stays.
    std::fs::write(d.join("list.json"), payload(2)).unwrap();
    assert!(sign(&public.join("list.jws")).status.success());
    let (_, json) = sync();
    assert_eq!(
        (json["status"].as_str(), json["version"].as_u64()),
        (Some("updated"), Some(2))
    );
    let mut forged: Value =
        serde_json::from_slice(&std::fs::read(public.join("list.jws")).unwrap()).unwrap();
    forged["signatures"][0]["signature"] = Value::from("AAAA");
    std::fs::write(public.join("list.jws"), forged.to_string()).unwrap();
    let (code, json) = sync();
    assert_eq!(code, Some(1));
    assert_eq!(
        (
            json["status"].as_str(),
            json["error"].as_str(),
            json["version"].as_u64()
        ),
        (Some("rejected"), Some("bad_signature"), Some(2))
    );

    // Without the CA, the TLS handshake fails.
    let out = callguard(&[
        "sync",
        "--url",
        &url,
        "--trust",
        s(&d.join("trust.json")),
        "--state",
        s(&state),
        "--json",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            out.status.code(),
            json["status"].as_str(),
            json["error"].as_str()
        ),
        (Some(1), Some("failed"), Some("tls_untrusted"))
    );
    // The human message says what to do, and that v2 stays.
    let out = callguard(&[
        "sync",
        "--url",
        &url,
        "--trust",
        s(&d.join("trust.json")),
        "--state",
        s(&state),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("failed: tls_untrusted"), "{text}");
    assert!(text.contains("--ca-cert"), "{text}");
    assert!(text.contains("version 2, stays in force"), "{text}");

    // Screening from the stored list, no network.
    let out = callguard(&[
        "screen",
        "--state",
        s(&state),
        "--trust",
        s(&d.join("trust.json")),
        "--region",
        "RU",
        "--json",
        "8 800 123 45 67",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"], "spoofed");
}
