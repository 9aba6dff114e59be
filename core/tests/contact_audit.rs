//! The contact audit (issue 26): the traps are found, in every spelling;
//! an address book of ordinary people, shops, workplaces and the real
//! emergency numbers stays quiet; the shared vectors' address book gives
//! exactly its expected findings.

mod support;

use callguard_core::contacts::{audit, presents_as_bank, Contact, FindingKind};
use callguard_core::normalize::Region;
use callguard_core::screen::Lang;
use callguard_core::ContactList;
use std::path::PathBuf;
use std::sync::Arc;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn lists() -> Vec<Arc<ContactList>> {
    use support::vector_list;
    vec![
        vector_list("lists/valid-eddsa-general.jws", "trust/example-bank.json"),
        vector_list("lists/other-bank-valid.jws", "trust/other-bank.json"),
    ]
}

fn ru() -> Option<Region> {
    Region::from_iso("RU")
}

fn kinds(name: &str, numbers: &[&str]) -> Vec<&'static str> {
    let contact = Contact {
        name,
        numbers: numbers.to_vec(),
    };
    audit(&[contact], &lists(), ru(), Lang::En)
        .iter()
        .map(|f| f.kind.name())
        .collect()
}

#[test]
fn the_hotline_saved_under_any_name_is_found_in_any_format() {
    for number in [
        "+7 800 555-35-35",
        "8 (800) 555 35 35",
        "88005553535",
        "+78005553535 доб. 2",
        "8 800 555 35 35 (доб. 2)",
        "8 800 555 35 35 добавочный 2",
        "8 800 555 35 35 вн. 2",
        "88005553535p2",
        "88005553535w2",
    ] {
        assert_eq!(
            kinds("Пример Банк", &[number]),
            ["saved_inbound_only"],
            "{number}"
        );
    }
    // Renamed as the advice says: no longer found.
    assert!(kinds(
        "Example Bank hotline — never calls you",
        &["8 800 555 35 35"]
    )
    .is_empty());
    assert!(kinds(
        "Пример Банк: только входящие, вам не звонит",
        &["8 800 555 35 35"]
    )
    .is_empty());
}

#[test]
fn the_banks_outbound_numbers_under_its_name_are_fine() {
    assert!(kinds("Пример Банк", &["+7 495 000-00-01"]).is_empty());
    assert!(kinds("Example Bank security service", &["+7 495 000-00-02"]).is_empty());
    assert!(kinds("Example Bank branch", &["+7 495 111 00 42"]).is_empty());
    assert!(kinds("Пример Банк", &["900"]).is_empty());
}

#[test]
fn save_my_number_as_the_security_service_is_found() {
    let fake = "+7 916 123-45-67";
    for name in [
        "Служба безопасности Пример Банка",
        "Пример Банк",
        "Example Bank — fraud department",
        "ExampleBank Security",
        "Пример Банк поддержка",
        "🏦 Пример Банк 🔒 Служба безопасности",
        "Пpимep Бaнк (служба безопасности)", // Latin look-alikes
        "Example Bank Support 24/7",
        "Other Bank support",
    ] {
        assert_eq!(kinds(name, &[fake]), ["claims_bank_not_listed"], "{name}");
    }
}

#[test]
fn a_persons_label_that_mentions_the_bank_is_not_a_claim() {
    let mom = "+7 916 765-43-21";
    for name in [
        "Мама Пример Банк работа",
        "Лена Пример Банк",
        "Иван (Example Bank)",
        "Example Bank - Anna manager mortgage",
        "Пример Банк бухгалтерия Оля",
        "Полиция 102",
        "Служба доставки",
    ] {
        assert!(kinds(name, &[mom]).is_empty(), "{name}");
    }
    // A bank's service without naming the bank: a claim on every bank loaded.
    assert_eq!(
        kinds("Служба безопасности Банка", &[mom]),
        ["claims_bank_not_listed", "claims_bank_not_listed"]
    );
    assert!(!presents_as_bank("Мама Пример Банк работа", &lists()[0]));
    assert!(presents_as_bank("Пример Банк", &lists()[0]));
    // The customer's own labels are read without a messenger name's
    // re-spellings (docs/screening.md, Saved contacts).
    assert!(kinds("Пример Банк поддержка Иван", &[mom]).is_empty());
    assert!(kinds("Primer Bank", &[mom]).is_empty());
}

#[test]
fn findings_carry_the_copy_and_the_suggested_name() {
    let contacts = [Contact {
        name: "Пример Банк",
        numbers: vec!["8 800 555 35 35", "+7 495 000-00-01"],
    }];
    let en = audit(&contacts, &lists(), ru(), Lang::En);
    assert_eq!(en.len(), 1);
    assert_eq!(en[0].index, 0);
    assert_eq!(en[0].number, "8 800 555 35 35");
    assert_eq!(en[0].kind, FindingKind::SavedInboundOnly);
    assert_eq!(en[0].issuer, "example-bank");
    assert_eq!(
        en[0].suggested_name.as_deref(),
        Some("Example Bank hotline — never calls you")
    );
    assert!(!en[0].message.contains("800"), "no number in the copy");
    let ru_copy = audit(&contacts, &lists(), ru(), Lang::Ru);
    assert!(
        ru_copy[0].title.contains("никогда не звонит"),
        "{}",
        ru_copy[0].title
    );
}

/// The list's own `contact_name_hint`, localized, is what is offered.
#[test]
fn a_lists_contact_name_hint_is_offered() {
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "hint-bank", "name": {"en": "Hint Bank", "ru": "Банк Подсказка"}, "aliases": ["Hint Bank"]},
        "version": 1, "issued_at": "2026-11-01T00:00:00Z", "expires_at": "2026-12-28T00:00:00Z",
        "contacts": [{"number": "+78001002030", "direction": "inbound_only",
                      "label": {"en": "Hotline"},
                      "contact_name_hint": {"en": "Hint Bank — never calls you", "ru": "Банк Подсказка — не звонит"}}]
    });
    let list = Arc::new(ContactList::parse(payload.to_string().as_bytes()).unwrap());
    let c = [Contact {
        name: "Hint Bank",
        numbers: vec!["8 800 100 20 30"],
    }];
    let found = audit(&c, std::slice::from_ref(&list), ru(), Lang::Ru);
    assert_eq!(
        found[0].suggested_name.as_deref(),
        Some("Банк Подсказка — не звонит")
    );
    // Renamed to the hint, in either language: quiet.
    let renamed = [Contact {
        name: "Hint Bank — never calls you",
        numbers: vec!["8 800 100 20 30"],
    }];
    assert!(audit(&renamed, std::slice::from_ref(&list), ru(), Lang::Ru).is_empty());
    // A hint is a displayed text: the same rules.
    let bad = payload
        .to_string()
        .replace("never calls you", "never\\u202ecalls you");
    assert!(ContactList::parse(bad.as_bytes()).is_err());
}

/// At least 5 000 ordinary contacts, workplaces and the real emergency and
/// authority numbers included: not one finding.
#[test]
fn an_ordinary_address_book_stays_quiet() {
    let first = [
        "Анна",
        "Иван",
        "Мария",
        "Олег",
        "Лена",
        "Дмитрий",
        "Оксана",
        "Тарас",
        "Айгерим",
        "Нурлан",
        "John",
        "Kate",
        "Mike",
        "Sara",
        "Богдан",
        "Світлана",
        "Асель",
        "Ерлан",
    ];
    let last = [
        "Иванова",
        "Петров",
        "Smith",
        "Коваленко",
        "Ахметов",
        "Сидоров",
        "Brown",
        "Шевченко",
    ];
    let extra = [
        "",
        "работа",
        "Пример Банк",
        "Сбер",
        "ВТБ",
        "Example Bank",
        "офис",
        "🏦",
        "❤️",
        "(school)",
        "соседка",
        "мама Пример Банк",
        "бухгалтер Example Bank",
        "Other Bank работа",
    ];
    let services = [
        "Пицца",
        "Такси",
        "Доставка",
        "Поликлиника",
        "Школа 57",
        "Управляющая компания",
        "Служба доставки",
        "Сервисный центр Samsung",
        "Полиция",
        "Скорая помощь",
        "МЧС",
        "Налоговая консультация Ира",
        "Горячая линия Госуслуг",
        "Мама",
        "Папа",
        "Бабушка 🇷🇺",
    ];
    let mut names: Vec<String> = Vec::new();
    for (i, f) in first.iter().enumerate() {
        for (j, l) in last.iter().enumerate() {
            for (k, e) in extra.iter().enumerate() {
                if (i + j + k) % 2 == 0 {
                    names.push(format!("{f} {l} {e}").trim().to_string());
                }
            }
        }
    }
    names.extend(services.iter().map(|s| s.to_string()));
    let numbers: Vec<String> = (0..names.len())
        .map(|i| {
            format!(
                "+7 9{:02} {:03}-{:02}-{:02}",
                10 + i % 80,
                i % 1000,
                i % 97,
                i % 89
            )
        })
        .collect();
    let mut contacts: Vec<Contact<'_>> = names
        .iter()
        .zip(&numbers)
        .map(|(n, num)| Contact {
            name: n,
            numbers: vec![num.as_str()],
        })
        .collect();
    for (name, num) in [
        ("Полиция", "102"),
        ("Скорая", "103"),
        ("Экстренная служба", "112"),
        ("Пожарные", "101"),
        ("Госуслуги", "8 800 100-70-10"),
    ] {
        contacts.push(Contact {
            name,
            numbers: vec![num],
        });
    }
    // Everyone twice: with the bank's own outbound number as a second one.
    let n = contacts.len();
    for i in 0..n.min(600) {
        let mut c = contacts[i].clone();
        c.numbers.push("+7 495 000-00-01");
        contacts.push(c);
    }
    while contacts.len() < 5_000 {
        let c = contacts[contacts.len() % n].clone();
        contacts.push(c);
    }
    let found = audit(&contacts, &lists(), ru(), Lang::En);
    for f in found.iter().take(10) {
        eprintln!(
            "false finding: {:?} on {:?}",
            f.kind, contacts[f.index].name
        );
    }
    println!(
        "benign address book: {} contacts, {} findings",
        contacts.len(),
        found.len()
    );
    assert!(found.is_empty());
}

/// The shared vectors (tests/vectors/contacts/): the same findings from
/// Rust, Kotlin and Swift.
#[test]
fn the_shared_address_book_gives_its_expected_findings() {
    let doc: serde_json::Value = serde_json::from_slice(
        &std::fs::read(vectors().join("contacts/address-book.json")).unwrap(),
    )
    .unwrap();
    let contacts: Vec<Contact<'_>> = doc["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Contact {
            name: c["name"].as_str().unwrap(),
            numbers: c["numbers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap())
                .collect(),
        })
        .collect();
    let found: Vec<serde_json::Value> = audit(&contacts, &lists(), ru(), Lang::En)
        .iter()
        .map(|f| serde_json::json!({"index": f.index, "number": f.number, "kind": f.kind.name(), "issuer": f.issuer}))
        .collect();
    assert_eq!(serde_json::Value::Array(found), doc["expected"]);
}

/// `Call::saved_contact`: a WhatsApp call from a saved contact named
/// "Мама Пример Банк работа" raises no name claim; a saved "security
/// service" of the bank on a number not the bank's still warns; the number
/// rules always apply.
#[test]
fn a_saved_contacts_name_is_the_customers_unless_the_audit_flags_it() {
    use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context};
    use callguard_core::{Channel, Timestamp};
    let ctx = Context {
        home: ru(),
        lang: Lang::En,
        now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
    };
    let call = |number, name, saved_contact| Call {
        number,
        channel: Channel::Whatsapp,
        display_name: Some(name),
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
        saved_contact,
    };
    let lists = lists();
    let verdict = |c: &Call<'_>| screen(&lists, c, &ctx).verdict.name();
    // Unsaved: the name is the caller's claim.
    assert_eq!(
        verdict(&call(
            "+79161234567",
            "Служба безопасности Пример Банка",
            false
        )),
        "impersonation"
    );
    assert_eq!(
        verdict(&call("+79161234567", "Служба безопасности Банка", false)),
        "impersonation"
    );
    // Saved as the customer's own label: no claim.
    assert_eq!(
        verdict(&call("+79167654321", "Мама Пример Банк работа", true)),
        "unknown"
    );
    assert_eq!(
        verdict(&call("+79167654321", "Налоговый консультант Ира", true)),
        "unknown"
    );
    // Saved as the bank's security service with a number not the bank's: the audit flags it.
    assert_eq!(
        verdict(&call(
            "+79161234567",
            "Служба безопасности Пример Банка",
            true
        )),
        "impersonation"
    );
    // The multi-stage scam's own words, saved as asked: still a warning.
    assert_eq!(
        verdict(&call("+79161234567", "Служба безопасности Банка", true)),
        "impersonation"
    );
    // The bank's hotline saved under any name: the number rule still says spoofed.
    assert_eq!(
        verdict(&Call {
            channel: Channel::Phone,
            ..call("8 800 555 35 35", "Мама", true)
        }),
        "spoofed"
    );
}

/// A messenger that knows the caller is a saved contact but gives no number
/// (a contact URI): the name alone decides.
#[test]
fn a_saved_contact_without_a_number_is_judged_by_its_name() {
    use callguard_core::contacts::saved_name_is_the_customers;
    let lists = lists();
    assert!(saved_name_is_the_customers(
        "Мама Пример Банк работа",
        "",
        &lists,
        ru()
    ));
    assert!(!saved_name_is_the_customers(
        "Служба безопасности Пример Банка",
        "",
        &lists,
        ru()
    ));
    assert!(!saved_name_is_the_customers(
        "Служба безопасности Банка",
        "",
        &lists,
        ru()
    ));
}

/// The red team's disguises (issue 26 review), as a generator: a claim
/// saved with invisible characters, combining marks (a stress mark),
/// look-alike letters, emoji and punctuation between its words, and a
/// person's name added, is still found, and a saved contact's call under
/// that name still warns.
mod disguises {
    use super::*;
    use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context};
    use callguard_core::{Channel, Timestamp};
    use proptest::prelude::*;

    const CLAIMS: &[&str] = &[
        "Пример Банк",
        "Служба безопасности Пример Банка",
        "Пример Банк поддержка",
        "Example Bank fraud department",
        "Example Bank security",
        "Служба безопасности Банка",
    ];
    /// Inside a word: seen as nothing, or as a mark on the letter before.
    const INVISIBLE: &[&str] = &[
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{2060}",
        "\u{FEFF}",
        "\u{00AD}",
        "\u{034F}",
        "\u{200E}",
        "\u{FE0F}",
        "\u{180E}",
        "\u{E0020}",
        "\u{0301}",
        "\u{0300}",
    ];
    /// Between words: what a person reads as a separator.
    const SEPARATORS: &[&str] = &[
        " ",
        " 🔒 ",
        " — ",
        ". ",
        ", ",
        " | ",
        "\u{00A0}",
        " 🏦 ",
        "-",
        "————",
        "‒‒‒",
    ];
    const ADDED: &[&str] = &["", " Алексей", " Иван", " John", " 24/7", " (официальный)"];

    fn disguise(claim: &str, picks: &[usize]) -> String {
        let mut out = String::new();
        let mut k = 0;
        let mut next = |n: usize| {
            k += 1;
            picks[k % picks.len()] % n
        };
        for (i, word) in claim.split(' ').enumerate() {
            if i > 0 {
                out.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            let chars: Vec<char> = word.chars().collect();
            let at = 1 + next(chars.len().max(2) - 1);
            for (j, c) in chars.iter().enumerate() {
                if j == at.min(chars.len() - 1) && next(2) == 0 {
                    out.push_str(INVISIBLE[next(INVISIBLE.len())]);
                }
                // Latin look-alikes for Cyrillic, now and then.
                let swapped = match (c, next(3)) {
                    ('р', 0) => 'p',
                    ('е', 0) => 'e',
                    ('а', 0) => 'a',
                    ('о', 0) => 'o',
                    _ => *c,
                };
                out.push(swapped);
            }
        }
        // A person's name after the bank's name alone, or after another
        // service, makes a person's label ("Лена Пример Банк", "Пример Банк
        // поддержка Иван"); after the bank's security, it changes nothing.
        if !matches!(claim, "Пример Банк" | "Пример Банк поддержка") {
            out.push_str(ADDED[next(ADDED.len())]);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn a_disguised_claim_is_still_found_and_still_warns(
            claim in 0..CLAIMS.len(),
            picks in proptest::collection::vec(0usize..1000, 8..32),
        ) {
            let name = disguise(CLAIMS[claim], &picks);
            let found = kinds(&name, &["+7 916 123-45-67"]);
            prop_assert!(
                !found.is_empty() && found.iter().all(|k| *k == "claims_bank_not_listed"),
                "{name:?}: {found:?}"
            );
            let ctx = Context {
                home: ru(),
                lang: Lang::En,
                now: Timestamp::parse_rfc3339("2026-12-01T00:00:00Z").unwrap(),
            };
            let call = Call {
                number: "+79161234567",
                channel: Channel::Whatsapp,
                display_name: Some(&name),
                attestation: Attestation::NotVerified,
                direction: CallDirection::Incoming,
                saved_contact: true,
            };
            prop_assert_eq!(screen(&lists(), &call, &ctx).verdict.name(), "impersonation", "{:?}", name);
        }
    }
}

#[test]
fn a_service_claim_stays_a_claim_whatever_is_added() {
    let fake = "+7 916 123-45-67";
    for name in [
        "Служба безопасности Пример Банка Алексей",
        "Сотрудник СБ Пример Банка Иван",
        "Example Bank security officer John",
        "АО «Пример Банк»",
        "ПАО Пример Банк",
        "Пример Банк. Отдел по борьбе с мошенничеством",
        "Пример Банк отдел противодействия мошенничеству",
        "Пример Банк безопасный счёт",
        "Пример Банк резервный счет",
        "Пример Банк техподдержка",
        "Пример Банк служба финмониторинга",
        "Example Bank fraud prevention",
        "Example Bank's security",
        "SB Example Bank",
        "Example Bank SB",
        "Пример Ба\u{301}нк",
        "Пр\u{200B}имер Банк",
        "Пример Банк менеджер",
    ] {
        assert_eq!(kinds(name, &[fake]), ["claims_bank_not_listed"], "{name}");
    }
    // The bank's hotline written as the name, with another number.
    for name in [
        "8 800 555-35-35",
        "+7 495 000-00-01",
        "Пример 8 800 555 35 35",
    ] {
        assert_eq!(kinds(name, &[fake]), ["claims_bank_not_listed"], "{name}");
    }
}

#[test]
fn a_contact_with_the_banks_line_and_another_is_found_for_the_other() {
    let fake = "+7 916 123-45-67";
    assert_eq!(
        kinds(
            "Пример Банк Служба безопасности",
            &["+7 495 000-00-01", fake]
        ),
        ["claims_bank_not_listed"]
    );
    assert_eq!(
        kinds("Пример Банк", &["8 800 555-35-35", fake]),
        ["saved_inbound_only", "claims_bank_not_listed"]
    );
    let contact = Contact {
        name: "Пример Банк",
        numbers: vec!["+7 495 000-00-01", fake],
    };
    let found = audit(&[contact], &lists(), ru(), Lang::En);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].number, fake);
}

#[test]
fn a_persons_job_and_the_words_near_the_banks_name_stay_quiet() {
    let someone = "+7 916 765-43-21";
    for name in [
        "Лена Пример Банк",
        "Пример Банк Маша бухгалтер",
        "Пример Банк коллега",
        "Пример Банк банкомат",
        "Пример Банк специалист Ольга",
        "Example Bank - Anna manager mortgage",
        "Банк России",
        "Мой банк",
        "Банк",
        "Банкетный зал",
        "Банкротство юрист",
    ] {
        assert!(kinds(name, &[someone]).is_empty(), "{name}");
    }
    assert!(kinds("Банк России", &["8 800 300-30-00"]).is_empty());
}

/// The second red-team pass (issue 26 review): the bank's security in any
/// word, compound or spelling keeps the claim; another service or product
/// presents the bank unless a person's word is there; a workplace label
/// with a department stays quiet.
#[test]
fn the_banks_security_is_read_in_compounds_and_other_services_as_the_bank() {
    let fake = "+7 916 123-45-67";
    for name in [
        "Пример Банк кибербезопасность",
        "Пример Банк антимошенническая",
        "Пример Банк центральный аппарат",
        "Пример Банк Центральный офис",
        "Пример Банк Головной офис",
        "Пример Банк карта",
        "Пример Банк ипотека",
        "Example Bank compliance",
        "Example Bank verification",
        "Example Bank office",
        "Пример Банк Алексей кибербезопасность",
        "Пример Банк Алексей Службабезопасности",
        "Пример Банк Алексей секьюрити",
        "Пример Банк Алексей ДЭБ",
        "Example Bank Alex cybersecurity",
        "Example Bank Alex antifraud",
        "Example Bank Alex antiscam",
    ] {
        assert_eq!(kinds(name, &[fake]), ["claims_bank_not_listed"], "{name}");
    }
    // Without the bank's name: a claim on every bank loaded.
    for name in [
        "Банковская служба безопасности",
        "Служба безопасности банковских карт",
        "Кибербезопасность банка",
        "Служба безопасности",
        "Security Service",
    ] {
        assert_eq!(
            kinds(name, &[fake]),
            ["claims_bank_not_listed", "claims_bank_not_listed"],
            "{name}"
        );
    }
    for name in [
        "Банк крови донорский центр",
        "Банк еды Отдел",
        "Блинный банк служба доставки",
        "Bank of mom support",
        "Пример Банк отдел кадров Ольга",
        "Пример Банк HR отдел",
        "Ольга работа Пример Банк отдел продаж",
        "Вика Пример Банк отдел ипотеки",
        "Пример Банк Ольга отделение",
        "Пример Банк отделение Ленина",
        "Пример Банк Лена помощник",
        "Example Bank Anna team lead",
        "Example Bank Anna call me",
        "Example Bank Anna IT department",
        "Пример Банк Лена Сервис",
        "Лена Пример Банк колл-центр работа",
        "Пример Банк ипотека Анна",
        "Света из Пример Банка",
        "Служба безопасности ТЦ",
        "Охрана ТЦ",
        "Support Igor",
        "Служба доставки",
    ] {
        assert!(kinds(name, &[fake]).is_empty(), "{name}");
    }
}
