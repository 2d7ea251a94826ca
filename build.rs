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

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The data, and the code that reads it (a directory is watched whole).
    for path in ["src/data", "src/text", "src/gazetteer", "src/error.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let sources = gazetteer::load::Sources::read(Path::new(".")).unwrap_or_else(|e| panic!("{e}"));
    let lexicon = gazetteer::load::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let image = gazetteer::frozen::freeze(&lexicon);
    fs::write(Path::new(&out_dir).join("lexicon.bin"), image).expect("write the lexicon image");
}
