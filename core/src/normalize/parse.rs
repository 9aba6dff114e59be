//! The control flow of libphonenumber's `parse()` (phonenumberutil.py,
//! `_parse_helper` / `_maybe_extract_country_code`), minus what the scanner
//! already rejected (letters, extensions).  Decisions are kept in the same
//! order as the oracle so the differential corpus can pin them down.

use super::digits::Digits;
use super::rules::{
    extract_country_code, is_viable, main_region, strip_idd, strip_national_prefix, test_length,
    LengthCheck,
};
use super::table::Region;

/// libphonenumber's _MIN_LENGTH_FOR_NSN / _MAX_LENGTH_FOR_NSN.
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;

pub(super) struct Parsed {
    pub cc: u16,
    /// National significant number (leading zeros kept, as in E.164).
    pub nsn: Digits,
    /// Region whose metadata interpreted the number (home, or the main
    /// region of a country code found in the input).
    pub meta: &'static Region,
    /// The country code came from the input ('+', IDD or home code).
    pub explicit_cc: bool,
}

/// Where the country code came from, before national-prefix handling.
enum Origin {
    /// Explicit '+'/IDD or the home code written without '+': (cc, main region, rest).
    Code(u16, &'static Region, Digits),
    /// No code: the whole string is a national number of `home`.
    National,
}

/// `_maybe_extract_country_code` after its '+' handling. None = parse error.
fn extract_without_plus(digits: &[u8], home: &'static Region) -> Option<Origin> {
    if let Some(rest) = strip_idd(home, digits) {
        if rest.len() <= MIN_NSN {
            return None;
        }
        let (cc, region, nsn) = extract_country_code(rest)?;
        return Some(Origin::Code(cc, region, Digits::from_slice(nsn)));
    }
    // The home country code typed without '+' ("7 495 ..." in Russia): accept
    // it only if that makes a non-matching number match, or the whole thing
    // is too long to be national.
    let n = if home.cc >= 100 {
        3
    } else if home.cc >= 10 {
        2
    } else {
        1
    };
    let starts_with_cc = digits.len() >= n
        && (0..n).all(|i| digits[i] as u16 == home.cc / 10u16.pow((n - 1 - i) as u32) % 10);
    if starts_with_cc {
        let potential = strip_national_prefix(home, &digits[n..]);
        if (!is_viable(home, digits) && is_viable(home, potential.as_slice()))
            || test_length(home, digits.len()) == LengthCheck::TooLong
        {
            let main = main_region(home.cc)?;
            return Some(Origin::Code(home.cc, main, potential));
        }
    }
    Some(Origin::National)
}

/// None = libphonenumber would raise NumberParseException.
pub(super) fn parse(digits: &[u8], plus: bool, home: &'static Region) -> Option<Parsed> {
    let origin = if plus {
        if digits.len() <= MIN_NSN {
            return None;
        }
        match extract_country_code(digits) {
            Some((cc, region, nsn)) => Origin::Code(cc, region, Digits::from_slice(nsn)),
            // Unknown code after '+': the oracle retries without the '+', but
            // only accepts a result that found a country code.
            None => match extract_without_plus(digits, home)? {
                Origin::National => return None,
                o => o,
            },
        }
    } else {
        extract_without_plus(digits, home)?
    };
    let (cc, meta, nsn, explicit_cc) = match origin {
        Origin::Code(cc, region, nsn) => (cc, region, nsn, true),
        Origin::National => (home.cc, home, Digits::from_slice(digits), false),
    };
    if nsn.len() < MIN_NSN {
        return None;
    }
    let potential = strip_national_prefix(meta, nsn.as_slice());
    let nsn = match test_length(meta, potential.len()) {
        LengthCheck::TooShort | LengthCheck::PossibleLocalOnly | LengthCheck::InvalidLength => nsn,
        LengthCheck::Possible | LengthCheck::TooLong => potential,
    };
    if nsn.len() < MIN_NSN || nsn.len() > MAX_NSN {
        return None;
    }
    Some(Parsed {
        cc,
        nsn,
        meta,
        explicit_cc,
    })
}
