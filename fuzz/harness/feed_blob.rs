//! The feed harness: every way a phone reads feed bytes, with each entry
//! point's promise asserted, not just "no panic". One file, two runners:
//! `fuzz_targets/feed_blob.rs` (libFuzzer, coverage-guided, nightly) and
//! `core/tests/feed_hostile_bytes.rs` (proptest, stable, every
//! `cargo test`) both include it with `#[path]`, so they cannot drift apart.
//! Public API and std only: it compiles inside either crate.

use callguard_core::feed::{
    apply_delta, Category, Entry, FeedBlob, FeedBuilder, FeedError, FeedManifest, Prefix,
};
use callguard_core::list::sha256;
use std::sync::OnceLock;

/// The codes a blob or delta may be refused with (docs/feed-format.md §6).
const BYTE_CODES: [&str; 3] = ["malformed_blob", "delta_base_mismatch", "delta_mismatch"];

/// The fuzz target's body: `data` as a blob, as a base + delta pair, as a
/// delta against a valid base it names, and as a manifest payload.
pub fn run(data: &[u8]) {
    let _ = blob(data, &probes(data));
    let (base, delta) = data.split_at(data.len() / 2);
    let _ = delta_onto(base, delta, &sha256(base), None);
    // Random bytes never carry the right base hash, so without this the
    // merge itself is never reached: write it in.
    let base = reference_base();
    let mut delta = data.to_vec();
    if delta.len() >= 96 {
        delta[64..96].copy_from_slice(&sha256(base));
    }
    let _ = delta_onto(base, &delta, &sha256(base), None);
    let _ = FeedManifest::parse(data);
}

/// Numbers worth looking up in `data`: the edges of the number space, a
/// typical mobile number, and one taken from the bytes themselves.
pub fn probes(data: &[u8]) -> Vec<u64> {
    let mut probes = vec![0, 10_000_000, 79_161_234_567, 999_999_999_999_999, u64::MAX];
    if let Some(tail) = data.len().checked_sub(8).map(|at| &data[at..]) {
        let mut word = [0u8; 8];
        word.copy_from_slice(tail);
        probes.push(u64::from_le_bytes(word));
    }
    probes
}

/// A small valid base: a few blocks, both categories, two prefixes.
pub fn reference_base() -> &'static [u8] {
    static BASE: OnceLock<Vec<u8>> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut b = FeedBuilder::new(4).expect("block size");
        for i in 0..40u64 {
            let category = if i % 3 == 0 {
                Category::Spam
            } else {
                Category::Fraud
            };
            b.push(79_161_230_000 + i * 37, category)
                .expect("ascending");
        }
        b.push_prefix(7916, Category::Fraud).expect("prefix");
        b.push_prefix(749511, Category::Spam).expect("prefix");
        b.finish().expect("valid")
    })
}

/// Opens and validates `bytes` as a full blob, looking up `probes` on the
/// way, and returns the verdict a download would get. Asserts:
/// - lookups never panic, whatever the bytes (they run before validation,
///   as on a phone whose file was swapped under it);
/// - the checked iterator ends after at most `len() + 1` items and an
///   error is always its last item;
/// - `validate` accepts only the canonical encoding: rebuilding the
///   entries and prefixes it decoded gives back the very same bytes, so an
///   accepted blob means exactly one entry set (and one SHA-256);
/// - on an accepted blob, lookups agree with the decoded entries;
/// - a refusal carries a byte code and no phone number.
pub fn blob(bytes: &[u8], probes: &[u64]) -> Result<(), FeedError> {
    let opened = FeedBlob::open(bytes).inspect_err(|e| clean(e, &BYTE_CODES[..1]))?;
    for &p in probes {
        let _ = opened.lookup(p);
        let _ = opened.lookup_prefix(p);
    }
    // `open` bounds the count by the file length, so this cap only stops
    // a runaway iterator from hanging the test.
    let cap = bytes.len() + 2;
    let items: Vec<Result<Entry, FeedError>> = opened.entries().take(cap).collect();
    assert!(
        items.len() as u64 <= opened.len() + 1,
        "the entry iterator yielded {} items for {} entries",
        items.len(),
        opened.len()
    );
    if let Some(at) = items.iter().position(Result::is_err) {
        assert_eq!(
            at,
            items.len() - 1,
            "the entry iterator went on after an error"
        );
    }
    let prefixes: Vec<Result<Prefix, FeedError>> = opened.prefixes().collect();
    let verdict = opened.validate();
    let decoded_ok = items.iter().all(Result::is_ok) && prefixes.iter().all(Result::is_ok);
    match &verdict {
        Err(e) => {
            clean(e, &BYTE_CODES[..1]);
            assert!(!decoded_ok, "validate refused what the iterators accept");
        }
        Ok(()) => {
            assert!(decoded_ok, "validate accepted what the iterators refuse");
            let entries: Vec<Entry> = items.into_iter().map(Result::unwrap).collect();
            let prefixes: Vec<Prefix> = prefixes.into_iter().map(Result::unwrap).collect();
            assert_eq!(entries.len() as u64, opened.len());
            canonical(bytes, opened.block_size(), &entries, &prefixes);
            lookups_agree(&opened, &entries, &prefixes);
        }
    }
    verdict
}

/// `bytes` must be what the builder writes for these entries and prefixes.
fn canonical(bytes: &[u8], block_size: u32, entries: &[Entry], prefixes: &[Prefix]) {
    let mut b = FeedBuilder::new(block_size).expect("validate accepted this block size");
    for e in entries {
        b.push(e.number, e.category)
            .expect("validate accepted an entry the builder refuses");
    }
    for p in prefixes {
        b.push_prefix(p.digits, p.category)
            .expect("validate accepted a prefix the builder refuses");
    }
    let rebuilt = b.finish().expect("validate accepted duplicate prefixes");
    assert!(
        rebuilt == bytes,
        "validate accepted a non-canonical encoding ({} bytes, canonical {})",
        bytes.len(),
        rebuilt.len()
    );
}

fn lookups_agree(blob: &FeedBlob<'_>, entries: &[Entry], prefixes: &[Prefix]) {
    for (i, e) in entries.iter().enumerate() {
        assert_eq!(blob.lookup_exact(e.number), Some(e.category), "entry {i}");
        let gap = e.number + 1;
        if entries.get(i + 1).is_none_or(|next| next.number != gap) {
            assert_eq!(blob.lookup_exact(gap), None, "after entry {i}");
        }
    }
    for (i, p) in prefixes.iter().enumerate() {
        // The longest 15-digit number under the prefix: covered by it or by
        // a longer prefix, never by a shorter one.
        let tail = 15 - u32::from(p.len);
        let number = p.digits * 10u64.pow(tail) + (10u64.pow(tail) - 1);
        let found = blob
            .lookup_prefix(number)
            .expect("a prefix covers its numbers");
        assert!(found.len >= p.len, "prefix {i}: a shorter prefix won");
        assert_eq!(
            found.digits,
            number / 10u64.pow(15 - u32::from(found.len)),
            "prefix {i}"
        );
    }
}

/// Applies `delta` to `base`, expecting the result to hash to `expected`
/// (and, when the caller knows it, to be `result`). Asserts that an `Ok`
/// is exactly that blob, canonical and valid, and that a refusal carries a
/// byte code and no phone number.
pub fn delta_onto(
    base: &[u8],
    delta: &[u8],
    expected: &[u8; 32],
    result: Option<&[u8]>,
) -> Result<Vec<u8>, FeedError> {
    match apply_delta(base, delta, expected) {
        Ok(out) => {
            assert!(
                &sha256(&out) == expected,
                "apply_delta returned another blob"
            );
            if let Some(result) = result {
                assert!(out == result, "apply_delta returned another blob");
            }
            blob(&out, &[]).expect("apply_delta returned a blob validate refuses");
            Ok(out)
        }
        Err(e) => {
            clean(&e, &BYTE_CODES);
            Err(e)
        }
    }
}

/// A refusal has one of `codes` and names no phone number: no run of 8 or
/// more digits (the shortest E.164 number here) in its message.
pub fn clean(e: &FeedError, codes: &[&str]) {
    assert!(codes.contains(&e.code()), "unexpected code {}", e.code());
    let message = e.to_string();
    let longest_run = message
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest_run < 8, "a number in an error message: {message}");
}
