//! Display names against the fraudster, and against false alarms.
//!
//! - Every name of `tests/names/fraud.tsv` must flag (the rule it names),
//!   every name of `tests/names/benign.txt` must stay quiet: zero alarms.
//! - A property test disguises every alias of the shared vectors the way a
//!   fraudster would and requires `impersonation` every time.
//! - Over the whole Unicode confusables table: a character and its
//!   prototype read alike, in either case.

mod support;

use callguard_core::list::ContactList;
use callguard_core::normalize::Region;
use callguard_core::screen::names::{self, look_of_char};
use callguard_core::screen::{
    screen, Attestation, Call, CallDirection, Context, Lang, Reason, Verdict,
};
use callguard_core::{Channel, Timestamp};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use support::Rng;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

use support::both_banks as lists;

fn screen_name(name: &str, channel: Channel) -> (Verdict, Reason) {
    let s = support::screen_name_only(name, channel);
    (s.verdict, s.reason)
}

fn corpus(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/names").join(name)).unwrap()
}

const MESSENGERS: [Channel; 3] = [Channel::Whatsapp, Channel::Telegram, Channel::Viber];

#[test]
fn ordinary_names_never_raise_an_alarm() {
    let text = corpus("benign.txt");
    let names: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        names.len() >= 5000,
        "benign corpus too small: {}",
        names.len()
    );
    let alarms: Vec<String> = names
        .iter()
        .flat_map(|name| MESSENGERS.map(|ch| (name, ch)))
        .filter_map(|(name, ch)| {
            let (verdict, reason) = screen_name(name, ch);
            (verdict != Verdict::Unknown)
                .then(|| format!("{name:?} on {}: {}", ch.name(), reason.code()))
        })
        .collect();
    println!(
        "names: benign corpus {} names x {} messengers: {} false alarms",
        names.len(),
        MESSENGERS.len(),
        alarms.len()
    );
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}

#[test]
fn every_fraud_name_is_caught_by_its_rule() {
    let text = corpus("fraud.tsv");
    let mut missed = Vec::new();
    let (mut authority, mut issuer) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (rule, name) = line.split_once('\t').expect("rule<TAB>name");
        let expected = match rule {
            "authority" => {
                authority += 1;
                Reason::ClaimsAuthority
            }
            "issuer" => {
                issuer += 1;
                Reason::NameClaimsIssuer
            }
            other => panic!("unknown rule {other}"),
        };
        for ch in MESSENGERS {
            let (verdict, reason) = screen_name(name, ch);
            if verdict != Verdict::Impersonation || reason != expected {
                missed.push(format!(
                    "{rule}\t{name:?} on {}: {} / {}",
                    ch.name(),
                    verdict.name(),
                    reason.code()
                ));
            }
        }
    }
    println!(
        "names: fraud corpus {authority} authority + {issuer} issuer names x {} messengers: {} missed",
        MESSENGERS.len(),
        missed.len()
    );
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

/// Case pairs where the other case is another glyph altogether: the
/// capital of a long s (`ſ` → `f`) is `S`, of a stigma `ϛ`…; those capitals
/// are no look-alikes of the prototype.
const NOT_VISUAL_CASE: &[(char, char)] =
    &[('S', 'f'), ('Ṡ', 'f'), ('ϛ', 'Σ'), ('ⲋ', 'Σ'), ('Т', '7')];

/// For every entry `x → p` of the TS #39 confusables table (single-character
/// prototypes): `x` reads like `p` in each of `p`'s cases, and `p` reads like
/// `x` in each of `x`'s cases — a name's look-alike matches an alias letter
/// whatever case either side is written in ("ПРИМЕР БАHK" vs "Банк").
/// Scam names a review found passing as `unknown` (now caught).
#[test]
fn names_the_review_found_are_caught() {
    for name in [
        "С л у ж б а  б е з о п а с н о с т и",
        "Сл. безопасности",
        "Безопасность",
        "Банковская безопасность",
        "Кибербезопасность",
        "Менеджер банка",
        "Оператор Сбербанка",
        "Служба поддержки клиентов",
        "Налоговая",
        "ФССП",
        "Судебный пристав",
        "ГИБДД",
        "ФСБшник",
        "Центрбанк",
        "Интерпол",
        "Сбербанк",
        "ВТБ",
        "Т-Банк",
        "Ваш банк",
        "\u{202E}\u{202D}Служба безопасности\u{202C}\u{202C}",
    ] {
        let (verdict, reason) = screen_name(name, Channel::Whatsapp);
        assert_eq!(
            (verdict, reason),
            (Verdict::Impersonation, Reason::ClaimsAuthority),
            "{name:?}"
        );
    }
    // Nested overrides that display the bank's name.
    let (verdict, _) = screen_name(
        "\u{202E}\u{202D}Пример Банк\u{202C}\u{202C}",
        Channel::Whatsapp,
    );
    assert_eq!(verdict, Verdict::Impersonation);
}

/// A person written with initials is a person: "Доржиев Ц.Б." is no
/// "ЦБ". Every pair of Cyrillic initials, before or after a surname of the
/// region, in the ways people write them.
#[test]
fn a_surname_with_initials_is_a_person() {
    const SURNAMES: &[&str] = &[
        "Доржиев",
        "Цыренова",
        "Бадмаев",
        "Цыбиков",
        "Иванов",
        "Полякова",
        "Шевченко",
        "Ковальчук",
        "Бондаренко",
        "Петросян",
        "Гогиашвили",
        "Чавчавадзе",
        "Жумабаев",
        "Нурланұлы",
        "Сергеевич",
        "Ostrovsky",
        "Ivanova",
        // Surnames that share first letters with a claim word, or hold a
        // word that claims only beside another ("майор юстиции").
        "Прокопьев",
        "Антипов",
        "Казаков",
        "Майоров",
        "Пожарский",
        "Русских",
        "Каспаров",
        "Полищук",
        "Банков",
        "Барсуков",
        "Почтарёв",
        "Альфаева",
    ];
    const LETTERS: &str = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";
    let mut alarms = Vec::new();
    for surname in SURNAMES {
        for a in LETTERS.chars() {
            for b in LETTERS.chars() {
                for name in [
                    format!("{surname} {a}.{b}."),
                    format!("{surname} {a}.{b}"),
                    format!("{a}.{b}. {surname}"),
                    format!("{a}. {b}. {surname}"),
                    format!("{a}.{b}.{surname}"),
                    format!("★ {} {a}.{b}. 🌸", surname.to_uppercase()),
                    format!("({surname}) {a}.{b}."),
                    format!("Врач {surname} {a}.{b}."),
                ] {
                    let (verdict, reason) = screen_name(&name, Channel::Telegram);
                    if verdict != Verdict::Unknown {
                        alarms.push(format!("{name:?}: {}", reason.code()));
                    }
                }
            }
        }
    }
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
    // Not a person: no surname, a word of the lexicon (in any spelling of
    // the word: "Sберов" reads "Сберов"), three initials, or the initials
    // alone.
    for name in [
        "Москва Ц.Б.",
        "Sберов Ц.Б.",
        "С6еров Ц.Б.",
        "Ц.Б.Sберов",
        "Втбшников Ц.Б.",
        "\u{1F1EB}\u{1F1F8}\u{1F1E7} Доржиев Ц.Б.",
        "Ц.Б.России",
        "Доставка Ц.Б.",
        "Служба Ц.Б.",
        "Ц.Б. России",
        "Ц.Б. РФ",
        "Иванов Ф.С.Б.",
        "Иванов Ц.Б. РФ",
        "Ц.Б.",
        "Ц. Б.",
    ] {
        let (verdict, reason) = screen_name(name, Channel::Whatsapp);
        assert_eq!(
            (verdict, reason),
            (Verdict::Impersonation, Reason::ClaimsAuthority),
            "{name:?}"
        );
    }
}

#[test]
fn a_number_in_a_name_never_vouches() {
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    };
    for (number, name, attestation) in [
        ("", Some("+7 495 000-00-01"), Attestation::NotVerified),
        ("", Some("+44 20 7946 0000"), Attestation::Passed),
        ("Пример Банк +7 495 000-00-01", None, Attestation::Passed),
        ("private", Some("+7 495 000-00-02"), Attestation::Passed),
    ] {
        for channel in [Channel::Phone, Channel::Whatsapp, Channel::Telegram] {
            let call = Call {
                number,
                channel,
                display_name: name,
                attestation,
                direction: CallDirection::Incoming,
                saved_contact: false,
            };
            let s = screen(lists(), &call, &ctx);
            assert!(
                !matches!(
                    s.verdict,
                    Verdict::Official | Verdict::Verified | Verdict::Expected
                ),
                "{number:?} / {name:?} on {}: {}",
                channel.name(),
                s.verdict.name()
            );
        }
    }
}

#[test]
fn a_character_and_its_confusable_prototype_read_alike_in_either_case() {
    use unicode_security::confusable_detection::skeleton;
    fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
        let c = it.next()?;
        it.next().is_none().then_some(c)
    }
    let cases = |c: char| -> Vec<char> {
        [Some(c), single(c.to_uppercase()), single(c.to_lowercase())]
            .into_iter()
            .flatten()
            .collect()
    };
    let (mut checked, mut failures) = (0, Vec::new());
    for x in (0..0x2_0000u32).filter_map(char::from_u32) {
        let proto: Vec<char> = skeleton(x.encode_utf8(&mut [0; 4]))
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect();
        let [p] = proto.as_slice() else { continue };
        if *p == x {
            continue;
        }
        if look_of_char(x).is_none() {
            continue;
        }
        checked += 1;
        let mut pairs: Vec<(char, char)> = cases(*p).into_iter().map(|b| (x, b)).collect();
        pairs.extend(cases(x).into_iter().map(|a| (a, *p)));
        for (a, b) in pairs {
            let (Some(la), Some(lb)) = (look_of_char(a), look_of_char(b)) else {
                continue;
            };
            if !(la.meets(lb) || NOT_VISUAL_CASE.contains(&(a, b))) {
                failures.push(format!("U+{:04X} {a} vs U+{:04X} {b}", a as u32, b as u32));
            }
        }
    }
    println!(
        "names: {checked} confusable characters checked against their prototypes, both cases: {} pairs apart",
        failures.len()
    );
    assert!(checked > 5000, "only {checked} confusables checked");
    assert!(
        failures.is_empty(),
        "{} pairs read apart:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

// ---- the disguise generator ----------------------------------------------

/// Look-alikes a fraudster picks by hand, both cases, several scripts.
const LOOK_ALIKES: &[(char, &str)] = &[
    ('a', "аАɑαΑᴀ4"),
    ('b', "ЬВвΒʙ8"),
    ('c', "сСϲⅽᏟ"),
    ('e', "еЕεΕᴇᎬ3"),
    ('h', "һНнΗʜ"),
    ('i', "іІ1lΙӀ"),
    ('k', "кКκΚᴋ"),
    ('l', "1Ӏ|ⅼ"),
    ('m', "мМΜᴍ"),
    ('n', "ոΝɴ"),
    ('o', "оОοΟ0ᴏ"),
    ('p', "рРρΡᴘᏢ"),
    ('s', "ѕЅ5"),
    ('t', "тТτΤᴛ"),
    ('x', "хХχΧ"),
    ('y', "уУγ"),
    ('а', "aAɑαΑ4"),
    ('в', "BΒʙ8"),
    ('г', "r"),
    ('д', "ɡ"),
    ('е', "eEεΕᴇ"),
    ('и', "1u"),
    ('к', "kKκΚᴋ"),
    ('м', "MΜᴍ"),
    ('н', "HΗʜ"),
    ('о', "oOοΟ0"),
    ('п', "n"),
    ('р', "pPρΡᴘ"),
    ('с', "cCϲⅽ"),
    ('т', "TΤᴛ"),
    ('у', "yY"),
    ('х', "xXχΧ"),
    ('б', "6"),
];

const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{180E}',
];
const COMBINING: &[char] = &[
    '\u{0301}', '\u{0308}', '\u{0336}', '\u{0307}', '\u{0323}', '\u{0483}',
];
const PUNCTUATION: &[&str] = &[
    " ",
    "  ",
    "-",
    "_",
    ".",
    " · ",
    "\u{00A0}",
    "🔒",
    "«",
    "»",
    "*",
    // Runs of general punctuation, which the confusables table reads as
    // letters of other scripts ('—' as 'ー'): a separator all the same.
    "————",
    "――――",
    "‒‒‒",
    " ••• ",
    "′′′",
    "‹›‹›",
];

fn disguise(alias: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = alias.split_whitespace().map(str::to_string).collect();
    if words.len() > 1 && rng.chance(30) {
        words.reverse();
    }
    if rng.chance(25) {
        // A Russian case ending on the last word ("Пример Банка").
        if let Some(last) = words.last_mut() {
            if last
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()))
            {
                last.push_str(["а", "у", "ом", "е"][rng.below(4)]);
            }
        }
    }
    let mut out = String::new();
    if rng.chance(20) {
        out.push_str(["Служба безопасности ", "🔒 ", "Офиц. ", "Security of "][rng.below(4)]);
    }
    for (w, word) in words.iter().enumerate() {
        if w > 0 {
            out.push_str(if rng.chance(20) {
                ""
            } else {
                PUNCTUATION[rng.below(PUNCTUATION.len())]
            });
        }
        for c in word.chars() {
            let lower = c.to_lowercase().next().unwrap();
            let mut shown = match LOOK_ALIKES.iter().find(|(base, _)| *base == lower) {
                Some((_, subs)) if rng.chance(35) => {
                    let subs: Vec<char> = subs.chars().collect();
                    subs[rng.below(subs.len())]
                }
                _ => c,
            };
            if rng.chance(30) {
                shown = if shown.is_lowercase() {
                    shown.to_uppercase().next().unwrap()
                } else {
                    shown.to_lowercase().next().unwrap()
                };
            }
            out.push(shown);
            if rng.chance(10) {
                out.push(COMBINING[rng.below(COMBINING.len())]);
            }
            if rng.chance(10) {
                out.push(INVISIBLE[rng.below(INVISIBLE.len())]);
            }
            if rng.chance(5) {
                out.push(' ');
            }
        }
    }
    if rng.chance(15) {
        // Bidi: an isolate around it, or the text reversed under a right-to-left override.
        out = if rng.chance(50) {
            format!("\u{2066}{out}\u{2069}")
        } else {
            format!("\u{202E}{}\u{202C}", out.chars().rev().collect::<String>())
        };
    }
    if rng.chance(15) {
        out = format!("{}{out}", "\u{200B}".repeat(300));
    }
    out
}

fn aliases() -> Vec<String> {
    lists()
        .iter()
        .flat_map(|l| l.issuer.aliases.clone())
        .collect()
}

proptest! {
    // A fixed seed: the same 3 000 disguises every run, so that a run in
    // CI cannot fail on a draw the last one never made. A miss found with
    // another seed (`PROPTEST_RNG_SEED` is ignored here: change the number)
    // becomes a line of `names_the_review_found_are_caught`.
    #![proptest_config(ProptestConfig {
        cases: 3000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_2026_1207),
        ..ProptestConfig::default()
    })]

    /// Every disguise of every alias is still the bank.
    #[test]
    fn a_disguised_alias_is_still_the_bank(alias_index in 0usize..64, seed in 1u64.., channel in 0usize..3) {
        let aliases = aliases();
        let alias = &aliases[alias_index % aliases.len()];
        let name = disguise(alias, &mut Rng(seed));
        let (verdict, reason) = screen_name(&name, MESSENGERS[channel]);
        prop_assert_eq!(verdict, Verdict::Impersonation, "{:?} (from {:?}): {}", name, alias, reason.code());
    }

    /// Letters' names run after run, glued, spaced or dotted, among words
    /// and letters, never stop the reading (two runs side by side once
    /// did: "Эф Эс Бэ Эр Эф").
    #[test]
    fn letter_names_in_any_order_are_read(tokens in proptest::collection::vec(0usize..LETTER_NAME_TOKENS.len(), 1..12)) {
        let name: String = tokens.iter().map(|&t| LETTER_NAME_TOKENS[t]).collect();
        let reading = names::read(&name);
        let _ = names::claims_authority(&reading, []);
        let _ = names::number_in_name(&name);
    }
}

/// Pieces of names said letter by letter, and what stands around them.
const LETTER_NAME_TOKENS: &[&str] = &[
    "эф",
    "Эс",
    "бэ",
    "ЭР",
    "цэ",
    "Ка",
    "эн",
    "у",
    "о",
    "вэ",
    "дэ",
    "тэ",
    "ес",
    "бе",
    "фэ",
    "ef",
    "es",
    "Be",
    " ",
    "-",
    ".",
    "kz",
    "шник",
    "служба",
    "Б",
    "С",
    "ㆍ",
    "一",
    "©",
    "🟢",
    "1",
];

#[test]
fn the_generator_reports_its_catch_rate() {
    let aliases = aliases();
    let mut rng = Rng(0x5eed);
    let total = 10_000;
    let mut missed = Vec::new();
    for i in 0..total {
        let alias = &aliases[i % aliases.len()];
        let name = disguise(alias, &mut rng);
        if screen_name(&name, Channel::Whatsapp).0 != Verdict::Impersonation {
            missed.push(format!("{name:?} (from {alias:?})"));
        }
    }
    let caught = total - missed.len();
    println!("names: generated disguises caught {caught}/{total}");
    for m in missed.iter().take(30) {
        println!("missed: {m}");
    }
    assert_eq!(caught, total);
}

#[test]
fn a_lists_own_authority_phrases_flag_messenger_callers() {
    let payload = r#"{"type":"callguard.contact-list","schema":1,"issuer":{"id":"bank","name":{"en":"Bank"},"authority_phrases":["Агентство по страхованию вкладов"]},"version":1,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2027-01-01T00:00:00Z","contacts":[]}"#;
    let list = Arc::new(ContactList::parse(payload.as_bytes()).unwrap());
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::Ru,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    };
    let call = |name, channel| Call {
        number: "",
        channel,
        display_name: Some(name),
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact: false,
    };
    let lists = [list];
    let s = screen(
        &lists,
        &call("АГЕНТСТВА по страхованию ВКЛАДОВ", Channel::Telegram),
        &ctx,
    );
    assert_eq!(
        (s.verdict, s.reason),
        (Verdict::Impersonation, Reason::ClaimsAuthority)
    );
    assert!(s.issuer.is_none());
    // Without the list the phrase is nobody's: quiet.
    let s = screen(
        &[],
        &call("Агентство по страхованию вкладов", Channel::Telegram),
        &ctx,
    );
    assert_eq!(s.verdict, Verdict::Unverifiable);
}
