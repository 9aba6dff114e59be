//! Untrusted input never panics: arbitrary bytes, and valid lists with
//! random damage, through every parser a phone runs.

use callguard_core::accept::accept_list;
use callguard_core::jws::Jws;
use callguard_core::{ContactList, Timestamp, Trust};
use proptest::prelude::*;
use std::path::PathBuf;

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(rel),
    )
    .unwrap()
}

fn trust() -> Trust {
    Trust::from_json(&vector("trust/example-bank.json")).unwrap()
}

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let trust = trust();
        let _ = accept_list(&bytes, &trust, 1 << 20, NOW, None);
        let _ = Jws::parse(&bytes);
        let _ = ContactList::parse(&bytes);
        let _ = Trust::from_json(&bytes);
    }

    #[test]
    fn damaged_valid_lists_never_panic_and_never_pass(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let original = vector("lists/valid-compact.jws");
        let mut bytes = original.clone();
        for (at, xor) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= xor;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let result = accept_list(&bytes, &trust(), 1 << 20, NOW, None);
        if bytes != original {
            // Damage may leave the signature intact only where base64url has
            // slack; then the decoded bytes are identical. Anything accepted
            // must carry the original payload.
            if let Ok(list) = result {
                prop_assert_eq!(list.list().version, 12);
            }
        }
    }

    #[test]
    fn arbitrary_json_payloads_never_panic(json in arbitrary_json()) {
        let _ = ContactList::parse(json.to_string().as_bytes());
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[+0-9a-z_]{0,16}".prop_map(Value::from),
    ];
    let keys = prop_oneof![
        Just("type".to_string()),
        Just("schema".to_string()),
        Just("issuer".to_string()),
        Just("contacts".to_string()),
        Just("number".to_string()),
        Just("prefix".to_string()),
        Just("short_code".to_string()),
        Just("label".to_string()),
        Just("en".to_string()),
        "[a-z]{1,6}",
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            proptest::collection::btree_map(keys.clone(), inner, 0..8).prop_map(|m| json!(m)),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Whatever a caller puts in the name or the number field (any Unicode,
    /// bidi and invisible characters, digits, extensions), screening answers.
    #[test]
    fn screening_any_name_and_number_never_panics(
        name in "(?s).{0,300}",
        number in "[0-9 +()\\-#,;.a-zA-Zа-яА-Я\u{200B}\u{202E}\u{2066}-\u{2069}доб.ext=]{0,60}",
        messenger in any::<bool>(),
    ) {
        use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang};
        static LIST: std::sync::OnceLock<std::sync::Arc<ContactList>> = std::sync::OnceLock::new();
        let list = LIST.get_or_init(|| {
            let (jws, trust) = callguard_core::testing::synthetic_list(10);
            callguard_core::accept::verify_signed_list(&jws, &trust, 1 << 20).unwrap().list().clone()
        });
        let call = Call {
            number: &number,
            channel: if messenger { callguard_core::Channel::Telegram } else { callguard_core::Channel::Phone },
            display_name: Some(&name),
            attestation: Attestation::NotVerified,
            direction: CallDirection::Incoming,
            saved_contact: false,
        };
        let ctx = Context { home: callguard_core::normalize::Region::from_iso("RU"), lang: Lang::En, now: Timestamp(1_796_083_200) };
        let _ = screen(std::slice::from_ref(list), &call, &ctx);
        let swapped = Call { number: &name, display_name: Some(&number), ..call };
        let _ = screen(std::slice::from_ref(list), &swapped, &ctx);
        let _ = callguard_core::screen::names::number_in_name(&name);
    }

    /// Names made of what the re-readings look at, densely: spelled-out
    /// letters and apostrophes ("a ' b" once made a token of no letter),
    /// symbol groups, boxed and drawn letters, soft signs, digits, bidi
    /// marks. Reading them and every rule answer.
    #[test]
    fn reading_dense_trouble_never_panics(
        name in "[a-zA-Zа-яА-ЯьЬ'’ʼ`|/\\\\()\\[\\]<>{}@$©€⭕_. 0-9\u{1F1E6}-\u{1F1FF}ʟᴘʜⓈ⒦\u{200B}\u{200F}\u{061C}\u{3000}-]{0,48}",
    ) {
        use callguard_core::screen::names;
        let reading = names::read(&name);
        let _ = names::claims_authority(&reading, []);
        let _ = names::numbers_in_name(&name);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any bytes offered as a call intent get an answer, never a panic.
    #[test]
    fn any_intent_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let lists = intent_lists();
        let _ = callguard_core::intent::accept_intent(&bytes, lists, "aud", Timestamp(1_796_083_200));
        let _ = callguard_core::intent::accept_stored_intent(&bytes, lists, "aud");
    }

    /// A real intent with bytes flipped: refused or accepted, never a panic.
    #[test]
    fn damaged_intents_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..6),
    ) {
        let mut bytes = vector("intents/announced.jwt");
        for (index, x) in flips {
            let i = index.index(bytes.len());
            bytes[i] ^= x;
        }
        let _ = callguard_core::intent::accept_intent(&bytes, intent_lists(), "callguard-test-audience", Timestamp(1_796_083_500));
    }
}

fn intent_lists() -> &'static [std::sync::Arc<ContactList>] {
    static LISTS: std::sync::OnceLock<Vec<std::sync::Arc<ContactList>>> =
        std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let trust = Trust::from_json(&vector("trust/example-bank.json")).unwrap();
        let jws = vector("lists/intents-v20.jws");
        vec![
            callguard_core::accept::verify_signed_list(&jws, &trust, 1 << 20)
                .unwrap()
                .list()
                .clone(),
        ]
    })
}
