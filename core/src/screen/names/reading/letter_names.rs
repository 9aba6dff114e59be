//! Letters written as their names: an abbreviation spoken letter by letter
//! ("Эс Бэ У", "эф-эс-бэ", "Ес Бе У", "Тэцэка", "ЭфЭсБэ"). A reader hears
//! the letters; the reading spells each run of words made of nothing but
//! letter names (words of their own, or one word of several) once more as
//! the letters, one word ("СБУ", "ФСБ", "ТЦК"), and the lexicon reads the
//! abbreviation as it reads it written. Read on the folded spelling, so
//! the names are found in any dress ("ЭС6ЭУ", "εфεсбе", "Э н Б э У").
//!
//! Two consonant names at least make a run: a vowel is its own name and a
//! word ("у", "и", "а"), and one consonant's name is a word too ("же",
//! "де", "те"); a run that ends inside a word spells three letters at
//! least ("Цеберка" is no "ЦБ ерка"). And only a run that spells an abbreviation of the lexicon
//! is read: ordinary words are made of such syllables too ("Каша",
//! "детей" as "де-те-и"), and read as letters they would no longer be the
//! words of a phrase that takes a claim back ("Школа безопасности
//! детей").

use super::super::fold::{fold, same_look, Folded, Look};
use super::super::gate::bits;
use super::super::lexicon::{lexicon, ABBREVIATION_CHARS};
use super::domains::is_domain;
use std::sync::OnceLock;

/// (name, letter): the Russian, Ukrainian and Kazakh names of the
/// consonants as people write them out (a soft sign folds away: "эль" is
/// "эл").
const CONSONANTS: &[(&str, &str)] = &[
    ("бэ", "Б"),
    ("бе", "Б"),
    ("вэ", "В"),
    ("ве", "В"),
    ("гэ", "Г"),
    ("ге", "Г"),
    ("ґе", "Ґ"),
    ("дэ", "Д"),
    ("де", "Д"),
    ("жэ", "Ж"),
    ("же", "Ж"),
    ("зэ", "З"),
    ("зе", "З"),
    ("йот", "Й"),
    ("ка", "К"),
    ("эл", "Л"),
    ("ел", "Л"),
    ("эм", "М"),
    ("ем", "М"),
    ("мэ", "М"),
    ("эн", "Н"),
    ("ен", "Н"),
    ("нэ", "Н"),
    ("пэ", "П"),
    ("пе", "П"),
    ("эр", "Р"),
    ("ер", "Р"),
    ("рэ", "Р"),
    ("эс", "С"),
    ("ес", "С"),
    ("сэ", "С"),
    ("тэ", "Т"),
    ("те", "Т"),
    ("эф", "Ф"),
    ("еф", "Ф"),
    ("фэ", "Ф"),
    ("фе", "Ф"),
    ("ха", "Х"),
    ("цэ", "Ц"),
    ("це", "Ц"),
    ("че", "Ч"),
    ("ша", "Ш"),
    ("ща", "Щ"),
];

/// Vowels: each is its own name.
const VOWELS: &str = "аеёиіїоуыэюяєұүәө";

/// Letters a run of letter names spells, at most: as many as an
/// abbreviation of the lexicon has.
const MAX_NAMED: usize = ABBREVIATION_CHARS;

/// Letters a run that ends inside a word spells, at least: two syllables
/// starting a word are more often the word's ("Цеберка", "Цебенко").
const MIN_INSIDE_WORD: usize = 3;

/// Letters left of the last word a run crossed into, at least: a word
/// ("служба"), not the end of a first name ("Дэнис", "Бэлла").
const WORD_LEFT: usize = 5;

/// Letters of a letter's name, at most ("йот").
const NAME_LETTERS: usize = 3;

/// Places of a run tried, at most: the work stays bounded whatever the
/// name (a letter starts a few names at most).
const MAX_TRIES: usize = 64;

/// A name folded in small letters and in capitals (a letter meets it when
/// it meets either: "Bе" is "ве"), where in it the letter it names is,
/// and whether that is a consonant. The letter is read as written there,
/// in its own dress: a Latin "B" in "Bе" stays the "B" that is a "В" or a
/// "б" to the eye, as it is in an abbreviation written out.
struct Name {
    cases: [Vec<Look>; 2],
    letter_at: usize,
    consonant: bool,
    /// The signature of its first letter in either case, and of its
    /// second (0 for a vowel's name of one letter).
    first: u128,
    second: u128,
}

impl Name {
    fn len(&self) -> usize {
        self.cases[0].len()
    }

    /// Whether the name is written at the start of `looks`.
    fn starts(&self, looks: &[Look]) -> bool {
        let [small, capital] = &self.cases;
        // (The first two letters' signatures part most names at once.)
        looks.len() >= self.len()
            && looks[0].signature() & self.first != 0
            && (self.len() == 1 || looks[1].signature() & self.second != 0)
            && (0..self.len()).all(|k| looks[k].meets(small[k]) || looks[k].meets(capital[k]))
    }
}

struct Names {
    names: Vec<Name>,
    /// Letters of the longest name.
    longest: usize,
    /// The signatures of every name's first letter: a word that starts
    /// with none of them is passed after one AND.
    firsts: u128,
    /// The lexicon's abbreviations: what a run must spell.
    abbreviations: Vec<Vec<Look>>,
    /// Where a run may start: the signatures of the first letters of the
    /// consonants' names of two letters or more, in either case, and per
    /// bit of those the signatures of the second letters after it (a
    /// place is passed after a few ANDs, not a pass over every name).
    start_firsts: u128,
    start_seconds: Vec<u128>,
    /// The signatures of the vowels.
    vowel_firsts: u128,
    /// Per bit of a signature: the names (bits of their places in
    /// `names`) whose first letter has it.
    by_first_bit: Vec<u64>,
    /// The same for the second letter (in either case, `Name::second`),
    /// and the names of one letter, which have none: a place is tried
    /// only with the names its first two letters may start.
    by_second_bit: Vec<u64>,
    one_letter: u64,
    /// Per place in an abbreviation and bit of a signature: which
    /// abbreviations (bits of their places in `abbreviations`) have a
    /// letter there with that bit. A run leads on only while some
    /// abbreviation may still start with its letters; `None` when there
    /// are more abbreviations than a mask holds (then only `keep` checks).
    prefixes: Option<Vec<[Mask; 128]>>,
}

/// A set of abbreviations, a bit each.
type Mask = [u64; MASK_WORDS];
const MASK_WORDS: usize = 4;

fn and(a: Mask, b: Mask) -> Mask {
    std::array::from_fn(|w| a[w] & b[w])
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let name = |name: &str, letter_at: usize, consonant: bool| {
            let cases = [fold(name).looks, fold(&name.to_uppercase()).looks];
            let either = |k: usize| {
                cases
                    .iter()
                    .filter_map(|c| c.get(k))
                    .fold(0, |bits, l| bits | l.signature())
            };
            Name {
                letter_at,
                consonant,
                first: either(0),
                second: either(1),
                cases,
            }
        };
        let consonants = CONSONANTS.iter().map(|(n, letter)| {
            let at = n.chars().position(|c| c.to_uppercase().eq(letter.chars()));
            name(n, at.unwrap_or(0), true)
        });
        let vowels = VOWELS.chars().map(|v| name(&v.to_string(), 0, false));
        // (The longest first: "эл" before "э".)
        let mut names: Vec<Name> = consonants
            .chain(vowels)
            .filter(|n| n.len() > 0 && n.cases[1].len() == n.len())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let longest = names.first().map_or(0, Name::len);
        // (A bit each in `by_first_bit`.)
        assert!(names.len() <= 64);
        let firsts = names.iter().fold(0, |bits, n| bits | n.first);
        let mut abbreviations: Vec<Vec<Look>> = Vec::new();
        for a in lexicon().abbreviations() {
            if !abbreviations.iter().any(|b| b[..] == *a) {
                abbreviations.push(a.to_vec());
            }
        }
        let mut start_firsts = 0;
        let mut start_seconds = vec![0u128; 128];
        for n in names.iter().filter(|n| n.consonant && n.len() >= 2) {
            let [small, capital] = &n.cases;
            let either = |k: usize| small[k].signature() | capital[k].signature();
            start_firsts |= either(0);
            for bit in bits(either(0)) {
                start_seconds[bit] |= either(1);
            }
        }
        let mut by_first_bit = vec![0u64; 128];
        let mut by_second_bit = vec![0u64; 128];
        let mut one_letter = 0u64;
        for (i, name) in names.iter().enumerate() {
            for bit in bits(name.first) {
                by_first_bit[bit] |= 1 << i;
            }
            for bit in bits(name.second) {
                by_second_bit[bit] |= 1 << i;
            }
            if name.len() == 1 {
                one_letter |= 1 << i;
            }
        }
        let prefixes = (abbreviations.len() <= 64 * MASK_WORDS).then(|| {
            let mut prefixes = vec![[[0u64; MASK_WORDS]; 128]; MAX_NAMED];
            for (i, a) in abbreviations.iter().enumerate() {
                for (k, letter) in a.iter().enumerate().take(MAX_NAMED) {
                    for bit in bits(letter.signature()) {
                        prefixes[k][bit][i / 64] |= 1 << (i % 64);
                    }
                }
            }
            prefixes
        });
        let vowel_firsts = names
            .iter()
            .filter(|n| !n.consonant)
            .fold(0, |bits, n| bits | n.first);
        Names {
            longest,
            vowel_firsts,
            names,
            firsts,
            abbreviations,
            start_firsts,
            start_seconds,
            by_first_bit,
            by_second_bit,
            one_letter,
            prefixes,
        }
    })
}

/// The longest reading of letter names from `from` on, across word
/// breaks (spelled-out letters are grouped by case and gaps, not by name:
/// "Э н  Б э  У"): its end and letters. It spells an abbreviation of the
/// lexicon (so "ее це бэ" is read from "це": "ЕЕЦБ" is none), has two
/// consonants' names at least, and ends where a word ends, before a web
/// domain that ends the word ("эс-бэ-уkz"), or, read inside one word,
/// from a consonant's name, with three letters at least and two of the
/// word left ("Эсбэушник", "ВЭТЭБЭслужба"; "Уведення" is no "УВД"). A run that ends where a word ends is taken before
/// one that ends inside a word ("КаЕнБе утечка" is "КНБ").
fn named_run(spelling: &Folded, from: usize) -> Option<(usize, Vec<Look>)> {
    struct Search<'a> {
        spelling: &'a Folded,
        from: usize,
        letters: Vec<Look>,
        /// The abbreviations that may still start with `letters`.
        open: Mask,
        /// Whether the run starts with a consonant's name: a run that
        /// ends inside a word must ("Уведення" is no "УВД ення").
        consonant_first: bool,
        /// The longest run that ends a word, and inside one.
        at_word_end: Option<(usize, Vec<Look>)>,
        inside_word: Option<(usize, Vec<Look>)>,
        tries: usize,
    }
    impl Search<'_> {
        fn keep(best: &mut Option<(usize, Vec<Look>)>, at: usize, letters: &[Look], open: Mask) {
            // (Only the abbreviations still open are compared, when the
            // masks hold them all.)
            let spells = || {
                let abbreviations = &names().abbreviations;
                if names().prefixes.is_none() {
                    return abbreviations.iter().any(|a| same_look(a, letters));
                }
                let open = open
                    .iter()
                    .enumerate()
                    .flat_map(|(w, &word)| bits(u128::from(word)).map(move |b| 64 * w + b));
                open.take_while(|&i| i < abbreviations.len())
                    .any(|i| same_look(&abbreviations[i], letters))
            };
            if best.as_ref().is_none_or(|(end, _)| at > *end) && spells() {
                *best = Some((at, letters.to_vec()));
            }
        }

        /// A name read over a word break joins letters spelled out,
        /// grouped by case or gaps into words of two letters at most ("Э н
        /// Б э": "Э|нБ|э"), not a word's letters ("3 этаж" is no "зэ").
        fn may_cross(&self, at: usize, len: usize) -> bool {
            let spelling = self.spelling;
            let short = |p: usize| {
                let start = (0..=p).rev().find(|&s| spelling.word_start[s]).unwrap_or(0);
                start + 1 + spelling.rest_of_word(start + 1) - start <= 2
            };
            (at + 1..at + len).all(|p| !spelling.word_start[p] || short(p - 1) && short(p))
        }

        fn from(&mut self, at: usize, consonants: usize) {
            let spelling = self.spelling;
            let looks = &spelling.looks;
            // (A domain glued to the last name is a word: "эс-бэ-уkz".)
            let ends_word = || {
                at == looks.len()
                    || spelling.word_start[at]
                    || is_domain(&looks[at..at + 1 + spelling.rest_of_word(at + 1)])
            };
            if consonants >= 2 && ends_word() {
                Search::keep(&mut self.at_word_end, at, &self.letters, self.open);
            } else if consonants >= 2
                && self.letters.len() >= MIN_INSIDE_WORD
                && self.consonant_first
            {
                // (In one word; or in the last of words before it that
                // are a name each, where what is left of it is a word of
                // its own: "Вэ-Тэ-Бэслужба", not "Эм Вэ Дэнис", "Ка Эн
                // Бэлла".)
                let crossed: Vec<usize> = (self.from + 1..at)
                    .filter(|&p| spelling.word_start[p])
                    .collect();
                let names_before = crossed.iter().all(|&p| {
                    let before = (self.from..p).rev();
                    before.take_while(|&q| !spelling.word_start[q]).count() < NAME_LETTERS
                });
                let left = 1 + spelling.rest_of_word(at + 1);
                let word_left = if crossed.is_empty() { 2 } else { WORD_LEFT };
                if names_before && left >= word_left {
                    Search::keep(&mut self.inside_word, at, &self.letters, self.open);
                }
            }
            if at == looks.len()
                || self.letters.len() == MAX_NAMED
                || looks[at].signature() & names().firsts == 0
                || self.tries == MAX_TRIES
            {
                return;
            }
            self.tries += 1;
            let names = names();
            // (Only the names that start with this letter, longest first.)
            // (And of those, only the names of one letter or whose second
            // letter the next may be: `Name::starts` asks both.)
            let second = looks.get(at + 1).map_or(0, |l| l.signature());
            let seconds = bits(second).fold(names.one_letter, |mask, bit| {
                mask | names.by_second_bit[bit]
            });
            let mut candidates = bits(looks[at].signature() & names.firsts)
                .fold(0u64, |mask, bit| mask | names.by_first_bit[bit])
                & seconds;
            while candidates != 0 {
                let name = &names.names[candidates.trailing_zeros() as usize];
                candidates &= candidates - 1;
                if name.starts(&looks[at..]) && self.may_cross(at, name.len()) {
                    let letter = looks[at + name.letter_at];
                    // (Only while an abbreviation may start so.)
                    let open = self.open;
                    if let Some(prefixes) = &names.prefixes {
                        let k = self.letters.len();
                        let here = bits(letter.signature()).fold([0; MASK_WORDS], |m: Mask, b| {
                            std::array::from_fn(|w| m[w] | prefixes[k][b][w])
                        });
                        self.open = and(open, here);
                        if self.open == [0; MASK_WORDS] {
                            self.open = open;
                            continue;
                        }
                    }
                    if self.letters.is_empty() {
                        self.consonant_first = name.consonant;
                    }
                    self.letters.push(letter);
                    let consonant = usize::from(name.consonant);
                    self.from(at + name.len(), consonants + consonant);
                    self.letters.pop();
                    self.open = open;
                }
            }
        }
    }
    let mut search = Search {
        spelling,
        from,
        letters: Vec::with_capacity(MAX_NAMED),
        open: [u64::MAX; MASK_WORDS],
        consonant_first: false,
        at_word_end: None,
        inside_word: None,
        tries: 0,
    };
    search.from(from, 0);
    search.at_word_end.or(search.inside_word)
}

/// The spelling with each run of letter names read as its letters, one
/// word; `None` when it has none.
pub(super) fn letters_named(spelling: &Folded) -> Option<Folded> {
    let looks = &spelling.looks;
    let word_end = |at: usize| at + 1 + spelling.rest_of_word(at + 1);
    // The runs, each from a word's start: (start, end, letters). (Most
    // words start with no consonant's name: passed after a few ANDs.)
    let mut runs = Vec::new();
    let mut at = 0;
    while at < looks.len() {
        match (may_start_run(&looks[at..]) && two_consonant_names_may_follow(looks, at))
            .then(|| named_run(spelling, at))
            .flatten()
        {
            Some((end, letters)) => {
                runs.push((at, end, letters));
                // (The rest of a word the run ends inside is a word.)
                at = end;
            }
            None => at = word_end(at),
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut out = Folded {
        looks: Vec::with_capacity(looks.len()),
        word_start: Vec::with_capacity(looks.len()),
        soft_after: Vec::with_capacity(looks.len()),
        ..spelling.clone()
    };
    // (The rest of a word a run ends inside starts a word: "ВТБ|служба".)
    let copy = |out: &mut Folded, from: usize, to: usize, split: bool| {
        out.looks.extend_from_slice(&looks[from..to]);
        out.word_start
            .extend_from_slice(&spelling.word_start[from..to]);
        out.soft_after
            .extend_from_slice(&spelling.soft_after[from..to]);
        if split && from < to {
            let first = out.looks.len() - (to - from);
            out.word_start[first] = true;
        }
    };
    let mut copied = 0;
    for (start, end, letters) in runs {
        copy(&mut out, copied, start, copied > 0);
        for (k, look) in letters.into_iter().enumerate() {
            out.looks.push(look);
            out.word_start.push(k == 0);
            out.soft_after.push(false);
        }
        copied = end;
    }
    copy(&mut out, copied, looks.len(), true);
    Some(out)
}

/// Whether a run from `at` may hold two consonants' names, as every run
/// does (`named_run`): two places in its reach, two letters apart at least
/// (a consonant's name has two letters or more), where a consonant's name
/// may start (their first two letters meet its first two). The reach: as
/// many names as a run spells letters, each as long as the longest name.
/// ("3 этаж" reads "зэ" and "эм" one letter apart: no run, no search.)
fn two_consonant_names_may_follow(looks: &[Look], at: usize) -> bool {
    let names = names();
    let reach = looks.len().min(at + MAX_NAMED * names.longest);
    let mut first = None;
    for p in at..reach {
        if !consonant_name_may_start(names, &looks[p..reach]) {
            continue;
        }
        match first {
            None => first = Some(p),
            Some(f) if p >= f + 2 => return true,
            Some(_) => {}
        }
    }
    false
}

/// Whether the first two letters meet the first two of a consonant's name
/// of two letters or more (by their signatures, as `Name::starts` first
/// asks).
fn consonant_name_may_start(names: &Names, letters: &[Look]) -> bool {
    let [first, second, ..] = letters else {
        return false;
    };
    let second = second.signature();
    bits(first.signature() & names.start_firsts).any(|b| second & names.start_seconds[b] != 0)
}

/// Whether `letters` may start a run: their first two letters meet the
/// first two of a consonant's name, or a vowel comes first ("О Вэ Дэ").
fn may_start_run(letters: &[Look]) -> bool {
    let names = names();
    let consonant_first = |letters: &[Look]| consonant_name_may_start(names, letters);
    consonant_first(letters)
        || letters
            .first()
            .is_some_and(|l| l.signature() & names.vowel_firsts != 0)
            && consonant_first(&letters[1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Folded> {
        letters_named(&fold(text))
    }

    /// The searches are passed where no two consonants' names may start
    /// two letters apart (`may_start_run`, `two_consonant_names_may_follow`):
    /// sound only while no consonant's name is a single letter.
    #[test]
    fn every_consonant_name_has_two_letters_or_more() {
        for (name, letter) in CONSONANTS {
            assert!(name.chars().count() >= 2, "{letter}: {name}");
        }
    }

    #[test]
    fn runs_of_letter_names_read_as_letters() {
        for (text, letters) in [
            ("Эс Бэ У", "СБУ"),
            ("эф-эс-бэ России", "ФСБ России"),
            ("Ес Бе У", "СБУ"),
            ("Тэцэка", "ТЦК"),
            ("Звонок Эм Вэ Дэ", "Звонок МВД"),
            ("Ec Бe У", "СБУ"),
            ("эс6эу", "СБУ"),
            ("Э н Б э У", "НБУ"),
        ] {
            let want = fold(letters);
            let got = read(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(got.words(), want.words(), "{text}");
            assert!(same_look(&got.looks, &want.looks), "{text}");
        }
        for text in [
            "Мама",
            "Иван у дома",
            "Где же ты",
            "Сергеевна",
            "",
            "Ха-ха",
            "детей",
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
