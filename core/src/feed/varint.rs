//! LEB128 unsigned varints: 7 bits a byte, low bits first, high bit set on
//! every byte but the last. Only the canonical (shortest) form is valid, so
//! one set of entries has exactly one encoding and one SHA-256.

/// Appends `value`.
pub(crate) fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one varint at `*pos`, advancing it. `None` if it runs past the
/// end, is longer than 10 bytes, overflows 64 bits or is not canonical.
#[inline]
pub(crate) fn get(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0u32;
    loop {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        let low = (byte & 0x7f) as u64;
        if shift == 63 && low > 1 {
            return None;
        }
        value |= low << shift;
        if byte & 0x80 == 0 {
            // A zero last byte after others is an over-long encoding.
            if byte == 0 && shift > 0 {
                return None;
            }
            return Some(value);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(value: u64) {
            let mut out = Vec::new();
            put(&mut out, value);
            let mut pos = 0;
            prop_assert_eq!(get(&out, &mut pos), Some(value));
            prop_assert_eq!(pos, out.len());
        }

        #[test]
        fn never_panics(bytes: Vec<u8>) {
            let mut pos = 0;
            while pos < bytes.len() {
                if get(&bytes, &mut pos).is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn refuses_overlong_truncated_and_overflowing() {
        assert_eq!(get(&[0x80, 0x00], &mut 0), None);
        assert_eq!(get(&[0x80], &mut 0), None);
        let mut too_big = vec![0xff; 9];
        too_big.push(0x02);
        assert_eq!(get(&too_big, &mut 0), None);
        let mut max = vec![0xff; 9];
        max.push(0x01);
        assert_eq!(get(&max, &mut 0), Some(u64::MAX));
        assert_eq!(get(&[0x00], &mut 0), Some(0));
    }
}
