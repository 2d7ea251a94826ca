//! Byte ↔ UTF-16 ↔ code point offsets.
//!
//! Rust slices strings by bytes; JS strings and DOM ranges count UTF-16 code units; Python and
//! the W3C Web Annotation `TextPositionSelector` count code points. An emoji is 4 bytes, 2 UTF-16
//! units and 1 code point; "é" is 2 bytes and 1 unit. Conversions walk the text once.

use crate::error::Error;

/// The unit an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// UTF-8 bytes (Rust `str` indices).
    Byte,
    /// UTF-16 code units (JS string indices, DOM ranges).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    CodePoint,
}

impl Unit {
    /// Parses `byte`, `utf16` or `codepoint`.
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "byte" | "bytes" => Some(Unit::Byte),
            "utf16" | "utf-16" => Some(Unit::Utf16),
            "codepoint" | "codepoints" | "code-point" => Some(Unit::CodePoint),
            _ => None,
        }
    }
}

/// How many units of `unit` the bytes `bytes` (a whole number of UTF-8 characters) count.
///
/// Every character has exactly one byte that is not a continuation byte (`10xxxxxx`), and
/// 4-byte characters (lead byte `11110xxx`) are surrogate pairs in UTF-16; both are counted
/// eight bytes at a time.
#[inline]
fn units(bytes: &[u8], unit: Unit) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let count = |w: u64| {
        // Bit 7 of each byte: set for a continuation byte / for a 4-byte lead.
        let cont = w & !(w << 1) & HIGH;
        let lead4 = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        (cont.count_ones() as usize, lead4.count_ones() as usize)
    };
    let (mut n_cont, mut n_lead4) = (0, 0);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        if w & HIGH != 0 {
            let (c, l) = count(w);
            n_cont += c;
            n_lead4 += l;
        }
    }
    for &b in words.remainder() {
        n_cont += usize::from(b & 0xc0 == 0x80);
        n_lead4 += usize::from(b >= 0xf0);
    }
    match unit {
        Unit::Byte => bytes.len(),
        Unit::CodePoint => bytes.len() - n_cont,
        Unit::Utf16 => bytes.len() - n_cont + n_lead4,
    }
}

/// Converts byte offsets into `text` to `unit`, in place. The offsets must lie on character
/// boundaries; they may come in any order (sorted input is converted in one pass).
pub fn from_bytes(text: &str, offsets: &mut [usize], unit: Unit) -> Result<(), Error> {
    if let Some(&bad) = offsets.iter().find(|&&o| !text.is_char_boundary(o)) {
        return Err(Error::offset(bad, text.len()));
    }
    if unit == Unit::Byte {
        return Ok(());
    }
    let bytes = text.as_bytes();
    let (mut pos, mut count) = (0, 0);
    let mut convert = |o: &mut usize| {
        count += units(&bytes[pos..*o], unit);
        pos = *o;
        *o = count;
    };
    if offsets.windows(2).all(|w| w[0] <= w[1]) {
        // The usual case (annotations in text order): one pass, no index.
        offsets.iter_mut().for_each(convert);
    } else {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        order.into_iter().for_each(|i| convert(&mut offsets[i]));
    }
    Ok(())
}

/// Converts one offset counted in `unit` to a byte offset into `text`. Fails if it is past the
/// end or inside a character (for UTF-16: between the two halves of a surrogate pair).
pub fn to_byte(text: &str, offset: usize, unit: Unit) -> Result<usize, Error> {
    if unit == Unit::Byte {
        return if text.is_char_boundary(offset) {
            Ok(offset)
        } else {
            Err(Error::offset(offset, text.len()))
        };
    }
    let mut count = 0;
    for (b, c) in text.char_indices() {
        if count == offset {
            return Ok(b);
        }
        count += if unit == Unit::Utf16 {
            c.len_utf16()
        } else {
            1
        };
        if count > offset {
            return Err(Error::offset(offset, text.len()));
        }
    }
    if count == offset {
        Ok(text.len())
    } else {
        Err(Error::offset(offset, text.len()))
    }
}

/// The length of `text` in `unit`.
pub fn len(text: &str, unit: Unit) -> usize {
    units(text.as_bytes(), unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_marks() {
        // "a👍é\u{301}b": a=1 byte, 👍=4 bytes/2 units, é=2 bytes, U+0301=2 bytes.
        let text = "a👍é\u{301}b";
        let cases = [
            (0, 0, 0),
            (1, 1, 1),
            (5, 3, 2),
            (7, 4, 3),
            (9, 5, 4),
            (10, 6, 5),
        ];
        for (byte, utf16, cp) in cases {
            let mut v = [byte];
            from_bytes(text, &mut v, Unit::Utf16).unwrap();
            assert_eq!(v[0], utf16, "byte {byte} → utf16");
            let mut v = [byte];
            from_bytes(text, &mut v, Unit::CodePoint).unwrap();
            assert_eq!(v[0], cp, "byte {byte} → code point");
            assert_eq!(to_byte(text, utf16, Unit::Utf16).unwrap(), byte);
            assert_eq!(to_byte(text, cp, Unit::CodePoint).unwrap(), byte);
        }
        assert!(
            to_byte(text, 2, Unit::Utf16).is_err(),
            "inside the surrogate pair"
        );
        assert!(
            from_bytes(text, &mut [2], Unit::Utf16).is_err(),
            "inside the emoji's bytes"
        );
        assert_eq!(len(text, Unit::Utf16), 6);
    }

    #[test]
    fn counts_every_width_at_every_alignment() {
        // Characters of 1 to 4 bytes, so that eight-byte words start inside each of them.
        let text = "Kyiv–Москва 👍🏽 naïve 東京 e\u{301} \u{10ffff}z".repeat(3);
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[start..end];
                let bytes = s.as_bytes();
                assert_eq!(units(bytes, Unit::Utf16), s.encode_utf16().count(), "{s:?}");
                assert_eq!(units(bytes, Unit::CodePoint), s.chars().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn unsorted_offsets() {
        let text = "é🙂x";
        let mut v = [7, 0, 2];
        from_bytes(text, &mut v, Unit::Utf16).unwrap();
        assert_eq!(v, [4, 0, 1]);
    }
}
