//! A sync after the stored list file was damaged: the history survives in
//! the version record, so an older list served now is a rollback, exactly
//! as `verify --state` and the Guard say (one rule: `StateDir::highest`).

use callguard_core::{ListError, Timestamp};
use callguard_state::Guard;
use callguard_sync::{HttpRequest, HttpResponse, SyncConfig, SyncError, Syncer, Transport};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const NOW: Timestamp = Timestamp(1_796_083_200); // 2026-12-01

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(rel),
    )
    .unwrap()
}

/// Serves one fixed body, as a server (or an attacker replaying an old list) would.
struct Fixed(Vec<u8>);

impl Transport for Fixed {
    fn get(&self, _: &HttpRequest) -> Result<HttpResponse, SyncError> {
        Ok(HttpResponse {
            status: 200,
            headers: Vec::new(),
            body: self.0.clone(),
        })
    }
}

/// A fresh process (as the CLI or a background job is): new Guard, trust, sync.
fn sync_in_new_process(state: &Path, body: &str) -> Result<u64, SyncError> {
    let guard = Guard::open(Some(state), 1 << 20);
    guard.add_trust(&vector("trust/example-bank.json")).unwrap();
    let syncer = Syncer::with_transport(SyncConfig::default(), Arc::new(Fixed(vector(body))));
    syncer
        .sync(&guard, "https://bank.example/list.jws", NOW)
        .map(|o| o.list.version)
}

/// Something done to the stored list file.
type Damage = fn(&Path);

#[test]
fn after_the_list_file_is_damaged_an_older_list_is_still_a_rollback() {
    let damages: [(&str, Damage); 2] = [
        ("truncated", |f| {
            std::fs::write(f, b"{\"format\":1").unwrap()
        }),
        ("emptied", |f| std::fs::write(f, b"").unwrap()),
    ];
    for (what, damage) in damages {
        let dir = tempfile::tempdir().unwrap();
        for list in ["lists/valid-eddsa-general.jws", "lists/valid-v13.jws"] {
            sync_in_new_process(dir.path(), list).unwrap();
        }
        damage(&dir.path().join("lists/example-bank.list"));
        for older in ["lists/valid-eddsa-general.jws", "lists/rollback.jws"] {
            match sync_in_new_process(dir.path(), older) {
                Err(SyncError::List(ListError::Rollback { accepted: 13, .. })) => {}
                other => panic!("{what}, {older}: expected a rollback, got {other:?}"),
            }
        }
        assert_eq!(
            sync_in_new_process(dir.path(), "lists/valid-v13.jws").unwrap(),
            13,
            "{what}: the same version again repairs the state"
        );
    }
}
