//! `callguard verify`: the phone's acceptance rules, from the command line.
//! Exit 0 accepted, 1 rejected, 2 usage error. The verdict goes to stdout
//! (one JSON document with `--json`, errors included: see main.rs).

use crate::io::{cannot_read, now, read_trust, UsageError};
use crate::Outcome;
use callguard_core::{accept_list, ListError, DEFAULT_MAX_LIST_BYTES};
use callguard_state::{read_bounded, ReadError, SaveError, StateDir};
use serde_json::json;
use std::path::Path;

pub fn run(
    trust: &Path,
    state: Option<&Path>,
    now_arg: Option<&str>,
    as_json: bool,
    list: &Path,
) -> Result<Outcome, UsageError> {
    let trust = read_trust(trust)?;
    let now = now(now_arg)?;
    let bytes = match read_bounded(list, DEFAULT_MAX_LIST_BYTES) {
        Ok(bytes) => bytes,
        // Too large is the list's fault, as it would be on a phone.
        Err(ReadError::TooLarge { limit }) => {
            report_rejection(&ListError::TooLarge { limit }, as_json);
            return Ok(Outcome::Rejected);
        }
        Err(e) => return Err(cannot_read(list, &e)),
    };
    // State errors name the directory: "Not a directory" alone says not which.
    let state_dir = state;
    let in_state = |e: &dyn std::fmt::Display| {
        let dir = state_dir.map_or(String::new(), |d| d.display().to_string());
        UsageError::new(format!("state directory {dir}: {e}"))
    };
    let state = state_dir
        .map(StateDir::open)
        .transpose()
        .map_err(|e| in_state(&e))?;
    // The same rule as sync and the SDK: a damaged list file does not
    // erase the history (StateDir::highest).
    let prior = match &state {
        Some(state) => state.highest(&trust.issuer).map_err(|e| in_state(&e))?,
        None => None,
    };
    match accept_list(&bytes, &trust, DEFAULT_MAX_LIST_BYTES, now, prior.as_ref()) {
        Ok(verified) => {
            if let Some(state) = &state {
                match state.save(&trust.issuer, &bytes, &verified.prior()) {
                    Ok(()) => {}
                    // Another process stored a newer list since `prior` was read.
                    Err(SaveError::Refused(error)) => {
                        report_rejection(&error, as_json);
                        return Ok(Outcome::Rejected);
                    }
                    Err(e) => return Err(in_state(&e)),
                }
            }
            let list = verified.list();
            if as_json {
                println!(
                    "{}",
                    json!({
                        "valid": true,
                        "issuer": list.issuer.id,
                        "version": list.version,
                        "contacts": list.contact_count(),
                        "expires_at": list.expires_at.to_rfc3339(),
                    })
                );
            } else {
                println!(
                    "accepted: {} version {}, {} contacts, expires {}",
                    list.issuer.id,
                    list.version,
                    list.contact_count(),
                    list.expires_at.to_rfc3339()
                );
            }
            Ok(Outcome::Accepted)
        }
        Err(error) => {
            report_rejection(&error, as_json);
            Ok(Outcome::Rejected)
        }
    }
}

pub fn report_rejection(error: &ListError, as_json: bool) {
    if as_json {
        println!(
            "{}",
            json!({"valid": false, "error": error.code(), "detail": error.to_string()})
        );
    } else {
        println!("rejected ({}): {error}", error.code());
    }
}
