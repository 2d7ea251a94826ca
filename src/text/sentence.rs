//! Sentence starts and shouted (all-capitals) lines.
//!
//! Capitalisation only means "proper name" away from a sentence start and outside headlines, so
//! the rules ask these two flags before trusting a capital letter.

use super::{Kind, Token, ALL_CAPS, HAS_LOWER, LINE_BEFORE, SENT_START, SHOUT};

/// Sets [`SENT_START`] and [`SHOUT`] on `tokens` of `chunk`.
pub(crate) fn mark_sentences(chunk: &str, tokens: &mut [Token]) {
    let mut start_next = true;
    let mut line_start = 0;
    // Words of the current line with lower case / in capitals.
    let (mut lower, mut caps) = (0, 0);
    for i in 0..tokens.len() {
        let t = tokens[i];
        if t.has(LINE_BEFORE) {
            mark_shout(&mut tokens[line_start..i], lower, caps);
            (line_start, lower, caps) = (i, 0, 0);
            start_next = true;
        }
        if t.kind == Kind::Word {
            if t.has(HAS_LOWER) {
                lower += 1;
            } else if t.has(ALL_CAPS) {
                caps += 1;
            }
        }
        match t.kind {
            Kind::Word | Kind::Number if start_next => {
                tokens[i].flags |= SENT_START;
                start_next = false;
            }
            Kind::Punct => {
                // Bytes, not text: punctuation is a quarter of the tokens.
                let c = t.bytes(chunk);
                let ends = match c {
                    [b] => matches!(b, b'.' | b'!' | b'?' | b':' | b';' | b'|'),
                    _ => c == "…".as_bytes() || c == "•".as_bytes(),
                };
                let quote = c == b"\"" || c == "“".as_bytes() || c == "«".as_bytes();
                // A quotation opening after a space starts a clause whose first word may be
                // capitalised for that reason alone.
                if ends
                    || quote
                        && !start_next
                        && !t.joined()
                        && i + 1 < tokens.len()
                        && tokens[i + 1].joined()
                {
                    start_next = true;
                }
            }
            _ => {}
        }
    }
    mark_shout(&mut tokens[line_start..], lower, caps);
}

/// A line is shouted when it has at least two all-capitals words and no word with lower case.
fn mark_shout(line: &mut [Token], lower: usize, caps: usize) {
    if caps >= 2 && lower == 0 {
        for t in line.iter_mut() {
            t.flags |= SHOUT;
        }
    }
}
