//! Screening with feeds: the decision rows of docs/screening.md that
//! involve reported numbers. The bank's own contacts always win over a
//! feed; a feed comes after the name rules and before `unknown`; an
//! expired feed may still warn.

mod support;

use callguard_core::feed::{Category, Feed, FeedBuilder, FeedManifest};
use callguard_core::normalize::Region;
use callguard_core::screen::{
    screen, screen_with_feeds, Attestation, Call, CallDirection, Context, Lang, Screening,
};
use callguard_core::{Channel, ContactList, Timestamp};
use std::sync::Arc;

fn lists() -> Vec<Arc<ContactList>> {
    support::both_banks().to_vec()
}

fn blob(entries: &[(u64, Category)], prefixes: &[(u64, Category)]) -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    let mut sorted = entries.to_vec();
    sorted.sort();
    for (n, c) in sorted {
        b.push(n, c).unwrap();
    }
    for &(p, c) in prefixes {
        b.push_prefix(p, c).unwrap();
    }
    b.finish().unwrap()
}

/// The manifest as a phone holds it after verification (its signature
/// rules are feed_attacks.rs's business).
fn manifest(issuer: &str, blob: &[u8], expires: &str) -> FeedManifest {
    support::feed_manifest(issuer, blob, "2026-11-01T00:00:00Z", expires)
}

const BANK_LINE: u64 = 74_950_000_001;
const HOTLINE: u64 = 78_005_553_535;
const FRAUD: u64 = 79_161_234_567;
const SPAM: u64 = 79_991_234_567;

fn example_feed() -> Vec<u8> {
    blob(
        &[
            (BANK_LINE, Category::Fraud), // wrongly reported: stays official
            (HOTLINE, Category::Fraud),
            (FRAUD, Category::Fraud),
            (SPAM, Category::Spam),
        ],
        &[(7903555, Category::Fraud)],
    )
}

fn call(number: &str) -> Call<'_> {
    Call {
        number,
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    }
}

fn at(now: &str, lang: Lang) -> Context {
    Context {
        home: Region::from_iso("RU"),
        lang,
        now: Timestamp::parse_rfc3339(now).unwrap(),
    }
}

fn run(feeds: &[Feed<'_>], call: &Call<'_>, ctx: &Context) -> Screening {
    screen_with_feeds(&lists(), &Default::default(), feeds, call, ctx)
}

fn triple(s: &Screening) -> (&str, &str, &str) {
    (s.verdict.name(), s.reason.code(), s.risk.name())
}

const NOW: &str = "2026-12-01T00:00:00Z";

#[test]
fn a_reported_number_warns_by_category() {
    let bytes = example_feed();
    let m = manifest("example-bank", &bytes, "2026-12-08T00:00:00Z");
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let ctx = at(NOW, Lang::En);
    let fraud = run(&feeds, &call("+7 916 123-45-67"), &ctx);
    assert_eq!(triple(&fraud), ("reported", "reported_fraud", "danger"));
    assert_eq!(fraud.issuer.as_deref(), Some("example-bank"));
    assert_eq!(fraud.number.as_deref(), Some("+79161234567"));
    assert!(fraud.message.contains("reported this number as fraud"));
    assert!(!fraud.message.contains("79161234567"));
    let spam = run(&feeds, &call("8 999 123 45 67"), &ctx);
    assert_eq!(triple(&spam), ("reported", "reported_spam", "caution"));
    let range = run(&feeds, &call("+7 903 555 12 34"), &ctx);
    assert_eq!(triple(&range), ("reported", "reported_fraud", "danger"));
    let ru = run(&feeds, &call("+79161234567"), &at(NOW, Lang::Ru));
    assert!(ru.message.contains("мошенники"), "{}", ru.message);
    // Not in the feed: nothing changes.
    let friend = run(&feeds, &call("+7 916 000-00-00"), &ctx);
    assert_eq!(triple(&friend), ("unknown", "not_listed", "neutral"));
}

#[test]
fn the_banks_own_contacts_always_win_over_a_feed() {
    let bytes = example_feed();
    let m = manifest("example-bank", &bytes, "2026-12-08T00:00:00Z");
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let ctx = at(NOW, Lang::En);
    let line = run(&feeds, &call("+7 495 000-00-01"), &ctx);
    assert_eq!(triple(&line), ("official", "listed_outbound", "caution"));
    let hotline = run(&feeds, &call("8 800 555-35-35"), &ctx);
    assert_eq!(triple(&hotline), ("spoofed", "inbound_only", "danger"));
    let mut out = call("+7 495 000-00-01");
    out.direction = CallDirection::Outgoing;
    assert_eq!(
        triple(&run(&feeds, &out, &ctx)),
        ("official", "listed", "safe")
    );
}

#[test]
fn name_rules_come_before_a_feed() {
    let bytes = example_feed();
    let m = manifest("example-bank", &bytes, "2026-12-08T00:00:00Z");
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let mut c = call("+7 916 123-45-67");
    c.display_name = Some("EXAMPLE-BANK security");
    let s = run(&feeds, &c, &at(NOW, Lang::En));
    assert_eq!(
        triple(&s),
        ("impersonation", "name_claims_issuer", "danger")
    );
    c.channel = Channel::Whatsapp;
    c.display_name = Some("Служба безопасности Банка");
    let s = run(&feeds, &c, &at(NOW, Lang::En));
    assert_eq!(triple(&s), ("impersonation", "claims_authority", "danger"));
}

#[test]
fn outgoing_to_a_reported_number() {
    let bytes = example_feed();
    let m = manifest("example-bank", &bytes, "2026-12-08T00:00:00Z");
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let mut c = call("+7 916 123-45-67");
    c.direction = CallDirection::Outgoing;
    let s = run(&feeds, &c, &at(NOW, Lang::En));
    assert_eq!(triple(&s), ("reported", "reported_fraud", "danger"));
    assert!(s
        .message
        .contains("about to call a number reported as fraud"));
    let ru = run(&feeds, &c, &at(NOW, Lang::Ru));
    assert!(ru.message.contains("Вы собираетесь позвонить"));
}

#[test]
fn an_expired_feed_may_still_warn() {
    let bytes = example_feed();
    let m = manifest("example-bank", &bytes, "2026-12-08T00:00:00Z");
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    // The feed expired, the lists are current.
    let s = run(
        &feeds,
        &call("+79161234567"),
        &at("2026-12-20T00:00:00Z", Lang::En),
    );
    assert_eq!(triple(&s), ("reported", "reported_fraud", "danger"));
    // Everything expired: a report is still more useful than "cannot check".
    let s = run(
        &feeds,
        &call("+79161234567"),
        &at("2027-03-01T00:00:00Z", Lang::En),
    );
    assert_eq!(triple(&s), ("reported", "reported_fraud", "danger"));
    // ... but it never hides the bank's own stale warning, nor vouches.
    let s = run(
        &feeds,
        &call("+78005553535"),
        &at("2027-03-01T00:00:00Z", Lang::En),
    );
    assert_eq!(triple(&s), ("spoofed", "inbound_only", "danger"));
    let s = run(
        &feeds,
        &call("+74950000001"),
        &at("2027-03-01T00:00:00Z", Lang::En),
    );
    assert_eq!(triple(&s), ("unverifiable", "no_valid_list", "caution"));
}

#[test]
fn fraud_in_one_feed_outweighs_spam_in_another() {
    let spam = blob(&[(FRAUD, Category::Spam)], &[]);
    let fraud = blob(&[(FRAUD, Category::Fraud)], &[]);
    let (ms, mf) = (
        manifest("example-bank", &spam, "2026-12-08T00:00:00Z"),
        manifest("other-bank", &fraud, "2026-11-30T00:00:00Z"), // expired
    );
    let feeds = [
        Feed::new(&ms, &spam).unwrap(),
        Feed::new(&mf, &fraud).unwrap(),
    ];
    let s = run(&feeds, &call("+79161234567"), &at(NOW, Lang::En));
    assert_eq!(triple(&s), ("reported", "reported_fraud", "danger"));
    assert_eq!(s.issuer.as_deref(), Some("other-bank"));
}

#[test]
fn without_feeds_screening_is_unchanged() {
    let ctx = at(NOW, Lang::En);
    let c = call("+79161234567");
    let plain = screen(&lists(), &c, &ctx);
    assert_eq!(plain, run(&[], &c, &ctx));
    assert_eq!(triple(&plain), ("unknown", "not_listed", "neutral"));
}
