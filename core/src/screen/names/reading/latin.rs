//! Latin letters read as the Cyrillic they stand for: transliteration in
//! the schemes people use, and Latin letters written for their sound inside
//! Cyrillic words ("ФSБ").

use super::super::class::{decomposed, Class};
use super::super::fold::{chars_of, common_invisible, latin_reading, letter_drawn, small_capital};
use super::groups::{group_at_start, may_start_group};
use super::{ignorable, reads_as_latin};
use std::borrow::Cow;

/// A word that mixes Cyrillic and Latin letters reads its Latin letters
/// as sounds: "ФSБ", "МVД", "ПоLиция", "Sбер", "Тинkoff", "Prokuraтура"
/// are what a reader of either alphabet reads. Two readings, as the eye
/// may take a Latin letter that looks like a Cyrillic one for either:
/// 1. only the letters that look like no Cyrillic one are sounds
///    ("ПrOKyρaтYrа": the "r"s);
/// 2. every Latin letter is a sound ("Kасpi", "Интерpol"), but one that
///    stands alone among Cyrillic letters and looks like one of them
///    ("CБ" stays "СБ", not "ЦБ"; "Интерpол" is "Интеррол").
///
/// Letters spelled out one by one are joined first ("С Б U"); a
/// multi-letter look-alike ("bI") is no sound; a sound letter takes the
/// case of a small letter before it ("ПоLиция" is no "По|Лиция"). (The
/// transliterated spellings read a word mostly in Latin whole, its
/// Cyrillic letters as Latin look-alikes: "Prokuraтура" there is
/// "Prokuramypa".)
pub(super) fn mixed_as_sounds(text: &str) -> Vec<String> {
    let cyrillic = |c: char| ('\u{400}'..='\u{52F}').contains(&c) && c.is_alpha();
    // Most names are in one script: nothing to read.
    if !(text.chars().any(cyrillic) && text.chars().any(latin_drawn)) {
        return Vec::new();
    }
    // Letters made plain ("Ｓ", "𝐒"), marks gone, spelled-out ones joined.
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        // (ASCII is no letter drawn for another: pushed at once.)
        if c.is_ascii() {
            plain.push(c);
            continue;
        }
        // Cyrillic letters drawn as Latin ones that look like no Cyrillic
        // letter ("Ѕбер": the Macedonian "Ѕ" is an "S").
        let c = match c {
            'Ѕ' => 'S',
            'ѕ' => 's',
            'ԁ' => 'd',
            'Ј' => 'J',
            'ј' => 'j',
            c => drawn_latin(c).unwrap_or(c),
        };
        if c.is_ascii() || !c.is_alnum() {
            plain.push(c);
        } else {
            let parts = decomposed(c);
            let mut letters = parts.iter().copied().filter(|d| !d.is_mark()).peekable();
            match (letters.next(), letters.peek()) {
                (Some(d), None) if d.is_ascii_alphanumeric() => plain.push(d),
                _ => plain.push(c),
            }
        }
    }
    let plain = join_spelled_out(&plain);
    let mut chars: Vec<char> = chars_of(&plain);
    // The Latin letters of mixed words, whether each looks like a
    // Cyrillic letter, and whether it stands alone among Cyrillic ones.
    const LOOK_CYRILLIC: &str = "AaBCcEeHKMOoPpTXxYy";
    let mut latin = vec![false; chars.len()];
    let mut look_alike = vec![false; chars.len()];
    let mut alone = vec![false; chars.len()];
    let in_word = |c: char| c.is_alnum() || apostrophe(c);
    // The mixed words, first: a group is looked for only where it can
    // reach one of them, before the last one ends ("III bI cl" after it
    // are not read).
    let mut mixed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && in_word(chars[i]) {
            i += 1;
        }
        let word = start..i;
        let has_latin = chars[word.clone()].iter().any(char::is_ascii_alphabetic);
        // (A Latin letter that is a word of its own between Cyrillic words,
        // or beside one at the name's end, is a sound too: "борьбе ꜱ
        // мошенничеством", "эн-бэ-u".)
        let letter_between_cyrillic = || {
            let before = chars[..start].iter().rev().find(|c| c.is_alpha());
            let after = chars[i..].iter().find(|c| c.is_alpha());
            let cyrillic_or_end = |c: Option<&char>| c.is_none_or(|&c| cyrillic(c));
            i == start + 1
                && chars[start].is_ascii_alphabetic()
                && (before.is_some() || after.is_some())
                && cyrillic_or_end(before)
                && cyrillic_or_end(after)
        };
        if has_latin
            && (chars[word.clone()].iter().any(|&c| cyrillic(c)) || letter_between_cyrillic())
        {
            mixed.push(word);
        }
        i = i.max(start + 1);
    }
    let Some(last) = mixed.last() else {
        return Vec::new();
    };
    let in_group = in_groups(&plain, last.end);
    for word in mixed {
        let (start, i) = (word.start, word.end);
        for k in word {
            latin[k] = chars[k].is_ascii_alphabetic() && !in_group[k];
            alone[k] = !(k > start && chars[k - 1].is_ascii_alphabetic()
                || k + 1 < i && chars[k + 1].is_ascii_alphabetic());
            look_alike[k] =
                chars[k].is_ascii() && LOOK_CYRILLIC.as_bytes().contains(&(chars[k] as u8));
            if latin[k] && k > start && chars[k - 1].is_lower() {
                chars[k] = chars[k].to_ascii_lowercase();
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    // 1. the letters that look like no Cyrillic one; 2. all but those
    // that do and stand alone.
    for in_runs in [false, true] {
        let sound = |k: usize| latin[k] && !(look_alike[k] && (alone[k] || !in_runs));
        if !(0..chars.len()).any(sound) {
            continue;
        }
        let mut text = String::with_capacity(plain.len() * 2);
        let mut i = 0;
        while i < chars.len() {
            let read = if sound(i) {
                Read::AsSound
            } else {
                Read::AsWritten
            };
            if read_as_written(chars[i], read) {
                text.push(chars[i]);
                i += 1;
                continue;
            }
            i += transliterate_at(&chars, i, read, Latin::J_IS_Y, &mut text);
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// For each character of `plain` before `end`: whether it is a part of a
/// multi-letter look-alike made of strokes ("bI", "III"), read by its own
/// spelling. ("rn", "cl", "vv" are letters too.)
fn in_groups(plain: &str, end: usize) -> Vec<bool> {
    let mut in_group = vec![false; end];
    for (k, (at, c)) in plain.char_indices().take(end).enumerate() {
        if may_start_group(c) {
            let group = group_at_start(&plain[at..]);
            if let Some((len, _)) = group.filter(|(_, to)| !matches!(*to, "m" | "d" | "w" | "W")) {
                let parts = plain[at..at + len].chars().count();
                let reach = (k + parts).min(end);
                in_group[k..reach].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    in_group
}

/// A Latin letter in any dress, or a letter drawn for one
/// (`drawn_latin`, "Ѕ"). From a table for the first blocks: asked of every
/// character of every name with Cyrillic letters, nearly all of which
/// answer no.
fn latin_drawn(c: char) -> bool {
    const TABLE_END: u32 = 0x530;
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    if c as u32 >= TABLE_END {
        return latin_drawn_slow(c);
    }
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).is_some_and(latin_drawn_slow))
            .collect()
    });
    table[c as usize]
}

fn latin_drawn_slow(c: char) -> bool {
    reads_as_latin(c) || matches!(c, 'Ѕ' | 'ѕ' | 'ԁ' | 'Ј' | 'ј') || drawn_latin(c).is_some()
}

/// The Latin letter a letter drawn for one reads as. (Styled Latin
/// letters, "𝐒", are seen by `mixed_as_sounds`, made plain.) Small
/// capitals, "ʟ", circled, fancy letters; and letters of other scripts
/// drawn like a Latin one that looks like no Cyrillic letter: Lisu "ꓢ",
/// Cherokee "Ꮪ", Armenian "Տ".
fn drawn_latin(c: char) -> Option<char> {
    let other_script = |c: char| {
        let cyrillic_or_greek = ('\u{370}'..='\u{52F}').contains(&c);
        (!c.is_ascii() && !cyrillic_or_greek && c.is_alpha())
            .then(|| latin_look(c))
            .flatten()
    };
    small_capital(c)
        .or_else(|| letter_drawn(c).filter(char::is_ascii_alphabetic))
        .or_else(|| other_script(c))
}

/// How a lone "j" is read: "й" in GOST, "ж" in the informal scheme
/// ("Slujba").
/// Case is read as a word break ("komitet|Sledstvenny") unless the name
/// is in random case ("sLuzHba"), when it says nothing: both are tried.
/// "ts" is "ц" ("Tsentrobank"), or "тс" where two words are glued
/// ("komitetsledstvennyi"): both are tried.
/// The informal reading of "i" and "y" (`informal_i`) is tried beside
/// the schemes' own: a "y" ending a word after a consonant is "ы" there
/// ("Otbasy", "pristavy"), "и" as people write it for "i" ("Kaspy",
/// "Dmitry"); "ia"/"iu" ending a word after a consonant is "я"/"ю" there
/// ("Tatiana", ICAO's "Rossiia"), "ия"/"ию" as people write "Rossia",
/// "Politsia" (inside a word it is "я": "Goriachaia linia");
/// "yo" or "jo" after a vowel is "е" there ("Moyo"), "йо" in "Mayor",
/// "Major".
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Latin {
    j: &'static str,
    case_breaks: bool,
    ts_apart: bool,
    informal_i: bool,
}

impl Latin {
    pub(super) const J_IS_Y: Latin = Latin {
        j: "й",
        case_breaks: true,
        ts_apart: false,
        informal_i: false,
    };
    pub(super) const J_IS_ZH: Latin = Latin {
        j: "ж",
        ..Latin::J_IS_Y
    };
    pub(super) const ANY_CASE: Latin = Latin {
        case_breaks: false,
        ..Latin::J_IS_Y
    };
    pub(super) const TS_APART: Latin = Latin {
        ts_apart: true,
        ..Latin::J_IS_Y
    };
    pub(super) const INFORMAL_I: Latin = Latin {
        informal_i: true,
        ..Latin::J_IS_Y
    };
    /// The same in a name of random case ("GORIaChaIa LINIA").
    pub(super) const INFORMAL_I_ANY_CASE: Latin = Latin {
        case_breaks: false,
        ..Latin::INFORMAL_I
    };
}

/// The name's Latin letters in Cyrillic, in each reading of "j" the name
/// needs (none when it has no Latin letters). As characters: what the
/// fold reads (`fold_displayed_chars`), with no text to encode and decode
/// again in between.
pub(super) fn transliterated(name: &str) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = Vec::new();
    // The letters are made plain once for all the schemes.
    let Some(letters) = LatinLetters::of(name) else {
        return out;
    };
    // A scheme that can read no letter of the name differently from the
    // first gives the same text: skipped. "j" is read differently only
    // where there is one; case only where a small letter has a capital
    // within a group's length after it.
    let chars = &letters.chars;
    let SchemeLetters {
        has_j,
        small_then_capital,
        has_ts,
        informal_i,
    } = SchemeLetters::of(chars);
    // (`group_at`: a group of two letters or more spelled out from a small
    // letter, with a capital among its other letters.)
    let case_may_break = small_then_capital
        && (0..chars.len()).any(|i| {
            chars[i].is_ascii_lowercase() && {
                let window = LetterWindow::at(chars, i);
                groups_starting(chars[i]).iter().any(|&g| {
                    let group = LATIN_TO_CYRILLIC[usize::from(g)].0.as_bytes();
                    window.capital_at < group.len() && window.starts_with(group)
                })
            }
        });
    for (latin, differs) in [
        (Latin::J_IS_Y, true),
        (Latin::J_IS_ZH, has_j),
        (Latin::ANY_CASE, case_may_break),
        (Latin::TS_APART, has_ts),
        (Latin::INFORMAL_I, informal_i),
        (
            Latin::INFORMAL_I_ANY_CASE,
            small_then_capital
                && (0..chars.len()).any(|i| informal_i_at(chars, i, false).is_some()),
        ),
    ] {
        if !differs {
            continue;
        }
        let t = letters.read_as(latin);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// What in a name's letters a scheme after the first reads differently,
/// looked for in one pass: a "j"; a capital right after a small letter
/// (where a group may break by case: most names have none); "ts" or
/// "tc"; an "i", "y" or "j" the informal reading reads (`informal_i_at`,
/// with case breaking words).
struct SchemeLetters {
    has_j: bool,
    small_then_capital: bool,
    has_ts: bool,
    informal_i: bool,
}

impl SchemeLetters {
    fn of(chars: &[char]) -> SchemeLetters {
        let mut found = SchemeLetters {
            has_j: false,
            small_then_capital: false,
            has_ts: false,
            informal_i: false,
        };
        // (A capital right after a small letter: every two side by side
        // looked at, none skipped, the look is vectorized. Then each letter
        // a scheme reads its own way, the one after it only where it may
        // matter; most letters are none, passed at a look.)
        found.small_then_capital = chars
            .iter()
            .zip(chars.iter().skip(1))
            .fold(false, |seen, (before, c)| {
                seen | before.is_ascii_lowercase() & c.is_ascii_uppercase()
            });
        for (i, &c) in chars.iter().enumerate() {
            if !read_own_way(c) {
                continue;
            }
            match c {
                't' | 'T' => {
                    let next = chars.get(i + 1).map(char::to_ascii_lowercase);
                    found.has_ts |= matches!(next, Some('s' | 'c'));
                }
                'i' | 'I' | 'y' | 'Y' | 'j' | 'J' => {
                    found.has_j |= matches!(c, 'j' | 'J');
                    found.informal_i =
                        found.informal_i || informal_i_or_y_at(chars, i, true).is_some();
                }
                _ => {}
            }
        }
        found
    }
}

/// A "t", "i", "y" or "j" in either case: the letters the schemes after
/// the first read their own way (`SchemeLetters`). (With the bit of case
/// set, a character is one of the small ones exactly when it is one of
/// these: asked of every letter of a name.)
#[inline]
fn read_own_way(c: char) -> bool {
    const SMALL: [u32; 4] = ['t' as u32, 'i' as u32, 'y' as u32, 'j' as u32];
    SMALL.contains(&(u32::from(c) | 0x20))
}

/// Digits a Latin word shows for letters ("Kiberpolit5iia", "ro5sii").
pub(super) const fn latin_letter_of_digit(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'b',
        '8' => 'b',
        _ => return None,
    })
}

/// The Latin letter a letter of another script looks like, if any.
pub(super) fn latin_look(c: char) -> Option<char> {
    use unicode_security::confusable_detection::skeleton;
    let mut buf = [0; 4];
    let mut proto = skeleton(c.encode_utf8(&mut buf));
    match (proto.next(), proto.next()) {
        (Some(p), None) if p.is_ascii_alphabetic() => Some(p),
        _ => match c {
            'Ь' | 'ь' => Some('b'),
            'ı' => Some('i'),
            c => latin_reading(c),
        },
    }
}

/// A word that mixes Latin letters with look-alikes of other scripts
/// ("Nαсional'niуЬаnk"): every letter whose look-alike is a Latin letter
/// becomes that letter, so the word transliterates whole.
pub(super) fn latinized(word: &str, out: &mut String) {
    // Only a word that is mostly Latin: "АФАНАСЬЕВАaGMAIL" is Cyrillic.
    // Or one whose every letter looks like a Latin one ("Ьаnκ").
    let letters = word.chars().filter(|c| c.is_alpha()).count();
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let all_look_latin = || {
        word.chars()
            .filter(|c| c.is_alpha())
            .all(|c| c.is_ascii() || latin_look(c).is_some())
    };
    // (Not a word of two letters: "CБ" is an abbreviation in Cyrillic.)
    if latin == 0 || latin * 2 <= letters && !(letters >= 3 && all_look_latin()) {
        out.push_str(word);
        return;
    }
    out.extend(word.chars().map(|c| {
        if let Some(letter) = latin_letter_of_digit(c) {
            return letter;
        }
        if c.is_ascii() || !c.is_alpha() {
            return c;
        }
        latin_look(c).unwrap_or(c)
    }));
}

/// Latin letter groups and the Cyrillic letters they spell, longest first.
pub(super) const LATIN_TO_CYRILLIC: &[(&str, &str)] = &[
    ("shch", "щ"),
    ("dzh", "дж"),
    ("dj", "дж"),
    ("sch", "щ"),
    ("shh", "щ"),
    ("tch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("tc", "ц"),
    ("tz", "ц"),
    ("cz", "ц"),
    ("ck", "к"),
    ("ph", "ф"),
    ("ya", "я"),
    ("ja", "я"),
    ("ia", "я"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("iu", "ю"),
    ("ye", "е"),
    ("je", "е"),
    ("yo", "е"),
    ("jo", "е"),
    ("a", "а"),
    ("b", "б"),
    ("c", "ц"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "х"),
    ("y", "ы"),
    ("z", "з"),
];

/// The groups of `LATIN_TO_CYRILLIC` that start with the letter `c` (in
/// either case), longest first: a letter is compared with its own groups
/// only. (From a table made when compiling: asked of every letter read.)
pub(super) fn groups_starting(c: char) -> &'static [u8] {
    let lower = c.to_ascii_lowercase();
    if !lower.is_ascii_lowercase() {
        return &[];
    }
    let (groups, n) = &GROUPS_BY_LETTER[usize::from(lower as u8 - b'a')];
    &groups[..*n]
}

/// Groups of `LATIN_TO_CYRILLIC` that start with one letter, at most
/// ("s", "t", "y", "j": five each).
const MOST_GROUPS_A_LETTER: usize = 5;

/// Per letter from "a" to "z", the places in `LATIN_TO_CYRILLIC` of the
/// groups that start with it (in the table's order: longest first), and
/// how many.
const GROUPS_BY_LETTER: [([u8; MOST_GROUPS_A_LETTER], usize); 26] = {
    let mut table = [([0; MOST_GROUPS_A_LETTER], 0); 26];
    let mut g = 0;
    while g < LATIN_TO_CYRILLIC.len() {
        let letter = (LATIN_TO_CYRILLIC[g].0.as_bytes()[0] - b'a') as usize;
        let n = table[letter].1;
        table[letter].0[n] = g as u8;
        table[letter].1 = n + 1;
        g += 1;
    }
    table
};

/// "N a c z i o n a l n y j  b a n k", "M e n e d zh e r": letters
/// spelled out one by one (a transliteration's groups, "zh", "ch", "ya",
/// count as one) are one word to the reader; a gap unlike the usual one
/// ("  ", "_" among single spaces) parts words. Joined, the groups are
/// seen whole.
pub(super) fn join_spelled_out(name: &str) -> Cow<'_, str> {
    // (Most names have no two short letter tokens in a row: no run to
    // join, the name as it is. Looked for in the bytes of a name in
    // ASCII, among the tokens of any other.)
    if name.is_ascii() && !ascii_short_tokens_in_a_row(name.as_bytes()) {
        return Cow::Borrowed(name);
    }
    let tokens = letter_tokens(name);
    let short_in_a_row = |w: &[(bool, &str)]| w[0].0 && short_token(w[0].1) && short_token(w[2].1);
    if !tokens.windows(3).any(short_in_a_row) {
        return Cow::Borrowed(name);
    }
    // Letter tokens at even or odd positions, separators between them.
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < tokens.len() {
        let end = spelled_run_end(&tokens, i);
        if end == i {
            out.push_str(tokens[i].1);
        } else {
            join_run(&tokens[i..=end], &mut out);
        }
        i = end + 1;
    }
    Cow::Owned(out)
}

/// A letter token that may be a spelled letter: `spelled` passes only
/// one of one to `LONGEST_GROUP` characters that are no apostrophe (it
/// counts the characters before its last apostrophes, those inside among
/// them: never fewer).
fn short_token(token: &str) -> bool {
    let letters = token.chars().filter(|&c| !apostrophe(c));
    (1..=LONGEST_GROUP).contains(&letters.take(LONGEST_GROUP + 1).count())
}

/// Whether two letter tokens in a row (a gap between them) are each
/// `short_token`, in a text of ASCII: a run of spelled letters needs them.
fn ascii_short_tokens_in_a_row(text: &[u8]) -> bool {
    let short = |letters: usize| (1..=LONGEST_GROUP).contains(&letters);
    // (The letter token before the gap was short; the one under way has
    // `letters` characters that are no apostrophe, if one is under way.)
    let mut short_before = false;
    let mut letters: Option<usize> = None;
    for &b in text {
        match ASCII_IN_TOKEN[usize::from(b & 0x7F)] {
            InToken::Letter => *letters.get_or_insert(0) += 1,
            InToken::Apostrophe => {
                letters.get_or_insert(0);
            }
            InToken::Gap => {
                if let Some(n) = letters.take() {
                    if short_before && short(n) {
                        return true;
                    }
                    short_before = short(n);
                }
            }
        }
    }
    letters.is_some_and(|n| short_before && short(n))
}

/// What an ASCII character is in `letter_tokens`.
#[derive(Clone, Copy)]
enum InToken {
    /// A letter, or a digit that shows one.
    Letter,
    Apostrophe,
    /// No character of a letter token.
    Gap,
}

/// `InToken` of each ASCII character (`letter_token_char`), made when
/// compiling: looked up for every byte of a name in ASCII.
const ASCII_IN_TOKEN: [InToken; 128] = {
    let mut table = [InToken::Gap; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        if apostrophe(c) {
            table[b] = InToken::Apostrophe;
        } else if c.is_ascii_alphabetic() || latin_letter_of_digit(c).is_some() {
            table[b] = InToken::Letter;
        }
        b += 1;
    }
    table
};

/// A character of a letter token (`letter_tokens`): a letter, an
/// apostrophe, a digit that shows a letter. (An ASCII character, most of
/// a name, from the table.)
#[inline]
fn letter_token_char(c: char) -> bool {
    if c.is_ascii() {
        return !matches!(ASCII_IN_TOKEN[c as usize], InToken::Gap);
    }
    c.is_alpha() || apostrophe(c) || latin_letter_of_digit(c).is_some()
}

/// Tokens a name's vector is made with room for at once (a longer name
/// grows it).
const MAX_TOKENS_RESERVED: usize = 256;

/// The name as tokens: runs of letters (true), and runs of everything else.
pub(super) fn letter_tokens(name: &str) -> Vec<(bool, &str)> {
    let is_letter = letter_token_char;
    // (Room for a token per character at most: grown one at a time, the
    // vector is copied over and over.)
    let mut tokens: Vec<(bool, &str)> = Vec::with_capacity(name.len().min(MAX_TOKENS_RESERVED));
    let mut start = 0;
    // The kind of the token under way (of the character at `start`).
    let mut kind = false;
    for (i, c) in name.char_indices() {
        let letter = is_letter(c);
        if i == start {
            kind = letter;
        } else if letter != kind {
            tokens.push((kind, &name[start..i]));
            start = i;
            kind = letter;
        }
    }
    if start < name.len() {
        tokens.push((kind, &name[start..]));
    }
    tokens
}

/// A letter token that is one spelled-out letter: one letter, or a Latin
/// group that stands for one ("Sh", "Zh"), in look-alikes too ("уа",
/// "сh": Cyrillic letters drawn for "ya", "ch").
pub(super) fn spelled(token: &str) -> bool {
    let t = token.trim_end_matches(apostrophe);
    // (Counted no further than a group's length: a longer token is no
    // letter.)
    let n = t.chars().take(LONGEST_GROUP + 1).count();
    if n == 1 {
        return true;
    }
    if n == 0 || n > LONGEST_GROUP {
        return false;
    }
    // A look-alike's Latin letter is looked up (`latin_look`, costly) only
    // where a group agrees with the token's own Latin letters: "Ьank" has
    // none.
    let mut letters = ['\0'; LONGEST_GROUP];
    letters
        .iter_mut()
        .zip(t.chars())
        .for_each(|(slot, c)| *slot = c);
    if !may_spell_group(&letters[..n]) {
        return false;
    }
    let mut latin = [0u8; 4];
    for (slot, c) in latin.iter_mut().zip(t.chars()) {
        match if c.is_ascii() { Some(c) } else { latin_look(c) } {
            Some(l) if l.is_ascii_alphabetic() => *slot = l.to_ascii_lowercase() as u8,
            _ => return false,
        }
    }
    let latin = &latin[..n];
    groups_starting(char::from(latin[0])).iter().any(|&g| {
        let l = LATIN_TO_CYRILLIC[usize::from(g)].0;
        l.len() > 1 && l.as_bytes() == latin
    })
}

/// Whether some group of `LATIN_TO_CYRILLIC` of two letters or more has
/// the ASCII letters of `token` where it has them (its other characters
/// may look like the group's other letters). No ASCII character that is no
/// letter.
fn may_spell_group(token: &[char]) -> bool {
    if token
        .iter()
        .any(|c| c.is_ascii() && !c.is_ascii_alphabetic())
    {
        return false;
    }
    let agrees = |group: &str| {
        group.len() == token.len()
            && group
                .bytes()
                .zip(token)
                .all(|(l, c)| !c.is_ascii() || c.to_ascii_lowercase() as u8 == l)
    };
    // (The groups of two letters or more come first in the table; a
    // token that starts with an ASCII letter is compared with its own.)
    match token[0] {
        first if first.is_ascii() => groups_starting(first)
            .iter()
            .any(|&g| agrees(LATIN_TO_CYRILLIC[usize::from(g)].0)),
        _ => LATIN_TO_CYRILLIC
            .iter()
            .take_while(|(group, _)| group.len() > 1)
            .any(|(group, _)| agrees(group)),
    }
}

/// Where a run of spelled letters that starts at `tokens[i]` ends
/// (spelled token, separator, spelled token, …); `i` when none starts there.
pub(super) fn spelled_run_end(tokens: &[(bool, &str)], i: usize) -> usize {
    let (letters, text) = tokens[i];
    if !(letters && spelled(text)) {
        return i;
    }
    let mut end = i;
    while end + 2 < tokens.len()
        && !tokens[end + 1].0
        && tokens[end + 2].0
        && spelled(tokens[end + 2].1)
    {
        end += 2;
    }
    end
}

/// A run of spelled letters, joined: the usual gap between them goes, a
/// gap unlike it stays (a break between two spelled words).
pub(super) fn join_run(run: &[(bool, &str)], out: &mut String) {
    // (A run has few kinds of gap: counted in a list, not a hash map,
    // whose hashing cost more than the counting. The most common gap, the
    // smallest of those as common: the same whatever the order counted.)
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &(_, gap) in run.iter().skip(1).step_by(2) {
        match counts.iter_mut().find(|(g, _)| *g == gap) {
            Some((_, n)) => *n += 1,
            None => counts.push((gap, 1)),
        }
    }
    let usual = counts
        .into_iter()
        .max_by_key(|&(gap, n)| (n, std::cmp::Reverse(gap)))
        .map_or(" ", |(gap, _)| gap);
    for &(is_letters, t) in run {
        if is_letters || t != usual {
            out.push_str(t);
        }
    }
}

/// For each character: whether its word (letters, digits and apostrophes)
/// is written mostly in Latin letters.
pub(super) fn latin_word_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].is_alnum() || apostrophe(chars[i])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_alnum() || apostrophe(chars[i])) {
            i += 1;
        }
        let letters = chars[start..i].iter().filter(|c| c.is_alpha()).count();
        let latin = chars[start..i]
            .iter()
            .filter(|c| c.is_ascii_alphabetic())
            .count();
        if latin * 2 > letters {
            mask[start..i].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

/// Apostrophes inside a transliterated word (BGN/PCGN's soft sign,
/// GOST's "y'"): dropped.
pub(super) const fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2019}' | '\u{02B9}' | '\u{02BC}')
}

/// The name with its Latin letters spelled in Cyrillic, if it has any.
/// Case is kept on a group's first letter, so word breaks by case
/// ("SluzhbaBezopasnosti") survive.
#[cfg(test)]
pub(super) fn transliterated_as(name: &str, latin: Latin) -> Option<String> {
    LatinLetters::of(name).map(|letters| letters.read_as(latin).into_iter().collect())
}

/// A name's letters made plain (`latin_letters`) and which of them stand
/// in Latin words: what every transliteration scheme reads.
pub(super) struct LatinLetters {
    chars: Vec<char>,
    latin_word: Vec<bool>,
}

impl LatinLetters {
    /// `None` when the name has no Latin letter to read.
    fn of(name: &str) -> Option<LatinLetters> {
        if !name
            .chars()
            .filter(|c| c.is_alnum())
            .any(|c| decomposed(c).iter().any(char::is_ascii_alphabetic))
        {
            return None;
        }
        Some(latin_letters(name))
    }

    fn read_as(&self, latin: Latin) -> Vec<char> {
        let chars = &self.chars;
        let latin_word = &self.latin_word[..chars.len()];
        // (No reading is longer than its letters: a group reads as one
        // letter or two, "dzh" as "дж", and a letter as one.)
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            // (An ASCII letter, most of a Latin name, is no apostrophe: read
            // as written outside a Latin word, in one mostly at once, by
            // `one_sound`. Any other character but an apostrophe is read
            // as written, `read_as_written`.)
            let in_latin_word = latin_word[i];
            let letter = ascii_letter(c);
            if letter.bit != 0 && in_latin_word {
                if let Some(sound) = one_sound(chars, i, letter) {
                    out.push(sound);
                    i += 1;
                    continue;
                }
            } else if !apostrophe(c) {
                out.push(c);
                i += 1;
                continue;
            }
            let read = if in_latin_word {
                Read::InLatinWord
            } else {
                Read::AsWritten
            };
            i += transliterate_at(chars, i, read, latin, &mut out);
        }
        out
    }
}

/// The sound of the Latin letter at `chars[i]` in a Latin word where every
/// scheme reads it alike, as `transliterate_at` does: a letter beside
/// another (no lone letter), no "i", "y" or "j" (each read its own way),
/// where no group longer than itself starts ("d" before "a": no "dzh",
/// "dj").
/// (`letter`: the letter's `AsciiLetter`, looked up by the caller.)
fn one_sound(chars: &[char], i: usize, letter: AsciiLetter) -> Option<char> {
    let sound = letter.sound?;
    // (The letters' bits: `group_at` compares the letters lowered.)
    let next = chars.get(i + 1).map_or(0, |&n| ascii_letter(n).bit);
    let group_starts = letter.seconds & next != 0;
    let beside_letter = next != 0 || i > 0 && ascii_letter(chars[i - 1]).bit != 0;
    (beside_letter && !group_starts).then_some(sound)
}

/// What `one_sound` asks of an ASCII letter, from a table made when
/// compiling (`ASCII_LETTERS`): asked of every letter transliterated and
/// of the ones beside it.
#[derive(Clone, Copy)]
struct AsciiLetter {
    /// Bit `k` for the `k`-th letter from "a", in either case; 0 for a
    /// character that is no ASCII letter.
    bit: u32,
    /// Its sound as the group of that one letter reads it, in its case
    /// ("б", "Б"; the capital as `capitals` has it: each sound is a letter
    /// from "а" to "я", whose capital is 0x20 below it). None for "i", "y"
    /// and "j" (each read its own way) and for no letter.
    sound: Option<char>,
    /// The second letters of the groups longer than itself that start
    /// with it (bits as `bit`).
    seconds: u32,
}

/// `AsciiLetter::bit` of an ASCII letter.
const fn letter_bit(letter: u8) -> u32 {
    1 << (letter.to_ascii_lowercase() - b'a')
}

/// `AsciiLetter` of a character: of no letter for one past ASCII.
#[inline]
fn ascii_letter(c: char) -> AsciiLetter {
    const NO_LETTER: AsciiLetter = ASCII_LETTERS[0];
    ASCII_LETTERS.get(c as usize).copied().unwrap_or(NO_LETTER)
}

/// `AsciiLetter` per ASCII character.
const ASCII_LETTERS: [AsciiLetter; 128] = {
    let mut table = [AsciiLetter {
        bit: 0,
        sound: None,
        seconds: 0,
    }; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            let letter = (c.to_ascii_lowercase() - b'a') as usize;
            let (groups, n) = GROUPS_BY_LETTER[letter];
            let mut seconds = 0u32;
            let mut small = 0;
            let mut k = 0;
            while k < n {
                let (group, sound) = LATIN_TO_CYRILLIC[groups[k] as usize];
                let group = group.as_bytes();
                if group.len() == 1 {
                    let sound = sound.as_bytes();
                    assert!(sound.len() == 2);
                    small = ((sound[0] as u32 & 0x1F) << 6) | (sound[1] as u32 & 0x3F);
                    assert!(0x430 <= small && small <= 0x44F);
                } else {
                    seconds |= 1 << (group[1] - b'a');
                }
                k += 1;
            }
            let own_way = matches!(c.to_ascii_lowercase(), b'i' | b'y' | b'j');
            let in_case = if c.is_ascii_uppercase() {
                small - 0x20
            } else {
                small
            };
            table[b] = AsciiLetter {
                bit: letter_bit(c),
                sound: if own_way {
                    None
                } else {
                    char::from_u32(in_case)
                },
                seconds,
            };
        }
        b += 1;
    }
    table
};

/// The name's letters as plain ones, ready to be read as sounds:
/// fullwidth and styled letters plain, accents and invisible characters
/// gone (so that groups such as "zh", "sch" are seen whole), spelled-out
/// letters joined, mostly-Latin words latinized. A symbol stays a symbol
/// ("℠" is no "SM"). And which of them stand in Latin words.
fn latin_letters(name: &str) -> LatinLetters {
    // A letter or digit decomposed (its parts pushed), anything else as it is.
    fn push_decomposed(c: char, mut out: impl FnMut(char)) {
        if c.is_ascii() {
            out(c);
        } else if let Some(letter) = letter_drawn(c).filter(char::is_ascii) {
            // "⒡" is an "f", not "(f)".
            out(letter);
        } else if c.is_alnum() {
            decomposed(c).iter().for_each(|&d| out(d));
        } else {
            out(c);
        }
    }
    // (ASCII, most of a Latin name, is no mark, nothing invisible, and its
    // own decomposition: pushed at once; a name all in ASCII is plain as
    // it is.)
    let plain = if name.is_ascii() {
        Cow::Borrowed(name)
    } else {
        let mut plain = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii() {
                plain.push(c);
            } else if !c.is_mark() && !ignorable(c) && !common_invisible(c) {
                push_decomposed(c, |d| {
                    if !d.is_mark() {
                        plain.push(d);
                    }
                });
            }
        }
        Cow::Owned(plain)
    };
    let joined = join_spelled_out(&plain);
    if joined.is_ascii() {
        return ascii_letters(joined.as_bytes());
    }
    let mut latin_words = String::with_capacity(joined.len());
    for word in joined.split_inclusive(|c: char| !c.is_alnum() && !apostrophe(c)) {
        latinized(word, &mut latin_words);
    }
    let mut out = Vec::with_capacity(latin_words.len());
    for c in latin_words.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        push_decomposed(c, |d| {
            if !d.is_mark() && !ignorable(d) {
                out.push(d);
            }
        });
    }
    // Only words written in Latin letters are transliterated: a Latin
    // letter in a Cyrillic word is a look-alike ("CБ" is "СБ", not "ЦБ"),
    // which the spelling as written reads.
    let latin_word = latin_word_mask(&out);
    LatinLetters {
        chars: out,
        latin_word,
    }
}

/// `latin_letters` past the joining, for a text all in ASCII: a word
/// with a letter is all Latin letters, digits and apostrophes, so it is a
/// Latin word (`latin_word_mask`) whose digits read as letters
/// (`latinized`); a word without one stays as it is, in none. No
/// character has parts to decompose.
fn ascii_letters(text: &[u8]) -> LatinLetters {
    let mut chars: Vec<char> = text.iter().map(|&b| char::from(b)).collect();
    let mut latin_word = vec![false; text.len()];
    // (One walk: the kinds of character met in the word under way, and
    // where it started; a word is settled where a character of none ends
    // it, or the text does. Settling a stretch without a letter, between
    // two such characters, does nothing.)
    let mut settle = |word: std::ops::Range<usize>, kinds: u8| {
        if kinds & IN_WORD_LETTER != 0 {
            latin_word[word.clone()].fill(true);
            // (Most words have no digit: nothing to read as a letter.)
            if kinds & IN_WORD_DIGIT != 0 {
                for c in &mut chars[word] {
                    *c = latin_letter_of_digit(*c).unwrap_or(*c);
                }
            }
        }
    };
    let (mut start, mut kinds) = (0, 0);
    for (i, &b) in text.iter().enumerate() {
        let kind = ASCII_IN_WORD[usize::from(b & 0x7F)];
        if kind == 0 {
            settle(start..i, kinds);
            (start, kinds) = (i + 1, 0);
        } else {
            kinds |= kind;
        }
    }
    settle(start..text.len(), kinds);
    LatinLetters { chars, latin_word }
}

/// What an ASCII character is in a word of `ascii_letters` (letters,
/// digits and apostrophes): a letter, a digit, an apostrophe, or 0 for
/// none of them (the word ends). From a table made when compiling.
const ASCII_IN_WORD: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            IN_WORD_LETTER
        } else if c.is_ascii_digit() {
            IN_WORD_DIGIT
        } else if apostrophe(c as char) {
            IN_WORD_APOSTROPHE
        } else {
            0
        };
        b += 1;
    }
    table
};

const IN_WORD_LETTER: u8 = 1;
const IN_WORD_DIGIT: u8 = 2;
const IN_WORD_APOSTROPHE: u8 = 4;

/// How `transliterate_at` reads a letter.
#[derive(Clone, Copy)]
pub(super) enum Read {
    /// As written.
    AsWritten,
    /// In a Latin word: as a sound, unless it is a lone letter (an
    /// initial or a look-alike, `lone_letter`).
    InLatinWord,
    /// As a sound (a Latin letter inside a Cyrillic word).
    AsSound,
}

/// Whether `transliterate_at` reads `c` as written, whatever is around
/// it: no Latin letter or one read as written, and no apostrophe (a soft
/// sign between Latin letters). Most characters of a text are: pushed by
/// the caller, without the call.
fn read_as_written(c: char, read: Read) -> bool {
    !apostrophe(c) && (matches!(read, Read::AsWritten) || !c.is_ascii_alphabetic())
}

/// Where `transliterate_at` writes: a text (`mixed_as_sounds`), or the
/// characters the fold reads (`transliterated`).
pub(super) trait Written {
    fn push(&mut self, c: char);
    fn push_str(&mut self, s: &str);
}

impl Written for String {
    fn push(&mut self, c: char) {
        String::push(self, c);
    }

    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

impl Written for Vec<char> {
    fn push(&mut self, c: char) {
        Vec::push(self, c);
    }

    fn push_str(&mut self, s: &str) {
        self.extend(s.chars());
    }
}

/// Writes the reading of the letters at `chars[i..]` to `out`; returns how
/// many it read (a group such as "shch" is one sound).
pub(super) fn transliterate_at(
    chars: &[char],
    i: usize,
    read: Read,
    latin: Latin,
    out: &mut impl Written,
) -> usize {
    let c = chars[i];
    if !c.is_ascii_alphabetic() {
        // An apostrophe inside a Latin word is a soft sign, read as nothing.
        let soft_sign = apostrophe(c)
            && i > 0
            && chars[i - 1].is_ascii_alphabetic()
            && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic);
        if !soft_sign {
            out.push(c);
        }
        return 1;
    }
    let kept = match read {
        Read::AsWritten => true,
        Read::InLatinWord => lone_letter(chars, i),
        Read::AsSound => false,
    };
    if kept {
        out.push(c);
        return 1;
    }
    // (Looked at only in the scheme that reads it: asked of every letter.)
    let informal = latin
        .informal_i
        .then(|| informal_i_at(chars, i, latin.case_breaks));
    if let Some(sound) = informal.flatten() {
        let len = sound.chars().count();
        if c.is_ascii_uppercase() {
            sound
                .chars()
                .flat_map(char::to_uppercase)
                .for_each(|u| out.push(u));
        } else {
            out.push_str(sound);
        }
        return len;
    }
    if let Some(sound) = j_or_y(chars, i, latin) {
        out.push_str(sound);
        return 1;
    }
    let Some(g) = group_at(chars, i, latin) else {
        out.push(c);
        return 1;
    };
    let (group, cyrillic) = LATIN_TO_CYRILLIC[g];
    if c.is_ascii_uppercase() {
        out.push_str(&capitals()[g]);
    } else {
        out.push_str(cyrillic);
    }
    group.len()
}

/// The Cyrillic of each group of `LATIN_TO_CYRILLIC` in capitals.
pub(super) fn capitals() -> &'static [String] {
    static CAPITALS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CAPITALS.get_or_init(|| {
        LATIN_TO_CYRILLIC
            .iter()
            .map(|(_, cyrillic)| cyrillic.chars().flat_map(char::to_uppercase).collect())
            .collect()
    })
}

/// A lone letter is an initial or a look-alike ("C.Б."), not a sound: it
/// stays as written. Unless it is one of several Latin initials ("S. B. U.").
pub(super) fn lone_letter(chars: &[char], i: usize) -> bool {
    let letter_at = |j: usize| chars.get(j).is_some_and(|n| n.is_alpha() || apostrophe(*n));
    let lone = !(letter_at(i + 1) || i > 0 && letter_at(i - 1));
    if !lone {
        return false;
    }
    let next_letter = chars[i + 1..].iter().find(|n| n.is_alpha());
    let previous_letter = chars[..i].iter().rev().find(|n| n.is_alpha());
    let latin_initials = next_letter
        .or(previous_letter)
        .is_some_and(char::is_ascii_alphabetic);
    !latin_initials
}

/// A Latin vowel or "y", in either case. (A match, not a search of a
/// string of them: asked of nearly every letter transliterated.)
fn vowel_or_y(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A "y" that ends a word after a consonant ("Kaspy", not "Natsionalnyy"
/// or "Vy"): read "ы" or "и" (`Latin`). Not after "c": "-cy" is English
/// ("Policy", "Agency"), where the "c" is no "ц".
pub(super) fn final_y(chars: &[char], i: usize) -> bool {
    let consonant =
        |c: char| c.is_ascii_alphabetic() && !(vowel_or_y(c) || c.eq_ignore_ascii_case(&'c'));
    chars[i].eq_ignore_ascii_case(&'y')
        && i > 0
        && consonant(chars[i - 1])
        && i >= 2
        && chars[i - 2].is_ascii_alphabetic()
        && !chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
}

/// How the informal reading of "i" and "y" (`Latin`) reads `chars[i..]`
/// where it differs from the schemes: the Cyrillic, one letter of it per
/// Latin letter read.
#[inline]
pub(super) fn informal_i_at(chars: &[char], i: usize, case_breaks: bool) -> Option<&'static str> {
    // (Asked of every letter of every text, nearly all of which are no
    // "i", "y" or "j": those are passed at once.)
    if !chars
        .get(i)
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'i' | 'y' | 'j'))
    {
        return None;
    }
    informal_i_or_y_at(chars, i, case_breaks)
}

/// `informal_i_at` past its first look, at an "i", "y" or "j".
fn informal_i_or_y_at(chars: &[char], i: usize, case_breaks: bool) -> Option<&'static str> {
    let lower = |k: usize| chars.get(k).map(char::to_ascii_lowercase);
    // (Asked of every letter of every text: the letter before is looked
    // at only past an "i" or a "y".)
    let consonant_before =
        || i > 0 && chars[i - 1].is_ascii_alphabetic() && !vowel_or_y(chars[i - 1]);
    let vowel_before =
        || i > 0 && vowel_or_y(chars[i - 1]) && !chars[i - 1].eq_ignore_ascii_case(&'y');
    // (Where case breaks words, a capital after a small letter ends one
    // too: "PolitsiaRossii".)
    let ends_word_after = |k: usize| match chars.get(k) {
        Some(c) if c.is_ascii_alphabetic() => {
            case_breaks && c.is_ascii_uppercase() && chars[k - 1].is_ascii_lowercase()
        }
        _ => true,
    };
    match (lower(i), lower(i + 1)) {
        (Some('y'), _) if final_y(chars, i) => Some("и"),
        (Some('i'), Some('a')) if consonant_before() && ends_word_after(i + 2) => Some("ия"),
        (Some('i'), Some('u')) if consonant_before() && ends_word_after(i + 2) => Some("ию"),
        (Some('y' | 'j'), Some('o')) if vowel_before() => Some("й"),
        _ => None,
    }
}

/// "j" before a consonant or at the end is "й" (or "ж", as `latin` reads
/// it); "y" after a vowel is "й" ("Rayffayzen", "Natsionalnyy").
pub(super) fn j_or_y(chars: &[char], i: usize, latin: Latin) -> Option<&'static str> {
    let c = chars[i];
    // (Asked of every letter read, nearly all of which are neither.)
    if !matches!(c, 'j' | 'J' | 'y' | 'Y') {
        return None;
    }
    let vowel_next = chars
        .get(i + 1)
        .is_some_and(|n| matches!(n.to_ascii_lowercase(), 'a' | 'u' | 'e' | 'o'));
    if c.eq_ignore_ascii_case(&'j') && !vowel_next {
        return Some(match (c.is_ascii_uppercase(), latin.j == "ж") {
            (true, true) => "Ж",
            (true, false) => "Й",
            (false, _) => latin.j,
        });
    }
    let after_vowel = i > 0
        && matches!(
            chars[i - 1].to_ascii_lowercase(),
            'a' | 'e' | 'i' | 'o' | 'u' | 'y'
        );
    (c.eq_ignore_ascii_case(&'y') && after_vowel && !vowel_next)
        .then_some(if c.is_ascii_uppercase() { "Й" } else { "й" })
}

/// The longest Latin group at `chars[i..]` (its place in
/// `LATIN_TO_CYRILLIC`). A group never spans a word break by case
/// ("komitet|Sled").
pub(super) fn group_at(chars: &[char], i: usize, latin: Latin) -> Option<usize> {
    let c = chars[i];
    let groups = groups_starting(c);
    // (Most letters start no group longer than themselves: theirs is
    // read without a look at the letters after it.)
    if let [only] = groups {
        return (LATIN_TO_CYRILLIC[usize::from(*only)].0.len() == 1).then_some(usize::from(*only));
    }
    let window = LetterWindow::at(chars, i);
    // (A group breaks by case where a capital follows a small first
    // letter within its length.)
    let breaks_within =
        |len: usize| latin.case_breaks && c.is_ascii_lowercase() && window.capital_at < len;
    groups.iter().map(|&g| usize::from(g)).find(|&g| {
        let group = LATIN_TO_CYRILLIC[g].0.as_bytes();
        window.starts_with(group)
            && !breaks_within(group.len())
            && !(latin.ts_apart && matches!(group, b"ts" | b"tc"))
    })
}

/// The letters at `chars[i..]` as far as the longest group reaches, lowered
/// and as bytes, for comparing with the groups: asked of every Latin
/// letter, and compared with up to five groups each, a letter is lowered
/// once, not once per group.
struct LetterWindow {
    /// The ASCII letters lowered; 0 for any other character, and past the
    /// text's end.
    lowered: [u8; LONGEST_GROUP],
    /// Where the first capital after the first letter is (the window's
    /// length when there is none).
    capital_at: usize,
}

/// The length of the longest group of `LATIN_TO_CYRILLIC` ("shch").
const LONGEST_GROUP: usize = {
    let mut longest = 0;
    let mut g = 0;
    while g < LATIN_TO_CYRILLIC.len() {
        if LATIN_TO_CYRILLIC[g].0.len() > longest {
            longest = LATIN_TO_CYRILLIC[g].0.len();
        }
        g += 1;
    }
    longest
};

impl LetterWindow {
    fn at(chars: &[char], i: usize) -> LetterWindow {
        let mut window = LetterWindow {
            lowered: [0; LONGEST_GROUP],
            capital_at: LONGEST_GROUP,
        };
        for (k, &c) in chars[i..].iter().take(LONGEST_GROUP).enumerate() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            window.lowered[k] = c.to_ascii_lowercase() as u8;
            if k > 0 && c.is_ascii_uppercase() && window.capital_at == LONGEST_GROUP {
                window.capital_at = k;
            }
        }
        window
    }

    /// Whether the letters spell `group` (lowercase), in either case.
    fn starts_with(&self, group: &[u8]) -> bool {
        self.lowered.starts_with(group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_character_of_a_letter_token_is_one_by_the_table() {
        for c in (0..128u8).map(char::from) {
            let of_token = c.is_alpha() || apostrophe(c) || latin_letter_of_digit(c).is_some();
            assert_eq!(letter_token_char(c), of_token, "{c:?}");
        }
    }

    #[test]
    fn the_letters_read_their_own_way_are_told_by_one_look() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(read_own_way(c), "tTiIyYjJ".contains(c), "{c:?}");
        }
    }

    #[test]
    fn a_letter_of_one_sound_reads_as_its_group() {
        for letter in b'a'..=b'z' {
            let groups = groups_starting(char::from(letter));
            let (small, capital) = (
                ascii_letter(char::from(letter)),
                ascii_letter(char::from(letter.to_ascii_uppercase())),
            );
            assert_eq!(small.bit, 1 << (letter - b'a'));
            assert_eq!(capital.bit, small.bit);
            if matches!(letter, b'i' | b'y' | b'j') {
                assert!(small.sound.is_none() && capital.sound.is_none());
                continue;
            }
            let mut seconds = 0;
            for &g in groups {
                let (group, sound) = LATIN_TO_CYRILLIC[usize::from(g)];
                if group.len() == 1 {
                    assert_eq!(small.sound.unwrap().to_string(), sound);
                    assert_eq!(
                        capital.sound.unwrap().to_string(),
                        capitals()[usize::from(g)]
                    );
                } else {
                    seconds |= 1 << (group.as_bytes()[1] - b'a');
                }
            }
            assert_eq!(small.seconds, seconds);
            assert_eq!(capital.seconds, seconds);
        }
        // No other character is a letter to `one_sound`.
        for c in (0..0x800u32).filter_map(char::from_u32) {
            let letter = ascii_letter(c);
            assert_eq!(letter.bit != 0, c.is_ascii_alphabetic(), "{c:?}");
            assert!(c.is_ascii_alphabetic() || letter.sound.is_none(), "{c:?}");
        }
    }
}
