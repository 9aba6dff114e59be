//! One writer at a time across processes. The app and its extension (iOS
//! App Group), a background sync job (Android WorkManager) or a CLI may
//! share one state directory; each write reads the highest version, checks
//! the offered list against it and writes, and two of those interleaved
//! could leave the older list on disk with both reporting success.
//!
//! An advisory `flock(2)` on `DIR/lock`, called through `libc` directly:
//! the kernel releases it when its holder dies, so a killed writer never
//! wedges the directory. Readers take no lock: every file is replaced by an
//! atomic rename, so a reader sees an old file or a new one, never half of
//! one.
//!
//! Not std's `File::lock`: in Rust 1.95 (the pinned toolchain) its `cfg`
//! list leaves out Android, where it returns `Unsupported`, so every write
//! on a phone failed (docs/platforms.md, "File locking"). `flock` is in
//! bionic and in Darwin's libc alike, so the phones run the same code path
//! the host tests. clippy.toml forbids std's locking methods.
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
    let file = open_lock_file(root)?;
    exclusive(&file, Wait::Block)?;
    Ok(WriterLock { _file: file })
}

/// `Ok(None)` when another writer holds the directory right now.
pub fn try_lock_for_writing(root: &Path) -> io::Result<Option<WriterLock>> {
    let file = open_lock_file(root)?;
    match exclusive(&file, Wait::DontBlock) {
        Ok(()) => Ok(Some(WriterLock { _file: file })),
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
        Err(e) => Err(e),
    }
}

/// Opens `DIR/lock`, creating it. Whoever can write the state directory
/// could put something else there: a FIFO would block a plain open until a
/// reader came (every writer, and all waiting behind them, hung), a
/// symlink would make us create a file elsewhere. So: never block, never
/// follow, and only a regular file will do.
fn open_lock_file(root: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(root.join("lock"))?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the state directory's lock is not a regular file",
        ));
    }
    Ok(file)
}

#[derive(Clone, Copy)]
enum Wait {
    Block,
    DontBlock,
}

#[cfg(unix)]
fn exclusive(file: &File, wait: Wait) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    let operation = match wait {
        Wait::Block => libc::LOCK_EX,
        Wait::DontBlock => libc::LOCK_EX | libc::LOCK_NB,
    };
    loop {
        // SAFETY: flock takes a file descriptor we own for the whole call
        // and touches no memory of ours.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        // A signal (the JVM's, a debugger's) ends a blocking wait early:
        // wait again. EWOULDBLOCK is EAGAIN on every target we ship, and
        // std maps it to ErrorKind::WouldBlock.
        if error.kind() != io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

/// Not a phone: Windows' std locking (LockFileEx) has no target gap.
#[cfg(not(unix))]
#[allow(clippy::disallowed_methods)]
fn exclusive(file: &File, wait: Wait) -> io::Result<()> {
    match wait {
        Wait::Block => file.lock(),
        Wait::DontBlock => file.try_lock().map_err(|e| match e {
            std::fs::TryLockError::WouldBlock => io::ErrorKind::WouldBlock.into(),
            std::fs::TryLockError::Error(e) => e,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
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
        assert!(try_lock_for_writing(dir.path()).unwrap().is_none());
        assert!(!got_it.load(Ordering::SeqCst));
        drop(first);
        second.join().unwrap();
        assert!(got_it.load(Ordering::SeqCst));
        assert!(try_lock_for_writing(dir.path()).unwrap().is_some());
    }

    const CHILD_DIR: &str = "CALLGUARD_LOCK_TEST_CHILD_DIR";

    /// The other process of `two_processes_exclude_each_other`: takes the
    /// lock, says so, and holds it until its stdin closes. Does nothing when
    /// run as an ordinary test.
    #[test]
    fn lock_holder_child() {
        let Some(root) = std::env::var_os(CHILD_DIR) else {
            return;
        };
        let _held = lock_for_writing(Path::new(&root)).unwrap();
        println!("locked");
        std::io::stdout().flush().unwrap();
        let mut rest = String::new();
        let _ = std::io::stdin().read_line(&mut rest);
    }

    /// Starts `lock_holder_child` in a new process and returns once it
    /// holds the lock.
    fn spawn_holder(root: &Path) -> std::process::Child {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "lock::tests::lock_holder_child", "--nocapture"])
            .env(CHILD_DIR, root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while line.trim() != "locked" {
            line.clear();
            assert_ne!(out.read_line(&mut line).unwrap(), 0, "child ended unlocked");
        }
        // Kept open: the child's test harness still writes its summary.
        child.stdout = Some(out.into_inner());
        child
    }

    #[test]
    fn two_processes_exclude_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_holder(dir.path());
        // The child process holds it: a try in this process fails.
        assert!(try_lock_for_writing(dir.path()).unwrap().is_none());
        // Closing its stdin lets it go; a blocking lock then returns.
        drop(child.stdin.take());
        let _mine = lock_for_writing(dir.path()).unwrap();
        assert!(child.wait().unwrap().success());
    }

    /// Someone who can write the state directory puts a FIFO, a symlink or
    /// a directory where the lock belongs: an error at once, never a hang,
    /// never a file created outside the directory.
    #[cfg(unix)]
    #[test]
    fn a_lock_that_is_not_a_regular_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("lock");
        let fifo = std::ffi::CString::new(lock.to_str().unwrap()).unwrap();
        // SAFETY: a NUL-terminated path that lives for the call.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert!(lock_for_writing(dir.path()).is_err());
        std::fs::remove_file(&lock).unwrap();

        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("planted");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        assert!(lock_for_writing(dir.path()).is_err());
        assert!(!target.exists(), "a file was created through the symlink");
        std::fs::remove_file(&lock).unwrap();

        std::fs::create_dir(&lock).unwrap();
        assert!(lock_for_writing(dir.path()).is_err());
    }

    #[test]
    fn a_killed_holder_releases_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_holder(dir.path());
        assert!(try_lock_for_writing(dir.path()).unwrap().is_none());
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(try_lock_for_writing(dir.path()).unwrap().is_some());
    }
}
