//! Why a sync failed. Codes are stable (the CLI's `--json`, the bindings'
//! `Network` detail); details never contain list contents or numbers.
//!
//! Network codes (the bindings' `Network` detail starts with `<code>: `):
//!
//! | code | meaning |
//! | --- | --- |
//! | `dns` | the host name could not be resolved |
//! | `connection_refused` | nothing listens at that address and port |
//! | `timeout` | connect, read or total time-out (the detail says which) |
//! | `tls_untrusted` | the certificate chain is not trusted (a private server: pass its CA) |
//! | `tls_wrong_host` | the certificate is not valid for this host name |
//! | `tls_protocol` | the TLS handshake failed (not TLS, no common version, garbage) |
//! | `insecure_url` | the URL itself is not `https://` (plain http only to 127.0.0.1/localhost, when allowed) |
//! | `insecure_redirect` | a redirect led to a non-`https://` URL |
//! | `too_large` | the body exceeded the byte cap |
//! | `http_status` | an unexpected HTTP status (4xx, or 5xx after retries) |
//! | `network` | any other transfer failure |

use callguard_core::feed::FeedError;
use callguard_core::ListError;
use callguard_state::GuardError;
use std::fmt;

#[derive(Debug)]
pub enum SyncError {
    /// The download failed or was refused before any list was looked at.
    Network { code: NetworkCode, detail: String },
    /// A list arrived but was rejected (the previous list stays in force).
    List(ListError),
    /// The state directory could not be written.
    Storage(String),
    /// A feed manifest, blob or delta arrived but was refused (the previous
    /// feed stays in force). `FeedError::code`: a list code for manifest
    /// rules, or `too_large`, `length_mismatch`, `hash_mismatch`,
    /// `malformed_blob`, `delta_base_mismatch`, `delta_mismatch`.
    Feed(FeedError),
}

impl From<GuardError> for SyncError {
    fn from(e: GuardError) -> Self {
        match e {
            GuardError::List(e) => SyncError::List(e),
            GuardError::Trust(e) => SyncError::List(ListError::Malformed(e.0)),
            GuardError::Storage(e) => SyncError::Storage(e),
            GuardError::Feed(e) => SyncError::Feed(e),
            // Never returned by what a sync calls; kept total, not a panic.
            GuardError::Intent(e) => SyncError::Storage(e.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkCode {
    /// The host name could not be resolved.
    Dns,
    /// Nothing listens at that address and port.
    ConnectionRefused,
    /// Connect, read or total time-out.
    Timeout,
    /// The certificate chain does not lead to a trusted CA.
    TlsUntrusted,
    /// The certificate is for another host name.
    TlsWrongHost,
    /// The TLS handshake failed for another reason.
    TlsProtocol,
    /// The URL itself is not https (or plain http where that is not allowed).
    InsecureUrl,
    /// A redirect leads to plain `http:`.
    InsecureRedirect,
    /// The body exceeded the byte cap (checked while streaming).
    TooLarge,
    /// The server answered with an unexpected status (4xx, or 5xx after retries).
    HttpStatus,
    /// Any other transfer failure (reset, cut short, corrupt).
    Network,
}

impl NetworkCode {
    pub const ALL: [NetworkCode; 11] = [
        NetworkCode::Dns,
        NetworkCode::ConnectionRefused,
        NetworkCode::Timeout,
        NetworkCode::TlsUntrusted,
        NetworkCode::TlsWrongHost,
        NetworkCode::TlsProtocol,
        NetworkCode::InsecureUrl,
        NetworkCode::InsecureRedirect,
        NetworkCode::TooLarge,
        NetworkCode::HttpStatus,
        NetworkCode::Network,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NetworkCode::Dns => "dns",
            NetworkCode::ConnectionRefused => "connection_refused",
            NetworkCode::Timeout => "timeout",
            NetworkCode::TlsUntrusted => "tls_untrusted",
            NetworkCode::TlsWrongHost => "tls_wrong_host",
            NetworkCode::TlsProtocol => "tls_protocol",
            NetworkCode::InsecureUrl => "insecure_url",
            NetworkCode::InsecureRedirect => "insecure_redirect",
            NetworkCode::TooLarge => "too_large",
            NetworkCode::HttpStatus => "http_status",
            NetworkCode::Network => "network",
        }
    }

    /// The code an app's own transport put in front of its message
    /// (`"tls_untrusted: …"`), if it is one of ours.
    pub fn from_code(code: &str) -> Option<NetworkCode> {
        NetworkCode::ALL.into_iter().find(|c| c.code() == code)
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
            SyncError::Feed(e) => e.code(),
        }
    }

    /// Worth another attempt within this sync? Not a certificate or a
    /// refused URL: asking again gets the same answer.
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self,
            SyncError::Network {
                code: NetworkCode::Timeout
                    | NetworkCode::Network
                    | NetworkCode::Dns
                    | NetworkCode::ConnectionRefused,
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
            SyncError::Feed(e) => write!(f, "{}: {e}", e.code()),
        }
    }
}

impl std::error::Error for SyncError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_round_trip() {
        for code in NetworkCode::ALL {
            assert_eq!(NetworkCode::from_code(code.code()), Some(code));
        }
        let mut names: Vec<_> = NetworkCode::ALL.iter().map(|c| c.code()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), NetworkCode::ALL.len());
        assert_eq!(NetworkCode::from_code("Network"), None);
    }

    #[test]
    fn every_code_is_documented_in_the_readme_and_here() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
        let here = include_str!("error.rs");
        for code in NetworkCode::ALL {
            let row = format!("| `{}` |", code.code());
            assert!(readme.contains(&row), "README lacks {row}");
            assert!(
                here.contains(&format!("//! {row}")),
                "the doc table lacks {row}"
            );
        }
    }
}
