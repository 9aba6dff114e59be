//! Feeds for screening from the command line: `--feed MANIFEST.jws
//! --feed-blob BLOB` pairs, each manifest verified against the `--trust`
//! file of its issuer and the blob checked against it (length, SHA-256,
//! every entry) as the SDK does at download. Expired feeds are kept: they
//! may still warn.

use crate::io::{read_capped, read_trust, UsageError};
use callguard_core::feed::{
    check_blob, verify_signed_feed, FeedManifest, DEFAULT_MAX_BLOB_BYTES, MAX_MANIFEST_BYTES,
};
use std::path::PathBuf;
use std::sync::Arc;

/// Verified manifests with their blob bytes; `Feed::new` borrows from them.
pub struct LoadedFeeds(pub Vec<(Arc<FeedManifest>, Vec<u8>)>);

impl LoadedFeeds {
    pub fn feeds(&self) -> Result<Vec<callguard_core::feed::Feed<'_>>, UsageError> {
        self.0
            .iter()
            .map(|(m, b)| {
                callguard_core::feed::Feed::new(m, b).map_err(|e| UsageError(e.to_string()))
            })
            .collect()
    }
}

pub fn load(
    trusts: &[PathBuf],
    manifests: &[PathBuf],
    blobs: &[PathBuf],
) -> Result<LoadedFeeds, UsageError> {
    if manifests.len() != blobs.len() {
        return Err(UsageError(
            "--feed and --feed-blob come in pairs, one pair per feed".into(),
        ));
    }
    let trusts = trusts
        .iter()
        .map(|t| read_trust(t))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
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
                return Err(UsageError(format!(
                    "{} rejected ({}): {e}",
                    manifest_path.display(),
                    e.code()
                )))
            }
            (None, None) => return Err(UsageError("--feed needs a --trust".into())),
        };
        let manifest = feed.manifest().clone();
        let (index, full) = manifest
            .full()
            .ok_or_else(|| UsageError("the manifest names no full blob".into()))?;
        let bytes = read_capped(blob_path, full.length)?;
        check_blob(&manifest, index, &bytes).map_err(|e| {
            UsageError(format!(
                "{} rejected ({}): {e}",
                blob_path.display(),
                e.code()
            ))
        })?;
        out.push((manifest, bytes));
    }
    Ok(LoadedFeeds(out))
}
