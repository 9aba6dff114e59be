//! `callguard directory`: the iOS Call Directory entries, `NUMBER<TAB>LABEL`
//! one per line, in exactly the order the extension hands them to iOS:
//! the lists' entries merged with the feeds' ("⚠ Reported: fraud").

use crate::io::{now, UsageError};
use callguard_core::directory::{Directory, DirectoryOptions};
use callguard_core::feed::directory::WithFeeds;
use callguard_core::feed::Feed;
use callguard_core::screen::Lang;
use callguard_core::ContactList;
use std::io::{BufWriter, Write};
use std::sync::Arc;

pub fn run(
    lists: &[Arc<ContactList>],
    feeds: &[Feed<'_>],
    lang: &str,
    max_prefix_expansion: u64,
    now_arg: Option<&str>,
) -> Result<(), UsageError> {
    let lang = Lang::from_tag(lang);
    let options = DirectoryOptions {
        lang,
        max_prefix_expansion,
    };
    let directory = Directory::new(lists, options, now(now_arg)?);
    for skipped in directory.skipped_prefixes() {
        eprintln!(
            "skipped prefix {} of {}: {} numbers exceed --max-prefix-expansion {max_prefix_expansion}",
            skipped.prefix, skipped.issuer, skipped.numbers
        );
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Feed numbers merged in ascending order; the bank's own entry wins.
    let mut entries = WithFeeds::new(directory, feeds, lang);
    for entry in entries.by_ref() {
        writeln!(out, "{}\t{}", entry.number, entry.label)?;
    }
    out.flush()?;
    if let Some(e) = entries.error() {
        return Err(UsageError::new(format!("a feed blob stopped early: {e}")));
    }
    Ok(())
}
