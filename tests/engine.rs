//! The engine's behaviour as data: bracketed cases (tests/cases/*.txt) and API tables. Runs
//! natively under `cargo test` and in headless Chromium under `wasm-pack test`.

mod support;

use annotator::{offsets, Annotator, Dictionary, Entry, Label, Type};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// One test for both targets.
macro_rules! both {
    ($(fn $name:ident() $body:block)*) => {$(
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
        fn $name() $body
    )*};
}

macro_rules! case_files {
    ($($name:ident => $file:literal),* $(,)?) => {
        both! {$( fn $name() { support::run_cases($file, include_str!($file)); } )*}
    };
}

case_files! {
    countries => "cases/countries.txt",
    people => "cases/people.txt",
    organizations => "cases/organizations.txt",
    agreements => "cases/agreements.txt",
}

both! {
    fn spans_are_sorted_disjoint_and_exact() {
        let text = "🇺🇸 US President Joe Biden and his French counterpart Emmanuel Macron signed the \
                    Paris Agreement, then Biden met Russians in Moscow.";
        let found = Annotator::new().annotate(text);
        assert!(found.len() >= 6, "{found:?}");
        for w in found.windows(2) {
            assert!(w[0].end <= w[1].start, "{:?} overlaps {:?}", w[0], w[1]);
        }
        for a in &found {
            assert_eq!(&text[a.start..a.end], a.text);
            assert_eq!(a.label, a.kind.label());
        }
    }

    fn entities_and_countries() {
        // (text, covered text, type, entity, country)
        let table: &[(&str, &str, Type, &str, Option<&str>)] = &[
            ("French officials agreed.", "French", Type::Demonym, "FR", Some("FR")),
            ("Washington said no.", "Washington", Type::Capital, "US", Some("US")),
            ("The U.S. agreed.", "U.S.", Type::Country, "US", Some("US")),
            ("Joe Biden left. Biden returned.", "Biden", Type::Person, "Joe Biden", Some("US")),
            ("Keir Starmer spoke. Later Sir Keir left.", "Keir", Type::Person, "Keir Starmer", Some("GB")),
            ("Kazakh diplomat Roman Vassilenko said so.", "Roman Vassilenko", Type::Person, "Roman Vassilenko", Some("KZ")),
            ("The Kremlin said no.", "Kremlin", Type::Organization, "Kremlin", Some("RU")),
            // A listed agreement with a generic head keeps its canonical entity.
            ("They revived the JCPOA agreement.", "JCPOA agreement", Type::Named, "Joint Comprehensive Plan of Action", None),
            // Chinese and Korean names put the family name first; a Western given name stays one.
            ("Li Qiang met them. Li said so.", "Li", Type::Person, "Li Qiang", Some("CN")),
            ("Lai Ching-te left. Lai said so.", "Lai", Type::Person, "Lai Ching-te", Some("TW")),
            ("Kim Jong Un spoke. Kim left.", "Kim", Type::Person, "Kim Jong Un", Some("KP")),
            ("Carrie Lam spoke. Lam left.", "Lam", Type::Person, "Carrie Lam", Some("CN")),
            // Royals go by their given names.
            ("King Abdullah II met him. King Abdullah said no.", "Abdullah", Type::Person, "Abdullah II", Some("JO")),
            ("Mohammed bin Salman met him. Crown Prince Mohammed said no.", "Mohammed", Type::Person, "Mohammed bin Salman", Some("SA")),
            ("Spanish King Felipe VI met him. Felipe said no.", "Felipe", Type::Person, "Felipe VI", Some("ES")),
            // A surname opened by a particle: "Al Thani" is the Al Thani named before.
            ("Tamim bin Hamad Al Thani met him. Later, Al Thani said no.", "Al Thani", Type::Person, "Tamim bin Hamad Al Thani", Some("QA")),
            // A patronymic is not a surname: King Salman is not Mohammed bin Salman.
            ("King Salman met Mohammed bin Salman.", "Salman", Type::Person, "Salman", None),
            // "Long Name (ACR)": the acronym is a mention of the long name.
            ("The Coastal Defence Council (CDC) met.", "CDC", Type::Organization, "Coastal Defence Council", None),
            // Initials in capitals, with no bracket: the name mentioned before them.
            ("The Kestrel Basin Authority met. The KBA agreed.", "KBA", Type::Organization, "Kestrel Basin Authority", None),
            ("Nato said so.", "Nato", Type::Organization, "NATO", None),
            // An ambassador belongs to the state sending them, not to the host after "to".
            ("Russia's ambassador to Pyongyang, Oskar Brandt, said so.", "Oskar Brandt", Type::Person, "Oskar Brandt", Some("RU")),
            ("Russia's envoy to North Korea, Oskar Brandt, said so.", "Oskar Brandt", Type::Person, "Oskar Brandt", Some("RU")),
            // A middle initial does not make another person.
            ("Keir Starmer spoke. Keir R. Starmer left.", "Keir R. Starmer", Type::Person, "Keir Starmer", Some("GB")),
            // A listed government body belongs to its possessor, if any.
            ("The Joint Chiefs of Staff met.", "Joint Chiefs of Staff", Type::Organization, "Joint Chiefs of Staff", Some("US")),
            ("South Korea's Joint Chiefs of Staff said so.", "Joint Chiefs of Staff", Type::Organization, "Joint Chiefs of Staff", Some("KR")),
            ("Israel's National Security Council warned.", "National Security Council", Type::Organization, "National Security Council", Some("IL")),
            // An IGO body's generic short name, owned by a state, is that state's body.
            ("Medvedev runs Russia's Security Council.", "Security Council", Type::Organization, "Security Council", Some("RU")),
            ("Russia's UN Security Council envoy spoke.", "UN Security Council", Type::Organization, "United Nations Security Council", None),
            // Another state's body of the same name is not the listed one.
            ("Peru's Congress removed her.", "Congress", Type::Organization, "Congress", Some("PE")),
        ];
        let annotator = Annotator::new();
        for &(text, covered, ty, entity, country) in table {
            let found = annotator.annotate(text);
            let a = found.iter().rev().find(|a| a.text == covered).unwrap_or_else(|| panic!("{covered:?} not found in {text:?}: {found:?}"));
            assert_eq!((a.kind, &*a.entity, a.country.as_deref()), (ty, entity, country), "{text}");
        }
    }

    fn user_dictionary_adds_and_denies() {
        let dictionary = Dictionary {
            entries: vec![Entry { country: Some("KE".into()), aliases: vec!["Wanjiru".into()], ..Entry::new(Type::Person, "Grace Wanjiru") }],
            deny: vec!["jordan".into()],
        };
        let annotator = Annotator::builder().dictionary(dictionary).build().unwrap();
        let found = annotator.annotate("Wanjiru visited Jordan and Egypt.");
        let got: Vec<_> = found.iter().map(|a| (a.text.as_str(), a.kind, &*a.entity)).collect();
        assert_eq!(got, [("Wanjiru", Type::Person, "Grace Wanjiru"), ("Egypt", Type::Country, "EG")]);
        assert_eq!(found[0].country.as_deref(), Some("KE"));
    }

    fn dictionary_errors_name_the_problem() {
        let table: &[(&str, &str)] = &[
            ("person\tA\tZZ", "unknown country code \"ZZ\""),
            ("country\tFreedonia", "needs a country code"),
            ("described\tthe pact", "described agreements are found by rules"),
            ("mascot\tFluffy", "unknown type \"mascot\""),
            ("person", "expected a type and a text"),
        ];
        for &(src, want) in table {
            let err = src.parse::<Dictionary>().and_then(|d| Annotator::builder().dictionary(d).build().map(|_| ()));
            let msg = err.expect_err(src).to_string();
            assert!(msg.contains(want), "{src:?}: {msg}");
        }
        let long = "x".repeat(annotator::MAX_TEXT + 1);
        let err = Annotator::builder().deny(long).build().unwrap_err().to_string();
        assert!(err.contains("longer than"), "{err}");
    }

    fn utf16_offsets_survive_emoji_and_combining_marks() {
        let text = "👩‍👩‍👧 Zoe\u{301} met Joe Biden 🙂 in Paris; Emmanuel Macron 👍🏽 agreed.";
        let found = Annotator::new().annotate(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for a in &found {
            let mut o = [a.start, a.end];
            offsets::from_bytes(text, &mut o, offsets::Unit::Utf16).unwrap();
            assert_eq!(String::from_utf16(&utf16[o[0]..o[1]]).unwrap(), a.text);
        }
        let names: Vec<_> = found.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["Joe Biden", "Emmanuel Macron"]);
    }

    fn empty_and_blank_input() {
        let annotator = Annotator::new();
        for text in ["", " ", "\n\n", "\u{feff}", "..."] {
            assert!(annotator.annotate(text).is_empty(), "{text:?}");
        }
    }

    fn labels_parse_and_print() {
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        for t in Type::ALL {
            assert_eq!(Type::parse(t.as_str()), Some(t));
        }
    }
}
