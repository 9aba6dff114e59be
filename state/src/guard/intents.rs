//! The Guard: the bank's call intents for this install.

use super::{Guard, GuardError};
use callguard_core::intent::{accept_intent, accept_stored_intent, CallIntent, IntentBook};
use callguard_core::Timestamp;
use std::sync::Arc;

impl Guard {
    /// Uses the app's own audience id instead of the random one. False (and
    /// nothing changes) when it is not 1–128 of `A-Z a-z 0-9 . _ : -`.
    pub fn set_intent_audience(&mut self, audience: &str) -> bool {
        let ok = (1..=128).contains(&audience.len())
            && audience
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b));
        if ok && self.audience != audience {
            self.audience = audience.to_string();
            // Intents addressed to the old audience are not this install's.
            *self.intents.get_mut().unwrap_or_else(|p| p.into_inner()) =
                Arc::new(IntentBook::new());
        }
        ok
    }

    /// This install's audience id: the bank app registers it with its
    /// backend, which addresses intents to it (`aud`).
    pub fn intent_audience(&self) -> &str {
        &self.audience
    }

    /// Verifies a call intent against the lists in force, this install and
    /// the clock, stores it (atomically) and puts it in force.
    pub fn receive_intent(
        &self,
        bytes: &[u8],
        now: Timestamp,
    ) -> Result<Arc<CallIntent>, GuardError> {
        let lists = self.snapshot();
        let intent =
            accept_intent(bytes, &lists, &self.audience, now).map_err(GuardError::Intent)?;
        let (issuer, id) = (intent.issuer.clone(), intent.id.clone());
        let mut current = self.intents.write().unwrap_or_else(|p| p.into_inner());
        let mut book = IntentBook::clone(&current);
        book.add(intent, now).map_err(GuardError::Intent)?;
        if let Some(state) = &self.state {
            let stored: Vec<&str> = book.all().iter().map(|i| i.jws.as_str()).collect();
            state
                .save_intents(&stored)
                .map_err(|e| GuardError::Storage(format!("intents not stored: {}", e.kind())))?;
        }
        *current = Arc::new(book);
        log::info!("call intent accepted");
        Ok(current
            .all()
            .iter()
            .find(|i| i.issuer == issuer && i.id == id)
            .cloned()
            .expect("just added"))
    }

    /// Intents valid now, for the app's "talking to you now" screen.
    pub fn active_intents(&self, now: Timestamp) -> Vec<Arc<CallIntent>> {
        self.intents().active(&self.snapshot(), now)
    }

    /// The intents in force, for screening.
    pub fn intents(&self) -> Arc<IntentBook> {
        self.intents
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Intents stored by an earlier run (or another process), verified
    /// again against the lists in force now; what no longer verifies stays
    /// out. Expired ones are purged at the next change and never match.
    pub(super) fn restore_intents(&self) {
        let Some(state) = &self.state else { return };
        let lists = self.snapshot();
        let mut current = self.intents.write().unwrap_or_else(|p| p.into_inner());
        let mut book = IntentBook::clone(&current);
        let mut restored = 0;
        for jws in state.load_intents() {
            if let Ok(intent) = accept_stored_intent(jws.as_bytes(), &lists, &self.audience) {
                if book.restore(intent).is_ok() {
                    restored += 1;
                }
            }
        }
        if restored > 0 {
            log::info!("restored {restored} stored call intents");
            *current = Arc::new(book);
        }
    }
}
