//! Which message of the catalogue (core/src/copy/ftl) words a decision,
//! and with which arguments. The words themselves live in the catalogue.

use super::call::{Call, CallDirection, Reason, Verdict};
use super::decide::Decision;
use crate::copy::{Arg, Catalogue};
use crate::model::Channel;

pub use crate::copy::Lang;

/// (title, message) for a decision.
pub fn words(
    decision: &Decision<'_>,
    call: &Call<'_>,
    lang: Lang,
    copy: &Catalogue,
) -> (String, String) {
    let bank = match decision.list {
        Some(list) => list.issuer.name.get(lang.code()).to_string(),
        None => copy.text(lang, "bank-unnamed", &[]),
    };
    let label = match (decision.list, decision.usage) {
        (Some(list), Some(usage)) => list.label(&usage).get(lang.code()).to_string(),
        _ => String::new(),
    };
    let channel = copy.text(lang, channel_message(call.channel), &[]);
    if let Some(intent) = decision.intent {
        let args = [
            ("bank", Arg::Text(&bank)),
            ("agent", Arg::Text(intent.agent.get(lang.code()))),
            ("department", Arg::Text(intent.department.get(lang.code()))),
            ("purpose", Arg::Text(intent.purpose.get(lang.code()))),
        ];
        return copy.titled(lang, "screen-announced", &args);
    }
    let outgoing = call.direction == CallDirection::Outgoing;
    let args = [
        ("bank", Arg::Text(&bank)),
        ("label", Arg::Text(&label)),
        ("channel", Arg::Text(&channel)),
    ];
    copy.titled(
        lang,
        message(decision.verdict, decision.reason, outgoing),
        &args,
    )
}

/// The message for a verdict and its reason (a call announced by the
/// bank has its own, `screen-announced`).
pub fn message(verdict: Verdict, reason: Reason, outgoing: bool) -> &'static str {
    match (verdict, reason) {
        (Verdict::Spoofed, Reason::InboundOnly) => "screen-spoofed-inbound-only",
        (Verdict::Spoofed, Reason::ChannelNotUsed) => "screen-spoofed-channel-not-used",
        (Verdict::Spoofed, _) => "screen-spoofed-attestation-failed",
        (Verdict::Verified | Verdict::Expected, _) => "screen-verified",
        (Verdict::Official, Reason::Listed) => "screen-official-listed",
        (Verdict::Official, Reason::Unannounced) => "screen-official-unannounced",
        (Verdict::Official, _) => "screen-official",
        (Verdict::Impersonation, Reason::ClaimsAuthority) => "screen-impersonation-authority",
        (Verdict::Impersonation, _) => "screen-impersonation-bank",
        (Verdict::Reported, Reason::ReportedFraud) if outgoing => "screen-reported-fraud-outgoing",
        (Verdict::Reported, Reason::ReportedFraud) => "screen-reported-fraud",
        (Verdict::Reported, _) if outgoing => "screen-reported-spam-outgoing",
        (Verdict::Reported, _) => "screen-reported-spam",
        (Verdict::Unverifiable, Reason::InternalError) => "screen-internal-error",
        (Verdict::Unverifiable, _) => "screen-no-valid-list",
        (Verdict::Unknown, _) if outgoing => "screen-unknown-outgoing",
        (Verdict::Unknown, _) => "screen-unknown",
    }
}

/// A Call Directory label: iOS shows it while the number rings, so for an
/// inbound-only number the label itself is the warning.
pub fn directory_label(
    warning: bool,
    bank: &str,
    label: &str,
    lang: Lang,
    copy: &Catalogue,
) -> String {
    let id = if warning {
        "directory-never-calls"
    } else {
        "directory-listed"
    };
    copy.text(
        lang,
        id,
        &[("bank", Arg::Text(bank)), ("label", Arg::Text(label))],
    )
}

pub fn channel_message(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "channel-phone",
        Channel::Sms => "channel-sms",
        Channel::Whatsapp => "channel-whatsapp",
        Channel::Telegram => "channel-telegram",
        Channel::Viber => "channel-viber",
        Channel::Signal => "channel-signal",
        Channel::Other => "channel-other",
    }
}
