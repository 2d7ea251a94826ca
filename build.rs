//! Shrinks the embedded data files before `include_str!` puts them into the binary (and the
//! wasm download): comment text and the people's role column are for humans only (the role
//! column is dropped, so the loader reads name, country, aliases), and country rows are
//! written compactly (see [`Shrink::Countries`]). Every line
//! stays in place (a comment becomes an empty line), so data errors still name the source line.

use std::env;
use std::fs;
use std::path::Path;

/// How a data file is shrunk beyond its comments.
#[derive(Clone, Copy)]
enum Shrink {
    None,
    /// Drops one column (the people's role).
    Column(usize),
    /// Country rows (code, kind, form): the code is left out when it repeats the previous
    /// row's, and the kind is written as one letter (n, c, d, k); gzip then packs the file
    /// about a fifth smaller.
    Countries,
}

const FILES: &[(&str, Shrink)] = &[
    ("words.tsv", Shrink::None),
    ("countries/countries.tsv", Shrink::Countries),
    ("countries/extra.tsv", Shrink::Countries),
    ("people.tsv", Shrink::Column(2)),
    ("organizations.tsv", Shrink::None),
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
        let mut code = "";
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim_start().starts_with('#') {
                out.push('\n');
                continue;
            }
            match shrink {
                Shrink::Column(col) => {
                    let kept: Vec<&str> = line
                        .split('\t')
                        .map(str::trim)
                        .enumerate()
                        .filter(|&(i, _)| i != col)
                        .map(|(_, c)| c)
                        .collect();
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
                    let shown = if c == code { "" } else { c };
                    code = c;
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
