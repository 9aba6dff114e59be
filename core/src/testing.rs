//! Builders for benchmarks and stress tests: synthetic lists of any size,
//! signed with a throwaway key. Not for production use.

use crate::jwk::{Alg, SigningKey};
use crate::jws::sign_general;
use crate::trust::Trust;

/// A signed list with `n` exact outbound numbers (+7495…), plus the trust
/// file that accepts it. Labels repeat every 50 contacts, as real lists do.
pub fn synthetic_list(n: usize) -> (Vec<u8>, Trust) {
    let (key, _) = SigningKey::generate(Alg::EdDsa, "bench").expect("key generation");
    let jws = sign_general(synthetic_list_payload(n).as_bytes(), &[&key]).expect("signing");
    let trust_json = Trust::to_json(SYNTHETIC_ISSUER, 1, &[key.public_jwk()]).to_string();
    let trust = Trust::from_json(trust_json.as_bytes()).expect("trust");
    (jws.into_bytes(), trust)
}

/// The issuer of the synthetic list and feed.
pub const SYNTHETIC_ISSUER: &str = "bench-bank";

/// The payload `synthetic_list` signs, valid until 2099.
pub fn synthetic_list_payload(n: usize) -> String {
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
    payload
}

/// A feed manifest payload of `SYNTHETIC_ISSUER` naming `blob` as its
/// full blob `feed-VERSION.cgfeed`, valid until 2099; sign it with
/// `jws::sign_general_typed(…, feed::FEED_TYP)`.
pub fn synthetic_feed_manifest(version: u64, blob: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, blob);
    let sha256: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    serde_json::json!({
        "type": crate::feed::FEED_TYPE,
        "schema": 1,
        "issuer": SYNTHETIC_ISSUER,
        "version": version,
        "issued_at": "2026-01-01T00:00:00Z",
        "expires_at": "2099-01-01T00:00:00Z",
        "blobs": [{
            "name": format!("feed-{version}.cgfeed"),
            "kind": "full",
            "sha256": sha256,
            "length": blob.len(),
        }],
    })
    .to_string()
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
    let mut random = Xorshift::new(seed);
    let mut v: Vec<u64> = (0..n + n / 50 + 16)
        .map(|_| 79_000_000_000 + random.below(1_000_000_000))
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

/// A xorshift generator, reproducible from its seed: enough to spread
/// synthetic data (feed numbers; the random texts that hold a fast path
/// of the name engine to the slow one it stands for, the same on every
/// run, so a failure is a text to read, not a flake).
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Xorshift {
        Xorshift(seed | 1)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// A text of fewer than `longest` characters of `alphabet`.
    pub fn text(&mut self, alphabet: &[char], longest: u64) -> String {
        let len = self.below(longest);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
            .collect()
    }
}
