//! iOS Call Directory export, chunked so an extension never holds the whole
//! set. The merging, labels and diffing are callguard-core's.
//!
//! A reader holds the lists' stream and the feeds it merges (the `HeldFeed`s,
//! each an `Arc` of its mapped blob); the core's resumable types borrow the
//! blobs only while one chunk is taken, so nothing refers into itself.

use callguard_core::directory::{Directory, DirectoryOptions as CoreOptions};
use callguard_core::feed::directory::{FeedBlocking, FeedDirectory, FeedDirectoryDiff, FeedMode};
use callguard_core::feed::Feed;
use callguard_core::screen::Lang;
use callguard_state::HeldFeed;
use std::sync::Mutex;

/// What the Call Directory does with numbers reported in feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FeedDirectoryMode {
    /// A warning label ("⚠ Reported: fraud" / "⚠ Reported: spam").
    Label,
    /// Fraud numbers become blocking entries (`blocking_directory`); spam
    /// is still labelled.
    Block,
    /// Feeds stay out of the Call Directory (screening still uses them).
    Off,
}

impl From<FeedDirectoryMode> for FeedMode {
    fn from(m: FeedDirectoryMode) -> FeedMode {
        match m {
            FeedDirectoryMode::Label => FeedMode::Label,
            FeedDirectoryMode::Block => FeedMode::Block,
            FeedDirectoryMode::Off => FeedMode::Off,
        }
    }
}

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
    /// Reported numbers; `None`: `Label`.
    #[uniffi(default = None)]
    pub feeds: Option<FeedDirectoryMode>,
}

impl DirectoryOptions {
    pub(crate) fn to_core(&self, default_lang: Lang) -> CoreOptions {
        CoreOptions {
            lang: self.lang(default_lang),
            max_prefix_expansion: self.max_prefix_expansion,
        }
    }

    pub(crate) fn lang(&self, default_lang: Lang) -> Lang {
        self.language
            .as_deref()
            .map_or(default_lang, Lang::from_tag)
    }

    pub(crate) fn feed_mode(&self) -> FeedMode {
        self.feeds.unwrap_or(FeedDirectoryMode::Label).into()
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

/// The feeds a reader merges, opened again for each chunk (header checks
/// only). One that no longer opens is left out, as in screening.
pub(crate) fn open_feeds(held: &[HeldFeed]) -> Vec<Feed<'_>> {
    held.iter()
        .filter_map(|h| match h.feed() {
            Ok(f) => Some(f),
            Err(e) => {
                log::error!("a feed no longer opens: {}", e.code());
                None
            }
        })
        .collect()
}

pub(crate) enum Stream {
    Full {
        directory: Box<FeedDirectory<Directory>>,
        feeds: Vec<HeldFeed>,
    },
    Diff {
        diff: Box<FeedDirectoryDiff<Directory, Directory>>,
        old: Vec<HeldFeed>,
        new: Vec<HeldFeed>,
        additions: bool,
    },
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

    /// The lists' entries merged with `feeds` per `mode`.
    pub(crate) fn full(
        directory: Directory,
        feeds: Vec<HeldFeed>,
        mode: FeedMode,
        lang: Lang,
        chunk_size: u32,
    ) -> DirectoryReader {
        let skipped = directory
            .skipped_prefixes()
            .iter()
            .map(|s| SkippedPrefix {
                issuer: s.issuer.clone(),
                prefix: s.prefix.clone(),
                numbers: s.numbers,
            })
            .collect();
        let directory = Box::new(FeedDirectory::new(directory, mode, lang));
        DirectoryReader::new(Stream::Full { directory, feeds }, chunk_size, skipped)
    }
}

#[uniffi::export]
impl DirectoryReader {
    /// The next entries, strictly ascending across chunks; empty when done.
    pub fn next_chunk(&self) -> Vec<DirectoryEntry> {
        let mut stream = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        let (entries, keep_labels) = match &mut *stream {
            Stream::Full { directory, feeds } => {
                let entries = directory.take_chunk(&open_feeds(feeds), self.chunk_size);
                if let Some(e) = directory.error() {
                    log::error!("a feed stopped contributing: {}", e.code());
                }
                (entries, true)
            }
            Stream::Diff {
                diff,
                old,
                new,
                additions,
            } => (
                diff.take_chunk(&open_feeds(old), &open_feeds(new), self.chunk_size),
                *additions,
            ),
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

/// Numbers to block, ascending and unique, one chunk at a time until an
/// empty chunk: the customer's own block list and, in `FeedDirectoryMode::Block`,
/// the feeds' fraud numbers (never an official number).
#[derive(uniffi::Object)]
pub struct BlockingReader {
    stream: Mutex<FeedBlocking<Directory>>,
    feeds: Vec<HeldFeed>,
    chunk_size: usize,
}

impl BlockingReader {
    pub(crate) fn new(
        stream: FeedBlocking<Directory>,
        feeds: Vec<HeldFeed>,
        chunk_size: u32,
    ) -> BlockingReader {
        BlockingReader {
            stream: Mutex::new(stream),
            feeds,
            chunk_size: chunk_size.max(1) as usize,
        }
    }
}

#[uniffi::export]
impl BlockingReader {
    /// The next numbers (CXCallDirectoryPhoneNumber), strictly ascending
    /// across chunks; empty when done.
    pub fn next_chunk(&self) -> Vec<i64> {
        let mut stream = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        stream
            .take_chunk(&open_feeds(&self.feeds), self.chunk_size)
            .into_iter()
            .map(|n| n as i64)
            .collect()
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
