//! The calls the platform glue reported: a short, bounded, local history.
//!
//! Only what the advice needs is kept: the call's opaque id (the glue's,
//! never a number), its screening verdict and reason if the SDK screened
//! it, and when it started, was answered and ended. Calls are forgotten a
//! day after they ended; a call whose end was never reported counts as
//! ended `MAX_CALL_SECONDS` after it started.

use crate::model::Channel;
use crate::screen::{Reason, Verdict};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// Calls kept, at most: the oldest go first.
pub const MAX_CALLS: usize = 32;
/// A call id's length, at most (bytes); longer ids are cut.
pub const MAX_CALL_ID: usize = 64;
/// How long a call is remembered after it ended.
pub const KEEP_SECONDS: i64 = 24 * 3600;
/// A call whose end was never reported (the app died) ends this long after
/// it started.
pub const MAX_CALL_SECONDS: i64 = 4 * 3600;

/// What the glue reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallEvent {
    /// A call the SDK screened rings (or is dialled), with its screening
    /// and the channel it came on (for the words: "on WhatsApp").
    Screened {
        call: String,
        verdict: Verdict,
        reason: Reason,
        channel: Option<Channel>,
    },
    /// A call is going on whose caller the SDK does not know (iOS
    /// `CXCallObserver`, Android's audio mode, a messenger notification
    /// without a screening).
    Active {
        call: String,
    },
    Answered {
        call: String,
    },
    Ended {
        call: String,
    },
    /// The screen is being shared or recorded, or no longer is.
    ScreenShared {
        on: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRecord {
    pub id: String,
    /// The screening, by its stable names; `None` for an unknown caller.
    pub verdict: Option<String>,
    pub reason: Option<String>,
    /// The channel of a screened call, by its stable name.
    #[serde(default)]
    pub channel: Option<String>,
    pub started: i64,
    pub answered: Option<i64>,
    pub ended: Option<i64>,
}

impl CallRecord {
    /// When the call ended, or counts as ended.
    pub fn end(&self) -> i64 {
        self.ended
            .unwrap_or(self.started.saturating_add(MAX_CALL_SECONDS))
    }

    pub fn is_on(&self, now: Timestamp) -> bool {
        self.ended.is_none() && now.0 < self.end()
    }
}

/// The history, as saved (`to_bytes`) and restored (`from_bytes`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub calls: Vec<CallRecord>,
    /// Since when the screen is shared or recorded, if it is.
    pub shared_since: Option<i64>,
    /// When sharing was last reported on or off (to merge two histories:
    /// the later report wins).
    #[serde(default)]
    pub shared_reported: Option<i64>,
}

const FORMAT: &str = "callguard.session/1";

#[derive(Serialize, Deserialize)]
struct Saved {
    format: String,
    #[serde(flatten)]
    session: Session,
}

impl Session {
    /// Records what the glue reported at `at`.
    pub fn record(&mut self, event: CallEvent, at: Timestamp) {
        match event {
            CallEvent::Screened {
                call,
                verdict,
                reason,
                channel,
            } => {
                let record = self.call(&call, at);
                record.verdict = Some(verdict.name().to_string());
                record.reason = Some(reason.code().to_string());
                record.channel = channel.map(|c| c.name().to_string());
            }
            CallEvent::Active { call } => {
                self.call(&call, at);
            }
            CallEvent::Answered { call } => self.call(&call, at).answered = Some(at.0),
            CallEvent::Ended { call } => self.call(&call, at).ended = Some(at.0),
            CallEvent::ScreenShared { on } => {
                self.shared_since = if on {
                    self.shared_since.or(Some(at.0))
                } else {
                    None
                };
                self.shared_reported = Some(at.0);
            }
        }
    }

    /// The record of `call`, made if it is new (the oldest dropped past
    /// `MAX_CALLS`).
    fn call(&mut self, call: &str, at: Timestamp) -> &mut CallRecord {
        let id = cut(call, MAX_CALL_ID);
        let at_index = match self.calls.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                if self.calls.len() >= MAX_CALLS {
                    self.calls.remove(0);
                }
                self.calls.push(CallRecord {
                    id: id.to_string(),
                    verdict: None,
                    reason: None,
                    channel: None,
                    started: at.0,
                    answered: None,
                    ended: None,
                });
                self.calls.len() - 1
            }
        };
        &mut self.calls[at_index]
    }

    /// Forgets the calls that ended more than `KEEP_SECONDS` before `now`.
    pub fn purge(&mut self, now: Timestamp) {
        self.calls
            .retain(|c| now.0.saturating_sub(c.end()) <= KEEP_SECONDS);
    }

    /// Takes in what `other` knows (the history another process saved,
    /// or this process's own when a save failed): every call of either,
    /// each with the screening one of them has, the earliest start and
    /// answer and the latest end; the later sharing report. Bounded as
    /// `record` is (the calls started last kept).
    pub fn merge(&mut self, other: &Session) {
        for theirs in &other.calls {
            match self.calls.iter_mut().find(|c| c.id == theirs.id) {
                None => self.calls.push(theirs.clone()),
                Some(ours) => {
                    if ours.verdict.is_none() {
                        ours.verdict.clone_from(&theirs.verdict);
                        ours.reason.clone_from(&theirs.reason);
                        ours.channel.clone_from(&theirs.channel);
                    }
                    ours.started = ours.started.min(theirs.started);
                    ours.answered = earliest(ours.answered, theirs.answered);
                    ours.ended = ours.ended.max(theirs.ended);
                }
            }
        }
        self.calls.sort_by_key(|c| c.started);
        let over = self.calls.len().saturating_sub(MAX_CALLS);
        self.calls.drain(..over);
        if other.shared_reported > self.shared_reported {
            self.shared_since = other.shared_since;
            self.shared_reported = other.shared_reported;
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let saved = Saved {
            format: FORMAT.to_string(),
            session: self.clone(),
        };
        serde_json::to_vec(&saved).unwrap_or_default()
    }

    /// A saved history; anything damaged, of another format or over the
    /// bounds reads as an empty one (a history is advice, never a reason
    /// to fail).
    pub fn from_bytes(bytes: &[u8]) -> Session {
        let Ok(saved) = serde_json::from_slice::<Saved>(bytes) else {
            return Session::default();
        };
        let session = saved.session;
        let sane = saved.format == FORMAT
            && session.calls.len() <= MAX_CALLS
            && session.calls.iter().all(|c| c.id.len() <= MAX_CALL_ID);
        if sane {
            session
        } else {
            Session::default()
        }
    }
}

/// At most `max` bytes of `text`, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
