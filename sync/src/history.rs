//! What sync remembers between runs, in `DIR/sync.json` (atomic writes):
//! per URL the validators for conditional requests, and the success and
//! failure times the refresh policy needs. URLs are stored as SHA-256
//! digests: a URL may carry a token, and the file needs only to recognise it.

use callguard_core::refresh::SyncHistory;
use callguard_core::Timestamp;
use callguard_state::atomic::write_atomically;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct UrlRecord {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// What that URL served last time, so a 304 can be answered.
    pub issuer: String,
    pub version: u64,
}

impl UrlRecord {
    /// `If-None-Match` / `If-Modified-Since` from what the URL served last.
    pub fn conditional_headers(&self) -> Vec<(String, String)> {
        let mut headers = Vec::new();
        if let Some(etag) = &self.etag {
            headers.push(("If-None-Match".to_string(), etag.clone()));
        }
        if let Some(date) = &self.last_modified {
            headers.push(("If-Modified-Since".to_string(), date.clone()));
        }
        headers
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct SyncState {
    pub last_success: Option<i64>,
    pub last_failure: Option<i64>,
    pub consecutive_failures: u32,
    /// Keyed by hex SHA-256 of the URL.
    pub urls: BTreeMap<String, UrlRecord>,
}

impl SyncState {
    pub fn history(&self) -> SyncHistory {
        SyncHistory {
            last_success: self.last_success.map(Timestamp),
            last_failure: self.last_failure.map(Timestamp),
            consecutive_failures: self.consecutive_failures,
        }
    }

    pub fn record_success(&mut self, now: Timestamp) {
        self.last_success = Some(now.0);
        self.consecutive_failures = 0;
    }

    pub fn record_failure(&mut self, now: Timestamp) {
        self.last_failure = Some(now.0);
        self.consecutive_failures = self.consecutive_failures.saturating_add(1);
    }

    pub fn url_key(url: &str) -> String {
        callguard_core::list::hex(&callguard_core::list::sha256(url.as_bytes()))
    }
}

pub fn path_in(state_root: &Path) -> PathBuf {
    state_root.join("sync.json")
}

/// A few hundred bytes per URL; a file far larger than that is not ours.
const MAX_SYNC_STATE_BYTES: u64 = 1 << 20;

/// A missing or unreadable file (or one too large, or not a regular file)
/// is a fresh start: it only holds hints.
pub fn load(path: &Path) -> SyncState {
    callguard_state::read_bounded(path, MAX_SYNC_STATE_BYTES)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

pub fn save(path: &Path, state: &SyncState) -> std::io::Result<()> {
    let bytes = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    write_atomically(path, &bytes)
}
