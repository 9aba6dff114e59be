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
    let (code, out, err) = contacts(&vcf, true);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
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
    // A broken file is refused (invalid_input, exit 1) naming the line, never its content.
    std::fs::write(&vcf, "BEGIN:VCARD\nsecret\nEND:VCARD\n").unwrap();
    let (code, out, err) = contacts(&vcf, true);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["error"], "invalid_input");
    assert!(
        json["detail"].as_str().unwrap().contains("line 2")
            && !out.contains("secret")
            && !err.contains("secret"),
        "{out}{err}"
    );
}

/// `callguard contacts --json FILE` against the test list: exit code, stdout, stderr.
fn contacts(vcf: &std::path::Path, json: bool) -> (Option<i32>, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_callguard"));
    cmd.args([
        "contacts",
        "--trust",
        &vector("trust/example-bank.json"),
        "--list",
        &vector("lists/valid-eddsa-general.jws"),
        "--region",
        "RU",
    ]);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.arg(vcf).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn findings(text: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("book.vcf");
    std::fs::write(&vcf, text).unwrap();
    let (code, out, err) = contacts(&vcf, true);
    assert_eq!(code, Some(0), "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// What the red team's files showed (issue 26 review): exports that are
/// valid are read, not refused or read as empty.
#[test]
fn exports_with_a_bom_cr_line_ends_or_only_a_company_are_read() {
    let card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Пример Банк\r\nTEL:8 800 555-35-35\r\nEND:VCARD\r\n";
    let expected = vec![("Пример Банк".to_string(), "saved_inbound_only".to_string())];
    assert_eq!(findings(&format!("\u{FEFF}{card}")), expected);
    assert_eq!(findings(&card.replace("\r\n", "\r")), expected);
    let org = "BEGIN:VCARD\nVERSION:3.0\nFN:\nN:;;;;\nORG:Пример Банк;Служба безопасности\nTEL:+7 916 123-45-67\nEND:VCARD\n";
    assert_eq!(
        findings(org),
        vec![(
            "Пример Банк".to_string(),
            "claims_bank_not_listed".to_string()
        )]
    );
    let uri =
        "BEGIN:VCARD\nVERSION:4.0\nFN:Мама\nTEL;VALUE=uri:TEL:+7-800-555-35-35;ext=2\nEND:VCARD\n";
    assert_eq!(
        findings(uri),
        vec![("Мама".to_string(), "saved_inbound_only".to_string())]
    );
}

/// Refused, never guessed: another charset, quoted-printable that is not
/// UTF-8, more numbers than the audit reads; a name with escape sequences
/// reaches the terminal escaped.
#[test]
fn what_cannot_be_read_exactly_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("book.vcf");
    let many: String = (0..17)
        .map(|i| format!("TEL:+7 916 000-00-{i:02}\n"))
        .collect();
    for text in [
        "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=WINDOWS-1251;ENCODING=QUOTED-PRINTABLE:=CF=F0=E8=EC=E5=F0\nEND:VCARD\n".to_string(),
        "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=CF=F0\nEND:VCARD\n".to_string(),
        format!("BEGIN:VCARD\nFN:x\n{many}END:VCARD\n"),
    ] {
        std::fs::write(&vcf, &text).unwrap();
        let (code, out, _) = contacts(&vcf, true);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains("\"error\":\"invalid_input\""), "{out}");
    }
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\nFN:Пример Банк служба безопасности \u{1b}[2J\u{1b}]0;owned\u{7}\nTEL:+7 916 123-45-67\nEND:VCARD\n",
    )
    .unwrap();
    let (code, out, _) = contacts(&vcf, false);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("\\u{1b}[2J") && !out.contains('\u{1b}') && !out.contains('\u{7}'),
        "{out}"
    );
}
