//! Lists for screening from the command line: `--trust T --list L` pairs
//! or a state directory, each verified against its trust file. Expired
//! lists are kept: screening knows they may warn but never vouch.

use crate::io::{read, read_trust, UsageError};
use callguard_core::accept::verify_signed_list;
use callguard_core::feed::DEFAULT_MAX_BLOB_BYTES;
use callguard_core::{ContactList, DEFAULT_MAX_LIST_BYTES};
use callguard_state::{FeedStore, StateDir};
use std::path::PathBuf;
use std::sync::Arc;

/// `feeds_given`: `--feed` pairs were given, so trust files without a
/// list are fine (a bank may publish a feed before its list). With
/// `--state`, an issuer with a stored feed but no stored list is too.
pub fn load(
    trusts: &[PathBuf],
    lists: &[PathBuf],
    state: Option<&PathBuf>,
    feeds_given: bool,
) -> Result<Vec<Arc<ContactList>>, UsageError> {
    let mut feed_only = false;
    let mut out = Vec::new();
    match state {
        Some(dir) => {
            if !lists.is_empty() {
                return Err(UsageError::new("give either --state or --list, not both"));
            }
            let state = StateDir::open_read(dir)?;
            for trust_path in trusts {
                let trust = read_trust(trust_path)?;
                let Some(stored) = state.load(&trust.issuer)? else {
                    // A feed and no list yet: screened with the feed alone.
                    let feeds = FeedStore::open_read(dir, DEFAULT_MAX_BLOB_BYTES)?;
                    if matches!(feeds.load(&trust), Ok(Some(_))) {
                        feed_only = true;
                        continue;
                    }
                    return Err(UsageError::new(format!(
                        "no stored list or feed for issuer {} in {}",
                        trust.issuer,
                        dir.display()
                    )));
                };
                let list = verify_signed_list(&stored.jws, &trust, DEFAULT_MAX_LIST_BYTES)
                    .map_err(|e| {
                        UsageError::refused(
                            e.code(),
                            format!(
                                "the stored list of {} no longer verifies ({})",
                                trust.issuer,
                                e.code()
                            ),
                        )
                    })?;
                out.push(list.list().clone());
            }
        }
        None if lists.is_empty() && feeds_given => feed_only = true,
        None => {
            if trusts.len() != lists.len() {
                return Err(UsageError::new(
                    "--trust and --list come in pairs, one pair per bank",
                ));
            }
            for (trust_path, list_path) in trusts.iter().zip(lists) {
                let trust = read_trust(trust_path)?;
                let list = verify_signed_list(&read(list_path)?, &trust, DEFAULT_MAX_LIST_BYTES)
                    .map_err(|e| {
                        UsageError::refused(
                            e.code(),
                            format!("{} rejected ({}): {e}", list_path.display(), e.code()),
                        )
                    })?;
                out.push(list.list().clone());
            }
        }
    }
    if out.is_empty() && !feed_only {
        return Err(UsageError::new(
            "no lists: give --trust T --list L (or --trust T --state DIR)",
        ));
    }
    Ok(out)
}
