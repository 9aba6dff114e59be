//! Making an intent: what the bank's contact-centre backend does just
//! before an employee dials (the CLI's `callguard intent`, tests, the demo).
//! A JOSE library does the same: a compact JWS with `typ`
//! `callguard-intent+jwt` over the claims (docs/call-intents.md).

use super::{INTENT_TYP, INTENT_TYPE};
use crate::jwk::SigningKey;
use crate::model::Channel;
use crate::timestamp::Timestamp;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;

/// What the bank says about one call.
#[derive(Debug, Clone)]
pub struct IntentDraft<'a> {
    pub issuer: &'a str,
    pub id: &'a str,
    pub audience: &'a str,
    /// E.164, `+` and digits.
    pub from: &'a str,
    pub channel: Channel,
    /// (language, text) pairs; `en` first.
    pub agent: &'a [(&'a str, &'a str)],
    pub department: &'a [(&'a str, &'a str)],
    pub purpose: &'a [(&'a str, &'a str)],
    pub issued_at: Timestamp,
    pub not_before: Timestamp,
    pub expires_at: Timestamp,
}

fn texts(pairs: &[(&str, &str)]) -> serde_json::Value {
    pairs
        .iter()
        .map(|(l, t)| (l.to_string(), serde_json::Value::from(*t)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

impl IntentDraft<'_> {
    pub fn claims(&self) -> serde_json::Value {
        serde_json::json!({
            "type": INTENT_TYPE,
            "iss": self.issuer,
            "jti": self.id,
            "aud": self.audience,
            "from": self.from,
            "channel": self.channel.name(),
            "agent": texts(self.agent),
            "department": texts(self.department),
            "purpose": texts(self.purpose),
            "iat": self.issued_at.0,
            "nbf": self.not_before.0,
            "exp": self.expires_at.0,
        })
    }

    /// The compact JWS.
    pub fn sign(&self, key: &SigningKey) -> Result<String, String> {
        sign_claims(self.claims().to_string().as_bytes(), key)
    }
}

/// Signs any claims as an intent (tests use it to sign broken ones).
pub fn sign_claims(claims: &[u8], key: &SigningKey) -> Result<String, String> {
    let header =
        serde_json::json!({"alg": key.alg().jws_name(), "kid": key.kid, "typ": INTENT_TYP});
    let input = format!("{}.{}", B64.encode(header.to_string()), B64.encode(claims));
    let signature = key.sign(input.as_bytes())?;
    Ok(format!("{input}.{}", B64.encode(signature)))
}
