//! Stress figures for scripts/bench.sh (release build):
//! - a 1 000 000-number list: verify + load time, heap bytes per contact
//!   (budget: ≤ 32 bytes a contact plus label text), and that it answers;
//! - the Call Directory export of 1 000 000 entries streamed in chunks of
//!   10 000: time, and peak extra heap while streaming (budget ≤ 12 MB).
//!
//! Run: cargo run --release -p callguard-core --example stress

use callguard_core::accept::verify_signed_list;
use callguard_core::directory::{Directory, DirectoryOptions};
use callguard_core::normalize::Region;
use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang, Verdict};
use callguard_core::testing::{synthetic_list, synthetic_number};
use callguard_core::{Channel, Timestamp};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their peak, so "extra memory" is measured, not guessed.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const N: usize = 1_000_000;

fn main() {
    let (jws, trust) = synthetic_list(N);
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let verified = verify_signed_list(&jws, &trust, 1 << 30).expect("the stress list verifies");
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let list = verified.list().clone();
    drop(jws);
    let kept = list.heap_bytes();
    let labels = list.label_text_bytes();
    println!(
        "stress load: {N} contacts verified+loaded in {load_ms:.0} ms; {:.1} bytes/contact + {labels} bytes of label text (budget 32); peak heap while loading {:.0} MB",
        (kept - labels) as f64 / N as f64,
        (PEAK.load(Ordering::Relaxed).saturating_sub(before)) as f64 / 1e6,
    );
    let lists = vec![list];
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp(1_800_000_000),
    };
    let call = |n: &str| {
        screen(
            &lists,
            &Call {
                number: n,
                channel: Channel::Phone,
                display_name: None,
                attestation: Attestation::NotVerified,
                direction: CallDirection::Incoming,
                saved_contact: false,
            },
            &ctx,
        )
    };
    assert_eq!(call(&synthetic_number(777_777)).verdict, Verdict::Official);
    assert_eq!(call("+7 916 123 45 67").verdict, Verdict::Unknown);
    println!("stress answer: listed and unlisted numbers screened correctly against the 1 000 000-contact list");

    let baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let started = Instant::now();
    let mut directory = Directory::new(&lists, DirectoryOptions::default(), ctx.now);
    let (mut count, mut last) = (0usize, 0u64);
    loop {
        let chunk = directory.take_chunk(10_000);
        if chunk.is_empty() {
            break;
        }
        for entry in &chunk {
            assert!(entry.number > last, "ascending");
            last = entry.number;
        }
        count += chunk.len();
    }
    let secs = started.elapsed().as_secs_f64();
    let extra = PEAK.load(Ordering::Relaxed) - baseline;
    println!(
        "directory stream: {count} entries in {:.0} ms ({:.1} M entries/s); peak extra heap {:.2} MB (budget 12 MB)",
        secs * 1000.0,
        count as f64 / secs / 1e6,
        extra as f64 / 1e6
    );
    assert_eq!(count, N);
}
