//! `callguard serve`: a small static file server so a tester can publish a
//! list from a laptop. GET/HEAD only, strong ETags, `If-None-Match` → 304,
//! gzip when asked, HTTPS with `--tls-cert/--tls-key`. Not for production.

use crate::io::{read, UsageError};
use flate2::write::GzEncoder;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub fn run(
    dir: &Path,
    addr: &str,
    tls_cert: Option<&Path>,
    tls_key: Option<&Path>,
) -> Result<(), UsageError> {
    if !dir.is_dir() {
        return Err(UsageError(format!("{} is not a directory", dir.display())));
    }
    let tls = match (tls_cert, tls_key) {
        (Some(cert), Some(key)) => Some(tls_config(cert, key)?),
        (None, None) => None,
        _ => return Err(UsageError("--tls-cert and --tls-key go together".into())),
    };
    let listener =
        TcpListener::bind(addr).map_err(|e| UsageError(format!("cannot listen on {addr}: {e}")))?;
    let scheme = if tls.is_some() { "https" } else { "http" };
    eprintln!(
        "serving {} at {scheme}://{} (Ctrl-C to stop)",
        dir.display(),
        listener.local_addr()?
    );
    let dir = Arc::new(dir.to_path_buf());
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let (dir, tls) = (dir.clone(), tls.clone());
        std::thread::spawn(move || {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
            let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
            match tls {
                Some(config) => {
                    let Ok(conn) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    let mut s = rustls::StreamOwned::new(conn, stream);
                    respond(&mut s, &dir);
                    s.conn.send_close_notify();
                    let _ = s.flush();
                }
                None => {
                    let mut s = stream;
                    respond(&mut s, &dir);
                }
            }
        });
    }
    Ok(())
}

fn tls_config(cert: &Path, key: &Path) -> Result<Arc<rustls::ServerConfig>, UsageError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&read(cert)?)
        .collect::<Result<_, _>>()
        .map_err(|_| UsageError(format!("{}: not a PEM certificate chain", cert.display())))?;
    let key = PrivateKeyDer::from_pem_slice(&read(key)?)
        .map_err(|_| UsageError(format!("{}: not a PEM private key", key.display())))?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| UsageError(e.to_string()))?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .map_err(|e| UsageError(format!("certificate and key do not fit: {e}")))?;
    Ok(Arc::new(config))
}

fn respond<S: Read + Write>(stream: &mut S, dir: &Path) {
    let mut reader = BufReader::new(&mut *stream);
    let mut request_line = String::new();
    if reader
        .by_ref()
        .take(8192)
        .read_line(&mut request_line)
        .is_err()
    {
        return;
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        match reader.by_ref().take(8192).read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => headers.push(line.trim_end().to_string()),
        }
        if headers.len() > 100 {
            return;
        }
    }
    let header = |name: &str| {
        headers.iter().find_map(|h| {
            let (n, v) = h.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let reply =
        |stream: &mut S, status: &str, extra: &[(&str, String)], body: &[u8], head_only: bool| {
            let mut out = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (n, v) in extra {
                out.push_str(&format!("{n}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = stream.write_all(out.as_bytes());
            if !head_only {
                let _ = stream.write_all(body);
            }
        };
    let status = (|| {
        if method != "GET" && method != "HEAD" {
            reply(
                stream,
                "405 Method Not Allowed",
                &[("Allow", "GET, HEAD".into())],
                b"",
                false,
            );
            return "405";
        }
        let Some(path) = safe_path(dir, target) else {
            reply(
                stream,
                "404 Not Found",
                &[],
                b"not found\n",
                method == "HEAD",
            );
            return "404";
        };
        // Larger than any list, so testers can serve an oversized one.
        let Ok(body) = callguard_state::read_bounded(&path, 64 << 20) else {
            reply(
                stream,
                "404 Not Found",
                &[],
                b"not found\n",
                method == "HEAD",
            );
            return "404";
        };
        let digest = callguard_core::list::sha256(&body);
        let etag = format!("\"{}\"", callguard_core::list::hex(&digest[..12]));
        let content_type = match path.extension().and_then(|e| e.to_str()) {
            Some("jws") => "application/jose+json",
            Some("json") => "application/json",
            _ => "application/octet-stream",
        };
        let mut extra = vec![
            ("ETag", etag.clone()),
            ("Content-Type", content_type.to_string()),
            ("Cache-Control", "no-cache".to_string()),
        ];
        if header("If-None-Match")
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
        {
            reply(stream, "304 Not Modified", &extra, b"", true);
            return "304";
        }
        let gzip =
            header("Accept-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("gzip"));
        if gzip {
            let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
            if encoder.write_all(&body).is_ok() {
                if let Ok(compressed) = encoder.finish() {
                    extra.push(("Content-Encoding", "gzip".to_string()));
                    extra.push(("Vary", "Accept-Encoding".to_string()));
                    reply(stream, "200 OK", &extra, &compressed, method == "HEAD");
                    return "200 (gzip)";
                }
            }
        }
        reply(stream, "200 OK", &extra, &body, method == "HEAD");
        "200"
    })();
    // Paths only: no client addresses, no contents.
    eprintln!(
        "{method} {} -> {status}",
        target.split('?').next().unwrap_or("")
    );
}

/// `target` inside `dir`, or `None` for anything that tries to leave it.
fn safe_path(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?.trim_start_matches('/');
    let relative = Path::new(path);
    if path.is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    Some(dir.join(relative))
}
