//! Untrusted input: never panic, never emit a non-E.164 number, and every
//! emitted number normalizes back to itself.

use callguard_core::normalize::{format_e164, national_lengths_for, normalize, Normalized, Region};
use proptest::prelude::*;

const HOMES: [&str; 12] = [
    "RU", "KZ", "BY", "UA", "US", "GB", "DE", "AR", "BR", "MX", "JP", "AU",
];

fn check(s: &str, home: &str) -> Result<(), TestCaseError> {
    let region = Region::from_iso(home).unwrap();
    match normalize(s, region) {
        Normalized::E164(n) => {
            let text = format_e164(n);
            prop_assert!(text.len() - 1 <= 15, "{s:?} -> {text}");
            prop_assert!(national_lengths_for(&text[1..]).is_some());
            for h in HOMES {
                prop_assert_eq!(
                    normalize(&text, Region::from_iso(h).unwrap()),
                    Normalized::E164(n),
                    "{:?} -> {} does not round-trip from {}",
                    s,
                    text,
                    h
                );
            }
        }
        Normalized::ShortCode(c) => {
            prop_assert!(
                (3..=6).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()),
                "{s:?} -> {c:?}"
            );
        }
        Normalized::Invalid => {}
    }
    Ok(())
}

/// Digits (ASCII and a few Unicode blocks), separators, pluses and marks.
fn phoneish() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "0123456789012345678901234567890123456789 +-.()/;~\u{a0}\u{202f}\u{2011}\u{2212}\u{200e}\u{2066}\u{2069}\u{ff11}\u{0663}"
        .chars()
        .collect();
    (
        prop::collection::vec(prop::sample::select(alphabet), 0..40),
        any::<bool>(),
    )
        .prop_map(|(cs, tel)| {
            format!(
                "{}{}",
                if tel { "tel:" } else { "" },
                cs.into_iter().collect::<String>()
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>(), h in prop::sample::select(&HOMES[..])) {
        check(&s, h)?;
    }

    #[test]
    fn phoneish_strings(s in phoneish(), h in prop::sample::select(&HOMES[..])) {
        check(&s, h)?;
    }

    #[test]
    fn digit_strings_with_plus(d in "[0-9]{1,20}", h in prop::sample::select(&HOMES[..])) {
        check(&d, h)?;
        check(&format!("+{d}"), h)?;
    }

    #[test]
    fn national_lengths_never_panic(s in any::<String>()) {
        let _ = national_lengths_for(&s);
    }
}
