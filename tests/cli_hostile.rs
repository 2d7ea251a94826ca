//! The `annotate` command line on hostile input: every malformed jsonl line is reported on
//! stderr with its line number, every other line is still answered, and the exit status says
//! whether all went well; text mode refuses invalid UTF-8 with the line and byte at fault.
#![cfg(not(target_arch = "wasm32"))]

mod command;

use command::run;

use serde_json::Value;

fn jsonl(input: &[u8]) -> (i32, Vec<Value>, String) {
    let (code, out, err) = run(&["--format", "jsonl"], input);
    let lines = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (code, lines, err)
}

fn ids(lines: &[Value]) -> Vec<Value> {
    lines.iter().map(|l| l["id"].clone()).collect()
}

fn texts(line: &Value) -> Vec<String> {
    line["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_malformed_line_is_named_and_the_rest_answered() {
    // (line, what stderr must say about it; "" for a good line)
    let table: &[(&[u8], &str)] = &[
        (br#"{"id": 1, "text": "France and Germany."}"#, ""),
        (b"{not json", "not JSON"),
        (br#"{"id": 3, "text": "unterminated"#, "not JSON"),
        (b"[1, 2, 3]", "expected a JSON object"),
        (b"\"just a string\"", "expected a JSON object"),
        (b"42", "expected a JSON object"),
        (b"null", "expected a JSON object"),
        (br#"{"id": 8}"#, "expected a string field \"text\""),
        (
            br#"{"id": 9, "text": 5}"#,
            "expected a string field \"text\"",
        ),
        (
            br#"{"id": 10, "text": null}"#,
            "expected a string field \"text\"",
        ),
        (
            br#"{"id": 11, "text": ["Paris"]}"#,
            "expected a string field \"text\"",
        ),
        (
            b"{\"id\": 12, \"text\": \"Paris \xff\xfe Berlin\"}",
            "not UTF-8 (byte 26)",
        ),
        (b"{\"id\": 13, \"te\xc3", "not UTF-8"),
        (br#"{"id": 14, "text": "Joe Biden"} trailing"#, "not JSON"),
        (
            br#"{"id": 15, "text": "\ud800 lone surrogate"}"#,
            "not JSON",
        ),
        (br#"{"id": 16, "text": "NATO met."}"#, ""),
    ];
    let mut input = Vec::new();
    for (line, _) in table {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    let (code, lines, err) = jsonl(&input);
    assert_eq!(code, 1, "a bad line makes the exit status non-zero: {err}");
    assert_eq!(ids(&lines), [Value::from(1), Value::from(16)]);
    assert_eq!(texts(&lines[0]), ["France", "Germany"]);
    assert_eq!(texts(&lines[1]), ["NATO"]);
    for (n, (line, want)) in table.iter().enumerate() {
        let at = format!("annotate: line {}: ", n + 1);
        let reported = err.lines().find(|l| l.starts_with(&at));
        if want.is_empty() {
            assert!(reported.is_none(), "good line {} reported: {err}", n + 1);
        } else {
            let reported = reported.unwrap_or_else(|| {
                panic!(
                    "line {} ({}) not reported: {err}",
                    n + 1,
                    String::from_utf8_lossy(line)
                )
            });
            assert!(reported.contains(want), "{reported:?} lacks {want:?}");
        }
    }
    assert_eq!(
        err.lines().count(),
        table.iter().filter(|(_, w)| !w.is_empty()).count()
    );
}

#[test]
fn crlf_blank_lines_and_no_final_newline() {
    let input = b"{\"id\": \"a\", \"text\": \"Joe Biden met Emmanuel Macron.\"}\r\n   \t \r\n\r\n\n{\"id\": \"b\", \"text\": \"France\\r\\nGermany\"}\r\n{\"id\": \"c\", \"text\": \"NATO\"}";
    let (code, lines, err) = jsonl(input);
    assert_eq!(
        code, 0,
        "blank and whitespace-only lines are skipped: {err}"
    );
    assert!(err.is_empty(), "{err}");
    assert_eq!(ids(&lines), ["a", "b", "c"]);
    assert_eq!(texts(&lines[0]), ["Joe Biden", "Emmanuel Macron"]);
    assert_eq!(
        lines[1]["spans"][1]["start"], 8,
        "\\r\\n inside the text counts"
    );
    assert_eq!(texts(&lines[2]), ["NATO"]);
}

#[test]
fn a_bad_last_line_without_newline_is_reported() {
    let (code, lines, err) =
        jsonl(b"{\"id\": 1, \"text\": \"France\"}\n{\"id\": 2, \"text\": \"Fra");
    assert_eq!(code, 1);
    assert_eq!(ids(&lines), [1]);
    assert!(err.contains("line 2: not JSON"), "{err}");
}

#[test]
fn huge_lines() {
    // A valid 4 MB line, then an invalid 4 MB line, then a good one.
    let body = "France and Germany met the NATO allies in Brussels. ".repeat(80_000);
    let mut input = format!("{{\"id\": 1, \"text\": \"{body}\"}}\n").into_bytes();
    input.extend_from_slice(format!("{{\"id\": 2, \"text\": \"{body}\n").as_bytes());
    input.extend_from_slice(b"{\"id\": 3, \"text\": \"France\"}\n");
    let (code, lines, err) = jsonl(&input);
    assert_eq!(code, 1);
    assert_eq!(ids(&lines), [1, 3]);
    let want = annotator::Annotator::new().annotate(&body).len();
    assert!(want >= 160_000, "{want}");
    assert_eq!(lines[0]["spans"].as_array().unwrap().len(), want);
    assert!(err.contains("line 2: not JSON"), "{err}");
    assert!(
        err.len() < 1_000,
        "the error does not echo the line: {} bytes",
        err.len()
    );
}

#[test]
fn offsets_stay_right_around_odd_unicode() {
    let text = "👩\u{200d}👩\u{200d}👧 \u{200f}Zoe\u{301}\u{200e} met Joe\u{a0}Biden\0 and 🇫🇷 Emmanuel Macron.";
    let line = serde_json::json!({"id": "u", "text": text}).to_string();
    for (unit, view) in [("utf16", 0), ("codepoint", 1), ("byte", 2)] {
        let (code, out, err) = run(&["--format", "jsonl", "--offsets", unit], line.as_bytes());
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["offsets"], unit);
        let spans = v["spans"].as_array().unwrap();
        assert_eq!(spans.len(), 2, "{spans:?}");
        for s in spans {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let got = match view {
                0 => String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[a..b]).unwrap(),
                1 => text.chars().skip(a).take(b - a).collect(),
                _ => text[a..b].to_string(),
            };
            assert_eq!(got, s["text"].as_str().unwrap(), "{unit}");
        }
    }
}

#[test]
fn invalid_utf8_in_text_mode_names_line_and_byte() {
    let (code, out, err) = run(&[], b"France\nGermany and \xc3\x28 Italy\n");
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("byte 19"), "{err}");
    // A truncated sequence at the very end.
    let (code, _, err) = run(&[], b"Paris \xe2\x82");
    assert_eq!(code, 2);
    assert!(err.contains("line 1") && err.contains("byte 6"), "{err}");
}

#[test]
fn text_mode_takes_anything_else() {
    for input in [
        &b""[..],
        b"\r\n\r\n",
        b"\0\0\0",
        "\u{feff}Joe Biden\r".as_bytes(),
        "((((((((((((".as_bytes(),
        "\u{202e}NATO\u{202c}".as_bytes(),
    ] {
        let (code, out, err) = run(&[], input);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert!(v.is_array());
    }
}
