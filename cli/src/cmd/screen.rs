//! `callguard screen`: the verdict a phone would show for one call (or
//! one per line with `--stdin`, as JSON lines). With `--stdin`, a line that
//! cannot be read (not UTF-8, over 4 KiB) is answered with an error object
//! (`{"line":N,"error":"not_utf8"|"line_too_long",…}`), the batch goes on,
//! and the exit code is 1.

use crate::cmd::normalize::region_arg;
use crate::io::{next_line, now, Line, UsageError, MAX_LINE_BYTES};
use crate::render;
use crate::Outcome;
use callguard_core::intent::IntentBook;
use callguard_core::screen::{
    screen_with_copy, Attestation, Call, CallDirection, Context, Lang, Screening,
};
use callguard_core::{Channel, ContactList};
use std::io::{BufWriter, Write};
use std::sync::Arc;

pub struct Args<'a> {
    pub feeds: &'a [callguard_core::feed::Feed<'a>],
    pub intents: &'a [std::path::PathBuf],
    pub audience: Option<&'a str>,
    /// The state directory screened against, if any: its stored intents count.
    pub state: Option<&'a std::path::Path>,
    pub region: &'a str,
    pub channel: &'a str,
    pub name: Option<&'a str>,
    pub saved_contact: bool,
    pub attestation: &'a str,
    pub direction: &'a str,
    pub lang: &'a str,
    /// A bank's override of the copy (`--copy`).
    pub copy: Option<&'a std::path::Path>,
    pub now: Option<&'a str>,
    pub json: bool,
    pub stdin: bool,
    pub number: Option<&'a str>,
}

pub fn run(lists: &[Arc<ContactList>], args: Args<'_>) -> Result<Outcome, UsageError> {
    let ctx = Context {
        home: Some(region_arg(args.region)?),
        lang: Lang::from_tag(args.lang),
        now: now(args.now)?,
    };
    let channel = Channel::from_name(args.channel)
        .ok_or_else(|| UsageError::new(format!("unknown --channel {:?}", args.channel)))?;
    // The intents this phone holds: those stored in --state (as the SDK
    // restores them), then --intent files, for --audience or that state's
    // install.
    let mut intents = match args.state {
        Some(dir) => crate::cmd::intent::stored(dir, lists)?,
        None => IntentBook::new(),
    };
    if !args.intents.is_empty() {
        let audience = crate::cmd::intent::audience_of(args.audience, args.state, false)?;
        intents = crate::cmd::intent::add_files(intents, args.intents, lists, &audience, ctx.now)?;
    }
    let overridden = crate::copy::with_override(args.copy, args.lang)?;
    let copy = overridden.as_ref().unwrap_or(callguard_core::copy::sdk());
    let screen = |lists: &[Arc<ContactList>], call: &Call<'_>, ctx: &Context| {
        screen_with_copy(lists, &intents, args.feeds, call, ctx, copy)
    };
    let attestation = parse_attestation(args.attestation)?;
    let direction = parse_direction(args.direction)?;
    let template = Call {
        number: "",
        channel,
        display_name: args.name,
        attestation,
        direction,
        saved_contact: args.saved_contact,
    };
    if args.stdin {
        if args.number.is_some() {
            return Err(UsageError::new("give a NUMBER or --stdin, not both"));
        }
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let mut input = std::io::stdin().lock();
        let (mut number, mut bad_lines) = (0u64, 0u64);
        while let Some(line) = next_line(&mut input)? {
            number += 1;
            let answer = match &line {
                Line::Text(text) => to_json(&screen(
                    lists,
                    &Call {
                        number: text,
                        ..template
                    },
                    &ctx,
                )),
                // One answer per line, so answers stay in step with inputs.
                bad => {
                    bad_lines += 1;
                    serde_json::json!({
                        "line": number,
                        "error": bad.error_code(),
                        "detail": format!("stdin line {number} is not valid UTF-8 text of at most {MAX_LINE_BYTES} bytes"),
                    })
                }
            };
            writeln!(out, "{answer}")?;
        }
        out.flush()?;
        return Ok(if bad_lines == 0 {
            Outcome::Accepted
        } else {
            Outcome::Rejected
        });
    }
    let number = args.number.unwrap_or("");
    if number.is_empty() && args.name.is_none() {
        return Err(UsageError::new(
            "give a NUMBER (or --name for a messenger call without one)",
        ));
    }
    let result = screen(lists, &Call { number, ..template }, &ctx);
    if args.json {
        println!("{}", to_json(&result));
    } else {
        print!("{}", render::card(&result, render::use_colour(), ctx.lang));
    }
    Ok(Outcome::Accepted)
}

pub fn to_json(s: &Screening) -> serde_json::Value {
    serde_json::json!({
        "verdict": s.verdict.name(),
        "risk": s.risk.name(),
        "reason": s.reason.code(),
        "issuer": s.issuer,
        "label": s.label,
        "number": s.number,
        "title": s.title,
        "message": s.message,
    })
}

pub fn parse_attestation(text: &str) -> Result<Attestation, UsageError> {
    match text {
        "passed" => Ok(Attestation::Passed),
        "failed" => Ok(Attestation::Failed),
        "not_verified" => Ok(Attestation::NotVerified),
        other => Err(UsageError::new(format!(
            "--attestation must be passed, failed or not_verified, not {other:?}"
        ))),
    }
}

pub fn parse_direction(text: &str) -> Result<CallDirection, UsageError> {
    match text {
        "incoming" => Ok(CallDirection::Incoming),
        "outgoing" => Ok(CallDirection::Outgoing),
        other => Err(UsageError::new(format!(
            "--direction must be incoming or outgoing, not {other:?}"
        ))),
    }
}
