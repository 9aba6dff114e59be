//! Feeds arbitrary caller-controlled text to screening: the number field and
//! the display name (names as numbers, numbers in names, extensions, bidi and
//! invisible characters), on the phone and on a messenger.
#![no_main]

use callguard_core::accept::verify_signed_list;
use callguard_core::normalize::Region;
use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang};
use callguard_core::{Channel, Timestamp, Trust};
use libfuzzer_sys::fuzz_target;

const TRUST: &[u8] = include_bytes!("../../tests/vectors/trust/example-bank.json");
const LIST: &[u8] = include_bytes!("../../tests/vectors/lists/valid-eddsa-general.jws");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (number, name) = text.split_once('\u{1}').unwrap_or((&text, ""));
    let trust = Trust::from_json(TRUST).expect("the vector trust file is valid");
    let list = verify_signed_list(LIST, &trust, 1 << 20).expect("the vector list is valid");
    let lists = [list.list().clone()];
    let ctx = Context { home: Region::from_iso("RU"), lang: Lang::Ru, now: Timestamp(1_796_083_200) };
    for (channel, saved_contact) in [(Channel::Phone, false), (Channel::Whatsapp, false), (Channel::Whatsapp, true)] {
        let call = Call {
            number,
            channel,
            display_name: Some(name),
            attestation: Attestation::NotVerified,
            direction: CallDirection::Incoming,
            saved_contact,
        };
        let _ = screen(&lists, &call, &ctx);
    }
    // The same bytes as a call intent the bank might have sent.
    let _ = callguard_core::intent::accept_intent(data, &lists, "fuzz", Timestamp(1_796_083_200));
});
