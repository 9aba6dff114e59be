//! Multi-letter look-alikes: letters drawn with several characters
//! ("|-|" for "Н", "rn" for "m", "bI" for "ы").

use super::super::class::{decomposed, Class};
use super::super::fold::{PICTOGRAPHS, UNKNOWN_LETTER};
use super::ignorable;
use super::marks::{enclosed, raised};

/// The text with every multi-letter group made of symbols ("|-|", ">|<")
/// as one unknown letter.
pub(super) fn groups_unknown(text: &str) -> std::borrow::Cow<'_, str> {
    static SYMBOL_GROUPS: std::sync::OnceLock<Vec<&Group>> = std::sync::OnceLock::new();
    let symbol_groups = SYMBOL_GROUPS.get_or_init(|| {
        MULTI_LETTER
            .iter()
            .zip(groups())
            .filter(|((from, _), _)| from.chars().any(|c| !c.is_alnum()))
            .map(|(_, group)| group)
            .collect()
    });
    // Only a group's own first character starts it: the symbol groups
    // read no look-alike classes (`part_matches`).
    // (So only the groups that start with that very character are tried.)
    let found = |rest: &str| {
        rest.chars()
            .next()
            .filter(|&c| SYMBOL_GROUP_STARTS.contains(&c))
            .and_then(|c| {
                let starting = move |group: &&Group| group.parts[0] == c;
                first_group(rest, symbol_groups.iter().copied().filter(starting))
            })
            .map(|(len, _)| len)
    };
    // (The starts are ASCII: a byte that is one is that character, so the
    // text is looked at without decoding it, and most texts have none.)
    let symbol_start = |b: u8| SYMBOL_START_BYTES[usize::from(b)];
    let Some(first) = text
        .bytes()
        .enumerate()
        .find(|&(i, b)| symbol_start(b) && found(&text[i..]).is_some())
        .map(|(i, _)| i)
    else {
        return text.into();
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        match found(rest) {
            Some(len) => {
                out.push(UNKNOWN_LETTER);
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out.into()
}

/// The first characters of the groups made of symbols (`MULTI_LETTER`).
pub(super) const SYMBOL_GROUP_STARTS: [char; 7] = ['|', 'I', '>', '}', '/', '(', '['];

/// `SYMBOL_GROUP_STARTS` by the byte that is each, in UTF-8. (A start
/// outside ASCII would not build: no byte alone is it.)
const SYMBOL_START_BYTES: [bool; 256] = {
    let mut bytes = [false; 256];
    let mut k = 0;
    while k < SYMBOL_GROUP_STARTS.len() {
        let start = SYMBOL_GROUP_STARTS[k];
        assert!(start.is_ascii());
        bytes[start as usize] = true;
        k += 1;
    }
    bytes
};

/// Groups a fraudster also spells out with the rest of the name, one
/// separator between their parts ("| - |", "|+-+|", "b I"): those with a
/// symbol or a capital I. ("c l" is two letters, not "d".)
pub(super) fn spells_out(group: &str) -> bool {
    group.chars().any(|c| !c.is_alnum() || c == 'I')
}

/// Whether a group can start with `c`: most characters of most names
/// cannot, and are passed at once.
pub(super) fn may_start_group(c: char) -> bool {
    // The first parts of the groups, and what stands for them.
    matches!(
        c,
        '|' | 'I'
            | '>'
            | '}'
            | '/'
            | '('
            | '['
            | 'J'
            | 'L'
            | 'Ь'
            | 'Ъ'
            | 'b'
            | 'ь'
            | 'r'
            | 'c'
            | 'с'
            | 'v'
            | 'V'
            | '@'
            | '$'
            | 'l'
            | 'і'
            | 'І'
            | '1'
            | 'ı'
            | 'Ӏ'
            | 'Ⅲ'
    )
}

/// Whether `c` stands for a group's `part`: in "bI" and "III", an 'I' is
/// any upright stroke but '|', which makes groups of its own ("b1", "ЬІ",
/// "IlI", "1II"), a 'b' any soft-sign shape ("Ьı"). In "IO" the 'I' is an 'I'
/// ("і0" is "і" and a zero).
pub(super) fn part_matches(c: char, part: char, group: &str) -> bool {
    part_matches_in(c, part, reads_classes(group))
}

/// The groups whose parts stand for classes of characters
/// (`part_matches`).
fn reads_classes(group: &str) -> bool {
    matches!(group, "bI" | "III" | "JI")
}

/// `part_matches`, with whether the group reads classes
/// (`reads_classes`) known: every group that does takes a '1' for its 'I'.
fn part_matches_in(c: char, part: char, classes: bool) -> bool {
    c == part
        || classes
            && match part {
                'I' => matches!(c, 'I' | 'l' | 'і' | 'І' | 'ı' | 'Ӏ' | '丨' | '1'),
                'b' => matches!(c, 'b' | 'Ь' | 'ь'),
                _ => false,
            }
}

/// A group of `MULTI_LETTER` as a try at matching it reads it: its parts
/// as characters and what its text says of it, read once, not at every
/// character a group may start at.
pub(super) struct Group {
    /// Its parts (`len` of them).
    parts: [char; MAX_GROUP_PARTS],
    len: usize,
    /// `reads_classes`.
    classes: bool,
    /// `spells_out`.
    spelled: bool,
    /// It is "III" (`parts_len`: "111" is a number).
    strokes: bool,
    /// The letter it reads as.
    to: &'static str,
}

/// The most parts a group of `MULTI_LETTER` has ("|\\/|").
const MAX_GROUP_PARTS: usize = 4;

impl Group {
    fn parts(&self) -> &[char] {
        &self.parts[..self.len]
    }
}

/// `MULTI_LETTER` as `Group`s, in its order.
fn groups() -> &'static [Group] {
    static GROUPS: std::sync::OnceLock<Vec<Group>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        MULTI_LETTER
            .iter()
            .map(|&(from, to)| {
                let mut parts = ['\0'; MAX_GROUP_PARTS];
                let mut len = 0;
                for (slot, c) in parts.iter_mut().zip(from.chars()) {
                    *slot = c;
                    len += 1;
                }
                assert_eq!(len, from.chars().count(), "{from}");
                Group {
                    parts,
                    len,
                    classes: reads_classes(from),
                    spelled: spells_out(from),
                    strokes: from == "III",
                    to,
                }
            })
            .collect()
    })
}

/// The length in bytes of `group` at the start of `text`: its parts one
/// after the other, or (`spaced`), for a group a fraudster spells out
/// (`spells_out`), with one separator (a space or punctuation, not a part
/// of the group) between them.
pub(super) fn parts_len(text: &str, group: &Group, spaced: bool) -> Option<usize> {
    let mut len = 0;
    let mut rest = text;
    for (k, &part) in group.parts().iter().enumerate() {
        if k > 0 && spaced {
            let sep = rest.chars().next()?;
            // A stroke is a part of some group, never the space between
            // two parts ("//|\\/|" is no spaced "/\\").
            let stroke = matches!(
                sep,
                '|' | '/' | '\\' | '(' | ')' | '[' | ']' | '<' | '>' | '{' | '}'
            );
            if sep.is_alnum() || group.parts().contains(&sep) || stroke {
                return None;
            }
            len += sep.len_utf8();
            rest = &rest[sep.len_utf8()..];
        }
        let c = rest.chars().next()?;
        if !part_matches_in(c, part, group.classes) {
            return None;
        }
        len += c.len_utf8();
        rest = &rest[c.len_utf8()..];
    }
    // Strokes with a "1" among them are a "Ш" ("мо1IIен"); "111" is a number,
    // and "ііі" a dotted "і" stretched ("Поліцііія"): dots are no strokes.
    let all_one = |one: char| {
        text[..len]
            .chars()
            .filter(|c| c.is_alnum())
            .all(|c| c == one)
    };
    (!group.strokes || !all_one('1') && !all_one('і')).then_some(len)
}

/// Letter groups that imitate one letter, and the letter a reader sees.
pub(super) const MULTI_LETTER: &[(&str, &str)] = &[
    ("|\\/|", "М"),
    ("/\\/\\", "М"),
    ("|\\|", "И"),
    ("|/|", "И"),
    ("|||", "Ш"),
    ("|3", "В"),
    ("/\\", "Л"),
    ("JI", "Л"),
    ("()", "О"),
    ("[]", "О"),
    ("LLI", "Ш"),
    ("|-|", "Н"),
    ("I-I", "Н"),
    (">|<", "Ж"),
    ("}|{", "Ж"),
    ("III", "Ш"),
    ("Ⅲ", "Ш"),
    ("lll", "ш"),
    ("Ill", "Ш"),
    ("ЬI", "Ы"),
    ("ЬІ", "Ы"),
    ("Ьl", "Ы"),
    ("ЪI", "Ы"),
    ("bI", "ы"),
    ("bl", "ы"),
    ("bı", "ы"),
    ("b1", "ы"),
    ("ьı", "ы"),
    ("bі", "ы"),
    ("ьі", "ы"),
    ("IO", "Ю"),
    ("I0", "Ю"),
    ("|0", "Ю"),
    ("rn", "m"),
    ("cl", "d"),
    ("сl", "d"),
    ("vv", "w"),
    ("VV", "W"),
];

/// The name with multi-letter look-alikes replaced, if it has any. A
/// capital-looking group after a small letter reads small ("Лео|-|ид" is
/// "Леонид", not "ЛеоНид", which would part the word).
pub(super) fn multi_letter(name: &str) -> Option<String> {
    groups_read(name, false)
}

/// The same, the groups read as the Latin letters they draw: "|\\|" as N,
/// "/\\" as A, and "IO" as the letters it is ("PREVE|\\|TIO|\\|"). (The
/// other groups' Cyrillic letters look like Latin ones already: Н, М, В.)
pub(super) fn multi_letter_latin(name: &str) -> Option<String> {
    groups_read(name, true)
}

pub(super) fn groups_read(name: &str, latin: bool) -> Option<String> {
    // (One look first, a character at a time: a text where every
    // character is its own group form and none starts a group has none.
    // Most texts stop here, after one table look-up a character.)
    if !needs_reading(name) {
        return None;
    }
    // Fullwidth and styled forms as plain ones ("｜－｜"), invisible
    // characters and marks inside a group gone ("|\u{200C}-|").
    let plain: std::borrow::Cow<str> = if name.chars().all(|c| group_form(c) == Some(c)) {
        name.into()
    } else {
        name.chars()
            .filter_map(group_form)
            .collect::<String>()
            .into()
    };
    let name = &*plain;
    // Nothing before the first group changes.
    let first = name
        .char_indices()
        .find(|&(i, c)| may_start_group(c) && group_at_start(&name[i..]).is_some())?
        .0;
    let mut out = String::with_capacity(name.len());
    out.push_str(&name[..first]);
    let mut rest = &name[first..];
    while let Some(c) = rest.chars().next() {
        // A group spelled out with the rest ("| - |" in "Т И | - | Ь",
        // "|+-+|", "b I").
        let group = group_at_start(rest);
        match group {
            Some((len, to)) => {
                // (Between two Latin letters "|\|" is an N, read in the
                // Latin spelling: "I|\|G" is no "IИG", "ІІД".)
                let between_latin = || {
                    out.chars()
                        .next_back()
                        .is_some_and(|b| b.is_ascii_alphabetic())
                        && rest[len..]
                            .chars()
                            .next()
                            .is_some_and(|a| a.is_ascii_alphabetic())
                };
                if latin && to == "Ю" || !latin && to == "И" && between_latin() {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
                let to = match to {
                    "И" if latin => "N",
                    "Л" if latin && rest.starts_with('/') => "A",
                    to => to,
                };
                // Small after a small letter (digits skipped): "и0|-||-|bIй"
                // is "и0нный"; at a word's start as written ("|-|БУ").
                let before_small = out
                    .chars()
                    .rev()
                    .find(|c| !c.is_ascii_digit())
                    .is_some_and(|c| c.is_lower());
                if before_small {
                    out.push_str(&to.to_lowercase());
                } else {
                    out.push_str(to);
                }
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Some(out)
}

/// Whether a group starts somewhere in `text`, or a character of it is
/// not its own group form (`group_form`): else `groups_read` changes
/// nothing. A group is tried only where its first two parts may stand
/// (`part_flags`): its first part, and its second one next to it or, for
/// a group spelled out, one character further (`parts_len` finds a group
/// nowhere else). A text of ASCII, the first Cyrillic block and emoji
/// (nearly every name) is looked at by its bytes (`group_bytes`): most
/// try no group at all ("соседка": no "с" has an "l" after it).
fn needs_reading(text: &str) -> bool {
    let bytes = text.as_bytes();
    if text.is_ascii() && !ascii_pairs_may_start(bytes) {
        return false;
    }
    let table = group_bytes();
    let starts_at = |from: usize| group_at_start(&text[from..]).is_some();
    // Whether the character at `at` may be a second part (`bit` of
    // `GroupBytes::second`): ASCII by its byte, the first Cyrillic block
    // by its second byte; an emoji is none, and another character is
    // read by `needs_reading_by_chars` when the walk comes to it.
    let second_at = |at: usize, bit: u8| match bytes.get(at) {
        Some(&b) if b < 0x80 => table.second[usize::from(b)] & bit != 0,
        Some(0xD0 | 0xD1) => bytes
            .get(at + 1)
            .is_some_and(|&n| table.second[usize::from(n)] & bit != 0),
        _ => false,
    };
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&b| table.ends[usize::from(b)] != 0)
    {
        let at = from + found;
        let flags = table.ends[usize::from(bytes[at])];
        from = at + 1;
        if flags & OTHER_CHAR != 0 {
            // (An emoji is no part of a group and its own group form.)
            if bytes[at] == 0xF0 && pictograph_at(&bytes[at..]) {
                from = at + 4;
                continue;
            }
            return needs_reading_by_chars(text);
        }
        // The character that ends at `at` (a byte inside an emoji ends
        // none: passed).
        let start = match at.checked_sub(1) {
            _ if bytes[at] < 0x80 => at,
            Some(lead) if matches!(bytes[lead], 0xD0 | 0xD1) => lead,
            _ => continue,
        };
        let tight = flags & ENDS_FIRST != 0 && second_at(at + 1, SECOND);
        // (A separator of one, two or four bytes: ASCII, Cyrillic, an
        // emoji.)
        let spaced = flags & ENDS_FIRST_SPELLED != 0
            && [2, 3, 5].iter().any(|&k| second_at(at + k, SECOND_SPELLED));
        if (tight || spaced) && starts_at(start) {
            return true;
        }
    }
    false
}

/// Whether the bytes start with an emoji (`PICTOGRAPHS`: U+1F300 to
/// U+1FAFF, F0 9F 8C 80 to F0 9F AB BF in UTF-8).
fn pictograph_at(bytes: &[u8]) -> bool {
    matches!(bytes, [0xF0, 0x9F, 0x8C..=0xAB, 0x80..=0xBF, ..])
}

/// What `needs_reading` looks for, per byte of UTF-8.
struct GroupBytes {
    /// Per byte: the last byte of a character of ASCII or the first
    /// Cyrillic block that may be a group's first part (`ENDS_FIRST`,
    /// `ENDS_FIRST_SPELLED`), or the first byte of another character
    /// (`OTHER_CHAR`: not looked at by its bytes).
    ends: [u8; 256],
    /// Per byte: an ASCII character, or the second byte of a character of
    /// the first Cyrillic block, that may be a group's second part
    /// (`SECOND`, `SECOND_SPELLED`).
    second: [u8; 256],
}

const ENDS_FIRST: u8 = 1;
const ENDS_FIRST_SPELLED: u8 = 1 << 1;
const OTHER_CHAR: u8 = 1 << 2;

fn group_bytes() -> &'static GroupBytes {
    static BYTES: std::sync::OnceLock<GroupBytes> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let mut bytes = GroupBytes {
            ends: [0; 256],
            second: [0; 256],
        };
        // Lead bytes of characters past ASCII but the first Cyrillic
        // block's (U+0400..U+047F: 0xD0, 0xD1).
        for b in 0xC0..=0xFF {
            if !matches!(b, 0xD0 | 0xD1) {
                bytes.ends[b] |= OTHER_CHAR;
            }
        }
        for c in (0..0x80).chain(0x400..0x480).filter_map(char::from_u32) {
            let flags = part_flags(c);
            let mut buf = [0; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let last = usize::from(encoded[encoded.len() - 1]);
            // (None is: `needs_reading_by_chars` would read it.)
            if flags & (NOT_OWN_FORM | ALONE) != 0 {
                bytes.ends[last] |= OTHER_CHAR;
            }
            if flags & FIRST != 0 {
                bytes.ends[last] |= ENDS_FIRST;
            }
            if flags & FIRST_SPELLED != 0 {
                bytes.ends[last] |= ENDS_FIRST_SPELLED;
            }
            bytes.second[last] |= flags & (SECOND | SECOND_SPELLED);
        }
        bytes
    })
}

/// `needs_reading`, a character at a time, each decoded.
fn needs_reading_by_chars(text: &str) -> bool {
    let bytes = text.as_bytes();
    let table = part_flags_table();
    // The flags of the character before and of the one before it, and
    // where each starts. (One test a character: a first part's flag
    // shifted onto the second part's says the two may stand so.)
    let (mut one_back, mut two_back) = (0u8, 0u8);
    let (mut one_back_at, mut two_back_at) = (0, 0);
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let (flags, len) = if b < 0x80 {
            (table[usize::from(b)], 1)
        } else if b < 0xE0 {
            let low = bytes.get(at + 1).map_or(0, |n| usize::from(n & 0x3F));
            let cp = (usize::from(b & 0x1F) << 6) | low;
            let flags = match table.get(cp) {
                Some(&flags) => flags,
                None => char::from_u32(cp as u32).map_or(0, part_flags),
            };
            (flags, 2)
        } else {
            let Some(c) = text[at..].chars().next() else {
                return false;
            };
            (part_flags(c), c.len_utf8())
        };
        let may = NOT_OWN_FORM | ALONE | (one_back & FIRST) << 2 | (two_back & FIRST_SPELLED) << 2;
        if flags & may != 0 {
            let starts_at = |from: usize| group_at_start(&text[from..]).is_some();
            if flags & NOT_OWN_FORM != 0
                || flags & ALONE != 0 && starts_at(at)
                || flags & SECOND != 0 && one_back & FIRST != 0 && starts_at(one_back_at)
                || flags & SECOND_SPELLED != 0
                    && two_back & FIRST_SPELLED != 0
                    && starts_at(two_back_at)
            {
                return true;
            }
        }
        (two_back, two_back_at) = (one_back, one_back_at);
        (one_back, one_back_at) = (flags, at);
        at += len;
    }
    false
}

/// The character is not its own group form (`group_form`).
const NOT_OWN_FORM: u8 = 1;
/// It may be the first part of a group of two parts or more. (Two bits
/// below `SECOND`, as `FIRST_SPELLED` is below `SECOND_SPELLED`:
/// `needs_reading` shifts one onto the other.)
const FIRST: u8 = 1 << 1;
/// ... of a group spelled out (`spells_out`).
const FIRST_SPELLED: u8 = 1 << 2;
/// It may be the second part of a group.
const SECOND: u8 = 1 << 3;
/// ... of a group spelled out.
const SECOND_SPELLED: u8 = 1 << 4;
/// It may be a group of one part ("Ⅲ").
const ALONE: u8 = 1 << 5;

/// What `needs_reading` needs of a character: whether it is its own
/// group form, and which parts of which groups it may be
/// (`part_matches`).
fn part_flags(c: char) -> u8 {
    let mut flags = 0;
    if group_form(c) != Some(c) {
        flags |= NOT_OWN_FORM;
    }
    // (A part of a group, or what stands for one, is in `in_some_group`:
    // any other character is passed after a search.)
    if !in_some_group(c) {
        return flags;
    }
    for group in groups() {
        let spelled = if group.spelled { !0 } else { 0 };
        if group.len == 1 && part_matches_in(c, group.parts[0], group.classes) {
            flags |= ALONE;
        }
        if group.len >= 2 && part_matches_in(c, group.parts[0], group.classes) {
            flags |= FIRST | FIRST_SPELLED & spelled;
        }
        if group.len >= 2 && part_matches_in(c, group.parts[1], group.classes) {
            flags |= SECOND | SECOND_SPELLED & spelled;
        }
    }
    flags
}

/// `part_flags` of the characters below U+0530 (ASCII, Latin, Greek,
/// Cyrillic), made once.
fn part_flags_table() -> &'static [u8] {
    const TABLE_END: u32 = 0x530;
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).map_or(0, part_flags))
            .collect()
    })
}

/// Whether an ASCII text has two characters that may be the first two
/// parts of a group: side by side, or one character apart (a group
/// spelled out, "b I"). Every group that starts with an ASCII character
/// has two parts or more ("Ⅲ" alone has one), and `group_at_start` finds
/// a group only where its first two parts stand so (`parts_len`): a text
/// without such two characters has no group, and is passed after a
/// look-up per byte (most Latin names).
fn ascii_pairs_may_start(bytes: &[u8]) -> bool {
    let pairs = ascii_first_pairs();
    let holds = |set: &[[u8; 16]; 128], first: u8, second: Option<&u8>| {
        second.is_some_and(|&b| {
            set[usize::from(first & 0x7F)][usize::from(b >> 3 & 0xF)] >> (b & 7) & 1 != 0
        })
    };
    (0..bytes.len()).any(|i| {
        let first = bytes[i];
        pairs.first[usize::from(first & 0x7F)]
            && (holds(&pairs.tight, first, bytes.get(i + 1))
                || holds(&pairs.spaced, first, bytes.get(i + 2)))
    })
}

/// Per ASCII character, whether it may be a group's first part, and the
/// ASCII characters that may follow it as that group's second part (a
/// bit each): tight, and (in a group spelled out, `spells_out`) after
/// one separator.
struct AsciiPairs {
    first: [bool; 128],
    tight: [[u8; 16]; 128],
    spaced: [[u8; 16]; 128],
}

fn ascii_first_pairs() -> &'static AsciiPairs {
    static PAIRS: std::sync::OnceLock<AsciiPairs> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs = AsciiPairs {
            first: [false; 128],
            tight: [[0; 16]; 128],
            spaced: [[0; 16]; 128],
        };
        let ascii = || (0..128u8).map(char::from);
        for group in groups().iter().filter(|group| group.len >= 2) {
            let stands = |k: usize| {
                ascii().filter(move |&c| part_matches_in(c, group.parts[k], group.classes))
            };
            for first in stands(0) {
                let first = first as usize;
                pairs.first[first] = true;
                for second in stands(1) {
                    let (byte, bit) = (second as usize >> 3, 1 << (second as u32 & 7));
                    pairs.tight[first][byte] |= bit;
                    if group.spelled {
                        pairs.spaced[first][byte] |= bit;
                    }
                }
            }
        }
        pairs
    })
}

/// A character as multi-letter groups read it: marks and invisible
/// characters gone (`None`), fullwidth and styled forms of ASCII as ASCII
/// ("｜－｜", "𝐛𝐈"), other letters as they are ('ϲ' is no 'ς'), "™" no
/// "TM". From a table for the first blocks.
pub(super) fn group_form(c: char) -> Option<char> {
    const TABLE_END: u32 = 0x530;
    fn form(c: char) -> Option<char> {
        // Emoji, asked about in many names, are none of a group's
        // characters and decompose to nothing else: as they are, at once
        // (a test makes sure).
        if PICTOGRAPHS.contains(&(c as u32)) {
            return Some(c);
        }
        if c.is_mark() || ignorable(c) {
            return None;
        }
        // (A space keeps its width: an ideographic space between words is
        // wider than the gaps between spelled-out letters.)
        if c.is_ascii() || c.is_space() {
            return Some(c);
        }
        // A trademark sign drawn in letters ("🅁", "ᵀᴹ") stays a sign for
        // the spelling that reads it (`marks.rs`): no group has its letters.
        if enclosed(c) || raised(c) {
            return Some(c);
        }
        let parts = decomposed(c);
        let mut parts = parts.iter().copied().filter(|&d| !d.is_mark());
        Some(match (parts.next(), parts.next()) {
            (Some(d), None) if d.is_ascii() => d,
            _ => c,
        })
    }
    static TABLE: std::sync::OnceLock<Vec<Option<char>>> = std::sync::OnceLock::new();
    if c as u32 >= TABLE_END {
        return form(c);
    }
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).and_then(form))
            .collect()
    });
    table[c as usize]
}

/// The first multi-letter group at the start of `text`: its length in
/// bytes and the letter it reads as. Only the groups whose first part the
/// first character can be are tried.
pub(super) fn group_at_start(text: &str) -> Option<(usize, &'static str)> {
    let c = text.chars().next()?;
    // (Asked at every character of a text re-spelt: most start none.)
    if !may_start_group(c) {
        return None;
    }
    // A letter or digit after the first part is a second part, or no
    // group starts here (spelled out, a separator follows the first part;
    // "Ⅲ" is a group alone): most places a group may start, passed
    // without trying one ("се", "со").
    let mut rest = text.chars();
    rest.next();
    if rest
        .next()
        .is_some_and(|next| next.is_alnum() && !in_some_group(next))
        && c != 'Ⅲ'
    {
        return None;
    }
    let groups = groups_from(c);
    if groups.is_empty() {
        return None;
    }
    let all = self::groups();
    first_group(text, groups.iter().map(|&g| &all[usize::from(g)]))
}

/// The first of `groups` at the start of `text`, written tight before any
/// spelled out: "|-| |-|" is two "Н", not a spaced "|||".
pub(super) fn first_group(
    text: &str,
    groups: impl Iterator<Item = &'static Group> + Clone,
) -> Option<(usize, &'static str)> {
    let tight = groups
        .clone()
        .find_map(|group| parts_len(text, group, false).map(|len| (len, group.to)));
    // Spelled out, a separator follows the first part: inside a word
    // nothing is spelled out.
    let mut chars = text.chars();
    chars.next();
    if tight.is_some() || chars.next().is_none_or(|c| c.is_alnum()) {
        return tight;
    }
    tight.or_else(|| {
        groups
            .filter(|group| group.spelled)
            .find_map(|group| parts_len(text, group, true).map(|len| (len, group.to)))
    })
}

/// Characters that stand for a group's part besides the part itself
/// (`part_matches`).
pub(super) const STANDS_FOR_PARTS: &str = "IlіІıӀ1bЬь";

/// Whether `c` is a part of a group of `MULTI_LETTER` or stands for one
/// (`part_matches`): any other letter or digit after a group's first part
/// ends the try.
fn in_some_group(c: char) -> bool {
    static CHARS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let chars = CHARS.get_or_init(|| {
        let mut chars: Vec<char> = MULTI_LETTER
            .iter()
            .flat_map(|(from, _)| from.chars())
            .chain(STANDS_FOR_PARTS.chars())
            .chain(['丨'])
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    chars.binary_search(&c).is_ok()
}

/// The groups of `MULTI_LETTER` whose first part `c` can be, in order.
pub(super) fn groups_from(c: char) -> &'static [u8] {
    // (Only a character `may_start_group` passes starts one, a test makes
    // sure: the others are passed without a search.)
    if !may_start_group(c) {
        return &[];
    }
    static BY_FIRST: std::sync::OnceLock<Vec<(char, Vec<u8>)>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first: Vec<(char, Vec<u8>)> = Vec::new();
        // Every character that is some group's first part: the parts
        // themselves and what `part_matches` lets stand for them.
        let candidates = MULTI_LETTER
            .iter()
            .flat_map(|(from, _)| from.chars())
            .chain(STANDS_FOR_PARTS.chars());
        for c in candidates {
            if by_first.iter().any(|(k, _)| *k == c) {
                continue;
            }
            let groups: Vec<u8> = (0..MULTI_LETTER.len() as u8)
                .filter(|&g| {
                    let from = MULTI_LETTER[usize::from(g)].0;
                    from.chars()
                        .next()
                        .is_some_and(|p| part_matches(c, p, from))
                })
                .collect();
            by_first.push((c, groups));
        }
        // (Sorted, for a binary search: asked at every character that
        // may start a group, in every text re-spelt.)
        by_first.sort_unstable_by_key(|(k, _)| *k);
        by_first
    });
    by_first
        .binary_search_by_key(&c, |(k, _)| *k)
        .map_or(&[], |at| by_first[at].1.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_a_group_is_in_some_group() {
        // (`group_at_start` passes a place whose second character is a
        // letter or digit in no group.)
        for (from, _) in MULTI_LETTER {
            let classes = reads_classes(from);
            assert!(from.chars().count() > 1 || *from == "Ⅲ", "{from}");
            for part in from.chars() {
                for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                    if part_matches_in(c, part, classes) {
                        assert!(in_some_group(c), "{c:?} in {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_and_the_first_cyrillic_block_are_their_own_group_forms() {
        for c in (0..0x80).chain(0x400..0x480).filter_map(char::from_u32) {
            assert_eq!(group_form(c), Some(c), "{c:?}");
            let text = format!("{c}");
            assert_eq!(
                needs_reading(&text),
                group_at_start(&text).is_some(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn an_ascii_text_with_a_group_has_two_of_its_parts_near() {
        // Every text of two and three printable ASCII characters.
        let printable: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
        let found = |text: &str| (0..text.len()).any(|i| group_at_start(&text[i..]).is_some());
        for &a in &printable {
            for &b in &printable {
                let two = format!("{a}{b}");
                assert!(
                    !found(&two) || ascii_pairs_may_start(two.as_bytes()),
                    "{two:?}"
                );
                for &c in &printable {
                    let three = format!("{a}{b}{c}");
                    let passed = ascii_pairs_may_start(three.as_bytes());
                    assert!(!found(&three) || passed, "{three:?}");
                }
            }
        }
        // Every group of ASCII written tight and spelled out, each part
        // as any ASCII character that stands for it.
        for group in groups()
            .iter()
            .filter(|g| g.parts().iter().all(char::is_ascii))
        {
            let mut texts = vec![String::new()];
            for (k, &part) in group.parts().iter().enumerate() {
                let stand: Vec<char> = (0..128u8)
                    .map(char::from)
                    .filter(|&c| part_matches_in(c, part, group.classes))
                    .collect();
                texts = texts
                    .iter()
                    .flat_map(|t| stand.iter().map(move |&c| (t.clone(), c)))
                    .map(|(t, c)| {
                        if k > 0 {
                            format!("{t}\u{1}{c}")
                        } else {
                            format!("{t}{c}")
                        }
                    })
                    .collect();
            }
            for text in texts {
                for sep in ["", " ", "."] {
                    let text = text.replace('\u{1}', sep);
                    assert!(
                        !found(&text) || ascii_pairs_may_start(text.as_bytes()),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_group_is_tried_wherever_one_may_start() {
        // `needs_reading` against a try at every character.
        let by_chars = |text: &str| {
            text.char_indices()
                .any(|(i, c)| group_form(c) != Some(c) || group_at_start(&text[i..]).is_some())
        };
        let mut alphabet: Vec<char> = MULTI_LETTER
            .iter()
            .flat_map(|(from, _)| from.chars())
            .chain(STANDS_FOR_PARTS.chars())
            .chain("丨 .-_+ссеьЬаbnrlI10Ⅲ🌸é\u{301}\u{200C}｜－".chars())
            .collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        // And of ASCII, the first Cyrillic block and emoji only (read by
        // their bytes).
        let by_bytes: Vec<char> = alphabet
            .iter()
            .copied()
            .filter(|&c| c.is_ascii() || ('\u{400}'..'\u{480}').contains(&c))
            .chain("🌸⭕Ёёцжр".chars())
            .collect();
        let mut random = crate::testing::Xorshift::new(0x2026_1208);
        for _ in 0..200_000 {
            for alphabet in [&alphabet, &by_bytes] {
                let text = random.text(alphabet, 8);
                assert_eq!(needs_reading(&text), by_chars(&text), "{text:?}");
            }
        }
        // Every character below U+0800 between two letters, and after
        // and before each part.
        let parts: Vec<char> = alphabet.clone();
        for c in (0..0x800).filter_map(char::from_u32) {
            for text in [format!("а{c}а"), format!("{c}")] {
                assert_eq!(needs_reading(&text), by_chars(&text), "{text:?}");
            }
            for &p in &parts {
                let texts = [
                    format!("{p}{c}"),
                    format!("{c}{p}"),
                    format!("{p} {c}"),
                    format!("{c} {p}"),
                    format!("{p}🌸{c}"),
                    format!("{p}ж{c}"),
                ];
                for text in texts {
                    assert_eq!(needs_reading(&text), by_chars(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn emoji_are_as_they_are_in_groups() {
        for c in PICTOGRAPHS.filter_map(char::from_u32) {
            assert!(!c.is_mark() && !ignorable(c) && !c.is_space(), "{c:?}");
            assert_eq!(*decomposed(c), [c], "{c:?}");
            assert!(!may_start_group(c), "{c:?}");
        }
    }
}
