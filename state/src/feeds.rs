//! Feeds on disk: for each issuer, the last accepted manifest and the full
//! blob it names, stored under its SHA-256 so a manifest can never point at
//! other bytes than it names.
//!
//! Layout (inside the state directory):
//! - `feeds/<issuer>/<sha256>.cgfeed`: the full blob, checked (length,
//!   hash, every entry) before it is written; the caller maps it.
//! - `feeds/<issuer>/manifest.jws`: the manifest, written after its blob,
//!   so the blob it names is always there.
//! - `feeds/<issuer>/highest.json`: the highest version ever accepted
//!   (rollback protection that survives a damaged manifest file).
//! - `feeds/<issuer>/previous.jws`: the manifest in force before the
//!   current one, whose blob is kept too (one version back, no more), so
//!   the Call Directory can be updated by a diff instead of a reload.
//!
//! Writes are atomic and happen under the state directory's writer lock.
//! A delta is applied by the caller (`callguard_core::feed::apply_delta`,
//! which checks the result's hash) and stored as the full blob it produces.

use crate::atomic::{remove_stale_temps, write_atomically};
use crate::bounded::{read_bounded, ReadError};
use crate::lock::lock_for_writing;
use crate::mapped::MappedBlob;
use crate::store::StoreError;
use callguard_core::accept::check_version;
use callguard_core::feed::{
    accept_feed, check_blob, verify_signed_feed, FeedError, VerifiedFeed, MAX_MANIFEST_BYTES,
};
use callguard_core::list::hex;
use callguard_core::trust::is_valid_issuer_id;
use callguard_core::{Timestamp, Trust};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub struct FeedStore {
    root: PathBuf,
    feeds: PathBuf,
    max_blob_bytes: u64,
}

#[derive(Debug)]
pub enum FeedStoreError {
    /// The manifest or blob was refused: nothing was written.
    Refused(FeedError),
    Store(StoreError),
}

impl FeedStoreError {
    pub fn code(&self) -> &'static str {
        match self {
            FeedStoreError::Refused(e) => e.code(),
            FeedStoreError::Store(StoreError::Io(_)) => "io",
            FeedStoreError::Store(StoreError::Corrupt { .. }) => "corrupt",
        }
    }
}

impl std::fmt::Display for FeedStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedStoreError::Refused(e) => write!(f, "{e}"),
            FeedStoreError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for FeedStoreError {}

impl From<io::Error> for FeedStoreError {
    fn from(e: io::Error) -> Self {
        FeedStoreError::Store(StoreError::Io(e))
    }
}

impl From<StoreError> for FeedStoreError {
    fn from(e: StoreError) -> Self {
        FeedStoreError::Store(e)
    }
}

impl From<FeedError> for FeedStoreError {
    fn from(e: FeedError) -> Self {
        FeedStoreError::Refused(e)
    }
}

/// A feed held on disk: its verified manifest and where its blob lies.
#[derive(Debug, Clone)]
pub struct StoredFeed {
    pub feed: VerifiedFeed,
    /// The signed manifest as stored.
    pub jws: Vec<u8>,
    pub blob_path: PathBuf,
}

impl FeedStore {
    /// Opens (and creates) `<state root>/feeds`.
    pub fn open(state_root: impl AsRef<Path>, max_blob_bytes: u64) -> io::Result<FeedStore> {
        let root = state_root.as_ref().to_path_buf();
        let feeds = root.join("feeds");
        fs::create_dir_all(&feeds)?;
        Ok(FeedStore {
            root,
            feeds,
            max_blob_bytes,
        })
    }

    /// Opens `<state root>/feeds` to read only: nothing is created (see
    /// `StateDir::open_read`). The state root must exist.
    pub fn open_read(state_root: impl AsRef<Path>, max_blob_bytes: u64) -> io::Result<FeedStore> {
        let root = state_root.as_ref().to_path_buf();
        if !fs::metadata(&root)?.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                "the state directory is not a directory",
            ));
        }
        Ok(FeedStore {
            feeds: root.join("feeds"),
            root,
            max_blob_bytes,
        })
    }

    fn dir(&self, issuer: &str) -> io::Result<PathBuf> {
        // Issuer ids become directory names: checked again here.
        if !is_valid_issuer_id(issuer) {
            return Err(io::Error::other("invalid issuer id"));
        }
        Ok(self.feeds.join(issuer))
    }

    /// The highest feed version ever accepted for `issuer`.
    pub fn highest(&self, issuer: &str) -> Result<Option<callguard_core::Prior>, StoreError> {
        let path = self.dir(issuer)?.join("highest.json");
        crate::highest::read(&path, &format!("feeds/{issuer}/highest.json"), issuer)
    }

    /// Checks `manifest_jws` as arriving from outside (signature, trust,
    /// expiry, rollback against the highest version held) and `blob` as
    /// its full blob, then stores both. Nothing is written on refusal.
    pub fn install(
        &self,
        trust: &Trust,
        manifest_jws: &[u8],
        blob: &[u8],
        now: Timestamp,
    ) -> Result<StoredFeed, FeedStoreError> {
        self.install_with(trust, manifest_jws, Some(blob), now)
    }

    /// Stores `manifest_jws` (checked as in `install`) whose full blob is
    /// already stored — a re-signed manifest, e.g. a later expiry — without
    /// the blob passing through memory: the stored file is hashed again
    /// (streamed) instead. `BlobNotHeld` if that blob is not stored.
    pub fn install_renewal(
        &self,
        trust: &Trust,
        manifest_jws: &[u8],
        now: Timestamp,
    ) -> Result<StoredFeed, FeedStoreError> {
        self.install_with(trust, manifest_jws, None, now)
    }

    fn install_with(
        &self,
        trust: &Trust,
        manifest_jws: &[u8],
        blob: Option<&[u8]>,
        now: Timestamp,
    ) -> Result<StoredFeed, FeedStoreError> {
        let dir = self.dir(&trust.issuer)?;
        let _writer = lock_for_writing(&self.root)?;
        let prior = self.highest(&trust.issuer)?;
        let feed = accept_feed(
            manifest_jws,
            trust,
            self.max_blob_bytes,
            now,
            prior.as_ref(),
        )?;
        let manifest = feed.manifest();
        let (index, full) = manifest
            .full()
            .ok_or(FeedError::Malformed("no full blob".into()))?;
        let blob_path = dir.join(format!("{}.cgfeed", hex(&full.sha256)));
        match blob {
            Some(bytes) => check_blob(manifest, index, bytes)?,
            None => {
                MappedBlob::map_verified(&blob_path, full.length, &full.sha256)
                    .map_err(|_| FeedError::BlobNotHeld)?;
            }
        }
        fs::create_dir_all(&dir)?;
        remove_stale_temps(&dir);
        // The feed being replaced becomes the previous one, if it still
        // verifies and is an older version (re-installing the same version
        // keeps the previous one as it was).
        let replaced = self
            .load(trust)
            .ok()
            .flatten()
            .filter(|old| old.feed.manifest().version < manifest.version);
        if let Some(bytes) = blob {
            write_atomically(&blob_path, bytes)?;
        }
        if let Some(old) = &replaced {
            write_atomically(&dir.join("previous.jws"), &old.jws)?;
        }
        write_atomically(&dir.join("manifest.jws"), manifest_jws)?;
        crate::highest::write(&dir.join("highest.json"), &trust.issuer, &feed.prior())?;
        // Blobs named by neither the current nor the previous manifest.
        let keep = match replaced {
            Some(old) => Some(old.blob_path),
            None => self
                .load_previous(trust)
                .ok()
                .flatten()
                .map(|p| p.blob_path),
        };
        for entry in fs::read_dir(&dir)?.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "cgfeed")
                && path != blob_path
                && keep.as_ref() != Some(&path)
            {
                let _ = fs::remove_file(path);
            }
        }
        Ok(StoredFeed {
            feed,
            jws: manifest_jws.to_vec(),
            blob_path,
        })
    }

    /// The feed held for `trust.issuer`, re-verified against `trust` (an
    /// expired one too: it may still warn). The blob was checked when it
    /// was stored under its hash; its size is checked again here, its
    /// hash is not (opening stays cheap).
    pub fn load(&self, trust: &Trust) -> Result<Option<StoredFeed>, FeedStoreError> {
        let Some(feed) = self.load_manifest(trust, "manifest.jws")? else {
            return Ok(None);
        };
        // Never behind the highest version recorded (a manifest file put back).
        if let Some(highest) = self.highest(&trust.issuer)? {
            check_version(&feed.0.prior(), Some(&highest)).map_err(FeedError::from)?;
        }
        self.with_blob(trust, feed).map(Some)
    }

    /// The feed in force before the current one (kept for diffs), verified
    /// like `load` — signature under `trust`, blob present at the length
    /// its manifest names — and older than the current one. `None` when
    /// there is none (a first install, or a store written before previous
    /// feeds were kept).
    pub fn load_previous(&self, trust: &Trust) -> Result<Option<StoredFeed>, FeedStoreError> {
        let Some(previous) = self.load_manifest(trust, "previous.jws")? else {
            return Ok(None);
        };
        let current = self
            .load_manifest(trust, "manifest.jws")?
            .map(|(f, _)| f.manifest().version);
        if current.is_none_or(|v| previous.0.manifest().version >= v) {
            return Err(corrupt(
                &trust.issuer,
                "previous.jws is not older than the current manifest",
            ));
        }
        self.with_blob(trust, previous).map(Some)
    }

    /// A stored manifest (`file`), verified under `trust`.
    fn load_manifest(
        &self,
        trust: &Trust,
        file: &'static str,
    ) -> Result<Option<(VerifiedFeed, Vec<u8>)>, FeedStoreError> {
        let dir = self.dir(&trust.issuer)?;
        let jws = match read_bounded(&dir.join(file), MAX_MANIFEST_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(None),
            Err(ReadError::Io(e)) => return Err(e.into()),
            Err(_) => return Err(corrupt(&trust.issuer, "a manifest is not a file we wrote")),
        };
        let feed = verify_signed_feed(&jws, trust, self.max_blob_bytes)?;
        Ok(Some((feed, jws)))
    }

    /// Where the manifest's full blob lies, checked to be there at its length.
    fn with_blob(
        &self,
        trust: &Trust,
        (feed, jws): (VerifiedFeed, Vec<u8>),
    ) -> Result<StoredFeed, FeedStoreError> {
        let dir = self.dir(&trust.issuer)?;
        let full = feed
            .manifest()
            .full()
            .map(|(_, b)| (b.sha256, b.length))
            .ok_or(FeedError::Malformed("no full blob".into()))?;
        let blob_path = dir.join(format!("{}.cgfeed", hex(&full.0)));
        let size = fs::metadata(&blob_path)
            .map(|m| m.len())
            .map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => corrupt(&trust.issuer, "the manifest's blob is missing"),
                _ => e.into(),
            })?;
        if size != full.1 {
            return Err(corrupt(
                &trust.issuer,
                "the blob is not the manifest's length",
            ));
        }
        Ok(StoredFeed {
            feed,
            jws,
            blob_path,
        })
    }
}

fn corrupt(issuer: &str, what: &'static str) -> FeedStoreError {
    FeedStoreError::Store(StoreError::Corrupt {
        file: format!("feeds/{issuer}"),
        what,
    })
}
