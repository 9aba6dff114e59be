//! The calls the platform glue reported: a short, bounded, local history.
//!
//! Only what the advice needs is kept: the call's opaque id (the glue's,
//! never a number), its screening verdict, reason and channel if the SDK
//! screened it, and when it started, was last seen going on, was answered
//! and ended. Calls are forgotten a day after they ended.
//!
//! The times are the phone's wall clock, which the customer — told what to
//! do by the caller — can move. The readings that keep a moved clock from
//! ending a call early or holding a customer for ever:
//! - a call lasts until its end is reported, or `MAX_CALL_SECONDS` after
//!   it was last *seen* going on (the glue reports the calls it sees again
//!   whenever advice is asked), so a clock moved forward ends nothing the
//!   phone still shows;
//! - a call never ends before it started or was last seen (a clock moved
//!   back while it went on);
//! - a time after now (a clock that was ahead, then put right) counts as
//!   now when advice is asked; the next call the glue reports (`screened`,
//!   `active`, `answered`: a call seen now) saves the other calls settled
//!   so, and their windows run from there. Only those: an end or an
//!   `idle` comes at hang-up, when a scammer may have had the clock moved
//!   back, and settling to it would end the call's recent window early.
//!
//! What a wall clock cannot tell apart: a clock that *was* ahead from one
//! that *is* behind. Until the next call is reported, a call recorded
//! with the clock ahead counts as just over (its recent window, not a
//! hold of a call going on, lasts as long as the clock was ahead); a new
//! call reported while the clock is moved back settles the earlier ones
//! to it. A boot-relative monotonic time per event would close both
//! (docs/in-call-protection.md).
//!
//! When the history is full the least useful record goes: a call that is
//! still on or was flagged as danger is the last to go, so a flood of
//! short calls cannot push the scammer's call out.

use crate::model::Channel;
use crate::screen::{Reason, Verdict};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// Calls kept, at most.
pub const MAX_CALLS: usize = 32;
/// A call id's length, at most (bytes); longer ids are cut.
pub const MAX_CALL_ID: usize = 64;
/// How long a call is remembered after it ended.
pub const KEEP_SECONDS: i64 = 24 * 3600;
/// A call whose end was never reported (the app died) ends this long after
/// it was last seen going on.
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
    /// `CXCallObserver`, Android's audio mode), or a call already reported
    /// is seen going on still.
    Active {
        call: String,
    },
    Answered {
        call: String,
    },
    Ended {
        call: String,
    },
    /// The glue knows that no call is going on now (Android's audio mode
    /// back to normal, CallKit without a call): every call still open ended.
    Idle,
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
    /// When the glue last reported the call going on.
    #[serde(default)]
    pub seen: Option<i64>,
    pub answered: Option<i64>,
    pub ended: Option<i64>,
}

impl CallRecord {
    /// The last time the call was known to be going on.
    fn last_seen(&self) -> i64 {
        self.started
            .max(self.seen.unwrap_or(i64::MIN))
            .max(self.answered.unwrap_or(i64::MIN))
    }

    /// When the call ended, or counts as ended: never before it was last
    /// seen going on.
    pub fn end(&self) -> i64 {
        match self.ended {
            Some(ended) => ended.max(self.last_seen()),
            None => self.last_seen().saturating_add(MAX_CALL_SECONDS),
        }
    }

    pub fn is_on(&self, now: Timestamp) -> bool {
        self.ended.is_none() && now.0 < self.end()
    }

    /// Screened as a fake or as reported fraud.
    pub fn is_danger(&self) -> bool {
        matches!(
            (self.verdict.as_deref(), self.reason.as_deref()),
            (Some("spoofed" | "impersonation"), _) | (Some("reported"), Some("reported_fraud"))
        )
    }

    /// How much the record is worth keeping when the history is full:
    /// danger first, then a call still open, then the latest.
    fn worth(&self) -> (bool, bool, i64) {
        (self.is_danger(), self.ended.is_none(), self.end())
    }

    /// Times after `now` count as `now` (a clock that was ahead).
    fn settle(&mut self, now: i64) {
        self.started = self.started.min(now);
        for time in [&mut self.seen, &mut self.answered, &mut self.ended] {
            *time = time.map(|t| t.min(now));
        }
    }
}

/// The history, as saved (`to_bytes`) and restored (`from_bytes`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub calls: Vec<CallRecord>,
    /// Since when the screen is shared or recorded, if it is.
    pub shared_since: Option<i64>,
    /// How many sharing reports came before (the later report wins when
    /// two histories merge: a count, not the wall clock, which may move).
    #[serde(default)]
    pub shared_reports: u64,
}

const FORMAT: &str = "callguard.session/1";

#[derive(Serialize, Deserialize)]
struct Saved {
    format: String,
    #[serde(flatten)]
    session: Session,
}

impl Session {
    /// Records what the glue reported at `at`, then settles and purges
    /// the others (`purge`); the calls the event is about stay as reported.
    pub fn record(&mut self, event: CallEvent, at: Timestamp) {
        // A call seen now settles the others; an end, an idle or a sharing
        // report settles nothing (see the module's doc).
        let seen_now = match &event {
            CallEvent::Screened { call, .. }
            | CallEvent::Active { call }
            | CallEvent::Answered { call } => Some(clean_id(call)),
            CallEvent::Ended { .. } | CallEvent::Idle | CallEvent::ScreenShared { .. } => None,
        };
        self.apply(event, at);
        if let Some(call) = seen_now {
            self.settle(at, &[call]);
        }
        self.forget(at);
    }

    fn apply(&mut self, event: CallEvent, at: Timestamp) {
        match event {
            CallEvent::Screened {
                call,
                verdict,
                reason,
                channel,
            } => {
                let record = self.open_call(&call, at);
                record.verdict = Some(verdict.name().to_string());
                record.reason = Some(reason.code().to_string());
                record.channel = channel.map(|c| c.name().to_string());
            }
            CallEvent::Active { call } => {
                self.open_call(&call, at);
            }
            CallEvent::Answered { call } => {
                let record = self.call(&call, at);
                record.answered = record.answered.or(Some(at.0));
            }
            CallEvent::Ended { call } => {
                let record = self.call(&call, at);
                record.ended = record.ended.or(Some(at.0));
            }
            CallEvent::Idle => {
                for record in self.calls.iter_mut().filter(|c| c.ended.is_none()) {
                    record.ended = Some(at.0);
                }
            }
            CallEvent::ScreenShared { on } => {
                self.shared_since = if on {
                    self.shared_since.or(Some(at.0))
                } else {
                    None
                };
                self.shared_reports = self.shared_reports.saturating_add(1);
            }
        }
    }

    /// The open record of `call`, seen now. A call that ended under this
    /// id is a past call: a messenger reuses its notification's key for
    /// the next call, so the id starts a new record and the old one keeps
    /// its screening under a retired id.
    fn open_call(&mut self, call: &str, at: Timestamp) -> &mut CallRecord {
        let id = clean_id(call);
        if let Some(old) = self.calls.iter_mut().find(|c| c.id == id) {
            if old.ended.is_some() {
                old.id = retired(&old.id, old.end());
            }
        }
        let record = self.call(&id, at);
        record.seen = Some(record.seen.map_or(at.0, |s| s.max(at.0)));
        record
    }

    /// The record of `call`, made if it is new.
    fn call(&mut self, call: &str, at: Timestamp) -> &mut CallRecord {
        let id = clean_id(call);
        let index = match self.calls.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                self.calls.push(CallRecord {
                    id,
                    verdict: None,
                    reason: None,
                    channel: None,
                    started: at.0,
                    seen: None,
                    answered: None,
                    ended: None,
                });
                if self.calls.len() > MAX_CALLS {
                    // Never the record just made: it is the event's.
                    let last = self.calls.len() - 1;
                    self.drop_least_worth(last);
                }
                self.calls.len() - 1
            }
        };
        &mut self.calls[index]
    }

    /// Drops the record least worth keeping, other than `keep`.
    fn drop_least_worth(&mut self, keep: usize) {
        if let Some(i) = (0..self.calls.len())
            .filter(|&i| i != keep)
            .min_by_key(|&i| self.calls[i].worth())
        {
            self.calls.remove(i);
        }
    }

    /// Settles times after `now` to `now` (a clock that was ahead) and
    /// forgets the calls that ended more than `KEEP_SECONDS` before it.
    pub fn purge(&mut self, now: Timestamp) {
        self.settle(now, &[]);
        self.forget(now);
    }

    fn settle(&mut self, now: Timestamp, except: &[String]) {
        for record in self.calls.iter_mut().filter(|c| !except.contains(&c.id)) {
            record.settle(now.0);
        }
        self.shared_since = self.shared_since.map(|t| t.min(now.0));
    }

    fn forget(&mut self, now: Timestamp) {
        self.calls
            .retain(|c| now.0.saturating_sub(c.end()) <= KEEP_SECONDS);
    }

    /// Takes in what `other` knows (the history another process saved,
    /// or this process's own when a save failed): every call of either,
    /// each with the screening one of them has, the earliest start and
    /// answer and the latest sighting and end; the sharing state of the
    /// one with more sharing reports. Bounded as `record` is.
    pub fn merge(&mut self, other: &Session) {
        for theirs in &other.calls {
            let same = self.calls.iter().position(|c| c.id == theirs.id);
            match same {
                None => self.calls.push(theirs.clone()),
                // One id, two calls: one started after the other ended (a
                // messenger reused its key). The earlier is retired, as
                // `open_call` does.
                Some(i) if distinct(&self.calls[i], theirs) => {
                    let mut later = theirs.clone();
                    let earlier = if self.calls[i].started <= theirs.started {
                        &mut self.calls[i]
                    } else {
                        std::mem::swap(&mut self.calls[i], &mut later);
                        &mut self.calls[i]
                    };
                    earlier.id = retired(&earlier.id, earlier.end());
                    self.calls.push(later);
                }
                Some(i) => combine(&mut self.calls[i], theirs),
            }
        }
        // A call retired here and in the other history too: one record.
        let mut i = 0;
        while i < self.calls.len() {
            let twin = (0..i).find(|&j| {
                self.calls[j].id == self.calls[i].id && !distinct(&self.calls[j], &self.calls[i])
            });
            match twin {
                Some(j) => {
                    let twin = self.calls.remove(i);
                    combine(&mut self.calls[j], &twin);
                }
                None => i += 1,
            }
        }
        while self.calls.len() > MAX_CALLS {
            self.drop_least_worth(usize::MAX);
        }
        if other.shared_reports > self.shared_reports {
            self.shared_since = other.shared_since;
            self.shared_reports = other.shared_reports;
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

/// Two records of one call, as one: the screening that flags the call wins
/// over one that does not (two processes screened it with other lists);
/// the earliest start and answer, the latest sighting and end.
fn combine(ours: &mut CallRecord, theirs: &CallRecord) {
    if ours.verdict.is_none() || (theirs.is_danger() && !ours.is_danger()) {
        ours.verdict.clone_from(&theirs.verdict);
        ours.reason.clone_from(&theirs.reason);
        ours.channel.clone_from(&theirs.channel);
    }
    ours.started = ours.started.min(theirs.started);
    ours.seen = ours.seen.max(theirs.seen);
    ours.answered = earliest(ours.answered, theirs.answered);
    ours.ended = ours.ended.max(theirs.ended);
}

/// Two records of one id are two calls when one started after the other
/// had ended.
fn distinct(a: &CallRecord, b: &CallRecord) -> bool {
    (a.ended.is_some() && b.started > a.end()) || (b.ended.is_some() && a.started > b.end())
}

fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The glue's id as kept: at most `MAX_CALL_ID` bytes, without control
/// characters (a retired id carries one, so no glue id can match it).
fn clean_id(call: &str) -> String {
    let clean: String = call.chars().filter(|c| !c.is_control()).collect();
    cut(&clean, MAX_CALL_ID).to_string()
}

/// The id a past call keeps when its id starts a new call: unique by its
/// end, the same in every process that merges it.
fn retired(id: &str, end: i64) -> String {
    let suffix = format!("\u{1}{end}");
    format!("{}{suffix}", cut(id, MAX_CALL_ID - suffix.len()))
}

/// At most `max` bytes of `text`, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
