//! Trust-file attacks, one per threat: keys a careful Ed25519 verifier
//! refuses, the same point under two encodings, and duplicate members in
//! the trust file and its JWKs. A trust file is pinned in the app, so these
//! are refused when it is loaded (`TrustError`, `InvalidTrust` in the
//! bindings), before any list is looked at.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use callguard_core::jwk::{Alg, Jwk, SigningKey};
use callguard_core::Trust;

/// p = 2^255 - 19, little-endian.
fn p() -> [u8; 32] {
    let mut p = [0xff; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn ed25519_key(x: &[u8; 32], kid: &str) -> String {
    format!(
        r#"{{"kty":"OKP","crv":"Ed25519","x":"{}","kid":"{kid}","alg":"EdDSA"}}"#,
        B64.encode(x)
    )
}

fn trust_file(threshold: usize, keys: &[String]) -> String {
    format!(
        r#"{{"issuer":"example-bank","threshold":{threshold},"keys":[{}]}}"#,
        keys.join(",")
    )
}

fn load(json: &str) -> Result<Trust, String> {
    Trust::from_json(json.as_bytes()).map_err(|e| e.to_string())
}

fn real_key(kid: &str) -> String {
    let jwk = SigningKey::generate(Alg::EdDsa, kid)
        .unwrap()
        .0
        .public_jwk();
    serde_json::to_string(&jwk).unwrap()
}

#[test]
fn small_order_key_is_refused() {
    // The identity (y = 1): every signature "verifies" under it with some
    // verification formulas.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    // An order-8 point, from libsodium's list.
    let order8: [u8; 32] = hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")
        .try_into()
        .unwrap();
    for x in [identity, order8] {
        let err = load(&trust_file(1, &[ed25519_key(&x, "a")])).unwrap_err();
        assert!(
            err.contains("keys[0]") && err.contains("small-order"),
            "{err}"
        );
    }
}

#[test]
fn non_canonical_key_is_refused() {
    // y = 2^255 - 1 ≥ p.
    let err = load(&trust_file(1, &[ed25519_key(&[0xff; 32], "a")])).unwrap_err();
    assert!(err.contains("non-canonical"), "{err}");
    // y = p itself, the non-canonical zero (small order too).
    assert!(load(&trust_file(1, &[ed25519_key(&p(), "a")])).is_err());
}

#[test]
fn non_canonical_twin_cannot_count_twice_toward_the_threshold() {
    // y = 3 is a curve point (not of small order); y = p + 3 encodes the
    // same point. Were both accepted, one signer would meet threshold 2.
    let mut point = [0u8; 32];
    point[0] = 3;
    let mut twin = p();
    twin[0] += 3;
    assert!(load(&trust_file(1, &[ed25519_key(&point, "a")])).is_ok());
    let err = load(&trust_file(
        2,
        &[ed25519_key(&point, "a"), ed25519_key(&twin, "b")],
    ))
    .unwrap_err();
    assert!(
        err.contains("keys[1]") && err.contains("non-canonical"),
        "{err}"
    );
    // The same canonical bytes under two kids are refused as before.
    let err = load(&trust_file(
        2,
        &[ed25519_key(&point, "a"), ed25519_key(&point, "b")],
    ))
    .unwrap_err();
    assert!(err.contains("the same key appears twice"), "{err}");
}

#[test]
fn duplicate_member_in_trust_file_is_refused() {
    let key = real_key("a");
    // Unknown members: serde would have ignored both.
    let json = format!(
        r#"{{"issuer":"example-bank","x-note":1,"x-note":2,"threshold":1,"keys":[{key}]}}"#
    );
    let err = load(&json).unwrap_err();
    assert!(err.contains(r#"duplicate member "x-note""#), "{err}");
    // A second "issuer": which bank does this file trust?
    let json = format!(
        r#"{{"issuer":"example-bank","issuer":"other-bank","threshold":1,"keys":[{key}]}}"#
    );
    assert!(load(&json).is_err());
    // The good file loads.
    assert!(load(&trust_file(1, &[key])).is_ok());
}

#[test]
fn duplicate_member_in_a_jwk_is_refused() {
    let key = real_key("a");
    let with_dup = key.replacen('{', r#"{"ext":true,"ext":false,"#, 1);
    let err = load(&trust_file(1, std::slice::from_ref(&with_dup))).unwrap_err();
    assert!(err.contains(r#"keys[0]: duplicate member "ext""#), "{err}");
    // A second "x": which key is trusted?
    let other: Jwk = serde_json::from_str(&real_key("b")).unwrap();
    let two_x = key.replacen('{', &format!(r#"{{"x":"{}","#, other.x), 1);
    assert!(load(&trust_file(1, &[two_x])).is_err());
    // Read on its own, as `callguard trust` does.
    let err = Jwk::from_json(with_dup.as_bytes()).unwrap_err();
    assert!(err.contains(r#"duplicate member "ext""#), "{err}");
    assert!(Jwk::from_json(key.as_bytes()).is_ok());
}
