//! Feeds arbitrary bytes to everything that reads a feed on a phone: the
//! blob reader (open, lookups, the checked iterator, validate), delta
//! application, and the manifest parser.
#![no_main]

use callguard_core::feed::{apply_delta, FeedBlob, FeedManifest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(blob) = FeedBlob::open(data) {
        for probe in [0, 79_161_234_567, u64::MAX] {
            let _ = blob.lookup(probe);
        }
        let _ = blob.entries().count();
        let _ = blob.prefixes().count();
        let _ = blob.validate();
    }
    // The first half as a base, the rest as a delta.
    let (base, delta) = data.split_at(data.len() / 2);
    let _ = apply_delta(base, delta, &[0; 32]);
    let _ = FeedManifest::parse(data);
});
