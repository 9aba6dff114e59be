//! A real HTTPS server on 127.0.0.1 for the sync tests: rustls, with a CA
//! and a certificate made at test time (rcgen), that misbehaves on purpose.

#![allow(dead_code)]

use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What the server does for one request.
pub enum Reply {
    /// A normal response.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Claims `declared` bytes, sends `body`, closes.
    Truncated { declared: usize, body: Vec<u8> },
    /// Sends zeros forever (until the client gives up).
    Endless,
    /// One byte a second, forever.
    Drip,
}

pub fn ok(body: &[u8], headers: &[(&str, &str)]) -> Reply {
    Reply::Full {
        status: 200,
        headers: headers
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        body: body.to_vec(),
    }
}

pub fn status(code: u16, headers: &[(&str, &str)]) -> Reply {
    Reply::Full {
        status: code,
        headers: headers
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        body: Vec::new(),
    }
}

/// A CA and a server certificate for 127.0.0.1 / localhost signed by it.
pub struct Pki {
    pub ca_pem: String,
    pub cert_der: CertificateDer<'static>,
    pub key_der: Vec<u8>,
    pub cert_pem: String,
    pub key_pem: String,
}

pub fn make_pki() -> Pki {
    make_pki_for(&["localhost", "127.0.0.1"])
}

/// A CA and a server certificate for `names` only (e.g. "other.invalid",
/// to be served on 127.0.0.1: a certificate for another host).
pub fn make_pki_for(names: &[&str]) -> Pki {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_key = KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, &ca, &ca_key).unwrap();
    Pki {
        ca_pem: ca.pem(),
        cert_der: cert.der().clone(),
        key_der: key.serialize_der(),
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
    }
}

/// A port on 127.0.0.1 where nothing listens: bound, then released.
pub fn refused_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A TCP server that never speaks TLS.
pub enum Raw {
    /// Answers any connection with a plain-text HTTP response and closes.
    Garbage,
    /// Accepts and says nothing (until the client gives up or the test ends).
    Silent,
    /// Reads what the client sends (a TLS hello), then hangs up without a
    /// word: what a plain-HTTP server does with a TLS handshake.
    HangUp,
}

/// Serves `behaviour` on 127.0.0.1; returns an `https://` base URL.
pub fn serve_raw(behaviour: Raw) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let stop = Arc::new(AtomicBool::new(false));
    let hits = Arc::new(AtomicUsize::new(0));
    let garbage = matches!(behaviour, Raw::Garbage);
    let hang_up = matches!(behaviour, Raw::HangUp);
    {
        let (stop, hits) = (stop.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                hits.fetch_add(1, Ordering::SeqCst);
                let stop = stop.clone();
                std::thread::spawn(move || {
                    if hang_up {
                        let mut hello = [0u8; 512];
                        let _ = std::io::Read::read(&mut stream, &mut hello);
                        return;
                    }
                    if garbage {
                        let _ = stream
                            .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                        let _ = stream.flush();
                        return;
                    }
                    // Hold the connection open, silent, for at most a minute.
                    for _ in 0..600 {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    drop(stream);
                });
            }
        });
    }
    Server {
        base: format!("https://127.0.0.1:{port}"),
        hits,
        last_request: Arc::new(std::sync::Mutex::new(String::new())),
        stop,
    }
}

/// Requests seen, by the handler's count.
pub struct Server {
    pub base: String,
    pub hits: Arc<AtomicUsize>,
    pub last_request: Arc<std::sync::Mutex<String>>,
    stop: Arc<AtomicBool>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

type Handler = dyn Fn(usize, &str) -> Reply + Send + Sync;

/// HTTPS when `pki` is given, plain HTTP otherwise.
pub fn serve(
    pki: Option<&Pki>,
    handler: impl Fn(usize, &str) -> Reply + Send + Sync + 'static,
) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let tls = pki.map(|pki| {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(
                vec![pki.cert_der.clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.key_der.clone())),
            )
            .unwrap();
        Arc::new(config)
    });
    let handler: Arc<Handler> = Arc::new(handler);
    let hits = Arc::new(AtomicUsize::new(0));
    let last_request = Arc::new(std::sync::Mutex::new(String::new()));
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (hits, last_request, stop) = (hits.clone(), last_request.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (handler, hits, last_request, tls, stop) = (
                    handler.clone(),
                    hits.clone(),
                    last_request.clone(),
                    tls.clone(),
                    stop.clone(),
                );
                std::thread::spawn(move || {
                    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
                    match tls {
                        Some(config) => {
                            let Ok(conn) = rustls::ServerConnection::new(config) else {
                                return;
                            };
                            let mut s = rustls::StreamOwned::new(conn, stream);
                            handle(&mut s, &*handler, &hits, &last_request, &stop);
                            s.conn.send_close_notify();
                            let _ = s.flush();
                        }
                        None => {
                            let mut s = stream;
                            handle(&mut s, &*handler, &hits, &last_request, &stop);
                        }
                    }
                });
            }
        });
    }
    let scheme = if pki.is_some() { "https" } else { "http" };
    Server {
        base: format!("{scheme}://127.0.0.1:{port}"),
        hits,
        last_request,
        stop,
    }
}

fn handle<S: Read + Write>(
    s: &mut S,
    handler: &Handler,
    hits: &AtomicUsize,
    last_request: &std::sync::Mutex<String>,
    stop: &AtomicBool,
) {
    // Read the request head.
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
        if head.len() > 16 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head).to_string();
    *last_request.lock().unwrap() = head.clone();
    let hit = hits.fetch_add(1, Ordering::SeqCst) + 1;
    match handler(hit, &head) {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (n, v) in headers {
                out.push_str(&format!("{n}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = s.write_all(out.as_bytes());
            let _ = s.write_all(&body);
        }
        Reply::Truncated { declared, body } => {
            let out = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
            );
            let _ = s.write_all(out.as_bytes());
            let _ = s.write_all(&body);
        }
        Reply::Endless => {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let zeros = vec![b'0'; 64 * 1024];
            while !stop.load(Ordering::SeqCst) && s.write_all(&zeros).is_ok() {}
        }
        Reply::Drip => {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n",
            );
            for _ in 0..60 {
                if stop.load(Ordering::SeqCst) || s.write_all(b"{").is_err() || s.flush().is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
    let _ = s.flush();
}
