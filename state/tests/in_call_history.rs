//! In-call protection through the Guard and real files: the shared
//! timelines (tests/vectors/in-call.json) with the history in a state
//! directory and a restart as a new process would make it (a new Guard on
//! the same directory); two writers at once; a history that cannot be
//! saved or read; readers that never write.

use callguard_core::session::{event_from_json, AdviceLevel, CallEvent, SensitiveAction};
use callguard_core::Timestamp;
use callguard_state::{Guard, GuardError};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(vectors().join(rel)).unwrap()
}

fn guard(dir: &Path, list: Option<&str>, now: Timestamp) -> Guard {
    let guard = Guard::open(Some(dir), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    if let Some(list) = list {
        // After a restart the stored list is back in force with its trust.
        if guard.snapshot().is_empty() {
            guard.load_list(&vector(list), now).unwrap();
        }
    }
    guard
}

#[test]
fn every_shared_timeline_through_a_state_directory_with_restarts() {
    let doc: Value = serde_json::from_slice(&vector("in-call.json")).unwrap();
    let start = Timestamp::parse_rfc3339(doc["start"].as_str().unwrap()).unwrap();
    for case in doc["cases"].as_array().unwrap() {
        // A case with a bespoke policy and no list cannot go through a Guard.
        if case.get("policy").is_some() && case.get("list").is_none() {
            continue;
        }
        let name = case["name"].as_str().unwrap();
        let list = case["list"].as_str();
        let dir = tempfile::tempdir().unwrap();
        let mut g = guard(dir.path(), list, start);
        for (i, step) in case["steps"].as_array().unwrap().iter().enumerate() {
            let now = Timestamp(start.0 + step["at"].as_i64().unwrap());
            if let Some(e) = step.get("event") {
                g.report_call_event(event_from_json(e, "event").unwrap(), now)
                    .unwrap();
            } else if step.get("restart").is_some() {
                drop(g);
                g = guard(dir.path(), list, now);
            } else {
                let action = SensitiveAction::from_name(step["advise"].as_str().unwrap()).unwrap();
                let got = g.advise_action(action, now);
                let e = &step["expect"];
                let at = format!("{name} step {i}");
                assert_eq!(got.level.name(), e["level"], "{at}");
                let reasons: Vec<Value> = got.reasons.iter().map(|r| r.code().into()).collect();
                assert_eq!(Value::from(reasons), e["reasons"], "{at}");
                assert_eq!(
                    got.hold_until.map(|t| t.0 - start.0),
                    e["hold_until"].as_i64(),
                    "{at}"
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

fn danger(call: &str) -> CallEvent {
    CallEvent::Screened {
        call: call.into(),
        verdict: callguard_core::screen::Verdict::Impersonation,
        reason: callguard_core::screen::Reason::ClaimsAuthority,
        channel: Some(callguard_core::Channel::Whatsapp),
    }
}

const NOW: Timestamp = Timestamp(1_796_119_200);

#[test]
fn two_processes_reporting_at_once_lose_no_call() {
    let dir = tempfile::tempdir().unwrap();
    // The screening service and the app: two Guards, four threads each.
    let guards = [
        Guard::open(Some(dir.path()), 1 << 20),
        Guard::open(Some(dir.path()), 1 << 20),
    ];
    std::thread::scope(|s| {
        for (g, guard) in guards.iter().enumerate() {
            for t in 0..4 {
                s.spawn(move || {
                    for n in 0..3 {
                        let call = format!("g{g}-t{t}-n{n}");
                        guard
                            .report_call_event(CallEvent::Active { call }, NOW)
                            .unwrap();
                    }
                });
            }
        }
    });
    // A third process, started now, sees every one of the 24 calls.
    let fresh = Guard::open(Some(dir.path()), 1 << 20);
    let history = fresh.call_history(NOW);
    assert_eq!(history.calls.len(), 24);
    for g in 0..2 {
        for t in 0..4 {
            for n in 0..3 {
                let id = format!("g{g}-t{t}-n{n}");
                assert!(history.calls.iter().any(|c| c.id == id), "{id} lost");
            }
        }
    }
}

#[test]
fn an_end_reported_by_another_process_ends_the_call_here() {
    let dir = tempfile::tempdir().unwrap();
    let service = Guard::open(Some(dir.path()), 1 << 20);
    let app = Guard::open(Some(dir.path()), 1 << 20);
    service.report_call_event(danger("wa-1"), NOW).unwrap();
    let during = app.advise_action(SensitiveAction::Transfer, Timestamp(NOW.0 + 60));
    assert_eq!(during.level, AdviceLevel::Hold);
    app.report_call_event(
        CallEvent::Answered {
            call: "wa-1".into(),
        },
        Timestamp(NOW.0 + 61),
    )
    .unwrap();
    service
        .report_call_event(
            CallEvent::Ended {
                call: "wa-1".into(),
            },
            Timestamp(NOW.0 + 120),
        )
        .unwrap();
    let after = app.advise_action(SensitiveAction::Transfer, Timestamp(NOW.0 + 180));
    assert_eq!(after.level, AdviceLevel::Confirm, "{after:?}");
    assert_eq!(after.reasons[0].code(), "recent_danger_call");
}

#[test]
fn a_history_that_cannot_be_saved_still_counts_in_this_process() {
    let dir = tempfile::tempdir().unwrap();
    // Whoever can write the directory put a folder where the file goes:
    // nothing can be saved (as root too, unlike a chmod).
    std::fs::create_dir(dir.path().join("session.json")).unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    let err = guard.report_call_event(danger("wa-1"), NOW).unwrap_err();
    assert!(matches!(err, GuardError::Storage(_)), "{err}");
    assert!(!err.to_string().contains("wa-1"));
    let advice = guard.advise_action(SensitiveAction::Credentials, Timestamp(NOW.0 + 5));
    assert_eq!(advice.level, AdviceLevel::Hold);
}

#[test]
fn a_damaged_or_hostile_history_reads_as_empty_and_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.json");
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    for bytes in [
        b"{\"format\":\"callguard.session/1\",\"calls\":[{\"id\":1}]}".to_vec(),
        vec![0xff; 100_000],
        br#"{"format":"callguard.session/1","calls":[],"shared_since":"x"}"#.to_vec(),
    ] {
        std::fs::write(&file, &bytes).unwrap();
        let advice = guard.advise_action(SensitiveAction::Transfer, NOW);
        assert_eq!(advice.level, AdviceLevel::Proceed);
        assert_eq!(std::fs::read(&file).unwrap(), bytes, "a reader wrote");
    }
    guard.report_call_event(danger("wa-1"), NOW).unwrap();
    let fresh = Guard::open(Some(dir.path()), 1 << 20);
    assert_eq!(fresh.call_history(NOW).calls.len(), 1);
}

#[test]
fn asking_for_advice_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    let before: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    for action in SensitiveAction::ALL {
        guard.advise_action(action, NOW);
    }
    let after: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after);
    assert!(!dir.path().join("session.json").exists());
}

#[test]
fn the_history_keeps_no_number_and_no_name() {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.report_call_event(danger("opaque-7"), NOW).unwrap();
    let text = std::fs::read_to_string(dir.path().join("session.json")).unwrap();
    let saved: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["format"], "callguard.session/1");
    let call = saved["calls"][0].as_object().unwrap();
    let mut keys: Vec<&str> = call.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["answered", "channel", "ended", "id", "reason", "seen", "started", "verdict"]
    );
}

/// Whoever can write the directory fills the history with calls dated at
/// the end of time: this process's own danger call still counts, and the
/// forged ones count as now at most (never a hold beyond the bound).
#[test]
fn a_history_full_of_calls_from_the_future_cannot_push_out_the_scammers_call() {
    let dir = tempfile::tempdir().unwrap();
    let calls: Vec<Value> = (0..32)
        .map(|i| {
            serde_json::json!({"id": format!("f{i}"), "verdict": "expected", "reason": "announced",
                "started": i64::MAX - 100 + i, "answered": null, "ended": null})
        })
        .collect();
    let forged =
        serde_json::json!({"format": "callguard.session/1", "calls": calls, "shared_since": null});
    std::fs::write(dir.path().join("session.json"), forged.to_string()).unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.report_call_event(danger("wa-1"), NOW).unwrap();
    let advice = guard.advise_action(SensitiveAction::Transfer, Timestamp(NOW.0 + 60));
    assert_eq!(advice.level, AdviceLevel::Hold, "{advice:?}");
    assert_eq!(advice.reasons[0].code(), "on_call_with_danger");
    assert!(advice.hold_until.unwrap().0 <= NOW.0 + 60 + 24 * 3600);
    // The saved file holds the danger call and only settled times.
    let saved: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("session.json")).unwrap()).unwrap();
    let saved = saved["calls"].as_array().unwrap();
    assert!(saved.iter().any(|c| c["id"] == "wa-1"));
    assert!(saved
        .iter()
        .all(|c| c["started"].as_i64().unwrap() <= NOW.0));
}

/// A messenger reuses a notification's key for the next call: another
/// process's record of the earlier call under that key (an unknown caller,
/// ended) must not swallow the scammer's call in either process.
#[test]
fn a_reused_call_id_across_two_processes_keeps_the_new_call() {
    let dir = tempfile::tempdir().unwrap();
    let a = Guard::open(Some(dir.path()), 1 << 20);
    let b = Guard::open(Some(dir.path()), 1 << 20);
    let key = "0|com.whatsapp|17|null|10123";
    let unknown = CallEvent::Screened {
        call: key.into(),
        verdict: callguard_core::screen::Verdict::Unknown,
        reason: callguard_core::screen::Reason::NotListed,
        channel: Some(callguard_core::Channel::Whatsapp),
    };
    b.report_call_event(unknown, Timestamp(NOW.0 - 7200))
        .unwrap();
    b.report_call_event(
        CallEvent::Ended { call: key.into() },
        Timestamp(NOW.0 - 7000),
    )
    .unwrap();
    a.report_call_event(danger(key), NOW).unwrap();
    // Another report from b (its own stale record merged in again).
    b.report_call_event(CallEvent::ScreenShared { on: false }, Timestamp(NOW.0 + 30))
        .unwrap();
    for guard in [&a, &b] {
        let advice = guard.advise_action(SensitiveAction::Transfer, Timestamp(NOW.0 + 60));
        assert_eq!(advice.level, AdviceLevel::Hold, "{advice:?}");
        assert_eq!(advice.reasons[0].code(), "on_call_with_danger");
    }
}
