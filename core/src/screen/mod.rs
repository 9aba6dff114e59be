//! Screening: one call in, one verdict out, in well under a microsecond.
//!
//! - [`decide`](decide::decide) holds the decision table (start reading there)
//! - [`names`] folds display names to catch "Служба безопасности Банка"
//! - [`copy`] picks the message of the catalogue (crate::copy) that words it

pub mod call;
pub mod copy;
pub mod decide;
pub mod names;

pub use call::{Attestation, Call, CallDirection, Reason, Risk, Screening, Verdict};
pub use copy::Lang;

use crate::copy::Catalogue;
use crate::feed::Feed;
use crate::intent::IntentBook;
use crate::list::ContactList;
use crate::normalize::{format_e164, Normalized, Region};
use crate::timestamp::Timestamp;
use std::sync::Arc;

/// Where and when the phone is: its home region, its language, its clock.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// `None` when the phone does not know its region: only `+` numbers match.
    pub home: Option<Region>,
    pub lang: Lang,
    pub now: Timestamp,
}

/// Screens one call against every list in force. Never fails.
pub fn screen(lists: &[Arc<ContactList>], call: &Call<'_>, ctx: &Context) -> Screening {
    screen_announced(lists, &IntentBook::new(), call, ctx)
}

/// `screen`, with the call intents the bank sent this phone.
pub fn screen_announced(
    lists: &[Arc<ContactList>],
    intents: &IntentBook,
    call: &Call<'_>,
    ctx: &Context,
) -> Screening {
    screen_with_feeds(lists, intents, &[], call, ctx)
}

/// `screen_announced`, with the issuers' feeds of reported numbers.
pub fn screen_with_feeds(
    lists: &[Arc<ContactList>],
    intents: &IntentBook,
    feeds: &[Feed<'_>],
    call: &Call<'_>,
    ctx: &Context,
) -> Screening {
    screen_with_copy(lists, intents, feeds, call, ctx, crate::copy::sdk())
}

/// `screen_with_feeds`, worded from `copy` (the SDK's catalogue with a
/// bank's overrides).
pub fn screen_with_copy(
    lists: &[Arc<ContactList>],
    intents: &IntentBook,
    feeds: &[Feed<'_>],
    call: &Call<'_>,
    ctx: &Context,
    copy: &Catalogue,
) -> Screening {
    let decision = decide::decide_with_feeds(lists, intents, feeds, call, ctx.home, ctx.now);
    render(&decision, call, ctx.lang, copy)
}

/// What the bindings answer if screening itself failed (a bug): never
/// block, never vouch; tell the customer to be careful.
pub fn fallback(call: &Call<'_>, lang: Lang) -> Screening {
    fallback_with_copy(call, lang, crate::copy::sdk())
}

/// `fallback`, worded from `copy`.
pub fn fallback_with_copy(call: &Call<'_>, lang: Lang, copy: &Catalogue) -> Screening {
    let decision = decide::Decision {
        verdict: Verdict::Unverifiable,
        risk: Risk::Caution,
        reason: Reason::InternalError,
        list: None,
        usage: None,
        number: Normalized::Invalid,
        intent: None,
        feed_issuer: None,
    };
    render(&decision, call, lang, copy)
}

/// A decision with its words: what the bindings answer.
pub fn render(
    decision: &decide::Decision<'_>,
    call: &Call<'_>,
    lang: Lang,
    copy: &Catalogue,
) -> Screening {
    let (title, message) = copy::words(decision, call, lang, copy);
    Screening {
        verdict: decision.verdict,
        risk: decision.risk,
        reason: decision.reason,
        issuer: decision
            .list
            .map(|l| l.issuer.id.clone())
            .or_else(|| decision.feed_issuer.map(str::to_string)),
        label: match (decision.list, decision.usage) {
            (Some(list), Some(usage)) => Some(list.label(&usage).get(lang.code()).to_string()),
            _ => None,
        },
        number: match &decision.number {
            Normalized::E164(n) => Some(format_e164(*n)),
            Normalized::ShortCode(code) => Some(code.clone()),
            Normalized::Invalid => None,
        },
        intent_id: decision.intent.map(|i| i.id.clone()),
        title,
        message,
    }
}
