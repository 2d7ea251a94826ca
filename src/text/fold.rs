//! Lookup keys: lower case, every dash as `-`, every apostrophe as `'`.
//!
//! Gazetteer forms and text tokens are folded the same way, so one hash lookup finds `RUSSIA`,
//! `Russia` and `russia`; the exact case is checked afterwards against the listed form.

/// Appends the lookup key of `token` to `out`.
pub(crate) fn fold_key(token: &str, out: &mut String) {
    if token.is_ascii() {
        let from = out.len();
        out.push_str(token);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => {
                out.push('-')
            }
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            // Soft hyphens and joiners are invisible: `Ukrai\u{ad}ne` is `ukraine`.
            '\u{ad}' | '\u{200c}' | '\u{200d}' => {}
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// A reusable buffer for folding one token at a time without allocating.
#[derive(Default)]
pub(crate) struct FoldBuf {
    bytes: Vec<u8>,
    text: String,
}

impl FoldBuf {
    /// The key of `token` as bytes, valid until the next call.
    #[inline]
    pub(crate) fn key(&mut self, token: &str) -> &[u8] {
        if token.is_ascii() {
            self.bytes.clear();
            self.bytes
                .extend(token.bytes().map(|b| b.to_ascii_lowercase()));
            &self.bytes
        } else {
            self.text.clear();
            fold_key(token, &mut self.text);
            self.text.as_bytes()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        let mut b = FoldBuf::default();
        for (input, want) in [
            ("RUSSIA", "russia"),
            ("Côte", "côte"),
            ("’s", "'s"),
            ("‑", "-"),
            ("ÉLYSÉE", "élysée"),
            ("U.S.", "u.s."),
        ] {
            assert_eq!(b.key(input), want.as_bytes());
        }
    }
}
