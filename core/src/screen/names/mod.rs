//! Display names: does a caller's name claim to be a bank, an authority,
//! or carry a number?
//!
//! The caller writes the name, so every rule works on what the customer
//! *sees* (`fold`): look-alike letters of any script in either case, digits
//! for letters, invisible and bidi characters, combining marks, spacing and
//! punctuation all fold away.
//!
//! - [`alias`]: the name claims one particular bank ("Пример Банка").
//! - [`authority`]: the name claims a financial or state authority role
//!   ("Служба безопасности", "ЦБ РФ").
//! - [`number_in_name`]: the name is, or contains, a phone number.

pub mod alias;
pub mod authority;
mod fold;
mod lexicon;
pub mod reading;
pub(crate) mod words;

pub use alias::{Alias, AliasProblem};
pub use authority::{claims_authority, Phrase};
pub use fold::{fold, look_of_char, same_look, Folded, Look, MAX_FOLDED_CHARS, MAX_NAME_BYTES};
pub use reading::{read, Reading};

/// True when the name, in any of its spellings, matches any of the aliases.
pub fn claims(name: &Reading, aliases: &[Alias]) -> bool {
    name.spellings
        .iter()
        .any(|s| !s.is_empty() && aliases.iter().any(|a| a.matches(s)))
}

/// Digits a run needs before it is worth reading as a phone number.
const MIN_NUMBER_DIGITS: usize = 7;
/// E.164's longest.
const MAX_NUMBER_DIGITS: usize = 15;
/// Candidates tried per name: bounded work whatever the name.
const MAX_CANDIDATES: usize = 32;

/// What people write between the digits of a number.
fn joins_digits(c: char) -> bool {
    matches!(
        c,
        '+' | '(' | ')' | '-' | '.' | '/' | ',' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}'
    ) || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The name with digits written any way made plain: circled, fullwidth,
/// bold or superscript digits become ASCII, keycaps and emoji selectors
/// vanish, and a letter O between digits is a zero ("8 8OO 555").
fn plain_digits(name: &str) -> Vec<char> {
    use unicode_normalization::UnicodeNormalization;
    let mut chars: Vec<char> = Vec::with_capacity(name.len());
    for c in name.chars().take(1024) {
        if matches!(c, '\u{20E3}' | '\u{FE0F}') {
            continue;
        }
        let mut parts = std::iter::once(c).nfkd();
        let plain = match (parts.next(), parts.next()) {
            (Some(d), None) if d.is_ascii_digit() => d,
            _ => c,
        };
        chars.push(plain);
    }
    let digit_near = |chars: &[char], i: usize| {
        let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
        let after = chars[i + 1..].iter().find(|c| !c.is_whitespace());
        before.is_some_and(|c| c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'О' | 'о'))
            && after.is_some_and(|c| c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'О' | 'о'))
            || before.is_some_and(char::is_ascii_digit) && after.is_none_or(|c| !c.is_alphabetic())
    };
    for i in 0..chars.len() {
        if matches!(chars[i], 'O' | 'o' | 'О' | 'о') && digit_near(&chars, i) {
            chars[i] = '0';
        }
    }
    chars
}

/// Every part of a display name that may be a phone number, for the
/// normalizer to judge, most likely first: each run of digits and what
/// people write between them (with an extension after it: "… доб. 2"),
/// then every window of consecutive digit groups of a plausible length —
/// so "Горячая линия 24/7 8 800 555 35 35", "Отдел 2 8 800 555-35-35" or
/// the hotline written twice still yield the hotline.
pub fn numbers_in_name(name: &str) -> Vec<String> {
    let chars = plain_digits(name);
    let mut out: Vec<String> = Vec::new();
    // A number in a name must look like one dialled from anywhere: with a
    // '+', or with a trunk or international prefix (11+ digits). A bare
    // 10-digit run is an order or a passport number far more often
    // ("Заказ 4950000002") than a phone number.
    let push = |candidate: String, out: &mut Vec<String>| {
        let digits = candidate.chars().filter(|c| c.is_numeric()).count();
        let plausible = candidate.trim_start().starts_with(['+', '('])
            && digits >= MIN_NUMBER_DIGITS
            || digits >= 11;
        if plausible && out.len() < MAX_CANDIDATES && !out.contains(&candidate) {
            out.push(candidate);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].is_numeric() || chars[i] == '+' || chars[i] == '(') {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_numeric() || joins_digits(chars[i])) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let run = run.trim_end_matches(|c: char| !c.is_numeric() && c != ')');
        // Digit groups, with whether a '+' came right before each.
        let mut groups: Vec<(bool, String)> = Vec::new();
        let mut plus = false;
        let mut current = String::new();
        for c in run.chars() {
            if c.is_numeric() {
                current.push(c);
            } else {
                if !current.is_empty() {
                    groups.push((plus, std::mem::take(&mut current)));
                    plus = false;
                }
                if c == '+' {
                    plus = true;
                }
            }
        }
        if !current.is_empty() {
            groups.push((plus, current));
        }
        let digits: usize = groups.iter().map(|(_, g)| g.chars().count()).sum();
        if digits < MIN_NUMBER_DIGITS {
            continue;
        }
        // The run as written, with an extension after it.
        let rest: String = chars[start + run.chars().count()..].iter().collect();
        let extension =
            crate::normalize::extension_marker_len(&rest).map_or("", |len| &rest[..len]);
        if digits <= MAX_NUMBER_DIGITS + 6 {
            push(format!("{run}{extension}"), &mut out);
        }
        for from in 0..groups.len() {
            let mut total = 0;
            for to in from..groups.len() {
                total += groups[to].1.chars().count();
                if total > MAX_NUMBER_DIGITS {
                    break;
                }
                if total >= MIN_NUMBER_DIGITS && (from, to) != (0, groups.len() - 1) {
                    let joined: Vec<&str> =
                        groups[from..=to].iter().map(|(_, g)| g.as_str()).collect();
                    let sign = if groups[from].0 { "+" } else { "" };
                    push(format!("{sign}{}", joined.join(" ")), &mut out);
                }
            }
        }
    }
    out
}

/// The first part of a display name that reads as a phone number.
pub fn number_in_name(name: &str) -> Option<String> {
    numbers_in_name(name).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_alias(name: &str, alias: &str) -> bool {
        claims(&read(name), &[Alias::compile(alias).unwrap()])
    }

    #[test]
    fn finds_the_alias_inside_a_longer_name() {
        assert!(claims_alias(
            "Служба безопасности Пример Банка",
            "Пример Банк"
        ));
        assert!(claims_alias(
            "ExampleBank Security Dept.",
            "ExampleBank Security"
        ));
    }

    #[test]
    fn ignores_case_spaces_punctuation_and_emoji() {
        assert!(claims_alias("🔒 EXAMPLE-bank", "Example Bank"));
        assert!(claims_alias("П р и м е р  Б а н к", "Пример Банк"));
        assert!(claims_alias("Пример_Банк!!!", "Пример Банк"));
    }

    #[test]
    fn sees_through_look_alikes_in_both_cases() {
        assert!(claims_alias("Cбер", "Сбер"));
        assert!(claims_alias("Ｅｘａｍｐｌｅ Ｂａｎｋ", "Example Bank"));
        assert!(claims_alias("Пpимep Бaнк", "Пример Банк"));
        assert!(claims_alias("ПРИМЕР БАHK", "Пример Банк"));
        assert!(claims_alias("Example Вank", "Example Bank"));
        assert!(claims_alias("ΕΧΑΜΡLΕ ΒΑΝΚ", "Example Bank"));
        assert!(claims_alias("Пр1мер Банк", "Пример Банк"));
        assert!(claims_alias("5ber", "Sber"));
    }

    #[test]
    fn friends_are_not_banks() {
        assert!(!claims_alias("Мама", "Пример Банк"));
        assert!(!claims_alias("Example Bakery", "Example Bank"));
        assert!(!claims_alias("", "Example Bank"));
    }

    #[test]
    fn numbers_are_found_in_names() {
        assert_eq!(
            number_in_name("8 800 555-35-35").as_deref(),
            Some("8 800 555-35-35")
        );
        assert_eq!(
            number_in_name("Пример Банк +7 (800) 555-35-35").as_deref(),
            Some("+7 (800) 555-35-35")
        );
        assert_eq!(
            number_in_name("Банк 8 800 555 35 35 доб. 2 звоните").as_deref(),
            Some("8 800 555 35 35 доб. 2")
        );
        assert_eq!(number_in_name("Оля 2005"), None);
        assert_eq!(number_in_name("Мама"), None);
        assert_eq!(number_in_name("Квартира 12, 3 этаж"), None);
        assert_eq!(number_in_name("Заказ 4950000002"), None);
        assert_eq!(number_in_name("Паспорт 4950 000002"), None);
    }

    #[test]
    fn numbers_hidden_among_other_digits_are_found() {
        for name in [
            "Отдел 2 8 800 555-35-35",
            "1. 8 800 555 35 35",
            "Горячая линия 24/7 8 800 555 35 35",
            "ID 12345678 8 800 555 35 35",
            "8 800 555 35 35 8 800 555 35 35",
            "8 8OO 555 35 35",
            "8,800,555,35,35",
            "8_800_555_35_35",
            "8\u{FE0F}\u{20E3}8\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}5553535",
            "⑧⑧⓪⓪⑤⑤⑤③⑤③⑤",
        ] {
            assert!(
                numbers_in_name(name).iter().any(|c| c
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .ends_with("8005553535")),
                "{name:?}: {:?}",
                numbers_in_name(name)
            );
        }
    }
}
