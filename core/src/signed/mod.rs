//! Signed documents: whether bytes signed by an issuer may be believed.
//!
//! - [`jws`]: the JWS serializations, byte by byte
//! - [`jwk`]: keys (ES256, EdDSA), public and signing
//! - [`trust`]: the keys an app pins per issuer
//! - [`accept`]: the acceptance rules of a contact list (start here)
//! - [`timestamp`]: RFC 3339 instants, as the formats write them
//! - `shape`, [`duplicates`]: a document's JSON shape and duplicate members
//! - [`error`]: the refusal codes

pub mod accept;
pub mod duplicates;
pub mod error;
pub mod jwk;
pub mod jws;
pub(crate) mod shape;
pub mod timestamp;
pub mod trust;
