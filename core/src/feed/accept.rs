//! Whether a feed manifest may be believed — the list rules, in the list
//! order (docs/list-format.md), with the feed's own `typ` — and whether
//! downloaded bytes are the blob it names.
//!
//! 1. size ≤ `MAX_MANIFEST_BYTES`                 → `too_large`
//! 2. JWS structure and headers, `typ` `callguard-feed+json`
//! 3. signatures from ≥ threshold keys of the issuer's trust file
//! 4. payload rules                               → `wrong_type`, `unsupported_schema`, `malformed`
//! 5. payload issuer = trust issuer               → `issuer_mismatch`
//! 6. every blob length ≤ the caller's cap        → `too_large` (before any download)
//! 7. now ≤ expires_at                            → `expired` (a stored, expired feed may still warn)
//! 8. version against the last accepted one       → `rollback`, `conflicting_version`

use super::blob::FeedBlob;
use super::manifest::{BlobKind, FeedManifest};
use super::{FeedError, FEED_TYP, MAX_MANIFEST_BYTES};
use crate::accept::{check_version, Prior};
use crate::error::ListError;
use crate::jws::Jws;
use crate::list::sha256;
use crate::timestamp::Timestamp;
use crate::trust::Trust;
use std::sync::Arc;

/// A manifest whose signatures and issuer have been checked.
#[derive(Debug, Clone)]
pub struct VerifiedFeed {
    manifest: Arc<FeedManifest>,
}

impl VerifiedFeed {
    pub fn manifest(&self) -> &Arc<FeedManifest> {
        &self.manifest
    }

    pub fn prior(&self) -> Prior {
        Prior {
            version: self.manifest.version,
            payload_digest: self.manifest.payload_digest,
        }
    }

    pub fn is_expired(&self, now: Timestamp) -> bool {
        now > self.manifest.expires_at
    }
}

/// Steps 1-6: the issuer's manifest, signed as its trust file demands,
/// naming no blob bigger than `max_blob_bytes`.
pub fn verify_signed_feed(
    jws: &[u8],
    trust: &Trust,
    max_blob_bytes: u64,
) -> Result<VerifiedFeed, FeedError> {
    if jws.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(ListError::TooLarge {
            limit: MAX_MANIFEST_BYTES,
        }
        .into());
    }
    let parsed = Jws::parse(jws)?;
    parsed.verify_typed(trust, FEED_TYP)?;
    let manifest = FeedManifest::parse(&parsed.payload()?)?;
    if manifest.issuer != trust.issuer {
        return Err(ListError::IssuerMismatch.into());
    }
    if let Some(blob) = manifest
        .blobs
        .iter()
        .position(|b| b.length > max_blob_bytes)
    {
        return Err(FeedError::BlobTooLarge {
            blob,
            limit: max_blob_bytes,
        });
    }
    Ok(VerifiedFeed {
        manifest: Arc::new(manifest),
    })
}

/// All steps: the rule for a manifest arriving from outside.
pub fn accept_feed(
    jws: &[u8],
    trust: &Trust,
    max_blob_bytes: u64,
    now: Timestamp,
    prior: Option<&Prior>,
) -> Result<VerifiedFeed, FeedError> {
    let feed = verify_signed_feed(jws, trust, max_blob_bytes)?;
    if feed.is_expired(now) {
        return Err(ListError::Expired.into());
    }
    check_version(&feed.prior(), prior)?;
    Ok(feed)
}

/// Are `bytes` the blob `blobs[index]` names? Length, then SHA-256, then
/// (full blobs) every entry — once, at download, so that opening later is
/// header checks only. Deltas are checked as they are applied.
pub fn check_blob(manifest: &FeedManifest, index: usize, bytes: &[u8]) -> Result<(), FeedError> {
    let blob = manifest
        .blobs
        .get(index)
        .ok_or(FeedError::LengthMismatch { blob: index })?;
    if bytes.len() as u64 != blob.length {
        return Err(FeedError::LengthMismatch { blob: index });
    }
    if sha256(bytes) != blob.sha256 {
        return Err(FeedError::HashMismatch { blob: index });
    }
    if blob.kind == BlobKind::Full {
        FeedBlob::open(bytes)?.validate()?;
    }
    Ok(())
}
