//! Feeds arbitrary bytes to everything in-call protection reads from
//! outside: a saved history (whoever can write the state directory), a
//! bank's `action_policy` and a CLI timeline's events. None may panic, and
//! no advice may hold beyond its bound (docs/in-call-protection.md).
#![no_main]

use callguard_core::session::{
    advise, event_from_json, ActionPolicy, AdviceLevel, SensitiveAction, Session,
};
use callguard_core::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut session = Session::from_bytes(data);
    let value: Option<serde_json::Value> = serde_json::from_slice(data).ok();
    let policy = value
        .as_ref()
        .and_then(|v| ActionPolicy::from_json(v).ok())
        .unwrap_or_default();
    if let Some(event) = value.as_ref().and_then(|v| event_from_json(v, "event").ok()) {
        session.record(event, Timestamp(1_796_119_200));
    }
    for now in [i64::MIN, -1, 0, 1_796_119_200, i64::MAX] {
        let now = Timestamp(now);
        session.purge(now);
        for action in SensitiveAction::ALL {
            let advice = advise(&session, &policy, action, now);
            if advice.level == AdviceLevel::Hold {
                let until = advice.hold_until.expect("a hold says until when").0;
                assert!(until <= now.0.saturating_add(24 * 3600), "a hold past its bound");
            }
        }
    }
});
