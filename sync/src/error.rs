//! Why a sync failed. Codes are stable (the CLI's `--json`, the bindings'
//! `Network` detail); details never contain list contents or numbers.

use callguard_core::ListError;
use std::fmt;

#[derive(Debug)]
pub enum SyncError {
    /// The download failed or was refused before any list was looked at.
    Network { code: NetworkCode, detail: String },
    /// A list arrived but was rejected (the previous list stays in force).
    List(ListError),
    /// The state directory could not be written.
    Storage(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkCode {
    /// Connect, read or total time-out.
    Timeout,
    /// The body exceeded the byte cap (checked while streaming).
    TooLarge,
    /// The server answered with an unexpected status (4xx, or 5xx after retries).
    HttpStatus,
    /// DNS, TCP, TLS (including an untrusted certificate), protocol errors.
    Network,
    /// A redirect (or the URL itself) leads to plain `http:`.
    InsecureRedirect,
}

impl NetworkCode {
    pub fn code(self) -> &'static str {
        match self {
            NetworkCode::Timeout => "timeout",
            NetworkCode::TooLarge => "too_large",
            NetworkCode::HttpStatus => "http_status",
            NetworkCode::Network => "network",
            NetworkCode::InsecureRedirect => "insecure_redirect",
        }
    }
}

impl SyncError {
    pub fn network(code: NetworkCode, detail: impl Into<String>) -> Self {
        SyncError::Network {
            code,
            detail: detail.into(),
        }
    }

    /// The stable code: a network code or a list rejection code.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Network { code, .. } => code.code(),
            SyncError::List(e) => e.code(),
            SyncError::Storage(_) => "storage",
        }
    }

    /// Worth another attempt within this sync?
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self,
            SyncError::Network {
                code: NetworkCode::Timeout | NetworkCode::Network,
                ..
            }
        )
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Network { code, detail } => write!(f, "{}: {detail}", code.code()),
            SyncError::List(e) => write!(f, "{}: {e}", e.code()),
            SyncError::Storage(e) => write!(f, "storage: {e}"),
        }
    }
}

impl std::error::Error for SyncError {}
