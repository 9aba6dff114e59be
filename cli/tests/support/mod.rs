//! What several CLI tests share: a `callguard serve` process on a free
//! port of 127.0.0.1 (stopped when dropped), and a test CA with a server
//! certificate for 127.0.0.1 made with rcgen.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `callguard serve`; killed when dropped.
pub struct Serve(pub Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Writes `ca.pem`, `cert.pem` and `key.pem` (a server certificate for
/// 127.0.0.1 signed by that CA) into `dir`.
pub fn write_test_pki(dir: &Path) {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()])
        .unwrap()
        .signed_by(&key, &ca, &ca_key)
        .unwrap();
    std::fs::write(dir.join("ca.pem"), ca.pem()).unwrap();
    std::fs::write(dir.join("cert.pem"), cert.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), key.serialize_pem()).unwrap();
}

/// Serves `public` on a free port, over HTTPS with `pki`'s `cert.pem` and
/// `key.pem` when given; returns once it accepts connections, with its
/// `127.0.0.1:PORT`.
pub fn start_serve(public: &Path, pki: Option<&Path>) -> (Serve, String) {
    start_serve_with(public, pki, Stdio::null())
}

/// `start_serve`, with the server's stderr (its request log) as given.
pub fn start_serve_with(public: &Path, pki: Option<&Path>, stderr: Stdio) -> (Serve, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_callguard"));
    command.args(["serve", "--dir", public.to_str().unwrap(), "--addr", &addr]);
    if let Some(pki) = pki {
        command.args([
            "--tls-cert",
            pki.join("cert.pem").to_str().unwrap(),
            "--tls-key",
            pki.join("key.pem").to_str().unwrap(),
        ]);
    }
    let server = Serve(
        command
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while TcpStream::connect(&addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, addr)
}
