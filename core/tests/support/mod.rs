//! What several core test files share: the shared vectors' lists,
//! verified, and a tiny seeded generator for the disguise tests.

#![allow(dead_code)] // each test file uses part of it

use callguard_core::accept::verify_signed_list;
use callguard_core::feed::FeedManifest;
use callguard_core::list::{hex, sha256};
use callguard_core::normalize::Region;
use callguard_core::screen::{
    screen, Attestation, Call, CallDirection, Context, Lang, Reason, Screening, Verdict,
};
use callguard_core::{Channel, ContactList, Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// `tests/vectors/<list>`, verified against `tests/vectors/<trust>`.
pub fn vector_list(list: &str, trust: &str) -> Arc<ContactList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let read = |p: &str| std::fs::read(dir.join(p)).unwrap();
    let trust = Trust::from_json(&read(trust)).unwrap();
    verify_signed_list(&read(list), &trust, DEFAULT_MAX_LIST_BYTES)
        .unwrap()
        .list()
        .clone()
}

/// A tiny deterministic generator (xorshift), so a failing case replays
/// from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The shared vectors' two banks: Example Bank / Пример Банк and Other
/// Bank / Другой Банк, verified once.
pub fn both_banks() -> &'static [Arc<ContactList>] {
    static LISTS: OnceLock<Vec<Arc<ContactList>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        vec![
            vector_list("lists/valid-eddsa-general.jws", "trust/example-bank.json"),
            vector_list("lists/other-bank-valid.jws", "trust/other-bank.json"),
        ]
    })
}

/// An incoming call that shows only `name` on `channel`, screened against
/// both banks on 2026-12-01 in Russia.
pub fn screen_name_only(name: &str, channel: Channel) -> Screening {
    let call = Call {
        number: "",
        channel,
        display_name: Some(name),
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    };
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    };
    screen(both_banks(), &call, &ctx)
}

/// The decision of a screening, without its words (the contact's label
/// and the intent name what it is about): what the decision snapshots compare.
pub fn decision_line(s: &Screening) -> String {
    format!(
        "{} {} {} {} {} {} {}",
        s.verdict.name(),
        s.risk.name(),
        s.reason.code(),
        s.issuer.as_deref().unwrap_or("-"),
        s.number.as_deref().unwrap_or("-"),
        s.label
            .as_deref()
            .map_or("-".to_string(), |l| format!("{l:?}")),
        s.intent_id.as_deref().unwrap_or("-"),
    )
}

/// Compares decisions with `core/tests/snapshots/<name>.txt`: the lines
/// that start with "vector " in full (readable in a diff), then the count
/// and SHA-256 of all lines. `CALLGUARD_SNAPSHOT=write` rewrites it (only
/// for a deliberate change of behaviour: its diff is part of the review);
/// `CALLGUARD_SNAPSHOT=dump` writes every line to `target/<name>.txt`.
pub fn same_as_snapshot(name: &str, lines: &[String]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = dir.join(format!("tests/snapshots/{name}.txt"));
    let all: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let mut got = format!(
        "# The decisions of core/tests/{name}: identical across any\n\
         # restructuring of the decision code. See tests/support/mod.rs.\n"
    );
    for line in lines.iter().filter(|l| l.starts_with("vector ")) {
        got.push_str(line);
        got.push('\n');
    }
    got.push_str(&format!(
        "all {} decisions sha256 {}\n",
        lines.len(),
        hex(&sha256(all.as_bytes()))
    ));
    match std::env::var("CALLGUARD_SNAPSHOT").as_deref() {
        Ok("write") => std::fs::write(&path, &got).unwrap(),
        Ok("dump") => std::fs::write(dir.join(format!("../target/{name}.txt")), all).unwrap(),
        _ => {}
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        got, want,
        "the decisions changed: see same_as_snapshot in core/tests/support/mod.rs"
    );
}

/// Every verdict, for the tests that go through all of them.
pub const VERDICTS: [Verdict; 8] = Verdict::ALL;

/// Every reason, for the tests that go through all of them.
pub const REASONS: [Reason; 15] = Reason::ALL;

/// A feed manifest as a phone holds it after verification (its signature
/// rules are feed_attacks.rs's business): one full blob, `blob`.
pub fn feed_manifest(issuer: &str, blob: &[u8], issued: &str, expires: &str) -> FeedManifest {
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"{issuer}","version":1,"issued_at":"{issued}","expires_at":"{expires}","blobs":[{{"name":"f.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(payload.as_bytes()).unwrap()
}
