//! Texts a warning shows (issue 23, "Safety" 1): a bidi control or a line
//! break in any one-line text of a list or an intent is refused with the
//! field named; invisible format characters from CRM pastes are dropped,
//! and the customer sees the text without them.

use callguard_core::display_text;
use callguard_core::intent::claims::check_claims;
use callguard_core::{ContactList, ListError};

fn list(issuer_name: &str, label: &str, alias: &str) -> Vec<u8> {
    serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank", "ru": issuer_name},
                   "aliases": [alias]},
        "version": 1, "issued_at": "2026-11-01T00:00:00Z", "expires_at": "2026-12-28T00:00:00Z",
        "contacts": [{"number": "+74950000001", "direction": "outbound", "channels": ["phone"],
                      "label": {"en": "Card department", "ru": label}}]
    })
    .to_string()
    .into_bytes()
}

fn claims(purpose: &str) -> Vec<u8> {
    serde_json::json!({
        "type": "callguard.call-intent", "iss": "example-bank", "jti": "c-1",
        "aud": "callguard-test-audience", "from": "+74950000001", "channel": "phone",
        "agent": {"en": "Anna"}, "department": {"en": "card department"},
        "purpose": {"en": purpose},
        "iat": 1796083200, "nbf": 1796083200, "exp": 1796083800
    })
    .to_string()
    .into_bytes()
}

const REFUSED: [char; 12] = [
    '\u{202E}', '\u{202D}', '\u{202A}', '\u{202B}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{200F}',
    '\u{061C}', '\n', '\r', '\u{2028}',
];

/// The refusal's detail after "the list is malformed: ", its code checked.
fn malformed(e: ListError) -> String {
    assert_eq!(e.code(), "malformed", "{e:?}");
    e.to_string()
        .strip_prefix("the list is malformed: ")
        .unwrap_or_else(|| panic!("{e}"))
        .to_string()
}

#[test]
fn a_bidi_control_or_line_break_in_a_list_text_is_refused_with_the_field() {
    for c in REFUSED {
        let bad = format!("Отдел{c} карт");
        let label =
            malformed(ContactList::parse(&list("Пример Банк", &bad, "Пример Банк")).unwrap_err());
        assert!(label.starts_with("contacts[0]: label"), "{label}");
        let name =
            malformed(ContactList::parse(&list(&bad, "Отдел карт", "Пример Банк")).unwrap_err());
        assert!(name.starts_with("issuer.name"), "{name}");
        let alias =
            malformed(ContactList::parse(&list("Пример Банк", "Отдел карт", &bad)).unwrap_err());
        assert!(alias.starts_with("issuer.aliases[0]"), "{alias}");
        for detail in [&label, &name, &alias] {
            assert!(detail.contains(&format!("U+{:04X}", c as u32)), "{detail}");
            assert!(
                !detail.contains("Отдел"),
                "no list content in errors: {detail}"
            );
        }
    }
}

#[test]
fn a_bidi_control_or_line_break_in_an_intent_text_is_refused_with_the_claim() {
    for c in REFUSED {
        let e = check_claims(&claims(&format!("your card{c} application"))).unwrap_err();
        assert_eq!(e.code(), "malformed");
        let detail = e.to_string();
        assert!(detail.contains("\"purpose\""), "{detail}");
        assert!(detail.contains(&format!("U+{:04X}", c as u32)), "{detail}");
    }
}

#[test]
fn invisible_format_characters_are_dropped_from_what_is_shown() {
    let pasted = "От\u{00AD}дел\u{200B} карт\u{FEFF}";
    let parsed =
        ContactList::parse(&list("При\u{200D}мер Банк", pasted, "Пример\u{2060} Банк")).unwrap();
    let usage = match parsed.match_number(74_950_000_001).unwrap() {
        callguard_core::list::Match::Number(e) => e.usage,
        other => panic!("{other:?}"),
    };
    assert_eq!(parsed.label(&usage).get("ru"), "Отдел карт");
    assert_eq!(parsed.issuer.name.get("ru"), "Пример Банк");
    assert!(check_claims(&claims("your card\u{00AD} application")).is_ok());
    assert_eq!(display_text::for_display("card\u{00AD}s"), "cards");
}

#[test]
fn a_text_that_shows_nothing_is_refused_in_lists_and_intents() {
    for blank in [
        "\u{3164}\u{3164}\u{3164}",
        "\u{115F}",
        "\u{2800}",
        "\u{034F}\u{FE0F}",
    ] {
        let e = ContactList::parse(&list("Пример Банк", blank, "Пример Банк")).unwrap_err();
        assert!(malformed(e).contains("no visible character"), "{blank:?}");
        let e = check_claims(&claims(blank)).unwrap_err();
        assert_eq!(e.code(), "malformed", "{blank:?}");
    }
}

/// Two spellings of one language: the phone would show one text, a
/// reviewer read the other. Refused in intents as in lists.
#[test]
fn an_intent_with_en_and_en_in_another_case_is_refused() {
    let mut c: serde_json::Value = serde_json::from_slice(&claims("your card")).unwrap();
    c["agent"] = serde_json::json!({"en": "Anna", "EN": "Evil"});
    let e = check_claims(c.to_string().as_bytes()).unwrap_err();
    assert!(e.to_string().contains("duplicate language"), "{e}");
    c["agent"] = serde_json::json!({"EN": "Anna"});
    assert!(
        check_claims(c.to_string().as_bytes()).is_ok(),
        "EN is the en text"
    );
}
