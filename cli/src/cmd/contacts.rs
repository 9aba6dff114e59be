//! `callguard contacts`: the contact audit of the SDK over a vCard file, for
//! testers and banks' QA (docs/screening.md, "Saved contacts"): the same
//! lists (--trust with --list or --state) and region as `screen`.

use crate::cmd::normalize::region_arg;
use crate::io::{read_capped, UsageError};
use crate::vcard;
use callguard_core::contacts::{audit, Contact};
use callguard_core::screen::Lang;
use callguard_core::ContactList;
use std::path::Path;
use std::sync::Arc;

/// A vCard export of 10 000 contacts is a few MB.
const MAX_VCARD_BYTES: u64 = 64 << 20;

pub fn run(
    lists: &[Arc<ContactList>],
    region: &str,
    lang: &str,
    json: bool,
    file: &Path,
) -> Result<crate::Outcome, UsageError> {
    let bytes = read_capped(file, MAX_VCARD_BYTES)?;
    // A file the reader cannot take exactly is refused, never guessed
    // (docs/screening.md, "Saved contacts"): `invalid_input`, by line.
    let refused =
        |e: String| UsageError::refused("invalid_input", format!("{}: {e}", file.display()));
    let text = String::from_utf8(bytes).map_err(|_| refused("not UTF-8".into()))?;
    let cards = vcard::parse(&text).map_err(refused)?;
    let contacts: Vec<Contact<'_>> = cards
        .iter()
        .map(|c| Contact {
            name: &c.name,
            numbers: c.numbers.iter().map(String::as_str).collect(),
        })
        .collect();
    let findings = audit(
        &contacts,
        lists,
        Some(region_arg(region)?),
        Lang::from_tag(lang),
    );
    if json {
        let out: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                serde_json::json!({"index": f.index, "name": cards[f.index].name, "number": f.number,
                    "kind": f.kind.name(), "issuer": f.issuer, "suggested_name": f.suggested_name,
                    "title": f.title, "message": f.message})
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"contacts": cards.len(), "findings": out})
        );
    } else {
        for f in &findings {
            // The file's text reaches a terminal: its control characters
            // (escape sequences) are shown as escapes, never run.
            println!(
                "[{}] {} — {}: {}",
                f.kind.name(),
                shown(&cards[f.index].name),
                shown(&f.number),
                f.title
            );
            println!("    {}", f.message);
            if let Some(name) = &f.suggested_name {
                println!("    rename to: {name}");
            }
        }
        println!("{} contacts, {} findings", cards.len(), findings.len());
    }
    Ok(crate::Outcome::Accepted)
}

/// `text` with its control characters as `\u{…}` escapes.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
