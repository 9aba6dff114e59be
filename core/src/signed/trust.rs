//! The trust file: which keys may sign an issuer's list, and how many must.
//!
//! A JWK Set (RFC 7517) with two extra members, `issuer` and `threshold`.
//! Apps pin it in their binary; it is never fetched or read from the state
//! directory, so nobody who can write files or the network can change it.

use crate::error::TrustError;
use crate::jwk::{Alg, Jwk, PublicKey};
use serde::Deserialize;

/// More keys than this in one trust file is a mistake, not a rotation.
pub const MAX_TRUSTED_KEYS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trust {
    pub issuer: String,
    pub threshold: usize,
    keys: Vec<TrustedKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    pub kid: String,
    pub key: PublicKey,
}

#[derive(Deserialize)]
struct TrustFile {
    issuer: String,
    #[serde(default)]
    threshold: Option<u64>,
    keys: Vec<Jwk>,
}

/// Issuer ids become file names in the state directory, so they are kept
/// to a safe alphabet: `[a-z0-9][a-z0-9._-]{0,63}`.
pub fn is_valid_issuer_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

impl Trust {
    pub fn from_json(json: &[u8]) -> Result<Trust, TrustError> {
        crate::duplicates::check(json).map_err(|d| TrustError(d.to_string()))?;
        let file: TrustFile = serde_json::from_slice(json).map_err(|e| {
            TrustError(format!(
                "not a trust file: {}",
                crate::shape::explain_shape(json, &crate::shape::TRUST, "trust file", &e)
            ))
        })?;
        if !is_valid_issuer_id(&file.issuer) {
            return Err(TrustError(
                "\"issuer\" must match [a-z0-9][a-z0-9._-]{0,63}".into(),
            ));
        }
        if file.keys.is_empty() || file.keys.len() > MAX_TRUSTED_KEYS {
            return Err(TrustError(format!(
                "\"keys\" must hold 1 to {MAX_TRUSTED_KEYS} keys"
            )));
        }
        let mut keys: Vec<TrustedKey> = Vec::with_capacity(file.keys.len());
        for (i, jwk) in file.keys.iter().enumerate() {
            if jwk.d.is_some() {
                // A private key pasted into an app binary is a leak, not a trust anchor.
                return Err(TrustError(format!(
                    "keys[{i}] is a private key (has \"d\")"
                )));
            }
            if jwk.use_.as_deref().is_some_and(|u| u != "sig") {
                return Err(TrustError(format!("keys[{i}] is not a signing key")));
            }
            let kid = match jwk.kid.as_deref() {
                Some(kid) if !kid.is_empty() => kid.to_string(),
                _ => return Err(TrustError(format!("keys[{i}] has no \"kid\""))),
            };
            let key =
                PublicKey::from_jwk(jwk).map_err(|e| TrustError(format!("keys[{i}]: {e}")))?;
            if let Some(alg) = jwk.alg.as_deref() {
                if Alg::from_jws(alg) != Some(key.alg()) {
                    return Err(TrustError(format!(
                        "keys[{i}]: \"alg\" does not fit the key type"
                    )));
                }
            }
            if keys.iter().any(|k| k.kid == kid) {
                return Err(TrustError(format!("keys[{i}]: duplicate \"kid\"")));
            }
            // The same key under two kids would let one signer count twice.
            if keys.iter().any(|k| k.key == key) {
                return Err(TrustError(format!("keys[{i}]: the same key appears twice")));
            }
            keys.push(TrustedKey { kid, key });
        }
        let threshold = file.threshold.unwrap_or(1);
        if threshold == 0 || threshold > keys.len() as u64 {
            return Err(TrustError(format!(
                "\"threshold\" must be between 1 and the number of keys ({})",
                keys.len()
            )));
        }
        Ok(Trust {
            issuer: file.issuer,
            threshold: threshold as usize,
            keys,
        })
    }

    pub fn key(&self, kid: &str) -> Option<&TrustedKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    pub fn keys(&self) -> &[TrustedKey] {
        &self.keys
    }

    /// A trust file for publishers' tooling (`callguard trust`).
    pub fn to_json(issuer: &str, threshold: usize, public_keys: &[Jwk]) -> serde_json::Value {
        serde_json::json!({
            "issuer": issuer,
            "threshold": threshold,
            "keys": public_keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwk::SigningKey;

    fn public(alg: Alg, kid: &str) -> Jwk {
        SigningKey::generate(alg, kid).unwrap().0.public_jwk()
    }

    #[test]
    fn accepts_both_key_types_and_defaults_threshold() {
        let json = Trust::to_json(
            "example-bank",
            1,
            &[public(Alg::EdDsa, "a"), public(Alg::Es256, "b")],
        );
        let mut value = json;
        value.as_object_mut().unwrap().remove("threshold");
        let trust = Trust::from_json(value.to_string().as_bytes()).unwrap();
        assert_eq!(trust.threshold, 1);
        assert_eq!(trust.keys().len(), 2);
        assert!(trust.key("b").is_some());
    }

    #[test]
    fn refuses_private_keys_duplicates_and_bad_thresholds() {
        let (_, private) = SigningKey::generate(Alg::EdDsa, "a").unwrap();
        let k = public(Alg::EdDsa, "a");
        let mut same_key_other_kid = k.clone();
        same_key_other_kid.kid = Some("b".into());
        let cases = [
            Trust::to_json("bank", 1, &[private]),
            Trust::to_json("bank", 1, &[k.clone(), k.clone()]),
            Trust::to_json("bank", 1, &[k.clone(), same_key_other_kid]),
            Trust::to_json("bank", 2, std::slice::from_ref(&k)),
            Trust::to_json("bank", 0, std::slice::from_ref(&k)),
            Trust::to_json("Bank With Spaces", 1, std::slice::from_ref(&k)),
            Trust::to_json("bank", 1, &[]),
        ];
        for case in cases {
            assert!(
                Trust::from_json(case.to_string().as_bytes()).is_err(),
                "{case}"
            );
        }
        assert!(Trust::from_json(b"{").is_err());
    }

    #[test]
    fn issuer_ids_are_file_name_safe() {
        assert!(is_valid_issuer_id("example-bank"));
        assert!(is_valid_issuer_id("bank.ru_2"));
        for bad in ["", "-x", "../x", "a/b", "A", "x".repeat(65).as_str()] {
            assert!(!is_valid_issuer_id(bad), "{bad}");
        }
    }
}
