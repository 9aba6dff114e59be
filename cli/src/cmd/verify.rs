//! `callguard verify`: the phone's acceptance rules, from the command line.
//! Exit 0 accepted, 1 rejected, 2 usage error.

use crate::io::{now, read, read_trust, UsageError};
use crate::Outcome;
use callguard_core::{accept_list, ListError, DEFAULT_MAX_LIST_BYTES};
use callguard_state::StateDir;
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
    let bytes = read(list)?;
    let state = state.map(StateDir::open).transpose()?;
    let prior = match &state {
        Some(state) => state.load(&trust.issuer)?.map(|s| s.prior),
        None => None,
    };
    match accept_list(&bytes, &trust, DEFAULT_MAX_LIST_BYTES, now, prior.as_ref()) {
        Ok(verified) => {
            if let Some(state) = &state {
                state.save(&trust.issuer, &bytes, &verified.prior())?;
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
                eprintln!(
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
        eprintln!("rejected ({}): {error}", error.code());
    }
}
