//! `normalize` and `screen --stdin` keep going past a line they cannot
//! read: that line gets `invalid` (or a JSON error object), every other
//! line its answer, and the exit code says a line was bad.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn callguard(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
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

/// Four lines: a number, a line that is not UTF-8, a 1 MB line, a number.
fn batch_with_bad_lines() -> Vec<u8> {
    let mut input = b"8 800 555-35-35\n\xd0\x9c\xff\xfe\n".to_vec();
    input.extend(std::iter::repeat_n(b'7', 1 << 20));
    input.extend_from_slice(b"\r\n+7 495 123-45-67\r\n");
    input
}

#[test]
fn normalize_answers_every_line_and_exits_1_on_a_bad_one() {
    let out = callguard(&["normalize", "--region", "RU"], &batch_with_bad_lines());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "+78005553535\ninvalid\ninvalid\n+74951234567\n"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2: not_utf8"), "{stderr}");
    assert!(stderr.contains("line 3: line_too_long"), "{stderr}");

    let clean = callguard(&["normalize", "--region", "RU"], b"900\nnot a number\n");
    assert_eq!(
        clean.status.code(),
        Some(0),
        "an invalid number is an answer"
    );
}

#[test]
fn screen_stdin_answers_every_line_and_exits_1_on_a_bad_one() {
    let (trust, list) = (
        vector("trust/example-bank.json"),
        vector("lists/valid-eddsa-general.jws"),
    );
    let args = [
        "screen",
        "--trust",
        &trust,
        "--list",
        &list,
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:00:00Z",
        "--stdin",
    ];
    let out = callguard(&args, &batch_with_bad_lines());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for i in [0, 3] {
        assert!(lines[i]["verdict"].is_string(), "{}", lines[i]);
    }
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"], "not_utf8");
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["error"], "line_too_long");
    assert!(lines[1].get("verdict").is_none());

    let clean = callguard(&args, b"+74951234567\n900\n");
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(String::from_utf8(clean.stdout).unwrap().lines().count(), 2);
}
