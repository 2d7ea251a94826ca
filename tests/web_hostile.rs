//! The JS face under hostile arguments, in a real browser (`wasm-pack test --headless --chrome`):
//! every wrong argument throws a `TypeError` or `Error` whose message names the problem, lone
//! surrogates never shift an offset, and no call panics (a Rust panic in wasm aborts the
//! instance, so any panic would fail these tests; the last one checks the module still works).
//!
//! The lone-surrogate rule: a JS string with unpaired surrogates reaches Rust with each one
//! replaced by U+FFFD, which is one UTF-16 unit like the surrogate it replaces, so offsets
//! index the original JS string, and `input.slice(a.start, a.end)` is the annotation's text.
#![cfg(target_arch = "wasm32")]

use annotator::wasm::{annotate, JsAnnotator};
use js_sys::{Array, BigInt, JsString, Object, Reflect, Symbol};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn undefined<T: JsCast>() -> T {
    JsValue::UNDEFINED.unchecked_into()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn arr(items: &[JsValue]) -> JsValue {
    items.iter().collect::<Array>().into()
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// The thrown value is an `Error` (a `TypeError` if `type_error`) whose message has `needle`.
fn throws<T>(result: Result<T, JsValue>, type_error: bool, needle: &str) {
    let err = match result {
        Ok(_) => panic!("expected an error mentioning {needle:?}"),
        Err(e) => e,
    };
    let e = err
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("thrown value is not an Error: {err:?}"));
    let msg = String::from(e.message());
    assert_eq!(
        err.is_instance_of::<js_sys::TypeError>(),
        type_error,
        "TypeError? {msg:?}"
    );
    assert!(msg.contains(needle), "{msg:?} lacks {needle:?}");
}

fn run_js(text: &JsString) -> Vec<(u32, u32, String)> {
    let list: JsValue = annotate(JsValue::from(text.clone()), undefined())
        .unwrap()
        .into();
    Array::from(&list)
        .iter()
        .map(|a| {
            let get = |k: &str| Reflect::get(&a, &k.into()).unwrap();
            (
                get("start").as_f64().unwrap() as u32,
                get("end").as_f64().unwrap() as u32,
                get("text").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn text_must_be_a_string() {
    let table: &[(JsValue, &str)] = &[
        (JsValue::from(42), "got number"),
        (JsValue::from(f64::NAN), "got number"),
        (JsValue::TRUE, "got boolean"),
        (Object::new().into(), "got object"),
        (obj(&[("text", s("Joe Biden"))]), "got object"),
        (arr(&[s("Joe Biden")]), "got array"),
        (Symbol::for_("Joe Biden").into(), "got symbol"),
        (BigInt::from(7u32).into(), "got bigint"),
        (
            js_sys::Function::new_no_args("return 1").into(),
            "got function",
        ),
        (JsString::from("x").concat(&"y".into()).into(), ""),
        (JsValue::NULL, "got null"),
        (JsValue::UNDEFINED, "got undefined"),
    ];
    for (value, needle) in table {
        if needle.is_empty() {
            assert!(annotate(value.clone(), undefined()).is_ok());
            continue;
        }
        throws(
            annotate(value.clone(), undefined()),
            true,
            "annotate(): text must be a string",
        );
        throws(annotate(value.clone(), undefined()), true, needle);
        let a = JsAnnotator::new(undefined()).unwrap();
        throws(
            a.annotate(value.clone(), undefined()),
            true,
            "Annotator.annotate(): text must be a string",
        );
    }
}

#[wasm_bindgen_test]
fn options_must_be_well_formed() {
    let table: &[(JsValue, &str)] = &[
        (s("actor"), "options must be an object"),
        (JsValue::from(1), "options must be an object"),
        (JsValue::TRUE, "options must be an object"),
        (arr(&[s("actor")]), "options must be an object"),
        (obj(&[("labels", s("actor"))]), "invalid options"),
        (
            obj(&[("labels", arr(&[JsValue::from(1)]))]),
            "invalid options",
        ),
        (obj(&[("labels", arr(&[s("Actor")]))]), "invalid options"),
        (obj(&[("labels", arr(&[JsValue::NULL]))]), "invalid options"),
        (obj(&[("labels", JsValue::from(3))]), "invalid options"),
        (
            obj(&[("label", arr(&[s("actor")]))]),
            "unknown field \"label\"",
        ),
        (
            obj(&[("labels", arr(&[])), ("offsets", s("utf16"))]),
            "unknown field \"offsets\"",
        ),
    ];
    for (options, needle) in table {
        throws(
            annotate(s("Joe Biden"), options.clone().unchecked_into()),
            true,
            needle,
        );
    }
    // Absent, null and empty options are fine; an empty label list filters everything out.
    for options in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        Object::new().into(),
        obj(&[("labels", JsValue::NULL)]),
    ] {
        let list: JsValue = annotate(s("Joe Biden met Macron."), options.unchecked_into())
            .unwrap()
            .into();
        assert_eq!(Array::from(&list).length(), 2);
    }
    let none: JsValue = annotate(
        s("Joe Biden"),
        obj(&[("labels", arr(&[]))]).unchecked_into(),
    )
    .unwrap()
    .into();
    assert_eq!(Array::from(&none).length(), 0);
}

fn entry(pairs: &[(&str, JsValue)]) -> JsValue {
    obj(pairs)
}

fn dictionary(entries: &[JsValue]) -> JsValue {
    obj(&[("entries", arr(entries))])
}

#[wasm_bindgen_test]
fn malformed_dictionaries_say_what_is_wrong() {
    let ok = || vec![("text", s("Jane Doe")), ("type", s("person"))];
    let with = |k: &'static str, v: JsValue| {
        let mut e = ok();
        e.retain(|(key, _)| *key != k);
        e.push((k, v));
        dictionary(&[entry(&e)])
    };
    // (dictionary, TypeError?, message part)
    let table: Vec<(JsValue, bool, &str)> = vec![
        (JsValue::from(7), true, "dictionary must be an object"),
        (JsValue::TRUE, true, "dictionary must be an object"),
        (arr(&[]), true, "dictionary must be an object"),
        (
            obj(&[("entires", arr(&[]))]),
            true,
            "unknown field \"entires\"",
        ),
        (
            obj(&[("entries", s("Jane Doe"))]),
            true,
            "entries must be an array",
        ),
        (
            obj(&[("entries", obj(&[]))]),
            true,
            "entries must be an array",
        ),
        (
            obj(&[("deny", s("Jordan"))]),
            true,
            "deny must be an array of strings",
        ),
        (
            obj(&[("deny", arr(&[JsValue::from(1)]))]),
            true,
            "deny[0] must be a string",
        ),
        (
            dictionary(&[JsValue::from(5)]),
            true,
            "entries[0] must be an object",
        ),
        (
            dictionary(&[arr(&[])]),
            true,
            "entries[0] must be an object",
        ),
        (
            dictionary(&[entry(&ok()), JsValue::NULL]),
            true,
            "entries[1] must be an object",
        ),
        (
            with("colour", s("red")),
            true,
            "entries[0]: unknown field \"colour\"",
        ),
        (with("text", JsValue::from(5)), true, "entries[0]"),
        (
            dictionary(&[entry(&[("type", s("person"))])]),
            true,
            "missing field `text`",
        ),
        (
            dictionary(&[entry(&[("text", s("X"))])]),
            true,
            "missing field `type`",
        ),
        (with("type", s("mascot")), true, "mascot"),
        (with("type", JsValue::from(1)), true, "entries[0]"),
        (with("label", s("country")), false, "belongs to label actor"),
        (with("label", s("planet")), true, "planet"),
        (
            with("country", s("ZZ")),
            false,
            "unknown country code \"ZZ\"",
        ),
        (with("country", JsValue::from(250)), true, "entries[0]"),
        (with("aliases", s("Doe")), true, "entries[0]"),
        (
            with("aliases", arr(&[JsValue::from(1)])),
            true,
            "entries[0]",
        ),
        (
            with("aliases", arr(&[s("")])),
            false,
            "entries[0].aliases[0] is empty",
        ),
        (with("text", s("")), false, "entries[0].text is empty"),
        (with("text", s(" \t\n")), false, "entries[0].text is empty"),
        (with("name", s("")), false, "entries[0].name is empty"),
        (
            with("type", s("described")),
            false,
            "described agreements are found by rules",
        ),
        (
            dictionary(&[entry(&[("text", s("Freedonia")), ("type", s("country"))])]),
            false,
            "needs a country code",
        ),
        (obj(&[("deny", arr(&[s("")]))]), false, "deny[0] is empty"),
        // Tab-separated text: the line at fault.
        (
            s("person\tJane Doe\nmascot\tFluffy"),
            false,
            "line 2: unknown type \"mascot\"",
        ),
        (s("person"), false, "line 1: expected a type and a text"),
        (
            s("person\ta\tb\tc\td\te"),
            false,
            "at most 5 tab-separated columns",
        ),
    ];
    for (d, type_error, needle) in table {
        throws(JsAnnotator::new(d.unchecked_into()), type_error, needle);
    }
}

#[wasm_bindgen_test]
fn enormous_dictionaries_are_refused() {
    let max = annotator::MAX_ENTRIES;
    // One denied text too many, as an object and as tab-separated text.
    let deny: Array = (0..=max)
        .map(|i| JsValue::from(format!("Denied{i}")))
        .collect();
    throws(
        JsAnnotator::new(obj(&[("deny", deny.into())]).unchecked_into()),
        false,
        "at most 100000",
    );
    let text: String = (0..=max).map(|i| format!("deny\tDenied{i}\n")).collect();
    throws(
        JsAnnotator::new(s(&text).unchecked_into()),
        false,
        "at most 100000",
    );
    // Entries plus aliases over the limit.
    let aliases: Array = (0..max)
        .map(|i| JsValue::from(format!("Alias{i}")))
        .collect();
    let e = entry(&[
        ("text", s("Jane Doe")),
        ("type", s("person")),
        ("aliases", aliases.into()),
    ]);
    throws(
        JsAnnotator::new(dictionary(&[e]).unchecked_into()),
        false,
        "at most 100000",
    );
    // A text over MAX_TEXT bytes (and one exactly at it, which is fine).
    let long = "x".repeat(annotator::MAX_TEXT + 1);
    let e = entry(&[("text", s(&long)), ("type", s("person"))]);
    throws(
        JsAnnotator::new(dictionary(&[e]).unchecked_into()),
        false,
        "longer than 200 bytes",
    );
    let multibyte = "é".repeat(annotator::MAX_TEXT / 2 + 1);
    throws(
        JsAnnotator::new(s(&format!("deny\t{multibyte}")).unchecked_into()),
        false,
        "longer than 200 bytes",
    );
    let fits = "x".repeat(annotator::MAX_TEXT);
    let e = entry(&[("text", s(&fits)), ("type", s("organization"))]);
    assert!(JsAnnotator::new(dictionary(&[e]).unchecked_into()).is_ok());
    // Exactly MAX_ENTRIES is allowed.
    let deny: Array = (0..max)
        .map(|i| JsValue::from(format!("Denied{i}")))
        .collect();
    let a = JsAnnotator::new(obj(&[("deny", deny.into())]).unchecked_into()).unwrap();
    assert!(a.annotate(s("France"), undefined()).is_ok());
}

/// A lone surrogate (high or low) at the start, the end, in the middle, and touching an entity.
#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    let lone = |u: u32| JsString::from_char_code1(u);
    for unit in [0xd800u32, 0xdbff, 0xdc00, 0xdfff] {
        let x = || lone(unit);
        let cases: Vec<(JsString, &[&str])> = vec![
            (x().concat(&" Joe Biden".into()), &["Joe Biden"]),
            (JsString::from("Joe Biden ").concat(&x()), &["Joe Biden"]),
            (
                JsString::from("France ")
                    .concat(&x())
                    .concat(&" and Germany".into()),
                &["France", "Germany"],
            ),
            (x().concat(&"Joe Biden".into()).concat(&x()), &["Joe Biden"]),
            (
                JsString::from("Joe")
                    .concat(&x())
                    .concat(&"Biden met Emmanuel Macron".into()),
                &[],
            ),
            (
                JsString::from("🙂")
                    .concat(&x())
                    .concat(&x())
                    .concat(&"👍🏽 NATO ".into())
                    .concat(&x())
                    .concat(&"\u{301}France".into()),
                &["NATO", "France"],
            ),
            (x().concat(&x()).concat(&x()), &[]),
        ];
        for (js, want) in cases {
            let shown = String::from(js.clone());
            let got = run_js(&js);
            // The JS face gives exactly what the engine finds in the string with U+FFFD…
            let lossy = js.as_string().expect("a string");
            assert_eq!(
                lossy.encode_utf16().count() as u32,
                js.length(),
                "{shown:?}"
            );
            let engine: Vec<String> = annotator::Annotator::new()
                .annotate(&lossy)
                .into_iter()
                .map(|a| a.text)
                .collect();
            let texts: Vec<String> = got.iter().map(|(_, _, t)| t.clone()).collect();
            assert_eq!(texts, engine, "{shown:?}");
            if !want.is_empty() {
                assert_eq!(texts, *want, "{shown:?}");
            }
            // …at offsets that slice the original JS string.
            for (start, end, text) in &got {
                assert_eq!(String::from(js.slice(*start, *end)), *text, "{shown:?}");
            }
        }
    }
    // A replaced unit inside a bracketed acronym is not a letter, so "(NA\u{d800}TO)" is no
    // acronym; the offsets around and after it still slice the original string.
    let js = JsString::from("The North Atlantic Treaty Organization (NA")
        .concat(&lone(0xd800))
        .concat(&"TO) met. Then Olaf Scholz spoke.".into());
    let got = run_js(&js);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (4, 38));
    assert_eq!((got[1].0, got[1].1), (57, 68));
    for (start, end, text) in &got {
        assert_eq!(String::from(js.slice(*start, *end)), *text);
    }
    // A valid pair split by another unit stays a lone high and a lone low.
    let js = lone(0xd83d)
        .concat(&"x".into())
        .concat(&lone(0xde42))
        .concat(&" Olaf Scholz".into());
    assert_eq!(run_js(&js), [(4, 15, "Olaf Scholz".to_string())]);
}

/// A text longer than one chunk (64 KiB) with astral characters everywhere: every offset is
/// still a UTF-16 index of the original string.
#[wasm_bindgen_test]
fn long_text_offsets_stay_exact() {
    let unit =
        "👩\u{200d}👩\u{200d}👧 Zoe\u{301} met Joe Biden 🙂 in Paris; Emmanuel Macron 👍🏽 agreed. ";
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 300_000 {
        text.push_str(unit);
        text.push_str(if k % 5 == 4 { "\n\n" } else { "" });
        k += 1;
    }
    let js = JsString::from(text.as_str());
    let got = run_js(&js);
    assert_eq!(got.len(), 2 * k, "two people per sentence");
    for (start, end, t) in &got {
        assert_eq!(String::from(js.slice(*start, *end)), *t);
    }
}

/// Lone surrogates in a text long enough to cross the boundary by its exact-size path.
#[wasm_bindgen_test]
fn lone_surrogates_in_a_long_text_keep_offsets_aligned() {
    let filler = JsString::from("talks went on; ".repeat(5_000).as_str());
    let js = filler
        .concat(&JsString::from_char_code1(0xd800))
        .concat(&" Joe Biden met 🙂".into())
        .concat(&JsString::from_char_code1(0xdc00))
        .concat(&"Emmanuel Macron.".into());
    assert!(js.length() > 64 * 1024);
    let got = run_js(&js);
    let texts: Vec<&str> = got.iter().map(|(_, _, t)| t.as_str()).collect();
    assert_eq!(texts, ["Joe Biden", "Emmanuel Macron"]);
    for (start, end, text) in &got {
        assert_eq!(String::from(js.slice(*start, *end)), *text);
    }
}

/// A long text opening with a curly quote costs about its UTF-8 size in wasm memory, not the
/// three bytes per character a naive copy reserves.
#[wasm_bindgen_test]
fn a_long_text_costs_its_size_in_wasm_memory() {
    let memory = || {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length() as usize
    };
    run_js(&"Warm-up: the lexicon is built on first use.".into());
    let text = format!("“{}", "peace talks went on; ".repeat(400_000));
    let before = memory();
    run_js(&text.as_str().into());
    let grown = memory() - before;
    assert!(
        grown < text.len() * 3 / 2,
        "{} MB of text grew memory by {} MB",
        text.len() >> 20,
        grown >> 20
    );
}

/// Names, entities and countries with characters that could pass for separators (NUL, the
/// unit separator, commas, quotes, line breaks) come back exactly, and do not shift the
/// strings of the annotations after them.
#[wasm_bindgen_test]
fn odd_characters_in_dictionary_names_stay_put() {
    let names = [
        "Jane\0Doe",
        "Acme\u{1f}Defence",
        "Harbour, \"Accord\"\n\r\t|\\",
    ];
    let d = dictionary(&[
        entry(&[
            ("text", s("Jane Doe")),
            ("type", s("person")),
            ("name", s(names[0])),
            ("country", s("GB")),
        ]),
        entry(&[
            ("text", s("Acme Defence")),
            ("type", s("organization")),
            ("name", s(names[1])),
        ]),
        entry(&[
            ("text", s("Harbour Accord")),
            ("type", s("named")),
            ("name", s(names[2])),
        ]),
    ]);
    let a = JsAnnotator::new(d.unchecked_into()).unwrap();
    let list: JsValue = a
        .annotate(
            s("Jane Doe of Acme Defence signed the Harbour Accord in France with Joe Biden."),
            undefined(),
        )
        .unwrap()
        .into();
    let got: Vec<(String, String, String, Option<String>)> = Array::from(&list)
        .iter()
        .map(|a| {
            let get = |k: &str| Reflect::get(&a, &k.into()).unwrap().as_string();
            (
                get("text").unwrap(),
                get("entity").unwrap(),
                get("name").unwrap(),
                get("country"),
            )
        })
        .collect();
    let gb = Some("GB".to_string());
    let fr = Some("FR".to_string());
    let us = Some("US".to_string());
    assert_eq!(
        got,
        [
            ("Jane Doe".into(), names[0].into(), names[0].into(), gb),
            (
                "Acme Defence".into(),
                names[1].into(),
                names[1].into(),
                None
            ),
            (
                "Harbour Accord".into(),
                names[2].into(),
                names[2].into(),
                None
            ),
            ("France".into(), "FR".into(), "France".into(), fr),
            (
                "Joe Biden".into(),
                "Joe Biden".into(),
                "Joe Biden".into(),
                us
            ),
        ]
    );
}

#[wasm_bindgen_test]
fn still_works_after_all_that() {
    // Hostile calls first, then a normal one: nothing poisoned the instance.
    let _ = annotate(Symbol::for_("x").into(), undefined());
    let _ = JsAnnotator::new(obj(&[("entries", s("x"))]).unchecked_into());
    let _ = annotate(s("x"), obj(&[("labels", s("actor"))]).unchecked_into());
    let got = run_js(&JsString::from("US President Joe Biden met Olaf Scholz."));
    let texts: Vec<_> = got.into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(texts, ["US", "Joe Biden", "Olaf Scholz"]);
}
