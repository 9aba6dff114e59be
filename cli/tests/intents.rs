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

    // The audience is the verifier's to say, never taken from the intent.
    let unsaid = callguard(&[
        "verify",
        "--trust",
        &vector("trust/example-bank.json"),
        "--with-list",
        &vector("lists/intents-v20.jws"),
        "--now",
        "2026-12-01T00:05:00Z",
        &intent,
    ]);
    assert_eq!(unsaid.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unsaid.stderr).contains("--audience is required"));
    let verified = callguard(&[
        "verify",
        "--trust",
        &vector("trust/example-bank.json"),
        "--with-list",
        &vector("lists/intents-v20.jws"),
        "--now",
        "2026-12-01T00:05:00Z",
        "--audience",
        "tester-1",
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
        "--audience",
        "tester-1",
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:05:00Z",
        "--json",
        "+7 495 000-00-01",
    ]);
    let out = String::from_utf8_lossy(&screened.stdout);
    assert!(out.contains("\"verdict\":\"expected\""), "{out}");
    // For another install: refused with its code in --json, exit 1.
    let refused = callguard(&[
        "screen",
        "--trust",
        &vector("trust/example-bank.json"),
        "--list",
        &vector("lists/intents-v20.jws"),
        "--intent",
        &intent,
        "--audience",
        "someone-else",
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:05:00Z",
        "--json",
        "+7 495 000-00-01",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(json["error"], "wrong_audience", "{json}");
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

/// `verify --with-list … --state DIR` does what the phone does with an
/// intent: under that install's audience id, accepted intents are stored,
/// a resend is accepted again, another content under the same id is
/// `replayed` on a later run, and `screen --state` uses what was stored.
#[test]
fn intents_stored_in_a_state_directory_hold_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let state_arg = state.to_string_lossy().into_owned();
    let make = |audience: &str, purpose: &str, file: &str| {
        let made = callguard(&[
            "intent",
            "--key",
            &vector("keys/intent-a.jwk"),
            "--issuer",
            "example-bank",
            "--id",
            "call-42",
            "--from",
            "+74950000001",
            "--audience",
            audience,
            "--agent-en",
            "Anna",
            "--department-en",
            "cards",
            "--purpose-en",
            purpose,
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
        let path = dir.path().join(file);
        std::fs::write(&path, &made.stdout).unwrap();
        path.to_string_lossy().into_owned()
    };
    let verify = |intent: &str| {
        let out = callguard(&[
            "verify",
            "--trust",
            &vector("trust/example-bank.json"),
            "--with-list",
            &vector("lists/intents-v20.jws"),
            "--state",
            &state_arg,
            "--now",
            "2026-12-01T00:05:00Z",
            "--json",
            intent,
        ]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        (out.status.code(), json)
    };
    // Made for someone else: this install's audience says no.
    let (code, json) = verify(&make("tester-1", "your card", "other.jwt"));
    assert_eq!(
        (code, json["code"].as_str()),
        (Some(1), Some("wrong_audience"))
    );
    // The install's audience id was made in the state directory, as a phone makes it.
    let audience = std::fs::read_to_string(state.join("audience")).unwrap();
    let first = make(audience.trim(), "your card", "first.jwt");
    let (code, json) = verify(&first);
    assert_eq!(
        (code, json["stored"].as_bool()),
        (Some(0), Some(true)),
        "{json}"
    );
    let (code, _) = verify(&first);
    assert_eq!(code, Some(0), "a resend is the same intent");
    let (code, json) = verify(&make(audience.trim(), "a prize you won", "replay.jwt"));
    assert_eq!(
        (code, json["code"].as_str()),
        (Some(1), Some("replayed")),
        "{json}"
    );
    // A new run screens with the stored intent: no --intent, no --list.
    let screened = callguard(&[
        "screen",
        "--trust",
        &vector("trust/example-bank.json"),
        "--state",
        &state_arg,
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:05:00Z",
        "--json",
        "+7 495 000-00-01",
    ]);
    let out = String::from_utf8_lossy(&screened.stdout);
    assert!(out.contains("\"verdict\":\"expected\""), "{out}");
    // --audience beside --state is refused: the state's install decides.
    let both = callguard(&[
        "verify",
        "--trust",
        &vector("trust/example-bank.json"),
        "--with-list",
        &vector("lists/intents-v20.jws"),
        "--state",
        &state_arg,
        "--audience",
        "tester-1",
        &first,
    ]);
    assert_eq!(both.status.code(), Some(2));
}
