//! What a character beyond the fold's fast table reads as, kept once
//! worked out. The fast table covers Latin, Greek and Cyrillic; any other
//! character (mathematical letters "𝐈", fullwidth forms "ｃ", enclosed
//! letters "Ⓐ", other scripts) takes the slow path — NFKD, the
//! confusables table, thousands of instructions — and the reading folds a
//! name once per spelling, so the same characters come back dozens of
//! times ("𝐈 𝐧 𝐯 𝐞 𝐬 𝐭 …" in 38 spellings). Kept per process, not per
//! name: the next caller's decorations are the same few blocks.
//!
//! Direct-mapped: a slot per code point's low bits holds the last
//! character seen there, so memory stays bounded whatever the names hold
//! (a block of letters is contiguous and fits without evicting itself).
//! The work is done outside the lock; a pure function, so two threads
//! working out the same character agree.

use std::sync::Mutex;

/// Slots: 1 024 (a block of mathematical letters, of fullwidth forms).
const SLOTS: usize = 1 << 10;

pub(super) struct CharMemo<T> {
    slots: Mutex<Vec<Option<(char, T)>>>,
}

impl<T: Clone> CharMemo<T> {
    pub(super) const fn new() -> CharMemo<T> {
        CharMemo {
            slots: Mutex::new(Vec::new()),
        }
    }

    /// `work(c)`, from the memo when `c` was worked out before.
    pub(super) fn get_or(&self, c: char, work: impl FnOnce(char) -> T) -> T {
        let slot = c as usize % SLOTS;
        if let Some(Some((seen, value))) = self.lock().get(slot) {
            if *seen == c {
                return value.clone();
            }
        }
        let value = work(c);
        let mut slots = self.lock();
        if slots.is_empty() {
            slots.resize_with(SLOTS, || None);
        }
        slots[slot] = Some((c, value.clone()));
        value
    }

    /// (A panic elsewhere while it was held leaves the slots whole: each
    /// is written in one assignment.)
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<(char, T)>>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn works_a_character_out_once_and_answers_the_same() {
        let memo: CharMemo<u32> = CharMemo::new();
        let calls = Cell::new(0);
        let work = |c: char| {
            calls.set(calls.get() + 1);
            c as u32 * 2
        };
        assert_eq!(memo.get_or('𝐈', work), '𝐈' as u32 * 2);
        assert_eq!(memo.get_or('𝐈', work), '𝐈' as u32 * 2);
        assert_eq!(calls.get(), 1);
    }

    #[test]
    fn a_character_in_the_same_slot_replaces_the_last() {
        let memo: CharMemo<char> = CharMemo::new();
        let a = 'Ａ';
        let b = char::from_u32(a as u32 + SLOTS as u32).unwrap();
        assert_eq!(memo.get_or(a, |c| c), a);
        assert_eq!(memo.get_or(b, |c| c), b);
        // (Worked out again, not answered with the other's value.)
        assert_eq!(memo.get_or(a, |_| '?'), '?');
    }
}
