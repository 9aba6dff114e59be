//! Feeds arbitrary bytes to everything that parses a list on a phone:
//! the JWS parser, the acceptance rules and the payload parser.
#![no_main]

use callguard_core::accept::accept_list;
use callguard_core::jws::Jws;
use callguard_core::{ContactList, Timestamp, Trust};
use libfuzzer_sys::fuzz_target;

const TRUST: &[u8] = include_bytes!("../../tests/vectors/trust/example-bank.json");

fuzz_target!(|data: &[u8]| {
    let trust = Trust::from_json(TRUST).expect("the vector trust file is valid");
    let _ = accept_list(data, &trust, 1 << 20, Timestamp(1_796_083_200), None);
    if let Ok(jws) = Jws::parse(data) {
        let _ = jws.header_summaries();
        let _ = jws.payload();
    }
    let _ = ContactList::parse(data);
    let _ = Trust::from_json(data);
});
