//! Organizations not in the gazetteer: title-cased names ending in an organization head
//! ("Global Engagement Center", "Russian Ground Forces", "U.S.-Mexico Working Group on Cyber
//! Issues", "Congress of Colombia", "the Foreign Ministry").
//!
//! A country or demonym inside such a name belongs to the name (the outermost span wins); a
//! possessive splits it ("Russia's Foreign Ministry" → Russia + Foreign Ministry).

use super::Ctx;
use crate::annotation::Type;
use crate::candidate::{Candidate, Source, Target};
use crate::gazetteer::class;

/// The most tokens a title-cased name extends over on either side of its head (the longest
/// real ones, "Special Inspector General for Afghanistan Reconstruction", have about ten).
pub(crate) const MAX_NAME_TOKENS: usize = 16;

/// Pushes organization candidates for the chunk.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    for h in ctx.caps() {
        if group_acronym(ctx, h) {
            out.push(Candidate::new(
                h,
                h + 1,
                Type::Organization,
                Source::Rule,
                Target::None,
            ));
            continue;
        }
        if !ctx.title_case(h) || !ctx.is(h, class::ORG_HEAD) || ctx.shout(h) {
            continue;
        }
        let mut first = title_run_start(ctx, h);
        // "Security Council Extends Mandate of United Nations Mission in South Sudan": a verb
        // capitalised for a headline ends the words before the name.
        if let Some(v) = ctx.headline_verb(first, h) {
            first = v + 1;
        }
        let mut last = h + 1;
        while last < ctx.len()
            && last - h < MAX_NAME_TOKENS
            && ctx.is(last, class::ORG_HEAD)
            && ctx.title_case(last)
            && !ctx.new_line(last)
        {
            last += 1;
        }
        // "Dow Chemical Co of the United States": a company's legal form ends its name.
        if !legal_form(ctx, last - 1) {
            last = of_phrase_end(ctx, last, &["of", "for", "on"]);
        }
        // "United States Forces Korea", "U.S. Forces Japan": a state's forces stationed in
        // another place are named after both.
        let state_first = ctx
            .covered(first)
            .is_some_and(|c| c.ty() == Some(Type::Country));
        if last == h + 1 && state_first && ctx.is_word(h, "forces") && place_word(ctx, last) {
            last = ctx.country_at(last).unwrap_or(last + 1);
        }
        // "Wright-Patterson Air Force Base": a place named after the organization.
        let place = last < ctx.len()
            && !ctx.new_line(last)
            && ctx.title_case(last)
            && ctx.is(last, class::PLACE_HEAD);
        // "West Bank", "South Bank": a compass point and a head name a region ("Northern
        // Command" is a body).
        let region = first + 1 == h
            && last == h + 1
            && ctx.is_any_word(first, &["north", "south", "east", "west"]);
        if first == h && last == h + 1 || place || region {
            continue;
        }
        let mut c = Candidate::new(first, last, Type::Organization, Source::Rule, Target::None);
        c.country = country_in(ctx, first, last).or_else(|| possessor(ctx, first));
        out.push(c);
    }
}

/// "the FDLR militia", "ADF rebels": an unlisted acronym of three or more letters before a
/// noun for an armed or political group.
fn group_acronym(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is(i + 1, class::GROUP_NOUN)
        && ctx.acronym(i)
        && ctx.covered(i).is_none()
        && !ctx.new_line(i + 1)
        && ctx.tok(i + 1).is_lower_word()
        && ctx.word(i).bytes().filter(u8::is_ascii_alphabetic).count() >= 3
}

/// Whether token `i` is a company's legal form ("Co", "Inc.", "GmbH").
pub(crate) fn legal_form(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_any_word(i, &LEGAL_FORMS)
}

/// The legal forms among the organization heads: they end a company's name, and alone they
/// stand for no company.
const LEGAL_FORMS: [&str; 13] = [
    "co", "co.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "gmbh", "ag", "pjsc",
];

/// A title-cased place name at `i` on the same line: a country or an unlisted name word.
fn place_word(ctx: &Ctx<'_>, i: usize) -> bool {
    i < ctx.len()
        && !ctx.new_line(i)
        && !ctx.sent_start(i)
        && !ctx.is(i, class::TITLE)
        && match ctx.covered(i) {
            Some(c) => c.first as usize == i && c.ty() == Some(Type::Country),
            None => name_word(ctx, i),
        }
}

/// Whether token `i` can be a word of a title-cased name: a title-case word that is not a
/// function word or a generic head, or an acronym.
pub(crate) fn name_word(ctx: &Ctx<'_>, i: usize) -> bool {
    (ctx.title_case(i) && !ctx.function_word(i) && !ctx.is(i, class::GENERIC)) || ctx.acronym(i)
}

/// "New York Declaration", "a Declaration on a New Stage of …", "New Development Bank": a
/// title-case "New" (a function word elsewhere) opening a name before another name word.
fn opens_name(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_word(i, "new") && ctx.title_case(i) && !ctx.sent_start(i) && name_word(ctx, i + 1)
}

/// The first token of the title-cased run that ends just before `head`: name words, listed
/// readings (countries, demonyms, organizations), dash-joined parts, and "and" between name
/// words ("Afghan National Defense and Security Forces").
pub(crate) fn title_run_start(ctx: &Ctx<'_>, head: usize) -> usize {
    let mut k = head;
    // Bounded: no name is longer, and a run of heads ("Council Council …") stays linear.
    while k > 0 && !ctx.new_line(k) && head - k < MAX_NAME_TOKENS {
        let p = k - 1;
        if let Some(c) = ctx.reading_ending_at(k).filter(|c| (c.first as usize) < k) {
            if c.ty() != Some(Type::Named) {
                k = c.first as usize;
                continue;
            }
        }
        // A name word, a dash joining two parts ("U.S.-Mexico"), or "and" between name words
        // ("Afghan National Defense and Security Forces").
        let dash_joined = ctx.joining_dash(p)
            && p > 0
            && (name_word(ctx, p - 1) || ctx.reading_ending_at(p).is_some());
        // "and"/"of" inside one name ("Cessation of Hostilities Agreement"), not between two
        // listed names ("the State of Israel and Abraham Accords").
        let connector = ctx.is_word(p, "and") || ctx.is_word(p, "of") || ctx.punct(p, "&");
        let inner_and = connector
            && p > 0
            && k < head
            && name_word(ctx, p - 1)
            && ctx.covered(p - 1).is_none()
            && name_word(ctx, k)
            && !two_names(ctx, p, k);
        // "New" before the head itself is an adjective ("a New Agreement").
        let new_name = k < head && opens_name(ctx, p);
        // "Northern States Power Co": a generic word inside a name, between unlisted name words
        // ("the UK Cabinet Office" is a state and its office).
        let generic_inside = p > 0
            && ctx.title_case(p)
            && ctx.is(p, class::GENERIC)
            && !ctx.sent_start(p)
            && name_word(ctx, p - 1)
            && ctx.covered(p - 1).is_none()
            && !ctx.new_line(p)
            && name_word(ctx, k);
        if name_word(ctx, p) || dash_joined || inner_and || new_name || generic_inside {
            k = p;
        } else if ctx.possessive(p)
            && p > 0
            && k < head
            && (ctx.is_word(p - 1, "people") || ctx.is_word(p - 1, "workers"))
        {
            // "Tigray People's Liberation Front", "Workers' Party": a possessive inside the name.
            k = p - 1;
        } else {
            break;
        }
    }
    // The run never starts on a connector or a dash.
    while k < head && (ctx.is_word(k, "and") || ctx.dash(k) || ctx.possessive(k)) {
        k += 1;
    }
    k
}

/// Whether "and" at `p` ends one complete name and `k` starts another: "Hyundai Motor Company
/// and Toyota Motor Corp." (a head after a name word, then a name word that is not a head),
/// unlike "Army and Navy Club" or "Bank and Trust Company".
fn two_names(ctx: &Ctx<'_>, p: usize, k: usize) -> bool {
    ctx.is_word(p, "and")
        && p >= 2
        && ctx.is(p - 1, class::ORG_HEAD)
        && (name_word(ctx, p - 2) || ctx.covered(p - 2).is_some())
        && !ctx.is(k, class::ORG_HEAD)
}

/// Extends a name over "`<connector>` (the) Title Words" ("Ministry of Foreign Affairs",
/// "Working Group on Cyber Issues", "Agreement for Bringing Peace to Afghanistan"). Returns the
/// new end. "in" never opens the phrase ("the Foreign Ministry in Accra" is a ministry and a
/// place) but may continue one that `connectors` opened and that allows it ("Agreement on
/// Cooperation in the Peaceful Uses of Atomic Energy").
pub(crate) fn of_phrase_end(ctx: &Ctx<'_>, end: usize, connectors: &[&str]) -> usize {
    let mut best = end;
    let mut k = end;
    while k < ctx.len() && !ctx.new_line(k) && k - end < MAX_NAME_TOKENS {
        let connector = connectors
            .iter()
            .any(|w| ctx.is_word(k, w) && ctx.tok(k).is_lower_word() && (k > end || *w != "in"));
        if !connector {
            break;
        }
        let mut j = k + 1;
        // "Treaty on the Non-Proliferation …", "Declaration on a New Stage of …".
        if ctx.is_any_word(j, &["the", "a", "an"]) {
            j += 1;
        }
        let infinitive = ctx.is_word(k, "to");
        let mut words = 0;
        // Where an "and" joined more name words: a title or a person after it shows that it
        // joined a second party instead ("… Nations and Foreign Minister Kenji Moriyama met").
        let mut and_at = None;
        while j < ctx.len() && !ctx.new_line(j) && j - end < MAX_NAME_TOKENS {
            if let Some(a) = and_at.filter(|_| ctx.is(j, class::TITLE) || person_at(ctx, j)) {
                j = a;
                break;
            }
            // "… to Protect the Civilians of Sudan": a title-cased verb and its object.
            if infinitive && words == 1 && ctx.is_word(j, "the") && name_word(ctx, j + 1) {
                j += 1;
                continue;
            }
            if let Some(c) = ctx.covered(j).filter(|c| c.first as usize == j) {
                j = c.last as usize;
            } else if name_word(ctx, j) || opens_name(ctx, j) {
                j += 1;
            } else if words > 0 && ctx.joining_dash(j) && name_word(ctx, j + 1) {
                // "Treaty on Good-Neighbourliness": a dash-joined name word.
                j += 1;
                continue;
            } else if ctx.is_word(j, "and") && and_name_word(ctx, j + 1) {
                and_at = Some(j);
                j += 1;
                continue;
            } else {
                break;
            }
            words += 1;
        }
        // "the Northern Ireland Protocol of the Brexit withdrawal agreement": the last name word
        // modifies a lower-case agreement noun that follows, so the of-phrase is not the title's.
        let lower_with =
            |i: usize, c: u32| !ctx.new_line(i) && ctx.tok(i).is_lower_word() && ctx.is(i, c);
        let modifies_next = ctx.is(end - 1, class::AGREEMENT_HEAD)
            && (lower_with(j, AGREEMENT_HEADS)
                || lower_with(j, class::CLASSIFIER) && lower_with(j + 1, AGREEMENT_HEADS));
        // "the Security Council on Ukraine": a state alone after "on" is the topic of a
        // meeting, not part of the name ("Working Group on Cyber Issues", "Commission of
        // Inquiry on the Syrian Arab Republic" with the formal "the").
        let topic = ctx.is_word(k, "on")
            && words == 1
            && ctx
                .covered(k + 1)
                .is_some_and(|c| c.last as usize == j && c.ty() == Some(Type::Country));
        // "… of Defence in Moscow", "… in Geneva": "in" and one name is where, not the name
        // ("in the Field of Defence", "in Financial Services" are).
        let place = ctx.is_word(k, "in") && words == 1 && !ctx.is_word(k + 1, "the");
        if words == 0 || modifies_next || topic || place {
            break;
        }
        best = j;
        k = j;
    }
    best
}

/// Heads of agreement noun phrases ("agreement", "protocol").
const AGREEMENT_HEADS: u32 =
    class::DESCRIBED_HEAD | class::DESCRIBED_HEAD_MOD | class::AGREEMENT_HEAD;

/// A name word after "and" inside an of-phrase ("Ministry of Industry and Trade"), but not one
/// that opens a second party: a country ("the Council of Europe and Ukraine signed") or a
/// demonym ("… of American States and Japanese Prime Minister Sanae Takaichi met").
fn and_name_word(ctx: &Ctx<'_>, i: usize) -> bool {
    name_word(ctx, i)
        && ctx
            .covered(i)
            .is_none_or(|c| !matches!(c.ty(), Some(Type::Country | Type::Demonym)))
}

/// Whether a person reading covers `i`.
fn person_at(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.covered(i).is_some_and(|c| c.ty() == Some(Type::Person))
}

/// The first country or demonym reading inside `first..last`.
pub(crate) fn country_in(ctx: &Ctx<'_>, first: usize, last: usize) -> Option<u16> {
    (first..last).find_map(|i| match ctx.covered(i) {
        Some(c) if matches!(c.ty(), Some(Type::Country | Type::Demonym)) => c.country,
        _ => None,
    })
}

/// The country owning a name through a possessive: "Russia's Foreign Ministry".
pub(crate) fn possessor(ctx: &Ctx<'_>, first: usize) -> Option<u16> {
    if first < 2 || !ctx.possessive(first - 1) {
        return None;
    }
    let c = ctx.reading_ending_at(first - 1)?;
    matches!(c.ty(), Some(Type::Country | Type::Capital))
        .then_some(c.country)
        .flatten()
}
