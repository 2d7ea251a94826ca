//! The one type every generator emits: a token range with what it might be.

use crate::annotation::Type;
use crate::gazetteer::{CountryForm, EntryTarget, Lexicon, Match};

/// What a candidate links to in the gazetteer tables, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Found by a rule; the entity is named after the covered text.
    None,
    /// A country table row (index into [`crate::gazetteer::Lexicon::countries`]).
    Country(u16),
    /// A person row of the gazetteer that matched (`user` = the user dictionary's lexicon).
    Person { id: u32, user: bool },
    /// An organization row.
    Org { id: u32, user: bool },
    /// A named agreement row.
    Agreement { id: u32, user: bool },
}

/// Who proposed a candidate; on equal length the higher source wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    /// A contextual rule (titles, given names, patterns).
    Rule,
    /// A curated gazetteer entry.
    Gazetteer,
    /// The user's own dictionary.
    User,
}

/// A proposed annotation over tokens `first..last` of the current chunk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub first: u32,
    pub last: u32,
    /// The type it would be annotated with; [`Type`]s that are not output (places) block
    /// shorter readings of the same words without producing an annotation.
    pub kind: Kind,
    pub source: Source,
    pub target: Target,
    /// The affiliated country (index into the country table), when known.
    pub country: Option<u16>,
}

/// A candidate's kind: an output type, or a place that only blocks other readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Out(Type),
    /// A capital or seat used as a place ("met in Paris"): not annotated, but it blocks
    /// shorter readings (a capital may still be part of a person's name: "George Washington").
    Place,
    /// A listed non-entity ("Latin American", "Hong Kong"): never annotated, and its words are
    /// part of nothing shorter.
    Block,
}

impl Candidate {
    pub(crate) fn new(
        first: usize,
        last: usize,
        ty: Type,
        source: Source,
        target: Target,
    ) -> Candidate {
        Candidate {
            first: first as u32,
            last: last as u32,
            kind: Kind::Out(ty),
            source,
            target,
            country: None,
        }
    }

    /// A rule's reading of the state `id` ("the North", "Congo", "Franco-"): a country or a
    /// demonym, affiliated with that state.
    pub(crate) fn state(first: usize, last: usize, ty: Type, id: u16) -> Candidate {
        let mut c = Candidate::new(first, last, ty, Source::Rule, Target::Country(id));
        c.country = Some(id);
        c
    }

    pub(crate) fn len(&self) -> u32 {
        self.last - self.first
    }

    pub(crate) fn ty(&self) -> Option<Type> {
        match self.kind {
            Kind::Out(t) => Some(t),
            Kind::Place | Kind::Block => None,
        }
    }
}

/// Turns a gazetteer match into a candidate of the right type.
pub(crate) fn from_match(m: &Match<'_>, lex: &Lexicon, user: bool) -> Candidate {
    let source = if user {
        Source::User
    } else {
        Source::Gazetteer
    };
    let (ty, target, country) = match m.entry.target {
        EntryTarget::Country { id, form } => {
            let ty = match form {
                CountryForm::Name | CountryForm::Alias => Type::Country,
                CountryForm::Demonym => Type::Demonym,
                CountryForm::Capital => Type::Capital,
            };
            (ty, Target::Country(id), Some(id))
        }
        EntryTarget::Person(id) => (
            Type::Person,
            Target::Person { id, user },
            lex.people[id as usize].country,
        ),
        EntryTarget::Org(id) => (
            Type::Organization,
            Target::Org { id, user },
            lex.orgs[id as usize].country,
        ),
        EntryTarget::Agreement(id) => (Type::Named, Target::Agreement { id, user }, None),
        EntryTarget::Block => (Type::Country, Target::None, None),
    };
    let mut c = Candidate::new(m.first, m.last, ty, source, target);
    c.country = country;
    if m.entry.target == EntryTarget::Block {
        c.kind = Kind::Block;
    }
    c
}
