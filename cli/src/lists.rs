//! Lists for screening from the command line: `--trust T --list L` pairs
//! or a state directory, each verified against its trust file. Expired
//! lists are kept: screening knows they may warn but never vouch.

use crate::io::{read, read_trust, UsageError};
use callguard_core::accept::verify_signed_list;
use callguard_core::{ContactList, DEFAULT_MAX_LIST_BYTES};
use callguard_state::StateDir;
use std::path::PathBuf;
use std::sync::Arc;

pub fn load(
    trusts: &[PathBuf],
    lists: &[PathBuf],
    state: Option<&PathBuf>,
) -> Result<Vec<Arc<ContactList>>, UsageError> {
    let mut out = Vec::new();
    match state {
        Some(dir) => {
            if !lists.is_empty() {
                return Err(UsageError("give either --state or --list, not both".into()));
            }
            let state = StateDir::open(dir)?;
            for trust_path in trusts {
                let trust = read_trust(trust_path)?;
                let stored = state.load(&trust.issuer)?.ok_or_else(|| {
                    UsageError(format!(
                        "no stored list for issuer {} in {}",
                        trust.issuer,
                        dir.display()
                    ))
                })?;
                let list = verify_signed_list(&stored.jws, &trust, DEFAULT_MAX_LIST_BYTES)
                    .map_err(|e| {
                        UsageError(format!(
                            "the stored list of {} no longer verifies ({})",
                            trust.issuer,
                            e.code()
                        ))
                    })?;
                out.push(list.list().clone());
            }
        }
        None => {
            if trusts.len() != lists.len() {
                return Err(UsageError(
                    "--trust and --list come in pairs, one pair per bank".into(),
                ));
            }
            for (trust_path, list_path) in trusts.iter().zip(lists) {
                let trust = read_trust(trust_path)?;
                let list = verify_signed_list(&read(list_path)?, &trust, DEFAULT_MAX_LIST_BYTES)
                    .map_err(|e| {
                        UsageError(format!(
                            "{} rejected ({}): {e}",
                            list_path.display(),
                            e.code()
                        ))
                    })?;
                out.push(list.list().clone());
            }
        }
    }
    if out.is_empty() {
        return Err(UsageError(
            "no lists: give --trust T --list L (or --trust T --state DIR)".into(),
        ));
    }
    Ok(out)
}
