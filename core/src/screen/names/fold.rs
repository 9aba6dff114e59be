//! What a customer *sees* in a display name, in a form that compares.
//!
//! A fraudster controls every character of the name, so folding works on
//! the text as a phone renders it:
//! 1. explicit bidi overrides are applied (an RLO makes reversed text read
//!    forward), then every bidi control is dropped;
//! 2. each character is decomposed (NFKD: fullwidth, ligatures, accents)
//!    and every combining mark and invisible character is dropped;
//! 3. each remaining character becomes a [`Look`]: the ways a reader can
//!    take it. Those are its confusable prototype (Unicode TS #39) taken
//!    from the character itself, its upper case and its lower case, plus
//!    digits read as letters (`1`/`и`, `5`/`s`, `4`/`a`, `8`/`в`, `0`/`о`).
//!    Two characters *look alike* when their Looks share a reading, so
//!    Latin `H` meets Cyrillic `Н` and `н`, whatever case each side is in;
//! 4. what is not a letter or digit separates words.
//!
//! No length cut happens before invisible characters are gone: a name is
//! cut only after folding, at `MAX_FOLDED_CHARS` visible characters.

use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// Visible characters kept per name: bounded work per call.
pub const MAX_FOLDED_CHARS: usize = 256;

/// Raw characters read per name: a bound against hostile input that is
/// mostly invisible. Generous, because invisible characters cost nothing to
/// the renderer and must not push the bank's name out of reach; they cost
/// us nothing either (see `common_invisible`).
const MAX_RAW_CHARS: usize = 65_536;

/// Digits and letters a reader takes for one another in a name ("Пр1мер",
/// "5ber"): extra readings of the digit.
const DIGIT_READINGS: &[(char, &[char])] = &[
    ('0', &['o']),
    ('1', &['i', 'и']),
    ('3', &['з', 'e']),
    ('4', &['a', 'ч']),
    ('5', &['s']),
    ('6', &['б', 'b']),
    ('8', &['в', 'b']),
];

/// Letters read as other letters: italic and handwritten Cyrillic forms
/// ("npuмep" for "пример", "ɡpyroй" for "другой"), `@` for `a`.
const LETTER_READINGS: &[(char, &[char])] = &[
    ('и', &['i', 'u']),
    ('п', &['n']),
    ('д', &['g']),
    ('г', &['r']),
    ('т', &['m']),
    ('@', &['a']),
];

/// Latin small capitals (not in the confusables table): what they read as.
const SMALL_CAPITALS: &[(char, char)] = &[
    ('ᴀ', 'a'),
    ('ʙ', 'b'),
    ('ᴄ', 'c'),
    ('ᴅ', 'd'),
    ('ᴇ', 'e'),
    ('ꜰ', 'f'),
    ('ɢ', 'g'),
    ('ʜ', 'h'),
    ('ɪ', 'i'),
    ('ᴊ', 'j'),
    ('ᴋ', 'k'),
    ('ʟ', 'l'),
    ('ᴍ', 'm'),
    ('ɴ', 'n'),
    ('ᴏ', 'o'),
    ('ᴘ', 'p'),
    ('ʀ', 'r'),
    ('ꜱ', 's'),
    ('ᴛ', 't'),
    ('ᴜ', 'u'),
    ('ᴠ', 'v'),
    ('ᴡ', 'w'),
    ('ʏ', 'y'),
    ('ᴢ', 'z'),
];

/// Enclosed letters NFKD leaves alone (negative circled 🅐, squared 🄰,
/// negative squared 🅰, regional indicators 🇦): first code point of A–Z.
const ENCLOSED_ALPHABETS: &[u32] = &[0x1F130, 0x1F150, 0x1F170, 0x1F1E6];

/// What a letter-like symbol spells, before anything else.
fn spelled(c: char) -> Option<char> {
    let cp = c as u32;
    if let Some(base) = ENCLOSED_ALPHABETS
        .iter()
        .find(|&&b| (b..b + 26).contains(&cp))
    {
        return char::from_u32('a' as u32 + cp - base);
    }
    SMALL_CAPITALS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, l)| *l)
}

/// The ways one visible character reads, sorted, `'\0'` for unused slots,
/// with a 64-bit signature of them: most comparisons end at one AND.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    readings: [char; 6],
    signature: u64,
}

impl Look {
    /// Whether two characters can be read as the same letter.
    pub fn meets(self, other: Look) -> bool {
        self.signature & other.signature != 0
            && self.readings().any(|a| other.readings().any(|b| a == b))
    }

    fn readings(self) -> impl Iterator<Item = char> {
        self.readings.into_iter().filter(|c| *c != '\0')
    }

    fn of(readings: &[char]) -> Look {
        let mut sorted: Vec<char> = readings.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut look = Look::default();
        for (slot, c) in look.readings.iter_mut().zip(sorted) {
            *slot = c;
            look.signature |= 1 << ((c as u32).wrapping_mul(0x9E37_79B9) >> 26);
        }
        look
    }
}

/// Same length and every position meets.
pub fn same_look(a: &[Look], b: &[Look]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.meets(*y))
}

/// A folded name: visible letters and digits, each marked with whether a
/// word starts there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub looks: Vec<Look>,
    pub word_start: Vec<bool>,
}

impl Folded {
    pub fn is_empty(&self) -> bool {
        self.looks.is_empty()
    }

    pub fn len(&self) -> usize {
        self.looks.len()
    }

    /// The number of words.
    pub fn words(&self) -> usize {
        self.word_start.iter().filter(|s| **s).count()
    }

    /// How many characters from `i` to the end of the word `i` is in
    /// (0 when a new word starts at `i`, or at the end).
    pub fn rest_of_word(&self, i: usize) -> usize {
        (i..self.len()).take_while(|&j| !self.word_start[j]).count()
    }

    /// Does `word` appear at `at`?
    pub fn has_at(&self, at: usize, word: &[Look]) -> bool {
        at + word.len() <= self.len() && same_look(&self.looks[at..at + word.len()], word)
    }
}

/// What one source character becomes.
#[derive(Debug, Clone)]
enum Piece {
    /// Invisible: no trace, not even a word break.
    Nothing,
    /// A space, punctuation, a symbol: ends the word.
    Break,
    Looks(Vec<Look>),
}

fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

/// The readings of one decomposed, visible character.
fn look_of(d: char) -> Option<Look> {
    readings_of(d).map(|r| Look::of(&r))
}

fn readings_of(d: char) -> Option<Vec<char>> {
    let own = own_readings(d);
    match spelled(d).and_then(own_readings) {
        Some(mut letter) => {
            letter.extend(own.unwrap_or_default());
            Some(letter)
        }
        None => own,
    }
}

fn own_readings(d: char) -> Option<Vec<char>> {
    let prototype = |c: char| -> Option<Option<char>> {
        let mut buf = [0; 4];
        let proto: Vec<char> = skeleton(c.encode_utf8(&mut buf))
            .filter(|p| !is_combining_mark(*p))
            .collect();
        match proto.as_slice() {
            [] => None,
            [p] => Some(single(p.to_lowercase())),
            _ => Some(None), // "m" → "rn": not one character
        }
    };
    // An invisible character (a default-ignorable one) has an empty skeleton.
    prototype(d)?;
    let mut readings: Vec<char> = [Some(d), single(d.to_uppercase()), single(d.to_lowercase())]
        .into_iter()
        .flatten()
        .filter_map(|c| prototype(c).flatten())
        .collect();
    if readings.is_empty() {
        readings.extend(single(d.to_lowercase()).or(Some(d)));
    }
    for &(from, letters) in DIGIT_READINGS.iter().chain(LETTER_READINGS) {
        if d == from || readings.contains(&from) {
            readings.extend_from_slice(letters);
        }
    }
    let visible = readings.iter().any(|c| c.is_alphanumeric()) || d.is_alphanumeric();
    visible.then_some(readings)
}

/// The slow path: NFKD, marks and invisible characters dropped, each part looked up.
fn piece_slow(c: char) -> Piece {
    let parts: Vec<char> = std::iter::once(c)
        .nfkd()
        .filter(|d| !is_combining_mark(*d))
        .collect();
    if let [d] = parts[..] {
        if d != c && !is_invisible(d) {
            // One part: it reads as the decomposed letter *and* as the
            // original's own prototype (NFKD turns lunate `ϲ` into `ς`).
            let mut readings = readings_of(d).unwrap_or_default();
            readings.extend(readings_of(c).unwrap_or_default());
            return if readings.is_empty() {
                Piece::Break
            } else {
                Piece::Looks(vec![Look::of(&readings)])
            };
        }
    }
    let mut looks = Vec::new();
    for d in parts {
        if is_invisible(d) {
            continue;
        }
        match look_of(d) {
            Some(look) => looks.push(look),
            None => return Piece::Break,
        }
    }
    if looks.is_empty() {
        Piece::Nothing
    } else {
        Piece::Looks(looks)
    }
}

/// A default-ignorable character: its skeleton is empty.
fn is_invisible(c: char) -> bool {
    let mut buf = [0; 4];
    let invisible = skeleton(c.encode_utf8(&mut buf)).next().is_none();
    invisible
}

/// Latin, Greek and Cyrillic (nearly every name a Russian bank's customers
/// see) come from a table built once from the slow path.
const FAST_END: u32 = 0x530;

/// Emoji and pictographs: never a letter, never a look-alike of one.
const PICTOGRAPHS: std::ops::RangeInclusive<u32> = 0x1F300..=0x1FAFF;

/// General punctuation (dashes, quotation marks, bullets, leaders, primes):
/// a separator, as the customer reads it. The confusables table gives some
/// of them a letter of another script ('—' is the Katakana length mark
/// 'ー'), which would read "Пример———— Банк" as a word between the two.
const GENERAL_PUNCTUATION: [std::ops::RangeInclusive<u32>; 2] = [0x2010..=0x2027, 0x2030..=0x205E];

fn fast_piece(c: char) -> Option<&'static Piece> {
    static FAST: OnceLock<Vec<Piece>> = OnceLock::new();
    static BREAK: Piece = Piece::Break;
    let cp = c as u32;
    if PICTOGRAPHS.contains(&cp) || GENERAL_PUNCTUATION.iter().any(|r| r.contains(&cp)) {
        return Some(&BREAK);
    }
    let table = FAST.get_or_init(|| {
        (0..FAST_END)
            .map(|cp| char::from_u32(cp).map_or(Piece::Break, piece_slow))
            .collect()
    });
    table.get(c as usize)
}

/// Bidi controls: embeddings, overrides, isolates, marks.
enum Bidi {
    /// RLO: what follows is shown right to left.
    OverrideRtl,
    /// LRO: what follows is shown left to right.
    OverrideLtr,
    /// RLE, RLI: a right-to-left embedding (letters of ours stay in order).
    EmbedRtl,
    /// LRE, LRI, FSI.
    EmbedLtr,
    /// PDF, PDI.
    Close,
    Mark,
}

fn bidi_control(c: char) -> Option<Bidi> {
    match c {
        '\u{202E}' => Some(Bidi::OverrideRtl),
        '\u{202D}' => Some(Bidi::OverrideLtr),
        '\u{202B}' | '\u{2067}' => Some(Bidi::EmbedRtl),
        '\u{202A}' | '\u{2066}' | '\u{2068}' => Some(Bidi::EmbedLtr),
        '\u{202C}' | '\u{2069}' => Some(Bidi::Close),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => Some(Bidi::Mark),
        _ => None,
    }
}

/// Deeper than this, more controls change nothing (UAX #9 allows 125).
const MAX_BIDI_DEPTH: u8 = 125;

/// The characters in display order, as UAX #9 orders a line of our
/// (left-to-right) letters with explicit controls: each character gets an
/// embedding level (an override forces odd for RTL, even for LTR; a letter
/// in an RTL embedding is raised to the next even level), then runs are
/// reversed from the highest level down to the lowest odd one (rule L2).
/// So RLO reverses, an LRO nested inside it restores the order, and every
/// control vanishes. A paragraph break closes everything.
fn display_order(text: &str) -> Vec<char> {
    let mut out: Vec<(char, u8)> = Vec::new();
    // (level, overridden direction: Some(true) = RTL)
    let mut stack: Vec<(u8, Option<bool>)> = vec![(0, None)];
    for c in text.chars().take(MAX_RAW_CHARS) {
        let (level, over) = *stack.last().expect("base level");
        let next_odd = (level + 1) | 1;
        let next_even = (level + 2) & !1;
        let push = |stack: &mut Vec<(u8, Option<bool>)>, l: u8, o: Option<bool>| {
            if l <= MAX_BIDI_DEPTH {
                stack.push((l, o));
            } else {
                stack.push((level, over));
            }
        };
        match bidi_control(c) {
            Some(Bidi::OverrideRtl) => push(&mut stack, next_odd, Some(true)),
            Some(Bidi::OverrideLtr) => push(&mut stack, next_even, Some(false)),
            Some(Bidi::EmbedRtl) => push(&mut stack, next_odd, None),
            Some(Bidi::EmbedLtr) => push(&mut stack, next_even, None),
            Some(Bidi::Close) => {
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            Some(Bidi::Mark) => {}
            None if c == '\n' || c == '\u{2029}' => {
                stack.truncate(1);
                out.push((' ', 0));
            }
            None => {
                let shown = match over {
                    Some(_) => level,
                    // One of our letters in an RTL embedding: next even level.
                    None if level % 2 == 1 => level + 1,
                    None => level,
                };
                out.push((c, shown));
            }
        }
    }
    let highest = out.iter().map(|(_, l)| *l).max().unwrap_or(0);
    for level in (1..=highest).rev() {
        let mut i = 0;
        while i < out.len() {
            if out[i].1 >= level {
                let start = i;
                while i < out.len() && out[i].1 >= level {
                    i += 1;
                }
                out[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// Invisible characters that are common in hostile names: dropped at once,
/// without the slow path (and without counting as work).
fn common_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}')
}

/// Characters per name that may take the slow path (NFKD and three
/// skeleton look-ups each): bounded work whatever the name.
const MAX_SLOW_CHARS: usize = 256;

/// Folds a display name (or an alias) as the customer would read it.
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded::default();
    let mut at_break = true;
    let mut previous_lower = false;
    let mut slow_budget = MAX_SLOW_CHARS;
    for c in display_order(text) {
        if folded.len() >= MAX_FOLDED_CHARS {
            break;
        }
        if common_invisible(c) {
            continue;
        }
        // "ПримерБанк": a capital after a small letter starts a word.
        let camel = previous_lower && c.is_uppercase();
        let slow;
        let piece = match fast_piece(c) {
            Some(piece) => piece,
            None if slow_budget == 0 => break,
            None => {
                slow_budget -= 1;
                slow = piece_slow(c);
                &slow
            }
        };
        match piece {
            Piece::Nothing => continue,
            Piece::Break => at_break = true,
            Piece::Looks(looks) => {
                for (i, &look) in looks.iter().enumerate() {
                    if folded.len() < MAX_FOLDED_CHARS {
                        folded.looks.push(look);
                        folded.word_start.push(at_break || (camel && i == 0));
                        at_break = false;
                    }
                }
            }
        }
        previous_lower = c.is_lowercase();
    }
    folded
}

/// The readings, for a property test over the confusables table.
pub fn look_of_char(c: char) -> Option<Look> {
    match piece_slow(c) {
        Piece::Looks(looks) if looks.len() == 1 => Some(looks[0]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alike(a: &str, b: &str) -> bool {
        same_look(&fold(a).looks, &fold(b).looks)
    }

    #[test]
    fn case_and_script_do_not_matter() {
        assert!(alike("ПРИМЕР БАHK", "пример банк"));
        assert!(alike("Example Вank", "example bank"));
        assert!(alike("ＥＸＡＭＰＬＥ", "example"));
        assert!(alike("ΕΧΑΜΡLΕ", "example"));
        assert!(!alike("Example", "Exannple"));
    }

    #[test]
    fn invisible_and_combining_characters_vanish() {
        assert!(alike("При\u{200B}мер\u{FEFF}", "Пример"));
        assert!(alike("Прим\u{0301}ер", "Пример"));
        assert!(alike("П\u{0308}ример", "Пример"));
        assert!(fold("\u{3164}\u{3164}").is_empty());
    }

    #[test]
    fn a_right_to_left_override_reads_as_displayed() {
        assert!(alike("\u{202E}кнаБ ремирП\u{202C}", "Пример Банк"));
        assert!(alike("\u{2067}Пример\u{2069}", "Пример"));
    }

    #[test]
    fn words_are_marked() {
        let f = fold("Служба  безопасности,ПримерБанк");
        assert_eq!(f.words(), 4);
        assert!(f.word_start[0]);
    }

    #[test]
    fn digits_read_as_letters() {
        assert!(alike("Пр1мер", "Пример"));
        assert!(alike("5ber", "Sber"));
        assert!(alike("Ex4mple", "Example"));
    }

    #[test]
    fn letters_stay_apart() {
        for (a, b) in [
            ("a", "o"),
            ("e", "t"),
            ("b", "o"),
            ("h", "n"),
            ("м", "eh"),
            ("и", "н"),
        ] {
            assert!(!alike(a, b), "{a} ~ {b}");
        }
    }

    #[test]
    fn invisible_padding_cannot_push_the_name_out_of_reach() {
        let padded = format!("{}Пример Банк", "\u{200B}".repeat(5000));
        assert!(alike(&padded, "Пример Банк"));
        let marks = format!("{}Пример Банк", "\u{0301}".repeat(5000));
        assert!(alike(&marks, "Пример Банк"));
    }

    #[test]
    fn nested_overrides_read_as_displayed() {
        // LRO inside RLO: shown in logical order.
        assert!(alike(
            "\u{202E}\u{202D}Пример Банк\u{202C}\u{202C}",
            "Пример Банк"
        ));
        // RLO inside LRO: reversed.
        assert!(alike(
            "\u{202D}\u{202E}кнаБ ремирП\u{202C}\u{202C}",
            "Пример Банк"
        ));
        // An RLE does not reverse letters of ours.
        assert!(alike("\u{202B}Пример Банк\u{202C}", "Пример Банк"));
    }

    #[test]
    fn slow_characters_are_bounded_work() {
        let hostile = "\u{FDFA}".repeat(4096); // ﷺ: 18 parts each under NFKD
        let started = fold(&hostile);
        assert!(started.len() <= MAX_FOLDED_CHARS);
    }
}
