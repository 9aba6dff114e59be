//! `callguard screen`: the verdict a phone would show for one call (or
//! one per line with `--stdin`, as JSON lines).

use crate::cmd::normalize::region_arg;
use crate::io::{now, UsageError};
use crate::render;
use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang, Screening};
use callguard_core::{Channel, ContactList};
use std::io::{BufRead, BufWriter, Write};
use std::sync::Arc;

pub struct Args<'a> {
    pub region: &'a str,
    pub channel: &'a str,
    pub name: Option<&'a str>,
    pub attestation: &'a str,
    pub direction: &'a str,
    pub lang: &'a str,
    pub now: Option<&'a str>,
    pub json: bool,
    pub stdin: bool,
    pub number: Option<&'a str>,
}

pub fn run(lists: &[Arc<ContactList>], args: Args<'_>) -> Result<(), UsageError> {
    let ctx = Context {
        home: Some(region_arg(args.region)?),
        lang: Lang::from_tag(args.lang),
        now: now(args.now)?,
    };
    let channel = Channel::from_name(args.channel)
        .ok_or_else(|| UsageError(format!("unknown --channel {:?}", args.channel)))?;
    let attestation = parse_attestation(args.attestation)?;
    let direction = parse_direction(args.direction)?;
    let template = Call {
        number: "",
        channel,
        display_name: args.name,
        attestation,
        direction,
    };
    if args.stdin {
        if args.number.is_some() {
            return Err(UsageError("give a NUMBER or --stdin, not both".into()));
        }
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            let call = Call {
                number: line.trim_end_matches('\r'),
                ..template
            };
            let result = screen(lists, &call, &ctx);
            writeln!(out, "{}", to_json(&result))?;
        }
        out.flush()?;
        return Ok(());
    }
    let number = args.number.unwrap_or("");
    if number.is_empty() && args.name.is_none() {
        return Err(UsageError(
            "give a NUMBER (or --name for a messenger call without one)".into(),
        ));
    }
    let result = screen(lists, &Call { number, ..template }, &ctx);
    if args.json {
        println!("{}", to_json(&result));
    } else {
        print!("{}", render::card(&result, render::use_colour()));
    }
    Ok(())
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
        other => Err(UsageError(format!(
            "--attestation must be passed, failed or not_verified, not {other:?}"
        ))),
    }
}

pub fn parse_direction(text: &str) -> Result<CallDirection, UsageError> {
    match text {
        "incoming" => Ok(CallDirection::Incoming),
        "outgoing" => Ok(CallDirection::Outgoing),
        other => Err(UsageError(format!(
            "--direction must be incoming or outgoing, not {other:?}"
        ))),
    }
}
