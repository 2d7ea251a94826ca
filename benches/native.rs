//! Native single-thread throughput of `Annotator::annotate`, and how cost grows with the text.
//!
//! Corpus: the texts of `../shared/data` — CoNLL-2003 English train + dev (Reuters news,
//! 1996–97; research licence: measured here, never shipped) and the diplomacy dev and seed
//! articles — joined with blank lines, about 1.4 MB. Without `../shared` (or `$SHARED`), the
//! original article of `benches/texts/fallback-article.txt` (spans marked by hand) repeated to
//! the same size. Each run checks that the number of annotations matches the gold spans of the
//! same labels within ±35 %, so a fast wrong answer cannot pass.
//!
//! `cargo bench --bench native -- [--json FILE]`

use std::hint::black_box;
use std::time::Instant;

use annotator::Annotator;

/// The corpus, the number of gold spans in it, and where it comes from.
fn load_corpus(shared: &str) -> (String, usize, &'static str) {
    if !std::path::Path::new(&format!("{shared}/data/conll2003/train.jsonl")).exists() {
        let (text, gold) = fallback_corpus();
        return (text, gold, "benches/texts/fallback-article.txt (original prose, spans marked by hand) repeated; ../shared not found");
    }
    let mut text = String::new();
    let mut gold = 0;
    for file in [
        "data/conll2003/train.jsonl",
        "data/conll2003/dev.jsonl",
        "data/diplomacy/dev.jsonl",
        "data/diplomacy/seed.jsonl",
    ] {
        let path = format!("{shared}/{file}");
        let src = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e} (the benchmark reads ../shared)"));
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let doc: serde_json::Value = serde_json::from_str(line).expect("jsonl");
            text.push_str(doc["text"].as_str().expect("text"));
            text.push_str("\n\n");
            gold += doc["spans"]
                .as_array()
                .expect("spans")
                .iter()
                .filter(|s| matches!(s["label"].as_str(), Some("actor" | "country" | "agreement")))
                .count();
        }
    }
    (text, gold, "CoNLL-2003 train+dev, diplomacy dev+seed")
}

/// The fallback article (`[Kenya]{country}` mark-up) without its marks, repeated with blank
/// lines to about 1.4 MB, and its marked spans counted.
fn fallback_corpus() -> (String, usize) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/texts/fallback-article.txt"
    );
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut article, mut gold, mut rest) = (String::new(), 0, src.trim_end());
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find("]{").map(|i| open + i);
        let end = close.and_then(|c| rest[c..].find('}').map(|i| c + i));
        let (Some(close), Some(end)) = (close, end) else {
            break;
        };
        article.push_str(&rest[..open]);
        article.push_str(&rest[open + 1..close]);
        gold += 1;
        rest = &rest[end + 1..];
    }
    article.push_str(rest);
    article.push_str("\n\n");
    let copies = 1_400_000 / article.len() + 1;
    (article.repeat(copies), gold * copies)
}

/// Median seconds of `runs` annotations of `text`, and the annotation count.
fn time(annotator: &Annotator, text: &str, runs: usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let found = annotator.annotate(black_box(text));
        times.push(t.elapsed().as_secs_f64());
        count = found.len();
        black_box(found);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[runs / 2], count)
}

/// The first `n` bytes of `text` repeated as needed, cut at a blank line where possible.
fn sized(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 1024);
    while out.len() < n {
        out.push_str(text);
    }
    let mut end = n.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_out = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let shared = std::env::var("SHARED").unwrap_or_else(|_| "../shared".into());
    let (corpus, gold, source) = load_corpus(&shared);
    let annotator = Annotator::new();
    annotator.annotate("warm up the lexicon");

    let mb = corpus.len() as f64 / 1e6;
    let (secs, count) = time(&annotator, &corpus, 9);
    let ratio = count as f64 / gold as f64;
    assert!(
        (0.65..=1.35).contains(&ratio),
        "annotation count {count} is {ratio:.2}× the {gold} gold spans: wrong answer"
    );
    let mb_per_s = mb / secs;
    println!("corpus: {mb:.2} MB of news text ({source}), {count} annotations ({gold} gold spans)");
    println!(
        "{:<28} {:>10} {:>12} {:>10}",
        "input", "median ms", "MB/s", "annot."
    );
    println!(
        "{:<28} {:>10.2} {:>12.1} {:>10}",
        "corpus",
        secs * 1e3,
        mb_per_s,
        count
    );

    let mut series = Vec::new();
    for (label, n, runs) in [
        ("10 KB", 10_000, 201),
        ("100 KB", 100_000, 41),
        ("1 MB", 1_000_000, 9),
        ("10 MB", 10_000_000, 3),
    ] {
        let text = sized(&corpus, n);
        let (secs, count) = time(&annotator, &text, runs);
        let per = text.len() as f64 / 1e6 / secs;
        println!(
            "{:<28} {:>10.2} {:>12.1} {:>10}",
            label,
            secs * 1e3,
            per,
            count
        );
        series.push((label, n, secs, per));
    }
    let scaling = series[3].2 / series[2].2;
    println!("10 MB / 1 MB time: {scaling:.2}× (linear = 10×)");

    if let Some(path) = json_out {
        let series_json: Vec<String> = series
            .iter()
            .map(|(l, n, s, per)| format!("{{\"input\": \"{l}\", \"bytes\": {n}, \"median_ms\": {:.3}, \"mb_per_s\": {per:.1}}}", s * 1e3))
            .collect();
        let json = format!(
            "{{\n  \"native_mb_per_s\": {mb_per_s:.1},\n  \"native_corpus\": \"{source}\",\n  \"native_corpus_bytes\": {},\n  \"native_annotations\": {count},\n  \"native_gold_spans\": {gold},\n  \"scaling_10mb_over_1mb\": {scaling:.2},\n  \"native_series\": [{}]\n}}\n",
            corpus.len(),
            series_json.join(", ")
        );
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
