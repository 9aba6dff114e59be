//! `callguard contacts` over a vCard file, as a tester runs it.

use std::path::PathBuf;
use std::process::Command;

fn vector(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_vcard_export_is_audited_as_the_sdk_does() {
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("book.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Пример Банк\r\nTEL;TYPE=WORK:8 800 555-35-35\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Служба безопасности Пример Банка\r\nTEL:+7 916 123-45-67\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Мама Пример Банк работа\r\nTEL:+7 916 765-43-21\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Полиция\r\nTEL:102\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args([
            "contacts",
            "--trust",
            &vector("trust/example-bank.json"),
            "--list",
            &vector("lists/valid-eddsa-general.jws"),
            "--region",
            "RU",
            "--json",
        ])
        .arg(&vcf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["contacts"], 4);
    let kinds: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Пример Банк", "saved_inbound_only"),
            ("Служба безопасности Пример Банка", "claims_bank_not_listed")
        ]
    );
    // A broken file is a usage error naming the line, never its content.
    std::fs::write(&vcf, "BEGIN:VCARD\nsecret\nEND:VCARD\n").unwrap();
    let bad = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args([
            "contacts",
            "--trust",
            &vector("trust/example-bank.json"),
            "--list",
            &vector("lists/valid-eddsa-general.jws"),
            "--region",
            "RU",
        ])
        .arg(&vcf)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("line 2") && !err.contains("secret"), "{err}");
}
