//! A bank's override of the copy, checked before it is used: it may say
//! the same things in its own words, never drop a fact of the warning.
//! The rules and codes are docs/copy.md's.
//!
//! - every message it defines exists in the SDK's catalogue, with the same
//!   value and attributes (`.title`, `.body`);
//! - each value and attribute shows every argument the SDK's shows (the
//!   bank's name, the contact's label, the channel…) on every path through
//!   its plural selections, and no argument the SDK's does not have;
//! - only text and arguments: no references to other messages or terms,
//!   no functions, no markup, no control, bidi or invisible format
//!   characters, nothing empty.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement};
use fluent_syntax::parser::parse;
use std::collections::BTreeSet;
use std::fmt;

/// The messages a bank may override: what the screening shows in the app
/// that loaded the override. The Call Directory's labels (written by the
/// iOS extension, another process) and the contact audit keep the SDK's.
pub const OVERRIDABLE: [&str; 3] = ["screen-", "channel-", "bank-unnamed"];

/// The largest override file accepted.
pub const MAX_OVERRIDE_BYTES: usize = 256 * 1024;

/// Why an override was refused: `code()` is stable, the message id (never
/// the text) says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyError {
    TooLarge,
    /// Not Fluent syntax, at this line.
    Syntax {
        line: usize,
    },
    /// A message the SDK does not have (or a term).
    UnknownMessage {
        id: String,
    },
    /// A message a bank may not override (see `OVERRIDABLE`).
    NotOverridable {
        id: String,
    },
    /// The same message twice in one file.
    Duplicate {
        id: String,
    },
    /// A value or attribute the SDK's message does not have, or lacks one it has.
    Attributes {
        id: String,
    },
    MissingArgument {
        id: String,
        argument: String,
    },
    ExtraArgument {
        id: String,
        argument: String,
    },
    /// A reference to another message or term, or a function call.
    Reference {
        id: String,
    },
    Markup {
        id: String,
    },
    /// A control, bidi or invisible format character.
    ControlCharacter {
        id: String,
    },
    Empty {
        id: String,
    },
}

impl CopyError {
    pub fn code(&self) -> &'static str {
        match self {
            CopyError::TooLarge => "copy_too_large",
            CopyError::Syntax { .. } => "copy_syntax",
            CopyError::UnknownMessage { .. } => "copy_unknown_message",
            CopyError::NotOverridable { .. } => "copy_not_overridable",
            CopyError::Duplicate { .. } => "copy_duplicate",
            CopyError::Attributes { .. } => "copy_attributes",
            CopyError::MissingArgument { .. } => "copy_missing_argument",
            CopyError::ExtraArgument { .. } => "copy_extra_argument",
            CopyError::Reference { .. } => "copy_reference",
            CopyError::Markup { .. } => "copy_markup",
            CopyError::ControlCharacter { .. } => "copy_control_character",
            CopyError::Empty { .. } => "copy_empty",
        }
    }

    /// The message the refusal is about, if any.
    pub fn message_id(&self) -> Option<&str> {
        match self {
            CopyError::TooLarge | CopyError::Syntax { .. } => None,
            CopyError::UnknownMessage { id }
            | CopyError::NotOverridable { id }
            | CopyError::Duplicate { id }
            | CopyError::Attributes { id }
            | CopyError::MissingArgument { id, .. }
            | CopyError::ExtraArgument { id, .. }
            | CopyError::Reference { id }
            | CopyError::Markup { id }
            | CopyError::ControlCharacter { id }
            | CopyError::Empty { id } => Some(id),
        }
    }
}

impl fmt::Display for CopyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CopyError::TooLarge => write!(f, "over {MAX_OVERRIDE_BYTES} bytes"),
            CopyError::Syntax { line } => write!(f, "not Fluent syntax at line {line}"),
            CopyError::UnknownMessage { id } => write!(f, "{id}: no such message in the SDK"),
            CopyError::NotOverridable { id } => write!(f, "{id}: a bank may not override it"),
            CopyError::Duplicate { id } => write!(f, "{id}: defined twice"),
            CopyError::Attributes { id } => {
                write!(f, "{id}: not the value and attributes of the SDK's message")
            }
            CopyError::MissingArgument { id, argument } => {
                write!(f, "{id}: must show ${argument} on every path")
            }
            CopyError::ExtraArgument { id, argument } => {
                write!(f, "{id}: has no argument ${argument}")
            }
            CopyError::Reference { id } => {
                write!(
                    f,
                    "{id}: only text and arguments (no references, no functions)"
                )
            }
            CopyError::Markup { id } => write!(f, "{id}: markup"),
            CopyError::ControlCharacter { id } => {
                write!(f, "{id}: a control, bidi or invisible character")
            }
            CopyError::Empty { id } => write!(f, "{id}: empty"),
        }
    }
}

impl std::error::Error for CopyError {}

/// Checks `ftl`, an override of messages of `base` (one language's source).
pub fn check_override(base: &str, ftl: &str) -> Result<(), CopyError> {
    if ftl.len() > MAX_OVERRIDE_BYTES {
        return Err(CopyError::TooLarge);
    }
    let base = parse(base).unwrap_or_else(|(partial, _)| partial);
    let ours = parse(ftl).map_err(|(_, errors)| CopyError::Syntax {
        line: errors.first().map_or(1, |e| {
            line_of(ftl, e.slice.as_ref().map_or(e.pos.start, |s| s.start))
        }),
    })?;
    let mut seen = BTreeSet::new();
    for entry in &ours.body {
        let message = match entry {
            Entry::Message(m) => m,
            Entry::Term(t) => {
                return Err(CopyError::UnknownMessage {
                    id: format!("-{}", t.id.name),
                })
            }
            Entry::Junk { .. } => return Err(CopyError::Syntax { line: 1 }),
            _ => continue,
        };
        let id = message.id.name;
        let err_id = || id.to_string();
        if !seen.insert(id) {
            return Err(CopyError::Duplicate { id: err_id() });
        }
        let theirs = base
            .body
            .iter()
            .find_map(|e| match e {
                Entry::Message(m) if m.id.name == id => Some(m),
                _ => None,
            })
            .ok_or_else(|| CopyError::UnknownMessage { id: err_id() })?;
        if !OVERRIDABLE.iter().any(|p| id.starts_with(p)) {
            return Err(CopyError::NotOverridable { id: err_id() });
        }
        check_message(message, theirs)?;
    }
    Ok(())
}

/// One message against the SDK's: the same value and attributes, each
/// checked as a pattern.
fn check_message(ours: &Message<&str>, theirs: &Message<&str>) -> Result<(), CopyError> {
    let id = ours.id.name;
    let attributes_differ = || CopyError::Attributes { id: id.to_string() };
    let names = |m: &Message<&str>| -> Vec<String> {
        let mut names: Vec<String> = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
        names.sort();
        names
    };
    if ours.value.is_some() != theirs.value.is_some() || names(ours) != names(theirs) {
        return Err(attributes_differ());
    }
    if let (Some(pattern), Some(base)) = (&ours.value, &theirs.value) {
        check_pattern(id, pattern, base)?;
    }
    for attribute in &ours.attributes {
        let base = theirs
            .attributes
            .iter()
            .find(|b| b.id.name == attribute.id.name)
            .ok_or_else(attributes_differ)?;
        check_pattern(id, &attribute.value, &base.value)?;
    }
    Ok(())
}

/// The line of a byte offset (1-based), at any offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// One value or attribute against the SDK's.
fn check_pattern(id: &str, ours: &Pattern<&str>, theirs: &Pattern<&str>) -> Result<(), CopyError> {
    let ours = Shows::of(id, ours)?;
    let theirs = Shows::of(id, theirs)?;
    if let Some(argument) = ours.any.difference(&theirs.any).next() {
        return Err(CopyError::ExtraArgument {
            id: id.to_string(),
            argument: argument.clone(),
        });
    }
    if let Some(argument) = theirs.always.difference(&ours.always).next() {
        return Err(CopyError::MissingArgument {
            id: id.to_string(),
            argument: argument.clone(),
        });
    }
    if !ours.has_text && ours.always.is_empty() {
        return Err(CopyError::Empty { id: id.to_string() });
    }
    Ok(())
}

/// The arguments a pattern shows on every path (`always`) and on some
/// (`any`, selectors included), and whether it has any visible text.
#[derive(Default)]
struct Shows {
    always: BTreeSet<String>,
    any: BTreeSet<String>,
    has_text: bool,
}

impl Shows {
    fn of(id: &str, pattern: &Pattern<&str>) -> Result<Shows, CopyError> {
        let mut shows = Shows::default();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => {
                    check_text(id, value)?;
                    shows.has_text |= !value.trim().is_empty();
                }
                PatternElement::Placeable { expression } => {
                    shows.add(&Shows::expression(id, expression)?)
                }
            }
        }
        Ok(shows)
    }

    fn expression(id: &str, expression: &Expression<&str>) -> Result<Shows, CopyError> {
        match expression {
            Expression::Inline(inline) => Shows::inline(id, inline),
            Expression::Select { selector, variants } => {
                let mut shows = Shows::default();
                shows.any.extend(Shows::inline(id, selector)?.any);
                let mut always: Option<BTreeSet<String>> = None;
                for variant in variants {
                    let each = Shows::of(id, &variant.value)?;
                    shows.any.extend(each.any);
                    shows.has_text |= each.has_text;
                    always = Some(match always {
                        None => each.always,
                        Some(a) => a.intersection(&each.always).cloned().collect(),
                    });
                }
                shows.always = always.unwrap_or_default();
                Ok(shows)
            }
        }
    }

    fn inline(id: &str, inline: &InlineExpression<&str>) -> Result<Shows, CopyError> {
        let mut shows = Shows::default();
        match inline {
            InlineExpression::VariableReference { id: var } => {
                shows.always.insert(var.name.to_string());
                shows.any.insert(var.name.to_string());
            }
            InlineExpression::StringLiteral { value } => {
                check_text(id, value)?;
                shows.has_text = !value.trim().is_empty();
            }
            InlineExpression::NumberLiteral { .. } => shows.has_text = true,
            InlineExpression::Placeable { expression } => return Shows::expression(id, expression),
            InlineExpression::FunctionReference { .. }
            | InlineExpression::MessageReference { .. }
            | InlineExpression::TermReference { .. } => {
                return Err(CopyError::Reference { id: id.to_string() })
            }
        }
        Ok(shows)
    }

    fn add(&mut self, other: &Shows) {
        self.always.extend(other.always.iter().cloned());
        self.any.extend(other.any.iter().cloned());
        self.has_text |= other.has_text;
    }
}

/// Text a customer reads: no markup, no characters that hide or reorder it.
fn check_text(id: &str, text: &str) -> Result<(), CopyError> {
    if text.contains(['<', '>']) || has_entity(text) {
        return Err(CopyError::Markup { id: id.to_string() });
    }
    if text.chars().any(hidden) {
        return Err(CopyError::ControlCharacter { id: id.to_string() });
    }
    Ok(())
}

/// An HTML entity ("&amp;", "&#8238;").
fn has_entity(text: &str) -> bool {
    text.split('&').skip(1).any(|rest| {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .collect();
        !name.is_empty() && rest[name.len()..].starts_with(';')
    })
}

/// Controls (but the line break), bidi controls and invisible format
/// characters: they reorder or hide what the customer reads.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c as u32,
            0x00AD | 0x061C | 0x115F | 0x1160 | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB
            | 0xE0000..=0xE007F)
}
