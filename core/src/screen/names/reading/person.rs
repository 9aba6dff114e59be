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
    // In title case or in capitals ("ДОРЖИЕВ Ц.Б.").
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(|c| c.is_upper());
    let rest: Vec<char> = chars.collect();
    let cased = rest.iter().all(|c| c.is_lower()) || rest.iter().all(|c| c.is_upper());
    let small = word.to_lowercase();
    capital && rest.len() >= 2 && cased && ENDINGS.iter().any(|e| small.ends_with(e))
}

/// The surname of a name that is a surname and two initials, a capital
/// and a dot each, before or after it: "Доржиев Ц.Б.", "Ц. Б. Доржиев",
/// "Доржиев Ц.Б", "Ц.Б.Доржиев". (Three initials are no person's name in the region:
/// "Иванов Ф.С.Б." stays an abbreviation; nor is a word without a
/// surname's ending: "Москва Ц.Б." is the Bank of Russia's office.)
pub(super) fn surname_with_initials(shown: &str) -> Option<&str> {
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
    let initials = |tokens: &[&str]| {
        let chars: Vec<char> = tokens.iter().flat_map(|t| t.chars()).collect();
        // The last dot may be missing ("Иванов И.И").
        matches!(chars[..], [a, '.', b] | [a, '.', b, '.'] if a.is_upper() && b.is_upper())
    };
    let word = |t: &str| t.trim_end_matches('.').split('-').all(surname);
    let (first, rest) = tokens.split_first()?;
    let (last, before) = tokens.split_last()?;
    if tokens.len() > 3 {
        None
    } else if word(first) && initials(rest) {
        Some(first.trim_end_matches('.'))
    } else if word(last) && initials(before) {
        Some(last.trim_end_matches('.'))
    } else {
        None
    }
}
