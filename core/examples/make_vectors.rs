//! Writes the shared test vectors under tests/vectors/: trust files, valid
//! lists and one list per attack, with a manifest of expected outcomes.
//! Rust, Kotlin and Swift tests all read these very files.
//!
//! Run: `cargo run -p callguard-core --example make_vectors`
//! Ed25519 signatures are deterministic; ES256 ones are not, so a rerun
//! changes the ES256 files (and only those) while keeping every expectation.
//! The keys are TEST-ONLY, published on purpose: never trust them in an app.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use callguard_core::jwk::{Alg, Jwk, SigningKey};
use callguard_core::jws::sign_general;
use callguard_core::Trust;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests/vectors");
    fs::create_dir_all(&root).unwrap();
    let root = root.canonicalize().unwrap();
    fs::create_dir_all(root.join("keys")).unwrap();
    fs::create_dir_all(root.join("trust")).unwrap();
    fs::create_dir_all(root.join("lists")).unwrap();

    let ed_a = key_from_seed(&root, "ed-a", 1);
    let ed_b = key_from_seed(&root, "ed-b", 2);
    let p256 = load_or_generate_p256(&root, "p256-a");
    let intruder = key_from_seed(&root, "ed-a", 99); // same kid as a trusted key, other key
    let other_bank = key_from_seed(&root, "other-1", 3);

    let trust = |issuer: &str, threshold: usize, keys: &[&SigningKey]| {
        Trust::to_json(
            issuer,
            threshold,
            &keys.iter().map(|k| k.public_jwk()).collect::<Vec<_>>(),
        )
    };
    write_json(
        &root.join("trust/example-bank.json"),
        &trust("example-bank", 1, &[&ed_a, &p256]),
    );
    write_json(
        &root.join("trust/example-bank-2of2.json"),
        &trust("example-bank", 2, &[&ed_a, &ed_b]),
    );
    write_json(
        &root.join("trust/other-bank.json"),
        &trust("other-bank", 1, &[&other_bank]),
    );

    let base = example_payload(12);
    let mut cases: Vec<Value> = Vec::new();
    let mut case = |name: &str, trust: &str, jws: String, expect: &str, extra: Value| {
        let file = format!("lists/{name}.jws");
        fs::write(root.join(&file), jws).unwrap();
        let mut entry = json!({"name": name, "trust": format!("trust/{trust}.json"), "list": file,
                               "now": "2026-12-01T00:00:00Z", "expect": expect});
        for (k, v) in extra.as_object().unwrap() {
            entry[k] = v.clone();
        }
        cases.push(entry);
    };
    let none = json!({});
    let sign = |payload: &Value, keys: &[&SigningKey]| {
        sign_general(payload.to_string().as_bytes(), keys).unwrap()
    };

    // Valid lists, in every serialization and both algorithms.
    case(
        "valid-eddsa-general",
        "example-bank",
        sign(&base, &[&ed_a]),
        "ok",
        json!({"version": 12, "contacts": 6}),
    );
    case(
        "valid-es256-general",
        "example-bank",
        sign(&base, &[&p256]),
        "ok",
        json!({"version": 12}),
    );
    let general: Value = serde_json::from_str(&sign(&base, &[&ed_a])).unwrap();
    let sig0 = &general["signatures"][0];
    let flattened = json!({"payload": general["payload"], "protected": sig0["protected"], "signature": sig0["signature"]});
    case(
        "valid-flattened",
        "example-bank",
        flattened.to_string(),
        "ok",
        none.clone(),
    );
    let compact = format!(
        "{}.{}.{}",
        s(&sig0["protected"]),
        s(&general["payload"]),
        s(&sig0["signature"])
    );
    case(
        "valid-compact",
        "example-bank",
        compact.clone(),
        "ok",
        none.clone(),
    );
    case(
        "valid-2of2",
        "example-bank-2of2",
        sign(&base, &[&ed_a, &ed_b]),
        "ok",
        none.clone(),
    );
    // Key rotation: one signature by a key this phone does not know yet.
    case(
        "rotation-unknown-plus-valid",
        "example-bank",
        sign(&base, &[&other_bank, &ed_a]),
        "ok",
        none.clone(),
    );
    case(
        "valid-v13",
        "example-bank",
        sign(&example_payload(13), &[&ed_a]),
        "ok",
        json!({"version": 13}),
    );
    // v14 changes contacts: one removed, one relabelled, one added.
    let mut v14 = example_payload(14);
    let contacts = v14["contacts"].as_array_mut().unwrap();
    contacts.retain(|c| c["number"] != "+74950000002");
    contacts[1]["label"] = json!({"en": "Cards", "ru": "Карты"});
    contacts.push(
        json!({"number": "+74950000009", "direction": "outbound", "label": {"en": "New desk"}}),
    );
    case(
        "valid-v14-changed",
        "example-bank",
        sign(&v14, &[&ed_a]),
        "ok",
        json!({"version": 14, "contacts": 6}),
    );

    // Attacks, each named after the threat it stops.
    let mut forged: Value = serde_json::from_str(&sign(&base, &[&ed_a])).unwrap();
    forged["signatures"][0]["signature"] = json!(B64.encode([7u8; 64]));
    case(
        "forged-signature",
        "example-bank",
        forged.to_string(),
        "bad_signature",
        none.clone(),
    );

    let mut tampered: Value = serde_json::from_str(&sign(&base, &[&ed_a])).unwrap();
    let mut evil = base.clone();
    evil["contacts"][0]["direction"] = json!("outbound");
    tampered["payload"] = json!(B64.encode(evil.to_string()));
    case(
        "tampered-payload",
        "example-bank",
        tampered.to_string(),
        "bad_signature",
        none.clone(),
    );

    let mut tampered_header: Value = serde_json::from_str(&sign(&base, &[&ed_a])).unwrap();
    let header =
        json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "x-note": "changed"});
    tampered_header["signatures"][0]["protected"] = json!(B64.encode(header.to_string()));
    case(
        "tampered-header",
        "example-bank",
        tampered_header.to_string(),
        "bad_signature",
        none.clone(),
    );

    case(
        "wrong-key-under-trusted-kid",
        "example-bank",
        sign(&base, &[&intruder]),
        "bad_signature",
        none.clone(),
    );
    case(
        "unknown-kid",
        "example-bank",
        sign(&base, &[&other_bank]),
        "unknown_key",
        none.clone(),
    );

    let payload_b64 = B64.encode(base.to_string());
    let none_header =
        B64.encode(json!({"alg": "none", "kid": "ed-a", "typ": "callguard-list+json"}).to_string());
    case(
        "alg-none",
        "example-bank",
        format!("{none_header}.{payload_b64}."),
        "unsupported_alg",
        none.clone(),
    );

    // HS256 keyed with the public key's bytes: the classic algorithm confusion.
    let hs_header = B64
        .encode(json!({"alg": "HS256", "kid": "ed-a", "typ": "callguard-list+json"}).to_string());
    let secret = serde_json::to_string(&ed_a.public_jwk()).unwrap();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let tag = ring::hmac::sign(&key, format!("{hs_header}.{payload_b64}").as_bytes());
    case(
        "hs256-public-key-as-secret",
        "example-bank",
        format!("{hs_header}.{payload_b64}.{}", B64.encode(tag.as_ref())),
        "unsupported_alg",
        none.clone(),
    );

    case(
        "wrong-typ",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "JWT"}),
        ),
        "wrong_type",
        none.clone(),
    );
    // `Ed25519`, the fully-specified name (RFC 9864), for an Ed25519 key
    // only; under a P-256 kid it is an algorithm that does not fit the key.
    case(
        "alg-ed25519-name",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "Ed25519", "kid": "ed-a", "typ": "callguard-list+json"}),
        ),
        "ok",
        json!({"version": 12}),
    );
    case(
        "alg-ed25519-under-p256-kid",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "Ed25519", "kid": "p256-a", "typ": "callguard-list+json"}),
        ),
        "bad_signature",
        none.clone(),
    );
    // Payload rules a publisher in another language gets wrong first.
    let payload_cases = [
        (
            "version-above-2-pow-53",
            "version",
            json!(9_007_199_254_740_992u64),
            "malformed",
        ),
        ("version-with-fraction", "version", json!(12.0), "malformed"),
        (
            "issued-at-lower-case-t",
            "issued_at",
            json!("2026-11-28t09:00:00Z"),
            "malformed",
        ),
        (
            "issued-at-space-separator",
            "issued_at",
            json!("2026-11-28 09:00:00Z"),
            "malformed",
        ),
        (
            "expires-at-leap-second",
            "expires_at",
            json!("2026-12-31T23:59:60Z"),
            "malformed",
        ),
        (
            "timestamps-with-offset-and-fraction",
            "issued_at",
            json!("2026-11-28T12:00:00.5+03:00"),
            "ok",
        ),
        (
            "issued-at-in-the-future",
            "issued_at",
            json!("2026-12-20T00:00:00Z"),
            "ok",
        ),
    ];
    for (name, field, value, expect) in payload_cases {
        let mut p = base.clone();
        p[field] = value;
        case(
            name,
            "example-bank",
            sign(&p, &[&ed_a]),
            expect,
            none.clone(),
        );
    }
    let mut p = base.clone();
    p["issuer"]["name"] = json!({"EN": "Example Bank", "zh-Hant-TW": "範例銀行"});
    case(
        "language-tags-bcp47-any-case",
        "example-bank",
        sign(&p, &[&ed_a]),
        "ok",
        none.clone(),
    );
    case(
        "missing-typ",
        "example-bank",
        sign_with_header(&base, &ed_a, json!({"alg": "EdDSA", "kid": "ed-a"})),
        "wrong_type",
        none.clone(),
    );
    case(
        "unknown-crit",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "crit": ["exp"], "exp": 1}),
        ),
        "malformed",
        none.clone(),
    );
    case(
        "b64-false",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "b64": false, "crit": ["b64"]}),
        ),
        "malformed",
        none.clone(),
    );
    case(
        "b64-false-without-crit",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "b64": false}),
        ),
        "malformed",
        none.clone(),
    );

    // The header must be a JSON object, and `crit`/`b64` must be absent, even as null.
    let array_header = B64.encode(json!(["EdDSA", "ed-a", "callguard-list+json"]).to_string());
    let sig = ed_a
        .sign(format!("{array_header}.{payload_b64}").as_bytes())
        .unwrap();
    case(
        "header-as-json-array",
        "example-bank",
        format!("{array_header}.{payload_b64}.{}", B64.encode(sig)),
        "malformed",
        none.clone(),
    );
    case(
        "crit-null",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "crit": null}),
        ),
        "malformed",
        none.clone(),
    );
    case(
        "b64-null",
        "example-bank",
        sign_with_header(
            &base,
            &ed_a,
            json!({"alg": "EdDSA", "kid": "ed-a", "typ": "callguard-list+json", "b64": null}),
        ),
        "malformed",
        none.clone(),
    );
    // Bad payload base64 is malformed before any signature is looked at.
    case(
        "payload-not-base64",
        "example-bank",
        format!("{none_header}.not*base64.AAAA"),
        "malformed",
        none.clone(),
    );
    let mut der: Value = serde_json::from_str(&sign(&base, &[&p256])).unwrap();
    let raw = B64.decode(s(&der["signatures"][0]["signature"])).unwrap();
    der["signatures"][0]["signature"] = json!(B64.encode(to_der(&raw)));
    case(
        "es256-der-signature",
        "example-bank",
        der.to_string(),
        "bad_signature",
        none.clone(),
    );

    // The same key twice must not meet a threshold of two.
    case(
        "duplicate-signatures-threshold-2",
        "example-bank-2of2",
        sign(&base, &[&ed_a, &ed_a]),
        "insufficient_signatures",
        none.clone(),
    );
    case(
        "one-of-two-signatures",
        "example-bank-2of2",
        sign(&base, &[&ed_a]),
        "insufficient_signatures",
        none.clone(),
    );

    case(
        "expired",
        "example-bank",
        sign(&base, &[&ed_a]),
        "expired",
        json!({"now": "2027-01-01T00:00:00Z"}),
    );
    case(
        "rollback",
        "example-bank",
        sign(&example_payload(11), &[&ed_a]),
        "rollback",
        json!({"prior": "valid-eddsa-general"}),
    );
    let mut other_content = base.clone();
    other_content["contacts"].as_array_mut().unwrap().pop();
    case(
        "same-version-other-content",
        "example-bank",
        sign(&other_content, &[&ed_a]),
        "conflicting_version",
        json!({"prior": "valid-eddsa-general"}),
    );
    case(
        "same-version-same-content",
        "example-bank",
        sign(&base, &[&p256]),
        "ok",
        json!({"prior": "valid-eddsa-general"}),
    );

    let mut foreign = base.clone();
    foreign["issuer"]["id"] = json!("other-bank");
    case(
        "issuer-of-another-bank",
        "example-bank",
        sign(&foreign, &[&ed_a]),
        "issuer_mismatch",
        none.clone(),
    );
    case(
        "list-of-another-bank-signed-by-it",
        "example-bank",
        sign(&foreign, &[&other_bank]),
        "unknown_key",
        none.clone(),
    );

    case(
        "oversized",
        "example-bank",
        sign(&base, &[&ed_a]),
        "too_large",
        json!({"max_bytes": 1024}),
    );
    let nested = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    case(
        "deeply-nested-jws",
        "example-bank",
        format!("{{\"payload\":{nested}}}"),
        "malformed",
        none.clone(),
    );
    let mut nested_payload = base.clone();
    nested_payload["extra"] = json!("NESTED");
    let nested_text = nested_payload.to_string().replace("\"NESTED\"", &nested);
    // Unknown members are skipped without recursion, so deep nesting there is harmless.
    case(
        "deeply-nested-unknown-field",
        "example-bank",
        sign_general(nested_text.as_bytes(), &[&ed_a]).unwrap(),
        "ok",
        none.clone(),
    );
    case(
        "deeply-nested-payload",
        "example-bank",
        sign_general(nested.as_bytes(), &[&ed_a]).unwrap(),
        "malformed",
        none.clone(),
    );
    let full = sign(&base, &[&ed_a]);
    case(
        "truncated",
        "example-bank",
        full[..full.len() / 2].to_string(),
        "malformed",
        none.clone(),
    );
    case(
        "truncated-compact",
        "example-bank",
        compact[..compact.len() - 10].to_string(),
        "bad_signature",
        none.clone(),
    );
    case(
        "not-json-not-compact",
        "example-bank",
        "hello".into(),
        "malformed",
        none.clone(),
    );

    let mut schema2 = base.clone();
    schema2["schema"] = json!(2);
    schema2["contacts"] = json!("a future shape");
    case(
        "unsupported-schema",
        "example-bank",
        sign(&schema2, &[&ed_a]),
        "unsupported_schema",
        none.clone(),
    );
    let mut wrong_type = base.clone();
    wrong_type["type"] = json!("something.else");
    case(
        "wrong-payload-type",
        "example-bank",
        sign(&wrong_type, &[&ed_a]),
        "wrong_type",
        none.clone(),
    );

    let bad_contacts = [
        (
            "invalid-contact-leading-zero",
            json!({"number": "+07495000000", "direction": "both", "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-too-short",
            json!({"number": "+7495", "direction": "both", "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-two-targets",
            json!({"number": "+74950000009", "prefix": "+7495", "direction": "both", "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-short-code-no-region",
            json!({"short_code": "900", "direction": "both", "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-unknown-channel",
            json!({"number": "+74950000009", "direction": "both", "channels": ["pigeon"], "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-no-english-label",
            json!({"number": "+74950000009", "direction": "both", "label": {"ru": "х"}}),
        ),
        (
            "invalid-contact-channels-on-inbound-only",
            json!({"number": "+74950000009", "direction": "inbound_only", "channels": ["phone"], "label": {"en": "x"}}),
        ),
        (
            "invalid-contact-language-not-bcp47",
            json!({"number": "+74950000009", "direction": "both", "label": {"en": "x", "e1": "y"}}),
        ),
        (
            "invalid-contact-bad-direction",
            json!({"number": "+74950000009", "direction": "sideways", "label": {"en": "x"}}),
        ),
        ("invalid-contact-duplicate", base["contacts"][1].clone()),
    ];
    for (name, contact) in bad_contacts {
        let mut p = base.clone();
        p["contacts"].as_array_mut().unwrap().push(contact);
        case(
            name,
            "example-bank",
            sign(&p, &[&ed_a]),
            "malformed",
            none.clone(),
        );
    }

    // Duplicate member names: two parsers may read one signed document two
    // ways (first wins, last wins), so every duplicate is refused, known
    // member or not. serde_json's `Value` cannot hold duplicates: these are
    // made by editing the JSON text.
    let base_text = base.to_string();
    let duplicate_payloads = [
        (
            "duplicate-label-language",
            insert_after(
                &base_text,
                r#""label":{"en":"Hotline","#,
                r#""en":"Security service","#,
            ),
        ),
        (
            "duplicate-issuer-name-language",
            insert_after(
                &base_text,
                r#""name":{"en":"Example Bank","#,
                r#""en":"Other Bank","#,
            ),
        ),
        (
            "duplicate-unknown-top-level-member",
            insert_after(&base_text, "{", r#""x-note":1,"x-note":2,"#),
        ),
        (
            "duplicate-unknown-contact-member",
            insert_after(&base_text, r#""contacts":[{"#, r#""x-note":1,"x-note":2,"#),
        ),
        (
            "duplicate-version",
            insert_after(&base_text, "{", r#""version":99,"#),
        ),
    ];
    for (name, text) in duplicate_payloads {
        case(
            name,
            "example-bank",
            sign_general(text.as_bytes(), &[&ed_a]).unwrap(),
            "malformed",
            none.clone(),
        );
    }
    case(
        "duplicate-unknown-header-member",
        "example-bank",
        sign_with_header_text(
            &base,
            &ed_a,
            r#"{"alg":"EdDSA","kid":"ed-a","typ":"callguard-list+json","x-note":1,"x-note":2}"#,
        ),
        "malformed",
        none.clone(),
    );
    case(
        "duplicate-kid-in-header",
        "example-bank",
        sign_with_header_text(
            &base,
            &ed_a,
            r#"{"alg":"EdDSA","kid":"other-1","typ":"callguard-list+json","kid":"ed-a"}"#,
        ),
        "malformed",
        none.clone(),
    );
    let signed = serde_json::from_str::<Value>(&sign(&base, &[&ed_a]))
        .unwrap()
        .to_string();
    case(
        "duplicate-unprotected-header-member",
        "example-bank",
        signed.replacen(
            r#"{"protected":"#,
            r#"{"header":{"kid":"ed-a","kid":"other-1"},"protected":"#,
            1,
        ),
        "malformed",
        none.clone(),
    );
    case(
        "duplicate-unknown-jws-member",
        "example-bank",
        insert_after(&signed, "{", r#""x-note":1,"x-note":2,"#),
        "malformed",
        none.clone(),
    );

    // A second bank, so screening is tested with several issuers loaded.
    let other_payload = json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "other-bank", "name": {"en": "Other Bank", "ru": "Другой Банк"},
                   "aliases": ["Other Bank", "Другой Банк"]},
        "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2027-02-28T09:00:00Z",
        "contacts": [
            {"number": "+78120000001", "direction": "outbound", "label": {"en": "Support", "ru": "Поддержка"}}
        ]
    });
    case(
        "other-bank-valid",
        "other-bank",
        sign(&other_payload, &[&other_bank]),
        "ok",
        json!({"version": 1}),
    );

    let manifest = json!({
        "about": "Shared list vectors. Each case: verify `list` against `trust` at `now` (after accepting `prior`, if named, with the same trust); `expect` is \"ok\" or the rejection code. `max_bytes` overrides the 8 MiB default. Generated by core/examples/make_vectors.rs; keys are TEST-ONLY.",
        "cases": cases,
    });
    write_json(&root.join("lists.json"), &manifest);
    println!(
        "wrote {} list cases to {}",
        manifest["cases"].as_array().unwrap().len(),
        root.display()
    );
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// The list from docs/list-format.md, at a given version.
pub fn example_payload(version: u64) -> Value {
    json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"},
                   "aliases": ["Example Bank", "Пример Банк", "ExampleBank Security"]},
        "version": version,
        "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "contacts": [
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline", "ru": "Горячая линия"}},
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"], "label": {"en": "Card department", "ru": "Отдел карт"}},
            {"number": "+74950000002", "direction": "both", "label": {"en": "Security service", "ru": "Служба безопасности"}},
            {"prefix": "+7495111", "direction": "both", "label": {"en": "Branch offices", "ru": "Отделения"}},
            {"short_code": "900", "region": "RU", "direction": "both", "label": {"en": "Short number", "ru": "Короткий номер"}},
            {"number": "+442079460000", "direction": "outbound", "channels": ["phone", "telegram"], "label": {"en": "London office"}}
        ]
    })
}

fn sign_with_header(payload: &Value, key: &SigningKey, header: Value) -> String {
    let protected = B64.encode(header.to_string());
    let payload_b64 = B64.encode(payload.to_string());
    let sig = key
        .sign(format!("{protected}.{payload_b64}").as_bytes())
        .unwrap();
    json!({"payload": payload_b64, "signatures": [{"protected": protected, "signature": B64.encode(sig)}]}).to_string()
}

/// `text` with `insertion` right after the first `anchor`.
fn insert_after(text: &str, anchor: &str, insertion: &str) -> String {
    let at = text.find(anchor).expect("anchor in text") + anchor.len();
    format!("{}{insertion}{}", &text[..at], &text[at..])
}

/// Like `sign_with_header`, with the header's exact JSON text.
fn sign_with_header_text(payload: &Value, key: &SigningKey, header: &str) -> String {
    let protected = B64.encode(header);
    let payload_b64 = B64.encode(payload.to_string());
    let sig = key
        .sign(format!("{protected}.{payload_b64}").as_bytes())
        .unwrap();
    json!({"payload": payload_b64, "signatures": [{"protected": protected, "signature": B64.encode(sig)}]}).to_string()
}

fn key_from_seed(root: &Path, kid: &str, seed: u8) -> SigningKey {
    let pair = ring::signature::Ed25519KeyPair::from_seed_unchecked(&[seed; 32]).unwrap();
    use ring::signature::KeyPair;
    let jwk = Jwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: B64.encode(pair.public_key().as_ref()),
        d: Some(B64.encode([seed; 32])),
        kid: Some(kid.into()),
        alg: Some("EdDSA".into()),
        ..Jwk::default()
    };
    let name = if seed == 99 {
        "intruder".to_string()
    } else {
        kid.to_string()
    };
    write_json(
        &root.join(format!("keys/{name}.jwk")),
        &serde_json::to_value(&jwk).unwrap(),
    );
    SigningKey::from_jwk(&jwk).unwrap()
}

fn load_or_generate_p256(root: &Path, kid: &str) -> SigningKey {
    let path = root.join(format!("keys/{kid}.jwk"));
    if let Ok(bytes) = fs::read(&path) {
        return SigningKey::from_jwk(&serde_json::from_slice(&bytes).unwrap()).unwrap();
    }
    let (key, private) = SigningKey::generate(Alg::Es256, kid).unwrap();
    write_json(&path, &serde_json::to_value(&private).unwrap());
    key
}

fn write_json(path: &Path, value: &Value) {
    fs::write(path, serde_json::to_string_pretty(value).unwrap() + "\n").unwrap();
}

/// r‖s as an ASN.1 DER SEQUENCE of two INTEGERs: what a careless HSM emits.
fn to_der(raw: &[u8]) -> Vec<u8> {
    let int = |bytes: &[u8]| {
        let mut b: Vec<u8> = bytes.iter().copied().skip_while(|x| *x == 0).collect();
        if b.first().is_some_and(|x| x & 0x80 != 0) {
            b.insert(0, 0);
        }
        let mut out = vec![0x02, b.len() as u8];
        out.extend(b);
        out
    };
    let mut body = int(&raw[..32]);
    body.extend(int(&raw[32..]));
    let mut out = vec![0x30, body.len() as u8];
    out.extend(body);
    out
}
