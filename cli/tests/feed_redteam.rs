//! Red team (issue 15), a new user: a bank that publishes only a feed (no
//! contact list yet), synced into a state directory, then screened from
//! it as the README's table says (`screen … --state DIR`).

use callguard_core::feed::{Category, FeedBuilder, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general_typed;
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use std::process::Command;

const NOW: &str = "2026-12-01T00:00:00Z";

/// The SDK screens with a feed and no list (`unverifiable` becomes
/// `reported`); `callguard screen --state` and `directory --state` stop at
/// "no stored list for issuer …" (exit 2) instead, so a feed synced with
/// `callguard feed sync` cannot be looked at until a list is synced too.
#[test]
fn a_feed_without_a_list_is_screened_from_the_state_directory() {
    let d = tempfile::tempdir().unwrap();
    let k = SigningKey::generate(Alg::EdDsa, "k1").unwrap().0;
    let trust = Trust::to_json("example-bank", 1, &[k.public_jwk()]).to_string();
    let trust_path = d.path().join("trust.json");
    std::fs::write(&trust_path, &trust).unwrap();
    let mut b = FeedBuilder::new(64).unwrap();
    b.push(79_161_234_567, Category::Fraud).unwrap();
    let blob = b.finish().unwrap();
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":1,"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{{"name":"f.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(&blob)),
        blob.len()
    );
    let jws = sign_general_typed(payload.as_bytes(), &[&k], FEED_TYP).unwrap();
    let state = d.path().join("phone");
    {
        // What `callguard feed sync` stores.
        let guard = Guard::open(Some(&state), 1 << 20);
        guard.add_trust(trust.as_bytes()).unwrap();
        guard
            .install_feed(jws.as_bytes(), blob, Timestamp::parse_rfc3339(NOW).unwrap())
            .unwrap();
    }
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
            .args(args)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    let (state, trust_path) = (state.to_str().unwrap(), trust_path.to_str().unwrap());
    let (code, text) = run(&[
        "screen",
        "--state",
        state,
        "--trust",
        trust_path,
        "--region",
        "RU",
        "--now",
        NOW,
        "+79161234567",
    ]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("reason=reported_fraud"), "{text}");
    let (code, text) = run(&["directory", "--state", state, "--trust", trust_path]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("79161234567"), "{text}");
}
