//! How a sync may use the network. Defaults protect a phone's battery,
//! memory and time from a slow or hostile server.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct SyncConfig {
    pub connect_timeout: Duration,
    /// Longest silence while reading.
    pub read_timeout: Duration,
    /// Whole request, all bytes included: a server dripping one byte a
    /// second is cut off here.
    pub total_timeout: Duration,
    /// Attempts per sync (1 = no retry). Retries only on network errors,
    /// 5xx, 429 and 503.
    pub max_attempts: u32,
    /// First retry delay; doubles per attempt, with up to 50 % jitter.
    pub first_retry: Duration,
    /// `Retry-After` is honoured up to this long; longer means "give up now".
    pub max_retry_after: Duration,
    /// Hard cap on the (decompressed) body, enforced while streaming.
    pub max_bytes: u64,
    /// Extra trusted CA certificates (PEM), added to the bundled Mozilla set:
    /// testers' servers, enterprise proxies.
    pub extra_ca_pem: Vec<String>,
    /// Allow `http://127.0.0.1`/`localhost` (tests and local debugging only).
    pub allow_http_localhost: bool,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_attempts: 3,
            first_retry: Duration::from_millis(700),
            max_retry_after: Duration::from_secs(30),
            max_bytes: callguard_core::DEFAULT_MAX_LIST_BYTES,
            extra_ca_pem: Vec::new(),
            allow_http_localhost: false,
        }
    }
}
