//! Letters drawn as punctuation: a dot, a colon, a tick, a bar or a dash
//! on the screen, although Unicode files them as letters of some script
//! (Latin modifier letters, Hangul, Lisu, Canadian syllabics, Katakana).
//! A reader sees the punctuation: "ФꞏСꞏБ" is "Ф·С·Б", "ФǀСǀБ" is "Ф|С|Б",
//! "Oʻzbekiston" reads through its tick as through an apostrophe. As a
//! letter that reads as no other, such a mark would glue the letters
//! around it into one word nothing matches.
//!
//! Each is read as the ASCII (or Latin-1) punctuation it is drawn as,
//! before anything else reads the name, so every reading after — words,
//! groups ("|-|"), numbers ("8ㆍ800ㆍ555…") — sees what the screen shows.

/// (letter, the punctuation it is drawn as).
const DRAWN_AS: &[(char, char)] = &[
    // Dots.
    ('\u{A78F}', '·'), // ꞏ LATIN LETTER SINOLOGICAL DOT
    ('\u{318D}', '·'), // ㆍ HANGUL LETTER ARAEA
    ('\u{119E}', '·'), // ᆞ HANGUL JUNGSEONG ARAEA
    ('\u{1427}', '·'), // ᐧ CANADIAN SYLLABICS FINAL MIDDLE DOT
    ('\u{A4F8}', '.'), // ꓸ LISU LETTER TONE MYA TI
    // Colons.
    ('\u{02D0}', ':'), // ː MODIFIER LETTER TRIANGULAR COLON
    ('\u{02D1}', '·'), // ˑ MODIFIER LETTER HALF TRIANGULAR COLON
    ('\u{A4FD}', ':'), // ꓽ LISU LETTER TONE MYA JEU
    ('\u{A4FB}', ';'), // ꓻ LISU LETTER TONE MYA BO
    // Ticks and apostrophes.
    ('\u{02BB}', '\''), // ʻ MODIFIER LETTER TURNED COMMA (Uzbek "Oʻ")
    ('\u{02BD}', '\''), // ʽ MODIFIER LETTER REVERSED COMMA
    ('\u{02BE}', '\''), // ʾ MODIFIER LETTER RIGHT HALF RING
    ('\u{02BF}', '\''), // ʿ MODIFIER LETTER LEFT HALF RING
    ('\u{02C8}', '\''), // ˈ MODIFIER LETTER VERTICAL LINE
    ('\u{02CA}', '\''), // ˊ MODIFIER LETTER ACUTE ACCENT
    ('\u{02CB}', '`'),  // ˋ MODIFIER LETTER GRAVE ACCENT
    ('\u{02CC}', ','),  // ˌ MODIFIER LETTER LOW VERTICAL LINE
    ('\u{A78B}', '\''), // Ꞌ LATIN CAPITAL LETTER SALTILLO
    ('\u{A78C}', '\''), // ꞌ LATIN SMALL LETTER SALTILLO
    ('\u{A4F9}', ','),  // ꓹ LISU LETTER TONE NA PO
    ('\u{07F4}', '\''), // ߴ NKO HIGH TONE APOSTROPHE
    ('\u{07F5}', '\''), // ߵ NKO LOW TONE APOSTROPHE
    // Bars.
    ('\u{01C0}', '|'), // ǀ LATIN LETTER DENTAL CLICK
    ('\u{01C3}', '!'), // ǃ LATIN LETTER RETROFLEX CLICK
    // Dashes.
    ('\u{3161}', '-'), // ㅡ HANGUL LETTER EU
    ('\u{1173}', '-'), // ᅳ HANGUL JUNGSEONG EU
    ('\u{30FC}', '-'), // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK
    ('\u{FF70}', '-'), // ｰ HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK
    ('\u{1428}', '-'), // ᐨ CANADIAN SYLLABICS FINAL SHORT HORIZONTAL STROKE
];

/// The punctuation `c` is drawn as, or `c` itself.
#[inline]
pub(super) fn as_drawn(c: char) -> char {
    // (ASCII and Cyrillic, most of every name, are none of them.)
    if (c as u32) < 0x1C0 || (0x400..0x530).contains(&(c as u32)) {
        return c;
    }
    DRAWN_AS
        .iter()
        .find(|&&(letter, _)| letter == c)
        .map_or(c, |&(_, drawn)| drawn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_a_letter_drawn_as_punctuation() {
        for &(letter, drawn) in DRAWN_AS {
            // A letter to Unicode (or the reading would already see the
            // punctuation), and not a letter on the screen.
            assert!(letter.is_alphabetic(), "{letter:?}");
            assert!(drawn.is_ascii_punctuation() || drawn == '·', "{drawn:?}");
            assert_eq!(as_drawn(letter), drawn);
        }
        for c in ['a', 'Я', 'ъ', 'ß', '中', '·', '-', 'ǁ'] {
            assert_eq!(as_drawn(c), c);
        }
    }
}
