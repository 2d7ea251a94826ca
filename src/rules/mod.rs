//! Context → candidates: one file per family. Every rule reads the same [`Ctx`] (tokens, their
//! word classes, and what the gazetteers already found under each token) and pushes
//! [`Candidate`]s; none of them decides overlaps (that is [`crate::resolve`]).

pub(crate) mod agreement;
pub(crate) mod metonymy;
pub(crate) mod organization;
pub(crate) mod person;

use crate::annotation::Type;
use crate::candidate::{Candidate, Kind as CandKind};
use crate::gazetteer::class;
use crate::text::{
    Kind, Token, ALL_CAPS, DOTTED, HAS_LOWER, LINE_BEFORE, SENT_START, SHOUT, SINGLE, UPPER_INITIAL,
};

/// No gazetteer reading covers the token.
pub(crate) const UNCOVERED: u32 = u32::MAX;

/// Everything a rule may read about the current chunk.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Word-class flags of each token (see [`class`]).
    pub flags: &'a [u32],
    /// Per token, the index in `gaz` of the longest gazetteer reading covering it.
    pub cover: &'a [u32],
    pub gaz: &'a [Candidate],
    /// The tokens that start with a capital, in order: the rules that need one scan only
    /// these (a fifth of the tokens of news text).
    caps: &'a [u32],
    /// The tokens with a class of [`MARKS`] (titles, agreement heads), in order.
    marks: &'a [u32],
}

/// Word classes whose tokens start a rule's match: [`Ctx::marks`] lists them.
pub(crate) const MARKS: u32 =
    class::TITLE | class::AGREEMENT_HEAD | class::DESCRIBED_HEAD | class::DESCRIBED_HEAD_MOD;

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        flags: &'a [u32],
        cover: &'a [u32],
        gaz: &'a [Candidate],
        caps: &'a [u32],
        marks: &'a [u32],
    ) -> Ctx<'a> {
        Ctx {
            text,
            toks,
            flags,
            cover,
            gaz,
            caps,
            marks,
        }
    }

    /// The capitalised tokens, in order, as indices.
    pub fn caps(&self) -> impl Iterator<Item = usize> + 'a {
        self.caps.iter().map(|&k| k as usize)
    }

    /// The tokens with a class of [`MARKS`], in order, as indices.
    pub fn marks(&self) -> impl Iterator<Item = usize> + 'a {
        self.marks.iter().map(|&k| k as usize)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn tok(&self, i: usize) -> &Token {
        &self.toks[i]
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Whether token `i` exists and has word class `c`.
    pub fn is(&self, i: usize, c: u32) -> bool {
        i < self.toks.len() && self.flags[i] & c != 0
    }

    /// Whether token `i` is written `w` ignoring case (ASCII words only). The length test,
    /// which turns most tokens away, is inlined; the comparison is out of line, as the rules ask
    /// this in hundreds of places.
    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| (t.end - t.start) as usize == w.len() && self.spelled(t, w))
    }

    /// Whether `t` (of the same length as `w`) is written `w` ignoring case.
    #[inline(never)]
    fn spelled(&self, t: &Token, w: &str) -> bool {
        t.bytes(self.text).eq_ignore_ascii_case(w.as_bytes())
    }

    /// Which of `words` token `i` is written as, ignoring case. Out of line: the rules ask this
    /// of many word lists, and each list inlined would be unrolled into its own comparisons.
    #[inline(never)]
    pub fn which_word(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().position(|w| self.is_word(i, w))
    }

    /// Whether token `i` is one of `words`, ignoring case.
    #[inline]
    pub fn is_any_word(&self, i: usize, words: &[&str]) -> bool {
        self.which_word(i, words).is_some()
    }

    /// A word in title case: `Blinken`, `McKinney` (not `NATO`, not `peace`).
    pub fn title_case(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.has(UPPER_INITIAL) && t.has(HAS_LOWER))
    }

    /// An upper-case initial with its dot: `J.`.
    pub fn initial(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word && t.has(DOTTED) && t.has(UPPER_INITIAL) && t.end - t.start == 2
        })
    }

    /// An acronym outside a shouted line: `NATO`, `U.S.`, `IGAD`.
    pub fn acronym(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word && t.has(ALL_CAPS) && !t.has(SHOUT) && !t.has(SINGLE)
        })
    }

    pub fn sent_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(SENT_START))
    }

    pub fn shout(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(SHOUT))
    }

    /// Token `i` starts a new line, or is past the end (nothing may join across either).
    pub fn new_line(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.has(LINE_BEFORE))
    }

    /// The gazetteer reading covering token `i`, if any.
    pub fn covered(&self, i: usize) -> Option<&'a Candidate> {
        match self.cover.get(i) {
            Some(&c) if c != UNCOVERED => Some(&self.gaz[c as usize]),
            _ => None,
        }
    }

    /// The type of the gazetteer reading covering `i` (`None` for none or a place).
    pub fn covered_type(&self, i: usize) -> Option<Type> {
        self.covered(i).and_then(|c| c.ty())
    }

    /// Whether a gazetteer country, demonym or capital reading starts at `i`; returns its end.
    pub fn country_at(&self, i: usize) -> Option<usize> {
        let c = self.covered(i)?;
        if c.first as usize != i {
            return None;
        }
        match c.kind {
            CandKind::Out(Type::Country | Type::Demonym | Type::Capital) => Some(c.last as usize),
            _ => None,
        }
    }

    /// A party to an agreement or a name owner: a country, demonym, organization or person
    /// reading starting at `i`; returns its end.
    pub fn party_at(&self, i: usize) -> Option<usize> {
        let c = self.covered(i)?;
        if c.first as usize != i {
            return None;
        }
        match c.ty() {
            Some(
                Type::Country | Type::Demonym | Type::Capital | Type::Organization | Type::Person,
            ) => Some(c.last as usize),
            _ => None,
        }
    }

    /// The start of the gazetteer reading that ends at `end` (exclusive), if one does.
    pub fn reading_ending_at(&self, end: usize) -> Option<&'a Candidate> {
        let c = self.covered(end.checked_sub(1)?)?;
        (c.last as usize == end).then_some(c)
    }

    /// Whether `i` is a possessive ending (`'s`, `’`).
    pub fn possessive(&self, i: usize) -> bool {
        i < self.len() && self.toks[i].kind == Kind::Possessive
    }

    pub fn dash(&self, i: usize) -> bool {
        i < self.len() && self.toks[i].kind == Kind::Dash
    }

    /// Whether token `i` is a dash with no space on either side, joining two words into one
    /// compound ("U.S.-Mexico", "Moscow-backed", "Good-Neighbourliness").
    pub fn joining_dash(&self, i: usize) -> bool {
        self.dash(i) && self.toks[i].joined() && self.toks.get(i + 1).is_some_and(Token::joined)
    }

    pub fn punct(&self, i: usize, p: &str) -> bool {
        i < self.len()
            && self.toks[i].kind == Kind::Punct
            && self.toks[i].bytes(self.text) == p.as_bytes()
    }

    /// A closed-class or function word that never belongs to a name.
    pub fn function_word(&self, i: usize) -> bool {
        self.is(i, class::STOP | class::MONTH | class::WEEKDAY)
    }

    /// Whether token `i` is in a line in headline case: at least three words, each capitalised
    /// but for function words, no full stop at the end, and at most 40 tokens ("Kenya, US Sign
    /// Health Deal").
    pub fn headline_case(&self, i: usize) -> bool {
        // A headline is short: a longer line is not scanned (which keeps this constant per call).
        const LONGEST: usize = 40;
        let mut a = i;
        while a > 0 && !self.new_line(a) {
            if i - a == LONGEST {
                return false;
            }
            a -= 1;
        }
        let mut b = i + 1;
        while !self.new_line(b) {
            if b - a == LONGEST {
                return false;
            }
            b += 1;
        }
        let mut capitals = 0;
        for k in a..b {
            if self.tok(k).kind != Kind::Word {
                continue;
            }
            if self.tok(k).has(UPPER_INITIAL) {
                capitals += 1;
            } else if !self.function_word(k) {
                return false;
            }
        }
        capitals >= 3 && !self.punct(b - 1, ".")
    }

    /// The last verb in `first..head` when `head`'s line is in headline case ("Greece, North
    /// Macedonia Sign Prespa Agreement"): capitalised for the headline, it ends the words
    /// before a name.
    pub fn headline_verb(&self, first: usize, head: usize) -> Option<usize> {
        let v = (first..head)
            .rev()
            .find(|&k| self.is(k, class::AGENT_VERB))?;
        self.headline_case(head).then_some(v)
    }
}
