//! Every row of the decision table, from the shared vectors in
//! tests/vectors/calls.json (the Kotlin and Swift suites run the same file).

use callguard_core::accept::verify_signed_list;
use callguard_core::normalize::Region;
use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang};
use callguard_core::{Channel, Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

#[test]
fn every_call_vector_gets_its_expected_screening() {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(vectors().join("calls.json")).unwrap()).unwrap();
    let read = |v: &Value| std::fs::read(vectors().join(v.as_str().unwrap())).unwrap();
    let lists: Vec<_> = doc["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            let trust = Trust::from_json(&read(&pair["trust"])).unwrap();
            verify_signed_list(&read(&pair["list"]), &trust, DEFAULT_MAX_LIST_BYTES)
                .unwrap()
                .list()
                .clone()
        })
        .collect::<Vec<Arc<_>>>();
    let home = Region::from_iso(doc["home_region"].as_str().unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 25);
    for case in cases {
        let c = &case["call"];
        let call = Call {
            number: c["number"].as_str().unwrap(),
            channel: Channel::from_name(c["channel"].as_str().unwrap()).unwrap(),
            display_name: c["display_name"].as_str(),
            attestation: match c["attestation"].as_str().unwrap() {
                "passed" => Attestation::Passed,
                "failed" => Attestation::Failed,
                _ => Attestation::NotVerified,
            },
            direction: match c["direction"].as_str().unwrap() {
                "outgoing" => CallDirection::Outgoing,
                _ => CallDirection::Incoming,
            },
            saved_contact: c["saved_contact"].as_bool().unwrap_or(false),
        };
        let ctx = Context {
            home: Some(home),
            lang: Lang::from_tag(case["lang"].as_str().unwrap()),
            now: Timestamp::parse_rfc3339(case["now"].as_str().unwrap()).unwrap(),
        };
        let got = screen(&lists, &call, &ctx);
        let e = &case["expect"];
        let name = case["name"].as_str().unwrap();
        assert_eq!(got.verdict.name(), e["verdict"], "{name}: verdict");
        assert_eq!(got.risk.name(), e["risk"], "{name}: risk");
        assert_eq!(got.reason.code(), e["reason"], "{name}: reason");
        assert_eq!(
            got.issuer.as_deref(),
            e["issuer"].as_str(),
            "{name}: issuer"
        );
        assert_eq!(got.label.as_deref(), e["label"].as_str(), "{name}: label");
        assert_eq!(
            got.number.as_deref(),
            e["number"].as_str(),
            "{name}: number"
        );
        assert!(
            !got.title.is_empty() && !got.message.is_empty(),
            "{name}: copy"
        );
        // The words never repeat the caller's number or display name.
        if let Some(number) = &got.number {
            assert!(
                !got.message.contains(number.as_str()),
                "{name}: number in message"
            );
        }
        if let Some(display) = call.display_name {
            assert!(!got.message.contains(display), "{name}: name in message");
        }
    }
}

/// A stale inbound-only warning is not hidden by another bank's current
/// prefix covering the same number (someone could block one bank's sync
/// until its list expires).
#[test]
fn another_banks_current_data_never_hides_a_stale_warning() {
    use callguard_core::ContactList;
    let list = |issuer: &str, expires: &str, contact: serde_json::Value| {
        let p = serde_json::json!({"type": "callguard.contact-list", "schema": 1,
            "issuer": {"id": issuer, "name": {"en": issuer}}, "version": 1,
            "issued_at": "2026-01-01T00:00:00Z", "expires_at": expires, "contacts": [contact]});
        Arc::new(ContactList::parse(p.to_string().as_bytes()).unwrap())
    };
    let expired_b = list(
        "bank-b",
        "2026-06-01T00:00:00Z",
        serde_json::json!({"number": "+74950000005", "direction": "inbound_only", "label": {"en": "B hotline"}}),
    );
    let current_a = list(
        "bank-a",
        "2099-01-01T00:00:00Z",
        serde_json::json!({"prefix": "+7495000", "direction": "both", "label": {"en": "A range"}}),
    );
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    };
    let call = Call {
        number: "+74950000005",
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::Passed,
        direction: CallDirection::Incoming,
        saved_contact: false,
    };
    let got = screen(&[current_a, expired_b], &call, &ctx);
    assert_eq!(
        (got.verdict.name(), got.reason.code(), got.issuer.as_deref()),
        ("spoofed", "inbound_only", Some("bank-b"))
    );
}
