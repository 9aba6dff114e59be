//! CallGuard state: the state directory and the Guard that keeps verified
//! lists in memory and on disk. Everything that touches files lives here,
//! so `callguard-core` stays pure.

pub mod atomic;
pub mod bounded;
pub mod feeds;
mod feeds_in_force;
pub mod guard;
mod hex;
mod highest;
mod intents;
pub mod lock;
pub mod mapped;
mod session;
pub mod store;
mod store_error;

pub use bounded::{read_bounded, ReadError};
pub use feeds::{FeedStore, FeedStoreError, StoredFeed};
pub use feeds_in_force::{FeedSet, HeldFeed};
pub use guard::{Guard, GuardError};
pub use mapped::MappedBlob;
pub use store::{SaveError, StateDir, StoreError, StoredList};
