//! Fixed-capacity digit buffer: the E.164 path never touches the heap.

/// Enough for the longest useful dial string (IDD + country code + 17-digit
/// national number) plus a transform-rule literal; longer input is rejected.
pub(super) const CAPACITY: usize = 40;

/// Digit values 0..=9 (not ASCII).
#[derive(Clone, Copy)]
pub(super) struct Digits {
    buf: [u8; CAPACITY],
    len: u8,
}

impl Digits {
    pub(super) const fn new() -> Self {
        Digits {
            buf: [0; CAPACITY],
            len: 0,
        }
    }

    /// Returns false (and drops the digit) when full.
    pub(super) fn push(&mut self, d: u8) -> bool {
        if (self.len as usize) < CAPACITY {
            self.buf[self.len as usize] = d;
            self.len += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn extend(&mut self, ds: &[u8]) -> bool {
        ds.iter().all(|&d| self.push(d))
    }

    pub(super) fn from_slice(ds: &[u8]) -> Self {
        let mut d = Digits::new();
        d.extend(ds);
        d
    }

    pub(super) fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    pub(super) fn len(&self) -> usize {
        self.len as usize
    }
}
