//! A feed end to end through the real binary: `feed build` → `sign` →
//! `serve` (HTTPS, certificate made here) → `feed sync` (full, then the
//! delta, then not modified, then a tampered blob refused) → `screen
//! --state` and `directory --state` from what the sync stored.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::{start_serve, write_test_pki};

const NOW: &str = "2026-12-01T00:00:00Z";

fn callguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap()
}

fn vector(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Builds version `version` from `numbers`, signs its manifest (dates fixed
/// around NOW) and publishes manifest and blobs in `public`.
fn publish(d: &Path, public: &Path, version: u32, numbers: &str, previous: Option<&Path>) {
    let input = d.join(format!("numbers-{version}.txt"));
    std::fs::write(&input, numbers).unwrap();
    let out_dir = d.join(format!("v{version}"));
    let v = version.to_string();
    let prev = previous.map(|p| format!("{}={}", version - 1, s(p)));
    let mut args = vec![
        "feed",
        "build",
        "--in",
        s(&input),
        "--out",
        s(&out_dir),
        "--issuer",
        "example-bank",
        "--version",
        &v,
    ];
    if let Some(p) = &prev {
        args.extend(["--previous", p]);
    }
    ok(&callguard(&args));
    let payload_path = out_dir.join("feed-manifest.json");
    let mut payload: Value =
        serde_json::from_slice(&std::fs::read(&payload_path).unwrap()).unwrap();
    payload["issued_at"] = "2026-11-30T00:00:00Z".into();
    payload["expires_at"] = "2099-01-01T00:00:00Z".into();
    std::fs::write(&payload_path, payload.to_string()).unwrap();
    ok(&callguard(&[
        "sign",
        "--key",
        s(&vector("keys/ed-a.jwk")),
        "--in",
        s(&payload_path),
        "--out",
        s(&public.join("manifest.jws")),
    ]));
    for entry in std::fs::read_dir(&out_dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|e| e == "cgfeed" || e == "cgdelta")
        {
            std::fs::copy(&path, public.join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn build_sign_serve_sync_screen_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let public = d.join("public");
    std::fs::create_dir(&public).unwrap();
    std::fs::copy(
        vector("lists/valid-eddsa-general.jws"),
        public.join("list.jws"),
    )
    .unwrap();
    let mut v1 = String::from("+79161234567 fraud\n+79991234567 spam\n+7903555* fraud\n");
    // The bank's own hotline, wrongly reported: it must stay official.
    v1.push_str("+74950000001 fraud\n");
    for i in 0..30_000u64 {
        v1.push_str(&format!("+7926{:07} fraud\n", i * 7));
    }
    publish(d, &public, 1, &v1, None);

    write_test_pki(d);
    let (_server, addr) = start_serve(&public, Some(d));
    let state = d.join("state");
    let trust = vector("trust/example-bank.json");
    let ca_pem = d.join("ca.pem");
    let sync = |what: &[&str], path: &str| -> (Option<i32>, Value) {
        let url = format!("https://{addr}/{path}");
        let mut args = what.to_vec();
        args.extend([
            "--url",
            &url,
            "--trust",
            s(&trust),
            "--state",
            s(&state),
            "--ca-cert",
            s(&ca_pem),
            "--now",
            NOW,
            "--json",
        ]);
        let out = callguard(&args);
        let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (out.status.code(), json)
    };
    let screen = |number: &str| -> Value {
        let out = callguard(&[
            "screen",
            "--trust",
            s(&trust),
            "--state",
            s(&state),
            "--region",
            "RU",
            "--now",
            NOW,
            "--json",
            number,
        ]);
        ok(&out);
        serde_json::from_slice(&out.stdout).unwrap()
    };

    let (code, list) = sync(&["sync"], "list.jws");
    assert_eq!(
        (code, list["status"].as_str()),
        (Some(0), Some("updated")),
        "{list}"
    );
    let (code, first) = sync(&["feed", "sync"], "manifest.jws");
    assert_eq!(code, Some(0), "{first}");
    assert_eq!(
        (
            first["status"].as_str(),
            first["via"].as_str(),
            first["version"].as_u64()
        ),
        (Some("updated"), Some("full"), Some(1))
    );
    let full_bytes = first["downloaded_bytes"].as_u64().unwrap();

    assert_eq!(screen("+7 916 123-45-67")["reason"], "reported_fraud");
    assert_eq!(screen("+79991234567")["reason"], "reported_spam");
    assert_eq!(screen("+79035550042")["reason"], "reported_fraud");
    assert_eq!(screen("+74950000001")["verdict"], "official");
    assert_eq!(screen("+79160000000")["verdict"], "unknown");

    let out = callguard(&[
        "directory",
        "--trust",
        s(&trust),
        "--state",
        s(&state),
        "--now",
        NOW,
    ]);
    ok(&out);
    let lines = String::from_utf8(out.stdout).unwrap();
    assert!(lines.lines().any(|l| l == "79161234567\t⚠ Reported: fraud"));
    assert!(lines.lines().any(|l| l == "79991234567\t⚠ Reported: spam"));
    assert!(!lines.lines().any(|l| l.starts_with("74950000001\t⚠")));
    let numbers: Vec<u64> = lines
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "ascending, unique");

    // Version 2: 1 % of the numbers change; the phone takes the delta.
    let v2 = v1
        .replace("+79161234567 fraud\n", "")
        .replace("+79991234567 spam", "+79991234567 fraud")
        + "+79160000000 fraud\n";
    publish(d, &public, 2, &v2, Some(&d.join("v1/feed-1.cgfeed")));
    let (code, second) = sync(&["feed", "sync"], "manifest.jws");
    assert_eq!(code, Some(0), "{second}");
    assert_eq!(
        (second["via"].as_str(), second["version"].as_u64()),
        (Some("delta"), Some(2))
    );
    assert!(
        second["downloaded_bytes"].as_u64().unwrap() * 5 < full_bytes,
        "{second}"
    );
    assert_eq!(screen("+79161234567")["verdict"], "unknown");
    assert_eq!(screen("+79160000000")["reason"], "reported_fraud");
    assert_eq!(screen("+79991234567")["reason"], "reported_fraud");

    let (code, third) = sync(&["feed", "sync"], "manifest.jws");
    assert_eq!(code, Some(0), "{third}");
    assert_eq!(third["status"], "not_modified");

    // Version 3 published with a blob that is not the one its manifest names.
    publish(d, &public, 3, &(v2.clone() + "+79160000001 fraud\n"), None);
    let blob = public.join("feed-3.cgfeed");
    let mut bytes = std::fs::read(&blob).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&blob, bytes).unwrap();
    let (code, refused) = sync(&["feed", "sync"], "manifest.jws");
    assert_eq!(code, Some(1), "{refused}");
    assert_eq!(
        (
            refused["status"].as_str(),
            refused["error"].as_str(),
            refused["version"].as_u64()
        ),
        (Some("rejected"), Some("hash_mismatch"), Some(2))
    );
    assert_eq!(screen("+79160000001")["verdict"], "unknown");
    assert_eq!(screen("+79160000000")["reason"], "reported_fraud");
}
