//! Reading a full blob in place (docs/feed-format.md is the spec).
//!
//! ```text
//! header   64 bytes   magic "CGFD", format 1, kind 1, block size K, counts
//! index    12 bytes a block: first entry (number << 2 | category, u64 LE),
//!                     offset of the block's other entries in data (u32 LE)
//! prefixes  8 bytes each: digits << 2 | category (u64 LE), ascending
//! data     per block, K - 1 varints of (number - previous) << 2 | category
//! ```
//!
//! `open` checks the header against the blob length and nothing more, so a
//! 10-million-number blob opens in microseconds and only the pages a lookup
//! touches become resident. Everything else is checked once, at download
//! (`validate`, with the hash). A blob that skipped that check may answer
//! wrongly but never panics, loops or reads out of bounds.

use super::varint;
use super::{Category, FeedError};

pub const MAGIC: [u8; 4] = *b"CGFD";
pub const FORMAT_VERSION: u16 = 1;
pub(crate) const KIND_FULL: u16 = 1;
pub(crate) const KIND_DELTA: u16 = 2;
pub const HEADER_LEN: usize = 64;
pub const INDEX_ENTRY_LEN: usize = 12;
pub const PREFIX_ENTRY_LEN: usize = 8;
pub const MAX_BLOCK_SIZE: u32 = 4096;
/// Prefixes are whole fraud ranges: few. The section stays small.
pub const MAX_PREFIXES: u64 = 65_536;
/// E.164 numbers have 8 to 15 digits here, as in lists.
pub const MIN_NUMBER: u64 = 10_000_000;
pub const MAX_NUMBER: u64 = 999_999_999_999_999;
/// Prefixes have 4 to 14 digits, as in lists.
pub const MIN_PREFIX_DIGITS: u32 = 4;
pub const MAX_PREFIX_DIGITS: u32 = 14;

/// One reported number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub number: u64,
    pub category: Category,
}

/// Every number starting with `digits` (`len` of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    pub digits: u64,
    pub len: u8,
    pub category: Category,
}

/// A full blob, borrowed from the caller's map.
#[derive(Debug, Clone, Copy)]
pub struct FeedBlob<'a> {
    block_size: u32,
    count: u64,
    blocks: usize,
    index: &'a [u8],
    prefixes: &'a [u8],
    data: &'a [u8],
}

pub(crate) fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

pub(crate) fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

/// Magic, format version and kind: shared by full blobs and deltas.
pub(crate) fn check_preamble(bytes: &[u8], header_len: usize, kind: u16) -> Result<(), FeedError> {
    if bytes.len() < header_len {
        return Err(FeedError::malformed("shorter than its header"));
    }
    if bytes[0..4] != MAGIC {
        return Err(FeedError::malformed("bytes 0-3: not the magic \"CGFD\""));
    }
    if u16_at(bytes, 4) != FORMAT_VERSION {
        return Err(FeedError::malformed(
            "bytes 4-5: unsupported format version",
        ));
    }
    if u16_at(bytes, 6) != kind {
        return Err(FeedError::malformed(if kind == KIND_FULL {
            "bytes 6-7: not a full blob"
        } else {
            "bytes 6-7: not a delta"
        }));
    }
    Ok(())
}

pub(crate) fn check_block_size(block_size: u32) -> Result<(), FeedError> {
    if (1..=MAX_BLOCK_SIZE).contains(&block_size) {
        Ok(())
    } else {
        Err(FeedError::malformed(format!(
            "bytes 8-11: block size must be 1-{MAX_BLOCK_SIZE}"
        )))
    }
}

/// Reserved bytes must be zero: a later format version may use them.
pub(crate) fn check_zero(bytes: &[u8], range: std::ops::Range<usize>) -> Result<(), FeedError> {
    if bytes[range.clone()].iter().all(|&b| b == 0) {
        Ok(())
    } else {
        Err(FeedError::malformed(format!(
            "bytes {}-{}: reserved, must be zero",
            range.start,
            range.end - 1
        )))
    }
}

/// `a * b` as a length that fits this platform's address space.
pub(crate) fn len_of(count: u64, each: usize, what: &str) -> Result<usize, FeedError> {
    usize::try_from(count)
        .ok()
        .and_then(|c| c.checked_mul(each))
        .ok_or_else(|| FeedError::malformed(format!("{what}: too many entries")))
}

/// An unvalidated blob may carry a reserved category code: it reads as
/// spam, the milder warning (`validate` refuses it at download).
#[inline]
fn lenient(code: u64) -> Category {
    if code == 0 {
        Category::Fraud
    } else {
        Category::Spam
    }
}

pub(crate) fn digit_count(n: u64) -> u32 {
    n.checked_ilog10().map_or(1, |l| l + 1)
}

impl<'a> FeedBlob<'a> {
    /// Header checks only: every section must lie exactly inside `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<FeedBlob<'a>, FeedError> {
        check_preamble(bytes, HEADER_LEN, KIND_FULL)?;
        let block_size = u32_at(bytes, 8);
        check_block_size(block_size)?;
        check_zero(bytes, 12..16)?;
        check_zero(bytes, 40..64)?;
        let count = u64_at(bytes, 16);
        let prefix_count = u64_at(bytes, 24);
        let data_len = u64_at(bytes, 32);
        if prefix_count > MAX_PREFIXES {
            return Err(FeedError::malformed(format!(
                "bytes 24-31: more than {MAX_PREFIXES} prefixes"
            )));
        }
        if data_len > u32::MAX as u64 {
            return Err(FeedError::malformed(
                "bytes 32-39: data longer than 4 GiB - 1",
            ));
        }
        let blocks = count.div_ceil(block_size as u64);
        // Each block but the first entry needs at least one byte per entry.
        if count - blocks > data_len {
            return Err(FeedError::malformed(
                "bytes 16-39: fewer data bytes than entries",
            ));
        }
        let index_len = len_of(blocks, INDEX_ENTRY_LEN, "index")?;
        let prefixes_len = len_of(prefix_count, PREFIX_ENTRY_LEN, "prefixes")?;
        let total = HEADER_LEN
            .checked_add(index_len)
            .and_then(|t| t.checked_add(prefixes_len))
            .and_then(|t| t.checked_add(data_len as usize));
        if total != Some(bytes.len()) {
            return Err(FeedError::malformed(
                "the header's section sizes do not add up to the blob length",
            ));
        }
        let (index, rest) = bytes[HEADER_LEN..].split_at(index_len);
        let (prefixes, data) = rest.split_at(prefixes_len);
        Ok(FeedBlob {
            block_size,
            count,
            blocks: blocks as usize,
            index,
            prefixes,
            data,
        })
    }

    pub fn len(&self) -> u64 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.prefixes.is_empty()
    }

    pub fn block_size(&self) -> u32 {
        self.block_size
    }

    pub fn prefix_count(&self) -> usize {
        self.prefixes.len() / PREFIX_ENTRY_LEN
    }

    /// The raw prefix section, for deltas (which carry it whole).
    pub(crate) fn prefix_bytes(&self) -> &'a [u8] {
        self.prefixes
    }

    #[inline]
    fn block_key(&self, block: usize) -> u64 {
        u64_at(self.index, block * INDEX_ENTRY_LEN)
    }

    #[inline]
    fn block_offset(&self, block: usize) -> usize {
        u32_at(self.index, block * INDEX_ENTRY_LEN + 8) as usize
    }

    /// The category of an exact number, else of the longest prefix covering it.
    pub fn lookup(&self, number: u64) -> Option<Category> {
        self.lookup_exact(number)
            .or_else(|| self.lookup_prefix(number).map(|p| p.category))
    }

    /// Binary search of the index, then one block decoded: no allocation.
    pub fn lookup_exact(&self, number: u64) -> Option<Category> {
        // The last block whose first number is ≤ `number`.
        let (mut lo, mut hi) = (0usize, self.blocks);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.block_key(mid) >> 2 <= number {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let block = lo.checked_sub(1)?;
        let key = self.block_key(block);
        let mut current = key >> 2;
        if current == number {
            return Some(lenient(key & 3));
        }
        let start = self.block_offset(block);
        let end = if block + 1 < self.blocks {
            self.block_offset(block + 1)
        } else {
            self.data.len()
        };
        let bytes = self.data.get(start..end)?;
        let first_of_block = block as u64 * self.block_size as u64;
        let in_block = (self.count - first_of_block).min(self.block_size as u64) - 1;
        let mut pos = 0;
        for _ in 0..in_block {
            let value = varint::get(bytes, &mut pos)?;
            current = current.checked_add(value >> 2)?;
            if current >= number {
                return (current == number).then(|| lenient(value & 3));
            }
        }
        None
    }

    /// The longest prefix covering `number` (as long as the number at most).
    pub fn lookup_prefix(&self, number: u64) -> Option<Prefix> {
        let count = self.prefix_count();
        if count == 0 {
            return None;
        }
        let digits = digit_count(number);
        let longest = digits.min(MAX_PREFIX_DIGITS);
        for len in (MIN_PREFIX_DIGITS..=longest).rev() {
            let head = number / 10u64.pow(digits - len);
            let (mut lo, mut hi) = (0usize, count);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                let key = u64_at(self.prefixes, mid * PREFIX_ENTRY_LEN);
                match (key >> 2).cmp(&head) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => {
                        return Some(Prefix {
                            digits: head,
                            len: len as u8,
                            category: lenient(key & 3),
                        })
                    }
                }
            }
        }
        None
    }

    /// Every number, ascending, each checked as it is decoded; the first
    /// inconsistency is an `Err` and ends the iteration.
    pub fn entries(&self) -> Entries<'a> {
        Entries {
            blob: *self,
            block: 0,
            left_in_block: 0,
            pos: 0,
            previous: None,
            next_at: 0,
            done: false,
        }
    }

    /// The entries from the first number ≥ `number` on, as `entries` yields
    /// them: a binary search of the index, then at most one block decoded
    /// to reach it. Lets a caller that cannot keep a borrowing iterator
    /// (the Call Directory, between chunks) resume where it stopped.
    pub fn entries_from(&self, number: u64) -> Entries<'a> {
        // The last block whose first number is ≤ `number` (else block 0).
        let (mut lo, mut hi) = (0usize, self.blocks);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.block_key(mid) >> 2 <= number {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let block = lo.saturating_sub(1);
        let mut entries = Entries {
            blob: *self,
            block,
            left_in_block: 0,
            pos: if block < self.blocks {
                self.block_offset(block)
            } else {
                0
            },
            previous: None,
            next_at: block as u64 * self.block_size as u64,
            done: false,
        };
        loop {
            // Kept when the next entry is the one wanted (or an error, or
            // the end): stepping again from it yields exactly that.
            let before = entries.clone();
            match entries.next() {
                Some(Ok(e)) if e.number < number => continue,
                _ => return before,
            }
        }
    }

    /// The prefix section, ascending by digits, each checked.
    pub fn prefixes(&self) -> impl Iterator<Item = Result<Prefix, FeedError>> + 'a {
        decode_prefixes(self.prefixes)
    }

    /// Everything `open` left unchecked: every entry, every prefix, the
    /// exact layout. Run once, when the blob is downloaded (O(n)).
    pub fn validate(&self) -> Result<(), FeedError> {
        let mut n = 0u64;
        for entry in self.entries() {
            entry?;
            n += 1;
        }
        debug_assert_eq!(n, self.count);
        for prefix in self.prefixes() {
            prefix?;
        }
        Ok(())
    }
}

/// Decodes and checks a prefix section (shared with deltas).
pub(crate) fn decode_prefixes(
    bytes: &[u8],
) -> impl Iterator<Item = Result<Prefix, FeedError>> + '_ {
    let mut previous = 0u64;
    bytes
        .chunks_exact(PREFIX_ENTRY_LEN)
        .enumerate()
        .map(move |(i, chunk)| {
            let key = u64_at(chunk, 0);
            let digits = key >> 2;
            let len = digit_count(digits);
            let category = Category::from_code((key & 3) as u8)
                .ok_or_else(|| FeedError::malformed(format!("prefix {i}: reserved category")))?;
            if !(MIN_PREFIX_DIGITS..=MAX_PREFIX_DIGITS).contains(&len) {
                return Err(FeedError::malformed(format!(
                    "prefix {i}: not {MIN_PREFIX_DIGITS}-{MAX_PREFIX_DIGITS} digits"
                )));
            }
            if digits <= previous {
                return Err(FeedError::malformed(format!(
                    "prefix {i}: not in strictly ascending order"
                )));
            }
            previous = digits;
            Ok(Prefix {
                digits,
                len: len as u8,
                category,
            })
        })
}

pub(crate) fn check_entry(number: u64, code: u64, at: u64) -> Result<Entry, FeedError> {
    if !(MIN_NUMBER..=MAX_NUMBER).contains(&number) {
        return Err(FeedError::malformed(format!(
            "entry {at}: not an E.164 number of 8-15 digits"
        )));
    }
    let category = Category::from_code(code as u8)
        .ok_or_else(|| FeedError::malformed(format!("entry {at}: reserved category")))?;
    Ok(Entry { number, category })
}

/// See `FeedBlob::entries`.
#[derive(Clone)]
pub struct Entries<'a> {
    blob: FeedBlob<'a>,
    block: usize,
    left_in_block: u64,
    pos: usize,
    previous: Option<u64>,
    /// Position of the next entry in the blob, for messages.
    next_at: u64,
    done: bool,
}

impl Entries<'_> {
    fn step(&mut self) -> Result<Option<Entry>, FeedError> {
        let blob = &self.blob;
        let at = self.next_at;
        if self.left_in_block == 0 {
            if self.block == blob.blocks {
                if self.pos != blob.data.len() {
                    return Err(FeedError::malformed("data: bytes after the last block"));
                }
                return Ok(None);
            }
            let block = self.block;
            if blob.block_offset(block) != self.pos {
                return Err(FeedError::malformed(format!(
                    "index {block}: offset is not where block {block} begins"
                )));
            }
            let key = blob.block_key(block);
            let entry = check_entry(key >> 2, key & 3, at)?;
            if self.previous.is_some_and(|p| p >= entry.number) {
                return Err(FeedError::malformed(format!(
                    "entry {at}: not in strictly ascending order"
                )));
            }
            self.previous = Some(entry.number);
            self.left_in_block = (blob.count - at).min(blob.block_size as u64) - 1;
            self.block += 1;
            self.next_at += 1;
            return Ok(Some(entry));
        }
        // `self.block` already points past the block being decoded.
        let end = if self.block < blob.blocks {
            blob.block_offset(self.block).min(blob.data.len())
        } else {
            blob.data.len()
        };
        let value = varint::get(&blob.data[..end], &mut self.pos).ok_or_else(|| {
            FeedError::malformed(format!(
                "entry {at}: not a canonical varint inside its block"
            ))
        })?;
        let delta = value >> 2;
        let previous = self.previous.unwrap_or(0);
        if delta == 0 {
            return Err(FeedError::malformed(format!(
                "entry {at}: not in strictly ascending order"
            )));
        }
        let number = previous
            .checked_add(delta)
            .ok_or_else(|| FeedError::malformed(format!("entry {at}: number overflows")))?;
        let entry = check_entry(number, value & 3, at)?;
        self.previous = Some(number);
        self.left_in_block -= 1;
        self.next_at += 1;
        Ok(Some(entry))
    }
}

impl Iterator for Entries<'_> {
    type Item = Result<Entry, FeedError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.step() {
            Ok(Some(entry)) => Some(Ok(entry)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
