//! The JS boundary: the only module that knows about wasm-bindgen.
//!
//! Annotations leave as plain objects with **UTF-16** offsets (what JS strings and DOM ranges
//! count); bad arguments throw a `TypeError` or `Error` that names the problem; a panic, should
//! one happen, prints its Rust message to the console.
//!
//! A JS string with unpaired surrogates reaches Rust with each one replaced by U+FFFD, which is
//! also one UTF-16 unit long: offsets still index the original string.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::offsets::{self, Unit};
use crate::{Annotation, Annotator, Dictionary, Entry, Label, MAX_ENTRIES};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** What an annotation is about. */
export type Label = "actor" | "country" | "agreement";
/** The finer type: person/organization (actor), country/demonym/capital (country), named/described (agreement). */
export type AnnotationType = "person" | "organization" | "country" | "demonym" | "capital" | "named" | "described";
/** One highlighted stretch of text. Offsets are UTF-16 code units (JS string indices), end exclusive. */
export interface Annotation {
  start: number;
  end: number;
  label: Label;
  type: AnnotationType;
  /** The covered text, `input.slice(start, end)`. */
  text: string;
  /** Stable key shared by all mentions of one thing: ISO code for countries, canonical name for actors and agreements. */
  entity: string;
  /** Canonical display name. */
  name: string;
  /** ISO 3166-1 alpha-2 code of the actor's country, or of the country mention. */
  country?: string;
}
/** Options of `annotate`. */
export interface AnnotateOptions {
  /** Only these labels (default: all three). */
  labels?: Label[];
}
/** One entry of a user dictionary. */
export interface DictionaryEntry {
  text: string;
  type: Exclude<AnnotationType, "described">;
  label?: Label;
  name?: string;
  country?: string;
  aliases?: string[];
}
/** A newsroom's own entries and a deny list; or the same as tab-separated text. */
export interface Dictionary {
  entries?: DictionaryEntry[];
  deny?: string[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `Annotation[]` in the TypeScript types.
    #[wasm_bindgen(typescript_type = "Annotation[]")]
    pub type AnnotationList;
    /// `AnnotateOptions | undefined` in the TypeScript types.
    #[wasm_bindgen(typescript_type = "AnnotateOptions | undefined")]
    pub type AnnotateOptionsArg;
    /// `Dictionary | string | undefined` in the TypeScript types.
    #[wasm_bindgen(typescript_type = "Dictionary | string | undefined")]
    pub type DictionaryArg;
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    labels: Option<Vec<Label>>,
}

fn type_error(message: String) -> JsValue {
    js_sys::TypeError::new(&message).into()
}

fn text_arg(func: &str, text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        let got = if text.is_null() {
            "null".to_string()
        } else if js_sys::Array::is_array(text) {
            "array".to_string()
        } else {
            text.js_typeof().as_string().unwrap_or_default()
        };
        type_error(format!("{func}: text must be a string, got {got}"))
    })
}

/// serde-wasm-bindgen reads only the fields it knows, so misspelt keys would pass silently.
fn check_keys(value: &JsValue, allowed: &[&str], what: &str) -> Result<(), JsValue> {
    for k in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let k = k.as_string().unwrap_or_default();
        if !allowed.contains(&k.as_str()) {
            return Err(type_error(format!(
                "{what}: unknown field {k:?} (expected {})",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

fn options_arg(func: &str, options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(type_error(format!(
            "{func}: options must be an object such as {{ labels: [\"actor\"] }}"
        )));
    }
    check_keys(options, &["labels"], &format!("{func}: options"))?;
    serde_wasm_bindgen::from_value(options.clone())
        .map_err(|e| type_error(format!("{func}: invalid options: {e} (expected {{ labels?: (\"actor\" | \"country\" | \"agreement\")[] }})")))
}

/// Converts to UTF-16 offsets and to plain JS objects.
fn to_js(
    text: &str,
    mut found: Vec<Annotation>,
    options: &Options,
) -> Result<AnnotationList, JsValue> {
    if let Some(labels) = &options.labels {
        found.retain(|a| labels.contains(&a.label));
    }
    let mut offs: Vec<usize> = found.iter().flat_map(|a| [a.start, a.end]).collect();
    offsets::from_bytes(text, &mut offs, Unit::Utf16)
        .map_err(|e| js_sys::Error::new(&e.to_string()))?;
    for (a, o) in found.iter_mut().zip(offs.chunks_exact(2)) {
        a.start = o[0];
        a.end = o[1];
    }
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let value = found
        .serialize(&ser)
        .map_err(|e| js_sys::Error::new(&e.to_string()))?;
    Ok(value.unchecked_into())
}

use serde::Serialize;

fn shared() -> &'static Annotator {
    static SHARED: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    SHARED.get_or_init(Annotator::new)
}

/// Annotates `text` with the embedded gazetteers. Offsets are UTF-16 code units.
#[wasm_bindgen]
pub fn annotate(text: JsValue, options: AnnotateOptionsArg) -> Result<AnnotationList, JsValue> {
    let s = text_arg("annotate()", &text)?;
    let options = options_arg("annotate()", &options)?;
    to_js(&s, shared().annotate(&s), &options)
}

/// A long-lived annotator, optionally with a user dictionary (an object, or tab-separated text).
#[wasm_bindgen(js_name = Annotator)]
pub struct JsAnnotator {
    inner: Annotator,
}

#[wasm_bindgen(js_class = Annotator)]
impl JsAnnotator {
    /// Builds an annotator; throws if the dictionary is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(dictionary: DictionaryArg) -> Result<JsAnnotator, JsValue> {
        let value: &JsValue = &dictionary;
        let dict = if value.is_undefined() || value.is_null() {
            Dictionary::default()
        } else if let Some(s) = value.as_string() {
            s.parse::<Dictionary>()
                .map_err(|e| js_sys::Error::new(&format!("new Annotator(): {e}")))?
        } else if value.is_object() && !js_sys::Array::is_array(value) {
            dictionary_arg(value)?
        } else {
            return Err(type_error(
                "new Annotator(): dictionary must be an object { entries, deny } or a string"
                    .into(),
            ));
        };
        let inner = Annotator::builder()
            .dictionary(dict)
            .build()
            .map_err(|e| js_sys::Error::new(&format!("new Annotator(): {e}")))?;
        Ok(JsAnnotator { inner })
    }

    /// Annotates `text`. Offsets are UTF-16 code units.
    pub fn annotate(
        &self,
        text: JsValue,
        options: AnnotateOptionsArg,
    ) -> Result<AnnotationList, JsValue> {
        let s = text_arg("Annotator.annotate()", &text)?;
        let options = options_arg("Annotator.annotate()", &options)?;
        to_js(&s, self.inner.annotate(&s), &options)
    }
}

/// Reads a dictionary object field by field, so an error names the entry at fault
/// (`dictionary.entries[3].country: invalid type: …`).
fn dictionary_arg(value: &JsValue) -> Result<Dictionary, JsValue> {
    const WHAT: &str = "new Annotator(): dictionary";
    check_keys(value, &["entries", "deny"], WHAT)?;
    let mut dictionary = Dictionary::default();
    for (field, text) in [("entries", false), ("deny", true)] {
        let list = js_sys::Reflect::get(value, &field.into())?;
        if list.is_undefined() || list.is_null() {
            continue;
        }
        let expected = if text {
            "an array of strings"
        } else {
            "an array of entries { text, type, … }"
        };
        if !js_sys::Array::is_array(&list) {
            return Err(type_error(format!("{WHAT}.{field} must be {expected}")));
        }
        let list = js_sys::Array::from(&list);
        // Checked before reading, so an enormous array is refused without being copied.
        if list.length() as usize > MAX_ENTRIES {
            return Err(js_sys::Error::new(&format!(
                "{WHAT}.{field} has {} items; at most {MAX_ENTRIES} entries, aliases and denied texts are allowed",
                list.length()
            ))
            .into());
        }
        for (i, item) in list.iter().enumerate() {
            let at = format!("{WHAT}.{field}[{i}]");
            if text {
                let s = item
                    .as_string()
                    .ok_or_else(|| type_error(format!("{at} must be a string")))?;
                dictionary.deny.push(s);
                continue;
            }
            if !item.is_object() || js_sys::Array::is_array(&item) {
                return Err(type_error(format!(
                    "{at} must be an object {{ text, type, country?, aliases?, name?, label? }}"
                )));
            }
            check_keys(
                &item,
                &["text", "type", "label", "name", "country", "aliases"],
                &at,
            )?;
            let entry: Entry = serde_wasm_bindgen::from_value(item)
                .map_err(|e| type_error(format!("{at}: {e}")))?;
            dictionary.entries.push(entry);
        }
    }
    Ok(dictionary)
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
