//! People not in the gazetteer, found from context: a title or role before the name
//! ("Foreign Minister Sergei Lavrov", "the President of Azerbaijan Ilham Aliyev"), a known given
//! name ("Vasily Nebenzya"), a reporting verb after it ("Workneh Gebeyehu said"), a title in
//! apposition ("Ted McKinney, the Undersecretary…"), or an alias of a person just named ("also
//! known as Timochenko"). Titles are never part of the span.

use super::Ctx;
use crate::annotation::Type;
use crate::candidate::{Candidate, Kind as CandKind, Source, Target};
use crate::gazetteer::class;
use crate::text::{Kind, UPPER_INITIAL};

/// Most name parts a person span may have ("Luiz Inácio Lula da Silva" has four plus a particle).
const MAX_PARTS: usize = 6;

/// Words that block a token from being part of a name.
const NOT_NAME: u32 = class::TITLE
    | class::ORG_HEAD
    | class::GENERIC
    | class::AGREEMENT_HEAD
    | class::DESCRIBED_HEAD
    | class::DESCRIBED_HEAD_MOD
    | class::STOP
    | class::MONTH
    | class::WEEKDAY
    | class::SUFFIX
    | class::DIRECTION
    | class::PLACE_HEAD
    | class::TITLE_OF;

/// Endings of abstract nouns and adjectives that no name part has ("Reconstruction",
/// "Agricultural", "Security").
fn implausible_name(word: &str) -> bool {
    const ENDINGS: [&str; 8] = [
        "tion", "sion", "ment", "ity", "ism", "ical", "ional", "ural",
    ];
    // Every ending's last letter is one of these: most words are passed over on it.
    word.len() > 5
        && matches!(
            word.as_bytes()[word.len() - 1],
            b'n' | b't' | b'y' | b'm' | b'l'
        )
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Pushes person candidates for the chunk.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let start = out.len();
    by_title(ctx, out);
    by_byline(ctx, out);
    by_given_name(ctx, out);
    by_context(ctx, out);
    by_alias(ctx, start, out);
}

/// Whether token `i` may be a part of a name, apart from its shape.
fn free(ctx: &Ctx<'_>, i: usize) -> bool {
    if ctx.is(i, NOT_NAME) && !month_as_name(ctx, i) || ctx.shout(i) {
        return false;
    }
    let reading_ok = match ctx.covered(i) {
        None => true,
        Some(c) => c.kind == CandKind::Place || c.ty() == Some(Type::Person),
    };
    reading_ok && !implausible_name(ctx.word(i))
}

/// A month that is also a given name, used as one: "Jan de Vries", "April Ryan"; not after a
/// number or a function word ("on Jan 5", "in April Britain voted").
fn month_as_name(ctx: &Ctx<'_>, i: usize) -> bool {
    let next = i + 1;
    ctx.is(i, class::GIVEN)
        && !ctx.is(i, NOT_NAME & !class::MONTH)
        && next < ctx.len()
        && !ctx.new_line(next)
        && (ctx.title_case(next) || ctx.is(next, class::PARTICLE) && ctx.tok(next).is_lower_word())
        && (i == 0
            || ctx.new_line(i)
            || !ctx.is(i - 1, class::STOP) && ctx.tok(i - 1).kind != Kind::Number)
}

/// One part of a name at `i`: a title-case word with dash-joined continuations
/// ("Thomas-Greenfield", "Jae-in"), an initial ("J."), or a particle joined to a word
/// ("al-Assad"). Returns its end.
fn part(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    if i >= ctx.len() {
        return None;
    }
    if ctx.initial(i) {
        return Some(i + 1);
    }
    let mut j = if ctx.title_case(i) && free(ctx, i) {
        i + 1
    } else if ctx.is(i, class::PARTICLE)
        && ctx.joining_dash(i + 1)
        && ctx.title_case(i + 2)
        && free(ctx, i + 2)
    {
        i + 3
    } else {
        return None;
    };
    while ctx.joining_dash(j) {
        let next = ctx.tok(j + 1);
        let short_lower = next.is_lower_word()
            && (next.end - next.start <= 3
                || ctx.tok(j - 1).end - ctx.tok(j - 1).start <= 6
                    && romanized_syllable(ctx.word(j + 1)));
        if next.kind == Kind::Word && (ctx.title_case(j + 1) && free(ctx, j + 1) || short_lower) {
            j += 2;
        } else {
            break;
        }
    }
    Some(j)
}

/// One syllable of a romanized Korean or Chinese given name, the lower-case half of "Yu-jung",
/// "Dae-jung", "Ying-jeou", "Hsien-loong": an optional onset of at most two consonants and a
/// glide, one to three vowels, an optional final of n, ng, m, l, k, p or t. English words that
/// follow a name and a dash ("Putin-backed", "Trump-era", "Biden-led") do not have that shape.
fn romanized_syllable(word: &str) -> bool {
    let b = word.as_bytes();
    let is_vowel = |c: &u8| b"aeiou".contains(c);
    let mut i = 0;
    while i < b.len() && i < 2 && b"bcdghjklmnprstwxyz".contains(&b[i]) {
        i += 1;
    }
    if i < b.len() && (b[i] == b'y' || b[i] == b'w') {
        i += 1;
    }
    let vowels = b[i..].iter().take_while(|c| is_vowel(c)).count();
    if !(1..=3).contains(&vowels) {
        return false;
    }
    matches!(
        &b[i + vowels..],
        b"" | b"n" | b"ng" | b"m" | b"l" | b"k" | b"p" | b"t"
    )
}

/// A person's name starting at `i`: parts, particles between them ("bin", "van der"), and a
/// suffix ("Jr."). Returns its end and the number of parts.
pub(crate) fn name(ctx: &Ctx<'_>, i: usize) -> Option<(usize, usize)> {
    let mut end = part(ctx, i)?;
    let mut parts = 1;
    while parts < MAX_PARTS {
        if end < ctx.len() && ctx.new_line(end) {
            break;
        }
        // "al-Rashidi" is one part; "bin Salman", "van der Berg" have particles in between.
        let mut k = end;
        if part(ctx, k).is_none() {
            let mut particles = 0;
            while k < ctx.len()
                && particles < 2
                && ctx.is(k, class::PARTICLE)
                && ctx.tok(k).is_lower_word()
                && !ctx.new_line(k)
            {
                k += 1;
                particles += 1;
            }
        }
        match part(ctx, k) {
            Some(e) => {
                end = e;
                parts += 1;
            }
            None => break,
        }
    }
    // An initial cannot end a name ("Antony J." is cut before "J." by the caller's context).
    if ctx.initial(end - 1) && parts == 1 {
        return None;
    }
    if ctx.punct(end, ",") && ctx.is(end + 1, class::SUFFIX) && ctx.tok(end + 1).has(UPPER_INITIAL)
    {
        end += 2;
    } else if ctx.is(end, class::SUFFIX) && ctx.tok(end).has(UPPER_INITIAL) && !ctx.new_line(end) {
        end += 1;
    }
    Some((end, parts))
}

fn person(first: usize, last: usize, country: Option<u16>) -> Candidate {
    let mut c = Candidate::new(first, last, Type::Person, Source::Rule, Target::None);
    c.country = country;
    c
}

/// "President Putin", "Secretary of State Antony J. Blinken", "Russia's permanent
/// representative to the United Nations, Vasily Nebenzya".
fn by_title(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    for t in ctx.marks() {
        if !ctx.is(t, class::TITLE) || ctx.shout(t) || ctx.tok(t).kind != Kind::Word {
            continue;
        }
        let mut j = t + 1;
        let mut country = None;
        // After "President of Azerbaijan" or "envoy to the UN," only a full name is taken:
        // "Inspector General for Afghanistan Reconstruction" names no one.
        let mut min_parts = 1;
        if ctx.is_any_word(j, &["of", "for", "to", "at"]) {
            let mut k = j + 1;
            if ctx.is_word(k, "the") {
                k += 1;
            }
            // "ambassador to Pyongyang," (a capital read as a place) names a post too; the
            // state after "to" or "at" is the host, not the person's own.
            let host = ctx.is_word(j, "to") || ctx.is_word(j, "at");
            if let Some(c) = ctx.covered(k).filter(|c| {
                c.first as usize == k
                    && (c.ty().is_some() || host && c.kind == crate::candidate::Kind::Place)
            }) {
                if matches!(c.ty(), Some(Type::Country | Type::Demonym)) && !host {
                    country = c.country;
                }
                k = c.last as usize;
                min_parts = 2;
            } else {
                while k < ctx.len()
                    && (ctx.is(k, class::TITLE_OF) && ctx.title_case(k)
                        || ctx.is_word(k, "and") && ctx.is(k + 1, class::TITLE_OF))
                {
                    k += 1;
                }
            }
            if k > j + 1 && k < ctx.len() {
                j = k;
                if ctx.punct(j, ",") {
                    j += 1;
                }
            }
        }
        // "the Danish fisheries minister, Mette Holm": the name in apposition.
        if j == t + 1 && ctx.punct(j, ",") && ctx.tok(t).is_lower_word() {
            j += 1;
        }
        if j >= ctx.len() || ctx.new_line(j) && j > t + 1 {
            continue;
        }
        // "Deputy Foreign Minister Do Hung Viet": a surname that is also a function word,
        // capitalised mid-sentence right after a title, leads a name of two more parts.
        let found = match name(ctx, j) {
            None if j == t + 1
                && ctx.is(j, class::STOP)
                && ctx.title_case(j)
                && !ctx.sent_start(j) =>
            {
                name(ctx, j + 1).filter(|&(_, parts)| parts >= 2)
            }
            found => found,
        };
        if let Some((end, parts)) = found {
            // "Executive Order 14024", "General Assembly 2024": a numbered document or event.
            let numbered = parts == 1
                && end < ctx.len()
                && !ctx.new_line(end)
                && ctx.tok(end).kind == Kind::Number;
            if parts >= min_parts && !numbered {
                let country = country.or_else(|| country_before(ctx, t));
                out.push(person(j, end, country));
            }
        }
    }
}

/// "By Humeyra Pamuk and Simon Lewis": the authors named at the start of a line.
fn by_byline(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    for b in ctx.caps() {
        if !(ctx.new_line(b) && ctx.title_case(b) && ctx.is_word(b, "by")) {
            continue;
        }
        let mut i = b + 1;
        while let Some((end, parts)) = (i < ctx.len() && !ctx.new_line(i))
            .then(|| name(ctx, i))
            .flatten()
        {
            if parts < 2 {
                break;
            }
            out.push(person(i, end, None));
            // The next author after ",", "and" or ", and".
            let mut next = end + usize::from(ctx.punct(end, ","));
            next += usize::from(ctx.is_word(next, "and"));
            if next == end {
                break;
            }
            i = next;
        }
    }
}

/// The country or demonym just before a title: "US President", "Russia's permanent
/// representative", "his French counterpart", "Chinese Foreign Minister".
pub(crate) fn country_before(ctx: &Ctx<'_>, title: usize) -> Option<u16> {
    let mut i = title;
    let mut steps = 0;
    while i > 0 && steps < 4 && !ctx.new_line(i) {
        i -= 1;
        steps += 1;
        if let Some(c) = ctx.covered(i) {
            return match c.ty() {
                Some(Type::Country | Type::Demonym) => c.country,
                _ => None,
            };
        }
        let t = ctx.tok(i);
        let modifier = t.is_lower_word() && !ctx.is(i, class::STOP)
            || ctx.possessive(i)
            || ctx.is(i, class::TITLE)
            || ctx.title_case(i) && !ctx.function_word(i);
        if !modifier {
            return None;
        }
    }
    None
}

/// Whether the word before `i` opens a place name ("St. Louis", "San Francisco", "Fort
/// Worth"): a given name right after it names the place, not a person.
fn after_place_prefix(ctx: &Ctx<'_>, i: usize) -> bool {
    const PREFIXES: [&str; 14] = [
        "st", "st.", "saint", "san", "santa", "santo", "são", "los", "las", "fort", "port",
        "mount", "mt", "mt.",
    ];
    i > 0
        && !ctx.new_line(i)
        && ctx.tok(i - 1).has(UPPER_INITIAL)
        && ctx.is_any_word(i - 1, &PREFIXES)
}

/// "Vasily Nebenzya", "Juan Manuel Santos": a known given name and at least one more part.
fn by_given_name(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let mut from = 0;
    for i in ctx.caps() {
        if i < from {
            continue;
        }
        if ctx.title_case(i)
            && ctx.is(i, class::GIVEN)
            && free(ctx, i)
            && !after_place_prefix(ctx, i)
        {
            if let Some((end, parts)) = name(ctx, i) {
                if parts >= 2 {
                    // "Chinese President Xi", "her Icelandic counterpart, Gunnar Magnusson".
                    let title = if i > 1 && ctx.punct(i - 1, ",") {
                        Some(i - 2)
                    } else {
                        i.checked_sub(1)
                    };
                    let country = title
                        .filter(|&t| ctx.is(t, class::TITLE))
                        .and_then(|t| country_before(ctx, t));
                    out.push(person(i, end, country));
                    from = end;
                }
            }
        }
    }
}

/// "Workneh Gebeyehu said", "Ted McKinney, the Undersecretary of …": an unknown two-part name
/// next to a reporting verb or an appositive title.
fn by_context(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    // Every case below starts with a capital; most tokens do not.
    let mut from = 0;
    for i in ctx.caps() {
        if i < from {
            continue;
        }
        // "H. Tillekeratne": an initial and a name.
        if ctx.initial(i)
            && !ctx.shout(i)
            && i + 1 < ctx.len()
            && ctx.title_case(i + 1)
            && free(ctx, i + 1)
        {
            if let Some((end, _)) = name(ctx, i) {
                out.push(person(i, end, None));
                from = end;
                continue;
            }
        }
        // Only a second name part or a bracketed country can make evidence: most capitalised
        // words have neither and are passed over without parsing a name.
        let next = i + 1;
        let more = ctx.title_case(next)
            || ctx.initial(next)
            || ctx.dash(next)
            || ctx.punct(next, "(")
            || ctx.is(next, class::PARTICLE);
        let plausible = ctx.title_case(i)
            && free(ctx, i)
            && ctx.covered(i).is_none()
            && !after_place_prefix(ctx, i);
        // "Clinton said", "…," said Dole.": a known surname alone, as the one quoted.
        if plausible && !more && ctx.is(i, class::SURNAME) && quoted(ctx, i) {
            out.push(person(i, next, None));
            from = next;
            continue;
        }
        let Some((end, parts)) = (more && plausible).then(|| name(ctx, i)).flatten() else {
            continue;
        };
        // "Wilson Kipketer (Denmark)": a name with its country in brackets.
        let with_country = ctx.punct(end, "(")
            && ctx.covered_type(end + 1) == Some(Type::Country)
            && ctx.country_at(end + 1).is_some_and(|e| ctx.punct(e, ")"));
        // A capital at a sentence start proves nothing ("Later Korenkov said"), unless the
        // word is a known given name.
        let weak_start = ctx.sent_start(i) && !ctx.is(i, class::GIVEN);
        // "Separately Patiño, the chief negotiator, said": an adverb opening the sentence.
        let adverb = weak_start && ctx.word(i).ends_with("ly");
        // A title in apposition is evidence enough even at a sentence start ("Otty Patiño,
        // the government's chief negotiator, said").
        let evidence = with_country
            || parts >= 2
                && !adverb
                && (title_in_apposition(ctx, end)
                    || !weak_start
                        && (reporting_after(ctx, end) || ctx.is(end - 1, class::SURNAME)));
        if evidence {
            let country = if with_country {
                ctx.covered(end + 1).and_then(|c| c.country)
            } else {
                None
            };
            out.push(person(i, end, country));
        }
        from = end;
    }
}

/// Whether the one-word name at `i` is the subject of a reporting verb ("Clinton said") or
/// comes after one at the end of a clause ("…," said Clinton.").
fn quoted(ctx: &Ctx<'_>, i: usize) -> bool {
    let said_before = i > 0
        && !ctx.new_line(i)
        && ctx.is(i - 1, class::REPORT_VERB)
        && ctx.tok(i - 1).is_lower_word();
    let clause_ends = i + 1 >= ctx.len()
        || ctx.new_line(i + 1)
        || [".", ",", ";"].iter().any(|p| ctx.punct(i + 1, p));
    // A company with a surname's name reports about itself: "Ford said it would cut jobs".
    let itself = |v: usize| ctx.is_word(v + 1, "it") || ctx.is_word(v + 1, "its");
    reporting_verb(ctx, i + 1).is_some_and(|v| !itself(v)) || said_before && clause_ends
}

fn reporting_after(ctx: &Ctx<'_>, end: usize) -> bool {
    reporting_verb(ctx, end).is_some()
}

/// The reporting verb right after a name ending at `end`, or after a comma there ("Clinton
/// said", "Clinton, said").
fn reporting_verb(ctx: &Ctx<'_>, end: usize) -> Option<usize> {
    let v = if ctx.punct(end, ",") { end + 1 } else { end };
    (ctx.is(v, class::REPORT_VERB) && ctx.tok(v).is_lower_word()).then_some(v)
}

/// ", the Undersecretary", ", Russia's ambassador", ", a senior adviser".
fn title_in_apposition(ctx: &Ctx<'_>, end: usize) -> bool {
    if !ctx.punct(end, ",") {
        return false;
    }
    for k in end + 1..end + 6 {
        if k >= ctx.len() || ctx.new_line(k) {
            return false;
        }
        if ctx.is(k, class::TITLE) && !ctx.is(k, class::STOP) {
            return true;
        }
        let t = ctx.tok(k);
        let ok = ctx.is(k, class::DET)
            || ctx.possessive(k)
            || ctx.covered(k).is_some()
            || t.is_lower_word() && !ctx.is(k, class::STOP | class::REPORT_VERB)
            || ctx.title_case(k) && !ctx.function_word(k);
        if !ok {
            return false;
        }
    }
    false
}

/// "Rodrigo Londoño, also known as Timoleón Jiménez or Timochenko"; "Guillermo León Sáenz
/// (Alfonso Cano)".
fn by_alias(ctx: &Ctx<'_>, start: usize, out: &mut Vec<Candidate>) {
    let mut ends: Vec<usize> = out[start..].iter().map(|c| c.last as usize).collect();
    ends.extend(
        ctx.gaz
            .iter()
            .filter(|c| c.ty() == Some(Type::Person))
            .map(|c| c.last as usize),
    );
    ends.sort_unstable();
    ends.dedup();
    for end in ends {
        let mut k = end;
        if ctx.punct(k, "(") {
            if let Some((e, _)) = name(ctx, k + 1) {
                if ctx.punct(e, ")") {
                    out.push(person(k + 1, e, None));
                }
            }
            continue;
        }
        if ctx.punct(k, ",") {
            k += 1;
        }
        if ctx.is_word(k, "also") {
            k += 1;
        }
        let cue = if ctx.is_word(k, "known") && ctx.is_word(k + 1, "as") {
            k + 2
        } else if ctx.is_word(k, "alias")
            || ctx.is_word(k, "aka")
            || ctx.is_word(k, "a.k.a.")
            || ctx.is_word(k, "nicknamed")
        {
            k + 1
        } else {
            continue;
        };
        let mut k = cue;
        while let Some((e, _)) = name(ctx, k) {
            out.push(person(k, e, None));
            if ctx.is_word(e, "or") || ctx.punct(e, ",") && !ctx.is_word(e + 1, "who") {
                k = e + 1;
                if ctx.is_word(k, "or") {
                    k += 1;
                }
            } else {
                break;
            }
        }
    }
}
