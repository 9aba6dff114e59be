//! The Guard: trust anchors, and the stored lists they put back in force.

use super::{Guard, GuardError};
use callguard_core::accept::{verify_signed_list, VerifiedList};
use callguard_core::{ContactList, Trust};
use std::sync::Arc;

impl Guard {
    /// Adds (or replaces) an issuer's trust. With a state directory, the
    /// list accepted earlier for that issuer is re-verified and put in
    /// force at once, even if it has expired since: an expired list may
    /// still warn, and screening knows never to vouch with it. A list that
    /// does not verify under a changed trust leaves force.
    pub fn add_trust(&self, json: &[u8]) -> Result<String, GuardError> {
        let trust = Arc::new(Trust::from_json(json).map_err(GuardError::Trust)?);
        let issuer = trust.issuer.clone();
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        let unchanged = {
            let mut trusts = self.trusts.write().unwrap_or_else(|p| p.into_inner());
            let previous = trusts
                .iter()
                .position(|t| t.issuer == issuer)
                .map(|i| trusts.remove(i));
            trusts.push(trust.clone());
            previous.is_some_and(|p| *p == *trust)
        };
        let restored = self.stored_list(&trust);
        match restored {
            Some(list) => {
                let newer_in_memory = unchanged
                    && self
                        .registry
                        .get(&issuer)
                        .is_some_and(|l| l.version > list.list().version);
                if !newer_in_memory {
                    self.registry.activate(&list);
                    log::info!(
                        "restored the stored list of an issuer (version {})",
                        list.list().version
                    );
                }
            }
            // A list verified under a trust that has changed since cannot be
            // re-checked: it leaves force (e.g. the new trust drops a
            // compromised key). An identical trust added again keeps it.
            None if !unchanged => self.registry.deactivate(&issuer),
            None => {}
        }
        self.feeds.on_trust(&trust, !unchanged);
        self.restore_intents();
        Ok(issuer)
    }

    /// The list stored for `trust`'s issuer, verified again, if any.
    pub(super) fn stored_list(&self, trust: &Trust) -> Option<VerifiedList> {
        match self.state.as_ref()?.load(&trust.issuer) {
            Ok(Some(stored)) => match verify_signed_list(&stored.jws, trust, self.max_list_bytes) {
                Ok(list) => Some(list),
                Err(e) => {
                    log::warn!("stored list not restored: {}", e.code());
                    None
                }
            },
            Ok(None) => None,
            Err(e) => {
                log::warn!("stored list not restored: {e}");
                None
            }
        }
    }

    /// Picks up what another process stored in the state directory (the
    /// app's background sync, a Call Directory extension, a second Guard):
    /// for every trusted issuer whose stored list is newer than the one in
    /// force, the stored list is verified again and put in force. Never goes
    /// back a version. Returns the lists that came into force.
    pub fn reload(&self) -> Result<Vec<Arc<ContactList>>, GuardError> {
        if let Some(e) = &self.state_error {
            return Err(GuardError::Storage(e.clone()));
        }
        let _loading = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        let trusts = self
            .trusts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let mut picked_up = Vec::new();
        for trust in trusts {
            if let Some(feed) = self.feeds.restore(&trust, false) {
                log::info!("picked up a stored feed (version {})", feed.version());
            }
            let Some(list) = self.stored_list(&trust) else {
                continue;
            };
            let newer = self
                .registry
                .get(&trust.issuer)
                .is_none_or(|l| list.list().version > l.version);
            if newer {
                self.registry.activate(&list);
                log::info!("picked up a stored list (version {})", list.list().version);
                picked_up.push(list.list().clone());
            }
        }
        self.restore_intents();
        Ok(picked_up)
    }

    // ---- feeds of reported numbers ----------------------------------------

    /// The trust added for `issuer`, if any.
    pub(super) fn trust_of(&self, issuer: &str) -> Option<Arc<Trust>> {
        self.trusts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .find(|t| t.issuer == issuer)
            .cloned()
    }
}
