//! Results on stdout, diagnostics on stderr; with `--json`, stdout is one
//! JSON document whatever happens (usage errors included), and the exit
//! codes stay 0 / 1 / 2. Sync failures name their cause.

use serde_json::Value;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-12-01T00:00:00Z";

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn vector(rel: &str) -> String {
    s(&PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel))
}

fn s(p: &Path) -> String {
    p.to_str().unwrap().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The whole of stdout must be exactly one JSON document.
fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {}", stdout(out)))
}

fn verify(extra: &[&str], list: &str) -> Output {
    let trust = vector("trust/example-bank.json");
    let mut args = vec!["verify", "--now", NOW, "--trust", &trust];
    args.extend_from_slice(extra);
    args.push(list);
    callguard(&args)
}

#[test]
fn verify_prints_its_verdict_on_stdout() {
    let out = verify(&[], &vector("lists/valid-eddsa-general.jws"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("accepted: example-bank version 12"));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    let out = verify(&[], &vector("lists/forged-signature.jws"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("rejected ("), "{}", stdout(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn verify_json_with_an_unusable_state_directory_is_still_json() {
    // Under a regular file no directory can be made, even for root (for
    // whom chmod 0500 would not stop the write).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let state = s(&file.join("state"));
    let out = verify(
        &["--json", "--state", &state],
        &vector("lists/valid-eddsa-general.jws"),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["error"], "usage");
    assert!(
        doc["detail"].as_str().unwrap().contains("a-file"),
        "names the path: {doc}"
    );
    assert!(stderr(&out).contains("a-file"), "{}", stderr(&out));
    // Without --json the same failure is a message on stderr only.
    let out = verify(
        &["--state", &state],
        &vector("lists/valid-eddsa-general.jws"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}

#[test]
fn json_is_printed_for_errors_before_the_command_runs() {
    // A missing trust file (exit 2) and an unknown flag (clap, exit 2).
    let out = callguard(&[
        "verify",
        "--json",
        "--trust",
        "/nonexistent/trust.json",
        &vector("lists/valid-eddsa-general.jws"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["error"], "usage");
    let out = callguard(&["verify", "--json", "--no-such-flag", "x.jws"]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    assert_eq!(doc["error"], "usage");
    assert!(
        doc["detail"].as_str().unwrap().contains("--no-such-flag"),
        "{doc}"
    );
    let screen = callguard(&[
        "screen",
        "--json",
        "--trust",
        "/nonexistent/trust.json",
        "--list",
        "/nonexistent/list.jws",
        "--region",
        "RU",
        "+74950000000",
    ]);
    assert_eq!(screen.status.code(), Some(2));
    assert_eq!(json(&screen)["error"], "usage");
}

#[test]
fn sign_prints_what_it_signed_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let key = s(&d.join("k.jwk"));
    let keygen = callguard(&["keygen", "--alg", "EdDSA", "--kid", "k", "--out", &key]);
    assert!(keygen.status.success());
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "test-bank", "name": {"en": "Test Bank"}},
        "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "contacts": [{"number": "+74951234567", "direction": "outbound", "label": {"en": "Desk"}}]
    });
    std::fs::write(d.join("list.json"), payload.to_string()).unwrap();
    let out = callguard(&[
        "sign",
        "--key",
        &key,
        "--in",
        &s(&d.join("list.json")),
        "--out",
        &s(&d.join("list.jws")),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("signed "), "{}", stdout(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

fn sync(url: &str, state: &Path, extra: &[&str]) -> Output {
    let trust = vector("trust/example-bank.json");
    let state = s(state);
    let mut args = vec![
        "sync", "--url", url, "--trust", &trust, "--state", &state, "--now", NOW,
    ];
    args.extend_from_slice(extra);
    callguard(&args)
}

#[test]
fn sync_names_a_refused_connection_and_does_not_invent_a_previous_list() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("https://127.0.0.1:{port}/list.jws");
    let dir = tempfile::tempdir().unwrap();
    let out = sync(&url, dir.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(doc["status"], "failed");
    assert_eq!(doc["error"], "connection_refused");
    assert_eq!(doc["version"], Value::Null);

    let out = sync(&url, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("failed: connection_refused"), "{text}");
    assert!(!text.contains("stays in force"), "there is no list: {text}");
    assert!(text.contains("no list of example-bank"), "{text}");

    // With a list stored, the message says it stays.
    let verified = verify(
        &["--state", &s(dir.path())],
        &vector("lists/valid-eddsa-general.jws"),
    );
    assert_eq!(verified.status.code(), Some(0));
    let out = sync(&url, dir.path(), &[]);
    let text = stdout(&out);
    assert!(
        text.contains("the previous list, version 12, stays in force"),
        "{text}"
    );
    assert_eq!(json(&sync(&url, dir.path(), &["--json"]))["version"], 12);
}

#[test]
fn sync_refuses_plain_http_and_says_how_to_allow_it_locally() {
    let dir = tempfile::tempdir().unwrap();
    let out = sync("http://127.0.0.1:9/list.jws", dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("failed: insecure_url"), "{text}");
    assert!(text.contains("--allow-http-localhost"), "{text}");
    assert!(!text.contains("redirect"), "{text}");
}

#[test]
fn sync_json_with_an_unusable_ca_file_is_a_json_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let not_pem = dir.path().join("ca.pem");
    std::fs::write(&not_pem, "not a certificate").unwrap();
    let out = sync(
        "https://127.0.0.1:9/list.jws",
        dir.path(),
        &["--json", "--ca-cert", &s(&not_pem)],
    );
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    assert_eq!(
        (doc["status"].as_str(), doc["error"].as_str()),
        (Some("failed"), Some("usage"))
    );
}

#[test]
fn sync_json_with_an_unusable_state_directory_is_a_json_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let port = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/list.jws", port.local_addr().unwrap());
    let out = sync(&url, &file.join("state"), &["--json"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["error"], "usage");
    assert!(doc["detail"].as_str().unwrap().contains("a-file"), "{doc}");
}
