//! One sync: download (conditional, capped, retried), verify through the
//! Guard (which stores and activates only a verified list), remember.
//! Every failure leaves the previous list in force and on disk.

use crate::config::SyncConfig;
use crate::error::{NetworkCode, SyncError};
use crate::history::{self, SyncState, UrlRecord};
use crate::reqwest_transport::ReqwestTransport;
use crate::transport::{check_url, HttpRequest, HttpResponse, Transport};
use callguard_core::refresh::{RefreshPolicy, Validity};
use callguard_core::{ContactList, Timestamp};
use callguard_state::Guard;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStatus {
    /// A new version is in force.
    Updated,
    /// The server had nothing newer (304, or the same version again).
    NotModified,
}

#[derive(Debug, Clone)]
pub struct SyncOutcome {
    pub status: SyncStatus,
    pub list: Arc<ContactList>,
}

/// However the app configures it, no sync makes more attempts than this.
const MAX_ATTEMPTS: u32 = 10;

pub struct Syncer {
    pub(crate) config: SyncConfig,
    transport: Arc<dyn Transport>,
    policy: RefreshPolicy,
    /// Used when the Guard has no state directory; serialises syncs too.
    pub(crate) memory: Mutex<SyncState>,
}

impl Syncer {
    /// With the default reqwest transport.
    pub fn new(config: SyncConfig) -> Result<Syncer, SyncError> {
        let transport = Arc::new(ReqwestTransport::new(&config)?);
        Ok(Syncer::with_transport(config, transport))
    }

    pub fn with_transport(config: SyncConfig, transport: Arc<dyn Transport>) -> Syncer {
        Syncer {
            config,
            transport,
            policy: RefreshPolicy::default(),
            memory: Mutex::new(SyncState::default()),
        }
    }

    pub fn config(&self) -> &SyncConfig {
        &self.config
    }

    /// Fetches `url` and, if it holds a newer verified list, puts it in force.
    pub fn sync(&self, guard: &Guard, url: &str, now: Timestamp) -> Result<SyncOutcome, SyncError> {
        let mut memory = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        let path = guard.state().map(|s| history::path_in(s.root()));
        let mut state = match &path {
            Some(p) => history::load(p),
            None => memory.clone(),
        };
        let result = self.sync_once(guard, url, now, &mut state);
        match &result {
            Ok(_) => state.record_success(now),
            Err(_) => state.record_failure(now),
        }
        match &path {
            Some(p) => {
                if let Err(e) = history::save(p, &state) {
                    // Only scheduling hints are lost; the list itself is safe.
                    log::warn!("could not record the sync: {}", e.kind());
                }
            }
            None => *memory = state,
        }
        match &result {
            Ok(o) => log::info!("sync: {:?}, version {}", o.status, o.list.version),
            Err(e) => log::warn!("sync failed: {}", e.code()),
        }
        result
    }

    /// When a platform scheduler should run the next sync (Unix seconds).
    pub fn next_sync_at(&self, guard: &Guard, now: Timestamp) -> Timestamp {
        let state = match guard.state() {
            Some(s) => history::load(&history::path_in(s.root())),
            None => self
                .memory
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
        };
        // The list that expires first decides.
        let validity = guard
            .snapshot()
            .iter()
            .map(|l| Validity {
                issued_at: l.issued_at,
                expires_at: l.expires_at,
            })
            .min_by_key(|v| v.expires_at);
        self.policy.next_sync_at(&state.history(), validity, now)
    }

    fn sync_once(
        &self,
        guard: &Guard,
        url: &str,
        now: Timestamp,
        state: &mut SyncState,
    ) -> Result<SyncOutcome, SyncError> {
        check_url(url, &self.config)?;
        let key = SyncState::url_key(url);
        // Conditional headers only while what that URL served is still in force.
        let in_force = state.urls.get(&key).and_then(|r| {
            guard
                .snapshot()
                .iter()
                .find(|l| l.issuer.id == r.issuer && l.version == r.version)
                .cloned()
        });
        let headers = match (state.urls.get(&key), &in_force) {
            (Some(record), Some(_)) => record.conditional_headers(),
            _ => Vec::new(),
        };
        let request = HttpRequest {
            url: url.to_string(),
            headers,
            max_bytes: self.config.max_bytes.min(guard.max_list_bytes()),
            timeout: self.config.total_timeout,
        };
        let response = self.fetch_with_retries(&request)?;
        if response.status == 304 {
            return match in_force {
                Some(list) if !request.headers.is_empty() => Ok(SyncOutcome {
                    status: SyncStatus::NotModified,
                    list,
                }),
                _ => Err(SyncError::network(
                    NetworkCode::HttpStatus,
                    "HTTP 304 to an unconditional request",
                )),
            };
        }
        let before: Vec<(String, u64)> = guard
            .snapshot()
            .iter()
            .map(|l| (l.issuer.id.clone(), l.version))
            .collect();
        let list = guard.load_list(&response.body, now)?;
        state.urls.insert(
            key,
            UrlRecord {
                etag: response.header("etag").map(str::to_string),
                last_modified: response.header("last-modified").map(str::to_string),
                issuer: list.issuer.id.clone(),
                version: list.version,
            },
        );
        let unchanged = before
            .iter()
            .any(|(id, v)| *id == list.issuer.id && *v == list.version);
        Ok(SyncOutcome {
            status: if unchanged {
                SyncStatus::NotModified
            } else {
                SyncStatus::Updated
            },
            list,
        })
    }

    /// Bounded retries with exponential backoff and jitter, on network
    /// errors and 5xx/429; `Retry-After` honoured up to a cap. No retry on
    /// other 4xx: asking again will not help.
    pub(crate) fn fetch_with_retries(
        &self,
        request: &HttpRequest,
    ) -> Result<HttpResponse, SyncError> {
        self.fetch_within(request, Instant::now(), self.config.total_timeout)
    }

    /// `fetch_with_retries` within what is left of a budget that began at
    /// `started` (a feed sync's requests share one).
    pub(crate) fn fetch_within(
        &self,
        request: &HttpRequest,
        started: Instant,
        budget: Duration,
    ) -> Result<HttpResponse, SyncError> {
        let attempts = self.config.max_attempts.clamp(1, MAX_ATTEMPTS);
        for attempt in 1..=attempts {
            let last = attempt == attempts;
            // Every attempt gets only what is left of the one time budget.
            let remaining = budget.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                return Err(SyncError::network(
                    NetworkCode::Timeout,
                    "the time budget is spent",
                ));
            }
            let this_try = HttpRequest {
                timeout: remaining,
                ..request.clone()
            };
            let delay = match self.transport.get(&this_try) {
                Ok(r) if r.status == 200 || r.status == 304 => return Ok(r),
                Ok(r) if r.status == 429 || r.status >= 500 => {
                    let status =
                        SyncError::network(NetworkCode::HttpStatus, format!("HTTP {}", r.status));
                    if last {
                        return Err(status);
                    }
                    match retry_after(&r) {
                        Some(wait) if wait > self.config.max_retry_after => return Err(status),
                        // Never faster than our own backoff, even on "Retry-After: 0".
                        Some(wait) => wait.max(self.backoff(attempt)),
                        None => self.backoff(attempt),
                    }
                }
                Ok(r) => {
                    return Err(SyncError::network(
                        NetworkCode::HttpStatus,
                        format!("HTTP {}", r.status),
                    ));
                }
                Err(e) if e.is_transient() && !last => self.backoff(attempt),
                Err(e) => return Err(e),
            };
            if started.elapsed() + delay > budget {
                return Err(SyncError::network(
                    NetworkCode::Timeout,
                    "retries would exceed the time budget",
                ));
            }
            std::thread::sleep(delay);
        }
        unreachable!("the loop returns on its last attempt")
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self
            .config
            .first_retry
            .saturating_mul(1 << (attempt - 1).min(10));
        let mut byte = [0u8; 1];
        let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut byte);
        // Up to 50 % jitter, so a fleet of phones does not retry in step.
        base + base.mul_f64(f64::from(byte[0]) / 510.0)
    }
}

fn retry_after(response: &HttpResponse) -> Option<Duration> {
    let value = response.header("retry-after")?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}
