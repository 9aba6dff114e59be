//! tests/vectors/in-call.json: scripted call timelines and the advice for
//! risky actions at each step (core/src/session), restarts included; and
//! the bank's action policies, refused with the path named or accepted
//! with their unknown names ignored.

use callguard_core::session::{
    advise, event_from_json, ActionPolicy, AdviceLevel, CallEvent, SensitiveAction, Session,
};
use callguard_core::{ContactList, Timestamp};
use serde_json::Value;

fn doc() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/in-call.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn event(e: &Value) -> CallEvent {
    event_from_json(e, "event").unwrap()
}

#[test]
fn every_timeline_gets_its_advice() {
    let doc = doc();
    let start = Timestamp::parse_rfc3339(doc["start"].as_str().unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 7);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let policy = match case.get("policy") {
            Some(p) => ActionPolicy::from_json(p).unwrap(),
            None => ActionPolicy::default(),
        };
        // The bindings run this case through the signed list: it carries
        // the very same policy.
        if let Some(list) = case.get("list") {
            let parsed = ContactList::parse(&payload_of(list.as_str().unwrap())).unwrap();
            assert_eq!(parsed.action_policy.as_ref(), Some(&policy), "{name}");
        }
        let mut session = Session::default();
        for (i, step) in case["steps"].as_array().unwrap().iter().enumerate() {
            let now = Timestamp(start.0 + step["at"].as_i64().unwrap());
            if let Some(e) = step.get("event") {
                session.record(event(e), now);
            } else if step.get("restart").is_some() {
                session = Session::from_bytes(&session.to_bytes());
            } else {
                let action = SensitiveAction::from_name(step["advise"].as_str().unwrap()).unwrap();
                // Asking reads: the history as saved is not changed by it.
                let mut view = session.clone();
                view.purge(now);
                let got = advise(&view, &policy, action, now);
                let e = &step["expect"];
                let at = format!("{name} step {i}");
                assert_eq!(got.level.name(), e["level"], "{at}: level");
                let reasons: Vec<&str> = got.reasons.iter().map(|r| r.code()).collect();
                let want: Vec<&str> = e["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap())
                    .collect();
                assert_eq!(reasons, want, "{at}: reasons");
                assert_eq!(
                    got.hold_until.map(|t| t.0 - start.0),
                    e["hold_until"].as_i64(),
                    "{at}: hold_until"
                );
                if let Some(starts) = e["body_starts"].as_str() {
                    let (_, body) = callguard_core::session::words(
                        &got,
                        now,
                        callguard_core::copy::Lang::En,
                        callguard_core::copy::sdk(),
                    )
                    .unwrap();
                    assert!(body.starts_with(starts), "{at}: {body}");
                }
            }
        }
    }
}

#[test]
fn bank_policies_are_refused_with_the_path_or_accepted() {
    let doc = doc();
    for case in doc["policies"].as_array().unwrap() {
        let got = ActionPolicy::from_json(&case["policy"]);
        match case["error"].as_str() {
            Some(path) => {
                let err = got.unwrap_err();
                assert_eq!(err.path, path, "{}", case["policy"]);
                assert_eq!(err.code(), "malformed");
            }
            None => assert!(got.is_ok(), "{}", case["policy"]),
        }
        // The same policy carried in a list: the list is refused whole,
        // `malformed`, naming the same path, or accepted with the policy.
        let mut payload = list_payload();
        payload["action_policy"] = case["policy"].clone();
        let list = ContactList::parse(&serde_json::to_vec(&payload).unwrap());
        match case["error"].as_str() {
            Some(path) => {
                let err = list.unwrap_err();
                assert_eq!(err.code(), "malformed");
                assert!(
                    err.to_string().contains(&format!(": {path}: ")),
                    "{path}: {err}"
                );
            }
            None => assert!(list.unwrap().action_policy.is_some()),
        }
    }
    // Without the member, the SDK's default applies.
    let list = ContactList::parse(&serde_json::to_vec(&list_payload()).unwrap()).unwrap();
    assert!(list.action_policy.is_none());
}

/// The shared vectors' list with intent keys, as its payload.
fn list_payload() -> Value {
    serde_json::from_slice(&payload_of("lists/intents-v20.jws")).unwrap()
}

/// The payload a shared vectors' list signed.
fn payload_of(rel: &str) -> Vec<u8> {
    use base64::Engine;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel);
    let jws: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(jws["payload"].as_str().unwrap())
        .unwrap()
}

#[test]
fn a_damaged_history_reads_as_empty_and_the_history_is_bounded() {
    for bytes in [
        &b""[..],
        b"{",
        b"[]",
        br#"{"format":"callguard.session/9","calls":[]}"#,
        &[0xff, 0xfe],
    ] {
        assert_eq!(Session::from_bytes(bytes), Session::default());
    }
    let mut session = Session::default();
    for i in 0..100 {
        session.record(
            CallEvent::Active {
                call: format!("c{i}"),
            },
            Timestamp(i),
        );
    }
    assert_eq!(session.calls.len(), 32);
    assert_eq!(session.calls[0].id, "c68");
    session.record(
        CallEvent::Active {
            call: "я".repeat(100),
        },
        Timestamp(200),
    );
    assert!(session.calls.last().unwrap().id.len() <= 64);
    assert_eq!(Session::from_bytes(&session.to_bytes()), session);
    // A day after the calls ended (or counted as ended), they are gone.
    session.purge(Timestamp(200 + 4 * 3600 + 24 * 3600 + 1));
    assert!(session.calls.is_empty());
}

proptest::proptest! {
    #[test]
    fn a_saved_history_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = Session::from_bytes(&bytes);
    }

    #[test]
    fn a_bank_policy_never_panics(text in "[\\[\\]{}\":,0-9a-z_ -]{0,200}") {
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            let _ = ActionPolicy::from_json(&value);
        }
    }
}

/// Every reason's advice has its words in every language, and a hold says
/// how long in the language's plural form.
#[test]
fn every_advice_is_worded_in_every_language() {
    use callguard_core::copy::{sdk, Lang};
    use callguard_core::session::{words, Advice, AdviceReason};
    let now = Timestamp(1_000);
    for reason in AdviceReason::ALL {
        for lang in Lang::ALL {
            let advice = Advice {
                level: AdviceLevel::Hold,
                reasons: vec![reason],
                hold_until: Some(Timestamp(now.0 + 21 * 60)),
                danger_call: None,
            };
            let (title, body) = words(&advice, now, lang, sdk()).unwrap();
            assert!(
                !title.is_empty() && !body.contains('{'),
                "{lang:?} {reason:?}"
            );
            assert!(body.contains("21"), "{lang:?} {reason:?}: {body}");
            if lang != Lang::En {
                let (english, _) = words(&advice, now, Lang::En, sdk()).unwrap();
                assert_ne!(title, english, "{lang:?} {reason:?} is English");
            }
        }
    }
    let advice = Advice {
        level: AdviceLevel::Hold,
        reasons: vec![AdviceReason::OnCallWithDanger],
        hold_until: Some(Timestamp(now.0 + 25 * 60)),
        danger_call: None,
    };
    let (_, ru) = words(&advice, now, Lang::Ru, sdk()).unwrap();
    assert!(ru.ends_with("Действие приостановлено на 25 минут. Позвонить в банк по номеру на карте можно всегда."), "{ru}");
    let nothing = Advice {
        level: AdviceLevel::Proceed,
        reasons: vec![],
        hold_until: None,
        danger_call: None,
    };
    assert_eq!(words(&nothing, now, Lang::En, sdk()), None);
}

/// Several banks' lists at once: each bank may relax the default for
/// itself, never for the others; the strictest rule and longest hold win.
#[test]
fn several_banks_policies_combine_to_the_strictest() {
    let relaxed = ActionPolicy::from_json(&serde_json::json!({"rules": [
        {"reason": "on_call_with_danger", "actions": ["transfer"], "level": "proceed"},
        {"reason": "on_call_unknown", "actions": ["transfer"], "level": "hold", "hold_minutes": 15}
    ]}))
    .unwrap();
    let longer = ActionPolicy::from_json(&serde_json::json!({"recent_minutes": 120, "rules": [
        {"reason": "on_call_unknown", "actions": ["transfer"], "level": "hold", "hold_minutes": 45}
    ]}))
    .unwrap();
    let default = ActionPolicy::default();
    use callguard_core::session::AdviceReason as R;
    use SensitiveAction as A;
    let alone = ActionPolicy::strictest([&relaxed]);
    assert_eq!(
        alone.rule(R::OnCallWithDanger, A::Transfer).level,
        AdviceLevel::Proceed
    );
    let both = ActionPolicy::strictest([&relaxed, &default]);
    assert_eq!(
        both.rule(R::OnCallWithDanger, A::Transfer).level,
        AdviceLevel::Hold
    );
    assert_eq!(both.rule(R::OnCallUnknown, A::Transfer).hold_minutes, 15);
    let all = ActionPolicy::strictest([&relaxed, &default, &longer]);
    assert_eq!(all.rule(R::OnCallUnknown, A::Transfer).hold_minutes, 45);
    assert_eq!(all.recent_minutes, 120);
    assert_eq!(ActionPolicy::strictest([]), default);
    for reason in R::ALL {
        for action in A::ALL {
            assert_eq!(
                ActionPolicy::strictest([&default]).rule(reason, action),
                default.rule(reason, action)
            );
        }
    }
}

/// A dangerous call is named as the customer knows it: a faked bank
/// number, a reported one, or someone who claims to be the bank on the
/// messenger the call came on; in every language.
#[test]
fn the_words_say_what_the_dangerous_call_was() {
    use callguard_core::copy::{sdk, Lang};
    use callguard_core::screen::{Reason, Verdict};
    use callguard_core::session::words;
    use callguard_core::Channel;
    let cases = [
        (
            Verdict::Impersonation,
            Reason::ClaimsAuthority,
            Some(Channel::Whatsapp),
        ),
        (
            Verdict::Impersonation,
            Reason::NameClaimsIssuer,
            Some(Channel::Phone),
        ),
        (Verdict::Impersonation, Reason::NameClaimsIssuer, None),
        (Verdict::Spoofed, Reason::InboundOnly, Some(Channel::Phone)),
        (
            Verdict::Reported,
            Reason::ReportedFraud,
            Some(Channel::Phone),
        ),
    ];
    for lang in Lang::ALL {
        let mut bodies = Vec::new();
        for (verdict, reason, channel) in cases {
            let mut session = Session::default();
            session.record(
                CallEvent::Screened {
                    call: "c".into(),
                    verdict,
                    reason,
                    channel,
                },
                Timestamp(0),
            );
            let advice = advise(
                &session,
                &ActionPolicy::default(),
                SensitiveAction::Transfer,
                Timestamp(10),
            );
            let (_, body) = words(&advice, Timestamp(10), lang, sdk()).unwrap();
            assert!(
                !body.contains('{') && !body.contains('}'),
                "{lang:?}: {body}"
            );
            bodies.push(body);
        }
        assert!(bodies[0].contains("WhatsApp"), "{lang:?}: {}", bodies[0]);
        // On a phone call or an unknown channel, no channel is named.
        assert_eq!(bodies[1], bodies[2], "{lang:?}");
        let distinct: std::collections::BTreeSet<&String> = bodies.iter().collect();
        assert_eq!(distinct.len(), 4, "{lang:?}: {bodies:?}");
    }
}

proptest::proptest! {
    /// Whatever the glue reports, in any order, at any times (a clock
    /// moved back and forth, extremes included), under any valid policy:
    /// a hold always says until when, strictly after now and at most its
    /// bound (24 hours) from now; the first reason is the strictest.
    #[test]
    fn a_hold_is_always_bounded_and_in_the_future(
        steps in proptest::collection::vec((0u8..6, 0u8..4, proptest::num::i64::ANY, -100_000i64..100_000), 1..40),
        hold in 1u32..=1440,
        recent in 1u32..=1440,
    ) {
        use callguard_core::screen::{Reason, Verdict};
        let policy = ActionPolicy::from_json(&serde_json::json!({
            "recent_minutes": recent,
            "rules": [{"reason": "on_call_unknown", "actions": ["transfer"], "level": "hold", "hold_minutes": hold},
                      {"reason": "recent_danger_call", "actions": ["transfer", "credentials"], "level": "hold", "hold_minutes": hold}]
        })).unwrap();
        let mut session = Session::default();
        let base = 1_796_119_200i64;
        for (kind, call, extreme, offset) in steps {
            // Mostly near one moment, sometimes anywhere in i64.
            let at = Timestamp(if offset % 17 == 0 { extreme } else { base + offset });
            let call = format!("c{call}");
            let event = match kind {
                0 => CallEvent::Screened { call, verdict: Verdict::Impersonation, reason: Reason::ClaimsAuthority, channel: None },
                1 => CallEvent::Active { call },
                2 => CallEvent::Answered { call },
                3 => CallEvent::Ended { call },
                4 => CallEvent::ScreenShared { on: offset % 2 == 0 },
                _ => CallEvent::Screened { call, verdict: Verdict::Reported, reason: Reason::ReportedFraud, channel: None },
            };
            session.record(event, at);
            session = Session::from_bytes(&session.to_bytes());
            for now in [at, Timestamp(base), Timestamp(i64::MAX), Timestamp(i64::MIN)] {
                for action in SensitiveAction::ALL {
                    let advice = advise(&session, &policy, action, now);
                    if advice.level == AdviceLevel::Hold {
                        let until = advice.hold_until.expect("a hold says until when").0;
                        proptest::prop_assert!(until > now.0, "a hold until the past");
                        proptest::prop_assert!(until <= now.0.saturating_add(24 * 3600));
                    } else {
                        proptest::prop_assert!(advice.hold_until.is_none());
                    }
                    if let Some(first) = advice.reasons.first() {
                        proptest::prop_assert!(advice.level >= policy.rule(*first, action).level.min(AdviceLevel::Confirm));
                    }
                }
            }
        }
    }
}

/// Two processes' histories of one reused id merge to two calls, however
/// often they merge each other back.
#[test]
fn merging_back_and_forth_settles_on_one_record_per_call() {
    use callguard_core::screen::{Reason, Verdict};
    let key = "0|com.whatsapp|17|null|10123";
    let mut b = Session::default();
    b.record(
        CallEvent::Screened {
            call: key.into(),
            verdict: Verdict::Unknown,
            reason: Reason::NotListed,
            channel: None,
        },
        Timestamp(0),
    );
    b.record(CallEvent::Ended { call: key.into() }, Timestamp(60));
    let mut a = Session::default();
    a.record(
        CallEvent::Screened {
            call: key.into(),
            verdict: Verdict::Impersonation,
            reason: Reason::ClaimsAuthority,
            channel: None,
        },
        Timestamp(600),
    );
    for _ in 0..5 {
        a.merge(&b);
        b.merge(&a);
    }
    for s in [&a, &b] {
        assert_eq!(s.calls.len(), 2, "{:?}", s.calls);
        let advice = advise(
            s,
            &ActionPolicy::default(),
            SensitiveAction::Transfer,
            Timestamp(660),
        );
        assert_eq!(advice.level, AdviceLevel::Hold);
    }
}
