//! Embedded lists → candidates: one hash lookup per token and a token trie for phrases.
//!
//! Every word of every list gets an id and a set of class flags (title, given name, org head…);
//! every listed phrase is a path of word ids in a trie. Matching walks the trie from each token
//! that can start a phrase and keeps the longest match whose letters have the listed case (or
//! are written in capitals, as in headlines).

pub(crate) mod frozen;
pub(crate) mod load;
mod words;

use rustc_hash::FxHashMap;

use crate::text::{
    self, FoldBuf, Kind, Token, ALL_CAPS, LINE_BEFORE, NON_ASCII, SHOUT, UPPER_INITIAL,
};

pub(crate) use frozen::thaw;
pub(crate) use load::{aliases, lines, OrgKind};

/// Word class flags (see `src/data/words.tsv`).
pub(crate) mod class {
    pub const STOP: u32 = 1;
    pub const DET: u32 = 1 << 1;
    pub const MONTH: u32 = 1 << 2;
    pub const WEEKDAY: u32 = 1 << 3;
    pub const TITLE: u32 = 1 << 4;
    pub const TITLE_OF: u32 = 1 << 5;
    pub const ORG_HEAD: u32 = 1 << 6;
    pub const GENERIC: u32 = 1 << 7;
    pub const AGREEMENT_HEAD: u32 = 1 << 8;
    pub const DESCRIBED_HEAD: u32 = 1 << 9;
    pub const DESCRIBED_HEAD_MOD: u32 = 1 << 10;
    pub const CLASSIFIER: u32 = 1 << 11;
    pub const AUX: u32 = 1 << 12;
    pub const AGENT_VERB: u32 = 1 << 13;
    pub const REPORT_VERB: u32 = 1 << 14;
    pub const PLACE_PREP: u32 = 1 << 15;
    pub const METO_PREP: u32 = 1 << 16;
    pub const DEMAND_VERB: u32 = 1 << 17;
    pub const PARTICLE: u32 = 1 << 18;
    pub const SUFFIX: u32 = 1 << 19;
    pub const CONNECTOR: u32 = 1 << 20;
    pub const GIVEN: u32 = 1 << 21;
    pub const SURNAME: u32 = 1 << 22;
    pub const NOT_AGREEMENT_NEXT: u32 = 1 << 23;
    pub const DROP: u32 = 1 << 24;
    pub const DIRECTION: u32 = 1 << 25;
    pub const PLACE_HEAD: u32 = 1 << 26;
    pub const DISPUTE: u32 = 1 << 27;
    pub const GROUP_NOUN: u32 = 1 << 31;
    /// Some listed phrase starts with this word.
    pub const PHRASE_START: u32 = 1 << 28;
    /// This word alone is a listed phrase.
    pub const PHRASE_ALONE: u32 = 1 << 29;
    /// Some listed phrase has this word after its first.
    pub const PHRASE_NEXT: u32 = 1 << 30;
    /// Where a word occurs in listed phrases (not a word class).
    pub const PHRASE: u32 = PHRASE_START | PHRASE_ALONE | PHRASE_NEXT;

    /// The class names of `src/data/words.tsv`.
    pub fn parse(name: &str) -> Option<u32> {
        Some(match name {
            "stop" => STOP,
            "det" => DET,
            "month" => MONTH,
            "weekday" => WEEKDAY,
            "title" => TITLE,
            "title_of" => TITLE_OF,
            "org_head" => ORG_HEAD,
            "generic" => GENERIC,
            "agreement_head" => AGREEMENT_HEAD,
            "described_head" => DESCRIBED_HEAD,
            "described_head_mod" => DESCRIBED_HEAD_MOD,
            "classifier" => CLASSIFIER,
            "aux" => AUX,
            "agent_verb" => AGENT_VERB,
            "report_verb" => REPORT_VERB,
            "place_prep" => PLACE_PREP,
            "meto_prep" => METO_PREP,
            "demand_verb" => DEMAND_VERB,
            "particle" => PARTICLE,
            "suffix" => SUFFIX,
            "connector" => CONNECTOR,
            "not_agreement_next" => NOT_AGREEMENT_NEXT,
            "drop" => DROP,
            "direction" => DIRECTION,
            "place_head" => PLACE_HEAD,
            "dispute" => DISPUTE,
            "group_noun" => GROUP_NOUN,
            _ => return None,
        })
    }
}

/// Particles after which a name part is a father's name, not a surname ("bin Salman").
pub(crate) const PATRONYMIC: [&str; 4] = ["bin", "ibn", "bint", "ben"];

/// The family name at the end of a full name ("Nebenzya" in "Vasily Nebenzya"): not a
/// patronymic ("Salman" in "Mohammed bin Salman" is his father), a suffix or a regnal number
/// ("Jr.", "III"), and never the only word.
pub(crate) fn family_name(name: &str) -> Option<&str> {
    let mut words = name.rsplit(' ');
    let last = words.next()?;
    let before = words.next()?;
    let plain = last.len() >= 3
        && last
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && last.chars().any(char::is_lowercase);
    (plain && !PATRONYMIC.contains(&before)).then_some(last)
}

/// No word id: the token is in no list.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// What a listed country form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CountryForm {
    Name,
    Alias,
    Demonym,
    Capital,
}

/// What a listed phrase stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryTarget {
    Country {
        id: u16,
        form: CountryForm,
    },
    Person(u32),
    Org(u32),
    Agreement(u32),
    /// Not a mention at all ("Latin American", "Korean Peninsula"): blocks shorter readings.
    Block,
}

/// One listed form: what it stands for and its tokens as written (for the case check).
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    pub target: EntryTarget,
    /// The form's tokens: `form_tokens[first..first + count]`.
    first: u32,
    count: u32,
}

/// A row of the country table.
pub(crate) struct Country {
    pub code: Box<str>,
    pub name: Box<str>,
}

/// A row's canonical name: a byte range of the lexicon's name arena (see [`Lexicon::name`]),
/// so that thawing thousands of rows allocates nothing per row.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Name(u32, u32);

/// A row of the people table.
pub(crate) struct Person {
    pub name: Name,
    pub country: Option<u16>,
}

/// A row of the organization table.
pub(crate) struct Org {
    pub name: Name,
    pub kind: OrgKind,
    pub country: Option<u16>,
}

/// A row of the agreement table.
pub(crate) struct Agreement {
    pub name: Name,
}

/// Word classes and listed phrases, built once from data.
#[derive(Default)]
pub(crate) struct Lexicon {
    words: words::Words,
    edges: FxHashMap<(u32, u32), u32>,
    /// Per word id, the trie node after it at the root (0 if no phrase starts with it): the
    /// first step of every match, without hashing.
    root: Vec<u32>,
    /// Per trie node, the range of `entries` that end there. Node 0 is the root.
    nodes: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// The written tokens of every listed form, for the case check: byte ranges of `forms`.
    form_tokens: Vec<(u32, u32)>,
    forms: String,
    /// The word id and flags of each one-byte ASCII token (punctuation, digits, letters: a
    /// quarter of the tokens of news text), looked up once when the lexicon is finished.
    single: Vec<(u32, u32)>,
    /// Country code → index into `countries`.
    codes: FxHashMap<Box<str>, u16>,
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub orgs: Vec<Org>,
    pub agreements: Vec<Agreement>,
    /// The names of the people, organization and agreement rows.
    names: String,
}

/// A lexicon under construction: entries are collected per node, then flattened.
pub(crate) struct Builder {
    lex: Lexicon,
    /// Entries with the trie node they end at, in the order listed; grouped by `finish`.
    pending: Vec<(u32, Entry)>,
    /// Trie nodes so far (node 0 is the root).
    node_count: u32,
    tokens: Vec<Token>,
    ids: Vec<u32>,
    /// Class flags per word id, written into the word table by `finish`.
    flags: Vec<u32>,
    key: String,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder {
            lex: Lexicon::default(),
            pending: Vec::new(),
            node_count: 1,
            tokens: Vec::new(),
            ids: Vec::new(),
            flags: Vec::new(),
            key: String::new(),
        }
    }

    /// Room for about `words` distinct words and `nodes` trie nodes, so that loading the
    /// embedded data does not rehash its tables again and again.
    pub(crate) fn reserve(&mut self, words: usize, nodes: usize) {
        self.lex.words.reserve(words);
        self.flags.reserve(words);
        self.lex.edges.reserve(nodes);
        self.pending.reserve(nodes / 2);
        self.lex.form_tokens.reserve(nodes * 3 / 2);
        self.lex.forms.reserve(nodes * 8);
    }

    /// The id of `key` (already folded), creating it.
    fn word(&mut self, key: &str) -> u32 {
        let id = self.lex.words.insert(key);
        if id as usize >= self.flags.len() {
            self.flags.push(0);
        }
        id
    }

    /// Adds class `flags` to the single word `word`.
    pub(crate) fn add_class(&mut self, word: &str, flags: u32) {
        self.add_class_unless(word, flags, 0);
    }

    /// Adds class `flags` to the single word `word`, unless it already has a class of `unless`.
    pub(crate) fn add_class_unless(&mut self, word: &str, flags: u32, unless: u32) {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        text::fold_key(word, &mut key);
        let id = self.word(&key) as usize;
        if self.flags[id] & unless == 0 {
            self.flags[id] |= flags;
        }
        self.key = key;
    }

    /// Lists `form` (a phrase as written) as standing for `target`.
    pub(crate) fn add_phrase(&mut self, form: &str, target: EntryTarget) {
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut key = std::mem::take(&mut self.key);
        let mut ids = std::mem::take(&mut self.ids);
        text::tokenize(form, &mut tokens);
        ids.clear();
        for t in &tokens {
            key.clear();
            text::fold_key(t.text(form), &mut key);
            ids.push(self.word(&key));
        }
        self.add_path(&ids, tokens.iter().map(|t| t.text(form)), target);
        (self.tokens, self.key, self.ids) = (tokens, key, ids);
    }

    /// Lists the words `ids`, written as `written`, as a phrase standing for `target`.
    fn add_path<'w>(
        &mut self,
        ids: &[u32],
        written: impl Iterator<Item = &'w str>,
        target: EntryTarget,
    ) {
        if ids.is_empty() {
            return;
        }
        let mut node = 0u32;
        let first = self.lex.form_tokens.len() as u32;
        for (i, (&id, s)) in ids.iter().zip(written).enumerate() {
            self.flags[id as usize] |= match i {
                0 if ids.len() == 1 => class::PHRASE_START | class::PHRASE_ALONE,
                0 => class::PHRASE_START,
                _ => class::PHRASE_NEXT,
            };
            let count = &mut self.node_count;
            node = *self.lex.edges.entry((node, id)).or_insert_with(|| {
                *count += 1;
                *count - 1
            });
            let start = self.lex.forms.len() as u32;
            self.lex.forms.push_str(s);
            self.lex
                .form_tokens
                .push((start, self.lex.forms.len() as u32));
        }
        let count = self.lex.form_tokens.len() as u32 - first;
        self.pending.push((
            node,
            Entry {
                target,
                first,
                count,
            },
        ));
    }

    pub(crate) fn lexicon_mut(&mut self) -> &mut Lexicon {
        &mut self.lex
    }

    pub(crate) fn finish(mut self) -> Lexicon {
        self.lex.words.set_flags(&self.flags);
        // Group the entries by node (a counting sort: stable, linear).
        let mut nodes = std::mem::take(&mut self.lex.nodes);
        nodes.resize(self.node_count as usize, (0, 0));
        for &(node, _) in &self.pending {
            nodes[node as usize].1 += 1;
        }
        let mut next = 0;
        for (start, count) in nodes.iter_mut() {
            (*start, next, *count) = (next, next + *count, 0);
        }
        let mut grouped = match self.pending.first() {
            Some(&(_, e)) => vec![e; self.pending.len()],
            None => Vec::new(),
        };
        let lex = &self.lex;
        for &(node, entry) in &self.pending {
            let (start, count) = &mut nodes[node as usize];
            let placed = &grouped[*start as usize..(*start + *count) as usize];
            // A form listed twice for the same target is kept once (its slot stays unused); the
            // same key written in another case is another form ("NATO" and "Nato").
            let twice = |e: &Entry| e.target == entry.target && lex.form(e).eq(lex.form(&entry));
            if !placed.iter().any(twice) {
                grouped[(*start + *count) as usize] = entry;
                *count += 1;
            }
        }
        self.lex.nodes = nodes;
        self.lex.entries = grouped;
        self.lex.words.shrink_to_fit();
        self.lex.root = vec![0; self.flags.len()];
        for (&(parent, id), &child) in &self.lex.edges {
            if parent == 0 {
                self.lex.root[id as usize] = child;
            }
        }
        self.lex.single = (0..128u8)
            .map(|b| {
                let key = [b.to_ascii_lowercase()];
                self.lex.words.get(&key).unwrap_or((NO_WORD, 0))
            })
            .collect();
        self.lex.edges.shrink_to_fit();
        self.lex
    }
}

/// A gazetteer match: tokens `first..last` read as `entry`.
pub(crate) struct Match<'l> {
    pub first: usize,
    pub last: usize,
    pub entry: &'l Entry,
}

impl Lexicon {
    /// The word id and class flags of a token.
    #[inline(always)]
    pub(crate) fn lookup(&self, buf: &mut FoldBuf, chunk: &str, token: &Token) -> (u32, u32) {
        if token.end - token.start == 1 {
            if let Some(&found) = self
                .single
                .get(usize::from(chunk.as_bytes()[token.start as usize]))
            {
                return found;
            }
        }
        let text = token.text(chunk);
        let found = if token.has(NON_ASCII) {
            self.words.get(buf.key(text))
        } else {
            self.words.get_ascii(
                chunk.as_bytes(),
                token.start as usize,
                token.end as usize,
                token.hash,
            )
        };
        found.unwrap_or((NO_WORD, 0))
    }

    /// Adds a person row; returns its index.
    pub(crate) fn add_person(&mut self, name: &str, country: Option<u16>) -> u32 {
        let name = self.add_name(name);
        self.people.push(Person { name, country });
        self.people.len() as u32 - 1
    }

    /// Adds an organization row; returns its index.
    pub(crate) fn add_org(&mut self, name: &str, kind: OrgKind, country: Option<u16>) -> u32 {
        let name = self.add_name(name);
        self.orgs.push(Org {
            name,
            kind,
            country,
        });
        self.orgs.len() as u32 - 1
    }

    /// Adds an agreement row; returns its index.
    pub(crate) fn add_agreement(&mut self, name: &str) -> u32 {
        let name = self.add_name(name);
        self.agreements.push(Agreement { name });
        self.agreements.len() as u32 - 1
    }

    /// Stores a row's name.
    fn add_name(&mut self, name: &str) -> Name {
        let start = self.names.len() as u32;
        self.names.push_str(name);
        Name(start, self.names.len() as u32)
    }

    /// A row's name.
    pub(crate) fn name(&self, name: Name) -> &str {
        &self.names[name.0 as usize..name.1 as usize]
    }

    /// The name of row `row` of table `table` (0 people, 1 organizations, 2 agreements).
    fn name_of(&mut self, table: usize, row: usize) -> &mut Name {
        match table {
            0 => &mut self.people[row].name,
            1 => &mut self.orgs[row].name,
            _ => &mut self.agreements[row].name,
        }
    }

    /// The class flags of one word as written (0 if it is in no list).
    pub(crate) fn word_flags(&self, word: &str) -> u32 {
        let mut key = String::new();
        text::fold_key(word, &mut key);
        self.words.get(key.as_bytes()).map_or(0, |(_, flags)| flags)
    }

    pub(crate) fn country_by_code(&self, code: &str) -> Option<u16> {
        self.codes.get(code).copied()
    }

    /// Adds a country row; returns its index.
    pub(crate) fn add_country(&mut self, code: &str, name: &str) -> u16 {
        let id = self.countries.len() as u16;
        self.countries.push(Country {
            code: code.into(),
            name: name.into(),
        });
        self.codes.insert(code.into(), id);
        id
    }

    /// The written tokens of an entry's form.
    fn form(&self, e: &Entry) -> impl Iterator<Item = &str> {
        self.form_tokens[e.first as usize..(e.first + e.count) as usize]
            .iter()
            .map(|&(s, t)| &self.forms[s as usize..t as usize])
    }

    /// Calls `found` with the longest case-consistent match starting at each token of
    /// `starts` (in order; those without [`class::PHRASE_START`] are passed over).
    pub(crate) fn find<'l>(
        &'l self,
        chunk: &str,
        tokens: &[Token],
        (ids, flags): (&[u32], &[u32]),
        starts: impl Iterator<Item = usize>,
        mut found: impl FnMut(Match<'l>),
    ) {
        // A phrase continues only with a word listed after the start of some phrase: the
        // flags rule out most starts ("the", "South") without a trie step.
        let continues = |j: usize| {
            j < tokens.len() && flags[j] & class::PHRASE_NEXT != 0 && !tokens[j].has(LINE_BEFORE)
        };
        for first in starts {
            let f = flags[first];
            if f & class::PHRASE_START == 0 || f & class::PHRASE_ALONE == 0 && !continues(first + 1)
            {
                continue;
            }
            let mut node = 0u32;
            let mut best: Option<(usize, u32)> = None;
            let mut j = first;
            while j < tokens.len() {
                if j > first && !continues(j) {
                    break;
                }
                let id = ids[j];
                if id == NO_WORD {
                    break;
                }
                let next = if j == first {
                    self.root.get(id as usize).copied().unwrap_or(0)
                } else {
                    self.edges.get(&(node, id)).copied().unwrap_or(0)
                };
                if next == 0 {
                    break;
                }
                node = next;
                j += 1;
                let (start, len) = self.nodes[node as usize];
                if len > 0
                    && self.entries[start as usize..(start + len) as usize]
                        .iter()
                        .any(|e| case_fits(chunk, &tokens[first..j], self.form(e)))
                {
                    best = Some((j, node));
                }
            }
            if let Some((last, node)) = best {
                let (start, len) = self.nodes[node as usize];
                for e in &self.entries[start as usize..(start + len) as usize] {
                    if case_fits(chunk, &tokens[first..last], self.form(e)) {
                        found(Match {
                            first,
                            last,
                            entry: e,
                        });
                    }
                }
            }
        }
    }
}

/// Whether the written tokens have the case of the listed form: the same letters, or capitals
/// for a form that is not itself in capitals ("RUSSIA" for "Russia", but never "Us" for "US"),
/// or a capitalised small word inside a headline-cased name ("Republic Of Korea").
fn case_fits<'f>(chunk: &str, written: &[Token], form: impl Iterator<Item = &'f str>) -> bool {
    // Capitals stand for a title-case form in headlines, in phrases ("UNITED STATES OF
    // AMERICA") and in longer words ("RUSSIA"), but a short capitalised token is more likely an
    // acronym of its own ("XI" in a cricket team's name is not "Xi").
    let caps_ok = |t: &Token| t.has(SHOUT) || written.len() > 1 || t.end - t.start >= 4;
    written.iter().zip(form).all(|(t, form)| {
        let s = t.text(chunk);
        if s == form || t.kind != Kind::Word && t.kind != Kind::Number {
            return true;
        }
        let form_has_upper = form.chars().any(char::is_uppercase);
        let form_caps = form_has_upper && !form.chars().any(char::is_lowercase);
        if t.has(ALL_CAPS) && !form_caps && caps_ok(t) {
            return true;
        }
        // "Of" in a headline for "of": the listed word is all lower case.
        t.has(UPPER_INITIAL)
            && !form_has_upper
            && s.chars().flat_map(char::to_lowercase).eq(form.chars())
    })
}
