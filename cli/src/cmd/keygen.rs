//! `callguard keygen`: a new signing key as a private JWK (mode 0600).

use crate::io::{write_private, UsageError};
use callguard_core::jwk::{Alg, SigningKey};
use std::path::Path;

pub fn run(alg: &str, kid: &str, out: &Path) -> Result<(), UsageError> {
    let alg = Alg::from_jws(alg)
        .ok_or_else(|| UsageError::new(format!("--alg must be EdDSA or ES256, not {alg:?}")))?;
    if kid.is_empty() {
        return Err(UsageError::new("--kid must not be empty"));
    }
    let (key, private) = SigningKey::generate(alg, kid).map_err(UsageError::new)?;
    let mut json = serde_json::to_string_pretty(&private)?;
    json.push('\n');
    write_private(out, json.as_bytes())?;
    println!("{}", serde_json::to_string_pretty(&key.public_jwk())?);
    eprintln!(
        "private key written to {} (keep it secret; mode 0600)",
        out.display()
    );
    Ok(())
}
