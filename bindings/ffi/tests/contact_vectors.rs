//! The shared contact-audit vectors (tests/vectors/contacts/) through the
//! FFI, as Kotlin and Swift see them (ContactAuditTest.kt,
//! ContactAuditTests.swift run the same file).

use callguard_ffi::{CallGuard, ContactFindingKind, GuardConfig, SavedContact};
use serde_json::Value;
use std::path::PathBuf;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

#[test]
fn the_shared_address_book_gives_its_expected_findings() {
    let doc: Value = serde_json::from_slice(
        &std::fs::read(vectors().join("contacts/address-book.json")).unwrap(),
    )
    .unwrap();
    let guard = CallGuard::new(GuardConfig {
        home_region: doc["home_region"].as_str().unwrap().into(),
        language: "en".into(),
        state_dir: None,
        max_list_bytes: None,
        intent_audience: None,
    });
    for pair in doc["lists"].as_array().unwrap() {
        let read = |k: &str| std::fs::read(vectors().join(pair[k].as_str().unwrap())).unwrap();
        guard
            .add_trust(String::from_utf8(read("trust")).unwrap())
            .unwrap();
        guard.load_list_at(read("list"), 1_796_083_200).unwrap();
    }
    let contacts: Vec<SavedContact> = doc["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| SavedContact {
            name: c["name"].as_str().unwrap().into(),
            numbers: c["numbers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().into())
                .collect(),
        })
        .collect();
    let found: Vec<Value> = guard
        .audit_contacts(contacts)
        .iter()
        .map(|f| {
            let kind = match f.kind {
                ContactFindingKind::SavedInboundOnly => "saved_inbound_only",
                ContactFindingKind::ClaimsBankNotListed => "claims_bank_not_listed",
            };
            assert!(!f.title.is_empty() && !f.message.is_empty());
            assert_eq!(f.suggested_name.is_some(), kind == "saved_inbound_only");
            serde_json::json!({"index": f.index, "number": f.number, "kind": kind, "issuer": f.issuer})
        })
        .collect();
    assert_eq!(Value::Array(found), doc["expected"]);
}
