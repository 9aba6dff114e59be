//! In-call protection: the events the platform glue reports, kept in the
//! history (memory and the state directory), and the advice for a risky
//! action under the banks' signed policies.
//!
//! Two processes may report at once (a screening service and the app, or
//! an app and a CLI on one directory): a report takes the directory's
//! writer lock, reads the saved history, adds its event and saves, so no
//! report overwrites another's. This process's own history is kept in
//! memory as well and merged into what is read: a save that failed (a
//! full disk, a read-only directory) loses no event for this process's
//! advice. Asking for advice never writes.

use super::{Guard, GuardError};
use crate::lock::lock_for_writing;
use callguard_core::session::{advise, ActionPolicy, Advice, CallEvent, SensitiveAction, Session};
use callguard_core::Timestamp;

impl Guard {
    /// Records what the glue reported, at `now`. The event always counts
    /// for this process; `Storage` when it could not be saved for others
    /// (and for after a restart).
    pub fn report_call_event(&self, event: CallEvent, now: Timestamp) -> Result<(), GuardError> {
        let mut mine = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        let Some(state) = &self.state else {
            mine.record(event, now);
            return match &self.state_error {
                Some(e) => Err(GuardError::Storage(format!("call history not saved: {e}"))),
                None => Ok(()),
            };
        };
        // Under the lock: what the others saved first, then this event on
        // top of it (its sharing report counts after theirs), then saved.
        let lock = lock_for_writing(state.root());
        if lock.is_ok() {
            mine.merge(&state.load_session());
        }
        mine.record(event, now);
        let saved = lock.and_then(|_lock| state.save_session(&mine));
        saved.map_err(|e| {
            log::warn!("call history not saved: {}", e.kind());
            GuardError::Storage(format!("call history not saved: {}", e.kind()))
        })
    }

    /// The history as this process knows it at `now`: the saved one with
    /// this process's own merged in. Never writes.
    pub fn call_history(&self, now: Timestamp) -> Session {
        let mine = self.calls.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut all = match &self.state {
            Some(state) => state.load_session(),
            None => Session::default(),
        };
        all.merge(&mine);
        all.purge(now);
        all
    }

    /// The policy in force: every held list's `action_policy` (or the
    /// SDK's default for a list without one), the strictest of them.
    pub fn action_policy(&self) -> ActionPolicy {
        let lists = self.snapshot();
        let default = ActionPolicy::default();
        ActionPolicy::strictest(
            lists
                .iter()
                .map(|list| list.action_policy.as_ref().unwrap_or(&default)),
        )
    }

    /// The advice for `action` at `now`.
    pub fn advise_action(&self, action: SensitiveAction, now: Timestamp) -> Advice {
        advise(&self.call_history(now), &self.action_policy(), action, now)
    }
}
