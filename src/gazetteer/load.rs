//! Parsing the embedded data files (`src/data/`) into the base [`Lexicon`], once.

use super::{class, family_name, Builder, CountryForm, EntryTarget, Lexicon};
use crate::error::Error;

/// The kind column of `organizations.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgKind {
    Igo,
    IgoBody,
    Court,
    Grouping,
    Government,
    /// A building or seat that stands for an institution ("the Kremlin said"): a place after
    /// "at", "to", "in".
    Seat,
    Party,
    Armed,
    Company,
    Media,
    Ngo,
    Breakaway,
    /// From a user dictionary.
    User,
}

impl OrgKind {
    fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "igo" => OrgKind::Igo,
            "igo-body" => OrgKind::IgoBody,
            "court" => OrgKind::Court,
            "grouping" => OrgKind::Grouping,
            "government" => OrgKind::Government,
            "seat" => OrgKind::Seat,
            "party" => OrgKind::Party,
            "armed" => OrgKind::Armed,
            "company" => OrgKind::Company,
            "media" => OrgKind::Media,
            "ngo" => OrgKind::Ngo,
            "breakaway" => OrgKind::Breakaway,
            _ => return None,
        })
    }
}

// The data files, as paths from the crate's root: data errors name them so.
const WORDS: &str = "src/data/words.tsv";
const COUNTRIES: &str = "src/data/countries/countries.tsv";
const COUNTRIES_EXTRA: &str = "src/data/countries/extra.tsv";
const PEOPLE: &str = "src/data/people.tsv";
const ORGANIZATIONS: &str = "src/data/organizations.tsv";
const AGREEMENTS: &str = "src/data/agreements.tsv";
const GIVEN_NAMES: &str = "src/data/given_names.txt";
const SURNAMES: &str = "src/data/surnames.txt";
const NON_ENTITIES: &str = "src/data/non_entities.txt";

/// The texts of the data files, for [`load`].
pub(crate) struct Sources {
    words: String,
    countries: String,
    countries_extra: String,
    people: String,
    organizations: String,
    agreements: String,
    given_names: String,
    surnames: String,
    non_entities: String,
}

impl Sources {
    /// Reads the data files of the crate whose root is `root` (`build.rs` and the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn read(root: &std::path::Path) -> Result<Sources, String> {
        let read = |file: &str| {
            let path = root.join(file);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        Ok(Sources {
            words: read(WORDS)?,
            countries: read(COUNTRIES)?,
            countries_extra: read(COUNTRIES_EXTRA)?,
            people: read(PEOPLE)?,
            organizations: read(ORGANIZATIONS)?,
            agreements: read(AGREEMENTS)?,
            given_names: read(GIVEN_NAMES)?,
            surnames: read(SURNAMES)?,
            non_entities: read(NON_ENTITIES)?,
        })
    }
}

/// Non-comment, non-blank lines with their 1-based numbers.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Splits a tab-separated line into exactly `N` trimmed columns (missing trailing ones are
/// empty).
fn columns<'a, const N: usize>(
    file: &str,
    line: usize,
    text: &'a str,
) -> Result<[&'a str; N], Error> {
    let mut cols = [""; N];
    let (mut i, mut from) = (0, 0);
    // A byte loop: lines are short, and `split` costs more per call than per byte here.
    for (at, b) in text.bytes().enumerate().chain([(text.len(), b'\t')]) {
        if b != b'\t' {
            continue;
        }
        if i == N {
            let found = text.split('\t').count();
            return Err(Error::data(
                file,
                line,
                format!("expected at most {N} tab-separated columns, found {found}"),
            ));
        }
        cols[i] = text[from..at].trim();
        (i, from) = (i + 1, at + 1);
    }
    if cols[0].is_empty() {
        return Err(Error::data(file, line, "the first column is empty"));
    }
    Ok(cols)
}

pub(crate) fn aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Builds the base lexicon from the data files. `build.rs` runs it and embeds the result as a
/// [`super::frozen`] image, so the crate itself only calls it in tests.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn load(src: &Sources) -> Result<Lexicon, Error> {
    let mut b = Builder::new();
    // Measured on the embedded data: about 16,300 words and 14,800 trie nodes. Both tables
    // then get 32,768 buckets and are never rehashed.
    b.reserve(20_000, 20_000);
    load_words(&mut b, &src.words)?;
    load_countries(&mut b, COUNTRIES, &src.countries)?;
    load_countries(&mut b, COUNTRIES_EXTRA, &src.countries_extra)?;
    let people_surnames = load_people(&mut b, &src.people)?;
    load_orgs(&mut b, &src.organizations)?;
    load_agreements(&mut b, &src.agreements)?;
    for (text, flag) in [
        (&src.given_names, class::GIVEN),
        (&src.surnames, class::SURNAME),
    ] {
        // Only single words (the rules look names up one token at a time), in sorted order so
        // that the words get ids in the order the image front-codes best.
        let mut words: Vec<&str> = lines(text)
            .map(|(_, l)| l.trim())
            .filter(|w| !w.contains([' ', '-']))
            .collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            b.add_class(w, flag);
        }
    }
    // A listed person's surname is a known surname ("Clinton said" names a person even where
    // "Clinton" alone is too ambiguous to be an alias), unless it is also a given name
    // ("Camp David").
    for surname in people_surnames {
        b.add_class_unless(surname, class::SURNAME, class::GIVEN);
    }
    for (_, phrase) in lines(&src.non_entities) {
        b.add_phrase(phrase.trim(), EntryTarget::Block);
    }
    Ok(b.finish())
}

fn load_words(b: &mut Builder, text: &str) -> Result<(), Error> {
    for (n, line) in lines(text) {
        let cols = columns::<2>(WORDS, n, line)?;
        let flag = class::parse(cols[0])
            .ok_or_else(|| Error::data(WORDS, n, format!("unknown word class \"{}\"", cols[0])))?;
        for w in cols[1].split_whitespace() {
            b.add_class(w, flag);
        }
    }
    Ok(())
}

/// Country rows: code, kind (name, country = another name, demonym, capital), form.
fn load_countries(b: &mut Builder, file: &str, text: &str) -> Result<(), Error> {
    // The index of the previous row's code: rows are grouped by country.
    let mut previous: Option<(&str, u16)> = None;
    for (n, line) in lines(text) {
        let [code, kind, form] = columns::<3>(file, n, line)?;
        if form.is_empty() {
            return Err(Error::data(file, n, "empty form"));
        }
        let form_kind = match kind {
            "name" => CountryForm::Name,
            "country" => CountryForm::Alias,
            "demonym" => CountryForm::Demonym,
            "capital" => CountryForm::Capital,
            _ => return Err(Error::data(file, n, format!("unknown kind \"{kind}\""))),
        };
        let lex = b.lexicon_mut();
        let id = match previous {
            Some((c, id)) if c == code => id,
            _ => lex
                .country_by_code(code)
                .unwrap_or_else(|| lex.add_country(code, form)),
        };
        previous = Some((code, id));
        if form_kind == CountryForm::Name {
            lex.countries[id as usize].name = form.into();
        }
        b.add_phrase(
            form,
            EntryTarget::Country {
                id,
                form: form_kind,
            },
        );
    }
    Ok(())
}

fn country_column(b: &mut Builder, file: &str, n: usize, code: &str) -> Result<Option<u16>, Error> {
    if code.is_empty() {
        return Ok(None);
    }
    b.lexicon_mut()
        .country_by_code(code)
        .map(Some)
        .ok_or_else(|| Error::data(file, n, format!("unknown country code \"{code}\"")))
}

/// Loads the people; returns their surnames.
fn load_people<'a>(b: &mut Builder, text: &'a str) -> Result<Vec<&'a str>, Error> {
    let mut surnames = Vec::new();
    for (n, line) in lines(text) {
        // name, country, role (for people reading the file), aliases.
        let cols = columns::<4>(PEOPLE, n, line)?;
        let country = country_column(b, PEOPLE, n, cols[1])?;
        let id = b.lexicon_mut().add_person(cols[0], country);
        b.add_phrase(cols[0], EntryTarget::Person(id));
        for a in aliases(cols[3]) {
            b.add_phrase(a, EntryTarget::Person(id));
        }
        surnames.extend(surname_of(cols[0]));
    }
    Ok(surnames)
}

/// A listed person's family name, which makes the word a surname (a pope's name is not one).
fn surname_of(name: &str) -> Option<&str> {
    family_name(name).filter(|_| !name.starts_with("Pope "))
}

fn load_orgs(b: &mut Builder, text: &str) -> Result<(), Error> {
    for (n, line) in lines(text) {
        let cols = columns::<4>(ORGANIZATIONS, n, line)?;
        let kind = OrgKind::parse(cols[1]).ok_or_else(|| {
            Error::data(
                ORGANIZATIONS,
                n,
                format!("unknown organization kind \"{}\"", cols[1]),
            )
        })?;
        let country = country_column(b, ORGANIZATIONS, n, cols[2])?;
        let id = b.lexicon_mut().add_org(cols[0], kind, country);
        b.add_phrase(cols[0], EntryTarget::Org(id));
        for a in aliases(cols[3]) {
            b.add_phrase(a, EntryTarget::Org(id));
        }
    }
    Ok(())
}

fn load_agreements(b: &mut Builder, text: &str) -> Result<(), Error> {
    for (n, line) in lines(text) {
        let cols = columns::<2>(AGREEMENTS, n, line)?;
        let id = b.lexicon_mut().add_agreement(cols[0]);
        b.add_phrase(cols[0], EntryTarget::Agreement(id));
        for a in aliases(cols[1]) {
            b.add_phrase(a, EntryTarget::Agreement(id));
        }
    }
    Ok(())
}

/// The data files, for tests.
#[cfg(test)]
pub(crate) fn sources() -> Sources {
    Sources::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).expect("data files")
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_data_loads() {
        let lex = super::load(&super::sources()).expect("embedded data parses");
        assert!(
            lex.countries.len() >= 195,
            "{} countries",
            lex.countries.len()
        );
        assert!(!lex.people.is_empty() && !lex.orgs.is_empty() && !lex.agreements.is_empty());
    }

    #[test]
    fn surnames_of_listed_names() {
        for (name, surname) in [
            ("Vasily Nebenzya", Some("Nebenzya")),
            ("Linda Thomas-Greenfield", Some("Thomas-Greenfield")),
            ("Mohammed bin Salman", None),
            ("Ferdinand Marcos Jr.", None),
            ("Charles III", None),
            ("Kim Jong Un", None),
            ("Pope Leo", None),
            ("Hamas", None),
        ] {
            assert_eq!(super::surname_of(name), surname, "{name}");
        }
        // A pope's name still links a later mention to him; it only makes no surname class.
        assert_eq!(super::family_name("Pope Francis"), Some("Francis"));
    }
}
