//! Reading a file CallGuard did not necessarily write (a list, a trust
//! file, the state directory's own files) without trusting it: only a
//! regular file, never more than a cap. `/dev/zero`, a 1 GiB sparse file or
//! a FIFO with no writer is refused at once instead of exhausting memory or
//! hanging the caller.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read. Never contains file contents.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A FIFO, device, socket or directory: never opened for reading.
    NotAFile,
    /// Larger than `limit` bytes (at open, or grown while being read).
    TooLarge {
        limit: u64,
    },
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotAFile => write!(f, "not a regular file"),
            ReadError::TooLarge { limit } => write!(f, "larger than the {limit}-byte limit"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(e)
        }
    }
}

/// The whole of `path`, if it is a regular file of at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Checked before opening: opening some devices has effects of its own.
    if !fs::metadata(path)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let file = open_without_blocking(path)?;
    // Checked again on the handle: the path may have been swapped meanwhile.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // One byte past the limit tells a file that grew after the check.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens for reading; a FIFO swapped in after the check must not block the
/// open (waiting for a writer). O_NONBLOCK changes nothing for regular files.
#[cfg(unix)]
pub(crate) fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
pub(crate) fn open_without_blocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&path, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("missing"), 5),
            Err(ReadError::NotFound)
        ));
    }

    #[test]
    fn a_huge_sparse_file_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge");
        File::create(&path).unwrap().set_len(1 << 30).unwrap();
        assert!(matches!(
            read_bounded(&path, 1 << 20),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[test]
    fn directories_and_devices_are_not_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path(), 1 << 20),
            Err(ReadError::NotAFile)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::NotAFile)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_without_a_writer_is_refused_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        // Were it opened for reading, this thread would block for ever.
        assert!(matches!(
            read_bounded(&path, 1 << 20),
            Err(ReadError::NotAFile)
        ));
    }
}
