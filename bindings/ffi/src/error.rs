//! The one public error, and the one place internal errors map to it.
//! Messages carry codes and field names, never numbers or names.

use callguard_state::GuardError;

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum CallGuardError {
    /// The list was refused. `code` is one of docs/list-format.md's rejection codes.
    #[error("invalid list ({code}): {detail}")]
    InvalidList { code: String, detail: String },
    /// The trust file is not usable (a developer error: trust is pinned in the app).
    #[error("invalid trust: {detail}")]
    InvalidTrust { detail: String },
    /// The state directory could not be read or written.
    #[error("storage: {detail}")]
    Storage { detail: String },
    /// The list could not be downloaded. `detail` starts with a code and a
    /// colon: `dns`, `connection_refused`, `timeout`, `tls_untrusted`,
    /// `tls_wrong_host`, `tls_protocol`, `insecure_url`, `insecure_redirect`,
    /// `too_large`, `http_status`, `network` (callguard_sync::error).
    #[error("network: {detail}")]
    Network { detail: String },
    /// A call intent was refused. `code` is one of docs/call-intents.md's codes.
    #[error("invalid intent ({code}): {detail}")]
    InvalidIntent { code: String, detail: String },
    /// A feed manifest, blob or delta was refused. `code` is one of
    /// docs/feed-format.md's codes (a list code for manifest rules).
    #[error("invalid feed ({code}): {detail}")]
    InvalidFeed { code: String, detail: String },
    /// A bank's override of the copy was refused. `code` is one of
    /// docs/copy.md's (`copy_*`); `detail` names the message, never the text.
    #[error("invalid copy ({code}): {detail}")]
    InvalidCopy { code: String, detail: String },
}

impl From<callguard_core::copy::CopyError> for CallGuardError {
    fn from(error: callguard_core::copy::CopyError) -> Self {
        CallGuardError::InvalidCopy {
            code: error.code().to_string(),
            detail: error.to_string(),
        }
    }
}

impl From<callguard_sync::SyncError> for CallGuardError {
    fn from(error: callguard_sync::SyncError) -> Self {
        match error {
            callguard_sync::SyncError::List(e) => GuardError::List(e).into(),
            callguard_sync::SyncError::Storage(detail) => CallGuardError::Storage { detail },
            callguard_sync::SyncError::Feed(e) => GuardError::Feed(e).into(),
            network @ callguard_sync::SyncError::Network { .. } => CallGuardError::Network {
                detail: network.to_string(),
            },
        }
    }
}

impl From<GuardError> for CallGuardError {
    fn from(error: GuardError) -> Self {
        match error {
            GuardError::List(e) => CallGuardError::InvalidList {
                code: e.code().to_string(),
                detail: e.to_string(),
            },
            GuardError::Trust(e) => CallGuardError::InvalidTrust { detail: e.0 },
            GuardError::Storage(detail) => CallGuardError::Storage { detail },
            GuardError::Intent(e) => CallGuardError::InvalidIntent {
                code: e.code().to_string(),
                detail: e.to_string(),
            },
            GuardError::Feed(e) => CallGuardError::InvalidFeed {
                code: e.code().to_string(),
                detail: e.to_string(),
            },
        }
    }
}
