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
    ('\u{01C1}', '|'), // ǁ LATIN LETTER LATERAL CLICK
    ('\u{3163}', '|'), // ㅣ HANGUL LETTER I
    ('\u{1175}', '|'), // ᅵ HANGUL JUNGSEONG I
    ('\u{16C1}', '|'), // ᛁ RUNIC LETTER ISAZ IS ISS I
    ('\u{4E85}', '|'), // 亅 CJK hook
    ('\u{3021}', '|'), // 〡 HANGZHOU NUMERAL ONE
    ('\u{2D4F}', '|'), // ⵏ TIFINAGH LETTER YAN
    ('\u{A71D}', '!'), // ꜝ MODIFIER LETTER RAISED EXCLAMATION MARK
    // Slashes.
    ('\u{141F}', '/'),  // ᐟ CANADIAN SYLLABICS FINAL ACUTE
    ('\u{4E3F}', '/'),  // 丿 CJK stroke
    ('\u{1420}', '\\'), // ᐠ CANADIAN SYLLABICS FINAL GRAVE
    ('\u{4E40}', '\\'), // 乀 CJK stroke
    // Quotes, lines and dots above.
    ('\u{02BA}', '"'), // ʺ MODIFIER LETTER DOUBLE PRIME
    ('\u{02EE}', '"'), // ˮ MODIFIER LETTER DOUBLE APOSTROPHE
    ('\u{02CD}', '_'), // ˍ MODIFIER LETTER LOW MACRON
    ('\u{02C9}', '-'), // ˉ MODIFIER LETTER MACRON
    ('\u{0971}', '·'), // ॱ DEVANAGARI SIGN HIGH SPACING DOT
    ('\u{4E36}', '·'), // 丶 CJK dot
    ('\u{A4FA}', '.'), // ꓺ LISU LETTER TONE MYA CYA
    ('\u{A4FC}', ','), // ꓼ LISU LETTER TONE MYA NA
    // Dashes.
    ('\u{4E00}', '-'), // 一 CJK one: a stroke (in a Chinese name it parts nothing that claims)
    ('\u{3127}', '-'), // ㄧ BOPOMOFO LETTER I
    ('\u{0640}', '-'), // ـ ARABIC TATWEEL
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
        for c in ['a', 'Я', 'ъ', 'ß', '中', '·', '-', 'ǂ'] {
            assert_eq!(as_drawn(c), c);
        }
    }
}
