//! The advice for a risky action, from the calls going on or just over.
//!
//! Reasons, each from the history at `now`:
//! - `on_call_with_danger`: a call screened `spoofed`, `impersonation` or
//!   `reported` as fraud is going on;
//! - `recent_danger_call`: such a call ended within the policy's
//!   `recent_minutes`;
//! - `on_call_unannounced_bank`: the bank's own number calls, unannounced,
//!   and the bank announces its calls;
//! - `on_call_unknown`: a call with someone the SDK does not know;
//! - `screen_shared_on_call`: the screen is shared or recorded during a call;
//! - `on_call_expected_bank`: the bank announced this call (proceed, with
//!   the reminder of what the bank never asks).
//!
//! The level is the strictest the policy gives any reason. A hold says
//! until when: for a call going on, `hold_minutes` from now (asked again,
//! it moves with the call); after a dangerous call, `hold_minutes` from
//! its end, then a confirmation while the call is still recent. A clock
//! moved back never makes a hold longer than its `hold_minutes` from now.

use super::history::{CallRecord, Session};
use super::policy::{ActionPolicy, Rule};
use super::terms::SensitiveAction;
pub use super::terms::{AdviceLevel, AdviceReason};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub level: AdviceLevel,
    /// Every reason that applies, the strictest first.
    pub reasons: Vec<AdviceReason>,
    /// For a hold: until when (never later than a day from now).
    pub hold_until: Option<Timestamp>,
    /// The dangerous call going on, for the words ("someone who claims to
    /// be the bank on WhatsApp"): its verdict and channel, by stable names.
    pub danger_call: Option<(String, Option<String>)>,
}

/// The advice for `action` now.
pub fn advise(
    session: &Session,
    policy: &ActionPolicy,
    action: SensitiveAction,
    now: Timestamp,
) -> Advice {
    // Each reason's level now, and for a hold until when.
    let mut found: Vec<(AdviceReason, AdviceLevel, Option<i64>)> = reasons(session, policy, now)
        .into_iter()
        .map(|(reason, since)| {
            let (level, until) = effective(policy.rule(reason, action), since, now);
            (reason, level, until)
        })
        .collect();
    found.sort_by_key(|(_, level, _)| std::cmp::Reverse(*level));
    let level = found
        .iter()
        .map(|(_, level, _)| *level)
        .max()
        .unwrap_or(AdviceLevel::Proceed);
    let hold_until = found
        .iter()
        .filter_map(|(_, _, until)| *until)
        .max()
        .map(Timestamp);
    let danger_call = session
        .calls
        .iter()
        .rev()
        .find(|c| c.is_on(now) && c.is_danger())
        .map(|c| (c.verdict.clone().unwrap_or_default(), c.channel.clone()));
    Advice {
        level,
        reasons: found.into_iter().map(|(r, _, _)| r).collect(),
        hold_until,
        danger_call,
    }
}

/// What `rule` asks now for a reason about a call that ended at `since`
/// (`None`: a call going on). A hold lasts its minutes from the call's end,
/// or from now for a call going on, and never further than its minutes
/// from now (a clock moved back). A hold whose time has run out while its
/// reason still applies (a dangerous call ended 45 minutes ago, a 30-minute
/// hold) asks for a confirmation: never a "hold" that ended in the past.
fn effective(rule: Rule, since: Option<i64>, now: Timestamp) -> (AdviceLevel, Option<i64>) {
    if rule.level != AdviceLevel::Hold {
        return (rule.level, None);
    }
    let minutes = i64::from(rule.hold_minutes) * 60;
    let until = since
        .map_or(now.0, |end| end.min(now.0))
        .saturating_add(minutes)
        .min(now.0.saturating_add(minutes));
    if until > now.0 {
        (AdviceLevel::Hold, Some(until))
    } else {
        (AdviceLevel::Confirm, None)
    }
}

/// The reasons that apply now, each with the end of the call it is about
/// when that call is over.
fn reasons(
    session: &Session,
    policy: &ActionPolicy,
    now: Timestamp,
) -> Vec<(AdviceReason, Option<i64>)> {
    let on: Vec<&CallRecord> = session.calls.iter().filter(|c| c.is_on(now)).collect();
    let mut out = Vec::new();
    let mut add = |reason, since| {
        if !out.iter().any(|(r, _)| *r == reason) {
            out.push((reason, since));
        }
    };
    if on.iter().any(|c| c.is_danger()) {
        add(AdviceReason::OnCallWithDanger, None);
    }
    let recent = i64::from(policy.recent_minutes) * 60;
    if let Some(end) = session
        .calls
        .iter()
        .filter(|c| c.is_danger() && !c.is_on(now) && now.0.saturating_sub(c.end()) <= recent)
        .map(CallRecord::end)
        .max()
    {
        add(AdviceReason::RecentDangerCall, Some(end));
    }
    if on
        .iter()
        .any(|c| screened(c, "official", Some("unannounced")))
    {
        add(AdviceReason::OnCallUnannouncedBank, None);
    }
    // Someone whose identity nothing confirms: no screening, an unknown or
    // unverifiable caller, a number reported as spam, or the bank's own
    // number with its caller ID unconfirmed and the call not announced by
    // a bank that does not announce calls (a spoofed bank number looks
    // exactly like this).
    if on.iter().any(|c| {
        c.verdict.is_none()
            || screened(c, "unknown", None)
            || screened(c, "unverifiable", None)
            || screened(c, "reported", Some("reported_spam"))
            || screened(c, "official", Some("listed_outbound"))
    }) {
        add(AdviceReason::OnCallUnknown, None);
    }
    if session.shared_since.is_some() && !on.is_empty() {
        add(AdviceReason::ScreenSharedOnCall, None);
    }
    if on.iter().any(|c| screened(c, "expected", None)) {
        add(AdviceReason::OnCallExpectedBank, None);
    }
    out
}

fn screened(call: &CallRecord, verdict: &str, reason: Option<&str>) -> bool {
    call.verdict.as_deref() == Some(verdict)
        && reason.is_none_or(|r| call.reason.as_deref() == Some(r))
}

/// The words of an advice in `lang`: the strictest reason's message, and
/// for a hold how long it lasts from `now` (`advice-hold`). `None` when
/// nothing applies.
pub fn words(
    advice: &Advice,
    now: Timestamp,
    lang: crate::copy::Lang,
    copy: &crate::copy::Catalogue,
) -> Option<(String, String)> {
    use crate::copy::Arg;
    let reason = advice.reasons.first()?;
    let id = format!("advice-{}", reason.code().replace('_', "-"));
    // What the dangerous call was: a faked bank number, a reported one, or
    // a caller who claims to be the bank (on which channel, if known).
    let (kind, channel) = match &advice.danger_call {
        Some((verdict, _)) if verdict == "spoofed" => ("spoofed", String::new()),
        Some((verdict, _)) if verdict == "reported" => ("reported", String::new()),
        Some((_, Some(channel))) => match crate::model::Channel::from_name(channel) {
            // "on ordinary calls" says nothing: a phone call is a call.
            Some(c) if c != crate::model::Channel::Phone => (
                "claim-on",
                copy.text(lang, crate::screen::copy::channel_message(c), &[]),
            ),
            _ => ("claim", String::new()),
        },
        _ => ("claim", String::new()),
    };
    let args = [("kind", Arg::Text(kind)), ("channel", Arg::Text(&channel))];
    let args: &[(&str, Arg)] = if *reason == AdviceReason::OnCallWithDanger {
        &args
    } else {
        &[]
    };
    let (title, mut body) = copy.titled(lang, &id, args);
    if let Some(until) = advice.hold_until {
        // Whole minutes, rounded up: "1 minute" until the last second.
        let minutes = (until.0.saturating_sub(now.0).max(1) + 59) / 60;
        let hold = copy.text(lang, "advice-hold", &[("minutes", Arg::Number(minutes))]);
        body = format!("{body} {hold}");
    }
    Some((title, body))
}
