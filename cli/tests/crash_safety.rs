//! Kill the real `callguard verify --state` process at random moments
//! while it writes the state directory, many times: the state must always
//! load, verify, and hold either the old or the new list.

use callguard_core::accept::verify_signed_list;
use callguard_core::jwk::{Alg, SigningKey};
use callguard_core::jws::sign_general;
use callguard_core::Trust;
use callguard_state::StateDir;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn payload(version: u64, contacts: usize) -> String {
    let mut p = format!(
        r#"{{"type":"callguard.contact-list","schema":1,"issuer":{{"id":"crash-bank","name":{{"en":"Crash Bank"}}}},"version":{version},"issued_at":"2026-01-01T00:00:00Z","expires_at":"2099-01-01T00:00:00Z","contacts":["#
    );
    for i in 0..contacts {
        if i > 0 {
            p.push(',');
        }
        p.push_str(&format!(
            r#"{{"number":"+7495{:07}","direction":"outbound","label":{{"en":"Desk {version}"}}}}"#,
            i
        ));
    }
    p.push_str("]}");
    p
}

#[test]
fn killed_mid_write_the_state_always_loads_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (key, _) = SigningKey::generate(Alg::EdDsa, "k").unwrap();
    let trust_json = Trust::to_json("crash-bank", 1, &[key.public_jwk()]).to_string();
    std::fs::write(d.join("trust.json"), &trust_json).unwrap();
    let trust = Trust::from_json(trust_json.as_bytes()).unwrap();
    let rounds: u64 = 40;
    for v in 1..=rounds {
        // ~1.5 MB per list, so a write takes long enough to be interrupted.
        let jws = sign_general(payload(v, 15_000).as_bytes(), &[&key]).unwrap();
        std::fs::write(d.join(format!("v{v}.jws")), jws).unwrap();
    }
    let state_dir = d.join("state");
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("crash test seed {seed}");
    // Calibrate: one uninterrupted run tells how long a verify-and-write takes.
    let started = std::time::Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(["verify", "--trust"])
        .arg(d.join("trust.json"))
        .arg("--state")
        .arg(&state_dir)
        .arg(d.join("v1.jws"))
        .status()
        .unwrap();
    assert!(status.success());
    let full_run_us = started.elapsed().as_micros() as u64;
    let mut accepted: Option<u64> = Some(1);
    let mut window_us = full_run_us;
    let (mut old_kept, mut new_written) = (0, 0);
    for v in 2..=rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Anywhere from start-up to a little after the run should finish.
        // The window adapts to the machine's load (below), so kills keep
        // landing on both sides of the rename even on a busy CI machine.
        let delay = Duration::from_micros(seed % (window_us + window_us / 4).max(1));
        let mut child = Command::new(env!("CARGO_BIN_EXE_callguard"))
            .args(["verify", "--trust"])
            .arg(d.join("trust.json"))
            .arg("--state")
            .arg(&state_dir)
            .arg(d.join(format!("v{v}.jws")))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();

        let state = StateDir::open(&state_dir).expect("the state directory opens");
        let stored = state
            .load("crash-bank")
            .expect("the stored list loads (not corrupt)");
        match (&stored, accepted) {
            (None, None) => {}
            (None, Some(prev)) => panic!("round {v}: version {prev} was lost"),
            (Some(s), _) => {
                let list =
                    verify_signed_list(&s.jws, &trust, 1 << 26).expect("the stored list verifies");
                let got = list.list().version;
                assert_eq!(got, s.prior.version, "header and list agree");
                if got == v {
                    new_written += 1;
                    window_us = window_us * 4 / 5;
                } else {
                    assert_eq!(Some(got), accepted, "round {v}: neither old nor new");
                    old_kept += 1;
                    window_us = window_us * 3 / 2;
                }
                accepted = Some(got);
            }
        }
    }
    println!(
        "crash test: {} kills at random points (an uninterrupted run took {full_run_us} µs)",
        rounds - 1
    );
    println!(
        "crash test: {} kills, {new_written} left the new list, {old_kept} the old one, 0 corrupt",
        rounds - 1
    );
    assert!(
        new_written > 0 && old_kept > 0,
        "kills should land both before and after the rename"
    );
}
