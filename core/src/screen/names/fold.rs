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

use super::char_memo::CharMemo;
use super::class::{decomposed, Class};
use super::drawn_punctuation::as_drawn;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// Visible characters kept per name: bounded work per call.
pub const MAX_FOLDED_CHARS: usize = 256;

/// Bytes read per name: the hard bound on work whatever the name holds.
/// Generous, because padding (invisible characters, spaces, fillers) costs
/// nothing to the renderer and must not push the bank's name out of reach;
/// the budget that ends a reading is `MAX_FOLDED_CHARS` *visible*
/// characters, never a count of code points.
pub const MAX_NAME_BYTES: usize = 64 * 1024;

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
/// ("npuмep" for "пример", "ɡpyroй" for "другой"), and the Kazakh and
/// Ukrainian letters a Russian reader takes for their base letter ("Ұлттық"
/// and "Улттык", "Ulttyq" transliterated). `@` is no letter: a handle or an
/// address reads as its words.
const LETTER_READINGS: &[(char, &[char])] = &[
    ('и', &['i', 'u']),
    ('п', &['n']),
    ('д', &['g']),
    ('г', &['r']),
    ('т', &['m']),
    // (The handwritten forms above end here: `ITALIC_FORMS`.)
    ('ұ', &['у']),
    ('ү', &['у']),
    ('қ', &['к']),
    ('ғ', &['г']),
    ('ң', &['н']),
    ('ө', &['о']),
    ('ә', &['а']),
    ('һ', &['х']),
    ('і', &['и']),
    ('ї', &['и']),
    ('є', &['е']),
    ('ґ', &['г']),
    // The other Cyrillic letters drawn as a "К" ("ҜASPI").
    ('Ҝ', &['К']),
    ('ҝ', &['к']),
    ('Ҟ', &['К']),
    ('ҟ', &['к']),
    ('Ҡ', &['К']),
    ('ҡ', &['к']),
    ('Ӄ', &['К']),
    ('ӄ', &['к']),
    // Greek letters a Cyrillic name is written with: "ΜΒΔ", "Сδер".
    ('Δ', &['Д', 'A']),
    ('δ', &['б']),
    // The German sharp s drawn for a "B": "ßank".
    ('ß', &['B']),
];

/// How many of `LETTER_READINGS` come first and are handwritten forms:
/// an abbreviation of the lexicon is read upright (`upright`), as "orn"
/// or "I|\\|G" drawn in Latin letters is no "ОГП" or "ІІД".
const ITALIC_FORMS: usize = 5;

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
/// negative squared 🅰): first code point of A–Z. Regional indicators are
/// not among them: a pair renders as a flag, a picture between words.
const ENCLOSED_ALPHABETS: &[u32] = &[0x1F130, 0x1F150, 0x1F170];

/// Parenthesized small letters "⒜"–"⒵": NFKD makes them three
/// characters, "(a)"; on the screen they are the letter.
const PARENTHESIZED: u32 = 0x249C;

/// Letters of other scripts that "fancy text" generators put for Latin
/// ones, and that no confusables table maps: Canadian syllabics ("ᔕᗷEᖇ"),
/// CJK ideographs and Bopomofo ("丂乃乇尺"), Coptic ("ⲔⲀⲤⲢⲒ"), and the
/// math symbol "∩" for "п".
const FANCY_LETTERS: &[(char, char)] = &[
    ('ᗩ', 'a'),
    ('ᗷ', 'b'),
    ('ᑕ', 'c'),
    ('ᗪ', 'd'),
    ('ᕮ', 'e'),
    ('ᖴ', 'f'),
    ('ᘜ', 'g'),
    ('ᕼ', 'h'),
    ('ᒍ', 'j'),
    ('ᒪ', 'l'),
    ('ᗰ', 'm'),
    ('ᑎ', 'n'),
    ('ᑭ', 'p'),
    ('ᑫ', 'q'),
    ('ᖇ', 'r'),
    ('ᔕ', 's'),
    ('ᑌ', 'u'),
    ('ᐯ', 'v'),
    ('ᗯ', 'w'),
    ('᙭', 'x'),
    ('ᘔ', 'z'),
    ('卂', 'a'),
    ('乃', 'b'),
    ('匚', 'c'),
    ('乇', 'e'),
    ('千', 'f'),
    ('卄', 'h'),
    ('丨', 'i'),
    ('ﾌ', 'j'),
    ('ㄥ', 'l'),
    ('爪', 'm'),
    ('几', 'n'),
    ('ㄖ', 'o'),
    ('卩', 'p'),
    ('尺', 'r'),
    ('丂', 's'),
    ('ㄒ', 't'),
    ('ㄩ', 'u'),
    ('山', 'w'),
    ('乂', 'x'),
    ('ㄚ', 'y'),
    ('乙', 'z'),
    ('Ⲁ', 'a'),
    ('ⲁ', 'a'),
    ('Ⲃ', 'b'),
    ('Ⲥ', 'c'),
    ('ⲥ', 'c'),
    ('Ⲉ', 'e'),
    ('ⲉ', 'e'),
    ('Ⲏ', 'h'),
    ('Ⲓ', 'i'),
    ('ⲓ', 'i'),
    ('Ⲕ', 'k'),
    ('ⲕ', 'k'),
    ('Ⲙ', 'm'),
    ('Ⲛ', 'n'),
    ('ⲛ', 'n'),
    ('Ⲟ', 'o'),
    ('ⲟ', 'o'),
    ('Ⲣ', 'p'),
    ('ⲣ', 'p'),
    ('Ⲧ', 't'),
    ('ⲧ', 't'),
    ('Ⲩ', 'y'),
    ('Ⲭ', 'x'),
    ('ⲭ', 'x'),
    ('Ⲫ', 'ф'),
    ('ⲫ', 'ф'),
    ('∩', 'п'),
    // Letters of "fancy text" that no table maps to the Latin one they
    // stand for: "ΞUROPOL", "ƩBER" (an S), "KΛSPI", "POLIƇE", "Poŀice" (NFKD
    // makes "ŀ" an "l" and a middle dot, a separator), "POLICЄ".
    ('Ξ', 'e'),
    ('Ʃ', 's'),
    ('Λ', 'a'),
    ('Ƈ', 'c'),
    ('ƈ', 'c'),
    ('Ŀ', 'l'),
    ('ŀ', 'l'),
    ('Є', 'e'),
];

/// The Latin capital a small capital looks like ('ʟ' is an "L", 'ʜ' an
/// "H": at a small letter's height, still a capital's shape).
pub(super) fn small_capital(c: char) -> Option<char> {
    // (All past the Latin and IPA letters' start: most characters of a
    // name are passed at once.)
    if (c as u32) < 0x250 {
        return None;
    }
    SMALL_CAPITALS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, l)| l.to_ascii_uppercase())
}

/// What a letter-like symbol spells, before anything else.
pub(super) fn letter_drawn(c: char) -> Option<char> {
    // Latin, Greek and Cyrillic from a table: every letter of a name is
    // asked for.
    static FAST: OnceLock<Vec<Option<char>>> = OnceLock::new();
    if (c as u32) < FAST_END {
        let table = FAST.get_or_init(|| {
            (0..FAST_END)
                .map(|cp| char::from_u32(cp).and_then(letter_drawn_slow))
                .collect()
        });
        return table[c as usize];
    }
    letter_drawn_slow(c)
}

fn letter_drawn_slow(c: char) -> Option<char> {
    let cp = c as u32;
    if let Some(base) = ENCLOSED_ALPHABETS
        .iter()
        .find(|&&b| (b..b + 26).contains(&cp))
    {
        return char::from_u32('a' as u32 + cp - base);
    }
    if (PARENTHESIZED..PARENTHESIZED + 26).contains(&cp) {
        return char::from_u32('a' as u32 + cp - PARENTHESIZED);
    }
    SMALL_CAPITALS
        .iter()
        .chain(FANCY_LETTERS)
        .find(|(s, _)| *s == c)
        .map(|(_, l)| *l)
}

/// The readings that letters of the lexicon and of names in Russian,
/// Ukrainian, Kazakh and English have (their prototypes, case forms and
/// the readings of `DIGIT_READINGS` and `LETTER_READINGS`), sorted: each
/// has a bit of its own in a `Look`'s signature (a test keeps the lexicon
/// inside it).
const ALPHABET: &str = "23456789ABCDEFGHJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\
                        ĸƅƏǝɅɜɸʍʙʜΓΠΦπДЖИЦЧШЩЪЭЯабвгдежзиклноухцчщыэюґᴎᴙᴛꞒꞓ";

/// The signature bit of every reading outside `ALPHABET`.
const OUTSIDE: u128 = 1 << 127;

/// The signature bit of a reading.
fn reading_bit(c: char) -> u128 {
    static SORTED: OnceLock<Vec<char>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| ALPHABET.chars().filter(|c| !c.is_space()).collect());
    match sorted.binary_search(&c) {
        Ok(i) if i < 127 => 1 << i,
        _ => OUTSIDE,
    }
}

/// The key bit of a reading: the bit of its small letter, when the
/// alphabet has one.
fn key_bit(c: char) -> u128 {
    let small = single(c.to_lowercase()).map_or(OUTSIDE, reading_bit);
    if small == OUTSIDE {
        reading_bit(c)
    } else {
        small
    }
}

/// The ways one visible character reads, sorted, `'\0'` for unused slots,
/// with a signature of them: a bit per reading of `ALPHABET`, one bit for
/// all others. Two letters share a bit of the alphabet exactly when they
/// share a reading there, so most comparisons end at one AND.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    readings: [char; 8],
    signature: u128,
    /// The signature with each reading in small letters where the
    /// alphabet has it ('O' and 'o' one bit): what the phrase index files
    /// letters by (`index.rs`), one bucket for both cases.
    key: u128,
}

impl Look {
    /// The signature of its readings: two letters meet only when theirs
    /// share a bit (`index.rs`).
    pub(super) fn signature(self) -> u128 {
        self.signature
    }

    /// Letters that meet share a bit of their keys (not always the
    /// other way round).
    pub(super) fn key(self) -> u128 {
        self.key
    }

    /// Every reading has a bit of its own.
    #[cfg(test)]
    pub(super) fn inside_alphabet(self) -> bool {
        self.signature & OUTSIDE == 0
    }

    /// Whether two characters can be read as the same letter.
    pub fn meets(self, other: Look) -> bool {
        let shared = self.signature & other.signature;
        if shared & !OUTSIDE != 0 {
            return true;
        }
        if shared == 0 {
            return false;
        }
        // Both have readings outside the alphabet: compare those. Both
        // sorted (`of`), unused slots '\0' at the end: one merge pass.
        let (a, b) = (&self.readings, &other.readings);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() && a[i] != '\0' && b[j] != '\0' {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// Whether a digit is among its readings ("5" in "S").
    pub(super) fn reads_as_digit(self) -> bool {
        self.readings().any(|c| c.is_ascii_digit())
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
            look.signature |= reading_bit(c);
            look.key |= key_bit(c);
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
    /// Whether case started a word somewhere ("ПримерБанк"): then the
    /// reading also tries the name without those breaks.
    pub case_split: bool,
    /// Whether case may have parted spelled-out letters ("П р и м е р Б а н к"):
    /// with neither this nor `case_split`, case made no word break at all.
    pub case_parts_spelled: bool,
    /// Per letter: a soft or hard sign followed it in the name ("Бань|ка"):
    /// dropped for the lexicon, but the bank word must be spelt exactly.
    pub soft_after: Vec<bool>,
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

    /// Whether a word ends at `end` (`rest_of_word(end) == 0`): there, or
    /// past, the name ends, or a word starts.
    pub fn ends_word(&self, end: usize) -> bool {
        end >= self.len() || self.word_start[end]
    }

    /// The letters as a developer's tool shows them (`examples/
    /// name_reading.rs`): each as its readings in brackets when it has
    /// several, a space where a word starts.
    pub fn sketch(&self) -> String {
        let mut out = String::new();
        for (look, &start) in self.looks.iter().zip(&self.word_start) {
            if start && !out.is_empty() {
                out.push(' ');
            }
            let readings: Vec<char> = look.readings().collect();
            match readings[..] {
                [one] => out.push(one),
                _ => out.extend(std::iter::once('[').chain(readings).chain([']'])),
            }
        }
        out
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
    match letter_drawn(d).and_then(own_readings) {
        Some(mut letter) => {
            letter.extend(own.unwrap_or_default());
            Some(letter)
        }
        None => own,
    }
}

fn own_readings(d: char) -> Option<Vec<char>> {
    own_readings_of(d, LETTER_READINGS)
}

/// The letters of a lexicon word without their handwritten forms (an
/// abbreviation's: "огп" does not meet "orn"); letters NFKD or the tables
/// read otherwise keep their fold.
pub(super) fn upright(word: &str) -> Vec<Look> {
    let folded = fold(word).looks;
    let chars: Vec<char> = word.chars().collect();
    if chars.len() != folded.len() {
        return folded;
    }
    chars
        .iter()
        .zip(folded)
        .map(|(&c, look)| {
            let plain = c.is_alpha() && letter_drawn(c).is_none();
            match own_readings_of(c, &LETTER_READINGS[ITALIC_FORMS..]) {
                Some(readings) if plain => Look::of(&readings),
                _ => look,
            }
        })
        .collect()
}

fn own_readings_of(d: char, letter_readings: &[(char, &[char])]) -> Option<Vec<char>> {
    let prototype = |c: char| -> Option<Option<char>> {
        let mut buf = [0; 4];
        let proto: Vec<char> = skeleton(c.encode_utf8(&mut buf))
            .filter(|p| !p.is_mark())
            .collect();
        match proto.as_slice() {
            [] => None,
            // Case kept: lower-casing "B" (the prototype of "В") would
            // make it "b", the prototype of "Б", and "сверху" read "сбер".
            [p] => Some(Some(*p)),
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
    // A digit reads as letters; a letter whose prototype is a digit ('б'
    // is '6') does not read as that digit's letters ('b'), or "сверху"
    // would read as "сбер".
    for &(from, letters) in DIGIT_READINGS {
        if d == from {
            for &l in letters {
                readings.push(l);
                readings.extend(
                    [Some(l), single(l.to_uppercase())]
                        .into_iter()
                        .flatten()
                        .filter_map(|c| prototype(c).flatten()),
                );
            }
        }
    }
    for &(from, letters) in letter_readings {
        if d == from || readings.contains(&from) {
            // The letter and its own prototypes: 'қ' reads as 'к', and so
            // as everything 'К' and 'к' read as.
            for &l in letters {
                readings.push(l);
                readings.extend(
                    [Some(l), single(l.to_uppercase())]
                        .into_iter()
                        .flatten()
                        .filter_map(|c| prototype(c).flatten()),
                );
            }
        }
    }
    // A letter of another script drawn like a Latin one (Lisu "ꓐ", Cherokee
    // "Ᏼ") reads as that Latin letter does, in both its cases ("ФСꓐ" as
    // "ФСB"). (Not Cyrillic ones: "В" is no "b", or "сверху" would read
    // "сбер".)
    if !matches!(d as u32, 0..=0x52F | 0x1D00..=0x1FFF) {
        let latin: Vec<char> = readings
            .iter()
            .copied()
            .filter(|p| p.is_ascii_alphabetic() && *p != d)
            .collect();
        for p in latin {
            readings.extend(own_readings_of(p, letter_readings).unwrap_or_default());
        }
    }
    let visible = readings.iter().any(|c| c.is_alnum()) || d.is_alnum();
    visible.then_some(readings)
}

/// The slow path: NFKD, marks and invisible characters dropped, each part looked up.
/// A letter the reading could not make out (a multi-letter group in the
/// spelling as written, `reading/`): a letter that meets no other.
pub(super) const UNKNOWN_LETTER: char = '\u{FFFD}';

fn piece_slow(c: char) -> Piece {
    if c == UNKNOWN_LETTER {
        return Piece::Looks(vec![Look::of(&[UNKNOWN_LETTER])]);
    }
    // A symbol that spells a letter ("⒦", "∩") is that letter, whatever
    // NFKD makes of it.
    if letter_drawn(c).is_some() {
        if let Some(readings) = readings_of(c) {
            return Piece::Looks(vec![Look::of(&readings)]);
        }
    }
    // Punctuation and symbols of the alphabets people write names in
    // ('|', '!', '$', '·', '«'): a separator, whatever a confusables
    // table makes of them ('|' → 'l'); the multi-letter spelling reads
    // "|-|" as "Н" (`reading/groups.rs`).
    if (c as u32) < FAST_END && !c.is_alnum() && !c.is_mark() && !is_invisible(c) {
        return Piece::Break;
    }
    let parts: Vec<char> = std::iter::once(c).nfkd().filter(|d| !d.is_mark()).collect();
    // A symbol that decomposes into letters ("™" → "TM", "℡" → "TEL",
    // "㎏" → "kg") is a symbol on the screen: it separates words.
    if parts.len() > 1 && !c.is_alnum() {
        return Piece::Break;
    }
    if let [d] = parts[..] {
        // Fullwidth punctuation ("｜", "－", "．") is punctuation.
        if !c.is_alnum() && (d as u32) < FAST_END && !d.is_alnum() {
            return Piece::Break;
        }
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

/// The piece of a character the fast table does not hold, worked out
/// once per process (`char_memo.rs`): a name is folded in every spelling.
fn piece_beyond_table(c: char) -> Piece {
    static PIECES: CharMemo<Piece> = CharMemo::new();
    PIECES.get_or(c, piece_slow)
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
pub(super) const PICTOGRAPHS: std::ops::RangeInclusive<u32> = 0x1F300..=0x1FAFF;

/// General punctuation (dashes, quotation marks, bullets, leaders, primes):
/// a separator, as the customer reads it. The confusables table gives some
/// of them a letter of another script ('—' is the Katakana length mark
/// 'ー'), which would read "Пример———— Банк" as a word between the two.
const GENERAL_PUNCTUATION: [std::ops::RangeInclusive<u32>; 2] = [0x2010..=0x2027, 0x2030..=0x205E];

/// Blocks of symbols, spaces and pictures, never letters: a separator at
/// once, without the slow path (a name padded with them costs nothing).
/// Regional indicators (flags), arrows, mathematical operators, technical
/// symbols, box drawing, geometric shapes, miscellaneous symbols and
/// dingbats (☎ ✅ ⭐), Braille (its blank pattern is a favourite
/// "invisible" character), CJK symbols and the ideographic space.
const SYMBOL_BLOCKS: [std::ops::RangeInclusive<u32>; 6] = [
    0x1F1E6..=0x1F1FF,
    0x2190..=0x21FF,
    0x2300..=0x23FF,
    0x2500..=0x27BF,
    0x2800..=0x28FF,
    0x3000..=0x3003,
];

/// What the fold needs of a character below `FAST_END`, from one load:
/// its piece and its classes. (Asked of every character of every
/// spelling folded; built once from the slow path and `Class`.)
#[derive(Clone, Copy, Default)]
struct FastChar {
    /// The one Look, when the piece is one letter (`ONE_LOOK`).
    look: Look,
    /// Where its Looks are in `FastTable::many`, when it makes several.
    many: u16,
    flags: u8,
}

/// The piece is `Looks` of one Look: `FastChar::look`.
const ONE_LOOK: u8 = 1;
/// The piece is `Looks` of several: `FastTable::many`.
const MANY_LOOKS: u8 = 1 << 1;
/// The piece is `Break`. (None of the three: `Nothing`.)
const BREAK: u8 = 1 << 2;
/// A soft or hard sign (`fold_chars`).
const SOFT_SIGN: u8 = 1 << 3;
const UPPER: u8 = 1 << 4;
const NUMERIC: u8 = 1 << 5;
/// One Look, no capital, no digit, no soft sign: inside a word, the fold
/// takes it as it takes the letter before it (`Folding::plain_letters`).
const PLAIN: u8 = 1 << 6;

struct FastTable {
    chars: Vec<FastChar>,
    /// The pieces of several Looks ("ǆ", "ĳ"): few.
    many: Vec<Vec<Look>>,
}

/// A piece as the fold takes it: the table's Looks are borrowed.
enum Shown<'a> {
    Nothing,
    Break,
    Looks(&'a [Look]),
}

impl FastTable {
    fn get() -> &'static FastTable {
        static FAST: OnceLock<FastTable> = OnceLock::new();
        FAST.get_or_init(|| {
            let mut many = Vec::new();
            let chars = (0..FAST_END)
                .map(|cp| {
                    let Some(c) = char::from_u32(cp) else {
                        return FastChar {
                            flags: BREAK,
                            ..FastChar::default()
                        };
                    };
                    // A space is a break, whatever the slow path makes of it.
                    let piece = if c.is_space() {
                        Piece::Break
                    } else {
                        piece_slow(c)
                    };
                    let mut fast = FastChar::default();
                    match piece {
                        Piece::Nothing => {}
                        Piece::Break => fast.flags |= BREAK,
                        Piece::Looks(looks) if looks.len() == 1 => {
                            fast.flags |= ONE_LOOK;
                            fast.look = looks[0];
                        }
                        Piece::Looks(looks) => {
                            fast.flags |= MANY_LOOKS;
                            // (Well under `u16::MAX`: one per code point at most.)
                            fast.many = many.len() as u16;
                            many.push(looks);
                        }
                    }
                    for (yes, flag) in [
                        (matches!(c, 'ь' | 'Ь' | 'ъ' | 'Ъ'), SOFT_SIGN),
                        (c.is_upper(), UPPER),
                        (c.is_num(), NUMERIC),
                    ] {
                        if yes {
                            fast.flags |= flag;
                        }
                    }
                    if fast.flags & (ONE_LOOK | SOFT_SIGN | UPPER | NUMERIC) == ONE_LOOK {
                        fast.flags |= PLAIN;
                    }
                    fast
                })
                .collect();
            FastTable { chars, many }
        })
    }

    fn shown<'a>(&'a self, fast: &'a FastChar) -> Shown<'a> {
        if fast.flags & ONE_LOOK != 0 {
            Shown::Looks(std::slice::from_ref(&fast.look))
        } else if fast.flags & MANY_LOOKS != 0 {
            self.many
                .get(usize::from(fast.many))
                .map_or(Shown::Nothing, |looks| Shown::Looks(looks))
        } else if fast.flags & BREAK != 0 {
            Shown::Break
        } else {
            Shown::Nothing
        }
    }
}

/// Past `FAST_END`: the blocks that are a separator at once, without the
/// slow path.
fn is_break_block(c: char) -> bool {
    let cp = c as u32;
    PICTOGRAPHS.contains(&cp)
        || GENERAL_PUNCTUATION.iter().any(|r| r.contains(&cp))
        || SYMBOL_BLOCKS.iter().any(|r| r.contains(&cp))
        || c.is_space()
}

/// Bidi controls: embeddings, overrides, isolates, marks.
enum Bidi {
    /// RLO: what follows is shown right to left.
    OverrideRtl,
    /// LRO: what follows is shown left to right.
    OverrideLtr,
    /// RLE: a right-to-left embedding (letters of ours stay in order).
    EmbedRtl,
    /// LRE.
    EmbedLtr,
    /// RLI: a right-to-left isolate.
    IsolateRtl,
    /// LRI, FSI.
    IsolateLtr,
    /// PDF: closes the last embedding or override, not an isolate.
    PopEmbedding,
    /// PDI: closes the last isolate and everything opened inside it; with
    /// no isolate open, nothing.
    PopIsolate,
    Mark,
}

fn bidi_control(c: char) -> Option<Bidi> {
    match c {
        '\u{202E}' => Some(Bidi::OverrideRtl),
        '\u{202D}' => Some(Bidi::OverrideLtr),
        '\u{202B}' => Some(Bidi::EmbedRtl),
        '\u{202A}' => Some(Bidi::EmbedLtr),
        '\u{2067}' => Some(Bidi::IsolateRtl),
        '\u{2066}' | '\u{2068}' => Some(Bidi::IsolateLtr),
        '\u{202C}' => Some(Bidi::PopEmbedding),
        '\u{2069}' => Some(Bidi::PopIsolate),
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
/// control vanishes. A paragraph break closes everything. A letter drawn
/// as punctuation is shown as that punctuation (`drawn_punctuation.rs`).
pub(super) fn display_order(text: &str) -> Vec<char> {
    if !reorders(text) {
        // No control: nothing moves; a paragraph break reads as a space.
        let shown = |c| {
            if matches!(c, '\n' | '\u{2029}') {
                ' '
            } else {
                as_drawn(c)
            }
        };
        // (Room for every character at once: grown a character at a time,
        // the vector is copied over and over.)
        let mut out = Vec::with_capacity(text.len());
        out.extend(text.chars().map(shown));
        return out;
    }
    let mut out = embedding_levels(text);
    reverse_runs(&mut out);
    // The marks placed for their direction go.
    out.into_iter()
        .map(|(c, _)| as_drawn(c))
        .filter(|&c| !matches!(bidi_control(c), Some(Bidi::Mark)))
        .collect()
}

/// Whether the text holds a bidi control or a right-to-left letter: only
/// then does display order move anything.
fn reorders(text: &str) -> bool {
    // (Both are past U+0590, whose first byte in UTF-8 is 0xD6: a text of
    // ASCII, Latin, Greek and Cyrillic is passed without decoding it. A
    // first byte is never inside a character, so the one found starts one.)
    let Some(from) = text.bytes().position(|b| b >= 0xD6) else {
        return false;
    };
    text[from..]
        .chars()
        .any(|c| c >= '\u{590}' && (bidi_control(c).is_some() || direction(c) == Dir::R))
}

/// The text as the screen shows it (`display_order`), without invisible
/// characters and marks, at most `most` characters: what the reading
/// re-spells (`reading/`). Where nothing moves, made in one pass over the
/// text, most of it copied as it is.
pub(super) fn shown_text(text: &str, most: usize) -> String {
    let visible = |c: char| !common_invisible(c) && !c.is_mark();
    // (A text of `most` bytes or fewer has no more characters than that.)
    if text.len() <= most {
        if let Some(shown) = shown_in_order(text) {
            return shown;
        }
    }
    let mut shown = String::with_capacity(text.len());
    shown.extend(
        display_order(text)
            .into_iter()
            .filter(|&c| visible(c))
            .take(most),
    );
    shown
}

/// `shown_text` of a text where nothing moves (no bidi control, no
/// right-to-left letter: `None` otherwise): each character as
/// `display_order` shows it, the invisible ones and marks gone.
fn shown_in_order(text: &str) -> Option<String> {
    let mut shown = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    // (The bytes copied as they are passed a block at a time; a byte
    // inside a character read whole is passed as it is come to.)
    for at in bytes_where(bytes, not_shown_as_is) {
        if at < copied {
            continue;
        }
        shown.push_str(&text[copied..at]);
        // (Not a continuation byte: a character starts here.)
        let written = text[at..].chars().next()?;
        if written >= '\u{590}' && (bidi_control(written).is_some() || direction(written) == Dir::R)
        {
            return None;
        }
        let c = if matches!(written, '\n' | '\u{2029}') {
            ' '
        } else {
            as_drawn(written)
        };
        if !common_invisible(c) && !c.is_mark() {
            shown.push(c);
        }
        copied = at + written.len_utf8();
    }
    shown.push_str(&text[copied..]);
    Some(shown)
}

/// Where the bytes are that `look` passes, found a block of 16 bytes at
/// a time: a block with none of them (most blocks of most names) is
/// passed after one look at all its bytes, vectorized (every byte looked
/// at, none skipped; `look` without a branch, `|` and `&` for `||` and
/// `&&`, so that it is).
pub(super) fn bytes_where<F: Fn(u8) -> bool + Copy>(bytes: &[u8], look: F) -> BytesWhere<'_, F> {
    BytesWhere { bytes, at: 0, look }
}

/// The places `bytes_where` finds, in order.
pub(super) struct BytesWhere<'a, F> {
    bytes: &'a [u8],
    /// Where the look goes on from.
    at: usize,
    look: F,
}

impl<F: Fn(u8) -> bool + Copy> Iterator for BytesWhere<'_, F> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        const BLOCK: usize = 16;
        let look = self.look;
        while self.at < self.bytes.len() {
            let from = self.at;
            let rest = &self.bytes[from..];
            if let Some(block) = rest.first_chunk::<BLOCK>() {
                if !block.iter().fold(false, |seen, &b| seen | look(b)) {
                    self.at += BLOCK;
                    continue;
                }
            }
            let end = rest.len().min(BLOCK);
            match rest[..end].iter().position(|&b| look(b)) {
                Some(i) => {
                    self.at = from + i + 1;
                    return Some(from + i);
                }
                None => self.at = from + end,
            }
        }
        None
    }
}

/// The bytes `SHOWN_AS_IS` does not pass, reckoned (a test makes sure):
/// a line break, and the first byte of a character past ASCII but the
/// first Cyrillic block.
fn not_shown_as_is(b: u8) -> bool {
    // (Without a branch: `bytes_where` looks at 16 bytes at once.)
    (b == b'\n') | (b >= 0xC0) & (b != 0xD0) & (b != 0xD1)
}

/// The bytes of UTF-8 that `shown_in_order` copies as they are: ASCII but
/// a line break, and the first Cyrillic block (U+0400..U+047F, first bytes
/// 0xD0 and 0xD1: no mark, no invisible character, none drawn as
/// punctuation, no right-to-left letter) with its continuation bytes
/// (which follow only those: every other character is read whole).
#[cfg(test)]
const SHOWN_AS_IS: [bool; 256] = {
    let mut as_is = [false; 256];
    let mut b = 0;
    while b < 256 {
        as_is[b] =
            b < 0x80 && b != b'\n' as usize || b >= 0x80 && b <= 0xBF || b == 0xD0 || b == 0xD1;
        b += 1;
    }
    as_is
};

/// A character's direction for the implicit rules of UAX #9, as a name
/// needs them: strong right-to-left (Hebrew and Arabic letters, RLM, ALM),
/// strong left-to-right (every other letter and digit, LRM), or neutral.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dir {
    L,
    R,
    N,
}

fn direction(c: char) -> Dir {
    let right_letter = matches!(
        c as u32,
        0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF
    ) && c.is_alpha();
    if right_letter || matches!(c, '\u{200F}' | '\u{061C}') {
        Dir::R
    } else if c.is_alnum() || c == '\u{200E}' {
        Dir::L
    } else {
        Dir::N
    }
}

/// The paragraph's level (UAX #9 P2, P3): 1 when its first strong
/// character, outside isolates, is right-to-left ("\u{200F}Б\u{200F}С\u{200F}Ф"
/// is shown "ФСБ").
fn paragraph_level(text: &str) -> u8 {
    let mut isolates = 0usize;
    for c in text.chars() {
        match bidi_control(c) {
            Some(Bidi::IsolateRtl | Bidi::IsolateLtr) => isolates += 1,
            Some(Bidi::PopIsolate) => isolates = isolates.saturating_sub(1),
            _ if isolates > 0 => {}
            _ => match direction(c) {
                Dir::R => return 1,
                Dir::L => return 0,
                Dir::N => {}
            },
        }
    }
    0
}

/// Each shown character with its embedding level, the bidi controls
/// applied (and gone).
fn embedding_levels(text: &str) -> Vec<(char, u8)> {
    // Each character with its explicit level and its direction (an
    // override's, or its own); marks stay, for their direction.
    let base = paragraph_level(text);
    let mut placed: Vec<(char, u8, Dir)> = Vec::new();
    // (level, overridden direction: Some(true) = RTL, an isolate)
    let mut stack: Vec<(u8, Option<bool>, bool)> = vec![(base, None, false)];
    for c in text.chars() {
        // The stack never loses its base level (pops keep one entry).
        let (level, over, _) = stack.last().copied().unwrap_or((base, None, false));
        let next_odd = (level + 1) | 1;
        let next_even = (level + 2) & !1;
        let push =
            |stack: &mut Vec<(u8, Option<bool>, bool)>, l: u8, o: Option<bool>, isolate: bool| {
                if l <= MAX_BIDI_DEPTH {
                    stack.push((l, o, isolate));
                } else {
                    stack.push((level, over, isolate));
                }
            };
        let overridden = |own: Dir| match over {
            Some(true) => Dir::R,
            Some(false) => Dir::L,
            None => own,
        };
        match bidi_control(c) {
            Some(Bidi::OverrideRtl) => push(&mut stack, next_odd, Some(true), false),
            Some(Bidi::OverrideLtr) => push(&mut stack, next_even, Some(false), false),
            Some(Bidi::EmbedRtl) => push(&mut stack, next_odd, None, false),
            Some(Bidi::EmbedLtr) => push(&mut stack, next_even, None, false),
            Some(Bidi::IsolateRtl) => push(&mut stack, next_odd, None, true),
            Some(Bidi::IsolateLtr) => push(&mut stack, next_even, None, true),
            Some(Bidi::PopEmbedding) => {
                if stack.len() > 1 && !stack.last().is_some_and(|e| e.2) {
                    stack.pop();
                }
            }
            Some(Bidi::PopIsolate) => {
                if let Some(at) = stack.iter().skip(1).rposition(|e| e.2) {
                    stack.truncate(at + 1);
                }
            }
            Some(Bidi::Mark) => placed.push((c, level, overridden(direction(c)))),
            None if c == '\n' || c == '\u{2029}' => {
                stack.truncate(1);
                placed.push((' ', base, Dir::N));
            }
            None => placed.push((c, level, overridden(direction(c)))),
        }
    }
    implicit_levels(&placed)
}

/// UAX #9 rules N1, N2, I1 and I2 over characters with their explicit
/// levels: a run of neutrals between two strong characters of one
/// direction takes it, others take their level's; then a character
/// against its level's direction is raised one level (two would be for
/// numbers after right-to-left letters, which names do not need).
fn implicit_levels(placed: &[(char, u8, Dir)]) -> Vec<(char, u8)> {
    let of_level = |level: u8| if level % 2 == 1 { Dir::R } else { Dir::L };
    let mut dirs: Vec<Dir> = placed.iter().map(|p| p.2).collect();
    let mut i = 0;
    while i < placed.len() {
        if dirs[i] != Dir::N {
            i += 1;
            continue;
        }
        let start = i;
        let level = placed[i].1;
        while i < placed.len() && dirs[i] == Dir::N && placed[i].1 == level {
            i += 1;
        }
        // The strong characters on either side at the same level, or the
        // level's own direction at its edges.
        let before = start
            .checked_sub(1)
            .filter(|&j| placed[j].1 == level)
            .map_or(of_level(level), |j| dirs[j]);
        let after = (i < placed.len() && placed[i].1 == level)
            .then(|| dirs[i])
            .filter(|d| *d != Dir::N)
            .unwrap_or(of_level(level));
        let resolved = if before == after {
            before
        } else {
            of_level(level)
        };
        dirs[start..i].iter_mut().for_each(|d| *d = resolved);
    }
    placed
        .iter()
        .zip(dirs)
        .map(|(&(c, level, _), dir)| {
            let raised = match (level % 2 == 1, dir) {
                (false, Dir::R) | (true, Dir::L) => level + 1,
                _ => level,
            };
            (c, raised)
        })
        .collect()
}

/// UAX #9 rule L2: from the highest level down to 1, every run at that
/// level or higher is reversed.
///
/// Done as the rule reads, that is a pass over the text per level: 125
/// passes over a name of nested overrides. Instead, the runs are read as a
/// tree in one pass (a run at a level holds the runs above it and its own
/// characters; a jump of several levels is one node for all of them) and
/// written out once: a node is reversed as many times as it spans levels,
/// so its content comes out in reverse order when the reversals of it and
/// of every run around it are odd in number.
fn reverse_runs(out: &mut [(char, u8)]) {
    if out.iter().all(|&(_, level)| level == 0) {
        return;
    }
    let tree = RunTree::of(out);
    let mut written = Vec::with_capacity(out.len());
    tree.write(0, false, &mut written);
    out.copy_from_slice(&written);
}

/// The runs of a line as a tree (`reverse_runs`).
struct RunTree {
    nodes: Vec<Run>,
}

/// A run of characters at levels `low..=high` or higher: its characters
/// at those levels and its runs above them, in order.
struct Run {
    low: u8,
    high: u8,
    parts: Vec<Part>,
}

enum Part {
    Shown((char, u8)),
    Run(usize),
}

impl RunTree {
    fn of(line: &[(char, u8)]) -> RunTree {
        let mut nodes = vec![Run {
            low: 0,
            high: 0,
            parts: Vec::new(),
        }];
        // The runs open, innermost last; the root (level 0) never closes.
        let mut open = vec![0usize];
        for &(c, level) in line {
            // Close the runs above this level; a run that spans it is split
            // (its levels above stay a run of their own, closed).
            loop {
                let top = *open.last().unwrap_or(&0);
                if nodes[top].low <= level || top == 0 {
                    if nodes[top].high > level && top != 0 {
                        let above = Run {
                            low: level + 1,
                            high: nodes[top].high,
                            parts: std::mem::take(&mut nodes[top].parts),
                        };
                        nodes.push(above);
                        let above = nodes.len() - 1;
                        nodes[top].high = level;
                        nodes[top].parts.push(Part::Run(above));
                    }
                    break;
                }
                open.pop();
            }
            let top = *open.last().unwrap_or(&0);
            if level > nodes[top].high {
                nodes.push(Run {
                    low: nodes[top].high + 1,
                    high: level,
                    parts: Vec::new(),
                });
                let run = nodes.len() - 1;
                nodes[top].parts.push(Part::Run(run));
                open.push(run);
            }
            let top = *open.last().unwrap_or(&0);
            nodes[top].parts.push(Part::Shown((c, level)));
        }
        RunTree { nodes }
    }

    /// Writes run `at`, reversed when `flipped` says the runs around it
    /// were reversed an odd number of times.
    fn write(&self, at: usize, flipped: bool, out: &mut Vec<(char, u8)>) {
        let run = &self.nodes[at];
        let own = if run.low == 0 {
            0
        } else {
            run.high - run.low + 1
        };
        let flip = flipped ^ (own % 2 == 1);
        let mut each = |part: &Part| match part {
            Part::Shown(shown) => out.push(*shown),
            Part::Run(inner) => self.write(*inner, flip, out),
        };
        if flip {
            run.parts.iter().rev().for_each(&mut each);
        } else {
            run.parts.iter().for_each(&mut each);
        }
    }
}

/// Invisible characters that are common in hostile names: dropped at once,
/// without the slow path: zero-width characters, variation selectors, tag
/// characters, and the Hangul fillers messengers show as blank.
pub(super) fn common_invisible(c: char) -> bool {
    // (None is below the soft hyphen: ASCII, asked most, is passed at once;
    // below the Hangul fillers only two are, so Latin, Greek and Cyrillic
    // are passed after two comparisons more.)
    if c < '\u{00AD}' {
        return false;
    }
    if c < '\u{115F}' {
        return matches!(c, '\u{00AD}' | '\u{034F}');
    }
    matches!(
        c,
        '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{00AD}'
            | '\u{034F}'
    )
}

/// Visible characters per name that may take the slow path (NFKD and
/// three skeleton look-ups each); separators and invisible characters
/// there count against `MAX_NAME_BYTES` only.
const MAX_SLOW_CHARS: usize = MAX_FOLDED_CHARS;

/// At most this many digits in a row read as letters, and only inside a
/// word ("Пр1мер", "Сбер6анк") or starting one ("5ber"); a longer run, or
/// digits after a word ("ВТБ24", "ФСБ2024"), are a number of their own,
/// except one digit held, inside a word or starting one, among five
/// letters or more: a letter stretched ("П000лиция", `held_in_a_word`,
/// `reading/stretched.rs`).
const MAX_LETTER_DIGITS: usize = 2;

/// The text cut at `MAX_NAME_BYTES`, on a character boundary.
pub(super) fn capped(text: &str) -> &str {
    if text.len() <= MAX_NAME_BYTES {
        return text;
    }
    let mut end = MAX_NAME_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The run of digits that starts at `start`: where it ends, and whether
/// its digits read as a number of their own rather than as letters of
/// the word around them. (Asked by the fold as it meets a run: most
/// names have few digits, so no pass over every character.)
fn digit_run(chars: &[char], start: usize) -> (usize, bool) {
    let letter = |c: Option<&char>| c.is_some_and(|c| c.is_alpha());
    let mut i = start;
    while i < chars.len() && chars[i].is_num() {
        i += 1;
    }
    let before = start.checked_sub(1).and_then(|b| chars.get(b));
    let after = chars.get(i);
    let inside = letter(before) && letter(after);
    let starts_word = !letter(before) && before.is_none_or(|c| !c.is_num()) && letter(after);
    let readable = chars[start..i].iter().all(|d| {
        let plain = decomposed(*d).first().copied().unwrap_or(*d);
        DIGIT_READINGS.iter().any(|(digit, _)| *digit == plain)
    });
    let as_letters = readable
        && (inside || starts_word)
        && (i - start <= MAX_LETTER_DIGITS || held_in_a_word(chars, start, i));
    (i, !as_letters)
}

/// Whether the digits from `start` to `end` are one digit held in a
/// word of `HELD_AMONG` letters or more besides: a letter stretched
/// ("П000лиция", "Сбер666анк"). A letter here is what is read as one:
/// a symbol ("бе333о∩асности") or a digit between two ("P000l1ce"), not a
/// number ("77"). With fewer, letters and one digit repeated are a code:
/// a car's plate ("С888ЕР77", "СВ3333ЕР", "666АНК").
fn held_in_a_word(chars: &[char], start: usize, end: usize) -> bool {
    const HELD_AMONG: usize = 5;
    if !chars[start..end].iter().all(|d| *d == chars[start]) {
        return false;
    }
    let in_word = |c: char| !c.is_whitespace() && !c.is_ascii_punctuation();
    let from = chars[..start]
        .iter()
        .rposition(|&c| !in_word(c))
        .map_or(0, |k| k + 1);
    let to = chars[end..]
        .iter()
        .position(|&c| !in_word(c))
        .map_or(chars.len(), |k| end + k);
    let digit = |k: usize| k >= start && k < end || chars[k].is_num();
    let reads_as_letter =
        |k: usize| !chars[k].is_num() || k > from && k + 1 < to && !digit(k - 1) && !digit(k + 1);
    (from..to)
        .filter(|k| !(start..end).contains(k) && reads_as_letter(*k))
        .count()
        >= HELD_AMONG
}

/// The script of a letter, for case changes and soft signs: Latin,
/// Greek, Cyrillic (of the letter's base: styled and fullwidth letters
/// count as their plain form).
fn script(c: char) -> Option<u8> {
    let base = if (c as u32) < FAST_END {
        c
    } else {
        decomposed(c).first().copied().unwrap_or(c)
    };
    match base as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => Some(0),
        0x370..=0x3FF => Some(1),
        0x400..=0x52F => Some(2),
        _ => None,
    }
}

/// Where case says a word starts, as a reader sees it:
/// - a capital after a small letter ("ПримерБанк", "ExampleBankКровь"),
///   when both sides are words of their own script (two letters or more):
///   a look-alike capital inside a word ("ПpимeP", "аге𝐇тство") is a
///   disguise, not a word break;
/// - a capital that ends an abbreviation of two or more capitals and
///   starts a small-letter word ("ФСБРоссии"; not "СБербанк");
///
/// A change of script alone is no break: look-alike disguises change
/// script inside words ("дIIIафт").
fn camel_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    // Both ways need a capital.
    if !c.is_upper() {
        return false;
    }
    let Some(p) = i.checked_sub(1).map(|p| chars[p]) else {
        return false;
    };
    // The stroke of a "ы" written as a small "b" and a capital "I"
    // ("ЦbIбульская") is no capital.
    if matches!(c, 'I' | 'І' | 'Ӏ') && p == 'b' {
        return false;
    }
    // (Asked last: the scripts cost most.)
    let same_script = || script(c).is_some() && script(c) == script(p);
    let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lower());
    // A digit read as a letter is in the case of the letter before it:
    // "b4Nk" breaks before "N", "Ц8ЕТЫ" (a "В" drawn as "8") does not.
    let lower_before = || {
        (0..i)
            .rev()
            .map(|j| chars[j])
            .find(|c| !c.is_ascii_digit())
            .is_none_or(|c| !c.is_upper())
    };
    if c.is_upper() && (p.is_lower() || p.is_ascii_digit() && lower_before()) {
        // Two letters or more on each side, of any script ("BanκKasрi");
        // one capital at the end is a look-alike ("ПpимeP").
        let letters = |range: &mut dyn Iterator<Item = usize>| {
            range
                .take_while(|&j| chars[j].is_alpha() || chars[j].is_ascii_digit())
                .count()
        };
        return letters(&mut (0..i).rev()) >= 2 && letters(&mut (i..chars.len())) >= 2;
    }

    if c.is_upper() && p.is_upper() && next_lower && same_script() {
        return i >= 2 && chars[i - 2].is_upper() && script(chars[i - 2]) == script(c);
    }

    false
}

/// Folds a display name (or an alias) as the customer would read it.
pub fn fold(text: &str) -> Folded {
    fold_with(text, true)
}

/// Folds, with or without word breaks from case ("ПримерБанк"): a name in
/// random case ("ОтдЕЛ мОшенНиЧеСтва") reads as if case said nothing.
pub fn fold_with(text: &str, case_breaks: bool) -> Folded {
    fold_chars(shown_chars(text), case_breaks).0
}

/// Folds a text already in display order, its invisible characters gone
/// (the reading's spellings, `reading/`): ordered once, as the screen
/// orders it.
#[cfg(test)]
pub(super) fn fold_displayed(text: &str, case_breaks: bool) -> Folded {
    fold_chars(displayed_chars(text), case_breaks).0
}

/// `fold_displayed` of the text these characters spell: a
/// transliteration is made as characters, never decoded from a text.
pub(super) fn fold_displayed_chars(chars: Vec<char>, case_breaks: bool) -> Folded {
    fold_chars(read_through(chars), case_breaks).0
}

/// A text folded with case breaks (`fold_displayed(text, true)`), and
/// what its fold without them needs: case changes nothing else in a fold,
/// so the one pass serves both (a name in random case is folded both
/// ways).
pub(super) struct CaseFolded {
    pub folded: Folded,
    spelled: Vec<Spelled>,
}

impl CaseFolded {
    /// The fold without case breaks, `fold_displayed(text, false)`: the
    /// same letters, a word starting only where no case said so, the
    /// spelled-out letters joined again.
    pub(super) fn without_case(&self) -> Folded {
        let mut plain = Folded {
            looks: self.folded.looks.clone(),
            word_start: self.spelled.iter().map(|s| s.starts).collect(),
            case_split: false,
            case_parts_spelled: false,
            soft_after: self.folded.soft_after.clone(),
        };
        plain.case_parts_spelled = join_single_letters(&mut plain, &self.spelled, |_| false);
        plain
    }
}

/// Folds a text already in display order with case breaks, keeping what
/// its fold without them needs (`CaseFolded`).
pub(super) fn fold_displayed_cased(text: &str) -> CaseFolded {
    let (folded, spelled) = fold_chars(displayed_chars(text), true);
    CaseFolded { folded, spelled }
}

/// The characters of a text, collected with room for them all at once:
/// grown a character at a time, the vector is copied over and over. (A
/// text has no more characters than bytes.)
pub(super) fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    chars
}

/// The fold, and per letter what spelled-out words need of it.
fn fold_chars(chars: Vec<char>, case_breaks: bool) -> (Folded, Vec<Spelled>) {
    fold_chars_by::<true>(chars, case_breaks)
}

/// `fold_chars`, with runs of plain letters taken at once (`RUNS`) or
/// each letter on its own (a test holds the one to the other).
fn fold_chars_by<const RUNS: bool>(chars: Vec<char>, case_breaks: bool) -> (Folded, Vec<Spelled>) {
    let mut folding = Folding::with_capacity(chars.len().min(MAX_FOLDED_CHARS));
    let mut slow_budget = MAX_SLOW_CHARS;
    let table = FastTable::get();
    // The run of digits last met: where it ends, and whether its digits
    // stand as a word of their own (`digit_run`).
    let (mut run_end, mut run_alone) = (0, false);
    // Whether the character before is such a digit.
    let mut alone_before = false;
    let mut next = 0;
    while next < chars.len() {
        if folding.folded.len() >= MAX_FOLDED_CHARS {
            break;
        }
        // Inside a word, after a letter that is no digit standing alone,
        // a run of plain letters (`PLAIN`) is taken at once: each would
        // start no word (no separator, no digit, no capital: no case
        // break), mark no soft sign, and leave the fold as the letter
        // before it left it.
        if RUNS && !alone_before && folding.inside_word() {
            let room = MAX_FOLDED_CHARS - folding.folded.len();
            let run = chars[next..]
                .iter()
                .take(room)
                .take_while(|&&c| {
                    table
                        .chars
                        .get(c as usize)
                        .is_some_and(|f| f.flags & PLAIN != 0)
                })
                .count();
            if run > 0 {
                folding.plain_letters(table, &chars[next..next + run]);
                next += run;
                continue;
            }
        }
        let (i, c) = (next, chars[next]);
        next += 1;
        let fast = table.chars.get(c as usize);
        // (An emoji, in many names, is no digit: not looked up.)
        let numeric = fast.map_or_else(
            || !PICTOGRAPHS.contains(&(c as u32)) && c.is_num(),
            |f| f.flags & NUMERIC != 0,
        );
        if numeric && i >= run_end {
            (run_end, run_alone) = digit_run(&chars, i);
        }
        // A digit starts a word where it stands alone and the one before
        // does not, and the letter after it does too.
        let alone = numeric && run_alone;
        let own_word = alone != alone_before;
        alone_before = alone;
        let slow;
        let (shown, upper) = match fast {
            Some(fast) => {
                // Soft and hard signs: transliterations drop them
                // ("Tinkoff", "Natsionalny") and a reader hardly sees
                // them; spelled out ("л ь н") they still stand where a
                // letter stands. A "Ь" written for a Latin "b" ("Ьank")
                // is read by the reading's other spelling.
                if fast.flags & SOFT_SIGN != 0 {
                    folding.soft_sign();
                    continue;
                }
                let shown = table.shown(fast);
                (shown, fast.flags & UPPER != 0)
            }
            None if is_break_block(c) => (Shown::Break, false),
            None if slow_budget == 0 => break,
            None => {
                slow = piece_beyond_table(c);
                let shown = match &slow {
                    Piece::Nothing => Shown::Nothing,
                    Piece::Break => Shown::Break,
                    Piece::Looks(looks) => {
                        slow_budget -= 1;
                        Shown::Looks(looks)
                    }
                };
                (shown, c.is_upper())
            }
        };
        match shown {
            Shown::Nothing => {}
            Shown::Break => folding.separator(c),
            Shown::Looks(looks) => {
                // (Only a capital starts a word by case.)
                let camel = case_breaks && upper && camel_start(&chars, i);
                folding.letter((upper, numeric), looks, camel, own_word);
            }
        }
    }
    folding.finish(case_breaks)
}

/// The characters a reader reads, in the order shown: invisible ones gone,
/// and an apostrophe between two letters too — a soft sign as
/// transliterated ("Tin'koff", "Natsional`nyy") or part of a name
/// ("O'Brien"): the reader reads through it.
fn shown_chars(text: &str) -> Vec<char> {
    let mut chars = display_order(capped(text));
    chars.retain(|&c| !common_invisible(c));
    read_through(chars)
}

/// The characters of a text already in display order, without the
/// apostrophes a reader reads through (`read_through`).
fn displayed_chars(text: &str) -> Vec<char> {
    // (The apostrophes' first bytes: "'", "`", 0xE2 of U+2019, 0xCA of
    // U+02B9 and U+02BC. A text with none of them has none to read
    // through: most names, passed by their bytes.)
    // (Every byte looked at, none skipped: the look is vectorized.)
    let any = |b: u8| text.bytes().fold(false, |seen, t| seen | (t == b));
    if !(any(b'\'') || any(b'`') || any(0xE2) || any(0xCA)) {
        return chars_of(text);
    }
    read_through(chars_of(text))
}

/// The characters without the apostrophes a reader reads through.
fn read_through(chars: Vec<char>) -> Vec<char> {
    let apostrophe = |c: &char| matches!(c, '\'' | '`' | '\u{2019}' | '\u{02B9}' | '\u{02BC}');
    let through = |chars: &[char], i: usize| {
        apostrophe(&chars[i])
            && i > 0
            && chars[i - 1].is_alpha()
            && chars.get(i + 1).is_some_and(|c| c.is_alpha())
    };
    // (Most names have no apostrophe at all: one plain look first, at
    // every character, none skipped: the look is vectorized.)
    let any_apostrophe = chars.iter().fold(false, |seen, c| seen | apostrophe(c));
    if !any_apostrophe || !(0..chars.len()).any(|i| through(&chars, i)) {
        return chars;
    }
    (0..chars.len())
        .filter(|&i| !through(&chars, i))
        .map(|i| chars[i])
        .collect()
}

/// A fold under way: the letters so far, and what the spelled-out letters
/// need to be joined at the end.
#[derive(Default)]
struct Folding {
    folded: Folded,
    /// The last character was no letter (a word starts at the next).
    not_in_word: bool,
    /// The separators since the last letter (a signature of them).
    gap: u64,
    /// Per letter, what spelled-out words need of it (one vector, not
    /// one per field: a push per letter).
    spelled: Vec<Spelled>,
}

/// A letter as spelled-out words see it.
#[derive(Clone, Copy)]
struct Spelled {
    /// The separators before it (`Folding::gap`; 0 after the first part
    /// of a character): between spelled-out letters, a gap unlike the
    /// others is a gap between words ("П р и м е р  Б а н к", "Н а ц_б а н к").
    gap: u64,
    /// Its source is a capital.
    upper: bool,
    digit: bool,
    /// A word starts at it whatever case says (after a separator, at a
    /// digit standing alone): where the fold without case breaks starts
    /// one (`CaseFolded`).
    starts: bool,
}

impl Folding {
    fn with_capacity(n: usize) -> Folding {
        Folding {
            folded: Folded {
                looks: Vec::with_capacity(n),
                word_start: Vec::with_capacity(n),
                case_split: false,
                case_parts_spelled: false,
                soft_after: Vec::with_capacity(n),
            },
            spelled: Vec::with_capacity(n),
            ..Folding::default()
        }
    }

    fn soft_sign(&mut self) {
        self.gap = 0;
        if let Some(last) = self.folded.soft_after.last_mut() {
            *last = true;
        }
    }

    fn separator(&mut self, c: char) {
        self.not_in_word = true;
        // Spaces as wide as they look: a no-break or thin space is a
        // space, an em or ideographic space a wider gap ("М В Д\u{3000}c a r e").
        let shown = match c {
            '\u{2000}'..='\u{2003}' | '\u{2007}' | '\u{3000}' => '\u{3000}',
            c if c.is_space() => ' ',
            c => c,
        };
        self.gap = self.gap.wrapping_mul(0x100_0000_01B3) ^ u64::from(shown);
    }

    /// Whether the last thing folded is a letter, a soft sign after one
    /// or an invisible character: no separator since the last letter, and
    /// no gap (`gap` is 0 once a letter is folded, and a soft sign keeps
    /// it so).
    fn inside_word(&self) -> bool {
        !self.not_in_word && self.gap == 0 && !self.folded.is_empty()
    }

    /// Letters that are `PLAIN`, inside a word (`inside_word`), each as
    /// `letter` folds it there: its one Look, no word start, no soft sign
    /// after it (yet), and for spelled-out words a small letter with no
    /// gap before it. (Each vector grown once for the run.)
    fn plain_letters(&mut self, table: &FastTable, run: &[char]) {
        let looks = run.iter().map(|&c| {
            table
                .chars
                .get(c as usize)
                .map_or_else(Look::default, |f| f.look)
        });
        self.folded.looks.extend(looks);
        let len = self.folded.looks.len();
        self.folded.word_start.resize(len, false);
        self.folded.soft_after.resize(len, false);
        let inside = Spelled {
            gap: 0,
            upper: false,
            digit: false,
            starts: false,
        };
        self.spelled.resize(len, inside);
    }

    /// The readings of `c`; a word starts before it after a separator, at
    /// a camel-case capital, or where a digit stands as a word of its own.
    /// `kind`: whether `c` is a capital, and whether a digit.
    fn letter(&mut self, kind: (bool, bool), looks: &[Look], camel: bool, own_word: bool) {
        self.folded.case_split |= camel;
        let at_break = self.folded.is_empty() || self.not_in_word;
        let mut uncased = at_break || own_word;
        let mut starts = uncased || camel;
        // (The cut at `MAX_FOLDED_CHARS` as it falls.)
        let room = MAX_FOLDED_CHARS.saturating_sub(self.folded.len());
        for &look in looks.iter().take(room) {
            self.folded.looks.push(look);
            self.folded.word_start.push(starts);
            self.folded.soft_after.push(false);
            self.spelled.push(Spelled {
                gap: self.gap,
                upper: kind.0,
                digit: kind.1,
                starts: uncased,
            });
            // The parts after the first: inside the word, no gap before.
            starts = false;
            uncased = false;
            self.not_in_word = false;
            self.gap = 0;
        }
    }

    fn finish(mut self, case_breaks: bool) -> (Folded, Vec<Spelled>) {
        let spelled = &self.spelled;
        let breaks = |j: usize| j > 0 && spelled_word_break(spelled, j, case_breaks);
        self.folded.case_parts_spelled = join_single_letters(&mut self.folded, spelled, breaks);
        (self.folded, self.spelled)
    }
}

/// Between spelled-out letters, where a reader still sees a new word: a
/// capital after small letters ("П р и м е р Б а н к"). A change of script
/// is none: look-alikes change script inside words ("B a n к s u p р о").
fn spelled_word_break(spelled: &[Spelled], j: usize, case_breaks: bool) -> bool {
    case_breaks
        && spelled[j].upper
        && (0..j)
            .rev()
            .take_while(|&k| !spelled[k].upper)
            .take(2)
            .count()
            >= 2
}

/// "В Т Б", "F.S.B.", "Ц-Б": a run of two or more one-letter words reads
/// as one word, the way the customer spells it out. Within the run, a gap
/// unlike the run's usual one ("П р и м е р  Б а н к": two spaces among
/// single ones; "Н а ц_б а н к") or a break of case or script
/// (`spelled_word_break`) still parts words.
/// A number and then one letter are no spelled-out word ("24/7 т-банк"):
/// a run that starts with digits joins only when two letters or more are
/// spelled out in it ("6 Е Р"), or none.
/// Returns whether a break of case was among those weighed.
fn join_single_letters(
    folded: &mut Folded,
    spelled: &[Spelled],
    breaks: impl Fn(usize) -> bool,
) -> bool {
    // (Most folds have no two one-letter words in a row: passed after one
    // look at their word starts.)
    if !one_letter_words_in_row(&folded.word_start) {
        return false;
    }
    join_runs(folded, spelled, breaks)
}

/// Whether two one-letter words stand in a row: three word starts in a
/// row, or two at the end. A run `join_runs` joins holds two (a test
/// makes sure).
fn one_letter_words_in_row(starts: &[bool]) -> bool {
    let n = starts.len();
    let three_in_row = starts
        .iter()
        .zip(starts.iter().skip(1))
        .zip(starts.iter().skip(2))
        .fold(false, |seen, ((&a, &b), &c)| seen | a & b & c);
    three_in_row || n >= 2 && starts[n - 2] && starts[n - 1]
}

/// `join_single_letters`, each run of one-letter words looked at.
fn join_runs(folded: &mut Folded, spelled: &[Spelled], breaks: impl Fn(usize) -> bool) -> bool {
    let digit = |j: usize| spelled[j].digit;
    let mut case_weighed = false;
    let n = folded.len();
    let single = |f: &Folded, i: usize| f.word_start[i] && (i + 1 == n || f.word_start[i + 1]);
    let mut i = 0;
    while i < n {
        if !single(folded, i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && single(folded, i) {
            i += 1;
        }
        let letters = (start..i).filter(|&j| !digit(j)).count();
        if i - start < 2 || letters == 1 && digit(start) {
            continue;
        }
        // The usual gap: the most common one inside the run.
        let inner = &spelled[start + 1..i];
        let usual = inner
            .iter()
            .map(|s| s.gap)
            .max_by_key(|&g| inner.iter().filter(|h| h.gap == g).count())
            .unwrap_or(0);
        // A letter hyphened to the word after it is that word's ("в
        // Т-Банке", "Ж 🌸 Т-Банк"), unless the run is spelled with hyphens.
        let hyphen = |gap: u64| [u64::from('-'), 0x2010, 0x2011].contains(&gap);
        let end = if i < n && hyphen(spelled[i].gap) && !hyphen(usual) {
            i - 1
        } else {
            i
        };
        if end - start < 2 {
            continue;
        }
        for (j, gap) in spelled
            .iter()
            .map(|s| s.gap)
            .enumerate()
            .take(end)
            .skip(start + 1)
        {
            let case_break = breaks(j);
            folded.word_start[j] = gap != usual || case_break;
            case_weighed |= case_break;
        }
    }
    case_weighed
}

/// A Latin letter `c` reads as, if any (for re-spelling a word written in
/// Latin with look-alikes of other scripts: "Ьаnκı").
pub(super) fn latin_reading(c: char) -> Option<char> {
    // Latin, Greek and Cyrillic from a table: every letter of a mixed
    // word is asked for.
    static FAST: OnceLock<Vec<Option<char>>> = OnceLock::new();
    if (c as u32) < FAST_END {
        // (From the fold's own table, built once: `FastTable`.)
        let table = FAST.get_or_init(|| {
            let fast = FastTable::get();
            fast.chars
                .iter()
                .map(|f| match fast.shown(f) {
                    Shown::Looks([look]) => latin_of_look(*look),
                    _ => None,
                })
                .collect()
        });
        return table[c as usize];
    }
    latin_reading_slow(c)
}

fn latin_reading_slow(c: char) -> Option<char> {
    latin_of(&piece_beyond_table(c))
}

fn latin_of(piece: &Piece) -> Option<char> {
    match piece {
        Piece::Looks(looks) if looks.len() == 1 => latin_of_look(looks[0]),
        _ => None,
    }
}

fn latin_of_look(look: Look) -> Option<char> {
    let latin: Vec<char> = look.readings().filter(char::is_ascii_alphabetic).collect();
    latin
        .iter()
        .find(|c| c.is_ascii_lowercase())
        .or(latin.first())
        .map(|c| c.to_ascii_lowercase())
}

/// The one Look a character folds to, if it folds to one letter: from
/// the fast table, else from the memo (`char_memo.rs`). For a reading
/// that compares characters as a person sees them (`reading/stretched.rs`).
pub(super) fn one_look(c: char) -> Option<Look> {
    let table = FastTable::get();
    match table.chars.get(c as usize) {
        Some(fast) => match table.shown(fast) {
            Shown::Looks([look]) => Some(*look),
            _ => None,
        },
        None => match piece_beyond_table(c) {
            Piece::Looks(looks) if looks.len() == 1 => Some(looks[0]),
            _ => None,
        },
    }
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
    use crate::testing::Xorshift;

    fn alike(a: &str, b: &str) -> bool {
        same_look(&fold(a).looks, &fold(b).looks)
    }

    #[test]
    fn the_alphabet_is_sorted_and_fits_the_signature() {
        let chars: Vec<char> = ALPHABET.chars().filter(|c| !c.is_space()).collect();
        assert!(chars.len() < 127, "{}", chars.len());
        assert!(chars.windows(2).all(|w| w[0] < w[1]));
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

    /// Rule L2 as it reads: a pass per level.
    fn reverse_runs_by_levels(out: &mut [(char, u8)]) {
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
    }

    #[test]
    fn runs_are_reversed_as_rule_l2_reads() {
        let mut random = Xorshift::new(0x2026_1206);
        let mut next = |n: u64| random.below(n);
        for case in 0..20_000 {
            let len = next(40) as usize;
            let top = [2, 4, 8, 126][case % 4];
            let line: Vec<(char, u8)> = (0..len)
                .map(|i| {
                    let c = char::from_u32('a' as u32 + i as u32 % 26).unwrap_or('a');
                    (c, next(top) as u8)
                })
                .collect();
            let (mut fast, mut slow) = (line.clone(), line.clone());
            reverse_runs(&mut fast);
            reverse_runs_by_levels(&mut slow);
            assert_eq!(fast, slow, "{line:?}");
        }
    }

    #[test]
    fn the_shown_text_is_the_display_order_without_invisible_characters() {
        let by_order = |text: &str, most: usize| -> String {
            display_order(text)
                .into_iter()
                .filter(|&c| !common_invisible(c) && !c.is_mark())
                .take(most)
                .collect()
        };
        let alphabet: Vec<char> = "aZ |\n\u{2029}\u{202E}\u{202C}\u{2067}\u{2069}\u{200F}\u{200B}\
                                   \u{00AD}\u{0301}\u{0483}ЯёЬҐӀ\u{A78F}ǀאب🌸🇷é"
            .chars()
            .collect();
        let mut random = Xorshift::new(0x5EED);
        for _ in 0..20_000 {
            let text = random.text(&alphabet, 9);
            for most in [1024, 3] {
                assert_eq!(shown_text(&text, most), by_order(&text, most), "{text:?}");
            }
        }
    }

    #[test]
    fn the_bytes_shown_as_is_are_reckoned() {
        for b in 0..=255u8 {
            assert_eq!(not_shown_as_is(b), !SHOWN_AS_IS[usize::from(b)], "{b:#x}");
        }
    }

    #[test]
    fn without_controls_the_order_is_as_written() {
        let slow = |text: &str| {
            let mut out = embedding_levels(text);
            reverse_runs_by_levels(&mut out);
            out.into_iter().map(|(c, _)| c).collect::<Vec<char>>()
        };
        for text in ["Пример Банк", "a\nb\u{2029}c", "", "\u{FEFF}x 🌸 1"] {
            assert_eq!(display_order(text), slow(text), "{text:?}");
        }
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
    fn the_fold_without_case_is_made_from_the_fold_with_it() {
        for text in [
            "ПримерБанк",
            "ОтдЕЛ мОшенНиЧеСтва",
            "П р и м е р Б а н к",
            "П р и м е р  Б а н к",
            "ЬANKSUррORT",
            "ФСБРоссии 24/7 т-банк",
            "6 Е Р В Т Б",
            "В Т Б24 Ц-Б F.S.B.",
            "bEZ0pasn0sti IНЫII ы d m Ρ 8 800 5553535",
            "Ь@нкн0 ИНЫИИ ыдмΡ8 800 5553535",
            "ǆ Ĳ ПpимeP ExampleBankКровь BanκKasрi",
            "",
        ] {
            let cased = fold_displayed_cased(text);
            assert_eq!(cased.folded, fold_displayed(text, true), "{text}");
            assert_eq!(cased.without_case(), fold_displayed(text, false), "{text}");
        }
        // And random texts of letters of both cases and scripts, digits,
        // signs and separators.
        let alphabet: Vec<char> = "aAbBПпРрЬьъIl10 5 8  -.·_ǆ\u{3000}".chars().collect();
        let mut random = Xorshift::new(0x2026_1207);
        for _ in 0..20_000 {
            let text = random.text(&alphabet, 24);
            let cased = fold_displayed_cased(&text);
            assert_eq!(cased.folded, fold_displayed(&text, true), "{text}");
            assert_eq!(cased.without_case(), fold_displayed(&text, false), "{text}");
        }
    }

    #[test]
    fn runs_of_plain_letters_fold_as_each_letter_alone() {
        let alphabet: Vec<char> = "aAbBПпРрЬьъIl10 5 8  -.·_ǆ\u{3000}\u{301}\u{200B}éЁё🌸"
            .chars()
            .collect();
        let mut random = Xorshift::new(0x2026_1209);
        let mut texts: Vec<String> = (0..20_000).map(|_| random.text(&alphabet, 24)).collect();
        texts.push("а".repeat(MAX_FOLDED_CHARS + 9));
        texts.push(format!(
            "{}ПримерБанк",
            "б ".repeat(MAX_FOLDED_CHARS / 2 - 3)
        ));
        for text in texts {
            for case_breaks in [true, false] {
                let by_runs = fold_chars_by::<true>(displayed_chars(&text), case_breaks);
                let alone = fold_chars_by::<false>(displayed_chars(&text), case_breaks);
                assert_eq!(by_runs.0, alone.0, "{text}");
                let spelled = |s: &[Spelled]| -> Vec<(u64, bool, bool, bool)> {
                    s.iter()
                        .map(|s| (s.gap, s.upper, s.digit, s.starts))
                        .collect()
                };
                assert_eq!(spelled(&by_runs.1), spelled(&alone.1), "{text}");
            }
        }
    }

    #[test]
    fn runs_to_join_hold_two_one_letter_words_in_a_row() {
        let mut random = Xorshift::new(0x2026_1211);
        for _ in 0..50_000 {
            let n = random.below(12) as usize;
            let starts: Vec<bool> = (0..n).map(|_| random.below(2) == 1).collect();
            if one_letter_words_in_row(&starts) {
                continue;
            }
            let spelled: Vec<Spelled> = (0..n)
                .map(|j| Spelled {
                    gap: random.below(3),
                    upper: random.below(2) == 1,
                    digit: random.below(4) == 0,
                    starts: starts[j],
                })
                .collect();
            let mut folded = Folded {
                looks: vec![Look::default(); n],
                word_start: starts.clone(),
                ..Folded::default()
            };
            assert!(!join_runs(&mut folded, &spelled, |_| true), "{starts:?}");
            assert_eq!(folded.word_start, starts);
        }
    }

    #[test]
    fn emoji_are_no_digits() {
        for c in PICTOGRAPHS.filter_map(char::from_u32) {
            assert!(!c.is_num(), "{c:?}");
        }
    }

    #[test]
    fn slow_characters_are_bounded_work() {
        let hostile = "\u{FDFA}".repeat(4096); // ﷺ: 18 parts each under NFKD
        let started = fold(&hostile);
        assert!(started.len() <= MAX_FOLDED_CHARS);
    }
}
