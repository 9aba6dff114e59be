//! BCP 47 language tags (RFC 5646 §2.1), checked for well-formedness.
//!
//! Language maps (`issuer.name`, contact labels) are keyed by tags, and a
//! publisher in another language needs to know exactly which keys pass.
//! The grammar, case-insensitive:
//!
//! ```text
//! tag       = language ["-" script] ["-" region] *("-" variant)
//!             *("-" extension) ["-" privateuse]
//!           / privateuse
//! language  = 2*3ALPHA *3("-" 3ALPHA)   ; with up to three extlang subtags
//!           / 5*8ALPHA
//! script    = 4ALPHA
//! region    = 2ALPHA / 3DIGIT
//! variant   = 5*8alphanum / DIGIT 3alphanum
//! extension = singleton 1*("-" 2*8alphanum)   ; singleton: a letter or digit but x
//! privateuse = "x" 1*("-" 1*8alphanum)
//! ```
//!
//! Not accepted: the grandfathered tags (`i-klingon`, `zh-min-nan`, …)
//! and the reserved 4-letter language subtags. Whether a subtag is in the
//! IANA registry is not checked (`qq` passes): the registry changes, and a
//! phone cannot ship every version of it.

/// Longest tag accepted; RFC 5646 §4.4.1 asks for at least 35 characters.
pub const MAX_TAG_LEN: usize = 64;

/// Whether `tag` is a well-formed BCP 47 tag under the grammar above.
pub fn is_well_formed(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > MAX_TAG_LEN {
        return false;
    }
    let mut parts = tag.split('-').peekable();
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    let first = parts.next().unwrap_or_default();
    if first.eq_ignore_ascii_case("x") {
        return private_use(parts);
    }
    match first.len() {
        2 | 3 if alpha(first) => {
            // Up to three extended language subtags (`zh-yue`).
            for _ in 0..3 {
                match parts.peek() {
                    Some(p) if p.len() == 3 && alpha(p) => parts.next(),
                    _ => break,
                };
            }
        }
        5..=8 if alpha(first) => {}
        _ => return false,
    }
    if parts.peek().is_some_and(|p| p.len() == 4 && alpha(p)) {
        parts.next();
    }
    if parts
        .peek()
        .is_some_and(|p| (p.len() == 2 && alpha(p)) || (p.len() == 3 && digit(p)))
    {
        parts.next();
    }
    while let Some(p) = parts.peek() {
        let variant = ((5..=8).contains(&p.len()) && alnum(p))
            || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit() && alnum(p));
        if !variant {
            break;
        }
        parts.next();
    }
    while let Some(p) = parts.next() {
        if p.eq_ignore_ascii_case("x") {
            return private_use(parts);
        }
        if p.len() != 1 || !alnum(p) {
            return false;
        }
        // An extension: its singleton, then one or more 2-8 character subtags.
        let mut subtags = 0;
        while let Some(s) = parts.peek() {
            if s.len() == 1 {
                break;
            }
            if !((2..=8).contains(&s.len()) && alnum(s)) {
                return false;
            }
            parts.next();
            subtags += 1;
        }
        if subtags == 0 {
            return false;
        }
    }
    true
}

/// After an `x`: one or more subtags of 1-8 letters or digits, nothing else.
fn private_use<'a>(rest: impl Iterator<Item = &'a str>) -> bool {
    let mut count = 0;
    for s in rest {
        if !((1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())) {
            return false;
        }
        count += 1;
    }
    count > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_well_formed_tags_in_any_case() {
        for good in [
            "en",
            "ru",
            "kk",
            "EN",
            "pt-BR",
            "pt-br",
            "zh-Hant-TW",
            "ZH-HANT-TW",
            "sr-Latn",
            "es-419",
            "de-CH-1901",
            "sl-rozaj-biske",
            "hy-Latn-IT-arevela",
            "zh-yue-HK",
            "en-US-u-ca-gregory",
            "en-a-bbb-x-a-ccc",
            "de-DE-x-private1",
            "x-whatever",
            "ast",
            "chinese",
            "en-Latn-GB-boont-r-extended-sequence-x-private",
        ] {
            assert!(is_well_formed(good), "{good}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_tag() {
        for bad in [
            "",
            "e",
            "e1",
            "1e",
            "en-",
            "-en",
            "en--US",
            "en_US",
            "en US",
            "abcd",
            "toolonglang",
            "en-US-u",
            "en-u-x",
            "en-a-b-c",
            "en-x",
            "en-x-toolongprivate",
            "en-Latn-Latn",
            "en-US-US",
            "x",
            "i-klingon",
            "ru\u{0}",
            "ру",
            "en-a-b",
            &"en-".repeat(30),
        ] {
            assert!(!is_well_formed(bad), "{bad:?}");
        }
    }
}
