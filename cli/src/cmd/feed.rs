//! `callguard feed build` and `callguard feed diff`: the publisher's side of
//! feeds (docs/feed-format.md). `build` reads one entry per line (§7),
//! writes the full blob, deltas from earlier blobs and the manifest payload
//! for `callguard sign`; `diff` writes one delta.

use crate::io::{system_now, UsageError};
use callguard_core::feed::blob::{MAX_PREFIX_DIGITS, MIN_PREFIX_DIGITS};
use callguard_core::feed::{diff, Category, FeedBlob, FeedBuilder, FeedManifest};
use callguard_core::list::{hex, sha256};
use callguard_core::Timestamp;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct BuildArgs<'a> {
    pub input: &'a Path,
    pub out: &'a Path,
    pub issuer: &'a str,
    pub version: u64,
    pub valid_days: u32,
    pub block_size: u32,
    /// `VERSION=PATH` of earlier full blobs: a delta from each.
    pub previous: &'a [String],
}

/// One line of §7: a number or a prefix, and its category.
enum Item {
    Number(u64, Category),
    Prefix(u64, Category),
}

/// Spaces and tabs separate the fields (a CRLF's `\r` goes with the end of
/// the line); any other white space is refused, as docs/feed-format.md §7 says.
fn parse_line(line: &str) -> Result<Option<Item>, &'static str> {
    let blank = |c: char| c == ' ' || c == '\t';
    let line = line.strip_suffix('\r').unwrap_or(line).trim_matches(blank);
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    if line.chars().any(|c| c.is_whitespace() && !blank(c)) {
        return Err("only spaces and tabs may separate the fields");
    }
    let mut fields = line.split(blank).filter(|f| !f.is_empty());
    let (Some(target), Some(category), None) = (fields.next(), fields.next(), fields.next()) else {
        return Err("expected '+digits[*] fraud|spam'");
    };
    let category = Category::from_name(category).ok_or("the category must be fraud or spam")?;
    let digits = target
        .strip_prefix('+')
        .ok_or("the number must start with +")?;
    let (digits, prefix) = match digits.strip_suffix('*') {
        Some(d) => (d, true),
        None => (digits, false),
    };
    let (min, max) = if prefix {
        (MIN_PREFIX_DIGITS as usize, MAX_PREFIX_DIGITS as usize)
    } else {
        (8, 15)
    };
    if !(min..=max).contains(&digits.len())
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.starts_with('0')
    {
        return Err(if prefix {
            "a prefix is + and 4-14 digits, then *"
        } else {
            "a number is + and 8-15 digits, first not 0"
        });
    }
    let value: u64 = digits.parse().map_err(|_| "not a number")?;
    Ok(Some(if prefix {
        Item::Prefix(value, category)
    } else {
        Item::Number(value, category)
    }))
}

/// Every line, streamed: `each(line_number, item)`.
fn read_input(
    path: &Path,
    mut each: impl FnMut(usize, Item) -> Result<(), UsageError>,
) -> Result<(), UsageError> {
    let file = std::fs::File::open(path)
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => UsageError::refused(
                "invalid_input",
                format!("{}:{}: not UTF-8", path.display(), i + 1),
            ),
            _ => UsageError::new(format!("{}:{}: {e}", path.display(), i + 1)),
        })?;
        // A byte order mark (Windows exports) before the first line.
        let line = match line.strip_prefix('\u{FEFF}') {
            Some(rest) if i == 0 => rest.to_string(),
            _ => line,
        };
        match parse_line(&line) {
            Ok(Some(item)) => each(i + 1, item)?,
            Ok(None) => {}
            Err(why) => {
                return Err(UsageError::refused(
                    "invalid_input",
                    format!("{}:{}: {why}", path.display(), i + 1),
                ))
            }
        }
    }
    Ok(())
}

/// Writes `bytes` next to `path`, then renames: readers never see half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), UsageError> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| UsageError::new(format!("cannot write {}: {e}", path.display())))
}

pub fn build(args: BuildArgs<'_>) -> Result<(), UsageError> {
    let started = Instant::now();
    // Numbers as keys (number << 2 | category): 8 bytes each while sorting.
    let mut keys: Vec<u64> = Vec::new();
    let mut prefixes: Vec<(u64, Category, usize)> = Vec::new();
    read_input(args.input, |line, item| {
        match item {
            Item::Number(n, c) => keys.push(n << 2 | c.code() as u64),
            Item::Prefix(p, c) => prefixes.push((p, c, line)),
        }
        Ok(())
    })?;
    keys.sort_unstable();
    keys.dedup();
    if let Some(w) = keys.windows(2).find(|w| w[0] >> 2 == w[1] >> 2) {
        return Err(conflict(args.input, w[0] >> 2));
    }
    let mut builder =
        FeedBuilder::new(args.block_size).map_err(|e| UsageError::new(e.to_string()))?;
    builder.reserve(keys.len());
    for key in &keys {
        let category = Category::from_code((key & 3) as u8)
            .ok_or_else(|| UsageError::new("internal: a category code out of range"))?;
        builder
            .push(key >> 2, category)
            .map_err(|e| UsageError::new(e.to_string()))?;
    }
    let count = keys.len();
    drop(keys);
    prefixes.sort_by_key(|p| p.0);
    prefixes.dedup_by_key(|p| (p.0, p.1));
    if let Some(w) = prefixes.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(UsageError::refused(
            "invalid_input",
            format!(
                "{}: lines {} and {}: the same prefix with two categories",
                args.input.display(),
                w[0].2,
                w[1].2
            ),
        ));
    }
    for (p, c, _) in &prefixes {
        builder
            .push_prefix(*p, *c)
            .map_err(|e| UsageError::new(e.to_string()))?;
    }
    let blob = builder
        .finish()
        .map_err(|e| UsageError::new(e.to_string()))?;
    let build_time = started.elapsed();

    std::fs::create_dir_all(args.out)
        .map_err(|e| UsageError::new(format!("cannot create {}: {e}", args.out.display())))?;
    let name = format!("feed-{}.cgfeed", args.version);
    write_atomic(&args.out.join(&name), &blob)?;
    let mut blobs = vec![blob_entry(&name, "full", None, &blob)];
    for spec in args.previous {
        let (version, path) = spec
            .split_once('=')
            .and_then(|(v, p)| Some((v.parse::<u64>().ok()?, PathBuf::from(p))))
            .ok_or_else(|| {
                UsageError::new(format!("--previous {spec:?}: expected VERSION=PATH"))
            })?;
        if version >= args.version {
            return Err(UsageError::new(format!(
                "--previous {spec:?}: the version must be below {}",
                args.version
            )));
        }
        let old = std::fs::read(&path)
            .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
        let delta =
            diff(&old, &blob).map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
        let delta_name = format!("feed-{version}-{}.cgdelta", args.version);
        write_atomic(&args.out.join(&delta_name), &delta)?;
        eprintln!(
            "delta from version {version}: {} bytes ({:.1} % of the full blob)",
            delta.len(),
            delta.len() as f64 * 100.0 / blob.len() as f64
        );
        blobs.push(blob_entry(&delta_name, "delta", Some(version), &delta));
    }

    let now = system_now();
    let expires = Timestamp(now.0 + args.valid_days as i64 * 86_400);
    let manifest = serde_json::json!({
        "type": callguard_core::feed::FEED_TYPE,
        "schema": 1,
        "issuer": args.issuer,
        "version": args.version,
        "issued_at": now.to_rfc3339(),
        "expires_at": expires.to_rfc3339(),
        "blobs": blobs,
    });
    let text = serde_json::to_string_pretty(&manifest)?;
    // What we wrote must be what a phone accepts.
    FeedManifest::parse(text.as_bytes())
        .map_err(|e| UsageError::new(format!("the manifest would be refused: {e}")))?;
    let manifest_path = args.out.join("feed-manifest.json");
    write_atomic(&manifest_path, format!("{text}\n").as_bytes())?;
    let per_number = match count {
        0 => String::new(),
        n => format!(", {:.2} bytes/number", blob.len() as f64 / n as f64),
    };
    eprintln!(
        "{count} numbers, {} prefixes -> {} ({} bytes{per_number}) in {:.1} s; manifest payload {} (sign it with callguard sign)",
        prefixes.len(),
        args.out.join(&name).display(),
        blob.len(),
        build_time.as_secs_f64(),
        manifest_path.display()
    );
    Ok(())
}

fn blob_entry(name: &str, kind: &str, from: Option<u64>, bytes: &[u8]) -> serde_json::Value {
    let mut v = serde_json::json!({
        "name": name,
        "kind": kind,
        "sha256": hex(&sha256(bytes)),
        "length": bytes.len(),
    });
    if let Some(from) = from {
        v["from_version"] = from.into();
    }
    v
}

/// A number listed with two categories: find its lines for the publisher.
fn conflict(path: &Path, number: u64) -> UsageError {
    let mut lines = Vec::new();
    let _ = read_input(path, |line, item| {
        if matches!(item, Item::Number(n, _) if n == number) {
            lines.push(line.to_string());
        }
        Ok(())
    });
    UsageError::refused(
        "invalid_input",
        format!(
            "{}: lines {}: the same number with two categories",
            path.display(),
            lines.join(", ")
        ),
    )
}

pub fn diff_cmd(from: &Path, to: &Path, out: &Path) -> Result<(), UsageError> {
    let read = |p: &Path| {
        std::fs::read(p).map_err(|e| UsageError::new(format!("cannot read {}: {e}", p.display())))
    };
    let (old, new) = (read(from)?, read(to)?);
    for (path, bytes) in [(from, &old), (to, &new)] {
        FeedBlob::open(bytes)
            .and_then(|b| b.validate())
            .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
    }
    let delta = diff(&old, &new).map_err(|e| UsageError::new(e.to_string()))?;
    write_atomic(out, &delta)?;
    println!(
        "{}\t{}\t{}",
        out.display(),
        delta.len(),
        hex(&sha256(&delta))
    );
    Ok(())
}
