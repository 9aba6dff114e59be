//! Call intents: the bank says, signed, "we are calling you now, from this
//! number, over this channel, about this" — and the phone checks it offline.
//!
//! - [`claims`]: the signed statement and its wire format
//! - [`accept`]: whether to believe one (every rule, each with its code)
//! - [`book`]: the intents in force on this phone: bounded, used once, purged
//!
//! Intents are signed by an *online* service, so with their own keys, which
//! the bank's offline-signed list delegates (`intent_keys`). An intent can
//! only make a call from a listed outbound number, on a channel the contact
//! uses, inside its time window, `expected` (see `screen::decide`); it can
//! never vouch for anything else. docs/call-intents.md is the spec.

pub mod accept;
pub mod book;
pub mod claims;
mod error;
pub mod sign;

pub use accept::{accept_intent, accept_stored_intent};
pub use book::{IntentBook, Received};
pub use claims::CallIntent;
pub use error::IntentError;
pub use sign::{sign_claims, IntentDraft};

/// The JWS `typ` of an intent (a list's is `callguard-list+json`).
pub const INTENT_TYP: &str = "callguard-intent+jwt";
/// The payload `type`.
pub const INTENT_TYPE: &str = "callguard.call-intent";
/// An intent is small; anything bigger is refused unread.
pub const MAX_INTENT_BYTES: usize = 4096;
/// `exp - nbf` may not exceed this (a list may set a shorter limit).
pub const MAX_WINDOW_SECS: i64 = 30 * 60;
/// Allowed difference between the phone's clock and the bank's, both ways.
pub const CLOCK_SKEW_SECS: i64 = 120;
/// Live intents kept per issuer; more is a flood.
pub const MAX_LIVE_PER_ISSUER: usize = 64;
/// Localized texts in an intent: `purpose` at most this many characters.
pub const MAX_PURPOSE_CHARS: usize = 100;

/// A new audience id for this install: 16 random bytes, base64url. The
/// bank app registers it with the bank's backend, which puts it in the
/// `aud` of every intent meant for this phone.
pub fn new_audience_id() -> Result<String, String> {
    use base64::Engine;
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| "no system randomness".to_string())?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Is `text` an audience id as `new_audience_id` makes them?
pub fn is_audience_id(text: &str) -> bool {
    text.len() == 22
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
