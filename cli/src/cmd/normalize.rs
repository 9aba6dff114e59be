//! `callguard normalize`: caller strings to E.164, a short code, or `invalid`.

use crate::io::UsageError;
use callguard_core::normalize::{format_e164, normalize, Normalized, Region};
use std::io::{BufRead, BufWriter, Write};

pub fn run(region: &str, numbers: &[String]) -> Result<(), UsageError> {
    let home = region_arg(region)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut emit = |raw: &str| -> std::io::Result<()> {
        match normalize(raw, home) {
            Normalized::E164(n) => writeln!(out, "{}", format_e164(n)),
            Normalized::ShortCode(code) => writeln!(out, "{code}"),
            Normalized::Invalid => writeln!(out, "invalid"),
        }
    };
    if numbers.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            emit(line.trim_end_matches('\r'))?;
        }
    } else {
        for number in numbers {
            emit(number)?;
        }
    }
    out.flush()?;
    Ok(())
}

pub fn region_arg(region: &str) -> Result<Region, UsageError> {
    Region::from_iso(region).ok_or_else(|| {
        UsageError(format!(
            "--region {region:?} is not a known ISO 3166 region"
        ))
    })
}
