//! Files that are not what they claim to be, through the real binary:
//! `/dev/zero`, a FIFO nobody writes to, a 1 GiB sparse file, a damaged
//! stored list. Each is refused with a clear error naming the file (or,
//! for a list, a rejection code), and nothing hangs: every run has a
//! watchdog that kills it and fails the test if it does not end.

#![cfg(unix)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs callguard; fails the test (instead of hanging it) if the process
/// does not end within a generous minute.
fn callguard(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("callguard {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn vector(rel: &str) -> String {
    s(&PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel))
}

fn s(p: &Path) -> String {
    p.to_str().unwrap().to_string()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

const NOW: &str = "2026-12-01T00:00:00Z";

fn verify(trust: &str, state: Option<&Path>, list: &str) -> Run {
    let mut args = vec!["verify", "--json", "--now", NOW, "--trust", trust];
    let state = state.map(s);
    if let Some(state) = &state {
        args.extend(["--state", state]);
    }
    args.push(list);
    callguard(&args)
}

fn error_code(run: &Run) -> String {
    let json: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    json["error"].as_str().unwrap_or("").to_string()
}

#[test]
fn dev_zero_and_fifos_as_trust_or_list_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let trust = vector("trust/example-bank.json");
    let list = vector("lists/valid-eddsa-general.jws");
    for hostile in ["/dev/zero".to_string(), s(&fifo)] {
        for run in [
            verify(&hostile, None, &list),
            verify(&trust, None, &hostile),
        ] {
            assert_eq!(run.code, Some(2), "{hostile}: {}", run.stderr);
            assert!(run.stderr.contains(&hostile), "{}", run.stderr);
            assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
        }
        let screen = callguard(&[
            "screen",
            "--trust",
            &trust,
            "--list",
            &hostile,
            "--region",
            "RU",
            "--now",
            NOW,
            "+74951234567",
        ]);
        assert_eq!(screen.code, Some(2), "{}", screen.stderr);
        assert!(screen.stderr.contains(&hostile), "{}", screen.stderr);
    }
}

#[test]
fn a_huge_sparse_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.jws");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let huge = s(&huge);
    // As a list: the list is too large, exactly as a phone would say.
    let run = verify(&vector("trust/example-bank.json"), None, &huge);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(error_code(&run), "too_large");
    // As a trust file: over its cap too, with the same code (exit 1), and
    // the file named.
    let run = verify(&huge, None, &vector("lists/valid-eddsa-general.jws"));
    assert_eq!(run.code, Some(1));
    assert_eq!(error_code(&run), "too_large");
    assert!(run.stderr.contains(&huge), "{}", run.stderr);
    assert!(run.stderr.contains("65536-byte limit"), "{}", run.stderr);
}

/// A state directory where v12 then v13 of Example Bank were accepted.
fn state_with_v12_and_v13(dir: &Path) -> PathBuf {
    let state = dir.join("state");
    let trust = vector("trust/example-bank.json");
    for list in ["lists/valid-eddsa-general.jws", "lists/valid-v13.jws"] {
        let run = verify(&trust, Some(&state), &vector(list));
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    state
}

/// Something done to a stored list file.
type Damage = fn(&Path);

#[test]
fn a_damaged_stored_list_does_not_let_an_older_list_in() {
    let trust = vector("trust/example-bank.json");
    let truncate = |file: &Path| {
        let len = std::fs::metadata(file).unwrap().len();
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_len(len / 3)
            .unwrap();
    };
    let garble = |file: &Path| {
        let mut bytes = std::fs::read(file).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(file, bytes).unwrap();
    };
    let to_dev_zero = |file: &Path| {
        std::fs::remove_file(file).unwrap();
        std::os::unix::fs::symlink("/dev/zero", file).unwrap();
    };
    let to_fifo = |file: &Path| {
        std::fs::remove_file(file).unwrap();
        mkfifo(file);
    };
    let damages: [(&str, Damage); 4] = [
        ("truncated", truncate),
        ("garbled", garble),
        ("/dev/zero", to_dev_zero),
        ("a FIFO", to_fifo),
    ];
    for (what, damage) in damages {
        let dir = tempfile::tempdir().unwrap();
        let state = state_with_v12_and_v13(dir.path());
        damage(&state.join("lists/example-bank.list"));
        for older in ["lists/valid-eddsa-general.jws", "lists/rollback.jws"] {
            let run = verify(&trust, Some(&state), &vector(older));
            assert_eq!(run.code, Some(1), "{what}, {older}: {}", run.stderr);
            assert_eq!(error_code(&run), "rollback", "{what}, {older}");
        }
        // Screening from the damaged state says which file, and never hangs.
        let screen = callguard(&[
            "screen",
            "--trust",
            &trust,
            "--state",
            &s(&state),
            "--region",
            "RU",
            "--now",
            NOW,
            "+74951234567",
        ]);
        assert_eq!(screen.code, Some(2), "{what}");
        assert!(
            screen.stderr.contains("lists/example-bank.list"),
            "{what}: {}",
            screen.stderr
        );
        // The same version again is accepted and repairs the file.
        let run = verify(&trust, Some(&state), &vector("lists/valid-v13.jws"));
        assert_eq!(run.code, Some(0), "{what}: {}", run.stderr);
    }
}

#[test]
fn with_list_and_record_damaged_the_previous_list_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_with_v12_and_v13(dir.path());
    std::fs::write(state.join("lists/example-bank.list"), b"").unwrap();
    std::fs::write(state.join("versions/example-bank.json"), b"{}").unwrap();
    let trust = vector("trust/example-bank.json");
    let run = verify(&trust, Some(&state), &vector("lists/rollback.jws"));
    assert_eq!(error_code(&run), "rollback");
    let run = verify(
        &trust,
        Some(&state),
        &vector("lists/valid-eddsa-general.jws"),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}
