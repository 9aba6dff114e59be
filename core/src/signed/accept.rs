//! The acceptance rules, in the order they are checked. This is the one
//! place that decides whether a list may be believed.
//!
//! 1. size ≤ limit, before any parsing            → `too_large`
//! 2. JWS structure and headers                   → `malformed`, `unsupported_alg`, `wrong_type`
//! 3. signatures from ≥ threshold trusted keys    → `unknown_key`, `bad_signature`, `insufficient_signatures`
//! 4. payload rules (only now is it parsed)       → `wrong_type`, `unsupported_schema`, `malformed`
//! 5. payload issuer = trust issuer               → `issuer_mismatch`
//! 6. now ≤ expires_at                            → `expired`
//! 7. version against the last accepted one       → `rollback`, `conflicting_version`

use crate::error::ListError;
use crate::jws::Jws;
use crate::list::ContactList;
use crate::timestamp::Timestamp;
use crate::trust::Trust;
use std::sync::Arc;

/// 8 MiB: a million contacts fit; a hostile server cannot exhaust a phone.
pub const DEFAULT_MAX_LIST_BYTES: u64 = 8 * 1024 * 1024;

/// What was accepted for an issuer before: enough to refuse rollbacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    pub version: u64,
    pub payload_digest: [u8; 32],
}

/// A list whose signatures and issuer have been checked against a trust
/// file. Only `verify_signed_list` makes one, so nothing else can reach
/// the screening engine.
#[derive(Debug, Clone)]
pub struct VerifiedList {
    list: Arc<ContactList>,
}

impl VerifiedList {
    pub fn list(&self) -> &Arc<ContactList> {
        &self.list
    }

    pub fn prior(&self) -> Prior {
        Prior {
            version: self.list.version,
            payload_digest: self.list.payload_digest,
        }
    }

    pub fn is_expired(&self, now: Timestamp) -> bool {
        now > self.list.expires_at
    }
}

/// Steps 1-5: is this the issuer's list, signed as its trust file demands?
/// Time and history are not looked at (see `accept_list`).
pub fn verify_signed_list(
    jws: &[u8],
    trust: &Trust,
    max_bytes: u64,
) -> Result<VerifiedList, ListError> {
    if jws.len() as u64 > max_bytes {
        return Err(ListError::TooLarge { limit: max_bytes });
    }
    let parsed = Jws::parse(jws)?;
    parsed.verify(trust)?;
    let list = ContactList::parse(&parsed.payload()?)?;
    if list.issuer.id != trust.issuer {
        return Err(ListError::IssuerMismatch);
    }
    // List keys stay offline: one that also signs per-call intents online
    // would put the whole list within reach of the online service.
    if let Some(i) = list
        .intent_keys()
        .iter()
        .position(|k| trust.keys().iter().any(|t| t.key == k.key))
    {
        return Err(ListError::malformed(format!(
            "intent_keys[{i}]: a list signing key may not sign call intents"
        )));
    }
    Ok(VerifiedList {
        list: Arc::new(list),
    })
}

/// Step 6.
pub fn check_current(list: &VerifiedList, now: Timestamp) -> Result<(), ListError> {
    if list.is_expired(now) {
        Err(ListError::Expired)
    } else {
        Ok(())
    }
}

/// Step 7: never go back, and never accept two different lists under one version.
pub fn check_history(list: &VerifiedList, prior: Option<&Prior>) -> Result<(), ListError> {
    check_version(&list.prior(), prior)
}

/// Step 7 on versions alone. The state directory applies this very rule
/// again under its writer lock, so a list another process stored in the
/// meantime is respected too.
pub fn check_version(offered: &Prior, prior: Option<&Prior>) -> Result<(), ListError> {
    let Some(prior) = prior else { return Ok(()) };
    if offered.version < prior.version {
        return Err(ListError::Rollback {
            accepted: prior.version,
            offered: offered.version,
        });
    }
    if offered.version == prior.version && offered.payload_digest != prior.payload_digest {
        return Err(ListError::ConflictingVersion {
            version: offered.version,
        });
    }
    Ok(())
}

/// All seven steps: the rule for a list arriving from outside.
pub fn accept_list(
    jws: &[u8],
    trust: &Trust,
    max_bytes: u64,
    now: Timestamp,
    prior: Option<&Prior>,
) -> Result<VerifiedList, ListError> {
    let list = verify_signed_list(jws, trust, max_bytes)?;
    check_current(&list, now)?;
    check_history(&list, prior)?;
    Ok(list)
}
