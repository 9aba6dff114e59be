//! The CLI's own words (the demo's), a catalogue like the SDK's
//! (`cli/copy/*.ftl`, one per language); the warnings come from the SDK's.

use crate::io::{read_capped, UsageError};
use callguard_core::copy::{Catalogue, Lang, MAX_OVERRIDE_BYTES};
use std::path::Path;
use std::sync::OnceLock;

/// `callguard demo`'s messages.
pub fn demo() -> &'static Catalogue {
    static DEMO: OnceLock<Catalogue> = OnceLock::new();
    DEMO.get_or_init(|| {
        Catalogue::new([
            include_str!("../copy/en.ftl"),
            include_str!("../copy/ru.ftl"),
            include_str!("../copy/uk.ftl"),
            include_str!("../copy/kk.ftl"),
        ])
    })
}

/// `--copy FILE`: the SDK's catalogue with a bank's override of `lang`'s
/// messages (docs/copy.md), refused under its `copy_*` code, naming the
/// message, never the text. `None` without the option.
pub fn with_override(path: Option<&Path>, lang: Lang) -> Result<Option<Catalogue>, UsageError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let bytes = read_capped(path, MAX_OVERRIDE_BYTES as u64 + 1)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        UsageError::refused("copy_syntax", format!("{}: not UTF-8", path.display()))
    })?;
    callguard_core::copy::sdk()
        .with_override(lang, &text)
        .map(Some)
        .map_err(|e| UsageError::refused(e.code(), format!("{}: {e}", path.display())))
}
