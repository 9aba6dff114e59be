//! CallGuard sync: keeps the bank's signed list current over HTTPS without
//! trusting the network. The signature protects the data; this crate
//! protects the phone (time, memory, battery, disk) from whatever the
//! server or an attacker on the path sends.

mod classify;
pub mod config;
pub mod error;
pub mod feed_sync;
pub mod history;
pub mod reqwest_transport;
pub mod syncer;
pub mod transport;

pub use classify::CA_HINT;
pub use config::SyncConfig;
pub use error::{NetworkCode, SyncError};
pub use feed_sync::{FeedSyncOutcome, FeedVia};
pub use syncer::{SyncOutcome, SyncStatus, Syncer};
pub use transport::{HttpRequest, HttpResponse, Transport};
