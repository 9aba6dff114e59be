//! Feeds in the Call Directory: merged ascending and unique with the
//! lists' entries, the bank's own entries winning, fraud over spam,
//! blocking without official numbers, incremental changes between versions.

// The counters below are `const`-initialized; on phone targets without
// native thread-locals (the cross-build's clippy) the lint still fires.
#![allow(clippy::missing_const_for_thread_local)]

use callguard_core::accept::verify_signed_list;
use callguard_core::directory::{Directory, DirectoryDiff, DirectoryEntry, DirectoryOptions};
use callguard_core::feed::directory::{blocking_numbers, reported_label, WithFeeds};
use callguard_core::feed::{Category, Feed, FeedBuilder, FeedManifest};
use callguard_core::list::{hex, sha256};
use callguard_core::screen::Lang;
use callguard_core::{ContactList, Timestamp, Trust};
use std::path::PathBuf;
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01
const BANK_LINE: u64 = 74_950_000_001;

fn example() -> Arc<ContactList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let trust =
        Trust::from_json(&std::fs::read(dir.join("trust/example-bank.json")).unwrap()).unwrap();
    let jws = std::fs::read(dir.join("lists/valid-eddsa-general.jws")).unwrap();
    verify_signed_list(&jws, &trust, 1 << 20)
        .unwrap()
        .list()
        .clone()
}

fn blob(entries: &[(u64, Category)]) -> Vec<u8> {
    let mut sorted = entries.to_vec();
    sorted.sort();
    let mut b = FeedBuilder::new(4).unwrap();
    for (n, c) in sorted {
        b.push(n, c).unwrap();
    }
    b.push_prefix(7903, Category::Fraud).unwrap(); // never expanded
    b.finish().unwrap()
}

fn manifest(blob: &[u8]) -> FeedManifest {
    let p = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":1,"issued_at":"2026-11-01T00:00:00Z","expires_at":"2026-11-08T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(p.as_bytes()).unwrap()
}

fn directory() -> Directory {
    Directory::new(&[example()], DirectoryOptions::default(), NOW)
}

fn numbers(entries: &[DirectoryEntry]) -> Vec<u64> {
    entries.iter().map(|e| e.number).collect()
}

#[test]
fn feed_entries_merge_ascending_and_the_bank_wins() {
    let lists_only: Vec<DirectoryEntry> = directory().collect();
    let bank_label = lists_only
        .iter()
        .find(|e| e.number == BANK_LINE)
        .unwrap()
        .label
        .clone();
    let reported = [
        (BANK_LINE, Category::Fraud),
        (79_161_234_567, Category::Fraud),
        (10_000_001, Category::Spam),
        (999_999_999_999_999, Category::Spam),
    ];
    let bytes = blob(&reported);
    // The feed has expired (2026-11-08): it still labels.
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let merged: Vec<DirectoryEntry> = WithFeeds::new(directory(), &feeds, Lang::En).collect();
    let ns = numbers(&merged);
    assert!(ns.windows(2).all(|w| w[0] < w[1]), "strictly ascending");
    assert_eq!(merged.len(), lists_only.len() + 3);
    let label = |n: u64| {
        merged
            .iter()
            .find(|e| e.number == n)
            .unwrap()
            .label
            .to_string()
    };
    assert_eq!(label(BANK_LINE), bank_label.to_string());
    assert_eq!(label(79_161_234_567), "⚠ Reported: fraud");
    assert_eq!(label(10_000_001), "⚠ Reported: spam");
    assert_eq!(label(999_999_999_999_999), "⚠ Reported: spam");
    // The lists' own entries are all still there, unchanged.
    for e in &lists_only {
        assert_eq!(label(e.number), e.label.to_string());
    }
    let ru: Vec<DirectoryEntry> = WithFeeds::new(directory(), &feeds, Lang::Ru).collect();
    assert!(ru
        .iter()
        .any(|e| *e.label == *reported_label(Category::Fraud, Lang::Ru)));
}

#[test]
fn fraud_in_one_feed_outweighs_spam_in_another_and_blocking_skips_the_bank() {
    let (a, b) = (
        blob(&[
            (79_161_234_567, Category::Spam),
            (79_000_000_001, Category::Spam),
            (BANK_LINE, Category::Fraud),
        ]),
        blob(&[
            (79_161_234_567, Category::Fraud),
            (79_000_000_002, Category::Fraud),
        ]),
    );
    let (ma, mb) = (manifest(&a), manifest(&b));
    let feeds = [Feed::new(&ma, &a).unwrap(), Feed::new(&mb, &b).unwrap()];
    let merged: Vec<DirectoryEntry> =
        WithFeeds::new(std::iter::empty(), &feeds, Lang::En).collect();
    assert_eq!(
        numbers(&merged),
        [BANK_LINE, 79_000_000_001, 79_000_000_002, 79_161_234_567]
    );
    assert_eq!(&*merged[3].label, "⚠ Reported: fraud");
    let blocked: Vec<u64> = blocking_numbers(directory(), &feeds).collect();
    assert_eq!(blocked, [79_000_000_002, 79_161_234_567]);
}

#[test]
fn incremental_changes_between_feed_versions() {
    let v1 = blob(&[
        (79_000_000_001, Category::Fraud),
        (79_000_000_002, Category::Spam),
        (79_000_000_003, Category::Fraud),
    ]);
    let v2 = blob(&[
        (79_000_000_002, Category::Fraud),
        (79_000_000_003, Category::Fraud),
        (79_000_000_004, Category::Spam),
    ]);
    let (m1, m2) = (manifest(&v1), manifest(&v2));
    let (f1, f2) = (
        [Feed::new(&m1, &v1).unwrap()],
        [Feed::new(&m2, &v2).unwrap()],
    );
    let old = || WithFeeds::new(directory(), &f1, Lang::En);
    let new = || WithFeeds::new(directory(), &f2, Lang::En);
    let removals: Vec<u64> = DirectoryDiff::removals(old(), new())
        .map(|e| e.number)
        .collect();
    let additions: Vec<(u64, String)> = DirectoryDiff::additions(old(), new())
        .map(|e| (e.number, e.label.to_string()))
        .collect();
    assert_eq!(removals, [79_000_000_001, 79_000_000_002]);
    assert_eq!(
        additions,
        [
            (79_000_000_002, "⚠ Reported: fraud".to_string()),
            (79_000_000_004, "⚠ Reported: spam".to_string())
        ]
    );
}

// ---- resumable chunks, modes, blocking, diffs --------------------------

use callguard_core::feed::directory::{FeedBlocking, FeedDirectory, FeedDirectoryDiff, FeedMode};
use callguard_core::feed::FeedBlob;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;

/// Counts the live heap bytes of the measuring thread and their peak, to
/// measure what an export holds (other tests run on other threads).
struct Counting;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    let _ = MEASURING.try_with(|m| {
        if m.get() {
            let live = LIVE.with(|l| {
                l.set(l.get() + delta);
                l.get()
            });
            PEAK.with(|p| p.set(p.get().max(live)));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            track(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        track(-(layout.size() as isize));
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Deterministic pseudo-random numbers (no dependency): a 64-bit LCG.
fn scattered(seed: u64, count: usize) -> Vec<(u64, Category)> {
    let mut x = seed;
    let mut out = BTreeMap::new();
    while out.len() < count {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // Around the bank's numbers (7495…) so some collide with the lists.
        let number = 74_950_000_000 + (x >> 33) % 20_000;
        let category = if (x >> 20) & 1 == 0 {
            Category::Fraud
        } else {
            Category::Spam
        };
        out.insert(number, category);
    }
    out.into_iter().collect()
}

fn with_lists(n: u64) -> Vec<(u64, Category)> {
    // Every number of the lists, reported: the bank must win on all.
    directory()
        .map(|e| e.number)
        .step_by(n as usize)
        .map(|n| (n, Category::Fraud))
        .collect()
}

fn merged_blob(parts: &[&[(u64, Category)]]) -> Vec<u8> {
    let mut all: BTreeMap<u64, Category> = BTreeMap::new();
    for part in parts {
        for &(n, c) in *part {
            all.insert(n, c);
        }
    }
    blob(&all.into_iter().collect::<Vec<_>>())
}

fn chunked<L: callguard_core::directory::ListEntries>(
    mut d: FeedDirectory<L>,
    feeds: &[Feed<'_>],
    size: usize,
) -> Vec<DirectoryEntry> {
    let mut out = Vec::new();
    loop {
        let chunk = d.take_chunk(feeds, size);
        if chunk.is_empty() {
            return out;
        }
        assert!(chunk.len() <= size);
        out.extend(chunk);
    }
}

#[test]
fn entries_from_resumes_at_the_first_number_not_below() {
    let reported = scattered(1, 500);
    let bytes = blob(&reported);
    let b = FeedBlob::open(&bytes).unwrap();
    let all: Vec<u64> = b.entries().map(|e| e.unwrap().number).collect();
    let mut probes = vec![0, 1, all[0], all[0] + 1, u64::MAX, *all.last().unwrap()];
    probes.extend(all.iter().step_by(7).copied());
    probes.extend(all.iter().step_by(11).map(|n| n - 1));
    for p in probes {
        let from: Vec<u64> = b.entries_from(p).map(|e| e.unwrap().number).collect();
        let expected: Vec<u64> = all.iter().copied().filter(|&n| n >= p).collect();
        assert_eq!(from, expected, "from {p}");
    }
    // An empty blob resumes to nothing.
    let empty = FeedBuilder::new(4).unwrap().finish().unwrap();
    assert_eq!(FeedBlob::open(&empty).unwrap().entries_from(5).count(), 0);
}

#[test]
fn resumable_chunks_equal_one_pass_in_every_mode() {
    let (a, b) = (
        merged_blob(&[&scattered(2, 300), &with_lists(3)]),
        blob(&scattered(3, 300)),
    );
    let (ma, mb) = (manifest(&a), manifest(&b));
    let feeds = [Feed::new(&ma, &a).unwrap(), Feed::new(&mb, &b).unwrap()];
    for mode in [FeedMode::Label, FeedMode::Block, FeedMode::Off] {
        let one_pass: Vec<DirectoryEntry> =
            WithFeeds::with_mode(directory(), &feeds, mode, Lang::En).collect();
        assert!(numbers(&one_pass).windows(2).all(|w| w[0] < w[1]));
        for size in [1, 3, 64, 100_000] {
            let chunks = chunked(
                FeedDirectory::new(directory(), mode, Lang::En),
                &feeds,
                size,
            );
            assert_eq!(chunks, one_pass, "{mode:?}, chunks of {size}");
        }
        // The lists' entries are all there, with the bank's labels.
        let lists: Vec<DirectoryEntry> = directory().collect();
        for e in &lists {
            assert!(one_pass.contains(e));
        }
        let reported = |label: &str| one_pass.iter().filter(|e| &*e.label == label).count();
        let (fraud, spam) = (reported("⚠ Reported: fraud"), reported("⚠ Reported: spam"));
        match mode {
            FeedMode::Label => assert!(fraud > 0 && spam > 0),
            FeedMode::Block => assert!(fraud == 0 && spam > 0),
            FeedMode::Off => assert_eq!(one_pass, lists),
        }
    }
}

#[test]
fn blocking_merges_the_customers_numbers_with_fraud_never_an_official_number() {
    let official: Vec<u64> = directory().map(|e| e.number).collect();
    let a = merged_blob(&[&scattered(4, 400), &with_lists(2)]);
    let ma = manifest(&a);
    let feeds = [Feed::new(&ma, &a).unwrap()];
    let fraud: Vec<u64> = blocking_numbers(directory(), &feeds).collect();
    assert!(!fraud.is_empty());
    assert!(fraud.iter().all(|n| official.binary_search(n).is_err()));
    // The customer blocks some fraud numbers too, and one official number
    // (their choice: kept).
    let customer = vec![
        10_000_001,
        fraud[0],
        fraud[5],
        official[0],
        999_999_999_999_999,
    ];
    let mut expected: Vec<u64> = fraud.iter().chain(&customer).copied().collect();
    expected.sort_unstable();
    expected.dedup();
    for size in [1, 2, 50, 10_000] {
        let mut blocking = FeedBlocking::new(directory(), FeedMode::Block, customer.clone());
        let mut got = Vec::new();
        loop {
            let chunk = blocking.take_chunk(&feeds, size);
            if chunk.is_empty() {
                break;
            }
            got.extend(chunk);
        }
        assert_eq!(got, expected, "chunks of {size}");
    }
    // Label and Off block only what the customer chose.
    for mode in [FeedMode::Label, FeedMode::Off] {
        let mut blocking = FeedBlocking::new(directory(), mode, customer.clone());
        let mut sorted = customer.clone();
        sorted.sort_unstable();
        assert_eq!(blocking.take_chunk(&feeds, 100), sorted);
        assert!(blocking.take_chunk(&feeds, 100).is_empty());
    }
}

/// What iOS would hold after applying `entries`: number → label.
fn held(entries: Vec<DirectoryEntry>) -> BTreeMap<u64, String> {
    entries
        .into_iter()
        .map(|e| (e.number, e.label.to_string()))
        .collect()
}

#[test]
fn resumable_diff_turns_the_old_directory_into_the_new_one() {
    let v1 = merged_blob(&[&scattered(5, 400), &with_lists(4)]);
    // v2: some gone, some added, some spam turned fraud and back.
    let mut changed: Vec<(u64, Category)> = scattered(5, 400)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 5 != 0)
        .map(|(i, (n, c))| match (i % 3, c) {
            (0, Category::Spam) => (n, Category::Fraud),
            (1, Category::Fraud) => (n, Category::Spam),
            _ => (n, c),
        })
        .collect();
    changed.extend(scattered(6, 100));
    let v2 = merged_blob(&[&changed, &with_lists(5)]);
    let (m1, m2) = (manifest(&v1), manifest(&v2));
    let (f1, f2) = (
        [Feed::new(&m1, &v1).unwrap()],
        [Feed::new(&m2, &v2).unwrap()],
    );
    for mode in [FeedMode::Label, FeedMode::Block] {
        let old: Vec<DirectoryEntry> =
            WithFeeds::with_mode(directory(), &f1, mode, Lang::En).collect();
        let new: Vec<DirectoryEntry> =
            WithFeeds::with_mode(directory(), &f2, mode, Lang::En).collect();
        for size in [1, 7, 100_000] {
            let take = |additions: bool| {
                let (o, n) = (
                    FeedDirectory::new(directory(), mode, Lang::En),
                    FeedDirectory::new(directory(), mode, Lang::En),
                );
                let mut diff = if additions {
                    FeedDirectoryDiff::additions(o, n)
                } else {
                    FeedDirectoryDiff::removals(o, n)
                };
                let mut out = Vec::new();
                loop {
                    let chunk = diff.take_chunk(&f1, &f2, size);
                    if chunk.is_empty() {
                        return out;
                    }
                    out.extend(chunk);
                }
            };
            let (removals, additions) = (take(false), take(true));
            assert!(numbers(&removals).windows(2).all(|w| w[0] < w[1]));
            assert!(numbers(&additions).windows(2).all(|w| w[0] < w[1]));
            // The same as the one-pass diff...
            let one_pass: Vec<DirectoryEntry> = DirectoryDiff::removals(
                WithFeeds::with_mode(directory(), &f1, mode, Lang::En),
                WithFeeds::with_mode(directory(), &f2, mode, Lang::En),
            )
            .collect();
            assert_eq!(removals, one_pass);
            // ...and applied to the old directory it gives the new one.
            let mut holds = held(old.clone());
            assert!(!removals.is_empty() && !additions.is_empty());
            for r in &removals {
                assert!(holds.remove(&r.number).is_some(), "removes what is there");
            }
            for a in additions {
                assert!(holds.insert(a.number, a.label.to_string()).is_none());
            }
            assert_eq!(holds, held(new.clone()), "{mode:?}, chunks of {size}");
        }
    }
}

/// Issue 15's target: exporting 2 M feed entries through the resumable
/// reader holds at most 8 MB of heap beyond the blob (measured, and
/// printed for the report; run with `--nocapture`).
#[test]
fn exporting_two_million_feed_entries_stays_small() {
    const COUNT: u64 = 2_000_000;
    let mut b = FeedBuilder::new(64).unwrap();
    for i in 0..COUNT {
        let category = if i % 3 == 0 {
            Category::Spam
        } else {
            Category::Fraud
        };
        b.push(79_000_000_000 + i * 37, category).unwrap();
    }
    let bytes = b.finish().unwrap();
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let mut d = FeedDirectory::new(directory(), FeedMode::Label, Lang::En);
    MEASURING.with(|m| m.set(true));
    let (mut count, mut last) = (0u64, 0u64);
    loop {
        let chunk = d.take_chunk(&feeds, 2_000);
        let Some(tail) = chunk.last() else { break };
        assert!(tail.number > last);
        last = tail.number;
        count += chunk.len() as u64;
    }
    MEASURING.with(|m| m.set(false));
    let extra = PEAK.with(|p| p.get()) as usize;
    println!(
        "Call Directory export of {COUNT} feed entries (blob {} bytes): peak extra heap {extra} bytes",
        bytes.len()
    );
    assert!(count >= COUNT);
    assert!(extra <= 8 << 20, "peak extra heap {extra} bytes");
}
