//! Whether to believe an intent. In order, each refusal with its code:
//!
//! 1. at most `MAX_INTENT_BYTES` (`too_large`), a compact JWS whose
//!    protected header has `typ` `callguard-intent+jwt` (`wrong_type`), an
//!    `alg` of EdDSA/Ed25519/ES256 (`unsupported_alg`), a `kid`, no `crit`
//!    or `b64` (`malformed`);
//! 2. the claims parse (`malformed`, `wrong_type`);
//! 3. the issuer has a **current** list in force (`no_current_list`): an
//!    intent that arrives before its list is refused; the app may retry
//!    after the next sync;
//! 4. the `kid` is an intent key that list delegates (`key_not_delegated`:
//!    list keys never sign intents, they stay offline), not expired
//!    (`key_expired`), of the header's algorithm and the signature
//!    verifies (`bad_signature`, as for every JWS the SDK reads);
//! 5. `aud` is this install's audience id (`wrong_audience`);
//! 6. `exp - nbf` at most 30 minutes or the list's `max_intent_minutes`
//!    (`window_too_long`); `now` within `[nbf - 2 min, exp + 2 min]`
//!    (`not_yet_valid`, `expired`);
//! 7. `from` is a number of the list (`not_listed`) that the bank calls
//!    from (`inbound_only`) over `channel` (`channel_not_used`).
//!
//! Replays and floods are the book's business (`book.rs`).

use super::claims::{self, CallIntent};
use super::{IntentError, CLOCK_SKEW_SECS, INTENT_TYP, MAX_INTENT_BYTES, MAX_WINDOW_SECS};
use crate::jwk::Alg;
use crate::list::{ContactList, Match};
use crate::model::ContactDirection;
use crate::timestamp::Timestamp;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
struct Header {
    alg: Option<String>,
    kid: Option<String>,
    typ: Option<String>,
    #[serde(default)]
    crit: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    b64: Option<serde::de::IgnoredAny>,
}

fn b64(text: &str, what: &str) -> Result<Vec<u8>, IntentError> {
    B64.decode(text)
        .map_err(|_| IntentError::malformed(format!("{what} is not base64url without padding")))
}

/// Checks an intent against the lists in force, this install's audience
/// id and the clock. Never panics on any input.
pub fn accept_intent(
    bytes: &[u8],
    lists: &[Arc<ContactList>],
    audience: &str,
    now: Timestamp,
) -> Result<CallIntent, IntentError> {
    check(bytes, lists, audience, Some(now))
}

/// An intent read back from the state directory: every rule again but the
/// clock (what has expired since leaves the book by `purge` and never
/// matches a call, see `still_valid`).
pub fn accept_stored_intent(
    bytes: &[u8],
    lists: &[Arc<ContactList>],
    audience: &str,
) -> Result<CallIntent, IntentError> {
    check(bytes, lists, audience, None)
}

fn check(
    bytes: &[u8],
    lists: &[Arc<ContactList>],
    audience: &str,
    now: Option<Timestamp>,
) -> Result<CallIntent, IntentError> {
    if bytes.len() > MAX_INTENT_BYTES {
        return Err(IntentError::TooLarge);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| IntentError::malformed("not UTF-8"))?
        .trim_matches(|c: char| c.is_ascii_whitespace());
    let mut parts = text.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(IntentError::malformed("not a three-part compact JWS"));
    };

    // 1. The header.
    let header_bytes = b64(h, "header")?;
    crate::duplicates::check(&header_bytes).map_err(|d| IntentError::malformed(d.to_string()))?;
    let header: Header = serde_json::from_slice(&header_bytes)
        .map_err(|_| IntentError::malformed("the header is not a JSON object of strings"))?;
    if header.typ.as_deref() != Some(INTENT_TYP) {
        return Err(IntentError::WrongType);
    }
    let alg = header
        .alg
        .as_deref()
        .and_then(Alg::from_jws)
        .ok_or(IntentError::UnsupportedAlg)?;
    if header.crit.is_some() || header.b64.is_some() {
        return Err(IntentError::malformed(
            "\"crit\" and \"b64\" are not supported",
        ));
    }
    let kid = header
        .kid
        .ok_or_else(|| IntentError::malformed("the header has no \"kid\""))?;

    // 2. The claims (unverified until 4).
    let claims = claims::parse(&b64(p, "payload")?)?;

    // 3. The issuer's current list.
    let list = lists
        .iter()
        .find(|l| l.issuer.id == claims.issuer)
        .filter(|l| now.is_none_or(|now| now <= l.expires_at))
        .ok_or(IntentError::NoCurrentList)?;

    // 4. A delegated key, and the signature.
    let key = list.intent_key(&kid).ok_or(IntentError::KeyNotDelegated)?;
    if now.is_some_and(|now| now > key.expires_at) {
        return Err(IntentError::KeyExpired);
    }
    if key.key.alg() != alg {
        // Supported, but not this key's: it never verifies. The rule of
        // every JWS the SDK reads (lists and feeds too): `bad_signature`.
        return Err(IntentError::BadSignature);
    }
    let signature = b64(s, "signature").map_err(|_| IntentError::BadSignature)?;
    let signing_input = &text[..h.len() + 1 + p.len()];
    if !key.key.verify(signing_input.as_bytes(), &signature) {
        return Err(IntentError::BadSignature);
    }

    // 5. This phone.
    if claims.audience != audience {
        return Err(IntentError::WrongAudience);
    }

    // 6. The time window.
    let window = claims.expires_at.0.saturating_sub(claims.not_before.0);
    if window > MAX_WINDOW_SECS.min(list.max_intent_window_secs()) {
        return Err(IntentError::WindowTooLong);
    }
    if let Some(now) = now {
        if now.0.saturating_add(CLOCK_SKEW_SECS) < claims.not_before.0 {
            return Err(IntentError::NotYetValid);
        }
        if now.0.saturating_sub(CLOCK_SKEW_SECS) > claims.expires_at.0 {
            return Err(IntentError::Expired);
        }
    }

    // 7. Only for a number the bank calls from, on a channel it uses.
    let usage = match list.match_number(claims.from) {
        Some(Match::Number(e)) => e.usage,
        Some(Match::Prefix(p)) => p.usage,
        None => return Err(IntentError::NotListed),
    };
    if usage.direction == ContactDirection::InboundOnly {
        return Err(IntentError::InboundOnly);
    }
    if !usage.channels.contains(claims.channel) {
        return Err(IntentError::ChannelNotUsed);
    }

    let digest = claims.identity();
    Ok(CallIntent {
        issuer: claims.issuer,
        id: claims.id,
        kid,
        from: claims.from,
        channel: claims.channel,
        agent: claims.agent,
        department: claims.department,
        purpose: claims.purpose,
        issued_at: claims.issued_at,
        not_before: claims.not_before,
        expires_at: claims.expires_at,
        digest,
        jws: text.to_string(),
    })
}

/// Is `intent` still good at `now` against the lists in force: its list
/// current, its key still delegated and unexpired, inside its window?
/// (A newer list that drops the key revokes every intent it signed.)
pub fn still_valid(intent: &CallIntent, lists: &[Arc<ContactList>], now: Timestamp) -> bool {
    let in_window = now.0.saturating_add(CLOCK_SKEW_SECS) >= intent.not_before.0
        && now.0.saturating_sub(CLOCK_SKEW_SECS) <= intent.expires_at.0;
    in_window
        && lists
            .iter()
            .find(|l| l.issuer.id == intent.issuer)
            .filter(|l| now <= l.expires_at)
            .and_then(|l| l.intent_key(&intent.kid))
            .is_some_and(|k| now <= k.expires_at)
}
