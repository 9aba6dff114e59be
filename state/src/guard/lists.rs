//! The Guard: a list loaded (verified, stored, then put in force), and the versions held.

use super::{Guard, GuardError};
use crate::store::SaveError;
use callguard_core::accept::{accept_list, verify_signed_list, Prior};
use callguard_core::{ContactList, ListError, Timestamp, TrustError};
use std::collections::HashMap;
use std::sync::Arc;

impl Guard {
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
        if let Some(error) = &self.state_error {
            return Err(GuardError::Storage(error.clone()));
        }
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        let mut first_error: Option<ListError> = None;
        for trust in &trusts {
            let prior = self.prior(&trust.issuer)?;
            match accept_list(jws, trust, self.max_list_bytes, now, prior.as_ref()) {
                Ok(list) => {
                    if let Some(state) = &self.state {
                        state
                            .save(&trust.issuer, jws, &list.prior())
                            .map_err(|e| match e {
                                // Another process stored a newer list meanwhile.
                                SaveError::Refused(e) => {
                                    log::warn!("list rejected: {}", e.code());
                                    GuardError::List(e)
                                }
                                SaveError::Io(e) => GuardError::Storage(format!(
                                    "could not store the list: {}",
                                    e.kind()
                                )),
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

    /// The highest of what is in force and what the state directory
    /// proves for `issuer` (`StateDir::highest`: a damaged list file does
    /// not erase the history).
    pub(super) fn prior(&self, issuer: &str) -> Result<Option<Prior>, GuardError> {
        let in_memory = self.registry.get(issuer).map(|l| Prior {
            version: l.version,
            payload_digest: l.payload_digest,
        });
        let on_disk = match &self.state {
            Some(state) => state.highest(issuer)?,
            None => None,
        };
        Ok(match (in_memory, on_disk) {
            (Some(a), Some(b)) => Some(if a.version >= b.version { a } else { b }),
            (a, b) => a.or(b),
        })
    }

    /// The list in force for `issuer` before the current one, re-verified
    /// with today's trust; `None` when unknown (no state directory, first list).
    pub fn previous_list(&self, issuer: &str) -> Option<Arc<ContactList>> {
        let trust = self.trust_of(issuer)?;
        let stored = self.state.as_ref()?.load_previous(issuer).ok()??;
        let list = verify_signed_list(&stored.jws, &trust, self.max_list_bytes).ok()?;
        Some(list.list().clone())
    }

    /// The lists as they were at `applied` versions (issuer → version), to
    /// diff against the lists in force: each is the current list or the one
    /// before it. `None` when that cannot be known exactly, so the caller
    /// reloads in full: an issuer added or gone, a version older than the
    /// previous one, or a list in force that has expired (its entries
    /// changed with time, not with a version).
    pub fn lists_at_versions(
        &self,
        applied: &HashMap<String, u64>,
        now: Timestamp,
    ) -> Option<Vec<Arc<ContactList>>> {
        let current = self.snapshot();
        if current.len() != applied.len() || current.iter().any(|l| now > l.expires_at) {
            return None;
        }
        current
            .iter()
            .map(|list| {
                let version = *applied.get(&list.issuer.id)?;
                if version == list.version {
                    return Some(list.clone());
                }
                self.previous_list(&list.issuer.id)
                    .filter(|p| p.version == version)
            })
            .collect()
    }
}
