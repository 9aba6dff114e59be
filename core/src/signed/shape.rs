//! Type errors that name the field and what was expected.
//!
//! When serde refuses a document's shape, its message either quotes the
//! value (`invalid type: string "+7900…"`, which must never reach an error
//! string) or is reduced to a position (`unexpected structure at line 1
//! column 743`), which tells a publisher nothing. So on that failure path,
//! and only there, the document is read again as a tree and walked against
//! the same shape the typed parsers expect; the first mismatch is reported
//! by path and type: `version: expected a whole number, found a string`.
//!
//! The tree costs memory, but a list payload only gets here after its
//! signatures verified (a publisher bug, not an attack), and trust files
//! and keys are small.

use serde_json::Value;

/// What a member must hold.
pub(crate) enum Shape {
    Str,
    /// A JSON integer from 0 to `u64::MAX` (serde's `u64`).
    Uint,
    /// A JSON integer from `i64::MIN` to `i64::MAX` (serde's `i64`).
    Int,
    Bool,
    Object(&'static [Member]),
    ArrayOf(&'static Shape),
    /// An object whose values all have this shape (language maps).
    MapOf(&'static Shape),
}

/// Whether a member may be left out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    /// Absent or `null` (an `Option`).
    Optional,
    /// Absent, but not `null` (a `#[serde(default)]` collection).
    Defaulted,
}

pub(crate) struct Member(pub &'static str, pub Need, pub Shape);

use Need::{Defaulted, Optional, Required};
use Shape::{ArrayOf, Bool, Int, MapOf, Object, Str, Uint};

const CONTACT: &[Member] = &[
    Member("number", Optional, Str),
    Member("prefix", Optional, Str),
    Member("short_code", Optional, Str),
    Member("region", Optional, Str),
    Member("direction", Required, Str),
    Member("channels", Optional, ArrayOf(&Str)),
    Member("label", Required, MapOf(&Str)),
    Member("contact_name_hint", Optional, MapOf(&Str)),
];

const ISSUER: &[Member] = &[
    Member("id", Required, Str),
    Member("name", Required, MapOf(&Str)),
    Member("aliases", Defaulted, ArrayOf(&Str)),
    Member("authority_phrases", Defaulted, ArrayOf(&Str)),
];

/// The list payload (`list::RawPayload`, `RawIssuer`, `RawContact`).
pub(crate) const PAYLOAD: Shape = Object(&[
    Member("type", Required, Str),
    Member("schema", Required, Uint),
    Member("issuer", Required, Object(ISSUER)),
    Member("version", Required, Uint),
    Member("issued_at", Required, Str),
    Member("expires_at", Required, Str),
    Member("contacts", Required, ArrayOf(&Object(CONTACT))),
    Member("intent_keys", Optional, ArrayOf(&Object(INTENT_KEY))),
    Member("announces_calls", Optional, Bool),
    Member("max_intent_minutes", Optional, Uint),
    Member("action_policy", Optional, Object(ACTION_POLICY)),
]);

/// The bank's rules for risky actions (`session::policy::ActionPolicy`).
const ACTION_POLICY: &[Member] = &[
    Member("recent_minutes", Optional, Uint),
    Member("rules", Optional, ArrayOf(&Object(POLICY_RULE))),
];

const POLICY_RULE: &[Member] = &[
    Member("reason", Required, Str),
    Member("actions", Required, ArrayOf(&Str)),
    Member("level", Required, Str),
    Member("hold_minutes", Optional, Uint),
];

/// A delegated intent key: a JWK with its own expiry (`list::RawIntentKey`).
const INTENT_KEY: &[Member] = &[
    Member("kty", Required, Str),
    Member("crv", Required, Str),
    Member("x", Required, Str),
    Member("y", Optional, Str),
    Member("d", Optional, Str),
    Member("kid", Optional, Str),
    Member("alg", Optional, Str),
    Member("use", Optional, Str),
    Member("expires_at", Required, Str),
];

/// A call intent's claims (`intent::claims::RawClaims`).
pub(crate) const INTENT_CLAIMS: Shape = Object(&[
    Member("type", Required, Str),
    Member("iss", Required, Str),
    Member("jti", Required, Str),
    Member("aud", Required, Str),
    Member("from", Required, Str),
    Member("channel", Required, Str),
    Member("agent", Required, MapOf(&Str)),
    Member("department", Required, MapOf(&Str)),
    Member("purpose", Required, MapOf(&Str)),
    Member("iat", Required, Int),
    Member("nbf", Required, Int),
    Member("exp", Required, Int),
]);

const FEED_BLOB: &[Member] = &[
    Member("name", Required, Str),
    Member("kind", Required, Str),
    Member("sha256", Required, Str),
    Member("length", Required, Uint),
    Member("from_version", Optional, Uint),
];

/// A feed manifest (`feed::manifest::RawManifest`).
pub(crate) const FEED_MANIFEST: Shape = Object(&[
    Member("type", Required, Str),
    Member("schema", Required, Uint),
    Member("issuer", Required, Str),
    Member("version", Required, Uint),
    Member("issued_at", Required, Str),
    Member("expires_at", Required, Str),
    Member("blobs", Required, ArrayOf(&Object(FEED_BLOB))),
]);

const JWK_MEMBERS: &[Member] = &[
    Member("kty", Required, Str),
    Member("crv", Required, Str),
    Member("x", Required, Str),
    Member("y", Optional, Str),
    Member("d", Optional, Str),
    Member("kid", Optional, Str),
    Member("alg", Optional, Str),
    Member("use", Optional, Str),
];

/// One JWK (`jwk::Jwk`).
pub(crate) const JWK: Shape = Object(JWK_MEMBERS);

/// The trust file (`trust::TrustFile`).
pub(crate) const TRUST: Shape = Object(&[
    Member("issuer", Required, Str),
    Member("threshold", Optional, Uint),
    Member("keys", Required, ArrayOf(&JWK)),
]);

/// The first place where `json` does not have `shape`, as
/// `path: expected …, found …`; `None` if it is not JSON or has the shape.
/// `root` names the document itself (`payload`, `trust file`).
pub(crate) fn explain(json: &[u8], shape: &Shape, root: &str) -> Option<String> {
    let value: Value = serde_json::from_slice(json).ok()?;
    match (shape, &value) {
        (Object(_), Value::Object(_)) => walk(&value, shape, ""),
        _ => Some(format!(
            "{root}: expected {}, found {}",
            expected(shape),
            found(&value)
        )),
    }
}

fn walk(value: &Value, shape: &Shape, path: &str) -> Option<String> {
    let wrong = || {
        Some(format!(
            "{path}: expected {}, found {}",
            expected(shape),
            found(value)
        ))
    };
    match (shape, value) {
        (Str, Value::String(_)) => None,
        (Uint, Value::Number(n)) if n.is_u64() => None,
        (Int, Value::Number(n)) if n.is_i64() => None,
        (Bool, Value::Bool(_)) => None,
        (Object(members), Value::Object(map)) => {
            for Member(name, need, inner) in members.iter() {
                let child = match (map.get(*name), need) {
                    (None, Required) => return Some(missing(path, name)),
                    (None, _) | (Some(Value::Null), Optional) => continue,
                    (Some(child), _) => child,
                };
                if let Some(e) = walk(child, inner, &join(path, name)) {
                    return Some(e);
                }
            }
            None
        }
        (ArrayOf(inner), Value::Array(items)) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| walk(item, inner, &format!("{path}[{i}]"))),
        // Keys are content (language tags, say): the path stops at the map.
        (MapOf(inner), Value::Object(map)) => map.values().find_map(|v| {
            walk(v, inner, "").map(|_| {
                format!(
                    "{path}: expected {}, found {} as a value",
                    expected(shape),
                    found(v)
                )
            })
        }),
        _ => wrong(),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn missing(path: &str, name: &str) -> String {
    if path.is_empty() {
        format!("\"{name}\" is missing")
    } else {
        format!("{path}: \"{name}\" is missing")
    }
}

fn expected(shape: &Shape) -> &'static str {
    match shape {
        Str => "a string",
        Uint => "a whole number from 0",
        Int => "a whole number",
        Bool => "true or false",
        Object(_) => "an object",
        ArrayOf(Str) => "an array of strings",
        ArrayOf(Object(_)) => "an array of objects",
        ArrayOf(_) => "an array",
        MapOf(_) => "an object whose values are strings",
    }
}

/// The JSON type of a value, never the value.
fn found(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(n) if n.is_u64() => "a whole number",
        Value::Number(n) if n.is_i64() => "a negative number",
        Value::Number(_) => "a number with a fraction or an exponent (or too large)",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Why serde refused a document: the field and the expected type when the
/// JSON was fine but its shape was not, else the category and position.
pub(crate) fn explain_shape(
    json: &[u8],
    shape: &Shape,
    root: &str,
    error: &serde_json::Error,
) -> String {
    let named = match error.classify() {
        serde_json::error::Category::Data => explain(json, shape, root),
        _ => None,
    };
    named.unwrap_or_else(|| error.classify_for_humans())
}

/// serde_json's messages can quote input; keep only the category and position.
pub(crate) trait ClassifyForHumans {
    fn classify_for_humans(&self) -> String;
}

impl ClassifyForHumans for serde_json::Error {
    fn classify_for_humans(&self) -> String {
        let kind = match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "invalid JSON",
            serde_json::error::Category::Data => "unexpected structure",
            serde_json::error::Category::Eof => "truncated JSON",
        };
        format!("{kind} at line {} column {}", self.line(), self.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain_str(json: &str, shape: &Shape) -> Option<String> {
        explain(json.as_bytes(), shape, "trust file")
    }

    #[test]
    fn names_the_path_and_the_types_never_the_value() {
        let cases = [
            (r#"{"issuer":"b","keys":[]}"#, None),
            (r#"{"keys":[]}"#, Some("\"issuer\" is missing")),
            (
                r#"{"issuer":"b","threshold":1.0,"keys":[]}"#,
                Some("threshold: expected a whole number from 0, found a number with a fraction or an exponent (or too large)"),
            ),
            (r#"{"issuer":"b","threshold":null,"keys":[]}"#, None),
            (
                r#"{"issuer":"b","keys":[{"kty":"OKP","crv":"Ed25519","x":7}]}"#,
                Some("keys[0].x: expected a string, found a whole number"),
            ),
            (
                r#"{"issuer":"b","keys":[{"kty":"OKP","x":"a"}]}"#,
                Some("keys[0]: \"crv\" is missing"),
            ),
            (r#"[]"#, Some("trust file: expected an object, found an array")),
        ];
        for (json, want) in cases {
            assert_eq!(explain_str(json, &TRUST).as_deref(), want, "{json}");
        }
    }

    #[test]
    fn language_maps_do_not_print_their_keys() {
        let payload = r#"{"type":"t","schema":1,"issuer":{"id":"b","name":{"secret-key":5}},
            "version":1,"issued_at":"x","expires_at":"y","contacts":[]}"#;
        let e = explain_str(payload, &PAYLOAD).unwrap();
        assert_eq!(
            e,
            "issuer.name: expected an object whose values are strings, found a whole number as a value"
        );
    }
}
