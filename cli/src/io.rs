//! Small file helpers shared by the commands. Errors here are usage
//! errors (exit 2): the operator named a file that cannot be used.

use callguard_core::{Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use callguard_state::{read_bounded, ReadError};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// A failure that is the operator's to fix: exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl<E: std::fmt::Display> From<E> for UsageError {
    fn from(e: E) -> Self {
        UsageError(e.to_string())
    }
}

/// A trust file holds at most 64 public keys of a few hundred bytes each.
pub const MAX_TRUST_BYTES: u64 = 64 * 1024;

/// Lists, payloads, keys, certificates: nothing the CLI reads is larger
/// than a list may be. Only regular files: a FIFO or `/dev/zero` is
/// refused at once, naming the file.
pub fn read(path: &Path) -> Result<Vec<u8>, UsageError> {
    read_capped(path, DEFAULT_MAX_LIST_BYTES)
}

pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, UsageError> {
    read_bounded(path, limit).map_err(|e| cannot_read(path, &e))
}

pub fn cannot_read(path: &Path, e: &ReadError) -> UsageError {
    UsageError(format!("cannot read {}: {e}", path.display()))
}

pub fn read_trust_bytes(path: &Path) -> Result<Vec<u8>, UsageError> {
    read_capped(path, MAX_TRUST_BYTES)
}

pub fn read_trust(path: &Path) -> Result<Trust, UsageError> {
    Trust::from_json(&read_trust_bytes(path)?)
        .map_err(|e| UsageError(format!("{}: {e}", path.display())))
}

/// `--now` if given, else the system clock.
pub fn now(arg: Option<&str>) -> Result<Timestamp, UsageError> {
    match arg {
        Some(text) => Timestamp::parse_rfc3339(text)
            .ok_or_else(|| UsageError(format!("--now {text:?} is not an RFC 3339 timestamp"))),
        None => Ok(system_now()),
    }
}

pub fn system_now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Timestamp(secs)
}

/// Writes a secret readable by its owner only.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), UsageError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(contents)?;
    Ok(())
}
