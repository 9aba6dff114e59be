//! Letters drawn as a trademark sign beside a brand ("KaspiⓇ", "ВТБⓒ",
//! "Kaspiᵀᴹ", "ФСБʳᶠ", "Приватбанкⓒru"): on the screen they are a mark,
//! as "®" and "™" are, not a letter of the word. A spelling of their own:
//! in the others such letters are letters ("ⓇⓄⓈⒷⒶⓃⓀ", "ФⓈБ").

/// An R or a C drawn in a circle, a square or parentheses: what "®" and
/// "©" are drawn with. (Other enclosed letters are letters: "Tin⒦⭕ff",
/// "Russi⒜".)
pub(super) fn enclosed(c: char) -> bool {
    matches!(
        c,
        'Ⓡ' | 'ⓡ'
            | 'Ⓒ'
            | 'ⓒ'
            | '🄬'
            | '🄫'
            | '🅁'
            | '🄲'
            | '🅡'
            | '🅒'
            | '🆁'
            | '🅲'
            | '🄡'
            | '🄒'
            | '⒭'
            | '⒞'
    )
}

/// A small raised letter (a modifier or superscript letter).
pub(super) fn raised(c: char) -> bool {
    matches!(
        c as u32,
        0x02B0..=0x02B8 | 0x02E0..=0x02E4 | 0x1D2C..=0x1D6A | 0x1D9B..=0x1DBF | 0x2071 | 0x207F
    )
}

/// Raised letters after a word that are a sign whatever they spell, at
/// most ("ФСБᵃⁿ" is the FSB and a mark; "Kaspiᵃⁿ" is read as Kaspi too).
const MAX_RAISED: usize = 3;

/// What longer runs of raised letters spell when they are a sign: a trademark, a
/// service mark, a registered or copyright sign, a country ("ʳᶠ").
const RAISED_SIGNS: &[&str] = &["tm", "sm", "r", "c", "rf", "ru", "kz", "ua"];

/// Whether raised letters spell one of `RAISED_SIGNS` ("ᵀᴹ": not "ᵃⁿ" in
/// "Kaspiᵃⁿ").
fn raised_sign(letters: &[char]) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = letters
        .iter()
        .flat_map(|c| std::iter::once(*c).nfkd())
        .flat_map(char::to_lowercase)
        .collect();
    RAISED_SIGNS.contains(&plain.as_str())
}

/// The text with every trademark sign drawn in letters made a space: an
/// enclosed R or C that stands alone (not in a word of them, "ⓇⓄⓈⒶ"), a
/// run of up to `MAX_RAISED` raised letters or one that spells a sign
/// (`RAISED_SIGNS`); wherever it
/// stands ("Ф С Б
/// ᵀ ᴹ", "Приватбанкⓒru"), as this is a spelling beside the others, but
/// between two plain letters, one of them alone ("СⓇ|Б" is a letter);
/// `None` when there is none.
pub(super) fn trademarks_apart(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let of_kind: fn(char) -> bool = if enclosed(chars[i]) {
            enclosed
        } else if raised(chars[i]) {
            raised
        } else {
            i += 1;
            continue;
        };
        let start = i;
        i = run_end(&chars, start, of_kind);
        let letters: Vec<char> = chars[start..i]
            .iter()
            .copied()
            .filter(|&c| of_kind(c))
            .collect();
        let sign = if enclosed(chars[start]) {
            letters.len() == 1
        } else {
            letters.len() <= MAX_RAISED || raised_sign(&letters)
        };
        if sign && !in_word(&chars, start, i) {
            for c in &mut out[start..i] {
                if of_kind(*c) {
                    *c = ' ';
                }
            }
            changed = true;
        }
    }
    changed.then(|| out.into_iter().collect())
}

/// Where the run of letters of a kind that starts at `start` ends. Raised
/// letters spelled out ("ᵀ ᴹ", "ˢ*ᴹ") are one sign: their run goes on over
/// what is no letter while a raised letter follows.
fn run_end(chars: &[char], start: usize, of_kind: fn(char) -> bool) -> usize {
    let past = |mut i: usize| {
        while i < chars.len() && of_kind(chars[i]) {
            i += 1;
        }
        i
    };
    let mut i = past(start);
    if raised(chars[start]) {
        while let Some(next) = chars[i..].iter().position(|c| c.is_alphanumeric()) {
            if !raised(chars[i + next]) {
                break;
            }
            i = past(i + next);
        }
    }
    i
}

/// Whether the sign at `start..end` is a letter of a word after all:
/// between two plain letters, one of them alone ("ВⓇБ"), or an enclosed
/// one beside another circled or squared letter ("ⓇⓄⓈⒷⒶⓃⓀ").
fn in_word(chars: &[char], start: usize, end: usize) -> bool {
    let plain = |c: &&char| c.is_alphanumeric() && !enclosed(**c) && !raised(**c);
    let left = chars[..start].iter().rev().take_while(plain).count();
    let right = chars[end..].iter().take_while(plain).count();
    let circled = |c: Option<&char>| {
        c.is_some_and(|&c| matches!(c as u32, 0x24B6..=0x24E9 | 0x1F130..=0x1F189))
    };
    left >= 1 && right >= 1 && (left == 1 || right == 1)
        || enclosed(chars[start])
            && (circled(start.checked_sub(1).map(|b| &chars[b])) || circled(chars.get(end)))
}

/// Whether `trademarks_apart` looks at a character (never an ASCII one).
pub(super) fn may_be_trademark(c: char) -> bool {
    !c.is_ascii() && (enclosed(c) || raised(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_drawn_in_letters_part_from_the_brand() {
        for (text, apart) in [
            ("KaspiⓇ", "Kaspi "),
            ("ВТБⓒ", "ВТБ "),
            ("Kaspiᵀᴹ", "Kaspi  "),
            ("ФСБʳᶠ России", "ФСБ   России"),
            ("Kaspi🄬", "Kaspi "),
            ("Kaspi⒭", "Kaspi "),
            ("Приватбанкⓒru", "Приватбанк ru"),
            ("Ф С Б ᵀ ᴹ", "Ф С Б    "),
        ] {
            assert_eq!(trademarks_apart(text).as_deref(), Some(apart), "{text}");
        }
        for text in ["ⓇⓄⓈⒷⒶⓃⓀ", "ФⓈБ", "ВⓇБ", "B⒜ᑎk", "Kaspi", "Kaspⓘⓘⓘⓘ"]
        {
            assert_eq!(trademarks_apart(text), None, "{text}");
        }
    }
}
