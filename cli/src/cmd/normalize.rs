//! `callguard normalize`: caller strings to E.164, a short code, or `invalid`.
//! Exit 0, or 1 if any stdin line could not be read (not UTF-8, or longer
//! than 4 KiB): that line is answered `invalid` and the batch goes on.

use crate::io::{next_line, Line, UsageError};
use crate::Outcome;
use callguard_core::normalize::{format_e164, normalize, Normalized, Region};
use std::io::{BufWriter, Write};

pub fn run(region: &str, numbers: &[String]) -> Result<Outcome, UsageError> {
    let home = region_arg(region)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut emit = |answer: Normalized| -> std::io::Result<()> {
        match answer {
            Normalized::E164(n) => writeln!(out, "{}", format_e164(n)),
            Normalized::ShortCode(code) => writeln!(out, "{code}"),
            Normalized::Invalid => writeln!(out, "invalid"),
        }
    };
    let mut bad_lines = 0u64;
    if numbers.is_empty() {
        let mut input = std::io::stdin().lock();
        let mut number = 0u64;
        while let Some(line) = next_line(&mut input)? {
            number += 1;
            match line {
                Line::Text(text) => emit(normalize(&text, home))?,
                bad => {
                    // Still one answer per line, so answers stay in step with inputs.
                    emit(Normalized::Invalid)?;
                    bad_lines += 1;
                    eprintln!(
                        "callguard: stdin line {number}: {}",
                        bad.error_code().unwrap_or("unreadable")
                    );
                }
            }
        }
    } else {
        for number in numbers {
            emit(normalize(number, home))?;
        }
    }
    out.flush()?;
    Ok(if bad_lines == 0 {
        Outcome::Accepted
    } else {
        Outcome::Rejected
    })
}

pub fn region_arg(region: &str) -> Result<Region, UsageError> {
    Region::from_iso(region).ok_or_else(|| {
        UsageError::new(format!(
            "--region {region:?} is not a known ISO 3166 region"
        ))
    })
}
