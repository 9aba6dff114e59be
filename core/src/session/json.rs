//! The in-call events and advice as JSON: the CLI's `advise` timelines,
//! the shared vectors (`tests/vectors/in-call.json`) and the docs use one
//! form, parsed here once.
//!
//! An event is an object with one member, its kind:
//! `{"screened": {"call": "wa-1", "verdict": "impersonation", "reason": "claims_authority", "channel": "whatsapp"}}`
//! (`channel` optional),
//! `{"active": {"call": "c"}}`, `{"answered": …}`, `{"ended": …}`,
//! `{"idle": {}}` (no call is on), `{"screen_shared": {"on": true}}`.

use super::advise::{words, Advice};
use super::history::CallEvent;
use crate::copy::{Catalogue, Lang};
use crate::screen::{Reason, Verdict};
use crate::timestamp::Timestamp;
use serde_json::{json, Value};

/// An event that is not one: where, and what was wrong (never the value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventError {
    pub path: String,
    pub what: &'static str,
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.what)
    }
}

/// `value` as an event; `path` names it in errors.
pub fn event_from_json(value: &Value, path: &str) -> Result<CallEvent, EventError> {
    let err = |at: &str, what| EventError {
        path: format!("{path}{at}"),
        what,
    };
    let object = value
        .as_object()
        .filter(|o| o.len() == 1)
        .ok_or_else(|| err("", "not an object with one member, the event's kind"))?;
    let (kind, body) = object.iter().next().ok_or_else(|| err("", "empty"))?;
    let body = body
        .as_object()
        .ok_or_else(|| err(&format!(".{kind}"), "not an object"))?;
    let text = |field: &str| -> Result<String, EventError> {
        body.get(field)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| err(&format!(".{kind}.{field}"), "missing or not a string"))
    };
    Ok(match kind.as_str() {
        "screened" => CallEvent::Screened {
            call: text("call")?,
            verdict: Verdict::from_name(&text("verdict")?)
                .ok_or_else(|| err(".screened.verdict", "not a verdict"))?,
            reason: Reason::from_code(&text("reason")?)
                .ok_or_else(|| err(".screened.reason", "not a reason"))?,
            channel: match body.get("channel") {
                None => None,
                Some(name) => Some(
                    name.as_str()
                        .and_then(crate::model::Channel::from_name)
                        .ok_or_else(|| err(".screened.channel", "not a channel"))?,
                ),
            },
        },
        "active" => CallEvent::Active {
            call: text("call")?,
        },
        "answered" => CallEvent::Answered {
            call: text("call")?,
        },
        "ended" => CallEvent::Ended {
            call: text("call")?,
        },
        "idle" => CallEvent::Idle,
        "screen_shared" => CallEvent::ScreenShared {
            on: body
                .get("on")
                .and_then(Value::as_bool)
                .ok_or_else(|| err(".screen_shared.on", "missing or not true or false"))?,
        },
        _ => return Err(err("", "not a known event")),
    })
}

/// An advice as JSON, with its words in `lang` (`title`, `body`: null
/// when nothing applies).
pub fn advice_to_json(advice: &Advice, now: Timestamp, lang: Lang, copy: &Catalogue) -> Value {
    let worded = words(advice, now, lang, copy);
    json!({
        "level": advice.level.name(),
        "reasons": advice.reasons.iter().map(|r| r.code()).collect::<Vec<_>>(),
        "hold_until": advice.hold_until.map(Timestamp::to_rfc3339),
        "title": worded.as_ref().map(|(t, _)| t),
        "body": worded.as_ref().map(|(_, b)| b),
    })
}
