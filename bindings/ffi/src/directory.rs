//! iOS Call Directory export, chunked so an extension never holds the whole
//! set. The merging, labels and diffing are callguard-core's.

use callguard_core::directory::{Directory, DirectoryDiff, DirectoryOptions as CoreOptions};
use callguard_core::screen::Lang;
use std::sync::Mutex;

#[derive(Debug, Clone, uniffi::Record)]
pub struct DirectoryOptions {
    /// Label language; `None`: the guard's language.
    #[uniffi(default = None)]
    pub language: Option<String>,
    /// Prefixes that expand to more numbers than this are skipped (and reported).
    #[uniffi(default = 100000)]
    pub max_prefix_expansion: u64,
    /// Entries per `next_chunk`.
    #[uniffi(default = 10000)]
    pub chunk_size: u32,
}

impl DirectoryOptions {
    pub(crate) fn to_core(&self, default_lang: Lang) -> CoreOptions {
        CoreOptions {
            lang: self
                .language
                .as_deref()
                .map_or(default_lang, Lang::from_tag),
            max_prefix_expansion: self.max_prefix_expansion,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DirectoryEntry {
    /// E.164 digits without '+' (CXCallDirectoryPhoneNumber).
    pub number: i64,
    /// Empty for removals.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SkippedPrefix {
    pub issuer: String,
    pub prefix: String,
    pub numbers: u64,
}

pub(crate) enum Stream {
    Full(Directory),
    Diff(Box<DirectoryDiff>, bool),
}

/// Pull entries in ascending order, one chunk at a time, until an empty chunk.
#[derive(uniffi::Object)]
pub struct DirectoryReader {
    stream: Mutex<Stream>,
    chunk_size: usize,
    skipped: Vec<SkippedPrefix>,
}

impl DirectoryReader {
    pub(crate) fn new(
        stream: Stream,
        chunk_size: u32,
        skipped: Vec<SkippedPrefix>,
    ) -> DirectoryReader {
        DirectoryReader {
            stream: Mutex::new(stream),
            chunk_size: chunk_size.max(1) as usize,
            skipped,
        }
    }

    pub(crate) fn full(directory: Directory, chunk_size: u32) -> DirectoryReader {
        let skipped = directory
            .skipped_prefixes()
            .iter()
            .map(|s| SkippedPrefix {
                issuer: s.issuer.clone(),
                prefix: s.prefix.clone(),
                numbers: s.numbers,
            })
            .collect();
        DirectoryReader::new(Stream::Full(directory), chunk_size, skipped)
    }
}

#[uniffi::export]
impl DirectoryReader {
    /// The next entries, strictly ascending across chunks; empty when done.
    pub fn next_chunk(&self) -> Vec<DirectoryEntry> {
        let mut stream = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        let (entries, keep_labels) = match &mut *stream {
            Stream::Full(d) => (d.take_chunk(self.chunk_size), true),
            Stream::Diff(d, additions) => (d.take_chunk(self.chunk_size), *additions),
        };
        entries
            .into_iter()
            .map(|e| DirectoryEntry {
                number: e.number as i64,
                label: if keep_labels {
                    e.label.to_string()
                } else {
                    String::new()
                },
            })
            .collect()
    }

    /// Prefix ranges not expanded because they exceed the cap.
    pub fn skipped_prefixes(&self) -> Vec<SkippedPrefix> {
        self.skipped.clone()
    }
}

/// What to remove and add to go from the applied versions to the lists in force.
#[derive(uniffi::Object)]
pub struct DirectoryChanges {
    pub(crate) removals: std::sync::Arc<DirectoryReader>,
    pub(crate) additions: std::sync::Arc<DirectoryReader>,
}

#[uniffi::export]
impl DirectoryChanges {
    /// Numbers to remove (labels empty), ascending.
    pub fn removals(&self) -> std::sync::Arc<DirectoryReader> {
        self.removals.clone()
    }

    /// Entries to add, ascending.
    pub fn additions(&self) -> std::sync::Arc<DirectoryReader> {
        self.additions.clone()
    }
}
