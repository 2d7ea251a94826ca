//! `annotate` on any UTF-8 text (other bytes are decoded lossily, so every input is used), with
//! the output contract of tests/invariants checked on every run.
#![no_main]

use std::sync::OnceLock;

use annotator::Annotator;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    static ANNOTATOR: OnceLock<Annotator> = OnceLock::new();
    let annotator = ANNOTATOR.get_or_init(Annotator::new);
    let text = String::from_utf8_lossy(data);
    let found = annotator.annotate(&text);
    invariants::check(&text, &found);
    // Deterministic: the same input gives the same output.
    assert_eq!(found, annotator.annotate(&text), "second run differs");
});
