//! `callguard advise`: in-call protection over a recorded timeline, for
//! testing a bank's policy before signing it. JSON lines in, one per step:
//!
//! ```text
//! {"at": "2026-12-01T10:00:00Z", "event": {"screened": {"call": "wa-1", "verdict": "impersonation", "reason": "claims_authority"}}}
//! {"at": "2026-12-01T10:02:00Z", "advise": "transfer"}
//! ```
//!
//! and one JSON line out per `advise` (level, reasons, hold_until, title,
//! body), or per refused line (`{"line": 3, "error": "malformed", …}`: the
//! batch goes on, exit 1 at the end). The policy: `--policy FILE` (an
//! `action_policy` object, unsigned), else the verified lists' (the
//! strictest of them), else the SDK's default. With `--state DIR` the
//! history is kept in that directory as a phone keeps it, across runs.

use crate::io::{next_line, Line, UsageError};
use crate::Outcome;
use callguard_core::copy::{Catalogue, Lang};
use callguard_core::session::{
    advice_to_json, advise, event_from_json, ActionPolicy, SensitiveAction,
};
use callguard_core::{ContactList, Timestamp};
use callguard_state::Guard;
use serde_json::{json, Value};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

pub struct Args<'a> {
    pub policy: Option<&'a Path>,
    pub state: Option<&'a Path>,
    pub lang: &'a str,
    pub copy: Option<&'a Path>,
    pub timeline: Option<&'a Path>,
}

pub fn run(lists: &[Arc<ContactList>], args: Args<'_>) -> Result<Outcome, UsageError> {
    let policy = match args.policy {
        Some(path) => policy_file(path)?,
        None => {
            let default = ActionPolicy::default();
            ActionPolicy::strictest(
                lists
                    .iter()
                    .map(|l| l.action_policy.as_ref().unwrap_or(&default)),
            )
        }
    };
    let overridden = crate::copy::with_override(args.copy, args.lang)?;
    let copy = overridden.as_ref().unwrap_or(callguard_core::copy::sdk());
    let guard = match args.state {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| UsageError::new(format!("--state: {}", e.kind())))?;
            Guard::open(Some(dir), callguard_core::DEFAULT_MAX_LIST_BYTES)
        }
        None => Guard::new(None, callguard_core::DEFAULT_MAX_LIST_BYTES),
    };
    let mut input: Box<dyn std::io::BufRead> = match args.timeline {
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let step = Step {
        guard: &guard,
        policy: &policy,
        lang: Lang::from_tag(args.lang),
        copy,
    };
    let (mut number, mut refused) = (0u64, 0u64);
    while let Some(line) = next_line(&mut input)? {
        number += 1;
        let answer = match line {
            Line::Text(text) if text.trim().is_empty() => continue,
            Line::Text(text) => step.run(&text),
            bad => Err((
                bad.error_code().unwrap_or("unreadable"),
                "the line could not be read".to_string(),
            )),
        };
        match answer {
            Ok(None) => {}
            Ok(Some(advice)) => writeln!(out, "{advice}")?,
            Err((code, detail)) => {
                refused += 1;
                writeln!(
                    out,
                    "{}",
                    json!({"line": number, "error": code, "detail": detail})
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if refused == 0 {
        Outcome::Accepted
    } else {
        Outcome::Rejected
    })
}

struct Step<'a> {
    guard: &'a Guard,
    policy: &'a ActionPolicy,
    lang: Lang,
    copy: &'a Catalogue,
}

type Refusal = (&'static str, String);

impl Step<'_> {
    /// One line: an event recorded (no output), or the advice asked for.
    fn run(&self, text: &str) -> Result<Option<Value>, Refusal> {
        let malformed = |what: String| ("malformed", what);
        let line: Value = serde_json::from_str(text)
            .ok()
            .filter(Value::is_object)
            .ok_or_else(|| malformed("not a JSON object (or nested too deep)".into()))?;
        let at = line
            .get("at")
            .and_then(Value::as_str)
            .and_then(Timestamp::parse_rfc3339)
            .ok_or_else(|| malformed("at: missing or not an RFC 3339 timestamp".into()))?;
        match (line.get("event"), line.get("advise")) {
            (Some(event), None) => {
                let event =
                    event_from_json(event, "event").map_err(|e| malformed(e.to_string()))?;
                self.guard
                    .report_call_event(event, at)
                    .map_err(|e| ("storage", e.to_string()))?;
                Ok(None)
            }
            (None, Some(action)) => {
                let action = action
                    .as_str()
                    .and_then(SensitiveAction::from_name)
                    .ok_or_else(|| malformed("advise: not a known action".into()))?;
                let advice = advise(&self.guard.call_history(at), self.policy, action, at);
                let mut answer = advice_to_json(&advice, at, self.lang, self.copy);
                answer["at"] = at.to_rfc3339().into();
                answer["action"] = action.name().into();
                Ok(Some(answer))
            }
            _ => Err(malformed(
                "a line has either \"event\" or \"advise\"".into(),
            )),
        }
    }
}

/// `--policy FILE`: an `action_policy` object, refused `malformed` with the path.
fn policy_file(path: &Path) -> Result<ActionPolicy, UsageError> {
    let bytes = callguard_state::read_bounded(path, 64 * 1024)
        .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
    // The list's own reader: a member twice is refused, as in a signed list.
    callguard_core::duplicates::check(&bytes).map_err(|_| {
        UsageError::refused(
            "malformed",
            format!("{}: not JSON, or a member twice", path.display()),
        )
    })?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|_| UsageError::refused("malformed", format!("{}: not JSON", path.display())))?;
    ActionPolicy::from_json(&value).map_err(|e| {
        UsageError::refused(
            "malformed",
            format!("{}: {}: {}", path.display(), e.path, e.what),
        )
    })
}
