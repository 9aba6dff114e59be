//! The state directory: for each issuer, the last list accepted, exactly
//! as it arrived, plus what rollback protection needs.
//!
//! Layout: `DIR/lists/<issuer>.list`, one file per issuer, replaced
//! atomically. Its first line is a small JSON header
//! (`{"format":1,"version":N,"payload_sha256":"…","jws_sha256":"…"}`),
//! the rest the JWS bytes. One file means one rename: the header and the
//! list can never disagree. Trust is never stored here.

use crate::atomic::{remove_stale_temps, write_atomically};
use callguard_core::list::hex;
use callguard_core::{trust::is_valid_issuer_id, Prior};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct StateDir {
    lists: PathBuf,
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

/// Why the stored state could not be used. Never contains list contents.
#[derive(Debug)]
pub enum StoreError {
    Io(io::Error),
    /// The file is not what we wrote (disk corruption, tampering).
    Corrupt(&'static str),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Io(e) => write!(f, "state directory I/O error: {}", e.kind()),
            StoreError::Corrupt(what) => write!(f, "stored list is corrupt: {what}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<io::Error> for StoreError {
    fn from(e: io::Error) -> Self {
        StoreError::Io(e)
    }
}

impl StateDir {
    /// Opens (and creates) a state directory.
    pub fn open(root: impl AsRef<Path>) -> io::Result<StateDir> {
        let lists = root.as_ref().join("lists");
        fs::create_dir_all(&lists)?;
        remove_stale_temps(&lists);
        Ok(StateDir { lists })
    }

    pub fn root(&self) -> &Path {
        self.lists.parent().expect("lists/ has a parent")
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
        Self::read(&self.path(issuer)?)
    }

    /// The list accepted before the last one (for incremental Call
    /// Directory reloads). Only a hint: it may be missing.
    pub fn load_previous(&self, issuer: &str) -> Result<Option<StoredList>, StoreError> {
        Self::read(&self.previous_path(issuer)?)
    }

    fn previous_path(&self, issuer: &str) -> io::Result<PathBuf> {
        self.path(issuer)?; // the same id check
                            // ".list.prev": no issuer id can make a current file of that name
                            // (ids may contain dots, so "<id>.prev.list" could be another issuer's).
        Ok(self.lists.join(format!("{issuer}.list.prev")))
    }

    fn read(path: &Path) -> Result<Option<StoredList>, StoreError> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let newline = bytes
            .iter()
            .position(|b| *b == b'\n')
            .ok_or(StoreError::Corrupt("no header"))?;
        let header: Header = serde_json::from_slice(&bytes[..newline])
            .map_err(|_| StoreError::Corrupt("bad header"))?;
        if header.format != 1 {
            return Err(StoreError::Corrupt("unknown format"));
        }
        let jws = bytes[newline + 1..].to_vec();
        if hex(&sha256(&jws)) != header.jws_sha256 {
            return Err(StoreError::Corrupt("checksum mismatch"));
        }
        let payload_digest =
            unhex(&header.payload_sha256).ok_or(StoreError::Corrupt("bad digest"))?;
        Ok(Some(StoredList {
            jws,
            prior: Prior {
                version: header.version,
                payload_digest,
            },
        }))
    }

    /// Replaces the stored list for `issuer`. Call only with a verified list.
    /// A different version in place is kept first as the previous list.
    pub fn save(&self, issuer: &str, jws: &[u8], prior: &Prior) -> io::Result<()> {
        if let Ok(Some(current)) = self.load(issuer) {
            // Never go back on disk either: another process sharing this
            // directory (app and extension) may have stored a newer list.
            if current.prior.version > prior.version {
                return Err(io::Error::other("a newer list is already stored"));
            }
            if current.prior.version != prior.version {
                let bytes = fs::read(self.path(issuer)?)?;
                write_atomically(&self.previous_path(issuer)?, &bytes)?;
            }
        }
        let header = Header {
            format: 1,
            version: prior.version,
            payload_sha256: hex(&prior.payload_digest),
            jws_sha256: hex(&sha256(jws)),
        };
        let mut contents = serde_json::to_vec(&header).map_err(io::Error::other)?;
        contents.push(b'\n');
        contents.extend_from_slice(jws);
        write_atomically(&self.path(issuer)?, &contents)
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    callguard_core::list::sha256(bytes)
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
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
        assert!(matches!(state.load("bank"), Err(StoreError::Corrupt(_))));
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
        assert!(state.save("bank", b"v6", &p(6)).is_err());
        assert_eq!(state.load("bank").unwrap().unwrap().jws, b"v7");
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
