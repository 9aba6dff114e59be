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
