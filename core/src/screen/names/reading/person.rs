//! A person written with initials ("Доржиев Ц.Б."): the initials are a
//! person's, not an abbreviation.

use super::super::class::Class;
use super::super::fold::letter_drawn;

/// A word written as a surname: a capital, small letters (or all
/// capitals), and one of the endings surnames of the region have
/// (Russian, Ukrainian, Kazakh, Georgian, Armenian, and their Latin
/// spellings).
pub(super) fn surname(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ов",
        "ев",
        "ёв",
        "ова",
        "ева",
        "ёва",
        "ин",
        "ина",
        "ын",
        "ына",
        "ых",
        "их",
        "ко",
        "ский",
        "ская",
        "цкий",
        "цкая",
        "енко",
        "ук",
        "юк",
        "ич",
        "ян",
        "янц",
        "швили",
        "дзе",
        "ұлы",
        "қызы",
        "улы",
        "кызы",
        "ov",
        "ev",
        "ova",
        "eva",
        "ina",
        "sky",
        "skiy",
        "skaya",
        "enko",
        "yan",
    ];
    // Common surnames of the region with none of those endings: Korean
    // ones of Kazakhstan, Uzbekistan and Russia ("Ким Ц.Б."), Ukrainian
    // trades ("Мельник", "Коваль"). (Not those that are common words too:
    // "Ли", "Нам", "Шин" beside "Ц.Б." are no person.)
    const WITHOUT_ENDING: &[&str] = &[
        "ким",
        "цой",
        "пак",
        "тен",
        "хан",
        "югай",
        "огай",
        "кан",
        "хегай",
        "мельник",
        "бондарь",
        "бондар",
        "коваль",
        "ткач",
        "кравец",
        "кравець",
        "гончар",
        "kim",
        "tsoy",
        "tsoi",
        "pak",
        "ten",
    ];
    // In title case or in capitals ("ДОРЖИЕВ Ц.Б.").
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(|c| c.is_upper());
    let rest: Vec<char> = chars.collect();
    let cased = rest.iter().all(|c| c.is_lower()) || rest.iter().all(|c| c.is_upper());
    let small = word.to_lowercase();
    let known = WITHOUT_ENDING.contains(&small.as_str());
    capital && cased && (known || rest.len() >= 2 && ENDINGS.iter().any(|e| small.ends_with(e)))
}

/// A person written with initials, and the words beside them.
pub(super) struct Person<'a> {
    pub(super) surname: &'a str,
    /// Other words of the name, at most `MAX_OTHER_WORDS` ("Врач",
    /// "юрист", "РФ"): `authority.rs` weighs them.
    pub(super) others: Vec<&'a str>,
}

/// Words beside a surname and its initials, at most.
const MAX_OTHER_WORDS: usize = 2;

/// A name with a surname and two initials, a capital and a dot each,
/// right before or after it: "Доржиев Ц.Б.", "Ц. Б. Доржиев", "Доржиев
/// Ц.Б", "Ц.Б.Доржиев", "Врач Доржиев Ц.Б.". (Three initials are no
/// person's name in the region: "Иванов Ф.С.Б." stays an abbreviation, as
/// does any other single letter beside them; nor is a word without a
/// surname's ending: "Москва Ц.Б." is the Bank of Russia's office.)
pub(super) fn surname_with_initials(shown: &str) -> Option<Person<'_>> {
    if !shown.contains('.') {
        return None;
    }
    // Decorations around the words ("★ Доржиев Ц.Б. 🌸") are no words;
    // initials glued to each other or to the surname ("Ц.Б.Доржиев") are
    // words of their own.
    // Letters drawn as symbols ("⒡⒮⒝", "Ⓟ") are letters.
    let letter = |c: char| c.is_alpha() || letter_drawn(c).is_some();
    let tokens: Vec<&str> = shown
        .split_whitespace()
        .flat_map(|t| t.split_inclusive('.'))
        .map(|t| t.trim_matches(|c: char| !letter(c) && c != '.'))
        .filter(|t| t.chars().any(letter))
        .collect();
    if tokens.len() > 3 + MAX_OTHER_WORDS {
        return None;
    }
    let initials = |tokens: &[&str]| {
        let chars: Vec<char> = tokens.iter().flat_map(|t| t.chars()).collect();
        // The last dot may be missing ("Иванов И.И"); typed in haste, both
        // small ("Доржиев ц.б.").
        let cased = |a: char, b: char| a.is_upper() && b.is_upper() || a.is_lower() && b.is_lower();
        matches!(chars[..], [a, '.', b] | [a, '.', b, '.'] if cased(a, b))
    };
    let word = |t: &str| t.trim_end_matches('.').split('-').all(surname);
    // A third initial: one capital ("г." for a city is no initial).
    let one_letter = |t: &&str| {
        let t = t.trim_end_matches('.');
        t.chars().count() == 1 && t.chars().all(|c| c.is_upper())
    };
    // The surname at `at`, its initials at `from..from + 2`.
    let person = |at: usize, from: usize| {
        let others: Vec<&str> = (0..tokens.len())
            .filter(|&k| k != at && !(from..from + 2).contains(&k))
            .map(|k| tokens[k])
            .collect();
        (!others.iter().any(one_letter)).then(|| Person {
            surname: tokens[at].trim_end_matches('.'),
            others,
        })
    };
    (0..tokens.len()).find_map(|at| {
        let after = at + 3 <= tokens.len() && initials(&tokens[at + 1..at + 3]);
        let before = at >= 2 && initials(&tokens[at - 2..at]);
        if !word(tokens[at]) {
            None
        } else if after {
            person(at, at + 1)
        } else if before {
            person(at, at - 2)
        } else {
            None
        }
    })
}
