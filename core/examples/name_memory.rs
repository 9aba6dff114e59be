//! The memory the name rules keep for the life of the process: the
//! lexicon, its indexes and the character tables, built on the first name
//! read. Counted by a counting allocator around one first name.
//!
//! `cargo run -q --release -p callguard-core --example name_memory`

use callguard_core::screen::names;
use std::sync::atomic::Ordering;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::LIVE;

fn main() {
    let before = LIVE.load(Ordering::Relaxed);
    let started = std::time::Instant::now();
    // A name that takes every reading: every table is built.
    let name = "Ь@nk|-|0 Sluzhba bEZ0pasn0sti I|-|Ь III bI cl rn Ρ 8 800 5553535 𝐒𝐛𝐞𝐫";
    let reading = names::read(name);
    let claims = names::claims_authority(&reading, []);
    let number = names::number_in_name(name).is_some();
    drop(reading);
    let first = started.elapsed();
    let kept = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "kept for the process by the name rules: {} KiB",
        kept / 1024
    );
    println!("first name read (tables built): {} µs", first.as_micros());
    assert!(claims && number);
}
