//! The Guard against real files: what survives which failure.

use super::*;
use callguard_core::{ListError, Timestamp};
use std::path::PathBuf;

/// CALLGUARD_VECTORS overrides the checkout's tests/vectors: on a
/// phone or simulator the test binary runs far from the checkout.
fn vector(rel: &str) -> Vec<u8> {
    let dir = std::env::var_os("CALLGUARD_VECTORS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
        PathBuf::from,
    );
    std::fs::read(dir.join(rel)).unwrap()
}

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

#[test]
fn reload_picks_up_what_another_guard_stored_and_never_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let trust = vector("trust/example-bank.json");
    let app = Guard::open(Some(dir.path()), 1 << 20);
    app.add_trust(&trust).unwrap();
    app.load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    assert!(app.reload().unwrap().is_empty(), "nothing new yet");
    // A background sync in another process stores v13.
    let background = Guard::open(Some(dir.path()), 1 << 20);
    background.add_trust(&trust).unwrap();
    background
        .load_list(&vector("lists/valid-v13.jws"), NOW)
        .unwrap();
    assert_eq!(app.registry.get("example-bank").unwrap().version, 12);
    let picked = app.reload().unwrap();
    assert_eq!(picked.len(), 1);
    assert_eq!(app.registry.get("example-bank").unwrap().version, 13);
    assert!(app.reload().unwrap().is_empty(), "once only");
}

#[test]
fn a_stored_list_is_back_in_force_as_soon_as_its_trust_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    drop(guard);

    let reopened = Guard::open(Some(dir.path()), 1 << 20);
    assert!(
        reopened.snapshot().is_empty(),
        "nothing is trusted before add_trust"
    );
    reopened
        .add_trust(&vector("trust/example-bank.json"))
        .unwrap();
    assert_eq!(reopened.snapshot()[0].version, 12);
    // And its history still refuses a rollback.
    let err = reopened
        .load_list(&vector("lists/rollback.jws"), NOW)
        .unwrap_err();
    assert!(matches!(err, GuardError::List(ListError::Rollback { .. })));
}

#[test]
fn every_rejection_keeps_the_last_good_list_in_force_and_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-v13.jws"), NOW)
        .unwrap();
    let on_disk = std::fs::read(dir.path().join("lists/example-bank.list")).unwrap();
    for bad in [
        "forged-signature",
        "tampered-payload",
        "rollback",
        "alg-none",
        "truncated",
        "issuer-of-another-bank",
    ] {
        assert!(
            guard
                .load_list(&vector(&format!("lists/{bad}.jws")), NOW)
                .is_err(),
            "{bad}"
        );
        assert_eq!(guard.snapshot()[0].version, 13, "{bad}");
        assert_eq!(
            std::fs::read(dir.path().join("lists/example-bank.list")).unwrap(),
            on_disk,
            "{bad}"
        );
    }
    assert!(
        guard
            .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
            .is_err(),
        "v12 after v13"
    );
}

/// Guard with a state directory where v12 then v13 were accepted.
fn guard_after_v12_and_v13(dir: &std::path::Path) {
    let guard = Guard::open(Some(dir), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    for v in ["lists/valid-eddsa-general.jws", "lists/valid-v13.jws"] {
        guard.load_list(&vector(v), NOW).unwrap();
    }
}

fn reopened(dir: &std::path::Path) -> Guard {
    let guard = Guard::open(Some(dir), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
}

fn assert_rollback(guard: &Guard, list: &str, accepted: u64) {
    match guard.load_list(&vector(list), NOW) {
        Err(GuardError::List(ListError::Rollback { accepted: a, .. })) => {
            assert_eq!(a, accepted, "{list}")
        }
        other => panic!("{list}: expected a rollback, got {other:?}"),
    }
}

#[test]
fn a_truncated_list_file_does_not_erase_the_history() {
    let dir = tempfile::tempdir().unwrap();
    guard_after_v12_and_v13(dir.path());
    let file = dir.path().join("lists/example-bank.list");
    let len = std::fs::metadata(&file).unwrap().len();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let guard = reopened(dir.path());
    assert!(
        guard.snapshot().is_empty(),
        "the damaged list is not restored"
    );
    assert_rollback(&guard, "lists/valid-eddsa-general.jws", 13);
    assert_rollback(&guard, "lists/rollback.jws", 13);
    // The same version again repairs the file.
    guard
        .load_list(&vector("lists/valid-v13.jws"), NOW)
        .unwrap();
    assert_eq!(reopened(dir.path()).snapshot()[0].version, 13);
}

#[test]
fn with_the_record_and_the_list_damaged_the_previous_list_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    guard_after_v12_and_v13(dir.path());
    std::fs::write(dir.path().join("lists/example-bank.list"), b"").unwrap();
    std::fs::write(dir.path().join("versions/example-bank.json"), b"{").unwrap();
    let guard = reopened(dir.path());
    assert_rollback(&guard, "lists/rollback.jws", 12);
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
}

#[test]
fn with_both_list_files_damaged_the_record_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    guard_after_v12_and_v13(dir.path());
    for f in ["lists/example-bank.list", "lists/example-bank.list.prev"] {
        std::fs::write(dir.path().join(f), b"garbage\n").unwrap();
    }
    assert_rollback(&reopened(dir.path()), "lists/valid-eddsa-general.jws", 13);
}

#[cfg(unix)]
#[test]
fn a_device_in_place_of_the_list_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    guard_after_v12_and_v13(dir.path());
    let file = dir.path().join("lists/example-bank.list");
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
    let guard = reopened(dir.path());
    assert!(guard.snapshot().is_empty());
    assert_rollback(&guard, "lists/valid-eddsa-general.jws", 13);
}

#[test]
fn a_stored_list_that_no_longer_verifies_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let guard = Guard::open(Some(dir.path()), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    // Someone with file access swaps the stored list for a forged one.
    let state = StateDir::open(dir.path()).unwrap();
    let prior = state.load("example-bank").unwrap().unwrap().prior;
    state
        .save(
            "example-bank",
            &vector("lists/forged-signature.jws"),
            &prior,
        )
        .unwrap();
    let reopened = Guard::open(Some(dir.path()), 1 << 20);
    reopened
        .add_trust(&vector("trust/example-bank.json"))
        .unwrap();
    assert!(reopened.snapshot().is_empty());
}

#[test]
fn a_changed_trust_takes_lists_it_cannot_verify_out_of_force() {
    let guard = Guard::new(None, 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    assert_eq!(
        guard.snapshot().len(),
        1,
        "the same trust again keeps the list"
    );
    guard
        .add_trust(&vector("trust/example-bank-2of2.json"))
        .unwrap();
    assert!(
        guard.snapshot().is_empty(),
        "a list not re-verified under the new trust leaves force"
    );
}

#[test]
fn an_unusable_state_directory_fails_loads_loudly() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let guard = Guard::open(Some(&file.path().join("sub")), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    let err = guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap_err();
    assert!(matches!(err, GuardError::Storage(_)));
    assert!(guard.snapshot().is_empty());
}

#[test]
fn loads_go_to_the_issuer_whose_trust_verifies() {
    let guard = Guard::new(None, 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    guard.add_trust(&vector("trust/other-bank.json")).unwrap();
    guard
        .load_list(&vector("lists/other-bank-valid.jws"), NOW)
        .unwrap();
    guard
        .load_list(&vector("lists/valid-eddsa-general.jws"), NOW)
        .unwrap();
    let ids: Vec<_> = guard
        .snapshot()
        .iter()
        .map(|l| l.issuer.id.clone())
        .collect();
    assert_eq!(ids, ["example-bank", "other-bank"]);
    // A forged list reports its own reason, not "unknown key" from the other bank.
    let err = guard
        .load_list(&vector("lists/forged-signature.jws"), NOW)
        .unwrap_err();
    assert!(
        matches!(err, GuardError::List(ListError::BadSignature)),
        "{err:?}"
    );
}
