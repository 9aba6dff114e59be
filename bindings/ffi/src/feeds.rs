//! Feeds of reported numbers as Kotlin and Swift see them: what is in
//! force, what a sync did, what to download. Every check is the Guard's
//! (callguard-state) and the Syncer's; this file only converts.

use crate::error::CallGuardError;
use crate::guard::{now, CallGuard};
use crate::sync::SyncStatus;
use callguard_core::feed::{BlobKind, Plan};
use callguard_core::list::hex;
use callguard_core::Timestamp;
use callguard_state::HeldFeed;

/// A feed in force: one issuer's signed manifest and the full blob it names.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedInfo {
    pub issuer: String,
    pub version: u64,
    /// Unix seconds.
    pub issued_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
    /// Past `expires_at`: the feed still warns (stale data may warn), and
    /// the app should sync it.
    pub expired: bool,
    /// Exact numbers in the blob (prefixes not counted).
    pub numbers: u64,
    /// Prefix ranges in the blob.
    pub prefixes: u64,
    /// SHA-256 of the full blob, lower-case hex (the manifest's).
    pub sha256: String,
}

impl FeedInfo {
    /// `None` when the blob no longer opens (damaged under its map):
    /// screening leaves such a feed out too (`FeedSet::feeds`).
    pub(crate) fn new(held: &HeldFeed, now: Timestamp) -> Option<FeedInfo> {
        let feed = held.feed().ok()?;
        let manifest = held.manifest();
        Some(FeedInfo {
            issuer: manifest.issuer.clone(),
            version: manifest.version,
            issued_at: manifest.issued_at.0,
            expires_at: manifest.expires_at.0,
            expired: !feed.is_current(now),
            numbers: feed.blob.len(),
            prefixes: feed.blob.prefix_count() as u64,
            sha256: hex(&held.sha256()),
        })
    }
}

/// How a feed's blob arrived: the whole blob, or a delta applied to the
/// blob held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FeedVia {
    Full,
    Delta,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedSyncOutcome {
    pub status: SyncStatus,
    pub issuer: String,
    /// The feed version in force after the sync.
    pub version: u64,
    /// `None` when nothing but the manifest was downloaded.
    pub via: Option<FeedVia>,
    /// Body bytes received (manifest and blobs).
    pub downloaded_bytes: u64,
}

impl From<callguard_sync::FeedSyncOutcome> for FeedSyncOutcome {
    fn from(o: callguard_sync::FeedSyncOutcome) -> Self {
        FeedSyncOutcome {
            status: o.status.into(),
            issuer: o.issuer,
            version: o.version,
            via: o.via.map(|v| match v {
                callguard_sync::FeedVia::Full => FeedVia::Full,
                callguard_sync::FeedVia::Delta => FeedVia::Delta,
            }),
            downloaded_bytes: o.downloaded_bytes,
        }
    }
}

/// One file a verified manifest names, for an app that downloads it itself.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedDownload {
    /// Relative to the manifest's URL.
    pub name: String,
    /// `Delta`: pass it to `install_feed_delta`; `Full`: to `install_feed`.
    pub via: FeedVia,
    /// Lower-case hex.
    pub sha256: String,
    /// Exact size in bytes: download no more than this.
    pub length: u64,
}

/// What a verified manifest asks of this phone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedPlan {
    pub issuer: String,
    pub version: u64,
    /// `None`: the blob held already is this manifest's full blob, nothing
    /// to download. (A manifest that only renews that blob's expiry is put
    /// in force by `sync_feed`, which hands the Guard the blob held.)
    pub download: Option<FeedDownload>,
    /// The full blob: the fallback when a delta is refused.
    pub full: FeedDownload,
}

#[uniffi::export]
impl CallGuard {
    /// Downloads the feed manifest at `url` (https) and, if it names a newer
    /// verified feed, the delta from the version held or the full blob
    /// (falling back to the full blob when the delta does not lead exactly
    /// to it); verifies, stores and puts it in force. Blocking: call it off
    /// the main thread. Every failure leaves the previous feed in force.
    pub fn sync_feed(&self, url: String) -> Result<FeedSyncOutcome, CallGuardError> {
        self.sync_feed_at(url, now())
    }

    /// `sync_feed` with the caller's clock (Unix seconds).
    pub fn sync_feed_at(
        &self,
        url: String,
        now_unix_seconds: i64,
    ) -> Result<FeedSyncOutcome, CallGuardError> {
        let syncer = self.syncer()?;
        let outcome = syncer.sync_feed(&self.guard, &url, Timestamp(now_unix_seconds))?;
        Ok(outcome.into())
    }

    /// Verifies a signed feed manifest (JWS bytes) against its issuer's
    /// trust, the clock and the versions seen, and says which file to
    /// download for it. Nothing is stored.
    pub fn feed_plan(&self, manifest: Vec<u8>) -> Result<FeedPlan, CallGuardError> {
        self.feed_plan_at(manifest, now())
    }

    /// `feed_plan` with the caller's clock (Unix seconds).
    pub fn feed_plan_at(
        &self,
        manifest: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<FeedPlan, CallGuardError> {
        let (feed, plan) = self
            .guard
            .check_feed_manifest(&manifest, Timestamp(now_unix_seconds))?;
        let m = feed.manifest();
        let download = |index: usize| {
            let b = &m.blobs[index];
            FeedDownload {
                name: b.name.clone(),
                via: match b.kind {
                    BlobKind::Full => FeedVia::Full,
                    BlobKind::Delta { .. } => FeedVia::Delta,
                },
                sha256: hex(&b.sha256),
                length: b.length,
            }
        };
        let full = match m.full() {
            Some((index, _)) => download(index),
            // `parse` guarantees one full blob; refuse rather than guess.
            None => {
                return Err(CallGuardError::InvalidFeed {
                    code: "malformed".into(),
                    detail: "the manifest names no full blob".into(),
                })
            }
        };
        Ok(FeedPlan {
            issuer: m.issuer.clone(),
            version: m.version,
            download: match plan {
                Plan::UpToDate => None,
                Plan::Delta { index, .. } | Plan::Full { index } => Some(download(index)),
            },
            full,
        })
    }

    /// Verifies a signed feed manifest and its full blob (length, SHA-256,
    /// every entry), stores both atomically and puts them in force. For apps
    /// that download the blob themselves (WorkManager, BGTask).
    pub fn install_feed(
        &self,
        manifest: Vec<u8>,
        blob: Vec<u8>,
    ) -> Result<FeedInfo, CallGuardError> {
        self.install_feed_at(manifest, blob, now())
    }

    /// `install_feed` with the caller's clock (Unix seconds).
    pub fn install_feed_at(
        &self,
        manifest: Vec<u8>,
        blob: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<FeedInfo, CallGuardError> {
        let now = Timestamp(now_unix_seconds);
        let held = self.guard.install_feed(&manifest, blob, now)?;
        held_info(&held, now)
    }

    /// Verifies a signed feed manifest and applies `delta` (its delta from
    /// the version in force) to the blob in force; stores and puts the
    /// result in force only if it is exactly the manifest's full blob.
    /// Refused with `InvalidFeed` code `delta_base_mismatch`,
    /// `delta_mismatch`, `hash_mismatch`, `length_mismatch` or
    /// `malformed_blob`: download the full blob and call `install_feed`.
    pub fn install_feed_delta(
        &self,
        manifest: Vec<u8>,
        delta: Vec<u8>,
    ) -> Result<FeedInfo, CallGuardError> {
        self.install_feed_delta_at(manifest, delta, now())
    }

    /// `install_feed_delta` with the caller's clock (Unix seconds).
    pub fn install_feed_delta_at(
        &self,
        manifest: Vec<u8>,
        delta: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<FeedInfo, CallGuardError> {
        let now = Timestamp(now_unix_seconds);
        let held = self.guard.install_feed_delta(&manifest, &delta, now)?;
        held_info(&held, now)
    }

    /// Puts in force a signed feed manifest whose full blob is the one
    /// already held (`feed_plan` said `download` none: a re-signed manifest,
    /// e.g. a later expiry). `InvalidFeed` code `blob_not_held` when it
    /// names another blob: download it and call `install_feed`.
    pub fn renew_feed(&self, manifest: Vec<u8>) -> Result<FeedInfo, CallGuardError> {
        self.renew_feed_at(manifest, now())
    }

    /// `renew_feed` with the caller's clock (Unix seconds).
    pub fn renew_feed_at(
        &self,
        manifest: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<FeedInfo, CallGuardError> {
        let now = Timestamp(now_unix_seconds);
        let held = self.guard.renew_feed(&manifest, now)?;
        held_info(&held, now)
    }

    /// The feeds screening uses now, one per issuer, expired ones included.
    pub fn feeds(&self) -> Vec<FeedInfo> {
        self.feeds_at(now())
    }

    /// `feeds` with the caller's clock (Unix seconds), for `expired`.
    pub fn feeds_at(&self, now_unix_seconds: i64) -> Vec<FeedInfo> {
        let now = Timestamp(now_unix_seconds);
        self.guard
            .feeds()
            .iter()
            .filter_map(|h| FeedInfo::new(h, now))
            .collect()
    }
}

/// The feed just installed. It opened when it was checked; if it no longer
/// does, say so rather than report it in force.
fn held_info(held: &HeldFeed, now: Timestamp) -> Result<FeedInfo, CallGuardError> {
    FeedInfo::new(held, now).ok_or_else(|| CallGuardError::Storage {
        detail: "the feed blob stored does not open".into(),
    })
}
