//! `callguard intent`: what a bank's contact-centre backend does just before
//! an employee dials — sign a call intent with a delegated intent key
//! (docs/call-intents.md). Also the CLI's reading of intents for `screen
//! --intent` and `verify`, through the same rules the SDK applies.

use crate::io::{now, read, UsageError};
use callguard_core::intent::{
    accept_intent, accept_stored_intent, CallIntent, IntentBook, IntentDraft, IntentError,
};
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
        .map_err(|_| UsageError::new(format!("--ttl {text:?}: like 10m, 90s or 1h")))?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => {
            return Err(UsageError::new(format!(
                "--ttl {text:?}: like 10m, 90s or 1h"
            )))
        }
    };
    if !(1..=30 * 60).contains(&secs) {
        return Err(UsageError::new("--ttl must be between 1s and 30m"));
    }
    Ok(secs)
}

fn texts<'a>(
    en: Option<&'a str>,
    ru: Option<&'a str>,
    what: &str,
) -> Result<Vec<(&'a str, &'a str)>, UsageError> {
    let en = en.ok_or_else(|| UsageError::new(format!("--{what}-en is required")))?;
    let mut pairs = vec![("en", en)];
    if let Some(ru) = ru {
        pairs.push(("ru", ru));
    }
    Ok(pairs)
}

pub fn make(args: Args<'_>) -> Result<(), UsageError> {
    let jwk: Jwk = serde_json::from_slice(&read(args.key)?)
        .map_err(|e| UsageError::new(format!("{}: not a JWK: {e}", args.key.display())))?;
    let key = SigningKey::from_jwk(&jwk)
        .map_err(|e| UsageError::new(format!("{}: {e}", args.key.display())))?;
    let channel = Channel::from_name(args.channel)
        .ok_or_else(|| UsageError::new(format!("unknown --channel {:?}", args.channel)))?;
    let start = now(args.now)?;
    let ttl = parse_ttl(args.ttl)?;
    let generated;
    let id = match args.id {
        Some(id) => id,
        None => {
            generated = format!(
                "i-{}",
                callguard_core::intent::new_audience_id().map_err(UsageError::new)?
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
        .map_err(|e| UsageError::new(format!("refusing to sign: {e}")))?;
    println!("{}", draft.sign(&key).map_err(UsageError::new)?);
    Ok(())
}

/// Whose intents these are: `--audience`, or the install's audience id
/// kept in `--state`. Never the intent's own `aud`: a verifier that took
/// the expected audience from what it verifies would never say
/// `wrong_audience` (docs/call-intents.md §2, "The audience id").
/// `create`: a writer (`verify --state`) makes the install's id as the
/// phone does; a reader (`screen --state`) only reads it.
pub fn audience_of(
    given: Option<&str>,
    state: Option<&Path>,
    create: bool,
) -> Result<String, UsageError> {
    match (given, state) {
        // A writer stores intents for the state's own install only.
        (Some(_), Some(_)) if create => Err(UsageError::new(
            "give --audience or --state, not both: with --state the install's own audience id is used",
        )),
        // A reader may check --intent files for another install (a tester's
        // phone) against the lists of a state directory.
        (Some(a), _) => Ok(a.to_string()),
        (None, Some(dir)) => {
            let state = if create {
                callguard_state::StateDir::open(dir)?
            } else {
                callguard_state::StateDir::open_read(dir)?
            };
            if create {
                Ok(state.audience()?)
            } else {
                // No audience made yet: no intent can be for this install.
                Ok(state.existing_audience().unwrap_or_default())
            }
        }
        (None, None) => Err(UsageError::new(
            "--audience is required with a call intent: the audience id of the install it is for \
             (or --state DIR, whose install's id is used); it is never taken from the intent",
        )),
    }
}

/// The intents stored in a state directory that still verify against
/// `lists` for its install (`callguard verify --with-list … --state`
/// stores them as the phone does), as the Guard restores them at a start.
pub fn stored(dir: &Path, lists: &[Arc<ContactList>]) -> Result<IntentBook, UsageError> {
    let state = callguard_state::StateDir::open_read(dir)?;
    let mut book = IntentBook::new();
    let Some(audience) = state.existing_audience() else {
        return Ok(book);
    };
    for jws in state.load_intents() {
        if let Ok(intent) = accept_stored_intent(jws.as_bytes(), lists, &audience) {
            let _ = book.restore(intent);
        }
    }
    Ok(book)
}

/// Reads and accepts each intent file into `book`, as the phone would; the
/// first refusal is returned with its code.
pub fn add_files(
    mut book: IntentBook,
    paths: &[PathBuf],
    lists: &[Arc<ContactList>],
    audience: &str,
    now: Timestamp,
) -> Result<IntentBook, UsageError> {
    for path in paths {
        let refused = |e: IntentError| {
            UsageError::refused(
                e.code(),
                format!("{}: intent refused ({}): {e}", path.display(), e.code()),
            )
        };
        let intent: CallIntent =
            accept_intent(&read(path)?, lists, audience, now).map_err(refused)?;
        book.add(intent, now).map_err(refused)?;
    }
    Ok(book)
}

/// `callguard verify --with-list LIST [--state DIR] INTENT`: the phone's
/// rules for a call intent. With `--state`, as the phone does it: the list
/// is loaded into that state directory (rollback rules and all) and an
/// accepted intent is stored there, so replays and the cap hold across
/// runs and `screen --state` uses it. Exit 0 accepted, 1 refused (the
/// code on stdout), 2 usage.
pub fn verify(args: VerifyArgs<'_>) -> Result<crate::Outcome, UsageError> {
    let now = now(args.now)?;
    let audience = audience_of(args.audience, args.state, true)?;
    let list_bytes = read(args.list)?;
    let list_refused = |code: &'static str, e: &dyn std::fmt::Display| {
        UsageError::refused(
            code,
            format!("{}: the list is refused ({code}): {e}", args.list.display()),
        )
    };
    let outcome = match args.state {
        None => {
            let trust = crate::io::read_trust(args.trust)?;
            let list = callguard_core::accept::verify_signed_list(
                &list_bytes,
                &trust,
                callguard_core::DEFAULT_MAX_LIST_BYTES,
            )
            .map_err(|e| list_refused(e.code(), &e))?;
            let lists = [list.list().clone()];
            accept_intent(&read(args.intent)?, &lists, &audience, now).map(Arc::new)
        }
        Some(dir) => {
            use callguard_state::{Guard, GuardError};
            let guard = Guard::open(Some(dir), callguard_core::DEFAULT_MAX_LIST_BYTES);
            guard.add_trust(&crate::io::read_trust_bytes(args.trust)?)?;
            guard.load_list(&list_bytes, now).map_err(|e| match &e {
                GuardError::List(l) => list_refused(l.code(), &e),
                _ => UsageError::new(e.to_string()),
            })?;
            match guard.receive_intent(&read(args.intent)?, now) {
                Ok(intent) => Ok(intent),
                Err(GuardError::Intent(e)) => Err(e),
                Err(e) => return Err(UsageError::new(e.to_string())),
            }
        }
    };
    match outcome {
        Ok(i) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::json!({"accepted": true, "issuer": i.issuer, "id": i.id, "from": format!("+{}", i.from),
                        "channel": i.channel.name(), "not_before": i.not_before.0, "expires_at": i.expires_at.0,
                        "stored": args.state.is_some()})
                );
            } else {
                println!(
                    "accepted: call intent {} of {} from +{} by {} until {}{}",
                    i.id,
                    i.issuer,
                    i.from,
                    i.channel.name(),
                    i.expires_at.to_rfc3339(),
                    if args.state.is_some() {
                        " (stored)"
                    } else {
                        ""
                    }
                );
            }
            Ok(crate::Outcome::Accepted)
        }
        Err(e) => {
            if args.json {
                println!(
                    "{}",
                    // "error", as every --json refusal; "code" kept for older scripts.
                    serde_json::json!({"accepted": false, "valid": false, "error": e.code(), "code": e.code(), "detail": e.to_string()})
                );
            } else {
                println!("refused ({}): {e}", e.code());
            }
            Ok(crate::Outcome::Rejected)
        }
    }
}

pub struct VerifyArgs<'a> {
    pub trust: &'a Path,
    pub list: &'a Path,
    pub audience: Option<&'a str>,
    pub state: Option<&'a Path>,
    pub now: Option<&'a str>,
    pub json: bool,
    pub intent: &'a Path,
}
