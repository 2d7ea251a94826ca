//! Shrinks the embedded data files before `include_str!` puts them into the binary (and the
//! wasm download): comment text and the people's role column are for humans only (the role
//! column is dropped, so the loader reads name, country, aliases), and repeated columns are
//! written compactly (see [`Shrink`]). Every line
//! stays in place (a comment becomes an empty line), so data errors still name the source line.

use std::env;
use std::fs;
use std::path::Path;

/// How a data file is shrunk beyond its comments.
#[derive(Clone, Copy)]
enum Shrink {
    None,
    /// Drops column `drop` (the people's role), then writes `=` for a non-empty column `ditto`
    /// that repeats the row before's (rows are grouped by it).
    Table {
        drop: Option<usize>,
        ditto: usize,
    },
    /// Country rows (code, kind, form): the code is left out when it repeats the previous
    /// row's, and the kind is written as one letter (n, c, d, k); gzip then packs the file
    /// about a fifth smaller.
    Countries,
}

const FILES: &[(&str, Shrink)] = &[
    ("words.tsv", Shrink::None),
    ("countries/countries.tsv", Shrink::Countries),
    ("countries/extra.tsv", Shrink::Countries),
    (
        "people.tsv",
        Shrink::Table {
            drop: Some(2),
            ditto: 1,
        },
    ),
    (
        "organizations.tsv",
        Shrink::Table {
            drop: None,
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
        // The previous row's code (countries) or ditto column (tables).
        let mut previous = "";
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim_start().starts_with('#') {
                out.push('\n');
                continue;
            }
            match shrink {
                Shrink::Table { drop, ditto } if !line.trim().is_empty() => {
                    let mut kept: Vec<&str> = line
                        .split('\t')
                        .map(str::trim)
                        .enumerate()
                        .filter(|&(i, _)| Some(i) != drop)
                        .map(|(_, c)| c)
                        .collect();
                    if let Some(c) = kept.get_mut(ditto) {
                        let value = *c;
                        if !value.is_empty() && value == previous {
                            *c = "=";
                        }
                        previous = value;
                    }
                    out.push_str(kept.join("\t").trim_end_matches('\t'));
                }
                Shrink::Countries if !line.trim().is_empty() => {
                    let mut cols = line.splitn(3, '\t').map(str::trim);
                    let (c, kind, form) = (
                        cols.next().unwrap_or(""),
                        cols.next().unwrap_or(""),
                        cols.next().unwrap_or(""),
                    );
                    let kind = match kind {
                        "name" => "n",
                        "country" => "c",
                        "demonym" => "d",
                        "capital" => "k",
                        other => other, // the loader reports it
                    };
                    let shown = if c == previous { "" } else { c };
                    previous = c;
                    out.push_str(&format!("{shown}\t{kind}\t{form}"));
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
