//! Feeds through the real binary: `feed build` (with a delta from the
//! previous version), `sign`, `feed diff`, and `screen --feed`, against the
//! shared vector list and keys.

use callguard_core::feed::{apply_delta, FeedBlob};
use callguard_core::list::sha256;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap()
}

fn vector(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
        .to_str()
        .unwrap()
        .to_string()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn build(dir: &Path, numbers: &str, version: &str, previous: Option<&str>) -> Output {
    let input = dir.join(format!("numbers-{version}.txt"));
    std::fs::write(&input, numbers).unwrap();
    let out = dir.join(format!("v{version}"));
    let mut args = vec![
        "feed",
        "build",
        "--in",
        s(&input),
        "--out",
        s(&out),
        "--issuer",
        "example-bank",
        "--version",
        version,
    ];
    if let Some(p) = previous {
        args.extend(["--previous", p]);
    }
    callguard(&args)
}

fn screen(manifest: &Path, blob: &Path, number: &str, extra: &[&str]) -> Output {
    let (trust, list) = (
        vector("trust/example-bank.json"),
        vector("lists/valid-eddsa-general.jws"),
    );
    let mut args = vec![
        "screen",
        "--trust",
        &trust,
        "--list",
        &list,
        "--feed",
        s(manifest),
        "--feed-blob",
        s(blob),
        "--region",
        "RU",
        "--now",
        "2026-12-01T00:00:00Z",
        "--json",
    ];
    args.extend(extra);
    args.push(number);
    callguard(&args)
}

#[test]
fn build_sign_diff_and_screen() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let v1 =
        "# reported\n+79161234567 fraud\n+74950000001 fraud\n+79991234567 spam\n+7903555* fraud\n";
    let out = build(d, v1, "1", None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v1_blob = d.join("v1/feed-1.cgfeed");
    // One number added, one re-categorized.
    let v2 = format!(
        "{}+79160000000 fraud\n",
        v1.replace("+79991234567 spam", "+79991234567 fraud")
    );
    let out = build(d, &v2, "2", Some(&format!("1={}", s(&v1_blob))));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The manifest names the full blob and the delta; the delta reproduces it.
    let payload: Value =
        serde_json::from_slice(&std::fs::read(d.join("v2/feed-manifest.json")).unwrap()).unwrap();
    let blobs = payload["blobs"].as_array().unwrap();
    assert_eq!(blobs.len(), 2);
    assert_eq!(blobs[1]["kind"], "delta");
    assert_eq!(blobs[1]["from_version"], 1);
    let (old, new) = (
        std::fs::read(&v1_blob).unwrap(),
        std::fs::read(d.join("v2/feed-2.cgfeed")).unwrap(),
    );
    let delta = std::fs::read(d.join("v2/feed-1-2.cgdelta")).unwrap();
    assert_eq!(apply_delta(&old, &delta, &sha256(&new)).unwrap(), new);
    assert_eq!(FeedBlob::open(&new).unwrap().len(), 4);
    // `feed diff` writes the same delta.
    let again = d.join("again.cgdelta");
    let out = callguard(&[
        "feed",
        "diff",
        "--from",
        s(&v1_blob),
        "--to",
        s(&d.join("v2/feed-2.cgfeed")),
        "--out",
        s(&again),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&again).unwrap(), delta);

    // Signed with the list's key, with the feed's own typ.
    let signed = d.join("v2/feed-manifest.jws");
    let out = callguard(&[
        "sign",
        "--key",
        &vector("keys/ed-a.jwk"),
        "--in",
        s(&d.join("v2/feed-manifest.json")),
        "--out",
        s(&signed),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let blob = d.join("v2/feed-2.cgfeed");
    let json = |out: Output| -> Value {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let fraud = json(screen(&signed, &blob, "+7 916 123-45-67", &[]));
    assert_eq!(
        (fraud["verdict"].as_str(), fraud["reason"].as_str()),
        (Some("reported"), Some("reported_fraud"))
    );
    assert_eq!(fraud["issuer"], "example-bank");
    let upgraded = json(screen(&signed, &blob, "+79991234567", &[]));
    assert_eq!(upgraded["reason"], "reported_fraud");
    let range = json(screen(&signed, &blob, "+79035550000", &[]));
    assert_eq!(range["reason"], "reported_fraud");
    let official = json(screen(&signed, &blob, "+74950000001", &[]));
    assert_eq!(official["verdict"], "official");
    let outgoing = json(screen(
        &signed,
        &blob,
        "+79161234567",
        &["--direction", "outgoing"],
    ));
    assert!(outgoing["message"]
        .as_str()
        .unwrap()
        .contains("about to call"));

    // A blob that is not the one the manifest names is refused by hash.
    let mut evil = new.clone();
    let last = evil.len() - 1;
    evil[last] ^= 0x04;
    let evil_path = d.join("evil.cgfeed");
    std::fs::write(&evil_path, &evil).unwrap();
    // A refusal with a documented code: exit 1 (2 is for usage).
    let out = screen(&signed, &evil_path, "+79161234567", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hash_mismatch"));
    // The unsigned payload is no manifest.
    let out = screen(&d.join("v2/feed-manifest.json"), &blob, "+79161234567", &[]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn build_refuses_bad_lines_by_line_number() {
    let dir = tempfile::tempdir().unwrap();
    // Refused publisher input: `invalid_input` (feed-format.md §6), exit 1.
    let out = build(dir.path(), "+79161234567 fraud\n+7916 fraud\n", "1", None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2:"));
    let out = build(
        dir.path(),
        "+79161234567 fraud\n\n+79161234567 spam\n",
        "1",
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("lines 1, 3"), "{err}");
    assert!(!err.contains("79161234567"), "no numbers in errors: {err}");
    let out = build(dir.path(), "+79161234567 scam\n", "1", None);
    assert_eq!(out.status.code(), Some(1));
}

/// feed-format.md §7, exactly: a byte order mark, CRLF, tabs and runs of
/// spaces are fine; any other white space and bytes that are not UTF-8 are
/// refused with `invalid_input`, the line named.
#[test]
fn publisher_input_is_read_exactly_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let ok = build(
        dir.path(),
        "\u{FEFF}+79161234567\t\tfraud\r\n  +79991234567   spam \r\n",
        "1",
        None,
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let nbsp = build(dir.path(), "+79161234567\u{00A0}fraud\n", "2", None);
    assert_eq!(nbsp.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nbsp.stderr).contains("(invalid_input)"));
    let input = dir.path().join("latin1.txt");
    std::fs::write(&input, b"+79161234567 fraud\n\xff\n").unwrap();
    let out = callguard(&[
        "feed",
        "build",
        "--in",
        s(&input),
        "--out",
        s(&dir.path().join("x")),
        "--issuer",
        "example-bank",
        "--version",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains(":2: not UTF-8") && err.contains("(invalid_input)"),
        "{err}"
    );
}
