//! `screen_many` against every row of the decision table
//! (tests/vectors/calls.json): the same verdict, risk and reason as `screen`
//! gives each call alone, in the order the calls came.

use callguard_core::Timestamp;
use callguard_ffi::{
    Attestation, Call, CallGuard, Channel, Direction, GuardConfig, Reason, ScreeningCode,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn epoch(text: &str) -> i64 {
    Timestamp::parse_rfc3339(text).expect("vector time").0
}

fn guard(doc: &Value, lang: &str) -> Arc<CallGuard> {
    let guard = CallGuard::new(GuardConfig {
        home_region: doc["home_region"].as_str().unwrap().to_string(),
        language: lang.to_string(),
        state_dir: None,
        max_list_bytes: None,
        intent_audience: None,
    });
    for pair in doc["lists"].as_array().unwrap() {
        let trust =
            std::fs::read_to_string(vectors().join(pair["trust"].as_str().unwrap())).unwrap();
        guard.add_trust(trust).unwrap();
        let list = std::fs::read(vectors().join(pair["list"].as_str().unwrap())).unwrap();
        guard
            .load_list_at(list, epoch("2026-12-01T00:00:00Z"))
            .unwrap();
    }
    guard
}

fn call(v: &Value) -> Call {
    let s = |k: &str| v[k].as_str().unwrap();
    Call {
        number: s("number").to_string(),
        channel: match s("channel") {
            "phone" => Channel::Phone,
            "sms" => Channel::Sms,
            "whatsapp" => Channel::Whatsapp,
            "telegram" => Channel::Telegram,
            "viber" => Channel::Viber,
            "signal" => Channel::Signal,
            _ => Channel::Other,
        },
        display_name: v["display_name"].as_str().map(str::to_string),
        attestation: match s("attestation") {
            "passed" => Attestation::Passed,
            "failed" => Attestation::Failed,
            _ => Attestation::NotVerified,
        },
        direction: match s("direction") {
            "incoming" => Direction::Incoming,
            _ => Direction::Outgoing,
        },
        saved_contact: v["saved_contact"].as_bool().unwrap_or(false),
    }
}

/// `NotListed` -> "not_listed": the codes of docs/screening.md.
fn snake(name: impl std::fmt::Debug) -> String {
    let mut out = String::new();
    for (i, c) in format!("{name:?}").chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[test]
fn every_call_vector_in_batches_matches_its_expectation_and_screen() {
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(vectors().join("calls.json")).unwrap())
            .unwrap();
    // A batch shares the guard's language and one clock: group the rows by both.
    let mut batches: BTreeMap<(String, String), Vec<&Value>> = BTreeMap::new();
    for case in doc["cases"].as_array().unwrap() {
        let key = (
            case["lang"].as_str().unwrap().to_string(),
            case["now"].as_str().unwrap().to_string(),
        );
        batches.entry(key).or_default().push(case);
    }
    assert!(batches.len() > 1, "the vectors should span several clocks");
    let mut seen = 0;
    for ((lang, now), cases) in batches {
        let guard = guard(&doc, &lang);
        let calls: Vec<Call> = cases.iter().map(|c| call(&c["call"])).collect();
        let got = guard.screen_many_at(calls.clone(), epoch(&now));
        assert_eq!(got.len(), cases.len());
        for ((case, call), code) in cases.iter().zip(calls).zip(got) {
            let name = case["name"].as_str().unwrap();
            let e = &case["expect"];
            assert_eq!(
                snake(code.verdict),
                e["verdict"].as_str().unwrap(),
                "{name}: verdict"
            );
            assert_eq!(
                snake(code.risk),
                e["risk"].as_str().unwrap(),
                "{name}: risk"
            );
            assert_eq!(
                snake(code.reason),
                e["reason"].as_str().unwrap(),
                "{name}: reason"
            );
            let one = guard.screen_at(call, epoch(&now));
            assert_eq!(
                code,
                ScreeningCode {
                    verdict: one.verdict,
                    risk: one.risk,
                    reason: code.reason
                },
                "{name}"
            );
            assert_eq!(snake(code.reason), one.reason, "{name}: reason code");
            seen += 1;
        }
    }
    assert_eq!(seen, doc["cases"].as_array().unwrap().len());
}

#[test]
fn an_empty_batch_and_no_list() {
    let guard = CallGuard::new(GuardConfig {
        home_region: "RU".into(),
        language: "en".into(),
        state_dir: None,
        max_list_bytes: None,
        intent_audience: None,
    });
    assert!(guard.screen_many(Vec::new()).is_empty());
    let call = Call {
        number: "+7 495 000-00-01".into(),
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::NotVerified,
        direction: Direction::Incoming,
        saved_contact: false,
    };
    let got = guard.screen_many(vec![call.clone(), call]);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|c| c.reason == Reason::NoValidList));
}
