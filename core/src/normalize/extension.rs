//! Extensions after a number: "8 800 555-35-35 доб. 1", "…, 2", ";ext=2",
//! "#2", " x12". libphonenumber strips them (its `_EXTN_PATTERNS_FOR_PARSING`)
//! and so do we: the base number is the caller, the extension only picks a
//! desk. Read right to left: `[#] digits [ ,-]* [:.] marker [ ,]*`.

/// A marker and how many extension digits may follow it.
const MARKERS: &[(&str, usize)] = &[
    ("extensión", 20),
    ("extension", 20),
    ("extn", 20),
    ("ext", 20),
    ("xtn", 20),
    ("xt", 20),
    ("ｅｘｔｎ", 20),
    ("ｅｘｔ", 20),
    ("добавочный", 20),
    ("добавочн", 20),
    ("доб", 20),
    ("вн", 20),
    ("anexo", 20),
    ("int", 9),
    ("ｉｎｔ", 9),
    (";ext=", 20),
    (",,", 15),
    (";", 15),
    (",", 9),
    ("x", 9),
    // A dialer's pause and wait ("88005553535p2", "…w2"), as phones save them.
    ("p", 15),
    ("w", 15),
    ("ｘ", 9),
    ("#", 9),
    ("＃", 9),
    ("~", 9),
    ("～", 9),
];

/// Where the extension starts in `s` (a byte index), if `s` ends with one.
pub(crate) fn extension_start(s: &str) -> Option<usize> {
    // "(доб. 2)": the extension in brackets, as people write it.
    let bracketed = s.trim_end().strip_suffix(')');
    let body = bracketed.unwrap_or(s).trim_end();
    let body = body
        .strip_suffix('#')
        .or_else(|| body.strip_suffix('＃'))
        .unwrap_or(body);
    let digits_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_numeric())
        .last()
        .map(|(i, _)| i)?;
    let digits = body[digits_start..].chars().count();
    let between = &body[..digits_start];
    let separators = |c: char| matches!(c, ' ' | '\t' | ',' | '-' | '\u{A0}');
    let trimmed = between.trim_end_matches(separators).len();
    // The separators before the digits may end with the marker itself (", 2"):
    // try every split of that run.
    for cut in (trimmed..=between.len()).filter(|&i| between.is_char_boundary(i)) {
        let before = &between[..cut];
        let before = before.strip_suffix([':', '.', '．']).unwrap_or(before);
        if let Some(start) = marker_before(before, digits) {
            return Some(start);
        }
    }
    // "555-35-35-12#": a dash or space, up to six digits, and a closing '#'.
    let dashes = between.trim_end_matches(['-', ' ']);
    let closed = s.trim_end().ends_with(['#', '＃']) && digits <= 6;
    if closed
        && dashes.len() < between.len()
        && dashes.chars().next_back().is_some_and(char::is_numeric)
    {
        return Some(dashes.len());
    }
    None
}

/// Where a marker ending `before` starts (with the blanks before it), when
/// `digits` digits may follow it and a number precedes it.
fn marker_before(before: &str, digits: usize) -> Option<usize> {
    let lower = before.to_lowercase();
    for &(marker, max_digits) in MARKERS {
        if digits > max_digits || !lower.ends_with(marker) || lower.len() != before.len() {
            continue;
        }
        let marker_start = before.len() - marker.len();
        if !before.is_char_boundary(marker_start) {
            continue;
        }
        let start = before[..marker_start]
            .trim_end_matches([' ', '\t', ',', '\u{A0}', '('])
            .len();
        let after_number = before[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_numeric() || c == ')');
        if after_number {
            return Some(start);
        }
    }
    None
}

/// The length of an extension at the start of `rest` (what follows a
/// number's last digit in a longer text), if one is there.
pub(crate) fn extension_marker_len(rest: &str) -> Option<usize> {
    let limit = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
    rest[..limit]
        .char_indices()
        .filter(|(_, c)| c.is_numeric() || matches!(c, '#' | '＃'))
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&end| extension_start(&format!("0{}", &rest[..end])) == Some(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> &str {
        extension_start(s).map_or(s, |i| &s[..i])
    }

    #[test]
    fn extensions_are_cut_off() {
        assert_eq!(base("+7 800 555-35-35 доб. 1"), "+7 800 555-35-35");
        assert_eq!(base("8 800 555 35 35, 2"), "8 800 555 35 35");
        assert_eq!(base("tel:+78005553535;ext=2"), "tel:+78005553535");
        assert_eq!(base("88005553535#2"), "88005553535");
        assert_eq!(base("+1 650 253 0000 ext. 25"), "+1 650 253 0000");
        assert_eq!(base("+1 650 253 0000 x12"), "+1 650 253 0000");
        assert_eq!(base("555-35-35-12#"), "555-35-35");
        assert_eq!(base("8 800 555 35 35 (доб. 2)"), "8 800 555 35 35");
        assert_eq!(base("8 800 555 35 35 добавочный 2"), "8 800 555 35 35");
        assert_eq!(base("8 800 555 35 35 вн. 2"), "8 800 555 35 35");
        assert_eq!(base("88005553535p2"), "88005553535");
        assert_eq!(base("88005553535w2"), "88005553535");
    }

    #[test]
    fn numbers_without_extensions_are_untouched() {
        for s in [
            "8 800 555-35-35",
            "+7 (495) 000-00-01",
            "8 800, 555 35 35",
            "Пример 2",
        ] {
            assert_eq!(base(s), s, "{s}");
        }
    }

    #[test]
    fn extension_after_a_number_in_text() {
        assert_eq!(
            extension_marker_len(" доб. 2 звоните"),
            Some(" доб. 2".len())
        );
        assert_eq!(extension_marker_len(", 2"), Some(3));
        assert_eq!(extension_marker_len(" звоните"), None);
    }
}
