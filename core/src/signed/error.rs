//! Why a list or a trust file was refused.
//!
//! Rich internal detail for developers, but a small, stable set of public
//! codes (`ListError::code`) for apps, the CLI and the bindings. Messages
//! name fields and positions (`contacts[3].number`), never the values
//! themselves: no phone numbers or names ever end up in an error string.

use std::fmt;

/// A list was rejected. `code()` is the stable public reason code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// Input larger than the configured limit, refused before parsing.
    TooLarge { limit: u64 },
    /// Not a JWS we can read: bad base64, bad JSON, missing members, nesting too deep.
    Malformed(String),
    /// A contact (or the issuer block) breaks the payload rules; `what` names the field.
    InvalidContact { index: usize, what: String },
    /// `alg` is missing, `none`, or anything but `EdDSA`/`Ed25519`/`ES256`.
    UnsupportedAlg,
    /// `typ` header or payload `type` is not ours.
    WrongType,
    /// No signature carries a `kid` that the trust file holds.
    UnknownKey,
    /// A signature under a trusted `kid` does not verify.
    BadSignature,
    /// Some signatures verified, but from fewer distinct keys than `threshold`.
    InsufficientSignatures { valid: usize, threshold: usize },
    /// The list's issuer is not the trust file's issuer.
    IssuerMismatch,
    /// `schema` is newer than this SDK understands.
    UnsupportedSchema { schema: u64 },
    /// `expires_at` is in the past.
    Expired,
    /// `version` is lower than one accepted before for this issuer.
    Rollback { accepted: u64, offered: u64 },
    /// Same `version` as one accepted before, but a different payload.
    ConflictingVersion { version: u64 },
}

/// Every code `ListError::code` can return, in the order of the table in
/// docs/list-format.md §5 (a test keeps the two in step).
pub const CODES: [&str; 12] = [
    "malformed",
    "too_large",
    "unsupported_alg",
    "wrong_type",
    "unknown_key",
    "bad_signature",
    "insufficient_signatures",
    "issuer_mismatch",
    "unsupported_schema",
    "expired",
    "rollback",
    "conflicting_version",
];

impl ListError {
    /// The stable reason code (see docs/list-format.md, "Rejection codes").
    pub fn code(&self) -> &'static str {
        match self {
            ListError::TooLarge { .. } => "too_large",
            ListError::Malformed(_) | ListError::InvalidContact { .. } => "malformed",
            ListError::UnsupportedAlg => "unsupported_alg",
            ListError::WrongType => "wrong_type",
            ListError::UnknownKey => "unknown_key",
            ListError::BadSignature => "bad_signature",
            ListError::InsufficientSignatures { .. } => "insufficient_signatures",
            ListError::IssuerMismatch => "issuer_mismatch",
            ListError::UnsupportedSchema { .. } => "unsupported_schema",
            ListError::Expired => "expired",
            ListError::Rollback { .. } => "rollback",
            ListError::ConflictingVersion { .. } => "conflicting_version",
        }
    }

    pub(crate) fn malformed(what: impl Into<String>) -> Self {
        ListError::Malformed(what.into())
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::TooLarge { limit } => {
                write!(f, "the list is larger than the {limit}-byte limit")
            }
            ListError::Malformed(what) => write!(f, "the list is malformed: {what}"),
            ListError::InvalidContact { index, what } => {
                write!(f, "the list is malformed: contacts[{index}]: {what}")
            }
            ListError::UnsupportedAlg => {
                write!(
                    f,
                    "no signature uses a supported algorithm (EdDSA, Ed25519 or ES256)"
                )
            }
            ListError::WrongType => write!(f, "the list is not a CallGuard contact list"),
            ListError::UnknownKey => {
                write!(f, "no signature was made by a key the trust file holds")
            }
            ListError::BadSignature => write!(f, "a signature does not verify"),
            ListError::InsufficientSignatures { valid, threshold } => write!(
                f,
                "{valid} valid signature(s) from distinct trusted keys, {threshold} required"
            ),
            ListError::IssuerMismatch => write!(f, "the list's issuer is not the trusted issuer"),
            ListError::UnsupportedSchema { schema } => {
                write!(f, "schema {schema} is newer than this SDK supports")
            }
            ListError::Expired => write!(f, "the list has expired"),
            ListError::Rollback { accepted, offered } => write!(
                f,
                "version {offered} is older than version {accepted} accepted before"
            ),
            ListError::ConflictingVersion { version } => write!(
                f,
                "version {version} was accepted before with a different payload"
            ),
        }
    }
}

impl std::error::Error for ListError {}

/// A trust file was refused. Trust is pinned in the app, so this is a
/// developer error, reported with a precise reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustError(pub String);

impl fmt::Display for TrustError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid trust file: {}", self.0)
    }
}

impl std::error::Error for TrustError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_lists_every_code_once() {
        let all = [
            ListError::TooLarge { limit: 1 },
            ListError::Malformed(String::new()),
            ListError::InvalidContact {
                index: 0,
                what: String::new(),
            },
            ListError::UnsupportedAlg,
            ListError::WrongType,
            ListError::UnknownKey,
            ListError::BadSignature,
            ListError::InsufficientSignatures {
                valid: 0,
                threshold: 1,
            },
            ListError::IssuerMismatch,
            ListError::UnsupportedSchema { schema: 2 },
            ListError::Expired,
            ListError::Rollback {
                accepted: 2,
                offered: 1,
            },
            ListError::ConflictingVersion { version: 1 },
        ];
        let codes: std::collections::BTreeSet<&str> = all.iter().map(ListError::code).collect();
        let listed: std::collections::BTreeSet<&str> = CODES.into_iter().collect();
        assert_eq!(codes, listed);
        assert_eq!(listed.len(), CODES.len());
    }
}
