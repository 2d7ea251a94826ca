//! # Annotator
//!
//! Finds the **actors** (people, organizations), **countries** (named, by demonym, or by a
//! capital standing for its government) and **agreements** (named or described) in news text,
//! natively or in the browser through WebAssembly. No model, no network: curated gazetteers, a
//! handful of contextual rules, and one deterministic overlap resolution.
//!
//! ```
//! use annotator::{Annotator, Label, Type};
//!
//! let annotator = Annotator::new();
//! let text = "Washington and Moscow held talks. Russia's envoy, Vasily Nebenzya, \
//!             praised the nuclear submarine deal; Nebenzya said France agreed.";
//! let found = annotator.annotate(text);
//!
//! let washington = &found[0];
//! assert_eq!((washington.text.as_str(), washington.kind), ("Washington", Type::Capital));
//! assert_eq!(&*washington.entity, "US");
//!
//! let nebenzya: Vec<_> = found.iter().filter(|a| a.kind == Type::Person).collect();
//! assert_eq!(nebenzya.len(), 2);
//! assert_eq!(nebenzya[0].entity, nebenzya[1].entity); // "Nebenzya" joins "Vasily Nebenzya"
//! assert_eq!(nebenzya[0].country.as_deref(), Some("RU"));
//!
//! let deal = found.iter().find(|a| a.label == Label::Agreement).unwrap();
//! assert_eq!((deal.text.as_str(), deal.kind), ("nuclear submarine deal", Type::Described));
//! ```
//!
//! Offsets are **bytes** into the `&str` (half-open). JS gets UTF-16 code units (see
//! [`offsets`]), so an emoji or an accented name never shifts a span:
//!
//! ```
//! use annotator::{offsets::{self, Unit}, Annotator};
//!
//! let text = "🇫🇷 Emmanuel Macron met Olaf Scholz.";
//! let a = &Annotator::new().annotate(text)[0];
//! let mut span = [a.start, a.end];
//! offsets::from_bytes(text, &mut span, Unit::Utf16).unwrap();
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[span[0]..span[1]]).unwrap(), "Emmanuel Macron");
//! ```
//!
//! A newsroom adds its own names, and silences false hits, with a dictionary:
//!
//! ```
//! use annotator::{Annotator, Dictionary};
//!
//! let dictionary: Dictionary = "person\tJane Doe\tGB\tDoe\ndeny\tFrance".parse().unwrap();
//! let annotator = Annotator::builder().dictionary(dictionary).build().unwrap();
//! let found = annotator.annotate("Doe flew to France.");
//! assert_eq!(found.len(), 1);
//! assert_eq!((&*found[0].entity, found[0].country.as_deref()), ("Jane Doe", Some("GB")));
//! ```
//!
//! ## Pipeline
//!
//! text → tokens (`text`) → candidates (`gazetteer` + `rules`) → resolution of overlaps
//! (`resolve`) → linking (`link`: coreference, countries, canonical keys) → [`Annotation`]s
//! (byte offsets) → boundary (UTF-16 offsets for JS, in `wasm`). The modules named in
//! brackets are private; they are declared in this order below.

#![deny(missing_docs)]

mod annotation;
mod annotator;
mod candidate;
mod dictionary;
mod error;
mod gazetteer;
mod link;
pub mod offsets;
mod resolve;
mod rules;
mod span;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use annotation::{Annotation, Label, Type};
pub use annotator::{Annotator, Builder};
pub use dictionary::{Dictionary, Entry, MAX_ENTRIES, MAX_TEXT};
pub use error::Error;
pub use span::Span;
