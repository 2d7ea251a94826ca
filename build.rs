//! Builds the base lexicon from the data files in `src/data/` and writes its image (see
//! `src/gazetteer/frozen.rs`), which the crate embeds: starting up then parses nothing, and a
//! data error fails the build, naming the file and line.

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

/// The data files, under `src/data/`.
const FILES: [&str; 9] = [
    "words.tsv",
    "countries/countries.tsv",
    "countries/extra.tsv",
    "people.tsv",
    "organizations.tsv",
    "agreements.tsv",
    "given_names.txt",
    "surnames.txt",
    "non_entities.txt",
];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/text");
    println!("cargo:rerun-if-changed=src/gazetteer");
    println!("cargo:rerun-if-changed=src/error.rs");
    let texts = FILES.map(|file| {
        let path = Path::new("src/data").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    });
    let [words, countries, countries_extra, people, organizations, agreements, given_names, surnames, non_entities] =
        texts.each_ref().map(String::as_str);
    let sources = gazetteer::load::Sources {
        words,
        countries,
        countries_extra,
        people,
        organizations,
        agreements,
        given_names,
        surnames,
        non_entities,
    };
    let lexicon = gazetteer::load::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let image = gazetteer::frozen::freeze(&lexicon);
    fs::write(Path::new(&out_dir).join("lexicon.bin"), image).expect("write the lexicon image");
}
