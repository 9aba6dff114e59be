//! The one reading of a display name: what a person sees, in every form a
//! rule compares.
//!
//! A name is folded (`fold.rs`: display order, look-alikes of any script
//! and case, invisible characters gone, words split at every non-letter,
//! one-letter runs joined) in several spellings:
//! 1. as written;
//! 2. re-spelt, each re-spelling on top of the ones before: multi-letter
//!    look-alikes read as the letter they imitate (`groups.rs`: "rn" → "m",
//!    "|-|" → "Н", also as the Latin letter they draw), symbols, emoji and
//!    soft signs drawn for a letter (`symbols.rs`: "B@nk", "P⭕lice",
//!    "Ьank"), trademark signs drawn in letters (`marks.rs`: "KaspiⓇ");
//! 3. with the Latin letters of Cyrillic words read as sounds ("ФSБ",
//!    `latin.rs`);
//! 4. with its Latin letters transliterated to Cyrillic, accepting the
//!    schemes people use (GOST 7.79, ICAO 9303, BGN/PCGN and the informal
//!    ones: "sch"/"shch", "ts"/"c"/"cz", "zh"/"j", "kh"/"h"/"x",
//!    "y"/"j"/"i", "ya"/"ja"/"ia"): "Sluzhba bezopasnosti" reads as
//!    "Служба безопасности", "Primer Bank" as "Пример Банк" (`latin.rs`);
//! 5. each of these once more with the parts of a web address written
//!    without its dots as words (`domains.rs`: "sberbankru", "wwwСБУрф"),
//!    and with letters written as their names read as the letters
//!    (`letter_names.rs`: "Эс Бэ У", "Тэцэка").
//!
//! A rule claims when any spelling claims. A spelling exists only when the
//! name has something to re-read. A name that is a surname and initials is
//! a person's (`person.rs`).

mod domains;
mod flags;
mod groups;
mod latin;
mod letter_names;
mod marks;
mod person;
mod stretched;
mod symbols;

use super::class::{decomposed, Class};
use super::fold::{
    bytes_where, capped, fold_displayed_cased, fold_displayed_chars, shown_text, Folded,
    PICTOGRAPHS,
};
use domains::domains_apart;
use flags::boxed_letters;
use groups::{group_form, groups_unknown, may_start_group, multi_letter, multi_letter_latin};
use latin::{mixed_as_sounds, transliterated};
use letter_names::letters_named;
use marks::{may_be_trademark, trademarks_apart};
use person::surname_with_initials;
use std::borrow::Cow;
use stretched::{drawn_out_joined, stretched_texts, stretches_read};
use symbols::{drawn_dropped, drawn_letter, drawn_letters, soft_sign_as_b, symbols_as_letters};

/// Format and other invisible characters inside a word (zero-width
/// characters, soft hyphens, variation selectors, tags).
pub(super) fn ignorable(c: char) -> bool {
    // (None is below the soft hyphen: ASCII, asked most, is passed at once.)
    if c < '\u{00AD}' {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E01EF}'
    )
}

/// A name's spellings, folded; the first is the name as written.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub spellings: Vec<Folded>,
    /// The spellings from this index on are transliterations of Latin
    /// letters: there a short Latin word is no Cyrillic abbreviation
    /// ("Con" is no "ЦОН", "Nabu" no "НАБУ").
    pub transliterated_from: usize,
    /// The name is a person's, written with initials ("Доржиев Ц.Б.",
    /// "Ц. Б. Доржиев", "Врач Доржиев Ц.Б."): the surname (each part of a
    /// double one), in every spelling it has ("Sберов" is read "Сберов"
    /// too). Initials are a person's, not an abbreviation ("Ц.Б." is no
    /// "ЦБ"), unless the surname is built on a word that claims ("Sберов
    /// Ц.Б.") or a word beside them is a word of the lexicon ("Иванов Ц.Б.
    /// РФ"): `authority.rs` decides.
    pub surname_with_initials: Option<Vec<Folded>>,
    /// The other words of such a name, each read ("Врач", "МВД/ФСБ").
    pub beside_initials: Vec<Reading>,
}

impl Reading {
    pub fn is_empty(&self) -> bool {
        self.spellings.iter().all(Folded::is_empty)
    }
}

/// Reads a display name.
pub fn read(name: &str) -> Reading {
    let (shown, boxed) = shown_texts(name);
    // A letter drawn out across separators is written whole ("Вади.и.им"
    // is "Вадииим", its stretch read below): its pieces are no letters
    // spelled out.
    let shown = drawn_out_joined(&shown).unwrap_or(shown);
    let boxed = boxed.map(|b| drawn_out_joined(&b).unwrap_or(b));
    // Each re-reading applies to the name and to every re-reading before
    // it: "Examp|e Ьank" needs both '|' as 'l' and 'Ь' as 'b'.
    // (Room for every text at once; the name as written is read back
    // from it, not copied.)
    let mut all: Vec<String> = Vec::with_capacity(MAX_SPELLINGS);
    all.push(shown);
    all.extend(boxed.clone());
    respell_all(&mut all);
    let texts: Vec<String> = all.split_off(1);
    let shown = all.pop().unwrap_or_default();
    let as_written = groups_read_unknown(&shown);
    let read_texts = || std::iter::once(&*as_written).chain(texts.iter().map(String::as_str));
    let mut spellings = Vec::with_capacity(4 + 2 * texts.len());
    // As written, a group of symbols that imitates a letter ("|-|") is one
    // letter the reader cannot make out, not a gap between two words
    // ("Ми|-|ск" is no "Ми ск").
    push_spellings(&mut spellings, &as_written);
    // So in every re-spelling that leaves such a group ("Examp|e" read,
    // "БАН|-||\\|КОВА" kept: no "БАН К").
    for text in &texts {
        push_spellings(&mut spellings, &drawn_dropped(&groups_unknown(text)));
    }
    for text in sounded(read_texts()) {
        push_spellings(&mut spellings, &text);
    }
    // Transliterated letters keep no case worth reading: a capital made
    // from "CbIH" is no word break.
    let mut transliterated_from = spellings.len();
    if has_latin(&shown) || texts.iter().any(|t| has_latin(t)) {
        // (A text with a stretch of a Latin letter, with it read through
        // before a Latin group is, in its place: "Sluzzzhba",
        // `stretched.rs`. No scheme reads a letter three times.)
        // (A text without a stretch, most, is read as it is: no copy.)
        let read = if texts.is_empty() {
            as_written_transliterated(&as_written)
        } else {
            let mut texts: Vec<Cow<str>> = Vec::with_capacity(1 + texts.len());
            for text in read_texts() {
                let stretched = stretched_texts(text);
                if stretched.is_empty() {
                    texts.push(Cow::Borrowed(text));
                } else {
                    texts.extend(stretched.into_iter().map(Cow::Owned));
                }
            }
            transliterations(texts.iter().map(|t| &**t))
        };
        for chars in read {
            spellings.push(fold_displayed_chars(chars, false));
        }
    }
    // Each spelling with a web address's parts as words, and with letter
    // names as letters, right after it (a transliteration's stays among
    // the transliterations).
    // (Letters' names typed in Latin letters stay among the
    // transliterations, where no abbreviation is read: "De Beer" and
    // "Cebe" are surnames, not "ДБР" and "ЦБ".)
    // And each with its stretched letters read through ("Сбееееербанк",
    // `stretched.rs`), as it is and with its web address's parts apart
    // before and after ("www" is a prefix, not a stretch, in
    // "wwwSberbaaankkz"; "Сбербанкрффф" a domain), and those with letter
    // names read.
    let as_read = transliterated_from;
    let mut parted = Vec::with_capacity(spellings.len());
    let mut stretched: Vec<Folded> = Vec::new();
    for (i, spelling) in spellings.into_iter().enumerate() {
        let apart = domains_apart(&spelling);
        let base = apart.as_ref().unwrap_or(&spelling);
        let named = letters_named(base);
        // (At most `MAX_STRETCHED` in all, the nearest the name first.)
        let mut through = Vec::new();
        if stretched.len() < MAX_STRETCHED {
            through = stretches_read(&spelling);
            let through_apart: Vec<Folded> = through.iter().filter_map(domains_apart).collect();
            through.extend(through_apart);
            through.extend(apart.as_ref().map(stretches_read).unwrap_or_default());
        }
        let named_through: Vec<Folded> = through.iter().filter_map(letters_named).collect();
        let before = parted.len();
        parted.push(spelling);
        parted.extend([apart, named].into_iter().flatten());
        if i < as_read {
            transliterated_from += parted.len() - before - 1;
        }
        stretched.extend(through.into_iter().chain(named_through));
    }
    // (Stretched words are read as words, never as abbreviations: among
    // the transliterations, "Скррр" and "Пфууу" are no "СКР" and "ПФУ".)
    stretched.truncate(MAX_STRETCHED);
    parted.extend(stretched);
    // (A spelling two re-readings reach alike is read once: each rule
    // reads a spelling alone, and whether it is a transliteration.)
    let mut spellings: Vec<Folded> = Vec::with_capacity(parted.len());
    let mut kept_before = 0;
    for (i, spelling) in parted.into_iter().enumerate() {
        let (block, seen) = if i < transliterated_from {
            (0..kept_before, &spellings[..])
        } else {
            (kept_before..spellings.len(), &spellings[..])
        };
        if !seen[block].contains(&spelling) {
            spellings.push(spelling);
        }
        if i < transliterated_from {
            kept_before = spellings.len();
        }
    }
    let transliterated_from = kept_before;
    // (Boxed letters are words: "🇫🇸🇧 Иванов И.И." is no person. A word
    // alone has no initials: read once more, no deeper; each part of a
    // double surname on its own, "Петрова-Полицейская".)
    let person = surname_with_initials(boxed.as_deref().unwrap_or(&shown));
    let spelt = |word: &str| -> Vec<Folded> {
        word.split('-')
            .flat_map(|part| read(part).spellings)
            .collect()
    };
    Reading {
        spellings,
        transliterated_from,
        surname_with_initials: person.as_ref().map(|p| spelt(p.surname)),
        beside_initials: person
            .iter()
            .flat_map(|p| p.others.iter().map(|w| read(w)))
            .collect(),
    }
}

/// A text with its symbol groups as unknown letters and the symbols
/// drawn for letters inside words dropped (`groups_unknown`,
/// `drawn_dropped`): borrowed from it where neither changes it (most
/// names).
fn groups_read_unknown(text: &str) -> std::borrow::Cow<'_, str> {
    match groups_unknown(text) {
        std::borrow::Cow::Borrowed(text) => drawn_dropped(text),
        std::borrow::Cow::Owned(text) => drawn_dropped(&text).into_owned().into(),
    }
}

/// The name as the screen shows it (bidi overrides applied, invisible
/// characters and marks gone), within a budget of characters: the fold
/// reads 256 visible ones at most, and re-spelling a longer text costs
/// without changing what is read. And, when it has regional indicators
/// that show as boxed letters, the same with those letters read ("🇫 🇸
/// 🇧"), a spelling of its own: as written they are symbols, so a flag
/// split by an invisible mark ("Банк🇷\u{200F}🇺России") is no word inside
/// a phrase. (Paired in the order written, where invisible characters
/// still part them.)
fn shown_texts(name: &str) -> (String, Option<String>) {
    let shown_of = |text: &str| shown_text(text, MAX_RESPELT_CHARS);
    let boxed = match boxed_letters(capped(name)) {
        std::borrow::Cow::Owned(boxed) => Some(shown_of(&boxed)),
        std::borrow::Cow::Borrowed(_) => None,
    };
    (shown_of(capped(name)), boxed)
}

/// Latin letters inside Cyrillic words as sounds ("ФSБ"), in the name as
/// written and re-spelt ("беzопас|-|оsти"): abbreviations are read there,
/// the words are Cyrillic. At most `MAX_SOUNDED`, nearest first
/// ("Ти|-|ьк⭕fф" needs the text with both "|-|" and "⭕" read).
fn sounded<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let sounds = |text: &str| {
        if may_mix(text) {
            mixed_as_sounds(text)
        } else {
            Vec::new()
        }
    };
    nearest_first(texts.map(sounds).collect(), MAX_SOUNDED)
}

/// Whether any byte is one `look` passes. (Every byte looked at, none
/// skipped: the look is vectorized, faster than a search that stops.)
fn any_byte(bytes: &[u8], look: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |seen, &b| seen | look(b))
}

/// Whether a text may have both a Cyrillic letter and a Latin one in any
/// dress (or one drawn for it, "Ѕ"): else `mixed_as_sounds` reads
/// nothing in it (it looks for both first). From the bytes: a Cyrillic
/// letter is past U+0400 and before U+0530 (first bytes 0xD0 to 0xD4);
/// ASCII but its letters, the first Cyrillic block but "Ѕѕ", "Јј" and "Є"
/// (drawn for an "e": first bytes 0xD0 and 0xD1) and emoji are no Latin
/// letter in any dress (a test makes sure). Only other characters are decoded.
fn may_mix(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !any_byte(bytes, |b| (0xD0..=0xD4).contains(&b)) {
        return false;
    }
    // (Only the bytes that may say so are looked at: an ASCII letter, the
    // second byte of "Ѕѕ", "Јј", "Є", and the first byte of a character
    // past ASCII and the first Cyrillic block.)
    // (Without a branch: `bytes_where` looks at 16 bytes at once.)
    let may_say = |b: u8| {
        let ascii_letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let second = (b == 0x84) | (b == 0x85) | (b == 0x88) | (b == 0x95) | (b == 0x98);
        ascii_letter | second | (b >= 0xC0) & (b != 0xD0) & (b != 0xD1)
    };
    bytes_where(bytes, may_say).any(|at| {
        let b = bytes[at];
        if b < 0x80 {
            return true;
        }
        if b < 0xC0 {
            // (A second byte: of such a letter only after its first.)
            let first = at.checked_sub(1).map(|k| bytes[k]);
            return matches!(
                (first, b),
                (Some(0xD0), 0x84 | 0x85 | 0x88) | (Some(0xD1), 0x95 | 0x98)
            );
        }
        // (A first byte starts a character.)
        text[at..]
            .chars()
            .next()
            .is_none_or(|c| !PICTOGRAPHS.contains(&(c as u32)))
    })
}

/// Per text, its readings; at most `most` of them, none twice, in the
/// order of how far each is from the name as written: a text's place
/// among the texts plus the reading's place among its own, the earlier
/// text first. So neither many texts nor a text read many ways crowds
/// out the reading a disguise needs.
/// (A text's own readings are none twice: `transliterated` and
/// `mixed_as_sounds` push none again.)
fn nearest_first<T: PartialEq + Default>(mut per_text: Vec<Vec<T>>, most: usize) -> Vec<T> {
    // (One text, most names: its readings, in their order, are the
    // nearest already, none twice; moved out whole.)
    if let [only] = &mut per_text[..] {
        if only.len() <= most {
            return std::mem::take(only);
        }
    }
    let longest = per_text.iter().map(Vec::len).max().unwrap_or(0);
    let mut out: Vec<T> = Vec::new();
    for distance in 0..per_text.len() + longest {
        for (t, of_text) in per_text.iter_mut().enumerate().take(distance + 1) {
            if let Some(text) = of_text.get_mut(distance - t) {
                if out.len() == most {
                    return out;
                }
                // (Each reading is come to once: moved, not copied.)
                if !out.contains(text) {
                    out.push(std::mem::take(text));
                }
            }
        }
    }
    out
}

/// The texts' Latin letters transliterated, at most `MAX_TRANSLITERATED`, in
/// the order of how far each is from the name as written: a text's place
/// among the texts plus its scheme's place among its schemes, the earlier
/// text first. So neither many re-spelt texts nor a name that sets off
/// every scheme ("j", random case, "ts", a final "y") crowds out the
/// reading a disguise needs: the name as written in its fifth scheme
/// ("Goriachaia linia" beside decoys "tsy jAj"), a re-spelt text in its
/// third ("P[]litcia" beside "$$ Ьь").
fn transliterations<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<Vec<char>> {
    nearest_first(texts.map(transliterated).collect(), MAX_TRANSLITERATED)
}

/// `transliterations` of the name as written alone (no text re-spelt,
/// most Latin names): with no stretch, its own readings, the nearest as
/// they come (`nearest_first` of one text), without a list of texts.
fn as_written_transliterated(as_written: &str) -> Vec<Vec<char>> {
    let stretched = stretched_texts(as_written);
    if !stretched.is_empty() {
        return transliterations(stretched.iter().map(String::as_str));
    }
    let mut read = transliterated(as_written);
    read.truncate(MAX_TRANSLITERATED);
    read
}

/// The re-spelt texts of `all` (the name as written, and with boxed
/// letters read), at most `MAX_SPELLINGS` in all, none twice. First each
/// re-spelling alone, all of them at once, and all but one, so that
/// whatever else a name sets off, a disguise that needs one of them, all,
/// or all but one that would spoil it is read ("Ьank support" beside "©",
/// "|\\|", "a@b" and "|-|" decoys; "N@TIONAL ЬANK" beside "|\\|", where
/// the groups would read its "IO" as "Ю"); then, in the room left, each
/// re-spelling on top of the ones before ("Examp|e Ьank" needs '|' as 'l'
/// and 'Ь' as 'b', but not "@" as "a").
fn respell_all(all: &mut Vec<String>) {
    let push = |all: &mut Vec<String>, text: String| {
        if all.len() < MAX_SPELLINGS && !all.contains(&text) {
            all.push(text);
        }
    };
    // (The name as written and with boxed letters read take turns: the
    // boxed reading's own re-spellings are not crowded out. They stay
    // first in `all`, as they are: read there, not copied.)
    let written = all.len();
    // (What each text is worth is looked at once: texts are only ever
    // added.)
    let mut worth_of: Vec<u8> = Vec::with_capacity(MAX_SPELLINGS);
    let mut alone = Vec::with_capacity(written);
    for w in 0..written {
        let worth = worth(&all[w]);
        worth_of.push(worth);
        let mut applied = 0;
        for (k, respell) in RESPELLINGS.iter().enumerate() {
            if let Some(text) = (worth & 1 << k != 0).then(|| respell(&all[w])).flatten() {
                push(all, text);
                applied += 1;
            }
        }
        alone.push(applied);
    }
    // (With one re-spelling or none for the name itself, the rest are
    // read on top of it below: most names stop here.)
    let mut but_one = Vec::new();
    for w in (0..written).filter(|&w| alone[w] >= 2) {
        let (every, applied) = respelt_but(&all[w], None);
        if applied.len() > 1 {
            push(all, every);
        }
        if applied.len() > 2 {
            but_one.extend(applied.into_iter().map(|skip| (w, skip)));
        }
    }
    for (w, skip) in but_one {
        let text = respelt_but(&all[w], Some(skip)).0;
        push(all, text);
    }
    // (Each re-spelling of the name as written is made above.)
    for (r, respell) in RESPELLINGS.iter().enumerate() {
        let mut k = written;
        while k < all.len() && all.len() < MAX_SPELLINGS {
            while worth_of.len() <= k {
                worth_of.push(worth(&all[worth_of.len()]));
            }
            if worth_of[k] & 1 << r != 0 {
                if let Some(text) = respell(&all[k]) {
                    push(all, text);
                }
            }
            k += 1;
        }
    }
}

/// `text` with every re-spelling applied in turn but `skip`, and which of
/// them changed it.
fn respelt_but(text: &str, skip: Option<usize>) -> (String, Vec<usize>) {
    let mut out = text.to_string();
    let mut worth_out = worth(&out);
    let mut applied = Vec::new();
    for (k, respell) in RESPELLINGS.iter().enumerate() {
        if Some(k) == skip || worth_out & 1 << k == 0 {
            continue;
        }
        if let Some(respelt) = respell(&out) {
            out = respelt;
            worth_out = worth(&out);
            applied.push(k);
        }
    }
    (out, applied)
}

/// Whether a text may have Latin letters, styled or not: only then is it
/// transliterated.
fn has_latin(text: &str) -> bool {
    text.chars().any(reads_as_latin)
}

/// A Latin letter in any dress (accented, fullwidth, circled, styled), or
/// a Greek or phonetic letter that passes for one. Cyrillic letters and
/// emoji (flags included) are none, at a glance.
pub(super) fn reads_as_latin(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        0x370..=0x3FF | 0x1D00..=0x1FFF => true,
        0x400..=0x52F | 0x1F300..=0x1FAFF => false,
        _ => decomposed(c).iter().any(|d| d.is_ascii_alphabetic()),
    }
}

/// The re-spellings, in the order they are applied; `worth` says which
/// of them can change a text at all.
const RESPELLINGS: [fn(&str) -> Option<String>; 6] = [
    multi_letter,
    // The groups that draw a Latin letter unlike their Cyrillic one
    // ("Ba|\\|k": N, "B/\\NK": A), in a Latin word.
    multi_letter_latin,
    symbols_as_letters,
    drawn_letters,
    soft_sign_as_b,
    trademarks_apart,
];

/// Which of `RESPELLINGS` can change a text (bit `k` for the `k`-th), at
/// a quick look, so that most names skip the work. One pass over the text
/// for them all: every re-spelt text is asked.
fn worth(text: &str) -> u8 {
    const ALL: u8 = (1 << RESPELLINGS.len()) - 1;
    let table = worth_table();
    let bytes = text.as_bytes();
    let mut bits = 0;
    let mut at = 0;
    // (ASCII and two-byte characters, nearly all of a name, from their
    // bytes and the table; the others decoded.)
    while at < bytes.len() && bits != ALL {
        let b = bytes[at];
        if b < 0x80 {
            bits |= table[usize::from(b)];
            at += 1;
        } else if b < 0xE0 {
            let low = bytes.get(at + 1).map_or(0, |n| usize::from(n & 0x3F));
            let cp = (usize::from(b & 0x1F) << 6) | low;
            bits |= table
                .get(cp)
                .copied()
                .unwrap_or_else(|| char::from_u32(cp as u32).map_or(0, char_worth_slow));
            at += 2;
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            bits |= char_worth(c);
            at += c.len_utf8();
        }
    }
    bits
}

/// What a re-spelling looks for, per character: a character that starts
/// a multi-letter group, a backslash, a symbol drawn for a letter ("@",
/// "|", "$"), a symbol or emoji drawn for one, a soft sign, a trademark
/// sign drawn in letters. From a table for the first blocks, where nearly
/// every character of a name is (a search of several lists each).
fn char_worth(c: char) -> u8 {
    worth_table()
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| char_worth_slow(c))
}

/// `char_worth_slow` of the characters below U+0530.
fn worth_table() -> &'static [u8] {
    const TABLE_END: u32 = 0x530;
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).map_or(0, char_worth_slow))
            .collect()
    })
}

fn char_worth_slow(c: char) -> u8 {
    let mut bits = 0;
    // (Fullwidth and styled forms start groups too: "｜－｜", "𝐈𝐈𝐈".)
    if may_start_group(c) || !c.is_ascii() && group_form(c).is_some_and(may_start_group) {
        bits |= 1 << 0;
    }
    bits |= match c {
        '\\' | '＼' => 1 << 1,
        '@' | '|' | '$' | '＠' | '｜' | '＄' => 1 << 2,
        'ь' | 'Ь' => 1 << 4,
        _ => 0,
    };
    if drawn_letter(c) {
        bits |= 1 << 3;
    }
    if may_be_trademark(c) {
        bits |= 1 << 5;
    }
    bits
}

/// Characters of a name that are re-spelt (after invisible ones are gone).
const MAX_RESPELT_CHARS: usize = 1024;

/// Texts re-spelt per name, at most: bounded work whatever the name.
const MAX_SPELLINGS: usize = 12;

/// Transliterated texts per name, at most: more than re-spelt ones, as
/// the words of a decoy ("jAj", "tsy") set off schemes of their own
/// ("P[]litcia" beside them is read in its fifth).
const MAX_TRANSLITERATED: usize = 16;

/// Spellings with stretched letters read through, at most: a name with a
/// stretch in every spelling ("info@wwwБанк…" with decoys) stays bounded.
const MAX_STRETCHED: usize = 32;

/// Texts with the Latin letters of mixed words as sounds, at most.
const MAX_SOUNDED: usize = 12;

/// A text folded, and folded without the word breaks case and script make
/// when they differ: a name in random case ("ОтдЕЛ мОшенНиЧеСтва",
/// "ЬANKSUррORT") reads as if case said nothing.
fn push_spellings(spellings: &mut Vec<Folded>, text: &str) {
    let cased = fold_displayed_cased(text);
    let folded = &cased.folded;
    // Where case made no break at all, the fold without case breaks is
    // this one: nothing to compare. (Asked first: the look at every
    // character after it is then spared.)
    let case_broke = folded.case_split || folded.case_parts_spelled;
    let split = case_broke
        && (folded.case_split || folded.words() > 1 && text.chars().any(|c| c.is_upper()));
    // (The fold without case breaks is made from this one's letters: case
    // changes nothing else.)
    let plain = split.then(|| cased.without_case());
    spellings.push(cased.folded);
    if let Some(plain) = plain {
        if plain.words() != spellings.last().map_or(0, Folded::words) {
            spellings.push(plain);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold::{letter_drawn, small_capital};
    use super::groups::{part_matches, MULTI_LETTER, STANDS_FOR_PARTS, SYMBOL_GROUP_STARTS};
    use super::latin::{transliterated_as, Latin};
    use super::*;

    #[test]
    fn latin_spellings_read_as_cyrillic() {
        for (latin, cyrillic) in [
            ("sluzhba bezopasnosti", "служба безопасности"),
            ("menedjer", "менеджер"),
            ("Tsentrobank", "Центробанк"),
            ("politsiya", "полиция"),
            ("Shchukin", "Щукин"),
            ("Schukin", "Щукин"),
        ] {
            assert_eq!(
                transliterated_as(latin, Latin::J_IS_Y)
                    .unwrap()
                    .to_lowercase(),
                cyrillic.to_lowercase()
            );
        }
        assert!(transliterated("Мама").is_empty());
        assert_eq!(
            transliterated_as("Slujba", Latin::J_IS_ZH).as_deref(),
            Some("Служба")
        );
        assert_eq!(
            transliterated_as("N a c z i o n a l n y j  b a n k", Latin::J_IS_Y).as_deref(),
            Some("Националный  банк")
        );
    }

    #[test]
    fn symbol_groups_start_where_groups_unknown_looks() {
        let mut firsts: Vec<char> = MULTI_LETTER
            .iter()
            .filter(|(from, _)| from.chars().any(|c| !c.is_alnum()))
            .filter_map(|(from, _)| from.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut starts = SYMBOL_GROUP_STARTS.to_vec();
        starts.sort_unstable();
        assert_eq!(firsts, starts);
        // Every group's first character is one `may_start_group` passes.
        for (from, _) in MULTI_LETTER {
            let first = from.chars().next().unwrap();
            assert!(may_start_group(first), "{from}");
        }
        // And no other character starts one (`groups_from` looks only at
        // the groups' own characters and those that stand for a part).
        let chars = MULTI_LETTER
            .iter()
            .flat_map(|(from, _)| from.chars())
            .chain(STANDS_FOR_PARTS.chars());
        for c in chars {
            let starts = MULTI_LETTER.iter().any(|(from, _)| {
                let first = from.chars().next().unwrap();
                part_matches(c, first, from)
            });
            assert!(!starts || may_start_group(c), "{c:?}");
        }
        assert!(!["|-|", "I-I", ">|<", "}|{", "|0"]
            .iter()
            .any(|g| matches!(*g, "bI" | "III")));
    }

    #[test]
    fn one_look_says_what_each_re_spelling_looks_for() {
        // Each re-spelling's own quick look, as it was asked one by one.
        let looks: [fn(&str) -> bool; 6] = [
            |t| {
                t.chars().any(|c| {
                    may_start_group(c)
                        || !c.is_ascii() && group_form(c).is_some_and(may_start_group)
                })
            },
            |t| t.contains(['\\', '＼']),
            |t| t.contains(['@', '|', '$', '＠', '｜', '＄']),
            |t| t.chars().any(drawn_letter),
            |t| t.contains(['ь', 'Ь']),
            |t| t.chars().any(may_be_trademark),
        ];
        let chars = (0..0x3000u32)
            .chain(0x1D400..0x1D800)
            .chain(0x1F100..0x1FB00)
            .chain(0xFF00..0xFFF0)
            .filter_map(char::from_u32);
        for c in chars {
            let text = format!("Ан{c}na");
            for (k, look) in looks.iter().enumerate() {
                assert_eq!(worth(&text) & 1 << k != 0, look(&text), "{c:?} {k}");
            }
        }
        let hostile = "Ь@nk|-|0 Sluzhba bEZ0pasn0sti I|-|Ь III bI cl rn Ρ 8 800 5553535©Ⓡᵀᴹ＼";
        for (k, look) in looks.iter().enumerate() {
            assert_eq!(worth(hostile) & 1 << k != 0, look(hostile), "{k}");
        }
    }

    #[test]
    fn the_characters_passed_for_sounds_are_no_latin_letter() {
        // What `may_mix` passes without decoding, against what
        // `latin::latin_drawn` looks for: a Latin letter in any dress, the
        // Cyrillic letters drawn as Latin ones, a small capital, a symbol
        // that spells a Latin letter, a letter of another script that
        // looks like a Latin one.
        let passed = (0..0x80u32)
            .chain(0x400..0x480)
            .chain(PICTOGRAPHS)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii_alphabetic() && !matches!(c, 'Ѕ' | 'ѕ' | 'Ј' | 'ј' | 'Є'));
        for c in passed {
            assert!(!reads_as_latin(c), "{c:?}");
            assert!(small_capital(c).is_none(), "{c:?}");
            assert!(
                !letter_drawn(c).is_some_and(|l| l.is_ascii_alphabetic()),
                "{c:?}"
            );
            let cyrillic = ('\u{400}'..='\u{52F}').contains(&c);
            assert!(c.is_ascii() || cyrillic || !c.is_alpha(), "{c:?}");
            assert!(!may_mix(&format!("Ан{c}на")), "{c:?}");
            assert!(mixed_as_sounds(&format!("Ан{c}на")).is_empty(), "{c:?}");
        }
        for text in ["ФSБ", "Ѕбер", "МVД", "Ⓢбер", "Sbеr", "ꓢбер", "Єбер", "јбер"]
        {
            assert!(may_mix(text), "{text}");
        }
        assert!(!may_mix("Sber"));
    }

    /// `may_mix` as it was, a character at a time.
    fn may_mix_by_chars(text: &str) -> bool {
        let bytes = text.as_bytes();
        if !any_byte(bytes, |b| (0xD0..=0xD4).contains(&b)) {
            return false;
        }
        text.chars().any(|c| match c {
            c if c.is_ascii() => c.is_ascii_alphabetic(),
            '\u{400}'..='\u{47F}' => matches!(c, 'Ѕ' | 'ѕ' | 'Ј' | 'ј' | 'Є'),
            c => !PICTOGRAPHS.contains(&(c as u32)),
        })
    }

    #[test]
    fn a_text_may_mix_as_its_characters_say() {
        let alphabet: Vec<char> = "аБцИхшЅѕЈјЄє ,.1-aZ🌸🔴éΡ\u{200B}ӀҚ".chars().collect();
        let mut random = crate::testing::Xorshift::new(0x2026_1210);
        for _ in 0..50_000 {
            let text = random.text(&alphabet, 40);
            assert_eq!(may_mix(&text), may_mix_by_chars(&text), "{text}");
        }
        for c in (0..0x3000)
            .chain(0x1F000..0x1FB00)
            .filter_map(char::from_u32)
        {
            let text = format!("Анна{c}на");
            assert_eq!(may_mix(&text), may_mix_by_chars(&text), "{c:?}");
        }
    }

    #[test]
    fn multi_letter_look_alikes_read_as_one() {
        assert_eq!(multi_letter("Sberbank").as_deref(), None);
        assert_eq!(
            multi_letter("МВД Poccии IIIтаб").as_deref(),
            Some("МВД Poccии Штаб")
        );
    }
}
