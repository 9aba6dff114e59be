//! The publisher's workflow through the real `callguard` binary:
//! keygen → trust → sign → verify, with the exit codes and JSON the
//! bank's scripts rely on.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap()
}

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn payload(version: u64, extra_contact: Option<Value>) -> String {
    let mut v: Value = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "test-bank", "name": {"en": "Test Bank"}, "aliases": ["Test Bank"]},
        "version": version, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "contacts": [{"number": "+74951234567", "direction": "outbound", "label": {"en": "Desk"}}]
    });
    if let Some(c) = extra_contact {
        v["contacts"].as_array_mut().unwrap().push(c);
    }
    v.to_string()
}

#[test]
fn keygen_trust_sign_verify_round_trip_with_state() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for alg in ["EdDSA", "ES256"] {
        let key = d.join(format!("{alg}.jwk"));
        let out = callguard(&["keygen", "--alg", alg, "--kid", alg, "--out", s(&key)]);
        assert!(out.status.success());
        let public: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(public.get("d").is_none(), "keygen printed the private part");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&key).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
    let out = callguard(&[
        "trust",
        "--issuer",
        "test-bank",
        "--threshold",
        "2",
        s(&d.join("EdDSA.jwk")),
        s(&d.join("ES256.jwk")),
    ]);
    assert!(out.status.success());
    std::fs::write(d.join("trust.json"), &out.stdout).unwrap();
    let trust_text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !trust_text.contains("\"d\""),
        "the trust file must hold public keys only"
    );

    std::fs::write(d.join("v2.json"), payload(2, None)).unwrap();
    std::fs::write(d.join("v1.json"), payload(1, None)).unwrap();
    for v in ["v1", "v2"] {
        let out = callguard(&[
            "sign",
            "--key",
            s(&d.join("EdDSA.jwk")),
            "--key",
            s(&d.join("ES256.jwk")),
            "--in",
            s(&d.join(format!("{v}.json"))),
            "--out",
            s(&d.join(format!("{v}.jws"))),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let state = d.join("state");
    let verify = |list: &str| {
        callguard(&[
            "verify",
            "--trust",
            s(&d.join("trust.json")),
            "--state",
            s(&state),
            "--json",
            s(&d.join(list)),
        ])
    };
    let out = verify("v2.jws");
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["issuer"], "test-bank");
    assert_eq!(json["version"], 2);
    assert_eq!(json["contacts"], 1);
    assert_eq!(json["expires_at"], "2099-01-01T00:00:00Z");

    // The state directory now remembers version 2: version 1 is a rollback.
    let out = verify("v1.jws");
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["error"], "rollback");
    // Without --json: one human sentence on stdout, nothing on stderr.
    let out = callguard(&[
        "verify",
        "--trust",
        s(&d.join("trust.json")),
        "--state",
        s(&state),
        s(&d.join("v1.jws")),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn sign_refuses_an_invalid_contact_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let key = d.join("k.jwk");
    assert!(
        callguard(&["keygen", "--alg", "EdDSA", "--kid", "k", "--out", s(&key)])
            .status
            .success()
    );
    let bad =
        serde_json::json!({"number": "+0123", "direction": "both", "label": {"en": "Broken desk"}});
    std::fs::write(d.join("bad.json"), payload(1, Some(bad))).unwrap();
    let out = callguard(&[
        "sign",
        "--key",
        s(&key),
        "--in",
        s(&d.join("bad.json")),
        "--out",
        s(&d.join("bad.jws")),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("contacts[1]"), "{stderr}");
    assert!(stderr.contains("Broken desk"), "{stderr}");
    assert!(
        !d.join("bad.jws").exists(),
        "nothing is written for a refused list"
    );
}

#[test]
fn verify_reports_each_vector_code_and_usage_errors() {
    let v = vectors();
    let trust = v.join("trust/example-bank.json");
    let run = |list: &str, now: &str| {
        callguard(&[
            "verify",
            "--trust",
            s(&trust),
            "--now",
            now,
            "--json",
            s(&v.join(list)),
        ])
    };
    let out = run("lists/valid-es256-general.jws", "2026-12-01T00:00:00Z");
    assert_eq!(out.status.code(), Some(0));
    for (list, code) in [
        ("lists/alg-none.jws", "unsupported_alg"),
        ("lists/forged-signature.jws", "bad_signature"),
        ("lists/truncated.jws", "malformed"),
    ] {
        let out = run(list, "2026-12-01T00:00:00Z");
        assert_eq!(out.status.code(), Some(1), "{list}");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["error"], code, "{list}");
        assert!(json["detail"].is_string());
    }
    let out = run("lists/valid-compact.jws", "2027-06-01T00:00:00Z");
    assert_eq!(out.status.code(), Some(1));
    // Usage errors: exit 2.
    assert_eq!(
        run("lists/valid-compact.jws", "not a time").status.code(),
        Some(2)
    );
    assert_eq!(
        run("lists/does-not-exist.jws", "2026-12-01T00:00:00Z")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(callguard(&["verify"]).status.code(), Some(2));
}

#[test]
fn inspect_marks_everything_unverified() {
    let out = callguard(&["inspect", s(&vectors().join("lists/forged-signature.jws"))]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("UNVERIFIED"));
    assert!(text.contains("kid=ed-a"));
    assert!(text.contains("\"example-bank\""));
}

#[test]
fn sign_refuses_an_alias_that_would_flag_every_caller() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let key = d.join("k.jwk");
    assert!(
        callguard(&["keygen", "--alg", "EdDSA", "--kid", "k", "--out", s(&key)])
            .status
            .success()
    );
    for alias in [
        "Bank",
        "Банк",
        "Security",
        "\u{3164}\u{3164}\u{3164}\u{3164}",
    ] {
        let mut v: Value = serde_json::from_str(&payload(1, None)).unwrap();
        v["issuer"]["aliases"] = serde_json::json!(["Test Bank", alias]);
        std::fs::write(d.join("list.json"), v.to_string()).unwrap();
        let out = callguard(&[
            "sign",
            "--key",
            s(&key),
            "--in",
            s(&d.join("list.json")),
            "--out",
            s(&d.join("list.jws")),
        ]);
        assert_eq!(out.status.code(), Some(2), "{alias:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("issuer.aliases[1]"), "{alias:?}: {stderr}");
        assert!(!d.join("list.jws").exists());
    }
}

#[test]
fn trust_refuses_small_order_non_canonical_and_duplicate_member_keys() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let cases = [
        ("small-order", ed25519_jwk(identity), "small-order"),
        ("non-canonical", ed25519_jwk([0xff; 32]), "non-canonical"),
        (
            "duplicate",
            r#"{"kty":"OKP","crv":"Ed25519","x":"AQ","kid":"a","kid":"b"}"#.to_string(),
            "duplicate member \"kid\"",
        ),
    ];
    for (name, jwk, expected) in cases {
        let path = d.join(format!("{name}.jwk"));
        std::fs::write(&path, jwk).unwrap();
        let out = callguard(&["trust", "--issuer", "test-bank", s(&path)]);
        assert!(!out.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: printed a trust file");
    }
}

/// A public JWK for any 32 bytes (`to_jwk` encodes without checking).
fn ed25519_jwk(x: [u8; 32]) -> String {
    let jwk = callguard_core::jwk::PublicKey::Ed25519(x).to_jwk("a");
    serde_json::to_string(&jwk).unwrap()
}
