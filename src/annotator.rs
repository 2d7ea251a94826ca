//! [`Annotator`] and its builder: the one place that wires the stages together.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::annotation::{Annotation, Type};
use crate::candidate::{self, Candidate, Kind as CandKind, Target};
use crate::dictionary::Dictionary;
use crate::error::Error;
use crate::gazetteer::{self, Lexicon, OrgKind};
use crate::link::{self, Document, Linked};
use crate::resolve::resolve;
use crate::rules::{self, Ctx, UNCOVERED};
use crate::text::{self, FoldBuf, Token, UPPER_INITIAL};

/// The base lexicon's image, written by `build.rs` from the data files (see `gazetteer::frozen`).
pub(crate) static LEXICON_IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The base lexicon, thawed from its image on first use and shared by every annotator.
pub(crate) fn base_lexicon() -> &'static Lexicon {
    static BASE: OnceLock<Lexicon> = OnceLock::new();
    BASE.get_or_init(|| gazetteer::thaw(LEXICON_IMAGE))
}

/// Finds actors, countries and agreements in text.
///
/// The first one built in a process thaws the embedded gazetteers (a few milliseconds; later
/// ones share them); keep it and call [`Annotator::annotate`] as often as needed.
pub struct Annotator {
    base: &'static Lexicon,
    user: Option<Lexicon>,
    /// Denied texts, whitespace-normalised and lower-cased.
    deny: FxHashSet<String>,
}

impl Default for Annotator {
    fn default() -> Self {
        Annotator::new()
    }
}

impl std::fmt::Debug for Annotator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Annotator")
            .field("user_dictionary", &self.user.is_some())
            .field("deny", &self.deny.len())
            .finish()
    }
}

/// Builds an [`Annotator`] with a user dictionary.
#[derive(Clone, Debug, Default)]
pub struct Builder {
    dictionary: Dictionary,
}

impl Builder {
    /// Adds every entry and denied text of `dictionary`.
    pub fn dictionary(mut self, dictionary: Dictionary) -> Builder {
        self.dictionary.entries.extend(dictionary.entries);
        self.dictionary.deny.extend(dictionary.deny);
        self
    }

    /// Adds one entry.
    pub fn entry(mut self, entry: crate::dictionary::Entry) -> Builder {
        self.dictionary.entries.push(entry);
        self
    }

    /// Never annotates `text` (compared ignoring case and spacing).
    pub fn deny(mut self, text: impl Into<String>) -> Builder {
        self.dictionary.deny.push(text.into());
        self
    }

    /// Checks the dictionary and builds the annotator.
    pub fn build(self) -> Result<Annotator, Error> {
        let base = base_lexicon();
        let (user, deny) = self.dictionary.compile(base)?;
        Ok(Annotator {
            base,
            user,
            deny: deny.into_iter().collect(),
        })
    }
}

/// Per-call scratch space, reused across chunks.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    ids: Vec<u32>,
    flags: Vec<u32>,
    user_ids: Vec<u32>,
    user_flags: Vec<u32>,
    gaz: Vec<Candidate>,
    cover: Vec<u32>,
    cands: Vec<Candidate>,
    /// Tokens with a capital initial, and with a class of [`rules::MARKS`] (see [`Ctx`]).
    caps: Vec<u32>,
    marks: Vec<u32>,
    /// Tokens that may start a listed phrase.
    starts: Vec<u32>,
    taken: Vec<bool>,
    fold: FoldBuf,
}

/// Chunks are cut at a blank line after this many bytes…
const CHUNK_TARGET: usize = 16 * 1024;
/// …and at a line break, a space, or anywhere, before this many.
const CHUNK_MAX: usize = 64 * 1024;

impl Annotator {
    /// An annotator with the embedded gazetteers only.
    pub fn new() -> Annotator {
        Annotator {
            base: base_lexicon(),
            user: None,
            deny: FxHashSet::default(),
        }
    }

    /// A builder for an annotator with a user dictionary.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Annotates `text`; returns non-overlapping annotations in text order, with byte offsets.
    pub fn annotate(&self, text: &str) -> Vec<Annotation> {
        self.link(text).annotations(text)
    }

    /// The mentions of `text` and their entities, before the covered texts are copied out
    /// (the wasm boundary takes them from the caller's own string instead).
    pub(crate) fn link(&self, text: &str) -> Linked {
        let mut doc = Document::new(text, self.base);
        let mut s = Scratch::default();
        let mut offset = 0;
        while offset < text.len() {
            let end = chunk_end(text, offset);
            self.chunk(&text[offset..end], offset, &mut s, &mut doc);
            offset = end;
        }
        let mut linked = doc.finish();
        if !self.deny.is_empty() {
            linked.mentions.retain(|m| {
                !self
                    .deny
                    .contains(&link::lower(&link::normalize(&text[m.start..m.end])))
            });
        }
        linked
    }

    fn chunk(&self, chunk: &str, offset: usize, s: &mut Scratch, doc: &mut Document<'_>) {
        text::tokenize(chunk, &mut s.tokens);
        text::mark_sentences(chunk, &mut s.tokens);
        let n = s.tokens.len();
        s.ids.clear();
        s.ids.resize(n, 0);
        s.flags.clear();
        s.flags.resize(n, 0);
        s.caps.clear();
        s.marks.clear();
        s.starts.clear();
        let slots = s.ids.iter_mut().zip(s.flags.iter_mut());
        for (k, (t, (id_out, f_out))) in s.tokens.iter().zip(slots).enumerate() {
            let (id, f) = self.base.lookup(&mut s.fold, chunk, t);
            (*id_out, *f_out) = (id, f);
            if t.has(UPPER_INITIAL) {
                s.caps.push(k as u32);
            }
            if f & rules::MARKS != 0 {
                s.marks.push(k as u32);
            }
            if f & gazetteer::class::PHRASE_START != 0 {
                s.starts.push(k as u32);
            }
        }
        s.gaz.clear();
        if let Some(user) = &self.user {
            s.user_ids.clear();
            s.user_flags.clear();
            for t in &s.tokens {
                let (id, f) = user.lookup(&mut s.fold, chunk, t);
                s.user_ids.push(id);
                s.user_flags.push(f);
            }
            let ids = (&s.user_ids[..], &s.user_flags[..]);
            user.find(chunk, &s.tokens, ids, 0..n, |m| {
                s.gaz.push(candidate::from_match(&m, user, true))
            });
        }
        let base = self.base;
        let starts = s.starts.iter().map(|&k| k as usize);
        base.find(chunk, &s.tokens, (&s.ids, &s.flags), starts, |m| {
            s.gaz.push(candidate::from_match(&m, base, false))
        });
        // Each token's longest gazetteer reading.
        s.cover.clear();
        s.cover.resize(n, UNCOVERED);
        for (k, c) in s.gaz.iter().enumerate() {
            for t in c.first as usize..c.last as usize {
                let cur = s.cover[t];
                if cur == UNCOVERED || s.gaz[cur as usize].len() < c.len() {
                    s.cover[t] = k as u32;
                }
            }
        }
        // Capitals and seats: the government, or a place?
        let places: Vec<usize> = {
            let ctx = Ctx::new(
                chunk, &s.tokens, &s.flags, &s.cover, &s.gaz, &s.caps, &s.marks,
            );
            s.gaz
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    let seat = match c.target {
                        Target::Org { id, user: false } => {
                            base.orgs[id as usize].kind == OrgKind::Seat
                        }
                        _ => false,
                    };
                    let (first, last) = (c.first as usize, c.last as usize);
                    (seat || c.ty() == Some(Type::Capital))
                        && !rules::metonymy::is_government(&ctx, first, last, seat)
                        || c.ty() == Some(Type::Country)
                            && rules::metonymy::in_city_name(&ctx, first, last)
                })
                .map(|(k, _)| k)
                .collect()
        };
        for k in places {
            s.gaz[k].kind = CandKind::Place;
        }
        s.cands.clear();
        s.cands.extend_from_slice(&s.gaz);
        let ctx = Ctx::new(
            chunk, &s.tokens, &s.flags, &s.cover, &s.gaz, &s.caps, &s.marks,
        );
        rules::metonymy::elliptical(&ctx, base, &mut s.cands);
        rules::metonymy::shared_short_names(&ctx, base, &mut s.cands);
        rules::metonymy::combining_forms(&ctx, base, &mut s.cands);
        rules::person::find(&ctx, &mut s.cands);
        rules::organization::find(&ctx, &mut s.cands);
        rules::agreement::find(&ctx, &mut s.cands);
        let chosen = resolve(&mut s.cands, n, &mut s.taken);
        doc.add_chunk(&ctx, self.user.as_ref(), offset, &chosen, &mut s.taken);
    }
}

/// Where the chunk starting at `start` ends: after a blank line past [`CHUNK_TARGET`], else at
/// the last line break, space or character boundary before [`CHUNK_MAX`].
fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK_MAX {
        return text.len();
    }
    let bytes = text.as_bytes();
    let window = &bytes[start + CHUNK_TARGET..start + CHUNK_MAX];
    if let Some(p) = window.windows(2).position(|w| w == b"\n\n") {
        return start + CHUNK_TARGET + p + 2;
    }
    let hard = &bytes[start..start + CHUNK_MAX];
    if let Some(p) = hard.iter().rposition(|&b| b == b'\n') {
        if p > 0 {
            return start + p + 1;
        }
    }
    if let Some(p) = hard.iter().rposition(|&b| b == b' ') {
        if p > 0 {
            return start + p + 1;
        }
    }
    let mut end = start + CHUNK_MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}
