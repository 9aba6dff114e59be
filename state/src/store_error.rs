//! The one error of reading the state directory, shared by the stores
//! (`store`, `highest`, `feeds`).

use std::io;

/// Why the stored state could not be used. Never contains list contents.
#[derive(Debug)]
pub enum StoreError {
    Io(io::Error),
    /// The file is not what we wrote (disk corruption, tampering, a FIFO
    /// or device in its place). `file` is relative to the state directory.
    Corrupt {
        file: String,
        what: &'static str,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Io(e) => write!(f, "state directory I/O error: {}", e.kind()),
            StoreError::Corrupt { file, what } => {
                write!(f, "stored file {file} is corrupt: {what}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<io::Error> for StoreError {
    fn from(e: io::Error) -> Self {
        StoreError::Io(e)
    }
}
