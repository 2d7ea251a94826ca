//! The JS face, in a real browser (`wasm-pack test --headless --chrome`): plain objects with
//! UTF-16 offsets, errors that are `Error`s with a message that names the problem.
#![cfg(target_arch = "wasm32")]

use annotator::wasm::{annotate, JsAnnotator};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn no_options<T: JsCast>() -> T {
    JsValue::UNDEFINED.unchecked_into()
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

fn run(text: &JsValue) -> Array {
    let list: JsValue = annotate(text.clone(), no_options()).unwrap().into();
    assert!(Array::is_array(&list));
    Array::from(&list)
}

/// (start, end, text) of each annotation, read from the JS objects.
fn spans(list: &Array) -> Vec<(u32, u32, String)> {
    list.iter()
        .map(|a| {
            (
                get(&a, "start").as_f64().unwrap() as u32,
                get(&a, "end").as_f64().unwrap() as u32,
                get(&a, "text").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn annotations_are_plain_objects() {
    let list = run(&"US President Joe Biden met Olaf Scholz.".into());
    assert_eq!(list.length(), 3);
    let a = list.get(1);
    let proto = Object::get_prototype_of(&a);
    assert!(
        JsValue::from(proto).loose_eq(&Object::get_prototype_of(&Object::new()).into()),
        "not a class instance"
    );
    let keys: Vec<String> = Object::keys(a.unchecked_ref::<Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["start", "end", "label", "type", "text", "entity", "name", "country"]
    );
    assert_eq!(get(&a, "label").as_string().as_deref(), Some("actor"));
    assert_eq!(get(&a, "type").as_string().as_deref(), Some("person"));
    assert_eq!(get(&a, "country").as_string().as_deref(), Some("US"));
    assert!(get(&a, "start").as_f64().is_some(), "offsets are numbers");
}

/// Expected (start, end, text), in UTF-16 units.
type Spans = &'static [(u32, u32, &'static str)];

#[wasm_bindgen_test]
fn offsets_are_utf16_around_emoji_and_combining_marks() {
    let table: &[(&str, Spans)] = &[
        ("👍🏽 Joe Biden", &[(5, 14, "Joe Biden")]),
        ("👩‍👩‍👧 and Emmanuel Macron", &[(13, 28, "Emmanuel Macron")]),
        ("Zoe\u{301} saw France", &[(9, 15, "France")]),
        (
            "Ukraine 🇺🇦 and Poland 🇵🇱",
            &[(0, 7, "Ukraine"), (17, 23, "Poland")],
        ),
    ];
    for &(input, want) in table {
        let js = JsString::from(input);
        let got = spans(&run(&js.clone().into()));
        let want: Vec<_> = want
            .iter()
            .map(|&(s, e, t)| (s, e, t.to_string()))
            .collect();
        assert_eq!(got, want, "{input}");
        for (s, e, t) in got {
            assert_eq!(String::from(js.slice(s, e)), t, "slice of {input}");
        }
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    // A lone high surrogate is one UTF-16 unit; it reaches Rust as U+FFFD (also one unit).
    let js = JsString::from_char_code1(0xd800).concat(&" Joe Biden".into());
    let got = spans(&run(&js.clone().into()));
    assert_eq!(got, [(2, 11, "Joe Biden".to_string())]);
    assert_eq!(String::from(js.slice(2, 11)), "Joe Biden");
}

fn expect_error(result: Result<impl Into<JsValue>, JsValue>, type_error: bool, needle: &str) {
    let err = match result {
        Ok(_) => panic!("expected an error mentioning {needle:?}"),
        Err(e) => e,
    };
    let e = err
        .dyn_ref::<js_sys::Error>()
        .expect("thrown value is an Error");
    assert_eq!(
        err.is_instance_of::<js_sys::TypeError>(),
        type_error,
        "TypeError? {:?}",
        String::from(e.message())
    );
    let msg = String::from(e.message());
    assert!(msg.contains(needle), "{msg:?} lacks {needle:?}");
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_that_say_why() {
    expect_error(
        annotate(JsValue::from(42), no_options()),
        true,
        "text must be a string, got number",
    );
    expect_error(annotate(JsValue::NULL, no_options()), true, "got null");
    expect_error(
        annotate(JsValue::UNDEFINED, no_options()),
        true,
        "got undefined",
    );
    expect_error(
        annotate("x".into(), JsValue::from("labels").unchecked_into()),
        true,
        "options must be an object",
    );
    let typo = Object::new();
    Reflect::set(&typo, &"labls".into(), &Array::new()).unwrap();
    expect_error(
        annotate("x".into(), JsValue::from(typo).unchecked_into()),
        true,
        "unknown field \"labls\"",
    );
    let bad_label = Object::new();
    Reflect::set(&bad_label, &"labels".into(), &Array::of1(&"planet".into())).unwrap();
    expect_error(
        annotate("x".into(), JsValue::from(bad_label).unchecked_into()),
        true,
        "invalid options",
    );
    expect_error(
        JsAnnotator::new(JsValue::from("person\tX\tZZ").unchecked_into()),
        false,
        "unknown country code",
    );
    expect_error(
        JsAnnotator::new(JsValue::from(7).unchecked_into()),
        true,
        "dictionary must be",
    );
}

#[wasm_bindgen_test]
fn a_long_lived_annotator_with_a_dictionary() {
    let a = JsAnnotator::new(
        JsValue::from("person\tGrace Wanjiru\tKE\tWanjiru\ndeny\tJordan").unchecked_into(),
    )
    .unwrap();
    let options = Object::new();
    Reflect::set(&options, &"labels".into(), &Array::of1(&"actor".into())).unwrap();
    let list: JsValue = a
        .annotate(
            "Wanjiru visited Jordan and Egypt.".into(),
            JsValue::from(options).unchecked_into(),
        )
        .unwrap()
        .into();
    let list = Array::from(&list);
    assert_eq!(spans(&list), [(0, 7, "Wanjiru".to_string())]);
    assert_eq!(
        get(&list.get(0), "entity").as_string().as_deref(),
        Some("Grace Wanjiru")
    );
}
