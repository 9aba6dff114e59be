//! JSON Web Signature (RFC 7515) in all three serializations, reduced to
//! the one question CallGuard asks: which trusted keys signed this payload?
//!
//! Deliberately narrow: only `EdDSA` and `ES256`, only attached base64url
//! payloads, only protected headers. Anything else is refused, not guessed.

use crate::error::ListError;
use crate::jwk::{Alg, SigningKey};
use crate::trust::Trust;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use std::borrow::Cow;

/// The `typ` every protected header must carry.
pub const LIST_TYP: &str = "callguard-list+json";
/// More signatures than this is an attack on our CPU, not a key rotation.
pub const MAX_SIGNATURES: usize = 16;

/// One signature as it appears in the serialization, still encoded.
#[derive(Debug, Clone)]
struct RawSignature<'a> {
    protected: Cow<'a, str>,
    signature: Cow<'a, str>,
}

/// General and flattened JSON in one shape, borrowed from the input (base64url
/// never needs JSON escapes); `signatures` tells them apart.
#[derive(Deserialize)]
struct JsonJws<'a> {
    #[serde(borrow)]
    payload: Cow<'a, str>,
    #[serde(default, borrow)]
    signatures: Option<Vec<JsonSignature<'a>>>,
    #[serde(default, borrow)]
    protected: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    signature: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct JsonSignature<'a> {
    #[serde(default, borrow)]
    protected: Option<Cow<'a, str>>,
    #[serde(borrow)]
    signature: Cow<'a, str>,
}

/// What the protected header must and may say. Duplicate members, known or
/// not, are refused before serde sees the header (`duplicates::check`),
/// which closes a parser-differential hole.
#[derive(Deserialize)]
struct ProtectedHeader {
    alg: Option<String>,
    kid: Option<String>,
    typ: Option<String>,
    /// Present at all, even as `null`: refused.
    #[serde(default, deserialize_with = "present")]
    crit: bool,
    #[serde(default, deserialize_with = "present")]
    b64: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// The decoded header, for `callguard inspect`.
#[derive(Debug, Clone)]
pub struct HeaderSummary {
    pub alg: Option<String>,
    pub kid: Option<String>,
    pub typ: Option<String>,
}

/// A parsed but unverified JWS.
/// The encoded payload and the signatures of one serialization.
type Parts<'a> = (Cow<'a, str>, Vec<RawSignature<'a>>);

/// Borrows from the input: a large list is not copied before it is checked.
#[derive(Debug, Clone)]
pub struct Jws<'a> {
    /// Checked at parse time (bad base64 is `malformed` before any signature
    /// check), decoded only when asked: a large list is never held twice
    /// while its signatures are verified.
    payload_b64: Cow<'a, str>,
    signatures: Vec<RawSignature<'a>>,
}

impl<'a> Jws<'a> {
    /// Parses general JSON, flattened JSON or compact serialization.
    pub fn parse(input: &'a [u8]) -> Result<Jws<'a>, ListError> {
        let text = std::str::from_utf8(input).map_err(|_| ListError::malformed("not UTF-8"))?;
        let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
        let (payload_b64, signatures) = if text.starts_with('{') {
            Self::parse_json(text)?
        } else {
            Self::parse_compact(text)?
        };
        check_b64(&payload_b64, "payload")?;
        let jws = Jws {
            payload_b64,
            signatures,
        };
        if jws.signatures.is_empty() {
            return Err(ListError::malformed("no signatures"));
        }
        if jws.signatures.len() > MAX_SIGNATURES {
            return Err(ListError::malformed(format!(
                "more than {MAX_SIGNATURES} signatures"
            )));
        }
        Ok(jws)
    }

    fn parse_json(text: &'a str) -> Result<Parts<'a>, ListError> {
        crate::duplicates::check(text.as_bytes())
            .map_err(|d| ListError::malformed(format!("JWS JSON: {d}")))?;
        let jws: JsonJws<'a> = serde_json::from_str(text)
            .map_err(|_| ListError::malformed("JWS JSON members missing, mistyped or invalid"))?;
        let signatures = match (jws.signatures, jws.protected, jws.signature) {
            // General serialization.
            (Some(list), None, None) => list
                .into_iter()
                .map(|s| {
                    Ok(RawSignature {
                        protected: s.protected.ok_or_else(|| {
                            ListError::malformed("a signature has no protected header")
                        })?,
                        signature: s.signature,
                    })
                })
                .collect::<Result<_, ListError>>()?,
            // Flattened serialization.
            (None, Some(protected), Some(signature)) => vec![RawSignature {
                protected,
                signature,
            }],
            _ => {
                return Err(ListError::malformed(
                    "neither general nor flattened JWS JSON",
                ))
            }
        };
        Ok((jws.payload, signatures))
    }

    fn parse_compact(text: &'a str) -> Result<Parts<'a>, ListError> {
        let mut parts = text.split('.');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(h), Some(p), Some(s), None) => Ok((
                Cow::Borrowed(p),
                vec![RawSignature {
                    protected: Cow::Borrowed(h),
                    signature: Cow::Borrowed(s),
                }],
            )),
            _ => Err(ListError::malformed(
                "neither JSON nor a three-part compact JWS",
            )),
        }
    }

    /// The payload bytes. Unverified until `verify` says otherwise.
    pub fn payload(&self) -> Result<Vec<u8>, ListError> {
        b64(&self.payload_b64, "payload")
    }

    /// Headers as they are, for display only.
    pub fn header_summaries(&self) -> Vec<Result<HeaderSummary, ListError>> {
        self.signatures
            .iter()
            .map(|s| {
                let h = decode_header(&s.protected)?;
                Ok(HeaderSummary {
                    alg: h.alg,
                    kid: h.kid,
                    typ: h.typ,
                })
            })
            .collect()
    }

    /// Counts the distinct trusted keys whose signatures verify and checks
    /// the threshold. Signatures we cannot use (unknown `kid` during a key
    /// rotation, say) are skipped; when not enough are valid, the error is
    /// the first unusable signature's reason.
    pub fn verify(&self, trust: &Trust) -> Result<(), ListError> {
        self.verify_typed(trust, LIST_TYP)
    }

    /// `verify` for another document signed under the same trust file
    /// (a feed manifest): every header must carry `typ`, so a list's
    /// signature never passes for a feed's, nor the other way round.
    pub fn verify_typed(&self, trust: &Trust, typ: &str) -> Result<(), ListError> {
        let mut valid_kids: Vec<&str> = Vec::new();
        let mut first_failure: Option<ListError> = None;
        for sig in &self.signatures {
            match self.check_one(sig, trust, typ) {
                Ok(kid) => {
                    // Each key counts once, however many times it signed.
                    if !valid_kids.contains(&kid) {
                        valid_kids.push(kid);
                    }
                }
                Err(e) => {
                    first_failure.get_or_insert(e);
                }
            }
        }
        if valid_kids.len() >= trust.threshold {
            return Ok(());
        }
        match (valid_kids.len(), first_failure) {
            (0, Some(e)) => Err(e),
            (valid, _) => Err(ListError::InsufficientSignatures {
                valid,
                threshold: trust.threshold,
            }),
        }
    }

    /// One signature: header rules, then the key, then the cryptography.
    fn check_one<'t>(
        &self,
        sig: &RawSignature<'_>,
        trust: &'t Trust,
        expected_typ: &str,
    ) -> Result<&'t str, ListError> {
        let header = decode_header(&sig.protected)?;
        let alg = match header.alg.as_deref() {
            Some(name) => Alg::from_jws(name).ok_or(ListError::UnsupportedAlg)?,
            None => return Err(ListError::UnsupportedAlg),
        };
        if header.crit {
            // We understand no extension, so any `crit` is fatal (RFC 7515
            // §4.1.11; an empty list is itself invalid there).
            return Err(ListError::malformed(
                "unsupported critical header parameter",
            ));
        }
        if header.b64 {
            // RFC 7797 unencoded payloads: refused, with or without crit.
            return Err(ListError::malformed(
                "\"b64\" header parameter is not supported",
            ));
        }
        match header.typ.as_deref() {
            Some(typ) if is_typ(typ, expected_typ) => {}
            _ => return Err(ListError::WrongType),
        }
        let kid = header
            .kid
            .as_deref()
            .ok_or_else(|| ListError::malformed("a header has no \"kid\""))?;
        let trusted = trust.key(kid).ok_or(ListError::UnknownKey)?;
        if trusted.key.alg() != alg {
            // A header naming another algorithm than the key's is an
            // algorithm-confusion attempt; it never verifies.
            return Err(ListError::BadSignature);
        }
        let signature = b64(&sig.signature, "signature").map_err(|_| ListError::BadSignature)?;
        let message = signing_input(&sig.protected, &self.payload_b64);
        if trusted.key.verify(message.as_bytes(), &signature) {
            Ok(trusted.kid.as_str())
        } else {
            Err(ListError::BadSignature)
        }
    }
}

/// `typ` is a media type: compared case-insensitively, with the optional
/// `application/` prefix (RFC 7515 §4.1.9).
fn is_typ(typ: &str, expected: &str) -> bool {
    let lower = typ.to_ascii_lowercase();
    lower == expected || lower.strip_prefix("application/") == Some(expected)
}

fn decode_header(protected: &str) -> Result<ProtectedHeader, ListError> {
    let bytes = b64(protected, "protected header")?;
    // A JSON object, not the array form serde would also map onto the struct.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ListError::malformed(
            "the protected header is not a JSON object",
        ));
    }
    crate::duplicates::check(&bytes)
        .map_err(|d| ListError::malformed(format!("protected header: {d}")))?;
    serde_json::from_slice(&bytes).map_err(|_| {
        ListError::malformed("the protected header is not a JSON object of the expected shape")
    })
}

fn signing_input(protected: &str, payload: &str) -> String {
    let mut s = String::with_capacity(protected.len() + payload.len() + 1);
    s.push_str(protected);
    s.push('.');
    s.push_str(payload);
    s
}

/// Validates base64url without keeping the bytes: decodes in slices into a
/// small buffer (64 KiB of text is a whole number of 4-character groups).
fn check_b64(text: &str, what: &str) -> Result<(), ListError> {
    let mut buf = vec![0u8; 48 * 1024];
    for chunk in text.as_bytes().chunks(64 * 1024) {
        URL_SAFE_NO_PAD
            .decode_slice(chunk, &mut buf)
            .map_err(|_| ListError::malformed(format!("{what} is not unpadded base64url")))?;
    }
    Ok(())
}

fn b64(text: &str, what: &str) -> Result<Vec<u8>, ListError> {
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| ListError::malformed(format!("{what} is not unpadded base64url")))
}

/// Signs `payload` with every key, as general JSON serialization.
pub fn sign_general(payload: &[u8], keys: &[&SigningKey]) -> Result<String, String> {
    sign_general_typed(payload, keys, LIST_TYP)
}

/// `sign_general` with another `typ` (a feed manifest's).
pub fn sign_general_typed(
    payload: &[u8],
    keys: &[&SigningKey],
    typ: &str,
) -> Result<String, String> {
    let payload_b64 = URL_SAFE_NO_PAD.encode(payload);
    let mut signatures = Vec::with_capacity(keys.len());
    for key in keys {
        let header = serde_json::json!({
            "alg": key.alg().jws_name(),
            "kid": key.kid,
            "typ": typ,
        });
        let protected = URL_SAFE_NO_PAD.encode(header.to_string());
        let sig = key.sign(signing_input(&protected, &payload_b64).as_bytes())?;
        signatures.push(serde_json::json!({
            "protected": protected,
            "signature": URL_SAFE_NO_PAD.encode(sig),
        }));
    }
    let doc = serde_json::json!({ "payload": payload_b64, "signatures": signatures });
    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
}
