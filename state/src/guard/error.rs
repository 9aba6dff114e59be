//! What the Guard can refuse.

use crate::feeds::FeedStoreError;
use crate::store::StoreError;
use callguard_core::feed::FeedError;
use callguard_core::intent::IntentError;
use callguard_core::{ListError, TrustError};

/// Everything the Guard can refuse, with full detail. The bindings map
/// this to their small public error in one place.
#[derive(Debug)]
pub enum GuardError {
    List(ListError),
    Trust(TrustError),
    Storage(String),
    /// A call intent was refused (`IntentError::code`).
    Intent(IntentError),
    /// A feed manifest, blob or delta was refused (`FeedError::code`).
    Feed(FeedError),
}

impl GuardError {
    /// After `install_feed_delta`: the delta did not lead to the
    /// manifest's full blob (made for another base, tampered, truncated):
    /// download the full blob instead. Nothing changed.
    pub fn is_delta_fallback(&self) -> bool {
        matches!(
            self,
            GuardError::Feed(
                FeedError::DeltaBase
                    | FeedError::DeltaMismatch
                    | FeedError::HashMismatch { .. }
                    | FeedError::LengthMismatch { .. }
                    | FeedError::Malformed(_)
            )
        )
    }
}

impl From<FeedStoreError> for GuardError {
    fn from(e: FeedStoreError) -> Self {
        match e {
            FeedStoreError::Refused(e) => GuardError::Feed(e),
            FeedStoreError::Store(e) => e.into(),
        }
    }
}

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GuardError::List(e) => e.fmt(f),
            GuardError::Trust(e) => e.fmt(f),
            GuardError::Storage(e) => write!(f, "{e}"),
            GuardError::Intent(e) => e.fmt(f),
            GuardError::Feed(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for GuardError {}

impl From<ListError> for GuardError {
    fn from(e: ListError) -> Self {
        GuardError::List(e)
    }
}

impl From<StoreError> for GuardError {
    fn from(e: StoreError) -> Self {
        GuardError::Storage(e.to_string())
    }
}
