//! Refuses JSON with two members of the same name in one object, anywhere.
//!
//! RFC 8259 leaves duplicate names to the parser: some keep the first, some
//! the last, serde's derive refuses known fields but ignores unknown ones,
//! and a map keeps the last silently. A signed document that two parsers
//! read differently is a forgery waiting to happen, so every JSON document
//! CallGuard reads from untrusted bytes (JWS JSON, protected headers, list
//! payloads, trust files, JWKs) goes through `check` first.
//!
//! One pass over the bytes, no recursion (nesting inside ignored members is
//! allowed to be deep), names compared after unescaping (`"a"` and
//! `"\u0061"` are the same name). It only looks at structure: anything that
//! is not JSON is left for serde to refuse, so `Ok` means "no duplicate
//! found", never "valid JSON".

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write;

/// Objects with more members than this get a hash set; below, a scan of a
/// few short names is faster than hashing them.
const LINEAR_MEMBERS: usize = 16;
/// Path segments kept for the error message; deeper ones print as `…`.
const PATH_DEPTH: usize = 16;

/// Where the second occurrence of a member name was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// `contacts[3].label`; empty for the top-level object.
    pub path: String,
    /// The member name, quoted, when it looks like a field name or language
    /// tag; otherwise `a member`. Names outside the schema are shown only
    /// in that safe shape, so list contents never reach an error string.
    pub name: String,
}

impl std::fmt::Display for Duplicate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "duplicate member {}", self.name)
        } else {
            write!(f, "{}: duplicate member {}", self.path, self.name)
        }
    }
}

/// An unescaped member name: borrowed when it has no escapes. Lone UTF-16
/// surrogates (which some parsers accept in ignored strings) are kept as
/// their own 3-byte sequences, so names compare by code units.
type Name<'a> = Cow<'a, [u8]>;

enum Segment {
    Index(usize),
    /// The member's raw name: its place in the input, nothing copied.
    Member(std::ops::Range<usize>),
}

struct Object<'a> {
    /// Where this object's names start in `Scanner::names` (small objects).
    names_start: usize,
    /// All names, once the object outgrew the linear scan. Boxed: one open
    /// object costs 16 bytes, not 56, however deep an attacker nests them.
    #[allow(clippy::box_collection)]
    set: Option<Box<HashSet<Name<'a>>>>,
}

pub fn check(json: &[u8]) -> Result<(), Duplicate> {
    Scanner {
        bytes: json,
        at: 0,
        depth: 0,
        kinds: Vec::new(),
        objects: Vec::new(),
        names: Vec::new(),
        path: Vec::new(),
    }
    .run()
    .unwrap_or(Ok(()))
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// One bit a nesting level, set for an object: deep array nesting
    /// costs a bit a level, not a frame.
    kinds: Vec<u64>,
    objects: Vec<Object<'a>>,
    names: Vec<Name<'a>>,
    path: Vec<Segment>,
}

impl<'a> Scanner<'a> {
    /// `None`: not JSON, stop looking (serde will say why).
    fn run(&mut self) -> Option<Result<(), Duplicate>> {
        loop {
            // A value is expected here.
            self.skip_whitespace();
            match *self.bytes.get(self.at)? {
                b'{' => {
                    self.at += 1;
                    self.open(true);
                    self.skip_whitespace();
                    if *self.bytes.get(self.at)? == b'}' {
                        self.at += 1;
                        self.close();
                    } else {
                        if let Err(d) = self.member()? {
                            return Some(Err(d));
                        }
                        continue;
                    }
                }
                b'[' => {
                    self.at += 1;
                    self.open(false);
                    self.skip_whitespace();
                    if *self.bytes.get(self.at)? == b']' {
                        self.at += 1;
                        self.close();
                    } else {
                        continue;
                    }
                }
                b'"' => {
                    self.at += 1;
                    self.skip_string()?;
                }
                _ => self.skip_scalar(),
            }
            // After a value: a comma, or the end of one or more containers.
            loop {
                if self.depth == 0 {
                    return Some(Ok(()));
                }
                self.skip_whitespace();
                let in_object = self.top_is_object();
                match (*self.bytes.get(self.at)?, in_object) {
                    (b',', true) => {
                        self.at += 1;
                        if let Err(d) = self.member()? {
                            return Some(Err(d));
                        }
                        break;
                    }
                    (b',', false) => {
                        self.at += 1;
                        if let Some(Segment::Index(i)) = self.current_segment() {
                            *i += 1;
                        }
                        break;
                    }
                    (b'}', true) | (b']', false) => {
                        self.at += 1;
                        self.close();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// `"name" :` of the innermost object; records the name.
    fn member(&mut self) -> Option<Result<(), Duplicate>> {
        self.skip_whitespace();
        if *self.bytes.get(self.at)? != b'"' {
            return None;
        }
        self.at += 1;
        let start = self.at;
        let escaped = self.skip_string()?;
        let raw_range = start..self.at - 1;
        let raw = &self.bytes[raw_range.clone()];
        let name: Name<'a> = if escaped {
            Cow::Owned(unescape(raw)?)
        } else {
            Cow::Borrowed(raw)
        };
        self.skip_whitespace();
        if *self.bytes.get(self.at)? != b':' {
            return None;
        }
        self.at += 1;
        if self.depth <= PATH_DEPTH {
            if let Some(segment) = self.current_segment() {
                *segment = Segment::Member(raw_range);
            }
        }
        let object = self.objects.last_mut()?;
        let fresh = match &mut object.set {
            Some(set) => set.insert(name),
            None => {
                let fresh = !self.names[object.names_start..].contains(&name);
                self.names.push(name);
                if self.names.len() - object.names_start > LINEAR_MEMBERS {
                    object.set = Some(Box::new(self.names.drain(object.names_start..).collect()));
                }
                fresh
            }
        };
        if fresh {
            Some(Ok(()))
        } else {
            Some(Err(Duplicate {
                path: self.path_text(),
                name: display_name(&unescape(raw)?),
            }))
        }
    }

    fn open(&mut self, object: bool) {
        let (word, bit) = (self.depth / 64, self.depth % 64);
        if word == self.kinds.len() {
            self.kinds.push(0);
        }
        if object {
            self.kinds[word] |= 1 << bit;
            self.objects.push(Object {
                names_start: self.names.len(),
                set: None,
            });
        } else {
            self.kinds[word] &= !(1 << bit);
        }
        self.depth += 1;
        if self.depth <= PATH_DEPTH {
            self.path.push(Segment::Index(0));
        }
    }

    fn close(&mut self) {
        if self.top_is_object() {
            if let Some(object) = self.objects.pop() {
                self.names.truncate(object.names_start);
            }
        }
        if self.depth <= PATH_DEPTH {
            self.path.pop();
        }
        self.depth -= 1;
    }

    fn top_is_object(&self) -> bool {
        let level = self.depth - 1;
        self.kinds[level / 64] & (1 << (level % 64)) != 0
    }

    /// The innermost container's segment, if it is within `PATH_DEPTH`.
    fn current_segment(&mut self) -> Option<&mut Segment> {
        if self.depth <= PATH_DEPTH {
            self.path.last_mut()
        } else {
            None
        }
    }

    /// The path to the innermost object, `contacts[3].label`.
    fn path_text(&self) -> String {
        let mut text = String::new();
        // The last segment is the duplicate itself, not part of the path.
        let shown = self.path.len().min(self.depth - 1);
        for segment in &self.path[..shown] {
            match segment {
                Segment::Index(i) => {
                    let _ = write!(text, "[{i}]");
                }
                Segment::Member(raw) => {
                    if !text.is_empty() {
                        text.push('.');
                    }
                    let name = unescape(&self.bytes[raw.clone()]).unwrap_or_default();
                    text.push_str(&path_name(&name));
                }
            }
        }
        if self.depth - 1 > shown {
            text.push_str(".…");
        }
        text
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// Past the closing quote of a string whose opening quote is consumed.
    /// Returns whether it held an escape. Looks at 8 bytes at a time: the
    /// JWS payload is one long base64 string.
    fn skip_string(&mut self) -> Option<bool> {
        let mut escaped = false;
        loop {
            while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let word = u64::from_le_bytes(chunk.try_into().ok()?);
                if has_quote_or_backslash(word) {
                    break;
                }
                self.at += 8;
            }
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(escaped);
                }
                b'\\' => {
                    escaped = true;
                    self.at += 2;
                }
                _ => self.at += 1,
            }
        }
    }

    /// Numbers, `true`, `false`, `null` (or garbage serde will refuse).
    fn skip_scalar(&mut self) {
        while let Some(b) = self.bytes.get(self.at) {
            if matches!(
                b,
                b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'[' | b'{' | b':'
            ) {
                break;
            }
            self.at += 1;
        }
    }
}

/// Whether any byte of `word` is `"` or `\\` (the classic SWAR zero-byte
/// test, once for each, without a branch).
fn has_quote_or_backslash(word: u64) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (LOW * b'"' as u64);
    let backslash = word ^ (LOW * b'\\' as u64);
    ((quote.wrapping_sub(LOW) & !quote) | (backslash.wrapping_sub(LOW) & !backslash)) & HIGH != 0
}

/// A string's content without its escapes; `None` for a broken escape.
fn unescape(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != b'\\' {
            out.push(raw[i]);
            i += 1;
            continue;
        }
        let simple = match *raw.get(i + 1)? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let unit = hex4(raw.get(i + 2..i + 6)?)?;
                i += 6;
                let low = raw
                    .get(i..i + 2)
                    .filter(|s| *s == b"\\u")
                    .and_then(|_| hex4(raw.get(i + 2..i + 6)?))
                    .filter(|low| (0xDC00..0xE000).contains(low));
                let code = match (unit, low) {
                    (0xD800..=0xDBFF, Some(low)) => {
                        i += 6;
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => unit,
                };
                push_code_point(&mut out, code);
                continue;
            }
            _ => return None,
        };
        out.push(simple);
        i += 2;
    }
    Some(out)
}

fn hex4(digits: &[u8]) -> Option<u32> {
    std::str::from_utf8(digits)
        .ok()
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .filter(|_| digits.iter().all(u8::is_ascii_hexdigit))
}

/// UTF-8, extended to lone surrogates (as in WTF-8) so each still compares
/// as itself.
fn push_code_point(out: &mut Vec<u8>, code: u32) {
    match char::from_u32(code) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        None => out.extend_from_slice(&[
            0xE0 | (code >> 12) as u8,
            0x80 | ((code >> 6) & 0x3F) as u8,
            0x80 | (code & 0x3F) as u8,
        ]),
    }
}

/// Field names and language tags print as themselves; anything else
/// (digits, `+`, spaces, non-ASCII: what a number or a name looks like)
/// does not.
fn is_safe_name(name: &[u8]) -> bool {
    (1..=32).contains(&name.len())
        && name[0].is_ascii_alphabetic()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
}

fn display_name(name: &[u8]) -> String {
    if is_safe_name(name) {
        format!("\"{}\"", String::from_utf8_lossy(name))
    } else {
        "a member".into()
    }
}

fn path_name(name: &[u8]) -> String {
    if is_safe_name(name) {
        String::from_utf8_lossy(name).into_owned()
    } else {
        "<member>".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dup(json: &str) -> Option<String> {
        check(json.as_bytes()).err().map(|d| d.to_string())
    }

    #[test]
    fn finds_duplicates_at_any_depth_with_their_path() {
        assert_eq!(dup(r#"{"a":1,"a":2}"#).unwrap(), r#"duplicate member "a""#);
        assert_eq!(
            dup(r#"{"contacts":[{"x":1},{"label":{"en":"a","ru":"b","en":"c"}}]}"#).unwrap(),
            r#"contacts[1].label: duplicate member "en""#
        );
        assert_eq!(
            dup(r#"{"x":[[1,2],[3,{"k":{},"k":[]}]]}"#).unwrap(),
            r#"x[1][1]: duplicate member "k""#
        );
        assert_eq!(
            dup(r#" { "a" : { "b" : 1 } , "c" : 2 , "a" : 3 } "#).unwrap(),
            r#"duplicate member "a""#
        );
    }

    #[test]
    fn names_compare_after_unescaping() {
        assert!(dup(r#"{"en":1,"\u0065n":2}"#).is_some());
        assert!(dup(r#"{"a\"":1,"a\u0022":2}"#).is_some());
        assert!(dup(r#"{"\ud83d\ude00":1,"😀":2}"#).is_some());
        assert!(dup(r#"{"\ud800":1,"\ud800":2}"#).is_some());
        assert!(dup(r#"{"\ud800":1,"\udc00":2}"#).is_none());
        assert!(dup(r#"{"a\\":1,"a":2}"#).is_none());
    }

    #[test]
    fn same_name_in_different_objects_is_fine() {
        assert!(dup(r#"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}"#).is_none());
        assert!(dup(r#"[{"a":1},{"a":1}]"#).is_none());
        assert!(dup(r#"{"a":"{\"a\":1,\"a\":2}"}"#).is_none());
        assert!(dup(r#"{}"#).is_none());
        assert!(dup(r#"[]"#).is_none());
    }

    #[test]
    fn large_objects_switch_to_a_set_and_still_catch_duplicates() {
        let members: Vec<String> = (0..1000).map(|i| format!("\"k{i}\":{i}")).collect();
        let object = format!("{{{}}}", members.join(","));
        assert!(dup(&object).is_none());
        let with_dup = format!("{{{},\"k500\":0}}", members.join(","));
        assert_eq!(dup(&with_dup).unwrap(), r#"duplicate member "k500""#);
        // A nested object after a large one starts fresh.
        let nested = format!("{{\"big\":{object},\"small\":{{\"k1\":1}}}}");
        assert!(dup(&nested).is_none());
    }

    #[test]
    fn deep_nesting_needs_no_recursion() {
        let deep = format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(dup(&deep).is_none());
        let objects = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
        assert!(dup(&objects).is_none());
        let deep_dup = format!(
            "{}{{\"z\":1,\"z\":2}}{}",
            r#"{"a":["#.repeat(30),
            "]}".repeat(30)
        );
        let message = dup(&deep_dup).unwrap();
        assert!(message.ends_with(".…: duplicate member \"z\""), "{message}");
    }

    #[test]
    fn names_that_could_be_contents_are_not_printed() {
        let message = dup(r#"{"+74950000001":1,"+74950000001":2}"#).unwrap();
        assert!(!message.contains("7495"), "{message}");
        let message = dup(r#"{"Иван":{"x":1,"x":2}}"#).unwrap();
        assert!(!message.contains("Иван"), "{message}");
    }

    #[test]
    fn broken_json_is_left_to_serde() {
        for text in [
            "",
            "{",
            r#"{"a":1,"a""#,
            r#"{"a" 1}"#,
            r#"{"a":1]"#,
            r#"[1}"#,
            r#"{"\x":1}"#,
            "\"abc",
        ] {
            assert!(dup(text).is_none(), "{text}");
        }
    }
}
