//! Call intents against the fraudster: each attack from the spec a named
//! test, and the two verdicts they exist for (`expected`, `unannounced`).

use callguard_core::intent::{
    accept_intent, sign_claims, IntentBook, IntentDraft, IntentError, Received, CLOCK_SKEW_SECS,
    MAX_LIVE_PER_ISSUER,
};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::normalize::Region;
use callguard_core::screen::{
    screen_announced, Attestation, Call, CallDirection, Context, Lang, Reason, Risk, Verdict,
};
use callguard_core::{Channel, ContactList, Timestamp};
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01T00:00:00Z
const AUDIENCE: &str = "aud-7f3a9c";

struct Bank {
    intent_key: SigningKey,
    list_key: SigningKey,
}

fn bank() -> Bank {
    Bank {
        intent_key: SigningKey::generate(Alg::EdDsa, "intents-2026").unwrap().0,
        list_key: SigningKey::generate(Alg::EdDsa, "bank-2026").unwrap().0,
    }
}

fn list_with(
    bank: &Bank,
    version: u64,
    keys: &[(&SigningKey, &str)],
    announces: bool,
) -> Arc<ContactList> {
    let intent_keys: Vec<serde_json::Value> = keys
        .iter()
        .map(|(k, expires)| {
            let mut jwk = serde_json::to_value(k.public_jwk()).unwrap();
            jwk["expires_at"] = (*expires).into();
            jwk
        })
        .collect();
    let _ = &bank.list_key;
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": "Пример Банк"}, "aliases": ["Example Bank"]},
        "version": version, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "intent_keys": intent_keys, "announces_calls": announces,
        "contacts": [
            {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline"}},
            {"number": "+74950000001", "direction": "outbound", "channels": ["phone", "whatsapp"], "label": {"en": "Card department"}}
        ]
    });
    Arc::new(ContactList::parse(payload.to_string().as_bytes()).unwrap())
}

fn lists(bank: &Bank) -> Vec<Arc<ContactList>> {
    vec![list_with(
        bank,
        1,
        &[(&bank.intent_key, "2027-06-01T00:00:00Z")],
        true,
    )]
}

fn draft<'a>(from: &'a str, channel: Channel) -> IntentDraft<'a> {
    IntentDraft {
        issuer: "example-bank",
        id: "call-0001",
        audience: AUDIENCE,
        from,
        channel,
        agent: &[("en", "Anna"), ("ru", "Анна")],
        department: &[("en", "card department"), ("ru", "отдел карт")],
        purpose: &[
            ("en", "your credit card application"),
            ("ru", "ваша заявка на кредитную карту"),
        ],
        issued_at: NOW,
        not_before: NOW,
        expires_at: Timestamp(NOW.0 + 600),
    }
}

fn intent(bank: &Bank) -> String {
    draft("+74950000001", Channel::Phone)
        .sign(&bank.intent_key)
        .unwrap()
}

fn refused(jws: &str, lists: &[Arc<ContactList>], now: Timestamp) -> IntentError {
    accept_intent(jws.as_bytes(), lists, AUDIENCE, now).unwrap_err()
}

fn call(number: &str, channel: Channel, attestation: Attestation) -> Call<'_> {
    Call {
        number,
        channel,
        display_name: None,
        attestation,
        direction: CallDirection::Incoming,
        saved_contact: false,
    }
}

fn ctx(now: Timestamp) -> Context {
    Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now,
    }
}

#[test]
fn an_announced_call_is_expected_with_agent_and_purpose() {
    let bank = bank();
    let lists = lists(&bank);
    let accepted = accept_intent(intent(&bank).as_bytes(), &lists, AUDIENCE, NOW).unwrap();
    let mut book = IntentBook::new();
    assert_eq!(book.add(accepted, NOW), Ok(Received::New));
    let s = screen_announced(
        &lists,
        &book,
        &call("+7 495 000-00-01", Channel::Phone, Attestation::NotVerified),
        &ctx(Timestamp(NOW.0 + 60)),
    );
    assert_eq!(
        (s.verdict, s.risk, s.reason),
        (Verdict::Expected, Risk::Safe, Reason::Announced)
    );
    assert_eq!(s.title, "Example Bank is calling you now");
    assert!(s.message.contains("Anna") && s.message.contains("credit card application"));
    assert!(
        s.message.contains("never asks"),
        "still: the bank never asks for codes"
    );
    assert_eq!(s.intent_id.as_deref(), Some("call-0001"));
}

#[test]
fn the_same_number_unannounced_is_a_caution() {
    let bank = bank();
    let lists = lists(&bank);
    let s = screen_announced(
        &lists,
        &IntentBook::new(),
        &call("+7 495 000-00-01", Channel::Phone, Attestation::NotVerified),
        &ctx(NOW),
    );
    assert_eq!(
        (s.verdict, s.risk, s.reason),
        (Verdict::Official, Risk::Caution, Reason::Unannounced)
    );
    assert!(s.message.contains("not announced"));
    // Without `announces_calls`, today's verdict stays.
    let quiet = vec![list_with(
        &bank,
        1,
        &[(&bank.intent_key, "2027-06-01T00:00:00Z")],
        false,
    )];
    let s = screen_announced(
        &quiet,
        &IntentBook::new(),
        &call("+7 495 000-00-01", Channel::Phone, Attestation::NotVerified),
        &ctx(NOW),
    );
    assert_eq!(s.reason, Reason::ListedOutbound);
}

#[test]
fn an_intent_never_vouches_for_another_channel_number_or_failed_attestation() {
    let bank = bank();
    let lists = lists(&bank);
    let mut book = IntentBook::new();
    book.add(
        accept_intent(intent(&bank).as_bytes(), &lists, AUDIENCE, NOW).unwrap(),
        NOW,
    )
    .unwrap();
    let at = ctx(NOW);
    // The intent says "phone": a WhatsApp call from the same number is not announced.
    let wa = screen_announced(
        &lists,
        &book,
        &call("+74950000001", Channel::Whatsapp, Attestation::NotVerified),
        &at,
    );
    assert_eq!(wa.reason, Reason::Unannounced);
    // A failed network attestation is a fake, whatever was announced.
    let forged = screen_announced(
        &lists,
        &book,
        &call("+74950000001", Channel::Phone, Attestation::Failed),
        &at,
    );
    assert_eq!(forged.verdict, Verdict::Spoofed);
    // The hotline stays spoofed.
    let hotline = screen_announced(
        &lists,
        &book,
        &call("+78005553535", Channel::Phone, Attestation::NotVerified),
        &at,
    );
    assert_eq!(hotline.verdict, Verdict::Spoofed);
}

#[test]
fn expired_and_not_yet_valid_with_the_clock_skew_edges() {
    let bank = bank();
    let lists = lists(&bank);
    let jws = intent(&bank);
    let exp = NOW.0 + 600;
    assert!(accept_intent(
        jws.as_bytes(),
        &lists,
        AUDIENCE,
        Timestamp(exp + CLOCK_SKEW_SECS)
    )
    .is_ok());
    assert_eq!(
        refused(&jws, &lists, Timestamp(exp + CLOCK_SKEW_SECS + 1)),
        IntentError::Expired
    );
    assert!(accept_intent(
        jws.as_bytes(),
        &lists,
        AUDIENCE,
        Timestamp(NOW.0 - CLOCK_SKEW_SECS)
    )
    .is_ok());
    assert_eq!(
        refused(&jws, &lists, Timestamp(NOW.0 - CLOCK_SKEW_SECS - 1)),
        IntentError::NotYetValid
    );
    // In the book, the same edges decide whether a call is expected.
    let mut book = IntentBook::new();
    book.add(
        accept_intent(jws.as_bytes(), &lists, AUDIENCE, NOW).unwrap(),
        NOW,
    )
    .unwrap();
    let at = |t| {
        screen_announced(
            &lists,
            &book,
            &call("+74950000001", Channel::Phone, Attestation::NotVerified),
            &ctx(Timestamp(t)),
        )
        .reason
    };
    assert_eq!(at(exp + CLOCK_SKEW_SECS), Reason::Announced);
    assert_eq!(at(exp + CLOCK_SKEW_SECS + 1), Reason::Unannounced);
}

#[test]
fn wrong_audience() {
    let bank = bank();
    let jws = IntentDraft {
        audience: "someone-else",
        ..draft("+74950000001", Channel::Phone)
    }
    .sign(&bank.intent_key)
    .unwrap();
    assert_eq!(
        refused(&jws, &lists(&bank), NOW),
        IntentError::WrongAudience
    );
}

#[test]
fn replay_of_the_same_id_with_different_content() {
    let bank = bank();
    let lists = lists(&bank);
    let mut book = IntentBook::new();
    book.add(
        accept_intent(intent(&bank).as_bytes(), &lists, AUDIENCE, NOW).unwrap(),
        NOW,
    )
    .unwrap();
    let again = accept_intent(intent(&bank).as_bytes(), &lists, AUDIENCE, NOW).unwrap();
    // EdDSA is deterministic: the same claims sign to the same bytes.
    assert_eq!(book.add(again, NOW), Ok(Received::Duplicate));
    let other = IntentDraft {
        purpose: &[("en", "a prize you won")],
        ..draft("+74950000001", Channel::Phone)
    }
    .sign(&bank.intent_key)
    .unwrap();
    let other = accept_intent(other.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
    assert_eq!(book.add(other, NOW), Err(IntentError::Replayed));
}

#[test]
fn key_not_delegated_and_a_list_key_never_signs_intents() {
    let bank = bank();
    let stranger = SigningKey::generate(Alg::EdDsa, "intents-2026").unwrap().0;
    assert_eq!(
        refused(
            &draft("+74950000001", Channel::Phone)
                .sign(&stranger)
                .unwrap(),
            &lists(&bank),
            NOW
        ),
        IntentError::BadSignature
    );
    let other_kid = SigningKey::generate(Alg::EdDsa, "rogue").unwrap().0;
    assert_eq!(
        refused(
            &draft("+74950000001", Channel::Phone)
                .sign(&other_kid)
                .unwrap(),
            &lists(&bank),
            NOW
        ),
        IntentError::KeyNotDelegated
    );
    // The list's own (offline) key is not an intent key.
    assert_eq!(
        refused(
            &draft("+74950000001", Channel::Phone)
                .sign(&bank.list_key)
                .unwrap(),
            &lists(&bank),
            NOW
        ),
        IntentError::KeyNotDelegated
    );
}

#[test]
fn delegated_key_expired() {
    let bank = bank();
    let lists = vec![list_with(
        &bank,
        1,
        &[(&bank.intent_key, "2026-11-30T00:00:00Z")],
        true,
    )];
    assert_eq!(
        refused(&intent(&bank), &lists, NOW),
        IntentError::KeyExpired
    );
}

#[test]
fn key_dropped_by_a_newer_list_revokes_its_intents() {
    let bank = bank();
    let v1 = lists(&bank);
    let mut book = IntentBook::new();
    book.add(
        accept_intent(intent(&bank).as_bytes(), &v1, AUDIENCE, NOW).unwrap(),
        NOW,
    )
    .unwrap();
    let v2 = vec![list_with(&bank, 2, &[], true)];
    assert!(book.active(&v2, NOW).is_empty());
    let s = screen_announced(
        &v2,
        &book,
        &call("+74950000001", Channel::Phone, Attestation::NotVerified),
        &ctx(NOW),
    );
    assert_eq!(s.reason, Reason::Unannounced);
    assert_eq!(
        refused(&intent(&bank), &v2, NOW),
        IntentError::KeyNotDelegated
    );
}

#[test]
fn intent_for_an_inbound_only_number() {
    let bank = bank();
    let jws = draft("+78005553535", Channel::Phone)
        .sign(&bank.intent_key)
        .unwrap();
    assert_eq!(refused(&jws, &lists(&bank), NOW), IntentError::InboundOnly);
}

#[test]
fn intent_for_an_unlisted_number() {
    let bank = bank();
    let jws = draft("+79161234567", Channel::Phone)
        .sign(&bank.intent_key)
        .unwrap();
    assert_eq!(refused(&jws, &lists(&bank), NOW), IntentError::NotListed);
}

#[test]
fn intent_for_a_channel_the_contact_does_not_use() {
    let bank = bank();
    let jws = draft("+74950000001", Channel::Telegram)
        .sign(&bank.intent_key)
        .unwrap();
    assert_eq!(
        refused(&jws, &lists(&bank), NOW),
        IntentError::ChannelNotUsed
    );
}

#[test]
fn intent_that_arrives_before_its_list() {
    let bank = bank();
    assert_eq!(
        refused(&intent(&bank), &[], NOW),
        IntentError::NoCurrentList
    );
    // An expired list is no basis either.
    let later = Timestamp(1_830_000_000);
    assert_eq!(
        refused(&intent(&bank), &lists(&bank), later),
        IntentError::NoCurrentList
    );
}

#[test]
fn a_time_window_longer_than_allowed() {
    let bank = bank();
    let long = IntentDraft {
        expires_at: Timestamp(NOW.0 + 31 * 60),
        ..draft("+74950000001", Channel::Phone)
    };
    assert_eq!(
        refused(&long.sign(&bank.intent_key).unwrap(), &lists(&bank), NOW),
        IntentError::WindowTooLong
    );
}

#[test]
fn tampered_or_mistyped_intents_are_refused() {
    let bank = bank();
    let jws = intent(&bank);
    let mut parts: Vec<String> = jws.split('.').map(str::to_string).collect();
    let evil = draft("+74950000001", Channel::Phone)
        .claims()
        .to_string()
        .replace("Anna", "Олег");
    parts[1] = base64_url(evil.as_bytes());
    assert_eq!(
        refused(&parts.join("."), &lists(&bank), NOW),
        IntentError::BadSignature
    );
    let as_list = sign_claims(b"{}", &bank.intent_key).unwrap();
    assert!(matches!(
        refused(&as_list, &lists(&bank), NOW),
        IntentError::Malformed(_)
    ));
    assert_eq!(
        refused(&"x".repeat(5000), &lists(&bank), NOW),
        IntentError::TooLarge
    );
}

#[test]
fn ten_thousand_intents_in_a_burst_stay_bounded() {
    let bank = bank();
    let lists = lists(&bank);
    let mut book = IntentBook::new();
    let (mut accepted, mut too_many) = (0, 0);
    for i in 0..10_000 {
        let id = format!("flood-{i}");
        let jws = IntentDraft {
            id: &id,
            ..draft("+74950000001", Channel::Phone)
        }
        .sign(&bank.intent_key)
        .unwrap();
        let intent = accept_intent(jws.as_bytes(), &lists, AUDIENCE, NOW).unwrap();
        match book.add(intent, NOW) {
            Ok(_) => accepted += 1,
            Err(IntentError::TooMany) => too_many += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(accepted, MAX_LIVE_PER_ISSUER);
    assert_eq!(too_many, 10_000 - MAX_LIVE_PER_ISSUER);
    assert_eq!(book.len(), MAX_LIVE_PER_ISSUER);
    // Once they expire, they are purged and room is made.
    book.purge(Timestamp(NOW.0 + 600 + CLOCK_SKEW_SECS + 1));
    assert!(book.is_empty());
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn a_list_that_delegates_its_own_signing_key_is_refused() {
    use callguard_core::accept::verify_signed_list;
    use callguard_core::jws::sign_general;
    use callguard_core::Trust;
    let bank = bank();
    let mut jwk = serde_json::to_value(bank.list_key.public_jwk()).unwrap();
    jwk["expires_at"] = "2027-06-01T00:00:00Z".into();
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}},
        "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2026-12-28T09:00:00Z",
        "intent_keys": [jwk], "contacts": []
    });
    let jws = sign_general(payload.to_string().as_bytes(), &[&bank.list_key]).unwrap();
    let trust = Trust::to_json("example-bank", 1, &[bank.list_key.public_jwk()]).to_string();
    let trust = Trust::from_json(trust.as_bytes()).unwrap();
    let err = verify_signed_list(jws.as_bytes(), &trust, 1 << 20).unwrap_err();
    assert_eq!(err.code(), "malformed");
    assert!(err.to_string().contains("intent_keys[0]"), "{err}");
}

#[test]
fn times_that_would_overflow_are_refused() {
    let bank = bank();
    for (nbf, exp) in [
        (-9_223_372_036_854_775_000, 9_223_372_036_854_775_000),
        (NOW.0, i64::MAX),
        (i64::MIN, NOW.0),
    ] {
        let draft = IntentDraft {
            not_before: Timestamp(nbf),
            expires_at: Timestamp(exp),
            ..draft("+74950000001", Channel::Phone)
        };
        let jws = draft.sign(&bank.intent_key).unwrap();
        assert!(
            matches!(refused(&jws, &lists(&bank), NOW), IntentError::Malformed(_)),
            "{nbf}..{exp}"
        );
        // Never accepted at any time either.
        for now in [Timestamp(0), Timestamp(i64::MAX), Timestamp(i64::MIN)] {
            assert!(accept_intent(jws.as_bytes(), &lists(&bank), AUDIENCE, now).is_err());
        }
    }
}
