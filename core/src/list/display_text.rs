//! One-line texts a warning shows the customer: a bank's name, a contact's
//! label, an intent's agent, department and purpose. They come from a
//! bank's systems, often pasted from a CRM by an agent, and the customer
//! reads them inside a safety warning. One rule for every such field of
//! every document (docs/list-format.md §2 "Texts", docs/call-intents.md §2):
//!
//! - **refused** (`malformed`, the field named): control characters (line
//!   breaks and tabs included), the line and paragraph separators, and
//!   every bidi control (embeddings, overrides, isolates, marks). A
//!   right-to-left override makes a warning read as something else than
//!   what was signed, and a line break breaks the one line the phone has;
//! - **dropped** when the text is kept: the other invisible format
//!   characters (Unicode category Cf: soft hyphen, zero-width space and
//!   joiners, word joiner, byte order mark, tags…). They change nothing a
//!   person should read, and CRM pastes are full of them.

use crate::model::Localized;
use std::borrow::Cow;

/// One one-line text as it is kept and shown: refused (`refusal`), or with
/// invisible format characters dropped, at least one visible character,
/// and at most `max_chars` characters after the drop.
pub fn checked(text: &str, max_chars: usize) -> Result<String, String> {
    if let Some(why) = refusal(text) {
        return Err(why);
    }
    let shown = for_display(text);
    if !shown.chars().any(is_visible) {
        Err("no visible character (only white space or blank-looking characters)".into())
    } else if shown.chars().count() > max_chars {
        Err(format!("text longer than {max_chars} characters"))
    } else {
        Ok(shown.into_owned())
    }
}

/// A language map of such texts, the rule of every document: keys are
/// well-formed BCP 47 tags compared case-insensitively (RFC 5646 §2.1.1:
/// `en` and `EN` are one language, so both is a duplicate, and either is
/// "the `en` text"); keys are kept as published; texts are `checked`.
pub fn language_map<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    max_chars: usize,
) -> Result<Localized, String> {
    let mut out: Vec<(Box<str>, Box<str>)> = Vec::new();
    for (lang, text) in pairs {
        if !crate::language_tag::is_well_formed(lang) {
            return Err(
                "language keys must be well-formed BCP 47 tags (\"en\", \"zh-Hant-TW\")".into(),
            );
        }
        if let Some((known, _)) = out.iter().find(|(l, _)| l.eq_ignore_ascii_case(lang)) {
            // Both spellings passed the tag grammar: letters, digits and `-` only.
            return Err(format!(
                "duplicate language \"{}\"",
                known.to_ascii_lowercase()
            ));
        }
        out.push((Box::from(lang), checked(text, max_chars)?.into_boxed_str()));
    }
    if !out.iter().any(|(l, _)| l.eq_ignore_ascii_case("en")) {
        return Err("an \"en\" text is required".into());
    }
    Ok(Localized::new(out))
}

/// A character a person sees: not white space, not a control or format
/// character, not a combining mark alone, and none of the characters that
/// render blank (Hangul fillers, the Braille blank, variation selectors,
/// Khmer's inherent vowels, the combining grapheme joiner).
pub fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || is_bidi_control(c)
        || is_invisible_format(c)
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{17B4}' | '\u{17B5}'
                | '\u{034F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}'
        ))
}

/// Why a text was refused: what was found, by code point, never the text.
pub fn refusal(text: &str) -> Option<String> {
    text.chars().find_map(|c| {
        let what = if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            "a control character or line break"
        } else if is_bidi_control(c) {
            "a bidi control"
        } else {
            return None;
        };
        Some(format!("{what} (U+{:04X}) in a one-line text", c as u32))
    })
}

/// The text as it is kept and shown: invisible format characters dropped.
/// Call it on a text `refusal` passed.
pub fn for_display(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_invisible_format) {
        Cow::Owned(text.chars().filter(|&c| !is_invisible_format(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069 (UAX #9's explicit
/// formatting characters and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The format characters (general category Cf, Unicode 16) other than the
/// bidi controls: invisible, and nothing a person reads.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_line_breaks_are_refused_by_code_point() {
        for c in [
            '\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
            '\n', '\r', '\t', '\u{0085}', '\u{2028}', '\u{2029}', '\u{0000}',
        ] {
            let text = format!("card{c}department");
            let why = refusal(&text).unwrap_or_else(|| panic!("U+{:04X} passed", c as u32));
            assert!(why.contains(&format!("U+{:04X}", c as u32)), "{why}");
            assert!(
                !why.contains("card"),
                "the text itself is never in the message"
            );
        }
    }

    #[test]
    fn invisible_format_characters_are_dropped_not_refused() {
        let pasted = "Ан\u{00AD}на\u{200B}, от\u{200D}дел\u{2060} карт\u{FEFF}";
        assert_eq!(refusal(pasted), None);
        assert_eq!(for_display(pasted), "Анна, отдел карт");
        assert!(matches!(for_display("Anna"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_text_that_shows_nothing_is_refused() {
        for blank in [
            "\u{3164}\u{3164}",
            "\u{115F}",
            "\u{FFA0} \u{1160}",
            "\u{2800}",
            "\u{034F}\u{FE0F}",
            "\u{E0100}",
            "\u{17B4}\u{17B5}",
            "\u{200B}\u{00AD}",
            "\u{0301}",
            "   ",
        ] {
            let e = checked(blank, 100).unwrap_err();
            assert!(e.contains("no visible character"), "{blank:?}: {e}");
        }
        assert_eq!(checked("Anna\u{3164}", 100).unwrap(), "Anna\u{3164}");
        assert!(checked("💳", 100).is_ok());
    }

    #[test]
    fn language_keys_are_one_language_in_any_case() {
        let e = language_map([("en", "Anna"), ("EN", "Evil")], 100).unwrap_err();
        assert!(e.contains("duplicate language"), "{e}");
        assert!(language_map([("EN", "Anna")], 100).is_ok());
        assert!(language_map([("e1", "Anna"), ("en", "Anna")], 100).is_err());
        assert!(language_map([("--", "Anna"), ("en", "Anna")], 100).is_err());
    }

    #[test]
    fn ordinary_texts_of_every_script_pass_unchanged() {
        for text in [
            "Отдел карт",
            "Картки відділ",
            "Карта бөлімі",
            "قسم البطاقات",
            "卡部门",
            "Anna — 💳",
        ] {
            assert_eq!(refusal(text), None, "{text}");
            assert_eq!(for_display(text), text);
        }
    }
}
