//! What several core test files share: the shared vectors' lists,
//! verified, and a tiny seeded generator for the disguise tests.

#![allow(dead_code)] // each test file uses part of it

use callguard_core::accept::verify_signed_list;
use callguard_core::{ContactList, Trust, DEFAULT_MAX_LIST_BYTES};
use std::path::PathBuf;
use std::sync::Arc;

/// `tests/vectors/<list>`, verified against `tests/vectors/<trust>`.
pub fn vector_list(list: &str, trust: &str) -> Arc<ContactList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let read = |p: &str| std::fs::read(dir.join(p)).unwrap();
    let trust = Trust::from_json(&read(trust)).unwrap();
    verify_signed_list(&read(list), &trust, DEFAULT_MAX_LIST_BYTES)
        .unwrap()
        .list()
        .clone()
}

/// A tiny deterministic generator (xorshift), so a failing case replays
/// from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
