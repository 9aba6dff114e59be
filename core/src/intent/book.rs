//! The intents in force on this phone. Bounded: at most
//! `MAX_LIVE_PER_ISSUER` live intents per issuer, expired ones purged on
//! every change; an intent id is used once while it is live (the same id
//! saying something else is a replay and refused; the same claims again,
//! however signed, are the same intent, and the newer copy is kept).

use super::accept::still_valid;
use super::{CallIntent, IntentError, CLOCK_SKEW_SECS, MAX_LIVE_PER_ISSUER};
use crate::list::ContactList;
use crate::model::Channel;
use crate::timestamp::Timestamp;
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct IntentBook {
    intents: Vec<Arc<CallIntent>>,
}

/// What adding an accepted intent did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    New,
    /// The very same intent again (a push delivered twice): nothing changed.
    Duplicate,
}

impl IntentBook {
    pub fn new() -> IntentBook {
        IntentBook::default()
    }

    /// Adds an intent `accept_intent` accepted.
    pub fn add(&mut self, intent: CallIntent, now: Timestamp) -> Result<Received, IntentError> {
        self.purge(now);
        if let Some(known) = self
            .intents
            .iter()
            .find(|i| i.issuer == intent.issuer && i.id == intent.id)
        {
            if known.digest != intent.digest {
                return Err(IntentError::Replayed);
            }
            // The same intent again: the copy just accepted is kept, so a
            // retry signed by a key still delegated replaces one whose key a
            // newer list has revoked since (it would no longer match a call).
            let fresh = Arc::new(intent);
            if let Some(held) = self
                .intents
                .iter_mut()
                .find(|i| i.issuer == fresh.issuer && i.id == fresh.id)
            {
                *held = fresh;
            }
            return Ok(Received::Duplicate);
        }
        let live = self
            .intents
            .iter()
            .filter(|i| i.issuer == intent.issuer)
            .count();
        if live >= MAX_LIVE_PER_ISSUER {
            return Err(IntentError::TooMany);
        }
        self.intents.push(Arc::new(intent));
        Ok(Received::New)
    }

    /// Adds an intent read back from the state directory and verified
    /// again (`accept_stored_intent`): the same rules as `add`, but the
    /// clock is not consulted (an expired one never matches a call).
    pub fn restore(&mut self, intent: CallIntent) -> Result<Received, IntentError> {
        self.add(intent, Timestamp(i64::MIN + CLOCK_SKEW_SECS))
    }

    /// Drops what has expired (past `exp` plus the skew). Ids of expired
    /// intents are forgotten with them: an expired intent can never match
    /// a call again, whatever comes with its id.
    pub fn purge(&mut self, now: Timestamp) {
        self.intents
            .retain(|i| now.0.saturating_sub(CLOCK_SKEW_SECS) <= i.expires_at.0);
    }

    /// Intents valid now against the lists in force, for the app's
    /// "talking to you now" screen.
    pub fn active(&self, lists: &[Arc<ContactList>], now: Timestamp) -> Vec<Arc<CallIntent>> {
        self.intents
            .iter()
            .filter(|i| still_valid(i, lists, now))
            .cloned()
            .collect()
    }

    /// The intent announcing a call from `number` over `channel` by `issuer` now.
    pub fn matching(
        &self,
        issuer: &str,
        number: u64,
        channel: Channel,
        lists: &[Arc<ContactList>],
        now: Timestamp,
    ) -> Option<&CallIntent> {
        self.intents.iter().map(Arc::as_ref).find(|i| {
            i.issuer == issuer
                && i.from == number
                && i.channel == channel
                && still_valid(i, lists, now)
        })
    }

    pub fn all(&self) -> &[Arc<CallIntent>] {
        &self.intents
    }

    pub fn len(&self) -> usize {
        self.intents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.intents.is_empty()
    }
}
