//! Writes the state directory a phone has after a few weeks: a signed list
//! of 10 000 contacts and a 10 000 000-number feed, stored through the
//! Guard as a sync stores them, plus the trust file that accepts both.
//! scripts/bench-cold-start.sh then times new processes that open it.
//!
//! Run: cargo run --release -p callguard-state --example cold_start_state -- OUT_DIR
//! Writes OUT_DIR/trust.json, OUT_DIR/state/, and prints two caller
//! numbers: one on the list, one in the feed.

use callguard_core::feed::{FeedBuilder, DEFAULT_BLOCK_SIZE, FEED_TYP};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::{sign_general, sign_general_typed};
use callguard_core::testing::{
    synthetic_category, synthetic_feed_manifest, synthetic_feed_numbers, synthetic_list_payload,
    synthetic_number, SYNTHETIC_ISSUER,
};
use callguard_core::{Timestamp, Trust};
use callguard_state::Guard;
use std::path::PathBuf;

const CONTACTS: usize = 10_000;
const FEED_NUMBERS: usize = 10_000_000;

fn main() {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .expect("usage: cold_start_state OUT_DIR")
        .into();
    let state = out.join("state");
    if state.exists() {
        std::fs::remove_dir_all(&state).expect("clear the old state directory");
    }
    std::fs::create_dir_all(&state).expect("state directory");

    let (key, _) = SigningKey::generate(Alg::EdDsa, "cold-start").expect("key");
    let trust = Trust::to_json(SYNTHETIC_ISSUER, 1, &[key.public_jwk()]).to_string();
    std::fs::write(out.join("trust.json"), &trust).expect("trust.json");

    let guard = Guard::open(Some(&state), 64 << 20);
    guard.add_trust(trust.as_bytes()).expect("trust");
    let now = Timestamp(1_800_000_000);
    let list = sign_general(synthetic_list_payload(CONTACTS).as_bytes(), &[&key]).expect("sign");
    guard.load_list(list.as_bytes(), now).expect("the list");

    let numbers = synthetic_feed_numbers(FEED_NUMBERS, 15);
    let mut builder = FeedBuilder::new(DEFAULT_BLOCK_SIZE).expect("builder");
    builder.reserve(numbers.len());
    for &n in &numbers {
        builder
            .push(n, synthetic_category(n))
            .expect("a sorted number");
    }
    let blob = builder.finish().expect("blob");
    let manifest = synthetic_feed_manifest(1, &blob);
    let signed = sign_general_typed(manifest.as_bytes(), &[&key], FEED_TYP).expect("sign");
    let blob_len = blob.len();
    guard
        .install_feed(signed.as_bytes(), blob, now)
        .expect("the feed");

    println!("listed {}", synthetic_number(CONTACTS / 2));
    println!("reported +{}", numbers[numbers.len() / 2]);
    eprintln!(
        "cold_start_state: {CONTACTS} contacts, {FEED_NUMBERS} feed numbers ({blob_len} bytes) in {}",
        state.display()
    );
}
