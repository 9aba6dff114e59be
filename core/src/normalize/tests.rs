use super::*;

fn ru() -> Region {
    Region::from_iso("RU").unwrap()
}

fn e164(s: &str, home: &str) -> Normalized {
    normalize(s, Region::from_iso(home).unwrap())
}

#[test]
fn region_lookup() {
    assert_eq!(ru().iso(), "RU");
    assert_eq!(ru().country_code(), 7);
    assert_eq!(Region::from_iso("kz").unwrap().country_code(), 7);
    assert_eq!(Region::from_iso("BY").unwrap().country_code(), 375);
    assert_eq!(Region::from_iso("UA").unwrap().country_code(), 380);
    assert_eq!(Region::from_iso("US").unwrap().country_code(), 1);
    assert_eq!(Region::from_iso("XX"), None);
    assert_eq!(Region::from_iso("001"), None);
    assert_eq!(Region::from_iso(""), None);
    assert_eq!(Region::from_iso("Р"), None);
}

#[test]
fn issue_examples_ru() {
    let r = ru();
    assert_eq!(
        normalize("8 (800) 555-35-35", r),
        Normalized::E164(78005553535)
    );
    assert_eq!(
        normalize("+7 495 500-55-50", r),
        Normalized::E164(74955005550)
    );
    assert_eq!(
        normalize("8 10 44 20 7946 0958", r),
        Normalized::E164(442079460958)
    );
    assert_eq!(
        normalize("810 44 20 7946 0958", r),
        Normalized::E164(442079460958)
    );
    assert_eq!(
        normalize("tel:+7-495-500-55-50", r),
        Normalized::E164(74955005550)
    );
    assert_eq!(
        normalize("TEL:+7-495-500-55-50;ext=12", r),
        Normalized::E164(74955005550)
    );
    assert_eq!(
        normalize("7 495 500 55 50", r),
        Normalized::E164(74955005550)
    );
    assert_eq!(normalize("900", r), Normalized::ShortCode("900".into()));
    assert_eq!(normalize("112", r), Normalized::ShortCode("112".into()));
    assert_eq!(normalize("0611", r), Normalized::ShortCode("0611".into()));
    assert_eq!(normalize("Мама", r), Normalized::Invalid);
    assert_eq!(normalize("Служба безопасности", r), Normalized::Invalid);
    assert_eq!(normalize("Мама 8 800 555 35 35", r), Normalized::Invalid);
    assert_eq!(normalize("", r), Normalized::Invalid);
    assert_eq!(normalize(" \u{a0}\t ", r), Normalized::Invalid);
    assert_eq!(normalize("12", r), Normalized::Invalid);
}

#[test]
fn other_home_regions() {
    assert_eq!(
        e164("011 7 495 500 55 50", "US"),
        Normalized::E164(74955005550)
    );
    assert_eq!(
        e164("00 44 20 7946 0958", "DE"),
        Normalized::E164(442079460958)
    );
    assert_eq!(
        e164("+44 (0) 20 7946 0958", "US"),
        Normalized::E164(442079460958)
    );
    assert_eq!(e164("(201) 555-0123", "US"), Normalized::E164(12015550123));
    assert_eq!(
        e164("8 (727) 258-34-34", "KZ"),
        Normalized::E164(77272583434)
    );
    assert_eq!(
        e164("8 017 234-56-78", "BY"),
        Normalized::E164(375172345678)
    );
    assert_eq!(
        e164("8 10 7 495 500 55 50", "BY"),
        Normalized::E164(74955005550)
    );
    assert_eq!(e164("044 123 4567", "UA"), Normalized::E164(380441234567));
    // 7-digit local numbers need the area code: not convertible.
    assert_eq!(e164("555-1234", "US"), Normalized::Invalid);
}

#[test]
fn unicode_separators_and_marks() {
    let r = ru();
    let want = Normalized::E164(74955005550);
    assert_eq!(
        normalize("+7\u{a0}495\u{a0}500\u{2011}55\u{2011}50", r),
        want
    );
    assert_eq!(
        normalize("+7\u{202f}495\u{202f}500\u{2013}55\u{2212}50", r),
        want
    );
    assert_eq!(normalize("\u{2066}+7 495 500-55-50\u{2069}", r), want);
    assert_eq!(normalize("\u{202a}+7 (495) 500-55-50\u{202c}", r), want);
    assert_eq!(
        normalize("\u{200e}+7\u{200e} 495 500 55 50\u{200f}", r),
        want
    );
    assert_eq!(normalize("+7.495.500.55.50", r), want);
    assert_eq!(normalize("+7/495/5005550", r), want);
    assert_eq!(
        normalize("\u{FF0B}\u{FF17}\u{FF14}\u{FF19}\u{FF15}5005550", r),
        want
    );
    assert_eq!(normalize("+\u{0667}\u{0664}\u{0669}\u{0665}\u{0665}\u{0660}\u{0660}\u{0665}\u{0665}\u{0665}\u{0660}", r), want);
}

#[test]
fn rejects_garbage() {
    let r = ru();
    for s in [
        "*100#",
        "8 800 +7",
        "+",
        "++",
        "tel:",
        "1-800-FLOWERS",
        "+7 12",
        "+0 495 500 55 50",
    ] {
        assert_eq!(normalize(s, r), Normalized::Invalid, "{s:?}");
    }
    // More than 15 digits can never be E.164.
    assert_eq!(
        normalize("+7 495 500 55 50 12345678", r),
        Normalized::Invalid
    );
    assert_eq!(normalize(&"9".repeat(10_000), r), Normalized::Invalid);
}

#[test]
fn formatting_and_lengths() {
    assert_eq!(format_e164(74955005550), "+74955005550");
    assert_eq!(national_lengths_for("749511122"), Some(&[10u8, 14][..]));
    assert_eq!(national_lengths_for("1201"), Some(&[7u8, 10][..])); // CA has 7-digit numbers
    assert!(national_lengths_for("44").is_some());
    assert_eq!(national_lengths_for("0123"), None);
    assert_eq!(national_lengths_for(""), None);
    assert_eq!(national_lengths_for("+7"), None);
}

/// Static data footprint of the generated tables (printed with --nocapture);
/// guards against a metadata update blowing up the expansion.
#[test]
fn table_footprint() {
    use super::regions::{CALLING_CODES, DFA_ACCEPT, DFA_NEXT};
    use core::mem::size_of_val;
    let prefixes = |ps: &[table::Prefix]| {
        size_of_val(ps)
            + ps.iter()
                .map(|p| size_of_val(p.masks) + p.lit.len())
                .sum::<usize>()
    };
    let regions: usize = size_of_val(&REGIONS)
        + REGIONS
            .iter()
            .map(|r| {
                r.iso.len()
                    + prefixes(r.idd)
                    + prefixes(r.npfp)
                    + r.lengths.len()
                    + r.local_lengths.len()
            })
            .sum::<usize>();
    let codes =
        size_of_val(&CALLING_CODES) + CALLING_CODES.iter().map(|c| c.2.len()).sum::<usize>();
    let dfa = size_of_val(&DFA_NEXT) + size_of_val(&DFA_ACCEPT);
    let digits = size_of_val(&super::unicode_digits::DIGIT_ZEROS);
    let total = regions + codes + dfa + digits;
    println!("table bytes: regions {regions}, calling codes {codes}, dfa {dfa}, digits {digits}, total {total}");
    assert!(total < 128 * 1024, "generated tables grew to {total} bytes");
}

#[test]
fn prefix_expansion_lengths_follow_the_national_patterns() {
    let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<u8>>();
    assert_eq!(e164_lengths_under_prefix(&digits("749511122")), vec![11]);
    assert_eq!(e164_lengths_under_prefix(&digits("7495111")), vec![11]);
    assert_eq!(e164_lengths_under_prefix(&digits("4420794")), vec![12]);
    assert_eq!(
        e164_lengths_under_prefix(&digits("1416555")),
        vec![11],
        "Canada via +1"
    );
    assert!(e164_lengths_under_prefix(&digits("0123")).is_empty());
}

#[test]
fn extensions_leave_the_base_number() {
    let r = Region::from_iso("RU").unwrap();
    for s in [
        "+7 495 500 55 50 ext 1",
        "+7 800 555-35-35 доб. 1",
        "8 800 555 35 35, 2",
        "8 800 555 35 35;ext=2",
        "88005553535#2",
        "tel:+7-800-555-35-35;ext=2",
    ] {
        let base = if s.contains("495") {
            74955005550
        } else {
            78005553535
        };
        assert_eq!(normalize(s, r), Normalized::E164(base), "{s:?}");
    }
    // Text after the number that is no extension is still garbage.
    assert_eq!(normalize("8 800 555 35 35 звоните", r), Normalized::Invalid);
}
