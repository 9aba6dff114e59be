//! The tests' misbehaving HTTPS server as a standalone process, so the
//! Kotlin (and Swift) suites can drive the same scenarios through the
//! bindings. Prints one JSON line: the base URLs and the CA file; serves
//! until stdin closes.
//!
//! Run: cargo run -p callguard-sync --example hostile_server -- tests/vectors OUT_DIR
//!
//! Routes (under both servers): /ok (v13 with ETag "v13", 304 on a match),
//! /fresh (v100, valid until 2099: for tests on the real clock),
//! /500-then-ok, /429-then-ok (Retry-After: 1), /404, /tampered, /unknown-key,
//! /rollback, /expired, /truncated, /endless, /drip, /redirect-http.
//! `other_ca` serves the same routes with a certificate from another CA,
//! `other_host` with a certificate for "other.invalid" from the CA in
//! `other_host_ca_pem_file`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;
use support::{make_pki, make_pki_for, ok, serve, status, Reply};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let vectors = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("tests/vectors"));
    let out = PathBuf::from(
        args.get(2)
            .map(String::as_str)
            .unwrap_or("target/hostile-server"),
    );
    std::fs::create_dir_all(&out).unwrap();
    let read = move |rel: &str| std::fs::read(vectors.join(rel)).unwrap();
    let (v13, tampered, unknown, rollback) = (
        read("lists/valid-v13.jws"),
        read("lists/tampered-payload.jws"),
        read("lists/unknown-kid.jws"),
        read("lists/rollback.jws"),
    );
    // Valid whatever today's date: signed now with the vectors' TEST-ONLY key,
    // for tests that must use the real clock (the suspend wrapper).
    let key: callguard_core::jwk::Jwk = serde_json::from_slice(&read("keys/ed-a.jwk")).unwrap();
    let key = callguard_core::jwk::SigningKey::from_jwk(&key).unwrap();
    let fresh_payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}},
        "version": 100, "issued_at": "2026-01-01T00:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "contacts": [{"number": "+74950000001", "direction": "outbound", "label": {"en": "Card department"}}]
    });
    let fresh = callguard_core::jws::sign_general(fresh_payload.to_string().as_bytes(), &[&key])
        .unwrap()
        .into_bytes();
    let plain = serve(None, {
        let v13 = v13.clone();
        move |_, _| ok(&v13, &[])
    });
    let plain_base = plain.base.clone();
    let counters: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
    let route = move |_: usize, head: &str| -> Reply {
        let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
        let n = {
            let mut c = counters.lock().unwrap();
            let e = c.entry(path.clone()).or_insert(0);
            *e += 1;
            *e
        };
        match path.as_str() {
            "/ok" if head.to_ascii_lowercase().contains("if-none-match: \"v13\"") => {
                status(304, &[("ETag", "\"v13\"")])
            }
            "/ok" | "/expired" => ok(&v13, &[("ETag", "\"v13\"")]),
            "/500-then-ok" if n == 1 => status(500, &[]),
            "/500-then-ok" => ok(&v13, &[]),
            "/429-then-ok" if n == 1 => status(429, &[("Retry-After", "1")]),
            "/429-then-ok" => ok(&v13, &[]),
            "/fresh" => ok(&fresh, &[]),
            "/tampered" => ok(&tampered, &[]),
            "/unknown-key" => ok(&unknown, &[]),
            "/rollback" => ok(&rollback, &[]),
            "/truncated" => Reply::Truncated {
                declared: v13.len() + 100,
                body: v13.clone(),
            },
            "/endless" => Reply::Endless,
            "/drip" => Reply::Drip,
            "/redirect-http" => status(302, &[("Location", &format!("{plain_base}/ok"))]),
            _ => status(404, &[]),
        }
    };
    let route = std::sync::Arc::new(route);
    let pki = make_pki();
    let other = make_pki();
    let r1 = route.clone();
    let main = serve(Some(&pki), move |n, h| r1(n, h));
    let r2 = route.clone();
    let other_ca = serve(Some(&other), move |n, h| r2(n, h));
    let wrong_host = make_pki_for(&["other.invalid"]);
    let r3 = route.clone();
    let other_host = serve(Some(&wrong_host), move |n, h| r3(n, h));
    let ca_file = out.join("ca.pem");
    std::fs::write(&ca_file, &pki.ca_pem).unwrap();
    std::fs::write(out.join("server-cert.pem"), &pki.cert_pem).unwrap();
    let other_host_ca_file = out.join("other-host-ca.pem");
    std::fs::write(&other_host_ca_file, &wrong_host.ca_pem).unwrap();
    println!(
        "{}",
        serde_json::json!({
            "https": main.base,
            "other_ca": other_ca.base,
            "other_host": other_host.base,
            "http": plain.base,
            "ca_pem_file": ca_file.display().to_string(),
            "other_host_ca_pem_file": other_host_ca_file.display().to_string(),
        })
    );
    // Serve until the parent closes our stdin (or dies).
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
}
