//! The signed statement: who calls, from where, over what, about what, when.
//!
//! ```json
//! {"type": "callguard.call-intent", "iss": "example-bank", "jti": "c-20261201-0001",
//!  "aud": "<the phone's audience id>", "from": "+74950000001", "channel": "phone",
//!  "agent": {"en": "Anna", "ru": "Анна"}, "department": {"en": "Card department"},
//!  "purpose": {"en": "your credit card application"},
//!  "iat": 1796083200, "nbf": 1796083200, "exp": 1796083800}
//! ```
//! Times are JWT NumericDates (Unix seconds).

use super::{IntentError, INTENT_TYPE, MAX_PURPOSE_CHARS};
use crate::model::{Channel, Localized};
use crate::timestamp::Timestamp;
use serde::Deserialize;
use std::collections::BTreeMap;

const MAX_TEXT_CHARS: usize = 100;
/// 9999-12-31T23:59:59Z.
const MAX_NUMERIC_DATE: i64 = 253_402_300_799;

/// An intent whose signature and rules have been checked (see `accept`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallIntent {
    pub issuer: String,
    /// `jti`: unique per intent of an issuer.
    pub id: String,
    /// The intent key that signed it (`kid`): revoked when a list drops it.
    pub kid: String,
    /// E.164 digits of the number the call will come from.
    pub from: u64,
    pub channel: Channel,
    pub agent: Localized,
    pub department: Localized,
    pub purpose: Localized,
    pub issued_at: Timestamp,
    pub not_before: Timestamp,
    pub expires_at: Timestamp,
    /// SHA-256 of what the claims say (`Claims::identity`), never of the
    /// bytes: the same `jti` saying something else is a replay; the same
    /// claims signed again (a push retry, ES256's random signatures) are
    /// the same intent.
    pub digest: [u8; 32],
    /// The JWS as received, for the state directory (re-verified on load).
    pub jws: String,
}

#[derive(Deserialize)]
struct RawClaims {
    #[serde(rename = "type")]
    kind: String,
    iss: String,
    jti: String,
    aud: String,
    from: String,
    channel: String,
    agent: BTreeMap<String, String>,
    department: BTreeMap<String, String>,
    purpose: BTreeMap<String, String>,
    iat: i64,
    nbf: i64,
    exp: i64,
}

/// The claims before the signature is checked: only the issuer is read
/// from them first, to find the keys.
pub(crate) struct Claims {
    pub issuer: String,
    pub id: String,
    pub audience: String,
    pub from: u64,
    pub channel: Channel,
    pub agent: Localized,
    pub department: Localized,
    pub purpose: Localized,
    pub issued_at: Timestamp,
    pub not_before: Timestamp,
    pub expires_at: Timestamp,
}

impl Claims {
    /// What the intent says, as the phone reads it (every claim it uses,
    /// texts as shown; unknown claims, key order, white space and the
    /// signature left out), hashed: two intents with the same `jti` are
    /// the same intent exactly when this is equal.
    pub(crate) fn identity(&self) -> [u8; 32] {
        // Language keys in any case are one language.
        fn texts(l: &Localized) -> Vec<[String; 2]> {
            let mut v: Vec<[String; 2]> = l
                .pairs()
                .map(|(k, t)| [k.to_ascii_lowercase(), t.to_string()])
                .collect();
            v.sort();
            v
        }
        let said = serde_json::json!([
            self.issuer,
            self.id,
            self.audience,
            self.from,
            self.channel.name(),
            texts(&self.agent),
            texts(&self.department),
            texts(&self.purpose),
            self.issued_at.0,
            self.not_before.0,
            self.expires_at.0,
        ]);
        crate::list::sha256(said.to_string().as_bytes())
    }
}

pub(crate) fn parse(payload: &[u8]) -> Result<Claims, IntentError> {
    crate::duplicates::check(payload).map_err(|d| IntentError::malformed(d.to_string()))?;
    let raw: RawClaims = serde_json::from_slice(payload).map_err(|e| {
        // Another document is `wrong_type`, not a shape error.
        let kind = serde_json::from_slice::<serde_json::Value>(payload)
            .ok()
            .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned));
        if kind.is_some_and(|k| k != INTENT_TYPE) {
            return IntentError::WrongType;
        }
        let shape = match e.classify() {
            serde_json::error::Category::Data => {
                crate::shape::explain(payload, &crate::shape::INTENT_CLAIMS, "claims")
            }
            _ => None,
        };
        IntentError::malformed(shape.unwrap_or_else(|| {
            format!(
                "claims: {}",
                crate::shape::ClassifyForHumans::classify_for_humans(&e)
            )
        }))
    })?;
    if raw.kind != INTENT_TYPE {
        return Err(IntentError::WrongType);
    }
    if !crate::trust::is_valid_issuer_id(&raw.iss) {
        return Err(IntentError::malformed("\"iss\" is not an issuer id"));
    }
    let token_ok = |s: &str, max: usize| {
        !s.is_empty()
            && s.len() <= max
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b))
    };
    if !token_ok(&raw.jti, 64) {
        return Err(IntentError::malformed(
            "\"jti\" must be 1-64 of A-Z a-z 0-9 . _ : -",
        ));
    }
    if !token_ok(&raw.aud, 128) {
        return Err(IntentError::malformed(
            "\"aud\" must be 1-128 of A-Z a-z 0-9 . _ : -",
        ));
    }
    let from = raw
        .from
        .strip_prefix('+')
        .filter(|d| (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        .filter(|d| !d.starts_with('0'))
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| IntentError::malformed("\"from\" must be E.164: + and 8-15 digits"))?;
    let channel = Channel::from_name(&raw.channel)
        .ok_or_else(|| IntentError::malformed("\"channel\" is not a known channel"))?;
    // NumericDates from 1970 to 9999: no arithmetic on them can overflow.
    let date_ok = |t: i64| (0..=MAX_NUMERIC_DATE).contains(&t);
    if !(date_ok(raw.iat) && date_ok(raw.nbf) && date_ok(raw.exp)) {
        return Err(IntentError::malformed(
            "\"iat\", \"nbf\" and \"exp\" must be Unix seconds between 1970 and 9999",
        ));
    }
    if raw.nbf > raw.exp {
        return Err(IntentError::malformed("\"nbf\" is after \"exp\""));
    }
    Ok(Claims {
        issuer: raw.iss,
        id: raw.jti,
        audience: raw.aud,
        from,
        channel,
        agent: localized(raw.agent, "agent", MAX_TEXT_CHARS)?,
        department: localized(raw.department, "department", MAX_TEXT_CHARS)?,
        purpose: localized(raw.purpose, "purpose", MAX_PURPOSE_CHARS)?,
        issued_at: Timestamp(raw.iat),
        not_before: Timestamp(raw.nbf),
        expires_at: Timestamp(raw.exp),
    })
}

/// A language map of an intent: the rule of every document
/// (`display_text::language_map`), with the claim's own length.
fn localized(
    map: BTreeMap<String, String>,
    field: &str,
    max_chars: usize,
) -> Result<Localized, IntentError> {
    crate::display_text::language_map(map.iter().map(|(l, t)| (l.as_str(), t.as_str())), max_chars)
        .map_err(|e| IntentError::malformed(format!("\"{field}\": {e}")))
}

/// The payload rules alone (no signature, no list): for publishers that
/// want to refuse a bad intent before signing it.
pub fn check_claims(payload: &[u8]) -> Result<(), IntentError> {
    parse(payload).map(|_| ())
}

/// The `aud` of an intent, unverified (for tools that play a phone).
pub fn unverified_audience(jws: &[u8]) -> Option<String> {
    use base64::Engine;
    let text = std::str::from_utf8(jws).ok()?.trim();
    let payload = text.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value["aud"].as_str().map(str::to_string)
}
