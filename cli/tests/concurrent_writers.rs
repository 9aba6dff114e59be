//! Two real `callguard verify --state` processes store versions N and N+1
//! into one state directory at the same moment, many times over. Without
//! the writers' lock both could succeed with N left on disk; with it N+1
//! is on disk every time, and N is either stored first (then replaced) or
//! refused as a rollback.

use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general;
use callguard_core::Trust;
use callguard_state::StateDir;
use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Stdio};

fn payload(version: u64, contacts: usize) -> String {
    let mut p = format!(
        r#"{{"type":"callguard.contact-list","schema":1,"issuer":{{"id":"race-bank","name":{{"en":"Race Bank"}}}},"version":{version},"issued_at":"2026-01-01T00:00:00Z","expires_at":"2099-01-01T00:00:00Z","contacts":["#
    );
    for i in 0..contacts {
        if i > 0 {
            p.push(',');
        }
        p.push_str(&format!(
            r#"{{"number":"+7495{i:07}","direction":"outbound","label":{{"en":"Desk {version}"}}}}"#
        ));
    }
    p.push_str("]}");
    p
}

fn verify(d: &Path, state: &Path, list: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(["verify", "--json", "--trust"])
        .arg(d.join("trust.json"))
        .arg("--state")
        .arg(state)
        .arg(d.join(list))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn of_two_processes_storing_n_and_n_plus_1_at_once_n_plus_1_always_wins() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (key, _) = SigningKey::generate(Alg::EdDsa, "k").unwrap();
    let trust_json = Trust::to_json("race-bank", 1, &[key.public_jwk()]).to_string();
    std::fs::write(d.join("trust.json"), &trust_json).unwrap();
    // The same size, so both processes reach their write at about the same time.
    for v in [1, 2] {
        let jws = sign_general(payload(v, 3_000).as_bytes(), &[&key]).unwrap();
        std::fs::write(d.join(format!("v{v}.jws")), jws).unwrap();
    }
    let rounds = 60;
    let mut older_refused = 0;
    for round in 0..rounds {
        let state = d.join(format!("state-{round}"));
        // Alternate which one starts first.
        let (older, newer) = if round % 2 == 0 {
            let o = verify(d, &state, "v1.jws");
            (o, verify(d, &state, "v2.jws"))
        } else {
            let n = verify(d, &state, "v2.jws");
            (verify(d, &state, "v1.jws"), n)
        };
        let older = older.wait_with_output().unwrap();
        let newer = newer.wait_with_output().unwrap();
        assert!(newer.status.success(), "round {round}: N+1 must be stored");
        match older.status.code() {
            Some(0) => {}
            Some(1) => {
                let json: Value = serde_json::from_slice(&older.stdout).unwrap();
                assert_eq!(json["error"], "rollback", "round {round}");
                older_refused += 1;
            }
            other => panic!("round {round}: N ended with {other:?}"),
        }
        let stored = StateDir::open(&state).unwrap();
        assert_eq!(
            stored.load("race-bank").unwrap().unwrap().prior.version,
            2,
            "round {round}: the older list was left on disk"
        );
        assert_eq!(
            stored.highest("race-bank").unwrap().unwrap().version,
            2,
            "round {round}"
        );
    }
    println!("{rounds} races: the older list was refused in {older_refused}, stored first and replaced in the rest");
}
