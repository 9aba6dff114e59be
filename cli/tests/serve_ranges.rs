//! `callguard serve` as a real process over TCP: single byte ranges (206,
//! 416), ranges it ignores (multi-range, malformed, a stale `If-Range`),
//! ETag → 304, gzip only for whole text bodies, files past the old 64 MiB cap.

use flate2::read::GzDecoder;
use support::{start_serve_with, Serve};
mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Stdio;

fn start(dir: &Path) -> (Serve, String) {
    start_serve_with(dir, None, Stdio::piped())
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on its own connection; the server closes it after replying.
fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n");
    for (n, v) in headers {
        text.push_str(&format!("{n}: {v}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect();
    let response = Response {
        status: status.parse().unwrap(),
        headers,
        body: raw[split + 4..].to_vec(),
    };
    if method == "GET" {
        let length: usize = response.header("Content-Length").unwrap().parse().unwrap();
        assert_eq!(length, response.body.len(), "Content-Length");
    }
    response
}

fn get(addr: &str, path: &str, headers: &[(&str, &str)]) -> Response {
    request(addr, "GET", path, headers)
}

/// Bytes no compressor shrinks, so a mistaken gzip would show in the length.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn single_ranges_are_served_and_others_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let blob = noise(100_000);
    std::fs::write(dir.path().join("feed-1.cgfeed"), &blob).unwrap();
    let (mut server, addr) = start(dir.path());
    let len = blob.len();
    let path = "/feed-1.cgfeed";

    // The whole file says that ranges work.
    let full = get(&addr, path, &[]);
    assert_eq!(full.status, 200);
    assert_eq!(full.body, blob);
    assert_eq!(full.header("Accept-Ranges"), Some("bytes"));
    let etag = full.header("ETag").unwrap().to_string();

    // a-b, a-, -n and an end past the file: exactly those bytes.
    for (range, first, last) in [
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=0-0", 0, 0),
        ("bytes=99000-", 99_000, len - 1),
        ("bytes=-500", len - 500, len - 1),
        ("bytes=-1000000", 0, len - 1),
        ("bytes=99990-200000", 99_990, len - 1),
    ] {
        // Asking for gzip as well changes nothing: a range is never gzipped.
        let part = get(
            &addr,
            path,
            &[("Range", range), ("Accept-Encoding", "gzip")],
        );
        assert_eq!(part.status, 206, "{range}");
        assert_eq!(
            part.header("Content-Range"),
            Some(format!("bytes {first}-{last}/{len}").as_str()),
            "{range}"
        );
        assert_eq!(part.header("Content-Encoding"), None, "{range}");
        assert_eq!(part.header("ETag"), Some(etag.as_str()));
        assert_eq!(part.body, &blob[first..=last], "{range}");
    }

    // Nothing of the file in range: 416 with the real length.
    for range in ["bytes=100000-", "bytes=100000-100005", "bytes=-0"] {
        let refused = get(&addr, path, &[("Range", range)]);
        assert_eq!(refused.status, 416, "{range}");
        assert_eq!(
            refused.header("Content-Range"),
            Some(format!("bytes */{len}").as_str())
        );
        assert!(refused.body.is_empty());
    }

    // Multi-range and malformed headers: the whole file, as RFC 9110 allows.
    for range in [
        "bytes=0-9,20-29",
        "bytes=-5,0-1",
        "bytes=9-0",
        "bytes=x-y",
        "lines=0-9",
    ] {
        let whole = get(&addr, path, &[("Range", range)]);
        assert_eq!(
            (whole.status, whole.header("Content-Range")),
            (200, None),
            "{range}"
        );
        assert_eq!(whole.body, blob, "{range}");
    }

    // If-Range: the current ETag keeps the range; another tag or a date
    // means the client holds another file, so it gets all of this one.
    let kept = get(
        &addr,
        path,
        &[("Range", "bytes=10-19"), ("If-Range", etag.as_str())],
    );
    assert_eq!((kept.status, kept.body.as_slice()), (206, &blob[10..20]));
    for stale in [
        "\"000000000000000000000000\"",
        &format!("W/{etag}"),
        "Sat, 28 Nov 2026 09:00:00 GMT",
    ] {
        let whole = get(
            &addr,
            path,
            &[("Range", "bytes=10-19"), ("If-Range", stale)],
        );
        assert_eq!((whole.status, whole.body.len()), (200, len), "{stale}");
    }

    // ETag → 304 even when a range is asked for too.
    let same = get(
        &addr,
        path,
        &[("If-None-Match", etag.as_str()), ("Range", "bytes=0-9")],
    );
    assert_eq!((same.status, same.body.len()), (304, 0));
    // HEAD ignores ranges; methods other than GET/HEAD are refused.
    let head = request(&addr, "HEAD", path, &[("Range", "bytes=0-9")]);
    assert_eq!(
        (head.status, head.header("Content-Length")),
        (200, Some(len.to_string().as_str()))
    );
    assert_eq!(request(&addr, "POST", path, &[]).status, 405);

    // The log names paths and statuses only.
    let _ = server.0.kill();
    let _ = server.0.wait();
    let mut log = String::new();
    server
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(log.contains("GET /feed-1.cgfeed -> 206"), "{log}");
    assert!(log.contains("GET /feed-1.cgfeed -> 416"), "{log}");
    assert!(!log.contains("bytes="), "{log}");
}

#[test]
fn gzip_for_whole_text_bodies_only() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"payload\":\"eyJ0eXBlIjoiY2FsbGd1YXJkLmNvbnRhY3QtbGlzdCJ9\"}\n".repeat(200);
    std::fs::write(dir.path().join("list.jws"), &text).unwrap();
    let blob = noise(10_000);
    std::fs::write(dir.path().join("feed-1.cgfeed"), &blob).unwrap();
    let (_server, addr) = start(dir.path());

    let zipped = get(&addr, "/list.jws", &[("Accept-Encoding", "gzip, br")]);
    assert_eq!(zipped.status, 200);
    assert_eq!(zipped.header("Content-Encoding"), Some("gzip"));
    // Ranges would refer to other bytes than these.
    assert_eq!(zipped.header("Accept-Ranges"), None);
    assert!(zipped.body.len() < text.len() / 10);
    let mut plain = String::new();
    GzDecoder::new(zipped.body.as_slice())
        .read_to_string(&mut plain)
        .unwrap();
    assert_eq!(plain, text);
    // The tag is the file's, whatever the encoding: a 304 either way.
    let etag = zipped.header("ETag").unwrap().to_string();
    let same = get(&addr, "/list.jws", &[("If-None-Match", etag.as_str())]);
    assert_eq!(same.status, 304);

    // Without Accept-Encoding: identity, rangeable.
    let identity = get(&addr, "/list.jws", &[]);
    assert_eq!(identity.header("Content-Encoding"), None);
    assert_eq!(identity.header("Accept-Ranges"), Some("bytes"));
    assert_eq!(identity.body, text.as_bytes());
    // A range of a text file is not gzipped either.
    let part = get(
        &addr,
        "/list.jws",
        &[("Range", "bytes=2-8"), ("Accept-Encoding", "gzip")],
    );
    assert_eq!(
        (part.status, part.header("Content-Encoding"), &part.body[..]),
        (206, None, &text.as_bytes()[2..=8])
    );
    // A binary blob is sent as it is, even to a client that takes gzip.
    let raw = get(&addr, "/feed-1.cgfeed", &[("Accept-Encoding", "gzip")]);
    assert_eq!((raw.status, raw.header("Content-Encoding")), (200, None));
    assert_eq!(raw.body, blob);
}

#[test]
fn files_up_to_256_mib_are_served() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: large on paper, cheap on disk.
    let big = std::fs::File::create(dir.path().join("big.cgfeed")).unwrap();
    big.set_len(70 << 20).unwrap();
    let mut tail = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("big.cgfeed"))
        .unwrap();
    use std::io::{Seek, SeekFrom};
    tail.seek(SeekFrom::End(-4)).unwrap();
    tail.write_all(b"TAIL").unwrap();
    drop(tail);
    let huge = std::fs::File::create(dir.path().join("huge.cgfeed")).unwrap();
    huge.set_len((256 << 20) + 1).unwrap();
    let (_server, addr) = start(dir.path());

    let last = get(&addr, "/big.cgfeed", &[("Range", "bytes=-4")]);
    assert_eq!(last.status, 206);
    assert_eq!(last.body, b"TAIL");
    assert_eq!(
        last.header("Content-Range"),
        Some(format!("bytes {}-{}/{}", (70 << 20) - 4, (70 << 20) - 1, 70 << 20).as_str())
    );
    // Past the cap the server does not read it at all.
    assert_eq!(get(&addr, "/huge.cgfeed", &[]).status, 404);
}
