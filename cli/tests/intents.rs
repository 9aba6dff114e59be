//! Call intents through the real binary: `callguard intent` makes one with
//! the vectors' delegated key, `verify --with-list` and `screen --intent`
//! apply the phone's rules to it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap()
}

fn vector(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn an_intent_made_by_the_cli_is_verified_and_makes_the_call_expected() {
    let dir = tempfile::tempdir().unwrap();
    let intent = dir.path().join("intent.jwt");
    let made = callguard(&[
        "intent",
        "--key",
        &vector("keys/intent-a.jwk"),
        "--issuer",
        "example-bank",
        "--from",
        "+74950000001",
        "--channel",
        "phone",
        "--audience",
        "tester-1",
        "--agent-en",
        "Anna",
        "--department-en",
        "card department",
        "--purpose-en",
        "your card",
        "--purpose-ru",
        "ваша карта",
        "--ttl",
        "10m",
        "--now",
        "2026-12-01T00:00:00Z",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    std::fs::write(&intent, &made.stdout).unwrap();
    let intent = intent.to_string_lossy().into_owned();

    let verified = callguard(&[
        "verify",
        "--trust",
        &vector("trust/example-bank.json"),
        "--with-list",
        &vector("lists/intents-v20.jws"),
        "--now",
        "2026-12-01T00:05:00Z",
        &intent,
    ]);
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
    let other = callguard(&[
        "verify",
        "--trust",
        &vector("trust/example-bank.json"),
        "--with-list",
        &vector("lists/intents-v20.jws"),
        "--now",
        "2026-12-01T00:05:00Z",
        "--audience",
        "someone-else",
        "--json",
        &intent,
    ]);
    assert_eq!(other.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&other.stdout).contains("\"code\":\"wrong_audience\""));

    let screened = callguard(&[
        "screen",
        "--trust",
        &vector("trust/example-bank.json"),
        "--list",
        &vector("lists/intents-v20.jws"),
        "--intent",
        &intent,
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:05:00Z",
        "--json",
        "+7 495 000-00-01",
    ]);
    let out = String::from_utf8_lossy(&screened.stdout);
    assert!(out.contains("\"verdict\":\"expected\""), "{out}");
    let later = callguard(&[
        "screen",
        "--trust",
        &vector("trust/example-bank.json"),
        "--list",
        &vector("lists/intents-v20.jws"),
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:05:00Z",
        "--json",
        "+7 495 000-00-01",
    ]);
    assert!(String::from_utf8_lossy(&later.stdout).contains("\"reason\":\"unannounced\""));
}

#[test]
fn the_cli_refuses_to_sign_a_broken_intent() {
    let out = callguard(&[
        "intent",
        "--key",
        &vector("keys/intent-a.jwk"),
        "--issuer",
        "example-bank",
        "--from",
        "not-a-number",
        "--audience",
        "tester-1",
        "--agent-en",
        "Anna",
        "--department-en",
        "cards",
        "--purpose-en",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"from\""));
    let long = callguard(&[
        "intent",
        "--key",
        &vector("keys/intent-a.jwk"),
        "--issuer",
        "example-bank",
        "--from",
        "+74950000001",
        "--audience",
        "tester-1",
        "--agent-en",
        "Anna",
        "--department-en",
        "cards",
        "--purpose-en",
        "x",
        "--ttl",
        "2h",
    ]);
    assert_eq!(long.status.code(), Some(2));
}
