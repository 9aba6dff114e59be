//! Feeds arbitrary text to a bank's override of the copy: the checks, and
//! formatting every screening message of what they accept, never panic
//! (docs/copy.md).
#![no_main]

use callguard_core::copy::{sdk, Arg, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::Ru, Lang::En] {
        if let Ok(copy) = sdk().with_override(lang, text) {
            let args = [
                ("bank", Arg::Text("Б")),
                ("label", Arg::Text("Л")),
                ("channel", Arg::Text("К")),
            ];
            for id in [
                "screen-unknown",
                "screen-impersonation-bank",
                "screen-spoofed-inbound-only",
            ] {
                let _ = copy.titled(lang, id, &args);
            }
        }
    }
});
