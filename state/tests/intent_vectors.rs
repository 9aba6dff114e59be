//! The shared call-intent vectors (tests/vectors/intents.json) through the
//! Guard: each refusal code, the replay rule, the verdicts, and intents that
//! survive a restart (the Kotlin and Swift suites run the same file).

use callguard_core::normalize::Region;
use callguard_core::screen::{
    screen_announced, Attestation, Call, CallDirection, Context, Lang, Reason, Verdict,
};
use callguard_core::{Channel, Timestamp};
use callguard_state::{Guard, GuardError};
use serde_json::Value;
use std::path::PathBuf;

/// CALLGUARD_VECTORS overrides the checkout's tests/vectors: on a phone
/// or simulator the test binary runs far from the checkout.
fn vectors() -> PathBuf {
    std::env::var_os("CALLGUARD_VECTORS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
        PathBuf::from,
    )
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(vectors().join(rel)).unwrap()
}

fn doc() -> Value {
    serde_json::from_slice(&read("intents.json")).unwrap()
}

fn now_of(doc: &Value) -> Timestamp {
    Timestamp::parse_rfc3339(doc["now"].as_str().unwrap()).unwrap()
}

fn guard(doc: &Value, dir: Option<&std::path::Path>) -> Guard {
    let mut guard = Guard::open(dir, 1 << 20);
    assert!(guard.set_intent_audience(doc["audience"].as_str().unwrap()));
    guard
        .add_trust(&read(doc["trust"].as_str().unwrap()))
        .unwrap();
    guard
        .load_list(&read(doc["list"].as_str().unwrap()), now_of(doc))
        .unwrap();
    guard
}

fn screen_call(guard: &Guard, number: &str, now: Timestamp) -> (Verdict, Reason) {
    let call = Call {
        number,
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    };
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now,
    };
    let s = screen_announced(&guard.snapshot(), &guard.intents(), &call, &ctx);
    (s.verdict, s.reason)
}

#[test]
fn every_intent_vector_gets_its_expected_outcome() {
    let doc = doc();
    let guard = guard(&doc, None);
    let now = now_of(&doc);
    let from = doc["call_from"].as_str().unwrap();
    assert_eq!(
        screen_call(&guard, from, now),
        (Verdict::Official, Reason::Unannounced)
    );
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let got = match guard.receive_intent(&read(case["intent"].as_str().unwrap()), now) {
            Ok(_) => "ok".to_string(),
            Err(GuardError::Intent(e)) => e.code().to_string(),
            Err(other) => panic!("{name}: {other}"),
        };
        assert_eq!(got, case["expect"].as_str().unwrap(), "{name}");
    }
    assert_eq!(
        screen_call(&guard, from, now),
        (Verdict::Expected, Reason::Announced)
    );
    assert_eq!(guard.active_intents(now).len(), 1);
}

#[test]
fn intents_survive_a_restart_and_the_audience_is_kept() {
    let doc = doc();
    let now = now_of(&doc);
    let dir = tempfile::tempdir().unwrap();
    let audience = Guard::open(Some(dir.path()), 1 << 20)
        .intent_audience()
        .to_string();
    assert_eq!(audience.len(), 22, "a random id, made once");
    assert_eq!(
        Guard::open(Some(dir.path()), 1 << 20).intent_audience(),
        audience,
        "kept in the state directory"
    );
    guard(&doc, Some(dir.path()))
        .receive_intent(&read("intents/announced.jwt"), now)
        .unwrap();
    // A new process: trust first (nothing is trusted from disk), then the
    // stored list and the stored intent are verified again and in force.
    let mut guard = Guard::open(Some(dir.path()), 1 << 20);
    assert!(guard.set_intent_audience(doc["audience"].as_str().unwrap()));
    assert!(guard.active_intents(now).is_empty());
    guard
        .add_trust(&read(doc["trust"].as_str().unwrap()))
        .unwrap();
    assert_eq!(guard.active_intents(now).len(), 1);
    assert_eq!(
        screen_call(&guard, doc["call_from"].as_str().unwrap(), now),
        (Verdict::Expected, Reason::Announced)
    );
    // A stored intent for another audience is not restored.
    let mut other = Guard::open(Some(dir.path()), 1 << 20);
    assert!(other.set_intent_audience("someone-else"));
    other
        .add_trust(&read(doc["trust"].as_str().unwrap()))
        .unwrap();
    assert!(other.active_intents(now).is_empty());
}

#[test]
fn a_damaged_intents_or_audience_file_is_ignored_not_trusted() {
    let doc = doc();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("intents.json"),
        b"{\"format\":1,\"intents\":[\"not.a.jws\"]}",
    )
    .unwrap();
    let guard = guard(&doc, Some(dir.path()));
    assert!(guard.active_intents(now_of(&doc)).is_empty());
    std::fs::write(dir.path().join("audience"), b"\x00\x01 not an id").unwrap();
    let fresh = Guard::open(Some(dir.path()), 1 << 20);
    assert_eq!(
        fresh.intent_audience().len(),
        22,
        "a damaged audience file is replaced"
    );
}
