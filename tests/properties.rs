//! Property tests over random and adversarial Unicode: arbitrary strings, and news-like text
//! assembled from real entity names, titles, punctuation, emoji, combining marks, ZWJ
//! sequences, right-to-left text and marks, NUL, CRLF and lone CR, no-break spaces, dashes and
//! curly quotes. Every output must keep the contract of tests/invariants; conversions must
//! round-trip; the same input must give the same output; and a paragraph's annotations must not
//! depend on an unrelated paragraph before or after it.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use annotator::{Annotation, Annotator, Dictionary, Entry, Type};
use proptest::prelude::*;
use proptest::sample::select;

/// Cases per property: enough to cover the vocabulary's combinations, fast in release builds.
const CASES: u32 = 512;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // Failures are reported with their minimal input; nothing is written next to the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Things news text is made of, and things pasted news text is full of.
const VOCAB: &[&str] = &[
    // People, with and without titles; coreference by surname.
    "Joe Biden",
    "Biden",
    "Emmanuel Macron",
    "Macron",
    "Vasily Nebenzya",
    "Nebenzya",
    "Olaf Scholz",
    "Vasily Korenkov",
    "Korenkov",
    "Antony J. Blinken",
    "Mohammed bin Salman",
    "Kim Jong Un",
    "Joseph R. Biden, Jr.",
    "Khalid al-Rashidi",
    "Pieter van der Berg",
    "O'Brien",
    "Zoe\u{301}",
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Secretary of State",
    "Mr.",
    "Mr",
    "Dr.",
    "Crown Prince",
    "Spokesperson",
    "envoy",
    "counterpart",
    "said",
    "told reporters",
    // Countries, demonyms, capitals, possessives.
    "France",
    "French",
    "Russia",
    "Russia's",
    "Russia’s",
    "Russians",
    "Ukraine",
    "Ukrainian",
    "U.S.",
    "US",
    "United States",
    "the United States’",
    "U.S.-Mexico",
    "Côte d'Ivoire",
    "São Tomé",
    "Washington",
    "Moscow",
    "Beijing",
    "Paris",
    "Kyiv",
    "Jordan",
    "Georgia",
    "Chad",
    "Niger",
    // Organizations, acronyms and their definitions.
    "NATO",
    "North Atlantic Treaty Organization",
    "(NATO)",
    "African Union",
    "(AU)",
    "AU",
    "United Nations Security Council",
    "the Kremlin",
    "Kremlin",
    "European Union",
    "EU",
    "Ministry of Foreign Affairs",
    "Foreign Ministry",
    "Council",
    "Working Group on Cyber Issues",
    "Tigray People's Liberation Front",
    "(TPLF)",
    "TPLF",
    "Global Engagement Center",
    // Agreements.
    "Paris Agreement",
    "JCPOA",
    "Iran nuclear deal",
    "nuclear submarine deal",
    "ceasefire",
    "agreement",
    "accord",
    "Treaty",
    "Treaty of Rome",
    "Minsk Protocol",
    "the deal",
    "Abuja Accord",
    // Function words.
    "the",
    "and",
    "of",
    "in",
    "on",
    "met",
    "signed",
    "agreed",
    "talks",
    "with",
    "to",
    "a",
    // Shouting.
    "BIDEN",
    "MEETS",
    "MACRON",
    "NATO SAYS",
    // Punctuation, dashes, quotes.
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "'s",
    "’s",
    "«",
    "»",
    "—",
    "–",
    "-",
    "‑",
    "−",
    "…",
    "/",
    "&",
    "•",
    "|",
    // Emoji, flags, skin tones, ZWJ sequences.
    "🙂",
    "👍🏽",
    "🇫🇷",
    "🇺🇦",
    "👩\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "\u{1f1e6}",
    // Combining marks and invisible characters.
    "\u{301}",
    "\u{308}\u{301}",
    "e\u{301}",
    "\u{200d}",
    "\u{200c}",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\u{34f}",
    // Right-to-left text and marks.
    "فلسطين",
    "محمود عباس",
    "שלום",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "\u{202c}",
    "\u{2067}",
    "\u{2069}",
    "\u{61c}",
    // Other scripts and odd letters.
    "Путин",
    "習近平",
    "Ελλάδα",
    "İstanbul",
    "ß",
    "ﬁ",
    "Ǆ",
    "ǅ",
    "\u{130}",
    "K\u{212a}",
    // Controls, line breaks, spaces.
    "\0",
    "\u{7}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\r\n\r\n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{3000}",
    "\t",
    "\u{b}",
    "\u{c}",
    // Numbers.
    "2,000",
    "6.5",
    "2024",
    "P5+1",
    "G-7",
    "ES‑11/1",
    "١٢٣",
];

/// What goes between two pieces.
const SEPS: &[&str] = &[
    " ", " ", " ", " ", "", "", ", ", ". ", "\n", "\n\n", "\r\n", "\r", "\u{a0}", "\t", " — ",
];

/// One piece of text: mostly vocabulary, sometimes a made-up title-case word, an acronym, or
/// any character at all.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => select(VOCAB).prop_map(String::from),
        2 => "[A-Z][a-z]{1,9}",
        1 => "[A-Z]{2,5}",
        1 => "[A-Z]\\.",
        1 => any::<char>().prop_map(String::from),
        1 => select(VOCAB).prop_map(|s| s.to_uppercase()),
    ]
}

/// News-like text: up to 80 pieces with separators.
fn news() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), select(SEPS)), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

/// Any string: arbitrary code points (including controls, unassigned and private-use ones).
fn arbitrary() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => news(), 1 => arbitrary()]
}

/// Lower-case prose that can neither define nor resolve an entity: no capital letter, no
/// entity word, no agreement word. Used as an unrelated paragraph around a text.
fn unrelated_paragraph() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the",
        "weather",
        "was",
        "mild",
        "and",
        "markets",
        "rose",
        "slightly",
        "on",
        "tuesday",
        "it",
        "rained",
        "in",
        "the",
        "afternoon",
        "42",
        "3.5",
        "🙂",
        "—",
        ",",
        ".",
        ";",
        "“",
        "”",
        "é",
        "naïve",
        "\u{a0}",
        "\u{200d}",
        "\u{301}",
        "فلسطين",
        "\r\n",
        "\n",
    ];
    prop::collection::vec(select(WORDS), 0..30).prop_map(|w| w.join(" "))
}

fn key(a: &Annotation) -> (usize, usize, Type, String, String, String, Option<String>) {
    (
        a.start,
        a.end,
        a.kind,
        a.text.clone(),
        a.entity.to_string(),
        a.name.to_string(),
        a.country.as_deref().map(String::from),
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn annotations_keep_the_contract(text in text()) {
        let found = Annotator::new().annotate(&text);
        invariants::check(&text, &found);
    }

    #[test]
    fn offsets_round_trip(text in text()) {
        invariants::check_offsets(&text);
    }

    #[test]
    fn same_input_same_output(text in text()) {
        let a = Annotator::new();
        let first = a.annotate(&text);
        prop_assert_eq!(&first, &a.annotate(&text), "second call on the same annotator");
        prop_assert_eq!(&first, &Annotator::new().annotate(&text), "fresh annotator");
        let built = Annotator::builder().build().unwrap();
        prop_assert_eq!(&first, &built.annotate(&text), "annotator from an empty builder");
    }

    /// An unrelated paragraph before the text shifts every offset by exactly its length (plus
    /// the blank line) and changes nothing else; one after it changes nothing at all.
    #[test]
    fn an_unrelated_paragraph_changes_nothing(
        text in news(),
        before in unrelated_paragraph(),
        after in unrelated_paragraph(),
    ) {
        let a = Annotator::new();
        let alone: Vec<_> = a.annotate(&text).iter().map(key).collect();

        let prefix = format!("{before}\n\n");
        let joined = format!("{prefix}{text}");
        let found = a.annotate(&joined);
        invariants::check(&joined, &found);
        let shifted: Vec<_> = found
            .iter()
            .filter(|x| x.start >= prefix.len())
            .map(|x| {
                let mut k = key(x);
                k.0 -= prefix.len();
                k.1 -= prefix.len();
                k
            })
            .collect();
        prop_assert!(found.iter().all(|x| x.start >= prefix.len()), "annotation in the prefix: {:?}", found);
        prop_assert_eq!(&shifted, &alone, "with a paragraph before");

        let joined = format!("{text}\n\n{after}");
        let found = a.annotate(&joined);
        invariants::check(&joined, &found);
        let head: Vec<_> = found.iter().map(key).collect();
        prop_assert_eq!(&head, &alone, "with a paragraph after");
    }

    /// Whatever the dictionary text, parsing and building return `Ok` or an `Err` with a
    /// message; a built annotator keeps the output contract.
    #[test]
    fn any_dictionary_text_parses_or_fails_cleanly(
        lines in prop::collection::vec(
            (
                prop_oneof![
                    select(&["person", "organization", "country", "demonym", "capital", "named", "described", "deny", "#", "", "Person", "mascot"][..]).prop_map(String::from),
                    any::<String>(),
                ],
                prop::collection::vec(
                    prop_oneof![3 => piece(), 1 => select(&["FR", "GB", "ZZ", "fr", "", "|", "a|b||c"][..]).prop_map(String::from)],
                    0..6,
                ),
            ),
            0..8,
        ),
        text in news(),
    ) {
        let src: String = lines
            .iter()
            .map(|(ty, cols)| format!("{ty}\t{}\n", cols.join("\t")))
            .collect();
        match src.parse::<Dictionary>() {
            Err(e) => prop_assert!(e.to_string().contains("line"), "{}", e),
            Ok(d) => match Annotator::builder().dictionary(d).build() {
                Err(e) => prop_assert!(e.to_string().starts_with("invalid dictionary"), "{}", e),
                Ok(annotator) => invariants::check(&text, &annotator.annotate(&text)),
            },
        }
    }

    /// Dictionary values with arbitrary texts, types and countries: `build` never panics, and
    /// a built annotator keeps the output contract.
    #[test]
    fn any_dictionary_value_builds_or_fails_cleanly(
        entries in prop::collection::vec((select(&Type::ALL[..]), text(), prop::option::of(select(&["FR", "KE", "XX", ""][..]))), 0..5),
        deny in prop::collection::vec(arbitrary(), 0..3),
        text in news(),
    ) {
        let dictionary = Dictionary {
            entries: entries
                .into_iter()
                .map(|(ty, t, c)| Entry { country: c.map(String::from), ..Entry::new(ty, t) })
                .collect(),
            deny,
        };
        match Annotator::builder().dictionary(dictionary).build() {
            Err(e) => prop_assert!(e.to_string().starts_with("invalid dictionary"), "{}", e),
            Ok(annotator) => invariants::check(&text, &annotator.annotate(&text)),
        }
    }
}
