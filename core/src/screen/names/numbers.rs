//! Numbers in display names, read as a person reads them: "8 800 555-35-35"
//! as a WhatsApp name, the hotline between words, "8_8OO_555_З5_35".
//!
//! - Anything between digits that is not a letter is skipped: spaces of any
//!   kind, punctuation, underscores, middle dots, Braille blanks, emoji;
//!   invisible characters and Hangul fillers vanish.
//! - Letters that read as digits are digits where they stand among digits
//!   and no other letter touches them: О/O/o/о → 0, З/з → 3, I/l/і → 1,
//!   б → 6, and between digits or in a group of such letters also S/s/Ƽ →
//!   5, Б → 6, B/В → 8 ("8 8ОО 555 З5 35", "9О0", "8 8OO 5S5 ЗS 35").
//! - Candidates come with and without their prefixes as written (8, +7, 7,
//!   00 7, 810 7); a number that needs the list to be believed (ten digits
//!   without a trunk prefix, a short number) is a *listed-only* candidate:
//!   the decision takes it only when it is one of a list's numbers.
//! - The reading stops after `MAX_VISIBLE` visible characters, never a
//!   count of code points, under `MAX_NAME_BYTES` (`fold.rs`).

use super::class::Class;
use super::fold::{capped, common_invisible, display_order};

/// Digits a run needs before it is worth reading as a phone number.
const MIN_NUMBER_DIGITS: usize = 7;
/// E.164's longest, plus an international prefix ("810").
const MAX_NUMBER_DIGITS: usize = 18;
/// Short numbers (a list's `short_code`): 3–6 digits.
const SHORT_DIGITS: std::ops::RangeInclusive<usize> = 3..=6;
/// Candidates per name: bounded work whatever the name.
const MAX_CANDIDATES: usize = 32;
/// Visible characters read per name.
const MAX_VISIBLE: usize = 1024;

/// A number read from a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameNumber {
    /// Digits with a leading '+' when one was written or implied by an
    /// international prefix, and an extension as written after them.
    pub text: String,
    /// True when only a list can make it a phone number (a short number,
    /// ten digits without a prefix): never a number on its own.
    pub listed_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sym {
    Digit(char),
    /// A letter read as a digit ("З", "б"): at the edge of a group it may
    /// be a letter after all ("8 800 555 35 35б").
    LetterDigit(char),
    Plus,
    Skip,
    Letter(char),
}

/// The digit a letter reads as among digits.
fn digit_of_letter(c: char) -> Option<char> {
    match c {
        'О' | 'о' | 'O' | 'o' => Some('0'),
        'З' | 'з' => Some('3'),
        'I' | 'l' | 'і' | 'І' => Some('1'),
        'б' => Some('6'),
        _ => between_digits(c),
    }
}

/// Letters that read as a digit only between digits ("8 8OO 5S5 35 35") or
/// in a group of digit-like letters ("+7 495 SOO SS SO", "ЗS"): alone
/// beside one digit they are more often a letter of their own ("8 800 555
/// 35 35 S").
fn between_digits(c: char) -> Option<char> {
    match c {
        'S' | 's' | 'Ѕ' | 'ѕ' | 'Ƽ' | 'ƽ' => Some('5'),
        'Б' => Some('6'),
        'B' | 'В' => Some('8'),
        _ => None,
    }
}

/// Digits drawn in circles or with stops that NFKD leaves alone or
/// decomposes into several characters ("❽", "➑", "⓼", "⑻", "⒏", "⓿").
fn dingbat_digit(c: char) -> Option<char> {
    let cp = c as u32;
    let from = |base: u32, first: u32| char::from_digit((cp - base + first) % 10, 10);
    match cp {
        0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 => {
            let base = [0x2776, 0x2780, 0x278A]
                .into_iter()
                .rev()
                .find(|b| cp >= *b)?;
            from(base, 1)
        }
        0x24F5..=0x24FD => from(0x24F5, 1),
        0x24FF => Some('0'),
        0x2474..=0x247C => from(0x2474, 1),
        0x2488..=0x2490 => from(0x2488, 1),
        0x1F101..=0x1F10A => from(0x1F101, 0),
        _ => None,
    }
}

/// The name as symbols, in display order, up to `MAX_VISIBLE` visible ones.
fn symbols(name: &str) -> Vec<(Sym, char)> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::new();
    for c in display_order(capped(name)) {
        if common_invisible(c) || matches!(c, '\u{20E3}') {
            continue;
        }
        if out.len() >= MAX_VISIBLE {
            break;
        }
        let mut parts = std::iter::once(c).nfkd();
        let sym = match (parts.next(), parts.next()) {
            (Some(d), None) if d.is_ascii_digit() => Sym::Digit(d),
            _ if dingbat_digit(c).is_some() => Sym::Digit(dingbat_digit(c).expect("checked")),
            _ if c == '+' || c == '＋' => Sym::Plus,
            _ if c.is_alpha() => Sym::Letter(c),
            _ => Sym::Skip,
        };
        out.push((sym, c));
    }
    read_letters_as_digits(&mut out);
    out
}

/// Runs of digit-like letters that no other letter touches, next to a
/// digit (over separators), become digits.
fn read_letters_as_digits(syms: &mut [(Sym, char)]) {
    let mut i = 0;
    while i < syms.len() {
        if !matches!(syms[i].0, Sym::Letter(c) if digit_of_letter(c).is_some()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < syms.len() && matches!(syms[i].0, Sym::Letter(c) if digit_of_letter(c).is_some())
        {
            i += 1;
        }
        let touches_letter = |j: Option<usize>| {
            j.and_then(|j| syms.get(j))
                .is_some_and(|s| matches!(s.0, Sym::Letter(_)))
        };
        if touches_letter(start.checked_sub(1)) || touches_letter(Some(i)) {
            continue;
        }
        // Over separators and other digit-like letters.
        let digit_near = |from: Option<usize>, step: isize| {
            let mut j = from;
            while let Some(k) = j {
                match syms.get(k).map(|s| s.0) {
                    Some(Sym::Digit(_) | Sym::LetterDigit(_)) => return true,
                    Some(Sym::Skip) => j = k.checked_add_signed(step),
                    Some(Sym::Letter(c)) if digit_of_letter(c).is_some() => {
                        j = k.checked_add_signed(step)
                    }
                    _ => return false,
                }
            }
            false
        };
        let (before, after) = (digit_near(start.checked_sub(1), -1), digit_near(Some(i), 1));
        let only_between = syms[start..i]
            .iter()
            .any(|s| matches!(s.0, Sym::Letter(c) if between_digits(c).is_some()));
        let group = i - start >= 2;
        if before && after || (!only_between || group) && (before || after) {
            for s in &mut syms[start..i] {
                if let Sym::Letter(c) = s.0 {
                    s.0 = Sym::LetterDigit(digit_of_letter(c).expect("digit-like"));
                }
            }
        }
    }
}

/// Every number a name shows, most likely first.
pub fn read_numbers(name: &str) -> Vec<NameNumber> {
    let syms = symbols(name);
    let mut out: Vec<NameNumber> = Vec::new();
    let mut i = 0;
    while i < syms.len() {
        if matches!(syms[i].0, Sym::Letter(_)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < syms.len() && !matches!(syms[i].0, Sym::Letter(_)) {
            i += 1;
        }
        // An extension written after the run ("… доб. 2").
        let rest: String = syms[i..].iter().map(|(_, c)| c).collect();
        let extension =
            crate::normalize::extension_marker_len(&rest).map_or("", |len| &rest[..len]);
        read_run(&digit_groups(&syms[start..i]), extension, &mut out);
    }
    // A short number counts only in a name that is nothing but a number
    // ("9О0", "📞 900"): beside words it is a price, a flat, a route
    // ("Маникюр 900₽", "Автобус 900").
    let has_words = syms.iter().any(|(s, _)| matches!(s, Sym::Letter(_)));
    if has_words {
        out.retain(|n| {
            let digits = n.text.chars().filter(char::is_ascii_digit).count();
            !(n.listed_only && SHORT_DIGITS.contains(&digits))
        });
    }
    // Numbers that stand on their own first, then those a list must know.
    out.sort_by_key(|n| n.listed_only);
    out
}

/// A group of digits, with whether a '+' came right before it, and how
/// many of its first and last digits are letters read as digits.
struct Group {
    plus: bool,
    digits: String,
    letters_first: usize,
    letters_last: usize,
}

impl Group {
    /// Its digits without the letter read as a digit at its start
    /// (`first`) and at its end (`last`), as long as a digit is left: one
    /// letter, glued to the number ("б" in "35б", "I" in "IО07…").
    fn trimmed(&self, first: bool, last: bool) -> &str {
        let from = usize::from(first && self.letters_first >= 1);
        let to = self.digits.len() - usize::from(last && self.letters_last >= 1);
        if from < to {
            &self.digits[from..to]
        } else {
            &self.digits
        }
    }
}

/// The digit groups of a run without letters.
fn digit_groups(run: &[(Sym, char)]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut plus = false;
    let mut current: Vec<Sym> = Vec::new();
    let close = |groups: &mut Vec<Group>, current: &mut Vec<Sym>, plus: bool| {
        let letter = |s: &&Sym| matches!(s, Sym::LetterDigit(_));
        groups.push(Group {
            plus,
            digits: current
                .iter()
                .filter_map(|s| match s {
                    Sym::Digit(d) | Sym::LetterDigit(d) => Some(*d),
                    _ => None,
                })
                .collect(),
            letters_first: current.iter().take_while(letter).count(),
            letters_last: current.iter().rev().take_while(letter).count(),
        });
        current.clear();
    };
    for (sym, _) in run {
        match sym {
            Sym::Digit(_) | Sym::LetterDigit(_) => current.push(*sym),
            _ => {
                if !current.is_empty() {
                    close(&mut groups, &mut current, plus);
                    plus = false;
                }
                if *sym == Sym::Plus {
                    plus = true;
                }
            }
        }
    }
    if !current.is_empty() {
        close(&mut groups, &mut current, plus);
    }
    groups
}

/// The numbers a run's groups can be read as: the whole run first (with
/// its extension), then windows of consecutive groups, longest first —
/// "Горячая линия 24/7 8 800 555 35 35" still yields the hotline. Each
/// window also without the letters read as digits at its two ends ("8 800
/// 555 35 35б": the "б" may be a letter).
fn read_run(groups: &[Group], extension: &str, out: &mut Vec<NameNumber>) {
    let whole = (0, groups.len().saturating_sub(1));
    let mut windows: Vec<(usize, usize, usize)> = Vec::new();
    for from in 0..groups.len() {
        let mut len = 0;
        for (to, group) in groups.iter().enumerate().skip(from) {
            len += group.digits.len();
            if len > MAX_NUMBER_DIGITS {
                break;
            }
            windows.push((from, to, len));
        }
    }
    windows.sort_by_key(|&(from, to, len)| ((from, to) != whole, std::cmp::Reverse(len)));
    for (from, to, _) in windows {
        let ext = if (from, to) == whole && !extension.is_empty() {
            format!(" {extension}")
        } else {
            String::new()
        };
        for (first, last) in [(false, false), (false, true), (true, false), (true, true)] {
            let digits: String = (from..=to)
                .map(|g| groups[g].trimmed(first && g == from, last && g == to))
                .collect();
            for (text, listed_only) in candidates(groups[from].plus, &digits) {
                let text = format!("{text}{ext}");
                if out.len() < MAX_CANDIDATES && !out.iter().any(|n| n.text == text) {
                    out.push(NameNumber { text, listed_only });
                }
            }
        }
    }
}

/// The readings of one run of digits: as written, and without an
/// international prefix ("00 7 …", "810 7 …") as "+7 …".
fn candidates(plus: bool, digits: &str) -> Vec<(String, bool)> {
    let n = digits.len();
    let mut out = Vec::new();
    if plus && n >= MIN_NUMBER_DIGITS {
        out.push((format!("+{digits}"), false));
        return out;
    }
    if n >= 11 {
        out.push((digits.to_string(), false));
        for prefix in ["00", "810"] {
            if let Some(rest) = digits.strip_prefix(prefix) {
                if rest.len() >= MIN_NUMBER_DIGITS {
                    out.push((format!("+{rest}"), false));
                }
            }
        }
    } else if n >= MIN_NUMBER_DIGITS || SHORT_DIGITS.contains(&n) {
        // "800 555-35-35", "900": a number only if a list has it.
        out.push((digits.to_string(), true));
    }
    out
}

/// The parts of a display name that read as phone numbers on their own
/// (with a '+', or with a trunk or international prefix: 11+ digits), most
/// likely first. A bare ten-digit run is an order or a passport number far
/// more often ("Заказ 4950000002") than a phone number.
pub fn numbers_in_name(name: &str) -> Vec<String> {
    read_numbers(name)
        .into_iter()
        .filter(|n| !n.listed_only)
        .map(|n| n.text)
        .collect()
}

/// The first part of a display name that reads as a phone number.
pub fn number_in_name(name: &str) -> Option<String> {
    numbers_in_name(name).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits_of(name: &str) -> Vec<String> {
        read_numbers(name).into_iter().map(|n| n.text).collect()
    }

    /// Found by the attack review: S for 5, Б for 6, B for 8 inside a number.
    #[test]
    fn letters_that_look_like_digits_between_digits() {
        for name in ["8 8OO 5S5 35 35", "8 800 555 ЗS ЗS", "8 8OO 5SS 35 35"] {
            assert!(
                digits_of(name).contains(&"88005553535".to_string()),
                "{name}"
            );
        }
        assert_eq!(digits_of("+7 495 SOO SS SO")[0], "+74955005550");
        // Alone beside a number, a letter is a letter: the number stays whole.
        for name in [
            "8 800 555 35 35s",
            "8 800 555 35 35 S",
            "Вася B 8 800 555 35 35",
        ] {
            assert_eq!(digits_of(name)[0], "88005553535", "{name}");
        }
    }

    #[test]
    fn a_letter_glued_to_a_number_may_be_a_letter() {
        // "б" after the last group: "356" as written, "35" read.
        for name in [
            "8 800 555 35 35б",
            "88005553535б",
            "+7 800 555 35 35з",
            "З8 800 555 35 35",
        ] {
            let all: Vec<String> = read_numbers(name).into_iter().map(|n| n.text).collect();
            assert!(
                all.iter()
                    .any(|n| n.trim_start_matches('+') == "88005553535" || n == "+78005553535"),
                "{name}: {all:?}"
            );
        }
    }

    #[test]
    fn numbers_are_found_in_names() {
        assert_eq!(
            number_in_name("8 800 555-35-35").as_deref(),
            Some("88005553535")
        );
        assert_eq!(
            number_in_name("Пример Банк +7 (800) 555-35-35").as_deref(),
            Some("+78005553535")
        );
        assert_eq!(
            number_in_name("Банк 8 800 555 35 35 доб. 2 звоните").as_deref(),
            Some("88005553535 доб. 2")
        );
        for quiet in [
            "Оля 2005",
            "Мама",
            "Квартира 12, 3 этаж",
            "Заказ 4950000002",
            "Паспорт 4950 000002",
        ] {
            assert_eq!(number_in_name(quiet), None, "{quiet}");
        }
    }

    #[test]
    fn numbers_written_any_way_are_read() {
        for name in [
            "Отдел 2 8 800 555-35-35",
            "Горячая линия 24/7 8 800 555 35 35",
            "8 8OO 555 35 35",
            "8_800_555_35_35",
            "8·800·555·35·35",
            "8\u{2800}800\u{2800}555\u{2800}35\u{2800}35",
            "8\u{3164}800\u{3164}555\u{3164}35\u{3164}35",
            "8 800 555 З5 35",
            "8\u{FE0F}\u{20E3}8\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}5553535",
            "⑧⑧⓪⓪⑤⑤⑤③⑤③⑤",
            "007 800 555 35 35",
            "810 7 800 555 35 35",
        ] {
            assert!(
                numbers_in_name(name)
                    .iter()
                    .any(|c| c.contains("8005553535")),
                "{name:?}: {:?}",
                digits_of(name)
            );
        }
    }

    #[test]
    fn short_and_national_numbers_need_a_list() {
        let n = read_numbers("📞 9О0");
        assert_eq!(
            n,
            vec![NameNumber {
                text: "900".into(),
                listed_only: true
            }]
        );
        // Beside words, three digits are a price, a flat, a route.
        assert!(read_numbers("Маникюр 900₽").is_empty());
        assert!(read_numbers("Звоните 9О0").is_empty());
        assert!(read_numbers("800 555 35 35").iter().all(|n| n.listed_only));
        // Digit-like letters in words stay letters.
        assert!(read_numbers("Звоните Ольге").is_empty());
    }

    #[test]
    fn digits_drawn_in_circles_are_digits() {
        for name in [
            "❽ ❽⓿⓿ ❺❺❺ ❸❺ ❸❺",
            "➑ ➑⓪⓪ ➎➎➎ ➌➎ ➌➎",
            "⓼⓼⓪⓪⓹⓹⓹⓷⓹⓷⓹",
            "⑻⑻⓪⓪⑸⑸⑸⑶⑸⑶⑸",
        ] {
            assert!(
                numbers_in_name(name)
                    .iter()
                    .any(|c| c.contains("8005553535")),
                "{name}: {:?}",
                digits_of(name)
            );
        }
    }

    #[test]
    fn padding_does_not_hide_a_number() {
        let padded = format!("{}8 800 555 35 35", "\u{3164}".repeat(5000));
        assert!(!numbers_in_name(&padded).is_empty());
        let blanks = format!("{}8 800 555 35 35", "\u{2800}".repeat(900));
        assert!(!numbers_in_name(&blanks).is_empty());
    }
}
