//! iOS Call Directory export: the lists as `(number, label)` entries in
//! strictly ascending order, unique across issuers, streamed lazily so an
//! extension never holds them all.
//!
//! iOS shows the label while the number rings, so the warning must live in
//! the label: inbound-only numbers, and numbers the bank uses only over a
//! messenger, get "⚠ Not Example Bank — hang up".
//! Expired lists contribute only those warnings (stale data may warn, never
//! vouch). Prefixes expand to every number of the country's national length
//! under them, up to a cap; short codes are skipped (not E.164).

use crate::list::{ContactList, Usage};
use crate::model::{Channel, ContactDirection};
use crate::normalize::e164_lengths_under_prefix;
use crate::screen::copy::{directory_label, Lang};
use crate::timestamp::Timestamp;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

/// The Call Directory sees only phone calls. A phone call from a number the
/// bank never calls from by phone — an inbound-only hotline, or a number it
/// uses only over WhatsApp/Telegram — is what screening calls `spoofed`, so
/// its label is the warning, never the bank's name.
fn warns_on_phone_calls(usage: &Usage) -> bool {
    usage.direction == ContactDirection::InboundOnly || !usage.channels.contains(Channel::Phone)
}

#[derive(Debug, Clone, Copy)]
pub struct DirectoryOptions {
    pub lang: Lang,
    /// A prefix that would expand to more numbers than this is skipped and reported.
    pub max_prefix_expansion: u64,
}

impl Default for DirectoryOptions {
    fn default() -> Self {
        DirectoryOptions {
            lang: Lang::En,
            max_prefix_expansion: 100_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    /// E.164 digits without '+' (iOS's `CXCallDirectoryPhoneNumber`).
    pub number: u64,
    pub label: Arc<str>,
}

/// A prefix range over the cap: not expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedPrefix {
    pub issuer: String,
    /// "+7495…" (a bank's published prefix, not a customer's number).
    pub prefix: String,
    pub numbers: u64,
}

/// One ascending run of candidate entries.
enum Source {
    Numbers {
        list: usize,
        pos: usize,
    },
    Range {
        list: usize,
        usage: Usage,
        specificity: u8,
        next: u64,
        end: u64,
    },
}

/// The merged, de-duplicated stream.
pub struct Directory {
    lists: Vec<Arc<ContactList>>,
    current: Vec<bool>,
    sources: Vec<Source>,
    heap: BinaryHeap<Reverse<(u64, usize)>>,
    labels: HashMap<(usize, u32, bool), Arc<str>>,
    lang: Lang,
    skipped: Vec<SkippedPrefix>,
}

impl Directory {
    pub fn new(lists: &[Arc<ContactList>], options: DirectoryOptions, now: Timestamp) -> Directory {
        let mut d = Directory {
            lists: lists.to_vec(),
            current: lists.iter().map(|l| now <= l.expires_at).collect(),
            sources: Vec::new(),
            heap: BinaryHeap::new(),
            labels: HashMap::new(),
            lang: options.lang,
            skipped: Vec::new(),
        };
        for (li, list) in lists.iter().enumerate() {
            d.sources.push(Source::Numbers { list: li, pos: 0 });
            for prefix in list.prefixes() {
                let digits = prefix.digits.to_string().into_bytes();
                let digits: Vec<u8> = digits.iter().map(|b| b - b'0').collect();
                for total in e164_lengths_under_prefix(&digits) {
                    let scale = 10u64.pow(u32::from(total) - u32::from(prefix.len));
                    if scale > options.max_prefix_expansion {
                        d.skipped.push(SkippedPrefix {
                            issuer: list.issuer.id.clone(),
                            prefix: format!("+{}", prefix.digits),
                            numbers: scale,
                        });
                        continue;
                    }
                    d.sources.push(Source::Range {
                        list: li,
                        usage: prefix.usage,
                        specificity: prefix.len,
                        next: prefix.digits * scale,
                        end: (prefix.digits + 1) * scale,
                    });
                }
            }
        }
        for i in 0..d.sources.len() {
            if let Some(n) = d.peek(i) {
                d.heap.push(Reverse((n, i)));
            }
        }
        d
    }

    pub fn skipped_prefixes(&self) -> &[SkippedPrefix] {
        &self.skipped
    }

    /// Up to `max` next entries; empty when done.
    pub fn take_chunk(&mut self, max: usize) -> Vec<DirectoryEntry> {
        self.by_ref().take(max).collect()
    }

    /// May a usage from list `li` appear at all (expired lists only warn)?
    fn usable(&self, li: usize, usage: &Usage) -> bool {
        self.current[li] || warns_on_phone_calls(usage)
    }

    /// The source's current number, skipping what may not appear.
    fn peek(&mut self, i: usize) -> Option<u64> {
        loop {
            let (li, usage, number) = match &self.sources[i] {
                Source::Numbers { list, pos } => {
                    let entry = self.lists[*list].numbers().get(*pos)?;
                    (*list, entry.usage, entry.number)
                }
                Source::Range {
                    list,
                    usage,
                    next,
                    end,
                    ..
                } => {
                    if next >= end {
                        return None;
                    }
                    (*list, *usage, *next)
                }
            };
            if self.usable(li, &usage) {
                return Some(number);
            }
            self.advance(i);
        }
    }

    fn advance(&mut self, i: usize) {
        match &mut self.sources[i] {
            Source::Numbers { pos, .. } => *pos += 1,
            Source::Range { next, .. } => *next += 1,
        }
    }

    /// (list, usage, rank) of source `i` at its current number.
    fn candidate(&self, i: usize) -> (usize, Usage, (u8, u8)) {
        let (li, usage, specificity) = match &self.sources[i] {
            Source::Numbers { list, pos } => (*list, self.lists[*list].numbers()[*pos].usage, 16),
            Source::Range {
                list,
                usage,
                specificity,
                ..
            } => (*list, *usage, *specificity),
        };
        // As in screening: the most specific match, then the more alarming one.
        let alarm = u8::from(warns_on_phone_calls(&usage));
        (li, usage, (specificity, alarm))
    }

    fn label(&mut self, li: usize, usage: Usage) -> Arc<str> {
        let warning = warns_on_phone_calls(&usage);
        let key = (li, usage.label, warning);
        if let Some(label) = self.labels.get(&key) {
            return label.clone();
        }
        let list = &self.lists[li];
        let bank = list.issuer.name.get(self.lang.code());
        let text = list.label(&usage).get(self.lang.code());
        let label: Arc<str> = Arc::from(directory_label(
            warning,
            bank,
            text,
            self.lang,
            crate::copy::sdk(),
        ));
        self.labels.insert(key, label.clone());
        label
    }
}

/// The bank's own numbers, as screening sees them: a contact or a number
/// inside a contact range of any list, current or expired — including
/// what the Call Directory cannot show (ranges too large to expand, an
/// expired list's lines). A feed never labels or blocks one of them: the
/// bank's list wins over a report, in the directory as in screening.
#[derive(Debug, Clone, Default)]
pub struct BankNumbers {
    lists: Vec<Arc<ContactList>>,
}

impl BankNumbers {
    pub fn new(lists: &[Arc<ContactList>]) -> BankNumbers {
        BankNumbers {
            lists: lists.to_vec(),
        }
    }

    pub fn covers(&self, number: u64) -> bool {
        self.lists.iter().any(|l| l.match_number(number).is_some())
    }
}

/// The lists' Call Directory entries (ascending), and whose numbers they
/// are: what a feed merge needs (callguard_core::feed::directory).
pub trait ListEntries: Iterator<Item = DirectoryEntry> {
    fn bank_numbers(&self) -> BankNumbers;
}

impl ListEntries for Directory {
    fn bank_numbers(&self) -> BankNumbers {
        BankNumbers::new(&self.lists)
    }
}

/// No lists (an app before its first list, tests).
impl ListEntries for std::iter::Empty<DirectoryEntry> {
    fn bank_numbers(&self) -> BankNumbers {
        BankNumbers::default()
    }
}

impl Iterator for Directory {
    type Item = DirectoryEntry;

    fn next(&mut self) -> Option<DirectoryEntry> {
        let Reverse((number, first)) = self.heap.pop()?;
        let mut same = vec![first];
        while let Some(Reverse((n, i))) = self.heap.peek().copied() {
            if n != number {
                break;
            }
            self.heap.pop();
            same.push(i);
        }
        let (li, usage, _) = same
            .iter()
            .map(|&i| self.candidate(i))
            .max_by_key(|(li, _, rank)| (*rank, Reverse(*li)))
            .expect("at least one source");
        let label = self.label(li, usage);
        for i in same {
            self.advance(i);
            if let Some(n) = self.peek(i) {
                self.heap.push(Reverse((n, i)));
            }
        }
        Some(DirectoryEntry { number, label })
    }
}

/// What changed between two directories: removals and additions, each
/// ascending (a changed label is a removal and an addition).
/// Any two ascending entry streams: lists alone (`Directory`) or lists
/// merged with feeds (`feed::directory::WithFeeds`).
pub struct DirectoryDiff<O = Directory, N = Directory>
where
    O: Iterator<Item = DirectoryEntry>,
    N: Iterator<Item = DirectoryEntry>,
{
    old: std::iter::Peekable<O>,
    new: std::iter::Peekable<N>,
    want_additions: bool,
}

impl<O, N> DirectoryDiff<O, N>
where
    O: Iterator<Item = DirectoryEntry>,
    N: Iterator<Item = DirectoryEntry>,
{
    /// Numbers to remove from what `old` produced.
    pub fn removals(old: O, new: N) -> DirectoryDiff<O, N> {
        DirectoryDiff {
            old: old.peekable(),
            new: new.peekable(),
            want_additions: false,
        }
    }

    /// Entries to add to what `old` produced.
    pub fn additions(old: O, new: N) -> DirectoryDiff<O, N> {
        DirectoryDiff {
            old: old.peekable(),
            new: new.peekable(),
            want_additions: true,
        }
    }

    pub fn take_chunk(&mut self, max: usize) -> Vec<DirectoryEntry> {
        self.by_ref().take(max).collect()
    }
}

impl<O, N> Iterator for DirectoryDiff<O, N>
where
    O: Iterator<Item = DirectoryEntry>,
    N: Iterator<Item = DirectoryEntry>,
{
    type Item = DirectoryEntry;

    fn next(&mut self) -> Option<DirectoryEntry> {
        loop {
            let next_old = self.old.peek().map(|e| e.number);
            let next_new = self.new.peek().map(|e| e.number);
            match (next_old, next_new) {
                (None, None) => return None,
                (Some(o), n) if n.is_none_or(|n| o < n) => {
                    let gone = self.old.next()?;
                    if !self.want_additions {
                        return Some(gone);
                    }
                }
                (o, Some(n)) if o.is_none_or(|o| n < o) => {
                    let added = self.new.next()?;
                    if self.want_additions {
                        return Some(added);
                    }
                }
                _ => {
                    let (was, now) = (self.old.next()?, self.new.next()?);
                    if was.label != now.label {
                        return Some(if self.want_additions { now } else { was });
                    }
                }
            }
        }
    }
}

/// The customer's own block list for Call Directory: E.164, ascending, unique.
pub fn blocking_entries(numbers: &[String], home: Option<crate::normalize::Region>) -> Vec<u64> {
    use crate::normalize::{normalize, normalize_international, Normalized};
    let mut out: Vec<u64> = numbers
        .iter()
        .filter_map(|raw| {
            let n = match home {
                Some(h) => normalize(raw, h),
                None => normalize_international(raw),
            };
            match n {
                Normalized::E164(n) => Some(n),
                _ => None,
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
