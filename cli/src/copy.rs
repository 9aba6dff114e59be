//! The CLI's own words (the demo's), a catalogue like the SDK's
//! (`cli/copy/*.ftl`, one per language); the warnings come from the SDK's.

use crate::io::UsageError;
use callguard_core::copy::{Catalogue, Lang, MAX_OVERRIDE_BYTES};
use std::io::Read;
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
pub fn with_override(path: Option<&Path>, tag: &str) -> Result<Option<Catalogue>, UsageError> {
    let Some(path) = path else {
        return Ok(None);
    };
    // An override is for one language the SDK speaks: never English by fallback.
    let lang = Lang::spoken(tag).ok_or_else(|| {
        UsageError::refused("copy_language", "--lang: the SDK speaks en, ru, uk and kk")
    })?;
    // Read one byte past the cap, at most: a larger file is refused as
    // the SDK refuses it, without reading it all.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(MAX_OVERRIDE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| UsageError::new(format!("{}: {e}", path.display())))?;
    if bytes.len() > MAX_OVERRIDE_BYTES {
        return Err(UsageError::refused(
            "copy_too_large",
            format!("{}: over {MAX_OVERRIDE_BYTES} bytes", path.display()),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        UsageError::refused("copy_syntax", format!("{}: not UTF-8", path.display()))
    })?;
    callguard_core::copy::sdk()
        .with_override(lang, &text)
        .map(Some)
        .map_err(|e| UsageError::refused(e.code(), format!("{}: {e}", path.display())))
}
