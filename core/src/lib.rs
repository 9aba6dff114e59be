//! CallGuard core: pure logic, no I/O, no FFI.
//!
//! - [`signed`]: whether a signed document may be believed (start here for lists)
//! - [`list`]: the contact list a bank publishes
//! - [`screen`]: the verdict for one call (start here for calls)
//! - [`copy`]: the words the customer reads, in four languages
//! - [`normalize`]: caller strings to E.164
//! - [`intent`], [`feed`]: the bank's call announcements, feeds of reported numbers
//! - [`directory`], [`contacts`]: the iOS Call Directory, the contact audit

pub mod contacts;
pub mod copy;
pub mod directory;
pub mod feed;
pub mod intent;
pub mod list;
pub mod normalize;
pub mod screen;
pub mod session;
pub mod signed;
pub mod testing;

// The paths the bindings, the CLI and the banks' tools have used since the
// first release, kept stable.
pub use list::{display_text, language_tag, model, refresh, registry};
pub(crate) use signed::shape;
pub use signed::{accept, duplicates, error, jwk, jws, timestamp, trust};

pub use accept::{accept_list, verify_signed_list, Prior, VerifiedList, DEFAULT_MAX_LIST_BYTES};
pub use error::{ListError, TrustError};
pub use list::ContactList;
pub use model::{Channel, Channels, ContactDirection, Localized};
pub use timestamp::Timestamp;
pub use trust::Trust;
