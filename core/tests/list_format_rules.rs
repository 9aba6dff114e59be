//! The rules docs/list-format.md spells out for publishers in other
//! languages: type errors that name the field, the `version` range, the
//! timestamp profile, BCP 47 keys, `channels` on inbound-only contacts,
//! the `Ed25519` algorithm name, and the code each malformed JWS gets.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use callguard_core::accept::{accept_list, verify_signed_list};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general;
use callguard_core::{ContactList, Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use serde_json::{json, Value};

fn payload() -> Value {
    json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "bank", "name": {"en": "Bank", "ru": "Банк"}},
        "version": 1, "issued_at": "2026-01-01T00:00:00Z", "expires_at": "2027-01-01T00:00:00Z",
        "contacts": [
            {"number": "+74950000001", "direction": "outbound", "label": {"en": "Desk"}},
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline"}}
        ]
    })
}

/// The error text for `payload` after `edit`; panics if it was accepted.
fn refusal(edit: impl FnOnce(&mut Value)) -> String {
    let mut p = payload();
    edit(&mut p);
    let err = ContactList::parse(p.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.code(), "malformed", "{err}");
    err.to_string()
}

fn accepted(edit: impl FnOnce(&mut Value)) -> ContactList {
    let mut p = payload();
    edit(&mut p);
    ContactList::parse(p.to_string().as_bytes()).unwrap()
}

/// A change to the test payload.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn type_errors_name_the_field_and_the_expected_type_never_the_value() {
    let cases: [(&str, Edit); 8] = [
        (
            "version: expected a whole number from 0, found a number with a fraction",
            Box::new(|p| p["version"] = json!(1.0)),
        ),
        (
            "version: expected a whole number from 0, found a string",
            Box::new(|p| p["version"] = json!("1")),
        ),
        (
            "version: expected a whole number from 0, found a negative number",
            Box::new(|p| p["version"] = json!(-1)),
        ),
        (
            "\"issued_at\" is missing",
            Box::new(|p| {
                p.as_object_mut().unwrap().remove("issued_at");
            }),
        ),
        (
            "contacts[1].number: expected a string, found a whole number",
            Box::new(|p| p["contacts"][1]["number"] = json!(78005553535u64)),
        ),
        (
            "issuer.name: expected an object whose values are strings, found an array",
            Box::new(|p| p["issuer"]["name"] = json!(["Bank"])),
        ),
        (
            "contacts[0].label: expected an object whose values are strings, found true or false as a value",
            Box::new(|p| p["contacts"][0]["label"]["ru"] = json!(true)),
        ),
        (
            "issuer.aliases[0]: expected a string, found null",
            Box::new(|p| p["issuer"]["aliases"] = json!([null])),
        ),
    ];
    for (want, edit) in cases {
        let err = refusal(edit);
        assert!(err.contains(want), "{err}\n  wanted: {want}");
        assert!(
            !err.contains("78005553535") && !err.contains("Bank"),
            "{err}"
        );
    }
}

#[test]
fn trust_file_type_errors_name_the_field() {
    let key = SigningKey::generate(Alg::EdDsa, "k")
        .unwrap()
        .0
        .public_jwk();
    let mut trust = Trust::to_json("bank", 1, &[key]);
    trust.as_object_mut().unwrap().remove("issuer");
    let err = Trust::from_json(trust.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid trust file: not a trust file: \"issuer\" is missing"
    );
    trust["issuer"] = json!("bank");
    trust["keys"][0]["x"] = json!(12);
    let err = Trust::from_json(trust.to_string().as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .contains("keys[0].x: expected a string, found a whole number"),
        "{err}"
    );
    // Broken JSON still says where, not what.
    let err = Trust::from_json(b"{\"issuer\": ").unwrap_err();
    assert!(
        err.to_string().contains("truncated JSON at line 1"),
        "{err}"
    );
}

#[test]
fn version_stays_within_what_javascript_writes_exactly() {
    let max = (1u64 << 53) - 1;
    assert_eq!(accepted(|p| p["version"] = json!(max)).version, max);
    for too_big in [max + 1, u64::MAX] {
        let err = refusal(|p| p["version"] = json!(too_big));
        assert!(
            err.contains("version: must be at most 9007199254740991"),
            "{err}"
        );
    }
}

#[test]
fn timestamps_follow_the_strict_profile() {
    for (field, bad) in [
        ("issued_at", "2026-01-01t00:00:00Z"),
        ("issued_at", "2026-01-01T00:00:00z"),
        ("expires_at", "2027-01-01 00:00:00Z"),
        ("expires_at", "2026-12-31T23:59:60Z"),
        ("issued_at", "2026-01-01T00:00:00"),
    ] {
        let err = refusal(|p| p[field] = json!(bad));
        assert!(
            err.contains(&format!("{field}: expected an RFC 3339 timestamp")),
            "{bad}: {err}"
        );
    }
    let list = accepted(|p| {
        p["issued_at"] = json!("2026-01-01T03:00:00.123456789+03:00");
        p["expires_at"] = json!("2026-12-31T23:59:59.5Z");
    });
    assert_eq!(list.issued_at, Timestamp(1_767_225_600));
    assert_eq!(list.expires_at, Timestamp(1_798_761_599));
}

#[test]
fn language_keys_are_bcp47_and_case_insensitive() {
    let list = accepted(|p| {
        p["issuer"]["name"] = json!({"EN": "Bank", "zh-Hant-TW": "銀行", "pt-BR": "Banco"});
    });
    assert_eq!(list.issuer.name.get("en"), "Bank");
    assert_eq!(list.issuer.name.get("zh-hant-tw"), "銀行");
    assert_eq!(list.issuer.name.get("pt-br"), "Banco");
    assert_eq!(list.issuer.name.get("ru"), "Bank", "falls back to English");
    for bad in ["e1", "en_US", "i-klingon", "en--US"] {
        let err = refusal(|p| p["contacts"][0]["label"][bad] = json!("Desk"));
        assert!(
            err.contains("contacts[0]: label: language keys must be well-formed BCP 47 tags"),
            "{bad}: {err}"
        );
    }
    let err = refusal(|p| p["issuer"]["name"]["EN"] = json!("Bank 2"));
    assert!(
        err.contains("issuer.name: duplicate language \"en\""),
        "{err}"
    );
    let err = refusal(|p| p["contacts"][1]["label"] = json!({"ru": "Линия"}));
    assert!(
        err.contains("contacts[1]: label: an \"en\" text is required"),
        "{err}"
    );
}

#[test]
fn channels_on_an_inbound_only_contact_are_refused() {
    let err = refusal(|p| p["contacts"][1]["channels"] = json!(["phone"]));
    assert!(
        err.contains(
            "contacts[1]: \"channels\" is not allowed with \"direction\": \"inbound_only\""
        ),
        "{err}"
    );
    accepted(|p| p["contacts"][0]["channels"] = json!(["phone", "sms"]));
}

// ---- signatures ---------------------------------------------------------

fn trust_for(keys: &[&SigningKey]) -> Trust {
    let jwks: Vec<_> = keys.iter().map(|k| k.public_jwk()).collect();
    Trust::from_json(Trust::to_json("bank", 1, &jwks).to_string().as_bytes()).unwrap()
}

/// A flattened JWS over the test payload with `header` as the protected header.
fn signed(key: &SigningKey, header: Value) -> (String, String, String) {
    let payload = URL_SAFE_NO_PAD.encode(payload().to_string());
    let protected = URL_SAFE_NO_PAD.encode(header.to_string());
    let sig = key
        .sign(format!("{protected}.{payload}").as_bytes())
        .unwrap();
    (protected, payload, URL_SAFE_NO_PAD.encode(sig))
}

fn verify(jws: &str, trust: &Trust) -> Result<(), &'static str> {
    verify_signed_list(jws.as_bytes(), trust, DEFAULT_MAX_LIST_BYTES)
        .map(|_| ())
        .map_err(|e| e.code())
}

fn flattened((protected, payload, signature): &(String, String, String)) -> String {
    json!({"payload": payload, "protected": protected, "signature": signature}).to_string()
}

#[test]
fn the_fully_specified_ed25519_name_is_accepted_for_ed25519_keys_only() {
    let (ed, _) = SigningKey::generate(Alg::EdDsa, "ed").unwrap();
    let (p256, _) = SigningKey::generate(Alg::Es256, "p").unwrap();
    let trust = trust_for(&[&ed, &p256]);
    let typ = "callguard-list+json";
    let ok = signed(&ed, json!({"alg": "Ed25519", "kid": "ed", "typ": typ}));
    assert_eq!(verify(&flattened(&ok), &trust), Ok(()));
    // `Ed25519` over an EC key: an algorithm that does not fit the key.
    let confused = signed(&p256, json!({"alg": "Ed25519", "kid": "p", "typ": typ}));
    assert_eq!(verify(&flattened(&confused), &trust), Err("bad_signature"));
    // In a trust file's `alg` member: fine for OKP, refused for EC.
    let mut jwk = serde_json::to_value(ed.public_jwk()).unwrap();
    jwk["alg"] = json!("Ed25519");
    let file = json!({"issuer": "bank", "keys": [jwk]}).to_string();
    assert!(Trust::from_json(file.as_bytes()).is_ok());
    let mut jwk = serde_json::to_value(p256.public_jwk()).unwrap();
    jwk["alg"] = json!("Ed25519");
    let file = json!({"issuer": "bank", "keys": [jwk]}).to_string();
    let err = Trust::from_json(file.as_bytes()).unwrap_err();
    assert!(err
        .to_string()
        .contains("keys[0]: \"alg\" does not fit the key type"));
}

/// Each row of the cause → code table in docs/list-format.md §5 that is
/// about the JWS, checked against the verifier.
#[test]
fn each_jws_cause_gets_the_documented_code() {
    let (ed, _) = SigningKey::generate(Alg::EdDsa, "ed").unwrap();
    let (p256, _) = SigningKey::generate(Alg::Es256, "p").unwrap();
    let trust = trust_for(&[&ed, &p256]);
    let typ = "callguard-list+json";
    // A header (padded with an ignored member) whose base64url needs padding.
    let good = (0..3)
        .map(|n| {
            signed(
                &ed,
                json!({"alg": "EdDSA", "kid": "ed", "typ": typ, "n": "n".repeat(n)}),
            )
        })
        .find(|(protected, _, _)| protected.len() % 4 != 0)
        .unwrap();
    assert_eq!(verify(&flattened(&good), &trust), Ok(()));
    let padded = |s: &str| format!("{s}{}", "=".repeat((4 - s.len() % 4) % 4));
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "missing kid",
            flattened(&signed(&ed, json!({"alg": "EdDSA", "typ": typ}))),
            "malformed",
        ),
        (
            "missing alg",
            flattened(&signed(&ed, json!({"kid": "ed", "typ": typ}))),
            "unsupported_alg",
        ),
        (
            "alg none",
            flattened(&signed(
                &ed,
                json!({"alg": "none", "kid": "ed", "typ": typ}),
            )),
            "unsupported_alg",
        ),
        (
            "ES256 under an Ed25519 key",
            flattened(&signed(
                &ed,
                json!({"alg": "ES256", "kid": "ed", "typ": typ}),
            )),
            "bad_signature",
        ),
        (
            "EdDSA under a P-256 key",
            flattened(&signed(
                &p256,
                json!({"alg": "EdDSA", "kid": "p", "typ": typ}),
            )),
            "bad_signature",
        ),
        (
            "padded signature",
            flattened(&(good.0.clone(), good.1.clone(), padded(&good.2))),
            "bad_signature",
        ),
        (
            "padded payload",
            flattened(&(good.0.clone(), padded(&good.1), good.2.clone())),
            "malformed",
        ),
        (
            "padded protected header",
            flattened(&(padded(&good.0), good.1.clone(), good.2.clone())),
            "malformed",
        ),
        (
            "byte order mark before the JSON",
            format!("\u{feff}{}", flattened(&good)),
            "malformed",
        ),
        (
            "byte order mark before a compact JWS",
            format!("\u{feff}{}.{}.{}", good.0, good.1, good.2),
            "malformed",
        ),
        (
            "alg of the wrong JSON type",
            flattened(&signed(&ed, json!({"alg": 5, "kid": "ed", "typ": typ}))),
            "malformed",
        ),
        (
            "alg Ed448",
            flattened(&signed(
                &ed,
                json!({"alg": "Ed448", "kid": "ed", "typ": typ}),
            )),
            "unsupported_alg",
        ),
        (
            "crit null",
            flattened(&signed(
                &ed,
                json!({"alg": "EdDSA", "kid": "ed", "typ": typ, "crit": null}),
            )),
            "malformed",
        ),
        (
            "missing typ",
            flattened(&signed(&ed, json!({"alg": "EdDSA", "kid": "ed"}))),
            "wrong_type",
        ),
        (
            "unknown kid",
            flattened(&signed(
                &ed,
                json!({"alg": "EdDSA", "kid": "zz", "typ": typ}),
            )),
            "unknown_key",
        ),
    ];
    // The padding cases are only meaningful if there was padding to add.
    assert!(good.1.len() % 4 != 0 && good.2.len() % 4 != 0);
    for (cause, jws, code) in cases {
        assert_eq!(verify(&jws, &trust), Err(code), "{cause}");
    }
}

#[test]
fn payload_causes_get_the_documented_code() {
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(payload().to_string().as_bytes());
    assert_eq!(ContactList::parse(&bom).unwrap_err().code(), "malformed");
    // Not an object: malformed, even when an array's first item looks like our type.
    let array = br#"["callguard.contact-list", 2]"#;
    let err = ContactList::parse(array).unwrap_err();
    assert_eq!(err.code(), "malformed");
    assert!(
        err.to_string()
            .contains("payload: expected an object, found an array"),
        "{err}"
    );
    let mut p = payload();
    p.as_object_mut().unwrap().remove("type");
    let err = ContactList::parse(p.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.code(), "wrong_type");
    assert!(refusal(|p| p["type"] = json!(1)).contains("type: expected a string"));
    assert!(refusal(|p| p["schema"] = json!(0)).contains("\"schema\" must be 1 or more"));
}

#[test]
fn issued_at_in_the_future_of_the_phone_clock_is_accepted() {
    // A phone whose clock lags must not refuse its bank's fresh list (and
    // keep an older one in force); see list-format.md, "Timestamps".
    let (ed, _) = SigningKey::generate(Alg::EdDsa, "ed").unwrap();
    let trust = trust_for(&[&ed]);
    let jws = sign_general(payload().to_string().as_bytes(), &[&ed]).unwrap();
    let a_year_early = Timestamp::parse_rfc3339("2025-01-01T00:00:00Z").unwrap();
    let list = accept_list(
        jws.as_bytes(),
        &trust,
        DEFAULT_MAX_LIST_BYTES,
        a_year_early,
        None,
    )
    .unwrap();
    assert!(list.list().issued_at > a_year_early);
}
