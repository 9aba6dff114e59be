//! CallGuard core: pure logic, no I/O, no FFI.
//!
//! - [`accept`]: whether a signed contact list may be believed (start here for lists)
//! - [`screen`]: the verdict for one call (start here for calls)
//! - [`normalize`]: caller strings to E.164
//! - [`jws`], [`jwk`], [`trust`], [`list`]: the format, piece by piece

pub mod accept;
pub mod contacts;
pub mod copy;
pub mod directory;
pub mod display_text;
pub mod duplicates;
pub mod error;
pub mod feed;
pub mod intent;
pub mod jwk;
pub mod jws;
pub mod language_tag;
pub mod list;
pub mod model;
pub mod normalize;
pub mod refresh;
pub mod registry;
pub mod screen;
mod shape;
pub mod testing;
pub mod timestamp;
pub mod trust;

pub use accept::{accept_list, verify_signed_list, Prior, VerifiedList, DEFAULT_MAX_LIST_BYTES};
pub use error::{ListError, TrustError};
pub use list::ContactList;
pub use model::{Channel, Channels, ContactDirection, Localized};
pub use timestamp::Timestamp;
pub use trust::Trust;
