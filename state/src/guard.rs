//! The Guard: trust anchors, the lists in force, and the state directory,
//! kept consistent. The bindings and the CLI both drive this one type.
//!
//! Invariants:
//! - a list is written to disk and put in force only after it verifies;
//! - it is written before it is put in force, so memory never runs ahead of disk;
//! - every failure leaves the previous list in force and on disk.

use crate::store::{StateDir, StoreError};
use callguard_core::accept::{accept_list, verify_signed_list, Prior};
use callguard_core::registry::{Registry, Snapshot};
use callguard_core::{ContactList, ListError, Timestamp, Trust, TrustError};
use std::sync::{Arc, Mutex, RwLock};

/// Everything the Guard can refuse, with full detail. The bindings map
/// this to their small public error in one place.
#[derive(Debug)]
pub enum GuardError {
    List(ListError),
    Trust(TrustError),
    Storage(String),
}

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GuardError::List(e) => e.fmt(f),
            GuardError::Trust(e) => e.fmt(f),
            GuardError::Storage(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for GuardError {}

impl From<ListError> for GuardError {
    fn from(e: ListError) -> Self {
        GuardError::List(e)
    }
}

impl From<StoreError> for GuardError {
    fn from(e: StoreError) -> Self {
        GuardError::Storage(e.to_string())
    }
}

pub struct Guard {
    trusts: RwLock<Vec<Arc<Trust>>>,
    registry: Registry,
    state: Option<StateDir>,
    max_list_bytes: u64,
    /// One list load at a time, so two loads cannot interleave disk and memory.
    loading: Mutex<()>,
}

impl Guard {
    pub fn new(state: Option<StateDir>, max_list_bytes: u64) -> Guard {
        Guard {
            trusts: RwLock::new(Vec::new()),
            registry: Registry::new(),
            state,
            max_list_bytes,
            loading: Mutex::new(()),
        }
    }

    /// Adds (or replaces) an issuer's trust. With a state directory, the
    /// list accepted earlier for that issuer is re-verified and put in
    /// force at once, even if it has expired since: an expired list may
    /// still warn, and screening knows never to vouch with it.
    pub fn add_trust(&self, json: &[u8]) -> Result<String, GuardError> {
        let trust = Arc::new(Trust::from_json(json).map_err(GuardError::Trust)?);
        let issuer = trust.issuer.clone();
        {
            let mut trusts = self.trusts.write().unwrap_or_else(|p| p.into_inner());
            trusts.retain(|t| t.issuer != issuer);
            trusts.push(trust.clone());
        }
        if let Some(state) = &self.state {
            let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
            match state.load(&issuer) {
                Ok(Some(stored)) => {
                    match verify_signed_list(&stored.jws, &trust, self.max_list_bytes) {
                        Ok(list) => {
                            let newer_in_memory = self
                                .registry
                                .get(&issuer)
                                .is_some_and(|l| l.version > list.list().version);
                            if !newer_in_memory {
                                self.registry.activate(&list);
                            }
                            log::info!(
                                "restored the stored list of an issuer (version {})",
                                list.list().version
                            );
                        }
                        Err(e) => log::warn!("stored list not restored: {}", e.code()),
                    }
                }
                Ok(None) => {}
                Err(e) => log::warn!("stored list not restored: {e}"),
            }
        }
        Ok(issuer)
    }

    /// Verifies a list from outside against the matching trust, the clock
    /// and the history; then stores it and puts it in force.
    pub fn load_list(&self, jws: &[u8], now: Timestamp) -> Result<Arc<ContactList>, GuardError> {
        let trusts = self
            .trusts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if trusts.is_empty() {
            return Err(GuardError::Trust(TrustError(
                "no trust file has been added".into(),
            )));
        }
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        let mut first_error: Option<ListError> = None;
        for trust in &trusts {
            let prior = self.prior(&trust.issuer)?;
            match accept_list(jws, trust, self.max_list_bytes, now, prior.as_ref()) {
                Ok(list) => {
                    if let Some(state) = &self.state {
                        state.save(&trust.issuer, jws, &list.prior()).map_err(|e| {
                            GuardError::Storage(format!("could not store the list: {}", e.kind()))
                        })?;
                    }
                    self.registry.activate(&list);
                    log::info!("list version {} in force", list.list().version);
                    return Ok(list.list().clone());
                }
                // With several banks loaded, "not this bank's key" is the least
                // informative answer; prefer any other trust's reason.
                Err(e) => {
                    if first_error
                        .as_ref()
                        .is_none_or(|f| f.code() == "unknown_key")
                    {
                        first_error = Some(e);
                    }
                }
            }
        }
        let error = first_error.expect("at least one trust was tried");
        log::warn!("list rejected: {}", error.code());
        Err(error.into())
    }

    /// The highest of what is in force and what is on disk for `issuer`.
    fn prior(&self, issuer: &str) -> Result<Option<Prior>, GuardError> {
        let in_memory = self.registry.get(issuer).map(|l| Prior {
            version: l.version,
            payload_digest: l.payload_digest,
        });
        let on_disk = match &self.state {
            Some(state) => match state.load(issuer) {
                Ok(stored) => stored.map(|s| s.prior),
                // A corrupt file gives no history; what is in memory still does.
                Err(StoreError::Corrupt(_)) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        Ok(match (in_memory, on_disk) {
            (Some(a), Some(b)) => Some(if a.version >= b.version { a } else { b }),
            (a, b) => a.or(b),
        })
    }

    /// The lists in force. Lock-free: safe on the screening hot path.
    pub fn snapshot(&self) -> Snapshot {
        self.registry.snapshot()
    }

    pub fn issuers(&self) -> Vec<String> {
        let trusts = self.trusts.read().unwrap_or_else(|p| p.into_inner());
        trusts.iter().map(|t| t.issuer.clone()).collect()
    }

    pub fn max_list_bytes(&self) -> u64 {
        self.max_list_bytes
    }

    pub fn state(&self) -> Option<&StateDir> {
        self.state.as_ref()
    }
}
