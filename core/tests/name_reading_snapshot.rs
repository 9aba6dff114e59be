//! Everything the name rules decide, over names built to reach every
//! corner of the reading, held against `core/tests/snapshots/`: a change
//! that is meant to keep every decision (a faster engine, a new index)
//! must leave the snapshot as it is.
//!
//! Two corpora, both fixed: every string of one to three characters over
//! an alphabet of the characters the re-readings look at (symbol groups,
//! upright strokes, soft signs, look-alikes, marks, invisible and bidi
//! characters), and names drawn from every kind of character a fraudster
//! uses, with pieces of real claims spliced in. Each name gives: the
//! authority claim, the numbers read in it, the aliases it claims, and the
//! shape and letters of its spellings. (`CALLGUARD_SNAPSHOT=write` after a change that
//! is meant to change decisions; `=dump` writes the lines to `target/`.)

mod support;

use callguard_core::screen::names::{self, Alias};
use support::Rng;

/// The characters every re-reading looks at.
const TROUBLE: &[&str] = &[
    "|", "-", "I", ">", "}", "{", "<", "l", "b", "r", "n", "c", "v", "V", "j", "J", "y", "Y", "1",
    "0", "3", "8", " ", ".", "'", "Ь", "ь", "Ъ", "ъ", "І", "і", "Ӏ", "ı", "Б", "б", "Н", "н", "П",
    "п", "В", "в", "С", "с", "К", "к", "a", "A", "\u{2019}", "\u{02BC}", "\u{0336}", "\u{200B}",
    "\u{202E}", "\n", "𝐈", "｜", "－",
];

/// Kinds of characters a fraudster draws from, with how often.
const POOLS: &[(&str, usize)] = &[
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 14),
    ("0123456789", 6),
    ("|-@$._'`><{}(),:;!?/#*+=~\"&%^[]", 8),
    ("     ", 8),
    ("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯабвгдеёжзийклмнопрстуфхцчшщыэюя", 12),
    ("іїєґІЇЄҐәғқңөұүһӘҒҚҢӨҰҮҺӀӏ", 4),
    ("ьЬъЪ", 4),
    ("ΑΒΕΗΙΚΜΝΟΡΤΥΧαβεικνορτυχϲϳϹ", 3),
    ("ｅｘａｍｐｌｅＢＡＮＫ｜－＠", 3),
    ("𝐒𝐛𝐞𝐫𝐁𝐚𝐧𝐤𝑺𝒃𝒆𝒓𝓑𝓪𝓷𝓴𝔅𝔞𝔫𝔨", 3),
    ("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ🅐🅑🅚🄰🄱🄺🅰🅱🅺ⒶⓑⓀ", 3),
    ("\u{0300}\u{0301}\u{0306}\u{0308}\u{0336}\u{0336}\u{0483}\u{20DD}", 4),
    ("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD}\u{034F}\u{180E}\u{FE0F}\u{E0041}\u{115F}\u{3164}\u{FFA0}\u{2800}\u{3000}\u{00A0}\u{202F}", 5),
    ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}", 3),
    ("\n\r\u{2029}\u{2028}\t\u{0085}", 1),
    ("’ʹʼ'`‘ʻ′", 2),
    ("😀❤💖🌷🌸★☎📞🏦🇷🇺🇰🇿", 3),
    ("™℡㎏℠№℅Ⅲⅰﬁǅ¹²½ℂℍ℃Ω", 1),
    ("ĀāĂăĄąĆćČčĐđĘęĞğİıŁłŃńŌōŒœŘřŚśŠšŽžƅɓȷɑɡḂḃṠṡẞ", 2),
    ("ԱԲաբאבابᏣᏕἀἁᴂᴃ٠١۰۱०१", 1),
];

/// Pieces of real claims and of disguises, spliced into the drawn names.
const PIECES: &[&str] = &[
    "служба безопасности",
    "sluzhba bezopasnosti",
    "Сбербанк",
    "bank support",
    "ЦБ РФ",
    "|-|",
    "III",
    "bI",
    "rn",
    "cl",
    "8 800 555-35-35",
    "900",
    "Пример Банк",
    "Example Bank",
    "Kaspi",
    "ВТБ",
    "Ьank",
    ">|<",
    "Slujba",
    "komitetSledstvenny",
    "Банк России",
    "финмониторинг",
    "Інтерпол",
    "+7 (495) 123-45-67",
    "N a c z i o n a l n y j  b a n k",
    "S. B. U.",
    "Examp|e",
    "Бань|ка",
    "Т И | - | Ь",
    "Bank holiday",
    "банк крови",
];

/// Every string of one to three characters of `TROUBLE`.
fn short_strings() -> Vec<String> {
    let mut out: Vec<String> = TROUBLE.iter().map(|c| c.to_string()).collect();
    for a in TROUBLE {
        for b in TROUBLE {
            out.push(format!("{a}{b}"));
            for c in TROUBLE {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    out
}

/// Names of 1 to 80 characters drawn from `POOLS`, a piece of a claim
/// spliced into half of them.
fn drawn_names(count: usize) -> Vec<String> {
    let pools: Vec<(Vec<char>, usize)> = POOLS
        .iter()
        .map(|(p, w)| (p.chars().collect(), *w))
        .collect();
    let total: usize = pools.iter().map(|(_, w)| w).sum();
    let mut rng = Rng(0x5EED_2026_1206);
    (0..count)
        .map(|_| {
            let len = 1 + rng.below(80);
            let mut name: String = (0..len)
                .map(|_| {
                    let mut pick = rng.below(total);
                    let (pool, _) = pools
                        .iter()
                        .find(|(_, w)| {
                            let here = pick < *w;
                            pick = pick.saturating_sub(*w);
                            here
                        })
                        .unwrap_or(&pools[0]);
                    *rng.pick(pool)
                })
                .collect();
            if rng.chance(50) {
                let at = name
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(rng.below(len))
                    .unwrap_or(0);
                let piece: &&str = rng.pick(PIECES);
                name.insert_str(at, piece);
            }
            name
        })
        .collect()
}

/// One line: everything the name rules decide about `name`.
fn decisions(name: &str, aliases: &[Alias]) -> String {
    let reading = names::read(name);
    let claims = u8::from(names::claims_authority(&reading, []));
    let alias_hits: String = aliases
        .iter()
        .map(|a| {
            if names::claims(&reading, std::slice::from_ref(a)) {
                '1'
            } else {
                '0'
            }
        })
        .collect();
    // Each spelling's size and its letters (as `sketch` draws them, with
    // where a soft sign followed a letter and what case broke): a faster
    // engine must read the same letters, not only reach the same claims.
    let shape: Vec<String> = reading
        .spellings
        .iter()
        .map(|s| {
            let soft: Vec<usize> = (0..s.len()).filter(|&i| s.soft_after[i]).collect();
            format!(
                "{}/{}<{}|{soft:?}|{}{}>",
                s.len(),
                s.words(),
                s.sketch(),
                u8::from(s.case_split),
                u8::from(s.case_parts_spelled)
            )
        })
        .collect();
    format!(
        "{claims} {alias_hits} {:?} {:?} {} {}",
        names::number_in_name(name),
        names::numbers_in_name(name),
        reading.transliterated_from,
        shape.join(",")
    )
}

#[test]
fn every_name_decision_is_what_it_was() {
    let aliases: Vec<Alias> = ["Пример Банк", "Example Bank", "Kaspi", "Сбер", "ВТБ"]
        .iter()
        .map(|a| Alias::compile(a).unwrap())
        .collect();
    let names: Vec<String> = short_strings()
        .into_iter()
        .chain(drawn_names(15_000))
        .collect();
    let lines: Vec<String> = names.iter().map(|n| decisions(n, &aliases)).collect();
    // The corpus reaches the rules: claims, aliases and numbers all occur.
    let claiming = lines.iter().filter(|l| l.starts_with('1')).count();
    let with_alias = lines.iter().filter(|l| l[2..7].contains('1')).count();
    let with_number = lines.iter().filter(|l| l.contains("Some(")).count();
    println!(
        "names: reading snapshot over {} names ({claiming} claim, {with_alias} claim an alias, {with_number} carry a number)",
        lines.len()
    );
    assert!(claiming > 2_000 && with_alias > 500 && with_number > 300);
    support::same_as_snapshot("name_readings", &lines);
}
