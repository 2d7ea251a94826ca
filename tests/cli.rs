//! The `annotate` command line: formats, offset units, errors per line.
#![cfg(not(target_arch = "wasm32"))]

mod command;

use command::run;

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

#[test]
fn text_format_prints_one_array() {
    let (code, out, _) = run(&[], "Emmanuel Macron met Olaf Scholz in Berlin.".as_bytes());
    assert_eq!(code, 0);
    let v = json(&out);
    let texts: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Emmanuel Macron", "Olaf Scholz"]);
    assert_eq!(v[0]["start"], 0);
    assert_eq!(v[0]["label"], "actor");
    assert_eq!(v[0]["type"], "person");
}

#[test]
fn offset_units() {
    // 🙂 is 4 bytes, 2 UTF-16 units, 1 code point; é is 2 bytes, 1 unit, 1 code point.
    let input = "🙂é Emmanuel Macron";
    for (unit, start) in [("utf16", 4), ("codepoint", 3), ("byte", 7)] {
        let (code, out, _) = run(&["--offsets", unit], input.as_bytes());
        assert_eq!(code, 0);
        assert_eq!(json(&out)[0]["start"], start, "{unit}");
    }
    let (code, _, err) = run(&["--offsets", "furlongs"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("unknown offset unit"), "{err}");
}

#[test]
fn jsonl_keeps_going_after_a_bad_line() {
    let input = b"{\"id\": \"a\", \"text\": \"France and Germany.\"}\nnot json\n{\"id\": \"c\", \"text\": \"\xff\"}\n{\"id\": 4}\n\n{\"id\": \"e\", \"text\": \"NATO met.\"}\n";
    let (code, out, err) = run(&["--format", "jsonl"], input);
    assert_eq!(code, 1, "a bad line makes the exit status non-zero");
    let lines: Vec<_> = out.lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["offsets"], "utf16");
    assert_eq!(lines[0]["spans"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["id"], "e");
    for want in [
        "line 2: not JSON",
        "line 3: not UTF-8",
        "line 4: expected a string field \"text\"",
    ] {
        assert!(err.contains(want), "missing {want:?} in {err}");
    }
}

#[test]
fn invalid_utf8_text_is_an_error() {
    let (code, _, err) = run(&[], b"Paris \xff");
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn dictionary_file() {
    let dir = std::env::temp_dir().join(format!("annotate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("d.tsv");
    std::fs::write(&tsv, "person\tGrace Wanjiru\tKE\tWanjiru\ndeny\tFrance\n").unwrap();
    let (code, out, _) = run(
        &["--dictionary", tsv.to_str().unwrap()],
        b"Wanjiru left France.",
    );
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["entity"], "Grace Wanjiru");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"entries": [{"text": "X", "type": "person", "colour": "red"}]}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["--dictionary", bad.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(err.contains("colour"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_names_the_units() {
    let (code, out, _) = run(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("utf16") && out.contains("codepoint") && out.contains("byte"));
}
