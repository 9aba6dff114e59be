//! A catalogue: one Fluent bundle per language, the base messages and any
//! overrides a bank loaded on top.
//!
//! Isolation: Fluent wraps every argument in FSI/PDI (U+2068/U+2069) by
//! default. Those marks are invisible where a full bidi renderer draws the
//! text, but they are characters: they count against the short labels of
//! iOS's Call Directory, survive into logs, terminals and copy-paste, and
//! older Android notification renderers draw them as boxes. Our arguments
//! are bank names, labels and channel names from signed lists, in the
//! left-to-right scripts of our four languages, so the catalogue turns the
//! marks off and isolates only an argument that holds right-to-left letters
//! (a Hebrew or Arabic name), where isolation is what keeps the sentence
//! in order (`core/tests/copy_catalogue.rs` shows both).

use super::check::{check_override, CopyError};
use super::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// An argument of a message: a text, or a number (which picks the plural
/// form by the language's CLDR rules: "1 контакт", "5 контактов").
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

pub struct Catalogue {
    base: [&'static str; 4],
    /// A bank's override files, per language, in the order loaded.
    overrides: [Vec<String>; 4],
    bundles: [FluentBundle<FluentResource>; 4],
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("overrides", &self.overrides.each_ref().map(Vec::len))
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    /// A catalogue of `base` messages, one source per language in the
    /// order of [`Lang::ALL`]. The sources are part of the build and
    /// tested (a message a source lacks or cannot parse is left out).
    pub fn new(base: [&'static str; 4]) -> Catalogue {
        let overrides: [Vec<String>; 4] = Default::default();
        Catalogue {
            bundles: Lang::ALL.map(|lang| bundle(lang, base[lang.index()], &[])),
            base,
            overrides,
        }
    }

    /// This catalogue with `ftl` overriding some of `lang`'s messages:
    /// checked against the base messages first (docs/copy.md), refused
    /// whole with the message named.
    pub fn with_override(&self, lang: Lang, ftl: &str) -> Result<Catalogue, CopyError> {
        check_override(self.base[lang.index()], ftl)?;
        let mut overrides = self.overrides.clone();
        overrides[lang.index()].push(ftl.to_string());
        Ok(Catalogue {
            bundles: Lang::ALL.map(|l| bundle(l, self.base[l.index()], &overrides[l.index()])),
            base: self.base,
            overrides,
        })
    }

    /// A message's value in `lang`.
    pub fn text(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(lang, id, None, args)
    }

    /// A message's `.title` and `.body` in `lang`.
    pub fn titled(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> (String, String) {
        (
            self.format(lang, id, Some("title"), args),
            self.format(lang, id, Some("body"), args),
        )
    }

    /// Whether `lang` has the message (with the attribute) itself, not by
    /// falling back to English.
    pub fn has(&self, lang: Lang, id: &str, attribute: Option<&str>) -> bool {
        let message = self.bundles[lang.index()].get_message(id);
        match attribute {
            None => message.is_some_and(|m| m.value().is_some()),
            Some(a) => message.is_some_and(|m| m.get_attribute(a).is_some()),
        }
    }

    /// Formats; a message missing in `lang` falls back to English, and to
    /// its id if English lacks it too (the catalogue tests make both
    /// impossible for the SDK's messages). Never panics.
    fn format(
        &self,
        lang: Lang,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(isolated(text)),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for lang in [lang, Lang::En] {
            let bundle = &self.bundles[lang.index()];
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let pattern = match attribute {
                None => message.value(),
                Some(a) => message.get_attribute(a).map(|a| a.value()),
            };
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }
}

fn bundle(lang: Lang, base: &'static str, overrides: &[String]) -> FluentBundle<FluentResource> {
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(base.to_string()).unwrap_or_else(|(partial, _)| partial);
    // The base has no duplicate ids (tested); an error here would only
    // leave a message out.
    let _ = bundle.add_resource(resource);
    for text in overrides {
        // Checked by `check_override`: it parses.
        if let Ok(resource) = FluentResource::try_new(text.clone()) {
            bundle.add_resource_overriding(resource);
        }
    }
    bundle
}

/// The text, isolated (FSI … PDI) only if it holds right-to-left letters.
fn isolated(text: &str) -> String {
    if text.chars().any(right_to_left) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana,
/// NKo, Samaritan, Mandaic, their presentation forms).
fn right_to_left(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFC | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}
