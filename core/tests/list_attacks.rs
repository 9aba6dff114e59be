//! The attack suite: every way we know to make a phone believe a list it
//! should not, each asserting the exact rejection code. The lists are the
//! shared vectors in tests/vectors/ (the Kotlin and Swift tests read the
//! same files); `every_vector_matches_its_manifest` keeps the two in step.

use callguard_core::accept::{accept_list, Prior};
use callguard_core::{Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use serde_json::Value;
use std::path::PathBuf;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(vectors().join("lists.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    value["cases"].as_array().unwrap().clone()
}

/// Runs one manifest case; returns "ok" or the rejection code.
fn run_case(name: &str) -> String {
    let cases = manifest();
    let case = cases
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    run(&cases, case)
}

fn run(cases: &[Value], case: &Value) -> String {
    let read = |rel: &str| std::fs::read(vectors().join(rel)).unwrap();
    let trust = Trust::from_json(&read(case["trust"].as_str().unwrap())).unwrap();
    let now = Timestamp::parse_rfc3339(case["now"].as_str().unwrap()).unwrap();
    let max = case["max_bytes"].as_u64().unwrap_or(DEFAULT_MAX_LIST_BYTES);
    let prior: Option<Prior> = case["prior"].as_str().map(|prior_name| {
        let prior_case = cases.iter().find(|c| c["name"] == prior_name).unwrap();
        accept_list(
            &read(prior_case["list"].as_str().unwrap()),
            &trust,
            max,
            now,
            None,
        )
        .expect("the prior list is valid")
        .prior()
    });
    match accept_list(
        &read(case["list"].as_str().unwrap()),
        &trust,
        max,
        now,
        prior.as_ref(),
    ) {
        Ok(list) => {
            if let Some(v) = case["version"].as_u64() {
                assert_eq!(list.list().version, v, "{}", case["name"]);
            }
            if let Some(n) = case["contacts"].as_u64() {
                assert_eq!(list.list().contact_count() as u64, n, "{}", case["name"]);
            }
            "ok".into()
        }
        Err(e) => e.code().into(),
    }
}

#[test]
fn every_vector_matches_its_manifest() {
    let cases = manifest();
    assert!(cases.len() >= 60, "the manifest lost cases");
    for case in &cases {
        assert_eq!(
            run(&cases, case),
            case["expect"].as_str().unwrap(),
            "case {}",
            case["name"]
        );
    }
}

macro_rules! threat {
    ($test:ident, $case:literal => $code:literal) => {
        #[test]
        fn $test() {
            assert_eq!(run_case($case), $code);
        }
    };
}

// Lists that must be accepted.
threat!(accepts_eddsa_general_json, "valid-eddsa-general" => "ok");
threat!(accepts_es256_from_p256_only_hsms, "valid-es256-general" => "ok");
threat!(accepts_flattened_json, "valid-flattened" => "ok");
threat!(accepts_compact, "valid-compact" => "ok");
threat!(accepts_two_of_two, "valid-2of2" => "ok");
threat!(accepts_key_rotation_with_an_unknown_new_key, "rotation-unknown-plus-valid" => "ok");
threat!(accepts_same_version_same_payload_again, "same-version-same-content" => "ok");

// Forgery and tampering.
threat!(forged_signature, "forged-signature" => "bad_signature");
threat!(tampered_payload, "tampered-payload" => "bad_signature");
threat!(tampered_header, "tampered-header" => "bad_signature");
threat!(wrong_key_under_trusted_kid, "wrong-key-under-trusted-kid" => "bad_signature");
threat!(unknown_kid, "unknown-kid" => "unknown_key");
threat!(truncated_compact_signature, "truncated-compact" => "bad_signature");

// Algorithm games.
threat!(alg_none, "alg-none" => "unsupported_alg");
threat!(hs256_with_the_public_key_as_secret, "hs256-public-key-as-secret" => "unsupported_alg");
threat!(es256_der_signature, "es256-der-signature" => "bad_signature");
threat!(unknown_crit, "unknown-crit" => "malformed");
threat!(unencoded_payload_b64_false, "b64-false" => "malformed");
threat!(unencoded_payload_b64_false_without_crit, "b64-false-without-crit" => "malformed");

threat!(header_as_json_array, "header-as-json-array" => "malformed");
threat!(crit_present_as_null, "crit-null" => "malformed");
threat!(b64_present_as_null, "b64-null" => "malformed");
threat!(payload_not_base64, "payload-not-base64" => "malformed");

// Type confusion.
threat!(wrong_typ_header, "wrong-typ" => "wrong_type");
threat!(missing_typ_header, "missing-typ" => "wrong_type");
threat!(wrong_payload_type, "wrong-payload-type" => "wrong_type");
threat!(future_schema, "unsupported-schema" => "unsupported_schema");

// Threshold.
threat!(duplicate_signatures_against_threshold_two, "duplicate-signatures-threshold-2" => "insufficient_signatures");
threat!(one_signature_against_threshold_two, "one-of-two-signatures" => "insufficient_signatures");

// Freeze, rollback, mix-and-match.
threat!(freeze_expired_list, "expired" => "expired");
threat!(rollback_to_older_version, "rollback" => "rollback");
threat!(same_version_other_content, "same-version-other-content" => "conflicting_version");
threat!(list_naming_another_bank, "issuer-of-another-bank" => "issuer_mismatch");
threat!(another_banks_own_list, "list-of-another-bank-signed-by-it" => "unknown_key");

// Resource exhaustion and broken input.
threat!(oversized, "oversized" => "too_large");
threat!(deeply_nested_jws, "deeply-nested-jws" => "malformed");
threat!(deeply_nested_payload, "deeply-nested-payload" => "malformed");
threat!(deep_nesting_in_an_ignored_member_is_harmless, "deeply-nested-unknown-field" => "ok");
threat!(truncated_input, "truncated" => "malformed");
threat!(garbage_input, "not-json-not-compact" => "malformed");

// Publisher bugs: the whole list is refused.
threat!(contact_with_leading_zero, "invalid-contact-leading-zero" => "malformed");
threat!(contact_too_short, "invalid-contact-too-short" => "malformed");
threat!(contact_with_two_targets, "invalid-contact-two-targets" => "malformed");
threat!(short_code_without_region, "invalid-contact-short-code-no-region" => "malformed");
threat!(unknown_channel, "invalid-contact-unknown-channel" => "malformed");
threat!(label_without_english, "invalid-contact-no-english-label" => "malformed");
threat!(bad_direction, "invalid-contact-bad-direction" => "malformed");
threat!(duplicate_contact, "invalid-contact-duplicate" => "malformed");

// Duplicate member names: one signed document, two readings.
threat!(second_english_label_for_the_same_contact, "duplicate-label-language" => "malformed");
threat!(second_english_issuer_name, "duplicate-issuer-name-language" => "malformed");
threat!(duplicate_unknown_top_level_member, "duplicate-unknown-top-level-member" => "malformed");
threat!(duplicate_unknown_contact_member, "duplicate-unknown-contact-member" => "malformed");
threat!(duplicate_version_member, "duplicate-version" => "malformed");
threat!(duplicate_unknown_protected_header_member, "duplicate-unknown-header-member" => "malformed");
threat!(second_kid_in_protected_header, "duplicate-kid-in-header" => "malformed");
threat!(duplicate_member_in_unprotected_header, "duplicate-unprotected-header-member" => "malformed");
threat!(duplicate_unknown_jws_member, "duplicate-unknown-jws-member" => "malformed");

/// The detail names the object and the member, never a value.
#[test]
fn duplicate_label_language_is_named_precisely() {
    let cases = manifest();
    let case = cases
        .iter()
        .find(|c| c["name"] == "duplicate-label-language")
        .unwrap();
    let read = |rel: &str| std::fs::read(vectors().join(rel)).unwrap();
    let trust = Trust::from_json(&read(case["trust"].as_str().unwrap())).unwrap();
    let now = Timestamp::parse_rfc3339(case["now"].as_str().unwrap()).unwrap();
    let err = accept_list(
        &read(case["list"].as_str().unwrap()),
        &trust,
        DEFAULT_MAX_LIST_BYTES,
        now,
        None,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.ends_with(r#"contacts[0].label: duplicate language "en""#),
        "{text}"
    );
    assert!(
        !text.contains("Hotline") && !text.contains("Security"),
        "{text}"
    );
}
