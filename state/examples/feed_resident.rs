//! Resident memory of a mapped 10-million-number feed blob (issue 15:
//! "open ≤ 5 ms; resident memory after open ≤ 1 MB plus what lookups
//! touch"): `cargo run --release -p callguard-state --example feed_resident [-- BLOB]`.
//!
//! The parent builds the blob with `FeedBuilder` (or reuses
//! `target/feed-10m.cgfeed`, or measures `BLOB`), then re-executes itself
//! so that the measuring process never held the builder's heap. The child
//! reads VmRSS / RssAnon / RssFile from /proc/self/status before the map,
//! after `MappedBlob::map` + `FeedBlob::open`, and after 1 000 random
//! lookups, then times map + open and open alone (medians of 1 000).
//!
//! Twice: with the page cache as the write (or the check of the reused
//! file) left it — the usual case on a phone right after a download; and
//! "cold", after dropping this one file's cached pages
//! (`POSIX_FADV_DONTNEED`), as after a reboot. `MappedBlob` advises the
//! map `MADV_RANDOM` (no read-around per lookup). RssFile counts the file
//! pages mapped into the process, however the kernel groups them: one
//! fault may map a whole large folio of the page cache (2 MB on ext4 with
//! Linux 6.18 when the file was just written) or a fault-around window
//! (64 kB cold). That is what "resident" means for a map, and what the
//! figures report; they are clean, shared, reclaimable pages, not heap
//! (RssAnon). Linux only.

use callguard_core::feed::{FeedBlob, FeedBuilder};
use callguard_core::testing::{synthetic_category, synthetic_feed_numbers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NUMBERS: usize = 10_000_000;
const LOOKUPS: usize = 1000;
const OPENS: usize = 1000;
const CHILD: &str = "--measure";

fn main() {
    if !cfg!(target_os = "linux") {
        eprintln!("feed_resident reads /proc/self/status: Linux only");
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, cache, path, len] if flag == CHILD => {
            let cache = Cache::ALL.into_iter().find(|c| c.arg() == cache).unwrap();
            measure(Path::new(path), len.parse().unwrap(), cache)
        }
        [path] => spawn(Path::new(path)),
        [] => spawn(&cached_blob()),
        _ => {
            eprintln!("usage: feed_resident [BLOB]");
            std::process::exit(2);
        }
    }
}

/// `target/feed-10m.cgfeed`, built once and checked whole when reused.
fn cached_blob() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/feed-10m.cgfeed");
    if let Ok(bytes) = std::fs::read(&path) {
        let good = FeedBlob::open(&bytes)
            .and_then(|b| b.validate().map(|()| b.len()))
            .is_ok_and(|n| n == NUMBERS as u64);
        if good {
            println!("reusing {}", path.display());
            return path;
        }
    }
    let start = Instant::now();
    let numbers = synthetic_feed_numbers(NUMBERS, 15);
    let mut builder = FeedBuilder::new(callguard_core::feed::DEFAULT_BLOCK_SIZE).unwrap();
    builder.reserve(numbers.len());
    for &n in &numbers {
        builder.push(n, synthetic_category(n)).unwrap();
    }
    drop(numbers);
    let blob = builder.finish().unwrap();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    callguard_state::atomic::write_atomically(&path, &blob).unwrap();
    println!(
        "built {} ({:.1} s)",
        path.display(),
        start.elapsed().as_secs_f64()
    );
    path
}

/// Measures in fresh processes: the parent's heap is not counted.
fn spawn(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    for cache in Cache::ALL {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([CHILD, cache.arg()])
            .arg(path)
            .arg(len.to_string())
            .status()
            .unwrap();
        assert!(status.success(), "the measuring process failed: {status}");
    }
}

/// The page cache a measuring process starts with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cache {
    /// As the write (or the parent's check of a reused file) left it.
    AsFound,
    /// This file's pages dropped first, as after a reboot.
    Cold,
}

impl Cache {
    const ALL: [Cache; 2] = [Cache::AsFound, Cache::Cold];

    fn arg(self) -> &'static str {
        match self {
            Cache::AsFound => "as-found",
            Cache::Cold => "cold",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Cache::AsFound => "as found",
            Cache::Cold => "cold (this file's pages dropped first)",
        }
    }
}

/// Drops the cached pages of this one file (clean pages: nothing is lost).
#[cfg(target_os = "linux")]
fn evict(path: &Path) {
    use std::os::fd::AsRawFd;
    let file = std::fs::File::open(path).unwrap();
    // SAFETY: a valid descriptor; the call only advises the kernel.
    let err = unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
    assert_eq!(err, 0, "posix_fadvise failed");
}

#[cfg(not(target_os = "linux"))]
fn evict(_: &Path) {
    unreachable!("main returns first on other systems")
}

/// VmRSS, RssAnon, RssFile in kB.
#[derive(Clone, Copy)]
struct Rss {
    total: i64,
    anon: i64,
    file: i64,
}

fn rss() -> Rss {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let field = |name: &str| -> i64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("/proc/self/status has no {name}"))
    };
    Rss {
        total: field("VmRSS:"),
        anon: field("RssAnon:"),
        file: field("RssFile:"),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn measure(path: &Path, len: u64, cache: Cache) {
    if cache != Cache::AsFound {
        evict(path);
    }
    let before = rss();
    let mapped = callguard_state::MappedBlob::map(path, len).unwrap();
    let blob = FeedBlob::open(&mapped).unwrap();
    let opened = rss();

    // Random numbers of the synthetic range (+79…, 1 in 100 is reported).
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut hits = 0;
    // RSS after 1, 10, 100 and 1000 lookups: how it grows with use.
    let mut after = Vec::new();
    for i in 1..=LOOKUPS {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        hits += usize::from(
            blob.lookup(79_000_000_000 + state % 1_000_000_000)
                .is_some(),
        );
        if [1, 10, 100, LOOKUPS].contains(&i) {
            after.push((i, rss()));
        }
    }

    let open_alone = median(
        (0..OPENS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(FeedBlob::open(std::hint::black_box(&mapped)).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    let map_and_open = median(
        (0..OPENS)
            .map(|_| {
                let t = Instant::now();
                let m = callguard_state::MappedBlob::map(path, len).unwrap();
                std::hint::black_box(FeedBlob::open(&m).unwrap().len());
                let spent = t.elapsed();
                drop(m);
                spent
            })
            .collect(),
    );

    let delta = |a: Rss, b: Rss| {
        format!(
            "{:>+6} kB ({:+} anon, {:+} file)",
            b.total - a.total,
            b.anon - a.anon,
            b.file - a.file
        )
    };
    println!(
        "== feed blob: {} entries, {:.1} MB, block size {}; page cache {}; {hits} of {LOOKUPS} random lookups hit",
        blob.len(),
        len as f64 / 1e6,
        blob.block_size(),
        cache.describe()
    );
    println!("{:<46} {:>36} {:>12}", "measure", "measured", "budget");
    println!(
        "{:<46} {:>33.1} MB {:>9} MB",
        "blob size",
        len as f64 / 1e6,
        if blob.len() == NUMBERS as u64 {
            "40"
        } else {
            "-"
        }
    );
    println!(
        "{:<46} {:>33.2} us {:>9} us",
        "map + open (median of 1000)",
        map_and_open.as_secs_f64() * 1e6,
        "5000"
    );
    println!(
        "{:<46} {:>33.2} us",
        "open alone, header checks (median of 1000)",
        open_alone.as_secs_f64() * 1e6
    );
    println!(
        "{:<46} {:>36}",
        "RSS before the map",
        format!(
            "{} kB ({} anon, {} file)",
            before.total, before.anon, before.file
        )
    );
    println!(
        "{:<46} {:>36} {:>9} kB",
        "RSS delta after map + open",
        delta(before, opened),
        "1024"
    );
    for (n, rss) in after {
        println!(
            "{:<46} {:>36}",
            format!("RSS delta after {n} random lookups"),
            delta(before, rss)
        );
    }
    // What a restart costs (Guard::reload / add_trust): the stored blob is
    // hashed again, through a 64 KiB buffer, before it is mapped.
    let sha: [u8; 32] = callguard_core::list::sha256(&mapped);
    drop(mapped);
    let before_verify = rss();
    let verified = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let m = callguard_state::MappedBlob::map_verified(path, len, &sha).unwrap();
                std::hint::black_box(FeedBlob::open(&m).unwrap().len());
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "{:<46} {:>33.2} ms",
        "restore: hash + map + open (median of 5)",
        verified.as_secs_f64() * 1e3
    );
    println!(
        "{:<46} {:>36}",
        "RSS delta after the restores",
        delta(before_verify, rss())
    );
}
