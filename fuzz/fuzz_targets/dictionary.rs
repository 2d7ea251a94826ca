//! The user-dictionary parser and builder on any text: `parse::<Dictionary>()` then
//! `Annotator::builder().dictionary(d).build()` must return `Ok` or a readable `Err`, never
//! panic; a built annotator then annotates a fixed text (and the dictionary's own first entry)
//! within the output contract.
#![no_main]

use annotator::{Annotator, Dictionary};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

const TEXT: &str = "US President Joe Biden and Jane Doe of Acme Defence met in Washington; \
    the Harbour Accord (HA) was signed. Doe said France and the French agreed. 🇫🇷 Zoe\u{301}.";

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let dictionary = match src.parse::<Dictionary>() {
        Ok(d) => d,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let probe = dictionary
        .entries
        .first()
        .map(|e| format!("{} met {}.", e.text, TEXT))
        .unwrap_or_default();
    match Annotator::builder().dictionary(dictionary).build() {
        Ok(annotator) => {
            for text in [TEXT, probe.as_str()] {
                let found = annotator.annotate(text);
                invariants::check(text, &found);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
