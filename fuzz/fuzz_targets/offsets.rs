//! Byte ↔ UTF-16 ↔ code point conversions on any text: every boundary round-trips, every
//! offset inside a character or past the end is an error; arbitrary offsets never panic.
#![no_main]

use annotator::offsets::{self, Unit};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The first 8 bytes pick arbitrary offsets; the rest is the text.
    let (head, rest) = data.split_at(data.len().min(8));
    let text = String::from_utf8_lossy(rest);
    invariants::check_offsets(&text);
    for (k, &b) in head.iter().enumerate() {
        let o = usize::from(b) * (k + 1);
        for unit in [Unit::Byte, Unit::Utf16, Unit::CodePoint] {
            if let Ok(byte) = offsets::to_byte(&text, o, unit) {
                assert!(text.is_char_boundary(byte));
                let mut back = [byte];
                offsets::from_bytes(&text, &mut back, unit).unwrap();
                assert_eq!(back[0], o, "{unit:?}");
            }
            let mut v = [o, o / 2, 0, text.len()];
            let _ = offsets::from_bytes(&text, &mut v, unit);
        }
    }
});
