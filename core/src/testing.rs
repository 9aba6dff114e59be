//! Builders for benchmarks and stress tests: synthetic lists of any size,
//! signed with a throwaway key. Not for production use.

use crate::jwk::{Alg, SigningKey};
use crate::jws::sign_general;
use crate::trust::Trust;

/// A signed list with `n` exact outbound numbers (+7495…), plus the trust
/// file that accepts it. Labels repeat every 50 contacts, as real lists do.
pub fn synthetic_list(n: usize) -> (Vec<u8>, Trust) {
    let (key, _) = SigningKey::generate(Alg::EdDsa, "bench").expect("key generation");
    let mut payload = String::with_capacity(n * 80 + 512);
    payload.push_str(
        r#"{"type":"callguard.contact-list","schema":1,"issuer":{"id":"bench-bank","name":{"en":"Bench Bank"},"aliases":["Bench Bank"]},"version":1,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2099-01-01T00:00:00Z","contacts":["#,
    );
    for i in 0..n {
        if i > 0 {
            payload.push(',');
        }
        payload.push_str(&format!(
            r#"{{"number":"+7495{:07}","direction":"outbound","channels":["phone","whatsapp"],"label":{{"en":"Desk {}","ru":"Отдел {}"}}}}"#,
            i * 3,
            i % 50,
            i % 50
        ));
    }
    payload.push_str("]}");
    let jws = sign_general(payload.as_bytes(), &[&key]).expect("signing");
    let trust_json = Trust::to_json("bench-bank", 1, &[key.public_jwk()]).to_string();
    let trust = Trust::from_json(trust_json.as_bytes()).expect("trust");
    (jws.into_bytes(), trust)
}

/// The `i`-th number of `synthetic_list`, as a caller string.
pub fn synthetic_number(i: usize) -> String {
    format!(
        "8 (495) {:03}-{:02}-{:02}",
        (i * 3) / 10_000,
        (i * 3) / 100 % 100,
        (i * 3) % 100
    )
}

/// `n` distinct random numbers of one mobile range (+79xx xxx xx xx, 10⁹
/// numbers), ascending, reproducible from `seed`: a feed's typical shape.
pub fn synthetic_feed_numbers(n: usize, seed: u64) -> Vec<u64> {
    let mut state = seed | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut v: Vec<u64> = (0..n + n / 50 + 16)
        .map(|_| 79_000_000_000 + next() % 1_000_000_000)
        .collect();
    v.sort_unstable();
    v.dedup();
    v.truncate(n);
    v
}

/// The synthetic category of a synthetic feed number: 1 in 3 spam.
pub fn synthetic_category(number: u64) -> crate::feed::Category {
    if number.is_multiple_of(3) {
        crate::feed::Category::Spam
    } else {
        crate::feed::Category::Fraud
    }
}

/// A full blob of `numbers` (ascending), with synthetic categories.
pub fn synthetic_feed_blob(numbers: &[u64]) -> Vec<u8> {
    synthetic_feed_blob_with(numbers, crate::feed::DEFAULT_BLOCK_SIZE)
}

/// `synthetic_feed_blob` with another block size (to measure the trade-off).
pub fn synthetic_feed_blob_with(numbers: &[u64], block_size: u32) -> Vec<u8> {
    let mut b = crate::feed::FeedBuilder::new(block_size).expect("block size");
    b.reserve(numbers.len());
    for &n in numbers {
        b.push(n, synthetic_category(n)).expect("ascending E.164");
    }
    b.finish().expect("a valid feed")
}
