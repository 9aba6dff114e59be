//! Lexing of untrusted caller strings into digits.
//!
//! Stricter than libphonenumber on purpose: it skips leading junk such as
//! "Tel: " or a contact name, but a caller ID that contains letters is a
//! name, not a number, so we reject it.  More lenient on invisible marks:
//! Android wraps numbers in bidi controls, which libphonenumber rejects when
//! they sit between digits.

use super::digits::Digits;
use super::unicode_digits::DIGIT_ZEROS;

/// More digits than any dialable string needs (IDD + CC + 17-digit NSN).
const MAX_DIGITS: usize = 32;

pub(super) struct Scanned {
    pub digits: Digits,
    /// A '+' (or fullwidth '+') preceded the first digit.
    pub plus: bool,
}

/// Value of any Unicode decimal digit (category Nd), like libphonenumber.
fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    if (c as u32) < 0x660 {
        return None;
    }
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let v = cp - zero;
    (v < 10).then_some(v as u8)
}

/// Characters with no meaning in a number: bidi controls, zero-width
/// characters, soft hyphen, BOM.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Visual separators people and dialers put between digit groups
/// (libphonenumber's VALID_PUNCTUATION minus 'x', plus all Unicode spaces).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '-' | '.' | '/' | '(' | ')' | '[' | ']' | '~'
            | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2053}' | '\u{223C}' | '\u{30FC}'
            | '\u{FE58}' | '\u{FE63}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0D}'..='\u{FF0F}'
            | '\u{FF3B}' | '\u{FF3D}' | '\u{FF5E}')
}

/// Strips an RFC 3966 "tel:" scheme (any case), allowing leading blanks/marks.
fn strip_tel(raw: &str) -> &str {
    let s = raw.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    match s.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("tel:") => &s[4..],
        _ => raw,
    }
}

/// None = not a phone number (letters, stray symbols, too many digits).
pub(super) fn scan(raw: &str) -> Option<Scanned> {
    let raw = super::extension::extension_start(raw).map_or(raw, |i| &raw[..i]);
    let mut digits = Digits::new();
    let mut plus = false;
    for c in strip_tel(raw).chars() {
        if let Some(d) = digit_value(c) {
            if digits.len() >= MAX_DIGITS {
                return None;
            }
            digits.push(d);
        } else if c == '+' || c == '\u{FF0B}' {
            // Only leading pluses mean "international"; one inside is garbage.
            if digits.len() > 0 {
                return None;
            }
            plus = true;
        } else if c == ';' && digits.len() > 0 {
            // RFC 3966 parameters (";ext=", ";isub=", ...): extension ignored.
            break;
        } else if !(is_separator(c) || is_invisible(c)) {
            return None;
        }
    }
    Some(Scanned { digits, plus })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_digits() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('\u{0663}'), Some(3)); // Arabic-Indic
        assert_eq!(digit_value('\u{06F9}'), Some(9)); // Extended Arabic-Indic
        assert_eq!(digit_value('\u{FF10}'), Some(0)); // fullwidth
        assert_eq!(digit_value('\u{0966}'), Some(0)); // Devanagari
        assert_eq!(digit_value('\u{00B2}'), None); // superscript two is not Nd
        assert_eq!(digit_value('\u{2167}'), None); // Roman numeral
        assert_eq!(digit_value('A'), None);
    }
}
