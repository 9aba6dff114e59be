//! Crash-safe file replacement: write a temporary file in the same
//! directory, fsync it, rename it over the target, fsync the directory
//! (best effort).
//! A crash at any moment leaves either the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("no parent directory"))?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name"))?
        .to_string_lossy();
    // Unique per process and call, so concurrent writers never share a temp file.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // Makes the rename itself durable; the new file is complete and in
        // place already. Best effort: on Apple std's `sync_all` is
        // F_FULLFSYNC, which not every file system takes on a directory
        // (docs/platforms.md, "fsync"), and failing here would report a
        // write that happened as failed. SQLite ignores this result too.
        if let Err(e) = sync_dir(dir) {
            log::warn!("directory sync after a replace failed: {}", e.kind());
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Removes temporary files a crashed writer left behind. Only old ones:
/// a young one may belong to another process (app or extension) writing now.
pub fn remove_stale_temps(dir: &Path) {
    let stale = |entry: &fs::DirEntry| {
        entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(600))
    };
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.ends_with(".tmp") && stale(&entry) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
