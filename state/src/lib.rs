//! CallGuard state: the state directory and the Guard that keeps verified
//! lists in memory and on disk. Everything that touches files lives here,
//! so `callguard-core` stays pure.

pub mod atomic;
pub mod guard;
pub mod store;

pub use guard::{Guard, GuardError};
pub use store::{StateDir, StoreError, StoredList};
