//! The call-intent rules issue 23 settled, one test each, as
//! docs/call-intents.md §3 "Settled" states them: a re-signed retry is the
//! same intent, a resend never counts toward the cap, an algorithm that
//! does not fit the key is `bad_signature` (as for lists), a signature
//! that is not unpadded base64url is `bad_signature`, a number inside a
//! listed outbound range may announce, and the skew reaches past `exp`.

use callguard_core::intent::{
    accept_intent, IntentBook, IntentDraft, IntentError, Received, CLOCK_SKEW_SECS,
    MAX_LIVE_PER_ISSUER,
};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::{Channel, ContactList, Timestamp};
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01T00:00:00Z
const AUDIENCE: &str = "aud-7f3a9c";

fn list(keys: &[&SigningKey]) -> Vec<Arc<ContactList>> {
    let intent_keys: Vec<serde_json::Value> = keys
        .iter()
        .map(|k| {
            let mut jwk = serde_json::to_value(k.public_jwk()).unwrap();
            jwk["expires_at"] = "2027-06-01T00:00:00Z".into();
            jwk
        })
        .collect();
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}},
        "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "intent_keys": intent_keys,
        "contacts": [
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone"], "label": {"en": "Card department"}},
            {"prefix": "+7495111", "direction": "both", "channels": ["phone"], "label": {"en": "Branches"}}
        ]
    });
    vec![Arc::new(
        ContactList::parse(payload.to_string().as_bytes()).unwrap(),
    )]
}

fn draft(id: &str, from: &str) -> IntentDraft<'static> {
    IntentDraft {
        issuer: "example-bank",
        id: Box::leak(id.to_string().into_boxed_str()),
        audience: AUDIENCE,
        from: Box::leak(from.to_string().into_boxed_str()),
        channel: Channel::Phone,
        agent: &[("en", "Anna")],
        department: &[("en", "card department")],
        purpose: &[("en", "your credit card application")],
        issued_at: NOW,
        not_before: NOW,
        expires_at: Timestamp(NOW.0 + 600),
    }
}

#[test]
fn an_es256_retry_of_the_same_claims_is_the_same_intent() {
    let key = SigningKey::generate(Alg::Es256, "intents-es").unwrap().0;
    let lists = list(&[&key]);
    let (first, retry) = (
        draft("c-1", "+74950000001").sign(&key).unwrap(),
        draft("c-1", "+74950000001").sign(&key).unwrap(),
    );
    assert_ne!(first, retry, "ES256 signatures are randomized");
    let mut book = IntentBook::new();
    let accept = |jws: &str| accept_intent(jws.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
    assert_eq!(book.add(accept(&first), NOW), Ok(Received::New));
    assert_eq!(book.add(accept(&retry), NOW), Ok(Received::Duplicate));
    // Claims in another order, other white space: the same claims.
    let reordered = {
        let claims = draft("c-1", "+74950000001").claims();
        let mut pairs: Vec<(String, serde_json::Value)> =
            claims.as_object().unwrap().clone().into_iter().collect();
        pairs.reverse();
        let text = format!(
            "{{ {} }}",
            pairs
                .iter()
                .map(|(k, v)| format!("{:?} : {}", k, v))
                .collect::<Vec<_>>()
                .join(" ,\n")
        );
        callguard_core::intent::sign_claims(text.as_bytes(), &key).unwrap()
    };
    assert_eq!(book.add(accept(&reordered), NOW), Ok(Received::Duplicate));
    // The same id saying something else is a replay.
    let other = IntentDraft {
        purpose: &[("en", "a prize you won")],
        ..draft("c-1", "+74950000001")
    }
    .sign(&key)
    .unwrap();
    assert_eq!(book.add(accept(&other), NOW), Err(IntentError::Replayed));
}

#[test]
fn a_resend_never_counts_toward_the_cap() {
    let key = SigningKey::generate(Alg::EdDsa, "intents").unwrap().0;
    let lists = list(&[&key]);
    let mut book = IntentBook::new();
    let jws: Vec<String> = (0..MAX_LIVE_PER_ISSUER)
        .map(|i| draft(&format!("c-{i}"), "+74950000001").sign(&key).unwrap())
        .collect();
    for j in &jws {
        let intent = accept_intent(j.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
        assert_eq!(book.add(intent, NOW), Ok(Received::New));
    }
    // Full: each of the 64 again is a duplicate, a 65th is too many.
    for j in &jws {
        let intent = accept_intent(j.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
        assert_eq!(book.add(intent, NOW), Ok(Received::Duplicate));
    }
    let extra = draft("c-extra", "+74950000001").sign(&key).unwrap();
    let intent = accept_intent(extra.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
    assert_eq!(book.add(intent, NOW), Err(IntentError::TooMany));
}

#[test]
fn an_algorithm_that_does_not_fit_the_key_is_a_bad_signature() {
    let ed = SigningKey::generate(Alg::EdDsa, "k").unwrap().0;
    let lists = list(&[&ed]);
    // An ES256 key under the same kid signs; the header says ES256.
    let es = SigningKey::generate(Alg::Es256, "k").unwrap().0;
    let jws = draft("c-1", "+74950000001").sign(&es).unwrap();
    assert_eq!(
        accept_intent(jws.as_bytes(), &lists, AUDIENCE, NOW).unwrap_err(),
        IntentError::BadSignature
    );
}

#[test]
fn a_signature_that_is_not_unpadded_base64url_is_a_bad_signature() {
    let key = SigningKey::generate(Alg::EdDsa, "k").unwrap().0;
    let lists = list(&[&key]);
    let jws = draft("c-1", "+74950000001").sign(&key).unwrap();
    for bad in [
        format!("{jws}="),
        format!("{jws}=="),
        format!("{jws}AA"),
        format!("{jws}!"),
    ] {
        assert_eq!(
            accept_intent(bad.as_bytes(), &lists, AUDIENCE, NOW).unwrap_err(),
            IntentError::BadSignature,
            "{}",
            &bad[bad.len() - 4..]
        );
    }
}

#[test]
fn a_number_inside_a_listed_outbound_range_may_announce() {
    let key = SigningKey::generate(Alg::EdDsa, "k").unwrap().0;
    let lists = list(&[&key]);
    let jws = draft("c-1", "+74951110042").sign(&key).unwrap();
    assert!(accept_intent(jws.as_bytes(), &lists, AUDIENCE, NOW).is_ok());
}

#[test]
fn the_clock_skew_reaches_past_exp_for_accepting_and_for_matching() {
    let key = SigningKey::generate(Alg::EdDsa, "k").unwrap().0;
    let lists = list(&[&key]);
    let jws = draft("c-1", "+74950000001").sign(&key).unwrap();
    let exp = NOW.0 + 600;
    let at = |t: i64| accept_intent(jws.as_bytes(), &lists, AUDIENCE, Timestamp(t));
    let intent = at(exp + CLOCK_SKEW_SECS).unwrap();
    assert_eq!(
        at(exp + CLOCK_SKEW_SECS + 1).unwrap_err(),
        IntentError::Expired
    );
    let mut book = IntentBook::new();
    book.add(intent, NOW).unwrap();
    let matching = |t: i64| {
        book.matching(
            "example-bank",
            74_950_000_001,
            Channel::Phone,
            &lists,
            Timestamp(t),
        )
        .is_some()
    };
    assert!(
        matching(exp + CLOCK_SKEW_SECS),
        "a call 2 minutes after exp is still expected"
    );
    assert!(!matching(exp + CLOCK_SKEW_SECS + 1));
}

/// A retry signed by another delegated key is the same intent, and the
/// copy kept is the newer one: when a new list revokes the first key, the
/// call is still announced by the retry.
#[test]
fn a_retry_under_another_key_replaces_the_held_copy() {
    let (k1, k2) = (
        SigningKey::generate(Alg::EdDsa, "k1").unwrap().0,
        SigningKey::generate(Alg::EdDsa, "k2").unwrap().0,
    );
    let both = list(&[&k1, &k2]);
    let mut book = IntentBook::new();
    let first = draft("c-1", "+74950000001").sign(&k1).unwrap();
    let retry = draft("c-1", "+74950000001").sign(&k2).unwrap();
    let accept = |j: &str| accept_intent(j.as_bytes(), &both, AUDIENCE, NOW).unwrap();
    book.add(accept(&first), NOW).unwrap();
    assert_eq!(book.add(accept(&retry), NOW), Ok(Received::Duplicate));
    let only_k2 = list(&[&k2]);
    assert!(
        book.matching(
            "example-bank",
            74_950_000_001,
            Channel::Phone,
            &only_k2,
            NOW
        )
        .is_some(),
        "the copy signed by the key still delegated is the one held"
    );
}
