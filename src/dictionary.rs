//! A newsroom's own entries: extra people, organizations, countries forms and agreements, and a
//! deny list of texts never to annotate.
//!
//! A dictionary comes as a value (built in Rust, or deserialized from a JS object or JSON) or as
//! text in the same tab-separated style as the embedded data:
//!
//! ```text
//! # type        text            country  aliases (|-separated)  name
//! person        Jane Doe        GB       Doe
//! organization  Acme Defence             Acme
//! named         Harbour Accord
//! deny          Jordan
//! ```

use std::str::FromStr;

use serde::Deserialize;

use crate::annotation::{Label, Type};
use crate::error::Error;
use crate::gazetteer::{self, Builder, CountryForm, EntryTarget, Lexicon, OrgKind};

/// Most entries plus aliases plus denied texts a dictionary may hold.
pub const MAX_ENTRIES: usize = 100_000;
/// Longest text (in bytes) of one entry, alias or denied form.
pub const MAX_TEXT: usize = 200;

/// A user dictionary: entries to add and texts to deny.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dictionary {
    /// Extra entries, matched before the embedded gazetteers.
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// Texts never to annotate (compared ignoring case), e.g. a false hit on "Jordan".
    #[serde(default)]
    pub deny: Vec<String>,
}

/// One user entry.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The form as written in articles ("Jane Doe").
    pub text: String,
    /// person, organization, country, demonym, capital or named.
    #[serde(rename = "type")]
    pub kind: Type,
    /// Optional; if given it must be the type's label.
    #[serde(default)]
    pub label: Option<Label>,
    /// The canonical name (defaults to `text`).
    #[serde(default)]
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code: the actor's country, or the state a country form denotes
    /// (required for country, demonym and capital).
    #[serde(default)]
    pub country: Option<String>,
    /// Other forms of the same entity ("Doe").
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Entry {
    /// An entry of `kind` for `text`, without country or aliases.
    pub fn new(kind: Type, text: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            kind,
            label: None,
            name: None,
            country: None,
            aliases: Vec::new(),
        }
    }
}

impl FromStr for Dictionary {
    type Err = Error;

    /// Parses the tab-separated text form (see the module docs).
    fn from_str(text: &str) -> Result<Dictionary, Error> {
        const FILE: &str = "dictionary";
        let mut d = Dictionary::default();
        for (n, line) in gazetteer::lines(text) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() > 5 {
                return Err(Error::data(
                    FILE,
                    n,
                    format!(
                        "expected at most 5 tab-separated columns, found {}",
                        cols.len()
                    ),
                ));
            }
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            if col(1).is_empty() {
                return Err(Error::data(
                    FILE,
                    n,
                    "expected a type and a text separated by a tab",
                ));
            }
            if col(0) == "deny" {
                d.deny.push(col(1).to_string());
                continue;
            }
            let kind = Type::parse(col(0)).ok_or_else(|| {
                Error::data(FILE, n, format!("unknown type \"{}\" (expected person, organization, country, demonym, capital, named or deny)", col(0)))
            })?;
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            d.entries.push(Entry {
                text: col(1).to_string(),
                kind,
                label: None,
                name: opt(col(4)),
                country: opt(col(2)),
                aliases: gazetteer::aliases(col(3)).map(String::from).collect(),
            });
        }
        Ok(d)
    }
}

fn check_text(what: &str, s: &str) -> Result<(), Error> {
    if s.trim().is_empty() {
        return Err(Error::dictionary(format!("{what} is empty")));
    }
    if s.len() > MAX_TEXT {
        return Err(Error::dictionary(format!(
            "{what} is longer than {MAX_TEXT} bytes: \"{}\"…",
            s.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

impl Dictionary {
    /// Checks limits and consistency, and builds the lexicon of the entries (`None` if there
    /// are none) and the folded deny list.
    pub(crate) fn compile(&self, base: &Lexicon) -> Result<(Option<Lexicon>, Vec<String>), Error> {
        let total = self
            .entries
            .iter()
            .map(|e| 1 + e.aliases.len())
            .sum::<usize>()
            + self.deny.len();
        if total > MAX_ENTRIES {
            return Err(Error::dictionary(format!(
                "{total} entries, aliases and denied texts; at most {MAX_ENTRIES} are allowed"
            )));
        }
        let mut deny = Vec::with_capacity(self.deny.len());
        for (i, d) in self.deny.iter().enumerate() {
            check_text(&format!("deny[{i}]"), d)?;
            deny.push(crate::link::lower(&crate::link::normalize(d)));
        }
        if self.entries.is_empty() {
            return Ok((None, deny));
        }
        let mut b = Builder::new();
        for (i, e) in self.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            check_text(&format!("{at}.text"), &e.text)?;
            for (j, a) in e.aliases.iter().enumerate() {
                check_text(&format!("{at}.aliases[{j}]"), a)?;
            }
            if let Some(n) = &e.name {
                check_text(&format!("{at}.name"), n)?;
            }
            if let Some(label) = e.label {
                if label != e.kind.label() {
                    return Err(Error::dictionary(format!(
                        "{at}: type {} belongs to label {}, not {}",
                        e.kind,
                        e.kind.label(),
                        label
                    )));
                }
            }
            let country = match &e.country {
                None => None,
                Some(code) => Some(base.country_by_code(code).ok_or_else(|| {
                    Error::dictionary(format!("{at}: unknown country code \"{code}\" (expected ISO 3166-1 alpha-2, e.g. \"FR\")"))
                })?),
            };
            let name = e
                .name
                .clone()
                .unwrap_or_else(|| crate::link::normalize(&e.text).into_owned());
            let lex = b.lexicon_mut();
            let target = match e.kind {
                Type::Person => EntryTarget::Person(lex.add_person(&name, country)),
                Type::Organization => EntryTarget::Org(lex.add_org(&name, OrgKind::User, country)),
                Type::Named => EntryTarget::Agreement(lex.add_agreement(&name)),
                Type::Country | Type::Demonym | Type::Capital => {
                    let id = country.ok_or_else(|| Error::dictionary(format!("{at}: a {} entry needs a country code", e.kind)))?;
                    let form = match e.kind {
                        Type::Country => CountryForm::Alias,
                        Type::Demonym => CountryForm::Demonym,
                        _ => CountryForm::Capital,
                    };
                    EntryTarget::Country { id, form }
                }
                Type::Described => {
                    return Err(Error::dictionary(format!(
                        "{at}: described agreements are found by rules; list a proper name as type \"named\""
                    )))
                }
            };
            b.add_phrase(&e.text, target);
            for a in &e.aliases {
                b.add_phrase(a, target);
            }
        }
        Ok((Some(b.finish()), deny))
    }
}
