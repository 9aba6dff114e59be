//! Every member of every document type, given a value of the wrong JSON
//! type, is refused `malformed` with the member's path, the type expected
//! and the type found (docs/list-format.md §2 "Type errors"), never the
//! value and never a bare position. Generated from the shared vectors: a
//! list with intent keys, a call intent's claims, a feed manifest, a trust
//! file. A member the documents grow gets this check without a new line.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use callguard_core::feed::FeedManifest;
use callguard_core::intent::claims::check_claims;
use callguard_core::{ContactList, Trust};
use serde_json::Value;
use std::path::PathBuf;

fn vectors(rel: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    std::fs::read(dir.join(rel)).unwrap()
}

fn general_payload(rel: &str) -> Value {
    let jws: Value = serde_json::from_slice(&vectors(rel)).unwrap();
    serde_json::from_slice(&B64.decode(jws["payload"].as_str().unwrap()).unwrap()).unwrap()
}

fn compact_payload(rel: &str) -> Value {
    let text = String::from_utf8(vectors(rel)).unwrap();
    let payload = text.trim().split('.').nth(1).unwrap().to_string();
    serde_json::from_slice(&B64.decode(payload).unwrap()).unwrap()
}

/// Members whose value is a language map: a path stops at the map.
const LANGUAGE_MAPS: [&str; 5] = ["name", "label", "agent", "department", "purpose"];

/// A value of another JSON type than `v`.
fn wrong(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::from(7),
        Value::Number(_) => Value::from("7"),
        Value::Bool(_) => Value::from("true"),
        Value::Array(_) => serde_json::json!({}),
        Value::Object(_) => serde_json::json!([]),
        Value::Null => Value::from(7),
    }
}

/// Every (path, mutated document) with one member's value replaced.
fn variants(doc: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    walk(doc, &mut Vec::new(), &mut out, doc);
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn path_text(steps: &[Step]) -> String {
    let mut s = String::new();
    for step in steps {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => s.push_str(&format!(".{k}")),
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn set(doc: &mut Value, steps: &[Step], to: Value) {
    let mut at = doc;
    for step in steps {
        at = match step {
            Step::Key(k) => at.get_mut(k.as_str()).unwrap(),
            Step::Index(i) => at.get_mut(*i).unwrap(),
        };
    }
    *at = to;
}

fn walk(value: &Value, steps: &mut Vec<Step>, out: &mut Vec<(String, Value)>, root: &Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                steps.push(Step::Key(k.clone()));
                let mut doc = root.clone();
                set(&mut doc, steps, wrong(v));
                out.push((path_text(steps), doc));
                if LANGUAGE_MAPS.contains(&k.as_str()) {
                    // One value of the map: reported at the map's path.
                    if let Some((lang, text)) = v.as_object().and_then(|m| m.iter().next()) {
                        steps.push(Step::Key(lang.clone()));
                        let mut doc = root.clone();
                        set(&mut doc, steps, wrong(text));
                        steps.pop();
                        out.push((path_text(steps), doc));
                    }
                } else {
                    walk(v, steps, out, root);
                }
                steps.pop();
            }
        }
        Value::Array(items) => {
            // The first item stands for all: the rule is the same for each.
            if let Some(first) = items.first() {
                steps.push(Step::Index(0));
                walk(first, steps, out, root);
                steps.pop();
            }
        }
        _ => {}
    }
}

fn check_all(
    what: &str,
    doc: Value,
    parse: impl Fn(&[u8]) -> Result<(), (String, String)>,
) -> usize {
    let all = variants(&doc);
    assert!(all.len() > 5, "{what}: only {} members", all.len());
    for (path, variant) in &all {
        let bytes = serde_json::to_vec(variant).unwrap();
        let (code, detail) = match parse(&bytes) {
            Ok(()) => panic!("{what}: {path} of the wrong type was accepted"),
            Err(e) => e,
        };
        assert_eq!(code, "malformed", "{what}: {path}: {detail}");
        // After the document's own prefix ("the list is malformed: ",
        // "not a trust file: "), the path comes first.
        let at = format!("{path}: expected ");
        let named = detail.starts_with(&at) || detail.contains(&format!(": {at}"));
        assert!(
            named && detail.contains(", found "),
            "{what}: {path} gave {detail:?}"
        );
        assert!(
            !detail.contains("line ") && !detail.contains("column"),
            "{detail}"
        );
    }
    all.len()
}

#[test]
fn every_member_of_a_list_with_intent_keys() {
    let doc = general_payload("lists/intents-v20.jws");
    assert!(doc.get("intent_keys").is_some() && doc.get("announces_calls").is_some());
    let n = check_all("list", doc, |b| {
        ContactList::parse(b)
            .map(|_| ())
            .map_err(|e| (e.code().to_string(), e.to_string()))
    });
    assert!(n > 20, "{n}");
}

#[test]
fn every_member_of_a_bank_action_policy() {
    let mut doc = general_payload("lists/intents-v20.jws");
    doc["action_policy"] = serde_json::json!({
        "recent_minutes": 90,
        "rules": [{"reason": "on_call_unknown", "actions": ["transfer", "new_payee"],
                   "level": "hold", "hold_minutes": 15}]
    });
    ContactList::parse(&serde_json::to_vec(&doc).unwrap()).expect("the policy is valid");
    let n = check_all("list", doc, |b| {
        ContactList::parse(b)
            .map(|_| ())
            .map_err(|e| (e.code().to_string(), e.to_string()))
    });
    assert!(n > 25, "{n}");
}

#[test]
fn every_claim_of_a_call_intent() {
    let n = check_all("intent", compact_payload("intents/announced.jwt"), |b| {
        check_claims(b).map_err(|e| (e.code().to_string(), e.to_string()))
    });
    assert!(n >= 12, "{n}");
}

#[test]
fn every_member_of_a_feed_manifest() {
    let n = check_all(
        "feed manifest",
        general_payload("feeds/manifest-1.jws"),
        |b| {
            FeedManifest::parse(b)
                .map(|_| ())
                .map_err(|e| (e.code().to_string(), e.to_string()))
        },
    );
    assert!(n >= 10, "{n}");
}

#[test]
fn every_member_of_a_trust_file() {
    let doc: Value = serde_json::from_slice(&vectors("trust/example-bank.json")).unwrap();
    check_all("trust file", doc, |b| {
        Trust::from_json(b)
            .map(|_| ())
            .map_err(|e| ("malformed".to_string(), e.to_string()))
    });
}
