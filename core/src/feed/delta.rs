//! Deltas: "from the blob with this SHA-256, remove these numbers, add (or
//! re-categorize) these, and the prefix section is now this". Applying one
//! streams the old blob and the delta into a new full blob, which counts
//! only if it hashes to what the manifest names.
//!
//! ```text
//! header    96 bytes  magic, format 1, kind 2, the result's block size,
//!                     counts and lengths, SHA-256 of the base blob
//! prefixes   8 bytes each: the result's whole prefix section
//! added     varints of (number - previous added) << 2 | category
//! removed   varints of number - previous removed
//! ```

use super::blob::{
    check_block_size, check_entry, check_preamble, check_zero, decode_prefixes, len_of, u32_at,
    u64_at, Entry, FeedBlob, FORMAT_VERSION, KIND_DELTA, MAGIC, PREFIX_ENTRY_LEN,
};
use super::build::FeedBuilder;
use super::varint;
use super::FeedError;
use crate::list::sha256;
use std::iter::Peekable;

pub const DELTA_HEADER_LEN: usize = 96;

struct Delta<'a> {
    block_size: u32,
    added_count: u64,
    removed_count: u64,
    base: &'a [u8],
    prefixes: &'a [u8],
    added: &'a [u8],
    removed: &'a [u8],
}

fn parse(bytes: &[u8]) -> Result<Delta<'_>, FeedError> {
    check_preamble(bytes, DELTA_HEADER_LEN, KIND_DELTA)?;
    let block_size = u32_at(bytes, 8);
    check_block_size(block_size)?;
    check_zero(bytes, 12..16)?;
    check_zero(bytes, 56..64)?;
    let added_count = u64_at(bytes, 16);
    let removed_count = u64_at(bytes, 24);
    let prefix_count = u64_at(bytes, 32);
    let added_len = u64_at(bytes, 40);
    let removed_len = u64_at(bytes, 48);
    if prefix_count > super::blob::MAX_PREFIXES {
        return Err(FeedError::malformed("bytes 32-39: too many prefixes"));
    }
    // At least one byte per varint, at most ten.
    if added_count > added_len || removed_count > removed_len {
        return Err(FeedError::malformed(
            "bytes 16-55: fewer bytes than entries",
        ));
    }
    let prefixes_len = len_of(prefix_count, PREFIX_ENTRY_LEN, "prefixes")?;
    let added_len = len_of(added_len, 1, "added")?;
    let removed_len = len_of(removed_len, 1, "removed")?;
    let total = DELTA_HEADER_LEN
        .checked_add(prefixes_len)
        .and_then(|t| t.checked_add(added_len))
        .and_then(|t| t.checked_add(removed_len));
    if total != Some(bytes.len()) {
        return Err(FeedError::malformed(
            "the header's section sizes do not add up to the delta length",
        ));
    }
    let rest = &bytes[DELTA_HEADER_LEN..];
    let (prefixes, rest) = rest.split_at(prefixes_len);
    let (added, removed) = rest.split_at(added_len);
    Ok(Delta {
        block_size,
        added_count,
        removed_count,
        base: &bytes[64..96],
        prefixes,
        added,
        removed,
    })
}

/// Decodes one ascending varint section, checking each value.
struct Section<'a> {
    bytes: &'a [u8],
    pos: usize,
    left: u64,
    previous: u64,
    categories: bool,
    at: u64,
    what: &'static str,
}

impl Section<'_> {
    fn step(&mut self) -> Result<Option<Entry>, FeedError> {
        if self.left == 0 {
            return if self.pos == self.bytes.len() {
                Ok(None)
            } else {
                Err(FeedError::malformed(format!(
                    "{}: bytes after the last entry",
                    self.what
                )))
            };
        }
        let at = self.at;
        let what = self.what;
        let bad = |why: &str| FeedError::malformed(format!("{what}[{at}]: {why}"));
        let value =
            varint::get(self.bytes, &mut self.pos).ok_or_else(|| bad("not a canonical varint"))?;
        let (delta, code) = if self.categories {
            (value >> 2, value & 3)
        } else {
            (value, 0)
        };
        if delta == 0 {
            return Err(bad("not in strictly ascending order"));
        }
        let number = self
            .previous
            .checked_add(delta)
            .ok_or_else(|| bad("number overflows"))?;
        let entry = check_entry(number, code, at).map_err(|_| bad("not a valid entry"))?;
        self.previous = number;
        self.left -= 1;
        self.at += 1;
        Ok(Some(entry))
    }
}

impl Iterator for Section<'_> {
    type Item = Result<Entry, FeedError>;
    fn next(&mut self) -> Option<Self::Item> {
        let item = self.step().transpose();
        if matches!(item, Some(Err(_))) {
            self.left = 0;
            self.pos = self.bytes.len();
        }
        item
    }
}

fn section<'a>(bytes: &'a [u8], count: u64, categories: bool, what: &'static str) -> Section<'a> {
    Section {
        bytes,
        pos: 0,
        left: count,
        previous: 0,
        categories,
        at: 0,
        what,
    }
}

fn next<I: Iterator<Item = Result<Entry, FeedError>>>(
    it: &mut Peekable<I>,
) -> Result<Option<Entry>, FeedError> {
    it.next().transpose()
}

fn peek<I: Iterator<Item = Result<Entry, FeedError>>>(
    it: &mut Peekable<I>,
) -> Result<Option<Entry>, FeedError> {
    match it.peek() {
        None => Ok(None),
        Some(Ok(e)) => Ok(Some(*e)),
        Some(Err(_)) => Err(it
            .next()
            .and_then(Result::err)
            .unwrap_or(FeedError::DeltaMismatch)),
    }
}

/// The delta that turns `old` into `new` (both full blobs, checked whole).
pub fn diff(old: &[u8], new: &[u8]) -> Result<Vec<u8>, FeedError> {
    let old_blob = FeedBlob::open(old)?;
    let new_blob = FeedBlob::open(new)?;
    for p in new_blob.prefixes() {
        p?;
    }
    let mut olds = old_blob.entries().peekable();
    let mut news = new_blob.entries().peekable();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    let (mut added_count, mut removed_count) = (0u64, 0u64);
    let (mut last_added, mut last_removed) = (0u64, 0u64);
    loop {
        let (o, n) = (peek(&mut olds)?, peek(&mut news)?);
        let (remove, add) = match (o, n) {
            (None, None) => break,
            (Some(o), None) => (Some(o), None),
            (None, Some(n)) => (None, Some(n)),
            (Some(o), Some(n)) if o.number < n.number => (Some(o), None),
            (Some(o), Some(n)) if o.number > n.number => (None, Some(n)),
            (Some(o), Some(n)) => {
                next(&mut olds)?;
                next(&mut news)?;
                if o.category != n.category {
                    varint::put(
                        &mut added,
                        ((n.number - last_added) << 2) | n.category.code() as u64,
                    );
                    last_added = n.number;
                    added_count += 1;
                }
                continue;
            }
        };
        if let Some(o) = remove {
            next(&mut olds)?;
            varint::put(&mut removed, o.number - last_removed);
            last_removed = o.number;
            removed_count += 1;
        }
        if let Some(n) = add {
            next(&mut news)?;
            varint::put(
                &mut added,
                ((n.number - last_added) << 2) | n.category.code() as u64,
            );
            last_added = n.number;
            added_count += 1;
        }
    }
    let prefixes = new_blob.prefix_bytes();
    let mut out =
        Vec::with_capacity(DELTA_HEADER_LEN + prefixes.len() + added.len() + removed.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&KIND_DELTA.to_le_bytes());
    out.extend_from_slice(&new_blob.block_size().to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&added_count.to_le_bytes());
    out.extend_from_slice(&removed_count.to_le_bytes());
    out.extend_from_slice(&(new_blob.prefix_count() as u64).to_le_bytes());
    out.extend_from_slice(&(added.len() as u64).to_le_bytes());
    out.extend_from_slice(&(removed.len() as u64).to_le_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&sha256(old));
    out.extend_from_slice(prefixes);
    out.extend_from_slice(&added);
    out.extend_from_slice(&removed);
    Ok(out)
}

/// Applies `delta` to the full blob `old` and returns the new full blob —
/// only if it hashes to `expected_sha256` (the manifest's full blob);
/// otherwise the caller downloads the full blob.
pub fn apply_delta(
    old: &[u8],
    delta: &[u8],
    expected_sha256: &[u8; 32],
) -> Result<Vec<u8>, FeedError> {
    let d = parse(delta)?;
    if d.base != sha256(old) {
        return Err(FeedError::DeltaBase);
    }
    let old_blob = FeedBlob::open(old)?;
    let mut builder = FeedBuilder::new(d.block_size)?;
    builder.reserve(old_blob.len() as usize);
    for p in decode_prefixes(d.prefixes) {
        builder
            .push_prefix_entry(p?)
            .map_err(|_| FeedError::DeltaMismatch)?;
    }
    let mut olds = old_blob.entries().peekable();
    let mut adds = section(d.added, d.added_count, true, "added").peekable();
    let mut rems = section(d.removed, d.removed_count, false, "removed").peekable();
    let push = |b: &mut FeedBuilder, e: Entry| {
        b.push(e.number, e.category)
            .map_err(|_| FeedError::DeltaMismatch)
    };
    loop {
        let (o, a, r) = (peek(&mut olds)?, peek(&mut adds)?, peek(&mut rems)?);
        // Every removed number must be one the old blob holds.
        if let Some(r) = r {
            if o.is_none_or(|o| r.number < o.number) {
                return Err(FeedError::DeltaMismatch);
            }
        }
        let take_old = match (o, a) {
            (None, None) => break,
            (Some(o), Some(a)) => o.number < a.number,
            (Some(_), None) => true,
            (None, Some(_)) => false,
        };
        if let Some(o) = o.filter(|_| take_old) {
            next(&mut olds)?;
            if r.is_some_and(|r| r.number == o.number) {
                next(&mut rems)?;
            } else {
                push(&mut builder, o)?;
            }
        } else if let Some(a) = a {
            next(&mut adds)?;
            if let Some(o) = o.filter(|o| o.number == a.number) {
                // A re-categorized number: never removed as well, never
                // "added" unchanged.
                if o.category == a.category || r.is_some_and(|r| r.number == o.number) {
                    return Err(FeedError::DeltaMismatch);
                }
                next(&mut olds)?;
            }
            push(&mut builder, a)?;
        }
    }
    let blob = builder.finish().map_err(|_| FeedError::DeltaMismatch)?;
    if &sha256(&blob) != expected_sha256 {
        return Err(FeedError::DeltaMismatch);
    }
    Ok(blob)
}
