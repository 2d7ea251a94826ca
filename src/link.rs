//! Entities: canonical names and keys, coreference within the document, country affiliation.
//!
//! - A country mention of any type links to its ISO code ("French" → `FR`).
//! - A person links to the gazetteer's canonical name, else to the full name as written; a
//!   later (or earlier) surname-only mention joins the nearest full name with that surname
//!   ("Biden" → "Joe Biden", "Nebenzya" → "Vasily Nebenzya").
//! - "Long Name (ACR)" makes ACR a mention of Long Name, there and wherever ACR recurs.
//! - An actor's country comes from the gazetteer or from context (a title such as "Russia's
//!   permanent representative", "French counterpart") and is shared by all its mentions.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::annotation::{Annotation, Type};
use crate::candidate::{Candidate, Target};
use crate::gazetteer::{class, Lexicon};
use crate::rules::Ctx;
use crate::text::{fold_key, Kind, ALL_CAPS, SENT_START, SHOUT};

struct Entity {
    name: Arc<str>,
    country: Option<u16>,
}

/// Per annotation: its entity, and whether it is a lone surname awaiting its full name.
struct Meta {
    entity: u32,
    surname_only: bool,
}

/// An unannotated capitalised word that may turn out to be a surname or an acronym defined
/// elsewhere in the document.
struct Leftover {
    start: usize,
    end: usize,
    /// Sentence-initial and also a known common word: too weak for a lone surname.
    weak: bool,
}

/// A country's shared code and name strings, and its entity.
type CountryStrings = (Arc<str>, Arc<str>, u32);

/// The annotations of one document, built chunk by chunk, then finished.
pub(crate) struct Document<'t> {
    text: &'t str,
    base: &'t Lexicon,
    out: Vec<Annotation>,
    meta: Vec<Meta>,
    entities: Vec<Entity>,
    by_name: FxHashMap<Arc<str>, u32>,
    /// Folded surname → (byte position, entity) of each full-name mention.
    surnames: FxHashMap<String, Vec<(usize, u32)>>,
    /// Folded acronym → the annotation it abbreviates.
    acronyms: FxHashMap<String, usize>,
    /// Folded head word of an organization's name ("council") → (position, annotation) of each
    /// full mention, so "the Council" can stand for "the Security Council".
    heads: FxHashMap<String, Vec<(usize, u32)>>,
    leftovers: Vec<Leftover>,
    /// Per country id: its code and name strings, and its entity, once used.
    codes: Vec<Option<CountryStrings>>,
    /// Scratch space for folded keys.
    key: String,
}

impl<'t> Document<'t> {
    pub(crate) fn new(text: &'t str, base: &'t Lexicon) -> Document<'t> {
        Document {
            text,
            base,
            out: Vec::new(),
            meta: Vec::new(),
            entities: Vec::new(),
            by_name: FxHashMap::default(),
            surnames: FxHashMap::default(),
            acronyms: FxHashMap::default(),
            heads: FxHashMap::default(),
            leftovers: Vec::new(),
            codes: vec![None; base.countries.len()],
            key: String::new(),
        }
    }

    /// The shared code and name strings of a country, and its entity.
    fn country(&mut self, id: u16) -> CountryStrings {
        if let Some(known) = &self.codes[id as usize] {
            return known.clone();
        }
        let c = &self.base.countries[id as usize];
        let code: Arc<str> = Arc::from(&*c.code);
        let e = self.entity(&code, Some(id));
        let known = (code, Arc::from(&*c.name), e);
        self.codes[id as usize] = Some(known.clone());
        known
    }

    /// Folds `s` into the scratch key and returns it (take it back with `put_key`).
    fn fold_into_key(&mut self, s: &str) -> String {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        fold_key(s, &mut key);
        key
    }

    /// Records a full-name mention of entity `e` at `pos` under the surname `s`.
    fn add_surname(&mut self, s: &str, pos: usize, e: u32) {
        let key = self.fold_into_key(s);
        match self.surnames.get_mut(key.as_str()) {
            // Mentions come in text order, so a repeat can only be the last entry.
            Some(list) => {
                if list.last() != Some(&(pos, e)) {
                    list.push((pos, e));
                }
            }
            None => {
                self.surnames.insert(key.clone(), vec![(pos, e)]);
            }
        }
        self.key = key;
    }

    fn entity(&mut self, name: &str, country: Option<u16>) -> u32 {
        if let Some(&e) = self.by_name.get(name) {
            let ent = &mut self.entities[e as usize];
            if ent.country.is_none() {
                ent.country = country;
            }
            return e;
        }
        let name: Arc<str> = Arc::from(name);
        let e = self.entities.len() as u32;
        self.entities.push(Entity {
            name: name.clone(),
            country,
        });
        self.by_name.insert(name, e);
        e
    }

    /// Links the chosen candidates of one chunk (`offset` = the chunk's byte offset in the
    /// document); `taken` marks the chunk's annotated tokens.
    pub(crate) fn add_chunk(
        &mut self,
        ctx: &Ctx<'_>,
        user: Option<&Lexicon>,
        offset: usize,
        chosen: &[Candidate],
        taken: &mut [bool],
    ) {
        let at = |i: usize| offset + ctx.tok(i).start as usize;
        let end_of = |i: usize| offset + ctx.tok(i).end as usize;
        for c in chosen {
            let Some(ty) = c.ty() else { continue };
            let (first, last) = (c.first as usize, c.last as usize);
            let (start, end) = (at(first), end_of(last - 1));
            let idx = self.push(ctx, user, c, ty, start, end);
            // "Tigray People's Liberation Front (TPLF)": the bracketed acronym is a mention.
            if matches!(ty, Type::Organization | Type::Named | Type::Country) {
                if let Some((a0, a1)) = acronym_after(ctx, last, taken) {
                    let (s, e) = (at(a0), end_of(a1 - 1));
                    self.copy(idx, s, e);
                    taken[a0..a1].iter_mut().for_each(|t| *t = true);
                    self.acronyms.entry(folded(&self.text[s..e])).or_insert(idx);
                }
            }
        }
        self.collect_leftovers(ctx, offset, taken);
    }

    fn push(
        &mut self,
        ctx: &Ctx<'_>,
        user: Option<&Lexicon>,
        c: &Candidate,
        ty: Type,
        start: usize,
        end: usize,
    ) -> usize {
        let text = &self.text[start..end];
        let lex_of = |u: bool| {
            if u {
                user.unwrap_or(self.base)
            } else {
                self.base
            }
        };
        let mut surname_only = false;
        let (entity, name, country): (Arc<str>, Arc<str>, Option<Arc<str>>) = match ty {
            Type::Country | Type::Demonym | Type::Capital => {
                let id = match c.target {
                    Target::Country(id) => id,
                    _ => c.country.unwrap_or(0),
                };
                let (code, name, e) = self.country(id);
                self.meta.push(Meta {
                    entity: e,
                    surname_only: false,
                });
                self.out.push(annotation(
                    start,
                    end,
                    ty,
                    text,
                    code.clone(),
                    name,
                    Some(code),
                ));
                return self.out.len() - 1;
            }
            Type::Person => {
                let (canonical, table_country): (Cow<'_, str>, _) = match c.target {
                    Target::Person { id, user } => {
                        let p = &lex_of(user).people[id as usize];
                        (Cow::Borrowed(&*p.name), p.country)
                    }
                    _ => (normalize(text), None),
                };
                let country = c.country.or(table_country);
                let e = self.entity(&canonical, country);
                let (parts, surname) = surname(ctx, c);
                if parts >= 2 {
                    if let Some(s) = surname {
                        self.add_surname(s, start, e);
                    }
                }
                if let Target::Person { .. } = c.target {
                    // The canonical name's own surname: "Nebenzya" after "Vasily Nebenzya".
                    // Not a patronymic: "Salman" in "Mohammed bin Salman" is his father.
                    let mut words = canonical.rsplit(' ');
                    let last_word = words.next().filter(|w| w.len() > 2);
                    let before = words.next();
                    let patronymic =
                        before.is_some_and(|b| matches!(b, "bin" | "ibn" | "bint" | "ben"));
                    if let (Some(w), Some(_), false) = (last_word, before, patronymic) {
                        self.add_surname(w, start, e);
                    }
                }
                surname_only = parts == 1 && c.target == Target::None;
                self.meta.push(Meta {
                    entity: e,
                    surname_only,
                });
                let name = self.entities[e as usize].name.clone();
                (name.clone(), name, None)
            }
            Type::Organization | Type::Named | Type::Described => {
                let (canonical, table_country): (Cow<'_, str>, _) = match c.target {
                    Target::Org { id, user } => {
                        let o = &lex_of(user).orgs[id as usize];
                        (Cow::Borrowed(&*o.name), o.country)
                    }
                    Target::Agreement { id, user } => (
                        Cow::Borrowed(&*lex_of(user).agreements[id as usize].name),
                        None,
                    ),
                    _ if ty == Type::Described => {
                        let n = normalize(text);
                        if n.chars().any(char::is_uppercase) {
                            (Cow::Owned(n.to_lowercase()), None)
                        } else {
                            (n, None)
                        }
                    }
                    _ => (normalize(text), None),
                };
                let e = self.entity(&canonical, c.country.or(table_country));
                let last = c.last as usize - 1;
                if ty == Type::Organization
                    && c.len() > 1
                    && ctx.is(last, class::ORG_HEAD)
                    && ctx.title_case(last)
                {
                    let key = folded(ctx.word(last));
                    self.heads
                        .entry(key)
                        .or_default()
                        .push((start, self.out.len() as u32));
                }
                self.meta.push(Meta {
                    entity: e,
                    surname_only,
                });
                let name = self.entities[e as usize].name.clone();
                (name.clone(), name, None)
            }
        };
        self.out
            .push(annotation(start, end, ty, text, entity, name, country));
        self.out.len() - 1
    }

    /// A mention at `start..end` of the same entity as annotation `idx`.
    fn copy(&mut self, idx: usize, start: usize, end: usize) {
        let mut a = self.out[idx].clone();
        a.start = start;
        a.end = end;
        a.text = self.text[start..end].to_string();
        self.meta.push(Meta {
            entity: self.meta[idx].entity,
            surname_only: false,
        });
        self.out.push(a);
    }

    fn collect_leftovers(&mut self, ctx: &Ctx<'_>, offset: usize, taken: &[bool]) {
        let mut i = 0;
        while i < ctx.len() {
            let t = ctx.tok(i);
            let capital = ctx.title_case(i)
                || ctx.acronym(i)
                || t.has(SHOUT) && t.has(ALL_CAPS) && t.end - t.start > 1;
            if taken[i]
                || !capital
                || t.kind != Kind::Word
                || ctx.function_word(i)
                || ctx.covered(i).is_some()
            {
                i += 1;
                continue;
            }
            // Dash-joined groups ("FARC-EP") are looked up whole.
            let mut j = i;
            while j + 2 < ctx.len()
                && ctx.dash(j + 1)
                && ctx.tok(j + 1).joined()
                && ctx.tok(j + 2).joined()
                && ctx.tok(j + 2).kind == Kind::Word
                && !taken[j + 2]
            {
                j += 2;
            }
            let weak = t.has(SENT_START)
                && ctx.flags[i] & !(class::GIVEN | class::SURNAME | class::PHRASE_START) != 0;
            self.leftovers.push(Leftover {
                start: offset + t.start as usize,
                end: offset + ctx.tok(j).end as usize,
                weak,
            });
            if j > i {
                self.leftovers.push(Leftover {
                    start: offset + t.start as usize,
                    end: offset + t.end as usize,
                    weak,
                });
            }
            i = j + 1;
        }
    }

    /// Resolves surname-only mentions and acronyms across the whole document, spreads
    /// countries over entities, and returns the annotations in text order.
    pub(crate) fn finish(mut self) -> Vec<Annotation> {
        for i in 0..self.out.len() {
            if !self.meta[i].surname_only {
                continue;
            }
            let key = self.fold_into_key(&self.text[self.out[i].start..self.out[i].end]);
            let found = nearest(self.surnames.get(key.as_str()), self.out[i].start);
            self.key = key;
            if let Some(e) = found {
                self.meta[i].entity = e;
                let name = self.entities[e as usize].name.clone();
                self.out[i].entity = name.clone();
                self.out[i].name = name;
            }
        }
        let mut leftovers = std::mem::take(&mut self.leftovers);
        if self.acronyms.is_empty() && self.surnames.is_empty() && self.heads.is_empty() {
            leftovers.clear();
        }
        let mut last_end = 0;
        for l in leftovers {
            if l.start < last_end {
                continue;
            }
            let key = self.fold_into_key(&self.text[l.start..l.end]);
            let acronym = self
                .acronyms
                .get(key.as_str())
                .copied()
                .or_else(|| nearest(self.heads.get(key.as_str()), l.start).map(|i| i as usize));
            let surname = if acronym.is_none() && !l.weak {
                nearest(self.surnames.get(key.as_str()), l.start)
            } else {
                None
            };
            self.key = key;
            if let Some(idx) = acronym {
                self.copy(idx, l.start, l.end);
                last_end = l.end;
            } else {
                if let Some(e) = surname {
                    let name = self.entities[e as usize].name.clone();
                    let text = &self.text[l.start..l.end];
                    self.out.push(annotation(
                        l.start,
                        l.end,
                        Type::Person,
                        text,
                        name.clone(),
                        name,
                        None,
                    ));
                    self.meta.push(Meta {
                        entity: e,
                        surname_only: false,
                    });
                    last_end = l.end;
                }
            }
        }
        for i in 0..self.out.len() {
            if self.out[i].country.is_none() {
                if let Some(id) = self.entities[self.meta[i].entity as usize].country {
                    self.out[i].country = Some(self.country(id).0);
                }
            }
        }
        if self
            .out
            .windows(2)
            .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end))
        {
            return self.out;
        }
        // Sort positions, then move each annotation once.
        let mut order: Vec<(usize, usize, u32)> = self
            .out
            .iter()
            .enumerate()
            .map(|(i, a)| (a.start, a.end, i as u32))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Annotation>> = self.out.into_iter().map(Some).collect();
        order
            .iter()
            .filter_map(|&(_, _, i)| slots[i as usize].take())
            .collect()
    }
}

fn annotation(
    start: usize,
    end: usize,
    ty: Type,
    text: &str,
    entity: Arc<str>,
    name: Arc<str>,
    country: Option<Arc<str>>,
) -> Annotation {
    Annotation {
        start,
        end,
        label: ty.label(),
        kind: ty,
        text: text.to_string(),
        entity,
        name,
        country,
    }
}

/// The entity of the nearest full-name mention before `pos`, else the first one after it.
/// `list` is in text order (mentions are recorded as the chunks are linked).
fn nearest(list: Option<&Vec<(usize, u32)>>, pos: usize) -> Option<u32> {
    let list = list?;
    // The last mention before `pos`, else the first one after it.
    let before = list.partition_point(|&(p, _)| p < pos);
    list.get(before.saturating_sub(1)).map(|&(_, e)| e)
}

/// The lookup key of a text (see [`fold_key`]).
fn folded(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    fold_key(s, &mut key);
    key
}

/// Collapses whitespace (including no-break spaces and line breaks) to single spaces.
pub(crate) fn normalize(s: &str) -> Cow<'_, str> {
    let plain = s.bytes().all(|b| b.is_ascii_graphic())
        || !s.starts_with(' ')
            && !s.ends_with(' ')
            && !s.contains("  ")
            && !s.chars().any(|c| c.is_whitespace() && c != ' ');
    if plain {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// The number of name parts of a person candidate and its surname (the last title-case part
/// that is not a suffix or an initial).
fn surname<'c>(ctx: &Ctx<'c>, c: &Candidate) -> (usize, Option<&'c str>) {
    let mut parts = 0;
    let mut last = None;
    for i in c.first as usize..c.last as usize {
        if ctx.title_case(i) && !ctx.is(i, class::SUFFIX) {
            parts += 1;
            if !ctx.tok(i).joined() || i == c.first as usize {
                last = Some(i);
            }
        } else if ctx.initial(i) {
            parts += 1;
        }
    }
    // A patronymic is no surname: "Salman" in "Mohammed bin Salman" names his father.
    let patronymic = |i: usize| {
        i > 0
            && ["bin", "ibn", "bint", "ben"]
                .iter()
                .any(|p| ctx.is_word(i - 1, p))
    };
    let last = last.filter(|&i| !patronymic(i));
    // "Thomas-Greenfield": a dash-joined surname is looked up whole.
    let word = last.map(|i| {
        let mut j = i;
        while j + 2 < c.last as usize
            && ctx.dash(j + 1)
            && ctx.tok(j + 1).joined()
            && ctx.tok(j + 2).joined()
        {
            j += 2;
        }
        &ctx.text[ctx.tok(i).start as usize..ctx.tok(j).end as usize]
    });
    (parts, word)
}

/// A bracketed acronym right after an entity: "(TPLF)", "(FARC–EP)", "(CoHA)".
fn acronym_after(ctx: &Ctx<'_>, last: usize, taken: &[bool]) -> Option<(usize, usize)> {
    if !ctx.punct(last, "(") {
        return None;
    }
    let a0 = last + 1;
    let mut a1 = a0;
    while a1 < ctx.len() && a1 - a0 < 5 && !ctx.punct(a1, ")") {
        if taken[a1] || a1 > a0 && !ctx.tok(a1).joined() {
            return None;
        }
        a1 += 1;
    }
    if a1 == a0 || !ctx.punct(a1, ")") {
        return None;
    }
    let text = &ctx.text[ctx.tok(a0).start as usize..ctx.tok(a1 - 1).end as usize];
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    let first_upper = text.chars().next().is_some_and(char::is_uppercase);
    (capitals >= 2 && first_upper && ctx.tok(a0).kind == Kind::Word).then_some((a0, a1))
}
