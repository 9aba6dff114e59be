//! One writer at a time across processes. The app and its extension (iOS
//! App Group), a background sync job (Android WorkManager) or a CLI may
//! share one state directory; each write reads the highest version, checks
//! the offered list against it and writes, and two of those interleaved
//! could leave the older list on disk with both reporting success.
//!
//! An advisory `flock` on `DIR/lock` (std's `File::lock`): the kernel
//! releases it when its holder dies, so a killed writer never wedges the
//! directory. Readers take no lock: every file is replaced by an atomic
//! rename, so a reader sees an old file or a new one, never half of one.
//!
//! Held only for the few milliseconds of a write, never across network
//! I/O: iOS kills a suspended app that still holds a lock on a file in a
//! shared container (0xdead10cc), so a lock must never outlive the call.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Released on drop (closing the file releases the flock).
#[must_use]
pub struct WriterLock {
    _file: File,
}

/// Blocks until no other writer (thread or process) holds the directory.
pub fn lock_for_writing(root: &Path) -> io::Result<WriterLock> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(root.join("lock"))?;
    file.lock()?;
    Ok(WriterLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_for_writing(dir.path()).unwrap();
        let got_it = Arc::new(AtomicBool::new(false));
        let (root, flag) = (dir.path().to_path_buf(), got_it.clone());
        let second = std::thread::spawn(move || {
            let _lock = lock_for_writing(&root).unwrap();
            flag.store(true, Ordering::SeqCst);
        });
        // A separate open file description: flock makes it wait, even in-process.
        let probe = OpenOptions::new()
            .write(true)
            .open(dir.path().join("lock"))
            .unwrap();
        assert!(matches!(
            probe.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        assert!(!got_it.load(Ordering::SeqCst));
        drop(first);
        second.join().unwrap();
        assert!(got_it.load(Ordering::SeqCst));
    }
}
