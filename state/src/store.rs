//! The state directory: for each issuer, the last list accepted, exactly
//! as it arrived, plus what rollback protection needs.
//!
//! Layout:
//! - `DIR/lists/<issuer>.list`: the last accepted list. Its first line is a
//!   small JSON header (`{"format":1,"version":N,"payload_sha256":"…","jws_sha256":"…"}`),
//!   the rest the JWS bytes. One file means one rename: the header and the
//!   list can never disagree.
//! - `DIR/lists/<issuer>.list.prev`: the list accepted before it.
//! - `DIR/versions/<issuer>.json`: the highest version ever accepted
//!   (see `highest.rs`), so a damaged list file does not erase the history.
//! - `DIR/lock`: the writers' lock (see `lock.rs`).
//!
//! Every file is replaced atomically and read with a size cap. Trust is
//! never stored here.

use crate::atomic::{remove_stale_temps, write_atomically};
use crate::bounded::{read_bounded, ReadError};
use crate::hex::unhex;
use crate::highest;
use crate::lock::lock_for_writing;
pub use crate::store_error::StoreError;
use callguard_core::accept::check_version;
use callguard_core::list::hex;
use callguard_core::{trust::is_valid_issuer_id, ListError, Prior, DEFAULT_MAX_LIST_BYTES};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Room for the header line in front of the JWS in a stored list file.
const MAX_HEADER_BYTES: u64 = 1024;

#[derive(Debug, Clone)]
pub struct StateDir {
    root: PathBuf,
    lists: PathBuf,
    versions: PathBuf,
    max_list_bytes: u64,
}

/// A list read back from disk. Still unverified: callers re-verify it.
#[derive(Debug, Clone)]
pub struct StoredList {
    pub jws: Vec<u8>,
    pub prior: Prior,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    version: u64,
    payload_sha256: String,
    jws_sha256: String,
}

/// Why a verified list was not stored.
#[derive(Debug)]
pub enum SaveError {
    /// The version rule refused it against what is stored now (another
    /// process may have stored a newer list since the caller looked).
    Refused(ListError),
    Io(io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Refused(e) => write!(f, "{}: {e}", e.code()),
            SaveError::Io(e) => write!(f, "could not store the list: {}", e.kind()),
        }
    }
}

impl std::error::Error for SaveError {}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Io(e) => SaveError::Io(e),
            corrupt => SaveError::Io(io::Error::other(corrupt.to_string())),
        }
    }
}

impl StateDir {
    /// Opens (and creates) a state directory.
    pub fn open(root: impl AsRef<Path>) -> io::Result<StateDir> {
        let root = root.as_ref().to_path_buf();
        let lists = root.join("lists");
        let versions = root.join("versions");
        fs::create_dir_all(&lists)?;
        fs::create_dir_all(&versions)?;
        remove_stale_temps(&lists);
        remove_stale_temps(&versions);
        Ok(StateDir {
            root,
            lists,
            versions,
            max_list_bytes: DEFAULT_MAX_LIST_BYTES,
        })
    }

    /// Opens a state directory to read it only: nothing is created, no
    /// leftover temporary file is removed. A read-only directory (an App
    /// Group opened read-only, a restored backup, another user's copy)
    /// reads the same as a writable one. The directory itself must exist.
    pub fn open_read(root: impl AsRef<Path>) -> io::Result<StateDir> {
        let root = root.as_ref().to_path_buf();
        if !fs::metadata(&root)?.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                "the state directory is not a directory",
            ));
        }
        Ok(StateDir {
            lists: root.join("lists"),
            versions: root.join("versions"),
            root,
            max_list_bytes: DEFAULT_MAX_LIST_BYTES,
        })
    }

    /// The largest list this directory will read back (default 8 MiB):
    /// the Guard's own limit, so everything it accepted can be restored.
    pub fn with_max_list_bytes(mut self, max_list_bytes: u64) -> StateDir {
        self.max_list_bytes = max_list_bytes;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path(&self, issuer: &str) -> io::Result<PathBuf> {
        // Issuer ids are checked again here: they become file names.
        if !is_valid_issuer_id(issuer) {
            return Err(io::Error::other("invalid issuer id"));
        }
        Ok(self.lists.join(format!("{issuer}.list")))
    }

    /// The last accepted list for `issuer`, if any.
    pub fn load(&self, issuer: &str) -> Result<Option<StoredList>, StoreError> {
        self.read(&self.path(issuer)?, format!("lists/{issuer}.list"))
    }

    /// The list accepted before the last one (for incremental Call
    /// Directory reloads). Only a hint: it may be missing.
    pub fn load_previous(&self, issuer: &str) -> Result<Option<StoredList>, StoreError> {
        self.read(
            &self.previous_path(issuer)?,
            format!("lists/{issuer}.list.prev"),
        )
    }

    fn previous_path(&self, issuer: &str) -> io::Result<PathBuf> {
        self.path(issuer)?; // the same id check
                            // ".list.prev": no issuer id can make a current file of that name
                            // (ids may contain dots, so "<id>.prev.list" could be another issuer's).
        Ok(self.lists.join(format!("{issuer}.list.prev")))
    }

    fn record_path(&self, issuer: &str) -> io::Result<PathBuf> {
        self.path(issuer)?; // the same id check
        Ok(self.versions.join(format!("{issuer}.json")))
    }

    /// The highest version ever accepted for `issuer`: the one rule for
    /// "what is older" that `verify --state`, sync and the Guard all use.
    ///
    /// The highest of what can still be proven: the version record, the
    /// current list, and (only when the current list is unusable) the
    /// previous list, each counted only if its checksum holds. A damaged
    /// file is skipped, never read as "never seen" while another file still
    /// proves a version. Only when every one of them is missing or damaged
    /// is the issuer treated as new: refusing everything then would lock
    /// the phone out of its bank's lists for good.
    pub fn highest(&self, issuer: &str) -> Result<Option<Prior>, StoreError> {
        let current = usable(self.load(issuer))?;
        self.highest_given(issuer, current.as_ref())
    }

    fn highest_given(
        &self,
        issuer: &str,
        current: Option<&StoredList>,
    ) -> Result<Option<Prior>, StoreError> {
        let record = highest::read(
            &self.record_path(issuer)?,
            &format!("versions/{issuer}.json"),
            issuer,
        );
        // The record first, so on a tie its digest is the one kept.
        let mut proven = vec![usable(record)?, current.map(|s| s.prior.clone())];
        if current.is_none() {
            proven.push(usable(self.load_previous(issuer))?.map(|s| s.prior));
        }
        Ok(proven
            .into_iter()
            .flatten()
            .reduce(|best, p| if p.version > best.version { p } else { best }))
    }

    fn read(&self, path: &Path, file: String) -> Result<Option<StoredList>, StoreError> {
        let corrupt = |what| StoreError::Corrupt {
            file: file.clone(),
            what,
        };
        let limit = self.max_list_bytes.saturating_add(MAX_HEADER_BYTES);
        let bytes = match read_bounded(path, limit) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Ok(None),
            Err(ReadError::Io(e)) => return Err(e.into()),
            Err(ReadError::NotAFile) => return Err(corrupt("not a regular file")),
            Err(ReadError::TooLarge { .. }) => return Err(corrupt("larger than the list limit")),
        };
        let newline = bytes
            .iter()
            .position(|b| *b == b'\n')
            .ok_or(corrupt("no header"))?;
        let header: Header =
            serde_json::from_slice(&bytes[..newline]).map_err(|_| corrupt("bad header"))?;
        if header.format != 1 {
            return Err(corrupt("unknown format"));
        }
        let jws = bytes[newline + 1..].to_vec();
        if hex(&sha256(&jws)) != header.jws_sha256 {
            return Err(corrupt("checksum mismatch"));
        }
        let payload_digest = unhex(&header.payload_sha256).ok_or(corrupt("bad digest"))?;
        Ok(Some(StoredList {
            jws,
            prior: Prior {
                version: header.version,
                payload_digest,
            },
        }))
    }

    /// Stores a verified list for `issuer`, if the version rule still allows
    /// it against what is on disk now. Read, check and write happen under
    /// the writers' lock, so of two processes storing versions N and N+1
    /// at once, N+1 always ends up on disk and N is refused (`rollback`) if
    /// it comes second. A different version in place is kept as the previous list.
    pub fn save(&self, issuer: &str, jws: &[u8], prior: &Prior) -> Result<(), SaveError> {
        let path = self.path(issuer)?;
        let _writer = lock_for_writing(&self.root)?;
        let current = usable(self.load(issuer))?;
        let highest = self.highest_given(issuer, current.as_ref())?;
        check_version(prior, highest.as_ref()).map_err(SaveError::Refused)?;
        // The record first: from here on nothing older is accepted, even if
        // the list write below fails or the list file is damaged later.
        highest::write(&self.record_path(issuer)?, issuer, prior)?;
        if let Some(current) = &current {
            if current.prior.version != prior.version {
                write_atomically(
                    &self.previous_path(issuer)?,
                    &encode(&current.jws, &current.prior)?,
                )?;
            }
        }
        write_atomically(&path, &encode(jws, prior)?)?;
        Ok(())
    }
}

/// A damaged file proves nothing: it counts as absent (and is logged).
/// Only an I/O error (permissions, a failing disk) is an error.
fn usable<T>(found: Result<Option<T>, StoreError>) -> Result<Option<T>, StoreError> {
    match found {
        Err(StoreError::Corrupt { file, what }) => {
            log::warn!("ignoring damaged state file {file}: {what}");
            Ok(None)
        }
        other => other,
    }
}

/// A stored list file: the header line, then the JWS bytes.
fn encode(jws: &[u8], prior: &Prior) -> io::Result<Vec<u8>> {
    let header = Header {
        format: 1,
        version: prior.version,
        payload_sha256: hex(&prior.payload_digest),
        jws_sha256: hex(&sha256(jws)),
    };
    let mut contents = serde_json::to_vec(&header).map_err(io::Error::other)?;
    contents.push(b'\n');
    contents.extend_from_slice(jws);
    Ok(contents)
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    callguard_core::list::sha256(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_detects_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        assert!(state.load("bank").unwrap().is_none());
        let prior = Prior {
            version: 7,
            payload_digest: [9; 32],
        };
        state.save("bank", b"{\"jws\":1}", &prior).unwrap();
        let back = state.load("bank").unwrap().unwrap();
        assert_eq!(back.prior, prior);
        assert_eq!(back.jws, b"{\"jws\":1}");

        let path = dir.path().join("lists/bank.list");
        let mut bytes = fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        fs::write(&path, bytes).unwrap();
        assert!(matches!(
            state.load("bank"),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn refuses_path_like_issuers() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        let prior = Prior {
            version: 1,
            payload_digest: [0; 32],
        };
        assert!(state.save("../evil", b"x", &prior).is_err());
        assert!(state.load("a/b").is_err());
    }

    #[test]
    fn stale_temp_files_are_cleaned_but_young_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("lists")).unwrap();
        let stale = dir.path().join("lists/.bank.list.1.0.tmp");
        let young = dir.path().join("lists/.bank.list.2.0.tmp");
        fs::write(&stale, b"half").unwrap();
        fs::write(&young, b"being written").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        StateDir::open(dir.path()).unwrap();
        assert!(!stale.exists());
        assert!(young.exists(), "another process may be writing it");
    }

    #[test]
    fn a_dotted_issuer_never_shares_a_file_with_another_issuers_previous_list() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        let p = |v: u64| Prior {
            version: v,
            payload_digest: [v as u8; 32],
        };
        state.save("bank.prev", b"other issuer", &p(9)).unwrap();
        state.save("bank", b"v1", &p(1)).unwrap();
        state.save("bank", b"v2", &p(2)).unwrap();
        assert_eq!(
            state.load("bank.prev").unwrap().unwrap().jws,
            b"other issuer"
        );
        assert_eq!(state.load_previous("bank").unwrap().unwrap().jws, b"v1");
    }

    #[test]
    fn the_disk_never_goes_back_a_version() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        let p = |v: u64| Prior {
            version: v,
            payload_digest: [v as u8; 32],
        };
        state.save("bank", b"v7", &p(7)).unwrap();
        assert!(matches!(
            state.save("bank", b"v6", &p(6)),
            Err(SaveError::Refused(ListError::Rollback {
                accepted: 7,
                offered: 6
            }))
        ));
        let other_payload = Prior {
            version: 7,
            payload_digest: [0; 32],
        };
        assert!(matches!(
            state.save("bank", b"v7'", &other_payload),
            Err(SaveError::Refused(ListError::ConflictingVersion {
                version: 7
            }))
        ));
        assert_eq!(state.load("bank").unwrap().unwrap().jws, b"v7");
    }

    #[test]
    fn the_version_record_outlives_both_list_files() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        let p = |v: u64| Prior {
            version: v,
            payload_digest: [v as u8; 32],
        };
        state.save("bank", b"v1", &p(1)).unwrap();
        state.save("bank", b"v2", &p(2)).unwrap();
        fs::remove_file(dir.path().join("lists/bank.list")).unwrap();
        fs::write(dir.path().join("lists/bank.list.prev"), b"x").unwrap();
        assert_eq!(state.highest("bank").unwrap(), Some(p(2)));
        assert!(matches!(
            state.save("bank", b"v1", &p(1)),
            Err(SaveError::Refused(ListError::Rollback { .. }))
        ));
        // Nothing left to prove a version: the issuer is new again (documented).
        fs::remove_file(dir.path().join("versions/bank.json")).unwrap();
        assert_eq!(state.highest("bank").unwrap(), None);
    }
}

#[cfg(test)]
mod previous_tests {
    use super::*;

    #[test]
    fn a_new_version_keeps_the_old_one_as_previous() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir::open(dir.path()).unwrap();
        let p = |v| Prior {
            version: v,
            payload_digest: [v as u8; 32],
        };
        state.save("bank", b"v1", &p(1)).unwrap();
        assert!(state.load_previous("bank").unwrap().is_none());
        state.save("bank", b"v1", &p(1)).unwrap();
        assert!(
            state.load_previous("bank").unwrap().is_none(),
            "same version: nothing to keep"
        );
        state.save("bank", b"v2", &p(2)).unwrap();
        assert_eq!(state.load_previous("bank").unwrap().unwrap().jws, b"v1");
        assert_eq!(state.load("bank").unwrap().unwrap().jws, b"v2");
    }
}
