//! Character classes, answered from a table for the scripts names are
//! written in. Every re-reading of a name asks them of each character
//! several times; the standard library answers letters outside ASCII by a
//! search of its Unicode tables, which made up a fifth of a name's
//! reading. The table is built once from the same functions, so the
//! answers are the same by construction (and tested so, for every code
//! point it holds).

use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Code points below this are answered from the table: Latin (with its
/// extensions and the phonetic letters), Greek and Cyrillic, nearly every
/// letter of the names a bank's customers see. A bigger table costs more
/// to build on the first name read than it saves (`examples/name_memory.rs`).
const TABLE_END: u32 = 0x530;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 1 << 1;
const UPPERCASE: u8 = 1 << 2;
const LOWERCASE: u8 = 1 << 3;
const MARK: u8 = 1 << 4;
const WHITESPACE: u8 = 1 << 5;

fn classes_of(c: char) -> u8 {
    let mut classes = 0;
    for (yes, class) in [
        (c.is_alphabetic(), ALPHABETIC),
        (c.is_numeric(), NUMERIC),
        (c.is_uppercase(), UPPERCASE),
        (c.is_lowercase(), LOWERCASE),
        (is_combining_mark(c), MARK),
        (c.is_whitespace(), WHITESPACE),
    ] {
        if yes {
            classes |= class;
        }
    }
    classes
}

/// The classes of a character below `TABLE_END`.
#[inline]
fn classes(c: char) -> u8 {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).map_or(0, classes_of))
            .collect()
    });
    table[c as usize]
}

/// The classes of a character a name's reading asks about; the same
/// answers as `char`'s own methods and `is_combining_mark`.
pub(super) trait Class: Copy {
    fn is_alpha(self) -> bool;
    fn is_num(self) -> bool;
    fn is_alnum(self) -> bool;
    fn is_upper(self) -> bool;
    fn is_lower(self) -> bool;
    fn is_mark(self) -> bool;
    fn is_space(self) -> bool;
}

/// From the table below `TABLE_END`, by the standard function beyond.
#[inline]
fn class(c: char, class: u8, beyond: fn(char) -> bool) -> bool {
    if (c as u32) < TABLE_END {
        classes(c) & class != 0
    } else {
        beyond(c)
    }
}

impl Class for char {
    #[inline]
    fn is_alpha(self) -> bool {
        class(self, ALPHABETIC, char::is_alphabetic)
    }
    #[inline]
    fn is_num(self) -> bool {
        class(self, NUMERIC, char::is_numeric)
    }
    #[inline]
    fn is_alnum(self) -> bool {
        class(self, ALPHABETIC | NUMERIC, char::is_alphanumeric)
    }
    #[inline]
    fn is_upper(self) -> bool {
        class(self, UPPERCASE, char::is_uppercase)
    }
    #[inline]
    fn is_lower(self) -> bool {
        class(self, LOWERCASE, char::is_lowercase)
    }
    #[inline]
    fn is_mark(self) -> bool {
        class(self, MARK, is_combining_mark)
    }
    #[inline]
    fn is_space(self) -> bool {
        class(self, WHITESPACE, char::is_whitespace)
    }
}

/// A character's compatibility decomposition (NFKD), marks included:
/// from a table for the first blocks, computed beyond them.
pub(super) enum Decomposed {
    Table(&'static [char]),
    Computed(Vec<char>),
}

impl std::ops::Deref for Decomposed {
    type Target = [char];
    fn deref(&self) -> &[char] {
        match self {
            Decomposed::Table(parts) => parts,
            Decomposed::Computed(parts) => parts,
        }
    }
}

fn nfkd_of(c: char) -> Vec<char> {
    std::iter::once(c).nfkd().collect()
}

/// NFKD of one character, as `std::iter::once(c).nfkd()` gives it.
pub(super) fn decomposed(c: char) -> Decomposed {
    static TABLE: OnceLock<(Vec<u32>, Vec<char>)> = OnceLock::new();
    if (c as u32) >= TABLE_END {
        return Decomposed::Computed(nfkd_of(c));
    }
    let (starts, parts) = TABLE.get_or_init(|| {
        let mut starts = vec![0];
        let mut parts = Vec::new();
        for cp in 0..TABLE_END {
            if let Some(c) = char::from_u32(cp) {
                parts.extend(std::iter::once(c).nfkd());
            }
            starts.push(parts.len() as u32);
        }
        (starts, parts)
    });
    let cp = c as usize;
    Decomposed::Table(&parts[starts[cp] as usize..starts[cp + 1] as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_standard_library() {
        for cp in 0..TABLE_END + 0x100 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(c.is_alpha(), c.is_alphabetic(), "{cp:X}");
            assert_eq!(c.is_num(), c.is_numeric(), "{cp:X}");
            assert_eq!(c.is_alnum(), c.is_alphanumeric(), "{cp:X}");
            assert_eq!(c.is_upper(), c.is_uppercase(), "{cp:X}");
            assert_eq!(c.is_lower(), c.is_lowercase(), "{cp:X}");
            assert_eq!(c.is_mark(), is_combining_mark(c), "{cp:X}");
            assert_eq!(c.is_space(), c.is_whitespace(), "{cp:X}");
            assert_eq!(*decomposed(c), nfkd_of(c), "{cp:X}");
        }
    }
}
