//! The JS boundary: the only module that knows about wasm-bindgen.
//!
//! Annotations leave as plain objects with **UTF-16** offsets (what JS strings and DOM ranges
//! count); bad arguments throw a `TypeError` or `Error` that names the problem; a panic, should
//! one happen, prints its Rust message to the console.
//!
//! A JS string with unpaired surrogates reaches Rust with each one replaced by U+FFFD, which is
//! also one UTF-16 unit long: offsets still index the original string.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::link::{Linked, Mention};
use crate::offsets::{self, Unit};
use crate::{Annotator, Dictionary, Entry, Label, Type, MAX_ENTRIES};

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

#[derive(Default)]
struct Options {
    labels: Option<Vec<Label>>,
}

fn type_error(message: String) -> JsValue {
    js_sys::TypeError::new(&message).into()
}

/// Texts of at least this many UTF-16 units are copied at their exact UTF-8 length.
const EXACT_FROM_UNITS: u32 = 64 * 1024;

/// The text as UTF-8. A long one is allocated in wasm memory at its exact length:
/// `JsValue::as_string` reserves three bytes per UTF-16 unit after the first non-ASCII
/// character, and wasm memory never shrinks (a 10 MB article opening with a curly quote would
/// leave 30 MB behind). A short one takes `as_string`, which is quicker for it.
fn text_arg(func: &str, text: &JsValue) -> Result<String, JsValue> {
    if text.is_string() {
        if text.unchecked_ref::<js_sys::JsString>().length() < EXACT_FROM_UNITS {
            return Ok(text.as_string().unwrap_or_default());
        }
        // TextEncoder writes UTF-8 by definition; the check cannot fail.
        return String::from_utf8(encode_utf8(text))
            .map_err(|_| js_sys::Error::new(&format!("{func}: text is not UTF-8")).into());
    }
    Err({
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

/// A field of a JS object; `None` when absent, `undefined` or `null`.
fn field(object: &JsValue, name: &str) -> Result<Option<JsValue>, JsValue> {
    let v = js_sys::Reflect::get(object, &name.into())?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

/// Fields are read one by one, so misspelt keys must be refused explicitly.
fn check_keys(value: &JsValue, allowed: &[&str], what: &str) -> Result<(), JsValue> {
    for k in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let k = k.as_string().unwrap_or_default();
        if !allowed.contains(&k.as_str()) {
            return Err(type_error(format!(
                "{what}: unknown field \"{k}\" (expected {})",
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
    let Some(labels) = field(options, "labels")? else {
        return Ok(Options::default());
    };
    let invalid = || {
        type_error(format!(
            "{func}: invalid options: labels must be an array of \"actor\", \"country\" or \"agreement\""
        ))
    };
    if !js_sys::Array::is_array(&labels) {
        return Err(invalid());
    }
    let labels = js_sys::Array::from(&labels)
        .iter()
        .map(|l| {
            l.as_string()
                .and_then(|l| Label::parse(&l))
                .ok_or_else(invalid)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Options {
        labels: Some(labels),
    })
}

/// Converts to UTF-16 offsets and to plain JS objects. The annotations cross the boundary as
/// one `Uint32Array` of columns and one string of the distinct entity keys, names and country
/// codes; a few lines of JS build the objects, taking each `text` as a slice of the caller's
/// own string. Setting fields one call at a time from Rust cost half of a 1 MB call.
fn to_js(
    input: &JsValue,
    text: &str,
    linked: Linked,
    options: &Options,
) -> Result<AnnotationList, JsValue> {
    let wanted = |m: &&Mention| {
        options
            .labels
            .as_ref()
            .is_none_or(|l| l.contains(&m.kind.label()))
    };
    let mentions: Vec<&Mention> = linked.mentions.iter().filter(wanted).collect();
    let mut offs: Vec<usize> = mentions.iter().flat_map(|m| [m.start, m.end]).collect();
    offsets::from_bytes(text, &mut offs, Unit::Utf16)
        .map_err(|e| js_sys::Error::new(&e.to_string()))?;
    // The strings, concatenated, and where each ends (in UTF-16 units, as JS slices them):
    // no separator character, so any text may be a name.
    let mut strings = String::new();
    let mut ends: Vec<u32> = Vec::new();
    let mut units = 0u32;
    let mut add = |s: &str| {
        strings.push_str(s);
        units += offsets::len(s, Unit::Utf16) as u32;
        ends.push(units);
        ends.len() as u32 - 1
    };
    // Per entity, the indices of its key, name and country code in the string table.
    let mut interned: Vec<Option<[u32; 3]>> = vec![None; linked.entities.len()];
    let mut cols = Vec::with_capacity(mentions.len() * COLUMNS);
    for (m, o) in mentions.iter().zip(offs.chunks_exact(2)) {
        let slot = &mut interned[m.entity as usize];
        let [key, name, country] = *slot.get_or_insert_with(|| {
            let e = &linked.entities[m.entity as usize];
            let key = add(&e.key);
            let name = if e.name == e.key { key } else { add(&e.name) };
            let country = match linked.country_code(e) {
                Some(code) if **code == *e.key => key,
                Some(code) => add(code),
                None => NO_STRING,
            };
            [key, name, country]
        });
        let ty = Type::ALL.iter().position(|&t| t == m.kind).unwrap_or(0) as u32;
        cols.extend([o[0] as u32, o[1] as u32, ty, key, name, country]);
    }
    Ok(decode(input, &cols, &strings, &ends).unchecked_into())
}

/// Numbers per annotation in the column buffer (see `decode`).
const COLUMNS: usize = 6;
/// No string (an annotation without a country).
const NO_STRING: u32 = u32::MAX;

#[wasm_bindgen(inline_js = r#"
const TYPES = ['person', 'organization', 'country', 'demonym', 'capital', 'named', 'described'];
const LABELS = ['actor', 'actor', 'country', 'country', 'country', 'agreement', 'agreement'];
const encoder = new TextEncoder();
export function encode_utf8(text) {
  // Room for the worst case (3 bytes a unit) in JS memory, which the system commits only as
  // it is written; encodeInto is several times faster than encode.
  const bytes = new Uint8Array(text.length * 3);
  return bytes.subarray(0, encoder.encodeInto(text, bytes).written);
}
export function decode(text, cols, strings, ends) {
  const table = new Array(ends.length);
  for (let i = 0, p = 0; i < ends.length; p = ends[i++]) table[i] = strings.slice(p, ends[i]);
  const out = new Array(cols.length / 6);
  for (let i = 0, k = 0; k < cols.length; i++, k += 6) {
    const start = cols[k], end = cols[k + 1], t = cols[k + 2];
    const a = { start, end, label: LABELS[t], type: TYPES[t], text: text.slice(start, end), entity: table[cols[k + 3]], name: table[cols[k + 4]] };
    if (cols[k + 5] !== 0xffffffff) a.country = table[cols[k + 5]];
    out[i] = a;
  }
  return out;
}
"#)]
extern "C" {
    /// Builds the annotation objects from the column buffer (see `to_js`).
    fn decode(text: &JsValue, cols: &[u32], strings: &str, ends: &[u32]) -> JsValue;
    /// The text encoded by `TextEncoder`: lone surrogates become U+FFFD, as `as_string`
    /// makes them.
    fn encode_utf8(text: &JsValue) -> Vec<u8>;
}

fn shared() -> &'static Annotator {
    static SHARED: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    SHARED.get_or_init(Annotator::new)
}

/// Annotates `text` with the embedded gazetteers. Offsets are UTF-16 code units.
#[wasm_bindgen]
pub fn annotate(text: JsValue, options: AnnotateOptionsArg) -> Result<AnnotationList, JsValue> {
    let s = text_arg("annotate()", &text)?;
    let options = options_arg("annotate()", &options)?;
    to_js(&text, &s, shared().link(&s), &options)
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
        to_js(&text, &s, self.inner.link(&s), &options)
    }
}

/// Reads a dictionary object field by field, so an error names the entry at fault
/// (`dictionary.entries[3].country: invalid type: …`).
fn dictionary_arg(value: &JsValue) -> Result<Dictionary, JsValue> {
    const WHAT: &str = "new Annotator(): dictionary";
    check_keys(value, &["entries", "deny"], WHAT)?;
    let mut dictionary = Dictionary::default();
    for (name, text) in [("entries", false), ("deny", true)] {
        let Some(list) = field(value, name)? else {
            continue;
        };
        let expected = if text {
            "an array of strings"
        } else {
            "an array of entries { text, type, … }"
        };
        if !js_sys::Array::is_array(&list) {
            return Err(type_error(format!("{WHAT}.{name} must be {expected}")));
        }
        let list = js_sys::Array::from(&list);
        // Checked before reading, so an enormous array is refused without being copied.
        if list.length() as usize > MAX_ENTRIES {
            return Err(js_sys::Error::new(&format!(
                "{WHAT}.{name} has {} items; at most {MAX_ENTRIES} entries, aliases and denied texts are allowed",
                list.length()
            ))
            .into());
        }
        for (i, item) in list.iter().enumerate() {
            let at = format!("{WHAT}.{name}[{i}]");
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
            dictionary.entries.push(entry_arg(&item, &at)?);
        }
    }
    Ok(dictionary)
}

/// A string field of a JS object: `None` if absent, a `TypeError` naming it if not a string.
fn string_field(item: &JsValue, name: &str, at: &str) -> Result<Option<String>, JsValue> {
    field(item, name)?
        .map(|v| {
            v.as_string()
                .ok_or_else(|| type_error(format!("{at}.{name} must be a string")))
        })
        .transpose()
}

/// One dictionary entry `{ text, type, label?, name?, country?, aliases? }`.
fn entry_arg(item: &JsValue, at: &str) -> Result<Entry, JsValue> {
    let required = |name: &str| -> Result<String, JsValue> {
        string_field(item, name, at)?
            .ok_or_else(|| type_error(format!("{at}: missing field `{name}`")))
    };
    let text = required("text")?;
    let ty = required("type")?;
    let kind = Type::parse(&ty).ok_or_else(|| {
        type_error(format!(
            "{at}.type: unknown type \"{ty}\" (expected person, organization, country, demonym, capital or named)"
        ))
    })?;
    let label = match string_field(item, "label", at)? {
        None => None,
        Some(l) => Some(Label::parse(&l).ok_or_else(|| {
            type_error(format!(
                "{at}.label: unknown label \"{l}\" (expected actor, country or agreement)"
            ))
        })?),
    };
    let aliases = match field(item, "aliases")? {
        None => Vec::new(),
        Some(aliases) if js_sys::Array::is_array(&aliases) => js_sys::Array::from(&aliases)
            .iter()
            .enumerate()
            .map(|(j, a)| {
                a.as_string()
                    .ok_or_else(|| type_error(format!("{at}.aliases[{j}] must be a string")))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(type_error(format!(
                "{at}.aliases must be an array of strings"
            )))
        }
    };
    Ok(Entry {
        text,
        kind,
        label,
        name: string_field(item, "name", at)?,
        country: string_field(item, "country", at)?,
        aliases,
    })
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
