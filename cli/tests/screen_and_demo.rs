//! `callguard normalize`, `screen` and `demo` through the real binary.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn callguard(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn vector(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn normalize_prints_one_line_per_input_in_order() {
    let out = callguard(
        &["normalize", "--region", "RU"],
        Some("8 (800) 555-35-35\n900\nМама\n\n8 10 44 20 7946 0958\n"),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        ["+78005553535", "900", "invalid", "invalid", "+442079460958"]
    );
    let out = callguard(
        &["normalize", "--region", "US", "011 7 495 500 55 50"],
        None,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "+74955005550"
    );
    assert_eq!(
        callguard(&["normalize", "--region", "XX", "1"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn screen_json_has_exactly_the_public_fields() {
    let (trust, list) = (
        vector("trust/example-bank.json"),
        vector("lists/valid-eddsa-general.jws"),
    );
    let out = callguard(
        &[
            "screen",
            "--trust",
            &trust,
            "--list",
            &list,
            "--region",
            "RU",
            "--now",
            "2026-12-01T00:00:00Z",
            "--json",
            "8 800 555 35 35",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["issuer", "label", "message", "number", "reason", "risk", "title", "verdict"]
    );
    assert_eq!(json["verdict"], "spoofed");
    assert_eq!(json["reason"], "inbound_only");
}

#[test]
fn screen_with_two_banks_and_stdin_json_lines() {
    let args = [
        "screen",
        "--trust",
        &vector("trust/example-bank.json"),
        "--list",
        &vector("lists/valid-eddsa-general.jws"),
        "--trust",
        &vector("trust/other-bank.json"),
        "--list",
        &vector("lists/other-bank-valid.jws"),
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:00:00Z",
        "--stdin",
    ];
    let out = callguard(&args, Some("+74950000001\n+78120000001\n+79161234567\n"));
    assert!(out.status.success());
    let verdicts: Vec<(String, Value)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["verdict"].as_str().unwrap().to_string(),
                v["issuer"].clone(),
            )
        })
        .collect();
    assert_eq!(verdicts.len(), 3);
    assert_eq!(
        verdicts[0],
        ("official".into(), Value::from("example-bank"))
    );
    assert_eq!(verdicts[1], ("official".into(), Value::from("other-bank")));
    assert_eq!(verdicts[2], ("unknown".into(), Value::Null));
}

#[test]
fn screen_refuses_a_list_that_does_not_verify() {
    let out = callguard(
        &[
            "screen",
            "--trust",
            &vector("trust/example-bank.json"),
            "--list",
            &vector("lists/forged-signature.jws"),
            "--region",
            "RU",
            "+74950000001",
        ],
        None,
    );
    // Refused under a documented code: exit 1 (2 is for usage).
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad_signature"));
}

#[test]
fn demo_shows_every_kind_of_warning_plain_when_piped() {
    let out = callguard(&["demo"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour codes when piped");
    for expected in [
        "verdict=official",
        "verdict=verified",
        "reason=inbound_only",
        "verdict=impersonation",
        "reason=claims_authority",
        "verdict=expected reason=announced",
        "Example Bank is calling you now",
        "Anna, card department, about your credit card application",
        "reason=unannounced",
        "Служба безопасности Банка (no number shown, whatsapp)",
        "Пример Банк 8 800 555-35-35 (no number shown, telegram)",
        "reason=channel_not_used",
        "verdict=unknown",
        "verdict=unverifiable",
        "verdict=reported reason=reported_fraud",
        "Many people reported this number as fraud",
        "You are about to call a number reported as fraud",
        "[DANGER]",
        "[SAFE]",
        "[UNKNOWN]",
        "[CAUTION]",
        // In the bank's app while a call goes on (in-call protection).
        "[GO ON] The bank announced this call",
        "level=proceed reasons=on_call_expected_bank",
        "[PAUSED] Stop: this call is a scam",
        "You are on a call on WhatsApp with someone who claims to be the bank",
        "This action is paused for 30 minutes.",
        "level=hold reasons=on_call_with_danger",
    ] {
        assert!(text.contains(expected), "demo output lacks {expected}");
    }
    let ru = String::from_utf8(callguard(&["demo", "--lang", "ru"], None).stdout).unwrap();
    for expected in [
        "Демо CallGuard",
        "Поддельный звонок",
        "[ОПАСНО]",
        "[ОСТОРОЖНО]",
        "входящий:",
        "набор номера:",
        "номер не виден",
        "Номер мошенников",
        "[ПАУЗА] Стоп: этот звонок — мошенники",
        "Вы говорите в WhatsApp с тем, кто называет себя банком",
        "[МОЖНО]",
    ] {
        assert!(ru.contains(expected), "Russian demo lacks {expected}");
    }
    for english in [
        "ringing",
        "dialling",
        "[DANGER]",
        "The bank",
        "list v1 verified",
        "no number shown",
    ] {
        assert!(!ru.contains(english), "Russian demo still says {english:?}");
    }
}

#[test]
fn directory_prints_the_shared_vector_in_order() {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(vector("directory.json")).unwrap()).unwrap();
    let mut args: Vec<String> = vec!["directory".into()];
    for pair in doc["lists"].as_array().unwrap() {
        args.extend([
            "--trust".into(),
            vector(pair["trust"].as_str().unwrap()),
            "--list".into(),
            vector(pair["list"].as_str().unwrap()),
        ]);
    }
    args.extend([
        "--now".into(),
        doc["now"].as_str().unwrap().into(),
        "--max-prefix-expansion".into(),
        doc["max_prefix_expansion"].to_string(),
    ]);
    let out = callguard(&args.iter().map(String::as_str).collect::<Vec<_>>(), None);
    assert!(out.status.success());
    let expected: String = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}\t{}\n", e[0], e[1].as_str().unwrap()))
        .collect();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped prefix +7495111"));
}
