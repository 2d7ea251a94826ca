//! Shared by the native and the wasm test suites: bracketed snapshot cases.
//!
//! A case is prose with its expected annotations marked in place:
//! `[Joe Biden]{person} met [Macron]{person} in Paris.` — the test strips the marks, annotates
//! the text, renders the result the same way and compares the two strings, so a failure reads
//! as a one-line diff.

#![allow(dead_code)]

use annotator::{Annotation, Annotator};

/// Removes the `[...]{type}` marks; returns the plain text and the marked byte spans.
pub fn parse(marked: &str) -> (String, Vec<(usize, usize, String)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    let mut chars = marked.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => text.push(chars.next().expect("escape")),
            '[' => open = Some(text.len()),
            ']' if open.is_some() && chars.peek() == Some(&'{') => {
                chars.next();
                let ty: String = chars.by_ref().take_while(|&c| c != '}').collect();
                spans.push((open.take().unwrap(), text.len(), ty));
            }
            _ => text.push(c),
        }
    }
    (text.replace("\\n", "\n"), spans)
}

/// Marks `annotations` in `text` as `[text]{type}`.
pub fn render(text: &str, annotations: &[Annotation]) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for a in annotations {
        out.push_str(&text[pos..a.start]);
        out.push('[');
        out.push_str(&text[a.start..a.end]);
        out.push_str("]{");
        out.push_str(a.kind.as_str());
        out.push('}');
        pos = a.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Runs every `name<TAB>marked text` line of a cases file; reports all failures at once.
pub fn run_cases(file: &str, src: &str) {
    let annotator = Annotator::new();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut names = std::collections::HashSet::new();
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, marked) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{file}: no tab in {line:?}"));
        // A failure names its case: two cases with one name would be ambiguous.
        assert!(names.insert(name), "{file}: case {name} is named twice");
        let marked = marked.replace("\\n", "\n");
        let (text, _) = parse(&marked);
        let got = render(&text, &annotator.annotate(&text));
        let want = render_expected(&marked);
        count += 1;
        if got != want {
            failures.push(format!("{name}\n  want: {want}\n  got:  {got}"));
        }
    }
    assert!(count > 0, "{file}: no cases");
    assert!(
        failures.is_empty(),
        "{file}: {} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The marked text normalised through parse + render, so escapes compare equal.
fn render_expected(marked: &str) -> String {
    let (text, spans) = parse(marked);
    let mut out = String::new();
    let mut pos = 0;
    for (s, e, ty) in spans {
        out.push_str(&text[pos..s]);
        out.push_str(&format!("[{}]{{{ty}}}", &text[s..e]));
        pos = e;
    }
    out.push_str(&text[pos..]);
    out
}
