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
use crate::gazetteer::{class, family_name, Lexicon, OrgKind, PATRONYMIC};
use crate::rules::organization::{self, possessor};
use crate::rules::Ctx;
use crate::text::{fold_key, key_hash, KeyFilter, Kind, ALL_CAPS, SENT_START, SHOUT};

/// Something mentioned in the document: its key ("US", "Joe Biden"), display name and country.
pub(crate) struct Entity {
    pub key: Arc<str>,
    pub name: Arc<str>,
    pub country: Option<u16>,
}

/// One annotation before it is materialised: positions, type and entity.
#[derive(Clone, Copy)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Type,
    pub entity: u32,
}

/// An unannotated capitalised word that may turn out to be a surname or an acronym defined
/// elsewhere in the document.
struct Leftover {
    start: usize,
    end: usize,
    /// Sentence-initial and also a known common word: too weak for a lone surname.
    weak: bool,
    /// No capitalised word next to it and not in a shouted line, so it may be an
    /// organization's head standing alone ("the Council"), not a word of another name ("the
    /// Air Force Base").
    alone: bool,
    /// Where it starts with the unannotated name particles before it, if it is a surname:
    /// "Le Pen", "Van der Westhuizen", "van der Berg" (the key is the last word).
    lead: usize,
}

/// The annotations of one document, built chunk by chunk, then finished.
pub(crate) struct Document<'t> {
    text: &'t str,
    base: &'t Lexicon,
    out: Vec<Mention>,
    /// Lone surnames (indices into `out`) waiting for their full name.
    surname_only: Vec<u32>,
    entities: Vec<Entity>,
    by_key: FxHashMap<Arc<str>, u32>,
    /// Per country id, its entity, once mentioned.
    country_entities: Vec<u32>,
    /// Folded surname → (byte position, entity) of each full-name mention.
    surnames: FxHashMap<String, Vec<(usize, u32)>>,
    /// Folded acronym → the mention it abbreviates.
    acronyms: FxHashMap<String, usize>,
    /// Folded initials of a multi-word name → its first mention ("RAA" after "Reciprocal
    /// Access Agreement"); only a word in capitals is looked up here.
    initials: FxHashMap<String, usize>,
    /// Folded head word of an organization's name ("council") → (position, mention) of each
    /// full mention, so "the Council" can stand for "the Security Council".
    heads: FxHashMap<String, Vec<(usize, u32)>>,
    leftovers: Vec<Leftover>,
    /// Scratch space for folded keys.
    key: String,
}

/// The finished document: mentions in text order and the entities they refer to.
pub(crate) struct Linked {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Per country id, its code as a shared string (filled for the countries referred to).
    codes: Vec<Option<Arc<str>>>,
}

impl Linked {
    /// The ISO code of the country an entity belongs to (or is).
    pub(crate) fn country_code(&self, e: &Entity) -> Option<&Arc<str>> {
        e.country.and_then(|id| self.codes[id as usize].as_ref())
    }

    /// The public annotations, with the covered text copied from `text`.
    pub(crate) fn annotations(&self, text: &str) -> Vec<Annotation> {
        self.mentions
            .iter()
            .map(|m| {
                let e = &self.entities[m.entity as usize];
                Annotation {
                    start: m.start,
                    end: m.end,
                    label: m.kind.label(),
                    kind: m.kind,
                    text: text[m.start..m.end].to_string(),
                    entity: e.key.clone(),
                    name: e.name.clone(),
                    country: self.country_code(e).cloned(),
                }
            })
            .collect()
    }
}

const NO_ENTITY: u32 = u32::MAX;

impl<'t> Document<'t> {
    pub(crate) fn new(text: &'t str, base: &'t Lexicon) -> Document<'t> {
        // Sized for news text (about one mention per 70 bytes, one entity and one surname per
        // few hundred), so the tables are not rehashed again and again as they fill.
        let entities = text.len() / 512;
        Document {
            text,
            base,
            out: Vec::with_capacity(text.len() / 128),
            surname_only: Vec::new(),
            entities: Vec::with_capacity(entities),
            by_key: FxHashMap::with_capacity_and_hasher(entities, Default::default()),
            country_entities: vec![NO_ENTITY; base.countries.len()],
            surnames: FxHashMap::with_capacity_and_hasher(entities / 2, Default::default()),
            acronyms: FxHashMap::default(),
            initials: FxHashMap::default(),
            heads: FxHashMap::default(),
            leftovers: Vec::new(),
            key: String::new(),
        }
    }

    /// The entity of a country.
    fn country(&mut self, id: u16) -> u32 {
        let known = self.country_entities[id as usize];
        if known != NO_ENTITY {
            return known;
        }
        let c = &self.base.countries[id as usize];
        let e = self.entities.len() as u32;
        let key: Arc<str> = Arc::from(&*c.code);
        self.entities.push(Entity {
            key: key.clone(),
            name: Arc::from(&*c.name),
            country: Some(id),
        });
        self.by_key.insert(key, e);
        self.country_entities[id as usize] = e;
        e
    }

    /// Folds `s` into the scratch key and returns it (give it back by assigning `self.key`).
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

    /// The entity named `name` (its key), created if new; its country is set if unknown.
    fn entity(&mut self, name: &str, country: Option<u16>) -> u32 {
        if let Some(&e) = self.by_key.get(name) {
            let ent = &mut self.entities[e as usize];
            if ent.country.is_none() {
                ent.country = country;
            }
            return e;
        }
        let name: Arc<str> = Arc::from(name);
        let e = self.entities.len() as u32;
        self.entities.push(Entity {
            key: name.clone(),
            name: name.clone(),
            country,
        });
        self.by_key.insert(name, e);
        e
    }

    /// The entity already named like `name` without its middle initials, if it has any.
    fn without_initials(&self, name: &str) -> Option<u32> {
        // An initial is " X." between two words; dropping its three bytes keeps one space.
        let b = name.as_bytes();
        if !b.windows(2).any(|w| w == b". ") {
            return None;
        }
        let mut bare = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b' ' && b.get(i + 2) == Some(&b'.') && b.get(i + 3) == Some(&b' ') {
                i += 3;
                continue;
            }
            bare.push(b[i]);
            i += 1;
        }
        if bare.len() == b.len() {
            return None;
        }
        let bare = std::str::from_utf8(&bare).ok()?;
        self.by_key.get(bare).copied()
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
            if matches!(ty, Type::Organization | Type::Named) {
                if let Some(key) = initials(&self.text[start..end]) {
                    self.initials.entry(key).or_insert(idx);
                }
            }
            // "the FDLR militia … the FDLR denies it": an acronym a rule found to be an
            // organization names it wherever it recurs.
            if ty == Type::Organization && last == first + 1 && ctx.acronym(first) {
                let key = folded(&self.text[start..end]);
                self.acronyms.entry(key).or_insert(idx);
            }
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
        let entity = match ty {
            Type::Country | Type::Demonym | Type::Capital => {
                let id = match c.target {
                    Target::Country(id) => id,
                    _ => c.country.unwrap_or(0),
                };
                self.country(id)
            }
            Type::Person => {
                let (canonical, table_country): (Cow<'_, str>, _) = match c.target {
                    Target::Person { id, user } => {
                        let lex = lex_of(user);
                        let p = &lex.people[id as usize];
                        (Cow::Borrowed(lex.name(p.name)), p.country)
                    }
                    _ => (normalize(text), None),
                };
                // "Marco J. Rubio" after "Marco Rubio": the same person.
                let e = match self.without_initials(&canonical) {
                    Some(e) => e,
                    None => self.entity(&canonical, c.country.or(table_country)),
                };
                let (parts, surname) = surname(ctx, c);
                if parts >= 2 {
                    if let Some(s) = surname {
                        self.add_surname(s, start, e);
                    }
                }
                if let Target::Person { .. } = c.target {
                    // The canonical name's own surname: "Nebenzya" after "Vasily Nebenzya".
                    if let Some(w) = family_name(&canonical) {
                        self.add_surname(w, start, e);
                    }
                    // "Felipe" after "King Felipe VI": a monarch goes by the regnal name.
                    if let Some(w) = regnal_name(&canonical) {
                        self.add_surname(w, start, e);
                    }
                    // "Li" after "Li Qiang", "Lee" after "Lee Jae-myung".
                    let code = table_country.map(|id| &*self.base.countries[id as usize].code);
                    if let Some(w) =
                        code.and_then(|code| family_name_first(&canonical, code, self.base))
                    {
                        self.add_surname(w, start, e);
                    }
                }

                if parts == 1 && c.target == Target::None {
                    self.surname_only.push(self.out.len() as u32);
                }
                e
            }
            Type::Organization | Type::Named | Type::Described => {
                let (canonical, country): (Cow<'_, str>, _) = match c.target {
                    Target::Org { id, user } => {
                        let lex = lex_of(user);
                        let o = &lex.orgs[id as usize];
                        // A listed government body belongs to the state that owns it by a
                        // possessive: many states have a "National Security Council". So does
                        // an IGO body's generic short name: "Russia's Security Council" is
                        // Russia's, "Russia's UN Security Council envoy" the UN's.
                        let generic_body = o.kind == OrgKind::IgoBody
                            && (c.first..c.last).all(|i| ctx.title_case(i as usize));
                        let owner = (o.kind == OrgKind::Government || generic_body)
                            .then(|| possessor(ctx, c.first as usize))
                            .flatten();
                        match (owner, c.country) {
                            // "Peru's Congress" is not the listed (US) Congress: it keeps its
                            // own name.
                            (Some(owner), Some(listed)) if owner != listed => {
                                (normalize(text), Some(owner))
                            }
                            (Some(owner), _) if generic_body => (normalize(text), Some(owner)),
                            (owner, listed) => (Cow::Borrowed(lex.name(o.name)), owner.or(listed)),
                        }
                    }
                    Target::Agreement { id, user } => {
                        let lex = lex_of(user);
                        (
                            Cow::Borrowed(lex.name(lex.agreements[id as usize].name)),
                            c.country,
                        )
                    }
                    _ if ty == Type::Described => {
                        let n = normalize(text);
                        if n.chars().any(char::is_uppercase) {
                            (Cow::Owned(lower(&n)), c.country)
                        } else {
                            (n, c.country)
                        }
                    }
                    _ => (normalize(text), c.country),
                };
                let e = self.entity(&canonical, country);
                let last = c.last as usize - 1;
                // A company's legal form alone ("& Co", "Inc") stands for no company.
                if ty == Type::Organization
                    && c.len() > 1
                    && ctx.is(last, class::ORG_HEAD)
                    && ctx.title_case(last)
                    && !organization::legal_form(ctx, last)
                {
                    let key = folded(ctx.word(last));
                    self.heads
                        .entry(key)
                        .or_default()
                        .push((start, self.out.len() as u32));
                }
                e
            }
        };
        self.out.push(Mention {
            start,
            end,
            kind: ty,
            entity,
        });
        self.out.len() - 1
    }

    /// A mention at `start..end` of the same entity as mention `idx`.
    fn copy(&mut self, idx: usize, start: usize, end: usize) {
        let m = self.out[idx];
        self.out.push(Mention { start, end, ..m });
    }

    fn collect_leftovers(&mut self, ctx: &Ctx<'_>, offset: usize, taken: &[bool]) {
        let mut from = 0;
        for i in ctx.caps() {
            if i < from {
                continue;
            }
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
                continue;
            }
            // Dash-joined groups ("FARC-EP") are looked up whole, if no part of them is
            // annotated (a user's alias may be a dash).
            let mut j = i;
            while j + 2 < ctx.len()
                && ctx.joining_dash(j + 1)
                && ctx.tok(j + 2).kind == Kind::Word
                && !taken[j + 1]
                && !taken[j + 2]
            {
                j += 2;
            }
            let weak = t.has(SENT_START)
                && ctx.flags[i] & !(class::GIVEN | class::SURNAME | class::PHRASE) != 0;
            let capital_at = |k: usize| !ctx.new_line(k) && ctx.title_case(k) && !ctx.sent_start(k);
            let capital_before = i > 0 && !ctx.new_line(i) && capital_at(i - 1);
            let capital_after = j + 1 < ctx.len() && capital_at(j + 1);
            // In a shouted headline every word is in capitals: a head there ("MAJOR LEAGUE
            // STANDINGS") is a common word, not a named organization's short form.
            let alone = !(capital_before || capital_after || t.has(SHOUT));
            let mut lead = i;
            while lead > 0
                && i - lead < 2
                && !taken[lead - 1]
                && !ctx.new_line(lead)
                && !ctx.tok(lead).joined()
                && ctx.tok(lead - 1).kind == Kind::Word
                && ctx.is(lead - 1, class::PARTICLE)
            {
                lead -= 1;
            }
            let lead = offset + ctx.tok(lead).start as usize;
            self.leftovers.push(Leftover {
                start: offset + t.start as usize,
                end: offset + ctx.tok(j).end as usize,
                weak,
                alone,
                lead,
            });
            if j > i {
                self.leftovers.push(Leftover {
                    start: offset + t.start as usize,
                    end: offset + t.end as usize,
                    weak,
                    alone: false,
                    lead,
                });
            }
            from = j + 1;
        }
    }

    /// "Sir Keir" after "Keir Starmer": the latest other entity whose full name starts with
    /// the given name `given` (rare, so a scan of the entities).
    fn by_given_name(&self, given: &str, mention: usize) -> Option<u32> {
        let own = self.out[mention].entity;
        (0..self.entities.len() as u32).rev().find(|&e| {
            let name = &*self.entities[e as usize].key;
            e != own
                && name
                    .strip_prefix(given)
                    .is_some_and(|rest| rest.starts_with(' '))
        })
    }

    /// Resolves surname-only mentions and acronyms across the whole document and returns the
    /// mentions in text order with their entities.
    pub(crate) fn finish(mut self) -> Linked {
        for i in std::mem::take(&mut self.surname_only) {
            let m = self.out[i as usize];
            // "Al Thani", "Le Pen": the surname after its particles.
            let written = &self.text[m.start..m.end];
            let key = self.fold_into_key(written.rsplit(' ').next().unwrap_or(written));
            let mut found = nearest(self.surnames.get(key.as_str()), m.start);
            if found.is_none() {
                let before = self.text[..m.start].trim_end();
                // Knights and royals go by their given names ("Sir Keir", "King Abdullah",
                // "Crown Prince Mohammed"); the honorific is a word of its own ("Sir Keir", not
                // "Yasir Keir").
                let honorific = HONORIFICS.iter().any(|h| {
                    before
                        .strip_suffix(h)
                        .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
                });
                if honorific {
                    found = self.by_given_name(&self.text[m.start..m.end], i as usize);
                }
            }
            self.key = key;
            if let Some(e) = found {
                self.out[i as usize].entity = e;
            }
        }
        // Mentions found so far are in text order; the ones found now come after them, also
        // in text order, and the two runs are merged at the end.
        let linked = self.out.len();
        let mut leftovers = std::mem::take(&mut self.leftovers);
        if self.acronyms.is_empty()
            && self.initials.is_empty()
            && self.surnames.is_empty()
            && self.heads.is_empty()
        {
            leftovers.clear();
        }
        // The hashes of every key a leftover could match, as a bit set: most leftovers
        // (capitalised words that name nothing) are passed over without folding a key.
        // About one bit in sixteen is set, so one unknown word in sixteen gets through.
        let n_keys = self.acronyms.len() + self.initials.len() + self.heads.len();
        let bits = ((n_keys + self.surnames.len()) * 16)
            .next_power_of_two()
            .max(64);
        let mut known = KeyFilter::with_bits(bits);
        let keys = (self.acronyms.keys().chain(self.initials.keys()))
            .chain(self.heads.keys().chain(self.surnames.keys()));
        for k in keys {
            known.insert(key_hash(k.as_bytes(), 0, k.len()));
        }
        let mut last_end = 0;
        for l in leftovers {
            if l.start < last_end {
                continue;
            }
            let bytes = &self.text.as_bytes()[l.start..l.end];
            if bytes.is_ascii() && !known.may_contain(key_hash(bytes, 0, bytes.len())) {
                continue;
            }
            let capitals = bytes.iter().all(u8::is_ascii_uppercase);
            let key = self.fold_into_key(&self.text[l.start..l.end]);
            let by_initials = || self.initials.get(key.as_str()).filter(|_| capitals);
            let acronym = self
                .acronyms
                .get(key.as_str())
                .or_else(by_initials)
                .copied();
            let acronym = acronym.or_else(|| {
                let heads = self.heads.get(key.as_str()).filter(|_| l.alone);
                nearest(heads, l.start).map(|i| i as usize)
            });
            let surname = if acronym.is_none() && !l.weak {
                nearest(self.surnames.get(key.as_str()), l.start)
            } else {
                None
            };
            self.key = key;
            if let Some(idx) = acronym {
                self.copy(idx, l.start, l.end);
                last_end = l.end;
            } else if let Some(entity) = surname {
                self.out.push(Mention {
                    start: if l.lead >= last_end { l.lead } else { l.start },
                    end: l.end,
                    kind: Type::Person,
                    entity,
                });
                last_end = l.end;
            }
        }
        let mut codes = vec![None; self.base.countries.len()];
        for e in &self.entities {
            if let Some(id) = e.country {
                codes[id as usize]
                    .get_or_insert_with(|| Arc::from(&*self.base.countries[id as usize].code));
            }
        }
        Linked {
            mentions: merge(self.out, linked),
            entities: self.entities,
            codes,
        }
    }
}

/// Merges `v[..mid]` and `v[mid..]`, each sorted by position, into one sorted list.
fn merge(mut v: Vec<Mention>, mid: usize) -> Vec<Mention> {
    let key = |m: &Mention| (m.start, m.end);
    if mid == 0 || mid == v.len() || key(&v[mid - 1]) <= key(&v[mid]) {
        return v;
    }
    let tail = v.split_off(mid);
    let mut out = Vec::with_capacity(v.len() + tail.len());
    let (mut a, mut b) = (v.into_iter().peekable(), tail.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// The entity of the nearest full-name mention before `pos`, else the first one after it.
/// `list` is in text order (mentions are recorded as the chunks are linked).
fn nearest(list: Option<&Vec<(usize, u32)>>, pos: usize) -> Option<u32> {
    let list = list?;
    let before = list.partition_point(|&(p, _)| p < pos);
    list.get(before.saturating_sub(1)).map(|&(_, e)| e)
}

/// The folded initials of a name of three to six capitalised words ("Reciprocal Access
/// Agreement" → "raa", "Tigray People's Liberation Front" → "tplf"), skipping the small words
/// inside names; `None` if another word is in lower case.
fn initials(name: &str) -> Option<String> {
    let mut key = String::new();
    for word in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        let first = word.chars().next()?;
        if first.is_ascii_uppercase() {
            key.push(first.to_ascii_lowercase());
        } else if !["of", "the", "and", "for", "on", "to", "in"].contains(&word) {
            return None;
        }
    }
    (3..=6).contains(&key.len()).then_some(key)
}

/// The lookup key of a text (see [`fold_key`]).
fn folded(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    fold_key(s, &mut key);
    key
}

/// `s` lower-cased letter by letter: the keys of deny lists and described agreements need no
/// more than that, and it spares the wasm build `str::to_lowercase` (4 KB).
pub(crate) fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
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
        // A capitalised particle opening a surname is no part ("Al Thani", "Van Moer"), unless
        // it is also a given name ("Ben Wallace") or ends the name ("Mangala Das").
        let particle =
            ctx.is(i, class::PARTICLE) && !ctx.is(i, class::GIVEN) && i + 1 < c.last as usize;
        if ctx.title_case(i) && !ctx.is(i, class::SUFFIX) && !particle {
            parts += 1;
            if !ctx.tok(i).joined() || i == c.first as usize {
                last = Some(i);
            }
        } else if ctx.initial(i) {
            parts += 1;
        }
    }
    // A patronymic is no surname: "Salman" in "Mohammed bin Salman" names his father.
    let patronymic = |i: usize| i > 0 && ctx.is_any_word(i - 1, &PATRONYMIC);
    let last = last.filter(|&i| !patronymic(i));
    // "Thomas-Greenfield": a dash-joined surname is looked up whole.
    let word = last.map(|i| {
        let mut j = i;
        while j + 2 < c.last as usize && ctx.joining_dash(j + 1) {
            j += 2;
        }
        &ctx.text[ctx.tok(i).start as usize..ctx.tok(j).end as usize]
    });
    (parts, word)
}

/// Titles that go with a given name alone: a later "King Abdullah" is the "Abdullah II" named
/// before.
const HONORIFICS: [&str; 13] = [
    "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Emir", "Sheikh", "Sheik", "Sultan",
    "Shah", "Emperor", "Empress",
];

/// The given name of a monarch listed with a regnal number: "Felipe" of "Felipe VI".
fn regnal_name(name: &str) -> Option<&str> {
    let (given, number) = name.split_once(' ')?;
    let roman = !number.is_empty() && number.bytes().all(|b| b"IVX".contains(&b));
    roman.then_some(given)
}

/// Where names are written family name first, in their own order, in English news too.
const FAMILY_NAME_FIRST: [&str; 6] = ["CN", "TW", "HK", "MO", "KR", "KP"];

/// The family name at the start of the name of a listed person from a country of
/// [`FAMILY_NAME_FIRST`] ("Li" in "Li Qiang", "Kim" in "Kim Jong Un"); none where the first word
/// is a Western given name, as in many Hong Kong and Taiwanese names ("Carrie Lam"), unless the
/// rest is a romanized given name ("Lai Ching-te") or the name is Korean, where "Kim" or "Lee"
/// comes first whatever else it may be.
fn family_name_first<'n>(name: &'n str, code: &str, lex: &Lexicon) -> Option<&'n str> {
    if !FAMILY_NAME_FIRST.contains(&code) {
        return None;
    }
    let (first, rest) = name.split_once(' ')?;
    let mut chars = first.chars();
    let plain = chars.next().is_some_and(char::is_uppercase)
        && first.len() >= 2
        && chars.all(char::is_lowercase);
    let korean = code == "KR" || code == "KP";
    // A romanized given name of two syllables is one dashed word: "Ching-te", "Jae-myung".
    let romanized = !rest.contains(' ') && rest.contains('-');
    let given_first = || lex.word_flags(first) & class::GIVEN != 0;
    (plain && !rest.is_empty() && (korean || romanized || !given_first())).then_some(first)
}

/// A bracketed acronym right after an entity: "(TPLF)", "(FARC–EP)", "(CoHA)".
fn acronym_after(ctx: &Ctx<'_>, last: usize, taken: &[bool]) -> Option<(usize, usize)> {
    // Brackets that are part of another annotation (a user's entry may be anything) are not
    // around an acronym: its mention would come out of text order.
    if !ctx.punct(last, "(") || taken[last] {
        return None;
    }
    let a0 = last + 1;
    let mut a1 = a0;
    while a1 < ctx.len() && a1 - a0 < 5 && !ctx.punct(a1, ")") {
        // Letters and dashes only ("FARC–EP"): never a symbol or a control character.
        let part = ctx.tok(a1).kind == Kind::Word || ctx.dash(a1);
        if taken[a1] || !part || a1 > a0 && !ctx.tok(a1).joined() {
            return None;
        }
        a1 += 1;
    }
    if a1 == a0 || !ctx.punct(a1, ")") || taken[a1] {
        return None;
    }
    let text = &ctx.text[ctx.tok(a0).start as usize..ctx.tok(a1 - 1).end as usize];
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    let first_upper = text.chars().next().is_some_and(char::is_uppercase);
    (capitals >= 2 && first_upper && ctx.tok(a0).kind == Kind::Word).then_some((a0, a1))
}
