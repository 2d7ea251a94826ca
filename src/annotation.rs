//! The output: one annotation per highlighted stretch of text.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The three things the annotator highlights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// A person or an organization.
    Actor,
    /// A state: named, by demonym, or by its capital standing for its government.
    Country,
    /// A named or described agreement.
    Agreement,
}

/// The finer type of an annotation; each belongs to one [`Label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Type {
    /// A named individual (actor).
    Person,
    /// A named organization or institution (actor).
    Organization,
    /// A sovereign state by name or alias (country).
    Country,
    /// A nationality or adjectival form: "French", "Russians" (country).
    Demonym,
    /// A capital standing for its government: "Washington and Moscow held talks" (country).
    Capital,
    /// A named agreement: "Paris Agreement", "JCPOA" (agreement).
    Named,
    /// An unnamed but specific agreement: "the nuclear submarine deal" (agreement).
    Described,
}

impl Type {
    /// Every type, in label order.
    pub const ALL: [Type; 7] = [
        Type::Person,
        Type::Organization,
        Type::Country,
        Type::Demonym,
        Type::Capital,
        Type::Named,
        Type::Described,
    ];

    /// The label this type belongs to.
    pub fn label(self) -> Label {
        match self {
            Type::Person | Type::Organization => Label::Actor,
            Type::Country | Type::Demonym | Type::Capital => Label::Country,
            Type::Named | Type::Described => Label::Agreement,
        }
    }

    /// The lower-case name used in JSON ("person", "demonym", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Person => "person",
            Type::Organization => "organization",
            Type::Country => "country",
            Type::Demonym => "demonym",
            Type::Capital => "capital",
            Type::Named => "named",
            Type::Described => "described",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Type> {
        Type::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl Label {
    /// Every label.
    pub const ALL: [Label; 3] = [Label::Actor, Label::Country, Label::Agreement];

    /// The lower-case name used in JSON ("actor", "country", "agreement").
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Actor => "actor",
            Label::Country => "country",
            Label::Agreement => "agreement",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One highlighted stretch of text.
///
/// `start`/`end` are **byte** offsets (half-open) into the annotated `&str`; the wasm boundary
/// and the CLI convert them to UTF-16 code units or code points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Annotation {
    /// First byte of the annotated text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// actor, country or agreement.
    pub label: Label,
    /// The finer type (person, demonym, described, …).
    #[serde(rename = "type")]
    pub kind: Type,
    /// The covered text, exactly as written.
    pub text: String,
    /// A stable key shared by every mention of the same thing: the ISO 3166-1 alpha-2 code for
    /// any country mention ("French" → "FR"), the canonical full name for people and
    /// organizations ("Biden" → "Joe Biden").
    pub entity: Arc<str>,
    /// The canonical display name ("United States", "Joe Biden").
    pub name: Arc<str>,
    /// The ISO code of the country an actor belongs to, or a country mention's own code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
}

impl Annotation {
    /// The byte span of the annotation.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
