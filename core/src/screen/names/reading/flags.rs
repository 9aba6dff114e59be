//! Regional indicators ('🇷', '🇺'): a pair that names a region is shown
//! as its flag; any other (one alone, "🇫 🇸 🇧", or a pair that names no
//! region, "🇫🇸🇧") is shown as boxed capital letters, and read as them.

use super::super::fold::bytes_where;

/// The pairs shown as flags: ISO 3166-1 alpha-2 (Debian's iso-codes,
/// 249 codes) and the other region flags of Unicode's RGI emoji set
/// (AC, CP, DG, EA, EU, IC, TA, UN, XK).
const FLAGS: &str = "AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI \
BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CR CU CV CW CX CY CZ \
DE DG DJ DK DM DO DZ EA EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN \
GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI \
KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR \
MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT \
PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF \
TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA \
ZM ZW";

/// The capital letter a regional indicator stands for.
fn indicated(c: char) -> Option<char> {
    let cp = c as u32;
    (0x1F1E6..=0x1F1FF)
        .contains(&cp)
        .then(|| char::from(b'A' + (cp - 0x1F1E6) as u8))
}

/// Whether a text has a regional indicator: U+1F1E6..U+1F1FF are 0xF0
/// 0x9F 0x87 0xA6..0xBF in UTF-8, so the text is looked at without
/// decoding it (most names have no character of four bytes at all).
fn has_indicator(text: &str) -> bool {
    // (Blocks of bytes without a first byte 0xF0 passed at once.)
    let bytes = text.as_bytes();
    bytes_where(bytes, |b| b == 0xF0)
        .any(|at| matches!(bytes[at + 1..], [0x9F, 0x87, 0xA6..=0xBF, ..]))
}

fn is_flag(a: char, b: char) -> bool {
    FLAGS
        .split(' ')
        .any(|code| code.as_bytes() == [a as u8, b as u8])
}

/// The text with every regional indicator that shows as a letter written
/// as that letter. Indicators pair as the screen pairs them (UAX #29,
/// GB12/GB13): from the start of each run of indicators with nothing
/// between them, two at a time; the last of an odd run is alone. A boxed
/// letter beside plain ones is a letter of their word ("🇸бер" is "Sбер",
/// read as a sound in `latin.rs`); as written it is a symbol, so a flag
/// split by a mark ("ФСБ🇺\u{200F}🇦") still parts words there.
pub(super) fn boxed_letters(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_indicator(text) {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let Some(a) = indicated(chars[i]) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        match chars.get(i + 1).and_then(|&c| indicated(c)) {
            Some(b) if is_flag(a, b) => {
                out.push(chars[i]);
                out.push(chars[i + 1]);
            }
            Some(b) => {
                out.push(a);
                out.push(b);
            }
            None => {
                out.push(a);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_stay_and_boxed_letters_read() {
        assert_eq!(boxed_letters("Мама 🇷🇺"), "Мама 🇷🇺");
        assert_eq!(boxed_letters("🇷🇺🇰🇿🇺🇦"), "🇷🇺🇰🇿🇺🇦");
        assert_eq!(boxed_letters("🇫 🇸 🇧"), "F S B");
        assert_eq!(boxed_letters("🇫🇸🇧"), "FSB");
        // Anything between two indicators parts them.
        assert_eq!(boxed_letters("🇷\u{200B}🇺"), "R\u{200B}U");
        // A flag, then one alone.
        assert_eq!(boxed_letters("🇷🇺🇧"), "🇷🇺B");
        // Letters of the word beside them.
        assert_eq!(boxed_letters("🇸бер"), "Sбер");
        assert_eq!(FLAGS.split(' ').count(), 249 + 9);
        // The bytes looked for are every indicator's, and no other's.
        for c in [
            '\u{1F1E5}',
            '\u{1F1E6}',
            '\u{1F1FF}',
            '\u{1F200}',
            '🌸',
            'Я',
            'a',
        ] {
            let text = format!("Ан{c}na");
            assert_eq!(has_indicator(&text), indicated(c).is_some(), "{c:?}");
        }
        let codes: Vec<&str> = FLAGS.split(' ').collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
    }
}
