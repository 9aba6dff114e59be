//! The Guard: trust anchors, the lists in force, and the state directory,
//! kept consistent. The bindings and the CLI both drive this one type.
//!
//! Invariants:
//! - a list is written to disk and put in force only after it verifies;
//! - it is written before it is put in force, so memory never runs ahead of disk;
//! - every failure leaves the previous list in force and on disk.

mod calls;
mod error;
mod feeds;
mod intents;
mod lists;
#[cfg(test)]
mod tests;
mod trust;

pub use error::GuardError;

use crate::feeds_in_force::FeedsInForce;
use crate::store::StateDir;
use callguard_core::intent::{new_audience_id, IntentBook};
use callguard_core::registry::{Registry, Snapshot};
use callguard_core::Trust;
use std::sync::{Arc, Mutex, RwLock};

pub struct Guard {
    trusts: RwLock<Vec<Arc<Trust>>>,
    registry: Registry,
    state: Option<StateDir>,
    /// Set when a state directory was asked for but could not be opened:
    /// loads then fail with `Storage` instead of silently not persisting.
    state_error: Option<String>,
    max_list_bytes: u64,
    /// One list load at a time, so two loads cannot interleave disk and memory.
    loading: Mutex<()>,
    /// The call intents received, swapped whole on change (screening reads
    /// a snapshot without waiting).
    intents: RwLock<Arc<IntentBook>>,
    /// This install's audience id (persisted with a state directory).
    audience: String,
    /// Each issuer's feed of reported numbers (feeds_in_force.rs).
    feeds: Arc<FeedsInForce>,
    /// The calls this process reported (calls.rs), merged with the saved history.
    calls: Mutex<callguard_core::session::Session>,
}

impl Guard {
    pub fn new(state: Option<StateDir>, max_list_bytes: u64) -> Guard {
        let audience = state
            .as_ref()
            .map(|s| s.audience())
            .unwrap_or_else(|| new_audience_id().map_err(std::io::Error::other))
            .unwrap_or_else(|e| {
                // Without randomness or a writable directory no intent can
                // match this install: calls are then screened as without intents.
                log::error!("no audience id for call intents: {}", e.kind());
                String::new()
            });
        Guard {
            feeds: Arc::new(FeedsInForce::new(state.as_ref().map(|s| s.root()))),
            intents: RwLock::new(Arc::new(IntentBook::new())),
            audience,
            trusts: RwLock::new(Vec::new()),
            registry: Registry::new(),
            // Whatever this Guard accepts, it must be able to read back.
            state: state.map(|s| s.with_max_list_bytes(max_list_bytes)),
            state_error: None,
            max_list_bytes,
            loading: Mutex::new(()),
            calls: Mutex::default(),
        }
    }

    /// A Guard persisting to `dir` (created if needed). If it cannot be
    /// opened the Guard still screens, but every load fails with `Storage`.
    pub fn open(dir: Option<&std::path::Path>, max_list_bytes: u64) -> Guard {
        match dir.map(StateDir::open) {
            None => Guard::new(None, max_list_bytes),
            Some(Ok(state)) => Guard::new(Some(state), max_list_bytes),
            Some(Err(e)) => {
                log::error!("state directory unusable: {}", e.kind());
                Guard {
                    state_error: Some(format!("state directory unusable: {}", e.kind())),
                    ..Guard::new(None, max_list_bytes)
                }
            }
        }
    }

    /// The lists in force. Lock-free: safe on the screening hot path.
    pub fn snapshot(&self) -> Snapshot {
        self.registry.snapshot()
    }

    pub fn max_list_bytes(&self) -> u64 {
        self.max_list_bytes
    }

    pub fn state(&self) -> Option<&StateDir> {
        self.state.as_ref()
    }
}
