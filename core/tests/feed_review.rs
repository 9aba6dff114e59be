//! Review of issue 15 as a fraudster: can a caller who is in a feed avoid
//! the warning by how the number is written, by where it is written (a
//! messenger name), or by calling from inside a reported range — and can a
//! feed entry make one of the bank's own numbers look bad?

mod support;

use callguard_core::directory::{Directory, DirectoryOptions};
use callguard_core::feed::directory::{blocking_numbers, WithFeeds};
use callguard_core::feed::{Category, Feed, FeedBuilder, FeedManifest};
use callguard_core::list::{hex, sha256};
use callguard_core::normalize::Region;
use callguard_core::screen::{
    screen_with_feeds, Attestation, Call, CallDirection, Context, Lang, Screening,
};
use callguard_core::{Channel, ContactList, Timestamp};
use std::sync::Arc;

/// The example bank's list: +74950000001 (outbound, phone and WhatsApp),
/// +78005553535 (inbound only), the range +7495111… (both directions).
fn bank() -> Arc<ContactList> {
    support::vector_list("lists/valid-eddsa-general.jws", "trust/example-bank.json")
}

const BANK_LINE: u64 = 74_950_000_001;
/// Inside the bank's listed range +7495111….
const BANK_RANGE_NUMBER: u64 = 74_951_110_042;
const FRAUD: u64 = 79_161_234_567;

fn feed_blob() -> Vec<u8> {
    let mut b = FeedBuilder::new(64).unwrap();
    // Wrongly reported: both are the bank's.
    b.push(BANK_LINE, Category::Fraud).unwrap();
    b.push(BANK_RANGE_NUMBER, Category::Fraud).unwrap();
    b.push(FRAUD, Category::Fraud).unwrap();
    b.push_prefix(7_903_555, Category::Fraud).unwrap();
    b.finish().unwrap()
}

fn manifest(blob: &[u8]) -> FeedManifest {
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"example-bank","version":1,"issued_at":"2026-11-01T00:00:00Z","expires_at":"2026-12-08T00:00:00Z","blobs":[{{"name":"f.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(payload.as_bytes()).unwrap()
}

const NOW: &str = "2026-12-01T00:00:00Z";

fn ctx() -> Context {
    Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp::parse_rfc3339(NOW).unwrap(),
    }
}

fn call<'a>(number: &'a str, channel: Channel, name: Option<&'a str>) -> Call<'a> {
    Call {
        number,
        channel,
        display_name: name,
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    }
}

fn triple(s: &Screening) -> (&str, &str, &str) {
    (s.verdict.name(), s.reason.code(), s.risk.name())
}

/// Screens `c` with and without the feed.
fn both(c: &Call<'_>) -> (Screening, Screening) {
    let bytes = feed_blob();
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    let lists = [bank()];
    (
        screen_with_feeds(&lists, &Default::default(), &feeds, c, &ctx()),
        screen_with_feeds(&lists, &Default::default(), &[], c, &ctx()),
    )
}

const REPORTED: (&str, &str, &str) = ("reported", "reported_fraud", "danger");

#[test]
fn writing_the_number_differently_does_not_hide_it() {
    for written in [
        "8 916 123-45-67",
        "8 (916) 123-45-67 доб. 1",
        "+7 916 123 45 67, 2",
        "tel:+7-916-123-45-67;ext=2",
        "8 10 7 916 123 45 67",
        "+７ ９１６ １２３ ４５ ６７",
        "\u{202A}+7\u{00A0}916\u{2011}123\u{2011}45\u{2011}67\u{202C}",
    ] {
        let (with, _) = both(&call(written, Channel::Phone, None));
        assert_eq!(triple(&with), REPORTED, "{written:?}");
    }
}

#[test]
fn a_number_written_in_a_messenger_name_is_still_reported() {
    // No number of its own, the reported one as the profile name.
    let (with, _) = both(&call("", Channel::Whatsapp, Some("8 916 123-45-67")));
    assert_eq!(triple(&with), REPORTED);
    // A name (with the number in it) where the number belongs.
    let (with, _) = both(&call("Поддержка 8 916 123 45 67", Channel::Telegram, None));
    assert_eq!(triple(&with), REPORTED);
}

#[test]
fn a_number_in_a_reported_range_is_reported() {
    for written in ["+7 903 555 99 99", "8 903 555-00-00 доб. 7"] {
        let (with, _) = both(&call(written, Channel::Phone, None));
        assert_eq!(triple(&with), REPORTED, "{written:?}");
    }
}

#[test]
fn a_reported_bank_number_stays_the_banks() {
    let expected = ("official", "listed_outbound", "caution");
    for written in ["+7 495 000-00-01", "8 495 111-00-42"] {
        let (with, without) = both(&call(written, Channel::Phone, None));
        assert_eq!(triple(&with), expected, "{written:?}");
        assert_eq!(triple(&without), expected, "{written:?}");
    }
}

/// Found in review: a messenger caller with no number of its own whose
/// profile name is the bank's own WhatsApp line is `unknown` (a number
/// read from a name never vouches; docs/screening.md). When that official
/// number had been wrongly reported, rule 3c answered "Many people
/// reported this number as fraud" about the bank's own line: the feed
/// made an official number look bad. The bank's numbers win over a feed,
/// wherever the number was read from.
#[test]
fn a_bank_number_in_a_name_is_never_reported() {
    let c = call("", Channel::Whatsapp, Some("+7 495 000-00-01"));
    let (with, without) = both(&c);
    assert_eq!(triple(&without), ("unknown", "not_listed", "neutral"));
    assert_eq!(triple(&with), triple(&without));
    assert_eq!(with.issuer, without.issuer);
}

/// Found in review: a list prefix too large to expand into the Call
/// Directory (`max_prefix_expansion`, 100 000 by default; a bank may
/// publish a 4-digit range) is skipped there, so the feed merge did not see
/// the bank's entry for a number inside it: a wrongly reported official
/// number in such a range was labelled "⚠ Reported: fraud" and, in Block
/// mode, blocked — while screening (rule 2, the longest prefix) says it is
/// the bank's. The merge now asks the lists (`BankNumbers`).
#[test]
fn a_bank_range_too_large_to_expand_is_never_labelled_or_blocked_for_a_report() {
    let bytes = feed_blob();
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    // The example's +7495111… expands to 10 000 numbers: over this cap.
    let options = DirectoryOptions {
        max_prefix_expansion: 1_000,
        ..Default::default()
    };
    let now = Timestamp::parse_rfc3339(NOW).unwrap();
    let directory = || Directory::new(&[bank()], options, now);
    assert!(!directory().skipped_prefixes().is_empty());
    let labelled: Vec<u64> = WithFeeds::new(directory(), &feeds, Lang::En)
        .map(|e| e.number)
        .collect();
    assert!(labelled.contains(&FRAUD));
    assert!(!labelled.contains(&BANK_RANGE_NUMBER), "labelled");
    let blocked: Vec<u64> = blocking_numbers(directory(), &feeds).collect();
    assert!(blocked.contains(&FRAUD));
    assert!(!blocked.contains(&BANK_RANGE_NUMBER), "blocked");
}

/// Found in review: once the bank's list has expired (a phone offline for
/// weeks), the Call Directory keeps only its warnings (stale data never
/// vouches), so the feed merge no longer saw the bank's own outbound line:
/// a wrongly reported official number was labelled "⚠ Reported: fraud"
/// and, in Block mode, blocked — while screening lets the expired list win
/// (`unverifiable`, never `reported`). Fixed as above.
#[test]
fn a_bank_number_of_an_expired_list_is_never_labelled_or_blocked_for_a_report() {
    let bytes = feed_blob();
    let m = manifest(&bytes);
    let feeds = [Feed::new(&m, &bytes).unwrap()];
    // The example list expires on 2026-12-28.
    let later = Timestamp::parse_rfc3339("2027-01-15T00:00:00Z").unwrap();
    let lists = [bank()];
    let c = call("+7 495 000-00-01", Channel::Phone, None);
    let ctx = Context {
        now: later,
        ..ctx()
    };
    let screened = screen_with_feeds(&lists, &Default::default(), &feeds, &c, &ctx);
    assert_eq!(
        triple(&screened),
        ("unverifiable", "no_valid_list", "caution")
    );
    let directory = || Directory::new(&lists, DirectoryOptions::default(), later);
    let labelled: Vec<u64> = WithFeeds::new(directory(), &feeds, Lang::En)
        .map(|e| e.number)
        .collect();
    assert!(labelled.contains(&FRAUD));
    assert!(!labelled.contains(&BANK_LINE), "labelled");
    let blocked: Vec<u64> = blocking_numbers(directory(), &feeds).collect();
    assert!(blocked.contains(&FRAUD));
    assert!(!blocked.contains(&BANK_LINE), "blocked");
}
