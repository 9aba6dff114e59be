//! Readers never write: `screen --state` and `directory --state` read a
//! state directory that nobody may write (an App Group opened read-only, a
//! restored backup lacking the folders a writer makes) and leave it
//! exactly as it was — no folder made, no file touched.

use std::collections::BTreeMap;
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
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
        .to_str()
        .unwrap()
        .to_string()
}

/// Every path under `root` with a digest of its bytes (directories as
/// `None`).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Option<u64>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.insert(path.clone(), None);
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let digest = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                    (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
                });
                out.insert(path.clone(), Some(digest));
            }
        }
    }
    out
}

#[cfg(unix)]
fn read_only(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for (path, _) in snapshot(root) {
        let mode = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o555)).unwrap();
}

#[cfg(unix)]
fn writable(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    for (path, _) in snapshot(root) {
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn screen_and_directory_read_a_read_only_state_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let state_arg = state.to_str().unwrap();
    let trust = vector("trust/example-bank.json");
    let list = vector("lists/valid-eddsa-general.jws");
    let stored = callguard(&[
        "verify", "--now", NOW, "--trust", &trust, "--state", state_arg, &list,
    ]);
    assert_eq!(
        stored.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&stored.stderr)
    );
    // A restored backup may hold only the lists: the folders a writer makes
    // on its way (versions/, feeds/) and the lock file are not there.
    std::fs::remove_dir_all(state.join("versions")).unwrap();
    let _ = std::fs::remove_file(state.join("lock"));
    let before = snapshot(&state);
    #[cfg(unix)]
    read_only(&state);

    let screened = callguard(&[
        "screen",
        "--trust",
        &trust,
        "--state",
        state_arg,
        "--region",
        "RU",
        "--now",
        NOW,
        "--channel",
        "whatsapp",
        "--name",
        "Пример Банк",
        "--json",
        "",
    ]);
    let directory = callguard(&["directory", "--trust", &trust, "--state", state_arg]);
    #[cfg(unix)]
    writable(&state);

    assert_eq!(
        screened.status.code(),
        Some(0),
        "screen --state: {}",
        String::from_utf8_lossy(&screened.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&screened.stdout).unwrap();
    assert_eq!(doc["verdict"], "impersonation");
    assert_eq!(
        directory.status.code(),
        Some(0),
        "directory --state: {}",
        String::from_utf8_lossy(&directory.stderr)
    );
    assert!(String::from_utf8_lossy(&directory.stdout).contains("78005553535"));
    assert_eq!(
        snapshot(&state),
        before,
        "a reader changed the state directory"
    );
}

#[test]
fn a_missing_state_directory_is_an_error_not_a_new_directory() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("nothing-here");
    let trust = vector("trust/example-bank.json");
    let out = callguard(&[
        "screen",
        "--trust",
        &trust,
        "--state",
        state.to_str().unwrap(),
        "--region",
        "RU",
        "+74950000001",
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        !state.exists(),
        "screen --state made the directory it was to read"
    );
}
