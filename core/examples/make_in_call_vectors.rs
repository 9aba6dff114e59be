//! Writes the in-call vectors' signed list (`lists/action-policy-v21.jws`):
//! the example bank's list carrying the `action_policy` of the case
//! "the-banks-policy" in `tests/vectors/in-call.json`, so that Rust,
//! Kotlin and Swift run that case through a real, verified list.
//!
//! Run: `cargo run -p callguard-core --example make_in_call_vectors`
//! (after `make_vectors`, whose `keys/ed-a.jwk` signs it). Ed25519 is
//! deterministic: a rerun writes the same bytes.

use callguard_core::jwk::{Jwk, SigningKey};
use callguard_core::jws::sign_general;
use serde_json::{json, Value};
use std::fs;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let jwk: Jwk = serde_json::from_slice(&fs::read(root.join("keys/ed-a.jwk")).unwrap()).unwrap();
    let key = SigningKey::from_jwk(&jwk).unwrap();
    let vectors: Value =
        serde_json::from_slice(&fs::read(root.join("in-call.json")).unwrap()).unwrap();
    let policy = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "the-banks-policy")
        .unwrap()["policy"]
        .clone();
    let payload = json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"},
                   "aliases": ["Example Bank", "Пример Банк"]},
        "version": 21,
        "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "announces_calls": true,
        "action_policy": policy,
        "contacts": [
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline", "ru": "Горячая линия"}},
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"], "label": {"en": "Card department", "ru": "Отдел карт"}}
        ]
    });
    let list = sign_general(payload.to_string().as_bytes(), &[&key]).unwrap();
    fs::write(root.join("lists/action-policy-v21.jws"), list).unwrap();
}
