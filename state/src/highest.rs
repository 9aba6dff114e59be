//! The highest version ever accepted per issuer, kept apart from the list
//! file: `DIR/versions/<issuer>.json`, a few dozen bytes, checksummed,
//! replaced atomically. A truncated or corrupt list file then no longer
//! erases the history, so an older list cannot slip in after it.
//!
//! The checksum (SHA-256 over the record's fields) detects damage, not an
//! attacker: anyone who can rewrite the app's private files can rewrite
//! the lists too.

use crate::atomic::write_atomically;
use crate::bounded::{read_bounded, ReadError};
use crate::store_error::StoreError;
use callguard_core::list::{hex, sha256};
use callguard_core::Prior;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::Path;

/// A record is ~200 bytes; anything much larger is not one.
const MAX_RECORD_BYTES: u64 = 4096;

#[derive(Serialize, Deserialize)]
struct Record {
    format: u32,
    issuer: String,
    version: u64,
    payload_sha256: String,
    checksum: String,
}

fn checksum(issuer: &str, version: u64, payload_sha256: &str) -> String {
    hex(&sha256(
        format!("callguard-highest/1\n{issuer}\n{version}\n{payload_sha256}").as_bytes(),
    ))
}

/// The recorded highest version, `None` if never recorded.
pub(crate) fn read(path: &Path, file: &str, issuer: &str) -> Result<Option<Prior>, StoreError> {
    let corrupt = |what| StoreError::Corrupt {
        file: file.to_string(),
        what,
    };
    let bytes = match read_bounded(path, MAX_RECORD_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(None),
        Err(ReadError::Io(e)) => return Err(e.into()),
        Err(ReadError::NotAFile) => return Err(corrupt("not a regular file")),
        Err(ReadError::TooLarge { .. }) => return Err(corrupt("too large")),
    };
    let record: Record = serde_json::from_slice(&bytes).map_err(|_| corrupt("bad record"))?;
    if record.format != 1 {
        return Err(corrupt("unknown format"));
    }
    if record.checksum != checksum(&record.issuer, record.version, &record.payload_sha256) {
        return Err(corrupt("checksum mismatch"));
    }
    if record.issuer != issuer {
        return Err(corrupt("another issuer's record"));
    }
    let payload_digest = crate::hex::unhex(&record.payload_sha256).ok_or(corrupt("bad digest"))?;
    Ok(Some(Prior {
        version: record.version,
        payload_digest,
    }))
}

pub(crate) fn write(path: &Path, issuer: &str, prior: &Prior) -> io::Result<()> {
    let payload_sha256 = hex(&prior.payload_digest);
    let record = Record {
        format: 1,
        issuer: issuer.to_string(),
        version: prior.version,
        checksum: checksum(issuer, prior.version, &payload_sha256),
        payload_sha256,
    };
    write_atomically(
        path,
        &serde_json::to_vec(&record).map_err(io::Error::other)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_any_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bank.json");
        assert!(read(&path, "f", "bank").unwrap().is_none());
        let prior = Prior {
            version: 41,
            payload_digest: [7; 32],
        };
        write(&path, "bank", &prior).unwrap();
        assert_eq!(read(&path, "f", "bank").unwrap(), Some(prior));
        assert!(
            read(&path, "f", "other").is_err(),
            "a record copied from another issuer"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("41", "40")).unwrap();
        assert!(matches!(
            read(&path, "f", "bank"),
            Err(StoreError::Corrupt { .. })
        ));
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        assert!(matches!(
            read(&path, "f", "bank"),
            Err(StoreError::Corrupt { .. })
        ));
    }
}
