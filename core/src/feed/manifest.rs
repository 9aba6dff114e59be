//! The signed part of a feed: which blobs make up version N, by SHA-256
//! and length (the TUF "targets" idea: the signature covers the hash, the
//! bytes may come from any CDN).
//!
//! ```json
//! {"type": "callguard.feed-manifest", "schema": 1, "issuer": "example-bank",
//!  "version": 42, "issued_at": "2026-12-01T00:00:00Z", "expires_at": "2026-12-08T00:00:00Z",
//!  "blobs": [
//!    {"name": "feed-42.cgfeed", "kind": "full", "sha256": "…64 hex…", "length": 2841312},
//!    {"name": "feed-41-42.cgdelta", "kind": "delta", "from_version": 41,
//!     "sha256": "…", "length": 61230}]}
//! ```
//! Exactly one `full` blob; a `delta` turns the full blob of `from_version`
//! into this version's full blob (whose hash is the one to reach).

use super::FEED_TYPE;
use crate::error::ListError;
use crate::list::sha256;
use crate::shape::ClassifyForHumans;
use crate::timestamp::Timestamp;
use crate::trust::is_valid_issuer_id;
use serde::Deserialize;

pub const SUPPORTED_SCHEMA: u64 = 1;
/// One full blob and deltas from a few recent versions.
pub const MAX_BLOBS: usize = 32;
const MAX_NAME_LEN: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobKind {
    Full,
    /// Applies to the full blob of `from_version`.
    Delta {
        from_version: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobRef {
    /// A file name, relative to the manifest's URL: `[A-Za-z0-9._-]`, no leading dot.
    pub name: String,
    pub kind: BlobKind,
    pub sha256: [u8; 32],
    /// Exact size: also the download cap for this blob.
    pub length: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedManifest {
    pub issuer: String,
    pub version: u64,
    pub issued_at: Timestamp,
    pub expires_at: Timestamp,
    pub blobs: Vec<BlobRef>,
    /// SHA-256 of the exact payload bytes, for the same-version rule.
    pub payload_digest: [u8; 32],
}

#[derive(Deserialize)]
struct RawManifest {
    schema: u64,
    issuer: String,
    version: u64,
    issued_at: String,
    expires_at: String,
    blobs: Vec<RawBlob>,
}

#[derive(Deserialize)]
struct RawBlob {
    name: String,
    kind: String,
    sha256: String,
    length: u64,
    #[serde(default)]
    from_version: Option<u64>,
}

fn malformed(what: impl Into<String>) -> ListError {
    ListError::Malformed(what.into())
}

fn timestamp(text: &str, field: &str) -> Result<Timestamp, ListError> {
    Timestamp::parse_rfc3339(text)
        .ok_or_else(|| malformed(format!("\"{field}\" is not an RFC 3339 timestamp")))
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let nibble = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

impl FeedManifest {
    /// Parses and checks a payload (the bytes a JWS signed).
    pub fn parse(payload: &[u8]) -> Result<FeedManifest, ListError> {
        crate::duplicates::check(payload).map_err(|d| malformed(format!("payload: {d}")))?;
        let value: serde_json::Value = serde_json::from_slice(payload)
            .map_err(|e| malformed(format!("payload: {}", e.classify_for_humans())))?;
        // The type first: another document is `wrong_type`, not `malformed`.
        // A `type` that is not a string at all is a shape error.
        match value.get("type") {
            Some(serde_json::Value::String(kind)) if kind == FEED_TYPE => {}
            Some(serde_json::Value::String(_)) | None => return Err(ListError::WrongType),
            Some(_) => {
                return Err(malformed(
                    crate::shape::explain(payload, &crate::shape::FEED_MANIFEST, "payload")
                        .unwrap_or_else(|| "\"type\" is not a string".into()),
                ))
            }
        }
        if let Some(schema) = value.get("schema").and_then(|s| s.as_u64()) {
            if schema > SUPPORTED_SCHEMA {
                return Err(ListError::UnsupportedSchema { schema });
            }
        }
        let raw: RawManifest = serde_json::from_value(value).map_err(|_| {
            malformed(
                crate::shape::explain(payload, &crate::shape::FEED_MANIFEST, "payload")
                    .unwrap_or_else(|| "payload: a member is missing or of the wrong type".into()),
            )
        })?;
        if raw.schema == 0 {
            return Err(malformed("\"schema\" must be 1 or more"));
        }
        if !is_valid_issuer_id(&raw.issuer) {
            return Err(malformed("\"issuer\" is not an issuer id"));
        }
        let issued_at = timestamp(&raw.issued_at, "issued_at")?;
        let expires_at = timestamp(&raw.expires_at, "expires_at")?;
        if expires_at <= issued_at {
            return Err(malformed("\"expires_at\" is not after \"issued_at\""));
        }
        if raw.blobs.is_empty() || raw.blobs.len() > MAX_BLOBS {
            return Err(malformed(format!(
                "\"blobs\" must hold 1-{MAX_BLOBS} blobs"
            )));
        }
        let mut blobs: Vec<BlobRef> = Vec::with_capacity(raw.blobs.len());
        for (i, b) in raw.blobs.into_iter().enumerate() {
            let field = |what: &str| malformed(format!("blobs[{i}].{what}"));
            let name_ok = (1..=MAX_NAME_LEN).contains(&b.name.len())
                && !b.name.starts_with('.')
                && b.name
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"._-".contains(&c));
            if !name_ok {
                return Err(field(
                    "name: 1-128 of A-Z a-z 0-9 . _ - and not starting with a dot",
                ));
            }
            let sha256 =
                hex32(&b.sha256).ok_or_else(|| field("sha256: 64 lower-case hex digits"))?;
            let kind = match (b.kind.as_str(), b.from_version) {
                ("full", None) => BlobKind::Full,
                ("delta", Some(from)) if from < raw.version => {
                    BlobKind::Delta { from_version: from }
                }
                ("delta", _) => return Err(field("from_version: required, below \"version\"")),
                ("full", Some(_)) => return Err(field("from_version: only for deltas")),
                _ => return Err(field("kind: \"full\" or \"delta\"")),
            };
            if blobs.iter().any(|o| o.name == b.name) {
                return Err(field("name: used twice"));
            }
            if blobs.iter().any(|o| o.kind == kind) {
                return Err(field(
                    "kind: a second full blob or delta from the same version",
                ));
            }
            blobs.push(BlobRef {
                name: b.name,
                kind,
                sha256,
                length: b.length,
            });
        }
        if !blobs.iter().any(|b| b.kind == BlobKind::Full) {
            return Err(malformed("\"blobs\" has no full blob"));
        }
        Ok(FeedManifest {
            issuer: raw.issuer,
            version: raw.version,
            issued_at,
            expires_at,
            blobs,
            payload_digest: sha256(payload),
        })
    }

    /// The full blob and its position in `blobs` (`parse` guarantees one).
    pub fn full(&self) -> Option<(usize, &BlobRef)> {
        self.blobs
            .iter()
            .enumerate()
            .find(|(_, b)| b.kind == BlobKind::Full)
    }

    /// The delta from `version`, if the manifest names one.
    pub fn delta_from(&self, version: u64) -> Option<(usize, &BlobRef)> {
        self.blobs.iter().enumerate().find(|(_, b)| {
            b.kind
                == BlobKind::Delta {
                    from_version: version,
                }
        })
    }
}

/// What a phone should download next (sync.rs follows this plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// The blob held already has the full blob's SHA-256.
    UpToDate,
    /// Download `blobs[index]`, a delta from the version held, apply it,
    /// and compare with the full blob's hash; on any failure, `Full`.
    Delta { index: usize, full: usize },
    /// Download `blobs[index]`, the full blob.
    Full { index: usize },
}

impl FeedManifest {
    /// The cheapest way from the blob held (`version`, `sha256`) to this
    /// manifest's full blob.
    pub fn plan(&self, held: Option<(u64, [u8; 32])>) -> Option<Plan> {
        let (full, full_ref) = self.full()?;
        Some(match held {
            Some((_, sha)) if sha == full_ref.sha256 => Plan::UpToDate,
            // A delta only when it is smaller than the full blob: a larger
            // one costs more bytes, and the full blob too on any refusal.
            Some((version, _)) => match self.delta_from(version) {
                Some((index, delta)) if delta.length < full_ref.length => {
                    Plan::Delta { index, full }
                }
                _ => Plan::Full { index: full },
            },
            None => Plan::Full { index: full },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> FeedManifest {
        let hash = |c: char| c.to_string().repeat(64);
        let p = format!(
            r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"b","version":9,"issued_at":"2026-11-01T00:00:00Z","expires_at":"2026-11-08T00:00:00Z","blobs":[
              {{"name":"d7","kind":"delta","from_version":7,"sha256":"{}","length":10}},
              {{"name":"full","kind":"full","sha256":"{}","length":100}},
              {{"name":"d8","kind":"delta","from_version":8,"sha256":"{}","length":10}}]}}"#,
            hash('1'),
            hash('2'),
            hash('3')
        );
        FeedManifest::parse(p.as_bytes()).unwrap()
    }

    #[test]
    fn the_plan_takes_the_delta_from_the_version_held() {
        let m = manifest();
        assert_eq!(m.plan(None), Some(Plan::Full { index: 1 }));
        assert_eq!(
            m.plan(Some((8, [0; 32]))),
            Some(Plan::Delta { index: 2, full: 1 })
        );
        assert_eq!(
            m.plan(Some((7, [0; 32]))),
            Some(Plan::Delta { index: 0, full: 1 })
        );
        assert_eq!(m.plan(Some((5, [0; 32]))), Some(Plan::Full { index: 1 }));
        assert_eq!(m.plan(Some((9, [0x22; 32]))), Some(Plan::UpToDate));
    }
}
