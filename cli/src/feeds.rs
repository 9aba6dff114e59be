//! Feeds for screening from the command line: `--feed MANIFEST.jws
//! --feed-blob BLOB` pairs, each manifest verified against the `--trust`
//! file of its issuer and the blob checked against it (length, SHA-256,
//! every entry) as the SDK does at download; with `--state`, the feeds a
//! `callguard feed sync` stored there (verified again, blobs mapped, as the
//! SDK does at start). Expired feeds are kept: they may still warn.

use crate::io::{read_capped, read_trust, UsageError};
use callguard_core::feed::{
    check_blob, verify_signed_feed, FeedManifest, DEFAULT_MAX_BLOB_BYTES, MAX_MANIFEST_BYTES,
};
use callguard_state::{FeedStore, MappedBlob};
use std::path::PathBuf;
use std::sync::Arc;

/// A blob read from a file, or mapped from a state directory.
pub enum BlobBytes {
    Read(Vec<u8>),
    Mapped(MappedBlob),
}

impl std::ops::Deref for BlobBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BlobBytes::Read(v) => v,
            BlobBytes::Mapped(m) => m,
        }
    }
}

/// Verified manifests with their blob bytes; `Feed::new` borrows from them.
pub struct LoadedFeeds(pub Vec<(Arc<FeedManifest>, BlobBytes)>);

impl LoadedFeeds {
    pub fn feeds(&self) -> Result<Vec<callguard_core::feed::Feed<'_>>, UsageError> {
        self.0
            .iter()
            .map(|(m, b)| {
                callguard_core::feed::Feed::new(m, b).map_err(|e| UsageError::new(e.to_string()))
            })
            .collect()
    }
}

pub fn load(
    trusts: &[PathBuf],
    manifests: &[PathBuf],
    blobs: &[PathBuf],
    state: Option<&PathBuf>,
) -> Result<LoadedFeeds, UsageError> {
    let mut out = match state {
        Some(dir) => stored(trusts, dir)?,
        None => Vec::new(),
    };
    if manifests.len() != blobs.len() {
        return Err(UsageError::new(
            "--feed and --feed-blob come in pairs, one pair per feed",
        ));
    }
    let trusts = trusts
        .iter()
        .map(|t| read_trust(t))
        .collect::<Result<Vec<_>, _>>()?;
    for (manifest_path, blob_path) in manifests.iter().zip(blobs) {
        let jws = read_capped(manifest_path, MAX_MANIFEST_BYTES)?;
        // The trust file of the manifest's issuer: the first that verifies it.
        let mut refusal = None;
        let feed = trusts.iter().find_map(|trust| {
            verify_signed_feed(&jws, trust, DEFAULT_MAX_BLOB_BYTES)
                .map_err(|e| refusal = Some(e))
                .ok()
        });
        let feed = match (feed, refusal) {
            (Some(feed), _) => feed,
            (None, Some(e)) => {
                return Err(UsageError::refused(
                    e.code(),
                    format!("{} rejected ({}): {e}", manifest_path.display(), e.code()),
                ))
            }
            (None, None) => return Err(UsageError::new("--feed needs a --trust")),
        };
        let manifest = feed.manifest().clone();
        let (index, full) = manifest
            .full()
            .ok_or_else(|| UsageError::new("the manifest names no full blob"))?;
        // More bytes than the manifest's `length` is `length_mismatch`, as
        // fewer is (check_blob): the length is the file's, not a cap.
        let bytes = read_capped(blob_path, full.length).map_err(|e| match e.code {
            Some("too_large") => UsageError::refused(
                "length_mismatch",
                format!(
                    "{} rejected (length_mismatch): longer than the manifest's length",
                    blob_path.display()
                ),
            ),
            _ => e,
        })?;
        check_blob(&manifest, index, &bytes).map_err(|e| {
            UsageError::refused(
                e.code(),
                format!("{} rejected ({}): {e}", blob_path.display(), e.code()),
            )
        })?;
        out.push((manifest, BlobBytes::Read(bytes)));
    }
    Ok(LoadedFeeds(out))
}

/// The feeds stored in `dir` for each trusted issuer (none is fine).
fn stored(
    trusts: &[PathBuf],
    dir: &std::path::Path,
) -> Result<Vec<(Arc<FeedManifest>, BlobBytes)>, UsageError> {
    // A reader: nothing is created in the state directory.
    let store = FeedStore::open_read(dir, DEFAULT_MAX_BLOB_BYTES)?;
    let mut out = Vec::new();
    for trust_path in trusts {
        let trust = read_trust(trust_path)?;
        let Some(stored) = store.load(&trust).map_err(|e| {
            UsageError::new(format!(
                "the stored feed of {} is not usable ({}): {e}",
                trust.issuer,
                e.code()
            ))
        })?
        else {
            continue;
        };
        let manifest = stored.feed.manifest().clone();
        let (length, sha256) = manifest
            .full()
            .map_or((0, [0; 32]), |(_, b)| (b.length, b.sha256));
        let mapped = MappedBlob::map_verified(&stored.blob_path, length, &sha256).map_err(|e| {
            UsageError::new(format!("the stored feed blob of {}: {e}", trust.issuer))
        })?;
        out.push((manifest, BlobBytes::Mapped(mapped)));
    }
    Ok(out)
}
