//! Writes the shared call-intent vectors under tests/vectors/: a list that
//! delegates an intent key (`lists/intents-v20.jws`), the intent key
//! (`keys/intent-a.jwk`, TEST-ONLY), and one intent per case with its
//! expected outcome (`intents.json`). Rust, Kotlin and Swift read them.
//!
//! Run: `cargo run -p callguard-core --example make_intent_vectors`
//! (after `make_vectors`, whose `keys/ed-a.jwk` signs the list). Ed25519 is
//! deterministic: a rerun writes the same bytes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use callguard_core::intent::{sign_claims, IntentDraft};
use callguard_core::jwk::{Jwk, SigningKey};
use callguard_core::jws::sign_general;
use callguard_core::{Channel, Timestamp};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

/// The audience id the vectors' intents are addressed to.
const AUDIENCE: &str = "callguard-test-audience";
/// 2026-12-01T00:00:00Z: every intent's window starts here.
const START: i64 = 1_796_083_200;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let list_key = read_key(&root.join("keys/ed-a.jwk"));
    let intent_key = key_from_seed(&root, "intent-a", 7);
    fs::create_dir_all(root.join("intents")).unwrap();

    let mut delegated = serde_json::to_value(intent_key.public_jwk()).unwrap();
    delegated["expires_at"] = "2027-06-01T00:00:00Z".into();
    let payload = json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"},
                   "aliases": ["Example Bank", "Пример Банк"]},
        "version": 20,
        "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "intent_keys": [delegated],
        "announces_calls": true,
        "contacts": [
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline", "ru": "Горячая линия"}},
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"], "label": {"en": "Card department", "ru": "Отдел карт"}}
        ]
    });
    let list = sign_general(payload.to_string().as_bytes(), &[&list_key]).unwrap();
    fs::write(root.join("lists/intents-v20.jws"), list).unwrap();

    let base = IntentDraft {
        issuer: "example-bank",
        id: "call-0001",
        audience: AUDIENCE,
        from: "+74950000001",
        channel: Channel::Phone,
        agent: &[("en", "Anna"), ("ru", "Анна")],
        department: &[("en", "card department"), ("ru", "отдел карт")],
        purpose: &[
            ("en", "your credit card application"),
            ("ru", "ваша заявка на кредитную карту"),
        ],
        issued_at: Timestamp(START),
        not_before: Timestamp(START),
        expires_at: Timestamp(START + 600),
    };
    let announced = base.sign(&intent_key).unwrap();
    let mut tampered: Vec<String> = announced.split('.').map(str::to_string).collect();
    tampered[1] = B64.encode(base.claims().to_string().replace("Anna", "Oleg"));
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "announced",
            announced.clone(),
            "ok",
            "the bank's card line, by phone, in its window",
        ),
        (
            "wrong-audience",
            IntentDraft {
                id: "call-0002",
                audience: "another-phone",
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "wrong_audience",
            "made for another install",
        ),
        (
            "inbound-only",
            IntentDraft {
                id: "call-0003",
                from: "+78005553535",
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "inbound_only",
            "the bank never calls from its hotline",
        ),
        (
            "channel-not-used",
            IntentDraft {
                id: "call-0004",
                channel: Channel::Telegram,
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "channel_not_used",
            "the card line is phone and WhatsApp only",
        ),
        (
            "unlisted",
            IntentDraft {
                id: "call-0005",
                from: "+79161234567",
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "not_listed",
            "not a number of the list",
        ),
        (
            "expired",
            IntentDraft {
                id: "call-0006",
                not_before: Timestamp(START - 3600),
                expires_at: Timestamp(START - 3000),
                issued_at: Timestamp(START - 3600),
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "expired",
            "its window closed an hour ago",
        ),
        (
            "window-too-long",
            IntentDraft {
                id: "call-0007",
                expires_at: Timestamp(START + 3600),
                ..base.clone()
            }
            .sign(&intent_key)
            .unwrap(),
            "window_too_long",
            "an hour is longer than 30 minutes",
        ),
        (
            "signed-with-list-key",
            IntentDraft {
                id: "call-0008",
                ..base.clone()
            }
            .sign(&list_key)
            .unwrap(),
            "key_not_delegated",
            "list keys stay offline and never sign intents",
        ),
        (
            "tampered",
            tampered.join("."),
            "bad_signature",
            "the agent's name changed after signing",
        ),
        (
            "replayed-id",
            sign_claims(
                IntentDraft {
                    purpose: &[("en", "a prize you won")],
                    ..base.clone()
                }
                .claims()
                .to_string()
                .as_bytes(),
                &intent_key,
            )
            .unwrap(),
            "replayed",
            "the id of `announced` with other content (receive after `announced`)",
        ),
    ];
    let mut manifest = Vec::new();
    for (name, jws, expect, why) in cases {
        let file = format!("intents/{name}.jwt");
        fs::write(root.join(&file), &jws).unwrap();
        manifest.push(json!({"name": name, "intent": file, "expect": expect, "why": why}));
    }
    let doc = json!({
        "about": "Call-intent vectors: load `list` under `trust` (clock `now`), create the guard with intent audience `audience`, then receive each case's intent in order at `now`; `expect` is `ok` or the refusal code. After that, a phone call from `call_from` at `now` is `expected` (reason `announced`); from a guard without intents it is `official`/`unannounced`.",
        "trust": "trust/example-bank.json",
        "list": "lists/intents-v20.jws",
        "audience": AUDIENCE,
        "now": "2026-12-01T00:05:00Z",
        "call_from": "+7 495 000-00-01",
        "cases": manifest,
    });
    fs::write(
        root.join("intents.json"),
        serde_json::to_string_pretty(&doc).unwrap() + "\n",
    )
    .unwrap();
    println!(
        "wrote {} intent cases to {}",
        doc["cases"].as_array().unwrap().len(),
        root.join("intents.json").display()
    );
}

fn read_key(path: &Path) -> SigningKey {
    let jwk: Jwk = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    SigningKey::from_jwk(&jwk).unwrap()
}

fn key_from_seed(root: &Path, kid: &str, seed: u8) -> SigningKey {
    use ring::signature::KeyPair;
    let pair = ring::signature::Ed25519KeyPair::from_seed_unchecked(&[seed; 32]).unwrap();
    let jwk = Jwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: B64.encode(pair.public_key().as_ref()),
        d: Some(B64.encode([seed; 32])),
        kid: Some(kid.into()),
        alg: Some("EdDSA".into()),
        ..Jwk::default()
    };
    let value: Value = serde_json::to_value(&jwk).unwrap();
    fs::write(
        root.join(format!("keys/{kid}.jwk")),
        serde_json::to_string_pretty(&value).unwrap() + "\n",
    )
    .unwrap();
    SigningKey::from_jwk(&jwk).unwrap()
}
