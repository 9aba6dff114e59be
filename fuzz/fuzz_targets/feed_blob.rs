//! Feeds arbitrary bytes to everything that reads a feed on a phone: the
//! blob reader (open, lookups, the checked iterator, validate), delta
//! application (also against a valid base the bytes name), and the manifest
//! parser. The body lives in `../harness/feed_blob.rs`, which
//! `core/tests/feed_hostile_bytes.rs` runs on stable too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness/feed_blob.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::run(data));
