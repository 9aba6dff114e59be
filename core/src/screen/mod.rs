//! Screening: one call in, one verdict out, in well under a microsecond.
//!
//! - [`decide`](decide::decide) holds the decision table (start reading there)
//! - [`names`] folds display names to catch "Служба безопасности Банка"
//! - [`copy`] words the warning for the customer

pub mod call;
pub mod copy;
pub mod decide;
pub mod names;

pub use call::{Attestation, Call, CallDirection, Reason, Risk, Screening, Verdict};
pub use copy::Lang;

use crate::list::ContactList;
use crate::normalize::{format_e164, Normalized, Region};
use crate::timestamp::Timestamp;
use std::sync::Arc;

/// Where and when the phone is: its home region, its language, its clock.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub home: Region,
    pub lang: Lang,
    pub now: Timestamp,
}

/// Screens one call against every list in force. Never fails.
pub fn screen(lists: &[Arc<ContactList>], call: &Call<'_>, ctx: &Context) -> Screening {
    let decision = decide::decide(lists, call, ctx.home, ctx.now);
    let (title, message) = copy::words(&decision, call, ctx.lang);
    Screening {
        verdict: decision.verdict,
        risk: decision.risk,
        reason: decision.reason,
        issuer: decision.list.map(|l| l.issuer.id.clone()),
        label: match (decision.list, decision.usage) {
            (Some(list), Some(usage)) => Some(list.label(&usage).get(ctx.lang.code()).to_string()),
            _ => None,
        },
        number: match &decision.number {
            Normalized::E164(n) => Some(format_e164(*n)),
            Normalized::ShortCode(code) => Some(code.clone()),
            Normalized::Invalid => None,
        },
        title,
        message,
    }
}
