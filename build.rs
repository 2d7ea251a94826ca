//! Builds the base lexicon from the data files in `src/data/` and writes its image (see
//! `src/gazetteer/frozen.rs`), which the crate embeds: starting up then parses nothing.
//!
//! The files are first shrunk as the loader reads them: comment text and the people's role
//! column are for humans only (the role column is dropped, so the loader reads name, country,
//! aliases), repeated columns are written compactly (see [`Shrink`]), and the name lists are
//! sorted and front-coded. Every line stays in place (a comment becomes an empty line), so data
//! errors still name the source line. The shrunk files are kept in `OUT_DIR` for the crate's
//! tests, which load them and compare the result with the image.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::Path;

// The crate's own tokenizer and gazetteer builder: the image is made by the code that reads
// text, so the two cannot disagree.
#[allow(dead_code, unused_imports)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code, unused_imports)]
#[path = "src/gazetteer/mod.rs"]
mod gazetteer;
#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;

/// How a data file is shrunk beyond its comments.
#[derive(Clone, Copy)]
enum Shrink {
    None,
    /// A table grouped by column `ditto`: drops column `drop` (the people's role), writes the
    /// values of column `short.0` by their short forms `short.1`, and writes `=` for a
    /// non-empty `ditto` value that repeats the row before's. gzip then packs the country rows
    /// about a fifth smaller, the people and organizations a little.
    Table {
        drop: Option<usize>,
        short: Option<(usize, &'static [(&'static str, &'static str)])>,
        ditto: usize,
    },
}

/// Country rows (code, kind, form): grouped by code, kinds written as one letter.
const COUNTRIES: Shrink = Shrink::Table {
    drop: None,
    short: Some((
        1,
        &[
            ("name", "n"),
            ("country", "c"),
            ("demonym", "d"),
            ("capital", "k"),
        ],
    )),
    ditto: 0,
};

const FILES: &[(&str, Shrink)] = &[
    ("words.tsv", Shrink::None),
    ("countries/countries.tsv", COUNTRIES),
    ("countries/extra.tsv", COUNTRIES),
    (
        "people.tsv",
        Shrink::Table {
            drop: Some(2),
            short: None,
            ditto: 1,
        },
    ),
    (
        "organizations.tsv",
        Shrink::Table {
            drop: None,
            short: None,
            ditto: 1,
        },
    ),
    ("agreements.tsv", Shrink::None),
    ("non_entities.txt", Shrink::None),
];

/// Word lists whose order does not matter: sorted and front-coded (each line is the number of
/// leading bytes shared with the previous word, 0-9, then the rest), which gzip packs about a
/// third smaller than the grouped source files. Names of several words are left out.
const WORD_LISTS: &[&str] = &["given_names.txt", "surnames.txt"];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/text");
    println!("cargo:rerun-if-changed=src/gazetteer");
    println!("cargo:rerun-if-changed=src/error.rs");
    // The shrunk files by their names in OUT_DIR.
    let mut shrunk = HashMap::new();
    for &(file, shrink) in FILES {
        let src = Path::new("src/data").join(file);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut out = String::with_capacity(text.len());
        // The previous row's value in the ditto column.
        let mut previous = "";
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim_start().starts_with('#') {
                out.push('\n');
                continue;
            }
            match shrink {
                Shrink::Table { drop, short, ditto } if !line.trim().is_empty() => {
                    let mut kept: Vec<&str> = line
                        .split('\t')
                        .map(str::trim)
                        .enumerate()
                        .filter(|&(i, _)| Some(i) != drop)
                        .map(|(_, c)| c)
                        .collect();
                    if let Some((col, forms)) = short {
                        if let Some(c) = kept.get_mut(col) {
                            // An unknown value stays as written: the loader reports it.
                            if let Some(&(_, s)) = forms.iter().find(|&&(long, _)| long == *c) {
                                *c = s;
                            }
                        }
                    }
                    if let Some(c) = kept.get_mut(ditto) {
                        let value = *c;
                        if !value.is_empty() && value == previous {
                            *c = "=";
                        }
                        previous = value;
                    }
                    out.push_str(kept.join("\t").trim_end_matches('\t'));
                }
                _ => out.push_str(line.trim_end()),
            }
            out.push('\n');
        }
        let name = file.replace('/', "_");
        let dest = Path::new(&out_dir).join(&name);
        fs::write(&dest, &out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
        shrunk.insert(name, out);
    }
    for file in WORD_LISTS {
        let src = Path::new("src/data").join(file);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut words: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            // Only single words: the rules look names up one token at a time.
            .filter(|w| !w.contains([' ', '-']))
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut out = String::with_capacity(text.len());
        let mut prev = "";
        for w in words {
            let shared = prev
                .bytes()
                .zip(w.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(9);
            // Never split a character.
            let shared = (0..=shared)
                .rev()
                .find(|&k| w.is_char_boundary(k))
                .unwrap_or(0);
            out.push(char::from(b'0' + shared as u8));
            out.push_str(&w[shared..]);
            out.push('\n');
            prev = w;
        }
        fs::write(Path::new(&out_dir).join(file), &out).expect("write word list");
        shrunk.insert(file.to_string(), out);
    }

    let file = |name: &str| shrunk[name].as_str();
    let sources = gazetteer::load::Sources {
        words: file("words.tsv"),
        countries: file("countries_countries.tsv"),
        countries_extra: file("countries_extra.tsv"),
        people: file("people.tsv"),
        organizations: file("organizations.tsv"),
        agreements: file("agreements.tsv"),
        given_names: file("given_names.txt"),
        surnames: file("surnames.txt"),
        non_entities: file("non_entities.txt"),
    };
    let lexicon = gazetteer::load::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let image = gazetteer::frozen::freeze(&lexicon);
    fs::write(Path::new(&out_dir).join("lexicon.bin"), image).expect("write the lexicon image");
}
