//! `callguard sign`: checks a payload against every list rule, then signs
//! it with each key (general JSON serialization).

use crate::io::{read, system_now, UsageError};
use callguard_core::jwk::{Jwk, SigningKey};
use callguard_core::{feed, jws, ContactList, ListError};
use std::path::{Path, PathBuf};

pub fn run(keys: &[PathBuf], input: &Path, out: &Path) -> Result<(), UsageError> {
    let payload = read(input)?;
    let kind = serde_json::from_slice::<serde_json::Value>(&payload)
        .ok()
        .and_then(|v| v.get("type")?.as_str().map(str::to_string));
    if kind.as_deref() == Some(feed::FEED_TYPE) {
        return sign_feed(keys, input, &payload, out);
    }
    let list = ContactList::parse(&payload).map_err(|e| refusal(&payload, &e))?;
    if list.expires_at < system_now() {
        return Err(UsageError::new(
            "refusing to sign: \"expires_at\" is in the past",
        ));
    }
    let signers = signing_keys(keys)?;
    let signers: Vec<&SigningKey> = signers.iter().collect();
    let signed = jws::sign_general(&payload, &signers).map_err(UsageError::new)?;
    std::fs::write(out, format!("{signed}\n"))
        .map_err(|e| UsageError::new(format!("cannot write {}: {e}", out.display())))?;
    println!(
        "signed {} with {} key(s): issuer {}, version {}, {} contacts -> {}",
        input.display(),
        signers.len(),
        list.issuer.id,
        list.version,
        list.contact_count(),
        out.display()
    );
    Ok(())
}

/// A feed manifest payload (docs/feed-format.md §5): checked, then signed
/// with the feed's own `typ`, by the same keys as the list.
fn sign_feed(keys: &[PathBuf], input: &Path, payload: &[u8], out: &Path) -> Result<(), UsageError> {
    let manifest = feed::FeedManifest::parse(payload)
        .map_err(|e| UsageError::new(format!("refusing to sign: {e}")))?;
    if manifest.expires_at < system_now() {
        return Err(UsageError::new(
            "refusing to sign: \"expires_at\" is in the past",
        ));
    }
    let signers = signing_keys(keys)?;
    let signers: Vec<&SigningKey> = signers.iter().collect();
    let signed =
        jws::sign_general_typed(payload, &signers, feed::FEED_TYP).map_err(UsageError::new)?;
    std::fs::write(out, format!("{signed}\n"))
        .map_err(|e| UsageError::new(format!("cannot write {}: {e}", out.display())))?;
    eprintln!(
        "signed feed manifest {} with {} key(s): issuer {}, version {}, {} blob(s) -> {}",
        input.display(),
        signers.len(),
        manifest.issuer,
        manifest.version,
        manifest.blobs.len(),
        out.display()
    );
    Ok(())
}

fn signing_keys(keys: &[PathBuf]) -> Result<Vec<SigningKey>, UsageError> {
    let mut signers = Vec::with_capacity(keys.len());
    for path in keys {
        let jwk: Jwk = serde_json::from_slice(&read(path)?)
            .map_err(|e| UsageError::new(format!("{}: not a JWK: {e}", path.display())))?;
        let key = SigningKey::from_jwk(&jwk)
            .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
        if signers.iter().any(|k: &SigningKey| k.kid == key.kid) {
            return Err(UsageError::new(format!(
                "two keys share the kid {:?}",
                key.kid
            )));
        }
        signers.push(key);
    }
    Ok(signers)
}

/// The publisher's own file: quoting the offending contact helps them fix it.
fn refusal(payload: &[u8], error: &ListError) -> UsageError {
    let mut message = format!("refusing to sign: {error}");
    if let ListError::InvalidContact { index, .. } = error {
        let contact = serde_json::from_slice::<serde_json::Value>(payload)
            .ok()
            .and_then(|v| v.get("contacts")?.get(*index).cloned());
        if let Some(contact) = contact {
            message.push_str(&format!("\n  the offending contact: {contact}"));
        }
    }
    UsageError::new(message)
}
