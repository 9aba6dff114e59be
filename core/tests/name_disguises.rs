//! The disguise generator: every claim a fraudster can make in a display
//! name, disguised 1–4 ways at a time, must warn — and the benign corpus,
//! decorated the same ways, must stay quiet.
//!
//! Claims: the shared vectors' bank aliases, bank brands of the region,
//! authority names (RU, UK, KK, EN), bank + role phrases (never a role word
//! alone: "Служба доставки" is benign), and the list's inbound-only and
//! short numbers. Transforms: see `TRANSFORMS` (each named; a failure
//! prints the seed, the claim and the transforms, and replays from them).

mod support;

use support::Rng;

use callguard_core::screen::Verdict;
use callguard_core::Channel;

fn verdict(name: &str, channel: Channel) -> Verdict {
    support::screen_name_only(name, channel).verdict
}

fn warns(v: Verdict) -> bool {
    matches!(v, Verdict::Impersonation | Verdict::Spoofed)
}

/// Claims, each with the forms a fraudster writes it in (inflections).
const NAME_CLAIMS: &[&[&str]] = &[
    // The shared vectors' aliases.
    &[
        "Пример Банк",
        "Пример Банка",
        "Примера Банка",
        "Банк Пример",
    ],
    &["Example Bank", "Bank Example"],
    &["Другой Банк", "Другого Банка", "Другой Банка"],
    &["Other Bank"],
    &["ExampleBank Security"],
    // Brands of the region.
    &["Сбер", "Сбербанк", "Сбербанка", "СберБанк"],
    &["ВТБ"],
    &["Тинькофф", "Тинькофф Банк"],
    &["Т-Банк", "Т-Банка"],
    &["Kaspi", "Kaspi Bank", "Каспи"],
    &["Райффайзен", "Райффайзенбанк"],
    &["Газпромбанк"],
    &["Совкомбанк"],
    &["Альфа-Банк", "Альфа-Банка"],
    &["Приватбанк"],
    &["Монобанк"],
    // Authorities, RU.
    &[
        "Служба безопасности",
        "Службы безопасности",
        "Служба безопасности банка",
    ],
    &["Отдел безопасности"],
    &["Отдел по борьбе с мошенничеством"],
    &["Центральный банк", "Центрального банка"],
    &["Центробанк", "Центробанка"],
    &["ЦБ РФ", "ЦБ"],
    &["Банк России", "Банка России"],
    &["ФСБ"],
    &["МВД"],
    &["Полиция", "Полиции"],
    &["Следственный комитет"],
    &["Прокуратура"],
    &["Госуслуги"],
    &["Росфинмониторинг"],
    &["Пенсионный фонд"],
    &["Антифрод"],
    // UK.
    &["Служба безпеки", "Служба безпеки банку"],
    &["Національний банк", "Національного банку"],
    &["НБУ"],
    &["СБУ"],
    &["Кіберполіція"],
    // KK.
    &["Қауіпсіздік қызметі"],
    &["Ұлттық банк", "Ұлттық банкі"],
    &["ҰҚК"],
    &["КНБ"],
    // EN.
    &["Security Service", "Security Department"],
    &["Fraud Department", "Fraud Prevention"],
    &["Central Bank"],
    &["Bank of Russia"],
    &["Police"],
    &["FSB"],
    &["Investigative Committee"],
    // A bank word with a role, in four languages.
    &[
        "Поддержка банка",
        "Банк поддержка",
        "Служба поддержки банка",
    ],
    &["Горячая линия банка"],
    &["Служба заботы банка"],
    &["Сотрудник банка", "Менеджер банка"],
    &["Bank Support", "Bank support team"],
    &["Bank customer care", "Bank hotline"],
    &["Підтримка банку"],
    &["Банк қолдау қызметі"],
    &["Сбер поддержка", "Сбер горячая линия", "ВТБ служба заботы"],
    &["Kaspi support", "Тинькофф customer care"],
];

/// The list's numbers that never call (inbound-only hotline, short code),
/// as digit groups a name may show them in.
const NUMBER_CLAIMS: &[&[&str]] = &[
    &["8", "800", "555", "35", "35"],
    &["+7", "800", "555", "35", "35"],
    &["7", "800", "555", "35", "35"],
    &["800", "555", "35", "35"],
    &["8", "800", "5553535"],
    &["007", "800", "555", "35", "35"],
    &["810", "7", "800", "555", "35", "35"],
    &["900"],
];

/// A name for a failure message: runs of one character counted, escapes
/// for the invisible ones.
fn shown(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        let one = if c.is_alphanumeric() || c.is_ascii_punctuation() || c == ' ' {
            c.to_string()
        } else {
            c.escape_unicode().to_string()
        };
        if n > 3 {
            out.push_str(&format!("{one}×{n}"));
        } else {
            out.push_str(&one.repeat(n));
        }
        i += n;
    }
    out
}

/// When a transform applies: words first, then letters, then wrapping.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stage {
    Words,
    /// After the words are placed: an abbreviation said letter by letter
    /// keeps its place ("ЦБ РФ" as "Цэ Бэ Эр Эф", not "Эр Эф Цэ Бэ").
    Naming,
    Joining,
    Extra,
    Spacing,
    Spelling,
    /// Before the other letters' disguises: a fancy letter is drawn for a
    /// letter, not for a part of a multi-letter group.
    Fancy,
    Letters,
    /// After the letters' disguises: a Latin letter for a sound stays
    /// that letter ("ЦbРФ" is no "ЦЬРФ").
    Sounds,
    Wrapping,
    Direction,
}

type Transform = (&'static str, Stage, fn(&str, &mut Rng) -> String);

/// Every kind of disguise a fraudster uses. Each keeps what a customer
/// reads: a person looking at the result still sees the claim.
const TRANSFORMS: &[Transform] = &[
    ("word_order", Stage::Words, word_order),
    ("letter_names", Stage::Naming, letter_names),
    ("added_words", Stage::Extra, added_words),
    ("ordinary_words", Stage::Extra, ordinary_words),
    ("handle", Stage::Joining, handle),
    ("domain", Stage::Joining, domain),
    ("glued", Stage::Joining, glued),
    ("camel", Stage::Joining, camel),
    ("trademark", Stage::Joining, trademark),
    ("quotes", Stage::Joining, quotes),
    ("transliterated", Stage::Spelling, transliterated),
    ("spaced_letters", Stage::Spacing, spaced_letters),
    ("dotted_letters", Stage::Spacing, dotted_letters),
    ("case", Stage::Spelling, case),
    ("stretched", Stage::Spelling, stretched),
    ("uniform_case", Stage::Spelling, uniform_case),
    ("look_alikes", Stage::Letters, look_alikes),
    (
        "look_alikes_same_case",
        Stage::Letters,
        look_alikes_same_case,
    ),
    ("digits_for_letters", Stage::Letters, digits_for_letters),
    ("mixed_script", Stage::Sounds, mixed_script),
    ("multi_letter", Stage::Letters, multi_letter),
    ("fancy_letters", Stage::Fancy, fancy_letters),
    ("fullwidth", Stage::Letters, fullwidth),
    ("combining", Stage::Letters, combining),
    ("invisible", Stage::Letters, invisible),
    ("punctuation", Stage::Letters, punctuation),
    ("emoji", Stage::Wrapping, emoji),
    ("flags", Stage::Wrapping, flags),
    ("boxed_letters", Stage::Letters, boxed_letters),
    ("decoys", Stage::Wrapping, decoys),
    ("padding", Stage::Wrapping, padding),
    ("bidi", Stage::Wrapping, bidi),
    ("rtl_marks", Stage::Direction, rtl_marks),
];

/// An abbreviation's letters written as their names, as it is said ("Эф
/// Эс Бэ", "ес-бе-у", "Тэцэка"), in Russian or Ukrainian.
fn letter_names(s: &str, rng: &mut Rng) -> String {
    const NAMES: &[(char, &[&str])] = &[
        ('Б', &["бэ", "бе"]),
        ('В', &["вэ", "ве"]),
        ('Г', &["гэ", "ге"]),
        ('Д', &["дэ", "де"]),
        ('Ж', &["жэ", "же"]),
        ('З', &["зэ", "зе"]),
        ('К', &["ка"]),
        ('Л', &["эль", "эл", "ел"]),
        ('М', &["эм", "ем"]),
        ('Н', &["эн", "ен"]),
        ('П', &["пэ", "пе"]),
        ('Р', &["эр", "ер"]),
        ('С', &["эс", "ес"]),
        ('Т', &["тэ", "те"]),
        ('Ф', &["эф", "еф"]),
        ('Х', &["ха"]),
        ('Ц', &["цэ", "це"]),
        ('Ч', &["че"]),
        ('Ш', &["ша"]),
    ];
    let ukrainian = rng.chance(30);
    let sep = *rng.pick(&[" ", "-", "", ""]);
    let style = rng.below(3);
    let name_of = |c: char| -> String {
        let name = NAMES
            .iter()
            .find(|(l, _)| *l == c)
            .map(|(_, names)| names[usize::from(ukrainian).min(names.len() - 1)].to_string())
            .unwrap_or_else(|| c.to_lowercase().collect());
        match style {
            0 => name,
            1 => name.to_uppercase(),
            _ => {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    };
    map_words(s, |w| {
        let cyrillic_capitals = w.chars().all(|c| ('А'..='Я').contains(&c));
        let consonants = w
            .chars()
            .filter(|c| NAMES.iter().any(|(l, _)| l == c))
            .count();
        if (2..=4).contains(&w.chars().count()) && cyrillic_capitals && consonants >= 2 {
            w.chars().map(name_of).collect::<Vec<_>>().join(sep)
        } else {
            w.to_string()
        }
    })
}

fn map_words(s: &str, f: impl Fn(&str) -> String) -> String {
    s.split(' ').map(f).collect::<Vec<_>>().join(" ")
}

/// The claim's first word moved to the end, as people reorder a name ("Банк Пример",
/// "Committee Investigative", "по борьбе с мошенничеством Отдел"). A claim
/// of abbreviations only ("ЦБ РФ") keeps its order: "РФ ЦБ" reads as
/// nothing.
fn word_order(s: &str, rng: &mut Rng) -> String {
    let _ = rng;
    // Role phrases move as one ("Горячая линия банка" → "банка Горячая линия").
    const UNITS: &[&str] = &[
        "Горячая линия",
        "горячая линия",
        "customer care",
        "support team",
        "Служба заботы",
        "служба заботы",
        "Служба поддержки",
        "қолдау қызметі",
    ];
    let mut units: Vec<String> = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let rest_trim = rest.trim_start();
        if let Some(unit) = UNITS.iter().find(|u| rest_trim.starts_with(**u)) {
            units.push(unit.to_string());
            rest = &rest_trim[unit.len()..];
        } else {
            let end = rest_trim.find(' ').unwrap_or(rest_trim.len());
            units.push(rest_trim[..end].to_string());
            rest = &rest_trim[end..];
        }
        rest = rest.trim_start();
    }
    if units.len() < 2 || units.iter().all(|w| w.chars().count() < 4) {
        return s.to_string();
    }
    units.rotate_left(1);
    units.join(" ")
}

const ADDED: &[&str] = &[
    "поддержка",
    "support",
    "горячая линия",
    "hotline",
    "customer care",
    "служба заботы",
    "підтримка",
    "қолдау қызметі",
    "официальный",
    "online",
    "24/7",
    "Алексей",
    "Anna",
    "отдел",
];

fn added_words(s: &str, rng: &mut Rng) -> String {
    let w = rng.pick(ADDED);
    if rng.chance(50) {
        format!("{w} {s}")
    } else {
        format!("{s} {w}")
    }
}

/// Ordinary words beside a claim never take it back. ("food", "кровь"
/// and "данных" are left out on purpose: beside the bank word they make
/// the exact phrases in which "bank" is no bank, "Food Bank", "банк
/// крови", `lexicon/banks.txt`.)
const ORDINARY: &[&str] = &[
    "защита персональных данных",
    "утечка информации",
    "ЖК Солнечный",
    "доставка",
    "магазин",
    "parcel",
    "Москва",
];

fn ordinary_words(s: &str, rng: &mut Rng) -> String {
    let w = rng.pick(ORDINARY);
    if rng.chance(50) {
        format!("{w} {s}")
    } else {
        format!("{s} {w}")
    }
}

fn handle(s: &str, rng: &mut Rng) -> String {
    let joined = s
        .split(' ')
        .collect::<Vec<_>>()
        .join(*rng.pick(&["_", ".", ""]));
    match rng.below(3) {
        0 => format!("@{joined}"),
        1 => format!(
            "{joined}@{}",
            rng.pick(&["mail.ru", "gmail.com", "support.ru"])
        ),
        _ => format!("{}@{joined}", rng.pick(&["info", "help", "noreply"])),
    }
}

/// A web address made of the name, its dots kept or skipped as a reader
/// skips them ("sberbankru", "wwwkaspikz").
fn domain(s: &str, rng: &mut Rng) -> String {
    let joined: String = s.split(' ').collect();
    let dot = *rng.pick(&[".", "."]);
    let dot = if rng.chance(30) { "" } else { dot };
    format!(
        "{}{joined}{dot}{}",
        rng.pick(&["", "www.", "https://"]).replace('.', dot),
        rng.pick(&["ru", "com", "kz", "рф"])
    )
}

fn glued(s: &str, _: &mut Rng) -> String {
    s.replace(' ', "")
}

fn camel(s: &str, _: &mut Rng) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A trademark sign after the name, also drawn in letters ("KaspiⓇ",
/// "ВТБᵀᴹ").
fn trademark(s: &str, rng: &mut Rng) -> String {
    format!(
        "{s}{}",
        rng.pick(&["™", "®", "©", "℠", "Ⓡ", "ⓒ", "ᵀᴹ", "🄬", "🅁", "ˢᴹ"])
    )
}

/// A letter stretched, once or twice in the name ("Сбееееербанк",
/// "Полииииция", "Россссия"): held 3–6 times.
fn stretched(s: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..1 + rng.below(2) {
        // (A letter inside a word of two letters at least.)
        // (A letter of the claim, in its own alphabet: not one drawn by a
        // trademark sign, "ˢᴹ".)
        let letter = |c: &char| matches!(c, 'A'..='Z' | 'a'..='z' | '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}');
        let places: Vec<usize> = (0..chars.len())
            .filter(|&i| {
                letter(&chars[i])
                    && (i > 0 && letter(&chars[i - 1]) || chars.get(i + 1).is_some_and(letter))
            })
            .collect();
        if places.is_empty() {
            break;
        }
        let at = *rng.pick(&places);
        let held = 2 + rng.below(4);
        chars.splice(at..at, std::iter::repeat_n(chars[at], held));
    }
    chars.into_iter().collect()
}

/// A letter drawn out across separators, as drawn-out speech is written
/// ("Сбе-е-ербанк", "Поли.и.иция"): held 2–4 more times inside a word,
/// each after a separator.
fn stretched_apart(s: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = s.chars().collect();
    let letter = |c: &char| matches!(c, 'A'..='Z' | 'a'..='z' | '\u{0400}'..='\u{04FF}');
    let places: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| letter(&chars[i - 1]) && letter(&chars[i]) && letter(&chars[i + 1]))
        .collect();
    if places.is_empty() {
        return s.to_string();
    }
    let at = *rng.pick(&places);
    let sep = *rng.pick(&['-', '-', '‐', '.', '~']);
    let held = 2 + rng.below(3);
    let mut out: String = chars[..=at].iter().collect();
    for _ in 0..held {
        out.push(sep);
        out.push(chars[at]);
    }
    out.extend(&chars[at + 1..]);
    out
}

/// A letter inside a word written as a digit that reads as it, held 3–5
/// times ("П000лиция", "Сбер666анк"). Not "1": three strokes in a row
/// draw a "Ш" ("моIIIенничество", `groups.rs`), so a row of "1" is no
/// letter a reader is sure of.
fn stretched_digit(s: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = s.chars().collect();
    // (Not beside a trademark sign drawn in letters: "Russia🅁" ends at
    // "a", `digits_for_letters`.)
    let sign = |c: char| {
        matches!(c, 'Ⓡ' | 'ⓒ' | '🄬' | '🅁')
            || matches!(c as u32, 0x02B0..=0x02B8 | 0x02E0..=0x02E4 | 0x1D2C..=0x1D6A)
    };
    let letter = |c: char| c.is_alphabetic() && !sign(c);
    let digit_of = |c: char| {
        let l = c.to_lowercase().next().unwrap();
        DIGIT_LETTERS
            .iter()
            .find(|(k, d)| *k == l && *d != '1')
            .map(|(_, d)| *d)
    };
    // (In a word of six letters or more: among fewer, a digit held is a
    // code, a car's plate, `held_in_a_word` in fold.rs.)
    let word_len = |i: usize| {
        let before = chars[..i].iter().rev().take_while(|c| letter(**c)).count();
        before + 1 + chars[i + 1..].iter().take_while(|c| letter(**c)).count()
    };
    let places: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| letter(chars[i - 1]) && letter(chars[i + 1]) && digit_of(chars[i]).is_some())
        .filter(|&i| word_len(i) >= 6)
        .collect();
    if places.is_empty() {
        return s.to_string();
    }
    let at = *rng.pick(&places);
    let digit = digit_of(chars[at]).unwrap();
    let held = 3 + rng.below(3);
    let mut out: String = chars[..at].iter().collect();
    out.extend(std::iter::repeat_n(digit, held));
    out.extend(&chars[at + 1..]);
    out
}

fn quotes(s: &str, rng: &mut Rng) -> String {
    let (open, close) = *rng.pick(&[("«", "»"), ("\"", "\""), ("“", "”"), ("(", ")"), ("[", "]")]);
    format!("{open}{s}{close}")
}

/// Cyrillic to Latin in one of the schemes people use (not applied to
/// abbreviations, see `abbreviation`).
fn transliterated(s: &str, rng: &mut Rng) -> String {
    const SCHEMES: &[&[(char, &str)]] = &[
        // ICAO 9303.
        &[
            ('ж', "zh"),
            ('х', "kh"),
            ('ц', "ts"),
            ('ч', "ch"),
            ('ш', "sh"),
            ('щ', "shch"),
            ('ы', "y"),
            ('й', "i"),
            ('я', "ia"),
            ('ю', "iu"),
            ('ь', ""),
            ('ъ', "ie"),
            ('э', "e"),
            ('ё', "e"),
        ],
        // GOST 7.79 B.
        &[
            ('ж', "zh"),
            ('х', "x"),
            ('ц', "cz"),
            ('ч', "ch"),
            ('ш', "sh"),
            ('щ', "shh"),
            ('ы', "y'"),
            ('й', "j"),
            ('я', "ya"),
            ('ю', "yu"),
            ('ь', "`"),
            ('ъ', "``"),
            ('э', "e'"),
            ('ё', "yo"),
        ],
        // Informal.
        &[
            ('ж', "j"),
            ('х', "h"),
            ('ц', "c"),
            ('ч', "ch"),
            ('ш', "sh"),
            ('щ', "sch"),
            ('ы', "y"),
            ('й', "y"),
            ('я', "ya"),
            ('ю', "yu"),
            ('ь', "'"),
            ('ъ', ""),
            ('э', "e"),
            ('ё', "e"),
        ],
        // Informal, as people also type it: "tc" for "ц" ("Politciya"),
        // "y" for a final "и" ("Kaspy"), "ia"/"iu" for a final "ия"/"ию"
        // ("Politsia") and "y" for "й" before "о" ("Mayor"): `INFORMAL_I`.
        &[
            ('ж', "zh"),
            ('х', "h"),
            ('ц', "tc"),
            ('ч', "ch"),
            ('ш', "sh"),
            ('щ', "sch"),
            ('ы', "y"),
            ('й', "i"),
            ('я', "ia"),
            ('ю', "yu"),
            ('ь', ""),
            ('ъ', ""),
            ('э', "e"),
            ('ё', "yo"),
        ],
    ];
    /// The scheme that writes "и" and "й" as people type them.
    const INFORMAL_I: usize = 3;
    const COMMON: &[(char, &str)] = &[
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "g"),
        ('д', "d"),
        ('е', "e"),
        ('з', "z"),
        ('и', "i"),
        ('к', "k"),
        ('л', "l"),
        ('м', "m"),
        ('н', "n"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('у', "u"),
        ('ф', "f"),
        // Ukrainian and Kazakh letters, as their own Latin alphabets write them.
        ('і', "i"),
        ('ї', "yi"),
        ('є', "ye"),
        ('ґ', "g"),
        ('қ', "q"),
        ('ұ', "u"),
        ('ү', "u"),
        ('ә', "a"),
        ('ө', "o"),
        ('ғ', "g"),
        ('ң', "n"),
        ('һ', "h"),
    ];
    let k = rng.below(SCHEMES.len());
    let scheme = SCHEMES[k];
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap();
        let lower_at = |j: usize| chars.get(j).and_then(|c| c.to_lowercase().next());
        let vowel = |j: usize| lower_at(j).is_some_and(|c| "аеёиоуыэюяі".contains(c));
        let consonant = |j: usize| lower_at(j).is_some_and(char::is_alphabetic) && !vowel(j);
        let ends_word = !lower_at(i + 1).is_some_and(char::is_alphabetic);
        let after_consonant_i = i >= 2 && lower_at(i - 1) == Some('и') && consonant(i - 2);
        let informal = match lower {
            _ if k != INFORMAL_I || i == 0 => None,
            'и' if consonant(i - 1) && ends_word => Some("y"),
            'я' if after_consonant_i && ends_word => Some("a"),
            'ю' if after_consonant_i && ends_word => Some("u"),
            'й' if vowel(i - 1) && lower_at(i + 1) == Some('о') => Some("y"),
            _ => None,
        };
        let latin = informal.or_else(|| {
            scheme
                .iter()
                .chain(COMMON)
                .find(|(k, _)| *k == lower)
                .map(|(_, v)| *v)
        });
        match latin {
            Some(l) if c.is_uppercase() => {
                let mut cs = l.chars();
                if let Some(f) = cs.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(cs.as_str());
                }
            }
            Some(l) => out.push_str(l),
            None => out.push(c),
        }
    }
    out
}

fn spaced_letters(s: &str, _: &mut Rng) -> String {
    // One space between letters, two between words: how a person spells out.
    s.split(' ')
        .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Letters already spelled out one by one ("Б а н к").
fn spelled_out(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // (A regional indicator shows as a boxed letter: `boxed_letters`.)
    let letter = |c: &char| c.is_alphanumeric() || ('\u{1F1E6}'..='\u{1F1FF}').contains(c);
    let single = |w: &&&str| w.chars().filter(letter).count() == 1;
    s.contains("  ") || words.len() > 2 && words.iter().filter(single).count() * 2 > words.len()
}

fn dotted_letters(s: &str, rng: &mut Rng) -> String {
    if spelled_out(s) {
        return s.to_string();
    }
    // Abbreviations (up to four letters) written with dots or spaces.
    // (Some are letters to Unicode, drawn as punctuation: "ꞏ", "ㆍ", "ː",
    // "ǀ".)
    let sep = *rng.pick(&[".", ". ", " ", "-", "·", "ꞏ", "ㆍ", "ː", "ǀ"]);
    map_words(s, |w| {
        if w.chars().count() <= 4 && w.chars().all(char::is_uppercase) {
            w.chars().map(|c| format!("{c}{sep}")).collect()
        } else {
            w.to_string()
        }
    })
}

fn uniform_case(s: &str, rng: &mut Rng) -> String {
    if rng.chance(50) {
        s.to_uppercase()
    } else {
        s.to_lowercase()
    }
}

/// Random case, as a fraudster writes it ("СлУжБа").
fn case(s: &str, rng: &mut Rng) -> String {
    match rng.below(3) {
        _ if s.is_empty() => String::new(),
        0 => s.to_uppercase(),
        1 => s.to_lowercase(),
        _ => s
            .chars()
            .map(|c| {
                if rng.chance(50) {
                    c.to_uppercase().next().unwrap()
                } else {
                    c.to_lowercase().next().unwrap()
                }
            })
            .collect(),
    }
}

const LOOK_ALIKES: &[(char, &str)] = &[
    ('а', "aAɑα"),
    ('в', "BΒʙ"),
    ('е', "eEε"),
    ('к', "kKκΚ"),
    ('м', "MΜ"),
    ('н', "HΗʜ"),
    ('о', "oOοΟ"),
    ('р', "pPρΡ"),
    ('с', "cCϲ"),
    ('т', "TΤᴛ"),
    ('у', "yY"),
    ('х', "xXχΧ"),
    ('a', "аα"),
    ('e', "е"),
    ('o', "оο"),
    ('p', "р"),
    ('c', "с"),
    ('x', "х"),
    ('y', "у"),
    ('i', "іı"),
    ('k', "κк"),
    ('b', "Ь"),
];

fn look_alikes(s: &str, rng: &mut Rng) -> String {
    // A word of two letters all in look-alikes ("сЬ" for "Cb", "ЦБ"
    // transliterated) reads as nothing to anyone: such words keep theirs.
    let short: Vec<bool> = {
        let chars: Vec<char> = s.chars().collect();
        let mut out = vec![false; chars.len()];
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            if i - start <= 2 {
                out[start..i].iter_mut().for_each(|x| *x = true);
            }
            i = i.max(start + 1);
        }
        out
    };
    s.chars()
        .enumerate()
        .map(|(i, c)| (i, c, short[i]))
        .map(|(_, c, short)| {
            if short {
                return c;
            }
            let lower = c.to_lowercase().next().unwrap();
            match LOOK_ALIKES.iter().find(|(k, _)| *k == lower) {
                Some((_, subs)) if rng.chance(40) => {
                    let subs: Vec<char> = subs.chars().collect();
                    *rng.pick(&subs)
                }
                _ => c,
            }
        })
        .collect()
}

/// Look-alikes in the letter's own case: what an ordinary name written on
/// another keyboard layout shows ("Кoнсьерж" with a Latin o).
fn look_alikes_same_case(s: &str, rng: &mut Rng) -> String {
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap();
            let subs: Vec<char> = LOOK_ALIKES
                .iter()
                .find(|(k, _)| *k == lower)
                .map(|(_, subs)| {
                    subs.chars()
                        .filter(|s| s.is_lowercase() == c.is_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            if !subs.is_empty() && rng.chance(40) {
                *rng.pick(&subs)
            } else {
                c
            }
        })
        .collect()
}

/// A Cyrillic letter written as the Latin letter of its sound ("ФSБ",
/// "ПоLиция", "Sбер"): one or two letters of a word, never side by side,
/// and only Latin letters that look like no Cyrillic one (a Latin "p" in
/// a Cyrillic word is read "р" by the eye). Or a word's tail in Latin
/// ("Интерpol").
fn mixed_script(s: &str, rng: &mut Rng) -> String {
    const SOUNDS: &[(char, &str)] = &[
        ('с', "s"),
        ('л', "l"),
        ('в', "v"),
        ('д', "d"),
        ('ф', "f"),
        ('г', "g"),
        ('и', "i"),
        ('н', "n"),
        ('р', "r"),
        ('т', "t"),
        ('у', "u"),
        ('з', "z"),
        ('б', "b"),
        ('м', "m"),
        ('к', "k"),
    ];
    let sound = |c: char| {
        let lower = c.to_lowercase().next().unwrap();
        SOUNDS.iter().find(|(k, _)| *k == lower).map(|(_, l)| {
            if c.is_uppercase() {
                l.to_uppercase()
            } else {
                l.to_string()
            }
        })
    };
    let chars: Vec<char> = s.chars().collect();
    let cyrillic = |c: char| ('\u{400}'..='\u{4FF}').contains(&c);
    // Only in words (between spaces) of two letters or more, all still
    // Cyrillic: in a word of look-alikes ("Pоliсе"), a Cyrillic "с"
    // stands for a Latin "c", not a sound; a letter spelled out alone
    // ("P о l i с е") is no word to read it in.
    let pure: Vec<bool> = {
        let mut pure = vec![false; chars.len()];
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let letters = || chars[start..i].iter().filter(|c| c.is_alphabetic());
            let all = letters().count() >= 2 && letters().all(|&c| cyrillic(c));
            pure[start..i].iter_mut().for_each(|p| *p = all);
            i = i.max(start + 1);
        }
        pure
    };
    let candidates: Vec<usize> = (0..chars.len())
        .filter(|&i| pure[i] && sound(chars[i]).is_some())
        .collect();
    if candidates.is_empty() {
        return s.to_string();
    }
    if rng.chance(25) {
        // The tail of a word of five letters or more in Latin: every
        // letter from a place on, as a transliteration would write it.
        let from = *rng.pick(&candidates);
        let word_len = chars[from..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .count();
        let start = chars[..from]
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        if word_len >= 2
            && start >= 3
            && chars[from..from + word_len]
                .iter()
                .all(|&c| sound(c).is_some())
        {
            let tail: String = chars[from..from + word_len]
                .iter()
                .filter_map(|&c| sound(c))
                .collect();
            let head: String = chars[..from].iter().collect();
            let rest: String = chars[from + word_len..].iter().collect();
            return format!("{head}{tail}{rest}");
        }
    }
    // Two letters in a word of five or more, one in a shorter word: the
    // word stays mostly Cyrillic ("M8D" is a Latin word).
    let word_of = |i: usize| {
        let start = chars[..i]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        let end = chars[i..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |p| i + p);
        (
            start,
            chars[start..end]
                .iter()
                .filter(|c| c.is_alphabetic())
                .count(),
        )
    };
    // Sometimes as a small capital, which looks like the Latin letter of
    // the sound ("Поʟиция"; not "ʙ", which looks like "в").
    const SMALL_CAPS: &[(char, char)] = &[
        ('l', 'ʟ'),
        ('n', 'ɴ'),
        ('r', 'ʀ'),
        ('g', 'ɢ'),
        ('d', 'ᴅ'),
        ('f', 'ꜰ'),
        ('z', 'ᴢ'),
        ('v', 'ᴠ'),
        ('i', 'ɪ'),
        ('k', 'ᴋ'),
        ('t', 'ᴛ'),
        ('s', 'ꜱ'),
    ];
    // Or as a letter of another script drawn like the Latin one (Lisu,
    // Cherokee, Armenian: "ФꓢБ", "Ꮪбер", "ПОꓡИЦИЯ").
    const OTHER_SCRIPTS: &[(char, &[char])] = &[
        ('s', &['ꓢ', 'Ꮪ', 'Տ']),
        ('l', &['ꓡ', 'Ꮮ']),
        ('d', &['ꓓ', 'Ꭰ']),
        ('g', &['ꓖ', 'Ꮐ']),
        ('r', &['ꓣ']),
        ('f', &['ꓝ']),
        ('v', &['ꓦ', 'Ꮩ']),
        ('z', &['ꓜ', 'Ꮓ']),
        ('n', &['ꓠ']),
        ('u', &['ꓴ']),
    ];
    let small_caps = rng.chance(25);
    let other_script = !small_caps && rng.chance(20);
    let mut out: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
    let mut last: Option<usize> = None;
    for _ in 0..1 + rng.below(2) {
        let i = *rng.pick(&candidates);
        let (word, letters) = word_of(i);
        let room = last.is_none_or(|l| l.abs_diff(i) > 1 && (word_of(l).0 != word || letters >= 5));
        if room {
            let latin = sound(chars[i]).unwrap();
            let small = SMALL_CAPS
                .iter()
                .find(|(l, _)| latin.eq_ignore_ascii_case(&l.to_string()))
                .map(|(_, cap)| cap.to_string());
            let other = OTHER_SCRIPTS
                .iter()
                .find(|(l, _)| latin.eq_ignore_ascii_case(&l.to_string()))
                .map(|(_, letters)| rng.pick(letters).to_string());
            out[i] = match (small, other) {
                (Some(cap), _) if small_caps => cap,
                (_, Some(letter)) if other_script => letter,
                _ => latin,
            };
            last = Some(i);
        }
    }
    out.concat()
}

/// Letters and the digits drawn for them.
const DIGIT_LETTERS: &[(char, char)] = &[
    ('о', '0'),
    ('o', '0'),
    ('з', '3'),
    ('а', '4'),
    ('a', '4'),
    ('б', '6'),
    ('в', '8'),
    ('s', '5'),
    ('i', '1'),
    ('и', '1'),
    ('e', '3'),
];

fn digits_for_letters(s: &str, rng: &mut Rng) -> String {
    const DIGITS: &[(char, char)] = DIGIT_LETTERS;
    // One letter inside a word, as a fraudster does ("Сбер6анк", "P0lice");
    // a trademark sign drawn in letters is no letter of the word ("ВТБⓇ").
    let chars: Vec<char> = s.chars().collect();
    let sign = |c: char| {
        matches!(c, 'Ⓡ' | 'ⓒ' | '🄬' | '🅁')
            || matches!(c as u32, 0x02B0..=0x02B8 | 0x02E0..=0x02E4 | 0x1D2C..=0x1D6A)
    };
    let letter = |c: char| c.is_alphabetic() && !sign(c);
    let inside: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| letter(chars[i - 1]) && letter(chars[i + 1]))
        .filter(|&i| {
            let l = chars[i].to_lowercase().next().unwrap();
            DIGITS.iter().any(|(k, _)| *k == l)
        })
        .collect();
    if inside.is_empty() {
        return s.to_string();
    }
    let at = *rng.pick(&inside);
    let l = chars[at].to_lowercase().next().unwrap();
    let digit = DIGITS.iter().find(|(k, _)| *k == l).unwrap().1;
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == at { digit } else { c })
        .collect()
}

fn multi_letter(s: &str, rng: &mut Rng) -> String {
    const GROUPS: &[(char, &str)] = &[
        ('m', "rn"),
        ('d', "cl"),
        ('w', "vv"),
        ('ш', "III"),
        ('Ш', "III"),
        ('ы', "bI"),
        ('ю', "IO"),
        ('н', "|-|"),
        ('Н', "|-|"),
        ('ж', ">|<"),
        ('л', "JI"),
        ('Л', "/\\"),
        ('М', "|\\/|"),
        ('м', "/\\/\\"),
        ('И', "|\\|"),
        ('N', "|\\|"),
        ('О', "()"),
        ('o', "[]"),
        ('Ш', "|||"),
        ('B', "|3"),
    ];
    s.chars()
        .map(|c| match GROUPS.iter().find(|(k, _)| *k == c) {
            Some((_, g)) if rng.chance(70) => g.to_string(),
            _ => c.to_string(),
        })
        .collect()
}

/// A letter inside a word drawn as "fancy text" draws it: Canadian
/// syllabics, CJK, parenthesized letters, symbols and emoji ("ᔕᗷEᖇ",
/// "丂乃乇尺", "P⭕lice", "©бер", "ΜΒΔ", "∩олиция").
fn fancy_letters(s: &str, rng: &mut Rng) -> String {
    const FANCY: &[(char, &[char])] = &[
        ('a', &['ᗩ', '卂', '⒜', 'Λ']),
        ('b', &['ᗷ', '乃', '⒝']),
        ('c', &['ᑕ', '匚', '¢', 'Ƈ']),
        ('d', &['ᗪ']),
        ('e', &['乇', 'ᕮ', '€', 'Ξ']),
        ('f', &['千', '⒡']),
        ('i', &['丨']),
        ('k', &['⒦', 'Ҝ']),
        ('l', &['ᒪ', 'ㄥ', 'Ŀ']),
        ('n', &['ᑎ', '几']),
        ('o', &['ㄖ', '⭕']),
        ('p', &['ᑭ', '卩']),
        ('r', &['ᖇ', '尺']),
        ('s', &['ᔕ', '丂', '💲', 'Ʃ']),
        ('t', &['ㄒ']),
        ('u', &['ᑌ', 'ㄩ']),
        ('Д', &['Δ']),
        ('б', &['δ']),
        ('п', &['∩']),
        ('с', &['©']),
        ('С', &['©']),
        ('К', &['Ҝ']),
        ('о', &['⭕']),
    ];
    let chars: Vec<char> = s.chars().collect();
    // Latin letters in either case; Cyrillic ones in the case their
    // fancy form has (a capital "Δ" inside a small word parts it).
    let fancy = |c: char| {
        let key = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c
        };
        FANCY.iter().find(|(k, _)| *k == key).map(|(_, f)| *f)
    };
    // Inside a word: an emoji between two letters is a letter to the eye.
    let inside: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i - 1].is_alphabetic() && chars[i + 1].is_alphabetic())
        .filter(|&i| fancy(chars[i]).is_some())
        .collect();
    if inside.is_empty() {
        return s.to_string();
    }
    let mut out = chars.clone();
    for _ in 0..1 + rng.below(2) {
        let i = *rng.pick(&inside);
        out[i] = *rng.pick(fancy(chars[i]).unwrap());
    }
    out.into_iter().collect()
}

fn fullwidth(s: &str, rng: &mut Rng) -> String {
    let bold = rng.chance(50);
    s.chars()
        .map(|c| match c {
            'A'..='Z' if bold => char::from_u32(0x1D400 + (c as u32 - 'A' as u32)).unwrap(),
            'a'..='z' if bold => char::from_u32(0x1D41A + (c as u32 - 'a' as u32)).unwrap(),
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        })
        .collect()
}

fn combining(s: &str, rng: &mut Rng) -> String {
    const MARKS: &[char] = &['\u{0301}', '\u{0308}', '\u{0336}', '\u{0307}', '\u{0323}'];
    s.chars()
        .flat_map(|c| {
            let mark = (c.is_alphabetic() && rng.chance(30)).then(|| *rng.pick(MARKS));
            std::iter::once(c).chain(mark)
        })
        .collect()
}

fn invisible(s: &str, rng: &mut Rng) -> String {
    const MARKS: &[char] = &[
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{00AD}',
        '\u{FE0F}',
        '\u{E0061}',
        '\u{034F}',
    ];
    s.chars()
        .flat_map(|c| {
            let mark = rng.chance(30).then(|| *rng.pick(MARKS));
            std::iter::once(c).chain(mark)
        })
        .collect()
}

/// Punctuation between the words (between spelled-out words, when the
/// letters are spaced: "С л у ж б а  б е з…").
fn punctuation(s: &str, rng: &mut Rng) -> String {
    let sep = *rng.pick(&[
        "-", "_", ".", " · ", "/", "•", "—", "~", "*", "\u{00A0}", "\u{3000}", "+", "ㅡ", "ꞏ",
    ]);
    if s.contains("  ") {
        // Between spelled-out words the gap must still look wider than the
        // one between letters: a no-break space looks like a space.
        let sep = if sep == "\u{00A0}" {
            "\u{00A0}\u{00A0}"
        } else {
            sep
        };
        s.replace("  ", sep)
    } else {
        s.replace(' ', sep)
    }
}

const EMOJI: &[&str] = &[
    "🔒", "🏦", "✅", "💳", "☎️", "📞", "⭐", "🛡️", "💰", "‼️", "❗", "⚠️",
];

fn emoji(s: &str, rng: &mut Rng) -> String {
    let e = rng.pick(EMOJI);
    match rng.below(if spelled_out(s) { 3 } else { 4 }) {
        0 => format!("{e}{s}"),
        1 => format!("{s}{e}"),
        2 => format!("{e}{s}{e}"),
        _ => s.replacen(' ', e, 1),
    }
}

fn flags(s: &str, rng: &mut Rng) -> String {
    let f = rng.pick(&["🇷🇺", "🇺🇦", "🇰🇿", "🇬🇧", "🇺🇸"]);
    // Between words: in spelled-out text, the wide gap.
    let spelled = spelled_out(s);
    if spelled && s.contains("  ") && rng.chance(50) {
        return s.replacen("  ", f, 1);
    }
    match rng.below(if spelled { 2 } else { 3 }) {
        0 => format!("{f}{s}"),
        1 => format!("{s}{f}"),
        _ => s.replacen(' ', f, 1),
    }
}

/// Latin letters as regional indicators, which show as boxed capitals
/// when they pair into no flag: apart ("🇫 🇸 🇧"), or parted by an
/// invisible character.
fn boxed_letters(s: &str, rng: &mut Rng) -> String {
    // Whole words only: letters spelled out already keep their own gaps,
    // and two boxed letters side by side may pair into a flag ("CZ").
    if spelled_out(s) {
        return s.to_string();
    }
    let boxed = |c: char| char::from_u32(0x1F1E6 + (c.to_ascii_uppercase() as u32 - 'A' as u32));
    let gap = *rng.pick(&[" ", "\u{200B}", "\u{2060}"]);
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            if w.is_empty() || !w.chars().all(|c| c.is_ascii_alphabetic()) {
                return w.to_string();
            }
            let letters: Vec<String> = w.chars().filter_map(boxed).map(String::from).collect();
            letters.join(gap)
        })
        .collect();
    // Words apart by more than the letters are.
    words.join(if gap == " " { "  " } else { " " })
}

/// Words that set off every re-reading at once (symbol groups, "@",
/// drawn symbols, soft signs, "j", random case, "ts", a final "y"), beside
/// the claim: they must not crowd its own re-reading out.
fn decoys(s: &str, rng: &mut Rng) -> String {
    const DECOYS: &[&str] = &[
        "x©x", "|\\|", "a@b", "|-|", "$$", "⭕⭕", "Ьь", "JI", ">|<", "jAj", "tsy", "€€", "cl",
    ];
    let words: Vec<&str> = (0..2 + rng.below(4)).map(|_| *rng.pick(DECOYS)).collect();
    let gap = rng.pick(&[" 🌸 ", " ★ ", " — "]);
    if rng.chance(50) {
        format!("{s}{gap}{}", words.join(" "))
    } else {
        format!("{}{gap}{s}", words.join(" "))
    }
}

fn padding(s: &str, rng: &mut Rng) -> String {
    let pad = *rng.pick(&[
        "\u{3000}",
        "\u{3164}",
        "\u{115F}",
        "\u{FE0F}",
        "\u{E0020}",
        "\u{2800}",
        "\u{200B}",
        "\u{FFA0}",
    ]);
    format!("{}{s}", pad.repeat(100 + rng.below(400)))
}

fn bidi(s: &str, rng: &mut Rng) -> String {
    if rng.chance(50) {
        format!("\u{2066}{s}\u{2069}")
    } else {
        format!("\u{202E}{}\u{202C}", s.chars().rev().collect::<String>())
    }
}

/// No override at all: a right-to-left mark before each character, written
/// last to first, shows the line first to last. (Last of all: a letter
/// before the first mark, even an invisible filler, would make the line
/// left to right.)
fn rtl_marks(s: &str, rng: &mut Rng) -> String {
    s.chars()
        .rev()
        .map(|c| format!("{}{c}", rng.pick(&['\u{200F}', '\u{061C}'])))
        .collect()
}

/// Transforms for a number shown in a name.
fn disguise_number(groups: &[&str], rng: &mut Rng) -> (String, Vec<&'static str>) {
    let mut used = Vec::new();
    let sep = *rng.pick(&[
        " ", "-", "_", "·", ".", "\u{2800}", "\u{3164}", "\u{00A0}", "", " - ", "‒", "/", "ㆍ",
        "ー",
    ]);
    let mut s = groups.join(sep);
    if sep != " " {
        used.push("number_separator");
    }
    if rng.chance(50) {
        used.push("letters_for_digits");
        let chars: Vec<char> = s.chars().collect();
        // An "S" for a 5 between two digits ("5S5").
        let between = |i: usize| {
            i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        s = (0..chars.len())
            .map(|i| match chars[i] {
                '0' if rng.chance(50) => *rng.pick(&['O', 'О', 'o']),
                '3' if rng.chance(50) => *rng.pick(&['З', 'з']),
                '1' if rng.chance(50) => *rng.pick(&['l', 'I']),
                '5' if between(i) && rng.chance(50) => *rng.pick(&['S', 's', 'Ѕ']),
                c => c,
            })
            .collect();
    }
    // A letter glued to the number, one that reads as a digit too ("…35б",
    // "З8 800…"): the customer reads the number and a letter.
    if groups.len() > 1 && rng.chance(20) {
        used.push("glued_letter");
        let letter = rng.pick(&["б", "з", "о", "I", "l", "О", "S"]);
        s = if rng.chance(50) {
            format!("{s}{letter}")
        } else {
            format!("{letter}{s}")
        };
    }
    // A short number counts only alone (beside words it is a price).
    if groups.len() > 1 && rng.chance(50) {
        used.push("words_around");
        s = format!(
            "{}{s}{}",
            rng.pick(&[
                "",
                "Звоните ",
                "Пример Банк ",
                "Горячая линия ",
                "📞",
                "Bank "
            ]),
            rng.pick(&["", " звоните", " 24/7", " 📞", " (бесплатно)"])
        );
    }
    if rng.chance(20) {
        used.push("padding");
        s = padding(&s, rng);
    }
    (s, used)
}

/// A claim made only of abbreviations ("ЦБ РФ", "ФСБ").
fn abbreviation(claim: &str) -> bool {
    claim.split_whitespace().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic());
        letters.clone().count() <= 4 && letters.into_iter().all(char::is_uppercase)
    })
}

/// Letters drawn out across separators and held as digits: transforms
/// drawn in a corpus of their own (`every_drawn_out_claim_warns`), one in
/// every name, with the others (the main corpus and its seed stay as they
/// were found).
const DRAWN_OUT: &[Transform] = &[
    ("stretched_apart", Stage::Spelling, stretched_apart),
    ("stretched_digit", Stage::Spelling, stretched_digit),
];

/// One disguised name: (name, what was done).
fn disguised(rng: &mut Rng) -> (String, String) {
    disguised_with(rng, None)
}

/// One disguised name with `also` among its transforms: (name, what was
/// done).
fn disguised_with(rng: &mut Rng, also: Option<&'static Transform>) -> (String, String) {
    if also.is_none() && rng.chance(15) {
        let groups = rng.pick(NUMBER_CLAIMS);
        let (name, used) = disguise_number(groups, rng);
        return (name, format!("{:?} {used:?}", groups.join(" ")));
    }
    let forms = rng.pick(NAME_CLAIMS);
    let claim = *rng.pick(forms);
    let n = 1 + rng.below(4);
    let mut chosen: Vec<&Transform> = (0..n).map(|_| rng.pick(TRANSFORMS)).collect();
    chosen.extend(also);
    // Each transform once, in the order of the stages.
    chosen.sort_by_key(|t| t.1);
    let mut seen: Vec<&str> = Vec::new();
    chosen.retain(|t| {
        let first = !seen.contains(&t.0);
        seen.push(t.0);
        first
    });
    // An abbreviation ("ЦБ РФ", "МВД") is not transliterated: its Latin
    // forms are abbreviations of their own ("CBR", "FSB", lexicon lines),
    // and "CB" or "TsB" reads as nothing to a customer.
    if abbreviation(claim) {
        chosen.retain(|t| t.0 != "transliterated");
    }
    // Nor is a claim with an abbreviation stretched: a stretched word is
    // read as a word, never as an abbreviation ("Скррр" and "Пфууу" are
    // interjections, not "СКР" and "ПФУ"; `reading/stretched.rs`).
    if claim.split_whitespace().any(abbreviation) {
        chosen.retain(|t| !t.0.starts_with("stretched"));
    }
    // One kind of look-alike a name: a look-alike of a look-alike ("В" as
    // "B", then as "Ь") is no longer the letter.
    if chosen.iter().any(|t| t.0 == "look_alikes") {
        chosen.retain(|t| t.0 != "look_alikes_same_case");
    }
    // One reordering a name: an override's order undone by marks' is the
    // name backwards.
    if chosen.iter().any(|t| t.0 == "rtl_marks") {
        chosen.retain(|t| t.0 != "bidi");
    }
    // Boxed letters beside a flag would pair with it ("🇫" and "🇷🇺" show
    // "🇫🇷" and a lone "U").
    // Nor is a multi-letter group boxed: "rn" boxed is two letters.
    if chosen.iter().any(|t| t.0 == "boxed_letters") {
        chosen.retain(|t| t.0 != "flags" && t.0 != "multi_letter");
    }
    // Letters drawn out are read as typed and as look-alikes
    // (`reading/stretched.rs`): not yet across symbol groups ("Н" as
    // "|-|.|-|.|-|"), Latin letters for sounds ("бан-н-nк"), nor a digit
    // held for a Latin letter before a transliteration ("Polit555iia").
    // And two stretches in a Latin text are read before a transliteration
    // all once or all twice (`stretched_texts`): "RRRayfff.f.fayzen"
    // needs "R" once and "ff" twice.
    if let Some(also) = also {
        chosen.retain(|t| !matches!(t.0, "multi_letter" | "mixed_script" | "stretched"));
        if also.0 == "stretched_digit" {
            chosen.retain(|t| t.0 != "transliterated");
        }
    }
    let mut name = claim.to_string();
    for (_, _, f) in &chosen {
        name = f(&name, rng);
    }
    let names: Vec<&str> = chosen.iter().map(|t| t.0).collect();
    (name, format!("{claim:?} {names:?}"))
}

/// Evasions the generator found while the reading was built; they stay,
/// whatever the seed.
const FOUND: &[&str] = &[
    // 2026-12-07 (third session): a letter drawn out across separators,
    // as typed and as look-alikes; a digit held inside a word or starting
    // one.
    "Сбе-е-е-ер",
    "Сбе-е-е-рбанк",
    "Сбе.е.е.рбанк",
    "Тин.н.н.нькофф",
    "Поли-и-иция",
    "Bank podderz-z-z-zhka",
    "Cz~z~zentrobanka",
    "kiberpolits.s.s.siia",
    "Кібер-р-р-pполіція",
    "П000лиция",
    "Сбер666анк",
    "Центр0000банк",
    // From the attack on it: a stutter and an echo of an abbreviation,
    // an echo before the next word, in either case.
    "М-М-МВД",
    "МВД-Д-Д РФ",
    "Ф-Ф-Ф-ФСБ",
    "Ц·ц·цБ России",
    "Банк-к-к клиентский отдел",
    "Пример БанК-К-к Клиентский отдел",
    // 2026-12-07 (second session): letters stretched, in any dress, also
    // before a transliteration and beside symbol groups and decoys; letter
    // names run into the word after them; caps the decoys filled.
    "Сбееееербанк",
    "Служба безопаааасности",
    "Полииииция",
    "Бааанк Россссии",
    "Тинькоффф",
    "Sluzzzhba bezopasnosti",
    "Tsssentrobanka",
    "Meeenedzzzher banka",
    "wwwSberbaaankkz",
    "Сбербанкрффф",
    "Ба4аанк поддержка",
    "Сбееeеербанк",
    "Poooliiiceee",
    "Вэ-Тэ-Бэслужба заботы",
    "Ти|-|ьк\u{2b55}fф",
    "P[]litcia\u{2122} \u{2014} jAj >|< cl |\\|",
    "SLUJ|3A ZA|3OTY BA|\\|KA\u{1d40}\u{1d39}",
    "КіберпоJIіцііія ЖК СоJI|-|еч|-|bIй",
    "JI jAj tsy x\u{a9}x $$ \u{2014} gorrriachaia liniaaaaa banka",
    // 2026-12-07: letters drawn as punctuation (a dot, a colon, a bar, a
    // dash) glued the initials into one word no rule read.
    "ФꞏСꞏБ",
    "ФㆍСㆍБ",
    "ФːСːБ",
    "ФǀСǀБ",
    "ФㅡСㅡБ",
    "СБꞏУ",
    "8ㆍ800ㆍ555ㆍ35ㆍ35",
    // ... and then a symbol drawn for a letter among letters spelled out
    // one by one was no letter: beside a dot it was no letter's neighbour.
    "Ф.©.Б.",
    "Фː©ːБː",
    "Ф|©|Б|",
    "Ф-©-Б-",
    "©.Б.У.",
    "П.⭕.Л.И.Ц.И.Я",
    // ... and abbreviations said letter by letter were no abbreviation:
    // only three had lexicon lines ("эф эс бэ"), in one spelling each.
    "Ес Бе У",
    "Эс Бэ У",
    "Тэцэка",
    "Тэ Цэ Ка",
    "Эм Вэ Дэ",
    "Ем Bе Де",
    "ЭфЭсБэ",
    "Э н  Б э  У",
    "ВЭТЭБЭслужбазаботы",
    "Эсбэушник",
    "эс-бэ-уkz",
    "ЭН-БЭ-u",
    // ... and a re-spelling that reads multi-letter groups read a
    // trademark sign drawn in letters as a plain letter, so the marks'
    // re-spelling on top of it had nothing to read.
    "cl ⭕⭕ |\\| $$ Ьь 🌸 М⭕ноδанк🅁",
    // ... and the bank's products glued to its brand were letters of a
    // word: "Sberprime", "СберПрайм", "ВТБинвестиции".
    "Sberprime",
    "СберПрайм",
    "ВТБинвестиции",
    "Kaspipremium",
    // ... and fillers glued to an authority's word hid it: "ЦБ онлайн"
    // claimed, "ЦБонлайн" did not.
    "ЦБонлайн",
    "Mypolice",
    "мойцб",
    "ФСБофициальный",
    "ТЦКинфо",
    // The fourth attack (2026-12-07): two abbreviations said letter by
    // letter side by side stopped the reading (a panic); letters drawn as
    // punctuation beyond the first table; the spoken "фэ", "сэ", "нэ";
    // abbreviations starting with a vowel; a symbol drawn for a letter
    // among letters spelled out with a wider gap, or first; more coloured
    // circles; a filler's ending before an authority's word.
    "Эф Эс Бэ Эр Эф",
    "Служба Эф Эс Бэ Эр Эф",
    "Ка Эн Бэ Эр Ка",
    "Эс Бэ Тэ Цэ Ка",
    "Ф一С一Б",
    "Ф 一 С 一 Б",
    "Ф ㅣ С ㅣ Б",
    "ФᛁСᛁБ",
    "ФǁСǁБ",
    "ФᐟСᐟБ",
    "ФـСـБ",
    "8一800一555一35一35",
    "Фээсбэ",
    "фээсбэшник",
    "Фэ-эс-бэ",
    "ФэСэБэ",
    "Сэ Бэ У",
    "Нэ Бэ У",
    "О Вэ Дэ",
    "Овэдэ",
    "Уэфэсбэ",
    "Е Эн Пэ Эф",
    "Ф ©  Б",
    "Ф. ©. Б.",
    "Ф · © · Б",
    "Ф.$.Б.",
    "П🟢лиция",
    "М🟡н🟡банк",
    "Tink🟠ff",
    "Р.🟢.В.Д.",
    "⭕.В.Д.",
    "Официальнаяцб",
    "Инвестицб",
    // name_attacks' proptest, 2026-12-06: a combining stroke over a
    // look-alike letter was read as part of a symbol group ("А̶").
    "E\u{3c7}aM\u{323}\u{180e}Pl \u{435}\u{44c}\u{410}\u{336}n\u{43a}\u{2039}\u{203a}\u{2039}\u{203a}S\u{395}\u{2060}curiTy\u{180e}",
    "ExamPl \u{435}\u{44c}\u{410}\u{336}n\u{43a} Security",
    "Ex@mple Bank",
    "E x a m p l e  B a n k  S u p p o r t",
    "Bank Support",
    "Сбер горячая линия",
    "ЦБ РФ защита персональных данных",
    "Службабезопасности",
    "ФСБРоссии",
    "sluzhba bezopasnosti",
    "🇷🇺ФСБ🇷🇺",
    "sber@support.ru",
    "России Банка",
    "Committee Investigative",
    "KASPIBANK.KZ",
    "Т－Банк＠𝐦𝐚𝐢𝐥．𝐫𝐮",
    "М8Д🇷🇺",
    "Nacional'niy🇰🇿bank",
    "MENEDJER BANKA",
    "Slujba podderjki banka",
    "qAuiPsIzdIk qY'ZM3Ti",
    "Kiberpolit5iia.rf",
    "komitetSledstvenny'j.ru",
    "ПеΗϲи0|-||-|bIй фоΗд",
    "EхamрlеЬаnκSeсurity",
    "Ц е н т р а л ь н о г о  б а н к а",
    "M e n e d zh e r  b a n k a",
    "Горячая банка линия",
    "9О0 📞",
    "8_8ОО_555_З5_35",
    "Горячая линия 800 555-35-35",
    "810 7 800 555 35 35",
    "ㅤㅤㅤㅤㅤㅤ8 800 555 35 35",
    // The red team (issue 20): official names glued in capitals.
    "ФСБРОССИИ",
    "МВДРОССИИ",
    "фнсроссии",
    // 2026-12-07: regional indicators that show as boxed letters; a
    // fancy letter beside a drawn one; a brand glued to a filler (and
    // spelled out with a no-break space that looks like the letters' gap);
    // transliteration groups spelled out in look-alikes.
    "🇫 🇸 🇧",
    "🇫🇸🇧",
    "🇸\u{200B}🇧\u{200B}🇪\u{200B}🇷",
    "T\u{308}i\u{308}n\u{24a6}\u{2b55}f\u{336}f Ba\u{336}n\u{308}k",
    "сбербанконлайн",
    "приватбанкофициальный",
    "П р и в а т б а н к\u{a0}о ф и ц и а л ь н ы й",
    "g o r уа сh а ya  l і n ı ya  b α n k a",
    // Transliteration as people also type it: "tc", a final "y" for "и".
    "Politciya",
    "Kaspy",
    "Sluzhba bezopasnosty",
    // 2026-12-07 (later): a final "ия" typed "ia", "йо" typed "yo"; and decoys
    // that set off every scheme beside the one a disguise needs.
    "Politsia",
    "Politsia Rossii",
    "mayor yustitsii",
    "Goriachaia linia banka",
    "P[]litcia \u{2014} \u{2b55}\u{2b55} $$ Ьь",
    "Goriachaia linia banka \u{2014} |\\| tsy jAj |-| \u{2b55}\u{2b55}",
    // Web addresses without their dots, and long brands glued after
    // other letters (the red team, 2026-12-07).
    "sberbankru",
    "kaspikz",
    "privatbankua",
    "vtbru",
    "ЦБkz",
    "wwwСБУcom",
    "wwwТ-Банк\u{2120}kz",
    "приватбанкｒｕ",
    "мойсбербанк",
    "xxsberbank",
    "мойсбер",
    "mykaspi",
    "мойвтб",
    "sberteam",
    "kaspigold",
    "сбербизнес",
    "Polisia",
    "Qazaqstan polisiasy",
    "major yustitsii",
    "Sotrudnik CB",
    "CB Rossii",
    // A digit-like letter glued to the hotline (the red team, 2026-12-07).
    "8 800 555 35 35б",
    "88005553535б",
    "+7 800 555 35 35з",
    "IО07800SSЅ3sз5",
    "Soo7\u{3164}8O0\u{3164}555\u{3164}35\u{3164}35",
    // Strokes with a "1" for a "Ш"; a Latin letter alone between Cyrillic
    // words; the informal "ia" in a name of random case.
    "Отдел по борьбе с мо1IIенничеством",
    "Отдел*по*борьбе*\u{a731}*мошен\u{274}ичеством\u{a9}",
    "GORIaChaIa LINIA BANKA",
    "PolitsiaRossii",
    // The red team's lexicon gaps, 2026-12-07.
    "Участковый инспектор Иванов",
    "ФС Б",
    "ВТ Б",
    "fsbgovru",
    "ФСБрус",
    "ФСꓐ",
    "ВТᏴ",
    "АнтимоⅢенник",
    "Эф Эс Бе",
    "Kaspi\u{24ad}",
    // The third attack, 2026-12-07: a symbol inside a word, raised
    // letters after it.
    "Поли\u{25cb}ция",
    "Служба б\u{25cb}езопасности",
    "Inter\u{1f534}pol",
    "ФСБ\u{1d43}\u{207f}",
    "ФинЦЕРТ",
    "FinCERT Банка России",
    "Военкомат",
    "ТЦК та СП",
    "Эф эс бэ",
    "Береке банк",
    "Eurasian Bank",
    "KaspiⓇ",
    "ВТБᵀᴹ",
    "ФСБʳᶠ",
    "Kaspi\u{1F12C}",
    "POLICЄ",
    "Poŀice",
    "KΛSPI",
    "ΞUROPOL",
    "ƩBER",
    // Letters of other scripts drawn like a Latin one, as a sound inside
    // a Cyrillic word; abbreviations, domains one after another.
    "ФꓢБ",
    "Ꮪбер",
    "КаՏпи",
    "ПОꓡИЦИЯ",
    "ꓖосуслуги",
    "КНБkzcom",
    // A small capital is the Latin letter it draws ("ʟ" is "L"), read as
    // a sound inside a Cyrillic word.
    "ПоʟИЦИЯ",
    "ФⓈБ",
    // A letter for the trunk prefix: the ten digits after it are the
    // list's number.
    "В 800 555 35 35",
    "B-8OO-555-35-35",
    // Decoys that crowded the one re-reading a claim needs out of the
    // bound on re-spellings.
    "Ьank support x©x |\\| a@b |-|",
    // A letter hyphened to the word after it joined a spelled-out run
    // before it ("Ж" and the "Т" of "Т-Банк"); an ideographic space, wider
    // than the letters' gaps, was read as one of them.
    "$$ Ьь ⭕⭕ >|< 🌸 Т-Ба|-|к.c[]m",
    "|-| ⭕⭕ — Т-Bанkа",
    "|\\/| В Д\u{3000}c u s t [] rn e r\u{3000}c a r e",
    // The red team, 2026-12-07: boxed and drawn letters beside a surname
    // with initials or inside a Cyrillic word; a brand glued to Ukrainian,
    // Kazakh and English fillers and roles, several in a row; ranks,
    // ministries and services.
    "\u{1F1EB}\u{1F1F8}\u{1F1E7} Иванов И.И.",
    "Иванов И.И. \u{1F1EB}\u{1F1F8}\u{1F1E7}",
    "\u{24A1}\u{24AE}\u{249D} Иванов И.И.",
    "\u{1F1EB}СБ",
    "\u{1F1F8}бер поддержка",
    "\u{1F1F8}бербанк",
    "По\u{1F1F1}иция",
    "\u{1F1EC}осуслуги",
    "приватбанкофіційний",
    "каспиресми",
    "kaspihelp",
    "сбербанконлайнподдержка",
    "sberbankofficialsupport",
    "втбонлайнбанк",
    "сбербанкинфо",
    "Pryvatbank",
    "радник юстиції",
    "Министерство юстиции",
    "ФСИН",
    "майор внутренней службы",
    "Инспектор ГАИ",
    // The second red team, 2026-12-07: decoys that made the reading of
    // every re-spelling at once spoil the one a claim needs; a real soft
    // sign read as "b" beside a look-alike; double surnames.
    "Ц€НТР@ЛЬНЫЙ БАНК Ьа |\\|",
    "N@TIONAL ЬANK |\\| x©x",
    "Центрaльный Ьанк",
    "НАЦIОНАЛЬНЫЙ ЬАНК",
    "Ьезопасность",
    "Петрова-Полицейская И.И.",
    "Иванов-Сбербанков И.И.",
    // An abbreviation's "Б" drawn as a soft sign, which ends no word of
    // four letters: no soft sign there.
    "ВТЬ",
    "ЦЬ РФ",
    "Псь",
    // The third red team: a claim beside a person with initials, joined
    // by punctuation; an abbreviation's "Ь" for "Б" in capitals or glued
    // to a word; boxed letters with decoys.
    "Петров А.В. СК/следователь",
    "Иванов И.И. МВД/ФСБ",
    "Петров А.В. ВТБ,поддержка",
    "Петров А.В. Москва·УМВД",
    "Иванов Ц.Б. Москва/Полиция",
    "УФСЬ России",
    "ПоддержкаВТЬ",
    "СотрудникЦЬ",
    "ВТЬОнлайн",
    "\u{1F1FB}\u{1F1F9}Ь |-| a@b x©x",
    "\u{1F1EB}\u{1F1F8}Ь ©all m@il |-|elp",
];

/// Ordinary names the reading once flagged while it was built: they stay
/// quiet, whatever the seed.
const FOUND_QUIET: &[&str] = &[
    // 2026-12-07 (third session): a name drawn out is no abbreviation
    // spelled out ("и.им" is no "ІІМ"); words that end and start alike,
    // and initials, are no stretch.
    "Вади.и.им теннис",
    "Макси~и~им Игоревич",
    "Юри‐и‐ий Д.",
    "Инна Ааронова",
    "Анна А. Аксенова",
    "Ив444нова Анна",
    // From the attack on it: car plates (a digit held among few letters
    // is a code), a drawn-out letter in the other case.
    "С888ЕР",
    "Сосед С888ЕР",
    "B666TB 77",
    "CB3333EP",
    "РО1111СЕ",
    "666AHK",
    "Vadi-I-Im Borisov",
    "Aygeri-I-Im running",
    "КРАВЕ·е·еЦЬ Поліна",
    "УК-К-К ключник",
    // 2026-12-07 (second session), from the attack on stretched letters:
    // an interjection stretched is a word, no abbreviation; a first name
    // after letters' names is a name; a "В" drawn as "8" in capitals.
    "Скррр",
    "Скррррр Вася",
    "Пфууу Маша",
    "Пфррр",
    "Фсссс",
    "УККК Комфорт",
    "Цоооон",
    "Мамуууля",
    "Ооочень срочно",
    "Ка Эн Бэлла",
    "Эм Вэ Дэнис",
    "Де Бэ Ержан",
    "Те Це Карина",
    "Пе Эс Бетон",
    "Ц8ЕТЫ ФЛОРА",
    "ВАЛЯ Ц8ЕТКОВА",
    // 2026-12-07: words made of letters' names' syllables ("де-те-и",
    // "ка-ша") are read as letters only when they spell an abbreviation.
    "Школа безопасности детей",
    "Каша",
    "Ха-ха-ха",
    "Чека",
    "Есен Ерланов",
    "Те же",
    "Oʻzbekiston",
    // ... and a person with a surname of no Russian ending, or initials
    // typed small, is a person: "Ц.Б." are initials.
    "Ким Ц.Б.",
    "Цой Ц.Б.",
    "Мельник Ц.Б.",
    "Доржиев ц.б.",
    "Мойдодыр",
    "Информатика",
    "Ваштакси",
    "Онлайншкола",
    "Цеберка",
    "Цебенко",
    "Let it be",
    "Анна © Б",
    "§ 5 закона",
    // The fifth attack: letters' names typed in Latin letters are
    // surnames too often ("De Beer", "Cebe"); a vowel starting a word is
    // no abbreviation's inside it ("Уведення"); "Ли", "Нам" are words.
    "De Beer",
    "Mehmet Cebe",
    "Tsebe Lerato",
    "Уведення в експлуатацію",
    "Бухгалтер §БУ",
    "Соседка сверху",
    "Центральный банкетный зал",
    "Bank holiday party",
    "JamesBanks",
    "Лео|-|ид",
    "арсенийми|-|ск.рф",
    "Magazin Dlia vas na Stro1telei",
    "УККомфорт.рф",
    "Гоша.ГоIIIаМи|-|ск.рф",
    "Жаксылыков C. Б.",
    "CБ Иванова",
    "Консьерж дом 21",
    // The red team's (issue 20): prices and flats, bathhouses, jars,
    // places, initials.
    "Маникюр 900₽",
    "Квартира 900",
    "Банька 🔥",
    "Стеклянные банки менеджер Ольга",
    "Riverbank Care Home",
    "Power bank repair service",
    "Банк еды служба доставки",
    "Альфа Банкет",
    "Центральный банкет",
    "Сбережения",
    "Jusan Nurlanovna",
    "Илон Маск",
    "Антикор Сервис",
    "Comic Con",
    "Nabu",
    "Ovd",
    // 2026-12-07: flags stay flags; a brand's letters inside another word
    // with a filler after them.
    "Мама 🇷🇺🇰🇿🇺🇦",
    "Оля 🇬🇧🇺🇸",
    "каспийонлайн",
    "Альфабанкет",
    "Dmitry Kaspyrov",
    "Tatiana Mayorova",
    "Кенгуру",
    "Партком",
    "Клиника Гуру",
    "Мойка",
    "Команда",
    "Policy",
    // A word and a letter are no abbreviation ("ІІМ"); "|\\|" between
    // Latin letters is an N ("ІІД"); a food bank glued is a food bank.
    "Сергій М",
    "\u{1F1EC}\u{1F1E7}Олек\u{a9}ій М\u{2b55}роз",
    "ACE PLUM|3I\u{301}|\\|G\u{301}",
    "foodbank@support.ru",
    "Квартира 111",
    "Участковый терапевт Петрова",
    "Участковая медсестра",
    "Участковый хирург",
    "Шиномонтаж у военкомата",
    "Stinkoff",
    "СК Россия бассейн",
    "Центр кредит",
    "Анна ⓇⓄⓈⒶ",
    // An abbreviation is read upright: "rn" and "n" drawn in Latin
    // letters are no handwritten "п" ("ГПБ", "ОГП", "ПСБ").
    "RnB party",
    "OBG Clinic",
    "\u{201c} S t e p rn \u{e0061}o rn\u{34f} \u{ad} \u{1f1f0} \u{1f1ec} \u{feff}\u{201d}\u{200d}",
    "Zh S K  cl [] rn  6\u{1f512}",
    "Natalia",
    "Mariia Politova",
    "Happy Mary",
    "Я в ТЦ-Мега",
    "А Б В-Групп",
    // The red team, 2026-12-07: a surname and a grove ("Гай"), a paint
    // code, an English "-cy", law firms named "Юстиция".
    "Гай",
    "Петро Гай",
    "Зелёный Гай",
    "Гаї Надія",
    "Rai",
    "Aishwarya Rai",
    "RAL 9010",
    "Policy",
    "Insurance policy",
    "Policy Bazaar",
    "ООО Юстиция генеральный директор Петров",
    "Майоров (Юстиция)",
    "Юрфирма Юстиция советник Иванов",
    // The second red team: Caspian firms, surnames built on a word of a
    // brand of several words, a person with initials and a word beside.
    "КаспийСервис",
    "Каспийсервис",
    "ТОО КаспийСервис",
    "Каспийохрана",
    "Барсуков Ц.Б.",
    "Почтарёв Ц.Б.",
    "Альфаева Ц.Б.",
    "Доржиев Ц.Б. юрист",
    "Врач Доржиев Ц.Б.",
    "Доржиев Ц.Б., врач",
    "Доржиев Ц.Б. (Улан-Удэ)",
    "ГОСТЬ",
    "Лось и рысь",
    "Ось",
    "Бадмаев Ц.Б. мой врач",
    "Бадмаев Ц.Б. Яндекс",
    "Бадмаев Ц.Б. МТС",
    "Бадмаева Ц.Б. русский язык",
    "Бадмаев Ц.Б. охранник",
    "Бадмаев Ц.Б. Сервисный центр",
    "Иванова С.Б. г. Казань",
    "Петров С.Б. г.Москва",
];

const SEED: u64 = 0x5EED_2026_1206;
const GENERATED: usize = 100_000;

/// `CALLGUARD_DISGUISES=n` runs fewer while working on a rule.
fn generated() -> usize {
    std::env::var("CALLGUARD_DISGUISES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(GENERATED)
}

#[test]
fn every_disguised_claim_warns() {
    let mut rng = Rng(SEED);
    let mut missed = Vec::new();
    let mut by_transform: std::collections::BTreeMap<String, usize> = Default::default();
    let channels = [Channel::Whatsapp, Channel::Telegram, Channel::Viber];
    let total = generated();
    let mut decisions = Vec::with_capacity(total);
    for i in 0..total {
        let (name, how) = disguised(&mut rng);
        let channel = channels[i % channels.len()];
        let screening = support::screen_name_only(&name, channel);
        decisions.push(support::decision_line(&screening));
        if !warns(screening.verdict) {
            *by_transform.entry(how.clone()).or_default() += 1;
            if missed.len() < 40 {
                missed.push(format!("{} on {}: {how}", shown(&name), channel.name()));
            }
        }
    }
    for name in FOUND {
        if !warns(verdict(name, Channel::Whatsapp)) {
            missed.push(format!("{name:?} (found before)"));
        }
    }
    let caught = total - by_transform.values().sum::<usize>();
    println!(
        "names: disguise generator {total} names, {} transforms: {caught} caught ({:.3} %)",
        TRANSFORMS.len() + 3,
        caught as f64 * 100.0 / total as f64
    );
    assert!(
        missed.is_empty(),
        "missed (seed {SEED:#x}):\n{}",
        missed.join("\n")
    );
    if total == GENERATED {
        support::same_as_snapshot("disguises", &decisions);
    }
}

/// The transforms that keep an ordinary name ordinary (no claim words
/// added), applied to the benign corpus 1–4 at a time.
const DECORATIONS: &[&str] = &[
    "word_order",
    "stretched",
    "handle",
    "domain",
    "glued",
    "camel",
    "quotes",
    "transliterated",
    "spaced_letters",
    "uniform_case",
    "look_alikes_same_case",
    "mixed_script",
    "fancy_letters",
    "digits_for_letters",
    "multi_letter",
    "fullwidth",
    "combining",
    "invisible",
    "punctuation",
    "emoji",
    "flags",
    "padding",
    "bidi",
    "rtl_marks",
];

/// The benign corpus, each name decorated 1–4 ways: (the name, as
/// decorated, the decorations).
fn benign_decorated() -> Vec<(String, String, Vec<&'static str>)> {
    let decorations: Vec<&Transform> = TRANSFORMS
        .iter()
        .filter(|t| DECORATIONS.contains(&t.0))
        .collect();
    assert_eq!(decorations.len(), DECORATIONS.len());
    let mut rng = Rng(SEED ^ 0xBE9160);
    let mut out = Vec::new();
    for name in benign_names() {
        let n = 1 + rng.below(4);
        let mut chosen: Vec<&Transform> = (0..n).map(|_| *rng.pick(&decorations)).collect();
        chosen.sort_by_key(|t| t.1);
        chosen.dedup_by_key(|t| t.0);
        let mut decorated = name.to_string();
        for (_, _, f) in &chosen {
            decorated = f(&decorated, &mut rng);
        }
        out.push((name, decorated, chosen.iter().map(|t| t.0).collect()));
    }
    out
}

#[test]
fn the_benign_corpus_decorated_stays_quiet() {
    let mut alarms = Vec::new();
    let mut count = 0;
    for (name, decorated, names) in benign_decorated() {
        count += 1;
        let v = verdict(&decorated, Channel::Whatsapp);
        if v != Verdict::Unknown {
            alarms.push(format!(
                "{name:?} as {} {names:?}: {}",
                shown(&decorated),
                v.name()
            ));
        }
    }
    for name in FOUND_QUIET {
        let v = verdict(name, Channel::Whatsapp);
        if v != Verdict::Unknown {
            alarms.push(format!("{name:?} (found before): {}", v.name()));
        }
    }
    println!(
        "names: benign corpus decorated, {count} names: {} false alarms",
        alarms.len()
    );
    assert!(
        alarms.is_empty(),
        "{} false alarms:\n{}",
        alarms.len(),
        alarms
            .iter()
            .take(80)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Names in the corpus of letters drawn out (`DRAWN_OUT`).
const DRAWN_OUT_GENERATED: usize = 20_000;

/// What that corpus misses today, each with why. Each must still be
/// missed (a fix moves it to `FOUND`), and nothing else may be.
const DRAWN_OUT_MISSED: &[(&str, &str)] = &[(
    // As stretched ("Natsi⭕naaaalnii…") too: the sixteen transliterations
    // (`MAX_TRANSLITERATED`) fill with the stretch read once and twice,
    // with and without the trademark sign, before the one with the
    // symbol read as "o" and the sign dropped.
    "Natsi\u{2b55}na\u{2010}a\u{2010}a\u{2010}alnii\u{1f1f0}\u{1f1ff}ba几kᵀᴹ",
    "transliterations capped",
)];

#[test]
fn every_drawn_out_claim_warns() {
    let mut rng = Rng(SEED ^ 0xD4A3_0000);
    let channels = [Channel::Whatsapp, Channel::Telegram, Channel::Viber];
    let total = generated().min(DRAWN_OUT_GENERATED);
    let mut missed = Vec::new();
    let mut known = 0;
    for i in 0..total {
        let also = rng.pick(DRAWN_OUT);
        let (name, how) = disguised_with(&mut rng, Some(also));
        let channel = channels[i % channels.len()];
        if !warns(support::screen_name_only(&name, channel).verdict) {
            if DRAWN_OUT_MISSED.iter().any(|(known, _)| *known == name) {
                known += 1;
                continue;
            }
            missed.push(format!("{} on {}: {how}", shown(&name), channel.name()));
        }
    }
    for (name, why) in DRAWN_OUT_MISSED {
        if warns(verdict(name, Channel::Whatsapp)) {
            missed.push(format!("{name:?} is caught now ({why}): move it to FOUND"));
        }
    }
    println!(
        "names: letters drawn out, {total} names: {} caught, {known} known missed",
        total - missed.len() - known
    );
    none_of(&missed, "missed");
}

#[test]
fn the_benign_corpus_drawn_out_stays_quiet() {
    let mut rng = Rng(SEED ^ 0xD4A3_BE91);
    let mut alarms = Vec::new();
    for name in &benign_names() {
        let (what, _, drawn) = rng.pick(DRAWN_OUT);
        let decorated = drawn(name, &mut rng);
        let v = verdict(&decorated, Channel::Whatsapp);
        if v != Verdict::Unknown {
            alarms.push(format!(
                "{name:?} as {} [{what}]: {}",
                shown(&decorated),
                v.name()
            ));
        }
    }
    none_of(&alarms, "false alarms");
}

/// Fails, listing the first 40 of `found` (`what` they are), unless it
/// is empty.
fn none_of(found: &[String], what: &str) {
    let first: Vec<&str> = found.iter().take(40).map(String::as_str).collect();
    assert!(
        found.is_empty(),
        "{} {what}:\n{}",
        found.len(),
        first.join("\n")
    );
}

/// The benign corpus (`tests/names/benign.txt`), a name a line.
fn benign_names() -> Vec<String> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/names/benign.txt"),
    )
    .unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

/// What reading a name and checking it against every claim rule costs,
/// name by name, over the generated disguises and the decorated benign
/// corpus: the share within issue 20's budget (3 µs for 64 characters)
/// and the percentiles, by length. Figures, not a check (a shared machine
/// times anything): `cargo test --release -p callguard-core --test
/// name_disguises -- --ignored --nocapture read_times` (`scripts/bench.sh`
/// runs it).
#[test]
#[ignore = "prints figures; run in release"]
fn read_times() {
    use callguard_core::screen::names;
    use std::time::Instant;
    let time = |name: &str| -> f64 {
        // (The least of five: what the engine costs, not what the machine
        // was doing meanwhile.)
        (0..5)
            .map(|_| {
                let start = Instant::now();
                let read = names::read(std::hint::black_box(name));
                std::hint::black_box(names::claims_authority(&read, []));
                start.elapsed().as_secs_f64() * 1e6
            })
            .fold(f64::MAX, f64::min)
    };
    let mut rng = Rng(SEED);
    let disguised: Vec<String> = (0..generated()).map(|_| disguised(&mut rng).0).collect();
    let benign: Vec<String> = benign_decorated().into_iter().map(|b| b.1).collect();
    time("warm up: the lexicon and the tables");
    for (corpus, names) in [
        ("generated disguises", &disguised),
        ("benign, decorated", &benign),
    ] {
        for (label, lengths) in [("up to 64 chars", 0..=64), ("49-64 chars", 49..=64)] {
            let mut timed: Vec<(f64, &String)> = names
                .iter()
                .filter(|n| lengths.contains(&n.chars().count()))
                .map(|n| (time(n), n))
                .collect();
            timed.sort_by(|a, b| a.0.total_cmp(&b.0));
            let times: Vec<f64> = timed.iter().map(|t| t.0).collect();
            let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
            let within = times.iter().filter(|&&t| t <= 3.0).count();
            println!(
                "names: read + claims, {corpus}, {label}: {} names, {:.1} % within 3 µs; \
                 median {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
                times.len(),
                within as f64 * 100.0 / times.len().max(1) as f64,
                at(0.5),
                at(0.9),
                at(0.99),
                at(1.0)
            );
            // (The slowest, to read where the time goes.)
            for (t, name) in timed.iter().rev().take(3) {
                println!("  {t:.1} µs: {}", shown(name));
            }
        }
    }
}
