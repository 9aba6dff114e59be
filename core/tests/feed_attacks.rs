//! The feed attack suite, named after the issue's list: a blob whose hash
//! does not match, a delta that produces the wrong hash, a manifest naming
//! a 10 GB blob, a rolled-back manifest, a feed from an untrusted key —
//! and the list/feed confusion the shared trust file makes possible.

use callguard_core::feed::{
    accept_feed, apply_delta, check_blob, diff, verify_signed_feed, BlobKind, Category,
    FeedBuilder, FeedError, DEFAULT_MAX_BLOB_BYTES, FEED_TYP,
};
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::{sign_general, sign_general_typed};
use callguard_core::list::{hex, sha256};
use callguard_core::{Timestamp, Trust};

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn key(kid: &str) -> SigningKey {
    SigningKey::generate(Alg::EdDsa, kid).unwrap().0
}

fn trust(keys: &[&SigningKey], threshold: usize) -> Trust {
    let jwks: Vec<_> = keys.iter().map(|k| k.public_jwk()).collect();
    Trust::from_json(
        Trust::to_json("example-bank", threshold, &jwks)
            .to_string()
            .as_bytes(),
    )
    .unwrap()
}

fn blob(numbers: impl Iterator<Item = u64>) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    for n in numbers {
        b.push(n, Category::Fraud).unwrap();
    }
    b.finish().unwrap()
}

fn blob_json(name: &str, bytes: &[u8], extra: &str) -> String {
    format!(
        r#"{{"name":"{name}","sha256":"{}","length":{}{extra}}}"#,
        hex(&sha256(bytes)),
        bytes.len()
    )
}

fn payload<S: AsRef<str>>(version: u64, blobs: &[S]) -> String {
    format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":{version},"issued_at":"2026-11-30T00:00:00Z","expires_at":"2026-12-07T00:00:00Z","blobs":[{}]}}"#,
        blobs
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(",")
    )
}

fn sign(payload: &str, keys: &[&SigningKey]) -> Vec<u8> {
    sign_general_typed(payload.as_bytes(), keys, FEED_TYP)
        .unwrap()
        .into_bytes()
}

fn code(r: Result<impl Sized, FeedError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn a_good_feed_is_accepted_and_its_blobs_check() {
    let k = key("k1");
    let full = blob((0..1000).map(|i| 79_000_000_000 + i * 17));
    let jws = sign(
        &payload(3, &[blob_json("feed-3.cgfeed", &full, r#","kind":"full""#)]),
        &[&k],
    );
    let feed = accept_feed(&jws, &trust(&[&k], 1), DEFAULT_MAX_BLOB_BYTES, NOW, None).unwrap();
    let m = feed.manifest();
    assert_eq!((m.version, m.blobs.len()), (3, 1));
    assert_eq!(m.full().unwrap().1.kind, BlobKind::Full);
    check_blob(m, 0, &full).unwrap();
}

#[test]
fn attack_blob_whose_hash_does_not_match() {
    let k = key("k1");
    let full = blob((0..1000).map(|i| 79_000_000_000 + i * 17));
    let jws = sign(
        &payload(3, &[blob_json("f", &full, r#","kind":"full""#)]),
        &[&k],
    );
    let feed = accept_feed(&jws, &trust(&[&k], 1), DEFAULT_MAX_BLOB_BYTES, NOW, None).unwrap();
    let mut evil = full.clone();
    let last = evil.len() - 1;
    evil[last] ^= 0x04; // one category flipped: same length, other hash
    assert_eq!(code(check_blob(feed.manifest(), 0, &evil)), "hash_mismatch");
    assert_eq!(
        code(check_blob(feed.manifest(), 0, &full[..full.len() - 1])),
        "length_mismatch"
    );
    assert_eq!(
        code(check_blob(feed.manifest(), 1, &full)),
        "length_mismatch"
    );
}

#[test]
fn attack_delta_that_produces_the_wrong_hash() {
    let k = key("k1");
    let v1 = blob((0..5000).map(|i| 79_000_000_000 + i * 17));
    let v2 = blob(
        (0..5000)
            .map(|i| 79_000_000_000 + i * 17)
            .filter(|n| n % 100 != 3),
    );
    let v2_evil = blob(
        (0..5000)
            .map(|i| 79_000_000_000 + i * 17)
            .filter(|n| n % 100 != 7),
    );
    // The manifest names v2; the delta (validly signed by hash) yields v2_evil.
    let evil_delta = diff(&v1, &v2_evil).unwrap();
    let jws = sign(
        &payload(
            2,
            &[
                blob_json("full", &v2, r#","kind":"full""#),
                blob_json("delta", &evil_delta, r#","kind":"delta","from_version":1"#),
            ],
        ),
        &[&k],
    );
    let feed = accept_feed(&jws, &trust(&[&k], 1), DEFAULT_MAX_BLOB_BYTES, NOW, None).unwrap();
    let (i, d) = feed.manifest().delta_from(1).unwrap();
    check_blob(feed.manifest(), i, &evil_delta).unwrap();
    assert_eq!(d.kind, BlobKind::Delta { from_version: 1 });
    let target = feed.manifest().full().unwrap().1.sha256;
    assert_eq!(
        code(apply_delta(&v1, &evil_delta, &target)),
        "delta_mismatch"
    );
    // The honest delta arrives at exactly the full blob.
    let honest = diff(&v1, &v2).unwrap();
    assert_eq!(apply_delta(&v1, &honest, &target).unwrap(), v2);
}

#[test]
fn attack_manifest_naming_a_10_gb_blob() {
    let k = key("k1");
    let p = payload(
        1,
        &[format!(
            r#"{{"name":"huge","kind":"full","sha256":"{}","length":10000000000}}"#,
            "ab".repeat(32)
        )],
    );
    let t = trust(&[&k], 1);
    let jws = sign(&p, &[&k]);
    assert_eq!(
        code(accept_feed(&jws, &t, DEFAULT_MAX_BLOB_BYTES, NOW, None)),
        "too_large"
    );
    assert!(matches!(
        verify_signed_feed(&jws, &t, DEFAULT_MAX_BLOB_BYTES),
        Err(FeedError::BlobTooLarge { blob: 0, .. })
    ));
    // A caller's lower cap is honoured as well.
    let small = blob(std::iter::once(79_000_000_000));
    let jws = sign(
        &payload(1, &[blob_json("f", &small, r#","kind":"full""#)]),
        &[&k],
    );
    assert_eq!(
        code(accept_feed(&jws, &t, small.len() as u64 - 1, NOW, None)),
        "too_large"
    );
    assert_eq!(
        code(accept_feed(&jws, &t, small.len() as u64, NOW, None)),
        "ok"
    );
}

#[test]
fn attack_rolled_back_manifest() {
    let k = key("k1");
    let t = trust(&[&k], 1);
    let full = blob(std::iter::once(79_000_000_000));
    let entry = blob_json("f", &full, r#","kind":"full""#);
    let v5 = accept_feed(
        &sign(&payload(5, &[&entry]), &[&k]),
        &t,
        DEFAULT_MAX_BLOB_BYTES,
        NOW,
        None,
    )
    .unwrap();
    let v4 = sign(&payload(4, &[&entry]), &[&k]);
    assert_eq!(
        code(accept_feed(
            &v4,
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            Some(&v5.prior())
        )),
        "rollback"
    );
    // Same version, other content.
    let other = blob_json("g", &full, r#","kind":"full""#);
    let v5b = sign(&payload(5, &[other]), &[&k]);
    assert_eq!(
        code(accept_feed(
            &v5b,
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            Some(&v5.prior())
        )),
        "conflicting_version"
    );
    let v6 = sign(&payload(6, &[entry]), &[&k]);
    assert_eq!(
        code(accept_feed(
            &v6,
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            Some(&v5.prior())
        )),
        "ok"
    );
}

#[test]
fn attack_feed_from_an_untrusted_key() {
    let (k, mallory) = (key("k1"), key("k1"));
    let full = blob(std::iter::once(79_000_000_000));
    let p = payload(1, &[blob_json("f", &full, r#","kind":"full""#)]);
    let t = trust(&[&k], 1);
    // Mallory's key under the trusted kid: the signature fails.
    assert_eq!(
        code(accept_feed(
            &sign(&p, &[&mallory]),
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None
        )),
        "bad_signature"
    );
    let stranger = key("k9");
    assert_eq!(
        code(accept_feed(
            &sign(&p, &[&stranger]),
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None
        )),
        "unknown_key"
    );
    // The trust file's threshold holds for feeds too.
    let k2 = key("k2");
    let t2 = trust(&[&k, &k2], 2);
    assert_eq!(
        code(accept_feed(
            &sign(&p, &[&k]),
            &t2,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None
        )),
        "insufficient_signatures"
    );
    assert_eq!(
        code(accept_feed(
            &sign(&p, &[&k, &k2]),
            &t2,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None
        )),
        "ok"
    );
}

#[test]
fn a_list_signature_never_passes_for_a_feed() {
    let k = key("k1");
    let full = blob(std::iter::once(79_000_000_000));
    let p = payload(1, &[blob_json("f", &full, r#","kind":"full""#)]);
    let as_list = sign_general(p.as_bytes(), &[&k]).unwrap();
    assert_eq!(
        code(accept_feed(
            as_list.as_bytes(),
            &trust(&[&k], 1),
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None
        )),
        "wrong_type"
    );
    // And a feed signature never passes for a list.
    let as_feed = sign(&p, &[&k]);
    let list = callguard_core::accept_list(&as_feed, &trust(&[&k], 1), 1 << 20, NOW, None);
    assert_eq!(list.unwrap_err().code(), "wrong_type");
}

#[test]
fn manifests_are_parsed_with_care() {
    let k = key("k1");
    let t = trust(&[&k], 1);
    let full = blob(std::iter::once(79_000_000_000));
    let f = blob_json("f", &full, r#","kind":"full""#);
    let run = |p: String| {
        code(accept_feed(
            &sign(&p, &[&k]),
            &t,
            DEFAULT_MAX_BLOB_BYTES,
            NOW,
            None,
        ))
    };
    assert_eq!(
        run(payload(1, &[&f]).replace(r#""version":1,"#, r#""version":1,"version":2,"#)),
        "malformed"
    );
    assert_eq!(
        run(payload(
            1,
            &[f.replace(r#""kind":"full""#, r#""kind":"full","kind":"delta""#)]
        )),
        "malformed"
    );
    assert_eq!(run(payload::<&str>(1, &[])), "malformed");
    assert_eq!(
        run(payload(1, &[f.clone(), f.replace("\"f\"", "\"g\"")])),
        "malformed"
    ); // two full blobs
    assert_eq!(run(payload(1, &[f.clone(), f.clone()])), "malformed"); // a name twice
    assert_eq!(
        run(payload(1, &[f.replace("\"f\"", "\"../etc\"")])),
        "malformed"
    );
    assert_eq!(
        run(payload(1, &[f.replace("\"f\"", "\".hidden\"")])),
        "malformed"
    );
    let delta_up = blob_json("d", &full, r#","kind":"delta","from_version":1"#);
    assert_eq!(run(payload(1, &[f.clone(), delta_up])), "malformed"); // a delta from the future
    let no_from = blob_json("d", &full, r#","kind":"delta""#);
    assert_eq!(run(payload(2, &[f.clone(), no_from])), "malformed");
    assert_eq!(
        run(payload(1, &[&f]).replace("feed-manifest", "contact-list")),
        "wrong_type"
    );
    assert_eq!(
        run(payload(1, &[&f]).replace(r#""schema":1"#, r#""schema":2"#)),
        "unsupported_schema"
    );
    assert_eq!(
        run(payload(1, &[&f]).replace("example-bank", "other-bank")),
        "issuer_mismatch"
    );
    assert_eq!(
        run(payload(1, &[&f]).replace("2026-12-07T00:00:00Z", "2026-11-30T00:00:01Z")),
        "expired"
    );
    assert_eq!(
        run(payload(
            1,
            &[f.replace(&hex(&sha256(&full)), &hex(&sha256(&full)).to_uppercase())]
        )),
        "malformed"
    );
    // An expired manifest still verifies for a phone that stored it (stale data may warn).
    let old = payload(1, &[f]).replace("2026-12-07T00:00:00Z", "2026-11-30T00:00:01Z");
    let stored = verify_signed_feed(&sign(&old, &[&k]), &t, DEFAULT_MAX_BLOB_BYTES).unwrap();
    assert!(stored.is_expired(NOW));
}
