//! Feeds in the iOS Call Directory: reported numbers become warning labels
//! ("⚠ Reported: fraud"), merged in ascending order into the lists'
//! entries, streamed straight from the blobs (no per-number allocation:
//! every entry shares one of two labels). The bank's own entries win over
//! a feed on the same number, as in screening. Expired feeds still
//! contribute (stale data may warn). Apps that prefer blocking take
//! `blocking_numbers` instead and leave feeds out of the labels.
//!
//! Feed prefixes are not expanded here (a reported range can be millions
//! of numbers); screening still matches them.

use super::blob::Entries;
use super::{Category, Feed, FeedError};
use crate::directory::DirectoryEntry;
use crate::screen::copy::Lang;
use std::iter::Peekable;
use std::sync::Arc;

/// The label iOS shows while a reported number rings.
pub fn reported_label(category: Category, lang: Lang) -> &'static str {
    match (category, lang) {
        (Category::Fraud, Lang::En) => "⚠ Reported: fraud",
        (Category::Spam, Lang::En) => "⚠ Reported: spam",
        (Category::Fraud, Lang::Ru) => "⚠ Жалобы: мошенники",
        (Category::Spam, Lang::Ru) => "⚠ Жалобы: спам",
    }
}

/// Every feed's entries merged: ascending, unique, fraud over spam when
/// two feeds disagree.
struct Merged<'a> {
    feeds: Vec<Peekable<Entries<'a>>>,
    error: Option<FeedError>,
}

impl<'a> Merged<'a> {
    fn new(feeds: &[Feed<'a>]) -> Self {
        Merged {
            feeds: feeds.iter().map(|f| f.blob.entries().peekable()).collect(),
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

/// `lists` (any ascending entry stream, usually a `Directory`) merged with
/// the entries of `feeds`.
pub struct WithFeeds<'a, L: Iterator<Item = DirectoryEntry>> {
    lists: Peekable<L>,
    feeds: Merged<'a>,
    fraud: Arc<str>,
    spam: Arc<str>,
}

impl<'a, L: Iterator<Item = DirectoryEntry>> WithFeeds<'a, L> {
    pub fn new(lists: L, feeds: &[Feed<'a>], lang: Lang) -> Self {
        WithFeeds {
            lists: lists.peekable(),
            feeds: Merged::new(feeds),
            fraud: Arc::from(reported_label(Category::Fraud, lang)),
            spam: Arc::from(reported_label(Category::Spam, lang)),
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

impl<L: Iterator<Item = DirectoryEntry>> Iterator for WithFeeds<'_, L> {
    type Item = DirectoryEntry;

    fn next(&mut self) -> Option<DirectoryEntry> {
        let list_next = self.lists.peek().map(|e| e.number);
        match self.feeds.next_up_to(list_next) {
            Some((number, category)) if list_next != Some(number) => {
                let label = match category {
                    Category::Fraud => self.fraud.clone(),
                    Category::Spam => self.spam.clone(),
                };
                Some(DirectoryEntry { number, label })
            }
            // The bank's own entry wins (the feeds' copies are consumed).
            _ => self.lists.next(),
        }
    }
}

/// For apps that block reported fraud rather than label it: the fraud
/// numbers of every feed, ascending, unique (iOS `addBlockingEntry`) —
/// never a number of `lists` (the lists' directory entries): an official
/// number wrongly reported is never blocked.
pub fn blocking_numbers<'a, L: Iterator<Item = DirectoryEntry>>(
    lists: L,
    feeds: &[Feed<'a>],
) -> impl Iterator<Item = u64> + use<'a, L> {
    let mut merged = Merged::new(feeds);
    let mut lists = lists.peekable();
    std::iter::from_fn(move || loop {
        let (number, category) = merged.next_up_to(None)?;
        while lists.next_if(|e| e.number < number).is_some() {}
        let official = lists.peek().is_some_and(|e| e.number == number);
        if category == Category::Fraud && !official {
            return Some(number);
        }
    })
}
