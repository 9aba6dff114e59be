//! `callguard demo`: the whole product in one run. Signs an embedded demo
//! list with a DEMO-ONLY key, accepts it through the same Guard the SDK
//! uses, then screens a scripted series of calls and shows each warning
//! as the phone would.

use crate::io::{system_now, UsageError};
use crate::render;
use callguard_core::copy::Arg;
use callguard_core::feed::{self, Category, FeedBuilder};
use callguard_core::intent::IntentDraft;
use callguard_core::jwk::{Alg, Jwk, SigningKey};
use callguard_core::list::{hex, sha256};
use callguard_core::normalize::Region;
use callguard_core::screen::{screen_with_copy, Attestation, Call, CallDirection, Context, Lang};
use callguard_core::session::{CallEvent, SensitiveAction};
use callguard_core::{jws, Channel, Timestamp, Trust};
use callguard_state::Guard;

/// Published on purpose; see cli/demo/README.md. Never trust it in an app.
const DEMO_KEY: &str = include_str!("../../demo/DEMO-ONLY-signing-key.jwk");
const DEMO_PAYLOAD: &str = include_str!("../../demo/payload.json");
const DAY: i64 = 86_400;

struct Scene {
    /// What happens: a message of the demo's catalogue (cli/copy).
    story: &'static str,
    call: Call<'static>,
    days_later: i64,
}

fn scenes() -> Vec<Scene> {
    let call = |number, channel, display_name, attestation, direction| Call {
        number,
        channel,
        display_name,
        attestation,
        direction,
        saved_contact: false,
    };
    use Attestation::*;
    use CallDirection::*;
    vec![
        Scene {
            story: "demo-scene-announced",
            call: call(
                "+7 495 000-00-01",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-unannounced",
            call: call(
                "+7 495 000-00-01",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 1,
        },
        Scene {
            story: "demo-scene-attested",
            call: call("+7 495 000-00-01", Channel::Phone, None, Passed, Incoming),
            days_later: 1,
        },
        Scene {
            story: "demo-scene-spoofed-hotline",
            call: call(
                "8 (800) 555-35-35",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-named-bank",
            call: call(
                "+7 903 555-12-34",
                Channel::Whatsapp,
                Some("Служба безопасности Пример Банка"),
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-security-service",
            call: call(
                "",
                Channel::Whatsapp,
                Some("Служба безопасности Банка"),
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-number-as-name",
            call: call(
                "",
                Channel::Telegram,
                Some("Пример Банк 8 800 555-35-35"),
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-wrong-channel",
            call: call(
                "+7 495 000-00-02",
                Channel::Telegram,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-friend",
            call: call(
                "+7 916 123-45-67",
                Channel::Whatsapp,
                Some("Мама"),
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-sms-number",
            call: call(
                "+7 999 000-00-00",
                Channel::Phone,
                None,
                NotVerified,
                Outgoing,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-reported",
            call: call(
                "+7 901 234-56-78",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-reported-outgoing",
            call: call(
                "+7 901 234-56-78",
                Channel::Phone,
                None,
                NotVerified,
                Outgoing,
            ),
            days_later: 0,
        },
        Scene {
            story: "demo-scene-expired",
            call: call(
                "+7 495 000-00-01",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 40,
        },
        Scene {
            story: "demo-scene-expired-hotline",
            call: call(
                "8 800 555 35 35",
                Channel::Phone,
                None,
                NotVerified,
                Incoming,
            ),
            days_later: 40,
        },
    ]
}

pub fn run(lang: &str, copy: Option<&std::path::Path>, region: &str) -> Result<(), UsageError> {
    let now = system_now();
    let home = Region::from_iso(region)
        .ok_or_else(|| UsageError::new(format!("unknown region {region:?}")))?;
    let overridden = crate::copy::with_override(copy, lang)?;
    let lang = Lang::from_tag(lang);
    let copy = overridden.as_ref().unwrap_or(callguard_core::copy::sdk());

    // 1. The bank publishes: a list valid for 30 days, signed with its key.
    let key_jwk: Jwk = serde_json::from_str(DEMO_KEY)?;
    let key = SigningKey::from_jwk(&key_jwk).map_err(UsageError::new)?;
    let mut payload: serde_json::Value = serde_json::from_str(DEMO_PAYLOAD)?;
    payload["issued_at"] = Timestamp(now.0 - DAY).to_rfc3339().into();
    payload["expires_at"] = Timestamp(now.0 + 30 * DAY).to_rfc3339().into();
    // The bank's online intent service gets its own key; the list delegates it.
    let (intent_key, _) =
        SigningKey::generate(Alg::EdDsa, "demo-intents").map_err(UsageError::new)?;
    let mut delegated = serde_json::to_value(intent_key.public_jwk())?;
    delegated["expires_at"] = Timestamp(now.0 + 30 * DAY).to_rfc3339().into();
    payload["intent_keys"] = serde_json::json!([delegated]);
    payload["announces_calls"] = true.into();
    let signed =
        jws::sign_general(payload.to_string().as_bytes(), &[&key]).map_err(UsageError::new)?;
    let trust = Trust::to_json("example-bank", 1, &[key.public_jwk()]).to_string();

    // 2. The phone accepts it, exactly as the SDK does.
    let guard = Guard::new(None, callguard_core::DEFAULT_MAX_LIST_BYTES);
    guard
        .add_trust(trust.as_bytes())
        .map_err(|e| UsageError::new(e.to_string()))?;
    let list = guard
        .load_list(signed.as_bytes(), now)
        .map_err(|e| UsageError::new(format!("the demo list was rejected: {e}")))?;
    // 2b. Just before Anna dials, the bank sends this phone a call intent.
    let audience = guard.intent_audience().to_string();
    let (agent, department, purpose) = (
        in_every_language("demo-agent"),
        in_every_language("demo-department"),
        in_every_language("demo-purpose"),
    );
    let (agent, department, purpose) = (pairs(&agent), pairs(&department), pairs(&purpose));
    let intent = IntentDraft {
        issuer: "example-bank",
        id: "demo-call-1",
        audience: &audience,
        from: "+74950000001",
        channel: Channel::Phone,
        agent: &agent,
        department: &department,
        purpose: &purpose,
        issued_at: now,
        not_before: now,
        expires_at: Timestamp(now.0 + 10 * 60),
    }
    .sign(&intent_key)
    .map_err(UsageError::new)?;
    guard
        .receive_intent(intent.as_bytes(), now)
        .map_err(|e| UsageError::new(format!("the demo intent was refused: {e}")))?;
    // 2c. The bank's feed of reported numbers: a blob named by hash in a
    // manifest signed with the list's key, put in force by the Guard exactly
    // as a feed sync does (manifest rules, length, SHA-256, every entry).
    let (manifest_jws, blob) = demo_feed(&key, now)?;
    guard
        .install_feed(manifest_jws.as_bytes(), blob, now)
        .map_err(|e| UsageError::new(format!("the demo feed was refused: {e}")))?;
    let feed_set = guard.feeds();
    let feeds = feed_set.feeds();
    let colour = render::use_colour();
    let words = crate::copy::demo();
    let bank = list.issuer.name.get(lang.code());
    let header = words.text(
        lang,
        "demo-header",
        &[
            ("bank", Arg::Text(bank)),
            ("version", Arg::Number(list.version as i64)),
            ("contacts", Arg::Number(list.contact_count() as i64)),
            ("kid", Arg::Text(&key.kid)),
            ("region", Arg::Text(home.iso())),
        ],
    );
    println!("{header}\n");

    // 3. Calls arrive.
    let lists = guard.snapshot();
    for (i, scene) in scenes().iter().enumerate() {
        let ctx = Context {
            home: Some(home),
            lang,
            now: Timestamp(now.0 + scene.days_later * DAY),
        };
        let result = screen_with_copy(&lists, &guard.intents(), &feeds, &scene.call, &ctx, copy);
        let text = |id: &str| words.text(lang, id, &[]);
        let channel = match scene.call.channel {
            Channel::Phone => text("demo-phone"),
            channel => channel.name().to_string(),
        };
        let who = match (scene.call.display_name, scene.call.number) {
            (Some(name), "") => format!("{name} ({}, {channel})", text("demo-no-number")),
            (Some(name), number) => format!("{name} ({number}, {channel})"),
            (None, number) => format!("{number} ({channel})"),
        };
        let arrow = match scene.call.direction {
            CallDirection::Outgoing => text("demo-dialling"),
            CallDirection::Incoming => text("demo-ringing"),
        };
        let story = text(scene.story);
        println!("{}. {story}\n   {arrow}: {who}", i + 1);
        print!("{}", indent(&render::card(&result, colour, lang)));
        println!();
    }

    // 4. In the bank's app, while a call goes on: the screening service
    // reported each call's screening (and its answer) to the Guard; the
    // app asks for advice before a transfer. The bank's call first: after
    // the fake one, any transfer within the hour asks for a confirmation.
    let in_app = [
        ("demo-scene-in-call-announced", 0, "demo-anna-call"),
        ("demo-scene-in-call-fake", 5, "demo-fake-call"),
    ];
    let scenes = scenes();
    for (n, (story, scene, call_id)) in in_app.into_iter().enumerate() {
        let at = now;
        let call = &scenes[scene].call;
        let ctx = Context {
            home: Some(home),
            lang,
            now: at,
        };
        let screening = screen_with_copy(&lists, &guard.intents(), &feeds, call, &ctx, copy);
        let calls = [
            CallEvent::Screened {
                call: call_id.into(),
                verdict: screening.verdict,
                reason: screening.reason,
                channel: Some(call.channel),
            },
            CallEvent::Answered {
                call: call_id.into(),
            },
        ];
        for event in calls {
            guard
                .report_call_event(event, at)
                .map_err(|e| UsageError::new(e.to_string()))?;
        }
        let advice = guard.advise_action(SensitiveAction::Transfer, Timestamp(at.0 + 90));
        let text = |id: &str| words.text(lang, id, &[]);
        println!(
            "{}. {}\n   {}: {}",
            scenes.len() + n + 1,
            text(story),
            text("demo-in-app"),
            text("demo-opens-transfer")
        );
        print!(
            "{}",
            indent(&render::advice_card(
                &advice,
                Timestamp(at.0 + 90),
                colour,
                lang,
                copy
            ))
        );
        println!();
        // The call ends before the next scene.
        guard
            .report_call_event(
                CallEvent::Ended {
                    call: call_id.into(),
                },
                Timestamp(at.0 + 120),
            )
            .map_err(|e| UsageError::new(e.to_string()))?;
    }
    Ok(())
}

fn pairs<'a>(all: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    all.iter()
        .map(|(lang, text)| (*lang, text.as_str()))
        .collect()
}

/// A message of the demo's catalogue in every language: the texts of the
/// demo's call intent.
fn in_every_language(id: &str) -> Vec<(&'static str, String)> {
    Lang::ALL
        .iter()
        .map(|&lang| (lang.code(), crate::copy::demo().text(lang, id, &[])))
        .collect()
}

/// A small feed (two reported numbers and a reported range) and its
/// signed manifest.
fn demo_feed(key: &SigningKey, now: Timestamp) -> Result<(String, Vec<u8>), UsageError> {
    let invalid = |e: feed::FeedError| UsageError::new(e.to_string());
    let mut builder = FeedBuilder::new(feed::DEFAULT_BLOCK_SIZE).map_err(invalid)?;
    builder
        .push(79_012_345_678, Category::Fraud)
        .map_err(invalid)?;
    builder
        .push(79_995_550_000, Category::Spam)
        .map_err(invalid)?;
    builder
        .push_prefix(7_902_555, Category::Fraud)
        .map_err(invalid)?;
    let blob = builder.finish().map_err(invalid)?;
    let payload = serde_json::json!({
        "type": feed::FEED_TYPE, "schema": 1, "issuer": "example-bank", "version": 1,
        "issued_at": Timestamp(now.0 - DAY).to_rfc3339(),
        "expires_at": Timestamp(now.0 + 7 * DAY).to_rfc3339(),
        "blobs": [{"name": "feed-1.cgfeed", "kind": "full",
                   "sha256": hex(&sha256(&blob)), "length": blob.len()}],
    });
    let signed = jws::sign_general_typed(payload.to_string().as_bytes(), &[key], feed::FEED_TYP)
        .map_err(UsageError::new)?;
    Ok((signed, blob))
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("   {l}\n")).collect()
}
