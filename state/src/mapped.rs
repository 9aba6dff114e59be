//! A feed blob mapped read-only from the state directory, so a
//! ten-million-number blob costs no heap and only the pages a lookup
//! touches become resident (docs/feed-format.md, "Reading in place").
//!
//! Why mapping is sound here: CallGuard never changes a blob file in
//! place. A blob is written to a temporary file and renamed over its final
//! name (`atomic::write_atomically`), so a mapped file's inode keeps its
//! bytes for as long as the map lives, even after a newer version replaces
//! or removes the name. Only someone else writing into the app's private
//! directory could change mapped bytes; `FeedBlob` reads hostile bytes
//! without panicking, and truncating the file under the map would at worst
//! end the process (SIGBUS), never make it vouch for a caller.

use crate::bounded::{open_without_blocking, ReadError};
use std::fs::{self, File};
use std::io;
use std::path::Path;

/// The bytes of a blob file, mapped read-only.
pub struct MappedBlob {
    map: memmap2::Mmap,
}

impl MappedBlob {
    /// Maps `path` if it is a regular file of exactly `expected_len` bytes
    /// (the length its manifest names; its hash was checked before it was
    /// written under its SHA-256).
    pub fn map(path: &Path, expected_len: u64) -> Result<MappedBlob, ReadError> {
        MappedBlob::map_file(&open_checked(path, expected_len)?)
    }

    fn map_file(file: &File) -> Result<MappedBlob, ReadError> {
        // SAFETY: see the module comment: blob files are only ever replaced
        // by rename, never written in place, and readers of the bytes
        // (`FeedBlob`) are safe on any content.
        let map = unsafe { memmap2::Mmap::map(file)? };
        // A lookup touches a few pages of the index and one block: without
        // this the kernel reads ahead ~64 KiB around each, and 1000 lookups
        // make a 19 MB blob resident instead of ~5 MB. Only advice: its
        // failure changes nothing but memory use.
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::Random);
        Ok(MappedBlob { map })
    }

    /// `map`, after checking that the file has the SHA-256 its manifest
    /// names. For blobs stored by an earlier run: whoever can write the
    /// app's files could have changed one offline. The file is hashed by
    /// reading it through a small buffer, not through the map, so the
    /// check leaves the process's resident memory as it was.
    pub fn map_verified(
        path: &Path,
        expected_len: u64,
        expected_sha256: &[u8; 32],
    ) -> Result<MappedBlob, ReadError> {
        // One open for both: the bytes hashed are the bytes mapped, even
        // if the name is swapped for another file meanwhile.
        let file = open_checked(path, expected_len)?;
        let mapped = MappedBlob::map_file(&file)?;
        let mut file = &file;
        let mut context = ring::digest::Context::new(&ring::digest::SHA256);
        let mut buffer = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        loop {
            let n = std::io::Read::read(&mut file, &mut buffer)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            context.update(&buffer[..n]);
        }
        if total != expected_len || context.finish().as_ref() != expected_sha256 {
            return Err(ReadError::Io(io::Error::new(
                io::ErrorKind::InvalidData,
                "the blob file does not have the SHA-256 its manifest names",
            )));
        }
        Ok(mapped)
    }
}

/// `path` opened for reading if it is a regular file of `expected_len`
/// bytes. Never blocks: a FIFO swapped in after the check is opened
/// without waiting for a writer, then refused on the handle.
fn open_checked(path: &Path, expected_len: u64) -> Result<File, ReadError> {
    if !fs::metadata(path)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() != expected_len {
        return Err(ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            "the blob file is not the length its manifest names",
        )));
    }
    Ok(file)
}

impl std::ops::Deref for MappedBlob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.map
    }
}

impl std::fmt::Debug for MappedBlob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MappedBlob({} bytes)", self.map.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_a_file_of_the_named_length_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.cgfeed");
        fs::write(&path, b"CGFD-and-more").unwrap();
        let mapped = MappedBlob::map(&path, 13).unwrap();
        assert_eq!(&mapped[..], b"CGFD-and-more");
        assert!(MappedBlob::map(&path, 12).is_err());
        assert!(matches!(
            MappedBlob::map(&dir.path().join("missing"), 1),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            MappedBlob::map(dir.path(), 1),
            Err(ReadError::NotAFile)
        ));
    }

    #[test]
    fn map_verified_checks_the_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.cgfeed");
        let bytes = vec![7u8; 200_000];
        fs::write(&path, &bytes).unwrap();
        let sha: [u8; 32] = ring::digest::digest(&ring::digest::SHA256, &bytes)
            .as_ref()
            .try_into()
            .unwrap();
        assert_eq!(
            &MappedBlob::map_verified(&path, 200_000, &sha).unwrap()[..],
            &bytes[..]
        );
        let mut other = bytes.clone();
        other[150_000] = 8;
        fs::write(&path, &other).unwrap();
        assert!(MappedBlob::map_verified(&path, 200_000, &sha).is_err());
    }

    #[test]
    fn a_replaced_file_leaves_the_mapped_bytes_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.cgfeed");
        fs::write(&path, b"version-1").unwrap();
        let mapped = MappedBlob::map(&path, 9).unwrap();
        crate::atomic::write_atomically(&path, b"version-2!").unwrap();
        assert_eq!(&mapped[..], b"version-1");
    }
}
