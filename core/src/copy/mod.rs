//! The words the customer reads, from message catalogues (Project Fluent):
//! one `.ftl` file per language in `ftl/`, compiled into the library (no
//! I/O), and a bank's overrides checked at load (`check`). docs/copy.md is
//! the guide for banks.
//!
//! - [`Lang`]: the languages the SDK speaks
//! - [`Catalogue`]: formats a message in a language
//! - [`CopyError`]: why an override was refused

mod catalogue;
mod check;
mod lang;

pub use catalogue::{Arg, Catalogue};
pub use check::{CopyError, MAX_OVERRIDE_BYTES, OVERRIDABLE};
pub use lang::Lang;

/// The SDK's own messages, in the order of [`Lang::ALL`].
pub const SDK_SOURCES: [&str; 4] = [
    include_str!("ftl/en.ftl"),
    include_str!("ftl/ru.ftl"),
    include_str!("ftl/uk.ftl"),
    include_str!("ftl/kk.ftl"),
];

/// The SDK's catalogue, without overrides, built once.
pub fn sdk() -> &'static Catalogue {
    static SDK: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    SDK.get_or_init(|| Catalogue::new(SDK_SOURCES))
}
