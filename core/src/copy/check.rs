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

use crate::list::display_text::is_visible;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement};
use fluent_syntax::parser::parse;
use std::collections::BTreeSet;
use std::fmt;

/// The messages a bank may override: what the screening and the in-call
/// advice show in the app that loaded the override. The Call Directory's
/// labels (written by the iOS extension, another process) and the contact
/// audit keep the SDK's.
pub const OVERRIDABLE: [&str; 4] = ["screen-", "channel-", "bank-unnamed", "advice-"];

/// Placeables inside placeables, at most (`{ $n -> [one] { $n } … }` is 2).
pub const MAX_NESTING: usize = 4;

/// Placeables in one message, at most: Fluent stops formatting a pattern
/// after 100, which would cut a warning short.
pub const MAX_PLACEABLES: usize = 16;

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
    /// A control, bidi, invisible or blank character, or a combining mark.
    ControlCharacter {
        id: String,
    },
    /// A backslash: Fluent's escapes (`"\u202E"`) would hide characters
    /// from these checks. At this line.
    Escape {
        line: usize,
    },
    /// Placeables nested deeper than `MAX_NESTING` (at this line), or more
    /// than `MAX_PLACEABLES` in one message (id).
    TooComplex {
        id: Option<String>,
        line: usize,
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
            CopyError::Escape { .. } => "copy_escape",
            CopyError::TooComplex { .. } => "copy_too_complex",
            CopyError::Empty { .. } => "copy_empty",
        }
    }

    /// The message the refusal is about, if any.
    pub fn message_id(&self) -> Option<&str> {
        match self {
            CopyError::TooLarge | CopyError::Syntax { .. } | CopyError::Escape { .. } => None,
            CopyError::TooComplex { id, .. } => id.as_deref(),
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
            CopyError::Escape { line } => write!(f, "a backslash at line {line}: no escapes"),
            CopyError::TooComplex { id: Some(id), .. } => {
                write!(f, "{id}: over {MAX_PLACEABLES} placeables")
            }
            CopyError::TooComplex { id: None, line } => {
                write!(
                    f,
                    "placeables nested over {MAX_NESTING} deep at line {line}"
                )
            }
        }
    }
}

impl std::error::Error for CopyError {}

/// Checks `ftl`, an override of messages of `base` (one language's source).
pub fn check_override(base: &str, ftl: &str) -> Result<(), CopyError> {
    if ftl.len() > MAX_OVERRIDE_BYTES {
        return Err(CopyError::TooLarge);
    }
    // A byte-order mark is how some editors start a UTF-8 file.
    let ftl = ftl.strip_prefix('\u{FEFF}').unwrap_or(ftl);
    check_raw(ftl)?;
    let base = parse(base).unwrap_or_else(|(partial, _)| partial);
    // The parser is not ours: whatever it does with a hostile file, the
    // answer is a refusal (fluent-rs#389: a panic on some escapes, which
    // `check_raw` refuses before).
    let parsed =
        std::panic::catch_unwind(|| parse(ftl)).map_err(|_| CopyError::Syntax { line: 1 })?;
    let ours = parsed.map_err(|(_, errors)| CopyError::Syntax {
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
    let placeables: usize = ours
        .value
        .iter()
        .chain(ours.attributes.iter().map(|a| &a.value))
        .map(count_placeables)
        .sum();
    if placeables > MAX_PLACEABLES {
        return Err(CopyError::TooComplex {
            id: Some(id.to_string()),
            line: 0,
        });
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

/// What is refused before the file is parsed: escapes (they would hide
/// what they stand for from the checks below), and nesting deep enough to
/// exhaust a stack in the parser or the formatter.
fn check_raw(ftl: &str) -> Result<(), CopyError> {
    if let Some(at) = ftl.find('\\') {
        return Err(CopyError::Escape {
            line: line_of(ftl, at),
        });
    }
    let mut depth = 0usize;
    for (at, c) in ftl.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(CopyError::TooComplex {
                        id: None,
                        line: line_of(ftl, at),
                    });
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
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

/// The placeables of a pattern, those inside selections too.
fn count_placeables(pattern: &Pattern<&str>) -> usize {
    fn expression(e: &Expression<&str>) -> usize {
        match e {
            Expression::Inline(i) => inline(i),
            Expression::Select { selector, variants } => {
                inline(selector)
                    + variants
                        .iter()
                        .map(|v| count_placeables(&v.value))
                        .sum::<usize>()
            }
        }
    }
    fn inline(i: &InlineExpression<&str>) -> usize {
        match i {
            InlineExpression::Placeable { expression: e } => 1 + expression(e),
            _ => 0,
        }
    }
    pattern
        .elements
        .iter()
        .map(|e| match e {
            PatternElement::Placeable { expression: e } => 1 + expression(e),
            PatternElement::TextElement { .. } => 0,
        })
        .sum()
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
                    shows.has_text |= value.chars().any(is_visible);
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
                shows.has_text = value.chars().any(is_visible);
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

/// What a customer cannot see or that changes what is around it:
/// controls (but the line break), bidi controls, invisible format and
/// blank characters (the SDK's own rule for list texts), and combining
/// marks (one after `{ $bank }` would strike the bank's name through; the
/// four languages write theirs precomposed).
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || unicode_normalization::char::is_combining_mark(c)
        || !c.is_whitespace() && !is_visible(c)
        || matches!(c as u32, 0x2028 | 0x2029)
}
