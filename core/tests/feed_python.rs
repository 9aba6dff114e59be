//! docs/feed-format.md is enough to produce blobs without Rust: the stdlib
//! Python in tests/feed/build_blob.py, written from the spec alone, must
//! write exactly the bytes the Rust builder writes, and the SDK must read
//! them as meant. Needs `python3` on PATH (or $PYTHON); a missing
//! interpreter fails the test rather than skipping it.

use callguard_core::feed::{Category, FeedBlob, FeedBuilder};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn python_build(input: &str, block_size: u32, tag: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let (src, out) = (
        dir.join(format!("feed-{tag}.txt")),
        dir.join(format!("feed-{tag}.cgfeed")),
    );
    std::fs::write(&src, input).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/feed/build_blob.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let status = Command::new(&python)
        .arg(&script)
        .arg(&src)
        .arg(&out)
        .args(["--block-size", &block_size.to_string()])
        .status()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e} (set $PYTHON)"));
    assert!(status.success(), "build_blob.py failed");
    std::fs::read(&out).unwrap()
}

/// Reproducible numbers in three clusters, each 1 in 3 spam.
fn sample() -> (String, BTreeMap<u64, Category>, Vec<(u64, Category)>) {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut numbers = BTreeMap::new();
    let mut text = String::from("# synthetic feed\n\n");
    for i in 0..20_000u64 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let number = match i % 3 {
            0 => 79_000_000_000 + state % 1_000_000_000,
            1 => 74_950_000_000 + state % 10_000_000,
            _ => 10_000_000 + state % 899_999_999_999_990, // any length 8-15
        };
        let category = if state.is_multiple_of(3) {
            Category::Spam
        } else {
            Category::Fraud
        };
        if *numbers.entry(number).or_insert(category) != category {
            continue;
        }
        text.push_str(&format!("+{number}\t{}\n", category.name()));
        if i % 1000 == 0 {
            // Listed twice with the same category: kept once.
            text.push_str(&format!("+{number} {}\n", category.name()));
        }
    }
    let prefixes = vec![
        (7916555, Category::Fraud),
        (4420, Category::Spam),
        (79991234567890, Category::Spam),
    ];
    for (digits, category) in &prefixes {
        text.push_str(&format!("+{digits}* {}\n", category.name()));
    }
    (text, numbers, prefixes)
}

#[test]
fn a_blob_built_in_python_from_the_spec_is_read_identically() {
    let (text, numbers, prefixes) = sample();
    for block_size in [64, 7, 1] {
        let from_python = python_build(&text, block_size, &block_size.to_string());
        let mut builder = FeedBuilder::new(block_size).unwrap();
        for (&n, &c) in &numbers {
            builder.push(n, c).unwrap();
        }
        for &(d, c) in &prefixes {
            builder.push_prefix(d, c).unwrap();
        }
        let from_rust = builder.finish().unwrap();
        assert_eq!(
            from_python.len(),
            from_rust.len(),
            "block size {block_size}"
        );
        assert!(
            from_python == from_rust,
            "block size {block_size}: the bytes differ"
        );

        let blob = FeedBlob::open(&from_python).unwrap();
        blob.validate().unwrap();
        assert_eq!(blob.len(), numbers.len() as u64);
        for (&n, &c) in &numbers {
            assert_eq!(blob.lookup_exact(n), Some(c));
        }
        assert_eq!(blob.lookup(79_165_551_234), Some(Category::Fraud));
        assert_eq!(
            blob.lookup(442_071_234_567),
            blob.lookup_exact(442_071_234_567).or(Some(Category::Spam))
        );
        let read: Vec<(u64, Category)> = blob
            .prefixes()
            .map(|p| p.map(|p| (p.digits, p.category)).unwrap())
            .collect();
        let mut expected = prefixes.clone();
        expected.sort();
        assert_eq!(read, expected);
    }
}
