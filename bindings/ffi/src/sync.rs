//! Sync as Kotlin and Swift see it: config, outcome, and the pluggable
//! `HttpTransport` (OkHttp, URLSession) adapted to the Rust transport.

use crate::types::ListInfo;
use callguard_sync::{
    HttpRequest as CoreRequest, HttpResponse as CoreResponse, NetworkCode, SyncError, Transport,
};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, uniffi::Record)]
pub struct SyncConfig {
    /// Extra trusted CA certificates (PEM) besides the bundled Mozilla roots.
    #[uniffi(default = [])]
    pub ca_certs_pem: Vec<String>,
    /// Allow `http://127.0.0.1`/`localhost` (tests and local debugging only).
    #[uniffi(default = false)]
    pub allow_http_localhost: bool,
    #[uniffi(default = 10000)]
    pub connect_timeout_ms: u64,
    #[uniffi(default = 20000)]
    pub read_timeout_ms: u64,
    #[uniffi(default = 60000)]
    pub total_timeout_ms: u64,
    #[uniffi(default = 3)]
    pub max_attempts: u32,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            ca_certs_pem: Vec::new(),
            allow_http_localhost: false,
            connect_timeout_ms: 10_000,
            read_timeout_ms: 20_000,
            total_timeout_ms: 60_000,
            max_attempts: 3,
        }
    }
}

impl SyncConfig {
    pub(crate) fn to_core(&self, max_bytes: u64) -> callguard_sync::SyncConfig {
        callguard_sync::SyncConfig {
            connect_timeout: Duration::from_millis(self.connect_timeout_ms),
            read_timeout: Duration::from_millis(self.read_timeout_ms),
            total_timeout: Duration::from_millis(self.total_timeout_ms),
            max_attempts: self.max_attempts,
            max_bytes,
            extra_ca_pem: self.ca_certs_pem.clone(),
            allow_http_localhost: self.allow_http_localhost,
            ..callguard_sync::SyncConfig::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SyncStatus {
    Updated,
    NotModified,
}

impl From<callguard_sync::SyncStatus> for SyncStatus {
    fn from(s: callguard_sync::SyncStatus) -> Self {
        match s {
            callguard_sync::SyncStatus::Updated => SyncStatus::Updated,
            callguard_sync::SyncStatus::NotModified => SyncStatus::NotModified,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncOutcome {
    pub status: SyncStatus,
    pub list: ListInfo,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HttpHeader {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct HttpRequest {
    pub url: String,
    pub headers: Vec<HttpHeader>,
    /// Stop reading past this many body bytes.
    pub max_bytes: u64,
    pub timeout_ms: u64,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<HttpHeader>,
    pub body: Vec<u8>,
    /// The URL finally fetched, after redirects (checked: https only).
    pub final_url: String,
}

/// What an app's transport throws. `Failed.detail` may start with one of
/// the sync's network codes (`"tls_untrusted: …"`, `"dns: …"`, see
/// `CallGuardError::Network`) so the app's failures reach its UI as
/// precisely as the built-in transport's; any other text is `network`.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TransportError {
    #[error("timeout: {detail}")]
    Timeout { detail: String },
    #[error("network: {detail}")]
    Failed { detail: String },
}

impl TransportError {
    fn into_sync_error(self) -> SyncError {
        match self {
            TransportError::Timeout { detail } => SyncError::network(NetworkCode::Timeout, detail),
            TransportError::Failed { detail } => {
                let coded = detail.split_once(':').and_then(|(code, rest)| {
                    Some((NetworkCode::from_code(code.trim())?, rest.trim()))
                });
                match coded {
                    Some((code, rest)) => SyncError::network(code, rest),
                    None => SyncError::network(NetworkCode::Network, detail),
                }
            }
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for TransportError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TransportError::Failed { detail: e.reason }
    }
}

/// An app's own HTTP stack. It must follow redirects only to https, honour
/// `max_bytes` and `timeout_ms`; Rust checks the final URL and the size again.
#[uniffi::export(with_foreign)]
pub trait HttpTransport: Send + Sync {
    fn get(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

pub(crate) struct ForeignTransport {
    pub inner: Arc<dyn HttpTransport>,
    pub config: callguard_sync::SyncConfig,
}

impl Transport for ForeignTransport {
    fn get(&self, request: &CoreRequest) -> Result<CoreResponse, SyncError> {
        let response = self
            .inner
            .get(HttpRequest {
                url: request.url.clone(),
                headers: request
                    .headers
                    .iter()
                    .map(|(name, value)| HttpHeader {
                        name: name.clone(),
                        value: value.clone(),
                    })
                    .collect(),
                max_bytes: request.max_bytes,
                timeout_ms: request.timeout.as_millis() as u64,
            })
            .map_err(TransportError::into_sync_error)?;
        callguard_sync::transport::check_redirect(&response.final_url, &self.config)?;
        if response.body.len() as u64 > request.max_bytes {
            return Err(SyncError::network(
                NetworkCode::TooLarge,
                "the response is larger than the cap",
            ));
        }
        Ok(CoreResponse {
            status: response.status,
            headers: response
                .headers
                .into_iter()
                .map(|h| (h.name.to_ascii_lowercase(), h.value))
                .collect(),
            body: response.body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_apps_transport_error_keeps_its_code() {
        let failed = |d: &str| {
            TransportError::Failed { detail: d.into() }
                .into_sync_error()
                .to_string()
        };
        assert_eq!(
            failed("tls_untrusted: pinning failed"),
            "tls_untrusted: pinning failed"
        );
        assert_eq!(failed("dns:no such host"), "dns: no such host");
        assert_eq!(failed("offline"), "network: offline");
        assert_eq!(failed("Unknown: x"), "network: Unknown: x");
        let timeout = TransportError::Timeout {
            detail: "slow".into(),
        };
        assert_eq!(timeout.into_sync_error().code(), "timeout");
    }
}
