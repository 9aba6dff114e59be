//! The contact list: what a bank publishes, once its signature is believed.
//!
//! - `contact_list`: the list, its contacts and lookups (re-exported here)
//! - [`model`]: channels, directions, localized texts
//! - [`display_text`], [`language_tag`]: the rules for its texts
//! - [`registry`]: the lists in force, one per issuer
//! - [`refresh`]: when to fetch it again

mod contact_list;
pub mod display_text;
pub mod language_tag;
pub mod model;
pub mod refresh;
pub mod registry;

pub use contact_list::*;
