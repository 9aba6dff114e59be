//! The feeds in force: for each trusted issuer, the last accepted feed
//! manifest and its full blob — mapped from the state directory when there
//! is one, in memory otherwise. The Guard owns one of these; screening
//! reads a snapshot (`FeedSet`) without waiting.
//!
//! Invariants (the list rules, for feeds):
//! - a blob is put in force only after its manifest verified (trust,
//!   threshold, expiry, rollback) and the bytes matched the manifest's
//!   length and SHA-256 and every entry checked out (`check_blob`);
//! - with a state directory it is written (atomically, blob before
//!   manifest) before it is put in force;
//! - every failure leaves the previous feed in force and on disk.

use crate::bounded::ReadError;
use crate::feeds::{FeedStore, FeedStoreError};
use crate::mapped::MappedBlob;
use callguard_core::accept::Prior;
use callguard_core::feed::{
    accept_feed, apply_delta, check_blob, verify_signed_feed, Feed, FeedError, FeedManifest, Plan,
    VerifiedFeed, DEFAULT_MAX_BLOB_BYTES,
};
use callguard_core::{Timestamp, Trust};
use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, RwLock};

/// A full blob's bytes: mapped from its file, or held in memory.
enum BlobBytes {
    Mapped(MappedBlob),
    Owned(Vec<u8>),
}

impl std::ops::Deref for BlobBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BlobBytes::Mapped(m) => m,
            BlobBytes::Owned(v) => v,
        }
    }
}

/// One issuer's feed in force.
#[derive(Clone)]
pub struct HeldFeed {
    manifest: Arc<FeedManifest>,
    /// The signed manifest, to verify again when the issuer's trust changes.
    jws: Arc<[u8]>,
    bytes: Arc<BlobBytes>,
}

impl HeldFeed {
    pub fn manifest(&self) -> &Arc<FeedManifest> {
        &self.manifest
    }

    pub fn issuer(&self) -> &str {
        &self.manifest.issuer
    }

    pub fn version(&self) -> u64 {
        self.manifest.version
    }

    /// The full blob's bytes (checked against the manifest when they
    /// arrived).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The SHA-256 the manifest names for the blob held.
    pub fn sha256(&self) -> [u8; 32] {
        self.manifest
            .full()
            .map(|(_, b)| b.sha256)
            .unwrap_or([0; 32])
    }

    /// Whether the blob is read from a memory map (a state directory).
    pub fn is_mapped(&self) -> bool {
        matches!(*self.bytes, BlobBytes::Mapped(_))
    }

    /// For screening: header checks only (microseconds, no allocation).
    pub fn feed(&self) -> Result<Feed<'_>, FeedError> {
        Feed::new(&self.manifest, &self.bytes)
    }
}

impl std::fmt::Debug for HeldFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HeldFeed")
            .field("issuer", &self.manifest.issuer)
            .field("version", &self.manifest.version)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The feeds in force at one moment.
#[derive(Debug, Clone, Default)]
pub struct FeedSet {
    held: Vec<HeldFeed>,
}

impl FeedSet {
    pub fn iter(&self) -> impl Iterator<Item = &HeldFeed> {
        self.held.iter()
    }

    pub fn get(&self, issuer: &str) -> Option<&HeldFeed> {
        self.held.iter().find(|h| h.issuer() == issuer)
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// The feeds to screen with. Each blob passed `validate` when it
    /// arrived; one that no longer opens (its file damaged under the map)
    /// is left out and logged, never guessed at.
    pub fn feeds(&self) -> Vec<Feed<'_>> {
        self.held
            .iter()
            .filter_map(|h| match h.feed() {
                Ok(f) => Some(f),
                Err(e) => {
                    log::error!("a feed in force no longer opens: {}", e.code());
                    None
                }
            })
            .collect()
    }

    fn with(&self, feed: HeldFeed) -> FeedSet {
        let mut held: Vec<HeldFeed> = self
            .held
            .iter()
            .filter(|h| h.issuer() != feed.issuer())
            .cloned()
            .collect();
        held.push(feed);
        held.sort_by(|a, b| a.issuer().cmp(b.issuer()));
        FeedSet { held }
    }

    fn without(&self, issuer: &str) -> FeedSet {
        FeedSet {
            held: self
                .held
                .iter()
                .filter(|h| h.issuer() != issuer)
                .cloned()
                .collect(),
        }
    }
}

pub(crate) struct FeedsInForce {
    current: RwLock<Arc<FeedSet>>,
    store: Option<FeedStore>,
    max_blob_bytes: u64,
    /// One install at a time, so two cannot interleave disk and memory.
    installing: Mutex<()>,
    /// Stored feeds being hashed again off the caller's thread
    /// (`on_trust`), and the signal that one check ended.
    checking: Mutex<usize>,
    checked: Condvar,
    /// How often each issuer's trust was added: a check started under a
    /// trust replaced since puts nothing in force (the newer trust's own
    /// check decides), so a feed only a revoked key signed cannot come
    /// back through a slow check.
    trust_generations: Mutex<HashMap<String, u64>>,
}

impl FeedsInForce {
    pub(crate) fn new(state_root: Option<&std::path::Path>) -> FeedsInForce {
        let store = state_root.and_then(|root| {
            FeedStore::open(root, DEFAULT_MAX_BLOB_BYTES)
                .map_err(|e| log::error!("feeds directory unusable: {}", e.kind()))
                .ok()
        });
        FeedsInForce {
            current: RwLock::new(Arc::new(FeedSet::default())),
            store,
            max_blob_bytes: DEFAULT_MAX_BLOB_BYTES,
            installing: Mutex::new(()),
            checking: Mutex::new(0),
            checked: Condvar::new(),
            trust_generations: Mutex::new(HashMap::new()),
        }
    }

    /// The feeds in force, once every stored feed being checked
    /// (`on_trust`) is in force or refused. A check reads one file, so
    /// the wait is bounded by its size.
    pub(crate) fn checked_snapshot(&self) -> Arc<FeedSet> {
        self.wait_for_checks();
        self.snapshot()
    }

    /// Returns once no stored feed is being checked. Never called with
    /// `installing` held: the check itself takes it.
    pub(crate) fn wait_for_checks(&self) {
        let mut checking = self.checking.lock().unwrap_or_else(|p| p.into_inner());
        while *checking > 0 {
            checking = self
                .checked
                .wait(checking)
                .unwrap_or_else(|p| p.into_inner());
        }
    }

    /// True while a stored feed is still being checked: `snapshot` may
    /// then lack it.
    pub(crate) fn is_checking(&self) -> bool {
        *self.checking.lock().unwrap_or_else(|p| p.into_inner()) > 0
    }

    pub(crate) fn snapshot(&self) -> Arc<FeedSet> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn swap(&self, f: impl FnOnce(&FeedSet) -> FeedSet) {
        let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
        *current = Arc::new(f(&current));
    }

    pub(crate) fn max_blob_bytes(&self) -> u64 {
        self.max_blob_bytes
    }

    /// The highest feed version known for `trust.issuer`: in force, or
    /// recorded in the state directory.
    fn prior(&self, issuer: &str) -> Result<Option<Prior>, FeedStoreError> {
        let in_memory = self.snapshot().get(issuer).map(|h| Prior {
            version: h.version(),
            payload_digest: h.manifest.payload_digest,
        });
        let on_disk = match &self.store {
            Some(store) => store.highest(issuer)?,
            None => None,
        };
        Ok(match (in_memory, on_disk) {
            (Some(a), Some(b)) => Some(if a.version >= b.version { a } else { b }),
            (a, b) => a.or(b),
        })
    }

    /// Checks a manifest arriving from outside (before anything is
    /// downloaded) and says what to fetch for it.
    pub(crate) fn check_manifest(
        &self,
        trust: &Trust,
        jws: &[u8],
        now: Timestamp,
    ) -> Result<(VerifiedFeed, Plan), FeedStoreError> {
        let prior = self.prior(&trust.issuer)?;
        let feed = accept_feed(jws, trust, self.max_blob_bytes, now, prior.as_ref())?;
        let held = self
            .snapshot()
            .get(&trust.issuer)
            .map(|h| (h.version(), h.sha256()));
        let plan = feed
            .manifest()
            .plan(held)
            .ok_or(FeedError::Malformed("no full blob".into()))?;
        Ok((feed, plan))
    }

    /// Puts the manifest `jws` in force with `blob`, its full blob.
    pub(crate) fn install_full(
        &self,
        trust: &Trust,
        jws: &[u8],
        blob: Vec<u8>,
        now: Timestamp,
    ) -> Result<HeldFeed, FeedStoreError> {
        // The feed in force decides rollback, deltas and renewals: one
        // still being checked after a start counts.
        self.wait_for_checks();
        let _installing = self.installing.lock().unwrap_or_else(|p| p.into_inner());
        self.install_locked(trust, jws, blob, now)
    }

    /// Puts the manifest `jws` in force by applying `delta` (the manifest's
    /// delta from the version held) to the blob held. Refused — and nothing
    /// changes — unless the result is exactly the manifest's full blob; the
    /// caller then downloads the full blob.
    pub(crate) fn install_delta(
        &self,
        trust: &Trust,
        jws: &[u8],
        delta: &[u8],
        now: Timestamp,
    ) -> Result<HeldFeed, FeedStoreError> {
        // The feed in force decides rollback, deltas and renewals: one
        // still being checked after a start counts.
        self.wait_for_checks();
        let _installing = self.installing.lock().unwrap_or_else(|p| p.into_inner());
        let (feed, _) = self.check_manifest(trust, jws, now)?;
        let held = self
            .snapshot()
            .get(&trust.issuer)
            .cloned()
            .ok_or(FeedError::DeltaBase)?;
        // The manifest's delta from the version held — whether or not the
        // plan would have chosen it (it prefers whichever file is smaller).
        let manifest = feed.manifest();
        let (Some((index, _)), Some((full, _))) =
            (manifest.delta_from(held.version()), manifest.full())
        else {
            return Err(FeedError::DeltaBase.into());
        };
        check_blob(manifest, index, delta)?;
        let expected = manifest.blobs[full].sha256;
        let blob = apply_delta(held.bytes(), delta, &expected)?;
        self.install_locked(trust, jws, blob, now)
    }

    /// Puts the manifest `jws` in force with the blob already held, when
    /// its full blob is that one (a re-signed manifest: a later expiry).
    /// `BlobNotHeld` otherwise: download the blob the manifest names.
    pub(crate) fn renew(
        &self,
        trust: &Trust,
        jws: &[u8],
        now: Timestamp,
    ) -> Result<HeldFeed, FeedStoreError> {
        // The feed in force decides rollback, deltas and renewals: one
        // still being checked after a start counts.
        self.wait_for_checks();
        let _installing = self.installing.lock().unwrap_or_else(|p| p.into_inner());
        let (_, plan) = self.check_manifest(trust, jws, now)?;
        let held = self.snapshot().get(&trust.issuer).cloned();
        let Some(held) = held.filter(|_| plan == Plan::UpToDate) else {
            return Err(FeedError::BlobNotHeld.into());
        };
        let renewed = match &self.store {
            // The blob stays where it is (hashed again, streamed): a renewal
            // never brings a 10-million-number blob into the heap.
            Some(store) => {
                let stored = store.install_renewal(trust, jws, now)?;
                HeldFeed {
                    manifest: stored.feed.manifest().clone(),
                    jws: jws.into(),
                    bytes: held.bytes.clone(),
                }
            }
            None => {
                let prior = self.prior(&trust.issuer)?;
                let feed = accept_feed(jws, trust, self.max_blob_bytes, now, prior.as_ref())?;
                HeldFeed {
                    manifest: feed.manifest().clone(),
                    jws: jws.into(),
                    bytes: held.bytes.clone(),
                }
            }
        };
        self.swap(|set| set.with(renewed.clone()));
        log::info!("feed version {} in force (same blob)", renewed.version());
        Ok(renewed)
    }

    fn install_locked(
        &self,
        trust: &Trust,
        jws: &[u8],
        blob: Vec<u8>,
        now: Timestamp,
    ) -> Result<HeldFeed, FeedStoreError> {
        // Against the version in force too, not only the one recorded on
        // disk: a lost highest.json must not let an older feed back in.
        let prior = self.prior(&trust.issuer)?;
        let feed = accept_feed(jws, trust, self.max_blob_bytes, now, prior.as_ref())?;
        let held = match &self.store {
            Some(store) => {
                // Checks everything again under the writers' lock (another
                // process may have stored a newer version meanwhile).
                let stored = store.install(trust, jws, &blob, now)?;
                drop(blob);
                let length = stored
                    .feed
                    .manifest()
                    .full()
                    .map(|(_, b)| b.length)
                    .unwrap_or(0);
                let mapped = MappedBlob::map(&stored.blob_path, length).map_err(read_error)?;
                HeldFeed {
                    manifest: stored.feed.manifest().clone(),
                    jws: jws.into(),
                    bytes: Arc::new(BlobBytes::Mapped(mapped)),
                }
            }
            None => {
                let (index, _) = feed
                    .manifest()
                    .full()
                    .ok_or(FeedError::Malformed("no full blob".into()))?;
                check_blob(feed.manifest(), index, &blob)?;
                HeldFeed {
                    manifest: feed.manifest().clone(),
                    jws: jws.into(),
                    bytes: Arc::new(BlobBytes::Owned(blob)),
                }
            }
        };
        self.swap(|set| set.with(held.clone()));
        log::info!("feed version {} in force", held.version());
        Ok(held)
    }

    /// The issuer's trust was added or changed: without a state directory,
    /// a feed in force that no longer verifies under it leaves force; with
    /// one, the stored feed is restored (`restore`).
    pub(crate) fn on_trust(self: &Arc<Self>, trust: &Arc<Trust>, changed: bool) {
        let generation = self.next_generation(&trust.issuer);
        if self.store.is_some() {
            if self.snapshot().get(&trust.issuer).is_none() {
                // Nothing of this issuer's in force (a cold start): the
                // stored blob is hashed again on a thread of its own, so
                // the lists, and every verdict a feed cannot change, need
                // not wait for it (docs/platforms.md, "Cold start").
                self.restore_in_background(trust.clone(), generation);
            } else {
                self.restore(trust, changed);
            }
            return;
        }
        let Some(held) = self.snapshot().get(&trust.issuer).cloned() else {
            return;
        };
        if changed && verify_signed_feed(&held.jws, trust, self.max_blob_bytes).is_err() {
            log::warn!("a feed left force: it does not verify under the new trust");
            self.swap(|set| set.without(&trust.issuer));
        }
    }

    /// `restore(trust, true)` on a new thread, unless `trust` has been
    /// replaced by the time it runs; in the caller's thread when no thread
    /// can be started. `checked_snapshot` waits for it.
    fn restore_in_background(self: &Arc<Self>, trust: Arc<Trust>, generation: u64) {
        /// Ends the check however the thread ends (a panic included).
        struct CheckEnds(Arc<FeedsInForce>);
        impl Drop for CheckEnds {
            fn drop(&mut self) {
                let mut checking = self.0.checking.lock().unwrap_or_else(|p| p.into_inner());
                *checking -= 1;
                self.0.checked.notify_all();
            }
        }
        *self.checking.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        let ends = CheckEnds(self.clone());
        let background = trust.clone();
        // At most 15 bytes: Android truncates longer thread names.
        let spawned = std::thread::Builder::new()
            .name("cg-feed-check".into())
            .spawn(move || {
                let ends = ends;
                ends.0.restore_if_current(&background, generation);
            });
        if let Err(e) = spawned {
            // The closure, and with it `ends`, was dropped: the check ended.
            log::warn!(
                "no thread for the feed check ({}); checking in place",
                e.kind()
            );
            self.restore_if_current(&trust, generation);
        }
    }

    fn next_generation(&self, issuer: &str) -> u64 {
        let mut generations = self
            .trust_generations
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let generation = generations.entry(issuer.to_string()).or_insert(0);
        *generation += 1;
        *generation
    }

    /// `restore(trust, true)` if `trust` is still the issuer's latest
    /// (`generation`), decided under `installing` so that no newer trust's
    /// restore can run between the check and the swap.
    fn restore_if_current(&self, trust: &Trust, generation: u64) -> Option<HeldFeed> {
        let _installing = self.installing.lock().unwrap_or_else(|p| p.into_inner());
        let latest = self
            .trust_generations
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&trust.issuer)
            .copied();
        if latest != Some(generation) {
            log::info!("a feed check ended unused: the issuer's trust changed meanwhile");
            return None;
        }
        self.restore_locked(trust, true)
    }

    /// Puts the feed stored for `trust.issuer` in force if it is newer than
    /// the one in force (or `replace`: the trust changed). A stored feed
    /// that no longer verifies leaves force. Returns what came into force.
    pub(crate) fn restore(&self, trust: &Trust, replace: bool) -> Option<HeldFeed> {
        let _installing = self.installing.lock().unwrap_or_else(|p| p.into_inner());
        self.restore_locked(trust, replace)
    }

    /// `restore`, with `installing` held by the caller.
    fn restore_locked(&self, trust: &Trust, replace: bool) -> Option<HeldFeed> {
        let store = self.store.as_ref()?;
        let stored = match store.load(trust) {
            Ok(Some(stored)) => stored,
            Ok(None) => {
                if replace {
                    self.swap(|set| set.without(&trust.issuer));
                }
                return None;
            }
            Err(e) => {
                log::warn!("stored feed not restored: {}", e.code());
                if replace {
                    self.swap(|set| set.without(&trust.issuer));
                }
                return None;
            }
        };
        let manifest = stored.feed.manifest().clone();
        let in_force = self.snapshot().get(&trust.issuer).map(|h| h.version());
        if !replace && in_force.is_some_and(|v| v >= manifest.version) {
            return None;
        }
        let (length, sha256) = manifest
            .full()
            .map(|(_, b)| (b.length, b.sha256))
            .unwrap_or((0, [0; 32]));
        // Stored by an earlier run: hashed again before it is believed.
        let mapped = match MappedBlob::map_verified(&stored.blob_path, length, &sha256) {
            Ok(m) => m,
            Err(e) => {
                log::warn!("stored feed blob not mapped: {e}");
                return None;
            }
        };
        let held = HeldFeed {
            manifest,
            jws: stored.jws.into(),
            bytes: Arc::new(BlobBytes::Mapped(mapped)),
        };
        if let Err(e) = held.feed() {
            log::warn!("stored feed blob does not open: {}", e.code());
            return None;
        }
        self.swap(|set| set.with(held.clone()));
        Some(held)
    }
}

impl FeedsInForce {
    /// The feed in force before the current one, mapped from the state
    /// directory (kept there one version back for Call Directory diffs);
    /// `None` without a state directory or when none verifies.
    pub(crate) fn previous(&self, trust: &Trust) -> Option<HeldFeed> {
        let stored = match self.store.as_ref()?.load_previous(trust) {
            Ok(stored) => stored?,
            Err(e) => {
                log::warn!("previous feed unusable: {}", e.code());
                return None;
            }
        };
        let manifest = stored.feed.manifest().clone();
        let (length, sha256) = manifest
            .full()
            .map(|(_, b)| (b.length, b.sha256))
            .unwrap_or((0, [0; 32]));
        // Stored by an earlier install and read from disk on every call:
        // hashed again, as `restore` does, so a diff is never computed
        // against bytes someone else put there.
        let mapped = MappedBlob::map_verified(&stored.blob_path, length, &sha256)
            .map_err(|e| log::warn!("previous feed blob not mapped: {e}"))
            .ok()?;
        let held = HeldFeed {
            manifest,
            jws: stored.jws.into(),
            bytes: Arc::new(BlobBytes::Mapped(mapped)),
        };
        held.feed().ok()?;
        Some(held)
    }
}

fn read_error(e: ReadError) -> FeedStoreError {
    match e {
        ReadError::Io(e) => e.into(),
        other => std::io::Error::other(other.to_string()).into(),
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<FeedSet>();
    is::<FeedsInForce>();
}
