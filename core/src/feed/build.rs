//! Writing a full blob (publisher side): entries arrive sorted, one at a
//! time, and are encoded as they come; only the encoded bytes are held.

use super::blob::{
    check_block_size, digit_count, Prefix, FORMAT_VERSION, HEADER_LEN, KIND_FULL, MAGIC,
    MAX_NUMBER, MAX_PREFIXES, MAX_PREFIX_DIGITS, MIN_NUMBER, MIN_PREFIX_DIGITS,
};
use super::varint;
use super::{Category, FeedError};

pub struct FeedBuilder {
    block_size: u32,
    count: u64,
    index: Vec<u8>,
    data: Vec<u8>,
    previous: Option<u64>,
    prefixes: Vec<u64>,
}

impl FeedBuilder {
    pub fn new(block_size: u32) -> Result<FeedBuilder, FeedError> {
        check_block_size(block_size).map_err(|_| {
            FeedError::InvalidInput(format!(
                "block size must be 1-{}",
                super::blob::MAX_BLOCK_SIZE
            ))
        })?;
        Ok(FeedBuilder {
            block_size,
            count: 0,
            index: Vec::new(),
            data: Vec::new(),
            previous: None,
            prefixes: Vec::new(),
        })
    }

    /// Room for about `numbers` entries (2.5 bytes each is typical).
    pub fn reserve(&mut self, numbers: usize) {
        self.data.reserve(numbers / 2 * 5);
        self.index
            .reserve(numbers / self.block_size as usize * 12 + 12);
    }

    /// The next number: strictly greater than the one before.
    pub fn push(&mut self, number: u64, category: Category) -> Result<(), FeedError> {
        let at = self.count;
        if !(MIN_NUMBER..=MAX_NUMBER).contains(&number) {
            return Err(FeedError::InvalidInput(format!(
                "entry {at}: not an E.164 number of 8-15 digits"
            )));
        }
        if self.previous.is_some_and(|p| p >= number) {
            return Err(FeedError::InvalidInput(format!(
                "entry {at}: numbers must be strictly ascending"
            )));
        }
        let key_or_delta = |n: u64| (n << 2) | category.code() as u64;
        if self.count.is_multiple_of(self.block_size as u64) {
            if self.data.len() > u32::MAX as usize {
                return Err(FeedError::InvalidInput(
                    "data longer than 4 GiB - 1".to_string(),
                ));
            }
            self.index
                .extend_from_slice(&key_or_delta(number).to_le_bytes());
            self.index
                .extend_from_slice(&(self.data.len() as u32).to_le_bytes());
        } else {
            let delta = number - self.previous.unwrap_or(0);
            varint::put(&mut self.data, key_or_delta(delta));
        }
        self.previous = Some(number);
        self.count += 1;
        Ok(())
    }

    /// A whole range: every number starting with `digits` (4-14 of them).
    /// Any order; duplicates are refused at `finish`.
    pub fn push_prefix(&mut self, digits: u64, category: Category) -> Result<(), FeedError> {
        let len = digit_count(digits);
        if !(MIN_PREFIX_DIGITS..=MAX_PREFIX_DIGITS).contains(&len) {
            return Err(FeedError::InvalidInput(format!(
                "prefix {}: not {MIN_PREFIX_DIGITS}-{MAX_PREFIX_DIGITS} digits",
                self.prefixes.len()
            )));
        }
        if self.prefixes.len() as u64 >= MAX_PREFIXES {
            return Err(FeedError::InvalidInput(format!(
                "more than {MAX_PREFIXES} prefixes"
            )));
        }
        self.prefixes.push((digits << 2) | category.code() as u64);
        Ok(())
    }

    pub(crate) fn push_prefix_entry(&mut self, prefix: Prefix) -> Result<(), FeedError> {
        self.push_prefix(prefix.digits, prefix.category)
    }

    pub fn len(&self) -> u64 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.prefixes.is_empty()
    }

    /// The blob, bytes exactly as docs/feed-format.md lays them out.
    pub fn finish(mut self) -> Result<Vec<u8>, FeedError> {
        if self.data.len() > u32::MAX as usize {
            return Err(FeedError::InvalidInput(
                "data longer than 4 GiB - 1".to_string(),
            ));
        }
        self.prefixes.sort_unstable_by_key(|k| k >> 2);
        if self.prefixes.windows(2).any(|w| w[0] >> 2 == w[1] >> 2) {
            return Err(FeedError::InvalidInput(
                "the same prefix appears twice".to_string(),
            ));
        }
        let mut out = Vec::with_capacity(
            HEADER_LEN + self.index.len() + self.prefixes.len() * 8 + self.data.len(),
        );
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&KIND_FULL.to_le_bytes());
        out.extend_from_slice(&self.block_size.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&(self.prefixes.len() as u64).to_le_bytes());
        out.extend_from_slice(&(self.data.len() as u64).to_le_bytes());
        out.extend_from_slice(&[0; 24]);
        debug_assert_eq!(out.len(), HEADER_LEN);
        out.extend_from_slice(&self.index);
        drop(std::mem::take(&mut self.index));
        for key in &self.prefixes {
            out.extend_from_slice(&key.to_le_bytes());
        }
        out.extend_from_slice(&self.data);
        Ok(out)
    }
}
