//! Feed blobs (issue 15): lookup at 1 M and 10 M numbers next to a plain
//! sorted `Vec<u64>` binary search over the same numbers (budget: ≤ 3×, and
//! ≤ 1 µs at 10 M), open (header checks) and build. `scripts/bench.sh`
//! prints them side by side; core/examples/feed_figures.rs adds sizes and
//! the 1 % delta.

use callguard_core::feed::FeedBlob;
use callguard_core::testing::{synthetic_feed_blob, synthetic_feed_numbers};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;

/// Half stored numbers, half random others, in random order.
fn probes(numbers: &[u64]) -> Vec<u64> {
    let others = synthetic_feed_numbers(4096, 0xabad_1dea);
    let mut state = 0x1234_5678u64;
    (0..8192)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if i % 2 == 0 {
                numbers[(state % numbers.len() as u64) as usize]
            } else {
                others[i / 2]
            }
        })
        .collect()
}

fn feed_benches(c: &mut Criterion) {
    for (n, tag) in [(1_000_000, "1m"), (10_000_000, "10m")] {
        let numbers = synthetic_feed_numbers(n, 0x9e37_79b9_7f4a_7c15);
        let bytes = synthetic_feed_blob(&numbers);
        let blob = FeedBlob::open(&bytes).unwrap();
        let probes = probes(&numbers);
        let mut i = 0usize;
        c.bench_function(&format!("feed/lookup_{tag}"), |b| {
            b.iter(|| {
                i = (i + 1) & 8191;
                blob.lookup(black_box(probes[i]))
            })
        });
        let mut i = 0usize;
        c.bench_function(&format!("feed/vec_binary_search_{tag}"), |b| {
            b.iter(|| {
                i = (i + 1) & 8191;
                numbers.binary_search(&black_box(probes[i])).is_ok()
            })
        });
        c.bench_function(&format!("feed/open_{tag}"), |b| {
            b.iter(|| FeedBlob::open(black_box(&bytes)).map(|b| b.len()))
        });
    }
    let numbers = synthetic_feed_numbers(1_000_000, 7);
    let mut group = c.benchmark_group("feed");
    group.sample_size(10);
    group.bench_function("build_1m", |b| {
        b.iter_batched(
            || (),
            |_| synthetic_feed_blob(&numbers).len(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, feed_benches);
criterion_main!(benches);
