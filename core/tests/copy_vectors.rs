//! tests/vectors/copy.json: a bank's override of the copy, the same cases
//! the Kotlin and Swift suites run through the native library.

mod support;

use callguard_core::copy::{sdk, Lang};
use callguard_core::intent::IntentBook;
use callguard_core::normalize::Region;
use callguard_core::screen::{screen_with_copy, Attestation, Call, CallDirection, Context};
use callguard_core::{Channel, Timestamp};
use serde_json::Value;

#[test]
fn every_copy_vector() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/copy.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let lists = support::both_banks();
    let c = &doc["call"];
    let call = Call {
        number: c["number"].as_str().unwrap(),
        channel: Channel::from_name(c["channel"].as_str().unwrap()).unwrap(),
        display_name: c["display_name"].as_str(),
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    };
    let now = Timestamp::parse_rfc3339(doc["now"].as_str().unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 9);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let tag = case["lang"].as_str().unwrap();
        let expect = &case["expect"];
        let outcome = match (Lang::spoken(tag), case["ftl"].as_str()) {
            (None, _) => Err(("copy_language".to_string(), None)),
            (Some(lang), None) => Ok((lang, None)),
            (Some(lang), Some(ftl)) => sdk()
                .with_override(lang, ftl)
                .map(|c| (lang, Some(c)))
                .map_err(|e| (e.code().to_string(), e.message_id().map(str::to_string))),
        };
        match outcome {
            Ok((lang, copy)) => {
                let ctx = Context {
                    home: Region::from_iso(doc["home_region"].as_str().unwrap()),
                    lang,
                    now,
                };
                let copy = copy.as_ref().unwrap_or(sdk());
                let got = screen_with_copy(lists, &IntentBook::new(), &[], &call, &ctx, copy);
                assert_eq!(
                    got.title,
                    expect["title"].as_str().unwrap(),
                    "{name}: title"
                );
                assert_eq!(
                    got.message,
                    expect["message"].as_str().unwrap(),
                    "{name}: message"
                );
            }
            Err((code, id)) => {
                assert_eq!(code, expect["code"].as_str().unwrap(), "{name}: code");
                assert_eq!(
                    id.as_deref(),
                    expect["message_id"].as_str(),
                    "{name}: message id"
                );
            }
        }
    }
}
