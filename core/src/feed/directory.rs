//! Feeds in the iOS Call Directory: reported numbers become warning labels
//! ("⚠ Reported: fraud") or, if the app prefers, fraud numbers become
//! blocking entries ([`FeedMode`]). Merged in ascending order into the
//! lists' entries, streamed straight from the blobs (no per-number
//! allocation: every entry shares one of two labels). The bank's own
//! entries win over a feed on the same number, as in screening: an
//! official number wrongly reported is never relabelled nor blocked.
//! Expired feeds still contribute (stale data may warn).
//!
//! Two shapes of the same merge:
//! - [`WithFeeds`] / [`blocking_numbers`]: one pass, borrowing the blobs;
//! - [`FeedDirectory`], [`FeedDirectoryDiff`], [`FeedBlocking`]: resumable
//!   chunk by chunk. They own no borrow of a blob; each chunk is taken with
//!   the feeds passed in again, and the feed iterators are rebuilt after
//!   the last number produced (`FeedBlob::entries_from`). A holder of the
//!   blobs (an `Arc` of the feeds in force) can keep one across calls, as
//!   the FFI `DirectoryReader` does, without a self-referential struct.
//!
//! Feed prefixes are not expanded here (a reported range can be millions
//! of numbers); screening still matches them.

use super::blob::Entries;
use super::{Category, Feed, FeedError};
use crate::copy::Lang;
use crate::directory::{BankNumbers, DirectoryEntry, ListEntries};
use std::iter::Peekable;
use std::sync::Arc;

/// The label iOS shows while a reported number rings.
pub fn reported_label(category: Category, lang: Lang) -> String {
    let id = match category {
        Category::Fraud => "directory-reported-fraud",
        Category::Spam => "directory-reported-spam",
    };
    crate::copy::sdk().text(lang, id, &[])
}

/// What the Call Directory does with reported numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FeedMode {
    /// Every reported number gets a warning label.
    #[default]
    Label,
    /// Fraud numbers are blocked (a separate, blocking sequence); spam is
    /// still labelled.
    Block,
    /// Feeds stay out of the Call Directory (screening still uses them).
    Off,
}

/// The key a Call Directory's applied versions hold for `issuer`'s feed
/// (next to the lists' keys, which are bare issuer ids: ids have no ':').
/// The mode is part of the key, so a directory written in another mode is
/// never diffed but reloaded; `Off` records no feed.
pub fn feed_version_key(mode: FeedMode, issuer: &str) -> Option<String> {
    match mode {
        FeedMode::Label => Some(format!("feed:{issuer}")),
        FeedMode::Block => Some(format!("feed-block:{issuer}")),
        FeedMode::Off => None,
    }
}

/// Whether an applied-versions key is a feed's (`feed_version_key`), not a list's.
pub fn is_feed_version_key(key: &str) -> bool {
    key.contains(':')
}

/// Every feed's entries merged: ascending, unique, fraud over spam when
/// two feeds disagree.
struct Merged<'a> {
    feeds: Vec<Peekable<Entries<'a>>>,
    error: Option<FeedError>,
}

impl<'a> Merged<'a> {
    /// From the first number ≥ `from` (`None`: from the start).
    fn new(feeds: &[Feed<'a>], from: Option<u64>) -> Self {
        Merged {
            feeds: feeds
                .iter()
                .map(|f| match from {
                    None => f.blob.entries().peekable(),
                    Some(n) => f.blob.entries_from(n).peekable(),
                })
                .collect(),
            error: None,
        }
    }

    /// The next number if it is at most `up_to`, consuming every feed's
    /// copy of it. A feed whose blob turns out inconsistent stops there.
    fn next_up_to(&mut self, up_to: Option<u64>) -> Option<(u64, Category)> {
        let mut best: Option<(u64, Category)> = None;
        for feed in &mut self.feeds {
            if matches!(feed.peek(), Some(Err(_))) {
                if let Some(Err(e)) = feed.next() {
                    self.error.get_or_insert(e);
                }
            }
            if let Some(Ok(e)) = feed.peek() {
                let better =
                    best.is_none_or(|(n, c)| e.number < n || (e.number == n && e.category < c));
                if better {
                    best = Some((e.number, e.category));
                }
            }
        }
        let (number, category) = best?;
        if up_to.is_some_and(|limit| number > limit) {
            return None;
        }
        for feed in &mut self.feeds {
            if matches!(feed.peek(), Some(Ok(e)) if e.number == number) {
                feed.next();
            }
        }
        Some((number, category))
    }
}

/// The two shared labels, and which categories get one.
#[derive(Clone)]
struct Labels {
    mode: FeedMode,
    fraud: Arc<str>,
    spam: Arc<str>,
}

impl Labels {
    fn new(mode: FeedMode, lang: Lang) -> Labels {
        Labels {
            mode,
            fraud: Arc::from(reported_label(Category::Fraud, lang)),
            spam: Arc::from(reported_label(Category::Spam, lang)),
        }
    }

    fn label(&self, category: Category) -> Option<Arc<str>> {
        match (self.mode, category) {
            (FeedMode::Off, _) | (FeedMode::Block, Category::Fraud) => None,
            (_, Category::Fraud) => Some(self.fraud.clone()),
            (_, Category::Spam) => Some(self.spam.clone()),
        }
    }
}

/// One step of the merge: the lists' next entry or the feeds' next labelled
/// number, whichever is lower; the lists' entry when both name a number.
fn merge_step<L: ListEntries>(
    lists: &mut Peekable<L>,
    bank: &BankNumbers,
    feeds: &mut Merged<'_>,
    labels: &Labels,
) -> Option<DirectoryEntry> {
    if labels.mode == FeedMode::Off {
        return lists.next();
    }
    loop {
        let list_next = lists.peek().map(|e| e.number);
        match feeds.next_up_to(list_next) {
            Some((number, category)) if list_next != Some(number) => {
                // A blocked fraud number gets no label, nor does a number of
                // the bank's that the lists' entries do not show: on to the next.
                if bank.covers(number) {
                    continue;
                }
                if let Some(label) = labels.label(category) {
                    return Some(DirectoryEntry { number, label });
                }
            }
            // The bank's own entry wins (the feeds' copies are consumed).
            _ => return lists.next(),
        }
    }
}

/// `lists` (any ascending entry stream, usually a `Directory`) merged with
/// the entries of `feeds`, in one pass.
pub struct WithFeeds<'a, L: ListEntries> {
    lists: Peekable<L>,
    bank: BankNumbers,
    feeds: Merged<'a>,
    labels: Labels,
}

impl<'a, L: ListEntries> WithFeeds<'a, L> {
    /// Every reported number labelled (`FeedMode::Label`).
    pub fn new(lists: L, feeds: &[Feed<'a>], lang: Lang) -> Self {
        WithFeeds::with_mode(lists, feeds, FeedMode::Label, lang)
    }

    pub fn with_mode(lists: L, feeds: &[Feed<'a>], mode: FeedMode, lang: Lang) -> Self {
        WithFeeds {
            bank: lists.bank_numbers(),
            lists: lists.peekable(),
            feeds: Merged::new(feeds, None),
            labels: Labels::new(mode, lang),
        }
    }

    /// A blob that turned out inconsistent stops contributing; this says
    /// why (blobs are validated at download, so only a bug or a disk fault).
    pub fn error(&self) -> Option<&FeedError> {
        self.feeds.error.as_ref()
    }

    pub fn take_chunk(&mut self, max: usize) -> Vec<DirectoryEntry> {
        self.by_ref().take(max).collect()
    }
}

impl<L: ListEntries> Iterator for WithFeeds<'_, L> {
    type Item = DirectoryEntry;

    fn next(&mut self) -> Option<DirectoryEntry> {
        merge_step(&mut self.lists, &self.bank, &mut self.feeds, &self.labels)
    }
}

/// For apps that block reported fraud rather than label it: the fraud
/// numbers of every feed, ascending, unique (iOS `addBlockingEntry`) —
/// never a number of `lists` (the lists' directory entries): an official
/// number wrongly reported is never blocked.
pub fn blocking_numbers<'a, L: ListEntries>(
    lists: L,
    feeds: &[Feed<'a>],
) -> impl Iterator<Item = u64> + use<'a, L> {
    let mut merged = Merged::new(feeds, None);
    let bank = lists.bank_numbers();
    let mut lists = lists.peekable();
    std::iter::from_fn(move || next_blocked(&mut lists, &bank, &mut merged))
}

/// The next fraud number that is not one of `lists`' entries.
fn next_blocked<L: ListEntries>(
    lists: &mut Peekable<L>,
    bank: &BankNumbers,
    merged: &mut Merged<'_>,
) -> Option<u64> {
    loop {
        let (number, category) = merged.next_up_to(None)?;
        while lists.next_if(|e| e.number < number).is_some() {}
        let official = lists.peek().is_some_and(|e| e.number == number) || bank.covers(number);
        if category == Category::Fraud && !official {
            return Some(number);
        }
    }
}

/// The first number after `after` (the start when nothing was produced).
fn resume_at(after: Option<u64>) -> Option<u64> {
    after.map(|n| n.saturating_add(1))
}

/// [`WithFeeds`], resumable: owns the lists' stream and where it stopped,
/// borrows the feeds only while a chunk is taken. Pass the same feeds
/// (the same blobs) to every call.
pub struct FeedDirectory<L: ListEntries> {
    lists: Peekable<L>,
    bank: BankNumbers,
    labels: Labels,
    /// The last number taken from the merge (returned, or held in `ahead`).
    after: Option<u64>,
    /// An entry looked at but not yet returned (by a diff).
    ahead: Option<DirectoryEntry>,
    error: Option<FeedError>,
}

impl<L: ListEntries> FeedDirectory<L> {
    pub fn new(lists: L, mode: FeedMode, lang: Lang) -> FeedDirectory<L> {
        FeedDirectory {
            bank: lists.bank_numbers(),
            lists: lists.peekable(),
            labels: Labels::new(mode, lang),
            after: None,
            ahead: None,
            error: None,
        }
    }

    /// Up to `max` next entries of the lists merged with `feeds`; empty
    /// when done.
    pub fn take_chunk(&mut self, feeds: &[Feed<'_>], max: usize) -> Vec<DirectoryEntry> {
        self.cursor(feeds).take(max).collect()
    }

    /// See `WithFeeds::error`.
    pub fn error(&self) -> Option<&FeedError> {
        self.error.as_ref()
    }

    fn cursor<'s, 'a>(&'s mut self, feeds: &[Feed<'a>]) -> Cursor<'s, 'a, L> {
        let merged = if self.labels.mode == FeedMode::Off || self.error.is_some() {
            // An inconsistent blob stops contributing for good, as in one pass.
            Merged::new(&[], None)
        } else {
            Merged::new(feeds, resume_at(self.after))
        };
        Cursor { dir: self, merged }
    }
}

/// A `FeedDirectory` walking with its feeds for one chunk.
struct Cursor<'s, 'a, L: ListEntries> {
    dir: &'s mut FeedDirectory<L>,
    merged: Merged<'a>,
}

impl<L: ListEntries> Cursor<'_, '_, L> {
    fn peek(&mut self) -> Option<&DirectoryEntry> {
        if self.dir.ahead.is_none() {
            self.dir.ahead = self.step();
        }
        self.dir.ahead.as_ref()
    }

    fn step(&mut self) -> Option<DirectoryEntry> {
        let entry = merge_step(
            &mut self.dir.lists,
            &self.dir.bank,
            &mut self.merged,
            &self.dir.labels,
        )?;
        self.dir.after = Some(entry.number);
        Some(entry)
    }
}

impl<L: ListEntries> Iterator for Cursor<'_, '_, L> {
    type Item = DirectoryEntry;

    fn next(&mut self) -> Option<DirectoryEntry> {
        match self.dir.ahead.take() {
            Some(entry) => Some(entry),
            None => self.step(),
        }
    }
}

impl<L: ListEntries> Drop for Cursor<'_, '_, L> {
    fn drop(&mut self) {
        if let Some(e) = self.merged.error.take() {
            self.dir.error.get_or_insert(e);
        }
    }
}

/// What changed between two merged directories (lists and feeds, each at
/// its own versions), resumable like [`FeedDirectory`]: removals or
/// additions, ascending; a changed label (spam → fraud) is a removal and
/// an addition, as iOS requires.
pub struct FeedDirectoryDiff<O, N>
where
    O: ListEntries,
    N: ListEntries,
{
    old: FeedDirectory<O>,
    new: FeedDirectory<N>,
    want_additions: bool,
}

impl<O, N> FeedDirectoryDiff<O, N>
where
    O: ListEntries,
    N: ListEntries,
{
    /// Numbers to remove from what `old` produced.
    pub fn removals(old: FeedDirectory<O>, new: FeedDirectory<N>) -> Self {
        FeedDirectoryDiff {
            old,
            new,
            want_additions: false,
        }
    }

    /// Entries to add to what `old` produced.
    pub fn additions(old: FeedDirectory<O>, new: FeedDirectory<N>) -> Self {
        FeedDirectoryDiff {
            old,
            new,
            want_additions: true,
        }
    }

    /// Up to `max` next removals or additions; `old_feeds` and `new_feeds`
    /// are the feeds at the old and the new versions, the same every call.
    pub fn take_chunk(
        &mut self,
        old_feeds: &[Feed<'_>],
        new_feeds: &[Feed<'_>],
        max: usize,
    ) -> Vec<DirectoryEntry> {
        let mut old = self.old.cursor(old_feeds);
        let mut new = self.new.cursor(new_feeds);
        let mut out = Vec::new();
        while out.len() < max {
            let next_old = old.peek().map(|e| e.number);
            let next_new = new.peek().map(|e| e.number);
            match (next_old, next_new) {
                (None, None) => break,
                (Some(o), n) if n.is_none_or(|n| o < n) => {
                    let gone = old.next();
                    if !self.want_additions {
                        out.extend(gone);
                    }
                }
                (o, Some(n)) if o.is_none_or(|o| n < o) => {
                    let added = new.next();
                    if self.want_additions {
                        out.extend(added);
                    }
                }
                _ => {
                    let (Some(was), Some(now)) = (old.next(), new.next()) else {
                        break;
                    };
                    if was.label != now.label {
                        out.push(if self.want_additions { now } else { was });
                    }
                }
            }
        }
        out
    }

    /// A blob on either side that turned out inconsistent.
    pub fn error(&self) -> Option<&FeedError> {
        self.old.error().or(self.new.error())
    }
}

/// The blocking sequence, resumable: the customer's own blocked numbers
/// (already ascending and unique) and, in `FeedMode::Block`, every feed's
/// fraud numbers that are not official (`lists`), merged ascending, unique.
pub struct FeedBlocking<L: ListEntries> {
    lists: Peekable<L>,
    bank: BankNumbers,
    mode: FeedMode,
    customer: Vec<u64>,
    next_customer: usize,
    after: Option<u64>,
    /// A fraud number looked at but not yet returned.
    ahead: Option<u64>,
    error: Option<FeedError>,
}

impl<L: ListEntries> FeedBlocking<L> {
    /// `customer`: the customer's own numbers (`directory::blocking_entries`);
    /// put in order here in case they are not.
    pub fn new(lists: L, mode: FeedMode, mut customer: Vec<u64>) -> FeedBlocking<L> {
        customer.sort_unstable();
        customer.dedup();
        FeedBlocking {
            bank: lists.bank_numbers(),
            lists: lists.peekable(),
            mode,
            customer,
            next_customer: 0,
            after: None,
            ahead: None,
            error: None,
        }
    }

    /// Up to `max` next numbers to block; empty when done.
    pub fn take_chunk(&mut self, feeds: &[Feed<'_>], max: usize) -> Vec<u64> {
        let feeds: &[Feed<'_>] = if self.mode == FeedMode::Block && self.error.is_none() {
            feeds
        } else {
            &[]
        };
        // Fraud numbers up to `ahead` were consumed already.
        let from = resume_at(self.ahead.or(self.after).max(self.after));
        let mut merged = Merged::new(feeds, from);
        let mut out = Vec::new();
        while out.len() < max {
            if self.ahead.is_none() {
                self.ahead = next_blocked(&mut self.lists, &self.bank, &mut merged);
            }
            let customer = self.customer.get(self.next_customer).copied();
            let fraud_first = match (self.ahead, customer) {
                (None, None) => break,
                (Some(f), Some(c)) => f <= c,
                (Some(_), None) => true,
                (None, Some(_)) => false,
            };
            let number = if fraud_first {
                let f = self.ahead.take().unwrap_or_default();
                if customer == Some(f) {
                    self.next_customer += 1;
                }
                f
            } else {
                self.next_customer += 1;
                customer.unwrap_or_default()
            };
            self.after = Some(number);
            out.push(number);
        }
        if let Some(e) = merged.error.take() {
            self.error.get_or_insert(e);
        }
        out
    }

    /// See `WithFeeds::error`.
    pub fn error(&self) -> Option<&FeedError> {
        self.error.as_ref()
    }
}
