//! `annotate`: the engine on the command line (native, no wasm).
//!
//! ```text
//! annotate [--format text|jsonl] [--offsets utf16|codepoint|byte] [--dictionary FILE] < input
//! ```

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use annotator::offsets::{self, Unit};
use annotator::{Annotation, Annotator, Dictionary};
use serde_json::{json, Value};

const HELP: &str = "\
annotate: find actors, countries and agreements in news text.

USAGE
  annotate [--format text|jsonl] [--offsets utf16|codepoint|byte] [--dictionary FILE] < INPUT

  --format text     (default) read the whole input as one text; print a JSON array of
                    annotations
  --format jsonl    read one JSON object per line, {\"id\": …, \"text\": …}; print one line
                    {\"id\": …, \"offsets\": UNIT, \"spans\": [annotations]} per input line
  --offsets UNIT    what start/end count: utf16 (default: UTF-16 code units, as JS string
                    indices), codepoint (Unicode scalar values, as Python str indices) or
                    byte (UTF-8 bytes)
  --dictionary FILE a user dictionary: JSON {\"entries\": […], \"deny\": […]} if FILE ends in
                    .json, else tab-separated lines `type<TAB>text<TAB>country<TAB>aliases`
                    and `deny<TAB>text`

Each annotation: {start, end, label, type, text, entity, name, country?}.
A malformed jsonl line is reported on stderr with its line number; the other lines are still
processed and the exit status is 1 at the end. Exit status 2: bad arguments or unreadable input.
";

struct Args {
    jsonl: bool,
    unit: Unit,
    dictionary: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        jsonl: false,
        unit: Unit::Utf16,
        dictionary: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" => match value("--format")?.as_str() {
                "text" => args.jsonl = false,
                "jsonl" => args.jsonl = true,
                other => return Err(format!("unknown format {other:?} (expected text or jsonl)")),
            },
            "--offsets" => {
                let v = value("--offsets")?;
                args.unit = Unit::parse(&v).ok_or(format!(
                    "unknown offset unit {v:?} (expected utf16, codepoint or byte)"
                ))?;
            }
            "--dictionary" => args.dictionary = Some(value("--dictionary")?),
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(Some(args))
}

fn load_dictionary(path: &str) -> Result<Dictionary, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    if path.ends_with(".json") {
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
    } else {
        text.parse().map_err(|e| format!("{path}: {e}"))
    }
}

fn unit_name(u: Unit) -> &'static str {
    match u {
        Unit::Utf16 => "utf16",
        Unit::CodePoint => "codepoint",
        Unit::Byte => "byte",
    }
}

/// Annotations as JSON values with offsets in `unit`.
fn spans(text: &str, found: Vec<Annotation>, unit: Unit) -> Vec<Value> {
    let mut offs: Vec<usize> = found.iter().flat_map(|a| [a.start, a.end]).collect();
    offsets::from_bytes(text, &mut offs, unit).expect("annotations lie on character boundaries");
    found
        .into_iter()
        .zip(offs.chunks_exact(2))
        .map(|(mut a, o)| {
            a.start = o[0];
            a.end = o[1];
            serde_json::to_value(a).expect("annotations serialize")
        })
        .collect()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("annotate: {e}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Annotator::builder();
    if let Some(path) = &args.dictionary {
        match load_dictionary(path) {
            Ok(d) => builder = builder.dictionary(d),
            Err(e) => {
                eprintln!("annotate: dictionary {e}");
                return ExitCode::from(2);
            }
        }
    }
    let annotator = match builder.build() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("annotate: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        run_jsonl(&annotator, args.unit, &mut out)
    } else {
        run_text(&annotator, args.unit, &mut out)
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::from(1),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("annotate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_text(annotator: &Annotator, unit: Unit, out: &mut impl Write) -> io::Result<bool> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("input is not UTF-8 at line {line} (byte {at})"),
        )
    })?;
    if io::stderr().is_terminal() {
        eprintln!("annotate: offsets are {} units", unit_name(unit));
    }
    let found = spans(&text, annotator.annotate(&text), unit);
    serde_json::to_writer(&mut *out, &found)?;
    writeln!(out)?;
    Ok(true)
}

fn run_jsonl(annotator: &Annotator, unit: Unit, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    let mut n = 0;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        n += 1;
        match process_line(annotator, unit, &line) {
            Ok(None) => {}
            Ok(Some(v)) => {
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
            Err(e) => {
                eprintln!("annotate: line {n}: {e}");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// One jsonl line → `{"id", "offsets", "spans"}`; `None` for a blank line.
fn process_line(annotator: &Annotator, unit: Unit, line: &[u8]) -> Result<Option<Value>, String> {
    let line =
        std::str::from_utf8(line).map_err(|e| format!("not UTF-8 (byte {})", e.valid_up_to()))?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = v.as_object().ok_or("expected a JSON object")?;
    let text = obj
        .get("text")
        .and_then(Value::as_str)
        .ok_or("expected a string field \"text\"")?;
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let found = spans(text, annotator.annotate(text), unit);
    Ok(Some(
        json!({ "id": id, "offsets": unit_name(unit), "spans": found }),
    ))
}
