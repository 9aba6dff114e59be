//! The list payload: parsed, checked against every rule of
//! docs/list-format.md, and compiled into sorted tables for lookup.
//!
//! A signed list with any invalid contact is rejected whole: it is a
//! publisher bug, and half-using it could hide the very number that matters.

use crate::error::ListError;
use crate::model::{Channel, Channels, ContactDirection, Localized};
use crate::screen::names::{Alias, Phrase};
use crate::session::ActionPolicy;
use crate::shape::ClassifyForHumans;
use crate::timestamp::Timestamp;
use crate::trust::is_valid_issuer_id;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

pub const LIST_TYPE: &str = "callguard.contact-list";
/// The newest `schema` this SDK understands.
pub const SUPPORTED_SCHEMA: u64 = 1;
const MAX_TEXT_CHARS: usize = 200;
const MAX_ALIASES: usize = 64;
const MAX_AUTHORITY_PHRASES: usize = 64;
/// 2^53 − 1: the largest integer a JavaScript (or any IEEE double) publisher
/// writes exactly. A larger `version` could be read as another number by
/// the tool that produced it; refused rather than guessed.
pub const MAX_VERSION: u64 = (1 << 53) - 1;

/// How the bank uses one contact. 8 bytes, shared by every table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub direction: ContactDirection,
    pub channels: Channels,
    /// Index into `ContactList::labels`.
    pub label: u32,
    /// The contact's `contact_name_hint`, an index into the same table, or
    /// `NO_HINT`.
    pub hint: u32,
}

/// `Usage::hint` of a contact without a `contact_name_hint`.
pub const NO_HINT: u32 = u32::MAX;

/// An exact number, as E.164 digits in an integer (`+7495…` → `7495…`):
/// sorted ascending, as iOS Call Directory wants them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberEntry {
    pub number: u64,
    pub usage: Usage,
}

/// Every number whose E.164 digits start with `digits` (`len` of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixEntry {
    pub digits: u64,
    pub len: u8,
    pub usage: Usage,
}

/// A short code, dialable only inside `region`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortCodeEntry {
    pub region: [u8; 2],
    pub code: Box<str>,
    pub usage: Usage,
}

#[derive(Debug, Clone)]
pub struct IssuerInfo {
    pub id: String,
    pub name: Localized,
    /// Names a scammer would use to pose as this bank.
    pub aliases: Vec<String>,
    /// `aliases` compiled for matching (see `screen::names`), once at load.
    alias_patterns: Vec<Alias>,
    /// Phrases the issuer adds to the authority lexicon (`authority_phrases`).
    pub authority_phrases: Vec<String>,
    phrase_patterns: Vec<Phrase>,
}

/// A validated list, ready for screening.
#[derive(Debug, Clone)]
pub struct ContactList {
    pub issuer: IssuerInfo,
    pub version: u64,
    pub issued_at: Timestamp,
    pub expires_at: Timestamp,
    /// SHA-256 of the exact payload bytes, for the same-version rule.
    pub payload_digest: [u8; 32],
    numbers: Vec<NumberEntry>,
    /// Grouped by prefix length, longest first; each group sorted by digits.
    prefixes: Vec<Vec<PrefixEntry>>,
    short_codes: Vec<ShortCodeEntry>,
    labels: Vec<Localized>,
    /// Call intents (see `intent`): the keys this list delegates to sign them.
    intent_keys: Vec<IntentKey>,
    /// `announces_calls`: every call the bank makes is announced by an intent.
    pub announces_calls: bool,
    /// `max_intent_minutes`, as seconds (30 minutes when absent).
    max_intent_window: i64,
    /// `action_policy`: the bank's rules for risky actions during and after
    /// calls (`session::policy`); `None`: the SDK's default.
    pub action_policy: Option<ActionPolicy>,
}

/// A key the list delegates to the bank's online intent service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntentKey {
    pub kid: String,
    pub key: crate::jwk::PublicKey,
    pub expires_at: Timestamp,
}

/// What a number matched in one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Number(NumberEntry),
    Prefix(PrefixEntry),
}

impl ContactList {
    /// Parses and checks a payload (the bytes a JWS signed).
    pub fn parse(payload: &[u8]) -> Result<ContactList, ListError> {
        // Before anything else: a document with a duplicate member means
        // different things to different parsers (a second "en" label would
        // silently replace the first in a map).
        crate::duplicates::check(payload).map_err(duplicate_error)?;
        // Contacts go straight into the builder as they are parsed: peak
        // memory stays near the size of the result, not of a parsed tree.
        let mut builder = Builder::default();
        let mut deserializer = serde_json::Deserializer::from_slice(payload);
        let parsed = serde::de::DeserializeSeed::deserialize(
            PayloadSeed {
                builder: &mut builder,
            },
            &mut deserializer,
        )
        .and_then(|raw| deserializer.end().map(|_| raw));
        let raw = match parsed {
            Ok(raw) => raw,
            Err(e) => return Err(explain_parse_failure(payload, builder.error.take(), &e)),
        };
        if &*raw.kind != LIST_TYPE {
            return Err(ListError::WrongType);
        }
        if raw.schema > SUPPORTED_SCHEMA {
            return Err(ListError::UnsupportedSchema { schema: raw.schema });
        }
        if raw.schema == 0 {
            return Err(ListError::malformed("\"schema\" must be 1 or more"));
        }
        if raw.version > MAX_VERSION {
            return Err(ListError::malformed(
                "version: must be at most 9007199254740991 (2^53 − 1)",
            ));
        }
        let issuer = raw.issuer.check()?;
        let issued_at = timestamp(&raw.issued_at, "issued_at")?;
        let expires_at = timestamp(&raw.expires_at, "expires_at")?;
        if expires_at <= issued_at {
            return Err(ListError::malformed(
                "\"expires_at\" is not after \"issued_at\"",
            ));
        }
        let (intent_keys, announces_calls, max_intent_window) = intent_settings(raw.intents)?;
        let action_policy = match raw.action_policy {
            None => None,
            Some(value) => Some(ActionPolicy::from_json(&value).map_err(|e| {
                // A wrong type is named as for every other member
                // ("path: expected …, found …"); a bound by the policy.
                ListError::malformed(
                    crate::shape::explain(payload, &crate::shape::PAYLOAD, "payload")
                        .unwrap_or_else(|| format!("{}: {}", e.path, e.what)),
                )
            })?),
        };
        let (numbers, prefixes, short_codes, labels) = builder.finish()?;
        Ok(ContactList {
            issuer,
            version: raw.version,
            issued_at,
            expires_at,
            payload_digest: sha256(payload),
            numbers,
            prefixes,
            short_codes,
            labels,
            intent_keys,
            announces_calls,
            max_intent_window,
            action_policy,
        })
    }

    /// The exact number first, else the longest prefix that covers it.
    pub fn match_number(&self, number: u64) -> Option<Match> {
        if let Ok(i) = self.numbers.binary_search_by_key(&number, |e| e.number) {
            return Some(Match::Number(self.numbers[i]));
        }
        let digits = digit_count(number);
        for group in &self.prefixes {
            let len = group[0].len as u32;
            if len > digits {
                continue;
            }
            let head = number / 10u64.pow(digits - len);
            if let Ok(i) = group.binary_search_by_key(&head, |e| e.digits) {
                return Some(Match::Prefix(group[i]));
            }
        }
        None
    }

    /// The intent key with this `kid`, if the list delegates one.
    pub fn intent_key(&self, kid: &str) -> Option<&IntentKey> {
        self.intent_keys.iter().find(|k| k.kid == kid)
    }

    pub fn intent_keys(&self) -> &[IntentKey] {
        &self.intent_keys
    }

    /// The longest `exp - nbf` an intent of this issuer may have.
    pub fn max_intent_window_secs(&self) -> i64 {
        self.max_intent_window
    }

    pub fn match_short_code(&self, region: &str, code: &str) -> Option<&ShortCodeEntry> {
        self.short_codes
            .iter()
            .find(|s| s.region == region.as_bytes() && s.code.as_ref() == code)
    }

    pub fn label(&self, usage: &Usage) -> &Localized {
        &self.labels[usage.label as usize]
    }

    /// The contact's `contact_name_hint`, if the list gives one.
    pub fn name_hint(&self, usage: &Usage) -> Option<&Localized> {
        (usage.hint != NO_HINT).then(|| &self.labels[usage.hint as usize])
    }

    /// Every `contact_name_hint` of the list.
    pub fn name_hints(&self) -> Vec<&Localized> {
        let mut ids: Vec<u32> = self
            .numbers
            .iter()
            .map(|e| e.usage.hint)
            .chain(self.prefixes.iter().flatten().map(|p| p.usage.hint))
            .chain(self.short_codes.iter().map(|s| s.usage.hint))
            .filter(|&h| h != NO_HINT)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|h| &self.labels[h as usize]).collect()
    }

    /// Exact numbers, ascending.
    pub fn numbers(&self) -> &[NumberEntry] {
        &self.numbers
    }

    /// Prefixes, ascending by digits then length.
    pub fn prefixes(&self) -> Vec<PrefixEntry> {
        let mut all: Vec<PrefixEntry> = self.prefixes.iter().flatten().copied().collect();
        all.sort_by_key(|p| (p.digits, p.len));
        all
    }

    pub fn short_codes(&self) -> &[ShortCodeEntry] {
        &self.short_codes
    }

    pub fn contact_count(&self) -> usize {
        self.numbers.len()
            + self.prefixes.iter().map(Vec::len).sum::<usize>()
            + self.short_codes.len()
    }

    /// Heap bytes held, for the memory budget (≤ 32 bytes a contact plus label text).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.numbers.capacity() * size_of::<NumberEntry>()
            + self
                .prefixes
                .iter()
                .map(|g| g.capacity() * size_of::<PrefixEntry>())
                .sum::<usize>()
            + self.short_codes.len() * (size_of::<ShortCodeEntry>() + 6)
            + self
                .labels
                .iter()
                .map(|l| size_of::<Localized>() + l.text_bytes() + 40)
                .sum::<usize>()
    }

    /// The issuer's aliases, compiled for display-name matching.
    pub fn alias_patterns(&self) -> &[Alias] {
        &self.issuer.alias_patterns
    }

    /// The issuer's own authority phrases, compiled.
    pub fn authority_phrases(&self) -> &[Phrase] {
        &self.issuer.phrase_patterns
    }

    pub fn label_text_bytes(&self) -> usize {
        self.labels.iter().map(Localized::text_bytes).sum()
    }
}

pub(crate) fn digit_count(n: u64) -> u32 {
    n.checked_ilog10().map_or(1, |l| l + 1)
}

/// Lower-case hex, for digests in files and headers.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, bytes);
    digest.as_ref().try_into().expect("SHA-256 is 32 bytes")
}

/// `issuer.name` and contact labels are language maps: say "language".
fn duplicate_error(d: crate::duplicates::Duplicate) -> ListError {
    let is_label = d.path.starts_with("contacts[") && d.path.ends_with("].label");
    if is_label || d.path == "issuer.name" {
        ListError::malformed(format!("{}: duplicate language {}", d.path, d.name))
    } else {
        ListError::malformed(format!("payload: {d}"))
    }
}

/// `intent_keys`, `announces_calls`, `max_intent_minutes` checked.
fn intent_settings(raw: RawIntentSettings) -> Result<(Vec<IntentKey>, bool, i64), ListError> {
    let raw_keys = raw.keys.unwrap_or_default();
    if raw_keys.len() > MAX_INTENT_KEYS {
        return Err(ListError::malformed(format!(
            "more than {MAX_INTENT_KEYS} intent_keys"
        )));
    }
    let mut keys: Vec<IntentKey> = Vec::with_capacity(raw_keys.len());
    for (i, raw) in raw_keys.into_iter().enumerate() {
        let field = |e: &str| ListError::malformed(format!("intent_keys[{i}]: {e}"));
        if raw.jwk.d.is_some() {
            return Err(field("a private key in a list"));
        }
        let kid = raw
            .jwk
            .kid
            .clone()
            .filter(|k| !k.is_empty())
            .ok_or_else(|| field("no \"kid\""))?;
        let key = crate::jwk::PublicKey::from_jwk(&raw.jwk).map_err(|e| field(&e))?;
        let expires_at = timestamp(&raw.expires_at, "expires_at")
            .map_err(|_| field("\"expires_at\" is not an RFC 3339 timestamp"))?;
        if keys.iter().any(|k| k.kid == kid || k.key == key) {
            return Err(field("the same kid or key appears twice"));
        }
        keys.push(IntentKey {
            kid,
            key,
            expires_at,
        });
    }
    let minutes = raw.max_minutes.unwrap_or(30);
    if !(1..=30).contains(&minutes) {
        return Err(ListError::malformed("\"max_intent_minutes\" must be 1-30"));
    }
    Ok((
        keys,
        raw.announces_calls.unwrap_or(false),
        minutes as i64 * 60,
    ))
}

fn timestamp(text: &str, field: &str) -> Result<Timestamp, ListError> {
    Timestamp::parse_rfc3339(text).ok_or_else(|| {
        ListError::malformed(format!(
            "{field}: expected an RFC 3339 timestamp YYYY-MM-DDTHH:MM:SS[.fraction] then Z or ±HH:MM"
        ))
    })
}

/// Parsing stopped: say whether it is not our type, a newer schema (whose
/// contacts may well look invalid to us), an invalid contact, or broken JSON.
fn explain_parse_failure(
    payload: &[u8],
    contact_error: Option<ListError>,
    error: &serde_json::Error,
) -> ListError {
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(rename = "type")]
        kind: Option<String>,
        schema: Option<u64>,
    }
    // Only an object can say what it is (serde would read `["x", 2]` as an
    // envelope too); anything else is malformed, named by the shape walk.
    let is_object = payload.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let envelope = serde_json::from_slice::<Envelope>(payload).ok();
    if let Some(env) = envelope.filter(|_| is_object) {
        if env.kind.as_deref() != Some(LIST_TYPE) {
            return ListError::WrongType;
        }
        if let Some(schema) = env.schema.filter(|s| *s > SUPPORTED_SCHEMA) {
            return ListError::UnsupportedSchema { schema };
        }
    }
    if let Some(e) = contact_error {
        return e;
    }
    let shape = match error.classify() {
        serde_json::error::Category::Data => {
            crate::shape::explain(payload, &crate::shape::PAYLOAD, "payload")
        }
        _ => None,
    };
    ListError::malformed(
        shape.unwrap_or_else(|| format!("payload: {}", error.classify_for_humans())),
    )
}

// ---- wire format -------------------------------------------------------

/// A JSON string borrowed from the payload when it has no escapes, owned
/// otherwise. (serde's own `Cow` borrows only as a direct field; inside an
/// `Option`, a `Vec` or a map it would allocate every string.)
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Text<'a>(Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Text<'_> {
    fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text<'_> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
            type Value = Text<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor(std::marker::PhantomData))
    }
}

/// The payload's members other than the contacts, which stream into the builder.
struct RawPayload<'a> {
    kind: Text<'a>,
    schema: u64,
    issuer: RawIssuer<'a>,
    version: u64,
    issued_at: Text<'a>,
    expires_at: Text<'a>,
    intents: RawIntentSettings,
    action_policy: Option<serde_json::Value>,
}

/// The members about call intents, all optional.
#[derive(Default)]
struct RawIntentSettings {
    keys: Option<Vec<RawIntentKey>>,
    announces_calls: Option<bool>,
    max_minutes: Option<u64>,
}

#[derive(Deserialize)]
struct RawIntentKey {
    #[serde(flatten)]
    jwk: crate::jwk::Jwk,
    expires_at: String,
}

const MAX_INTENT_KEYS: usize = 16;

struct PayloadSeed<'b> {
    builder: &'b mut Builder,
}

impl<'de> serde::de::DeserializeSeed<'de> for PayloadSeed<'_> {
    type Value = RawPayload<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for PayloadSeed<'_> {
    type Value = RawPayload<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a contact-list object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        fn once<T, E: Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
            if slot.replace(value).is_some() {
                return Err(E::duplicate_field(name));
            }
            Ok(())
        }
        let (mut kind, mut schema, mut issuer, mut version, mut issued_at, mut expires_at) =
            (None, None, None, None, None, None);
        let mut contacts_seen = false;
        let mut intents = RawIntentSettings::default();
        let mut action_policy = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => once(&mut kind, map.next_value::<Text<'de>>()?, "type")?,
                "schema" => once(&mut schema, map.next_value()?, "schema")?,
                "issuer" => once(&mut issuer, map.next_value()?, "issuer")?,
                "version" => once(&mut version, map.next_value()?, "version")?,
                "issued_at" => once(&mut issued_at, map.next_value()?, "issued_at")?,
                "expires_at" => once(&mut expires_at, map.next_value()?, "expires_at")?,
                "intent_keys" => once(&mut intents.keys, map.next_value()?, "intent_keys")?,
                "announces_calls" => once(
                    &mut intents.announces_calls,
                    map.next_value()?,
                    "announces_calls",
                )?,
                "max_intent_minutes" => once(
                    &mut intents.max_minutes,
                    map.next_value()?,
                    "max_intent_minutes",
                )?,
                "action_policy" => once(
                    &mut action_policy,
                    map.next_value::<serde_json::Value>()?,
                    "action_policy",
                )?,
                "contacts" => {
                    if std::mem::replace(&mut contacts_seen, true) {
                        return Err(A::Error::duplicate_field("contacts"));
                    }
                    map.next_value_seed(ContactsSeed {
                        builder: &mut *self.builder,
                    })?;
                }
                // Unknown members are skipped (without recursion): forward compatibility.
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        if !contacts_seen {
            return Err(A::Error::missing_field("contacts"));
        }
        Ok(RawPayload {
            kind: kind.ok_or_else(|| A::Error::missing_field("type"))?,
            schema: schema.ok_or_else(|| A::Error::missing_field("schema"))?,
            issuer: issuer.ok_or_else(|| A::Error::missing_field("issuer"))?,
            version: version.ok_or_else(|| A::Error::missing_field("version"))?,
            issued_at: issued_at.ok_or_else(|| A::Error::missing_field("issued_at"))?,
            expires_at: expires_at.ok_or_else(|| A::Error::missing_field("expires_at"))?,
            intents,
            action_policy,
        })
    }
}

struct ContactsSeed<'b> {
    builder: &'b mut Builder,
}

impl<'de> serde::de::DeserializeSeed<'de> for ContactsSeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ContactsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of contacts")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(contact) = seq.next_element::<RawContact<'de>>()? {
            if let Err(what) = self.builder.add(contact) {
                // Keep the precise reason; serde only needs to stop.
                self.builder.error = Some(ListError::InvalidContact { index, what });
                return Err(serde::de::Error::custom("invalid contact"));
            }
            index += 1;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'a"))]
struct RawIssuer<'a> {
    id: Text<'a>,
    name: BTreeMap<Text<'a>, Text<'a>>,
    #[serde(default)]
    aliases: Vec<Text<'a>>,
    #[serde(default)]
    authority_phrases: Vec<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'a"))]
struct RawContact<'a> {
    number: Option<Text<'a>>,
    prefix: Option<Text<'a>>,
    short_code: Option<Text<'a>>,
    region: Option<Text<'a>>,
    direction: Text<'a>,
    #[serde(default)]
    channels: Option<Vec<Text<'a>>>,
    label: BTreeMap<Text<'a>, Text<'a>>,
    /// The name to offer a customer who saved this (inbound-only) number:
    /// "Example Bank hotline — never calls you" (docs/list-format.md §2).
    #[serde(default)]
    contact_name_hint: Option<BTreeMap<Text<'a>, Text<'a>>>,
}

impl RawIssuer<'_> {
    fn check(self) -> Result<IssuerInfo, ListError> {
        if !is_valid_issuer_id(&self.id) {
            return Err(ListError::malformed(
                "\"issuer.id\" must match [a-z0-9][a-z0-9._-]{0,63}",
            ));
        }
        let name =
            localized(self.name).map_err(|e| ListError::malformed(format!("issuer.name: {e}")))?;
        if self.aliases.len() > MAX_ALIASES {
            return Err(ListError::malformed(format!(
                "more than {MAX_ALIASES} issuer aliases"
            )));
        }
        let mut aliases = Vec::with_capacity(self.aliases.len());
        let mut alias_patterns = Vec::with_capacity(self.aliases.len());
        for (i, alias) in self.aliases.into_iter().enumerate() {
            let field = |e: &str| ListError::malformed(format!("issuer.aliases[{i}]: {e}"));
            let alias = check_text(&alias).map_err(|e| field(&e))?;
            alias_patterns.push(Alias::compile(&alias).map_err(|p| field(p.describe()))?);
            aliases.push(alias);
        }
        if self.authority_phrases.len() > MAX_AUTHORITY_PHRASES {
            return Err(ListError::malformed(format!(
                "more than {MAX_AUTHORITY_PHRASES} issuer authority_phrases"
            )));
        }
        let mut authority_phrases = Vec::with_capacity(self.authority_phrases.len());
        let mut phrase_patterns = Vec::with_capacity(self.authority_phrases.len());
        for (i, phrase) in self.authority_phrases.into_iter().enumerate() {
            let field =
                |e: &str| ListError::malformed(format!("issuer.authority_phrases[{i}]: {e}"));
            let phrase = check_text(&phrase).map_err(|e| field(&e))?;
            let pattern = Phrase::from_list(&phrase)
                .filter(|p| p.folded_len() >= 4)
                .ok_or_else(|| field("folds to fewer than 4 visible letters or digits"))?;
            phrase_patterns.push(pattern);
            authority_phrases.push(phrase);
        }
        Ok(IssuerInfo {
            id: self.id.into_owned(),
            name,
            aliases,
            alias_patterns,
            authority_phrases,
            phrase_patterns,
        })
    }
}

/// A text of the list as it is kept and shown (`display_text::checked`).
fn check_text(text: &str) -> Result<String, String> {
    crate::display_text::checked(text, MAX_TEXT_CHARS)
}

/// A language map (`display_text::language_map`: the rule of every document).
fn localized(map: BTreeMap<Text<'_>, Text<'_>>) -> Result<Localized, String> {
    crate::display_text::language_map(
        map.iter().map(|(l, t)| (l.as_ref(), t.as_ref())),
        MAX_TEXT_CHARS,
    )
}

/// `+` and `min..=max` ASCII digits, no leading zero, as an integer.
fn plus_digits(text: &str, min: usize, max: usize) -> Option<(u64, u8)> {
    let digits = text.strip_prefix('+')?;
    let ok = (min..=max).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    ok.then(|| (digits.parse().ok(), digits.len() as u8))
        .and_then(|(n, len)| n.map(|n| (n, len)))
}

#[derive(Default)]
struct Builder {
    numbers: Vec<(NumberEntry, u32)>,
    prefixes: Vec<(PrefixEntry, u32)>,
    short_codes: Vec<(ShortCodeEntry, u32)>,
    labels: Vec<Localized>,
    /// Hash of a label's (language, text) pairs → ids with that hash.
    label_ids: HashMap<u64, Vec<u32>>,
    count: u32,
    /// The first invalid contact, when parsing stopped because of it.
    error: Option<ListError>,
}

type Tables = (
    Vec<NumberEntry>,
    Vec<Vec<PrefixEntry>>,
    Vec<ShortCodeEntry>,
    Vec<Localized>,
);

impl Builder {
    fn add(&mut self, raw: RawContact<'_>) -> Result<(), String> {
        let index = self.count;
        self.count += 1;
        let direction = ContactDirection::from_name(&raw.direction)
            .ok_or("\"direction\" must be inbound_only, outbound or both")?;
        let channels = match raw.channels {
            // The bank never calls from an inbound-only contact, so a channel
            // it "calls over" would contradict the direction: a publisher bug.
            Some(_) if direction == ContactDirection::InboundOnly => {
                return Err(
                    "\"channels\" is not allowed with \"direction\": \"inbound_only\"".into(),
                )
            }
            None => Channels::PHONE_ONLY,
            Some(names) if names.is_empty() => return Err("\"channels\" is empty".into()),
            Some(names) => {
                let mut set = Channels::default();
                for name in names {
                    let channel =
                        Channel::from_name(&name).ok_or("unknown channel in \"channels\"")?;
                    if !set.insert(channel) {
                        return Err("a channel is listed twice".into());
                    }
                }
                set
            }
        };
        let label = self.intern(raw.label).map_err(|e| format!("label: {e}"))?;
        let hint = match raw.contact_name_hint {
            Some(hint) => self
                .intern(hint)
                .map_err(|e| format!("contact_name_hint: {e}"))?,
            None => NO_HINT,
        };
        let usage = Usage {
            direction,
            channels,
            label,
            hint,
        };
        match (raw.number, raw.prefix, raw.short_code) {
            (Some(number), None, None) => {
                if raw.region.is_some() {
                    return Err("\"region\" belongs only to a short code".into());
                }
                let (number, _) = plus_digits(&number, 8, 15)
                    .ok_or("\"number\" must be E.164: + and 8-15 digits")?;
                self.numbers.push((NumberEntry { number, usage }, index));
            }
            (None, Some(prefix), None) => {
                if raw.region.is_some() {
                    return Err("\"region\" belongs only to a short code".into());
                }
                let (digits, len) =
                    plus_digits(&prefix, 4, 14).ok_or("\"prefix\" must be + and 4-14 digits")?;
                self.prefixes
                    .push((PrefixEntry { digits, len, usage }, index));
            }
            (None, None, Some(code)) => {
                let ok = (3..=6).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
                if !ok {
                    return Err("\"short_code\" must be 3-6 digits".into());
                }
                let region = raw.region.ok_or("a short code needs its \"region\"")?;
                let region: [u8; 2] = region
                    .as_bytes()
                    .try_into()
                    .ok()
                    .filter(|r: &[u8; 2]| r.iter().all(u8::is_ascii_uppercase))
                    .ok_or("\"region\" must be an ISO 3166 code like \"RU\"")?;
                self.short_codes.push((
                    ShortCodeEntry {
                        region,
                        code: Box::from(code.as_ref()),
                        usage,
                    },
                    index,
                ));
            }
            _ => {
                return Err(
                    "exactly one of \"number\", \"prefix\" or \"short_code\" is required".into(),
                )
            }
        }
        Ok(())
    }

    /// Labels repeat across contacts: look the borrowed text up first and
    /// allocate only for a label not seen before.
    fn intern(&mut self, raw: BTreeMap<Text<'_>, Text<'_>>) -> Result<u32, String> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for (lang, text) in &raw {
            (lang.as_ref(), text.as_ref()).hash(&mut hasher);
        }
        let key = hasher.finish();
        if let Some(candidates) = self.label_ids.get(&key) {
            for &id in candidates {
                let known = &self.labels[id as usize];
                if known
                    .pairs()
                    .eq(raw.iter().map(|(l, t)| (l.as_ref(), t.as_ref())))
                {
                    return Ok(id);
                }
            }
        }
        let label = localized(raw)?;
        let id = self.labels.len() as u32;
        self.labels.push(label);
        self.label_ids.entry(key).or_default().push(id);
        Ok(id)
    }

    fn finish(self) -> Result<Tables, ListError> {
        let duplicate = |index: u32, what: &str| ListError::InvalidContact {
            index: index as usize,
            what: format!("the same {what} appears twice"),
        };
        let mut numbers = self.numbers;
        numbers.sort_unstable_by_key(|(e, i)| (e.number, *i));
        if let Some(w) = numbers.windows(2).find(|w| w[0].0.number == w[1].0.number) {
            return Err(duplicate(w[1].1, "number"));
        }
        let mut prefixes = self.prefixes;
        prefixes.sort_unstable_by_key(|(e, i)| (std::cmp::Reverse(e.len), e.digits, *i));
        if let Some(w) = prefixes
            .windows(2)
            .find(|w| (w[0].0.len, w[0].0.digits) == (w[1].0.len, w[1].0.digits))
        {
            return Err(duplicate(w[1].1, "prefix"));
        }
        let mut short_codes = self.short_codes;
        short_codes.sort_by(|(a, i), (b, j)| (a.region, &a.code, i).cmp(&(b.region, &b.code, j)));
        if let Some(w) = short_codes
            .windows(2)
            .find(|w| (w[0].0.region, &w[0].0.code) == (w[1].0.region, &w[1].0.code))
        {
            return Err(duplicate(w[1].1, "short code"));
        }
        let mut groups: Vec<Vec<PrefixEntry>> = Vec::new();
        for (entry, _) in prefixes {
            match groups.last_mut() {
                Some(group) if group[0].len == entry.len => group.push(entry),
                _ => groups.push(vec![entry]),
            }
        }
        let mut numbers: Vec<NumberEntry> = numbers.into_iter().map(|(e, _)| e).collect();
        // The collect reuses the wider build buffer; give the slack back.
        numbers.shrink_to_fit();
        Ok((
            numbers,
            groups,
            short_codes.into_iter().map(|(e, _)| e).collect(),
            self.labels,
        ))
    }
}
