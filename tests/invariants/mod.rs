//! The output contract, checked on any input: shared by the property tests, the adversarial
//! tests and the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path).
//!
//! For every `annotate(text)`:
//! - annotations are non-empty, in bounds, on char boundaries, sorted and non-overlapping;
//! - `text` is exactly the covered slice, and neither starts nor ends with whitespace;
//! - `label == type.label()`; `entity` and `name` are not empty; `country`, if any, is a
//!   two-letter upper-case code;
//! - the byte offsets convert to UTF-16 and code points and back (`annotator::offsets`), and
//!   the converted offsets slice the same text out of the UTF-16 and code-point views.

#![allow(dead_code)]

use annotator::offsets::{self, Unit};
use annotator::Annotation;

/// Panics with a message naming the first broken invariant of `found` for `text`.
pub fn check(text: &str, found: &[Annotation]) {
    for (k, a) in found.iter().enumerate() {
        assert!(a.start < a.end, "#{k} empty or reversed: {a:?}");
        assert!(
            a.end <= text.len(),
            "#{k} past the end ({}): {a:?}",
            text.len()
        );
        assert!(
            text.is_char_boundary(a.start) && text.is_char_boundary(a.end),
            "#{k} not on char boundaries: {a:?}"
        );
        assert_eq!(&text[a.start..a.end], a.text, "#{k} text is not the slice");
        assert_eq!(a.text.trim(), a.text, "#{k} starts or ends with whitespace");
        assert_eq!(a.label, a.kind.label(), "#{k} label/type mismatch");
        assert!(!a.entity.is_empty(), "#{k} empty entity: {a:?}");
        assert!(!a.name.is_empty(), "#{k} empty name: {a:?}");
        if let Some(c) = &a.country {
            assert!(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "#{k} bad country code: {a:?}"
            );
        }
    }
    for w in found.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "unsorted or overlapping: {:?} then {:?}",
            w[0],
            w[1]
        );
    }
    check_conversions(text, found);
}

/// The annotations' offsets in UTF-16 units and code points slice the same text, and convert
/// back to the same bytes.
fn check_conversions(text: &str, found: &[Annotation]) {
    if found.is_empty() {
        return;
    }
    let bytes: Vec<usize> = found.iter().flat_map(|a| [a.start, a.end]).collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for unit in [Unit::Utf16, Unit::CodePoint] {
        let mut conv = bytes.clone();
        offsets::from_bytes(text, &mut conv, unit).expect("annotation offsets convert");
        for (a, o) in found.iter().zip(conv.chunks_exact(2)) {
            let slice = match unit {
                Unit::Utf16 => String::from_utf16(&utf16[o[0]..o[1]]).expect("whole pairs"),
                _ => chars[o[0]..o[1]].iter().collect(),
            };
            assert_eq!(slice, a.text, "{unit:?} offsets {o:?} of {a:?}");
        }
        // `to_byte` walks the text once per call: a sample keeps the check linear.
        let step = bytes.len().div_ceil(SAMPLE).max(1);
        for (&b, &u) in bytes.iter().zip(&conv).step_by(step) {
            assert_eq!(
                offsets::to_byte(text, u, unit),
                Ok(b),
                "{unit:?} {u} → byte"
            );
        }
    }
}

/// Every char boundary of `text` converts to UTF-16 and code points (in one pass, sorted or
/// not) with the expected widths; a sample of them (at most [`SAMPLE`], as `to_byte` walks the
/// text once per call) converts back; offsets inside a character, or past the end, are errors
/// in both directions.
pub fn check_offsets(text: &str) {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let step = boundaries.len().div_ceil(SAMPLE).max(1);
    for unit in [Unit::Byte, Unit::Utf16, Unit::CodePoint] {
        let mut conv = boundaries.clone();
        offsets::from_bytes(text, &mut conv, unit).expect("boundaries convert");
        let total = offsets::len(text, unit);
        assert_eq!(conv.last().copied(), Some(total), "{unit:?} length");
        // Strictly increasing, and exactly the expected widths.
        for (w, c) in conv.windows(2).zip(text.chars()) {
            let width = match unit {
                Unit::Byte => c.len_utf8(),
                Unit::Utf16 => c.len_utf16(),
                Unit::CodePoint => 1,
            };
            assert_eq!(w[1] - w[0], width, "{unit:?} width of {c:?}");
        }
        for (&b, &u) in boundaries.iter().zip(&conv).step_by(step) {
            assert_eq!(
                offsets::to_byte(text, u, unit),
                Ok(b),
                "{unit:?} {u} → byte"
            );
        }
        assert_eq!(
            offsets::to_byte(text, total, unit),
            Ok(text.len()),
            "{unit:?} end"
        );
        // Reversed order converts to the same values (the unsorted path).
        let mut rev: Vec<usize> = boundaries.iter().rev().copied().collect();
        offsets::from_bytes(text, &mut rev, unit).expect("reversed boundaries convert");
        rev.reverse();
        assert_eq!(rev, conv, "{unit:?} unsorted conversion");
        // Past the end: an error, not a panic.
        assert!(
            offsets::to_byte(text, total + 1, unit).is_err(),
            "{unit:?} past end"
        );
        assert!(offsets::from_bytes(text, &mut [text.len() + 1], unit).is_err());
    }
    // Inside a character: an error in both directions.
    let inside: Vec<usize> = (0..text.len())
        .filter(|&i| !text.is_char_boundary(i))
        .collect();
    for &i in inside.iter().step_by(inside.len().div_ceil(SAMPLE).max(1)) {
        assert!(
            offsets::from_bytes(text, &mut [i], Unit::Utf16).is_err(),
            "byte {i}"
        );
        assert!(offsets::to_byte(text, i, Unit::Byte).is_err(), "byte {i}");
    }
    // Between the two halves of a surrogate pair.
    let mut pairs = Vec::new();
    let mut u = 0;
    for c in text.chars() {
        if c.len_utf16() == 2 {
            pairs.push(u + 1);
        }
        u += c.len_utf16();
    }
    for &p in pairs.iter().step_by(pairs.len().div_ceil(SAMPLE).max(1)) {
        assert!(
            offsets::to_byte(text, p, Unit::Utf16).is_err(),
            "UTF-16 offset {p} inside a surrogate pair"
        );
    }
}

/// How many offsets the checks convert back one by one (each `to_byte` walks the text).
const SAMPLE: usize = 64;
