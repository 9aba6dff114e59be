//! Small file helpers shared by the commands. Errors here are usage
//! errors (exit 2): the operator named a file that cannot be used.

use callguard_core::{Timestamp, Trust, DEFAULT_MAX_LIST_BYTES};
use callguard_state::{read_bounded, ReadError};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Why a command stopped. Without a `code`: the operator's to fix (a
/// missing option, an unreadable file), exit 2, `"error": "usage"` in
/// JSON. With one: a document was refused under a documented code (a
/// list's `bad_signature`, an intent's `wrong_audience`, a file's
/// `too_large`, feed input's `invalid_input`), exit 1 and that code.
#[derive(Debug)]
pub struct UsageError {
    pub message: String,
    pub code: Option<&'static str>,
}

impl UsageError {
    pub fn new(message: impl Into<String>) -> UsageError {
        UsageError {
            message: message.into(),
            code: None,
        }
    }

    /// A refusal with its documented code.
    pub fn refused(code: &'static str, message: impl Into<String>) -> UsageError {
        UsageError {
            message: message.into(),
            code: Some(code),
        }
    }
}

impl<E: std::fmt::Display> From<E> for UsageError {
    fn from(e: E) -> Self {
        UsageError::new(e.to_string())
    }
}

/// A trust file holds at most 64 public keys of a few hundred bytes each.
pub const MAX_TRUST_BYTES: u64 = 64 * 1024;

/// Lists, payloads, keys, certificates: nothing the CLI reads is larger
/// than a list may be. Only regular files: a FIFO or `/dev/zero` is
/// refused at once, naming the file.
pub fn read(path: &Path) -> Result<Vec<u8>, UsageError> {
    read_capped(path, DEFAULT_MAX_LIST_BYTES)
}

pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, UsageError> {
    read_bounded(path, limit).map_err(|e| cannot_read(path, &e))
}

pub fn cannot_read(path: &Path, e: &ReadError) -> UsageError {
    let message = format!("cannot read {}: {e}", path.display());
    match e {
        ReadError::TooLarge { .. } => UsageError::refused("too_large", message),
        _ => UsageError::new(message),
    }
}

pub fn read_trust_bytes(path: &Path) -> Result<Vec<u8>, UsageError> {
    read_capped(path, MAX_TRUST_BYTES)
}

pub fn read_trust(path: &Path) -> Result<Trust, UsageError> {
    Trust::from_json(&read_trust_bytes(path)?)
        .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))
}

/// `--now` if given, else the system clock.
pub fn now(arg: Option<&str>) -> Result<Timestamp, UsageError> {
    match arg {
        Some(text) => Timestamp::parse_rfc3339(text)
            .ok_or_else(|| UsageError::new(format!("--now {text:?} is not an RFC 3339 timestamp"))),
        None => Ok(system_now()),
    }
}

pub fn system_now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Timestamp(secs)
}

/// Writes a secret readable by its owner only.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), UsageError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| UsageError::new(format!("cannot write {}: {e}", path.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(contents)?;
    Ok(())
}

/// No caller string is anywhere near this long; a longer line is answered
/// as bad without being held in memory.
pub const MAX_LINE_BYTES: usize = 4096;

/// One line of a batch read from stdin.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    NotUtf8,
    TooLong,
}

impl Line {
    /// The stable code for a line that could not be read (JSON `error`).
    pub fn error_code(&self) -> Option<&'static str> {
        match self {
            Line::Text(_) => None,
            Line::NotUtf8 => Some("not_utf8"),
            Line::TooLong => Some("line_too_long"),
        }
    }
}

/// The next line (without its `\n` and trailing `\r`), `None` at the end.
/// A bad line is reported as such and the reader moves on to the next:
/// one bad line must not end a batch.
pub fn next_line(input: &mut impl std::io::BufRead) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let (mut read_any, mut too_long) = (false, false);
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        read_any = true;
        let newline = buf.iter().position(|b| *b == b'\n');
        let chunk = &buf[..newline.unwrap_or(buf.len())];
        if !too_long && bytes.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
            bytes = Vec::new();
        }
        if !too_long {
            bytes.extend_from_slice(chunk);
        }
        let used = newline.map_or(buf.len(), |i| i + 1);
        input.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (read_any, too_long) {
        (false, _) => None,
        (true, true) => Some(Line::TooLong),
        (true, false) => Some(match String::from_utf8(bytes) {
            Ok(text) => Line::Text(text.trim_end_matches('\r').to_string()),
            Err(_) => Line::NotUtf8,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Line> {
        let mut reader = std::io::BufReader::with_capacity(7, input);
        std::iter::from_fn(|| next_line(&mut reader).unwrap()).collect()
    }

    #[test]
    fn bad_lines_are_reported_and_reading_goes_on() {
        let mut input = b"a\r\n\xff\xfe\n".to_vec();
        input.extend(std::iter::repeat_n(b'9', MAX_LINE_BYTES + 1));
        input.extend_from_slice(b"\n\nlast");
        assert_eq!(
            lines(&input),
            [
                Line::Text("a".into()),
                Line::NotUtf8,
                Line::TooLong,
                Line::Text(String::new()),
                Line::Text("last".into()),
            ]
        );
        assert!(lines(b"").is_empty());
        let exact = vec![b'1'; MAX_LINE_BYTES];
        assert_eq!(
            lines(&exact),
            [Line::Text(String::from_utf8(exact.clone()).unwrap())]
        );
    }
}
