//! The feed figures of issue 15, side by side in one run:
//! `cargo run --release -p callguard-core --example feed_figures [-- 1000000 10000000]`.
//! Blob size, build, open, lookup median (against a plain sorted `Vec<u64>`
//! binary search in the same run), a 1 % delta's size and apply time.
//! Numbers are synthetic: Russian mobile numbers, random, 2/3 fraud.
//! Also: the peak extra heap while a Call Directory extension exports
//! 2 000 000 feed entries in chunks, counted by a wrapping allocator.

use callguard_core::directory::Directory;
use callguard_core::feed::directory::WithFeeds;
use callguard_core::feed::{apply_delta, diff, FeedBlob};
use callguard_core::feed::{Feed, FeedManifest};
use callguard_core::list::sha256;
use callguard_core::screen::Lang;
use callguard_core::testing::{synthetic_feed_blob_with, synthetic_feed_numbers as synthetic};
use std::hint::black_box;
use std::sync::atomic::Ordering;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{LIVE, PEAK};

/// Peak heap above the starting point while 2 M feed entries are exported
/// in chunks of 1 000 (what an extension hands iOS between autorelease pools).
fn directory_export_peak() {
    let numbers = synthetic(2_000_000, 99);
    let blob = build(&numbers);
    drop(numbers);
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"bench-bank","version":1,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2099-01-01T00:00:00Z","blobs":[{{"name":"f","kind":"full","sha256":"{}","length":{}}}]}}"#,
        callguard_core::list::hex(&sha256(&blob)),
        blob.len()
    );
    let manifest = FeedManifest::parse(payload.as_bytes()).unwrap();
    let feeds = [Feed::new(&manifest, &blob).unwrap()];
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let lists = Directory::new(&[], Default::default(), callguard_core::Timestamp(0));
    let mut export = WithFeeds::new(lists, &feeds, Lang::En);
    let mut count = 0usize;
    loop {
        let chunk = export.take_chunk(1000);
        if chunk.is_empty() {
            break;
        }
        count += chunk.len();
        black_box(chunk);
    }
    let peak = PEAK.load(Ordering::Relaxed) - base;
    println!(
        "Call Directory export of {count} feed entries (chunks of 1 000): peak extra heap {:.1} KB (blob of {:.1} MB not counted: mapped)",
        peak as f64 / 1e3,
        blob.len() as f64 / 1e6
    );
}
use std::time::Instant;

/// xorshift: reproducible probes without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `FEED_BLOCK_SIZE=32` measures another block size (default 64).
fn build(numbers: &[u64]) -> Vec<u8> {
    let k = std::env::var("FEED_BLOCK_SIZE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(callguard_core::feed::DEFAULT_BLOCK_SIZE);
    synthetic_feed_blob_with(numbers, k)
}

fn median_ns(mut f: impl FnMut(u64) -> bool, probes: &[u64]) -> f64 {
    let mut samples = Vec::with_capacity(101);
    for round in 0..101 {
        let chunk = &probes[(round * 1000) % (probes.len() - 1000)..][..1000];
        let t = Instant::now();
        for &p in chunk {
            black_box(f(black_box(p)));
        }
        samples.push(t.elapsed().as_nanos() as f64 / chunk.len() as f64);
    }
    samples.sort_by(f64::total_cmp);
    samples[50]
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a count"))
        .collect();
    directory_export_peak();
    let sizes = if sizes.is_empty() {
        vec![1_000_000, 10_000_000]
    } else {
        sizes
    };
    for n in sizes {
        let numbers = synthetic(n, 0x9e37_79b9_7f4a_7c15);
        let t = Instant::now();
        let bytes = build(&numbers);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let blob = FeedBlob::open(&bytes).unwrap();
        let open_us = t.elapsed().as_secs_f64() * 1e6;
        let t = Instant::now();
        blob.validate().unwrap();
        let validate_ms = t.elapsed().as_secs_f64() * 1e3;
        let mut rng = Rng(42);
        // Half hits, half misses, in random order.
        let probes: Vec<u64> = (0..200_000)
            .map(|i| {
                let r = rng.next();
                if i % 2 == 0 {
                    numbers[(r % numbers.len() as u64) as usize]
                } else {
                    79_000_000_000 + r % 1_000_000_000
                }
            })
            .collect();
        let ours = median_ns(|p| blob.lookup(p).is_some(), &probes);
        let plain = median_ns(|p| numbers.binary_search(&p).is_ok(), &probes);
        println!("{n} numbers: blob {:.2} MB ({:.2} bytes/number), build {build_ms:.0} ms, open {open_us:.1} µs, validate {validate_ms:.0} ms", bytes.len() as f64 / 1e6, bytes.len() as f64 / n as f64);
        println!(
            "  lookup median {ours:.0} ns; Vec<u64> binary search {plain:.0} ns ({:.2}x)",
            ours / plain
        );
        // 1 %: half removed, half added.
        let mut changed: Vec<u64> = numbers.iter().copied().filter(|x| x % 200 != 7).collect();
        changed.extend(synthetic(n / 200, 7));
        changed.sort_unstable();
        changed.dedup();
        let new = build(&changed);
        let delta = diff(&bytes, &new).unwrap();
        let target = sha256(&new);
        let t = Instant::now();
        let applied = apply_delta(&bytes, &delta, &target).unwrap();
        let apply_ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(applied, new);
        println!("  1 % delta: {:.0} KB = {:.1} % of the full blob; applied and verified in {apply_ms:.0} ms", delta.len() as f64 / 1e3, delta.len() as f64 * 100.0 / new.len() as f64);
    }
}
