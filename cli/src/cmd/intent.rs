//! `callguard intent`: what a bank's contact-centre backend does just before
//! an employee dials — sign a call intent with a delegated intent key
//! (docs/call-intents.md). Also the CLI's reading of intents for `screen
//! --intent` and `verify`, through the same rules the SDK applies.

use crate::io::{now, read, UsageError};
use callguard_core::intent::{accept_intent, CallIntent, IntentBook, IntentDraft, IntentError};
use callguard_core::jwk::{Jwk, SigningKey};
use callguard_core::{Channel, ContactList, Timestamp};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Args<'a> {
    pub key: &'a Path,
    pub issuer: &'a str,
    pub id: Option<&'a str>,
    pub from: &'a str,
    pub channel: &'a str,
    pub audience: &'a str,
    pub agent: [Option<&'a str>; 2],
    pub department: [Option<&'a str>; 2],
    pub purpose: [Option<&'a str>; 2],
    pub ttl: &'a str,
    pub now: Option<&'a str>,
}

/// `10m`, `90s`, `1h`.
fn parse_ttl(text: &str) -> Result<i64, UsageError> {
    let (digits, unit) = text.split_at(text.len().saturating_sub(1));
    let n: i64 = digits
        .parse()
        .map_err(|_| UsageError(format!("--ttl {text:?}: like 10m, 90s or 1h")))?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return Err(UsageError(format!("--ttl {text:?}: like 10m, 90s or 1h"))),
    };
    if !(1..=30 * 60).contains(&secs) {
        return Err(UsageError("--ttl must be between 1s and 30m".into()));
    }
    Ok(secs)
}

fn texts<'a>(
    en: Option<&'a str>,
    ru: Option<&'a str>,
    what: &str,
) -> Result<Vec<(&'a str, &'a str)>, UsageError> {
    let en = en.ok_or_else(|| UsageError(format!("--{what}-en is required")))?;
    let mut pairs = vec![("en", en)];
    if let Some(ru) = ru {
        pairs.push(("ru", ru));
    }
    Ok(pairs)
}

pub fn make(args: Args<'_>) -> Result<(), UsageError> {
    let jwk: Jwk = serde_json::from_slice(&read(args.key)?)
        .map_err(|e| UsageError(format!("{}: not a JWK: {e}", args.key.display())))?;
    let key = SigningKey::from_jwk(&jwk)
        .map_err(|e| UsageError(format!("{}: {e}", args.key.display())))?;
    let channel = Channel::from_name(args.channel)
        .ok_or_else(|| UsageError(format!("unknown --channel {:?}", args.channel)))?;
    let start = now(args.now)?;
    let ttl = parse_ttl(args.ttl)?;
    let generated;
    let id = match args.id {
        Some(id) => id,
        None => {
            generated = format!(
                "i-{}",
                callguard_core::intent::new_audience_id().map_err(UsageError)?
            );
            &generated
        }
    };
    let agent = texts(args.agent[0], args.agent[1], "agent")?;
    let department = texts(args.department[0], args.department[1], "department")?;
    let purpose = texts(args.purpose[0], args.purpose[1], "purpose")?;
    let draft = IntentDraft {
        issuer: args.issuer,
        id,
        audience: args.audience,
        from: args.from,
        channel,
        agent: &agent,
        department: &department,
        purpose: &purpose,
        issued_at: start,
        not_before: start,
        expires_at: Timestamp(start.0 + ttl),
    };
    // Check what we can before signing (the list rules are the phone's).
    callguard_core::intent::claims::check_claims(draft.claims().to_string().as_bytes())
        .map_err(|e| UsageError(format!("refusing to sign: {e}")))?;
    println!("{}", draft.sign(&key).map_err(UsageError)?);
    Ok(())
}

/// The audience a CLI "phone" takes: `--audience`, else the first intent's
/// own `aud` (the CLI then plays the phone it was made for).
pub fn audience_of(paths: &[PathBuf], given: Option<&str>) -> Result<String, UsageError> {
    if let Some(a) = given {
        return Ok(a.to_string());
    }
    let Some(first) = paths.first() else {
        return Ok(String::new());
    };
    let bytes = read(first)?;
    Ok(callguard_core::intent::claims::unverified_audience(&bytes).unwrap_or_default())
}

/// Reads and accepts each intent file, as the phone would; the first refusal is an error.
pub fn book(
    paths: &[PathBuf],
    lists: &[Arc<ContactList>],
    audience: &str,
    now: Timestamp,
) -> Result<IntentBook, (PathBuf, IntentError)> {
    let mut book = IntentBook::new();
    for path in paths {
        let bytes = read(path).map_err(|e| (path.clone(), IntentError::Malformed(e.0)))?;
        let intent: CallIntent =
            accept_intent(&bytes, lists, audience, now).map_err(|e| (path.clone(), e))?;
        book.add(intent, now).map_err(|e| (path.clone(), e))?;
    }
    Ok(book)
}

/// `callguard verify --with-list LIST INTENT`: the phone's rules for a call
/// intent. Exit 0 accepted, 1 refused (the code on stdout), 2 usage.
pub fn verify(
    trust: &Path,
    list: &Path,
    audience: Option<&str>,
    now_arg: Option<&str>,
    as_json: bool,
    intent: &Path,
) -> Result<crate::Outcome, UsageError> {
    let trust = crate::io::read_trust(trust)?;
    let now = now(now_arg)?;
    let list = callguard_core::accept::verify_signed_list(
        &read(list)?,
        &trust,
        callguard_core::DEFAULT_MAX_LIST_BYTES,
    )
    .map_err(|e| {
        UsageError(format!(
            "{}: the list is refused ({}): {e}",
            list.display(),
            e.code()
        ))
    })?;
    let lists = [list.list().clone()];
    let audience = audience_of(&[intent.to_path_buf()], audience)?;
    match accept_intent(&read(intent)?, &lists, &audience, now) {
        Ok(i) => {
            if as_json {
                println!(
                    "{}",
                    serde_json::json!({"accepted": true, "issuer": i.issuer, "id": i.id, "from": format!("+{}", i.from),
                        "channel": i.channel.name(), "not_before": i.not_before.0, "expires_at": i.expires_at.0})
                );
            } else {
                println!(
                    "accepted: call intent {} of {} from +{} by {} until {}",
                    i.id,
                    i.issuer,
                    i.from,
                    i.channel.name(),
                    i.expires_at.to_rfc3339()
                );
            }
            Ok(crate::Outcome::Accepted)
        }
        Err(e) => {
            if as_json {
                println!(
                    "{}",
                    serde_json::json!({"accepted": false, "code": e.code(), "detail": e.to_string()})
                );
            } else {
                println!("refused ({}): {e}", e.code());
            }
            Ok(crate::Outcome::Rejected)
        }
    }
}
