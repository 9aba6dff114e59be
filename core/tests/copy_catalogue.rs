//! The message catalogues (core/src/copy/ftl): every message in every
//! language with the same arguments, every verdict worded in every
//! language without an English fallback, plural rules, isolation, and a
//! bank's overrides with every refusal of docs/copy.md.

mod support;

use callguard_core::copy::{sdk, Arg, Catalogue, CopyError, Lang, SDK_SOURCES};
use callguard_core::screen::copy::{channel_message, message};
use callguard_core::Channel;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use support::{REASONS, VERDICTS};

/// Per message id: per value/attribute, the arguments it uses.
type Shape = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn vars(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    vars(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, out);
        }
    }
}

fn shape(source: &str) -> Shape {
    let resource = parse(source).expect("a catalogue parses without errors");
    let mut shape = Shape::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut parts = BTreeMap::new();
                if let Some(value) = &m.value {
                    let mut v = BTreeSet::new();
                    vars(value, &mut v);
                    parts.insert(String::new(), v);
                }
                for a in &m.attributes {
                    let mut v = BTreeSet::new();
                    vars(&a.value, &mut v);
                    parts.insert(a.id.name.to_string(), v);
                }
                let fresh = shape.insert(m.id.name.to_string(), parts).is_none();
                assert!(fresh, "{} twice", m.id.name);
            }
            Entry::Junk { content } => panic!("junk in a catalogue: {content}"),
            Entry::Term(t) => panic!("a term in a catalogue: {}", t.id.name),
            _ => {}
        }
    }
    shape
}

#[test]
fn every_message_exists_in_every_language_with_the_same_arguments() {
    let english = shape(SDK_SOURCES[0]);
    assert!(english.len() >= 35, "{} messages", english.len());
    for lang in Lang::ALL {
        let other = shape(SDK_SOURCES[lang as usize]);
        assert_eq!(
            other.keys().collect::<Vec<_>>(),
            english.keys().collect::<Vec<_>>(),
            "{lang:?}: message ids"
        );
        for (id, parts) in &english {
            assert_eq!(
                &other[id], parts,
                "{lang:?}: {id}: attributes and arguments"
            );
        }
    }
}

const CHANNELS: [Channel; 7] = [
    Channel::Phone,
    Channel::Sms,
    Channel::Whatsapp,
    Channel::Telegram,
    Channel::Viber,
    Channel::Signal,
    Channel::Other,
];

#[test]
fn every_verdict_reason_and_channel_renders_in_every_language_without_fallback() {
    fn args(channel: &str) -> [(&'static str, Arg<'_>); 6] {
        [
            ("bank", Arg::Text("Пример Банк")),
            ("label", Arg::Text("Отдел карт")),
            ("channel", Arg::Text(channel)),
            ("agent", Arg::Text("Анна")),
            ("department", Arg::Text("отдел карт")),
            ("purpose", Arg::Text("заявка")),
        ]
    }
    let mut ids: BTreeSet<&str> = BTreeSet::from(["screen-announced"]);
    for verdict in VERDICTS {
        for reason in REASONS {
            for outgoing in [false, true] {
                ids.insert(message(verdict, reason, outgoing));
            }
        }
    }
    assert_eq!(ids.len(), 18, "{ids:?}");
    for lang in Lang::ALL {
        for channel in CHANNELS {
            let id = channel_message(channel);
            assert!(sdk().has(lang, id, None), "{lang:?}: {id}");
            let name = sdk().text(lang, id, &[]);
            for id in &ids {
                assert!(sdk().has(lang, id, Some("title")), "{lang:?}: {id}.title");
                assert!(sdk().has(lang, id, Some("body")), "{lang:?}: {id}.body");
                let (title, body) = sdk().titled(lang, id, &args(&name));
                for text in [&title, &body] {
                    assert!(
                        !text.contains('{') && !text.is_empty(),
                        "{lang:?}: {id}: {text}"
                    );
                }
                if lang != Lang::En {
                    let (_, english) = sdk().titled(Lang::En, id, &args(&name));
                    assert_ne!(body, english, "{lang:?}: {id} is English");
                }
            }
        }
    }
}

#[test]
fn numbers_take_the_languages_plural_forms() {
    const RU: &str = "n = { $n ->\n    [one] { $n } контакт\n    [few] { $n } контакта\n   *[many] { $n } контактов\n}\n";
    const EN: &str = "n = { $n ->\n    [one] { $n } contact\n   *[other] { $n } contacts\n}\n";
    let catalogue = Catalogue::new([EN, RU, RU, EN]);
    let say = |lang, n| catalogue.text(lang, "n", &[("n", Arg::Number(n))]);
    assert_eq!(say(Lang::Ru, 1), "1 контакт");
    assert_eq!(say(Lang::Ru, 3), "3 контакта");
    assert_eq!(say(Lang::Ru, 5), "5 контактов");
    assert_eq!(say(Lang::Ru, 11), "11 контактов");
    assert_eq!(say(Lang::Ru, 21), "21 контакт");
    assert_eq!(say(Lang::Uk, 22), "22 контакта");
    assert_eq!(say(Lang::En, 1), "1 contact");
    assert_eq!(say(Lang::En, 2), "2 contacts");
}

/// What a phone shows: no isolation marks around our left-to-right
/// arguments (they would count against a Call Directory label and show as
/// boxes in some renderers); a right-to-left name is isolated, so the
/// sentence around it keeps its order.
#[test]
fn only_right_to_left_arguments_are_isolated() {
    let plain = sdk().titled(
        Lang::Ru,
        "screen-impersonation-bank",
        &[("bank", Arg::Text("Пример Банк"))],
    );
    assert!(!format!("{plain:?}").contains(['\u{2068}', '\u{2069}']));
    assert!(plain.0.ends_with("это не Пример Банк"), "{}", plain.0);
    let hebrew = sdk().titled(
        Lang::En,
        "screen-impersonation-bank",
        &[("bank", Arg::Text("בנק לדוגמה"))],
    );
    assert_eq!(hebrew.0, "Scam warning — not \u{2068}בנק לדוגמה\u{2069}");
}

const GOOD: &str = "screen-impersonation-bank =\n    .title = Это не { $bank }!\n    .body = Кто-то выдаёт себя за { $bank }. Положите трубку и позвоните по номеру на карте.\n";

#[test]
fn a_bank_overrides_its_words_and_keeps_the_rest() {
    let copy = sdk().with_override(Lang::Ru, GOOD).unwrap();
    let args = [("bank", Arg::Text("Пример Банк"))];
    assert_eq!(
        copy.titled(Lang::Ru, "screen-impersonation-bank", &args).0,
        "Это не Пример Банк!"
    );
    // Other languages and other messages keep the SDK's words.
    assert_eq!(
        copy.titled(Lang::En, "screen-impersonation-bank", &args),
        sdk().titled(Lang::En, "screen-impersonation-bank", &args)
    );
    assert_eq!(
        copy.titled(Lang::Ru, "screen-unknown", &[]),
        sdk().titled(Lang::Ru, "screen-unknown", &[])
    );
    // A plural selection that shows the bank on every path is fine.
    let plural = "screen-spoofed-inbound-only =\n    .title = Это не { $bank }\n    .body = { $label ->\n        [x] { $bank }, { $label }: x\n       *[other] { $bank } не звонит с номера «{ $label }»\n    }\n";
    assert!(sdk().with_override(Lang::Ru, plural).is_ok());
}

fn refused(ftl: &str) -> (String, Option<String>) {
    let err = sdk().with_override(Lang::En, ftl).unwrap_err();
    (err.code().to_string(), err.message_id().map(str::to_string))
}

#[test]
fn every_refusal_names_its_code_and_message() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("screen-nonsense = Hi\n", "copy_unknown_message", Some("screen-nonsense")),
        ("-brand = Bank\n", "copy_unknown_message", Some("-brand")),
        ("contacts-hint = { $bank }\n", "copy_not_overridable", Some("contacts-hint")),
        ("directory-reported-fraud = ok\n", "copy_not_overridable", Some("directory-reported-fraud")),
        ("screen-unknown =\n    .title = Not a bank number\n", "copy_attributes", Some("screen-unknown")),
        ("screen-unknown = Not a bank\n", "copy_attributes", Some("screen-unknown")),
        ("screen-unknown =\n    .title = A\n    .body = B\n    .extra = C\n", "copy_attributes", Some("screen-unknown")),
        ("screen-impersonation-bank =\n    .title = Scam!\n    .body = Hang up.\n", "copy_missing_argument", Some("screen-impersonation-bank")),
        ("screen-impersonation-bank =\n    .title = Not { $bank }\n    .body = { $bank }: { $number }\n", "copy_extra_argument", Some("screen-impersonation-bank")),
        ("screen-spoofed-inbound-only =\n    .title = Not { $bank }\n    .body = { $label ->\n        [x] { $bank } { $label }\n       *[other] { $bank } never calls.\n    }\n", "copy_missing_argument", Some("screen-spoofed-inbound-only")),
        ("screen-unknown =\n    .title = { screen-reported-fraud.title }\n    .body = B\n", "copy_reference", Some("screen-unknown")),
        ("screen-unknown =\n    .title = { -brand }\n    .body = B\n", "copy_reference", Some("screen-unknown")),
        ("screen-unknown =\n    .title = { NUMBER(1) }\n    .body = B\n", "copy_reference", Some("screen-unknown")),
        ("screen-unknown =\n    .title = <b>Not</b> a bank\n    .body = B\n", "copy_markup", Some("screen-unknown")),
        ("screen-unknown =\n    .title = Not &amp; a bank\n    .body = B\n", "copy_markup", Some("screen-unknown")),
        ("screen-unknown =\n    .title = Not a \u{202E}knab\n    .body = B\n", "copy_control_character", Some("screen-unknown")),
        ("screen-unknown =\n    .title = Not a bank\n    .body = {\"\u{2800}\"}\n", "copy_control_character", Some("screen-unknown")),
        ("screen-unknown =\n    .title = Not a\u{200B}bank\n    .body = B\n", "copy_control_character", Some("screen-unknown")),
        ("screen-unknown =\n    .title = { \"\u{2066}\" }\n    .body = B\n", "copy_control_character", Some("screen-unknown")),
        ("screen-unknown =\n    .title = { \"\" }\n    .body = B\n", "copy_empty", Some("screen-unknown")),
        ("screen-unknown =\n    .title = A\n    .body = B\nscreen-unknown =\n    .title = A\n    .body = B\n", "copy_duplicate", Some("screen-unknown")),
        ("# fine\n\nscreen-unknown = {\n", "copy_syntax", None),
    ];
    for (ftl, code, id) in cases {
        assert_eq!(
            refused(ftl),
            (code.to_string(), id.map(str::to_string)),
            "{ftl:?}"
        );
    }
    // Found by the red team (issue 24): escapes that hide characters from
    // the checks, and one that panicked the parser (fluent-rs#389).
    for escaped in [
        "\\u202E",
        "\\u0000",
        "\\u001B[2J",
        "\\u003Cb\\u003E",
        "\\u200B",
        "\\u0020",
        "\\Uо",
    ] {
        let ftl = format!("screen-unknown =\n    .title = {{\"{escaped}\"}}\n    .body = B\n");
        assert_eq!(refused(&ftl), ("copy_escape".to_string(), None), "{ftl:?}");
    }
    // Blank, combining and invisible characters a list text may not hold
    // either (list/display_text.rs), and marks struck through the bank.
    for hidden in [
        '\u{2800}',
        '\u{034F}',
        '\u{17B4}',
        '\u{180B}',
        '\u{1BCA0}',
        '\u{E0100}',
        '\u{3164}',
        '\u{0336}',
        '\u{20DD}',
        '\u{2028}',
    ] {
        let ftl = format!("screen-impersonation-bank =\n    .title = {{ $bank }}{hidden}\n    .body = {{ $bank }}\n");
        assert_eq!(
            refused(&ftl).0,
            "copy_control_character",
            "U+{:04X}",
            hidden as u32
        );
    }
    // A title of blank space alone is empty.
    assert_eq!(
        refused("screen-unknown =\n    .title = {\"\u{00A0}\"}\n    .body = B\n").0,
        "copy_empty"
    );
    // Nesting deep enough to overflow a stack, refused before parsing.
    for depth in [5, 1_000, 12_800] {
        let ftl = format!(
            "screen-unknown =\n    .title = {}\"x\"{}\n    .body = B\n",
            "{ ".repeat(depth),
            " }".repeat(depth)
        );
        assert_eq!(
            refused(&ftl),
            ("copy_too_complex".to_string(), None),
            "{depth}"
        );
    }
    // Fluent stops formatting a pattern after 100 placeables: a warning
    // padded with empty ones would be cut short.
    let padded = format!(
        "screen-spoofed-inbound-only =\n    .title = Звонок{} — это не {{ $bank }}\n    .body = {{ $bank }}, {{ $label }}\n",
        "{\"\"}".repeat(101)
    );
    assert_eq!(
        refused(&padded),
        (
            "copy_too_complex".to_string(),
            Some("screen-spoofed-inbound-only".to_string())
        )
    );
    // A byte-order mark at the start is how some editors save UTF-8.
    assert!(sdk()
        .with_override(Lang::Ru, &format!("\u{FEFF}{GOOD}"))
        .is_ok());
    let huge = format!("# {}\n", "x".repeat(300 * 1024));
    assert_eq!(refused(&huge).0, "copy_too_large");
    // The error names the line of a syntax error, never the text.
    let err = sdk()
        .with_override(Lang::En, "# one\n# two\nscreen-unknown = {\n")
        .unwrap_err();
    assert_eq!(err, CopyError::Syntax { line: 3 });
}

proptest! {
    #[test]
    fn an_override_never_panics(text in "(\\PC|\\n|[{}$.=*\\[\\]-]){0,200}") {
        let _ = sdk().with_override(Lang::Ru, &text);
    }

    #[test]
    fn an_override_of_fluent_shaped_text_never_panics(
        id in prop::sample::select(vec!["screen-unknown", "screen-official", "bank-unnamed", "x"]),
        body in "[a-zA-Zа-я {}$.*\\[\\]\\n-]{0,80}",
    ) {
        let text = format!("{id} =\n    .title = {body}\n    .body = {body}\n");
        if let Ok(copy) = sdk().with_override(Lang::Ru, &text) {
            let _ = copy.titled(Lang::Ru, id, &[("bank", Arg::Text("Б"))]);
        }
    }
}

/// docs/copy.md's table of messages says which arguments each attribute
/// shows, as en.ftl has them: a bank writes its override from that table.
#[test]
fn the_docs_table_of_arguments_is_the_catalogues() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/copy.md"),
    )
    .unwrap();
    let english = shape(SDK_SOURCES[0]);
    // The docs' example override is accepted as it is shipped.
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/copy-example-ru.ftl"),
    )
    .unwrap();
    assert!(doc.contains(example.lines().nth(1).unwrap()));
    sdk().with_override(Lang::Ru, &example).unwrap();
    let args = |cell: &str| -> BTreeSet<String> {
        cell.split('`')
            .filter_map(|p| p.strip_prefix('$'))
            .map(str::to_string)
            .collect()
    };
    let mut rows = 0;
    for line in doc
        .lines()
        .filter(|l| l.starts_with("| `screen-") || l.starts_with("| `advice-"))
    {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        for id in cells[0]
            .split('`')
            .filter(|p| p.starts_with("screen-") || p.starts_with("advice-"))
        {
            let parts = &english[id];
            if id == "advice-hold" {
                assert_eq!(parts[""], args("`$minutes`"), "{id}");
                rows += 1;
                continue;
            }
            // The shown arguments come before a note in parentheses.
            let shown = |cell: &str| args(cell.split(" (").next().unwrap());
            assert_eq!(parts["title"], shown(cells[1]), "{id}.title");
            assert_eq!(parts["body"], shown(cells[2]), "{id}.body");
            rows += 1;
        }
    }
    assert!(rows >= 22, "{rows} rows");
    // Every advice message can be overridden with the SDK's own words.
    let en = SDK_SOURCES[0];
    for id in english.keys().filter(|id| id.starts_with("advice-")) {
        let start = en.find(&format!("\n{id} =")).unwrap() + 1;
        // The message ends where a line starts with neither a blank nor `}`.
        let end = en[start..]
            .match_indices('\n')
            .map(|(i, _)| start + i + 1)
            .find(|&i| !en[i..].starts_with([' ', '}']))
            .unwrap_or(en.len());
        let own = &en[start..end];
        sdk()
            .with_override(Lang::En, own)
            .unwrap_or_else(|e| panic!("{id}: {e}\n{own}"));
    }
}
