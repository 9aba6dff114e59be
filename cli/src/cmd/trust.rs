//! `callguard trust`: a trust file from public JWKs.

use crate::io::{read, UsageError};
use callguard_core::jwk::{Jwk, PublicKey};
use callguard_core::Trust;
use std::path::PathBuf;

pub fn run(issuer: &str, threshold: usize, keys: &[PathBuf]) -> Result<(), UsageError> {
    let mut public = Vec::with_capacity(keys.len());
    for path in keys {
        let jwk = Jwk::from_json(&read(path)?)
            .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
        // Accept a private key file too, but only ever emit its public half.
        let kid = jwk
            .kid
            .clone()
            .ok_or_else(|| UsageError::new(format!("{}: no \"kid\"", path.display())))?;
        let key = PublicKey::from_jwk(&jwk)
            .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
        public.push(key.to_jwk(&kid));
    }
    let json = Trust::to_json(issuer, threshold, &public);
    // Check it with the very parser phones use before anyone ships it.
    Trust::from_json(json.to_string().as_bytes())?;
    println!("{}", serde_json::to_string_pretty(&json)?);
    Ok(())
}
