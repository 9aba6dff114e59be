//! The name lexicon, as data: `lexicon/{ru,uk,kk,en}.txt` (authorities and
//! role words per language) and `lexicon/banks.txt` (bank words, brands,
//! fillers, and the phrases in which "bank" is no bank). Compiled into the
//! library (`include_str!`): the core reads no files.
//!
//! A file is a list of `[section]`s, one phrase a line, `#` comments. A
//! phrase's tokens match consecutive words of the name, each at the start
//! of a word: `stem*` any word starting with the stem (Russian endings,
//! compounds), `word~` the word with an ending of up to three letters
//! ("банк~": "Банка", not "Банкетный"), a bare token the whole word
//! (abbreviations). Letters fold like a name's (look-alikes, case, digits),
//! so a phrase is written once, in its own script; Latin spellings of
//! Cyrillic words come from the transliterated reading (`reading/latin.rs`).

use super::fold::{fold, upright, Folded, Look};
use super::gate::Gate;
use super::index::Index;
use super::pairs::{pairs_of, Needs};
use super::words::{ending_at, ends_with_ending, stem, Word, MAX_ENDING};
use std::sync::OnceLock;

const LANGUAGES: [&str; 4] = [
    include_str!("lexicon/ru.txt"),
    include_str!("lexicon/uk.txt"),
    include_str!("lexicon/kk.txt"),
    include_str!("lexicon/en.txt"),
];
const BANKS: &str = include_str!("lexicon/banks.txt");

/// Phrases this long (folded letters, over two or more words, or ten in
/// one word) are also found glued inside a word ("Службабезопасности"):
/// long enough never to fire by chance (`tests/names/benign.txt`).
pub const GLUED_PHRASE_CHARS: usize = 8;
pub const GLUED_WORD_CHARS: usize = 10;
/// Whole words this short are abbreviations ("ФСБ", "ОГП", "НАБУ").
pub(super) const ABBREVIATION_CHARS: usize = 4;

/// Role words this long are found glued to the bank word ("bankSupport"
/// is split by case; "поддержкабанка" is not).
pub const GLUED_ROLE_CHARS: usize = 5;
/// Brands of one word this long are also found glued inside a word
/// ("мойсбербанк", "ВашТинькофф"): a brand is a name, and one of seven
/// letters does not turn up by chance inside other words
/// (`tests/names/benign.txt`).
pub const GLUED_BRAND_CHARS: usize = 7;

#[derive(Debug, Clone)]
pub struct Phrase {
    pub(super) words: Vec<Word>,
    /// The words in every order a reader still takes for the phrase
    /// ("России Банк", "Committee Investigative"): phrases of up to
    /// `MAX_PERMUTED_WORDS` words; the first is `words`.
    orders: Vec<Vec<Word>>,
    /// The line it was made from, for `explain` (a developer's tool).
    pub(super) text: String,
}

/// The index of `phrases` by the first letters of each of their orders.
fn index(phrases: &[Phrase]) -> Index {
    index_of(phrases.iter().enumerate())
}

/// The index of some phrases, each filed under its own number.
fn index_of<'a>(phrases: impl Iterator<Item = (usize, &'a Phrase)>) -> Index {
    Index::build(phrases.flat_map(|(p, phrase)| {
        phrase
            .orders()
            .iter()
            .enumerate()
            .map(move |(o, order)| (p, o, &order[0]))
    }))
}

/// Phrases of up to this many words match in any order (3! = 6 orders).
const MAX_PERMUTED_WORDS: usize = 3;

fn orders(words: &[Word]) -> Vec<Vec<Word>> {
    if words.len() <= 1 || words.len() > MAX_PERMUTED_WORDS {
        return vec![words.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..words.len() {
        let mut rest = words.to_vec();
        let first = rest.remove(i);
        for mut tail in orders(&rest) {
            tail.insert(0, first.clone());
            out.push(tail);
        }
    }
    out
}

impl Phrase {
    fn new(words: Vec<Word>, text: &str) -> Phrase {
        Phrase {
            orders: orders(&words),
            words,
            text: text.to_string(),
        }
    }

    /// A phrase that matches only in its own order ("банк крови").
    fn in_order(self) -> Phrase {
        Phrase {
            orders: vec![self.words.clone()],
            ..self
        }
    }

    /// A lexicon line: `stem*`, `word~`, or a whole word.
    fn from_lexicon(line: &str) -> Option<Phrase> {
        let words: Vec<Word> = line
            .split_whitespace()
            .map(|token| {
                let exact = !token.ends_with(['*', '~']);
                let letters = token.trim_end_matches(['*', '~']);
                // An abbreviation is read upright: "orn" is no "ОГП".
                let chars = if exact && letters.chars().count() <= ABBREVIATION_CHARS {
                    upright(letters)
                } else {
                    fold(letters).looks
                };
                Word {
                    chars: chars.into(),
                    generic: token.ends_with('~'),
                    exact,
                    synonyms: Vec::new(),
                }
            })
            .filter(|w| !w.chars.is_empty())
            .collect();
        (!words.is_empty()).then(|| Phrase::new(words, line))
    }

    /// A phrase a list adds: words of 4+ folded letters are stems, shorter
    /// ones whole. `None` when it folds to nothing.
    pub fn from_list(text: &str) -> Option<Phrase> {
        let words: Vec<Word> = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .filter_map(|raw| {
                let chars = fold(&stem(raw)).looks;
                (!chars.is_empty()).then(|| Word {
                    exact: chars.len() < 4,
                    chars: chars.into(),
                    generic: false,
                    synonyms: Vec::new(),
                })
            })
            .collect();
        (!words.is_empty()).then(|| Phrase::new(words, text))
    }

    pub fn matches(&self, name: &Folded) -> bool {
        self.matches_at(name, &word_starts(name))
    }

    /// Tries only where words start (`starts`, from [`word_starts`]).
    pub(super) fn matches_at(&self, name: &Folded, starts: &[usize]) -> bool {
        self.find_at(name, starts).is_some()
    }

    /// Every word of the phrase starts a word of the name, in any order,
    /// anywhere, outside `spans`: for role phrases beside a bank ("Горячая
    /// банка линия") and authority phrases of four words or more ("ОТДЕЛ
    /// МОШЕННИЧЕСТВОМ ПО БОРЬБЕ С"), too long to match by chance.
    pub(super) fn scattered(
        &self,
        name: &Folded,
        starts: &[usize],
        spans: &[(usize, usize)],
    ) -> bool {
        self.words.len() > 1
            && self.words.iter().all(|w| {
                starts.iter().any(|&at| {
                    starts_word(name, at, w)
                        .is_some_and(|end| !spans.iter().any(|&(s, e)| at < e && s < end))
                })
            })
    }

    /// The letter pairs inside its words (`pairs.rs`): a name without one
    /// of them holds the phrase nowhere, in any order, glued or not.
    fn pairs(&self) -> Vec<(u128, u128)> {
        pairs_of(self.words.iter().map(|w| &*w.chars))
    }

    /// Long enough to match scattered as an authority phrase.
    pub(super) fn scatters(&self) -> bool {
        self.words.len() > MAX_PERMUTED_WORDS
    }

    /// Where the phrase first matches: (start, end).
    pub(super) fn find_at(&self, name: &Folded, starts: &[usize]) -> Option<(usize, usize)> {
        self.find_outside(name, starts, &[])
    }

    /// Where the phrase first matches without overlapping any of `spans`.
    pub(super) fn find_outside(
        &self,
        name: &Folded,
        starts: &[usize],
        spans: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        self.orders.iter().find_map(|words| {
            let first = words[0].chars[0];
            starts.iter().find_map(|&at| {
                if !first.meets(name.looks[at]) {
                    return None;
                }
                let end = in_words(name, at, words)?;
                let overlaps = spans.iter().any(|&(s, e)| at < e && s < end);
                (!overlaps).then_some((at, end))
            })
        })
    }

    /// Found with its words glued, anywhere inside the name's letters,
    /// without overlapping any of `spans`.
    pub(super) fn matches_glued(&self, name: &Folded, spans: &[(usize, usize)]) -> bool {
        self.orders.iter().any(|words| {
            (0..name.len()).any(|at| {
                in_glued(name, at, words)
                    .is_some_and(|end| !spans.iter().any(|&(s, e)| at < e && s < end))
            })
        })
    }

    /// Glued, starting exactly at `at`.
    pub(super) fn glued_at(&self, name: &Folded, at: usize) -> bool {
        in_glued(name, at, &self.words).is_some()
    }

    /// Glued at `at`, where its letters end (more may follow).
    pub(super) fn glued_end(&self, name: &Folded, at: usize) -> Option<usize> {
        in_glued_loose(name, at, &self.words)
    }

    /// Glued, starting at `at` and ending within `MAX_ENDING` letters
    /// before `end`.
    pub(super) fn glued_ends_at(&self, name: &Folded, at: usize, end: usize) -> bool {
        in_glued_loose(name, at, &self.words).is_some_and(|e| e <= end && end - e <= MAX_ENDING)
    }

    /// The orders its words may come in; the first is as written.
    pub(super) fn orders(&self) -> &[Vec<Word>] {
        &self.orders
    }

    /// It matches, in order `order`, with its first word starting the word
    /// at `at`, outside `spans`: where it ends.
    pub(super) fn at_start(
        &self,
        name: &Folded,
        at: usize,
        order: usize,
        spans: &[(usize, usize)],
    ) -> Option<usize> {
        let end = in_words(name, at, &self.orders[order])?;
        (!spans.iter().any(|&(s, e)| at < e && s < end)).then_some(end)
    }

    /// It matches, in order `order`, at word starts from `at`, its last
    /// word maybe glued to more letters ("blood bank|asupport"): where its
    /// last word's letters end.
    pub(super) fn at_start_open(&self, name: &Folded, at: usize, order: usize) -> Option<usize> {
        let words = &self.orders[order];
        let (last, first) = words.split_last()?;
        let mut next = at;
        for word in first {
            let end = starts_word(name, next, word)?;
            next = end + name.rest_of_word(end);
        }
        (name.word_start.get(next) == Some(&true) && name.has_at(next, &last.chars))
            .then_some(next + last.chars.len())
    }

    /// It matches glued, in order `order`, starting at `at`, outside `spans`.
    pub(super) fn glued_from(
        &self,
        name: &Folded,
        at: usize,
        order: usize,
        spans: &[(usize, usize)],
    ) -> bool {
        in_glued(name, at, &self.orders[order])
            .is_some_and(|end| !spans.iter().any(|&(s, e)| at < e && s < end))
    }

    /// An abbreviation: whole words only, four letters in all at most
    /// ("ЦБ", "ЦОН", "НАБУ", "ВТБ").
    pub(super) fn abbreviation(&self) -> bool {
        self.words.iter().all(|w| w.exact) && self.folded_len() <= 4
    }

    /// Visible letters and digits in the phrase.
    pub fn folded_len(&self) -> usize {
        self.words.iter().map(|w| w.chars.len()).sum()
    }

    /// A brand long enough to be looked for glued inside words.
    pub(super) fn brand_glues(&self) -> bool {
        self.words.len() == 1 && self.folded_len() >= GLUED_BRAND_CHARS
    }

    /// Long enough to be looked for glued inside words.
    fn glues(&self) -> bool {
        let len = self.folded_len();
        if self.words.len() > 1 {
            len >= GLUED_PHRASE_CHARS
        } else {
            len >= GLUED_WORD_CHARS
        }
    }
}

pub(super) fn word_starts(name: &Folded) -> Vec<usize> {
    // One allocation, never grown: a collected filter starts small and
    // grows as it goes.
    let mut starts = Vec::with_capacity(name.len());
    // Eight marks at a time: a mark is a byte, 1 where a word starts, so
    // eight read as one number show their starts by their set bits, and a
    // stretch inside a word is passed at once.
    let mut chunks = name.word_start.chunks_exact(8);
    for (c, chunk) in (&mut chunks).enumerate() {
        let mut marks = u64::from_le_bytes(std::array::from_fn(|i| u8::from(chunk[i])));
        while marks != 0 {
            starts.push(c * 8 + marks.trailing_zeros() as usize / 8);
            marks &= marks - 1;
        }
    }
    let rest = name.len() - chunks.remainder().len();
    starts.extend((rest..name.len()).filter(|&i| name.word_start[i]));
    starts
}

/// `words`, the first starting the word at `at`, each next one starting
/// the next word. Returns where the last word's match ends.
fn in_words(name: &Folded, at: usize, words: &[Word]) -> Option<usize> {
    let (word, rest) = words.split_first()?;
    let end = starts_word(name, at, word)?;
    if rest.is_empty() {
        return Some(end);
    }
    in_words(name, end + name.rest_of_word(end), rest)
}

pub(super) fn starts_word(name: &Folded, at: usize, word: &Word) -> Option<usize> {
    let end = at + word.chars.len();
    // (A whole word is first asked to end where the name's word ends, one
    // look, before its letters are compared: most words of a name are of
    // another length than an abbreviation.)
    let fits = at < name.len()
        && name.word_start[at]
        && (!word.exact || name.ends_word(end))
        && name.has_at(at, &word.chars)
        && (!word.generic || ends_with_ending(name, end));
    fits.then_some(end)
}

/// The phrase's words one right after the other (an ending of up to
/// `MAX_ENDING` letters between them), ignoring word breaks.
fn in_glued(name: &Folded, at: usize, words: &[Word]) -> Option<usize> {
    let (word, rest) = words.split_first()?;
    if !name.has_at(at, &word.chars) {
        return None;
    }
    let end = at + word.chars.len();
    if rest.is_empty() {
        // The last word still ends where a word of the name ends, when it
        // must: "центральныйбанк", not "Центральный банкетный".
        let fits = (!word.exact || name.rest_of_word(end) == 0)
            && (!word.generic || ends_with_ending(name, end));
        return fits.then_some(end);
    }
    glued_gaps(name, end, word).find_map(|gap| in_glued(name, end + gap, rest))
}

/// Letters between two glued words: an ending past the stem ("безопасн|ости").
const GLUED_GAP: usize = MAX_ENDING + 1;

/// The gaps a glued word may leave before the next one: any letters up to
/// `GLUED_GAP` after a stem, an ending after a word that takes endings
/// ("банк|а", not "банк|ет"), none after a whole word.
pub(super) fn glued_gaps<'a>(
    name: &'a Folded,
    end: usize,
    word: &'a Word,
) -> impl Iterator<Item = usize> + 'a {
    (0..=GLUED_GAP).filter(move |&gap| {
        gap == 0
            || !word.exact
                && (!word.generic || end + gap <= name.len() && ending_at(name, end, gap))
    })
}

/// As `in_glued`, without the last word's ending check (the caller knows
/// what follows).
fn in_glued_loose(name: &Folded, at: usize, words: &[Word]) -> Option<usize> {
    let (word, rest) = words.split_first()?;
    if !name.has_at(at, &word.chars) {
        return None;
    }
    let end = at + word.chars.len();
    if rest.is_empty() {
        return Some(end);
    }
    glued_gaps(name, end, word).find_map(|gap| in_glued_loose(name, end + gap, rest))
}

/// The phrase sets of `Lexicon::needs`, by their place.
pub(super) const NOT_BANK_SET: usize = 0;
pub(super) const GLUED_FILLER_SET: usize = 1;
pub(super) const GLUED_SET: usize = 2;
pub(super) const BRAND_SET: usize = 3;
pub(super) const BANK_WORD_SET: usize = 4;

pub(super) struct Lexicon {
    pub authority: Vec<Phrase>,
    pub authority_index: Index,
    /// Authority phrases of more words than are permuted: also matched
    /// scattered (indexes into `authority`).
    pub scattering: Vec<usize>,
    pub glued_index: Index,
    pub brand_index: Index,
    pub roles: Vec<Phrase>,
    /// The letter pairs of each role and each brand (`pairs.rs`), for the
    /// bank rules, which try them at every place of a name.
    pub role_pairs: Vec<Vec<(u128, u128)>>,
    pub brand_pairs: Vec<Vec<(u128, u128)>>,
    /// The letter pairs of the glued authority phrases, of the brands,
    /// of the bank words, of the phrases of `not_bank` and of the glued
    /// fillers (sets `*_SET`, in one walk): a name that shows none of a
    /// set's phrases whole holds none of them, and the rules that look
    /// for them are skipped.
    pub needs: Needs,
    /// The fillers of two letters or more, which are read glued to an
    /// authority's word.
    pub glued_fillers: Vec<Phrase>,
    pub bank_words: Vec<Vec<Look>>,
    /// Where a glued authority phrase, a brand or a bank word may start:
    /// the rules that look at every place of a name look only there.
    pub scan_gate: Gate,
    pub bank_endings: Vec<Vec<Look>>,
    pub brands: Vec<Phrase>,
    pub fillers: Vec<Phrase>,
    pub not_bank: Vec<Phrase>,
    pub not_bank_index: Index,
}

/// The phrases of `section` in every file of `files`.
fn section<'a>(files: &'a [&'a str], name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    files.iter().flat_map(move |file| {
        let mut inside = false;
        file.lines().map(str::trim).filter(move |line| {
            if let Some(header) = line.strip_prefix('[') {
                inside = header.trim_end_matches(']') == name;
                return false;
            }
            inside && !line.is_empty() && !line.starts_with('#')
        })
    })
}

fn phrases<'a>(files: &'a [&'a str], name: &'a str) -> Vec<Phrase> {
    section(files, name)
        .filter_map(Phrase::from_lexicon)
        .collect()
}

impl Lexicon {
    /// The abbreviations the lexicon reads: whole words of two to four
    /// letters in a phrase that claims or a role ("ЦБ", "ФСБ", "ВТБ",
    /// "СК" of "СК России", "СБ").
    pub(super) fn abbreviations(&self) -> impl Iterator<Item = &[Look]> {
        self.authority
            .iter()
            .chain(&self.brands)
            .chain(&self.roles)
            .flat_map(|p| &p.words)
            .filter(|w| w.exact && (2..=ABBREVIATION_CHARS).contains(&w.chars.len()))
            .map(|w| &*w.chars)
    }

    /// The words that make a claim on their own: one-word authority
    /// phrases and brands (not the words that claim only beside others,
    /// "майор" of "майор юстиции", "барс" of "Ак Барс Банк", "почта" of
    /// "Почта Банк", nor role words, bank words, fillers and the phrases
    /// that take a claim back: "Майоров", "Барсуков", "Банков",
    /// "Пожарский" are surnames).
    pub(super) fn claim_words(&self) -> impl Iterator<Item = &[Look]> {
        self.authority
            .iter()
            .chain(&self.brands)
            .filter(|p| p.words.len() == 1)
            .map(|p| &*p.words[0].chars)
    }
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let authority = phrases(&LANGUAGES, "authority");
        // The authority phrases long enough to be found glued, filed under
        // their number in `authority`.
        let glued = (0..authority.len()).filter(|&i| authority[i].glues());
        let folded = |name| {
            section(&[BANKS], name)
                .map(|w| fold(w).looks)
                .collect::<Vec<_>>()
        };
        let brands = phrases(&[BANKS], "brand");
        let roles = phrases(&LANGUAGES, "role");
        // Phrases in which a bank word is no bank ("Bank holiday") or an
        // authority word no authority ("Пожарная безопасность").
        let not_bank: Vec<Phrase> = phrases(&[BANKS], "not_bank")
            .into_iter()
            .chain(phrases(&LANGUAGES, "not_claim"))
            .map(Phrase::in_order)
            .collect();
        let glued_fillers: Vec<Phrase> = phrases(&[BANKS], "filler")
            .into_iter()
            .filter(|f| f.words.len() == 1 && f.folded_len() >= 2)
            .collect();
        let pairs = |phrases: &[Phrase]| phrases.iter().map(Phrase::pairs).collect::<Vec<_>>();
        let glued_pairs: Vec<_> = glued.clone().map(|i| authority[i].pairs()).collect();
        let brand_pairs = pairs(&brands);
        let bank_words = folded("bank");
        let bank_word_pairs: Vec<_> = bank_words
            .iter()
            .map(|w| pairs_of([w.as_slice()]))
            .collect();
        // (In the order of the `*_SET` numbers.)
        let needs = Needs::of(&[
            &pairs(&not_bank),
            &pairs(&glued_fillers),
            &glued_pairs,
            &brand_pairs,
            &bank_word_pairs,
        ]);
        let glued_index = index_of(glued.map(|i| (i, &authority[i])));
        let brand_index = index(&brands);
        let scan_gate = Gate::union([
            glued_index.gate(),
            brand_index.gate(),
            // (Bank words are read glued: none is whole.)
            &Gate::of(bank_words.iter().map(|w| {
                let keys = std::array::from_fn(|k| w.get(k).map_or(0, |l| l.key()));
                (keys, false)
            })),
        ]);
        Lexicon {
            authority_index: index(&authority),
            scattering: (0..authority.len())
                .filter(|&i| authority[i].scatters())
                .collect(),
            glued_index,
            brand_index,
            authority,
            role_pairs: roles.iter().map(Phrase::pairs).collect(),
            brand_pairs,
            needs,
            glued_fillers,
            roles,
            scan_gate,
            bank_words,
            bank_endings: folded("bank_ending"),
            brands,
            fillers: phrases(&[BANKS], "filler"),
            not_bank_index: index(&not_bank),
            not_bank,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_has_its_sections() {
        let lx = lexicon();
        for file in LANGUAGES {
            assert!(section(&[file], "authority").count() > 5);
            assert!(section(&[file], "role").count() > 2);
        }
        assert!(lx.bank_words.len() >= 2 && lx.brands.len() > 10 && !lx.not_bank.is_empty());
        assert!(lx.authority.iter().any(Phrase::glues));
    }

    /// The word starts read eight marks at a time are those marked, in
    /// order, at any length and over any stretch.
    #[test]
    fn word_starts_are_the_marked_places() {
        let mut random = crate::testing::Xorshift::new(0x57A7);
        for len in 0..40 {
            for _ in 0..50 {
                let word_start: Vec<bool> = (0..len).map(|_| random.below(3) == 0).collect();
                let name = Folded {
                    looks: vec![Look::default(); len],
                    word_start,
                    ..Folded::default()
                };
                let marked: Vec<usize> = (0..len).filter(|&i| name.word_start[i]).collect();
                assert_eq!(word_starts(&name), marked);
            }
        }
    }

    /// Every letter of the lexicon has its readings in the signature's
    /// alphabet: comparing a name with the lexicon is one AND a letter.
    #[test]
    fn the_lexicon_reads_inside_the_alphabet() {
        let lx = lexicon();
        let phrases = lx.authority.iter().chain(&lx.roles).chain(&lx.brands);
        let phrases = phrases.chain(&lx.fillers).chain(&lx.not_bank);
        let letters = phrases
            .flat_map(|p| p.words.iter().flat_map(|w| w.chars.iter()))
            .chain(lx.bank_words.iter().chain(&lx.bank_endings).flatten());
        for letter in letters {
            assert!(letter.inside_alphabet(), "{letter:?}");
        }
    }
}
