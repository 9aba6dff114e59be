//! Feeds: the issuer's signed statement "these numbers are reported as
//! fraud / spam", millions of them, read in place from a memory map.
//!
//! - [`manifest`]: the small signed part (a JWS, `typ` `callguard-feed+json`)
//!   naming binary blobs by SHA-256 and length
//! - [`accept`]: whether a manifest may be believed, and whether a
//!   downloaded blob is the one it names
//! - [`blob`]: the blob format, read from a `&[u8]` the caller maps
//! - [`build`]: writing blobs (publisher side), streaming from sorted input
//! - [`delta`]: "from version N: these added, these removed", and applying one
//!
//! docs/feed-format.md is the byte-by-byte spec. The core does no I/O: the
//! caller maps or reads the file and hands the bytes in.

pub mod accept;
pub mod blob;
pub mod build;
pub mod delta;
pub mod directory;
mod error;
pub mod manifest;
mod varint;

pub use accept::{accept_feed, check_blob, verify_signed_feed, VerifiedFeed};
pub use blob::{Entry, FeedBlob, Prefix};
pub use build::FeedBuilder;
pub use delta::{apply_delta, diff};
pub use error::FeedError;
pub use manifest::{BlobKind, BlobRef, FeedManifest, Plan};

/// The JWS `typ` of a feed manifest (a list's is `callguard-list+json`).
pub const FEED_TYP: &str = "callguard-feed+json";
/// The manifest payload `type`.
pub const FEED_TYPE: &str = "callguard.feed-manifest";
/// A manifest is small: a few blob references.
pub const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
/// 256 MiB: 60 million numbers fit; a manifest naming more is refused
/// before anything is downloaded (callers may set a lower cap).
pub const DEFAULT_MAX_BLOB_BYTES: u64 = 256 * 1024 * 1024;
/// Numbers per block when the publisher does not choose (see blob.rs).
pub const DEFAULT_BLOCK_SIZE: u32 = 64;

/// What the issuer says about a number. Two bits in the blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Reported as fraud: risk `danger`.
    Fraud,
    /// Reported as spam or aggressive marketing: risk `caution`.
    Spam,
}

impl Category {
    pub fn code(self) -> u8 {
        match self {
            Category::Fraud => 0,
            Category::Spam => 1,
        }
    }

    /// Codes 2 and 3 are reserved: `validate` refuses them.
    pub fn from_code(code: u8) -> Option<Category> {
        match code {
            0 => Some(Category::Fraud),
            1 => Some(Category::Spam),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::Fraud => "fraud",
            Category::Spam => "spam",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        match name {
            "fraud" => Some(Category::Fraud),
            "spam" => Some(Category::Spam),
            _ => None,
        }
    }
}

/// A feed in force on the phone, as screening sees it: its verified
/// manifest and the full blob that manifest names. The caller maps the blob
/// and checked it (`check_blob`) when it was downloaded, so building one is
/// header checks only.
#[derive(Debug, Clone, Copy)]
pub struct Feed<'a> {
    pub manifest: &'a FeedManifest,
    pub blob: FeedBlob<'a>,
}

impl<'a> Feed<'a> {
    pub fn new(manifest: &'a FeedManifest, blob: &'a [u8]) -> Result<Feed<'a>, FeedError> {
        Ok(Feed {
            manifest,
            blob: FeedBlob::open(blob)?,
        })
    }

    pub fn is_current(&self, now: crate::timestamp::Timestamp) -> bool {
        now <= self.manifest.expires_at
    }
}
