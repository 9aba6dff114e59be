//! A decision: the verdict on one call, before it is worded.

use crate::intent::CallIntent;
use crate::list::{ContactList, Usage};
use crate::normalize::Normalized;
use crate::screen::call::{Reason, Risk, Verdict};

/// A verdict before it is worded.
#[derive(Debug, Clone)]
pub struct Decision<'l> {
    pub verdict: Verdict,
    pub risk: Risk,
    pub reason: Reason,
    /// The list (and contact) the verdict is about, if any.
    pub list: Option<&'l ContactList>,
    pub usage: Option<Usage>,
    pub number: Normalized,
    /// The bank's signed announcement of this call, when one matched.
    pub intent: Option<&'l CallIntent>,
    /// The issuer whose feed reported the number (verdict `reported`).
    pub feed_issuer: Option<&'l str>,
}
