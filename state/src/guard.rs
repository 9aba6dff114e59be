//! The Guard: trust anchors, the lists in force, and the state directory,
//! kept consistent. The bindings and the CLI both drive this one type.
//!
//! Invariants:
//! - a list is written to disk and put in force only after it verifies;
//! - it is written before it is put in force, so memory never runs ahead of disk;
//! - every failure leaves the previous list in force and on disk.

use crate::feeds::FeedStoreError;
use crate::feeds_in_force::{FeedSet, FeedsInForce, HeldFeed};
use crate::store::{SaveError, StateDir, StoreError};
use callguard_core::accept::{accept_list, verify_signed_list, Prior, VerifiedList};
use callguard_core::feed::directory::{feed_version_key, FeedMode};
use callguard_core::feed::{verify_signed_feed, FeedError, Plan, VerifiedFeed};
use callguard_core::intent::{
    accept_intent, accept_stored_intent, new_audience_id, CallIntent, IntentBook, IntentError,
};
use callguard_core::registry::{Registry, Snapshot};
use callguard_core::{ContactList, ListError, Timestamp, Trust, TrustError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

/// Everything the Guard can refuse, with full detail. The bindings map
/// this to their small public error in one place.
#[derive(Debug)]
pub enum GuardError {
    List(ListError),
    Trust(TrustError),
    Storage(String),
    /// A call intent was refused (`IntentError::code`).
    Intent(IntentError),
    /// A feed manifest, blob or delta was refused (`FeedError::code`).
    Feed(FeedError),
}

impl GuardError {
    /// After `install_feed_delta`: the delta did not lead to the
    /// manifest's full blob (made for another base, tampered, truncated):
    /// download the full blob instead. Nothing changed.
    pub fn is_delta_fallback(&self) -> bool {
        matches!(
            self,
            GuardError::Feed(
                FeedError::DeltaBase
                    | FeedError::DeltaMismatch
                    | FeedError::HashMismatch { .. }
                    | FeedError::LengthMismatch { .. }
                    | FeedError::Malformed(_)
            )
        )
    }
}

impl From<FeedStoreError> for GuardError {
    fn from(e: FeedStoreError) -> Self {
        match e {
            FeedStoreError::Refused(e) => GuardError::Feed(e),
            FeedStoreError::Store(e) => e.into(),
        }
    }
}

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GuardError::List(e) => e.fmt(f),
            GuardError::Trust(e) => e.fmt(f),
            GuardError::Storage(e) => write!(f, "{e}"),
            GuardError::Intent(e) => e.fmt(f),
            GuardError::Feed(e) => e.fmt(f),
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
    fn stored_list(&self, trust: &Trust) -> Option<VerifiedList> {
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

    /// The feeds in force. Screening passes `feeds().feeds()` to
    /// `decide_with_feeds`; an `Arc` clone, after any stored feed that
    /// `add_trust` is still hashing again has been checked (milliseconds,
    /// once per process: see `feeds_so_far`).
    pub fn feeds(&self) -> Arc<FeedSet> {
        self.feeds.checked_snapshot()
    }

    /// The feeds in force right now, without waiting, and whether that is
    /// all of them (`false` while a stored feed is still being checked
    /// after `add_trust`). For the first verdicts of a cold start: a call
    /// whose decision no feed can change (`screen::feeds_can_change`) is
    /// answered at once; any other waits for `feeds`.
    pub fn feeds_so_far(&self) -> (Arc<FeedSet>, bool) {
        let complete = !self.feeds.is_checking();
        (self.feeds.snapshot(), complete)
    }

    /// The trust a feed manifest verifies under (signature, threshold,
    /// issuer), with the most telling refusal when none does.
    fn trust_for_feed(&self, jws: &[u8]) -> Result<Arc<Trust>, GuardError> {
        if let Some(error) = &self.state_error {
            return Err(GuardError::Storage(error.clone()));
        }
        let trusts = self
            .trusts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let mut first_error: Option<FeedError> = None;
        for trust in trusts {
            match verify_signed_feed(jws, &trust, self.feeds.max_blob_bytes()) {
                Ok(_) => return Ok(trust),
                Err(e) => {
                    let weak =
                        |e: &FeedError| matches!(e.code(), "unknown_key" | "issuer_mismatch");
                    if first_error.as_ref().is_none_or(|f| weak(f) && !weak(&e)) {
                        first_error = Some(e);
                    }
                }
            }
        }
        Err(match first_error {
            Some(e) => GuardError::Feed(e),
            None => GuardError::Trust(TrustError("no trust file has been added".into())),
        })
    }

    /// The issuer's feed as it was one version before the one in force
    /// (kept in the state directory for Call Directory diffs), verified
    /// under the issuer's trust; `None` if there is none.
    pub fn previous_feed(&self, issuer: &str) -> Option<HeldFeed> {
        self.feeds.previous(&*self.trust_of(issuer)?)
    }

    /// The feeds as a directory applied at `applied` (feed keys only) held
    /// them: each the one in force or the one before it. `None` when that
    /// cannot be known exactly: a feed added or gone, another mode, an
    /// older version.
    pub fn feeds_at_versions(
        &self,
        current: &[HeldFeed],
        applied: &HashMap<String, u64>,
        mode: FeedMode,
    ) -> Option<Vec<HeldFeed>> {
        let expected = current
            .iter()
            .filter_map(|h| feed_version_key(mode, h.issuer()))
            .count();
        if expected != applied.len() {
            return None;
        }
        current
            .iter()
            .filter_map(|held| Some((held, feed_version_key(mode, held.issuer())?)))
            .map(|(held, key)| {
                let version = *applied.get(&key)?;
                if version == held.version() {
                    return Some(held.clone());
                }
                self.previous_feed(held.issuer())
                    .filter(|p| p.version() == version)
            })
            .collect()
    }

    /// The trust added for `issuer`, if any.
    fn trust_of(&self, issuer: &str) -> Option<Arc<Trust>> {
        self.trusts
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .find(|t| t.issuer == issuer)
            .cloned()
    }

    /// Checks a feed manifest arriving from outside against its issuer's
    /// trust, the clock and the versions seen (nothing is downloaded or
    /// written), and says what to fetch: nothing, a delta or the full blob.
    pub fn check_feed_manifest(
        &self,
        jws: &[u8],
        now: Timestamp,
    ) -> Result<(VerifiedFeed, Plan), GuardError> {
        let trust = self.trust_for_feed(jws)?;
        self.feeds.wait_for_checks();
        Ok(self.feeds.check_manifest(&trust, jws, now)?)
    }

    /// Verifies a feed manifest and its full blob (length, SHA-256, every
    /// entry), stores both and puts them in force.
    pub fn install_feed(
        &self,
        jws: &[u8],
        blob: Vec<u8>,
        now: Timestamp,
    ) -> Result<HeldFeed, GuardError> {
        let trust = self.trust_for_feed(jws)?;
        self.feeds
            .install_full(&trust, jws, blob, now)
            .inspect_err(|e| log::warn!("feed rejected: {}", e.code()))
            .map_err(GuardError::from)
    }

    /// Verifies a feed manifest and applies `delta` (its delta from the
    /// version in force) to the blob in force; stores and puts the result
    /// in force only if it is exactly the manifest's full blob. On
    /// `GuardError::is_delta_fallback` fetch the full blob instead.
    pub fn install_feed_delta(
        &self,
        jws: &[u8],
        delta: &[u8],
        now: Timestamp,
    ) -> Result<HeldFeed, GuardError> {
        let trust = self.trust_for_feed(jws)?;
        self.feeds
            .install_delta(&trust, jws, delta, now)
            .inspect_err(|e| log::warn!("feed delta not applied: {}", e.code()))
            .map_err(GuardError::from)
    }

    /// Verifies a feed manifest whose full blob is the one in force (a
    /// re-signed manifest, e.g. a later expiry) and puts it in force with
    /// that blob, checked against it again. `Feed(BlobNotHeld)` when it
    /// names another blob.
    pub fn renew_feed(&self, jws: &[u8], now: Timestamp) -> Result<HeldFeed, GuardError> {
        let trust = self.trust_for_feed(jws)?;
        self.feeds
            .renew(&trust, jws, now)
            .inspect_err(|e| log::warn!("feed manifest not renewed: {}", e.code()))
            .map_err(GuardError::from)
    }

    // ---- call intents ---------------------------------------------------

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
    fn restore_intents(&self) {
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
    fn prior(&self, issuer: &str) -> Result<Option<Prior>, GuardError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// CALLGUARD_VECTORS overrides the checkout's tests/vectors: on a
    /// phone or simulator the test binary runs far from the checkout.
    fn vector(rel: &str) -> Vec<u8> {
        let dir = std::env::var_os("CALLGUARD_VECTORS").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
            PathBuf::from,
        );
        std::fs::read(dir.join(rel)).unwrap()
    }

    const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

    #[test]
    fn reload_picks_up_what_another_guard_stored_and_never_goes_back() {
        let dir = tempfile::tempdir().unwrap();
        let trust = vector("trust/example-bank.json");
        let app = Guard::open(Some(dir.path()), 1 << 20);
        app.add_trust(&trust).unwrap();
        app.load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
        assert!(app.reload().unwrap().is_empty(), "nothing new yet");
        // A background sync in another process stores v13.
        let background = Guard::open(Some(dir.path()), 1 << 20);
        background.add_trust(&trust).unwrap();
        background
            .load_list(&vector("lists/valid-v13.jws"), NOW)
            .unwrap();
        assert_eq!(app.registry.get("example-bank").unwrap().version, 12);
        let picked = app.reload().unwrap();
        assert_eq!(picked.len(), 1);
        assert_eq!(app.registry.get("example-bank").unwrap().version, 13);
        assert!(app.reload().unwrap().is_empty(), "once only");
    }

    #[test]
    fn a_stored_list_is_back_in_force_as_soon_as_its_trust_is_added() {
        let dir = tempfile::tempdir().unwrap();
        let guard = Guard::open(Some(dir.path()), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
        drop(guard);

        let reopened = Guard::open(Some(dir.path()), 1 << 20);
        assert!(
            reopened.snapshot().is_empty(),
            "nothing is trusted before add_trust"
        );
        reopened
            .add_trust(&vector("trust/example-bank.json"))
            .unwrap();
        assert_eq!(reopened.snapshot()[0].version, 12);
        // And its history still refuses a rollback.
        let err = reopened
            .load_list(&vector("lists/rollback.jws"), NOW)
            .unwrap_err();
        assert!(matches!(err, GuardError::List(ListError::Rollback { .. })));
    }

    #[test]
    fn every_rejection_keeps_the_last_good_list_in_force_and_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let guard = Guard::open(Some(dir.path()), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard
            .load_list(&vector("lists/valid-v13.jws"), NOW)
            .unwrap();
        let on_disk = std::fs::read(dir.path().join("lists/example-bank.list")).unwrap();
        for bad in [
            "forged-signature",
            "tampered-payload",
            "rollback",
            "alg-none",
            "truncated",
            "issuer-of-another-bank",
        ] {
            assert!(
                guard
                    .load_list(&vector(&format!("lists/{bad}.jws")), NOW)
                    .is_err(),
                "{bad}"
            );
            assert_eq!(guard.snapshot()[0].version, 13, "{bad}");
            assert_eq!(
                std::fs::read(dir.path().join("lists/example-bank.list")).unwrap(),
                on_disk,
                "{bad}"
            );
        }
        assert!(
            guard
                .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
                .is_err(),
            "v12 after v13"
        );
    }

    /// Guard with a state directory where v12 then v13 were accepted.
    fn guard_after_v12_and_v13(dir: &std::path::Path) {
        let guard = Guard::open(Some(dir), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        for v in ["lists/valid-eddsa-general.jws", "lists/valid-v13.jws"] {
            guard.load_list(&vector(v), NOW).unwrap();
        }
    }

    fn reopened(dir: &std::path::Path) -> Guard {
        let guard = Guard::open(Some(dir), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard
    }

    fn assert_rollback(guard: &Guard, list: &str, accepted: u64) {
        match guard.load_list(&vector(list), NOW) {
            Err(GuardError::List(ListError::Rollback { accepted: a, .. })) => {
                assert_eq!(a, accepted, "{list}")
            }
            other => panic!("{list}: expected a rollback, got {other:?}"),
        }
    }

    #[test]
    fn a_truncated_list_file_does_not_erase_the_history() {
        let dir = tempfile::tempdir().unwrap();
        guard_after_v12_and_v13(dir.path());
        let file = dir.path().join("lists/example-bank.list");
        let len = std::fs::metadata(&file).unwrap().len();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
        let guard = reopened(dir.path());
        assert!(
            guard.snapshot().is_empty(),
            "the damaged list is not restored"
        );
        assert_rollback(&guard, "lists/valid-eddsa-general.jws", 13);
        assert_rollback(&guard, "lists/rollback.jws", 13);
        // The same version again repairs the file.
        guard
            .load_list(&vector("lists/valid-v13.jws"), NOW)
            .unwrap();
        assert_eq!(reopened(dir.path()).snapshot()[0].version, 13);
    }

    #[test]
    fn with_the_record_and_the_list_damaged_the_previous_list_still_counts() {
        let dir = tempfile::tempdir().unwrap();
        guard_after_v12_and_v13(dir.path());
        std::fs::write(dir.path().join("lists/example-bank.list"), b"").unwrap();
        std::fs::write(dir.path().join("versions/example-bank.json"), b"{").unwrap();
        let guard = reopened(dir.path());
        assert_rollback(&guard, "lists/rollback.jws", 12);
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
    }

    #[test]
    fn with_both_list_files_damaged_the_record_still_counts() {
        let dir = tempfile::tempdir().unwrap();
        guard_after_v12_and_v13(dir.path());
        for f in ["lists/example-bank.list", "lists/example-bank.list.prev"] {
            std::fs::write(dir.path().join(f), b"garbage\n").unwrap();
        }
        assert_rollback(&reopened(dir.path()), "lists/valid-eddsa-general.jws", 13);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_in_place_of_the_list_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        guard_after_v12_and_v13(dir.path());
        let file = dir.path().join("lists/example-bank.list");
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
        let guard = reopened(dir.path());
        assert!(guard.snapshot().is_empty());
        assert_rollback(&guard, "lists/valid-eddsa-general.jws", 13);
    }

    #[test]
    fn a_stored_list_that_no_longer_verifies_is_not_restored() {
        let dir = tempfile::tempdir().unwrap();
        let guard = Guard::open(Some(dir.path()), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
        // Someone with file access swaps the stored list for a forged one.
        let state = StateDir::open(dir.path()).unwrap();
        let prior = state.load("example-bank").unwrap().unwrap().prior;
        state
            .save(
                "example-bank",
                &vector("lists/forged-signature.jws"),
                &prior,
            )
            .unwrap();
        let reopened = Guard::open(Some(dir.path()), 1 << 20);
        reopened
            .add_trust(&vector("trust/example-bank.json"))
            .unwrap();
        assert!(reopened.snapshot().is_empty());
    }

    #[test]
    fn a_changed_trust_takes_lists_it_cannot_verify_out_of_force() {
        let guard = Guard::new(None, 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        assert_eq!(
            guard.snapshot().len(),
            1,
            "the same trust again keeps the list"
        );
        guard
            .add_trust(&vector("trust/example-bank-2of2.json"))
            .unwrap();
        assert!(
            guard.snapshot().is_empty(),
            "a list not re-verified under the new trust leaves force"
        );
    }

    #[test]
    fn an_unusable_state_directory_fails_loads_loudly() {
        let file = tempfile::NamedTempFile::new().unwrap();
        let guard = Guard::open(Some(&file.path().join("sub")), 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        let err = guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap_err();
        assert!(matches!(err, GuardError::Storage(_)));
        assert!(guard.snapshot().is_empty());
    }

    #[test]
    fn loads_go_to_the_issuer_whose_trust_verifies() {
        let guard = Guard::new(None, 1 << 20);
        guard.add_trust(&vector("trust/example-bank.json")).unwrap();
        guard.add_trust(&vector("trust/other-bank.json")).unwrap();
        guard
            .load_list(&vector("lists/other-bank-valid.jws"), NOW)
            .unwrap();
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .unwrap();
        let ids: Vec<_> = guard
            .snapshot()
            .iter()
            .map(|l| l.issuer.id.clone())
            .collect();
        assert_eq!(ids, ["example-bank", "other-bank"]);
        // A forged list reports its own reason, not "unknown key" from the other bank.
        let err = guard
            .load_list(&vector("lists/forged-signature.jws"), NOW)
            .unwrap_err();
        assert!(
            matches!(err, GuardError::List(ListError::BadSignature)),
            "{err:?}"
        );
    }
}
