//! Why a feed manifest, blob or delta was refused: one stable code per cause.
//! Messages name fields, offsets and positions, never numbers.

use crate::error::ListError;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The manifest failed a rule it shares with lists (signature, trust,
    /// type, schema, expiry, rollback…): that rule's code.
    Manifest(ListError),
    /// `blobs[blob].length` is over the caller's cap: refused before download.
    BlobTooLarge { blob: usize, limit: u64 },
    /// The bytes are not `blobs[blob].length` long.
    LengthMismatch { blob: usize },
    /// The bytes do not hash to `blobs[blob].sha256`.
    HashMismatch { blob: usize },
    /// Not a blob of this format, or inconsistent inside; the detail names
    /// the field or position.
    Malformed(String),
    /// The delta was made for another blob than the one held.
    DeltaBase,
    /// The delta does not fit the blob it claims to apply to (removes a
    /// number that is not there, adds one that is), or its result does not
    /// hash to what the manifest names.
    DeltaMismatch,
    /// Publisher input the builder refuses (unsorted, duplicate, not E.164).
    InvalidInput(String),
    /// A manifest offered without a blob names another full blob than the
    /// one held: download that blob.
    BlobNotHeld,
}

impl FeedError {
    pub fn code(&self) -> &'static str {
        match self {
            FeedError::Manifest(e) => e.code(),
            FeedError::BlobTooLarge { .. } => "too_large",
            FeedError::LengthMismatch { .. } => "length_mismatch",
            FeedError::HashMismatch { .. } => "hash_mismatch",
            FeedError::Malformed(_) => "malformed_blob",
            FeedError::DeltaBase => "delta_base_mismatch",
            FeedError::DeltaMismatch => "delta_mismatch",
            FeedError::InvalidInput(_) => "invalid_input",
            FeedError::BlobNotHeld => "blob_not_held",
        }
    }

    pub(crate) fn malformed(what: impl Into<String>) -> Self {
        FeedError::Malformed(what.into())
    }
}

impl From<ListError> for FeedError {
    fn from(e: ListError) -> Self {
        FeedError::Manifest(e)
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Manifest(e) => write!(f, "feed manifest refused ({}): {e}", e.code()),
            FeedError::BlobTooLarge { blob, limit } => {
                write!(f, "blobs[{blob}] is larger than the {limit}-byte limit")
            }
            FeedError::LengthMismatch { blob } => {
                write!(
                    f,
                    "blobs[{blob}]: the bytes are not the length the manifest names"
                )
            }
            FeedError::HashMismatch { blob } => {
                write!(
                    f,
                    "blobs[{blob}]: the bytes do not have the SHA-256 the manifest names"
                )
            }
            FeedError::Malformed(what) => write!(f, "the feed blob is malformed: {what}"),
            FeedError::DeltaBase => write!(f, "the delta was made for another blob"),
            FeedError::DeltaMismatch => {
                write!(f, "the delta does not produce the blob the manifest names")
            }
            FeedError::InvalidInput(what) => write!(f, "invalid feed input: {what}"),
            FeedError::BlobNotHeld => write!(
                f,
                "the manifest names another full blob than the one held: download it"
            ),
        }
    }
}

impl std::error::Error for FeedError {}
