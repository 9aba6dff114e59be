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

/// The largest file served: a feed blob of 10 M numbers is about 19 MB, and
/// testers try bigger ones (the sync client has caps of its own).
const MAX_FILE: u64 = 256 << 20;

pub fn run(
    dir: &Path,
    addr: &str,
    tls_cert: Option<&Path>,
    tls_key: Option<&Path>,
) -> Result<(), UsageError> {
    if !dir.is_dir() {
        return Err(UsageError::new(format!(
            "{} is not a directory",
            dir.display()
        )));
    }
    let tls = match (tls_cert, tls_key) {
        (Some(cert), Some(key)) => Some(tls_config(cert, key)?),
        (None, None) => None,
        _ => return Err(UsageError::new("--tls-cert and --tls-key go together")),
    };
    let listener = TcpListener::bind(addr)
        .map_err(|e| UsageError::new(format!("cannot listen on {addr}: {e}")))?;
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
        .map_err(|_| UsageError::new(format!("{}: not a PEM certificate chain", cert.display())))?;
    let key = PrivateKeyDer::from_pem_slice(&read(key)?)
        .map_err(|_| UsageError::new(format!("{}: not a PEM private key", key.display())))?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| UsageError::new(e.to_string()))?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .map_err(|e| UsageError::new(format!("certificate and key do not fit: {e}")))?;
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
        // Larger than any list (testers serve oversized ones) and than a
        // feed blob of tens of millions of numbers.
        let Ok(body) = callguard_state::read_bounded(&path, MAX_FILE) else {
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
        let extension = path.extension().and_then(|e| e.to_str());
        let content_type = match extension {
            Some("jws") => "application/jose+json",
            Some("json") => "application/json",
            Some("txt") => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
        // Blobs are compact already: gzip would cost time and save little.
        let compressible = matches!(extension, Some("jws" | "json" | "txt"));
        let mut extra = vec![
            ("ETag", etag.clone()),
            ("Content-Type", content_type.to_string()),
            ("Cache-Control", "no-cache".to_string()),
        ];
        if compressible {
            extra.push(("Vary", "Accept-Encoding".to_string()));
        }
        if header("If-None-Match")
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
        {
            reply(stream, "304 Not Modified", &extra, b"", true);
            return "304";
        }
        // Ranges on GET only (RFC 9110 §14.2), and only while `If-Range`
        // (if sent) still names this very file: a strong comparison, so a
        // date or a weak tag never matches and the client gets it whole.
        let range = match header("Range") {
            Some(value) if method == "GET" && header("If-Range").is_none_or(|v| v == etag) => {
                parse_range(&value, body.len() as u64)
            }
            _ => Range::Ignore,
        };
        match range {
            Range::Part(first, last) => {
                extra.push(("Accept-Ranges", "bytes".to_string()));
                extra.push((
                    "Content-Range",
                    format!("bytes {first}-{last}/{}", body.len()),
                ));
                // `last < body.len()` by construction of `parse_range`.
                let part = &body[first as usize..=last as usize];
                reply(stream, "206 Partial Content", &extra, part, false);
                return "206";
            }
            Range::Unsatisfiable => {
                extra.push(("Content-Range", format!("bytes */{}", body.len())));
                reply(stream, "416 Range Not Satisfiable", &extra, b"", false);
                return "416";
            }
            Range::Ignore => {}
        }
        let gzip = compressible
            && header("Accept-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("gzip"));
        if gzip {
            let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
            if encoder.write_all(&body).is_ok() {
                if let Ok(compressed) = encoder.finish() {
                    extra.push(("Content-Encoding", "gzip".to_string()));
                    reply(stream, "200 OK", &extra, &compressed, method == "HEAD");
                    return "200 (gzip)";
                }
            }
        }
        // Ranges refer to these identity bytes, never to a gzipped body.
        extra.push(("Accept-Ranges", "bytes".to_string()));
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

/// What a `Range` header asks of a body of `len` bytes (RFC 9110 §14.1.2).
#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// The full body, 200: no header, or one this server does not honour.
    /// Multi-range and malformed headers land here; RFC 9110 lets a server
    /// ignore `Range` altogether, and multipart bodies help no client of ours.
    Ignore,
    /// The bytes `first..=last`, both inside the body: 206.
    Part(u64, u64),
    /// Well-formed, but no byte of it is in the body: 416.
    Unsatisfiable,
}

/// One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`.
fn parse_range(value: &str, len: u64) -> Range {
    let Some(spec) = value
        .split_once('=')
        .and_then(|(unit, spec)| unit.eq_ignore_ascii_case("bytes").then_some(spec))
    else {
        return Range::Ignore;
    };
    let Some((first, last)) = spec.split_once('-') else {
        return Range::Ignore;
    };
    // Digits only; a value past u64 is simply "beyond any file".
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().unwrap_or(u64::MAX))
    };
    match (number(first), number(last)) {
        // `bytes=-n`: the last n bytes (all of them if n >= len).
        (None, Some(n)) if first.is_empty() => {
            if n == 0 || len == 0 {
                Range::Unsatisfiable
            } else {
                Range::Part(len - n.min(len), len - 1)
            }
        }
        // `bytes=a-`: from a to the end.
        (Some(a), None) if last.is_empty() => {
            if a >= len {
                Range::Unsatisfiable
            } else {
                Range::Part(a, len - 1)
            }
        }
        // `bytes=a-b`, b clamped to the end; b < a is invalid, so ignored.
        (Some(a), Some(b)) if a <= b => {
            if a >= len {
                Range::Unsatisfiable
            } else {
                Range::Part(a, b.min(len - 1))
            }
        }
        _ => Range::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_range, Range};

    #[test]
    fn single_ranges_are_clamped_to_the_body() {
        assert_eq!(parse_range("bytes=0-9", 100), Range::Part(0, 9));
        assert_eq!(parse_range("bytes=90-200", 100), Range::Part(90, 99));
        assert_eq!(parse_range("bytes=90-", 100), Range::Part(90, 99));
        assert_eq!(parse_range("bytes=-10", 100), Range::Part(90, 99));
        assert_eq!(parse_range("bytes=-1000", 100), Range::Part(0, 99));
        assert_eq!(parse_range("BYTES=5-5", 100), Range::Part(5, 5));
        assert_eq!(
            parse_range("bytes=0-99999999999999999999999", 100),
            Range::Part(0, 99)
        );
    }

    #[test]
    fn ranges_past_the_end_are_unsatisfiable() {
        assert_eq!(parse_range("bytes=100-", 100), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=100-200", 100), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=-0", 100), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=-5", 0), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-", 0), Range::Unsatisfiable);
        assert_eq!(
            parse_range("bytes=99999999999999999999999-", 100),
            Range::Unsatisfiable
        );
    }

    #[test]
    fn multi_range_and_malformed_headers_are_ignored() {
        for value in [
            "bytes=0-1,5-6",
            "bytes=0-1, 5-6",
            "bytes=5-1",
            "bytes=-",
            "bytes=",
            "bytes=a-b",
            "bytes=1-2-3",
            "bytes=+1-2",
            "bytes= 0-1",
            "items=0-1",
            "bytes",
            "",
        ] {
            assert_eq!(parse_range(value, 100), Range::Ignore, "{value:?}");
        }
    }
}
