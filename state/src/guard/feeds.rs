//! The Guard: the issuers' feeds of reported numbers.

use super::{Guard, GuardError};
use crate::feeds_in_force::{FeedSet, HeldFeed};
use callguard_core::feed::directory::{feed_version_key, FeedMode};
use callguard_core::feed::{verify_signed_feed, FeedError, Plan, VerifiedFeed};
use callguard_core::{Timestamp, Trust, TrustError};
use std::collections::HashMap;
use std::sync::Arc;

impl Guard {
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
    pub(super) fn trust_for_feed(&self, jws: &[u8]) -> Result<Arc<Trust>, GuardError> {
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
}
