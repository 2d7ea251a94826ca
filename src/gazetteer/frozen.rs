//! The base lexicon as an image: `build.rs` loads the data files and [`freeze`]s the result;
//! the crate embeds the image and [`thaw`]s it on first use.
//!
//! The image replays the builder's work with every listed phrase already tokenized, folded and
//! resolved to word ids, so starting up parses, folds and looks up nothing: it adds the words
//! to the table and walks the phrases into the trie. That is most of a cold start in the browser,
//! where the code still runs unoptimised. It stays as small as the text it replaces: a word is
//! spelled once, and where a listed form differs from its key only by case, a code says so.
//!
//! Layout: unsigned LEB128 integers; a string is its length and UTF-8 bytes.
//! - words: the count; the folded keys in id order as one string, each front-coded (a digit for
//!   the bytes it shares with the key before, the rest, a line break); the distinct flag values;
//!   each word's index among them;
//! - countries: the count, each code and name;
//! - people: the count, each country (0 = none, else row + 1) and [name](#names);
//!   organizations: each kind, country and name; agreements: each name; then the names not
//!   derived, as one string;
//! - entries in the order they were listed: the count and the total of their tokens, then each
//!   entry's target (a [`kind`] byte and, but for blocks, the row as a zigzag difference from
//!   the previous row of its kind), its token count and tokens. A token is a word reference
//!   (0 = the next word not referenced yet, else id + 1) and a [`case`] byte, followed by the
//!   written text when the case is [`case::WRITTEN`].
//!
//! <a name="names"></a>A name is 0 when it is its row's first listed form, written with the
//! spacing the [`case::SPACE`] bits give; else its length + 1 (its bytes follow the rows).

use super::{
    Agreement, Builder, CountryForm, Entry, EntryTarget, Lexicon, Name, Org, OrgKind, Person,
};

/// How a token is written, given its folded key.
mod case {
    /// As its key (lower case).
    pub const LOWER: u8 = 0;
    /// Its key with the first letter in capitals.
    pub const CAPITALIZED: u8 = 1;
    /// Its key in capitals.
    pub const UPPER: u8 = 2;
    /// Otherwise: the written text follows.
    pub const WRITTEN: u8 = 3;
    /// Flag: a space precedes the token in its row's name.
    pub const SPACE: u8 = 4;
}

/// The target byte of an entry: a country form's byte is the form's (0-3).
mod kind {
    pub const PERSON: u8 = 4;
    pub const ORG: u8 = 5;
    pub const AGREEMENT: u8 = 6;
    pub const BLOCK: u8 = 7;
}

const COUNTRY_FORMS: [CountryForm; 4] = [
    CountryForm::Name,
    CountryForm::Alias,
    CountryForm::Demonym,
    CountryForm::Capital,
];

/// The kind byte and row of a target (row 0 for blocks).
fn split(target: EntryTarget) -> (u8, u32) {
    match target {
        EntryTarget::Country { id, form } => (form as u8, u32::from(id)),
        EntryTarget::Person(id) => (kind::PERSON, id),
        EntryTarget::Org(id) => (kind::ORG, id),
        EntryTarget::Agreement(id) => (kind::AGREEMENT, id),
        EntryTarget::Block => (kind::BLOCK, 0),
    }
}

/// The target of a kind byte and row (the inverse of [`split`]).
fn target(kind: u8, row: u32) -> EntryTarget {
    match kind {
        kind::PERSON => EntryTarget::Person(row),
        kind::ORG => EntryTarget::Org(row),
        kind::AGREEMENT => EntryTarget::Agreement(row),
        kind::BLOCK => EntryTarget::Block,
        form => EntryTarget::Country {
            id: row as u16,
            form: COUNTRY_FORMS[usize::from(form)],
        },
    }
}

/// The table of named rows a kind refers to (0 people, 1 organizations, 2 agreements), if any.
fn named(kind: u8) -> Option<usize> {
    (kind::PERSON..=kind::AGREEMENT)
        .contains(&kind)
        .then(|| usize::from(kind - kind::PERSON))
}

/// Organization kinds by their byte (a user dictionary's kind never reaches an image).
const ORG_KINDS: [OrgKind; 12] = [
    OrgKind::Igo,
    OrgKind::IgoBody,
    OrgKind::Court,
    OrgKind::Grouping,
    OrgKind::Government,
    OrgKind::Seat,
    OrgKind::Party,
    OrgKind::Armed,
    OrgKind::Company,
    OrgKind::Media,
    OrgKind::Ngo,
    OrgKind::Breakaway,
];

/// `key` written in `case` (not [`case::WRITTEN`]), appended to `out`.
fn write_case(key: &str, case: u8, out: &mut String) {
    if case == case::LOWER || key.is_ascii() {
        let from = out.len();
        out.push_str(key);
        match case {
            case::UPPER => out[from..].make_ascii_uppercase(),
            case::CAPITALIZED => out[from..from + 1].make_ascii_uppercase(),
            _ => {}
        }
        return;
    }
    for (i, c) in key.chars().enumerate() {
        out.push(if case == case::UPPER || i == 0 {
            upper(c)
        } else {
            c
        });
    }
}

/// The capital of a lower-case Latin letter, for the letters of most names (Unicode's full
/// case tables would add 20 KB to the wasm); others stay as they are. [`freeze`] checks every
/// form it codes, so a letter this gets wrong is written out instead.
fn upper(c: char) -> char {
    let n = c as u32;
    let capital = match n {
        0x61..=0x7a | 0xe0..=0xf6 | 0xf8..=0xfe => n - 0x20,
        // Latin Extended-A pairs capital and small letters, in two phases.
        0x101..=0x137 | 0x14b..=0x177 if n % 2 == 1 => n - 1,
        0x13a..=0x148 | 0x17a..=0x17e if n % 2 == 0 => n - 1,
        _ => n,
    };
    char::from_u32(capital).unwrap_or(c)
}

/// The length of the prefix `key` shares with `previous` (at most [`MAX_SHARED`] bytes, never
/// part of a character).
fn shared_prefix(previous: &str, key: &str) -> usize {
    let shared = previous
        .bytes()
        .zip(key.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(MAX_SHARED);
    (0..=shared)
        .rev()
        .find(|&k| key.is_char_boundary(k))
        .unwrap_or(0)
}

/// Keys are front-coded: a digit says how many leading bytes a key shares with the one before.
const MAX_SHARED: usize = 9;

/// Where `name` is `tokens` with nothing or one space between them: whether each token has a
/// space before it.
fn spacing(name: &str, tokens: &[&str]) -> Option<Vec<bool>> {
    let mut rest = name;
    let mut spaces = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let space = i > 0 && rest.starts_with(' ');
        if space {
            rest = &rest[1..];
        }
        rest = rest.strip_prefix(t)?;
        spaces.push(space);
    }
    rest.is_empty().then_some(spaces)
}

/// For each person, organization and agreement row: the spacing of its first listed form when
/// that form, so spaced, is its name (which the image then leaves out).
fn derived_names(lex: &Lexicon, entries: &[&Entry]) -> [Vec<Option<Vec<bool>>>; 3] {
    let names: [Vec<&str>; 3] = [
        lex.people.iter().map(|p| lex.name(p.name)).collect(),
        lex.orgs.iter().map(|o| lex.name(o.name)).collect(),
        lex.agreements.iter().map(|a| lex.name(a.name)).collect(),
    ];
    let mut derived = names.each_ref().map(|rows| vec![None; rows.len()]);
    let mut seen = names.each_ref().map(|rows| vec![false; rows.len()]);
    for e in entries {
        let (kind, row) = split(e.target);
        if let Some(t) = named(kind) {
            let row = row as usize;
            if !std::mem::replace(&mut seen[t][row], true) {
                let form: Vec<&str> = lex.form(e).collect();
                derived[t][row] = spacing(names[t][row], &form);
            }
        }
    }
    derived
}

/// The image of a lexicon built by [`super::load::load`].
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn freeze(lex: &Lexicon) -> Vec<u8> {
    let mut w = Writer::default();
    let words = &lex.words;
    w.uint(words.len());
    let mut keys = String::new();
    let mut previous = "";
    for id in 0..words.len() {
        let key = words.key_of(id as u32);
        let shared = shared_prefix(previous, key);
        keys.push(char::from(b'0' + shared as u8));
        keys.push_str(&key[shared..]);
        keys.push('\n');
        previous = key;
    }
    w.str(&keys);
    // Where a word occurs in phrases, thawing finds again as it walks them into the trie.
    let flags: Vec<u32> = words
        .flags_by_id()
        .into_iter()
        .map(|f| f & !super::class::PHRASE)
        .collect();
    let mut distinct = flags.clone();
    distinct.sort_unstable();
    distinct.dedup();
    w.uint(distinct.len());
    for &f in &distinct {
        w.uint(f as usize);
    }
    for f in &flags {
        w.uint(distinct.binary_search(f).expect("listed"));
    }

    // The entries in the order they were listed (their tokens were stored in that order).
    let mut entries: Vec<&Entry> = lex.entries.iter().collect();
    entries.sort_by_key(|e| e.first);
    let mut derived = derived_names(lex, &entries);
    // Names that are not derived, written out together after the rows.
    let mut names = String::new();
    let mut name = |w: &mut Writer, table: usize, row: usize, name: Name| {
        if derived[table][row].is_some() {
            w.uint(0);
        } else {
            let name = lex.name(name);
            w.uint(name.len() + 1);
            names.push_str(name);
        }
    };
    let country = |c: Option<u16>| c.map_or(0, |c| usize::from(c) + 1);

    w.uint(lex.countries.len());
    for c in &lex.countries {
        w.str(&c.code);
        w.str(&c.name);
    }
    w.uint(lex.people.len());
    for (i, p) in lex.people.iter().enumerate() {
        w.uint(country(p.country));
        name(&mut w, 0, i, p.name);
    }
    w.uint(lex.orgs.len());
    for (i, o) in lex.orgs.iter().enumerate() {
        let kind = ORG_KINDS.iter().position(|&k| k == o.kind);
        w.uint(kind.expect("a base organization kind"));
        w.uint(country(o.country));
        name(&mut w, 1, i, o.name);
    }
    w.uint(lex.agreements.len());
    for (i, a) in lex.agreements.iter().enumerate() {
        name(&mut w, 2, i, a.name);
    }
    w.str(&names);

    w.uint(entries.len());
    w.uint(entries.iter().map(|e| e.count as usize).sum());
    let mut previous = [0u32; 8];
    let mut fresh = 0u32;
    let mut key = String::new();
    let mut cased = String::new();
    for e in &entries {
        let (kind, row) = split(e.target);
        w.bytes(&[kind]);
        if kind != kind::BLOCK {
            w.zigzag(i64::from(row) - i64::from(previous[usize::from(kind)]));
            previous[usize::from(kind)] = row;
        }
        let written: Vec<&str> = lex.form(e).collect();
        // The spacing of the row's name when it is derived from this (its first) entry.
        let spaces = named(kind).and_then(|table| derived[table][row as usize].take());
        w.uint(written.len());
        for (i, t) in written.iter().enumerate() {
            key.clear();
            crate::text::fold_key(t, &mut key);
            let (id, _) = words.get(key.as_bytes()).expect("a listed word");
            if id == fresh {
                w.uint(0);
                fresh += 1;
            } else {
                w.uint(id as usize + 1);
                fresh = fresh.max(id + 1);
            }
            let mut case = [case::LOWER, case::CAPITALIZED, case::UPPER]
                .into_iter()
                .find(|&c| {
                    cased.clear();
                    write_case(&key, c, &mut cased);
                    cased == *t
                })
                .unwrap_or(case::WRITTEN);
            if spaces.as_ref().is_some_and(|s| s[i]) {
                case |= case::SPACE;
            }
            w.bytes(&[case]);
            if case & !case::SPACE == case::WRITTEN {
                w.str(t);
            }
        }
    }
    w.out
}

/// The lexicon of an image written by [`freeze`]. A malformed image is a build defect: this
/// panics (the tests thaw the embedded one).
pub(crate) fn thaw(image: &[u8]) -> Lexicon {
    let mut r = Reader { image, at: 0 };
    let mut b = Builder::new();
    let words = r.uint();
    b.lex.words.reserve(words);
    let mut key = String::new();
    for line in r.str().split_terminator('\n') {
        key.truncate(usize::from(line.as_bytes()[0] - b'0'));
        key.push_str(&line[1..]);
        b.lex.words.insert_new(&key);
    }
    assert_eq!(b.lex.words.len(), words, "lexicon image: word count");
    let distinct: Vec<u32> = (0..r.uint()).map(|_| r.uint() as u32).collect();
    b.flags = (0..words).map(|_| distinct[r.uint()]).collect();

    for _ in 0..r.uint() {
        let code = r.str();
        let name = r.str();
        b.lex.add_country(code, name);
    }
    let country = |n: usize| n.checked_sub(1).map(|c| c as u16);
    // Per row, the length + 1 of its name, or 0 when it is its first listed form.
    let mut lens: [Vec<usize>; 3] = Default::default();
    let name = Name::default();
    for _ in 0..r.uint() {
        let country = country(r.uint());
        lens[0].push(r.uint());
        b.lex.people.push(Person { name, country });
    }
    for _ in 0..r.uint() {
        let kind = ORG_KINDS[r.uint()];
        let country = country(r.uint());
        lens[1].push(r.uint());
        b.lex.orgs.push(Org {
            name,
            kind,
            country,
        });
    }
    for _ in 0..r.uint() {
        lens[2].push(r.uint());
        b.lex.agreements.push(Agreement { name });
    }
    let names = r.str();
    b.lex.names.reserve(names.len() * 2);
    let mut at = 0;
    for (table, lens) in lens.iter().enumerate() {
        for (row, &len) in lens.iter().enumerate() {
            if let Some(len) = len.checked_sub(1) {
                let name = b.lex.add_name(&names[at..at + len]);
                *b.lex.name_of(table, row) = name;
                at += len;
            }
        }
    }
    // Rows whose name is their first listed form, filled in as the entries are read.
    let mut unnamed = lens.map(|lens| lens.into_iter().map(|len| len == 0).collect::<Vec<_>>());

    let entries = r.uint();
    let tokens = r.uint();

    b.lex.edges.reserve(tokens);
    b.lex.form_tokens.reserve(tokens);
    b.pending.reserve(entries);
    let mut previous = [0u32; 8];
    let mut fresh = 0u32;
    let mut ids = Vec::new();
    let mut written = String::new();
    let mut ends = Vec::new();
    let mut name = String::new();
    for _ in 0..entries {
        let kind = r.byte();
        let row = if kind == kind::BLOCK {
            0
        } else {
            let row = (i64::from(previous[usize::from(kind)]) + r.zigzag()) as u32;
            previous[usize::from(kind)] = row;
            row
        };
        let target = target(kind, row);
        let naming = named(kind).is_some_and(|t| std::mem::take(&mut unnamed[t][row as usize]));
        ids.clear();
        ends.clear();
        written.clear();
        name.clear();
        for _ in 0..r.uint() {
            let id = match r.uint() {
                0 => {
                    fresh += 1;
                    fresh - 1
                }
                n => {
                    let id = n as u32 - 1;
                    fresh = fresh.max(id + 1);
                    id
                }
            };
            ids.push(id);
            let case = r.byte();
            let from = written.len();
            if case & !case::SPACE == case::WRITTEN {
                written.push_str(r.str());
            } else {
                write_case(b.lex.words.key_of(id), case & !case::SPACE, &mut written);
            }
            ends.push(written.len());
            if naming {
                if case & case::SPACE != 0 {
                    name.push(' ');
                }
                name.push_str(&written[from..]);
            }
        }
        let tokens = ends.iter().scan(0, |from, &end| {
            Some(&written[std::mem::replace(from, end)..end])
        });
        b.add_path(&ids, tokens, target);
        if let Some(table) = named(kind).filter(|_| naming) {
            let name = b.lex.add_name(&name);
            *b.lex.name_of(table, row as usize) = name;
        }
    }
    assert_eq!(r.at, image.len(), "lexicon image: trailing bytes");
    b.finish()
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn uint(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn zigzag(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as usize);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len());
        self.bytes(s.as_bytes());
    }
}

struct Reader<'a> {
    image: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        self.at += 1;
        self.image[self.at - 1]
    }

    fn uint(&mut self) -> usize {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let byte = self.image[self.at];
            self.at += 1;
            n |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return n;
            }
            shift += 7;
        }
    }

    fn zigzag(&mut self) -> i64 {
        let n = self.uint() as i64;
        (n >> 1) ^ -(n & 1)
    }

    fn str(&mut self) -> &'a str {
        let len = self.uint();
        let bytes = &self.image[self.at..self.at + len];
        self.at += len;
        std::str::from_utf8(bytes).expect("lexicon image: UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a lexicon holds, in a canonical order, for comparing two of them.
    fn describe(lex: &Lexicon) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (id, flags) in lex.words.flags_by_id().into_iter().enumerate() {
            let key = lex.words.key_of(id as u32);
            let found = lex.words.get(key.as_bytes());
            writeln!(out, "word {id} {key} {flags:x} {found:?}").unwrap();
        }
        let mut edges: Vec<_> = lex.edges.iter().collect();
        edges.sort();
        writeln!(out, "edges {edges:?}").unwrap();
        writeln!(out, "root {:?}", lex.root).unwrap();
        writeln!(out, "single {:?}", lex.single).unwrap();
        for (node, &(start, len)) in lex.nodes.iter().enumerate() {
            for e in &lex.entries[start as usize..(start + len) as usize] {
                let form: Vec<_> = lex.form(e).collect();
                writeln!(out, "node {node} {:?} {form:?}", e.target).unwrap();
            }
        }
        for c in &lex.countries {
            writeln!(
                out,
                "country {} {} {:?}",
                c.code,
                c.name,
                lex.country_by_code(&c.code)
            )
            .unwrap();
        }
        for p in &lex.people {
            writeln!(out, "person {} {:?}", lex.name(p.name), p.country).unwrap();
        }
        for o in &lex.orgs {
            writeln!(out, "org {} {:?} {:?}", lex.name(o.name), o.kind, o.country).unwrap();
        }
        for a in &lex.agreements {
            writeln!(out, "agreement {}", lex.name(a.name)).unwrap();
        }
        out
    }

    #[test]
    fn the_embedded_image_thaws_into_the_loaded_lexicon() {
        let loaded = super::super::load::load(&super::super::load::sources()).expect("data loads");
        let want = describe(&loaded);
        // The image build.rs embedded, and one written now, both give the same lexicon.
        let base = crate::annotator::base_lexicon();
        assert!(
            describe(base) == want,
            "the embedded image differs from the data"
        );
        let image = freeze(&loaded);
        assert!(
            describe(&thaw(&image)) == want,
            "freeze → thaw changes the lexicon"
        );
        assert!(
            image == crate::annotator::LEXICON_IMAGE,
            "build.rs wrote another image"
        );
    }

    #[test]
    fn cases_table() {
        for (key, case, want) in [
            ("russia", case::LOWER, "russia"),
            ("russia", case::CAPITALIZED, "Russia"),
            ("u.s.", case::UPPER, "U.S."),
            ("élysée", case::CAPITALIZED, "Élysée"),
            ("élysée", case::UPPER, "ÉLYSÉE"),
            ("łukasz", case::CAPITALIZED, "Łukasz"),
            ("şahin", case::CAPITALIZED, "Şahin"),
            ("ölz", case::LOWER, "ölz"),
        ] {
            let mut out = String::new();
            write_case(key, case, &mut out);
            assert_eq!(out, want, "{key} {case}");
        }
    }

    #[test]
    fn spacing_table() {
        type Case<'a> = (&'a str, &'a [&'a str], Option<&'a [bool]>);
        let cases: &[Case] = &[
            (
                "Vasily Nebenzya",
                &["Vasily", "Nebenzya"],
                Some(&[false, true]),
            ),
            (
                "Linda Thomas-Greenfield",
                &["Linda", "Thomas", "-", "Greenfield"],
                Some(&[false, true, false, false]),
            ),
            ("Vasily  Nebenzya", &["Vasily", "Nebenzya"], None),
            ("Vasily Nebenzya", &["Vasily"], None),
        ];
        for &(name, tokens, want) in cases {
            assert_eq!(spacing(name, tokens).as_deref(), want, "{name}");
        }
    }
}
