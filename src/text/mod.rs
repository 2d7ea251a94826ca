//! Text → tokens: one linear pass that splits words, numbers and punctuation and records the
//! shape of each token (capitalisation, digits, dots) and what separates it from the previous one.
//!
//! The tokenizer never copies text: a [`Token`] holds byte offsets into its chunk. Phrases in the
//! gazetteers are tokenized with the same function, so "U.S.-Mexico", "People's" or "Côte
//! d'Ivoire" split identically on both sides.

mod fold;
mod sentence;

pub(crate) use fold::{fold_key, FoldBuf};
pub(crate) use sentence::mark_sentences;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits (and inner apostrophes, abbreviation dots, combining marks).
    Word,
    /// Digits only, possibly with inner `,` or `.` (`2,000`, `6.5`).
    Number,
    /// A possessive ending: `'s`, `’s`, or a lone `’` after a plural.
    Possessive,
    /// Any hyphen or dash.
    Dash,
    /// Any other character that is neither a word character nor a space.
    Punct,
}

/// Token flag: whitespace separates this token from the previous one.
pub(crate) const SPACE_BEFORE: u16 = 1;
/// Token flag: a line break separates it from the previous token (or it starts the chunk).
pub(crate) const LINE_BEFORE: u16 = 1 << 1;
/// Token flag: a blank line separates it from the previous token.
pub(crate) const PARA_BEFORE: u16 = 1 << 2;
/// Token flag: the first character is an upper-case letter.
pub(crate) const UPPER_INITIAL: u16 = 1 << 3;
/// Token flag: it has letters and none of them is lower case.
pub(crate) const ALL_CAPS: u16 = 1 << 4;
/// Token flag: it has at least one lower-case letter.
pub(crate) const HAS_LOWER: u16 = 1 << 5;
/// Token flag: it has at least one digit.
pub(crate) const HAS_DIGIT: u16 = 1 << 6;
/// Token flag: it contains abbreviation dots (`U.S.`, `J.`, `Mr.`).
pub(crate) const DOTTED: u16 = 1 << 7;
/// Token flag: it starts a sentence (set by [`mark_sentences`]).
pub(crate) const SENT_START: u16 = 1 << 8;
/// Token flag: it is in a line written in capitals, such as a headline (set by [`mark_sentences`]).
pub(crate) const SHOUT: u16 = 1 << 9;
/// Token flag: a word of a single character.
pub(crate) const SINGLE: u16 = 1 << 10;
/// Token flag: it has non-ASCII characters, so its `hash` is not set (see [`key_hash`]).
pub(crate) const NON_ASCII: u16 = 1 << 11;

/// One token: a half-open byte range of its chunk, its kind and flags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    /// [`key_hash`] of the folded token, computed while scanning (0 if [`NON_ASCII`]).
    pub hash: u32,
    pub kind: Kind,
    pub flags: u16,
}

impl Token {
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    #[inline]
    pub fn text<'t>(&self, chunk: &'t str) -> &'t str {
        &chunk[self.start as usize..self.end as usize]
    }

    /// The token's bytes: for comparisons on hot paths, without character-boundary checks.
    #[inline]
    pub fn bytes<'t>(&self, chunk: &'t str) -> &'t [u8] {
        &chunk.as_bytes()[self.start as usize..self.end as usize]
    }

    /// Whether this token follows the previous one with nothing in between (`U.S.` `-` `Mexico`).
    #[inline]
    pub fn joined(&self) -> bool {
        self.flags & (SPACE_BEFORE | LINE_BEFORE) == 0
    }

    /// A word with a lower-case first letter.
    #[inline]
    pub fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word && !self.has(UPPER_INITIAL) && self.has(HAS_LOWER)
    }
}

// Byte classes for the ASCII fast path.
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const UPPER: u8 = 3;
const LOWER: u8 = 4;
const DIGIT: u8 = 5;
const APOS: u8 = 6;
const DASH: u8 = 7;
const OTHER: u8 = 8;

const CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = match c {
            b' ' | b'\t' | 0x0b | 0x0c => SPACE,
            b'\n' | b'\r' => NEWLINE,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'\'' => APOS,
            b'-' => DASH,
            _ => OTHER,
        };
        i += 1;
    }
    t
};

/// The class of a non-ASCII character, in the same scheme as [`CLASS`].
fn class_of(c: char) -> u8 {
    match c {
        '\u{2028}' | '\u{2029}' | '\u{85}' => NEWLINE,
        // Zero-width space and BOM separate words without being visible.
        '\u{200b}' | '\u{feff}' => SPACE,
        '\u{2019}' | '\u{02bc}' => APOS,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => DASH,
        c if c.is_whitespace() => SPACE,
        c if c.is_uppercase() => UPPER,
        c if c.is_lowercase() => LOWER,
        c if c.is_alphanumeric() => WORDISH,
        c if is_word_continue(c) => CONTINUE,
        _ => OTHER,
    }
}

/// Letters without case (CJK, Arabic script, digits of other scripts).
const WORDISH: u8 = 9;
/// Characters that continue a word but cannot start one (combining marks, joiners, soft hyphen).
const CONTINUE: u8 = 10;

fn is_word_continue(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05bd}'
        | '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}'
        | '\u{0900}'..='\u{0903}' | '\u{093a}'..='\u{094f}'
        | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}'
        | '\u{200c}' | '\u{200d}' | '\u{00ad}')
}

#[inline]
fn is_word_class(class: u8) -> bool {
    matches!(class, UPPER | LOWER | DIGIT | WORDISH | CONTINUE)
}

/// Decodes the character at byte `i` (which must be a char boundary) and its class.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (CLASS[b as usize], 1)
    } else {
        let c = text[i..].chars().next().expect("char boundary");
        (class_of(c), c.len_utf8())
    }
}

/// Words that keep a following dot: titles and name suffixes, so `Mr. Smith` and `Jr.` do not
/// end a sentence.
fn keeps_dot(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Jr"
            | "Sr"
            | "St"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Adm"
            | "Prof"
            | "Rev"
            | "Sgt"
            | "Capt"
            | "Maj"
            | "Cmdr"
            | "Mt"
            | "Ft"
            | "Messrs"
            | "Mme"
            | "Pres"
            | "Amb"
            | "Lt.Gen"
            | "vs"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "No"
            | "Nos"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Splits `chunk` into tokens, appending them to `out` (which is cleared first).
pub(crate) fn tokenize(chunk: &str, out: &mut Vec<Token>) {
    out.clear();
    out.reserve(chunk.len() / 4);
    let bytes = chunk.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    // The chunk starts a line.
    let mut pending: u16 = LINE_BEFORE;
    let mut newlines = 0u32;
    while i < n {
        let b = bytes[i];
        // A plain space between words is the commonest byte after letters.
        if b == b' ' {
            pending |= SPACE_BEFORE;
            i += 1;
            continue;
        }
        // Fast path: a word of ASCII letters and digits ended by a space or plain punctuation
        // (most of any English text). Anything else takes the general path below.
        if ASCII_WORD[b as usize] != 0 {
            let start = i;
            let mut seen = 0u8;
            // Eight bytes at a time: no branch per letter, and none to mispredict at the end
            // of a word of up to seven letters.
            loop {
                let (len, s) = alnum_run(load8(bytes, i, n.min(i + 8)));
                seen |= s;
                i += len;
                if len < 8 {
                    break;
                }
            }
            let special = i < n && matches!(bytes[i], b'\'' | b'.' | b',' | 0x80..=0xff);
            if !special {
                let flags = pending | shape(seen, b.is_ascii_uppercase(), i - start == 1);
                let letters = seen & (S_UPPER | S_LOWER) != 0;
                out.push(Token {
                    start: start as u32,
                    end: i as u32,
                    hash: short_key_hash(bytes, start, i),
                    kind: if letters { Kind::Word } else { Kind::Number },
                    flags,
                });
                pending = 0;
                newlines = 0;
                continue;
            }
            i = start;
        }
        let (class, width) = char_at(chunk, i);
        match class {
            SPACE => {
                pending |= SPACE_BEFORE;
                i += width;
            }
            NEWLINE => {
                // CRLF counts once.
                if bytes[i] == b'\r' && i + 1 < n && bytes[i + 1] == b'\n' {
                    i += 1;
                }
                newlines += 1;
                pending |= LINE_BEFORE;
                if newlines >= 2 {
                    pending |= PARA_BEFORE;
                }
                i += width;
            }
            _ => {
                let start = i;
                let (kind, end, flags) = if is_word_class(class) && class != CONTINUE {
                    scan_word(chunk, i)
                } else if class == DASH {
                    (Kind::Dash, i + width, 0)
                } else if class == APOS {
                    possessive_or_punct(chunk, i, width, out.last())
                } else {
                    (Kind::Punct, i + width, 0)
                };
                let ascii = if kind == Kind::Word || kind == Kind::Number {
                    flags & NON_ASCII == 0
                } else {
                    bytes[start..end].is_ascii()
                };
                let (hash, ascii) = if ascii {
                    (key_hash(bytes, start, end), 0)
                } else {
                    (0, NON_ASCII)
                };
                out.push(Token {
                    start: start as u32,
                    end: end as u32,
                    hash,
                    kind,
                    flags: flags | pending | ascii,
                });
                pending = 0;
                newlines = 0;
                i = end;
            }
        }
    }
}

/// An apostrophe that is not inside a word: a possessive after a plural (`States’`) or a quote.
fn possessive_or_punct(
    chunk: &str,
    i: usize,
    width: usize,
    prev: Option<&Token>,
) -> (Kind, usize, u16) {
    if let Some(prev) = prev {
        let after_word = prev.end as usize == i && prev.kind == Kind::Word;
        if after_word {
            let bytes = chunk.as_bytes();
            let s = i + width;
            // "Russia's": the apostrophe and the s.
            if s < chunk.len()
                && (bytes[s] == b's' || bytes[s] == b'S')
                && (s + 1 >= chunk.len() || !is_word_class(char_at(chunk, s + 1).0))
            {
                return (Kind::Possessive, s + 1, 0);
            }
            let p = &chunk[prev.start as usize..prev.end as usize];
            let next_is_word = s < chunk.len() && is_word_class(char_at(chunk, s).0);
            if p.ends_with(['s', 'S']) && !next_is_word {
                return (Kind::Possessive, i + width, 0);
            }
        }
    }
    (Kind::Punct, i + width, 0)
}

/// Lower-cases the ASCII letters of eight packed bytes (bytes ≥ 0x80 are left alone).
#[inline]
fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !x & HIGH;
    // High bit set where the byte (7 bits) is ≥ 'A', resp. > 'Z'.
    let ge_a = (x & !HIGH) + 0x3f3f_3f3f_3f3f_3f3f;
    let gt_z = (x & !HIGH) + 0x2525_2525_2525_2525;
    let upper = ge_a & !gt_z & ascii;
    x | (upper >> 2)
}

/// The bytes `start..end` of `buf` (at most eight), little-endian, zero-padded. Reads one
/// unaligned word and masks it when the buffer extends far enough (the common case: a token
/// inside its chunk), so no copy is needed.
#[inline(always)]
fn load8(buf: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    debug_assert!(len <= 8);
    if start + 8 <= buf.len() {
        let word = u64::from_le_bytes(buf[start..start + 8].try_into().expect("eight bytes"));
        if len == 8 {
            word
        } else {
            word & ((1u64 << (8 * len)) - 1)
        }
    } else {
        buf[start..end]
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b))
    }
}

/// The first eight bytes of `buf[start..end]` with ASCII letters lower-cased, zero-padded.
#[inline]
pub(crate) fn lower_prefix(buf: &[u8], start: usize, end: usize) -> u64 {
    lower8(load8(buf, start, end.min(start + 8)))
}

/// One step of [`key_hash`]: mixes eight lower-cased key bytes into `h`.
#[inline(always)]
fn mix(h: u64, bytes: u64) -> u64 {
    (h.rotate_left(26) ^ lower8(bytes)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// [`key_hash`] without its loop, for the tokenizer's words (most are at most eight bytes).
#[inline(always)]
fn short_key_hash(buf: &[u8], start: usize, end: usize) -> u32 {
    let len = end - start;
    if len > 8 {
        return key_hash(buf, start, end);
    }
    (mix(len as u64, load8(buf, start, end)) >> 32) as u32
}

/// The lookup hash of `buf[start..end]` with ASCII letters lower-cased: equal for a token and
/// its folded key (see `fold.rs`), so lookups need not copy ASCII tokens.
#[inline(always)]
pub(crate) fn key_hash(buf: &[u8], start: usize, end: usize) -> u32 {
    let mut h = (end - start) as u64;
    let mut at = start;
    while at < end {
        h = mix(h, load8(buf, at, end.min(at + 8)));
        at += 8;
    }
    (h >> 32) as u32
}

/// A set of [`key_hash`]es kept as one bit per hash (modulo its size): a hash whose bit is
/// clear was never inserted, so a lookup for it can be skipped; a set bit may stand for
/// another key. An empty filter has not been built and lets everything through.
#[derive(Default)]
pub(crate) struct KeyFilter {
    words: Vec<u64>,
}

impl KeyFilter {
    /// A filter of `bits` bits (a power of two, at least 64).
    pub(crate) fn with_bits(bits: usize) -> KeyFilter {
        debug_assert!(bits.is_power_of_two() && bits >= 64);
        KeyFilter {
            words: vec![0; bits / 64],
        }
    }

    #[inline]
    fn bit(&self, hash: u32) -> usize {
        hash as usize & (self.words.len() * 64 - 1)
    }

    /// Whether the filter has not been built (and so lets everything through).
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Adds `hash` (nothing to do for an empty filter).
    pub(crate) fn insert(&mut self, hash: u32) {
        if !self.words.is_empty() {
            let b = self.bit(hash);
            self.words[b / 64] |= 1 << (b % 64);
        }
    }

    /// False if `hash` was certainly never inserted.
    #[inline]
    pub(crate) fn may_contain(&self, hash: u32) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let b = self.bit(hash);
        self.words[b / 64] & (1 << (b % 64)) != 0
    }
}

/// The shape flags of a word: what it contains (`seen`, `S_*` bits), whether it starts with a
/// capital, whether it is one character.
#[inline(always)]
fn shape(seen: u8, upper_initial: bool, single: bool) -> u16 {
    let mut flags = 0;
    if upper_initial {
        flags |= UPPER_INITIAL;
    }
    if seen & S_LOWER != 0 {
        flags |= HAS_LOWER;
    } else if seen & S_UPPER != 0 {
        flags |= ALL_CAPS;
    }
    if seen & S_DIGIT != 0 {
        flags |= HAS_DIGIT;
    }
    if single {
        flags |= SINGLE;
    }
    flags
}

// What a word contains, accumulated while scanning it.
const S_UPPER: u8 = 1;
const S_LOWER: u8 = 2;
const S_DIGIT: u8 = 4;
const S_CASELESS: u8 = 8;

/// The `S_*` bit of an ASCII letter or digit; 0 for any other byte (including all bytes of
/// non-ASCII characters, which the general path handles).
const ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'A'..=b'Z' => S_UPPER,
            b'a'..=b'z' => S_LOWER,
            b'0'..=b'9' => S_DIGIT,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The length of the run of ASCII letters and digits that starts eight bytes `x` (little-endian;
/// 8 if all are), and what the run contains (`S_*` bits): the tokenizer's inner loop, with
/// every byte classified at once (SWAR).
#[inline(always)]
fn alnum_run(x: u64) -> (usize, u8) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        b as u64 * 0x0101_0101_0101_0101
    }
    let ascii = !x & HIGH;
    let low = x & !HIGH;
    // High bit set in each byte that is at least `c` (bytes are 7-bit here, so no carries).
    let at_least = |c: u8| (low + each(0x80 - c)) & HIGH;
    let upper = at_least(b'A') & !at_least(b'Z' + 1) & ascii;
    let lower = at_least(b'a') & !at_least(b'z' + 1) & ascii;
    let digit = at_least(b'0') & !at_least(b'9' + 1) & ascii;
    let stop = !(upper | lower | digit) & HIGH;
    let len = (stop.trailing_zeros() / 8) as usize;
    let run = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    let mut seen = 0;
    for (bits, flag) in [(upper, S_UPPER), (lower, S_LOWER), (digit, S_DIGIT)] {
        if bits & run != 0 {
            seen |= flag;
        }
    }
    (len, seen)
}

/// Whether the apostrophe at `i` (of `width` bytes) is inside a word: followed by a letter,
/// but not as a possessive `'s` that ends the word (O'Brien, d'Ivoire, don't; not Russia's).
fn apostrophe_continues(chunk: &str, i: usize, width: usize) -> bool {
    let bytes = chunk.as_bytes();
    let next = i + width;
    if next >= bytes.len() {
        return false;
    }
    let (c2, w2) = char_at(chunk, next);
    if !matches!(c2, LOWER | UPPER | WORDISH) {
        return false;
    }
    let is_s = bytes[next] == b's' || bytes[next] == b'S';
    let after = next + w2;
    let ends = after >= bytes.len() || !is_word_class(char_at(chunk, after).0);
    !(is_s && ends)
}

/// Scans a word starting at `start`; returns its kind, end and shape flags.
fn scan_word(chunk: &str, start: usize) -> (Kind, usize, u16) {
    let bytes = chunk.as_bytes();
    let n = bytes.len();
    let (first_class, first_width) = char_at(chunk, start);
    let mut i = start;
    let mut seen = 0u8;
    let mut non_ascii = false;
    loop {
        // Runs of ASCII letters and digits are the common case.
        while i < n && bytes[i] < 0x80 {
            let m = ASCII_WORD[bytes[i] as usize];
            if m == 0 {
                break;
            }
            seen |= m;
            i += 1;
        }
        if i >= n {
            break;
        }
        let b = bytes[i];
        let (class, width) = char_at(chunk, i);
        if b >= 0x80 {
            non_ascii = true;
        }
        match class {
            UPPER => seen |= S_UPPER,
            LOWER => seen |= S_LOWER,
            DIGIT => seen |= S_DIGIT,
            WORDISH => seen |= S_CASELESS,
            CONTINUE => {}
            APOS if apostrophe_continues(chunk, i, width) => {}
            // Inner separators of numbers: 2,000 and 6.5.
            _ if (b == b',' || b == b'.')
                && seen == S_DIGIT
                && i + 1 < n
                && bytes[i + 1].is_ascii_digit() => {}
            _ => break,
        }
        i += width;
    }
    let single = i - start == first_width;
    let mut flags = shape(seen, first_class == UPPER, single);
    if non_ascii {
        flags |= NON_ASCII;
    }
    let letters = seen & (S_UPPER | S_LOWER | S_CASELESS) != 0;
    // A dot after a single letter (initials, U.S., U.N.) or after a known abbreviation.
    if i < n && bytes[i] == b'.' && letters {
        if single {
            i += 1;
            flags |= DOTTED;
            // U.S.A.: more single letters, each followed by a dot.
            while i + 1 < n && bytes[i].is_ascii_alphabetic() && bytes[i + 1] == b'.' {
                if !bytes[i].is_ascii_uppercase() {
                    flags &= !ALL_CAPS;
                    flags |= HAS_LOWER;
                }
                i += 2;
                flags &= !SINGLE;
            }
        } else if keeps_dot(&chunk[start..i]) {
            i += 1;
            flags |= DOTTED;
        }
    }
    let kind = if !letters && seen & S_DIGIT != 0 {
        Kind::Number
    } else {
        Kind::Word
    };
    (kind, i, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia’s envoy", &["Russia", "’s", "envoy"]),
            (
                "the United States’ deal",
                &["the", "United", "States", "’", "deal"],
            ),
            ("U.S.-Mexico ties", &["U.S.", "-", "Mexico", "ties"]),
            ("Antony J. Blinken", &["Antony", "J.", "Blinken"]),
            ("Côte d'Ivoire", &["Côte", "d'Ivoire"]),
            ("O'Brien's plan", &["O'Brien", "'s", "plan"]),
            (
                "2,000-strong, 6.5 percent.",
                &["2,000", "-", "strong", ",", "6.5", "percent", "."],
            ),
            ("ES‑11/1", &["ES", "‑", "11", "/", "1"]),
            ("P5+1 and G-7", &["P5", "+", "1", "and", "G", "-", "7"]),
            ("Mr. Smith said.", &["Mr.", "Smith", "said", "."]),
            ("U.S.A. now", &["U.S.A.", "now"]),
            ("a 👍🏽 b", &["a", "👍", "🏽", "b"]),
            ("e\u{301}lan", &["e\u{301}lan"]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "input {input:?}");
        }
    }

    #[test]
    fn alnum_run_matches_bytewise_scan() {
        // Every byte value in every position, and runs ending at every length.
        let mut inputs: Vec<[u8; 8]> = Vec::new();
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut x = *b"aZ09bY8c";
                x[at] = b;
                inputs.push(x);
            }
        }
        for (k, x) in inputs.into_iter().enumerate() {
            let (mut len, mut seen) = (0, 0);
            while len < 8 && ASCII_WORD[x[len] as usize] != 0 {
                seen |= ASCII_WORD[x[len] as usize];
                len += 1;
            }
            assert_eq!(
                alnum_run(u64::from_le_bytes(x)),
                (len, seen),
                "case {k}: {x:?}"
            );
        }
    }

    #[test]
    fn short_hash_matches_key_hash() {
        let text = "a Ab ABCDEFGH abcdefghi Zürich 12345678 x";
        let bytes = text.as_bytes();
        let mut v = Vec::new();
        tokenize(text, &mut v);
        for t in &v {
            let (s, e) = (t.start as usize, t.end as usize);
            assert_eq!(
                short_key_hash(bytes, s, e),
                key_hash(bytes, s, e),
                "{:?}",
                &text[s..e]
            );
            assert_eq!(
                key_hash(bytes, s, e),
                key_hash(text[s..e].to_lowercase().as_bytes(), 0, e - s)
            );
        }
    }

    #[test]
    fn flags() {
        let s = "US said\n\nNATO and McKinney 2020";
        let mut v = Vec::new();
        tokenize(s, &mut v);
        assert!(v[0].has(ALL_CAPS) && v[0].has(LINE_BEFORE));
        assert!(v[2].has(PARA_BEFORE) && v[2].has(ALL_CAPS));
        assert!(v[4].has(UPPER_INITIAL) && v[4].has(HAS_LOWER) && !v[4].has(ALL_CAPS));
        assert_eq!(v[5].kind, Kind::Number);
    }
}
