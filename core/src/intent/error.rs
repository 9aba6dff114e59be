//! Why an intent was refused: one stable code per cause.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntentError {
    /// Over `MAX_INTENT_BYTES`, refused unread.
    TooLarge,
    /// Not a compact JWS with our claims; the detail names the field.
    Malformed(String),
    /// `typ` or payload `type` is not an intent's.
    WrongType,
    /// `alg` missing or not EdDSA/Ed25519/ES256, or not the key's.
    UnsupportedAlg,
    /// No current list of that issuer is in force (it may arrive later).
    NoCurrentList,
    /// The `kid` is not an intent key the issuer's current list delegates
    /// (a list key, an unknown key, or one a newer list dropped).
    KeyNotDelegated,
    /// The delegated key's own `expires_at` has passed.
    KeyExpired,
    BadSignature,
    /// Made for another phone (`aud` is not this install's audience id).
    WrongAudience,
    /// `exp` (plus the allowed skew) is in the past.
    Expired,
    /// `nbf` (minus the allowed skew) is in the future.
    NotYetValid,
    /// `exp - nbf` is longer than allowed.
    WindowTooLong,
    /// `from` is not a number of the issuer's list.
    NotListed,
    /// `from` is an inbound-only number: the bank never calls from it.
    InboundOnly,
    /// The contact does not use `channel`.
    ChannelNotUsed,
    /// The same `jti` arrived before with other content.
    Replayed,
    /// `MAX_LIVE_PER_ISSUER` live intents already.
    TooMany,
}

impl IntentError {
    pub fn code(&self) -> &'static str {
        match self {
            IntentError::TooLarge => "too_large",
            IntentError::Malformed(_) => "malformed",
            IntentError::WrongType => "wrong_type",
            IntentError::UnsupportedAlg => "unsupported_alg",
            IntentError::NoCurrentList => "no_current_list",
            IntentError::KeyNotDelegated => "key_not_delegated",
            IntentError::KeyExpired => "key_expired",
            IntentError::BadSignature => "bad_signature",
            IntentError::WrongAudience => "wrong_audience",
            IntentError::Expired => "expired",
            IntentError::NotYetValid => "not_yet_valid",
            IntentError::WindowTooLong => "window_too_long",
            IntentError::NotListed => "not_listed",
            IntentError::InboundOnly => "inbound_only",
            IntentError::ChannelNotUsed => "channel_not_used",
            IntentError::Replayed => "replayed",
            IntentError::TooMany => "too_many",
        }
    }

    pub(crate) fn malformed(what: impl Into<String>) -> Self {
        IntentError::Malformed(what.into())
    }
}

impl fmt::Display for IntentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntentError::Malformed(what) => write!(f, "malformed: {what}"),
            other => f.write_str(other.code()),
        }
    }
}

impl std::error::Error for IntentError {}
