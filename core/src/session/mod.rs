//! In-call protection (issue 25), the core: what the customer's calls
//! were, and what that means for a risky action in the bank's app.
//!
//! - [`history`]: the calls the platform glue reported, bounded, purged
//!   after a day, saved as versioned bytes (no number is ever kept)
//! - [`policy`]: which reasons ask for a confirmation or a hold, for which
//!   action (the SDK's default, or the bank's signed `action_policy`)
//! - [`terms`]: the actions, levels and reasons, with their stable names
//! - [`advise`]: the advice for one action now
//! - [`json`]: events and advice as JSON (the CLI's timelines, the vectors)
//!
//! The state crate keeps the history in the state directory; the
//! bindings and the CLI carry events in and advice out.

pub mod advise;
pub mod history;
pub mod json;
pub mod policy;
pub mod terms;

pub use advise::{advise, words, Advice, AdviceLevel, AdviceReason};
pub use history::{CallEvent, Session};
pub use json::{advice_to_json, event_from_json, EventError};
pub use policy::{ActionPolicy, PolicyError, SensitiveAction};
