//! Payload parsing details: escaped strings (owned) and plain ones
//! (borrowed) read the same; duplicate members are refused.

use callguard_core::ContactList;

fn payload(contacts: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"callguard.contact-list","schema":1,"issuer":{{"id":"bank","name":{{"en":"Bank"}}}},"version":1,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2027-01-01T00:00:00Z"{extra},"contacts":[{contacts}]}}"#
    )
}

#[test]
fn escaped_and_plain_strings_read_the_same() {
    let plain = payload(
        r#"{"number":"+74950000001","direction":"outbound","channels":["phone","sms"],"label":{"en":"Desk","ru":"Отдел"}}"#,
        "",
    );
    let escaped = payload(
        r#"{"number":"\u002B74950000001","direction":"out\u0062ound","channels":["ph\u006Fne","sms"],"label":{"\u0065n":"D\u0065sk","ru":"\u041Eтдел"}}"#,
        "",
    );
    let a = ContactList::parse(plain.as_bytes()).unwrap();
    let b = ContactList::parse(escaped.as_bytes()).unwrap();
    assert_eq!(a.numbers(), b.numbers());
    assert_eq!(
        a.label(&a.numbers()[0].usage),
        b.label(&b.numbers()[0].usage)
    );
    assert_eq!(b.label(&b.numbers()[0].usage).get("ru"), "Отдел");
}

#[test]
fn duplicate_members_are_refused() {
    let contact = r#"{"number":"+74950000001","direction":"outbound","label":{"en":"Desk"}}"#;
    for extra in [
        r#","version":2"#,
        r#","type":"x""#,
        &format!(r#","contacts":[{contact}]"#),
    ] {
        let text = payload(contact, extra);
        let err = ContactList::parse(text.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "malformed", "{extra}");
    }
    let twice = r#"{"number":"+74950000001","number":"+74950000002","direction":"outbound","label":{"en":"Desk"}}"#;
    assert_eq!(
        ContactList::parse(payload(twice, "").as_bytes())
            .unwrap_err()
            .code(),
        "malformed"
    );
}

fn with_issuer(issuer: &str) -> String {
    format!(
        r#"{{"type":"callguard.contact-list","schema":1,"issuer":{issuer},"version":1,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2027-01-01T00:00:00Z","contacts":[]}}"#
    )
}

#[test]
fn aliases_that_would_flag_every_caller_are_refused_when_accepted() {
    for alias in [
        "Bank",
        "BANK",
        "Банк",
        "Bank Security",
        "Служба безопасности",
        "\u{3164}\u{3164}",
        "\u{200B}\u{200B}A",
    ] {
        let issuer = format!(
            r#"{{"id":"bank","name":{{"en":"Bank"}},"aliases":["Пример Банк",{}]}}"#,
            serde_json::to_string(alias).unwrap()
        );
        let err = ContactList::parse(with_issuer(&issuer).as_bytes()).unwrap_err();
        assert_eq!(err.code(), "malformed", "{alias:?}");
        assert!(
            err.to_string().contains("issuer.aliases[1]"),
            "{alias:?}: {err}"
        );
    }
    let ok = r#"{"id":"bank","name":{"en":"Bank"},"aliases":["ВТБ","Sber","Пример Банк"]}"#;
    assert!(ContactList::parse(with_issuer(ok).as_bytes()).is_ok());
}

#[test]
fn authority_phrases_extend_the_lexicon_and_are_checked() {
    let issuer =
        r#"{"id":"bank","name":{"en":"Bank"},"authority_phrases":["Агентство по защите вкладов"]}"#;
    let list = ContactList::parse(with_issuer(issuer).as_bytes()).unwrap();
    assert_eq!(
        list.issuer.authority_phrases,
        ["Агентство по защите вкладов"]
    );
    assert_eq!(list.authority_phrases().len(), 1);
    for bad in [r#"[" "]"#, r#"["🔒"]"#] {
        let issuer = format!(r#"{{"id":"bank","name":{{"en":"Bank"}},"authority_phrases":{bad}}}"#);
        let err = ContactList::parse(with_issuer(&issuer).as_bytes()).unwrap_err();
        assert_eq!(err.code(), "malformed", "{bad}");
    }
}
