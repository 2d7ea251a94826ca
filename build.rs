//! Shrinks the embedded data files before `include_str!` puts them into the binary (and the
//! wasm download): comment text and the people's role column are for humans only (the role
//! column is dropped, so the loader reads name, country, aliases), and repeated columns are
//! written compactly (see [`Shrink`]). Every line stays in place (a comment becomes an empty
//! line), so data errors still name the source line.

use std::env;
use std::fs;
use std::path::Path;

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
        let dest = Path::new(&out_dir).join(file.replace('/', "_"));
        fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
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
        fs::write(Path::new(&out_dir).join(file), out).expect("write word list");
    }
}
