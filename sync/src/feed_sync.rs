//! Keeping a feed current: the manifest first (small, conditional), then
//! only the blob it names that the phone lacks — a delta from the version
//! held when the manifest names one, the full blob otherwise or when the
//! delta does not lead exactly to the full blob's SHA-256.
//!
//! What the network cannot do here:
//! - make the phone download more than the manifest names: the manifest is
//!   capped at `MAX_MANIFEST_BYTES`, each blob at the exact length its
//!   verified manifest names (and the Guard's cap), enforced while streaming;
//! - put unverified bytes in force: the Guard checks every blob against the
//!   manifest's length and SHA-256 (and every entry) before it is written,
//!   and writes atomically, blob before manifest;
//! - roll the feed back or feed another issuer's data: the manifest passes
//!   the list rules (signatures, threshold, expiry, rollback) before any
//!   blob is fetched.

use crate::error::{NetworkCode, SyncError};
use crate::history::{self, SyncState, UrlRecord};
use crate::syncer::{SyncStatus, Syncer};
use crate::transport::{check_url, HttpRequest};
use callguard_core::feed::{FeedError, Plan, MAX_MANIFEST_BYTES};
use callguard_core::Timestamp;
use callguard_state::{Guard, GuardError};
use std::time::Instant;

/// How the feed in force now arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedVia {
    /// The full blob was downloaded.
    Full,
    /// A delta was downloaded and applied to the blob held.
    Delta,
}

#[derive(Debug, Clone)]
pub struct FeedSyncOutcome {
    pub status: SyncStatus,
    pub issuer: String,
    /// The feed version in force after the sync.
    pub version: u64,
    /// `None` when no blob was downloaded.
    pub via: Option<FeedVia>,
    /// Body bytes received for this sync (manifest and blobs, as decoded).
    pub downloaded_bytes: u64,
}

impl Syncer {
    /// Fetches the feed manifest at `url` and, if it names a newer verified
    /// feed, downloads what is needed and puts it in force.
    pub fn sync_feed(
        &self,
        guard: &Guard,
        url: &str,
        now: Timestamp,
    ) -> Result<FeedSyncOutcome, SyncError> {
        let mut memory = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        let path = guard.state().map(|s| history::path_in(s.root()));
        let mut state = match &path {
            Some(p) => history::load(p),
            None => memory.clone(),
        };
        let result = self.sync_feed_once(guard, url, now, &mut state);
        match &path {
            Some(p) => {
                if let Err(e) = history::save(p, &state) {
                    log::warn!("could not record the feed sync: {}", e.kind());
                }
            }
            None => *memory = state,
        }
        match &result {
            Ok(o) => log::info!(
                "feed sync: {:?} via {:?}, version {}, {} bytes",
                o.status,
                o.via,
                o.version,
                o.downloaded_bytes
            ),
            Err(e) => log::warn!("feed sync failed: {}", e.code()),
        }
        result
    }

    fn sync_feed_once(
        &self,
        guard: &Guard,
        url: &str,
        now: Timestamp,
        state: &mut SyncState,
    ) -> Result<FeedSyncOutcome, SyncError> {
        check_url(url, &self.config)?;
        // One time budget for the whole sync, manifest and blobs: a server
        // cannot hold the phone longer by answering each request slowly.
        let started = Instant::now();
        let key = SyncState::url_key(url);
        let feeds = guard.feeds();
        // Conditional only while what that URL served is still in force.
        let in_force = state.urls.get(&key).and_then(|r| {
            feeds
                .get(&r.issuer)
                .filter(|h| h.version() == r.version)
                .map(|h| (r, h.version()))
        });
        let headers = in_force
            .as_ref()
            .map(|(record, _)| record.conditional_headers())
            .unwrap_or_default();
        let request = HttpRequest {
            url: url.to_string(),
            headers,
            max_bytes: MAX_MANIFEST_BYTES,
            timeout: self.config.total_timeout,
        };
        let response = self.fetch_within(&request, started, self.config.total_timeout)?;
        let mut downloaded = response.body.len() as u64;
        if response.status == 304 {
            return match in_force {
                Some((record, version)) if !request.headers.is_empty() => Ok(FeedSyncOutcome {
                    status: SyncStatus::NotModified,
                    issuer: record.issuer.clone(),
                    version,
                    via: None,
                    downloaded_bytes: 0,
                }),
                _ => Err(SyncError::network(
                    NetworkCode::HttpStatus,
                    "HTTP 304 to an unconditional request",
                )),
            };
        }
        let jws = response.body;
        let (feed, plan) = guard.check_feed_manifest(&jws, now)?;
        let manifest = feed.manifest().clone();
        let held = guard.feeds().get(&manifest.issuer).cloned();
        let (status, via) = match plan {
            Plan::UpToDate => {
                // The same blob under a re-signed manifest (a new expiry):
                // nothing to download; the manifest still goes through the
                // Guard, which checks the blob held against it again.
                let same = held
                    .as_ref()
                    .is_some_and(|h| h.manifest().payload_digest == manifest.payload_digest);
                if !same {
                    guard.renew_feed(&jws, now)?;
                }
                let status = if same {
                    SyncStatus::NotModified
                } else {
                    SyncStatus::Updated
                };
                (status, None)
            }
            Plan::Delta { index, full } => {
                let fetched = self.fetch_blob(
                    started,
                    url,
                    &manifest.blobs[index].name,
                    manifest.blobs[index].length,
                    index,
                );
                let installed = match fetched {
                    Ok(delta) => {
                        downloaded += delta.len() as u64;
                        guard.install_feed_delta(&jws, &delta, now)
                    }
                    // A delta longer than its manifest says: as any bad
                    // delta, the full blob is fetched instead.
                    Err(SyncError::Feed(e @ FeedError::LengthMismatch { .. })) => {
                        Err(GuardError::Feed(e))
                    }
                    Err(e) => return Err(e),
                };
                match installed {
                    Ok(_) => (SyncStatus::Updated, Some(FeedVia::Delta)),
                    Err(e) if e.is_delta_fallback() => {
                        log::warn!(
                            "feed delta refused ({}): fetching the full blob",
                            e_code(&e)
                        );
                        let blob = self.fetch_blob(
                            started,
                            url,
                            &manifest.blobs[full].name,
                            manifest.blobs[full].length,
                            full,
                        )?;
                        downloaded += blob.len() as u64;
                        guard.install_feed(&jws, blob, now)?;
                        (SyncStatus::Updated, Some(FeedVia::Full))
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Plan::Full { index } => {
                let blob = self.fetch_blob(
                    started,
                    url,
                    &manifest.blobs[index].name,
                    manifest.blobs[index].length,
                    index,
                )?;
                downloaded += blob.len() as u64;
                guard.install_feed(&jws, blob, now)?;
                (SyncStatus::Updated, Some(FeedVia::Full))
            }
        };
        state.urls.insert(
            key,
            UrlRecord {
                etag: response_header(&response.headers, "etag"),
                last_modified: response_header(&response.headers, "last-modified"),
                issuer: manifest.issuer.clone(),
                version: manifest.version,
            },
        );
        Ok(FeedSyncOutcome {
            status,
            issuer: manifest.issuer.clone(),
            version: manifest.version,
            via,
            downloaded_bytes: downloaded,
        })
    }

    /// One blob the verified manifest names (blob `index`), at most
    /// `length` bytes: a server that sends more is cut off, and that is
    /// `length_mismatch`, as for fewer (the manifest's `length` is the
    /// file's; `too_large` is only the client's own cap).
    fn fetch_blob(
        &self,
        started: Instant,
        manifest_url: &str,
        name: &str,
        length: u64,
        index: usize,
    ) -> Result<Vec<u8>, SyncError> {
        let url = blob_url(manifest_url, name);
        check_url(&url, &self.config)?;
        let budget = self.config.total_timeout;
        let response = self
            .fetch_within(
                &HttpRequest {
                    url,
                    headers: Vec::new(),
                    max_bytes: length,
                    timeout: budget.saturating_sub(started.elapsed()),
                },
                started,
                budget,
            )
            .map_err(|e| match e.code() {
                "too_large" => SyncError::Feed(FeedError::LengthMismatch { blob: index }),
                _ => e,
            })?;
        if response.status != 200 {
            return Err(SyncError::network(
                NetworkCode::HttpStatus,
                format!("HTTP {} for a feed blob", response.status),
            ));
        }
        Ok(response.body)
    }
}

fn e_code(e: &callguard_state::GuardError) -> &'static str {
    match e {
        callguard_state::GuardError::Feed(f) => f.code(),
        _ => "other",
    }
}

fn response_header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// `name` (a manifest blob name: `[A-Za-z0-9._-]`, no leading dot, so it
/// cannot climb directories or name another host) next to the manifest.
pub fn blob_url(manifest_url: &str, name: &str) -> String {
    let base = manifest_url
        .split(['?', '#'])
        .next()
        .unwrap_or(manifest_url);
    match base.rfind('/') {
        Some(slash) if slash + 1 > base.find("://").map_or(0, |i| i + 3) => {
            format!("{}{name}", &base[..=slash])
        }
        _ => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::blob_url;

    #[test]
    fn blobs_are_fetched_next_to_the_manifest() {
        assert_eq!(
            blob_url("https://cdn.example/feeds/manifest.jws", "f-2.cgfeed"),
            "https://cdn.example/feeds/f-2.cgfeed"
        );
        assert_eq!(
            blob_url(
                "https://cdn.example/feeds/manifest.jws?token=x#y",
                "f.cgfeed"
            ),
            "https://cdn.example/feeds/f.cgfeed"
        );
        assert_eq!(
            blob_url("https://cdn.example", "f.cgfeed"),
            "https://cdn.example/f.cgfeed"
        );
        assert_eq!(
            blob_url("https://cdn.example/", "f.cgfeed"),
            "https://cdn.example/f.cgfeed"
        );
    }
}
