//! `callguard inspect`: what a JWS says, without believing any of it.

use crate::io::{read, UsageError};
use crate::Outcome;
use callguard_core::jws::Jws;
use std::path::Path;

pub fn run(list: &Path) -> Result<Outcome, UsageError> {
    let bytes = read(list)?;
    println!("UNVERIFIED — nothing below has been checked against a trust file");
    let jws = match Jws::parse(&bytes) {
        Ok(jws) => jws,
        Err(e) => {
            eprintln!("cannot parse ({}): {e}", e.code());
            return Ok(Outcome::Rejected);
        }
    };
    for (i, header) in jws.header_summaries().into_iter().enumerate() {
        match header {
            Ok(h) => println!(
                "signature {i}: alg={} kid={} typ={}",
                h.alg.as_deref().unwrap_or("(none)"),
                h.kid.as_deref().unwrap_or("(none)"),
                h.typ.as_deref().unwrap_or("(none)")
            ),
            Err(e) => println!("signature {i}: unreadable header ({})", e.code()),
        }
    }
    let payload = jws.payload().unwrap_or_default();
    match serde_json::from_slice::<serde_json::Value>(&payload) {
        Ok(value) => println!(
            "payload (UNVERIFIED):\n{}",
            serde_json::to_string_pretty(&value)?
        ),
        Err(_) => println!("payload is not JSON ({} bytes)", payload.len()),
    }
    Ok(Outcome::Accepted)
}
